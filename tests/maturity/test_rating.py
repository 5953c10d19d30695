"""Rating: claims against what the model shows, verified levels, caps, assessment findings."""

import pytest
from conftest import ROOT

from spbe_arch.graph import build_graph
from spbe_arch.maturity import assess
from spbe_arch.validate import load_model

MINI = ROOT / "tests" / "maturity" / "frameworks" / "mini.yaml"

MODEL = """\
units:
  - {id: dinkes, name: Dinas Kesehatan, kind: dinas}
  - {id: diskominfo, name: Diskominfo, kind: dinas}
applications:
  - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes}
  - {id: satu-data-kab, name: Satu Data, kind: khusus, owner: diskominfo}
  - {id: sikda, name: SIKDA, kind: khusus, owner: dinkes}
  - {id: sipd-kab, name: SIPD, kind: khusus, owner: diskominfo}
  - {id: simpeg, name: SIMPEG, kind: khusus, owner: diskominfo}
integrations:
  - {id: int-a, source: simpus, target: satu-data-kab, via: api_direct}
  - {id: int-b, source: satu-data-kab, target: satusehat, via: splp}
"""
DOCUMENT = "    evidence:\n      - {title: Laporan Tim Koordinasi SPBE, link: https://example.go.id/laporan.pdf}\n"


def _assess(make_model, assessment: str, *, framework=None, files=None, year=None):
    root = make_model({"model.yaml": MODEL, "assessment.yaml": assessment, **(files or {})})
    loaded = load_model(root)
    assert loaded.ok, loaded.findings
    result = assess(build_graph(loaded.architecture), framework, year=year)
    return {r.id: r for r in result.indicators}, result.findings


def _where(findings):
    return [(f.location.file, f.location.line, f.location.column, f.code) for f in findings]


EVALUATIONS = {"evaluasi.yaml": """\
evaluations:
  - {year: 2023, title: Laporan Hasil Evaluasi SPBE Tahun 2023 Kabupaten Contoh}
  - {year: 2024, title: Laporan Hasil Evaluasi SPBE Tahun 2024 Kabupaten Contoh}
"""}
"""The evaluator's results the verified levels come from."""


def _entry(indicator, level, *, year=2024, verified=None, document=False) -> str:
    text = f"  - indicator: {indicator}\n    year: {year}\n    level: {level}\n"
    if verified is not None:
        text += f"    verified: {verified}\n"
    return text + (DOCUMENT if document else "")


def test_rating_claim_above_model_counts_the_model_and_warns(make_model):
    ratings, findings = _assess(make_model, "assessment:\n" + _entry(18, 4, document=True))
    rating = ratings["18"]
    assert (rating.self_level, rating.model_level, rating.level, rating.source) == (
        4, 2, 2, "model",
    )
    assert rating.why.endswith("claimed 4, the model shows 2: 2 counts")
    assert _where(findings) == [("assessment.yaml", 4, 5, "SPBE-M004")]
    assert findings[0].hint == "route 1 integration between units through SPLP (via: splp): int-a"


def test_rating_claim_below_model_counts_the_claim(make_model):
    ratings, findings = _assess(make_model, "assessment:\n" + _entry(20, 1))
    assert (ratings["20"].level, ratings["20"].model_level, ratings["20"].source) == (1, 3, "claim")
    assert "self-assessed 1, model shows 3: the lower counts" in ratings["20"].why
    assert findings == []


def test_rating_claim_without_documents_counts_only_what_the_model_shows(make_model):
    """19 has no model rule: its undocumented claim counts for nothing (lowest level,
    unrated); 20's counts as far as the model shows."""
    ratings, findings = _assess(make_model, "assessment:\n" + _entry(19, 4) + _entry(20, 5))
    assert (ratings["19"].level, ratings["19"].model_level, ratings["19"].source) == (
        1, None, "none")
    assert ratings["19"].why.endswith(
        "claimed 4, no bukti dukung is named in the entry's `evidence:` and the model shows "
        "nothing of it: 1 counts")
    assert (ratings["20"].level, ratings["20"].model_level) == (3, 3)
    assert [f.code for f in findings] == ["SPBE-M004", "SPBE-M004"]
    assert findings[0].hint == "name the bukti dukung under `evidence:` (title, link, year)"


def test_rating_documented_claim_above_the_rules_ceiling_counts(make_model):
    # collaboration shows at most level 3 from a model; a document earns more
    ratings, findings = _assess(make_model, "assessment:\n" + _entry(20, 5, document=True))
    assert (ratings["20"].level, ratings["20"].source) == (5, "claim")
    assert findings == []


