"""Measuring the extractor against annotated articles (one gold YAML file per article).

Matching rules:
- quotes: same kind and token overlap of at least 50% (shared tokens over the longer text);
- statistics: equal value and overlapping spans;
- actors: the same name, alias or (for people) surname;
- speakers: a matched quote's speaker is right when it matches the gold speaker as an actor
  would, or, for an unnamed source, when the predicted speaker is unnamed and the shorter
  description shares at least half its tokens with the longer ("source" / "an Afghan source").
Items marked `optional: true` count neither way.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import Field

from newsfacts.build.one_article import article_tables
from newsfacts.build.rows import OnArticle, Tables
from newsfacts.errors import NewsfactsError
from newsfacts.schema import LIST_SEPARATOR, models
from newsfacts.schema.models import ActorKind, QuoteKind
from newsfacts.sources.curated import Curated, Strict, empty_curated
from newsfacts.sources.seeds import read_seed
from newsfacts.sources.yaml_files import read_yaml, validated

WORD_TOKEN = re.compile(r"\w+")
METRICS = ("direct_quotes", "all_quotes", "statistics", "actors")


class GoldQuote(Strict):
    kind: QuoteKind
    text: str
    speaker: str | None = None
    speaker_unnamed: bool = False
    cue: str | None = None
    optional: bool = False


class GoldStatistic(Strict):
    text: str
    value: float
    value_max: float | None = None
    object: str | None = None
    unit: str | None = None
    qualifier: str = "exact"
    optional: bool = False


class GoldActor(Strict):
    name: str
    kind: ActorKind
    aliases: list[str] = Field(default_factory=list)
    optional: bool = False


class GoldArticle(Strict):
    article_id: str
    quotes: list[GoldQuote] = Field(default_factory=list)
    statistics: list[GoldStatistic] = Field(default_factory=list)
    actors: list[GoldActor] = Field(default_factory=list)


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Error:
    article_id: str
    kind: str  # "miss" or "false positive" or "wrong speaker"
    table: str
    text: str
    detail: str = ""


@dataclass(frozen=True)
class JudgedSpeaker:
    """One matched quote whose speaker was judged: how it was found and whether it is right."""

    kind: str
    attribution: str | None
    confidence: float | None
    right: bool


@dataclass(frozen=True)
class ReliabilityRow:
    """Among judged quotes with attribution_confidence >= threshold: how many, how many right."""

    threshold: float
    quotes: int
    right: int

    @property
    def accuracy(self) -> float:
        return self.right / self.quotes if self.quotes else 1.0


RELIABILITY_THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


@dataclass
class Evaluation:
    scores: dict[str, Score] = field(default_factory=dict)
    judged: list[JudgedSpeaker] = field(default_factory=list)
    errors: list[Error] = field(default_factory=list)
    articles: int = 0

    @property
    def speakers_judged(self) -> int:
        return len(self.judged)

    @property
    def speakers_right(self) -> int:
        return sum(j.right for j in self.judged)

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.speakers_judged if self.speakers_judged else 1.0

    def reliability(self) -> list[ReliabilityRow]:
        """Speaker accuracy among quotes at or above each confidence threshold."""
        rows = []
        for threshold in RELIABILITY_THRESHOLDS:
            kept = [j for j in self.judged if (j.confidence or 0.0) >= threshold]
            rows.append(ReliabilityRow(threshold, len(kept), sum(j.right for j in kept)))
        return rows

    def figures(self) -> dict[str, float]:
        figures = {f"{name}_f1": round(score.f1, 4) for name, score in self.scores.items()}
        figures["speaker_accuracy"] = round(self.speaker_accuracy, 4)
        return figures


def normalise(text: str) -> str:
    """The normalisation seeds get, applied to gold texts: NFC and folded spaces."""
    return re.sub(r"[ \t\u00a0]+", " ", unicodedata.normalize("NFC", text)).strip()


def tokens(text: str) -> Counter[str]:
    return Counter(t.lower() for t in WORD_TOKEN.findall(text))


def overlap(a: str, b: str) -> float:
    left, right = tokens(a), tokens(b)
    longer = max(sum(left.values()), sum(right.values()))
    return sum((left & right).values()) / longer if longer else 0.0


def containment(a: str, b: str) -> float:
    """Shared tokens over the shorter text: "source" is half of "an Afghan source"."""
    left, right = tokens(a), tokens(b)
    shorter = min(sum(left.values()), sum(right.values()))
    return sum((left & right).values()) / shorter if shorter else 0.0


def load_gold(path: Path) -> GoldArticle:
    return validated(path, GoldArticle, read_yaml(path))


@dataclass(frozen=True)
class ActorForms:
    """What an actor is called in one article: its name and the surface forms used there."""

    forms: frozenset[str]
    person: bool
    unnamed: bool

    def matches(self, names: list[str], person: bool) -> bool:
        gold = {normalise(n) for n in names}
        if self.forms & gold:
            return True
        if self.person and person:
            surnames = {n.split()[-1] for n in gold if n.split()}
            return any(f.split()[-1] in surnames for f in self.forms if f.split())
        return False


GoldItem = GoldQuote | GoldStatistic | GoldActor
P = TypeVar("P")
G = TypeVar("G", GoldQuote, GoldStatistic, GoldActor)


def _match(
    predicted: list[P], gold: list[G], similarity: Callable[[P, G], float], threshold: float
) -> tuple[list[tuple[P, G]], list[P], list[G]]:
    """Greedy one-to-one matching, best pairs first; ties keep text order."""
    candidates = sorted(
        ((similarity(p, g), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for value, i, j in candidates:
        if value < threshold or i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((predicted[i], gold[j]))
    unmatched_pred = [p for i, p in enumerate(predicted) if i not in used_p]
    unmatched_gold = [g for j, g in enumerate(gold) if j not in used_g]
    return pairs, unmatched_pred, unmatched_gold


class ArticleScorer:
    """Scores one article's records against its gold file, adding to an Evaluation."""

    def __init__(self, gold: GoldArticle, tables: Tables, evaluation: Evaluation) -> None:
        self.gold = gold
        self.evaluation = evaluation
        self.text = next(r.text or "" for r in tables["articles"] if isinstance(r, models.Article))
        self.actors = [r for r in tables["actors"] if isinstance(r, models.Actor)]
        self.mentions = [r for r in tables["mentions"] if isinstance(r, models.Mention)]
        self.quotes = [r for r in tables["quotes"] if isinstance(r, models.Quote)]
        self.statistics = [r for r in tables["statistics"] if isinstance(r, models.Statistic)]
        self.actor_forms = self._actor_forms()
        self.gold_actors = {normalise(a.name): a for a in gold.actors}
        for actor in gold.actors:
            for alias in actor.aliases:
                self.gold_actors.setdefault(normalise(alias), actor)

    def _actor_forms(self) -> dict[str, ActorForms]:
        forms: dict[str, set[str]] = {}
        for mention in self.mentions:
            forms.setdefault(mention.actor_id, set()).add(mention.text)
        result = {}
        for actor in self.actors:
            names = forms.get(actor.actor_id, set()) | {actor.name}
            names |= set((actor.aliases or "").split(LIST_SEPARATOR)) - {""}
            result[actor.actor_id] = ActorForms(
                frozenset(normalise(n) for n in names), actor.kind == "person", actor.unnamed
            )
        return result

    def score(self) -> None:
        self._score_quotes("direct_quotes", ["direct"])
        self._score_quotes("all_quotes", ["direct", "indirect"])
        self._score_statistics()
        self._score_actors()

    def _score_quotes(self, metric: str, kinds: list[str]) -> None:
        predicted = [q for q in self.quotes if q.kind in kinds]
        gold = [q for q in self.gold.quotes if q.kind in kinds]

        def similarity(p: models.Quote, g: GoldQuote) -> float:
            return overlap(p.text, normalise(g.text)) if p.kind == g.kind else 0.0

        pairs, unmatched_pred, unmatched_gold = _match(predicted, gold, similarity, 0.5)
        self._count(metric, pairs, [p.text for p in unmatched_pred], unmatched_gold)
        if metric == "all_quotes":
            for prediction, expected in pairs:
                self._judge_speaker(prediction, expected)

    def _count(
        self,
        metric: str,
        pairs: Sequence[tuple[object, GoldItem]],
        false_positives: list[str],
        unmatched_gold: Sequence[GoldItem],
    ) -> None:
        score = self.evaluation.scores.setdefault(metric, Score())
        score.true_positives += sum(1 for _, g in pairs if not g.optional)
        score.false_positives += len(false_positives)
        article = self.gold.article_id
        self.evaluation.errors += [
            Error(article, "false positive", metric, t) for t in false_positives
        ]
        for expected in unmatched_gold:
            if not expected.optional:
                score.false_negatives += 1
                text = expected.name if isinstance(expected, GoldActor) else expected.text
                self.evaluation.errors.append(Error(article, "miss", metric, text))

    def _judge_speaker(self, prediction: models.Quote, expected: GoldQuote) -> None:
        if expected.optional or expected.speaker is None:
            return
        speaker_id = prediction.speaker_actor_id
        forms = self.actor_forms.get(speaker_id) if speaker_id else None
        right = bool(forms and self._speaker_matches(forms, expected))
        self.evaluation.judged.append(
            JudgedSpeaker(
                prediction.kind,
                prediction.attribution,
                prediction.attribution_confidence,
                right,
            )
        )
        if right:
            return
        got = next((a.name for a in self.actors if a.actor_id == speaker_id), None)
        detail = f"expected {expected.speaker!r}, got {got!r}"
        self.evaluation.errors.append(
            Error(self.gold.article_id, "wrong speaker", "quotes", expected.text, detail)
        )

    def _speaker_matches(self, forms: ActorForms, expected: GoldQuote) -> bool:
        assert expected.speaker is not None
        if expected.speaker_unnamed:
            return forms.unnamed and any(
                containment(f, expected.speaker) >= 0.5 for f in forms.forms
            )
        gold_actor = self.gold_actors.get(normalise(expected.speaker))
        names = [gold_actor.name, *gold_actor.aliases] if gold_actor else [expected.speaker]
        person = gold_actor.kind == "person" if gold_actor else True
        return forms.matches(names, person)

    def _score_statistics(self) -> None:
        gold_spans = {id(g): self._locate(g.text) for g in self.gold.statistics}

        def similarity(p: models.Statistic, g: GoldStatistic) -> float:
            same_value = math.isclose(p.value, g.value, rel_tol=1e-3, abs_tol=1e-3)
            overlapping = any(s < p.end and p.start < e for s, e in gold_spans[id(g)])
            return 1.0 if same_value and overlapping else 0.0

        pairs, unmatched_pred, unmatched_gold = _match(
            self.statistics, self.gold.statistics, similarity, 1.0
        )
        self._count("statistics", pairs, [p.text for p in unmatched_pred], unmatched_gold)

    def _locate(self, text: str) -> list[tuple[int, int]]:
        needle = normalise(text)
        spans = []
        start = self.text.find(needle)
        while start >= 0:
            spans.append((start, start + len(needle)))
            start = self.text.find(needle, start + 1)
        return spans

    def _score_actors(self) -> None:
        mentioned = {m.actor_id for m in self.mentions}
        predicted = [a for a in self.actors if a.actor_id in mentioned and not a.unnamed]

        def similarity(p: models.Actor, g: GoldActor) -> float:
            forms = self.actor_forms[p.actor_id]
            return 1.0 if forms.matches([g.name, *g.aliases], g.kind == "person") else 0.0

        pairs, unmatched_pred, unmatched_gold = _match(predicted, self.gold.actors, similarity, 1.0)
        self._count("actors", pairs, [p.name for p in unmatched_pred], unmatched_gold)


