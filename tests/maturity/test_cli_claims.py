"""Claims against evidence from the user's side: raising claims alone never raises the index."""

import json
import re
import shutil

import pytest
from conftest import EXAMPLE

from spbe_arch.cli import app


def _json(runner, *args, code=0):
    result = runner.invoke(app, ["maturity", *map(str, args), "--format", "json"])
    assert result.exit_code == code, result.output
    return json.loads(result.output)


def _copy(tmp_path, name="model"):
    model = tmp_path / name
    shutil.copytree(EXAMPLE, model)
    return model


def _claim_services(model, level: str) -> int:
    changed = 0
    for path in (model / "layanan").glob("*.yaml"):
        text, count = re.subn(r"(?m)^(\s+level: )\w+$", rf"\g<1>{level}", path.read_text())
        path.write_text(text, encoding="utf-8")
        changed += count
    return changed


def _levels(out, *, domains):
    return {i["id"]: i["counted"] for i in out["indicators"] if i["domain"] in domains}


def test_claims_every_service_at_optimum_counts_as_every_service_at_kolaborasi(runner, tmp_path):
    optimum, kolaborasi = _copy(tmp_path, "optimum"), _copy(tmp_path, "kolaborasi")
    assert _claim_services(optimum, "optimum") == _claim_services(kolaborasi, "kolaborasi") == 37
    high, claimed = _json(runner, optimum), _json(runner, kolaborasi)
    assert high["index"] == claimed["index"] == 2.936
    assert high["indices"]["self"] > claimed["indices"]["self"]  # the claims differ...
    assert _levels(high, domains={4}) == _levels(claimed, domains={4})  # ...what counts does not
    assert max(_levels(high, domains={4}).values()) == 4
    svc = next(i for i in high["indicators"] if i["id"] == "42")
    assert (svc["self"], svc["model"], svc["counted"], svc["source"]) == (5, 3, 3, "model")
    assert svc["why"].endswith(
        "claimed 5, service 'svc-pengaduan' claims optimum, its structure shows transaksi "
        "(transaksi: no integration with another unit or instansi through SPLP): 3 counts"
    )


def test_claims_without_documents_count_only_what_the_model_shows(runner, tmp_path):
    """Every 2024 entry claims 5 and names no bukti dukung: where the model shows a level, that
    counts; where it shows nothing (the policy indicators), the lowest level, unrated."""
    model = _copy(tmp_path)
    (model / "evaluasi-2023.yaml").unlink()
    text = (model / "assessment.yaml").read_text()
    text = re.sub(r"(?m)^    level: \d$", "    level: 5", text)
    text = re.sub(r"(?ms)^    evidence:\n(      .*?\n)+", "", text)
    text = text.replace("    evidence: []\n", "")
    (model / "assessment.yaml").write_text(text, encoding="utf-8")
    _claim_services(model, "optimum")
    out = _json(runner, model)
    assert (out["indices"]["self"], out["index"]) == (3.96, 2.565)
    assert max(_levels(out, domains={1, 2, 3}).values()) == 3
    assert max(_levels(out, domains={4}).values()) == 4
    findings = [f for f in out["findings"] if f["code"] == "SPBE-M004"]
    assert len(findings) == 19  # every entry of the example's 2024 self-assessment
    first = next(i for i in out["indicators"] if i["id"] == "1")  # no model rule applies
    assert (first["self"], first["model"], first["counted"], first["source"]) == (
        5, None, 1, "none")
    assert findings[0]["message"] == (
        "indicator 1 self-assessed at level 5 for 2024: self-assessed 5 (2024); claimed 5, no "
        "bukti dukung is named in the entry's `evidence:` and the model shows nothing of it: 1 "
        "counts"
    )


def test_claims_without_any_assessment_reach_no_level_4_or_5_from_structure(runner, tmp_path):
    model = _copy(tmp_path)
    (model / "assessment.yaml").unlink()
    (model / "evaluasi-2023.yaml").unlink()
    _claim_services(model, "optimum")
    out = _json(runner, model)
    assert max(_levels(out, domains={1, 2, 3}).values()) == 3
    assert max(_levels(out, domains={4}).values()) == 4
    assert out["year"] is None and out["trajectory"] == []


def test_claims_documented_or_verified_levels_reach_4_and_5(runner, tmp_path):
    model = _copy(tmp_path)
    (model / "bukti.yaml").write_text("""\
assessment:
  - indicator: 11
    year: 2024
    level: 4
    evidence:
      - {title: Perbup Arsitektur SPBE 2025-2029, link: https://jdih.example.go.id/a.pdf}
  - {indicator: 47, year: 2024, level: 5, verified: 5}
evaluations:
  - {year: 2024, title: Laporan Hasil Evaluasi SPBE Tahun 2024 Kabupaten Lembah Hijau}
""", encoding="utf-8")
    out = _json(runner, model)
    counted = {i["id"]: (i["counted"], i["source"]) for i in out["indicators"]}
    assert (counted["11"], counted["47"]) == ((4, "claim"), (5, "verified"))


