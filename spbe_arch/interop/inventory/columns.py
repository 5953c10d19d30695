"""Which column holds what: the usual Indonesian and English headers, or a mapping file.

Two kinds of list are read (`Layout`): the application inventory (one application per row)
and the integration list (one integration per row: sender, receiver, mechanism, ...).

A header is compared in a normal form (lower case, punctuation and extra spaces dropped), so
that "NAMA APLIKASI*", "Nama  Aplikasi" and "nama_aplikasi" are one header. A header
that only starts with a known one ("Nama Aplikasi/Sistem", "Status (Aktif/Tidak)") names the
same column. The header row is the first row, among the first `HEADER_SEARCH_ROWS`, naming the
application column and at least one other known column: title rows above it are skipped. A
header may take two rows, a merged "Pengelola" above "OPD" and "Bidang": the row below is then
part of it (`sub_header`).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ...io import SpbeError
from ...io.unit_names import normal_words
from ...model.i18n import N_
from ...model.i18n import gettext as _
from ...validate.type_errors import problem

__all__ = [
    "DEFAULT_HEADERS",
    "HEADER_SEARCH_ROWS",
    "INTEGRATION_LIST",
    "INVENTORY",
    "LIST_HEADERS",
    "UNDIRECTED_HEADERS",
    "Column",
    "Layout",
    "Mapping",
    "RowWords",
    "column_of",
    "find_header",
    "load_mapping",
    "sub_header",
]

HEADER_SEARCH_ROWS = 30


class Column(StrEnum):
    """What an inventory column holds."""

    name = "name"
    unit = "unit"
    description = "description"
    url = "url"
    status = "status"
    kind = "kind"
    category = "category"
    ref = "ref"
    server_location = "server_location"
    database = "database"
    developer = "developer"
    integrations = "integrations"
    number = "number"
    id = "id"
    source = "source"
    target = "target"
    data = "data"
    mechanism = "mechanism"
    network = "network"
    direction = "direction"


DEFAULT_HEADERS: dict[Column, tuple[str, ...]] = {
    Column.name: (
        "nama aplikasi", "aplikasi", "nama sistem", "nama sistem informasi",
        "nama aplikasi sistem informasi", "nama layanan aplikasi", "application",
        "application name", "app name", "name",
    ),
    Column.unit: (
        "perangkat daerah", "nama perangkat daerah", "opd", "nama opd", "opd pengelola",
        "opd pemilik", "skpd", "unit kerja", "unit", "unit pemilik", "unit pengelola",
        "instansi pemilik", "pemilik", "pemilik aplikasi", "pengelola", "satuan kerja",
        "satker", "perangkat daerah pengelola", "owner", "owner unit", "department",
        "organization", "organisation",
    ),
    Column.description: (
        "deskripsi", "deskripsi aplikasi", "uraian", "uraian aplikasi", "fungsi",
        "fungsi aplikasi", "description",
    ),
    Column.url: (
        "url", "alamat", "alamat url", "alamat aplikasi", "alamat website", "alamat domain",
        "link", "tautan", "website", "domain", "url aplikasi", "address",
    ),
    Column.status: ("status", "status aplikasi", "status penggunaan", "kondisi"),
    Column.kind: (
        "klasifikasi", "klasifikasi aplikasi", "jenis", "jenis aplikasi", "kind",
        "classification", "umum khusus",
    ),
    Column.category: (
        "kategori", "kategori aplikasi", "pusat lokal", "sumber aplikasi", "asal aplikasi",
        "category",
    ),
    Column.ref: ("kode raa", "raa", "referensi arsitektur aplikasi", "ref"),
    Column.server_location: (
        "lokasi server", "server", "hosting", "lokasi hosting", "tempat hosting",
        "penempatan server", "server location", "alamat server", "ip server", "alamat ip",
    ),
    Column.database: ("basis data", "database", "dbms", "jenis database"),
    Column.developer: (
        "pengembang", "vendor", "pengembang vendor", "pembuat", "penyedia", "developer",
    ),
    Column.integrations: (
        "terintegrasi dengan", "integrasi", "integrasi dengan", "integrasi aplikasi",
        "interoperabilitas", "interoperabilitas dengan", "terhubung dengan", "interkoneksi",
        "integrated with", "integrations",
    ),
    Column.mechanism: (
        "melalui", "integrasi melalui", "terintegrasi melalui", "mekanisme integrasi",
        "metode integrasi", "media integrasi", "jenis integrasi", "teknologi integrasi", "via",
        "integration mechanism", "integrated via",
    ),
    Column.number: ("no", "nomor", "no urut", "number"),
    Column.id: (
        "id", "id aplikasi", "kode", "kode aplikasi", "kode sistem", "application id", "app id",
    ),
}
"""Headers (in normal form) recognised for each column of an application inventory."""

_PAIR_FIRST = ("nama aplikasi", "nama sistem", "nama sistem informasi", "aplikasi 1",
               "aplikasi a")
_PAIR_SECOND = ("terintegrasi dengan", "integrasi dengan", "diintegrasikan dengan",
                "aplikasi yang diintegrasikan", "aplikasi terintegrasi", "aplikasi mitra",
                "mitra integrasi", "terhubung dengan", "aplikasi terkait", "aplikasi 2",
                "aplikasi b")
"""Headers of an integration list naming an application and one it exchanges data with."""

LIST_HEADERS: dict[Column, tuple[str, ...]] = {
    Column.source: (
        "aplikasi sumber", "sumber", "aplikasi asal", "asal", "aplikasi pengirim", "pengirim",
        "sistem sumber", "sistem pengirim", "aplikasi penyedia data", "penyedia data",
        "penyedia", "dari", "source", "source application", "sender", "from",
        "nama aplikasi sumber", "nama aplikasi asal", "nama aplikasi pengirim",
        "nama sistem sumber", "nama sistem pengirim",
        *_PAIR_FIRST,
    ),
    Column.target: (
        "aplikasi tujuan", "tujuan", "aplikasi penerima", "penerima", "sistem tujuan",
        "sistem penerima", "aplikasi pengguna data", "pengguna data", "pengguna", "ke",
        "target", "target application", "receiver", "to",
        "nama aplikasi tujuan", "nama aplikasi penerima", "nama sistem tujuan",
        "nama sistem penerima",
        *_PAIR_SECOND,
    ),
    Column.data: (
        "data", "data yang dipertukarkan", "data dipertukarkan", "data yang diintegrasikan",
        "jenis data", "data informasi", "informasi", "data exchanged",
    ),
    Column.mechanism: (
        "mekanisme", "mekanisme integrasi", "metode", "metode integrasi", "media",
        "media integrasi", "jenis integrasi", "teknologi", "teknologi integrasi", "protokol",
        "via", "mechanism", "method",
    ),
    Column.network: ("jaringan", "jaringan komunikasi", "media jaringan", "network"),
    Column.direction: ("arah", "arah integrasi", "arah data", "arah pertukaran data",
                       "arah aliran data", "inbound outbound", "direction", "flow direction"),
    Column.status: ("status", "status integrasi", "kondisi"),
    Column.description: ("keterangan", "deskripsi", "uraian", "catatan", "description",
                         "remarks", "notes"),
    Column.number: ("no", "nomor", "no urut", "number"),
}
"""Headers (in normal form) recognised for each column of an integration list."""

UNDIRECTED_HEADERS = frozenset(_PAIR_FIRST + _PAIR_SECOND)
"""Headers of an integration list naming two applications that exchange data ('Nama Aplikasi',
'Terintegrasi dengan'), not which one sends: without a direction column, its direction is
unknown."""


@dataclass(frozen=True)
class RowWords:
    """What the report says of a list (its header, its two needed columns) and of its rows
    that are no data (untranslated: `N_`)."""

    no_header: str
    no_first_column: str
    no_second_column: str
    no_rows: str
    numbers: str
    total: str
    heading: str
    no_first: str
    no_second: str
    footer: str
    footers: str


@dataclass(frozen=True)
class Layout:
    """A kind of list: the headers of its columns, the two columns every row needs (an
    application's name and unit; an integration's sender and receiver) and how the report
    names what its rows hold. A row missing the first column's cell is skipped as naming
    nothing; missing the second's, as incomplete."""

    headers: dict[Column, tuple[str, ...]]
    first: Column
    second: Column
    example: str
    """Headers to name when no header row is found."""
    mapping_example: str
    """A `--mapping` file's line naming the two needed columns."""
    says: RowWords
    """What the report says of the list and its rows."""
    option: str = "--mapping"
    """The option naming the file that maps its headers."""
    sheet_option: str = "--sheet"
    """The option naming its sheet."""
    alone: bool = False
    """A row may lack the second column's cell: it is read all the same (`Row.missing`), its
    reader judging (an application of an integration list with no partner)."""
    one_name_per_cell: bool = True
    """A cell of the two needed columns holds one name, an inventory's (a line break in it is
    read as a space); a list's may hold several (one a line, or between ';')."""
    kept: Mapping[Column, str] = field(default_factory=dict)
    """Known columns the model has no field for (or not all of a cell's text: a mechanism
    cell of an inventory), and the property key each is kept under."""


