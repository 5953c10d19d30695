"""Integration rules: isolated applications, unintegrated data flows and services, SPLP bypass."""

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..graph import NATIONAL
from ..model import Finding, Severity
from ..validate import finding, rule
from .flows import NOT_INTEGRATION, crosses_boundary, flow_gaps, integration_view

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "integration_bypassing_splp",
    "integration_over_internet",
    "isolated_application",
    "non_integration_mechanism",
    "services_of",
    "unintegrated_data_flow",
    "unintegrated_service",
]


def _quoted(ids) -> str:
    return ", ".join(f"'{i}'" for i in ids)


def services_of(graph: "nx.MultiDiGraph", app: str) -> list[str]:
    """The services an application realizes, sorted."""
    return integration_view(graph).targets(app, "realizes")


@rule("SPBE-A001", name="isolated-application", since="0.1", severity=Severity.warning)
def isolated_application(graph: "nx.MultiDiGraph") -> Iterator[Finding]:
    """## What it does
    Reports an active application that exchanges data with no other application: no active
    integration in or out, other than `manual` or `shared_login` (which are not integration).
    Local instances of a national aplikasi umum (`platform:` set) are left out: the national
    operator integrates them.

    ## Why is this bad?
    An isolated application keeps its own copy of data that other applications also keep, so
    citizens and officers enter the same data twice and the copies drift apart. The SPBE
    evaluation only credits integration between systems.

    ## Example
    ```yaml
    applications:
      - {id: sipedas, name: SIPEDAS, kind: khusus, owner: dispertan}
    # no integration names sipedas
    ```
    Use instead: publish or consume its data through SPLP, e.g. an integration
    `{source: sipedas, target: satu-data-kab, via: splp}`.
    """
    view = integration_view(graph)
    for app in view.active_ids:
        if view.element(app).platform is not None:
            continue
        if app not in view.succ and app not in view.pred:
            yield finding(
                "SPBE-A001",
                f"aplikasi '{app}' is active but integrated with no other application",
                element=app,
                hint="connect it through SPLP to the applications that use or supply its data",
            )


@rule("SPBE-A002", name="unintegrated-data-flow", since="0.1", severity=Severity.error)
def unintegrated_data_flow(graph: "nx.MultiDiGraph") -> Iterator[Finding]:
    """## What it does
    Reports an active application that reads a data set produced (written) by another active
    application when no path of active integrations leads from any producer to the reader.
    Data flows from producer to consumer, so only a directed path counts: integrations from
    the producer to the consumer, directly or through intermediate applications (SPLP is the
    mechanism of an integration, not a stop on the way). `manual` and `shared_login`
    integrations do not count. The services the reader realizes are named in the message.

    ## Why is this bad?
    This is the core "unintegrated" gap: the data exists in the producer's system but reaches
    the reader by re-typing, spreadsheets or not at all, so the services built on it run on
    stale or duplicated data. Integration through SPLP is what the SPBE evaluation rewards.

    ## Example
    ```yaml
    data:
      - {id: data-penduduk, name: Data Penduduk, producer: siak-kab}
    applications:
      - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, reads: [data-penduduk]}
    integrations: []          # nothing from siak-kab to simpus
    ```
    Use instead: `integrations: [{id: int-01, source: siak-kab, target: simpus, via: splp}]`.
    """
    for flow in flow_gaps(graph):
        services = services_of(graph, flow.consumer)
        affects = f" (affects layanan {_quoted(services)})" if services else ""
        yield finding(
            "SPBE-A002",
            f"aplikasi '{flow.consumer}' reads data '{flow.data}' produced by "
            f"{_quoted(flow.producers)} with no integration path to it{affects}",
            element=flow.consumer,
            hint=f"integrate '{flow.producers[0]}' -> '{flow.consumer}' through SPLP",
            related=(flow.data, *flow.producers, *services),
        )


@rule("SPBE-A003", name="unintegrated-service", since="0.1", severity=Severity.warning)
def unintegrated_service(graph: "nx.MultiDiGraph") -> Iterator[Finding]:
    """## What it does
    Reports a service realized by an application that reads data produced elsewhere with no
    integration path from the producer (an SPBE-A002 gap), naming each missing data flow.

    ## Why is this bad?
    The service cannot be delivered end to end electronically: somewhere an officer carries
    data from one system to the other. Such a service cannot reach the *kolaborasi* level.

    ## Example
    ```yaml
    services:
      - {id: layanan-puskesmas, kind: public, owner: dinkes, applications: [simpus]}
    # simpus reads data-penduduk from siak-kab with no integration (SPBE-A002)
    ```
    Use instead: integrate the producer with the application, as for SPBE-A002.
    """
    gaps_by_service: dict[str, list] = defaultdict(list)
    for flow in flow_gaps(graph):
        for service in services_of(graph, flow.consumer):
            gaps_by_service[service].append(flow)
    for service in sorted(gaps_by_service):
        flows = gaps_by_service[service]
        described = "; ".join(
            f"'{f.data}' from {_quoted(f.producers)} to '{f.consumer}'" for f in flows
        )
        related = sorted({f.consumer for f in flows} | {f.data for f in flows})
        yield finding(
            "SPBE-A003",
            f"layanan '{service}' depends on data that is not integrated: {described}",
            element=service,
            related=tuple(related),
        )


