"""`spbe-arch export graphml|json`: the typed graph, readable by networkx (and so yEd, Gephi,
Neo4j's apoc.import.graphml), with plain attributes only."""

import json

import networkx as nx
import pytest
from conftest import EXAMPLE

from spbe_arch.cli import app
from spbe_arch.validate import load_model

RELATIONSHIPS = ("integrations", "archimate_relationships")


def _element_ids() -> set[str]:
    arch = load_model(EXAMPLE).architecture
    return {
        element_id
        for collection, items in arch.collections.items()
        if collection not in RELATIONSHIPS
        for element_id in items
    }


def _export(runner, tmp_path, fmt: str):
    out = tmp_path / f"graph.{fmt}"
    result = runner.invoke(app, ["export", fmt, str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_graphml_loads_in_networkx_with_every_element_as_a_node(runner, tmp_path):
    graph = nx.read_graphml(_export(runner, tmp_path, "graphml"), force_multigraph=True)
    assert _element_ids() <= set(graph.nodes)
    assert graph.nodes["simpus"] == {
        "kind": "applications",
        "name": "SIMPUS — Sistem Informasi Manajemen Puskesmas",
        "unit": "dinkes",
        "status": "active",
        "element_kind": "khusus",
        "ref": "RAA.01.09.01",
    }
    assert graph.nodes["satusehat"] == {
        "kind": "national", "name": "SATUSEHAT", "element_kind": "aplikasi_umum",
    }


def test_graphml_edges_carry_kind_and_integration_attributes(runner, tmp_path):
    graph = nx.read_graphml(_export(runner, tmp_path, "graphml"), force_multigraph=True)
    integrations = [
        data for _, _, data in graph.edges(data=True) if data["kind"] == "integrates"
    ]
    arch = load_model(EXAMPLE).architecture
    assert len(integrations) == len(arch.integrations)
    assert {d["via"] for d in integrations} <= {"splp", "api_direct", "database_link",
                                                "file_transfer", "manual", "shared_login"}
    first = next(iter(arch.integrations.values()))
    (edge,) = [d for d in integrations if d["id"] == first.id]
    assert edge["via"] == first.via.value
    assert edge["data"] == " ".join(first.data)


def test_json_is_node_link_data(runner, tmp_path):
    data = json.loads(_export(runner, tmp_path, "json").read_text())
    graph = nx.node_link_graph(data, edges="edges")
    assert _element_ids() <= set(graph.nodes)
    assert graph.is_directed() and graph.is_multigraph()


@pytest.mark.parametrize("fmt", ["graphml", "json"])
def test_graph_export_is_byte_stable(runner, tmp_path, fmt):
    first = _export(runner, tmp_path, fmt).read_bytes()
    again = tmp_path / "again"
    result = runner.invoke(app, ["export", fmt, str(EXAMPLE), "-o", str(again)])
    assert result.exit_code == 0, result.output
    assert again.read_bytes() == first
