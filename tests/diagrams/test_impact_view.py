"""The impact view: what a failure stops (red) and degrades (amber), from the audit."""

import pytest
from diagram_helpers import clusters, dot_edges, dot_nodes, tiny

from spbe_arch.diagrams import impact_view
from spbe_arch.io import SpbeError


def test_impact_view_of_a_data_centre_marks_what_stops(make_model):
    _, graph = tiny(make_model)
    source = impact_view(graph, "pdd").source
    nodes = dot_nodes(source)
    assert (nodes["pdd"]["fillcolor"], nodes["pdd"]["fontcolor"]) == ("#dc2626", "#ffffff")
    stopped = sorted(n for n, a in nodes.items() if a.get("fillcolor") == "#fecaca")
    assert stopped == ["epajak", "lay-izin", "lay-pajak", "pb-izin", "sicantik", "simpus"]
    assert sorted(dot_edges(source)) == [
        ("epajak", "lay-pajak"),
        ("lay-izin", "pb-izin"),
        ("pdd", "epajak"),
        ("pdd", "sicantik"),
        ("pdd", "simpus"),
        ("sicantik", "lay-izin"),
    ]
    assert dot_edges(source)[("pdd", "simpus")] == {"color": "#b91c1c", "penwidth": "1.6"}


def test_impact_view_boxes_affected_units_in_red(make_model):
    _, graph = tiny(make_model)
    source = impact_view(graph, "pdd").source
    assert clusters(source) == [
        "Badan Pendapatan Daerah\\n(terdampak)",
        "Dinas Kesehatan (terdampak)",
        "Dinas Penanaman Modal dan PTSP\\n(terdampak)",
    ]
    assert 'color="#dc2626"' in source.split("subgraph cluster_unit_0000 {")[1].split("\n")[1]


def test_impact_view_labels_the_broken_integration_on_a_degraded_path(make_model):
    from spbe_arch.graph import build_graph
    from spbe_arch.validate import load_model

    root = make_model(
        {
            "m.yaml": """\
            units: [{id: u, name: Unit, kind: dinas}]
            data: [{id: d, name: Data, producer: a}]
            applications:
              - {id: a, name: A, kind: khusus, owner: u, writes: [d]}
              - {id: b, name: B, kind: khusus, owner: u, reads: [d]}
            integrations:
              - {id: i1, source: a, target: b, via: splp, network: jip}
            """
        }
    )
    graph = build_graph(load_model(root).architecture)
    source = impact_view(graph, "splp").source
    nodes, edges = dot_nodes(source), dot_edges(source)
    assert nodes["b"]["fillcolor"] == "#fef9c3"  # degraded: the data no longer reaches it
    assert edges[("splp", "b")]["label"] == "i1"
    assert edges[("splp", "b")]["style"] == "dashed"
    assert "Terganggu: 1 aplikasi" in nodes["legend"]["label"]


def test_impact_view_says_when_nothing_else_is_affected(make_model):
    _, graph = tiny(make_model)
    legend = dot_nodes(impact_view(graph, "data-izin").source)["legend"]["label"]
    assert "Tidak ada elemen lain yang terdampak" not in legend  # e-Pajak reads it
    legend = dot_nodes(impact_view(graph, "inet").source)["legend"]["label"]
    assert "Tidak ada elemen lain yang terdampak" in legend


def test_impact_view_rejects_an_unknown_element(make_model):
    _, graph = tiny(make_model)
    with pytest.raises(SpbeError, match="unknown element 'pdx'; did you mean: pdn, pdd"):
        impact_view(graph, "pdx")
