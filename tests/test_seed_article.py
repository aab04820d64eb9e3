"""The dataset's first article: every record named in issue [1/6], asserted one by one."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from newsfacts import load
from newsfacts.build.run import build

from .conftest import DATASET, SEEDS

ARTICLE_ID = "000_68207eccf74b6ec5"


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    out = tmp_path_factory.mktemp("seed") / "build"
    build(SEEDS, DATASET, out)
    return load(out)


def quote(tables: dict[str, pd.DataFrame], starts_with: str) -> pd.Series:
    quotes = tables["quotes"]
    match = quotes[quotes["text"].str.startswith(starts_with)]
    assert len(match) == 1, f"expected one quote starting {starts_with!r}, got {len(match)}"
    return match.iloc[0]


def test_byline_gives_publisher_and_author(tables: dict[str, pd.DataFrame]) -> None:
    article = tables["articles"].set_index("article_id").loc[ARTICLE_ID]
    assert article["publisher"] == "The Associated Press"
    assert article["authors"] == "Matthew Lee"
    assert article["text"][article["body_start"] :].startswith("The president of El Salvador")


def test_direct_quote_rubio_stated(tables: dict[str, pd.DataFrame]) -> None:
    row = quote(tables, "We can send them")
    assert row["text"] == "We can send them, and he will put them in his jails."
    assert (row["kind"], row["speaker_actor_id"], row["cue"]) == ("direct", "marco-rubio", "stated")


def test_unclosed_direct_quote_runs_to_paragraph_end(tables: dict[str, pd.DataFrame]) -> None:
    row = quote(tables, "Excellent idea")
    assert row["text"] == "Excellent idea!"
    assert (row["kind"], row["speaker_actor_id"], row["cue"]) == ("direct", "elon-musk", "replied")


@pytest.mark.parametrize(
    ("starts_with", "ends_with", "speaker", "cue"),
    [
        ("Bukele had agreed", "pact anywhere in the world", "marco-rubio", "declared"),
        ("El Salvador had extended an offer", "jail system", "nayib-bukele", "stating"),
        ("his nation would only take in", "substantial for us", "nayib-bukele", "continued"),
        (
            "El Salvador’s overcrowded prisons",
            "cruel and dangerous",
            "state-department",
            "according to",
        ),
        ("many facilities lack", "sanitary services", "state-department", "According to"),
        ("the United States would take action", "prompt action", "marco-rubio", "warned"),
    ],
)
def test_indirect_quotes_with_speakers(
    tables: dict[str, pd.DataFrame], starts_with: str, ends_with: str, speaker: str, cue: str
) -> None:
    row = quote(tables, starts_with)
    assert row["kind"] == "indirect"
    assert row["text"].endswith(ends_with)
    assert row["speaker_actor_id"] == speaker
    assert row["cue"] == cue


def test_unnamed_official_is_an_actor_of_its_own(tables: dict[str, pd.DataFrame]) -> None:
    row = quote(tables, "Trump’s Republican administration")
    assert row["text"].endswith("deporting Americans")
    actor = tables["actors"].set_index("actor_id").loc[row["speaker_actor_id"]]
    assert actor["unnamed"]
    assert actor["kind"] == "person"
    assert actor["article_id"] == ARTICLE_ID
    assert actor["country_code"] == "USA"


@pytest.mark.parametrize(
    ("text", "value", "obj", "qualifier"),
    [
        ("more than 83,000 people", 83000, "people", "more_than"),
        ("40,000 gang members", 40000, "gang members", "exact"),
        ("114 homicides", 114, "homicides", "exact"),
        ("roughly 6 million citizens", 6_000_000, "citizens", "approximate"),
        ("forty-three migrants", 43, "migrants", "exact"),
        ("one meal a day", 1, "meal", "exact"),
    ],
)
def test_statistics(
    tables: dict[str, pd.DataFrame], text: str, value: float, obj: str, qualifier: str
) -> None:
    stats = tables["statistics"].set_index("text")
    assert text in stats.index
    row = stats.loc[text]
    assert (row["value"], row["object"], row["qualifier"]) == (value, obj, qualifier)


def test_dates_and_years_are_not_statistics(tables: dict[str, pd.DataFrame]) -> None:
    texts = " ".join(tables["statistics"]["text"])
    for not_a_statistic in ("2022", "2023", "last year", "Tuesday"):
        assert not_a_statistic not in texts
    assert len(tables["statistics"]) == 6


EXPECTED_ACTORS = {
    "matthew-lee": ("Matthew Lee", "person", {"Matthew Lee"}),
    "associated-press": ("The Associated Press", "organization", {"The Associated Press", "AP"}),
    "nayib-bukele": ("Nayib Bukele", "person", {"President Nayib Bukele", "Bukele"}),
    "marco-rubio": ("Marco Rubio", "person", {"U.S. Secretary of State Marco Rubio", "Rubio"}),
    "donald-trump": ("Donald Trump", "person", {"President Donald Trump", "Trump"}),
    "elon-musk": ("Elon Musk", "person", {"Elon Musk"}),
    "state-department": ("State Department", "organization", {"State Department"}),
    "el-salvador": ("El Salvador", "country", {"El Salvador"}),
    "united-states": (
        "United States",
        "country",
        {"United States", "U.S.", "United States of America"},
    ),
    "panama": ("Panama", "country", {"Panama"}),
    "colombia": ("Colombia", "country", {"Colombia"}),
    "china": ("China", "country", {"China"}),
}


@pytest.mark.parametrize("actor_id", sorted(EXPECTED_ACTORS))
def test_actor_once_with_all_mentions(tables: dict[str, pd.DataFrame], actor_id: str) -> None:
    name, kind, forms = EXPECTED_ACTORS[actor_id]
    actors = tables["actors"]
    row = actors[actors["actor_id"] == actor_id]
    assert len(row) == 1
    assert (row.iloc[0]["name"], row.iloc[0]["kind"]) == (name, kind)
    assert (actors["name"] == name).sum() == 1
    mentions = tables["mentions"]
    found = set(mentions[mentions["actor_id"] == actor_id]["text"])
    assert found == forms
    assert row.iloc[0]["mention_count"] == (mentions["actor_id"] == actor_id).sum()


def test_actor_titles_and_countries(tables: dict[str, pd.DataFrame]) -> None:
    actors = tables["actors"].set_index("actor_id")
    assert actors.loc["nayib-bukele", "title"] == "President"
    assert actors.loc["nayib-bukele", "country_code"] == "SLV"
    assert actors.loc["marco-rubio", "title"] == "Secretary of State"
    assert actors.loc["marco-rubio", "country_code"] == "USA"


def test_mention_counts_for_the_main_actors(tables: dict[str, pd.DataFrame]) -> None:
    counts = tables["mentions"]["actor_id"].value_counts()
    assert counts["marco-rubio"] == 7
    assert counts["nayib-bukele"] == 7
    assert counts["el-salvador"] == 7
    assert counts["panama"] == 2  # "Panama Canal" is a place, not the country


def test_only_the_expected_named_actors(tables: dict[str, pd.DataFrame]) -> None:
    named = set(tables["actors"][~tables["actors"]["unnamed"]]["actor_id"])
    assert named == set(EXPECTED_ACTORS)


def test_seed_without_registry_finds_the_same_actors(tmp_path: Path) -> None:
    """The registry in dataset/actors.yaml adds facts; it is not needed to find anyone."""
    empty = tmp_path / "dataset"
    empty.mkdir()
    (empty / "dataset.yaml").write_text((DATASET / "dataset.yaml").read_text(encoding="utf-8"))
    build(SEEDS, empty, tmp_path / "build")
    actors = load(tmp_path / "build")["actors"]
    assert set(actors[~actors["unnamed"]]["actor_id"]) == set(EXPECTED_ACTORS)
    assert not actors["registered"].any()
