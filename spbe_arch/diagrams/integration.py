"""Integration map: SPLP as the hub; integrations through SPLP, direct, and missing."""

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..graph import NATIONAL, ArchGraph
from ..model.types import Status
from .style import (
    EDGE_STYLES,
    NATIONAL_CLUSTER,
    NODE_STYLES,
    SPLP,
    add_legend,
    edge_attrs,
    element_attrs,
    integration_category,
    label,
    network_class,
    new_digraph,
    node_attrs,
    node_style_key,
    subgraph,
)

if TYPE_CHECKING:
    import graphviz

__all__ = ["integration_view", "missing_dependencies"]

_PLANNED = {Status.planned, Status.development}
_NET_COLOUR = {"JIP": "#15803d", "internet": "#b91c1c"}
_SPLP_NAME = "Sistem Penghubung Layanan Pemerintah (SPLP)"


def missing_dependencies(graph: ArchGraph) -> Iterator[tuple[str, str, str]]:
    """Yield `(producer, consumer, data)` for every data flow the audit finds not integrated.

    The graph's definition (`ArchGraph.flow_gaps`: an active application reads data that
    other active applications write, and no integration link path leads from any of them to
    it) is the audit's, so the map and the audit findings agree.
    """
    for gap in graph.flow_gaps:
        for producer in gap.producers:
            yield producer, gap.consumer, gap.data


def integration_view(
    graph: ArchGraph, *, title: str = "Peta integrasi"
) -> "graphviz.Digraph":
    """Draw the integration map.

    Integrations through SPLP are drawn application -> SPLP -> target (green); direct ones
    (api_direct, database_link, file_transfer) go straight to the target (amber); manual
    transfer and shared login are dotted grey; data dependencies with no integration path
    are dashed red, from the producing to the reading application. Edge labels name the
    network (JIP, internet) or the mechanism; parallel integrations merge into one edge with
    a count. Applications are grouped by owning unit; applications with no integration are
    not drawn but counted in the legend.
    """
    edges: dict[tuple[str, str, str, bool], dict[str, list[str]]] = {}

    def add(tail: str, head: str, style: str, planned: bool, text: str, ident: str) -> None:
        slot = edges.setdefault((tail, head, style, planned), {"labels": [], "ids": []})
        if text and text not in slot["labels"]:
            slot["labels"].append(text)
        slot["ids"].append(ident)

    for ident, edge in sorted(graph.integrations.items()):
        if edge.status == Status.retired:
            continue
        source, target = edge.source, edge.target
        category = integration_category(edge.via)
        planned = edge.status in _PLANNED
        network = network_class(graph, edge.network) or ""
        if category == "splp":
            add(source, SPLP, "splp", planned, network, ident)
            if target != SPLP:
                add(SPLP, target, "splp", planned, "", ident)
        elif category == "direct":
            add(source, target, "direct", planned, network, ident)
        else:
            add(source, target, "weak", planned, str(edge.via), ident)
    missing = list(missing_dependencies(graph))
    for producer, consumer, data_id in missing:
        add(producer, consumer, "missing", False, graph.name(data_id), "")

    involved = {n for key in edges for n in key[:2]} | {SPLP}
    apps = sorted(n for n in involved if graph.kind(n) == "applications")
    others = sorted(involved - {SPLP, *apps})
    idle = sorted(graph.name(n) for n in graph.active_applications if n not in involved)

    dot = new_digraph("integration", title, rankdir="LR")
    dot.attr("graph", ranksep="1.1", nodesep="0.25")
    by_unit: dict[str, list[str]] = {}
    for app in apps:
        owners = graph.sources(app, "owns")
        by_unit.setdefault(owners[0] if owners else "", []).append(app)
    units = sorted(by_unit, key=lambda u: (graph.name(u) if u else "~", u))
    for index, unit in enumerate(units):
        with subgraph(dot, f"cluster_unit_{index:04d}") as box:
            box.attr(
                label=label(
                    graph.name(unit) if unit else "Tanpa unit", width=34
                ),
                style="rounded,filled",
                fillcolor="#f8fafc",
                color="#cbd5e1",
                fontsize="11",
                fontcolor="#334155",
            )
            for app in sorted(by_unit[unit], key=lambda a: (graph.name(a), a)):
                box.node(app, **element_attrs(graph, app))
    dot.node(SPLP, **node_attrs("splp", "SPLP", tooltip=_SPLP_NAME, fontsize="13"))
    nationals = [n for n in others if graph.kind(n) == NATIONAL]
    if nationals:
        with subgraph(dot, "cluster_national") as box:
            box.attr(
                label="Platform nasional (national platforms)", fontsize="11", **NATIONAL_CLUSTER
            )
            for node in nationals:
                box.node(node, **element_attrs(graph, node))
    for node in others:
        if node not in nationals and node in graph:
            dot.node(node, **element_attrs(graph, node))

    for (tail, head, style, planned), slot in sorted(edges.items()):
        texts = list(slot["labels"])
        count = len(slot["ids"])
        if count > 1 and style != "missing":
            texts.append(f"{count}x")
        if planned:
            texts.append("(rencana)")
        attrs = edge_attrs(style, tooltip=", ".join(i for i in slot["ids"] if i) or "")
        if planned:
            attrs["style"] = "dashed" if style != "weak" else "dotted"
        if texts:
            joined = ", ".join(texts) if style == "missing" else " ".join(texts)
            attrs["label"] = label(joined, width=28)
            if style == "missing":
                attrs["fontcolor"] = EDGE_STYLES["missing"].color
            elif "internet" in slot["labels"]:
                attrs["fontcolor"] = _NET_COLOUR["internet"]
            elif "JIP" in slot["labels"]:
                attrs["fontcolor"] = _NET_COLOUR["JIP"]
        if not attrs["tooltip"]:
            del attrs["tooltip"]
        dot.edge(tail, head, **attrs)

    node_keys = ["splp"]
    node_keys += sorted(
        {node_style_key(graph, a) for a in apps}, key=lambda k: list(NODE_STYLES).index(k)
    )
    if nationals:
        node_keys.append("national")
    used = {key[2] for key in edges}
    edge_keys = [k for k in ("splp", "direct", "weak", "missing") if k in used]
    notes = ["Label garis: jaringan (JIP / internet); Nx = N integrasi"]
    if any(key[3] for key in edges):
        notes.append("Garis putus-putus + (rencana): integrasi direncanakan")
    if idle:
        names = ", ".join(idle[:6]) + (f", +{len(idle) - 6}" if len(idle) > 6 else "")
        notes.append(f"{len(idle)} aplikasi aktif tanpa integrasi: {names}")
    add_legend(dot, node_keys, edge_keys, notes=notes)
    return dot
