"""Reading a published package back as pandas DataFrames, after its files are checked."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq

from newsfacts.errors import NewsfactsError
from newsfacts.read import download as remote
from newsfacts.read.download import OnBytes, local_package
from newsfacts.read.files import read_descriptor, resource_file_problems, resource_path
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
    """One resource as a DataFrame with the dtypes its schema gives."""
    path = resource_path(folder, resource)
    fields = resource["schema"]["fields"]
    if resource.get("format") == "parquet" or path.suffix == ".parquet":
        frame = pq.read_table(path).to_pandas()
    else:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    return pd.DataFrame({f["name"]: _convert(frame[f["name"]], f["type"]) for f in fields})


def _convert(column: pd.Series, field_type: str) -> Any:
    """A column in the dtype the schema gives its Frictionless type (schema.PANDAS_TYPES),
    whether read from CSV or Parquet. A cell that does not parse becomes missing; Frictionless
    reports it with row and field."""
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


def verify(folder: Path, descriptor: dict[str, Any]) -> None:
    """Every resource file is there with the bytes and hash the descriptor gives."""
    problems = [
        p for r in descriptor.get("resources", []) for p in resource_file_problems(folder, r)
    ]
    if problems:
        raise NewsfactsError(f"{folder}: {problems[0]}")


def categorical(frame: pd.DataFrame, resource: dict[str, Any]) -> pd.DataFrame:
    """Enum fields as pandas categoricals, with every allowed value as a category."""
    for field in resource["schema"]["fields"]:
        values = field.get("constraints", {}).get("enum")
        if values:
            frame[field["name"]] = pd.Categorical(frame[field["name"]], categories=values)
    return frame


def load(
    source: str | Path, format: str = "parquet", on_bytes: OnBytes | None = None
) -> dict[str, pd.DataFrame]:
    """The tables of a package keyed by name, after every file's hash has been checked.

    `source` is a package folder, a build folder, a datapackage.json, a zip, or an http(s) URL
    of a zip or of a datapackage.json. Enums load as categoricals, nullable integers as Int64,
    dates as datetime64.
    """
    with local_package(source, format, on_bytes) as folder:
        descriptor = read_descriptor(folder)
        verify(folder, descriptor)
        return {r["name"]: categorical(read_table(folder, r), r) for r in descriptor["resources"]}


def download(source: str, to: Path, on_bytes: OnBytes | None = None) -> Path:
    """Download a release (a zip or a datapackage.json URL) into `to`, verified before it is
    moved there: a bad download leaves `to` as it was."""
    with tempfile.TemporaryDirectory(prefix="newsfacts-") as tmp:
        saved = remote.fetch(source, Path(tmp) / "download", on_bytes)
        with local_package(str(saved), "parquet") as folder:
            verify(folder, read_descriptor(folder))
        to.mkdir(parents=True, exist_ok=True)
        if saved.is_file():
            return Path(shutil.move(saved, to / saved.name))
        for path in sorted(saved.rglob("*")):
            if path.is_file():
                destination = to / path.relative_to(saved)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(path, destination)
        return to
