"""Data rules: open data not published to Satu Data, data read whose producers are gone."""

from collections.abc import Iterator

from ..graph import ArchGraph
from ..model import Classification
from ..model.i18n import gettext as _
from ..model.rules import Hit, listed
from ..model.rules import audit as rules
from .registry import check
from .services import STATUS_WORDS

__all__ = ["data_without_active_producer", "open_data_not_published"]


@check(rules.OPEN_DATA_NOT_PUBLISHED)
def open_data_not_published(graph: ArchGraph) -> Iterator[Hit]:
    """Each data set the model states is open and not published on Satu Data."""
    for node in graph.nodes("data"):
        element = graph.element(node)
        if (
            element.classification is Classification.terbuka
            and element.states("classification")
            and element.states("published")
            and not element.published
        ):
            yield Hit(node)


@check(rules.DATA_WITHOUT_ACTIVE_PRODUCER, whole_model=True)
def data_without_active_producer(graph: ArchGraph) -> Iterator[Hit]:
    """Each active reader of a data set that has producers, none of them active, unless the
    reader asks a national platform or its instance for it (`ArchGraph.asked`: SIASN answers)."""
    for node in graph.nodes("data"):
        writers = graph.sources(node, "writes")
        if not writers or graph.producers(node):
            continue
        producers = listed([_("'{app}' is {status}").format(
            app=w, status=_(STATUS_WORDS[graph.element(w).status])) for w in sorted(writers)], 3)
        for reader in graph.consumers(node):
            if not any(node in graph.asked(reader, link)
                       for _, link in (*graph.links_out(reader), *graph.links_in(reader))):
                yield Hit(reader, related=(node, *sorted(writers)),
                          values={"data": node, "producers": producers})
