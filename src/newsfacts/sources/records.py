"""Articles as records from other tools (crawlers, exports, shard files): one article's text
and metadata, its stable id, and the seed file it becomes.

`newsfacts import` writes these records as seeds/<id>.txt plus an articles.yaml entry, and
`build --seeds FILE.jsonl|.parquet` reads them straight from a shard file; both go through
`accept` and `seed_bytes` here, so the two give the same articles byte for byte.

Field names are recognised as news-please, newspaper4k and CC-NEWS-style dumps write them
(`FIELD_NAMES`); `--map FIELD=COLUMN` names others.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from newsfacts.errors import NewsfactsError
from newsfacts.sources.curated import ArticleMeta

# Our field -> the names other tools give it, in the order they are tried.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("maintext", "text", "content", "body", "article", "main_text"),
    "title": ("title", "headline"),
    "published_date": (
        "date_publish",
        "publish_date",
        "published_date",
        "date_published",
        "published",
        "date",
    ),
    "url": ("url", "link", "source_url", "canonical_url"),
    "authors": ("authors", "author", "byline"),
    "publisher": ("source_domain", "publisher", "sitename", "site_name", "source", "domain"),
    "language": ("language", "lang"),
}
MIN_WORDS = 40  # fewer words is a teaser, a caption or an index page, not an article
LANGUAGE_SAMPLE_WORDS = 1_000
MIN_ENGLISH_SHARE = 0.12  # the English test articles: 26-51%; other languages: 0-8%
SLUG_CHARS = 60
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
URL = re.compile(r"^https?://[^\s\x00-\x1f\x7f]+$")
MAX_ARTICLE_BYTES = 5_000_000  # a news article is a few kilobytes; more is not one article


@dataclass(frozen=True)
class Record:
    """One article from a page, a line or a row: its text and what is known about it."""

    origin: str  # where it came from: "crawl.jsonl:12", "pages/a.html", "x.warc.gz@1024"
    text: str
    title: str | None = None
    url: str | None = None
    published_date: str | None = None
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    language: str | None = None  # as declared by the source, when it says


@dataclass(frozen=True)
class Accepted:
    article_id: str
    seed: bytes  # the seed file's bytes
    meta: ArticleMeta


@dataclass(frozen=True)
class Skipped:
    origin: str
    reason: str  # "duplicate", "not an article", "not English", "error"
    detail: str


def field_map(mapping: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """FIELD_NAMES with `--map FIELD=COLUMN` choices first; an unknown FIELD is an error."""
    unknown = sorted(set(mapping) - set(FIELD_NAMES))
    if unknown:
        raise NewsfactsError(
            f"--map {unknown[0]}=...: not a field (fields: {', '.join(FIELD_NAMES)})"
        )
    return {
        name: (mapping[name],) if name in mapping else names for name, names in FIELD_NAMES.items()
    }


def from_mapping(
    row: Mapping[str, Any], origin: str, names: Mapping[str, tuple[str, ...]]
) -> Record:
    """A record from a JSON object or a CSV row; a clear error when it has no text field."""

    def first(field: str) -> Any:
        return next((row[n] for n in names[field] if row.get(n) not in (None, "")), None)

    text = first("text")
    if text is None:
        tried = ", ".join(names["text"])
        raise NewsfactsError(f"{origin}: no article text (looked for a field named {tried})")
    return Record(
        origin=origin,
        text=_as_text(text, origin, "text"),
        title=_optional_text(first("title")),
        url=_optional_text(first("url")),
        published_date=_optional_text(first("published_date")),
        publisher=_optional_text(first("publisher")),
        authors=_authors(first("authors")),
        language=_optional_text(first("language")),
    )


def _as_text(value: Any, origin: str, field: str) -> str:
    if not isinstance(value, str):
        raise NewsfactsError(f"{origin}: {field} is a {type(value).__name__}, expected text")
    return value


def _optional_text(value: Any) -> str | None:
    """Text, a number or a date as one line; anything else (an object, a list) is no value."""
    if value is None or isinstance(value, dict | list | tuple | bool):
        return None
    text = " ".join(str(value).split())
    return text or None


def _authors(value: Any) -> tuple[str, ...]:
    """A list of names, or one string of names separated by ';' or ','."""
    if isinstance(value, str):
        items: list[Any] = re.split(r"[;,]", value)
    elif isinstance(value, list | tuple):
        items = [item for item in value if isinstance(item, str)]
    else:
        return ()
    return tuple(name for item in items if (name := " ".join(item.split())))


def clean_url(url: str | None) -> str | None:
    """An http(s) URL without control characters, spaces or credentials; else none."""
    if not url or not URL.match(url):
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises on a port that is not a number)
    except ValueError:  # "http://[abc/x": not a URL one can use
        return None
    if parts.username is not None or parts.password is not None:
        host = parts.netloc.rsplit("@", 1)[1]
        url = parts._replace(netloc=host).geturl()
    return url


def normalised_lines(text: str) -> list[str]:
    """The article's paragraphs as the seed reader keeps them: spaces folded, blanks dropped."""
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n"))
    return [line for line in lines if line]


