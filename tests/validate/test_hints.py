"""The hints of `spbe-arch validate` for a newcomer's usual slips, in English and Indonesian:
each names the fix, not only the rule broken."""

import pytest

from spbe_arch.cli import app

APP = "applications:\n  - {{id: a1, name: A1, kind: khusus, owner: dinkes, {field}}}\n"
UNITS = "units:\n  - {id: dinkes, name: Dinkes, kind: dinas}\n"


def _hint(runner, make_model, files: dict[str, str], *args: str) -> list[str]:
    """The output lines of `validate` (exit 1) on a model of these files."""
    result = runner.invoke(app, ["validate", str(make_model({"u.yaml": UNITS, **files})), *args])
    assert result.exit_code == 1, result.output
    return result.output.splitlines()


@pytest.mark.parametrize(("written", "meant"), [
    ("aktif", "active"), ("tidak aktif", "retired"), ("nonaktif", "retired"),
    ("Non-Aktif", "retired"), ("rencana", "planned"), ("pengembangan", "development"),
])
def test_a_status_in_indonesian_is_named_in_english(runner, make_model, written, meant):
    lines = _hint(runner, make_model, {"a.yaml": APP.format(field=f"status: {written}")})
    at = next(i for i, line in enumerate(lines) if f"got '{written}'" in line)
    assert lines[at + 1] == f"    hint: did you mean '{meant}'?"


def test_a_status_in_indonesian_hint_in_indonesian(runner, make_model):
    lines = _hint(runner, make_model, {"a.yaml": APP.format(field="status: aktif")},
                  "--lang", "id")
    at = next(i for i, line in enumerate(lines) if "tertulis 'aktif'" in line)
    assert lines[at + 1] == "    saran: maksud Anda 'active'?"


@pytest.mark.parametrize(("field", "written", "meant"), [
    ("via", "SPLP", "splp"), ("via", "api", "api_direct"), ("via", "File", "file_transfer"),
])
def test_a_value_in_other_case_or_cut_short_is_named(runner, make_model, field, written, meant):
    integration = f"integrations:\n  - {{id: i1, source: a1, target: a1, {field}: {written}}}\n"
    lines = _hint(runner, make_model, {"a.yaml": APP.format(field="status: active"),
                                       "i.yaml": integration})
    at = next(i for i, line in enumerate(lines) if f"got '{written}'" in line)
    assert lines[at + 1] == f"    hint: did you mean '{meant}'?"


def test_a_decimal_comma_is_written_with_a_point(runner, make_model):
    manifest = "instansi:\n  id: kab-uji\n  name: Uji\n  level: kabupaten\n  target: 3,5\n"
    root = make_model({"spbe.yaml": manifest})
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[:2] == [
        f"{root}/spbe.yaml:5:3: error SPBE-R003 target: input should be a valid number, "
        "unable to parse string as a number, got '3,5'",
        "    hint: write the decimal with a point: 3.5",
    ]
    result = runner.invoke(app, ["validate", str(root), "--lang", "id"])
    assert "    saran: tulis pecahan desimal dengan titik: 3.5" in result.output.splitlines()


def test_a_decimal_comma_in_braces_splits_the_value(runner, make_model):
    """In `{target: 3,5}` the comma ends the value: YAML reads a key `5`."""
    manifest = "instansi: {id: kab-uji, name: Kabupaten Uji, level: kabupaten, target: 3,5}\n"
    root = make_model({"spbe.yaml": manifest})
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[:2] == [
        f"{root}/spbe.yaml:1:74: error SPBE-R003 5: keys should be text, got 5",
        "    hint: a comma ends a value in a {...} mapping: write a decimal with a point (3.5), "
        "quote a text with a comma",
    ]


WAIVER = "waivers:\n  - {{code: SPBE-A001, element: a1, reason: lama, until: {until}}}\n"


DATE = "input should be a valid date in the format YYYY-MM-DD, invalid character in year"


