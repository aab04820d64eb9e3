"""The rules of statistics.py: numbers with their qualifiers, currencies, ranges and units,
and the context that shows a number is no statistic (a year, a date, a time, a score).

Each rule is a named pattern with invented examples it must find and must not find
(tests/test_extract_rules.py tries them). Its words come from newsfacts/lexicons/; numbers
in words and digits are numbers.py's.
"""

from __future__ import annotations

import re

from . import numbers
from .lexicons import word_set, word_table
from .rules import Rule
from .text import alternation

# -- the parts of a statistic -------------------------------------------------------------

_QUALIFIER_OF = word_table("qualifiers.txt")  # phrase -> qualifier
# qualifier -> its phrases, in the lexicon's order (the order _qualifier tries them in)
QUALIFIERS = {
    qualifier: [phrase for phrase, of in _QUALIFIER_OF.items() if of == qualifier]
    for qualifier in dict.fromkeys(_QUALIFIER_OF.values())
}
# No qualifier begins another of its kind: as letter trees they match as the plain lists do.
QUALIFIER = "|".join(f"(?P<{name}>{alternation(words)})" for name, words in QUALIFIERS.items())
ONE_WORD_QUALIFIERS = frozenset(phrase for phrase in _QUALIFIER_OF if " " not in phrase)

CURRENCIES = word_table("currencies.txt")  # sign -> ISO 4217 code
CURRENCY = "|".join(re.escape(c) for c in sorted(CURRENCIES, key=len, reverse=True))
MONTHS = alternation(word_set("months.txt"))
TIME_UNIT_WORDS = word_set("time_units.txt")
TIME_UNIT = alternation(TIME_UNIT_WORDS)
TIME_UNITS = rf"(?:{TIME_UNIT}s?|centuries)"
MEASURE_UNITS = word_table("measure_units.txt")  # form -> the unit recorded

SHORT_SCALE = r"(?:bn|tn|m|(?-i:k))\b"  # $2bn, ¥1.2tn, $5m, $5k ("4K" is a screen)
# "seven hundred and sixty-eight": "and" joins a number in words after a scale (not the range
# "between fifty and two hundred": no scale may follow)
AND_WORD_NUMBER = rf"(?:\sand\s{numbers.WORD_NUMBER}\b(?![\s-]{numbers.SCALE}))?"
NUMBER = (
    rf"(?P<currency>{CURRENCY})?\s?"
    rf"(?P<number>(?:{numbers.DIGITS})(?:{numbers.MIXED_FRACTION})?(?:\s?{numbers.SCALE}\b|{SHORT_SCALE})*"
    rf"|(?:{numbers.WORD_NUMBER}|a|an)(?:[\s-]{numbers.SCALE}\b)+{AND_WORD_NUMBER}"
    rf"|{numbers.WORD_NUMBER}\b)"
    r"(?P<cents>(?-i:c)\b)?"
    r"(?P<percent>\s?%|\s?per ?cent\b|\s?percentage points?\b)?"
)
UPPER = (
    rf"(?P<upper>(?:{CURRENCY})?\s?(?:(?:{numbers.DIGITS})(?:{SHORT_SCALE})?"
    rf"|{numbers.WORD_NUMBER}\b|an?(?=\s{numbers.SCALE}\b))"
    rf"(?P<upper_scale>(?:\s{numbers.SCALE}\b)+)?)"
    r"(?P<upper_percent>\s?%|\s?per ?cent\b|\s?percent\b)?"
)
# "6 to 8 million", "25 to 30 percent"; never after a percentage ("12 per cent to $870 million")
# ... but two percentages joined by a dash or "and" ("4.25%-4.50%", "between 4.1% and 4.3%")
RANGE = (
    r"(?:(?:(?<!%)(?<!cent)\s?(?:-|–|to|and|or)|(?<=%)(?:[-–]|\sand)(?=\s?\d[\d.]*\s?%))"
    rf"\s?(?:as many as\s)?{UPPER})"
)
# No letter, digit or number punctuation before a statistic, and no digit soon after it.
MAY_BEGIN = r"(?<![\w$.,:/&-])"

# -- statistics ---------------------------------------------------------------------------

