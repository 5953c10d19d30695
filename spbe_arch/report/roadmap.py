"""The report's Peta Rencana section: a Gantt-like chart of the roadmap items by year and the
one trajectory line of the index, from the years assessed to the years planned.

`roadmap_section(loaded)` gathers it (the roadmap applied to the model, `spbe_arch.change`):
the chart, the items as table rows and the trajectory year by year; `roadmap_svg(result)`
draws both charts as one inline SVG, with no script and no font to fetch. Its words are
gettext messages, in the language in force. A model without `roadmap:` gets a section with no
items (the page says so in one line); an analysis that refuses the model (`SpbeError`, e.g.
an unknown framework) is the report's business (`context.gather`).
"""

import math
from dataclasses import dataclass, field, replace
from html import escape
from itertools import pairwise, zip_longest
from typing import TYPE_CHECKING

from ..maturity.index import EDGE_TOLERANCE
from ..model.i18n import decimal
from ..model.i18n import gettext as _
from .change import rupiah
from .chart import _FONT
from .labels import shown_predikat
from .sections import element_name

if TYPE_CHECKING:
    from ..change import RoadmapResult
    from ..model import Architecture, RoadmapItem
    from ..validate import ValidationResult
    from .sections import PlanRow

__all__ = [
    "APPLY_LIMIT",
    "CHART_ROWS",
    "PRINT_ROWS",
    "ItemRow",
    "RoadmapSection",
    "TrajectoryPoint",
    "YearRow",
    "planned_steps",
    "roadmap_print_parts",
    "roadmap_section",
    "roadmap_svg",
    "trajectory",
]

_WIDTH = 900
_LABEL = 380
_RIGHT = 30
_ROW = 22
_PLOT = 180
APPLY_LIMIT = 5000
"""Up to this many applications the report applies the roadmap year by year; above, it lists
the items and gives the command (on the national benchmark model, 19,613 applications and
1,104 items, applying them takes 19 s, more than twice the rest of the report)."""
CHART_ROWS = 60
"""Up to this many items the chart draws one row per item; above, the index line only."""
PRINT_ROWS = 18
"""Items per printed part of a long roadmap: 18 rows and the index line print at 7 pt or more
(the chart is at most 150 mm high on a landscape A4 page)."""
_PAST = "#64748b"
_PLANNED = "#2563eb"
_TARGET = "#dc2626"
_CHAR = 7.2
"""Width of a character of the 12 px font, generously (DejaVu Sans is about 6.8 px)."""
_NAME = int((_LABEL - 12) / _CHAR)
"""Characters of an item's name shown before its label is cut (the table has it whole)."""


_LINE = 14
"""Height of the second line of an item's name."""


def _wrapped(name: str) -> list[str]:
    """An item's name on at most two lines of `_NAME` characters, cut at a word; what does
    not fit is cut with '…' (the table has it whole, the label's tooltip too)."""
    import textwrap

    lines = textwrap.wrap(name, _NAME, max_lines=2, placeholder=" …") or [name]
    return lines


@dataclass(frozen=True)
class TrajectoryPoint:
    """One year of the trajectory: assessed (past: the evaluator's verified result, or an
    estimate) or planned (the roadmap applied)."""

    year: int
    index: float
    planned: bool
    verified: bool = False


@dataclass(frozen=True)
class ItemRow:
    """One roadmap item as the report's table shows it."""

    year: int
    id: str
    name: str
    unit: str
    budget: str
    changes: str
    """What it adds, changes and retires, by element name."""
    after: str
    """The items it depends on, by id (the table shows each item's id)."""


@dataclass(frozen=True)
class YearRow:
    """One year of the trajectory table: assessed (verified or estimated) or planned, with
    the planned items."""

    year: int
    planned: bool
    index: float
    predikat: str
    items: int = 0
    budget: str = ""
    verified: bool = False


