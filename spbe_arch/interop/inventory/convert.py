"""Inventory rows -> units and applications of a model, with a report of every judgement.

Only what the source gives is written: an application gets the name, unit, description,
address, status, classification and RAA code its row states; other columns are kept as
`properties` under their header, so nothing is lost. A server location that names a place
becomes its hosting (`hosting.placement`: PDN, else one data centre element per place named);
an integrations column becomes integrations `via: unknown` (`links`). Networks and data stay
unknown: an inventory does not state them. A row that names a national platform (by id,
name, alias, acronym or address) becomes an instance of it (`kind: umum`, `platform:`).
An application's id is its ID / Kode cell where that is a free id, else made of its platform
and unit, else of its name's acronym ('SIMPUS — ...': simpus) or whole name.
"""

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ...io import PlatformMatcher, SpbeError, name_forms, name_key, national_platforms
from ...io.unit_names import normal_words, unit_key, unit_kind
from ...model import (
    Application,
    ApplicationKind,
    Infrastructure,
    InfrastructureKind,
    Instansi,
    InstansiLevel,
    Status,
    Unit,
    UnitKind,
)
from ...model.i18n import gettext as _
from ...model.types import ID_MAX, ID_PATTERN
from ...model.words import level_in_name
from .columns import INVENTORY, Column, find_header, load_mapping
from .hosting import placement
from .integration_list import ListedIntegrations, read_integration_list
from .links import PROPERTY, AppNames, Link, integrations
from .report import (
    Hosted,
    ImportReport,
    PlatformGuess,
    RowNote,
    UnitMerge,
    Unmatched,
    rows_text,
)
from .rows import Row, Seen
from .sheet import kept, read_list
from .table import open_table
from .units import CODE_PARTS, IdPool, UnitName, group_units, slug
from .values import status_of

__all__ = ["InventoryImport", "application_platforms", "import_inventory", "instansi_for"]

_NATIONAL = {  # classification or category text -> national (True) or local (False)
    **dict.fromkeys(("umum", "aplikasi umum", "pusat", "nasional", "aplikasi pusat",
                     "kementerian", "kementerian lembaga", "shared", "national", "central"), True),
    **dict.fromkeys(("khusus", "aplikasi khusus", "lokal", "local", "daerah", "aplikasi daerah",
                     "aplikasi lokal", "pemda", "pemerintah daerah", "mandiri",
                     "specific"), False),
}


_RAA = re.compile(r"^RAA(\.[0-9]{2}){1,4}$")
@dataclass
class InventoryImport:
    """The model made from an inventory, and the report of how."""

    instansi: Instansi
    units: list[Unit]
    applications: list[Application]
    report: ImportReport
    matcher: PlatformMatcher
    """The national platforms an application may be an instance of."""
    infrastructure: list[Infrastructure] = field(default_factory=list)
    """The data centres the server locations name (the pusat data daerah, a server room, a
    vendor, a cloud), one per place."""
    integrations: list[Link] = field(default_factory=list)
    """From the integrations column, `via: unknown`."""
    listed: ListedIntegrations | None = None
    """From the integration list (`--integrations`), with the mechanism and direction it
    gives."""
    rows: dict[str, list[int]] = field(default_factory=dict)
    """Element id -> the rows it comes from (written as comments beside each element)."""
    remarks: dict[str, str] = field(default_factory=dict)
    """Element id -> a guess made about it (also written beside it)."""
    ids: IdPool = field(default_factory=IdPool)
    """The ids taken: an element added later takes a free one."""
    known: list[Application] = field(default_factory=list)
    """Applications of the model the inventory is added to that no row is: the integrations
    column may name them too."""

    @cached_property
    def names(self) -> AppNames:
        """The applications by the names a list calls them (built once, when a list or the
        integrations column needs it)."""
        return AppNames([*self.applications, *self.known], self.matcher,
                        {unit.id: unit.name for unit in self.units})


