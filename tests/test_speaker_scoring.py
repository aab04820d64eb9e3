"""Speakers chosen among scored candidates (extract/speaker_scoring.py), with weights fitted by
tests/realnews/fit_speaker_weights.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newsfacts.extract.lexicons import load_lexicons
from newsfacts.extract.speaker_scoring import Candidate, best, score

from .conftest import quotes_of, run_extract

ROOT = Path(__file__).resolve().parents[1]
REALNEWS = ROOT / "tests" / "realnews"


def test_a_score_is_the_bias_plus_each_feature_times_its_weight() -> None:
    weights = {"pronoun bias": -1.0, "pronoun nearest": 2.0, "pronoun rank": -0.5}
    candidate = Candidate("a", (("nearest", 1.0), ("rank", 2.0), ("unweighted", 5.0)))
    assert score(candidate, "pronoun", weights) == -1.0 + 2.0 - 1.0
    assert score(candidate, "carried", weights) == 0.0  # another decision's weights


def test_the_best_candidate_wins_and_a_tie_goes_to_the_nearer() -> None:
    weights = {"pronoun last_speaker": 1.0}
    near = Candidate("near", ())
    spoke = Candidate("spoke", (("last_speaker", 1.0),))
    assert best([near, spoke], "pronoun", weights) == (spoke, 1.0)
    assert best([near, Candidate("far", ())], "pronoun", weights) == (near, 0.0)
    assert best([], "pronoun", weights) is None


def test_a_quote_after_a_colon_is_the_person_introducing_it() -> None:
    text = "The captain, Ana Ruiz, answered the critics on Sunday:\n“We never stopped believing.”"
    assert quotes_of(text) == [("direct", "We never stopped believing.", "Ana Ruiz", None)]


def test_a_pronoun_passes_over_a_name_said_inside_a_quotation() -> None:
    text = (
        "Tom Reed answered questions after the match: “Nobody works harder than Carl Moss.”\n"
        "“We will be back next year,” he said."
    )
    assert [speaker for _, _, speaker, _ in quotes_of(text)] == ["Tom Reed", "Tom Reed"]


def test_a_pronoun_after_reported_speech_is_its_speaker_not_a_name_in_it() -> None:
    text = (
        "Ryan Moss plays a detective. Carl Reed plays his mentor.\n"
        "Moss said Reed once pushed him during a scene. "
        "“It was kind of a rite of passage,” he says."
    )
    assert [speaker for _, _, speaker, _ in quotes_of(text)] == ["Ryan Moss", "Ryan Moss"]


def test_a_pronoun_is_whoever_a_role_noun_just_made_speak() -> None:
    """ "..., the mayor said." then "he said": the mayor, though another man was named since
    the mayor's own name, three paragraphs back."""
    text = (
        "Mayor Tom Reed of Linden said the diner had opened in 2002.\n"
        "Neighbours complained about crowds at night.\n"
        "The diner was run by the Okafor family for years.\n"
        "Its owner, Sam Okafor, ran it with his sons, the mayor said.\n"
        "“The council voted to shut it down at 10 p.m.,” he said."
    )
    assert [speaker for _, _, speaker, _ in quotes_of(text)] == ["Tom Reed"] * 3


def test_she_may_be_someone_whose_given_name_is_used_for_both() -> None:
    text = (
        "Helen Strand, the fire chief, said crews were tired.\n"
        "Pat Lindqvist, 72, who fled with her two dogs, said she had watched the glow.\n"
        "“You always think it’ll be somebody else’s house,” she said."
    )
    assert [speaker for _, _, speaker, _ in quotes_of(text)][-1] == "Pat Lindqvist"


def test_a_name_in_an_appositive_before_the_cue_does_not_speak() -> None:
    text = "Jane Morrow, seated beside Tom Reed in the Council Chamber, told reporters that the budget would pass."
    assert quotes_of(text) == [
        ("indirect", "the budget would pass", "Jane Morrow", "told"),
    ]


def test_an_organisation_after_a_person_and_her_role_does_not_speak() -> None:
    text = "Lena Voss, director of the Harbour Trust said the river was cleaner than for years."
    assert quotes_of(text) == [
        ("indirect", "the river was cleaner than for years", "Lena Voss", "said"),
    ]


