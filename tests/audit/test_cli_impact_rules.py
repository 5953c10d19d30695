"""`spbe-arch impact` from the user's side: a login link failing, an application already
retired, units cut off from every network, a process whose other services were not running."""

import json

import pytest

from spbe_arch.cli import app

MODEL = """\
instansi: {id: kota-y, name: Pemerintah Kota Y, level: kota}
units:
  - {id: setda, name: Sekretariat Daerah, kind: sekretariat, networks: [jip-kota]}
  - {id: dinkes, name: Dinas Kesehatan, kind: dinas, networks: [jip-kota, internet]}
infrastructure:
  - {id: jip-kota, name: JIP Kota, kind: jip}
  - {id: internet, name: Internet, kind: internet}
applications:
  - {id: sso, name: SSO Kota, kind: khusus, owner: setda}
  - {id: e-office, name: e-Office, kind: khusus, owner: setda}
  - {id: e-office-lama, name: e-Office Lama, kind: khusus, owner: setda, status: retired}
  - {id: simrs, name: SIMRS, kind: khusus, owner: dinkes}
  - {id: sikda, name: SIKDA Baru, kind: khusus, owner: dinkes, status: planned}
services:
  - {id: svc-rsud, name: Layanan RSUD, kind: public, owner: dinkes, applications: [simrs]}
  - {id: svc-puskesmas, name: Layanan Puskesmas, kind: public, owner: dinkes,
     applications: [sikda]}
business_processes:
  - {id: bp-kesehatan, name: Pelayanan kesehatan, owner: dinkes,
     services: [svc-rsud, svc-puskesmas]}
integrations:
  - {id: int-sso-eoffice, source: sso, target: e-office, via: shared_login}
"""


def _impact(runner, make_model, element: str, model: str = MODEL) -> dict:
    result = runner.invoke(app, ["impact", str(make_model({"spbe.yaml": model})), element,
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _ids(entries) -> list[str]:
    return [e["id"] for e in entries]


def test_the_login_link_failing_leaves_its_users_unable_to_log_in(runner, make_model):
    assert _ids(_impact(runner, make_model, "int-sso-eoffice")["degraded"]) == ["e-office"]


def test_an_application_already_retired_affects_no_unit(runner, make_model):
    out = _impact(runner, make_model, "e-office-lama")
    assert (out["stopped"], out["units_affected"]) == ([], [])


def test_a_unit_whose_every_network_stops_is_cut_off(runner, make_model):
    """Setda reaches the others over JIP only; Dinkes has the internet besides."""
    out = _impact(runner, make_model, "jip-kota")
    assert [(u["id"], u["path"]) for u in out["units_affected"]] == [
        ("setda", ["jip-kota", "setda"])]


@pytest.mark.parametrize(("sikda", "stopped", "degraded"), [
    ("planned", ["bp-kesehatan", "svc-rsud"], []),
    ("active", ["svc-rsud"], ["bp-kesehatan"]),
])
def test_a_process_stops_when_its_services_still_running_stop(
        runner, make_model, sikda, stopped, degraded):
    """The puskesmas service runs on SIKDA: once it is active, pelayanan kesehatan goes on at
    the puskesmas while the RSUD is down; while it is planned, nothing of the process runs."""
    model = MODEL.replace("owner: dinkes, status: planned}", f"owner: dinkes, status: {sikda}}}")
    out = _impact(runner, make_model, "simrs", model)
    assert (_ids(out["stopped"]), _ids(out["degraded"])) == (stopped, degraded)


def test_a_security_control_stops_nothing_and_names_what_it_covers(runner, make_model):
    model = MODEL + ("security:\n  - {id: drc, name: DRC, kind: disaster_recovery, "
                     "covers: [jip-kota]}\n")
    root = make_model({"spbe.yaml": model})
    result = runner.invoke(app, ["impact", str(root), "drc"])
    assert result.exit_code == 0, result.output
    assert ("a security control does not fail as a system does: nothing runs on it; what stops "
            "with one of the elements it covers: spbe-arch impact MODEL ELEMENT (jip-kota)"
            ) in result.output.splitlines()
    assert _impact(runner, make_model, "drc", model)["owned"] == ["jip-kota"]
