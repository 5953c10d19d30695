"""Network rules: units outside JIP."""

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..model import Finding, Severity
from ..validate import finding, rule
from .flows import integration_view

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["unit_outside_jip"]


@rule("SPBE-A020", name="unit-outside-jip", since="0.1", severity=Severity.warning)
def unit_outside_jip(graph: "nx.MultiDiGraph") -> Iterator[Finding]:
    """## What it does
    Reports a unit that is connected to no JIP network: none of its `networks` is of kind
    `jip` (or the national `jip`). The networks it does use are named in the message.

    ## Why is this bad?
    JIP (*Jaringan Intra Pemerintah*) is the government intranet; a unit reaching the other
    units' applications over the public internet exposes government data and depends on a
    commercial line. The share of units on JIP is an SPBE infrastructure indicator.

    ## Example
    ```yaml
    units:
      - {id: kec-bukit-raya, name: Kecamatan Bukit Raya, kind: kecamatan,
         networks: [internet]}
    ```
    Use instead: `networks: [jip-kab]` (a network of kind `jip`).
    """
    view = integration_view(graph)
    for node in view.nodes("units"):
        networks = view.targets(node, "connected_to")
        if any(view.network_kind(n) == "jip" for n in networks):
            continue
        uses = (
            "uses " + ", ".join(f"'{n}'" for n in networks) if networks else "has no network"
        )
        yield finding(
            "SPBE-A020",
            f"unit '{node}' is not connected to JIP: it {uses}",
            element=node,
            hint="connect the unit to JIP and list it under 'networks:'",
            related=tuple(networks),
        )
