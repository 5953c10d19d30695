"""`spbe-arch portfolio`: instansi ranked, totals, what shows across them, published results."""

import json
import re
import sys

import pytest
from conftest import ROOT
from portfolio_models import write_models

from spbe_arch.cli import app
from spbe_arch.model.i18n import round_half_up

RANKED = ["kab-alpha", "kota-beta", "kab-gamma"]


@pytest.fixture
def models(tmp_path):
    """The three instansi and the fourth with an error, in one folder."""
    return write_models(tmp_path / "models")


@pytest.fixture
def good(tmp_path):
    """Only the three instansi that can be assessed."""
    return write_models(tmp_path / "good", RANKED)


def _json(runner, *args):
    result = runner.invoke(app, ["portfolio", *map(str, args), "--format", "json"])
    return result, json.loads(result.stdout)


def test_portfolio_ranks_the_instansi_by_index_with_their_figures(runner, good):
    result, out = _json(runner, good)
    assert result.exit_code == 0, result.output
    rows = out["instansi"]
    assert [r["id"] for r in rows] == RANKED
    assert [r["rank"] for r in rows] == [1, 2, None]  # Gamma's index is provisional: no rank
    assert [(r["provisional"], r["rated"]["known"], r["predikat"] is None) for r in rows] == [
        (False, 25, False), (False, 25, False), (True, 8, True)]
    assert [r["year"] for r in rows] == [2024, 2024, None]  # the latest year assessed
    assert rows[0]["index"] > rows[1]["index"] > rows[2]["index"]
    figures = {r["id"]: (r["elements"], r["splp"]["part"], r["splp"]["total"], r["jip"]["part"],
                         r["jip"]["total"], r["services_unintegrated"]["part"],
                         r["services_unintegrated"]["total"], r["hosting_outside"]["part"],
                         r["hosting_outside"]["total"]) for r in rows}
    assert figures == {
        "kab-alpha": (10, 2, 3, 1, 2, 0, 0, 1, 2),
        "kota-beta": (10, 1, 2, 2, 2, 0, 0, 1, 3),
        "kab-gamma": (8, 1, 1, 1, 1, 1, 1, 2, 2),
    }
    assert rows[2]["completeness"]["all"] == {"known": 16, "of": 17}
    assert rows[1]["completeness"]["units.networks"] == {"known": 2, "of": 3}


def test_portfolio_rates_the_year_asked_where_the_entries_cover_it(runner, good):
    result, out = _json(runner, good, "--year", "2023")
    assert result.exit_code == 0, result.output
    rows = out["instansi"]
    assert [(r["id"], r["year"], r["other_year"], r["provisional"]) for r in rows] == [
        ("kota-beta", 2024, True, False), ("kab-alpha", 2023, False, True),
        ("kab-gamma", None, True, True)]  # Beta's entries do not cover 2023: not compared
    assert [r["rank"] for r in rows] == [None, None, None]
    assert rows[0]["index"] > rows[1]["index"] > rows[2]["index"]
    assert out["totals"]["mean_index"] is None
    assert out["totals"]["other_year"] == 1  # Gamma is provisional: said once, as that
    text = runner.invoke(app, ["portfolio", str(good), "--year", "2023"]).output
    assert ("rated for another year than 2023 (their assessment entries do not cover it: their "
            "latest year assessed), not ranked and left out of the mean: Pemerintah Kota Beta "
            "(2024)") in " ".join(text.split())


