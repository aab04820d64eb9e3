"""HTML pages and web archives read as records: main text and metadata by trafilatura,
WARC and WARC.gz files by warcio (HTML responses read as pages, other records counted)."""

from __future__ import annotations

import errno
import logging
import os
import re
import stat
import warnings
import zlib
from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

from newsfacts.errors import NewsfactsError
from newsfacts.sources.records import Record, Skipped

MAX_PAGE_BYTES = 20_000_000  # a news page is rarely over 2 MB; more is not one article
HTML_TYPES = ("text/html", "application/xhtml+xml")
READ_CHUNK = 1 << 16


def page_record(
    html: bytes, origin: str, url: str | None = None, language: str | None = None
) -> Record | Skipped:
    """The page's main text and metadata; skipped when there is no main text."""
    import trafilatura  # imported when pages are read: `newsfacts --help` stays instant

    if len(html) > MAX_PAGE_BYTES:
        return Skipped(origin, "not an article", f"{len(html):,} bytes, over the page limit")
    _quiet_extractor_logs()
    try:
        with warnings.catch_warnings():  # date parsers warn about time zones they guess
            warnings.simplefilter("ignore")
            document: Any = trafilatura.bare_extraction(
                html, url=url, with_metadata=True, include_comments=False, include_tables=False
            )
    except Exception as error:  # trafilatura raises many kinds on broken markup
        return Skipped(origin, "error", f"cannot read as HTML: {error}")
    if document is None or not (document.text or "").strip():
        return Skipped(origin, "not an article", "no main text found")
    return Record(
        origin=origin,
        text=document.text,
        title=document.title,
        url=url or document.url,
        published_date=document.date,
        publisher=document.sitename or document.hostname,
        authors=tuple(a.strip() for a in (document.author or "").split(";") if a.strip()),
        language=language or document.language,
    )


@cache
def _quiet_extractor_logs() -> None:
    """trafilatura and its date and URL helpers log what they could not find; the import's
    report says what matters, one line per page."""
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


PAGE_SUFFIXES = (".html", ".htm")


def html_files(path: Path) -> Iterator[Path | Skipped]:
    """The page itself, or every .html/.htm file under a folder in path order. Inside a
    folder, links are not followed (they could lead anywhere on the disk) and a subfolder
    that cannot be read is reported, never skipped in silence."""
    if not path.is_dir():
        yield path
        return
    problems: list[Skipped] = []

    def unreadable(error: OSError) -> None:
        problems.append(Skipped(str(error.filename), "error", f"cannot read: {error.strerror}"))

    found: list[Path] = []
    for folder, _, files in os.walk(path, onerror=unreadable):
        found += [Path(folder, name) for name in files if name.lower().endswith(PAGE_SUFFIXES)]
    yield from problems
    yield from sorted(found)


def read_html(path: Path) -> Iterator[Record | Skipped]:
    for page in html_files(path):
        if isinstance(page, Skipped):
            yield page
            continue
        try:
            data = _read_page(page, follow_links=page == path)
        except LinkNotFollowed as link:
            yield Skipped(str(page), "not an article", str(link))
            continue
        except NewsfactsError as error:
            yield Skipped(str(page), "error", str(error))
            continue
        yield page_record(data, str(page), language=declared_language(data))


class LinkNotFollowed(NewsfactsError):
    """A symbolic link inside a folder of pages: never followed (it could lead anywhere)."""


