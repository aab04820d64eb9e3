"""Choosing a speaker among scored candidates.

Where no name sits next to a quote's cue, several actors may be its speaker: the antecedents
of "he said", or, for a quote with no cue at all, the speakers of the quotes around it and the
people named just before it. Each candidate gets features (how near it is, whether it spoke
last, whether it opens a sentence, whether it was named only inside a quotation, ...) and a
score, the sum of its features' weights; the best scoring candidate speaks.

The weights are the reviewed lexicon lexicons/speaker_weights.txt
(`<decision> <feature><TAB>weight`), fitted by tests/realnews/fit_speaker_weights.py (a
logistic regression on the tuning split). A decision's `bias` is added to every candidate's
score: for a quote with no cue, a best score below 0 means no candidate is likely enough and
the quote keeps no speaker.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

# The decisions scored, each with its own weights.
PRONOUN = "pronoun"  # "she said": which earlier actor "she" is
CARRIED = "carried"  # a quote with no cue: whose words it continues
CUE_NAME = "cue_name"  # several names before a cue ("X, seated next to Y, said"): which speaks

# Rank among the candidates (nearest first) beyond which candidates count as equally far.
MAX_RANK = 4


@dataclass(frozen=True)
class Candidate:
    """An actor that may speak, with the features (name, value) that describe it."""

    key: str
    features: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class Choice:
    """One scored decision, kept with the quote for fitting the weights."""

    decision: str
    candidates: tuple[Candidate, ...]


def score(candidate: Candidate, decision: str, weights: Mapping[str, float]) -> float:
    """The sum of the candidate's feature values times their weights, plus the bias."""
    total = weights.get(f"{decision} bias", 0.0)
    for name, value in candidate.features:
        total += weights.get(f"{decision} {name}", 0.0) * value
    return total


def best(
    candidates: list[Candidate], decision: str, weights: Mapping[str, float]
) -> tuple[Candidate, float] | None:
    """The best scoring candidate with its score; the earlier (nearer) one on a tie."""
    chosen: tuple[Candidate, float] | None = None
    for candidate in candidates:
        value = score(candidate, decision, weights)
        if chosen is None or value > chosen[1]:
            chosen = (candidate, value)
    return chosen
