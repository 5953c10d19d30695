"""Integration maps: each integration from source to target styled by its route (SPLP,
direct, manual, missing), for the model or one unit, and the overview between units."""

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..graph import NATIONAL, ArchGraph
from ..io import SpbeError
from ..model.i18n import gettext as _
from ..model.rules.audit import ISOLATED_APPLICATION
from ..model.types import Status
from ..model.words import VIA
from ..validate.references import did_you_mean
from .style import (
    EDGE_STYLES,
    NATIONAL_CLUSTER,
    NODE_STYLES,
    SPLP,
    add_legend,
    edge_attrs,
    element_attrs,
    glossed,
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

__all__ = ["integration_overview", "integration_view", "missing_dependencies"]

_PLANNED = {Status.planned, Status.development}
_NET_COLOUR = {"JIP": "#15803d", "internet": "#b91c1c"}
_SPLP_NAME = "Sistem Penghubung Layanan Pemerintah (SPLP)"
_PLANNED_MARK = "(rencana)"
_PLANNED_NOTE = "Garis putus-putus + (rencana): integrasi direncanakan"
_EITHER_WAY_NOTE = "Garis tanpa panah: arah data belum diketahui"


def _planned_line(style: str) -> str:
    """The line style of a planned integration: dashed (dotted for manual or shared login)."""
    return "dotted" if style == "weak" else "dashed"


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
    graph: ArchGraph,
    *,
    title: str = "Peta integrasi",
    unit: str | None = None,
    glosses: bool = True,
) -> "graphviz.Digraph":
    """Draw the integration map, of the whole model or of one unit's applications.

    Every integration is drawn from its source to its target (without arrowhead when which way
    data moves is unknown, `direction: unknown`), styled by its route: through
    SPLP (green, labelled SPLP: the gateway is the route, not a stop, so which application
    sends what to which stays visible), direct (api_direct, database_link, file_transfer:
    amber), manual transfer and shared login (dotted grey); data dependencies with no
    integration path are dashed red, from the producing to the reading application. Labels
    also name the network (JIP, internet); parallel integrations merge into one edge with a
    count. Applications are grouped by owning unit; with `unit`, only the integrations of
    that unit's applications are drawn (their partners in their own units' boxes).
    Applications with no integration are not drawn; the legend names the isolated ones as
    the audit does (rule `isolated-application`) and the national platforms' instances no
    line reaches.
    Without `glosses` the labels are in Indonesian only, else they carry English glosses.
    """
    if unit is not None and graph.kind(unit) != "units":
        close = did_you_mean(unit, graph.nodes("units")).strip()
        text = _("unknown unit '{unit}'").format(unit=unit)
        raise SpbeError(f"{text}; {close}" if close else text)
    mine = set(graph.targets(unit, "owns")) if unit is not None else None

    def concerns(*ends: str) -> bool:
        return mine is None or any(end in mine for end in ends)

    edges: dict[tuple[str, str, str, bool, bool], dict[str, list[str]]] = {}

    def add(tail: str, head: str, style: str, planned: bool, text: str, ident: str,
            one_way: bool = True) -> None:
        slot = edges.setdefault((tail, head, style, planned, one_way), {"labels": [], "ids": []})
        if text and text not in slot["labels"]:
            slot["labels"].append(text)
        slot["ids"].append(ident)

    if mine is None:
        drawn = sorted(graph.integrations)
    else:
        drawn = sorted({i for app in mine for i in graph.integrations_of(app)})
    for ident in drawn:
        edge = graph.integrations[ident]
        if edge.status == Status.retired:
            continue
        category = integration_category(edge.via)
        planned = edge.status in _PLANNED
        network = network_class(graph, edge.network) or ""
        if category == "splp":
            route = f"SPLP {network}" if network else "SPLP"
            add(edge.source, edge.target, "splp", planned, route, ident, edge.one_way)
        elif category in ("direct", "unknown"):
            add(edge.source, edge.target, category, planned, network, ident, edge.one_way)
        else:
            words = glossed(*VIA[edge.via], glosses)
            add(edge.source, edge.target, "weak", planned, words, ident, edge.one_way)
    for producer, consumer, data_id in missing_dependencies(graph):
        if concerns(producer, consumer):
            add(producer, consumer, "missing", False, graph.name(data_id), "")

    involved = {n for key in edges for n in key[:2]}
    apps = sorted(n for n in involved if graph.kind(n) == "applications")
    others = sorted(involved - set(apps))

    dot = new_digraph("integration", title, rankdir="LR")
    dot.attr("graph", ranksep="1.1", nodesep="0.25")
    by_unit: dict[str, list[str]] = {}
    for app in apps:
        owners = graph.sources(app, "owns")
        by_unit.setdefault(owners[0] if owners else "", []).append(app)
    units = sorted(by_unit, key=lambda u: (u != unit, graph.name(u) if u else "~", u))
    for index, owner in enumerate(units):
        with subgraph(dot, f"cluster_unit_{index:04d}") as box:
            box.attr(
                label=label(graph.name(owner) if owner else "Tanpa unit kerja", width=34),
                style="rounded,filled",
                fillcolor="#eff6ff" if owner == unit else "#f8fafc",
                color="#93c5fd" if owner == unit else "#cbd5e1",
                fontsize="11",
                fontcolor="#334155",
            )
            for app in sorted(by_unit[owner], key=lambda a: (graph.name(a), a)):
                box.node(app, **element_attrs(graph, app))
    if SPLP in others:  # integrations that publish to SPLP itself
        dot.node(SPLP, **node_attrs("splp", "SPLP", tooltip=_SPLP_NAME, fontsize="13"))
    nationals = [n for n in others if graph.kind(n) == NATIONAL and n != SPLP]
    _national_cluster(dot, graph, nationals, glosses)
    for node in others:
        if node not in nationals and node != SPLP and node in graph:
            dot.node(node, **element_attrs(graph, node))

    for (tail, head, style, planned, one_way), slot in sorted(edges.items()):
        texts = list(slot["labels"])
        count = len(slot["ids"])
        if count > 1 and style != "missing":
            texts.append(f"{count}x")
        if planned:
            texts.append(_PLANNED_MARK)
        attrs = edge_attrs(style, tooltip=", ".join(i for i in slot["ids"] if i) or "")
        if planned:
            attrs["style"] = _planned_line(style)
        if texts:
            joined = ", ".join(texts) if style == "missing" else " ".join(texts)
            attrs["label"] = label(joined, width=28)
            if style == "missing":
                attrs["fontcolor"] = EDGE_STYLES["missing"].color
            elif style == "splp":
                attrs["fontcolor"] = EDGE_STYLES["splp"].color
            elif "internet" in slot["labels"]:
                attrs["fontcolor"] = _NET_COLOUR["internet"]
            elif "JIP" in slot["labels"]:
                attrs["fontcolor"] = _NET_COLOUR["JIP"]
        if not attrs["tooltip"]:
            del attrs["tooltip"]
        if not one_way:
            attrs["dir"] = "none"
        dot.edge(tail, head, **attrs)

    node_keys = ["splp"] if SPLP in others else []
    node_keys += sorted(
        {node_style_key(graph, a) for a in apps}, key=lambda k: list(NODE_STYLES).index(k)
    )
    if nationals:
        node_keys.append("national")
    used = {key[2] for key in edges}
    edge_keys = [k for k in ("splp", "direct", "unknown", "weak", "missing") if k in used]
    notes = ["Label garis: SPLP = melalui SPLP; jaringan (JIP / internet); Nx = N integrasi"]
    if any(key[3] for key in edges):
        notes.append(_PLANNED_NOTE)
    if not all(key[4] for key in edges):
        notes.append(_EITHER_WAY_NOTE)
    notes += _unintegrated_notes(graph, mine, involved)
    add_legend(dot, node_keys, edge_keys, notes=notes, glosses=glosses)
    return dot


