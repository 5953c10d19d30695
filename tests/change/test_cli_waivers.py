"""Waivers and `audit --baseline` from the user's side: what is shown, what gates the exit code."""

import json
import shutil
from datetime import date

import pytest
from conftest import EXAMPLE
from test_cli_audit import APPS, GAP_LINE, RECORDED, UNITS

from spbe_arch.cli import app

WAIVE_GAP = """\
waivers:
  - code: SPBE-A002
    element: simpus
    about: data-penduduk
    reason: integrasi SIAK dijadwalkan 2026 (rm-2026-nik-splp)
    until: {until}
"""


UNTIL = f"{date.today().year + 1}-12-31"
"""A waiver's date still to come, within the five years a waiver may hold (SPBE-W006)."""


def _model(make_model, until=UNTIL, extra=""):
    files = {"units.yaml": UNITS, "apps.yaml": APPS, "int.yaml": RECORDED,
             "waivers.yaml": WAIVE_GAP.format(until=until) + extra}
    return make_model(files)


def test_waived_error_is_shown_with_its_reason_and_does_not_fail(runner, make_model):
    root = _model(make_model)
    result = runner.invoke(app, ["audit", str(root)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    at = lines.index(f"{root}/{GAP_LINE}")
    assert lines[at + 1] == "    waived: integrasi SIAK dijadwalkan 2026 (rm-2026-nik-splp)"
    assert lines[-1] == f"0 errors, 3 warnings, 1 info, 1 waived in {root}"


def test_waived_finding_in_json_and_sarif(runner, make_model):
    root = _model(make_model)
    payload = json.loads(runner.invoke(app, ["audit", str(root), "--format", "json"]).stdout)
    gap = [f for f in payload["findings"] if f["code"] == "SPBE-A002"]
    assert [f["waived"] for f in gap] == ["integrasi SIAK dijadwalkan 2026 (rm-2026-nik-splp)"]
    sarif = json.loads(runner.invoke(app, ["audit", str(root), "--format", "sarif"]).stdout)
    results = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "SPBE-A002"]
    assert results[0]["suppressions"] == [
        {"kind": "inSource", "justification": "integrasi SIAK dijadwalkan 2026 (rm-2026-nik-splp)"}
    ]


def test_expired_waiver_is_a_warning_and_waives_nothing(runner, make_model):
    root = _model(make_model, until="2020-12-31")
    result = runner.invoke(app, ["audit", str(root)])
    assert result.exit_code == 1, result.output
    assert (
        f"{root}/waivers.yaml:6:5: warning SPBE-W001 waiver of SPBE-A002 for 'simpus' "
        "expired on 2020-12-31"
    ) in result.output.splitlines()
    assert "waived:" not in result.output
    validated = runner.invoke(app, ["validate", str(root)])
    assert validated.exit_code == 0, validated.output
    assert "SPBE-W001" in validated.output


def test_waiver_matching_no_finding_is_a_warning_where_its_rule_ran(runner, make_model):
    stale = """\
  - code: SPBE-A009
    element: simpus
    reason: server puskesmas
    until: 2099-12-31
"""
    root = _model(make_model, extra=stale)
    result = runner.invoke(app, ["audit", str(root)])
    assert result.exit_code == 0, result.output
    assert (
        f"{root}/waivers.yaml:7:5: warning SPBE-W002 waiver of SPBE-A009 for 'simpus' matches "
        "no finding"
    ) in result.output.splitlines()
    # validate runs no audit rule: it cannot tell, and says nothing
    validated = runner.invoke(app, ["validate", str(root)])
    assert "SPBE-W002" not in validated.output


@pytest.mark.parametrize(("element", "code", "hint"), [
    ("simpuss", "SPBE-A009", "no element 'simpuss' in the model: write the id of the element "
                             "the finding is about"),
    ("dinkes", "SPBE-A009", "remove the waiver: 'dinkes' has no such finding (fixed, or it "
                            "never had one)"),
])
def test_a_waiver_matching_nothing_says_what_to_check(runner, make_model, element, code, hint):
    waiver = f"  - {{code: {code}, element: {element}, reason: r, until: 2099-12-31}}\n"
    lines = runner.invoke(app, ["audit", str(_model(make_model, extra=waiver))]).output
    lines = lines.splitlines()
    at = next(n for n, line in enumerate(lines) if "SPBE-W002" in line)
    assert lines[at + 1] == f"    hint: {hint}"


def test_a_waiver_of_a_check_left_out_while_a_file_is_unreadable_is_not_unmatched(
        runner, make_model):
    """With a file that cannot be read, the checks about the whole model do not run (an
    isolated application may have its integrations there): whether a waiver of theirs matches
    is unknown, not "matches no finding"; so is one for an element in the unreadable file."""
    waivers = ("  - {code: SPBE-A001, element: simpus, reason: r, until: 2099-12-31}\n"
               "  - {code: SPBE-A009, element: e-lama, reason: r, until: 2099-12-31}\n")
    root = _model(make_model, extra=waivers)
    (root / "rusak.yaml").write_text("applications:\n  - id: e-lama\n\t name: x\n")
    result = runner.invoke(app, ["audit", str(root)])
    assert "SPBE-R001" in result.output
    assert "SPBE-W002" not in result.output, result.output


def test_a_waiver_of_another_code_than_the_elements_names_its_codes(runner, make_model):
    """simpus is isolated and has the (waived) unintegrated-data-flow finding: a second waiver
    on it with another code is most likely the wrong code."""
    waiver = ("  - {code: SPBE-A009, element: simpus, reason: r, until: 2099-12-31}\n"
              "  - {code: SPBE-X999, element: simpus, reason: r, until: 2099-12-31}\n")
    lines = runner.invoke(app, ["audit", str(_model(make_model, extra=waiver))]).output
    assert "    hint: 'simpus' has findings of SPBE-A001, SPBE-A002: check the waiver's code" in (
        lines.splitlines())  # not SPBE-W003, the other waiver's finding


SECOND_GAP = """\
applications:
  - {id: simkes, name: SIMKES, kind: khusus, owner: dinkes, writes: [data-kesehatan]}
data:
  - {id: data-kesehatan, name: Data Kesehatan, steward: dinkes}
"""


def _second_gap(root):
    """simpus reads a second data set, produced by simkes, with no integration either."""
    apps = root / "apps.yaml"
    apps.write_text(apps.read_text().replace(
        "reads: [data-penduduk]", "reads: [data-penduduk, data-kesehatan]"))
    (root / "simkes.yaml").write_text(SECOND_GAP)


def test_a_waiver_accepts_only_the_data_set_it_names(runner, make_model):
    """A waiver of one unintegrated data flow does not hide a second one of the same
    application: the second is an error of its own."""
    root = _model(make_model)
    _second_gap(root)
    result = runner.invoke(app, ["audit", str(root), "--format", "json"])
    gaps = {f["about"]: f["waived"] for f in json.loads(result.stdout)["findings"]
            if f["code"] == "SPBE-A002"}
    assert gaps == {"data-penduduk": "integrasi SIAK dijadwalkan 2026 (rm-2026-nik-splp)",
                    "data-kesehatan": None}
    assert result.exit_code == 1


def test_a_waiver_that_does_not_say_which_gap_is_a_warning(runner, make_model):
    """Without `about:` a waiver of SPBE-A002 accepts every gap of the application, the next
    one too: a warning says so and names what to write."""
    root = _model(make_model)
    waivers = root / "waivers.yaml"
    waivers.write_text(waivers.read_text().replace("    about: data-penduduk\n", ""))
    _second_gap(root)
    result = runner.invoke(app, ["audit", str(root)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    at = lines.index(
        f"{root}/waivers.yaml:2:5: warning SPBE-W004 waiver of SPBE-A002 for 'simpus' does not "
        "say which finding it accepts: it accepts all of them, those found later too")
    assert lines[at + 1] == ("    hint: name the one it accepts with `about:` (data-kesehatan, "
                             "data-penduduk)")
    assert result.output.count("waived: integrasi SIAK") == 2


def test_a_waiver_about_a_gap_the_element_does_not_have_names_those_it_has(runner, make_model):
    root = _model(make_model)
    waivers = root / "waivers.yaml"
    waivers.write_text(waivers.read_text().replace("about: data-penduduk", "about: data-pddk"))
    lines = runner.invoke(app, ["audit", str(root)]).output.splitlines()
    at = next(n for n, line in enumerate(lines) if "SPBE-W002" in line)
    assert lines[at + 1] == ("    hint: its findings of SPBE-A002 are about: data-penduduk; "
                             "check the waiver's `about`")


def test_waiver_with_an_invalid_code_is_a_validation_error(runner, make_model):
    root = make_model({
        "units.yaml": UNITS,
        "waivers.yaml": "waivers:\n"
        "  - {code: A002, element: simpus, reason: r, until: 2099-01-01}\n",
    })
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 1, result.output
    assert "waivers.yaml:2:6: error SPBE-R003 code: string should match pattern" in result.output


def test_waiver_of_no_known_rule_is_a_warning(runner, make_model):
    unknown = """\
  - code: SPBE-A999
    element: simpus
    reason: typo
    until: 2099-12-31
"""
    root = _model(make_model, extra=unknown)
    for command in ("validate", "audit"):
        lines = runner.invoke(app, [command, str(root)]).output.splitlines()
        at = lines.index(f"{root}/waivers.yaml:7:5: warning SPBE-W003 waiver of 'SPBE-A999' for "
                         "'simpus': no rule has this code")
        assert lines[at + 1].endswith("use the code of the finding, as `spbe-arch audit` prints it")


def _baseline(runner, root, tmp_path):
    out = runner.invoke(app, ["audit", str(root), "--format", "json"])
    path = tmp_path / "baseline.json"
    path.write_text(out.stdout)
    return path


def test_baseline_gates_only_new_findings(runner, make_model, tmp_path):
    root = make_model({"units.yaml": UNITS, "apps.yaml": APPS, "int.yaml": RECORDED})
    baseline = _baseline(runner, root, tmp_path)
    unchanged = runner.invoke(app, ["audit", str(root), "--baseline", str(baseline)])
    assert unchanged.exit_code == 0, unchanged.output
    assert f"{root}/{GAP_LINE}" in unchanged.stdout.splitlines()  # still shown
    assert unchanged.stderr == f"baseline {baseline}: 5 of 5 findings already there, 0 new\n"

    reader = """\
  - id: e-bansos
    name: e-Bansos
    kind: khusus
    owner: dinkes
    hosting: pdd-kab
    reads: [data-penduduk]
"""
    (root / "apps.yaml").write_text(APPS.replace("data:\n", reader + "data:\n"))
    worse = runner.invoke(app, ["audit", str(root), "--baseline", str(baseline)])
    assert worse.exit_code == 1, worse.output
    assert worse.stderr == f"baseline {baseline}: 5 of 7 findings already there, 2 new\n"
    (root / "apps.yaml").write_text(APPS.replace("reads: [data-penduduk]", "reads: []"))
    better = runner.invoke(app, ["audit", str(root), "--baseline", str(baseline)])
    assert better.exit_code == 0, better.output
    assert better.stderr == (  # trial: a stale baseline lets a fixed finding come back unseen
        f"baseline {baseline}: 3 of 3 findings already there, 0 new; 2 findings of the "
        "baseline fixed since: write it again so that they cannot come back unseen\n")


def test_a_baseline_made_while_a_finding_was_waived_does_not_outlive_the_waiver(
        runner, make_model, tmp_path):
    """The gap was waived when the baseline was written; once the waiver has expired the
    finding counts again, as the waiver said, and the baseline does not hide it."""
    root = _model(make_model)
    baseline = _baseline(runner, root, tmp_path)
    assert runner.invoke(app, ["audit", str(root), "--baseline", str(baseline)]).exit_code == 0
    waivers = root / "waivers.yaml"
    waivers.write_text(waivers.read_text().replace(UNTIL, "2020-12-31"))
    expired = runner.invoke(app, ["audit", str(root), "--baseline", str(baseline)])
    assert expired.exit_code == 1, expired.output
    lines = expired.stdout.splitlines()
    assert lines[lines.index(f"{root}/{GAP_LINE}") + 1] == "    new: not in the baseline"
    waivers.unlink()  # removed: the same
    assert runner.invoke(app, ["audit", str(root), "--baseline", str(baseline)]).exit_code == 1


def test_baseline_marks_the_new_findings_in_every_format(runner, make_model, tmp_path):
    root = make_model({"units.yaml": UNITS, "apps.yaml": APPS, "int.yaml": RECORDED})
    baseline = _baseline(runner, root, tmp_path)
    (root / "apps.yaml").write_text(APPS.replace("owner: dinkes", "owner: dinkess", 1))
    text = runner.invoke(app, ["audit", str(root), "--baseline", str(baseline)])
    lines = text.stdout.splitlines()
    new = [lines[n - 1] for n, line in enumerate(lines) if line == "    new: not in the baseline"]
    assert [line.split(": ", 1)[1].split()[:2] for line in new] == [["error", "SPBE-R008"]]
    out = json.loads(runner.invoke(app, ["audit", str(root), "--baseline", str(baseline),
                                         "-f", "json"]).stdout)
    assert {(f["code"], f["baseline"]) for f in out["findings"] if f["baseline"] == "new"} == {
        ("SPBE-R008", "new")}
    assert len(out["findings"]) == 6
    markdown = runner.invoke(app, ["audit", str(root), "--baseline", str(baseline),
                                   "-f", "markdown"]).stdout  # re-trial: no mark in Markdown
    marked = [line for line in markdown.splitlines() if "new: not in the baseline" in line]
    assert [line.split(" | ")[:2] for line in marked] == [
        ["| error<br>new: not in the baseline", "SPBE-R008"]]
    sarif = json.loads(runner.invoke(app, ["audit", str(root), "--baseline", str(baseline),
                                           "-f", "sarif"]).stdout)
    states = [(r["ruleId"], r["baselineState"]) for r in sarif["runs"][0]["results"]]
    assert sorted(states).count(("SPBE-R008", "new")) == 1
    assert {state for code, state in states if code != "SPBE-R008"} == {"unchanged"}


def test_baseline_matches_in_any_language(runner, tmp_path):
    """A finding about no element (the incomplete-data one) is matched by what it is about,
    not by its words: a baseline made in English gates an audit in Indonesian."""
    baseline = _baseline(runner, EXAMPLE, tmp_path)
    about = [f["about"] for f in json.loads(baseline.read_text())["findings"]
             if f["about"] and not f["element"]]
    assert about == ["applications.data", "data.steward"]  # facts the example leaves unknown
    result = runner.invoke(app, ["audit", str(EXAMPLE), "--baseline", str(baseline), "--lang",
                                 "id", "--fail-on", "info"])
    assert result.exit_code == 0, result.output
    assert result.stderr.endswith(", 0 baru\n")


def test_baseline_written_before_about_still_matches(runner, tmp_path):
    """A baseline of an earlier version has no "about": its findings about no element are
    still matched, by their hint (in the language it was written in)."""
    baseline = _baseline(runner, EXAMPLE, tmp_path)
    older = json.loads(baseline.read_text())
    for entry in older["findings"]:
        del entry["about"]
    baseline.write_text(json.dumps(older))
    result = runner.invoke(app, ["audit", str(EXAMPLE), "--baseline", str(baseline),
                                 "--fail-on", "info"])
    assert result.exit_code == 0, result.output
    assert result.stderr.endswith(", 0 new\n")


def test_baseline_that_is_not_an_audit_json_cannot_run(runner, make_model, tmp_path):
    root = make_model({"units.yaml": UNITS})
    bad = tmp_path / "baseline.json"
    bad.write_text('{"ok": true}')
    result = runner.invoke(app, ["audit", str(root), "--baseline", str(bad)])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(
        f"spbe-arch: {bad}: not a baseline: expected the output of `spbe-arch audit --format json`"
    )
    missing = runner.invoke(app, ["audit", str(root), "--baseline", str(tmp_path / "none.json")])
    assert missing.exit_code == 2
    assert "cannot read the baseline (No such file or directory)" in missing.stderr


def test_diff_shows_the_findings_a_change_waives_and_unwaives(runner, tmp_path):
    """A pull request that only adds a waiver changes no element, yet it silences an error:
    the diff says so; removing the waiver makes the finding count again."""
    before = tmp_path / "before"
    after = tmp_path / "after"
    for folder, waivers in ((before, ""), (after, WAIVE_GAP.format(until=UNTIL))):
        folder.mkdir()
        (folder / "spbe.yaml").write_text(
            "instansi: {id: kab-uji, name: Kabupaten Uji, level: kabupaten}\n")
        for name, text in (("units.yaml", UNITS), ("apps.yaml", APPS), ("int.yaml", RECORDED),
                           ("waivers.yaml", waivers or "waivers: []\n")):
            (folder / name).write_text(text)
    out = json.loads(runner.invoke(app, ["diff", str(before), str(after), "-f", "json"]).stdout)
    assert [(f["code"], f["element"]) for f in out["findings_waived"]] == [
        ("SPBE-A002", "simpus")]
    assert out["findings_unwaived"] == [] and out["findings_introduced"] == []
    assert [r["name"] for r in out["added"]] == [  # the date a reviewer checks first
        f"integrasi SIAK dijadwalkan 2026 (rm-2026-nik-splp) ({UNTIL})"]
    back = runner.invoke(app, ["diff", str(after), str(before)])
    assert back.exit_code == 1  # the error counts again: the change is judged by it
    assert "findings no longer waived (they count again): 1" in back.output
    sarif = runner.invoke(app, ["diff", str(after), str(before), "-f", "sarif"]).stdout
    assert [r["ruleId"] for r in json.loads(sarif)["runs"][0]["results"]] == ["SPBE-A002"]
    assert "1 no longer waived" in back.output.splitlines()[-1]


def test_a_change_that_fixes_one_gap_and_opens_another_is_gated(runner, make_model, tmp_path):
    """simpus's gap on data-penduduk is fixed and one on data-kesehatan opened: the same code
    on the same application, yet another finding. Both the diff and the baseline gate it."""
    old = make_model({"units.yaml": UNITS, "apps.yaml": APPS, "int.yaml": RECORDED})
    baseline = _baseline(runner, old, tmp_path)
    new = tmp_path / "new"
    new.mkdir()
    for path in old.iterdir():
        (new / path.name).write_bytes(path.read_bytes())
    (new / "int.yaml").write_text(RECORDED + (
        "  - {id: int-01, source: siak-kab, target: simpus, via: splp}\n"))
    _second_gap(new)
    diff = runner.invoke(app, ["diff", str(old), str(new), "--format", "json"])
    assert diff.exit_code == 1, diff.output
    payload = json.loads(diff.stdout)
    assert [(f["code"], f["about"]) for f in payload["findings_introduced"]
            if f["code"] == "SPBE-A002"] == [("SPBE-A002", "data-kesehatan")]
    assert [(f["code"], f["about"]) for f in payload["findings_resolved"]
            if f["code"] == "SPBE-A002"] == [("SPBE-A002", "data-penduduk")]
    gated = runner.invoke(app, ["audit", str(new), "--baseline", str(baseline), "--format",
                                "json"])
    assert gated.exit_code == 1, gated.output
    assert [(f["about"], f["baseline"]) for f in json.loads(gated.stdout)["findings"]
            if f["code"] == "SPBE-A002"] == [("data-kesehatan", "new")]


def test_a_waiver_of_a_code_that_finds_one_problem_per_element_needs_no_about(
        runner, make_model):
    """A wrong reference is told apart by its field, yet its rule finds one per element and
    reference as any other: no SPBE-W004 for its waiver."""
    apps = APPS.replace("owner: dinkes", "owner: dinkes-lama", 1)
    waiver = "waivers:\n  - {code: SPBE-R008, element: simpus, reason: r, until: 2099-12-31}\n"
    root = make_model({"units.yaml": UNITS, "apps.yaml": apps, "waivers.yaml": waiver})
    result = runner.invoke(app, ["validate", str(root)])
    assert "SPBE-R008" in result.output and "SPBE-W004" not in result.output, result.output


@pytest.mark.parametrize("reason", ["-", "...", "TBD", "n/a", "belum", "2026", "Belum ditentukan"])
def test_a_waiver_that_gives_no_reason_is_a_warning(runner, make_model, reason):
    root = make_model({"units.yaml": UNITS, "apps.yaml": APPS, "int.yaml": RECORDED,
                       "waivers.yaml": WAIVE_GAP.format(until=UNTIL).replace(
                           "integrasi SIAK dijadwalkan 2026 (rm-2026-nik-splp)", f'"{reason}"')})

    result = runner.invoke(app, ["validate", str(root)])

    assert result.exit_code == 0, result.output  # a warning: the model is not wrong
    assert (f"{root}/waivers.yaml:5:5: warning SPBE-W005 waiver of SPBE-A002 for 'simpus' gives "
            f"no reason ('{reason}')") in result.output.splitlines()


def test_a_waiver_that_never_ends_is_a_warning(runner, make_model):
    root = _model(make_model, until="9999-12-31")
    last = date.today().year + 5

    result = runner.invoke(app, ["audit", str(root)])

    lines = result.output.splitlines()
    at = lines.index(f"{root}/waivers.yaml:6:5: warning SPBE-W006 waiver of SPBE-A002 for "
                     "'simpus' holds until 9999-12-31, more than 5 years away")
    assert lines[at + 1] == (
        f"    hint: give the date by which the reason should be looked at again (at most "
        f"{last}-12-31), or turn the rule off for the model (severity:) if it does not apply "
        "to it")
    assert "    waived: integrasi SIAK dijadwalkan 2026 (rm-2026-nik-splp)" in lines  # still
    within = runner.invoke(app, ["validate", str(_model(make_model, until=f"{last}-12-31"))])
    assert "SPBE-W006" not in within.output and "SPBE-W005" not in within.output


def test_a_baseline_kept_in_the_model_folder_is_not_read_as_the_model(runner, tmp_path):
    """Trial (a model at the root of its repository, as the hooks' `args: [.]` have it):
    `audit . --format json > audit-baseline.json` wrote the baseline into the model folder;
    the shell made it empty first (an error about itself in the baseline), then every run read
    it as model data ('unknown collection findings'). Empty, it is the shell's doing, passed
    over; written, it is an audit kept with the model, as a JSON Schema is."""
    model = tmp_path / "model"
    shutil.copytree(EXAMPLE, model)
    baseline = model / "audit-baseline.json"
    baseline.write_text("")  # what `> audit-baseline.json` does before the audit runs
    made = runner.invoke(app, ["audit", str(model), "--format", "json"])
    assert [f for f in json.loads(made.stdout)["findings"]  # nothing of it in the baseline
            if f["file"] == "audit-baseline.json"] == []
    baseline.write_text(made.stdout)
    validated = runner.invoke(app, ["validate", str(model)])
    assert validated.exit_code == 0, validated.output
    assert "audit-baseline.json" not in validated.output
    gated = runner.invoke(app, ["audit", str(model), "--baseline", str(baseline)])
    assert gated.exit_code == 0, gated.output