INVENTORY = Layout(DEFAULT_HEADERS, Column.name, Column.unit,
                   "'Nama Aplikasi', 'Perangkat Daerah', 'OPD', 'URL'",
                   "columns: {name: Judul, unit: Dinas}", RowWords(
    no_header=N_(
        "{where}: no header row in the first rows: none names the application column and "
        "another known one ({known}, ...){also}\n"
        "    hint: name the columns in a {option} file, e.g. {example}"),
    no_first_column=N_("no application name column in the header (e.g. 'Nama Aplikasi')"),
    no_second_column=N_("no unit column in the header (e.g. 'Perangkat Daerah' or 'OPD'); "
                        "every application needs its owner unit"),
    no_rows=N_("no application rows below the header (row {header})"),
    numbers=N_("the column numbers ({numbers}) under the header; not an application"),
    total=N_("a total row ('{total}'), not an application"),
    heading=N_("a heading row ('{heading}' merged across), not an application"),
    no_first=N_("no application name ({why})"),
    no_second=N_("no unit for '{name}' ({why})"),
    footer=N_("{count} row below the last application names no application and no unit: "
                 "the sheet's footer, passed over"),
    footers=N_("{count} rows below the last application name no application and no unit: "
                  "the sheet's footer, passed over"),
), kept=MappingProxyType({
    Column.server_location: "server_location",
    Column.database: "database",
    Column.developer: "developer",
    Column.mechanism: "integrations_via",
}))
INTEGRATION_LIST = Layout(LIST_HEADERS, Column.source, Column.target,
                          "'Aplikasi Sumber', 'Aplikasi Tujuan', 'Mekanisme', 'Jaringan'",
                          "columns: {source: Dari, target: Ke}", RowWords(
    no_header=N_(
        "{where}: no header row in the first rows: none names the source application column "
        "and another known one ({known}, ...){also}\n"
        "    hint: name the columns in a {option} file, e.g. {example}"),
    no_first_column=N_("no source application column in the header (e.g. 'Aplikasi "
                          "Sumber' or 'Pengirim')"),
    no_second_column=N_("no target application column in the header (e.g. 'Aplikasi "
                           "Tujuan' or 'Penerima')"),
    no_rows=N_("no integration rows below the header (row {header})"),
    numbers=N_("the column numbers ({numbers}) under the header; not an integration"),
    total=N_("a total row ('{total}'), not an integration"),
    heading=N_("a heading row ('{heading}' merged across), not an integration"),
    no_first=N_("no source application ({why})"),
    no_second=N_("no target application for '{name}' ({why})"),
    footer=N_("{count} row below the last integration names no application: the sheet's "
                 "footer, passed over"),
    footers=N_("{count} rows below the last integration name no application: the sheet's "
                  "footer, passed over"),
), option="--integrations-mapping", sheet_option="--integrations-sheet", alone=True,
   one_name_per_cell=False)


