"""Data rows below the header: each becomes a `Row`, or a skipped row with its reason.

A row of an inventory names an application and its unit, one of an integration list the
applications at both ends (`columns.Layout`); a row repeating the header, a heading merged
across the sheet, or a row without either cell is skipped. Cells of known columns become the
row's values; every other non-empty cell is kept as a property under its header, so nothing
the inventory says is lost. A cell a spreadsheet would read as a formula (starting with `=`
or `@`, or with `+` or `-` when it is no number like '-5' or '+62 21 555') stays text, and the
report says so. A line break in a name or a unit is read as a space, and noted.

A cell that stands for no value is empty: an Excel error (#N/A, #REF!, ...), a placeholder
('-', 'N/A', 'tidak ada', '?') or a formula with no saved value; the report names it where it
costs the row its name or unit, and always for an error or a formula. A row holding nothing
but a running number (an unfilled template row) is blank, counted in one line; the column
numbers 1, 2, 3, ... right under the header are no application either. A row equal to an
earlier one in every cell but the number and the id is imported and noted.
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ...io.unit_names import normal_words
from ...model.i18n import gettext as _
from ...model.i18n import plural
from ...model.words import NO_VALUE
from .columns import INVENTORY, Column, Layout
from .report import RowNote, SheetReport
from .table import Table
from .values import ARROW_CELLS

__all__ = ["EXCEL_ERRORS", "NO_VALUE", "Row", "Seen", "data_rows"]


EXCEL_ERRORS = frozenset({
    "#n/a", "#ref!", "#value!", "#div/0!", "#name?", "#null!", "#num!", "#spill!", "#calc!",
    "#getting_data",
})
"""Excel's error values (case aside), as a workbook or its CSV export holds them."""
_SPELLINGS = frozenset(
    spelt for text in NO_VALUE | EXCEL_ERRORS
    for spelt in (text, text.upper(), text.capitalize(), text.title())
)
"""The cells above as they are written ('N/A', 'Tidak Ada', '#REF!'): one lookup a cell."""
_COUNT = re.compile(r"\(?([0-9]{1,3})\)?")

@dataclass(frozen=True, slots=True)
class Row:
    """A data row that names an application and its unit (of an integration list: the
    applications at its two ends, in `name` and `unit`, as in `values`)."""

    number: int
    name: str
    unit: str
    values: dict[Column, str]
    properties: dict[str, str]
    same_as: int | None = None
    """An earlier row this one equals in every cell but the number and the id."""
    id_differs: str | None = None
    """The header of the id column, when the row equals `same_as` but for its id."""
    missing: RowNote | None = None
    """Of a layout whose rows may lack the second column (`Layout.alone`): why the row's cell
    there is empty, as the report would say when it skips the row."""
    blanked: dict[Column, str] | None = None
    """Cells of known columns read as empty, and what they held ('Tidak ada'): a mechanism
    cell saying 'tidak ada' says there is no integration."""


class Seen:
    """Rows as they stream, empty ones left out and the others counted (an empty file).

    The empty rows followed by a non-empty one are listed in `empty`: those below the header
    are accounted for in the report; those after the last row are the sheet's end.
    """

    def __init__(self, rows: Iterator[tuple[int, list[str]]]) -> None:
        self._rows = rows
        self.non_empty = 0
        self.empty: list[int] = []

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        pending: list[int] = []
        for number, cells in self._rows:
            if any(cells):
                self.non_empty += 1
                if pending:
                    self.empty.extend(pending)
                    pending.clear()
                yield number, cells
            else:
                pending.append(number)


