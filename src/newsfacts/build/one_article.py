"""Small in-memory uses of the build: one article's records, for `extract`, evaluation and tests."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from newsfacts import schema
from newsfacts.build.actor_ids import Builder
from newsfacts.build.parallel import relative_path
from newsfacts.build.rows import MENTION_ACTOR, Tables, extract_article, known_actors
from newsfacts.schema import Rows, models
from newsfacts.sources.curated import ArticleMeta, Curated, empty_curated, load_curated
from newsfacts.sources.seeds import Seed, read_seed


def records(rows: Rows) -> Tables:
    """Rows as validated pydantic records."""
    return {
        name: [
            models.MODELS[name](**dict(zip(schema.column_names(name), row, strict=True)))
            for row in rows.get(name, [])
        ]
        for name in schema.TABLES
    }


def article_tables(seed: Seed, curated: Curated, root: Path) -> Tables:
    """The records of one already read seed."""
    meta = curated.articles.get(seed.article_id, ArticleMeta())
    builder = Builder()
    extraction = extract_article(seed, meta, known_actors(curated), relative_path(seed.path, root))
    rows = builder.add(extraction)
    counts = Counter(r[MENTION_ACTOR] for r in rows["mentions"])
    return records({**rows, "actors": list(builder.actor_rows(counts))})


def extract_records(seed_path: Path, dataset_dir: Path) -> Tables:
    """The rows of one article (the registry in dataset_dir applies when it exists)."""
    curated = load_curated(dataset_dir) if (dataset_dir / "dataset.yaml").exists() else None
    root = seed_path.resolve().parent.parent
    return article_tables(read_seed(seed_path), curated or empty_curated(dataset_dir), root)
