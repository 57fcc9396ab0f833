"""Side-by-side build times of git revisions: the guard "no slower than before the change".

    python benchmarks/time_revisions.py [--runs 7] [--editions en] REV [REV ...]

Each revision (WORKTREE: the files on disk) is exported as `make compare` does and built with
`mkdocs build --strict` in a fresh interpreter, the revisions in turn, so that other work on the
machine falls on all alike; Python keeps compiled modules as on an editor's machine (the first,
untimed build of each writes them). Printed per revision: median wall and CPU time of the build
process, and the fastest CPU time (the best estimate on an idle machine). Not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "scripts"))

from compare_builds import DEFAULT_EPOCH, export  # noqa: E402


def build(project: Path, site_dir: Path, editions: str) -> tuple[float, float]:
    env = dict(os.environ, SOURCE_DATE_EPOCH=DEFAULT_EPOCH, NO_MKDOCS_2_WARNING="1", COOPSITE_EDITIONS=editions)
    env.pop("PYTHONPATH", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    shutil.rmtree(site_dir, ignore_errors=True)
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
                             cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    if status:
        sys.exit(f"the build of {project} failed:\n{child.stderr.read().decode()[-3000:]}")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revisions", nargs="+")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--editions", default="en", help="COOPSITE_EDITIONS (default en; all: every edition)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="coopsite-times-"))
    try:
        projects = {rev: export(rev, work / "src") for rev in args.revisions}
        times: dict[str, list[tuple[float, float]]] = {rev: [] for rev in args.revisions}
        for run in range(args.runs + 1):
            for rev, project in projects.items():
                measured = build(project, work / "site", args.editions)
                if run:  # the first build of each writes Python's compiled modules
                    times[rev].append(measured)
        for rev, measured in times.items():
            print(f"{rev:>12}: wall {statistics.median(t[0] for t in measured):.3f} s, "
                  f"CPU {statistics.median(t[1] for t in measured):.3f} s (fastest {min(t[1] for t in measured):.3f} s)")
        print(f"editions {args.editions}, {args.runs} runs each; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
