"""Integration audit on the architecture graph: rules (SPBE-A codes), metrics and impact.

The stable API (other analyses, the CLI and the report import these):

- `audit(arch, *, validation=()) -> AuditResult`: build the graph once, run every audit rule,
  apply the severity overrides of spbe.yaml, locate the findings (file:line:column of the main
  element) and sort them. `validation` findings (from `load_model`) are merged in, so an audit
  of a model with errors still reports them.
- `AuditResult`: dataclass with `metrics` (`Metrics`) and `findings` (list of `Finding`).
- `compute_metrics(graph, arch) -> Metrics`: coverage figures (SPLP share, cross-unit SPLP
  share, JIP share, services fully integrated, applications per unit, aplikasi umum adoption);
  see `spbe_arch.audit.metrics.Metrics` for the exact definitions.
- `impact(graph, element_id) -> ImpactResult`: what stops and what degrades when an element
  fails, with explaining paths; see `spbe_arch.audit.impact` for the propagation rules.
- `run_rules(graph)`: the raw findings of every audit rule (no overrides, no locations).

Rules live in one module per topic (`integration`, `duplicates`, `hosting`, `network`,
`data`, `services`, `spof`, `orphans`); each is a generator over the graph registered with
`@rule("SPBE-A0xx", ...)` in the one code table `spbe_arch.validate.RULES`.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Architecture, Finding
from ..validate import RULES, apply_overrides, collector_paused, locate
from . import data, duplicates, hosting, integration, network, orphans, services, spof
from .flows import DataFlow, data_flows, flow_gaps, integration_view
from .impact import ImpactResult, UnknownElementError, impact
from .metrics import Metrics, Share, compute_metrics

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "AUDIT_MODULES",
    "AuditResult",
    "DataFlow",
    "ImpactResult",
    "Metrics",
    "Share",
    "UnknownElementError",
    "audit",
    "audit_codes",
    "compute_metrics",
    "data_flows",
    "flow_gaps",
    "impact",
    "integration_view",
    "run_rules",
]

AUDIT_MODULES = (integration, duplicates, hosting, network, data, services, spof, orphans)
"""The rule modules; importing this package registers their codes."""


@dataclass
class AuditResult:
    """The audit of one model: coverage metrics and findings (located, sorted)."""

    metrics: Metrics
    findings: list[Finding]


def audit_codes() -> list[str]:
    """The registered audit codes (family A), sorted."""
    return sorted(code for code in RULES if code.startswith("SPBE-A"))


def run_rules(graph: "nx.MultiDiGraph") -> Iterator[Finding]:
    """Every finding of every registered audit rule, in code order (no overrides, no locations)."""
    for code in audit_codes():
        check = RULES[code].check
        if check is not None:
            yield from check(graph)


def audit(arch: Architecture, *, validation: Iterable[Finding] = ()) -> AuditResult:
    """Audit `arch`: metrics and findings, overrides of spbe.yaml applied, located and sorted.

    Parameters
    ----------
    arch
        A loaded architecture (`load_model(path).architecture`).
    validation
        Findings already reported by validation; they are merged into the result unchanged.

    Examples
    --------
    >>> result = audit(Architecture(root="."))
    >>> result.findings, result.metrics.applications
    ([], 0)

    Notes
    -----
    The cyclic garbage collector is paused while the audit runs: the analyses allocate many
    short-lived containers but no garbage cycles, and on a 100,000-element model the
    collector's repeated scans of the loaded model used to take half of the time.
    """
    from ..graph import build_graph

    with collector_paused():
        graph = build_graph(arch)
        metrics = compute_metrics(graph, arch)
        found = locate(apply_overrides(run_rules(graph), arch), arch)
        merged = sorted([*validation, *found], key=lambda f: f.sort_key)
    return AuditResult(metrics=metrics, findings=merged)