def data_rows(
    rows: Iterable[tuple[int, list[str]]],
    columns: dict[int, Column],
    header: list[str],
    table: Table,
    report: SheetReport,
    *,
    layout: Layout = INVENTORY,
) -> Iterator[Row]:
    """Data rows as `Row`; skipped rows and remarks go into `report`."""
    unmapped = _unmapped(columns, header, report, layout)
    says = layout.says
    name_at = next(i for i, c in columns.items() if c is layout.first)
    unit_at = next(i for i, c in columns.items() if c is layout.second)
    number_at = next((i for i, c in columns.items() if c is Column.number), None)
    id_at = next((i for i, c in columns.items() if c is Column.id), None)
    ignored = {i for i in (number_at, id_at) if i is not None}
    header_name, header_unit = normal_words(header[name_at]), normal_words(header[unit_at])
    first = True
    earlier: dict[tuple[str, ...], tuple[int, str]] = {}  # cells but number and id -> row, id
    footer: list[tuple[RowNote, str]] = []  # rows naming nothing since the last application
    signed = False  # the footer holds a signature block
    imported = False
    above: tuple[int, str] | None = None  # the row naming the unit of the rows under it
    run = 0  # the last row of that run: a row naming its unit, then those under it without
    for number, cells in rows:
        emptied = _no_values(cells)
        unsaved = table.unsaved.get(number, set())
        if first and _column_numbers(cells):
            shown = ", ".join([cell for cell in cells if cell][:3]) + ", ..."
            report.notes.append(RowNote(number, _(says.numbers).format(numbers=shown)))
            first = False
            continue
        first = False
        filled = len(cells) - cells.count("")
        if not filled or (
            filled == 1 and number_at is not None and _at(cells, number_at).rstrip(".").isdigit()
        ):
            report.blank.append(number)
            continue
        if total := _total(cells):
            report.notes.append(RowNote(number, _(says.total).format(total=_short(total))))
            continue
        report.rows += 1
        values = {col: cells[i] for i, col in columns.items() if i < len(cells) and cells[i]}
        name, unit = values.get(layout.first, ""), values.get(layout.second, "")
        partial = not (name and unit)
        # a signature block ('Kepala Dinas ...', 'NIP. 1970...') may stand in any column
        signed_here = bool((footer or partial) and imported and (signed or _signature(cells)))
        footer_like = partial and _footer_like(cells, columns, number_at, emptied, unsaved,
                                               signed=signed_here)
        if footer and not (footer_like and (signed_here or not (name or unit))):
            report.skipped += [note for note, _text in footer]  # within the table: skipped
            footer.clear()
            signed = False
        # units repeat (their normal forms are cached), names mostly do not: unit first
        if normal_words(unit) == header_unit and normal_words(name).startswith(header_name):
            report.skipped.append(RowNote(number, _("repeats the header row")))
            continue
        if number in table.broken:
            report.skipped.append(RowNote(number, table.broken[number]))
            continue
        if number in table.headings:
            heading = next(cell for cell in cells if cell)
            note = RowNote(number, _(says.heading).format(heading=_short(heading)))
            if imported:  # a heading of the rows to come, or a note under the last one
                footer.append((note, heading))
            else:
                report.skipped.append(note)
            continue
        if not name:
            note = RowNote(number, _(says.no_first).format(
                why=_why_empty(header[name_at], name_at, emptied, unsaved)))
            if imported and footer_like and (signed_here or not unit):
                footer.append((note, next(cell for cell in cells if cell)))
                signed = signed_here
            else:
                report.skipped.append(note)
            continue
        missing = None
        if not unit:
            why = _why_empty(header[unit_at], unit_at, emptied, unsaved)
            if above is not None and number == run + 1 and layout is INVENTORY and (
                    unit_at not in emptied and unit_at not in unsaved):  # written once, by eye
                run = number
                why += _("; row {row} above names '{unit}': merge its cell down over these "
                         "rows, or write the unit in each").format(row=above[0], unit=above[1])
            note = RowNote(number, _(says.no_second).format(name=_short(name, 60), why=why))
            if imported and footer_like and signed_here:
                footer.append((note, next(cell for cell in cells if cell)))
                signed = True
                continue
            if not layout.alone:
                report.skipped.append(note)
                continue
            missing = note  # the caller judges: an application with no partner, say
        for col, index in ((layout.first, name_at), (layout.second, unit_at)):
            text = values.get(col, "")
            if layout.one_name_per_cell and ("\n" in text or "\r" in text):
                values[col] = " ".join(text.split())
                report.notes.append(RowNote(number, _(
                    "'{column}' holds a line break; read as one line: '{text}'"
                ).format(column=header[index], text=values[col])))
        name, unit = values[layout.first], values.get(layout.second, "")
        if unit:
            above, run = (number, unit), number
        if unsaved or emptied:
            errors = {i for i, text in emptied.items() if text.casefold() in EXCEL_ERRORS}
            for index in sorted((unsaved | errors) - {number_at, name_at, unit_at}):
                report.notes.append(RowNote(number, _("{why}; read as empty").format(
                    why=_why_empty(_column(header, index), index, emptied, unsaved))))
        properties = {}
        for index, cell in enumerate(cells):
            if cell and index not in columns:
                key = unmapped.get(index)
                if key is None:
                    key = _extra_column(index, report)
                    report.notes.append(RowNote(number, _(
                        "a cell in column {column}, which has no header: '{text}' kept as "
                        "properties.{key} (a separator inside a cell shifts the cells after it)"
                    ).format(column=index + 1, text=_short(cell), key=key)))
                properties[key] = cell
        for index, cell in enumerate(cells):
            if cell and cell[0] in _FORMULA_SIGNS and _formula(cell):
                report.notes.append(RowNote(number, _(
                    "'{column}' holds '{text}', a formula written as text; kept as text, never "
                    "evaluated"
                ).format(column=_column(header, index), text=_short(cell))))
        if number in table.hidden:
            report.notes.append(RowNote(number, _("hidden in the sheet; imported as the others")))
        key = tuple("" if i in ignored else cell for i, cell in enumerate(cells))
        own_id = _at(cells, id_at) if id_at is not None else ""
        same, same_id = earlier.setdefault(key, (number, own_id))
        imported = True
        blanked = {columns[i]: text for i, text in emptied.items() if i in columns} or None
        if same == number:
            yield Row(number, name, unit, values, properties, blanked=blanked, missing=missing)
        else:  # ids differ only where there is an id column
            yield Row(number, name, unit, values, properties, same,
                      header[id_at] if same_id != own_id else None, blanked=blanked,
                      missing=missing)
    if footer:  # below the last application, naming none: the sheet's footer
        report.rows -= len(footer)
        report.notes.append(RowNote(footer[0][0].row, plural(
            len(footer), says.footer, says.footers) + _(" ({rows}: '{text}')").format(
                rows=", ".join(str(note.row) for note, _text in footer),
                text=_short(footer[0][1]))))