def test_claims_the_init_skeleton_has_no_indicator_above_level_2(runner, tmp_path):
    folder = tmp_path / "baru"
    result = runner.invoke(app, ["init", str(folder)])
    assert result.exit_code == 0, result.output
    out = _json(runner, folder)
    assert max(i["counted"] for i in out["indicators"]) == 2
    splp = next(i for i in out["indicators"] if i["id"] == "18")
    # the starter records no integration (an example in a comment): not known, not a level
    assert (splp["source"], splp["counted"]) == ("none", 1)
    assert splp["why"].startswith("insufficient data: integrations known for 0 of 2")


@pytest.mark.parametrize("option", ["--max-steps", "--year"])
def test_claims_options_of_the_maturity_command(runner, option):
    if option == "--max-steps":
        out = _json(runner, EXAMPLE, "--max-steps", 3)
        assert len(out["plan"]) == 3
        assert out["plan_reach"] == pytest.approx(
            out["index"] + sum(s["index_gain"] for s in out["plan"]), abs=1e-4)
    else:
        out = _json(runner, EXAMPLE, "--year", 2023)
        assert (out["year"], out["index"], out["predikat"]) == (2023, 2.313, "Cukup")
        assert out["indices"] == {"self": 2.7155, "verified": 2.313, "model": 2.31,
                                  "counted": 2.313}


def test_claims_a_year_without_assessment_exits_2(runner):
    result = runner.invoke(app, ["maturity", str(EXAMPLE), "--year", "2019"])
    assert result.exit_code == 2, result.output
    assert ("spbe-arch: no assessment entry for 2019 in framework 'permenpanrb-59-2020' "
            "(years assessed: 2023, 2024)") in result.output


def test_claims_example_trajectory_in_json_and_text(runner):
    out = _json(runner, EXAMPLE)
    assert out["trajectory"] == [
        {"year": 2023, "self": 2.7155, "verified": 2.313, "model": 2.31, "counted": 2.313,
         "predikat": "Cukup",
         "rest_on": {"self": 47, "verified": 47, "model": 28, "counted": 47}},
        {"year": 2024, "self": 2.4535, "verified": None, "model": 2.31, "counted": 2.681,
         "predikat": "Baik",
         "rest_on": {"self": 35, "verified": 0, "model": 28, "counted": 47}},
    ]
    text = runner.invoke(app, ["maturity", str(EXAMPLE)]).output
    assert re.search(r"│ 2023 │ 2\.72 +│ 2\.31 +│ 2\.31 +│ 2\.31 +│ Cukup +│", text)
    assert re.search(r"│ 2024 │ 2\.45 +│ - +│ 2\.31 +│ 2\.68 +│ Baik +│", text)


def test_claims_documents_dated_after_the_evaluation_year_support_nothing(runner, tmp_path):
    model = _copy(tmp_path)
    (model / "bukti.yaml").write_text("""\
assessment:
  - indicator: 11
    year: 2024
    level: 4
    evidence:
      - {title: Perbup Arsitektur SPBE 2025-2029, year: 2025}
""", encoding="utf-8")
    out = _json(runner, model)
    counted = next(i for i in out["indicators"] if i["id"] == "11")
    assert (counted["self"], counted["counted"]) == (4, 3)
    late = [f for f in out["findings"] if f["code"] == "SPBE-M007"]
    assert [(f["file"], f["line"], f["message"], f["hint"]) for f in late] == [(
        "bukti.yaml", 6,
        "assessment: bukti dukung 'Perbup Arsitektur SPBE 2025-2029' of indicator 11 is dated "
        "2025, after the evaluation year 2024: it does not support that year's level",
        "name a document of 2024 or before, or correct its year")]
    (model / "bukti.yaml").write_text(
        (model / "bukti.yaml").read_text().replace("year: 2025}", "year: 2024}"))
    assert next(i for i in _json(runner, model)["indicators"] if i["id"] == "11")["counted"] == 4


def test_claims_verified_levels_without_the_evaluators_result_count_as_claims(runner, tmp_path):
    """The example's 2023 levels with their `evaluations:` entry taken out: the verified
    column is empty, each level counts as a claim, and validate says where, once."""
    model = _copy(tmp_path)
    path = model / "evaluasi-2023.yaml"
    text = path.read_text()
    path.write_text(re.sub(r"(?ms)^evaluations:.*?(?=^assessment:)", "", text), encoding="utf-8")
    out = _json(runner, model, "--year", 2023)
    assert out["indices"]["verified"] is None
    assert {i["source"] for i in out["indicators"]} <= {"claim", "model", "none"}
    assert out["index"] < 2.313  # undocumented claims count as far as the model shows
    result = runner.invoke(app, ["validate", str(model)])
    assert result.exit_code == 0, result.output
    line = next(n for n, row in enumerate(path.read_text().splitlines(), start=1)
                if "verified:" in row)
    assert (f"{path}:{line}:42: warning SPBE-M012 assessment: 47 verified levels of 2023 come "
            "from no evaluator's result the model names: they count as claims") \
        in result.output.splitlines()
    assert [y["verified"] for y in _json(runner, model)["trajectory"]] == [None, None]


