"""The explorer's data: the model's applications, integrations and impacts as one JSON text.

The report's script (`templates/explorer.js`) reads it to search, filter and show an
application's integrations, data, hosting and what its failure would stop (the impact
analysis of each application, computed here: about 1 ms each, 3 s for 2,600 applications).
Words are in the report's language, as the inventory writes them (mechanisms, statuses);
ids stay ids where the script filters by them.
"""

from typing import TYPE_CHECKING, Any

import orjson

from .labels import HOSTING, NETWORK_SHORT, STATUS, TEXT, VIA

if TYPE_CHECKING:
    from ..graph import ArchGraph

__all__ = ["IMPACT_LIMIT", "explorer_data", "unit_names"]

IMPACT_LIMIT = 5000
"""Up to this many applications the explorer carries each one's impact (about 1 ms each);
above, its panel gives the `spbe-arch impact` command instead."""

_LABELS = (
    "search", "all_units", "all_kinds", "all_status", "all_hosting", "all_via", "application",
    "unit", "kind", "status", "hosting", "via", "integrations", "data", "from", "to",
    "reads", "writes", "if_fails", "stops_services", "stops_processes", "degrades",
    "degrades_services", "degrades_processes", "breaks", "nothing_stops", "shown_of", "refine",
    "none", "close", "no_match", "impact_command", "links_unknown", "services_unknown",
    "data_unknown", "not_recorded", "either_way",
)


def unit_names(graph: "ArchGraph") -> dict[str, str]:
    """Unit id -> how tables and filters name it: its name, with its id where other units
    share that name (a province's model has 21 "Dinas Kesehatan")."""
    from collections import Counter

    units = graph.nodes("units")
    shared = Counter(graph.name(u) for u in units)
    return {u: graph.name(u) if shared[graph.name(u)] == 1 else f"{graph.name(u)} ({u})"
            for u in units}


def _runs_where(graph: "ArchGraph", app: str, side: int) -> dict[str, str]:
    """Where an application without `hosting:` runs, as the explorer writes it in its table
    (`hw`) and its details (`hwd`): an instance of a national platform runs where the
    platform's operator runs it; for one the instansi runs itself (its own node of a national
    portal too) it is not recorded (unknown, never "none")."""
    platform = graph.element(app).platform
    if graph.runs_itself(app):
        unknown = TEXT["x_hosting_unknown"][side]
        return {"hw": unknown, "hwd": unknown}
    operator = getattr(graph.element(platform), "operator", None)
    if operator:
        detail = TEXT["x_run_by_operator"][side].format(operator=operator)
    else:
        detail = TEXT["x_run_by_platform"][side].format(platform=graph.name(platform))
    return {"hw": HOSTING["national"][side], "hwd": detail}


def explorer_data(graph: "ArchGraph", lang: str) -> str:
    """The explorer's JSON: safe to put inside a `<script type="application/json">` (no `<`,
    `>` or `&` in it: they are written as JSON escapes)."""
    from ..audit import impact, integrations_recorded, services_recorded

    side = 0 if lang == "id" else 1
    names: dict[str, str] = {}
    units = unit_names(graph)

    def named(node: str | None) -> str | None:
        if node and node not in names:  # named once: the same units and data recur
            names[node] = units.get(node) or graph.name(node)
        return node

    apps: list[dict[str, Any]] = []
    impacts: dict[str, dict[str, Any]] = {}
    with_impacts = len(graph.nodes("applications")) <= IMPACT_LIMIT
    by_name = sorted(graph.nodes("applications"),  # as a reader looks for them: by name
                     key=lambda a: (graph.name(a).casefold(), a))
    for app in by_name:
        element = graph.element(app)
        hosting = named(graph.hosting(app))
        apps.append({
            "id": app,
            "n": element.name,
            "u": named(element.owner),
            "k": str(element.kind),
            "s": STATUS[str(element.status)][side],
            "h": hosting,
            **({} if hosting else _runs_where(graph, app, side)),
            "p": named(element.platform),
            "r": [named(d) for d in element.reads],
            "w": [named(d) for d in element.writes],
            # the data it reads and writes not stated: who loses data with it is unknown
            **({"du": True} if not (element.states("reads") or element.states("writes"))
               else {}),
        })
        if not with_impacts:
            continue
        result = impact(graph, app)
        stopped = {
            "sv": [named(s) for s in result.of_kind("services")],
            "bp": [named(p) for p in result.of_kind("business_processes")],
            "dg": [a for a in result.of_kind("applications", degraded=True)],
            "svd": [named(s) for s in result.of_kind("services", degraded=True)],
            "bpd": [named(p) for p in result.of_kind("business_processes", degraded=True)],
            "ib": len(result.integrations_broken),
        }
        if any(stopped.values()):
            impacts[app] = stopped
    integrations = []
    for edge in sorted(graph.integrations.values(), key=lambda e: e.id):
        kind = graph.network_kind(edge.network) or edge.network or ""
        integrations.append({
            "id": edge.id,
            "s": named(edge.source),
            "t": named(edge.target),
            "v": edge.via,
            "net": NETWORK_SHORT.get(kind, kind),
            "st": STATUS.get(edge.status, (edge.status, edge.status))[side],
            "live": edge.status == "active",  # else its status is shown beside its mechanism
            "d": [named(d) for d in edge.data],
            **({} if edge.one_way else {"either": True}),  # direction: unknown
        })
    hosts = sorted({a["h"] for a in apps if a["h"]}, key=lambda h: (names[h].casefold(), h))
    data = {
        "labels": {key: TEXT[f"x_{key}"][side] for key in _LABELS},
        "names": names,
        "apps": apps,
        "integrations": integrations,
        "impacts": impacts if with_impacts else None,
        "links_unknown": not integrations_recorded(graph),  # who reads whose data: unknown
        "services_unknown": not services_recorded(graph),  # which services stop: unknown
        "units": sorted({a["u"] for a in apps if a["u"]}, key=lambda u: (names[u].casefold(), u)),
        "hosts": hosts,
        "via": {str(via): words[side] for via, words in VIA.items()},
    }
    text = orjson.dumps(data, option=orjson.OPT_SORT_KEYS).decode()  # compact, as UTF-8
    # nothing in it can close or confuse the <script> element that holds it
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