@pytest.mark.parametrize(("until", "message", "hint"), [
    ("01/12/2026", f"{DATE}, got '01/12/2026'",
     "write the date year first, YYYY-MM-DD: 2026-12-01"),
    ("1 Desember 2026", f"{DATE}, got '1 Desember 2026'",
     "write the date year first, YYYY-MM-DD: 2026-12-01"),
    ("31/02/2026", f"{DATE}, got '31/02/2026'", "write the date as YYYY-MM-DD, e.g. 2026-12-31"),
    ("2026", "input should be a date in the format YYYY-MM-DD, got 2026",
     "write the date as YYYY-MM-DD, e.g. 2026-12-31"),
    ("2026-02-30", "input should be a valid date in the format YYYY-MM-DD, day value is "
     "outside expected range, got '2026-02-30'", "2026-02 has 28 days: write a day that exists"),
])
def test_a_date_not_written_year_first_is_shown_how(runner, make_model, until, message, hint):
    lines = _hint(runner, make_model, {"a.yaml": APP.format(field="status: active"),
                                       "w.yaml": WAIVER.format(until=until)})
    at = next(i for i, line in enumerate(lines) if "until:" in line)
    assert lines[at].endswith(f"error SPBE-R003 until: {message}")
    assert lines[at + 1] == f"    hint: {hint}"


@pytest.mark.parametrize(("text", "at", "hint"), [
    ("applications:\n  - id: a1\n    name: A\n    kind: khusus\n     owner: dinkes\n", "5:11",
     "check the indentation of line 5 against the lines above: keys that belong together "
     "start in the same column; nothing in this file was read"),
    ("applications:\n  - id: a1\n    name: A\n  - id: a2\n   name: B\n", "5:4",
     "check the indentation of line 5 against the lines above: keys that belong together "
     "start in the same column; nothing in this file was read"),
    ("applications:\n  - id:a1\n    name: A\n", "3:9",
     "write a space after the ':' in line 2 ('key: value'); nothing in this file was read"),
    ("applications:\n  - id: a1\n    name: Sistem: Informasi\n", "3:17",
     "put the value in quotes: a ': ' inside a text makes it a key, e.g. name: 'Sistem: "
     "Informasi'; nothing in this file was read"),
    ("services:\n  - id: s1\n    applications: [a1, a2\n    level: transaksi\n", "4:10",
     "line 3 opens '[' and does not close it: end it with ']'; nothing in this file was read"),
    ("applications:\n  - id: a1\n    reads: [d1\n    writes: [d2]\n", "4:11",
     "line 3 opens '[' and does not close it: end it with ']'; nothing in this file was read"),
    ("units:\n  - id: dinkes\n    name: \"Dinas Kesehatan\n    kind: dinas\n", "4:5",
     "line 3 opens a quote (\") and does not close it: end the text with \"; nothing in this "
     "file was read"),
    ("units:\n  - name: A\n    id: dinkes\n    kind: dinas\n    name: B\n", "5:5",
     "'name' is written twice at the same level, first on line 2: keep one; nothing in this "
     "file was read"),
    ("services:\n  - id: s1\n    name: 'Layanan [lama'\n     kind: public\n", "4:6",
     "check the indentation of line 4 against the lines above: keys that belong together "
     "start in the same column; nothing in this file was read"),
    ("services:\n  - id: s1\n    name: Aplikasi [beta\n     kind: public\n", "4:10",
     "check the indentation of line 4 against the lines above: keys that belong together "
     "start in the same column; nothing in this file was read"),
    ("services:\n  - id: s1\n    name: A\n# TODO [cek nama\n     kind: public\n", "5:6",
     "check the indentation of line 5 against the lines above: keys that belong together "
     "start in the same column; nothing in this file was read"),
])
def test_a_line_the_parser_cannot_place_says_what_to_check(runner, make_model, text, at, hint):
    root = make_model({"a.yaml": text})
    lines = _hint(runner, make_model, {"a.yaml": text})
    at_line = lines.index(next(line for line in lines if "SPBE-R001" in line))
    assert lines[at_line].startswith(f"{root}/a.yaml:{at}: error SPBE-R001 invalid YAML: ")
    assert lines[at_line + 1] == f"    hint: {hint}"


