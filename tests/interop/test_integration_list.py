"""`import inventory --integrations LIST`: an integration list (one integration per row) read
beside the inventory, its mechanism, network and direction written, every row accounted for.
Files in, report lines, written model, exit code and the audit's numbers out."""

import json

import openpyxl
from inventory_files import write_csv

from spbe_arch.cli import app
from spbe_arch.validate import load_model

INVENTORY = [
    ["No", "Nama Aplikasi", "Perangkat Daerah", "Status", "Terintegrasi dengan"],
    ["1", "SIMPUS - Sistem Informasi Manajemen Puskesmas", "Dinas Kesehatan", "Aktif",
     "SATUSEHAT; SIMRS RSUD"],
    ["2", "SIMRS RSUD", "RSUD Kota", "Aktif", "SIMPUS"],
    ["3", "e-Office", "Dinas Kominfo", "Aktif", "SIMPEG"],
    ["4", "SIMPEG", "BKPSDM", "Aktif", ""],
    ["5", "SIPD", "BPKAD", "Aktif", ""],
]

LIST = [
    ["PEMERINTAH KOTA CONTOH"],
    ["DAFTAR INTEGRASI APLIKASI"],
    ["No", "Aplikasi Sumber", "Aplikasi Tujuan", "Data yang Dipertukarkan", "Mekanisme",
     "Jaringan", "Arah", "Keterangan"],
    ["1", "SIMPUS", "SATUSEHAT", "Data kunjungan", "REST API melalui SPLP", "JIP", "Satu arah",
     ""],
    ["2", "SIMRS RSUD", "SIMPUS", "Rujukan", "Web Service", "Internet", "Dua arah", ""],
    ["3", "simpeg", "e-Office", "Data pegawai", "DB Link", "", "", "Sinkron harian"],
    ["4", "SIMAK", "SIMPEG", "Aset", "Excel", "", "satu arah", ""],
    ["5", "e-Office", "SIPD", "", "Kirim lewat kurir", "", "satu arah", ""],
    ["6", "SIMPUS", "SATUSEHAT", "Data kunjungan", "REST API melalui SPLP", "JIP", "Satu arah",
     ""],
    ["Jumlah", "6", "", "", "", "", "", ""],
]


def _import(runner, tmp_path, inventory, *extra):
    return runner.invoke(app, [
        "import", "inventory", str(inventory), "-o", str(tmp_path / "model"), "--level",
        "kota", *extra], catch_exceptions=False)


def _files(tmp_path, rows=LIST):
    return (write_csv(tmp_path / "kota-contoh.csv", INVENTORY),
            write_csv(tmp_path / "integrasi.csv", rows))


def test_each_row_becomes_an_integration_with_its_mechanism_network_and_direction(
        runner, tmp_path):
    inventory, listed = _files(tmp_path)

    result = _import(runner, tmp_path, inventory, "--integrations", str(listed))

    assert result.exit_code == 1, result.output  # a row names no application: skipped
    integrations = load_model(tmp_path / "model").architecture.integrations
    facts = {i.id: (i.source, i.target, str(i.via), str(i.direction), i.network)
             for i in integrations.values()}
    assert facts == {
        "int-simpus-satusehat": ("simpus", "satusehat", "splp", "source_to_target", "jip"),
        # both ways: one integration each way
        "int-simrs-rsud-simpus": ("simrs-rsud", "simpus", "api_direct", "source_to_target",
                                  "internet"),
        "int-simpus-simrs-rsud": ("simpus", "simrs-rsud", "api_direct", "source_to_target",
                                  "internet"),
        # an empty direction cell: from the sender to the receiver, as the columns say
        "int-simpeg-e-office": ("simpeg", "e-office", "database_link", "source_to_target",
                                None),
        # a mechanism no word of which is known: unknown, and the text kept
        "int-e-office-sipd-bpkad": ("e-office", "sipd-bpkad", "unknown", "source_to_target",
                                    None),
    }
    internet = load_model(tmp_path / "model").architecture.infrastructure["internet"]
    assert (internet.name, str(internet.kind)) == ("Internet", "internet")
    assert integrations["int-simpeg-e-office"].description == "Sinkron harian"
    assert integrations["int-simpeg-e-office"].properties == {"data": "Data pegawai"}
    assert integrations["int-e-office-sipd-bpkad"].properties == {
        "mechanism": "Kirim lewat kurir"}
    lines = result.output.splitlines()
    assert f"{listed}: UTF-8, semicolon-separated; header in row 3" in lines
    assert (f"{listed}:7: skipped: 'SIMAK' in 'Aplikasi Sumber' names no application nor "
            "national platform: write its name or id as the applications are listed") in lines
    assert (f"{listed}:9: note: the same integration as row 4 ('int-simpus-satusehat'): "
            "written once") in lines
    assert f"{listed}:10: note: a total row ('Jumlah 6'), not an integration" in lines
    assert (f"{listed}: note: 'Mekanisme' names no value the model has in 'Kirim lewat kurir' "
            "(row 8): kept as properties.mechanism") in lines
    assert (f"{listed}: note: no direction ('Arah') in 1 row: from 'Aplikasi Sumber' to "
            "'Aplikasi Tujuan', as the columns say (row 6)") in lines
    assert (f"{listed}: note: the internet network (row 5): written as infrastructure "
            "'internet'") in lines
    assert f"{listed}: 6 rows read: 5 integrations written, 1 row skipped" in lines


