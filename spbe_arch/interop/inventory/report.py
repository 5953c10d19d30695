"""The import report: what was imported, skipped, guessed and left unmatched, row by row.

One typed result with two renderings: `report_lines` (text, `file:row: ...` as findings are
shown) and `report_dict` (JSON). The text is also written beside the model as
`import-report.txt`, so that the model keeps a record of its guesses.
"""

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field

from ...io.unit_names import normal_words
from ...model.i18n import N_, plural
from ...model.i18n import gettext as _

__all__ = [
    "Hosted",
    "ImportReport",
    "ListReport",
    "Network",
    "PlatformGuess",
    "RowNote",
    "SheetReport",
    "UnitMerge",
    "Unlinked",
    "Unmatched",
    "list_report_dict",
    "list_report_lines",
    "report_dict",
    "report_lines",
    "rows_text",
]


@dataclass(frozen=True)
class RowNote:
    """A row and what happened to it (skipped, or a remark on one of its cells)."""

    row: int
    message: str


@dataclass(frozen=True)
class PlatformGuess:
    """A row taken as an instance of a national platform."""

    row: int
    application: str
    name: str
    platform: str
    how: str
    """What matched the catalog: the row's 'name' or its 'address'."""


@dataclass(frozen=True)
class Unmatched:
    """A national system (aplikasi umum / pusat) the platform catalog does not know."""

    row: int
    application: str
    name: str


@dataclass(frozen=True)
class Unlinked:
    """A name in the integrations column that became no integration (kept in properties)."""

    row: int
    application: str
    text: str
    candidates: tuple[str, ...]
    """The applications it may name: none, several, or the row's own application alone."""


@dataclass(frozen=True)
class Hosted:
    """A data centre made of a server location, other than PDN and the pusat data daerah."""

    infrastructure: str
    kind: str
    location: str
    rows: list[int]
    unit: str | None = None
    """The unit whose rows name it, when the location names only a kind of place ('Vendor'):
    one element per unit."""


@dataclass(frozen=True)
class Network:
    """A network other than JIP an integration list names: one element of each kind."""

    infrastructure: str
    kind: str
    rows: list[int]


@dataclass(frozen=True)
class UnitMerge:
    """Several spellings taken as one unit."""

    unit: str
    name: str
    spellings: dict[str, list[int]]


@dataclass
class SheetReport:
    """How one list was read: its file and header, and its rows skipped and remarked on."""

    source: str
    sheet: str | None = None
    other_sheets: list[str] = field(default_factory=list)
    """Sheets of the workbook not read."""
    hidden_sheets: list[str] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None
    header_row: int = 0
    subheader_row: int | None = None
    """The header's second row, under merged header cells ('Pengelola' over 'OPD')."""
    columns: dict[str, str] = field(default_factory=dict)
    """Column -> the header it was read from; unmapped headers are kept as properties."""
    properties: dict[str, str] = field(default_factory=dict)
    """Property key -> the header of an unmapped column whose values it keeps."""
    rows: int = 0
    """Data rows below the header, blank rows not counted."""
    blank: list[int] = field(default_factory=list)
    """Rows holding nothing but a running number or placeholders ('-', 'N/A')."""
    empty: list[int] = field(default_factory=list)
    """Rows with no cell filled, between the header and the last row."""
    skipped: list[RowNote] = field(default_factory=list)
    notes: list[RowNote] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """True when every data row was imported."""
        return not self.skipped

    @property
    def at(self) -> str:
        """Where its rows are: the file, and the sheet of a workbook ('daftar.xlsx[Integrasi]',
        as Excel names another workbook's sheet; a sheet's name holds no bracket), so that two
        lists of one workbook do not give one location."""
        return f"{self.source}[{self.sheet}]" if self.sheet else self.source


@dataclass
class ListReport(SheetReport):
    """How an integration list was read, and what became of its rows."""

    integrations: int = 0
    """Integrations written."""
    unstated: dict[str, list[int]] = field(default_factory=dict)
    """A column -> the rows whose cell in it is empty (mechanism, direction)."""
    kept: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    """A column -> the texts of its cells naming no value (kept as properties) -> their
    rows."""
    undirected: bool = False
    """Its two columns name an application and its partner, not a sender and a receiver."""
    networks: list[Network] = field(default_factory=list)
    """The networks other than JIP it names, one element each."""


