"""The report in a real browser: headless Chromium opens the example's index.html offline."""

import json
import os
from pathlib import Path

import pytest
from conftest import EXAMPLE
from report_browser import find_chromium, png_pixels, visit

from spbe_arch.cli import app
from spbe_arch.diagrams import find_engine

SECTIONS = [
    "summary", "validation", "audit", "maturity", "plan", "diagrams", "roadmap", "explorer",
    "inventory",
]

SMALL = {
    "model.yaml": """\
        units: [{id: dinkes, name: Dinas Kesehatan, kind: dinas, networks: [jip]}]
        applications:
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes}
        integrations:
          - {id: i1, source: simpus, target: satusehat, via: splp, network: jip}
        """
}


def _inked_share(png: bytes) -> float:
    """Share of sampled pixels that differ from the page background and from white."""
    width, _, rows = png_pixels(png)
    background = {bytes((248, 250, 252)), bytes((255, 255, 255))}
    samples = [row[x : x + 3] for row in rows[::4] for x in range(0, width * 3, 12)]
    return sum(1 for pixel in samples if pixel not in background) / len(samples)


def test_report_opens_offline_in_chromium(runner, make_model, tmp_path):
    chromium = find_chromium()
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install chromium); CI installs it")
    model = EXAMPLE if (EXAMPLE / "spbe.yaml").is_file() else make_model(SMALL)
    out = tmp_path / "report"
    result = runner.invoke(app, ["report", str(model), "-o", str(out)])
    assert result.exit_code == 0, result.output

    page = visit(out / "index.html", clips=((0, 900),), chromium=chromium)

    assert page.requests == [page.url]  # the page itself, nothing else
    assert page.failed == []
    assert page.console_errors == []
    assert page.dom["sections"] == SECTIONS
    assert page.dom["scripts"] == 2  # the explorer's data and its script
    assert page.dom["title"].startswith("Laporan Arsitektur SPBE - ")
    assert page.dom["text"] > 2000
    html = (out / "index.html").read_text()
    assert page.dom["svgs"] == html.count("<svg")
    if find_engine() is not None and model == EXAMPLE:
        # the chart, the overview, landscape, layered and impact views, one map per unit
        # and the overview's print tiles
        assert html.count('<svg class="diagram"') == 4 + html.count('class="unit-map"')
        assert html.count('<svg class="tile"') == 4
    assert page.height > 2000
    assert page.screenshot[:8] == b"\x89PNG\r\n\x1a\n"
    assert _inked_share(page.clips[0]) > 0.05  # the top of the page is not blank
    shots = Path(os.environ.get("SPBE_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    (shots / "report.png").write_bytes(page.screenshot)


def _example_report(runner, tmp_path, *args) -> Path:
    chromium = find_chromium()
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install chromium); CI installs it")
    out = tmp_path / "report"
    result = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    return out / "index.html"


_TYPE = (
    "(() => {{ const e = document.getElementById('{id}'); e.value = {value!r}; "
    "e.dispatchEvent(new Event('{event}')); }})()"
)
_ROWS = (
    "[...document.querySelectorAll('#{table} tbody tr')]"
    ".map(r => [...r.cells].map(c => c.innerText))"
)


def _type(page, element: str, value: str) -> None:
    event = "input" if element == "x-search" else "change"
    page.eval(_TYPE.format(id=element, value=value, event=event))


def test_explorer_searches_filters_and_shows_an_application(runner, tmp_path):
    from report_browser import open_page

    with open_page(_example_report(runner, tmp_path)) as page:
        assert page.eval("document.getElementById('x-count').innerText") == "45 dari 45 ditampilkan"
        # a table shows its first 50 rows; search and filters reach the others
        assert page.eval("document.getElementById('x-int-count').innerText") == (
            "50 dari 54 ditampilkan. Cari atau saring untuk melihat yang lain."
        )
        assert page.eval("document.getElementById('x-ints').tBodies[0].rows.length") == 50
        names = [r[0] for r in page.eval(_ROWS.format(table="x-apps"))]
        assert names == sorted(names, key=str.casefold)  # as a reader looks for them
        _type(page, "x-search", "simpus")
        rows = page.eval(_ROWS.format(table="x-apps"))
        assert rows == [[
            "SIMPUS — Sistem Informasi Manajemen Puskesmas", "Dinas Kesehatan", "khusus", "aktif",
            "Pusat Data Daerah Kabupaten Lembah Hijau",
        ]]
        integrations = page.eval(_ROWS.format(table="x-ints"))
        assert integrations and all("SIMPUS" in r[0] + r[1] for r in integrations)

        _type(page, "x-search", "")
        _type(page, "x-unit", "dinkes")
        units = {r[1] for r in page.eval(_ROWS.format(table="x-apps"))}
        assert units == {"Dinas Kesehatan"}
        _type(page, "x-unit", "")
        _type(page, "x-via", "file_transfer")
        assert {r[2] for r in page.eval(_ROWS.format(table="x-ints"))} == {"transfer berkas"}
        _type(page, "x-via", "")
        _type(page, "x-status", "direncanakan")
        assert {r[3] for r in page.eval(_ROWS.format(table="x-apps"))} == {"direncanakan"}
        _type(page, "x-status", "")
        _type(page, "x-search", "zzz-nothing")
        assert page.eval("document.getElementById('x-count').innerText") == "Tidak ada yang cocok."
        _type(page, "x-search", "")

        # a click on the application's link opens its details: integrations, data, impact
        page.eval("document.querySelector('#x-apps a[data-app=\"siak-lembah-hijau\"]').click()")
        page.eval("new Promise(r => setTimeout(r, 100))")
        detail = page.eval("document.getElementById('x-detail').innerText")
        assert page.eval("document.getElementById('x-detail').hidden") is False
        assert detail.startswith("Tutup\nSIAK Terpusat (Disdukcapil Kab. Lembah Hijau)")
        assert "Bila aplikasi ini gagal" in detail
        assert "Layanan berhenti (1)\nLayanan Administrasi Kependudukan" in detail
        impact = json.loads(runner.invoke(
            app, ["impact", str(EXAMPLE), "siak-lembah-hijau", "--format", "json"]
        ).stdout)
        degraded = [e for e in impact["degraded"] if e["kind"] == "applications"]
        assert f"Integrasi terputus: {len(impact['integrations_broken'])}" in detail
        assert f"Aplikasi terganggu ({len(degraded)})" in detail
        # what a failure degrades is shown as the impact analysis says (SIMPUS stops nothing)
        page.eval("document.querySelector('#x-apps a[data-app=\"simpus\"]').click()")
        page.eval("new Promise(r => setTimeout(r, 100))")
        detail = page.eval("document.getElementById('x-detail').innerText")
        assert "Layanan berhenti (0)" in detail
        assert "Layanan terganggu (1)\nLayanan Kesehatan" in detail, detail
        assert "Proses bisnis terganggu (1)" in detail
        # the links between elements lead on: a partner application opens in turn
        page.eval("document.querySelector('#x-detail a[data-app]').click()")
        page.eval("new Promise(r => setTimeout(r, 100))")
        assert not page.eval("document.getElementById('x-detail').innerText").startswith(
            "Tutup\nSIAK Terpusat"
        )
    assert page.visit.console_errors == []
    assert page.visit.requests == [page.url]


EXPLORED = {
    "model.yaml": """\
        units:
          - {id: bapenda, name: Badan Pendapatan Daerah, kind: badan}
          - {id: pupr, name: Dinas Pekerjaan Umum dan Penataan Ruang, kind: dinas}
        platforms:
          - {id: simprov, name: SIM Provinsi, kind: aplikasi_umum}
        infrastructure:
          - {id: pdd, name: Pusat Data Daerah, kind: pusat_data_daerah}
        applications:
          - {id: e-pbb, name: E-PBB, kind: khusus, owner: bapenda, hosting: pdd}
          - {id: e-bphtb, name: E-BPHTB, kind: khusus, owner: bapenda}
          - {id: sitaru, name: SITARU, kind: khusus, owner: pupr, status: development}
          - {id: sipd-kab, name: SIPD, kind: umum, platform: sipd, owner: bapenda}
          - {id: simprov-kab, name: SIM Prov, kind: umum, platform: simprov, owner: pupr}
        integrations:
          - {id: i1, source: e-pbb, target: e-bphtb, via: database_link}
          - {id: i2, source: e-pbb, target: sipd-kab, via: api_direct}
          - {id: i3, source: e-pbb, target: sitaru, via: file_transfer}
          - {id: i4, source: sitaru, target: simprov-kab, via: shared_login}
          - {id: i5, source: e-bphtb, target: sipd-kab, via: api_direct, status: planned}
        """
}

_OVERFLOWING = (
    "[...document.querySelectorAll('#x-apps td, #x-ints td')]"
    ".filter(c => c.scrollWidth > c.clientWidth).map(c => c.innerText)"
)
_STATUS_LINES = (  # how many lines each status cell takes
    "[...document.querySelectorAll('#x-apps tbody tr')].map(r => {"
    " const range = document.createRange(); range.selectNodeContents(r.cells[3]);"
    " return new Set([...range.getClientRects()].map(b => Math.round(b.top))).size; })"
)


def test_explorer_says_who_loses_data_is_unknown_without_integrations(
    runner, make_model, tmp_path
):
    """A model that records no service and no integration cannot tell which services stop
    and which applications read a failed one's data: its detail says so under 'nothing
    stops', never only that."""
    from report_browser import open_page

    if find_chromium() is None:
        pytest.skip("chromium is not installed (apt-get install chromium); CI installs it")
    root = make_model({"model.yaml": """\
        units: [{id: dinkes, name: Dinas Kesehatan, kind: dinas}]
        applications:
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes}
        """})
    out = tmp_path / "report"
    assert runner.invoke(app, ["report", str(root), "-o", str(out)]).exit_code == 0
    with open_page(out / "index.html") as page:
        page.eval("document.querySelector('#x-apps a[data-app=\"simpus\"]').click()")
        page.eval("new Promise(r => setTimeout(r, 100))")
        detail = page.eval("document.getElementById('x-detail').innerText")
    assert "Tidak ada yang berhenti.\n\nModel ini belum mencatat layanan: layanan yang " \
        "berhenti bila aplikasi ini gagal belum diketahui.\n\nModel ini belum mencatat " \
        "integrasi: aplikasi yang kehilangan data bila aplikasi ini gagal belum diketahui." \
        in detail, detail
    # what the model does not record is not shown as none: no "(0)" under a heading
    assert "(0)" not in detail, detail
    for heading in ("Integrasi", "Membaca", "Menulis"):
        assert f"{heading}\n\nbelum tercatat" in detail, detail
    assert page.visit.console_errors == []


@pytest.mark.parametrize(("lang", "words"), [
    ("id", {
        "rows": [
            ["E-BPHTB", "Badan Pendapatan Daerah", "khusus", "aktif", "belum tercatat"],
            ["E-PBB", "Badan Pendapatan Daerah", "khusus", "aktif", "Pusat Data Daerah"],
            ["SIM Prov", "Dinas Pekerjaan Umum dan Penataan Ruang", "umum", "aktif",
             "platform nasional"],
            ["SIPD", "Badan Pendapatan Daerah", "umum", "aktif", "platform nasional"],
            ["SITARU", "Dinas Pekerjaan Umum dan Penataan Ruang", "khusus", "pengembangan",
             "belum tercatat"],
        ],
        "via": ["tautan basis data", "API langsung", "transfer berkas", "login bersama",
                "API langsung (direncanakan)"],
        "sipd": "Tempat penyelenggaraan\ndikelola Kementerian Dalam Negeri (platform nasional)",
        "simprov": "Tempat penyelenggaraan\ndikelola pengelola SIM Provinsi",
        "e-pbb": "→ E-BPHTB (tautan basis data)",
    }),
    ("en", {
        "rows": [
            ["E-BPHTB", "Badan Pendapatan Daerah", "khusus", "active", "not recorded"],
            ["E-PBB", "Badan Pendapatan Daerah", "khusus", "active", "Pusat Data Daerah"],
            ["SIM Prov", "Dinas Pekerjaan Umum dan Penataan Ruang", "umum", "active",
             "national platform"],
            ["SIPD", "Badan Pendapatan Daerah", "umum", "active", "national platform"],
            ["SITARU", "Dinas Pekerjaan Umum dan Penataan Ruang", "khusus", "in development",
             "not recorded"],
        ],
        "via": ["database link", "direct API", "file transfer", "shared login",
                "direct API (planned)"],
        "sipd": "Hosting\nrun by Kementerian Dalam Negeri (national platform)",
        "simprov": "Hosting\nrun by the operator of SIM Provinsi",
        "e-pbb": "→ E-BPHTB (database link)",
    }),
])
def test_explorer_writes_mechanisms_statuses_and_hosting_in_words_that_fit(
    runner, make_model, tmp_path, lang, words
):
    """As the inventory does: mechanisms in words, a status within its column, unknown
    hosting "not recorded" and an aplikasi umum run by its platform's operator (never "-")."""
    from report_browser import open_page

    if find_chromium() is None:
        pytest.skip("chromium is not installed (apt-get install chromium); CI installs it")
    out = tmp_path / "report"
    result = runner.invoke(app, ["report", str(make_model(EXPLORED)), "-o", str(out),
                                 "--lang", lang])
    assert result.exit_code == 0, result.output
    with open_page(out / "index.html", width=1280) as page:
        assert page.eval(_ROWS.format(table="x-apps")) == words["rows"]
        assert [r[2] for r in page.eval(_ROWS.format(table="x-ints"))] == words["via"]
        options = page.eval("[...document.getElementById('x-via').options].map(o => o.text)")
        assert options[1:] == [words["via"][i] for i in (1, 0, 2, 3)]  # by code
        assert page.eval(_OVERFLOWING) == []
        assert page.eval(_STATUS_LINES) == [1] * 5  # "pengembangan" whole, on one line
        for app_id in ("sipd-kab", "simprov-kab", "e-pbb"):
            page.eval(f"location.hash = 'app={app_id}'")
            page.eval("new Promise(r => setTimeout(r, 100))")
            detail = page.eval("document.getElementById('x-detail').innerText")
            assert words[app_id.split("-kab")[0]] in detail, detail
        # where no hosting is stated, the words the table shows are a choice of the filter
        rows = page.eval(_ROWS.format(table="x-apps"))
        unhosted = sorted({r[4] for r in rows} - set(page.eval(
            "[...document.getElementById('x-host').options].filter(o => !o.value.startsWith"
            "('~')).map(o => o.text)")))
        assert unhosted
        for text in unhosted:
            page.eval("(() => { const s = document.getElementById('x-host'); s.value = "
                      f"[...s.options].find(o => o.text === {text!r}).value; "
                      "s.dispatchEvent(new Event('change')); })()")
            shown = page.eval(_ROWS.format(table="x-apps"))
            assert {r[4] for r in shown} == {text}
            assert len(shown) == sum(r[4] == text for r in rows)
    assert page.visit.console_errors == []


def test_diagram_boxes_open_the_application(runner, tmp_path):
    from report_browser import open_page

    if find_engine() is None:
        pytest.skip("no Graphviz engine")
    with open_page(_example_report(runner, tmp_path)) as page:
        clickable = page.eval("document.querySelectorAll('svg.diagram g.x-clickable').length")
        assert clickable > 40
        page.eval(
            "[...document.querySelectorAll('#diagram-integration-dinkes g.x-clickable')]"
            ".find(g => g.querySelector('title').textContent === 'simpus')"
            ".dispatchEvent(new MouseEvent('click', {bubbles: true}))"
        )
        page.eval("new Promise(r => setTimeout(r, 100))")
        assert page.eval("location.hash") == "#app=simpus"
        assert page.eval("document.getElementById('x-detail').innerText").startswith(
            "Tutup\nSIMPUS"
        )
        before = page.eval("document.getElementById('d-overview').getAttribute('viewBox')")
        page.eval("document.querySelector('button.x-zoom[data-target=\"d-overview\"]').click()")
        after = page.eval("document.getElementById('d-overview').getAttribute('viewBox')")
        assert float(after.split()[2]) < float(before.split()[2])  # zoomed in
    assert page.visit.console_errors == []


_SMALLEST_TEXT = """
(() => {
  let smallest = [1000, ''];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const parent = node.parentElement;
    if (!text || !parent || !parent.getClientRects().length) continue;
    let size = parseFloat(getComputedStyle(parent).fontSize);
    const svgText = parent.closest('text');
    if (svgText) {
      const matrix = svgText.getScreenCTM();
      size = parseFloat(svgText.getAttribute('font-size') || size) * Math.hypot(matrix.a, matrix.b);
    }
    if (size < smallest[0]) smallest = [size, text.slice(0, 40)];
  }
  return smallest;
})()
"""


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_text_under_10px_at_100_percent(runner, tmp_path, lang):
    from report_browser import open_page

    with open_page(_example_report(runner, tmp_path, "--lang", lang)) as page:
        page.eval("document.querySelectorAll('details').forEach(d => d.open = true)")
        size, text = page.eval(_SMALLEST_TEXT)
    assert size >= 10, f"{size:.1f}px: {text!r}"


_ROADMAP_CHART = """
(() => {
  const svg = document.querySelector('#roadmap-chart svg');
  svg.scrollIntoView();
  const box = svg.getBoundingClientRect();
  const frame = svg.parentElement.getBoundingClientRect();
  const width = svg.viewBox.baseVal.width;
  const bar = svg.querySelector('rect').getBoundingClientRect();
  const hit = document.elementFromPoint(bar.x + bar.width / 2, bar.y + bar.height / 2);
  const clipped = [...svg.querySelectorAll('text')].filter(t => {
    const b = t.getBBox();
    return b.x < 0 || b.x + b.width > width;
  }).map(t => t.textContent);
  return JSON.stringify({
    width: box.width, height: box.height,
    inside: box.left >= frame.left && box.right <= frame.right,
    visibility: getComputedStyle(svg).visibility, hit: hit === svg.querySelector('rect'),
    bars: svg.querySelectorAll('rect').length, points: svg.querySelectorAll('circle').length,
    clipped: clipped, top: box.top + scrollY,
  });
})()
"""


@pytest.mark.parametrize("lang", ["id", "en"])
def test_roadmap_chart_is_visible_whole_and_unclipped(runner, tmp_path, lang):
    from report_browser import open_page

    with open_page(_example_report(runner, tmp_path, "--lang", lang)) as page:
        chart = json.loads(page.eval(_ROADMAP_CHART))
        shot = page.screenshot(int(chart["top"]), int(chart["height"]))
    assert (chart["bars"], chart["points"]) == (11, 7)  # an item each, a point per year
    assert chart["width"] >= 800 and chart["height"] >= 400  # at its natural size, 12 px text
    assert chart["inside"] and chart["visibility"] == "visible" and chart["hit"]
    assert chart["clipped"] == []  # every label within the chart, none cut at its edge
    assert _inked_share(shot) > 0.03
    shots = Path(os.environ.get("SPBE_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    (shots / f"roadmap-{lang}.png").write_bytes(shot)
    assert page.visit.console_errors == []


_UNTILED_TEXTS = """
(() => {
  // every text of a tiled diagram, measured as drawn, against each tile's window
  const result = {};
  for (const figure of document.querySelectorAll('figure.tiled')) {
    const svg = figure.querySelector('svg.diagram');
    const frame = svg.getBoundingClientRect();
    const view = svg.viewBox.baseVal;
    const sx = view.width / frame.width, sy = view.height / frame.height;
    const tiles = [...figure.querySelectorAll('svg.tile')].map(t => t.viewBox.baseVal);
    const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim());
    result[figure.id] = {
      tiles: tiles.length, texts: texts.length,
      cut: texts.filter(t => {
        const b = t.getBoundingClientRect();
        const left = view.x + (b.left - frame.left) * sx, right = left + b.width * sx;
        const top = view.y + (b.top - frame.top) * sy, bottom = top + b.height * sy;
        return !tiles.some(w => left >= w.x && right <= w.x + w.width
                                && top >= w.y && bottom <= w.y + w.height);
      }).map(t => t.textContent),
    };
  }
  return JSON.stringify(result);
})()
"""


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_label_of_a_tiled_diagram_prints_whole_on_one_tile(runner, tmp_path, lang):
    """Print tiles overlap or part where no label is: each text, as the browser draws it,
    lies wholly inside at least one tile's window (QA4 13: "SP4N-LAPO|R!" was cut)."""
    from report_browser import open_page

    with open_page(_example_report(runner, tmp_path, "--lang", lang)) as page:
        figures = json.loads(page.eval(_UNTILED_TEXTS))
    assert figures, "the example prints at least one diagram in tiles"
    for key, figure in figures.items():
        assert figure["tiles"] > 1 and figure["texts"] > 20, key
        assert figure["cut"] == [], key


_NARROW = """
(() => {
  // cells of one row that overlap, in any table; how wide the page is
  const overlaps = [];
  for (const table of document.querySelectorAll('table')) {
    for (const row of table.rows) {
      const boxes = [...row.cells].map(c => c.getBoundingClientRect());
      for (let i = 1; i < boxes.length; i++) {
        if (boxes[i].left < boxes[i - 1].right - 1) {
          overlaps.push((table.id || table.className) + ': ' + row.cells[i].textContent.trim());
        }
      }
    }
  }
  return JSON.stringify({overlaps: overlaps.slice(0, 5),
                         page: document.documentElement.scrollWidth});
})()
"""


def test_on_a_phone_no_table_squeezes_its_cells_on_top_of_each_other(runner, tmp_path):
    """390 px wide: tables scroll sideways inside the page; the page itself does not."""
    from report_browser import open_page

    with open_page(_example_report(runner, tmp_path), width=390) as page:
        seen = json.loads(page.eval(_NARROW))
    assert seen["overlaps"] == []
    assert seen["page"] <= 390