def _init_with_claims(runner, tmp_path, indicators, title):
    model = tmp_path / "model"
    assert runner.invoke(app, ["init", str(model), "--name", "Pemerintah Kota Uji"]).exit_code == 0
    (model / "penilaian.yaml").write_text("assessment:\n" + "".join(
        f"  - {{indicator: {i}, year: 2025, level: 5, evidence: [{{title: {title}, "
        "year: 2024}]}\n" for i in indicators), encoding="utf-8")
    return model


def test_claims_of_service_indicators_no_service_names_count_for_nothing(runner, tmp_path):
    """A service's level shows in its structure: claimed, documented, with no service naming
    the indicator, it counts at the lowest level, and says what to record."""
    model = _init_with_claims(runner, tmp_path, [42, 43], "Laporan Pengaduan SP4N-LAPOR 2024")
    indicators = {i["id"]: i for i in _json(runner, model)["indicators"]}
    assert (indicators["42"]["counted"], indicators["42"]["source"]) == (1, "none")
    assert ("claimed 5, no service of the model names indicator 42: a service's level shows in "
            "its structure, so record it (`indicator: 42`, its applications and integrations)"
            ) in indicators["42"]["why"]


def test_claims_one_document_for_many_indicators_is_warned_once(runner, tmp_path):
    model = _init_with_claims(runner, tmp_path, range(1, 12), "Laporan Tahunan Diskominfo 2024")
    result = runner.invoke(app, ["validate", str(model)])
    assert result.exit_code == 0, result.output
    assert (f"{model / 'penilaian.yaml'}:2:42: warning SPBE-M013 assessment: bukti dukung "
            "'Laporan Tahunan Diskominfo 2024' is named for 11 indicators of 2025 (1, 2, 3, 4, "
            "5, 6, 7, 8, 9, 10, 11): one document rarely shows that many") \
        in result.output.splitlines()
    ten = _init_with_claims(runner, tmp_path / "ten", range(1, 11), "Perbup 3/2024 tentang SPBE")
    assert "SPBE-M013" not in runner.invoke(app, ["validate", str(ten)]).output


def test_claims_a_year_still_to_come_is_not_rated(runner):
    result = runner.invoke(app, ["maturity", str(EXAMPLE), "--year", "2099"])
    assert result.exit_code == 2, result.output
    assert "spbe-arch: 2099 is a year still to come" in result.output


def test_claims_above_the_last_verified_level_on_the_documents_it_weighed_count_as_verified(
        runner, tmp_path):
    """Indicator 1: verified 3 in 2023 on the Perbup of 2022. Claimed 5 in 2024 on that same
    Perbup, 3 counts (the evaluator weighed it); a document of 2024 supports the claim."""
    model = _copy(tmp_path)
    path = model / "assessment.yaml"
    text = path.read_text()
    path.write_text(text.replace("  - indicator: 1\n    year: 2024\n    level: 3\n",
                                 "  - indicator: 1\n    year: 2024\n    level: 5\n", 1), "utf-8")
    one = next(i for i in _json(runner, model)["indicators"] if i["id"] == "1")
    assert (one["self"], one["counted"], one["source"]) == (5, 3, "claim")
    assert ("claimed 5, its bukti dukung are all of 2023 or before, when the evaluator verified "
            "3: nothing since shows more: 3 counts") in one["why"]
    results = model / "evaluasi-2023.yaml"  # the evaluator's result unnamed: its levels are
    kept = results.read_text()  # claims, and a lower level written down is not raised
    results.write_text(re.sub(r"(?ms)^evaluations:.*?(?=^assessment:)", "", kept), "utf-8")
    assert next(i for i in _json(runner, model)["indicators"] if i["id"] == "1")["counted"] == 3
    results.write_text(kept, "utf-8")
    path.write_text(path.read_text().replace(  # a document dated after 2024 supports nothing
        "        year: 2022\n", "        year: 2022\n      - {title: Peraturan Bupati Lembah "
        "Hijau Nomor 9 Tahun 2025 tentang Arsitektur SPBE, year: 2025}\n", 1), "utf-8")
    one = next(i for i in _json(runner, model)["indicators"] if i["id"] == "1")
    assert one["counted"] == 3
    result = runner.invoke(app, ["maturity", str(model)])  # SPBE-M004, with what to name
    assert "    hint: name a document from after 2023 that shows level 5 (with its `year:`)" \
        in result.output.splitlines()
    path.write_text(path.read_text().replace(
        "        year: 2022\n", "        year: 2022\n      - {title: Peraturan Bupati Lembah "
        "Hijau Nomor 2 Tahun 2024 tentang Perubahan Arsitektur SPBE, year: 2024}\n", 1), "utf-8")
    one = next(i for i in _json(runner, model)["indicators"] if i["id"] == "1")
    assert (one["counted"], one["source"]) == (5, "claim")
