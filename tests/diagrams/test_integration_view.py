"""The integration map: each integration from source to target styled by route (SPLP,
direct, manual, missing), JIP vs internet; one unit's map; the overview between units."""

from diagram_helpers import clusters, dot_edges, dot_nodes, tiny
from tiny_model import TINY

from spbe_arch.diagrams import integration_view, missing_dependencies
from spbe_arch.diagrams.integration import integration_overview
from spbe_arch.graph import build_graph
from spbe_arch.validate import load_model


def test_integration_view_draws_splp_as_the_route_from_source_to_target(make_model):
    _, graph = tiny(make_model)
    edges = dot_edges(integration_view(graph).source)
    assert edges[("sicantik", "oss")] == {
        "label": "SPLP JIP",
        "color": "#16a34a",
        "fontcolor": "#16a34a",
        "penwidth": "2",
        "tooltip": "int-oss",
    }
    assert not any("splp" in pair for pair in edges)  # no hub
    assert "splp" not in dot_nodes(integration_view(graph).source)


def test_integration_view_draws_direct_integration_amber_with_internet_label(make_model):
    _, graph = tiny(make_model)
    edges = dot_edges(integration_view(graph).source)
    assert edges[("epajak", "sipd-kab")] == {
        "label": "internet",
        "color": "#d97706",
        "fontcolor": "#b91c1c",
        "penwidth": "1.5",
        "tooltip": "int-sipd",
    }


def test_integration_view_draws_shared_login_dotted_grey_named_in_words(make_model):
    _, graph = tiny(make_model)
    edge = dot_edges(integration_view(graph).source)[("simpus", "epajak")]
    assert (edge["style"], edge["color"], edge["label"]) == (
        "dotted", "#6b7280", "login bersama (shared login)"
    )
    edge = dot_edges(integration_view(graph, glosses=False).source)[("simpus", "epajak")]
    assert edge["label"] == "login bersama"


def test_integration_view_draws_missing_data_dependency_dashed_red(make_model):
    _, graph = tiny(make_model)
    assert list(missing_dependencies(graph)) == [("sicantik", "epajak", "data-izin")]
    edge = dot_edges(integration_view(graph).source)[("sicantik", "epajak")]
    assert edge == {
        "label": "Data perizinan",
        "color": "#dc2626",
        "fontcolor": "#dc2626",
        "penwidth": "1.5",
        "style": "dashed",
    }


def test_integration_view_draws_no_missing_dependency_when_no_integration_is_recorded(
    make_model,
):
    text = TINY["model.yaml"].split("        integrations:")[0]
    graph = build_graph(load_model(make_model({"model.yaml": text})).architecture)
    assert graph.data_flows and list(missing_dependencies(graph)) == []
    assert "dashed" not in integration_view(graph).source


def test_integration_view_marks_planned_integration_dashed(make_model):
    _, graph = tiny(make_model)
    edges = dot_edges(integration_view(graph).source)
    assert edges[("dashboard", "simpus")]["style"] == "dashed"
    assert edges[("dashboard", "simpus")]["label"] == "SPLP (rencana)"


def test_integration_view_groups_applications_by_unit_and_platforms_apart(make_model):
    _, graph = tiny(make_model)
    source = integration_view(graph).source
    assert clusters(source) == [
        "Badan Pendapatan Daerah",
        "Dinas Kesehatan",
        "Dinas Penanaman Modal dan PTSP",
        "Platform nasional (national platforms)",
    ]
    nodes = dot_nodes(source)
    assert nodes["oss"]["fillcolor"] == "#ffedd5"


def test_integration_view_merges_parallel_integrations_with_a_count(make_model):
    from spbe_arch.graph import build_graph
    from spbe_arch.validate import load_model

    root = make_model(
        {
            "m.yaml": """\
            units: [{id: u, name: Unit, kind: dinas}]
            applications:
              - {id: a, name: A, kind: khusus, owner: u}
              - {id: b, name: B, kind: khusus, owner: u}
            integrations:
              - {id: i1, source: a, target: b, via: splp, network: jip}
              - {id: i2, source: a, target: b, via: splp, network: jip}
            """
        }
    )
    graph = build_graph(load_model(root).architecture)
    edges = dot_edges(integration_view(graph).source)
    assert edges[("a", "b")]["label"] == "SPLP JIP 2x"
    assert edges[("a", "b")]["tooltip"] == "i1, i2"


