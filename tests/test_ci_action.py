"""The GitHub Action (action.yml) and the pre-commit hook (.pre-commit-hooks.yaml), run here
the way GitHub and pre-commit run them: no GitHub, no network.

A composite action's `run:` steps get their inputs only through the step's `env:`, where
GitHub writes each `${{ inputs.x }}` as the input's plain value; the shell then reads a
variable, so no input is ever shell source. These tests do the same substitution and run each
step with bash."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT
from .parts import part_file

ACTION = ROOT / "action.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
VENV_BIN = Path(sys.executable).parent  # where `newsfacts` is installed for the tests

# Inputs that would run `touch` if they were ever written into the shell script.
CRAFTED = ["$(touch {canary})", '"; touch {canary}; "', "`touch {canary}`", "x\ntouch {canary}"]


def action() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load(ACTION.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def step(name: str) -> dict:  # type: ignore[type-arg]
    (found,) = [s for s in action()["runs"]["steps"] if s.get("name") == name]
    return found  # type: ignore[no-any-return]


def run_step(
    spec: dict,  # type: ignore[type-arg]
    inputs: dict[str, str],
    cwd: Path,
    path: str = str(VENV_BIN),
) -> subprocess.CompletedProcess[str]:
    """Run one `run:` step with bash as GitHub does: each `${{ inputs.x }}` becomes the
    input's value (or its default), `GITHUB_ACTION_PATH` is the action's folder."""
    defaults = {name: str(i.get("default", "")) for name, i in action()["inputs"].items()}
    values = defaults | inputs

    def expand(text: str) -> str:  # GitHub's expression substitution, for inputs
        return re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: values[m[1]], text)

    env = {key: expand(str(value)) for key, value in spec.get("env", {}).items()}
    env |= {
        "PATH": f"{path}:/usr/bin:/bin",
        "GITHUB_ACTION_PATH": str(ROOT),
        "PYTHONPATH": os.environ.get("PYTHONPATH", ""),
        "HOME": str(cwd),
    }
    assert spec["shell"] == "bash"
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", expand(spec["run"])],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def good(out: Path, tmp_path: Path) -> Path:
    target = tmp_path / "build"
    shutil.copytree(out, target)
    return target


@pytest.fixture
def broken(good: Path) -> Path:
    with (part_file(good / "csv", "quotes")).open("a", encoding="utf-8") as handle:
        handle.write("\n")
    return good


@pytest.fixture
def fake_python(tmp_path: Path) -> Path:
    """A `python` that writes its arguments, one per line, to calls.txt instead of installing."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "python"
    fake.write_text(f'#!/bin/bash\nprintf "%s\\n" "$@" >> {tmp_path / "calls.txt"}\n')
    fake.chmod(0o755)
    return bin_dir


# -- the action's shape -----------------------------------------------------------------------


def test_action_is_composite_with_inputs_path_engine_version_contract() -> None:
    spec = action()
    assert spec["runs"]["using"] == "composite"
    assert set(spec["inputs"]) == {"path", "engine", "version", "contract"}
    assert spec["inputs"]["path"]["default"] == "build"
    assert spec["inputs"]["engine"]["default"] == "fast"
    assert spec["inputs"]["contract"]["default"] == "auto"


def test_no_expression_is_ever_written_into_a_run_block() -> None:
    runs = [s["run"] for s in action()["runs"]["steps"] if "run" in s]
    assert len(runs) == 2
    assert not any("${{" in run for run in runs)
    env = {k: v for s in action()["runs"]["steps"] for k, v in s.get("env", {}).items()}
    assert env == {
        "NEWSFACTS_VERSION": "${{ inputs.version }}",
        "NEWSFACTS_PATH": "${{ inputs.path }}",
        "NEWSFACTS_ENGINE": "${{ inputs.engine }}",
        "NEWSFACTS_CONTRACT": "${{ inputs.contract }}",
    }


def test_actions_the_action_uses_are_pinned_by_commit_sha() -> None:
    uses = [s["uses"] for s in action()["runs"]["steps"] if "uses" in s]
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses)


# -- the install step -------------------------------------------------------------------------


