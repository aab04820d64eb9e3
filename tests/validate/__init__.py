"""One test module per registered check (test_<its file in validate/checks/>.py): each breaks
what its check guards, and asserts the check reports it and finds nothing in a valid build;
test_runner.py tests the registry and the scheduling."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsfacts.validate.check import Check
from newsfacts.validate.run import validate


def reported(path: Path, check: Check[Any], engine: str = "fast") -> list[str]:
    """What `check`, run alone by the runner, reports on the package(s) at `path`."""
    return [str(problem) for problem in validate(path, engine, [check])]


def edit_descriptor(folder: Path, change: Callable[[dict[str, Any]], None]) -> None:
    path = folder / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change(descriptor)
    path.write_text(json.dumps(descriptor, indent=2), encoding="utf-8")


def resource(descriptor: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(r for r in descriptor["resources"] if r["name"] == name)
    return found
