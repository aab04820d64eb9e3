"""Property-based tests: on arbitrary Unicode and on mutated real articles, the extractor never
raises or hangs, every span is verbatim, ids are unique, output is deterministic, and a build
of what it finds passes validation.

Profiles: HYPOTHESIS_PROFILE=ci (the default, in CI) or nightly (ten times the examples).
Failures hypothesis found are kept below as explicit @example cases.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsfacts.build.one_article import article_tables
from newsfacts.build.rows import Tables
from newsfacts.build.run import build
from newsfacts.extract.text import WORD, word_count
from newsfacts.sources.curated import empty_curated
from newsfacts.sources.seeds import Seed, parse_byline
from newsfacts.validate.run import validate

from .conftest import DATASET, SEED_ARTICLE

pytestmark = pytest.mark.slow  # hundreds of generated articles each

settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "nightly", max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

SEED_TEXT = SEED_ARTICLE.read_text(encoding="utf-8").strip()
MARKS = "“”\"'‘’«»"
NOT_NUL = st.characters(exclude_characters="\x00")  # a NUL byte is refused as binary (tested)


@st.composite
def mutated_articles(draw: st.DrawFn) -> str:
    """The seed article with random edits: characters, quotation marks, numbers and names
    inserted, spans deleted or repeated, lines joined or split."""
    text = SEED_TEXT
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "mark", "number", "delete", "repeat", "newline"]))
        if kind == "insert":
            text = text[:at] + draw(st.text(NOT_NUL, max_size=12)) + text[at:]
        elif kind == "mark":
            text = text[:at] + draw(st.sampled_from(MARKS)) + text[at:]
        elif kind == "number":
            text = (
                text[:at]
                + draw(
                    st.sampled_from(
                        [" 1,500 to 2,000", " forty-three", " $A8,800", " 40%", " 2023", " Mr "]
                    )
                )
                + text[at:]
            )
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(0, 40)) :]
        elif kind == "repeat":
            text = text[:at] + text[max(0, at - 30) : at] + text[at:]
        else:
            text = text[:at] + "\n" + text[at:]
    return text


def extract_tables(text: str) -> Tables:
    lines = [line for line in text.split("\n") if line.strip()]
    normalised = "\n".join(line.strip() for line in lines)
    publisher, authors = parse_byline(lines[0]) if len(lines) > 1 else (None, ())
    body_start = len(lines[0].strip()) + 1 if (publisher or authors) else 0
    seed = Seed("prop", Path("prop.txt"), "0" * 64, normalised, body_start, publisher, authors)
    return article_tables(seed, empty_curated(DATASET), Path("."))


def check(tables: Tables) -> None:
    text = tables["articles"][0].text or ""  # type: ignore[attr-defined]
    for table, key in (
        ("mentions", "mention_id"),
        ("quotes", "quote_id"),
        ("statistics", "statistic_id"),
    ):
        ids = [getattr(r, key) for r in tables[table]]
        assert len(ids) == len(set(ids)), f"duplicate ids in {table}"
        for record in tables[table]:
            assert text[record.start : record.end] == record.text  # type: ignore[attr-defined]
            assert record.start < record.end  # type: ignore[attr-defined]
    actor_ids = {a.actor_id for a in tables["actors"]}  # type: ignore[attr-defined]
    assert all(m.actor_id in actor_ids for m in tables["mentions"])  # type: ignore[attr-defined]
    assert all(q.speaker_actor_id in actor_ids | {None} for q in tables["quotes"])  # type: ignore[attr-defined]


@given(st.text(min_size=1).filter(lambda t: t.strip() and "\x00" not in t))
@example("“")  # an unclosed mark that is the whole article
@example("He said, “")  # a cue before an empty quotation
@example("0-0")  # a score made only of zeros
@example('"\n"')  # quotation marks alone on two lines
def test_arbitrary_unicode(text: str) -> None:
    first = extract_tables(text)
    check(first)
    assert extract_tables(text) == first  # deterministic


@given(mutated_articles())
@example(SEED_TEXT)
def test_mutated_real_articles(text: str) -> None:
    first = extract_tables(text)
    check(first)
    assert extract_tables(text) == first


# Words the name rules split, join, drop and re-read: titles, connectors, plurals, suffixes
NAME_WORDS = (
    "CEO President Minister Shri Tan Sri Dr. Mr Ms of and the for The 's ' Dalton Motors Ana "
    "Ruiz Kwesi Appiah Bank Union Mothers Lions SC TD Corporation Pharma Pharmaceuticals "
    "REPORTER: said told says the company , . “ ” ' 48 million"
).split()


@given(st.lists(st.sampled_from(NAME_WORDS), min_size=1, max_size=14).map(" ".join))
@example("REPORTER: Did the president speak with the CEO of Dalton Motors before?")
def test_runs_of_names_titles_and_connectors(text: str) -> None:
    first = extract_tables(text)
    check(first)
    assert extract_tables(text) == first


@settings(max_examples=int(os.environ.get("NEWSFACTS_BUILD_EXAMPLES", "8")), deadline=None)
@given(mutated_articles())
def test_builds_of_mutated_articles_pass_validation(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        (seeds / "mutated.txt").write_text(text, encoding="utf-8")
        build(seeds, DATASET, Path(tmp) / "build")
        assert [p for p in validate(Path(tmp) / "build") if p.severity == "error"] == []


@given(st.text() | mutated_articles())
@example("It's U.S.-made, state-of-the-art; 3.5% o'clock __ ’twas _x_ 1,200 ...")
def test_word_count_counts_what_the_word_pattern_matches(text: str) -> None:
    """word_count matches words two at a time; WORD is the definition it must agree with."""
    assert word_count(text) == len(WORD.findall(text))
