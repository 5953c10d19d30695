"""`spbe-arch portfolio --published`: the file as a spreadsheet saves it, and differences that
subtract the numbers shown."""

import json

import pytest
from portfolio_models import write_models

from spbe_arch.cli import app

RANKED = ["kab-alpha", "kota-beta", "kab-gamma"]


@pytest.fixture
def good(tmp_path):
    return write_models(tmp_path / "good", RANKED)


def _published(runner, models, csv, *args):
    result = runner.invoke(app, ["portfolio", str(models), "--published", str(csv),
                                 "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["published"]["compared"]


# As Indonesian Excel saves "CSV (semicolon delimited)": a BOM, semicolons, decimal commas,
# CRLF; and as an older Excel saves it, in Windows-1252.
INDONESIAN = ("year;instansi;index;d1_kebijakan;predikat;catatan\r\n"
              "2023;Pemerintah Kab. Alpha;3,01;3,40;Baik;évaluasi – ok\r\n"
              "2024;Kota Beta;1,99;2;Cukup;\r\n")


@pytest.mark.parametrize(("encoding", "name"), [("utf-8-sig", "hasil.csv"),
                                                ("cp1252", "hasil.csv"),
                                                ("utf-8", "hasil.txt")])
def test_published_csv_as_indonesian_excel_saves_it(runner, good, tmp_path, encoding, name):
    csv = tmp_path / name
    csv.write_bytes(INDONESIAN.encode(encoding))
    compared = _published(runner, good, csv)
    assert [(c["instansi"], c["published_name"], c["year"], c["published"], c["predikat"])
            for c in compared] == [
        ("kab-alpha", "Pemerintah Kab. Alpha", 2023, 3.01, "Baik"),
        ("kota-beta", "Kota Beta", 2024, 1.99, "Cukup"),
    ]
    assert [[(d["id"], d["published"]) for d in c["domains"]] for c in compared] == [
        [(1, 3.40)], [(1, 2.0)]
    ]


def test_published_tab_separated(runner, good, tmp_path):
    csv = tmp_path / "hasil.csv"
    csv.write_text("year\tinstansi\tindex\n2024\tKota Beta\t1.99\n", encoding="utf-8")
    assert [c["published"] for c in _published(runner, good, csv)] == [1.99]


def test_published_workbook(runner, good, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["year", "instansi", "index", "d1_kebijakan"])
    sheet.append([2024, "Kota Beta", 1.99, 2])
    book.save(tmp_path / "hasil.xlsx")
    [compared] = _published(runner, good, tmp_path / "hasil.xlsx")
    assert (compared["year"], compared["published"], compared["domains"][0]["published"]) == (
        2024, 1.99, 2.0)


def test_published_number_not_a_number_names_the_row(runner, good, tmp_path):
    csv = tmp_path / "hasil.csv"
    csv.write_text("year;instansi;index\n2024;Kota Beta;1,99\n2024;Kota Gamma;1.2.3\n",
                   encoding="utf-8")
    result = runner.invoke(app, ["portfolio", str(good), "--published", str(csv)])
    assert result.exit_code == 1, result.output
    assert (f"{csv}:3: index: '1.2.3' is not a number; write a number such as 3.04 or 3,04 "
            "(row left out)") in result.stdout


def test_published_difference_is_that_of_the_numbers_shown(runner, good, tmp_path):
    """The difference is computed from the estimate as shown (2 decimals), so the numbers on
    the line subtract: Gamma's 1.16 against a published 1.10 is +0.06."""
    csv = tmp_path / "hasil.csv"
    csv.write_text("year,instansi,index\n2024,Kabupaten Gamma,1.10\n", encoding="utf-8")
    result = runner.invoke(app, ["portfolio", str(good), "--format", "json"])
    gamma = {r["id"]: r for r in json.loads(result.stdout)["instansi"]}["kab-gamma"]
    assert round(gamma["index"], 2) == 1.16
    [compared] = _published(runner, good, csv)
    assert (compared["estimate"], compared["difference"], compared["provisional"]) == (
        1.16, 0.06, True)  # Gamma's index rests on fewer than half: said beside it
    text = runner.invoke(app, ["portfolio", str(good), "--published", str(csv)]).stdout
    assert ("  Pemerintah Kabupaten Gamma (Kabupaten Gamma, 2024): published 1.10, estimate "
            "1.16 (provisional), difference +0.06\n") in text
    indonesian = runner.invoke(app, ["portfolio", str(good), "--published", str(csv),
                                     "--lang", "id"]).stdout
    assert ("  Pemerintah Kabupaten Gamma (Kabupaten Gamma, 2024): dipublikasikan 1,10, "
            "estimasi 1,16 (sementara), selisih +0,06\n") in indonesian


def test_published_with_indonesian_headers(runner, good, tmp_path):
    csv = tmp_path / "hasil.csv"
    csv.write_bytes(INDONESIAN.replace("year;instansi;index", "Tahun;Nama Instansi;Indeks")
                    .encode("utf-8-sig"))
    compared = _published(runner, good, csv)
    assert [(c["instansi"], c["published"]) for c in compared] == [
        ("kab-alpha", 3.01), ("kota-beta", 1.99)]


def test_published_row_left_out_is_not_replaced_by_another_years(runner, good, tmp_path):
    """Kota Beta's estimate rates 2024; its 2024 row has a bad cell: it is not compared with
    its 2023 row instead (a year the line would name, easy to miss), it is not compared."""
    csv = tmp_path / "hasil.csv"
    csv.write_text("year;instansi;index\n2023;Kota Beta;1,50\n2024;Kota Beta;dua\n"
                   "2024;Kabupaten Gamma;1,10\n", encoding="utf-8")
    result = runner.invoke(app, ["portfolio", str(good), "--published", str(csv),
                                 "--format", "json"])
    assert result.exit_code == 1, result.output
    published = json.loads(result.stdout)["published"]
    assert [(c["instansi"], c["year"]) for c in published["compared"]] == [("kab-gamma", 2024)]
    assert "kota-beta" in published["unpublished"]
    # --year 2023 asks for a year Beta's entries do not cover (its estimate rates 2024): its
    # readable 2023 row is not compared with a 2024 estimate either
    result = runner.invoke(app, ["portfolio", str(good), "--published", str(csv),
                                 "--format", "json", "--year", "2023"])
    assert "kota-beta" not in [c["instansi"]
                               for c in json.loads(result.stdout)["published"]["compared"]]
    # with the row mended, the 2024 row is the one compared
    csv.write_text(csv.read_text().replace("dua", "2,00"))
    assert ("kota-beta", 2024) in [(c["instansi"], c["year"])
                                   for c in _published(runner, good, csv)]
