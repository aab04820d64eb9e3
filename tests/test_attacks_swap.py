"""A reader always sees one whole build: builds alternate into one --out while load() and
validate loop, and no read mixes two builds nor reports a problem that is not there
(issue [2/6], readers racing the build's swap)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newsfacts import load
from newsfacts.build.run import build
from newsfacts.validate.run import validate

from .conftest import DATASET, SEED_ARTICLE

ROUNDS = 40  # builds while the readers read
READS = 60  # loads and validates; each must see one whole build


def seeds(folder: Path, prefix: str, count: int) -> Path:
    folder.mkdir()
    paragraphs = SEED_ARTICLE.read_text(encoding="utf-8").split("\n")
    for n in range(count):
        text = "\n".join(paragraphs[n % 4 :: 2])
        (folder / f"{prefix}{n:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def one_build(tables: dict) -> bool:  # type: ignore[type-arg]
    articles = set(tables["articles"]["article_id"])
    if not (articles and {a[0] for a in articles} in ({"a"}, {"b"})):
        return False
    texts = dict(zip(tables["articles"]["article_id"], tables["articles"]["text"], strict=True))
    for name in ("mentions", "quotes", "statistics"):
        frame = tables[name]
        for article, start, end, text in zip(
            frame["article_id"], frame["start"], frame["end"], frame["text"], strict=True
        ):
            if article not in texts or texts[article][start:end] != text:
                return False
    return True


@pytest.mark.slow
def test_readers_never_see_two_builds_at_once(tmp_path: Path) -> None:
    first, second = seeds(tmp_path / "a", "a", 3), seeds(tmp_path / "b", "b", 5)
    out = tmp_path / "build"
    build(first, DATASET, out)
    builder = textwrap.dedent(
        f"""
        from pathlib import Path
        from newsfacts.build.run import build
        for n in range({ROUNDS}):
            build(Path({str(second)!r} if n % 2 == 0 else {str(first)!r}),
                  Path({str(DATASET)!r}), Path({str(out)!r}))
        """
    )
    process = subprocess.Popen([sys.executable, "-c", builder])
    mixed, false_problems, reads = 0, [], 0
    try:
        while reads < READS and process.poll() is None:
            mixed += not one_build(load(out))
            false_problems += [p for p in validate(out) if p.severity == "error"]
            reads += 1
    finally:
        process.wait(timeout=300)
    assert process.returncode == 0
    assert reads >= 10, "the builds ended before the readers could race them"
    assert mixed == 0
    assert false_problems == []


def test_reading_a_package_that_is_not_a_build_writes_no_lock_file(
    out: Path, tmp_path: Path
) -> None:
    import shutil

    data = tmp_path / "data"
    (data / "csv").mkdir(parents=True)  # looks a little like a build: a csv folder
    shutil.copytree(out / "csv", data / "mypkg")
    load(data / "mypkg", format="csv")
    assert not list(tmp_path.rglob("*.swap.lock"))
