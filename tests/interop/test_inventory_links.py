"""`import inventory` of the columns naming what an application is linked to: the systems it
exchanges data with ('Terintegrasi dengan') and where it runs ('Lokasi Server'); then
validate, audit and portfolio read them."""

import json

from inventory_files import write_csv, write_xlsx

from spbe_arch.cli import app
from spbe_arch.validate import load_model


def _import(runner, source, out, *extra):
    return runner.invoke(
        app, ["import", "inventory", str(source), "-o", str(out), "--level", "kota", *extra],
        catch_exceptions=False,
    )


def _notes(result) -> list[str]:
    """The report's notes but the one on applications of no classification."""
    return [line for line in result.output.splitlines()
            if ": note: " in line and "no classification" not in line]


INTEGRATED = [
    ["No", "Nama Aplikasi", "OPD", "Status", "Terintegrasi dengan"],
    ["1", "SIMPUS — Sistem Informasi Manajemen Puskesmas", "Dinkes", "Aktif", "SATUSEHAT; SIMRS"],
    ["2", "SIMRS", "Dinkes", "Aktif", "SIMPUS; SATUSEHAT"],
    ["3", "E-Retribusi Pasar", "Disdag", "Aktif", "SIPD dan SIMDA, Aplikasi Pasar Lama"],
    ["4", "Dashboard Eksekutif", "Diskominfo", "Aktif", "Sistem Informasi Manajemen Puskesmas"],
    ["5", "Website Dinas", "Diskominfo", "Rencana", "Dashboard Eksekutif"],
]


