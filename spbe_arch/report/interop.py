"""Text of the import summary: what was read, what was written, what was kept or filled in."""

from pathlib import Path

from ..interop.archimate_import import ImportResult
from ..model.i18n import N_, plural
from ..model.i18n import gettext as _

__all__ = ["import_summary", "import_warnings"]


def import_summary(result: ImportResult, source: Path, folder: Path) -> list[str]:
    """Lines for stdout: counts read and written, per collection."""
    written = ", ".join(f"{name} {count}" for name, count in result.counts.items())
    lines = [
        _("read {path}: {elements}, {relationships} (views and folders are not imported)"
          ).format(path=source,
                   elements=plural(result.elements_read, N_("{count} element"),
                                   N_("{count} elements")),
                   relationships=plural(result.relationships_read, N_("{count} relationship"),
                                        N_("{count} relationships"))),
        _("wrote {path}: {counts}").format(path=folder, counts=written or _("no elements")),
    ]
    if result.fields_from_relationships or result.implied:
        lines.append(_(
            "relationships that became reference fields (owner, reads, hosting, ...): "
            "{fields}; implied by another field: {implied}"
        ).format(fields=result.fields_from_relationships, implied=result.implied))
    return lines


def import_warnings(result: ImportResult, source: Path) -> list[str]:
    """Lines for stderr, one per warning, naming the file."""
    return [_("{path}: warning: {message}").format(path=source, message=message)
            for message in result.warnings]
