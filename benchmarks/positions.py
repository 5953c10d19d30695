"""Time placing findings on keys (file:line:column) in every file of a large model.

A finding with a key path (an unknown reference's field, a service's indicator) is placed by
composing its file's YAML node tree (`spbe_arch.io.positions.key_position`). A model whose
findings fall in every file pays that once per file: this script places one finding in each
file of the model and prints the time per file.

Usage::

    python benchmarks/positions.py benchmarks/out/national
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from spbe_arch.model import Finding, Location, Severity
from spbe_arch.validate import load_model, locate
from spbe_arch.validate.check import collector_paused


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", type=Path)
    args = parser.parse_args(argv)
    arch = load_model(args.model).architecture
    first = {}
    for element_id, source in arch.sources.items():
        first.setdefault(source.file, (element_id, source))
    findings = [
        Finding("SPBE-R008", Severity.error, "placed", element=element_id,
                location=Location(file, key_path=(source.collection, source.index, "name")))
        for file, (element_id, source) in sorted(first.items())
    ]
    with collector_paused():  # as every command runs (`spbe_arch.cli.main`)
        start = time.perf_counter()
        placed = locate(findings, arch)
        elapsed = time.perf_counter() - start
    assert all(f.location.line > 1 for f in placed)
    print(f"placed {len(placed)} findings in as many files: {elapsed:.2f} s "
          f"({elapsed / len(placed) * 1000:.1f} ms per file)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