def test_integrations_column_becomes_integrations_of_unknown_mechanism(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", INTEGRATED)
    out = tmp_path / "model"

    result = _import(runner, source, out)

    assert result.exit_code == 0, result.output
    assert ("columns: name <- 'Nama Aplikasi', unit <- 'OPD', status <- 'Status', integrations "
            "<- 'Terintegrasi dengan', number <- 'No'") in result.output.splitlines()
    assert not [line for line in result.output.splitlines()
                if line.startswith("kept as properties:")]
    assert _notes(result) == [
        f"{source}:4: note: 'Aplikasi Pasar Lama' in 'Terintegrasi dengan' names no imported "
        "application nor national platform; no integration, kept as properties.integrations of "
        "'e-retribusi-pasar'",
        f"{source}: note: 7 integrations from 'Terintegrasi dengan', written with via: unknown "
        "and direction: unknown (the inventory says which applications exchange data, not how "
        "nor which way): integrations.yaml",
    ]
    arch = load_model(out).architecture
    links = {(i.source, i.target): (i.via.value, i.status.value)
             for i in arch.integrations.values()}
    assert {i.direction.value for i in arch.integrations.values()} == {"unknown"}
    simpus = "simpus"  # the acronym of "SIMPUS — Sistem Informasi Manajemen Puskesmas"
    assert links == {
        (simpus, "satusehat"): ("unknown", "active"),
        (simpus, "simrs"): ("unknown", "active"),  # row 3 names the same pair: one integration
        ("simrs", "satusehat"): ("unknown", "active"),
        ("e-retribusi-pasar", "sipd"): ("unknown", "active"),
        ("e-retribusi-pasar", "simda"): ("unknown", "active"),
        ("dashboard-eksekutif", simpus): ("unknown", "active"),  # by the long name
        ("website-dinas", "dashboard-eksekutif"): ("unknown", "planned"),
    }
    pair = arch.integrations[f"int-{simpus}-simrs"]
    assert pair.description == (
        "From the inventory (row 2, 'Terintegrasi dengan': 'SIMRS'): these applications exchange "
        "data; how, and in which direction, it does not say")
    written = (out / "integrations.yaml").read_text(encoding="utf-8")
    assert f"  # rows 2, 3\n  - id: int-{simpus}-simrs\n" in written
    assert arch.applications["e-retribusi-pasar"].properties == {
        "integrations": "Aplikasi Pasar Lama"}

    checked = runner.invoke(app, ["validate", str(out)])
    assert checked.exit_code == 0, checked.output
    assert checked.output.startswith("0 errors, 0 warnings")
    audited = runner.invoke(app, ["audit", str(out), "--format", "json"])
    metrics = json.loads(audited.output)["metrics"]
    assert metrics["integrations"] == 6  # active ones: the planned website's is not
    assert metrics["aplikasi_umum_used"]["satusehat"] == [simpus, "simrs"]
    assert metrics["aplikasi_umum_used"]["sipd"] == ["e-retribusi-pasar"]
    assert "satusehat" not in metrics["aplikasi_umum_not_recorded"]


def test_integration_names_that_match_several_or_itself_are_kept_and_reported(runner, tmp_path):
    source = write_xlsx(tmp_path / "kota-contoh.xlsx", [
        ["Nama Aplikasi", "Perangkat Daerah", "Interoperabilitas"],
        ["SIMPEG", "BKPSDM", "SIMPEG"],
        ["e-Absensi", "BKPSDM", "Sistem Informasi Kepegawaian"],
        ["Sistem Informasi Kepegawaian", "BKPSDM", None],
        ["Sistem Informasi Kepegawaian", "Dinkes", None],
        ["SIMPUS", "Dinkes", "SIMPUS Lama\nSATUSEHAT"],
        ["SIMPUS", "Dinkes", None],
        ["SIPD", "BPKAD", None],
        ["SIPD", "Bappeda", None],
        ["Aplikasi Anggaran", "Bappeda", "SIPD"],  # two units' SIPD: the national platform
    ])
    out = tmp_path / "model"

    result = _import(runner, source, out)

    assert result.exit_code == 0, result.output
    at = f"{source}[Inventaris]"
    assert [n for n in _notes(result) if "Interoperabilitas" in n] == [
        f"{at}:7: note: same name and unit as row 6, other cells differ ('Interoperabilitas'"
        "); imported as another application 'simpus-2' (delete one row if the application is "
        "listed twice, or tell the two apart by name)",
        f"{at}:10: note: 'SIPD' in 'Interoperabilitas' taken as application 'sipd': national "
        "platform 'sipd' itself, not one of the units' installations 'sipd-bappeda', "
        "'sipd-bpkad'",
        f"{at}:2: note: 'SIMPEG' in 'Interoperabilitas' names the application itself; no "
        "integration, kept as properties.integrations of 'simpeg'",
        f"{at}:3: note: 'Sistem Informasi Kepegawaian' in 'Interoperabilitas' may name "
        "'sistem-informasi-kepegawaian', 'sistem-informasi-kepegawaian-2'; no integration, kept "
        "as properties.integrations of 'e-absensi'",
        f"{at}:6: note: 'SIMPUS Lama' in 'Interoperabilitas' names no imported application "
        "nor national platform; no integration, kept as properties.integrations of 'simpus'",
        f"{at}: note: 2 integrations from 'Interoperabilitas', written with via: unknown and "
        "direction: unknown (the inventory says which applications exchange data, not how nor "
        "which way): integrations.yaml",
        f"{at}: note: 7 applications whose 'Interoperabilitas' is empty or names what no "
        "integration could link: written with integrations_known: false (neither isolated nor "
        "a data flow without integration until their integrations are recorded) (rows 2, 3, "
        "4, 5, 7 and 2 more)",  # simpus (row 6) is linked to satusehat
    ]
    arch = load_model(out).architecture
    assert [(i.source, i.target) for i in arch.integrations.values()] == [
        ("simpus", "satusehat"), ("aplikasi-anggaran", "sipd")]
    assert arch.applications["simpeg"].properties == {"integrations": "SIMPEG"}
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0


def test_mapping_names_the_integrations_column(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["Nama Aplikasi", "OPD", "Aplikasi Terhubung"],
        ["SIMRS", "Dinkes", "SATUSEHAT"],
    ])
    mapping = tmp_path / "map.yaml"
    mapping.write_text("columns:\n  integrations: Aplikasi Terhubung\n", encoding="utf-8")

    result = _import(runner, source, tmp_path / "model", "--mapping", str(mapping))

    assert result.exit_code == 0, result.output
    assert "integrations <- 'Aplikasi Terhubung'" in result.output
    arch = load_model(tmp_path / "model").architecture
    assert [(i.source, i.target) for i in arch.integrations.values()] == [("simrs", "satusehat")]


