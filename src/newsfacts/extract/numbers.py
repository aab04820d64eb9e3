"""Numbers in digits or words, with scales: "12,500", "3 million", "fifty-two", "two dozen"."""

from __future__ import annotations

import re
from decimal import Decimal

from .lexicons import word_table
from .text import alternation

_NUMBER_WORDS = {word: int(value) for word, value in word_table("number_words.txt").items()}
UNITS = {word: value for word, value in _NUMBER_WORDS.items() if value < 20}
TENS = {word: value for word, value in _NUMBER_WORDS.items() if value >= 20}
_SCALE_FACTORS = {word: int(factor) for word, factor in word_table("scale_words.txt").items()}
SCALE_WORDS = tuple(_SCALE_FACTORS)
# Scales written after digits: "$2bn", "$5m", "$5k" (notation, not words).
SHORT_SCALES = {"m": 1_000_000, "bn": 1_000_000_000, "tn": 1_000_000_000_000, "k": 1_000}
SCALES = _SCALE_FACTORS | SHORT_SCALES
FRACTIONS = {word: int(parts) for word, parts in word_table("fraction_words.txt").items()}

# Letter trees, longest first where one word begins another ("seventeen" before "seven"): the
# same matches as plain alternations of the words, found with far fewer tries.
_unit = alternation(UNITS)
_ten = alternation(TENS)
WORD_NUMBER = rf"(?:{_ten}(?:[- ]{_unit})?|{_unit})"
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALE = alternation(SCALE_WORDS)
WORD_SEPARATOR = re.compile(r"[\s-]+")
LEADING_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
# "3 1/2": a whole number then a fraction in digits
MIXED_FRACTION = r"\s[1-9]/[1-9]\d?(?![\d/])"
DIGIT_FRACTION = re.compile(r"\s?([1-9])/([1-9]\d?)")
LETTERS = re.compile(r"[a-z]+")


def word_value(words: str) -> float:
    """The value of a number written in words: "fifty-two" -> 52, "two hundred" -> 200."""
    total = 0.0
    current = 0.0
    for word in WORD_SEPARATOR.split(words.lower()):
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in ("a", "an", "and"):
            current = current or (1 if word != "and" else 0)
        elif word in SCALES:
            current = (current or 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total += current
                current = 0
    return total + current


def parse(number: str) -> float:
    """Digits with separators and decimals, words, or both ("6 million", "1.2bn")."""
    digits = LEADING_DIGITS.match(number)
    if not digits:
        return word_value(number)
    # decimal arithmetic: "4.1 billion" is 4100000000, not 4099999999.9999995
    value = Decimal(digits.group(0).replace(",", ""))
    fraction = DIGIT_FRACTION.match(number, digits.end())
    if fraction:  # "3 1/2"
        value += Decimal(int(fraction.group(1))) / int(fraction.group(2))
    rest = number[fraction.end() if fraction else digits.end() :].strip().lower()
    for word in LETTERS.findall(rest):
        if word in SCALES:
            value *= SCALES[word]
    return float(value)


def fraction_value(numerator: str, denominator: str) -> float:
    top = 1.0 if numerator.lower() in ("a", "an", "one") else word_value(numerator)
    return top / FRACTIONS[denominator.lower()]
