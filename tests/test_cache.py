"""The extraction cache: a rebuild extracts only new or changed seeds, and gives the same bytes."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from newsfacts.build import cache, parallel
from newsfacts.build.run import build
from newsfacts.cli import app

from .conftest import DATASET, SEED_ARTICLE, tree
from .parts import forget_parts

PARAGRAPHS = [p for p in SEED_ARTICLE.read_text(encoding="utf-8").split("\n")[1:] if p]


def write_seeds(folder: Path, count: int, first: int = 0) -> None:
    folder.mkdir(exist_ok=True)
    for n in range(first, first + count):
        text = "\n".join(PARAGRAPHS[n % 7 :: 3])
        (folder / f"a{n:03d}.txt").write_text(text, encoding="utf-8")


def versions(store: Path) -> list[Path]:
    """The cache's folders, one per extractor version."""
    return [p for p in store.iterdir() if p.is_dir()]


def test_a_rebuild_from_the_cache_after_adding_an_article_equals_a_clean_build(
    tmp_path: Path,
) -> None:
    seeds, store = tmp_path / "seeds", tmp_path / "cache"
    write_seeds(seeds, parallel.PARALLEL_FROM + 6)  # on every core
    build(seeds, DATASET, tmp_path / "build", cache_dir=store)
    write_seeds(seeds, 1, first=parallel.PARALLEL_FROM + 6)
    build(seeds, DATASET, tmp_path / "build", cache_dir=store)
    build(seeds, DATASET, tmp_path / "clean")
    assert tree(tmp_path / "build") == tree(tmp_path / "clean")
    (version,) = versions(store)
    assert len(list(version.glob("*.json"))) == parallel.PARALLEL_FROM + 7


def test_on_every_core_a_rejected_entry_is_extracted_again_and_reported(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Worker processes read the cache; their warnings reach the main process's log."""
    seeds, store = tmp_path / "seeds", tmp_path / "cache"
    write_seeds(seeds, parallel.PARALLEL_FROM + 6)
    build(seeds, DATASET, tmp_path / "build", cache_dir=store)
    before = tree(tmp_path / "build")
    forget_parts(store)  # else the unchanged parts are kept whole, no entry read
    entry = sorted(store.glob("*/*.json"))[5]
    entry.write_text(entry.read_text(encoding="utf-8").replace('"exact"', '"roughly"'))
    with caplog.at_level(logging.WARNING, logger=cache.__name__):
        build(seeds, DATASET, tmp_path / "build", cache_dir=store)
    assert tree(tmp_path / "build") == before
    (warning,) = caplog.messages
    assert str(entry) in warning and "'roughly' is not allowed" in warning


def test_only_new_or_changed_seeds_are_extracted(
    tmp_path: Path, extracted: list[int], dataset_copy: Path
) -> None:
    seeds, store = tmp_path / "seeds", tmp_path / "cache"
    write_seeds(seeds, 5)

    def rebuild() -> int:
        extracted.clear()
        build(seeds, dataset_copy, tmp_path / "build", cache_dir=store)
        return len(extracted)

    assert rebuild() == 5
    assert rebuild() == 0
    write_seeds(seeds, 1, first=5)
    assert rebuild() == 1
    (seeds / "a002.txt").write_text("Mayor Ana Ruiz said 40 schools would close.\n")
    assert rebuild() == 1
    (dataset_copy / "articles.yaml").write_text("a003: {publisher: The Daily Planet}\n")
    assert rebuild() == 1
    (dataset_copy / "actors.yaml").write_text("- {id: ana-ruiz, name: Ana Ruiz, kind: person}\n")
    assert rebuild() == 6  # the registry applies to every article


def test_a_changed_extractor_starts_a_new_cache_and_removes_the_old(
    tmp_path: Path, extracted: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds, store = tmp_path / "seeds", tmp_path / "cache"
    write_seeds(seeds, 3)
    build(seeds, DATASET, tmp_path / "build", cache_dir=store)
    (old,) = versions(store)
    monkeypatch.setattr(cache, "extractor_version", lambda: "0123456789abcdef")
    extracted.clear()
    build(seeds, DATASET, tmp_path / "build", cache_dir=store)
    assert len(extracted) == 3
    assert [p.name for p in versions(store)] == ["0123456789abcdef"]
    assert not old.exists()


def test_the_extractor_version_follows_the_code_lexicons_and_data_it_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "newsfacts"
    shutil.copytree(cache.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "PACKAGE", package)

    def version() -> str:
        cache.extractor_version.cache_clear()
        return cache.extractor_version()

    versions = [version()]
    lexicon = sorted(package.glob("lexicons/*.txt"))[0]
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "x\n", encoding="utf-8")
    versions.append(version())
    code = package / "extract" / "__init__.py"
    code.write_text(code.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    versions.append(version())
    monkeypatch.setattr(cache.metadata, "version", lambda name: "0.0")
    versions.append(version())
    monkeypatch.setattr(cache.unicodedata, "unidata_version", "1.0.0")
    versions.append(version())
    (package / "cli.py").write_text("# not the extractor\n", encoding="utf-8")
    versions.append(version())
    cache.extractor_version.cache_clear()
    assert len(set(versions[:-1])) == 5 and versions[-1] == versions[-2]
    assert all(len(v) == 16 for v in versions)


def test_a_damaged_cache_entry_is_extracted_again(tmp_path: Path, extracted: list[int]) -> None:
    seeds, store = tmp_path / "seeds", tmp_path / "cache"
    write_seeds(seeds, 3)
    build(seeds, DATASET, tmp_path / "build", cache_dir=store)
    before = tree(tmp_path / "build")
    forget_parts(store)
    entry = sorted(store.glob("*/*.json"))[0]
    entry.write_bytes(entry.read_bytes()[:20])
    extracted.clear()
    build(seeds, DATASET, tmp_path / "build", cache_dir=store)
    assert len(extracted) == 1
    assert tree(tmp_path / "build") == before


def test_the_cli_caches_beside_out_unless_told_not_to(tmp_path: Path, runner) -> None:  # type: ignore[no-untyped-def]
    seeds = tmp_path / "seeds"
    write_seeds(seeds, 2)
    args = ["build", "--seeds", str(seeds), "--dataset", str(DATASET)]
    result = runner.invoke(app, [*args, "--out", str(tmp_path / "a" / "build"), "--no-cache"])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "a" / ".newsfacts-cache").exists()
    result = runner.invoke(app, [*args, "--out", str(tmp_path / "b" / "build")])
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "b" / ".newsfacts-cache").glob("*/*.json"))) == 2
    shutil.rmtree(tmp_path / "b" / "build")
    result = runner.invoke(app, [*args, "--out", str(tmp_path / "b" / "build")])
    assert result.exit_code == 0, result.output
    assert tree(tmp_path / "b" / "build") == tree(tmp_path / "a" / "build")
