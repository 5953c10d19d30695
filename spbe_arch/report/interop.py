"""Text of the import summary: what was read, what was written, what was kept or filled in."""

from pathlib import Path

from ..interop.archimate_import import ImportResult

__all__ = ["import_summary", "import_warnings"]


def import_summary(result: ImportResult, source: Path, folder: Path) -> list[str]:
    """Lines for stdout: counts read and written, per collection."""
    written = ", ".join(f"{name} {count}" for name, count in result.counts.items())
    lines = [
        f"read {source}: {result.elements_read} elements, {result.relationships_read} "
        "relationships (views and folders are not imported)",
        f"wrote {folder}: {written or 'no elements'}",
    ]
    if result.fields_from_relationships or result.implied:
        lines.append(
            f"{result.fields_from_relationships} relationships became reference fields "
            f"(owner, reads, hosting, ...); {result.implied} were implied by another field"
        )
    return lines


def import_warnings(result: ImportResult, source: Path) -> list[str]:
    """Lines for stderr, one per warning, naming the file."""
    return [f"{source}: warning: {message}" for message in result.warnings]
