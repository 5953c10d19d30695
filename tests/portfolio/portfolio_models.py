"""Three small instansi and a fourth with an error, written for the portfolio tests.

What they plant:
- ranking: domain 1 is verified at level 4 for Alpha in 2024 (level 2 in 2023), at level 3 for
  Beta in 2024, not assessed for Gamma: the indexes fall Alpha > Beta > Gamma, and for 2023
  Beta (whose latest year is 2024) > Alpha > Gamma; Gamma's index rests on what its small
  model shows alone (provisional: no rank);
- one function built three times: 'SIMPUS Kabupaten Alpha' and 'Simpus Kota Beta' (one name,
  the place aside) and Gamma's 'Sistem Puskesmas' (Alpha's RAA code RAA.03.02);
- SRIKANDI used by Alpha and Gamma, not by Beta;
- one integration between instansi bypassing SPLP (Alpha's SIMPUS -> Beta's Satu Data portal,
  api_direct) and one through SPLP (Gamma -> the same portal);
- PDN hosting applications of all three (Beta through a PDN tenant, the SRIKANDI instances on
  `pdn`), and one vendor, 'PT Awan Nusantara', hosting applications of Alpha and Gamma
  ('PT. Awan Nusantara');
- hosting outside PDN/pusat data: Alpha's e-PBB at the vendor, Beta's e-Parkir in a server
  room, Gamma's two applications at the vendor;
- one unintegrated service: Gamma's puskesmas service, whose application reads data produced
  by another with no integration between them;
- Delta: an application owned by a unit that does not exist.
"""

from pathlib import Path

CLAIMS = "".join(f"  - {{indicator: {i}, year: 2024, level: 2, evidence: [{{title: Keputusan "
                 f"Bupati Nomor {i} Tahun 2024 tentang SPBE}}]}}\n"
                 for i in (19, 21, 25, 26, 27, 28, 29, 30))
"""Alpha's and Beta's 2024 self-assessment of indicators no model shows: with the verified
ones and what the model shows, their 2024 indexes rest on more than half of the indicators
(ranked); Gamma's, with no assessment, and Alpha's 2023 are provisional."""

