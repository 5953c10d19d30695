"""The integration list: one integration per row (sender, receiver, mechanism, network,
direction, data), read beside the inventory (`import inventory --integrations FILE`).

Unlike the inventory's 'Terintegrasi dengan' column (`links`), a list says how and which way:
each row becomes an integration with the `via`, `direction` and `network` its cells name. Its
two ends are named as the inventory names its applications (id, name, acronym:
`links.AppNames`) or are national platforms. A row whose ends name no application is skipped,
with the reason; a cell naming no value the model has is kept in `properties`, and the report
says so. Data moving both ways becomes two integrations, one each way. Where the list has no
direction column, its sender and receiver columns say the direction; where it has one, an
empty or unclear cell leaves the direction unknown.
"""

from dataclasses import dataclass, field
from pathlib import Path

from ...io import PlatformMatcher, national_platforms
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
from .columns import INTEGRATION_LIST, UNDIRECTED_HEADERS, Column, normal_header
from .links import BETWEEN_NAMES, AppNames, status_between
from .report import Hosted, ImportReport, RowNote
from .rows import Row
from .sheet import read_list
from .units import IdPool
from .values import TWO_WAY, direction_of, mechanism_of, network_of, status_of

__all__ = ["ListedIntegrations", "read_integration_list"]


@dataclass
class ListedIntegrations:
    """The integrations of an integration list, and the report of how they were read."""

    report: ImportReport
    integrations: list[Integration] = field(default_factory=list)
    networks: dict[InfrastructureKind, Infrastructure] = field(default_factory=dict)
    """The networks other than JIP the list names (the internet, the pemda's intranet, a
    VPN): one element of each kind."""
    rows: dict[str, list[int]] = field(default_factory=dict)
    """Element id -> the list's rows it comes from."""


def read_integration_list(
    path: Path, *, sheet: str | None, mapping: Path | None, names: AppNames, ids: IdPool
) -> ListedIntegrations:
    """The integrations the list at `path` gives between the applications of `names`.

    Raises `SpbeError` when nothing can be read (see `sheet.read_list`).
    """
    rows, report = read_list(path, sheet=sheet, mapping=mapping, layout=INTEGRATION_LIST)
    result = ListedIntegrations(report)
    jip = PlatformMatcher({pid: p for pid, p in national_platforms().items()
                           if p.kind is PlatformKind.network})
    if str(Column.direction) in report.columns:
        direction = None  # each row's cell says it
    elif _undirected(report):
        direction = IntegrationDirection.unknown
        report.undirected = True
    else:  # 'Aplikasi Sumber', 'Aplikasi Tujuan': the columns say it
        direction = IntegrationDirection.source_to_target
    seen: dict[tuple, str] = {}  # what an integration says -> its id
    for row in rows:
        ends = _ends(row, names, report)
        if ends is None:
            continue
        facts, properties = _facts(row, jip, report, direction)
        if isinstance(facts.get("network"), InfrastructureKind):
            facts["network"] = _network(result, facts["network"], row.number, ids)
        both = facts.pop("both ways", False)
        for source, target, turned in ends:
            fields = facts if turned is None else {**facts, "direction": turned}
            pairs = [(source, target)]
            if both and turned is None:
                pairs.append((target, source))
                report.notes.append(RowNote(row.number, _(
                    "'{text}': data moves both ways, written as two integrations, one each "
                    "way").format(text=row.values[Column.direction])))
            for start, end in pairs:
                key = (start, end, *sorted((k, str(v)) for k, v in fields.items()),
                       *sorted(properties.items()))
                if key in seen:
                    result.rows[seen[key]].append(row.number)
                    report.notes.append(RowNote(row.number, _(
                        "the same integration as row {row} ('{id}'): written once").format(
                            row=result.rows[seen[key]][0], id=seen[key])))
                    continue
                status = fields.get("status") or status_between(
                    names.apps[start], names.apps.get(end))
                integration = Integration(
                    id=ids.take(f"int-{start}-{end}"), source=start, target=end,
                    **{k: v for k, v in fields.items() if k != "status"},
                    **({"status": status} if status is not None else {}),
                    **({"properties": properties} if properties else {}),
                )
                seen[key] = integration.id
                result.integrations.append(integration)
                result.rows[integration.id] = [row.number]
    report.imported = report.integrations = len(result.integrations)
    report.networks = [Hosted(n.id, str(n.kind), n.name or n.id, result.rows[n.id])
                       for n in result.networks.values()]
    report.notes.sort(key=lambda note: note.row)  # read, then judged: in the list's order
    return result


