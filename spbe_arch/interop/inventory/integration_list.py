"""The integration list: one integration per row (sender, receiver, mechanism, network,
direction, data), read beside the inventory (`import inventory --integrations FILE`).

Unlike the inventory's 'Terintegrasi dengan' column (`links`), a list says how and which way:
each row becomes an integration with the `via`, `direction` and `network` its cells name. Its
two ends are named as the inventory names its applications (id, name, acronym:
`links.AppNames`) or are national platforms. A row whose ends name no application is skipped,
with the reason; a cell naming no value the model has is kept in `properties`, and the report
says so. Data moving both ways becomes two integrations, one each way. Sender and receiver
columns say the direction where a direction cell says none; columns naming an application
and its partners ('Nama Aplikasi', 'Terintegrasi dengan') do not: there, the direction is
unknown unless the cell says it.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...io import PlatformMatcher, national_platforms
from ...io.unit_names import normal_words
from ...model import (
    Infrastructure,
    InfrastructureKind,
    Integration,
    IntegrationDirection,
    IntegrationVia,
    PlatformKind,
    Status,
)
from ...model.i18n import gettext as _
from .columns import (
    INTEGRATION_LIST,
    LIST_HEADERS,
    UNDIRECTED_HEADERS,
    Column,
    Layout,
)
from .links import AppNames, status_between
from .report import ListReport, Network, RowNote
from .rows import Row
from .sheet import read_list
from .units import IdPool
from .values import (
    Mechanism,
    Way,
    direction_of,
    mechanism_of,
    network_of,
    planned,
    status_of,
)

__all__ = ["ListedIntegrations", "read_integration_list"]


@dataclass
class ListedIntegrations:
    """The integrations of an integration list, and the report of how they were read."""

    report: ListReport
    integrations: list[Integration] = field(default_factory=list)
    networks: dict[InfrastructureKind, Infrastructure] = field(default_factory=dict)
    """The networks other than JIP the list names (the internet, the pemda's intranet, a
    VPN): one element of each kind."""
    rows: dict[str, list[int]] = field(default_factory=dict)
    """Element id -> the list's rows it comes from."""


def read_integration_list(
    path: Path, *, sheet: str | None, mapping: Path | None, names: AppNames, ids: IdPool,
    layout: Layout = INTEGRATION_LIST,
) -> ListedIntegrations:
    """The integrations the list at `path` gives between the applications of `names`
    (`layout`: the options its messages name).

    Raises `SpbeError` when nothing can be read (see `sheet.read_list`).
    """
    rows, report = read_list(path, sheet=sheet, mapping=mapping, layout=layout,
                             kind=ListReport)
    result = ListedIntegrations(report)
    jip = PlatformMatcher({pid: p for pid, p in national_platforms().items()
                           if p.kind is PlatformKind.network})
    report.undirected = _undirected(report)
    taken = _Taken(report, ids)
    for row in rows:
        if row.missing is not None:  # no receiver: of partners, none; of a sender, unknown
            if not report.undirected:
                report.skipped.append(row.missing)
                continue
            report.notes.append(RowNote(row.number, _(
                "'{application}' has no partner in '{column}': no integration").format(
                    application=row.name, column=report.columns[str(Column.target)])))
            continue
        cell = row.values.get(Column.mechanism) or (row.blanked or {}).get(Column.mechanism)
        mechanism = mechanism_of(cell) if cell else None
        if mechanism is not None and mechanism.none:
            report.notes.append(RowNote(row.number, _(
                "'{text}' in '{column}': not integrated; no integration written").format(
                    text=cell, column=report.columns[str(Column.mechanism)])))
            continue
        notes: list[RowNote] = []
        ends = _ends(row, names, report, notes)
        if ends is None:
            continue
        ends = _of_applications(row, ends, names, report, notes)
        if not ends:
            continue
        report.notes += notes
        fields, properties, way = _facts(row, mechanism, jip, report)
        if isinstance(fields.get("network"), InfrastructureKind):
            fields["network"] = _network(result, fields["network"], row.number, ids)
        both = False
        for source, target in ends:
            ways = _ways(row, source, target, way, names, report)
            for start, end, direction in ways:
                new = taken.add(row.number, start, end, {**fields, "direction": direction},
                                properties)
                both = both or (new and len(ways) == 2 and end == source)
        if both:
            report.notes.append(RowNote(row.number, _(
                "'{text}': data moves both ways, written as two integrations, one each "
                "way").format(text=row.values[Column.direction])))
    for each in taken.written.values():
        result.integrations.append(each.integration(names))
        result.rows[each.id] = each.rows
    report.integrations = len(result.integrations)
    report.networks = [Network(n.id, str(n.kind), result.rows[n.id])
                       for n in result.networks.values()]
    report.notes.sort(key=lambda note: note.row)  # read, then judged: in the list's order
    return result


