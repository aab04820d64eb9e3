"""Every span against its article's text, batch by batch: `articles.text[start:end]` must equal
the record's text (offsets in Unicode code points).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, cast

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from newsfacts.schema import SPAN_FIELDS, SPAN_TABLES
from newsfacts.validate.cells import length, slice_of, typed_batches
from newsfacts.validate.problems import Problem

TEXT_WINDOW_CHARS = 16 << 20  # a second-pass window holds about 16M characters of text


@dataclass
class Texts:
    """Articles' texts by id, as Arrow arrays. Held in reverse order, so that a repeated id
    finds its last occurrence first (as in a dict filled in row order)."""

    ids: pa.Array
    texts: pa.Array

    @classmethod
    def of(cls, ids: pa.Array, texts: pa.Array) -> Texts:
        backwards = pa.array(np.arange(len(ids) - 1, -1, -1, dtype=np.int64))
        return cls(ids.take(backwards), texts.take(backwards))

    def __len__(self) -> int:
        return len(self.ids)

    def positions(self, article_ids: pa.Array) -> pa.Array:
        """Each id's position in `ids`, or null where the id is not there."""
        return pc.index_in(article_ids, value_set=self.ids)

    @cached_property
    def layout(self) -> TextLayout:
        return TextLayout(self.texts)

    def without_text(self) -> int:
        """The number of distinct ids whose (last) text is missing."""
        distinct = self.positions(pc.unique(self.ids))
        return int(self.texts.take(distinct).null_count)


def text_windows(
    folder: Path, resource: dict[str, Any], only: pa.Array | None = None
) -> Iterator[Texts]:
    """The articles' texts in windows of about TEXT_WINDOW_CHARS (only the articles whose id
    is in `only`, if given): memory stays bounded however large the corpus."""
    pending: list[dict[str, pa.Array]] = []
    size = 0
    for batch in typed_batches(folder, resource, ("article_id", "text")):
        if only is not None:
            batch = filtered(batch, pc.is_in(batch["article_id"], only))
        while length(batch):
            chars = size + np.cumsum(char_counts(batch["text"]))
            full = np.flatnonzero(chars >= TEXT_WINDOW_CHARS)
            stop = int(full[0]) + 1 if len(full) else length(batch)
            pending.append(slice_of(batch, 0, stop))
            size = int(chars[stop - 1])
            batch = slice_of(batch, stop, None)
            if len(full):
                yield joined(pending)
                pending, size = [], 0
    if pending:
        yield joined(pending)


def char_counts(texts: pa.Array) -> Any:
    return pc.utf8_length(pc.fill_null(texts, "")).to_numpy(zero_copy_only=False)


def joined(batches: list[dict[str, pa.Array]]) -> Texts:
    ids = pa.concat_arrays([b["article_id"] for b in batches])
    return Texts.of(ids, pa.concat_arrays([b["text"] for b in batches]))


def article_batches(folder: Path, resource: dict[str, Any]) -> Iterator[Texts]:
    """The articles' texts, one read batch at a time (the forward pass's windows)."""
    for batch in typed_batches(folder, resource, ("article_id", "text")):
        yield Texts.of(batch["article_id"], batch["text"])


def checkable_spans(folder: Path, resource: dict[str, Any]) -> Iterator[dict[str, pa.Array]]:
    """The records with no missing value (Frictionless reports the others), in batches, with
    their row numbers in "row"."""
    row = 2
    for batch in typed_batches(folder, resource, SPAN_FIELDS):
        keep = batch["article_id"].is_valid()
        for name in ("start", "end", "text"):
            keep = pc.and_(keep, batch[name].is_valid())
        numbers = pa.array(np.arange(row, row + len(keep), dtype=np.int64))
        yield filtered({**batch, "row": numbers}, keep)
        row += len(keep)


def filtered(batch: dict[str, pa.Array], keep: Any) -> dict[str, pa.Array]:
    return {name: column.filter(keep) for name, column in batch.items()}


