"""`spbe-arch validate`, `init` and `schema` from the user's side: output and exit codes."""

import json

import pytest
from conftest import ROOT

from spbe_arch.cli import app

UNIT = "units:\n  - id: dinkes\n    name: Dinas Kesehatan\n    kind: dinas\n"
BROKEN = {
    "units.yaml": UNIT,
    "apps.yaml": "applications:\n  - id: simpus\n    name: SIMPUS\n    kind: khusus\n"
    "    owner: dinkes-x\n",
}


def test_validate_clean_model_exits_0(runner, make_model):
    result = runner.invoke(app, ["validate", str(make_model({"units.yaml": UNIT}))])
    assert result.exit_code == 0, result.output
    assert "0 errors, 0 warnings in 2 files (1 element)" in result.output


def test_validate_errors_exit_1_with_located_lines(runner, make_model):
    root = make_model(BROKEN)
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 1, result.output
    assert (
        f"{root}/apps.yaml:5:5: error SPBE-R008 owner: 'dinkes-x' is not defined in the model"
        in result.output
    )
    assert "    hint: did you mean 'dinkes'? define it, or name an existing unit" in result.output


def test_a_unit_renamed_is_suggested_by_its_name_not_by_the_closest_id(runner, make_model):
    """'dinkes' renamed 'dinas-kesehatan' (named "Dinas Kesehatan"): an owner still naming
    'dinkes' is pointed to it, not to 'dinsos', the id spelt most like it."""
    units = ("units:\n  - {id: dinas-kesehatan, name: Dinas Kesehatan, kind: dinas}\n"
             "  - {id: dinsos, name: Dinas Sosial, kind: dinas}\n")
    root = make_model({"units.yaml": units, "apps.yaml": BROKEN["apps.yaml"].replace(
        "dinkes-x", "dinkes")})
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 1, result.output
    assert ("    hint: did you mean 'dinas-kesehatan'? define it, or name an existing unit"
            in result.output.splitlines())


def test_a_unit_is_not_suggested_as_its_own_parent(runner, make_model):
    units = ("units:\n  - {id: dinas-kesehatan, name: Dinas Kesehatan, kind: dinas, "
             "parent: dinkes}\n")
    result = runner.invoke(app, ["validate", str(make_model({"units.yaml": units}))])
    assert result.exit_code == 1, result.output
    assert "did you mean 'dinas-kesehatan'?" not in result.output


def test_validate_missing_path_exits_2_with_one_line(runner, tmp_path):
    result = runner.invoke(app, ["validate", str(tmp_path / "nope")])
    assert result.exit_code == 2
    expected = f"spbe-arch: {tmp_path / 'nope'}: no such file or folder"
    assert result.output.strip().splitlines() == [expected]


def test_a_model_path_mistyped_is_answered_with_the_one_beside_it(runner, tmp_path):
    (tmp_path / "kab-maju").mkdir()
    result = runner.invoke(app, ["validate", str(tmp_path / "kab-majuu")])
    assert result.exit_code == 2
    assert result.output.strip() == (f"spbe-arch: {tmp_path / 'kab-majuu'}: no such file or "
                                     f"folder; did you mean {tmp_path / 'kab-maju'}?")


def test_validate_folder_without_manifest_exits_2(runner, tmp_path):
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 2
    assert "not a model folder (no spbe.yaml)" in result.output


