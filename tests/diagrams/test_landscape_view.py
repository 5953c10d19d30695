"""The landscape: units as boxes of their applications, national platforms apart."""

from diagram_helpers import clusters, dot_edges, dot_nodes, tiny

from spbe_arch.diagrams import landscape_view
from spbe_arch.graph import build_graph
from spbe_arch.validate import load_model


def test_landscape_view_boxes_applications_by_unit_sorted_by_name(make_model):
    _, graph = tiny(make_model)
    source = landscape_view(graph).source
    assert clusters(source) == [
        "Badan Pendapatan Daerah (2)",
        "Dinas Kesehatan (2)",
        "Dinas Penanaman Modal dan PTSP (1)",
        "Platform nasional yang dipakai (national platforms in use)",
    ]
    unit_box = source.split("subgraph cluster_unit_0001 {")[1].split("}")[0]
    assert '\tdashboard [label=Dashboard' in unit_box
    assert '\tsimpus [label=SIMPUS' in unit_box


def test_landscape_view_styles_applications_by_kind_and_status(make_model):
    _, graph = tiny(make_model)
    nodes = dot_nodes(landscape_view(graph).source)
    assert (nodes["epajak"]["shape"], nodes["epajak"]["style"]) == ("box", "rounded,filled")
    assert nodes["sipd-kab"]["shape"] == "component"  # aplikasi umum
    assert nodes["dashboard"]["style"] == "rounded,filled,dashed"  # planned
    assert (nodes["sipd"]["shape"], nodes["sipd"]["fillcolor"]) == ("hexagon", "#ffedd5")


def test_landscape_view_draws_no_visible_edges(make_model):
    _, graph = tiny(make_model)
    assert dot_edges(landscape_view(graph).source) == {}


def test_landscape_view_notes_units_without_applications_in_the_legend(make_model):
    _, graph = tiny(make_model)
    legend = dot_nodes(landscape_view(graph).source)["legend"]["label"]
    assert "Unit tanpa aplikasi: Badan Kesatuan Bangsa dan Politik" in legend.replace(
        '<BR ALIGN="LEFT"/>', " "
    )
    assert "Aplikasi khusus" in legend and "Platform nasional" in legend


def test_landscape_view_collapses_a_long_unit(make_model):
    apps = "\n".join(
        f"  - {{id: app-{i:02d}, name: Aplikasi {i:02d}, kind: khusus, owner: u}}"
        for i in range(15)
    )
    root = make_model(
        {"m.yaml": f"units: [{{id: u, name: Unit Besar, kind: dinas}}]\napplications:\n{apps}\n"}
    )
    source = landscape_view(build_graph(load_model(root).architecture), max_apps=12).source
    nodes = dot_nodes(source)
    assert clusters(source) == ["Unit Besar (15)"]
    assert [n for n in nodes if n.startswith("app-")] == [f"app-{i:02d}" for i in range(11)]
    assert nodes["~more-u"]["label"] == "+4 aplikasi lainnya"
    assert nodes["~more-u"]["style"] == "rounded,dashed"


def test_landscape_view_source_is_byte_stable(make_model):
    _, graph = tiny(make_model)
    assert landscape_view(graph).source == landscape_view(graph).source


def test_landscape_view_shows_a_platform_reached_only_by_an_integration(make_model):
    """A national platform the model has no installation of is in use all the same when an
    application integrates with it (an inventory's 'Terintegrasi dengan: SATUSEHAT')."""
    graph = build_graph(load_model(make_model({"m.yaml": """\
        units: [{id: dinkes, name: Dinas Kesehatan, kind: dinas}]
        applications:
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes}
        integrations:
          - {id: i1, source: simpus, target: satusehat, via: splp}
          - {id: i2, source: simpus, target: siasn, via: splp, status: retired}
          - {id: i3, source: simpus, target: sipd, via: splp, status: planned}
        """})).architecture)
    source = landscape_view(graph).source
    national = source.split("subgraph cluster_national {")[1].split("}")[0]
    assert "\tsatusehat [label=" in national
    assert "siasn" not in source and "sipd" not in source  # no longer used, not yet used