def _of_applications(row: Row, ends: list[tuple[str, str]], names: AppNames,
                     report: ListReport, notes: list[RowNote]) -> list[tuple[str, str]]:
    """The pairs of `ends` with an application at one end at least. A pair of two national
    platforms is no integration of the instansi: noted, or the row skipped when it has no
    other pair (an empty list)."""
    kept = [(s, t) for s, t in ends if s in names.apps or t in names.apps]
    for source, target in (pair for pair in ends if pair not in kept):
        said = _("both ends are national platforms ('{source}', '{target}'): no integration "
                 "of this instansi's applications").format(source=source, target=target)
        if not kept:
            report.skipped.append(RowNote(row.number, said))
            break
        notes.append(RowNote(row.number, said))
    return kept


def _ways(row: Row, source: str, target: str, way: Way | None, names: AppNames,
          report: ListReport) -> list[tuple[str, str, IntegrationDirection]]:
    """(source, target, direction) of each integration between the two ends of a row (one an
    application at least) as the model writes them: from an application (a national platform
    as sender is turned round, direction unknown), both ways as two (one when an end is a
    national platform, direction unknown: the model has no integration from it)."""
    if way is Way.backwards:
        source, target, way = target, source, Way.one_way
    if source not in names.apps or target not in names.apps:
        platform, app = (source, target) if target in names.apps else (target, source)
        if way is None and source == platform:
            report.notes.append(RowNote(row.number, _(
                "national platform '{platform}' named first: an integration goes from an "
                "application, so it is written from '{application}' to '{platform}'").format(
                    platform=platform, application=app)))
            return [(app, platform, IntegrationDirection.unknown)]
        if source == platform or way is Way.two_way:
            report.notes.append(RowNote(row.number, _(
                "data moves from national platform '{platform}' to '{application}': an "
                "integration goes from an application, so it is written from '{application}' "
                "to '{platform}' with direction unknown").format(platform=platform,
                                                                 application=app)))
            return [(app, platform, IntegrationDirection.unknown)]
    if way is Way.two_way:
        return [(source, target, IntegrationDirection.source_to_target),
                (target, source, IntegrationDirection.source_to_target)]
    known = IntegrationDirection.source_to_target if way is Way.one_way else None
    return [(source, target, known or IntegrationDirection.unknown)]


@dataclass
class _Written:
    """An integration as the rows give it, until every row is read (a later row repeating it
    adds its cells)."""

    id: str
    source: str
    target: str
    fields: dict
    properties: dict[str, str]
    rows: list[int]

    def integration(self, names: AppNames) -> Integration:
        fields = {k: v for k, v in self.fields.items() if v is not None}
        status = fields.pop("status", None) or status_between(names.apps[self.source],
                                                              names.apps.get(self.target))
        return Integration(id=self.id, source=self.source, target=self.target, **fields,
                           **({"status": status} if status is not None else {}),
                           **({"properties": self.properties} if self.properties else {}))


