"""Where the time of `spbe-arch audit` goes: each phase timed in one process, best of N.

Complements `run.py` (cold whole commands) when working on speed: it loads the model once, then
times the graph build, the audit's index view, the metrics, every rule and the placing of
findings, with the cyclic garbage collector paused as the command runs them.

Usage::

    python benchmarks/phases.py benchmarks/out/national --runs 3
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable
from pathlib import Path

from spbe_arch.audit import RULES, audit_codes, compute_metrics
from spbe_arch.audit.flows import integration_view
from spbe_arch.graph import build_graph
from spbe_arch.validate import apply_overrides, load_model, locate


def best(step: Callable[[], object], runs: int) -> tuple[float, object]:
    """The shortest of `runs` timings of `step`, and its last result."""
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - started)
    return min(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    rows: list[tuple[str, float]] = []
    seconds, loaded = best(lambda: load_model(args.model), 1)
    rows.append(("load and validate", seconds))
    arch = loaded.architecture
    gc.disable()
    seconds, graph = best(lambda: build_graph(arch), args.runs)
    rows.append(("build_graph", seconds))
    seconds, _ = best(lambda: integration_view(build_graph(arch)), args.runs)
    rows.append(("audit index view (incl. build_graph)", seconds))
    integration_view(graph)
    rows.append(("compute_metrics", best(lambda: compute_metrics(graph, arch), args.runs)[0]))
    findings = []
    for code in audit_codes():
        seconds, found = best(lambda code=code: list(RULES[code].check(graph)), args.runs)
        rows.append((f"{code} {RULES[code].name} ({len(found)})", seconds))
        findings.extend(found)
    seconds, _ = best(lambda: locate(apply_overrides(findings, arch), arch), args.runs)
    rows.append(("locate findings", seconds))
    width = max(len(name) for name, _ in rows)
    for name, seconds in rows:
        print(f"{name:<{width}}  {seconds:7.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