def instansi_for(path: Path, *, name: str | None, id: str | None, level: str | None,
                 sheet: str | None = None, mapping: Path | None = None) -> Instansi:
    """The instansi block: as given, else derived from the file name ('kota-bogor.csv'), its
    level else from a title row above the header ('PEMERINTAH KABUPATEN SUKAMAJU TAHUN 2025':
    `import_inventory` then takes the name from it too).

    Raises `SpbeError` when the level cannot be told and is not given.
    """
    given = name
    name = name or " ".join(w.capitalize() for w in normal_words(path.stem).split()) or path.stem
    if level is not None and level not in InstansiLevel.__members__:
        raise SpbeError(_("--level: '{level}' is not one of {levels}").format(
            level=level, levels=", ".join(InstansiLevel)))
    derived = level_in_name(name) if level is None else InstansiLevel(level)
    said = level_in_name(given) if given is not None and level is not None else None
    if said is not None and said != derived:
        raise SpbeError(_(
            "--level {level} but --instansi-name '{name}' names a {said}: give the level the "
            "name says, or the name of the {level}"
        ).format(level=level, name=given, said=said))
    if derived is None and given is None:
        derived = _level_in_title(path, sheet, mapping)
    if derived is None:
        raise SpbeError(_(
            "{path}: cannot tell the instansi level from the name '{name}'; give --level "
            "({levels}) or an --instansi-name such as 'Pemerintah Kota Bogor'"
        ).format(path=path, name=name, levels=", ".join(InstansiLevel)))
    if id is not None and not re.fullmatch(ID_PATTERN, id):
        raise SpbeError(_(
            "--instansi-id: '{id}' is not an id: use lowercase letters, digits, '.', '-', '_', "
            "e.g. 'kota-bogor'"
        ).format(id=id))
    # the id as `spbe-arch init --name` makes it: 'Pemerintah Kota Bogor' -> kota-bogor
    plain = re.sub(r"(?i)^pemerintah\s+", "", name)
    return Instansi(id=id or slug(plain) or "instansi", name=name, level=derived)


def import_inventory(
    path: Path,
    *,
    sheet: str | None = None,
    mapping: Path | None = None,
    instansi: Instansi,
    from_title: bool = False,
    id_given: bool = False,
    integration_list: Path | None = None,
    integration_sheet: str | None = None,
    integration_mapping: Path | None = None,
    into: Mapping[str, str] | None = None,
    before_linking: Callable[[InventoryImport], None] | None = None,
) -> InventoryImport:
    """Read the inventory at `path` into units and applications.

    Parameters
    ----------
    path
        A .csv or .xlsx inventory, one application per row below a header row.
    sheet
        The workbook sheet to read (default: the active one, else the first visible one).
    mapping
        A YAML file naming the headers of columns the defaults do not recognise.
    instansi
        The instansi the model describes (see `instansi_for`).
    from_title
        The instansi was not named (it comes from the file's name): a title row above the
        header naming one of its level ('PEMERINTAH KABUPATEN SUKAMAKMUR TAHUN 2025') names
        it instead, as the report says.
    id_given
        The instansi's id was given (`--instansi-id`): a title row names it, not its id.
    integration_list, integration_sheet, integration_mapping
        An integration list (.csv or .xlsx, one integration per row), its sheet (alone: a
        sheet of the inventory's workbook) and the mapping of its headers
        (`integration_list`).
    into
        The ids of the model the inventory is added to (`merge.add_inventory`), each with its
        collection: not given again, but a row whose id column names one of its applications
        is that application.
    before_linking
        Called with the applications read, before the integrations column is read: what
        adds them to a model tells there which of them it has already (`merge`).

    Raises
    ------
    SpbeError
        Nothing can be imported: the file is unreadable, empty, has no header row, no unit
        column or no data rows. Problems of single rows are in the report instead.
    """
    if integration_sheet is not None and integration_list is None:
        integration_list = path  # a sheet of the inventory's own workbook
    if integration_mapping is not None and integration_list is None:
        raise SpbeError(_("--integrations-mapping maps an integration list's headers: give the "
                          "list with --integrations (or --integrations-sheet)"))
    above: list[tuple[int, list[str]]] = []
    rows, report = read_list(path, sheet=sheet, mapping=mapping, layout=INVENTORY,
                             kind=ImportReport, above=above)
    titled = _titled(above[:-1], instansi.level, instansi.name) if from_title else None
    if titled is not None:
        report.titled = titled
        name = titled[1]
        instansi = Instansi(id=instansi.id if id_given else slug(name) or instansi.id,
                            name=name, level=instansi.level)
    elif from_title and (other := _title_level(above[:-1])) not in (None, instansi.level):
        row, named = _titled(above[:-1], other)  # type: ignore[misc, arg-type]
        report.notes.insert(0, RowNote(row, _(
            "the title row names '{named}', a {level}, not a {given}: the instansi is "
            "'{name}' ({given}); give --level {level} if the title is right").format(
                named=named, level=other, given=instansi.level, name=instansi.name)))
    result = _build(rows, instansi, report, into)
    if before_linking is not None:
        before_linking(result)
    if integration_list is not None:
        _add_list(result, integration_list, integration_sheet, integration_mapping, path)
    _link(result, rows)
    return result


