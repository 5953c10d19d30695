"""The report's executive summary and its findings, from the user's side: counts equal the
commands', a model with errors gets no headline index, and many findings stay folded."""

import json
import re
from collections import Counter

import pytest
from conftest import EXAMPLE
from typer.testing import CliRunner

from spbe_arch.cli import app

runner = CliRunner()

BROKEN = {
    "model.yaml": """\
        units: [{id: dinkes, name: Dinas Kesehatan, kind: dinas, networks: [jip]}]
        applications:
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes}
          - {id: sikda, name: SIKDA, kind: khusus, owner: nowhere}
        integrations:
          - {id: i1, source: simpus, target: sikda, via: api_direct, network: jip}
        """
}


def _many_isolated(count: int) -> dict[str, str]:
    apps = "\n".join(
        f"  - {{id: app-{n:03d}, name: Aplikasi {n}, kind: khusus, owner: dinkes, "
        "hosting: pdd}" for n in range(count)
    )
    return {
        "model.yaml": "units: [{id: dinkes, name: Dinas Kesehatan, kind: dinas, "
        "networks: [jip]}]\n"
        "infrastructure: [{id: pdd, name: Pusat Data Daerah, kind: pusat_data_daerah, "
        "networks: [jip]}]\n"
        f"applications:\n{apps}\n"
        "integrations: [{id: i0, source: app-000, target: app-001, via: splp}]\n"
    }


def _report(tmp_path, model, *args) -> tuple[int, str]:
    out = tmp_path / "report"
    result = runner.invoke(app, ["report", str(model), "-o", str(out), *args])
    return result.exit_code, (out / "index.html").read_text()


def _page_counts(html: str) -> tuple[dict[str, int], dict[str, int]]:
    severities = {
        s: int(n) for s, n in re.findall(r'<span data-severity="(\w+)">(\d+)</span>', html)
    }
    codes = {c: int(n) for c, n in re.findall(r'data-count="([\w-]+)">(\d+)<', html)}
    return severities, codes


def _cli_counts(model) -> tuple[dict[str, int], dict[str, int]]:
    result = runner.invoke(app, ["audit", str(model), "--format", "json"])
    findings = json.loads(result.stdout)["findings"]
    return (
        dict(Counter(f["severity"] for f in findings)),
        dict(Counter(f["code"] for f in findings)),
    )


ASSESSED = {  # a self-assessment that does not fit its framework, a waiver in force
    "model.yaml": """\
        units:
          - {id: dinkes, name: Dinas Kesehatan, kind: dinas, networks: [jip]}
          - {id: setda, name: Sekretariat Daerah, kind: sekretariat, networks: [jip]}
        applications:
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes}
          - {id: sikda, name: SIKDA, kind: khusus, owner: setda}
          - {id: lama, name: Lama, kind: khusus, owner: nowhere}
        integrations:
          - {id: i1, source: simpus, target: sikda, via: api_direct, network: jip}
        assessment:
          - {indicator: 48, year: 2024, level: 2}
        waivers:
          - {code: SPBE-A004, element: i1, reason: dalam migrasi, until: 2099-12-31}
        """
}


@pytest.mark.parametrize("which", ["example", "broken", "assessed"])
def test_report_counts_equal_the_audit_command(which, make_model, tmp_path):
    model = {"example": EXAMPLE, "broken": None, "assessed": None}[which] or make_model(
        BROKEN if which == "broken" else ASSESSED)
    _, html = _report(tmp_path, model)
    severities, codes = _page_counts(html)
    cli_severities, cli_codes = _cli_counts(model)
    assert {s: n for s, n in severities.items() if n} == cli_severities
    assert codes == cli_codes  # validation groups and audit groups together
    total = int(re.search(r"<div class=\"value\" data-total>(\d+)</div>", html).group(1))
    assert total == sum(cli_codes.values())
    if which == "assessed":  # a waived finding is shown as accepted, with the reason
        assert cli_codes["SPBE-M001"] == 1 and "dikecualikan: dalam migrasi" in html


