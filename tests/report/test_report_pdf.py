"""`spbe-arch report --pdf`: the page printed on A4 by headless Chromium, or a clear message."""

import re
import shutil
import subprocess

import pytest
from conftest import EXAMPLE

from spbe_arch.cli import app

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
    reason="poppler-utils (pdfinfo, pdftotext) is not installed (apt-get install poppler-utils)",
)


def test_pdf_without_chromium_writes_the_pages_and_says_what_to_install(
    runner, tmp_path, monkeypatch
):
    monkeypatch.setattr("spbe_arch.report.pdf.find_chromium", lambda: None)
    out = tmp_path / "laporan"
    result = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(out), "--pdf", "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(
        f"spbe-arch: wrote {out / 'index.html'} and {out / 'report.md'}, not report.pdf: --pdf "
        "needs Chromium to print the report")
    assert "apt-get install chromium" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "report.md"]


def _pages(pdf) -> list[tuple[float, float]]:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return [
        (float(w), float(h))
        for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    ]


@needs_poppler
def test_pdf_of_the_example_is_at_most_25_a4_pages_with_no_text_under_7pt(runner, tmp_path):
    from spbe_arch.report.pdf import find_chromium

    if find_chromium() is None:
        pytest.skip("chromium is not installed (apt-get install chromium); CI installs it")
    out = tmp_path / "laporan"
    result = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(out), "--pdf"])
    assert result.exit_code == 0, result.output
    assert f"ditulis {out / 'report.pdf'}" in result.stdout
    pdf = out / "report.pdf"
    pages = _pages(pdf)
    assert 5 <= len(pages) <= 25
    sizes = {(round(w), round(h)) for w, h in pages}
    assert sizes <= {(595, 842), (842, 595)}  # A4, portrait for text
    assert (842, 595) in sizes  # and landscape for diagrams
    assert pages[0] == pytest.approx((594.96, 841.92), abs=1)

    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    heights = [
        float(y1) - float(y0)
        for y0, y1 in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', boxes)
    ]
    assert len(heights) > 1000
    assert min(heights) >= 8.0  # a word box of 7 pt text is about 8.2 pt high

    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    assert "Ringkasan eksekutif" in text[0]
    assert not any("Penjelajah aplikasi" in page for page in text)  # the explorer is for screens
    row = re.compile(r"^\s*\d+\s+\S.*(Terdefinisi|Terkelola|Rintisan)", re.M)
    with_indicators = [page for page in text if row.search(page)]
    assert len(with_indicators) >= 2
    assert all(re.search(r"#\s+Indikator\s+Domain\s", p) for p in with_indicators)
    steps = next(page for page in text if "Langkah pertama" in page)
    assert re.search(r"Langkah pertama\s+1\. Indikator", steps)  # no heading left alone
    valid = [page for page in text
             if "Berkas model valid: tidak ada kesalahan penulisan model" in page]
    assert len(valid) == 1 and "Audit integrasi" in valid[0]  # not a page for one line
    assert any("Peta integrasi antarunit (1/4)" in page for page in text)  # printed in parts
    folded = " ".join(" ".join(page.split()) for page in text)
    assert ("Tabel lengkapnya (45 baris) tidak dicetak agar laporan tetap ringkas: bukalah "
            "index.html di peramban.") in folded  # a folded table says where it is
    numbers = [re.search(r"(\d+) / (\d+)\s*$", page) for page in text if page.strip()]
    assert [(int(n[1]), int(n[2])) for n in numbers] == [
        (k, len(pages)) for k in range(1, len(pages) + 1)]  # every page numbered, of how many
    assert "Laporan Arsitektur SPBE · Pemerintah Kabupaten Lembah Hijau" in text[1]
