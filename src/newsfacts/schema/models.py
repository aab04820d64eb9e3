"""Record models, one per table, and the enum types other models share.

tests/test_schema_drift.py checks them against schema/ field by field (names, order, types,
nullability, enum values), so they cannot drift from the contract."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

ActorKind = Literal["person", "organization", "country", "group"]
QuoteKind = Literal["direct", "indirect"]
Attribution = Literal[
    "name_after_cue",
    "name_before_cue",
    "clause_subject",
    "role_noun",
    "pronoun",
    "unnamed_source",
    "document_owner",
    "colon",
    "according_to",
    "carried_over",
    "reviewed",
]
SpanTable = Literal["mentions", "quotes", "statistics"]  # schema.SPAN_TABLES
CorrectionAction = Literal["reject", "fix", "add", "fix_actor", "merge", "split"]
Qualifier = Literal[
    "exact", "approximate", "more_than", "less_than", "at_least", "at_most", "up_to"
]


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Article(Record):
    article_id: str
    source_file: str
    sha256: str
    publisher: str | None
    authors: str | None
    title: str | None
    url: str | None
    published_date: dt.date | None
    language: str
    text: str | None
    body_start: int
    char_count: int
    word_count: int
    paragraph_count: int


class Actor(Record):
    actor_id: str
    name: str
    kind: ActorKind
    title: str | None
    country_code: str | None
    aliases: str | None
    unnamed: bool
    article_id: str | None
    registered: bool
    mention_count: int


class Mention(Record):
    mention_id: str
    article_id: str
    actor_id: str
    text: str
    start: int
    end: int


class Quote(Record):
    quote_id: str
    article_id: str
    speaker_actor_id: str | None
    kind: QuoteKind
    text: str
    cue: str | None
    attribution: Attribution | None
    attribution_confidence: float | None
    start: int
    end: int


class Statistic(Record):
    statistic_id: str
    article_id: str
    value: float
    value_max: float | None
    text: str
    object: str | None
    unit: str | None
    qualifier: Qualifier
    start: int
    end: int


class Correction(Record):
    correction_id: str
    action: CorrectionAction
    record_table: Literal["actors", "mentions", "quotes", "statistics"]
    record_id: str
    article_id: str | None
    detail: str


MODELS: dict[str, type[Record]] = {
    "articles": Article,
    "actors": Actor,
    "mentions": Mention,
    "quotes": Quote,
    "statistics": Statistic,
    "corrections": Correction,
}
