"""Dataset-wide actor ids: each article's rows get them one article after the other, in
article_id order; named actors are merged over every article.
"""

from __future__ import annotations

import heapq
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsfacts.build.rows import MENTION_ACTOR, QUOTE_SPEAKER, ArticleExtraction
from newsfacts.extract.actors import ArticleActor, slug
from newsfacts.schema import LIST_SEPARATOR, Row, Rows, column_names


@dataclass
class DatasetActor:
    """An actor merged over every article that mentions it."""

    actor_id: str
    name: str
    kind: str
    title: str | None
    country_code: str | None
    unnamed: bool
    article_id: str | None
    registered: bool
    aliases: set[str] = field(default_factory=set)

    def merge(self, actor: ArticleActor) -> None:
        self.aliases |= actor.aliases
        self.title = self.title or actor.title
        self.country_code = self.country_code or actor.country_code

    def row(self, mention_count: int) -> Row:
        aliases = LIST_SEPARATOR.join(sorted(self.aliases - {self.name})) or None
        return tuple(
            aliases if c == "aliases" else mention_count if c == COUNT else getattr(self, c)
            for c in ACTOR_COLUMNS
        )


ACTOR_COLUMNS, COUNT = tuple(column_names("actors")), "mention_count"


def new_actor(actor_id: str, actor: ArticleActor, article_id: str) -> DatasetActor:
    """The dataset's actor first seen as `actor` in article `article_id`."""
    return DatasetActor(
        actor_id,
        actor.name,
        actor.kind,
        actor.title,
        actor.country_code,
        actor.unnamed,
        article_id if actor.unnamed else None,
        actor.registry_id is not None,
    )


class Builder:
    """Dataset-wide actor ids for each article's rows, in the order articles are added.

    Named actors are merged over every article, in memory. An article's own actors (the
    unnamed: "officials" of that article) are done with when their article is: they go to
    an `ArticleActorStore`, so memory does not grow with the corpus."""

    def __init__(self, store: ArticleActorStore | None = None) -> None:
        self.actors: dict[str, DatasetActor] = {}  # named actors
        self.store = store or ArticleActorStore()

    def add(self, extraction: ArticleExtraction) -> Rows:
        own: dict[str, DatasetActor] = {}
        ids = {a.key: self._actor_id(a, extraction.article_id, own) for a in extraction.actors}
        self.store.add(own.values())
        rows = extraction.rows
        return {
            **rows,
            "mentions": [_with(r, MENTION_ACTOR, ids[r[MENTION_ACTOR]]) for r in rows["mentions"]],
            "quotes": [
                _with(r, QUOTE_SPEAKER, ids[r[QUOTE_SPEAKER]]) if r[QUOTE_SPEAKER] else r
                for r in rows["quotes"]
            ],
        }

    def actor_rows(self, mention_counts: Mapping[str, int]) -> Iterator[Row]:
        """Every actor's row, sorted by actor_id (a new iterator each call)."""
        named = (actor for _, actor in sorted(self.actors.items()))
        every = heapq.merge(named, self.store.sorted(), key=lambda actor: actor.actor_id)
        return (actor.row(mention_counts.get(actor.actor_id, 0)) for actor in every)

    def _actor_id(self, actor: ArticleActor, article_id: str, own: dict[str, DatasetActor]) -> str:
        if actor.registry_id:
            actor_id = actor.registry_id
        elif actor.unnamed:  # slugs have no "--": these never clash with named actors
            actor_id = f"{article_id.lower()}--{slug(actor.name)}"
        else:
            actor_id = slug(actor.name)
            known = self.actors.get(actor_id)
            if known and known.kind != actor.kind and not known.registered:
                actor_id = f"{actor_id}-{actor.kind}"  # Georgia the country, Georgia a person
        found = own if actor.unnamed and not actor.registry_id else self.actors
        if actor_id not in found:
            found[actor_id] = new_actor(actor_id, actor, article_id)
        found[actor_id].merge(actor)
        return actor_id


class ArticleActorStore:
    """Actors that belong to one article, kept in SQLite (a file, or memory) and read back
    sorted by actor_id. SQLite compares text as UTF-8 bytes: the order of Python's sorted().

    Each field is a plain column (aliases a JSON list of strings): nothing read back can be
    anything but data."""

    COLUMNS = (
        "actor_id",
        "name",
        "kind",
        "title",
        "country_code",
        "unnamed",
        "article_id",
        "registered",
        "aliases",
    )

    def __init__(self, path: Path | None = None) -> None:
        self.db = sqlite3.connect(path or ":memory:")
        self.db.execute("PRAGMA journal_mode = OFF")  # a scratch file: no crash recovery
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.execute(
            "CREATE TABLE actors (actor_id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,"
            " title TEXT, country_code TEXT, unnamed INTEGER NOT NULL, article_id TEXT,"
            " registered INTEGER NOT NULL, aliases TEXT NOT NULL)"
        )

    def add(self, actors: Iterable[DatasetActor]) -> None:
        self.db.executemany(
            "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    a.actor_id,
                    a.name,
                    a.kind,
                    a.title,
                    a.country_code,
                    a.unnamed,
                    a.article_id,
                    a.registered,
                    json.dumps(sorted(a.aliases), ensure_ascii=False),
                )
                for a in actors
            ),
        )

    def sorted(self) -> Iterator[DatasetActor]:
        query = f"SELECT {', '.join(self.COLUMNS)} FROM actors ORDER BY actor_id"
        for (
            actor_id,
            name,
            kind,
            title,
            country,
            unnamed,
            article,
            registered,
            aliases,
        ) in self.db.execute(query):
            yield DatasetActor(
                actor_id,
                name,
                kind,
                title,
                country,
                bool(unnamed),
                article,
                bool(registered),
                set(json.loads(aliases)),
            )

    def close(self) -> None:
        self.db.close()


def _with(row: Row, index: int, value: Any) -> Row:
    return (*row[:index], value, *row[index + 1 :])