def test_report_of_a_model_with_errors_has_no_headline_index(make_model, tmp_path):
    code, html = _report(tmp_path, make_model(BROKEN))
    assert code == 1
    assert ('<p class="headline bad" id="headline">Model memiliki 1 kesalahan: perbaiki '
            "dahulu.") in html
    fix_first = re.search(r'<ol id="fix-first">(.*?)</ol>', html, re.S).group(1)
    assert "1 × Rujukan ke elemen yang tidak ada: SIKDA (sikda)" in fix_first
    card = re.search(r'<div class="card primary" id="card-index">(.*?)</div></div>', html, re.S)
    assert '<span class="flag">sementara</span>' in card.group(1)
    assert "Estimasi indeks sementara:" in html
    assert "Estimasi indeks SPBE" not in html  # no headline index


def test_executive_summary_of_the_example(tmp_path):
    code, html = _report(tmp_path, EXAMPLE)
    assert code == 0
    headline = re.search(r'<p class="headline" id="headline">(.*?)</p>', html).group(1)
    # numbers as Indonesian writes them: a decimal comma
    assert re.fullmatch(r"Estimasi indeks SPBE \d,\d\d \((Baik|Cukup)\)", headline)
    assert "Target 3,00, masih kurang " in html
    # the index shown is an estimate: the evaluator's last published result beside it
    assert "Hasil terverifikasi terakhir: 2,31 (Cukup) pada 2023. Target 3,00" in html
    plan = json.loads(runner.invoke(app, ["maturity", str(EXAMPLE), "-f", "json"]).stdout)
    # a step asking only for bukti dukung says so, apart from those changing the architecture
    paperwork = [s for s in plan["plan"] if s["paperwork"]]
    assert paperwork and html.count(
        '<p class="muted">bukti dukung saja, arsitektur tidak berubah</p>') == len(paperwork)
    assert re.search(rf"dengan {len(plan['plan'])} langkah rencana peningkatan \(yang pertama "
                     r"di bawah ini\), indeks dapat mencapai \d,\d\d", html)
    card = re.search(r'<div class="card primary" id="card-index">(.*?)</div></div>', html, re.S)
    assert "Baik; 31 dari 47 indikator dari penilaian mandiri, belum diverifikasi" in card.group(1)
    assert "2023 Akhir (terverifikasi evaluator)" in html and "2024 Akhir (estimasi)" in html
    gaps = re.findall(r"<li>(.*?)</li>", re.search(r'<ul id="gaps">(.*?)</ul>', html).group(1))
    assert len(gaps) == 3
    assert ("5 aliran data antaraplikasi belum terintegrasi (dari aliran data yang dicatat "
            "model: data yang dibaca dan ditulis aplikasi diketahui untuk 40 dari 42 aplikasi "
            "aktif); yang paling merugikan:") in html  # 2 leave their data out
    impact = json.loads(
        runner.invoke(
            app, ["impact", str(EXAMPLE), "pdn-lembah-hijau", "--format", "json"]
        ).stdout
    )
    kinds = Counter(entry["kind"] for entry in impact["stopped"])
    exposure = re.search(r'<ul id="exposure">(.*?)</ul>', html, re.S).group(1)
    assert (
        f"Gangguan PDN akan menghentikan {kinds['services']} layanan dan "
        f"{kinds['applications']} aplikasi serta memutus {len(impact['integrations_broken'])} "
        "integrasi." in exposure
    )
    assert (
        "Gangguan SPLP tidak menghentikan layanan atau aplikasi, tetapi memutus 24 integrasi."
        in exposure
    )
    # first the data centres other than PDN, the one hosting the most applications first
    own = json.loads(runner.invoke(
        app, ["impact", str(EXAMPLE), "pusat-data-lembah-hijau", "--format", "json"]).stdout)
    own_kinds = Counter(entry["kind"] for entry in own["stopped"])
    assert exposure.startswith(
        f"<li>Gangguan Pusat Data Daerah Kabupaten Lembah Hijau akan menghentikan "
        f"{own_kinds['services']} layanan dan {own_kinds['applications']} aplikasi serta "
        f"memutus {len(own['integrations_broken'])} integrasi.")
    assert re.findall(r"<li>Gangguan (.*?) akan", exposure) == [
        "Pusat Data Daerah Kabupaten Lembah Hijau", "Cloud Komersial (IaaS) Diskominfo", "PDN"]
    steps = re.search(r'<ol id="first-steps">(.*?)</ol>', html, re.S).group(1)
    plan = json.loads(
        runner.invoke(app, ["maturity", str(EXAMPLE), "--format", "json"]).stdout
    )["plan"]
    items = re.findall(r"<li>(.*?)</li>", steps)
    assert len(items) == 3
    # the plan's first step (43: 2 -> 3, open data published) is rm-2029-data-terbuka's
    assert (plan[0]["indicator"], plan[0]["to_level"]) == ("43", 3)
    assert ('<p id="steps-planned">Langkah yang sudah dijadwalkan dalam Peta Rencana tidak '
            "dicantumkan di sini: indikator 43 ke tingkat 3 (2029) (lihat Rencana peningkatan). "
            "Kemudian, setelah langkah Peta Rencana sebelumnya selesai: indikator 43 ke tingkat "
            "4.</p>") in html  # the plan's step 2 (43: 3 -> 4) waits for it: said, not dropped
    plan_table = html[html.index('id="plan"'):]
    first_row = re.search(r"<tbody>\s*<tr><td class=\"num\">1</td>(.*?)</tr>", plan_table, re.S)
    assert ('<p class="muted planned-in">sudah dijadwalkan dalam Peta Rencana: 2029</p>'
            in first_row[1])
    # 43's step 3 -> 4 waits for the Peta Rencana's (2029): what can start now comes first
    assert (plan[1]["indicator"], plan[1]["to_level"]) == ("43", 4)
    for item, step in zip(items, plan[2:], strict=False):
        assert item.startswith(
            f"Indikator {step['indicator']} ({step['name']}): naik dari tingkat "
            f"{step['from_level']} ke {step['to_level']}, indeks "
            f"+{step['index_gain']:.3f}".replace(".", ",")
        )
    assert "setelah langkah" not in steps
    # leadership reads names, not ids or YAML keys (the plan table keeps them)
    assert "alihkan integrasi SP4N-LAPOR! (admin instansi Kab. Lembah Hijau) ke SPLP: Rekap " \
           "bulanan aduan SP4N-LAPOR! untuk Inspektorat (ekspor Excel)" in items[0]
    assert not re.search(r"int-|sp4n-lapor-lembah-hijau|<code>|`", steps)


