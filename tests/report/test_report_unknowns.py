"""Unknown is not absent, from the user's side: what the report, the audit and the portfolio say
of facts a model does not record (an imported inventory, an ArchiMate file) is "unknown" or "not
recorded", never a 0, a "none", a "not used" or a 100% resting on no data."""

import json
import re

import pytest
from typer.testing import CliRunner

from spbe_arch.cli import app

runner = CliRunner()

INVENTORY = {  # what `import inventory` gives: applications, owners, some hosting; no services
    "model.yaml": """\
        units: [{id: dinkes, name: Dinas Kesehatan, kind: dinas}]
        applications:
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, hosting: pdn}
          - {id: sikda, name: SIKDA, kind: khusus, owner: dinkes}
        """
}

ARCHIMATE = {  # what `import archimate` gives: Flows as `via: unknown`, nothing on data
    "model.yaml": """\
        units: [{id: dinkes, name: Dinas Kesehatan, kind: dinas}]
        services:
          - {id: lay-kia, name: Layanan KIA, kind: public, owner: dinkes, applications: [simrs]}
        applications:
          - {id: simrs, name: SIMRS, kind: khusus, owner: dinkes}
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes}
          - {id: dashboard, name: Dashboard, kind: khusus, owner: dinkes}
        integrations:
          - {id: f1, source: simrs, target: simpus, via: unknown}
          - {id: f2, source: simpus, target: dashboard, via: unknown}
        """
}


def _report(tmp_path, model, lang="id") -> str:
    out = tmp_path / f"report-{lang}"
    result = runner.invoke(app, ["report", str(model), "-o", str(out), "--lang", lang])
    assert result.exit_code in (0, 1), result.output
    return (out / "index.html").read_text()


def _exposure(html: str) -> list[str]:
    found = re.search(r'<ul id="exposure">(.*?)</ul>', html, re.S).group(1)
    return [re.sub(r"<[^>]+>", "", item) for item in re.findall(r"<li>(.*?)</li>", found, re.S)]


@pytest.mark.parametrize(("lang", "pdn", "splp", "unknown"), [
    ("id", "Gangguan PDN akan menghentikan 1 aplikasi. Dampaknya bisa lebih luas: penempatan "
           "(hosting) diketahui untuk 1 dari 2 aplikasi lokal aktif.",
     "Belum diketahui apakah gangguan SPLP akan menghentikan layanan: model belum mencatat "
     "integrasi apa pun; model belum mencatat layanan apa pun.",
     "Belum dihitung pada gangguan mana pun di atas: model belum mencatat layanan apa pun; "
     "model belum mencatat integrasi apa pun."),
    ("en", "An outage of PDN would stop 1 application. It may stop more: hosting is known for "
           "1 of 2 active local applications.",
     "Whether an outage of SPLP would stop services is unknown: the model records no "
     "integration; the model records no service.",
     "Not counted in any of them: the model records no service; the model records no "
     "integration."),
])
def test_outage_counts_what_the_model_does_not_record_as_unknown(make_model, tmp_path, lang,
                                                                  pdn, splp, unknown):
    """An inventory records no service and no integration: an outage stops "0 services" and
    breaks "0 integrations" only in a model that records them; what no outage can count is
    said once, under them all."""
    html = _report(tmp_path, make_model(INVENTORY), lang)
    assert _exposure(html) == [pdn, splp]
    assert f'<p class="muted" id="exposure-unknown">{unknown}</p>' in html
    assert not re.search(r"\b0 (layanan|integrasi|services|integrations)\b", " ".join(
        _exposure(html)))


def test_splp_outage_with_no_mechanism_known_is_unknown_not_none(make_model, tmp_path):
    html = _report(tmp_path, make_model(ARCHIMATE))
    assert _exposure(html)[1] == (
        "Belum diketahui apakah gangguan SPLP akan menghentikan layanan: mekanisme integrasi "
        "diketahui untuk 0 dari 2 integrasi aktif.")
    assert "tidak menghentikan satu pun" not in html


