"""Command line.

    python -m coopsite check [PROJECT_DIR]   validate data/ and docs/ markers without building
    python -m coopsite diff REV [PROJECT_DIR] describe what changed in the facts since git revision REV
    python -m coopsite config [PROJECT_DIR]   check mkdocs.yml before MkDocs reads it (make build, make serve)
    python -m coopsite schemas [--check]      write the editors' JSON Schemas from the declarations (or check them)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .config_file import check_config
from .diff import DiffError, diff_against_revision
from .site import check_project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="coopsite", description="Check the site's data without building it.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate data/ and the markers in docs/; exit 1 on any error")
    diff = commands.add_parser("diff", help="describe what changed in the facts since a git revision")
    diff.add_argument("revision", help="a git revision, such as main or HEAD~1")
    config = commands.add_parser("config", help="check that mkdocs.yml is readable YAML; exit 1 with a located error")
    for command in (check, diff, config):
        command.add_argument("project", nargs="?", default=".", type=Path, help="the project folder (default: .)")
    schemas = commands.add_parser("schemas", help="write the JSON Schemas in hooks/coopsite/schemas/ from model.py")
    schemas.add_argument("--check", action="store_true", help="only list stale schema files; exit 1 if any")
    args = parser.parse_args(argv)

    if args.command == "schemas":
        from . import schemas as generated

        if args.check:
            stale = generated.stale()
            for name in stale:
                print(f"hooks/coopsite/schemas/{name}: stale; run `make schemas`", file=sys.stderr)
            return 1 if stale else 0
        for name in generated.write():
            print(f"wrote hooks/coopsite/schemas/{name}")
        return 0

    if args.command == "config":
        problems = check_config(args.project)
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0

    if args.command == "diff":
        try:
            print(diff_against_revision(args.project, args.revision), end="")
        except DiffError as err:
            print(f"diff: {err}", file=sys.stderr)
            return 1
        return 0

    report = check_project(args.project)
    for problem in report.errors + report.notices:
        print("\n".join(problem.lines()), file=sys.stderr if problem.severity == "error" else sys.stdout)
    errors, notices = len(report.errors), len(report.notices)
    summary = f"{errors} error{'s' if errors != 1 else ''}, {notices} notice{'s' if notices != 1 else ''}"
    print(("FAILED: " if errors else "OK: ") + summary, file=sys.stderr if errors else sys.stdout)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
