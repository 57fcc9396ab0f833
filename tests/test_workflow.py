"""The publishing workflow is a valid GitHub workflow (the schema check-jsonschema ships, read
offline) and runs the Makefile's steps: tests with Debian's Chromium, the strict build, GitHub
Pages on main, the site as an artifact and the facts' diff on pull requests."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def check_workflow_schema(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True, text=True, timeout=120,
    )


def test_the_workflow_is_valid_against_the_github_workflow_schema():
    result = check_workflow_schema(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("old, new", [
    ("runs-on: ubuntu-latest", "runs-on: [ubuntu-latest, 3]"),
    ("    steps:", "    stepz:"),
    ("  pull_request:", "  pull_requests:"),
])
def test_the_schema_check_catches_a_broken_workflow(tmp_path, old, new):
    text = WORKFLOW.read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / "publish.yml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert check_workflow_schema(broken).returncode != 0


def _workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def _steps(job: dict) -> list[dict]:
    return job["steps"]


def _uses(job: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in _steps(job) if "uses" in step]


def _runs(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in _steps(job))


def test_main_is_tested_with_debians_chromium_built_and_published_to_pages():
    workflow = _workflow()
    assert workflow["on"]["push"]["branches"] == ["main"] and "pull_request" in workflow["on"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["container"].startswith("debian:")
    assert re.search(r"apt-get install .*chromium", _runs(build).replace("\\\n", " "))
    assert "make publish-build" in _runs(build)
    assert "SITE_URL=" in _runs(build) and "actions/configure-pages" in _uses(build)
    assert "actions/upload-pages-artifact" in _uses(build)
    assert deploy["needs"] == "build" and "actions/deploy-pages" in _uses(deploy)
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]


def test_a_pull_request_gets_the_site_as_an_artifact_and_the_facts_diff():
    build = _workflow()["jobs"]["build"]
    for_prs = [s for s in _steps(build) if s.get("if") == "github.event_name == 'pull_request'"]
    assert any(s.get("uses", "").startswith("actions/upload-artifact") and s["with"]["path"] == "site/" for s in for_prs)
    diff = next(s for s in for_prs if "make" in s.get("run", "") and " diff " in s["run"])
    assert 'REV="origin/$BASE_REF"' in diff["run"] and "GITHUB_STEP_SUMMARY" in diff["run"]
    checkout = next(s for s in _steps(build) if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # the base branch is there to compare with
    # no SITE_URL on pull requests: their build names the default (local preview) address
    setting = next(s for s in _steps(build) if "SITE_URL=" in s.get("run", ""))
    assert setting["if"] == "github.event_name != 'pull_request'"


def test_the_makefile_has_the_targets_the_workflow_calls():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    called = set(re.findall(r"^\s*make (?:--no-print-directory )?([a-z-]+)", _runs(_workflow()["jobs"]["build"]), re.M))
    assert called == {"publish-build", "diff"}
    for target in called:
        assert re.search(rf"^{target}:", makefile, re.M), target
    recipe = re.search(r"^publish-build:.*\n((?:\t.*\n)+)", makefile, re.M).group(1)
    assert "REQUIRE_BROWSER=1" in recipe and "test" in recipe and "build" in recipe
