"""`spbe-arch roadmap` from the user's side: the example's trajectory up to its to-be, what no
item delivers, and the roadmap findings (cycle, unknown element, order, invalid change)."""

import json
import shutil

import pytest
from conftest import EXAMPLE, ROOT

from spbe_arch.cli import app

TO_BE = ROOT / "examples" / "kabupaten-lembah-hijau-2029"


def _maturity_index(runner, path):
    out = runner.invoke(app, ["maturity", str(path), "--format", "json"])
    return json.loads(out.stdout)["index"]


@pytest.fixture(scope="module")
def example():
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["roadmap", str(EXAMPLE), "--to", str(TO_BE),
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_roadmap_orders_items_by_year_then_dependency(example):
    assert [(i["year"], i["id"]) for i in example["items"]] == [
        (2025, "rm-2025-retribusi-pbg"), (2025, "rm-2025-srikandi-penuh"),
        (2026, "rm-2026-monev-sipd"), (2026, "rm-2026-nik-splp"), (2026, "rm-2026-simpeg-siasn"),
        (2027, "rm-2027-drc"), (2027, "rm-2027-jip-kecamatan"), (2027, "rm-2027-pindah-pdn"),
        (2028, "rm-2028-smki"), (2028, "rm-2028-super-app"),
        (2029, "rm-2029-data-terbuka"),
    ]
    assert example["budget"] == {"2025": 500000000.0, "2026": 550000000.0,
                                 "2027": 2650000000.0, "2028": 1200000000.0,
                                 "2029": 120000000.0}


def test_roadmap_trajectory_year_by_year_ends_at_the_to_be_index(runner, example):
    years = example["years"]
    assert [y["year"] for y in years] == [None, 2025, 2026, 2027, 2028, 2029]
    assert years[0]["index"] == pytest.approx(_maturity_index(runner, EXAMPLE), abs=1e-12)
    assert years[-1]["index"] == pytest.approx(_maturity_index(runner, TO_BE), abs=1e-12)
    assert example["target_index"] == pytest.approx(years[-1]["index"], abs=1e-12)
    assert [y["index"] for y in years] == sorted(y["index"] for y in years)
    splp = [y["metrics"]["integrations_via_splp"]["part"] for y in years]
    assert splp == [24, 27, 31, 32, 33, 38]
    assert [y["errors"] for y in years] == [5, 4, 0, 0, 0, 0]
    assert years[3]["metrics"]["units_on_jip"] == {"part": 30, "total": 30, "value": 1.0,
                                                       "unknown": 0}


def test_roadmap_says_which_years_assessed_are_the_evaluator_s_and_which_estimates(runner):
    """2023 is the evaluator's verified result; 2024's index rests on self-assessed levels:
    an estimate, not a result to set beside 2023's as if alike."""
    result = runner.invoke(app, ["roadmap", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    assert ("assessed: 2023 2.31 (Cukup, verified), 2024 2.68 (Baik, estimate); as-is is the "
            "latest") in result.output.splitlines()
    out = json.loads(runner.invoke(app, ["roadmap", str(EXAMPLE), "-f", "json"]).stdout)
    assert [(a["year"], a["verified"]) for a in out["assessed"]] == [(2023, True), (2024, False)]


def test_roadmap_changes_leave_what_they_do_not_set_unknown(runner, example):
    """2027 moves e-perpus to PDN: its data, never stated, stays unknown (not 'none'), so the
    last year counts what the to-be's own audit counts."""
    audit = runner.invoke(app, ["audit", str(TO_BE), "--format", "json"])
    assert example["years"][-1]["metrics"] == json.loads(audit.stdout)["metrics"]
    services = [y["metrics"]["services_fully_integrated"] for y in example["years"]]
    assert [(s["part"], s["total"], s["unknown"]) for s in services][2:] == [(35, 35, 2)] * 4


def test_roadmap_to_the_to_be_leaves_nothing_undelivered(example):
    assert example["undelivered"] == {"target": TO_BE.as_posix(), "unread": [], "errors": 0,
                                      "added": [], "removed": [], "changed": []}


def test_roadmap_items_the_target_plans_otherwise_are_not_undelivered(runner, tmp_path):
    """The plan is no element an item delivers: a target whose roadmap differs (an item
    renamed, one dropped) still has nothing undelivered."""
    target = tmp_path / "target"
    shutil.copytree(TO_BE, target)
    plans = [p for p in target.rglob("*.yaml") if "roadmap:" in p.read_text()]
    text = plans[0].read_text()
    first = text.index("  - id: ", text.index("roadmap:"))
    plans[0].write_text(text[:first] + text[first:].replace("    name: ", "    name: X ", 1))
    result = runner.invoke(app, ["roadmap", str(EXAMPLE), "--to", str(target), "-f", "json"])
    assert result.exit_code == 0, result.output
    gap = json.loads(result.stdout)["undelivered"]
    assert (gap["added"], gap["removed"], gap["changed"]) == ([], [], [])


def test_roadmap_to_a_target_with_an_unreadable_file_says_so(runner, tmp_path):
    target = tmp_path / "target"
    shutil.copytree(TO_BE, target)
    broken = target / "layanan" / "administrasi.yaml"
    broken.write_text(broken.read_text() + "services:\n  - id: [x\n")
    result = runner.invoke(app, ["roadmap", str(EXAMPLE), "--to", str(target), "-f", "json"])
    assert json.loads(result.stdout)["undelivered"]["unread"] == ["layanan/administrasi.yaml"]
    text = runner.invoke(app, ["roadmap", str(EXAMPLE), "--to", str(target), "--lang", "id"])
    assert ("sementara: ada berkas target yang tidak dapat dibaca: layanan/administrasi.yaml"
            in text.stdout)


def test_roadmap_to_a_target_with_errors_says_so_and_exits_1(runner, tmp_path):
    """Trial: a target with errors (and a diff's JSON given as one) was compared silently,
    exit 0."""
    target = tmp_path / "target"
    shutil.copytree(TO_BE, target)
    apps = target / "aplikasi" / "khusus.yaml"
    apps.write_text(apps.read_text("utf-8").replace("owner: dinkes\n", "owner: dinkes-x\n", 1),
                    "utf-8")
    result = runner.invoke(app, ["roadmap", str(EXAMPLE), "--to", str(target), "-f", "json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["undelivered"]["errors"] == 1
    text = runner.invoke(app, ["roadmap", str(EXAMPLE), "--to", str(target)]).stdout
    assert (f"; the target has 1 error, so what it is said to lack may be wrong (spbe-arch "
            f"validate {target})") in text
    clean = runner.invoke(app, ["roadmap", str(EXAMPLE), "--to", str(TO_BE)])
    assert clean.exit_code == 0 and "the target has" not in clean.stdout


def test_roadmap_lists_what_the_target_has_that_no_item_delivers(runner, tmp_path):
    target = tmp_path / "target"
    shutil.copytree(TO_BE, target)
    apps = target / "aplikasi" / "khusus.yaml"
    apps.write_text(apps.read_text().replace("hosting: vendor-pajak", "hosting: pdn-lembah-hijau"))
    result = runner.invoke(app, ["roadmap", str(EXAMPLE), "--to", str(target)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    at = lines.index(f"not delivered by any item, compared with {target.as_posix()} "
                     "(index 2.78): 2")
    assert lines[at + 1:at + 3] == [
        "  ~ e-bphtb (applications) hosting: vendor-pajak -> pdn-lembah-hijau",
        "  ~ e-pbb (applications) hosting: vendor-pajak -> pdn-lembah-hijau",
    ]


def test_diff_writes_changed_roadmap_items_as_the_model_writes_them(runner, tmp_path):
    """A roadmap item's `changes` compared with another version's, in YAML flow style (not
    Python's repr of dicts). (`roadmap --to` leaves the plan itself out: no item delivers
    it.)"""
    target = tmp_path / "target"
    shutil.copytree(TO_BE, target)
    roadmap = target / "roadmap.yaml"
    roadmap.write_text(roadmap.read_text().replace(
        "{element: int-simbg-simpel-izin, set: {via: splp}}",
        "{element: int-simbg-simpel-izin, set: {via: splp, network: jip-lembah-hijau}}"))
    result = runner.invoke(app, ["diff", str(TO_BE), str(target)])
    lines = result.output.splitlines()
    at = lines.index("  ~ rm-2025-retribusi-pbg (roadmap)")
    assert lines[at + 1] == (
        "      changes: [{element: int-simbg-simpel-izin, set: {via: splp}}] -> [{element: "
        "int-simbg-simpel-izin, set: {via: splp, network: jip-lembah-hijau}}]"), result.output


def test_roadmap_text_shows_items_and_the_trajectory(runner):
    result = runner.invoke(app, ["roadmap", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Peta Rencana SPBE: Pemerintah Kabupaten Lembah Hijau, 11 items 2025-2029"
    assert (
        "  2028 rm-2028-smki: Sertifikasi SNI ISO/IEC 27001 untuk Pusat Data Daerah "
        "[diskominfo, Rp 300.000.000]"
    ) in lines
    assert "      changes sec-isms; after rm-2027-drc" in lines
    assert any(line.startswith("│ 2029 ") and "38 of 52 (73%)" in line for line in lines)


def test_roadmap_says_which_indicators_move_the_index_each_year(runner):
    """Why 2027 adds +0.025 (JIP to every unit: indicator 17), and that the 2028 ISO 27001
    certification moves no indicator: in the text, the Markdown and the JSON."""
    lines = runner.invoke(app, ["roadmap", str(EXAMPLE)]).stdout.splitlines()
    moves = lines[lines.index("index moves by year:") + 1:][:5]
    assert moves[2] == "  2027 +0.025: indicator 17 Layanan jaringan intra: 2 -> 3"
    assert moves[3] == "  2028: no indicator's level moves"
    markdown = runner.invoke(app, ["roadmap", str(EXAMPLE), "-f", "markdown"]).stdout
    assert "- 2027 +0.025: indicator 17 Layanan jaringan intra: 2 -> 3" in markdown.splitlines()
    years = json.loads(runner.invoke(app, ["roadmap", str(EXAMPLE), "-f", "json"]).stdout)[
        "years"]
    assert [(y["year"], [m["indicator"] for m in y["moved"]]) for y in years] == [
        (None, []), (2025, []), (2026, []), (2027, ["17"]), (2028, []), (2029, ["23", "43"])]
    assert sum(m["index_change"] for m in years[-1]["moved"]) == pytest.approx(
        years[-1]["index"] - years[-2]["index"])


def test_an_item_to_come_adding_what_is_active_already_is_a_warning(runner, make_model):
    """The new application written without `status: planned`: the trajectory would count it
    today, and its year would show nothing."""
    root, result = _roadmap(runner, make_model, """\
  - {id: rm-a, name: A, year: 2027, adds: [e-office]}
  - {id: rm-b, name: B, year: 2027, adds: [e-office], status: active}
""")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert (f"{root}/roadmap.yaml:4:44: warning SPBE-P007 roadmap item 'rm-a' (2027) adds "
            "'e-office', which is active in the model already") in lines
    assert ("    hint: write 'status: planned' on 'e-office' if the item brings it, or mark "
            "the item 'status: active' if it is done") in lines
    assert result.output.count("SPBE-P007") == 1  # the item done added it: no finding


def test_roadmap_markdown(runner):
    result = runner.invoke(app, ["roadmap", str(EXAMPLE), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert (
        "| 2027 | rm-2027-drc: Pembangunan pusat pemulihan bencana (DRC) dan pencadangan di "
        "luar lokasi | diskominfo | Rp 1.500.000.000 | sec-drc |  |  |  |"
    ) in result.output


ITEMS = """\
applications:
  - {id: e-office, name: E-Office, kind: khusus, owner: diskominfo, status: active}
roadmap:
"""
UNIT = "units:\n  - {id: diskominfo, name: Diskominfo, kind: dinas}\n"


def _roadmap(runner, make_model, items):
    root = make_model({"units.yaml": UNIT, "roadmap.yaml": ITEMS + items})
    return root, runner.invoke(app, ["roadmap", str(root)])


def test_roadmap_dependency_cycle_is_a_finding(runner, make_model):
    root, result = _roadmap(runner, make_model, """\
  - {id: rm-a, name: A, year: 2026, depends_on: [rm-b]}
  - {id: rm-b, name: B, year: 2026, depends_on: [rm-c]}
  - {id: rm-c, name: C, year: 2026, depends_on: [rm-a]}
""")
    assert result.exit_code == 1, result.output
    assert (
        f"{root}/roadmap.yaml:4:37: error SPBE-P001 roadmap items depend on each other in a "
        "cycle: rm-a -> rm-b -> rm-c -> rm-a"
    ) in result.output.splitlines()
    assert result.output.count("SPBE-P001") == 1


def test_roadmap_item_touching_an_unknown_element_is_a_finding(runner, make_model):
    root, result = _roadmap(runner, make_model, """\
  - id: rm-a
    name: A
    year: 2026
    unit: dinas-x
    retires: [e-office-lama]
    changes:
      - {element: e-office, set: {status: retired}}
      - {element: int-x, set: {via: splp}}
""")
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert (f"{root}/roadmap.yaml:7:5: error SPBE-P002 unit: 'dinas-x' is not a unit of the "
            "model") in lines
    assert (f"{root}/roadmap.yaml:8:15: error SPBE-P002 retires: 'e-office-lama' is not defined "
            "in the model") in lines
    assert (f"{root}/roadmap.yaml:11:9: error SPBE-P002 changes: 'int-x' is not defined in the "
            "model") in lines
    at = lines.index(f"{root}/roadmap.yaml:8:15: error SPBE-P002 retires: 'e-office-lama' is "
                     "not defined in the model")
    assert lines[at + 1].startswith("    hint: did you mean 'e-office'? name an element")
    validated = runner.invoke(app, ["validate", str(root)])  # every command reports them
    assert validated.exit_code == 1
    assert validated.output.count("SPBE-P002") == 3


def test_roadmap_item_planned_before_its_dependency_is_a_finding(runner, make_model):
    root, result = _roadmap(runner, make_model, """\
  - {id: rm-splp, name: Tenant SPLP, year: 2027}
  - {id: rm-nik, name: NIK melalui SPLP, year: 2026, depends_on: [rm-splp]}
""")
    assert result.exit_code == 1, result.output
    assert (
        f"{root}/roadmap.yaml:5:42: error SPBE-P003 roadmap item 'rm-nik' (2026) depends on "
        "'rm-splp', planned later (2027)"
    ) in result.output.splitlines()
    assert "    hint: plan it in 2027 or later" in result.output


def test_roadmap_change_the_element_cannot_take_is_a_finding(runner, make_model):
    root, result = _roadmap(runner, make_model, """\
  - id: rm-a
    name: A
    year: 2026
    adds: [diskominfo]
    changes:
      - {element: e-office, set: {kind: lokal}}
      - {element: e-office, set: {colour: blue}}
""")
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert (f"{root}/roadmap.yaml:7:12: error SPBE-P004 adds: 'diskominfo' has no status to "
            "change (units)") in lines
    assert (f"{root}/roadmap.yaml:9:29: error SPBE-P004 changes 'e-office': kind: input should "
            "be 'umum' or 'khusus', got 'lokal'") in lines
    assert (f"{root}/roadmap.yaml:10:29: error SPBE-P004 changes 'e-office': unknown field "
            "'colour'") in lines
    assert ("    hint: set fields 'e-office' has, to values they take (`spbe-arch docs -o DIR` "
            "writes vocabulary.md, which lists them)") in lines


def test_roadmap_change_naming_an_unknown_element_is_a_finding(runner, make_model):
    """A change that sets a reference (owner, hosting, reads, ...) to an id the model does not
    have is caught like any other reference; a national platform is known."""
    root, result = _roadmap(runner, make_model, """\
  - id: rm-a
    name: A
    year: 2026
    changes:
      - {element: e-office, set: {owner: nobody, hosting: pdn, reads: [data-x]}}
""")
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert (f"{root}/roadmap.yaml:8:35: error SPBE-P002 changes 'e-office': owner: 'nobody' is "
            "not defined in the model") in lines
    assert (f"{root}/roadmap.yaml:8:64: error SPBE-P002 changes 'e-office': reads: 'data-x' is "
            "not defined in the model") in lines
    assert "'pdn'" not in result.output


def test_roadmap_unit_typo_gets_did_you_mean(runner, make_model):
    root, result = _roadmap(runner, make_model, """\
  - {id: rm-a, name: A, year: 2026, unit: diskominfoo}
""")
    lines = result.output.splitlines()
    at = lines.index(f"{root}/roadmap.yaml:4:37: error SPBE-P002 unit: 'diskominfoo' is not a "
                     "unit of the model")
    assert lines[at + 1] == "    hint: did you mean 'diskominfo'?"


def test_roadmap_naming_an_element_validation_could_not_read_is_not_a_finding(runner, make_model):
    """Unknown is not absent: an item naming an element of a file with a syntax error, or an
    element that failed validation, gets no SPBE-P002; the error hiding the element stands."""
    root = make_model({
        "units.yaml": UNIT + "  - {id: dinkes, name: Dinkes, kind: dinas\n",  # unclosed
        "apps.yaml": "applications:\n  - {id: simpus, name: SIMPUS, kind: khusus, "
                     "owner: diskominfo, status: aktiv}\n",
        "roadmap.yaml": ITEMS + """\
  - id: rm-a
    name: A
    year: 2026
    unit: dinkes
    retires: [simpus]
    changes:
      - {element: e-office, set: {owner: dinkes}}
      - {element: simpus, set: {name: SIMPUS 2}}
""",
    })
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 1, result.output
    assert "SPBE-P002" not in result.output
    assert "SPBE-R001" in result.output  # the syntax error of units.yaml
    assert f"{root}/apps.yaml:2:65: error SPBE-R003" in result.output  # status: aktiv


def test_the_readmes_roadmap_excerpt_is_what_the_command_prints(runner):
    """Each row the README shows (its '...' columns left out) is a row of the trajectory."""
    readme = (ROOT / "README.md").read_text("utf-8")
    excerpt = readme.split("```text\n$ spbe-arch roadmap examples/kabupaten-lembah-hijau --to", 1)[
        1].split("```", 1)[0]
    shown = [[c.strip() for c in line.strip("│").split("│")] for line in excerpt.splitlines()
             if line.startswith("│")]
    out = runner.invoke(app, ["roadmap", str(EXAMPLE)]).stdout
    rows = {cells[0]: cells for line in out.splitlines() if line.startswith("│")
            for cells in [[c.strip() for c in line.strip("│").split("│")]]}
    assert [row[0] for row in shown] == ["year", "as-is", "2026", "2029"]
    for row in shown[1:]:
        printed = iter(rows[row[0]])
        assert all(cell in printed for cell in row if cell != "..."), row  # in order


def test_roadmap_gives_the_budget_per_year_and_in_all(runner):
    lines = runner.invoke(app, ["roadmap", str(EXAMPLE)]).stdout.splitlines()
    assert ("budget: 2025 Rp 500.000.000, 2026 Rp 550.000.000, 2027 Rp 2.650.000.000, 2028 "
            "Rp 1.200.000.000, 2029 Rp 120.000.000; total Rp 5.020.000.000") in lines
    markdown = runner.invoke(app, ["roadmap", str(EXAMPLE), "-f", "markdown"]).stdout
    assert "total Rp 5.020.000.000" in markdown


def test_roadmap_of_a_model_without_items_says_where_they_go(runner, make_model):
    root = make_model({"u.yaml": "units: [{id: dinkes, name: Dinkes, kind: dinas}]\n"})
    lines = runner.invoke(app, ["roadmap", str(root)]).stdout.splitlines()
    assert "items: none (a `roadmap:` collection lists them)" in lines


def test_roadmap_did_you_mean_never_names_the_item_itself(runner, make_model):
    """An item naming an id close to its own is not told to depend on (or retire) itself."""
    _root, result = _roadmap(runner, make_model, """\
  - {id: rm-nik-splp, name: NIK, year: 2026, depends_on: [rm-nik-spl], retires: [rm-nik-splp-x]}
""")
    lines = result.output.splitlines()
    hints = [lines[n + 1] for n, line in enumerate(lines) if "SPBE-P002" in line]
    assert len(hints) == 2 and not any("'rm-nik-splp'" in hint for hint in hints), hints



def test_roadmap_change_naming_a_mistyped_element_is_told_the_close_one(runner, make_model):
    root, result = _roadmap(runner, make_model, """\
  - id: rm-a
    name: A
    year: 2026
    changes:
      - {element: e-office, set: {owner: diskominf}}
""")
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    at = lines.index(f"{root}/roadmap.yaml:8:35: error SPBE-P002 changes 'e-office': owner: "
                     "'diskominf' is not defined in the model")
    assert lines[at + 1] == (
        "    hint: did you mean 'diskominfo'? name an element of the model; a new element goes "
        "in the model as 'status: planned' and the item adds it")


CLOSE_VENDOR = """\
  - id: rm-2026-tutup-vendor
    name: Tutup hosting vendor pajak
    year: 2026
    retires: [vendor-pajak]
"""


@pytest.mark.parametrize("moved", [False, True])
def test_an_item_may_retire_a_data_centre_once_nothing_runs_there(runner, tmp_path, moved):
    """Closing the vendor's server is a plan's step: the data centre is gone from the model
    from that year; while e-PBB and e-BPHTB still run there it is an error (SPBE-P005)."""
    model = tmp_path / "model"
    shutil.copytree(EXAMPLE, model)
    item = CLOSE_VENDOR + ("    changes:\n      - {element: e-pbb, set: {hosting: pdn}}\n"
                           "      - {element: e-bphtb, set: {hosting: pdn}}\n" if moved else "")
    plan = model / "roadmap.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + item, encoding="utf-8")
    assert runner.invoke(app, ["validate", str(model)]).exit_code == 0
    result = runner.invoke(app, ["roadmap", str(model), "--format", "json"])
    out = json.loads(result.stdout)
    found = [(f["code"], f["element"], f["line"]) for f in out["findings"]
             if f["code"] == "SPBE-P005"]
    if moved:
        assert result.exit_code == 0, result.output
        assert found == []
    else:
        assert result.exit_code == 1, result.output
        line = plan.read_text(encoding="utf-8").count("\n")  # its `retires:`
        assert found == [("SPBE-P005", "rm-2026-tutup-vendor", line)]
        text = runner.invoke(app, ["roadmap", str(model)]).stdout
        assert ("error SPBE-P005 roadmap item 'rm-2026-tutup-vendor' (2026) retires "
                "'vendor-pajak' while e-bphtb, e-pbb still use it") in text


def test_a_cancelled_item_is_not_applied(runner, tmp_path):
    """`status: retired` on an item says it was cancelled: the plan goes on without it (the
    example's only 2029 item gone, its trajectory ends in 2028)."""
    model = tmp_path / "model"
    shutil.copytree(EXAMPLE, model)
    plan = model / "roadmap.yaml"
    text = plan.read_text(encoding="utf-8")
    at = text.index("  - id: rm-2029-data-terbuka\n")
    plan.write_text(text[:at] + text[at:].replace("    year: 2029\n",
                                                   "    year: 2029\n    status: retired\n", 1),
                    encoding="utf-8")
    out = json.loads(runner.invoke(app, ["roadmap", str(model), "--format", "json"]).stdout)
    assert [y["year"] for y in out["years"]] == [None, 2025, 2026, 2027, 2028]
    assert "rm-2029-data-terbuka" not in {i["id"] for i in out["items"]}


def test_a_year_whose_items_give_no_budget_is_not_known_not_rp_0(runner, make_model):
    root = make_model({"a.yaml": """\
        units: [{id: dinkes, name: Dinkes, kind: dinas}]
        roadmap:
          - {id: rm-a, name: A, year: 2026, unit: dinkes, budget: 150000000}
          - {id: rm-b, name: B, year: 2027, unit: dinkes}
        """})
    lines = runner.invoke(app, ["roadmap", str(root)]).stdout.splitlines()
    assert "budget: 2026 Rp 150.000.000, 2027 -; total Rp 150.000.000" in lines
    out = json.loads(runner.invoke(app, ["roadmap", str(root), "-f", "json"]).stdout)
    assert out["budget"] == {"2026": 150000000.0}


def test_a_change_naming_a_national_platform_misspelt_is_told_the_platform(runner, tmp_path):
    model = tmp_path / "model"
    shutil.copytree(EXAMPLE, model)
    plan = model / "roadmap.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + (
        "  - id: rm-2026-jip\n    name: Pindah ke JIP\n    year: 2026\n    changes:\n"
        "      - {element: int-epbb-simpad, set: {network: jipp}}\n"), encoding="utf-8")
    lines = runner.invoke(app, ["validate", str(model)]).output.splitlines()
    at = next(n for n, line in enumerate(lines) if "SPBE-P002" in line)
    assert lines[at + 1].startswith("    hint: did you mean 'jip'? ")


@pytest.mark.parametrize(("status", "warned"), [("planned", True), ("active", False)])
def test_an_item_before_the_year_assessed_is_done_or_late(runner, make_model, status, warned):
    """The model as it is stands for 2025, its latest assessment: an item of 2024 still
    planned is either done and not marked so, or late (SPBE-P006); one marked done is not."""
    root = make_model({"a.yaml": f"""\
        units: [{{id: dinkes, name: Dinkes, kind: dinas}}]
        assessment:
          - {{indicator: 1, year: 2025, level: 2}}
        roadmap:
          - {{id: rm-2024-splp, name: Tenant SPLP, year: 2024, status: {status}}}
        """})
    lines = runner.invoke(app, ["validate", str(root)]).output.splitlines()
    found = [n for n, line in enumerate(lines) if "SPBE-P006" in line]
    assert bool(found) == warned
    if warned:
        assert lines[found[0]].endswith(
            "warning SPBE-P006 roadmap item 'rm-2024-splp' is planned for 2024, before the year "
            "the model is assessed for (2025), and not marked done")
        assert lines[found[0] + 1] == (
            "    hint: mark it `status: active` if it is done (the model shows what it "
            "changes), or plan it for 2025 or later")


def test_roadmap_of_a_model_rating_few_indicators_gives_no_predikat(runner, make_model):
    """A year whose index rests on fewer than half of the indicators is provisional, as in
    `maturity`: the table and JSON say so, not 'Kurang'."""
    root, result = _roadmap(runner, make_model, """\
  - {id: rm-a, name: A, year: 2026, changes: [{element: e-office, set: {name: E-Office 2}}]}
""")
    assert result.exit_code == 0, result.output
    assert "Kurang" not in result.output and "provisional" in result.output
    out = json.loads(runner.invoke(app, ["roadmap", str(root), "-f", "json"]).stdout)
    assert [y["provisional"] for y in out["years"]] == [True, True]


@pytest.mark.parametrize("status", ["active", "planned"])
def test_what_a_done_item_or_a_target_retired_may_be_gone_from_the_model(
        runner, tmp_path, status):
    """A data centre closed is gone from the model: an item marked done, or any item of the
    target architecture (`to_be`), retiring it names nothing, and that is no error."""
    for source, target in ((EXAMPLE, False), (TO_BE, True)):
        model = tmp_path / f"{status}-{target}"
        shutil.copytree(source, model)
        plan = model / "roadmap.yaml"
        plan.write_text(plan.read_text(encoding="utf-8") + CLOSE_VENDOR.replace(
            "vendor-pajak", "server-ditutup") + f"    status: {status}\n", encoding="utf-8")
        result = runner.invoke(app, ["validate", str(model)])
        gone_is_fine = target or status == "active"
        assert ("SPBE-P002" in result.output) is not gone_is_fine, result.output


def test_an_item_with_a_type_error_still_has_its_unit_and_dependencies_checked(
    runner, make_model
):
    """Trial: with `budget: 350jt`, the item's unit and dependency typos showed only once the
    budget was fixed, one run later."""
    _, result = _roadmap(runner, make_model, """\
  - {id: rm-a, name: A, year: 2026, budget: 350jt, unit: diskominfoo, depends_on: [rm-zz]}
""")
    assert result.exit_code == 1, result.output
    codes = [line.split(" error ")[1].split(" ")[0] for line in result.output.splitlines()
             if " error " in line]
    assert sorted(codes) == ["SPBE-P002", "SPBE-P002", "SPBE-R003"]
    assert any("unit: 'diskominfoo' is not a unit of the model" in line
               for line in result.output.splitlines())
    assert any("depends_on: 'rm-zz' is not a roadmap item" in line
               for line in result.output.splitlines())


def test_fixing_one_error_of_an_item_and_making_another_is_gated(runner, make_model, tmp_path):
    """Re-trial: a unit typo fixed and a dependency typo made on one roadmap item was '0
    introduced, 0 resolved': one code on one element, told apart by what each is about."""
    old = make_model({"units.yaml": UNIT, "roadmap.yaml": ITEMS + (
        "  - {id: rm-a, name: A, year: 2026, unit: diskominfoo}\n")})
    new = tmp_path / "new"
    shutil.copytree(old, new)
    (new / "roadmap.yaml").write_text(ITEMS + (
        "  - {id: rm-a, name: A, year: 2026, unit: diskominfo, depends_on: [rm-zz]}\n"))
    result = runner.invoke(app, ["diff", str(old), str(new), "--format", "json"])
    assert result.exit_code == 1, result.output
    out = json.loads(result.stdout)
    assert [(f["code"], f["about"]) for f in out["findings_introduced"]] == [
        ("SPBE-P002", "depends_on: rm-zz")]
    assert [(f["code"], f["about"]) for f in out["findings_resolved"]] == [
        ("SPBE-P002", "unit: diskominfoo")]
