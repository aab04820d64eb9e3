"""The dataset card in every package, and CITATION.cff, agree with schema/ and dataset/."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from newsfacts import load, schema
from newsfacts.evaluate import evaluate
from newsfacts.sources.curated import load_curated

from .conftest import DATASET, ROOT

DEVSET = ROOT / "tests" / "devset"


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_card_lists_every_table_with_its_rows_and_every_field(out: Path, fmt: str) -> None:
    card = (out / fmt / "README.md").read_text(encoding="utf-8")
    tables = load(out, format=fmt)
    for table in schema.TABLES:
        rows = len(tables[table])
        assert f"### {table} ({rows:,} row{'' if rows == 1 else 's'})" in card
        for field in schema.fields(table):
            assert f"| `{field['name']}` | {field['type']} |" in card
            assert field["description"].replace("|", "\\|") in card


def test_card_has_license_citation_loading_and_quality(out: Path) -> None:
    card = (out / "parquet" / "README.md").read_text(encoding="utf-8")
    curated = load_curated(DATASET)
    assert curated.meta.license.name in card or (curated.meta.license.title or "") in card
    assert "## How to cite" in card and curated.meta.version in card
    assert 'pd.read_parquet("quotes")' in card and "DuckDB" in card
    assert "## Extraction quality" in card
    assert curated.quality is not None
    for value in curated.quality.figures.values():
        assert f"{value:.3f}" in card


def test_card_is_in_the_zip_and_the_checksums(out: Path) -> None:
    sums = (out / "SHA256SUMS").read_text(encoding="utf-8")
    assert "csv/README.md" in sums and "parquet/README.md" in sums


def test_citation_file_matches_the_dataset_metadata() -> None:
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    meta = load_curated(DATASET).meta
    assert citation["title"] == meta.title
    assert str(citation["version"]) == meta.version
    assert citation["date-released"] == meta.released
    assert citation["license"] == meta.license.name
    assert [a["name"] for a in citation["authors"]] == [c.title for c in meta.contributors]


def test_quality_in_the_card_is_what_evaluate_measures() -> None:

    from .test_evaluate import DEVSET, devset_articles  # noqa: F401  (fetches the articles)

    subprocess.run([sys.executable, str(DEVSET / "fetch.py")], check=True)
    measured = evaluate(DEVSET / "gold", DEVSET / "articles").figures()
    recorded = load_curated(DATASET).quality
    assert recorded is not None
    assert recorded.figures == measured, json.dumps(measured)


@pytest.mark.slow
def test_unseen_quality_in_the_card_is_what_evaluate_measures_on_the_blind_split() -> None:
    realnews = ROOT / "tests" / "realnews"
    subprocess.run([sys.executable, str(realnews / "fetch.py")], check=True)
    blind = evaluate(realnews / "gold" / "blind", realnews / "articles")
    measured = blind.figures()
    recorded = load_curated(DATASET).quality
    assert recorded is not None and recorded.unseen is not None
    assert recorded.unseen.figures == measured, json.dumps(measured)
    reliability = [(r.threshold, r.quotes, round(r.accuracy, 4)) for r in blind.reliability()]
    assert [
        (r.min_confidence, r.quotes, r.speaker_accuracy) for r in recorded.unseen.reliability
    ] == reliability


@pytest.mark.slow
def test_the_further_unseen_quality_is_what_evaluate_measures_on_the_fresh_split() -> None:
    fresh = ROOT / "tests" / "freshblind"
    fetch = ROOT / "tests" / "devset" / "fetch.py"
    subprocess.run([sys.executable, str(fetch), "--set", str(fresh)], check=True)
    measured = evaluate(fresh / "gold", fresh / "articles")
    recorded = load_curated(DATASET).quality
    assert recorded is not None and len(recorded.further_unseen) == 1
    assert recorded.further_unseen[0].figures == measured.figures()
    reliability = [(r.threshold, r.quotes, round(r.accuracy, 4)) for r in measured.reliability()]
    assert [
        (r.min_confidence, r.quotes, r.speaker_accuracy)
        for r in recorded.further_unseen[0].reliability
    ] == reliability


def test_the_card_shows_how_far_to_trust_a_speaker(out: Path) -> None:
    card = (out / "csv" / "README.md").read_text(encoding="utf-8")
    assert "| confidence at least | quotes | speaker accuracy |" in card
    assert "| 0.7 | 310 | 0.893 |" in card
    assert "quotes.attribution_confidence >= 0.8" in card


def test_the_card_shows_the_gap_between_the_dev_set_and_unseen_news(out: Path) -> None:
    card = (out / "csv" / "README.md").read_text(encoding="utf-8")
    assert "| measure | development set | unseen news | gap |" in card
    assert "| speaker attribution accuracy | 0.941 | 0.869 | 0.072 |" in card
    assert "Also unseen: a fresh blind split" in card
    assert "| speaker attribution accuracy | 0.941 | 0.829 | 0.112 |" in card
    assert "at least 0.9: 0.955 of 66" in card