def test_the_integrations_column_gives_way_to_the_list(runner, tmp_path):
    inventory, listed = _files(tmp_path)

    result = _import(runner, tmp_path, inventory, "--integrations", str(listed))

    model = tmp_path / "model"
    integrations = load_model(model).architecture.integrations
    # SIMPUS-SATUSEHAT, SIMPUS-SIMRS and e-Office-SIMPEG: in the column and the list, once
    pairs = [frozenset((i.source, i.target)) for i in integrations.values()
             if str(i.via) == "unknown" and i.id != "int-e-office-sipd-bpkad"]
    assert pairs == []
    assert (f"{inventory}: note: 3 integrations from 'Terintegrasi dengan' also in the "
            "integration list: written as the list gives them") in result.output.splitlines()
    text = (model / "integrations.yaml").read_text(encoding="utf-8")
    assert "  # integrasi.csv rows 4, 9\n  - id: int-simpus-satusehat\n" in text
    assert (model / "import-report.txt").read_text(encoding="utf-8").splitlines() == \
        result.output.splitlines()[:-1]  # all but "wrote ...; next: ..."


def test_the_audit_counts_what_the_list_says(runner, tmp_path):
    inventory, listed = _files(tmp_path)
    _import(runner, tmp_path, inventory, "--integrations", str(listed))

    result = runner.invoke(app, ["audit", str(tmp_path / "model"), "--format", "json"])

    metrics = json.loads(result.output)["metrics"]
    assert metrics["integrations_via_splp"] == {"part": 1, "total": 4, "unknown": 1,
                                                "value": 0.25}
    assert metrics["completeness"]["integrations.direction"] == {"known": 5, "of": 5}


def test_without_a_direction_column_the_columns_say_the_direction(runner, tmp_path):
    inventory, listed = _files(tmp_path, [
        ["Pengirim", "Penerima", "Mekanisme"],
        ["SIMPUS", "SATUSEHAT", "SPLP"],
        ["SIMPEG", "e-Office", ""],
    ])

    result = _import(runner, tmp_path, inventory, "--integrations", str(listed))

    assert result.exit_code == 0, result.output
    integrations = load_model(tmp_path / "model").architecture.integrations
    assert {i.id: (str(i.via), str(i.direction)) for i in integrations.values()} == {
        "int-simpus-satusehat": ("splp", "source_to_target"),
        "int-simpeg-e-office": ("unknown", "source_to_target"),
        "int-simpus-simrs-rsud": ("unknown", "unknown"),  # from the column only
    }
    lines = result.output.splitlines()
    assert (f"{listed}: note: no direction column: each integration goes from 'Pengirim' to "
            "'Penerima', as the columns say") in lines
    assert f"{listed}: note: no mechanism ('Mekanisme') in 1 row: via unknown (row 3)" in lines