def _ends(row: Row, names: AppNames, report: ImportReport
          ) -> list[tuple[str, str, IntegrationDirection | None]] | None:
    """(source, target, direction) for each integration the row's two ends give, the
    direction set only where the ends are turned round (the list's sender a national
    platform: the model writes an integration from an application); None when the row is
    skipped (the report says why)."""
    sources = _named(row, row.name, "", names, report, Column.source)
    if sources is None:
        return None
    targets = _named(row, row.unit, sources[0], names, report, Column.target)
    if targets is None:
        return None
    ends: list[tuple[str, str, IntegrationDirection | None]] = []
    for source in sources:
        for target in targets:
            if source == target:
                continue
            if source in names.apps:
                ends.append((source, target, None))
            elif target in names.apps:
                report.notes.append(RowNote(row.number, _(
                    "'{source}' is national platform '{platform}': an integration goes from an "
                    "application, so it is written from '{application}' to '{platform}' with "
                    "direction unknown").format(source=row.name, platform=source,
                                                application=target)))
                ends.append((target, source, IntegrationDirection.unknown))
            else:
                report.skipped.append(RowNote(row.number, _(
                    "both ends are national platforms ('{source}', '{target}'): no integration "
                    "of this instansi's applications").format(source=source, target=target)))
                return None
    if not ends:
        report.skipped.append(RowNote(row.number, _(
            "'{source}' and '{target}' name the same application '{application}'").format(
                source=row.name, target=row.unit, application=sources[0])))
        return None
    return ends


def _named(row: Row, cell: str, source: str, names: AppNames, report: ImportReport,
           column: Column) -> list[str] | None:
    """The applications (or national platforms) the names of `cell` name ('SIPD; SIMDA':
    two), other than `source`; a name naming none is noted, and when no name names one the
    row is skipped (None)."""
    header = report.columns[str(column)]
    found: list[str] = []
    failed: list[tuple[str, set[str]]] = []
    for text in filter(None, BETWEEN_NAMES.split(cell.strip())):
        named = names.named(text, source)
        if isinstance(named, set):
            failed.append((text, named))
            continue
        if (guess := names.guess(text, named)) is not None:
            report.notes.append(RowNote(row.number, _(
                "'{text}' in '{column}' taken as application '{id}': {why}").format(
                    text=text, column=header, id=guess[0], why=guess[1])))
        found += [n for n in named if n not in found]
    if not found:
        text, candidates = failed[0]
        report.skipped.append(RowNote(row.number, _("'{text}' in '{column}' {why}").format(
            text=text, column=header, why=_why(candidates))))
        return None
    for text, candidates in failed:
        report.notes.append(RowNote(row.number, _(
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
    return _("names no imported application nor national platform: write its name or id as "
             "the inventory does")


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


def _undirected(report: ImportReport) -> bool:
    """True when the list's two columns name an application and its partner ('Nama
    Aplikasi', 'Terintegrasi dengan'), not a sender and a receiver."""
    for column in (Column.source, Column.target):
        header = normal_header(report.columns[str(column)])
        if any(header == h or header.startswith(h + " ") for h in UNDIRECTED_HEADERS):
            return True
    return False


def _facts(row: Row, jip: PlatformMatcher, report: ImportReport,
           direction: IntegrationDirection | None) -> tuple[dict, dict[str, str]]:
    """The integration's fields the row's cells give (with "both ways" for data moving both
    ways; a network other than JIP as its kind), and its properties: unmapped cells, the data
    exchanged, and what a cell says that names no value (each noted in `report.kept`)."""
    values = row.values
    properties = dict(row.properties)
    fields: dict = {}
    text = values.get(Column.mechanism, "")
    via = mechanism_of(text) if text else None
    fields["via"] = via or IntegrationVia.unknown
    if text and via is None:
        _keep(report, properties, Column.mechanism, text, row.number)
    elif not text:
        report.unstated.setdefault(str(Column.mechanism), []).append(row.number)
    if direction is not None:  # the list's columns say it, for every row
        fields["direction"] = direction
    elif (text := values.get(Column.direction, "")) and (way := direction_of(text)):
        fields["direction"] = IntegrationDirection.source_to_target
        fields["both ways"] = way == TWO_WAY
    else:
        fields["direction"] = IntegrationDirection.unknown
        if text:
            _keep(report, properties, Column.direction, text, row.number)
        else:
            report.unstated.setdefault(str(Column.direction), []).append(row.number)
    if text := values.get(Column.network, ""):
        if (network := jip(text) or network_of(text)) is not None:
            fields["network"] = network
        else:
            _keep(report, properties, Column.network, text, row.number)
    if text := values.get(Column.status, ""):
        status: Status | None = status_of(text)
        if status is None:
            _keep(report, properties, Column.status, text, row.number)
        else:
            fields["status"] = status
    if text := values.get(Column.description, ""):
        fields["description"] = text
    if text := values.get(Column.data, ""):
        properties["data"] = text
    return fields, properties


def _keep(report: ImportReport, properties: dict[str, str], column: Column, text: str,
          row: int) -> None:
    """Keep a cell whose words name no value of `column` in `properties`, and say so."""
    properties[str(column)] = text
    report.kept.setdefault(str(column), {}).setdefault(text, []).append(row)
