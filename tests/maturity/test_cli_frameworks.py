"""Frameworks as pemdas keep them: a 2018-style framework in the model folder, two years rated."""

import json
import shutil
from math import fsum

import pytest
from conftest import EXAMPLE, ROOT

from spbe_arch.cli import app

IDS = [str(n) for n in range(1, 35)] + ["35-1", "35-2", "35-3"]
WEIGHTS = {i: 2.0 if int(i.split("-")[0]) <= 10 else 2.2 if int(i.split("-")[0]) <= 19 else
           5.0 if "-" in i else 3.0 for i in IDS}
DOMAIN = {i: 1 if int(i.split("-")[0]) <= 10 else 2 if int(i.split("-")[0]) <= 19 else 3
          for i in IDS}


def _framework() -> str:
    """37 indicators (1-34, 35-1, 35-2, 35-3) in 3 domains, weights summing to 99.8."""
    lines = [
        "id: evaluasi-spbe-2018", "name: Evaluasi SPBE 2018 (Kota Contoh)",
        "levels:", *(f"  - {{level: {n}, name: Tingkat {n}}}" for n in range(1, 6)),
        "predikat:", "  - {name: Sangat Baik, min: 3.5}", "  - {name: Baik, min: 2.6}",
        "  - {name: Cukup, min: 1.8}", "  - {name: Kurang, min: 0}",
        "domains:",
        "  - {id: 1, name: Kebijakan Internal SPBE, weight: 20}",
        "  - {id: 2, name: Tata Kelola SPBE, weight: 19.8}",
        "  - {id: 3, name: Layanan SPBE, weight: 60}",
        "aspects:", *(f"  - {{id: {n}, domain: {n}, name: Aspek {n}}}" for n in (1, 2, 3)),
        "indicators:",
        *(f"  - {{id: {i}, domain: {DOMAIN[i]}, aspect: {DOMAIN[i]}, weight: {WEIGHTS[i]}, "
          f"name: Indikator {i}}}" for i in IDS),
    ]
    return "\n".join(lines) + "\n"


SELF = {2017: {i: 1 + n % 3 for n, i in enumerate(IDS)},
        2018: {i: 2 + n % 3 for n, i in enumerate(IDS)}}
VERIFIED = {2017: {i: max(1, level - (n % 2)) for n, (i, level) in enumerate(SELF[2017].items())},
            2018: {i: max(1, level - (n % 2)) for n, (i, level) in enumerate(SELF[2018].items())
                   if not i.startswith("35-")}}


def _assessment() -> str:
    rows = []
    for year in (2017, 2018):
        for i in IDS:
            verified = VERIFIED[year].get(i)
            extra = f", verified: {verified}" if verified is not None else ""
            rows.append(f"  - {{indicator: {i}, year: {year}, level: {SELF[year][i]}{extra}}}")
    return ("assessment:\n" + "\n".join(rows) + "\n"
            "evaluations:\n  - {title: Laporan Hasil Evaluasi SPBE 2017, year: 2017}\n"
            "  - {title: Laporan Hasil Evaluasi SPBE 2018, year: 2018}\n")


def _by_hand(levels: dict[str, int]) -> float:
    """Σ w·level / Σ w, an indicator without a level at the lowest level (1)."""
    return fsum(WEIGHTS[i] * levels.get(i, 1) for i in IDS) / fsum(WEIGHTS.values())


MANIFEST = """\
instansi:
  id: kota-contoh
  name: Pemerintah Kota Contoh
  level: kota
  framework: {framework}
"""


@pytest.fixture
def city(make_model):
    return make_model({
        "spbe.yaml": MANIFEST.format(framework="evaluasi-spbe-2018"),
        "frameworks/evaluasi-spbe-2018.yaml": _framework(),
        "penilaian.yaml": _assessment(),
    })


def _json(runner, *args, code=0):
    result = runner.invoke(app, ["maturity", *map(str, args), "--format", "json"])
    assert result.exit_code == code, result.output
    return json.loads(result.output)


