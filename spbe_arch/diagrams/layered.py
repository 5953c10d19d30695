"""Layered view: business process -> service -> application -> data -> infrastructure."""

import itertools
from typing import TYPE_CHECKING

from ..graph import NATIONAL, ArchGraph
from ..io import SpbeError
from ..model.i18n import gettext as _
from ..validate.references import did_you_mean
from .style import add_legend, edge_attrs, element_attrs, new_digraph, node_style_key, subgraph

if TYPE_CHECKING:
    import graphviz

__all__ = ["LAYERS", "layered_view"]

LAYERS = (
    ("business_processes", "Proses bisnis", "business processes", "#fffbeb"),
    ("services", "Layanan SPBE", "services", "#fefce8"),
    ("applications", "Aplikasi", "applications", "#eff6ff"),
    ("data", "Data dan informasi", "data", "#f5f3ff"),
    ("infrastructure", "Infrastruktur", "infrastructure", "#f0fdf4"),
)
"""Layer order (top to bottom): graph kind, Indonesian and English title, lane colour."""


def _known(graph: ArchGraph, node: str, kind: str, message: str) -> None:
    if graph.kind(node) != kind:
        known = graph.nodes(kind)
        listed = ", ".join(f"'{n}'" for n in known[:10]) + (", ..." if len(known) > 10 else "")
        text = message.format(id=node, known=listed or _("none"))
        close = did_you_mean(node, known).strip()
        raise SpbeError(f"{text}; {close}" if close else text)


def _select(graph: ArchGraph, unit: str | None, service: str | None) -> dict[str, set[str]]:
    """Nodes per layer kind for the whole model, one unit, or one service."""
    if unit is None and service is None:
        layers = {kind: set(graph.nodes(kind)) for kind, *_ in LAYERS if kind != "infrastructure"}
        apps = layers["applications"]
    else:
        if service is not None:
            _known(graph, service, "services", _("unknown service '{id}'; known services: {known}"))
            processes: set[str] = set()
            services = {service}
            apps = set()
        else:
            assert unit is not None
            _known(graph, unit, "units", _("unknown unit '{id}'; known units: {known}"))
            owned = set(graph.targets(unit, "owns"))
            processes = {n for n in owned if graph.kind(n) == "business_processes"}
            services = {n for n in owned if graph.kind(n) == "services"}
            apps = {n for n in owned if graph.kind(n) == "applications"}
            for process in processes:
                services |= set(graph.sources(process, "supports"))
            for app in apps:
                services |= set(graph.targets(app, "realizes"))
        for svc in services:
            apps |= set(graph.sources(svc, "realizes"))
            processes |= set(graph.targets(svc, "supports"))
        data = set()
        for app in apps:
            data |= set(graph.targets(app, "reads")) | set(graph.targets(app, "writes"))
        layers = {
            "business_processes": processes,
            "services": services,
            "applications": apps,
            "data": data,
        }
    layers["infrastructure"] = set()
    for app in apps:
        layers["infrastructure"] |= set(graph.targets(app, "hosted_on"))
    return layers


def layered_view(
    graph: ArchGraph,
    *,
    unit: str | None = None,
    service: str | None = None,
    title: str = "Arsitektur berlapis",
    per_row: int = 10,
    glosses: bool = True,
) -> "graphviz.Digraph":
    """Draw the layers, each a horizontal lane, for the whole model or filtered.

    Parameters
    ----------
    graph : ArchGraph
        The architecture graph.
    unit : str, optional
        Only what this unit owns (processes, services, applications), the services and
        applications tied to them, their data and hosting.
    service : str, optional
        Only this service, the processes it supports, the applications realizing it, their
        data and hosting.
    title : str
        Diagram title.
    per_row : int
        A layer with more elements wraps into rows of this many, so that the whole model
        stays readable.
    glosses : bool
        Labels in Indonesian with English glosses (the default), or in Indonesian only.

    Raises
    ------
    SpbeError
        When `unit` or `service` is not an id of that kind, or both are given.
    """
    if unit is not None and service is not None:
        raise SpbeError(_("give either a unit or a service to filter the layered view, not both"))
    layers = _select(graph, unit, service)
    dot = new_digraph("layered", title)
    dot.attr("graph", newrank="true", ranksep="0.6")
    anchors = []
    node_keys: list[str] = []
    for index, (kind, title_id, title_en, lane) in enumerate(LAYERS):
        nodes = sorted(layers[kind], key=lambda n: (graph.name(n).casefold(), n))
        if not nodes:
            continue
        # A wide layer wraps into rows of `per_row`. Each row starts with an anchor (the
        # layer's title on its first row) kept left of the row by invisible flat edges; the
        # anchors are chained, so layers and their rows stack top to bottom. No cluster boxes:
        # edges that skip a layer would have to go around them, which widens the drawing.
        for start in range(0, len(nodes), per_row):
            row = nodes[start : start + per_row]
            with subgraph(dot) as same:
                same.attr(rank="same")
                anchor = f"~layer-{index}-{start // per_row}"
                if start == 0:
                    gloss = (f'<BR/><FONT COLOR="#64748b"><I>{title_en}</I></FONT>'
                             if glosses else "")
                    same.node(
                        anchor,
                        label=f"<<B>{title_id}</B>{gloss}>",
                        shape="box",
                        style="filled",
                        fillcolor=lane,
                        color="#cbd5e1",
                        fontsize="12",
                        fontcolor="#334155",
                        width="1.6",
                        group="lanes",
                    )
                else:
                    same.node(anchor, label="", shape="point", style="invis", width="1.6",
                              group="lanes")
                anchors.append(anchor)
                for node in row:
                    same.node(node, **element_attrs(graph, node))
                    same.edge(anchor, node, style="invis")
                    key = node_style_key(graph, node)
                    if key not in node_keys:
                        node_keys.append(key)
    for upper, lower in itertools.pairwise(anchors):
        dot.edge(upper, lower, style="invis")

    shown = {n for nodes in layers.values() for n in nodes}
    edge_keys: set[str] = set()
    edges: list[tuple[str, str, str, dict[str, str]]] = []
    for kind in ("supports", "realizes", "writes", "reads", "hosted_on"):
        for u, v in graph.relations(kind):
            if u not in shown or v not in shown:
                continue
            if kind in ("supports", "realizes"):
                # service -> process and application -> service, drawn upward from below
                edges.append((v, u, "realizes", {"dir": "back"}))
            elif kind == "writes":
                both = v in graph.targets(u, "reads")
                edges.append((u, v, "writes", {"dir": "both"} if both else {}))
            elif kind == "reads":
                if v not in graph.targets(u, "writes"):
                    edges.append((u, v, "reads", {"dir": "back"}))
            else:
                edges.append((u, v, "hosted_on", {}))
    for tail, head, style, extra in sorted(set((t, h, s, tuple(sorted(e.items())))
                                               for t, h, s, e in edges)):
        dot.edge(tail, head, **edge_attrs(style, **dict(extra)))
        edge_keys.add(style)
    national = [n for n in layers["infrastructure"] if graph.kind(n) == NATIONAL]
    if national and "national" not in node_keys:
        node_keys.append("national")
    order = ("realizes", "writes", "reads", "hosted_on")
    add_legend(
        dot, node_keys, [k for k in order if k in edge_keys],
        after=anchors[-1] if anchors else None, glosses=glosses,
    )
    return dot
