"""The part as the unit of a build: which seeds each part holds, a fingerprint of everything
its files depend on, and the summary a build keeps of each part it published, so that a
rebuild keeps a part whose fingerprint and actor ids did not change without extracting,
encoding or hashing it again.

A summary is data, never code: one JSON file per part, named after the part's fingerprint,
in a `parts/` folder of the extraction cache (so its version folder: a changed extractor
starts without summaries). It is written only once the build that made it passed validation,
and it is checked when read: its sha256 (the file's first line), its fields and their types,
its fingerprint and part key; and the previous build's files must be the ones it names (by
their sha256 in that build's SHA256SUMS). A summary that fails a check is not used: the part
is built again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
import sqlite3
import stat
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from newsfacts.build.cache import Rejected, _read_entry, _write_private, extractor_version
from newsfacts.build.corrections import ArticleEntry, Corrector
from newsfacts.build.parallel import NO_META, SeedJob, SeedJobs
from newsfacts.build.part_actors import Claim
from newsfacts.package.write import ARTICLE_TABLES, FORMATS, is_boundary
from newsfacts.schema import schema_dir
from newsfacts.sources.curated import ArticleMeta
from newsfacts.sources.seeds import seed_sha256

log = logging.getLogger(__name__)

FORMAT: Final = 1  # the summary format, written into each summary
PACKAGE = Path(__file__).resolve().parents[1]  # src/newsfacts
# The code that turns a part's extractions into its files (the extractor is extractor_version's)
PART_CODE = (
    "build/actor_ids.py",
    "build/corrections.py",
    "build/part_actors.py",
    "build/part_rows.py",
    "build/parts.py",
    "build/run.py",
    "package/facts.py",
    "package/write.py",
)
WRITER_PACKAGES = ("pyarrow",)  # its version decides the bytes of CSV and Parquet files


@dataclass(frozen=True)
class PartPlan:
    """A part of the article tables: its key, its seeds in article order, and its fingerprint
    ("" in a build without a cache: nothing is compared)."""

    jobs: Sequence[SeedJob]
    article_ids: Sequence[str]
    fingerprint: str = ""

    @property
    def key(self) -> str:
        return f"part-{self.article_ids[0]}"


def article_id(job: SeedJob) -> str:
    return job.path.stem


def planned_parts(jobs: Sequence[SeedJob], part_articles: int) -> list[PartPlan]:
    """The seeds (in article order) in parts: a part ends after an article that is_boundary."""
    ids = jobs.article_ids if isinstance(jobs, SeedJobs) else [article_id(j) for j in jobs]
    parts, start = [], 0
    for end, found in enumerate(ids, 1):
        if is_boundary(found, part_articles, end - start) or end == len(ids):
            parts.append(PartPlan(jobs[start:end], ids[start:end]))
            start = end
    return parts


def build_digest(registry_digest: str, no_text: bool, corrector: Corrector) -> str:
    """What every part's files depend on besides its own seeds: the extractor, the code that
    writes parts, the schema, the actor registry, build options, the merges of actors."""
    digest = hashlib.sha256(f"parts {FORMAT}\0{extractor_version()}\0".encode())
    for pattern in PART_CODE:
        for path in sorted(PACKAGE.glob(pattern)):
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    for path in sorted(schema_dir().glob("*.json")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for package in WRITER_PACKAGES:
        digest.update(f"{package}=={metadata.version(package)}\0".encode())
    digest.update(f"registry {registry_digest}\0no_text {no_text}\0".encode())
    digest.update(json.dumps(sorted(corrector.merged_into.items())).encode())
    return digest.hexdigest()


def fingerprint(
    common: str, part: PartPlan, entries: dict[str, list[ArticleEntry]], seeds: SeedHashes
) -> str:
    """The sha256 of everything a part's files depend on, but the actor ids of other parts:
    `common` (build_digest), and each article's id, seed sha256, source path, metadata and
    corrections."""
    digest = hashlib.sha256(common.encode())
    no_meta = NO_META.model_dump_json()
    for found, sha256, source_file, meta in described(part.jobs, seeds):
        meta_json = no_meta if meta is NO_META else meta.model_dump_json()
        values = [found, sha256, source_file, meta_json]
        values += [entry.model_dump_json() for entry in entries.get(found, [])]
        digest.update("\0".join(values).encode() + b"\1")
    return digest.hexdigest()


def described(
    jobs: Sequence[SeedJob], seeds: SeedHashes
) -> Iterator[tuple[str, str, str, ArticleMeta]]:
    """Each seed's article_id, sha256, source path and metadata."""
    if isinstance(jobs, SeedJobs):
        for found, path, source_file, meta in jobs.described():
            yield found, seeds.file_sha256(path, jobs.allow_symlinks), source_file, meta
        return
    for job in jobs:
        yield article_id(job), seeds.sha256(job), job.source_file, job.meta


