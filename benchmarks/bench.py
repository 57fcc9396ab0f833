"""`make bench`: build the site at 1x, 10x and 100x the real data and write benchmarks/RESULTS.md.

For each scale:
- a synthetic project (synth.py) is built several times by run_build.py, each in a fresh
  interpreter, as `mkdocs build --strict` runs: wall time (median), time in our hooks, peak
  memory (the child's own maximum resident set size), search index size, largest page;
- the baseline: the same pages, as our hooks hand them to MkDocs, written out as static Markdown
  with the same navigation, built by MkDocs with no hooks. The distance is our overhead;
- at the smaller scales, `mkdocs serve` on 127.0.0.1: the time from saving a one-line edit of
  a data file to the edited page being served with the new text.

Nothing here is a test: timings depend on the machine and on whatever else runs on it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from importlib import metadata
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402

RUNNER = HERE / "run_build.py"
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1767225600")
ENV.pop("PYTHONPATH", None)  # each project finds its own hooks, as MkDocs does
# Python keeps each module's compiled code (__pycache__), as on an editor's machine; with
# PYTHONDONTWRITEBYTECODE set, every build would compile all of our modules again (about 0.1 s).
ENV.pop("PYTHONDONTWRITEBYTECODE", None)


# -- one build ------------------------------------------------------------------------------------

def run_once(project: Path, site_dir: Path, capture: Path | None = None, env: dict | None = None) -> dict:
    """One build in a fresh interpreter: wall time, peak RSS of that child, hook timings."""
    report = site_dir.parent / f"{site_dir.name}.json"
    shutil.rmtree(site_dir, ignore_errors=True)
    command = [sys.executable, str(RUNNER), str(project), str(site_dir), str(report)]
    if capture is not None:
        command += ["--capture", str(capture)]
    log = site_dir.parent / f"{site_dir.name}.log"
    with open(log, "wb") as out:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=project, env=env or ENV, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"build of {project} failed ({child.returncode}); see {log}:\n{log.read_text()[-3000:]}")
    result = json.loads(report.read_text())
    result["wall"] = wall
    result["cpu_total"] = usage.ru_utime + usage.ru_stime
    result["peak_rss_mb"] = usage.ru_maxrss / 1024  # kilobytes on Linux
    return result


def site_metrics(site_dir: Path) -> dict:
    pages = list(site_dir.rglob("*.html"))
    largest = max(pages, key=lambda p: p.stat().st_size)
    raw = largest.read_bytes()
    index = site_dir / "search" / "search_index.json"
    return {
        "html_pages": len(pages),
        "search_index_bytes": index.stat().st_size if index.exists() else 0,
        "largest_page": largest.relative_to(site_dir).as_posix(),
        "largest_raw": len(raw),
        "largest_gzip": len(gzip.compress(raw, compresslevel=6)),
        "site_bytes": sum(p.stat().st_size for p in site_dir.rglob("*") if p.is_file()),
    }


def measure_pair(project: Path, baseline: Path, work: Path, runs: int) -> tuple[dict, dict]:
    """Our build and the baseline's, in alternation, so that a burst of other work on the machine
    falls on both alike. The first build of ours also captures what the baseline is made of."""
    capture = work / "capture"
    capture.mkdir(parents=True)
    ours = [run_once(project, work / "site-0", capture)]
    make_baseline(project, capture, baseline)
    (work / "b").mkdir()
    theirs = []
    for i in range(runs):
        theirs.append(run_once(baseline, work / "b" / f"site-{i}"))
        if len(ours) < runs:
            ours.append(run_once(project, work / f"site-{len(ours)}"))
    return summarize(ours, work / f"site-{runs - 1}"), summarize(theirs, work / "b" / f"site-{runs - 1}")


def measure_editions(project: Path, work: Path, runs: int) -> dict:
    """The four-edition build against the English-only one (COOPSITE_EDITIONS=en), alternating, so
    that other work on the machine falls on both alike: what the editions cost."""
    english_env = dict(ENV, COOPSITE_EDITIONS="en")
    work.mkdir(parents=True, exist_ok=True)
    every, english = [], []
    for i in range(runs):
        english.append(run_once(project, work / f"en-{i}", env=english_env))
        every.append(run_once(project, work / f"all-{i}"))
    out = {}
    for name, results in (("all", every), ("en", english)):
        out[name] = {"wall": statistics.median(r["wall"] for r in results),
                     "cpu": statistics.median(r["cpu_total"] for r in results),
                     "pages": site_metrics(work / f"{name}-{runs - 1}")["html_pages"]}
    out["ratio"] = out["all"]["wall"] / out["en"]["wall"]
    out["cpu_ratio"] = out["all"]["cpu"] / out["en"]["cpu"]
    return out


def summarize(results: list[dict], last_site: Path) -> dict:
    runs = len(results)
    timings: dict[str, list[float]] = {}
    for result in results:
        for name, seconds in result["timings"].items():
            timings.setdefault(name, []).append(seconds)
    hook_events = [name for name in timings if name != "import" and not name.startswith("on_config:")]
    hooks = [sum(r["timings"].get(n, 0.0) for n in hook_events) for r in results]
    hooks_cpu = [sum(r.get("cpu", {}).get(n, 0.0) for n in hook_events) for r in results]
    return {
        "runs": runs,
        "walls": [r["wall"] for r in results],
        "wall": statistics.median(r["wall"] for r in results),
        "hooks": statistics.median(hooks),
        "hook_share": statistics.median(h / r["wall"] for h, r in zip(hooks, results)),
        "cpu": statistics.median(r["cpu_total"] for r in results),
        "hooks_cpu": statistics.median(hooks_cpu),
        "hook_share_cpu": statistics.median(h / r["cpu_total"] for h, r in zip(hooks_cpu, results)),
        "import_share_cpu": statistics.median(r.get("cpu", {}).get("import", 0.0) / r["cpu_total"] for r in results),
        "import": statistics.median(timings.get("import", [0.0])),
        "timings": {name: statistics.median(values) for name, values in timings.items()},
        "peak_rss_mb": max(r["peak_rss_mb"] for r in results),
        "pages": results[0]["pages"],
        **site_metrics(last_site),
    }


# -- the static baseline --------------------------------------------------------------------------

def make_baseline(project: Path, capture: Path, target: Path) -> None:
    """The captured pages and files as a plain MkDocs project: same theme, nav and plugins, no hooks."""
    docs = target / "docs"
    shutil.copytree(project / "docs", docs, ignore=shutil.ignore_patterns("*.md"))
    shutil.copytree(capture / "pages", docs, dirs_exist_ok=True)
    if (capture / "files").is_dir():
        shutil.copytree(capture / "files", docs, dirs_exist_ok=True)
    for part in ("overrides",):
        if (project / part).is_dir():
            shutil.copytree(project / part, target / part)
    config = yaml_load((project / "mkdocs.yml").read_text(encoding="utf-8"))  # with !ENV, as MkDocs reads it
    for key in ("hooks", "watch"):
        config.pop(key, None)
    config["nav"] = json.loads((capture / "nav.json").read_text(encoding="utf-8"))
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


# -- mkdocs serve ---------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def measure_serve(project: Path, trials: int, startup_timeout: float = 300.0, edit_timeout: float = 60.0) -> dict:
    """Save a one-line edit to a sector's name in data/program.yaml; time until its page shows it."""
    data = yaml.safe_load((project / "data" / "program.yaml").read_text(encoding="utf-8"))
    sector = data["sectors"][0]
    url_path = f"program/sectors/{sector['id']}/"
    program = project / "data" / "program.yaml"
    name_line = re.compile(rf"^( *)en: {re.escape(sector['name']['en'])}\n", re.MULTILINE)
    found = name_line.findall(program.read_text(encoding="utf-8"))
    assert len(found) == 1, "the sector's name line is not unique"
    indent = found[0]
    old_line = f"{indent}en: {sector['name']['en']}\n"
    port = _free_port()
    url = f"http://127.0.0.1:{port}/{url_path}"
    log = open(project / "serve.log", "wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=ENV, stdout=log, stderr=subprocess.STDOUT,
    )
    latencies = []
    try:
        deadline = time.monotonic() + startup_timeout
        while time.monotonic() < deadline and server.poll() is None:
            if _get(url) is not None:
                break
            time.sleep(0.2)
        else:
            raise RuntimeError(f"mkdocs serve did not come up; see {project / 'serve.log'}")
        time.sleep(1.0)  # let the watcher settle after the first build
        for trial in range(trials):
            marker = f"{sector['name']['en']} rev{trial + 1}"
            text = program.read_text(encoding="utf-8")
            current = old_line if trial == 0 else f"{indent}en: {sector['name']['en']} rev{trial}\n"
            assert text.count(current) == 1
            saved = time.perf_counter()
            program.write_text(text.replace(current, f"{indent}en: {marker}\n"), encoding="utf-8")
            deadline = saved + edit_timeout
            seen = None
            while time.perf_counter() < deadline:
                page = _get(url)
                if page is not None and marker in page:
                    seen = time.perf_counter() - saved
                    break
                time.sleep(0.01)
            if seen is None:
                raise RuntimeError(f"the edit did not reach {url} within {edit_timeout:.0f} s")
            latencies.append(seen)
            time.sleep(1.0)  # the next edit starts from a quiet server
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)
        log.close()
    return {"trials": trials, "latencies": latencies, "median": statistics.median(latencies), "max": max(latencies)}


