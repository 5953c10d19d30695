"""Rating: model evidence against self-assessment, unrated indicators, assessment findings."""

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
integrations:
  - {id: int-a, source: simpus, target: satu-data-kab, via: api_direct}
  - {id: int-b, source: satu-data-kab, target: satusehat, via: splp}
"""


def _assess(make_model, assessment: str, *, framework=None, files=None):
    root = make_model({"model.yaml": MODEL, "assessment.yaml": assessment, **(files or {})})
    loaded = load_model(root)
    result = assess(build_graph(loaded.architecture), framework)
    return {r.id: r for r in result.indicators}, result.findings


def _where(findings):
    return [(f.location.file, f.location.line, f.location.column, f.code) for f in findings]


def test_rating_assessment_above_model_uses_the_lower_and_warns(make_model):
    ratings, findings = _assess(make_model, "assessment:\n  - {indicator: 18, level: 4}\n")
    rating = ratings[18]
    assert (rating.level, rating.source, rating.model_level, rating.assessed_level) == (
        2, "model+assessment", 2, 4,
    )
    assert rating.note == "self-assessed 4, model shows 2: the lower counts"
    assert _where(findings) == [("assessment.yaml", 2, 21, "SPBE-M004")]
    assert findings[0].message.startswith(
        "indicator 18 self-assessed at level 4 but the model shows level 2 (1 of 2 integrations"
    )
    assert findings[0].hint == (
        "route 1 integration between units through SPLP (via: splp): int-a"
    )


def test_rating_assessment_below_model_uses_the_assessment(make_model):
    ratings, findings = _assess(make_model, "assessment:\n  - {indicator: 20, level: 1}\n")
    assert (ratings[20].level, ratings[20].model_level) == (1, 3)
    assert ratings[20].note == "model shows 3, self-assessed 1: the lower counts"
    assert findings == []


def test_rating_assessment_above_the_rules_ceiling_is_not_a_disagreement(make_model):
    # collaboration shows at most level 3 from a model
    ratings, findings = _assess(make_model, "assessment:\n  - {indicator: 20, level: 5}\n")
    assert (ratings[20].level, ratings[20].source) == (5, "model+assessment")
    assert findings == []


def test_rating_unrated_indicators_get_the_lowest_level_with_source_none(make_model):
    ratings, _ = _assess(make_model, "assessment:\n  - {indicator: '19', level: 3}\n")
    assert (ratings[19].level, ratings[19].source) == (3, "assessment")
    assert (ratings[13].level, ratings[13].level_name, ratings[13].source) == (
        1, "Rintisan", "none",
    )
    assert (ratings[32].level_name, ratings[32].source) == ("Informasi", "none")


def test_rating_unknown_indicator_is_an_error_located_in_its_file(make_model):
    text = "assessment:\n  - {indicator: 1, level: 9}\n  - {indicator: 48, level: 2}\n"
    root = make_model({"model.yaml": MODEL, "assessment.yaml": "assessment: []\n",
                       "zz/more.yaml": text})
    loaded = load_model(root)
    findings = assess(build_graph(loaded.architecture)).findings
    assert _where(findings) == [("zz/more.yaml", 3, 6, "SPBE-M001")]
    assert findings[0].message == (
        "assessment: unknown indicator '48' in framework 'permenpanrb-59-2020'"
    )
    assert findings[0].severity == "error"


def test_rating_duplicate_assessment_uses_the_lower(make_model):
    text = "assessment:\n  - {indicator: 19, level: 4}\n  - {indicator: 19, level: 2}\n"
    ratings, findings = _assess(make_model, text)
    assert ratings[19].level == 2
    assert _where(findings) == [("assessment.yaml", 3, 6, "SPBE-M002")]


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
    assert ratings[18].model_level == 2


def test_rating_level_above_a_frameworks_levels_is_an_error(make_model):
    ratings, findings = _assess(make_model, "assessment:\n  - {indicator: 1, level: 5}\n",
                                framework=MINI)
    assert _where(findings) == [("assessment.yaml", 2, 20, "SPBE-M005")]
    assert ratings[1].source == "none"


def test_rating_severity_override_applies_to_maturity_codes(make_model):
    manifest = "instansi:\n  id: kab-uji\n  name: Kabupaten Uji\n  level: kabupaten\n" \
               "  severity: {SPBE-M004: off}\n"
    _, findings = _assess(make_model, "assessment:\n  - {indicator: 18, level: 4}\n",
                          files={"spbe.yaml": manifest})
    assert findings == []
