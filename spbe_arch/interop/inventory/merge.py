"""`spbe-arch import inventory FILE --into MODEL`: an inventory added to a model kept by hand
(one `spbe-arch init` started, say).

The inventory is read as for a new model, for the model's instansi and without its ids; then
what the model has already is taken from it: a unit of the same name (in any spelling the
import groups: 'Diskominfo' is 'Dinas Komunikasi dan Informatika'), an application the row's
id names or of the same name and owner, the pusat data daerah, and integrations between two
applications the model links already. What is left is written as a file of its own in the model
folder, `inventory-<file>.yaml`, its references to what the model has pointing there, with its
report beside it: the architect's files are never touched, and every row taken as the model's
says which element it is. Written again only with `force`, and only when not edited since.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ...io import name_key
from ...io.unit_names import unit_key
from ...model import Architecture, InfrastructureKind
from ...model.i18n import gettext as _
from .columns import Column
from .convert import InventoryImport, import_inventory
from .emit import comment
from .into_model import check_replaced, model_to_add_to, written_here
from .links import Link
from .report import ImportReport, RowNote, report_lines
from .units import slug
from .write import element_fields, remark, write_signed

__all__ = ["InventoryAdded", "add_inventory"]


@dataclass
class InventoryAdded:
    """What an inventory added to a model, and the report of how."""

    imported: InventoryImport
    written: Path | None
    """The model file written (`inventory-<file>.yaml`); None when the model has it all."""

    @property
    def report(self) -> ImportReport:
        return self.imported.report


def add_inventory(path: Path, folder: Path, *, sheet: str | None, mapping: Path | None,
                  force: bool = False) -> InventoryAdded:
    """Read the inventory at `path` into the model in `folder` and write what it adds there.

    Raises `SpbeError` when the inventory cannot be read, `folder` holds no model without
    errors, or the file to write exists (and is not an unedited earlier import of this
    inventory, with `force`).
    """
    architecture = model_to_add_to(folder, _("an inventory"))
    name = slug(path.stem) or "inventory"
    target = folder / f"inventory-{name}.yaml"
    check_replaced(target, path, force)
    ours = written_here(architecture, target)
    into = {element_id: kind for kind, elements in architecture.collections.items()
            for element_id in elements if element_id not in ours}
    imported = import_inventory(path, sheet=sheet, mapping=mapping,
                                instansi=architecture.instansi, into=into)
    _take_the_models(imported, architecture, ours)
    if not (imported.units or imported.applications or imported.infrastructure
            or imported.integrations) and not target.exists():
        return InventoryAdded(imported, None)
    report_path = folder / f"inventory-{name}-report.txt"
    banner = "# " + _(
        "Imported by `spbe-arch import inventory --into` from {source}; rows, guesses and "
        "skipped rows: {report}").format(source=comment(imported.report.source),
                                         report=report_path.name)
    column = imported.report.columns.get(str(Column.integrations), "")
    mechanism = imported.report.columns.get(str(Column.mechanism), "")
    write_signed(target, banner, [
        ("units", [(remark(imported, e.id), element_fields(e)) for e in imported.units]),
        ("applications", [(remark(imported, e.id), element_fields(e))
                          for e in imported.applications]),
        ("infrastructure", [(remark(imported, e.id), element_fields(e))
                            for e in imported.infrastructure]),
        ("integrations", [(remark(imported, e.id), e.fields(column, mechanism))
                          for e in imported.integrations]),
    ], report_path, report_lines(imported.report))
    return InventoryAdded(imported, target)


def _take_the_models(imported: InventoryImport, architecture: Architecture,
                     ours: set[str]) -> None:
    """Leave out of `imported` what the model has (not in `ours`, the file being replaced),
    pointing what refers to it at the model's element, each noted on the first of its rows."""
    report = imported.report
    same: dict[str, str] = {}  # the import's id -> the model's
    where = {element_id: source.file for element_id, source in architecture.sources.items()}

    def note(element_id: str, message: str) -> None:
        rows = imported.rows.get(element_id) or [report.header_row]
        report.notes.append(RowNote(rows[0], message))

    units = {unit_key(unit.name): unit_id for unit_id, unit in architecture.units.items()
             if unit_id not in ours}
    for unit in imported.units:
        if (there := units.get(unit_key(unit.name))) is not None:
            same[unit.id] = there
            note(unit.id, _("unit '{name}' is the model's '{id}' ({file}): its applications "
                            "are owned by it").format(name=unit.name, id=there,
                                                      file=where[there]))
    centres = [infra_id for infra_id, infra in architecture.infrastructure.items()
               if infra.kind is InfrastructureKind.pusat_data_daerah and infra_id not in ours]
    for infra in imported.infrastructure:
        if infra.kind is InfrastructureKind.pusat_data_daerah and len(centres) == 1:
            same[infra.id] = centres[0]
            note(infra.id, _("the pusat data daerah is the model's '{id}' ({file}): its "
                             "applications are hosted on it").format(id=centres[0],
                                                                     file=where[centres[0]]))
    apps = {}
    installed: dict[str, list[str]] = {}
    for app_id, app in architecture.applications.items():
        if app_id not in ours:
            apps[name_key(app.name), app.owner] = app_id
            if app.platform:  # an installation of a platform, by whatever name
                apps.setdefault((app.platform, app.owner), app_id)
                installed.setdefault(app.platform, []).append(app_id)
    for app in imported.applications:
        owner = same.get(app.owner, app.owner)
        given = app.id in architecture.applications and app.id not in ours  # the id column's
        there = app.id if given else apps.get((name_key(app.name), owner)) or (
            apps.get((app.platform, owner)) if app.platform else None)
        if there is not None:
            same[app.id] = there
            report.in_model.setdefault(there, []).extend(imported.rows.get(app.id, []))
            note(app.id, _("'{name}' is the model's application '{id}' ({file}): not written "
                           "again (change it there if the row says more)").format(
                               name=app.name, id=there, file=where[there]))
    imported.units = [_pointed(u, same) for u in imported.units if u.id not in same]
    imported.applications = [_pointed(a, same) for a in imported.applications
                             if a.id not in same]
    hosting = {app.hosting for app in imported.applications}  # a place only they named: gone
    imported.infrastructure = [i for i in imported.infrastructure
                               if i.id not in same and i.id in hosting]
    for platform, there in installed.items():  # a link to the platform: to its one installation
        if len(there) == 1:
            same.setdefault(platform, there[0])
    linked = {frozenset((i.source, i.target)) for i in architecture.integrations.values()
              if i.id not in ours}
    kept = []
    for link in imported.integrations:
        link = _relinked(link, same.get)
        ends = frozenset((link.source, link.target))
        if ends in linked:
            note(link.id, _("'{source}' and '{target}' are linked in the model already: not "
                            "written").format(source=link.source, target=link.target))
            continue
        linked.add(ends)
        kept.append(link)
    imported.integrations = kept
    report.units = len(imported.units)
    report.notes.sort(key=lambda item: item.row)
    _named_as_written(report, same, {i.id for i in imported.infrastructure})