def test_the_scored_candidates_are_kept_with_the_quote() -> None:
    text = "Ana Ruiz spoke to reporters. “The bridge will reopen in May,” she said."
    _, found = run_extract(text)
    (quote,) = found.quotes
    assert quote.choice is not None and quote.choice.decision == "pronoun"
    assert [c.key for c in quote.choice.candidates] == [quote.speaker]
    assert ("gender_agrees", 1.0) in quote.choice.candidates[0].features


def test_every_weight_names_a_decision_and_a_feature() -> None:
    weights = load_lexicons().speaker_weights
    assert weights
    assert {name.split()[0] for name in weights} == {"pronoun", "carried", "cue_name"}
    assert all(len(name.split()) == 2 for name in weights)


def test_the_fit_learns_which_feature_marks_the_speaker() -> None:
    sys.path.insert(0, str(REALNEWS))
    from fit_speaker_weights import fit  # tests/realnews/fit_speaker_weights.py

    decision = [({"last_speaker": 1.0}, True), ({"in_quote": 1.0}, False)]
    weights = fit([decision] * 20)
    assert weights["last_speaker"] > 0 > weights["in_quote"]


@pytest.fixture(scope="module")
def annotated_articles() -> None:
    for fetch in (REALNEWS / "fetch.py", ROOT / "tests" / "devset" / "fetch.py"):
        subprocess.run([sys.executable, str(fetch)], check=True)


@pytest.mark.slow
def test_the_weights_lexicon_is_what_the_fit_command_writes(annotated_articles: None) -> None:
    sys.path.insert(0, str(REALNEWS))
    from fit_speaker_weights import LEXICON, fitted_text  # tests/realnews/

    before = dict(load_lexicons().speaker_weights)
    assert fitted_text() == LEXICON.read_text(encoding="utf-8")
    assert load_lexicons().speaker_weights == before  # the weights in use are restored


def test_an_unnamed_source_named_right_after_the_cue_is_that_person() -> None:
    text = "“The talks will resume on Monday,” said a Norwegian negotiator, Lars Berg."
    assert quotes_of(text) == [("direct", "The talks will resume on Monday", "Lars Berg", "said")]
    unnamed = "“The talks will resume on Monday,” said a Norwegian negotiator."
    assert quotes_of(unnamed)[0][2] == "Norwegian negotiator"


def test_a_pronoun_tells_the_gender_of_a_name_used_for_both() -> None:
    """Once "she posted" is Alex Moreau's, a later "she" prefers her to another woman."""
    text = (
        "Freya Lundgaard was dropped. Former international Alex Moreau, who won 96 caps, was "
        "less restrained. “It is reckless,” she posted.\n"
        "Moreau says she has spoken to Lundgaard since and that the captain is “hurting but "
        "focused.” She insists her criticism was of the decision, not of Pike."
    )
    assert [speaker for _, _, speaker, _ in quotes_of(text)] == ["Alex Moreau"] * 4


def test_a_gender_heard_once_does_not_bar_the_other_pronoun() -> None:
    """ "she" resolved to Casey Doyle is a hint, not a fact: a later "he" may still be Doyle."""
    text = (
        "Casey Doyle said the season had been hard. “We lost too many close games,” she said. "
        "Doyle said the club would rebuild. “We need at least three,” he said."
    )
    assert [speaker for _, _, speaker, _ in quotes_of(text)][-1] == "Casey Doyle"


def test_a_role_noun_of_either_gender_is_the_person_a_pronoun_there_would_be() -> None:
    text = (
        "Damien Norcott directed the film in 2016.\n"
        "The 31-year-old filmmaker says he even misses the traffic at home."
    )
    assert quotes_of(text) == [
        ("indirect", "he even misses the traffic at home", "Damien Norcott", "says")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Lena Voss hosted the gala. A local singer closed the night. "
        "“It was magical,” the singer said.",
        "Lena Voss interviewed Tom Reed for her podcast. “I was terrified,” the comedian said.",
    ],
)
def test_a_role_noun_is_no_named_person_when_another_may_hold_the_role(text: str) -> None:
    assert "Lena Voss" not in [q[2] for q in quotes_of(text)]


def test_a_first_person_quote_after_reported_speech_keeps_the_reported_subject() -> None:
    text = "Tom Moss said Dan Reed had scored twice. “I just kept running,” he said."
    assert quotes_of(text)[-1][2] == "Dan Reed"
