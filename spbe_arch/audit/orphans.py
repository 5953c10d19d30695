"""Orphans: units that own nothing, data sets that no application reads or writes."""

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..model import Finding, Severity
from ..validate import finding, rule
from .flows import integration_view

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["unit_owning_nothing", "unused_data"]


@rule("SPBE-A018", name="unit-owning-nothing", since="0.1", severity=Severity.info)
def unit_owning_nothing(graph: "nx.MultiDiGraph") -> Iterator[Finding]:
    """## What it does
    Reports a unit that owns no application, service, business process or data set and has no
    sub-units.

    ## Why is this bad?
    Either the unit's work is missing from the architecture (its services and applications
    were not recorded), or the unit no longer exists; both make the model incomplete.

    ## Example
    ```yaml
    units:
      - {id: dispar, name: Dinas Pariwisata, kind: dinas}
    # nothing names dispar as owner or steward
    ```
    Use instead: record the services and applications the unit runs.
    """
    view = integration_view(graph)
    for node in view.nodes("units"):
        if not view.targets(node, "owns") and not view.sources(node, "part_of"):
            yield finding(
                "SPBE-A018",
                f"unit '{node}' owns no application, service, business process or data",
                element=node,
                hint="record what the unit runs, or remove it",
            )


@rule("SPBE-A019", name="unused-data", since="0.1", severity=Severity.info)
def unused_data(graph: "nx.MultiDiGraph") -> Iterator[Finding]:
    """## What it does
    Reports a data set that no application (of any status) reads, writes or produces.

    ## Why is this bad?
    Data that no system holds is kept on paper or in spreadsheets, or the data set is a
    leftover; either way it cannot be integrated or published automatically.

    ## Example
    ```yaml
    data:
      - {id: data-reklame, name: Data Reklame, steward: bapenda}
    # no application lists data-reklame under reads or writes
    ```
    Use instead: list it under the `writes:` of the application that keeps it.
    """
    view = integration_view(graph)
    for node in view.nodes("data"):
        if not view.sources(node, "reads") and not view.sources(node, "writes"):
            yield finding(
                "SPBE-A019",
                f"data '{node}' is neither read nor written by any application",
                element=node,
                hint="name the application that keeps it under 'writes:'",
            )
