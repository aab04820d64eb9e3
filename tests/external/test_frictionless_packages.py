"""On other people's data packages (the Frictionless sdist's data/ folder, fetched at test
time: packages.py), `newsfacts validate` gives stock Frictionless's errors, message for
message, and runs none of the newsfacts contract's checks on them."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfacts.read.files import read_descriptor
from newsfacts.validate import table_checks as compiled
from newsfacts.validate.checks.frictionless_tables import frictionless_problems, table_problems
from newsfacts.validate.run import validate

from .packages import data_folder, descriptors

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def external() -> list[Path]:
    return descriptors(data_folder())


def errors(problems: list) -> list[tuple[str, int | None, str | None, str]]:  # type: ignore[type-arg]
    return [(p.table, p.row, p.field or None, p.message) for p in problems]


def test_the_fast_engine_gives_stock_frictionless_errors(external: list[Path]) -> None:
    assert len(external) >= 30  # the sdist's descriptors with local data
    compiled_packages = 0
    for path in external:
        descriptor = read_descriptor(path.parent, path.name)
        stock = errors(frictionless_problems(path.parent, path.name))
        fast = errors(table_problems(path.parent, descriptor, "fast", None, path.name))
        assert fast == stock, path
        try:
            compiled.package_problems(path.parent, descriptor, None, path.name)
            compiled_packages += 1
        except compiled.Irregular:
            pass  # left to stock Frictionless: a format, dialect or type not compiled
    assert compiled_packages >= 5, "the fast engine itself must be compared on some"


def test_validate_reports_only_frictionless_errors_on_other_packages(external: list[Path]) -> None:
    for path in external:
        stock = errors(frictionless_problems(path.parent, path.name))
        assert errors(validate(path, "fast", while_builds_swap=False)) == stock, path
