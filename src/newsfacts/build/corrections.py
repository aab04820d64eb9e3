"""Reviewed corrections, kept as data (dataset/corrections.yaml) and applied on every build.

An entry names its target by what a maintainer sees — the table and the record's verbatim
text in an article, or an actor id — so it survives unrelated extractor changes. When its
target is gone, or an added record is now found by the extractor, the build fails naming the
entry ("stale correction"): a correction is never dropped silently. Every record an entry
touches is listed in the corrections table.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, RootModel

from newsfacts import schema
from newsfacts.build.rows import MENTION_ACTOR, QUOTE_SPEAKER
from newsfacts.errors import NewsfactsError
from newsfacts.extract.lexicons import load_lexicons
from newsfacts.schema import LIST_SEPARATOR, SPAN_TABLES, Row, Rows, column, models
from newsfacts.schema.models import ActorKind, SpanTable
from newsfacts.sources.curated import Strict, load_yaml

FIXABLE = {
    "quotes": {"speaker_actor_id", "kind", "cue"},
    "statistics": {"value", "value_max", "object", "unit", "qualifier"},
    "mentions": {"actor_id"},
}
ARTICLE_TEXT = column("articles", "text")


class Reject(Strict):
    id: str
    action: Literal["reject"]
    article: str
    table: SpanTable
    text: str


class Fix(Strict):
    id: str
    action: Literal["fix"]
    article: str
    table: SpanTable
    text: str
    set: dict[str, Any]


class Add(Strict):
    id: str
    action: Literal["add"]
    article: str
    table: SpanTable
    text: str
    set: dict[str, Any] = Field(default_factory=dict)


class ActorFields(Strict):
    name: str | None = None
    kind: ActorKind | None = None
    title: str | None = None
    country_code: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")


class FixActor(Strict):
    id: str
    action: Literal["fix_actor"]
    actor: str
    set: ActorFields


class Merge(Strict):
    id: str
    action: Literal["merge"]
    actors: list[str] = Field(min_length=2)  # the first one is kept


class NewActor(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str
    kind: ActorKind


class Split(Strict):
    id: str
    action: Literal["split"]
    actor: str
    article: str
    text: str  # the mentions with this text in the article move to the new actor
    new_actor: NewActor


Entry = Annotated[Reject | Fix | Add | FixActor | Merge | Split, Field(discriminator="action")]


class CorrectionsFile(RootModel[list[Entry]]):
    pass


def load_corrections(dataset_dir: Path) -> list[Entry]:
    path = dataset_dir / "corrections.yaml"
    if not path.exists():
        return []
    entries = load_yaml(path, CorrectionsFile, []).root
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        if entry.id in seen:
            raise NewsfactsError(f"{path}: {index}.id: duplicate correction id {entry.id!r}")
        seen.add(entry.id)
    return entries


RecordValues = dict[str, Any]
ArticleEntry = Reject | Fix | Add | Split
DEFAULTS: dict[str, RecordValues] = {
    "quotes": {
        "speaker_actor_id": None,
        "kind": "direct",
        "cue": None,
        "attribution": None,
        "attribution_confidence": None,
    },
    "statistics": {
        "value": 0.0,
        "value_max": None,
        "object": None,
        "unit": None,
        "qualifier": "exact",
    },
    "mentions": {"actor_id": ""},
}


class Corrector:
    """Applies the entries while the articles stream by (record entries, and merged actors
    repointed everywhere), then to the actors table once every article has been seen."""

    def __init__(self, entries: list[Entry], source: Path) -> None:
        self.entries = entries
        self.source = source
        self.order = {id(entry): n for n, entry in enumerate(entries)}
        self.by_article: dict[str, list[ArticleEntry]] = {}
        for entry in entries:
            if isinstance(entry, Reject | Fix | Add | Split):
                self.by_article.setdefault(entry.article, []).append(entry)
        self.merged_into = _merge_targets([e for e in entries if isinstance(e, Merge)])
        self.actor_references: list[tuple[Entry, str, str]] = []  # checked at the end
        self.log: list[tuple[int, int, Row]] = []

    def fail(self, entry: Entry, problem: str) -> NewsfactsError:
        return NewsfactsError(f"{self.source}: correction {entry.id!r}: {problem}")

    def note(
        self, entry: Entry, table: str, record_id: str, article: str | None, detail: str
    ) -> None:
        row = (entry.id, entry.action, table, record_id, article, detail)
        self.log.append((self.order[id(entry)], len(self.log), row))

    # -- part by part ------------------------------------------------------------

    def for_articles(self, article_ids: Iterable[str]) -> Corrector:
        """A corrector of these articles alone (its entries for them and the merges), whose
        log and actor references are the part's; the articles are done with here."""
        entries: list[Entry] = [e for a in article_ids for e in self.by_article.pop(a, [])]
        entries.sort(key=lambda e: self.order[id(e)])
        entries += [e for e in self.entries if isinstance(e, Merge)]
        return Corrector(entries, self.source)

    def add_part(self, log: Iterable[Row], references: Iterable[tuple[str, str, str]]) -> None:
        """What a part's corrector (for_articles) logged, in part order."""
        by_id = {entry.id: entry for entry in self.entries}
        for row in log:
            self.log.append((self.order[id(by_id[str(row[0])])], len(self.log), tuple(row)))
        self.actor_references += [(by_id[e], key, actor) for e, key, actor in references]

    # -- while articles stream by ---------------------------------------------------

    def article(self, rows: Rows) -> Rows:
        """One article's rows with its entries applied and merged actors repointed."""
        entries = self.by_article.pop(str(rows["articles"][0][0]), [])
        if entries:
            rows = ArticleCorrector(self, rows).apply(entries)
        if self.merged_into:
            rows = {**rows, **{t: [self.repointed(t, r) for r in rows[t]] for t in ACTOR_COLUMN}}
        return rows

    def repointed(self, table: str, row: Row) -> Row:
        index = ACTOR_COLUMN[table]
        target = self.merged_into.get(row[index])
        return row if target is None else (*row[:index], target, *row[index + 1 :])

    # -- once every article has been seen ------------------------------------------

    def finish(
        self, actors: Callable[[], Iterator[Row]], mention_counts: Mapping[str, int]
    ) -> tuple[Iterator[Row], list[Row]]:
        """(actors, corrections) rows: actor entries applied in file order, every entry's
        target checked. `actors()` gives the actor rows sorted by actor_id, and is read twice
        (first for the actors that entries name, then every row), so that only the actors
        that entries name are held in memory."""
        for article, entries in sorted(self.by_article.items()):
            raise self.fail(
                entries[0], f"stale correction: article {article!r} is not in the build"
            )
        named = self.named_actors()
        table = (
            {str(row[0]): _actor_record(row) for row in actors() if row[0] in named}
            if named
            else {}
        )
        for entry in self.entries:
            if isinstance(entry, FixActor):
                self.fix_actor(table, entry)
            elif isinstance(entry, Merge):
                self.merge(table, entry)
            elif isinstance(entry, Split):
                self.add_split_actor(table, entry)
        for entry, key, actor_id in self.actor_references:
            if self.merged_into.get(actor_id, actor_id) not in table:
                raise self.fail(entry, f"{key}: no actor {actor_id!r}")
        for record in table.values():
            record["mention_count"] = mention_counts.get(record["actor_id"], 0)
        columns = models.Actor.model_fields
        changed = (tuple(r[c] for c in columns) for _, r in sorted(table.items()))
        unchanged = (row for row in actors() if row[0] not in named)
        log = [row for _, _, row in sorted(self.log)]
        return heapq.merge(unchanged, changed, key=lambda row: str(row[0])), log

    def named_actors(self) -> set[str]:
        """The actor ids that entries name: each must be in the actors table (or, for a
        split's new actor, must not)."""
        ids = {self.merged_into.get(a, a) for _, _, a in self.actor_references}
        for entry in self.entries:
            if isinstance(entry, FixActor):
                ids.add(entry.actor)
            elif isinstance(entry, Merge):
                ids.update(entry.actors)
            elif isinstance(entry, Split):
                ids.update((entry.actor, entry.new_actor.id))
        return ids

    def existing(self, table: dict[str, RecordValues], entry: Entry, actor_id: str) -> RecordValues:
        if actor_id not in table:
            raise self.fail(entry, f"stale correction: no actor {actor_id!r} in the build any more")
        return table[actor_id]

    def fix_actor(self, table: dict[str, RecordValues], entry: FixActor) -> None:
        actor = self.existing(table, entry, entry.actor)
        changes = entry.set.model_dump(exclude_none=True)
        detail = "; ".join(f"{k}: {actor[k]!r} -> {v!r}" for k, v in changes.items())
        table[entry.actor] = self.validated(entry, "actors", {**actor, **changes})
        self.note(entry, "actors", entry.actor, None, detail)

    def merge(self, table: dict[str, RecordValues], entry: Merge) -> None:
        keep, *others = entry.actors
        self.existing(table, entry, keep)
        for other in others:
            removed = self.existing(table, entry, other)
            del table[other]
            kept = table[keep]
            aliases = {*_aliases(kept), *_aliases(removed), removed["name"]} - {kept["name"]}
            kept["aliases"] = LIST_SEPARATOR.join(sorted(aliases)) or None
            self.note(entry, "actors", other, None, f"merged into {keep}")

    def add_split_actor(self, table: dict[str, RecordValues], entry: Split) -> None:
        self.existing(table, entry, entry.actor)
        new = entry.new_actor
        if new.id in table:
            raise self.fail(entry, f"new_actor.id: actor {new.id!r} exists already")
        table[new.id] = {
            **dict.fromkeys(models.Actor.model_fields),
            **{"actor_id": new.id, "name": new.name, "kind": new.kind},
            **{"unnamed": False, "registered": False, "mention_count": 0},
        }

    def validated(self, entry: Entry, table: str, record: RecordValues) -> RecordValues:
        """A corrected record, checked by its model (a value of the wrong type fails)."""
        try:
            return models.MODELS[table].model_validate(record).model_dump()
        except ValueError as error:
            raise self.fail(entry, f"invalid value: {error}".splitlines()[0]) from None


