"""Rebuilds part by part: a part whose inputs and actor ids did not change is kept whole (not
extracted, not encoded: its files are the previous build's), and the result is byte for byte
a clean build's, whatever changed: an article added, edited or removed, in parts of any size,
an actor id that moves to another part (Georgia the country, Georgia a person); a damaged part
summary or a tampered kept part is built again."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from newsfacts.build import parallel, parts
from newsfacts.build.run import build
from newsfacts.errors import NewsfactsError
from newsfacts.package import chart as charts
from newsfacts.package import write
from newsfacts.package.write import FORMATS
from newsfacts.validate import table_checks
from newsfacts.validate.run import validate

from .conftest import DATASET, tree
from .test_parts import dataset, write_seeds

IDS = [f"a{n:03d}" for n in range(12)]


class Spy:
    """The articles a build runs an extraction job for (from the cache or not), and the
    parts whose files it writes."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.jobs: list[str] = []
        self.written: set[str] = set()
        monkeypatch.setattr(parallel, "PARALLEL_FROM", 10**9)  # jobs run in this process
        run_job: Callable[[parallel.SeedJob], Any] = parallel._cached_or_run
        table_rows: Callable[..., None] = write.TableRows.__init__

        def counted_job(job: parallel.SeedJob) -> Any:
            self.jobs.append(job.path.stem)
            return run_job(job)

        def counted_rows(rows: write.TableRows, table: str, staging: Path, key: str) -> None:
            if table in write.ARTICLE_TABLES:
                self.written.add(key)
            table_rows(rows, table, staging, key)

        monkeypatch.setattr(parallel, "_cached_or_run", counted_job)
        monkeypatch.setattr(write.TableRows, "__init__", counted_rows)

    def clear(self) -> None:
        self.jobs.clear()
        self.written.clear()


def inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*.*")}


def clean_tree(tmp_path: Path, seeds: Path, meta: Path) -> dict[str, str]:
    build(seeds, meta, tmp_path / "clean")
    return tree(tmp_path / "clean")


def parts_of(ids: list[str], part_articles: int) -> dict[str, set[str]]:
    """Each part's key -> its articles (as is_boundary cuts them)."""
    found: dict[str, set[str]] = {}
    key, starts = "", True
    for article_id in sorted(ids):
        if starts:
            key = f"part-{article_id}"
        found.setdefault(key, set()).add(article_id)
        starts = write.is_boundary(article_id, part_articles, len(found[key]))
    return found


CHANGES = ("added", "edited", "removed")


@pytest.mark.slow
@pytest.mark.parametrize("part_articles", [1, 3, 4_096])
@pytest.mark.parametrize("change", CHANGES)
def test_a_rebuild_after_one_change_equals_a_clean_build_and_keeps_the_other_parts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, part_articles: int, change: str
) -> None:
    seeds = write_seeds(tmp_path / "seeds", IDS)
    meta, out, cache = dataset(tmp_path, part_articles), tmp_path / "build", tmp_path / "cache"
    build(seeds, meta, out, cache_dir=cache)
    before = inodes(out)
    spy = Spy(monkeypatch)
    if change == "added":
        write_texts(seeds, {"a005x": (seeds / "a000.txt").read_text(encoding="utf-8")})
        ids = [*IDS, "a005x"]
    elif change == "edited":
        text = (seeds / "a005.txt").read_text(encoding="utf-8")
        (seeds / "a005.txt").write_text(text + "The mayor said 12 roads would close.\n")
        ids = IDS
    else:
        (seeds / "a005.txt").unlink()
        ids = [i for i in IDS if i != "a005"]
    build(seeds, meta, out, cache_dir=cache)
    written, jobs = set(spy.written), sorted(spy.jobs)
    assert tree(out) == clean_tree(tmp_path, seeds, meta)
    old, new = parts_of(IDS, part_articles), parts_of(ids, part_articles)
    edited = {"a005"} if change == "edited" else set()
    changed = {k for k, articles in new.items() if old.get(k) != articles or edited & articles}
    assert written == changed  # only the changed part is encoded (none: a part removed)
    assert jobs == sorted(a for k in changed for a in new[k])  # and extracted
    after = inodes(out)
    others = [n for n in after if "/part-a" in n and Path(n).stem not in changed]
    assert all(after[n] == before[n] for n in others)  # kept: the very same files
    assert len(others) == 8 * (len(new) - len(changed))


GEORGIA = {
    "b1": "Georgia said the border would stay open.",  # the country
    "b3": "Senator Georgia said the bill would pass.",  # a person: georgia-person
    "b5": "Georgia said the talks would resume.",
    "b7": "The mayor said 40 schools would close.",
}


