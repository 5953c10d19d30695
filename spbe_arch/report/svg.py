"""Graphviz SVG made fit to inline in the report's one HTML page."""

import re

__all__ = ["inline_svg"]

_SVG_START = re.compile(r"<svg\b")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_ID = re.compile(r'\b(id|xlink:href|href)="(#?)([^"]*)"')
_SIZE = re.compile(r'<svg width="([0-9.]+)pt" height="([0-9.]+)pt"')
_OUR_TITLES = re.compile(
    r'(<g id="[^"]*" class="(?:graph|cluster)"[^>]*>\s*)<title>[^<]*</title>'
    r"|<title>legend</title>"
)
"""The names Graphviz gives the graph, its clusters and the legend ('landscape',
'cluster_unit_0003', 'legend'): browsers show a `<title>` on hover, and these are ours, in
English, not the reader's; a node's title is its element id, and stays."""


def inline_svg(svg: str, prefix: str, *, label: str) -> str:
    """Graphviz SVG made fit to inline in HTML: no prolog or comments, ids prefixed (several
    diagrams share one page), scaled by CSS to the page width, labelled for screen readers."""
    start = _SVG_START.search(svg)
    body = _COMMENT.sub("", svg[start.start() :] if start else svg)

    def prefixed(match: re.Match) -> str:
        attr, hash_, value = match.groups()
        if attr != "id" and not hash_:
            return match.group(0)
        return f'{attr}="{hash_}{prefix}-{value}"'

    body = _OUR_TITLES.sub(lambda match: match.group(1) or "", body)
    body = _ID.sub(prefixed, body)
    size = _SIZE.search(body)
    if size:
        width, height = (round(float(v) * 4 / 3) for v in size.groups())
        body = _SIZE.sub(
            f'<svg class="diagram" id="{prefix}" width="{width}" height="{height}" role="img" '
            f'aria-label="{_attr(label)}"',
            body,
            count=1,
        )
    return body.strip()


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
