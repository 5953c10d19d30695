"""Integration audit on the architecture graph: rules (SPBE-A codes), metrics and impact.

The stable API (other analyses, the CLI and the report import these):

- `audit(graph, *, validation=()) -> AuditResult`: run every audit check on the graph, finish
  the findings (severity overrides of spbe.yaml, locations, order) and compute the metrics.
  `validation` findings (from `load_model`) are merged in, so an audit of a model with errors
  still reports them.
- `compute_metrics(graph) -> Metrics`: coverage figures (SPLP share, cross-unit SPLP share,
  JIP share, services fully integrated, applications per unit, aplikasi umum adoption).
- `impact(graph, element_id) -> ImpactResult`: what stops and what degrades when an element
  fails, with explaining paths; see `spbe_arch.audit.impact` for the propagation rules.
- `run_checks(graph)`: the raw findings of every check (no overrides, no locations).
- Queries the checks are written with, for other analyses to share (e.g. maturity evidence):
  `isolated_applications`, `integrations_bypassing_splp`, `integrations_over_internet`,
  `duplicate_application_groups`, `khusus_duplicating_umum`, `applications_hosted_on`,
  `relays`, `on_jip`.

Checks live in one module per topic (`integration`, `duplicates`, `hosting`, `network`,
`data`, `services`, `spof`, `orphans`), each registered with `@check(RULE)` for a rule of the
one rule table (`spbe_arch.model.rules.audit`).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter

from ..graph import ArchGraph
from ..io.aside import aside
from ..model import Finding
from ..model.rules import audit as rules
from ..validate import collector_paused, finalize, locate
from . import (
    completeness,
    data,
    duplicates,
    hosting,
    integration,
    network,
    orphans,
    services,
    spof,
)
from .completeness import (
    ABOUT,
    WORDS,
    Known,
    data_flows_known,
    data_unstated,
    integrations_recorded,
    known_facts,
    services_recorded,
)
from .duplicates import duplicate_application_groups, khusus_duplicating_umum
from .hosting import applications_hosted_on
from .impact import ImpactResult, UnknownElementError, impact
from .integration import (
    integrations_bypassing_splp,
    integrations_over_internet,
    isolated_applications,
)
from .metrics import Metrics, Share, compute_metrics
from .network import on_jip
from .registry import CHECKS, WHOLE_MODEL, codes_run, run_checks
from .spof import relays

__all__ = [
    "ABOUT",
    "CHECKS",
    "WHOLE_MODEL",
    "WORDS",
    "AuditResult",
    "ImpactResult",
    "Known",
    "Metrics",
    "Share",
    "UnknownElementError",
    "applications_hosted_on",
    "audit",
    "compute_metrics",
    "data_flows_known",
    "data_unstated",
    "duplicate_application_groups",
    "impact",
    "integrations_bypassing_splp",
    "integrations_over_internet",
    "integrations_recorded",
    "isolated_applications",
    "khusus_duplicating_umum",
    "known_facts",
    "on_jip",
    "relays",
    "run_checks",
    "services_recorded",
]

_CHECK_MODULES = (
    integration, duplicates, hosting, network, data, services, spof, orphans, completeness
)
"""The check modules; importing them registers their checks."""


@dataclass
class AuditResult:
    """The audit of one model: coverage metrics and findings (located, sorted)."""

    metrics: Metrics
    findings: list[Finding]


def audit(graph: ArchGraph, *, validation: Iterable[Finding] = ()) -> AuditResult:
    """Audit the model of `graph`: metrics and findings, finished and sorted.

    Parameters
    ----------
    graph
        The model's graph (`build_graph(load_model(path).architecture)`).
    validation
        Findings already reported by validation; they are merged into the result unchanged.

    Examples
    --------
    >>> from spbe_arch.graph import build_graph
    >>> from spbe_arch.model import Architecture
    >>> result = audit(build_graph(Architecture(root=".")))
    >>> result.findings, result.metrics.applications
    ([], 0)

    Notes
    -----
    The cyclic garbage collector is paused while the audit runs: the analyses allocate many
    short-lived containers but no garbage cycles, and on a 100,000-element model the
    collector's repeated scans of the loaded model used to take half of the time.
    """
    with collector_paused():
        apart = aside(_located, graph.prepare(flows=False), _ASIDE, size=len(graph))
        metrics = compute_metrics(graph)
        found = _located(graph, CHECKS.keys() - _ASIDE)
        found = sorted([*found, *apart.result()], key=attrgetter("code"))  # stable: code order
        findings = finalize(found, graph.arch, finished=validation, checked=codes_run(graph))
    return AuditResult(metrics=metrics, findings=findings)


def _located(graph: ArchGraph, codes: Iterable[str]) -> list[Finding]:
    """The findings of some checks, placed in their files (each half places its own)."""
    return locate(run_checks(graph, codes), graph.arch)


_ASIDE = frozenset(rule.code for rule in (
    rules.INTEGRATION_SINGLE_POINT_OF_FAILURE,
    rules.HUB_APPLICATION,
    rules.INFRASTRUCTURE_SINGLE_POINT_OF_FAILURE,
    rules.UNIT_OUTSIDE_JIP,
    rules.ISOLATED_APPLICATION,
    rules.SERVICE_WITHOUT_APPLICATION,
    rules.OPEN_DATA_NOT_PUBLISHED,
))
"""Checks run aside (`spbe_arch.io.aside`) while the metrics and the other checks run here:
about half of the work on a large model. None of them fills a query the metrics, the other
checks or the maturity evidence read afterwards, nor reads the graph's data flows (computed
here, after the fork) or the duplicate groups, so no work is done twice."""
