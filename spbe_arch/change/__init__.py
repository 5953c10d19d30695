"""Change over time: `diff` between two versions of a model, and the Peta Rencana (`roadmap`)
applied year by year.

- `diff(old, new) -> DiffResult`: elements added, removed and changed field by field,
  integrations rerouted, findings introduced and resolved, each audit metric and the index
  per indicator before and after; `analysis_aside(old)` starts the old version's analysis on
  the second core before the new version is read (`diff(..., old_analysis=...)`);
  `diff_versions(folder, new | from_rev=..., load=...)` reads the two versions (folders, or
  git revisions) and does both.
- `not_in_baseline(findings, baseline)`: the findings an earlier audit did not have.
- `roadmap(loaded, target=...) -> RoadmapResult`: the items in order, the audit metrics and
  estimated index after each year, and what the target has that no item delivers.
"""

from .baseline import not_in_baseline
from .diff import (
    DiffResult,
    Downgrade,
    ElementChange,
    ElementRef,
    FieldChange,
    IndicatorChange,
    MetricChange,
    Rename,
    Reroute,
    Reworded,
    analysis_aside,
    diff,
    diff_elements,
    diff_versions,
    finding_key,
)
from .roadmap import (
    AssessedYear,
    RoadmapResult,
    RoadmapYear,
    Undelivered,
    apply_items,
    order_items,
    roadmap,
)

__all__ = [
    "AssessedYear",
    "DiffResult",
    "Downgrade",
    "ElementChange",
    "ElementRef",
    "FieldChange",
    "IndicatorChange",
    "MetricChange",
    "Rename",
    "Reroute",
    "Reworded",
    "RoadmapResult",
    "RoadmapYear",
    "Undelivered",
    "analysis_aside",
    "apply_items",
    "diff",
    "diff_elements",
    "diff_versions",
    "finding_key",
    "not_in_baseline",
    "order_items",
    "roadmap",
]