def _unintegrated_notes(graph: ArchGraph, mine: set[str] | None, drawn: set[str]) -> list[str]:
    """The legend's notes on active applications without integration, in the map's scope:
    the isolated ones by the audit's definition (rule `isolated-application`, so that the map
    and the audit count the same applications), then the instances of national platforms no
    line reaches and the applications whose integrations are unknown, which that rule leaves
    out. A model that records no integration has none of them (unknown)."""
    from ..audit import integrations_recorded, isolated_applications

    if not integrations_recorded(graph):
        return ["Model ini belum mencatat integrasi"] if graph.active_applications else []
    scope = graph.active_applications if mine is None else mine
    isolated = list(isolated_applications(graph, mine))
    undrawn = [a for a in sorted(scope) if graph.is_active(a) and a not in drawn
               and a not in isolated]
    unknown = [a for a in undrawn if not graph.element(a).integrations_known]
    instances = [a for a in undrawn if a not in unknown]
    rule = ISOLATED_APPLICATION.code
    notes = []
    if isolated:
        notes.append(f"{len(isolated)} aplikasi terisolasi ({rule}; manual dan login "
                     f"bersama bukan integrasi): {_names(graph, isolated)}")
    if instances:
        notes.append(f"{len(instances)} instalasi platform nasional tanpa integrasi, tidak "
                     f"digambar (di luar {rule}): {_names(graph, instances)}")
    if unknown:
        notes.append(f"{len(unknown)} aplikasi yang integrasinya belum diketahui, tidak "
                     f"digambar: {_names(graph, unknown)}")
    return notes