def test_an_indentation_hint_in_indonesian(runner, make_model):
    text = "applications:\n  - id: a1\n    name: A\n    kind: khusus\n     owner: dinkes\n"
    lines = _hint(runner, make_model, {"a.yaml": text}, "--lang", "id")
    assert "    saran: periksa indentasi baris 5 terhadap baris-baris di atasnya: kunci yang "\
        "sekelompok dimulai pada kolom yang sama; tidak ada isi berkas ini yang terbaca" in lines


ROADMAP = "roadmap:\n  - id: r1\n    name: R\n    year: 2026\n    changes:\n" \
    "      - {element: a1, set: {}}\n"


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["r.yaml:6:23: error SPBE-R003 changes.0.set: input should not be empty, got {}",
            "    hint: name each field to change with its new value, e.g. set: {status: active}"]),
    ("id", ["r.yaml:6:23: kesalahan SPBE-R003 changes.0.set: isian tidak boleh kosong, tertulis {}",
            "    saran: sebutkan setiap kolom yang diubah beserta nilai barunya, mis. set: "
            "{status: active}"]),
])
def test_an_empty_change_is_worded_in_the_language_asked(runner, make_model, lang, expected):
    root = make_model({"u.yaml": UNITS, "a.yaml": APP.format(field="status: active"),
                       "r.yaml": ROADMAP})
    result = runner.invoke(app, ["validate", str(root), "--lang", lang])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines()[:2] == [f"{root}/{expected[0]}", expected[1]]


@pytest.mark.parametrize(("lang", "hint", "otherwise"), [
    ("en", "    hint: write it 'simda-keu': an id is lowercase ASCII letters, digits, '.', '-' "
     "and '_'", "    hint: use lowercase ASCII letters, digits, '.', '-' and '_', e.g. 'dinkes'"),
    ("id", "    saran: tulis 'simda-keu': id terdiri atas huruf kecil ASCII, angka, '.', '-' dan "
     "'_'", "    saran: pakai huruf kecil ASCII, angka, '.', '-' dan '_', mis. 'dinkes'"),
])
def test_an_invalid_id_is_shown_in_its_valid_form(runner, make_model, lang, hint, otherwise):
    units = "units:\n  - {id: SIMDA-Keu, name: X, kind: dinas}\n  - {id: '-', name: Y}\n"
    lines = _hint(runner, make_model, {"u.yaml": units}, "--lang", lang)
    at = next(i for i, line in enumerate(lines) if "'SIMDA-Keu'" in line)
    assert lines[at + 1] == hint
    at = next(i for i, line in enumerate(lines) if line.endswith(" '-'"))  # no valid form
    assert lines[at + 1] == otherwise


MERGED = """\
units:
  - {id: dinkes, name: Dinkes, kind: dinas}
applications:
  - id: a1
    name: A1
    <<: &app {kind: khusus, owner: dinkes}
  - id: a2
    <<: *app
"""


def test_a_merge_key_is_one_finding(runner, make_model):
    """YAML 1.1's `<<:`: one finding for it, no 'unknown field' nor the fields it would give
    reported missing; a field it does not give still is."""
    root = make_model({"m.yaml": MERGED})
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 1, result.output
    def merge(at: str) -> list[str]:
        return [f"{root}/m.yaml:{at}: error SPBE-R004 merge keys ('<<: *name') are not "
                "supported: YAML 1.2 has none",
                "    hint: write the fields out in each element; an alias (*name) can still "
                "repeat a whole value, such as a list"]

    assert result.stdout.splitlines() == [
        *merge("6:5"),
        f"{root}/m.yaml:7:5: error SPBE-R005 missing required field 'name'",
        "    hint: add 'name:' (Display name (nama))",
        *merge("8:5"),
    ]


