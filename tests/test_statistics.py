"""Statistic rules: digits, words, scales, money, percentages, ranges, qualifiers, exclusions."""

from __future__ import annotations

import pytest

from .conftest import run_extract, statistics_of


@pytest.mark.parametrize(
    ("sentence", "text", "value", "obj", "unit"),
    [
        ("Police arrested 1,250 people.", "1,250 people", 1250, "people", None),
        ("The rate rose by 2.75 points.", "2.75 points", 2.75, "points", None),
        ("About 6 million voters turned out.", "About 6 million voters", 6_000_000, "voters", None),
        ("The plan costs $1.2 billion.", "$1.2 billion", 1_200_000_000, None, "USD"),
        ("Each family got $A8,800 in aid.", "$A8,800", 8800, None, "AUD"),
        ("The fare is HK$45.", "HK$45", 45, None, "HKD"),
        ("Turnout was 40 per cent.", "40 per cent", 40, None, "percent"),
        ("Turnout was 40%.", "40%", 40, None, "percent"),
        ("They found forty-three bodies.", "forty-three bodies", 43, "bodies", None),
        ("He sold two dozen eggs.", "two dozen eggs", 24, "eggs", None),
        ("Half of the voters stayed home.", "Half of the voters", 0.5, "voters", None),
        ("A third of the staff left.", "A third of the staff", 1 / 3, "staff", None),
        ("The fire destroyed 14 homes.", "14 homes", 14, "homes", None),
        ("The city paid $5k for the study.", "$5k", 5_000, None, "USD"),
        ("She has 10k followers.", "10k followers", 10_000, "followers", None),
        ("One in five children lives in poverty.", "One in five children", 0.2, "children", None),
    ],
)
def test_numbers_and_values(
    sentence: str, text: str, value: float, obj: str | None, unit: str | None
) -> None:
    _, extraction = run_extract(sentence)
    (stat,) = extraction.statistics
    assert stat.span.of(sentence) == text
    assert stat.value == pytest.approx(value)
    assert (stat.object, stat.unit) == (obj, unit)


@pytest.mark.parametrize(("amount", "value"), [("4.1 billion", 4_100_000_000), ("7.1m", 7_100_000)])
def test_a_scaled_decimal_is_exact(amount: str, value: int) -> None:
    """Published as written: 4100000000, never 4099999999.9999995."""
    _, extraction = run_extract(f"Revenue was ${amount} last year.")
    assert [s.value for s in extraction.statistics] == [value]


def test_an_upper_case_k_is_not_thousands() -> None:
    _, extraction = run_extract("A 4K television costs $300.")
    assert 4_000 not in [s.value for s in extraction.statistics]


def test_money_and_percent_units() -> None:
    _, extraction = run_extract("The firm made $303 million, up 25 per cent, and paid £4 in tax.")
    units = [(s.value, s.unit) for s in extraction.statistics]
    assert units == [(303_000_000, "USD"), (25, "percent"), (4, "GBP")]


def test_range() -> None:
    _, extraction = run_extract("Between 1,500 to 2,000 protesters marched.")
    (stat,) = extraction.statistics
    assert (stat.value, stat.value_max, stat.object) == (1500, 2000, "protesters")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The fund paid $2bn to 3 firms last year.",
            [("$2bn", 2e9, None, "USD"), ("3 firms", 3, "firms", None)],
        ),
        ("They cut 40 to 30 jobs.", [("40", 40, None, None), ("30 jobs", 30, "jobs", None)]),
    ],
)
def test_a_second_number_that_is_no_upper_bound_is_a_statistic_of_its_own(
    sentence: str, expected: list[tuple[str, float, str | None, str | None]]
) -> None:
    _, extraction = run_extract(sentence)
    found = [
        (s.span.of(sentence), s.value, s.object, s.unit, s.value_max) for s in extraction.statistics
    ]
    assert found == [(*e, None) for e in expected]


@pytest.mark.parametrize(
    ("qualifier_words", "qualifier"),
    [
        ("about", "approximate"),
        ("roughly", "approximate"),
        ("an estimated", "approximate"),
        ("nearly", "approximate"),
        ("more than", "more_than"),
        ("fewer than", "less_than"),
        ("at least", "at_least"),
        ("up to", "up_to"),
        ("no more than", "at_most"),
    ],
)
def test_qualifiers(qualifier_words: str, qualifier: str) -> None:
    found = statistics_of(f"Officials said {qualifier_words} 300 people were hurt.")
    assert found == [(f"{qualifier_words} 300 people", 300, qualifier)]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The nine-year-old girl was found.", "nine-year-old", 9),
        ("A twenty-five-year-old man was held.", "twenty-five-year-old", 25),
    ],
)
def test_an_age_in_words(sentence: str, text: str, value: float) -> None:
    assert statistics_of(sentence) == [(text, value, "exact")]