@dataclass
class ImportReport(SheetReport):
    """Everything a user must check after an import."""

    titled: tuple[int, str] | None = None
    """The title row the instansi's name was read from (no `--instansi-name` given), and the
    name."""
    imported: int = 0
    units: int = 0
    status_unknown: list[int] = field(default_factory=list)
    """Rows whose status cell is empty or a placeholder ('?'): counted as active (the
    model's default) until the status is set."""
    unclassified: list[int] = field(default_factory=list)
    """Rows of applications that say neither umum nor khusus and name no platform: khusus."""
    on_pdn: list[int] = field(default_factory=list)
    """Rows whose server location names the national data centre: `hosting: pdn`."""
    on_pdd: list[int] = field(default_factory=list)
    """Rows whose server location names the pusat data daerah (one element for all)."""
    hosted: list[Hosted] = field(default_factory=list)
    """Server rooms, vendors and clouds named as server locations (one element each)."""
    unplaced: dict[str, list[int]] = field(default_factory=dict)
    """Server locations that name no place -> their rows: hosting left unknown."""
    integrations: int = 0
    """Integrations read from the integrations column."""
    integrations_via: int = 0
    """Those of them whose mechanism the mechanism column names."""
    integrations_unknown: list[int] = field(default_factory=list)
    """Rows whose integrations cell is empty or names what no integration links: their
    applications' integrations unknown (`integrations_known: false`)."""
    mechanisms_unread: dict[str, list[int]] = field(default_factory=dict)
    """Mechanism cells that name no mechanism for each integration of their row -> rows."""
    unlinked: list[Unlinked] = field(default_factory=list)
    guesses: list[PlatformGuess] = field(default_factory=list)
    merges: list[UnitMerge] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    integration_list: ListReport | None = None
    """The report of the integration list read beside the inventory (`--integrations`)."""
    also_listed: int = 0
    """Integrations of the integrations column that the integration list gives as well:
    written as the list gives them."""
    in_model: dict[str, list[int]] = field(default_factory=dict)
    """An application of the model the inventory is added to (`--into`) -> the rows that are
    it: not written again."""
    pusat_data_daerah: str = "pusat-data-daerah"
    """The id of the pusat data daerah the server locations name (the model's, with
    `--into`)."""
    written_to: str = ""
    """The one file the elements are written to (`--into`), where the lines name the file of
    their collection."""
    pusat_data_daerah_file: str = ""
    """The file of the pusat data daerah, where the model has it (`--into`)."""

    @property
    def clean(self) -> bool:
        """True when every data row was imported (of the integration list too)."""
        return not self.skipped and (self.integration_list is None
                                     or self.integration_list.clean)


_ENCODINGS = {"utf-8-sig": "UTF-8", "cp1252": "Windows-1252", "utf-16": "UTF-16",
              "utf-32": "UTF-32"}
_DELIMITERS = {
    ",": N_("{encoding}, comma-separated"),
    ";": N_("{encoding}, semicolon-separated"),
    "\t": N_("{encoding}, tab-separated"),
    "|": N_("{encoding}, bar-separated"),
}
_HOW = {"name": N_("by its name"), "address": N_("by its address")}
"""PlatformGuess.how -> how the report says it."""


