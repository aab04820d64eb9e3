"""One column of a batch read as Frictionless 5 reads its cells, vectorised.

Frictionless reads a CSV cell (a string) or a Parquet cell (a Python value, by way of pandas)
with the field's value reader, then checks the field's constraints. Here the common cells are
parsed and checked with pyarrow.compute; a cell the fast path cannot decide exactly (a number
written unusually, a non-ASCII value under a pattern, a Parquet column of another type) is
handed to Frictionless's own cell reader, so the verdict is the same cell by cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frictionless
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from newsfacts.read.files import resource_paths
from newsfacts.schema import ARROW_TYPES, FALSE_VALUES, TRUE_VALUES
from newsfacts.validate import batches as streams

Mask = np.ndarray[Any, np.dtype[np.bool_]]

# Strings the fast path parses; anything else goes to Frictionless's reader.
PLAIN_INTEGER = r"^-?[0-9]{1,18}$"
PLAIN_NUMBER = r"^-?[0-9]{1,20}(\.[0-9]{1,20})?([eE][-+]?[0-9]{1,2})?$"
PLAIN_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


@dataclass
class Cells:
    """A column read: values in the field's Arrow type (null when missing or not parsed)."""

    values: pa.Array
    missing: Mask  # no value, and no type error
    type_error: Mask
    violated: dict[str, Mask] = field(default_factory=dict)  # constraint name -> cells
    column: pa.Array | None = None  # the cells as read, before parsing
    sources: list[Any] | None = None  # a non-string column's cells as Frictionless reads them

    def source_text(self, index: int) -> str:
        """A cell as Frictionless names it in an error: str() of the cell as read (a CSV
        string, or the Python value Frictionless's Parquet reader yields)."""
        if self.column is None:
            value = self.values[index].as_py()
            return "" if value is None else str(value)
        if pa.types.is_string(self.column.type) or pa.types.is_large_string(self.column.type):
            return str(self.column[index].as_py())
        if self.sources is None:  # the whole column: pandas types it by all its values
            self.sources = python_cells(self.column)
        return str(self.sources[index])


def as_mask(array: pa.Array | pa.ChunkedArray) -> Mask:
    filled = pc.fill_null(array, False)
    return np.asarray(filled.to_numpy(zero_copy_only=False), dtype=bool)


def read_column(spec: dict[str, Any], column: pa.Array, constraints: bool = True) -> Cells:
    """Cells of one field, from a CSV string column or a Parquet column; without
    `constraints`, only the values (for the checks that compare them)."""
    kind = spec["type"]
    if pa.types.is_dictionary(column.type):  # an enum written as a dictionary: its values
        column = column.dictionary_decode()
    if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
        cells = read_strings(kind, column.cast(pa.string()))
    elif column.type == ARROW_TYPES.get(kind):
        cells = read_native(kind, column)
    else:
        cells = read_python(spec, python_cells(column))
        cells.column = column
        return cells
    if constraints:
        check_constraints(spec, cells)
    cells.column = column
    return resolve_undecided(spec, column, cells)


def read_strings(kind: str, column: pa.Array) -> Cells:
    missing = as_mask(pc.or_kleene(pc.is_null(column), pc.equal(column, "")))
    if kind in ("string", "any"):  # "any": a column the header has no field for
        if missing.any():
            column = pc.if_else(pa.array(missing), pa.scalar(None, pa.string()), column)
        return Cells(column, missing, np.zeros(len(column), dtype=bool))
    if kind == "boolean":
        known = as_mask(pc.is_in(column, pa.array([*TRUE_VALUES, *FALSE_VALUES])))
        truth = pc.is_in(column, pa.array(list(TRUE_VALUES)))
        values = pc.if_else(pa.array(known), truth, pa.scalar(None, pa.bool_()))
        return Cells(values, missing, ~known & ~missing)
    fast = plain_cells(kind, column)
    values = parse_plain(kind, pc.if_else(pa.array(fast), column, pa.scalar(None, pa.string())))
    if kind == "date":  # Arrow rolls 2023-02-30 over to March: keep only exact round trips
        fast &= as_mask(pc.equal(pc.strftime(values, format="%Y-%m-%d"), column))
        values = pc.if_else(pa.array(fast), values, pa.scalar(None, values.type))
    cells = Cells(values, missing, np.zeros(len(column), dtype=bool))
    cells.violated["undecided"] = ~fast & ~missing
    return cells