def test_a_text_where_a_mapping_is_expected_names_its_fields(runner, make_model):
    assessment = "assessment:\n  - {indicator: '1', year: 2024, level: 2, evidence: [Laporan " \
        "manajemen data]}\napplications:\n  - simpus\n"
    root = make_model({"p.yaml": assessment})
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == [
        f"{root}/p.yaml:2:55: error SPBE-R003 evidence.0: input should be a valid dictionary, "
        "got 'Laporan manajemen data'",
        "    hint: write a mapping with the fields title, link, year, e.g. {title: 'Laporan "
        "manajemen data'}",
        f"{root}/p.yaml:4:5: error SPBE-R003 element: input should be a valid dictionary, "
        "got 'simpus'",
        "    hint: write a mapping with the fields id, name, kind, owner, ...",
    ]


@pytest.mark.parametrize(("lang", "hint"), [
    ("en", "    hint: a service level is written by its name: 3 is 'transaksi'"),
    ("id", "    saran: tingkat layanan ditulis dengan namanya: 3 adalah 'transaksi'"),
])
def test_a_service_level_by_number_is_named(runner, make_model, lang, hint):
    services = "services:\n  - {id: s1, name: S, kind: public, owner: dinkes, level: 3}\n"
    lines = _hint(runner, make_model, {"s.yaml": services}, "--lang", lang)
    at = next(i for i, line in enumerate(lines) if line.endswith(" 3"))
    assert lines[at + 1] == hint


def test_an_aplikasi_umum_without_platform_is_told_the_one_its_name_matches(runner, make_model):
    apps = ("applications:\n  - {id: srikandi-kab, name: SRIKANDI Kabupaten, kind: umum, "
            "owner: dinkes}\n  - {id: simonev, name: SIMONEV, kind: umum, owner: dinkes}\n")
    result = runner.invoke(app, ["validate", str(make_model({"u.yaml": UNITS, "a.yaml": apps}))])
    lines = result.output.splitlines()
    assert "    hint: its name matches 'srikandi': add 'platform: srikandi'" in lines
    assert ("    hint: add 'platform:' with its national platform's id (`spbe-arch platforms "
            "NAME` finds it); one the catalog does not have, declare under 'platforms:' first"
            ) in lines  # SIMONEV: not in the catalog


def test_a_platform_declared_with_an_error_is_not_also_unknown(runner, make_model):
    """Its missing `kind:` is the one error, with the kinds to choose from; the application
    naming it is not told the platform is unknown."""
    files = {"a.yaml": APP.format(field="platform: simonev-prov").replace("khusus", "umum")
             + "platforms:\n  - {id: simonev-prov, name: SIMONEV, operator: Bappeda}\n"}
    lines = _hint(runner, make_model, files)
    assert not [line for line in lines if "SPBE-R010" in line]
    at = next(i for i, line in enumerate(lines) if "missing required field 'kind'" in line)
    assert lines[at + 1] == (
        "    hint: add 'kind:' (Jenis platform); one of: aplikasi_umum, aplikasi_pusat, "
        "gateway, network, data_centre, portal, service")


@pytest.mark.parametrize(("written", "meant"), [
    ("gubernur", "kepala_daerah"), ("Bupati", "kepala_daerah"), ("walikota", "kepala_daerah"),
    ("wali kota", "kepala_daerah"), ("setda", "sekretariat"),
    ("sekretariat jenderal", "sekretariat"), ("itjen", "inspektorat"), ("uptd", "upt"),
    ("puskesmas", "upt"), ("ditjen", "direktorat_jenderal"), ("Direktorat Jenderal",
                                                              "direktorat_jenderal"),
])
def test_a_unit_kind_in_its_usual_word_is_named(runner, make_model, written, meant):
    units = f"units:\n  - {{id: u1, name: U1, kind: {written}}}\n"
    lines = _hint(runner, make_model, {"v.yaml": units})
    at = next(i for i, line in enumerate(lines) if f"got '{written}'" in line)
    assert lines[at + 1] == f"    hint: did you mean '{meant}'?"


