"""Time ArchiMate export and re-import (and the graph exports) against `spbe-arch audit`.

Targets (issue 15): `export archimate` and `import archimate` of the national model each take
at most 3x the wall time of `audit` on the same model, with a peak RSS of at most 1 GiB. The
import is also timed on the file as another tool writes it (`import foreign`: no `spbe:`
properties, so every kind is guessed), which must stay linear in the elements. Every
command runs as a cold subprocess, round robin (run i of every command before run i + 1 of
any, so the load of a shared machine weighs on all alike); the best wall time is kept.

Usage::

    python benchmarks/interop.py --size national          # generates the model if needed
    python benchmarks/interop.py --size province --runs 3

Results go to benchmarks/results/interop-<size>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sys
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import SIZES  # noqa: E402
from benchmarks.run import RSS_TARGET_MB, Row, _bin, _measure_once, _model  # noqa: E402

RATIO_TARGET = 3.0
"""Export and import may each take this many times the audit's wall time."""


def run(size: str, *, seed: int, runs: int, out: Path) -> dict:
    """Measure audit, export archimate, import archimate, export graphml and json."""
    folder, summary = _model(size, seed, out)
    spbe = _bin("spbe-arch")
    xml, imported = out / f"{size}.xml", out / f"{size}-imported"
    foreign = out / f"{size}-foreign.xml"
    rows = [
        Row("audit", [spbe, "audit", str(folder)]),
        Row("export archimate", [spbe, "export", "archimate", str(folder), "-o", str(xml),
                                 "--force"]),
        Row("import archimate", [spbe, "import", "archimate", str(xml), "-o", str(imported),
                                 "--force"]),
        Row("import foreign", [spbe, "import", "archimate", str(foreign), "-o",
                               str(out / f"{size}-foreign"), "--force"]),
        Row("export graphml", [spbe, "export", "graphml", str(folder), "-o",
                               str(out / f"{size}.graphml"), "--force"]),
        Row("export json", [spbe, "export", "json", str(folder), "-o",
                            str(out / f"{size}.graph.json"), "--force"]),
    ]
    for _ in range(max(1, runs)):
        for row in rows:
            if row.name == "import foreign" and not foreign.exists():
                _without_properties(xml, foreign)
            _measure_once(row)
    by_name = {row.name: row for row in rows}
    audit = by_name["audit"].wall_s or 0.0
    ratios = {
        name: round(by_name[name].wall_s / audit, 2) if audit and by_name[name].wall_s else None
        for name in ("export archimate", "import archimate", "import foreign", "export graphml",
                     "export json")
    }
    targets = {
        f"{name} <= {RATIO_TARGET:g}x audit": "met" if ratios[name] <= RATIO_TARGET else "missed"
        for name in ("export archimate", "import archimate")
        if ratios[name] is not None
    }
    peak = max(row.rss_mb or 0.0 for row in rows)
    targets[f"peak RSS <= {RSS_TARGET_MB:g} MB"] = "met" if peak <= RSS_TARGET_MB else "missed"
    return {
        "size": size,
        "seed": seed,
        "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        },
        "model": {k: summary[k] for k in ("files", "bytes", "elements", "relations")},
        "xml_bytes": xml.stat().st_size if xml.exists() else None,
        "runs": runs,
        "rows": [{**asdict(row), "command": " ".join(row.command[1:3])} for row in rows],
        "ratios": ratios,
        "targets": targets,
    }


def _without_properties(xml: Path, target: Path) -> None:
    """The exchange file as a tool that knows nothing of SPBE writes it: no properties."""
    text = xml.read_text(encoding="utf-8")
    target.write_text(re.sub(r"<properties>.*?</properties>", "", text, flags=re.S),
                      encoding="utf-8")


def render(result: dict) -> str:
    """The result as a plain-text table."""
    model = result["model"]
    lines = [
        f"size {result['size']}: {model['elements']} elements, {model['relations']} relations; "
        f"exchange file {result['xml_bytes'] / 1e6:.0f} MB; best of {result['runs']} cold runs",
        "",
        f"{'command':<20}{'wall s':>9}{'peak RSS MB':>13}{'exit':>6}{'x audit':>9}",
    ]
    for row in result["rows"]:
        ratio = result["ratios"].get(row["name"])
        lines.append(
            f"{row['name']:<20}{row['wall_s']:>9.2f}{row['rss_mb'] or 0:>13.0f}"
            f"{row['exit_code']:>6}{'' if ratio is None else f'{ratio:.2f}':>9}"
        )
    lines.append("")
    lines.extend(f"target {name}: {verdict}" for name, verdict in result["targets"].items())
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=list(SIZES), default="national")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args(argv)
    result = run(args.size, seed=args.seed, runs=args.runs, out=args.out)
    print(render(result))
    target = HERE / "results" / f"interop-{args.size}.json"
    target.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {target.relative_to(ROOT)}")
    return 0 if all(v == "met" for v in result["targets"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
