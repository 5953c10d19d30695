"""Load and validate a model folder in one pass: every problem, all files, one result."""

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..io import model_files, national_platforms, relative_name
from ..io.reading import parse_files
from ..model import Architecture, Finding, Severity
from ..model.rules import codes_of
from .build import ArchitectureBuilder
from .config import check_overrides
from .locate import finalize
from .references import check_references
from .roadmap import check_roadmap
from .waivers import check_waivers

__all__ = [
    "VALIDATION_CODES", "ModelReading", "ValidationResult", "collector_paused", "load_model",
    "no_model", "read_model",
]

VALIDATION_CODES = codes_of("R", "P", "W")
"""The codes `load_model` checks: validation, roadmap and waiver rules."""


@dataclass
class ValidationResult:
    """The loaded architecture (valid elements only) and every finding, located and sorted."""

    architecture: Architecture
    findings: list[Finding]

    def count(self, severity: Severity) -> int:
        """Findings of this severity that are not waived."""
        return sum(1 for f in self.findings if f.severity is severity and not f.waived)

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return self.count(Severity.error) == 0


def load_model(
    path: str | Path, *, progress: Callable[[int, int], None] | None = None
) -> ValidationResult:
    """Read and validate the model at `path` (a folder with spbe.yaml, or one file).

    Raises `SpbeError` only when nothing can be read (missing path, not a model folder);
    every problem inside the model is a finding.

    Parameters
    ----------
    path
        The model folder, or a single-file model.
    progress
        Called as ``progress(done, total)`` after each file is read and validated, so that a
        command line can show a progress bar; the library itself prints nothing.
    """
    reading = read_model(path, progress=progress)
    return ValidationResult(reading.architecture, reading.checked())


@dataclass
class ModelReading:
    """A model read, each element validated alone, before the checks across elements.

    Those checks (references, overrides, roadmap, waivers) read the elements and change
    nothing, so they can run while something else is built from them: `load_model` runs them
    at once, `spbe_arch.graph.load_graph` aside while it builds the graph.
    """

    architecture: Architecture
    findings: list[Finding]
    builder: ArchitectureBuilder

    def checked(self) -> list[Finding]:
        """Every finding of the model (the reading's and those across elements), located and
        sorted."""
        arch, builder = self.architecture, self.builder
        with collector_paused():
            findings = [*self.findings, *check_references(
                arch, national_platforms(), builder.invalid_ids, builder.unread, builder.partial,
                builder.unnamed,
            )]
        findings.extend(check_overrides(arch))
        findings.extend(check_roadmap(arch, builder.invalid_ids.keys() | builder.unread.keys(),
                                      builder.partial.get("roadmap", {}), builder.invalid_ids))
        findings.extend(check_waivers(arch, today=date.today()))
        return finalize(findings, arch, checked=VALIDATION_CODES)


def read_model(
    path: str | Path, *, progress: Callable[[int, int], None] | None = None
) -> ModelReading:
    """Read the model at `path` and validate each element (`load_model` without the checks
    across elements: `ModelReading.checked` runs them)."""
    root, files = model_files(Path(path))
    builder = ArchitectureBuilder(str(root), [relative_name(file, root) for file in files])
    with collector_paused():
        for done, parsed in enumerate(parse_files(files, root), start=1):
            builder.add(parsed)
            if progress is not None:
                progress(done, len(files))
        arch, findings, _ = builder.finish()
    return ModelReading(arch, findings, builder)


def no_model(root: str | Path) -> ValidationResult:
    """The model at `root` before it existed (a git revision without its folder): no element
    and no finding, so that comparing with it lists every element as added."""
    return ValidationResult(Architecture(root=str(root)), [])


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a model is read.

    Reading creates hundreds of thousands of containers (parsed YAML, validated elements) and
    none of them form cycles; without the pause, the collector would scan them over and over,
    which takes about as long as validation itself on a national model. Reference counting
    still frees everything that goes out of use, and the collector runs again afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
