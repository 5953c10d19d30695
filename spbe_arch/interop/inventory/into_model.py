"""`spbe-arch import integrations LIST --into MODEL`: an integration list added to a model
kept by hand.

The list is read as beside an inventory (`integration_list`), its ends named among the model's
applications. What it gives is written as a file of its own in the model folder,
`integrations-<list>.yaml` (its integrations, and the networks other than JIP it names that
the model lacks), with its report beside it: the architect's files are never touched. Two
applications the model links already keep their integration: the list's is left out, and the
report says so. Written again only with `force`, and only when not edited since (the digest
on its first line, as an inventory import writes it).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ...io import MANIFEST, SpbeError
from ...model import (
    Architecture,
    InfrastructureKind,
    Integration,
    IntegrationDirection,
    IntegrationVia,
    Severity,
)
from ...model.i18n import N_, plural
from ...model.i18n import gettext as _
from .columns import INTEGRATION_LIST
from .convert import application_platforms
from .emit import comment
from .integration_list import ListedIntegrations, read_integration_list
from .links import AppNames
from .report import ListReport, RowNote, list_report_lines
from .units import IdPool, slug
from .write import edited, list_rows, write_signed

__all__ = ["SHEET_OPTION", "ListAdded", "add_integration_list", "check_replaced",
           "leave_out_linked", "model_to_add_to", "use_own_networks", "written_here"]


@dataclass
class ListAdded:
    """The integrations a list added to a model, and the report of how."""

    listed: ListedIntegrations
    written: Path | None
    """The model file written (`integrations-<list>.yaml`); None when the list adds
    nothing."""

    @property
    def report(self) -> ListReport:
        return self.listed.report


def add_integration_list(path: Path, folder: Path, *, sheet: str | None,
                         mapping: Path | None, force: bool = False) -> ListAdded:
    """Read the list at `path` against the model in `folder` and write what it adds there.

    Raises `SpbeError` when the list cannot be read, `folder` holds no valid model (names
    are found among its elements: a file it cannot read would make them wrong), or the file
    to write exists (and is not an unedited earlier one of this list, with `force`).
    """
    architecture = model_to_add_to(folder, _("an integration list"))
    name = slug(path.stem) or "list"
    target = folder / f"integrations-{name}.yaml"
    report_path = folder / f"integrations-{name}-report.txt"
    check_replaced(target, path, force)
    ours = written_here(architecture, target)
    units = {unit_id: unit.name for unit_id, unit in architecture.units.items()}
    names = AppNames(architecture.applications.values(), application_platforms(), units)
    ids = IdPool(element_id for elements in architecture.collections.values()
                 for element_id in elements if element_id not in ours)
    listed = read_integration_list(path, sheet=sheet, mapping=mapping, names=names, ids=ids,
                                   layout=_INTO_MODEL)
    leave_out_linked(listed, architecture, ours)
    use_own_networks(listed, architecture, ours)
    if not listed.integrations and not target.exists():
        return ListAdded(listed, None)  # nothing to add: no file
    _write(listed, target, report_path)
    return ListAdded(listed, target)


SHEET_OPTION = "--sheet"
_INTO_MODEL = replace(INTEGRATION_LIST, option="--mapping", sheet_option=SHEET_OPTION)
"""The list as this command reads it: its options are `--mapping` and `--sheet`."""


def model_to_add_to(folder: Path, what: str) -> Architecture:
    """The model in `folder` that `what` (a list, an inventory) is added to. Raises
    `SpbeError` when there is none, or it has errors: names are found among its elements, and
    a file it cannot read would make them wrong."""
    from ...validate import load_model

    if not (folder / MANIFEST).is_file():
        raise SpbeError(_("{path}: no model here (no {manifest}); give the model folder with "
                          "--into").format(path=folder, manifest=MANIFEST))
    model = load_model(folder)
    errors = sum(f.severity is Severity.error for f in model.findings)
    if errors:
        raise SpbeError(_(
            "{path}: the model has {errors} (spbe-arch validate {path}); {what} is added to a "
            "model without errors: fix them first"
        ).format(path=folder, what=what,
                 errors=plural(errors, N_("{count} error"), N_("{count} errors"))))
    return model.architecture


def written_here(architecture: Architecture, target: Path) -> set[str]:
    """The ids an earlier import wrote in `target`: being replaced."""
    return {element_id for element_id, source in architecture.sources.items()
            if source.file == target.name}


def check_replaced(target: Path, source: Path, force: bool) -> None:
    """Raise `SpbeError` unless `target` may be written: new, or an unedited earlier import
    of `source` and `force` given."""
    if not target.exists():
        return
    if not force:
        raise SpbeError(_("{path}: already exists; use --force to replace it").format(
            path=target))
    if edited(target):
        raise SpbeError(_(
            "{path}: edited since the import; not replaced, even with --force (the edits would "
            "be lost): carry them into another file of the model, or delete this one first"
        ).format(path=target))
    banner = target.read_text(encoding="utf-8").partition("\n")[0]
    found = _FROM.search(banner)
    if found is None or not _same_file(Path(found[1]), source):
        raise SpbeError(_(
            "{path}: written from another file ({other}); not replaced, even with --force: "
            "rename {source} (the file written is named after it), or delete {path} first"
        ).format(path=target, other=found[1] if found else "?", source=source.name))


def _same_file(written: Path, source: Path) -> bool:
    """Whether the file a banner names (as the command was given it) is `source`: the same
    path where it is absolute; where it is relative, to a folder no longer known, the same
    file name (the same list imported again from another folder)."""
    if written.is_absolute():
        return written.resolve() == source.resolve()
    return written.name == source.name


_FROM = re.compile(r" (?:from|dari) (.+?); ")
"""The list a written file was imported from, as its banner names it."""


def leave_out_linked(listed: ListedIntegrations, architecture: Architecture,
                      ours: set[str]) -> None:
    """Leave out the list's integrations between two ends the model links already (either
    way; not in `ours`, the file being replaced; a national platform and the model's
    installation of it are one end), noted on their rows with what the list says otherwise."""
    def end(element_id: str) -> str:
        app = architecture.applications.get(element_id)
        return app.platform if app is not None and app.platform else element_id

    linked = {frozenset((end(i.source), end(i.target))): i
              for i in architecture.integrations.values() if i.id not in ours}
    kept = []
    said: set[tuple[int, str]] = set()  # a row of both directions is one note
    for integration in listed.integrations:
        there = linked.get(frozenset((end(integration.source), end(integration.target))))
        if there is None:
            kept.append(integration)
            continue
        where = architecture.sources[there.id].file
        otherwise = _otherwise(integration, there, end)
        row = listed.rows[integration.id][0]
        if (row, there.id) in said:
            continue
        said.add((row, there.id))
        listed.report.notes.append(RowNote(row, _(
            "'{source}' and '{target}' are linked in the model already ('{id}' in {file}): "
            "not written"
        ).format(source=integration.source, target=integration.target, id=there.id,
                 file=where) + (_("; the list says {what}: change that integration if the "
                                 "list is right").format(what=otherwise)
                               if otherwise else "")))
    listed.integrations = kept
    listed.report.integrations = len(kept)
    listed.report.notes.sort(key=lambda note: note.row)


def _otherwise(listed: Integration, model: Integration, end: Callable[[str], str]) -> str:
    """What the list says of a link that the model's integration does not: its mechanism,
    its direction, its status ('' when nothing, or nothing the list knows, differs)."""
    said = []
    if listed.via is not IntegrationVia.unknown and model.via is IntegrationVia.unknown:
        said.append(_("via {listed}, which the model does not record (set `via: {listed}` "
                      "on it)").format(listed=listed.via))
    elif listed.via is not IntegrationVia.unknown and listed.via != model.via:
        said.append(_("via {listed}, not {model}").format(listed=listed.via, model=model.via))
    if (listed.direction is IntegrationDirection.source_to_target
            and model.direction is IntegrationDirection.source_to_target
            and end(listed.source) != end(model.source)):
        said.append(_("from '{source}' to '{target}', not the other way").format(
            source=listed.source, target=listed.target))
    if listed.states("status") and listed.status != model.status:
        said.append(_("status {listed}, not {model}").format(listed=listed.status,
                                                            model=model.status))
    return ", ".join(said)


_SHARED = frozenset({InfrastructureKind.internet, InfrastructureKind.intranet,
                     InfrastructureKind.jip})
"""Networks of which a model's one element is every integration's: the internet, its
intranet, its JIP access. A VPN is one link's own."""


