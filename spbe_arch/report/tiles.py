"""Print tiles: a diagram too large for one page prints on a few pages, each showing a window
of the drawing, and no label is cut by a page edge.

The windows are placed where no label is, and overlap where needed: every text of the
drawing, and every box (a node, the legend) no larger than a window, lies whole inside at
least one window. The texts' extents are estimated from their font size (Graphviz writes no
widths), generously, so that an estimate errs towards a wider label.
"""

import math
import re
from collections.abc import Iterable
from xml.etree import ElementTree

__all__ = ["PRINT_SCALE", "PRINT_TILES", "Box", "label_boxes", "print_tiles", "windows"]

PRINT_SCALE = 0.78
"""Diagrams are printed at this scale or more, so that their smallest text (9 pt) prints at
7 pt or more: one landscape A4 page when it fits, else up to `PRINT_TILES` pages each showing
a part; a larger one is left to the screen, with a note naming the command that draws it."""

PRINT_TILES = 4
"""The most landscape pages one printed diagram may take."""

_PAGE_PT = (785.0, 496.0)
"""The drawing area of a landscape A4 page in the print stylesheet, in points."""

_SVG = "{http://www.w3.org/2000/svg}"
_CHAR_EM = 0.62
"""A character's width in ems, at most on average (Helvetica: 0.5 for lower case, 0.67 for
capitals), so that an estimated text is no narrower than the drawn one."""
_PAD = 1.5
"""Points kept clear around a label."""
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")

Box = tuple[float, float, float, float]
"""(left, top, right, bottom) in the drawing's units (points, y down)."""


def _transform(group: ElementTree.Element):
    """The point mapping of Graphviz's `scale(sx sy) rotate(0) translate(tx ty)`."""
    text = group.get("transform", "")
    scale = re.search(r"scale\(([^)]*)\)", text)
    move = re.search(r"translate\(([^)]*)\)", text)
    sx, sy = (float(v) for v in (_NUMBER.findall(scale.group(1)) * 2)[:2]) if scale else (1, 1)
    tx, ty = (float(v) for v in [*_NUMBER.findall(move.group(1)), "0"][:2]) if move else (0, 0)
    return lambda x, y: (sx * (x + tx), sy * (y + ty))


def _text_box(text: ElementTree.Element) -> Box | None:
    words = "".join(text.itertext())
    if not words.strip():
        return None
    size = float(text.get("font-size", "14"))
    x, y = float(text.get("x", "0")), float(text.get("y", "0"))
    width = len(words) * size * _CHAR_EM
    anchor = text.get("text-anchor", "start")
    left = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
    return left, y - size, left + width, y + size * 0.3


def _shape_points(shape: ElementTree.Element) -> list[tuple[float, float]]:
    tag = shape.tag.removeprefix(_SVG)
    if tag in ("polygon", "polyline"):
        numbers = [float(v) for v in _NUMBER.findall(shape.get("points", ""))]
    elif tag == "path":
        numbers = [float(v) for v in _NUMBER.findall(shape.get("d", ""))]
    elif tag == "ellipse":
        cx, cy = float(shape.get("cx", "0")), float(shape.get("cy", "0"))
        rx, ry = float(shape.get("rx", "0")), float(shape.get("ry", "0"))
        numbers = [cx - rx, cy - ry, cx + rx, cy + ry]
    else:
        return []
    return list(zip(numbers[::2], numbers[1::2], strict=False))


def _bounds(points: Iterable[tuple[float, float]]) -> Box | None:
    xs, ys = [], []
    for x, y in points:
        xs.append(x)
        ys.append(y)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def label_boxes(svg: str) -> tuple[str, list[Box]] | None:
    """The id of the drawing's top group and the boxes no tile may cut: every text, and every
    node with its texts; None for an SVG that is not a Graphviz drawing."""
    try:
        root = ElementTree.fromstring(svg.encode("utf-8"))
    except ElementTree.ParseError:
        return None
    group = next((g for g in root.iter(f"{_SVG}g") if g.get("class") == "graph"), None)
    if group is None or not group.get("id"):
        return None
    place = _transform(group)
    boxes: list[Box] = []

    def placed(box: Box) -> Box:
        (left, top), (right, bottom) = place(box[0], box[1]), place(box[2], box[3])
        return (min(left, right) - _PAD, min(top, bottom) - _PAD,
                max(left, right) + _PAD, max(top, bottom) + _PAD)

    for text in group.iter(f"{_SVG}text"):
        box = _text_box(text)
        if box is not None:
            boxes.append(placed(box))
    for node in group.iter(f"{_SVG}g"):
        if node.get("class") != "node":
            continue
        corners = [p for shape in node.iter() for p in _shape_points(shape)]
        corners += [c for text in node.iter(f"{_SVG}text")
                    for box in [_text_box(text)] if box for c in (box[:2], box[2:])]
        box = _bounds(corners)
        if box is not None:
            boxes.append(placed(box))
    return group.get("id"), boxes


