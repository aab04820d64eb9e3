"""A cache of each seed's extraction, so that a rebuild only extracts what changed.

An entry's key hashes everything its rows depend on: the seed's bytes, its path, its
metadata in dataset/articles.yaml and the actor registry. Entries live in a folder named
after the extractor's version — a hash of the code and lexicons that produce them — so a
changed extractor starts from an empty cache, and the folders of other versions are removed.

Entries are data, never code: one JSON file per seed (no pickle: loading an entry cannot run
anything). The cache folder is private (0700, entries 0600) and marked by a CACHEDIR.TAG;
newsfacts only ever removes things inside a folder that carries that tag, or inside a cache
of an earlier version (a folder holding nothing but version folders, adopted and tagged).

An entry is not trusted. It names its seed's sha256, the extractor version and its key, and
each is checked on read against the seed as it is now. The article row is not stored: it is
rebuilt from the seed and its metadata. Every span row must have its table's columns of
their exact types (schema/), be the seed text's [start:end], carry that span's record id,
come in text order; every actor must have ArticleActor's fields of their types, and every
mention and speaker must be one of the entry's actors. An entry that fails a check is not
used: the article is extracted again, the entry replaced, and a warning names it on stderr.
What an entry says that its seed cannot confirm (a statistic's value, a quote's speaker) is
taken as written by a build; a release never uses the cache (newsfacts.build.release).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import math
import os
import re
import shutil
import stat
import tempfile
import unicodedata
from collections.abc import Callable
from functools import cache
from importlib import metadata
from itertools import chain, product
from operator import itemgetter
from pathlib import Path
from typing import Any

from newsfacts import __version__, schema
from newsfacts.build.rows import (
    MENTION_ACTOR,
    QUOTE_SPEAKER,
    ArticleExtraction,
    article_row,
)
from newsfacts.errors import NewsfactsError
from newsfacts.extract import RegistryEntry, text
from newsfacts.extract.actors import ArticleActor
from newsfacts.schema import Row, Rows
from newsfacts.sources.curated import ArticleMeta
from newsfacts.sources.seeds import MAX_ARTICLE_BYTES, Seed

log = logging.getLogger(__name__)

PACKAGE = Path(__file__).resolve().parents[1]  # src/newsfacts
# Everything an extraction depends on: the extractor, its lexicons, the row builder, the
# seed reader, the contract's column order, and this file's own format.
EXTRACTOR_FILES = (
    "extract/*.py",
    "lexicons/*.txt",
    "build/rows.py",
    "sources/seeds.py",
    "build/cache.py",
)
# Data the extractor reads from other packages (country names, given names): a new version of
# one can change the rows, as can Python's Unicode tables (normalisation, letter classes).
DATA_PACKAGES = ("pycountry", "gender-guesser")

FORMAT = 1  # the entry format, written into each entry
# The cache directory tag (https://bford.info/cachedir/): backup tools skip the folder, and
# newsfacts removes nothing from a folder without it.
TAG_NAME = "CACHEDIR.TAG"
TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This folder is newsfacts' extraction cache: it can be deleted, a build makes it again.\n"
)
VERSION_FOLDER = re.compile(r"[0-9a-f]{16}")  # what extractor_version() gives
MAX_ENTRY_BYTES = 16 * MAX_ARTICLE_BYTES  # span texts (quotes hold mentions) and actors
STORED_TABLES = schema.SPAN_TABLES  # stored; the article row is rebuilt from the seed
ENTRY_KEYS = {"format", "extractor", "key", "seed_sha256", "article_id", "tables", "actors"}

SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


@cache
def extractor_version() -> str:
    digest = hashlib.sha256(__version__.encode())
    for pattern in EXTRACTOR_FILES:
        for path in sorted(PACKAGE.glob(pattern)):
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    for table in schema.TABLES:
        digest.update(json.dumps(schema.column_names(table)).encode())
    for package in DATA_PACKAGES:
        digest.update(f"{package}=={metadata.version(package)}\0".encode())
    digest.update(f"unicode {unicodedata.unidata_version}".encode())
    return digest.hexdigest()[:16]


class Rejected(Exception):
    """An entry that is not used; the message says why."""


class ExtractionCache:
    def __init__(self, folder: Path, registry: dict[str, RegistryEntry]) -> None:
        self.root = folder
        self.folder = folder / extractor_version()
        self.registry_digest = hashlib.sha256(repr(sorted(registry.items())).encode()).hexdigest()
        self.registry_ids = frozenset(entry.actor_id for entry in registry.values())
        self.usable = True

    def open(self) -> None:
        """Make the cache folder ready: created private, tagged as a newsfacts cache, holding
        only this extractor version's entries. A folder that exists with other content is
        refused (nothing in it is read or removed); one that cannot be written to is not used
        (the cache only saves time)."""
        root = self.root
        if root.is_symlink() or (root.exists() and not root.is_dir()):
            raise NewsfactsError(f"{root}: not a folder; choose another --cache (or --no-cache)")
        try:
            if root.is_dir() and not _is_cache(root):
                raise NewsfactsError(
                    f"{root}: exists and is not a newsfacts cache; refusing to use it "
                    "(choose another --cache, or --no-cache)"
                )
            root.mkdir(mode=0o700, parents=True, exist_ok=True)
            root.chmod(0o700)
            tag = root / TAG_NAME
            if not tag.is_file() or tag.is_symlink():
                _write_private(root, TAG_NAME, TAG.encode())
            self._prune()
            if self.folder.is_symlink() or (self.folder.exists() and not self.folder.is_dir()):
                self.folder.unlink()
            self.folder.mkdir(mode=0o700, exist_ok=True)
            self.folder.chmod(0o700)
        except OSError as error:
            log.warning("%s: the cache is not used: %s", root, error.strerror or error)
            self.usable = False

    def _prune(self) -> None:
        """Remove the entries of other extractor versions and leftover temporary files."""
        for child in self.root.iterdir():
            if VERSION_FOLDER.fullmatch(child.name) and child != self.folder:
                if child.is_symlink() or not child.is_dir():
                    child.unlink()
                else:
                    shutil.rmtree(child, ignore_errors=True)
        if self.folder.is_dir() and not self.folder.is_symlink():
            for leftover in self.folder.glob("*.tmp"):
                leftover.unlink(missing_ok=True)

    def key(self, seed_sha256: str, meta: ArticleMeta, source_file: str) -> str | None:
        """The entry's key (None when the cache is not used)."""
        if not self.usable:
            return None
        parts = [seed_sha256, source_file, meta.model_dump_json(), self.registry_digest]
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()

    def get(
        self, key: str, seed: Seed, meta: ArticleMeta, source_file: str
    ) -> ArticleExtraction | None:
        """The cached extraction once every check against `seed` passed, else None: a missing
        entry is a miss; an entry that fails a check is reported (a warning) and not used."""
        path = self.folder / f"{key}.json"
        try:
            data = _read_entry(path)
            if data is None:
                return None
            return self._decode(data, key, seed, meta, source_file)
        except Rejected as why:
            _rejected(path, seed.path, str(why))
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
            _rejected(path, seed.path, "malformed entry")
        return None

    def put(
        self,
        key: str,
        extraction: ArticleExtraction,
        seed: Seed,
        meta: ArticleMeta,
        source_file: str,
    ) -> None:
        """Write an entry atomically: a killed build never leaves half an entry. The article
        row is not stored: it is rebuilt from the seed on read (an extraction whose article
        row would not be rebuilt the same is not cached)."""
        if not self.usable or extraction.rows["articles"] != [_article(seed, meta, source_file)]:
            return
        entry = {
            "format": FORMAT,
            "extractor": extractor_version(),
            "key": key,
            "seed_sha256": seed.sha256,
            "article_id": extraction.article_id,
            "tables": {table: extraction.rows[table] for table in STORED_TABLES},
            "actors": [_actor_values(actor) for actor in extraction.actors],
        }
        try:
            data = json.dumps(entry, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
            encoded = data.encode("utf-8")
        except (TypeError, ValueError):
            return  # not plain JSON (a number that is not finite, say): not cached
        if len(encoded) > MAX_ENTRY_BYTES:
            return  # it would be refused on read
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            _write_private(self.folder, f"{key}.json", encoded)
        except OSError:
            pass  # the cache only saves time: a full disk or read-only folder must not fail

    def _decode(
        self, data: bytes, key: str, seed: Seed, meta: ArticleMeta, source_file: str
    ) -> ArticleExtraction:
        if SURROGATE_ESCAPE.search(data):  # entries are written as UTF-8, never escaped
            raise Rejected("a string holds a lone surrogate")
        try:
            entry = json.loads(
                data, parse_constant=_not_finite, parse_float=_finite, parse_int=_int64
            )
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise Rejected("not a JSON document") from None
        if type(entry) is not dict or set(entry) != ENTRY_KEYS:
            raise Rejected("not a newsfacts cache entry")
        expected = {
            "format": FORMAT,
            "extractor": extractor_version(),
            "key": key,
            "seed_sha256": seed.sha256,
            "article_id": seed.article_id,
        }
        for name, value in expected.items():
            if type(entry[name]) is not type(value) or entry[name] != value:
                raise Rejected(f"{name} is {_short(entry[name])}, expected {value}")
        tables = entry["tables"]
        if type(tables) is not dict or set(tables) != set(STORED_TABLES):
            raise Rejected(f"tables are not {', '.join(STORED_TABLES)}")
        rows: Rows = {"articles": [_article(seed, meta, source_file)]}
        for table in STORED_TABLES:
            rows[table] = _typed_rows(table, tables[table])
            _check_spans(table, rows[table], seed)
        actors = _actors(entry["actors"], self.registry_ids)
        keys = {actor.key for actor in actors}
        for row in rows["mentions"]:
            if row[MENTION_ACTOR] not in keys:
                raise Rejected(f"mention of {_short(row[MENTION_ACTOR])}: not one of its actors")
        for row in rows["quotes"]:
            if row[QUOTE_SPEAKER] is not None and row[QUOTE_SPEAKER] not in keys:
                raise Rejected(f"quote by {_short(row[QUOTE_SPEAKER])}: not one of its actors")
        return ArticleExtraction(seed.article_id, rows, actors)


def _is_cache(folder: Path) -> bool:
    """A folder newsfacts may write and prune: tagged, empty, or made by an older newsfacts
    (nothing but extractor-version folders)."""
    tag = folder / TAG_NAME
    if tag.is_file() and not tag.is_symlink():
        with tag.open("rb") as handle:
            if handle.read(len(TAG)) == TAG.encode():
                return True
    return all(
        VERSION_FOLDER.fullmatch(child.name) and child.is_dir() and not child.is_symlink()
        for child in folder.iterdir()
    )


def _write_private(folder: Path, name: str, data: bytes) -> None:
    """Write `folder/name` atomically, readable by its owner only (0600)."""
    with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as handle:
        try:
            handle.write(data)  # NamedTemporaryFile makes the file 0600
            handle.close()
            os.replace(handle.name, folder / name)
        except OSError:
            Path(handle.name).unlink(missing_ok=True)
            raise


def _read_entry(path: Path) -> bytes | None:
    """The entry's bytes; None when there is none. Only a regular file is read (not a link,
    a pipe or a device), and at most MAX_ENTRY_BYTES."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise Rejected(f"cannot be opened ({error.strerror or error})") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise Rejected("not a regular file")
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(MAX_ENTRY_BYTES + 1)
    except OSError as error:
        raise Rejected(f"cannot be read ({error.strerror or error})") from None
    finally:
        os.close(fd)
    if len(data) > MAX_ENTRY_BYTES:
        raise Rejected(f"larger than {MAX_ENTRY_BYTES:,} bytes")
    return data


def _rejected(path: Path, seed_path: Path, why: str) -> None:
    log.warning(
        "warning: %s: cache entry not used (%s); %s is extracted again", path, why, seed_path
    )


def _not_finite(constant: str) -> None:
    raise ValueError(f"{constant} is not a number an entry holds")


def _finite(text: str) -> float:
    """A JSON number as a float; "1e309" (infinity once read) is refused like "Infinity"."""
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is not a finite number")
    return value


def _int64(text: str) -> int:
    """A JSON integer that fits the tables' 64-bit integer columns."""
    if len(text) > 20 or not -(2**63) <= (value := int(text)) < 2**63:
        raise ValueError(f"{text[:24]} does not fit 64 bits")
    return value


def _short(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


# A cell's JSON types for each Frictionless type (bool is not an int here: types are exact).
JSON_TYPES: dict[str, frozenset[type]] = {
    "string": frozenset([str]),
    "integer": frozenset([int]),
    "number": frozenset([int, float]),
    "boolean": frozenset([bool]),
}
NONE = type(None)


@dataclasses.dataclass(frozen=True)
class ColumnCheck:
    position: int
    name: str
    types: frozenset[type]  # NoneType among them when the column is not required
    allowed: frozenset[str] | None  # the enum


@cache
def _column_checks(table: str) -> tuple[ColumnCheck, ...]:
    checks = []
    for position, field in enumerate(schema.fields(table)):
        if field["type"] not in JSON_TYPES:
            raise TypeError(f"{table}.{field['name']}: the cache cannot store a {field['type']}")
        types = JSON_TYPES[field["type"]] | ({NONE} if not schema.is_required(field) else set())
        allowed = field.get("constraints", {}).get("enum")
        checks.append(
            ColumnCheck(position, field["name"], types, frozenset(allowed) if allowed else None)
        )
    return tuple(checks)


@cache
def _row_types(table: str) -> frozenset[tuple[type, ...]]:
    """Every sequence of value types a row of the table may have (a row is checked at once)."""
    return frozenset(product(*(check.types for check in _column_checks(table))))


@cache
def _enums(table: str) -> tuple[tuple[Callable[[Row], Any], str, frozenset[str]], ...]:
    """(the value's getter, the column's name, its values) of each column with an enum."""
    return tuple(
        (itemgetter(check.position), check.name, check.allowed)
        for check in _column_checks(table)
        if check.allowed is not None
    )


def _typed_rows(table: str, values: object) -> list[Row]:
    """The table's rows: each a list of exactly its columns, each value of its column's type
    (required ones present, enums respected)."""
    if type(values) is not list or not set(map(type, values)) <= {list}:
        raise Rejected(f"{table}: not a list of rows")
    rows = list(map(tuple, values))
    if not {tuple(map(type, row)) for row in rows} <= _row_types(table):
        raise Rejected(_type_problem(table, rows))
    for value_of, name, allowed in _enums(table):
        found = set(map(value_of, rows)) - {None}  # values of the column's type by now
        if not found <= allowed:
            raise Rejected(f"{table}: {name} {_short(min(found - allowed))} is not allowed")
    return rows


def _type_problem(table: str, rows: list[Row]) -> str:
    """The first row and column of the wrong type, or of the wrong width."""
    checks = _column_checks(table)
    for number, row in enumerate(rows):
        if len(row) != len(checks):
            return f"{table} row {number}: not {len(checks)} values"
        for check, value in zip(checks, row, strict=True):
            if type(value) not in check.types:
                what = "empty" if value is None else f"a {type(value).__name__}"
                return f"{table} row {number}: {check.name} is {what}"
    raise AssertionError("no problem found")  # pragma: no cover


def _article(seed: Seed, meta: ArticleMeta, source_file: str) -> Row:
    """The article row, which follows from the seed and its metadata alone."""
    return article_row(seed, meta, source_file, len(text.paragraphs(seed.text, seed.body_start)))


@cache
def _span_columns(table: str) -> tuple[int, ...]:
    """Positions of the record id, article_id, text, start and end in the table's rows."""
    names = (schema.primary_key(table)[0], "article_id", "text", "start", "end")
    return tuple(schema.column(table, name) for name in names)


def _check_spans(table: str, rows: list[Row], seed: Seed) -> None:
    """Every row is a span of the seed's text, with its article and its record id, in text
    order, one per span."""
    id_at, article_at, text_at, start_at, end_at = _span_columns(table)
    body, article_id, previous = seed.text, seed.article_id, (-1, -1)
    length, record_id = len(body), schema.record_id
    for row in rows:
        start, end = row[start_at], row[end_at]
        if not 0 <= start < end <= length or body[start:end] != row[text_at]:
            raise Rejected(f"{table}: span [{start}:{end}] is not the seed's text")
        if (start, end) <= previous:
            raise Rejected(f"{table}: span [{start}:{end}] out of text order or repeated")
        previous = (start, end)
        if row[article_at] != article_id:
            raise Rejected(f"{table}: [{start}:{end}] names article {_short(row[article_at])}")
        if row[id_at] != record_id(table, article_id, start, end):
            raise Rejected(f"{table}: [{start}:{end}] has id {_short(row[id_at])}")


# An actor in an entry is the list of its fields' values, in the dataclass's order.
ACTOR_FIELDS = tuple(dataclasses.fields(ArticleActor))
ACTOR_TYPES: dict[str, tuple[frozenset[type], bool]] = {  # annotation -> JSON types, nullable
    "str": (frozenset([str]), False),
    "str | None": (frozenset([str]), True),
    "bool": (frozenset([bool]), False),
    "set[str]": (frozenset([list]), False),  # a list of strings
}
SET_FIELDS = tuple(n for n, f in enumerate(ACTOR_FIELDS) if str(f.type).startswith("set["))
ACTOR_KINDS = frozenset(schema.enum("actors", "kind"))


def _actor_values(actor: ArticleActor) -> list[Any]:
    values = [getattr(actor, f.name) for f in ACTOR_FIELDS]
    return [sorted(v) if isinstance(v, set) else v for v in values]


def _actors(values: object, registry_ids: frozenset[str]) -> list[ArticleActor]:
    """The entry's actors: each of the dataclass's fields, of its type; keys unique, kinds from
    the schema, registry ids from the registry. Checked a field at a time."""
    width = len(ACTOR_FIELDS)
    if type(values) is not list or not set(map(type, values)) <= {list}:
        raise Rejected("actors: not a list of actors")
    if not set(map(len, values)) <= {width}:
        raise Rejected(f"actors: an actor that is not {width} values")
    columns = list(zip(*values, strict=True)) if values else [() for _ in ACTOR_FIELDS]
    by_name = {}
    for field, column in zip(ACTOR_FIELDS, columns, strict=True):
        types, nullable = ACTOR_TYPES[str(field.type)]
        kinds = set(map(type, column)) - ({NONE} if nullable else set())
        if not kinds <= types:
            raise Rejected(f"actors: {field.name} is a {', '.join(t.__name__ for t in kinds)}")
        if list in types and not set(map(type, chain.from_iterable(column))) <= {str}:
            raise Rejected(f"actors: {field.name} holds a value that is not text")
        by_name[field.name] = column
    if not set(by_name["kind"]) <= ACTOR_KINDS:
        raise Rejected(f"actors: kind {_short(sorted(set(by_name['kind']) - ACTOR_KINDS))}")
    if not set(by_name["registry_id"]) - {None} <= registry_ids:
        raise Rejected("actors: a registry_id that is not in the registry")
    if len(set(by_name["key"])) != len(values):
        raise Rejected("actors: a key repeated")
    return [_actor(fields) for fields in values]


def _actor(fields: list[Any]) -> ArticleActor:
    for position in SET_FIELDS:
        fields[position] = set(fields[position])
    return ArticleActor(*fields)


def _check_actor_annotations() -> None:
    """Every field of ArticleActor has a type the entry format knows (a new field with a new
    type must be added to ACTOR_TYPES: this fails on import until it is)."""
    unknown = [f.name for f in ACTOR_FIELDS if str(f.type) not in ACTOR_TYPES]
    if unknown:
        raise TypeError(f"ArticleActor fields the cache cannot check: {', '.join(unknown)}")


_check_actor_annotations()
for _table in STORED_TABLES:
    _column_checks(_table)  # a column type the entry format cannot hold fails on import