@dataclass
class RoadmapSection:
    """What the report shows of the roadmap. `available` False (with the reason) when its
    analysis refused the model; available with no `items` when the model has no roadmap."""

    available: bool
    reason: str = ""
    applied: bool = True
    """False for a model too large to apply the roadmap in the report (`APPLY_LIMIT`), and
    for a target architecture (`to_be`)."""
    to_be: bool = False
    """The model is the target architecture: it holds what every item delivers already, so
    applying them to it would show the end state in every year; the trajectory is the as-is
    model's, applied towards it."""
    result: "RoadmapResult | None" = None
    points: list[TrajectoryPoint] = field(default_factory=list)
    items: list[ItemRow] = field(default_factory=list)
    years: list[YearRow] = field(default_factory=list)
    svg: str = ""
    print_parts: list[str] = field(default_factory=list)
    """The chart in parts for paper when it is too long for one page (`roadmap_print_parts`)."""
    summary: str = ""
    """One sentence for the executive summary: items, years, the index at the end."""
    budget: str = ""
    """The estimated budget of all items ('' when no item states one)."""


def trajectory(result: "RoadmapResult") -> list[TrajectoryPoint]:
    """The one line: every year assessed, then every planned year, each at its own year.

    A planned year that is not after the last year assessed (an item of a year already
    evaluated, not done yet) stays at its year, so that the line, the bars above it and the
    table agree: the line then goes back to that year from the last assessed point.
    """
    points = [TrajectoryPoint(a.year, a.index, False, a.verified) for a in result.assessed]
    points += [TrajectoryPoint(row.year, row.index, True) for row in result.years
               if row.year is not None]
    return points


def roadmap_section(
    loaded: "ValidationResult", *, framework: str | None = None
) -> RoadmapSection:
    """The roadmap of a loaded model applied year by year, its chart and its tables.

    A model of more than `APPLY_LIMIT` applications gets the items only, with the command
    that applies them (`applied` False); so does a target architecture, with the command that
    applies them to the as-is model towards it.

    Parameters
    ----------
    loaded
        The model, as `load_model` returns it.
    framework
        Framework id or file the indices are counted with (default: the instansi's).
    """
    from ..change import order_items, roadmap

    arch = loaded.architecture
    if not arch.roadmap:
        return RoadmapSection(True)
    to_be = arch.instansi is not None and arch.instansi.to_be is not None
    if to_be or len(arch.applications) > APPLY_LIMIT:
        items = order_items(arch)
        return RoadmapSection(
            True, applied=False, to_be=to_be, items=[_item_row(item, arch) for item in items],
            summary=_("Peta Rencana: {count} items {years}.").format(
                count=len(items), years=_span(items)),
            budget=_budget(items),
        )
    result = roadmap(loaded, framework=framework)
    target = arch.instansi.target if arch.instansi else None
    planned = [y for y in result.years if y.year is not None]
    budget = result.budget
    years = [YearRow(a.year, False, a.index, a.predikat, verified=a.verified)
             for a in result.assessed] + [
        YearRow(y.year, True, y.index, shown_predikat(y.predikat, y.provisional),
                len(y.items), rupiah(budget.get(y.year)))
        for y in planned
        if y.year is not None
    ]
    end = planned[-1]
    summary = _(
        "Peta Rencana: {count} items {years}, estimated index {index} ({predikat}) in {year}."
    ).format(
        count=len(result.items), years=_span(result.items), index=decimal(end.index),
        predikat=shown_predikat(end.predikat, end.provisional), year=end.year,
    )
    if target is not None and end.index < target - EDGE_TOLERANCE:  # where it leads, said
        summary += " " + _("It ends below the target {target}.").format(target=decimal(target))
    return RoadmapSection(
        True,
        result=result,
        points=trajectory(result),
        items=[_item_row(item, arch) for item in result.items],
        years=years,
        svg=roadmap_svg(result, target=target),
        print_parts=roadmap_print_parts(result, target=target),
        summary=summary,
        budget=_budget(result.items),
    )


