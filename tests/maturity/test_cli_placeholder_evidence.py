"""A bukti dukung that names no document ('-', 'ada', 'Tidak ada dokumen', 'Dokumen 1', an
address only) supports no level: `maturity` counts the entry as undocumented, and `validate`
warns with the file and line (SPBE-M010)."""

import json

import pytest

from spbe_arch.cli import app

APPS = "applications:\n" + "".join(
    f"  - {{id: a{n}, name: A{n}, kind: khusus, owner: dinkes}}\n" for n in range(6))
UNITS = "units:\n  - {id: dinkes, name: Dinas Kesehatan, kind: dinas}\n"


def _model(make_model, title: str):
    return make_model({"units.yaml": UNITS, "apps.yaml": APPS, "assessment.yaml": f"""\
        assessment:
          - indicator: 1
            year: 2025
            level: 4
            evidence:
              - {{title: {json.dumps(title)}}}
        """})


def _indicator_1(runner, model):
    result = runner.invoke(app, ["maturity", str(model), "--format", "json"])
    assert result.exit_code == 0, result.output
    return next(i for i in json.loads(result.stdout)["indicators"] if i["id"] == "1")


@pytest.mark.parametrize("title", ["-", "ada", "Tidak ada", "...", " terlampir ", "Tidak",
                                   "Belum", "Ada.", "nihil", "Tidak ada dokumen",
                                   "Belum ada SK", "Dokumen 1", "lampiran", "Screenshot",
                                   "Bukti dukung (terlampir)", "SPBE",
                                   "Dokumen pendukung indikator 12", "Bukti tingkat 4",
                                   "SK", "SK Bupati", "Laporan Tahunan", "Peraturan Bupati",
                                   "Perbup", "Scan SK.pdf", "Foto kegiatan", "Google Drive",
                                   "bukti_dukung_final_v2.docx", "menyusul", "Dalam proses",
                                   "Laporan Pelaksanaan Indikator 1 Tahun 2024"])
def test_a_placeholder_title_supports_no_level(runner, make_model, title):
    model = _model(make_model, title)
    one = _indicator_1(runner, model)
    assert (one["self"], one["counted"], one["source"]) == (4, 1, "none")
    assert f"claimed 4, its bukti dukung '{title}' name no document (SPBE-M010): 1 counts" \
        in one["why"]  # the title is quoted: "but I wrote one"
    result = runner.invoke(app, ["validate", str(model)])
    assert result.exit_code == 0, result.output  # a warning
    lines = result.output.splitlines()
    assert f"{model / 'assessment.yaml'}:6:10: warning SPBE-M010 assessment: bukti dukung " \
           f"'{title}' of indicator 1 (2025) names no document: it supports no level" in lines
    assert "    hint: write the document's title, e.g. 'Peraturan Bupati Nomor 12 Tahun 2022 " \
           "tentang Arsitektur SPBE', with its `link:` and `year:`" in lines


def test_an_address_for_a_title_is_told_to_go_under_link(runner, make_model):
    """Where the document is does not say which it is: the claim counts as undocumented."""
    model = _model(make_model, "https://jdih.lembahhijaukab.go.id/perbup-12-2022.pdf")
    assert _indicator_1(runner, model)["counted"] == 1
    bare = _model(make_model, "jdih.lembahhijaukab.go.id/perbup-12-2022.pdf")  # no scheme
    assert _indicator_1(runner, bare)["counted"] == 1
    result = runner.invoke(app, ["validate", str(model)])
    assert "    hint: write the document's title, e.g. 'Peraturan Bupati Nomor 12 Tahun 2022 " \
           "tentang Arsitektur SPBE', and its address under `link:`" in result.output.splitlines()


def test_the_example_title_is_the_instansi_s_own_regulation(runner, make_model):
    model = _model(make_model, "-")
    manifest = model / "spbe.yaml"
    manifest.write_text(manifest.read_text().replace("kabupaten", "provinsi"))
    result = runner.invoke(app, ["validate", str(model)])
    assert "    hint: write the document's title, e.g. 'Peraturan Gubernur Nomor 12 Tahun " \
           "2022 tentang Arsitektur SPBE', with its `link:` and `year:`" in result.output


@pytest.mark.parametrize("title", ["Laporan Penilaian Mandiri SPBE 2024", "LKE SPBE 2024",
                                   "Self-assessment 2024"])
