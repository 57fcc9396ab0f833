"""One `mkdocs build`, as the command line runs it, with the time spent in our hooks measured.

Run by bench.py in a fresh interpreter (so imports count, as they do for an editor):

    python run_build.py PROJECT_DIR SITE_DIR REPORT.json [--capture DIR]

REPORT.json gets: the time to import the `coopsite` package, the time in each event of the hook
(and, inside on_config, in reading the YAML, validating it and building the dataset), and the page count.
With --capture, the Markdown of every page as our hooks hand it to MkDocs, every other generated
file, and the navigation are written to DIR: the static-Markdown baseline is built from them.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

START = time.perf_counter()


def main() -> None:
    project, site_dir, report_path = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve(), Path(sys.argv[3])
    capture = Path(sys.argv[sys.argv.index("--capture") + 1]) if "--capture" in sys.argv else None
    os.chdir(project)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    timings: dict[str, float] = defaultdict(float)
    cpu: dict[str, float] = defaultdict(float)  # CPU time of this process: steadier on a busy machine
    calls: dict[str, int] = defaultdict(int)

    def timed(name, func):
        def wrapper(*args, **kwargs):
            started, started_cpu = time.perf_counter(), time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                timings[name] += time.perf_counter() - started
                cpu[name] += time.process_time() - started_cpu
                calls[name] += 1
        wrapper.__name__ = getattr(func, "__name__", name)
        return wrapper

    from mkdocs import config as mkdocs_config
    from mkdocs.commands import build

    hooks_dir = project / "hooks"
    has_hooks = (hooks_dir / "coopsite").is_dir()
    if has_hooks:
        # Import our package first, on its own, to see what its imports cost.
        sys.path.insert(0, str(hooks_dir))
        started, started_cpu = time.perf_counter(), time.process_time()
        import coopsite.site  # noqa: F401
        import coopsite.load as load_module
        import coopsite.yamlfile as yamlfile_module
        # At 100x the synthetic figures.yaml (with its translations) is over the 2 MB an editor's file
        # may have; the limit guards against a runaway file, not against the benchmark's.
        if hasattr(yamlfile_module, "MAX_FILE_BYTES"):
            yamlfile_module.MAX_FILE_BYTES = max(yamlfile_module.MAX_FILE_BYTES, 100_000_000)
        timings["import"] = time.perf_counter() - started
        cpu["import"] = time.process_time() - started_cpu
        sys.path.remove(str(hooks_dir))
        if hasattr(load_module, "read_file"):
            load_module.read_file = timed("on_config: read YAML", load_module.read_file)
        if hasattr(load_module, "schema") and hasattr(load_module.schema, "check"):  # before the declarations
            load_module.schema.check = timed("on_config: schema checks", load_module.schema.check)
        if hasattr(load_module, "validate") and hasattr(load_module.validate, "check"):
            load_module.validate.check = timed("on_config: validation", load_module.validate.check)
        if hasattr(load_module, "build"):
            load_module.build = timed("on_config: build the dataset", load_module.build)

    cfg = mkdocs_config.load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    pages_markdown: dict[str, str] = {}
    for event, methods in cfg.plugins.events.items():
        for i, method in enumerate(methods):
            module = getattr(method, "__module__", "") or ""
            if module.endswith("mkdocs_adapter.py") or "coopsite" in module:
                methods[i] = timed(event, method)
    if capture is not None:
        def keep_markdown(markdown, *, page, **kwargs):
            pages_markdown[page.file.src_uri] = markdown
            return markdown

        def keep_nav(nav, *, config, files):
            (capture / "nav.json").write_text(json.dumps([_nav_item(item) for item in nav.items]), encoding="utf-8")
            return nav

        def keep_files(files, *, config):
            for file in files:
                if file.generated_by is not None and not file.is_documentation_page():
                    target = capture / "files" / file.src_uri
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(file.content_bytes)
            return files

        cfg.plugins.events["page_markdown"].append(keep_markdown)
        cfg.plugins.events["nav"].append(keep_nav)
        cfg.plugins.events["files"].append(keep_files)

    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build.build(cfg, dirty=False)
    finally:
        cfg.plugins.on_shutdown()

    if capture is not None:
        for src_uri, markdown in pages_markdown.items():
            target = capture / "pages" / src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(markdown, encoding="utf-8")
    report = {
        "timings": dict(timings),
        "cpu": dict(cpu),
        "calls": dict(calls),
        "pages": len(pages_markdown) if capture is not None else None,
        "in_process_total": time.perf_counter() - START,
    }
    Path(report_path).write_text(json.dumps(report, indent=1), encoding="utf-8")


def _nav_item(item):
    from mkdocs.structure.nav import Link, Section

    if isinstance(item, Section):
        return {item.title: [_nav_item(child) for child in item.children]}
    if isinstance(item, Link):
        return {item.title: item.url}
    title = item.__dict__.get("title")  # a title given in mkdocs.yml, not one read from the page
    return {title: item.file.src_uri} if title else item.file.src_uri


if __name__ == "__main__":
    main()