def test_report_in_english_has_no_indonesian_summary(tmp_path):
    code, html = _report(tmp_path, EXAMPLE, "--lang", "en")
    assert code == 0
    assert re.search(r'<p class="headline" id="headline">Estimated SPBE index \d\.\d\d ', html)
    assert "data flows between applications have no integration" in html
    assert "Ringkasan eksekutif" not in html
    # the plan names indicators as the English indicators' table does
    assert '<ol id="first-steps"><li>Indicator 42 (public complaints service): from level 3 ' \
           'to 4' in html


def test_many_findings_stay_folded(make_model, tmp_path):
    code, html = _report(tmp_path, make_model(_many_isolated(500)), "--lang", "en")
    assert code == 0
    codes = _page_counts(html)[1]
    assert codes["SPBE-A001"] == 498  # all but the two integrated
    group = re.search(r'<div class="rule warning" id="rule-SPBE-A001">(.*?)</details>', html, re.S)
    headline = group.group(1).split("<details>")[0]
    assert "Aplikasi 2 (app-002), Aplikasi 3 (app-003)" in headline
    assert "and 493 more" in headline
    assert group.group(1).count("<tr>") == 499  # every row, folded under <details>


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_internal_constant_name_on_the_page(tmp_path, lang):
    _, html = _report(tmp_path, EXAMPLE, "--lang", lang)
    text = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    assert re.findall(r"\b[A-Z]{2,}_[A-Z_]{2,}\b", text) == []