def test_a_national_platform_as_sender_is_turned_round(runner, tmp_path):
    inventory, listed = _files(tmp_path, [
        ["Aplikasi Sumber", "Aplikasi Tujuan", "Mekanisme"],
        ["SATUSEHAT", "SIMPUS", "API"],
        ["SATUSEHAT", "SIAK", "API"],
        ["SIMPUS", "SIMPUS", "API"],
    ])

    result = _import(runner, tmp_path, inventory, "--integrations", str(listed))

    assert result.exit_code == 1
    (integration,) = [i for i in load_model(tmp_path / "model").architecture
                      .integrations.values() if str(i.via) == "api_direct"]
    assert (integration.source, integration.target, str(integration.direction)) == (
        "simpus", "satusehat", "unknown")
    lines = result.output.splitlines()
    assert (f"{listed}:2: note: data moves from national platform 'satusehat' to 'simpus': "
            "an integration goes from an application, so it is written from 'simpus' to "
            "'satusehat' with direction unknown") in lines
    assert (f"{listed}:3: skipped: both ends are national platforms ('satusehat', 'siak'): no "
            "integration of this instansi's applications") in lines
    assert (f"{listed}:4: skipped: 'SIMPUS' in 'Aplikasi Tujuan' names the application at the "
            "other end") in lines


def _workbook(tmp_path, listed):
    """The inventory on its first sheet (the active one), the list on 'Integrasi'."""
    workbook = openpyxl.Workbook()
    workbook.active.title = "Aplikasi"
    for row in INVENTORY:
        workbook.active.append(row)
    other = workbook.create_sheet("Integrasi")
    for row in listed:
        other.append(row)
    path = tmp_path / "kota-contoh.xlsx"
    workbook.save(path)
    return path


def test_two_sheets_of_one_workbook(runner, tmp_path):
    path = _workbook(tmp_path, LIST[2:5])

    result = _import(runner, tmp_path, path, "--integrations", str(path),
                     "--integrations-sheet", "Integrasi", "--format", "json")

    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["other_sheets"] == []  # each sheet read once: none left unread
    assert report["integration_list"]["sheet"] == "Integrasi"
    assert report["integration_list"]["integrations"] == 3
    assert report["integration_list"]["clean"] is True
    assert "guesses" not in report["integration_list"] and "kept" not in report
    assert report["also_listed"] == 2


def test_a_list_without_its_two_columns_is_refused(runner, tmp_path):
    inventory, listed = _files(tmp_path, [["Aplikasi Sumber", "Mekanisme"], ["SIMPUS", "API"]])

    result = _import(runner, tmp_path, inventory, "--integrations", str(listed))

    assert result.exit_code == 2
    assert result.output.startswith(
        f"spbe-arch: {listed}:1: no target application column in the header (e.g. 'Aplikasi "
        "Tujuan' or 'Penerima')\n    hint: name the column in a --integrations-mapping file: "
        "columns: {target: <its header>}")
    assert not (tmp_path / "model").exists()


def test_a_mapping_names_the_list_s_headers(runner, tmp_path):
    inventory, listed = _files(tmp_path, [["Dari Sistem", "Ke Sistem", "Cara"],
                                          ["SIMPUS", "SATUSEHAT", "SPLP"]])
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("columns: {source: Dari Sistem, target: Ke Sistem, mechanism: Cara}\n")

    result = _import(runner, tmp_path, inventory, "--integrations", str(listed),
                     "--integrations-mapping", str(mapping))

    assert result.exit_code == 0, result.output
    integration = load_model(tmp_path / "model").architecture.integrations[
        "int-simpus-satusehat"]
    assert str(integration.via) == "splp"
    # the inventory's mapping is the inventory's: a list's column there is refused
    refused = _import(runner, tmp_path, inventory, "--mapping", str(mapping))
    assert refused.exit_code == 2
    assert refused.output.startswith(
        f"spbe-arch: {mapping}: not a mapping file: columns.source: not a column of this "
        "list; columns.target: not a column of this list\n    hint: write 'columns:' with "
        "keys among name, unit,")  # an inventory has a mechanism column too ('Melalui')