def test_a_folder_beside_the_model_names_where_the_model_is(runner, tmp_path):
    """Trials: a repository keeping its model in `arsitektur/` was told to add a spbe.yaml at
    its root (a second model swallowing the first); a province folder to run `init`."""
    manifest = "instansi: {id: kab-a, name: Kabupaten A, level: kabupaten}\n"
    (tmp_path / "repo" / "arsitektur" / "aplikasi").mkdir(parents=True)
    (tmp_path / "repo" / "arsitektur" / "spbe.yaml").write_text(manifest)
    cases = {
        tmp_path / "repo": f"the model is in {tmp_path / 'repo' / 'arsitektur'}: give that folder",
        tmp_path / "repo" / "arsitektur" / "aplikasi": (
            f"a folder of the model {tmp_path / 'repo' / 'arsitektur'}; give the model's folder"),
    }
    for kab in ("kab-b", "kab-c"):
        (tmp_path / "prov" / kab).mkdir(parents=True)
        (tmp_path / "prov" / kab / "spbe.yaml").write_text(manifest.replace("kab-a", kab))
    cases[tmp_path / "prov"] = (
        f"it holds 2 model folders ({tmp_path / 'prov' / 'kab-b'}, {tmp_path / 'prov' / 'kab-c'})"
        f": give one, or compare them with `spbe-arch portfolio {tmp_path / 'prov'}`")
    for path, said in cases.items():
        result = runner.invoke(app, ["validate", str(path)])
        assert result.exit_code == 2
        assert result.stderr.rstrip("\n").endswith(said), result.stderr
    assert "Traceback" not in result.output


def test_validate_json_contract(runner, make_model):
    root = make_model(BROKEN)
    result = runner.invoke(app, ["validate", str(root), "--format", "json"])
    assert result.exit_code == 1, result.output
    payload = json.loads(result.stdout)
    assert payload["ok"] is False
    assert payload["summary"]["errors"] == 1
    assert payload["summary"]["warnings"] == 0
    assert payload["summary"]["elements"]["units"] == 1
    assert payload["summary"]["elements"]["applications"] == 1
    assert set(payload["summary"]["elements"]) == {
        "units", "business_processes", "services", "data", "applications",
        "infrastructure", "security", "integrations", "roadmap", "archimate_elements",
        "archimate_relationships",
    }
    assert payload["findings"] == [
        {
            "code": "SPBE-R008",
            "severity": "error",
            "message": "owner: 'dinkes-x' is not defined in the model",
            "element": "simpus",
            "file": "apps.yaml",
            "line": 5,
            "column": 5,
            "hint": "did you mean 'dinkes'? define it, or name an existing unit",
            "waived": None,
            "about": "owner: dinkes-x",  # tells it from another wrong reference of simpus
        }
    ]