def _names(graph: ArchGraph, ids: list[str], *, shown: int = 6) -> str:
    """The first `shown` names in name order, then how many more."""
    names = sorted(graph.name(i) for i in ids)
    return ", ".join(names[:shown]) + (f", +{len(names) - shown}" if len(names) > shown else "")


def integration_overview(
    graph: ArchGraph, *, title: str = "Peta integrasi antarunit", glosses: bool = True
) -> "graphviz.Digraph":
    """Draw the integrations between units: one box per unit (with its number of
    applications), one per national platform, and one edge per pair and route carrying the
    number of integrations (green through SPLP, amber direct, grey manual or shared login,
    dashed red for data used with no integration). Planned integrations (planned or in
    development) are counted apart and drawn as the integration map draws them: dashed,
    "(rencana)", so that what runs today is never read off a plan. The overview of a model
    whose map is too large for a page; each unit's own map (`integration_view(graph,
    unit=...)`) details it. `glosses` as for `integration_view`.
    """
    def side(node: str) -> str:
        if graph.kind(node) == NATIONAL:
            return node
        owners = graph.sources(node, "owns")
        return owners[0] if owners else ""

    counts: dict[tuple[str, str, str, bool], int] = {}
    inside: dict[tuple[str, bool], int] = {}
    for edge in graph.integrations.values():
        if edge.status == Status.retired:
            continue
        tail, head = side(edge.source), side(edge.target)
        planned = edge.status in _PLANNED
        if tail == head:
            inside[(tail, planned)] = inside.get((tail, planned), 0) + 1
            continue
        key = (tail, head, integration_category(edge.via), planned)
        counts[key] = counts.get(key, 0) + 1
    for producer, consumer, _data in missing_dependencies(graph):
        tail, head = side(producer), side(consumer)
        if tail != head:
            key = (tail, head, "missing", False)
            counts[key] = counts.get(key, 0) + 1

    dot = new_digraph("integration_overview", title, rankdir="LR")
    dot.attr("graph", ranksep="0.5", nodesep="0.12")
    nodes = sorted({n for key in counts for n in key[:2]} | {unit for unit, _ in inside})
    nationals = [n for n in nodes if graph.kind(n) == NATIONAL]
    for node in nodes:
        if node in nationals:
            continue
        apps = sum(1 for a in graph.targets(node, "owns") if graph.kind(a) == "applications")
        text = graph.name(node) if node else "Tanpa unit kerja"
        attrs = node_attrs("units", text)
        attrs["label"] = label(text, width=26) + f"\\n{apps} aplikasi"
        if (node, False) in inside:
            attrs["label"] += f", {inside[(node, False)]} integrasi internal"
        if (node, True) in inside:
            attrs["label"] += f", {inside[(node, True)]} internal {_PLANNED_MARK}"
        dot.node(node or "_none", **attrs)
    _national_cluster(dot, graph, nationals, glosses)
    for (tail, head, style, planned), count in sorted(counts.items()):
        attrs = edge_attrs(style, label=f"{count} {_PLANNED_MARK}" if planned else str(count))
        attrs["fontcolor"] = EDGE_STYLES[style].color
        if planned:
            attrs["style"] = _planned_line(style)
        dot.edge(tail or "_none", head or "_none", **attrs)
    edge_keys = [k for k in ("splp", "direct", "unknown", "weak", "missing")
                 if k in {c[2] for c in counts}]
    notes = ["Angka pada garis: jumlah integrasi antara dua unit"]
    if any(key[3] for key in counts) or any(planned for _, planned in inside):
        notes.append(_PLANNED_NOTE)
    add_legend(dot, ["units", *(["national"] if nationals else [])], edge_keys, notes=notes,
               glosses=glosses)
    return dot


def _national_cluster(
    dot: "graphviz.Digraph", graph: ArchGraph, nationals: list[str], glosses: bool
) -> None:
    """The national platforms an integration map shows, boxed together (none: no box)."""
    if nationals:
        with subgraph(dot, "cluster_national") as box:
            box.attr(
                label=glossed("Platform nasional", "national platforms", glosses),
                fontsize="11",
                **NATIONAL_CLUSTER,
            )
            for node in nationals:
                box.node(node, **element_attrs(graph, node))