def _add_list(result: InventoryImport, path: Path, sheet: str | None, mapping: Path | None,
              inventory: Path) -> None:
    """Read the integration list at `path` into `result`."""
    same = path.resolve() == inventory.resolve()
    if same and sheet == result.report.sheet:
        raise SpbeError(_the_inventory_itself(path, sheet))
    listed = read_integration_list(path, sheet=sheet, mapping=mapping, names=result.names,
                                   ids=result.ids)
    report, own = result.report, listed.report
    if same and own.sheet == report.sheet:  # the active sheet, read twice
        raise SpbeError(_the_inventory_itself(path, sheet))
    if same:  # two sheets of one workbook: each read once
        report.other_sheets = [s for s in report.other_sheets if s != own.sheet]
        own.other_sheets = [s for s in own.other_sheets if s != report.sheet]
    report.integration_list = own
    result.listed = listed
    result.infrastructure += listed.networks.values()


def _the_inventory_itself(path: Path, sheet: str | None) -> str:
    """The message refusing an integration list that is the inventory's own sheet."""
    if sheet is None:
        return _("--integrations: {path} is the inventory itself; give the integration "
                 "list's own file, or its sheet of this workbook with --integrations-sheet"
                 ).format(path=path)
    return _("--integrations-sheet: sheet '{sheet}' of {path} is the inventory itself; name "
             "the integration list's sheet").format(path=path, sheet=sheet)


def application_platforms() -> PlatformMatcher:
    """The national platforms a row of an inventory or a list may name as an application
    (not JIP, PDN nor SPLP)."""
    return PlatformMatcher({pid: p for pid, p in national_platforms().items()
                            if not p.kind.is_infrastructure})


def _level_in_title(path: Path, sheet: str | None, mapping: Path | None) -> InstansiLevel | None:
    """The level of the instansi a title row above the header names, if one does."""
    above: list[tuple[int, list[str]]] = []
    table = open_table(path, sheet=sheet)
    if find_header(kept(Seen(table.rows), above), load_mapping(mapping, INVENTORY)) is None:
        return None
    return _title_level(above[:-1])


def _title_level(rows: list[tuple[int, list[str]]]) -> InstansiLevel | None:
    """The level of the instansi the first title cell among `rows` names."""
    for number, cells in rows:
        for cell in cells:  # the first level named: 'KABUPATEN SUKAMAJU PROVINSI JAWA BARAT'
            found = _LEVEL_WORD.search(cell)
            level = InstansiLevel(found[1].casefold()) if found else None
            if level is not None and _titled([(number, [cell])], level):
                return level
    return None


_LEVEL_WORD = re.compile(rf"\b({'|'.join(InstansiLevel)})\b", re.IGNORECASE)


