"""`spbe-arch import inventory FILE --into MODEL`: an inventory added to a model kept by hand
(started with `spbe-arch init`), as a file of its own. Files in, the file written, the report
and exit codes."""

import json

import pytest
from inventory_files import write_csv

from spbe_arch.cli import app
from spbe_arch.validate import load_model

HEADER = ["No", "Kode", "Nama Aplikasi", "OPD", "Status", "Lokasi Server", "Terintegrasi dengan"]
ROWS = [
    ["1", "APL-01", "SIMPEG", "BKPSDM", "Aktif", "Pusat Data Daerah", "E-Office"],
    ["2", "APL-02", "E-Office", "Diskominfo", "Aktif", "Pusat Data Daerah", "SIMPEG, SRIKANDI"],
    ["3", "APL-03", "Website Resmi", "Dinas Kominfo", "Aktif", "Vendor", ""],  # init's website
    ["4", "APL-04", "SRIKANDI", "Diskominfo", "Aktif", "PDN", ""],  # init's installation
]


@pytest.fixture
def started(runner, tmp_path):
    """A model as `spbe-arch init` starts it, and its files' bytes."""
    model = tmp_path / "kota-contoh"
    assert runner.invoke(app, ["init", str(model), "--name", "Pemerintah Kota Contoh"]
                         ).exit_code == 0
    return model, {p.name: p.read_bytes() for p in model.glob("*.yaml")}


def _import(runner, tmp_path, model, rows=ROWS, *extra):
    inventory = write_csv(tmp_path / "inventaris.csv", [HEADER, *rows])
    result = runner.invoke(app, ["import", "inventory", str(inventory), "--into", str(model),
                                 *extra], catch_exceptions=False)
    return result, inventory


def test_an_inventory_joins_the_model_init_started(runner, tmp_path, started):
    model, before = started

    result, inventory = _import(runner, tmp_path, model)

    assert result.exit_code == 0, result.output
    written = model / "inventory-inventaris.yaml"
    assert result.output.splitlines()[-1] == (
        f"wrote {written}; next: spbe-arch validate {model}")
    assert {p.name: p.read_bytes() for p in model.glob("*.yaml") if p != written} == before
    arch = load_model(model).architecture
    assert set(arch.units) == {"diskominfo", "bkpsdm"}  # 'Diskominfo' is init's unit
    assert {(a.id, a.owner, a.hosting) for a in arch.applications.values()
            if arch.sources[a.id].file == written.name} == {
        ("apl-01", "bkpsdm", "pusat-data-daerah"),  # init's pusat data daerah
        ("apl-02", "diskominfo", "pusat-data-daerah"),
    }
    assert {(i.source, i.target) for i in arch.integrations.values()} == {
        ("apl-01", "apl-02"), ("apl-02", "srikandi-kota-contoh")}  # init's SRIKANDI
    assert not arch.infrastructure.keys() - {"pusat-data-daerah"}  # the website's vendor: not
    lines = result.output.splitlines()
    assert (f"{inventory}:4: note: 'Website Resmi' is the model's application 'website' "
            "(applications.yaml): not written again (change it there if the row says more)"
            ) in lines
    assert (f"{inventory}:5: guess: 'SRIKANDI' is national platform 'srikandi' (by its name); "
            "imported as 'srikandi-kota-contoh'") in lines
    assert (f"{inventory}: note: 2 applications the model has already: not written again "
            "(rows 4, 5)") in lines
    assert (f"{inventory}: note: 2 applications with no classification (umum/khusus, "
            "pusat/lokal) and no national platform match: written as kind khusus (rows 2, 3)"
            ) in lines  # the website's row is not counted: not written
    assert not any("'Vendor'" in line for line in lines)
    assert (model / "inventory-inventaris-report.txt").read_text(
        encoding="utf-8").splitlines() == lines[:-1]
    assert runner.invoke(app, ["validate", str(model)]).exit_code == 0


