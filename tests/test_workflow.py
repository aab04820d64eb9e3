"""The GitHub Actions workflow: pinned actions, least privilege, and the checks CI runs."""

from __future__ import annotations

import re

import yaml

from .conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"


def workflow() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_runs_on_push_pull_request_and_version_tags() -> None:
    triggers = workflow()[True]  # YAML 1.1 reads the key "on" as True
    assert "pull_request" in triggers
    assert triggers["push"]["tags"] == ["v*"]


def test_every_action_is_pinned_by_commit_sha() -> None:
    uses = [
        step["uses"]
        for job in workflow()["jobs"].values()
        for step in job["steps"]
        if "uses" in step
    ]
    assert uses
    remote = [u for u in uses if u != "./"]  # ./ is this repository's own action.yml
    assert all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in remote), uses


def test_the_repositorys_own_action_runs_on_the_committed_build() -> None:
    (step,) = [s for s in workflow()["jobs"]["action"]["steps"] if s.get("uses") == "./"]
    assert step["with"] == {"path": "build", "engine": "frictionless"}


def test_least_privilege() -> None:
    spec = workflow()
    assert spec["permissions"] == {"contents": "read"}
    writers = {
        name
        for name, job in spec["jobs"].items()
        if job.get("permissions", {}).get("contents") == "write"
    }
    assert writers == {"release"}
    assert spec["jobs"]["release"]["if"] == "startsWith(github.ref, 'refs/tags/v')"


def test_check_job_runs_the_project_ci_and_annotations() -> None:
    steps = " ".join(step.get("run", "") for step in workflow()["jobs"]["check"]["steps"])
    assert "bash .ci/run" in steps
    assert "newsfacts validate build/ --format github" in steps
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for command in (
        "newsfacts build --check",
        "newsfacts validate build/",
        "frictionless validate",
        "ruff",
        "mypy",
    ):
        assert command in ci
