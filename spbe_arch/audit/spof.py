"""Single points of failure: articulation points and hubs of the integration graph, and
infrastructure whose loss stops many services."""

from collections import defaultdict
from collections.abc import Iterator

from ..graph import NATIONAL, ArchGraph
from ..model import PlatformKind, Status
from ..model.rules import Hit, listed
from ..model.rules import audit as rules
from .impact import impact
from .integration import quoted
from .registry import check

__all__ = [
    "HUB_PARTNERS",
    "SPOF_SERVICES",
    "hub_application",
    "infrastructure_single_point_of_failure",
    "integration_articulation_point",
    "relays",
]

HUB_PARTNERS = 5
"""An application integrated with at least this many distinct partners is a hub."""

SPOF_SERVICES = 5
"""Infrastructure whose loss stops more than this many services is a single point of failure."""

RECOVERY_KINDS = frozenset({"disaster_recovery", "drc", "disaster_recovery_center",
                            "disaster_recovery_centre", "pusat_pemulihan_bencana"})
"""Kinds of a security control that is a recovery site, in normal form (lower case, words
joined by '_'): the services of what it covers come back elsewhere (a backup alone, in the
same room, does not bring them back)."""


def relays(graph: ArchGraph) -> Iterator[tuple[str, list[str], list[str]]]:
    """(application, senders, receivers) where data from the senders reaches the receivers
    only through the application: articulation points of the local integration graph that
    relay, sorted. Only links whose direction is known make a sender or a receiver: along one
    of unknown direction, whether data passes through the application is unknown; a receiver
    known to read nothing a sender writes or passes on needs nothing from it (`_may_need`).

    One pass over the biconnected components (Hopcroft-Tarjan), O(V + E).
    """
    import networkx as nx

    local = nx.Graph()  # the links between active applications, undirected
    local.add_edges_from(
        (edge.source, edge.target)
        for edge in map(graph.integrations.get, graph.links)
        if graph.is_active(edge.target)
    )
    block_of: dict[frozenset[str], int] = {}
    blocks: dict[str, set[int]] = defaultdict(set)
    for index, edges in enumerate(nx.biconnected_component_edges(local)):
        for u, v in edges:
            block_of[frozenset((u, v))] = index
            blocks[u].add(index)
            blocks[v].add(index)
    # a node of two or more blocks is an articulation point: no second depth-first search
    for node in sorted(n for n, of in blocks.items() if len(of) > 1):
        senders = {u for u, link in graph.links_in(node)
                   if graph.is_active(u) and graph.integrations[link].one_way}
        receivers = {w for w, link in graph.links_out(node)
                     if graph.is_active(w) and graph.integrations[link].one_way}

        def cut(u: str, w: str, node: str = node) -> bool:
            return (block_of[frozenset((node, u))] != block_of[frozenset((node, w))]
                    and _may_need(graph, u, w))

        cut_from = sorted(u for u in senders if any(cut(u, w) for w in receivers))
        if cut_from:
            cut_to = sorted(w for w in receivers if any(cut(u, w) for u in cut_from))
            yield node, cut_from, cut_to


def _may_need(graph: ArchGraph, sender: str, receiver: str) -> bool:
    """False only when the model states what `sender` reads or writes, and what `receiver`
    and every application data reaches from it read (`reads: []` too), and none of them
    reads the data the sender writes or passes on (what it reads): then the path carries
    nothing they need from it. What one leaves unstated may be needed (unknown is not
    absent)."""
    source = graph.element(sender)
    writes, reads = graph.targets(sender, "writes"), graph.targets(sender, "reads")
    if not (writes or source.states("writes") or source.states("reads")):
        return True
    passed = {*writes, *reads}
    for app in graph.reach(receiver):
        if graph.kind(app) != "applications":
            continue  # a national platform only receives: it passes nothing on
        if not graph.element(app).states("reads") or not passed.isdisjoint(
                graph.targets(app, "reads")):
            return True
    return False