def _footer_like(cells: list[str], columns: dict[int, Column], number_at: int | None,
                 emptied: dict[int, str], unsaved: set[int], *, signed: bool = False) -> bool:
    """True for a row that may be the sheet's footer (place and date, a signature, a remark):
    one or two cells of text, none in a column the import reads but the number column (in a
    signature block, `signed`, any column), no running number, and no cell a '-' or a formula
    without value made empty (a row of the table that lost its name)."""
    filled = [i for i, cell in enumerate(cells) if cell]
    numbered = number_at is not None and _at(cells, number_at).rstrip(".").isdigit()
    return len(filled) <= 2 and not numbered and not emptied and not unsaved and (
        signed or all(i not in columns or i == number_at for i in filled))


_SIGNATURE = re.compile(
    r"(mengetahui|menyetujui|diketahui|disetujui|dibuat oleh|disusun oleh|yang membuat"
    r"|\(?ttd\.?\)?|tanda tangan)\b.*"
    r"|nip\.?\s*[:.]?\s*\d[\d ]*"
    r"|(kepala|sekretaris|plt\.?|plh\.?|pj\.?|a\.?n\.?)\s.*"
    r"|(pembina|penata|pengatur|juru)\b.*"
    r"|[^\W\d_][\w .'-]*,\s*\d{1,2}\s+[^\W\d_]+\s+\d{4}",
    re.IGNORECASE,
)
"""A cell of a signature block: 'Mengetahui,', '(ttd)', 'NIP. 19700101 199003 1 001',
'Kepala Dinas Kominfo', 'Plt. Kepala Bidang', 'a.n. Bupati', 'Pembina Tk. I', and the place
and date above it ('Sukamaju, 12 Maret 2025')."""


def _signature(cells: list[str]) -> bool:
    """True when a cell of the row is one of a signature block (`_SIGNATURE`).

    >>> [_signature([t]) for t in ("Mengetahui,", "NIP. 19700101 199003 1 001",
    ...     "Kepala Dinas Kominfo", "Sukamaju, 12 Maret 2025", "Pembina Tk. I", "SIMPUS")]
    [True, True, True, True, True, False]
    """
    return any(cell and _SIGNATURE.fullmatch(cell.strip()) for cell in cells)


_FORMULA_SIGNS = frozenset("=@+-")
_NUMBER = re.compile(r"[+-][\d\s.,()/%-]*\d[\d\s.,()/%-]*")
"""'-5', '+62 21 555-1234', '-12.500,50', '-2,5%': a number or a telephone number."""
_ITEM = re.compile(r"[+-]\s+[^\W\d_][^(]*")
"""'- modul A': a list item (without a function call)."""


def _formula(text: str) -> bool:
    """True for a cell a spreadsheet reads as a formula when it opens the file: one starting
    with '=' or '@', or with '+' or '-' when it is no number and no list item.

    An arrow alone ('->', '=>') is a direction (`values.ARROW_CELLS`), not a formula.

    >>> [_formula(t) for t in ("=1+1", "@SUM(1+1)", "+cmd|' /C calc'!A0", "-2+A1", "-5",
    ...                        "+62 21 555-1234", "- modul A", "-", "SUM(1)", "->")]
    [True, True, True, True, False, False, False, False, False, False]
    """
    if len(text) < 2 or text[0] not in _FORMULA_SIGNS or text in ARROW_CELLS:
        return False
    if text[0] in "=@":
        return True
    return not (_NUMBER.fullmatch(text) or _ITEM.fullmatch(text))


