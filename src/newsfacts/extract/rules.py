"""What a rule of the extractor is: a named pattern, declared with examples it must find and
examples it must not.

The rules themselves live in quote_rules.py, actor_rules.py and statistic_rules.py; the
finders (quotes.py, actors.py, statistics.py) refer to them by name. A test
(tests/test_extract_rules.py) tries every rule on its own examples.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from .lexicons import Lexicons

# How a finder applies the pattern: anywhere in the text, at its start, or to all of it.
How = Literal["search", "match", "fullmatch"]

# A character of a phrase set off by commas ("which represents about 9,000 workers"): no stop,
# no quotation mark, no comma save one between digits. For the rules of relative clauses.
SET_OFF_CHARACTER = r"(?:[^,.;:!?“”\"]|(?<=\d)[,.](?=\d))"


def _applies(pattern: re.Pattern[str], how: How, example: str) -> bool:
    if how == "search":
        return pattern.search(example) is not None
    if how == "match":
        return pattern.match(example) is not None
    return pattern.fullmatch(example) is not None


@dataclass(frozen=True, slots=True, eq=False)
class Rule:
    """A pattern the extractor uses, with what it must find (`matches`) and must not
    (`rejects`), each applied as `how` says."""

    name: str
    description: str
    pattern: re.Pattern[str]
    matches: tuple[str, ...]
    rejects: tuple[str, ...]
    how: How = "search"

    def finds(self, example: str, lex: Lexicons) -> bool:
        """Whether the pattern finds `example` (`lex` unused: every rule takes one)."""
        return _applies(self.pattern, self.how, example)


@dataclass(frozen=True, slots=True, eq=False)
class LexiconRule:
    """A rule whose pattern is built from the lexicons: `build(lex)` (cached by its maker)."""

    name: str
    description: str
    build: Callable[[Lexicons], re.Pattern[str]]
    matches: tuple[str, ...]
    rejects: tuple[str, ...]
    how: How = "search"

    def finds(self, example: str, lex: Lexicons) -> bool:
        return _applies(self.build(lex), self.how, example)


AnyRule = Rule | LexiconRule
