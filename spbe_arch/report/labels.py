"""The report's words in both languages: (Indonesian, English) for every title and label.

The report shows the chosen language first and the other one as a subtitle.
"""

from ..model.i18n import gettext as _
from ..model.words import STATUS, VIA

__all__ = [
    "COLLECTIONS", "EFFORT", "HOSTING", "METRICS", "SEVERITY", "SOURCE", "STATUS", "TEXT", "VIA",
    "shown_predikat", "word",
]

TEXT: dict[str, tuple[str, str]] = {
    # key: (Indonesian, English)
    "report": ("Laporan Arsitektur SPBE", "SPBE architecture report"),
    "report_to_be": ("Laporan Arsitektur SPBE target {year}", "SPBE target architecture report, "
                     "{year}"),
    "to_be_notice": ("Arsitektur target (to-be) {year}: rencana, bukan kondisi saat ini. Indeks "
                     "dan temuan di bawah menggambarkan arsitektur bila rencana terlaksana.",
                     "Target architecture (to-be) for {year}: a plan, not the current state. "
                     "The index and findings below describe the architecture once the plan is "
                     "carried out."),
    "contents": ("Daftar isi", "Contents"),
    "summary": ("Ringkasan", "Summary"),
    "validation": ("Validasi berkas model", "Model file validation"),
    "audit": ("Audit integrasi", "Integration audit"),
    "maturity": ("Tingkat kematangan SPBE", "SPBE maturity"),
    "plan": ("Rencana peningkatan", "Improvement plan"),
    "diagrams": ("Diagram arsitektur", "Architecture diagrams"),
    "roadmap": ("Peta Rencana SPBE", "SPBE roadmap"),
    "inventory": ("Inventaris elemen", "Element inventory"),
    "apps_per_unit": ("Aplikasi per unit kerja", "Applications per unit"),
    "hosting": ("Penempatan aplikasi", "Hosting"),
    "integrations": ("Integrasi", "Integrations"),
    "index": ("Indeks SPBE (estimasi)", "SPBE index (estimate)"),
    "target": ("Target", "Target"),
    "gap": ("Selisih", "Gap"),
    "splp_share": ("Integrasi aktif melalui SPLP", "Active integrations through SPLP"),
    "findings": ("Temuan audit", "Audit findings"),
    "errors": ("kesalahan", "errors"),
    "error_one": ("kesalahan", "error"),
    "warning_one": ("peringatan", "warning"),
    "warnings": ("peringatan", "warnings"),
    "infos": ("info", "info"),
    "unavailable": ("Bagian ini tidak tersedia", "This section is not available"),
    "no_findings": ("Tidak ada temuan.", "No findings."),
    "model_ok": ("Berkas model valid: tidak ada kesalahan penulisan model (temuan arsitektur "
                 "ada di audit di bawah).",
                 "The model files are valid: no errors in how the model is written (the "
                 "architecture's findings are in the audit below)."),
    "model_errors": (
        "Model memiliki kesalahan; laporan hanya memuat elemen yang valid.",
        "The model has errors; the report covers the valid elements only.",
    ),
    "counts": ("Jumlah elemen", "Element counts"),
    "not_recorded": ("tidak tercatat", "not recorded"),
    "unknown_some": ("{count} belum diketahui", "{count} not known"),
    "bar_known": ("panjang batang: bagian dari seluruhnya, termasuk yang belum diketahui; "
                  "persen dihitung dari yang sudah diketahui",
                  "share of all, the unknown included (the figure: of those known)"),
    "bar_unknown": ("belum diketahui", "not known"),
    "unknown_all": ("belum diketahui untuk satu pun dari {count}", "not known for any of {count}"),
    "metrics": ("Ukuran cakupan", "Coverage metrics"),
    "metric": ("Ukuran", "Metric"),
    "value": ("Nilai", "Value"),
    "domain": ("Domain", "Domain"),
    "weight": ("Bobot", "Weight"),
    "score": ("Nilai", "Score"),
    "indicator": ("Indikator", "Indicator"),
    "level": ("Tingkat", "Level"),
    "source": ("Sumber", "Source"),
    "step": ("Langkah", "Step"),
    "gain": ("Kenaikan indeks", "Index gain"),
    "effort": ("Upaya", "Effort"),
    "actions": ("Tindakan", "Actions"),
    "plan_reach": ("Indeks setelah rencana", "Index after the plan"),
    "no_plan": ("Target sudah tercapai; tidak ada langkah.", "Target reached; no steps."),
    "plan_more": ("langkah berikutnya, tidak dimuat di sini (indeks setelah rencana menghitung "
                  "semuanya); semuanya:", "more steps, not shown here (the index after the "
                  "plan counts them all); all of them:"),
    "severity": ("Keparahan", "Severity"),
    "where": ("Lokasi", "Where"),
    "element": ("Elemen", "Element"),
    "message": ("Pesan", "Message"),
    "unit": ("Unit kerja", "Unit"),
    "application": ("Aplikasi", "Application"),
    "kind": ("Jenis", "Kind"),
    "status": ("Status", "Status"),
    "platform": ("Platform nasional", "National platform"),
    "datacentre": ("Pusat data", "Data centre"),
    "networks": ("Jaringan", "Networks"),
    "apps_hosted": ("Aplikasi aktif", "Active applications"),
    "apps_hosted_list": ("Aplikasi yang ditampung", "Applications hosted"),
    "integrations_all": (
        "Semua integrasi yang tercatat ({total}), apa pun status dan mekanismenya; {links} di "
        "antaranya aktif dan dihitung sebagai integrasi oleh ringkasan dan audit (pertukaran "
        "manual dan login bersama, walau aktif, tidak dihitung).",
        "Every integration recorded ({total}), whatever its status and mechanism; {links} of "
        "them are active and counted as integrations by the summary and the audit (a manual "
        "exchange or a shared login, even active, is not).",
    ),
    "no_hosting": ("Aplikasi aktif yang penempatannya belum dicatat",
                   "Active applications whose hosting is not recorded"),
    "no_apps": ("Unit kerja tanpa aplikasi", "Units without applications"),
    "from": ("Dari", "From"),
    "to": ("Ke", "To"),
    "via": ("Mekanisme", "Mechanism"),
    "network": ("Jaringan", "Network"),
    "data": ("Data", "Data"),
    "generated": ("Dibuat", "Generated"),
    "framework": ("Kerangka evaluasi", "Framework"),
    "assessed_year": ("tahun penilaian", "year assessed"),
    "command": ("Perintah", "Command"),
    "rule": ("Aturan", "Rule"),
    "chart": ("Nilai per domain", "Score per domain"),
    "indicators": ("Penilaian per indikator", "Rating per indicator"),
    "self": ("Mandiri", "Self-assessed"),
    "verified": ("Terverifikasi", "Verified"),
    "model_level": ("Model", "Model"),
    "counted": ("Akhir", "Counted"),
    "why": ("Alasan", "Why"),
    "year": ("Tahun", "Year"),
    "columns": ("Indeks menurut sumber", "Index by column"),
    "trajectory": ("Perkembangan indeks per tahun", "Index trajectory by year"),
    "index_axis": ("indeks atau tingkat kematangan (0–{top})",
                   "index or maturity level (0–{top})"),
    "unrated": (
        "Indikator yang tidak ditunjukkan model dan tanpa bukti dukung (penilaian mandiri tanpa "
        "bukti dukung tidak dihitung) dihitung pada tingkat terendah",
        "Indicators the model does not show and no bukti dukung supports (a self-assessment "
        "naming none does not count) count at the lowest level",
    ),
    "rests_on": ("berdasarkan {rated} dari {total} indikator",
                 "rests on {rated} of {total} indicators"),
    "from_claims": ("{count} dari {total} indikator dari penilaian mandiri, belum diverifikasi",
                    "{count} of {total} indicators from the self-assessment, not verified"),
    "columns_lowest": ("Indikator yang tidak memiliki nilai tingkat pada suatu sumber dihitung "
                       "tingkat {lowest} untuk sumber itu.",
                       "An indicator without a level in a column counts at level {lowest} "
                       "there."),
    "estimate_note_model": (
        "Estimasi dari model saja (tanpa penilaian mandiri); bukan hasil evaluasi resmi "
        "KemenPANRB.",
        "An estimate from the model alone (no self-assessment), not the official evaluation.",
    ),
    "estimate_note": (
        "Estimasi dari model dan penilaian mandiri; bukan hasil evaluasi resmi KemenPANRB.",
        "An estimate from the model and the self-assessment, not the official evaluation.",
    ),
    "no_roadmap": (
        "Model ini belum memuat Peta Rencana SPBE (`roadmap:`).",
        "The model has no SPBE roadmap (`roadmap:`).",
    ),
    "roadmap_chart": (
        "Kegiatan per tahun, dan indeks: tahun yang sudah dinilai (abu-abu; titik penuh: "
        "hasil terverifikasi evaluator, titik kosong: estimasi dari penilaian mandiri dan "
        "model), lalu tahun rencana bila kegiatan tahun itu selesai (biru, garis putus-putus).",
        "Items by year, and the index: the years assessed (grey; a filled dot: the "
        "evaluator's verified result, a hollow one: an estimate from the self-assessment and "
        "the model), then each planned year with its items done (blue, dashed).",
    ),
    "roadmap_to_be": (
        "Model ini adalah arsitektur target: ia sudah memuat hasil semua kegiatan Peta "
        "Rencana, sehingga indeks per tahun tidak dihitung darinya, melainkan dari model "
        "saat ini (as-is) yang diterapkan kegiatan demi kegiatan menuju model ini:",
        "This model is the target architecture: it holds what every roadmap item delivers "
        "already, so the index of each year is not counted from it but from the current "
        "(as-is) model, the items applied one by one towards this one:",
    ),
    "roadmap_not_applied": (
        "Model ini terlalu besar untuk menerapkan Peta Rencana tahun demi tahun di laporan; "
        "indeks dan ukuran audit per tahun:",
        "This model is too large to apply the roadmap year by year in the report; the index "
        "and audit metrics of each year:",
    ),
    "roadmap_budget": ("Perkiraan anggaran seluruh kegiatan", "Estimated budget of all items"),
    "roadmap_items": ("Kegiatan", "Items"),
    "roadmap_item": ("Kegiatan", "Item"),
    "roadmap_changes": ("Perubahan arsitektur", "Changes to the architecture"),
    "roadmap_after": ("Menunggu kegiatan", "After"),
    "roadmap_years": ("Indeks per tahun", "Index by year"),
    "roadmap_index": ("Indeks SPBE", "SPBE index"),
    "budget": ("Anggaran", "Budget"),
    "verified_year": ("terverifikasi evaluator", "verified by the evaluator"),
    "claims_of": ("klaim {year}", "claims of {year}"),
    "trajectory_partial": (
        "(n/{total}): indeks kolom itu hanya bersandar pada n indikator yang bernilai pada "
        "sumber itu; sisanya dihitung tingkat {lowest}. Indikator yang tidak dinilai bukan "
        "klaim yang lebih rendah: bandingkan tahun-tahun hanya bila n-nya sama.",
        "(n/{total}): that column's index rests on the n indicators with a level in it; the "
        "others count at level {lowest}. An indicator not assessed is no lower claim: compare "
        "years only where n is the same.",
    ),
    "estimated_year": ("estimasi", "estimate"),
    "planned": ("rencana", "planned"),
    "planned_in": ("sudah dijadwalkan dalam Peta Rencana:", "in the Peta Rencana already:"),
    "paperwork": ("bukti dukung saja, arsitektur tidak berubah",
                  "bukti dukung only, no change to the architecture"),
    "see_html": ("lihat index.html", "see index.html"),
    "exec_summary": ("Ringkasan eksekutif", "Executive summary"),
    "no_diagrams": ("Tidak ada diagram yang digambar", "No diagram was drawn"),
    "too_large_to_print": (
        "Diagram ini terlalu besar untuk dicetak dengan jelas pada A4; gambar ukuran penuh dengan:",
        "This diagram is too large to print readably on A4; draw it at full size with:",
    ),
    "unit_maps": ("Peta integrasi per unit kerja", "Integration map of each unit"),
    "unit_maps_note": (
        "Klik nama unit kerja untuk membuka petanya.", "Click a unit's name to open its map."
    ),
    "fix_first": ("Yang harus diperbaiki dahulu", "To fix first"),
    "provisional": ("sementara", "provisional"),
    "no_predikat": ("belum ada predikat sebelum separuh indikator memiliki tingkat",
                    "no predikat until half of the indicators are rated"),
    "index_provisional": (
        "Indeks sementara: model masih memiliki kesalahan",
        "Provisional index: the model still has errors",
    ),
    "integration_gaps": ("Celah integrasi terbesar", "The most harmful integration gaps"),
    "exposure": ("Dampak gangguan pusat data dan SPLP",
                 "Exposure to a data-centre or SPLP outage"),
    "first_steps": ("Langkah pertama", "First steps"),
    "all_findings": ("Semua temuan", "All findings"),
    "hint": ("saran", "hint"),
    "and_more": ("dan {count} lainnya", "and {count} more"),
    "cli_counts": (
        "Jumlah sama dengan keluaran `spbe-arch audit`.",
        "The counts are those of `spbe-arch audit`.",
    ),
    "explorer": ("Penjelajah aplikasi", "Application explorer"),
    "explorer_note": (
        "Cari dan saring aplikasi; klik aplikasi untuk melihat integrasi, data, tempat "
        "penyelenggaraan, dan apa yang berhenti bila aplikasi itu gagal.",
        "Search and filter the applications; click one to see its integrations, data, "
        "hosting and what its failure would stop.",
    ),
    "show_table": ("Tampilkan tabel", "Show the table"),
    "table_not_printed": (
        "Tabel lengkapnya ({rows} baris) tidak dicetak agar laporan tetap ringkas: bukalah "
        "index.html di peramban.",
        "The full table ({rows} rows) is not printed, to keep the report short: open index.html "
        "in a browser.",
    ),
    "x_search": ("Cari aplikasi, unit, data…", "Search applications, units, data…"),
    "x_all_units": ("Semua unit kerja", "All units"),
    "x_all_kinds": ("Semua jenis", "All kinds"),
    "x_all_status": ("Semua status", "All statuses"),
    "x_all_hosting": ("Semua tempat", "All hosting"),
    "x_all_via": ("Semua mekanisme", "All mechanisms"),
    "x_application": ("Aplikasi", "Application"),
    "x_unit": ("Unit kerja", "Unit"),
    "x_kind": ("Jenis", "Kind"),
    "x_status": ("Status", "Status"),
    "x_hosting": ("Tempat penyelenggaraan", "Hosting"),
    "x_hosting_unknown": ("belum tercatat", "not recorded"),
    "x_run_by_operator": (
        "dikelola {operator} (platform nasional)", "run by {operator} (national platform)"
    ),
    "x_run_by_platform": (
        "dikelola pengelola {platform}", "run by the operator of {platform}"
    ),
    "x_via": ("Mekanisme", "Mechanism"),
    "x_integrations": ("Integrasi", "Integrations"),
    "x_data": ("Data", "Data"),
    "x_from": ("Dari", "From"),
    "x_to": ("Ke", "To"),
    "x_reads": ("Membaca", "Reads"),
    "x_writes": ("Menulis", "Writes"),
    "x_if_fails": ("Bila aplikasi ini gagal", "If this application fails"),
    "x_stops_services": ("Layanan berhenti", "Services stopped"),
    "x_stops_processes": ("Proses bisnis berhenti", "Business processes stopped"),
    "x_degrades": ("Aplikasi terganggu", "Applications degraded"),
    "x_degrades_services": ("Layanan terganggu", "Services degraded"),
    "x_degrades_processes": ("Proses bisnis terganggu", "Business processes degraded"),
    "x_breaks": ("Integrasi terputus", "Integrations broken"),
    "x_nothing_stops": ("Tidak ada yang berhenti.", "Nothing stops."),
    "x_not_recorded": ("belum tercatat", "not recorded"),
    "x_either_way": ("arah tidak diketahui", "direction unknown"),
    "x_services_unknown": (
        "Model ini belum mencatat layanan: layanan yang berhenti bila aplikasi ini gagal belum "
        "diketahui.",
        "The model records no service: which services would stop if this application fails is "
        "not known.",
    ),
    "x_data_unknown": (
        "Data yang dibaca dan ditulis aplikasi ini belum tercatat: aplikasi yang kehilangan data "
        "bila aplikasi ini gagal belum diketahui.",
        "The data this application reads and writes is not recorded: which applications would "
        "lose data if it fails is not known.",
    ),
    "x_links_unknown": (
        "Model ini belum mencatat integrasi: aplikasi yang kehilangan data bila aplikasi ini "
        "gagal belum diketahui.",
        "The model records no integration: which applications would lose data if this one "
        "fails is not known.",
    ),
    "x_shown_of": ("{shown} dari {total} ditampilkan", "{shown} of {total} shown"),
    "x_refine": (
        "Cari atau saring untuk melihat yang lain.", "Search or filter to see the others."
    ),
    "x_none": ("-", "-"),
    "x_close": ("Tutup", "Close"),
    "x_no_match": ("Tidak ada yang cocok.", "Nothing matches."),
    "x_impact_command": (
        "Model ini terlalu besar untuk menghitung dampak setiap aplikasi di laporan; jalankan:",
        "This model is too large to compute every application's impact in the report; run:",
    ),
}

