"""Reading seed articles: bytes in, a normalised text with its byline out.

Each seeds/<article_id>.txt is UTF-8 (a BOM is dropped), CRLF and CR become LF,
the text is NFC-normalised, runs of spaces and tabs are folded, blank lines are
dropped: one paragraph per line. A first line that is a byline ("By Jane Doe,
Reuters", "The Daily Planet’s Jane Doe") gives publisher and authors.
"""

from __future__ import annotations

import copy
import errno
import hashlib
import itertools
import logging
import os
import re
import stat
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import overload

from newsfacts import schema
from newsfacts.errors import NewsfactsError
from newsfacts.sources.records import MAX_ARTICLE_BYTES as MAX_ARTICLE_BYTES
from newsfacts.sources.records import normalised_lines

log = logging.getLogger(__name__)
ARTICLE_ID = re.compile(schema.field("articles", "article_id")["constraints"]["pattern"])
MAX_ARTICLE_ID_CHARS = 128  # a seed's file name is its article_id
NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|bin|al|da|del))*"
BY_LINE = re.compile(r"^By\s+(?P<authors>.+?)(?:,\s*(?P<publisher>[^,]+))?$")
POSSESSIVE_LINE = re.compile(
    rf"^(?P<publisher>(?:The\s+)?{NAME})['’]s\s+(?P<authors>{NAME}(?:\s+and\s+{NAME})*)$"
)


@dataclass(frozen=True)
class Seed:
    article_id: str
    path: Path
    sha256: str
    text: str
    body_start: int
    publisher: str | None
    authors: tuple[str, ...]


class PackedNames(Sequence[str]):
    """Names kept as one string and where each ends: a million seed names take about 24 MB
    for the whole build (a list of str took about 70 MB). A slice is a view."""

    def __init__(self, names: Sequence[str] = ()) -> None:
        self.text = "".join(names)
        self.ends = array("Q", itertools.accumulate(map(len, names)))
        self.first, self.stop = 0, len(self.ends)

    def __len__(self) -> int:
        return self.stop - self.first

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> PackedNames: ...

    def __getitem__(self, index: int | slice) -> str | PackedNames:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return PackedNames([self[n] for n in range(start, stop, step)])
            view = copy.copy(self)
            view.first, view.stop = self.first + start, self.first + max(start, stop)
            return view
        at = self.first + (index + len(self) if index < 0 else index)
        if not self.first <= at < self.stop:
            raise IndexError(index)
        return self.text[self.ends[at - 1] if at else 0 : self.ends[at]]

    def __iter__(self) -> Iterator[str]:
        return (self[n] for n in range(len(self)))


class SeedFiles(Sequence[Path]):
    """The seed files of one folder in article_id order, kept as names: a Path object per
    seed took about 300 bytes (9 MB at 30,000 seeds), for the whole build."""

    def __init__(self, folder: Path, names: Sequence[str]) -> None:
        self.folder = folder
        self.names = names

    def __len__(self) -> int:
        return len(self.names)

    @overload
    def __getitem__(self, index: int) -> Path: ...

    @overload
    def __getitem__(self, index: slice) -> SeedFiles: ...

    def __getitem__(self, index: int | slice) -> Path | SeedFiles:
        if isinstance(index, slice):
            return SeedFiles(self.folder, self.names[index])
        return self.folder / self.names[index]

    def __iter__(self) -> Iterator[Path]:
        return (self.folder / name for name in self.names)


SYMLINK_HINT = "seeds must be files inside the seeds folder (build --allow-symlinks follows links)"


def list_seeds(seeds_dir: Path, allow_symlinks: bool = False, strict: bool = False) -> SeedFiles:
    """The seed files, sorted by article_id; a clear error when names clash or (unless
    allowed) a seed is a symbolic link, which could lead anywhere on the disk. Other entries
    (subfolders, other extensions) are not articles: listed in a warning, or an error when
    `strict`. Hidden files (.gitkeep) are ignored. No seeds at all is an empty dataset."""
    if seeds_dir.is_file():
        raise NewsfactsError(f"{seeds_dir}: a file, not a seeds folder or a .jsonl/.parquet shard")
    if not seeds_dir.is_dir():
        raise NewsfactsError(f"{seeds_dir}: seeds folder not found")
    names, others, link = _listed(seeds_dir)
    _report_not_articles(seeds_dir, others, strict)
    if link is not None and not allow_symlinks:
        raise NewsfactsError(f"{seeds_dir / link}: a symbolic link; {SYMLINK_HINT}")
    names.sort(key=seed_stem)  # article_id order: the order of every table
    for name in names:
        stem = seed_stem(name)
        if not ARTICLE_ID.fullmatch(stem) or len(stem) > MAX_ARTICLE_ID_CHARS:
            raise NewsfactsError(
                f"{seeds_dir / name}: file name cannot be an article_id (use letters, digits, "
                f"_ and -, starting with a letter or digit, at most {MAX_ARTICLE_ID_CHARS})"
            )
    _check_case_clashes(seeds_dir, names)
    return SeedFiles(seeds_dir, PackedNames(names))


def _listed(seeds_dir: Path) -> tuple[list[str], list[str], str | None]:
    """The folder's seed file names, its other entries' names (sorted) and the first seed that
    is a symbolic link; hidden entries left out. Only names are kept (an entry object per
    file of a million-seed folder would take about 300 MB)."""
    names: list[str] = []
    others: list[str] = []
    link = None
    with os.scandir(seeds_dir) as entries:
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.name.endswith(".txt") and not entry.is_dir(follow_symlinks=False):
                names.append(entry.name)
                if link is None and entry.is_symlink():
                    link = entry.name
            else:
                others.append(entry.name)
    return names, sorted(others), link