class _Taken:
    """The integrations taken from the rows so far, by what each says (its ends, mechanism,
    network, status and direction) and by the two applications it links."""

    def __init__(self, report: ListReport, ids: IdPool) -> None:
        self.written: dict[tuple, _Written] = {}
        self._between: dict[frozenset[str], _Written] = {}
        self._report = report
        self._ids = ids

    def add(self, row: int, source: str, target: str, fields: dict[str, Any],
            properties: dict[str, str]) -> bool:
        """Take the integration a row gives; True when it is a new one. One an earlier row
        gave gets the row, and the row's other cells (description, data, properties) where
        they add to its own; so does one of known direction that a row of unknown direction
        names. Another integration between two applications already linked is new, and
        noted, unless it is the way back of the same row."""
        key = self._key(source, target, fields)
        same = self.written.get(key)
        known = {**fields, "direction": IntegrationDirection.source_to_target}
        if same is None and fields["direction"] is IntegrationDirection.unknown:
            same = (self.written.get(self._key(source, target, known))
                    or self.written.get(self._key(target, source, known)))
        elif same is None:  # an earlier row of unknown direction: this one tells it
            vague = {**fields, "direction": IntegrationDirection.unknown}
            same = self.written.pop(self._key(source, target, vague), None)
            if same is not None:
                same.source, same.target = source, target
                same.fields["direction"] = fields["direction"]
                self.written[key] = same
        if same is not None:
            if row not in same.rows:
                same.rows.append(row)
                added = _joined(same.fields, {"description": fields.get("description")})
                added = _joined(same.properties, properties) or added
                self._report.notes.append(RowNote(row, (_(
                    "the same integration as row {row} ('{id}'): written once, with this row's "
                    "other cells") if added else _(
                    "the same integration as row {row} ('{id}'): written once")).format(
                        row=same.rows[0], id=same.id)))
            return False
        new = _Written(self._ids.take(f"int-{source}-{target}"), source, target, fields,
                       dict(properties), [row])
        first = self._between.setdefault(frozenset((source, target)), new)
        if first is not new and row not in first.rows:  # not the way back of this row
            self._report.notes.append(RowNote(row, _(
                "another integration between '{source}' and '{target}' (row {row} gives "
                "'{id}'): written as '{new}'").format(
                    source=source, target=target, row=first.rows[0], id=first.id,
                    new=new.id)))
        self.written[key] = new
        return True

    @staticmethod
    def _key(source: str, target: str, fields: dict[str, Any]) -> tuple:
        """What identifies an integration: its ends (either way when its direction is
        unknown), mechanism, network, status and direction."""
        unknown = fields["direction"] is IntegrationDirection.unknown
        ends = frozenset((source, target)) if unknown else (source, target)
        return (ends, *(str(fields.get(k)) for k in ("via", "network", "status",
                                                      "direction")))


def _joined(held: dict, more: dict) -> bool:
    """Add to `held` the values of `more` it lacks or holds otherwise ('a' and 'b': 'a; b');
    True when anything was added."""
    added = False
    for key, value in more.items():
        if not value or value == held.get(key) or value in str(held.get(key, "")).split("; "):
            continue
        held[key] = f"{held[key]}; {value}" if held.get(key) else value
        added = True
    return added


def _ends(row: Row, names: AppNames, report: ListReport, notes: list[RowNote]
          ) -> list[tuple[str, str]] | None:
    """(source, target) for each pair of applications or national platforms the row's two
    ends name; None when the row is skipped (the report says why). Notes of what was read
    go to `notes`, which the caller keeps only for a row it does not skip."""
    sources = _named(row, row.name, "", names, report, Column.source, notes)
    if sources is None:
        return None
    targets = _named(row, row.unit, sources[0] if len(sources) == 1 else "", names, report,
                     Column.target, notes)
    if targets is None:
        return None
    ends = [(source, target) for source in sources for target in targets if source != target]
    if not ends:
        report.skipped.append(RowNote(row.number, _(
            "'{source}' and '{target}' name the same application '{application}'").format(
                source=row.name, target=row.unit, application=sources[0])))
        return None
    return ends


def _named(row: Row, cell: str, source: str, names: AppNames, report: ListReport,
           column: Column, notes: list[RowNote]) -> list[str] | None:
    """The applications (or national platforms) the names of `cell` name ('SIPD; SIMDA',
    one a line: two), other than `source`; a name naming none is noted, and when no name
    names one the row is skipped (None)."""
    header = report.columns[str(column)]
    found: list[str] = []
    failed: list[tuple[str, set[str]]] = []
    for text in names.names_in(cell, source):
        named = names.named(text, source)
        if isinstance(named, set):
            failed.append((text, named))
            continue
        if (guess := names.guess(text, named)) is not None:
            notes.append(RowNote(row.number, _(
                "'{text}' in '{column}' taken as application '{id}': {why}").format(
                    text=text, column=header, id=guess[0], why=guess[1])))
        found += [n for n in named if n not in found]
    if not found:
        text, candidates = failed[0]
        report.skipped.append(RowNote(row.number, _("'{text}' in '{column}' {why}").format(
            text=text, column=header, why=_why(candidates))))
        return None
    for text, candidates in failed:
        notes.append(RowNote(row.number, _(
            "'{text}' in '{column}' {why}; no integration with it").format(
                text=text, column=header, why=_why(candidates))))
    return found