def _titled(rows: list[tuple[int, list[str]]], level: InstansiLevel, name: str = ""
            ) -> tuple[int, str] | None:
    """The first title cell naming an instansi of `level` ('PEMERINTAH KABUPATEN SUKAMAKMUR
    TAHUN 2025'), and the name ('Kabupaten Sukamakmur'), when it is not `name` already."""
    title = re.compile(rf"\b({level.value})\s+(.+?)\s*(?:\btahun\b.*|[-–,(].*|"
                       rf"\b(?:{'|'.join(InstansiLevel)})\b.*|"
                       r"\b\d{4}\b.*)?$", re.IGNORECASE)
    for number, cells in rows:
        for cell in cells:
            found = title.search(" ".join(cell.split()))
            if found:
                words = f"{found.group(1)} {found.group(2)}".split()
                named = " ".join(w if any(c.islower() for c in w) else w.capitalize()
                                 for w in words)
                return None if name_key(named) == name_key(name) else (number, named)
    return None


_JOINED = re.compile(r"\s*(?:[,;&]|\s/\s|\bdan\b)\s*", re.IGNORECASE)
"""Between two unit names written in one cell: 'Dinkes, Diskominfo', 'Dinkes dan Disdik'."""


def _joint_units(unit_of: dict[str, UnitName]) -> tuple[list[RowNote], dict[str, dict]]:
    """Unit cells naming more than one unit. One naming two or more units the inventory lists
    on their own ('Dinkes, Diskominfo') became a unit of its own: a note, which the architect
    should act on. One naming a listed unit and then a part of it the inventory does not list
    ('Dinas Kesehatan / UPT Puskesmas': a UPT, a bidang, a puskesmas) is that part, inside the
    unit: a unit id -> what it is (its name and kind, the part's) and its parent, and a
    note."""
    by_key = {unit_key(spelling): unit for spelling, unit in unit_of.items()}
    notes = []
    parents: dict[str, dict] = {}
    for spelling, unit in unit_of.items():
        parts = [p for p in _JOINED.split(spelling) if p]
        if len(parts) > 1 and all(unit_key(p) in by_key for p in parts):
            notes.append(RowNote(unit.spellings[spelling][0], _(
                "unit '{spelling}' names {count} units the inventory lists on their own "
                "({units}); imported as one unit '{id}': give the application one owner unit"
            ).format(spelling=spelling, count=len(parts), id=unit.id,
                     units=", ".join(f"'{p}'" for p in parts))))
        elif (len(parts) == 2 and (parent := by_key.get(unit_key(parts[0]))) is not None
              and unit_key(parts[1]) not in by_key and unit_kind(parts[1]) in _PARTS
              and unit.id not in parents):
            parents[unit.id] = {"parent": parent.id, "name": parts[1],
                                "kind": unit_kind(parts[1])}
            notes.append(RowNote(unit.spellings[spelling][0], _(
                "unit '{spelling}': '{part}' inside '{parent}', which the inventory lists on its "
                "own; imported as unit '{id}' with parent '{parent_id}'"
            ).format(spelling=spelling, part=parts[1], parent=parts[0], id=unit.id,
                     parent_id=parent.id)))
    return notes, parents


_PARTS = frozenset({UnitKind.upt, UnitKind.bidang, UnitKind.bagian, UnitKind.kelurahan,
                    UnitKind.biro, UnitKind.direktorat})
"""Kinds of unit that are part of another: 'UPT Puskesmas', 'Bidang Aptika'."""


