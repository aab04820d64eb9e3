"""A package as an Excel workbook whose text cells are text: safe to open in a spreadsheet.

The data is evidence and stays verbatim, so a quote that begins with "=", "+", "-" or "@" is
published as written, and a spreadsheet opening the CSV would run it as a formula. Here every
string is written as a string cell (never a formula, never a link, never a number), numbers
as numbers, booleans as booleans, dates as ISO text: one sheet per table.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pandas as pd

from newsfacts.errors import NewsfactsError
from newsfacts.read.frames import load

MAX_CELL_CHARS = 32_767  # Excel's limit for one cell
MAX_ROWS = 1_048_575  # Excel's rows per sheet, less the header
FIXED_TIME = dt.datetime(2000, 1, 1)  # the workbook's own dates: no clock in any file


def export_xlsx(source: str | Path, target: Path, fmt: str = "parquet") -> dict[str, int]:
    """Write every table of the package at `source` to `target`; the rows per table."""
    import xlsxwriter  # imported here: only this command needs it

    tables = load(source, fmt)
    check_fits(tables)
    options = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        workbook = xlsxwriter.Workbook(str(target), options)
        workbook.set_properties({"created": FIXED_TIME})
        for name, frame in zip(sheet_names(list(tables)), tables.values(), strict=True):
            write_sheet(workbook.add_worksheet(name), frame)
        workbook.close()
    except (OSError, xlsxwriter.exceptions.XlsxWriterException) as error:
        raise NewsfactsError(f"{target}: cannot write the workbook ({error})") from error
    return {name: len(frame) for name, frame in tables.items()}


def sheet_names(tables: list[str]) -> list[str]:
    """A valid, distinct Excel sheet name for each table: at most 31 characters, none of
    []:*?/\\ (a package from elsewhere may name its tables anything)."""
    names: list[str] = []
    for number, table in enumerate(tables, start=1):
        name = re.sub(r"[\[\]:*?/\\']", "_", table)[:31] or f"table {number}"
        while name.lower() in {n.lower() for n in names}:
            name = f"{name[:27]} {number}"
        names.append(name)
    return names


def check_fits(tables: dict[str, pd.DataFrame]) -> None:
    """Refuse what Excel cannot hold, rather than cut evidence short."""
    for name, frame in tables.items():
        if len(frame) > MAX_ROWS:
            raise NewsfactsError(f"{name}: {len(frame):,} rows; an Excel sheet holds {MAX_ROWS:,}")
        for column in frame.columns:
            lengths = frame[column].astype("string").str.len().fillna(0).to_numpy(dtype="int64")
            if len(lengths) and lengths.max() > MAX_CELL_CHARS:
                row = int(lengths.argmax()) + 2  # the CSV's row number: the header is row 1
                raise NewsfactsError(
                    f"{name}: row {row}: {column}: {int(lengths.max()):,} characters; an Excel "
                    f"cell holds {MAX_CELL_CHARS:,} (use the CSV or Parquet package)"
                )


def write_sheet(sheet: Any, frame: pd.DataFrame) -> None:
    for column, name in enumerate(frame.columns):
        sheet.write_string(0, column, str(name))
        for row, value in enumerate(frame[name].tolist(), start=1):
            write_cell(sheet, row, column, value)


def write_cell(sheet: Any, row: int, column: int, value: Any) -> None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, column, value)
    elif isinstance(value, int | float):
        sheet.write_number(row, column, value)
    elif isinstance(value, pd.Timestamp | dt.date):
        sheet.write_string(row, column, value.strftime("%Y-%m-%d"))
    else:
        sheet.write_string(row, column, str(value))
