"""Network rules: SPBE-A020."""

from audit_helpers import findings

INFRA = """\
infrastructure:
  - {id: jip-kab, name: JIP Kabupaten, kind: jip}
  - {id: internet-isp, name: ISP, kind: internet}
  - {id: intranet-kab, name: Intranet, kind: intranet}
"""


def test_unit_outside_jip_fires_for_internet_intranet_and_no_network_not_unknown(tmp_path):
    units = """\
units:
  - {id: kec-a, name: Kecamatan A, kind: kecamatan, networks: [internet-isp]}
  - {id: dispusip, name: Dispusip, kind: dinas, networks: [intranet-kab, internet-isp]}
  - {id: setwan, name: Setwan, kind: sekretariat, networks: []}
  - {id: dprd, name: DPRD, kind: sekretariat}
"""
    assert findings(tmp_path, {"units.yaml": units, "infra.yaml": INFRA}, "SPBE-A020") == [
        ("kec-a", "unit 'kec-a' is not connected to JIP: it uses 'internet-isp'"),
        ("dispusip", "unit 'dispusip' is not connected to JIP: it uses 'internet-isp', "
         "'intranet-kab'"),
        ("setwan", "unit 'setwan' is not connected to JIP: it has no network"),
    ]


def test_unit_outside_jip_quiet_on_local_or_national_jip(tmp_path):
    units = """\
units:
  - {id: dinkes, name: Dinkes, kind: dinas, networks: [jip-kab]}
  - {id: bapenda, name: Bapenda, kind: badan, networks: [internet-isp, jip]}
"""
    assert findings(tmp_path, {"units.yaml": units, "infra.yaml": INFRA}, "SPBE-A020") == []