def _build(rows: list[Row], instansi: Instansi, report: ImportReport,
           into: Mapping[str, str] | None = None) -> InventoryImport:
    platforms = national_platforms()
    into = into or {}
    ids = IdPool([*platforms, instansi.id, *into])
    spellings: dict[str, list[int]] = {}
    for row in rows:
        spellings.setdefault(row.unit, []).append(row.number)
    unit_of = group_units(spellings, ids, level=instansi.level, instansi=instansi.name)
    result = InventoryImport(instansi, [], [], report, application_platforms())
    for unit in sorted({id(u): u for u in unit_of.values()}.values(), key=lambda u: u.id):
        result.units.append(Unit(id=unit.id, name=unit.name, kind=unit.kind))
        result.rows[unit.id] = sorted(r for rows_ in unit.spellings.values() for r in rows_)
        if len(unit.spellings) > 1:
            report.merges.append(UnitMerge(unit.id, unit.name, dict(unit.spellings)))
            result.remarks[unit.id] = _("merges {spellings}").format(
                spellings=", ".join(f"'{s}'" for s in unit.spellings))
        if unit.kind is UnitKind.unit_kerja:
            report.notes.append(RowNote(
                result.rows[unit.id][0],
                _("unit '{unit}' ({name}): its name tells no kind; written as unit_kerja "
                  "(change it in units.yaml: dinas, badan, kecamatan, ...)").format(
                    unit=unit.id, name=unit.name),
            ))
    notes, parents = _joint_units(unit_of)
    report.notes += notes
    result.units = [unit.model_copy(update=parents[unit.id])
                    if unit.id in parents else unit for unit in result.units]
    report.units = len(result.units)
    column = report.columns.get(str(Column.id), "")
    known = {element_id for element_id, kind in into.items() if kind == "applications"}
    given, refused = _given_ids(rows, ids, column, known)
    numbers = [row for row in rows  # codes that are numbers alone ('007')
               if row.number in refused and row.values.get(Column.id, "").strip().isdigit()]
    if len(numbers) > _ONE_BY_ONE:  # one note for them all, not a line each
        shown = ", ".join(f"'{row.values[Column.id]}'" for row in numbers[:3])
        report.notes.append(RowNote(numbers[0].number, _(
            "{count} codes in column '{column}' are numbers alone ({codes}, ...), not ids: "
            "imported with ids from their names, the codes kept in properties.id ({rows})"
        ).format(count=len(numbers), column=column, codes=shown,
                 rows=rows_text([row.number for row in numbers]))))
        for row in numbers:
            del refused[row.number]
    namesakes: dict[tuple[str, str], Row] = {}  # (name, unit) -> its first row
    for row in rows:
        app = _application(row, unit_of[row.unit], result.matcher, ids, report, result,
                           given.get(row.number))
        result.applications.append(app)
        result.rows[app.id] = [row.number]
        if row.number in refused:
            report.notes.append(RowNote(row.number, _("{why}; imported as '{application}'").format(
                why=refused[row.number], application=app.id)))
        first = namesakes.setdefault((name_key(row.name), app.owner), row)
        if row.same_as is None:
            if first is not row:
                report.notes.append(RowNote(row.number, _namesake(first, row, app.id, report)))
            continue
        if row.id_differs:
            message = _(
                "same as row {row} in every cell but '{column}'; imported again as "
                "'{application}' (delete one of them if the application is listed twice)")
        else:
            message = _(
                "same as row {row} in every cell; imported again as '{application}' (delete "
                "one of them if the application is listed twice)")
        report.notes.append(RowNote(row.number, message.format(
            row=row.same_as, column=row.id_differs, application=app.id)))
    report.imported = len(result.applications)
    result.ids = ids
    return result


def _link(result: InventoryImport, rows: list[Row]) -> None:
    """The integrations the integrations column names, but between two applications the
    integration list links (written as the list gives them). A link the list gives only as
    planned or retired is not the one the column says is there: both are written."""
    if not any(Column.integrations in row.values for row in rows):
        return  # no such column, or an empty one: no index of names to build
    listed = result.listed.integrations if result.listed else []
    result.integrations, found, left = integrations(
        zip(rows, result.applications, strict=True), result.names, result.ids, result.report,
        given={frozenset((i.source, i.target)) for i in listed if i.status is Status.active},
        other_status={frozenset((i.source, i.target)): i for i in listed
                      if i.status is not Status.active})
    result.rows.update(found)
    linked = {end for i in (*listed, *result.integrations) for end in (i.source, i.target)}
    silent = {app.id for row, app in zip(rows, result.applications, strict=True)
              if Column.integrations not in row.values  # empty, not '-'
              and Column.integrations not in (row.blanked or {})}
    unknown = (silent | {u.application for u in result.report.unlinked}) - linked
    result.applications = [
        _keep(app, left.get(app.id, []), app.id in unknown) if app.id in left or app.id in unknown
        else app for app in result.applications]
    result.report.integrations_unknown = [
        row.number for row, app in zip(rows, result.applications, strict=True)
        if not app.integrations_known]


