"""Tables in parts: content-defined ranges of articles (the same in every article table),
actors split by hash of actor_id; every reader reads all parts; adding an article rewrites
only its part; keys are checked across parts, by newsfacts and by stock Frictionless."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from newsfacts import load, schema
from newsfacts.build.run import build
from newsfacts.package.write import ARTICLE_TABLES, actor_part, is_boundary, stable_hash
from newsfacts.read.files import read_descriptor
from newsfacts.validate import table_checks
from newsfacts.validate.run import validate

from .conftest import DATASET, SEED_ARTICLE, tree
from .parts import rehash

PART_ARTICLES = 4
ACTOR_PARTS = 3
ARTICLES = 24

pytestmark = pytest.mark.slow  # each test builds a small corpus, some twice


def write_seeds(folder: Path, ids: list[str]) -> Path:
    """Articles made of the seed article's paragraphs, a different selection each."""
    paragraphs = SEED_ARTICLE.read_text(encoding="utf-8").split("\n")
    folder.mkdir(exist_ok=True)
    for number, article_id in enumerate(ids):
        chosen = [p for i, p in enumerate(paragraphs[1:]) if (i + number) % 3 and p]
        text = "\n".join([paragraphs[0], *chosen]) + "\n"
        (folder / f"{article_id}.txt").write_text(text, encoding="utf-8")
    return folder


def dataset(tmp_path: Path, part_articles: int) -> Path:
    folder = tmp_path / f"dataset-{part_articles}"
    shutil.copytree(DATASET, folder)
    with (folder / "dataset.yaml").open("a", encoding="utf-8") as meta:
        meta.write(f"part_articles: {part_articles}\nactor_parts: {ACTOR_PARTS}\n")
    return folder


IDS = [f"a{n:03d}" for n in range(ARTICLES)]


@pytest.fixture(scope="module")
def parted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("parts")
    seeds = write_seeds(root / "seeds", IDS)
    build(seeds, dataset(root, PART_ARTICLES), root / "build")
    return root / "build"


def part_keys(ids: list[str]) -> list[str]:
    """The parts' keys as is_boundary gives them: each part's first article id."""
    keys, starts, count = [], True, 0
    for article_id in sorted(ids):
        if starts:
            keys.append(f"part-{article_id}")
            count = 0
        count += 1
        starts = is_boundary(article_id, PART_ARTICLES, count)
    return keys


def paths(package: Path, table: str) -> list[str]:
    found = next(r for r in read_descriptor(package)["resources"] if r["name"] == table)
    return list(found["path"])


def test_article_tables_share_content_defined_parts(parted: Path) -> None:
    keys = part_keys(IDS)
    assert 2 < len(keys) < ARTICLES  # the corpus is split, not one part per article
    for fmt in ("csv", "parquet"):
        for table in ARTICLE_TABLES:
            assert paths(parted / fmt, table) == [f"{table}/{key}.{fmt}" for key in keys]
    articles = [
        pq.read_table(parted / "parquet" / p) for p in paths(parted / "parquet", "articles")
    ]
    for key, part in zip(keys, articles, strict=True):
        ids = part.column("article_id").to_pylist()
        assert f"part-{ids[0]}" == key and ids == sorted(ids)
        ends = [is_boundary(i, PART_ARTICLES, n) for n, i in enumerate(ids, 1)]
        assert ends[:-1] == [False] * (len(ids) - 1)
    mentions = pd.read_parquet(parted / "parquet" / paths(parted / "parquet", "mentions")[1])
    assert set(mentions["article_id"]) <= set(articles[1].column("article_id").to_pylist())


def test_actors_are_split_by_hash_of_their_id(parted: Path) -> None:
    for part in paths(parted / "parquet", "actors"):
        ids = pq.read_table(parted / "parquet" / part).column("actor_id").to_pylist()
        assert {actor_part(i, ACTOR_PARTS) for i in ids} <= {Path(part).stem}
    assert len(paths(parted / "csv", "actors")) == ACTOR_PARTS


def test_every_reader_reads_every_part(parted: Path, tmp_path: Path) -> None:
    whole = tmp_path / "whole"
    build(write_seeds(tmp_path / "seeds", IDS), dataset(tmp_path, 1 << 40), whole)
    assert all(len(paths(whole / "csv", t)) == 1 for t in ARTICLE_TABLES)
    expected = load(whole)
    for fmt in ("csv", "parquet"):
        tables = load(parted, format=fmt)
        for table in schema.TABLES:
            pd.testing.assert_frame_equal(tables[table], expected[table])
    quotes = len(expected["quotes"])
    assert len(pd.read_parquet(parted / "parquet" / "quotes")) == quotes
    glob = (parted / "parquet" / "quotes" / "*.parquet").as_posix()
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{glob}')").fetchall() == [(quotes,)]


