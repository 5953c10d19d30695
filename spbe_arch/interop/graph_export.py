"""The typed architecture graph for other graph tools: GraphML (yEd, Gephi, Neo4j APOC) and JSON.

Only plain attributes leave: every node has `kind` and `name`, and where the element states
them `unit` (owner, steward or parent), `status`, `element_kind` (an application's umum /
khusus, a data centre's pdn / cloud ...), `ref` and `platform`; every edge has `kind` and,
for integrations, `id`, `via`, `network`, `status` and `data` (ids separated by spaces).
Python objects and the graph's own indexes (`graph.graph`) are left out.
"""

from collections.abc import Iterator
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

    from ..model import Architecture

__all__ = ["graph_json", "graphml", "model_graph", "plain_graph"]

_NODE_FIELDS = (
    ("unit", ("owner", "steward", "parent")),
    ("status", ("status",)),
    ("element_kind", ("kind",)),
    ("ref", ("ref",)),
    ("platform", ("platform",)),
)


def model_graph(arch: "Architecture") -> "nx.MultiDiGraph":
    """The networkx graph of a model: the one place the exporters build it."""
    from ..graph import build_graph

    return build_graph(arch).to_networkx()


def plain_graph(graph: "nx.MultiDiGraph") -> "nx.MultiDiGraph":
    """A copy of `graph` with only str / int / float / bool attributes, sorted by id."""
    import networkx as nx

    plain = nx.MultiDiGraph()
    for node in sorted(graph.nodes):
        plain.add_node(node, **dict(_node_attributes(graph.nodes[node])))
    edges = sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))
    for source, target, key, data in edges:
        plain.add_edge(source, target, key=str(key), **dict(_plain_items(data)))
    return plain


def _node_attributes(data: dict) -> Iterator[tuple[str, Any]]:
    yield "kind", data["kind"]
    yield "name", data.get("name") or ""
    element = data.get("element")
    for attribute, names in _NODE_FIELDS:
        for name in names:
            value = _plain(getattr(element, name, None))
            if value is not None:
                yield attribute, value
                break


def _plain_items(data: dict) -> Iterator[tuple[str, Any]]:
    for key, value in data.items():
        value = _plain(value)
        if value is not None:
            yield key, value


def _plain(value: Any) -> str | int | float | bool | None:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return " ".join(str(item) for item in value) if value else None
    if isinstance(value, str | int | float | bool):
        return value
    return None


def graphml(graph: "nx.MultiDiGraph") -> bytes:
    """GraphML text of the graph's plain attributes (networkx.read_graphml reads it back)."""
    import io

    import networkx as nx

    buffer = io.BytesIO()
    nx.write_graphml(plain_graph(graph), buffer, named_key_ids=True)
    return buffer.getvalue()


def graph_json(graph: "nx.MultiDiGraph") -> bytes:
    """Node-link JSON (networkx.node_link_graph reads it back): {"nodes": [...], "edges": [...]}.
    """
    import networkx as nx
    import orjson

    data = nx.node_link_data(plain_graph(graph), edges="edges")
    return orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n"
