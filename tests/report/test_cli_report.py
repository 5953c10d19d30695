"""`spbe-arch report`: index.html and report.md from the user's side."""

import json
import re
import shutil
from html import unescape

import pytest
from conftest import EXAMPLE

from spbe_arch.cli import app

MODEL = {
    "model.yaml": """\
        units: [{id: dinkes, name: Dinas Kesehatan, kind: dinas, networks: [jip]}]
        applications:
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes}
          - {id: sikda, name: SIKDA, kind: khusus, owner: dinkes}
        integrations:
          - {id: i1, source: simpus, target: sikda, via: api_direct, network: jip}
        """
}


def test_report_writes_html_and_markdown(runner, make_model, tmp_path):
    out = tmp_path / "laporan"
    result = runner.invoke(app, ["report", str(make_model(MODEL)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"ditulis {out / 'index.html'}\nditulis {out / 'report.md'}\n"
    html = (out / "index.html").read_text()
    assert html.startswith("<!DOCTYPE html>")
    assert '<h2 id="audit">Audit integrasi</h2>' in html
    assert "SIMPUS" in html and "SIKDA" in html
    markdown = (out / "report.md").read_text()
    assert markdown.startswith("# Laporan Arsitektur SPBE: Kabupaten Uji\n")
    assert re.search(r"\*\*Estimasi indeks SPBE sementara \d,\d\d: baru \d dari 47 indikator yang "
                     r"memiliki tingkat sendiri, indikator lain dihitung pada tingkat terendah; "
                     r"predikat belum dapat ditentukan", markdown)  # few rated: no predikat
    page = html.split('id="card-index"')[1].split("</div></div>")[0]
    assert "sementara" in page and "Kurang" not in page


def test_report_o_names_a_folder_and_a_file_there_is_said_so(runner, make_model, tmp_path):
    """`-o laporan/index.html` meant the page: said, with the folder to give instead (it
    wrote laporan/index.html/index.html, or failed with 'File exists')."""
    model = str(make_model(MODEL))
    laporan = tmp_path / "laporan"
    laporan.mkdir()
    page = laporan / "index.html"
    for force in ((), ("--force",)):
        result = runner.invoke(app, ["report", model, "-o", str(page), "--lang", "en", *force])
        assert result.exit_code == 2, result.output
        assert result.stderr == (
            f"spbe-arch: {page}: -o names the report's folder, not a file: its pages "
            f"(index.html, report.md, ...) are written in it, e.g. -o {laporan}\n")
    assert list(laporan.iterdir()) == []


def test_report_refuses_to_overwrite_without_force(runner, make_model, tmp_path):
    model = str(make_model(MODEL))
    out = tmp_path / "laporan"
    out.mkdir()
    (out / "report.md").write_text("keep")
    result = runner.invoke(app, ["report", model, "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert result.stderr == (  # the report speaks Indonesian unless told otherwise
        f"spbe-arch: {out / 'report.md'}: sudah ada; gunakan --force untuk menimpanya\n"
    )
    result = runner.invoke(app, ["report", model, "-o", str(out), "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"spbe-arch: {out / 'report.md'}: already exists; use --force to overwrite it\n"
    )
    assert (out / "report.md").read_text() == "keep"
    assert not (out / "index.html").exists()
    result = runner.invoke(app, ["report", model, "-o", str(out), "--force"])
    assert result.exit_code == 0, result.output
    assert (out / "report.md").read_text() != "keep"


def test_report_of_a_model_with_errors_is_written_and_exits_1(runner, make_model, tmp_path):
    files = dict(MODEL)
    files["broken.yaml"] = "applications:\n  - {id: x, name: X, kind: khusus, owner: nowhere}\n"
    out = tmp_path / "laporan"
    result = runner.invoke(app, ["report", str(make_model(files)), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert "model memiliki 1 kesalahan; laporan mencantumkannya" in result.stderr
    html = (out / "index.html").read_text()
    assert "Model memiliki kesalahan" in html
    assert "SPBE-R" in html and "nowhere" in html


def test_report_in_english(runner, make_model, tmp_path):
    out = tmp_path / "report"
    result = runner.invoke(app, ["report", str(make_model(MODEL)), "-o", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    text = (out / "report.md").read_text()
    assert text.startswith("# SPBE architecture report: Kabupaten Uji\n")
    assert "\n## Integration audit\n" in text
    assert "Audit integrasi" not in text  # one language per report


def test_report_in_indonesian_draws_diagrams_without_english_glosses(
    runner, make_model, tmp_path
):
    import pytest

    from spbe_arch.diagrams import find_engine

    if find_engine() is None:
        pytest.skip("no Graphviz engine")
    for lang, glossed in (("id", False), ("en", True)):
        out = tmp_path / lang
        result = runner.invoke(app, ["report", str(make_model(MODEL)), "-o", str(out),
                                     "--lang", lang])
        assert result.exit_code == 0, result.output
        html = (out / "index.html").read_text()
        assert ">Legenda</text>" in html
        assert (">Legend</text>" in html, ">direct, without SPLP</text>" in html) == (
            glossed, glossed
        ), lang


def test_report_diagrams_name_mechanisms_in_words_never_as_codes(runner, make_model, tmp_path):
    import re

    import pytest

    from spbe_arch.diagrams import find_engine

    if find_engine() is None:
        pytest.skip("no Graphviz engine")
    model = {"model.yaml": MODEL["model.yaml"].rstrip(" ") + """\
          - {id: i2, source: sikda, target: simpus, via: shared_login}
          - {id: i3, source: simpus, target: sikda, via: manual, status: planned}
        """}
    for lang, words in (("id", ["login bersama"]), ("en", ["login bersama (shared login)"])):
        out = tmp_path / lang
        result = runner.invoke(app, ["report", str(make_model(model)), "-o", str(out),
                                     "--lang", lang])
        assert result.exit_code == 0, result.output
        html = (out / "index.html").read_text()
        drawn = " ".join(re.findall(r"<svg\b.*?</svg>", html, re.DOTALL))
        texts = " ".join(re.findall(r"<text\b[^>]*>([^<]*)</text>", drawn))
        for word in words:
            assert word in texts, lang
        for code in ("shared_login", "api_direct", "database_link", "file_transfer"):
            assert code not in drawn, (lang, code)
        assert ("shared login" in texts) == (lang == "en")
        titles = set(re.findall(r"<title>([^<]*)</title>", drawn))  # shown on hover
        assert {"simpus", "sikda"} <= titles  # a box's id: the explorer opens it on a click
        assert not {t for t in titles if t.startswith("cluster") or t in (
            "legend", "landscape", "integration", "layered")}, titles


def test_report_of_a_missing_folder_exits_2(runner, tmp_path):
    result = runner.invoke(app, ["report", str(tmp_path / "nope"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_report_of_the_example_shows_every_section(runner, tmp_path):
    if not (EXAMPLE / "spbe.yaml").is_file():
        import pytest

        pytest.skip("the example model is not there yet")
    out = tmp_path / "report"
    result = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = (out / "index.html").read_text()
    for anchor in ("summary", "validation", "audit", "maturity", "plan", "diagrams", "inventory"):
        assert f'<h2 id="{anchor}">' in html
    assert "Bagian ini tidak tersedia" not in html
    assert "Pemerintah Kabupaten Lembah Hijau" in html
    # an evaluator sees which document supports which level, in both formats
    bukti = ("bukti: Peraturan Bupati Lembah Hijau Nomor 12 Tahun 2022 tentang Arsitektur SPBE "
             "Kabupaten Lembah Hijau")
    assert bukti in html and bukti in (out / "report.md").read_text()


def test_report_with_a_broken_section_exits_2_naming_it_and_writes_nothing(
    runner, make_model, tmp_path, monkeypatch
):
    def broken(*args, **kwargs):
        raise TypeError("assess() got an unexpected keyword argument 'target'")

    monkeypatch.setattr("spbe_arch.maturity.assess", broken)
    out = tmp_path / "laporan"
    result = runner.invoke(app, ["report", str(make_model(MODEL)), "-o", str(out), "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        "spbe-arch: report section 'maturity' failed: TypeError: assess() got an unexpected "
        "keyword argument 'target'\n"
    )
    assert not out.exists()


@pytest.mark.parametrize("aside", [False, True])
def test_report_whose_page_breaks_exits_2_naming_it_and_writes_nothing(
    runner, make_model, tmp_path, monkeypatch, aside
):
    """A template that breaks (a bug) fails the report as a section does, whether the page
    is rendered here or aside in a second process (as for a large model), and leaves no page
    half-written."""
    import jinja2

    def broken(context):
        raise jinja2.UndefinedError("'ReportContext object' has no attribute 'plan_rows'")

    monkeypatch.setattr("spbe_arch.report.pages.render_markdown", broken)
    if aside:
        monkeypatch.setattr("spbe_arch.io.aside.WORTH_IT", 0)
    out = tmp_path / "laporan"
    result = runner.invoke(app, ["report", str(make_model(MODEL)), "-o", str(out), "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        "spbe-arch: report page 'report.md' failed: UndefinedError: 'ReportContext object' has "
        "no attribute 'plan_rows'\n"
    )
    assert not out.exists()


def test_report_of_a_model_an_analysis_refuses_says_which_section_is_unavailable(
    runner, make_model, tmp_path, monkeypatch
):
    from spbe_arch.io import SpbeError

    def refuse(*args, **kwargs):
        raise SpbeError("framework 'ipd-2025' not found")

    monkeypatch.setattr("spbe_arch.maturity.assess", refuse)
    out = tmp_path / "laporan"
    result = runner.invoke(app, ["report", str(make_model(MODEL)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (
        "bagian tingkat kematangan tidak tersedia: framework 'ipd-2025' not found\n"
        in result.stderr
    )
    assert "Bagian ini tidak tersedia" in (out / "index.html").read_text()


def test_report_of_a_model_naming_an_unknown_framework_shows_the_error_and_exits_1(
    runner, tmp_path
):
    model = tmp_path / "model"
    shutil.copytree(EXAMPLE, model)
    manifest = model / "spbe.yaml"
    manifest.write_text(manifest.read_text().replace("permenpanrb-59-2020", "permenpanrb-59-2021"))
    out = tmp_path / "laporan"
    result = runner.invoke(app, ["report", str(model), "-o", str(out), "--lang", "en"])
    assert result.exit_code == 1, result.output
    assert "maturity section unavailable: unknown framework 'permenpanrb-59-2021'" in result.stderr
    page = (out / "index.html").read_text()
    assert "SPBE-M008" in page
    summary = (out / "report.md").read_text()
    assert ("The model has 1 errors: fix them first. The SPBE index could not be estimated: "
            "unknown framework 'permenpanrb-59-2021'") in summary
    assert "provisional" not in summary


def test_inventory_says_how_its_integrations_relate_to_the_audits_count(runner, tmp_path):
    import json

    out = tmp_path / "laporan"
    assert runner.invoke(app, ["report", str(EXAMPLE), "-o", str(out)]).exit_code == 0
    audit = json.loads(runner.invoke(app, ["audit", str(EXAMPLE), "--format", "json"]).stdout)
    from spbe_arch.validate import load_model

    recorded = len(load_model(EXAMPLE).architecture.integrations)
    html = (out / "index.html").read_text("utf-8")
    assert (
        f"Semua integrasi yang tercatat ({recorded}), apa pun status dan mekanismenya; "
        f"{audit['metrics']['integrations']} di antaranya aktif dan dihitung sebagai integrasi "
        "oleh ringkasan dan audit (pertukaran manual dan login bersama, walau aktif, tidak "
        "dihitung)"
    ) in html


def test_markdown_keeps_html_in_model_names_as_text(runner, make_model, tmp_path):
    """A name from an imported spreadsheet can hold markup; report.md must not carry it as
    HTML (index.html escapes it too)."""
    root = make_model({"m.yaml": """\
        units: [{id: dinkes, name: "Dinas <b>Kesehatan</b>", kind: dinas, networks: [jip]}]
        applications:
          - {id: x, name: "<script>alert(1)</script>", kind: khusus, owner: dinkes}
        """})
    out = tmp_path / "laporan"
    runner.invoke(app, ["report", str(root), "-o", str(out)])
    markdown = (out / "report.md").read_text()
    assert "<script" not in markdown and "<b>" not in markdown
    assert "&lt;script>alert(1)&lt;/script>" in markdown
    assert "<details><summary>" in markdown  # the folds the template writes stay
    assert "<script>alert" not in (out / "index.html").read_text()


def test_report_says_which_integrations_have_no_known_direction(runner, make_model, tmp_path):
    """An inventory's link of unknown direction: the inventory table and the explorer's data
    say so beside the mechanism, in the report's language."""
    model = make_model({"model.yaml": MODEL["model.yaml"].replace(
        "via: api_direct, network: jip}", "via: api_direct, network: jip, direction: unknown}")})
    for lang, words in (("id", "API langsung, arah tidak diketahui"),
                        ("en", "direct API, direction unknown")):
        out = tmp_path / lang
        result = runner.invoke(app, ["report", str(model), "-o", str(out), "--lang", lang])
        assert result.exit_code == 0, result.output
        html = (out / "index.html").read_text(encoding="utf-8")
        assert words in html
        assert '"either":true' in html.replace(" ", "")
        assert words in (out / "report.md").read_text(encoding="utf-8")


def test_report_shows_the_first_plan_steps_and_the_command_for_the_rest(
        runner, make_model, tmp_path):
    """Without a target the plan holds the next step of every indicator (47): the report
    shows the first 15, says how many more there are and the command that lists them."""
    model = make_model(MODEL)
    out = tmp_path / "laporan"
    assert runner.invoke(app, ["report", str(model), "-o", str(out), "--lang", "en"]
                         ).exit_code == 0
    plan = json.loads(runner.invoke(app, ["maturity", str(model), "--format", "json"]).stdout)
    more = len(plan["plan"]) - 15
    assert more > 0
    html = (out / "index.html").read_text(encoding="utf-8")
    section = html[html.index('id="plan"'):html.index('class="s-diagrams"')]
    assert section.count("<tr>") == 15 + 1  # the header row
    assert (f"{more} more steps, not shown here (the index after the plan counts them all); "
            f"all of them: <code>spbe-arch maturity {model}</code>") in section
    assert (f"{more} more steps, not shown here (the index after the plan counts them all); "
            f"all of them: `spbe-arch maturity {model}`") in (out / "report.md").read_text()


def test_the_printed_footer_names_the_instansi_as_written(runner, make_model, tmp_path):
    """A style sheet reads no HTML escapes: '&' stays '&', a quote is escaped the CSS way."""
    manifest = ("instansi: {id: kota-y, name: 'Pemerintah Kota Y & \"Sekitarnya\"', "
                "level: kota}\n")
    out = tmp_path / "laporan"
    result = runner.invoke(app, ["report", str(make_model({"spbe.yaml": manifest})), "-o",
                                 str(out)])
    assert result.exit_code == 0, result.output
    html = (out / "index.html").read_text(encoding="utf-8")
    assert ('content:"Laporan Arsitektur SPBE · Pemerintah Kota Y & \\22 Sekitarnya\\22 ";'
            in html)


def test_unit_maps_of_units_sharing_a_name_are_told_apart_by_id(runner, make_model, tmp_path):
    """A province's model holds a Dinas Kesehatan per kabupaten: each map says which."""
    units = "".join(f"  - {{id: dinkes-{k}, name: Dinas Kesehatan, kind: dinas}}\n"
                    for k in ("a", "b"))
    apps = "".join(f"  - {{id: app-{k}{n}, name: App {k}{n}, kind: khusus, owner: dinkes-{k}}}\n"
                   for k in ("a", "b") for n in range(16))
    links = "".join(f"  - {{id: int-{k}{n}, source: app-{k}{n}, target: app-{k}{n + 1}, "
                    "via: splp}\n" for k in ("a", "b") for n in range(15))
    model = make_model({"m.yaml": f"units:\n{units}applications:\n{apps}integrations:\n{links}"})
    out = tmp_path / "laporan"
    result = runner.invoke(app, ["report", str(model), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "<summary>Dinas Kesehatan (dinkes-a)</summary>" in html
    assert "<summary>Dinas Kesehatan (dinkes-b)</summary>" in html


def test_audit_findings_name_elements_and_mechanisms_in_words_the_cli_keeps_ids(
    runner, make_model, tmp_path
):
    path = make_model({"model.yaml": """\
        units:
          - {id: dinkes, name: Dinas Kesehatan, kind: dinas, networks: [jip]}
          - {id: bkd, name: Badan Kepegawaian, kind: badan, networks: [jip]}
        applications:
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes}
          - {id: simpeg, name: SIMPEG, kind: khusus, owner: bkd}
        integrations:
          - {id: i1, source: simpus, target: simpeg, via: api_direct, network: jip}
        """})
    out = tmp_path / "laporan"
    result = runner.invoke(app, ["report", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    for page in (unescape((out / "index.html").read_text()),
                 (out / "report.md").read_text()):
        assert ("('SIMPUS' -> 'SIMPEG') dari unit kerja 'Dinas Kesehatan' ke unit kerja "
                "'Badan Kepegawaian' memakai 'API langsung', bukan SPLP") in page
        assert "'api_direct'" not in page and "'simpus'" not in page
    audit = runner.invoke(app, ["audit", str(path)])  # the architect's view keeps the ids
    assert "('simpus' -> 'simpeg')" in audit.output and "'api_direct'" in audit.output
