"""A tiny model for the diagram views, and a small reader of the DOT they produce.

(Plain functions rather than fixtures: a second conftest.py would shadow the `conftest`
module other tests import.)"""

import re

from spbe_arch.graph import build_graph
from spbe_arch.validate import load_model

TINY = {
    "model.yaml": """\
        units:
          - {id: dinkes, name: Dinas Kesehatan, kind: dinas, networks: [jip]}
          - {id: dpmptsp, name: Dinas Penanaman Modal dan PTSP, kind: dinas}
          - {id: bapenda, name: Badan Pendapatan Daerah, kind: badan}
          - {id: kesbangpol, name: Badan Kesatuan Bangsa dan Politik, kind: badan}
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


def tiny(make_model):
    """The tiny model, written with the `make_model` fixture: (architecture, graph)."""
    result = load_model(make_model(TINY))
    assert result.ok, result.findings
    return result.architecture, build_graph(result.architecture)


_STATEMENT = re.compile(r'^\t+("[^"]+"|[\w.~-]+)( -> ("[^"]+"|[\w.~-]+))? \[(.*)\]$')
_ATTR = re.compile(r'(\w+)=("(?:[^"\\]|\\.)*"|<.*>|[^ ]+)')


def _unquote(text: str) -> str:
    return text[1:-1] if text.startswith('"') else text


def _attrs(text: str) -> dict[str, str]:
    if text.startswith("label=<"):  # an HTML label runs to the last '>' before the next key
        label, rest = text.split(">> ", 1) if ">> " in text else (text[:-1], "")
        return {"label": label[len("label=") :] + ">>", **_attrs(rest)}
    return {key: _unquote(value) for key, value in _ATTR.findall(text)}


def dot_nodes(source: str) -> dict[str, dict[str, str]]:
    """Node id -> attributes, for every node statement with attributes."""
    nodes = {}
    for line in source.splitlines():
        match = _STATEMENT.match(line)
        if match and not match.group(2) and match.group(1) not in ("graph", "node", "edge"):
            nodes[_unquote(match.group(1))] = _attrs(match.group(4))
    return nodes


def dot_edges(source: str) -> dict[tuple[str, str], dict[str, str]]:
    """(tail, head) -> attributes of the visible edges (invisible layout edges left out)."""
    edges = {}
    for line in source.splitlines():
        match = _STATEMENT.match(line)
        if match and match.group(2):
            attrs = _attrs(match.group(4))
            if attrs.get("style") != "invis":
                edges[(_unquote(match.group(1)), _unquote(match.group(3)))] = attrs
    return edges


def clusters(source: str) -> list[str]:
    """Cluster labels in order."""
    labels = []
    inside = False
    for line in source.splitlines():
        if line.strip().startswith("subgraph cluster_") and "legend" not in line:
            inside = True
            continue
        if inside:
            match = re.search(r'label=("(?:[^"\\]|\\.)*"|[^ ]+)', line)
            labels.append(_unquote(match.group(1)) if match else "")
            inside = False
    return labels
