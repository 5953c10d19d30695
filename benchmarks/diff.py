"""Time `spbe-arch diff` of two models that differ in 1 % of their elements.

The target (issue: the architecture in git): `diff` of two national models differing in 1 % of
elements takes at most 2x the `validate` wall time of one. The second model is a copy of the
first (`benchmarks/generate.py`) where 1 % of the elements, drawn at random over the whole model
(so nearly every file changes: the worst case for a change reviewed in git), are changed: an
integration is rerouted (api_direct <-> splp), any other element renamed.

Usage::

    python benchmarks/diff.py --size national --runs 3

Both commands run cold (interpreter start included), best of `--runs`; the models are written
under benchmarks/out/ (git-ignored) unless they are there already.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.generate import SIZES  # noqa: E402
from benchmarks.run import _bin, _model, measure  # noqa: E402

__all__ = ["main", "perturb"]

TARGET = 2.0
"""diff wall time / validate wall time, at most."""


def perturb(source: Path, target: Path, *, share: float = 0.01, seed: int = 1) -> int:
    """Copy the model folder `source` to `target` with `share` of its elements changed.

    Returns the number of elements changed. Every YAML file is copied line by line; an
    element starts at a `  - id:` line, and a chosen one gets its `via:` flipped
    (integrations) or its `name:` suffixed (any other element).
    """
    rng = random.Random(seed)
    changed = 0
    for path in sorted(source.rglob("*")):
        if path.is_dir() or path.name.startswith("."):
            continue
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        chosen = False
        done = False
        for n, line in enumerate(lines):
            if line.startswith("  - id: "):
                chosen, done = rng.random() < share, False
                changed += chosen
            elif chosen and not done and line.startswith("    via: "):
                via = "splp" if "api_direct" in line else "api_direct"
                lines[n], done = f"    via: {via}\n", True
            elif chosen and not done and line.startswith("    name: "):
                text = line.rstrip("\n")
                lines[n] = (text[:-1] + ' (diubah)"' if text.endswith('"')
                            else text + " (diubah)") + "\n"
                done = not _is_integration(lines, n)
        out = target / path.relative_to(source)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("".join(lines), encoding="utf-8")
    return changed


def _is_integration(lines: list[str], at: int) -> bool:
    """True when the element around line `at` has a `via:` further down (keep looking)."""
    for line in lines[at + 1:]:
        if line.startswith("  - ") or not line.startswith("    "):
            return False
        if line.startswith("    via: "):
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="national")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args(argv)
    old, summary = _model(args.size, args.seed, args.out)
    new = args.out / f"{args.size}-changed"
    if not (new / "spbe.yaml").is_file():
        changed = perturb(old, new, seed=args.seed)
        (new / ".changed.json").write_text(json.dumps({"changed": changed}) + "\n")
    changed = json.loads((new / ".changed.json").read_text())["changed"]
    spbe = _bin("spbe-arch")
    validate = measure("validate", [spbe, "validate", str(old)], runs=args.runs)
    audit = measure("audit", [spbe, "audit", str(old), "--format", "json"], runs=args.runs)
    diff = measure("diff", [spbe, "diff", str(old), str(new), "--format", "json"],
                   runs=args.runs)
    ratio = diff.wall_s / validate.wall_s
    print(f"{args.size}: {summary['elements']} elements, {changed} changed "
          f"({changed / summary['elements']:.1%})")
    for row in (validate, audit, diff):
        print(f"  {row.name:<9} {row.wall_s:7.2f} s  (runs {row.runs_s}, exit {row.exit_code}, "
              f"peak RSS {row.rss_mb} MB)")
    verdict = "meets" if ratio <= TARGET else "misses"
    print(f"  diff / validate = {ratio:.2f}x ({verdict} the target <= {TARGET:.0f}x)")
    print(f"  diff / audit    = {diff.wall_s / audit.wall_s:.2f}x (the diff audits and "
          "assesses both versions; one audit alone is more than 2x validate)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
