"""The portfolio page in a real browser: headless Chromium opens it offline, its script runs."""

import os
import sys
from pathlib import Path

import pytest
from portfolio_models import write_models

from spbe_arch.cli import app

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "report"))
from report_browser import find_chromium, visit


def test_portfolio_page_opens_offline_in_chromium(runner, tmp_path):
    chromium = find_chromium()
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install chromium); CI installs it")
    page_file = tmp_path / "portfolio.html"
    models = write_models(tmp_path / "models")
    result = runner.invoke(app, ["portfolio", str(models), "-f", "html", "-o", str(page_file)])
    assert result.exit_code == 1, result.output  # the fourth has errors

    page = visit(page_file, chromium=chromium)

    assert page.requests == [page.url]  # the page itself, nothing else
    assert page.failed == []
    assert page.console_errors == []  # the script is allowed by its hash and runs cleanly
    assert page.dom["scripts"] == 1
    assert page.dom["title"] == "Portfolio of 4 instansi, 2 ranked"
    shots = Path(os.environ.get("SPBE_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    (shots / "portfolio.png").write_bytes(page.screenshot)


@pytest.mark.parametrize("width", [1400, 1280])
def test_portfolio_tables_fit_the_window_in_indonesian(runner, tmp_path, width):
    """Long Indonesian headers wrap instead of pushing the last columns out of sight."""
    chromium = find_chromium()
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install chromium); CI installs it")
    from report_browser import open_page

    page_file = tmp_path / "portofolio.html"
    models = write_models(tmp_path / "models", ["kab-alpha", "kota-beta", "kab-gamma"])
    result = runner.invoke(app, ["portfolio", str(models), "-f", "html", "--lang", "id",
                                 "-o", str(page_file)])
    assert result.exit_code == 0, result.output

    with open_page(page_file, width=width, chromium=chromium) as page:
        overflowing = page.eval(
            "[...document.querySelectorAll('.scroll')].filter(s => s.scrollWidth > "
            "s.clientWidth).map(s => s.firstElementChild.id)")
    assert overflowing == []


def test_a_column_sorts_unknown_shares_last_both_ways(runner, tmp_path):
    """Alpha and Beta record no service: sorted by unintegrated services, up or down, they
    come after Gamma's known 1 of 1, never at the best end."""
    chromium = find_chromium()
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install chromium); CI installs it")
    from report_browser import open_page

    page_file = tmp_path / "portfolio.html"
    models = write_models(tmp_path / "models", ["kab-alpha", "kota-beta", "kab-gamma"])
    assert runner.invoke(app, ["portfolio", str(models), "-f", "html", "-o",
                               str(page_file)]).exit_code == 0
    order = ("[...document.querySelectorAll('#ranking-table tbody tr')]"
             ".map(r => r.querySelector('.mono').textContent.split(' ')[0])")
    with open_page(page_file, chromium=chromium) as page:
        column = ("[...document.querySelectorAll('#ranking-table th')]"
                  ".findIndex(th => th.textContent.includes('unintegrated'))")
        header = f"document.querySelectorAll('#ranking-table th')[{column}]"
        assert page.eval(f"{column}") > 0
        page.eval(f"{header}.click()")
        ascending = page.eval(order)
        page.eval(f"{header}.click()")
        descending = page.eval(order)
    assert ascending[0] == descending[0] == "kab-gamma"
    assert sorted(ascending[1:]) == sorted(descending[1:]) == ["kab-alpha", "kota-beta"]


def test_the_indonesian_page_sorts_the_index_by_its_value(runner, tmp_path):
    """'2,68' is shown with a decimal comma; sorting reads the value, not the text (where
    parseFloat would read 2)."""
    chromium = find_chromium()
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install chromium); CI installs it")
    from report_browser import open_page

    page_file = tmp_path / "portofolio.html"
    models = write_models(tmp_path / "models", ["kab-alpha", "kota-beta", "kab-gamma"])
    assert runner.invoke(app, ["portfolio", str(models), "-f", "html", "--lang", "id", "-o",
                               str(page_file)]).exit_code == 0
    index = ("[...document.querySelectorAll('#ranking-table tr')]"
             ".map(r => r.cells[5].firstChild.textContent)")  # not its 'sementara' line
    with open_page(page_file, chromium=chromium) as page:
        header = "document.querySelectorAll('#ranking-table th')[5]"
        title = page.eval(f"{header}.title")
        page.eval(f"{header}.click()")
        shown = page.eval(index)[1:]
    values = [float(text.replace(",", ".")) for text in shown]
    assert "," in "".join(shown) and values == sorted(values) and len(set(values)) > 1
    assert title == "urutkan menurut kolom ini"
