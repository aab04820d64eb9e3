"""Paragraphs, sentences and words of a normalised article text, with offsets."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from .lexicons import word_set

# Abbreviations after which a period does not end a sentence, and the words that start a new
# sentence even after one.
ABBREVIATIONS = word_set("abbreviations.txt")
SENTENCE_STARTERS = word_set("sentence_starters.txt")
BEFORE_A_NUMBER = word_set("abbreviations_before_a_number.txt")  # "No. 16"; "She said no."
ROMAN_OR_DIGITS = re.compile(r"\d[\d,]*|[IVXLC]+")

WORD = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")
# As many words as WORD matches, quicker: a word runs from its first letter or digit to the
# end of its run of word characters (WORD stops at the run's last letter or digit, with no
# other after), and the words are matched two at a time (the second optional, after the
# characters that are no letter or digit): findall lists the second's first letter or digit,
# or the empty string when there is none. ASCII letters and digits come first in the class:
# a quick table look-up before \w's.
WORD_PAIRS_TO_COUNT = re.compile(
    r"[^\W_][a-zA-Z0-9_'’.\w-]*+(?:[\W_]*+([^\W_])[a-zA-Z0-9_'’.\w-]*+)?"
)
FIRST_WORD = re.compile(r"\w+")
# One mark first, then any more: a leading character class lets sre skip ahead to each mark.
BOUNDARY = re.compile(r"(?P<mark>[.!?][.!?]*[\"”’')\]]*)\s+")


class Span(NamedTuple):
    """Offsets into a text (a tuple: made by the hundred thousand, cheaply)."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


def paragraphs(text: str, body_start: int) -> list[Span]:
    """Body paragraphs: the lines of the text after the byline."""
    spans = []
    offset = body_start
    for line in text[body_start:].split("\n"):
        if line.strip():
            spans.append(Span(offset, offset + len(line)))
        offset += len(line) + 1
    return spans


INITIALS = re.compile(r"(?:[a-z]\.){1,3}[a-z]")  # "h.r" of "H.R. Hegde", "w.a.d"


def ends_sentence(text: str, period_at: int, next_start: int) -> bool:
    """Whether the mark at `period_at` ends a sentence: not the period of an initial, of
    initials ("H.R. Hegde") or of an abbreviation ("Mr. Ruiz"), unless a sentence starter
    follows at `next_start`."""
    if text[period_at] != ".":
        return True
    word_start = period_at
    while (
        word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in '("“'
    ):
        word_start -= 1
    word = text[word_start:period_at].lower().rstrip(".")
    if len(word) == 1 and word.isalpha():  # an initial: J. Smith
        return False
    if word in BEFORE_A_NUMBER:  # "No. 16", "Rule No. XV"
        following = FIRST_WORD.match(text, next_start)
        number = following is not None and ROMAN_OR_DIGITS.fullmatch(following.group(0))
        return not number
    if word in ABBREVIATIONS or INITIALS.fullmatch(word):  # "Mr.", "H.R. Hegde"
        following = FIRST_WORD.match(text, next_start)
        return following is not None and following.group(0).lower() in SENTENCE_STARTERS
    return True


def sentences(text: str, paragraph: Span) -> list[Span]:
    """Split one paragraph into sentences, keeping abbreviations and initials together."""
    spans = []
    start = paragraph.start
    for match in BOUNDARY.finditer(text, paragraph.start, paragraph.end):
        next_start = match.end()
        if next_start >= paragraph.end or not _starts_sentence(text[next_start]):
            continue
        if ends_sentence(text, match.start(), next_start):
            spans.append(Span(start, match.end("mark")))  # without the spaces after it
            start = next_start
    if start < paragraph.end:
        spans.append(Span(start, paragraph.end))
    return spans


def _starts_sentence(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in "\"“‘'("


Tree = dict[str, "Tree"]  # a letter tree of words: "" marks a word's end


def alternation(words: Iterable[str]) -> str:
    """A pattern that matches exactly `words`, longest first where one word begins another,
    branching letter by letter: far fewer tries than one branch per word."""
    tree: Tree = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _branches(tree)


def _branches(node: Tree) -> str:
    branches = "|".join(
        re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char
    )
    if not branches:
        return ""
    return f"(?:{branches})?" if "" in node else f"(?:{branches})"


def word_count(text: str) -> int:
    """The number of words (WORD matches)."""
    pairs = WORD_PAIRS_TO_COUNT.findall(text)
    return 2 * len(pairs) - pairs.count("")
