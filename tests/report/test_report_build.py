"""The report's data (one typed context) and its HTML and Markdown renderings."""

import os

import pytest
from conftest import EXAMPLE
from tiny_model import TINY

from spbe_arch.cli import app
from spbe_arch.io import SpbeError
from spbe_arch.report.chart import bar_chart
from spbe_arch.report.context import SectionFailed, gather
from spbe_arch.report.pages import render_html, render_markdown
from spbe_arch.report.svg import inline_svg
from spbe_arch.validate import load_model

SECTIONS = [
    "summary", "validation", "audit", "maturity", "plan", "diagrams", "roadmap", "explorer",
    "inventory",
]


@pytest.fixture
def context(make_model):
    return gather(load_model(make_model(TINY)), model="kab-uji", generated="2026-01-02")


def test_gather_counts_elements_and_validation(context):
    assert context.instansi == "Kabupaten Uji"
    assert dict(context.counts)["Aplikasi"] == "5"
    assert dict(context.counts)["Integrasi"] == "4"
    assert (context.errors, context.warnings, context.validation) == (0, 0, [])
    assert not context.provisional


def test_gather_audit_metrics_and_findings_grouped_by_rule(context):
    audit = context.audit
    assert audit.available
    assert [(m.label, m.part, m.total, m.percent) for m in audit.metrics] == [
        ("Integrasi melalui SPLP", 1, 2, "50%"),
        # int-sipd goes to the pemda's SIPD instance: to the national SIPD, not through SPLP
        ("Integrasi lintas unit kerja dan nasional melalui SPLP", 1, 2, "50%"),
        ("Unit kerja terhubung JIP", 1, 4, "25%"),
        ("Layanan terintegrasi penuh", 1, 2, "50%"),
    ]
    assert audit.groups[0].code == "SPBE-A002"  # errors first
    assert audit.groups[0].severity == "error"
    row = audit.groups[0].rows[0]
    assert (row.element, row.where) == ("e-Pajak (epajak)", "model.yaml:19")
    assert sum(len(g.rows) for g in audit.groups) == sum(audit.counts.values())


def test_gather_maturity_with_chart(context):
    maturity = context.maturity
    assert maturity.available
    assert [d.name for d in maturity.domains] == [
        "Kebijakan SPBE", "Tata Kelola SPBE", "Manajemen SPBE", "Layanan SPBE",
    ]
    assert maturity.chart_svg.count("<rect") == 5  # four domains and the index
    assert len(maturity.indicators) == 47


def test_gather_diagrams_inline_svg(context):
    if not context.engine:
        pytest.skip("no Graphviz engine")
    assert [d.key for d in context.diagrams] == ["integration", "landscape", "layered", "impact"]
    assert context.diagrams[3].title == "Analisis dampak: Pusat Data Daerah gagal"
    assert context.diagrams[0].command == (
        "spbe-arch diagram kab-uji --view integration -o integration.svg"
    )
    for drawn in context.diagrams:
        assert drawn.svg.startswith('<svg class="diagram"')
        assert 'id="d-' in drawn.svg and "<?xml" not in drawn.svg


def _rows(root, lang="id"):
    """The inventory's rows (`inventory`), which the context holds rendered."""
    from spbe_arch.model.i18n import use_language
    from spbe_arch.report.sections import inventory

    with use_language(lang):
        return inventory(load_model(root).architecture, lang)


@pytest.fixture
def rows(make_model):
    return _rows(make_model(TINY))


def test_gather_inventories_use_names(rows, context):
    assert [u.unit for u in rows["units"]] == [
        "Badan Pendapatan Daerah", "Dinas Kesehatan", "Dinas Penanaman Modal dan PTSP",
    ]
    sipd = rows["units"][0].apps[1]
    assert (sipd.name, sipd.platform) == (
        "SIPD Kabupaten", "Sistem Informasi Pemerintahan Daerah (SIPD)"
    )
    assert rows["units_without_apps"] == ["Badan Kesatuan Bangsa dan Politik"]
    assert [(h.name, h.apps) for h in rows["hosting"]] == [
        ("Pusat Data Daerah", ["e-Pajak", "SiCantik", "SIMPUS"])
    ]
    oss = next(i for i in rows["integrations"] if i.id == "int-oss")
    assert (oss.source, oss.via, oss.network) == (
        "SiCantik", "SPLP", "Jaringan Intra Pemerintah (JIP)"
    )
    for page in (context.inventory_html, context.inventory_markdown):  # the rows, rendered
        assert "SIPD Kabupaten" in page and "Badan Kesatuan Bangsa dan Politik" in page
        assert "Jaringan Intra Pemerintah (JIP)" in page
    hosted = [line for line in context.inventory_markdown.splitlines()
              if line.startswith("| Pusat Data Daerah | pusat data daerah |")]
    assert len(hosted) == 1 and hosted[0].endswith("| 3 |")  # the hosting table's row