def write_texts(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(exist_ok=True)
    for article_id, text in texts.items():
        (folder / f"{article_id}.txt").write_text(text.rstrip("\n") + "\n", encoding="utf-8")
    return folder


@pytest.mark.slow
def test_an_actor_id_that_changes_in_an_unchanged_part_rebuilds_that_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the first Georgia (the country), the person gets the plain slug: b3's part,
    unchanged itself, uses another id, so it is written again, and so is b5's (the country,
    now georgia-country); b7's is kept. A person first again changes no id but its own."""
    seeds = write_texts(tmp_path / "seeds", GEORGIA)
    meta, out, cache = dataset(tmp_path, 1), tmp_path / "build", tmp_path / "cache"
    build(seeds, meta, out, cache_dir=cache)
    assert "georgia-person" in (out / "csv" / "mentions" / "part-b3.csv").read_text()
    spy = Spy(monkeypatch)
    (seeds / "b1.txt").unlink()
    build(seeds, meta, out, cache_dir=cache)
    assert spy.written == {"part-b3", "part-b5"}
    assert spy.jobs == ["b3", "b5"]
    assert tree(out) == clean_tree(tmp_path, seeds, meta)
    assert "georgia-country" in (out / "csv" / "mentions" / "part-b5.csv").read_text()
    spy.clear()
    write_texts(seeds, {"b0": GEORGIA["b3"]})
    build(seeds, meta, out, cache_dir=cache)
    assert spy.written == {"part-b0"} and spy.jobs == ["b0"]
    assert tree(out) == clean_tree(tmp_path / "again", seeds, meta)


def summaries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*/parts/*.json"))


def read_summary(path: Path) -> dict[str, Any]:
    """A part summary's document (after its sha256 line)."""
    return dict(json.loads(path.read_bytes().partition(b"\n")[2]))


@pytest.mark.slow
@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: data.replace(b'"without_text":0', b'"without_text":7'),
        lambda data: b"0" * 64 + data[64:],
        lambda data: b"",
    ],
    ids=["truncated", "a count edited", "its sha256 edited", "empty"],
)
def test_a_damaged_part_summary_builds_the_part_again(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    damage: Callable[[bytes], bytes],
) -> None:
    seeds = write_seeds(tmp_path / "seeds", IDS)
    meta, out, cache = dataset(tmp_path, 3), tmp_path / "build", tmp_path / "cache"
    build(seeds, meta, out, cache_dir=cache)
    before = tree(out)
    damaged = summaries(cache)[1]
    damaged.write_bytes(damage(damaged.read_bytes()))
    spy = Spy(monkeypatch)
    with caplog.at_level(logging.WARNING, logger=parts.__name__):
        build(seeds, meta, out, cache_dir=cache)
    assert tree(out) == before
    assert len(spy.written) == 1 and len(caplog.messages) == 1
    assert str(damaged) in caplog.messages[0] and "built again" in caplog.messages[0]
    assert len(summaries(cache)) == len(parts_of(IDS, 3))  # written again


@pytest.mark.slow
def test_a_tampered_kept_part_is_built_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A part file changed since its build, SHA256SUMS made to agree: its sha256 is not the
    one the part's summary names, so the part is not kept but written again."""
    seeds = write_seeds(tmp_path / "seeds", IDS)
    meta, out, cache = dataset(tmp_path, 3), tmp_path / "build", tmp_path / "cache"
    build(seeds, meta, out, cache_dir=cache)
    before = tree(out)
    tampered = sorted((out / "csv" / "statistics").glob("part-*.csv"))[1]
    tampered.write_bytes(tampered.read_bytes() + b"\n")
    sums = out / "SHA256SUMS"
    name = tampered.relative_to(out).as_posix()
    sums.write_text(sums.read_text().replace(before[name], tree(out)[name]))
    spy = Spy(monkeypatch)
    build(seeds, meta, out, cache_dir=cache)
    assert tree(out) == before
    assert spy.written == {tampered.stem}


def test_the_seed_build_keeps_its_one_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dataset_copy: Path
) -> None:
    seeds = write_texts(tmp_path / "seeds", {"a1": GEORGIA["b3"]})
    out, cache = tmp_path / "build", tmp_path / "cache"
    build(seeds, DATASET, out, cache_dir=cache)
    before = tree(out)
    spy = Spy(monkeypatch)
    drawn: list[object] = []
    draw = charts.chart
    monkeypatch.setattr(charts, "chart", lambda *args: drawn.append(draw(*args)))
    build(seeds, DATASET, out, cache_dir=cache)
    assert tree(out) == before and spy.written == set() and spy.jobs == []
    assert drawn == []  # the same ranking: the previous build's chart
    (record,) = cache.glob("*/parts/chart.record")
    record.write_text("{}")
    build(seeds, DATASET, out, cache_dir=cache)
    assert tree(out) == before and len(drawn) == 1
    (dataset_copy / "articles.yaml").write_text("a1: {publisher: The Daily Planet}\n")
    build(seeds, dataset_copy, out, cache_dir=cache)  # metadata is in the fingerprint
    assert spy.written == {"part-a1"} and spy.jobs == ["a1"]