def test_portfolio_totals_and_totals_per_region(runner, good):
    result, out = _json(runner, good)
    assert result.exit_code == 0, result.output
    totals = out["totals"]
    assert totals["instansi"] == 3 and totals["elements"] == 28
    ranked = [r["index"] for r in out["instansi"] if not r["provisional"]]
    assert totals["mean_index"] == round_half_up(sum(ranked) / 2)  # Gamma's provisional aside
    assert sum(totals["predikat"].values()) == 2 and totals["provisional"] == 1
    assert list(totals["predikat"]) == ["Memuaskan", "Sangat Baik", "Baik", "Cukup", "Kurang"]
    assert (totals["splp"]["part"], totals["splp"]["total"]) == (4, 6)
    assert (totals["jip"]["part"], totals["jip"]["total"]) == (4, 5)
    assert (totals["hosting_outside"]["part"], totals["hosting_outside"]["total"]) == (4, 7)
    assert [(t["label"], t["instansi"], t["elements"]) for t in out["regions"]] == [
        ("Provinsi Dua", 1, 8), ("Provinsi Satu", 2, 20)
    ]


def test_a_region_written_several_ways_is_one_region(runner, good):
    """Trial: 'Provinsi Nusa Raya', 'Prov. Nusa Raya' and 'PROVINSI NUSA RAYA' gave three
    regions; one region, named as most write it."""
    manifest = good / "kota-beta" / "spbe.yaml"
    manifest.write_text(manifest.read_text().replace("region: Provinsi Satu",
                                                     "region: PROV.  SATU"))
    _, out = _json(runner, good)  # one each way: the first instansi's spelling
    assert [(t["label"], t["instansi"]) for t in out["regions"]] == [
        ("Provinsi Dua", 1), ("Provinsi Satu", 2)]
    manifest.write_text(manifest.read_text().replace("region: PROV.  SATU", "region: Satu"))
    _, out = _json(runner, good)  # the bare name too (re-trial)
    assert [(t["label"], t["instansi"]) for t in out["regions"]] == [
        ("Provinsi Dua", 1), ("Provinsi Satu", 2)]


def test_portfolio_finds_what_only_shows_across_instansi(runner, good):
    result, out = _json(runner, good)
    assert result.exit_code == 0, result.output
    assert out["duplicate_functions"] == [{
        "name": "SIMPUS",
        "matched_by": ["RAA code 'RAA.03.02'", "name 'SIMPUS'"],
        "instansi": ["kab-alpha", "kab-gamma", "kota-beta"],
        "applications": [{"instansi": "kab-alpha", "application": "simpus"},
                         {"instansi": "kab-gamma", "application": "sispus"},
                         {"instansi": "kota-beta", "application": "simpus"}],
    }]
    assert [(a["platform"], a["adopted"], a["not_recorded"]) for a in out["platform_adoption"]] == [
        ("srikandi", ["kab-alpha", "kab-gamma"], ["kota-beta"])
    ]
    assert out["integrations_between_instansi"] == {"part": 1, "total": 2, "value": 0.5,
                                                     "unknown": 0}
    assert out["bypassing_splp"] == [{
        "instansi": "kab-alpha", "integration": "simpus-portal-beta", "source": "simpus",
        "target": "portal-beta", "target_instansi": "kota-beta", "via": "api_direct",
    }]
    assert [(d["kind"], d["id"], d["instansi"], d["applications"])
            for d in out["shared_dependencies"]] == [
        ("data centre", "pdn", ["kab-alpha", "kab-gamma", "kota-beta"], 4),
        ("vendor", "ptawannusantara", ["kab-alpha", "kab-gamma"], 3),
    ]


def test_portfolio_says_a_platform_missing_from_a_model_is_not_recorded(runner, good):
    """kota-beta's model has no SRIKANDI instance or integration: that is not recorded, not
    "not used" (an inventory lists the pemda's own applications only)."""
    result = runner.invoke(app, ["portfolio", str(good), "--lang", "id"])
    assert result.exit_code == 0, result.output
    assert ("aplikasi umum nasional yang dipakai sebagian instansi dan tidak tercatat di model "
            "instansi lain (1)\n") in result.stdout
    assert "2 dari 3; tidak tercatat di model kota-beta\n" in result.stdout
    assert "tidak dipakai" not in result.stdout