ACTOR_COLUMN = {"mentions": MENTION_ACTOR, "quotes": QUOTE_SPEAKER}


class ArticleCorrector:
    """The record entries of one article, applied in file order to its rows."""

    def __init__(self, corrector: Corrector, rows: Rows) -> None:
        self.corrector = corrector
        self.article_id, self.text = (
            str(rows["articles"][0][0]),
            str(rows["articles"][0][ARTICLE_TEXT] or ""),
        )
        self.rows = rows
        self.tables = {
            t: [dict(zip(_columns(t), r, strict=True)) for r in rows[t]] for t in SPAN_TABLES
        }

    def apply(self, entries: list[ArticleEntry]) -> Rows:
        for entry in entries:
            getattr(self, entry.action)(entry)
        tables = {
            t: [tuple(r.values()) for r in sorted(records, key=lambda r: (r["start"], r["end"]))]
            for t, records in self.tables.items()
        }
        return {**self.rows, **tables}

    def find(self, entry: Reject | Fix) -> int:
        rows = [i for i, r in enumerate(self.tables[entry.table]) if r["text"] == entry.text]
        if not rows:
            raise self.corrector.fail(
                entry,
                f"stale correction: no {entry.table} record with text "
                f"{entry.text!r} in article {entry.article} any more",
            )
        if len(rows) > 1:
            raise self.corrector.fail(
                entry, f"{len(rows)} {entry.table} records have text {entry.text!r}"
            )
        return rows[0]

    def reject(self, entry: Reject) -> None:
        record = self.tables[entry.table].pop(self.find(entry))
        record_id = record[schema.primary_key(entry.table)[0]]
        self.corrector.note(entry, entry.table, record_id, entry.article, f"rejected: {entry.text}")

    def fix(self, entry: Fix) -> None:
        index = self.find(entry)
        changes = self.checked_fields(entry, entry.set)
        record = self.tables[entry.table][index]
        if entry.table == "quotes":
            changes |= _confidence_for_new_kind(record, changes)
        detail = "; ".join(f"{k}: {record[k]!r} -> {v!r}" for k, v in changes.items())
        fixed = self.corrector.validated(entry, entry.table, {**record, **changes})
        self.tables[entry.table][index] = fixed
        self.corrector.note(
            entry, entry.table, record[schema.primary_key(entry.table)[0]], entry.article, detail
        )

    def add(self, entry: Add) -> None:
        start = self.text.find(entry.text)
        if start < 0:
            raise self.corrector.fail(
                entry, f"text {entry.text!r} is not in article {entry.article}"
            )
        if self.text.find(entry.text, start + 1) >= 0:
            raise self.corrector.fail(
                entry, f"text {entry.text!r} occurs more than once in article {entry.article}"
            )
        end = start + len(entry.text)
        record_id = schema.record_id(entry.table, entry.article, start, end)
        records = self.tables[entry.table]
        if any(r[schema.primary_key(entry.table)[0]] == record_id for r in records):
            raise self.corrector.fail(
                entry, f"stale correction: the extractor now finds {record_id}; remove the entry"
            )
        record = {
            schema.primary_key(entry.table)[0]: record_id,
            "article_id": entry.article,
            "text": entry.text,
            "start": start,
            "end": end,
            **DEFAULTS[entry.table],
            **self.checked_fields(entry, entry.set),
        }
        records.append(self.corrector.validated(entry, entry.table, record))
        self.corrector.note(entry, entry.table, record_id, entry.article, f"added: {entry.text}")

    def split(self, entry: Split) -> None:
        moved = [
            m
            for m in self.tables["mentions"]
            if m["actor_id"] == entry.actor and m["text"] == entry.text
        ]
        if not moved:
            raise self.corrector.fail(
                entry,
                f"stale correction: no mention {entry.text!r} of {entry.actor} "
                f"in article {entry.article} any more",
            )
        for mention in moved:
            mention["actor_id"] = entry.new_actor.id
            self.corrector.note(
                entry,
                "mentions",
                mention["mention_id"],
                entry.article,
                f"{entry.actor} -> {entry.new_actor.id}",
            )

    def checked_fields(self, entry: Fix | Add, values: dict[str, Any]) -> dict[str, Any]:
        allowed = FIXABLE[entry.table]
        aliases = {"speaker": "speaker_actor_id", "actor": "actor_id"}
        fields = {aliases.get(k, k): v for k, v in values.items()}
        unknown = sorted(set(fields) - allowed)
        if unknown:
            raise self.corrector.fail(
                entry,
                f"set.{unknown[0]}: cannot be set on {entry.table} ({', '.join(sorted(allowed))})",
            )
        for key in ("speaker_actor_id", "actor_id"):
            if fields.get(key):
                self.corrector.actor_references.append((entry, f"set.{key}", fields[key]))
        if "speaker_actor_id" in fields:  # a reviewed speaker is certain; no speaker, no how
            reviewed = fields["speaker_actor_id"] is not None
            fields["attribution"] = "reviewed" if reviewed else None
            fields["attribution_confidence"] = 1.0 if reviewed else None
        return fields


