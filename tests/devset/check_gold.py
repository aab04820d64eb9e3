"""Check development-set annotations against their articles.

Usage: python tests/devset/check_gold.py [--set DIR] [GOLD_FILE ...]
(default: every file in DIR/gold/, articles in DIR/articles/; DIR defaults to tests/devset)
Every quote and statistic text must be a verbatim substring of the article; every
actor name or one of its aliases must occur; every named speaker must be an actor.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
KINDS = {"person", "organization", "country", "group"}
QUALIFIERS = {"exact", "approximate", "more_than", "less_than", "at_least", "at_most", "up_to"}


def problems(gold_path: Path, articles: Path) -> list[str]:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    article = (articles / f"{gold['article_id']}.txt").read_text(encoding="utf-8")
    found: list[str] = []
    names = set()
    for actor in gold.get("actors") or []:
        if actor.get("kind") not in KINDS:
            found.append(f"actor {actor.get('name')!r}: kind {actor.get('kind')!r}")
        forms = [actor["name"], *(actor.get("aliases") or [])]
        names.update(forms)
        if not any(form in article for form in forms):
            found.append(f"actor {actor['name']!r}: neither name nor any alias occurs in the text")
    for quote in gold.get("quotes") or []:
        if quote.get("kind") not in {"direct", "indirect"}:
            found.append(f"quote {quote.get('text')!r}: kind {quote.get('kind')!r}")
        if quote["text"] not in article:
            found.append(f"quote not verbatim: {quote['text']!r}")
        speaker = quote.get("speaker")
        if speaker and not quote.get("speaker_unnamed") and speaker not in names:
            found.append(f"quote speaker {speaker!r} is not an actor name or alias")
    for stat in gold.get("statistics") or []:
        if stat["text"] not in article:
            found.append(f"statistic not verbatim: {stat['text']!r}")
        if not isinstance(stat.get("value"), (int, float)):
            found.append(f"statistic {stat['text']!r}: value {stat.get('value')!r} is not a number")
        if stat.get("qualifier", "exact") not in QUALIFIERS:
            found.append(f"statistic {stat['text']!r}: qualifier {stat.get('qualifier')!r}")
    return found


def main() -> int:
    args = sys.argv[1:]
    folder = HERE
    if args[:1] == ["--set"]:
        folder, args = Path(args[1]), args[2:]
    paths = [Path(p) for p in args] or sorted((folder / "gold").glob("*.yaml"))
    failed = 0
    for path in paths:
        for problem in problems(path, folder / "articles"):
            failed += 1
            print(f"{path.name}: {problem}")
    print(f"{len(paths)} files, {failed} problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
