"""The fast engine: Frictionless's table checks compiled into vectorised checks over batches.

It reports what `frictionless.validate` reports for our packages, with the same error types,
rows and fields: header labels, blank rows, missing and extra cells, cell types and
constraints, unique and primary keys, foreign keys, and the hash and byte count of CSV files.
Arrow reads the CSV files; a file with a record shorter or longer than its header is read again
with Python's csv module, as Frictionless reads it. A missing file, or one Arrow cannot read,
is left to stock Frictionless (checks/frictionless_tables.py).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from frictionless import errors
from frictionless.formats.csv.parser import extract_samle  # also lifts csv's field limit
from frictionless.table.label_matching import deduplicate_names

from newsfacts.read.files import DESCRIPTOR, resource_paths
from newsfacts.validate import batches as streams
from newsfacts.validate.cells import Cells, Mask, read_column
from newsfacts.validate.digests import TableDigest
from newsfacts.validate.key_index import KeyIndex, KeyValues, KnownKeys, duplicates, row_hashes
from newsfacts.validate.problems import Problem

Lookups = dict[tuple[str, str], KeyValues]  # (table, field) -> the values referenced


class Irregular(Exception):
    """Something the fast engine leaves to stock Frictionless."""


# Within a row, the order in which Frictionless reports errors (for its error limit).
ROW_ORDER = {
    "type-error": 0,
    "constraint-error": 0,
    "extra-cell": 1,
    "missing-cell": 2,
    "blank-row": 3,
    "unique-error": 4,
    "primary-key": 5,
    "foreign-key": 6,
}
# In the header: extra labels, then missing ones, then each label's own error by position.
ROW_ORDER |= {"extra-label": 0, "missing-label": 1}
ROW_ORDER |= {"blank-label": 2, "duplicate-label": 2, "incorrect-label": 2}
END_OF_FILE = {"hash-count", "byte-count"}
LIMIT_ERRORS = 1000  # Frictionless stops a table at this many errors (then skips the end)


@dataclass
class Table:
    package: str
    resource: dict[str, Any]
    paths: list[Path]  # the table's files: one, or the parts of a multipart resource
    found: list[tuple[tuple[int, int, int], Problem]] = field(default_factory=list)
    expected: list[dict[str, Any]] = field(default_factory=list)  # one field per label
    irregular: bool = False  # some record is not as long as the header: Python's reader
    last_row: int | None = None  # LIMIT_ERRORS reached by here: later rows' errors are cut
    wants_digest: bool = False  # for the CSV = Parquet check
    digest: TableDigest | None = None  # of every row's typed values, when read to the end
    known: dict[str, pa.ChunkedArray] = field(default_factory=dict)  # referenced, not read

    @property
    def name(self) -> str:
        return str(self.resource["name"])

    @property
    def path(self) -> Path:
        """The first file, whose header is the table's."""
        return self.paths[0]

    @property
    def fields(self) -> list[dict[str, Any]]:
        return list(self.resource["schema"]["fields"])

    def add(self, error: Any) -> None:
        row = getattr(error, "row_number", None)
        if self.last_row is not None and row is not None and row > self.last_row:
            return
        name = getattr(error, "field_name", None)
        number = getattr(error, "field_number", 0) or 0
        order = (row or 0, ROW_ORDER.get(error.type, 0), number)
        message = f"{error.type}: {error.message}"
        self.found.append((order, Problem(self.package, self.name, row, name, message)))

    def row_errors(self) -> int:
        return sum(1 for _, p in self.found if p.message.split(":")[0] not in END_OF_FILE)

    @property
    def problems(self) -> list[Problem]:
        """The problems in Frictionless's order, cut where Frictionless stops: after the row
        that brings the errors to LIMIT_ERRORS, and then without the end-of-file checks."""
        found = sorted(self.found, key=lambda item: item[0])
        rows = [p for _, p in found if p.message.split(":")[0] not in END_OF_FILE]
        if len(rows) >= LIMIT_ERRORS:
            return rows[:LIMIT_ERRORS]
        return rows + [p for _, p in found if p.message.split(":")[0] in END_OF_FILE]