def test_an_application_and_its_partners_say_no_direction(runner, tmp_path):
    inventory, listed = _files(tmp_path, [
        ["No", "Nama Aplikasi", "Terintegrasi dengan", "Mekanisme Integrasi"],
        ["1", "SIMPUS", "SATUSEHAT; SIMRS RSUD; SIMLAB", "API"],
        ["2", "SIMAK", "SIPD", "API"],
        ["3", "SIPD", "-", ""],  # an application with no partner: said, not skipped
    ])

    result = _import(runner, tmp_path, inventory, "--integrations", str(listed))

    assert result.exit_code == 1
    integrations = load_model(tmp_path / "model").architecture.integrations
    assert {i.id: (i.source, i.target, str(i.via), str(i.direction))
            for i in integrations.values() if str(i.via) != "unknown"} == {
        "int-simpus-satusehat": ("simpus", "satusehat", "api_direct", "unknown"),
        "int-simpus-simrs-rsud": ("simpus", "simrs-rsud", "api_direct", "unknown"),
    }
    lines = result.output.splitlines()
    assert (f"{listed}:2: note: 'SIMLAB' in 'Terintegrasi dengan' names no application nor "
            "national platform: write its name or id as the applications are listed; "
            "no integration with it") in lines
    assert [line for line in lines if line.startswith(f"{listed}:") and ": skipped: " in line
            ] == [f"{listed}:3: skipped: 'SIMAK' in 'Nama Aplikasi' names no application nor "
                  "national platform: write its name or id as the applications are listed"]
    assert (f"{listed}:4: note: 'SIPD' has no partner in 'Terintegrasi dengan': no "
            "integration") in lines
    assert (f"{listed}: note: no direction column, and 'Nama Aplikasi' and 'Terintegrasi "
            "dengan' name two applications, not a sender and a receiver: direction unknown"
            ) in lines


def test_inbound_and_outbound_of_an_application_and_its_partners(runner, tmp_path):
    inventory, listed = _files(tmp_path, [
        ["Nama Aplikasi", "Terintegrasi dengan", "Mekanisme", "Inbound/Outbound"],
        ["SIMPUS", "SIMRS RSUD", "API", "Inbound"],  # SIMPUS takes from SIMRS RSUD
        ["e-Office", "SIMPEG", "API", "Outbound"],
        ["SIMPEG", "SIPD", "API", "Data masuk"],
        ["SIMRS RSUD", "e-Office", "API", "Outbound/Inbound"],  # both: two integrations
    ])

    result = _import(runner, tmp_path, inventory, "--integrations", str(listed))

    assert result.exit_code == 0, result.output
    integrations = load_model(tmp_path / "model").architecture.integrations
    assert {(i.source, i.target, str(i.direction)) for i in integrations.values()
            if str(i.via) == "api_direct"} == {
        ("simrs-rsud", "simpus", "source_to_target"),
        ("e-office", "simpeg", "source_to_target"),
        ("sipd-bpkad", "simpeg", "source_to_target"),  # the pemda's installation of SIPD
        ("simrs-rsud", "e-office", "source_to_target"),
        ("e-office", "simrs-rsud", "source_to_target")}


def test_partners_named_by_their_operator_or_bridge(runner, tmp_path):
    inventory = write_csv(tmp_path / "kota-contoh.csv", [
        ["Nama Aplikasi", "Perangkat Daerah"], ["SIMRS RSUD", "RSUD Kota"],
        ["Antrian Online Dukcapil", "Disdukcapil"],  # the office's own: no SIAK
    ])
    listed = write_csv(tmp_path / "integrasi.csv", [
        ["Nama Aplikasi", "Terintegrasi dengan", "Mekanisme"],
        ["SIMRS RSUD", "Dukcapil, VClaim", "API"],
        ["Antrian Online Dukcapil", "Web Service Dukcapil", "API"],
    ])

    result = _import(runner, tmp_path, inventory, "--integrations", str(listed))

    assert result.exit_code == 0, result.output
    architecture = load_model(tmp_path / "model").architecture
    assert sorted((i.source, i.target) for i in architecture.integrations.values()) == [
        ("antrian-online-dukcapil", "siak"), ("simrs-rsud", "siak"),
        ("simrs-rsud", "vclaim")]
    assert architecture.applications["antrian-online-dukcapil"].platform is None