def test_exposure_of_a_very_large_model_gives_the_commands(tmp_path, monkeypatch):
    monkeypatch.setattr("spbe_arch.report.summary.EXPOSURE_LIMIT", 10)
    _, html = _report(tmp_path, EXAMPLE)
    exposure = re.search(r'<ul id="exposure">(.*?)</ul>', html, re.S).group(1)
    assert "Apa yang berhenti bila PDN terganggu: <code>spbe-arch impact MODEL pdn</code>." in (
        exposure
    )


def test_a_model_wide_finding_is_named_in_words_in_its_group(tmp_path):
    """A finding about no one element (SPBE-A021: how complete the model's facts are) shows what
    it says up front, in words rather than YAML field names (the folded rows keep those)."""
    _, html = _report(tmp_path, EXAMPLE)
    group = re.search(r'<div class="rule info" id="rule-SPBE-A021">(.*?)</details>', html, re.S)
    first = re.search(r'<p class="first">(.*?)</p>', group.group(1), re.S).group(1)
    assert "data yang dibaca dan ditulis diketahui untuk 40 dari 42 aplikasi aktif" in first
    assert "<code>" not in first
    assert "isian <code>data</code> ada pada 40 dari 42 aplikasi aktif" in group.group(1)
    assert "lainnya" not in first


INVENTORY = {  # what an imported inventory gives: applications and owners, nothing else
    "model.yaml": """\
        units: [{id: dinkes, name: Dinas Kesehatan, kind: dinas}]
        applications:
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, reads: [d1]}
          - {id: sikda, name: SIKDA, kind: khusus, owner: dinkes, writes: [d1]}
        data: [{id: d1, name: Data Pasien, classification: tertutup}]
        """
}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_summary_says_unknown_where_the_model_is_silent(make_model, tmp_path, lang):
    """No integration and no hosting recorded: the summary says what it cannot know, never
    that every flow is integrated or that an outage stops nothing."""
    _, html = _report(tmp_path, make_model(INVENTORY), "--lang", lang)
    summary = re.search(r'<section class="exec">(.*?)</section>', html, re.S).group(1)
    expected = {
        "id": ["Belum diketahui apakah aliran data antaraplikasi sudah terintegrasi",
               "Belum diketahui apakah gangguan PDN akan menghentikan layanan: penempatan "
               "(hosting) diketahui untuk 0 dari 2 aplikasi lokal aktif",
               "Belum diketahui apakah gangguan SPLP akan menghentikan layanan"],
        "en": ["Whether the data flows between applications are integrated is unknown",
               "Whether an outage of PDN would stop services is unknown: hosting is known for "
               "0 of 2 active local applications",
               "Whether an outage of SPLP would stop services is unknown"],
    }[lang]
    for sentence in expected:
        assert sentence in summary
    for claim in ("sudah terintegrasi.", "tidak menghentikan satu pun",
                  "is integrated.", "would stop none", "0 dari 0", "0 of 0"):
        assert claim not in summary


def test_first_steps_name_one_word_ids_but_not_national_platforms(make_model):
    from spbe_arch.graph import build_graph
    from spbe_arch.report.summary import plain_words
    from spbe_arch.validate import load_model

    graph = build_graph(load_model(make_model(INVENTORY)).architecture)
    action = ("lengkapi inventaris (hosting; lokasi dan penyedia): simpus, sikda; salurkan "
              "integrasi melalui splp (`via: splp`)")
    assert plain_words(action, graph) == (
        "lengkapi inventaris (hosting; lokasi dan penyedia): SIMPUS, SIKDA; salurkan "
        "integrasi melalui splp")


def test_a_file_that_cannot_be_read_is_named_in_what_to_fix_first(make_model, tmp_path):
    model = make_model({"units.yaml": "units:\n\t- id: dinkes\n"})
    code, html = _report(tmp_path, model)
    assert code == 1
    fix_first = re.search(r'<ol id="fix-first">(.*?)</ol>', html, re.S).group(1)
    assert ("1 × Berkas yang tidak dapat dibaca: units.yaml:2: YAML tidak valid: tab tidak boleh "
            "dipakai untuk indentasi di sini") in fix_first
    assert ("Tidak ada aliran data tanpa integrasi di antara yang dicatat model; berkas yang "
            "tidak dapat dibaca mungkin memuat lebih banyak.") in html