def test_half_of_a_period_is_no_statistic_and_half_a_unit_is_a_half() -> None:
    assert statistics_of("Profits fell in the second half of the year.") == []
    assert statistics_of("The fire was half a mile away.") == [("half a mile", 0.5, "exact")]
    assert statistics_of("Half of the voters stayed home.") == [
        ("Half of the voters", 0.5, "exact")
    ]


def test_age() -> None:
    _, extraction = run_extract("A 45-year-old man was charged.")
    (stat,) = extraction.statistics
    assert (stat.span.of("A 45-year-old man was charged."), stat.value, stat.object) == (
        "45-year-old",
        45,
        "years",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The law was passed in 2019.",
        "The meeting is on March 3.",
        "They met on 12 June.",
        "The polls close at 8 p.m.",
        "The train leaves at 10:30.",
        "She finished 2nd in the race.",
        "The final score was 3-1.",
        "Apollo 11 landed on the moon.",
        "He returned two days later.",
        "It is one of the oldest towns.",
    ],
)
def test_not_statistics(sentence: str) -> None:
    assert statistics_of(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Talks could worsen tensions in the region.",
        "Camps were later attended by recruits.",
        "He served in the early 1980s in Canberra.",
        "The first Congress met in 1789.",
        "Drivers chose plates such as FBI and 007.",
        "One man was seen leaving.",
        "As the two continued, they argued.",
    ],
)
def test_words_inside_words_decades_codes_and_pronoun_numbers(sentence: str) -> None:
    assert statistics_of(sentence) == []


def test_one_in_a_rate_counts() -> None:
    assert statistics_of("Inmates get one meal a day.") == [("one meal a day", 1, "exact")]


def test_a_unit_and_compound_adjectives() -> None:
    found = statistics_of("Up to a foot of snow fell during a one-hour window.")
    assert found == [("Up to a foot", 1, "up_to"), ("one-hour", 1, "exact")]


@pytest.mark.parametrize(
    ("sentence", "value", "value_max", "unit"),
    [
        ("Between eight to ten people died.", 8, 10, None),
        ("About 6 to 8 million voters turned out.", 6_000_000, 8_000_000, None),
        ("Prices rose 25 to 30 percent.", 25, 30, "percent"),
        ("Costs of $2bn to $3bn were cited.", 2e9, 3e9, "USD"),
        ("Fees run $5k to $10k a year.", 5_000, 10_000, "USD"),
        ("It cost $5m-$8m.", 5e6, 8e6, "USD"),
    ],
)
def test_ranges_share_scale_and_unit(
    sentence: str, value: float, value_max: float, unit: str | None
) -> None:
    _, extraction = run_extract(sentence)
    (stat,) = extraction.statistics
    assert (stat.value, stat.value_max, stat.unit) == (value, value_max, unit)


def test_a_full_lower_end_keeps_its_own_value() -> None:
    _, extraction = run_extract("Estimates range from 200,000 to as many as 5 million people.")
    (stat,) = extraction.statistics
    assert (stat.value, stat.value_max) == (200_000, 5_000_000)


@pytest.mark.parametrize(
    ("sentence", "text", "value", "value_max", "unit", "qualifier"),
    [
        ("The dam cost 1.4 billion euros.", "1.4 billion euros", 1.4e9, None, "EUR", "exact"),
        ("Aid came to 600 Canadian dollars.", "600 Canadian dollars", 600, None, "CAD", "exact"),
        (
            "Turnout was between 40 and 55 percent.",
            "between 40 and 55 percent",
            40,
            55,
            "percent",
            "exact",
        ),
        (
            "They raised an estimated two hundred to four hundred million dollars in pledges.",
            "an estimated two hundred to four hundred million dollars",
            2e8,
            4e8,
            "USD",
            "approximate",
        ),
        (
            "The key is six hundred and forty-two bits long.",
            "six hundred and forty-two bits",
            642,
            None,
            None,
            "exact",
        ),
        (
            "The lab wants between twenty and a hundred sensors.",
            "between twenty and a hundred sensors",
            20,
            100,
            None,
            "exact",
        ),
        ("Half a million ducks flew south.", "Half a million ducks", 500_000, None, None, "exact"),
    ],
)
def test_currencies_named_after_an_amount_ranges_and_numbers_in_words(
    sentence: str,
    text: str,
    value: float,
    value_max: float | None,
    unit: str | None,
    qualifier: str,
) -> None:
    _, extraction = run_extract(sentence)
    (stat,) = extraction.statistics
    assert stat.span.of(sentence) == text
    assert (stat.value, stat.value_max, stat.unit, stat.qualifier) == (
        pytest.approx(value),
        value_max,
        unit,
        qualifier,
    )