def test_the_inventory_is_no_integration_list(runner, tmp_path):
    inventory, _listed = _files(tmp_path)

    result = _import(runner, tmp_path, inventory, "--integrations", str(inventory))

    assert result.exit_code == 2
    assert result.output == (
        f"spbe-arch: --integrations: {inventory} is the inventory itself; give the "
        "integration list's own file, or its sheet of this workbook with --integrations-sheet\n")


def test_what_a_mechanism_cell_denies_or_plans(runner, tmp_path):
    inventory, listed = _files(tmp_path, [
        ["Aplikasi Sumber", "Aplikasi Tujuan", "Mekanisme"],
        ["SIMPUS", "SATUSEHAT", "Rencana SPLP 2026"],
        ["SIMPEG", "e-Office", "API (non SPLP)"],
        ["SIMRS RSUD", "SIMPUS", "Belum melalui SPLP"],
        ["e-Office", "SIPD", "Belum terintegrasi"],
    ])

    result = _import(runner, tmp_path, inventory, "--integrations", str(listed))

    assert result.exit_code == 0, result.output
    integrations = load_model(tmp_path / "model").architecture.integrations
    listed_ones = {i.id: (str(i.via), str(i.status)) for i in integrations.values()
                   if i.id in ("int-simpus-satusehat", "int-simpeg-e-office",
                               "int-simrs-rsud-simpus", "int-e-office-sipd-bpkad")}
    assert listed_ones == {
        "int-simpus-satusehat": ("splp", "planned"),
        "int-simpeg-e-office": ("api_direct", "active"),
        "int-simrs-rsud-simpus": ("unknown", "active"),  # not through SPLP: how, not said
    }
    lines = result.output.splitlines()
    assert (f"{listed}:2: note: 'Rencana SPLP 2026' in 'Mekanisme': planned; written with "
            "status planned") in lines
    assert (f"{listed}:5: note: 'Belum terintegrasi' in 'Mekanisme': not integrated; no "
            "integration written") in lines


def test_a_two_way_row_with_a_national_platform_is_one_integration(runner, tmp_path):
    inventory, listed = _files(tmp_path, [
        ["Aplikasi Sumber", "Aplikasi Tujuan", "Arah"], ["SIMPUS", "SATUSEHAT", "Dua arah"]])

    result = _import(runner, tmp_path, inventory, "--integrations", str(listed))

    assert result.exit_code == 0, result.output
    integration = load_model(tmp_path / "model").architecture.integrations[
        "int-simpus-satusehat"]
    assert str(integration.direction) == "unknown"


def test_names_one_a_line_and_partners_named_from_both_sides(runner, tmp_path):
    inventory, listed = _files(tmp_path, [
        ["Nama Aplikasi", "Terintegrasi dengan", "Mekanisme"],
        ["SIMPUS", "SATUSEHAT\nSIMRS RSUD", "API"],
        ["SIMRS RSUD", "SIMPUS", "API"],  # the same pair, named from the other side
        ["SIPD; SATUSEHAT", "SIAK", "API"],  # two platforms: no integration of the pemda
    ])

    result = _import(runner, tmp_path, inventory, "--integrations", str(listed))

    integrations = load_model(tmp_path / "model").architecture.integrations
    assert sorted((i.source, i.target) for i in integrations.values()
                  if str(i.via) == "api_direct") == [
        ("simpus", "satusehat"), ("simpus", "simrs-rsud"), ("sipd-bpkad", "siak")]
    lines = result.output.splitlines()
    assert (f"{listed}:4: note: the same integration as row 2 ('int-simpus-simrs-rsud'): "
            "written once") in lines
    assert (f"{listed}:5: note: both ends are national platforms ('satusehat', 'siak'): no "
            "integration of this instansi's applications") in lines


