"""Scheduling the registered checks: what each runs on, after what, and on which thread.

In: the subjects found at the validated path (subjects.py) and the checks (checks/CHECKS).
Out: `Task`s in the order of the report, each giving its check's problems with its subjects.

A table or package check runs once per package (a table check over the package's tables in
turn), a build check once on the build folder, a pair check once on the CSV and Parquet
packages. Only the checks' declarations (check.py) decide when: a task starts on the pool
once the tasks giving what it needs are done, in report order; an inline task runs when its
problems are collected. The problems come in the same order whatever the timing.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import dataclass, field, replace
from typing import Any

from newsfacts.validate.check import Check, Input, Scope, flag
from newsfacts.validate.problems import Problem
from newsfacts.validate.subjects import Package, PackageTable, Subjects


@dataclass(eq=False)
class Task:
    """One check on its subjects (a table check: each table of one package)."""

    check: Check[Any]
    subjects: list[Any]
    covers: tuple[Package, ...]  # the packages its subjects belong to
    waits_for: list[Task] = field(default_factory=list)  # they give what it needs
    gated_by: list[Task] = field(default_factory=list)  # they give its reported_only_if flags
    twin: Task | None = None  # the same check on the Parquet package, for the CSV package's
    future: Future[list[Problem]] | None = None  # once started on the pool

    def run(self) -> list[Problem]:
        return [problem for subject in self.subjects for problem in self.check.problems(subject)]

    def ready(self) -> bool:
        return all(task.future is not None and task.future.done() for task in self.waits_for)

    def start(self, pool: Executor) -> None:
        """On the pool; or done at once, when its twin's problems stand for its own."""
        reused = self.twin_problems()
        if reused is None:
            self.future = pool.submit(self.run)
            return
        self.future = Future()
        self.future.set_result(reused)

    def twin_problems(self) -> list[Problem] | None:
        """The Parquet package's problems, relabelled for the CSV package, when the tables that
        decide them hold the same values in both and could be read there (else None)."""
        twin = self.twin
        if twin is None or twin.future is None or twin.future.exception() is not None:
            return None
        (mine,), (theirs,) = self.covers, twin.covers
        if not flag(theirs, Input.TABLES_READ):
            return None
        if not mine.same_values_as(theirs, self.check.decided_by_tables):
            return None
        return [replace(problem, package=mine.name) for problem in twin.future.result()]

    def reported(self) -> list[Problem]:
        """Its problems, once done (an inline task runs now); none while one of its
        reported_only_if flags is false for one of its packages."""
        wait([task.future for task in self.waits_for + self.gated_by if task.future is not None])
        flags = self.check.reported_only_if
        if not all(flag(package, name) for package in self.covers for name in flags):
            return []
        return self.run() if self.future is None else self.future.result()


def tasks_of(subjects: Subjects, checks: Sequence[Check[Any]]) -> list[Task]:
    """One task per check and subject, in report order: each package's table and package
    checks (only Frictionless's on a package that is not a newsfacts one), then the build
    folder's, then the pair's; each in the order of `checks`."""
    tasks = []
    for package in subjects.packages:
        for check in checks:
            if check.contract != "frictionless" and package.contract != "newsfacts":
                continue  # a newsfacts check, on another package
            if check.scope is Scope.TABLE:
                tables = [PackageTable(package, resource) for resource in package.resources]
                tasks.append(Task(check, tables, (package,)))
            elif check.scope is Scope.PACKAGE:
                tasks.append(Task(check, [package], (package,)))
    for scope, subject in ((Scope.BUILD, subjects.build), (Scope.PAIR, subjects.pair)):
        if subject is not None:
            tasks += [Task(c, [subject], subject.packages) for c in checks if c.scope is scope]
    return tasks


def givers(
    tasks: list[Task], inputs: tuple[Input, ...], packages: tuple[Package, ...]
) -> list[Task]:
    """The tasks that give one of `inputs` about one of `packages`."""
    return [
        task
        for task in tasks
        if set(task.check.gives) & set(inputs) and set(task.covers) & set(packages)
    ]


def planned(subjects: Subjects, checks: Sequence[Check[Any]]) -> list[Task]:
    """The tasks, each linked to the tasks it waits for (and to its twin)."""
    tasks = tasks_of(subjects, checks)
    for task in tasks:
        check = task.check
        if check.inline and check.gives:
            raise ValueError(f"{check.name}: an inline check gives nothing to other checks")
        task.waits_for = [t for t in givers(tasks, check.needs, task.covers) if t is not task]
        task.gated_by = givers(tasks, check.reported_only_if, task.covers)
        pair = subjects.pair
        if check.decided_by_tables and pair is not None and task.covers == (pair.csv,):
            task.twin = next(t for t in tasks if t.check is check and t.covers == (pair.parquet,))
            task.waits_for += [task.twin, *givers(tasks, (Input.DIGESTS,), pair.packages)]
    return tasks


def dispatched(tasks: list[Task], pool: Executor) -> None:
    """Starts each pooled task, in report order, once the tasks it waits for are done;
    returns when every one has started."""
    waiting = [task for task in tasks if not task.check.inline]
    while waiting:
        ready = [task for task in waiting if task.ready()]
        for task in ready:
            task.start(pool)
        waiting = [task for task in waiting if task not in ready]
        if waiting and not ready:
            running = [t.future for t in tasks if t.future is not None and not t.future.done()]
            if not running:
                raise ValueError(f"{waiting[0].check.name} waits for a check that never runs")
            wait(running, return_when=FIRST_COMPLETED)
