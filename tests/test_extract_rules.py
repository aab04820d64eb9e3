"""Every declared rule of the extractor finds the examples it must find and none it must not.

The rules are collected from the rule modules (every module-level Rule or LexiconRule), so a
rule added there is tried here without listing it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from types import ModuleType

import pytest

from newsfacts.extract import actor_rules, quote_rules, quotes, statistic_rules, statistics
from newsfacts.extract.fast import holds_as_words, lowered
from newsfacts.extract.lexicons import load_lexicons
from newsfacts.extract.rules import AnyRule, LexiconRule, Rule

RULE_MODULES = (quote_rules, actor_rules, statistic_rules)


def declared(module: ModuleType) -> list[tuple[str, AnyRule]]:
    """(attribute name, rule) for each rule a module declares."""
    return [
        (attribute, value)
        for attribute, value in vars(module).items()
        if isinstance(value, Rule | LexiconRule)
    ]


RULES = [rule for module in RULE_MODULES for _, rule in declared(module)]
MATCHES = [(rule, example) for rule in RULES for example in rule.matches]
REJECTS = [(rule, example) for rule in RULES for example in rule.rejects]


def label(value: object) -> str:
    return value.name if isinstance(value, Rule | LexiconRule) else repr(value)


@pytest.mark.parametrize(("rule", "example"), MATCHES, ids=label)
def test_a_rule_finds_what_it_must_match(rule: AnyRule, example: str) -> None:
    found = rule.finds(example, load_lexicons())
    assert found, f"{rule.name} ({rule.how}) does not find {example!r}"


@pytest.mark.parametrize(("rule", "example"), REJECTS, ids=label)
def test_a_rule_finds_nothing_in_what_it_must_reject(rule: AnyRule, example: str) -> None:
    found = rule.finds(example, load_lexicons())
    assert not found, f"{rule.name} ({rule.how}) finds {example!r}"


@pytest.mark.parametrize("rule", RULES, ids=label)
def test_every_rule_has_examples_of_each_kind_and_a_description(rule: AnyRule) -> None:
    assert rule.matches and rule.rejects
    assert rule.description.strip()


def test_rule_names_are_unique_and_name_their_constant() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    for module in RULE_MODULES:
        for attribute, rule in declared(module):
            assert rule.name == attribute.lower(), (module.__name__, attribute)


def test_the_rules_are_collected() -> None:
    """The collection is not empty: a rule module that lost its rules would pass above."""
    for module in RULE_MODULES:
        assert len(declared(module)) >= 10, module.__name__


# -- the shortcuts of fast.py find what their rules find -----------------------------------


def spans(matches: Iterable[re.Match[str]]) -> list[tuple[int, int]]:
    return [match.span() for match in matches]


def examples_of(*rules: AnyRule) -> list[str]:
    """Each example alone, then all of them in one text, in both cases and as in a title."""
    texts = [example for rule in rules for example in rule.matches + rule.rejects]
    texts.append(" ".join(texts))
    return texts + [text.upper() for text in texts] + [text.title() for text in texts]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("the Amazon rose", "the Amazon"),
        ("Breathe Amazon", "the Amazon"),
        ("the Amazonian", "the Amazon"),
        ("the Amazon_x and the Amazon.", "the Amazon"),
        ("Kellun Inc.", "Inc."),
        ("Kellun Inc.x", "Inc."),
        ("the Kellun Inc. said", "the Kellun Inc."),
        ("é the Café", "the Café"),
        ("", "the Amazon"),
        ("the Amazonthe Amazon", "the Amazon"),
    ],
)
def test_holds_as_words_finds_what_a_word_bounded_search_finds(text: str, phrase: str) -> None:
    expected = re.search(rf"\b{re.escape(phrase)}\b", text) is not None
    assert holds_as_words(text, phrase) == expected


@pytest.mark.parametrize("text", examples_of(quote_rules.UNNAMED_SOURCE, quote_rules.SOURCE_NOUN))
def test_the_anchored_unnamed_source_search_finds_what_the_pattern_finds(text: str) -> None:
    lex = load_lexicons()
    plain = quote_rules.unnamed_source_pattern(lex).finditer(text)
    anchored = quotes.unnamed_source_search(lex).find_all(text, lowered(text), 0, len(text))
    assert spans(anchored) == spans(plain)
    nouns = quote_rules.source_noun_pattern(lex).search(text)
    lower_nouns = quotes.lower_source_noun_pattern(lex).search(text.lower())
    assert (nouns and nouns.span()) == (lower_nouns and lower_nouns.span())


@pytest.mark.parametrize("text", examples_of(quote_rules.CUE))
def test_the_cue_finder_finds_what_the_cue_pattern_finds(text: str) -> None:
    lex = load_lexicons()
    found = quotes.cue_finder(lex).find_all(text, 0, len(text))
    assert spans(found) == spans(quote_rules.cue_pattern(lex).finditer(text))


@pytest.mark.parametrize("text", examples_of(statistic_rules.STATISTIC, statistic_rules.ONE_NUMBER))
def test_statistics_searched_at_numbers_are_the_pattern_s_matches(text: str) -> None:
    plain = spans(statistic_rules.STATISTIC.pattern.finditer(text))
    at_numbers = statistics.STATISTICS_AT_NUMBERS
    for searched, anchor in (
        (text, statistics.NUMBER_START),
        (text.lower(), statistics.LOWER_NUMBER_START),
        (text, statistics.NUMBER_START_AFTER_CURRENCY),
    ):
        assert spans(at_numbers.find_all(text, searched, anchor, 0, len(text))) == plain


@pytest.mark.parametrize(
    ("rule", "finds_a_clue"),
    [
        (quote_rules.ACCORDING_FRONT, lambda text: quotes.ACCORDING_CLUE in text),
        (quote_rules.ACCORDING_BACK, lambda text: quotes.ACCORDING_CLUE in text),
        (quote_rules.ACCORDING_MIDDLE, lambda text: quotes.ACCORDING_CLUE in text),
        (statistic_rules.AGE, lambda text: any(c in text for c in statistics.AGE_CLUES)),
        (
            statistic_rules.FRACTION,
            lambda text: any(c in text.lower() for c in statistics.FRACTION_CLUES),
        ),
        (
            statistic_rules.VAGUE,
            lambda text: any(c in text.lower() for c in statistics.VAGUE_CLUES),
        ),
        (statistic_rules.COMPOUND, lambda text: statistics.HAS_COMPOUND.search(text)),
        (statistic_rules.MEASURE, lambda text: statistics.HAS_MEASURE.pattern.search(text)),
        (statistic_rules.MEASURE, lambda text: statistics.HAS_MEASURE.lower.search(text.lower())),
    ],
    ids=lambda value: value.name if isinstance(value, Rule) else "clue",
)
def test_a_paragraph_without_a_finder_s_clue_holds_none_of_its_matches(
    rule: Rule, finds_a_clue: Callable[[str], object]
) -> None:
    for text in examples_of(rule):
        if rule.pattern.search(text):
            assert finds_a_clue(text), text
    assert any(finds_a_clue(example) for example in rule.matches)
