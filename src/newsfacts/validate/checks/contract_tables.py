"""Every table of the schema/ contract is in the package.

In: a package's descriptor. Out: "table missing from the package", one per absent table,
in the contract's order.
"""

from __future__ import annotations

from collections.abc import Iterator

from newsfacts import schema
from newsfacts.validate.check import Input, PackageCheck
from newsfacts.validate.problems import Problem
from newsfacts.validate.subjects import Package


class ContractTables(PackageCheck):
    """Every table of schema/ is among the package's resources."""

    needs = (Input.DESCRIPTOR,)
    inline = True

    def problems(self, subject: Package) -> Iterator[Problem]:
        for table in schema.TABLES:
            if table not in subject.tables:
                yield Problem(subject.name, table, None, None, "table missing from the package")