TABLE_THREADS = 2  # tables that reference none of each other are checked side by side


def package_problems(
    folder: Path,
    descriptor: dict[str, Any],
    digests: dict[str, TableDigest] | None = None,
    descriptor_name: str = DESCRIPTOR,
    kept_files: frozenset[Path] = frozenset(),
    known_keys: KnownKeys | None = None,
) -> list[Problem]:
    """Frictionless's problems with one package; raises Irregular to leave it to the stock
    engine. Fills `digests`, if given, with the digest of each table read whole with the
    schema's own header (for the CSV = Parquet check). `kept_files` (resolved paths) are
    files a rebuild kept from a build newsfacts wrote and validated: their dialect and
    header row are not guessed again (opened_table). `known_keys`: (table, field) -> values
    that foreign keys may also reference, held by rows not in this package (the parts a
    rebuild kept, validated before: build/run.py).

    The tables are checked round by round, each round's tables referencing only earlier
    rounds' (whose key values are the foreign keys' lookups), side by side; meanwhile
    another thread hashes the CSV files."""
    package = folder.name if descriptor_name == DESCRIPTOR else descriptor_name
    for resource in descriptor.get("resources", []):
        check_compilable(resource)
    check_key_types(descriptor.get("resources", []))
    rounds = [
        [opened_table(folder, resource, package, kept_files) for resource in resources]
        for resources in referenced_rounds(descriptor.get("resources", []))
    ]
    order = [id(resource) for resource in descriptor.get("resources", [])]
    tables = [table for tables in rounds for table in tables]
    tables.sort(key=lambda table: order.index(id(table.resource)))  # reported in this order
    for table in tables:
        table.wants_digest = digests is not None
        table.known = {f: v for (t, f), v in (known_keys or {}).items() if t == table.name}
    lookups: Lookups = {}
    with ThreadPoolExecutor(1) as hasher, ThreadPoolExecutor(TABLE_THREADS) as checker:
        hashes = [
            hasher.submit(streams.digest, t.path) if hashed_whole(t) else None for t in tables
        ]
        for round_ in rounds:
            work = [
                checker.submit(check_rows, t, lookups, referenced_fields(t.name, descriptor))
                for t in round_
            ]
            for done in work:
                done.result()
    problems: list[Problem] = []
    for table, hashed in zip(tables, hashes, strict=True):
        if hashed is not None:
            check_hash_and_bytes(table, hashed.result())
        problems += table.problems
        if digests is not None and table.digest is not None:
            digests[table.name] = table.digest
    return problems


def hashed_whole(table: Table) -> bool:
    """Whether Frictionless checks the table's hash and bytes: a CSV resource of one file
    (a multipart resource's parts are checked against newsfacts's part_hashes instead)."""
    return len(table.paths) == 1 and not streams.is_parquet(table.path)


def opened_table(
    folder: Path, resource: dict[str, Any], package: str, kept_files: frozenset[Path] = frozenset()
) -> Table:
    """A table to check, once its schema, files and CSV dialect are known to be compiled, and
    every part has the first one's header (Frictionless drops later parts' first lines). The
    dialect and header row of a CSV file are guessed from its bytes alone, so a file in
    `kept_files` (the bytes of a part newsfacts wrote, in standard CSV, and validated) is
    not sniffed again: at a few milliseconds a file, the largest cost of an unchanged part.
    The guess only decides which engine reads a file; its cells and keys are checked all
    the same."""
    check_compilable(resource)
    paths = resource_paths(folder, resource)
    for path in paths:
        if not path.is_file():
            raise Irregular(f"{path.name}: missing")
        if not streams.is_parquet(path) and path.resolve() not in kept_files:
            check_dialect(path)
            check_header_row(path)
    if any(streams.labels(path) != streams.labels(paths[0]) for path in paths[1:]):
        raise Irregular(f"{resource.get('name')}: parts with different headers")
    return Table(package, resource, paths)