def test_inventory_and_indicator_values_in_words(rows, context, make_model):
    """YAML values (hosting kind, `via`, an indicator's source) are shown in the language's
    words, not as the keys written in the model."""
    assert [h.kind for h in rows["hosting"]] == ["pusat data daerah"]
    assert {i.id: i.via for i in rows["integrations"]} == {
        "int-oss": "SPLP", "int-sipd": "API langsung", "int-sso": "login bersama",
        "int-plan": "SPLP",
    }
    assert {r.source for r in context.maturity.indicators} <= {
        "terverifikasi", "klaim", "model", "tidak dinilai"
    }
    english = gather(load_model(make_model(TINY)), model="kab-uji", lang="en")
    english_rows = _rows(make_model(TINY), "en")
    assert [h.kind for h in english_rows["hosting"]] == ["regional data centre"]
    assert {i.via for i in english_rows["integrations"]} == {"SPLP", "direct API", "shared login"}
    assert "regional data centre" in english.inventory_html
    assert "direct API" in english.inventory_markdown
    assert {r.source for r in english.maturity.indicators} <= {
        "verified", "claim", "model", "not rated"
    }


def test_report_marks_an_analysis_that_refuses_the_model_unavailable(make_model, monkeypatch):
    import spbe_arch.maturity

    def refuse(*args, **kwargs):
        raise SpbeError("framework 'ipd-2025' not found")

    monkeypatch.setattr(spbe_arch.maturity, "assess", refuse)
    context = gather(load_model(make_model(TINY)), diagrams=False, generated="2026-01-02")
    assert not context.maturity.available
    assert context.maturity.reason == "framework 'ipd-2025' not found"
    assert context.audit.available
    html = render_html(context)
    assert "Bagian ini tidak tersedia" in html and "framework &#39;ipd-2025&#39; not found" in html
    assert '<h2 id="maturity">' in html
    assert "> **Bagian ini tidak tersedia:** framework 'ipd-2025' not found" in render_markdown(
        context
    )


@pytest.mark.parametrize(
    ("section", "target", "broken"),
    [
        ("audit", "spbe_arch.audit.audit", KeyError("epajak")),
        ("maturity", "spbe_arch.maturity.assess", TypeError("assess() takes 1 argument")),
        ("inventory", "spbe_arch.report.context.inventory", AttributeError("no 'name'")),
        ("diagrams", "spbe_arch.diagrams.views.diagram", ValueError("bad view")),
    ],
)
def test_a_section_that_breaks_fails_the_report_naming_it(
    make_model, monkeypatch, section, target, broken
):
    def fail(*args, **kwargs):
        raise broken

    monkeypatch.setattr(target, fail)
    with pytest.raises(SectionFailed) as caught:
        gather(load_model(make_model(TINY)), lang="en", generated="2026-01-02")
    expected = f"report section '{section}' failed: {type(broken).__name__}: {broken}"
    assert str(caught.value) == expected
    cause = caught.value.__cause__  # a copy when the section was made aside, in a child
    assert type(cause) is type(broken) and str(cause) == str(broken)


def test_render_html_has_every_section_one_script_and_no_external_reference(context):
    import base64
    import hashlib
    import re

    html = render_html(context)
    for anchor in SECTIONS:
        assert f'<h2 id="{anchor}">' in html
    assert html.count("<script") == 2  # the explorer's data (JSON) and its script
    assert " src=" not in html
    (script,) = re.findall(r"<script>(.*?)</script>", html, re.S)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in html  # only that script may run
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "").replace(
        'xmlns:xlink="http://www.w3.org/1999/xlink"', ""
    )
    assert "Content-Security-Policy" in html and "default-src 'none'" in html