def test_inventory_counts_say_not_recorded_rather_than_zero(make_model, tmp_path):
    html = _report(tmp_path, make_model(INVENTORY))
    counts = dict(re.findall(r'<tr><td>([^<]+)</td><td class="num">([^<]+)</td></tr>', html))
    assert counts["Aplikasi"] == "2"
    assert counts["Layanan"] == counts["Integrasi"] == counts["Data"] == "tidak tercatat"
    markdown = (tmp_path / "report-id" / "report.md").read_text()
    assert "| Layanan | tidak tercatat |" in markdown
    assert "| Layanan | 0 |" not in markdown
    # a share with nothing to count (no integration recorded) is not recorded, not "0 / 0"
    assert '<td>Integrasi melalui SPLP</td><td class="num">tidak tercatat</td>' in html
    assert "| Layanan terintegrasi penuh | tidak tercatat |" in markdown
    assert "0 / 0" not in html + markdown


def test_leadership_pages_say_facts_in_words_not_field_names(make_model, tmp_path):
    """The executive summary and SPBE-A021's headline speak to the leadership; the folded
    finding rows keep the YAML fields an architect edits."""
    html = _report(tmp_path, make_model(ARCHIMATE))
    summary = re.search(r'<section class="exec">(.*?)</section>', html, re.S).group(1)
    assert "<code>" not in summary and "evidence" not in summary
    assert "daftar bukti dukung" in summary
    card = re.search(r'id="rule-SPBE-A021">(.*?)</details>', html, re.S).group(1)
    first = re.search(r'<p class="first">(.*?)</p>', card, re.S).group(1)
    assert "<code>" not in first
    assert ("data yang dibaca dan ditulis diketahui untuk 0 dari 3 aplikasi aktif, jaringan "
            "yang dipakai diketahui untuk 0 dari 1 unit kerja, mekanisme integrasi diketahui "
            "untuk 0 dari 2 integrasi aktif") in first
    assert "isian <code>via</code> ada pada 0 dari 2 integrasi aktif" in card