@rule("SPBE-A004", name="integration-bypassing-splp", since="0.1", severity=Severity.warning)
def integration_bypassing_splp(graph: "nx.MultiDiGraph") -> Iterator[Finding]:
    """## What it does
    Reports an active integration between applications of different units, or with a national
    platform, whose mechanism is not `splp` (a direct API, a database link, a file transfer).

    ## Why is this bad?
    SPLP (*Sistem Penghubung Layanan Pemerintah*) is the government's integration gateway:
    point-to-point links between units multiply, are not catalogued, and are not credited as
    integration by the SPBE evaluation (the integration indicator reaches level 4 only through
    SPLP).

    ## Example
    ```yaml
    integrations:
      - {id: int-02, source: e-pajak, target: simda-keu, via: database_link}
    # e-pajak (bapenda) and simda-keu (bpkad) belong to different units
    ```
    Use instead: `via: splp`.
    """
    view = integration_view(graph)
    for link in view.links:
        edge = view.edges[link]
        if edge.via == "splp" or not crosses_boundary(graph, edge.source, edge.target):
            continue
        if view.kind(edge.target) == NATIONAL:
            where = f"to national platform '{edge.target}'"
        else:
            where = (
                f"from unit '{view.owner(edge.source)}' to unit '{view.owner(edge.target)}'"
            )
        yield finding(
            "SPBE-A004",
            f"integration '{link}' ('{edge.source}' -> '{edge.target}') {where} uses "
            f"'{edge.via}' instead of splp",
            element=link,
            hint="route it through SPLP: via: splp",
            related=(edge.source, edge.target),
        )


@rule("SPBE-A005", name="integration-over-internet", since="0.1", severity=Severity.warning)
def integration_over_internet(graph: "nx.MultiDiGraph") -> Iterator[Finding]:
    """## What it does
    Reports an active integration whose `network` is of kind `internet`.

    ## Why is this bad?
    Government data exchanged over the public internet is exposed to interception and outages
    outside the government's control; JIP (*Jaringan Intra Pemerintah*) is the network meant
    for traffic between government systems.

    ## Example
    ```yaml
    infrastructure:
      - {id: internet-isp, name: ISP Lokal, kind: internet}
    integrations:
      - {id: int-03, source: simpus, target: satusehat, via: splp, network: internet-isp}
    ```
    Use instead: `network: jip`.
    """
    view = integration_view(graph)
    for link in view.links:
        edge = view.edges[link]
        if view.network_kind(edge.network) == "internet":
            yield finding(
                "SPBE-A005",
                f"integration '{link}' ('{edge.source}' -> '{edge.target}') runs over the "
                f"public internet '{edge.network}' instead of JIP",
                element=link,
                hint="use the government intranet: network: jip",
                related=(edge.source, edge.target, edge.network),
            )


@rule("SPBE-A006", name="non-integration-mechanism", since="0.1", severity=Severity.info)
def non_integration_mechanism(graph: "nx.MultiDiGraph") -> Iterator[Finding]:
    """## What it does
    Reports an active integration whose mechanism is `manual` or `shared_login`. The audit does
    not count it as integration (no data moves between the systems).

    ## Why is this bad?
    Re-typing data or sharing a login (single sign-on, a hyperlink) is not integration: the
    SPBE evaluation does not credit it, and the data still lives in two places.

    ## Example
    ```yaml
    integrations:
      - {id: int-04, source: e-office, target: srikandi, via: shared_login}
    ```
    Use instead: an API exchange, `via: splp`.
    """
    view = integration_view(graph)
    for link in sorted(view.edges):
        edge = view.edges[link]
        if edge.status == "active" and edge.via in NOT_INTEGRATION:
            yield finding(
                "SPBE-A006",
                f"integration '{link}' ('{edge.source}' -> '{edge.target}') is "
                f"'{edge.via}', which is not counted as integration",
                element=link,
                hint="exchange the data through an API on SPLP: via: splp",
                related=(edge.source, edge.target),
            )