def test_render_html_escapes_model_text(make_model):
    files = dict(TINY)
    files["evil.yaml"] = (
        "applications:\n  - {id: evil, name: '<script>alert(1)</script>', kind: khusus, "
        "owner: dinkes}\n"
    )
    html = render_html(gather(load_model(make_model(files)), generated="2026-01-02"))
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in html  # in the explorer's JSON


def test_render_html_in_english(make_model):
    html = render_html(
        gather(load_model(make_model(TINY)), lang="en", diagrams=False, generated="2026-01-02")
    )
    assert '<h2 id="audit">Integration audit</h2>' in html
    assert "Audit integrasi" not in html
    assert '<html lang="en">' in html


def test_render_markdown_sections_and_tables(context):
    text = render_markdown(context)
    assert text.startswith("# Laporan Arsitektur SPBE: Kabupaten Uji\n")
    for heading in (
        "## Ringkasan eksekutif",
        "## Audit integrasi",
        "## Tingkat kematangan SPBE",
        "## Rencana peningkatan",
        "## Inventaris elemen",
    ):
        assert f"\n{heading}\n" in text
    assert "| Integrasi melalui SPLP | 1 / 2 (50%) |" in text
    assert "| SiCantik | Online Single Submission Berbasis Risiko (OSS RBA) | SPLP |" in text


def test_inline_svg_prefixes_ids_and_drops_the_prolog():
    svg = (
        '<?xml version="1.0"?>\n<!DOCTYPE svg>\n<!-- c -->\n'
        '<svg width="30pt" height="15pt" viewBox="0 0 30 15">'
        '<g id="graph0"><a xlink:href="#node1"/><a href="https://x"/></g></svg>'
    )
    assert inline_svg(svg, "d-x", label="Peta") == (
        '<svg class="diagram" id="d-x" width="40" height="20" role="img" aria-label="Peta" '
        'viewBox="0 0 30 15"><g id="d-x-graph0"><a xlink:href="#d-x-node1"/>'
        '<a href="https://x"/></g></svg>'
    )


def test_bar_chart_draws_one_bar_per_row_and_the_target():
    svg = bar_chart([("A", 2.5), ("B", 5.0)], target=3.0, title="t")
    assert svg.count("<rect") == 2
    assert 'width="225.0"' in svg and 'width="450.0"' in svg  # 2.5 and 5 of 5 on 450 px
    assert "Target 3.00" in svg and "2.50" in svg


def test_report_of_an_empty_model(make_model):
    context = gather(load_model(make_model({})), generated="2026-01-02")
    assert "<tbody>\n</tbody>" in context.inventory_html  # the tables, with no row
    assert [d.key for d in context.diagrams] == ["integration", "landscape", "layered"]
    assert all(d.svg for d in context.diagrams) or not context.engine
    html = render_html(context)
    for anchor in SECTIONS:
        assert f'<h2 id="{anchor}">' in html


def test_a_model_too_large_for_a_page_gets_commands_instead_of_whole_model_diagrams(
    make_model, monkeypatch
):
    monkeypatch.setattr("spbe_arch.report.figures.DRAWN_LIMIT", 4)  # TINY has 5 apps
    context = gather(load_model(make_model(TINY)), model="kab-uji", generated="2026-01-02")
    skipped = {d.key: d for d in context.diagrams if d.svg is None}
    assert sorted(skipped) == ["integration", "landscape"]  # its data centre hosts 3
    assert skipped["integration"].reason == (  # in the report's language, Indonesian here
        "tidak digambar dalam laporan: model memiliki 5 aplikasi, lebih dari yang muat di satu "
        "halaman (4); gambar tersendiri dengan perintah di bawah"
    )
    assert skipped["landscape"].command == (
        "spbe-arch diagram kab-uji --view landscape -o landscape.svg"
    )
    html = render_html(context)
    assert "lebih dari yang muat di satu halaman (4)" in html
    assert "spbe-arch diagram kab-uji --view integration -o integration.svg" in html
    monkeypatch.setattr("spbe_arch.report.figures.DRAWN_LIMIT", 2)
    context = gather(load_model(make_model(TINY)), model="kab-uji", generated="2026-01-02")
    impact = next(d for d in context.diagrams if d.key == "impact")
    assert impact.svg is None
    assert impact.reason.startswith(
        "tidak digambar dalam laporan: pusat data ini menampung 3 aplikasi"
    )