# -- the report -----------------------------------------------------------------------------------

def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass

    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "?"

    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    except OSError:
        commit = "?"
    return {
        "cpu": cpu, "cores": os.cpu_count(), "ram": ram, "os": platform.platform(),
        "python": platform.python_version(), "mkdocs": version("mkdocs"), "material": version("mkdocs-material"),
        "pyyaml": version("PyYAML"), "pydantic": version("pydantic"),
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()), "commit": commit,
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def _kb(n: int) -> str:
    return f"{n / 1024:,.0f} KiB" if n < 10 * 1024 * 1024 else f"{n / 1024 / 1024:,.1f} MiB"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def marginal(results: list[dict], key: str) -> list[float]:
    """Cost of one more page between consecutive scales: the slope, free of fixed startup costs."""
    out = []
    for before, after in zip(results, results[1:]):
        pages = after["ours"]["pages"] - before["ours"]["pages"]
        out.append((after["ours"][key] - before["ours"][key]) / pages if pages else 0.0)
    return out


def write_report(path: Path, info: dict, results: list[dict], serve: list[dict], started: float, load_end: str) -> str:
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (benchmarks/bench.py); do not edit by hand. Synthetic data at 1x, 10x and",
        "100x the real `data/` (benchmarks/synth.py): every list grows N-fold with unique ids, quotes",
        "stay verbatim, so the data is valid and the build is the real, strict one.",
        "",
        "## Machine",
        "",
        f"- CPU: {info['cpu']}, {info['cores']} cores; RAM: {info['ram']}; {info['os']}",
        f"- Python {info['python']}, MkDocs {info['mkdocs']}, Material for MkDocs {info['material']}, "
        f"PyYAML {info['pyyaml']}, pydantic {info['pydantic']}",
        f"- Run on {info['date']} at commit {info['commit']}; load average {info['load']} at the start, "
        f"{load_end} at the end; the whole benchmark took {(time.perf_counter() - started) / 60:.1f} min.",
        "- The machine is shared: other builds and test suites may run at the same time, so absolute",
        "  times are noisy (each is the median of several runs). The ratios (hooks' share of the",
        "  build, ours against the baseline, cost per page) are the figures to compare.",
        "",
        "## Builds",
        "",
        "Build: one `mkdocs build --strict` in a fresh interpreter, wall time, median of the runs; our",
        "builds and the baseline's alternate, so that other work on the machine falls on both alike.",
        "Baseline: the same pages (the Markdown our hooks hand to MkDocs) and navigation as static files,",
        "built by MkDocs with no hooks. Hooks: time inside our hook's events (load and validate the data",
        "in on_config, generate the pages in on_files, the navigation in on_nav, expand the markers in",
        "on_page_markdown); importing our package is shown apart. The hooks' share is given in wall",
        "time and in CPU time of the build process; CPU time is the steadier of the two when other",
        "work competes for the cores.",
        "",
        "| scale | pages | build | baseline | build / baseline (wall / CPU) | hooks | hooks' share (wall / CPU) | import (CPU share) | per page | baseline per page | peak RSS | baseline RSS | search_index.json | largest page (raw / gzip) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        o, b = r["ours"], r["baseline"]
        lines.append(
            f"| {r['scale']}x | {o['pages']} | {_ms(o['wall'])} ({o['runs']} runs) | {_ms(b['wall'])} | "
            f"{o['wall'] / b['wall']:.2f} / {o['cpu'] / b['cpu']:.2f} | {_ms(o['hooks'])} | {o['hook_share'] * 100:.1f}% / {o['hook_share_cpu'] * 100:.1f}% | "
            f"{_ms(o['import'])} ({o['import_share_cpu'] * 100:.1f}%) | {o['wall'] / o['pages'] * 1000:.1f} ms | {b['wall'] / o['pages'] * 1000:.1f} ms | "
            f"{o['peak_rss_mb']:.0f} MB | {b['peak_rss_mb']:.0f} MB | {_kb(o['search_index_bytes'])} | "
            f"`{o['largest_page']}` {_kb(o['largest_raw'])} / {_kb(o['largest_gzip'])} |"
        )
    lines += ["", "Data per scale: " + "; ".join(
        f"{r['scale']}x: " + ", ".join(f"{v} {k}" for k, v in r["counts"].items() if k not in ("units", "topics", "turnover_figures"))
        for r in results) + ".", ""]
    names = sorted({n for r in results for n in r["ours"]["timings"]}, key=lambda n: (n == "import", n))
    lines += ["### Where the hooks' time goes (median seconds)", "",
              "| event | " + " | ".join(f"{r['scale']}x" for r in results) + " |",
              "| --- |" + " ---: |" * len(results)]
    for name in names:
        lines.append(f"| {name} | " + " | ".join(f"{r['ours']['timings'].get(name, 0.0):.3f}" for r in results) + " |")
    slopes = marginal(results, "wall")
    base_slopes = [(a["baseline"]["wall"] - b["baseline"]["wall"]) / (a["ours"]["pages"] - b["ours"]["pages"])
                   for b, a in zip(results, results[1:])]
    mem_slopes = marginal(results, "peak_rss_mb")
    lines += ["", "### Growth", "",
              "Cost of one more page between consecutive scales (the slope; fixed start-up costs cancel out):", ""]
    for (before, after), slope, base, mem in zip(zip(results, results[1:]), slopes, base_slopes, mem_slopes):
        lines.append(f"- {before['scale']}x to {after['scale']}x: {slope * 1000:.1f} ms per page "
                     f"(baseline {base * 1000:.1f} ms), {mem * 1024:.0f} KB of peak memory per page")
    lines += ["", "## Four editions against English alone", "",
              "The same synthetic project built with every edition (English, Russian, Kazakh, Korean) and with",
              "`COOPSITE_EDITIONS=en` (English only), alternating, median of the runs.", "",
              "| scale | HTML files (four editions) | build | HTML files (English) | build (English) | ratio (wall / CPU) |",
              "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        e = r["editions"]
        lines.append(f"| {r['scale']}x | {e['all']['pages']} | {_ms(e['all']['wall'])} | {e['en']['pages']} | "
                     f"{_ms(e['en']['wall'])} | {e['ratio']:.2f} / {e['cpu_ratio']:.2f} |")
    if serve:
        lines += ["", "## `mkdocs serve`: from saving a one-line data edit to the page served", "",
                  "A sector's name in `data/program.yaml` is changed and saved; its page is fetched over HTTP",
                  "every 10 ms until the new name is in it. MkDocs waits 0.1 s for more changes, then rebuilds",
                  "the whole site (our hooks reload the data).", "",
                  "| scale | trials | median | fastest | slowest | all |", "| --- | ---: | ---: | ---: | ---: | --- |"]
        for s in serve:
            lines.append(f"| {s['scale']}x | {s['trials']} | {_ms(s['median'])} | {_ms(min(s['latencies']))} | {_ms(s['max'])} | "
                         + ", ".join(_ms(x) for x in s["latencies"]) + " |")
        lines += ["", "The fastest trial is the best estimate of the latency on an idle machine; the median and the",
                  "slowest show what competing work (see the load average above) adds."]
    lines += ["", "## Targets", ""]
    lines += targets(results, serve)
    notes = HERE / "NOTES.md"
    if notes.exists():
        lines += ["", notes.read_text(encoding="utf-8").strip()]
    text = "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")
    return text