SEVERITY = {
    "error": ("kesalahan", "error"),
    "warning": ("peringatan", "warning"),
    "info": ("info", "info"),
}

SOURCE = {
    # keys: the values of spbe_arch.maturity.result.Source
    "verified": ("terverifikasi", "verified"),
    "claim": ("klaim", "claim"),
    "model": ("model", "model"),
    "none": ("tidak dinilai", "not rated"),
}


HOSTING = {
    # keys: the data centre kinds of spbe_arch.model.types.InfrastructureKind, and
    # "national" (a national platform's own hosting)
    "pdn": ("PDN", "PDN"),
    "pusat_data_daerah": ("pusat data daerah", "regional data centre"),
    "cloud": ("cloud", "cloud"),
    "vendor": ("vendor", "vendor"),
    "on_premise": ("ruang server unit kerja", "on-premise server room"),
    "national": ("platform nasional", "national platform"),
}

EFFORT = {
    "low": ("rendah", "low"),
    "medium": ("sedang", "medium"),
    "high": ("tinggi", "high"),
}

COLLECTIONS = {
    "units": ("Unit kerja", "Units"),
    "business_processes": ("Proses bisnis", "Business processes"),
    "services": ("Layanan", "Services"),
    "data": ("Data", "Data sets"),
    "applications": ("Aplikasi", "Applications"),
    "infrastructure": ("Infrastruktur", "Infrastructure"),
    "security": ("Keamanan", "Security controls"),
    "integrations": ("Integrasi", "Integrations"),
    "roadmap": ("Kegiatan Peta Rencana", "Roadmap items"),
}

METRICS = {
    "integrations_via_splp": ("Integrasi melalui SPLP", "Integrations through SPLP"),
    "cross_unit_integrations_via_splp": (
        "Integrasi lintas unit kerja dan nasional melalui SPLP",
        "Cross-unit and national integrations through SPLP",
    ),
    "units_on_jip": ("Unit kerja terhubung JIP", "Units connected to JIP"),
    "services_fully_integrated": ("Layanan terintegrasi penuh", "Services fully integrated"),
}


NETWORK_SHORT = {"jip": "JIP", "vpn": "VPN"}
"""How tables write a network's kind: JIP and VPN in capitals, the others as they are."""


def word(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    """A value's word in the report's language; the value itself when the table lacks it."""
    pair = table.get(key)
    return pair[0 if lang == "id" else 1] if pair else key


def shown_predikat(predikat: str | None, provisional: bool = False) -> str:
    """The predikat as an output writes it: 'provisional' (in the language in force) where
    the index rests on too few indicators to have one (`MaturityResult.few_rated`)."""
    return _("provisional") if provisional or predikat is None else predikat