STATISTIC = Rule(
    "statistic",
    "A number, perhaps qualified, in a currency, scaled, a percentage, or a range of two.",
    re.compile(rf"{MAY_BEGIN}(?:(?:{QUALIFIER})\s+)?{NUMBER}{RANGE}?(?![\w:/-]*\d)", re.IGNORECASE),
    matches=("22 to 26", "about 7,350", "more than 68 per cent", "two million", "$9bn"),
    rejects=("22:49", "A7", "no figures"),
    how="fullmatch",
)
ONE_NUMBER = Rule(  # STATISTIC without a range: a bound that cannot be one
    "one_number",
    "A statistic of one number: each half of a range whose second number is no bound.",
    re.compile(rf"{MAY_BEGIN}(?:(?:{QUALIFIER})\s+)?{NUMBER}(?![\w:/-]*\d)", re.IGNORECASE),
    matches=("about 7,350", "$9bn"),
    rejects=("22 to 26", "no figures"),
    how="fullmatch",
)
FRACTION = Rule(
    "fraction",
    "A fraction in words: 'a third of', 'two-thirds', 'half the', 'nearly half' (after a"
    " qualifier), 'half a billion'.",
    re.compile(
        rf"\b(?P<numerator>a|an|one|{numbers.WORD_NUMBER})[\s-]"
        rf"(?P<denominator>{alternation(numbers.FRACTIONS)})\b"
        rf"|\b(?P<half>half)(?:\s+an?\s+(?P<half_scale>{numbers.SCALE})\b"
        r"|\s+(?=of\b|the\b)|(?<=\w\shalf)(?=[\s,.;]))",
        re.IGNORECASE,
    ),
    matches=(
        "a third of voters",
        "two-thirds",
        "half the seats",
        "nearly half are",
        "half a billion",
        "one-eighth of the costs",
    ),
    rejects=("halfway there", "the third round", "half time", "the fifth day"),
)
HALF_AS_MUCH = Rule(
    "half_as_much",
    "'as much' or 'as many' after a bare 'half': a fraction ('half as much coal').",
    re.compile(r"\sas\s(?:much|many)\b"),
    matches=(" as much coal", " as many"),
    rejects=(" as well", "as much"),
    how="match",
)
HALF_OF_A_PERIOD = Rule(
    "half_of_a_period",
    "'first' or 'second' just before 'half': a period or a part of a match ('the second half of "
    "2026'), not an amount.",
    re.compile(r"\b(?:first|second|latter)\s$", re.IGNORECASE),
    matches=("in the second ", "the First "),
    rejects=("the other ", "first"),
)
QUALIFIER_BEFORE = Rule(
    "qualifier_before",
    "A qualifier just before a fraction, ratio or duration: 'about' two-thirds.",
    re.compile(rf"(?<![\w-])(?:{QUALIFIER})\s+$", re.IGNORECASE),
    matches=("imports about ", "Nearly ", "at least "),
    rejects=("about", "roundabout ", "about the "),
)
FOR_BEFORE = Rule(
    "for_before",
    "'for' just before 'a' and a unit of time: a duration ('for a decade').",
    re.compile(r"\bfor\s$", re.IGNORECASE),
    matches=("waited for ", "For "),
    rejects=("for", "before "),
)
OF_A_SCALE = Rule(
    "of_a_scale",
    "'of a million' after a fraction: the fraction scales it ('a quarter of a million').",
    re.compile(rf"\s*of\san?\s(?P<scale>{numbers.SCALE})\b", re.IGNORECASE),
    matches=(" of a million", "of a billion"),
    rejects=(" of a mile", " of millions"),
    how="match",
)
AMOUNT_BEFORE = Rule(
    "amount_before",
    "An amount just before 'a' or 'an': what follows is a rate's unit, not one of it ('$9,120 a"
    " tonne', '¥90 billion a quarter', '40 cents a litre').",
    re.compile(
        rf"(?:\d%?|\d{SHORT_SCALE}|\b(?:{numbers.SCALE}|cents?|pence|dollars|euros|pounds|yen))"
        r"\s$",
        re.IGNORECASE,
    ),
    matches=("$9,120 ", "¥90 billion ", "40 cents ", "$2bn "),
    rejects=("rose by ", "a third ", "nearly "),
)
MEASURE_WORDS = alternation(word_set("measure_words.txt"))
IRREGULAR_PLURALS = word_set("irregular_plurals.txt")  # "children": a plural, no final "s"
A_MEASURE = rf"\ban?\s(?P<unit>{MEASURE_WORDS})\b"
MEASURE = Rule(
    "measure",
    "'a' or 'an' counting a unit of measure: 'a foot of rain' is one foot.",
    re.compile(rf"(?:(?:{QUALIFIER})\s+)?{A_MEASURE}", re.IGNORECASE),
    matches=("a foot of rain", "nearly a mile"),
    rejects=("a footnote", "an hour"),
)
COMPOUND_UNIT = (
    rf"-(?P<unit>{alternation(word_set('time_units.txt') | word_set('compound_units.txt'))})\b"
)
ORDINAL_UNIT = "second"  # the unit of time that is also an ordinal ("a second term")
DURATION = Rule(
    "duration",
    "'a' or 'an' counting a unit of time, with a half or not: a duration when qualified, after"
    " 'for', or with the half ('half an hour', 'an hour and a half'; not 'a day later').",
    re.compile(
        rf"(?P<half_before>half\s)?\ban?\s(?P<half_inside>half\s)?(?P<unit>{TIME_UNIT})\b"
        r"(?P<and_a_half>\sand\sa\shalf\b)?"
        r"(?!\s(?:later|earlier|ago|after|before|from now|since)\b)",
        re.IGNORECASE,
    ),
    matches=("half an hour", "an hour and a half", "a half century", "a decade"),
    rejects=("a day later", "a year ago", "an hourly"),
)
COMPOUND = Rule(
    "compound",
    "A number hyphened to a unit: 'a two-hour delay', 'a 26-storey block'; not an age.",
    re.compile(rf"\b(?P<number>\d+|{numbers.WORD_NUMBER}){COMPOUND_UNIT}(?!-old)", re.IGNORECASE),
    matches=("a two-hour delay", "a 26-storey block"),
    rejects=("a 26-year-old", "one-sided"),
)
AGE = Rule(
    "age",
    "An age: 'a 77-year-old', 'a nine-year-old', 'aged 77'.",
    re.compile(
        rf"\b(?P<number>\d{{1,3}})-year-old\b|\b(?P<words>(?i:{numbers.WORD_NUMBER}))-year-old\b"
        r"|\baged (?P<aged>\d{1,3})\b"
    ),
    matches=("a 77-year-old man", "aged 77", "The nine-year-old girl", "a twenty-five-year-old"),
    rejects=("a 2037-year-old tree", "teenaged 17"),
)
APPOSED_AGE = Rule(
    "apposed_age",
    "A number alone between commas right after a name: a person's age, in years ('Priya "
    "Ramsden, 48, said').",
    re.compile(r"[A-Z][\w'’.-]*,\s(?P<number>\d{1,3}),"),
    matches=("Priya Ramsden, 48, said", "Concepción Marín, 63, added"),
    rejects=("the city, 48, said", "In 2019, 48 people", "Ramsden, 48 said"),
)
MAX_AGE = 120  # the oldest age APPOSED_AGE reads
VAGUE = Rule(
    "vague",
    "'tens of thousands': at least 10,000.",
    re.compile(r"\b(?P<scale>tens|hundreds) of (?P<of>thousands|millions)\b", re.IGNORECASE),
    matches=("tens of millions of voters", "Hundreds of millions"),
    rejects=("tens of people", "thousands of voters"),
)
A_OR_AN = Rule(
    "a_or_an",
    "A number that is only 'a' or 'an' ('a hundred' is one, 'a' alone is not).",
    re.compile(r"an?", re.IGNORECASE),
    matches=("a", "An"),
    rejects=("any", "one"),
    how="fullmatch",
)

