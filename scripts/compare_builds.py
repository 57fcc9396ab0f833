"""Build two revisions of the site and print every difference between them.

    python scripts/compare_builds.py OLD [NEW]

OLD and NEW are git revisions (main, HEAD~3, a branch); NEW defaults to the working tree as it is
on disk, uncommitted changes included (also written `WORKTREE`). Each revision is exported with
`git archive` into a temporary folder and built with this checkout's virtual environment, with
SOURCE_DATE_EPOCH pinned so that both builds have the same "today".

Compared: every page's HTML, the search index and the downloads (CSV, JSON, datapackage.json),
sitemap and any other file of the site; text is normalised for whitespace (runs of blanks are one
blank, blanks between tags or at a tag's edge do not count) and HTML character references are
spelled one way (&#34;, &quot; and a plain " are all a quote), so that the differences listed are the ones a
reader or a program could see. Exit status: 0 when the sites are the same, 1 when they differ, 2 when a build fails.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import hashlib
import html
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKTREE = "WORKTREE"
DEFAULT_EPOCH = "1767225600"  # 2026-01-01, so that "update needed" notices do not move with the calendar
TEXT_SUFFIXES = {".html", ".json", ".csv", ".xml", ".txt", ".css", ".js", ".md", ".svg", ".map"}


def export(revision: str, into: Path) -> Path:
    """The files of a revision in a folder of their own; the working tree is built where it is."""
    if revision == WORKTREE:
        return ROOT
    target = into / re.sub(r"[^\w.-]", "_", revision)
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", revision],
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def build(project: Path, site_dir: Path, epoch: str) -> bool:
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch, PYTHONPATH="hooks", NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                           "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site_dir)],
                          cwd=project, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(f"build of {project} failed:\n{done.stdout}{done.stderr}\n")
    return done.returncode == 0


def _blanks(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def _same_references(text: str) -> str:
    """One spelling per character: &#39;, &#x27; and ' all read as an apostrophe; only <, > and &
    stay references (written as a character they would be markup)."""
    return _REFERENCE.sub(lambda match: html.escape(html.unescape(match.group(0)), quote=False), text)


def html_lines(text: str) -> list[str]:
    """One line per tag or run of text, whitespace normalised, so a diff points at the element."""
    text = re.sub(r">\s+<", "><", _same_references(_blanks(text)))
    return [part.strip() for part in re.split(r"(?=<)|(?<=>)", text) if part.strip()]


def search_index_lines(text: str) -> list[str]:
    index = json.loads(text)
    lines = [f"config: {json.dumps(index.get('config'), sort_keys=True)}"]
    for doc in index.get("docs", []):
        lines.append(f"== {doc.get('location')} | title: {_blanks(doc.get('title', ''))}")
        lines += [f"   {part}" for part in html_lines(doc.get("text", ""))]
        extra = {key: value for key, value in doc.items() if key not in ("location", "title", "text")}
        if extra:
            lines.append(f"   {json.dumps(extra, sort_keys=True)}")
    return lines


def normalised(path: Path, data: bytes) -> list[str]:
    """The file as a list of comparable lines."""
    name = path.name
    if name.endswith(".gz"):
        return normalised(path.with_suffix(""), gzip.decompress(data))
    if path.suffix not in TEXT_SUFFIXES:
        return [f"<binary sha256 {hashlib.sha256(data).hexdigest()}>"]
    text = data.decode("utf-8", errors="replace")
    if name == "search_index.json":
        return search_index_lines(text)
    if path.suffix == ".html" or path.suffix == ".svg":
        return html_lines(text)
    if path.suffix == ".json":
        try:
            return json.dumps(json.loads(text), indent=1, sort_keys=True, ensure_ascii=False).splitlines()
        except ValueError:
            pass
    return [_blanks(line) for line in text.splitlines() if line.strip()]


def files_of(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in sorted(site.rglob("*")) if path.is_file()}


def compare(old_site: Path, new_site: Path, context: int) -> int:
    """Print every difference; return how many files differ."""
    old_files, new_files = files_of(old_site), files_of(new_site)
    differing = 0
    for name in sorted(old_files.keys() | new_files.keys()):
        if name not in new_files:
            print(f"--- only in OLD: {name}")
            differing += 1
            continue
        if name not in old_files:
            print(f"+++ only in NEW: {name}")
            differing += 1
            continue
        old_bytes, new_bytes = old_files[name].read_bytes(), new_files[name].read_bytes()
        if old_bytes == new_bytes:
            continue
        old_lines, new_lines = normalised(Path(name), old_bytes), normalised(Path(name), new_bytes)
        if old_lines == new_lines:
            continue
        differing += 1
        print(f"### {name}")
        for line in difflib.unified_diff(old_lines, new_lines, "OLD/" + name, "NEW/" + name,
                                         n=context, lineterm=""):
            print(line)
    return differing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", help="git revision to compare from, such as main")
    parser.add_argument("new", nargs="?", default=WORKTREE,
                        help=f"git revision to compare to (default {WORKTREE}: the files on disk)")
    parser.add_argument("--context", type=int, default=3, help="lines of context around each difference")
    parser.add_argument("--epoch", default=os.environ.get("SOURCE_DATE_EPOCH", DEFAULT_EPOCH),
                        help="SOURCE_DATE_EPOCH for both builds (default: $SOURCE_DATE_EPOCH or 2026-01-01)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="compare-builds-") as temp:
        temp_dir = Path(temp)
        sites = []
        for label, revision in (("old", args.old), ("new", args.new)):
            project = export(revision, temp_dir / "src" / label)
            site = temp_dir / "site" / label
            if not build(project, site, args.epoch):
                return 2
            sites.append(site)
        differing = compare(*sites, context=args.context)
    if differing:
        print(f"{differing} file(s) differ between {args.old} and {args.new}")
        return 1
    print(f"The same: {args.old} and {args.new} build identical sites (whitespace aside)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
