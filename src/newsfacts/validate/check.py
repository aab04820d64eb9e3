"""What a check declares: its scope, the inputs it needs and gives, and the problems it yields.

In: nothing; this module only defines. Out: `Scope`, `Input`, and the base classes a check
subclasses, one per scope: `TableCheck`, `PackageCheck`, `PairCheck`, `BuildCheck`.
A check is one class in checks/, registered in checks/__init__.py; the runner (run.py,
schedule.py) schedules it from these declarations alone.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from enum import Enum
from typing import ClassVar, Generic, TypeVar

from newsfacts.validate.problems import Problem
from newsfacts.validate.subjects import Build, Package, PackageTable, Pair


class Scope(Enum):
    """What one run of a check looks at."""

    TABLE = "each table of each package"
    PACKAGE = "each package"
    PAIR = "the CSV and Parquet packages of a build, side by side"
    BUILD = "the build folder"


class Input(Enum):
    """What a check reads. The files are there before validation starts; DIGESTS and
    TABLES_READ are computed by the check that gives them (and held by its `Package`)."""

    DESCRIPTOR = "the package's datapackage.json: its resources and their schemas"
    TABLE_FILES = "the package's table files"
    ARTICLE_TEXTS = "the articles table's texts, and the span tables"
    BUILD_FILES = "every file of the build folder: SHA256SUMS, the zips, the package folders"
    DIGESTS = "a digest of each table's typed values (Package.digests)"
    TABLES_READ = "whether the span check could read the package's tables (Package.tables_read)"


SubjectT = TypeVar("SubjectT", PackageTable, Package, Pair, Build)


class Check(ABC, Generic[SubjectT]):
    """One check. A subclass says, in its docstring, what it guards, and declares:

    - `needs`: the inputs it reads. It starts once the checks that give them are done.
    - `gives`: the inputs it computes for other checks, on its subject's `Package`.
    - `reported_only_if`: flags (TABLES_READ) of its packages; while one is false its
      problems are left out (what could not be read is reported once, by the check that
      found it so). It starts without waiting for them.
    - `decided_by_tables`: the tables whose values alone decide its problems. In a build,
      the Parquet package's problems then stand for the CSV package's when those tables
      hold the same values in both (their digests agree) and could be read (TABLES_READ).
    - `inline`: cheap, it runs on the thread that collects the problems, when their turn
      comes, rather than on the pool; it gives nothing.
    - `contract`: "newsfacts" (the default) runs on newsfacts packages only (subjects.py says
      how they are recognised); "frictionless" on every package.
    """

    scope: ClassVar[Scope]
    needs: ClassVar[tuple[Input, ...]]
    gives: ClassVar[tuple[Input, ...]] = ()
    reported_only_if: ClassVar[tuple[Input, ...]] = ()
    decided_by_tables: ClassVar[tuple[str, ...]] = ()
    inline: ClassVar[bool] = False
    contract: ClassVar[str] = "newsfacts"

    @property
    def name(self) -> str:
        return type(self).__name__

    @abstractmethod
    def problems(self, subject: SubjectT) -> Iterator[Problem]:
        """The problems with `subject`, in the order they are reported."""


class TableCheck(Check[PackageTable]):
    """Runs on each resource of each package, in the descriptor's order."""

    scope = Scope.TABLE


class PackageCheck(Check[Package]):
    scope = Scope.PACKAGE


class PairCheck(Check[Pair]):
    scope = Scope.PAIR


class BuildCheck(Check[Build]):
    scope = Scope.BUILD


def flag(package: Package, name: Input) -> bool:
    """The value of a flag input (one a check may be `reported_only_if`) for `package`."""
    if name is Input.TABLES_READ:
        return package.tables_read
    raise ValueError(f"{name} is not a flag")
