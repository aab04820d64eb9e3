"""ContractSchemas: each table's schema in the descriptor is the schema/ contract's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsfacts.validate.checks.contract_schemas import ContractSchemas

from . import edit_descriptor, reported, resource


def test_a_valid_build_has_the_contract_schemas(out: Path) -> None:
    assert reported(out, ContractSchemas()) == []


def test_a_loosened_field_is_reported_for_its_table_only(copy: Path) -> None:
    def loosen(descriptor: dict[str, Any]) -> None:
        fields = resource(descriptor, "quotes")["schema"]["fields"]
        start = next(f for f in fields if f["name"] == "start")
        start.pop("constraints")

    edit_descriptor(copy / "csv", loosen)
    assert reported(copy, ContractSchemas()) == [
        "csv:quotes: schema differs from the schema/ contract"
    ]


def test_a_table_the_contract_does_not_have_is_reported(copy: Path) -> None:
    edit_descriptor(copy / "parquet", lambda d: resource(d, "actors").update(name="people"))
    assert reported(copy / "parquet", ContractSchemas()) == ["parquet:people: table not in schema/"]
