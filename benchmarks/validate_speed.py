"""Rows per second of `newsfacts validate` on a build: python benchmarks/validate_speed.py BUILD

Prints the Frictionless-type checks (the fast engine's compiled checks) of both packages, then
of each package alone (rows: that package's), and the whole of validate (rows: both
packages'): the first run of the process (cold) and the best of the next `--runs` (warm), wall
clock and CPU time (of every thread), and the process's peak RSS (run with --runs 0
--only-whole for the peak of one validate in a fresh process)."""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import pyarrow.parquet as pq

from newsfacts.read.files import read_descriptor
from newsfacts.validate import batches as streams
from newsfacts.validate.checks.frictionless_tables import table_problems
from newsfacts.validate.run import validate


def frictionless_part(
    build: Path, engine: str, formats: tuple[str, ...] = ("csv", "parquet")
) -> None:
    for fmt in formats:
        folder = build / fmt
        assert not table_problems(folder, read_descriptor(folder), engine)


def csv_part(build: Path, engine: str) -> None:
    frictionless_part(build, engine, ("csv",))


def parquet_part(build: Path, engine: str) -> None:
    frictionless_part(build, engine, ("parquet",))


def whole(build: Path, engine: str) -> None:
    assert not [p for p in validate(build, engine) if p.severity == "error"]


def timed(work, build: Path, engine: str) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    streams.cached_digest.cache_clear()  # every run hashes the files again
    wall, cpu = time.perf_counter(), time.process_time()
    work(build, engine)
    return time.perf_counter() - wall, time.process_time() - cpu


PARTS = [
    ("Frictionless-type checks", frictionless_part, 2),  # rows: both packages'
    ("  CSV package alone", csv_part, 1),
    ("  Parquet package alone", parquet_part, 1),
    ("whole validate", whole, 2),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("build", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--engine", default="fast")
    parser.add_argument("--only-whole", action="store_true", help="skip the table checks alone")
    args = parser.parse_args()
    parquet = args.build / "parquet"
    rows = 2 * sum(pq.ParquetFile(p).metadata.num_rows for p in parquet.glob("*.parquet"))
    print(f"{rows:,} data rows in both packages ({args.engine} engine)")
    for name, work, packages in PARTS[3:] if args.only_whole else PARTS:
        counted = rows * packages // 2
        cold = timed(work, args.build, args.engine)
        warm = min([timed(work, args.build, args.engine) for _ in range(args.runs)] or [cold])
        for label, (wall, cpu) in (("cold", cold), ("warm", warm))[: 1 + (args.runs > 0)]:
            print(
                f"{name:25} {label}: {wall:6.2f} s = {counted / wall:>11,.0f} rows/s"
                f" (CPU {cpu:.2f} s = {counted / cpu:,.0f} rows/s)"
            )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"peak RSS of the process: {peak:,.0f} MB")


if __name__ == "__main__":
    main()
