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
from ...model import Integration, IntegrationDirection, IntegrationVia, PlatformKind, Status
from ...model.i18n import gettext as _
from .columns import INTEGRATION_LIST, Column
from .links import AppNames, status_between
from .report import ImportReport, RowNote
from .rows import Row
from .sheet import read_list
from .units import IdPool
from .values import TWO_WAY, direction_of, mechanism_of, status_of

__all__ = ["ListedIntegrations", "read_integration_list"]


@dataclass
class ListedIntegrations:
    """The integrations of an integration list, and the report of how they were read."""

    report: ImportReport
    integrations: list[Integration] = field(default_factory=list)
    rows: dict[str, list[int]] = field(default_factory=dict)
    """Integration id -> the list's rows it comes from."""


def read_integration_list(
    path: Path, *, sheet: str | None, mapping: Path | None, names: AppNames, ids: IdPool
) -> ListedIntegrations:
    """The integrations the list at `path` gives between the applications of `names`.

    Raises `SpbeError` when nothing can be read (see `sheet.read_list`).
    """
    rows, report = read_list(path, sheet=sheet, mapping=mapping, layout=INTEGRATION_LIST)
    result = ListedIntegrations(report)
    networks = PlatformMatcher({pid: p for pid, p in national_platforms().items()
                                if p.kind is PlatformKind.network})
    stated_direction = str(Column.direction) in report.columns
    seen: dict[tuple, str] = {}  # what an integration says -> its id
    for row in rows:
        ends = _ends(row, names, report)
        if ends is None:
            continue
        facts, properties = _facts(row, networks, report, stated_direction)
        both = facts.pop("both ways", False)
        for source, target, turned in ends:
            fields = facts if turned is None else {**facts, "direction": turned}
            pairs = [(source, target)]
            if both and turned is None:
                pairs.append((target, source))
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
    report.notes.sort(key=lambda note: note.row)  # read, then judged: in the list's order
    return result


def _ends(row: Row, names: AppNames, report: ImportReport
          ) -> list[tuple[str, str, IntegrationDirection | None]] | None:
    """(source, target, direction) for each integration the row's two ends give, the
    direction set only where the ends are turned round (the list's sender a national
    platform: the model writes an integration from an application); None when the row is
    skipped (the report says why)."""
    source_header = report.columns[str(Column.source)]
    target_header = report.columns[str(Column.target)]
    sources = names.named(row.name)
    if isinstance(sources, set):
        return _skip(row, report, row.name, source_header, sources)
    targets = names.named(row.unit, sources[0])
    if isinstance(targets, set):
        return _skip(row, report, row.unit, target_header, targets)
    for text, named, header in ((row.name, sources, source_header),
                                (row.unit, targets, target_header)):
        if (guess := names.guess(text, named)) is not None:
            report.notes.append(RowNote(row.number, _(
                "'{text}' in '{column}' taken as application '{id}': {why}").format(
                    text=text, column=header, id=guess[0], why=guess[1])))
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


def _skip(row: Row, report: ImportReport, text: str, header: str, candidates: set[str]
          ) -> None:
    if len(candidates) > 1:
        shown = ", ".join(f"'{c}'" for c in sorted(candidates)[:5])
        why = _("may name {applications}: write its id").format(applications=shown)
    elif candidates:
        why = _("names the application at the other end")
    else:
        why = _("names no imported application nor national platform: write its name or id "
                "as the inventory does")
    report.skipped.append(RowNote(row.number, _("'{text}' in '{column}' {why}").format(
        text=text, column=header, why=why)))


def _facts(row: Row, networks: PlatformMatcher, report: ImportReport, stated_direction: bool
           ) -> tuple[dict, dict[str, str]]:
    """The integration's fields the row's cells give (with "both ways" for data moving both
    ways), and its properties: unmapped cells, the data exchanged, and what a cell says that
    names no value (each noted in `report.kept`)."""
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
    if not stated_direction:
        fields["direction"] = IntegrationDirection.source_to_target
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
        if (network := networks(text)) is not None:
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
