"""Time `spbe-arch` on synthetic models against the parse-time limit and a peer tool.

Each command runs as a cold subprocess (interpreter start included, no cache), a few times;
the table shows the best wall time and the peak resident memory (RSS). `spbe-arch diagram`
writes the integration map as DOT (its growth from one size to the next shows that diagrams
are not quadratic). Two references are measured in the same run, on the same files:

- the limit: a tiny script that only parses every file with yaml-rs (what any loader must do);
- the peer: `check-jsonschema` validating every file against schemas/spbe-model.schema.json
  (the schema part of validation only: no references, no rules).

Usage::

    python benchmarks/run.py --size national          # generates the model if needed
    python benchmarks/run.py --size all --runs 5

Results go to benchmarks/out/results/<size>.json (git-ignored), or into the folder given
with `-o`; `benchmarks/results/` holds the run the README quotes, and only changes when told::

    python benchmarks/run.py --size national --runs 5 -o benchmarks/results
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import SIZES, SUMMARY_FILE, generate, write_model  # noqa: E402

__all__ = ["TARGETS", "Row", "main", "measure", "parser", "run_size"]

EXAMPLE = ROOT / "examples" / "kabupaten-lembah-hijau"
SCHEMA = ROOT / "schemas" / "spbe-model.schema.json"
PARSE_ONLY = """\
import sys
from pathlib import Path
import orjson, yaml_rs
root = Path(sys.argv[1])
count = 0
for path in sorted(root.rglob("*")):
    if path.suffix in (".yaml", ".yml"):
        yaml_rs.load(path.read_bytes(), parse_datetime=False)
    elif path.suffix == ".json" and not path.name.startswith("."):
        orjson.loads(path.read_bytes())
    else:
        continue
    count += 1
