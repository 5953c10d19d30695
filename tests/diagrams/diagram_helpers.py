"""A tiny model for the diagram views, and a small reader of the DOT they produce.

(Plain functions rather than fixtures: a second conftest.py would shadow the `conftest`
module other tests import.)"""

import re

from tiny_model import TINY

from spbe_arch.graph import build_graph
from spbe_arch.validate import load_model


def tiny(make_model):
    """The tiny model, written with the `make_model` fixture: (architecture, graph)."""
    result = load_model(make_model(TINY))
    assert result.ok, result.findings
    return result.architecture, build_graph(result.architecture)


_STATEMENT = re.compile(r'^\t+("[^"]+"|[\w.~-]+)( -> ("[^"]+"|[\w.~-]+))? \[(.*)\]$')
_ATTR = re.compile(r'(\w+)=("(?:[^"\\]|\\.)*"|<.*>|[^ ]+)')


def _unquote(text: str) -> str:
    return text[1:-1] if text.startswith('"') else text


def _attrs(text: str) -> dict[str, str]:
    if text.startswith("label=<"):  # an HTML label runs to the last '>' before the next key
        label, rest = text.split(">> ", 1) if ">> " in text else (text[:-1], "")
        return {"label": label[len("label=") :] + ">>", **_attrs(rest)}
    return {key: _unquote(value) for key, value in _ATTR.findall(text)}


def dot_nodes(source: str) -> dict[str, dict[str, str]]:
    """Node id -> attributes, for every node statement with attributes."""
    nodes = {}
    for line in source.splitlines():
        match = _STATEMENT.match(line)
        if match and not match.group(2) and match.group(1) not in ("graph", "node", "edge"):
            nodes[_unquote(match.group(1))] = _attrs(match.group(4))
    return nodes


def dot_edges(source: str) -> dict[tuple[str, str], dict[str, str]]:
    """(tail, head) -> attributes of the visible edges (invisible layout edges left out)."""
    edges = {}
    for line in source.splitlines():
        match = _STATEMENT.match(line)
        if match and match.group(2):
            attrs = _attrs(match.group(4))
            if attrs.get("style") != "invis":
                edges[(_unquote(match.group(1)), _unquote(match.group(3)))] = attrs
    return edges


def clusters(source: str) -> list[str]:
    """Cluster labels in order."""
    labels = []
    inside = False
    for line in source.splitlines():
        if line.strip().startswith("subgraph cluster_") and "legend" not in line:
            inside = True
            continue
        if inside:
            match = re.search(r'label=("(?:[^"\\]|\\.)*"|[^ ]+)', line)
            labels.append(_unquote(match.group(1)) if match else "")
            inside = False
    return labels