LOCATIONS = [
    ["Nama Aplikasi", "OPD", "Status", "Lokasi Server"],
    ["SIMRS", "Dinkes", "Aktif", "Vendor"],
    ["E-Retribusi", "Disdag", "Aktif", "Server OPD"],
    ["Website Kecamatan", "Kecamatan Sukamaju", "Aktif", "Hosting Swasta"],
    ["Sistem Antrian", "Dinkes", "Aktif", "Cloud"],
    ["SIMPEG", "BKPSDM", "Aktif", "Ruang server Diskominfo"],
    ["e-Arsip", "Setda", "Aktif", "vendor"],
    ["Aplikasi Aset", "BPKAD", "Aktif", "Server"],
    ["e-Office", "Setda", "Aktif", "PDN"],
]


def test_server_locations_outside_pdn_become_data_centres_seen_by_audit_and_portfolio(
    runner, tmp_path
):
    source = write_csv(tmp_path / "kota-contoh.csv", LOCATIONS)
    models = tmp_path / "prov"
    out = models / "kota-contoh"

    result = _import(runner, source, out)

    assert result.exit_code == 0, result.output
    placed = "(infrastructure.yaml; one element for every row naming it: split it if they " \
        "mean different places)"

    def per_unit(kind: str) -> str:  # the location names only a kind of place: which one?
        return (f"(infrastructure.yaml; it names no particular {kind}: one element per unit, "
                "merge them if they are one)")

    assert _notes(result) == [
        f"{source}: note: 1 application whose server location names PDN: written as hosting: "
        "pdn (row 9)",
        f"{source}: note: server location 'Vendor' of Dinkes read as vendor: 1 application "
        f"hosted on 'vendor-dinkes' {per_unit('vendor')} (row 2)",
        f"{source}: note: server location 'Server OPD' of Disdag read as on_premise: 1 "
        f"application hosted on 'server-opd-disdag' {per_unit('on_premise')} (row 3)",
        f"{source}: note: server location 'Hosting Swasta' of Kecamatan Sukamaju read as "
        f"vendor: 1 application hosted on 'hosting-swasta-kecamatan-sukamaju' "
        f"{per_unit('vendor')} (row 4)",
        f"{source}: note: server location 'Cloud' of Dinkes read as cloud: 1 application "
        f"hosted on 'cloud-dinkes' {per_unit('cloud')} (row 5)",
        f"{source}: note: server location 'Ruang server Diskominfo' read as on_premise: 1 "
        f"application hosted on 'ruang-server-diskominfo' {placed} (row 6)",
        f"{source}: note: server location 'vendor' of Setda read as vendor: 1 application "
        f"hosted on 'vendor-setda' {per_unit('vendor')} (row 7)",
        f"{source}: note: 1 application whose server location names no place (PDN, pusat data "
        "daerah, a server room, a vendor, a cloud): hosting left unknown, the text kept in "
        "properties.server_location: 'Server' (row 8)",
    ]
    arch = load_model(out).architecture
    assert {i: e.kind.value for i, e in arch.infrastructure.items()} == {
        "vendor-dinkes": "vendor", "server-opd-disdag": "on_premise",
        "hosting-swasta-kecamatan-sukamaju": "vendor", "cloud-dinkes": "cloud",
        "ruang-server-diskominfo": "on_premise", "vendor-setda": "vendor"}
    assert {a.id: a.hosting for a in arch.applications.values()} == {
        "simrs": "vendor-dinkes", "e-retribusi": "server-opd-disdag",
        "website-kecamatan": "hosting-swasta-kecamatan-sukamaju", "sistem-antrian": "cloud-dinkes",
        "simpeg": "ruang-server-diskominfo", "e-arsip": "vendor-setda", "aplikasi-aset": None,
        "e-office": "pdn"}
    assert arch.applications["e-arsip"].properties == {"server_location": "vendor"}
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0

    audited = runner.invoke(app, ["audit", str(out), "--format", "json"])
    hosted = sorted((f["code"], f["element"]) for f in json.loads(audited.output)["findings"]
                    if f["code"] in ("SPBE-A009", "SPBE-A010"))
    assert hosted == sorted([
        ("SPBE-A009", "e-retribusi"), ("SPBE-A009", "simpeg"), ("SPBE-A010", "simrs"),
        ("SPBE-A010", "sistem-antrian"), ("SPBE-A010", "e-arsip"),
        ("SPBE-A010", "website-kecamatan")])
    portfolio = runner.invoke(app, ["portfolio", str(models), "--format", "json"])
    assert portfolio.exit_code == 0, portfolio.output
    row = json.loads(portfolio.output)["instansi"][0]
    # of the 8 local applications, 7 say where they run (6 outside PDN and the PDD), 1 not
    assert row["hosting_outside"] == {"part": 6, "total": 7, "value": 6 / 7, "unknown": 1}


