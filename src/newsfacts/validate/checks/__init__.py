"""The registry of checks: one class per file, each with its test in tests/validate/.

In: nothing. Out: CHECKS, every check `validate` runs. Their order is the order of the
report: within a package, its table and package checks in this order; then the build
folder's checks; then the CSV = Parquet pair's (run.py, schedule.py).

- contract_tables.py (package): every schema/ table is in the package;
- contract_schemas.py (table): each table's schema is the schema/ contract's;
- file_as_described.py (table): each file has the descriptor's bytes and sha256;
- frictionless_tables.py (package): Frictionless's checks (fast engine or stock); gives
  the digests;
- span_texts.py (package): every span against its article's text;
- checksums.py (build): SHA256SUMS lists every file with its sha256;
- zips.py (build): each zip holds its package folder's files;
- csv_equals_parquet.py (pair): the CSV and Parquet packages hold the same rows.

To add a check: a file here with one class (a subclass of a check.py base), registered
below, and a test; the scheduler needs no change.
"""

from __future__ import annotations

from typing import Any

from newsfacts.validate.check import Check
from newsfacts.validate.checks.checksums import Checksums
from newsfacts.validate.checks.contract_schemas import ContractSchemas
from newsfacts.validate.checks.contract_tables import ContractTables
from newsfacts.validate.checks.csv_equals_parquet import CsvEqualsParquet
from newsfacts.validate.checks.file_as_described import FileAsDescribed
from newsfacts.validate.checks.frictionless_tables import FrictionlessTables
from newsfacts.validate.checks.span_texts import SpanTexts
from newsfacts.validate.checks.zips import Zips

CHECKS: tuple[Check[Any], ...] = (
    ContractTables(),
    ContractSchemas(),
    FileAsDescribed(),
    FrictionlessTables(),
    SpanTexts(),
    Checksums(),
    Zips(),
    CsvEqualsParquet(),
)
