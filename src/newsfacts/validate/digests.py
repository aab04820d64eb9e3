"""A digest of each typed column of a table, fed batch by batch while the table checks read it.

Two tables whose digests are equal hold the same values (nulls in the same rows) in the same
order, whatever their batch sizes: the CSV = Parquet check then needs no second read of either
file. Only when the digests differ are both read again to find the first differing row.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc


@dataclass
class ColumnDigest:
    """sha256 of a column's validity, of its value lengths and of its value bytes, each fed on
    its own (so that where the batches start and end changes nothing)."""

    validity: Any = field(default_factory=hashlib.sha256)
    lengths: Any = field(default_factory=hashlib.sha256)
    data: Any = field(default_factory=hashlib.sha256)

    def add(self, values: pa.Array) -> None:
        self.validity.update(np.asarray(values.is_valid().to_numpy(zero_copy_only=False), bool))
        if pa.types.is_string(values.type) or pa.types.is_large_string(values.type):
            wide = pa.types.is_large_string(values.type)
            offsets = np.frombuffer(values.buffers()[1], np.int64 if wide else np.int32)
            offsets = offsets[values.offset : values.offset + len(values) + 1]
            self.lengths.update(np.diff(offsets).astype(np.int64))
            if values.buffers()[2] is not None and len(values):
                data = np.frombuffer(values.buffers()[2], np.uint8)
                self.data.update(data[offsets[0] : offsets[-1]])
        else:
            self.data.update(fixed_width_values(values))

    def result(self) -> tuple[str, str, str]:
        return self.validity.hexdigest(), self.lengths.hexdigest(), self.data.hexdigest()


def fixed_width_values(values: pa.Array) -> Any:
    """A numeric, boolean or date column's values with nulls as zeros, as a numpy array."""
    if pa.types.is_date32(values.type):
        values = values.cast(pa.int32())
    return values.fill_null(pa.scalar(0).cast(values.type)).to_numpy(zero_copy_only=False)


@dataclass
class TableDigest:
    """The row count and each column's digest; `exact` turns False when a column holds a NaN,
    which compares unequal to itself (the CSV = Parquet check must then look at the rows)."""

    rows: int = 0
    exact: bool = True
    columns: dict[str, ColumnDigest] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)

    def add(self, columns: dict[str, pa.Array]) -> None:
        for name, values in columns.items():
            self.types.setdefault(name, str(values.type))
            if self.types[name] != str(values.type):
                self.exact = False
            if pa.types.is_floating(values.type) and pc.any(pc.is_nan(values)).as_py():
                self.exact = False
            self.columns.setdefault(name, ColumnDigest()).add(values)
        self.rows += len(next(iter(columns.values()))) if columns else 0

    def same_as(self, other: TableDigest) -> bool:
        """Whether the two tables certainly hold the same rows."""
        return (
            self.exact
            and other.exact
            and self.rows == other.rows
            and self.types == other.types
            and {n: c.result() for n, c in self.columns.items()}
            == {n: c.result() for n, c in other.columns.items()}
        )
