"""Print tiles of a diagram larger than a page: every label whole on at least one tile."""

import re

from spbe_arch.report.tiles import PRINT_TILES, print_tiles

_SVG = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<svg width="{width}pt" height="{height}pt" viewBox="0.00 0.00 {width} {height}"
 xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
<g id="graph0" class="graph" transform="scale(1 1) rotate(0) translate(4 {base})">
<polygon fill="white" stroke="none" points="-4,4 -4,-{base} {width},-{base} {width},4 -4,4"/>
{body}
</g>
</svg>"""


def _drawing(width: float, height: float, body: str) -> str:
    return _SVG.format(width=width, height=height, base=height - 4, body=body)


def _text(x: float, y: float, words: str, size: float = 10) -> str:
    return (f'<text text-anchor="middle" x="{x}" y="{y}" font-family="Helvetica,sans-Serif" '
            f'font-size="{size:.2f}">{words}</text>')


def _windows(tiles: tuple[str, ...]) -> list[tuple[float, ...]]:
    return [tuple(float(v) for v in re.search(r'viewBox="([^"]+)"', t).group(1).split())
            for t in tiles]


def _inside(box, window) -> bool:
    x, y, w, h = window
    return box[0] >= x and box[2] <= x + w and box[1] >= y and box[3] <= y + h


def test_a_label_on_the_even_cut_lies_whole_on_one_tile():
    # 1500 pt wide: two pages across; cut in halves, the label at 750 would be split
    body = "\n".join([
        _text(746, -150, "SP4N-LAPOR!"),  # drawn at x 750 (translate 4)
        _text(200, -150, "Dinas Kesehatan"),
        _text(1300, -150, "Pusat Data Daerah"),
    ])
    printable, tiles = print_tiles(_drawing(1500, 300, body), "d-x")
    assert printable and len(tiles) == 2
    windows = _windows(tiles)
    label = (750 - 33, 146 - 10, 750 + 33, 146 + 3)  # 11 characters of 10 pt, 0.6 em each
    assert any(_inside(label, w) for w in windows)
    assert windows[0][0] == 0 and windows[-1][0] + windows[-1][2] >= 1500 - 0.1  # all shown
    assert all(t.endswith('<use href="#d-x-graph0"/></svg>') for t in tiles)


def test_a_box_that_fits_a_page_is_not_parted():
    legend = ('<g id="node9" class="node"><title>legend</title>'
              '<polygon fill="white" stroke="black" points="600,-20 600,-280 900,-280 900,-20 '
              '600,-20"/>' + _text(750, -200, "Legenda") + "</g>")
    printable, tiles = print_tiles(_drawing(1500, 300, legend), "d-x")
    assert printable
    assert any(_inside((604, 24, 904, 284), w) for w in _windows(tiles))


def test_labels_everywhere_need_more_tiles_than_a_page_allows():
    # four pages across at most, and labels overlapping all along: every window but the
    # first must start at a label, so four windows no longer cover the drawing
    body = "\n".join(_text(30 + 50 * i, -150, "ABCDEFGHI") for i in range(80))
    printable, tiles = print_tiles(_drawing(4000, 300, body), "d-x")
    assert (printable, tiles) == (False, ())
    assert PRINT_TILES == 4


def test_a_drawing_that_fits_one_page_has_no_tiles():
    assert print_tiles(_drawing(700, 400, _text(300, -200, "SIMPUS")), "d-x") == (True, ())