def test_a_parted_build_is_valid_to_newsfacts_and_stock_frictionless(parted: Path) -> None:
    for engine in ("fast", "frictionless"):
        assert [p for p in validate(parted, engine) if p.severity == "error"] == []
    frictionless = Path(sys.executable).parent / "frictionless"
    checked = subprocess.run(
        [str(frictionless), "validate", str(parted / "csv" / "datapackage.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout[-2000:]


def test_a_key_repeated_in_another_part_is_reported(parted: Path, tmp_path: Path) -> None:
    copy = tmp_path / "build"
    shutil.copytree(parted, copy)
    first, second = (copy / "csv" / p for p in paths(copy / "csv", "articles")[:2])
    _, row, *_ = list(csv.reader(io.StringIO(first.read_text(encoding="utf-8"))))
    with second.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(row)  # the first part's first article
    rehash(copy / "csv")
    for engine in ("fast", "frictionless"):
        found = [str(p) for p in validate(copy / "csv", engine)]
        assert any("primary-key" in p or "unique" in p for p in found), (engine, found)
    frictionless = Path(sys.executable).parent / "frictionless"
    stock = subprocess.run(
        [str(frictionless), "validate", "--json", str(copy / "csv" / "datapackage.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert stock.returncode == 1 and "primary-key" in json.dumps(json.loads(stock.stdout))


def test_adding_an_article_rewrites_only_its_part(parted: Path, tmp_path: Path) -> None:
    added = "a010x"  # between a010 and a011: in a010's part
    seeds = write_seeds(tmp_path / "seeds", [*IDS, added])
    again = tmp_path / "again"
    build(seeds, dataset(tmp_path, PART_ARTICLES), again)
    before, after = tree(parted), tree(again)
    changed = {n for n in before.keys() & after.keys() if before[n] != after[n]}
    touched = {n for n in changed | (before.keys() ^ after.keys()) if "/part-a" in n}
    keys = {Path(n).stem for n in touched}
    own = max(k for k in part_keys(IDS) if k <= f"part-{added}")
    assert keys <= {own, f"part-{added}"}  # its part (split in two if it is a boundary)
    assert own in keys
    untouched = [n for n in before if "/part-a" in n and Path(n).stem not in keys]
    assert untouched and all(before[n] == after[n] for n in untouched)


def test_a_cached_rebuild_keeps_unchanged_parts_and_equals_a_clean_build(tmp_path: Path) -> None:
    seeds = write_seeds(tmp_path / "seeds", IDS)
    meta, out, cache = dataset(tmp_path, PART_ARTICLES), tmp_path / "build", tmp_path / "cache"
    build(seeds, meta, out, cache_dir=cache)
    inodes = {p.relative_to(out).as_posix(): p.stat().st_ino for p in out.rglob("*.*")}
    write_seeds(seeds, [*IDS, "a010x"])  # rewrites the same files, adds one article
    build(seeds, meta, out, cache_dir=cache)
    clean = tmp_path / "clean"
    build(seeds, meta, clean)
    assert tree(out) == tree(clean)  # byte for byte a build without the cache
    after = {p.relative_to(out).as_posix(): p.stat().st_ino for p in out.rglob("*.*")}
    kept = {name for name in inodes.keys() & after.keys() if inodes[name] == after[name]}
    own = max(k for k in part_keys(IDS) if k <= "part-a010x")  # the new article's part
    untouched = {n for n in after if "/part-a" in n and own not in n}
    assert len(untouched) > 8 and untouched <= kept  # the same files, never rewritten
    changed = {n for n in after if own in n}
    assert changed and not changed & kept


def test_a_rebuild_sniffs_only_the_csv_parts_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds = write_seeds(tmp_path / "seeds", IDS)
    meta, out, cache = dataset(tmp_path, PART_ARTICLES), tmp_path / "build", tmp_path / "cache"
    build(seeds, meta, out, cache_dir=cache)
    before = tree(out / "csv")
    sniffed: list[str] = []
    sniff = table_checks.check_dialect

    def recorded(path: Path) -> None:
        sniffed.append(f"{path.parent.name}/{path.name}")
        sniff(path)

    monkeypatch.setattr(table_checks, "check_dialect", recorded)
    write_seeds(seeds, [*IDS, "a010x"])
    build(seeds, meta, out, cache_dir=cache)
    after = tree(out / "csv")
    written = [n for n in after if n.endswith(".csv") and before.get(n) != after[n]]
    assert any("/part-a" in n for n in written)  # the new article's parts
    assert sorted(sniffed) == sorted(written)  # the kept parts are not sniffed again


def test_kept_parts_are_still_checked_cell_by_cell_and_for_keys(
    parted: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "build"
    shutil.copytree(parted, copy)
    first, second = (copy / "csv" / p for p in paths(copy / "csv", "articles")[:2])
    kept = frozenset({first, second})
    assert [p for p in validate(copy, kept_files=kept) if p.severity == "error"] == []
    header, row, *rest = list(csv.reader(io.StringIO(first.read_text(encoding="utf-8"))))
    with second.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(row)  # a key of a kept part, again
    rehash(copy / "csv")
    found = [str(p) for p in validate(copy / "csv", kept_files=kept)]
    assert any("primary-key" in p for p in found), found
    shutil.copyfile(parted / "csv" / second.relative_to(copy / "csv"), second)
    row[header.index("word_count")] = "many"  # a tampered kept part: a cell of a wrong type
    with first.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([header, row, *rest])
    rehash(copy / "csv")
    found = [str(p) for p in validate(copy / "csv", kept_files=kept)]
    assert any("type-error" in p and "word_count" in p for p in found), found


def test_a_long_run_without_a_boundary_still_ends_near_twice_the_part_size() -> None:
    """Content-defined sizes are geometric: without the long-part condition, the longest of
    the 100,000 benchmark ids' parts at 4,096 would hold 26,262 articles."""
    ids = [f"bench_{n:06d}" for n in range(100_000)]
    sizes, count = [], 0
    for article_id in ids:
        count += 1
        if is_boundary(article_id, 4_096, count):
            sizes.append(count)
            count = 0
    assert max(sizes) <= 2 * 4_096 + 4_096 // 2  # 2 × part_articles, then 1 in 256
    assert min(sizes) >= 1 and sum(sizes) + count == len(ids)
    assert is_boundary(ids[0], 4_096, 1) == (stable_hash(ids[0]) % 4_096 == 0)