def test_ends_by_sender_and_receiver_headers_codes_and_acronyms(runner, tmp_path):
    inventory = write_csv(tmp_path / "kota-contoh.csv", [
        ["Kode", "Nama Aplikasi", "Perangkat Daerah"],
        ["APL-01", "Sistem Informasi Kinerja Pegawai (SIKEPO)", "BKPSDM"],
        ["APL-02", "e-Office", "Diskominfo"],
    ])
    listed = write_csv(tmp_path / "integrasi.csv", [
        ["Nama Aplikasi Sumber", "Nama Aplikasi Tujuan"],
        ["SIKEPO", "APL 02"], ["Sistem Informasi Kinerja Pegawai", "e-Office"],
        ["APL01", "apl_2"],  # codes as people write them
    ])

    result = _import(runner, tmp_path, inventory, "--integrations", str(listed))

    assert result.exit_code == 0, result.output
    (integration,) = load_model(tmp_path / "model").architecture.integrations.values()
    assert (integration.source, integration.target, str(integration.direction)) == (
        "apl-01", "apl-02", "source_to_target")


def test_the_list_as_a_sheet_of_the_inventory_s_own_workbook_alone(runner, tmp_path):
    path = _workbook(tmp_path, LIST[2:4])

    result = _import(runner, tmp_path, path, "--integrations-sheet", "Integrasi")

    assert result.exit_code == 0, result.output
    assert str(load_model(tmp_path / "model").architecture.integrations[
        "int-simpus-satusehat"].via) == "splp"


def test_a_platform_and_a_unit_name_that_unit_s_installation(runner, tmp_path):
    inventory = write_csv(tmp_path / "kota-contoh.csv", [
        ["Nama Aplikasi", "Perangkat Daerah"], ["SATUSEHAT", "Dinas Kesehatan"],
        ["SATUSEHAT", "RSUD Kota"], ["SIMPUS", "Dinas Kesehatan"],
    ])
    listed = write_csv(tmp_path / "integrasi.csv", [
        ["Aplikasi Sumber", "Aplikasi Tujuan"], ["SIMPUS", "SATUSEHAT Dinas Kesehatan"],
        ["SIMPUS", "SATUSEHAT"]])

    result = _import(runner, tmp_path, inventory, "--integrations", str(listed))

    assert result.exit_code == 0, result.output
    assert sorted(i.target for i in load_model(tmp_path / "model").architecture
                  .integrations.values()) == ["satusehat", "satusehat-dinkes"]
    assert (f"{listed}:2: note: 'SATUSEHAT Dinas Kesehatan' in 'Aplikasi Tujuan' taken as "
            "application "
            "'satusehat-dinkes': the installation of national platform 'satusehat' of the unit "
            "named") in result.output.splitlines()


def test_lists_as_people_write_them(runner, tmp_path):
    """'A, B, dan C' names three; a name with a comma in it is one; 'Tidak ada' as mechanism
    is no integration; 'SIPD RI' is the national SIPD, not the pemda's; rows differing in
    their Keterangan alone are one integration, both remarks kept."""
    inventory = write_csv(tmp_path / "kota-contoh.csv", [
        ["Nama Aplikasi", "Perangkat Daerah"], ["SIMPEG", "BKPSDM"], ["SIPD", "BPKAD"],
        ["SIMONEV", "Bappeda"], ["e-Kinerja Daerah", "BKPSDM"],
        ["Aplikasi Surat, Disposisi dan Arsip", "Diskominfo"],
    ])
    listed = write_csv(tmp_path / "integrasi.csv", [
        ["Aplikasi Sumber", "Aplikasi Tujuan", "Mekanisme", "Keterangan"],
        ["SIMPEG", "SIPD, SIMONEV, dan e-Kinerja Daerah", "API", "data ASN"],
        ["Aplikasi Surat, Disposisi dan Arsip", "SIMPEG", "API", ""],
        ["SIMONEV", "SIMPEG", "Tidak ada", ""],
        ["SIMONEV", "SIPD RI", "API", ""],
        ["SIMPEG", "SIPD", "API", "harian"],
    ])

    result = _import(runner, tmp_path, inventory, "--integrations", str(listed))

    assert result.exit_code == 0, result.output
    integrations = load_model(tmp_path / "model").architecture.integrations
    assert sorted((i.source, i.target) for i in integrations.values()) == [
        ("aplikasi-surat-disposisi-dan-arsip", "simpeg"), ("simonev", "sipd"),
        ("simpeg", "e-kinerja-bkpsdm"), ("simpeg", "simonev"), ("simpeg", "sipd-bpkad")]
    assert integrations["int-simpeg-sipd-bpkad"].description == "data ASN; harian"
    assert (f"{listed}:4: note: 'Tidak ada' in 'Mekanisme': not integrated; no integration "
            "written") in result.output.splitlines()