def referenced_fields(table: str, descriptor: dict[str, Any]) -> set[str]:
    return {
        f
        for r in descriptor.get("resources", [])
        for key in r.get("schema", {}).get("foreignKeys", [])
        if key["reference"]["resource"] in (table, "" if r.get("name") == table else None)
        for f in key["reference"]["fields"]
    }


COMPILED_SUFFIXES = {".csv", ".parquet"}
COMPILED_TYPES = {"string", "integer", "number", "boolean", "date"}
COMPILED_CONSTRAINTS = {"required", "unique", "enum", "pattern", "minimum", "maximum"}
COMPILED_CONSTRAINTS |= {"minLength", "maxLength"}
DEFAULT_READING = {"name", "type", "description", "title", "constraints", "example"}


def check_compilable(resource: dict[str, Any]) -> None:
    """Raises Irregular for a resource the fast engine does not compile: data other than one
    CSV or Parquet file (JSON lines, a spreadsheet, compressed, inline, in several files),
    other types, formats, constraints or reading options (trueValues, missingValues, ...),
    composite foreign keys."""
    schema = resource.get("schema")
    if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list):
        raise Irregular(f"{resource.get('name')}: no schema of its own (Frictionless infers one)")
    paths = resource.get("path")
    paths = paths if isinstance(paths, list) and paths else [paths]
    suffixes = {Path(p).suffix if isinstance(p, str) else None for p in paths}
    if len(suffixes) != 1 or not suffixes <= COMPILED_SUFFIXES:
        raise Irregular(f"{resource.get('name')}: not CSV or Parquet files of one format")
    suffix = str(suffixes.pop())
    if str(resource.get("format", suffix[1:])).lower() != suffix[1:]:
        raise Irregular(f"{resource.get('name')}: a format other than its files' suffix")
    if resource.get("dialect") or str(resource.get("encoding", "utf-8")).lower() != "utf-8":
        raise Irregular(f"{resource.get('name')}: a CSV dialect or encoding of its own")
    if resource.get("extrapaths"):
        raise Irregular(f"{resource.get('name')}: data in more files than its path")
    for spec in schema.get("fields", []):
        if (
            spec.get("type") not in COMPILED_TYPES
            or set(spec) - DEFAULT_READING
            or set(spec.get("constraints", {})) - COMPILED_CONSTRAINTS
        ):
            raise Irregular(f"{resource.get('name')}: field {spec.get('name')} is not compiled")
    if set(schema) - {"fields", "primaryKey", "foreignKeys"}:
        raise Irregular(f"{resource.get('name')}: schema options that are not compiled")
    for key in schema.get("foreignKeys", []):
        fields, referenced = key.get("fields"), key.get("reference", {}).get("fields")
        if not (isinstance(fields, list) and isinstance(referenced, list) and len(fields) == 1):
            raise Irregular(f"{resource.get('name')}: a composite foreign key, or a string")


def check_key_types(resources: list[dict[str, Any]]) -> None:
    """Raises Irregular for a foreign key whose field and referenced field differ in type:
    Frictionless compares their values as read (1 is not "1"), the fast engine as text."""
    types = {
        (r.get("name"), f.get("name")): f.get("type", "string")
        for r in resources
        for f in r.get("schema", {}).get("fields", [])
    }
    names = {r.get("name") for r in resources}
    for resource in resources:
        for key in resource.get("schema", {}).get("foreignKeys", []):
            source = key["reference"]["resource"] or resource.get("name")
            if source not in names:
                continue  # referenced_rounds says so
            pairs = zip(key["fields"], key["reference"]["fields"], strict=False)
            if any(
                types.get((resource.get("name"), mine)) != types.get((source, theirs))
                for mine, theirs in pairs
            ):
                raise Irregular(f"{resource.get('name')}: a foreign key between types")


