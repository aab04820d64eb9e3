"""Fail when tests/devset/floor.json lowers a figure that an earlier commit recorded."""

import json
import subprocess
import sys

FLOOR = "tests/devset/floor.json"

history = subprocess.run(
    ["git", "log", "--format=%H", "--", FLOOR], capture_output=True, text=True, check=True
).stdout.split()
with open(FLOOR, encoding="utf-8") as handle:
    current = json.load(handle)
for commit in history[1:]:
    shown = subprocess.run(["git", "show", f"{commit}:{FLOOR}"], capture_output=True, text=True)
    if shown.returncode != 0:
        continue
    for name, value in json.loads(shown.stdout).items():
        if current.get(name, 0.0) < value:
            sys.exit(
                f"{FLOOR}: {name} lowered from {value} (commit {commit[:8]}) to {current.get(name)}"
            )
print(f"{FLOOR}: no figure lowered across {len(history)} recorded versions")
