"""Shared fixtures: the repository's paths, a seed folder builder and a CLI runner."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsfacts.extract import Extraction, extract

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATASET = ROOT / "dataset"
SEED_ARTICLE = SEEDS / "000_68207eccf74b6ec5.txt"


@pytest.fixture(scope="session")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One build of the bundled seeds for every test that only reads it (copy it to change it)."""
    from newsfacts.build.run import build

    target = tmp_path_factory.mktemp("seed") / "build"
    build(SEEDS, DATASET, target)
    return target


@pytest.fixture(scope="session")
def released(out: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed build as `newsfacts release` publishes it: with a zip of each package, and
    SHA256SUMS of every file (zips included)."""
    from newsfacts.package.write import write_checksums, write_zips

    target = tmp_path_factory.mktemp("release") / "0.1.0"
    shutil.copytree(out, target)
    write_zips(target, "newsfacts-0.1.0")
    write_checksums(target)
    return target


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def make_seeds(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    """A seeds folder holding the given files (name -> text or bytes)."""

    def make(files: dict[str, str | bytes]) -> Path:
        folder = tmp_path / "seeds"
        folder.mkdir(exist_ok=True)
        for name, content in files.items():
            path = folder / name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return folder

    return make


@pytest.fixture
def dataset_copy(tmp_path: Path) -> Path:
    target = tmp_path / "dataset"
    shutil.copytree(DATASET, target)
    return target


def tree(folder: Path) -> dict[str, str]:
    """Every file under `folder` with its sha256: equal trees hold the same bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run_extract(text: str) -> tuple[str, Extraction]:
    """Extract records from a body text with no byline and no registry."""
    return text, extract(text, 0, {})


def quotes_of(text: str) -> list[tuple[str, str, str | None, str | None]]:
    """(kind, text, speaker name, cue) of every quote in `text`."""
    _, found = run_extract(text)
    names = {key: actor.name for key, actor in found.actors.actors.items()}
    return [
        (q.kind, q.span.of(text), names.get(q.speaker) if q.speaker else None, q.cue)
        for q in found.quotes
    ]


def statistics_of(text: str) -> list[tuple[str, float, str]]:
    _, found = run_extract(text)
    return [(s.span.of(text), s.value, s.qualifier) for s in found.statistics]


def actors_of(text: str) -> dict[str, str]:
    """name -> kind of every actor found in `text`."""
    _, found = run_extract(text)
    return {actor.name: actor.kind for actor in found.actors.actors.values()}


@pytest.fixture
def extracted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the articles extracted in this process (serial extraction)."""
    from newsfacts.build import parallel, rows

    calls: list[int] = []
    original: Callable[..., Any] = rows.extract

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(parallel, "PARALLEL_FROM", 10**9)
    monkeypatch.setattr(rows, "extract", counting)
    return calls