class ForwardSpans:
    """A span table read once, front to back, alongside the articles: each call takes the
    records up to (and not past) the first one whose article id sorts after `last_id`."""

    def __init__(self, batches: Iterator[dict[str, pa.Array]]) -> None:
        self.batches = batches
        self.pending: dict[str, pa.Array] | None = None

    def up_to(self, last_id: str) -> Iterator[dict[str, pa.Array]]:
        while True:
            pending = self.pending if length(self.pending) else next(self.batches, None)
            if pending is None:
                return
            before = as_bools(pc.less_equal(pending["article_id"], last_id))
            stop = len(before) if before.all() else int(np.argmin(before))
            yield slice_of(pending, 0, stop)
            self.pending = slice_of(pending, stop, None)
            if stop < len(before):
                return

    def rest(self) -> Iterator[dict[str, pa.Array]]:
        if length(self.pending):
            yield cast("dict[str, pa.Array]", self.pending)
        yield from self.batches


@dataclass
class Deferred:
    """Records whose article was not in the forward window when they were read (unsorted or
    tampered files, or an article that is not there): checked by a second, windowed pass."""

    rows: list[Any] = field(default_factory=list)
    ids: list[pa.Array] = field(default_factory=list)

    def add(self, spans: dict[str, pa.Array]) -> None:
        if length(spans):
            self.rows.append(spans["row"].to_numpy())
            self.ids.append(spans["article_id"])


def span_problems(
    package: str, folder: Path, resources: dict[str, dict[str, Any]]
) -> list[Problem]:
    """articles.text[start:end] must equal each record's text (unless published without text).

    Our builds write the articles and the span tables in article_id order, so one forward
    pass over all four files checks nearly every record; the others (Deferred) are checked by
    a second pass over text windows. The problems come in table and row order."""
    forward = {t: ForwardSpans(checkable_spans(folder, resources[t])) for t in SPAN_TABLES}
    deferred = {t: Deferred() for t in SPAN_TABLES}
    found: dict[str, list[Problem]] = {t: [] for t in SPAN_TABLES}
    without = 0
    for texts in article_batches(folder, resources["articles"]):
        without += texts.without_text()
        last_id = pc.max(texts.ids).as_py() or ""
        for table in SPAN_TABLES if len(texts) else ():
            for spans in forward[table].up_to(last_id):
                found[table] += window_problems(package, table, texts, spans, deferred[table])
    for table in SPAN_TABLES:
        for spans in forward[table].rest():
            deferred[table].add(spans)
    for table, problems in deferred_problems(package, folder, resources, deferred).items():
        found[table] += problems
    problems = [p for t in SPAN_TABLES for p in sorted(found[t], key=lambda p: p.row or 0)]
    if without:
        note = f"spans cannot be checked for {without} article(s) published without text"
        problems.insert(0, Problem(package, "articles", None, "text", note, "note"))
    return problems


def window_problems(
    package: str,
    table: str,
    texts: Texts,
    spans: dict[str, pa.Array],
    deferred: Deferred | None = None,
) -> list[Problem]:
    """The problems of the records whose article is in `texts` with its text; the records
    whose article is not in `texts` go to `deferred`."""
    where = texts.positions(spans["article_id"])
    if deferred is not None:
        deferred.add(filtered(spans, where.is_null()))
    articles = pc.fill_null(where, -1).to_numpy(zero_copy_only=False)
    has_text = np.append(as_bools(texts.texts.is_valid()), False)  # [-1]: no article
    keep = has_text[articles]
    checked = filtered(spans, pa.array(keep))
    problems = []
    for index in mismatches(texts, articles[keep], checked):
        start, end = checked["start"][index].as_py(), checked["end"][index].as_py()
        article_id = checked["article_id"][index].as_py()
        message = f"text[{start}:{end}] of article {article_id} is not the record's text"
        row = checked["row"][index].as_py()
        problems.append(Problem(package, table, row, "text", message))
    return problems


def deferred_problems(
    package: str, folder: Path, resources: dict[str, dict[str, Any]], deferred: dict[str, Deferred]
) -> dict[str, list[Problem]]:
    """The deferred records' problems: the span tables are read again for each text window of
    the articles they name (none at all for a sorted build)."""
    waiting = {t: np.concatenate(d.rows) for t, d in deferred.items() if d.rows}
    found: dict[str, list[Problem]] = {t: [] for t in waiting}
    if not waiting:
        return found
    ids = [i for t in waiting for i in deferred[t].ids]
    only = pc.unique(pa.chunked_array(ids, pa.string()).combine_chunks())
    for texts in text_windows(folder, resources["articles"], only):
        for table, rows in waiting.items():
            for spans in checkable_spans(folder, resources[table]):
                spans = filtered(spans, pa.array(np.isin(spans["row"].to_numpy(), rows)))
                found[table] += window_problems(package, table, texts, spans)
    return found


