"""Each table's schema in the descriptor is the schema/ contract's, and the table is in it.

In: one resource of a package's descriptor. Out: "table not in schema/", or "schema differs
from the schema/ contract".
"""

from __future__ import annotations

from collections.abc import Iterator

from newsfacts import schema
from newsfacts.validate.check import Input, TableCheck
from newsfacts.validate.problems import Problem
from newsfacts.validate.subjects import PackageTable


class ContractSchemas(TableCheck):
    """A resource is a schema/ table, with the contract's schema (fields, types, constraints,
    keys): Frictionless checks the rows against the descriptor, this the descriptor itself."""

    needs = (Input.DESCRIPTOR,)
    inline = True

    def problems(self, subject: PackageTable) -> Iterator[Problem]:
        package, table = subject.package.name, subject.name
        if table not in schema.TABLES:
            yield Problem(package, table, None, None, "table not in schema/")
        elif subject.resource.get("schema") != schema.resource_schema(table):
            yield Problem(package, table, None, None, "schema differs from the schema/ contract")
