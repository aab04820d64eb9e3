"""Every declared rule of the extractor finds the examples it must find and none it must not.

The rules are collected from the rule modules (every module-level Rule or LexiconRule), so a
rule added there is tried here without listing it.
"""

from __future__ import annotations

from types import ModuleType

import pytest

from newsfacts.extract import actor_rules, quote_rules, statistic_rules
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
