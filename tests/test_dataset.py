"""Curated YAML in dataset/: errors name the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfacts.build.rows import known_actors
from newsfacts.errors import NewsfactsError
from newsfacts.sources.curated import load_curated

from .conftest import DATASET


def test_the_repository_dataset_loads() -> None:
    curated = load_curated(DATASET)
    assert curated.meta.name == "newsfacts"
    assert "Rubio" in known_actors(curated)


@pytest.mark.parametrize(
    ("file", "content", "message"),
    [
        ("actors.yaml", "- id: x\n  name: [unclosed\n", "malformed YAML"),
        ("actors.yaml", "- id: x\n  name: X\n  kind: person\n  nickname: Y\n", r"0\.nickname"),
        ("actors.yaml", "- id: x\n  name: X\n  kind: planet\n", r"0\.kind"),
        ("articles.yaml", "a1:\n  published_date: yesterday\n", r"a1\.published_date"),
        ("articles.yaml", "a1:\n  authors: Jane Doe\n", r"a1\.authors"),
        (
            "actors.yaml",
            "- {id: x, name: X, kind: person}\n- {id: x, name: Y, kind: person}\n",
            r"1\.id: duplicate actor id",
        ),
        ("dataset.yaml", "name: newsfacts\n", "title"),
    ],
)
def test_bad_yaml_names_file_and_key(
    dataset_copy: Path, file: str, content: str, message: str
) -> None:
    (dataset_copy / file).write_text(content, encoding="utf-8")
    with pytest.raises(NewsfactsError, match=message) as error:
        load_curated(dataset_copy)
    assert str(dataset_copy / file) in str(error.value)


def test_optional_files_may_be_absent(dataset_copy: Path) -> None:
    (dataset_copy / "articles.yaml").unlink()
    (dataset_copy / "actors.yaml").unlink()
    curated = load_curated(dataset_copy)
    assert curated.articles == {}
    assert curated.actors == []
