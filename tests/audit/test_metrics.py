"""Coverage metrics: exact shares on a tiny model."""

from audit_helpers import load

from spbe_arch.audit import Share, compute_metrics
from spbe_arch.graph import build_graph

MODEL = {
    "units.yaml": """\
units:
  - {id: dinkes, name: Dinkes, kind: dinas, networks: [jip]}
  - {id: disdukcapil, name: Disdukcapil, kind: dinas, networks: [internet-isp]}
  - {id: setwan, name: Setwan, kind: sekretariat}
infrastructure:
  - {id: internet-isp, name: ISP, kind: internet}
""",
    "apps.yaml": """\
applications:
  - {id: siak-kab, name: SIAK, kind: umum, platform: siak, owner: disdukcapil,
     writes: [data-penduduk]}
  - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, reads: [data-penduduk],
     writes: [data-pasien]}
  - {id: sikda, name: SIKDA, kind: khusus, owner: dinkes, reads: [data-pasien]}
  - {id: e-kia, name: E-KIA, kind: khusus, owner: dinkes, reads: [data-penduduk]}
  - {id: e-lama, name: E-Lama, kind: khusus, owner: dinkes, status: retired}
data:
  - {id: data-penduduk, name: Penduduk, steward: disdukcapil}
  - {id: data-pasien, name: Pasien, steward: dinkes}
services:
  - {id: svc-puskesmas, name: Puskesmas, kind: public, owner: dinkes, applications: [simpus]}
  - {id: svc-kia, name: KIA, kind: public, owner: dinkes, applications: [e-kia, sikda]}
  - {id: svc-manual, name: Manual, kind: public, owner: dinkes}
""",
    "int.yaml": """\
integrations:
  - {id: int-01, source: siak-kab, target: simpus, via: splp}
  - {id: int-02, source: simpus, target: sikda, via: api_direct}
  - {id: int-03, source: simpus, target: satusehat, via: api_direct}
  - {id: int-04, source: sikda, target: e-kia, via: shared_login}
  - {id: int-05, source: sikda, target: e-kia, via: splp, status: planned}
""",
}


def test_metrics_exact_on_tiny_model(tmp_path):
    arch = load(tmp_path, MODEL).architecture
    metrics = compute_metrics(build_graph(arch))
    assert metrics.applications == 4
    assert metrics.integrations == 3  # shared_login and planned do not count
    assert metrics.integrations_via_splp == Share(1, 3)
    # int-01 crosses units (via splp), int-03 goes to a national platform; int-02 stays in dinkes
    assert metrics.cross_unit_integrations_via_splp == Share(1, 2)
    assert metrics.units_on_jip == Share(1, 2, 1)  # setwan does not say: unknown, not counted
    assert {k: (v.known, v.of) for k, v in metrics.completeness.items()} == {
        "applications.hosting": (0, 3), "applications.data": (4, 4), "units.networks": (2, 3),
        "data.steward": (2, 2), "data.published": (0, 0),
        "services.applications": (2, 3), "integrations.via": (3, 3),  # the links counted
        "integrations.direction": (3, 3), "integrations.network": (0, 3),
        "applications.integrations": (4, 4), "applications.services": (4, 4),
    }
    # svc-kia: e-kia reads data-penduduk with no link path; svc-manual has no application
    assert metrics.services_fully_integrated == Share(1, 2)
    assert metrics.applications_per_unit == {"dinkes": 3, "disdukcapil": 1, "setwan": 0}
    assert metrics.aplikasi_umum_used == {"satusehat": ("simpus",), "siak": ("siak-kab",)}
    assert "sipd" in metrics.aplikasi_umum_not_recorded
    assert "siak" not in metrics.aplikasi_umum_not_recorded


def test_metrics_as_dict_is_plain_json(tmp_path):
    arch = load(tmp_path, MODEL).architecture
    payload = compute_metrics(build_graph(arch)).as_dict()
    assert payload["integrations_via_splp"] == {"part": 1, "total": 3, "value": 1 / 3,
                                                "unknown": 0}
    assert payload["aplikasi_umum_used"] == {"satusehat": ["simpus"], "siak": ["siak-kab"]}
    assert isinstance(payload["aplikasi_umum_not_recorded"], list)
    assert payload["completeness"]["units.networks"] == {"known": 2, "of": 3}


def test_shares_of_empty_model_are_none(tmp_path):
    arch = load(tmp_path, {}).architecture
    metrics = compute_metrics(build_graph(arch))
    assert metrics.integrations_via_splp.value is None
    assert metrics.services_fully_integrated == Share(0, 0)
    assert metrics.units_on_jip == Share(2, 2)


def test_shares_say_how_many_they_leave_out_as_unknown(tmp_path):
    """An inventory's `via: unknown` links are neither through SPLP nor not: left out of the
    shares' totals and counted apart, so that '1 of 1 (100%)' never hides 2 unknown."""
    model = dict(MODEL, **{"int.yaml": MODEL["int.yaml"].replace(
        "via: api_direct}", "via: unknown}")})
    metrics = compute_metrics(build_graph(load(tmp_path, model).architecture))
    assert metrics.integrations_via_splp == Share(1, 1, 2)
    assert metrics.cross_unit_integrations_via_splp == Share(1, 1, 1)  # int-03 unknown
    assert metrics.services_fully_integrated == Share(1, 2, 0)