def evaluate(
    gold_dir: Path,
    seeds_dir: Path,
    curated: Curated | None = None,
    on_article: OnArticle | None = None,
) -> Evaluation:
    """Extract every annotated article and score it against its gold file."""
    gold_paths = sorted(gold_dir.glob("*.yaml"))
    if not gold_paths:
        raise NewsfactsError(f"{gold_dir}: no gold .yaml files")
    evaluation = Evaluation()
    for path in gold_paths:
        gold = load_gold(path)
        seed_path = seeds_dir / f"{gold.article_id}.txt"
        if not seed_path.is_file():
            raise NewsfactsError(f"{path}: article {gold.article_id!r} not found in {seeds_dir}")
        tables = article_tables(
            read_seed(seed_path), curated or empty_curated(seeds_dir), seeds_dir.resolve().parent
        )
        ArticleScorer(gold, tables, evaluation).score()
        evaluation.articles += 1
        if on_article:
            on_article(gold.article_id, len(gold_paths))
    return evaluation


def load_floor(path: Path) -> dict[str, float]:
    """Minimum figures, e.g. {"actors_f1": 0.9}; names must be figures evaluate reports."""
    try:
        floor = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise NewsfactsError(f"{path}: cannot read the floor: {error}") from error
    known = set(Evaluation().figures()) | {f"{m}_f1" for m in METRICS}
    if not isinstance(floor, dict) or not all(isinstance(v, int | float) for v in floor.values()):
        raise NewsfactsError(f"{path}: expected an object of figure names to numbers")
    unknown = sorted(set(floor) - known)
    if unknown:
        raise NewsfactsError(
            f"{path}: {unknown[0]}: not a figure (known: {', '.join(sorted(known))})"
        )
    return {name: float(value) for name, value in floor.items()}


def below_floor(evaluation: Evaluation, floor: dict[str, float]) -> list[str]:
    figures = evaluation.figures()
    return [
        f"{name} {figures.get(name, 0.0):.4f} < floor {minimum:.4f}"
        for name, minimum in sorted(floor.items())
        if figures.get(name, 0.0) < minimum
    ]


def as_dict(evaluation: Evaluation) -> dict[str, object]:
    return {
        "articles": evaluation.articles,
        "figures": evaluation.figures(),
        "scores": {
            name: {
                "precision": round(s.precision, 4),
                "recall": round(s.recall, 4),
                "f1": round(s.f1, 4),
                "true_positives": s.true_positives,
                "false_positives": s.false_positives,
                "false_negatives": s.false_negatives,
            }
            for name, s in evaluation.scores.items()
        },
        "speakers": {"right": evaluation.speakers_right, "judged": evaluation.speakers_judged},
        "reliability": [
            {
                "min_confidence": r.threshold,
                "quotes": r.quotes,
                "speaker_accuracy": round(r.accuracy, 4),
            }
            for r in evaluation.reliability()
        ],
        "errors": [e.__dict__ for e in evaluation.errors],
    }