def _no_values(cells: list[str]) -> dict[int, str]:
    """Empty the cells that stand for no value; return index -> the text each held."""
    if _SPELLINGS.isdisjoint(cells):
        return {}
    emptied = {index: cell for index, cell in enumerate(cells) if cell in _SPELLINGS}
    for index in emptied:
        cells[index] = ""
    return emptied


def _column_numbers(cells: list[str]) -> bool:
    """True for a row numbering the columns: 1, 2, 3, ... (or (1), (2), ...) from the first."""
    filled = [i for i, cell in enumerate(cells) if cell]
    if len(filled) < 2 or filled != list(range(filled[0], filled[0] + len(filled))):
        return False
    numbers = [_COUNT.fullmatch(cells[i]) for i in filled]
    return all(m and int(m[1]) == n for n, m in enumerate(numbers, start=1))


_AMOUNT = re.compile(r"(rp\.? ?)?[\d.,]+( [^\W\d_]+)?", re.IGNORECASE)
"""What the other cells of a total row hold: '12', '5 aplikasi', 'Rp 1.000.000'."""
_TOTAL = re.compile(
    r"(jumlah|total|grand total|sub ?total)( aplikasi| keseluruhan| seluruhnya| total)?"
    r"( (rp )?[\d ]+( [a-z]+)?)?"
)
"""What the first cell of a total row says, in normal form: 'Jumlah', 'TOTAL', 'Jumlah
Aplikasi', 'Jumlah Total', 'TOTAL 5 aplikasi' (its count in the same cell)."""


def _total(cells: list[str]) -> str | None:
    """The row's text when it totals the table ('Jumlah', '12 aplikasi'): a first cell saying
    so and nothing but amounts after it (its own words again where it was merged across
    columns: 'JUMLAH' over No and Nama Aplikasi fills both). An application named 'Total
    Quality' has a unit."""
    filled = [cell.strip() for cell in cells if cell.strip()]
    if not filled or not _TOTAL.fullmatch(normal_words(filled[0])):
        return None
    rest = [cell for cell in filled[1:] if cell != filled[0]]
    if all(_AMOUNT.fullmatch(cell) for cell in rest):
        return " ".join([filled[0], *rest])
    return None


def _why_empty(column: str, index: int, emptied: dict[int, str], unsaved: set[int]) -> str:
    """Why the cell of `column` is empty: a formula, an Excel error, a placeholder, nothing."""
    if index in unsaved:
        return _(
            "column '{column}' holds a formula with no saved value: open and save the file in "
            "Excel"
        ).format(column=column)
    text = emptied.get(index)
    if text is None:
        return _("column '{column}' is empty").format(column=column)
    if text.casefold() in EXCEL_ERRORS:
        return _("column '{column}' holds '{text}', an Excel error").format(
            column=column, text=text)
    return _("column '{column}' holds '{text}', which stands for no value").format(
        column=column, text=text)


def _at(cells: list[str], index: int) -> str:
    return cells[index] if index < len(cells) else ""


def _column(header: list[str], index: int) -> str:
    text = header[index] if index < len(header) else ""
    return text or _("(no header, column {number})").format(number=index + 1)


def _unmapped(columns, header, report: SheetReport, layout: Layout) -> dict[int, str]:
    """Index -> property key for header cells that name no known column."""
    keys: dict[int, str] = {}
    used = set(layout.kept.values()) | {"status", "kind", "category", "ref", "integrations", "id"}
    for index, text in enumerate(header):
        if index in columns or not text:
            continue
        key = "_".join(normal_words(text).split())[:60] or f"column_{index + 1}"
        base, n = key, 1
        while key in used:
            n += 1
            key = f"{base}_{n}"
        used.add(key)
        keys[index] = key
        report.properties[key] = text
    for index, column in columns.items():
        if column in layout.kept:
            report.properties[layout.kept[column]] = header[index]
    return keys


def _extra_column(index: int, report: SheetReport) -> str:
    key = f"column_{index + 1}"
    report.properties.setdefault(key, _("(no header, column {number})").format(number=index + 1))
    return key


def _short(text: str, limit: int = 40) -> str:
    """`text` on one line, cut at `limit` characters."""
    text = text.replace("\r\n", "\n").replace("\n", "\\n")
    return text if len(text) <= limit else text[: limit - 3] + "..."
