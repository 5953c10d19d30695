"""Load and validate a model folder in one pass: every problem, all files, one result."""

from dataclasses import dataclass
from pathlib import Path

from ..io import model_files, national_platforms, parse_file
from ..model import Architecture, Finding, Severity
from .build import build_architecture
from .config import apply_overrides, check_overrides
from .locate import locate
from .references import check_references

__all__ = ["ValidationResult", "load_model"]


@dataclass
class ValidationResult:
    """The loaded architecture (valid elements only) and every finding, located and sorted."""

    architecture: Architecture
    findings: list[Finding]

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return self.count(Severity.error) == 0


def load_model(path: str | Path) -> ValidationResult:
    """Read and validate the model at `path` (a folder with spbe.yaml, or one file).

    Raises `SpbeError` only when nothing can be read (missing path, not a model folder);
    every problem inside the model is a finding.
    """
    root, files = model_files(Path(path))
    parsed = [parse_file(file, root) for file in files]
    arch, findings, invalid_ids = build_architecture(parsed, str(root))
    findings.extend(check_references(arch, national_platforms(), invalid_ids))
    findings.extend(check_overrides(arch))
    return ValidationResult(arch, locate(apply_overrides(findings, arch), arch))
