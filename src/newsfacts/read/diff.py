"""What changed between two published packages: rows added, removed and changed, by primary key."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from newsfacts import schema
from newsfacts.read.frames import load_newsfacts, plain_value


@dataclass
class Change:
    key: str
    fields: dict[str, tuple[Any, Any]]  # field -> (old, new)


@dataclass
class TableDiff:
    table: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.removed or self.changed)


def _keyed(frame: pd.DataFrame, table: str) -> dict[str, dict[str, Any]]:
    key = schema.table_schema(table)["primaryKey"][0]
    return {
        str(row[key]): {column: plain_value(row[column]) for column in frame.columns}
        for row in frame.to_dict("records")
    }


def diff_table(table: str, old: pd.DataFrame, new: pd.DataFrame) -> TableDiff:
    before, after = _keyed(old, table), _keyed(new, table)
    result = TableDiff(
        table, sorted(after.keys() - before.keys()), sorted(before.keys() - after.keys())
    )
    for key in sorted(before.keys() & after.keys()):
        fields = {
            name: (before[key][name], after[key].get(name))
            for name in before[key]
            if before[key][name] != after[key].get(name)
        }
        if fields:
            result.changed.append(Change(key, fields))
    return result


def diff(old: str, new: str, fmt: str | None = None) -> list[TableDiff]:
    """Compare two packages (folders, zips or URLs), each verified by its hashes first."""
    before, after = load_newsfacts(old, format=fmt), load_newsfacts(new, format=fmt)
    return [diff_table(t, before[t], after[t]) for t in schema.TABLES]


def as_dict(diffs: list[TableDiff]) -> dict[str, Any]:
    return {
        d.table: {
            "added": d.added,
            "removed": d.removed,
            "changed": [
                {"key": c.key, "fields": {k: list(v) for k, v in c.fields.items()}}
                for c in d.changed
            ],
        }
        for d in diffs
    }
