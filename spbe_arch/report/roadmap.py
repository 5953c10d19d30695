"""The report's Peta Rencana section: a Gantt-like chart of the roadmap items by year and the
one trajectory line of the index, from the years assessed to the years planned.

`roadmap_section(loaded)` gathers it (the roadmap applied to the model, `spbe_arch.change`);
`roadmap_svg(result)` draws both charts as one inline SVG, with no script and no font to
fetch. Where the section goes on the page is the report layout's business.
"""

from dataclasses import dataclass, field
from html import escape
from itertools import pairwise
from typing import TYPE_CHECKING

from .chart import _FONT

if TYPE_CHECKING:
    from ..change import RoadmapResult
    from ..validate import ValidationResult

__all__ = ["RoadmapSection", "TrajectoryPoint", "roadmap_section", "roadmap_svg", "trajectory"]

_WIDTH = 760
_LABEL = 300
_RIGHT = 30
_ROW = 22
_PLOT = 180
_PAST = "#64748b"
_PLANNED = "#2563eb"


@dataclass(frozen=True)
class TrajectoryPoint:
    """One year of the trajectory: assessed (past) or planned (the roadmap applied)."""

    year: int
    index: float
    planned: bool


@dataclass
class RoadmapSection:
    """What the report shows of the roadmap; `available` False (with the reason) when the
    model has no roadmap."""

    available: bool
    reason: str = ""
    result: "RoadmapResult | None" = None
    points: list[TrajectoryPoint] = field(default_factory=list)
    svg: str = ""


def trajectory(result: "RoadmapResult") -> list[TrajectoryPoint]:
    """The one line: every year assessed, then every planned year after the last of them.

    A planned year that is not after the last year assessed is drawn after it anyway (a
    roadmap item of the current year is still to do), one year later per such year.
    """
    points = [TrajectoryPoint(a.year, a.index, False) for a in result.assessed]
    last = points[-1].year if points else None
    for row in result.years:
        if row.year is None:
            continue
        year = row.year if last is None or row.year > last else last + 1
        points.append(TrajectoryPoint(year, row.index, True))
        last = year
    return points


def roadmap_section(loaded: "ValidationResult") -> RoadmapSection:
    """The roadmap of a loaded model, applied year by year, with its charts."""
    from ..change import roadmap

    if not loaded.architecture.roadmap:
        return RoadmapSection(False, "the model has no roadmap items (roadmap:)")
    result = roadmap(loaded)
    return RoadmapSection(True, result=result, points=trajectory(result),
                          svg=roadmap_svg(result))


def roadmap_svg(result: "RoadmapResult", *, title: str = "Peta Rencana SPBE") -> str:
    """The Gantt-like chart (one row per item, a bar in its year) above the index line.

    Examples
    --------
    >>> from spbe_arch.change import RoadmapResult, AssessedYear
    >>> svg = roadmap_svg(RoadmapResult("Kab. Uji", [], [], [AssessedYear(2024, 2.5, "Cukup")]))
    >>> svg.startswith("<svg") and "2024" in svg and "2.50" in svg
    True
    """
    points = trajectory(result)
    years = sorted({p.year for p in points} | {i.year for i in result.items}) or [0]
    first, last = years[0], years[-1]
    span = max(1, last - first + 1)
    column = (_WIDTH - _LABEL - _RIGHT) / span

    def x(year: float) -> float:
        return round(_LABEL + column * (year - first + 0.5), 2)

    gantt = 30 + _ROW * len(result.items)
    height = gantt + _PLOT + 50
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {_WIDTH} {height}" '
        f'width="{_WIDTH}" height="{height}" role="img" aria-label="{escape(title)}" '
        f'font-family="{escape(_FONT)}" font-size="12">',
        f"<title>{escape(title)}</title>",
    ]
    for year in range(first, last + 1):
        parts.append(f'<text x="{x(year)}" y="18" text-anchor="middle" fill="#334155">{year}'
                     "</text>")
        left = round(x(year) - column / 2, 2)
        parts.append(f'<line x1="{left}" y1="24" x2="{left}" y2="{height - 30}" '
                     'stroke="#e2e8f0"/>')
    for n, item in enumerate(result.items):
        y = 30 + _ROW * n
        label = item.name if len(item.name) <= 38 else item.name[:37] + "…"
        parts.append(f'<text x="{_LABEL - 8}" y="{y + 14}" text-anchor="end" fill="#0f172a">'
                     f"<title>{escape(f'{item.id}: {item.name}')}</title>{escape(label)}</text>")
        left = round(x(item.year) - column / 2 + 3, 2)
        parts.append(f'<rect x="{left}" y="{y + 3}" width="{round(column - 6, 2)}" '
                     f'height="{_ROW - 6}" rx="3" fill="{_PLANNED}"/>')
    top, bottom = gantt + 20, gantt + _PLOT

    def y_of(index: float) -> float:
        return round(bottom - (bottom - top) * max(0.0, min(index, 5.0)) / 5.0, 2)

    for level in range(6):
        parts.append(f'<line x1="{_LABEL}" y1="{y_of(level)}" x2="{_WIDTH - _RIGHT}" '
                     f'y2="{y_of(level)}" stroke="#f1f5f9"/>')
        parts.append(f'<text x="{_LABEL - 8}" y="{y_of(level) + 4}" text-anchor="end" '
                     f'fill="#64748b">{level}</text>')
    parts.append(f'<text x="{_LABEL - 40}" y="{top - 6}" text-anchor="end" fill="#334155">'
                 "Indeks SPBE</text>")
    for a, b in pairwise(points):
        dash = ' stroke-dasharray="5 4"' if b.planned else ""
        colour = _PLANNED if b.planned else _PAST
        parts.append(f'<line x1="{x(a.year)}" y1="{y_of(a.index)}" x2="{x(b.year)}" '
                     f'y2="{y_of(b.index)}" stroke="{colour}" stroke-width="2"{dash}/>')
    for p in points:
        colour = _PLANNED if p.planned else _PAST
        parts.append(f'<circle cx="{x(p.year)}" cy="{y_of(p.index)}" r="4" fill="{colour}"/>')
        parts.append(f'<text x="{x(p.year)}" y="{y_of(p.index) - 8}" text-anchor="middle" '
                     f'fill="{colour}">{p.index:.2f}</text>')
    parts.append(f'<text x="{_LABEL}" y="{height - 10}" fill="{_PAST}">● assessed</text>')
    parts.append(f'<text x="{_LABEL + 100}" y="{height - 10}" fill="{_PLANNED}">● planned '
                 "(roadmap applied)</text>")
    parts.append("</svg>")
    return "".join(parts)