def test_portfolio_text_shows_the_ranking_and_the_sections(runner, good):
    result = runner.invoke(app, ["portfolio", str(good)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    ranked = [(line.split("│")[1].strip(), line.split("│")[2].strip())
              for line in lines if line.startswith("│") and line.split("│")[1].strip()]
    assert ranked == [("1", "Pemerintah Kabupaten Alpha"), ("2", "Pemerintah Kota Beta"),
                      ("-", "Pemerintah Kabupaten Gamma")]
    assert ("provisional, not ranked and given no predikat (fewer than half of the indicators "
            "have a level of their own): Pemerintah Kabupaten Gamma (8 of 47)") in lines
    text = result.stdout
    assert ("  SIMPUS: 3 instansi (kab-alpha, kab-gamma, kota-beta); 3 applications; matched by "
            "RAA code 'RAA.03.02', name 'SIMPUS'\n") in text
    assert "  srikandi (Sistem Informasi Kearsipan Dinamis Terintegrasi (SRIKANDI)): 2 of 3; " \
           "not recorded in the model of kota-beta\n" in text
    assert ("integrations with systems other instansi run (declared under `platforms:`; national "
            "platforms aside): 1 of 2 (50%) via SPLP; bypassing SPLP (1)\n") in text
    assert ("  Pemerintah Kabupaten Alpha: simpus-portal-beta simpus -> portal-beta "
            "(Pemerintah Kota Beta) via direct API\n") in text
    assert ("  vendor PT Awan Nusantara (ptawannusantara): 2 instansi, 3 applications "
            "(kab-alpha, kab-gamma)\n") in text
    assert re.search(r"^all instansi: 3 instansi, 28 elements, mean index \d\.\d\d; predikat: "
                     r"Memuaskan \d, Sangat Baik \d, Baik \d, Cukup \d, Kurang \d; 1 instansi "
                     r"whose index is provisional left out of the mean and the predikat$", text,
                     re.M)
    assert result.stderr == ""


def test_a_model_with_errors_is_estimated_on_what_is_valid_not_ranked(runner, models):
    """Delta's application names a unit that does not exist: as `maturity` does, its index is
    estimated on what is valid, marked provisional and not ranked, its errors listed (trial:
    one typo dropped a whole kabupaten from the province's table)."""
    result = runner.invoke(app, ["portfolio", str(models)])
    assert result.exit_code == 1, result.output
    assert result.stderr == ("1 model has errors (they are listed): estimated on what is valid, "
                             "not ranked\n")
    delta = models / "kab-delta"
    assert (f"estimated on what is valid, not ranked: errors in the model (1)\n  {delta} "
            f"(Pemerintah Kabupaten Delta): 1 error\n    {delta}/model.yaml:4:52: error "
            "SPBE-R008 owner: 'dinkes-x' is not defined in the model\n") in result.stdout
    result, out = _json(runner, models)
    assert result.exit_code == 1
    assert [(r["id"], r["rank"], r["provisional"], [f["code"] for f in r["errors"]])
            for r in out["instansi"]] == [
        ("kab-alpha", 1, False, []), ("kota-beta", 2, False, []), ("kab-gamma", None, True, []),
        ("kab-delta", None, True, ["SPBE-R008"])]
    assert out["broken"] == []


def test_a_region_says_how_many_of_its_models_it_leaves_out(runner, models):
    manifest = models / "kab-delta" / "spbe.yaml"
    manifest.write_text(manifest.read_text() + "  region: Provinsi Dua\n")
    (models / "kab-delta" / "model.yaml").write_text("units: [\n")  # cannot be read
    result, out = _json(runner, models)
    assert result.exit_code == 1
    assert out["totals"]["left_out"] == 1
    assert {r["label"]: r["left_out"] for r in out["regions"]} == {
        "Provinsi Dua": 1, "Provinsi Satu": 0}
    text = runner.invoke(app, ["portfolio", str(models)]).stdout.splitlines()
    assert any(line.startswith("Provinsi Dua: ") and line.endswith(
        "; 1 model not assessed, left out; 1 instansi whose index is provisional left out of "
        "the mean and the predikat") for line in text)


def test_a_model_that_rates_no_indicator_is_not_ranked(runner, good):
    """A model of a manifest alone has an index of nothing (every indicator at the lowest
    level): ranking it 'Kurang' would pull its region's mean down with no fact."""
    empty = good / "kab-kosong"
    empty.mkdir()
    (empty / "spbe.yaml").write_text(
        "instansi: {id: kab-kosong, name: Kabupaten Kosong, level: kabupaten}\n")
    result, out = _json(runner, good)
    assert result.exit_code == 1
    assert [r["id"] for r in out["instansi"]] == RANKED
    assert out["totals"]["instansi"] == 3
    assert [(b["name"], b["reason"]) for b in out["broken"]] == [(
        "Kabupaten Kosong", "no indicator can be rated: nothing in the model supports a level "
        "(a self-assessed level needs its bukti dukung named, the model's own levels the "
        "elements their rules read); describe the architecture, or name the documents of the "
        "self-assessment")]


def test_a_model_with_errors_shows_its_first_errors_and_how_many_more(runner, models):
    delta = models / "kab-delta"
    (delta / "model.yaml").write_text("units:\n  - {id: dinkes, name: Dinkes, kind: dinas}\n"
                                      "applications:\n" + "".join(
        f"  - {{id: app-{n}, name: App {n}, kind: khusus, owner: dinkes-x}}\n"
        for n in range(8)))
    result = runner.invoke(app, ["portfolio", str(models)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert sum(": error SPBE-R008 " in line for line in lines) == 5
    assert f"    and 3 more: spbe-arch validate {delta}" in lines
    _, out = _json(runner, models)
    delta_row = next(r for r in out["instansi"] if r["id"] == "kab-delta")
    assert len(delta_row["errors"]) == 8  # JSON keeps them all


def test_a_path_given_that_holds_no_model_is_listed_and_the_others_compared(runner, good):
    """Trial (`portfolio kabkota/*` caught a README.md and a notes folder): one such argument
    lost the whole run, and 'no such folder' was said of a file that exists."""
    (good / "README.md").write_text("# Kabupaten/kota\n")
    (good / "catatan").mkdir()
    args = [good / "kab-alpha", good / "README.md", good / "catatan", good / "kota-betta"]
    result, out = _json(runner, *args)
    assert result.exit_code == 1, result.output
    assert [r["id"] for r in out["instansi"]] == ["kab-alpha"]
    assert [(b["path"], b["reason"]) for b in out["broken"]] == [
        (str(good / "README.md"), "a file, not a model folder; give model folders or folders "
                                  "holding them"),
        (str(good / "catatan"), "no model folder here (spbe.yaml in it, or in folders one "
                                "level down)"),
        (str(good / "kota-betta"), "no such folder; give model folders or folders holding "
                                   "them")]


def test_portfolio_without_a_model_folder_could_not_run(runner, tmp_path):
    (tmp_path / "empty" / "notes").mkdir(parents=True)
    result = runner.invoke(app, ["portfolio", str(tmp_path / "empty")])
    assert result.exit_code == 2, result.output
    assert result.stderr == (f"spbe-arch: {tmp_path / 'empty'}: no model folder here (spbe.yaml "
                             "in it, or in folders one level down)\n")


PUBLISHED = """\
year,kind,group,instansi,d1_kebijakan,d2_tata_kelola,d3_manajemen,d4_layanan,index,predikat
2023,pemda,Pemda Satu,Pemerintah Kab. Alpha,3.40,2.70,1.18,3.74,3.01,Baik
2022,pemda,Pemda Satu,KOTA  BETA,1.00,1.00,1.00,1.00,1.00,Kurang
2024,pemda,Pemda Satu,Kota Beta,2.00,2.50,1.00,2.00,1.99,Cukup
2024,pemda,Pemda Lain,Kabupaten Lain,2.00,2.00,2.00,2.00,2.00,Cukup
"""


def test_portfolio_sets_the_published_results_beside_the_estimates(runner, good, tmp_path):
    csv = tmp_path / "hasil.csv"
    csv.write_text(PUBLISHED, encoding="utf-8")
    result, out = _json(runner, good, "--published", csv)
    assert result.exit_code == 0, result.output
    estimates = {r["id"]: r for r in out["instansi"]}
    compared = out["published"]["compared"]
    assert [(c["instansi"], c["published_name"], c["year"], c["published"]) for c in compared] == [
        ("kab-alpha", "Pemerintah Kab. Alpha", 2023, 3.01), ("kota-beta", "Kota Beta", 2024, 1.99)
    ]
    assert out["published"]["unpublished"] == ["kab-gamma"]
    alpha = compared[0]
    assert alpha["estimate"] == estimates["kab-alpha"]["index"]
    assert alpha["difference"] == round(alpha["estimate"] - 3.01, 2)
    domains = estimates["kab-alpha"]["domains"]
    shown = [(d["id"], d["published"], d["estimate"], d["difference"]) for d in alpha["domains"]]
    assert shown == [
        (i, p, domains[str(i)], round(domains[str(i)] - p, 2))
        for i, p in zip((1, 2, 3, 4), (3.40, 2.70, 1.18, 3.74), strict=True)
    ]
    assert sum(alpha["domains"][0]["sources"].values()) == 10  # the ten policy indicators

    text = runner.invoke(app, ["portfolio", str(good), "--published", str(csv)]).stdout
    d1 = domains["1"]
    assert (f"  1 Kebijakan SPBE: published 3.40, estimate {d1:.2f}, difference {d1 - 3.40:+.2f}; "
            "estimate from ") in text
    assert "no published result: Pemerintah Kabupaten Gamma\n" in text


def test_portfolio_published_of_one_year(runner, good, tmp_path):
    csv = tmp_path / "hasil.csv"
    csv.write_text(PUBLISHED, encoding="utf-8")
    result, out = _json(runner, good, "--published", csv, "--year", "2022")
    assert result.exit_code == 0, result.output
    # Beta is rated for 2024 (its entries do not cover 2022): its 2022 result is not compared
    # with a 2024 estimate
    assert [r["other_year"] for r in out["instansi"] if r["id"] == "kota-beta"] == [True]
    assert out["published"]["compared"] == []
    assert "kota-beta" not in out["published"]["unpublished"]


def test_portfolio_published_file_without_its_columns_could_not_run(runner, good, tmp_path):
    csv = tmp_path / "hasil.csv"
    csv.write_text("year,instansi,d1_kebijakan\n2023,Kota Beta,1.0\n", encoding="utf-8")
    result = runner.invoke(app, ["portfolio", str(good), "--published", str(csv)])
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"spbe-arch: {csv}:1: missing column 'index'; the first line names the columns: year, "
        "instansi, index, d1_kebijakan, ... (predikat optional)\n")


def test_portfolio_published_row_not_a_number_is_left_out_and_said(runner, good, tmp_path):
    """One bad cell leaves its row out, says why, and exits 1; the other rows still count."""
    csv = tmp_path / "hasil.csv"
    csv.write_text("year,instansi,index,d1_kebijakan\n2023,Kota Beta,tiga,1.0\n"
                   "2023,Kabupaten Gamma,1.10,1.0\n", encoding="utf-8")
    result = runner.invoke(app, ["portfolio", str(good), "--published", str(csv)])
    assert result.exit_code == 1, result.output
    assert (f"{csv}:2: index: 'tiga' is not a number; write a number such as 3.04 or 3,04 "
            "(row left out)") in result.stdout
    assert result.stderr == ("1 row of the published file could not be read (it is listed); "
                             "the others are compared\n")
    result, out = _json(runner, good, "--published", csv)
    assert result.exit_code == 1
    assert [c["instansi"] for c in out["published"]["compared"]] == ["kab-gamma"]
    assert out["published"]["skipped"] == [
        f"{csv}:2: index: 'tiga' is not a number; write a number such as 3.04 or 3,04 "
        "(row left out)"]


def test_portfolio_against_the_published_2023_results(runner, tmp_path, shared):
    model = tmp_path / "oki"
    model.mkdir()
    (model / "spbe.yaml").write_text(
        "instansi: {id: kab-oki, name: Pemerintah Kabupaten Ogan Komering Ilir, "
        "level: kabupaten}\nassessment: [{indicator: 1, year: 2023, level: 3, evidence: "
        "[{title: Peraturan Bupati Nomor 1 Tahun 2022 tentang Kebijakan SPBE}]}]\n",
        encoding="utf-8")
    csv = shared / "reference" / "spbe-results-2023-2024.csv"
    result, out = _json(runner, model, "--published", csv, "--year", "2023")
    assert result.exit_code == 0, result.output
    [compared] = out["published"]["compared"]
    assert (compared["published_name"], compared["published"]) == (
        "Pemerintah Kab. Ogan Komering Ilir", 3.04)


def test_portfolio_html_is_one_page_with_search_and_sorting(runner, models, tmp_path):
    page = tmp_path / "portfolio.html"
    result = runner.invoke(app, ["portfolio", str(models), "--format", "html", "-o", str(page)])
    assert result.exit_code == 1, result.output
    assert result.stdout == f"wrote {page}\n"
    html = page.read_text(encoding="utf-8")
    [script] = re.findall(r"<script>(.*?)</script>", html, re.S)
    import base64
    import hashlib
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert 'id="search"' in html and html.count('class="sortable"') == 6
    assert html.index("Pemerintah Kabupaten Alpha") < html.index("Pemerintah Kota Beta")
    assert "SPBE-R008" in html and '<section id="errors">' in html
    again = runner.invoke(app, ["portfolio", str(models), "--format", "html", "-o", str(page)])
    assert again.exit_code == 2
    assert again.stderr == f"spbe-arch: {page}: already exists; use --force to overwrite it\n"


def test_portfolio_html_sorts_an_unknown_share_below_every_known_one(runner, good, tmp_path):
    """Alpha and Beta record no service: their share of unintegrated services is unknown and
    sorts apart from Gamma's 1 of 1, never as a 0 that would rank them best; hosting sorts by
    share, not count."""
    page = tmp_path / "portfolio.html"
    assert runner.invoke(app, ["portfolio", str(good), "--format", "html", "-o",
                               str(page)]).exit_code == 0
    ranking = page.read_text(encoding="utf-8").split('id="ranking-table"')[1].split("</table>")[0]
    keys = {row[0]: re.findall(r'data-sort="([^"]*)"', row[1]) for row in re.findall(
        r'<div class="mono">([a-z-]+)[^<]*</div>.*?</td>(.*?)</tr>', ranking, re.S)}
    services, hosting = {k: v[3] for k, v in keys.items()}, {k: v[4] for k, v in keys.items()}
    assert services == {"kab-alpha": "", "kota-beta": "", "kab-gamma": "1.0"}
    assert hosting == {"kab-alpha": "0.5", "kota-beta": "0.3333333333333333", "kab-gamma": "1.0"}


def test_portfolio_markdown(runner, good):
    result = runner.invoke(app, ["portfolio", str(good), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Portfolio of 3 instansi, 2 ranked\n\n| rank | instansi |")
    assert "\n| 1 | Pemerintah Kabupaten Alpha | kabupaten | 10 |" in result.stdout
    assert "\n## functions built by several instansi (1): " in result.stdout


def test_portfolio_over_a_split_province(runner, tmp_path):
    sys.path.insert(0, str(ROOT))
    from benchmarks.generate import generate, write_model

    folder = tmp_path / "province"
    summary = write_model(generate("province", seed=1, split=True), folder)
    result, out = _json(runner, folder)
    assert result.exit_code == 0, result.output
    assert len(out["instansi"]) == 21 and out["broken"] == []
    assert out["totals"]["elements"] == summary["elements"]
    assert out["integrations_between_instansi"]["total"] == 20


def test_a_province_naming_no_region_heads_the_region_of_its_name(runner, tmp_path):
    """Alpha made the Pemerintah Provinsi Dua, with no `region:`: it is counted in Gamma's
    'Provinsi Dua', not in a '(no region)' group of its own."""
    models = write_models(tmp_path / "models", ["kab-alpha", "kota-beta", "kab-gamma"])
    manifest = models / "kab-alpha" / "spbe.yaml"
    manifest.write_text("instansi:\n  id: prov-dua\n  name: Pemerintah Provinsi Dua\n"
                        "  level: provinsi\n", encoding="utf-8")
    result, out = _json(runner, models)
    assert result.exit_code == 0, result.output
    assert [(t["label"], t["instansi"]) for t in out["regions"]] == [
        ("Provinsi Dua", 2), ("Provinsi Satu", 1)]
    # of two regions its name holds, the longer: Provinsi Satu Utara, not Provinsi Satu
    manifest.write_text("instansi:\n  id: prov-satu-utara\n  name: Pemerintah Provinsi Satu "
                        "Utara\n  level: provinsi\n", encoding="utf-8")
    gamma = models / "kab-gamma" / "spbe.yaml"
    gamma.write_text(gamma.read_text(encoding="utf-8").replace("Provinsi Dua",
                                                               "Provinsi Satu Utara"))
    result, out = _json(runner, models)
    assert [(t["label"], t["instansi"]) for t in out["regions"]] == [
        ("Provinsi Satu", 1), ("Provinsi Satu Utara", 2)]
    # its kabupaten spell the region otherwise: the province heads it all the same (review)
    gamma.write_text(gamma.read_text(encoding="utf-8").replace("Provinsi Satu Utara",
                                                               "PROV. SATU UTARA"))
    result, out = _json(runner, models)
    assert [(t["label"], t["instansi"]) for t in out["regions"]] == [
        ("PROV. SATU UTARA", 2), ("Provinsi Satu", 1)]


def test_portfolio_says_what_was_claimed_what_is_ranked_and_what_is_not_recorded(runner, good):
    """Trial (a province's evaluator): the row did not show what an instansi claimed, the
    title said '3 instansi ranked' of which 2 were, a provisional index travelled without its
    label, and 'none recorded' of a model with no service read as 'none unintegrated'."""
    (good / "kab-alpha" / "klaim.yaml").write_text(  # a claim naming no bukti dukung
        "assessment:\n  - {indicator: 12, year: 2024, level: 4}\n")
    _, out = _json(runner, good)
    rows = {r["id"]: r for r in out["instansi"]}
    assert (rows["kab-alpha"]["self_assessed"], rows["kab-alpha"]["claims_cut"]) == (1.595, 1)
    assert (rows["kota-beta"]["self_assessed"], rows["kota-beta"]["claims_cut"]) == (1.39, 0)
    _, verified = _json(runner, good, "--year", "2023")  # Alpha's 2023 levels are verified:
    assert [r["claims_cut"] for r in verified["instansi"]  # lower than claimed, yet no cut
            if r["id"] == "kab-alpha"] == [0]
    assert (rows["kab-gamma"]["self_assessed"], rows["kab-gamma"]["claims_cut"]) == (None, 0)
    text = runner.invoke(app, ["portfolio", str(good)]).stdout
    assert text.startswith("portfolio: 3 instansi, 2 ranked by estimated index\n")
    markdown = runner.invoke(app, ["portfolio", str(good), "--format", "markdown"]).stdout
    gamma = next(line for line in markdown.splitlines() if "Kabupaten Gamma" in line)
    assert " (provisional) | - |" in gamma
    alpha = next(line for line in markdown.splitlines() if "Kabupaten Alpha" in line)
    cells = [cell.strip() for cell in alpha.split("|")]
    assert cells[8].startswith("self-assessed 1.60, 1 claim cut; ")  # 'index from' column
    assert cells[11] == "no services recorded"  # unintegrated services: it records none


def test_one_name_under_two_ids_is_said(runner, good):
    """Trial: the import named the instansi `kabupaten-sumber-rejo`, an officer typed
    `kab-sumber-rejo`: both were ranked, every application 'built by 2 instansi', unsaid."""
    import shutil

    twin = good / "kab-alpha-lama"
    shutil.copytree(good / "kab-alpha", twin)
    manifest = twin / "spbe.yaml"
    manifest.write_text(manifest.read_text().replace("id: kab-alpha", "id: kab-alpha-2").replace(
        "Pemerintah Kabupaten Alpha", "Kabupaten  ALPHA"))
    _, out = _json(runner, good)
    assert out["namesakes"] == [["kab-alpha-2", "kab-alpha"]]  # in the ranking's order
    assert not [f for f in out["duplicate_functions"]  # its applications: not built twice
                if set(f["instansi"]) == {"kab-alpha", "kab-alpha-2"}]
    text = runner.invoke(app, ["portfolio", str(good)]).stdout
    assert (f"one name under 2 ids, compared as 2 instansi: Kabupaten  ALPHA (kab-alpha-2, "
            f"{twin}), Pemerintah Kabupaten Alpha (kab-alpha, {good / 'kab-alpha'}); if they are "
            "one, give one of the folders") in text.replace("\n", " ")


def test_portfolio_as_an_excel_workbook_keeps_numbers_as_numbers(runner, good, tmp_path):
    """Trial (a province works in Excel): the ranking as a workbook, each figure a number a
    locale cannot misread; without -o it is refused (a workbook is no text)."""
    from openpyxl import load_workbook

    refused = runner.invoke(app, ["portfolio", str(good), "--format", "xlsx"])
    assert refused.exit_code == 2
    assert "an Excel workbook is a file: give -o FILE.xlsx" in refused.output
    book = tmp_path / "peringkat.xlsx"
    result = runner.invoke(app, ["portfolio", str(good), "--format", "xlsx", "-o", str(book),
                                 "--lang", "id"])
    assert result.exit_code == 0, result.output
    _, out = _json(runner, good)
    rows = list(load_workbook(book).active.iter_rows(values_only=True))
    assert rows[0][:8] == ("peringkat", "id", "instansi", "jenis instansi", "wilayah", "elemen",
                           "tahun", "indeks")
    assert [(r[0], r[1], r[7]) for r in rows[1:4]] == [
        (i["rank"], i["id"], round_half_up(i["index"], 3)) for i in out["instansi"]]
    assert rows[3][9] is True  # Gamma's index is provisional
    assert any(r[0] and str(r[0]).startswith("indikator tanpa tingkat") for r in rows[4:])
    (good / "README.md").write_text("# kabupaten\n")  # what is not ranked has a sheet
    runner.invoke(app, ["portfolio", str(good / "kab-alpha"), str(good / "README.md"),
                        "--format", "xlsx", "-o", str(book), "--force", "--lang", "id"])
    left = list(load_workbook(book)["tidak diperingkat"].iter_rows(values_only=True))
    assert left == [("folder", "instansi", "alasan"), (
        str(good / "README.md"), None,
        "sebuah berkas, bukan folder model; berikan folder model atau folder yang memuatnya")]
    text = runner.invoke(app, ["portfolio", str(good), "-o", str(tmp_path / "x.xlsx")])
    assert text.exit_code == 2 and "x.xlsx is a workbook's name: add --format xlsx" in (
        text.output)
