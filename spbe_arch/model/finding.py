"""The one type every check reports a problem with."""

from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["Finding", "Location", "Severity"]


class Severity(StrEnum):
    """How bad a finding is; `error` makes `validate` exit 1."""

    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a model file: path relative to the model folder, 1-based line and column.

    `key_path` says where inside the file the problem is (collection, index, field, ...);
    line and column are filled in from it only when findings are reported.
    """

    file: str
    line: int = 0
    column: int = 0
    key_path: tuple[str | int, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem found in a model: a stable code, a severity, a message and where it is."""

    code: str
    severity: Severity
    message: str
    element: str | None = None
    location: Location | None = None
    hint: str | None = None
    related: tuple[str, ...] = field(default=())
    waived: str | None = None
    """The reason of the model's waiver that accepts this finding; a waived finding is shown
    but sets no exit code."""
    subject: str | None = None
    """What the finding is about beside its element, in words no language changes: of a rule
    that finds several problems of one element, the one this is (the data set an application
    reads without integration, the reference a field gets wrong); of a finding about no
    element, what it is about (the fact `applications.data` of an incomplete-data finding).
    See `about`."""

    @property
    def about(self) -> str | None:
        """What identifies a finding across versions and languages beside its code and its
        element: for one about an element, its `subject` (None where the element alone
        identifies it); for one about no element, beside its file, its place in the file
        (`roadmap.2.depends_on`), else its `subject`, else its hint or message (which a count
        or a language may change)."""
        if self.element is not None:
            return self.subject
        if self.location is not None and self.location.key_path:
            return ".".join(map(str, self.location.key_path))
        return self.subject or self.hint or self.message

    @property
    def sort_key(self) -> tuple:
        """By file, line and column (`validate.finalize` puts syntax errors first)."""
        loc = self.location
        return (
            loc.file if loc else "~",
            loc.line if loc else 0,
            loc.column if loc else 0,
            self.code,
            self.element or "",
            self.message,
        )