def test_integration_view_legend_lists_the_edge_kinds_drawn(make_model):
    _, graph = tiny(make_model)
    legend = dot_nodes(integration_view(graph).source)["legend"]["label"]
    for text in (
        "Integrasi melalui SPLP",
        "Integrasi langsung (tanpa SPLP)",
        "Bukan integrasi (manual, login bersama)",
        "Ketergantungan data tanpa integrasi",
        "Garis putus-putus + (rencana): integrasi direncanakan",
    ):
        assert text in legend
    assert "tanpa integrasi:" not in legend


def test_integration_view_counts_active_applications_left_out(make_model):
    from spbe_arch.graph import build_graph
    from spbe_arch.validate import load_model

    root = make_model(
        {
            "m.yaml": """\
            units: [{id: u, name: Unit, kind: dinas}]
            applications:
              - {id: a, name: Aplikasi A, kind: khusus, owner: u}
              - {id: b, name: Aplikasi B, kind: khusus, owner: u, status: retired}
            """
        }
    )
    source = integration_view(build_graph(load_model(root).architecture)).source
    legend = dot_nodes(source)["legend"]["label"].replace('<BR ALIGN="LEFT"/>', " ")
    assert "Model ini belum mencatat integrasi" in legend  # unknown, not isolated
    assert "Aplikasi A" not in legend and "terisolasi" not in legend
    assert "a" not in dot_nodes(source)


_ISOLATION = {
    "m.yaml": """\
    units: [{id: u, name: Unit, kind: dinas}, {id: v, name: Unit V, kind: dinas}]
    applications:
      - {id: web, name: Website, kind: khusus, owner: u}
      - {id: lapor-kab, name: LAPOR, kind: umum, platform: sp4n-lapor, owner: u}
      - {id: simonev, name: SIMONEV, kind: khusus, owner: u}
      - {id: sipd-kab, name: SIPD, kind: umum, platform: sipd, owner: u}
      - {id: srikandi-kab, name: SRIKANDI, kind: umum, platform: srikandi, owner: u}
      - {id: sitaru, name: SITARU, kind: khusus, owner: v}
      - {id: simtaru, name: SIMTARU, kind: khusus, owner: v}
      - {id: e-arsip, name: E-Arsip, kind: khusus, owner: v}
      - {id: portal, name: Portal Kota, kind: khusus, owner: u, integrations_known: false}
    integrations:
      - {id: i1, source: lapor-kab, target: web, via: shared_login}  # log in through LAPOR
      - {id: i2, source: sipd-kab, target: simonev, via: manual}
      - {id: i3, source: sitaru, target: simtaru, via: splp}
    """
}


def test_integration_view_names_the_isolated_applications_the_audit_counts(make_model):
    """The map's legend and SPBE-A001 count the same applications: manual and shared login
    are not integration, and instances of national platforms (left out of A001, and drawn
    only where a line reaches them) are named apart."""
    from spbe_arch.audit import isolated_applications

    graph = build_graph(load_model(make_model(_ISOLATION)).architecture)
    assert list(isolated_applications(graph)) == ["e-arsip", "simonev", "web"]
    legend = dot_nodes(integration_view(graph).source)["legend"]["label"]
    assert "3 aplikasi terisolasi (SPBE-A001; manual dan login bersama bukan integrasi): " \
        "E-Arsip, SIMONEV, Website" in legend.replace('<BR ALIGN="LEFT"/>', " ")
    assert "1 instalasi platform nasional tanpa integrasi, tidak digambar (di luar " \
        "SPBE-A001): SRIKANDI" in legend.replace('<BR ALIGN="LEFT"/>', " ")
    assert "1 aplikasi yang integrasinya belum diketahui, tidak digambar: Portal Kota" in (
        legend.replace('<BR ALIGN="LEFT"/>', " "))  # not an instance of a platform
    unit = dot_nodes(integration_view(graph, unit="v").source)["legend"]["label"]
    assert "1 aplikasi terisolasi (SPBE-A001; manual dan login bersama bukan integrasi): " \
        "E-Arsip" in unit.replace('<BR ALIGN="LEFT"/>', " ")
    assert "instans" not in unit


