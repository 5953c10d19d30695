"""The renderer table covers every format a command offers; one function sets every exit code."""

import pytest

from spbe_arch import cli
from spbe_arch.io import SpbeError
from spbe_arch.model import Finding, Severity
from spbe_arch.report.formats import RENDERERS, Format, Outcome, could_not_run, exit_code

OFFERED = {
    "validation": cli.FindingFormat,
    "audit": cli.FindingFormat,
    "impact": cli.ResultFormat,
    "maturity": cli.ResultFormat,
    "import": cli.ImportFormat,
}


@pytest.mark.parametrize("kind", sorted(OFFERED))
def test_every_offered_format_has_a_renderer(kind):
    registered = {fmt for k, fmt in RENDERERS if k == kind}
    assert registered == {Format(f.value) for f in OFFERED[kind]}


def _finding(severity: str) -> Finding:
    return Finding(code="SPBE-A001", severity=Severity(severity), message="m")


@pytest.mark.parametrize(
    ("severities", "fail_on", "expected"),
    [
        ((), "error", 0),
        (("warning", "info"), "error", 0),
        (("warning",), "warning", 1),
        (("info",), "warning", 0),
        (("info",), "info", 1),
        (("error",), "error", 1),
    ],
)
def test_exit_code_is_1_when_a_finding_reaches_fail_on(severities, fail_on, expected):
    outcome = Outcome("audit", None, findings=[_finding(s) for s in severities])
    assert exit_code(outcome, Severity(fail_on)) == expected


def test_exit_code_is_1_for_stale_generated_files():
    assert exit_code(Outcome("docs", None, stale=True)) == 1


def test_exit_code_is_2_when_the_command_could_not_run():
    error = SpbeError("model: no such file or folder")
    assert exit_code(error) == 2
    assert could_not_run(error).err == "spbe-arch: model: no such file or folder\n"