def test_the_units_of_a_province_and_a_ministry_have_their_kinds(runner, make_model):
    units = "".join(f"  - {{id: u{i}, name: U{i}, kind: {kind}}}\n" for i, kind in enumerate(
        ("biro", "direktorat_jenderal", "direktorat", "deputi", "pusat")))
    manifest = "instansi: {id: kkp, name: Kementerian Kelautan, level: kementerian}\n"
    root = make_model({"v.yaml": "units:\n" + units}, manifest=manifest)
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("collection", "written", "meant"), [
    ("applications", "pemilik: dinkes", "owner"), ("applications", "Unit Pemilik: dinkes", "owner"),
    ("units", "jenis: dinas", "kind"), ("units", "nama: Dinkes", "name"),
    ("units", "induk: setda", "parent"), ("applications", "keterangan: x", "description"),
    ("applications", "lokasi_server: pdd", "hosting"), ("services", "penyelenggara: dinkes",
                                                       "owner"),
    ("integrations", "sumber: a1", "source"), ("integrations", "mekanisme: splp", "via"),
    ("archimate_elements", "jenis: Capability", "type"),
])
def test_a_field_named_in_indonesian_is_named_in_english(runner, make_model, collection,
                                                         written, meant):
    element = f"{collection}:\n  - {{id: e1, {written}}}\n"
    lines = _hint(runner, make_model, {"e.yaml": element})
    word = written.split(":")[0]
    at = next(i for i, line in enumerate(lines) if line.endswith(f"unknown field '{word}'"))
    assert lines[at + 1] == (
        f"    hint: did you mean '{meant}'? put local extensions under 'properties:'")


def test_an_indonesian_word_for_a_field_the_element_lacks_gets_no_suggestion(runner,
                                                                             make_model):
    """`anggaran` is a roadmap item's budget; an application has none."""
    lines = _hint(runner, make_model, {"a.yaml": APP.format(field="anggaran: 5")})
    at = next(i for i, line in enumerate(lines) if "unknown field 'anggaran'" in line)
    assert lines[at + 1] == "    hint: put local extensions under 'properties:'"


def test_a_mistyped_field_still_gets_the_close_field(runner, make_model):
    lines = _hint(runner, make_model, {"a.yaml": APP.format(field="ownr: dinkes")})
    at = next(i for i, line in enumerate(lines) if "unknown field 'ownr'" in line)
    assert lines[at + 1] == (
        "    hint: did you mean 'owner'? put local extensions under 'properties:'")


@pytest.mark.parametrize(("written", "number"), [
    ("150.000.000", "150000000"), ("Rp 1.500.000.000", "1500000000"),
    ("2.500.000,50", "2500000.50"), ("Rp 150.000.000,-", "150000000"),
])
def test_a_number_with_thousands_separators_is_written_without(runner, make_model, written,
                                                               number):
    roadmap = f"roadmap:\n  - id: rm-a\n    name: A\n    year: 2027\n    budget: {written}\n"
    lines = _hint(runner, make_model, {"r.yaml": roadmap})
    at = next(i for i, line in enumerate(lines) if f"got '{written}'" in line)
    assert lines[at + 1] == f"    hint: write the number without thousands separators: {number}"


def test_one_id_where_a_list_is_expected_is_shown_as_a_list(runner, make_model):
    lines = _hint(runner, make_model, {"a.yaml": APP.format(field="reads: data-pegawai")})
    at = next(i for i, line in enumerate(lines) if "'data-pegawai'" in line)
    assert lines[at + 1] == "    hint: write a list, even of one item: [data-pegawai]"


@pytest.mark.parametrize(("lang", "hint"), [
    ("en", "    hint: add 'owner:' (Owning unit (unit pemilik aplikasi))"),
    ("id", "    saran: tambahkan 'owner:' (unit pemilik aplikasi)"),
])
def test_a_missing_field_is_described_in_the_language_asked(runner, make_model, lang, hint):
    """The descriptions give the English, then the Indonesian in brackets: Indonesian hints
    quote the Indonesian only."""
    app_ = "applications:\n  - {id: a1, name: A1, kind: khusus}\n"
    lines = _hint(runner, make_model, {"a.yaml": app_}, "--lang", lang)
    at = next(i for i, line in enumerate(lines) if "'owner'" in line)
    assert lines[at + 1] == hint