class Mapping(BaseModel):
    """A `--mapping` file: headers of this inventory for the columns the defaults miss."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    columns: dict[Column, str | list[str]] = Field(
        default_factory=dict, description="Column -> its header (or headers) in the inventory"
    )
    header_row: int | None = Field(
        default=None, ge=1, description="Row number of the header, when detection misses it"
    )

    def headers(self, *, layout: Layout = INVENTORY) -> dict[str, Column]:
        """Normal-form header -> column of `layout`: the mapping's own first, then the
        defaults."""
        known: dict[str, Column] = {}
        for column, given in self.columns.items():
            if column not in layout.headers:
                continue
            for header in [given] if isinstance(given, str) else given:
                known[normal_words(header)] = column
        for column, headers in layout.headers.items():
            for header in headers:
                known.setdefault(header, column)
        return known


def load_mapping(path: Path | None, layout: Layout) -> Mapping:
    """The mapping in `path` (YAML) of a list of `layout`, or the defaults alone when `path`
    is None."""
    if path is None:
        return Mapping()
    import yaml_rs

    try:
        raw = yaml_rs.loads(path.read_text(encoding="utf-8-sig"), parse_datetime=False)
    except OSError as exc:
        raise SpbeError(_("{path}: cannot read the mapping ({reason})").format(
            path=path, reason=exc.strerror)) from None
    except (yaml_rs.YAMLDecodeError, UnicodeDecodeError, ValueError) as exc:
        raise SpbeError(_("{path}: invalid YAML ({reason})").format(
            path=path, reason=str(exc).strip().splitlines()[-1])) from None
    try:
        mapping = Mapping.model_validate(raw)
        problems = "; ".join(
            f"columns.{column}: " + _("not a column of this list") for column in mapping.columns
            if column not in layout.headers)
    except ValidationError as exc:
        top = _("top level")
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or top}: {problem(e)}" for e in exc.errors()
        )
    if problems:
        allowed = ", ".join(layout.headers)
        raise SpbeError(_(
            "{path}: not a mapping file: {problems}\n"
            "    hint: write 'columns:' with keys among {allowed}, e.g. {example}"
        ).format(path=path, problems=problems, allowed=allowed,
                 example=f"columns: {{{layout.first}: Judul}}"))
    return mapping


def column_of(
    header: str, known: dict[str, Column], prefixes: list[tuple[str, Column]]
) -> Column | None:
    """The column a normal-form header names: a known header, else the longest known header
    it starts with ('nama aplikasi sistem', 'status aktif tidak aktif'); never 'no' or 'kode'
    this way, so that 'Nomor Registrasi' and 'Kode Wilayah' stay columns of their own.

    >>> known = Mapping().headers()
    >>> prefixes = sorted(known.items(), key=lambda hc: -len(hc[0]))
    >>> [column_of(normal_words(h), known, prefixes) for h in (
    ...     "Nama Aplikasi/Sistem", "OPD Pengampu", "Status (Aktif/Tidak)", "Tahun")]
    [<Column.name: 'name'>, <Column.unit: 'unit'>, <Column.status: 'status'>, None]
    """
    if header in known:
        return known[header]
    return next((c for h, c in prefixes if header.startswith(h + " ")), None)


def find_header(
    rows: Iterable[tuple[int, list[str]]], mapping: Mapping, *, layout: Layout = INVENTORY
) -> tuple[int, dict[int, Column], list[str]] | None:
    """The header row: its number, column index -> Column, and its cells; None if not found.
    It names the layout's first column and another one; or it is a row above that names more
    known columns but not the first (its header misspelt: 'Nama Aplikas'), which the caller
    then says is missing: a data row ('Aplikasi e-Posyandu', 'Vendor') is no header.

    Consumes `rows` up to and including the header row.
    """
    known, prefixes = _vocabulary(mapping, layout)
    best: tuple[int, dict[int, Column], list[str]] | None = None  # most columns, not the first
    for number, cells in rows:
        if mapping.header_row is not None and number < mapping.header_row:
            continue
        columns: dict[int, Column] = {}
        for index, cell in enumerate(cells):
            column = column_of(normal_words(cell), known, prefixes)
            if column is not None and column not in columns.values():
                columns[index] = column
        if mapping.header_row == number or (
            layout.first in columns.values() and len(columns) >= 2
        ):
            if best is not None and len(best[1]) > len(columns):
                return best
            return number, columns, cells
        if len(columns) >= _HEADER_LIKE and (best is None or len(columns) > len(best[1])):
            best = number, columns, cells
        if mapping.header_row is None and number >= HEADER_SEARCH_ROWS:
            return best
    return best


_HEADER_LIKE = 3
"""Known columns a row without the layout's first one names to be taken for the header."""