def planned_steps(plan: "list[PlanRow]", section: RoadmapSection) -> "list[PlanRow]":
    """The maturity plan's steps, each that the Peta Rencana takes already marked with the
    year whose model counts its level (`planned_in`): what leadership is asked for next
    leaves out what is planned."""
    if section.result is None:
        return plan
    marked = []
    for row in plan:
        reached = section.result.reaching(row.indicator, row.to_level)
        marked.append(row if reached is None else replace(row, planned_in=reached.year))
    return marked


def _span(items: "list[RoadmapItem]") -> str:
    """'2025–2029' (items in year order), or the one year."""
    first, last = items[0].year, items[-1].year
    return str(first) if first == last else f"{first}–{last}"


def _budget(items: "list[RoadmapItem]") -> str:
    """The sum of the budgets stated, in rupiah; '' when no item states one."""
    stated = [item.budget for item in items if item.budget is not None]
    return rupiah(sum(stated)) if stated else ""


def _item_row(item: "RoadmapItem", arch: "Architecture") -> ItemRow:
    def names(ids) -> str:
        return ", ".join(element_name(arch, i) for i in ids)

    parts = []
    if item.adds:
        parts.append(_("adds {elements}").format(elements=names(item.adds)))
    if item.changes:
        parts.append(_("changes {elements}").format(
            elements=names(dict.fromkeys(c.element for c in item.changes))))
    if item.retires:
        parts.append(_("retires {elements}").format(elements=names(item.retires)))
    return ItemRow(
        item.year, item.id, item.name, arch.name_of(item.unit) if item.unit else "",
        rupiah(item.budget) if item.budget is not None else "", "; ".join(parts),
        names(item.depends_on),  # the items it waits for, by name as the rows show them
    )


def _scale(values: list[float]) -> tuple[float, float, float]:
    """The index axis: whole numbers around `values` (at least one apart, within 0..5) and
    the step of its grid, so that a change of a few hundredths shows.

    Examples
    --------
    >>> _scale([2.31, 2.75, 3.0])
    (2.0, 3.0, 0.5)
    >>> _scale([0.4, 4.2])
    (0.0, 5.0, 1.0)
    """
    low = max(0.0, float(math.floor(min(values, default=0.0))))
    high = min(5.0, float(math.ceil(max(values, default=5.0))))
    if high - low < 1:
        low, high = (high - 1, high) if high >= 1 else (0.0, 1.0)
    return low, high, 0.5 if high - low <= 2 else 1.0


def roadmap_svg(
    result: "RoadmapResult", *, title: str | None = None, target: float | None = None
) -> str:
    """The Gantt-like chart (one row per item, a bar in its year) above the index line; the
    index line alone for a roadmap of more than `CHART_ROWS` items (its table lists them).

    The index axis spans the whole numbers around the values drawn (`_scale`); `target`
    (the instansi's target index) is a dashed line across it. The words are in the language
    in force.

    Examples
    --------
    >>> from spbe_arch.change import RoadmapResult, AssessedYear
    >>> svg = roadmap_svg(RoadmapResult("Kab. Uji", [], [], [AssessedYear(2024, 2.5, "Cukup")]))
    >>> svg.startswith("<svg") and "2024" in svg and "2.50" in svg
    True
    """
    rows = result.items if len(result.items) <= CHART_ROWS else []
    return _chart(result, rows, plot=True, title=title, target=target)


