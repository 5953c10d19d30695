"""`spbe-arch import inventory FILE --into MODEL`: an inventory added to a model kept by hand
(one `spbe-arch init` started, say).

The inventory is read as for a new model, for the model's instansi and without its ids; what
the model has already is taken from it: a unit of the same name (in any spelling the import
groups: 'Diskominfo' is 'Dinas Komunikasi dan Informatika'), an application the row's id names
or of the same name and owner (or an installation of the same platform by the same unit), the
pusat data daerah, and integrations between two applications the model links already; the
integrations column may name the model's applications too. What is left is written as a file
of its own in the model folder, `inventory-<file>.yaml`, its references to what the model has
pointing there, with its report beside it: the architect's files are never touched, and every
row taken as the model's says which element it is. Written again only with `force`, only when
not edited since, and with the ids the earlier import gave (the architect's files may name
them): an element of the inventory keeps its id when it is still there.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ...change import diff_elements
from ...io import name_key
from ...io.unit_names import unit_key
from ...model import Architecture, InfrastructureKind
from ...model.i18n import gettext as _
from ...validate import ValidationResult, load_model
from .columns import Column
from .convert import InventoryImport, import_inventory
from .emit import comment
from .into_model import (
    check_replaced,
    leave_out_linked,
    model_to_add_to,
    use_own_networks,
    written_here,
)
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
    model: ValidationResult
    """The model as it is now, validated (a file of it may name what the inventory dropped)."""
    changed: tuple[list, list, list] | None = None
    """Against the earlier import being replaced: the elements added, removed and changed
    (`diff_elements`); None for a first import."""

    @property
    def report(self) -> ImportReport:
        return self.imported.report


def add_inventory(path: Path, folder: Path, *, sheet: str | None, mapping: Path | None,
                  force: bool = False, integration_list: Path | None = None,
                  integration_sheet: str | None = None,
                  integration_mapping: Path | None = None) -> InventoryAdded:
    """Read the inventory at `path` into the model in `folder` and write what it adds there.

    An integration list (`integration_list`, as `import_inventory` reads one) is read beside
    it, its ends named among the inventory's applications and the model's; its integrations are
    written in the same file (the mechanism it gives is not lost to a link of the inventory's
    integrations column, as it would be added after it).

    Raises `SpbeError` when the inventory cannot be read, `folder` holds no model without
    errors, or the file to write exists (and is not an unedited earlier import of this
    inventory, with `force`).
    """
    architecture = model_to_add_to(folder, _("an inventory"))
    name = slug(path.stem) or "inventory"
    target = folder / f"inventory-{name}.yaml"
    check_replaced(target, path, force)
    model = _Model(architecture, written_here(architecture, target))
    imported = import_inventory(path, sheet=sheet, mapping=mapping,
                                instansi=architecture.instansi, into=model.ids,
                                before_linking=model.take, integration_list=integration_list,
                                integration_sheet=integration_sheet,
                                integration_mapping=integration_mapping)
    model.leave_out(imported)
    model.keep_earlier_ids(imported)
    imported.report.written_to = target.name
    listed = imported.listed.integrations if imported.listed else []
    if not (imported.units or imported.applications or imported.infrastructure
            or imported.integrations or listed) and not target.exists():
        return InventoryAdded(imported, None, load_model(folder))
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
        ("integrations", [*((remark(imported, e.id), e.fields(column, mechanism))
                            for e in imported.integrations),
                          *((remark(imported, e.id), element_fields(e)) for e in listed)]),
    ], report_path, report_lines(imported.report))
    after = load_model(folder)
    changed = diff_elements(architecture, after.architecture) if model.ours else None
    return InventoryAdded(imported, target, after, changed)


class _Model:
    """The model an inventory is added to: what of it the inventory's elements may be, and
    what the earlier import of the inventory (`ours`, being replaced) called them."""

    def __init__(self, architecture: Architecture, ours: set[str]) -> None:
        self.arch, self.ours = architecture, ours
        self.ids = {element_id: kind for kind, elements in architecture.collections.items()
                    for element_id in elements if element_id not in ours}
        self.where = {element_id: s.file for element_id, s in architecture.sources.items()}
        self.apps = {i: app for i, app in architecture.applications.items() if i not in ours}
        self.installed: dict[str, list[str]] = {}
        """A national platform -> the model's installations of it."""
        for app_id, app in self.apps.items():
            if app.platform:
                self.installed.setdefault(app.platform, []).append(app_id)
        self.same: dict[str, str] = {}
        """The import's id -> the model's element it is."""

    def take(self, imported: InventoryImport) -> None:
        """Find what of `imported` the model has (before its integrations column is read, so
        that a name there is the model's application), each noted on the first of its rows."""
        arch, report, same = self.arch, imported.report, self.same

        def note(element_id: str, message: str) -> None:
            rows = imported.rows.get(element_id) or [report.header_row]
            report.notes.append(RowNote(rows[0], message))

        units = {unit_key(u.name): i for i, u in arch.units.items() if i not in self.ours}
        for unit in imported.units:
            if (there := units.get(unit_key(unit.name))) is not None:
                same[unit.id] = there
                note(unit.id, _("unit '{name}' is the model's '{id}' ({file}): its applications "
                                "are owned by it").format(name=unit.name, id=there,
                                                          file=self.where[there]))
        centres = [i for i, infra in arch.infrastructure.items() if i not in self.ours
                   and infra.kind is InfrastructureKind.pusat_data_daerah]
        for infra in imported.infrastructure:
            if infra.kind is InfrastructureKind.pusat_data_daerah and len(centres) == 1:
                same[infra.id] = centres[0]
                report.pusat_data_daerah_file = self.where[centres[0]]
                note(infra.id, _("the pusat data daerah is the model's '{id}' ({file}): its "
                                 "applications are hosted on it").format(
                                     id=centres[0], file=self.where[centres[0]]))
        mine, installed = self.apps, self.installed
        apps: dict[tuple[str, str], str] = {}
        named: dict[str, list[str]] = {}
        for app_id, app in mine.items():
            apps[name_key(app.name), app.owner] = app_id
            named.setdefault(name_key(app.name), []).append(app_id)
            if app.platform:  # an installation of a platform, by whatever name
                apps.setdefault((app.platform, app.owner), app_id)
        rows_of: dict[str | None, int] = {}
        for app in imported.applications:
            rows_of[app.platform] = rows_of.get(app.platform, 0) + 1
        for app in imported.applications:
            owner = same.get(app.owner, app.owner)
            given = app.id in mine  # the id column names it
            there = app.id if given else apps.get((name_key(app.name), owner)) or (
                apps.get((app.platform, owner)) if app.platform else None)
            if there is None and app.platform and rows_of[app.platform] == 1 and len(
                    installed.get(app.platform, ())) == 1:  # the instansi's one SRIKANDI
                there = installed[app.platform][0]
            if there is None:
                others = [i for i in named.get(name_key(app.name), ()) if i != app.id]
                if others:
                    note(app.id, _(
                        "'{name}' has the name of the model's application '{id}' ({file}), "
                        "owned by another unit ('{owner}'): written as another application; if "
                        "it is the same, delete the row or correct its unit"
                    ).format(name=app.name, id=others[0], file=self.where[others[0]],
                             owner=mine[others[0]].owner))
                continue
            same[app.id] = there
            report.in_model.setdefault(there, []).extend(imported.rows.get(app.id, []))
            says = _("'{name}' is the model's application '{id}' ({file}): not written again "
                     "(change it there if the row says more)").format(
                         name=app.name, id=there, file=self.where[there])
            if mine[there].owner != owner:
                says += "; " + _("the row names unit '{unit}', the model '{owner}'").format(
                    unit=owner, owner=mine[there].owner)
            note(app.id, says)
        taken = set(same.values())
        imported.known = [app for i, app in mine.items() if i not in taken]

    def leave_out(self, imported: InventoryImport) -> None:
        """Leave out of `imported` what the model has, pointing what refers to it at the
        model's element; a unit left with no application, a place no application written
        names and a link the model has are left out too."""
        same, report = self.same, imported.report
        imported.applications = [_pointed(a, same) for a in imported.applications
                                 if a.id not in same]
        used = {app.owner for app in imported.applications}
        parents = {u.id: u.parent for u in imported.units}
        for unit in list(used):  # a unit's parent is used too
            while (unit := parents.get(unit)) is not None:
                used.add(unit)
        imported.units = [_pointed(u, same) for u in imported.units
                          if u.id not in same and u.id in used]
        hosting = {app.hosting for app in imported.applications}
        for platform, there in self.installed.items():  # a link to it: its one installation
            if len(there) == 1:
                same.setdefault(platform, there[0])
        networks: list = []
        if (listed := imported.listed) is not None:  # its ends, its networks: the model's
            listed.integrations = [_pointed(i, same) for i in listed.integrations]
            leave_out_linked(listed, self.arch, self.ours)
            use_own_networks(listed, self.arch, self.ours)
            networks = list(listed.networks.values())
        imported.infrastructure = [i for i in imported.infrastructure
                                   if i.id not in same and i.id in hosting] + networks
        linked = {frozenset((i.source, i.target)) for i in self.arch.integrations.values()
                  if i.id not in self.ours}
        kept = []
        for link in imported.integrations:
            link = _relinked(link, same.get)
            ends = frozenset((link.source, link.target))
            if ends in linked:
                rows = imported.rows.get(link.id) or [report.header_row]
                report.notes.append(RowNote(rows[0], _(
                    "'{source}' and '{target}' are linked in the model already: not written"
                ).format(source=link.source, target=link.target)))
                continue
            linked.add(ends)
            kept.append(link)
        imported.integrations = kept
        report.units, report.integrations = len(imported.units), len(kept)
        report.notes.sort(key=lambda item: item.row)
        _named_as_written(report, same, {i.id for i in imported.infrastructure})

    def keep_earlier_ids(self, imported: InventoryImport) -> None:
        """Give each element the id the earlier import gave the same one (the architect's
        files may name it); an id it gave another is made anew."""
        if not self.ours:
            return
        arch, rename = self.arch, {}
        earlier: dict[Any, str] = {}
        for element_id in self.ours:
            element = arch.element(element_id)
            if element is not None:
                earlier.setdefault(_key(element, {}), element_id)
        listed = imported.listed.integrations if imported.listed else []
        for elements in (imported.units, imported.applications, imported.infrastructure,
                         imported.integrations, listed):  # owners before what they own
            for element in elements:
                there = earlier.get(_key(element, rename))
                if there is not None and there not in rename.values():
                    rename[element.id] = there
        claimed = set(rename.values())
        imported.ids.hold(claimed)
        for elements in (imported.units, imported.applications, imported.infrastructure,
                         imported.integrations, listed):
            for element in elements:
                if element.id not in rename and element.id in claimed:
                    rename[element.id] = imported.ids.take(element.id)  # another's before
        rename = {old: new for old, new in rename.items() if old != new}
        if rename:
            _renamed(imported, rename)


