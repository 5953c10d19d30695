"""Data rules: data sets without a steward, open data not published to Satu Data."""

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..model import Classification, Finding, Severity
from ..validate import finding, rule
from .flows import integration_view

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["data_without_steward", "open_data_not_published"]


def _data_sets(graph: "nx.MultiDiGraph"):
    view = integration_view(graph)
    for node in view.nodes("data"):
        yield node, view.element(node)


@rule("SPBE-A012", name="data-without-steward", since="0.1", severity=Severity.warning)
def data_without_steward(graph: "nx.MultiDiGraph") -> Iterator[Finding]:
    """## What it does
    Reports a data set with no `steward` (produsen data / walidata).

    ## Why is this bad?
    Satu Data Indonesia (Perpres 39/2019) gives every data set a producer responsible for its
    quality and updates; without one nobody answers for it and it cannot be published.

    ## Example
    ```yaml
    data:
      - {id: data-jalan, name: Data Jalan}
    ```
    Use instead: `steward: dpupr`.
    """
    for node, element in _data_sets(graph):
        if element.steward is None:
            yield finding(
                "SPBE-A012",
                f"data '{node}' has no steward (produsen data)",
                element=node,
                hint="add 'steward:' with the unit responsible for it",
            )


@rule("SPBE-A013", name="open-data-not-published", since="0.1", severity=Severity.warning)
def open_data_not_published(graph: "nx.MultiDiGraph") -> Iterator[Finding]:
    """## What it does
    Reports a data set classified `terbuka` (open) that is not published on the Satu Data
    portal (`published: false`).

    ## Why is this bad?
    Open data is meant to be published; the SPBE evaluation scores open-data publication, and
    unpublished open data gets requested and re-collected by hand.

    ## Example
    ```yaml
    data:
      - {id: data-apbd, classification: terbuka, steward: bpkad}
    ```
    Use instead: publish it and set `published: true`.
    """
    for node, element in _data_sets(graph):
        if element.classification is Classification.terbuka and not element.published:
            yield finding(
                "SPBE-A013",
                f"data '{node}' is terbuka (open) but not published on Satu Data",
                element=node,
                hint="publish it on the Satu Data portal and set 'published: true'",
            )