def test_a_row_whose_id_names_the_models_application_is_it(runner, tmp_path, started):
    model, _before = started
    rows = [["1", "website", "Portal Kota", "Diskominfo", "Aktif", "", "SRIKANDI"]]

    result, inventory = _import(runner, tmp_path, model, rows)

    assert result.exit_code == 0, result.output
    assert f"{inventory}:2: note: 'Portal Kota' is the model's application 'website'" in (
        result.output)
    arch = load_model(model).architecture
    assert set(arch.applications) == {"website", "srikandi-kota-contoh"}
    assert [(i.source, i.target) for i in arch.integrations.values()] == [
        ("website", "srikandi-kota-contoh")]


def test_a_link_the_model_has_is_not_written_again(runner, tmp_path, started):
    model, _before = started
    _import(runner, tmp_path, model)
    (model / "linked.yaml").write_text(
        "integrations:\n  - id: simpeg-eoffice\n    source: apl-02\n    target: apl-01\n"
        "    via: splp\n", encoding="utf-8")

    result, inventory = _import(runner, tmp_path, model, ROWS, "--force")

    assert result.exit_code == 0, result.output
    assert (f"{inventory}:2: note: 'apl-01' and 'apl-02' are linked in the model already: not "
            "written") in result.output.splitlines()
    arch = load_model(model).architecture
    assert set(arch.integrations) == {"simpeg-eoffice", "int-apl-02-apl-04"}
    assert set(arch.applications) >= {"apl-01", "apl-02"}  # its own ids kept when re-imported


def test_written_again_only_with_force_and_only_unedited(runner, tmp_path, started):
    model, _before = started
    _import(runner, tmp_path, model)
    written = model / "inventory-inventaris.yaml"

    again, _inventory = _import(runner, tmp_path, model)
    assert again.exit_code == 2
    assert again.output == f"spbe-arch: {written}: already exists; use --force to replace it\n"

    assert _import(runner, tmp_path, model, ROWS, "--force")[0].exit_code == 0
    written.write_text(written.read_text(encoding="utf-8") + "# checked\n", encoding="utf-8")
    edited, _inventory = _import(runner, tmp_path, model, ROWS, "--force")
    assert edited.exit_code == 2
    assert "edited since the import; not replaced, even with --force" in edited.output


@pytest.mark.parametrize(("extra", "message"), [
    (["-o", "elsewhere"], "--output cannot be given with --into: -o writes a new model, "
                          "--into adds to one: give one of them"),
    (["--level", "kota"], "--level cannot be given with --into: the instansi is the model's "
                          "(its spbe.yaml)"),
])
def test_what_the_model_gives_is_not_asked_again(runner, tmp_path, started, extra, message):
    model, before = started

    result, _inventory = _import(runner, tmp_path, model, ROWS, *extra)

    assert result.exit_code == 2
    assert result.output == f"spbe-arch: {message}\n"
    assert sorted(p.name for p in model.iterdir() if p.is_file()) == sorted(before)


def test_neither_a_new_folder_nor_a_model_is_a_usage_error(runner, tmp_path):
    inventory = write_csv(tmp_path / "inventaris.csv", [HEADER, *ROWS])

    result = runner.invoke(app, ["import", "inventory", str(inventory)])

    assert result.exit_code == 2
    assert result.output == ("spbe-arch: give the folder of the new model with -o DIR, or the "
                             "model to add the inventory to with --into DIR\n")


def test_a_model_with_errors_is_mended_first(runner, tmp_path, started):
    model, _before = started
    (model / "broken.yaml").write_text("applications:\n  - id: x\n    name: X\n    owner: nobody\n"
                                       "    kind: khusus\n", encoding="utf-8")

    result, _inventory = _import(runner, tmp_path, model)

    assert result.exit_code == 2
    assert "an inventory is added to a model without errors: fix them first" in result.output
    assert not (model / "inventory-inventaris.yaml").exists()