def _namesake(first: Row, row: Row, application: str, report: ImportReport) -> str:
    """The note on a row of the same name and unit as an earlier one but not equal to it."""
    differing = _differing(first, row, report)
    if not differing:
        return _(
            "same as row {row} but for how the name or the unit is written; imported again as "
            "'{application}' (delete one of them if the application is listed twice)"
        ).format(row=first.number, application=application)
    return _(
        "same name and unit as row {row}, other cells differ ({columns}); imported as another "
        "application '{application}' (delete one row if the application is listed twice, or "
        "tell the two apart by name)"
    ).format(row=first.number, columns=", ".join(f"'{c}'" for c in differing),
             application=application)


def _differing(first: Row, row: Row, report: ImportReport) -> list[str]:
    """The headers of the cells in which two rows of one name and unit differ (the row number,
    and the name and unit spelt another way, aside)."""
    same = (Column.number, Column.name, Column.unit)
    columns = [report.columns.get(str(col), str(col)) for col in Column
               if col not in same and first.values.get(col) != row.values.get(col)]
    others = sorted(first.properties.keys() | row.properties.keys())
    return columns + [report.properties.get(key, key) for key in others
                      if first.properties.get(key) != row.properties.get(key)]


def _keep(app: Application, names: list[str], unknown: bool) -> Application:
    """`app` with the names that became no integration (if any) in its
    `properties.integrations`, and its integrations `unknown` where no integration of the
    inventory or the list links it and its row names nothing (an empty cell, not a '-') or
    only what no integration links ('Belum' says none: known)."""
    update: dict = {"integrations_known": False} if unknown else {}
    if names:
        update["properties"] = {**app.properties, PROPERTY: "; ".join(names)}
    return app.model_copy(update=update)


def _given_ids(
    rows: list[Row], ids: IdPool, column: str, known: Collection[str] = ()
) -> tuple[dict[int, str], dict[int, str]]:
    """The ids the id column gives ('35-2'): row -> its id, and row -> why the row's could
    not be used (empty, not an id, on an earlier row too, or an id the model already has).

    A column of running numbers (1, 2, 3) gives no ids: '7' says nothing of an application.
    A code is written in lower case, spaces and slashes between its parts as '-' ('APL 03',
    'APL/03': apl-03); the application keeps the code as written in `properties.id`. Each id
    is taken from `ids` here, before any is derived from a name; one of `known` (the
    applications of the model the inventory is added to) is that application's.
    """
    texts = {row.number: row.values.get(Column.id, "") for row in rows}
    candidates = {number: "-".join(CODE_PARTS.split(text.casefold().strip()))
                  for number, text in texts.items()}
    if not any(_ID.match(c) and not c.isdigit() for c in candidates.values()):
        return {}, {}
    given: dict[int, str] = {}
    refused: dict[int, str] = {}
    first: dict[str, int] = {}
    for number, candidate in candidates.items():
        text = texts[number]
        if not text:
            refused[number] = _("no id in column '{column}'").format(column=column)
        elif not _ID.match(candidate) or len(candidate) > ID_MAX or candidate.isdigit():
            refused[number] = _(
                "'{text}' in column '{column}' is not an id (letters, digits, '.', '-', '_'; "
                "not a number alone)"
            ).format(text=text, column=column)
        elif candidate in first:
            refused[number] = _("'{text}' in column '{column}' is on row {row} too").format(
                text=text, column=column, row=first[candidate])
        elif candidate in known:
            first[candidate] = number
            given[number] = candidate
        elif candidate in ids:
            refused[number] = _(
                "'{text}' in column '{column}' is taken (by a unit, a national platform or the "
                "instansi)"
            ).format(text=text, column=column)
        else:
            first[candidate] = number
            given[number] = ids.take(candidate)
    return given, refused


