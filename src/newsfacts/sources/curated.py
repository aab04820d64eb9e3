"""Curated knowledge in dataset/: package metadata, per-article metadata, known actors.

Every file is optional except dataset.yaml; every file is validated by pydantic,
and an error names the file and the key that is wrong.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, RootModel

from newsfacts.errors import NewsfactsError
from newsfacts.schema.models import ActorKind
from newsfacts.sources.yaml_files import read_yaml, validated


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class License(Strict):
    name: str
    path: str | None = None
    title: str | None = None


class Contributor(Strict):
    title: str
    role: str = "author"
    email: str | None = None
    path: str | None = None


class Source(Strict):
    title: str
    path: str | None = None


DEFAULT_PART_ARTICLES = 4_096


class DatasetMeta(Strict):
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    title: str
    description: str
    version: str = Field(pattern=r"^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$")
    license: License
    released: dt.date | None = None  # the release date; the package's `created`
    contributors: list[Contributor] = []
    sources: list[Source] = []
    # Tables are published in parts: a part of the article tables ends after an article whose
    # id hash is 0 modulo part_articles (4,096 articles on average: tens of MB of text); the
    # actors table is split by hash of actor_id into actor_parts parts.
    part_articles: int = Field(default=DEFAULT_PART_ARTICLES, ge=1)
    actor_parts: int = Field(default=1, ge=1, le=4_096)


class Reliability(Strict):
    """Among judged quotes with attribution_confidence >= min_confidence: how many, and the
    share whose speaker is right."""

    min_confidence: float
    quotes: int
    speaker_accuracy: float


class Measured(Strict):
    """Figures measured on a set of annotated articles, and what the set is."""

    measured_on: str
    figures: dict[str, float]
    reliability: list[Reliability] = []


class Quality(Measured):
    """Measured extraction quality, shown in the dataset card (dataset/quality.yaml): on the
    development set, and on `unseen` news whose outlets the rules were never tuned on (and
    on `further_unseen` sets of it, shown after)."""

    unseen: Measured | None = None
    further_unseen: list[Measured] = []  # more sets of unseen news, each its own table
    limitations: list[str] = []


class ArticleMeta(Strict):
    title: str | None = None
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    published_date: dt.date | None = None
    publisher: str | None = None
    authors: list[str] | None = None
    language: str = Field(default="en", pattern=r"^[a-z]{2}$")
    imported_from: str | None = None  # the page, line, row or WARC record it was imported from


class KnownActor(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str
    kind: ActorKind
    title: str | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    aliases: list[str] = []


class ArticlesFile(RootModel[dict[str, ArticleMeta]]):
    pass


class ActorsFile(RootModel[list[KnownActor]]):
    pass


class Curated(Strict):
    folder: str
    meta: DatasetMeta
    articles: dict[str, ArticleMeta]
    actors: list[KnownActor]
    quality: Quality | None = None


Model = TypeVar("Model", bound=BaseModel)


def load_yaml(path: Path, model: type[Model], default: Any) -> Model:
    """A dataset file as `model`; `default` when the file is absent (None: it must exist)."""
    if not path.exists():
        if default is None:
            raise NewsfactsError(f"{path}: file not found")
        return model.model_validate(default)
    data = read_yaml(path)
    return validated(path, model, default if data is None else data)


def load_curated(dataset_dir: Path) -> Curated:
    meta = load_yaml(dataset_dir / "dataset.yaml", DatasetMeta, None)
    articles = load_yaml(dataset_dir / "articles.yaml", ArticlesFile, {}).root
    actors = load_yaml(dataset_dir / "actors.yaml", ActorsFile, []).root
    quality = (
        load_yaml(dataset_dir / "quality.yaml", Quality, None)
        if (dataset_dir / "quality.yaml").exists()
        else None
    )
    seen: set[str] = set()
    for index, actor in enumerate(actors):
        if actor.id in seen:
            raise NewsfactsError(
                f"{dataset_dir / 'actors.yaml'}: {index}.id: duplicate actor id {actor.id!r}"
            )
        seen.add(actor.id)
    return Curated(
        folder=str(dataset_dir), meta=meta, articles=articles, actors=actors, quality=quality
    )


def empty_curated(dataset_dir: Path) -> Curated:
    """No curated knowledge: what a new article gets before anyone curates it."""
    meta = DatasetMeta(
        name="newsfacts",
        title="newsfacts",
        description="",
        version="0.0.0",
        license=License(name="CC-BY-4.0"),
    )
    return Curated(folder=str(dataset_dir), meta=meta, articles={}, actors=[])