def plain_cells(kind: str, column: pa.Array) -> Mask:
    """The cells written plainly (PLAIN_INTEGER, ...). Digits alone, the most common cells
    of numbers, are told by a kernel cheaper than the regex, which reads only the others."""
    plain = {"integer": PLAIN_INTEGER, "number": PLAIN_NUMBER, "date": PLAIN_DATE}[kind]
    if kind == "date":
        return as_mask(pc.match_substring_regex(column, plain))
    digits = 18 if kind == "integer" else 20
    fast = as_mask(
        pc.and_(pc.ascii_is_decimal(column), pc.less_equal(pc.binary_length(column), digits))
    )
    others = np.flatnonzero(~fast)
    if len(others):
        rest = column.take(pa.array(others))
        fast[others] = as_mask(pc.match_substring_regex(rest, plain))
    return fast


def parse_plain(kind: str, strings: pa.Array) -> pa.Array:
    if kind == "integer":
        return strings.cast(pa.int64())
    if kind == "number":
        return strings.cast(pa.float64())
    stamps = pc.strptime(strings, format="%Y-%m-%d", unit="s", error_is_null=True)
    return stamps.cast(pa.date32())


def read_native(kind: str, column: pa.Array) -> Cells:
    """A Parquet column of the field's own type, as Frictionless sees it through pandas: a
    null integer becomes NaN (a type error), a null number NaN (a valid number)."""
    nulls = as_mask(pc.is_null(column))
    none = np.zeros(len(column), dtype=bool)
    if kind == "integer":
        return Cells(column, none, nulls)
    if kind == "number":
        return Cells(column, none, none)
    return Cells(column, nulls, none)


def check_constraints(spec: dict[str, Any], cells: Cells) -> None:
    """Each constraint's violations, in the order Frictionless checks them."""
    constraints = spec.get("constraints", {})
    present = ~cells.missing & ~cells.type_error
    values = cells.values
    if constraints.get("required"):
        cells.violated["required"] = cells.missing.copy()
    for name, compare in (("minLength", pc.less), ("maxLength", pc.greater)):
        if name in constraints:
            lengths = pc.utf8_length(values)
            cells.violated[name] = present & as_mask(compare(lengths, constraints[name]))
    for name, compare in (("minimum", pc.less), ("maximum", pc.greater)):
        if name in constraints:
            cells.violated[name] = present & as_mask(compare(values, constraints[name]))
    if "pattern" in constraints:
        pattern = f"^{constraints['pattern']}$"  # as Frictionless compiles it
        exact = re2_agrees(values, pattern)
        matches = as_mask(pc.match_substring_regex(values, pattern))
        cells.violated["pattern"] = present & exact & ~matches
        undecided = cells.violated.get("undecided", np.zeros(len(values), dtype=bool))
        cells.violated["undecided"] = undecided | (present & ~exact)
    if "enum" in constraints:
        allowed = pa.array(constraints["enum"]).cast(values.type)
        cells.violated["enum"] = present & ~as_mask(pc.is_in(values, allowed))


def re2_agrees(values: pa.Array, pattern: str) -> Mask:
    r"""Cells on which Arrow's RE2 and Python's re agree about `pattern`: RE2's $ does not
    match before a final newline, and its \d, \w, \s and \b are ASCII only (its \s also
    leaves out \v and \x1c-\x1f)."""
    exact = ~as_mask(pc.ends_with(values, "\n"))
    if re.search(r"\\[dDwWsSbB]", pattern):
        exact &= as_mask(pc.string_is_ascii(values))
    if re.search(r"\\[sS]", pattern):
        exact &= ~as_mask(pc.match_substring_regex(values, "[\\x0b\\x1c-\\x1f]"))
    return exact