@pytest.mark.parametrize(
    ("sentence", "text", "value", "qualifier"),
    [
        ("The town pays one-eighth of the bill.", "one-eighth of the bill", 1 / 8, "exact"),
        (
            "Growers sell about two-thirds of the crop.",
            "about two-thirds of the crop",
            2 / 3,
            "approximate",
        ),
        ("Nearly half stayed home.", "Nearly half", 0.5, "approximate"),
        ("The river carries half as much silt now.", "half", 0.5, "exact"),
        ("Roughly one in five riders paid.", "Roughly one in five riders", 0.2, "approximate"),
        ("Seven out of 10 stalls closed.", "Seven out of 10 stalls", 7, "exact"),
    ],
)
def test_fractions_and_ratios(sentence: str, text: str, value: float, qualifier: str) -> None:
    _, extraction = run_extract(sentence)
    (stat,) = extraction.statistics
    assert stat.span.of(sentence) == text
    assert (stat.value, stat.qualifier) == (pytest.approx(value), qualifier)


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("The ferry ride took half an hour.", "half an hour", 0.5, "hours"),
        ("The vote lasted an hour and a half.", "an hour and a half", 1.5, "hours"),
        ("The crossing took roughly one hour.", "roughly one hour", 1, "hours"),
        ("The mill stood idle for nearly a decade.", "nearly a decade", 1, "decades"),
        ("The feud ran for over half a century.", "over half a century", 50, "years"),
        ("The tide rose for at least 40 minutes on Friday.", "at least 40 minutes", 40, "minutes"),
    ],
)
def test_durations(sentence: str, text: str, value: float, unit: str) -> None:
    _, extraction = run_extract(sentence)
    (stat,) = extraction.statistics
    assert (stat.span.of(sentence), stat.value, stat.unit) == (text, value, unit)


@pytest.mark.parametrize(
    "sentence",
    [
        "The meeting was a day later and twice a week.",
        "He was half asleep.",
        "2. The plan stalled in committee.",
        "Carriers are building 5G networks.",
        "The office is at 40 Harbour Street.",
        "Shots were fired in the 1200 block of Elm Drive.",
        "The mill dates to 3,100 BC.",
        "By 2009 the mill was closed. 2012 is over.",
        "Rivals tolerate zero-rated apps and zero tolerance.",
        "She wrote for Page Six last year.",
        "The bell rang just before 7 in the morning.",
        "He was a billionaire.",
        "Posted 5 min ago.",
        "See page 5 of the report; season 3 starts soon.",
        "The iPhone 7 was popular in the ’90s revival.",
    ],
)
def test_more_numbers_that_are_no_statistics(sentence: str) -> None:
    assert statistics_of(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit", "qualifier"),
    [
        ("“The 2°C limit is gone,” she said.", "2°C limit", 2, "degrees Celsius", "exact"),
        ("The ridge road is 40km of gravel.", "40km", 40, "km", "exact"),
        ("The dam took 3 1/2 years to fill.", "3 1/2 years", 3.5, "years", "exact"),
        ("At least one ferry was lost.", "At least one ferry", 1, None, "at_least"),
    ],
)
def test_glued_units_mixed_fractions_and_qualified_one(
    sentence: str, text: str, value: float, unit: str | None, qualifier: str
) -> None:
    _, extraction = run_extract(sentence)
    (stat,) = extraction.statistics
    assert (stat.span.of(sentence), stat.value, stat.unit, stat.qualifier) == (
        text,
        value,
        unit,
        qualifier,
    )


def test_degrees_written_onto_the_number_and_an_address_after_at() -> None:
    assert statistics_of("Temperatures reached 35C.") == [("35C", 35, "exact")]
    assert statistics_of("The gala at 30 Quay Plaza drew crowds.") == []


