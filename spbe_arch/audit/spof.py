"""Single points of failure: articulation points and hubs of the integration graph, and
infrastructure whose loss stops many services."""

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..graph import NATIONAL
from ..model import Finding, PlatformKind, Severity
from ..validate import finding, listed, rule
from .flows import integration_view
from .impact import impact

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "HUB_PARTNERS",
    "SPOF_SERVICES",
    "hub_application",
    "infrastructure_single_point_of_failure",
    "integration_articulation_point",
]

HUB_PARTNERS = 5
"""An application integrated with at least this many distinct partners is a hub."""

SPOF_SERVICES = 5
"""Infrastructure whose loss stops more than this many services is a single point of failure."""


def _quoted(ids) -> str:
    return ", ".join(f"'{i}'" for i in ids)


def _partners(graph: "nx.MultiDiGraph") -> dict[str, set[str]]:
    """Undirected neighbours of each node along integration links."""
    view = integration_view(graph)
    partners: dict[str, set[str]] = {}
    for link in view.links:
        edge = view.edges[link]
        partners.setdefault(edge.source, set()).add(edge.target)
        partners.setdefault(edge.target, set()).add(edge.source)
    return partners


@rule(
    "SPBE-A015",
    name="integration-single-point-of-failure",
    since="0.1",
    severity=Severity.warning,
)
def integration_articulation_point(graph: "nx.MultiDiGraph") -> Iterator[Finding]:
    """## What it does
    Reports an application that relays data between other applications and is an
    articulation point of the local integration graph (active applications joined by
    integration links, taken as undirected): some application sending data to it can reach
    some application it sends data to only through it. The message names both sides.
    National platforms are left out: they only receive data, so two applications that both
    send to one do not exchange data through it. An articulation point that only receives, or
    only sends, relays nothing and is not reported (a hub is SPBE-A016).

    ## Why is this bad?
    Every exchange between the two sides passes through one system; when it is down, under
    maintenance or compromised, data stops flowing between them. Integrating through SPLP,
    rather than relaying through one local application, removes this dependency.

    ## Example
    ```yaml
    integrations:
      - {id: int-01, source: siak-kab, target: middleware, via: api_direct}
      - {id: int-02, source: middleware, target: simpus, via: api_direct}
    # middleware is the only way from siak-kab to simpus
    ```
    Use instead: integrate `siak-kab` and `simpus` through SPLP.

    Notes: one pass over the biconnected components (Hopcroft-Tarjan), O(V + E).
    """
    import networkx as nx

    view = integration_view(graph)
    local = nx.Graph()
    for link in view.links:
        edge = view.edges[link]
        if edge.target in view.active_apps:
            local.add_edge(edge.source, edge.target)
    block_of: dict[frozenset[str], int] = {}
    blocks: dict[str, set[int]] = defaultdict(set)
    for index, edges in enumerate(nx.biconnected_component_edges(local)):
        for u, v in edges:
            block_of[frozenset((u, v))] = index
            blocks[u].add(index)
            blocks[v].add(index)
    # a node of two or more blocks is an articulation point: no second depth-first search
    for node in sorted(n for n, of in blocks.items() if len(of) > 1):
        senders = {u for u, _ in view.pred.get(node, ()) if u in view.active_apps}
        receivers = {w for w, _ in view.succ.get(node, ()) if w in view.active_apps}
        cut_from = sorted(
            u
            for u in senders
            if any(
                block_of[frozenset((node, u))] != block_of[frozenset((node, w))] for w in receivers
            )
        )
        if not cut_from:
            continue
        cut_to = sorted(
            w
            for w in receivers
            if any(
                block_of[frozenset((node, u))] != block_of[frozenset((node, w))] for u in cut_from
            )
        )
        yield finding(
            "SPBE-A015",
            f"aplikasi '{node}' is a single point of failure: data from "
            f"{_quoted(cut_from)} reaches {_quoted(cut_to)} only through it",
            element=node,
            hint="integrate the applications on either side through SPLP",
            related=(*cut_from, *cut_to),
        )