def test_validate_json_of_clean_model_is_ok(runner, make_model):
    result = runner.invoke(app, ["validate", str(make_model({"u.yaml": UNIT})), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["ok"] is True


def test_validate_sarif_log(runner, make_model):
    root = make_model(BROKEN)
    result = runner.invoke(app, ["validate", str(root), "--format", "sarif"])
    assert result.exit_code == 1, result.output
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    assert run["tool"]["driver"]["rules"][0]["id"] == "SPBE-R008"
    (res,) = run["results"]
    assert res["ruleId"] == "SPBE-R008"
    assert res["level"] == "error"
    physical = res["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == f"{root}/apps.yaml"
    assert physical["region"] == {"startLine": 5, "startColumn": 5}


def test_validate_sarif_matches_the_sarif_schema_shape(runner, make_model):
    log = json.loads(
        runner.invoke(app, ["validate", str(make_model(BROKEN)), "-f", "sarif"]).stdout
    )
    result = log["runs"][0]["results"][0]
    assert set(result) <= {"ruleId", "ruleIndex", "level", "message", "locations", "properties"}
    assert result["ruleIndex"] == 0


def test_validate_markdown_table(runner, make_model, monkeypatch):
    """Paths as the text output gives them: from where the model path was typed."""
    root = make_model(BROKEN)
    monkeypatch.chdir(root.parent)
    result = runner.invoke(app, ["validate", root.name, "-f", "markdown"])
    assert result.exit_code == 1
    assert f"| error | SPBE-R008 | `{root.name}/apps.yaml:5:5` | simpus |" in result.output


def test_validate_single_file_model(runner, tmp_path):
    path = tmp_path / "model.yaml"
    path.write_text("instansi: {id: k, name: K, level: kota}\n" + UNIT)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert "in 1 file (1 element)" in result.output


def test_validate_unknown_format_is_a_usage_error(runner, make_model):
    result = runner.invoke(app, ["validate", str(make_model({})), "--format", "xml"])
    assert result.exit_code == 2


def test_init_scaffold_validates_clean(runner, tmp_path):
    folder = tmp_path / "kab-baru"
    result = runner.invoke(app, ["init", str(folder), "--name", "Kabupaten Baru"])
    assert result.exit_code == 0, result.output
    assert (folder / ".schema" / "spbe-model.schema.json").is_file()
    first_line = (folder / "units.yaml").read_text().splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=.schema/spbe-model.schema.json"
    check = runner.invoke(app, ["validate", str(folder)])
    assert check.exit_code == 0, check.output
    assert "0 errors, 0 warnings" in check.output
    from spbe_arch.validate import load_model
    assert load_model(folder).architecture.applications["website"].url is None  # not given
    # the starter's integration reaches its own SRIKANDI: no installation drawn as unlinked
    dot = tmp_path / "integrasi.dot"
    assert runner.invoke(app, ["diagram", str(folder), "--view", "integration", "-o",
                               str(dot)]).exit_code == 0
    assert "instalasi platform nasional" not in dot.read_text()


def test_init_takes_the_instansi_id_from_its_name(runner, tmp_path):
    """Two pemda whose model folders are both `arsitektur` get different ids (a portfolio
    refuses two instansi with one id), and no placeholder region is left to report."""
    ids = []
    for pemda, name in (("kab-a", "Pemerintah Kabupaten A"), ("kota-b", "Pemerintah Kota B")):
        folder = tmp_path / pemda / "arsitektur"
        assert runner.invoke(app, ["init", str(folder), "--name", name]).exit_code == 0
        manifest = (folder / "spbe.yaml").read_text()
        ids.append(manifest.split("id: ", 1)[1].split("\n", 1)[0])
        assert "\n  region:" not in manifest
    assert ids == ["kabupaten-a", "kota-b"]


def test_schema_check_reports_missing_then_write_fixes_it(runner, tmp_path):
    stale = runner.invoke(app, ["schema", "--check", "-o", str(tmp_path)])
    assert stale.exit_code == 1
    assert "missing" in stale.output
    written = runner.invoke(app, ["schema", "-o", str(tmp_path)])
    assert written.exit_code == 0, written.output
    again = runner.invoke(app, ["schema", "--check", "-o", str(tmp_path)])
    assert again.exit_code == 0, again.output



def test_validate_reports_every_problem_of_three_files_in_one_run(runner, make_model):
    root = make_model(
        {
            "units.yaml": UNIT,
            "aplikasi/apps.yaml": "applications:\n  - id: simpus\n    name: SIMPUS\n"
            "    kind: khusus\n    owner: dinkes-x\n"
            "  - id: simrs\n    name: SIMRS\n    kind: Khusus\n    owner: dinkes\n",
            "zz/lagi.yaml": UNIT,
            "zz/rusak.yaml": "units:\n  - id: bappeda\n    name: [Bappeda\n",
        }
    )
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if not line.startswith("    hint")]
    assert lines == [
        f"{root}/zz/rusak.yaml:3:11: error SPBE-R001 invalid YAML: unclosed bracket '['",
        f"{root}/aplikasi/apps.yaml:5:5: error SPBE-R008 owner: 'dinkes-x' is not defined in "
        "the model",
        f"{root}/aplikasi/apps.yaml:8:5: error SPBE-R003 kind: input should be 'umum' or "
        "'khusus', got 'Khusus'",
        f"{root}/zz/lagi.yaml:2:5: error SPBE-R007 duplicate id 'dinkes': already used in "
        "units.yaml:2 (units)",
        "4 errors, 0 warnings in 5 files (2 elements)",
    ]


def test_an_element_with_a_duplicate_id_still_has_its_references_checked(runner, make_model):
    """Renaming the second 'simpus' should not reveal three more errors: they are reported
    with the duplicate id, in one run."""
    root = make_model({"m.yaml": """\
        units:
          - {id: dinkes, name: Dinas Kesehatan, kind: dinas}
        applications:
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes}
          - {id: simpus, name: SIPD, kind: umum, platform: sipd-ri, owner: simpus}
        """})
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 1, result.output
    codes = [line.split()[2] for line in result.output.splitlines() if ": error " in line]
    assert codes == ["SPBE-R007", "SPBE-R010", "SPBE-R009"]


# --- papercuts a new user meets (issue 14) ---

UNITS_PTSP = (
    "units:\n  - {id: dpmptsp, name: DPMPTSP, kind: dinas}\n"
    "  - {id: dinkes, name: Dinas Kesehatan, kind: dinas}\n"
)


def test_validate_dangling_owner_suggests_the_closest_unit(runner, make_model):
    root = make_model({
        "units.yaml": UNITS_PTSP,
        "apps.yaml": "applications:\n  - {id: sicantik-kab, name: SiCantik, kind: khusus,"
        " owner: dpmpstp}\n",
    })
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == [
        f"{root}/apps.yaml:2:54: error SPBE-R008 owner: 'dpmpstp' is not defined in the model",
        "    hint: did you mean 'dpmptsp'? define it, or name an existing unit",
        "1 error, 0 warnings in 3 files (3 elements)",
    ]


def test_validate_suggests_only_ids_of_the_kind_the_field_accepts(runner, make_model):
    root = make_model({
        "units.yaml": UNITS_PTSP,
        "apps.yaml": "applications:\n  - {id: dpmptsp-app, name: X, kind: khusus, owner: dinkes,"
        " hosting: dpmptsp-dc}\n"
        "infrastructure:\n  - {id: pdd, name: PDD, kind: pusat_data_daerah}\n",
    })
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 1, result.output
    # 'dpmptsp' and 'dpmptsp-app' are closer, but a unit and an application host nothing
    assert "    hint: define it, or name an existing data centre" in result.output.splitlines()


def test_validate_unknown_platform_suggests_the_closest_platform(runner, make_model):
    root = make_model({
        "units.yaml": UNITS_PTSP,
        "apps.yaml": "applications:\n  - {id: sipd-kab, name: SIPD, kind: umum, platform: sipd-ri,"
        " owner: dinkes}\n",
    })
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[:2] == [
        f"{root}/apps.yaml:2:44: error SPBE-R010 platform: unknown national platform 'sipd-ri'",
        "    hint: did you mean 'sipd'? `spbe-arch platforms` lists the catalog; or declare it "
        "under 'platforms:'",
    ]


TAB_UNITS = (
    "units:\n"
    "  - id: dpmptsp\n"
    "    name: DPMPTSP\n"
    "    kind: dinas\n"
    "  - id: dinkes\n"
    "\tname: Dinas Kesehatan\n"
    "    kind: dinas\n"
)
APPS_OF_UNITS = "applications:\n" + "".join(
    f"  - {{id: app-{i}, name: App {i}, kind: khusus, owner: {owner}}}\n"
    for i, owner in enumerate(["dpmptsp", "dinkes", "dinkes", "dpmptsp", "dinkes-x"])
)


def test_validate_tab_error_comes_first_points_at_the_tab_and_sums_up_lost_references(
    runner, make_model
):
    root = make_model({"units.yaml": TAB_UNITS, "aplikasi/apps.yaml": APPS_OF_UNITS})
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == [
        f"{root}/units.yaml:6:1: error SPBE-R001 invalid YAML: while scanning a plain scalar, "
        "found a tab",
        "    hint: use spaces: YAML does not allow a tab here; nothing in this file was "
        "read",
        f"{root}/aplikasi/apps.yaml:6:44: error SPBE-R008 owner: 'dinkes-x' is not defined in "
        "the model",
        "    hint: did you mean 'dinkes'? define it, or name an existing unit",
        f"{root}/units.yaml:6:1: error SPBE-R008 4 references to 2 ids written in this file not "
        "checked: 'dinkes', 'dpmptsp'",
        "    hint: fix the syntax error of this file first",
        "3 errors, 0 warnings in 3 files (5 elements)",
    ]


def test_validate_tab_in_indentation_is_located_on_its_line(runner, make_model):
    root = make_model({"units.yaml": "units:\n\t- {id: dinkes, name: Dinkes, kind: dinas}\n"})
    result = runner.invoke(app, ["validate", str(root), "--format", "json"])
    assert result.exit_code == 1, result.output
    (syntax,) = json.loads(result.stdout)["findings"]
    assert (syntax["code"], syntax["line"], syntax["column"]) == ("SPBE-R001", 2, 1)


def test_validate_the_manifest_file_validates_its_folder(runner, make_model):
    root = make_model(BROKEN)
    result = runner.invoke(app, ["validate", str(root / "spbe.yaml")])
    assert result.exit_code == 1, result.output
    assert (
        f"{root}/apps.yaml:5:5: error SPBE-R008 owner: 'dinkes-x' is not defined in the model"
        in result.output.splitlines()
    )
    assert result.output.splitlines()[-1] == "1 error, 0 warnings in 3 files (2 elements)"


@pytest.mark.parametrize("given", ["units.yaml", "apps.yaml", "sub/more.yaml"])
def test_validate_any_file_of_a_model_folder_validates_the_folder(runner, make_model, given):
    """As the manifest does: `MODEL/units.yaml` alone would be a model without its instansi
    and with every reference to the other files dangling."""
    more = "units:\n  - {id: dinsos, name: D, kind: dinas}\n"
    root = make_model({**BROKEN, "sub/more.yaml": more})
    result = runner.invoke(app, ["validate", str(root / given)])
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == [
        f"{root}/apps.yaml:5:5: error SPBE-R008 owner: 'dinkes-x' is not defined in the model",
        "    hint: did you mean 'dinkes'? define it, or name an existing unit",
        "1 error, 0 warnings in 4 files (3 elements)",
    ]
    audited = runner.invoke(app, ["audit", str(root / given)])
    assert audited.output.splitlines()[-1].endswith(f" in {root}")  # the folder it read


def test_validate_a_single_file_outside_a_model_folder_is_a_model_by_itself(runner, tmp_path):
    one = tmp_path / "one.yaml"
    one.write_text("instansi: {id: kab-x, name: Kab X, level: kabupaten}\n" + UNIT)
    result = runner.invoke(app, ["validate", str(one)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "0 errors, 0 warnings in 1 file (1 element)"


def test_validate_a_one_file_model_kept_below_a_model_folder_is_still_itself(runner, make_model):
    """Its own `instansi:` makes it a model: the folder above does not claim it."""
    root = make_model(BROKEN)
    one = root / "drafts" / "one.yaml"
    one.parent.mkdir()
    one.write_text("instansi: {id: kab-x, name: Kab X, level: kabupaten}\n" + UNIT)
    result = runner.invoke(app, ["validate", str(one)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "0 errors, 0 warnings in 1 file (1 element)"


def test_validate_warns_of_an_empty_or_comment_only_file_and_exits_0(runner, make_model):
    root = make_model({
        "units.yaml": UNIT,
        "aplikasi.yaml": "# applications:\n#   - id: simpus\n",
        "kosong.yaml": "",
    })
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"{root}/aplikasi.yaml:1:1: warning SPBE-R018 the file holds nothing: it is empty or "
        "only comments",
        "    hint: add collections such as 'applications:', or delete the file",
        f"{root}/kosong.yaml:1:1: warning SPBE-R018 the file holds nothing: it is empty or "
        "only comments",
        "    hint: add collections such as 'applications:', or delete the file",
        "0 errors, 2 warnings in 4 files (1 element)",
    ]


def test_validate_reports_a_framework_that_cannot_be_loaded(runner, make_model):
    """What `maturity` cannot run without is a model error for the CI gate on `validate`."""
    manifest = ("instansi:\n  id: kab\n  name: Kab\n  level: kabupaten\n"
                "  framework: permenpanrb-59-2021\n")
    root = make_model({"spbe.yaml": manifest, "units.yaml": UNIT})
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith(
        f"{root}/spbe.yaml:5:3: error SPBE-M008 framework 'permenpanrb-59-2021' cannot be "
        "loaded: unknown framework 'permenpanrb-59-2021'; shipped frameworks: ")
    assert lines[1] == "    hint: did you mean 'permenpanrb-59-2020'?"
    audit = runner.invoke(app, ["audit", str(root), "--format", "json"])  # and audit says so
    assert audit.exit_code == 1, audit.output
    assert "SPBE-M008" in {f["code"] for f in json.loads(audit.stdout)["findings"]}


def test_validate_checks_the_assessment_against_the_framework(runner, make_model):
    assessment = """\
        assessment:
          - {indicator: 35-2, year: 2024, level: 2}
          - {indicator: 12, year: 2024, level: 7}
        services:
          - {id: svc, name: Layanan, kind: public, owner: dinkes, indicator: 99}
        """
    root = make_model({"units.yaml": UNIT, "penilaian.yaml": assessment})
    result = runner.invoke(app, ["validate", str(root), "--format", "json"])
    assert result.exit_code == 1, result.output
    found = [(f["code"], f["file"], f["line"]) for f in json.loads(result.stdout)["findings"]]
    assert found == [("SPBE-M001", "penilaian.yaml", 2), ("SPBE-M005", "penilaian.yaml", 3),
                     ("SPBE-M003", "penilaian.yaml", 5)]


def test_validate_checks_entries_of_another_framework_against_their_own(runner, make_model):
    """A model may keep the entries of several evaluations: each against its framework."""
    mini = (ROOT / "tests" / "maturity" / "frameworks" / "mini.yaml").read_text()
    assessment = """\
        assessment:
          - {indicator: 40, year: 2024, level: 2}
          - {indicator: 4, year: 2019, level: 4, framework: mini}
          - {indicator: 40, year: 2019, level: 2, framework: mini}
          - {indicator: 1, year: 2018, level: 2, framework: evaluasi-2018}
        """
    root = make_model({"units.yaml": UNIT, "penilaian.yaml": assessment,
                       "frameworks/mini.yaml": mini})
    result = runner.invoke(app, ["validate", str(root), "--format", "json"])
    assert result.exit_code == 1, result.output
    found = [(f["code"], f["line"], f["message"].split(";")[0])
             for f in json.loads(result.stdout)["findings"]]
    assert found == [
        ("SPBE-M001", 4, "assessment: unknown indicator '40' in framework 'mini'"),
        ("SPBE-M008", 5, "framework 'evaluasi-2018' cannot be loaded: unknown framework "
                         "'evaluasi-2018'"),
    ]


def test_validate_reports_an_invalid_elements_references_in_the_same_run(runner, tmp_path):
    """All problems in one run: a type error does not hide the element's dangling hosting,
    unknown platform, national id or self-integration until the type error is fixed."""
    model = tmp_path / "m.yaml"
    model.write_text("""\
instansi: {id: kab, name: Kab, level: kabupaten}
units: [{id: bpkd, name: BPKD, kind: dinas, networks: [jip]}]
infrastructure: [{id: ruang-server, name: Ruang Server, kind: on_premise}]
applications:
  - {id: simda-kab, name: SIMDA, kind: Khusus, owner: bpkd, hosting: ruang-servr}
  - {id: e-sakip, name: e-SAKIP, kind: umum, owner: bpkd, platform: esakip, status: aktif}
  - {id: app-y, name: Y, kind: khusus, owner: bpkd, hosting: ruang-server}
integrations:
  - {id: int-x, source: app-y, target: app-y, via: api}
""")
    result = runner.invoke(app, ["validate", str(model), "--format", "json"])
    assert result.exit_code == 1, result.output
    found = [(f["code"], f["line"]) for f in json.loads(result.stdout)["findings"]]
    assert found == [("SPBE-R003", 5), ("SPBE-R008", 5), ("SPBE-R014", 6), ("SPBE-R010", 6),
                     ("SPBE-R003", 6), ("SPBE-R011", 9), ("SPBE-R003", 9)]


def test_validate_places_findings_in_a_file_holding_an_impossible_date(runner, make_model):
    """30 February is the waiver's error; the other findings of its file keep their lines."""
    waived = """\
        applications:
          - id: app-e
            name: E
            kind: KHUSUS
            owner: dinkesx
        waivers:
          - code: SPBE-A001
            element: app-e
            reason: x
            until: 2026-02-30
        """
    root = make_model({"units.yaml": UNIT, "extra.yaml": waived})
    result = runner.invoke(app, ["validate", str(root), "--format", "json"])
    found = [(f["code"], f["line"], f["column"]) for f in json.loads(result.stdout)["findings"]]
    assert found == [("SPBE-R003", 4, 5), ("SPBE-R008", 5, 5), ("SPBE-R003", 10, 5)]


def test_validate_reports_the_references_of_an_element_whose_id_is_an_unquoted_number(
    runner, make_model,
):
    apps = "applications:\n  - {id: 2025, name: A, kind: khusus, owner: dinkes, hosting: ruang}\n"
    root = make_model({"units.yaml": UNIT, "apps.yaml": apps})
    result = runner.invoke(app, ["validate", str(root), "--format", "json"])
    found = [(f["code"], f["line"]) for f in json.loads(result.stdout)["findings"]]
    assert found == [("SPBE-R003", 2), ("SPBE-R008", 2)]


def test_validate_writes_booleans_and_null_as_yaml_does(runner, tmp_path):
    model = tmp_path / "b.yaml"
    model.write_text("instansi: {id: kab, name: Kab, level: kabupaten}\nunits:\n"
                     "  - {id: u1, name: false, kind: dinas}\n  - {id: u2, name: ~, kind: dinas}\n")
    result = runner.invoke(app, ["validate", str(model)])
    assert result.output.splitlines()[:3] == [
        f"{model}:3:14: error SPBE-R003 name: input should be a valid string, got false",
        "    hint: YAML reads false as yes or no: quote it, 'false'",
        f"{model}:4:14: error SPBE-R003 name: input should be a valid string, got null",
    ]


def test_validate_reads_no_json_schema_kept_in_the_model_folder(runner, make_model):
    """`spbe-arch schema -o MODEL` puts the editor's schemas beside the model files."""
    root = make_model({"units.yaml": UNIT})
    assert runner.invoke(app, ["schema", "-o", str(root)]).exit_code == 0
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 0, result.output
    with_data = root / "more.json"
    with_data.write_text('{"$schema": "spbe-model.schema.json", "units": [{"id": "u2", '
                         '"name": "U2", "kind": "dinas"}]}')
    result = runner.invoke(app, ["validate", str(root)])  # $schema in a data file: an editor's
    assert result.exit_code == 0, result.output
    assert "(2 elements)" in result.output


def test_a_collection_named_in_indonesian_gets_its_key_as_hint(runner, make_model):
    root = make_model({"x.yaml": "layanan: []\nproses_bisnis: []\nPeta Rencana: []\n"})
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 1, result.output
    hints = [line for line in result.stdout.splitlines() if line.startswith("    hint: ")]
    assert [hint.split("?")[0] for hint in hints] == [
        "    hint: did you mean 'services'", "    hint: did you mean 'business_processes'",
        "    hint: did you mean 'roadmap'"]


@pytest.mark.parametrize(("name", "level"), [
    ("Pemerintah Provinsi Nusa Tenggara Barat Daya", "provinsi"),
    ("Kementerian Kelautan dan Perikanan", "kementerian"),
    ("Pemerintah Kota Bandung", "kota"),
    ("Pemprov Jawa Barat", "provinsi"),
])
def test_init_writes_the_level_the_name_says(runner, tmp_path, name, level):
    folder = tmp_path / "arsitektur"
    result = runner.invoke(app, ["init", str(folder), "--name", name])
    assert result.exit_code == 0, result.output
    assert f"\n  level: {level}\n" in (folder / "spbe.yaml").read_text()
    assert result.stdout.splitlines()[-2] == (
        f"level: {level}, as the name says; if that is wrong, change `level:` in "
        f"{folder / 'spbe.yaml'}")
    check = runner.invoke(app, ["validate", str(folder)])
    assert check.exit_code == 0, check.output


def test_init_of_a_kementerian_starts_from_its_pusdatin_on_pdn(runner, tmp_path):
    """A ministry has no Dinas Kominfo nor pusat data daerah: its starter unit is the Pusat
    Data dan Informasi, its website on PDN."""
    folder = tmp_path / "kkp"
    result = runner.invoke(app, ["init", str(folder), "--name",
                                 "Kementerian Kelautan dan Perikanan"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.glob("*.yaml")) == [
        "applications.yaml", "spbe.yaml", "units.yaml"]
    units, apps = (folder / "units.yaml").read_text(), (folder / "applications.yaml").read_text()
    assert "  - id: pusdatin\n    name: Pusat Data dan Informasi\n    kind: pusat\n" in units
    assert "Dinas" not in units
    assert "    # hosting: pdn  # where it runs; left out: not known\n" in apps
    check = runner.invoke(app, ["audit", str(folder)])
    assert check.exit_code == 0, check.output


def test_init_says_it_wrote_kabupaten_when_the_name_says_no_level(runner, tmp_path):
    folder = tmp_path / "arsitektur"
    result = runner.invoke(app, ["init", str(folder), "--name", "Badan Siber Contoh"])
    assert result.exit_code == 0, result.output
    assert "\n  level: kabupaten\n" in (folder / "spbe.yaml").read_text()
    assert result.stdout.splitlines()[-2] == (
        "level: kabupaten (the name does not say); for a provinsi, kota, kementerian or "
        f"lembaga change `level:` in {folder / 'spbe.yaml'} (or give init --level)")


def test_init_level_option_wins_over_the_name_and_says_nothing_more(runner, tmp_path):
    folder = tmp_path / "arsitektur"
    result = runner.invoke(app, ["init", str(folder), "--name", "Badan Siber Contoh",
                                 "--level", "lembaga"])
    assert result.exit_code == 0, result.output
    assert "\n  level: lembaga\n" in (folder / "spbe.yaml").read_text()
    assert not any(line.startswith("level:") for line in result.stdout.splitlines())


def test_init_level_option_refuses_a_level_that_does_not_exist(runner, tmp_path):
    result = runner.invoke(app, ["init", str(tmp_path / "m"), "--level", "pemda"])
    assert result.exit_code == 2, result.output
    assert "'pemda' is not one of 'provinsi', 'kabupaten', 'kota', 'kementerian', 'lembaga'" in (
        result.output)
    assert not (tmp_path / "m").exists()


def test_init_level_choices_are_the_model_levels():
    from spbe_arch.cli import Level
    from spbe_arch.model import InstansiLevel

    assert list(Level) == list(InstansiLevel)


def test_a_merge_conflict_left_in_a_file_is_named_with_its_fix(runner, make_model):
    """Trial (a team in git): the markers git leaves gave a generic YAML syntax error."""
    model = make_model({"units.yaml": "units:\n<<<<<<< HEAD\n  - {id: a, name: A, kind: dinas}\n"
                                      "=======\n  - {id: b, name: B, kind: dinas}\n"
                                      ">>>>>>> fitur-dinkes\n"})
    result = runner.invoke(app, ["validate", str(model)])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:2] == [
        f"{model}/units.yaml:2:1: error SPBE-R001 a git merge conflict is left in the file "
        "('<<<<<<< HEAD')",
        "    hint: keep the lines of each side that should stay, delete the marker lines "
        "(<<<<<<<, =======, >>>>>>>), then validate again"]


def test_only_a_json_audit_is_passed_over_a_yaml_file_with_findings_is_read(runner, make_model):
    """An audit's JSON kept in the model folder is not model data; a YAML file that happens
    to say `findings:` is, and its mistyped collection is said (review)."""
    model = make_model({"catatan.yaml": "findings: [dicatat manual]\naplications: []\n"})
    (model / "audit.json").write_text('{"metrics": {}, "findings": []}\n')
    (model / "diff.json").write_text('{"old": "a", "new": "b", "findings_introduced": []}\n')
    result = runner.invoke(app, ["validate", str(model)])
    assert result.exit_code == 1
    codes = [line.split(" error ")[1].split(" ")[0] for line in result.stdout.splitlines()
             if " error " in line]
    assert codes == ["SPBE-R002", "SPBE-R002"]  # findings, aplications: both in catatan.yaml
    assert "audit.json" not in result.stdout and "diff.json" not in result.stdout