def test_services_fully_integrated_rests_on_stated_data_flows(make_model):
    """Integrations recorded but no application states what it reads or writes: whether the
    service's data is integrated is unknown, not 1 of 1 (100%)."""
    root = make_model(ARCHIMATE)
    text = runner.invoke(app, ["audit", str(root)]).output
    row = next(line for line in text.splitlines() if "services fully integrated" in line)
    assert "not known for any of 1" in row and "100%" not in row
    metrics = json.loads(runner.invoke(app, ["audit", str(root), "--format", "json"]).stdout)
    assert metrics["metrics"]["services_fully_integrated"] == {
        "part": 0, "total": 0, "value": None, "unknown": 1}
    # once the service's application states its data, the service counts
    (root / "model.yaml").write_text((root / "model.yaml").read_text().replace(
        "{id: simrs, name: SIMRS, kind: khusus, owner: dinkes}",
        "{id: simrs, name: SIMRS, kind: khusus, owner: dinkes, writes: [d1]}"))
    (root / "data.yaml").write_text("data: [{id: d1, name: Data Pasien, classification: "
                                    "terbatas}]\n")
    result = runner.invoke(app, ["audit", str(root), "--format", "json"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)["metrics"]
    assert metrics["services_fully_integrated"] == {"part": 1, "total": 1, "value": 1.0,
                                                    "unknown": 0}


@pytest.mark.parametrize(("lang", "label"), [
    ("en", "aplikasi umum with no active use in the model"),
    ("id", "aplikasi umum tanpa penggunaan aktif di model"),
])
def test_audit_says_a_platform_missing_from_the_model_is_not_recorded(make_model, lang, label):
    """An inventory lists the pemda's own applications: a national platform with no instance
    and no integration there is not recorded, which is not "not used"."""
    root = make_model(INVENTORY)
    text = runner.invoke(app, ["audit", str(root), "--lang", lang]).output
    row = next(line for line in text.splitlines() if label in line)
    assert "satusehat" in row
    assert "not used" not in text and "tidak dipakai" not in text
    metrics = json.loads(runner.invoke(app, ["audit", str(root), "--format", "json"]).stdout)
    assert "satusehat" in metrics["metrics"]["aplikasi_umum_not_recorded"]
    assert "aplikasi_umum_unused" not in metrics["metrics"]


def test_no_flow_gap_is_claimed_when_no_application_states_its_data(make_model, tmp_path):
    """Integrations recorded, but no reads or writes: "no data flow without integration" would
    rest on nothing."""
    html = _report(tmp_path, make_model(ARCHIMATE))
    summary = re.search(r'<section class="exec">(.*?)</section>', html, re.S).group(1)
    assert ("Belum diketahui apakah aliran data antaraplikasi sudah terintegrasi: data yang "
            "dibaca dan ditulis belum diketahui untuk satu pun dari 3 aplikasi aktif.") in summary
    assert "Tidak ada aliran data tanpa integrasi" not in summary


def test_report_shares_say_how_many_they_leave_unknown(make_model, tmp_path):
    """The page, its card and the Markdown twin say what the SPLP share does not rest on, as
    `spbe-arch audit` does; with no mechanism known at all, the share is not known."""
    from test_cli_audit import APPS, UNITS, UNKNOWN_MECHANISM

    root = make_model({"units.yaml": UNITS, "apps.yaml": APPS, "int.yaml": UNKNOWN_MECHANISM})
    html = _report(tmp_path, root, "en")
    markdown = (tmp_path / "report-en" / "report.md").read_text()
    assert "1 / 1 (100%); 1 not known" in html and "1 / 1 (100%); 1 not known" in markdown
    assert ("1 of 1 integrations go through SPLP (100%). The mechanism of 1 integration is "
            "not recorded: whether it goes through SPLP is not known.") in html
    (root / "int.yaml").write_text(UNKNOWN_MECHANISM.replace("via: splp", "via: unknown"))
    html = _report(tmp_path, root, "id")
    assert "belum diketahui untuk satu pun dari 2" in html


def test_a_model_without_applications_claims_no_integrated_data_flow(tmp_path):
    """An instansi's manifest alone: no flow to judge, not "every data flow is integrated"."""
    model = tmp_path / "kosong"
    model.mkdir()
    (model / "spbe.yaml").write_text(
        "instansi: {id: kab-kosong, name: Kabupaten Kosong, level: kabupaten}\n")
    html = _report(tmp_path, model, "en")
    assert "The model records no active application: no data flow between applications to " \
           "judge yet." in html
    assert "Every data flow between applications is integrated" not in html


def test_report_index_columns_say_how_many_indicators_they_rest_on(make_model, tmp_path):
    """One indicator verified: the verified column rests on 1 of 47, the others at level 1."""
    model = make_model({"model.yaml": """\
        units: [{id: dinkes, name: Dinas Kesehatan, kind: dinas}]
        applications:
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes}
        assessment:
          - {indicator: 18, year: 2025, level: 3, verified: 2}
        evaluations:
          - {year: 2025, title: Laporan Hasil Evaluasi SPBE Tahun 2025}
        """})
    html = _report(tmp_path, model, "en")
    columns = re.sub(r"<[^>]+>", "", re.search(r"<p>Index by column: (.*?)</p>", html).group(1))
    assert columns == (
        "self-assessed 1.05 (rests on 1 of 47 indicators), verified 1.03 (rests on 1 of 47 "
        "indicators), model 1.03 (rests on 3 of 47 indicators), counted 1.05 (rests on 4 of 47 "
        "indicators). An indicator without a level in a column counts at level 1 there.")


def test_a_share_resting_on_part_of_the_model_draws_its_unknown_part_hatched(make_model,
                                                                              tmp_path):
    """Mechanism known for 0 of 2 integrations: the SPLP bar is all hatched, never an empty
    'known' bar, and a key says what the hatching is."""
    html = _report(tmp_path, make_model(ARCHIMATE))
    row = re.search(r"<tr><td>Integrasi melalui SPLP</td>.*?</tr>", html).group(0)
    assert '<span class="bar unknown" style="width:100.0%"' in row
    assert 'class="bar" ' not in row
    assert '<p class="muted" id="bar-key">' in html
