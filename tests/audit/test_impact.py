"""Impact analysis: what stops and what degrades, with the path explaining each."""

import pytest
from audit_helpers import load

from spbe_arch.audit import UnknownElementError, impact
from spbe_arch.graph import build_graph

MODEL = {
    "infra.yaml": """\
infrastructure:
  - {id: jip-kab, name: JIP, kind: jip}
  - {id: intranet, name: Intranet, kind: intranet}
  - {id: pdd-kab, name: PDD, kind: pusat_data_daerah, networks: [jip-kab]}
  - {id: server-dinkes, name: Server Dinkes, kind: on_premise, networks: [jip-kab, intranet]}
""",
    "apps.yaml": """\
applications:
  - {id: siak-kab, name: SIAK, kind: khusus, owner: disdukcapil, hosting: pdd-kab,
     writes: [data-penduduk]}
  - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, hosting: pdd-kab,
     reads: [data-penduduk]}
  - {id: sikda, name: SIKDA, kind: khusus, owner: dinkes, hosting: server-dinkes,
     reads: [data-penduduk]}
  - {id: e-kia, name: E-KIA, kind: khusus, owner: dinkes, hosting: server-dinkes,
     reads: [data-penduduk]}
  - {id: srikandi-kab, name: SRIKANDI, kind: umum, platform: srikandi, owner: dinkes}
data:
  - {id: data-penduduk, name: Penduduk, steward: disdukcapil, producer: siak-kab}
services:
  - {id: svc-puskesmas, name: Puskesmas, kind: public, owner: dinkes,
     applications: [simpus, sikda]}
  - {id: svc-adminduk, name: Adminduk, kind: public, owner: disdukcapil,
     applications: [siak-kab]}
  - {id: svc-arsip, name: Arsip, kind: administration, owner: dinkes,
     applications: [srikandi-kab]}
business_processes:
  - {id: bp-kesehatan, name: Kesehatan, owner: dinkes, services: [svc-puskesmas]}
  - {id: bp-adminduk, name: Adminduk, owner: disdukcapil, services: [svc-adminduk]}
integrations:
  - {id: int-01, source: siak-kab, target: sikda, via: splp, network: jip-kab}
  - {id: int-02, source: sikda, target: e-kia, via: api_direct, network: intranet}
""",
}


@pytest.fixture
def graph(tmp_path):
    return build_graph(load(tmp_path, MODEL).architecture)


def test_data_centre_failure_stops_hosted_apps_services_and_processes(graph):
    result = impact(graph, "pdd-kab")
    assert result.kind == "infrastructure"
    assert result.stopped == {
        "bp-adminduk": ("pdd-kab", "siak-kab", "svc-adminduk", "bp-adminduk"),
        "siak-kab": ("pdd-kab", "siak-kab"),
        "simpus": ("pdd-kab", "simpus"),
        "svc-adminduk": ("pdd-kab", "siak-kab", "svc-adminduk"),
    }
    assert result.integrations_broken == {"int-01": ("pdd-kab", "siak-kab", "int-01")}
    # sikda and e-kia keep running but lose data-penduduk; svc-puskesmas keeps sikda
    assert result.degraded == {
        "bp-kesehatan": ("pdd-kab", "simpus", "svc-puskesmas", "bp-kesehatan"),
        "e-kia": ("pdd-kab", "siak-kab", "int-01", "sikda", "int-02", "e-kia"),  # through sikda
        "sikda": ("pdd-kab", "siak-kab", "int-01", "sikda"),
        "svc-puskesmas": ("pdd-kab", "simpus", "svc-puskesmas"),
    }
    assert result.units_affected == {
        "dinkes": ("pdd-kab", "simpus", "dinkes"),
        "disdukcapil": ("pdd-kab", "siak-kab", "disdukcapil"),
    }


def test_network_failure_stops_only_data_centres_without_another_network(graph):
    result = impact(graph, "jip-kab")
    assert result.of_kind("infrastructure") == ["pdd-kab"]  # server-dinkes keeps the intranet
    assert result.stopped["simpus"] == ("jip-kab", "pdd-kab", "simpus")
    assert result.integrations_broken["int-01"] == ("jip-kab", "int-01")
    assert "sikda" not in result.stopped