class SeedHashes:
    """Each seed file's sha256, remembered with its size, modification and change times and
    inode (`os.stat`), so that a rebuild reads only the seeds that changed to fingerprint
    the parts. A file's change time (ctime) moves on any write and cannot be set back, so a
    file with the same stat holds the same bytes; one changed in the last RECENT_SECONDS
    before the list was written is not remembered (it could change again within the same
    tick of the clock).

    The list is an SQLite file (plain columns, checked when read), looked up a seed at a
    time and written as the seeds are seen: a dictionary of a million seeds would take
    about 500 MB. A list that cannot be read is a list of nothing."""

    RECENT_SECONDS = 2
    BATCH = 4_096  # seeds written at a time

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.known = _open_list(path) if path else None
        self.new: sqlite3.Connection | None = None
        self.seen: list[tuple[str, int, int, int, int, str]] = []

    def sha256(self, job: SeedJob) -> str:
        if job.data is not None:
            return hashlib.sha256(job.data).hexdigest()
        return self.file_sha256(os.path.abspath(job.path), job.allow_symlinks)

    def file_sha256(self, name: str, allow_symlinks: bool) -> str:
        """The sha256 of the seed file at the absolute path `name`."""
        try:
            found = os.stat(name, follow_symlinks=allow_symlinks)
        except OSError:
            found = None
        if found is None or not stat.S_ISREG(found.st_mode):
            return seed_sha256(Path(name), allow_symlinks)  # it says what is wrong
        status = (found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino)
        remembered = self._remembered(name)
        if remembered and remembered[:4] == status:
            sha256 = remembered[4]
        else:
            sha256 = seed_sha256(Path(name), allow_symlinks)
        self._note((name, *status, sha256))
        return sha256

    def _remembered(self, name: str) -> tuple[int, int, int, int, str] | None:
        if self.known is None:
            return None
        try:
            row = self.known.execute(f"SELECT {STATUS} FROM seeds WHERE name = ?", (name,))
            found = row.fetchone()
        except sqlite3.Error:
            self.known = None
            return None
        if found and all(type(v) is int for v in found[:4]) and _is_sha256(found[4]):
            return tuple(found)
        return None

    def _note(self, seen: tuple[str, int, int, int, int, str]) -> None:
        if self.path is None:
            return
        self.seen.append(seen)
        if len(self.seen) >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        try:
            if self.new is None and self.path is not None:
                self.new = _new_list(self.path.with_name(self.path.name + ".new"))
            if self.new is not None:
                self.new.executemany("INSERT OR REPLACE INTO seeds VALUES (?,?,?,?,?,?)", self.seen)
        except (OSError, sqlite3.Error):
            self.path = None  # the cache only saves time: nothing is remembered
        self.seen.clear()

    def save(self) -> None:
        """Replace the list with the seeds seen (but those changed a moment ago)."""
        self._flush()
        if self.known is not None:
            self.known.close()
        if self.path is None or self.new is None:
            return
        settled = time.time_ns() - self.RECENT_SECONDS * 10**9
        try:
            self.new.execute("DELETE FROM seeds WHERE ctime >= ?", (settled,))
            self.new.commit()
            self.new.close()
            os.replace(self.path.with_name(self.path.name + ".new"), self.path)
        except (OSError, sqlite3.Error):
            pass


STATUS = "size, mtime, ctime, inode, sha256"


def _open_list(path: Path) -> sqlite3.Connection | None:
    """The list a build wrote, read only, when it is a file."""
    if path.is_symlink() or not path.is_file():
        return None
    try:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return None


def _new_list(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))  # private, as the cache
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = OFF")  # written whole, then moved into place
    db.execute("PRAGMA synchronous = OFF")
    db.execute(
        "CREATE TABLE seeds (name TEXT PRIMARY KEY, size INTEGER, mtime INTEGER,"
        " ctime INTEGER, inode INTEGER, sha256 TEXT)"
    )
    return db


def _is_sha256(value: object) -> bool:
    return isinstance(value, str) and SHA256.fullmatch(value) is not None


SHA256 = re.compile(r"[0-9a-f]{64}")


# An article's own actor, as the actors table has it but its mention count:
# actor_id, name, kind, title, country_code, unnamed, article_id, registered, aliases
OwnActor = tuple[str, str, str, str | None, str | None, bool, str | None, bool, list[str]]
LogRow = tuple[str, str, str, str, str | None, str]  # a corrections row (corrections.note)
Reference = tuple[str, str, str]  # a correction's entry id, its key, the actor id it names


