"""`spbe-arch audit` and `spbe-arch impact` from the user's side: output, formats, exit codes."""

import json
import shutil

import pytest
from conftest import EXAMPLE

from spbe_arch.cli import app

UNITS = """\
units:
  - {id: dinkes, name: Dinas Kesehatan, kind: dinas, networks: [jip]}
  - {id: disdukcapil, name: Disdukcapil, kind: dinas, networks: [jip]}
infrastructure:
  - {id: pdd-kab, name: Pusat Data Daerah, kind: pusat_data_daerah}
"""

APPS = """\
applications:
  - id: siak-kab
    name: SIAK
    kind: khusus
    owner: disdukcapil
    hosting: pdd-kab
    writes: [data-penduduk]
  - id: simpus
    name: SIMPUS
    kind: khusus
    owner: dinkes
    hosting: pdd-kab
    reads: [data-penduduk]
data:
  - {id: data-penduduk, name: Data Penduduk, steward: disdukcapil}
services:
  - {id: svc-puskesmas, name: Puskesmas, kind: public, owner: dinkes, applications: [simpus]}
"""

LINKED = """\
integrations:
  - {id: int-01, source: siak-kab, target: simpus, via: splp}
"""

RECORDED = """\
integrations:
  - {id: int-00, source: simpus, target: siak-kab, via: manual}
"""
"""Integrations are recorded (so gaps are known), and none carries data to simpus."""

GAP_LINE = (
    "apps.yaml:8:5: error SPBE-A002 aplikasi 'simpus' reads data 'data-penduduk' produced by "
    "'siak-kab' with no integration path to it (affects layanan 'svc-puskesmas')"
)


