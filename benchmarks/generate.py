"""Write a realistic synthetic SPBE model of a chosen size, split over many files.

A model is one instansi (a kabupaten, a province with its kabupaten/kota, or the whole country
seen by a national auditor) made of pemda. Every pemda has its perangkat daerah, applications
(local instances of the national aplikasi umum from `models/platforms.yaml`, and aplikasi
khusus), the data they produce and read, the services they realize, hosting, security
controls, a roadmap and integrations through SPLP. Gaps are planted on purpose, and counted,
so that the audit can be checked against them:

- ``unintegrated_data``: an application reads data produced by another application with no
  integration path between the two (the integration graph is made of separate clusters; the
  reader and the producer sit in different ones);
- ``unintegrated_service``: a service realized by such a reader;
- ``splp_bypass``: an integration between applications of different units over ``api_direct``;
- ``internet_integration``: an integration through SPLP carried over the public internet
  instead of JIP;
- ``isolated_app``: an active application with no integration at all;
- ``data_without_steward``: a data set that does not name its steward (unknown, not absent: the
  audit counts it in one ``incomplete-data`` finding, not one finding per data set);
- ``hosting_on_premise``: an application in a unit's server room, not on PDN or a pusat data
  daerah;
- ``service_without_application``: a service realized by no application;
- ``unit_owning_nothing``: a unit (UPT) that owns no application, service, process or data;
- ``unit_outside_jip``: a unit not connected to JIP (a share of units, as in real pemda);
- ``relay_application``: a Satu Data portal that receives data from applications and passes
  it on (kabupaten portal -> province portal), the only path between the two sides;
- ``hub_application``: a province's Satu Data portal, which collects the open data of its
  kabupaten/kota (five or more partners).

`AUDIT_CODES` says which audit code reports each kind. The model validates with no finding.
The same seed gives the same files, byte for byte.

`split` writes the same pemda as one model folder each (``<pemda>/spbe.yaml`` and
``<pemda>/arsitektur.yaml``), the set a province or a ministry reads with `spbe-arch portfolio`.
A kabupaten/kota's link to its province's Satu Data portal then names that portal as one of
its own `platforms:` (run by the province), and the province's portal no longer lists the data
of its kabupaten/kota (another model's ids); the one-model hub and relay gaps do not arise.

Usage::

    python benchmarks/generate.py --size national --seed 1 -o benchmarks/out/national
    python benchmarks/generate.py --size national --split -o benchmarks/out/national-split

Also importable: ``generate(size, seed)`` returns the model in memory, ``write_model`` writes it.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "AUDIT_CODES",
    "COLLECTION_ORDER",
    "GAP_KINDS",
    "SIZES",
    "SUMMARY_FILE",
    "Generated",
    "Profile",
    "generate",
    "main",
    "relation_count",
    "write_model",
]

AUDIT_CODES = {
    "isolated_app": "SPBE-A001",
    "unintegrated_data": "SPBE-A002",
    "unintegrated_service": "SPBE-A003",
    "splp_bypass": "SPBE-A004",
    "internet_integration": "SPBE-A005",
    "hosting_on_premise": "SPBE-A009",
    "service_without_application": "SPBE-A014",
    "relay_application": "SPBE-A015",
    "hub_application": "SPBE-A016",
    "unit_owning_nothing": "SPBE-A018",
    "unit_outside_jip": "SPBE-A020",
}
"""Gap kind -> the audit code that reports it, one finding per element listed for the kind.

