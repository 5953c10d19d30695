"""`spbe-arch import inventory` from the user's side: files in, model out, then validate, audit."""

import json

import pytest
from inventory_files import HEADER, cache_formula_results, write_csv, write_xlsx

from spbe_arch.cli import app
from spbe_arch.validate import load_model

CSV_ROWS = [
    ["Daftar Aplikasi Pemerintah Kota Contoh 2026", "", "", "", "", "", "", ""],
    HEADER,
    ["1", "SIMPUS", "Dinas Kesehatan", "Sistem Informasi Puskesmas", "https://simpus.contoh.go.id",
     "Khusus", "Aktif", "Server Diskominfo"],
    ["2", "SRIKANDI", "DINKES", "Naskah dinas elektronik", "", "Umum", "Aktif", ""],
    ["3", "SIMONEV", "Bappeda", "Monitoring; evaluasi", "", "Umum", "Aktif", ""],
    ["4", "Sistem Perizinan Terpadu – OSS lokal", "Dinas  Kesehatan", "", "", "Khusus",
     "Tidak Aktif", ""],
    ["", "", "", "", "", "", "", ""],
    ["5", "", "Bappeda", "baris tanpa nama", "", "", "", ""],
    ["6", "Kalkulator Retribusi", "Bapenda", "=SUM(A1:A3)", "", "", "Rusak", ""],
]


def _import(runner, source, out, *extra):
    return runner.invoke(
        app, ["import", "inventory", str(source), "-o", str(out), *extra], catch_exceptions=False
    )