def report_lines(report: ImportReport) -> Iterator[str]:
    """The report as text lines (in the language in force): a summary, then one line per row
    to check; then the integration list's, if one was read. A line naming the file of a
    collection names the one file written instead, where there is one (`written_to`), and the
    pusat data daerah's where the model has it."""
    src = report.at
    places = report.written_to or "infrastructure.yaml"
    links = report.written_to or "integrations.yaml"
    yield from _reading(report, title=report.titled)
    for guess in report.guesses:
        yield _(
            "{path}:{row}: guess: '{name}' is national platform '{platform}' ({how}); "
            "imported as '{application}'"
        ).format(path=src, row=guess.row, name=guess.name, platform=guess.platform,
                 how=_(_HOW.get(guess.how, guess.how)), application=guess.application)
    for merge in report.merges:
        spelt = ", ".join(f"'{s}' ({rows_text(rows)})" for s, rows in merge.spellings.items())
        yield _("{path}: guess: unit '{unit}' ({name}) merges {spellings}").format(
            path=src, unit=merge.unit, name=merge.name, spellings=spelt)
    for item in report.unmatched:
        yield _(
            "{path}:{row}: national system '{name}' is not in the platform catalog; imported "
            "as '{application}' (kind umum, no platform)"
        ).format(path=src, row=item.row, name=item.name, application=item.application)
    yield from _notes(report)
    integrated_with = report.columns.get("integrations", "")
    for item in report.unlinked:
        if item.candidates == (item.application,):
            why = _("names the application itself")
        elif item.candidates:
            shown = ", ".join(f"'{c}'" for c in item.candidates[:5])
            if len(item.candidates) > 5:
                shown += " " + _("and {count} more").format(count=len(item.candidates) - 5)
            why = _("may name {applications}").format(applications=shown)
        else:
            why = _("names no imported application nor national platform")
        yield _(
            "{path}:{row}: note: '{text}' in '{column}' {why}; no integration, kept as "
            "properties.integrations of '{application}'"
        ).format(path=src, row=item.row, text=item.text, column=integrated_with, why=why,
                 application=item.application)
    yield from _passed_over(report)
    if report.imported and "status" not in report.columns:
        yield _("{path}: note: no status column: {applications} written without a status, "
                "so counted as active; one no longer used needs status: retired (or a 'Status' "
                "column)").format(path=src, applications=plural(
            report.imported, N_("{count} application"), N_("{count} applications")))
    for rows, template in (
        (report.status_unknown, N_(
            "{path}: note: {applications} whose status is empty or not given ('?', '-'): "
            "written without one, so counted as active until the status is set")),
        (report.unclassified, N_(
            "{path}: note: {applications} with no classification (umum/khusus, pusat/lokal) "
            "and no national platform match: written as kind khusus")),
        (report.on_pdd, N_(
            "{path}: note: {applications} whose server location names the pusat data daerah: "
            "hosted on '{centre}' ({file}; its networks and operator are not in "
            "the inventory)")),
        (report.on_pdn, N_(
            "{path}: note: {applications} whose server location names PDN: written as "
            "hosting: pdn")),
    ):
        if rows:
            yield _(template).format(path=src, centre=report.pusat_data_daerah,
                                     file=report.pusat_data_daerah_file or places,
                                     applications=plural(
                len(rows), N_("{count} application"), N_("{count} applications"))
            ) + f" ({rows_text(rows)})"
    for place in report.hosted:
        yield (_(
            "{path}: note: server location '{location}' read as {kind}: {applications} hosted "
            "on '{infrastructure}' ({file}; one element for every row naming it: "
            "split it if they mean different places) ({rows})"
        ) if place.unit is None else _(
            "{path}: note: server location '{location}' of {unit} read as {kind}: "
            "{applications} hosted on '{infrastructure}' ({file}; it names no "
            "particular {kind}: one element per unit, merge them if they are one) ({rows})"
        )).format(path=src, location=place.location, kind=place.kind, unit=place.unit,
                  file=places,
                  infrastructure=place.infrastructure, rows=rows_text(place.rows),
                  applications=plural(len(place.rows), N_("{count} application"),
                                      N_("{count} applications")))
    if report.unplaced:
        count = sum(len(rows) for rows in report.unplaced.values())
        yield _(
            "{path}: note: {applications} whose server location names no place (PDN, pusat data "
            "daerah, a server room, a vendor, a cloud): hosting left unknown, the text kept in "
            "properties.server_location: {locations}"
        ).format(path=src, applications=plural(
            count, N_("{count} application"), N_("{count} applications")),
            locations=", ".join(f"'{text}' ({rows_text(rows)})"
                                for text, rows in report.unplaced.items()))
    mechanism = report.columns.get("mechanism", "")
    if report.integrations and not mechanism:
        yield _(
            "{path}: note: {integrations} from '{column}', written with via: unknown and "
            "direction: unknown (the inventory says which applications exchange data, not how "
            "nor which way): {file}"
        ).format(path=src, column=integrated_with, file=links, integrations=plural(
            report.integrations, N_("{count} integration"), N_("{count} integrations")))
    elif report.integrations:
        yield _(
            "{path}: note: {integrations} from '{column}', written with direction: unknown "
            "(the inventory does not say which way data goes) and via as '{mechanism}' names "
            "it for {named}, unknown for the other {unnamed}: {file}"
        ).format(path=src, column=integrated_with, mechanism=mechanism, file=links,
                 named=report.integrations_via,
                 unnamed=report.integrations - report.integrations_via,
                 integrations=plural(report.integrations, N_("{count} integration"),
                                     N_("{count} integrations")))
    if report.integrations_unknown:
        yield _(
            "{path}: note: {applications} whose '{column}' is empty or names what no "
            "integration could link: written with integrations_known: false (neither isolated "
            "nor a data flow without integration until their integrations are recorded) ({rows})"
        ).format(path=src, column=integrated_with, rows=rows_text(report.integrations_unknown),
                 applications=plural(len(report.integrations_unknown),
                                     N_("{count} application"), N_("{count} applications")))
    if report.mechanisms_unread:
        yield _(
            "{path}: note: '{mechanism}' names no mechanism for each integration of "
            "{applications}: via left unknown, the text kept in properties.integrations_via: "
            "{cells}"
        ).format(path=src, mechanism=mechanism, applications=plural(
            sum(len(rows) for rows in report.mechanisms_unread.values()),
            N_("{count} row"), N_("{count} rows")),
            cells=", ".join(f"'{text}' ({rows_text(rows)})"
                            for text, rows in report.mechanisms_unread.items()))
    if report.also_listed:
        yield _(
            "{path}: note: {integrations} from '{column}' also in the integration list: written "
            "as the list gives them"
        ).format(path=src, column=integrated_with, integrations=plural(
            report.also_listed, N_("{count} integration"), N_("{count} integrations")))
    if report.integration_list is not None:
        yield from list_report_lines(report.integration_list)
    if report.in_model:
        rows = sorted(row for rows in report.in_model.values() for row in rows)
        yield _(
            "{path}: note: {applications} the model has already: not written again ({rows})"
        ).format(path=src, rows=rows_text(rows), applications=plural(
            len(rows), N_("{count} application"), N_("{count} applications")))
    yield _(
        "imported {imported} of {rows}: {applications}, {units}; {skipped} skipped, {guesses}, "
        "{unmatched} not in the catalog"
    ).format(
        imported=report.imported,
        rows=plural(report.rows, N_("{count} row"), N_("{count} rows")),
        applications=plural(report.imported, N_("{count} application"), N_("{count} applications")),
        units=plural(report.units, N_("{count} unit"), N_("{count} units")),
        skipped=len(report.skipped),
        guesses=plural(len(report.guesses) + len(report.merges), N_("{count} guess"),
                   N_("{count} guesses")),
        unmatched=plural(len(report.unmatched), N_("{count} national system"),
                     N_("{count} national systems")),
    )