@pytest.mark.slow
def test_corrections_of_a_kept_part_stay_applied_and_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The seed article, corrected (records, actors, a merge, a split), in a part of its
    own: kept when another article is added; written again when its corrections change."""
    from .conftest import SEED_ARTICLE
    from .test_corrections import ARTICLE, CORRECTIONS

    seeds = write_seeds(tmp_path / "seeds", ["b000", "b001"])
    (seeds / f"{ARTICLE}.txt").write_bytes(SEED_ARTICLE.read_bytes())
    meta, out, cache = dataset(tmp_path, 1), tmp_path / "build", tmp_path / "cache"
    (meta / "corrections.yaml").write_text(CORRECTIONS, encoding="utf-8")
    build(seeds, meta, out, cache_dir=cache)
    spy = Spy(monkeypatch)
    write_texts(seeds, {"b002": (seeds / "b000.txt").read_text(encoding="utf-8")})
    build(seeds, meta, out, cache_dir=cache)
    assert spy.written == {"part-b002"}
    assert tree(out) == clean_tree(tmp_path, seeds, meta)
    assert "no-musk-quote" in (out / "csv" / "corrections" / "part-0.csv").read_text()
    spy.clear()
    first, rest = CORRECTIONS.split("- id: meal-object")
    (meta / "corrections.yaml").write_text("- id: meal-object" + rest, encoding="utf-8")
    build(seeds, meta, out, cache_dir=cache)
    assert spy.written == {f"part-{ARTICLE}"}  # its entries changed
    assert tree(out) == clean_tree(tmp_path / "again", seeds, meta)
    spy.clear()
    (meta / "corrections.yaml").write_text(first, encoding="utf-8")  # no merge of actors now
    build(seeds, meta, out, cache_dir=cache)
    assert len(spy.written) == 4  # a merge may repoint any part's mentions: all written
    assert tree(out) == clean_tree(tmp_path / "third", seeds, meta)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The table files validation reads rows of, as "<table>/<file>"."""
    found: list[str] = []
    original = table_checks.opened_table

    def recorded(folder: Path, resource: dict[str, Any], *args: Any) -> Any:
        table = original(folder, resource, *args)
        found.extend(f"{path.parent.name}/{path.name}" for path in table.paths)
        return table

    monkeypatch.setattr(table_checks, "opened_table", recorded)
    return found


@pytest.mark.slow
def test_a_rebuild_validates_only_the_parts_it_wrote(tmp_path: Path, opened: list[str]) -> None:
    seeds = write_seeds(tmp_path / "seeds", IDS)
    meta, out, cache = dataset(tmp_path, 3), tmp_path / "build", tmp_path / "cache"
    build(seeds, meta, out, cache_dir=cache)
    every = set(opened)
    opened.clear()
    write_texts(seeds, {"a005x": (seeds / "a000.txt").read_text(encoding="utf-8")})
    build(seeds, meta, out, cache_dir=cache)
    own = next(k for k, v in parts_of([*IDS, "a005x"], 3).items() if "a005x" in v)
    article_parts = {n for n in opened if n.split("/")[0] in write.ARTICLE_TABLES}
    assert article_parts == {f"{t}/{own}.{f}" for t in write.ARTICLE_TABLES for f in FORMATS}
    assert {n for n in opened if n.startswith(("actors/", "corrections/"))} == {
        n for n in every if n.startswith(("actors/", "corrections/"))
    }
    assert validate(out) == []  # and the whole build is valid, read whole