def test_a_mapping_for_a_list_not_given_is_refused(runner, tmp_path):
    inventory, _listed = _files(tmp_path)
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("columns: {source: Dari}\n")

    result = _import(runner, tmp_path, inventory, "--integrations-mapping", str(mapping))

    assert result.exit_code == 2
    assert result.output == (
        "spbe-arch: --integrations-mapping maps an integration list's headers: give the list "
        "with --integrations (or --integrations-sheet)\n")


def test_rows_that_name_the_same_link_differently(runner, tmp_path):
    inventory = write_csv(tmp_path / "kota-contoh.csv", [
        ["Nama Aplikasi", "Perangkat Daerah"], ["SATUSEHAT", "Dinas Kesehatan"],
        ["SIMPUS", "Dinas Kesehatan"], ["SIMRS", "RSUD Kota"], ["SIMONEV", "Bappeda"],
        ["SIMDA Keuangan", "BPKAD"], ["Aplikasi Surat, Disposisi dan Arsip", "Diskominfo"],
    ])
    listed = write_csv(tmp_path / "integrasi.csv", [
        ["Aplikasi Sumber", "Aplikasi Tujuan", "Mekanisme", "Jaringan", "Arah"],
        ["SIMRS", "SATUSEHAT RSUD Kota", "API", "", "Satu arah"],  # RSUD's: the national one
        ["SATUSEHAT RI", "SIMPUS", "API", "", "Dua arah"],  # one integration, way unknown
        ["SATUSEHAT RI", "SIPD", "API", "VPN", ""],  # skipped: makes no network element
        ["SIMONEV", "Aplikasi Surat, Disposisi dan Arsip; SIMDA Keuangan serta SIMRS", "API",
         "", "Satu arah"],
        ["SIMPUS", "SATUSEHAT RI", "API", "", "Push"],  # row 3's, its direction now told
        ["SIMONEV", "SIMRS", "API", "", "Dua arah"],  # row 5's, and the way back
    ])

    result = _import(runner, tmp_path, inventory, "--integrations", str(listed))

    arch = load_model(tmp_path / "model").architecture
    assert sorted((i.source, i.target, str(i.direction)) for i in arch.integrations.values()
                  ) == [
        ("simonev", "aplikasi-surat-disposisi-dan-arsip", "source_to_target"),
        ("simonev", "simda-bpkad", "source_to_target"),
        ("simonev", "simrs", "source_to_target"),
        ("simpus", "satusehat", "source_to_target"),
        ("simrs", "satusehat", "source_to_target"),
        ("simrs", "simonev", "source_to_target"),
    ]
    assert "vpn" not in arch.infrastructure
    lines = result.output.splitlines()
    assert [line.split(": note: ")[1] for line in lines
            if line.startswith((f"{listed}:3:", f"{listed}:6:", f"{listed}:7:"))] == [
        "data moves from national platform 'satusehat' to 'simpus': an integration goes from "
        "an application, so it is written from 'simpus' to 'satusehat' with direction unknown",
        "the same integration as row 3 ('int-simpus-satusehat'): written once",
        "the same integration as row 5 ('int-simonev-simrs'): written once",
        "'Dua arah': data moves both ways, written as two integrations, one each way",
    ]