def test_a_count_in_brackets_after_a_name_is_no_statistic() -> None:
    assert statistics_of("Sources: Harbour News (2), Quillo Daily (3).") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "m" before what is counted is millions; before a length's word, metres
        ("Police recorded 6.7m offences.", [("6.7m offences", 6_700_000)]),
        ("The wall is 3m high.", [("3m high", 3)]),
        ("Sales hit 2.5bn units.", [("2.5bn units", 2_500_000_000)]),
        # lakh and crore scale; Rs and ₹ are rupees
        ("Each farmer will get ₹3 lakh.", [("₹3 lakh", 300_000)]),
        ("A Rs 14,200 crore package.", [("Rs 14,200 crore package", 142_000_000_000)]),
        # a change, then a far larger new level: two amounts, no range
        ("Gold fell $29 to $1,992 an ounce.", [("$29", 29), ("$1,992", 1992)]),
        ("Sales rose 5 to 10 percent.", [("5 to 10 percent", 5)]),
    ],
)
def test_scales_rupees_and_new_levels(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(span, value) for span, value, _ in statistics_of(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an ordinal before a noun is which one, not how much
        ("The operator will add a third daily train.", []),
        ("Services were suspended for a second day.", []),
        ("Profits fell by a third.", [("a third", 1 / 3)]),
        ("They voted for a cut of a quarter point.", [("a quarter point", 0.25)]),
        ("Costs were about a third lower.", [("about a third lower", 1 / 3)]),
        ("He paused for a second.", [("a second", 1)]),
        # the groups of a phone number written with spaces
        ("Call the helpline on 0808 168 9111.", []),
        ("Loans run to A$500,000 over 10 years.", [("A$500,000", 500_000), ("over 10 years", 10)]),
    ],
)
def test_ordinals_and_phone_numbers_are_no_amounts(
    text: str, expected: list[tuple[str, float]]
) -> None:
    assert [(span, value) for span, value, _ in statistics_of(text)] == expected


def test_a_number_alone_between_commas_after_a_name_is_an_age() -> None:
    _, found = run_extract("Priya Ramsden, 48, said sales rose. The city, 48, said no.")
    assert [(s.value, s.unit) for s in found.statistics] == [(48, "years"), (48, None)]


def test_a_scaled_amount_after_a_name_is_no_number_of_the_name() -> None:
    assert [
        (span, value) for span, value, _ in statistics_of("They fined Parlio 32 million euros.")
    ] == [("32 million euros", 32_000_000)]
    assert statistics_of("It flew on Apollo 11 in July.") == []


def test_a_number_and_a_half_is_one_statistic() -> None:
    text = "She was jailed for six and a half years; some waited three and a half days."
    assert [(t, v) for t, v, _ in statistics_of(text)] == [
        ("six and a half years", 6.5),
        ("three and a half days", 3.5),
    ]


def test_a_rate_s_denominator_after_per_is_no_statistic() -> None:
    text = "The rate rose to 12 deaths per 100,000 people."
    assert [v for _, v, _ in statistics_of(text)] == [12]


def test_from_one_level_to_another_is_two_statistics_and_a_spread_a_range() -> None:
    assert [v for _, v, _ in statistics_of("Attendance rose from 440 to 460 this year.")] == [
        440,
        460,
    ]
    _, extraction = run_extract("The victims ranged in age from 14 to 78.")
    (stat,) = extraction.statistics
    assert (stat.value, stat.value_max) == (14, 78)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It sold the unit for CHF 1.35 bn.", ("CHF 1.35 bn", 1_350_000_000, "CHF")),
        ("Sales were EUR 890 mln last year.", ("EUR 890 mln", 890_000_000, "EUR")),
        ("Profit rose to RM2.3 billion.", ("RM2.3 billion", 2_300_000_000, "MYR")),
        ("Rice costs P58 a kilo.", ("P58", 58, "PHP")),
        ("Exporters want Tk 1,450 crore.", ("Tk 1,450 crore", 14_500_000_000, "BDT")),
        ("It raised KSh 2 billion.", ("KSh 2 billion", 2_000_000_000, "KES")),
        ("The fine was R5 million.", ("R5 million", 5_000_000, "ZAR")),
        ("It cost 86 billion won.", ("86 billion won", 86_000_000_000, "KRW")),
        ("It paid 4.2 billion reais.", ("4.2 billion reais", 4_200_000_000, "BRL")),
        ("It rose to 3 billion Danish crowns.", ("3 billion Danish crowns", 3_000_000_000, "DKK")),
        ("Shares rose 4 cents.", ("4 cents", 4, "cents")),
        ("Shares closed at 1,842 pence.", ("1,842 pence", 1842, "pence")),
        ("Output rose 4.5 pct.", ("4.5 pct", 4.5, "percent")),
        ("Winds reached 150 mph.", ("150 mph", 150, "mph")),
        ("The surge reached 12 feet.", ("12 feet", 12, "feet")),
    ],
)
def test_currencies_and_units_of_many_countries(
    text: str, expected: tuple[str, float, str]
) -> None:
    _, found = run_extract(text)
    assert [(s.span.of(text), s.value, s.unit) for s in found.statistics] == [expected]