RATIO = Rule(
    "ratio",
    "One number in another: 'one in four patients' is a quarter; 'nine out of 10' counts nine.",
    re.compile(
        rf"\b(?P<part>\d+|{numbers.WORD_NUMBER})"
        rf"\s(?:in|(?P<out_of>out\sof))\s(?:the\s)?(?P<whole>\d{{1,3}}(?:,\d{{3}})*|{numbers.WORD_NUMBER})\b(?![.,]?\d)",
        re.IGNORECASE,
    ),
    matches=("one in four patients", "Three in four families", "nine out of the 10 toys"),
    rejects=("one in the morning", "four in 2019", "ten of them", "one in 2.5"),
)

# -- the counted object and the unit ------------------------------------------------------

OF = Rule(
    "of",
    "'of' or 'of the' after a scaled number: 'two million of the ...'.",
    re.compile(r"\s(?:of|of the)\s"),
    matches=(" of the town", " of them"),
    rejects=(" off the road", "of the town"),
    how="match",
)
SCALED = Rule(
    "scaled",
    "A number that ends in a scale, after which 'of' leads to what it counts.",
    re.compile(rf"\b(?:{numbers.SCALE}|tens|hundreds|thousands|millions)s?$", re.IGNORECASE),
    matches=("two million", "tens"),
    rejects=("two people", "millionaire"),
)
NEXT_WORD = Rule(
    "next_word",
    "A lower-case word after a number: a word of the counted object.",
    re.compile(r"\s([a-z][a-z-]*)"),
    matches=(" people", " long-term jobs"),
    rejects=(" People", ", people"),
    how="match",
)
FRACTION_OBJECT = Rule(
    "fraction_object",
    "What a fraction counts: 'a third of the voters'.",
    re.compile(r"\s?(?:of\s)?(?:the\s|its\s|their\s)?([a-z][a-z-]*)"),
    matches=(" of the voters", " their seats"),
    rejects=(" 86", " Voters"),
    how="match",
)
_GLUED_UNITS = sorted(
    (u for u in MEASURE_UNITS if u[0] == "°" or len(u) <= 2), key=len, reverse=True
)
GLUED_UNIT = Rule(
    "glued_unit",
    "A unit of measure written right after the number: '2°C', '40km'.",
    re.compile(rf"(?:{'|'.join(map(re.escape, _GLUED_UNITS))})(?![^\W\d_])"),
    matches=("°C warming", "km of road"),
    rejects=("kmh", " km", "kilometres"),
    how="match",
)
POINTS_AFTER = Rule(
    "points_after",
    "Basis or percentage points right after a number, perhaps glued: '50 basis points', '7bp',"
    " '100 bps', '2pp', '0.3 ppts'.",
    re.compile(
        r"(?:\s?(?P<basis>bps?)|\s?(?:ppts?|pp)|\s(?P<basis_words>basis)\spoints?"
        r"|\spercentage\spoints?)\b"
    ),
    matches=(" basis points", "bp", " bps", "pp", " ppts", " percentage point"),
    rejects=(" points", "bpm", " basis"),
    how="match",
)
CURRENCY_WORDS = word_table("currency_words.txt")  # phrase -> ISO 4217 code
CURRENCY_AFTER = Rule(
    "currency_after",
    "A currency named after an amount: '800 million euros', '300 Australian dollars'.",
    re.compile(
        rf"\s({'|'.join(re.escape(c) for c in sorted(CURRENCY_WORDS, key=len, reverse=True))})\b"
    ),
    matches=(" euros", " Australian dollars of aid", " dollars"),
    rejects=(" Euros", " dollarisation", "euros"),
    how="match",
)
RATE = Rule(
    "rate",
    "A rate after the counted object: 'two doses a week'.",
    re.compile(rf"\s(?:a|an|per|each)\s{TIME_UNIT}\b"),
    matches=(" a day", " per week"),
    rejects=(" a dozen", " weekly"),
    how="match",
)
AND_A_HALF = Rule(
    "and_a_half",
    "A half added to the number before: 'six and a half years', 'three and a half days'.",
    re.compile(r"\sand\sa\shalf\b(?!\s(?:of|the)\b)"),
    matches=(" and a half years", " and a half"),
    rejects=(" and a half of the", " and half"),
    how="match",
)
PER_BEFORE = Rule(
    "per_before",
    "'per' just before a number: the rate's denominator ('12 cases per 100,000 people'), no"
    " statistic of its own.",
    re.compile(r"\bper\s$"),
    matches=("12 cases per ",),
    rejects=("percent ", "per cent "),
)
LEADING_CURRENCY = Rule(
    "leading_currency",
    "The currency sign before a range's upper bound, left out to read its number.",
    re.compile(rf"^(?:{CURRENCY})\s?"),
    matches=("$9bn", "€ 44"),
    rejects=("9bn", "44 €"),
)
CURRENCY_AT = Rule(
    "currency_at",
    "A range's upper bound that begins with a currency sign.",
    re.compile(CURRENCY),
    matches=("US$8", "£13"),
    rejects=("57", "13 pounds"),
    how="match",
)
LENGTH_IN_M = Rule(
    "length_in_m",
    "An 'm' after digits with no currency: '35m' is a length, not millions (unless what is "
    "counted follows: COUNTED_AFTER_M); '9bn' is always billions.",
    re.compile(r"\dm$"),
    matches=("49m", "6.7m"),
    rejects=("49mm", "49 m", "9bn"),
)
COUNTED_AFTER_M = Rule(
    "counted_after_m",
    "A plural noun after '6.7m': what is counted, in millions ('6.7m offences', '9m people'); "
    "not a length's ('3m high', 'the 100m sprint').",
    re.compile(r"\s(?:[a-z]+s|people|children|men|women)\b"),
    matches=(" offences", " people", " households"),
    rejects=(" high", " sprint", " tall"),
    how="match",
)
CHANGE_BEFORE = Rule(
    "change_before",
    "A word of change right before an amount ('fell $29 to $1,992'): a far larger second amount "
    "(LEVEL_FACTOR times) is the new level, not a range's upper end.",
    re.compile(rf"\b{alternation(word_set('change_words.txt'))}\s$", re.IGNORECASE),
    matches=("Gold fell ", "slipped by ", "shares were up "),
    rejects=("between ", "from "),
)
LEVEL_FACTOR = 4  # "rose 5 to 10 percent" stays a range; "fell $29 to $1,992" does not
LEVELS_FROM_BEFORE = Rule(
    "levels_from_before",
    "'from' right before an amount, with no word of spread before it: 'rose from 440 to 460',"
    " 'raising the rate from 440 to 460' name the old level and the new one, two statistics;"
    " 'aged from 14 to 78', 'ranging from' name a range.",
    re.compile(
        r"(?!.*\b(?:rang(?:e|es|ed|ing)|aged?|ages|anywhere|var(?:y|ies|ied|ying))\b).*\bfrom\s$",
        re.IGNORECASE,
    ),
    matches=("Attendance rose from ", "the rate from "),
    rejects=("aged from ", "ranged in age from ", "rose to "),
    how="match",
)
SCALE_WORD = Rule(
    "scale_word",
    "A scale word in the first number: '6 to 8 million' scales the first only when it has none.",
    re.compile(numbers.SCALE, re.IGNORECASE),
    matches=("two Million", "a dozen"),
    rejects=("twelve", "ninety"),
)