Besides these, the audit reports what every realistic model has: the data centres as single
points of failure (SPBE-A017), which the generator does not count, and the facts some elements
leave unknown (SPBE-A021).
"""

GAP_KINDS = (*AUDIT_CODES, "data_without_steward")
"""Kinds of gaps planted on purpose, in the order .generated.json lists them; the last is a fact
left unknown, which the audit counts (`metrics.completeness`) rather than reports per element."""

HUB_PARTNERS = 5
"""Integration partners that make an application a hub (as SPBE-A016 counts them)."""

SUMMARY_FILE = ".generated.json"
"""The counts, written beside the model; hidden, so that the loader does not read it as a model
file (every `*.json` in a model folder is one)."""

COLLECTION_ORDER = (
    "units",
    "business_processes",
    "services",
    "data",
    "applications",
    "infrastructure",
    "security",
    "integrations",
    "roadmap",
)


@dataclass(frozen=True)
class Profile:
    """How big each pemda is and how often each gap is planted (per pemda, on average)."""

    khusus: int
    """Aplikasi khusus per pemda (aplikasi umum instances come on top)."""
    umum: int
    """Local instances of national aplikasi umum per pemda (at most the catalog's count)."""
    kecamatan: int
    jip_share: float
    """Share of units connected to JIP."""
    data_share: float
    """Share of aplikasi khusus that produce a data set of their own."""
    gap_rate: float
    """Expected number of each gap kind per pemda."""


@dataclass(frozen=True)
class Size:
    """A size: how many pemda, their profile, and how the files are laid out."""

    name: str
    level: str
    provinces: int
    kabkota: int
    profile: Profile
    layout: str
    """``collections``: one file per collection; ``pemda-folders``: a folder per pemda with a
    few files; ``province-folders``: a folder per province with one file per pemda."""


SIZES: dict[str, Size] = {
    "small": Size(
        "small", "kabupaten", 0, 1,
        Profile(khusus=110, umum=12, kecamatan=12, jip_share=0.85, data_share=0.8, gap_rate=3.0),
        "collections",
    ),
    "province": Size(
        "province", "provinsi", 1, 20,
        Profile(khusus=110, umum=12, kecamatan=12, jip_share=0.8, data_share=0.8, gap_rate=2.0),
        "pemda-folders",
    ),
    "national": Size(
        "national", "kementerian", 38, 514,
        Profile(khusus=26, umum=9, kecamatan=3, jip_share=0.6, data_share=0.7, gap_rate=0.5),
        "province-folders",
    ),
}

PROVINCES = (
    "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau", "Jambi",
    "Sumatera Selatan", "Kepulauan Bangka Belitung", "Bengkulu", "Lampung", "DKI Jakarta",
    "Banten", "Jawa Barat", "Jawa Tengah", "DI Yogyakarta", "Jawa Timur", "Bali",
    "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Barat", "Kalimantan Tengah",
    "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara", "Gorontalo",
    "Sulawesi Tengah", "Sulawesi Barat", "Sulawesi Selatan", "Sulawesi Tenggara", "Maluku",
    "Maluku Utara", "Papua", "Papua Barat", "Papua Barat Daya", "Papua Tengah",
    "Papua Pegunungan", "Papua Selatan",
)

_FIRST = (
    "Suka", "Mekar", "Tanjung", "Batu", "Sungai", "Bukit", "Lembah", "Pulau", "Teluk", "Padang",
    "Karang", "Muara", "Air", "Tanah", "Gunung", "Sri", "Bumi", "Rantau", "Sido", "Labuhan",
)
_SECOND = (
    "Jaya", "Makmur", "Indah", "Raya", "Baru", "Sari", "Mulya", "Agung", "Lestari", "Harapan",
    "Tengah", "Permai", "Asri", "Kencana", "Rejo", "Mas", "Damai", "Sejahtera", "Luhur", "Putih",
)
_THIRD = ("", "Hilir", "Hulu", "Kidul", "Lor", "Timur", "Barat")

# slug, name, kind, parent slug, sector (for RAD/RAL codes)
UNITS = (
    ("setda", "Sekretariat Daerah", "sekretariat", None, 1),
    ("setwan", "Sekretariat DPRD", "sekretariat", None, 1),
    ("inspektorat", "Inspektorat", "inspektorat", None, 2),
    ("bappeda", "Badan Perencanaan Pembangunan Daerah", "badan", None, 3),
    ("bpkad", "Badan Pengelolaan Keuangan dan Aset Daerah", "badan", None, 3),
    ("bapenda", "Badan Pendapatan Daerah", "badan", None, 3),
    ("bkpsdm", "Badan Kepegawaian dan Pengembangan SDM", "badan", None, 2),
    ("bpbd", "Badan Penanggulangan Bencana Daerah", "badan", None, 9),
    ("diskominfo", "Dinas Komunikasi dan Informatika", "dinas", None, 10),
    ("dinkes", "Dinas Kesehatan", "dinas", None, 4),
    ("disdik", "Dinas Pendidikan", "dinas", None, 5),
    ("disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "dinas", None, 6),
    ("dpmptsp", "Dinas Penanaman Modal dan PTSP", "dinas", None, 7),
    ("dinsos", "Dinas Sosial", "dinas", None, 6),
    ("dishub", "Dinas Perhubungan", "dinas", None, 8),
    ("dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang", "dinas", None, 8),
    ("dlh", "Dinas Lingkungan Hidup", "dinas", None, 9),
    ("disnaker", "Dinas Tenaga Kerja", "dinas", None, 7),
    ("distan", "Dinas Pertanian dan Pangan", "dinas", None, 7),
    ("diskan", "Dinas Perikanan", "dinas", None, 7),
    ("diskopukm", "Dinas Koperasi dan UKM", "dinas", None, 7),
    ("dispar", "Dinas Pariwisata", "dinas", None, 7),
    ("dispusip", "Dinas Perpustakaan dan Kearsipan", "dinas", None, 1),
    ("satpol-pp", "Satuan Polisi Pamong Praja", "satuan", None, 9),
    ("rsud", "Rumah Sakit Umum Daerah", "rsud", None, 4),
    ("bagian-organisasi", "Bagian Organisasi", "bagian", "setda", 2),
    ("bagian-hukum", "Bagian Hukum", "bagian", "setda", 2),
    ("bagian-pbj", "Bagian Pengadaan Barang dan Jasa", "bagian", "setda", 3),
)
_SECTOR = {slug: sector for slug, _, _, _, sector in UNITS}

# owner unit -> (app slug, app name, data name), the aplikasi khusus a pemda typically builds
KHUSUS = {
    "dinkes": (("simpus", "Sistem Informasi Puskesmas", "Kunjungan Pasien Puskesmas"),
               ("sik", "Sistem Informasi Kesehatan Daerah", "Profil Kesehatan Daerah")),
    "rsud": (("simrs", "SIMRS", "Rekam Medis Elektronik"),
             ("antrean-rs", "Antrean Online RSUD", "Antrean Pasien")),
    "disdik": (("ppdb", "PPDB Online", "Pendaftaran Peserta Didik Baru"),
               ("sim-sekolah", "Sistem Informasi Sekolah", "Data Sekolah")),
    "disdukcapil": (
        ("adminduk-online", "Layanan Adminduk Online", "Permohonan Dokumen Kependudukan"),
    ),
    "dpmptsp": (("perizinan", "Perizinan Online", "Izin Terbit"),
                ("sipm", "Sistem Informasi Penanaman Modal", "Realisasi Investasi")),
    "bapenda": (("e-pbb", "e-PBB", "Objek Pajak PBB"), ("e-bphtb", "e-BPHTB", "Transaksi BPHTB"),
                ("pajak-online", "Pajak Daerah Online", "Wajib Pajak Daerah")),
    "bpkad": (("e-bmd", "E-BMD", "Barang Milik Daerah"),
              ("e-retribusi", "e-Retribusi", "Retribusi Daerah")),
    "bkpsdm": (("simpeg", "SIMPEG Daerah", "Data Pegawai"),
               ("e-absensi", "e-Absensi", "Kehadiran Pegawai")),
    "diskominfo": (("portal", "Portal Resmi Pemda", "Berita Daerah"),
                   ("portal-satu-data", "Portal Satu Data Daerah", "Data Sektoral Terbuka"),
                   ("ppid", "PPID Online", "Permohonan Informasi Publik")),
    "dinsos": (("siks", "Sistem Informasi Kesejahteraan Sosial", "Penerima Bantuan Sosial"),),
    "dishub": (("e-parkir", "e-Parkir", "Transaksi Parkir"),
               ("uji-kir", "Uji KIR Online", "Kendaraan Uji")),
    "dpupr": (("simbg", "Persetujuan Bangunan Gedung", "Bangunan Gedung"),
              ("sig-jalan", "SIG Jalan dan Jembatan", "Kondisi Jalan")),
    "dlh": (("siplh", "Sistem Informasi Lingkungan Hidup", "Izin Lingkungan"),),
    "disnaker": (("bursa-kerja", "Bursa Kerja Online", "Pencari Kerja"),),
    "distan": (("sim-tani", "Sistem Informasi Pertanian", "Kelompok Tani"),),
    "diskan": (("sim-ikan", "Sistem Informasi Perikanan", "Produksi Perikanan"),),
    "diskopukm": (("sim-umkm", "Sistem Informasi UMKM", "Pelaku UMKM"),),
    "dispar": (("e-wisata", "e-Wisata", "Kunjungan Wisata"),),
    "bappeda": (("e-monev", "e-Monev Pembangunan", "Capaian Pembangunan"),),
    "inspektorat": (("e-audit", "e-Audit Internal", "Temuan Pemeriksaan"),),
    "bpbd": (("sim-bencana", "Sistem Informasi Kebencanaan", "Kejadian Bencana"),),
    "satpol-pp": (("e-trantib", "e-Trantibum", "Laporan Ketertiban"),),
    "setwan": (("e-dewan", "e-Dewan", "Risalah Sidang"),),
    "bagian-hukum": (("jdih", "JDIH Daerah", "Produk Hukum Daerah"),),
    "bagian-organisasi": (("e-sakip", "e-SAKIP", "Kinerja Organisasi"),),
    "dispusip": (("e-perpus", "e-Perpustakaan", "Koleksi Perpustakaan"),),
}

# aplikasi umum platform -> (owner unit, writes a data set named ..., its service, indicator);
# the service is an administration service but for SP4N-LAPOR! (complaints: a public one)
UMUM = {
    "sipd": ("bpkad", "APBD", "Layanan Perencanaan dan Penganggaran", 33),
    "srikandi": ("dispusip", "Naskah Dinas", "Layanan Kearsipan Dinamis", 37),
    "sp4n-lapor": ("diskominfo", "Pengaduan Masyarakat", "Layanan Pengaduan Publik", 42),
    "siasn": ("bkpsdm", None, "Layanan Kepegawaian", 36),
    "e-kinerja": ("bkpsdm", "Kinerja Pegawai", "Layanan Kinerja Pegawai", 41),
    "spse": ("bagian-pbj", "Paket Pengadaan", "Layanan Pengadaan Barang dan Jasa", 35),
    "sirup": ("bagian-pbj", None, None, None),
    "siskeudes": ("bpkad", None, None, None),
    "siak": ("disdukcapil", None, None, None),
    "oss": ("dpmptsp", None, None, None),
    "satusehat": ("dinkes", None, None, None),
    "dapodik": ("disdik", None, None, None),
}

_LEVELS = ("informasi", "interaksi", "transaksi", "kolaborasi", "optimum")
_PLAIN = re.compile(r"^(?:[a-z][a-z0-9._-]*|RA[BLDA](?:\.[0-9]{2})+)$")
_NAME = re.compile(r"^[A-Z][A-Za-z0-9 ()/,'-]*[A-Za-z0-9)]$")
_RESERVED_WORDS = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n"})


@dataclass
class Pemda:
    """One pemda being generated: its slug, names and collections."""

    slug: str
    name: str
    level: str
    province: str
    province_slug: str
    file: str
    """File or folder name (readable): the place name."""
    items: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {name: [] for name in COLLECTION_ORDER}
    )


@dataclass
class Generated:
    """A generated model in memory: the files to write and what is in them."""

    size: str
    seed: int
    files: dict[str, str]
    """Relative path -> YAML text, manifest first."""
    elements: dict[str, int]
    relations: int
    gaps: dict[str, list[str]]
    """Gap kind -> ids of the elements that carry the gap, sorted."""

    def summary(self) -> dict[str, Any]:
        """What .generated.json holds: counts of elements, relations and planted gaps."""
        return {
            "size": self.size,
            "seed": self.seed,
            "files": len(self.files),
            "bytes": sum(len(text.encode()) for text in self.files.values()),
            "elements": sum(self.elements.values()),
            "elements_by_collection": self.elements,
            "relations": self.relations,
            "gaps": {kind: len(ids) for kind, ids in self.gaps.items()},
            "gap_elements": self.gaps,
        }


def generate(size: str = "small", seed: int = 1, *, split: bool = False) -> Generated:
    """Generate the model of `size` (small, province, national) from `seed`, in memory; with
    `split`, one model folder per pemda (the same pemda, elements and planted gaps).

    Examples
    --------
    >>> model = generate("small", seed=1)
    >>> model.summary()["gaps"]["isolated_app"] > 0
    True
    >>> generate("small", seed=1).files == model.files
    True
    """
    if size not in SIZES:
        raise ValueError(f"unknown size {size!r}; choose one of {', '.join(SIZES)}")
    spec = SIZES[size]
    rng = random.Random(f"spbe-arch:{size}:{seed}")
    gaps: dict[str, list[str]] = {kind: [] for kind in GAP_KINDS}
    pemdas = _pemdas(spec, rng)
    provinces = {p.province_slug: p for p in pemdas if p.level == "provinsi"}
    for pemda in pemdas:
        _fill(pemda, spec.profile, rng, gaps)
    for pemda in pemdas:
        parent = provinces.get(pemda.province_slug)
        if parent is not None and parent is not pemda:
            _link_to_province(pemda, parent)
    if split:
        files = _split_layout(pemdas)
        gaps["hub_application"] = sorted(a for p in pemdas for a in _hubs([p]))
        gaps["relay_application"] = sorted(a for p in pemdas for a in _relays([p]))
    else:
        gaps["hub_application"] = _hubs(pemdas)
        gaps["relay_application"] = _relays(pemdas)
        files = {"spbe.yaml": _manifest(spec, pemdas)}
        files.update(_layout(spec, pemdas))
    elements = Counter()
    for pemda in pemdas:
        for collection, items in pemda.items.items():
            elements[collection] += len(items)
    return Generated(
        size=size,
        seed=seed,
        files=files,
        elements={name: elements[name] for name in COLLECTION_ORDER},
        relations=relation_count(pemdas, split=split),
        gaps={kind: sorted(ids) for kind, ids in gaps.items()},
    )


def write_model(model: Generated, folder: Path) -> dict[str, Any]:
    """Write the files and .generated.json into `folder` (which must not hold a model yet)."""
    if (folder / "spbe.yaml").exists() or (folder / SUMMARY_FILE).exists():
        raise FileExistsError(f"{folder}: already holds a model; choose an empty folder")
    for relative, text in model.files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    summary = model.summary()
    (folder / SUMMARY_FILE).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return summary


def relation_count(pemdas: list[Pemda], *, split: bool = False) -> int:
    """Relations as the graph builder makes edges: one per id a reference field names.

    A data set's `producer` adds no edge when the producer already lists it in `writes`, and
    an integration is one edge whatever data it carries. `split`: summed over the pemda's own
    models, where an application reads no data of another pemda.
    """
    writes: dict[str, set[str]] = {}
    for pemda in pemdas:
        for app in pemda.items["applications"]:
            writes[app["id"]] = set(app.get("writes", ()))
    total = 0
    for pemda in pemdas:
        items = pemda.items
        for unit in items["units"]:
            total += bool(unit.get("parent")) + len(unit.get("networks", ()))
        for process in items["business_processes"]:
            total += 1 + len(process.get("services", ()))
        for service in items["services"]:
            total += 1 + len(service.get("applications", ()))
        for data in items["data"]:
            total += bool(data.get("steward"))
            producer = data.get("producer")
            total += bool(producer) and data["id"] not in writes.get(producer, ())
        own = {d["id"] for d in items["data"]}
        for app in items["applications"]:
            total += 1 + bool(app.get("hosting")) + bool(app.get("platform"))
            reads = _own_reads(app, own) if split else app.get("reads", ())
            total += len(reads) + len(app.get("writes", ()))
        for infra in items["infrastructure"]:
            total += len(infra.get("networks", ()))
        for control in items["security"]:
            total += len(control.get("covers", ()))
        for item in items["roadmap"]:
            total += len(item.get("elements", ()))
        total += sum(1 for i in items["integrations"] if i["source"] != i["target"])
    return total


# --- pemda and their contents -----------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _pemdas(spec: Size, rng: random.Random) -> list[Pemda]:
    """Pemda with short ids in the style of kode wilayah: `p32`, `kab3204`, `kota3271`."""
    if spec.provinces == 0:
        name = _place_names(rng, 1)[0]
        index = rng.randrange(len(PROVINCES))
        province = PROVINCES[index]
        code = f"{11 + index}{rng.randint(1, 30):02d}"
        return [Pemda(f"kab{code}", f"Kabupaten {name}", "kabupaten", province, _slug(province),
                      f"{_slug(name)}")]
    one = [rng.randrange(len(PROVINCES))] if spec.provinces == 1 else []
    indexes = one or list(range(spec.provinces))
    out = [
        Pemda(f"p{11 + i}", f"Provinsi {PROVINCES[i]}", "provinsi", PROVINCES[i],
              _slug(PROVINCES[i]), "provinsi")
        for i in indexes
    ]
    numbers = Counter()
    for position, name in enumerate(_place_names(rng, spec.kabkota)):
        i = indexes[position] if position < len(indexes) else rng.choice(indexes)
        is_kota = rng.random() < 0.18
        numbers[i, is_kota] += 1
        code = f"{11 + i}{numbers[i, is_kota] + (70 if is_kota else 0):02d}"
        level = "kota" if is_kota else "kabupaten"
        out.append(Pemda(f"{'kota' if is_kota else 'kab'}{code}", f"{level.title()} {name}",
                         level, PROVINCES[i], _slug(PROVINCES[i]), _slug(name)))
    out.sort(key=lambda p: (p.province_slug, p.level != "provinsi", p.slug))
    return out


def _place_names(rng: random.Random, count: int) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        name = " ".join(
            part for part in (rng.choice(_FIRST), rng.choice(_SECOND), rng.choice(_THIRD)) if part
        )
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def _planted(rng: random.Random, rate: float) -> int:
    """How many of one gap kind to plant in a pemda: `rate` on average (stochastic rounding)."""
    whole = int(rate)
    return whole + (rng.random() < rate - whole)


def _fill(pemda: Pemda, profile: Profile, rng: random.Random, gaps: dict[str, list[str]]) -> None:
    p = pemda.slug
    items = pemda.items
    units = items["units"]
    for slug, name, kind, parent, _sector in UNITS:
        unit: dict[str, Any] = {"id": f"{p}.{slug}", "name": name, "kind": kind}
        if parent:
            unit["parent"] = f"{p}.{parent}"
        units.append(unit)
    if pemda.level != "provinsi":
        for name in _place_names(rng, profile.kecamatan):
            units.append({"id": f"{p}.kec-{_slug(name)}", "name": f"Kecamatan {name}",
                          "kind": "kecamatan"})
    for unit in units:
        if rng.random() < profile.jip_share or unit["id"] == f"{p}.diskominfo":
            unit["networks"] = ["jip"]

    pdd, intranet, internet = f"{p}.pusat-data", f"{p}.intranet", f"{p}.internet"
    items["infrastructure"] += [
        {"id": pdd, "name": f"Pusat Data {pemda.name}", "kind": "pusat_data_daerah",
         "location": f"Kantor Diskominfo {pemda.name}", "provider": "Diskominfo",
         "networks": ["jip", intranet]},
        {"id": intranet, "name": f"Jaringan Intra {pemda.name}", "kind": "intranet",
         "provider": "Diskominfo"},
        {"id": internet, "name": "Internet", "kind": "internet", "provider": "ISP lokal"},
    ]

    apps: list[dict[str, Any]] = []
    data_of: dict[str, str] = {}  # app id -> data id it writes
    umum = sorted(rng.sample(sorted(UMUM), min(profile.umum, len(UMUM))),
                  key=list(UMUM).index)
    for platform in umum:
        owner, data_name, _service, _indicator = UMUM[platform]
        app = {"id": f"{p}.{platform}", "name": platform.upper(),
               "kind": "umum", "platform": platform, "owner": f"{p}.{owner}", "hosting": "pdn"}
        apps.append(app)
        if data_name:
            data_of[app["id"]] = _add_data(pemda, rng, app, data_name, _SECTOR[owner])
    templates = [(owner, t) for owner, ts in KHUSUS.items() for t in ts]
    for index in range(profile.khusus):
        owner, (slug, name, data_name) = templates[index % len(templates)]
        round_ = index // len(templates)
        if round_:
            slug, name, data_name = (f"{slug}-{round_ + 1}", f"{name} Modul {round_ + 1}",
                                     f"{data_name} {round_ + 1}")
        # each pemda names its own: one name twice in one model is a duplicate (SPBE-A007)
        app = {"id": f"{p}.{slug}", "name": f"{name} {pemda.name}", "kind": "khusus",
               "owner": f"{p}.{owner}",
               "hosting": pdd if rng.random() < 0.8 else "pdn"}
        if rng.random() < 0.3:
            app["url"] = f"https://{slug}.{p}.go.id"
        apps.append(app)
        if rng.random() < profile.data_share:
            data_of[app["id"]] = _add_data(pemda, rng, app, data_name, _SECTOR[owner])
    items["applications"] = apps

    _integrate(pemda, profile, rng, gaps, apps, data_of)
    _services(pemda, rng, apps, umum, gaps, profile)
    _security_and_roadmap(pemda, rng, apps, pdd)
    _plant_simple_gaps(pemda, profile, rng, gaps, apps)


def _add_data(pemda: Pemda, rng: random.Random, app: dict, name: str, sector: int) -> str:
    number = len(pemda.items["data"]) + 1
    data_id = f"{app['id']}.data"
    pemda.items["data"].append({
        "id": data_id,
        "name": name,
        "ref": f"RAD.{sector:02d}.{number % 90 + 10:02d}",
        "steward": app["owner"],
        "classification": "terbuka",
        "producer": app["id"],
        "published": True,
    })
    return data_id


def _integration(pemda: Pemda, source: dict, target: str, data: list[str], **extra) -> dict:
    integration = {
        "id": f"{source['id']}.ke.{target.split('.', 1)[-1]}",
        "source": source["id"],
        "target": target,
        "via": "splp",
        "data": data,
        "network": "jip",
        **extra,
    }
    pemda.items["integrations"].append(integration)
    return integration


def _integrate(pemda, profile, rng, gaps, apps, data_of) -> None:
    """Integrations in separate clusters: members send their data to the cluster's hub."""
    shuffled = list(apps)
    rng.shuffle(shuffled)
    clusters: list[list[dict]] = []
    while shuffled:
        # at most 4 apps: a hub has at most 3 members (+ its national platform), not a hub
        if len(shuffled) <= 4:
            take = len(shuffled)
        else:
            take = 3 if len(shuffled) == 5 else rng.choice((3, 4))
        clusters.append(shuffled[:take])
        shuffled = shuffled[take:]
    by_id = {app["id"]: app for app in apps}
    member_links: list[tuple[dict, dict]] = []
    for cluster in clusters:
        hub, *members = cluster
        for member in members:
            data = [data_of[member["id"]]] if member["id"] in data_of else []
            link = _integration(pemda, member, hub["id"], data)
            member_links.append((link, member))
            hub.setdefault("reads", []).extend(data)
    for app in apps:
        if app["kind"] == "umum":
            data = [data_of[app["id"]]] if app["id"] in data_of else []
            _integration(pemda, app, app["platform"], data)

    # planted: data read across clusters that share no integration path
    pure = [
        c for c in clusters
        if all(a["kind"] == "khusus" and not a["id"].endswith(".portal-satu-data") for a in c)
    ]
    for _ in range(_planted(rng, profile.gap_rate)):
        if len(pure) < 2:
            break
        reader_cluster, producer_cluster = rng.sample(pure, 2)
        producers = [a for a in producer_cluster if a["id"] in data_of]
        if not producers:
            continue
        reader = rng.choice(reader_cluster)
        producer = rng.choice(producers)
        data_id = data_of[producer["id"]]
        if reader["id"] in gaps["unintegrated_data"]:
            continue
        reader.setdefault("reads", []).append(data_id)
        gaps["unintegrated_data"].append(reader["id"])
    # planted: cross-unit integrations bypassing SPLP; SPLP over the public internet
    cross = [
        (link, member) for link, member in member_links
        if member["owner"] != by_id[link["target"]]["owner"]
    ]
    rng.shuffle(cross)
    for _ in range(_planted(rng, profile.gap_rate)):
        if cross:
            link, _member = cross.pop()
            link["via"] = "api_direct"
            gaps["splp_bypass"].append(link["id"])
    for _ in range(_planted(rng, profile.gap_rate)):
        if cross:
            link, _member = cross.pop()
            link["network"] = f"{pemda.slug}.internet"
            gaps["internet_integration"].append(link["id"])


def _hubs(pemdas: list[Pemda]) -> list[str]:
    """Applications with HUB_PARTNERS or more integration partners, either direction."""
    apps = {a["id"] for pemda in pemdas for a in pemda.items["applications"]}
    partners: dict[str, set[str]] = {}
    for pemda in pemdas:
        for link in pemda.items["integrations"]:
            partners.setdefault(link["source"], set()).add(link["target"])
            partners.setdefault(link["target"], set()).add(link["source"])
    return [a for a, found in partners.items() if a in apps and len(found) >= HUB_PARTNERS]


def _relays(pemdas: list[Pemda]) -> list[str]:
    """Applications that receive from an application and send to another one.

    The integrations between applications form a forest (star clusters, joined only by the
    portal links), so each such application is the only path between its two sides.
    """
    apps = {a["id"] for pemda in pemdas for a in pemda.items["applications"]}
    senders: dict[str, set[str]] = {}
    receivers: dict[str, set[str]] = {}
    for pemda in pemdas:
        for link in pemda.items["integrations"]:
            if link["target"] in apps:
                senders.setdefault(link["target"], set()).add(link["source"])
                receivers.setdefault(link["source"], set()).add(link["target"])
    return [a for a in senders if receivers.get(a)]


def _link_to_province(pemda: Pemda, province: Pemda) -> None:
    """A kabupaten/kota sends its sectoral open data to the province's Satu Data portal."""
    portal = f"{pemda.slug}.portal-satu-data"
    target = f"{province.slug}.portal-satu-data"
    apps = {a["id"]: a for a in pemda.items["applications"]}
    province_apps = {a["id"]: a for a in province.items["applications"]}
    if portal not in apps or target not in province_apps:
        return
    data = [d["id"] for d in pemda.items["data"] if d["id"] == f"{portal}.data"]
    link = _integration(pemda, apps[portal], target, data)
    link["id"] = f"{portal}.ke.{province.slug}"
    # the province's portal reads what the kabupaten's portal collects and passes on
    passed_on = [*data, *apps[portal].get("reads", ())]
    if passed_on:
        province_apps[target].setdefault("reads", []).extend(passed_on)


def _services(pemda, rng, apps, umum, gaps, profile) -> None:
    p = pemda.slug
    services = pemda.items["services"]
    for platform in umum:
        owner, _data, name, indicator = UMUM[platform]
        if name is None:
            continue
        services.append({
            "id": f"{p}.layanan-{platform}", "name": name,
            "kind": "public" if platform == "sp4n-lapor" else "administration",
            "ref": f"RAL.02.{len(services) % 90 + 10:02d}",
            "owner": f"{p}.{owner}", "applications": [f"{p}.{platform}"],
            "level": rng.choice(_LEVELS[1:4]), "indicator": indicator,
        })
    for app in apps:
        if app["kind"] != "khusus" or rng.random() < 0.35:
            continue
        owner = app["owner"].split(".", 1)[1]
        sector = _SECTOR[owner]
        service = {
            "id": f"{app['id']}.layanan", "name": f"Layanan {app['name']}",
            "kind": "public", "ref": f"RAL.01.{sector:02d}.{len(services) % 90 + 10:02d}",
            "owner": app["owner"], "applications": [app["id"]],
            "level": rng.choice(_LEVELS[:4]),
        }
        if sector in (4, 5, 7):
            service["indicator"] = {4: 45, 5: 46, 7: 47}[sector]
        services.append(service)
    for _ in range(_planted(rng, profile.gap_rate)):
        unit = rng.choice([u for u in pemda.items["units"] if u["kind"] == "dinas"])
        service_id = f"{unit['id']}.layanan-manual-{len(services)}"
        services.append({
            "id": service_id, "name": f"Layanan Manual {len(services)} {pemda.name}",
            "kind": "public", "ref": f"RAL.01.{_SECTOR[unit['id'].split('.', 1)[1]]:02d}",
            "owner": unit["id"], "level": "informasi", "applications": [],
        })
        gaps["service_without_application"].append(service_id)
    readers = set(gaps["unintegrated_data"])
    for service in services:
        if readers.intersection(service.get("applications", ())):
            gaps["unintegrated_service"].append(service["id"])
    by_owner: dict[str, list[str]] = {}
    for service in services:
        by_owner.setdefault(service["owner"], []).append(service["id"])
    for unit in pemda.items["units"]:
        owner = unit["id"]
        ids = by_owner.get(owner, [])
        slug = owner.split(".", 1)[1]
        sector = _SECTOR.get(slug, 1)
        process = {
            "id": f"{owner}.proses",
            "name": f"Proses Bisnis {unit['name']}",
            "ref": f"RAB.{sector:02d}.{len(ids) % 90 + 10:02d}.01",
            "owner": owner,
        }
        if unit["kind"] == "kecamatan":
            process["name"] = f"Pelayanan Administrasi Terpadu {unit['name']}"
            process["urusan"] = "Pemerintahan umum"
        if ids:
            process["services"] = ids[: 1 + (len(ids) > 3)]
        pemda.items["business_processes"].append(process)


def _security_and_roadmap(pemda, rng, apps, pdd) -> None:
    p = pemda.slug
    picked = sorted(rng.sample([a["id"] for a in apps], min(4, len(apps))))
    pemda.items["security"] += [
        {"id": f"{p}.csirt", "name": f"CSIRT {pemda.name}", "kind": "csirt",
         "covers": picked, "year": 2023},
        {"id": f"{p}.smki", "name": f"SMKI {pemda.name}", "kind": "isms",
         "standard": "SNI ISO/IEC 27001", "covers": [pdd], "year": 2024},
        {"id": f"{p}.backup", "name": f"Cadangan Harian {pemda.name}", "kind": "backup",
         "covers": [pdd]},
    ]
    planned = sorted(rng.sample([a["id"] for a in apps if a["kind"] == "khusus"], 2))
    pemda.items["roadmap"] += [
        {"id": f"{p}.rencana-integrasi", "name": f"Integrasi Layanan melalui SPLP {pemda.name}",
         "year": 2026, "elements": planned},
        {"id": f"{p}.rencana-migrasi-pdn", "name": f"Migrasi ke PDN {pemda.name}",
         "year": 2027, "elements": [pdd]},
    ]


def _plant_simple_gaps(pemda, profile, rng, gaps, apps) -> None:
    p = pemda.slug
    units = [u for u in pemda.items["units"] if u["kind"] in ("dinas", "badan")]
    for number in range(1, _planted(rng, profile.gap_rate) + 1):
        owner = rng.choice(units)["id"]
        app_id = f"{owner}.aplikasi-mandiri-{number}"
        pemda.items["applications"].append({
            "id": app_id, "name": f"Aplikasi Mandiri {number} {pemda.name}", "kind": "khusus",
            "owner": owner, "hosting": f"{p}.pusat-data",
        })
        gaps["isolated_app"].append(app_id)
    data = [d for d in pemda.items["data"] if d["steward"]]
    for record in rng.sample(data, min(len(data), _planted(rng, profile.gap_rate))):
        del record["steward"]
        gaps["data_without_steward"].append(record["id"])
    hosted = [a for a in apps if a["kind"] == "khusus"]
    chosen = rng.sample(hosted, min(len(hosted), _planted(rng, profile.gap_rate)))
    if chosen:
        server_room = f"{p}.ruang-server"
        pemda.items["infrastructure"].append(
            {"id": server_room, "name": "Ruang Server Dinas", "kind": "on_premise",
             "location": "Kantor dinas", "networks": [f"{p}.intranet"]}
        )
        for app in chosen:
            app["hosting"] = server_room
            gaps["hosting_on_premise"].append(app["id"])
    for number in range(1, _planted(rng, profile.gap_rate) + 1):
        unit_id = f"{p}.upt-{number}"
        pemda.items["units"].append({"id": unit_id, "name": f"UPT {number}",
                                     "kind": "unit_kerja", "networks": ["jip"]})
        gaps["unit_owning_nothing"].append(unit_id)
    for unit in pemda.items["units"]:
        if "networks" not in unit:
            unit["networks"] = []  # known: no network (an omitted list would be unknown)
            gaps["unit_outside_jip"].append(unit["id"])


# --- writing ----------------------------------------------------------------------------------


def _manifest(spec: Size, pemdas: list[Pemda]) -> str:
    if spec.level == "kabupaten":
        pemda = pemdas[0]
        instansi = {"id": pemda.slug, "name": f"Pemerintah {pemda.name}", "level": "kabupaten",
                    "region": f"Provinsi {pemda.province}"}
    elif spec.level == "provinsi":
        province = next(p for p in pemdas if p.level == "provinsi")
        instansi = {"id": province.slug, "name": f"Pemerintah {province.name} dan kabupaten/kota",
                    "level": "provinsi", "region": province.province}
    else:
        instansi = {"id": "spbe-nasional", "name": "Arsitektur SPBE Pemerintah Daerah Nasional",
                    "level": "kementerian", "region": "Indonesia"}
    instansi.update({"framework": "permenpanrb-59-2020", "target": 3.0})
    lines = [f"# Synthetic SPBE model ({spec.name}) written by benchmarks/generate.py",
             "instansi:"]
    lines += [f"  {key}: {_scalar(value)}" for key, value in instansi.items()]
    return "\n".join(lines) + "\n"


def _layout(spec: Size, pemdas: list[Pemda]) -> dict[str, str]:
    files: dict[str, str] = {}
    if spec.layout == "collections":
        pemda = pemdas[0]
        for collection in COLLECTION_ORDER:
            files[f"{collection}.yaml"] = _document({collection: pemda.items[collection]})
    elif spec.layout == "pemda-folders":
        groups = {
            "organisasi.yaml": ("units", "business_processes", "services"),
            "aplikasi.yaml": ("applications", "integrations"),
            "data.yaml": ("data",),
            "infrastruktur.yaml": ("infrastructure", "security", "roadmap"),
        }
        for pemda in pemdas:
            for name, collections in groups.items():
                files[f"{pemda.slug}-{pemda.file}/{name}"] = _document(
                    {c: pemda.items[c] for c in collections}
                )
    else:
        for pemda in pemdas:
            files[f"{pemda.province_slug}/{pemda.slug}-{pemda.file}.yaml"] = _document(pemda.items)
    return files


def _own_reads(app: dict[str, Any], own: set[str]) -> list[str]:
    """The data an application reads that its own pemda holds."""
    return [d for d in app.get("reads", ()) if d in own]


def _split_layout(pemdas: list[Pemda]) -> dict[str, str]:
    """One model folder per pemda: its manifest and one file with its collections.

    An integration with another pemda's application names it as a platform of the model's own
    (`platforms:`, a portal run by that pemda); an application reads only its pemda's data.
    """
    owner_of = {a["id"]: (a, p) for p in pemdas for a in p.items["applications"]}
    files: dict[str, str] = {}
    for pemda in pemdas:
        folder = f"{pemda.slug}-{pemda.file}"
        instansi = {"id": pemda.slug, "name": f"Pemerintah {pemda.name}", "level": pemda.level,
                    "region": f"Provinsi {pemda.province}", "framework": "permenpanrb-59-2020",
                    "target": 3.0}
        lines = ["# Synthetic SPBE model (one pemda) written by benchmarks/generate.py",
                 "instansi:"]
        lines += [f"  {key}: {_scalar(value)}" for key, value in instansi.items()]
        lines += _self_assessment(pemda)
        files[f"{folder}/spbe.yaml"] = "\n".join(lines) + "\n"
        own = {d["id"] for d in pemda.items["data"]}
        items = dict(pemda.items)
        items["applications"] = [
            {**app, "reads": _own_reads(app, own)} if "reads" in app else app
            for app in pemda.items["applications"]
        ]
        mine = {a["id"] for a in items["applications"]}
        others = sorted({
            link["target"] for link in items["integrations"]
            if link["target"] in owner_of and link["target"] not in mine
        })
        platforms = []
        for target in others:
            app, runner = owner_of[target]
            platforms.append({"id": target, "name": app["name"], "kind": "portal",
                              "operator": f"Pemerintah {runner.name}"})
        files[f"{folder}/arsitektur.yaml"] = _document({**items, "platforms": platforms})
    return files


def _self_assessment(pemda: Pemda) -> list[str]:
    """The pemda's 2024 self-assessment of its policies (indicators 1-10, each with the
    regulation named as bukti dukung), as every pemda files one: with what its model shows,
    its index rests on more than half of the indicators."""
    rng = random.Random(pemda.slug)
    lines = ["assessment:"]
    for indicator in range(1, 11):
        lines.append(f"  - {{indicator: {indicator}, year: 2024, level: {rng.choice((2, 3))}, "
                     f"evidence: [{{title: Peraturan Kepala Daerah {pemda.name} tentang "
                     f"kebijakan {indicator}}}]}}")
    return lines


def _document(collections: dict[str, list[dict[str, Any]]]) -> str:
    out: list[str] = []
    for collection, items in collections.items():
        if not items:
            continue
        if out:
            out.append("")
        out.append(f"{collection}:")
        for item in items:
            first = True
            for key, value in item.items():
                out.append(f"{'  - ' if first else '    '}{key}: {_scalar(value)}")
                first = False
    return "\n".join(out) + "\n"


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    text = str(value)
    if (_PLAIN.match(text) or _NAME.match(text)) and text.lower() not in _RESERVED_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


def main(argv: list[str] | None = None) -> int:
    """Command line: generate, write, print the counts."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="small")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--split", action="store_true",
                        help="one model folder per pemda (for spbe-arch portfolio)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="folder to write")
    args = parser.parse_args(argv)
    try:
        summary = write_model(generate(args.size, args.seed, split=args.split), args.output)
    except FileExistsError as exc:
        print(f"generate.py: {exc}", file=sys.stderr)
        return 2
    print(f"{args.output}: {summary['files']} files, {summary['bytes'] / 1e6:.1f} MB")
    print(f"elements   {summary['elements']:>8}")
    for name, count in summary["elements_by_collection"].items():
        print(f"  {name:<30}{count:>8}")
    print(f"relations  {summary['relations']:>8}")
    print("planted gaps")
    for kind, count in summary["gaps"].items():
        print(f"  {kind:<30}{count:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
