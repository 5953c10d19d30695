"""`spbe-arch maturity` from the user's side: the example model, formats, exit codes, changes."""

import json
import re
import shutil
import textwrap

import pytest
from conftest import EXAMPLE, ROOT

from spbe_arch.cli import app

MINI = ROOT / "tests" / "maturity" / "frameworks" / "mini.yaml"
CROSS_UNIT_BYPASSES = [
    "int-bencana-satu-data", "int-gis-satu-data", "int-jdih-ppid", "int-lapor-epengawasan",
    "int-satusehat-satu-data", "int-silh-satu-data",
    "int-simbg-simpel-izin", "int-simpeg-eoffice", "int-sitani-satu-data",
]
NATIONAL_BYPASSES = ["int-dapodik-nasional", "int-jdih-jdihn", "int-simrs-satusehat"]


def _json(runner, *args):
    result = runner.invoke(app, ["maturity", *map(str, args), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.fixture(scope="module")
def example():
    from typer.testing import CliRunner

    return _json(CliRunner(), EXAMPLE)


def _indicator(out, number):
    return next(i for i in out["indicators"] if i["id"] == str(number))


def test_maturity_example_index_predikat_gap(example):
    assert (example["framework"], example["year"]) == ("permenpanrb-59-2020", 2024)
    assert example["index"] == 2.681
    assert (example["predikat"], example["target"]) == ("Baik", 3.0)
    assert example["gap"] == 0.319  # rounded to 4 decimals, never 0.31899999999999995
    assert [(d["id"], d["weight"]) for d in example["domains"]] == [
        (1, 13), (2, 25), (3, 16.5), (4, 45.5),
    ]


def test_maturity_example_index_is_the_weighted_sum_of_the_shown_levels(example):
    indicators = example["indicators"]
    assert len(indicators) == 47
    total = sum(i["weight"] for i in indicators)
    assert example["index"] == pytest.approx(
        sum(i["weight"] * i["counted"] for i in indicators) / total, abs=1e-4
    )
    for domain in example["domains"]:
        mine = [i for i in indicators if i["domain"] == domain["id"]]
        assert domain["score"] == pytest.approx(
            sum(i["weight"] * i["counted"] for i in mine) / domain["weight"], abs=1e-4
        )


def test_maturity_example_splp_level_is_derived_with_its_evidence(example):
    splp = _indicator(example, 18)
    assert (splp["counted"], splp["source"], splp["model"], splp["self"]) == (2, "model", 2, None)
    (evidence,) = splp["evidence"]
    assert evidence["rule"] == "splp_integration"
    assert evidence["reason"] == (
        "24 of 46 integrations via SPLP; bypassing SPLP: 9 between units, 3 with national "
        "platforms"
    )
    assert set(CROSS_UNIT_BYPASSES + NATIONAL_BYPASSES) <= set(evidence["elements"])


def test_maturity_example_claims_come_from_assessment_entries_and_services(example):
    claims = {i["id"]: i["claim_by"] for i in example["indicators"]}
    assessed = [str(n) for n in (*range(1, 11), 13, 19, 21, *range(25, 31))]
    assert [n for n, by in claims.items() if by == "assessment"] == assessed
    assert [n for n, by in claims.items() if by and by.startswith("service")] == [
        str(n) for n in range(32, 48)
    ]
    assert example["unrated"] == []
    assert _indicator(example, 1)["evidence"][0]["documents"][0]["year"] == 2022


def test_maturity_example_plan_gains_add_up_and_close_the_gap(example):
    plan = example["plan"]
    assert plan, "the example is below its target"
    gained = sum(step["index_gain"] for step in plan)
    assert example["plan_reach"] == pytest.approx(example["index"] + gained, abs=1e-12)
    assert example["plan_reach"] >= example["target"]
    assert all(step["actions"] for step in plan)
    assert set(plan[0]) >= {"indicator", "from_level", "to_level", "index_gain", "actions"}


def _route_through_splp(tmp_path, ids):
    model = tmp_path / "model"
    shutil.copytree(EXAMPLE, model)
    changed = 0
    for path in model.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        for integration in ids:
            text, count = re.subn(
                rf"(- id: {re.escape(integration)}\n(?:    .*\n)*?    via: )\w+", r"\1splp", text
            )
            changed += count
        path.write_text(text, encoding="utf-8")
    assert changed == len(ids)
    return model


def test_maturity_routing_cross_unit_bypasses_through_splp_gains_one_step(
    runner, tmp_path, example
):
    splp = _indicator(example, 18)
    assert set(CROSS_UNIT_BYPASSES) <= set(splp["evidence"][0]["elements"])
    after = _json(runner, _route_through_splp(tmp_path, CROSS_UNIT_BYPASSES))
    assert (_indicator(after, 18)["counted"], _indicator(example, 18)["counted"]) == (3, 2)
    # services whose applications now reach another unit through SPLP show the kolaborasi
    # they claim: svc-pengaduan (int-lapor-epengawasan) and svc-jdih (int-jdih-ppid); the
    # open-data service stays at interaksi, its application writes no data
    assert [(n, _indicator(after, n)["counted"]) for n in (42, 43, 44)] == [(42, 4), (43, 2),
                                                                           (44, 4)]


def test_maturity_every_bypass_through_splp_shows_level_4_but_counts_3_without_documents(
    runner, tmp_path, example
):
    model = _route_through_splp(tmp_path, [*CROSS_UNIT_BYPASSES, *NATIONAL_BYPASSES])
    after = _indicator(_json(runner, model), 18)
    assert (after["evidence"][0]["level"], after["model"], after["counted"]) == (4, 3, 3)
    (model / "bukti.yaml").write_text(
        "assessment:\n  - indicator: 18\n    year: 2024\n    level: 4\n    evidence:\n"
        "      - {title: Laporan integrasi SPLP 2024, link: https://example.go.id/splp.pdf}\n",
        encoding="utf-8",
    )
    documented = _indicator(_json(runner, model), 18)
    assert (documented["self"], documented["counted"], documented["source"]) == (4, 4, "claim")


def test_maturity_example_service_step_names_the_integration_to_route(example):
    # svc-pengaduan claims kolaborasi; its application reaches another unit only around SPLP
    step = next(s for s in example["plan"] if s["indicator"] == "42")
    assert (step["from_level"], step["to_level"], step["effort"], step["caps"]) == (
        3, 4, "high", True)
    assert step["actions"] == [
        "route the integrations of sp4n-lapor-lembah-hijau through SPLP: int-lapor-epengawasan"
    ]


def test_maturity_example_service_the_model_shows_higher_is_a_documents_step(runner):
    # svc-perizinan claims transaksi; its structure shows kolaborasi
    out = _json(runner, EXAMPLE, "--target", "4.5")
    step = next(s for s in out["plan"] if s["indicator"] == "45")
    assert (step["from_level"], step["to_level"], step["effort"]) == (3, 4, "low")
    assert step["actions"] == [
        "the model's structure meets kolaborasi for service 'svc-perizinan', which records a "
        "lower level: set `level: kolaborasi` on it; its bukti dukung go in an assessment entry "
        "for indicator 45, under `evidence:`"
    ]


def test_maturity_unknown_framework_in_the_manifest_exits_2(runner, make_model):
    manifest = "instansi:\n  id: kab-uji\n  name: Kabupaten Uji\n  level: kabupaten\n" \
               "  framework: ipd-2026\n"
    result = runner.invoke(app, ["maturity", str(make_model({"spbe.yaml": manifest}))])
    assert result.exit_code == 2, result.output
    assert "spbe-arch: unknown framework 'ipd-2026'; shipped frameworks: permenpanrb-59-2020" \
        in result.output


def test_maturity_target_option_overrides_the_instansi_target(runner):
    out = _json(runner, EXAMPLE, "--target", "3.5")
    assert out["target"] == 3.5
    assert out["gap"] == pytest.approx(3.5 - out["index"], abs=1e-12)
    assert out["plan_reach"] >= 3.5


def test_maturity_text_shows_tables_and_plan(runner):
    result = runner.invoke(app, ["maturity", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    assert ("Pemerintah Kabupaten Lembah Hijau: indeks SPBE 2.68 (Baik) for 2024, target 3.00, "
            "gap 0.32" in result.output)
    assert ("index by column: self-assessed 2.45 (35 of 47 indicators), verified -, model 2.31 "
            "(28 of 47 indicators), counted 2.68; an indicator without a level in a column "
            "counts at level 1 there" in " ".join(result.output.split()))
    assert "4. Layanan SPBE (bobot 45.5) — 3.05" in result.output
    assert "plan: 11 steps, +0.320 -> 3.00 (Baik)" in result.output


def test_maturity_markdown(runner):
    result = runner.invoke(app, ["maturity", str(EXAMPLE), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# SPBE maturity: Pemerintah Kabupaten Lembah Hijau\n")
    assert ("| 18 | Penggunaan sistem penghubung layanan | 2.5 | - | - | 2 | 2 Terkelola | 24 of "
            "46 integrations via SPLP") in result.output
    assert "| 2023 | 2.72 | 2.31 | 2.31 | 2.31 | Cukup |" in result.output
    assert "## plan: 11 steps, +0.320 -> 3.00 (Baik)" in result.output


def test_maturity_other_framework_by_path(runner, make_model):
    out = _json(runner, make_model({}), "--framework", MINI)
    assert (out["framework"], len(out["indicators"]), out["index"]) == ("mini", 4, 1.0)
    assert out["year"] is None and out["trajectory"] == []
    assert out["predikat"] == "Kurang"


def test_maturity_model_errors_print_results_and_exit_1(runner, make_model):
    root = make_model({
        "apps.yaml": "applications:\n  - {id: simpus, name: SIMPUS, kind: khusus, owner: x}\n",
        "assessment.yaml": "assessment:\n  - {indicator: 48, year: 2024, level: 2}\n",
    })
    result = runner.invoke(app, ["maturity", str(root), "--format", "json"])
    assert result.exit_code == 1, result.output
    out = json.loads(result.stdout)
    assert "the index is provisional" in result.stderr
    assert [(f["code"], f["file"], f["line"], f["column"]) for f in out["findings"]] == [
        ("SPBE-R008", "apps.yaml", 2, 46), ("SPBE-M001", "assessment.yaml", 2, 6),
    ]
    # one isolated application without duplicates: the rule shows level 3, but a model of
    # fewer than five applications shows at most level 2
    assert (_indicator(out, 15)["evidence"][0]["level"], _indicator(out, 15)["counted"]) == (3, 2)
    assert out["index"] == 1.025


def test_maturity_text_lists_findings_with_locations(runner, make_model):
    root = make_model({"assessment.yaml":
                       "assessment:\n  - {indicator: 48, year: 2024, level: 2}\n"})
    result = runner.invoke(app, ["maturity", str(root)])
    assert result.exit_code == 1, result.output
    assert (f"{root}/assessment.yaml:2:6: error SPBE-M001 assessment: unknown indicator '48' in "
            "framework 'permenpanrb-59-2020'") in result.output


def test_maturity_unknown_framework_exits_2(runner, make_model):
    result = runner.invoke(app, ["maturity", str(make_model({})), "--framework", "nope"])
    assert result.exit_code == 2, result.output
    assert "spbe-arch: unknown framework 'nope'" in result.output


def test_maturity_missing_model_exits_2(runner, tmp_path):
    result = runner.invoke(app, ["maturity", str(tmp_path / "none")])
    assert result.exit_code == 2, result.output


def test_maturity_target_out_of_range_is_a_usage_error(runner):
    result = runner.invoke(app, ["maturity", str(EXAMPLE), "--target", "7"])
    assert result.exit_code == 2, result.output


def test_maturity_service_of_the_other_kind_is_warned_and_does_not_count(runner, make_model):
    """A public service named on an administration indicator (37: kearsipan dinamis) says
    nothing of it: SPBE-M009, from validate as from maturity, and indicator 37 keeps no
    service claim; the same service on a public indicator (42) counts."""
    services = """\
        units:
          - {id: dinkes, name: Dinas Kesehatan, kind: dinas}
        services:
          - id: svc-kesehatan
            name: Layanan Kesehatan
            kind: public
            owner: dinkes
            level: informasi
            indicator: 37
        """
    root = make_model({"layanan.yaml": services})
    validated = runner.invoke(app, ["validate", str(root)])
    assert validated.exit_code == 0, validated.output
    assert validated.output.splitlines()[:2] == [
        f"{root}/layanan.yaml:9:5: warning SPBE-M009 service 'svc-kesehatan' (kind: public) "
        "names indicator 37 (Layanan kearsipan dinamis), which rates administration services: "
        "its level does not count there",
        "    hint: name the indicator that rates this very service (42 Layanan pengaduan "
        "pelayanan publik; 43 Layanan data terbuka; 44 Jaringan Dokumentasi dan Informasi "
        "Hukum (JDIH); 45 Layanan publik sektor 1; 46 Layanan publik sektor 2; 47 Layanan "
        "publik sektor 3), or correct `kind:`",
    ]
    rated = _indicator(_json(runner, root), 37)
    assert (rated["self"], rated["claim_by"], rated["source"]) == (None, None, "none")
    (root / "layanan.yaml").write_text(textwrap.dedent(services).replace("37", "42"))
    assert runner.invoke(app, ["validate", str(root)]).output.count("SPBE-M009") == 0
    fitting = _indicator(_json(runner, root), 42)
    assert (fitting["self"], fitting["claim_by"]) == (1, "service 'svc-kesehatan'")


def test_maturity_headline_says_how_many_indicators_the_index_rests_on(runner, make_model):
    """Unknown is not absent: an indicator whose rule reads facts the model leaves out
    (hosting of 0 of 2 applications) is unrated, not model evidence, and the headline, the
    report's card and its note say on how many indicators the index rests."""
    root = make_model({"apps.yaml": """\
        units:
          - {id: dinkes, name: Dinkes, kind: dinas}
        applications:
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, status: active}
          - {id: simrs, name: SIMRS, kind: khusus, owner: dinkes, status: active}
        """})
    out = _json(runner, root)
    hosting = _indicator(out, 16)
    assert (hosting["source"], hosting["counted"]) == ("none", 1)
    assert hosting["why"].startswith("insufficient data: hosting known for 0 of 2")
    assert "16" in out["unrated"]
    rated = len(out["indicators"]) - len(out["unrated"])
    text = runner.invoke(app, ["maturity", str(root)])
    assert text.output.splitlines()[0].startswith(
        f"Kabupaten Uji: indeks SPBE 1.03 (provisional); resting on {rated} of 47 "
        "indicators")
    report = runner.invoke(app, ["report", str(root), "-o", str(root.parent / "lap")])
    assert report.exit_code == 0, report.output
    page = (root.parent / "lap" / "index.html").read_text()
    assert (f"berdasarkan {rated} dari 47 indikator; belum ada predikat sebelum separuh "
            "indikator memiliki tingkat</div>") in page
    assert '<div class="note">Selisih: -</div>' in page  # how far from the target: not known
    assert out["provisional"] is True
    targeted = runner.invoke(app, ["maturity", str(root), "--target", "3"])
    assert "(provisional), target 3.00; resting on" in " ".join(targeted.output.split())
    diff = runner.invoke(app, ["diff", str(root), str(root)])
    assert "index: 1.03 (provisional) -> 1.03 (provisional)" in diff.output
    assert "Estimasi dari model saja (tanpa penilaian mandiri)" in page


def test_splp_use_rests_on_the_mechanisms_recorded(runner, make_model):
    """Integrations an inventory lists with `via: unknown` say that applications exchange
    data, not whether through SPLP: with the mechanism of less than half known, indicator 18
    is unrated (insufficient data), not rated from the one that is known."""
    integrations = """\
        integrations:
          - {id: i1, source: simpus, target: simrs, via: splp}
          - {id: i2, source: simrs, target: simpus, via: unknown}
          - {id: i3, source: simpus, target: satusehat, via: unknown}
        """
    root = make_model({"apps.yaml": """\
        units:
          - {id: dinkes, name: Dinkes, kind: dinas}
        applications:
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes}
          - {id: simrs, name: SIMRS, kind: khusus, owner: dinkes}
        """, "int.yaml": integrations})
    splp = _indicator(_json(runner, root), 18)
    assert splp["source"] == "none"
    assert splp["why"].startswith(
        "insufficient data: integration mechanisms known for 1 of 3; 1 of 1 integrations via "
        "SPLP")
    (root / "int.yaml").write_text(
        textwrap.dedent(integrations).replace("i2, source: simrs, target: simpus, via: unknown",
                                              "i2, source: simrs, target: simpus, via: splp"))
    assert _indicator(_json(runner, root), 18)["source"] == "model"


def test_a_claim_without_bukti_dukung_does_not_rate_what_the_model_leaves_out(
        runner, make_model):
    """Indicator 18 rests on mechanisms the model does not record: a self-assessed 3 naming
    no bukti dukung counts at what the model shows, and the indicator stays unrated (the
    index does not rest on it)."""
    root = make_model({"apps.yaml": """\
        units:
          - {id: dinkes, name: Dinkes, kind: dinas}
          - {id: bapenda, name: Bapenda, kind: badan}
        applications:
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes}
          - {id: simpad, name: SIMPAD, kind: khusus, owner: bapenda}
        integrations:
          - {id: i1, source: simpus, target: simpad, via: unknown}
        """})
    before = _json(runner, root)
    (root / "penilaian.yaml").write_text(
        "assessment:\n  - {indicator: 18, year: 2025, level: 3}\n")
    after = _json(runner, root)
    splp = _indicator(after, 18)
    assert (splp["self"], splp["counted"], splp["source"]) == (3, 1, "none")
    assert "18" in after["unrated"]
    assert after["indices_rest_on"]["rated"]["counted"] == (
        before["indices_rest_on"]["rated"]["counted"])


def test_maturity_of_a_model_with_a_file_it_cannot_read_is_provisional(runner, tmp_path):
    """A tab in one file: its applications count for nothing, so the index is no headline."""
    model = tmp_path / "model"
    shutil.copytree(EXAMPLE, model)
    khusus = model / "aplikasi" / "khusus.yaml"
    text = khusus.read_text("utf-8")
    khusus.write_text(text.replace("  - id: simpel-izin", "\t- id: simpel-izin"), "utf-8")
    result = runner.invoke(app, ["maturity", str(model)])
    assert result.exit_code == 1, result.output
    assert (
        "provisional: 2 errors in the model (listed below); fix them before quoting this index"
    ) in result.stdout.splitlines()
    assert result.stderr == (f"{model}: the model has 2 errors; the index is provisional (run "
                             f"`spbe-arch validate {model}`)\n")
    clean = runner.invoke(app, ["maturity", str(EXAMPLE)])
    assert "provisional" not in clean.output
    plan = json.loads(runner.invoke(app, ["maturity", str(model), "--format", "json"]).stdout)
    first = [step["actions"][0] for step in plan["plan"]][:4]  # not 'realize it with an app'
    assert first == ["fix the syntax error of aplikasi/khusus.yaml first"] * 4


def test_maturity_names_the_services_whose_level_counts_for_no_indicator(runner, example):
    assert len(example["levels_for_no_indicator"]) == 21
    assert "svc-musrenbang" in example["levels_for_no_indicator"]
    counted = {i["claim_by"] for i in example["indicators"] if i.get("claim_by")}
    assert not counted & set(example["levels_for_no_indicator"])
    text = runner.invoke(app, ["maturity", str(EXAMPLE)]).stdout
    assert "21 services state a level for no indicator, so it counts for none: " in text


def test_no_application_is_said_isolated_while_a_file_cannot_be_read(runner, make_model):
    """Their integrations may be in the file that could not be read: indicator 15 does not
    call them integrated with nothing, and its next level waits for the file."""
    apps = "".join(f"  - {{id: a{n}, name: App {n}, kind: khusus, owner: dinkes}}\n"
                   for n in range(1, 6))
    chain = "".join(f"  - {{id: i{n}, source: a{n}, target: a{n + 1}, via: splp}}\n"
                    for n in range(1, 5))
    root = make_model({
        "apps.yaml": "units:\n  - {id: dinkes, name: Dinkes, kind: dinas}\napplications:\n"
                     + apps,
        "integrasi.yaml": "integrations:\n" + chain[chain.index("  - {id: i2"):],
        "integrasi-dinkes.yaml": "integrations:\n" + chain[:chain.index("  - {id: i2")],
    })

    def rated():
        result = runner.invoke(app, ["maturity", str(root), "--format", "json"])
        out = json.loads(result.stdout)
        steps = [step for step in out["plan"] if step["indicator"] == "15"]
        return _indicator(out, 15), steps[0]["actions"] if steps else []

    indicator, _actions = rated()
    assert indicator["evidence"][0]["level"] == 4  # all five integrated
    broken = (root / "integrasi.yaml").read_text("utf-8").replace("  - {id: i2", "\t- {id: i2")
    (root / "integrasi.yaml").write_text(broken, "utf-8")  # a tab: i2 to i4 cannot be read
    indicator, actions = rated()
    assert indicator["evidence"][0]["level"] == 3
    assert indicator["why"] == "5 active applications, 0 aplikasi umum"  # a3 to a5 not isolated
    assert actions[0] == "fix the syntax error of integrasi.yaml first"


def test_the_plan_table_folds_one_indicator_s_successive_paperwork(runner, make_model):
    """Documenting levels 2, 3 and 4 of one indicator, one after the other, is one row ('1-3',
    '1 -> 4', their gains summed) in text and Markdown; JSON keeps every step."""
    root = make_model({"spbe.yaml": """\
        instansi: {id: kab-uji, name: Kabupaten Uji, level: kabupaten, target: 3.0}
        units:
          - {id: dinkes, name: Dinas Kesehatan, kind: dinas, networks: [jip]}
        applications:
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, hosting: pdn}
        """})
    plan = _json(runner, root)["plan"]
    assert [(s["indicator"], s["paperwork"]) for s in plan[:4]] == [
        ("19", True), ("19", True), ("19", True), ("43", True)]
    gain = sum(s["index_gain"] for s in plan[:3])
    text = runner.invoke(app, ["maturity", str(root)]).output
    assert re.search(rf"│ 1-3 +│ 19 Pelaksanaan Tim Koordinasi +│ 1 -> 4 Terpadu dan Terukur +│ "
                     rf"\+{gain:.4f}", text), text
    assert re.search(r"│ 4 +│ 43 ", text)
    markdown = runner.invoke(app, ["maturity", str(root), "--format", "markdown"]).output
    assert f"| 1-3 | 19 Pelaksanaan Tim Koordinasi SPBE | 1 → 4 Terpadu dan Terukur | " \
           f"+{gain:.4f} | low | document level 4" in markdown


def test_aplikasi_umum_are_counted_as_the_audit_counts_them(runner, make_model):
    """SIMBG is run by a ministry for pemda (aplikasi pusat), not designated for shared use:
    indicator 15 counts the aplikasi umum the audit lists, and says the others apart."""
    root = make_model({"apps.yaml": """\
        units:
          - {id: setda, name: Sekretariat Daerah, kind: sekretariat}
          - {id: dpupr, name: DPUPR, kind: dinas}
        applications:
          - {id: srikandi-kab, name: SRIKANDI, kind: umum, platform: srikandi, owner: setda}
          - {id: simbg-kab, name: SIMBG, kind: umum, platform: simbg, owner: dpupr}
        """})
    why = _indicator(_json(runner, root), 15)["why"]
    assert why.startswith("2 active applications, 1 aplikasi umum, 1 of other national "
                          "applications"), why
    audit = json.loads(runner.invoke(app, ["audit", str(root), "-f", "json"]).stdout)
    assert list(audit["metrics"]["aplikasi_umum_used"]) == ["srikandi"]


def test_maturity_of_a_target_architecture_is_of_its_year(runner):
    """A to-be model's index is of its target year, on the claims of the year assessed."""
    to_be = EXAMPLE.parent / "kabupaten-lembah-hijau-2029"
    result = runner.invoke(app, ["maturity", str(to_be)])
    assert result.exit_code == 0, result.output
    assert "indeks SPBE 2.75 (Baik) for the target 2029 (claims of 2024)" in " ".join(
        result.output.split())
    out = _json(runner, to_be)
    assert (out["year"], out["to_be"]) == (2024, 2029)
    assert [t["year"] for t in out["trajectory"]] == [2023, 2029]


def test_the_index_of_a_model_with_errors_is_provisional_in_json_as_in_text(runner, tmp_path):
    """Trial: the example with one dangling `owner:` said 'the index is provisional' on stderr
    while its JSON said `"provisional": false`."""
    model = tmp_path / "model"
    shutil.copytree(EXAMPLE, model)
    apps = model / "aplikasi" / "khusus.yaml"
    apps.write_text(apps.read_text("utf-8").replace("owner: dinkes\n", "owner: dinkes-x\n", 1))
    result = runner.invoke(app, ["maturity", str(model), "--format", "json"])
    assert result.exit_code == 1
    out = json.loads(result.stdout)
    assert (out["provisional"], out["predikat"]) == (True, "Baik")  # the band kept
    assert "the index is provisional" in result.stderr
