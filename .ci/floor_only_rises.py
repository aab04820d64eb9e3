"""Fail when a floor.json lowers a figure that an earlier commit recorded."""

import json
import subprocess
import sys
from pathlib import Path

FLOORS = (
    "tests/devset/floor.json",
    "tests/heldout/floor.json",
    "tests/realnews/floor-tune.json",
    "tests/realnews/floor-tune2.json",
    "tests/realnews/floor-blind.json",
    "tests/freshblind/floor.json",
)


def check(floor: str) -> None:
    history = subprocess.run(
        ["git", "log", "--format=%H", "--", floor], capture_output=True, text=True, check=True
    ).stdout.split()
    current = json.loads(Path(floor).read_text(encoding="utf-8"))
    for commit in history:
        shown = subprocess.run(["git", "show", f"{commit}:{floor}"], capture_output=True, text=True)
        if shown.returncode != 0:
            continue
        for name, value in json.loads(shown.stdout).items():
            if current.get(name, 0.0) < value:
                was = f"{value} (commit {commit[:8]})"
                sys.exit(f"{floor}: {name} lowered from {was} to {current.get(name)}")
    print(f"{floor}: no figure lowered across {len(history)} recorded versions")


for floor in FLOORS:
    check(floor)