def test_server_locations_as_pemda_write_them(runner, tmp_path):
    """A server named by its unit is a server room; the pemda's data centre is named by the
    pemda or by the Diskominfo that runs it (its name alone too); a number, a denial or a
    place of the central government names none the import can tell."""
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["Nama Aplikasi", "OPD", "Lokasi Server"],
        ["e-Bansos", "Dinsos", "Server Dinsos"],
        ["SIMPEG", "BKPSDM", "Data Center Pemkot"],
        ["e-Office", "Setda", "Pusat Data Diskominfo"],
        ["e-Aset", "BPKAD", "Server 2"],
        ["e-Arsip", "Setda", "Tidak ada server"],
        ["SIMAK", "BPKAD", "Data Center Kominfo RI"],
        ["e-Retribusi", "Bapenda", "Server Pusat"],
        ["e-Perizinan", "DPMPTSP", "Diskominfo"],  # the place Diskominfo runs: the PDD
    ])
    out = tmp_path / "model"
    assert _import(runner, source, out).exit_code == 0
    arch = load_model(out).architecture
    assert {a.id: a.hosting for a in arch.applications.values()} == {
        "e-bansos": "server-dinsos", "simpeg": "pusat-data-daerah",
        "e-office": "pusat-data-daerah", "e-aset": None, "e-arsip": None, "simak": None,
        "e-retribusi": None, "e-perizinan": "pusat-data-daerah"}  # no place, or one outside
    # the pemda: not known which
    assert {i: e.kind.value for i, e in arch.infrastructure.items()} == {
        "pusat-data-daerah": "pusat_data_daerah", "server-dinsos": "on_premise"}


def test_integrations_of_long_names_get_ids_a_model_accepts(runner, tmp_path):
    """Ids are made of names, cut to the longest id with room for the number that tells
    two apart: the model written validates."""
    long = "Aplikasi " + "y" * 140
    words = ["satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
             "sepuluh", "sebelas", "duabelas"]
    rows = [["Nama Aplikasi", "OPD", "Terintegrasi dengan"],
            ["Aplikasi " + "x" * 140 + " satu", "Dinkes", ""],
            ["Aplikasi " + "x" * 140 + " dua", "Dinkes", "; ".join(f"{long} {w}" for w in words)]]
    rows += [[f"{long} {w}", "Dinkes", ""] for w in words]  # ids of 60 to 63 characters
    source = write_csv(tmp_path / "kota-contoh.csv", rows)
    out = tmp_path / "model"

    assert _import(runner, source, out).exit_code == 0
    arch = load_model(out).architecture
    assert len(arch.integrations) == len(words)
    assert max(len(i) for i in [*arch.integrations, *arch.applications]) == 128
    checked = runner.invoke(app, ["validate", str(out)])
    assert checked.exit_code == 0, checked.output