_ID = re.compile(ID_PATTERN)
_ONE_BY_ONE = 3
"""Rows whose code is a number alone said one by one; more are said in one note."""


def _name_id(name: str) -> str:
    """The id a name gives: its acronym where it is written with one ('SIMPUS — Sistem
    Informasi Manajemen Puskesmas', 'Sistem Informasi Manajemen Puskesmas (SIMPUS)': simpus),
    else the whole name.

    >>> _name_id("SIMPUS — Sistem Informasi Manajemen Puskesmas"), _name_id("e-Office Kota")
    ('simpus', 'e-office-kota')
    """
    acronym = next((form.text for form in name_forms(name) if form.kind == "acronym"), "")
    return slug(acronym) or slug(name) or "aplikasi"


def _application(
    row: Row, unit: UnitName, matcher: PlatformMatcher, ids: IdPool,
    report: ImportReport, result: InventoryImport, given: str | None,
) -> Application:
    """The application a row names; its id is `given` (from the id column), else made of the
    platform and the unit ('srikandi-setda'), else of the name (`_name_id`)."""
    values, properties = row.values, dict(row.properties)
    if (text := values.get(Column.id)) and text != given:
        properties["id"] = text  # not usable, or written in capitals: kept as written
    fields: dict = {"name": row.name, "owner": unit.id}
    if description := values.get(Column.description):
        fields["description"] = description
    if url := values.get(Column.url):
        fields["url"] = url
    if str(Column.status) in report.columns and not values.get(Column.status):
        report.status_unknown.append(row.number)  # empty, or a placeholder ('?', '-')
    if text := values.get(Column.status):
        status = status_of(text)
        if status is None:
            properties["status"] = text
            report.notes.append(RowNote(row.number, _(
                "status '{text}' not recognised; kept as properties.status, status left out: "
                "the application counts as active until you set it (planned, development, "
                "active, retired)"
            ).format(text=text)))
        else:
            fields["status"] = status
    if text := values.get(Column.ref):
        if _RAA.match(text):
            fields["ref"] = text
        else:
            properties["ref"] = text
            report.notes.append(RowNote(row.number, _(
                "'{text}' is not an RAA code (RAA.xx.yy); kept as properties.ref"
            ).format(text=text)))
    national = _national(row, properties, report)
    for column, key in INVENTORY.kept.items():
        if text := values.get(column):
            properties[key] = text
    location = values.get(Column.server_location, "")
    kind = placement(location, result.instansi.level) if location else None
    if kind is InfrastructureKind.pdn:
        fields["hosting"] = "pdn"  # the national data centre, a platform of the catalog
        report.on_pdn.append(row.number)
    elif kind is InfrastructureKind.pusat_data_daerah:
        fields["hosting"] = _pusat_data_daerah(result, ids, row.number)
        report.on_pdd.append(row.number)
    elif kind is not None:
        fields["hosting"] = _data_centre(result, ids, kind, location, row.number, unit)
    elif location:
        report.unplaced.setdefault(location, []).append(row.number)
    platform, how = (None, "") if national is False else _platform(matcher, row.name, url)
    if platform is not None:
        fields.update(kind=ApplicationKind.umum, platform=platform)
        fields["id"] = given or ids.take(f"{platform}-{unit.id}")
        report.guesses.append(PlatformGuess(row.number, fields["id"], row.name, platform, how))
        result.remarks[fields["id"]] = (
            _("national platform '{platform}' by its name") if how == "name" else
            _("national platform '{platform}' by its address")).format(platform=platform)
    else:
        fields["kind"] = ApplicationKind.umum if national else ApplicationKind.khusus
        fields["id"] = given or ids.take(_name_id(row.name))
        if national is None:
            report.unclassified.append(row.number)
        elif national:
            report.unmatched.append(Unmatched(row.number, fields["id"], row.name))
            result.remarks[fields["id"]] = _("national system not in the platform catalog")
        elif (named := matcher.named(row.name)) is not None:
            report.notes.append(RowNote(row.number, _(
                "'{name}' names national platform '{platform}' but is classified local; "
                "imported as a local application '{application}' (classify it umum if it is "
                "that platform)"
            ).format(name=row.name, platform=named, application=fields["id"])))
    if properties:
        fields["properties"] = properties
    return Application(**fields)  # every field above is checked or free text