# -- what is not a statistic -------------------------------------------------------------

YEAR = Rule(
    "year",
    "Four digits that may be a year.",
    re.compile(r"(1[5-9]|20)\d\d"),
    matches=("1650", "2037"),
    rejects=("2150", "1450", "650"),
    how="fullmatch",
)
NOT_A_YEAR_AFTER = Rule(
    "not_a_year_after",
    "After four digits, a unit or a plural noun: '1900km', '2000 people' are counts.",
    re.compile(r"[a-z°]|\s(?:people|(?!thanks\b)[a-z]{3,}s)\b"),
    matches=("km of road", " people", " ships sank"),
    rejects=(" in", ", when", " is over", " was a year", " thanks to"),
    how="match",
)
CODE = Rule(
    "code",
    "Digits with a leading zero are a code ('007').",
    re.compile(r"0\d+"),
    matches=("0079",),
    rejects=("74", "O7"),
    how="fullmatch",
)
PHONE_GROUP = Rule(
    "phone_group",
    "Just before a number, '+' or groups of a phone number that open with '+' or '0': the "
    "number is one more group ('0808 168 9111', '+81 3 5555 0172').",
    re.compile(r"(?:\+|(?:\+\d{1,3}|(?<![\d,.])0\d{2,4})(?:\s\d{1,5})*\s)$"),
    matches=("call +", "on 0808 ", "+81 3 5555 ", "0808 168 "),
    rejects=("rose 5 ", "in 2020 ", "by 10 ", "A$500,000 "),
)
MONTH_BEFORE = Rule(
    "month_before",
    "A month just before a number: a date ('since March 4').",
    re.compile(rf"\b(?:{MONTHS})\.?,?\s$", re.IGNORECASE),
    matches=("on Jan. ", "since March "),
    rejects=("marching ", "since March 22 "),
)
MONTH_AFTER = Rule(
    "month_after",
    "A month just after a number: a date ('4 May').",
    re.compile(rf"\s(?:{MONTHS})\b", re.IGNORECASE),
    matches=(" May", " sept."),
    rejects=(" Maybe", "May"),
    how="match",
)
CLOCK_AFTER = Rule(
    "clock_after",
    "Minutes or a.m./p.m. after a number: a clock time.",
    re.compile(
        r"(?::\d\d|\s?[ap]\.?m\b|\s?o'clock|\sin\sthe\s(?:morning|afternoon|evening)\b"
        rf"|\s(?-i:{alternation(word_set('time_zones.txt'))})\b)",  # "by 1400 GMT"
        re.IGNORECASE,
    ),
    matches=(":49", " pm", "a.m.", " o'clock", " in the morning", " GMT"),
    rejects=(" people", " apples"),
    how="match",
)
ORDINAL_AFTER = Rule(
    "ordinal_after",
    "An ordinal ending after digits: '3rd', '21st'.",
    re.compile(r"(?:st|nd|rd|th)\b"),
    matches=("th round", "nd"),
    rejects=("s", "three"),
    how="match",
)
NAME_BEFORE = Rule(
    "name_before",
    "A capitalised word just before digits: a name ('Route 77').",
    re.compile(r"[A-Z][\w-]*\s$"),
    matches=("Route ", "the Apollo "),
    rejects=("route ", "Route"),
)
NAME_THEN_BRACKET = Rule(
    "name_then_bracket",
    "A capitalised word, then an opening bracket, just before a number: 'Harbour News (2)'.",
    re.compile(r"[A-Z][\w-]*\s\($"),
    matches=("Harbour News (",),
    rejects=("news (", "Harbour News ("[:-1]),
)
LABEL_BEFORE = Rule(
    "label_before",
    "A noun that labels, or a word with a capital inside ('iPhone'), just before digits: the"
    " digits name something ('page 5', 'season 3', 'iOS 10').",
    re.compile(
        rf"(?:\b{alternation(word_set('label_nouns.txt'))}|(?-i:\b[a-z]+[A-Z][\w-]*))\s$",
        re.IGNORECASE,
    ),
    matches=("on page ", "in season ", "the iPhone ", "Room "),
    rejects=("pages of ", "roomy ", "seasoned ", "sold "),
)
DECADE_AFTER_APOSTROPHE = Rule(
    "decade_after_apostrophe",
    "An apostrophe just before two digits: a decade or a year ('the ’90s', 'class of ’98').",
    re.compile(r"['’]$"),
    matches=("the ’", "of '"),
    rejects=("the ", "’s "),
)
RELATIVE_AFTER = Rule(
    "relative_after",
    "A unit of time then 'later', 'ago' and the like: a relative time.",
    re.compile(
        rf"\s(?:{TIME_UNITS}|mins?|hrs?|secs?)\s"
        r"(?:(?:later|earlier|ago|after|before|from now|since)\b|on(?=[,.;]))",
        re.IGNORECASE,
    ),
    matches=(" days later", " years ago", " centuries on,", " min ago"),
    rejects=(" days of rain", " days laterally", " minutes on Tuesday"),
    how="match",
)
RATE_AFTER = Rule(
    "rate_after",
    "A word then a rate after 'one': 'one dose a week' counts.",
    re.compile(rf"\s[a-z]+\s(?:a|an|per|each)\s{TIME_UNIT}\b"),
    matches=(" dose a week", " visit per month"),
    rejects=(" dose weekly", " of them"),
    how="match",
)
ONE_UNIT_AFTER = Rule(
    "one_unit_after",
    "A unit of time or measure after 'one': 'roughly one hour' counts, once qualified.",
    re.compile(rf"\s(?:{TIME_UNIT}|{alternation(MEASURE_UNITS)})\b", re.IGNORECASE),
    matches=(" hour", " mile of road"),
    rejects=(" man", " hours"),
    how="match",
)
TIME_UNIT_WORD = Rule(
    "time_unit_word",
    "A unit of time, singular or plural: the unit of the number before it.",
    re.compile(TIME_UNITS),
    matches=("hour", "centuries", "years"),
    rejects=("hourly", "yearn"),
    how="fullmatch",
)
THE_BEFORE = Rule(
    "the_before",
    "'the' before a number in words: 'the two agreed' names people.",
    re.compile(r"\bthe\s$", re.IGNORECASE),
    matches=("of the ", "The "),
    rejects=("bathe ", "the"),
)
PLURAL_AFTER = Rule(
    "plural_after",
    "A plural noun after 'the two': 'the two ships' counts.",
    re.compile(r"\s[a-z]+s\b"),
    matches=(" ships", " teams met"),
    rejects=(" continued", " men"),
    how="match",
)
SCORE_AFTER = Rule(
    "score_after",
    "A dash then digits after a number: a score ('3-1').",
    re.compile(r"[-–]\d"),
    matches=("-13", "–13 win"),
    rejects=(" - 13", "-year"),
    how="match",
)
SCORE_BEFORE = Rule(
    "score_before",
    "Digits then a dash before a number: a score.",
    re.compile(r"\d[-–]$"),
    matches=("won 22-", "won 22–"),
    rejects=("won 22 ", "won 22-13"),
)
SCORE = Rule(
    "score",
    "Two numbers joined by a dash: a score unless it runs upwards (a range).",
    re.compile(r"(\d+)[-–](\d+)"),
    matches=("22-13", "22–26"),
    rejects=("22 to 13", "22-"),
    how="fullmatch",
)
_ERA_MARKS = "|".join(
    re.escape(w) for w in sorted(word_set("era_marks.txt"), key=len, reverse=True)
)
ERA_AFTER = Rule(
    "era_after",
    "An era after a number: a year ('500 BC', '1200 A.D.').",
    re.compile(rf"\s(?:{_ERA_MARKS})(?!\w)"),
    matches=(" BC", " B.C. at the latest", " AD,"),
    rejects=(" BCx", " bc", "BC"),
    how="match",
)
LIST_NUMBER = Rule(
    "list_number",
    "Digits that open a paragraph, then a period or bracket: an item's number in a list.",
    re.compile(r"[.)]\s"),
    matches=(". The drawing", ") Next"),
    rejects=(".5 million", " people"),
    how="match",
)
GLUED_CAPITAL = Rule(
    "glued_capital",
    "One capital letter right after digits: a name or model ('5G', '4K', '3D'), not a count.",
    re.compile(r"[A-Z](?![A-Za-z])"),
    matches=("G networks", "D printer", "P/comet"),
    rejects=("GB of data", "km", " G"),
    how="match",
)
_STREET_WORDS = sorted(word_set("street_words.txt"), key=len, reverse=True)
ADDRESS_AFTER = Rule(
    "address_after",
    "A street's name, or 'block of', after a number: an address ('at 12 Elm Street').",
    re.compile(
        rf"\s(?:[A-Z][\w'’-]*\s){{1,3}}(?:{'|'.join(re.escape(w) for w in _STREET_WORDS)})(?!\w)"
        r"|\sblock\sof\b"
        r"|\s(?:North|South|East|West)\b(?![\s-][A-Z])"  # "at 10600 South"; not "South Koreans"
    ),
    matches=(" Elm Street", " New York Avenue", " block of Elm Drive", " South and"),
    rejects=(" Elm trees", " streets", " Democrats", " South Koreans"),
    how="match",
)
AT_A_NAME = Rule(
    "at_a_name",
    "'at' before digits that a capitalised name follows: an address ('at 30 Quay Plaza').",
    re.compile(r"\b[Aa]t\s$"),
    matches=("met at ", "At "),
    rejects=("that ", "at"),
)
NAME_AFTER = Rule(
    "name_after",
    "A capitalised word right after a number: with 'at' before it, an address.",
    re.compile(r"\s[A-Z]"),
    matches=(" Quay Plaza",),
    rejects=(" people", "Quay"),
    how="match",
)
ZERO_DESCRIBES = Rule(
    "zero_describes",
    "'zero' before a singular word or hyphened to one describes it ('zero tolerance',"
    " 'zero-rated'): a count of none takes a plural ('zero deaths').",
    re.compile(r"(?:-|\s)(?!(?:people|children|men|women)\b)[a-z]+(?<!s)\b"),
    matches=("-rated offers", " tolerance", " rating"),
    rejects=(" deaths", " people", ", and"),
    how="match",
)
FOOTNOTE_AFTER = Rule(
    "footnote_after",
    "After a number in square brackets: a mark, the text's end or a capital, as a note's"
    " number is followed ('[1].', '[2] Americans'); not a word ('[12] players').",
    re.compile(r"\](?:[^\w\s]|\s*$|\s+[A-Z“\"‘])"),
    matches=("].", "] Americans were", "]", "] “Very large” is"),
    rejects=("] players", "] to 48"),
    how="match",
)
