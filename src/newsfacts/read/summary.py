"""A readable summary of a package's tables: rows, quotes per speaker, top actors."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

CHART_TOP = 15  # speakers in the chart


def _names(tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    actors = tables["actors"]
    return dict(zip(actors["actor_id"], actors["name"], strict=True))


def quotes_per_speaker(tables: dict[str, pd.DataFrame]) -> list[tuple[str, int]]:
    counts = tables["quotes"]["speaker_actor_id"].dropna().astype(str).value_counts()
    return speaker_ranking({str(a): int(n) for a, n in counts.items()}, _names(tables))


def speaker_ranking(counts: Mapping[str, int], names: Mapping[str, str]) -> list[tuple[str, int]]:
    """(speaker name, quotes), the most quoted first."""
    rows = [(names.get(actor, actor), n) for actor, n in counts.items()]
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def summary(tables: dict[str, pd.DataFrame], top: int = 10) -> dict[str, Any]:
    """Rows per table, quotes per speaker, top actors by mentions, statistics by object,
    and the articles without quotes."""
    names = _names(tables)
    mentions = tables["mentions"]["actor_id"].astype(str).value_counts()
    objects = tables["statistics"]["object"].fillna("(none)").astype(str).value_counts()
    quoted = set(tables["quotes"]["article_id"].astype(str))
    return {
        "rows": {name: len(frame) for name, frame in tables.items()},
        "quotes_per_speaker": quotes_per_speaker(tables)[:top],
        "top_actors_by_mentions": sorted(
            ((names.get(str(a), str(a)), int(n)) for a, n in mentions.items()),
            key=lambda r: (-r[1], r[0]),
        )[:top],
        "statistics_by_object": sorted(
            ((str(o), int(n)) for o, n in objects.items()), key=lambda r: (-r[1], r[0])
        )[:top],
        "articles_without_quotes": sorted(
            set(tables["articles"]["article_id"].astype(str)) - quoted
        ),
    }
