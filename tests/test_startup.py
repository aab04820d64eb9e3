"""Start-up: `--help` and `import newsfacts` load none of the heavy libraries, and `validate`
loads none of the publishing code. (How long start-up takes is measured in
benchmarks/startup.py, never asserted here.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("pandas", "pyarrow", "frictionless", "numpy", "matplotlib", "trafilatura", "warcio")
COMMANDS = (
    "build",
    "init",
    "import",
    "validate",
    "extract",
    "schema",
    "evaluate",
    "download",
    "release",
    "diff",
    "export",
    "stats",
    "review",
)

# Runs the console entry point (newsfacts.cli:run) once per argument list in one fresh
# interpreter, and prints, as JSON, the top-level packages and newsfacts modules loaded.
PROBE = """
import json, sys
from newsfacts.cli import run

for arguments in json.loads(sys.argv[1]):
    sys.argv = ["newsfacts", *arguments]
    try:
        run()
    except SystemExit as done:
        assert not done.code, (arguments, done.code)
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules} | set(sys.modules))))
"""


def loaded_after(*runs: list[str]) -> set[str]:
    """The modules in sys.modules after `newsfacts` ran with each argument list in turn."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(list(runs))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_help_imports_no_heavy_library() -> None:
    runs = [["--help"], ["--version"], *([command, "--help"] for command in COMMANDS)]
    loaded = loaded_after(*runs)
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))
    assert {m for m in loaded if m.startswith("newsfacts.")} <= {
        "newsfacts.cli",
        "newsfacts.errors",
        "newsfacts.terminal",
    }


def test_import_newsfacts_is_light_and_load_still_there() -> None:
    probe = (
        "import sys, newsfacts\n"
        f"print(sorted(set({HEAVY!r}) & set(sys.modules)))\n"
        "print(newsfacts.load.__module__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    heavy, load_module = result.stdout.splitlines()
    assert heavy == "[]"
    assert load_module == "newsfacts.read.frames"


def test_validate_loads_no_publishing_code() -> None:
    loaded = loaded_after(["validate", "build"])
    assert "newsfacts.validate.run" in loaded  # it did validate
    unneeded = {
        "matplotlib",
        "trafilatura",
        "warcio",
        "newsfacts.build",
        "newsfacts.package",
        "newsfacts.ingest",
        "newsfacts.evaluate",
        "newsfacts.extract",
        "newsfacts.read.frames",
    }
    assert loaded.isdisjoint(unneeded), sorted(loaded & unneeded)