def test_rating_verified_level_counts_whatever_the_claim_and_model(make_model):
    text = "assessment:\n" + _entry(18, 4, verified=3) + _entry(19, 2, verified=4)
    ratings, findings = _assess(make_model, text, files=EVALUATIONS)
    assert [(r.self_level, r.verified_level, r.model_level, r.level, r.source)
            for r in (ratings["18"], ratings["19"])] == [
        (4, 3, 2, 3, "verified"), (2, 4, None, 4, "verified"),
    ]
    assert ratings["18"].why.startswith("verified 3 (2024), self-assessed 4")
    assert ratings["18"].why.endswith("the model shows less than the evaluator verified: it "
                                      "leaves out what the evaluator saw, or the level has "
                                      "fallen since")  # model 2: a caution, not a change
    assert findings == []


@pytest.mark.parametrize("evaluations", ["", "evaluations:\n  - {year: 2023, title: Laporan "
                                         "Hasil Evaluasi SPBE 2023}\n",
                                         "evaluations:\n  - {year: 2024, title: '-'}\n"])
def test_rating_a_verified_level_from_no_evaluation_named_is_a_claim(make_model, evaluations):
    """No result named for the year (none, another year's, a placeholder title): the verified
    level counts as a claim, the lower of it and the level, held to the model and documents."""
    text = "assessment:\n" + _entry(18, 4, verified=5) + _entry(19, 4, verified=3)
    ratings, findings = _assess(make_model, text, files={"evaluasi.yaml": evaluations})
    assert [(r.self_level, r.verified_level, r.model_level, r.level, r.source)
            for r in (ratings["18"], ratings["19"])] == [
        (4, None, 2, 2, "model"), (3, None, None, 1, "none"),
    ]
    assert ratings["19"].why.startswith(
        "self-assessed 4 (2024); verified 3 written, from no evaluator's result named under "
        "`evaluations:`: counted as a claim of 3")
    m012 = [f for f in findings if f.code == "SPBE-M012"]
    where = [(f.location.file, f.location.line, f.message) for f in m012]
    if "'-'" in evaluations:  # the result written, its title no document: said there
        assert where == [("evaluasi.yaml", 2, "evaluations: the result of 2024 '-' names no "
                          "document: its 2 verified levels count as claims")]
    else:
        assert where == [("assessment.yaml", 5, "assessment: 2 verified levels of 2024 come "
                          "from no evaluator's result the model names: they count as claims")]
    assert m012[0].hint == ("name the result under `evaluations:`, e.g. `- {year: 2024, title: "
                            "Laporan Hasil Evaluasi SPBE Tahun 2024 Kabupaten Uji, link: ...}`")


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_rating_an_indicator_assessed_twice_keeps_the_verified_level_whichever_file(
        make_model, order):
    entries = [_entry(19, 3), _entry(19, 3, verified=2)]
    text = "assessment:\n" + entries[order[0]] + entries[order[1]]
    ratings, findings = _assess(make_model, text, files=EVALUATIONS)
    assert (ratings["19"].verified_level, ratings["19"].level) == (2, 2)
    assert [f.code for f in findings] == ["SPBE-M002"]


def test_rating_a_small_model_shows_at_most_level_2(make_model):
    small = MODEL.replace("  - {id: sipd-kab, name: SIPD, kind: khusus, owner: diskominfo}\n", "")
    ratings, _ = _assess(make_model, "assessment: []\n", files={"model.yaml": small})
    assert (ratings["20"].derivation.level, ratings["20"].model_level) == (3, 2)
    assert "the model has 4 active applications (fewer than 5): structure shows at most 2" \
        in ratings["20"].why
    documented, _ = _assess(make_model, "assessment:\n" + _entry(15, 5, document=True),
                            files={"model.yaml": small})  # documents lift the cap, not the rule
    assert (documented["15"].model_level, documented["15"].level) == (2, 3)
    assert documented["15"].why.endswith(
        "claimed 5, its rule shows 3 (bukti dukung lift the cap, not the rule): 3 counts")


def test_rating_unrated_indicators_get_the_lowest_level_with_source_none(make_model):
    ratings, _ = _assess(make_model, "assessment:\n" + _entry("'19'", 3, document=True))
    assert (ratings["19"].level, ratings["19"].source) == (3, "claim")
    assert (ratings["13"].level, ratings["13"].level_name, ratings["13"].source) == (
        1, "Rintisan", "none",
    )
    assert (ratings["32"].level_name, ratings["32"].source) == ("Informasi", "none")


