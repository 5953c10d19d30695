"""Single points of failure: SPBE-A015, SPBE-A016, SPBE-A017."""

import pytest
from audit_helpers import findings, load

from spbe_arch.audit.spof import hub_application, infrastructure_single_point_of_failure
from spbe_arch.graph import build_graph


def _apps(*ids: str, hosting: str | None = None) -> str:
    host = f", hosting: {hosting}" if hosting else ""
    return "applications:\n" + "".join(
        f"  - {{id: {i}, name: {i}, kind: khusus, owner: dinkes{host}}}\n" for i in ids
    )


def _links(*pairs: str) -> str:
    rows = []
    for n, pair in enumerate(pairs, 1):
        source, target = pair.split(">")
        rows.append(f"  - {{id: int-{n:02d}, source: {source}, target: {target}, via: splp}}\n")
    return "integrations:\n" + "".join(rows)


# SPBE-A015 integration-single-point-of-failure


def test_relay_articulation_point_fires_naming_both_sides(tmp_path):
    files = {"apps.yaml": _apps("a", "b", "m", "c"), "int.yaml": _links("a>m", "b>m", "m>c")}
    assert findings(tmp_path, files, "SPBE-A015") == [
        ("m", "aplikasi 'm' is a single point of failure: every integration path from 'a', 'b' "
         "to 'c' runs through it")
    ]


def test_articulation_point_quiet_with_a_second_path(tmp_path):
    files = {"apps.yaml": _apps("a", "m", "c"), "int.yaml": _links("a>m", "m>c", "a>c")}
    assert findings(tmp_path, files, "SPBE-A015") == []


def test_articulation_point_that_only_receives_is_quiet(tmp_path):
    files = {"apps.yaml": _apps("a", "b", "m"), "int.yaml": _links("a>m", "b>m")}
    assert findings(tmp_path, files, "SPBE-A015") == []


# SPBE-A016 hub-application


def test_hub_fires_at_five_partners(tmp_path):
    apps = _apps("hub", "p1", "p2", "p3", "p4", "p5")
    links = _links("hub>p1", "hub>p2", "p3>hub", "p4>hub", "hub>sipd")
    assert findings(tmp_path, {"apps.yaml": apps, "int.yaml": links}, "SPBE-A016") == [
        ("hub", "aplikasi 'hub' is a hub: integrated with 5 applications or national "
         "platforms")
    ]


def test_hub_quiet_at_four_partners(tmp_path):
    apps = _apps("hub", "p1", "p2", "p3", "p4")
    links = _links("hub>p1", "hub>p2", "p3>hub", "p4>hub", "hub>p1")
    assert findings(tmp_path, {"apps.yaml": apps, "int.yaml": links}, "SPBE-A016") == []


def test_hub_threshold_is_an_option(tmp_path):
    files = {"apps.yaml": _apps("hub", "p1", "p2"), "int.yaml": _links("hub>p1", "hub>p2")}
    arch = load(tmp_path, files)
    graph = build_graph(arch.architecture)
    assert [f.element for f in hub_application(graph, partners=2)] == ["hub"]
    assert list(hub_application(graph)) == []


# SPBE-A017 infrastructure-single-point-of-failure


def _services(count: int) -> str:
    return "services:\n" + "".join(
        f"  - {{id: svc-{n}, name: S{n}, kind: public, owner: dinkes, applications: [app-{n}]}}\n"
        for n in range(1, count + 1)
    )


def _hosted(count: int) -> dict[str, str]:
    return {
        "infra.yaml": "infrastructure:\n  - {id: pdd-kab, name: PDD, kind: pusat_data_daerah}\n",
        "apps.yaml": _apps(*(f"app-{n}" for n in range(1, count + 1)), hosting="pdd-kab"),
        "svc.yaml": _services(count),
    }


def test_infrastructure_spof_fires_above_five_services(tmp_path):
    assert findings(tmp_path, _hosted(6), "SPBE-A017") == [
        ("pdd-kab", "infrastruktur 'pdd-kab' is a single point of failure: its loss stops 6 "
         "services ('svc-1', 'svc-2', 'svc-3', 'svc-4', 'svc-5' and 1 more)")
    ]


def test_infrastructure_spof_quiet_at_five_services(tmp_path):
    assert findings(tmp_path, _hosted(5), "SPBE-A017") == []


@pytest.mark.parametrize(("control", "fires"), [
    ("{id: drc, name: DRC, kind: disaster_recovery, covers: [pdd-kab]}", False),
    ("{id: drc, name: DRC, kind: drc, covers: [pdd-kab]}", False),
    ("{id: drc, name: DRC, kind: DRC, covers: [pdd-kab]}", False),
    ("{id: drc, name: DRC, kind: Disaster Recovery Center, covers: [pdd-kab]}", False),
    ("{id: drc, name: DRC, kind: disaster_recovery, covers: [pdd-kab], status: planned}", True),
    ("{id: bak, name: Backup harian, kind: backup, covers: [pdd-kab]}", True),
])
def test_a_recovery_site_covering_the_data_centre_answers_it(tmp_path, control, fires):
    """A DRC brings the services back; a backup in the same room, or a DRC still planned,
    does not."""
    files = {**_hosted(6), "sec.yaml": f"security:\n  - {control}\n"}
    assert bool(findings(tmp_path, files, "SPBE-A017")) is fires


def test_infrastructure_spof_threshold_is_an_option(tmp_path):
    graph = build_graph(load(tmp_path, _hosted(2)).architecture)
    found = list(infrastructure_single_point_of_failure(graph, services=1))
    assert [(f.element, f.related) for f in found] == [("pdd-kab", ("svc-1", "svc-2"))]


def test_network_spof_counts_data_centres_that_only_it_connects(tmp_path):
    files = _hosted(6)
    files["infra.yaml"] = """\
infrastructure:
  - {id: jip-kab, name: JIP, kind: jip}
  - {id: pdd-kab, name: PDD, kind: pusat_data_daerah, networks: [jip-kab]}
"""
    assert [e for e, _ in findings(tmp_path, files, "SPBE-A017")] == ["jip-kab", "pdd-kab"]
