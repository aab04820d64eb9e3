"""The contract: Frictionless Table Schemas in schema/, one per table.

Everything else derives from these files: the CSV column order, the Arrow schema
of the Parquet files, and (checked by a test) the pydantic record models.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pyarrow as pa

TABLES = ("articles", "actors", "mentions", "quotes", "statistics", "corrections")

ARROW_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
}


def schema_dir() -> Path:
    """schema/ of the source tree, or the copy packaged inside an installed wheel."""
    packaged = Path(str(resources.files("newsfacts"))) / "_schema"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "schema"


@cache
def table_schema(table: str) -> dict[str, Any]:
    """The Table Schema descriptor of one table, as a dict."""
    path = schema_dir() / f"{table}.json"
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


def resource_schema(table: str) -> dict[str, Any]:
    """The schema as a package descriptor carries it (the table's description sits on the
    resource)."""
    return {k: v for k, v in table_schema(table).items() if k != "description"}


def fields(table: str) -> list[dict[str, Any]]:
    return list(table_schema(table)["fields"])


def field(table: str, name: str) -> dict[str, Any]:
    return next(f for f in fields(table) if f["name"] == name)


def column_names(table: str) -> list[str]:
    """Column order of the table's CSV and Parquet files."""
    return [field["name"] for field in fields(table)]


def is_required(field: dict[str, Any]) -> bool:
    return bool(field.get("constraints", {}).get("required", False))


def arrow_schema(table: str) -> pa.Schema:
    """Arrow schema with the field descriptions kept as field metadata."""
    return pa.schema(
        [
            pa.field(
                field["name"],
                ARROW_TYPES[field["type"]],
                nullable=not is_required(field),
                metadata={"description": field["description"]},
            )
            for field in fields(table)
        ],
        metadata={"table": table, "description": table_schema(table)["description"]},
    )
