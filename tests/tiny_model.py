"""A tiny model with one of each thing the views and the report draw, shared by their tests."""

TINY = {
    "model.yaml": """\
        units:
          - {id: dinkes, name: Dinas Kesehatan, kind: dinas, networks: [jip]}
          - {id: dpmptsp, name: Dinas Penanaman Modal dan PTSP, kind: dinas, networks: []}
          - {id: bapenda, name: Badan Pendapatan Daerah, kind: badan, networks: []}
          - {id: kesbangpol, name: Badan Kesatuan Bangsa dan Politik, kind: badan,
             networks: []}
        business_processes:
          - {id: pb-izin, name: Penerbitan izin usaha, owner: dpmptsp, services: [lay-izin]}
        services:
          - {id: lay-izin, name: Layanan perizinan, kind: public, owner: dpmptsp,
             applications: [sicantik]}
          - {id: lay-pajak, name: Layanan pajak daerah, kind: public, owner: bapenda,
             applications: [epajak]}
        data:
          - {id: data-izin, name: Data perizinan, steward: dpmptsp, producer: sicantik}
        applications:
          - {id: sicantik, name: SiCantik, kind: khusus, owner: dpmptsp, hosting: pdd,
             writes: [data-izin]}
          - {id: epajak, name: e-Pajak, kind: khusus, owner: bapenda, hosting: pdd,
             reads: [data-izin]}
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, hosting: pdd}
          - {id: sipd-kab, name: SIPD Kabupaten, kind: umum, platform: sipd, owner: bapenda}
          - {id: dashboard, name: Dashboard, kind: khusus, owner: dinkes, status: planned}
        infrastructure:
          - {id: pdd, name: Pusat Data Daerah, kind: pusat_data_daerah, networks: [jip]}
          - {id: inet, name: Internet, kind: internet}
        integrations:
          - {id: int-oss, source: sicantik, target: oss, via: splp, network: jip}
          - {id: int-sipd, source: epajak, target: sipd-kab, via: api_direct, network: inet}
          - {id: int-sso, source: simpus, target: epajak, via: shared_login}
          - {id: int-plan, source: dashboard, target: simpus, via: splp, status: planned}
        """,
}