def test_integration_view_source_is_byte_stable(make_model):
    _, graph = tiny(make_model)
    assert integration_view(graph).source == integration_view(graph).source


def test_integration_view_of_one_unit_draws_its_integrations_only(make_model):
    _, graph = tiny(make_model)
    source = integration_view(graph, unit="dinkes").source
    edges = dot_edges(source)
    assert set(edges) == {("simpus", "epajak"), ("dashboard", "simpus")}
    assert clusters(source) == ["Dinas Kesehatan", "Badan Pendapatan Daerah"]  # its own first


def test_integration_overview_counts_integrations_between_units(make_model):
    _, graph = tiny(make_model)
    source = integration_overview(graph).source
    edges = dot_edges(source)
    assert edges[("dpmptsp", "oss")]["label"] == "1"
    assert edges[("dpmptsp", "oss")]["color"] == "#16a34a"
    assert edges[("dpmptsp", "bapenda")]["style"] == "dashed"  # data used with no integration
    assert "Dinas Kesehatan\\n2 aplikasi" in dot_nodes(source)["dinkes"]["label"]


_PLANNED_PAIR = {
    "m.yaml": """\
    units:
      - {id: dukcapil, name: Disdukcapil, kind: dinas}
      - {id: rsud, name: RSUD, kind: badan}
    data:
      - {id: data-penduduk, name: Data penduduk, steward: dukcapil, producer: siak-kab}
    applications:
      - {id: siak-kab, name: SIAK, kind: khusus, owner: dukcapil, writes: [data-penduduk]}
      - {id: simrs, name: SIMRS, kind: khusus, owner: rsud, reads: [data-penduduk]}
      - {id: sirs, name: SIRS, kind: khusus, owner: rsud}
      - {id: antrian, name: Antrian, kind: khusus, owner: rsud}
    integrations:
      - {id: int-now, source: siak-kab, target: sirs, via: splp, network: jip}
      - {id: int-plan, source: siak-kab, target: simrs, via: splp, network: jip, status: planned}
      - {id: int-dev, source: siak-kab, target: simrs, via: splp, status: development}
      - {id: int-in, source: sirs, target: antrian, via: api_direct, status: planned}
    """
}


def _edge_lines(source: str, tail: str, head: str) -> list[str]:
    return [line.strip() for line in source.splitlines() if f"{tail} -> {head} " in line]


def test_integration_overview_draws_planned_integrations_dashed_apart_from_running_ones(
    make_model,
):
    loaded = load_model(make_model(_PLANNED_PAIR))
    assert loaded.ok, loaded.findings
    source = integration_overview(build_graph(loaded.architecture)).source
    assert _edge_lines(source, "dukcapil", "rsud") == [
        'dukcapil -> rsud [label=1 color="#dc2626" fontcolor="#dc2626" penwidth=1.5 style=dashed]',
        'dukcapil -> rsud [label=1 color="#16a34a" fontcolor="#16a34a" penwidth=2]',
        'dukcapil -> rsud [label="2 (rencana)" color="#16a34a" fontcolor="#16a34a" '
        "penwidth=2 style=dashed]",
    ]
    nodes = dot_nodes(source)
    assert nodes["rsud"]["label"] == "RSUD\\n3 aplikasi, 1 internal (rencana)"
    assert "Garis putus-putus + (rencana): integrasi direncanakan" in nodes["legend"]["label"]


def test_integration_overview_counts_planned_internal_integrations_apart(make_model):
    _, graph = tiny(make_model)
    nodes = dot_nodes(integration_overview(graph).source)
    assert nodes["dinkes"]["label"] == "Dinas Kesehatan\\n2 aplikasi, 1 internal (rencana)"


def test_integration_view_draws_an_unrecorded_mechanism_as_such(make_model):
    text = TINY["model.yaml"].replace("via: api_direct, network: inet", "via: unknown")
    graph = build_graph(load_model(make_model({"model.yaml": text})).architecture)
    source = integration_view(graph).source
    edge = dot_edges(source)[("epajak", "sipd-kab")]
    assert (edge["color"], edge.get("style")) == ("#64748b", None)
    assert "Integrasi, mekanismenya belum tercatat" in source
