"""Service rules: services delivered with no application."""

from collections.abc import Iterator

from ..graph import ArchGraph
from ..model.rules import Hit
from ..model.rules import audit as rules
from .registry import check

__all__ = ["service_without_application"]


@check(rules.SERVICE_WITHOUT_APPLICATION)
def service_without_application(graph: ArchGraph) -> Iterator[Hit]:
    """Each service that states its applications and has no active one among them."""
    for node in graph.nodes("services"):
        if not graph.element(node).states("applications"):
            continue  # unknown: the incomplete-data rule counts it
        apps = graph.sources(node, "realizes")
        if any(graph.is_active(a) for a in apps):
            continue
        statuses = ", ".join(f"'{a}' is {graph.element(a).status.value}" for a in apps)
        yield Hit(
            node,
            related=apps,
            values={"kind": graph.element(node).kind.value, "statuses": statuses},
            variant="inactive" if apps else "manual",
        )