def test_the_json_report_says_what_the_model_had(runner, tmp_path, started):
    model, _before = started

    result, _inventory = _import(runner, tmp_path, model, ROWS, "--format", "json")

    data = json.loads(result.output)
    assert data["in_model"] == {"website": [4], "srikandi-kota-contoh": [5]}
    assert data["written"] == str(model / "inventory-inventaris.yaml")
    assert data["units"] == 1 and data["clean"] is True


def test_a_reimport_keeps_the_ids_it_gave_when_rows_move(runner, tmp_path, started):
    """Ids made of names ('simpeg', 'simpeg-2') are kept by what they name, not by row order:
    the architect's own file naming one still names the same application."""
    model, _before = started
    rows = [["1", "", "SIMPEG", "BKPSDM", "Aktif", "", ""],
            ["2", "", "SIMPEG", "Dinas Kesehatan", "Aktif", "", ""]]
    _import(runner, tmp_path, model, rows)
    owners = {a.id: a.owner for a in load_model(model).architecture.applications.values()}
    assert {owners["simpeg"], owners["simpeg-2"]} == {"bkpsdm", "dinkes"}

    result, _inventory = _import(runner, tmp_path, model, rows[::-1], "--force")

    assert result.exit_code == 0, result.output
    moved = {a.id: a.owner for a in load_model(model).architecture.applications.values()}
    assert moved == owners


def test_the_integrations_column_may_name_the_model_s_applications(runner, tmp_path, started):
    model, _before = started
    rows = [["1", "", "SIMPEG", "BKPSDM", "Aktif", "", "Website Resmi"]]

    result, _inventory = _import(runner, tmp_path, model, rows)

    assert result.exit_code == 0, result.output
    arch = load_model(model).architecture
    assert [(i.source, i.target) for i in arch.integrations.values()] == [("simpeg", "website")]


def test_a_namesake_under_another_unit_is_said(runner, tmp_path, started):
    model, _before = started
    rows = [["1", "", "Website Resmi", "Dinas Kesehatan", "Aktif", "", ""]]

    result, inventory = _import(runner, tmp_path, model, rows)

    assert result.exit_code == 0, result.output
    assert (f"{inventory}:2: note: 'Website Resmi' has the name of the model's application "
            "'website' (applications.yaml), owned by another unit ('diskominfo'): written as "
            "another application; if it is the same, delete the row or correct its unit"
            ) in result.output.splitlines()


def test_the_same_inventory_from_another_folder_replaces_its_file(runner, tmp_path, started,
                                                                  monkeypatch):
    """The file's banner names the inventory as the command was given it ('inventaris.csv');
    imported again from elsewhere ('../data/inventaris.csv'), it is the same inventory."""
    model, _before = started
    data = tmp_path / "data"
    data.mkdir()
    write_csv(data / "inventaris.csv", [HEADER, *ROWS])
    monkeypatch.chdir(data)
    assert runner.invoke(app, ["import", "inventory", "inventaris.csv", "--into", str(model)]
                         ).exit_code == 0
    monkeypatch.chdir(tmp_path)

    result = runner.invoke(app, ["import", "inventory", "data/inventaris.csv", "--into",
                                 str(model), "--force"])

    assert result.exit_code == 0, result.output


