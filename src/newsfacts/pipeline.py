"""From seed files and curated knowledge to the rows of every table, with stable ids."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import models
from .dataset import ArticleMeta, Curated, empty_curated
from .dataset import load as load_curated
from .errors import NewsfactsError
from .extract import Extraction, extract, text
from .extract.actors import Actor, slug
from .models import Record
from .seeds import Seed, read_seed

ALIAS_SEPARATOR = " | "
Tables = dict[str, list[Record]]


@dataclass
class DatasetActor:
    """An actor merged over every article that mentions it."""

    actor_id: str
    name: str
    kind: str
    title: str | None
    country_code: str | None
    unnamed: bool
    article_id: str | None
    registered: bool
    aliases: set[str] = field(default_factory=set)
    mention_count: int = 0

    def merge(self, actor: Actor) -> None:
        self.aliases |= actor.aliases
        self.title = self.title or actor.title
        self.country_code = self.country_code or actor.country_code

    def record(self) -> models.Actor:
        aliases = sorted(self.aliases - {self.name})
        return models.Actor(
            actor_id=self.actor_id,
            name=self.name,
            kind=self.kind,  # type: ignore[arg-type]
            title=self.title,
            country_code=self.country_code,
            aliases=ALIAS_SEPARATOR.join(aliases) or None,
            unnamed=self.unnamed,
            article_id=self.article_id,
            registered=self.registered,
            mention_count=self.mention_count,
        )


class Builder:
    def __init__(self, curated: Curated, root: Path) -> None:
        self.curated = curated
        self.root = root
        self.registry = curated.registry()
        self.actors: dict[str, DatasetActor] = {}
        self.tables: Tables = {name: [] for name in models.MODELS}

    def add(self, seed: Seed) -> None:
        meta = self.curated.articles.get(seed.article_id, ArticleMeta())
        publisher = meta.publisher or seed.publisher
        authors = tuple(meta.authors) if meta.authors is not None else seed.authors
        found = extract(seed.text, seed.body_start, self.registry, publisher, authors)
        self.tables["articles"].append(self._article(seed, meta, publisher, authors))
        ids = {
            key: self._actor_id(actor, seed.article_id)
            for key, actor in found.actors.actors.items()
        }
        self._add_records(seed.article_id, seed.text, found, ids)

    def _article(
        self, seed: Seed, meta: ArticleMeta, publisher: str | None, authors: tuple[str, ...]
    ) -> models.Article:
        paragraphs = text.paragraphs(seed.text, seed.body_start)
        return models.Article(
            article_id=seed.article_id,
            source_file=self._relative(seed.path),
            sha256=seed.sha256,
            publisher=publisher,
            authors=ALIAS_SEPARATOR.join(authors) or None,
            title=meta.title,
            url=meta.url,
            published_date=meta.published_date,
            language=meta.language,
            text=seed.text,
            body_start=seed.body_start,
            char_count=len(seed.text),
            word_count=text.word_count(seed.text[seed.body_start :]),
            paragraph_count=len(paragraphs),
        )

    def _relative(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.name

    def _actor_id(self, actor: Actor, article_id: str) -> str:
        if actor.registry_id:
            actor_id = actor.registry_id
        elif actor.unnamed:
            actor_id = f"{article_id.lower()}--{slug(actor.name)}"
        else:
            actor_id = slug(actor.name)
            known = self.actors.get(actor_id)
            if known and known.kind != actor.kind and not known.registered:
                actor_id = f"{actor_id}-{actor.kind}"  # Georgia the country, Georgia a person
        if actor_id not in self.actors:
            self.actors[actor_id] = DatasetActor(
                actor_id,
                actor.name,
                actor.kind,
                actor.title,
                actor.country_code,
                actor.unnamed,
                article_id if actor.unnamed else None,
                actor.registry_id is not None,
            )
        self.actors[actor_id].merge(actor)
        return actor_id

    def _add_records(
        self, article_id: str, article_text: str, found: Extraction, ids: dict[str, str]
    ) -> None:
        mentions: dict[str, models.Mention] = {}
        for mention in found.actors.mentions:
            record = models.Mention(
                mention_id=f"{article_id}-m-{mention.span.start}-{mention.span.end}",
                article_id=article_id,
                actor_id=ids[mention.key],
                text=mention.span.of(article_text),
                start=mention.span.start,
                end=mention.span.end,
            )
            mentions.setdefault(record.mention_id, record)
        for record in mentions.values():
            self.actors[record.actor_id].mention_count += 1
        self.tables["mentions"].extend(mentions.values())
        quotes: dict[str, models.Quote] = {}
        for quote in found.quotes:
            record_q = models.Quote(
                quote_id=f"{article_id}-q-{quote.span.start}-{quote.span.end}",
                article_id=article_id,
                speaker_actor_id=ids[quote.speaker] if quote.speaker else None,
                kind=quote.kind,  # type: ignore[arg-type]
                text=quote.span.of(article_text),
                cue=quote.cue,
                start=quote.span.start,
                end=quote.span.end,
            )
            quotes.setdefault(record_q.quote_id, record_q)
        self.tables["quotes"].extend(quotes.values())
        self.tables["statistics"].extend(
            models.Statistic(
                statistic_id=f"{article_id}-s-{s.span.start}-{s.span.end}",
                article_id=article_id,
                value=s.value,
                value_max=s.value_max,
                text=s.span.of(article_text),
                object=s.object,
                unit=s.unit,
                qualifier=s.qualifier,  # type: ignore[arg-type]
                start=s.span.start,
                end=s.span.end,
            )
            for s in found.statistics
        )

    def finish(self) -> Tables:
        self.tables["actors"] = [actor.record() for _, actor in sorted(self.actors.items())]
        for name in ("mentions", "quotes", "statistics"):
            self.tables[name].sort(key=lambda r: (r.article_id, r.start, r.end))  # type: ignore[attr-defined]
        return self.tables


def build_tables(
    seed_paths: Iterable[Path],
    curated: Curated,
    root: Path,
    on_article: Callable[[Seed], None] | None = None,
) -> Tables:
    """Extract every seed; the rows of every table, ready to publish."""
    builder = Builder(curated, root)
    seen = set()
    for path in seed_paths:
        seed = read_seed(path)
        builder.add(seed)
        seen.add(seed.article_id)
        if on_article:
            on_article(seed)
    stale = sorted(set(curated.articles) - seen)
    if stale:
        articles_file = Path(curated.folder) / "articles.yaml"
        raise NewsfactsError(f"{articles_file}: {stale[0]}: no seed file for this article_id")
    return builder.finish()


def extract_records(seed_path: Path, dataset_dir: Path) -> Tables:
    """The rows of one article (the registry in dataset_dir applies when it exists)."""
    curated = load_curated(dataset_dir) if (dataset_dir / "dataset.yaml").exists() else None
    builder = Builder(curated or empty_curated(dataset_dir), seed_path.resolve().parent.parent)
    builder.add(read_seed(seed_path))
    return builder.finish()
