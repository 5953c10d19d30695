"""Rows of a spreadsheet as text, streamed: CSV (any usual encoding and separator) or XLSX.

Spreadsheets come as Excel, LibreOffice and Google Sheets export them: comma, semicolon or
tab separated, UTF-8 with or without BOM, UTF-16 or Windows-1252 (or UTF-8 with a few lines
pasted in Windows-1252: those lines are read so and named); workbooks with title rows, merged
cells, hidden sheets and hidden rows. A workbook is read from its active sheet (the one Excel
opens on), or the first visible one. Every cell comes out as stripped text; a merged cell's
value holds for every cell it covers; a workbook number in full (15 significant digits, a
decimal point), or as a percentage where the cell's format shows one ('75.5%'), never rounded
to the decimals a format shows. A CSV row is numbered by the line it starts on, as an editor
shows it. Nothing is evaluated: a CSV cell starting with `=` is text, and a workbook formula
gives the value Excel cached when it saved the file; a formula saved without one (a file
written by a program, never opened in Excel) is an empty cell, marked in `Table.unsaved`.
What the reading itself must tell about a row (a quote running over line ends, a line not in
UTF-8) is in `Table.notes`.
"""

import codecs
import csv
import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from ...io import SpbeError
from ...model.i18n import gettext as _
from .report import RowNote

__all__ = ["MAX_CSV", "MAX_ROWS", "MAX_SHARED_STRINGS", "MAX_UNCOMPRESSED", "Table",
           "open_table"]

MAX_ROWS = 200_000
"""Rows read at most: an inventory is one instansi's applications, not a database dump."""

MAX_UNCOMPRESSED = 256 * 1024**2
"""Bytes a workbook may declare once unpacked; a 100,000-row inventory takes about 60 MB."""

MAX_SHARED_STRINGS = 64 * 1024**2
"""Bytes of its shared-strings table, which openpyxl reads whole into memory (rows stream)."""

MAX_CSV = MAX_UNCOMPRESSED
"""Bytes a CSV may hold: as much as a workbook unpacked (its rows are kept as they are read)."""

_SAMPLE = 64 * 1024


@dataclass
class Table:
    """One sheet of a spreadsheet: what was read and how, and its rows as (number, cells)."""

    path: Path
    rows: Iterator[tuple[int, list[str]]]
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    hidden_sheets: list[str] = field(default_factory=list)
    headings: set[int] = field(default_factory=set)
    """Rows read so far that are one merged cell across (titles, section headings)."""
    hidden: set[int] = field(default_factory=set)
    """Rows read so far that are hidden in the sheet."""
    unsaved: dict[int, set[int]] = field(default_factory=dict)
    """Row -> indexes of its formula cells that have no saved value (read as empty)."""
    notes: list[RowNote] = field(default_factory=list)
    """Remarks of the reading on rows read so far."""
    broken: dict[int, str] = field(default_factory=dict)
    """Rows an unclosed quote ran on into the following lines -> why: skipped, never imported
    with other rows inside one of their cells."""