class PartSummary(BaseModel):
    """What a build needs of a part it keeps: the actors it claims and the ids they got,
    its own actors, its tallies, its corrections rows, and its files' sha256."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    format: Literal[1]
    key: str
    fingerprint: str
    claims: list[Claim]
    ids: list[str]  # each claim's resolved actor id
    own_actors: list[OwnActor]
    rows: dict[str, int]  # rows per article table
    seed_folders: list[str]
    newest_date: dt.date | None
    without_text: int
    mention_counts: dict[str, int]  # per actor id
    quote_counts: dict[str, int]  # per speaker's actor id
    log: list[LogRow]
    references: list[Reference]
    files: dict[str, str]  # the part's files, by their names in SHA256SUMS -> sha256


def part_files(key: str) -> list[str]:
    """A part's files, by their names in SHA256SUMS."""
    return [f"{fmt}/{table}/{key}.{fmt}" for fmt in FORMATS for table in ARTICLE_TABLES]


class PartStore:
    """The summaries of the parts of the last builds, in a folder of the cache."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, fingerprint: str) -> Path:
        return self.folder / f"{fingerprint}.json"

    def has(self, part: PartPlan) -> bool:
        """Whether a summary of the part may be here (it is read, and checked, by load)."""
        return self.path(part.fingerprint).is_file()

    def load(self, part: PartPlan, previous: dict[str, str]) -> PartSummary | None:
        """The part's summary when every check passes and the previous build (`previous`:
        its SHA256SUMS) holds the part's files; else None (a damaged one with a warning)."""
        path = self.path(part.fingerprint)
        try:
            data = _read_entry(path)
            if data is None:
                return None
            summary = _checked(data, part)
        except Rejected as why:
            log.warning(
                "warning: %s: part summary not used (%s); %s is built again", path, why, part.key
            )
            return None
        files = summary.files
        if any(previous.get(name) != files.get(name) for name in part_files(part.key)):
            return None  # the previous build does not hold these files (built elsewhere?)
        return summary

    def save(self, summary: PartSummary) -> None:
        """Write a summary atomically (the cache only saves time: a failure is ignored)."""
        document = summary.model_dump_json().encode()
        data = hashlib.sha256(document).hexdigest().encode() + b"\n" + document
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            _write_private(self.folder, f"{summary.fingerprint}.json", data)
        except OSError:
            pass

    def chart_drawn(self, ranking: list[tuple[str, int]]) -> str | None:
        """The sha256 of the chart a build drew of this ranking (None: not the last one)."""
        try:
            data = _read_entry(self.folder / CHART_RECORD)
            record = json.loads(data) if data else None
        except (Rejected, ValueError, RecursionError):
            return None
        if not isinstance(record, dict) or set(record) != {"drawn", "sha256"}:
            return None
        sha256 = record["sha256"]
        same = record["drawn"] == _drawing(ranking)
        return sha256 if same and isinstance(sha256, str) and SHA256.fullmatch(sha256) else None

    def save_chart(self, ranking: list[tuple[str, int]], sha256: str) -> None:
        record = {"drawn": _drawing(ranking), "sha256": sha256}
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            _write_private(self.folder, CHART_RECORD, json.dumps(record).encode())
        except OSError:
            pass

    def keep_only(self, fingerprints: set[str]) -> None:
        """Remove the summaries of parts the last build did not have."""
        if not self.folder.is_dir() or self.folder.is_symlink():
            return
        for path in self.folder.glob("*.json"):
            if path.stem not in fingerprints:
                path.unlink(missing_ok=True)


CHART_RECORD = "chart.record"  # the ranking of the last chart drawn, and its sha256


def _drawing(ranking: list[tuple[str, int]]) -> list[Any]:
    """What a chart's bytes depend on: its ranking and the library that draws it."""
    return [f"matplotlib=={metadata.version('matplotlib')}", [list(row) for row in ranking]]


def _checked(data: bytes, part: PartPlan) -> PartSummary:
    digest, _, document = data.partition(b"\n")
    if hashlib.sha256(document).hexdigest().encode() != digest:
        raise Rejected("its sha256 does not match")
    try:
        summary = PartSummary.model_validate_json(document)
    except ValidationError as error:
        raise Rejected(f"not a part summary: {str(error).splitlines()[0]}") from None
    if summary.fingerprint != part.fingerprint or summary.key != part.key:
        raise Rejected("not this part's summary")
    if len(summary.ids) != len(summary.claims) or set(summary.files) != set(part_files(part.key)):
        raise Rejected("its ids or files do not match")
    return summary
