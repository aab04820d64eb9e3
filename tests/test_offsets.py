"""Offsets count Unicode code points: the slicing the card gives for Python, DuckDB and
JavaScript returns each record's text, also after emoji and other characters outside the BMP."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from newsfacts import load
from newsfacts.cli import app
from newsfacts.package.card import OFFSETS

from .conftest import DATASET

TEXT = "Fans 🎉 cheered as 3,000 🏃 runners finished, organisers said 😀.\n“Great day 🌞,” Mayor Ana Ruiz said."


@pytest.fixture(scope="module")
def emoji_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("offsets")
    (root / "seeds").mkdir()
    (root / "seeds" / "emoji.txt").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(
        app,
        [
            "build",
            "--seeds",
            str(root / "seeds"),
            "--dataset",
            str(DATASET),
            "--out",
            str(root / "b"),
        ],
    )
    assert result.exit_code == 0, result.output
    return root / "b"


def test_the_card_gives_each_languages_slice() -> None:
    for expression in (
        "text[start:end]",
        'substring(text, start + 1, "end" - start)',
        "Array.from(text).slice(start, end)",
    ):
        assert expression in OFFSETS


def test_python_slices_give_every_record(emoji_build: Path) -> None:
    tables = load(emoji_build)
    text = tables["articles"]["text"][0]
    spans = [tables[t] for t in ("mentions", "quotes", "statistics")]
    assert sum(len(s) for s in spans) >= 3
    for frame in spans:
        for start, end, value in zip(frame["start"], frame["end"], frame["text"], strict=True):
            assert text[start:end] == value


def test_duckdb_substring_gives_every_record(emoji_build: Path) -> None:
    parquet = emoji_build / "parquet"
    for table in ("mentions", "quotes", "statistics"):
        wrong = duckdb.sql(
            f"""SELECT count(*) FROM '{parquet / table}/*.parquet' r
                JOIN '{parquet / "articles"}/*.parquet' a USING (article_id)
                WHERE substring(a.text, r.start + 1, r."end" - r.start) <> r.text"""
        ).fetchall()
        assert wrong == [(0,)], table


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_javascript_array_from_gives_every_record_and_slice_does_not(emoji_build: Path) -> None:
    tables = load(emoji_build)
    records = [
        {"start": int(s), "end": int(e), "text": t}
        for s, e, t in zip(
            tables["quotes"]["start"],
            tables["quotes"]["end"],
            tables["quotes"]["text"],
            strict=True,
        )
    ]
    script = """
const [text, records] = JSON.parse(require("fs").readFileSync(0, "utf8"));
const points = Array.from(text);
console.log(JSON.stringify(records.map(r => [
  points.slice(r.start, r.end).join("") === r.text, text.slice(r.start, r.end) === r.text])));
"""
    payload = json.dumps([tables["articles"]["text"][0], records])
    done = subprocess.run(
        ["node", "-e", script], input=payload, capture_output=True, text=True, check=True
    )
    results = json.loads(done.stdout)
    assert all(code_points for code_points, _ in results)
    assert not all(utf16 for _, utf16 in results)  # why the card warns against .slice
