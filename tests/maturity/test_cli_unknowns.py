"""Unknown is not absent, from the user's side: where the model leaves a fact out, the plan
asks to record it, and each figure says how much of the model it rests on."""

import json
import shutil

from conftest import EXAMPLE

from spbe_arch.cli import app

MANIFEST = """\
instansi:
  id: prov-uji
  name: Provinsi Uji
  level: provinsi
"""

MODEL = """\
units:
  - {id: diskominfo, name: Diskominfo, kind: dinas}
  - {id: dinkes, name: Dinas Kesehatan, kind: dinas}
  - {id: bappeda, name: Bappeda, kind: badan}
applications:
  - {id: lapor-prov, name: Aplikasi Pengaduan, kind: khusus, owner: diskominfo}
  - {id: sikda-prov, name: SIKDA, kind: khusus, owner: dinkes, writes: [data-kesehatan]}
  - {id: satudata-prov, name: Portal Satu Data, kind: khusus, owner: diskominfo,
     reads: [data-kesehatan, data-rencana]}
  - {id: e-planning, name: e-Planning, kind: khusus, owner: bappeda, writes: [data-rencana]}
  - {id: simpeg, name: SIMPEG, kind: khusus, owner: bappeda, writes: [data-pegawai]}
data:
  - {id: data-kesehatan, name: Data Kesehatan, steward: dinkes, classification: terbuka,
     producer: sikda-prov, published: true}
  - {id: data-rencana, name: Data Rencana, steward: bappeda, classification: terbuka,
     producer: e-planning, published: true}
  - {id: data-pegawai, name: Data Pegawai, steward: bappeda, classification: terbatas,
     producer: simpeg, published: false}
integrations:
  - {id: sikda-satudata, source: sikda-prov, target: satudata-prov, via: api_direct}
  - {id: eplanning-satudata, source: e-planning, target: satudata-prov, via: splp}
services:
  - {id: svc-pengaduan, name: Layanan Pengaduan, kind: public, owner: diskominfo,
     applications: [lapor-prov], level: kolaborasi, indicator: 42}
assessment:
  - {indicator: 42, year: 2025, level: 4}
"""


