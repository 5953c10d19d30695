"""Integration rules: isolated applications, unintegrated data flows and services, SPLP bypass."""

from collections import defaultdict
from collections.abc import Iterable, Iterator

from ..graph import NATIONAL, NOT_INTEGRATION, ArchGraph, Edge
from ..model import Status
from ..model.i18n import N_
from ..model.i18n import gettext as _
from ..model.rules import Hit
from ..model.rules import audit as rules
from .completeness import integrations_recorded
from .registry import check
from .services import STATUS_WORDS

__all__ = [
    "integration_bypassing_splp",
    "integration_over_internet",
    "integration_with_inactive_end",
    "integrations_bypassing_splp",
    "integrations_over_internet",
    "isolated_application",
    "isolated_applications",
    "non_integration_mechanism",
    "quoted",
    "unintegrated_data_flow",
    "unintegrated_service",
]


def quoted(ids) -> str:
    """Ids quoted and comma-separated, for messages.

    >>> quoted(["a", "b"])
    "'a', 'b'"
    """
    return ", ".join(f"'{i}'" for i in ids)


def isolated_applications(
    graph: ArchGraph, among: Iterable[str] | None = None
) -> Iterator[str]:
    """Active local applications with no integration link in or out, sorted; only those of
    `among` when given (a unit's, which a diagram of that unit asks for: not a walk over the
    whole model for each unit).

    Local instances of a national aplikasi umum are left out: the national operator
    integrates them; so is a login provider (single sign-on: others log in through it,
    `via: shared_login`), whose job is logins, not data, and so is one whose integrations
    the source does not give (`integrations_known: false`). None when the model records no
    integration at all (unknown).
    """
    if not integrations_recorded(graph):
        return
    apps = graph.active_applications if among is None else sorted(filter(graph.is_active, among))
    unknown = graph.integrations_unknown  # what the source leaves out: not isolated
    for app in apps:
        if graph.runs_itself(app) and app not in unknown and not (
            graph.links_out(app) or graph.links_in(app) or app in graph.logins
        ):
            yield app


def integrations_bypassing_splp(graph: ArchGraph) -> Iterator[Edge]:
    """Links that cross a unit boundary or go to a national platform by a mechanism other
    than SPLP (one not recorded, `unknown`, is neither)."""
    for link in graph.links:
        edge = graph.integrations[link]
        if edge.via not in ("splp", "unknown") and graph.crosses_boundary(
            edge.source, edge.target
        ):
            yield edge


def integrations_over_internet(graph: ArchGraph) -> Iterator[Edge]:
    """Links over a network of kind `internet`."""
    for link in graph.links:
        edge = graph.integrations[link]
        if graph.network_kind(edge.network) == "internet":
            yield edge


@check(rules.ISOLATED_APPLICATION, whole_model=True)
def isolated_application(graph: ArchGraph) -> Iterator[Hit]:
    """Each isolated application; one with integrations that carry no data yet (planned, in
    development, manual re-typing) names them: the row that listed them is not contradicted."""
    for app in isolated_applications(graph):
        pending = graph.integrations_of(app)
        yield Hit(app, variant="pending" if pending else "",
                  values={"integrations": quoted(pending)} if pending else {})


@check(rules.UNINTEGRATED_DATA_FLOW, whole_model=True)
def unintegrated_data_flow(graph: ArchGraph) -> Iterator[Hit]:
    """Each data flow with no integration path, naming the services built on it."""
    for flow in graph.flow_gaps:
        services = graph.targets(flow.consumer, "realizes")
        yield Hit(
            flow.consumer,
            related=(flow.data, *flow.producers, *services),
            values={
                "data": flow.data,
                "producers": quoted(flow.producers),
                "producer": flow.producers[0],
                "services": quoted(services),
            },
            variant="services" if services else "",
        )


@check(rules.UNINTEGRATED_SERVICE, whole_model=True)
def unintegrated_service(graph: ArchGraph) -> Iterator[Hit]:
    """Each service realized by an application with a data-flow gap, naming the gaps."""
    gaps_by_service: dict[str, list] = defaultdict(list)
    for flow in graph.flow_gaps:
        for service in graph.targets(flow.consumer, "realizes"):
            gaps_by_service[service].append(flow)
    for service in sorted(gaps_by_service):
        flows = gaps_by_service[service]
        described = "; ".join(
            _("'{data}' from {producers} to '{consumer}'").format(
                data=f.data, producers=quoted(f.producers), consumer=f.consumer
            )
            for f in flows
        )
        related = sorted({f.consumer for f in flows} | {f.data for f in flows})
        yield Hit(service, related=tuple(related), values={"flows": described})


@check(rules.INTEGRATION_BYPASSING_SPLP)
def integration_bypassing_splp(graph: ArchGraph) -> Iterator[Hit]:
    """Each integration between units or with a national platform not through SPLP."""
    for edge in integrations_bypassing_splp(graph):
        instance = edge.target if graph.to_instance(edge.source, edge.target) else None
        variant = ("national" if graph.kind(edge.target) == NATIONAL
                   else "instance" if instance is not None else "units")
        yield Hit(
            edge.id,
            related=(edge.source, edge.target),
            values={
                "source": edge.source,
                "target": edge.target,
                "via": edge.via,
                "source_unit": graph.owner(edge.source),
                "target_unit": graph.owner(edge.target),
                "instance": instance,
                "platform": instance and graph.element(instance).platform,
            },
            variant=variant,
        )


@check(rules.INTEGRATION_OVER_INTERNET)
def integration_over_internet(graph: ArchGraph) -> Iterator[Hit]:
    """Each integration over the public internet; the hint names the model's own JIP network
    where it has one (the national `jip` otherwise)."""
    own = [n for n in graph.nodes("infrastructure") if graph.network_kind(n) == "jip"]
    jip = own[0] if len(own) == 1 else "jip"
    for edge in integrations_over_internet(graph):
        yield Hit(
            edge.id,
            related=(edge.source, edge.target, edge.network),  # type: ignore[arg-type]
            values={"source": edge.source, "target": edge.target, "network": edge.network,
                    "jip": jip},
        )


@check(rules.NON_INTEGRATION_MECHANISM)
def non_integration_mechanism(graph: ArchGraph) -> Iterator[Hit]:
    """Each active integration by re-typing or a shared login."""
    for link, edge in sorted(graph.integrations.items()):
        if edge.status == "active" and edge.via in NOT_INTEGRATION:
            yield Hit(
                link,
                related=(edge.source, edge.target),
                values={"source": edge.source, "target": edge.target, "via": edge.via},
            )


@check(rules.INTEGRATION_WITH_INACTIVE_END)
def integration_with_inactive_end(graph: ArchGraph) -> Iterator[Hit]:
    """Each active integration one of whose applications is not active (a national platform
    at an end has no status of its own: it is not one)."""
    for link, edge in sorted(graph.integrations.items()):
        if edge.status != "active":
            continue
        for end, app in ((N_("source"), edge.source), (N_("target"), edge.target)):
            if graph.kind(app) == "applications" and not graph.is_active(app):
                status = graph.element(app).status
                yield Hit(link, related=(edge.source, edge.target), values={
                    "end": _(end), "app": app, "status": _(STATUS_WORDS[status]),
                    "app_status": str(status)},
                    variant="" if status is Status.retired else "coming")
