"""ContractTables: every schema/ table is in the package."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsfacts.validate.checks.contract_tables import ContractTables

from . import edit_descriptor, reported


def test_a_valid_build_has_every_table(out: Path) -> None:
    assert reported(out, ContractTables()) == []


def test_a_table_dropped_from_the_descriptor_is_reported(copy: Path) -> None:
    def drop(descriptor: dict[str, Any]) -> None:
        descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "quotes"]

    edit_descriptor(copy / "parquet", drop)
    assert reported(copy, ContractTables()) == ["parquet:quotes: table missing from the package"]