MODELS = {
    "kab-alpha": {
        "spbe.yaml": """\
instansi:
  id: kab-alpha
  name: Pemerintah Kabupaten Alpha
  level: kabupaten
  region: Provinsi Satu
""",
        "model.yaml": """\
units:
  - {id: dinkes, name: Dinas Kesehatan, kind: dinas, networks: [jip]}
  - {id: bapenda, name: Badan Pendapatan Daerah, kind: badan, networks: []}
infrastructure:
  - {id: pdd-alpha, name: Pusat Data Alpha, kind: pusat_data_daerah, networks: [jip]}
  - {id: awan, name: Awan, kind: cloud, provider: PT Awan Nusantara}
applications:
  - {id: simpus, name: SIMPUS Kabupaten Alpha, kind: khusus, owner: dinkes, hosting: pdd-alpha,
     ref: RAA.03.02}
  - {id: e-pbb, name: e-PBB Kabupaten Alpha, kind: khusus, owner: bapenda, hosting: awan}
  - {id: srikandi-alpha, name: SRIKANDI Alpha, kind: umum, platform: srikandi, owner: dinkes,
     hosting: pdn}
platforms:
  - {id: portal-beta, name: Portal Satu Data Kota Beta, kind: portal,
     operator: Pemerintah Kota Beta}
integrations:
  - {id: simpus-srikandi, source: simpus, target: srikandi-alpha, via: splp, network: jip}
  - {id: simpus-portal-beta, source: simpus, target: portal-beta, via: api_direct, network: jip}
  - {id: pbb-simpus, source: e-pbb, target: simpus, via: splp, network: jip}
evaluations:
  - {year: 2023, title: Laporan Hasil Evaluasi SPBE Tahun 2023 Kabupaten Alpha}
  - {year: 2024, title: Laporan Hasil Evaluasi SPBE Tahun 2024 Kabupaten Alpha}
assessment:
""" + "".join(f"  - {{indicator: {i}, year: 2023, level: 3, verified: 2}}\n"
             f"  - {{indicator: {i}, year: 2024, level: 4, verified: 4}}\n" for i in range(1, 11))
        + CLAIMS,
    },
    "kota-beta": {
        "spbe.yaml": """\
instansi:
  id: kota-beta
  name: Pemerintah Kota Beta
  level: kota
  region: Provinsi Satu
""",
        "model.yaml": """\
units:
  - {id: dinkes, name: Dinas Kesehatan, kind: dinas, networks: [jip]}
  - {id: dishub, name: Dinas Perhubungan, kind: dinas}
  - {id: diskominfo, name: Dinas Kominfo, kind: dinas, networks: [jip]}
infrastructure:
  - {id: pdn-beta, name: PDN Beta, kind: pdn, platform: pdn}
  - {id: ruang-server, name: Ruang Server Dishub, kind: on_premise}
applications:
  - {id: simpus, name: Simpus Kota Beta, kind: khusus, owner: dinkes, hosting: pdn-beta}
  - {id: e-parkir, name: e-Parkir, kind: khusus, owner: dishub, hosting: ruang-server}
  - {id: portal-beta, name: Portal Satu Data Kota Beta, kind: khusus, owner: diskominfo,
     hosting: pdn-beta}
integrations:
  - {id: simpus-portal, source: simpus, target: portal-beta, via: splp, network: jip}
  - {id: parkir-portal, source: e-parkir, target: portal-beta, via: api_direct}
evaluations:
  - {year: 2024, title: Laporan Hasil Evaluasi SPBE Tahun 2024 Kota Beta}
assessment:
""" + "".join(f"  - {{indicator: {i}, year: 2024, level: 3, verified: 3}}\n"
             for i in range(1, 11)) + CLAIMS,
    },
    "kab-gamma": {
        "spbe.yaml": """\
instansi:
  id: kab-gamma
  name: Pemerintah Kabupaten Gamma
  level: kabupaten
  region: Provinsi Dua
""",
        "model.yaml": """\
units:
  - {id: dinkes, name: Dinas Kesehatan, kind: dinas, networks: [jip]}
infrastructure:
  - {id: vendor-gamma, name: Server Vendor, kind: vendor, provider: PT. Awan Nusantara}
applications:
  - {id: sispus, name: Sistem Puskesmas, kind: khusus, owner: dinkes, hosting: vendor-gamma,
     ref: RAA.03.02, reads: [antrean-pasien]}
  - {id: antrean, name: Antrean Online, kind: khusus, owner: dinkes, hosting: vendor-gamma,
     writes: [antrean-pasien]}
  - {id: srikandi-gamma, name: SRIKANDI Gamma, kind: umum, platform: srikandi, owner: dinkes,
     hosting: pdn}
data:
  - {id: antrean-pasien, name: Antrean Pasien, steward: dinkes}
services:
  - {id: layanan-puskesmas, name: Layanan Puskesmas, kind: public, owner: dinkes,
     applications: [sispus]}
platforms:
  - {id: portal-beta, name: Portal Satu Data Kota Beta, kind: portal,
     operator: Pemerintah Kota Beta}
integrations:
  - {id: sispus-portal-beta, source: sispus, target: portal-beta, via: splp, network: jip}
""",
    },
    "kab-delta": {
        "spbe.yaml": """\
instansi:
  id: kab-delta
  name: Pemerintah Kabupaten Delta
  level: kabupaten
""",
        "model.yaml": """\
units:
  - {id: dinkes, name: Dinas Kesehatan, kind: dinas}
applications:
  - {id: simpus, name: SIMPUS Delta, kind: khusus, owner: dinkes-x}
""",
    },
}


def write_models(folder: Path, names=tuple(MODELS)) -> Path:
    """Write the models named into `folder`, one subfolder each; return `folder`."""
    for name in names:
        for file, text in MODELS[name].items():
            path = folder / name / file
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return folder
