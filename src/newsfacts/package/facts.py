"""What the cards, the chart and the descriptors need, tallied while the rows stream by."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from newsfacts.package.tally import Tally
from newsfacts.read import summary as stats
from newsfacts.schema import Row, Rows, column


@dataclass
class PartFacts:
    """What one part of the article tables adds to the package's facts (plain data)."""

    rows: dict[str, int] = field(default_factory=dict)
    seed_folders: set[str] = field(default_factory=set)
    newest_date: dt.date | None = None
    without_text: int = 0
    mention_counts: Counter[str] = field(default_factory=Counter)
    quote_counts: Counter[str] = field(default_factory=Counter)

    def add(self, rows: Rows) -> None:
        """One article's rows."""
        for table, table_rows in rows.items():
            self.rows[table] = self.rows.get(table, 0) + len(table_rows)
        self.mention_counts.update(r[MENTION_ACTOR] for r in rows["mentions"])
        self.quote_counts.update(r[QUOTE_SPEAKER] for r in rows["quotes"] if r[QUOTE_SPEAKER])
        for row in rows["articles"]:
            folder, _, _ = row[SOURCE_FILE].rpartition("/")  # relative POSIX paths, or names
            self.seed_folders.add(folder or ".")
            date = row[ARTICLE_DATE]
            if date and (self.newest_date is None or date > self.newest_date):
                self.newest_date = date
            self.without_text += row[ARTICLE_TEXT] is None


@dataclass
class PackageFacts:
    """What the cards, the chart and the descriptor need, tallied while rows stream by (the
    counts per actor id in files of a scratch folder)."""

    mention_counts: Tally
    quote_counts: Tally
    rows: Counter[str] = field(default_factory=Counter)
    seed_folders: set[str] = field(default_factory=set)
    newest_date: dt.date | None = None
    without_text: int = 0
    actor_names: dict[str, str] = field(default_factory=dict)

    def add(self, table: str, rows: list[Row]) -> None:
        self.rows[table] += len(rows)
        if table == "mentions":
            self.mention_counts.update(r[MENTION_ACTOR] for r in rows)
        elif table == "quotes":
            self.quote_counts.update(r[QUOTE_SPEAKER] for r in rows if r[QUOTE_SPEAKER])
        elif table == "articles":
            for row in rows:
                self._add_article(row)
        elif table == "actors":  # written last: the quote counts are complete
            charted = self.charted
            self.actor_names.update((r[0], r[ACTOR_NAME]) for r in rows if r[0] in charted)

    def add_part(self, part: PartFacts) -> None:
        """What a part of the article tables adds (in article order, as rows would)."""
        for table, count in part.rows.items():
            self.rows[table] += count
        self.mention_counts.add(part.mention_counts)
        self.quote_counts.add(part.quote_counts)
        self.seed_folders |= part.seed_folders
        if part.newest_date and (self.newest_date is None or part.newest_date > self.newest_date):
            self.newest_date = part.newest_date
        self.without_text += part.without_text

    def _add_article(self, row: Row) -> None:
        folder, _, _ = row[SOURCE_FILE].rpartition("/")  # relative POSIX paths, or names
        self.seed_folders.add(folder or ".")
        date = row[ARTICLE_DATE]
        if date and (self.newest_date is None or date > self.newest_date):
            self.newest_date = date
        self.without_text += row[ARTICLE_TEXT] is None

    @classmethod
    def in_folder(cls, scratch: Path) -> PackageFacts:
        mentions = Tally(scratch / "mention-counts.sqlite")
        try:
            return cls(mentions, Tally(scratch / "quote-counts.sqlite"))
        except sqlite3.Error:
            mentions.close()
            raise

    @cached_property
    def charted(self) -> dict[str, int]:
        """The speakers that can make the chart, with their quotes: quoted at least as often as
        its last bar (only their names are kept, so memory does not grow with the actors table,
        unless very many speakers tie for the last bar)."""
        return self.quote_counts.top(stats.CHART_TOP)

    def chart_ranking(self) -> list[tuple[str, int]]:
        """The most quoted speakers, as the chart shows them."""
        return stats.speaker_ranking(self.charted, self.actor_names)[: stats.CHART_TOP]

    def close(self) -> None:
        self.mention_counts.close()
        self.quote_counts.close()


MENTION_ACTOR = column("mentions", "actor_id")
QUOTE_SPEAKER = column("quotes", "speaker_actor_id")
SOURCE_FILE = column("articles", "source_file")


ARTICLE_DATE = column("articles", "published_date")


ARTICLE_TEXT = column("articles", "text")


ACTOR_NAME = column("actors", "name")