def test_an_application_whose_integrations_are_unknown_has_no_gap_and_is_not_isolated(
        runner, make_model, tmp_path):
    """`integrations_known: false` (an inventory's empty 'Terintegrasi dengan'): SIMPUS may
    get the population data by a link the source does not give: unknown, not a defect."""
    apps = APPS.replace("    reads: [data-penduduk]\n",
                        "    reads: [data-penduduk]\n    integrations_known: false\n")
    root = make_model({"units.yaml": UNITS, "apps.yaml": apps, "int.yaml": RECORDED})
    result = runner.invoke(app, ["audit", str(root), "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    codes = {f["code"] for f in out["findings"]}
    assert not codes & {"SPBE-A002", "SPBE-A003"}, codes
    assert [f["element"] for f in out["findings"] if f["code"] == "SPBE-A001"] == ["siak-kab"]
    assert out["metrics"]["completeness"]["applications.integrations"] == {"known": 1, "of": 2}
    assert out["metrics"]["services_fully_integrated"]["unknown"] == 1
    report = tmp_path / "laporan"
    assert runner.invoke(app, ["report", str(root), "-o", str(report), "--lang", "en"]
                         ).exit_code == 0
    assert ("No data flow is known to lack an integration; whether 1 is integrated is "
            "unknown: the integrations of SIMPUS are not recorded.") in (
        report / "report.md").read_text(encoding="utf-8")
    impact = runner.invoke(app, ["impact", str(root), "siak-kab"])
    assert ("1 application reading data of what stops has integrations the model does not "
            "give (simpus): whether it loses data too is not known") in impact.output.splitlines()
    impact = json.loads(runner.invoke(app, ["impact", str(root), "siak-kab", "-f", "json"]).stdout)
    assert (impact["degraded"], impact["readers_unknown"]) == ([], ["simpus"])


def test_a_producer_whose_integrations_are_unknown_leaves_its_readers_services_unknown(
        runner, make_model):
    """SIAK's integrations are not given: whether SIMPUS gets its data is unknown, so the
    Puskesmas service is neither fully integrated nor not (SIMPUS itself is isolated)."""
    apps = APPS.replace("    writes: [data-penduduk]\n",
                        "    writes: [data-penduduk]\n    integrations_known: false\n")
    root = make_model({"units.yaml": UNITS, "apps.yaml": apps, "int.yaml": RECORDED})
    out = json.loads(runner.invoke(app, ["audit", str(root), "--format", "json"]).stdout)
    services = out["metrics"]["services_fully_integrated"]
    assert (services["part"], services["total"], services["unknown"]) == (0, 0, 1)
    assert [f["element"] for f in out["findings"] if f["code"] == "SPBE-A001"] == ["simpus"]


def test_audit_gap_exits_1_with_located_finding_and_metrics(runner, make_model):
    root = make_model({"units.yaml": UNITS, "apps.yaml": APPS, "int.yaml": RECORDED})
    result = runner.invoke(app, ["audit", str(root)])
    assert result.exit_code == 1, result.output
    assert f"{root}/{GAP_LINE}" in result.output.splitlines()
    assert "    hint: integrate 'siak-kab' -> 'simpus' through SPLP" in result.output
    assert "integrations via SPLP" in result.output
    assert "services fully integrated" in result.output
    assert "0 of 1 (0%)" in result.output


def test_audit_without_integrations_counts_no_service_as_integrated_or_not(runner, make_model):
    root = make_model({"units.yaml": UNITS, "apps.yaml": APPS})
    result = runner.invoke(app, ["audit", str(root), "--format", "json"])
    metrics = json.loads(result.stdout)["metrics"]
    assert metrics["services_fully_integrated"] == {"part": 0, "total": 0, "value": None,
                                                    "unknown": 1}
    text = runner.invoke(app, ["audit", str(root)]).output
    assert "services fully integrated" in text and "0 of 1" not in text
    assert "not known for any of 1" in text


def test_audit_clean_integration_exits_0(runner, make_model):
    root = make_model({"units.yaml": UNITS, "apps.yaml": APPS, "int.yaml": LINKED})
    result = runner.invoke(app, ["audit", str(root)])
    assert result.exit_code == 0, result.output
    assert "SPBE-A002" not in result.output
    assert "1 of 1 (100%)" in result.output


def test_audit_fail_on_warning_counts_warnings(runner, make_model):
    root = make_model({"units.yaml": UNITS, "apps.yaml": APPS, "int.yaml": LINKED})
    extra = ("data:\n  - {id: data-jalan, name: Data Jalan, steward: dinkes, producer: simpus, "
             "classification: terbuka, published: false}\n")
    (root / "extra.yaml").write_text(extra)
    assert runner.invoke(app, ["audit", str(root)]).exit_code == 0
    result = runner.invoke(app, ["audit", str(root), "--fail-on", "warning"])
    assert result.exit_code == 1, result.output
    assert ("warning SPBE-A013 data 'data-jalan' is terbuka (open) but not published on Satu "
            "Data") in result.output


def test_audit_json_contract(runner, make_model):
    root = make_model({"units.yaml": UNITS, "apps.yaml": APPS, "int.yaml": RECORDED})
    result = runner.invoke(app, ["audit", str(root), "--format", "json"])
    assert result.exit_code == 1, result.output
    payload = json.loads(result.stdout)
    assert set(payload) == {"metrics", "findings"}
    assert payload["metrics"]["integrations_via_splp"] == {"part": 0, "total": 0, "value": None,
                                                           "unknown": 0}
    assert payload["metrics"]["applications_per_unit"] == {"dinkes": 1, "disdukcapil": 1}
    gap = [f for f in payload["findings"] if f["code"] == "SPBE-A002"]
    assert gap == [
        {
            "code": "SPBE-A002",
            "severity": "error",
            "message": "aplikasi 'simpus' reads data 'data-penduduk' produced by 'siak-kab' "
            "with no integration path to it (affects layanan 'svc-puskesmas')",
            "element": "simpus",
            "file": "apps.yaml",
            "line": 8,
            "column": 5,
            "hint": "integrate 'siak-kab' -> 'simpus' through SPLP",
            "waived": None,
            "about": "data-penduduk",  # what tells it from a gap of other data of simpus
        }
    ]


def test_audit_reports_validation_findings_too(runner, make_model):
    broken = APPS.replace("owner: dinkes\n", "owner: dinkes-x\n")
    root = make_model({"units.yaml": UNITS, "apps.yaml": broken, "int.yaml": RECORDED})
    result = runner.invoke(app, ["audit", str(root), "--format", "json"])
    assert result.exit_code == 1, result.output
    codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
    assert {"SPBE-R008", "SPBE-A002"} <= codes


def test_audit_applies_severity_overrides(runner, make_model):
    manifest = (
        "instansi:\n  id: kab-uji\n  name: Kabupaten Uji\n  level: kabupaten\n"
        "  severity: {SPBE-A002: 'off', SPBE-A003: error}\n"
    )
    root = make_model({"spbe.yaml": manifest, "units.yaml": UNITS, "apps.yaml": APPS,
                       "int.yaml": RECORDED})
    result = runner.invoke(app, ["audit", str(root), "--format", "json"])
    assert result.exit_code == 1, result.output
    found = {f["code"]: f["severity"] for f in json.loads(result.stdout)["findings"]}
    assert "SPBE-A002" not in found
    assert found["SPBE-A003"] == "error"
    assert "SPBE-R015" not in found  # audit codes are known to the override check


def test_audit_sarif_and_markdown(runner, make_model):
    root = make_model({"units.yaml": UNITS, "apps.yaml": APPS, "int.yaml": RECORDED})
    sarif = runner.invoke(app, ["audit", str(root), "--format", "sarif"])
    assert sarif.exit_code == 1, sarif.output
    run = json.loads(sarif.stdout)["runs"][0]
    assert "SPBE-A002" in {r["id"] for r in run["tool"]["driver"]["rules"]}
    markdown = runner.invoke(app, ["audit", str(root), "--format", "markdown"])
    assert markdown.exit_code == 1, markdown.output
    assert "| services fully integrated | 0 of 1 (0%) |" in markdown.stdout
    assert f"| error | SPBE-A002 | `{root}/apps.yaml:8:5` | simpus |" in markdown.stdout


def test_audit_sarif_names_files_from_the_repository_root_wherever_it_runs(
    runner, make_model, tmp_path, monkeypatch
):
    """Code scanning resolves a result's file against the repository checked out: in a git
    work tree the files are given from its root (%SRCROOT%), not from where the command ran;
    outside one, as the text output shows them."""
    import subprocess

    root = make_model({"units.yaml": UNITS, "apps.yaml": APPS, "int.yaml": RECORDED})
    repo = tmp_path / "repo"
    model = repo / "arsitektur" / "kota"
    model.parent.mkdir(parents=True)
    root.rename(model)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "arsitektur" / "docs").mkdir()
    monkeypatch.chdir(repo / "arsitektur" / "docs")
    run = json.loads(runner.invoke(app, ["audit", "../kota", "-f", "sarif"]).stdout)["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "arsitektur/kota/apps.yaml", "uriBaseId": "%SRCROOT%"}
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": f"{repo.resolve().as_uri()}/"}}

    shutil.rmtree(repo / ".git")
    run = json.loads(runner.invoke(app, ["audit", "../kota", "-f", "sarif"]).stdout)["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "../kota/apps.yaml"} and "originalUriBaseIds" not in run


def test_audit_sarif_paths_are_uri_references_and_hints_in_the_language(runner, make_model,
                                                                        tmp_path, monkeypatch):
    """A folder named with a space is `%20` in SARIF (a URI reference, as code scanning reads
    it); the hint's label is in the language asked for, as the message is."""
    root = make_model({"units.yaml": UNITS, "apps.yaml": APPS, "int.yaml": RECORDED})
    spaced = tmp_path / "model kota"
    root.rename(spaced)
    monkeypatch.chdir(tmp_path)
    run = json.loads(runner.invoke(app, ["audit", "model kota", "-f", "sarif", "--lang", "id"]
                                   ).stdout)["runs"][0]
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
            for r in run["results"] for loc in r["locations"]}
    assert "model%20kota/apps.yaml" in uris and not any(" " in uri for uri in uris)
    hinted = [r["message"]["text"] for r in run["results"] if "(saran: " in r["message"]["text"]]
    assert hinted and not any("(hint: " in r["message"]["text"] for r in run["results"])


def test_audit_sarif_places_every_result_model_wide_ones_on_the_manifest(runner):
    """Code scanning (GitHub's upload-sarif) rejects a result without a location: a finding
    about the whole model (SPBE-A021) is placed on the first line of spbe.yaml."""
    sarif = runner.invoke(app, ["audit", str(EXAMPLE), "--format", "sarif"])
    results = json.loads(sarif.stdout)["runs"][0]["results"]
    assert all(r.get("locations") for r in results)
    model_wide = [r for r in results if r["ruleId"] == "SPBE-A021"]
    assert model_wide and {
        (loc["physicalLocation"]["artifactLocation"]["uri"].rsplit("/", 1)[-1],
         loc["physicalLocation"]["region"]["startLine"])
        for r in model_wide for loc in r["locations"]} == {("spbe.yaml", 1)}


def test_audit_missing_folder_exits_2(runner, tmp_path):
    result = runner.invoke(app, ["audit", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "no such file or folder" in result.output
    assert "Traceback" not in result.output


def test_impact_text_lists_stopped_with_paths(runner, make_model):
    root = make_model({"units.yaml": UNITS, "apps.yaml": APPS, "int.yaml": LINKED})
    result = runner.invoke(app, ["impact", str(root), "pdd-kab"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "impact of 'pdd-kab' (Pusat Data Daerah) failing (infrastructure)"
    assert "    simpus: pdd-kab -> simpus" in lines
    assert "    svc-puskesmas: pdd-kab -> simpus -> svc-puskesmas" in lines
    assert "  int-01: pdd-kab -> siak-kab -> int-01" in lines
    assert lines[-1] == (  # the model records no business process: not known, never 0
        "2 applications, 1 service stopped, business processes not known; 0 degraded; "
        "1 integration broken; 2 units affected"
    )


def test_impact_json_contract(runner, make_model):
    root = make_model({"units.yaml": UNITS, "apps.yaml": APPS, "int.yaml": LINKED})
    result = runner.invoke(app, ["impact", str(root), "splp", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "element": "splp",
        "kind": "national",
        "stopped": [],
        "degraded": [
            {"id": "simpus", "kind": "applications", "path": ["splp", "int-01", "simpus"]},
            {
                "id": "svc-puskesmas",
                "kind": "services",
                "path": ["splp", "int-01", "simpus", "svc-puskesmas"],
            },
        ],
        "units_affected": [],
        "integrations_broken": [
            {"id": "int-01", "kind": "integrations", "path": ["splp", "int-01"]}
        ],
        "hosting_unknown": 0,
        "network_unknown": 0,
        "via_unknown": 0,
        "integrations_unknown": False,
        "services_unknown": False,
        "processes_unknown": True,  # no business process recorded: which stop is not known
        "data_unknown": 0,
        "data_unstated": [],
        "readers_unknown": [],
        "owned": [],
    }


def test_impact_of_a_unit_names_its_applications(runner, make_model):
    """A unit stops nothing by itself: the impact says so and names what to ask instead."""
    root = make_model({"units.yaml": UNITS, "apps.yaml": APPS, "int.yaml": LINKED})
    result = runner.invoke(app, ["impact", str(root), "dinkes"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == (
        "a unit does not fail as a system does: nothing runs on it; what stops with one of "
        "its applications: spbe-arch impact MODEL APPLICATION (simpus)")
    payload = runner.invoke(app, ["impact", str(root), "dinkes", "-f", "json"]).stdout
    assert json.loads(payload)["owned"] == ["simpus"]


def test_an_outage_of_a_login_provider_degrades_the_applications_logged_in_through_it(
        runner, make_model):
    """`via: shared_login` moves no data (no link), but SIMPUS's users log in through SIAK's
    accounts: SIAK failing degrades SIMPUS and its service."""
    sso = "integrations:\n  - {id: sso-01, source: siak-kab, target: simpus, via: shared_login}\n"
    root = make_model({"units.yaml": UNITS, "apps.yaml": APPS, "int.yaml": sso})
    payload = json.loads(runner.invoke(app, ["impact", str(root), "siak-kab", "-f",
                                             "json"]).stdout)
    assert [(e["id"], e["path"]) for e in payload["degraded"]] == [
        ("simpus", ["siak-kab", "sso-01", "simpus"]),
        ("svc-puskesmas", ["siak-kab", "sso-01", "simpus", "svc-puskesmas"])]
    assert payload["integrations_broken"] == []  # no data moved along it


def test_impact_markdown(runner, make_model):
    root = make_model({"units.yaml": UNITS, "apps.yaml": APPS, "int.yaml": LINKED})
    result = runner.invoke(app, ["impact", str(root), "simpus", "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert "### Impact of `simpus` (SIMPUS) failing" in result.stdout
    assert "| svc-puskesmas | services | simpus → svc-puskesmas |" in result.stdout


def test_impact_of_infrastructure_says_when_hosting_is_unknown(runner, make_model):
    """An outage that stops nothing the model shows may stop what it does not: applications
    without `hosting:` are counted, never taken as safe."""
    unknown = APPS.replace("    hosting: pdd-kab\n", "", 1)
    root = make_model({"units.yaml": UNITS, "apps.yaml": unknown, "int.yaml": LINKED})
    text = runner.invoke(app, ["impact", str(root), "pdd-kab"]).stdout.splitlines()
    assert text[-1] == ("the hosting of 1 active application is not recorded: the outage may "
                        "stop it too")
    payload = runner.invoke(app, ["impact", str(root), "pdd-kab", "-f", "json"]).stdout
    assert json.loads(payload)["hosting_unknown"] == 1
    known = make_model({"apps.yaml": APPS})
    assert "not recorded" not in runner.invoke(app, ["impact", str(known), "pdd-kab"]).stdout
    assert "not recorded" not in runner.invoke(app, ["impact", str(root), "simpus"]).stdout


@pytest.mark.parametrize("tenancy", ["", ", platform: jip"])
def test_an_outage_of_jip_cuts_the_links_over_the_pemda_s_jip_access(runner, make_model,
                                                                      tenancy):
    """A `kind: jip` element is the pemda's part of JIP, `platform: jip` written or not: the
    national JIP failing cuts it, and so the integrations running over it."""
    network = ("infrastructure:\n"
               f"  - {{id: jip-kab, name: JIP Kabupaten, kind: jip{tenancy}}}\n")
    over_jip = LINKED.replace("via: splp}", "via: splp, network: jip-kab}")
    root = make_model({"units.yaml": UNITS, "apps.yaml": APPS, "int.yaml": over_jip,
                       "jip.yaml": network})
    outage = json.loads(runner.invoke(app, ["impact", str(root), "jip", "-f", "json"]).stdout)
    assert [(e["id"], e["path"]) for e in outage["stopped"]] == [
        ("jip-kab", ["jip", "jip-kab"])]
    assert [e["id"] for e in outage["integrations_broken"]] == ["int-01"]
    assert [e["id"] for e in outage["degraded"]] == ["simpus", "svc-puskesmas"]


RELAY = """\
applications:
  - {id: a, name: A, kind: khusus, owner: dinkes, writes: [data-a]}
  - {id: m, name: M, kind: khusus, owner: dinkes, reads: [data-a], writes: [data-m]}
  - {id: c, name: C, kind: khusus, owner: dinkes, reads: [data-m]}
data:
  - {id: data-a, name: Data A, steward: dinkes}
  - {id: data-m, name: Data M, steward: dinkes}
integrations:
  - {id: int-am, source: a, target: m, via: splp}
  - {id: int-mc, source: m, target: c, via: splp}
"""


@pytest.mark.parametrize(("reads", "relay"), [
    ("[data-m]", False),  # c reads only what m writes: m produces, it relays nothing of a's
    ("[data-m, data-a]", True),  # c needs a's data too, and it runs only through m
    (None, True),  # what c reads is not stated: the path may carry what it needs
])
def test_a_relay_is_a_single_point_of_failure_for_what_the_receiver_reads(
        runner, make_model, reads, relay):
    text = RELAY.replace("reads: [data-m]}", f"reads: {reads}}}" if reads else "}")
    root = make_model({"units.yaml": UNITS, "apps.yaml": text})
    result = runner.invoke(app, ["audit", str(root), "--format", "json"])
    found = [f["element"] for f in json.loads(result.stdout)["findings"]
             if f["code"] == "SPBE-A015"]
    assert found == (["m"] if relay else [])


def test_a_relay_of_data_its_sender_passes_on_is_a_single_point_of_failure(runner, make_model):
    """b writes only its own data but passes on what it reads from a: c, reading a's data,
    depends on m, the only path from b."""
    chain = """\
applications:
  - {id: a, name: A, kind: khusus, owner: dinkes, writes: [data-a]}
  - {id: b, name: B, kind: khusus, owner: dinkes, reads: [data-a], writes: [data-b]}
  - {id: m, name: M, kind: khusus, owner: dinkes, reads: [data-b]}
  - {id: c, name: C, kind: khusus, owner: dinkes, reads: [data-a]}
data:
  - {id: data-a, name: Data A, steward: dinkes}
  - {id: data-b, name: Data B, steward: dinkes}
integrations:
  - {id: int-ab, source: a, target: b, via: splp}
  - {id: int-bm, source: b, target: m, via: splp}
  - {id: int-mc, source: m, target: c, via: splp}
"""
    root = make_model({"units.yaml": UNITS, "apps.yaml": chain})
    result = runner.invoke(app, ["audit", str(root), "--format", "json"])
    assert [f["element"] for f in json.loads(result.stdout)["findings"]
            if f["code"] == "SPBE-A015"] == ["b", "m"]


def test_impact_of_an_application_says_when_no_integration_is_recorded(runner, make_model):
    """Without any integration recorded, which applications read the failed one's data is
    unknown: the impact says so instead of implying none does."""
    root = make_model({"units.yaml": UNITS, "apps.yaml": APPS})
    unknown = ("the model records no integration: which applications read data from those "
               "that stop is not known")
    for element in ("siak-kab", "pdd-kab"):  # the application, or what stops it
        result = runner.invoke(app, ["impact", str(root), element])
        assert result.stdout.splitlines()[-1] == unknown, result.stdout
    payload = json.loads(runner.invoke(app, ["impact", str(root), "siak-kab", "-f", "json"]).stdout)
    assert (payload["integrations_unknown"], payload["degraded"]) == (True, [])
    assert unknown not in runner.invoke(app, ["impact", str(root), "svc-puskesmas"]).stdout
    linked = make_model({"int.yaml": LINKED})
    output = runner.invoke(app, ["impact", str(linked), "siak-kab"]).stdout
    assert unknown not in output and "simpus: siak-kab -> int-01 -> simpus" in output
    (linked / "int.yaml").unlink()  # no integration again, and the failed one not in use
    retired = make_model({"apps.yaml": APPS.replace("    owner: dinkes\n",
                                                    "    owner: dinkes\n    status: retired\n")})
    assert unknown not in runner.invoke(app, ["impact", str(retired), "simpus"]).stdout


def test_impact_says_when_the_services_or_the_data_of_what_stops_are_not_recorded(
    runner, make_model
):
    """An inventory gives no services and no data read or written: an application's failure
    stops 0 services and degrades 0 applications only as far as the model records; the
    impact says what it cannot tell."""
    root = make_model({"units.yaml": UNITS, "apps.yaml": """\
        applications:
          - {id: siak-kab, name: SIAK, kind: khusus, owner: disdukcapil, hosting: pdd-kab}
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, hosting: pdd-kab,
             reads: [data-penduduk]}
        data:
          - {id: data-penduduk, name: Data Penduduk, steward: disdukcapil}
        """, "int.yaml": LINKED})
    lines = runner.invoke(app, ["impact", str(root), "siak-kab"]).stdout.splitlines()
    assert lines[-2:] == [
        "1 application failing or stopping leaves out the data it reads and writes "
        "(siak-kab): which applications lose data with it is not known",
        "the model records no service: which services stop is not known",
    ]
    payload = json.loads(runner.invoke(app, ["impact", str(root), "pdd-kab", "-f", "json"]).stdout)
    assert (payload["data_unknown"], payload["data_unstated"], payload["services_unknown"]) == (
        1, ["siak-kab"], True)
    indonesian = runner.invoke(app, ["impact", str(root), "simpus", "--lang", "id"]).stdout
    assert indonesian.splitlines()[-1] == (
        "model belum mencatat layanan: layanan yang berhenti belum diketahui")


def test_impact_of_splp_says_nothing_of_hosting(runner, make_model):
    """A gateway outage stops no data centre: where applications are hosted cannot matter."""
    unknown = APPS.replace("    hosting: pdd-kab\n", "", 1)
    root = make_model({"units.yaml": UNITS, "apps.yaml": unknown, "int.yaml": LINKED})
    result = runner.invoke(app, ["impact", str(root), "splp"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == (
        "0 applications, 0 services stopped, business processes not known; 2 degraded; "
        "1 integration broken; 0 units affected"
    )
    payload = runner.invoke(app, ["impact", str(root), "splp", "-f", "json"]).stdout
    assert json.loads(payload)["hosting_unknown"] == 0


NETWORKS = """\
units:
  - {id: dinkes, name: Dinas Kesehatan, kind: dinas, networks: [jip-kab]}
  - {id: disdukcapil, name: Disdukcapil, kind: dinas, networks: [jip-kab]}
infrastructure:
  - {id: jip-kab, name: JIP Kabupaten, kind: jip}
  - {id: inet, name: Internet, kind: internet}
  - {id: pdd-kab, name: Pusat Data Daerah, kind: pusat_data_daerah, networks: [jip-kab, inet]}
integrations:
  - {id: int-01, source: siak-kab, target: simpus, via: splp, network: jip-kab}
  - {id: int-02, source: simpus, target: siak-kab, via: api_direct}
  - {id: int-03, source: siak-kab, target: simpus, via: file_transfer}
  - {id: int-04, source: siak-kab, target: simpus, via: manual}
  - {id: int-05, source: siak-kab, target: simpus, via: api_direct, network: inet}
"""
"""Two of the links (int-02, int-03) leave their network out; int-04 is no link (manual)."""


def test_impact_of_a_network_counts_the_integrations_of_unknown_network(runner, make_model):
    unknown = APPS.replace("    hosting: pdd-kab\n", "", 1)
    root = make_model({"units.yaml": NETWORKS, "apps.yaml": unknown})
    result = runner.invoke(app, ["impact", str(root), "jip-kab"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "  int-01: jip-kab -> int-01" in lines
    assert lines[-1] == (
        "the network of 2 active integrations is not recorded: the outage may break them too"
    )
    assert "hosting" not in result.stdout  # no data centre of its stops
    payload = json.loads(runner.invoke(app, ["impact", str(root), "jip-kab", "-f", "json"]).stdout)
    assert (payload["network_unknown"], payload["hosting_unknown"]) == (2, 0)
    markdown = runner.invoke(app, ["impact", str(root), "jip-kab", "-f", "markdown"]).stdout
    assert "\nthe network of 2 active integrations is not recorded" in markdown
    indonesian = runner.invoke(app, ["impact", str(root), "jip-kab", "--lang", "id"]).stdout
    assert indonesian.splitlines()[-1] == (
        "jaringan 2 integrasi aktif belum dicatat: gangguan ini mungkin juga memutusnya"
    )
    for other in ("pdd-kab", "simpus", "int-02", "splp"):
        output = runner.invoke(app, ["impact", str(root), other]).stdout
        assert "network of" not in output, other


def test_impact_of_a_network_that_stops_a_data_centre_says_when_hosting_is_unknown(
    runner, make_model
):
    unknown = APPS.replace("    hosting: pdd-kab\n", "", 1)
    root = make_model({"units.yaml": NETWORKS, "apps.yaml": unknown})
    lines = runner.invoke(app, ["impact", str(root), "jip-kab"]).stdout.splitlines()
    assert "hosting" not in "\n".join(lines)
    stops_one = NETWORKS.replace("networks: [jip-kab, inet]}", "networks: [inet]}")
    root = make_model({"units.yaml": stops_one, "apps.yaml": unknown})
    lines = runner.invoke(app, ["impact", str(root), "inet"]).stdout.splitlines()
    assert "    pdd-kab: inet -> pdd-kab" in lines
    assert lines[-1] == (
        "the hosting of 1 active application is not recorded: the outage may stop it too"
    )
    assert "network of" not in "\n".join(lines)  # the links of unknown network broke already


def test_impact_unknown_id_exits_2_with_close_matches(runner, make_model):
    root = make_model({"units.yaml": UNITS, "apps.yaml": APPS, "int.yaml": RECORDED})
    result = runner.invoke(app, ["impact", str(root), "simpuss"])
    assert result.exit_code == 2
    assert result.output.strip() == "spbe-arch: unknown element 'simpuss'; did you mean: simpus"


@pytest.mark.parametrize(("written", "meant"), [
    ("PDN", "pdn"), ("SIMPUS", "simpus"), ("Pusat Data Nasional", "pdn"),
    ("Sistem Informasi Manajemen Puskesmas", "simpus"),
])
def test_impact_of_an_id_in_capitals_or_a_name_suggests_its_id(runner, written, meant):
    """Ids are written in lower case; a name, its acronym or its long name finds its id."""
    result = runner.invoke(app, ["impact", str(EXAMPLE), written])
    assert result.exit_code == 2
    assert result.output.strip().startswith(
        f"spbe-arch: unknown element '{written}'; did you mean: {meant}")


def test_impact_on_model_with_errors_still_reports_and_exits_1(runner, make_model):
    broken = APPS.replace("owner: dinkes\n", "owner: dinkes-x\n")
    root = make_model({"units.yaml": UNITS, "apps.yaml": broken, "int.yaml": RECORDED})
    result = runner.invoke(app, ["impact", str(root), "pdd-kab"])
    assert result.exit_code == 1, result.output
    assert "    simpus: pdd-kab -> simpus" in result.output
    assert "the model has 1 error; the impact may be incomplete" in result.output


def test_audit_text_cuts_long_metric_lists_and_json_keeps_them(runner, make_model):
    units = "".join(
        f"  - {{id: unit-{i:02}, name: Unit {i}, kind: dinas, networks: [jip]}}\n"
        for i in range(70)
    )
    apps = "".join(
        f"  - {{id: srikandi-{i}, name: SRIKANDI, kind: umum, platform: srikandi,"
        f" owner: unit-{i:02}}}\n"
        for i in range(7)
    )
    model = make_model({"units.yaml": "units:\n" + units, "apps.yaml": "applications:\n" + apps})
    text = runner.invoke(app, ["audit", str(model)]).output
    cells = " ".join(line.split("│")[2].strip() for line in text.splitlines() if "│" in line)
    assert "unit-00 1, unit-01 1," in cells
    assert "unit-59 0 and 10 more" in cells
    assert "unit-60" not in cells
    assert "srikandi (7: srikandi-0, srikandi-1, srikandi-2, srikandi-3, srikandi-4 and 2" in cells
    result = runner.invoke(app, ["audit", str(model), "--format", "json"])
    metrics = json.loads(result.output)["metrics"]
    assert len(metrics["applications_per_unit"]) == 70
    assert len(metrics["aplikasi_umum_used"]["srikandi"]) == 7


UNKNOWN_MECHANISM = """\
integrations:
  - {id: int-01, source: siak-kab, target: simpus, via: unknown}
  - {id: int-02, source: simpus, target: siak-kab, via: splp}
"""


def test_an_integration_whose_mechanism_is_not_recorded_is_neither_splp_nor_a_bypass(
    runner, make_model
):
    """`via: unknown`: the applications exchange data (no gap), the SPLP shares count only
    the mechanisms recorded, and maturity asks to record it rather than to reroute it."""
    root = make_model({"units.yaml": UNITS, "apps.yaml": APPS, "int.yaml": UNKNOWN_MECHANISM})
    out = json.loads(runner.invoke(app, ["audit", str(root), "--format", "json"]).stdout)
    codes = {f["code"] for f in out["findings"]}
    assert not codes & {"SPBE-A002", "SPBE-A003", "SPBE-A004"}
    assert out["metrics"]["integrations"] == 2
    assert out["metrics"]["integrations_via_splp"] == {"part": 1, "total": 1, "value": 1.0,
                                                       "unknown": 1}
    text = runner.invoke(app, ["audit", str(root)]).output
    assert "1 of 1 (100%); 1 not known" in text  # the share rests on one of two
    maturity = json.loads(runner.invoke(app, ["maturity", str(root), "--format", "json"]).stdout)
    splp = next(i for i in maturity["indicators"] if i["id"] == "18")
    assert splp["why"].startswith("1 of 1 integrations via SPLP; bypassing SPLP: 0 between "
                                  "units, 0 with national platforms; mechanism not recorded: 1")
    step = next(s for s in maturity["plan"] if s["indicator"] == "18")
    assert "record the mechanism (`via:`) of these integrations: int-01" in step["actions"]


def test_audit_says_for_how_many_integrations_the_mechanism_is_known(runner, make_model):
    """`via: unknown` is unknown, not absent: one SPBE-A021 fact, in text, JSON and Indonesian."""
    root = make_model({"units.yaml": UNITS, "apps.yaml": APPS, "int.yaml": UNKNOWN_MECHANISM})
    result = runner.invoke(app, ["audit", str(root)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    at = lines.index(
        f"{root}/spbe.yaml:1:1: info SPBE-A021 via known for 1 of 2 active integrations; not "
        "stated by int-01"
    )
    assert lines[at + 1] == (
        "    hint: state 'via:' where the source gives it; until then no finding rests on it"
    )
    out = json.loads(runner.invoke(app, ["audit", str(root), "--format", "json"]).stdout)
    assert out["metrics"]["completeness"]["integrations.via"] == {"known": 1, "of": 2}
    assert [f["message"] for f in out["findings"] if f["code"] == "SPBE-A021"] == [
        "network known for 0 of 2 active integrations; not stated by int-01, int-02",
        "via known for 1 of 2 active integrations; not stated by int-01",
    ]
    result = runner.invoke(app, ["audit", str(root), "--lang", "id"])
    assert (
        f"{root}/spbe.yaml:1:1: info SPBE-A021 isian `via` ada pada 1 dari 2 integrasi aktif; "
        "belum diisi pada int-01"
    ) in result.output.splitlines()


def test_audit_of_integrations_whose_mechanisms_are_all_known_has_no_via_fact(
    runner, make_model
):
    root = make_model({"units.yaml": UNITS, "apps.yaml": APPS, "int.yaml": LINKED})
    out = json.loads(runner.invoke(app, ["audit", str(root), "--format", "json"]).stdout)
    assert out["metrics"]["completeness"]["integrations.via"] == {"known": 1, "of": 1}
    assert not [f for f in out["findings"] if f["message"].startswith("via known")]


def test_aplikasi_umum_not_recorded_are_those_for_the_instansis_kind(runner, make_model):
    """Village finance (Siskeudes) is for a kabupaten's desa: a kota's model is not told it
    does not record it."""
    kabupaten = make_model({"units.yaml": UNITS, "apps.yaml": APPS})
    payload = json.loads(runner.invoke(app, ["audit", str(kabupaten), "-f", "json"]).stdout)
    assert "siskeudes" in payload["metrics"]["aplikasi_umum_not_recorded"]
    (kabupaten / "spbe.yaml").write_text(
        "instansi: {id: kota-uji, name: Kota Uji, level: kota}\n")
    payload = json.loads(runner.invoke(app, ["audit", str(kabupaten), "-f", "json"]).stdout)
    assert "siskeudes" not in payload["metrics"]["aplikasi_umum_not_recorded"]
    assert "srikandi" in payload["metrics"]["aplikasi_umum_not_recorded"]
    # a kementerian runs no SIPD, SIAK nor Dapodik: the pemda's systems
    (kabupaten / "spbe.yaml").write_text(
        "instansi: {id: kemen-uji, name: Kementerian Uji, level: kementerian}\n")
    payload = json.loads(runner.invoke(app, ["audit", str(kabupaten), "-f", "json"]).stdout)
    assert not {"sipd", "siak", "dapodik", "siskeudes"} & set(
        payload["metrics"]["aplikasi_umum_not_recorded"])
    assert "srikandi" in payload["metrics"]["aplikasi_umum_not_recorded"]


def test_what_a_file_that_cannot_be_read_may_hold_is_not_reported_missing(runner, tmp_path):
    """A tab in the file of the aplikasi khusus: no unit is said to own nothing, no data set to
    be unused, no application isolated, no data flow unintegrated, no service to lack the
    applications it names in that file."""
    from collections import Counter

    model = tmp_path / "model"
    shutil.copytree(EXAMPLE, model)
    khusus = model / "aplikasi" / "khusus.yaml"
    text = khusus.read_text("utf-8")
    khusus.write_text(text.replace("  - id: simpel-izin", "\t- id: simpel-izin"), "utf-8")
    codes = {}
    for path in (EXAMPLE, model):
        result = runner.invoke(app, ["audit", str(path), "--format", "json"])
        codes[path] = Counter(f["code"] for f in json.loads(result.stdout)["findings"])
    held_back = ("SPBE-A001", "SPBE-A002", "SPBE-A003", "SPBE-A018", "SPBE-A019")
    assert all(codes[EXAMPLE][code] for code in held_back)
    assert not any(codes[model][code] for code in held_back)
    assert codes[model]["SPBE-A014"] == codes[EXAMPLE]["SPBE-A014"]
    assert codes[model]["SPBE-R001"] == 1


def test_a_kementerian_is_told_of_pdn_not_of_a_pusat_data_daerah(runner, make_model):
    infra = ("infrastructure:\n  - {id: server-biro, name: Ruang Server Biro, kind: on_premise}\n"
             "  - {id: pdd-kab, name: Pusat Data Daerah, kind: pusat_data_daerah}\n")
    apps = APPS.replace("hosting: pdd-kab", "hosting: server-biro", 1)
    root = make_model({"spbe.yaml": "instansi: {id: kemen-uji, name: Kementerian Uji, "
                                    "level: kementerian}\n",
                       "units.yaml": UNITS.split("infrastructure:")[0], "infra.yaml": infra,
                       "apps.yaml": apps})
    result = runner.invoke(app, ["audit", str(root)])
    lines = result.output.splitlines()
    at = next(i for i, line in enumerate(lines) if "SPBE-A009" in line)
    assert lines[at].endswith("is hosted on premise in 'server-biro', outside PDN")
    assert lines[at + 1] == "    hint: move it to PDN"
    maturity = json.loads(runner.invoke(app, ["maturity", str(root), "-f", "json"]).stdout)
    sixteen = next(i for i in maturity["indicators"] if i["id"] == "16")
    assert "pusat data daerah" not in sixteen["why"]
    assert "move these applications to PDN: siak-kab" in [
        action for step in maturity["plan"] if step["indicator"] == "16"
        for action in step["actions"]]


@pytest.mark.parametrize(("status", "hint"), [
    ("retired", "retire the integration with its application (`status: retired`), or move it "
                "to the application that takes over"),
    ("development", "give the integration its application's status (`status: development`) "
                    "until the application is in service"),
])
def test_an_integration_whose_application_is_not_active_is_told_what_fits(
        runner, make_model, status, hint):
    """Retiring the integration fits an application retired, not one still being built."""
    apps = APPS.replace("    reads: [data-penduduk]\n",
                        f"    reads: [data-penduduk]\n    status: {status}\n", 1)
    linked = "integrations:\n  - {id: int-01, source: simpus, target: siak-kab, via: splp}\n"
    root = make_model({"units.yaml": UNITS, "apps.yaml": apps, "int.yaml": linked})
    lines = runner.invoke(app, ["audit", str(root)]).output.splitlines()
    at = next(n for n, line in enumerate(lines) if "SPBE-A022" in line)
    assert lines[at + 1] == f"    hint: {hint}"


def test_impact_of_splp_with_unknown_mechanisms_and_no_service_says_so(runner, make_model):
    """Integrations whose mechanism is not recorded may go through SPLP too, and with no
    service recorded, which stop for want of data is not known: neither is a 0."""
    root = make_model({"units.yaml": UNITS, "apps.yaml": APPS.split("services:")[0],
                       "int.yaml": LINKED + (
        "  - {id: int-09, source: simpus, target: siak-kab, via: unknown}\n")})
    result = runner.invoke(app, ["impact", str(root), "splp"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "services and business processes not known" in lines[-3]
    assert lines[-2:] == [
        "the mechanism of 1 active integration is not recorded: the outage may break it too",
        "the model records no service: which services stop is not known"]