def test_install_takes_the_actions_own_source_or_the_version_asked_for(
    tmp_path: Path, fake_python: Path
) -> None:
    install = step("Install newsfacts")
    assert run_step(install, {}, tmp_path, path=str(fake_python)).returncode == 0
    assert run_step(install, {"version": "0.1.0"}, tmp_path, path=str(fake_python)).returncode == 0
    calls = (tmp_path / "calls.txt").read_text(encoding="utf-8").splitlines()
    assert calls[-1] == "newsfacts==0.1.0"
    assert str(ROOT) in calls and calls[:3] == ["-m", "pip", "install"]


@pytest.mark.parametrize("crafted", [*CRAFTED, "0.1.0; touch x", "0.1.0 @ https://example.org/x"])
def test_a_crafted_version_runs_nothing_and_installs_nothing(
    crafted: str, tmp_path: Path, fake_python: Path
) -> None:
    canary = tmp_path / "pwned"
    result = run_step(
        step("Install newsfacts"),
        {"version": crafted.format(canary=canary)},
        tmp_path,
        path=str(fake_python),
    )
    assert result.returncode == 1
    assert result.stdout.startswith("::error title=newsfacts validate::the version input")
    assert not canary.exists() and not (tmp_path / "calls.txt").exists()


# -- the validate step ------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["fast", "frictionless"])
def test_a_good_build_passes(good: Path, engine: str) -> None:
    result = run_step(step("Validate"), {"path": "build", "engine": engine}, good.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "::error" not in result.stdout


@pytest.mark.slow
def test_a_broken_build_fails_with_annotations(broken: Path) -> None:
    result = run_step(step("Validate"), {"path": str(broken)}, broken.parent)
    assert result.returncode == 1
    assert "::error file=build/csv/quotes/part-" in result.stdout
    assert "title=newsfacts validate%3A FileAsDescribed::" in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("crafted", [*CRAFTED, "--help"])
def test_a_crafted_path_is_only_ever_a_path(crafted: str, good: Path) -> None:
    canary = good.parent / "pwned"
    result = run_step(step("Validate"), {"path": crafted.format(canary=canary)}, good.parent)
    assert result.returncode == 2  # a PATH that does not exist; `--help` too, after `--`
    assert not canary.exists()


@pytest.mark.slow
def test_a_crafted_engine_runs_nothing(good: Path) -> None:
    canary = good.parent / "pwned"
    result = run_step(step("Validate"), {"engine": f"$(touch {canary})"}, good.parent)
    assert result.returncode == 2  # typer: not one of fast, frictionless
    assert not canary.exists()


# -- the pre-commit hook ----------------------------------------------------------------------


def hook() -> dict:  # type: ignore[type-arg]
    (found,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    return found  # type: ignore[no-any-return]


def test_hook_runs_on_data_changes_without_file_names() -> None:
    spec = hook()
    assert spec["id"] == "newsfacts-validate"
    assert spec["language"] == "python" and spec["pass_filenames"] is False
    files = re.compile(spec["files"])
    assert all(files.search(f) for f in ("build/csv/quotes.csv", "seeds/a.txt", "dataset/x.yaml"))
    assert not files.search("src/newsfacts/cli.py")


def run_hook(repo: Path) -> subprocess.CompletedProcess[str]:
    """What pre-commit runs: the entry, then the args, in the repository's root."""
    spec = hook()
    command = shlex.split(spec["entry"]) + spec["args"]
    env = os.environ | {"PATH": f"{VENV_BIN}:/usr/bin:/bin"}
    return subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.slow
def test_hook_passes_a_good_build_and_fails_a_broken_one(good: Path) -> None:
    repo = good.parent
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    assert run_hook(repo).returncode == 0
    with (good / "parquet" / "datapackage.json").open("a", encoding="utf-8") as handle:
        handle.write(" ")
    result = run_hook(repo)
    assert result.returncode == 1
    assert "build: 1 problem(s)" in result.stderr  # SHA256SUMS: the descriptor changed


@pytest.mark.slow
def test_a_crafted_contract_runs_nothing(good: Path) -> None:
    canary = good.parent / "pwned"
    result = run_step(step("Validate"), {"contract": f"$(touch {canary})"}, good.parent)
    assert result.returncode == 2  # typer: not one of auto, newsfacts, frictionless
    assert not canary.exists()