def use_own_networks(listed: ListedIntegrations, architecture: Architecture,
                      ours: set[str]) -> None:
    """A network the list names (JIP too) that the model has one element of its kind for is
    that one (an internet, an intranet, the JIP access; not a VPN: each is its own);
    several are noted. An element of `ours` other files still use is kept; one no
    integration written uses is not written."""
    own: dict[InfrastructureKind, list[str]] = {}
    for infra_id, infra in architecture.infrastructure.items():
        if infra_id not in ours:
            own.setdefault(infra.kind, []).append(infra_id)
    others = {i.network for i in architecture.integrations.values() if i.id not in ours}
    kept = {infra_id: architecture.infrastructure[infra_id] for infra_id in ours
            if infra_id in architecture.infrastructure and infra_id in others}
    remap: dict[str, str] = {}
    for infra_id, infra in kept.items():  # another list's integrations use it: it stays
        if infra.kind in listed.networks:
            remap[listed.networks.pop(infra.kind).id] = infra_id
        listed.networks[infra.kind] = infra
    for kind, network in list(listed.networks.items()):
        if network.id in kept:
            continue
        mine = own.get(kind, [])
        if kind in _SHARED and len(mine) == 1:
            remap[network.id] = mine[0]
            del listed.networks[kind]
        elif len(mine) > 1:
            listed.report.notes.append(RowNote(listed.rows[network.id][0], _(
                "the model has {count} {kind} networks ({ids}): the list's is written as "
                "'{id}'; point its integrations at one of them if it is one").format(
                    count=len(mine), kind=kind, ids=", ".join(f"'{m}'" for m in mine),
                    id=network.id)))
    if len(own.get(InfrastructureKind.jip, [])) == 1:
        remap["jip"] = own[InfrastructureKind.jip][0]
    listed.integrations = [i.model_copy(update={"network": remap[i.network]})
                           if i.network in remap else i for i in listed.integrations]
    used = {i.network for i in listed.integrations} | set(kept)
    for kind, network in list(listed.networks.items()):
        if network.id not in used:
            del listed.networks[kind]
    written = {n.id for n in listed.networks.values()}
    listed.report.networks = [n for n in listed.report.networks if n.infrastructure in written]


def _write(listed: ListedIntegrations, target: Path, report_path: Path) -> None:
    """Write the model file and the report beside it."""
    banner = "# " + _(
        "Imported by `spbe-arch import integrations` from {source}; rows and skipped rows: "
        "{report}").format(source=comment(listed.report.source), report=report_path.name)
    write_signed(target, banner, [
        (key, ((list_rows(listed.report, listed.rows[e.id])
                if e.id in listed.rows else "",  # kept from before: no row of this list
                e.model_dump(mode="json", exclude_unset=True)) for e in elements))
        for key, elements in (("integrations", listed.integrations),
                              ("infrastructure", list(listed.networks.values())))
    ], report_path, list_report_lines(listed.report, SHEET_OPTION))
