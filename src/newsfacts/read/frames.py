"""Reading a published package back as pandas DataFrames, after its files are checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from newsfacts import schema
from newsfacts.errors import NewsfactsError
from newsfacts.read import download as remote
from newsfacts.read.download import OnBytes, local_package
from newsfacts.read.files import (
    DESCRIPTOR,
    checked_resources,
    read_descriptor,
    resource_file_problems,
    resource_parts,
    resource_paths,
)
from newsfacts.schema import FALSE_VALUES, PANDAS_TYPES, TRUE_VALUES


def plain_value(value: Any) -> Any:
    """A JSON-friendly cell: None for missing, dates as ISO text, numpy scalars as Python."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return value.item() if hasattr(value, "item") else value


BOOLEANS = {value: True for value in TRUE_VALUES} | {value: False for value in FALSE_VALUES}


def read_table(folder: Path, resource: dict[str, Any]) -> pd.DataFrame:
    """One resource (all its parts, in order) as a DataFrame with the dtypes its schema gives;
    a file that does not read as the table its schema describes is one error naming it."""
    fields = resource.get("schema", {}).get("fields", [])
    frames = [read_part(path, resource) for path in resource_paths(folder, resource)]
    frame = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    return pd.DataFrame({f["name"]: frame[f["name"]] for f in fields})


def read_part(path: Path, resource: dict[str, Any]) -> pd.DataFrame:
    try:
        fields = resource["schema"]["fields"]
        if resource.get("format") == "parquet" or path.suffix == ".parquet":
            frame = pq.read_table(path).to_pandas()
        else:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
        return pd.DataFrame({f["name"]: _convert(frame[f["name"]], f["type"]) for f in fields})
    except (KeyError, TypeError, ValueError, pa.ArrowException, OSError) as error:
        problem = f"no column {error}" if isinstance(error, KeyError) else str(error)
        raise NewsfactsError(
            f"{path}: cannot be read as table {resource.get('name')!r} ({problem})"
        ) from None


def _convert(column: pd.Series, field_type: str) -> Any:
    """A column in the dtype the schema gives its Frictionless type (schema.PANDAS_TYPES),
    whether read from CSV or Parquet. A cell that does not parse becomes missing; Frictionless
    reports it with row and field."""
    if field_type not in PANDAS_TYPES:
        raise ValueError(f"unknown field type {field_type!r}")
    dtype = pd.api.types.pandas_dtype(PANDAS_TYPES[field_type])
    if field_type == "date":
        return pd.to_datetime(column, format="%Y-%m-%d", errors="coerce").astype(dtype)
    if field_type == "boolean":
        if pd.api.types.is_bool_dtype(column):
            return column.astype(dtype)
        return column.map(BOOLEANS).astype(dtype)
    if field_type in ("number", "integer"):
        numbers = pd.to_numeric(column, errors="coerce")
        if field_type == "integer":
            numbers = numbers.where(numbers % 1 == 0)
        return numbers.astype(dtype)
    return column.astype(dtype)


def verify(
    folder: Path, descriptor: dict[str, Any], source: str | Path | None = None
) -> list[dict[str, Any]]:
    """The descriptor's resources, once every one has a plain path, a schema, a sha256 hash
    and (but for Parquet) a byte count, and its file is there with those bytes and hash.
    A problem is one error naming `source` (the URL or zip the folder came from) or `folder`."""
    resources = checked_resources(descriptor, str(folder / DESCRIPTOR))
    problems = [p for r in resources for p in resource_file_problems(folder, r)]
    if problems:
        raise NewsfactsError(f"{source or folder}: {problems[0]}")
    return resources


def categorical(frame: pd.DataFrame, resource: dict[str, Any]) -> pd.DataFrame:
    """Enum fields as pandas categoricals, with every allowed value as a category."""
    for field in resource["schema"]["fields"]:
        constraints = field.get("constraints", {})
        values = constraints.get("enum") if isinstance(constraints, dict) else None
        if values:
            try:
                frame[field["name"]] = pd.Categorical(frame[field["name"]], categories=values)
            except (TypeError, ValueError) as error:
                raise NewsfactsError(
                    f"resource {resource['name']!r} field {field['name']!r}: bad enum ({error})"
                ) from None
    return frame


def load(
    source: str | Path, format: str | None = "parquet", on_bytes: OnBytes | None = None
) -> dict[str, pd.DataFrame]:
    """The tables of a package keyed by name, after every file's hash has been checked.

    `source` is a package folder, a build folder, a datapackage.json, a zip, or an http(s) URL
    of a zip or of a datapackage.json. `format` is the package format wanted, csv or parquet
    (a package of the other one is an error); None takes the package's own (in a build folder,
    parquet). Enums load as categoricals, nullable integers as Int64, dates as datetime64.
    """
    if format not in (*PACKAGE_FORMATS, None):
        raise NewsfactsError(f"format {format!r}: not a package format (csv or parquet)")
    with local_package(source, format or "parquet", on_bytes) as folder:
        unpacked = remote.is_url(str(source)) or str(source).endswith(".zip")
        resources = verify(folder, read_descriptor(folder), source if unpacked else None)
        if format:
            local = not unpacked
            _check_format(folder if local else Path(str(source)), resources, format)
        return {r["name"]: categorical(read_table(folder, r), r) for r in resources}


PACKAGE_FORMATS = ("csv", "parquet")


def _check_format(where: Path, resources: list[dict[str, Any]], wanted: str) -> None:
    """A package of the other format is an error, never silently returned instead; `where`
    is what the user named (a zip or URL, not the temporary folder it was unpacked in)."""
    formats = {
        Path(str(part.path)).suffix.lstrip(".").lower()
        for r in resources
        for part in resource_parts(r)
    }
    if formats != {wanted}:
        held = " and ".join(sorted(formats))
        hint = f" (format={held!r})" if len(formats) == 1 else ""
        raise NewsfactsError(f"{where}: holds {held} files, not {wanted}{hint}")


def download(source: str, to: Path, on_bytes: OnBytes | None = None) -> Path:
    """Download a release (an http(s) URL of a zip or of a datapackage.json) into `to`, a new
    or empty folder. Everything is fetched into a temporary folder and verified there first:
    a bad download leaves `to` as it was, and nothing in `to` is ever overwritten. Returns the
    saved zip, or `to` for a descriptor and its resources."""
    if not remote.is_new_or_empty(to):
        raise NewsfactsError(f"{to}: not a new or empty folder; download writes only into one")
    with remote.fetch(source, on_bytes) as (saved, folder):
        verify(folder, read_descriptor(folder), source)
        remote.place(saved, to)
        return to / saved.name if saved.is_file() else to


def check_contract(tables: dict[str, pd.DataFrame], where: str) -> None:
    """Every table and column of schema/ is there: what stats, review and diff read. (Any
    Frictionless package loads; these commands need a newsfacts one.)"""
    for table in schema.TABLES:
        if table not in tables:
            raise NewsfactsError(f"{where}: not a newsfacts package: no {table!r} table")
        missing = [c for c in schema.column_names(table) if c not in tables[table].columns]
        if missing:
            raise NewsfactsError(f"{where}: table {table!r} has no column {missing[0]!r}")


def load_newsfacts(source: str | Path, format: str | None = None) -> dict[str, pd.DataFrame]:
    """`load`, for what reads our tables by name (stats, review, diff): a package without
    every table and column of schema/ is one line, not a KeyError."""
    tables = load(source, format)
    check_contract(tables, str(source))
    return tables
