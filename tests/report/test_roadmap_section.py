"""The report's roadmap section: the Gantt-like chart and the one trajectory line from the
years assessed to the years planned."""

import json
import re
import shutil
import subprocess
from html import escape

import pytest
from conftest import EXAMPLE
from typer.testing import CliRunner

from spbe_arch.cli import app
from spbe_arch.report.roadmap import roadmap_section, roadmap_svg, trajectory
from spbe_arch.validate import load_model


def test_roadmap_section_joins_assessed_and_planned_years():
    section = roadmap_section(load_model(EXAMPLE))
    assert section.available
    assert [(p.year, p.planned) for p in section.points] == [
        (2023, False), (2024, False),
        (2025, True), (2026, True), (2027, True), (2028, True), (2029, True),
    ]
    assert section.points[1].index == section.result.years[0].index  # the as-is is 2024
    assert section.points[-1].index == section.result.years[-1].index


def test_planned_years_already_assessed_stay_at_their_year():
    from dataclasses import replace

    from spbe_arch.change import AssessedYear

    result = roadmap_section(load_model(EXAMPLE)).result
    evaluated = replace(result, assessed=[AssessedYear(2024, 2.68, "Baik"),
                                          AssessedYear(2026, 2.7, "Baik")])
    assert [(p.year, p.planned) for p in trajectory(evaluated)] == [
        (2024, False), (2026, False),
        (2025, True), (2026, True), (2027, True), (2028, True), (2029, True),
    ]
    svg = roadmap_svg(evaluated)
    assert re.findall(r'<text x="[\d.]+" y="18" [^>]*>(\d+)</text>', svg) == [
        str(y) for y in range(2024, 2030)]


def test_roadmap_svg_has_a_bar_per_item_and_a_point_per_year():
    svg = roadmap_section(load_model(EXAMPLE)).svg
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and svg.endswith("</svg>")
    assert len(re.findall(r"<rect ", svg)) == 11
    assert len(re.findall(r"<circle ", svg)) == 7
    assert "<title>rm-2027-drc: Pembangunan pusat pemulihan bencana (DRC)" in svg
    assert svg.count('stroke-dasharray="5 4"') == 5  # the planned segments
    # 2023 verified -> 2024 estimated: not drawn as the solid line of verified results
    assert svg.count('stroke-dasharray="2 3"') == 1
    # a long name goes on two lines, whole, not cut
    assert "…" not in svg
    assert ('<tspan x="372" dy="0">Penggunaan penuh SRIKANDI dan penghentian e-Office</tspan>'
            '<tspan x="372" dy="14">daerah</tspan>') in svg


def test_roadmap_section_of_a_model_without_roadmap_has_no_items_and_no_chart(make_model):
    section = roadmap_section(load_model(make_model({})))
    assert (section.available, section.items, section.points, section.svg, section.summary) == (
        True, [], [], "", "")


# from the user's side: `spbe-arch report` on the example, whose roadmap.yaml plans 2025-2029

SMALL = {
    "model.yaml": """\
        units: [{id: dinkes, name: Dinas Kesehatan, kind: dinas, networks: [jip]}]
        applications:
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes}
          - {id: sikda, name: SIKDA, kind: khusus, owner: dinkes, status: planned}
        roadmap:
          - {id: rm-sikda, name: SIKDA untuk puskesmas, year: 2027, unit: dinkes,
             budget: 250000000, adds: [sikda]}
        """
}


def _section(html: str) -> str:
    start = html.index('<section class="s-roadmap">')
    return html[start : html.index("</section>", start)]


@pytest.fixture(scope="module")
def example_report(tmp_path_factory):
    """The example's report (Indonesian) and its roadmap as `spbe-arch roadmap` gives it."""
    out = tmp_path_factory.mktemp("report")
    runner = CliRunner()
    result = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    planned = runner.invoke(app, ["roadmap", str(EXAMPLE), "--format", "json"])
    assert planned.exit_code in (0, 1), planned.output
    return ((out / "index.html").read_text(), (out / "report.md").read_text(),
            json.loads(planned.stdout))