def test_an_acronym_with_words_of_its_own_name_names_the_application(runner, tmp_path):
    """'SIPATEN Kecamatan' names 'SIPATEN — Sistem Pelayanan Administrasi Terpadu Kecamatan';
    'SIPATEN Versi Lama' adds a word its name does not have: another system, no integration."""
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["No", "Nama Aplikasi", "OPD", "Status", "Terintegrasi dengan"],
        ["1", "SIPATEN — Sistem Pelayanan Administrasi Terpadu Kecamatan", "Kecamatan Kota",
         "Aktif", ""],
        ["2", "Portal Layanan Kota", "Diskominfo", "Aktif", "SIPATEN Kecamatan"],
        ["3", "Dashboard Eksekutif", "Diskominfo", "Aktif", "SIPATEN Versi Lama"],
    ])
    out = tmp_path / "model"
    result = _import(runner, source, out)
    assert result.exit_code == 0, result.output
    links = {(i.source, i.target) for i in load_model(out).architecture.integrations.values()}
    assert links == {("portal-layanan-kota", "sipaten")}
    assert (f"{source}:3: note: 'SIPATEN Kecamatan' in 'Terintegrasi dengan' taken as "
            "application 'sipaten': its acronym and words of its name"
            ) in result.output.splitlines()  # a guess: said
    assert f"{source}:4: note: 'SIPATEN Versi Lama' in 'Terintegrasi dengan' names no " in (
        result.output)


def test_a_national_platform_named_links_the_pemdas_own_instance_of_it(runner, tmp_path):
    """'SIKDA' in SIMPUS's row names the national SIKDA Generik; the inventory also lists the
    pemda's own installation of it (a row of its own): the integration is with that one."""
    source = write_csv(tmp_path / "kabupaten-contoh.csv", [
        ["No", "Nama Aplikasi", "OPD", "Terintegrasi dengan"],
        ["1", "SIMPUS", "Dinkes", "SIKDA; SATUSEHAT"],
        ["2", "SIKDA Generik", "Dinkes", ""],
    ])
    out = tmp_path / "model"
    result = _import(runner, source, out)
    assert result.exit_code == 0, result.output
    arch = load_model(out).architecture
    [local] = [a for a in arch.applications.values() if a.platform == "sikda-generik"]
    assert sorted((i.source, i.target) for i in arch.integrations.values()) == sorted([
        ("simpus", local.id), ("simpus", "satusehat")])
    assert (f"{source}:2: note: 'SIKDA' in 'Terintegrasi dengan' taken as application "
            f"'{local.id}': the pemda's own installation of national platform 'sikda-generik'"
            ) in _notes(result)


def test_a_national_platform_two_units_installed_links_the_platform_said_so(runner, tmp_path):
    """'SIPD' beside BPKAD's and Bappeda's SIPD rows: which installation is not known, the
    integration is with the national platform, and the note names the installations."""
    source = write_csv(tmp_path / "kabupaten-contoh.csv", [
        ["No", "Nama Aplikasi", "OPD", "Terintegrasi dengan"],
        ["1", "SIPD", "BPKAD", ""], ["2", "SIPD", "Bappeda", ""],
        ["3", "SIMDA Keuangan", "BPKAD", "SIPD"],
    ])
    result = _import(runner, source, tmp_path / "model")
    assert result.exit_code == 0, result.output
    arch = load_model(tmp_path / "model").architecture
    assert [(i.source, i.target) for i in arch.integrations.values()] == [
        ("simda-bpkad", "sipd")]
    assert (f"{source}:4: note: 'SIPD' in 'Terintegrasi dengan' taken as application 'sipd': "
            "national platform 'sipd' itself, not one of the units' installations "
            "'sipd-bappeda', 'sipd-bpkad'") in _notes(result)


