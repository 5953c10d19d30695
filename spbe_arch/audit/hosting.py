"""Hosting rules: applications outside PDN or a pusat data daerah, or with no hosting."""

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..model import Finding, InfrastructureKind, Severity
from ..validate import finding, rule
from .flows import integration_view

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "application_hosted_on_cloud_or_vendor",
    "application_hosted_on_premise",
    "application_without_hosting",
    "hosting_of",
]


def hosting_of(graph: "nx.MultiDiGraph", app: str) -> str | None:
    """The data centre an application is hosted on (a model element or a national one)."""
    hosts = integration_view(graph).targets(app, "hosted_on")
    return hosts[0] if hosts else None


def _hosted_on(graph: "nx.MultiDiGraph", kinds: set[InfrastructureKind]):
    view = integration_view(graph)
    for app in view.active_ids:
        host = hosting_of(graph, app)
        if host is not None and view.kind(host) == "infrastructure":
            kind = view.element(host).kind
            if kind in kinds:
                yield app, host, kind


@rule(
    "SPBE-A009",
    name="application-hosted-outside-government-data-centre",
    since="0.1",
    severity=Severity.warning,
)
def application_hosted_on_premise(graph: "nx.MultiDiGraph") -> Iterator[Finding]:
    """## What it does
    Reports an active application hosted on an `on_premise` data centre (a server room in a
    unit) rather than in PDN (*Pusat Data Nasional*) or the pusat data daerah.

    ## Why is this bad?
    Server rooms in single units rarely have redundant power, cooling, backup or security
    monitoring; SPBE policy consolidates hosting into PDN and the regional data centre.

    ## Example
    ```yaml
    infrastructure:
      - {id: server-dinkes, name: Ruang Server Dinkes, kind: on_premise}
    applications:
      - {id: simpus, kind: khusus, owner: dinkes, hosting: server-dinkes}
    ```
    Use instead: `hosting: pdd-kab` (a `pusat_data_daerah`) or `hosting: pdn`.
    """
    for app, host, _ in _hosted_on(graph, {InfrastructureKind.on_premise}):
        yield finding(
            "SPBE-A009",
            f"aplikasi '{app}' is hosted on premise in '{host}', outside PDN and the pusat "
            "data daerah",
            element=app,
            hint="move it to the pusat data daerah or PDN",
            related=(host,),
        )


@rule(
    "SPBE-A010",
    name="application-hosted-on-cloud-or-vendor",
    since="0.1",
    severity=Severity.info,
)
def application_hosted_on_cloud_or_vendor(graph: "nx.MultiDiGraph") -> Iterator[Finding]:
    """## What it does
    Reports an active application hosted on a `cloud` or `vendor` data centre. This is
    allowed; the finding is information for the hosting plan.

    ## Why is this bad?
    Hosting outside PDN and the pusat data daerah must meet the government's data-placement
    and security requirements, and the contract ends one day: the architect should know which
    applications depend on it.

    ## Example
    ```yaml
    infrastructure:
      - {id: vendor-x, name: Hosting Vendor X, kind: vendor}
    applications:
      - {id: e-pajak, kind: khusus, owner: bapenda, hosting: vendor-x}
    ```
    Use instead: `hosting: pdd-kab`, or keep it and record why.
    """
    kinds = {InfrastructureKind.cloud, InfrastructureKind.vendor}
    for app, host, kind in _hosted_on(graph, kinds):
        yield finding(
            "SPBE-A010",
            f"aplikasi '{app}' is hosted on {kind.value} '{host}', outside PDN and the pusat "
            "data daerah",
            element=app,
            related=(host,),
        )


@rule("SPBE-A011", name="application-without-hosting", since="0.1", severity=Severity.info)
def application_without_hosting(graph: "nx.MultiDiGraph") -> Iterator[Finding]:
    """## What it does
    Reports an active application that does not say where it is hosted (`hosting:`), except
    local instances of a national aplikasi umum (`platform:` set), which run nationally.

    ## Why is this bad?
    The impact analysis cannot tell what stops when a data centre fails, and the hosting
    consolidation plan cannot include it.

    ## Example
    ```yaml
    applications:
      - {id: e-pajak, kind: khusus, owner: bapenda}
    ```
    Use instead: `hosting: pdd-kab`.
    """
    view = integration_view(graph)
    for app in view.active_ids:
        if view.element(app).platform is None and hosting_of(graph, app) is None:
            yield finding(
                "SPBE-A011",
                f"aplikasi '{app}' does not say where it is hosted",
                element=app,
                hint="add 'hosting:' with a data centre id",
            )
