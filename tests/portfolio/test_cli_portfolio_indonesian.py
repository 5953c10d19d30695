"""`spbe-arch portfolio --lang id`: Indonesian words and decimal commas in every format but
JSON; and `-o` naming a folder."""

import json
import re

import pytest
from portfolio_models import write_models

from spbe_arch.cli import app

PUBLISHED = "year,instansi,index,d1_kebijakan\n2023,Pemerintah Kab. Alpha,3.01,3.40\n"


@pytest.fixture
def good(tmp_path):
    return write_models(tmp_path / "good", ["kab-alpha", "kota-beta", "kab-gamma"])


@pytest.fixture
def csv(tmp_path):
    path = tmp_path / "hasil.csv"
    path.write_text(PUBLISHED, encoding="utf-8")
    return path


def _mean(runner, good) -> float:
    result = runner.invoke(app, ["portfolio", str(good), "--format", "json", "--lang", "id"])
    return json.loads(result.stdout)["totals"]["mean_index"]


def test_portfolio_page_in_indonesian(runner, good, csv, tmp_path):
    page = tmp_path / "portofolio.html"
    result = runner.invoke(app, ["portfolio", str(good), "--published", str(csv), "-f", "html",
                                 "--lang", "id", "-o", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    mean = f"{_mean(runner, good):.2f}".replace(".", ",")
    assert f'<div class="label">rata-rata indeks</div><div class="value">{mean}</div>' in html
    totals = html[html.index('id="totals-table"'):html.index('id="ranking"')]
    assert re.search(rf'<td class="num" data-sort="[\d.]+">{mean}</td>', totals)
    assert not re.search(r">\d+\.\d+<", html)  # no decimal point in any cell
    assert '<p class="kicker">spbe-arch portofolio</p>' in html
    assert "<td>API langsung</td></tr>" in html and "api_direct<" not in html
    assert "<td>kode RAA &#39;RAA.03.02&#39;, nama &#39;SIMPUS&#39;</td>" in html
    assert "<tr><td>pusat data</td><td>Pusat Data Nasional" in html
    assert '<td class="num">3,01</td>' in html and '<td class="num">3,40</td>' in html
    for english in ("RAA code", "portfolio<", "name &#39;", "data centre", " claim",
                    "<th>level</th>"):
        assert english not in html
    assert ("<p class=\"muted\">sementara, tanpa peringkat dan predikat (kurang dari separuh "
            "indikator memiliki tingkat sendiri): Pemerintah Kabupaten Gamma (8 dari 47)</p>"
            ) in html


def test_portfolio_text_in_indonesian(runner, good, csv):
    result = runner.invoke(app, ["portfolio", str(good), "--published", str(csv),
                                 "--lang", "id"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert ("  SIMPUS: 3 instansi (kab-alpha, kab-gamma, kota-beta); 3 aplikasi; dicocokkan "
            "menurut kode RAA 'RAA.03.02', nama 'SIMPUS'\n") in text
    assert "  pusat data Pusat Data Nasional (PDN) (pdn): 3 instansi, 4 aplikasi" in text
    assert re.search(r"^    1 Kebijakan SPBE: dipublikasikan 3,40, estimasi \d,\d\d, selisih "
                     r"[+-]\d,\d\d; estimasi dari \d+ (klaim|model|terverifikasi|belum dinilai)",
                     text, re.M)
    json_out = runner.invoke(app, ["portfolio", str(good), "--format", "json", "--lang", "id"])
    assert json.loads(json_out.stdout)["duplicate_functions"][0]["matched_by"] == [
        "RAA code 'RAA.03.02'", "name 'SIMPUS'"]  # JSON keeps its English keys


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_portfolio_output_naming_a_folder_is_refused(runner, good, tmp_path, force):
    folder = tmp_path / "keluaran"
    folder.mkdir()
    result = runner.invoke(app, ["portfolio", str(good), "-f", "html", "-o", str(folder),
                                 *force])
    assert result.exit_code == 2, result.output
    assert result.stderr == (f"spbe-arch: {folder}: is a folder; give the path of a file to "
                             f"write (such as {folder / 'FILE'})\n")
    assert list(folder.iterdir()) == []
