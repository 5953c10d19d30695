"""Service rules: services delivered with no application."""

from collections.abc import Iterator

from ..graph import ArchGraph
from ..model.i18n import N_
from ..model.i18n import gettext as _
from ..model.rules import Hit
from ..model.rules import audit as rules
from ..model.types import ServiceKind, Status
from .registry import check

__all__ = ["service_without_application"]

STATUS_WORDS = {
    Status.planned: N_("planned"),
    Status.development: N_("in development"),
    Status.active: N_("active"),
    Status.retired: N_("retired"),
}
KIND_WORDS = {ServiceKind.public: N_("public"), ServiceKind.administration: N_("administration")}


@check(rules.SERVICE_WITHOUT_APPLICATION)
def service_without_application(graph: ArchGraph) -> Iterator[Hit]:
    """Each service that states its applications and has no active one among them (one of
    them in a file that could not be read is not known to be inactive)."""
    unread = graph.arch.unread
    for node in graph.nodes("services"):
        service = graph.element(node)
        if not service.states("applications"):
            continue  # unknown: the incomplete-data rule counts it
        if unread and not unread.keys().isdisjoint(service.applications):
            continue  # an application of it is in a file that could not be read
        apps = graph.sources(node, "realizes")
        if any(graph.is_active(a) for a in apps):
            continue
        statuses = ", ".join(
            _("'{app}' is {status}").format(app=a, status=_(STATUS_WORDS[graph.element(a).status]))
            for a in apps
        )
        yield Hit(
            node,
            related=apps,
            values={"kind": _(KIND_WORDS[graph.element(node).kind]), "statuses": statuses},
            variant="inactive" if apps else "manual",
        )