def test_frameworks_2018_style_file_has_string_ids_and_weights_summing_to_99_8():
    assert fsum(WEIGHTS.values()) == pytest.approx(99.8)
    assert len(IDS) == 37 and {"35-2", "35-3"} <= set(IDS)


def test_frameworks_two_years_reproduce_the_hand_computed_index_of_each_column(runner, city):
    out = _json(runner, city)
    assert (out["framework"], out["year"], len(out["indicators"])) == (
        "evaluasi-spbe-2018", 2018, 37)
    # 2018: the three 35-x indicators have no verified level; their undocumented claims
    # (3, 4, 2) count for nothing: the lowest level
    counted = {2017: VERIFIED[2017],
               2018: {**VERIFIED[2018], **{i: 1 for i in IDS if i.startswith("35-")}}}
    assert [SELF[2018][i] for i in ("35-1", "35-2", "35-3")] == [3, 4, 2]
    for row in out["trajectory"]:
        year = row["year"]
        assert row["self"] == round(_by_hand(SELF[year]), 4)
        assert row["verified"] == round(_by_hand(VERIFIED[year]), 4)
        assert row["counted"] == round(_by_hand(counted[year]), 4)
        assert row["model"] is None  # the model shows nothing for a framework without rules
    assert [row["year"] for row in out["trajectory"]] == [2017, 2018]
    assert out["index"] == out["trajectory"][1]["counted"]
    earlier = _json(runner, city, "--year", 2017)
    assert earlier["index"] == round(_by_hand(VERIFIED[2017]), 4)
    indicator = next(i for i in earlier["indicators"] if i["id"] == "35-2")
    assert (indicator["self"], indicator["verified"], indicator["counted"]) == (
        SELF[2017]["35-2"], VERIFIED[2017]["35-2"], VERIFIED[2017]["35-2"])


def test_frameworks_text_shows_the_index_of_each_column(runner, city):
    result = runner.invoke(app, ["maturity", str(city), "--year", "2017"])
    assert result.exit_code == 0, result.output
    self_index, verified = _by_hand(SELF[2017]), _by_hand(VERIFIED[2017])
    assert (f"index by column: self-assessed {self_index:.2f}, verified {verified:.2f}, "
            f"model -, counted {verified:.2f}") in result.output


