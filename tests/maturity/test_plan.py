"""The plan: ranked one-level steps whose gains add up to the plan's reach."""

import pytest
from conftest import EXAMPLE, ROOT

from spbe_arch.graph import build_graph
from spbe_arch.maturity import assess, load_framework
from spbe_arch.maturity.index import index
from spbe_arch.validate import load_model

FRAMEWORK = load_framework()
MINI = ROOT / "tests" / "maturity" / "frameworks" / "mini.yaml"

MODEL = """\
units:
  - {id: dinkes, name: Dinas Kesehatan, kind: dinas}
  - {id: diskominfo, name: Diskominfo, kind: dinas}
applications:
  - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes}
  - {id: satu-data-kab, name: Satu Data, kind: khusus, owner: diskominfo}
services:
  - {id: svc-kesehatan, name: Kesehatan, kind: public, owner: dinkes,
     applications: [simpus], level: transaksi, indicator: 3}
integrations:
  - {id: int-a, source: simpus, target: satu-data-kab, via: api_direct}
  - {id: int-b, source: satu-data-kab, target: satusehat, via: splp}
"""


def _after(result) -> dict[str, int]:
    levels = {r.id: r.level for r in result.indicators}
    for step in result.plan:
        assert levels[step.indicator] == step.from_level
        levels[step.indicator] = step.to_level
    return levels


@pytest.fixture
def mini_model(make_model):
    return build_graph(load_model(make_model({"model.yaml": MODEL})).architecture)


def test_plan_gains_add_up_to_the_reach(mini_model):
    result = assess(mini_model, MINI, target=3.5)
    framework = load_framework(MINI)
    assert result.plan_reach == pytest.approx(
        result.index + sum(s.index_gain for s in result.plan), abs=1e-12
    )
    assert index(framework, _after(result)) == pytest.approx(result.plan_reach, abs=1e-12)


def test_plan_mini_framework_steps_are_exact(mini_model):
    result = assess(mini_model, MINI, target=3.5)
    # two applications: the structure shows at most level 2. Levels now: 1 unrated (1),
    # 2 SPLP (model 2), 3 service claimed transaksi but simpus states no data (2), 4 unrated (1)
    assert result.index == pytest.approx((1 * 1 + 3 * 2 + 4 * 2 + 2 * 1) / 10)
    steps = [(s.indicator, s.from_level, s.to_level, s.index_gain, s.effort, s.caps)
             for s in result.plan]
    assert steps == [
        ("3", 2, 3, 0.4, "medium", True),  # a model gap holds the claim down: first
        ("2", 2, 3, 0.3, "medium", False),  # 0.3 / 2 points
        ("1", 1, 2, 0.1, "low", False),  # 0.1 / 1 point
        ("1", 2, 3, 0.1, "low", False),
        ("3", 3, 4, 0.4, "high", False),  # to the top level: high, 0.4 / 4
        ("2", 3, 4, 0.3, "high", False),
        ("4", 1, 2, 0.2, "high", False),  # the framework's hint: high, 0.2 / 4
    ]
    assert result.plan[0].actions == (
        "record the data simpus read and write (`reads:`, `writes:`)",
        "document level 3 (Transaksi) with bukti dukung and record it: an assessment entry for "
        "indicator 3 at level 3 naming them under `evidence:` (or the evaluator's verified "
        "level)",
    )
    assert result.plan[1].actions[0] == (
        "route 1 integration between units through SPLP (via: splp): int-a"
    )
    assert (result.plan_reach, result.plan_predikat) == (pytest.approx(3.5), "Unggul")


def test_plan_stops_once_the_target_is_reached(mini_model):
    result = assess(mini_model, MINI, target=2.6)
    assert len(result.plan) == 4
    assert result.plan_reach >= 2.6 > result.plan_reach - result.plan[-1].index_gain


def test_plan_max_steps_cuts_the_plan(mini_model):
    result = assess(mini_model, MINI, target=3.5, max_steps=2)
    assert [(s.indicator, s.to_level) for s in result.plan] == [("3", 3), ("2", 3)]
    assert result.plan_reach == pytest.approx(1.7 + 0.4 + 0.3)


def test_plan_without_target_lists_the_next_step_of_every_indicator(mini_model):
    result = assess(mini_model, MINI)
    assert result.target is None and result.gap is None
    assert [(s.indicator, s.from_level) for s in result.plan] == [
        ("3", 2), ("2", 2), ("1", 1), ("4", 1),
    ]