def test_splp_failure_breaks_splp_links_and_degrades_readers_downstream(graph):
    result = impact(graph, "splp")
    assert result.kind == "national"
    assert result.stopped == {}
    assert result.integrations_broken == {"int-01": ("splp", "int-01")}
    assert result.degraded["sikda"] == ("splp", "int-01", "sikda")
    assert result.degraded["e-kia"] == ("splp", "int-01", "sikda", "int-02", "e-kia")
    assert result.degraded["svc-puskesmas"] == ("splp", "int-01", "sikda", "svc-puskesmas")


def test_reader_with_no_path_before_the_failure_is_not_degraded(graph):
    # simpus reads data-penduduk but never received it (an audit gap, not an impact)
    result = impact(graph, "int-02")
    assert result.kind == "integrations"
    assert result.degraded == {"e-kia": ("int-02", "e-kia")}


def test_app_failure_stops_services_only_when_all_realizing_apps_stop(graph):
    result = impact(graph, "sikda")
    assert "svc-puskesmas" in result.degraded
    assert "svc-puskesmas" not in result.stopped
    assert result.integrations_broken == {
        "int-01": ("sikda", "int-01"),
        "int-02": ("sikda", "int-02"),
    }
    assert result.units_affected == {"dinkes": ("sikda", "dinkes")}


def test_national_platform_failure_stops_its_local_instances(graph):
    result = impact(graph, "srikandi")
    assert result.stopped == {
        "srikandi-kab": ("srikandi", "srikandi-kab"),
        "svc-arsip": ("srikandi", "srikandi-kab", "svc-arsip"),
    }


def test_data_set_failure_degrades_its_readers(graph):
    result = impact(graph, "data-penduduk")
    assert sorted(result.of_kind("applications", degraded=True)) == ["e-kia", "sikda", "simpus"]


def test_unknown_element_lists_close_matches(graph):
    expected = r"unknown element 'pdd-kb'; did you mean: pdd-kab"
    with pytest.raises(UnknownElementError, match=expected):
        impact(graph, "pdd-kb")


def test_impact_as_dict_is_stable_json(graph):
    payload = impact(graph, "int-02").as_dict()
    assert payload == {
        "element": "int-02",
        "kind": "integrations",
        "stopped": [],
        "degraded": [{"id": "e-kia", "kind": "applications", "path": ["int-02", "e-kia"]}],
        "units_affected": [],
        "integrations_broken": [],
        "hosting_unknown": 0,
        "network_unknown": 0,
        "via_unknown": 0,
        "integrations_unknown": False,
        "services_unknown": False,
        "processes_unknown": False,
        "data_unknown": 0,
        "data_unstated": [],
        "readers_unknown": [],
        "owned": [],
    }


TENANTS = {
    "infra.yaml": """\
infrastructure:
  - {id: jip-kab, name: JIP Kabupaten, kind: jip, platform: jip}
  - {id: pdn-kab, name: Tenant PDN, kind: pdn, platform: pdn, networks: [jip-kab]}
  - {id: pdd-kab, name: PDD, kind: pusat_data_daerah, networks: [jip-kab]}
""",
    "apps.yaml": """\
applications:
  - {id: siak-kab, name: SIAK, kind: khusus, owner: disdukcapil, hosting: pdn-kab}
  - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, hosting: pdd-kab}
""",
}


def test_national_platform_failure_stops_its_tenant_data_centre_and_what_runs_there(tmp_path):
    graph = build_graph(load(tmp_path, TENANTS).architecture)
    result = impact(graph, "pdn")
    assert result.stopped == {
        "pdn-kab": ("pdn", "pdn-kab"),
        "siak-kab": ("pdn", "pdn-kab", "siak-kab"),
    }
    assert result.kinds["pdn-kab"] == "infrastructure"


def test_national_network_failure_stops_its_tenant_network_and_data_centres_behind_it(tmp_path):
    graph = build_graph(load(tmp_path, TENANTS).architecture)
    result = impact(graph, "jip")
    assert result.stopped == {
        "jip-kab": ("jip", "jip-kab"),
        "pdd-kab": ("jip", "jip-kab", "pdd-kab"),
        "pdn-kab": ("jip", "jip-kab", "pdn-kab"),
        "siak-kab": ("jip", "jip-kab", "pdn-kab", "siak-kab"),
        "simpus": ("jip", "jip-kab", "pdd-kab", "simpus"),
    }