def _why(candidates: set[str]) -> str:
    """Why a name names no application: `candidates` are those it may name."""
    if len(candidates) > 1:
        shown = ", ".join(f"'{c}'" for c in sorted(candidates)[:5])
        return _("may name {applications}: write its id").format(applications=shown)
    if candidates:
        return _("names the application at the other end")
    return _("names no application nor national platform: write its name or id as the "
             "applications are listed")


def _network(result: ListedIntegrations, kind: InfrastructureKind, row: int, ids: IdPool
             ) -> str:
    """The id of the network element of `kind`, made on its first row."""
    if kind not in result.networks:
        result.networks[kind] = Infrastructure(id=ids.take(str(kind)), name=_NETWORK_NAMES[kind],
                                               kind=kind)
        result.rows[result.networks[kind].id] = []
    network = result.networks[kind].id
    result.rows[network].append(row)
    return network


_NETWORK_NAMES = {InfrastructureKind.internet: "Internet", InfrastructureKind.intranet:
                  "Intranet", InfrastructureKind.vpn: "VPN"}


def _undirected(report: ListReport) -> bool:
    """True when the list's two columns name an application and its partner ('Nama
    Aplikasi', 'Terintegrasi dengan'), not a sender and a receiver."""
    for column in (Column.source, Column.target):
        header = normal_words(report.columns[str(column)])
        read_as = max((h for h in LIST_HEADERS[column]  # the header it was read as
                       if header == h or header.startswith(h + " ")), key=len, default=None)
        if read_as in UNDIRECTED_HEADERS:
            return True
    return False


def _facts(row: Row, mechanism: Mechanism | None, jip: PlatformMatcher, report: ListReport
           ) -> tuple[dict[str, Any], dict[str, str], Way | None]:
    """The integration's fields the row's cells give but its ends and direction (a network
    other than JIP as its kind), its properties (unmapped cells, the data exchanged, what a
    cell says that names no value: each noted in `report.kept`), and which way data moves
    (`values.direction_of`; None: unknown)."""
    values = row.values
    properties = dict(row.properties)
    fields: dict = {"via": IntegrationVia.unknown}
    text = values.get(Column.mechanism, "")
    if mechanism is not None and mechanism.via is not None:
        fields["via"] = mechanism.via
    elif text:
        _keep(report, properties, Column.mechanism, text, row.number)
    elif str(Column.mechanism) in report.columns:
        report.unstated.setdefault(str(Column.mechanism), []).append(row.number)
    if text := values.get(Column.status, ""):
        if (status := status_of(text)) is None:
            _keep(report, properties, Column.status, text, row.number)
        else:
            fields["status"] = status
    for column in (Column.mechanism, Column.direction):  # 'Rencana SPLP', 'Dua arah (rencana)'
        if "status" not in fields and planned(values.get(column, "")):
            fields["status"] = Status.planned
            report.notes.append(RowNote(row.number, _(
                "'{text}' in '{column}': planned; written with status planned").format(
                    text=values[column], column=report.columns[str(column)])))
    way = None if report.undirected else Way.one_way  # the columns say it, or they do not
    if str(Column.direction) in report.columns:
        text = values.get(Column.direction, "")
        if text and (said := direction_of(text, directed=not report.undirected)):
            way = said
        elif text:  # words that name no direction ('Inbound', 'tidak tahu'): unknown
            way = None
            _keep(report, properties, Column.direction, text, row.number)
        else:
            report.unstated.setdefault(str(Column.direction), []).append(row.number)
    if text := values.get(Column.network, ""):
        if (network := jip(text) or network_of(text)) is not None:
            fields["network"] = network
        else:
            _keep(report, properties, Column.network, text, row.number)
    if text := values.get(Column.description, ""):
        fields["description"] = text
    if text := values.get(Column.data, ""):
        properties["data"] = text
    return fields, properties, way


def _keep(report: ListReport, properties: dict[str, str], column: Column, text: str,
          row: int) -> None:
    """Keep a cell whose words name no value of `column` in `properties`, and say so."""
    properties[str(column)] = text
    report.kept.setdefault(str(column), {}).setdefault(text, []).append(row)