def near_miss(cells: list[str], columns: dict[int, Column], column: Column, mapping: Mapping,
              layout: Layout) -> tuple[str, str] | None:
    """The cell of a header row, not read as any column, that is one of `column`'s known
    headers misspelt ('Nama Aplikas', 'Lokasi Sever': at most `_TYPOS` letters off, and
    closer to it than to any other column's), and that header in normal form ('nama
    aplikasi'); None when none is.

    >>> m = Mapping()
    >>> near_miss(["Nama Aplikas", "OPD"], {1: Column.unit}, Column.name, m, INVENTORY)
    ('Nama Aplikas', 'nama aplikasi')
    >>> near_miss(["Versi Aplikasi"], {}, Column.description, m, INVENTORY) is None
    True
    """
    headers = mapping.headers(layout=layout)
    for index, cell in enumerate(cells):
        words = normal_words(cell)
        if index in columns or not words:
            continue
        typos, known = min((_typos(words, header), header) for header in headers)
        if typos <= _TYPOS and headers[known] is column and typos < len(words) // 4 + 1:
            return " ".join(cell.split()), known
    return None


_TYPOS = 3
"""Letters a misspelt header may have added, left out or changed ('Terintegrasi Dgn')."""


def _typos(written: str, known: str) -> int:
    """How many letters `written` has added, left out or changed against `known`."""
    import difflib

    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2
               in difflib.SequenceMatcher(None, written, known, autojunk=False).get_opcodes()
               if tag != "equal")