def open_table(path: Path, *, sheet: str | None = None, option: str = "--sheet") -> Table:
    """Open `path` (.csv/.txt or .xlsx/.xlsm) for streaming its rows; `option` gave `sheet`.

    Raises
    ------
    SpbeError
        The file is missing, unreadable, not what its suffix says, or too large.
    """
    if path.is_dir():
        raise SpbeError(_("{path}: a folder; give the inventory file in it (.csv or .xlsx)")
                        .format(path=path))
    if not path.is_file():
        raise SpbeError(_("{path}: no such file").format(path=path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _open_xlsx(path, sheet)
    if suffix in (".csv", ".txt", ".tsv"):
        if sheet is not None:
            raise SpbeError(_("{path}: {option} is for workbooks (.xlsx); a CSV file has one "
                              "table").format(path=path, option=option))
        return _open_csv(path)
    if suffix in (".xls", ".ods"):
        raise SpbeError(_("{path}: unsupported file type '{suffix}'; save it as .xlsx or .csv")
                        .format(path=path, suffix=path.suffix))
    raise SpbeError(_("{path}: unsupported file type '{suffix}'; give a .csv or .xlsx file")
                    .format(path=path, suffix=path.suffix))


def _open_csv(path: Path) -> Table:
    size = path.stat().st_size
    if size > MAX_CSV:
        raise SpbeError(_(
            "{path}: {size} MiB, more than the {limit} MiB an inventory needs (a 100,000-row "
            "inventory takes about 60 MB); refused before reading: split it, or remove the "
            "columns the model does not need"
        ).format(path=path, size=f"{size / 1024**2:.0f}", limit=MAX_CSV // 1024**2))
    encoding, foreign = _csv_encoding(path)
    errors = _FALLBACK if foreign else "strict"
    with path.open(encoding=encoding, errors=errors, newline="") as handle:
        sample = handle.read(_SAMPLE)
    delimiter = _delimiter(sample)
    table = Table(path, iter(()), encoding, delimiter)
    table.notes.extend(RowNote(line, _(
        "line {line} is not UTF-8 like the rest of the file; read as Windows-1252 (check its "
        "accented letters)"
    ).format(line=line)) for line in foreign)
    table.rows = _csv_rows(path, encoding, errors, delimiter, table.broken)
    return table


def _csv_encoding(path: Path) -> tuple[str, list[int]]:
    """UTF-16 with its BOM (Excel's "Unicode text"), or UTF-32 with its; UTF-8 (BOM or not)
    when every byte decodes so; else Windows-1252; and the lines read in Windows-1252 inside a
    UTF-8 file. Read in chunks."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    try:
        with path.open("rb") as handle:
            start = handle.read(4)
            if start in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE):  # before UTF-16's: FF FE
                return _wide(path, "utf-32"), []
            if start[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
                return _wide(path, "utf-16"), []
            handle.seek(0)
            while chunk := handle.read(1024**2):
                nul = chunk.find(b"\x00")
                if nul >= 0:
                    raise SpbeError(_(
                        "{path}: binary data (a NUL byte at offset {offset}), not CSV text; "
                        "export the sheet as CSV or give the .xlsx"
                    ).format(path=path, offset=offset + nul))
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    return _mixed(path)
                offset += len(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return _mixed(path)
    except OSError as exc:
        raise SpbeError(_("{path}: cannot read ({reason})").format(
            path=path, reason=exc.strerror)) from None
    return "utf-8-sig", []


def _mixed(path: Path) -> tuple[str, list[int]]:
    """UTF-8 with some lines in Windows-1252 (pasted from another file), when other lines
    have UTF-8 letters beyond ASCII; else the whole file in Windows-1252."""
    foreign: list[tuple[int, int, bytes]] = []  # line number, offset, line
    utf8 = False
    offset = 0
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.isascii():
                try:
                    line.decode("utf-8")
                    utf8 = True
                except UnicodeDecodeError:
                    foreign.append((number, offset, line))
            offset += len(line)
    if not utf8:
        return _cp1252(path), []
    for _number, start, line in foreign:
        try:
            line.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise _not_text(path, line[exc.start], start + exc.start) from None
    return "utf-8-sig", [number for number, _start, _line in foreign]


def _read_as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not UTF-8, read as Windows-1252."""
    assert isinstance(exc, UnicodeDecodeError)
    return exc.object[exc.start:exc.end].decode("cp1252", errors="replace"), exc.end


_FALLBACK = "spbe-arch-cp1252"
codecs.register_error(_FALLBACK, _read_as_cp1252)


def _not_text(path: Path, byte: int, offset: int) -> SpbeError:
    return SpbeError(_(
        "{path}: neither UTF-8 nor Windows-1252 text (byte 0x{byte} at offset {offset}); save "
        "it as CSV UTF-8"
    ).format(path=path, byte=f"{byte:02x}", offset=offset))


def _wide(path: Path, encoding: str) -> str:
    """`encoding` (UTF-16 or UTF-32, told by the file's BOM) when the whole file decodes."""
    decoder = codecs.getincrementaldecoder(encoding)()
    with path.open("rb") as handle:
        while chunk := handle.read(1024**2):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                raise SpbeError(_("{path}: damaged {encoding} text; save it as CSV UTF-8").format(
                    path=path, encoding=encoding.upper())) from None
    return encoding


def _cp1252(path: Path) -> str:
    """Windows-1252 if it decodes the whole file (five byte values are undefined in it)."""
    decoder = codecs.getincrementaldecoder("cp1252")()
    offset = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1024**2):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                raise _not_text(path, chunk[exc.start], offset + exc.start) from None
            offset += len(chunk)
    return "cp1252"


def _delimiter(sample: str) -> str:
    """The separator among , ; tab | that splits most rows of `sample` into one same width.

    csv.Sniffer is misled by a separator inside a quoted cell ('=HYPERLINK("a","b")');
    counting the rows each candidate splits alike is not: a title row or two do not outvote
    the table below them.
    """

    def score(delimiter: str) -> tuple[int, int]:
        widths: Counter[int] = Counter()
        try:
            for row in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter):
                if len(row) > 1:
                    widths[len(row)] += 1
        except csv.Error:  # counted so far; reading the rows reports the damaged one
            pass
        return max(((n, width) for width, n in widths.items()), default=(0, 0))

    return max(",;\t|", key=score)


def _csv_rows(
    path: Path, encoding: str, errors: str, delimiter: str, broken: dict[int, str]
) -> Iterator[tuple[int, list[str]]]:
    """Records numbered by the line each starts on, as an editor shows it: a cell written on
    two lines does not shift the numbers of the rows below."""
    with path.open(encoding=encoding, errors=errors, newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        count = width = 0
        while True:
            first = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise SpbeError(_("{path}:{line}: cannot read the row ({reason})").format(
                    path=path, line=reader.line_num, reason=exc)) from None
            count += 1
            _check_count(path, count)
            if reader.line_num > first and _swallows_lines(cells, delimiter, width):
                broken[first] = _(
                    "lines {first}-{last} of the file were read as this one row: a quote (\") "
                    "opens a cell and is not closed where its line ends; close it and import "
                    "again"
                ).format(first=first, last=reader.line_num)
            width = max(width, len(cells))
            yield first, [cell.strip() for cell in cells]


def _swallows_lines(cells: list[str], delimiter: str, width: int) -> bool:
    """True when a cell runs over a line end into text that reads as a whole row (as many
    cells as the rows above): an unclosed quote, not a cell written on two lines."""
    return any(
        line.count(delimiter) >= max(width - 1, 1)
        for cell in cells if "\n" in cell or "\r" in cell
        for line in cell.splitlines()[1:]
    )


def _check_count(path: Path, number: int) -> None:
    if number > MAX_ROWS:
        raise SpbeError(_(
            "{path}: row {row}: more than {limit} rows; split the inventory into several files"
        ).format(path=path, row=number, limit=f"{MAX_ROWS:,}"))


# --- XLSX ---------------------------------------------------------------------------------

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _open_xlsx(path: Path, sheet: str | None) -> Table:
    _check_workbook_archive(path)
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises many types for a damaged workbook
        raise SpbeError(_("{path}: not a readable xlsx workbook ({reason})").format(
            path=path, reason=exc)) from None
    names = workbook.sheetnames
    if not workbook.worksheets:
        workbook.close()
        raise SpbeError(_("{path}: the workbook has no worksheet").format(path=path))
    hidden = [ws.title for ws in workbook.worksheets if ws.sheet_state != "visible"]
    if sheet is None:
        visible = [ws for ws in workbook.worksheets if ws.title not in hidden]
        chosen = workbook.active if workbook.active in visible else (
            visible or workbook.worksheets)[0]
    elif sheet in names:
        chosen = workbook[sheet]
    else:
        workbook.close()
        raise SpbeError(_("{path}: no sheet '{sheet}'; sheets: {sheets}").format(
            path=path, sheet=sheet, sheets=", ".join(names)))
    try:
        merges = _merged_ranges(workbook, chosen)
    except Exception as exc:  # zipfile and zlib raise many types for a damaged member
        workbook.close()
        raise SpbeError(_("{path}: cannot read the sheet '{sheet}' ({reason})").format(
            path=path, sheet=chosen.title, reason=exc)) from None
    table = Table(path, iter(()), sheet=chosen.title, sheets=names, hidden_sheets=hidden)
    table.rows = _xlsx_rows(path, workbook, chosen, merges, table)
    return table


def _check_workbook_archive(path: Path) -> None:
    """Refuse what is not an xlsx archive, or one that unpacks to more than MAX_UNCOMPRESSED.

    A zip member is never read past the size its header declares (zipfile stops there), so
    bounding the declared sizes bounds what openpyxl can unpack: a zip bomb stops here.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise SpbeError(_("{path}: cannot read ({reason})").format(
            path=path, reason=exc.strerror)) from None
    if head.startswith(_OLE2):
        raise SpbeError(_(
            "{path}: a password-protected workbook or an Excel 97-2003 (.xls) one; save it as "
            ".xlsx without a password, or export it as CSV"
        ).format(path=path))
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except Exception:  # BadZipFile, NotImplementedError (an unknown zip version), OSError, ...
        if head.startswith(b"PK\x03\x04"):
            raise SpbeError(_(
                "{path}: a damaged or truncated xlsx workbook (its zip archive is incomplete); "
                "save it again from the spreadsheet program, or export it as CSV"
            ).format(path=path)) from None
        raise SpbeError(_(
            "{path}: not an xlsx workbook (not a zip archive); save it from the spreadsheet "
            "program as .xlsx, or export it as CSV"
        ).format(path=path)) from None
    names = {member.filename for member in members}
    if "xl/workbook.xml" not in names:
        raise SpbeError(_("{path}: a zip archive but not an xlsx workbook (no xl/workbook.xml)")
                        .format(path=path))
    declared = sum(member.file_size for member in members)
    strings = sum(m.file_size for m in members if m.filename.endswith("sharedStrings.xml"))
    if strings > MAX_SHARED_STRINGS:
        raise SpbeError(_(
            "{path}: its shared strings unpack to {size} MiB, more than the {limit} MiB an "
            "inventory needs; export the sheet as CSV"
        ).format(path=path, size=f"{strings / 1024**2:,.0f}", limit=MAX_SHARED_STRINGS // 1024**2))
    if declared > MAX_UNCOMPRESSED:
        raise SpbeError(_(
            "{path}: unpacks to {size} MiB, more than the {limit} MiB an inventory needs (a "
            "zip bomb?); export the sheet as CSV"
        ).format(path=path, size=f"{declared / 1024**2:,.0f}", limit=MAX_UNCOMPRESSED // 1024**2))


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _merged_ranges(workbook, worksheet) -> list[tuple[int, int, int, int]]:
    """(min_row, min_col, max_row, max_col) of each merged range of the sheet.

    The read-only reader streams rows and does not report merges, which the sheet's XML lists
    after its rows; one scan of the XML finds them before the rows are read.
    """
    from openpyxl.utils import column_index_from_string

    ranges = []
    tail = b""
    with workbook._archive.open(worksheet._worksheet_path) as source:
        while chunk := source.read(1024**2):
            text = tail + chunk
            last_end = 0
            for match in _MERGE.finditer(text):
                col1, row1, col2, row2 = match.groups()
                ranges.append((
                    int(row1), column_index_from_string(col1.decode()),
                    int(row2), column_index_from_string(col2.decode()),
                ))
                last_end = match.end()
            tail = text[max(last_end, len(text) - 64):]
    return ranges


def _xlsx_rows(path, workbook, worksheet, merges, table: Table) -> Iterator[tuple[int, list[str]]]:
    starting: dict[int, list[tuple[int, int, int, int]]] = {}
    for merge in merges:
        starting.setdefault(merge[0], []).append(merge)
    active: list[tuple[tuple[int, int, int, int], str]] = []
    try:
        for number, values in _sheet_rows(workbook, worksheet, table):
            _check_count(path, number)
            cells = [_text(value) for value in values]
            active = [(m, v) for m, v in active if m[2] >= number]
            active.extend((m, _at(cells, m[1])) for m in starting.get(number, ()))
            for (_top, first_col, _bottom, last_col), value in active:
                if value:
                    if len(cells) < last_col:
                        cells.extend([""] * (last_col - len(cells)))
                    for col in range(first_col, last_col + 1):
                        cells[col - 1] = value
                    if last_col > first_col and sum(map(bool, cells)) == last_col - first_col + 1:
                        table.headings.add(number)
            yield number, cells
    except SpbeError:
        raise
    except Exception as exc:  # a damaged sheet XML surfaces only while rows stream
        raise SpbeError(_("{path}: cannot read the sheet '{sheet}' ({reason})").format(
            path=path, sheet=worksheet.title, reason=exc)) from None
    finally:
        workbook.close()


def _sheet_rows(workbook, worksheet, table: Table) -> Iterator[tuple[int, list]]:
    """Values of each row from row 1 on (rows the sheet leaves out come empty); marks hidden
    rows and formula cells with no saved value in `table`.

    openpyxl's own row reader tells neither, so its sheet parser is used with one change.
    """
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    percent = _percent_styles(workbook)

    class Parser(WorkSheetParser):
        def parse_cell(self, element):
            cell = super().parse_cell(element)
            if cell["style_id"] in percent and cell["data_type"] == "n" and isinstance(
                cell["value"], int | float
            ):
                cell["value"] = _plain(cell["value"], percent=True)
            # a formula whose saved result is the empty text has type "str"; one with no
            # result at all (as programs write them) has none
            if cell["value"] is None and cell["data_type"] == "n" and (
                element.find(FORMULA_TAG) is not None
            ):
                table.unsaved.setdefault(cell["row"], set()).add(cell["column"] - 1)
            return cell

    with workbook._archive.open(worksheet._worksheet_path) as source:
        parser = Parser(
            source, worksheet._shared_strings, data_only=True, epoch=workbook.epoch,
            date_formats=workbook._date_formats, timedelta_formats=workbook._timedelta_formats,
        )
        last = 0
        for number, parsed in parser.parse():
            for empty in range(last + 1, number):
                yield empty, []
            last = number
            if parser.row_dimensions.get(str(number), {}).get("hidden") in ("1", "true"):
                table.hidden.add(number)
            values: list = [None] * (parsed[-1]["column"] if parsed else 0)
            for cell in parsed:
                values[cell["column"] - 1] = cell["value"]
            yield number, values


def _percent_styles(workbook) -> set[int]:
    """The cell styles that show a number as a percentage ('0.0%'): their cells are read as
    Excel shows them, 0.755 as '75.5%'."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS_MAX_SIZE, builtin_format_code

    custom = workbook._number_formats
    styles = set()
    for index, style in enumerate(workbook._cell_styles):
        code = style.numFmtId
        text = (builtin_format_code(code) if code < BUILTIN_FORMATS_MAX_SIZE else
                custom[code - BUILTIN_FORMATS_MAX_SIZE]) or ""
        if "%" in _QUOTED.sub("", text):
            styles.add(index)
    return styles


_QUOTED = re.compile(r'"[^"]*"|\\.')
"""Literal text in a number format ('0 "%"'), which shows no percentage."""


def _plain(number: float, *, percent: bool = False) -> str:
    """A number in full as Excel keeps it (15 significant digits), with a decimal point and
    no exponent, or as a percentage.

    >>> _plain(150000000.5), _plain(0.1 + 0.2), _plain(1e20), _plain(0.755, percent=True)
    ('150000000.5', '0.3', '100000000000000000000', '75.5%')
    """
    exact = Decimal(format(number, ".15g")) + 0  # + 0: -0.0 is 0
    if percent:
        return format((exact * 100).normalize(), "f") + "%"
    return format(exact.normalize(), "f")


def _at(cells: list[str], column: int) -> str:
    return cells[column - 1] if column <= len(cells) else ""


def _text(value: object) -> str:
    """A cell value as the text a user sees: numbers in full without '.0' (percentages are
    text already), dates ISO."""
    if value is None:
        return ""
    if isinstance(value, float):
        return _plain(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()
