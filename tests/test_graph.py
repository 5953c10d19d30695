"""The graph builder: typed nodes and keyed edges, and a graph networkx itself agrees with."""

import networkx as nx
from conftest import EXAMPLE

from spbe_arch.graph import EDGES_BY_KIND, NODES_BY_KIND, build_graph
from spbe_arch.validate import load_model

MODEL = {
    "units.yaml": """\
units:
  - {id: dinkes, name: Dinkes, kind: dinas, networks: [jip]}
""",
    "apps.yaml": """\
applications:
  - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, reads: [data-pasien],
     writes: [data-pasien]}
  - {id: sikda, name: SIKDA, kind: khusus, owner: dinkes, reads: [data-pasien]}
data:
  - {id: data-pasien, name: Pasien, steward: dinkes}
integrations:
  - {id: int-01, source: simpus, target: sikda, via: splp, data: [data-pasien]}
  - {id: int-02, source: simpus, target: sikda, via: api_direct}
  - {id: int-03, source: simpus, target: satusehat, via: splp}
  - {id: int-04, source: simpus, target: tidak-ada, via: splp}
""",
}


def test_nodes_and_edges_are_typed_and_keyed(make_model):
    graph = build_graph(load_model(make_model(MODEL)).architecture)
    assert dict(graph.nodes(data="kind")) == {
        "dinkes": "units",
        "simpus": "applications",
        "sikda": "applications",
        "data-pasien": "data",
        "jip": "national",
        "satusehat": "national",
    }
    assert sorted(graph["simpus"]["data-pasien"]) == ["reads", "writes"]
    assert sorted(graph["simpus"]["sikda"]) == ["int-01", "int-02"]
    assert graph["simpus"]["sikda"]["int-01"] == {
        "kind": "integrates",
        "id": "int-01",
        "via": "splp",
        "network": None,
        "data": ("data-pasien",),
        "status": "active",
    }
    assert graph["dinkes"]["data-pasien"]["owns"] == {"kind": "owns"}
    assert "tidak-ada" not in graph  # a dangling reference is validate's to report
    assert graph.number_of_edges() == 10


def test_graph_equals_the_one_networkx_builds_through_its_api():
    graph = build_graph(load_model(EXAMPLE).architecture)
    public = nx.MultiDiGraph()
    public.add_nodes_from(graph.nodes(data=True))
    public.add_edges_from(graph.edges(keys=True, data=True))
    public.graph.update(graph.graph)
    assert nx.utils.graphs_equal(graph, public)
    assert sorted(graph.in_edges(keys=True, data="kind")) == sorted(
        public.in_edges(keys=True, data="kind")
    )
    assert dict(graph.in_degree()) == dict(public.in_degree())
    reversed_edges = {(v, u, k) for u, v, k in graph.reverse(copy=True).edges(keys=True)}
    assert reversed_edges == set(graph.edges(keys=True))
    assert graph.number_of_edges() == 556


def test_a_tenant_data_centre_is_part_of_its_national_platform():
    graph = build_graph(load_model(EXAMPLE).architecture)
    assert graph["pdn-lembah-hijau"]["pdn"] == {"part_of": {"kind": "part_of"}}
    assert graph.nodes["pdn"]["kind"] == "national"


def test_a_model_platform_is_a_national_node(make_model):
    root = make_model({
        **MODEL,
        "platforms.yaml": "platforms:\n"
        "  - {id: sidia, name: SIDIA Provinsi, kind: aplikasi_pusat}\n"
        "integrations:\n  - {id: int-05, source: simpus, target: sidia, via: splp}\n",
    })
    graph = build_graph(load_model(root).architecture)
    assert graph.nodes["sidia"]["kind"] == "national"
    assert graph.nodes["sidia"]["name"] == "SIDIA Provinsi"
    assert "int-05" in graph["simpus"]["sidia"]


def test_the_kind_indexes_hold_every_node_and_edge_once(make_model):
    graph = build_graph(load_model(EXAMPLE).architecture)
    nodes = sorted((kind, node) for kind, ids in graph.graph[NODES_BY_KIND].items() for node in ids)
    assert nodes == sorted((kind, node) for node, kind in graph.nodes(data="kind"))
    edges = [
        (source, target, data["id"] if kind == "integrates" else kind)
        for kind, triples in graph.graph[EDGES_BY_KIND].items()
        for source, target, data in triples
    ]
    assert sorted(edges) == sorted(graph.edges(keys=True))
    twice = build_graph(load_model(make_model({"apps.yaml": TWICE})).architecture)
    assert twice.graph[EDGES_BY_KIND]["reads"] == [("simpus", "data-pasien", {"kind": "reads"})]
    assert twice.number_of_edges() == 2  # reads, and dinkes owns simpus


TWICE = """\
applications:
  - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, reads: [data-pasien, data-pasien]}
data:
  - {id: data-pasien, name: Pasien}
units:
  - {id: dinkes, name: Dinkes, kind: dinas}
"""
