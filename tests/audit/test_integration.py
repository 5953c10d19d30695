"""Integration rules: SPBE-A001 to SPBE-A006, SPBE-A022."""

import pytest
from audit_helpers import findings

APPS = """\
applications:
  - {id: siak-kab, name: SIAK, kind: khusus, owner: disdukcapil, writes: [data-penduduk]}
  - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, reads: [data-penduduk]}
  - {id: relay, name: Relay, kind: khusus, owner: dinkes}
services:
  - {id: layanan-puskesmas, name: Puskesmas, kind: public, owner: dinkes, applications: [simpus]}
data:
  - {id: data-penduduk, name: Data Penduduk, steward: disdukcapil, producer: siak-kab}
"""


def _integrations(*rows: str) -> str:
    return "integrations:\n" + "".join(f"  - {{{row}}}\n" for row in rows)


MANUAL = _integrations("id: int-00, source: relay, target: siak-kab, via: manual")
"""Integrations are recorded (so isolation and gaps are known), none of them carries data."""


# SPBE-A001 isolated-application


def test_isolated_application_fires_for_active_app_without_integration(tmp_path):
    found = findings(tmp_path, {"apps.yaml": APPS, "int.yaml": MANUAL}, "SPBE-A001")
    assert [e for e, _ in found] == ["siak-kab", "simpus", "relay"]  # file order
    assert found[1][1] == "aplikasi 'simpus' is active but integrated with no other application"
    assert found[2][1] == ("aplikasi 'relay' is active but integrated with no other application "
                           "yet: 'int-00' not active, or manual or a shared login")  # the row's


def test_isolated_application_is_unknown_when_no_integration_is_recorded(tmp_path):
    assert findings(tmp_path, {"apps.yaml": APPS}, "SPBE-A001") == []
    assert (None, "integrations known for 0 of 3 active applications") in findings(
        tmp_path, {"apps.yaml": APPS}, "SPBE-A021")


def test_incomplete_data_hint_names_the_keys_to_state(runner, tmp_path):
    from audit_helpers import write

    from spbe_arch.cli import app

    result = runner.invoke(app, ["audit", str(write(tmp_path, {"apps.yaml": APPS}))])
    assert ("    hint: state 'reads:'/'writes:' where the source gives it; until then no "
            "finding rests on it") in result.output.splitlines()
    assert ("    hint: state their integrations in the collection 'integrations:' (source, "
            "target, via) where the source gives it; until then no finding rests on it"
            ) in result.output.splitlines()  # a collection: no application has the field


def test_isolated_application_counts_shared_login_as_no_integration(tmp_path):
    files = {
        "apps.yaml": APPS,
        "int.yaml": _integrations(
            "id: int-01, source: siak-kab, target: simpus, via: splp",
            "id: int-02, source: simpus, target: relay, via: shared_login",
        ),
    }
    assert [e for e, _ in findings(tmp_path, files, "SPBE-A001")] == ["relay"]


def test_a_login_provider_is_not_isolated(tmp_path):
    """Relay's users log in through SIMPUS: relay logs in elsewhere, moves no data (isolated);
    the login provider's job is logins, not data (not reported)."""
    files = {
        "apps.yaml": APPS,
        "int.yaml": _integrations(
            "id: int-01, source: simpus, target: relay, via: shared_login",
            "id: int-02, source: siak-kab, target: relay, via: manual",
        ),
    }
    assert [e for e, _ in findings(tmp_path, files, "SPBE-A001")] == ["siak-kab", "relay"]


def test_isolated_application_skips_planned_apps_and_aplikasi_umum_instances(tmp_path):
    files = {
        "apps.yaml": """\
applications:
  - {id: e-kir, name: E-KIR, kind: khusus, owner: dinkes, status: planned}
  - {id: srikandi-kab, name: SRIKANDI, kind: umum, platform: srikandi, owner: dinkes}
"""
    }
    assert findings(tmp_path, files, "SPBE-A001") == []


# SPBE-A002 unintegrated-data-flow


