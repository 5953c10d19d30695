"""The layered view: process -> service -> application -> data -> infrastructure."""

import pytest
from diagram_helpers import dot_edges, dot_nodes, tiny

from spbe_arch.diagrams import layered_view
from spbe_arch.io import SpbeError


def _rows(source: str) -> list[list[str]]:
    """Node ids of each `rank=same` row, in order."""
    rows = []
    for block in source.split("rank=same")[1:]:
        body = block.split("}")[0]
        rows.append(
            [line.split(" [")[0].strip().strip('"') for line in body.splitlines()[1:]
             if " [" in line and " -> " not in line]
        )
    return rows


def test_layered_view_puts_each_layer_on_its_own_row_in_order(make_model):
    _, graph = tiny(make_model)
    rows = _rows(layered_view(graph).source)
    assert rows == [
        ["~layer-0-0", "pb-izin"],
        ["~layer-1-0", "lay-pajak", "lay-izin"],
        ["~layer-2-0", "dashboard", "epajak", "sicantik", "simpus", "sipd-kab"],
        ["~layer-3-0", "data-izin"],
        ["~layer-4-0", "pdd"],
    ]


def test_layered_view_draws_relations_downward_with_their_styles(make_model):
    _, graph = tiny(make_model)
    edges = dot_edges(layered_view(graph).source)
    assert edges[("pb-izin", "lay-izin")] == {"color": "#475569", "dir": "back", "penwidth": "1.2"}
    assert edges[("lay-izin", "sicantik")]["dir"] == "back"  # sicantik realizes the service
    assert edges[("sicantik", "data-izin")] == {"color": "#6d28d9", "penwidth": "1.2"}
    assert edges[("epajak", "data-izin")]["style"] == "dashed"  # reads
    assert edges[("epajak", "pdd")]["arrowhead"] == "onormal"  # hosted on
    assert len(edges) == 8


def test_layered_view_labels_the_layers(make_model):
    _, graph = tiny(make_model)
    nodes = dot_nodes(layered_view(graph).source)
    assert "<B>Aplikasi</B>" in nodes["~layer-2-0"]["label"]
    assert nodes["pb-izin"]["shape"] == "cds"
    assert nodes["data-izin"]["shape"] == "note"
    assert nodes["pdd"]["shape"] == "box3d"


def test_layered_view_filtered_to_a_unit(make_model):
    _, graph = tiny(make_model)
    rows = _rows(layered_view(graph, unit="dpmptsp").source)
    assert [row[1:] for row in rows] == [
        ["pb-izin"],
        ["lay-izin"],
        ["sicantik"],
        ["data-izin"],
        ["pdd"],
    ]


def test_layered_view_filtered_to_a_service(make_model):
    _, graph = tiny(make_model)
    rows = _rows(layered_view(graph, service="lay-pajak").source)
    assert [row[1:] for row in rows] == [["lay-pajak"], ["epajak"], ["data-izin"], ["pdd"]]


def test_layered_view_wraps_a_wide_layer_into_rows(make_model):
    _, graph = tiny(make_model)
    rows = _rows(layered_view(graph, per_row=2).source)
    assert rows[2:5] == [
        ["~layer-2-0", "dashboard", "epajak"],
        ["~layer-2-1", "sicantik", "simpus"],
        ["~layer-2-2", "sipd-kab"],
    ]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"unit": "nope"}, "unknown unit 'nope'; known units: 'bapenda', 'dinkes', 'dpmptsp', "
                           "'kesbangpol'"),
        ({"service": "epajak"}, "unknown service 'epajak'; known services: 'lay-izin', "
                                "'lay-pajak'"),
        ({"unit": "dinkes", "service": "lay-izin"}, "give either a unit or a service"),
    ],
)
def test_layered_view_rejects_bad_filters(make_model, options, message):
    _, graph = tiny(make_model)
    with pytest.raises(SpbeError, match=message):
        layered_view(graph, **options)