def _confidence_for_new_kind(quote: RecordValues, changes: RecordValues) -> RecordValues:
    """A fix of a quote's kind alone: the confidence of its speaker for that kind."""
    how = quote["attribution"]
    if "kind" not in changes or "speaker_actor_id" in changes or how in (None, "reviewed"):
        return {}
    confidence = load_lexicons().attribution_confidence[f"{changes['kind']} {how}"]
    return {"attribution_confidence": confidence}


def _columns(table: str) -> list[str]:
    return list(models.MODELS[table].model_fields)


def _merge_targets(merges: list[Merge]) -> dict[str, str]:
    """Each merged-away actor -> the actor it ends up in (merges may chain)."""
    target: dict[str, str] = {}
    for merge in merges:
        keep, *others = merge.actors
        for other in others:
            target[other] = keep
    for actor in target:
        seen = {actor}
        while target[actor] in target and target[actor] not in seen:
            seen.add(target[actor])
            target[actor] = target[target[actor]]
    return target


def _actor_record(row: Row) -> RecordValues:
    return dict(zip(_columns("actors"), row, strict=True))


def _aliases(actor: RecordValues) -> set[str]:
    return set((actor["aliases"] or "").split(LIST_SEPARATOR)) - {""}


def load_corrector(dataset_dir: Path) -> Corrector:
    return Corrector(load_corrections(dataset_dir), dataset_dir / "corrections.yaml")