def test_report_shows_each_roadmap_item_with_its_name_and_year(example_report):
    html, markdown, planned = example_report
    section = _section(html)
    assert section.startswith(
        '<section class="s-roadmap">\n<h2 id="roadmap">Peta Rencana SPBE</h2>\n')
    assert '<li><a href="#roadmap">Peta Rencana SPBE</a></li>' in html
    assert len(planned["items"]) == 11
    rows = re.findall(r'<tr id="item-([^"]+)"><td>(\d+)</td><td>([^<]+) <span', section)
    assert rows == [(i["id"], str(i["year"]), escape(i["name"])) for i in planned["items"]]
    bars = re.findall(r"<title>([^:<]+): ([^<]+)</title>", section)
    assert bars == [(i["id"], escape(i["name"])) for i in planned["items"]]
    for item in planned["items"]:
        assert f"| {item['year']} | {item['name']} (`{item['id']}`) |" in markdown
    drc = re.search(r'<tr id="item-rm-2027-drc">.*?</tr>', section).group()
    assert "<td>Dinas Komunikasi, Informatika, Statistik dan Persandian</td>" in drc
    assert '<td class="num">Rp 1.500.000.000</td>' in drc
    assert "menambah Pusat Pemulihan Bencana (DRC) Pusat Data Daerah" in drc
    smki = re.search(r'<tr id="item-rm-2028-smki">.*?</tr>', section).group()
    assert smki.endswith("<td>Pembangunan pusat pemulihan bencana (DRC) dan pencadangan di luar "
                         "lokasi</td></tr>")  # what it waits for, by name


def test_report_trajectory_joins_the_years_assessed_and_the_years_planned(example_report):
    html, markdown, planned = example_report
    section = _section(html)
    # the JSON's numbers, written with the decimal comma of the Indonesian report
    expected = [(str(a["year"]), "terverifikasi evaluator" if a["verified"] else "estimasi",
                 f"{a['index']:.2f}".replace(".", ","), a["predikat"])
                for a in planned["assessed"]]
    assert [a["verified"] for a in planned["assessed"]] == [True, False]  # 2024's claims
    expected += [
        (str(y["year"]), "rencana", f"{y['index']:.2f}".replace(".", ","), y["predikat"])
        for y in planned["years"] if y["year"] is not None
    ]
    assert [row[0] for row in expected] == [str(y) for y in range(2023, 2030)]
    assert expected[1][2] == expected[2][2] == "2,68"  # as-is is 2024's; 2025 keeps it
    assert expected[-1][2:] == ("2,75", "Baik")
    rows = re.findall(
        r'<tr class="(?:assessed|planned)"><td>(\d+)</td><td>([\w ]+)</td>.*?'
        r'<td class="num">([\d,]+)</td><td>(\w+)</td></tr>', section)
    assert rows == expected
    for year, word, index, predikat in expected:
        assert re.search(rf"^\| {year} \| {word} \| [^|]* \| [^|]* \| {index} \| {predikat} \|$",
                         markdown, re.M)
    # the chart: one point per year, grey for the years assessed (hollow: an estimate), blue
    # for the years planned
    svg = re.search(r'<svg [^>]*class="chart roadmap".*?</svg>', section).group()
    points = re.findall(r'<circle cx="[\d.]+" cy="[\d.]+" r="4" fill="(#[0-9a-f]+)" '
                        r'stroke="(#[0-9a-f]+)" stroke-width="2"/><text [^>]*>([\d,]+)</text>',
                        svg)
    colours = {"terverifikasi evaluator": ("#64748b", "#64748b"),
               "estimasi": ("#fff", "#64748b"), "rencana": ("#2563eb", "#2563eb")}
    assert points == [(*colours[word], index) for _, word, index, _ in expected]
    assert "● terverifikasi evaluator</text>" in svg and "○ estimasi (penilaian mandiri dan " \
        "model)</text>" in svg
    assert re.findall(r'<text x="[\d.]+" y="18" [^>]*>(\d+)</text>', svg) == [
        row[0] for row in expected]


def test_report_summary_names_the_roadmap_and_its_end(example_report):
    html, markdown, planned = example_report
    sentence = ("Peta Rencana: 11 kegiatan 2025–2029, indeks diperkirakan 2,75 (Baik) pada "
                "2029. Indeksnya masih di bawah target 3,00.")  # the target is 3.00
    assert f'<p id="summary-roadmap"><a href="#roadmap">{sentence}</a></p>' in html
    assert markdown.index(sentence) < markdown.index("## Validasi berkas model")
    assert "Perkiraan anggaran seluruh kegiatan: <strong>Rp 5.020.000.000</strong>." in html
    assert sum(planned["budget"].values()) == 5_020_000_000