def test_unintegrated_data_flow_fires_without_path_and_names_services(tmp_path):
    found = findings(tmp_path, {"apps.yaml": APPS, "int.yaml": MANUAL}, "SPBE-A002")
    assert found == [
        (
            "simpus",
            "aplikasi 'simpus' reads data 'data-penduduk' produced by 'siak-kab' with no "
            "integration path to it (affects layanan 'layanan-puskesmas')",
        )
    ]


def test_unintegrated_data_flow_fires_when_integration_runs_consumer_to_producer(tmp_path):
    files = {
        "apps.yaml": APPS,
        "int.yaml": _integrations("id: int-01, source: simpus, target: siak-kab, via: splp"),
    }
    assert [e for e, _ in findings(tmp_path, files, "SPBE-A002")] == ["simpus"]


def test_unintegrated_data_flow_fires_when_only_link_is_planned_or_manual(tmp_path):
    files = {
        "apps.yaml": APPS,
        "int.yaml": _integrations(
            "id: int-01, source: siak-kab, target: simpus, via: splp, status: planned",
            "id: int-02, source: siak-kab, target: simpus, via: manual",
        ),
    }
    assert [e for e, _ in findings(tmp_path, files, "SPBE-A002")] == ["simpus"]


def test_unintegrated_data_flow_quiet_with_direct_integration(tmp_path):
    files = {
        "apps.yaml": APPS,
        "int.yaml": _integrations("id: int-01, source: siak-kab, target: simpus, via: splp"),
    }
    assert findings(tmp_path, files, "SPBE-A002") == []


def test_unintegrated_data_flow_quiet_with_path_through_intermediate_app(tmp_path):
    files = {
        "apps.yaml": APPS,
        "int.yaml": _integrations(
            "id: int-01, source: siak-kab, target: relay, via: splp",
            "id: int-02, source: relay, target: simpus, via: api_direct",
        ),
    }
    assert findings(tmp_path, files, "SPBE-A002") == []


def test_unintegrated_data_flow_quiet_when_reader_also_writes_the_data(tmp_path):
    apps = APPS.replace("reads: [data-penduduk]}", "reads: [data-penduduk], writes: "
                        "[data-penduduk]}")
    assert findings(tmp_path, {"apps.yaml": apps}, "SPBE-A002") == []


# SPBE-A003 unintegrated-service


def test_unintegrated_service_fires_naming_the_missing_flow(tmp_path):
    assert findings(tmp_path, {"apps.yaml": APPS, "int.yaml": MANUAL}, "SPBE-A003") == [
        (
            "layanan-puskesmas",
            "layanan 'layanan-puskesmas' depends on data that is not integrated: "
            "'data-penduduk' from 'siak-kab' to 'simpus'",
        )
    ]


def test_unintegrated_service_quiet_when_flow_integrated(tmp_path):
    files = {
        "apps.yaml": APPS,
        "int.yaml": _integrations("id: int-01, source: siak-kab, target: simpus, via: splp"),
    }
    assert findings(tmp_path, files, "SPBE-A003") == []


# SPBE-A004 integration-bypassing-splp


def test_integration_bypassing_splp_fires_across_units_and_to_national(tmp_path):
    files = {
        "apps.yaml": APPS,
        "int.yaml": _integrations(
            "id: int-01, source: siak-kab, target: simpus, via: database_link",
            "id: int-02, source: simpus, target: satusehat, via: api_direct",
        ),
    }
    assert findings(tmp_path, files, "SPBE-A004") == [
        (
            "int-01",
            "integration 'int-01' ('siak-kab' -> 'simpus') from unit 'disdukcapil' to unit "
            "'dinkes' uses 'database_link' instead of splp",
        ),
        (
            "int-02",
            "integration 'int-02' ('simpus' -> 'satusehat') to national platform 'satusehat' "
            "uses 'api_direct' instead of splp",
        ),
    ]