def test_rating_years_are_rated_apart_and_the_latest_is_the_default(make_model):
    text = "assessment:\n" + _entry(19, 2, year=2023, verified=2) + _entry(19, 3, document=True)
    latest, _ = _assess(make_model, text, files=EVALUATIONS)
    earlier, _ = _assess(make_model, text, year=2023, files=EVALUATIONS)
    assert (latest["19"].level, latest["19"].verified_level) == (3, None)
    assert (earlier["19"].level, earlier["19"].verified_level) == (2, 2)


def test_rating_unknown_indicator_is_an_error_located_in_its_file(make_model):
    text = "assessment:\n  - {indicator: 1, year: 2024, level: 9}\n" \
           "  - {indicator: 48, year: 2024, level: 2}\n"
    root = make_model({"model.yaml": MODEL, "assessment.yaml": "assessment: []\n",
                       "zz/more.yaml": text})
    loaded = load_model(root)
    findings = assess(build_graph(loaded.architecture)).findings
    assert _where(findings) == [("zz/more.yaml", 2, 32, "SPBE-M005"),
                                ("zz/more.yaml", 3, 6, "SPBE-M001")]
    assert findings[1].message == (
        "assessment: unknown indicator '48' in framework 'permenpanrb-59-2020'"
    )
    assert findings[1].hint == "indicators: 1-47"
    assert findings[1].severity == "error"


def test_rating_duplicate_assessment_in_one_year_uses_the_lower(make_model):
    text = "assessment:\n" + _entry(19, 4, document=True) + _entry(19, 2, document=True) + (
        _entry(19, 3, year=2023))
    ratings, findings = _assess(make_model, text)
    assert ratings["19"].level == 2
    assert _where(findings) == [("assessment.yaml", 7, 5, "SPBE-M002")]


def test_rating_entry_for_another_framework_is_an_error_and_not_used(make_model):
    text = "assessment:\n  - {indicator: 1, year: 2024, level: 3, framework: mini, " \
           "evidence: [{title: Perbup 1/2024}]}\n" \
           "  - {indicator: 2, year: 2024, level: 2, evidence: [{title: Perbup 2/2024}]}\n"
    ratings, findings = _assess(make_model, text)
    assert (ratings["1"].source, ratings["2"].level) == ("none", 2)
    assert _where(findings) == [("assessment.yaml", 2, 42, "SPBE-M006")]
    assert findings[0].message == (
        "assessment: indicator 1 (2024) was assessed for framework 'mini', not for "
        "'permenpanrb-59-2020' being rated"
    )
    # spbe.yaml names no framework: an entry naming none is for the framework rated
    ratings, findings = _assess(make_model, text, framework=MINI)
    assert (ratings["1"].level, ratings["2"].level, findings) == (3, 2, [])
    manifest = "instansi:\n  id: kab-uji\n  name: Kabupaten Uji\n  level: kabupaten\n" \
               "  framework: permenpanrb-59-2020\n"
    ratings, findings = _assess(make_model, text, framework=MINI, files={"spbe.yaml": manifest})
    assert (ratings["1"].level, [f.code for f in findings]) == (3, ["SPBE-M006"])
    assert findings[0].hint == (
        "rate it with `--framework permenpanrb-59-2020`, or set `framework: mini` on entries "
        "made for it"
    )


def test_rating_service_with_a_non_service_indicator_is_warned(make_model):
    services = """\
services:
  - id: svc-a
    name: Layanan A
    kind: public
    owner: dinkes
    level: transaksi
    indicator: 18
"""
    ratings, findings = _assess(make_model, "assessment: []\n", files={"svc.yaml": services})
    assert _where(findings) == [("svc.yaml", 7, 5, "SPBE-M003")]
    assert findings[0].hint == "service indicators: 32-47"
    assert (ratings["18"].model_level, ratings["18"].self_level) == (2, None)


def test_rating_level_above_a_frameworks_levels_is_an_error(make_model):
    ratings, findings = _assess(
        make_model, "assessment:\n  - {indicator: 1, year: 2024, level: 5, framework: mini}\n",
        framework=MINI)
    assert _where(findings) == [("assessment.yaml", 2, 32, "SPBE-M005")]
    assert ratings["1"].source == "none"


def test_rating_severity_override_applies_to_maturity_codes(make_model):
    manifest = "instansi:\n  id: kab-uji\n  name: Kabupaten Uji\n  level: kabupaten\n" \
               "  severity: {SPBE-M004: off}\n"
    _, findings = _assess(make_model, "assessment:\n" + _entry(18, 4),
                          files={"spbe.yaml": manifest})
    assert findings == []
