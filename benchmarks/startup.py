"""Start-up: the wall-clock time of short commands, as a pre-commit hook or a CI step pays it on
every run. Each command runs once to warm the disk cache, then `--runs` times, each in a fresh
process; the table gives the median and the fastest wall-clock time, and the median CPU time.

    .venv/bin/python benchmarks/startup.py [--runs 15] [--build build] [--json OUT.json]

The `newsfacts` and `frictionless` commands are the ones installed beside this Python; with
PYTHONPATH set, `newsfacts` runs the code found there.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The floor of `validate`: importing the libraries it cannot do without, and nothing else.
# (typer imports pydantic to run a command; pyarrow imports pandas on its first conversion of
# a Python value; the fast engine has stock Frictionless check the descriptor.)
FLOOR = (
    "import typer, pydantic, pyarrow.csv, pyarrow.parquet, pyarrow.compute, pandas, frictionless"
)


def installed(command: str) -> str:
    """The console script `command` of this Python's environment."""
    script = Path(sys.executable).parent / command
    if not script.exists():
        raise SystemExit(f"{script}: not installed (pip install -e '.[dev]')")
    return str(script)


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_runs(arguments: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each run, from starting the process to its exit (after
    one warm-up run). CPU time (every thread's) moves less than wall time on a busy machine."""
    walls, cpus = [], []
    for run in range(runs + 1):
        start, cpu = time.perf_counter(), child_cpu()
        subprocess.run(arguments, cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
        if run:  # the first run warms the disk cache
            walls.append(time.perf_counter() - start)
            cpus.append(child_cpu() - cpu)
    return walls, cpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--build", default="build", help="The build to validate.")
    parser.add_argument("--json", type=Path, help="Also write the figures here.")
    options = parser.parse_args()
    newsfacts, frictionless = installed("newsfacts"), installed("frictionless")
    commands = {
        "newsfacts --help": [newsfacts, "--help"],
        "newsfacts validate --help": [newsfacts, "validate", "--help"],
        f"newsfacts validate {options.build}": [newsfacts, "validate", options.build],
        "frictionless --help": [frictionless, "--help"],
        f"frictionless validate {options.build}/csv/datapackage.json": [
            frictionless,
            "validate",
            f"{options.build}/csv/datapackage.json",
        ],
        "python -c 'import <what validate needs>'": [sys.executable, "-c", FLOOR],
        "python -c pass": [sys.executable, "-c", "pass"],
    }
    results = {}
    print("| command | median s | fastest s | median CPU s |\n|---|---|---|---|")
    for name, arguments in commands.items():
        walls, cpus = timed_runs(arguments, options.runs)
        figures = (statistics.median(walls), min(walls), statistics.median(cpus))
        results[name] = dict(zip(("median_s", "min_s", "median_cpu_s"), figures, strict=True))
        print(f"| `{name}` | " + " | ".join(f"{x:.2f}" for x in figures) + " |", flush=True)
    if options.json:
        options.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