def test_report_in_english_words_the_roadmap_in_english(runner, make_model, tmp_path):
    out = tmp_path / "report"
    result = runner.invoke(app, ["report", str(make_model(SMALL)), "-o", str(out),
                                 "--lang", "en"])
    assert result.exit_code == 0, result.output
    html = (out / "index.html").read_text()
    section = _section(html)
    assert '<h2 id="roadmap">SPBE roadmap</h2>' in section
    assert "Peta Rencana: 1 items 2027, estimated index" in html
    assert "<title>SPBE roadmap (Peta Rencana SPBE)</title>" in section
    assert "● planned (roadmap applied)</text>" in section  # nothing assessed: no past entry
    assert "verified by the evaluator" not in section
    assert "<td>adds SIKDA</td>" in section
    assert "| 2027 | SIKDA untuk puskesmas (`rm-sikda`) | Dinas Kesehatan | Rp 250.000.000 |" in (
        out / "report.md").read_text()


def test_report_of_a_model_without_roadmap_has_a_note_and_no_chart(runner, make_model, tmp_path):
    model = dict(SMALL, **{"model.yaml": SMALL["model.yaml"].split("        roadmap:")[0]})
    out = tmp_path / "report"
    result = runner.invoke(app, ["report", str(make_model(model)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = (out / "index.html").read_text()
    assert _section(html) == (
        '<section class="s-roadmap">\n<h2 id="roadmap">Peta Rencana SPBE</h2>\n'
        '<p id="no-roadmap">Model ini belum memuat Peta Rencana SPBE (<code>roadmap:</code>).'
        "</p>\n"
    )
    assert "chart roadmap" not in html and "summary-roadmap" not in html
    markdown = (out / "report.md").read_text()
    assert "## Peta Rencana SPBE\n\nModel ini belum memuat Peta Rencana SPBE (`roadmap:`).\n" in (
        markdown)
    assert "Peta Rencana: " not in markdown


def test_report_whose_roadmap_breaks_exits_2_naming_the_section(
    runner, make_model, tmp_path, monkeypatch
):
    def broken(*args, **kwargs):
        raise KeyError("rm-sikda")

    monkeypatch.setattr("spbe_arch.change.roadmap", broken)
    out = tmp_path / "report"
    result = runner.invoke(app, ["report", str(make_model(SMALL)), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert result.stderr == "spbe-arch: bagian laporan 'roadmap' gagal: KeyError: 'rm-sikda'\n"
    assert not out.exists()


def test_report_whose_roadmap_an_analysis_refuses_says_the_section_is_unavailable(
    runner, make_model, tmp_path, monkeypatch
):
    from spbe_arch.io import SpbeError

    def refuse(*args, **kwargs):
        raise SpbeError("framework 'ipd-2025' not found")

    monkeypatch.setattr("spbe_arch.change.roadmap", refuse)
    out = tmp_path / "report"
    result = runner.invoke(app, ["report", str(make_model(SMALL)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    section = _section((out / "index.html").read_text())
    assert ('<p class="unavailable"><strong>Bagian ini tidak tersedia</strong><br>'
            "framework &#39;ipd-2025&#39; not found</p>") in section
    assert "> **Bagian ini tidak tersedia:** framework 'ipd-2025' not found" in (
        out / "report.md").read_text()


@pytest.mark.skipif(
    shutil.which("pdftotext") is None,
    reason="poppler-utils (pdftotext) is not installed (apt-get install poppler-utils)",
)
def test_a_long_roadmap_prints_in_parts_with_no_text_under_7pt(runner, make_model, tmp_path):
    from spbe_arch.report.pdf import find_chromium

    if find_chromium() is None:
        pytest.skip("chromium is not installed (apt-get install chromium); CI installs it")
    items = "\n".join(
        f"          - {{id: rm-{n:02d}, name: Pengembangan layanan digital puskesmas tahap {n}, "
        f"year: {2026 + n % 4}, unit: dinkes}}"
        for n in range(40)
    )
    model = make_model({"model.yaml": SMALL["model.yaml"].split("        roadmap:")[0]
                        + "        roadmap:\n" + items + "\n"})
    out = tmp_path / "report"
    result = runner.invoke(app, ["report", str(model), "-o", str(out), "--pdf"])
    assert result.exit_code == 0, result.output
    pdf = str(out / "report.pdf")
    pages = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    parts = [n for n, page in enumerate(pages, start=1) if "Peta Rencana SPBE (" in page]
    assert [re.search(r"Peta Rencana SPBE \((\d/\d)\)", pages[n - 1]).group(1)
            for n in parts] == ["1/3", "2/3", "3/3"]  # 18, 18 and 4 items, one page each
    assert "Indeks SPBE" in pages[parts[-1] - 1]
    boxes = subprocess.run(
        ["pdftotext", "-f", str(parts[0]), "-l", str(parts[-1]), "-bbox", pdf, "-"],
        capture_output=True, text=True, check=True,
    ).stdout
    heights = [float(y1) - float(y0)
               for y0, y1 in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', boxes)]
    assert len(heights) > 300
    assert min(heights) >= 8.0  # a word box of 7 pt text is about 8.2 pt high


def test_report_framework_counts_the_roadmap_trajectory_too(runner, tmp_path):
    framework = (EXAMPLE.parent.parent / "models" / "frameworks" / "permenpanrb-59-2020.yaml")
    renamed = tmp_path / "framework.yaml"
    renamed.write_text(framework.read_text().replace("{name: Baik,", "{name: Bagus,"))
    out = tmp_path / "report"
    result = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(out), "--framework",
                                 str(renamed)])
    assert result.exit_code in (0, 1), result.output
    rows = re.findall(r'<tr class="(?:assessed|planned)"><td>(\d+)</td>.*?<td>(\w+)</td></tr>',
                      _section((out / "index.html").read_text()))
    assert rows == [("2023", "Cukup")] + [(str(y), "Bagus") for y in range(2024, 2030)]


def test_report_of_a_model_too_large_to_apply_its_roadmap_lists_the_items_and_the_command(
    runner, make_model, tmp_path, monkeypatch
):
    monkeypatch.setattr("spbe_arch.report.roadmap.APPLY_LIMIT", 1)  # SMALL has 2 applications

    def not_called(*args, **kwargs):
        raise AssertionError("the roadmap was applied")

    monkeypatch.setattr("spbe_arch.change.roadmap", not_called)
    model = make_model(SMALL)
    out = tmp_path / "report"
    result = runner.invoke(app, ["report", str(model), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = (out / "index.html").read_text()
    section = _section(html)
    assert '<p id="roadmap-summary">Peta Rencana: 1 kegiatan 2027. Perkiraan anggaran' in section
    assert ("Model ini terlalu besar untuk menerapkan Peta Rencana tahun demi tahun di laporan; "
            f"indeks dan ukuran audit per tahun: <code>spbe-arch roadmap {model.as_posix()}"
            "</code>") in section
    assert "<svg" not in section and "roadmap-years" not in section
    assert '<tr id="item-rm-sikda"><td>2027</td><td>SIKDA untuk puskesmas' in section
    assert "Peta Rencana: 1 kegiatan 2027." in html[: html.index('<section class="s-roadmap">')]


def test_roadmap_of_more_than_chart_rows_items_draws_the_index_line_only(
    make_model, monkeypatch
):
    monkeypatch.setattr("spbe_arch.report.roadmap.CHART_ROWS", 3)
    items = "\n".join(
        f"          - {{id: rm-{n}, name: Kegiatan {n}, year: {2026 + n}, unit: dinkes}}"
        for n in range(4)
    )
    model = make_model({"model.yaml": SMALL["model.yaml"].split("        roadmap:")[0]
                        + "        roadmap:\n" + items + "\n"})
    section = roadmap_section(load_model(model))
    assert len(section.items) == 4 and section.print_parts == []
    assert "<rect " not in section.svg
    assert section.svg.count("<circle ") == 4  # 2026-2029, planned
    assert re.findall(r'<text x="[\d.]+" y="18" [^>]*>(\d+)</text>', section.svg) == [
        "2026", "2027", "2028", "2029"]
