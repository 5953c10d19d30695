"""Impact view: what the failure of one element stops or degrades, from the audit's analysis."""

from typing import TYPE_CHECKING

from .style import (
    NODE_STYLES,
    add_legend,
    edge_attrs,
    element_attrs,
    glossed,
    label,
    new_digraph,
    node_attrs,
    subgraph,
)

if TYPE_CHECKING:
    import graphviz

    from ..audit import ImpactResult
    from ..graph import ArchGraph

__all__ = ["impact_view"]

_KIND_ID = {
    "applications": "aplikasi",
    "services": "layanan",
    "business_processes": "proses bisnis",
    "infrastructure": "infrastruktur",
    "data": "data",
}


def _summary(result: "ImpactResult") -> list[str]:
    """The legend's notes: what stops and is degraded, and what the model does not tell
    (as the impact's text says it: unknown, not none)."""
    def count(ids: dict) -> str:
        per_kind: dict[str, int] = {}
        for node in ids:
            kind = _KIND_ID.get(result.kinds.get(node, ""), result.kinds.get(node, ""))
            per_kind[kind] = per_kind.get(kind, 0) + 1
        return ", ".join(f"{n} {k}" for k, n in sorted(per_kind.items())) or "tidak ada"

    readers_unknown = result.integrations_unknown or result.data_unknown
    degraded = count(result.degraded)
    if readers_unknown:  # none found is not none: the model does not tell
        degraded = "belum diketahui" if not result.degraded else degraded + ", mungkin lebih"
    notes = [
        f"Berhenti: {count(result.stopped)}",
        f"Terganggu: {degraded}",
        f"Unit kerja terdampak: {len(result.units_affected)}; "
        f"integrasi terputus: {len(result.integrations_broken)}",
    ]
    if readers_unknown:
        notes.append("Aplikasi yang kehilangan data: belum diketahui (model tidak mencatat "
                     "integrasi atau data yang dibaca aplikasi yang berhenti)")
    if result.hosting_unknown:
        notes.append(f"Penempatan {result.hosting_unknown} aplikasi belum tercatat: mungkin ikut "
                     "berhenti")
    if result.network_unknown:
        notes.append(f"Jaringan {result.network_unknown} integrasi belum tercatat: mungkin ikut "
                     "terputus")
    if result.services_unknown:
        notes.append("Layanan yang berhenti: belum diketahui (model tidak mencatat layanan)")
    return notes


def impact_view(
    graph: "ArchGraph", element: str, *, title: str | None = None, glosses: bool = True
) -> "graphviz.Digraph":
    """Draw what stops (red) and what is degraded (amber) when `element` fails.

    The propagation rules and explaining paths come from `spbe_arch.audit.impact`; each path
    is drawn as a chain of edges from the failed element, and an integration that breaks on
    the way labels its edge (broken integrations ending a path are counted in the legend).
    Stopped and degraded elements keep the shape of their kind and sit inside the box of the
    unit that owns them; affected units have a red border. A failed integration is drawn as
    a red parallelogram. Without `glosses` the legend is in Indonesian only.

    Raises
    ------
    SpbeError
        `UnknownElementError` when `element` is not an id of the model or a national platform.
    """
    from ..audit import impact

    result = impact(graph, element)
    root_name = graph.name(element)
    dot = new_digraph("impact", title or f"Analisis dampak: {root_name} gagal", rankdir="LR")
    dot.attr("graph", ranksep="0.8")

    links = graph.integrations
    status: dict[str, str] = {element: "failed"}
    for node in result.stopped:
        status[node] = "stopped"
    for node in result.degraded:
        status[node] = "degraded"
    units = set(result.units_affected)
    # Each explaining path becomes a chain of edges between elements; an integration in the
    # middle of a path labels the edge it stands for. Broken integrations that end a path are
    # counted in the legend, not drawn.
    edges: dict[tuple[str, str], set[str]] = {}
    nodes = {element}
    for path in [*result.stopped.values(), *result.degraded.values()]:
        chain: list[str] = []
        via: set[str] = set()
        for step in path:
            if step in units:
                continue
            if step in links and step != element:
                via.add(step)
                continue
            if chain:
                edges.setdefault((chain[-1], step), set()).update(via)
            via = set()
            chain.append(step)
            nodes.add(step)

    def attrs(node: str) -> dict:
        state = status.get(node)
        if node not in graph:  # the failed element is an integration or a national platform
            if node in links:
                return node_attrs(
                    "broken_link", node, tooltip=node,
                    fillcolor=NODE_STYLES["failed"].fill, fontcolor="#ffffff", penwidth="2.5",
                )
            return node_attrs("failed", node)
        base = element_attrs(graph, node)
        if state is not None:
            style = NODE_STYLES[state]
            base |= {"fillcolor": style.fill, "color": style.border, "fontcolor": style.font}
            base["penwidth"] = "2.5" if state == "failed" else "1.4"
            if state == "degraded" and "dashed" not in base["style"]:
                base["style"] += ",dashed"
        return base

    by_unit: dict[str, list[str]] = {}
    for node in sorted(nodes):
        by_unit.setdefault(graph.owner(node) or "", []).append(node)
    for index, unit in enumerate(sorted(u for u in by_unit if u)):
        affected = unit in units
        with subgraph(dot, f"cluster_unit_{index:04d}") as box:
            box.attr(
                label=label(
                    graph.name(unit) + (" (terdampak)" if affected else ""),
                    width=34,
                ),
                style="rounded,filled",
                fillcolor="#fff5f5" if affected else "#f8fafc",
                color="#dc2626" if affected else "#cbd5e1",
                penwidth="1.6" if affected else "1",
                fontsize="11",
                fontcolor="#7f1d1d" if affected else "#334155",
            )
            for node in by_unit[unit]:
                box.node(node, **attrs(node))
    for node in by_unit.get("", []):
        dot.node(node, **attrs(node))

    for (tail, head), via in sorted(edges.items()):
        style = "impact_degraded" if status.get(head) == "degraded" else "impact"
        extra = {"label": label(", ".join(sorted(via)), width=24)} if via else {}
        dot.edge(tail, head, **edge_attrs(style, **extra))

    node_keys = ["failed", "stopped", "degraded"]
    if element in links:
        node_keys.append("broken_link")
    edge_keys = ["impact"] + (["impact_degraded"] if result.degraded else [])
    notes = _summary(result)
    if len(nodes) == 1:
        notes.insert(0, glossed("Tidak ada elemen lain yang terdampak",
                                "no other element affected", glosses))
    add_legend(dot, node_keys, edge_keys, notes=notes, glosses=glosses)
    return dot
