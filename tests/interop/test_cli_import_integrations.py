"""`spbe-arch import integrations LIST --into MODEL`: an integration list added to a model
kept by hand, as a file of its own. Files in, the file written, the report and exit codes."""

import json
import re
import shutil

from conftest import EXAMPLE
from inventory_files import write_csv

from spbe_arch.cli import app
from spbe_arch.validate import load_model

LIST = [
    ["Aplikasi Sumber", "Aplikasi Tujuan", "Mekanisme", "Jaringan", "Arah"],
    ["SI-JALAN", "SIMBG Daerah", "API melalui SPLP", "JIP", "Satu arah"],
    ["e-PBB", "SIMPAD", "Web service", "", "Satu arah"],  # linked in the model already
    ["SI-JALAN", "GeoPortal Tata Ruang Lembah Hijau", "API", "Internet", "Satu arah"],
    ["SIMRS", "SIMPAD", "API", "", ""],  # no such application
    ["SIMPAD", "e-Retribusi", "API melalui SPLP", "", "Satu arah"],  # the model says otherwise
    ["SIASN", "SIMPEG Daerah Lembah Hijau", "API melalui SPLP", "", "Satu arah"],  # planned
]


def _added(runner, tmp_path, *extra):
    model = tmp_path / "model"
    if not model.exists():
        shutil.copytree(EXAMPLE, model)
    listed = write_csv(tmp_path / "daftar-integrasi.csv", LIST)
    result = runner.invoke(app, ["import", "integrations", str(listed), "--into", str(model),
                                 *extra], catch_exceptions=False)
    return result, model, listed


def test_the_list_is_written_as_a_file_of_its_own(runner, tmp_path):
    before = {p.name: p.read_bytes() for p in EXAMPLE.rglob("*.yaml")}

    result, model, listed = _added(runner, tmp_path)

    assert result.exit_code == 1, result.output  # a row skipped
    written = model / "integrations-daftar-integrasi.yaml"
    assert result.output.splitlines()[-1] == (
        f"wrote {written}; next: spbe-arch validate {model}")
    assert {p.name: p.read_bytes() for p in model.rglob("*.yaml")
            if p != written} == before  # no file of the model changed
    arch = load_model(model).architecture
    assert {(i.source, i.target, str(i.via), i.network) for i in arch.integrations.values()
            if arch.sources[i.id].file == written.name} == {
        ("si-jalan", "simbg-lembah-hijau", "splp", "jip-lembah-hijau"),  # its JIP access
        ("si-jalan", "gis-tata-ruang", "api_direct", "internet"),  # the model's own internet
    }
    assert "internet-2" not in arch.infrastructure
    lines = result.output.splitlines()
    assert (f"{listed}:3: note: 'e-pbb' and 'simpad' are linked in the model already "
            "('int-epbb-simpad' in integrasi/langsung.yaml): not written") in lines
    assert (f"{listed}:6: note: 'simpad' and 'e-retribusi' are linked in the model already "
            "('int-eretribusi-simpad' in integrasi/langsung.yaml): not written; the list says "
            "via splp, not file_transfer, from 'simpad' to 'e-retribusi', not the other way: "
            "change that integration if the list is right") in lines
    assert (f"{listed}:7: note: 'siasn-lembah-hijau' and 'simpeg-lembah-hijau' are linked in "
            "the model already ('int-siasn-simpeg' in integrasi/rencana.yaml): not written"
            ) in lines  # the list gives no status: it says nothing of the model's 'planned'

    assert (model / "integrations-daftar-integrasi-report.txt").read_text(
        encoding="utf-8").splitlines() == lines[:-1]
    assert runner.invoke(app, ["validate", str(model)]).exit_code == 0


def test_written_again_only_with_force_and_only_unedited(runner, tmp_path):
    _added(runner, tmp_path)
    written = tmp_path / "model" / "integrations-daftar-integrasi.yaml"
    first = written.read_text(encoding="utf-8")

    again, _model, _listed = _added(runner, tmp_path)
    assert again.exit_code == 2
    assert again.output == f"spbe-arch: {written}: already exists; use --force to replace it\n"

    forced, _model, _listed = _added(runner, tmp_path, "--force")
    assert forced.exit_code == 1
    assert written.read_text(encoding="utf-8") == first  # its own integrations not "linked"

    written.write_text(first.replace("via: splp", "via: api_direct"), encoding="utf-8")
    edited, _model, _listed = _added(runner, tmp_path, "--force")
    assert edited.exit_code == 2
    assert "edited since the import; not replaced, even with --force" in edited.output


def test_a_folder_without_a_model_is_refused(runner, tmp_path):
    listed = write_csv(tmp_path / "daftar.csv", LIST)

    result = runner.invoke(app, ["import", "integrations", str(listed), "--into",
                                 str(tmp_path)])

    assert result.exit_code == 2
    assert result.output == (f"spbe-arch: {tmp_path}: no model here (no spbe.yaml); give the "
                             "model folder with --into\n")


