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

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ...io import MANIFEST, SpbeError
from ...io.write import write_atomic
from ...model import Architecture, InfrastructureKind
from ...model.i18n import gettext as _
from .convert import application_platforms
from .emit import comment, write_collection
from .integration_list import ListedIntegrations, read_integration_list
from .links import AppNames
from .report import ListReport, RowNote, list_report_lines
from .units import IdPool, slug
from .write import SignedFile, edited, list_rows

__all__ = ["ListAdded", "add_integration_list"]


@dataclass
class ListAdded:
    """The integrations a list added to a model, and the report of how."""

    listed: ListedIntegrations
    written: Path
    """The model file written (`integrations-<list>.yaml`)."""

    @property
    def report(self) -> ListReport:
        return self.listed.report


def add_integration_list(path: Path, folder: Path, *, sheet: str | None,
                         mapping: Path | None, force: bool = False) -> ListAdded:
    """Read the list at `path` against the model in `folder` and write what it adds there.

    Raises `SpbeError` when the list cannot be read, `folder` holds no model, or the file to
    write exists (and is not an unedited earlier one with `force`).
    """
    from ...validate import load_model

    if not (folder / MANIFEST).is_file():
        raise SpbeError(_("{path}: no model here (no {manifest}); give the model folder with "
                          "--into").format(path=folder, manifest=MANIFEST))
    architecture = load_model(folder).architecture
    name = slug(path.stem) or "list"
    target = folder / f"integrations-{name}.yaml"
    report_path = folder / f"integrations-{name}-report.txt"
    _check(target, force)
    ours = {element_id for element_id, source in architecture.sources.items()
            if source.file == target.name}  # an earlier import of the list: being replaced
    units = {unit_id: unit.name for unit_id, unit in architecture.units.items()}
    names = AppNames(architecture.applications.values(), application_platforms(), units)
    ids = IdPool(element_id for elements in architecture.collections.values()
                 for element_id in elements if element_id not in ours)
    listed = read_integration_list(path, sheet=sheet, mapping=mapping, names=names, ids=ids)
    _leave_out_linked(listed, architecture, ours)
    _use_own_networks(listed, architecture, ours)
    _write(listed, target, report_path)
    return ListAdded(listed, target)


def _check(target: Path, force: bool) -> None:
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


def _leave_out_linked(listed: ListedIntegrations, architecture: Architecture,
                      ours: set[str]) -> None:
    """Leave out the list's integrations between two applications the model links already
    (either way; not in `ours`, the file being replaced), noted on their rows."""
    linked = {frozenset((i.source, i.target)): i.id
              for i in architecture.integrations.values() if i.id not in ours}
    kept = []
    for integration in listed.integrations:
        there = linked.get(frozenset((integration.source, integration.target)))
        if there is None:
            kept.append(integration)
            continue
        listed.report.notes.append(RowNote(listed.rows[integration.id][0], _(
            "'{source}' and '{target}' are linked in the model already ('{id}'): not written; "
            "change that integration if the list says otherwise").format(
                source=integration.source, target=integration.target, id=there)))
    listed.integrations = kept
    listed.report.integrations = len(kept)
    listed.report.notes.sort(key=lambda note: note.row)


def _use_own_networks(listed: ListedIntegrations, architecture: Architecture,
                      ours: set[str]) -> None:
    """A network the list names that the model has one element of its kind for (not in
    `ours`) is that one; one no integration written uses is not written."""
    own: dict[InfrastructureKind, list[str]] = {}
    for infra_id, infra in architecture.infrastructure.items():
        if infra_id not in ours:
            own.setdefault(infra.kind, []).append(infra_id)
    used = {i.network for i in listed.integrations}
    for kind, network in list(listed.networks.items()):
        if len(own.get(kind, [])) == 1 or network.id not in used:
            del listed.networks[kind]
        if len(own.get(kind, [])) == 1:
            listed.integrations = [
                i.model_copy(update={"network": own[kind][0]}) if i.network == network.id
                else i for i in listed.integrations]
    listed.report.networks = [n for n in listed.report.networks
                              if n.infrastructure in {m.id for m in listed.networks.values()}]


def _write(listed: ListedIntegrations, target: Path, report_path: Path) -> None:
    """Write the model file and the report beside it, each through a temporary file: a
    failed write leaves the model as it was."""
    banner = "# " + _(
        "Imported by `spbe-arch import integrations` from {source}; rows and skipped rows: "
        "{report}").format(source=comment(listed.report.source), report=report_path.name)
    collections = [("integrations", listed.integrations)]
    if listed.networks:
        collections.append(("infrastructure", list(listed.networks.values())))
    tmp: Path | None = None
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        os.close(fd)
        tmp = Path(name)
        with SignedFile(tmp, banner) as handle:
            for key, elements in collections:
                write_collection(handle, key, (
                    (list_rows(listed.report.source, listed.rows.get(e.id, [])),
                     e.model_dump(mode="json", exclude_unset=True))
                    for e in elements))
        os.replace(tmp, target)
    except OSError as exc:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise SpbeError(_("{path}: cannot write ({reason})").format(
            path=target, reason=exc.strerror)) from None
    write_atomic(report_path, "".join(f"{line}\n" for line in list_report_lines(
        listed.report)), force=True)