def test_plan_assessment_below_model_step_is_a_low_effort_assessment_update(make_model):
    entry = "{indicator: 2, year: 2024, level: 1, framework: mini}"
    root = make_model({"model.yaml": MODEL, "a.yaml": f"assessment: [{entry}]\n"})
    result = assess(build_graph(load_model(root).architecture), MINI)
    step = next(s for s in result.plan if s.indicator == "2")
    assert (step.from_level, step.effort, step.actions) == (
        1, "low", ("assess indicator 2 at level 2 (Berkembang) with its bukti dukung",),
    )


def test_plan_on_the_example_ranks_model_gaps_first_then_gain_per_effort():
    result = assess(build_graph(load_model(EXAMPLE).architecture))
    caps = [s.caps for s in result.plan]
    assert caps == sorted(caps, reverse=True) and caps[0]
    ratios = [s.gain_per_effort for s in result.plan if not s.caps]
    assert ratios == sorted(ratios, reverse=True)
    assert {s.effort for s in result.plan} == {"low", "medium", "high"}
    assert result.plan_reach >= result.target
    assert index(FRAMEWORK, _after(result)) == pytest.approx(result.plan_reach, abs=1e-12)


def test_plan_never_only_edits_a_claim():
    result = assess(build_graph(load_model(EXAMPLE).architecture), target=5)
    for step in result.plan:
        assert step.actions, step
        assert not any(a.startswith("raise service") for a in step.actions) or any(
            not a.startswith("raise service") for a in step.actions), step
        assert not any("`level: optimum`" in a for a in step.actions), step
    optimum = [s for s in result.plan if s.indicator == "47" and s.to_level == 5]
    assert optimum[0].actions == (
        "document level 5 (Optimum) with bukti dukung and record it: an assessment entry for "
        "indicator 47 at level 5 naming them under `evidence:` (or the evaluator's verified "
        "level)",
    )


def test_plan_to_the_top_covers_every_missing_level():
    result = assess(build_graph(load_model(EXAMPLE).architecture), target=5)
    missing = sum(5 - r.level for r in result.indicators)
    assert len(result.plan) == missing
    assert result.plan_reach == pytest.approx(5.0, abs=1e-12)
    splp = [s for s in result.plan if s.indicator == "18"]
    assert [(s.from_level, s.to_level) for s in splp] == [(2, 3), (3, 4), (4, 5)]
    assert splp[0].actions == (
        "route 9 integrations between units through SPLP (via: splp): int-bencana-satu-data, "
        "int-gis-satu-data, int-jdih-ppid, int-lapor-epengawasan, int-satusehat-satu-data, "
        "int-silh-satu-data, int-simbg-simpel-izin, int-simpeg-eoffice, int-sitani-satu-data",
    )
    assert splp[1].actions[0] == (
        "route 3 integrations with national platforms through SPLP (via: splp): "
        "int-dapodik-nasional, int-jdih-jdihn, int-simrs-satusehat"
    )
    assert splp[1].actions[1].startswith("document level 4 (Terpadu dan Terukur) with bukti")


NETWORKED = """\
units:
  - {id: dinkes, name: Dinas Kesehatan, kind: dinas, networks: [jip]}
  - {id: diskominfo, name: Diskominfo, kind: dinas, networks: [jip]}
applications:
""" + "".join(
    f"  - {{id: app-{n}, name: App {n}, kind: khusus, owner: dinkes}}\n" for n in range(5)
) + """\
assessment:
  - {indicator: 17, year: 2024, level: 3, verified: 2}
evaluations:
  - {year: 2024, title: Laporan Hasil Evaluasi SPBE Tahun 2024}
"""


def test_plan_step_the_model_and_the_claim_show_but_the_evaluator_did_not_says_what_earns_it(
    make_model,
):
    graph = build_graph(load_model(make_model({"model.yaml": NETWORKED})).architecture)
    result = assess(graph)
    rating = next(r for r in result.indicators if r.id == "17")
    assert (rating.self_level, rating.verified_level, rating.model_level) == (3, 2, 3)
    step = next(s for s in result.plan if s.indicator == "17")
    assert (step.from_level, step.to_level, step.effort) == (2, 3, "low")
    assert step.actions == (
        "document level 3 (Terdefinisi) with bukti dukung and record it: an assessment entry "
        "for indicator 17 at level 3 naming them under `evidence:` (or the evaluator's verified "
        "level)",)