def test_paperwork_steps_on_one_indicator_are_one_first_step(make_model):
    """Documenting level 2, then 3, then 4 of one indicator is one step for leadership (its
    last document standing for the others); model changes stay steps of their own."""
    from dataclasses import replace

    from spbe_arch.graph import build_graph
    from spbe_arch.report.context import gather
    from spbe_arch.report.sections import PlanRow
    from spbe_arch.report.summary import executive_summary
    from spbe_arch.validate import load_model

    loaded = load_model(make_model({}))
    context = gather(loaded, diagrams=False, lang="en")

    def step(indicator, start, paperwork, action):
        return PlanRow(0, indicator, f"Indicator {indicator}", start, start + 1, "", 0.025,
                       "low", (action,), paperwork)

    plan = [step("19", 1, True, "document level 2"), step("19", 2, True, "document level 3"),
            step("19", 3, True, "document level 4"), step("43", 2, False, "record it"),
            step("43", 3, False, "route it through SPLP")]
    maturity = replace(context.maturity, plan=plan)
    summary = executive_summary(build_graph(loaded.architecture), 0, [], context.audit,
                                maturity, context.roadmap)
    assert summary.steps == [
        "Indicator 19 (Indicator 19): from level 1 to 4, +0.075 — document level 4",
        "Indicator 43 (Indicator 43): from level 2 to 3, +0.025 — record it",
        "Indicator 43 (Indicator 43): from level 3 to 4, +0.025 — route it through SPLP",
    ]

    # the Peta Rencana takes 19 to level 2: the rest of its run is one step, from 2, after
    # the steps that can start now
    plan[0] = replace(plan[0], planned_in=2026)
    summary = executive_summary(build_graph(loaded.architecture), 0, [], context.audit,
                                replace(context.maturity, plan=plan), context.roadmap)
    assert summary.steps[2] == ("Indicator 19 (Indicator 19): from level 2 to 4, +0.050 (after "
                                "the Peta Rencana's step to level 2, 2026) — document level 4")
    assert summary.steps_planned == ("Left out, as the Peta Rencana takes them already: "
                                     "indicator 19 to level 2 (2026).")


def test_a_report_of_the_target_architecture_says_it_is_a_plan(tmp_path):
    """The to-be example (`to_be: 2029`): printed beside the as-is report, its 2,75 must not
    be read as today's index."""
    code, html = _report(tmp_path / "to-be", EXAMPLE.parent / "kabupaten-lembah-hijau-2029")
    assert code == 0
    assert '<p class="kicker">Laporan Arsitektur SPBE target 2029</p>' in html
    assert ('<p class="notice" id="to-be">Arsitektur target (to-be) 2029: rencana, bukan kondisi '
            "saat ini.") in html
    markdown = (tmp_path / "to-be" / "report" / "report.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Laporan Arsitektur SPBE target 2029: Pemerintah Kabupaten")
    _, as_is = _report(tmp_path / "as-is", EXAMPLE)
    assert 'id="to-be"' not in as_is and "target 2029" not in as_is
    # its index is of 2029, not of the year assessed (2024), and its model is no past year's:
    # the trajectory keeps the evaluator's 2023 result and ends at the target
    # its 2029 holds the claims of 2024, and a column resting on fewer indicators says so
    assert ("| 2023 | 2,72 | 2,31 | - | 2,31 | Cukup |\n"
            "| 2029 (klaim 2024) | 2,45 (35/47) | - | 2,38 (28/47) | 2,75 | Baik |") in markdown
    assert ("(n/47): indeks kolom itu hanya bersandar pada n indikator yang bernilai pada "
            "sumber itu; sisanya dihitung tingkat 1.") in markdown
    assert "| 2024 |" not in markdown.split("## Peta Rencana")[0]
    roadmap = markdown.split("## Peta Rencana")[1]  # not applied to the target: no flat line
    assert ("Model ini adalah arsitektur target: ia sudah memuat hasil semua kegiatan Peta "
            "Rencana") in roadmap and "**Indeks per tahun**" not in roadmap
