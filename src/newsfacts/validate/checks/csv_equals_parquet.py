"""The CSV and Parquet packages of a build hold the same rows.

In: both packages' descriptors and table files, and the digests the table checks took of
them. Out: per table, differing row counts, or the first row where each column differs;
"cannot compare the tables". Tables whose digests agree are not read again.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa

from newsfacts.validate.check import Input, PairCheck
from newsfacts.validate.problems import Problem
from newsfacts.validate.same_rows import same_rows_problems
from newsfacts.validate.subjects import Pair


class CsvEqualsParquet(PairCheck):
    """Table by table, the CSV package's rows are the Parquet package's, value for value.
    Left out when a package's tables could not be read: the span check reports that."""

    needs = (Input.DESCRIPTOR, Input.TABLE_FILES, Input.DIGESTS)
    reported_only_if = (Input.TABLES_READ,)

    def problems(self, subject: Pair) -> Iterator[Problem]:
        csv, parquet = subject.csv, subject.parquet
        same = {table for table in csv.digests if csv.same_values_as(parquet, [table])}
        try:
            found = same_rows_problems(
                (csv.folder, csv.tables), (parquet.folder, parquet.tables), skip=same
            )
        except (OSError, ValueError, KeyError, pa.ArrowException) as error:
            yield Problem("csv/parquet", "", None, None, f"cannot compare the tables: {error}")
            return
        yield from found
