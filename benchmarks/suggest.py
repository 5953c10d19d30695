"""What a "did you mean" hint costs on a large model, and what matching inventory names costs.

Times `did_you_mean` for misspelt application ids against all application ids of a model, as a
dangling reference does, with rapidfuzz (what validate uses) and with difflib (what it replaced),
and `match_platform` over names as inventories write them.

Usage::

    python benchmarks/generate.py --size national -o benchmarks/out/national
    python benchmarks/suggest.py benchmarks/out/national --lookups 20
"""

from __future__ import annotations

import argparse
import difflib
import time

from spbe_arch.io.catalog import match_platform
from spbe_arch.validate import load_model
from spbe_arch.validate.references import did_you_mean

NAMES = ["e-SAKIP", "Aplikasi SAKIP", "SIMDA Keuangan", "https://sipd.kemendagri.go.id/siap",
         "SMS Gateway", "LPSE Kabupaten", "SiCantik", "Website Resmi Pemda"]


def _per_call(step, items) -> float:
    started = time.perf_counter()
    for item in items:
        step(item)
    return (time.perf_counter() - started) / len(items)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model")
    parser.add_argument("--lookups", type=int, default=20)
    args = parser.parse_args()
    ids = sorted(load_model(args.model).architecture.applications)
    typos = [ids[i * len(ids) // args.lookups] + "x" for i in range(args.lookups)]
    fast = _per_call(lambda word: did_you_mean(word, ids), typos)
    slow = _per_call(lambda word: difflib.get_close_matches(word, ids, n=1, cutoff=0.6),
                     typos[:3])
    names = _per_call(match_platform, NAMES * 1000)
    print(f"{len(ids)} application ids")
    print(f"did you mean, rapidfuzz: {fast * 1000:.1f} ms per dangling reference")
    print(f"did you mean, difflib:   {slow * 1000:.1f} ms per dangling reference")
    print(f"match_platform:          {names * 1e6:.1f} us per name")


if __name__ == "__main__":
    main()