def roadmap_print_parts(result: "RoadmapResult", *, target: float | None = None) -> list[str]:
    """The chart in parts of `PRINT_ROWS` items for paper, the index line under the last one;
    none when the whole chart prints at 7 pt or more on one landscape page.

    Examples
    --------
    >>> from spbe_arch.change import RoadmapResult
    >>> from spbe_arch.model import RoadmapItem
    >>> items = [RoadmapItem(id=f"rm-{n}", name=f"Kegiatan {n}", year=2026) for n in range(40)]
    >>> parts = roadmap_print_parts(RoadmapResult("Kab. Uji", items, []))
    >>> [part.count("<rect ") for part in parts], ["SPBE index" in part for part in parts]
    ([18, 18, 4], [False, False, True])
    >>> roadmap_print_parts(RoadmapResult("Kab. Uji", items[:PRINT_ROWS], []))
    []
    """
    items = result.items
    if not PRINT_ROWS < len(items) <= CHART_ROWS:
        return []
    chunks = [items[n : n + PRINT_ROWS] for n in range(0, len(items), PRINT_ROWS)]
    return [_chart(result, chunk, plot=chunk is chunks[-1], title=None, target=target)
            for chunk in chunks]


def _legend(points: list[TrajectoryPoint]) -> list[tuple[int, int, str, str]]:
    """(row, x, colour, words) of each entry of the index line's legend, from the plot's left
    edge, on a new row where the next would run past the chart's right edge: the years
    verified by the evaluator, the years estimated, the years planned."""
    past = [p for p in points if not p.planned]
    entries = [(colour, f"{mark} {words}") for shown, colour, mark, words in (
        (any(p.verified for p in past), _PAST, "●", _("verified by the evaluator")),
        (any(not p.verified for p in past), _PAST, "○", _("estimate (self-assessment and model)")),
        (True, _PLANNED, "●", _("planned (roadmap applied)"))) if shown]
    out: list[tuple[int, int, str, str]] = []
    row, left = 1, _LABEL
    for colour, words in entries:
        width = round(_CHAR * len(words) + 16)
        if left > _LABEL and left + width > _WIDTH:
            row, left = row + 1, _LABEL
        out.append((row, left, colour, words))
        left += width
    return out


