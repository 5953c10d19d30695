"""The report's words in both languages: (Indonesian, English) for every title and label.

The report shows the chosen language first and the other one as a subtitle.
"""

__all__ = ["COLLECTIONS", "METRICS", "STATUS", "TEXT"]

TEXT: dict[str, tuple[str, str]] = {
    # key: (Indonesian, English)
    "report": ("Laporan Arsitektur SPBE", "SPBE architecture report"),
    "contents": ("Daftar isi", "Contents"),
    "summary": ("Ringkasan", "Summary"),
    "validation": ("Validasi model", "Model validation"),
    "audit": ("Audit integrasi", "Integration audit"),
    "maturity": ("Tingkat kematangan SPBE", "SPBE maturity"),
    "plan": ("Rencana peningkatan", "Improvement plan"),
    "diagrams": ("Diagram arsitektur", "Architecture diagrams"),
    "inventory": ("Inventaris elemen", "Element inventory"),
    "apps_per_unit": ("Aplikasi per unit kerja", "Applications per unit"),
    "hosting": ("Penempatan aplikasi", "Hosting"),
    "integrations": ("Integrasi", "Integrations"),
    "index": ("Indeks SPBE (estimasi)", "SPBE index (estimate)"),
    "target": ("Target", "Target"),
    "gap": ("Kesenjangan", "Gap"),
    "splp_share": ("Integrasi melalui SPLP", "Integrations through SPLP"),
    "findings": ("Temuan audit", "Audit findings"),
    "errors": ("galat", "errors"),
    "warnings": ("peringatan", "warnings"),
    "infos": ("info", "info"),
    "unavailable": ("Bagian ini tidak tersedia", "This section is not available"),
    "no_findings": ("Tidak ada temuan.", "No findings."),
    "model_ok": ("Model valid: tidak ada galat.", "The model is valid: no errors."),
    "model_errors": (
        "Model memiliki galat; laporan hanya memuat elemen yang valid.",
        "The model has errors; the report covers the valid elements only.",
    ),
    "counts": ("Jumlah elemen", "Element counts"),
    "metrics": ("Indikator cakupan", "Coverage metrics"),
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
    "severity": ("Tingkat", "Severity"),
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
    "apps_hosted": ("Aplikasi", "Applications"),
    "no_hosting": ("Aplikasi aktif tanpa penempatan", "Active applications without hosting"),
    "no_apps": ("Unit tanpa aplikasi", "Units without applications"),
    "from": ("Dari", "From"),
    "to": ("Ke", "To"),
    "via": ("Mekanisme", "Mechanism"),
    "network": ("Jaringan", "Network"),
    "data": ("Data", "Data"),
    "generated": ("Dibuat", "Generated"),
    "framework": ("Kerangka evaluasi", "Framework"),
    "command": ("Perintah", "Command"),
    "rule": ("Aturan", "Rule"),
    "chart": ("Nilai per domain", "Score per domain"),
    "indicators": ("Penilaian per indikator", "Rating per indicator"),
    "unrated": (
        "Indikator tanpa bukti dan tanpa penilaian mandiri dihitung pada tingkat terendah",
        "Indicators with neither evidence nor self-assessment count at the lowest level",
    ),
    "estimate_note": (
        "Estimasi dari model dan penilaian mandiri; bukan hasil evaluasi resmi KemenPANRB.",
        "An estimate from the model and the self-assessment, not the official evaluation.",
    ),
    "see_html": ("lihat index.html", "see index.html"),
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
    "roadmap": ("Peta rencana", "Roadmap items"),
}

METRICS = {
    "integrations_via_splp": ("Integrasi melalui SPLP", "Integrations through SPLP"),
    "cross_unit_integrations_via_splp": (
        "Integrasi lintas unit/instansi melalui SPLP",
        "Cross-unit and national integrations through SPLP",
    ),
    "units_on_jip": ("Unit terhubung JIP", "Units connected to JIP"),
    "services_fully_integrated": ("Layanan terintegrasi penuh", "Services fully integrated"),
}

STATUS = {
    "active": ("aktif", "active"),
    "planned": ("direncanakan", "planned"),
    "development": ("pengembangan", "in development"),
    "retired": ("dihentikan", "retired"),
}