@rule("SPBE-A016", name="hub-application", since="0.1", severity=Severity.info)
def hub_application(graph: "nx.MultiDiGraph", *, partners: int = HUB_PARTNERS) -> Iterator[Finding]:
    """## What it does
    Reports an application integrated with `HUB_PARTNERS` (5) or more distinct applications or
    national platforms, counting active integrations in either direction.

    ## Why is this bad?
    Many exchanges depend on it even where other paths exist; its outage, upgrade or breach
    has a wide blast radius and deserves redundancy and monitoring.

    ## Example
    ```yaml
    integrations:   # siak-kab feeds five applications
      - {id: int-01, source: siak-kab, target: simpus, via: splp}
      - {id: int-02, source: siak-kab, target: e-pajak, via: splp}
      # ... three more
    ```
    Use instead: keep it, with high availability, or publish its data once through SPLP.
    """
    view = integration_view(graph)
    for node, neighbours in sorted(_partners(graph).items()):
        if view.kind(node) == "applications" and len(neighbours) >= partners:
            yield finding(
                "SPBE-A016",
                f"aplikasi '{node}' is a hub: integrated with {len(neighbours)} applications "
                "or national platforms",
                element=node,
                related=tuple(sorted(neighbours)),
            )


def _infrastructure(graph: "nx.MultiDiGraph") -> Iterator[str]:
    """Data centres and networks of the model, and national ones it uses, sorted."""
    view = integration_view(graph)
    for node in sorted((*view.nodes("infrastructure"), *view.nodes(NATIONAL))):
        if view.kind(node) == "infrastructure" or view.element(node).kind in (
            PlatformKind.data_centre,
            PlatformKind.network,
        ):
            yield node


@rule(
    "SPBE-A017",
    name="infrastructure-single-point-of-failure",
    since="0.1",
    severity=Severity.warning,
)
def infrastructure_single_point_of_failure(
    graph: "nx.MultiDiGraph", *, services: int = SPOF_SERVICES
) -> Iterator[Finding]:
    """## What it does
    Reports a data centre or network (of the model, or the national PDN / JIP it uses) whose
    failure stops more than `SPOF_SERVICES` (5) services, as computed by the impact analysis
    (`spbe-arch impact`).

    ## Why is this bad?
    The June 2024 ransomware attack on a temporary PDN stopped services of hundreds of
    instansi at once. Infrastructure that many services need must have a tested backup and
    recovery site, or the services must be spread.

    ## Example
    ```yaml
    infrastructure:
      - {id: pdd-kab, name: Pusat Data Daerah, kind: pusat_data_daerah}
    applications:   # six applications realizing six services, all on pdd-kab
      - {id: simpus, kind: khusus, owner: dinkes, hosting: pdd-kab}
    ```
    Use instead: a backup site (`security: [{kind: backup, covers: [pdd-kab]}]`) and a
    recovery plan, or host part of the services elsewhere.
    """
    view = integration_view(graph)
    for node in _infrastructure(graph):
        dependants = view.sources(node, "hosted_on") or [
            dc for dc in view.sources(node, "connected_to") if view.kind(dc) == "infrastructure"
        ]
        if not dependants or len(_services_at_risk(view, node)) <= services:
            continue  # too few services run on it for its loss to stop more than `services`
        result = impact(graph, node, propagate=False)
        stopped = result.of_kind("services")
        if len(stopped) > services:
            shown = listed([f"'{s}'" for s in stopped], 5)
            yield finding(
                "SPBE-A017",
                f"infrastruktur '{node}' is a single point of failure: its loss stops "
                f"{len(stopped)} services ({shown})",
                element=node,
                hint="add a backup or recovery site, or spread the services",
                related=tuple(stopped),
            )


def _services_at_risk(view, node: str) -> set[str]:
    """Services that could stop with `node`: those realized by an application on it.

    An upper bound of what `impact` reports as stopped services (a service stops only when its
    applications stop, and an application stops only with its data centre or its national
    platform), cheap enough to skip the full impact analysis for most infrastructure.
    """
    hosts = {node}
    for dc in view.sources(node, "connected_to"):
        if view.kind(dc) == "infrastructure" and set(view.targets(dc, "connected_to")) == {node}:
            hosts.add(dc)  # a data centre whose only network is `node` stops with it
    apps = {
        app
        for host in hosts
        for relation in ("hosted_on", "instance_of")
        for app in view.sources(host, relation)
    }
    return {service for app in apps for service in view.targets(app, "realizes")}
