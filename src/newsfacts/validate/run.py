"""Validation of published packages: every registered check (checks/), and the report.

In: a build folder, a package folder or a datapackage.json, and the engine of Frictionless's
checks ("fast" or "frictionless"). Out: the list of `Problem`s, empty when valid, in the
registry's order (schedule.py): each package's, then the build folder's, then CSV = Parquet.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pyarrow as pa

from newsfacts.errors import NewsfactsError
from newsfacts.read.swap_lock import reading
from newsfacts.validate import batches as streams
from newsfacts.validate.check import Check, Scope
from newsfacts.validate.checks import CHECKS
from newsfacts.validate.key_index import KnownKeys
from newsfacts.validate.problems import Problem
from newsfacts.validate.schedule import Task, dispatched, planned
from newsfacts.validate.subjects import Package, Subjects, subjects_at

ENGINES = ("fast", "frictionless")
WORKERS = min(2, os.cpu_count() or 2)  # checks at once: each holds a few batches of memory
RETURN_AFTER_MS = 1000


OnCheck = Callable[[str, int, int], None]  # (check name, checks done, checks in all)


@contextmanager
def returning_freed_memory() -> Iterator[None]:
    """Arrow allocates from jemalloc, told to give freed memory back to the system within
    RETURN_AFTER_MS, while validation runs: Arrow's default allocator keeps what it freed for
    later, so the peak would hold every thread's largest batches at once. (At once, 0 ms,
    costs about a third more time in page faults, for ~45 MB less peak at 100k articles.)"""
    try:
        pool = pa.jemalloc_memory_pool()
    except NotImplementedError:  # a pyarrow built without jemalloc
        yield
        return
    pa.jemalloc_set_decay_ms(RETURN_AFTER_MS)
    previous = pa.default_memory_pool()
    pa.set_memory_pool(pool)
    try:
        yield
    finally:
        pa.set_memory_pool(previous)


@dataclass(frozen=True)
class Report:
    """A validation: its problems (each naming its check), what was validated, and which
    checks ran on each package ("" for the build folder's and the pair's)."""

    path: Path
    problems: list[Problem]
    subjects: Subjects
    checks_run: dict[str, list[str]]  # package name ("" the build) -> check names, in order

    @property
    def packages(self) -> list[Package]:
        return self.subjects.packages


def checks_run(tasks: list[Task]) -> dict[str, list[str]]:
    ran: dict[str, list[str]] = {}
    for task in tasks:
        on_package = task.check.scope in (Scope.TABLE, Scope.PACKAGE)
        place = task.covers[0].name if on_package else ""
        names = ran.setdefault(place, [])
        if task.check.name not in names:
            names.append(task.check.name)
    return ran


def validation(
    path: Path,
    engine: str = "fast",
    checks: Sequence[Check[Any]] = CHECKS,
    while_builds_swap: bool = True,
    contract: str = "auto",
    on_check: OnCheck | None = None,
    kept_files: frozenset[Path] = frozenset(),
    known_keys: KnownKeys | None = None,
) -> Report:
    """The report on the package(s) at `path`; `validate` says what the arguments do.
    `on_check(name, done, total)` is called as each check's problems are collected."""
    if engine not in ENGINES:
        raise NewsfactsError(f"unknown validation engine {engine!r} (fast or frictionless)")
    streams.cached_digest.cache_clear()  # a file edited since, in the same clock tick: hash again
    with reading(path) if while_builds_swap else nullcontext():
        subjects = subjects_at(path, engine, contract, kept_files, known_keys)
        tasks = planned(subjects, checks)
        with returning_freed_memory(), ThreadPoolExecutor(max_workers=WORKERS) as pool:
            dispatched(tasks, pool)
            problems = []
            for done, task in enumerate(tasks, 1):
                problems += [replace(p, check=task.check.name) for p in task.reported()]
                if on_check:
                    on_check(task.check.name, done, len(tasks))
    return Report(path, problems, subjects, checks_run(tasks))


def validate(
    path: Path,
    engine: str = "fast",
    checks: Sequence[Check[Any]] = CHECKS,
    while_builds_swap: bool = True,
    contract: str = "auto",
    on_check: OnCheck | None = None,
    kept_files: frozenset[Path] = frozenset(),
    known_keys: KnownKeys | None = None,
) -> list[Problem]:
    """Every problem with the package(s) at `path`; an empty list means valid.

    engine="fast" runs Frictionless's checks compiled (table_checks.py); "frictionless" runs
    stock frictionless.validate. Both give the same verdicts; the other checks are the same.
    The checks run side by side on WORKERS threads (Arrow and hashing release the GIL); the
    problems come in the same order whatever the timing. `checks`: the registered ones, or
    some of them (a test runs one alone; without FrictionlessTables, which gives the digests,
    CsvEqualsParquet reads every table and each package's spans are checked).
    `while_builds_swap`: hold the swap lock's shared side (read/swap_lock.py) while reading,
    so that a build swapped into `path` meanwhile waits. `contract`: "auto" checks newsfacts
    packages against schema/ too, other packages by Frictionless's checks only (subjects.py
    says how they are told apart); "newsfacts" or "frictionless" decides for every package.
    `kept_files`: table files a rebuild kept from the previous build, which newsfacts wrote
    and validated (package/staging.py keep_unchanged): the fast engine does not guess their
    CSV dialect and header row again (a guess that depends on a file's bytes alone); every
    other check reads them as before. `known_keys`: (table, field) -> values that foreign
    keys may reference besides the rows of the package(s) at `path` (a rebuild validates the
    parts it wrote, whose rows may reference the articles of the parts it kept)."""
    report = validation(
        path, engine, checks, while_builds_swap, contract, on_check, kept_files, known_keys
    )
    return report.problems
