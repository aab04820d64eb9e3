"""HTML pages and web archives read as records: main text and metadata by trafilatura,
WARC and WARC.gz files by warcio (HTML responses read as pages, other records counted)."""

from __future__ import annotations

import logging
import warnings
import zlib
from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from newsfacts.errors import NewsfactsError
from newsfacts.sources.records import Record, Skipped

MAX_PAGE_BYTES = 20_000_000  # a news page is rarely over 2 MB; more is not one article
HTML_TYPES = ("text/html", "application/xhtml+xml")
READ_CHUNK = 1 << 16


def page_record(html: bytes, origin: str, url: str | None = None) -> Record | Skipped:
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
        language=document.language,
    )


@cache
def _quiet_extractor_logs() -> None:
    """trafilatura and its date and URL helpers log what they could not find; the import's
    report says what matters, one line per page."""
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def html_files(path: Path) -> list[Path]:
    """The page itself, or every .html/.htm file under a folder, in path order."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix.lower() in (".html", ".htm"))
    return [path]


def read_html(path: Path) -> Iterator[Record | Skipped]:
    for page in html_files(path):
        try:
            data = page.read_bytes()
        except OSError as error:
            yield Skipped(str(page), "error", f"cannot read: {error.strerror or error}")
            continue
        yield page_record(data, str(page))


def read_warc(path: Path) -> Iterator[Record | Skipped]:
    """Each HTML response of the archive as a page; other records skipped as not articles."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        stream = path.open("rb")
    except OSError as error:
        raise NewsfactsError(f"{path}: cannot read: {error.strerror or error}") from None
    with stream:
        records = ArchiveIterator(stream)
        next_offset = 0  # where the record being read starts
        try:
            for record in records:
                outcome = _warc_record(record, "")  # reads the content: offsets come after
                while record.raw_stream.read(READ_CHUNK):
                    pass
                if record.raw_stream.limit > 0:  # the archive ends inside the record
                    raise EOFError(f"{record.raw_stream.limit:,} bytes of the record missing")
                offset = records.get_record_offset()
                next_offset = offset + records.get_record_length()
                yield replace(outcome, origin=f"{path}@{offset}")
        except (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error) as error:
            yield Skipped(f"{path}@{next_offset}", "error", f"truncated or malformed WARC: {error}")


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
    return page_record(record.content_stream().read(MAX_PAGE_BYTES + 1), origin, url)
