"""Counts per actor id, kept on disk past a number of ids: the same counts as in memory."""

from __future__ import annotations

import random
from collections import Counter
from contextlib import closing
from pathlib import Path

import pytest

from newsfacts.package import tally
from newsfacts.package.tally import Tally


def test_counts_added_to_disk_in_parts_equal_counting_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tally, "IN_MEMORY", 7)  # written out every few updates
    rng = random.Random(4)
    ids = [f"a{rng.randrange(40)}--officials" for _ in range(500)] + ["é-actor", "z"]
    with closing(Tally(tmp_path / "counts.sqlite")) as counts:
        for start in range(0, len(ids), 9):
            counts.update(ids[start : start + 9])
        expected = Counter(ids)
        assert dict(counts.items()) == dict(expected)
        assert list(counts) == sorted(expected)  # id order, as Python sorts
        assert counts.get("nobody", 0) == 0 and len(counts) == len(expected)


def test_top_places_keep_every_tie(tmp_path: Path) -> None:
    with closing(Tally(tmp_path / "counts.sqlite")) as counts:
        counts.update(["a"] * 5 + ["b"] * 3 + ["c"] * 3 + ["d"])
        assert counts.top(2) == {"a": 5, "b": 3, "c": 3}
        assert counts.top(10) == {"a": 5, "b": 3, "c": 3, "d": 1}
    with closing(Tally(tmp_path / "empty.sqlite")) as empty:
        assert empty.top(3) == {}
