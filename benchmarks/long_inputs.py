"""Long inputs: the extractor's CPU time on articles of about 100 KB that repeat one sentence
with a role noun's cue ("The spokesman said ...") after new names, the case where a lookup
over every earlier mention makes the time grow with the square of the length. Each input is
written once as one paragraph per sentence and once as a single paragraph; the table gives
the fastest of `--runs` CPU times.

    .venv/bin/python benchmarks/long_inputs.py [--runs 3] [--sentences 1500]
"""

from __future__ import annotations

import argparse
import time

from newsfacts.extract import extract

CUES = ("His lawyer said", "The spokesman said", "His office said", "The coach said")
LAYOUTS = {"one paragraph each": "\n\n", "a single paragraph": " "}


def long_input(cue: str, separator: str, sentences: int) -> str:
    """Two new names, then the cue, `sentences` times."""
    return separator.join(
        f"Maria Lopez{i % 7} met John Smith. {cue} the case was weak." for i in range(sentences)
    )


def fastest(text: str, runs: int) -> float:
    """The least CPU time of `runs` extractions of `text`."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        extract(text, 0, {})
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sentences", type=int, default=1500)
    args = parser.parse_args()
    extract("Warm-up: Ana Ruiz said it.", 0, {})  # load the lexicons outside the timing
    print("| cue | layout | KB | CPU seconds |")
    print("|---|---|---|---|")
    for cue in CUES:
        for layout, separator in LAYOUTS.items():
            text = long_input(cue, separator, args.sentences)
            seconds = fastest(text, args.runs)
            print(f"| {cue} | {layout} | {len(text) // 1000} | {seconds:.2f} |", flush=True)


if __name__ == "__main__":
    main()
