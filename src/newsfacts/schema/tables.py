"""Every table fact, read from the Frictionless Table Schemas in schema/ (one per table).

Column order, keys, enums, the record-id rule, the span tables and the Arrow and pandas
types are derived here from those files; nothing else states them. The pydantic models
(models.py) are checked against them field by field (tests/test_schema_drift.py).
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pyarrow as pa

TABLES = ("articles", "actors", "mentions", "quotes", "statistics", "corrections")  # file order

Row = tuple[Any, ...]  # one record: its values in the table's column order
Rows = dict[str, list[Row]]  # table name -> rows

# The key newsfacts writes at the top of each package's datapackage.json: `validate` checks a
# package carrying it against the schema/ contract (validate/subjects.py says when else).
CONTRACT_MARKER = "newsfacts"
CONTRACT_VALUE = {"contract": "schema/"}
LIST_SEPARATOR = " | "  # between the values of a list kept in one string column

# Frictionless's default spellings of a boolean in CSV (Table Schema `trueValues`/`falseValues`)
TRUE_VALUES = ("true", "True", "TRUE", "1")
FALSE_VALUES = ("false", "False", "FALSE", "0")

ARROW_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
}

# An enum field's type in Parquet: its values stored once, each cell an index into them, which
# pandas, polars and Arrow read as a categorical (DuckDB and Hugging Face: as strings).
ENUM_ARROW_TYPE = pa.dictionary(pa.int32(), pa.string())

PANDAS_TYPES: dict[str, str] = {  # what newsfacts.load gives each Frictionless type
    "string": "string",
    "integer": "Int64",
    "number": "float64",
    "boolean": "boolean",
    "date": "datetime64[ns]",
}

SPAN_FIELDS = ("article_id", "start", "end", "text")  # what makes a table a span table


def schema_dir() -> Path:
    """schema/ of the source tree, or the copy packaged inside an installed wheel."""
    packaged = Path(str(resources.files("newsfacts"))) / "_schema"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "schema"


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


def is_enum(field: dict[str, Any]) -> bool:
    return "enum" in field.get("constraints", {})


def arrow_type(field: dict[str, Any]) -> pa.DataType:
    """A field's Arrow type: ENUM_ARROW_TYPE for an enum, else its Frictionless type's."""
    return ENUM_ARROW_TYPE if is_enum(field) else ARROW_TYPES[field["type"]]


def arrow_schema(table: str) -> pa.Schema:
    """Arrow schema with the field descriptions kept as field metadata."""
    return pa.schema(
        [
            pa.field(
                field["name"],
                arrow_type(field),
                nullable=not is_required(field),
                metadata={"description": field["description"]},
            )
            for field in fields(table)
        ],
        metadata={"table": table, "description": table_schema(table)["description"]},
    )


def column(table: str, name: str) -> int:
    """The position of a column in the table's rows."""
    return column_names(table).index(name)


@cache
def primary_key(table: str) -> tuple[str, ...]:
    return tuple(table_schema(table)["primaryKey"])


def enum(table: str, name: str) -> tuple[str, ...]:
    """The values a field allows (its `enum` constraint)."""
    return tuple(field(table, name)["constraints"]["enum"])


def is_span_table(table: str) -> bool:
    """A table whose records carry evidence: article_id, start, end and text."""
    return set(SPAN_FIELDS) <= set(column_names(table))


SPAN_TABLES = tuple(table for table in TABLES if is_span_table(table))

_ID_LETTER = re.compile(r"-(?P<letter>[a-z])-\[0-9\]\+-\[0-9\]\+\$$")


@cache
def id_letter(table: str) -> str:
    """The letter a span table's ids carry, read from its id field's pattern."""
    pattern = field(table, primary_key(table)[0])["constraints"]["pattern"]
    found = _ID_LETTER.search(pattern)
    if found is None:
        raise ValueError(f"schema/{table}.json: the id pattern gives no record letter")
    return found["letter"]


def record_id(table: str, article_id: str, start: int, end: int) -> str:
    """A span record's id, `<article_id>-<letter>-<start>-<end>`: stable across rebuilds."""
    return f"{article_id}-{id_letter(table)}-{start}-{end}"