def targets(results: list[dict], serve: list[dict]) -> list[str]:
    def mark(ok: bool) -> str:
        return "met" if ok else "**missed**"

    shares = [r["ours"]["hook_share_cpu"] for r in results]
    lines = [f"- Hooks at most 5% of the build at every scale (CPU time): {mark(max(shares) <= 0.05)} ("
             + ", ".join(f"{r['scale']}x {s * 100:.1f}%" for r, s in zip(results, shares)) + "; in wall time "
             + ", ".join(f"{r['scale']}x {r['ours']['hook_share'] * 100:.1f}%" for r in results)
             + "; with the import of our package, CPU: "
             + ", ".join(f"{r['scale']}x {(r['ours']['hook_share_cpu'] + r['ours']['import_share_cpu']) * 100:.1f}%" for r in results) + ")"]
    slopes = marginal(results, "wall")
    if len(slopes) >= 2:
        base = [(a["baseline"]["wall"] - b["baseline"]["wall"]) / (a["ours"]["pages"] - b["ours"]["pages"])
                for b, a in zip(results, results[1:])]
        # Linear: the cost of one more page does not grow with the size of the site. MkDocs' own
        # cost per page (the baseline's) is the floor; ours may not grow faster than it.
        ok = slopes[-1] <= 1.25 * slopes[0] or slopes[-1] / base[-1] <= 1.25 * max(slopes[0] / base[0], 1.0)
        lines.append(f"- Build time per page flat from 1x to 100x (linear growth): {mark(ok)} (the cost of one more page "
                     + " then ".join(f"{s * 1000:.1f} ms" for s in slopes) + "; the static baseline's "
                     + " then ".join(f"{s * 1000:.1f} ms" for s in base) + "; per page overall "
                     + ", ".join(f"{r['ours']['wall'] / r['ours']['pages'] * 1000:.1f} ms" for r in results) + ")")
    last = results[-1]
    ratio = last["ours"]["wall"] / last["baseline"]["wall"]
    cpu_ratio = last["ours"]["cpu"] / last["baseline"]["cpu"]
    lines.append(f"- At {last['scale']}x the build within 1.5x of the static baseline: {mark(ratio <= 1.5)} "
                 f"({ratio:.2f}x in wall time, {cpu_ratio:.2f}x in CPU time)")
    ratios = [(r["scale"], r["editions"]["ratio"], r["editions"]["cpu_ratio"]) for r in results]
    lines.append(f"- Four editions cost at most 4.4 times the English-only build at every scale: "
                 f"{mark(all(c <= 4.4 for _, w, c in ratios))} (judged on CPU time, the steadier on a shared machine; "
                 + ", ".join(f"{scale}x {w:.2f} in wall time, {c:.2f} in CPU time" for scale, w, c in ratios) + ")")
    one = [s for s in serve if s["scale"] == 1]
    if one:
        lines.append(f"- A one-line edit at 1x served in under 1 s by `mkdocs serve`: {mark(one[0]['median'] < 1.0)} "
                     f"(median {_ms(one[0]['median'])}, fastest {_ms(min(one[0]['latencies']))}, slowest {_ms(one[0]['max'])})")
    if len(results) >= 2:
        first, last = results[0], results[-1]
        growth = last["ours"]["peak_rss_mb"] / first["ours"]["peak_rss_mb"]
        data = last["scale"] / first["scale"]
        # Ours beyond MkDocs' own (the baseline's peak): what our data and pages hold in memory.
        extra = [max(r["ours"]["peak_rss_mb"] - r["baseline"]["peak_rss_mb"], 0.0) for r in results]
        prev, final = results[-2], results[-1]
        allowed = 1.25 * final["scale"] / prev["scale"] * max(extra[-2], 2.0)  # 2 MB: below that RSS is noise
        ok = growth <= data and extra[-1] <= allowed
        lines.append(f"- Memory grows at most linearly: {mark(ok)} (peak RSS x{growth:.1f} for x{data:.0f} the data; "
                     "above the static baseline's: " + ", ".join(f"{r['scale']}x {e:.0f} MB" for r, e in zip(results, extra))
                     + f"; the baseline itself: " + ", ".join(f"{r['baseline']['peak_rss_mb']:.0f} MB" for r in results) + ")")
    return lines