def _key(element: Any, rename: dict[str, str]) -> tuple:
    """What makes an element of the inventory the same one as an earlier import's: its kind
    of element and name (and owner); an integration, its ends."""
    def end(value: str) -> str:
        return rename.get(value, value)

    if hasattr(element, "via"):  # a link of the integrations column, or of the list
        return ("link", frozenset((end(element.source), end(element.target))))
    owner = getattr(element, "owner", None)
    return (type(element).__name__, name_key(element.name), end(owner) if owner else None)


def _renamed(imported: InventoryImport, rename: dict[str, str]) -> None:
    """`imported` with the ids of `rename` changed, where they are and where they are named."""
    def moved(element):
        return _pointed(element, rename).model_copy(
            update={"id": rename.get(element.id, element.id)})

    imported.units = [moved(u) for u in imported.units]
    imported.applications = [moved(a) for a in imported.applications]
    imported.infrastructure = [moved(i) for i in imported.infrastructure]
    if (listed := imported.listed) is not None:
        listed.integrations = [moved(i) for i in listed.integrations]
        listed.networks = {kind: moved(n) for kind, n in listed.networks.items()}
        for old, new in rename.items():
            if old in listed.rows:
                listed.rows[new] = listed.rows.pop(old)
    imported.integrations = [replace(_relinked(link, rename.get), id=rename.get(link.id, link.id))
                             for link in imported.integrations]
    for table in (imported.rows, imported.remarks):
        for old, new in rename.items():
            if old in table:
                table[new] = table.pop(old)
    _named_as_written(imported.report, rename, {i.id for i in imported.infrastructure})


