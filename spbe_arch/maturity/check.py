"""The maturity checks `validate` runs: the framework spbe.yaml names, and the assessment
entries and service indicators against it, so that a CI gate on `validate` refuses what
`maturity` would."""

from collections.abc import Iterator
from pathlib import Path

from ..io import SpbeError
from ..model import Architecture, Finding, Location
from ..model.framework import Framework
from ..model.i18n import gettext as _
from ..model.rules import finding
from ..model.rules import maturity as codes
from ..validate import ValidationResult, finalize
from ..validate.references import did_you_mean
from .framework import DEFAULT_FRAMEWORK, MODEL_FRAMEWORKS, framework_ids, load_framework
from .rating import assessments, service_indicators

__all__ = ["ASSESSMENT_CODES", "check_assessment", "shadowing"]

ASSESSMENT_CODES = (
    codes.UNKNOWN_ASSESSMENT_INDICATOR.code,
    codes.DUPLICATE_ASSESSMENT.code,
    codes.UNKNOWN_SERVICE_INDICATOR.code,
    codes.SERVICE_KIND_MISMATCH.code,
    codes.ASSESSMENT_LEVEL_OUT_OF_RANGE.code,
    codes.EVIDENCE_AFTER_ASSESSMENT.code,
    codes.EVIDENCE_NAMES_NO_DOCUMENT.code,
    codes.FUTURE_ASSESSMENT.code,
    codes.VERIFIED_WITHOUT_EVALUATION.code,
    codes.SHARED_EVIDENCE.code,
    codes.FRAMEWORK_SHADOWED.code,
    codes.FRAMEWORK_NOT_LOADED.code,
)
"""The maturity codes `check_assessment` decides: not the claims against the model (they need
the analysis), nor entries made for another framework than a run's (a model may keep the
entries of several evaluations: each is checked against its own framework here)."""


def check_assessment(loaded: ValidationResult) -> ValidationResult:
    """`loaded` with the problems of its assessment added: a framework that cannot be loaded
    (the one spbe.yaml names, or an entry's `framework:`), and entries and service indicators
    that do not fit their framework.

    Examples
    --------
    >>> from spbe_arch.model import Architecture
    >>> check_assessment(ValidationResult(Architecture(root="."), [])).findings
    []
    """
    arch = loaded.architecture
    root = Path(arch.root)
    home_ref = arch.instansi.framework if arch.instansi is not None else DEFAULT_FRAMEWORK
    manifest = arch.files[0] if arch.files else "spbe.yaml"
    found: list[Finding] = []
    try:
        home = load_framework(home_ref, root=root)
    except SpbeError as exc:
        found.append(_not_loaded(root, home_ref, exc,
                                 Location(manifest, key_path=("instansi", "framework"))))
        home = None
    refs = {entry.framework: position for position, entry in enumerate(arch.assessment)
            if entry.framework is not None}
    frameworks = [home] if home is not None else []
    for ref, position in sorted(refs.items()):
        try:
            framework = load_framework(ref, root=root)
        except SpbeError as exc:
            source = arch.assessment_sources[position]
            found.append(_not_loaded(root, ref, exc, Location(
                source.file, key_path=("assessment", source.index, "framework"))))
            continue
        if home is None or framework.id != home.id:
            frameworks.append(framework)
    for framework in frameworks:
        found.extend(shadowing(arch, framework))
        entries = assessments(arch, framework, home.id if home else home_ref)[1]
        found.extend(f for f in entries if f.code in ASSESSMENT_CODES)
    if home is not None:
        found.extend(service_indicators(arch, home))
    findings = finalize(found, arch, finished=loaded.findings, checked=ASSESSMENT_CODES)
    return ValidationResult(arch, findings)


def shadowing(arch: Architecture, framework: Framework) -> Iterator[Finding]:
    """`framework-shadowing-the-shipped-one` when `framework` (kept in the model folder) has
    a shipped framework's id and other content."""
    if framework.id in framework_ids() and framework != load_framework(framework.id):
        yield finding(
            codes.FRAMEWORK_SHADOWED,
            _("framework '{framework}' of the model folder differs from the shipped one of "
              "that id: its weights, levels and predikat bands rate this model, not the "
              "regulation's").format(framework=framework.id),
            location=Location(arch.files[0] if arch.files else "spbe.yaml",
                              key_path=("instansi", "framework")),
            hint=_("give the model's own framework another id (and name it in spbe.yaml), "
                   "or remove {folder}/{framework}.yaml to be rated by the regulation"
                   ).format(folder=MODEL_FRAMEWORKS, framework=framework.id),
        )


def _not_loaded(root: Path, ref: str, error: SpbeError, where: Location) -> Finding:
    kept = root / MODEL_FRAMEWORKS
    known = [k for k in (*framework_ids(), *(p.stem for p in sorted(kept.glob("*.y*ml"))))
             if k != ref]  # a file of that id that does not load is no suggestion
    return finding(
        codes.FRAMEWORK_NOT_LOADED,
        _("framework '{framework}' cannot be loaded: {reason}").format(framework=ref,
                                                                       reason=error),
        location=where,
        hint=did_you_mean(ref, known).strip() or None,  # the reason lists the frameworks
    )
