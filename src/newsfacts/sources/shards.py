"""Seeds read from a shard file (JSON lines or Parquet, one article a line or row) instead of
a file per article, for collections too large for a folder of files.

Each record goes through the same `Acceptor` as `newsfacts import`, and becomes the seed that
import would write (seeds/<article_id>.txt beside the shard, never written), so a build from a
shard gives the same packages byte for byte as importing the shard first and building.
Records that are duplicates, not articles or not English are skipped with a warning; a line
that does not parse fails the build, naming it.
"""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path

from newsfacts.errors import NewsfactsError
from newsfacts.sources.record_files import FORMATS, read_records
from newsfacts.sources.records import Accepted, Acceptor, Skipped, field_map

log = logging.getLogger(__name__)
SHARD_FORMATS = ("jsonl", "parquet")


def is_shard(path: Path) -> bool:
    return path.is_file() and FORMATS.get(path.suffix.lower()) in SHARD_FORMATS


def read_shard(path: Path) -> list[Accepted]:
    """The shard's articles in article_id order, the order of every table. Their seed bytes
    are held in memory (about the shard's text size) so they can be sorted."""
    acceptor = Acceptor()
    accepted: list[Accepted] = []
    skipped: Counter[str] = Counter()
    for item in read_records(path, FORMATS[path.suffix.lower()], field_map({})):
        outcome = item if isinstance(item, Skipped) else acceptor.accept(item)
        if isinstance(outcome, Skipped):
            if outcome.reason == "error":
                raise NewsfactsError(f"{outcome.origin}: {outcome.detail}")
            skipped[outcome.reason] += 1
        else:
            accepted.append(outcome)
    if skipped:
        counts = ", ".join(f"{n:,} {reason}" for reason, n in sorted(skipped.items()))
        log.warning("warning: %s: records skipped: %s", path, counts)
    return sorted(accepted, key=lambda a: a.article_id)


def shard_seed_path(shard: Path, article_id: str) -> Path:
    """Where `newsfacts import` would write the article: seeds/ beside the shard."""
    return shard.parent / "seeds" / f"{article_id}.txt"