def _json(runner, make_model, model=MODEL, *args):
    root = make_model({"model.yaml": model}, manifest=MANIFEST)
    result = runner.invoke(app, ["maturity", str(root), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _actions(out, indicator, to_level):
    return next(s["actions"] for s in out["plan"]
                if s["indicator"] == str(indicator) and s["to_level"] == to_level)


def test_unknowns_a_service_whose_application_states_no_data_is_asked_to_record_it(
        runner, make_model):
    """The application states nothing it writes: transaksi is not shown, and not denied."""
    out = _json(runner, make_model)
    assert _actions(out, 42, 3) == [
        "record the data lapor-prov read and write (`reads:`, `writes:`)"]
    (finding,) = [f for f in out["findings"] if f["code"] == "SPBE-M004"]
    assert finding["hint"] == "record the data lapor-prov read and write (`reads:`, `writes:`)"


def test_unknowns_a_service_is_never_asked_to_set_the_level_it_claims(runner, make_model):
    out = _json(runner, make_model, MODEL, "--target", "4")
    assert _actions(out, 42, 4) == [
        "connect lapor-prov to other units or instansi through SPLP",
        "raise service 'svc-pengaduan' to kolaborasi: integrate it with other services and "
        "instansi through SPLP",
    ]
    assert not [a for s in out["plan"] if s["indicator"] == "42" and s["to_level"] <= 4
                for a in s["actions"] if "set `level:" in a]


def test_unknowns_a_service_whose_application_writes_nothing_is_raised(runner, make_model):
    """The application states what it reads and writes nothing: a shortfall the model shows."""
    model = MODEL.replace("owner: diskominfo}\n  - {id: sikda-prov",
                          "owner: diskominfo, reads: [data-kesehatan]}\n  - {id: sikda-prov")
    out = _json(runner, make_model, model)
    assert _actions(out, 42, 3) == [
        "let lapor-prov record the service's transactions (`writes:` its data)",
        "raise service 'svc-pengaduan' to transaksi: complete the transaction online, end to "
        "end",
    ]


def _indicator(out, number):
    return next(i for i in out["indicators"] if i["id"] == str(number))


def test_unknowns_open_data_says_no_application_is_marked_as_the_satu_data_portal(
        runner, make_model):
    """Integrations reach the pemda's portal, which nothing marks as it: its name is no
    evidence, so the feeds are not counted, and the user learns what to write."""
    out = _json(runner, make_model)
    assert _indicator(out, 43)["why"] == (
        "2 data sets published, 0 automated feeds to Satu Data; no application is marked as "
        "the Satu Data portal (`platform: satu-data`)")
    assert _actions(out, 43, 3) == [
        "mark the Satu Data portal's application with `platform: satu-data` (feeds are counted "
        "to it), then feed it through an integration (API or SPLP) instead of file uploads"]


def test_unknowns_open_data_counts_the_feeds_of_the_marked_portal(runner, make_model):
    model = MODEL.replace("name: Portal Satu Data, kind: khusus,",
                          "name: Portal Satu Data, kind: khusus, platform: satu-data,")
    out = _json(runner, make_model, model)
    assert (_indicator(out, 43)["counted"], _indicator(out, 43)["why"]) == (
        3, "2 data sets published, 2 automated feeds to Satu Data")
    # marked, the portal is still the pemda's own: it counts among the applications it runs
    before = _json(runner, make_model)
    assert _indicator(out, 22)["why"] == _indicator(before, 22)["why"]
    audited = runner.invoke(app, ["audit", str(make_model({"model.yaml": model},
                                                          manifest=MANIFEST)), "-f", "json"])
    assert json.loads(audited.stdout)["metrics"]["completeness"]["applications.hosting"][
        "of"] == 5


def test_closed_data_published_is_no_open_data(runner, make_model):
    """A terbatas data set marked published is a leak (data management says so), not open
    data: it lifts no open-data level."""
    only_closed = MODEL.replace("classification: terbuka,", "classification: terbatas,")
    out = _json(runner, make_model, only_closed)
    assert _indicator(out, 43)["source"] == "none"
    assert "closed but published" in _indicator(out, 23)["why"]


def test_unknowns_open_data_fed_to_the_national_portal_by_upload_is_asked_to_integrate(
        runner, make_model):
    """Data uploaded to the national Satu Data portal: the portal is known, the feed is not
    automated, and the advice is the integration, not marking a portal."""
    model = MODEL.replace(
        "  - {id: eplanning-satudata, source: e-planning, target: satudata-prov, via: splp}\n",
        "  - {id: eplanning-sdi, source: e-planning, target: satu-data, via: file_transfer}\n")
    out = _json(runner, make_model, model)
    assert "marked" not in _indicator(out, 43)["why"]
    assert _actions(out, 43, 3) == [
        "feed the Satu Data portal through an integration (API or SPLP) instead of file "
        "uploads"]


VERIFIED_ONCE = MODEL + "  - {indicator: 18, year: 2025, level: 3, verified: 2}\n" \
    "evaluations:\n  - {year: 2025, title: Laporan Hasil Evaluasi SPBE Tahun 2025}\n"


def test_unknowns_each_index_column_says_how_many_indicators_it_rests_on(runner, make_model):
    """One indicator verified: the verified index is that one level and 46 at level 1 (1.025,
    shown 1.03: a half rounds up, as the published indices do)."""
    out = _json(runner, make_model, VERIFIED_ONCE)
    assert out["indices"]["verified"] == 1.025
    assert out["indices_rest_on"] == {
        "rated": {"self": 2, "verified": 1, "model": 8, "counted": 8}, "of": 47, "others_at": 1}
    root = make_model({"model.yaml": VERIFIED_ONCE}, manifest=MANIFEST)
    result = runner.invoke(app, ["maturity", str(root)])
    assert result.exit_code == 0, result.output
    assert (
        "index by column: self-assessed 1.14 (2 of 47 indicators), verified 1.03 (1 of 47 "
        "indicators), model 1.22 (8 of 47 indicators), counted 1.22 (8 of 47 indicators); an "
        "indicator without a level in a column counts at level 1 there"
    ) in " ".join(result.output.split())


def test_unknowns_data_management_asks_only_for_what_each_data_set_lacks(runner, make_model):
    """Every data set names its producer; the RAD codes are what is missing, and one data set
    without a producer is named apart."""
    model = MODEL.replace("producer: simpeg, published: false}",
                          "published: false}").replace(
        "{id: simpeg, name: SIMPEG, kind: khusus, owner: bappeda, writes: [data-pegawai]}",
        "{id: simpeg, name: SIMPEG, kind: khusus, owner: bappeda, reads: [data-rencana]}")
    out = _json(runner, make_model, model, "--target", "4")
    assert _actions(out, 23, 4)[:2] == [
        "add the RAD `ref` code to these data sets: data-kesehatan, data-pegawai, data-rencana",
        "name the application producing these data sets (`producer:`): data-pegawai",
    ]


def test_unknowns_a_documented_claim_counts_once_the_model_records_what_its_rule_reads(
    runner, make_model
):
    """No application states its hosting: the model neither contradicts nor shows a claim of
    3 for indicator 16 with its bukti dukung, so it counts as unrated until the hosting is
    recorded (counted in full, a model recording less would count more: trial, an empty
    model with typed titles ranked first in a province); recorded, the claim counts."""
    documented = MODEL + ("  - {indicator: 16, year: 2025, level: 3, evidence: [{title: "
                          "Berita Acara Penempatan Server di Pusat Data Provinsi}]}\n")
    sixteen = next(i for i in _json(runner, make_model, documented)["indicators"]
                   if i["id"] == "16")
    assert (sixteen["counted"], sixteen["source"]) == (1, "none")
    assert sixteen["why"].startswith("self-assessed 3 (2025); insufficient data: hosting known "
                                     "for 0 of 5")
    assert sixteen["why"].endswith(
        "claimed 3, its rule reads what the model leaves out (insufficient data): record it "
        "to let the bukti dukung count: 1 counts")
    hosted = documented.replace("kind: khusus,", "kind: khusus, hosting: pdd,") + (
        "infrastructure:\n  - {id: pdd, name: Pusat Data Daerah, kind: pusat_data_daerah}\n")
    sixteen = next(i for i in _json(runner, make_model, hosted)["indicators"] if i["id"] == "16")
    assert (sixteen["counted"], sixteen["source"]) == (3, "claim")
    bare = MODEL + "  - {indicator: 16, year: 2025, level: 3}\n"
    sixteen = next(i for i in _json(runner, make_model, bare)["indicators"] if i["id"] == "16")
    assert (sixteen["counted"], sixteen["source"]) == (1, "none")


def test_unknowns_a_data_centre_stating_no_network_is_not_said_off_jip(runner, make_model):
    """Indicator 16 stops below 4 for both, but a data centre that states no network is asked
    to record it, and only one stating networks without JIP is said not on JIP."""
    model = MODEL.replace("kind: khusus,", "kind: khusus, hosting: pdd,") + (
        "infrastructure:\n  - {id: pdd, name: Pusat Data Daerah, kind: pusat_data_daerah}\n")
    out = _json(runner, make_model, model)
    sixteen = next(i for i in out["indicators"] if i["id"] == "16")
    assert (sixteen["model"], sixteen["why"]) == (
        3, "5 of 5 applications on PDN or pusat data daerah; networks not recorded: pdd")
    assert _actions(out, 16, 4)[0] == (
        "record the networks of these data centres (`networks:`): pdd")
    stated = model.replace("kind: pusat_data_daerah}", "kind: pusat_data_daerah, networks: []}")
    out = _json(runner, make_model, stated)
    sixteen = next(i for i in out["indicators"] if i["id"] == "16")
    assert sixteen["why"].endswith("; not on JIP: pdd")
    assert _actions(out, 16, 4)[0] == "connect these data centres to JIP: pdd"


def test_unknowns_an_earlier_verified_level_holds_where_the_model_leaves_the_rule_out(
    runner, tmp_path
):
    """A claim of 3 for indicator 22 whose bukti dukung are all of 2022, when the evaluator
    verified 2 in 2023, in a model describing no security control (insufficient data): the
    evaluator's level counts, not level 1 (review)."""
    model = tmp_path / "model"
    shutil.copytree(EXAMPLE, model)
    (model / "keamanan.yaml").unlink()
    (model / "roadmap.yaml").unlink()
    entries = model / "assessment.yaml"
    entries.write_text(entries.read_text("utf-8") + (
        "  - indicator: 22\n    year: 2024\n    level: 3\n    evidence:\n"
        "      - title: Peraturan Bupati Lembah Hijau Nomor 5 Tahun 2022 tentang Manajemen "
        "Keamanan Informasi\n        year: 2022\n"), "utf-8")
    result = runner.invoke(app, ["maturity", str(model), "--format", "json"])
    out = json.loads(result.stdout)
    rating = next(i for i in out["indicators"] if i["id"] == "22")
    assert rating["counted"] == 2
    assert rating["why"].endswith("claimed 3, its bukti dukung are all of 2023 or before, when "
                                  "the evaluator verified 2: nothing since shows more: 2 counts")


def test_a_claim_in_a_small_model_counts_no_higher_than_its_rule_shows(runner, make_model):
    """Re-trial: two applications integrated with each other take the application rule to
    its ceiling (4), and a documented claim of 5 counted in full; bukti dukung lift the small
    model's cap (2), not the rule."""
    model = make_model({"model.yaml": """\
units: [{id: diskominfo, name: Diskominfo, kind: dinas, networks: [jip]}]
applications:
  - {id: srikandi-kecil, name: SRIKANDI, kind: umum, platform: srikandi, owner: diskominfo,
     hosting: pdn}
  - {id: website, name: Website Resmi, kind: khusus, owner: diskominfo, hosting: pdn}
integrations:
  - {id: i1, source: website, target: srikandi-kecil, via: api_direct}
assessment:
  - {indicator: 15, year: 2024, level: 5, evidence: [{title: Keputusan Bupati Nomor 7 Tahun
     2024 tentang Aplikasi SPBE}]}
"""})
    out = json.loads(runner.invoke(app, ["maturity", str(model), "--format", "json"]).stdout)
    rating = next(i for i in out["indicators"] if i["id"] == "15")
    assert (rating["self"], rating["model"], rating["counted"]) == (5, 2, 4)
    assert rating["why"].endswith("claimed 5, its rule shows 4 (bukti dukung lift the cap, not "
                                  "the rule): 4 counts")