def references(resource: dict[str, Any]) -> set[str]:
    """The other tables a resource's foreign keys point to."""
    keys = resource.get("schema", {}).get("foreignKeys", [])
    return {k["reference"]["resource"] for k in keys} - {resource.get("name"), ""}


def referenced_rounds(resources: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The resources in rounds where every table comes after the tables it references."""
    names = {r.get("name") for r in resources}
    if any(references(r) - names for r in resources):
        raise Irregular("a foreign key to a table the package does not have")
    rounds: list[list[dict[str, Any]]] = []
    placed: set[Any] = set()
    while len(placed) < len(resources):
        ready = [r for r in resources if r.get("name") not in placed and references(r) <= placed]
        if not ready:
            raise Irregular("foreign keys in a cycle")
        rounds.append(ready)
        placed |= {r.get("name") for r in ready}
    return rounds


def check_dialect(path: Path) -> None:
    """Frictionless guesses each CSV file's dialect from its first lines; the fast engine
    reads the standard one (comma, double quotes) and leaves any other guess to it."""
    with path.open(encoding="utf-8", newline="") as handle:
        sample = "".join(map(str, extract_samle(handle)))
    try:
        guess = csv.Sniffer().sniff(sample, ",\t;|")
    except csv.Error:
        return  # Frictionless falls back to the standard dialect too
    if (
        guess.delimiter != ","
        or guess.quotechar not in ('"', "'")  # Frictionless reads ' as "
        or guess.escapechar
        or guess.skipinitialspace
    ):
        raise Irregular(f"{path.name}: a CSV dialect Frictionless would guess differently")


SAMPLE_ROWS = 100  # Frictionless's sample, from which it guesses the dialect and header row


def check_header_row(path: Path) -> None:
    """Frictionless takes for the header the first row of the sample about as wide as the
    sample's rows on average (passing over comment lines, a title); the fast engine reads the
    first row as the header, and leaves any other guess to it. (Blank rows counted in the
    average or not: either guess must be the first row.)"""
    with path.open(encoding="utf-8", newline="") as handle:
        sample = list(islice(csv.reader(handle), SAMPLE_ROWS))
    for rows in (sample, [row for row in sample if row]):
        widths = [len(row) for row in rows]
        if not widths:
            continue
        width = round(sum(widths) / len(widths))
        drift = max(round(width * 0.1), 1)
        if not width - drift <= widths[0] <= width + drift:
            raise Irregular(f"{path.name}: Frictionless would guess another header row")


def check_hash_and_bytes(table: Table, digest: tuple[str, int]) -> None:
    """hash-count and byte-count of a CSV file from its (sha256, size), as Frictionless
    reports them (it hashes CSV files only)."""
    actual, size = digest
    expected = str(table.resource.get("hash", "")).removeprefix("sha256:")
    if expected and expected != actual:
        note = f'expected is "{expected}" and actual is "{actual}"'
        table.add(errors.HashCountError(note=note))
    if table.resource.get("bytes") and table.resource["bytes"] != size:
        table.add(
            errors.ByteCountError(
                note=f'expected is "{table.resource["bytes"]}" and actual is "{size}"'
            )
        )


def check_header(table: Table, labels: list[str]) -> None:
    """Label errors as Frictionless reports them when fields are matched by position."""
    fields = table.fields
    where: dict[str, Any] = {"labels": labels, "row_numbers": [1]}
    for number, label in enumerate(labels[len(fields) :], start=len(fields) + 1):
        table.add(
            errors.ExtraLabelError(
                note="", label=label, field_name="", field_number=number, **where
            )
        )
    for number, spec in enumerate(fields[len(labels) :], start=len(labels) + 1):
        name = spec["name"]
        table.add(
            errors.MissingLabelError(
                note="", label="", field_name=name, field_number=number, **where
            )
        )
    for number, (spec, label) in enumerate(zip(fields, labels, strict=False), start=1):
        at = {**where, "field_name": spec["name"], "field_number": number}
        if not label:
            table.add(errors.BlankLabelError(note="", label="", **at))
        elif label in labels[: number - 1]:
            seen = [str(i) for i, x in enumerate(labels[: number - 1], start=1) if x == label]
            note = f'at position "{", ".join(seen)}"'
            table.add(errors.DuplicateLabelError(note=note, label=label, **at))
        elif label != spec["name"]:
            table.add(errors.IncorrectLabelError(note="", label=label, **at))


def expected_fields(fields: list[dict[str, Any]], labels: list[str]) -> list[dict[str, Any]]:
    """The field each label pairs with, by position; a label beyond the schema gets an "any"
    field named after it, and fields beyond the labels are not read (as Frictionless does)."""
    matched = fields[: len(labels)]
    names = deduplicate_names([f["name"] for f in matched] + labels[len(fields) :])
    return matched + [{"name": name, "type": "any"} for name in names[len(matched) :]]


@dataclass
class Keys:
    """What the key checks keep of a table while its batches go by."""

    unique: dict[str, KeyIndex]
    primary: list[str]
    primary_index: KeyIndex = field(default_factory=KeyIndex)
    shared: bool = False  # a one-field primary key that is also unique: hashed once
    referenced: dict[str, KeyValues] = field(default_factory=dict)  # its values referenced
    references: dict[str, KeyValues] = field(default_factory=dict)  # by its foreign keys


def check_rows(table: Table, lookups: Lookups, referenced: set[str]) -> None:
    labels = streams.labels(table.path)
    check_header(table, labels)
    table.expected = expected_fields(table.fields, labels)
    checked = len(table.found)
    try:
        scan_rows(table, lookups, referenced)
    except streams.IrregularRows:
        del table.found[checked:]  # start again with Python's reader
        table.irregular, table.last_row = True, None
        scan_rows(table, lookups, referenced)


def scan_rows(table: Table, lookups: Lookups, referenced: set[str]) -> None:
    schema = table.resource["schema"]
    names = {f["name"] for f in table.expected}
    keys = Keys(
        unique={
            f["name"]: KeyIndex() for f in table.expected if f.get("constraints", {}).get("unique")
        },
        primary=[n for n in primary_key(schema) if set(primary_key(schema)) <= names],
        referenced={name: KeyValues() for name in referenced if name in names},
    )
    if len(keys.primary) == 1 and keys.primary[0] in keys.unique:
        keys.primary_index, keys.shared = keys.unique[keys.primary[0]], True
    foreign_keys = [k for k in schema.get("foreignKeys", []) if set(k["fields"]) <= names]
    keys.references = {k["fields"][0]: KeyValues() for k in foreign_keys}
    digest = TableDigest() if table.wants_digest and digested(table) else None
    last_read = 1
    for first_row, read, counts in read_batches(table):
        last_read = first_row + len(rows_of(read)) - 1
        check_batch(table, first_row, read, keys)
        if counts is not None:
            report_lengths(table, first_row, counts, read)
        if digest is not None:
            digest.add({name: cells.values for name, cells in read.items()})
        if table.last_row is None and table.row_errors() >= LIMIT_ERRORS:
            table.last_row = first_row + len(counts if counts is not None else rows_of(read)) - 1
        if table.last_row is not None and not keys.referenced:
            digest = None  # not read to the end
            break  # as Frictionless stops (a referenced table is read on for its keys)
    table.digest = digest
    for name, values in keys.referenced.items():
        for chunk in table.known[name].chunks if name in table.known else []:
            values.add(chunk)
        lookups[(table.name, name)] = values
    for key in foreign_keys:
        report_missing_references(table, key, keys, lookups, last_read)
    report_duplicates(table, keys)


def primary_key(schema: dict[str, Any]) -> list[str]:
    """The schema's primary key fields (a single field may be written as a string)."""
    key = schema.get("primaryKey", [])
    return [key] if isinstance(key, str) else list(key)


def digested(table: Table) -> bool:
    """Whether the values read are those the CSV = Parquet check reads: by Arrow's reader,
    one column per field of the schema."""
    names = [f["name"] for f in table.fields]
    return not table.irregular and [f["name"] for f in table.expected] == names


def rows_of(cells: dict[str, Cells]) -> Mask:
    return next(iter(cells.values())).missing


def report_lengths(table: Table, first_row: int, counts: Any, cells: dict[str, Cells]) -> None:
    """missing-cell and extra-cell of records shorter or longer than the header (not of blank
    rows: Frictionless reports those as blank-row only)."""
    width = len(table.expected)
    blank = np.logical_and.reduce([c.missing for c in cells.values()])
    for index in np.flatnonzero((counts != width) & ~blank):
        row, count = first_row + int(index), int(counts[index])
        where: dict[str, Any] = {"cells": [], "row_number": row}
        for number in range(count + 1, width + 1):
            name = table.expected[number - 1]["name"]
            table.add(
                errors.MissingCellError(
                    note="", cell="", field_name=name, field_number=number, **where
                )
            )
        for number in range(width + 1, count + 1):
            table.add(
                errors.ExtraCellError(note="", cell="", field_name="", field_number=number, **where)
            )


def read_batches(table: Table) -> Iterator[tuple[int, dict[str, Cells], Any]]:
    """(row number of the batch's first row, cells of every expected field, the number of
    cells of each record or None when all are as long as the header) for each batch."""
    names = [f["name"] for f in table.expected]
    row = 2
    for batch, counts in raw_batches(table, names):
        cells = {
            spec["name"]: read_column(spec, batch.column(i))
            for i, spec in enumerate(table.expected)
        }
        yield row, cells, counts
        row += batch.num_rows


def raw_batches(table: Table, names: list[str]) -> Iterator[tuple[pa.RecordBatch, Any]]:
    for path in table.paths:  # the parts' rows numbered on, as in Frictionless's multipart
        if table.irregular:
            yield from streams.python_csv_batches(path, names)
        else:
            for batch in streams.table_batches(path, names):
                yield batch, None


def check_batch(
    table: Table,
    first_row: int,
    cells: dict[str, Cells],
    keys: Keys,
) -> None:
    size = len(next(iter(cells.values())).missing)
    rows = np.arange(first_row, first_row + size, dtype=np.int64)
    blank = np.logical_and.reduce([c.missing for c in cells.values()])
    report_cells(table, rows, cells, blank)
    for row in rows[blank]:
        table.add(errors.BlankRowError(note="", cells=[], row_number=int(row)))
    for name, index in keys.unique.items():
        present = as_present(cells[name])
        index.add(row_hashes([cells[name].values.filter(pa.array(present))]), rows[present])
    if keys.primary:
        primary = None if keys.shared else keys.primary_index
        check_primary_batch(table, rows, [cells[n] for n in keys.primary], primary)
    for stores in (keys.references, keys.referenced):
        for name, values in stores.items():
            values.add(cells[name].values)


def as_present(cells: Cells) -> Mask:
    return np.asarray(cells.values.is_valid().to_numpy(zero_copy_only=False), dtype=bool)


def report_cells(table: Table, rows: Any, cells: dict[str, Cells], blank: Mask) -> None:
    """type-error and constraint-error of every cell outside blank rows."""
    for number, spec in enumerate(table.expected, start=1):
        read = cells[spec["name"]]
        where = {"cells": [], "field_name": spec["name"], "field_number": number}
        for index in np.flatnonzero(read.type_error & ~blank):
            note = f'type is "{spec["type"]}/{spec.get("format", "default")}"'
            table.add(
                errors.TypeError(
                    note=note,
                    row_number=int(rows[index]),
                    cell=read.source_text(int(index)),
                    **where,
                )
            )
        for name, violated in read.violated.items():
            constraint = spec["constraints"][name]
            for index in np.flatnonzero(violated & ~blank & ~read.type_error):
                note = f'constraint "{name}" is "{constraint}"'
                table.add(
                    errors.ConstraintError(
                        note=note,
                        row_number=int(rows[index]),
                        cell=read.source_text(int(index)),
                        **where,
                    )
                )


def check_primary_batch(table: Table, rows: Any, key: list[Cells], index: KeyIndex | None) -> None:
    present = np.logical_or.reduce([as_present(c) for c in key])
    for row in rows[~present]:
        note = 'cells composing the primary keys are all "None"'
        table.add(errors.PrimaryKeyError(note=note, cells=[], row_number=int(row)))
    if index is None:
        return
    mask = pa.array(present)
    index.add(row_hashes([c.values.filter(mask) for c in key]), rows[present])


def report_missing_references(
    table: Table, key: dict[str, Any], keys: Keys, lookups: Lookups, last_read: int
) -> None:
    """foreign-key errors of the rows (up to `last_read`) whose value the referenced table
    does not hold. The values are compared once, by hash range, after the table is read;
    only when some are missing is the table read again, for their rows."""
    (name,) = key["fields"]  # our foreign keys are single fields
    (target,) = key["reference"]["fields"]
    source = key["reference"]["resource"]
    held = lookups.get((source or table.name, target)) or KeyValues()  # "": the table itself
    missing = keys.references[name].missing_from(held)
    found = 0
    for first_row, cells, _ in read_batches(table) if len(missing) else ():
        if first_row > last_read:
            break
        values = cells[name].values.cast(pa.string())
        unknown = as_present(cells[name]) & as_bools(pc.is_in(values, value_set=missing))
        for index in np.flatnonzero(unknown):
            row, value = first_row + int(index), values[int(index)].as_py()
            if found == LIMIT_ERRORS:  # so many errors up to the row before: past the cut
                table.last_row = min(row - 1, table.last_row or row)
                return
            found += 1
            note = f'for "{name}": values "{value}" not found in the lookup table "{source}"'
            note += f' as "{target}"'
            table.add(
                errors.ForeignKeyError(
                    note=note,
                    cells=[],
                    row_number=row,
                    field_names=[name],
                    field_cells=[str(value)],
                    reference_name=source,
                    reference_field_names=[target],
                )
            )


def as_bools(found: pa.Array) -> Mask:
    return np.asarray(pc.fill_null(found, False).to_numpy(zero_copy_only=False), bool)


def report_duplicates(table: Table, keys: Keys) -> None:
    """unique-error and primary-key for rows whose values repeat an earlier row's."""
    repeats = {name: confirmed(table, index, [name]) for name, index in keys.unique.items()}
    for name, found in repeats.items():
        for row, previous in found:
            note = f"the same as in the row at position {previous}"
            number = 1 + [f["name"] for f in table.expected].index(name)
            table.add(
                errors.UniqueError(
                    note=note,
                    cells=[],
                    row_number=row,
                    cell="",
                    field_name=name,
                    field_number=number,
                )
            )
    if keys.primary:
        if keys.shared:
            found = repeats[keys.primary[0]]
        else:
            found = confirmed(table, keys.primary_index, keys.primary)
        for row, previous in found:
            note = f"the same as in the row at position {previous}"
            table.add(errors.PrimaryKeyError(note=note, cells=[], row_number=row))


def confirmed(table: Table, index: KeyIndex, names: list[str]) -> list[tuple[int, int]]:
    """Duplicates among the candidate rows, by their actual values (a second pass)."""
    candidates = index.candidate_rows()
    if not candidates:
        return []
    wanted = np.fromiter(candidates, dtype=np.int64)
    found: list[tuple[int, Any]] = []
    for first_row, cells, _ in read_batches(table):
        size = len(cells[names[0]].missing)
        rows = np.arange(first_row, first_row + size, dtype=np.int64)
        for offset in np.flatnonzero(np.isin(rows, wanted)):
            value = tuple(cells[n].values[int(offset)].as_py() for n in names)
            found.append((int(rows[offset]), value))
    return duplicates(found)
