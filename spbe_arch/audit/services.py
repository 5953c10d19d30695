"""Service rules: services delivered with no application."""

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..model import Finding, Severity
from ..validate import finding, rule
from .flows import integration_view

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["service_without_application"]


@rule("SPBE-A014", name="service-without-application", since="0.1", severity=Severity.warning)
def service_without_application(graph: "nx.MultiDiGraph") -> Iterator[Finding]:
    """## What it does
    Reports a public or administration service that no active application realizes: it has no
    `applications`, or all of them are planned, in development or retired.

    ## Why is this bad?
    A service with no application is delivered manually; it scores the lowest level in the
    SPBE evaluation of services and its data never reaches other systems.

    ## Example
    ```yaml
    services:
      - {id: layanan-izin-reklame, kind: public, owner: dpmptsp}
    ```
    Use instead: name the application that delivers it, `applications: [sicantik]`.
    """
    view = integration_view(graph)
    for node in view.nodes("services"):
        apps = view.sources(node, "realizes")
        if any(a in view.active_apps for a in apps):
            continue
        kind = view.element(node).kind.value
        if apps:
            statuses = ", ".join(f"'{a}' is {view.element(a).status.value}" for a in apps)
            message = f"layanan '{node}' ({kind}) has no active application: {statuses}"
        else:
            message = f"layanan '{node}' ({kind}) has no application: it is delivered manually"
        yield finding(
            "SPBE-A014",
            message,
            element=node,
            hint="name the application that delivers it under 'applications:'",
            related=tuple(apps),
        )
