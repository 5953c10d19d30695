"""Data rows below the header: each becomes a `Row`, or a skipped row with its reason.

A row names an application and its unit; a row repeating the header, a heading merged across
the sheet, or a row without a name or a unit is skipped. Cells of known columns become the
row's values; every other non-empty cell is kept as a property under its header, so nothing
the inventory says is lost. A cell starting with `=` is a formula written as text: it stays
text, and the report says so.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from ...model.i18n import gettext as _
from .columns import Column, normal_header
from .report import ImportReport, RowNote

__all__ = ["PROPERTY_OF", "Row", "Seen", "data_rows"]

PROPERTY_OF = {
    Column.server_location: "server_location",
    Column.database: "database",
    Column.developer: "developer",
}
"""Known columns the model has no field for, and the property key each is kept under."""


@dataclass(frozen=True, slots=True)
class Row:
    """A data row that names an application and its unit."""

    number: int
    name: str
    unit: str
    values: dict[Column, str]
    properties: dict[str, str]


class Seen:
    """Rows as they stream, empty ones left out and the others counted (an empty file)."""

    def __init__(self, rows: Iterator[tuple[int, list[str]]]) -> None:
        self._rows = rows
        self.non_empty = 0

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        for number, cells in self._rows:
            if any(cells):
                self.non_empty += 1
                yield number, cells


def data_rows(
    seen: Seen,
    columns: dict[int, Column],
    header: list[str],
    headings: set[int],
    report: ImportReport,
) -> Iterator[Row]:
    """Data rows as `Row`; skipped rows and remarks go into `report`."""
    unmapped = _unmapped(columns, header, report)
    name_at = next(i for i, c in columns.items() if c is Column.name)
    unit_at = next(i for i, c in columns.items() if c is Column.unit)
    header_name, header_unit = normal_header(header[name_at]), normal_header(header[unit_at])
    for number, cells in seen:
        report.rows += 1
        values = {col: cells[i] for i, col in columns.items() if i < len(cells) and cells[i]}
        name, unit = values.get(Column.name, ""), values.get(Column.unit, "")
        # units repeat (their normal forms are cached), names mostly do not: unit first
        if normal_header(unit) == header_unit and normal_header(name) == header_name:
            report.skipped.append(RowNote(number, _("repeats the header row")))
            continue
        if number in headings:
            heading = next(cell for cell in cells if cell)
            report.skipped.append(RowNote(number, _(
                "a heading row ('{heading}' merged across), not an application"
            ).format(heading=_short(heading))))
            continue
        if not name:
            report.skipped.append(
                RowNote(number, _("no application name (column '{column}' is empty)").format(
                    column=header[name_at]))
            )
            continue
        if not unit:
            report.skipped.append(
                RowNote(number, _("no unit for '{name}' (column '{column}' is empty)").format(
                    name=name, column=header[unit_at]))
            )
            continue
        properties = {}
        for index, cell in enumerate(cells):
            if cell and index not in columns:
                key = unmapped.get(index) or _extra_column(index, report)
                properties[key] = cell
        for col, text in values.items():
            if text.startswith("="):
                report.notes.append(RowNote(number, _(
                    "'{column}' holds '{text}', a formula written as text; kept as text, never "
                    "evaluated"
                ).format(column=_header(header, columns, col), text=_short(text))))
        yield Row(number, name, unit, values, properties)


def _unmapped(columns, header, report: ImportReport) -> dict[int, str]:
    """Index -> property key for header cells that name no known column."""
    keys: dict[int, str] = {}
    used = set(PROPERTY_OF.values()) | {"status", "kind", "category", "ref"}
    for index, text in enumerate(header):
        if index in columns or not text:
            continue
        key = "_".join(normal_header(text).split())[:60] or f"column_{index + 1}"
        base, n = key, 1
        while key in used:
            n += 1
            key = f"{base}_{n}"
        used.add(key)
        keys[index] = key
        report.properties[key] = text
    for index, column in columns.items():
        if column in PROPERTY_OF:
            report.properties[PROPERTY_OF[column]] = header[index]
    return keys


def _extra_column(index: int, report: ImportReport) -> str:
    key = f"column_{index + 1}"
    report.properties.setdefault(key, _("(no header, column {number})").format(number=index + 1))
    return key


def _header(header: list[str], columns: dict[int, Column], col: Column) -> str:
    return next(header[i] for i, c in columns.items() if c is col)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
