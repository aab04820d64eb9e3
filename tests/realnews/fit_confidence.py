"""Fit quotes.attribution_confidence on the tuning split of real news (never the blind one).

For each quote kind and attribution (how the speaker was found), the confidence is the speaker
accuracy measured on the tuning split, shrunk toward the split's overall accuracy so that a
rare attribution is not trusted on a handful of quotes, and rounded down to two decimals.
A reviewed correction is certain (1.0). The result is the reviewed lexicon
src/newsfacts/lexicons/attribution_confidence.txt; tests/test_attribution_confidence.py checks
the calibration on the blind split.

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
PRIOR_WEIGHT = 8  # quotes' worth of the overall accuracy mixed into each attribution's own
HEADER = """\
# How likely a quote's speaker is right, by the quote's kind and how the speaker was found
# (quotes.attribution): `<kind> <attribution><TAB>confidence`. Fitted on the tuning split of
# tests/realnews by tests/realnews/fit_confidence.py (speaker accuracy shrunk toward the
# split's overall accuracy with a weight of {weight} quotes; in brackets: right/judged).
"""


def fitted(evaluation: Evaluation) -> list[str]:
    prior = evaluation.speaker_accuracy
    judged = Counter((j.kind, j.attribution) for j in evaluation.judged)
    right = Counter((j.kind, j.attribution) for j in evaluation.judged if j.right)
    lines = [HEADER.format(weight=PRIOR_WEIGHT)]
    for kind in enum("quotes", "kind"):
        for attribution in enum("quotes", "attribution"):
            n, k = judged[kind, attribution], right[kind, attribution]
            if attribution == "reviewed":
                value = 1.0
            else:
                value = math.floor(100 * (k + PRIOR_WEIGHT * prior) / (n + PRIOR_WEIGHT)) / 100
            lines.append(f"{kind} {attribution}\t{value:.2f}  # {k}/{n}\n")
    return lines


def main() -> int:
    tune = evaluate(HERE / "gold" / "tune", HERE / "articles")
    LEXICON.write_text("".join(fitted(tune)), encoding="utf-8")
    print(f"wrote {LEXICON} from {tune.speakers_judged} judged speakers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