def seed_bytes(text: str) -> bytes:
    """The seed file for a record's text: UTF-8, one paragraph a line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return ("\n".join(normalised_lines(text)) + "\n").encode("utf-8")


def article_id(url: str | None, seed: bytes) -> str:
    """A slug of the URL's host and path plus 8 hex digits of its sha256 (two URLs never
    share an id); without a URL, `text-` and 16 hex digits of the seed's sha256."""
    if url:
        parts = urlsplit(url)
        host = parts.netloc.lower().removeprefix("www.")
        slug = re.sub(r"[^a-z0-9]+", "-", f"{host}{parts.path}".lower()).strip("-")
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:8]
        return f"{slug[:SLUG_CHARS].rstrip('-') or 'page'}-{digest}"
    return f"text-{hashlib.sha256(seed).hexdigest()[:16]}"


@cache
def english_words() -> frozenset[str]:
    path = resources.files("newsfacts") / "lexicons" / "english_common_words.txt"
    lines = (line.split("#", 1)[0] for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(word for line in lines for word in line.split())


def english_share(text: str) -> float:
    """The share of the first 1,000 words that are among the commonest English words."""
    words = [w.lower() for w in WORD.findall(text, 0, 20_000)][:LANGUAGE_SAMPLE_WORDS]
    common = english_words()
    return sum(w in common for w in words) / len(words) if words else 0.0


def published_date(value: str | None) -> dt.date | None:
    """The date of "2024-05-01", "2024-05-01T09:30:00Z" or "2024-05-01 09:30"; else none."""
    found = DATE.match(value or "")
    if not found:
        return None
    try:
        return dt.date(*map(int, found.groups()))
    except ValueError:
        return None


class Acceptor:
    """Turns records into seeds, skipping what is not an English article or was seen."""

    def __init__(self, known_ids: set[str] | None = None, known_seeds: set[str] | None = None):
        self.ids: set[str] = set(known_ids or ())
        self.seeds: set[str] = set(known_seeds or ())  # sha256 of every seed file seen

    def accept(self, record: Record) -> Accepted | Skipped:
        if "\x00" in record.text:
            return Skipped(record.origin, "error", "the text holds NUL bytes: binary, not text")
        seed = seed_bytes(record.text)
        if len(seed) > MAX_ARTICLE_BYTES:
            limit = f"{len(seed):,} bytes of text, over the {MAX_ARTICLE_BYTES:,}-byte limit"
            return Skipped(record.origin, "not an article", limit)
        words = len(seed.split())
        if words < MIN_WORDS:
            return Skipped(record.origin, "not an article", f"{words} words of text")
        declared = (record.language or "").lower()[:2]
        if declared and declared != "en":
            return Skipped(record.origin, "not English", f"language {record.language!r}")
        share = english_share(seed.decode("utf-8"))
        if share < MIN_ENGLISH_SHARE:
            return Skipped(record.origin, "not English", f"{share:.0%} common English words")
        digest = hashlib.sha256(seed).hexdigest()
        url = clean_url(record.url)
        identifier = article_id(url, seed)
        if digest in self.seeds or identifier in self.ids:
            same = "text" if digest in self.seeds else "URL"
            return Skipped(record.origin, "duplicate", f"same {same} as an article already in")
        self.seeds.add(digest)
        self.ids.add(identifier)
        meta = ArticleMeta(
            title=record.title,
            url=url,
            published_date=published_date(record.published_date),
            publisher=record.publisher,
            authors=list(record.authors) or None,
            language="en",
            imported_from=record.origin,
        )
        return Accepted(identifier, seed, meta)
