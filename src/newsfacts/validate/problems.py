"""A problem found by validation: where it is and what it is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    package: str
    table: str
    row: int | None  # 1-based data row, as Frictionless counts (header is row 1)
    field: str | None
    message: str
    severity: str = "error"  # or "note": something that could not be checked
    check: str = ""  # the check that found it (its class name), set by the runner

    def __str__(self) -> str:
        where = ":".join(str(p) for p in (self.package, self.table) if p)
        row = f" row {self.row}" if self.row is not None else ""
        field = f" field {self.field}" if self.field else ""
        return f"{where}{row}{field}: {self.message}"
