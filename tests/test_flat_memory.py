"""The structures that keep a build's memory flat as the corpus grows answer as the plain
ones they replace: the actors table's ids as 8-byte digests, and article ids read from seed
file names when asked for."""

from __future__ import annotations

from newsfacts.build.parallel import ArticleIds
from newsfacts.build.verify import IdSet


def test_an_id_set_finds_every_id_added_and_no_other() -> None:
    ids = IdSet()
    ids.update(f"actor-{n}" for n in range(0, 3_000, 2))
    assert "actor-10" in ids and "actor-11" not in ids
    ids.update(["georgia-person"])  # added after a lookup: still found
    assert "georgia-person" in ids
    assert [n for n in range(3_000) if f"actor-{n}" in ids] == list(range(0, 3_000, 2))
    assert "" not in ids and "actor-" not in ids


def test_article_ids_are_the_names_without_their_extension() -> None:
    names = ["a.b.txt", "a1.txt", "b--2.txt", "zz.txt"]
    ids = ArticleIds(names)
    assert list(ids) == ["a.b", "a1", "b--2", "zz"]
    assert len(ids) == 4 and ids[1] == "a1" and ids[-1] == "zz"
    assert list(ids[1:3]) == ["a1", "b--2"] and isinstance(ids[1:3], ArticleIds)
    assert all(found in ids for found in ["a.b", "a1", "b--2", "zz"])
    assert not any(found in ids for found in ["a", "a.b.txt", "b", "zzz", "", 3])