# -- main -----------------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10,100", help="data multipliers (default 1,10,100)")
    parser.add_argument("--runs", default="5,3,3", help="builds per scale, median taken (default 5,3,3)")
    parser.add_argument("--serve-scales", default="1,10", help="scales for the mkdocs serve test (default 1,10)")
    parser.add_argument("--serve-trials", type=int, default=5)
    parser.add_argument("--source", type=Path, default=ROOT, help="the project to take data/, docs/ and hooks/ from")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects and sites")
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    runs = [int(r) for r in args.runs.split(",")]
    runs += [runs[-1]] * (len(scales) - len(runs))
    serve_scales = [int(s) for s in args.serve_scales.split(",") if s]
    started = time.perf_counter()
    info = machine()
    work = Path(tempfile.mkdtemp(prefix="coopsite-bench-"))
    print(f"working in {work}", flush=True)
    results, serve = [], []
    try:
        for scale, count in zip(scales, runs):
            project = work / f"{scale}x" / "project"
            counts = synth.make_project(project, scale, root=args.source.resolve())
            ours, baseline = measure_pair(project, work / f"{scale}x" / "baseline", work / f"{scale}x", count)
            editions = measure_editions(project, work / f"{scale}x" / "editions", count)
            results.append({"scale": scale, "counts": counts, "ours": ours, "baseline": baseline, "editions": editions})
            print(f"{scale}x editions: {editions['all']['pages']} pages in {editions['all']['wall']:.2f} s, English only "
                  f"{editions['en']['pages']} in {editions['en']['wall']:.2f} s: x{editions['ratio']:.2f} "
                  f"(CPU x{editions['cpu_ratio']:.2f})", flush=True)
            print(f"{scale}x: {ours['pages']} pages, build {ours['wall']:.2f} s, baseline {baseline['wall']:.2f} s, "
                  f"hooks {ours['hooks']:.3f} s ({ours['hook_share'] * 100:.1f}%), import {ours['import']:.3f} s, "
                  f"peak {ours['peak_rss_mb']:.0f} MB", flush=True)
        for scale in serve_scales:
            project = work / f"serve-{scale}x"
            synth.make_project(project, scale, root=args.source.resolve())
            result = measure_serve(project, args.serve_trials)
            result["scale"] = scale
            serve.append(result)
            print(f"serve {scale}x: median {result['median']:.3f} s, slowest {result['max']:.3f} s", flush=True)
        load_end = " ".join(f"{x:.2f}" for x in os.getloadavg())
        (args.out.with_suffix(".json")).write_text(json.dumps({"machine": info, "builds": results, "serve": serve}, indent=1, default=str))
        text = write_report(args.out, info, results, serve, started, load_end)
        print(text, flush=True)
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
