"""Numbers in digits or words, with scales: "12,500", "3 million", "fifty-two", "two dozen"."""

from __future__ import annotations

import re

from .text import alternation

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "m": 1_000_000,
    "bn": 1_000_000_000,
    "k": 1_000,
    "dozen": 12,
}
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4}

# Letter trees, longest first where one word begins another ("seventeen" before "seven"): the
# same matches as plain alternations of the words, found with far fewer tries.
_unit = alternation(UNITS)
_ten = alternation(TENS)
WORD_NUMBER = rf"(?:{_ten}(?:[- ]{_unit})?|{_unit})"
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALE_WORDS = ("hundred", "thousand", "million", "billion", "trillion", "dozen")
SCALE = alternation(SCALE_WORDS)
WORD_SEPARATOR = re.compile(r"[\s-]+")
LEADING_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
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
    value = float(digits.group(0).replace(",", ""))
    rest = number[digits.end() :].strip().lower()
    for word in LETTERS.findall(rest):
        if word in SCALES:
            value *= SCALES[word]
    return value


def fraction_value(numerator: str, denominator: str) -> float:
    top = 1.0 if numerator.lower() in ("a", "an", "one") else word_value(numerator)
    return top / FRACTIONS[denominator.lower()]
