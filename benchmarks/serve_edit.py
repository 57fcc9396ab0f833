"""How long `mkdocs serve` takes to show a one-line data edit, on a copy of this project's own data.

    python benchmarks/serve_edit.py [--editions en] [--trials 5]

A copy of the project (data/, docs/, hooks/, overrides/, mkdocs.yml) is served on 127.0.0.1; a
sector's English name in data/program.yaml is changed and saved, and its page is fetched every
10 ms until the new name is in it (bench.measure_serve, as `make bench` does on synthetic data).
`--editions` is COOPSITE_EDITIONS: `en` is what `make serve` builds, `all` every edition.
Prints the times; nothing here is a test (timings depend on the machine and its load).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import bench  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--editions", default="en", help="COOPSITE_EDITIONS for the server (default en; all: every edition)")
    parser.add_argument("--trials", type=int, default=5)
    args = parser.parse_args()
    bench.ENV["COOPSITE_EDITIONS"] = args.editions
    work = Path(tempfile.mkdtemp(prefix="coopsite-serve-"))
    try:
        project = work / "project"
        project.mkdir()
        for part in ("data", "docs", "hooks", "overrides"):
            shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        result = bench.measure_serve(project, args.trials)
        times = ", ".join(f"{t * 1000:.0f} ms" for t in result["latencies"])
        print(f"editions {args.editions}: median {result['median'] * 1000:.0f} ms, fastest {min(result['latencies']) * 1000:.0f} ms, "
              f"slowest {result['max'] * 1000:.0f} ms ({times}); load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
