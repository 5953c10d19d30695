"""Build one view of a model by name: the `diagram` entry point of the CLI and the report."""

from typing import TYPE_CHECKING

from ..graph import ArchGraph
from ..io import SpbeError
from ..model.i18n import gettext as _
from .impact import impact_view
from .integration import integration_overview, integration_view
from .landscape import landscape_view
from .layered import layered_view

if TYPE_CHECKING:
    import graphviz

__all__ = ["VIEWS", "diagram"]

VIEWS = ("landscape", "integration", "overview", "layered", "impact")

_TITLES = {
    "landscape": "Lanskap aplikasi",
    "integration": "Peta integrasi",
    "overview": "Peta integrasi antarunit",
    "layered": "Arsitektur berlapis",
}


def diagram(
    graph: ArchGraph,
    view: str,
    *,
    unit: str | None = None,
    service: str | None = None,
    element: str | None = None,
    glosses: bool = True,
) -> "graphviz.Digraph":
    """Build one view (see `VIEWS`) of the model whose graph is `graph`.

    Parameters
    ----------
    graph : ArchGraph
        The model's graph (`spbe_arch.graph.build_graph`).
    view : str
        `landscape`, `integration`, `overview` (integrations between units), `layered` or
        `impact`.
    unit, service : str, optional
        Filters of the layered view (one of them); `unit` also narrows the integration map to
        one unit's applications.
    element : str
        The failing element of the impact view (required there).
    glosses : bool
        Labels and legend in Indonesian with English glosses (the default: the `diagram`
        command in English), or in Indonesian only (`diagram --lang id`, a report in
        Indonesian).

    Raises
    ------
    SpbeError
        Unknown view, an option the view does not take, or an unknown id.
    """
    if view not in VIEWS:
        raise SpbeError(_("unknown view '{view}'; use one of: {views}").format(
            view=view, views=", ".join(VIEWS)))
    if view != "layered" and service is not None:
        raise SpbeError(_("--service filters the layered view only"))
    if view not in ("layered", "integration") and unit is not None:
        raise SpbeError(_("--unit filters the layered view and the integration map only"))
    if view != "impact" and element is not None:
        raise SpbeError(_("--element applies to the impact view only"))
    instansi = graph.arch.instansi
    owner = f" - {instansi.name}" if instansi else ""
    if view == "landscape":
        return landscape_view(graph, title=_TITLES[view] + owner, glosses=glosses)
    if view == "integration":
        scope = f" ({graph.name(unit)})" if unit in graph else ""
        return integration_view(graph, title=_TITLES[view] + scope + owner, unit=unit,
                                glosses=glosses)
    if view == "overview":
        return integration_overview(graph, title=_TITLES[view] + owner, glosses=glosses)
    if view == "layered":
        focus = unit or service
        scope = f" ({graph.name(focus)})" if focus in graph else ""
        return layered_view(graph, unit=unit, service=service, title=_TITLES[view] + scope + owner,
                            glosses=glosses)
    if element is None:
        raise SpbeError(_("the impact view needs --element ID (the element that fails)"))
    return impact_view(graph, element, glosses=glosses)
