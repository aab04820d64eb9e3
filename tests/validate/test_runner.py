"""The registry and the runner: every check registered, in its own file, with its own test;
each scheduled from its declarations alone; the problems in registry order whatever the
timing; the CSV package's span problems taken from the Parquet package's when equal."""

from __future__ import annotations

import importlib
import pkgutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsfacts.validate import checks as registry
from newsfacts.validate.check import (
    BuildCheck,
    Check,
    Input,
    PackageCheck,
    PairCheck,
    Scope,
    TableCheck,
)
from newsfacts.validate.checks import CHECKS
from newsfacts.validate.checks.frictionless_tables import FrictionlessTables
from newsfacts.validate.checks.span_texts import SpanTexts
from newsfacts.validate.problems import Problem
from newsfacts.validate.run import validate
from newsfacts.validate.subjects import Build, Package, PackageTable, Pair

from ..test_engines import set_cell

HERE = Path(__file__).parent


def check_modules() -> list[str]:
    return [m.name for m in pkgutil.iter_modules(registry.__path__)]


def test_each_file_in_checks_holds_one_registered_check_with_its_test() -> None:
    registered = {type(check): check for check in CHECKS}
    assert len(registered) == len(CHECKS) == len(check_modules())
    for name in check_modules():
        module = importlib.import_module(f"{registry.__name__}.{name}")
        (kind,) = [
            value
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, Check)
            and value.__module__ == module.__name__
        ]
        assert kind in registered, f"{name}: {kind.__name__} is not in CHECKS"
        assert module.__doc__ and kind.__doc__, f"{name}: say what it checks"
        assert kind.needs and isinstance(kind.scope, Scope)
        assert (HERE / f"test_{name}.py").is_file(), f"{name} has no test"


class Note(PackageCheck):
    """Reports one note per package, after `delay` seconds (to test the report's order)."""

    needs = (Input.DESCRIPTOR,)

    def __init__(self, label: str, delay: float = 0) -> None:
        self.label, self.delay = label, delay

    def problems(self, subject: Package) -> Iterator[Problem]:
        time.sleep(self.delay)
        yield Problem(subject.name, "", None, None, self.label, "note")


class Tables(TableCheck):
    """Names each table."""

    needs = (Input.DESCRIPTOR,)
    inline = True

    def problems(self, subject: PackageTable) -> Iterator[Problem]:
        yield Problem(subject.package.name, subject.name, None, None, "table", "note")


class Folder(BuildCheck):
    """Names the build folder."""

    needs = (Input.BUILD_FILES,)

    def problems(self, subject: Build) -> Iterator[Problem]:
        yield Problem(subject.folder.name, "", None, None, "build", "note")


class Both(PairCheck):
    """Names the pair."""

    needs = (Input.DESCRIPTOR,)

    def problems(self, subject: Pair) -> Iterator[Problem]:
        yield Problem(f"{subject.csv.name}/{subject.parquet.name}", "", None, None, "pair", "note")


def test_problems_come_by_package_then_build_then_pair_in_registry_order(out: Path) -> None:
    checks: list[Check[Any]] = [Both(), Note("slow", 0.2), Folder(), Tables(), Note("fast")]
    found = [str(p) for p in validate(out, "fast", checks)]
    tables = ["articles", "actors", "mentions", "quotes", "statistics", "corrections"]

    def for_package(fmt: str) -> list[str]:
        return [f"{fmt}: slow", *[f"{fmt}:{table}: table" for table in tables], f"{fmt}: fast"]

    assert found == [
        *for_package("csv"),
        *for_package("parquet"),
        "build: build",
        "csv/parquet: pair",
    ]


def test_a_single_package_runs_no_build_or_pair_check(out: Path) -> None:
    checks: list[Check[Any]] = [Both(), Folder(), Note("note")]
    assert [str(p) for p in validate(out / "parquet", "fast", checks)] == ["parquet: note"]


class SeesDigests(PackageCheck):
    """A new check that needs the digests: registered, it starts after the table checks."""

    needs = (Input.DIGESTS,)

    def problems(self, subject: Package) -> Iterator[Problem]:
        yield Problem(subject.name, "", None, None, f"{len(subject.digests)} digests", "note")


def test_a_new_check_gets_what_it_needs_without_touching_the_scheduler(out: Path) -> None:
    checks: list[Check[Any]] = [SeesDigests(), FrictionlessTables()]
    assert [str(p) for p in validate(out, "fast", checks)] == [
        "csv: 6 digests",
        "parquet: 6 digests",
    ]


def test_an_inline_check_may_not_give_inputs(out: Path) -> None:
    class Inline(FrictionlessTables):
        """Gives the digests, but inline."""

        inline = True

    with pytest.raises(ValueError, match="inline"):
        validate(out, "fast", [Inline()])


def test_checks_that_wait_for_each_other_are_refused(out: Path) -> None:
    class Waits(SeesDigests):
        """Needs the digests, and gives them."""

        gives = (Input.DIGESTS,)

    with pytest.raises(ValueError, match="never runs"):
        validate(out / "csv", "fast", [Waits(), Waits()])


@pytest.fixture
def span_runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The packages whose spans were checked (rather than taken from the other package's)."""
    from newsfacts.validate.checks import span_texts

    runs: list[str] = []
    check = span_texts.span_problems

    def counted(package: str, *args: Any) -> list[Problem]:
        runs.append(package)
        return check(package, *args)

    monkeypatch.setattr(span_texts, "span_problems", counted)
    return runs


def test_csv_spans_are_the_parquet_spans_when_the_tables_agree(
    copy: Path, span_runs: list[str]
) -> None:
    assert validate(copy) == []
    assert span_runs == ["parquet"]
    span_runs.clear()
    assert validate(copy, "frictionless") == []  # no digests: both checked
    assert sorted(span_runs) == ["csv", "parquet"]


def test_csv_spans_are_checked_when_the_tables_differ(copy: Path, span_runs: list[str]) -> None:
    set_cell("quotes", 1, "start", "438")(copy)
    found = [str(p) for p in validate(copy, "fast", [FrictionlessTables(), SpanTexts()])]
    assert sorted(span_runs) == ["csv", "parquet"]
    (span,) = [p for p in found if p.endswith(" is not the record's text")]
    assert span.startswith("csv:quotes row 2 field text: text[438:545]")