def test_the_self_assessment_is_not_its_own_bukti_dukung(runner, make_model, title):
    model = _model(make_model, title)
    assert _indicator_1(runner, model)["counted"] == 1
    result = runner.invoke(app, ["validate", str(model)])
    assert "    hint: the self-assessment is the claim, not its bukti dukung: name the document " \
           "the level rests on, e.g. 'Peraturan Bupati Nomor 12 Tahun 2022 tentang Arsitektur " \
           "SPBE'" in result.output.splitlines()


@pytest.mark.parametrize("title", ["Peraturan Bupati Nomor 12 Tahun 2022 tentang Arsitektur "
                                   "SPBE", "Laporan Hasil Evaluasi SPBE 2023",
                                   "Self Assessment Indeks KAMI 2024",
                                   "SK Tim Evaluasi Mandiri SPBE 2024",
                                   "Peraturan Bupati Nomor 7 Tahun 2023 tentang Pedoman "
                                   "Penilaian Mandiri SPBE",
                                   "SK 12", "Screenshot SIMPUS",
                                   "SK_Tim_SPBE_2023.pdf", "Notulen rapat koordinasi",
                                   "Tanpa Kertas (Paperless) Policy"])
def test_a_document_named_supports_its_level(runner, make_model, title):
    model = _model(make_model, title)
    one = _indicator_1(runner, model)
    assert (one["self"], one["counted"], one["source"]) == (4, 4, "claim")
    result = runner.invoke(app, ["validate", str(model)])
    assert "SPBE-M010" not in result.output


def test_the_plan_asks_for_the_bukti_dukung_of_the_claim_there_is(runner, make_model):
    """Indicator 1 is claimed at 4 with no document: the plan's steps to 2, 3 and 4 ask for
    that entry's bukti dukung, not for an entry at each level (which there is already)."""
    model = _model(make_model, "-")
    result = runner.invoke(app, ["maturity", str(model), "--target", "4.5", "--format", "json"])
    steps = [s for s in json.loads(result.stdout)["plan"] if s["indicator"] == "1"]
    assert [s["to_level"] for s in steps] == [2, 3, 4]
    assert {a for s in steps for a in s["actions"]} == {
        "name the bukti dukung of indicator 1's assessment entry (2025, level 4) under its "
        "`evidence:` (title, link, year): a claim naming none counts only as far as the model "
        "shows"}


@pytest.mark.parametrize("title", ["Perbup 12/2022", "SK Bupati No. 45/2023", "RPJMD 2021-2026",
                                   "SK Tim Koordinasi SPBE", "SOP Layanan Pengaduan"])
def test_a_kind_of_document_with_its_number_or_subject_names_one(runner, make_model, title):
    assert _indicator_1(runner, _model(make_model, title))["counted"] == 4


@pytest.mark.parametrize(("title", "said"), [
    ("Rancangan Peraturan Bupati tentang Arsitektur SPBE",  # a draft is not in force
     "    hint: a draft is not in force and supports no level: name the document once it is "
     "enacted, e.g. 'Peraturan Bupati Nomor 12 Tahun 2022 tentang Arsitektur SPBE'"),
    ("Peraturan Bupati Nomor 3 Tahun 2026 tentang Arsitektur SPBE",  # no `year:`: the title's
     "warning SPBE-M007 assessment: bukti dukung 'Peraturan Bupati Nomor 3 Tahun 2026 tentang "
     "Arsitektur SPBE' of indicator 1 is dated 2026, after the evaluation year 2025"),
])
def test_a_title_that_supports_no_level_says_why(runner, make_model, title, said):
    model = _model(make_model, title)
    assert _indicator_1(runner, model)["counted"] == 1
    result = runner.invoke(app, ["validate", str(model)])
    assert any(said in line for line in result.output.splitlines()), result.output


@pytest.mark.parametrize(("year", "counted"), [
    ("2024-03-01", 4), ("01/03/2024", 4), ("Desember 2024", 4), ("2026-03-01", 1)])
def test_a_documents_year_written_as_a_date_gives_its_year(runner, make_model, year, counted):
    """The entry is of 2025: a document of 2024 supports it, one of 2026 does not (M007)."""
    model = _model(make_model, "Perbup Arsitektur SPBE")
    path = model / "assessment.yaml"
    path.write_text(path.read_text().replace('"Perbup Arsitektur SPBE"}',
                                             f'"Perbup Arsitektur SPBE", year: "{year}"}}'))
    assert _indicator_1(runner, model)["counted"] == counted
    result = runner.invoke(app, ["validate", str(model)])
    assert result.exit_code == 0 and ("SPBE-M007" in result.output) is (counted == 1)
