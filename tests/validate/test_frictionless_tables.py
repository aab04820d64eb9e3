"""FrictionlessTables: Frictionless's checks of each table, by either engine; gives digests.

(tests/test_engines.py holds the suite of broken packages on which both engines agree.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfacts.validate.checks.frictionless_tables import FrictionlessTables
from newsfacts.validate.subjects import subjects_at

from ..test_engines import CSV_CASES, PARQUET_CASES
from . import reported


@pytest.mark.parametrize("engine", ["fast", "frictionless"])
def test_a_valid_build_passes_frictionless(out: Path, engine: str) -> None:
    assert reported(out, FrictionlessTables(), engine) == []


@pytest.mark.parametrize("engine", ["fast", "frictionless"])
def test_a_value_outside_its_enum_is_reported_by_either_engine(copy: Path, engine: str) -> None:
    CSV_CASES["enum"](copy)
    (problem,) = reported(copy, FrictionlessTables(), engine)
    assert problem.startswith("csv:actors row 2 field kind: constraint-error: ")


def test_a_foreign_key_to_a_missing_actor_is_reported(copy: Path) -> None:
    PARQUET_CASES["foreign-key-actor"](copy)
    (problem,) = reported(copy, FrictionlessTables())
    assert problem.startswith("parquet:mentions row 2: foreign-key: ")


def test_the_fast_engine_gives_each_table_a_digest(out: Path) -> None:
    for package in subjects_at(out, "fast").packages:
        assert list(FrictionlessTables().problems(package)) == []
        assert package.digests.keys() == package.tables.keys()


def test_stock_frictionless_gives_no_digests(out: Path) -> None:
    (package,) = subjects_at(out / "csv", "frictionless").packages
    assert list(FrictionlessTables().problems(package)) == []
    assert package.digests == {}
