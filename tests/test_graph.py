"""The one graph: typed nodes and relations, integration links, reachability, data flows."""

import networkx as nx
import pytest
from conftest import EXAMPLE

from spbe_arch.graph import NATIONAL, build_graph
from spbe_arch.validate import load_model

MODEL = {
    "units.yaml": """\
units:
  - {id: dinkes, name: Dinkes, kind: dinas, networks: [jip]}
  - {id: disdik, name: Disdik, kind: dinas}
""",
    "apps.yaml": """\
applications:
  - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, reads: [data-pasien],
     writes: [data-pasien]}
  - {id: sikda, name: SIKDA, kind: khusus, owner: dinkes, reads: [data-pasien]}
  - {id: dapodik, name: Dapodik, kind: khusus, owner: disdik, reads: [data-pasien]}
  - {id: lama, name: Lama, kind: khusus, owner: disdik, status: retired}
data:
  - {id: data-pasien, name: Pasien, steward: dinkes}
integrations:
  - {id: int-01, source: simpus, target: sikda, via: splp, data: [data-pasien]}
  - {id: int-02, source: simpus, target: sikda, via: api_direct}
  - {id: int-03, source: simpus, target: satusehat, via: splp}
  - {id: int-04, source: simpus, target: tidak-ada, via: splp}
  - {id: int-05, source: sikda, target: dapodik, via: manual}
  - {id: int-06, source: lama, target: dapodik, via: splp}
""",
}


@pytest.fixture
def graph(make_model):
    return build_graph(load_model(make_model(MODEL)).architecture)


def test_graph_nodes_are_typed_and_named(graph):
    assert graph.nodes() == (
        "dapodik", "data-pasien", "dinkes", "disdik", "jip", "lama", "satusehat", "sikda",
        "simpus",
    )
    assert graph.nodes("applications") == ("dapodik", "lama", "sikda", "simpus")
    assert graph.nodes(NATIONAL) == ("jip", "satusehat")
    assert (graph.kind("simpus"), graph.name("simpus")) == ("applications", "SIMPUS")
    assert graph.kind("tidak-ada") is None  # a dangling reference is validate's to report
    assert "tidak-ada" not in graph


def test_graph_relations_are_sorted_both_ways(graph):
    assert graph.targets("dinkes", "owns") == ("data-pasien", "sikda", "simpus")
    assert graph.sources("data-pasien", "reads") == ("dapodik", "sikda", "simpus")
    assert graph.owner("dapodik") == "disdik"
    assert graph.targets("simpus", "integrates") == ("satusehat", "sikda")
    assert graph.network_kind("jip") == "jip"


def test_graph_links_leave_out_manual_and_inactive_ends(graph):
    assert graph.links == ("int-01", "int-02", "int-03")
    assert graph.links_out("simpus") == (("satusehat", "int-03"), ("sikda", "int-01"),
                                         ("sikda", "int-02"))
    assert graph.links_via_splp == frozenset({"int-01", "int-03"})
    assert set(graph.integrations) == {"int-01", "int-02", "int-03", "int-05", "int-06"}


def test_graph_integrations_of_an_application_any_status(graph):
    assert graph.integrations_of("sikda") == ("int-01", "int-02", "int-05")
    assert graph.integrations_of("dapodik") == ("int-05", "int-06")
    assert graph.integrations_of("dinkes") == ()


def test_graph_reachability_avoids_blocked_nodes_and_links(graph):
    assert graph.reach("simpus") == {"simpus", "sikda", "satusehat"}
    assert graph.reachable(["simpus"], blocked_links={"int-01"}) == {
        "simpus", "sikda", "satusehat"}  # int-02 still carries
    assert graph.reachable(["simpus"], blocked_links={"int-01", "int-02"}) == {
        "simpus", "satusehat"}
    assert graph.reachable(["simpus"], blocked_nodes={"satusehat"}) == {"simpus", "sikda"}


def test_graph_data_flows_say_which_readers_are_integrated(graph):
    flows = [(f.consumer, f.data, f.producers, f.integrated) for f in graph.data_flows]
    assert flows == [
        ("dapodik", "data-pasien", ("simpus",), False),
        ("sikda", "data-pasien", ("simpus",), True),
    ]
    assert [f.consumer for f in graph.flow_gaps] == ["dapodik"]


def test_graph_to_networkx_holds_every_node_and_relation(graph):
    full = graph.to_networkx()
    assert sorted(full.nodes) == list(graph.nodes())
    assert sorted(full["simpus"]["sikda"]) == ["int-01", "int-02"]
    assert full["simpus"]["sikda"]["int-01"] == {
        "kind": "integrates", "id": "int-01", "via": "splp", "network": None,
        "data": ("data-pasien",), "status": "active", "direction": "source_to_target",
    }
    assert sorted(full["simpus"]["data-pasien"]) == ["reads", "writes"]
    assert full.number_of_edges() == 15  # 5 owns, 1 connected_to, 3 reads, 1 writes, 5 integrations


def test_graph_of_the_example_agrees_with_networkx_algorithms():
    graph = build_graph(load_model(EXAMPLE).architecture)
    full = graph.to_networkx()
    assert full.number_of_nodes() == len(graph)
    links = graph.link_graph
    for producer in graph.nodes("applications"):
        if producer in links:
            assert graph.reach(producer) == {producer} | nx.descendants(links, producer)


def test_graph_counts_a_relation_stated_twice_once(make_model):
    twice = build_graph(load_model(make_model({"apps.yaml": TWICE})).architecture)
    assert list(twice.relations("reads")) == [("simpus", "data-pasien")]
    assert twice.to_networkx().number_of_edges() == 2  # reads, and dinkes owns simpus


TWICE = """\
applications:
  - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, reads: [data-pasien, data-pasien]}
data:
  - {id: data-pasien, name: Pasien}
units:
  - {id: dinkes, name: Dinkes, kind: dinas}
"""


def test_a_tenant_data_centre_is_part_of_its_national_platform():
    graph = build_graph(load_model(EXAMPLE).architecture)
    assert graph.targets("pdn-lembah-hijau", "part_of") == ("pdn",)
    assert graph.kind("pdn") == NATIONAL


def test_a_model_platform_is_a_national_node(make_model):
    root = make_model({
        **MODEL,
        "platforms.yaml": "platforms:\n"
        "  - {id: sidia, name: SIDIA Provinsi, kind: aplikasi_pusat}\n"
        "integrations:\n  - {id: int-07, source: simpus, target: sidia, via: splp}\n",
    })
    graph = build_graph(load_model(root).architecture)
    assert (graph.kind("sidia"), graph.name("sidia")) == (NATIONAL, "SIDIA Provinsi")
    assert "int-07" in graph.links
