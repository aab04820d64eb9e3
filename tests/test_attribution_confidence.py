"""quotes.attribution and quotes.attribution_confidence: how each speaker was found and how
likely it is right, fitted on the tuning splits of real news and the calibration set (articles
the rules were never written from) and checked on the blind split."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newsfacts import load, schema
from newsfacts.evaluate import RELIABILITY_THRESHOLDS, Evaluation, evaluate
from newsfacts.extract.lexicons import load_lexicons

from .conftest import run_extract

ROOT = Path(__file__).resolve().parents[1]
REALNEWS = ROOT / "tests" / "realnews"
FRESH = ROOT / "tests" / "freshblind"


def attributions(text: str) -> list[tuple[str, str | None, float | None]]:
    _, found = run_extract(text)
    return [(q.span.of(text), q.attribution, q.confidence) for q in found.quotes]


@pytest.mark.parametrize(
    ("text", "how"),
    [
        ("“The bridge will reopen in May,” said Mayor Ana Ruiz.", "name_after_cue"),
        ("Mayor Ana Ruiz said: “The bridge will reopen in May.”", "name_before_cue"),
        ("Ana Ruiz spoke to reporters. “The bridge will reopen in May,” she said.", "pronoun"),
        ("“The bridge will reopen in May,” city officials said.", "unnamed_source"),
        ("The bridge will reopen in May, according to Mayor Ana Ruiz.", "according_to"),
    ],
)
def test_each_quote_says_how_its_speaker_was_found(text: str, how: str) -> None:
    ((_, attribution, confidence),) = attributions(text)
    kind = "indirect" if "according" in text else "direct"
    assert attribution == how
    assert confidence == load_lexicons().attribution_confidence[f"{kind} {how}"]


def test_a_quote_without_a_cue_carries_the_speaker_over() -> None:
    text = "“The bridge will reopen in May,” Mayor Ana Ruiz said. “The ferry will run until then.”"
    found = attributions(text)
    assert [how for _, how, _ in found] == ["name_before_cue", "carried_over"]


def test_a_quote_without_a_speaker_has_no_attribution_or_confidence() -> None:
    text = "“The bridge will reopen in May and the ferry will run until then.”"
    assert attributions(text) == [(text[1:-1], None, None)]


def test_every_kind_and_attribution_has_a_confidence_between_0_and_1() -> None:
    table = load_lexicons().attribution_confidence
    expected = {
        f"{kind} {how}"
        for kind in schema.enum("quotes", "kind")
        for how in schema.enum("quotes", "attribution")
    }
    assert set(table) == expected
    assert all(0 <= value <= 1 for value in table.values())


def test_every_built_quote_with_a_speaker_has_an_attribution(out: Path) -> None:
    quotes = load(out)["quotes"]
    has_speaker = quotes["speaker_actor_id"].notna()
    assert has_speaker.any()
    assert quotes.loc[has_speaker, "attribution"].notna().all()
    assert quotes.loc[has_speaker, "attribution_confidence"].between(0, 1).all()
    assert quotes.loc[~has_speaker, "attribution"].isna().all()


@pytest.fixture(scope="module")
def realnews_articles() -> Path:
    subprocess.run([sys.executable, str(REALNEWS / "fetch.py")], check=True)
    return REALNEWS / "articles"


@pytest.fixture(scope="module")
def fresh_articles() -> Path:
    fetch = ROOT / "tests" / "devset" / "fetch.py"
    subprocess.run([sys.executable, str(fetch), "--set", str(FRESH)], check=True)
    return FRESH / "articles"


@pytest.mark.slow
def test_the_confidence_is_calibrated_on_the_blind_split(realnews_articles: Path) -> None:
    """Among blind quotes with confidence >= c, speaker accuracy is at least c - 0.05."""
    assert_calibrated(evaluate(REALNEWS / "gold" / "blind", realnews_articles))


@pytest.mark.slow
def test_the_confidence_is_calibrated_on_the_fresh_blind_split(fresh_articles: Path) -> None:
    assert_calibrated(evaluate(FRESH / "gold", fresh_articles))


def assert_calibrated(blind: Evaluation) -> None:
    rows = blind.reliability()
    assert [r.threshold for r in rows] == list(RELIABILITY_THRESHOLDS)
    assert rows[0].quotes > 100  # enough quotes for the figures to mean something
    for row in rows:
        assert row.accuracy >= row.threshold - 0.05, row


@pytest.mark.slow
@pytest.mark.usefixtures("realnews_articles")
def test_the_confidence_lexicon_is_what_the_fit_command_writes() -> None:
    sys.path.insert(0, str(REALNEWS))
    from fit_confidence import LEXICON, fitted, measured  # tests/realnews/fit_confidence.py

    assert "".join(fitted(*measured())) == LEXICON.read_text(encoding="utf-8")