def seed_stem(name: str) -> str:
    """The article id of a seed file's name."""
    return name[: -len(".txt")]


def _check_case_clashes(seeds_dir: Path, names: list[str]) -> None:
    """Two article ids may not differ only in case. One of two such ids holds a capital, so
    only those are compared: with each other, and with the all-lower-case ids (`names` is
    sorted by article id)."""
    seen: dict[str, str] = {}
    for name in names:
        stem = seed_stem(name)
        if stem == stem.lower():
            continue
        lower = stem.lower()
        at = bisect_left(names, lower, key=seed_stem)
        clash = names[at] if at < len(names) and seed_stem(names[at]) == lower else None
        clash = clash or seen.setdefault(lower, name)
        if clash != name:
            first, second = sorted([clash, name], key=seed_stem)
            raise NewsfactsError(
                f"{seeds_dir / second}: duplicate article_id (differs from {first} only in case)"
            )


def _report_not_articles(seeds_dir: Path, names: list[str], strict: bool) -> None:
    if not names:
        return
    shown = ", ".join(names[:10]) + (f" and {len(names) - 10} more" if len(names) > 10 else "")
    message = (
        f"{seeds_dir}: {len(names)} entries are not seed files (<article_id>.txt), "
        f"not read: {shown}"
    )
    if strict:
        raise NewsfactsError(message)
    log.warning("warning: %s", message)


def read_seed(path: Path, allow_symlinks: bool = False) -> Seed:
    return seed_from_bytes(path, _read_bytes(path, allow_symlinks))


def seed_sha256(path: Path, allow_symlinks: bool = False) -> str:
    """The sha256 of a seed file's bytes (a seed's `sha256`), read as read_seed reads it."""
    return hashlib.sha256(_read_bytes(path, allow_symlinks)).hexdigest()


def seed_from_bytes(path: Path, data: bytes) -> Seed:
    """The seed whose file, at `path`, holds `data`."""
    lines = normalised_lines(decode(path, data))
    if not lines:
        raise NewsfactsError(f"{path}: empty article (no text)")
    publisher, authors = parse_byline(lines[0]) if len(lines) > 1 else (None, ())
    normalised = "\n".join(lines)
    body_start = len(lines[0]) + 1 if publisher or authors else 0
    return Seed(
        path.stem,
        path,
        hashlib.sha256(data).hexdigest(),
        normalised,
        body_start,
        publisher,
        authors,
    )


def _read_bytes(path: Path, allow_symlinks: bool) -> bytes:
    """The file's bytes; a link is not followed unless allowed (O_NOFOLLOW: no race with a
    link made after the folder was listed)."""
    # O_NONBLOCK: a pipe named like a seed must not hang the open
    flags = os.O_RDONLY | os.O_NONBLOCK | (0 if allow_symlinks else os.O_NOFOLLOW)
    try:
        with os.fdopen(os.open(path, flags), "rb") as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise NewsfactsError(f"{path}: not a regular file (a pipe, device or folder)")
            data = handle.read(MAX_ARTICLE_BYTES + 1)  # never more than the limit allows
            size = status.st_size
    except OSError as error:
        if error.errno == errno.ELOOP and not allow_symlinks:
            raise NewsfactsError(f"{path}: a symbolic link; {SYMLINK_HINT}") from error
        raise NewsfactsError(f"{path}: cannot read: {error.strerror or error}") from error
    if len(data) > MAX_ARTICLE_BYTES:
        raise NewsfactsError(
            f"{path}: too large for one article "
            f"({max(size, len(data)):,} bytes; the limit is {MAX_ARTICLE_BYTES:,})"
        )
    return data


def decode(path: Path, data: bytes) -> str:
    if b"\x00" in data:
        raise NewsfactsError(f"{path}: binary file (contains NUL bytes), expected UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise NewsfactsError(f"{path}: not UTF-8 (invalid byte at offset {error.start})") from error
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def parse_byline(line: str) -> tuple[str | None, tuple[str, ...]]:
    """(publisher, authors) when the line is a byline, else (None, ())."""
    if len(line.split()) > 12 or re.search(r"[.!?]$|[“”\"]", line):
        return None, ()
    by = BY_LINE.match(line)
    if by:
        authors, publisher = by.group("authors"), by.group("publisher")
        caps = re.match(r"^(?P<names>[A-Z][A-Z.'’ -]+?)\s+(?P<publisher>[A-Z][a-z].*)$", authors)
        if caps and not publisher:
            authors, publisher = caps.group("names"), caps.group("publisher")
        return publisher, _split_authors(authors)
    possessive = POSSESSIVE_LINE.match(line)
    if possessive:
        return possessive.group("publisher"), _split_authors(possessive.group("authors"))
    return None, ()


def _split_authors(authors: str) -> tuple[str, ...]:
    names = [n.strip() for n in re.split(r",|\band\b|&", authors) if n.strip()]
    return tuple(n.title() if n.isupper() else n for n in names)


def read_seed_bytes(path: Path, allow_symlinks: bool = False) -> bytes:
    """A seed file's bytes, read and checked as read_seed reads them (for a worker elsewhere)."""
    return _read_bytes(path, allow_symlinks)