def test_the_json_report(runner, tmp_path):
    result, model, _listed = _added(runner, tmp_path, "--format", "json")

    report = json.loads(result.output)
    assert (report["integrations"], report["clean"], len(report["skipped"])) == (2, False, 1)
    assert report["written"] == str(model / "integrations-daftar-integrasi.yaml")


def test_a_model_with_errors_is_refused(runner, tmp_path):
    model = tmp_path / "model"
    shutil.copytree(EXAMPLE, model)
    umum = model / "aplikasi" / "umum.yaml"
    umum.write_text(umum.read_text(encoding="utf-8") + "  - [\n", encoding="utf-8")

    result, _model, _listed = _added(runner, tmp_path)

    assert result.exit_code == 2
    assert result.output.startswith(f"spbe-arch: {model}: the model has 2 errors (spbe-arch "
                                    f"validate {model}); an integration list is added to a "
                                    "model without errors: fix them first")
    assert not (model / "integrations-daftar-integrasi.yaml").exists()


def test_what_the_model_links_already_and_another_list_s_file(runner, tmp_path):
    model = tmp_path / "model"
    shutil.copytree(EXAMPLE, model)
    listed = write_csv(tmp_path / "daftar.csv", [
        ["Aplikasi Sumber", "Aplikasi Tujuan", "Jaringan"],
        ["SIMPUS", "SATUSEHAT", "VPN"],  # the model links simpus to satusehat already
    ])
    other = tmp_path / "dinkes"
    other.mkdir()

    result = runner.invoke(app, ["import", "integrations", str(listed), "--into", str(model)])

    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == (
        f"the list adds nothing to {model}: no file written")
    assert not (model / "integrations-daftar.yaml").exists()
    listed = write_csv(tmp_path / "daftar.csv", [
        ["Aplikasi Sumber", "Aplikasi Tujuan", "Jaringan"], ["SI-JALAN", "SIMPAD", "VPN"]])
    runner.invoke(app, ["import", "integrations", str(listed), "--into", str(model)])
    arch = load_model(model).architecture
    assert arch.integrations["int-si-jalan-simpad"].network == "vpn"  # its own, not the vendor's
    same_name = write_csv(other / "daftar.csv", [
        ["Aplikasi Sumber", "Aplikasi Tujuan"], ["SI-JALAN", "e-PBB — PBB-P2 Online"]])

    refused = runner.invoke(app, ["import", "integrations", str(same_name), "--into",
                                  str(model), "--force"])

    assert refused.exit_code == 2
    assert refused.output.startswith(
        f"spbe-arch: {model / 'integrations-daftar.yaml'}: written from another file "
        f"({listed}); not replaced, even with --force")


def test_messages_name_this_command_s_options(runner, tmp_path):
    model = tmp_path / "model"
    shutil.copytree(EXAMPLE, model)
    listed = write_csv(tmp_path / "daftar.csv", [["Judul", "Isi"], ["a", "b"]])

    result = runner.invoke(app, ["import", "integrations", str(listed), "--into", str(model)])

    assert result.exit_code == 2
    assert result.output.splitlines()[1] == (
        "    hint: name the columns in a --mapping file, e.g. columns: {source: Dari, target: Ke}")


def test_another_sheet_is_named_with_this_command_s_option(runner, tmp_path):
    import openpyxl

    model = tmp_path / "model"
    shutil.copytree(EXAMPLE, model)
    workbook = openpyxl.Workbook()
    workbook.active.title = "Integrasi"
    for row in LIST[:2]:
        workbook.active.append(row)
    workbook.create_sheet("Catatan").append(["dibuat oleh Diskominfo"])
    listed = tmp_path / "daftar.xlsx"
    workbook.save(listed)

    result = runner.invoke(app, ["import", "integrations", str(listed), "--into", str(model)])

    assert (f"{listed}: note: read sheet 'Integrasi'; not read: 'Catatan' (--sheet NAME reads "
            "another)") in result.output.splitlines()


def test_a_mechanism_the_model_does_not_record_is_asked_for_once_per_row(runner, tmp_path):
    """The model links e-PBB and SIMPAD without saying how (an inventory's 'terintegrasi
    dengan'); the list, both ways, says a database link: one note, saying what to set."""
    model = tmp_path / "model"
    shutil.copytree(EXAMPLE, model)
    links = model / "integrasi" / "langsung.yaml"
    text = links.read_text(encoding="utf-8")
    at = text.index("  - id: int-epbb-simpad")
    block = text[at:text.index("\n  - id:", at + 1)]
    links.write_text(text.replace(block, re.sub(r"via: \w+", "via: unknown", block)),
                     encoding="utf-8")
    listed = write_csv(tmp_path / "daftar.csv", [
        LIST[0], ["e-PBB", "SIMPAD", "Database link", "", "Dua arah"]])
    result = runner.invoke(app, ["import", "integrations", str(listed), "--into", str(model)])
    notes = [line for line in result.output.splitlines() if "linked in the model" in line]
    assert notes == [
        f"{listed}:2: note: 'e-pbb' and 'simpad' are linked in the model already "
        "('int-epbb-simpad' in integrasi/langsung.yaml): not written; the list says via "
        "database_link, which the model does not record (set `via: database_link` on it): "
        "change that integration if the list is right"]