def _read_page(page: Path, follow_links: bool) -> bytes:
    """A regular file's bytes, at most one byte over the page limit; a pipe or device is
    never opened for reading in a way that could block."""
    flags = os.O_RDONLY | os.O_NONBLOCK | (0 if follow_links else os.O_NOFOLLOW)
    try:
        with os.fdopen(os.open(page, flags), "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise NewsfactsError("not a regular file (a pipe, device or folder)")
            return handle.read(MAX_PAGE_BYTES + 1)
    except OSError as error:
        if error.errno == errno.ELOOP and not follow_links:
            raise LinkNotFollowed("a symbolic link, not followed") from None
        raise NewsfactsError(f"cannot read: {error.strerror or error}") from None


HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def declared_language(html: bytes) -> str | None:
    """The language the page declares on its <html> element (lang="de"), if any."""
    found = HTML_LANG.search(html, 0, 4_096)
    return found.group(1).decode("ascii").lower() if found else None


def read_warc(path: Path) -> Iterator[Record | Skipped]:
    """Each HTML response of the archive as a page; other records skipped as not articles."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        stream = path.open("rb")
    except OSError as error:
        raise NewsfactsError(f"{path}: cannot read: {error.strerror or error}") from None
    with stream:
        problem = archive_problem(stream)
        if problem and problem[0] == 0:
            yield Skipped(f"{path}@0", "error", problem[1])
            return
        stream.seek(0)
        records = ArchiveIterator(stream)
        next_offset = 0  # where the record being read starts
        try:
            for record in records:
                if problem and records.offset >= problem[0]:
                    yield Skipped(f"{path}@{problem[0]}", "error", problem[1])
                    return
                outcome = _warc_record(record, "")  # reads the content: offsets come after
                while record.raw_stream.read(READ_CHUNK):
                    pass
                if record.raw_stream.limit > 0:  # the archive ends inside the record
                    raise EOFError(f"{record.raw_stream.limit:,} bytes of the record missing")
                offset = records.get_record_offset()
                next_offset = offset + records.get_record_length()
                yield replace(outcome, origin=f"{path}@{offset}")
            if problem:  # warcio stopped quietly at the cut-off member or record
                yield Skipped(f"{path}@{problem[0]}", "error", problem[1])
        except Exception as error:  # warcio fails in many ways on a damaged archive
            if problem:  # the cut-off member found beforehand says it best
                yield Skipped(f"{path}@{problem[0]}", "error", problem[1])
            else:
                known = isinstance(error, ArchiveLoadFailed | OSError | EOFError | ValueError)
                detail = str(error) if known else type(error).__name__
                yield Skipped(
                    f"{path}@{next_offset}", "error", f"truncated or malformed WARC: {detail}"
                )


GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = b"WARC/"
RECORD_END = b"\r\n\r\n"


def archive_problem(stream: BinaryIO) -> tuple[int, str] | None:
    """Whether a file is a WARC (it starts `WARC/`) and, gzipped, whether every gzip member
    is complete: (the offset, what is wrong) or None. Checked before records are read: the
    records before a cut-off member are imported, the cut-off one is an error."""
    head = stream.read(len(WARC_MAGIC))
    if not head.startswith(GZIP_MAGIC):
        if head != WARC_MAGIC:
            return 0, "not a WARC file (it does not start WARC/)"
        stream.seek(-len(RECORD_END), os.SEEK_END)
        if stream.read() != RECORD_END:  # every record ends with two line breaks
            size = stream.tell()
            return size, "truncated or malformed WARC: the file ends inside a record"
        return None
    stream.seek(0)
    position = member_start = 0  # file offsets: of the data fed next, of the open member
    inflate, pending, first = zlib.decompressobj(wbits=31), False, b""
    while chunk := stream.read(READ_CHUNK):
        data = chunk
        while data:
            try:
                out = inflate.decompress(data)
            except zlib.error as error:
                return member_start, f"truncated or malformed WARC: bad gzip data ({error})"
            first += out[: len(WARC_MAGIC) - len(first)]
            if not inflate.eof:
                position, pending, data = position + len(data), True, b""
                continue
            position += len(data) - len(inflate.unused_data)
            member_start, pending, data = position, False, inflate.unused_data
            inflate = zlib.decompressobj(wbits=31)
    if not first.startswith(WARC_MAGIC):
        return 0, "not a WARC file (its gzip content does not start WARC/)"
    if pending:
        return member_start, "truncated or malformed WARC: the file ends inside a record"
    return None


def _warc_record(record: Any, origin: str) -> Record | Skipped:
    if record.rec_type != "response":
        return Skipped(origin, "not an article", f"a WARC {record.rec_type} record")
    headers = record.http_headers
    kind = (headers.get_header("Content-Type") or "") if headers else ""
    if not kind.lower().startswith(HTML_TYPES):
        return Skipped(origin, "not an article", f"not HTML ({kind or 'no content type'})")
    status = headers.get_statuscode() if headers else ""
    if status != "200":
        return Skipped(origin, "not an article", f"HTTP status {status}")
    url = record.rec_headers.get_header("WARC-Target-URI")
    html = record.content_stream().read(MAX_PAGE_BYTES + 1)
    return page_record(html, origin, url, declared_language(html))
