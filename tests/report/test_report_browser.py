"""The report in a real browser: headless Chromium opens the example's index.html offline."""

import os
from pathlib import Path

import pytest
from conftest import EXAMPLE
from report_browser import find_chromium, png_pixels, visit

from spbe_arch.cli import app
from spbe_arch.diagrams import find_engine

SECTIONS = [
    "summary", "validation", "audit", "maturity", "plan", "diagrams", "explorer", "inventory",
]

SMALL = {
    "model.yaml": """\
        units: [{id: dinkes, name: Dinas Kesehatan, kind: dinas, networks: [jip]}]
        applications:
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes}
        integrations:
          - {id: i1, source: simpus, target: satusehat, via: splp, network: jip}
        """
}


def _inked_share(png: bytes) -> float:
    """Share of sampled pixels that differ from the page background and from white."""
    width, _, rows = png_pixels(png)
    background = {bytes((248, 250, 252)), bytes((255, 255, 255))}
    samples = [row[x : x + 3] for row in rows[::4] for x in range(0, width * 3, 12)]
    return sum(1 for pixel in samples if pixel not in background) / len(samples)


def test_report_opens_offline_in_chromium(runner, make_model, tmp_path):
    chromium = find_chromium()
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install chromium); CI installs it")
    model = EXAMPLE if (EXAMPLE / "spbe.yaml").is_file() else make_model(SMALL)
    out = tmp_path / "report"
    result = runner.invoke(app, ["report", str(model), "-o", str(out)])
    assert result.exit_code == 0, result.output

    page = visit(out / "index.html", clips=((0, 900),), chromium=chromium)

    assert page.requests == [page.url]  # the page itself, nothing else
    assert page.failed == []
    assert page.console_errors == []
    assert page.dom["sections"] == SECTIONS
    assert page.dom["scripts"] == 2  # the explorer's data and its script
    assert page.dom["title"].startswith("Laporan Arsitektur SPBE - ")
    assert page.dom["text"] > 2000
    if find_engine() is not None:
        assert page.dom["svgs"] == 5  # the maturity chart and four diagrams
    assert page.height > 2000
    assert page.screenshot[:8] == b"\x89PNG\r\n\x1a\n"
    assert _inked_share(page.clips[0]) > 0.05  # the top of the page is not blank
    shots = Path(os.environ.get("SPBE_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    (shots / "report.png").write_bytes(page.screenshot)
