"""An assessment entry for a year still to come (a typo: 2052 for 2025) is a warning
(SPBE-M011, in `validate` too), and `maturity` rates the latest year up to this one; the
trajectory of years assessed leaves it out."""

import json
from datetime import date

from spbe_arch.cli import app

UNITS = "units:\n  - {id: dinkes, name: Dinas Kesehatan, kind: dinas}\n"
TYPO = date.today().year + 26  # as 2052 was typed for 2025


def _model(make_model):
    return make_model({"units.yaml": UNITS, "assessment.yaml": f"""\
        assessment:
          - {{indicator: 1, year: 2024, level: 3, evidence: [{{title: Perbup 1/2022}}]}}
          - {{indicator: 2, year: 2024, level: 3, evidence: [{{title: Perbup 2/2022}}]}}
          - {{indicator: 11, year: {TYPO}, level: 3}}
        """})


def test_an_entry_for_a_year_to_come_is_warned_and_not_the_year_rated(runner, make_model):
    model = _model(make_model)
    result = runner.invoke(app, ["validate", str(model)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert (f"{model / 'assessment.yaml'}:4:21: warning SPBE-M011 assessment: indicator 11 "
            f"is assessed for {TYPO}, a year still to come") in lines
    assert (f"    hint: write the evaluation year (this year is {date.today().year}); plans "
            "for coming years belong in `roadmap:`") in lines
    out = json.loads(runner.invoke(app, ["maturity", str(model), "--format", "json"]).stdout)
    assert out["year"] == 2024
    assert [row["year"] for row in out["trajectory"]] == [2024]  # a year to come is no past
    assert "SPBE-M011" in {f["code"] for f in out["findings"]}


def test_a_year_to_come_draws_no_row_of_the_reports_trajectory(runner, make_model, tmp_path):
    model = _model(make_model)
    result = runner.invoke(app, ["report", str(model), "-o", str(tmp_path / "r")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "r" / "report.md").read_text(encoding="utf-8")
    assert "tahun penilaian 2024" in page and f"| {TYPO} |" not in page