print(count, "files parsed")
"""

TARGETS = {
    "validate / yaml-rs": ("<=", 3.5),
    "audit / yaml-rs": ("<=", 6.0),
    "report / audit": ("<=", 2.0),
    "check-jsonschema / validate": (">=", 5.0),
}
"""Ratio -> (comparison, bound) that the national size should meet (at smaller sizes the
interpreter's start-up dominates every row, so the ratios are shown but not judged)."""

RSS_TARGET_MB = 1024.0
REPORT_RSS_TARGET_MB = 512.0
EXAMPLE_TARGET_S = 0.5
SLOW_S = 30.0
"""A command slower than this runs once, whatever --runs says."""


@dataclass
class Row:
    """One measured command: best wall time of its runs, the peak RSS, its exit code."""

    name: str
    command: list[str]
    wall_s: float | None = None
    runs_s: list[float] = field(default_factory=list)
    rss_mb: float | None = None
    exit_code: int | None = None
    note: str = ""


def _bin(name: str) -> str:
    """An executable of the running interpreter's environment, else from PATH."""
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else (shutil.which(name) or name)


def measure(name: str, command: list[str], *, runs: int, cwd: Path = ROOT) -> Row:
    """Run `command` cold `runs` times; wall time from this process, peak RSS of the child."""
    row = Row(name, command)
    for _ in range(max(1, runs)):
        if not _measure_once(row, cwd=cwd):
            break
    return row


def _measure_once(row: Row, *, cwd: Path = ROOT) -> bool:
    """Add one cold run to `row`; False when the command is too slow to repeat."""
    time_bin = Path("/usr/bin/time")
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        if time_bin.exists():
            full = [str(time_bin), "-f", "%M", "-o", report.name, *row.command]
        else:
            full = row.command
        start = time.perf_counter()
        process = subprocess.Popen(
            full, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(process.pid, 0)
            code = os.waitstatus_to_exitcode(status)
            process.returncode = code
        else:  # pragma: no cover - not POSIX
            code, usage = process.wait(), None
        elapsed = time.perf_counter() - start
        rss_kb = None
        if time_bin.exists():
            text = report.read().strip().splitlines()
            if text and text[-1].isdigit():
                rss_kb = int(text[-1])
            if text and text[0].startswith("Command exited with non-zero status"):
                code = int(text[0].rsplit(" ", 1)[-1])
        elif usage is not None:
            rss_kb = usage.ru_maxrss
    row.runs_s.append(round(elapsed, 3))
    row.wall_s = min(row.runs_s)
    row.exit_code = code
    if rss_kb is not None:
        rss = round(rss_kb / 1024, 1)
        row.rss_mb = rss if row.rss_mb is None else max(row.rss_mb, rss)
    return elapsed <= SLOW_S


def _audit_available() -> bool:
    result = subprocess.run(
        [_bin("spbe-arch"), "audit", "--help"], capture_output=True, cwd=ROOT, check=False
    )
    return result.returncode == 0


def _model(size: str, seed: int, out: Path) -> tuple[Path, dict]:
    folder = out / size
    summary_path = folder / SUMMARY_FILE
    if summary_path.is_file():
        summary = json.loads(summary_path.read_text(encoding="utf-8"))
        if summary.get("seed") == seed:
            return folder, summary
        shutil.rmtree(folder)
    return folder, write_model(generate(size, seed), folder)


def run_size(size: str, *, seed: int, runs: int, out: Path) -> dict:
    """Measure every row on the model of `size`; return the result document."""
    folder, summary = _model(size, seed, out)
    files = sorted(
        str(p) for p in folder.rglob("*")
        if p.suffix in (".yaml", ".yml", ".json") and not p.name.startswith(".")
    )
    spbe = _bin("spbe-arch")
    rows = [Row("spbe-arch --help", [spbe, "--help"])]
    rows.append(Row("validate example", [spbe, "validate", str(EXAMPLE)]))
    if not (EXAMPLE / "spbe.yaml").is_file():
        rows[-1].note = "skipped: examples/kabupaten-lembah-hijau is absent"
    rows.append(Row("yaml-rs parse only", [sys.executable, "-c", PARSE_ONLY, str(folder)]))
    rows.append(Row("spbe-arch validate", [spbe, "validate", str(folder)]))
    rows.append(Row("spbe-arch audit", [spbe, "audit", str(folder)]))
    if not _audit_available():
        rows[-1].note = "n/a: `spbe-arch audit` is not available yet"
    dot = out / f"{size}-integration.dot"
    rows.append(Row("spbe-arch diagram", [
        spbe, "diagram", str(folder), "--view", "integration", "-o", str(dot), "--force"
    ]))
    rows.append(Row("spbe-arch report", [
        spbe, "report", str(folder), "-o", str(out / f"{size}-report"), "--force"
    ]))
    checker = _bin("check-jsonschema")
    rows.append(Row("check-jsonschema", [checker, "--schemafile", str(SCHEMA), *files]))
    # round robin: run i of every command before run i + 1 of any, so that the load of a
    # shared machine weighs on all rows alike; the best of the runs is kept
    repeat = {row.name: not row.note for row in rows}
    for _ in range(max(1, runs)):
        for row in rows:
            if repeat[row.name]:
                repeat[row.name] = _measure_once(row)
    by_name = {row.name: row for row in rows}

    def ratio(a: str, b: str) -> float | None:
        x, y = by_name[a].wall_s, by_name[b].wall_s
        return round(x / y, 2) if x and y else None

    ratios = {
        "validate / yaml-rs": ratio("spbe-arch validate", "yaml-rs parse only"),
        "audit / yaml-rs": ratio("spbe-arch audit", "yaml-rs parse only"),
        "report / audit": ratio("spbe-arch report", "spbe-arch audit"),
        "check-jsonschema / validate": ratio("check-jsonschema", "spbe-arch validate"),
    }
    return {
        "size": size,
        "seed": seed,
        "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        },
        "model": {k: summary[k] for k in ("files", "bytes", "elements", "relations", "gaps")},
        "runs": runs,
        "rows": [
            {**asdict(row), "command": " ".join(_short(c) for c in row.command[:4])
             + (" ..." if len(row.command) > 4 else "")}
            for row in rows
        ],
        "ratios": ratios,
        "targets": _targets(ratios if size == "national" else {}, rows),
    }


def _short(part: str) -> str:
    path = Path(part)
    if part == sys.executable:
        return "python"
    if path.is_absolute() and path.is_relative_to(ROOT):
        return path.relative_to(ROOT).as_posix()
    if path.is_absolute() and path.parent == Path(sys.executable).parent:
        return path.name
    return "<parse-only script>" if "\n" in part else part


def _targets(ratios: dict, rows: list[Row]) -> dict[str, str]:
    out = {}
    for name, (op, bound) in TARGETS.items():
        if name not in ratios:
            continue
        value = ratios[name]
        met = value is not None and (value <= bound if op == "<=" else value >= bound)
        out[f"{name} {op} {bound:g}"] = "n/a" if value is None else ("met" if met else "missed")
    peak = max((r.rss_mb for r in rows if r.rss_mb and r.name.startswith("spbe-arch ")),
               default=None)
    out[f"spbe-arch peak RSS <= {RSS_TARGET_MB:g} MB"] = (
        "n/a" if peak is None else ("met" if peak <= RSS_TARGET_MB else "missed")
    )
    report = next(r for r in rows if r.name == "spbe-arch report")
    if ratios:
        out[f"report peak RSS <= {REPORT_RSS_TARGET_MB:g} MB"] = (
            "n/a" if report.rss_mb is None else
            ("met" if report.rss_mb <= REPORT_RSS_TARGET_MB else "missed")
        )
    example = next(r for r in rows if r.name == "validate example")
    out[f"validate example < {EXAMPLE_TARGET_S:g} s"] = (
        "n/a" if example.wall_s is None else
        ("met" if example.wall_s < EXAMPLE_TARGET_S else "missed")
    )
    return out


def render(result: dict) -> str:
    """The result as a plain-text table."""
    model = result["model"]
    lines = [
        f"size {result['size']} (seed {result['seed']}): {model['files']} files, "
        f"{model['bytes'] / 1e6:.1f} MB, {model['elements']} elements, "
        f"{model['relations']} relations; best of {result['runs']} cold runs, "
        f"{result['machine']['cpus']} CPUs",
        "",
        f"{'command':<24}{'wall s':>9}{'peak RSS MB':>13}{'exit':>6}  note",
    ]
    for row in result["rows"]:
        wall = f"{row['wall_s']:.2f}" if row["wall_s"] is not None else "n/a"
        rss = f"{row['rss_mb']:.0f}" if row["rss_mb"] is not None else "n/a"
        code = "" if row["exit_code"] is None else str(row["exit_code"])
        lines.append(f"{row['name']:<24}{wall:>9}{rss:>13}{code:>6}  {row['note']}")
    lines.append("")
    for name, value in result["ratios"].items():
        lines.append(f"{name:<30}{'n/a' if value is None else f'{value:.2f}x':>8}")
    lines.append("")
    for name, verdict in result["targets"].items():
        lines.append(f"target {name}: {verdict}")
    return "\n".join(lines)


def parser() -> argparse.ArgumentParser:
    """The command line of this script."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--size", choices=[*SIZES, "all"], default="small")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3, help="cold runs per command (best kept)")
    parser.add_argument("--models", type=Path, default=HERE / "out", help="where models are made")
    parser.add_argument(
        "-o", "--output", type=Path, default=HERE / "out" / "results",
        help="folder for the <size>.json results (default: benchmarks/out/results, git-ignored)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Command line: measure the chosen sizes, print tables, write JSON results."""
    args = parser().parse_args(argv)
    sizes = list(SIZES) if args.size == "all" else [args.size]
    args.output.mkdir(parents=True, exist_ok=True)
    for size in sizes:
        result = run_size(size, seed=args.seed, runs=args.runs, out=args.models)
        print(render(result))
        print()
        path = args.output / f"{size}.json"
        path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