def test_frameworks_file_in_the_model_folder_is_not_read_as_model_data(runner, city):
    result = runner.invoke(app, ["validate", str(city)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("where", ["evaluasi-2018.yaml", "kerangka/evaluasi-2018.yaml"])
def test_frameworks_file_anywhere_in_the_model_folder_is_recognised(runner, make_model, where):
    root = make_model({
        "spbe.yaml": MANIFEST.format(framework=where),
        where: _framework(),
        "penilaian.yaml": _assessment(),
    })
    validated = runner.invoke(app, ["validate", str(root)])
    assert validated.exit_code == 0, validated.output
    assert _json(runner, root)["framework"] == "evaluasi-spbe-2018"


def test_frameworks_id_names_a_framework_file_at_the_top_of_the_model_folder(runner, make_model):
    root = make_model({
        "spbe.yaml": MANIFEST.format(framework="evaluasi-spbe-2018"),
        "evaluasi-spbe-2018.yaml": _framework(),
        "penilaian.yaml": _assessment(),
    })
    assert _json(runner, root)["year"] == 2018


def test_frameworks_path_in_the_manifest_resolves_from_the_model_folder(
    runner, make_model, tmp_path, monkeypatch
):
    (tmp_path / "kerangka").mkdir()
    (tmp_path / "kerangka" / "evaluasi-2018.yaml").write_text(_framework(), encoding="utf-8")
    root = make_model({
        "spbe.yaml": MANIFEST.format(framework="../kerangka/evaluasi-2018.yaml"),
        "penilaian.yaml": _assessment(),
    })
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    out = _json(runner, root)
    assert (out["framework"], out["year"]) == ("evaluasi-spbe-2018", 2018)


def test_frameworks_rating_an_assessment_against_another_framework_is_an_error(runner, city):
    out = _json(runner, city, "--framework", "permenpanrb-59-2020", code=1)
    findings = [f for f in out["findings"] if f["code"] == "SPBE-M006"]
    assert len(findings) == 2 * 37
    assert findings[0]["message"] == (
        "assessment: indicator 1 (2017) was assessed for framework 'evaluasi-spbe-2018', not "
        "for 'permenpanrb-59-2020' being rated"
    )
    assert (findings[0]["file"], findings[0]["line"]) == ("penilaian.yaml", 2)
    assert out["year"] is None and out["unrated"] == [str(n) for n in range(1, 48)]


def test_frameworks_report_takes_the_framework_option(runner, city, tmp_path):
    (city / "spbe.yaml").write_text(MANIFEST.format(framework="permenpanrb-59-2020"))
    (city / "penilaian.yaml").write_text(_assessment().replace(
        "year: 2017,", "year: 2017, framework: evaluasi-spbe-2018,").replace(
        "year: 2018,", "year: 2018, framework: evaluasi-spbe-2018,"))
    out = tmp_path / "laporan"
    result = runner.invoke(app, ["report", str(city), "-o", str(out), "--framework",
                                 "evaluasi-spbe-2018"])
    assert result.exit_code == 0, result.output
    markdown = (out / "report.md").read_text()
    assert "Kerangka evaluasi: Evaluasi SPBE 2018 (Kota Contoh), tahun penilaian 2018" in markdown
    verified = round(_by_hand(VERIFIED[2017]), 2)
    row = f"| 2017 | {round(_by_hand(SELF[2017]), 2):.2f} | {verified:.2f} | - |"
    assert row.replace(".", ",") in markdown  # the Indonesian report writes a decimal comma
    html = (out / "index.html").read_text()
    assert "Perkembangan indeks per tahun" in html and html.count("<svg") >= 2


def test_frameworks_report_with_an_unknown_framework_exits_2_and_writes_nothing(
    runner, city, tmp_path
):
    out = tmp_path / "laporan"
    result = runner.invoke(app, ["report", str(city), "-o", str(out), "--framework", "nope"])
    assert result.exit_code == 2, result.output
    assert "spbe-arch: kerangka 'nope' tidak dikenal" in result.output  # the report's Indonesian
    assert not (out / "index.html").exists()


def test_a_copy_of_the_shipped_framework_with_other_bands_is_warned(runner, tmp_path):
    """frameworks/permenpanrb-59-2020.yaml in the model folder: used, as the folder's come
    first; an exact copy says nothing, an edited one says it rates the model, not the law."""
    model = tmp_path / "model"
    shutil.copytree(EXAMPLE, model)
    (model / "frameworks").mkdir()
    copy = model / "frameworks" / "permenpanrb-59-2020.yaml"
    shutil.copy(ROOT / "models" / "frameworks" / "permenpanrb-59-2020.yaml", copy)
    assert "SPBE-M014" not in runner.invoke(app, ["validate", str(model)]).output
    copy.write_text(copy.read_text().replace("min: 3.5}", "min: 2.65}"), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(model)])
    assert result.exit_code == 0, result.output
    assert (f"{model / 'spbe.yaml'}:9:3: warning SPBE-M014 framework 'permenpanrb-59-2020' of "
            "the model folder differs from the shipped one of that id: its weights, levels and "
            "predikat bands rate this model, not the regulation's") in result.output.splitlines()
    rated = runner.invoke(app, ["maturity", str(model)])  # where the predikat is printed
    assert rated.output.count("warning SPBE-M014") == 1, rated.output
    report = runner.invoke(app, ["report", str(model), "-o", str(tmp_path / "r")])
    assert (tmp_path / "r" / "report.md").read_text().count("SPBE-M014") == 1, report.output