def test_what_a_direction_cell_says_it_does_not_know(runner, tmp_path):
    inventory = write_csv(tmp_path / "kota-contoh.csv", [
        ["Kode", "Nama Aplikasi", "Perangkat Daerah"], ["APL-01", "SIMPEG", "BKPSDM"],
        ["APL-02", "SIMONEV", "Bappeda"], ["APL-03", "e-Office", "Diskominfo"],
    ])
    listed = write_csv(tmp_path / "integrasi.csv", [
        ["Source system", "Target system", "Method", "Direction"],
        ["SIMPEG", "SIMONEV", "API", "Inbound"],  # into which of the two? unknown
        ["SIMPEG", "e-Office", "API", "Dua arah (rencana)"],  # both ways, planned
        ["APL-02", "APL-02", "API", "One way"],  # itself, by its code
    ])

    result = _import(runner, tmp_path, inventory, "--integrations", str(listed))

    integrations = load_model(tmp_path / "model").architecture.integrations
    assert {i.id: (str(i.direction), str(i.status)) for i in integrations.values()} == {
        "int-apl-01-apl-02": ("unknown", "active"),
        "int-apl-01-apl-03": ("source_to_target", "planned"),
        "int-apl-03-apl-01": ("source_to_target", "planned"),
    }
    assert integrations["int-apl-01-apl-02"].properties == {"direction": "Inbound"}
    assert (f"{listed}:4: skipped: 'APL-02' in 'Target system' names the application at the "
            "other end") in result.output.splitlines()


def test_a_mapping_s_header_row_past_the_end_is_said(runner, tmp_path):
    inventory, listed = _files(tmp_path, [["Dari", "Ke"], ["SIMPUS", "SATUSEHAT"]])
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("header_row: 40\ncolumns: {source: Dari, target: Ke}\n")

    result = _import(runner, tmp_path, inventory, "--integrations", str(listed),
                     "--integrations-mapping", str(mapping))

    assert result.exit_code == 2
    assert result.output == (
        f"spbe-arch: {listed}: header_row 40 of the mapping {mapping} is no row holding a "
        "header (past the end, or empty); give the row number of the header as the "
        "spreadsheet shows it\n")


def test_a_link_the_list_gives_only_as_planned_is_still_written_from_the_inventory(
        runner, tmp_path):
    """The inventory says SIMPEG and e-Office are integrated; the list has only the planned
    move to SPLP: the link of today is written too (else e-Office is 'integrated with
    nothing'), and a note says both are."""
    rows = [LIST[2], ["1", "simpeg", "e-Office", "Data pegawai", "Rencana SPLP 2026", "", "",
                      ""]]
    inventory, listed = _files(tmp_path, rows)
    result = _import(runner, tmp_path, inventory, "--integrations", str(listed))
    integrations = load_model(tmp_path / "model").architecture.integrations
    between = sorted((str(i.status), str(i.via)) for i in integrations.values()
                     if {i.source, i.target} == {"simpeg", "e-office"})
    assert between == [("active", "unknown"), ("planned", "splp")]
    assert (f"{inventory}:4: note: 'e-office' and 'simpeg': the inventory says they are "
            "integrated, the integration list gives only a planned integration "
            "('int-simpeg-e-office'); both written (retire one if the list is right)"
            ) in result.output.splitlines()


def test_rows_of_two_sheets_of_one_workbook_are_told_apart_by_their_sheet(runner, tmp_path):
    """The inventory's row 2 and the list's row 2 are in one file: each location names its
    sheet, as the comments in the model do."""
    path = _workbook(tmp_path, LIST[2:7])

    result = _import(runner, tmp_path, path, "--integrations-sheet", "Integrasi")

    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert f"{path}: sheet 'Aplikasi'; header in row 1" in lines
    assert f"{path}: sheet 'Integrasi'; header in row 1" in lines
    assert (f"{path}[Integrasi]:5: skipped: 'SIMAK' in 'Aplikasi Sumber' names no application "
            "nor national platform: write its name or id as the applications are listed") in lines
    assert f"{path}[Aplikasi]:6: guess: 'SIPD' is national platform 'sipd' (by its name); " \
        "imported as 'sipd-bpkad'" in lines
    written = (tmp_path / "model" / "integrations.yaml").read_text(encoding="utf-8")
    assert "kota-contoh.xlsx[Integrasi] row 2" in written