def test_explorer_data_carries_impacts_up_to_a_limit(make_model, monkeypatch):
    import json

    from spbe_arch.graph import build_graph
    from spbe_arch.report.explorer import explorer_data

    graph = build_graph(load_model(make_model(TINY)).architecture)
    data = json.loads(explorer_data(graph, "id"))
    assert [a["id"] for a in data["apps"]] == sorted(graph.nodes("applications"))
    assert data["impacts"]["sicantik"]["sv"] == ["lay-izin"]
    assert data["labels"]["if_fails"] == "Bila aplikasi ini gagal"
    monkeypatch.setattr("spbe_arch.report.explorer.IMPACT_LIMIT", 1)
    assert json.loads(explorer_data(graph, "en"))["impacts"] is None


def test_explorer_names_networks_by_kind_as_the_inventory_does():
    import json

    from conftest import EXAMPLE

    from spbe_arch.graph import build_graph
    from spbe_arch.report.explorer import explorer_data

    data = json.loads(explorer_data(build_graph(load_model(EXAMPLE).architecture), "id"))
    kinds = {i["net"] for i in data["integrations"]}
    assert kinds == {"JIP", "internet", "intranet", "VPN"}


def test_units_sharing_a_name_are_told_apart_by_id_in_the_explorer(make_model):
    """A province's model holds one "Dinas Kesehatan" per pemda; a filter of 21 equal names
    chooses nothing."""
    import json

    from spbe_arch.graph import build_graph
    from spbe_arch.report.explorer import explorer_data

    root = make_model({"model.yaml": """\
        units:
          - {id: kab1.dinkes, name: Dinas Kesehatan, kind: dinas}
          - {id: kab2.dinkes, name: Dinas Kesehatan, kind: dinas}
          - {id: kab1.setda, name: Sekretariat Daerah, kind: sekretariat}
        applications:
          - {id: simpus-1, name: SIMPUS 1, kind: khusus, owner: kab1.dinkes}
          - {id: simpus-2, name: SIMPUS 2, kind: khusus, owner: kab2.dinkes}
          - {id: srikandi, name: Srikandi, kind: khusus, owner: kab1.setda}
        """})
    data = json.loads(explorer_data(build_graph(load_model(root).architecture), "id"))
    assert [data["names"][u] for u in data["units"]] == [
        "Dinas Kesehatan (kab1.dinkes)", "Dinas Kesehatan (kab2.dinkes)", "Sekretariat Daerah",
    ]


def test_explorer_data_says_where_an_application_without_hosting_runs(make_model):
    """Unknown hosting is "not recorded"; an aplikasi umum runs at its platform's operator."""
    import json

    from spbe_arch.graph import build_graph
    from spbe_arch.report.explorer import explorer_data

    portal = "\n  - {id: satu-data-kab, name: Portal Satu Data, kind: khusus, owner: dinkes,\n" \
             "     platform: satu-data}\n"  # its own node of a national portal: it runs it
    text = TINY["model.yaml"].replace("\n        infrastructure:", portal.replace(
        "\n", "\n        ").rstrip() + "\n        infrastructure:")
    graph = build_graph(load_model(make_model({"model.yaml": text})).architecture)
    apps = {a["id"]: a for a in json.loads(explorer_data(graph, "id"))["apps"]}
    assert (apps["satu-data-kab"]["hw"], apps["satu-data-kab"]["hwd"]) == (
        "belum tercatat", "belum tercatat"
    )
    assert (apps["sicantik"]["h"], "hw" in apps["sicantik"]) == ("pdd", False)
    assert (apps["dashboard"]["hw"], apps["dashboard"]["hwd"]) == (
        "belum tercatat", "belum tercatat"
    )
    assert (apps["sipd-kab"]["hw"], apps["sipd-kab"]["hwd"]) == (
        "platform nasional", "dikelola Kementerian Dalam Negeri (platform nasional)"
    )
    data = json.loads(explorer_data(graph, "en"))
    assert data["via"]["database_link"] == "database link"
    assert {a["id"]: a.get("hw") for a in data["apps"]}["dashboard"] == "not recorded"


