"""Reviewed corrections in dataset/corrections.yaml: applied on every build, recorded, never stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfacts import load
from newsfacts.build.run import build
from newsfacts.errors import NewsfactsError

from .conftest import SEEDS

ARTICLE = "000_68207eccf74b6ec5"

CORRECTIONS = f"""
- id: no-musk-quote
  action: reject
  article: {ARTICLE}
  table: quotes
  text: Excellent idea!
- id: meal-object
  action: fix
  article: {ARTICLE}
  table: statistics
  text: one meal a day
  set: {{object: meals, unit: per day}}
- id: continued-is-rubio
  action: fix
  article: {ARTICLE}
  table: quotes
  text: his nation would only take in convicted criminals and collect a price that would be minimal for the United States but substantial for us
  set: {{speaker: marco-rubio}}
- id: one-day-after
  action: add
  article: {ARTICLE}
  table: statistics
  text: one day after
  set: {{value: 1, object: day}}
- id: state-department-name
  action: fix_actor
  actor: state-department
  set: {{name: U.S. State Department, country_code: USA}}
- id: official-title
  action: fix_actor
  actor: {ARTICLE}--us-official
  set: {{title: official}}
- id: panama-is-colombia
  action: merge
  actors: [colombia, panama]
- id: us-as-government
  action: split
  actor: united-states
  article: {ARTICLE}
  text: U.S.
  new_actor: {{id: us-government, name: U.S. government, kind: organization}}
"""


def build_with(tmp_path: Path, dataset_copy: Path, corrections: str) -> dict:  # type: ignore[type-arg]
    (dataset_copy / "corrections.yaml").write_text(corrections, encoding="utf-8")
    build(SEEDS, dataset_copy, tmp_path / "build")
    return load(tmp_path / "build")


def test_every_kind_of_correction_is_applied_and_recorded(
    tmp_path: Path, dataset_copy: Path
) -> None:
    tables = build_with(tmp_path, dataset_copy, CORRECTIONS)
    quotes = tables["quotes"].set_index("text")
    assert "Excellent idea!" not in quotes.index
    assert (
        quotes.loc[
            "his nation would only take in convicted criminals and collect a price that would be minimal for the United States but substantial for us",
            "speaker_actor_id",
        ]
        == "marco-rubio"
    )
    fixed = quotes.loc[
        "his nation would only take in convicted criminals and collect a price that would be minimal for the United States but substantial for us"
    ]
    assert (fixed["attribution"], fixed["attribution_confidence"]) == ("reviewed", 1.0)
    stats = tables["statistics"].set_index("text")
    assert (stats.loc["one meal a day", "object"], stats.loc["one meal a day", "unit"]) == (
        "meals",
        "per day",
    )
    assert stats.loc["one day after", "value"] == 1
    actors = tables["actors"].set_index("actor_id")
    assert actors.loc["state-department", "name"] == "U.S. State Department"
    assert actors.loc["state-department", "country_code"] == "USA"
    assert "panama" not in actors.index
    assert actors.loc[f"{ARTICLE}--us-official", "title"] == "official"  # an article's own actor
    assert list(actors.index) == sorted(actors.index)
    assert "Panama" in actors.loc["colombia", "aliases"]
    mentions = tables["mentions"]
    assert (mentions["actor_id"] == "colombia").sum() == 3
    assert set(mentions[mentions["actor_id"] == "us-government"]["text"]) == {"U.S."}
    assert (
        actors.loc["us-government", "mention_count"]
        == (mentions["actor_id"] == "us-government").sum()
    )
    log = tables["corrections"]
    assert set(log["correction_id"]) == {
        "no-musk-quote",
        "meal-object",
        "continued-is-rubio",
        "one-day-after",
        "state-department-name",
        "official-title",
        "panama-is-colombia",
        "us-as-government",
    }
    rejected = log[log["correction_id"] == "no-musk-quote"].iloc[0]
    assert (rejected["record_table"], rejected["record_id"]) == ("quotes", f"{ARTICLE}-q-1588-1603")


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            f"- {{id: gone, action: reject, article: {ARTICLE}, table: quotes, text: Nobody said this}}",
            "correction 'gone': stale correction: no quotes record with text",
        ),
        (
            f"- {{id: absent, action: add, article: {ARTICLE}, table: statistics, text: 999 balloons}}",
            "correction 'absent': text '999 balloons' is not in article",
        ),
        (
            f"- {{id: found, action: add, article: {ARTICLE}, table: statistics, text: 114 homicides, set: {{value: 114}}}}",
            "correction 'found': stale correction: the extractor now finds",
        ),
        (
            f"- {{id: twice, action: add, article: {ARTICLE}, table: statistics, text: Rubio}}",
            "correction 'twice': text 'Rubio' occurs more than once",
        ),
        (
            "- {id: nobody, action: fix_actor, actor: nobody-at-all, set: {name: X}}",
            "correction 'nobody': stale correction: no actor 'nobody-at-all'",
        ),
        (
            f"- {{id: bad-field, action: fix, article: {ARTICLE}, table: quotes, text: Excellent idea!, set: {{colour: red}}}}",
            "correction 'bad-field': set.colour: cannot be set on quotes",
        ),
        ("- {id: odd, action: paint}", "corrections.yaml: 0"),
        (
            "- {id: a, action: merge, actors: [china, panama]}\n- {id: a, action: merge, actors: [china, colombia]}",
            "1.id: duplicate correction id 'a'",
        ),
    ],
)
def test_bad_or_stale_corrections_fail_naming_the_entry(
    tmp_path: Path, dataset_copy: Path, entry: str, message: str
) -> None:
    with pytest.raises(NewsfactsError, match=message.replace("(", r"\(")) as error:
        build_with(tmp_path, dataset_copy, entry)
    assert "corrections.yaml" in str(error.value)
    assert not (tmp_path / "build").exists()


def test_no_corrections_file_means_an_empty_corrections_table(
    tmp_path: Path, dataset_copy: Path
) -> None:
    build(SEEDS, dataset_copy, tmp_path / "build")
    assert load(tmp_path / "build")["corrections"].empty


def test_a_fix_of_a_quotes_kind_gives_the_confidence_of_that_kind(
    tmp_path: Path, dataset_copy: Path
) -> None:
    from newsfacts.extract.lexicons import load_lexicons

    text = "We can send them, and he will put them in his jails."
    entry = f"""
- id: kind-fix
  action: fix
  article: {ARTICLE}
  table: quotes
  text: {text}
  set: {{kind: indirect}}
"""
    quote = build_with(tmp_path, dataset_copy, entry)["quotes"].set_index("text").loc[text]
    assert (quote["kind"], quote["attribution"]) == ("indirect", "name_before_cue")
    confidence = load_lexicons().attribution_confidence
    expected = confidence["indirect name_before_cue"]
    assert quote["attribution_confidence"] == expected != confidence["direct name_before_cue"]