def windows(spans: Iterable[tuple[float, float]], length: float, size: float) -> list[float]:
    """The starts of windows of `size` covering [0, `length`], as few as this greedy finds,
    such that every span no longer than `size` lies whole inside one of them.

    Each window after the first starts where the previous one ends, or earlier, at the start
    of the first span that would cross that end.

    Examples
    --------
    >>> windows([(90, 110)], 190, 100)  # a cut at 100 would cross the span
    [0.0, 90.0]
    >>> windows([(90, 110), (180, 195)], 300, 100)
    [0.0, 90.0, 180.0, 200.0]
    """
    fitting = [(float(start), float(end)) for start, end in spans if end - start <= size]
    starts = [0.0]
    while starts[-1] + size < length:
        end = starts[-1] + size
        crossing = min((start for start, stop in fitting if stop > end), default=end)
        following = min(end, crossing)
        starts.append(following if following > starts[-1] else end)
    if len(starts) > 1:
        starts[-1] = min(starts[-1], float(length - size))  # the last one ends at the edge
    return starts


def _split(spans: list[tuple[float, float]], length: float, most: float) -> tuple[list, float]:
    """Window starts and the smallest window size (at most `most`) that needs no more windows
    than `most` does: the smaller a window, the larger it prints."""
    if length <= most:
        return [0.0], length
    count = len(windows(spans, length, most))
    low, high = length / count, most
    for _ in range(24):
        middle = (low + high) / 2
        if len(windows(spans, length, middle)) <= count:
            high = middle
        else:
            low = middle
    return windows(spans, length, high), high


def print_tiles(svg: str, prefix: str) -> tuple[bool, tuple[str, ...]]:
    """Whether `svg` (Graphviz SVG, inlined in the page with ids prefixed by `prefix`) prints
    readably, and the parts to print when it needs several pages: each an SVG showing one
    window of the drawing by reference to it (the drawing is not repeated)."""
    found = re.search(r'<svg width="([0-9.]+)pt" height="([0-9.]+)pt"', svg)
    if not found:
        return True, ()
    width, height = (float(v) for v in found.groups())
    if min(_PAGE_PT[0] / width, _PAGE_PT[1] / height) >= PRINT_SCALE:
        return True, ()
    most_w, most_h = _PAGE_PT[0] / PRINT_SCALE, _PAGE_PT[1] / PRINT_SCALE
    if math.ceil(width / most_w) * math.ceil(height / most_h) > PRINT_TILES:
        return False, ()  # too large before any label is looked at
    drawing = label_boxes(svg)
    if drawing is None:
        return False, ()
    graph, boxes = drawing
    xs, part_w = _split([(b[0], b[2]) for b in boxes], width, most_w)
    ys, part_h = _split([(b[1], b[3]) for b in boxes], height, most_h)
    if len(xs) * len(ys) > PRINT_TILES:
        return False, ()
    scale = min(_PAGE_PT[0] / part_w, _PAGE_PT[1] / part_h)  # each part fills its page
    count = len(xs) * len(ys)
    return True, tuple(
        f'<svg class="tile" viewBox="{x:.1f} {y:.1f} {part_w:.1f} {part_h:.1f}" '
        f'width="{part_w * scale:.0f}pt" height="{part_h * scale:.0f}pt" role="img" '
        f'aria-label="{index + 1}/{count}"><use href="#{prefix}-{graph}"/></svg>'
        for index, (y, x) in enumerate((y, x) for y in ys for x in xs)
    )
