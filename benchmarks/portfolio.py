"""Time `spbe-arch portfolio` over the national set as one folder per pemda against
`spbe-arch audit` of the same elements as one model.

Target: the portfolio's wall time at most 1.5x the audit's, peak RSS at most 1 GiB. Each
command runs as a cold subprocess, round robin (run i of both before run i + 1 of either, so
that the load of a shared machine weighs on both alike); the best wall time is kept, and the
CPU time (user + sys) of that run is shown too, since a shared machine's wall times vary.

Usage::

    python benchmarks/portfolio.py --runs 3     # generates both models if needed
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import SUMMARY_FILE, generate, write_model  # noqa: E402

__all__ = ["main", "run_once"]

WALL_RATIO = 1.5
RSS_MB = 1024.0


def _model(folder: Path, *, split: bool, seed: int) -> Path:
    summary = folder / SUMMARY_FILE
    if summary.is_file() and json.loads(summary.read_text(encoding="utf-8"))["seed"] == seed:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    write_model(generate("national", seed, split=split), folder)
    return folder


def run_once(command: list[str]) -> dict[str, float | int]:
    """Wall seconds, CPU seconds (user + sys) and peak RSS (MB) of one cold run."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    return {"wall_s": round(wall, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
            "rss_mb": round(usage.ru_maxrss / 1024), "exit": os.waitstatus_to_exitcode(status)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--runs", type=int, default=3, help="cold runs per command (best kept)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--models", type=Path, default=HERE / "out", help="where models are made")
    args = parser.parse_args(argv)
    one = _model(args.models / "national", split=False, seed=args.seed)
    split = _model(args.models / "national-split", split=True, seed=args.seed)
    spbe = str(Path(sys.executable).parent / "spbe-arch")
    commands = {
        "audit (one model)": [spbe, "audit", str(one), "--format", "json"],
        "portfolio (552 folders)": [spbe, "portfolio", str(split), "--format", "json"],
    }
    best: dict[str, dict] = {}
    for _ in range(max(1, args.runs)):
        for name, command in commands.items():
            run = run_once(command)
            if name not in best or run["wall_s"] < best[name]["wall_s"]:
                best[name] = {**run, "rss_mb": max(run["rss_mb"], best.get(name, run)["rss_mb"])}
    print(f"best of {args.runs} cold runs, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
    print(f"{'command':<26}{'wall s':>8}{'cpu s':>8}{'peak RSS MB':>13}{'exit':>6}")
    for name, run in best.items():
        print(f"{name:<26}{run['wall_s']:>8.2f}{run['cpu_s']:>8.2f}{run['rss_mb']:>13}"
              f"{run['exit']:>6}")
    audit, portfolio = best["audit (one model)"], best["portfolio (552 folders)"]
    wall = portfolio["wall_s"] / audit["wall_s"]
    cpu = portfolio["cpu_s"] / audit["cpu_s"]
    print(f"portfolio / audit: wall {wall:.2f}x, cpu {cpu:.2f}x")
    print(f"target wall <= {WALL_RATIO}x: {'met' if wall <= WALL_RATIO else 'missed'}")
    print(f"target peak RSS <= {RSS_MB:g} MB: "
          f"{'met' if portfolio['rss_mb'] <= RSS_MB else 'missed'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