def _named_as_written(report: ImportReport, same: dict[str, str], places: set[str]) -> None:
    """The report's lines naming an element the model has name the model's; the rows of
    applications not written are not counted in what was written of them (their hosting,
    their kind, their integrations), nor a place (`places` are those written) only they
    named."""
    left = {row for rows in report.in_model.values() for row in rows}
    report.pusat_data_daerah = same.get(report.pusat_data_daerah, report.pusat_data_daerah)
    for name in ("status_unknown", "unclassified", "on_pdd", "on_pdn", "integrations_unknown"):
        setattr(report, name, [row for row in getattr(report, name) if row not in left])
    report.guesses = [replace(g, application=same.get(g.application, g.application))
                      for g in report.guesses]
    report.unmatched = [replace(u, application=same.get(u.application, u.application))
                        for u in report.unmatched]
    report.unlinked = [replace(u, application=same.get(u.application, u.application))
                       for u in report.unlinked]
    report.merges = [replace(m, unit=same.get(m.unit, m.unit)) for m in report.merges]
    report.hosted = [replace(h, infrastructure=same.get(h.infrastructure, h.infrastructure),
                             rows=[row for row in h.rows if row not in left])
                     for h in report.hosted
                     if same.get(h.infrastructure, h.infrastructure) in places]


def _pointed(element: Any, same: dict[str, str]) -> Any:
    """The element with its references (owner, parent, hosting; an integration's ends and
    network) to what the model has pointing at the model's element."""
    update = {name: same[value] for name in _REFERENCES
              if isinstance(value := getattr(element, name, None), str) and value in same}
    return element.model_copy(update=update) if update else element


_REFERENCES = ("owner", "parent", "hosting", "source", "target", "network")
"""The fields of an imported element that name another."""


def _relinked(link: Link, same: Callable[[str, str], str]) -> Link:
    return replace(link, source=same(link.source, link.source),
                   target=same(link.target, link.target))

