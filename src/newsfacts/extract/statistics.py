"""Statistics: numbers that quantify something, with qualifier, unit and counted object.

Years, dates, clock times, ordinals, scores, numbers inside names and relative
times ("one day after") are not statistics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from . import numbers
from .fast import WordStartPattern, lowered
from .lexicons import Lexicons
from .text import Span, alternation

QUALIFIERS = [
    (
        "approximate",
        "about|around|approximately|roughly|nearly|almost|some|an estimated|estimated"
        "|close to|circa",
    ),
    ("more_than", "more than|over|above|in excess of|upwards of|exceeding|just over|well over"),
    ("less_than", "less than|fewer than|under|below|just under|well under"),
    ("at_least", "at least|no fewer than|no less than"),
    ("at_most", "at most|no more than|not more than|a maximum of"),
    ("up_to", "up to|as many as|as much as|as high as"),
]
# No qualifier begins another of its kind: as letter trees they match as the plain lists do.
QUALIFIER = "|".join(f"(?P<{name}>{alternation(words.split('|'))})" for name, words in QUALIFIERS)

CURRENCIES = {
    "US$": "USD",
    "$US": "USD",
    "A$": "AUD",
    "$A": "AUD",
    "AU$": "AUD",
    "NZ$": "NZD",
    "C$": "CAD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "$": "USD",
}
CURRENCY = "|".join(re.escape(c) for c in sorted(CURRENCIES, key=len, reverse=True))
MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|"
    "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
TIME_UNIT = r"(?:second|minute|hour|day|week|month|year|decade|century)"
TIME_UNITS = rf"(?:{TIME_UNIT}s?|centuries)"
MEASURE_UNITS = {
    "km": "km",
    "kilometres": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometer": "km",
    "metres": "m",
    "meters": "m",
    "metre": "m",
    "meter": "m",
    "miles": "miles",
    "mile": "miles",
    "tonnes": "tonnes",
    "tons": "tonnes",
    "kg": "kg",
    "kilograms": "kg",
    "hectares": "hectares",
    "degrees": "degrees",
    "°C": "degrees Celsius",
    "°F": "degrees Fahrenheit",
    "acres": "acres",
}

SHORT_SCALE = r"(?:bn|m|(?-i:k))\b"  # $2bn, $5m, $5k ("4K" is a screen, not thousands)
NUMBER = (
    rf"(?P<currency>{CURRENCY})?\s?"
    rf"(?P<number>(?:{numbers.DIGITS})(?:\s?{numbers.SCALE}\b|{SHORT_SCALE})*"
    rf"|(?:{numbers.WORD_NUMBER}|a|an)(?:[\s-]{numbers.SCALE})+"
    rf"|{numbers.WORD_NUMBER}\b)"
    r"(?P<cents>(?-i:c)\b)?"
    r"(?P<percent>\s?%|\s?per ?cent\b|\s?percentage points?\b)?"
)
UPPER = (
    rf"(?P<upper>(?:{CURRENCY})?\s?(?:(?:{numbers.DIGITS})(?:{SHORT_SCALE})?|{numbers.WORD_NUMBER}\b)"
    rf"(?P<upper_scale>\s{numbers.SCALE}\b)?)"
    r"(?P<upper_percent>\s?%|\s?per ?cent\b|\s?percent\b)?"
)
# "6 to 8 million", "25 to 30 percent"; never after a percentage ("12 per cent to $870 million")
RANGE = rf"(?:(?<!%)(?<!cent)\s?(?:-|–|to|and|or)\s?(?:as many as\s)?{UPPER})"
STATISTIC = re.compile(
    rf"(?<![\w$.,:/-])(?:(?:{QUALIFIER})\s+)?{NUMBER}{RANGE}?(?![\w:/-]*\d)",
    re.IGNORECASE,
)
ONE_NUMBER = re.compile(  # STATISTIC without a range: a bound that cannot be one
    rf"(?<![\w$.,:/-])(?:(?:{QUALIFIER})\s+)?{NUMBER}(?![\w:/-]*\d)", re.IGNORECASE
)
FRACTION = re.compile(
    rf"\b(?P<numerator>a|an|one|{numbers.WORD_NUMBER})[\s-](?P<denominator>halves|half|thirds?|quarters?)\b"
    r"|\b(?P<half>half)\s+(?=of\b|the\b)",
    re.IGNORECASE,
)
MEASURE_WORDS = (
    "foot|mile|metre|meter|kilometre|kilometer|inch|yard|pound|ton|tonne|litre|liter|gallon"
    "|hectare|acre"
)
A_MEASURE = rf"\ban?\s(?P<unit>{MEASURE_WORDS})\b"
MEASURE = re.compile(rf"(?:(?:{QUALIFIER})\s+)?{A_MEASURE}", re.IGNORECASE)
COMPOUND_UNIT = (
    rf"-(?P<unit>{TIME_UNIT}|mile|kilometre|kilometer|metre|meter|foot|inch|storey|story|point"
    r"|man|member|seat)\b"
)
COMPOUND = re.compile(
    rf"\b(?P<number>\d+|{numbers.WORD_NUMBER}){COMPOUND_UNIT}(?!-old)", re.IGNORECASE
)
OF = re.compile(r"\s(?:of|of the)\s")
SCALED = re.compile(rf"\b(?:{numbers.SCALE}|tens|hundreds|thousands|millions)s?$", re.I)
NEXT_WORD = re.compile(r"\s([a-z][a-z-]*)")
FRACTION_OBJECT = re.compile(r"\s?(?:of\s)?(?:the\s|its\s|their\s)?([a-z][a-z-]*)")
AGE = re.compile(r"\b(?P<number>\d{1,3})-year-old\b|\baged (?P<aged>\d{1,3})\b")
RATE = re.compile(rf"\s(?:a|an|per|each)\s{TIME_UNIT}\b")
A_OR_AN = re.compile(r"an?", re.IGNORECASE)

# Quick tests that a paragraph may hold a match, each for a part that every match of the full
# pattern contains: most paragraphs fail them and skip the slower full search.
HAS_COMPOUND = re.compile(COMPOUND_UNIT, re.IGNORECASE)  # COMPOUND without its number
HAS_MEASURE = re.compile(A_MEASURE, re.IGNORECASE)  # MEASURE without its qualifier
# The same in lower-cased text, quicker: without IGNORECASE, and a letter first ("a" that
# begins a word) where the search skips ahead.
LOWER_HAS_MEASURE = re.compile(rf"a(?<=\ba)n?\s(?P<unit>{MEASURE_WORDS})\b")

# Where the number of a STATISTIC match begins: a digit or a number word, or for "a million"
# its scale word; at a word's start, or right after a currency such as "$US". Before it, a
# match holds at most a qualifier, spaces, then BEFORE_NUMBER characters: a currency, a space
# and "an" with its separator ("US$ an hundred").
NUMBER_WORDS = [*numbers.UNITS, *numbers.TENS, *numbers.SCALE_WORDS]
FIRST_CHARS = rf"[\d{''.join(sorted({word[0] for word in NUMBER_WORDS}))}]"  # a quick first test
A_NUMBER = rf"(?={FIRST_CHARS})(?:\d|{alternation(NUMBER_WORDS)})"
WORD_CURRENCIES = [c for c in CURRENCIES if c[-1].isalnum()]  # "$US": no word boundary after
LOWER_WORD_CURRENCIES = tuple(c.lower() for c in WORD_CURRENCIES)
NUMBER_START = WordStartPattern(re.compile(rf"\b{A_NUMBER}", re.IGNORECASE), A_NUMBER)
# in lower-cased text: quicker
LOWER_NUMBER_START = WordStartPattern(re.compile(rf"\b{A_NUMBER}"), A_NUMBER)
NUMBER_START_AFTER_CURRENCY = re.compile(
    rf"(?:\b|{'|'.join(f'(?<={re.escape(c)})' for c in WORD_CURRENCIES)}){A_NUMBER}",
    re.IGNORECASE,
)
MAY_BEGIN = re.compile(r"(?<![\w$.,:/-])")  # STATISTIC's look-behind alone
BEFORE_NUMBER = max(map(len, CURRENCIES)) + len(" ") + len("an ")
LONGEST_QUALIFIER = max(len(words) for _, group in QUALIFIERS for words in group.split("|"))

# What the context of a number tells: see _is_excluded.
YEAR = re.compile(r"(1[5-9]|20)\d\d")
NOT_A_YEAR_AFTER = re.compile(r"[a-z°]|\s(?:people|[a-z]+s)\b")
CODE = re.compile(r"0\d+")
MONTH_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?,?\s$", re.IGNORECASE)
MONTH_AFTER = re.compile(rf"\s(?:{MONTHS})\b", re.IGNORECASE)
CLOCK_AFTER = re.compile(r"(?::\d\d|\s?[ap]\.?m\b|\s?o'clock)", re.IGNORECASE)
ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b")
NAME_BEFORE = re.compile(r"[A-Z][\w-]*\s$")
RELATIVE_AFTER = re.compile(
    rf"\s{TIME_UNITS}\s(?:later|earlier|ago|after|before|from now|since|on)\b", re.IGNORECASE
)
RATE_AFTER = re.compile(rf"\s[a-z]+\s(?:a|an|per|each)\s{TIME_UNIT}\b")
THE_BEFORE = re.compile(r"\bthe\s$", re.IGNORECASE)
PLURAL_AFTER = re.compile(r"\s[a-z]+s\b")
SCORE_AFTER = re.compile(r"[-–]\d")
SCORE_BEFORE = re.compile(r"\d[-–]$")
SCORE = re.compile(r"(\d+)[-–](\d+)")
LENGTH_IN_M = re.compile(r"\d(?:m|bn)$")
SCALE_WORD = re.compile(numbers.SCALE, re.IGNORECASE)
LEADING_CURRENCY = re.compile(rf"^(?:{CURRENCY})\s?")
CURRENCY_AT = re.compile(CURRENCY)


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

    number: str
    before: str  # the 12 characters before the match
    after: str  # the 25 characters after it
    starts_sentence: bool


def _is_year(c: Context) -> bool:
    """1789, 2023, the 1980s; but "1800km" and "2000 people" are counts."""
    decade = c.after.startswith(("s ", "s,", "s.", "’s", "'s"))
    return bool(YEAR.fullmatch(c.number)) and (decade or not NOT_A_YEAR_AFTER.match(c.after))


def _is_code(c: Context) -> bool:
    return bool(CODE.fullmatch(c.number))  # 007


def _is_date(c: Context) -> bool:
    return bool(MONTH_BEFORE.search(c.before) or MONTH_AFTER.match(c.after))


def _is_time_or_ordinal(c: Context) -> bool:
    return bool(CLOCK_AFTER.match(c.after) or ORDINAL_AFTER.match(c.after))


def _is_in_a_name(c: Context, lex: Lexicons) -> bool:
    """Apollo 11, Route 66 (a capitalised word just before, inside a sentence)."""
    if not (c.number[0].isdigit() and NAME_BEFORE.search(c.before)) or c.starts_sentence:
        return False
    word = c.before.split()[-1]
    return word.lower() not in lex.function_words and not _is_title_case_qualifier(word)


def _is_relative_time(c: Context) -> bool:
    return bool(RELATIVE_AFTER.match(c.after))


def _is_pronoun_like(c: Context) -> bool:
    """ "one man", "one of", "the two continued"; but "one dose a week", "the two men"."""
    if c.number.lower() in ("one", "a", "an"):
        return not RATE_AFTER.match(c.after)
    if c.number[0].isalpha() and THE_BEFORE.search(c.before):
        return not PLURAL_AFTER.match(c.after)
    return False


def _is_excluded(text: str, match: re.Match[str], lex: Lexicons) -> bool:
    """Years, codes, dates, times, ordinals, scores, numbers in names, relative times, and
    numbers that stand for people ("one of them"). Money and percentages always count."""
    if match.group("currency") or match.group("percent"):
        return False
    context = Context(
        match.group("number"),
        text[max(0, match.start() - 12) : match.start()],
        text[match.end() : match.end() + 25],
        _starts_sentence(text, match.start() - 1),
    )
    return (
        _is_year(context)
        or _is_code(context)
        or _is_date(context)
        or _is_time_or_ordinal(context)
        or _is_score(match, context)
        or _is_in_a_name(context, lex)
        or _is_relative_time(context)
        or _is_pronoun_like(context)
    )


def _is_score(match: re.Match[str], c: Context) -> bool:
    """3-1, 53-36 (a range runs upwards)."""
    if SCORE_AFTER.match(c.after) or SCORE_BEFORE.search(c.before):
        return True
    pair = SCORE.fullmatch(match.group(0))
    return pair is not None and int(pair.group(2)) <= int(pair.group(1))


ONE_WORD_QUALIFIERS = frozenset(
    word for _, words in QUALIFIERS for word in words.split("|") if " " not in word
)


def _is_title_case_qualifier(word: str) -> bool:
    return word.lower() in ONE_WORD_QUALIFIERS


def _starts_sentence(text: str, index: int) -> bool:
    before = text[max(0, index - 40) : index].rstrip()
    return (not before and index <= 40) or (bool(before) and before[-1] in '.!?\n"“”')


def _object(text: str, end: int, lex: Lexicons) -> tuple[str | None, int]:
    """The counted noun phrase after the number: up to two lower-case content words."""
    words: list[str] = []
    position = end
    of = OF.match(text, position)
    if of and SCALED.search(text, max(0, end - 20), end):
        position = of.end() - 1
    for _ in range(2):
        match = NEXT_WORD.match(text, position)
        if match is None or _not_a_noun(match.group(1), lex):
            break  # "the two continued", "52 arrests last year"
        words.append(match.group(1))
        position = match.end()
        if words[-1].endswith("s") and not words[-1].endswith("ss"):
            break  # a plural noun closes the phrase
    if not words:
        return None, end
    return " ".join(words), position


def _not_a_noun(word: str, lex: Lexicons) -> bool:
    return word in lex.function_words or word in lex.reporting_verbs or word.endswith("ed")


def _unit(match: re.Match[str], object_: str | None) -> str | None:
    if match.group("percent") or _optional(match, "upper_percent"):
        return "percent"
    if match.group("currency"):
        return CURRENCIES[match.group("currency").upper()]
    if match.group("cents"):
        return "cents"
    if object_ and object_.split()[0] in MEASURE_UNITS:
        return MEASURE_UNITS[object_.split()[0]]
    return None


def _qualifier(match: re.Match[str]) -> str:
    for name, _ in QUALIFIERS:
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
    if not match.group("currency") and LENGTH_IN_M.search(number):
        number = number.rstrip("mbn")  # 35m without a currency is a length, not millions
    value = numbers.parse(number)
    upper = _optional(match, "upper")
    if not upper:
        return value, None
    upper = LEADING_CURRENCY.sub("", upper)
    if not match.group("currency") and LENGTH_IN_M.search(upper):
        upper = upper.rstrip("mbn")  # as the first number
    value_max = numbers.parse(upper)
    upper_scale = match.group("upper_scale")
    if upper_scale and not SCALE_WORD.search(number) and value < 1000:
        value = numbers.parse(f"{number}{upper_scale}")  # "6 to 8 million"
    if value_max < value or _currency_differs(match):
        return value, None
    return value, value_max


def _numbers_of(text: str, match: re.Match[str], paragraph: Span) -> list[re.Match[str]]:
    """The match; or, when its second number is no upper bound ("$2bn to 3 firms", "from 10
    to 8"), a match for each number on its own."""
    if not match.group("upper") or _bounds(match)[1] is not None:
        return [match]
    lower = ONE_NUMBER.match(text, match.start(), paragraph.end)
    upper = STATISTIC.match(text, match.start("upper"), paragraph.end)
    return [m for m in (lower, upper) if m]


def _from_match(text: str, match: re.Match[str], lex: Lexicons) -> StatisticSpan:
    value, value_max = _bounds(match)
    object_, end = (
        (None, match.end())
        if match.group("percent") or _optional(match, "upper_percent")
        else _object(text, match.end(), lex)
    )
    rate = RATE.match(text, end)
    if rate and object_:
        end = rate.end()
    end = match.end() if end <= match.end() else end
    return StatisticSpan(
        Span(match.start(), end),
        value,
        value_max,
        object_,
        _unit(match, object_),
        _qualifier(match),
    )


def _currency_differs(match: re.Match[str]) -> bool:
    upper_currency = CURRENCY_AT.match(match.group("upper"))
    return bool(upper_currency) and not match.group("currency")


VAGUE = re.compile(r"\b(?P<scale>tens|hundreds) of (?P<of>thousands|millions)\b", re.IGNORECASE)


def _vague(text: str, span: Span, lex: Lexicons) -> list[StatisticSpan]:
    """ "tens of thousands" counts as at least 10,000."""
    found = []
    for match in VAGUE.finditer(text, span.start, span.end):
        value = (10 if match.group("scale").lower() == "tens" else 100) * (
            1_000 if match.group("of").lower() == "thousands" else 1_000_000
        )
        object_, end = _object(text, match.end(), lex)
        found.append(
            StatisticSpan(Span(match.start(), end), value, None, object_, None, "at_least")
        )
    return found


def _fractions(text: str, span: Span) -> list[StatisticSpan]:
    found = []
    for match in FRACTION.finditer(text, span.start, span.end):
        if match.group("half"):
            value = 0.5
        else:
            value = numbers.fraction_value(match.group("numerator"), match.group("denominator"))
        object_, end = _object_after_of(text, match.end())
        found.append(StatisticSpan(Span(match.start(), end), value, None, object_, None, "exact"))
    return found


def _object_after_of(text: str, end: int) -> tuple[str | None, int]:
    of = FRACTION_OBJECT.match(text, end)
    if not of:
        return None, end
    return of.group(1), of.end()


def _ages(text: str, span: Span) -> list[StatisticSpan]:
    found = []
    for match in AGE.finditer(text, span.start, span.end):
        value = float(match.group("number") or match.group("aged"))
        found.append(
            StatisticSpan(Span(match.start(), match.end()), value, None, "years", "years", "exact")
        )
    return found


def _a_measure(text: str, span: Span) -> list[StatisticSpan]:
    """ "a foot of snow" is one foot."""
    found = []
    for match in MEASURE.finditer(text, span.start, span.end):
        qualifier = _qualifier(match)
        unit = match.group("unit").lower()
        found.append(
            StatisticSpan(Span(match.start(), match.end()), 1.0, None, unit, unit, qualifier)
        )
    return found


def _compounds(text: str, span: Span) -> list[StatisticSpan]:
    """ "a one-hour window" is one hour."""
    found = []
    for match in COMPOUND.finditer(text, span.start, span.end):
        number = match.group("number")
        value = float(number) if number.isdigit() else numbers.word_value(number)
        unit = match.group("unit").lower()
        found.append(
            StatisticSpan(Span(match.start(), match.end()), value, None, unit, unit, "exact")
        )
    return found


def find(
    text: str, paragraph: Span, lex: Lexicons, lower_text: str | None = None
) -> list[StatisticSpan]:
    """All statistics in one paragraph, earliest first, without overlaps. Each finder runs
    only where the paragraph holds words that every one of its matches has. `lower_text` is
    `text.lowered(text)`, when the caller has it."""
    clues = Clues(text, lowered(text) if lower_text is None else lower_text, paragraph)
    found = []
    if clues.has("-year-old", "aged "):
        found += _ages(text, paragraph)
    if clues.may_have("half", "halves", "third", "quarter"):
        found += _fractions(text, paragraph)
    if clues.may_have("tens of ", "hundreds of "):
        found += _vague(text, paragraph, lex)
    if clues.finds(HAS_MEASURE, LOWER_HAS_MEASURE):
        found += _a_measure(text, paragraph)
    if HAS_COMPOUND.search(text, paragraph.start, paragraph.end):
        found += _compounds(text, paragraph)
    found += [
        _from_match(text, match, lex)
        for found_match in _statistic_matches(text, paragraph, clues)
        for match in _numbers_of(text, found_match, paragraph)
        if not (A_OR_AN.fullmatch(match.group("number")) or _is_excluded(text, match, lex))
    ]
    return _without_overlaps(found)


class Clues:
    """A paragraph of a text, to tell which finders may match in it. `lowered` is the text
    lower-cased (text.lowered), or None."""

    def __init__(self, text: str, lowered: str | None, paragraph: Span) -> None:
        self.text, self.lowered = text, lowered
        self.start, self.end = paragraph

    def has(self, *parts: str) -> bool:
        return _holds_any(self.text, parts, self.start, self.end)

    def may_have(self, *parts: str) -> bool:
        """Whether a pattern with IGNORECASE may match one of these lower-case `parts`."""
        return self.lowered is None or _holds_any(self.lowered, parts, self.start, self.end)

    def finds(self, pattern: re.Pattern[str], in_lower_case: re.Pattern[str]) -> bool:
        """Whether `pattern` (IGNORECASE) matches in the paragraph: `in_lower_case`, the same
        without IGNORECASE, searched in the lower-cased text when there is one."""
        if self.lowered is None:
            return pattern.search(self.text, self.start, self.end) is not None
        return in_lower_case.search(self.lowered, self.start, self.end) is not None


def _holds_any(text: str, parts: tuple[str, ...], start: int, end: int) -> bool:
    """Whether one of `parts` is in text[start:end] (a loop: quicker than any() here)."""
    for part in parts:  # noqa: SIM110 (no generator made per call)
        if text.find(part, start, end) >= 0:
            return True
    return False


def _statistic_matches(text: str, paragraph: Span, clues: Clues) -> list[re.Match[str]]:
    """STATISTIC.finditer's matches, tried only just before each number. A qualifier or a
    currency holds no number: the next match, if it begins before the next number, is that
    number's."""
    number_start: WordStartPattern | re.Pattern[str]
    searched, number_start = text, NUMBER_START
    if clues.may_have(*LOWER_WORD_CURRENCIES):
        number_start = NUMBER_START_AFTER_CURRENCY
    elif clues.lowered is not None:
        searched, number_start = clues.lowered, LOWER_NUMBER_START  # the same offsets
    matches = []
    position = paragraph.start
    while number := number_start.search(searched, position, paragraph.end):
        at = number.start()
        match = _first_match(text, _earliest_start(text, at, position), at, paragraph.end)
        if match:
            matches.append(match)
            position = match.end()
        else:
            position = at + 1  # no match begins at or before this number
    return matches


def _first_match(text: str, first: int, last: int, end: int) -> re.Match[str] | None:
    """The match that begins first in [first, last], tried only where MAY_BEGIN holds."""
    for start in MAY_BEGIN.finditer(text, first, last + 1):
        if start.start() > last:
            break
        if match := STATISTIC.match(text, start.start(), end):
            return match
    return None


def _earliest_start(text: str, number_at: int, floor: int) -> int:
    """The earliest a match whose number begins at `number_at` can begin, not before `floor`:
    BEFORE_NUMBER characters back, then back over spaces and the longest qualifier."""
    start = max(floor, number_at - BEFORE_NUMBER)
    while start > floor and text[start - 1].isspace():
        start -= 1
    return max(floor, start - LONGEST_QUALIFIER)


def _without_overlaps(found: list[StatisticSpan]) -> list[StatisticSpan]:
    kept: list[StatisticSpan] = []
    for stat in sorted(found, key=lambda s: (s.span.start, -s.span.end)):
        if kept and stat.span.start < kept[-1].span.end:
            continue
        kept.append(stat)
    return kept
