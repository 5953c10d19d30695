"""A small inline-SVG horizontal bar chart (maturity per domain), with no script and no fonts
to fetch, so that the report stays one self-contained file."""

from collections.abc import Sequence
from html import escape

from ..model.i18n import decimal

__all__ = ["bar_chart"]

_WIDTH = 760
_LABEL = 250
_RIGHT = 60
_ROW = 34
_TOP = 30
_BAR = 20
_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"


def bar_chart(
    rows: Sequence[tuple[str, float]],
    *,
    maximum: float = 5.0,
    target: float | None = None,
    title: str = "",
    highlight_last: bool = False,
    axis: str = "",
) -> str:
    """An SVG bar chart: one horizontal bar per `(label, value)` on a 0..`maximum` scale.

    A dashed vertical line marks `target` when given. `highlight_last` draws the last bar
    darker (the overall index under the domains). Values are shown with two decimals; `axis`
    says under the scale what it measures.

    Examples
    --------
    >>> svg = bar_chart([("Kebijakan SPBE", 2.7)], target=3.0, title="Indeks")
    >>> svg.startswith("<svg") and "2.70" in svg and "Target 3.00" in svg
    True
    """
    area = _WIDTH - _LABEL - _RIGHT
    height = _TOP + _ROW * len(rows) + (46 if axis else 28)

    def x(value: float) -> float:
        return round(_LABEL + area * max(0.0, min(value, maximum)) / maximum, 2)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {_WIDTH} {height}" '
        f'width="{_WIDTH}" height="{height}" role="img" aria-label="{escape(title)}" '
        f'font-family="{escape(_FONT)}">',
        f"<title>{escape(title)}</title>",
    ]
    bottom = _TOP + _ROW * len(rows)
    for tick in range(int(maximum) + 1):
        tx = x(tick)
        parts.append(
            f'<line x1="{tx}" y1="{_TOP - 6}" x2="{tx}" y2="{bottom}" stroke="#e2e8f0" '
            'stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{tx}" y="{bottom + 16}" font-size="11" fill="#64748b" '
            f'text-anchor="middle">{tick}</text>'
        )
    for index, (name, value) in enumerate(rows):
        top = _TOP + _ROW * index + (_ROW - _BAR) / 2
        last = highlight_last and index == len(rows) - 1
        colour = "#1e3a8a" if last else "#3b82f6"
        weight = ' font-weight="600"' if last else ""
        parts.append(
            f'<text x="{_LABEL - 10}" y="{top + _BAR / 2 + 4}" font-size="13" fill="#1f2937" '
            f'text-anchor="end"{weight}>{escape(name)}</text>'
        )
        parts.append(
            f'<rect x="{_LABEL}" y="{top}" width="{round(x(value) - _LABEL, 2)}" '
            f'height="{_BAR}" rx="3" fill="{colour}"/>'
        )
        parts.append(
            f'<text x="{_WIDTH - 8}" y="{top + _BAR / 2 + 4}" font-size="13" fill="#1f2937" '
            f'text-anchor="end"{weight}>{decimal(value)}</text>'
        )
    if axis:
        parts.append(f'<text x="{round(_LABEL + area / 2, 2)}" y="{bottom + 34}" font-size="11" '
                     f'fill="#64748b" text-anchor="middle">{escape(axis)}</text>')
    if target is not None:
        tx = x(target)
        parts.append(
            f'<line x1="{tx}" y1="{_TOP - 10}" x2="{tx}" y2="{bottom}" stroke="#dc2626" '
            'stroke-width="1.5" stroke-dasharray="5 3"/>'
        )
        parts.append(
            f'<text x="{tx}" y="{_TOP - 14}" font-size="11" fill="#dc2626" '
            f'text-anchor="middle">Target {decimal(target)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)