def test_integration_bypassing_splp_quiet_within_one_unit_or_via_splp(tmp_path):
    files = {
        "apps.yaml": APPS,
        "int.yaml": _integrations(
            "id: int-01, source: simpus, target: relay, via: api_direct",
            "id: int-02, source: siak-kab, target: simpus, via: splp",
        ),
    }
    assert findings(tmp_path, files, "SPBE-A004") == []


# SPBE-A005 integration-over-internet

NETWORKS = """\
infrastructure:
  - {id: internet-isp, name: ISP, kind: internet}
  - {id: jip-kab, name: JIP Kabupaten, kind: jip}
"""


def test_integration_over_internet_fires_for_internet_network(tmp_path):
    files = {
        "apps.yaml": APPS,
        "infra.yaml": NETWORKS,
        "int.yaml": _integrations(
            "id: int-01, source: siak-kab, target: simpus, via: splp, network: internet-isp"
        ),
    }
    assert findings(tmp_path, files, "SPBE-A005") == [
        (
            "int-01",
            "integration 'int-01' ('siak-kab' -> 'simpus') runs over the public internet "
            "'internet-isp' instead of JIP",
        )
    ]


@pytest.mark.parametrize(("networks", "named"), [
    (NETWORKS, "jip-kab"),  # the model's own JIP network
    (NETWORKS.replace("  - {id: jip-kab, name: JIP Kabupaten, kind: jip}\n", ""), "jip"),
    (NETWORKS + "  - {id: jip-kec, name: JIP Kecamatan, kind: jip}\n", "jip"),  # which one?
])
def test_integration_over_internet_hint_names_the_jip_network_to_use(
        runner, make_model, networks, named):
    import json

    from spbe_arch.cli import app

    root = make_model({"apps.yaml": APPS, "infra.yaml": networks, "int.yaml": _integrations(
        "id: int-01, source: siak-kab, target: simpus, via: splp, network: internet-isp")})
    result = runner.invoke(app, ["audit", str(root), "--format", "json"])
    hints = [f["hint"] for f in json.loads(result.stdout)["findings"]
             if f["code"] == "SPBE-A005"]
    assert hints == [f"use the government intranet: network: {named}"]


def test_integration_over_internet_quiet_on_jip(tmp_path):
    files = {
        "apps.yaml": APPS,
        "infra.yaml": NETWORKS,
        "int.yaml": _integrations(
            "id: int-01, source: siak-kab, target: simpus, via: splp, network: jip-kab",
            "id: int-02, source: simpus, target: relay, via: splp, network: jip",
        ),
    }
    assert findings(tmp_path, files, "SPBE-A005") == []


# SPBE-A006 non-integration-mechanism


def test_non_integration_mechanism_fires_for_shared_login_and_manual(tmp_path):
    files = {
        "apps.yaml": APPS,
        "int.yaml": _integrations(
            "id: int-01, source: siak-kab, target: simpus, via: shared_login",
            "id: int-02, source: simpus, target: relay, via: manual",
        ),
    }
    assert findings(tmp_path, files, "SPBE-A006") == [
        (
            "int-01",
            "integration 'int-01' ('siak-kab' -> 'simpus') is 'shared_login', which is not "
            "counted as integration",
        ),
        (
            "int-02",
            "integration 'int-02' ('simpus' -> 'relay') is 'manual', which is not counted as "
            "integration",
        ),
    ]


def test_non_integration_mechanism_quiet_for_api_exchange(tmp_path):
    files = {
        "apps.yaml": APPS,
        "int.yaml": _integrations("id: int-01, source: siak-kab, target: simpus, via: api_direct"),
    }
    assert findings(tmp_path, files, "SPBE-A006") == []


# SPBE-A022 integration-with-inactive-end


def test_an_active_integration_to_a_retired_application_is_reported(tmp_path):
    files = {
        "apps.yaml": APPS.replace("owner: dinkes}", "owner: dinkes, status: retired}", 1),
        "int.yaml": _integrations("id: int-02, source: simpus, target: relay, via: api_direct"),
    }
    assert findings(tmp_path, files, "SPBE-A022") == [
        ("int-02", "integration 'int-02' is active but its target 'relay' is retired")]
