"""Speed machinery of the extractor: it holds no linguistics.

Each helper here finds exactly what a plain search would (`pattern.search`, `finditer`, a
substring test) and only finds it quicker: by skipping ahead to a part that every match
holds, by searching a lower-cased copy of the text without IGNORECASE, or by searching a
paragraph once and picking out ranges. The words and patterns come from the rule modules.
"""

from __future__ import annotations

import re
from bisect import bisect_left

# Matched to i, i and s by IGNORECASE, but not lower-cased to them ("İ" is the only letter
# that lower() lengthens).
ODD_CASE_LETTERS = "İıſ"


def lowered(text: str) -> str | None:
    """`text.lower()`, in which a pattern of lower-case ASCII words finds what it finds in
    `text` with IGNORECASE, at the same offsets; None when an odd letter prevents it."""
    return None if any(c in text for c in ODD_CASE_LETTERS) else text.lower()


class CaseTwins:
    """A pattern with IGNORECASE and its twin for the lower-cased text (`lowered`): the twin,
    without IGNORECASE, finds the same at the same offsets, quicker."""

    def __init__(self, pattern: re.Pattern[str], lower: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.lower = lower

    def search(
        self, text: str, lower_text: str | None, start: int, end: int
    ) -> re.Match[str] | None:
        """`pattern.search(text, start, end)`, or its twin's search of `lower_text`."""
        if lower_text is None:
            return self.pattern.search(text, start, end)
        return self.lower.search(lower_text, start, end)


class WordStartPattern:
    """A pattern that matches only where a word begins (its `\\b` then a word character),
    searched quicker. A non-word character or the text's start comes before each match, so
    `candidates`, that character then the pattern's words without their look-behinds,
    skips ahead at C speed (sre scans for a leading character class); the pattern itself is
    tried only where `candidates` matched."""

    def __init__(self, pattern: re.Pattern[str], words: str) -> None:
        self.pattern = pattern
        self.candidates = re.compile(rf"\W(?:{words})", pattern.flags)

    def search(self, text: str, start: int, end: int) -> re.Match[str] | None:
        """`pattern.search(text, start, end)`."""
        if start == 0 and (match := self.pattern.match(text, 0, end)):
            return match
        while candidate := self.candidates.search(text, max(start - 1, 0), end):
            if match := self.pattern.match(text, candidate.start() + 1, end):
                return match
            start = candidate.start() + 2
        return None

    def find_all(self, text: str, start: int, end: int) -> list[re.Match[str]]:
        """`pattern.finditer(text, start, end)`, as a list (no match is empty)."""
        found = []
        while match := self.search(text, start, end):
            found.append(match)
            start = match.end()
        return found


class MatchesInRange:
    """A paragraph's matches, found once by one search, then picked out range by range."""

    def __init__(self, matches: list[re.Match[str]]) -> None:
        self.matches = matches
        self.starts = [match.start() for match in matches]

    def within(self, start: int, end: int) -> list[re.Match[str]]:
        """The matches that lie in [start, end): the same as a search of [start, end) alone
        when no match can reach across `start` or `end`."""
        low = bisect_left(self.starts, start)
        high = bisect_left(self.starts, end, lo=low)
        return [match for match in self.matches[low:high] if match.end() <= end]


def after_spaces_back(text: str, position: int, floor: int, spaces: int) -> int:
    """Just after the `spaces`-th whitespace character back from `position`, or `floor`."""
    for i in range(position - 1, floor - 1, -1):
        if text[i].isspace():  # what \s matches
            spaces -= 1
            if spaces == 0:
                return i + 1
    return floor


class SearchFromAnchor:
    """`pattern.search`, begun where a match can first begin: every match holds a part that
    `anchor` finds, with at most `spaces` whitespace characters before it in the match, so
    no match begins before the whitespace character `spaces + 1` back from the anchor."""

    def __init__(self, pattern: re.Pattern[str], anchor: CaseTwins, spaces: int) -> None:
        self.pattern = pattern
        self.anchor = anchor
        self.spaces = spaces

    def search(
        self, text: str, lower_text: str | None, start: int, end: int
    ) -> re.Match[str] | None:
        """`pattern.search(text, start, end)`; `lower_text` is `lowered(text)`."""
        anchor = self.anchor.search(text, lower_text, start, end)
        if anchor is None:
            return None
        begin = after_spaces_back(text, anchor.start(), start, self.spaces + 1)
        return self.pattern.search(text, begin, end)

    def find_all(
        self, text: str, lower_text: str | None, start: int, end: int
    ) -> list[re.Match[str]]:
        """`pattern.finditer(text, start, end)`, as a list (no match is empty)."""
        found = []
        while match := self.search(text, lower_text, start, end):
            found.append(match)
            start = match.end()
        return found


class MatchesAtAnchors:
    """`pattern.finditer`'s matches, tried only just before each anchor, a part that every
    match holds (a number, say). Before its anchor a match holds at most `reach` characters,
    then spaces, then `prefix` characters; it begins only where `may_begin` (the pattern's
    look-behind alone) holds."""

    def __init__(
        self, pattern: re.Pattern[str], may_begin: re.Pattern[str], reach: int, prefix: int
    ) -> None:
        self.pattern = pattern
        self.may_begin = may_begin
        self.reach = reach
        self.prefix = prefix

    def find_all(
        self,
        text: str,
        searched: str,
        anchor: WordStartPattern | re.Pattern[str],
        start: int,
        end: int,
    ) -> list[re.Match[str]]:
        """The matches in text[start:end]; `anchor` is searched in `searched`, the text or a
        copy with the same offsets. The next match, if it begins before the next anchor, is
        that anchor's."""
        matches = []
        position = start
        while found := anchor.search(searched, position, end):
            at = found.start()
            match = self._first_match(text, self._earliest_start(text, at, position), at, end)
            if match:
                matches.append(match)
                position = match.end()
            else:
                position = at + 1  # no match begins at or before this anchor
        return matches

    def _first_match(self, text: str, first: int, last: int, end: int) -> re.Match[str] | None:
        """The match that begins first in [first, last], tried only where may_begin holds."""
        for start in self.may_begin.finditer(text, first, last + 1):
            if start.start() > last:
                break
            if match := self.pattern.match(text, start.start(), end):
                return match
        return None

    def _earliest_start(self, text: str, anchor_at: int, floor: int) -> int:
        """The earliest a match whose anchor begins at `anchor_at` can begin, not before
        `floor`: `reach` characters back, then back over spaces and `prefix` characters."""
        start = max(floor, anchor_at - self.reach)
        while start > floor and text[start - 1].isspace():
            start -= 1
        return max(floor, start - self.prefix)


class Clues:
    """A paragraph of a text, to tell which finders may match in it. `lower_text` is the text
    lower-cased (`lowered`), or None."""

    def __init__(self, text: str, lower_text: str | None, start: int, end: int) -> None:
        self.text, self.lowered = text, lower_text
        self.start, self.end = start, end

    def has(self, *parts: str) -> bool:
        return holds_any(self.text, parts, self.start, self.end)

    def may_have(self, *parts: str) -> bool:
        """Whether a pattern with IGNORECASE may match one of these lower-case `parts`."""
        return self.lowered is None or holds_any(self.lowered, parts, self.start, self.end)

    def finds(self, twins: CaseTwins) -> bool:
        """Whether `twins.pattern` (IGNORECASE) matches in the paragraph."""
        return twins.search(self.text, self.lowered, self.start, self.end) is not None

    def searches(self, pattern: re.Pattern[str]) -> bool:
        """Whether `pattern` matches in the paragraph."""
        return pattern.search(self.text, self.start, self.end) is not None


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def holds_as_words(text: str, phrase: str) -> bool:
    """`re.search(rf"\\b{re.escape(phrase)}\\b", text) is not None`, by str.find."""
    opens_word, ends_word = _is_word_char(phrase[0]), _is_word_char(phrase[-1])
    at = text.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        before = at > 0 and _is_word_char(text[at - 1])
        after = end < len(text) and _is_word_char(text[end])
        if before != opens_word and after != ends_word:
            return True
        at = text.find(phrase, at + 1)
    return False


def holds_any(text: str, parts: tuple[str, ...], start: int, end: int) -> bool:
    """Whether one of `parts` is in text[start:end] (a loop: quicker than any() here)."""
    for part in parts:  # noqa: SIM110 (no generator made per call)
        if text.find(part, start, end) >= 0:
            return True
    return False


class WordSkipper:
    """Skips the words that cannot open a run: those that hold no `may_open` match and
    begin no `prefix` match (whose every match holds `prefix_holds`, a quick first test, and
    ends before `may_open`'s next match)."""

    def __init__(self, may_open: re.Pattern[str], prefix: re.Pattern[str], prefix_holds: str):
        self.may_open = may_open
        self.prefix = prefix
        self.prefix_holds = prefix_holds

    def skip(self, text: str, position: int, end: int) -> int:
        """Where the next word that may open a run begins, or a space before it. `position`
        is between words, and so is the answer."""
        other = self.may_open.search(text, position, end)
        stop = other.start() if other else end
        if text.find(self.prefix_holds, position, stop) >= 0 and (
            found := self.prefix.search(text, position, stop)
        ):
            stop = found.start()
        elif other is None:
            return end
        return max(position, text.rfind(" ", position, stop) + 1)
