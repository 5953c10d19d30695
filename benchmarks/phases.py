"""Where the time of `spbe-arch audit` goes: each phase timed in one process, best of N.

Complements `run.py` (cold whole commands) when working on speed: it loads the model once, then
times the graph build, the metrics (which fill the graph's lazy link and data-flow indexes),
every check and the finishing of findings, with the cyclic garbage collector paused as the
command runs them.

Usage::

    python benchmarks/phases.py benchmarks/out/national --runs 3
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable
from pathlib import Path

from spbe_arch.audit import CHECKS, compute_metrics
from spbe_arch.graph import build_graph
from spbe_arch.validate import finalize, load_model


class Phases:
    """Shortest time of each named phase over the runs, in the order first seen."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def time(self, name: str, step: Callable[..., object], *args: object) -> object:
        started = time.perf_counter()
        result = step(*args)
        elapsed = time.perf_counter() - started
        self.seconds[name] = min(elapsed, self.seconds.get(name, elapsed))
        return result


def _listed(rule, check: Callable, graph: object) -> list:
    return [rule.finding(hit) for hit in check(graph)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    phases = Phases()
    loaded = phases.time("load and validate", load_model, args.model)
    arch = loaded.architecture
    gc.disable()
    for _ in range(args.runs):  # each run on a new graph: nothing cached from the run before
        graph = phases.time("build_graph", build_graph, arch)
        phases.time("compute_metrics", compute_metrics, graph)
        findings = []
        for code in sorted(CHECKS):
            rule, check = CHECKS[code]
            findings.extend(phases.time(f"{code} {rule.name}", _listed, rule, check, graph))
        phases.time("finish findings", finalize, findings, arch)
    rows = list(phases.seconds.items())
    rules = sum(seconds for name, seconds in rows if name.startswith("SPBE-A"))
    rows.append(("all rules", rules))
    rows.append(("findings", len(findings)))
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        shown = f"{value:7.3f} s" if isinstance(value, float) else f"{value:7}"
        print(f"{name:<{width}}  {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