def mismatches(texts: Texts, articles: Any, spans: dict[str, pa.Array]) -> Any:
    """Positions of the spans whose article's text[start:end] is not their text, the span of
    position i being in texts.texts[articles[i]]. Character indexes as Python slices them
    (negative from the end, clamped to the text), turned into UTF-8 byte offsets: the slices
    are then compared with the records' texts by Arrow."""
    layout = texts.layout
    first_char = layout.first_char[articles]
    lengths = layout.first_char[articles + 1] - first_char
    start = python_index(integers(spans["start"]), lengths)
    end = np.maximum(python_index(integers(spans["end"]), lengths), start)
    begin, finish = layout.byte_offset(first_char + start), layout.byte_offset(first_char + end)
    spans["text"].validate(full=True)  # as reading them into Python would (valid UTF-8)
    same = pc.equal(text_slices(layout.data, begin, finish), spans["text"].cast(pa.string_view()))
    return np.flatnonzero(~as_bools(same))


class TextLayout:
    """Where the characters of a string array's values start in its UTF-8 bytes, from the
    multi-byte characters alone (a few in news text): a character's byte offset is its index
    plus the extra bytes of the multi-byte characters before it."""

    def __init__(self, strings: pa.Array) -> None:
        self.data, offsets = utf8_buffers(strings)
        wide = np.flatnonzero(self.data >= 0xC0)  # lead bytes of multi-byte characters
        extra = 1 + (self.data[wide] >= 0xE0) + (self.data[wide] >= 0xF0)
        self.extra_before = np.concatenate([[0], np.cumsum(extra)])  # by multi-byte character
        self.wide_chars = wide - self.extra_before[:-1]  # their character indexes
        self.first_char = offsets - self.extra_before[np.searchsorted(wide, offsets)]

    def byte_offset(self, chars: Any) -> Any:
        return chars + self.extra_before[np.searchsorted(self.wide_chars, chars)]


def integers(column: pa.Array) -> Any:
    return pc.cast(column, pa.int64(), safe=False).to_numpy(zero_copy_only=False)


def python_index(index: Any, lengths: Any) -> Any:
    """Slice bounds as Python reads them: negative ones count from the end, then clamped."""
    return np.clip(np.where(index < 0, index + lengths, index), 0, lengths)


def utf8_buffers(strings: pa.Array) -> tuple[Any, Any]:
    """(the UTF-8 bytes of a string array's values, offsets into them: one more than values)."""
    strings.validate(full=True)  # valid UTF-8: every character starts at a lead byte
    wide = pa.types.is_large_string(strings.type)
    offsets = np.frombuffer(strings.buffers()[1], np.int64 if wide else np.int32)
    offsets = offsets[strings.offset : strings.offset + len(strings) + 1].astype(np.int64)
    data = strings.buffers()[2]
    values = np.frombuffer(data, np.uint8) if data is not None else np.zeros(0, np.uint8)
    return values[offsets[0] : offsets[-1]], offsets - offsets[0]


def text_slices(data: Any, begin: Any, finish: Any) -> pa.Array:
    """data[begin[i]:finish[i]] for each i, as an Arrow string view array over `data` (no
    bytes copied but the first 12 of each slice: a view holds a slice of up to 12 bytes
    itself, and the first 4 bytes of a longer one)."""
    if len(data) >= 2**31:
        raise ValueError("a text window of 2 GB or more")
    size = (finish - begin).astype(np.int32)
    first = data[np.minimum(begin[:, None] + np.arange(12), max(len(data) - 1, 0))]
    first = np.where(np.arange(12) < size[:, None], first, 0).astype(np.uint8)
    views = np.zeros((len(size), 4), np.int32)  # length, then inline bytes or prefix, 0, offset
    views[:, 0] = size
    inline = views[:, 1:].view(np.uint8)
    long = size > 12
    inline[~long] = first[~long]
    inline[long, :4] = first[long, :4]
    views[long, 3] = begin[long]
    buffers = [None, pa.py_buffer(views), pa.py_buffer(np.ascontiguousarray(data))]
    return pa.Array.from_buffers(pa.string_view(), len(size), buffers)


def as_bools(array: pa.Array) -> Any:
    return np.asarray(pc.fill_null(array, False).to_numpy(zero_copy_only=False), dtype=bool)