def test_a_short_name_two_applications_share_links_neither(runner, tmp_path):
    """'SIMPEG' of two units' SIMPEG: no integration, even though 'simpeg' is also the id made
    of the first one's name (an id is looked up only when no name matches)."""
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["Nama Aplikasi", "OPD", "Terintegrasi dengan"], ["SIMPEG", "BKPSDM", ""],
        ["SIMPEG", "Dinas Pendidikan", ""], ["e-Office", "Diskominfo", "SIMPEG"],
    ])

    result = _import(runner, source, tmp_path / "model")

    assert not (tmp_path / "model" / "integrations.yaml").exists()
    assert (f"{source}:4: note: 'SIMPEG' in 'Terintegrasi dengan' may name 'simpeg', "
            "'simpeg-2'; no integration, kept as properties.integrations of 'e-office'"
            ) in result.output.splitlines()


MECHANISMS = [
    ["No", "Nama Aplikasi", "OPD", "Status", "Integrasi", None],
    [None, None, None, None, "Terintegrasi dengan", "Melalui (SPLP/API/Manual)"],
    ["1", "SIMPEG", "BKPSDM", "Aktif", "e-Kinerja; SIASN", "SPLP; Manual"],
    ["2", "e-Kinerja", "BKPSDM", "Aktif", "SIMPEG", "API"],
    ["3", "SIMPUS", "Dinkes", "Aktif", "SATUSEHAT; SIAK", "API"],
    ["4", "e-BPHTB", "Bapenda", "Aktif", "SIAK; SIPD, SIMPUS", "API/SPLP"],
    ["5", "SIMDA Keuangan", "BKAD", "Aktif", "SIPD", "Belum"],
    ["6", "SIMRS", "Dinkes", "Aktif", "SIMPUS", "Rencana SPLP 2026"],
]


