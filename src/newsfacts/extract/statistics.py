"""Statistics: numbers that quantify something, with qualifier, unit and counted object.

Besides numbers: fractions, ratios ("one in four"), durations ("half an hour") and vague
counts ("tens of thousands"). Years, dates, clock times, ordinals, scores, numbers inside
names, labels ("page 5"), addresses, list item numbers and relative times ("one day after")
are not statistics. The patterns are statistic_rules.py's; each
finder runs only where a paragraph holds a part that every one of its matches has.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from . import numbers
from .fast import CaseTwins, Clues, MatchesAtAnchors, WordStartPattern, lowered
from .lexicons import Lexicons
from .statistic_rules import (
    A_MEASURE,
    A_OR_AN,
    ADDRESS_AFTER,
    AGE,
    AMOUNT_BEFORE,
    AND_A_HALF,
    APPOSED_AGE,
    AT_A_NAME,
    CHANGE_BEFORE,
    CLOCK_AFTER,
    CODE,
    COMPOUND,
    COMPOUND_UNIT,
    COUNTED_AFTER_M,
    CURRENCIES,
    CURRENCY_AFTER,
    CURRENCY_AT,
    CURRENCY_WORDS,
    DECADE_AFTER_APOSTROPHE,
    DURATION,
    ERA_AFTER,
    FOOTNOTE_AFTER,
    FOR_BEFORE,
    FRACTION,
    FRACTION_OBJECT,
    GLUED_CAPITAL,
    GLUED_UNIT,
    HALF_AS_MUCH,
    HALF_OF_A_PERIOD,
    IRREGULAR_PLURALS,
    LABEL_BEFORE,
    LEADING_CURRENCY,
    LENGTH_IN_M,
    LEVEL_FACTOR,
    LEVELS_FROM_BEFORE,
    LIST_NUMBER,
    MAX_AGE,
    MAY_BEGIN,
    MEASURE,
    MEASURE_UNITS,
    MEASURE_WORDS,
    MONTH_AFTER,
    MONTH_BEFORE,
    NAME_AFTER,
    NAME_BEFORE,
    NAME_THEN_BRACKET,
    NEXT_WORD,
    NOT_A_YEAR_AFTER,
    OF,
    OF_A_SCALE,
    ONE_NUMBER,
    ONE_UNIT_AFTER,
    ONE_WORD_QUALIFIERS,
    ORDINAL_AFTER,
    ORDINAL_UNIT,
    PER_BEFORE,
    PHONE_GROUP,
    PLURAL_AFTER,
    POINTS_AFTER,
    QUALIFIER_BEFORE,
    QUALIFIERS,
    RATE,
    RATE_AFTER,
    RATIO,
    RELATIVE_AFTER,
    SCALE_WORD,
    SCALED,
    SCORE,
    SCORE_AFTER,
    SCORE_BEFORE,
    STATISTIC,
    THE_BEFORE,
    TIME_UNIT_WORD,
    TIME_UNIT_WORDS,
    VAGUE,
    YEAR,
    ZERO_DESCRIBES,
)
from .text import Span, alternation

# -- shortcuts (fast.py): parts every match of a rule holds, searched first ---------------

PERCENTAGE_POINTS = "percentage points"  # the unit of a change in a percentage
AGE_CLUES = ("-year-old", "aged ")  # every AGE match holds one
FRACTION_CLUES = tuple(numbers.FRACTIONS)  # every FRACTION match holds one, in any case
VAGUE_CLUES = ("tens of ", "hundreds of ")  # every VAGUE match holds one, in any case
DURATION_CLUES = tuple(TIME_UNIT_WORDS)  # every DURATION match holds one, in any case
LOWER_DURATION = re.compile(DURATION.pattern.pattern)  # in lower-cased text: quicker
HAS_COMPOUND = re.compile(COMPOUND_UNIT, re.IGNORECASE)  # COMPOUND without its number
# MEASURE without its qualifier; in lower-cased text without IGNORECASE, and a letter first
# ("a" that begins a word) where the search skips ahead.
HAS_MEASURE = CaseTwins(
    re.compile(A_MEASURE, re.IGNORECASE),
    re.compile(rf"a(?<=\ba)n?\s(?P<unit>{MEASURE_WORDS})\b"),
)

# Where the number of a STATISTIC match begins: a digit or a number word, or for "a million"
# its scale word; at a word's start, or right after a currency such as "$US". Before it, a
# match holds at most a qualifier, spaces, then BEFORE_NUMBER characters: a currency, a space
# and "an" with its separator ("US$ an hundred").
NUMBER_WORDS = [*numbers.UNITS, *numbers.TENS, *numbers.SCALE_WORDS]
FIRST_CHARS = rf"[\d{''.join(sorted({word[0] for word in NUMBER_WORDS}))}]"  # a quick first test
A_NUMBER = rf"(?={FIRST_CHARS})(?:\d|{alternation(NUMBER_WORDS)})"
# RATIO in lower-cased text, tried only where a number begins: quicker
LOWER_RATIO = WordStartPattern(re.compile(RATIO.pattern.pattern), A_NUMBER)
WORD_CURRENCIES = [c for c in CURRENCIES if c[-1].isalnum()]  # "$US": no word boundary after
LOWER_WORD_CURRENCIES = tuple(c.lower() for c in WORD_CURRENCIES)
NUMBER_START = WordStartPattern(re.compile(rf"\b{A_NUMBER}", re.IGNORECASE), A_NUMBER)
# in lower-cased text: quicker
LOWER_NUMBER_START = WordStartPattern(re.compile(rf"\b{A_NUMBER}"), A_NUMBER)
# after a letter too: "RM2.3 billion", "P58" (the full pattern then checks the currency)
NUMBER_START_AFTER_CURRENCY = re.compile(rf"(?:\b|(?<=[^\W\d_])){A_NUMBER}", re.IGNORECASE)
# a word currency right before a number ("rm2.3", "chf 1.35"), in the lower-cased text
_LOWER_SIGNS = "|".join(re.escape(c) for c in sorted(LOWER_WORD_CURRENCIES, key=len, reverse=True))
LOWER_CURRENCY_BEFORE_NUMBER = re.compile(rf"(?<![a-z])(?:{_LOWER_SIGNS})\s?\d")
BEFORE_NUMBER = max(map(len, CURRENCIES)) + len(" ") + len("an ")
LONGEST_QUALIFIER = max(len(phrase) for phrases in QUALIFIERS.values() for phrase in phrases)
STATISTICS_AT_NUMBERS = MatchesAtAnchors(
    STATISTIC.pattern, re.compile(MAY_BEGIN), BEFORE_NUMBER, LONGEST_QUALIFIER
)


@dataclass(frozen=True)
class StatisticSpan:
    span: Span
    value: float
    value_max: float | None
    object: str | None
    unit: str | None
    qualifier: str


class Context(NamedTuple):
    """A number as matched, with the text around it."""

    match: re.Match[str]
    number: str
    before: str  # the 12 characters before the match
    after: str  # the 25 characters after it
    starts_sentence: bool
    lex: Lexicons


def _is_year(c: Context) -> bool:
    """1789, 2023, the 1980s, 500 BC; but "1900km" and "2000 people" are counts."""
    if c.number[0].isdigit() and ERA_AFTER.pattern.match(c.after):
        return True
    decade = c.after.startswith(("s ", "s,", "s.", "’s", "'s"))
    return bool(YEAR.pattern.fullmatch(c.number)) and (
        decade or not NOT_A_YEAR_AFTER.pattern.match(c.after)
    )


def _is_list_number(c: Context) -> bool:
    """ "3. The drawing ...": digits that open a paragraph number an item of a list."""
    opens_paragraph = c.match.start() == 0 or c.before.endswith("\n")
    return opens_paragraph and bool(LIST_NUMBER.pattern.match(c.after))


def _is_model_or_address(c: Context) -> bool:
    """ "5G", "4K" (a capital right after the digits, but "35C" is degrees); "12 Elm Street",
    "the 400 block of", "at 30 Quay Plaza"."""
    if not c.number[0].isdigit():
        return False
    if GLUED_CAPITAL.pattern.match(c.after) and not GLUED_UNIT.pattern.match(c.after):
        return True
    at_a_name = AT_A_NAME.pattern.search(c.before) and NAME_AFTER.pattern.match(c.after)
    return bool(ADDRESS_AFTER.pattern.match(c.after) or at_a_name)


def _is_zero_describing(c: Context) -> bool:
    """ "zero tolerance", "zero-rated": not a count."""
    return c.number.lower() == "zero" and bool(ZERO_DESCRIBES.pattern.match(c.after))


def _is_code(c: Context) -> bool:
    if CODE.pattern.fullmatch(c.number):
        return True  # 007
    return c.match.group(0)[:1].isdigit() and PHONE_GROUP.pattern.search(c.before) is not None


def _is_date(c: Context) -> bool:
    return bool(MONTH_BEFORE.pattern.search(c.before) or MONTH_AFTER.pattern.match(c.after))


def _is_time_or_ordinal(c: Context) -> bool:
    return bool(CLOCK_AFTER.pattern.match(c.after) or ORDINAL_AFTER.pattern.match(c.after))


def _is_in_a_name(c: Context) -> bool:
    """Apollo 11, Route 77, Page Six (a capitalised word just before, inside a sentence)."""
    in_a_name = c.number[0].isdigit() or c.number[0].isupper()
    if not (in_a_name and NAME_BEFORE.pattern.search(c.before)) or c.starts_sentence:
        return False
    if SCALE_WORD.pattern.search(c.number):
        return False  # "fined Parlio 32 million euros": an amount, no "Apollo 11"
    word = c.before.split()[-1].lstrip("“‘\"'(")  # “The 2°C limit”: "the", not a name
    return word.lower() not in c.lex.function_words and not _is_title_case_qualifier(word)


def _is_counted_in_brackets(c: Context) -> bool:
    """ "Harbour News (2)": a count of items after a name, in brackets, as a list of sources
    gives it."""
    return bool(NAME_THEN_BRACKET.pattern.search(c.before)) and c.after.startswith(")")


def _is_a_footnote_mark(c: Context) -> bool:
    """ "democracy [1].", "[2] Americans were given a choice": a note's number in square
    brackets, before a mark or a capital (not an editor's "signed [12] players")."""
    if not (c.before.endswith("[") and c.after.startswith("]") and c.number.isdigit()):
        return False
    return FOOTNOTE_AFTER.pattern.match(c.after) is not None


def _is_a_label(c: Context) -> bool:
    """ "page 5", "season 3", "iOS 10", "the ’90s"."""
    if not c.number[0].isdigit():
        return False
    return bool(
        LABEL_BEFORE.pattern.search(c.before) or DECADE_AFTER_APOSTROPHE.pattern.search(c.before)
    )


def _is_relative_time(c: Context) -> bool:
    return bool(RELATIVE_AFTER.pattern.match(c.after))


def _is_pronoun_like(c: Context) -> bool:
    """ "one man", "one of", "the two agreed"; but "one dose a week", "the two men"."""
    if c.number.lower() == "one" and _qualifier(c.match) not in ("exact", "approximate"):
        return False  # "at least one officer", "more than one"
    if c.number.lower() in ("one", "a", "an"):
        qualified = _qualifier(c.match) != "exact" or c.before.endswith(("for ", "For "))
        if qualified and ONE_UNIT_AFTER.pattern.match(c.after):
            return False  # "roughly one hour", "for one mile"
        return not RATE_AFTER.pattern.match(c.after)
    if c.number[0].isalpha() and THE_BEFORE.pattern.search(c.before):
        return not PLURAL_AFTER.pattern.match(c.after)
    return False


def _is_score(c: Context) -> bool:
    """3-1, 53-36 (a range runs upwards)."""
    if SCORE_AFTER.pattern.match(c.after) or SCORE_BEFORE.pattern.search(c.before):
        return True
    pair = SCORE.pattern.fullmatch(c.match.group(0))
    return pair is not None and int(pair.group(2)) <= int(pair.group(1))


# What a number may be instead of a statistic; any one of them excludes it.
EXCLUSIONS: tuple[Callable[[Context], bool], ...] = (
    _is_year,
    _is_list_number,
    _is_model_or_address,
    _is_zero_describing,
    _is_code,
    _is_date,
    _is_time_or_ordinal,
    _is_score,
    _is_in_a_name,
    _is_counted_in_brackets,
    _is_a_footnote_mark,
    _is_a_label,
    _is_relative_time,
    _is_pronoun_like,
)


def _is_excluded(text: str, match: re.Match[str], lex: Lexicons) -> bool:
    """Years, codes, dates, times, ordinals, scores, numbers in names, relative times, and
    numbers that stand for people ("one of them"). Money and percentages always count."""
    if match.group("currency") or match.group("percent"):
        return False
    context = Context(
        match,
        match.group("number"),
        text[max(0, match.start() - 12) : match.start()],
        text[match.end() : match.end() + 25],
        _starts_sentence(text, match.start() - 1),
        lex,
    )
    for excludes in EXCLUSIONS:  # noqa: SIM110 (no generator made per call)
        if excludes(context):
            return True
    return False


def _is_title_case_qualifier(word: str) -> bool:
    return word.lower() in ONE_WORD_QUALIFIERS


def _starts_sentence(text: str, index: int) -> bool:
    before = text[max(0, index - 40) : index].rstrip()
    return (not before and index <= 40) or (bool(before) and before[-1] in '.!?\n"“”')


def _object(text: str, end: int, lex: Lexicons) -> tuple[str | None, int]:
    """The counted noun phrase after the number: up to two lower-case content words."""
    words: list[str] = []
    position = end
    of = OF.pattern.match(text, position)
    if of and SCALED.pattern.search(text, max(0, end - 20), end):
        position = of.end() - 1
    for _ in range(2):
        match = NEXT_WORD.pattern.match(text, position)
        if match is None or _not_a_noun(match.group(1), lex):
            break  # "the two agreed", "52 arrests last year"
        words.append(match.group(1))
        position = match.end()
        if _is_plural(words[-1]):
            break  # a plural noun closes the phrase
    if not words:
        return None, end
    return " ".join(words), position


def _is_plural(word: str) -> bool:
    return (word.endswith("s") and not word.endswith("ss")) or word in IRREGULAR_PLURALS


def _not_a_noun(word: str, lex: Lexicons) -> bool:
    return word in lex.function_words or word in lex.reporting_verbs or word.endswith("ed")


def _unit(match: re.Match[str], object_: str | None) -> str | None:
    if "point" in (match.group("percent") or ""):
        return PERCENTAGE_POINTS  # "0.1 percentage points": a change, not a share
    if match.group("percent") or _optional(match, "upper_percent"):
        return "percent"
    if match.group("currency"):
        return CURRENCIES[match.group("currency").upper()]
    if match.group("cents"):
        return "cents"
    words = object_.split() if object_ else []
    if len(words) == 2 and words[0] == "square":  # "1,800 square feet", "12 square miles"
        return f"square {words[1]}"
    if words and words[0] in MEASURE_UNITS:
        return MEASURE_UNITS[words[0]]
    if object_ and TIME_UNIT_WORD.pattern.fullmatch(object_.split()[0]):
        return _plural_time_unit(object_.split()[0])
    return None


def _plural_time_unit(word: str) -> str:
    """ "hour" and "hours" -> "hours", "century" -> "centuries"."""
    if word.endswith(("s", "ies")):
        return word
    return "centuries" if word == "century" else f"{word}s"


def _qualifier(match: re.Match[str]) -> str:
    for name in QUALIFIERS:
        if match.group(name):
            return name
    return "exact"


def _optional(match: re.Match[str], group: str) -> str | None:
    """A group of STATISTIC's range; None in a match of ONE_NUMBER, which has none."""
    return match.group(group) if group in match.re.groupindex else None


def _bounds(match: re.Match[str]) -> tuple[float, float | None]:
    """(value, value_max): value_max is None without a range, or when the second number
    cannot be an upper bound (smaller, or in a currency the first lacks)."""
    number = match.group("number")
    a_length = not match.group("currency") and not COUNTED_AFTER_M.pattern.match(
        match.string, match.end()
    )
    if a_length and LENGTH_IN_M.pattern.search(number):
        number = number.rstrip("m")  # 35m without a currency is a length, not millions
    value = numbers.parse(number)
    upper = _optional(match, "upper")
    if not upper:
        return value, None
    upper = LEADING_CURRENCY.pattern.sub("", upper)
    if a_length and LENGTH_IN_M.pattern.search(upper):
        upper = upper.rstrip("m")  # as the first number
    value_max = numbers.parse(upper)
    upper_scale = match.group("upper_scale")
    if upper_scale and value < 1000:  # "6 to 8 million", "three hundred to five hundred billion"
        last_scale = upper_scale.split()[-1].lower()
        scaled = (
            numbers.parse(f"{number} {last_scale}")
            if not SCALE_WORD.pattern.search(number)
            else value * numbers.SCALES[last_scale]
        )
        if scaled <= value_max:  # not "fifty and a hundred"
            value = scaled
    if value_max < value or _currency_differs(match):
        return value, None
    return value, value_max


def _numbers_of(text: str, match: re.Match[str], paragraph: Span) -> list[re.Match[str]]:
    """The match; or, when its second number is no upper bound ("$2bn to 3 firms", "from 10
    to 8"), a match for each number on its own."""
    if not match.group("upper"):
        return [match]
    value, value_max = _bounds(match)
    if value_max is not None and not _change_then_level(text, match, value, value_max):
        return [match]
    lower = ONE_NUMBER.pattern.match(text, match.start(), paragraph.end)
    upper = STATISTIC.pattern.match(text, match.start("upper"), paragraph.end)
    return [m for m in (lower, upper) if m]


def _change_then_level(text: str, match: re.Match[str], value: float, value_max: float) -> bool:
    """ "fell $29 to $1,992": a change (CHANGE_BEFORE), then a far larger new level; "rose
    from 440 to 460": the old level and the new (LEVELS_FROM_BEFORE)."""
    window = text[max(0, match.start() - 30) : match.start()]  # a spread word in it: a range
    if " to " in match.group(0) and LEVELS_FROM_BEFORE.pattern.match(window):
        return True
    before = window[-20:]
    if value <= 0 or value_max < LEVEL_FACTOR * value:
        return False
    return CHANGE_BEFORE.pattern.search(before) is not None


def _from_match(text: str, match: re.Match[str], lex: Lexicons) -> StatisticSpan:
    value, value_max = _bounds(match)
    percent = match.group("percent") or _optional(match, "upper_percent")
    currency = (
        None
        if percent or match.group("currency")
        else CURRENCY_AFTER.pattern.match(text, match.end())
    )
    points = None if percent or currency else POINTS_AFTER.pattern.match(text, match.end())
    if points:  # "cut by 50 basis points", "7bp"
        points_unit = (
            "basis points" if points["basis"] or points["basis_words"] else PERCENTAGE_POINTS
        )
        start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
        span = Span(start, points.end())
        return StatisticSpan(span, value, value_max, None, points_unit, _qualifier(match))
    glued = None if percent or currency else GLUED_UNIT.pattern.match(text, match.end())
    object_start = currency.end() if currency else glued.end() if glued else match.end()
    half = None if percent or currency or glued else AND_A_HALF.pattern.match(text, object_start)
    if half and value_max is None:
        value, object_start = value + 0.5, half.end()  # "six and a half years"
    object_, end = (None, match.end()) if percent else _object(text, object_start, lex)
    rate = RATE.pattern.match(text, end)
    if rate and object_:
        end = rate.end()
    end = max(end, object_start)
    unit = (
        CURRENCY_WORDS[currency.group(1)]
        if currency
        else MEASURE_UNITS[glued.group(0)]
        if glued
        else _unit(match, object_)
    )
    start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
    if unit is None and object_ is None and value <= MAX_AGE and _apposed_age(text, start):
        object_, unit = "years", "years"  # "Priya Ramsden, 48, said"
    return StatisticSpan(Span(start, end), value, value_max, object_, unit, _qualifier(match))


def _apposed_age(text: str, start: int) -> bool:
    """Whether the number at `start` stands alone between commas after a name (APPOSED_AGE)."""
    before = text.rfind(" ", 0, max(0, start - 2))
    found = APPOSED_AGE.pattern.match(text, before + 1)
    return found is not None and found.start("number") == start


def _currency_differs(match: re.Match[str]) -> bool:
    upper_currency = CURRENCY_AT.pattern.match(match.group("upper"))
    return bool(upper_currency) and not match.group("currency")


def _vague(text: str, span: Span, lex: Lexicons, clues: Clues) -> list[StatisticSpan]:
    """ "tens of thousands" counts as at least 10,000."""
    found = []
    for match in VAGUE.pattern.finditer(text, span.start, span.end):
        value = (10 if match.group("scale").lower() == "tens" else 100) * (
            1_000 if match.group("of").lower() == "thousands" else 1_000_000
        )
        object_, end = _object(text, match.end(), lex)
        found.append(
            StatisticSpan(Span(match.start(), end), value, None, object_, None, "at_least")
        )
    return found


def _fractions(text: str, span: Span, lex: Lexicons, clues: Clues) -> list[StatisticSpan]:
    found = []
    for match in FRACTION.pattern.finditer(text, span.start, span.end):
        bare, unit = False, None
        if match.group("half_scale"):  # "half a billion": a number, then what it counts
            value = numbers.SCALES[match.group("half_scale").lower()] / 2
            object_, end = _object(text, match.end(), lex)
        else:
            if match.group("half"):
                value = 0.5
            else:
                value = numbers.fraction_value(match.group("numerator"), match.group("denominator"))
            # "nearly half": no "of" or "the" after it (which its match would end with)
            bare = bool(match.group("half")) and not match.group(0)[-1].isspace()
            object_, end = (None, match.end()) if bare else _object_after_of(text, match.end())
            scaled = OF_A_SCALE.pattern.match(text, match.end())
            if scaled:  # "a quarter of a million": 250,000; "of a billion dollars"
                value *= numbers.SCALES[scaled["scale"].lower()]
                currency = CURRENCY_AFTER.pattern.match(text, scaled.end())
                unit = CURRENCY_WORDS[currency.group(1)] if currency else None
                object_, end = (
                    (None, currency.end()) if currency else _object(text, scaled.end(), lex)
                )
                end = max(end, scaled.end())
        start, qualifier = _qualified_start(text, match.start(), span.start)
        if bare and qualifier == "exact" and not HALF_AS_MUCH.pattern.match(text, match.end()):
            continue  # "half" alone, unqualified, is no statistic ("half asleep")
        if match.group("half") and HALF_OF_A_PERIOD.pattern.search(text, span.start, start):
            continue  # "the second half of the year": a period, not an amount
        one = (match.group("numerator") or "").lower() in ("a", "an")
        if one and AMOUNT_BEFORE.pattern.search(text, max(span.start, start - 20), start):
            continue  # "¥90 billion a quarter": a rate, not a fraction
        # "cut by a quarter point", "a cut of a quarter point": how much
        by = text.endswith(("by ", "of "), span.start, start)
        if (
            one
            and qualifier == "exact"
            and not by
            and _an_ordinal_before_a_noun(text, match.end(), lex)
        ):
            continue  # "a third daily train", "a fifth term": which one, not how much
        found.append(StatisticSpan(Span(start, end), value, None, object_, unit, qualifier))
    return found


def _qualified_start(text: str, start: int, floor: int) -> tuple[int, str]:
    """Where a fraction, ratio or duration begins with the qualifier just before it, if any
    ("about two-thirds"), and the qualifier recorded."""
    before = QUALIFIER_BEFORE.pattern.search(text, max(floor, start - LONGEST_QUALIFIER - 3), start)
    return (before.start(), _qualifier(before)) if before else (start, "exact")


def _ratios(text: str, span: Span, lex: Lexicons, clues: Clues) -> list[StatisticSpan]:
    """ "one in four patients" is a quarter; "nine out of 10" counts nine."""
    if clues.lowered is None:
        matches = list(RATIO.pattern.finditer(text, span.start, span.end))
    else:
        matches = LOWER_RATIO.find_all(clues.lowered, span.start, span.end)
    found = []
    for match in matches:
        part, whole = (numbers.parse(match.group(g)) for g in ("part", "whole"))
        if not 0 < part <= whole:
            continue
        value = part if match.group("out_of") else part / whole  # "nine out of 10": nine
        object_, end = _object(text, match.end(), lex)
        start, qualifier = _qualified_start(text, match.start(), span.start)
        found.append(StatisticSpan(Span(start, end), value, None, object_, None, qualifier))
    return found


# A fraction of these units is given in years: "half a century" is 50 years.
YEARS_IN = {"century": 100, "decade": 10}


def _durations(text: str, span: Span, lex: Lexicons, clues: Clues) -> list[StatisticSpan]:
    """ "for nearly a decade" (one decade), "half an hour", "an hour and a half"; a unit of
    time counted by "a" is a duration only so qualified, after "for", or with a half."""
    searched, pattern = (
        (text, DURATION.pattern) if clues.lowered is None else (clues.lowered, LOWER_DURATION)
    )
    found = []
    for match in pattern.finditer(searched, span.start, span.end):
        start, qualifier = _qualified_start(text, match.start(), span.start)
        half = match.group("half_before") or match.group("half_inside")
        after_for = FOR_BEFORE.pattern.search(text, max(span.start, start - 4), start)
        if not (half or match.group("and_a_half") or after_for or qualifier != "exact"):
            continue
        unit = match.group("unit").lower()
        if unit == ORDINAL_UNIT and _an_ordinal_before_a_noun(text, match.end(), lex):
            continue  # "for a second day": the second one, not a second
        value = (0.5 if half else 1.0) + (0.5 if match.group("and_a_half") else 0.0)
        if value != 1 and unit in YEARS_IN:
            value, unit = value * YEARS_IN[unit], "year"
        stat = StatisticSpan(
            Span(start, match.end()), value, None, "time", _plural_time_unit(unit), qualifier
        )
        found.append(stat)
    return found


def _an_ordinal_before_a_noun(text: str, end: int, lex: Lexicons) -> bool:
    """Whether a lower-case content word follows ("a third daily train", "a second day"):
    "a third" or "a second" is then an ordinal; not before "of", "were" or a stop."""
    following = NEXT_WORD.pattern.match(text, end)
    return following is not None and not _not_a_noun(following.group(1), lex)


def _object_after_of(text: str, end: int) -> tuple[str | None, int]:
    of = FRACTION_OBJECT.pattern.match(text, end)
    if not of:
        return None, end
    return of.group(1), of.end()


def _ages(text: str, span: Span, lex: Lexicons, clues: Clues) -> list[StatisticSpan]:
    found = []
    for match in AGE.pattern.finditer(text, span.start, span.end):
        words = match.group("words")
        value = numbers.word_value(words) if words else float(match["number"] or match["aged"])
        found.append(
            StatisticSpan(Span(match.start(), match.end()), value, None, "years", "years", "exact")
        )
    return found


def _a_measure(text: str, span: Span, lex: Lexicons, clues: Clues) -> list[StatisticSpan]:
    """ "a foot of rain" is one foot, "half a mile" half a mile."""
    found = []
    for match in MEASURE.pattern.finditer(text, span.start, span.end):
        qualifier = _qualifier(match)
        unit = match.group("unit").lower()
        start, value = match.start(), 1.0
        if AMOUNT_BEFORE.pattern.search(text, max(span.start, start - 20), start):
            continue  # "$9,120 a tonne": a price's unit
        if text.endswith(("half ", "Half "), span.start, start):
            start, value = start - len("half "), 0.5
        found.append(StatisticSpan(Span(start, match.end()), value, None, unit, unit, qualifier))
    return found


def _compounds(text: str, span: Span, lex: Lexicons, clues: Clues) -> list[StatisticSpan]:
    """ "a two-hour delay" is one hour."""
    found = []
    for match in COMPOUND.pattern.finditer(text, span.start, span.end):
        number = match.group("number")
        value = float(number) if number.isdigit() else numbers.word_value(number)
        unit = match.group("unit").lower()
        found.append(
            StatisticSpan(Span(match.start(), match.end()), value, None, unit, unit, "exact")
        )
    return found


def _numbers(text: str, span: Span, lex: Lexicons, clues: Clues) -> list[StatisticSpan]:
    """STATISTIC's matches that are statistics: a range whose second number is no bound
    gives each number on its own; "a" alone and excluded numbers give none."""
    return [
        _from_match(text, match, lex)
        for found in _statistic_matches(text, span, clues)
        for match in _numbers_of(text, found, span)
        if not (A_OR_AN.pattern.fullmatch(match.group("number")) or _is_excluded(text, match, lex))
        and not PER_BEFORE.pattern.search(text, max(0, match.start() - 5), match.start())
    ]


def _statistic_matches(text: str, paragraph: Span, clues: Clues) -> list[re.Match[str]]:
    """STATISTIC.finditer's matches, tried only just before each number (the text's, or the
    lower-cased text's with the same offsets, or any after a currency sign such as "$US")."""
    number_start: WordStartPattern | re.Pattern[str]
    searched, number_start = text, NUMBER_START
    if clues.lowered is None or LOWER_CURRENCY_BEFORE_NUMBER.search(
        clues.lowered, clues.start, clues.end
    ):
        number_start = NUMBER_START_AFTER_CURRENCY
    elif clues.lowered is not None:
        searched, number_start = clues.lowered, LOWER_NUMBER_START
    return STATISTICS_AT_NUMBERS.find_all(
        text, searched, number_start, paragraph.start, paragraph.end
    )


class Finder(NamedTuple):
    """A finder of statistics, and what a paragraph must hold for it to find any (None: it
    is always tried)."""

    find: Callable[[str, Span, Lexicons, Clues], list[StatisticSpan]]
    may_find: Callable[[Clues], bool] | None


# Tried in turn on each paragraph. Of two statistics that begin together, the longer is kept;
# of two with the same span, the one found first.
FINDERS = (
    Finder(_ages, lambda clues: clues.has(*AGE_CLUES)),
    Finder(_durations, lambda clues: clues.may_have(*DURATION_CLUES)),
    Finder(_fractions, lambda clues: clues.may_have(*FRACTION_CLUES)),
    Finder(_ratios, None),
    Finder(_vague, lambda clues: clues.may_have(*VAGUE_CLUES)),
    Finder(_a_measure, lambda clues: clues.finds(HAS_MEASURE)),
    Finder(_compounds, lambda clues: clues.searches(HAS_COMPOUND)),
    Finder(_numbers, None),
)


def find(
    text: str, paragraph: Span, lex: Lexicons, lower_text: str | None = None
) -> list[StatisticSpan]:
    """All statistics in one paragraph, earliest first, without overlaps. `lower_text` is
    `fast.lowered(text)`, when the caller has it."""
    lower = lowered(text) if lower_text is None else lower_text
    clues = Clues(text, lower, paragraph.start, paragraph.end)
    found = []
    for finder in FINDERS:
        if finder.may_find is None or finder.may_find(clues):
            found += finder.find(text, paragraph, lex, clues)
    return _without_overlaps(found)


def _without_overlaps(found: list[StatisticSpan]) -> list[StatisticSpan]:
    kept: list[StatisticSpan] = []
    for stat in sorted(found, key=lambda s: (s.span.start, -s.span.end)):
        if kept and stat.span.start < kept[-1].span.end:
            continue
        kept.append(stat)
    return kept