_LIST_WORDS = frozenset({"integrasi", "interoperabilitas", "interkoneksi", "integration",
                         "integrations", "interoperability"})
"""Words of a sheet's name that say it lists integrations."""


def _reading(report: SheetReport, option: str = "--sheet",
             title: tuple[int, str] | None = None) -> Iterator[str]:
    """How the file was read (`option` names another sheet; `title`, the title row naming
    the instansi), its columns, and the rows skipped."""
    src = report.at
    how = [_("sheet '{sheet}'").format(sheet=report.sheet)] if report.sheet else []
    if report.encoding:
        encoding = _ENCODINGS.get(report.encoding, report.encoding)
        separated = _DELIMITERS.get(report.delimiter or ",")
        how.append(_(separated).format(encoding=encoding) if separated else
                   f"{encoding}, {report.delimiter!r}")
    if report.subheader_row:
        how.append(_("header in rows {first}-{last}").format(
            first=report.header_row, last=report.subheader_row))
    else:
        how.append(_("header in row {row}").format(row=report.header_row))
    yield f"{report.source}: {'; '.join(how)}"
    if title:
        yield _("{path}:{row}: instansi '{name}', as the title row names it (--instansi-name "
                "NAME gives another)").format(path=src, row=title[0], name=title[1])
    if report.other_sheets:
        others = ", ".join(_("'{sheet}' (hidden)").format(sheet=s) if s in report.hidden_sheets
                           else f"'{s}'" for s in report.other_sheets)
        yield _("{path}: note: read sheet '{sheet}'; not read: {others} ({option} NAME reads "
                "another)").format(path=report.source, sheet=report.sheet, option=option,
                                   others=others)
        for sheet in report.other_sheets if option == "--sheet" else ():
            if not _LIST_WORDS.isdisjoint(normal_words(sheet).split()):
                yield _("{path}: note: sheet '{sheet}' may be a list of integrations (one a "
                        "row: sender, receiver, mechanism): --integrations-sheet '{sheet}' "
                        "reads it beside the inventory").format(path=report.source, sheet=sheet)
    yield _("columns: {columns}").format(
        columns=", ".join(f"{c} <- '{h}'" for c, h in report.columns.items()))
    if report.properties:
        yield _("kept as properties: {properties}").format(properties=", ".join(
            f"{key} <- '{header}'" for key, header in report.properties.items()
        ))
    for note in report.skipped:
        yield _("{path}:{row}: skipped: {message}").format(
            path=src, row=note.row, message=note.message)


