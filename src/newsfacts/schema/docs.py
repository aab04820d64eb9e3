"""Documentation generated from schema/: the tables and columns, as Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsfacts import schema
from newsfacts.errors import NewsfactsError


def _constraints(field: dict[str, Any]) -> str:
    constraints = field.get("constraints", {})
    parts = []
    if constraints.get("required"):
        parts.append("required")
    if constraints.get("unique"):
        parts.append("unique")
    if "enum" in constraints:
        parts.append("one of " + ", ".join(f"`{v}`" for v in constraints["enum"]))
    if "minimum" in constraints:
        parts.append(f"≥ {constraints['minimum']}")
    if "maximum" in constraints:
        parts.append(f"≤ {constraints['maximum']}")
    if "pattern" in constraints:
        parts.append(f"pattern `{constraints['pattern']}`")
    return "; ".join(parts)


def _keys(table: str) -> str:
    descriptor = schema.table_schema(table)
    keys = [f"Primary key: `{', '.join(descriptor['primaryKey'])}`."]
    for key in descriptor.get("foreignKeys", []):
        reference = key["reference"]
        keys.append(f"`{key['fields'][0]}` → `{reference['resource']}.{reference['fields'][0]}`.")
    return " ".join(keys)


def table_markdown(table: str, rows: int | None = None) -> str:
    heading = (
        f"### {table}" if rows is None else f"### {table} ({rows:,} row{'' if rows == 1 else 's'})"
    )
    lines = [
        heading,
        "",
        schema.table_schema(table)["description"],
        "",
        _keys(table),
        "",
        "| column | type | constraints | description |",
        "|---|---|---|---|",
    ]
    for field in schema.fields(table):
        description = field["description"].replace("|", "\\|")
        constraints = _constraints(field).replace("|", "\\|")
        lines.append(f"| `{field['name']}` | {field['type']} | {constraints} | {description} |")
    return "\n".join(lines)


def schema_markdown() -> str:
    return "\n\n".join(table_markdown(table) for table in schema.TABLES) + "\n"


README_START, README_END = "<!-- schema:start -->", "<!-- schema:end -->"


def update_readme(path: Path) -> bool:
    """Rewrite the tables section of a README between its markers; True when it changed."""
    text = path.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        raise NewsfactsError(f"{path}: no {README_START} ... {README_END} section to update")
    head, rest = text.split(README_START, 1)
    _, tail = rest.split(README_END, 1)
    updated = f"{head}{README_START}\n{schema_markdown()}{README_END}{tail}"
    path.write_text(updated, encoding="utf-8")
    return updated != text