def sub_header(
    top: list[str], below: list[str], columns: dict[int, Column], mapping: Mapping, *,
    layout: Layout = INVENTORY,
) -> tuple[dict[int, Column], list[str]] | None:
    """The header read from two rows, when `below` is the second row of the header `top`:
    column index -> Column, and each column's header ('Pengelola / OPD'); else None.

    `below` is a header row when it names nothing (its cell under the layout's first column
    is empty, or repeats the header's as a merged cell does), holds at least one known header,
    and every cell it adds is a known header or stands under a merged or empty header cell;
    or when it repeats the header (its cells merged down over two rows).

    >>> sub_header(["No", "Nama Aplikasi", "Pengelola", "Pengelola"], ["", "", "OPD", "Bidang"],
    ...            {0: Column.number, 1: Column.name, 2: Column.unit}, Mapping())
    ({0: <Column.number: 'number'>, 1: <Column.name: 'name'>, 2: <Column.unit: 'unit'>}, \
['No', 'Nama Aplikasi', 'Pengelola / OPD', 'Pengelola / Bidang'])
    """
    known, prefixes = _vocabulary(mapping, layout)
    width = max(len(top), len(below))
    top = top + [""] * (width - len(top))
    below = below + [""] * (width - len(below))
    name_at = next(i for i, c in columns.items() if c is layout.first)
    if below[name_at] not in ("", top[name_at]):
        return None
    added = {i: column_of(normal_words(cell), known, prefixes)
             for i, cell in enumerate(below) if cell and cell != top[i]}
    if not added and below[name_at]:  # header cells merged down over two rows, nothing under
        return columns, top
    merged = {i for i in range(width) if top[i] and top[i] in (top[i - 1: i] + top[i + 1: i + 2])}
    if not any(added.values()) or any(
        column is None and top[i] and i not in merged for i, column in added.items()
    ):
        return None
    joined = {i: column for i, column in added.items() if column is not None}
    if len(set(joined.values())) < len(joined):
        return None  # two cells below name one column: not a header
    for i in range(width):  # the cells below name their columns before the merged cell above
        column = column_of(normal_words(top[i]), known, prefixes)
        if i not in joined and column is not None and column not in joined.values():
            joined[i] = column
    joined = dict(sorted(joined.items()))
    cells = [f"{t} / {b}" if t and i in added else t or below[i]
             for i, (t, b) in enumerate(zip(top, below, strict=True))]
    return joined, cells


_EXACT = (Column.number, Column.id)
"""Columns named by their exact header only."""


def _vocabulary(mapping: Mapping, layout: Layout
                ) -> tuple[dict[str, Column], list[tuple[str, Column]]]:
    """Known headers, and those a header may start with (longest first; never 'no', 'id' or
    'kode': 'Kode Wilayah' is no application id)."""
    known = mapping.headers(layout=layout)
    prefixes = sorted(
        ((h, c) for h, c in known.items() if c not in _EXACT), key=lambda hc: -len(hc[0])
    )
    return known, prefixes