def resolve_undecided(spec: dict[str, Any], column: pa.Array, cells: Cells) -> Cells:
    """Cells the fast path could not decide, read by Frictionless's own cell reader."""
    undecided = cells.violated.pop("undecided", None)
    if undecided is None or not undecided.any():
        return cells
    where = np.flatnonzero(undecided)
    exact = read_python(spec, column.take(pa.array(where)).to_pylist())
    cells.type_error[where] = exact.type_error
    cells.missing[where] = exact.missing
    for name in {*cells.violated, *exact.violated}:
        mask = cells.violated.setdefault(name, np.zeros(len(column), dtype=bool))
        mask[where] = exact.violated.get(name, np.zeros(len(where), dtype=bool))
    replace = np.zeros(len(column), dtype=bool)
    replace[where] = True
    cells.values = pc.replace_with_mask(cells.values, pa.array(replace), exact.values)
    return cells


def frictionless_field(spec: dict[str, Any]) -> Any:
    return frictionless.Field.from_descriptor(spec)


def read_python(spec: dict[str, Any], cells: list[Any]) -> Cells:
    """Cells read one by one by Frictionless's cell reader (the exact, slow path)."""
    reader = frictionless_field(spec).create_cell_reader()
    size = len(cells)
    missing, type_error = np.zeros(size, dtype=bool), np.zeros(size, dtype=bool)
    violated: dict[str, Mask] = {}
    values: list[Any] = []
    for index, cell in enumerate(cells):
        value, notes = reader(cell)
        notes = dict(notes or {})
        type_error[index] = notes.pop("type", None) is not None
        missing[index] = value is None and not type_error[index]
        for name in notes:
            violated.setdefault(name, np.zeros(size, dtype=bool))[index] = True
        values.append(arrow_value(value, spec["type"]))
    arrow_type = ARROW_TYPES.get(spec["type"], pa.string())
    return Cells(pa.array(values, type=arrow_type), missing, type_error, violated)


def arrow_value(value: Any, kind: str) -> Any:
    """A parsed value as the field's Arrow type holds it; None if it does not fit."""
    if value is None:
        return None
    if kind == "integer":
        return value if -(2**63) <= value < 2**63 else None
    if kind == "number":
        return float(value)
    if kind == "any":
        return str(value)
    return value


def python_cells(column: pa.Array) -> list[Any]:
    """A Parquet column's cells as Frictionless's Parquet reader yields them (via pandas)."""
    series = pd.Series(column.to_pandas())
    cells = []
    for value in series.tolist():
        if value is np.nan:
            value = None
        elif isinstance(value, pd.Timestamp):
            value = value.to_pydatetime()
        cells.append(value)
    return cells


def typed_batches(
    folder: Path, resource: dict[str, Any], names: tuple[str, ...] | None = None
) -> Iterator[dict[str, pa.Array]]:
    """Batches of a table's columns in their field types (a value that does not parse: null)."""
    fields = resource["schema"]["fields"]
    wanted = [f for f in fields if names is None or f["name"] in names]
    all_names = [f["name"] for f in fields]
    reading = None if names is None else [f["name"] for f in wanted]
    for path in resource_paths(folder, resource):
        for batch in streams.table_batches(path, all_names, reading):
            yield {f["name"]: read_column(f, batch.column(f["name"]), False).values for f in wanted}


def length(batch: dict[str, pa.Array] | None) -> int:
    return len(next(iter(batch.values()))) if batch else 0


def slice_of(batch: dict[str, pa.Array], start: int, size: int | None) -> dict[str, pa.Array]:
    return {name: column.slice(start, size) for name, column in batch.items()}