@pytest.mark.slow
def test_a_kept_part_changed_before_validation_is_caught(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bytes of a kept part are checked against the sha256 of its verdict."""
    from newsfacts.build import run

    seeds = write_seeds(tmp_path / "seeds", IDS)
    meta, out, cache = dataset(tmp_path, 3), tmp_path / "build", tmp_path / "cache"
    build(seeds, meta, out, cache_dir=cache)
    before = tree(out)
    keep = run.keep_unchanged

    def tampering(staging: Path, previous: Path) -> list[str]:
        kept = keep(staging, previous)
        part = sorted((staging / "csv" / "quotes").glob("part-*.csv"))[0]
        with part.open("ab") as handle:  # a link to the old build's file: that one too
            handle.write(b"\n")
        return kept

    monkeypatch.setattr(run, "keep_unchanged", tampering)
    write_texts(seeds, {"a011x": (seeds / "a000.txt").read_text(encoding="utf-8")})
    with pytest.raises(NewsfactsError, match=r"the new build is invalid.*quotes"):
        build(seeds, meta, out, cache_dir=cache)
    changed = [n for n in before if tree(out).get(n) != before[n]]
    assert len(changed) == 1 and changed[0].startswith("csv/quotes/")  # the linked file


@pytest.mark.slow
def test_a_kept_part_naming_an_actor_no_longer_there_fails_the_build(tmp_path: Path) -> None:
    """Foreign keys of kept parts into the actors table are checked from their summaries."""
    seeds = write_seeds(tmp_path / "seeds", IDS)
    meta, out, cache = dataset(tmp_path, 3), tmp_path / "build", tmp_path / "cache"
    build(seeds, meta, out, cache_dir=cache)
    # the first part's summary: the article added below (a011x) goes to the last part
    path = next(p for p in summaries(cache) if read_summary(p)["key"] == "part-a000")
    summary = read_summary(path)
    summary["mention_counts"]["nobody-at-all"] = 1
    document = json.dumps(summary, separators=(",", ":")).encode()
    path.write_bytes(hashlib.sha256(document).hexdigest().encode() + b"\n" + document)
    write_texts(seeds, {"a011x": (seeds / "a000.txt").read_text(encoding="utf-8")})
    with pytest.raises(NewsfactsError, match="actor 'nobody-at-all' is not in the actors table"):
        build(seeds, meta, out, cache_dir=cache)


def seeds_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The article ids of the seeds whose bytes are read to fingerprint them, as builds go
    (every stat remembered at once: none is too recent)."""
    monkeypatch.setattr(parts.SeedHashes, "RECENT_SECONDS", 0)
    read: list[str] = []
    hashed = parts.seed_sha256

    def counted(path: Path, allow_symlinks: bool = False) -> str:
        read.append(path.stem)
        return hashed(path, allow_symlinks)

    monkeypatch.setattr(parts, "seed_sha256", counted)
    return read


@pytest.mark.slow
def test_seeds_are_read_again_only_when_their_stat_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild fingerprints unchanged seeds from their remembered sha256; a seed rewritten
    with its size and modification time kept has a new change time: read and built again."""
    read = seeds_read(monkeypatch)
    seeds = write_seeds(tmp_path / "seeds", IDS)
    meta, out, cache = dataset(tmp_path, 3), tmp_path / "build", tmp_path / "cache"
    build(seeds, meta, out, cache_dir=cache)
    assert sorted(read) == IDS
    read.clear()
    build(seeds, meta, out, cache_dir=cache)
    assert read == []
    seed = seeds / "a005.txt"
    status = seed.stat()
    text = seed.read_text(encoding="utf-8")
    assert text[0] != "Z"
    seed.write_text("Z" + text[1:], encoding="utf-8")  # other bytes, the same size
    os.utime(seed, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert seed.stat().st_size == status.st_size and seed.stat().st_mtime_ns == status.st_mtime_ns
    build(seeds, meta, out, cache_dir=cache)
    assert read == ["a005"]
    assert tree(out) == clean_tree(tmp_path, seeds, meta)


@pytest.mark.parametrize(
    "damage",
    [
        b"not a database at all",
        "sha256 not one",
    ],
)
def test_a_damaged_list_of_seed_hashes_is_a_list_of_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes | str
) -> None:
    """The remembered sha256 of each seed is data: a list that is not SQLite, or a row whose
    sha256 is not one, is not used; every seed is read again and the rebuild is still a
    clean build."""
    read = seeds_read(monkeypatch)
    seeds = write_seeds(tmp_path / "seeds", IDS)
    meta, out, cache = dataset(tmp_path, 3), tmp_path / "build", tmp_path / "cache"
    build(seeds, meta, out, cache_dir=cache)
    (listed,) = cache.rglob("seeds.sqlite")
    if isinstance(damage, bytes):
        listed.write_bytes(damage)
    else:
        with closing(sqlite3.connect(listed)) as db, db:
            db.execute("UPDATE seeds SET sha256 = ?", (damage,))
    read.clear()
    write_texts(seeds, {"a011x": (seeds / "a000.txt").read_text(encoding="utf-8")})
    build(seeds, meta, out, cache_dir=cache)
    assert sorted(read) == sorted([*IDS, "a011x"])
    assert tree(out) == clean_tree(tmp_path, seeds, meta)