def _chart(
    result: "RoadmapResult", items: "list[RoadmapItem]", *, plot: bool, title: str | None,
    target: float | None,
) -> str:
    """The chart of `items` on the years of the whole roadmap, with the index line if `plot`."""
    title = title or _("SPBE roadmap (Peta Rencana SPBE)")
    points = trajectory(result)
    years = sorted({p.year for p in points} | {i.year for i in result.items}) or [0]
    first, last = years[0], years[-1]
    span = max(1, last - first + 1)
    column = (_WIDTH - _LABEL - _RIGHT) / span

    def x(year: float) -> float:
        return round(_LABEL + column * (year - first + 0.5), 2)

    labels = [_wrapped(item.name) for item in items]
    rows = [30]  # the top of each item's row; a name on two lines makes its row taller
    for lines in labels:
        rows.append(rows[-1] + _ROW + _LINE * (len(lines) - 1))
    gantt = rows[-1]
    top, bottom = (gantt + 34, gantt + 34 + _PLOT) if plot else (gantt, gantt)
    legend = _legend(points)
    height = bottom + (26 + 18 * max(row for row, *_ in legend) if plot else 6)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart roadmap" '
        f'viewBox="0 0 {_WIDTH} {height}" width="{_WIDTH}" height="{height}" role="img" '
        f'aria-label="{escape(title)}" font-family="{escape(_FONT)}" font-size="12">',
        f"<title>{escape(title)}</title>",
    ]
    for year in range(first, last + 1):
        parts.append(f'<text x="{x(year)}" y="18" text-anchor="middle" fill="#334155">{year}'
                     "</text>")
        left = round(x(year) - column / 2, 2)
        parts.append(f'<line x1="{left}" y1="24" x2="{left}" y2="{bottom}" stroke="#e2e8f0"/>')
    for n, item in enumerate(items):
        y, lines = rows[n], labels[n]
        spans = "".join(f'<tspan x="{_LABEL - 8}" dy="{0 if k == 0 else _LINE}">'
                        f"{escape(line)}</tspan>" for k, line in enumerate(lines))
        parts.append(f'<text x="{_LABEL - 8}" y="{y + 15}" text-anchor="end" fill="#0f172a">'
                     f"<title>{escape(f'{item.id}: {item.name}')}</title>{spans}</text>")
        left = round(x(item.year) - column / 2 + 3, 2)
        parts.append(f'<rect x="{left}" y="{y + 4}" width="{round(column - 6, 2)}" '
                     f'height="{rows[n + 1] - y - 8}" rx="3" fill="{_PLANNED}"/>')
    if not plot:
        parts.append("</svg>")
        return "".join(parts)
    low, high, step = _scale([p.index for p in points] + ([target] if target is not None else []))

    def y_of(index: float) -> float:
        return round(bottom - (bottom - top) * (min(max(index, low), high) - low) / (high - low), 2)

    ticks = [low + step * n for n in range(round((high - low) / step) + 1)]
    for tick in ticks:
        parts.append(f'<line x1="{_LABEL}" y1="{y_of(tick)}" x2="{_WIDTH - _RIGHT}" '
                     f'y2="{y_of(tick)}" stroke="#e2e8f0"/>')
        parts.append(f'<text x="{_LABEL - 8}" y="{y_of(tick) + 4}" text-anchor="end" '
                     f'fill="#64748b">{decimal(tick, 1)}</text>')
    index_label, target_label = _("SPBE index"), _("Target")
    parts.append(f'<text x="{_LABEL - 8}" y="{top - 12}" text-anchor="end" fill="#334155" '
                 f'font-weight="600">{escape(index_label)}</text>')
    if target is not None:
        parts.append(f'<line x1="{_LABEL}" y1="{y_of(target)}" x2="{_WIDTH - _RIGHT}" '
                     f'y2="{y_of(target)}" stroke="{_TARGET}" stroke-width="1.5" '
                     'stroke-dasharray="6 3"/>')
        parts.append(f'<text x="{_LABEL - 44}" y="{y_of(target) + 4}" text-anchor="end" '
                     f'fill="{_TARGET}">{escape(target_label)} {decimal(target)}</text>')
    for a, b in pairwise(points):  # solid only between results the evaluator verified
        dash = (' stroke-dasharray="5 4"' if b.planned
                else "" if a.verified and b.verified else ' stroke-dasharray="2 3"')
        colour = _PLANNED if b.planned else _PAST
        parts.append(f'<line x1="{x(a.year)}" y1="{y_of(a.index)}" x2="{x(b.year)}" '
                     f'y2="{y_of(b.index)}" stroke="{colour}" stroke-width="2"{dash}/>')
    for p, after in zip_longest(points, points[1:]):
        colour = _PLANNED if p.planned else _PAST
        # below the point when the line leaves it climbing, so that it does not cross the
        # value, or when a point of the same year (assessed and planned) is higher
        twin = [q.index for q in points if q.year == p.year and q is not p]
        below = (min(twin) > p.index if twin
                 else after is not None and y_of(p.index) - y_of(after.index) > 10)
        label_y = y_of(p.index) + 20 if below else y_of(p.index) - 9
        hollow = not p.planned and not p.verified  # an estimate of a past year
        fill = "#fff" if hollow else colour
        parts.append(f'<circle cx="{x(p.year)}" cy="{y_of(p.index)}" r="4" fill="{fill}" '
                     f'stroke="{colour}" stroke-width="2"/>')
        parts.append(f'<text x="{x(p.year)}" y="{label_y}" text-anchor="middle" '
                     f'fill="{colour}" stroke="#fff" stroke-width="3" paint-order="stroke">'
                     f"{decimal(p.index)}</text>")
    last_row = legend[-1][0]
    for row, left, colour, words in legend:
        parts.append(f'<text x="{left}" y="{height - 12 - 18 * (last_row - row)}" '
                     f'fill="{colour}">{escape(words)}</text>')
    parts.append("</svg>")
    return "".join(parts)
