"""Counts per actor id in bounded memory: the mention counts of the actors table and the quote
counts of the chart. There is an id for every actor, and most actors belong to one article,
so the counts are kept in a dict up to IN_MEMORY ids and then added to a SQLite table on disk.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

IN_MEMORY = 1 << 16  # ids counted in memory before they are added to the table


class Tally(Mapping[str, int]):
    """How often each actor id was counted; a read Mapping once counting is done."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path)
        self.db.execute("PRAGMA journal_mode = OFF")  # a scratch file: no crash recovery
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.execute("CREATE TABLE counts (id TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID")
        self.pending: Counter[str] = Counter()

    def update(self, ids: Iterable[str]) -> None:
        self.pending.update(ids)
        if len(self.pending) >= IN_MEMORY:
            self._add_pending()

    def add(self, counts: Mapping[str, int]) -> None:
        """Add counts made elsewhere (a part's)."""
        self.pending.update(counts)
        if len(self.pending) >= IN_MEMORY:
            self._add_pending()

    def _add_pending(self) -> None:
        if not self.pending:
            return
        self.db.executemany(
            "INSERT INTO counts VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET n = n + excluded.n",
            self.pending.items(),
        )
        self.pending.clear()

    def __getitem__(self, actor_id: str) -> int:
        self._add_pending()
        found = self.db.execute("SELECT n FROM counts WHERE id = ?", (actor_id,)).fetchone()
        if found is None:
            raise KeyError(actor_id)
        return int(found[0])

    def __iter__(self) -> Iterator[str]:
        self._add_pending()
        return (actor_id for (actor_id,) in self.db.execute("SELECT id FROM counts ORDER BY id"))

    def sorted_counts(self) -> Iterator[tuple[str, int]]:
        """(id, count) in id order (SQLite compares text as UTF-8 bytes: Python's order)."""
        self._add_pending()
        query = "SELECT id, n FROM counts ORDER BY id"
        return ((str(actor_id), int(n)) for actor_id, n in self.db.execute(query))

    def __len__(self) -> int:
        self._add_pending()
        return int(self.db.execute("SELECT count(*) FROM counts").fetchone()[0])

    def top(self, places: int) -> dict[str, int]:
        """The ids counted at least as often as the one in the last of `places` places (ties
        included: they are ranked by name later)."""
        self._add_pending()
        last = self.db.execute(
            "SELECT n FROM counts ORDER BY n DESC LIMIT 1 OFFSET ?", (places - 1,)
        ).fetchone()
        query = "SELECT id, n FROM counts WHERE n >= ?"
        return {
            actor_id: int(n) for actor_id, n in self.db.execute(query, (last[0] if last else 1,))
        }

    def close(self) -> None:
        self.db.close()
