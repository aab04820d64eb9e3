"""Fit quotes.attribution_confidence on the two tuning splits of real news and the calibration
set (tests/calibration) together, never on the blind splits.

The tuning split flatters the rules: they were written from its errors, so its speaker
accuracy is higher than on news they have not met. The calibration set is articles written
and annotated by people who had not seen the rules and never used to write one, so its
accuracy is what the rules reach on copy they were not written from; pooled with the tuning
split, each attribution has enough quotes. For each quote kind and attribution (how the
speaker was found), the confidence is the pooled speaker accuracy, shrunk toward the overall
accuracy so that a rare attribution is not trusted on a handful of quotes, then the lower end
of its one-sided 90% interval, rounded down to two decimals: the mean alone put quotes at 0.9
whose speaker was right less often on unseen news (the README gives the figures). A reviewed correction is certain (1.0). The result is the reviewed lexicon
src/newsfacts/lexicons/attribution_confidence.txt; tests/test_attribution_confidence.py checks
the calibration on the blind split of real news.

Usage: python tests/realnews/fetch.py && python tests/realnews/fit_confidence.py
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from pathlib import Path

from newsfacts.evaluate import Evaluation, evaluate
from newsfacts.schema import enum

HERE = Path(__file__).resolve().parent
LEXICON = HERE.parents[1] / "src" / "newsfacts" / "lexicons" / "attribution_confidence.txt"
CALIBRATION = HERE.parent / "calibration"
PRIOR_WEIGHT = 8  # quotes' worth of the overall accuracy mixed into each attribution's own
BOUND_Z = 1.28  # the confidence is the one-sided 90% lower bound of that accuracy (Wilson)
# Speakers found by resolving a reference beyond the cue's own words: never trusted more than
# the extractor's overall accuracy on the calibration set, copy it was not written from.
INFERRED = frozenset({"pronoun", "carried_over", "role_noun"})
HEADER = """\
# How likely a quote's speaker is right, by the quote's kind and how the speaker was found
# (quotes.attribution): `<kind> <attribution><TAB>confidence`. Fitted on the two tuning splits
# of tests/realnews and on tests/calibration (articles the rules were never written from) by
# tests/realnews/fit_confidence.py: speaker accuracy shrunk toward the overall accuracy with a
# weight of {weight} quotes, then its one-sided 90% lower bound (Wilson score interval, z =
# {z}); for a speaker resolved from a reference (pronoun, carried over, role noun) at most the
# overall accuracy on tests/calibration, {ceiling:.2f}; after each: right/judged.
"""


def fitted(evaluation: Evaluation, calibration: Evaluation) -> list[str]:
    """The lexicon's lines from the pooled judged speakers (`evaluation`) and those of the
    calibration set alone (`calibration`), whose overall accuracy caps a resolved speaker's."""
    prior = evaluation.speaker_accuracy
    ceiling = math.floor(100 * calibration.speaker_accuracy) / 100
    judged = Counter((j.kind, j.attribution) for j in evaluation.judged)
    right = Counter((j.kind, j.attribution) for j in evaluation.judged if j.right)
    lines = [HEADER.format(weight=PRIOR_WEIGHT, z=BOUND_Z, ceiling=ceiling)]
    for kind in enum("quotes", "kind"):
        for attribution in enum("quotes", "attribution"):
            n, k = judged[kind, attribution], right[kind, attribution]
            if attribution == "reviewed":
                value = 1.0
            else:
                value = math.floor(100 * lower_bound(k, n, prior)) / 100
                if attribution in INFERRED:
                    value = min(value, ceiling)
            lines.append(f"{kind} {attribution}\t{value:.2f}  # {k}/{n}\n")
    return lines


def lower_bound(right: int, judged: int, prior: float) -> float:
    """The accuracy of `right` of `judged` quotes, shrunk toward `prior`, at the lower end of
    its Wilson score interval: a small or noisy sample is trusted less than its mean says."""
    n = judged + PRIOR_WEIGHT
    mean = (right + PRIOR_WEIGHT * prior) / n
    z2 = BOUND_Z * BOUND_Z
    spread = BOUND_Z * math.sqrt(mean * (1 - mean) / n + z2 / (4 * n * n))
    return (mean + z2 / (2 * n) - spread) / (1 + z2 / n)


def measured() -> tuple[Evaluation, Evaluation]:
    """The tuning splits and the calibration set, their judged speakers pooled (the first
    tuning split alone is overconfident on unseen news, the calibration set alone too small a
    sample of each attribution; the second split, real news measured unseen first, made the
    confidence safer on both blind splits; see the README), and the calibration set alone."""
    tune = evaluate(HERE / "gold" / "tune", HERE / "articles")
    tune2 = evaluate(HERE / "gold" / "tune2", HERE / "articles")
    calibration = evaluate(CALIBRATION / "gold", CALIBRATION / "articles")
    return Evaluation(judged=tune.judged + tune2.judged + calibration.judged), calibration


def main() -> int:
    pooled, calibration = measured()
    LEXICON.write_text("".join(fitted(pooled, calibration)), encoding="utf-8")
    print(f"wrote {LEXICON} from {pooled.speakers_judged} judged speakers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