def test_the_mechanism_column_gives_the_integrations_their_via(runner, tmp_path):
    """'Melalui' under a merged 'Integrasi': one mechanism for all the row's names, or one per
    name in order; several that cannot be told apart leave via unknown, and the cell is kept
    on every application as the inventory wrote it."""
    source = write_xlsx(tmp_path / "kota-contoh.xlsx", MECHANISMS, merge=["E1:F1"])
    out = tmp_path / "model"

    result = _import(runner, source, out)

    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert ("columns: name <- 'Nama Aplikasi', unit <- 'OPD', status <- 'Status', integrations "
            "<- 'Integrasi / Terintegrasi dengan', number <- 'No', mechanism <- 'Integrasi / "
            "Melalui (SPLP/API/Manual)'") in lines
    assert "kept as properties: integrations_via <- 'Integrasi / Melalui (SPLP/API/Manual)'" in (
        lines)
    at = f"{source}[Inventaris]"
    assert (f"{at}: note: 8 integrations from 'Integrasi / Terintegrasi dengan', written with "
            "direction: unknown (the inventory does not say which way data goes) and via as "
            "'Integrasi / Melalui (SPLP/API/Manual)' names it for 4, unknown for the other 4: "
            "integrations.yaml") in lines
    assert (f"{at}: note: 'Integrasi / Melalui (SPLP/API/Manual)' names no mechanism for each "
            "integration of 1 row: via left unknown, the text kept in "
            "properties.integrations_via: 'API/SPLP' (row 6)") in lines
    assert (f"{at}:7: note: 'SIPD' in 'Integrasi / Terintegrasi dengan', 'Belum' in 'Integrasi "
            "/ Melalui (SPLP/API/Manual)': not integrated; no integration, kept as "
            "properties.integrations") in lines
    assert (f"{at}:4: note: 'API' in 'Integrasi / Melalui (SPLP/API/Manual)' names api_direct "
            "for 'SIMPEG', row 3 another mechanism for the same two applications (splp): the "
            "inventory does not say which, written as unknown") in lines
    arch = load_model(out).architecture
    links = {(i.source, i.target): (i.via.value, i.status.value)
             for i in arch.integrations.values()}
    assert links == {
        ("simpeg", "e-kinerja-bkpsdm"): ("unknown", "active"),  # rows 3 and 4 disagree
        ("simpeg", "siasn"): ("manual", "active"),
        ("simpus", "satusehat"): ("api_direct", "active"),
        ("simpus", "siak"): ("api_direct", "active"),
        ("e-bphtb", "siak"): ("unknown", "active"),
        ("e-bphtb", "sipd"): ("unknown", "active"),
        ("e-bphtb", "simpus"): ("unknown", "active"),
        ("simrs", "simpus"): ("splp", "planned"),  # 'Rencana SPLP 2026'
    }
    assert arch.integrations["int-simpeg-e-kinerja-bkpsdm"].description == (
        "From the inventory (row 3, 'Integrasi / Terintegrasi dengan': 'e-Kinerja'; 'Integrasi "
        "/ Melalui (SPLP/API/Manual)': 'SPLP; Manual' in row 3, 'API' in row 4): these "
        "applications exchange data; how, its rows disagree, and in which direction, it does "
        "not say")
    assert arch.integrations["int-simpeg-siasn"].description == (  # SPLP; Manual: in order
        "From the inventory (row 3, 'Integrasi / Terintegrasi dengan': 'SIASN', 'Integrasi "
        "/ Melalui (SPLP/API/Manual)': 'SPLP; Manual'): these applications exchange data; in "
        "which direction, it does not say")
    assert arch.applications["simda-bkad"].properties == {
        "integrations": "SIPD", "integrations_via": "Belum"}
    assert arch.applications["simda-bkad"].integrations_known  # 'Belum' says: none
    assert arch.applications["e-bphtb"].properties == {"integrations_via": "API/SPLP"}


SILENT = [
    ["No", "Nama Aplikasi", "OPD", "Status", "Terintegrasi dengan"],
    ["1", "SIMPUS", "Dinkes", "Aktif", "SIMRS"],
    ["2", "SIMRS", "Dinkes", "Aktif", "SIMPUS; e-Rujukan"],
    ["3", "e-Musrenbang", "Bappeda", "Aktif", "-"],
    ["4", "SIPETA", "Bappeda", "Aktif", ""],
    ["5", "Absensi Online", "BKPSDM", "Aktif", "Aplikasi Kepegawaian Lama"],
    ["6", "e-Rujukan", "Dinkes", "Aktif", ""],
]


def test_an_empty_or_unresolved_integrations_cell_leaves_the_integrations_unknown(
        runner, tmp_path):
    """'-' says none: isolated. An empty cell says nothing, and a name no application has
    says something the model cannot link: their integrations are unknown, never a defect,
    unless another row links the application (e-Rujukan, named by SIMRS's row)."""
    source = write_csv(tmp_path / "kota-contoh.csv", SILENT)
    out = tmp_path / "model"

    result = _import(runner, source, out)

    assert result.exit_code == 0, result.output
    assert (f"{source}: note: 2 applications whose 'Terintegrasi dengan' is empty or names what "
            "no integration could link: written with integrations_known: false (neither "
            "isolated nor a data flow without integration until their integrations are "
            "recorded) (rows 5, 6)") in result.output.splitlines()
    arch = load_model(out).architecture
    assert {a.id: a.integrations_known for a in arch.applications.values()} == {
        "simpus": True, "simrs": True, "e-musrenbang": True, "sipeta": False,
        "absensi-online": False, "e-rujukan": True}
    audit = json.loads(runner.invoke(app, ["audit", str(out), "--format", "json"]).stdout)
    assert [f["element"] for f in audit["findings"] if f["code"] == "SPBE-A001"] == [
        "e-musrenbang"]
    assert audit["metrics"]["completeness"]["applications.integrations"] == {"known": 4, "of": 6}
    unknown = [f["message"] for f in audit["findings"] if f["code"] == "SPBE-A021"
               and f["message"].startswith("integrations known")]
    assert unknown == ["integrations known for 4 of 6 active applications; not stated by "
                       "absensi-online, sipeta"]