def test_explorer_data_marks_the_applications_whose_data_is_not_recorded(make_model):
    """Who loses data when an application fails rests on the data it reads and writes: the
    explorer says so of each application that leaves it out (`writes: []` states none)."""
    import json

    from spbe_arch.graph import build_graph
    from spbe_arch.report.explorer import explorer_data

    root = make_model({"m.yaml": """\
        units: [{id: u, name: U, kind: dinas}]
        applications:
          - {id: a, name: A, kind: khusus, owner: u}
          - {id: b, name: B, kind: khusus, owner: u, writes: []}
        integrations:
          - {id: i1, source: a, target: b, via: splp}
        """})
    data = json.loads(explorer_data(build_graph(load_model(root).architecture), "id"))
    assert {a["id"]: a.get("du", False) for a in data["apps"]} == {"a": True, "b": False}
    assert data["labels"]["data_unknown"].startswith("Data yang dibaca dan ditulis aplikasi ini")


def test_the_explorers_data_is_the_same_whatever_the_hash_seed(make_model):
    """Server rooms and units of one name: listed in one order every run (a report kept in
    git must not change when the model did not)."""
    import subprocess
    import sys

    rows = {"units": [], "infrastructure": [], "applications": []}
    for x in "abcd":
        rows["units"].append(f"{{id: {x}-dinkes, name: Dinas Kesehatan, kind: dinas}}")
        rows["infrastructure"].append(f"{{id: {x}-ruang, name: Ruang server, kind: on_premise}}")
        rows["applications"].append(
            f"{{id: {x}1, name: {x}1, kind: khusus, owner: {x}-dinkes, hosting: {x}-ruang}}")
    root = make_model({"model.yaml": "".join(
        f"{key}:\n" + "".join(f"  - {row}\n" for row in items) for key, items in rows.items())})
    script = ("import sys; from spbe_arch.graph import load_graph; "
              "from spbe_arch.report.explorer import explorer_data; "
              "print(explorer_data(load_graph(sys.argv[1])[1], 'id'))")
    outputs = {
        subprocess.run([sys.executable, "-c", script, str(root)], capture_output=True, text=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}, check=True).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(outputs) == 1


def test_a_data_centre_counts_the_active_applications_an_outage_stops(runner, tmp_path):
    """The hosting table counts what an outage stops (the summary's figure); an application
    retired or still to come is listed with its status, not counted."""
    out = tmp_path / "laporan"
    assert runner.invoke(app, ["report", str(EXAMPLE), "-o", str(out)]).exit_code == 0
    markdown = (out / "report.md").read_text(encoding="utf-8")
    row = next(line for line in markdown.splitlines()
               if line.startswith("| Pusat Data Daerah Kabupaten Lembah Hijau | pusat data"))
    assert row.endswith("| 24 |")  # of 26 hosted there
    assert ("Gangguan Pusat Data Daerah Kabupaten Lembah Hijau akan menghentikan 20 layanan "
            "dan 24 aplikasi") in markdown
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "SIPKD — Sistem Informasi Pengelolaan Keuangan Daerah (lama) (dihentikan)" in page


def test_an_imported_integration_is_named_by_its_ends(runner, tmp_path):
    """An inventory's integrations have no names: the report calls one by its applications
    (either way, as the inventory does not say which), never by its id alone."""
    inventory = tmp_path / "kota-contoh.csv"
    inventory.write_text("Nama Aplikasi;OPD;Terintegrasi dengan;Melalui\n"
                         "SIMPUS;Dinas Kesehatan;SATUSEHAT;API\n", encoding="utf-8")
    model, out = tmp_path / "model", tmp_path / "laporan"
    assert runner.invoke(app, ["import", "inventory", str(inventory), "-o", str(model)]
                         ).exit_code == 0
    assert runner.invoke(app, ["report", str(model), "-o", str(out)]).exit_code == 0
    markdown = (out / "report.md").read_text(encoding="utf-8")
    assert "peringatan: SIMPUS ↔ SATUSEHAT (int-simpus-satusehat)" in markdown
