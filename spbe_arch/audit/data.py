"""Data rules: open data not published to Satu Data."""

from collections.abc import Iterator

from ..graph import ArchGraph
from ..model import Classification
from ..model.rules import Hit
from ..model.rules import audit as rules
from .registry import check

__all__ = ["open_data_not_published"]


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
