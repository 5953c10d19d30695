"""What a service's structure shows: one rung per case, on a tiny model."""

import pytest

from spbe_arch.graph import build_graph
from spbe_arch.maturity.services import service_structures
from spbe_arch.validate import load_model

BASE = """\
units:
  - {id: dinkes, name: Dinas Kesehatan, kind: dinas}
  - {id: diskominfo, name: Diskominfo, kind: dinas}
data:
  - {id: d-pasien, name: Data Pasien, steward: dinkes}
  - {id: d-penduduk, name: Data Penduduk, steward: diskominfo}
applications:
  - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, writes: [d-pasien]}
  - {id: siak-kab, name: SIAK Kabupaten, kind: khusus, owner: diskominfo, writes: [d-penduduk]}
services:
  - {id: svc, name: Layanan Kesehatan, kind: public, owner: dinkes, applications: [simpus]}
"""


def _shown(make_model, base=BASE, integrations=""):
    root = make_model({"model.yaml": base, "int.yaml": integrations or "integrations: []\n"})
    loaded = load_model(root)
    assert loaded.ok, loaded.findings
    return service_structures(build_graph(loaded.architecture))["svc"]


def test_services_without_an_active_application_show_informasi(make_model):
    shown = _shown(make_model, BASE.replace("writes: [d-pasien]}", "status: planned}"))
    assert (shown.level, shown.reason) == (1, "no active application realizes it")
    assert shown.missing == ("realize service 'svc' with an active application",)


def test_services_whose_applications_write_nothing_show_interaksi(make_model):
    shown = _shown(make_model, BASE.replace("writes: [d-pasien]}", "writes: []}"))
    assert (shown.level, shown.reason) == (2, "its applications (simpus) write no data")


def test_services_whose_applications_leave_their_data_out_ask_to_record_it(make_model):
    """Unknown is not absent: no `reads:`/`writes:` is not 'writes no data'."""
    shown = _shown(make_model, BASE.replace(", writes: [d-pasien]}", "}"))
    assert (shown.level, shown.reason) == (
        2, "the data its applications read and write is not recorded: simpus")
    assert shown.missing == ("record the data simpus read and write (`reads:`, `writes:`)",)


def test_services_with_an_application_leaving_its_data_out_show_no_kolaborasi(make_model):
    """One realizing application states its data, another leaves it out: no flow gap can
    show for the second, so kolaborasi is not shown (it would rest on nothing)."""
    base = BASE.replace("applications: [simpus]}", "applications: [simpus, sikda]}") + \
        "  - {id: x, name: X, kind: public, owner: dinkes}\n"
    base = base.replace("services:", "  - {id: sikda, name: SIKDA, kind: khusus, owner: dinkes}"
                        "\nservices:")
    integrations = ("integrations:\n  - {id: int-a, source: simpus, target: siak-kab, "
                    "via: splp}\n")
    shown = _shown(make_model, base, integrations)
    assert shown.level == 3
    assert shown.missing == ("record the data sikda read and write (`reads:`, `writes:`)",)
    assert shown.reason == "transaksi: data read and written not recorded: sikda"


def test_services_writing_data_without_splp_partner_show_transaksi(make_model):
    shown = _shown(make_model)
    assert shown.level == 3
    assert shown.missing == ("connect simpus to other units or instansi through SPLP",)


@pytest.mark.parametrize(
    ("via", "level", "missing"),
    [
        ("splp", 4, ()),
        ("api_direct", 3, ("route the integrations of simpus through SPLP: int-a",)),
        # a shared login moves no data: not an integration at all
        ("shared_login", 3, ("connect simpus to other units or instansi through SPLP",)),
    ],
)
def test_services_integrated_with_another_unit_through_splp_show_kolaborasi(
    make_model, via, level, missing
):
    row = f"{{id: int-a, source: siak-kab, target: simpus, via: {via}}}"
    integrations = f"integrations:\n  - {row}\n"
    shown = _shown(make_model, integrations=integrations)
    assert (shown.level, shown.missing) == (level, missing)


def test_services_reading_unintegrated_data_stay_at_transaksi(make_model):
    base = BASE.replace("writes: [d-pasien]}", "writes: [d-pasien], reads: [d-penduduk]}")
    national = "integrations:\n  - {id: int-n, source: simpus, target: satusehat, via: splp}\n"
    shown = _shown(make_model, base, national)
    assert shown.level == 3
    assert shown.missing == ("integrate the data simpus read: 'd-penduduk' from siak-kab",)
    linked = national + "  - {id: int-b, source: siak-kab, target: simpus, via: api_direct}\n"
    assert _shown(make_model, base, linked).level == 4


def test_services_reading_data_in_a_model_without_integrations_show_no_data_gap(make_model):
    """No integration recorded: whether simpus gets its data is unknown, not a step to take;
    the missing SPLP partner still caps the service at transaksi."""
    base = BASE.replace("writes: [d-pasien]}", "writes: [d-pasien], reads: [d-penduduk]}")
    shown = _shown(make_model, base)
    assert (shown.level, shown.missing) == (
        3, ("connect simpus to other units or instansi through SPLP",))