def _pusat_data_daerah(result: InventoryImport, ids: IdPool, row: int) -> str:
    """The id of the pemda's own data centre, written once for all the rows that name it;
    what the inventory does not say of it (its networks, its operator) stays unknown."""
    centre = next((e for e in result.infrastructure
                   if e.kind is InfrastructureKind.pusat_data_daerah), None)
    if centre is None:
        centre = Infrastructure(id=ids.take("pusat-data-daerah"), name="Pusat Data Daerah",
                                kind=InfrastructureKind.pusat_data_daerah)
        result.infrastructure.append(centre)
        result.rows[centre.id] = []
        result.remarks[centre.id] = _("named as the server location of the applications")
        result.report.pusat_data_daerah = centre.id
    result.rows[centre.id].append(row)
    return centre.id


def _data_centre(
    result: InventoryImport, ids: IdPool, kind: InfrastructureKind, location: str, row: int,
    unit: UnitName,
) -> str:
    """The id of the server room, vendor or cloud a server location names, one element for
    every row writing it alike ('Vendor', 'vendor'); its provider and networks stay unknown.
    A location that names only its kind ('Vendor', 'Cloud', 'Pihak Ketiga') says nothing of
    which one: one element per unit ('Vendor (Dinas Kesehatan)'), as one unit's vendor is
    not another's and an outage of one stops none of the other's applications."""
    name = written = " ".join(location.split())
    wanted, per_unit = slug(name) or str(kind), None
    if set(normal_words(location).split()) <= _KIND_ONLY:
        per_unit = unit.name
        name, wanted = f"{name} ({unit.name})", f"{wanted}-{unit.id}"
    key = normal_words(location)
    place = next((h for h in result.report.hosted if h.kind == kind and h.unit == per_unit
                  and normal_words(h.location) == key), None)
    if place is None:
        centre = Infrastructure(id=ids.take(wanted), name=name, kind=kind)
        result.infrastructure.append(centre)
        result.remarks[centre.id] = _("named as the server location of the applications")
        place = Hosted(centre.id, str(kind), written, [], per_unit)
        result.report.hosted.append(place)
        result.rows[centre.id] = place.rows
    place.rows.append(row)
    return place.infrastructure


_KIND_ONLY = frozenset({
    "vendor", "pihak", "ketiga", "penyedia", "jasa", "swasta", "cloud", "hosting", "server",
    "sewa", "komersial", "luar", "external", "eksternal", "provider", "di", "pada", "milik",
    "opd", "sendiri", "internal", "lokal", "dinas", "kantor", "badan", "unit", "kerja",
    "masing", "perangkat",
})
"""Words of a server location that say what kind of place it is, not which one."""


def _platform(matcher: PlatformMatcher, name: str, url: str | None) -> tuple[str | None, str]:
    """The platform a row names, by its name or else its address, and which one told."""
    found = matcher(name)
    if found is not None:
        return found, "name"
    found = matcher(url) if url else None
    return found, "address"


def _national(row: Row, properties: dict[str, str], report: ImportReport) -> bool | None:
    """True when the row says national (umum / pusat), False when local, None when silent."""
    verdicts = []
    for column in (Column.kind, Column.category):
        text = row.values.get(column)
        if not text:
            continue
        verdict = _NATIONAL.get(normal_words(text))
        if verdict is None:
            properties[str(column)] = text
            report.notes.append(RowNote(row.number, _(
                "{column} '{text}' not recognised (umum/khusus, pusat/lokal); kept as "
                "properties.{column}"
            ).format(column=column, text=text)))
        verdicts.append(verdict)
    if True in verdicts:
        return True
    return False if False in verdicts else None