def _partners(graph: ArchGraph) -> dict[str, set[str]]:
    """Undirected neighbours of each node along integration links."""
    partners: dict[str, set[str]] = {}
    for link in graph.links:
        edge = graph.integrations[link]
        partners.setdefault(edge.source, set()).add(edge.target)
        partners.setdefault(edge.target, set()).add(edge.source)
    return partners


@check(rules.INTEGRATION_SINGLE_POINT_OF_FAILURE, whole_model=True)
def integration_articulation_point(graph: ArchGraph) -> Iterator[Hit]:
    """Each application that relays data no other path carries."""
    for node, cut_from, cut_to in relays(graph):
        yield Hit(
            node,
            related=(*cut_from, *cut_to),
            values={"senders": quoted(cut_from), "receivers": quoted(cut_to)},
        )


@check(rules.HUB_APPLICATION, whole_model=True)
def hub_application(graph: ArchGraph, *, partners: int = HUB_PARTNERS) -> Iterator[Hit]:
    """Each application with at least `partners` integration partners."""
    for node, neighbours in sorted(_partners(graph).items()):
        if graph.kind(node) == "applications" and len(neighbours) >= partners:
            yield Hit(node, related=tuple(sorted(neighbours)), values={"partners": len(neighbours)})


def _infrastructure(graph: ArchGraph) -> Iterator[str]:
    """Data centres and networks of the model, and national ones it uses, sorted."""
    for node in sorted((*graph.nodes("infrastructure"), *graph.nodes(NATIONAL))):
        if graph.kind(node) == "infrastructure" or graph.element(node).kind in (
            PlatformKind.data_centre,
            PlatformKind.network,
        ):
            yield node


@check(rules.INFRASTRUCTURE_SINGLE_POINT_OF_FAILURE, whole_model=True)
def infrastructure_single_point_of_failure(
    graph: ArchGraph, *, services: int = SPOF_SERVICES
) -> Iterator[Hit]:
    """Each data centre or network whose loss stops more than `services` services and that
    no active recovery site covers."""
    for node in _infrastructure(graph):
        if _recovered(graph, node):
            continue
        dependants = graph.sources(node, "hosted_on") or [
            dc for dc in graph.sources(node, "connected_to") if graph.kind(dc) == "infrastructure"
        ]
        if not dependants or len(_services_at_risk(graph, node)) <= services:
            continue  # too few services run on it for its loss to stop more than that
        stopped = impact(graph, node, propagate=False).of_kind("services")
        if len(stopped) > services:
            yield Hit(
                node,
                related=tuple(stopped),
                values={"count": len(stopped), "services": listed([f"'{s}'" for s in stopped], 5)},
            )


def _recovered(graph: ArchGraph, node: str) -> bool:
    """True when an active security control of a recovery kind covers `node`."""
    return any(graph.kind(c) == "security" and graph.element(c).status is Status.active
               and "_".join(graph.element(c).kind_words) in RECOVERY_KINDS
               for c in graph.sources(node, "covers"))


def _services_at_risk(graph: ArchGraph, node: str) -> set[str]:
    """Services that could stop with `node`: those realized by an application on it.

    An upper bound of what `impact(node)` stops (a service stops only when its
    applications stop, and an application stops only with its data centre or its national
    platform), cheap enough to skip the full impact analysis for most infrastructure.
    """
    hosts = {node}
    for dc in graph.sources(node, "connected_to"):
        if graph.kind(dc) == "infrastructure" and set(graph.targets(dc, "connected_to")) == {node}:
            hosts.add(dc)  # a data centre whose only network is `node` stops with it
    apps = {
        app
        for host in hosts
        for relation in ("hosted_on", "instance_of")
        for app in graph.sources(host, relation)
    }
    return {service for app in apps for service in graph.targets(app, "realizes")}