def test_a_kota_inventory_as_written_in_east_java(runner, tmp_path):
    """'Belum terintegrasi' in the integrations column says none (known: the application is
    isolated, not unknown); 'Sukamaju Sambat' names the one 'Sukamaju Sambat (Aduan Warga)';
    Dispendik, Dispendukcapil and Inspektorat are the units Dinas Pendidikan, Dinas
    Kependudukan dan Pencatatan Sipil and Inspektorat Daerah."""
    source = write_csv(tmp_path / "kota-sukamaju.csv", [
        ["Nama Aplikasi", "OPD", "Terintegrasi dengan"],
        ["e-PAD", "Bapenda", "Belum terintegrasi"],
        ["SIMPUS", "Dinkes", "Belum"],
        ["Sukamaju Sambat (Aduan Warga)", "Diskominfo", ""],
        ["Command Center", "Diskominfo", "Sukamaju Sambat"],
        ["e-Rapor", "Dispendik", ""],
        ["Dapodik Lokal", "Dinas Pendidikan", ""],
        ["SIAK Lokal", "Dispendukcapil", ""],
        ["e-Adminduk", "Dinas Kependudukan dan Pencatatan Sipil", ""],
        ["e-Audit", "Inspektorat", ""],
        ["SIPKD", "Inspektorat Daerah", ""],
    ])
    out = tmp_path / "model"
    result = _import(runner, source, out)
    assert result.exit_code == 0, result.output
    arch = load_model(out).architecture
    assert arch.applications["e-pad"].integrations_known  # 'Belum terintegrasi': none, known
    assert arch.applications["simpus"].integrations_known
    (link,) = arch.integrations.values()
    assert (link.source, link.target) == ("command-center", "sukamaju-sambat-aduan-warga")
    assert (f"{source}:5: note: 'Sukamaju Sambat' in 'Terintegrasi dengan' taken as "
            "application 'sukamaju-sambat-aduan-warga': its name without the words in "
            "parentheses") in result.output.splitlines()
    assert sorted(arch.units) == ["bapenda", "dinkes", "disdik", "disdukcapil", "diskominfo",
                                  "itda"]
    audit = runner.invoke(app, ["audit", str(out), "--format", "json"])
    isolated = {f["element"] for f in json.loads(audit.stdout)["findings"]
                if f["code"] == "SPBE-A001"}
    assert {"e-pad", "simpus"} <= isolated  # said not integrated: isolated, as the sheet says


def test_a_server_of_each_unit_is_one_element_per_unit(runner, tmp_path):
    """'Server Dinas' and 'Server Kantor' written by several units: each unit's own."""
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["Nama Aplikasi", "OPD", "Lokasi Server"],
        ["SIMPUS", "Dinkes", "Server Dinas"],
        ["e-Wisata", "Dispar", "Server Dinas"],
        ["e-Surat", "Setda", "Server Kantor"],
    ])
    out = tmp_path / "model"
    assert _import(runner, source, out).exit_code == 0
    hosting = {a.id: a.hosting for a in load_model(out).architecture.applications.values()}
    assert hosting == {"simpus": "server-dinas-dinkes", "e-wisata": "server-dinas-dispar",
                       "e-surat": "server-kantor-setda"}