def _named_as_written(report: ImportReport, same: dict[str, str], places: set[str]) -> None:
    """The report's lines naming an element the model has name the model's; the rows of
    applications not written are not counted in what was written of them (their hosting,
    their kind, their integrations), nor a place (`places` are those written) only they
    named."""
    left = {row for rows in report.in_model.values() for row in rows}
    for name in ("unclassified", "on_pdd", "on_pdn", "integrations_unknown"):
        setattr(report, name, [row for row in getattr(report, name) if row not in left])
    report.guesses = [replace(g, application=same.get(g.application, g.application))
                      for g in report.guesses]
    report.unmatched = [replace(u, application=same.get(u.application, u.application))
                        for u in report.unmatched]
    report.unlinked = [replace(u, application=same.get(u.application, u.application))
                       for u in report.unlinked]
    report.merges = [replace(m, unit=same.get(m.unit, m.unit)) for m in report.merges]
    report.hosted = [replace(h, rows=[row for row in h.rows if row not in left])
                     for h in report.hosted if h.infrastructure in places]


def _pointed(element, same: dict[str, str]):
    """The element with its references (owner, parent, hosting) to what the model has
    pointing at the model's element."""
    update = {name: same[value] for name in ("owner", "parent", "hosting")
              if isinstance(value := getattr(element, name, None), str) and value in same}
    return element.model_copy(update=update) if update else element


def _relinked(link: Link, same: Callable[[str, str], str]) -> Link:
    return replace(link, source=same(link.source, link.source),
                   target=same(link.target, link.target))
