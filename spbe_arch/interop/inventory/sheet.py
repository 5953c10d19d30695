"""One list read from a spreadsheet: the header row found, the data rows below it read.

Both an application inventory and an integration list are read this way (`columns.Layout`
says what each holds); what their rows become is `convert`'s and `integration_list`'s.
"""

from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import TypeVar

from ...io import SpbeError
from ...io.unit_names import normal_words
from ...model.i18n import gettext as _
from .columns import (
    Column,
    Layout,
    Mapping,
    column_of,
    find_header,
    load_mapping,
    near_miss,
    sub_header,
)
from .report import RowNote, SheetReport
from .rows import Row, Seen, data_rows
from .table import open_table

__all__ = ["kept", "read_list"]

Report = TypeVar("Report", bound=SheetReport)


def read_list(
    path: Path, *, sheet: str | None, mapping: Path | None, layout: Layout,
    kind: type[Report], above: list[tuple[int, list[str]]] | None = None,
) -> tuple[list[Row], Report]:
    """The data rows of the list at `path`, and the report (of `kind`) of how they were read
    (skipped rows, remarks). `above` receives the rows down to the header (its title rows).

    Raises
    ------
    SpbeError
        Nothing can be read: the file is unreadable, empty, has no header row, lacks one of
        the layout's two needed columns, or has no data rows.
    """
    columns_map = load_mapping(mapping, layout)
    table = open_table(path, sheet=sheet, option=layout.sheet_option)
    report = kind(
        source=str(path), sheet=table.sheet, encoding=table.encoding, delimiter=table.delimiter
    )
    report.other_sheets = [s for s in table.sheets if s != table.sheet]
    report.hidden_sheets = table.hidden_sheets
    seen = Seen(table.rows)
    header = find_header(kept(seen, [] if above is None else above), columns_map,
                         layout=layout)
    if header is None and columns_map.header_row is not None and seen.non_empty:
        raise SpbeError(_(
            "{path}: header_row {row} of the mapping {mapping} is no row holding a header "
            "(past the end, or empty); give the row number of the header as the spreadsheet "
            "shows it"
        ).format(path=path, row=columns_map.header_row, mapping=mapping))
    if header is None:
        raise SpbeError(_no_header(path, seen, table.sheet, table.sheets, layout))
    number, columns, cells = header
    report.header_row = number
    below = iter(seen)
    following = next(below, None)
    joined = following and layout.first in columns.values() and sub_header(
        cells, following[1], columns, columns_map, layout=layout)
    if joined:
        columns, cells = joined
        report.subheader_row = following[0]
    elif following is not None:
        below = chain([following], below)
    cells = [" ".join(cell.split()) for cell in cells]  # 'Nama\nAplikasi' on one line
    report.columns = {str(col): cells[i] for i, col in sorted(columns.items(), key=_by_column)}
    report.notes += _mapping_unused(mapping, columns_map, report.columns, number, layout)
    for column, says in ((layout.first, layout.says.no_first_column),
                         (layout.second, layout.says.no_second_column)):
        if column not in columns.values():  # the second, or the first with a header_row
            others = [s for s in table.sheets if s != table.sheet]
            its_header = "<" + _("its header") + ">"
            said = _(says)
            close = near_miss(cells, columns, column, columns_map, layout)
            if close is not None:
                said += "; " + _("'{cell}' may be it, misspelt").format(cell=close[0])
                its_header = close[0]
            raise SpbeError(f"{path}:{number}: " + said + (_(
                " (in sheet '{sheet}'; other sheets: {sheets})").format(
                    sheet=table.sheet, sheets=", ".join(others)) if others else "")
                + "\n    " + (_(
                    "hint: read another sheet with {sheet_option} NAME, or name the column in "
                    "a {option} file: {example}") if others else _(
                    "hint: name the column in a {option} file: {example}")).format(
                    sheet_option=layout.sheet_option, option=layout.option,
                    example=f"columns: {{{column}: {its_header}}}"))
    report.notes += _misspelt(cells, columns, columns_map, number, layout)
    rows = list(data_rows(below, columns, cells, table, report, layout=layout))
    report.empty = [row for row in seen.empty if row > (report.subheader_row or number)]
    report.notes[:0] = sorted(table.notes, key=lambda note: note.row)
    if not rows and report.skipped:
        first = report.skipped[0]
        raise SpbeError(_(
            "{path}:{line}: no row below the header (row {header}) can be imported; "
            "the first: {reason} ({count} rows skipped)"
        ).format(path=report.at, line=first.row, header=number, reason=first.message,
                 count=len(report.skipped)))
    if not rows:
        raise SpbeError(f"{path}: " + _(layout.says.no_rows).format(header=number))
    return rows, report