def test_a_letter_sign_after_an_ampersand_is_a_name() -> None:
    assert statistics_of("The S&P 500 was flat.") == []


def test_currency_signs_are_listed_in_capitals() -> None:
    """The sign found is looked up in capitals ("Rs" -> "RS"): a sign listed otherwise crashed."""
    from newsfacts.extract.statistic_rules import CURRENCIES

    assert [sign for sign in CURRENCIES if sign != sign.upper()] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bank cut its rate by 50 basis points.", ("50 basis points", 50, "basis points")),
        ("Yields fell 7bp on Monday.", ("7bp", 7, "basis points")),
        ("Yields rose 12 bps on Monday.", ("12 bps", 12, "basis points")),
        (
            "Inflation rose 0.1 percentage points.",
            ("0.1 percentage points", 0.1, "percentage points"),
        ),
        ("Operating profit fell 18pc on Monday.", ("18pc", 18, "percent")),
        ("Revenue rose to ¥1.2tn on Monday.", ("¥1.2tn", 1.2e12, "JPY")),
        ("Japan holds 1.1 trn yen.", ("1.1 trn yen", 1.1e12, "JPY")),
        ("The rate is in a range of 4.25%-4.50%.", ("4.25%-4.50%", 4.25, "percent")),
        ("It hovered between 4.1% and 4.3%.", ("between 4.1% and 4.3%", 4.1, "percent")),
        (
            "Work rose by roughly a quarter of a million.",
            ("roughly a quarter of a million", 250_000, None),
        ),
        (
            "Three-quarters of a billion dollars went.",
            ("Three-quarters of a billion dollars", 7.5e8, "USD"),
        ),
    ],
)
def test_points_short_scales_percentage_ranges_and_scaled_fractions(
    text: str, expected: tuple[str, float, str | None]
) -> None:
    _, found = run_extract(text)
    stats = [(s.span.of(text), s.value, s.unit) for s in found.statistics]
    assert len(stats) == 1
    span, value, unit = stats[0]
    assert (span, unit) == (expected[0], expected[2])
    assert value == pytest.approx(expected[1])


@pytest.mark.parametrize(
    "text",
    [
        "Copper fell to $9,120 a tonne.",
        "Tariffs cost the carmaker ¥90 billion a quarter.",
        "Copper fell 1.7% by 1400 GMT.",
    ],
)
def test_a_rate_s_unit_and_a_clock_time_with_its_zone_are_no_statistics(text: str) -> None:
    _, found = run_extract(text)
    assert len(found.statistics) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The tank holds 500 gallons.", ("500 gallons", "gallons")),
        ("Snow fell 3 inches deep.", ("3 inches", "inches")),
        ("It weighs 40 grams.", ("40 grams", "g")),
        ("The fire burned 12 square miles.", ("12 square miles", "square miles")),
        ("He threw a 75-yard pass.", ("75-yard", "yard")),
    ],
)
def test_more_units_of_measure(text: str, expected: tuple[str, str]) -> None:
    _, found = run_extract(text)
    assert [(s.span.of(text), s.unit) for s in found.statistics] == [expected]


def test_a_grid_address_is_no_statistic_but_a_count_of_people_is() -> None:
    _, found = run_extract("The crash happened near 10600 South and 700 East.")
    assert found.statistics == []
    _, found = run_extract("About 300 South Koreans attended.")
    assert [s.value for s in found.statistics] == [300]


@pytest.mark.parametrize(
    ("text", "unit"),
    [("It spent Sh4.8 billion.", "KES"), ("It cost ARS 850,000.", "ARS"), ("It is ₡2,500.", "CRC")],
)
def test_more_currency_signs_and_codes(text: str, unit: str) -> None:
    _, found = run_extract(text)
    assert [s.unit for s in found.statistics] == [unit]


def test_a_summit_s_number_is_no_amount() -> None:
    _, found = run_extract("Delegates met at the COP31 climate summit.")
    assert all(s.unit is None for s in found.statistics)


def test_one_ounce_has_the_unit() -> None:
    _, found = run_extract("It weighs 1 ounce.")
    assert [s.unit for s in found.statistics] == ["ounces"]


def test_a_footnote_mark_in_square_brackets_is_no_statistic() -> None:
    text = "Today marks a landslide [1]. I thank voters [2].\n\n[1] The totals were 306 votes."
    assert [s[0] for s in statistics_of(text)] == ["306 votes"]


def test_a_number_an_editor_put_in_brackets_is_a_statistic() -> None:
    assert [s[0] for s in statistics_of("“We signed [12] players,” the coach said.")] == ["12"]