def test_an_integration_list_beside_the_inventory_keeps_its_mechanisms(runner, tmp_path, started):
    """The list read with the inventory (--integrations) gives the mechanism and network of
    the links the integrations column names only; added after it, they would be left out as
    linked already."""
    model, _before = started
    listed = write_csv(tmp_path / "daftar-integrasi.csv", [
        ["Aplikasi Sumber", "Aplikasi Tujuan", "Mekanisme", "Jaringan", "Arah"],
        ["SIMPEG", "E-Office", "API melalui SPLP", "JIP", "Satu arah"],
        ["E-Office", "Website Resmi", "API", "Internet", "Satu arah"],  # the model's website
    ])

    result, _inventory = _import(runner, tmp_path, model, ROWS, "--integrations", str(listed))

    assert result.exit_code == 0, result.output
    arch = load_model(model).architecture
    assert {(i.source, i.target, str(i.via)) for i in arch.integrations.values()} == {
        ("apl-01", "apl-02", "splp"),  # as the list gives it, not 'unknown'
        ("apl-02", "website", "api_direct"),
        ("apl-02", "srikandi-kota-contoh", "unknown"),  # the column's only
    }
    assert runner.invoke(app, ["validate", str(model)]).exit_code == 0
    again, _inventory = _import(runner, tmp_path, model, ROWS, "--integrations", str(listed),
                                "--force")
    assert again.exit_code == 0, again.output
    assert set(load_model(model).architecture.integrations) == set(arch.integrations)


def test_a_reimport_that_removes_what_a_file_names_exits_1_and_says_so(runner, tmp_path,
                                                                      started):
    model, _before = started
    _import(runner, tmp_path, model)
    (model / "mine.yaml").write_text(
        "integrations:\n  - id: mine\n    source: apl-01\n    target: website\n"
        "    via: splp\n", encoding="utf-8")

    result, _inventory = _import(runner, tmp_path, model, ROWS[1:], "--force")  # no SIMPEG

    assert result.exit_code == 1
    assert result.stderr == (
        f"{model}: the model has 1 error; a file of it may name what the inventory no longer "
        f"has (an application removed from it) (run `spbe-arch validate {model}`)\n")


def test_the_one_installation_of_a_platform_is_the_model_s_whoever_owns_it(runner, tmp_path,
                                                                          started):
    """init put SRIKANDI under Diskominfo; the inventory lists it under the Setda: one
    installation of the platform on each side is the same one, and the row says whose."""
    model, _before = started
    rows = [["1", "", "SRIKANDI", "Sekretariat Daerah", "Aktif", "", ""]]

    result, inventory = _import(runner, tmp_path, model, rows)

    assert result.exit_code == 0, result.output
    assert (f"{inventory}:2: note: 'SRIKANDI' is the model's application 'srikandi-kota-contoh' "
            "(applications.yaml): not written again (change it there if the row says more); the "
            "row names unit 'setda', the model 'diskominfo'") in result.output.splitlines()
    assert [a.id for a in load_model(model).architecture.applications.values()
            if a.platform == "srikandi"] == ["srikandi-kota-contoh"]


def test_a_reimport_says_what_it_changed(runner, tmp_path, started):
    model, _before = started
    _import(runner, tmp_path, model)
    rows = [ROWS[0], ["2", "APL-02", "E-Office", "Diskominfo", "Tidak Aktif", "", ""]]

    result, _inventory = _import(runner, tmp_path, model, rows, "--force")

    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-2] == (
        "against the earlier import: 0 added, 1 removed, 2 changed; removed: "
        "int-apl-02-apl-04; changed: apl-02, int-apl-01-apl-02")
    data = json.loads(_import(runner, tmp_path, model, rows, "--force", "--format", "json"
                              )[0].output)
    assert data["changed"] == {"added": [], "removed": [], "changed": []}  # the same again


def test_init_s_starter_applications_are_not_said_integrated_with_nothing(runner, tmp_path,
                                                                          started):
    """Province trial: init's website, not in the inventory, became 'active but integrated
    with no other application' once the inventory recorded integrations: nobody had said
    so. The starter's integrations are not known until they are listed."""
    model, _ = started
    result, _ = _import(runner, tmp_path, model, [ROWS[0], ROWS[1]])
    assert result.exit_code == 0, result.output
    audit = runner.invoke(app, ["audit", str(model), "--format", "json"])
    isolated = [f["element"] for f in json.loads(audit.stdout)["findings"]
                if f["code"] == "SPBE-A001"]
    assert "website" not in isolated
    starter = load_model(model).architecture.applications
    assert not starter["website"].integrations_known