def kept(rows: Iterable[tuple[int, list[str]]], into: list[tuple[int, list[str]]]
         ) -> Iterator[tuple[int, list[str]]]:
    """`rows`, each also kept in `into` (the rows down to the header: its title above it)."""
    for row in rows:
        into.append(row)
        yield row


def _misspelt(cells: list[str], columns: dict[int, Column], mapping: Mapping, row: int,
              layout: Layout) -> list[RowNote]:
    """A note for each header cell not read as a column that is a known header misspelt
    ('Lokasi Sever'): its cells are only kept as properties, what it says is not read."""
    notes = []
    for column in sorted(set(mapping.headers(layout=layout).values()) - set(columns.values()),
                         key=str):
        close = near_miss(cells, columns, column, mapping, layout)
        if close is not None:
            notes.append(RowNote(row, _(
                "column '{cell}' is kept as properties only: if it is '{known}' misspelt, name "
                "it in a {option} file (columns: {{{column}: {cell}}}) and import again"
            ).format(cell=close[0], known=close[1], option=layout.option, column=column)))
    return notes


def _mapping_unused(path: Path | None, mapping: Mapping, read: dict[str, str],
                    header: int, layout: Layout) -> list[RowNote]:
    """A note for each column of the `--mapping` file (of those the layout has) not read from
    the header it names (a header the file does not have, or misspelt): the default header
    read instead, if any."""
    notes = []
    for column, given in mapping.columns.items():
        if column not in layout.headers:
            continue
        named = [given] if isinstance(given, str) else given
        found = read.get(str(column))
        if found is not None and _read_from(found, column, named):
            continue
        notes.append(RowNote(header, _(
            "{mapping}: {column}: {headers} is no header of this file; {instead}").format(
                mapping=path, column=column, headers=" / ".join(f"'{h}'" for h in named),
                instead=_("'{header}' read as {column}").format(header=found, column=column)
                if found is not None else _("no {column} column read").format(column=column))))
    return notes


def _read_from(header: str, column: Column, named: list[str]) -> bool:
    """True when `column`, read under `header` ('Pengelola / Perangkat', 'Nama Sistem
    Informasi'), is read from a mapping header of `named` as the header row is read
    (`column_of`): the whole header or a row of a two-row header, or its start."""
    known = {normal_words(name): column for name in named}
    return any(column_of(normal_words(part), known, list(known.items())) is column
               for part in (header, *header.split(" / ")))


def _by_column(item: tuple[int, Column]) -> int:
    return list(Column).index(item[1])


def _no_header(path: Path, seen: Seen, sheet: str | None, sheets: list[str],
               layout: Layout) -> str:
    where = _("sheet '{sheet}' of {path}").format(sheet=sheet, path=path) if sheet else str(path)
    if seen.non_empty == 0:
        return _("{where}: empty: no rows to import").format(where=where)
    others = [s for s in sheets if s != sheet]
    also = ""
    if others:
        also = _("; other sheets: {sheets} ({option})").format(sheets=", ".join(others),
                                                               option=layout.sheet_option)
    return _(layout.says.no_header).format(
        where=where, known=layout.example, also=also, example=layout.mapping_example,
        option=layout.option)