def _notes(report: SheetReport) -> Iterator[str]:
    for note in report.notes:
        yield _("{path}:{row}: note: {message}").format(
            path=report.at, row=note.row, message=note.message)


def _passed_over(report: SheetReport) -> Iterator[str]:
    """The blank and the empty rows."""
    src = report.at
    if report.blank:
        yield _(
            "{path}: note: {rows} with nothing but a running number or a placeholder ('-', "
            "'N/A'), read as blank ({which})"
        ).format(path=src, rows=plural(len(report.blank), N_("{count} row"), N_("{count} rows")),
                 which=rows_text(report.blank))
    if report.empty:
        yield _("{path}: note: {rows}, passed over ({which})").format(
            path=src, rows=plural(len(report.empty), N_("{count} empty row"),
                                  N_("{count} empty rows")), which=rows_text(report.empty))


def list_report_lines(report: ListReport, sheet_option: str = "--integrations-sheet"
                      ) -> Iterator[str]:
    """An integration list's report as text lines (beside an inventory's, or alone: the
    command's `sheet_option` names another sheet)."""
    src = report.at
    source, target = report.columns.get("source"), report.columns.get("target")
    yield from _reading(report, sheet_option)
    yield from _notes(report)
    for column, texts in report.kept.items():
        yield _(
            "{path}: note: '{column}' names no value the model has in {texts}: kept as "
            "properties.{key}"
        ).format(path=src, column=report.columns.get(column, column), key=column,
                 texts=", ".join(f"'{text}' ({rows_text(rows)})" for text, rows in texts.items()))
    if "mechanism" not in report.columns:
        yield _("{path}: note: no mechanism column: via unknown").format(path=src)
    elif rows := report.unstated.get("mechanism"):
        yield _("{path}: note: no mechanism ('{column}') in {rows}: via unknown ({which})"
                ).format(path=src, column=report.columns["mechanism"], which=rows_text(rows),
                         rows=plural(len(rows), N_("{count} row"), N_("{count} rows")))
    if report.undirected and "direction" not in report.columns:
        yield _(
            "{path}: note: no direction column, and '{source}' and '{target}' name two "
            "applications, not a sender and a receiver: direction unknown"
        ).format(path=src, source=source, target=target)
    elif "direction" not in report.columns:
        yield _(
            "{path}: note: no direction column: each integration goes from '{source}' to "
            "'{target}', as the columns say"
        ).format(path=src, source=source, target=target)
    elif rows := report.unstated.get("direction"):
        told = _("direction unknown") if report.undirected else _(
            "from '{source}' to '{target}', as the columns say").format(source=source,
                                                                        target=target)
        yield _("{path}: note: no direction ('{column}') in {rows}: {told} ({which})").format(
            path=src, column=report.columns["direction"], told=told, which=rows_text(rows),
            rows=plural(len(rows), N_("{count} row"), N_("{count} rows")))
    for network in report.networks:
        yield _(
            "{path}: note: the {kind} network ({rows}): written as infrastructure "
            "'{infrastructure}'"
        ).format(path=src, kind=network.kind, infrastructure=network.infrastructure,
                 rows=rows_text(network.rows))
    yield from _passed_over(report)
    yield _("{path}: {rows} read: {integrations} written, {skipped} skipped").format(
        path=src, skipped=plural(len(report.skipped), N_("{count} row"), N_("{count} rows")),
        integrations=plural(report.integrations, N_("{count} integration"),
                            N_("{count} integrations")),
        rows=plural(report.rows, N_("{count} row"), N_("{count} rows")))


def rows_text(rows: list[int]) -> str:
    """'row 4', 'rows 2, 3, 4, 5, 6 and 3 more', in the language in force."""
    shown = ", ".join(str(r) for r in rows[:5])
    if len(rows) > 5:
        shown += " " + _("and {count} more").format(count=len(rows) - 5)
    return _(N_("row {rows}") if len(rows) == 1 else N_("rows {rows}")).format(rows=shown)


def report_dict(report: ImportReport) -> dict:
    """The report as JSON-ready data (the `--format json` output), `clean` added to it, its
    integration list's as `list_report_dict` gives it (null without one)."""
    data = asdict(report)
    data["clean"] = report.clean
    if report.integration_list is not None:
        data["integration_list"] = list_report_dict(report.integration_list)
    return data


def list_report_dict(report: ListReport) -> dict:
    """An integration list's report as JSON-ready data, `clean` added."""
    data = asdict(report)
    data["clean"] = report.clean
    return data