def test_import_semicolon_windows_1252_csv_validates_and_audits(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", CSV_ROWS)
    out = tmp_path / "model"

    result = _import(runner, source, out)

    assert result.exit_code == 1, result.output  # row 8 has no name
    src = str(source)
    assert result.output.splitlines() == [
        f"{src}: Windows-1252, semicolon-separated; header in row 2",
        "columns: name <- 'Nama Aplikasi', unit <- 'Perangkat Daerah', description <- "
        "'Deskripsi', url <- 'Alamat URL', status <- 'Status', kind <- 'Klasifikasi', "
        "server_location <- 'Lokasi Server', number <- 'No'",
        "kept as properties: server_location <- 'Lokasi Server'",
        f"{src}:8: skipped: no application name (column 'Nama Aplikasi' is empty)",
        f"{src}:4: guess: 'SRIKANDI' is national platform 'srikandi' (by its name); imported "
        "as 'srikandi-dinkes'",
        f"{src}: guess: unit 'dinkes' (Dinas Kesehatan) merges 'Dinas Kesehatan' (row 3), "
        "'DINKES' (row 4), 'Dinas  Kesehatan' (row 6)",
        f"{src}:5: national system 'SIMONEV' is not in the platform catalog; imported as "
        "'simonev' (kind umum, no platform)",
        f"{src}:9: note: 'Deskripsi' holds '=SUM(A1:A3)', a formula written as text; kept as "
        "text, never evaluated",
        f"{src}:9: note: status 'Rusak' not recognised; kept as properties.status, status left "
        "out: the application counts as active until you set it (planned, development, active, "
        "retired)",
        f"{src}: note: 1 empty row, passed over (row 7)",
        f"{src}: note: 1 application with no classification (umum/khusus, "
        "pusat/lokal) and no national platform match: written as kind khusus (row 9)",
        f"{src}: note: server location 'Server Diskominfo' read as on_premise: 1 application "
        "hosted on 'server-diskominfo' (infrastructure.yaml; one element for every row naming "
        "it: split it if they mean different places) (row 3)",
        "imported 5 of 6 rows: 5 applications, 3 units; 1 skipped, 2 guesses, 1 national "
        "system not in the catalog",
        f"wrote {out}; next: spbe-arch validate {out}",
    ]
    loaded = load_model(out)
    assert loaded.ok, loaded.findings
    arch = loaded.architecture
    assert sorted(arch.units) == ["bapenda", "bappeda", "dinkes"]
    perizinan = arch.applications["sistem-perizinan-terpadu-oss-lokal"]
    assert perizinan.name == "Sistem Perizinan Terpadu – OSS lokal"
    assert perizinan.owner == "dinkes"
    assert perizinan.status.value == "retired"
    simpus = arch.applications["simpus"]
    assert simpus.hosting == "server-diskominfo"  # a server room, the text kept as written
    assert arch.infrastructure["server-diskominfo"].kind.value == "on_premise"
    assert simpus.properties == {"server_location": "Server Diskominfo"}
    assert arch.applications["kalkulator-retribusi"].description == "=SUM(A1:A3)"
    assert arch.applications["srikandi-dinkes"].platform == "srikandi"


def test_import_report_in_indonesian_with_lang_id(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", CSV_ROWS)
    out = tmp_path / "model"

    result = _import(runner, source, out, "--lang", "id")

    assert result.exit_code == 1, result.output
    src = str(source)
    lines = result.output.splitlines()
    assert lines[0] == f"{src}: Windows-1252, dipisah titik koma; baris kepala kolom di baris 2"
    assert lines[2:] == [
        "disimpan sebagai properties: server_location <- 'Lokasi Server'",
        f"{src}:8: dilewati: tidak ada nama aplikasi (kolom 'Nama Aplikasi' kosong)",
        f"{src}:4: dugaan: 'SRIKANDI' adalah platform nasional 'srikandi' (menurut namanya); "
        "diimpor sebagai 'srikandi-dinkes'",
        f"{src}: dugaan: unit kerja 'dinkes' (Dinas Kesehatan) menggabungkan 'Dinas Kesehatan' "
        "(baris 3), 'DINKES' (baris 4), 'Dinas  Kesehatan' (baris 6)",
        f"{src}:5: sistem nasional 'SIMONEV' tidak ada di katalog platform; diimpor sebagai "
        "'simonev' (jenis umum, tanpa platform)",
        f"{src}:9: catatan: 'Deskripsi' berisi '=SUM(A1:A3)', rumus yang tertulis sebagai teks; "
        "disimpan sebagai teks, tidak pernah dihitung",
        f"{src}:9: catatan: status 'Rusak' tidak dikenali; disimpan sebagai properties.status, "
        "status tidak diisi: aplikasi dihitung aktif sampai Anda mengisinya (planned, "
        "development, active, retired)",
        f"{src}: catatan: 1 baris kosong, diabaikan (baris 7)",
        f"{src}: catatan: 1 aplikasi tanpa klasifikasi (umum/khusus, pusat/lokal) dan tidak "
        "cocok dengan platform nasional: ditulis dengan jenis khusus (baris 9)",
        f"{src}: catatan: lokasi server 'Server Diskominfo' dibaca sebagai on_premise: 1 "
        "aplikasi ditempatkan di 'server-diskominfo' (infrastructure.yaml; satu elemen untuk "
        "semua baris yang menyebutnya: pisahkan bila yang dimaksud tempat yang berbeda) "
        "(baris 3)",
        "diimpor 5 dari 6 baris: 5 aplikasi, 3 unit kerja; 1 dilewati, 2 dugaan, 1 sistem "
        "nasional tidak ada di katalog",
        f"ditulis {out}; berikutnya: spbe-arch validate {out}",
    ]
    assert "dilewati: tidak ada nama aplikasi" in (out / "import-report.txt").read_text()
    written = (out / "applications.yaml").read_text()
    assert "  # baris 4; platform nasional 'srikandi' menurut namanya\n" in written
    assert "  # baris 5; sistem nasional yang tidak ada di katalog platform\n" in written
    assert (out / "import-report.txt").read_text().splitlines() == result.output.splitlines()[:-1]

    validate = runner.invoke(app, ["validate", str(out)])
    assert validate.exit_code == 0, validate.output
    audit = runner.invoke(app, ["audit", str(out), "--format", "json"])
    assert audit.exit_code in (0, 1), audit.output
    assert json.loads(audit.output)["metrics"]


def test_import_xlsx_with_title_row_and_merged_unit_cells(runner, tmp_path):
    source = write_xlsx(tmp_path / "kabupaten-contoh.xlsx", [
        ["Inventaris Aplikasi Kabupaten Contoh"],
        [],
        ["No", "Nama Aplikasi", "OPD", "Alamat / URL", "Kategori"],
        [1, "SIMPEG Daerah", "Badan Kepegawaian Daerah", "https://simpeg.contoh.go.id", "Lokal"],
        [2, "SIASN", None, "https://siasn.bkn.go.id", "Pusat"],
        [3, "E-Absensi", None, None, "Lokal"],
        ["Keuangan"],
        [4, "SIPD", "BPKAD", None, "Pusat"],
    ], merge=["A1:E1", "C4:C6", "A7:E7"])
    out = tmp_path / "model"

    result = _import(runner, source, out)

    assert result.exit_code == 1, result.output
    at = f"{source}[Inventaris]"
    assert result.output.splitlines()[:3] == [
        f"{source}: sheet 'Inventaris'; header in row 3",
        "columns: name <- 'Nama Aplikasi', unit <- 'OPD', url <- 'Alamat / URL', category <- "
        "'Kategori', number <- 'No'",
        f"{at}:7: skipped: a heading row ('Keuangan' merged across), not an application",
    ]
    arch = load_model(out).architecture
    owners = {a.name: a.owner for a in arch.applications.values()}
    assert owners == {"SIMPEG Daerah": "bkd", "SIASN": "bkd", "E-Absensi": "bkd",
                      "SIPD": "bpkad"}
    assert arch.applications["siasn-bkd"].platform == "siasn"
    assert arch.instansi.level.value == "kabupaten"
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0
    assert runner.invoke(app, ["audit", str(out)]).exit_code in (0, 1)


def test_import_xlsx_takes_cached_formula_results(runner, tmp_path):
    source = write_xlsx(tmp_path / "kota-contoh.xlsx", [
        ["Nama Aplikasi", "Perangkat Daerah", "Deskripsi"],
        ["E-Pajak", "Bapenda", '=CONCAT("Pajak ", "Daerah")'],
    ])
    cache_formula_results(source, {"C2": "Pajak Daerah"})

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 0, result.output
    app_ = load_model(tmp_path / "model").architecture.applications["e-pajak"]
    assert app_.description == "Pajak Daerah"


def test_import_json_report(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", CSV_ROWS)

    result = _import(runner, source, tmp_path / "model", "--format", "json")

    assert result.exit_code == 1, result.output
    report = json.loads(result.output)
    assert report["clean"] is False
    assert report["skipped"] == [
        {"row": 8, "message": "no application name (column 'Nama Aplikasi' is empty)"}
    ]
    assert report["guesses"] == [{
        "row": 4, "application": "srikandi-dinkes", "name": "SRIKANDI",
        "platform": "srikandi", "how": "name",
    }]
    assert report["unmatched"] == [{"row": 5, "application": "simonev", "name": "SIMONEV"}]
    assert (report["rows"], report["imported"], report["units"]) == (6, 5, 3)


def test_import_never_overwrites_without_force(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", CSV_ROWS[1:4])
    out = tmp_path / "model"
    assert _import(runner, source, out).exit_code == 0

    again = _import(runner, source, out)

    assert again.exit_code == 2
    assert again.output == f"spbe-arch: {out}: already exists; use --force to replace it\n"
    assert _import(runner, source, out, "--force").exit_code == 0


def test_import_force_never_replaces_files_edited_since_the_import(runner, tmp_path):
    """The cycle import, correct, re-import: --force replaces an untouched import, never one
    whose files the architect has corrected since (a digest on each file's first line)."""
    source = write_csv(tmp_path / "kota-contoh.csv", CSV_ROWS[1:4])
    out = tmp_path / "model"
    assert _import(runner, source, out).exit_code == 0
    assert _import(runner, source, out, "--force").exit_code == 0  # untouched: replaced
    units = out / "units.yaml"
    assert units.read_text(encoding="utf-8").splitlines()[0].split()[-1].startswith("sha256:")
    corrected = units.read_text(encoding="utf-8") + "  - {id: setda, name: Sekretariat " \
        "Daerah, kind: sekretariat}\n"
    units.write_text(corrected, encoding="utf-8")

    again = _import(runner, source, out, "--force")

    assert again.exit_code == 2
    assert again.output == (
        f"spbe-arch: {out}: units.yaml written by hand or edited since the import; not replaced, "
        "even with --force (the edits would be lost): import into a new folder with -o and "
        "carry the edits over, or delete the edited files first\n")
    assert units.read_text(encoding="utf-8") == corrected
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0  # the digest is a comment


def test_import_into_a_folder_of_other_documents_writes_beside_them(runner, tmp_path):
    """A new git repository (its .git, a README) takes the import beside what it holds."""
    source = write_csv(tmp_path / "kota-contoh.csv", CSV_ROWS[1:4])
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (repo / "README.md").write_text("keep me")

    result = _import(runner, source, repo)

    assert result.exit_code == 0, result.output
    assert (repo / "README.md").read_text() == "keep me"
    assert (repo / ".git" / "HEAD").read_text() == "ref: refs/heads/main\n"
    assert (repo / "spbe.yaml").is_file()


def test_import_force_again_into_a_git_repository_keeps_its_history(runner, tmp_path):
    """The architect re-imports an updated inventory into the model kept in git: the files of
    the earlier import are replaced, one it no longer writes is removed, the rest stays."""
    repo = tmp_path / "repo"
    first = _import(runner, write_csv(tmp_path / "kota-contoh.csv", CSV_ROWS), repo)
    assert first.exit_code == 1, first.output  # rows skipped
    assert (repo / "infrastructure.yaml").is_file()
    (repo / ".git").mkdir()
    (repo / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (repo / "README.md").write_text("keep me")
    fewer = [row[:-1] for row in CSV_ROWS[:5]]  # three applications, no 'Lokasi Server'
    again = _import(runner, write_csv(tmp_path / "kota-contoh.csv", fewer), repo, "--force")
    assert again.exit_code == 0, again.output
    assert (repo / ".git" / "HEAD").read_text() == "ref: refs/heads/main\n"
    assert (repo / "README.md").read_text() == "keep me"
    assert not (repo / "infrastructure.yaml").exists()
    assert len(load_model(repo).architecture.applications) == 3


def test_import_force_never_replaces_a_model_written_by_hand_or_its_history(runner, tmp_path):
    """Only an earlier import is replaced whole: a hand-made model beside its .git stays."""
    source = write_csv(tmp_path / "kota-contoh.csv", CSV_ROWS[1:4])
    model = tmp_path / "model"
    (model / ".git").mkdir(parents=True)
    (model / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (model / "spbe.yaml").write_text("instansi: {id: kab, name: Kab, level: kabupaten}\n")
    (model / "penilaian.yaml").write_text("assessment: []\n")
    before = sorted(p.relative_to(model).as_posix() for p in model.rglob("*"))

    result = _import(runner, source, model, "--force")

    assert result.exit_code == 2
    assert result.output == (
        f"spbe-arch: {model}: holds model files an import does not write (penilaian.yaml); not "
        "replaced, even with --force (a model written by hand stays); give a new folder with "
        "-o\n")
    assert sorted(p.relative_to(model).as_posix() for p in model.rglob("*")) == before


def test_import_mapping_file_names_other_headers(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["Judul Sistem", "Dikelola Oleh", "Tahun"],
        ["Arsip Foto Kegiatan", "Diskominfo", "2021"],
    ])
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("columns:\n  name: Judul Sistem\n  unit: [Dikelola Oleh, Pengelola]\n")

    result = _import(runner, source, tmp_path / "model", "--mapping", str(mapping))

    assert result.exit_code == 0, result.output
    arch = load_model(tmp_path / "model").architecture
    portal = arch.applications["arsip-foto-kegiatan"]
    assert (portal.owner, portal.properties) == ("diskominfo", {"tahun": "2021"})
    assert arch.units["diskominfo"].name == "Diskominfo"
    assert "mapping.yaml" not in result.output  # every header it names was read
    # nor when a header starts with the one named, or is the second row of a two-row header
    source = write_csv(tmp_path / "kota-dua.csv", [
        ["Judul Sistem Informasi", "Pengelola", "Pengelola", "Status"],
        ["", "Perangkat", "Bidang", ""],
        ["Arsip Foto Kegiatan", "Diskominfo", "TI", "Aktif"],
    ])
    mapping.write_text("columns:\n  name: Judul Sistem\n  unit: Perangkat\n")
    result = _import(runner, source, tmp_path / "model-2", "--mapping", str(mapping))
    assert result.exit_code == 0, result.output
    assert "mapping.yaml" not in result.output, result.output


def test_import_mapping_header_the_file_does_not_have_is_said(runner, tmp_path):
    """A misspelt header in the mapping: the import reads the default header instead, and
    says so rather than leaving the architect to think the mapping was used."""
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["Nama Aplikasi", "OPD", "Catatan"],
        ["SIMPUS", "Dinkes", "-"],
    ])
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("columns:\n  name: Judul\n  url: [Alamat Web, Tautan]\n")
    result = _import(runner, source, tmp_path / "model", "--mapping", str(mapping))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert (f"{source}:1: note: {mapping}: name: 'Judul' is no header of this file; "
            "'Nama Aplikasi' read as name") in lines
    assert (f"{source}:1: note: {mapping}: url: 'Alamat Web' / 'Tautan' is no header of this "
            "file; no url column read") in lines


def test_import_bad_mapping_file(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", CSV_ROWS[1:4])
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("columns:\n  title: Judul\n")

    result = _import(runner, source, tmp_path / "model", "--mapping", str(mapping))

    assert result.exit_code == 2
    assert result.output.startswith(f"spbe-arch: {mapping}: not a mapping file: columns.title")


def test_import_level_from_option_when_the_name_does_not_tell(runner, tmp_path):
    source = write_csv(tmp_path / "inventaris.csv", CSV_ROWS[1:4])

    refused = _import(runner, source, tmp_path / "model")
    result = _import(runner, source, tmp_path / "model", "--instansi-name",
                     "Pemerintah Kota Contoh", "--instansi-id", "kota-contoh")

    assert refused.exit_code == 2
    assert "cannot tell the instansi level from the name 'Inventaris'; give --level" in (
        refused.output
    )
    assert result.exit_code == 0, result.output
    instansi = load_model(tmp_path / "model").architecture.instansi
    assert (instansi.id, instansi.name, instansi.level.value) == (
        "kota-contoh", "Pemerintah Kota Contoh", "kota"
    )


@pytest.mark.parametrize("level", ["kota", "provinsi"])
def test_import_level_option(runner, tmp_path, level):
    source = write_csv(tmp_path / "inventaris.csv", CSV_ROWS[1:4])

    result = _import(runner, source, tmp_path / "model", "--level", level)

    assert result.exit_code == 0, result.output
    assert load_model(tmp_path / "model").architecture.instansi.level.value == level


def test_imported_inventory_audit_finds_duplicates_and_only_counts_unknown_facts(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["Nama Aplikasi", "OPD", "URL", "Klasifikasi"],
        ["SMS Gateway", "Diskominfo", "", "Khusus"],
        ["SMS  GATEWAY", "Dinkes", "", "Khusus"],
        ["E-Pajak", "Bapenda", "https://pajak.contoh.go.id", "Khusus"],
        ["SIPAKDA", "Bapenda", "pajak.contoh.go.id/", "Khusus"],
        ["SRIKANDI", "Setda", "", "Umum"],
    ])
    out = tmp_path / "model"
    assert _import(runner, source, out).exit_code == 0

    audit = runner.invoke(app, ["audit", str(out), "--format", "json"])

    assert audit.exit_code == 0, audit.output
    findings = json.loads(audit.output)["findings"]
    assert [(f["code"], f["message"]) for f in findings if f["code"] == "SPBE-A007"] == [
        ("SPBE-A007", "aplikasi 'sms-gateway', 'sms-gateway-2' duplicate each other: they share "
         "the name 'SMS Gateway'"),
        ("SPBE-A007", "aplikasi 'e-pajak', 'sipakda' duplicate each other: they share the "
         "address 'https://pajak.contoh.go.id'"),
    ]
    assert {f["code"] for f in findings} == {"SPBE-A007", "SPBE-A021"}  # the rest is unknown


def test_unit_without_a_kind_in_its_name_is_noted(runner, tmp_path):
    source = write_csv(tmp_path / "kota-contoh.csv", [
        ["Nama Aplikasi", "OPD"], ["Dashboard Kota", "Tim Percepatan Digital"],
    ])

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 0, result.output
    assert (
        f"{source}:2: note: unit 'tim-percepatan-digital' (Tim Percepatan Digital): its name "
        "tells no kind; written as unit_kerja (change it in units.yaml: dinas, badan, "
        "kecamatan, ...)"
    ) in result.output.splitlines()


def test_instansi_id_from_its_name_as_init_makes_it(runner, tmp_path):
    source = tmp_path / "inventaris.csv"
    source.write_text("Nama Aplikasi;OPD\nSIMPUS;Dinas Kesehatan\n", encoding="utf-8")
    out = tmp_path / "model"
    result = runner.invoke(app, ["import", "inventory", str(source), "-o", str(out),
                                 "--instansi-name", "Pemerintah Kabupaten Lembah Hijau",
                                 "--level", "kabupaten"])
    assert result.exit_code == 0, result.output
    assert "id: kabupaten-lembah-hijau" in (out / "spbe.yaml").read_text()


@pytest.mark.parametrize(("extra", "instansi"), [
    ((), ("kabupaten-sukamakmur", "Kabupaten Sukamakmur")),  # the title names it
    (("--instansi-name", "Pemerintah Kabupaten Sukamakmur"),
     ("kabupaten-sukamakmur", "Pemerintah Kabupaten Sukamakmur")),  # as given
    (("--instansi-id", "kab-sukamakmur"),  # an id says nothing of the name: the title does
     ("kab-sukamakmur", "Kabupaten Sukamakmur")),
])
def test_the_title_row_names_the_instansi_the_file_name_does_not(runner, tmp_path, extra,
                                                                  instansi):
    """'inventaris-2025.csv' says nothing of whose inventory it is; its title row does. The
    report says where the name came from; a name given on the command line wins."""
    source = write_csv(tmp_path / "sukamakmur.csv", [
        ["PEMERINTAH KABUPATEN SUKAMAKMUR TAHUN 2025", "", ""],
        ["No", "Nama Aplikasi", "OPD"],
        ["1", "SIMPUS", "Dinas Kesehatan"],
    ])
    result = _import(runner, source, tmp_path / "model", "--level", "kabupaten", *extra)
    assert result.exit_code == 0, result.output
    written = load_model(tmp_path / "model").architecture.instansi
    assert (written.id, written.name) == instansi
    said = (f"{source}:1: instansi 'Kabupaten Sukamakmur', as the title row names it "
            "(--instansi-name NAME gives another)")
    assert (said in result.output.splitlines()) == ("--instansi-name" not in extra)


def test_a_level_the_name_contradicts_is_refused(runner, tmp_path):
    source = write_csv(tmp_path / "inventaris.csv", [["Nama Aplikasi", "OPD"], ["A", "B"]])
    result = runner.invoke(app, ["import", "inventory", str(source), "-o", str(tmp_path / "m"),
                                 "--instansi-name", "Pemerintah Kota Sukamaju",
                                 "--level", "kabupaten"])
    assert result.exit_code == 2
    assert result.output == (
        "spbe-arch: --level kabupaten but --instansi-name 'Pemerintah Kota Sukamaju' names a "
        "kota: give the level the name says, or the name of the kabupaten\n")
    assert not (tmp_path / "m").exists()


def test_the_title_row_gives_the_level_the_file_name_does_not(runner, tmp_path):
    """No --level, a file name with no level in it: the title row tells the level and the
    name; without a title, the import asks for --level and writes nothing."""
    rows = [["DAFTAR INVENTARIS APLIKASI PEMERINTAH KABUPATEN SUKAMAJU TAHUN 2025", "", ""],
            ["No", "Nama Aplikasi", "OPD"],
            ["1", "SIMPUS", "Dinas Kesehatan"]]
    source = write_csv(tmp_path / "inventaris-aplikasi.csv", rows)
    result = _import(runner, source, tmp_path / "model")
    assert result.exit_code == 0, result.output
    written = load_model(tmp_path / "model").architecture.instansi
    assert (written.id, written.name, written.level) == (
        "kabupaten-sukamaju", "Kabupaten Sukamaju", "kabupaten")
    assert (f"{source}:1: instansi 'Kabupaten Sukamaju', as the title row names it "
            "(--instansi-name NAME gives another)") in result.output.splitlines()
    # the province the kabupaten lies in is named after it: the kabupaten is the instansi
    rows[0][0] = "DAFTAR APLIKASI PEMERINTAH KABUPATEN SUKAMAJU PROVINSI JAWA BARAT TAHUN 2025"
    result = _import(runner, write_csv(tmp_path / "inventaris-3.csv", rows), tmp_path / "m3")
    assert result.exit_code == 0, result.output
    written = load_model(tmp_path / "m3").architecture.instansi
    assert (written.name, written.level) == ("Kabupaten Sukamaju", "kabupaten")
    untitled = write_csv(tmp_path / "inventaris.csv", rows[1:])
    result = _import(runner, untitled, tmp_path / "model-2")
    assert result.exit_code == 2
    assert "cannot tell the instansi level from the name 'Inventaris'" in result.stderr
    assert not (tmp_path / "model-2").exists()


def test_a_title_of_another_level_than_given_is_said(runner, tmp_path):
    """--level kota for an inventory whose title names a kabupaten: the kota of the file's
    name is kept (as asked), and a note says what the title names."""
    source = write_csv(tmp_path / "t1.csv", [
        ["PEMERINTAH KABUPATEN SUKAMAJU TAHUN 2025", "", ""],
        ["No", "Nama Aplikasi", "OPD"], ["1", "SIMPUS", "Dinas Kesehatan"]])
    result = _import(runner, source, tmp_path / "model", "--level", "kota")
    assert result.exit_code == 0, result.output
    assert (f"{source}:1: note: the title row names 'Kabupaten Sukamaju', a kabupaten, not a "
            "kota: the instansi is 'T1' (kota); give --level kabupaten if the title is right"
            ) in result.output.splitlines()


def test_a_title_naming_another_level_names_no_instansi(runner, tmp_path):
    source = write_csv(tmp_path / "kota-baru.csv", [
        ["Rekap Aplikasi se-Provinsi Jawa Tengah", "", ""],
        ["No", "Nama Aplikasi", "OPD"],
        ["1", "SIMPUS", "Dinas Kesehatan"],
    ])
    result = _import(runner, source, tmp_path / "model")
    assert result.exit_code == 0, result.output
    written = load_model(tmp_path / "model").architecture.instansi
    assert (written.id, written.name, written.level) == ("kota-baru", "Kota Baru", "kota")
    assert "as the title row names it" not in result.output


def test_units_of_a_ministry_take_their_kinds_from_their_names(runner, tmp_path):
    names = {
        "Biro Umum": "biro", "Direktorat Jenderal Perikanan Tangkap": "direktorat_jenderal",
        "Ditjen Perikanan Budidaya": "direktorat_jenderal",
        "Direktorat Kapal Perikanan": "direktorat", "Pusat Data dan Informasi": "pusat",
        "Balai Besar Penangkapan Ikan": "upt", "Pusat Kesehatan Masyarakat Timur": "upt",
    }
    source = write_csv(tmp_path / "kementerian-kelautan.csv", [
        ["Nama Aplikasi", "Unit Kerja"], *([f"Aplikasi {n}", name] for n, name in enumerate(names))
    ])

    result = _import(runner, source, tmp_path / "model")

    assert result.exit_code == 0, result.output
    units = load_model(tmp_path / "model").architecture.units.values()
    assert {unit.name: unit.kind.value for unit in units} == names
    assert load_model(tmp_path / "model").architecture.instansi.level.value == "kementerian"
