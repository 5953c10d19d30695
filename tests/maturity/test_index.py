"""Index arithmetic and predikat: published figures, band edges, the published CSV."""

import csv

import pytest
from conftest import ROOT

from spbe_arch.cli import app
from spbe_arch.maturity import load_framework
from spbe_arch.maturity.index import aspect_scores, domain_scores, index, predikat

LEVELS = ROOT / "tests" / "maturity" / "levels"
FRAMEWORK = load_framework()
MINI = load_framework(ROOT / "tests" / "maturity" / "frameworks" / "mini.yaml")


@pytest.mark.parametrize(
    ("levels_file", "expected", "band"),
    [
        ("kota-bengkulu-2023.yaml", 2.61, "Baik"),
        ("kab-pesisir-selatan-2021.yaml", 3.34, "Baik"),
        ("sangat-baik-edge.yaml", 3.5, "Sangat Baik"),
        ("kurang-1-79.yaml", 1.79, "Kurang"),
    ],
)
def test_index_of_a_levels_file_reproduces_the_published_figure(
    runner, make_model, levels_file, expected, band
):
    import json

    root = make_model({"assessment.yaml": (LEVELS / levels_file).read_text()})
    result = runner.invoke(app, ["maturity", str(root), "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["index"] == expected
    assert out["predikat"] == band
    assert {i["source"] for i in out["indicators"]} == {"verified"}
    assert out["indices"]["verified"] == out["indices"]["counted"] == out["index"]


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (5.0, "Memuaskan"),
        (4.2, "Memuaskan"),
        (4.1999999, "Memuaskan"),  # float noise on the edge
        (4.1995, "Sangat Baik"),
        (3.5, "Sangat Baik"),
        (3.4999999, "Sangat Baik"),
        (3.4986, "Baik"),  # Kab. Pacitan 2024: published 3.50, exact 3.4986, Baik
        (2.6, "Baik"),
        (2.5999999999999996, "Baik"),
        (2.5995, "Cukup"),
        (1.8, "Cukup"),
        (1.7999999, "Cukup"),
        (1.79, "Kurang"),
        (1.0, "Kurang"),
        (0.0, "Kurang"),
    ],
)
def test_predikat_band_edges(value, band):
    assert predikat(FRAMEWORK, value) == band


def test_index_on_the_edge_from_arithmetic_gets_the_upper_band():
    # 4.2 = every indicator at 4, plus 20 weight points: indicators 42-47 (3.0 each) at 5
    # lose 18, so add indicator 11 and... build it exactly instead:
    levels = {i.id: 4 for i in FRAMEWORK.indicators}
    for number in range(11, 19):  # 8 x 2.5 = +20 points
        levels[str(number)] = 5
    value = index(FRAMEWORK, levels)
    assert value == pytest.approx(4.2, abs=1e-12)
    assert predikat(FRAMEWORK, value) == "Memuaskan"


def test_index_divides_by_the_weight_sum_not_a_constant():
    # mini framework: weights 1, 3, 4, 2 (sum 10)
    assert index(MINI, {"1": 4, "2": 2, "3": 3, "4": 1}) == pytest.approx((4 + 6 + 12 + 2) / 10)


def test_index_domain_and_aspect_scores_are_weight_averages():
    levels = {"1": 4, "2": 2, "3": 3, "4": 1}
    assert domain_scores(MINI, levels) == pytest.approx({1: (4 + 6) / 4, 2: (12 + 2) / 6})
    assert aspect_scores(MINI, levels) == pytest.approx({1: 4.0, 2: 2.0, 3: 14 / 6})


def test_index_missing_indicator_counts_as_zero():
    assert index(MINI, {"3": 4}) == pytest.approx(1.6)


def _rows(shared):
    path = shared / "reference" / "spbe-results-2023-2024.csv"
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


DOMAIN_COLUMNS = ("d1_kebijakan", "d2_tata_kelola", "d3_manajemen", "d4_layanan")


def test_published_index_is_the_domain_weighted_sum(shared):
    weights = {d.id: d.weight / FRAMEWORK.total_weight for d in FRAMEWORK.domains}
    assert weights == pytest.approx({1: 0.13, 2: 0.25, 3: 0.165, 4: 0.455})
    rows = [r for r in _rows(shared) if all(r[c] for c in DOMAIN_COLUMNS) and r["index"]]
    assert len(rows) == 1234
    worst = 0.0
    for row in rows:
        scores = {n: float(row[c]) for n, c in enumerate(DOMAIN_COLUMNS, 1)}
        value = sum(weights[n] * scores[n] for n in scores)
        worst = max(worst, abs(value - float(row["index"])))
    # four domain scores and the index are each rounded to 2 decimals: at most 0.005 + 0.005
    assert worst <= 0.01


def test_published_predikat_matches_our_bands(shared):
    """The CSV's predikat follows our bands from its index, except 3 rows whose exact index is
    on the other side of an edge from the rounded one; those match the index recomputed from
    the exact domain sums (sum_levels / 10, 10, 11) and D4."""
    weights = {d.id: d.weight / FRAMEWORK.total_weight for d in FRAMEWORK.domains}
    mismatches = []
    for row in _rows(shared):
        if predikat(FRAMEWORK, float(row["index"])) != row["predikat"]:
            mismatches.append(row)
    assert [r["instansi"] for r in mismatches] == [
        "Pemerintah Kab. Nias Barat", "Pemerintah Kab. Pacitan", "Pemerintah Kab. Luwu",
    ]
    for row in mismatches:
        assert row["note"].startswith("predikat differs from rounded index")
        exact = (
            weights[1] * int(row["sum_levels_ind_1_10"]) / 10
            + weights[2] * int(row["sum_levels_ind_11_20"]) / 10
            + weights[3] * int(row["sum_levels_ind_21_31"]) / 11
            + weights[4] * float(row["d4_layanan"])
        )
        assert predikat(FRAMEWORK, exact) == row["predikat"]
