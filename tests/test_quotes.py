"""Quote rules: marks, attribution positions, cues, inherited and resolved speakers."""

from __future__ import annotations

import pytest

from newsfacts.extract.quotes import curly_single_quotes

from .conftest import actors_of, quotes_of, run_extract


def directs(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(t, s, c) for kind, t, s, c in quotes_of(text) if kind == "direct"]


def indirects(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(t, s, c) for kind, t, s, c in quotes_of(text) if kind == "indirect"]


@pytest.mark.parametrize(
    "marked",
    ["“The plan will work.”", '"The plan will work."', "‘The plan will work.’"],
    ids=["curly", "straight", "single"],
)
def test_quotation_marks(marked: str) -> None:
    text = f"Senator Jane Doe said, {marked}"
    assert directs(text) == [("The plan will work.", "Jane Doe", "said")]


def test_apostrophes_inside_single_quotes() -> None:
    text = "Mayor Tom Ellis said: ‘We won’t stop until it’s done.’"
    assert directs(text) == [("We won’t stop until it’s done.", "Tom Ellis", "said")]


def test_unclosed_mark_runs_to_paragraph_end() -> None:
    text = "Minister Paula Reyes replied, “This is not over.\nThe vote is on Monday."
    assert directs(text) == [("This is not over.", "Paula Reyes", "replied")]


def test_quote_continued_over_paragraphs_keeps_its_speaker() -> None:
    text = (
        "“We have waited long enough for the money,” Governor Ann Lake said. “The schools need it.\n"
        "“And the roads need it too,” she added."
    )
    found = directs(text)
    assert [t for t, _, _ in found] == [
        "We have waited long enough for the money",
        "The schools need it.",
        "And the roads need it too",
    ]
    assert {s for _, s, _ in found} == {"Ann Lake"}


def test_attribution_after_the_quote() -> None:
    text = "“Prices will fall next year,” said Mark Chen, an economist at the bank."
    assert directs(text) == [("Prices will fall next year", "Mark Chen", "said")]


def test_attribution_in_the_middle() -> None:
    text = "“We are ready,” Colonel Ruth Adams said. “The troops have trained for months.”"
    found = directs(text)
    assert [(t, s) for t, s, _ in found] == [
        ("We are ready", "Ruth Adams"),
        ("The troops have trained for months.", "Ruth Adams"),
    ]


@pytest.mark.parametrize(
    "cue", ["said", "says", "told reporters", "added", "warned", "stated", "declared", "claimed"]
)
def test_reporting_cues(cue: str) -> None:
    text = f"“The talks have failed completely,” Peter Walsh {cue}."
    assert directs(text) == [("The talks have failed completely", "Peter Walsh", cue.split()[0])]


def test_appositive_between_speaker_and_cue() -> None:
    text = "Ellen Park, the chief executive who founded the firm with Tom Reed, replied, “We will grow.”"
    assert directs(text) == [("We will grow.", "Ellen Park", "replied")]


def test_pronoun_speaker_resolved_to_last_compatible_person() -> None:
    text = "Maria Lopez met John Smith on Monday. “It was a good meeting,” she said."
    assert directs(text) == [("It was a good meeting", "Maria Lopez", "said")]


def test_scare_quotes_and_titles_are_not_quotes() -> None:
    text = "The so-called “peace dividend” never came. She read “The Old Man and the Sea” on the train."
    assert directs(text) == []


def test_quoted_fragment_in_a_reported_clause_gives_both() -> None:
    text = "Paul Baker said the result was “solid” in a difficult year."
    assert directs(text) == [("solid", "Paul Baker", "said")]
    assert indirects(text) == [("the result was “solid” in a difficult year", "Paul Baker", "said")]


def test_indirect_that_clause() -> None:
    text = "Minister Ali Khan warned Parliament that the budget would be cut."
    assert indirects(text) == [("the budget would be cut", "Ali Khan", "warned")]


def test_indirect_with_trailing_attribution() -> None:
    text = "The economy will recover by spring, Treasurer Anne Cole said on Tuesday."
    assert indirects(text) == [("The economy will recover by spring", "Anne Cole", "said")]


def test_according_to_before_and_after() -> None:
    text = (
        "The prisons are full, according to the Justice Ministry. "
        "According to its annual report, most cells hold four people."
    )
    found = indirects(text)
    assert [t for t, _, _ in found] == ["The prisons are full", "most cells hold four people"]
    assert {s for _, s, _ in found} == {"Justice Ministry"}  # the report is the ministry's


def test_parenthetical_cue_with_pronoun() -> None:
    text = (
        "Governor Sam Ortiz visited the site. To keep the plant open, he continued, "
        "the state would need new investors."
    )
    assert indirects(text) == [("the state would need new investors", "Sam Ortiz", "continued")]


def test_unnamed_sources() -> None:
    found = indirects(
        "A U.S. official said the talks would resume. "
        "A spokesman for the Defence Department said no troops would move."
    )
    speakers = [s for _, s, _ in found]
    assert speakers == ["U.S. official", "spokesman for the Defence Department"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # whose the source is, past lower-case words, up to the name that ends it
        (
            "Officers in the autonomous northern region of Kestry told the Herald that the "
            "camp had closed.",
            "Officers in the autonomous northern region of Kestry",
        ),
        ("Police in Kestry told the Herald that the camp had closed.", "Police in Kestry"),
        # two modifiers joined by "and"
        (
            "The camp had closed, according to Kestry intelligence and defence officials.",
            "Kestry intelligence and defence officials",
        ),
    ],
)
def test_a_country_in_an_unnamed_source_does_not_speak(sentence: str, speaker: str) -> None:
    assert [s for _, s, _ in indirects(sentence)] == [speaker]


@pytest.mark.parametrize(
    "name",
    ["European Union", "Kellun Police", "Transport Workers Union", "National Union of Journalists"],
)
def test_a_source_noun_ending_a_name_is_the_named_organization(name: str) -> None:
    """ "union", "police" and "journalists" name unnamed sources; written as a name's last
    word they are the named organisation, with no unnamed twin."""
    _, found = run_extract(f"The {name} said the road would close.")
    [quote] = found.quotes
    speaker = found.actors.actors[quote.speaker or ""]
    assert (speaker.name, speaker.unnamed) == (name, False)
    assert [actor.name for actor in found.actors.actors.values()] == [name]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (  # who spoke in the sentence that brought the statement in
            'In a written statement, a spokesman said the firm "does not agree."\n'
            '"We have commissioned a review," the statement continued.',
            "spokesman",
        ),
        (  # the subject of that sentence
            'In a statement, Kellun Bank said profits had doubled. "This is a strong result," '
            "the statement said.",
            "Kellun Bank",
        ),
        (  # the article's first words
            'Kellun Bank said in a statement that profits had doubled. "This is a strong '
            'result," the statement said.',
            "Kellun Bank",
        ),
        (  # not the one the letter went to: the letter, as before
            'The group sent a letter to Ana Ruiz on Monday.\n"We ask for an inquiry," the letter '
            "said.",
            "letter",
        ),
    ],
)
def test_the_statement_is_its_issuer_s(text: str, speaker: str) -> None:
    assert quotes_of(text)[-1][2] == speaker


def test_the_agency_is_the_organisation_that_last_spoke() -> None:
    text = (
        "The World Food Programme said it had stopped deliveries after a truck hired from "
        "Kellun Haulage Ltd was hit by gunfire. No one was hurt, the agency said."
    )
    assert quotes_of(text)[-1][1:3] == ("No one was hurt", "World Food Programme")
    # no organisation spoke: the last one named
    text = "Kellun Haulage Ltd lost a truck. No one was hurt, the company said."
    assert quotes_of(text)[-1][1:3] == ("No one was hurt", "Kellun Haulage Ltd")


def test_no_one_in_a_clause_set_off_by_where_or_who_is_the_subject() -> None:
    text = (
        "But in the north, where Dario Venkov is still regarded as a hero, the regional "
        "leader, Goran Talic, described the verdict as political and said the tribunal "
        "was biased."
    )
    assert quotes_of(text) == [("indirect", "the tribunal was biased", "Goran Talic", "said")]


def test_a_clause_opening_with_he_or_she_is_theirs_not_its_object_s() -> None:
    text = (
        "Tobias Enwere won the vote. In a short address, he thanked voters for their patience "
        "and promised that his government would govern for all."
    )
    assert quotes_of(text)[-1][1:3] == ("his government would govern for all", "Tobias Enwere")
    # "it" may be a thing, and a quotation's "He" is no subject of the cue after it
    assert quotes_of("It includes estimates that the forests shrank.") == []
    text = '"He will never be 25," said Vesna Halilic, 71, whose son died. "But he was loved."'
    assert [q[0] for q in quotes_of(text)] == ["direct", "direct"]


@pytest.mark.parametrize(
    ("text", "curly"),
    [
        ("'I'm glad I didn't,' he said.", "‘I'm glad I didn't,’ he said."),
        ("He was pushed 'in the back'.", "He was pushed ‘in the back’."),
        ("They were 'flat' for an hour.", "They were ‘flat’ for an hour."),
        ("'We'll get 'em,' he said.", "‘We'll get 'em,’ he said."),
        ("'The players' union has a case,' he said.", "‘The players' union has a case,’ he said."),
        # apostrophes only, or a mark never closed: as they were
        ("rock 'n' roll in the '90s", "rock 'n' roll in the '90s"),
        ("the players' union said", "the players' union said"),
        ("'Never closed\nand 'that' one", "'Never closed\nand ‘that’ one"),
    ],
)
def test_straight_single_marks_that_quote_are_read_as_curly(text: str, curly: str) -> None:
    assert curly_single_quotes(text) == curly


def test_quotations_in_straight_single_marks() -> None:
    text = (
        "Rovers manager Graham Pickford was relieved. 'I'm glad I didn't,' he said. "
        "'He's been brilliant.'"
    )
    assert quotes_of(text) == [
        ("direct", "I'm glad I didn't", "Graham Pickford", "said"),
        ("direct", "He's been brilliant.", "Graham Pickford", None),
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Farmers will benefit, Anna Berg said in New Delhi.", "Anna Berg"),
        ("Prices will rise, Anna Berg told reporters.", "Anna Berg"),
        (
            "The deficit will swell, Nathalie Bergeron said Tuesday in her speech.",
            "Nathalie Bergeron",
        ),
        ("Prices will rise, Anna Berg told the BBC outside the court.", "Anna Berg"),
    ],
)
def test_a_trailing_cue_then_whom_it_tells_and_where(text: str, speaker: str) -> None:
    found = quotes_of(text)
    assert [(kind, quoted, who) for kind, quoted, who, _ in found] == [
        ("indirect", text.split(",")[0], speaker)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Beds were full, with nearly 400 patients admitted in the past fortnight.",
        "The plan is sound, officials said the board would vote again.",
    ],
)
def test_no_trailing_attribution_after_a_preposition_or_before_a_clause(text: str) -> None:
    assert [q for q in quotes_of(text) if q[1] == text.split(",")[0]] == []


def test_the_company_is_no_union() -> None:
    text = (
        "Halvorsen Aerospace made its final offer on Monday.\n"
        "Rosa Jimenez of the United Aerospace Workers said it was too late.\n"
        "The company said in a statement that the offer was fair."
    )
    assert quotes_of(text)[-1][1:3] == ("the offer was fair", "Halvorsen Aerospace")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # no company named: an unnamed source, not a lost quote
        ("The plant will close, the company said.", "company"),
        ("The finance ministry said the package would be funded.", "finance ministry"),
        # the organisation that spoke last, when none is called so
        ("SkyNimbus said flights would stop.\nWe are sorry, the airline said.", "SkyNimbus"),
        # an organisation word refers back to the one so named
        (
            "The Screen Performers Guild objected. The guild said the deal was fair.",
            "Screen Performers Guild",
        ),
    ],
)
def test_the_company_said_with_no_company_named(text: str, speaker: str) -> None:
    assert quotes_of(text)[-1][2] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Corvane Bank was fined by the Prudential Standards Authority. Corvane said it"
            " would appeal. The regulator said the bank had failed its customers.",
            "Prudential Standards Authority",
        ),
        (
            "Talvik Motors will buy brakes from Orrin Components. Orrin said the deal was"
            " large. The automaker said production would begin in May.",
            "Talvik Motors",
        ),
        (
            "Shares in carmaker Voltara fell after Voltara said Hanseong Energy made its cells."
            " Hanseong said the flaw was fixed. The automaker said the recall would cost it a lot.",
            "Voltara",
        ),
        (
            "Voltara, an electric automaker, buys cells from Hanseong Energy. Hanseong said"
            " the flaw was fixed. The automaker said the recall would cost it a lot.",
            "Voltara",
        ),
    ],
)
def test_a_trade_noun_refers_to_the_organisation_its_name_says_is_of_that_trade(
    text: str, speaker: str
) -> None:
    assert quotes_of(text)[-1][2] == speaker


def test_an_organisation_noun_is_no_unnamed_person() -> None:
    text = "The Kellun Union said talks had failed. The regulator said it would act."
    assert quotes_of(text)[-1][2] == "regulator"
    assert actors_of(text)["regulator"] == "organization"


def test_an_institution_after_a_preposition_is_no_speaker() -> None:
    text = "A security source in the regional capital said the toll could rise."
    assert quotes_of(text)[-1][2] == "security source"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Judge Alastair Greaves reminded the jury that sympathy must play no part.",
            ("indirect", "sympathy must play no part", "Alastair Greaves", "reminded"),
        ),
        (
            "Councillor Ravi Tiwari opined that the civic body had failed.",
            ("indirect", "the civic body had failed", "Ravi Tiwari", "opined"),
        ),
        (
            "Judge Ana Ruiz ruled that the contract was void.",
            ("indirect", "the contract was void", "Ana Ruiz", "ruled"),
        ),
    ],
)
def test_reminded_opined_and_ruled_report(text: str, expected: tuple[str, str, str, str]) -> None:
    assert quotes_of(text) == [expected]


def test_the_minister_is_the_one_titled_minister_before_an_honorific() -> None:
    text = 'Minister Shri Mohan Lal Tiwari visited. "We will build," the Minister said.'
    assert quotes_of(text)[-1][2] == "Mohan Lal Tiwari"


@pytest.mark.parametrize(
    "clause",
    [
        "none of the crew had been hurt",
        "another firm had been fined",
        "three other firms had received letters",
        "two big firms had received letters",
    ],
)
def test_a_reported_clause_may_open_with_none_another_or_a_counted_subject(clause: str) -> None:
    assert quotes_of(f"Nordkap said {clause}.") == [("indirect", clause, "Nordkap", "said")]


def test_the_last_speaker_of_a_quotation_with_no_cue_counts_this_paragraph_s_quotes() -> None:
    text = (
        "Filming began in Budapest. “It is like three movies in one,” Tom Reed tells GQ.\n"
        "Reed also confirms rumors that Harrison Voss punched him on set, but he downplays "
        "it. “It was kind of a rite of passage,” he says. “We were just doing a fight scene. "
        "But when it was over, Harrison pushed me out of the way.”"
    )
    assert quotes_of(text)[-1][2] == "Tom Reed"


@pytest.mark.parametrize(
    "text",
    [
        "A local official, who asked not to be named, said dozens had fled. “The road is full "
        "of families,” he said.",
        "A witness said the car had not stopped.\n“It was terrible,” she said.",
    ],
)
def test_a_pronoun_after_an_unnamed_person_s_report_is_that_person(text: str) -> None:
    speakers = {speaker for _, _, speaker, _ in quotes_of(text)}
    assert len(speakers) == 1 and None not in speakers


def test_a_named_appositive_with_an_age_in_brackets_speaks_not_the_noun_before_it() -> None:
    text = "One patient, Graham Colley (78), told the BBC he had spent the night in a corridor."
    assert quotes_of(text) == [
        ("indirect", "he had spent the night in a corridor", "Graham Colley", "told")
    ]


def test_told_reporters_then_a_clause_opened_by_a_plain_noun() -> None:
    text = "Another shopper, Ama Mensah, told reporters prices had doubled."
    assert quotes_of(text) == [("indirect", "prices had doubled", "Ama Mensah", "told")]
    text = "Kofi Boateng told the court his client had no prior convictions."
    assert quotes_of(text)[0][1] == "his client had no prior convictions"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Conservative spokesman Huw Griffiths called the delays 'a national embarrassment' "
            "and said the Welsh Government should act.",
            "Huw Griffiths",
        ),
        (
            "Iran's spokesman, Nasser Hosseinzadeh, condemned it as “maritime piracy” and said "
            "Tehran would respond.",
            "Nasser Hosseinzadeh",
        ),
        (
            "Paulo Mendonca joined the Democratic Alliance in May. Alliance spokesman Paulo "
            "Mendonca described the plan as “a wish list,” and said Ana Ruiz had never run "
            "anything.",
            "Paulo Mendonca",
        ),
    ],
)
def test_a_quotation_before_and_said_is_the_sentence_subject_s(text: str, speaker: str) -> None:
    direct = [q for q in quotes_of(text) if q[0] == "direct"]
    assert [q[2] for q in direct] == [speaker]


def test_quoting_a_person_as_saying_reports_that_person_s_clause() -> None:
    text = (
        "Moscow welcomed the result, state media reported, quoting spokesman Grigory Lanin as "
        "saying the vote had been fair."
    )
    assert quotes_of(text) == [
        ("indirect", "Moscow welcomed the result", "state media", "reported"),
        ("indirect", "the vote had been fair", "Grigory Lanin", "saying"),
    ]
    assert actors_of(text)["state media"] == "group"


@pytest.mark.parametrize("verb", ["sank", "drew", "grew"])
def test_a_short_clause_with_an_irregular_past_is_reported(verb: str) -> None:
    text = f"Tom Reed said the crew {verb}."
    assert quotes_of(text) == [("indirect", f"the crew {verb}", "Tom Reed", "said")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Caleb Whitfield runs the shop with his father, Amos Whitfield.\n"
            "“It is a fad,” his father says.",
            "Amos Whitfield",
        ),
        ("“The shop was always busy,” her brother said.", "her brother"),
        (
            "Lowell Okafor, a civil rights lawyer, died on Thursday.\n"
            "The cause was heart failure, said his widow, Patricia Okafor.",
            "Patricia Okafor",
        ),
    ],
)
def test_a_relative_speaks_as_the_person_named_so_or_unnamed(text: str, speaker: str) -> None:
    assert quotes_of(text)[-1][2] == speaker


def test_a_relative_not_named_so_is_the_one_other_person_with_the_surname() -> None:
    text = (
        "Amos Whitfield has repaired watches since 1971. His son, Caleb Whitfield, joined him "
        "in 2004.\n“He thinks computers are a fad,” Caleb Whitfield says.\n"
        "“It is a fad,” his father says."
    )
    assert quotes_of(text)[-1][2] == "Amos Whitfield"


def test_according_to_a_relative_set_off_with_a_name_is_that_person() -> None:
    text = (
        "Ilse Vandermeulen led nine expeditions. According to her sister, Greet Vandermeulen, "
        "she packed three novels for that first trip."
    )
    assert quotes_of(text)[0][2] == "Greet Vandermeulen"
    text = "According to court filings, Curtis Lindqvist has agreed to cooperate."
    assert quotes_of(text)[0][2] == "court filings"


def test_an_appositive_before_a_relative_clause_describes_the_name_before_it() -> None:
    text = "Ana Ruiz, an analyst at Norvex Capital, which advised the bank, said the deal was good."
    assert quotes_of(text) == [("indirect", "the deal was good", "Ana Ruiz", "said")]
    assert "analyst at Norvex Capital" not in actors_of(text)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The company raised prices and said demand was strong.", "company"),
        (
            "Brazil's central bank raised its rate on Wednesday and said it would slow the pace.",
            "Brazil's central bank",
        ),
        ("Japan spent ¥9.8 trillion defending the yen, the ministry has said.", "ministry"),
        ("Average weekly earnings grew 5 per cent, the ONS said separately.", "ONS"),
    ],
)
def test_an_unnamed_institution_speaks_after_its_own_verb_or_an_auxiliary(
    text: str, speaker: str
) -> None:
    assert [q[2] for q in quotes_of(text)] == [speaker]


def test_a_name_before_has_is_no_role() -> None:
    text = (
        "The Valtera Parents Forum met in May. The World Health Organization has warned that "
        "measles cases rose."
    )
    assert quotes_of(text)[-1][2] == "World Health Organization"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Refugee numbers rose, the Ukrainian air force said.", "Ukrainian air force"),
        (
            "The two countries exchanged 150 prisoners each, the UAE's foreign ministry said.",
            "UAE's foreign ministry",
        ),
        ("The swap went ahead, the UAE foreign ministry said.", "UAE foreign ministry"),
        ("Ukraine says some 8,000 of its soldiers remain in Russian captivity.", "Ukraine"),
    ],
)
def test_a_state_s_bodies_and_the_state_speak(text: str, speaker: str) -> None:
    assert [q[2] for q in quotes_of(text)] == [speaker]


def test_it_after_an_owned_organisation_s_report_is_the_organisation() -> None:
    text = (
        "Russia's Defense Ministry said its forces had struck facilities supporting Ukraine's "
        "military industry. It said all targets had been hit."
    )
    assert quotes_of(text)[-1][2] == "Defense Ministry"


def test_a_named_subject_and_its_verb_before_that_are_the_report() -> None:
    text = (
        "Speaking in Ankara, Kerem Aydin said Türkiye and Hungary shared the view that talks "
        "would help."
    )
    assert quotes_of(text)[0][1] == "Türkiye and Hungary shared the view that talks would help"


def test_a_quotation_after_a_participle_is_the_set_off_subject_s() -> None:
    text = (
        "The eastern commander, Salem Faraj al-Obeidi, has rejected the UN plan, calling it "
        "“a recipe for chaos.”"
    )
    assert quotes_of(text)[0][2] == "Salem Faraj al-Obeidi"


def test_a_trailing_attribution_before_warning_that_reports_both_clauses() -> None:
    text = (
        "Nearly half of the population is facing acute hunger, the World Nutrition Alliance "
        "said Thursday, warning that famine-like conditions had been detected."
    )
    assert [q[1] for q in quotes_of(text)] == [
        "Nearly half of the population is facing acute hunger",
        "famine-like conditions had been detected",
    ]


def test_a_cited_source_between_the_cue_and_that_is_skipped() -> None:
    text = (
        "The Syrian Arab Press Agency said, citing a military source, that air defences had "
        "intercepted two drones."
    )
    assert quotes_of(text) == [
        (
            "indirect",
            "air defences had intercepted two drones",
            "Syrian Arab Press Agency",
            "said",
        )
    ]


def test_a_cue_s_word_modifying_a_noun_reports_nothing() -> None:
    text = "Tom Reed recalled trucks over a seat-belt warning chime that failed to sound."
    assert quotes_of(text) == []


def test_a_dateline_s_country_is_no_clause_subject_and_a_movement_is_a_group() -> None:
    text = (
        "ADEN, Yemen - The Ansar al-Bahr movement said on Monday it had targeted a cargo ship "
        "in the Red Sea."
    )
    assert quotes_of(text)[0][2] == "Ansar al-Bahr"
    assert actors_of(text)["Ansar al-Bahr"] == "group"


def test_a_country_s_name_that_is_a_person_s_surname_is_that_person() -> None:
    text = (
        "“These are not numbers,” said Lucia Montenegro, the agency's country director. "
        "Montenegro said gangs had blocked the main roads."
    )
    assert [q[2] for q in quotes_of(text)] == ["Lucia Montenegro", "Lucia Montenegro"]
    assert "Montenegro" not in actors_of(text)


def test_the_source_opening_the_clause_speaks_not_one_in_its_of_phrase() -> None:
    text = (
        "The family of a cyclist killed by a speeding driver in Bristol have said they are "
        "devastated."
    )
    assert quotes_of(text)[0][2] == "family"
    assert actors_of(text) == {"family": "group"}


def test_a_single_quoted_quotation_running_on_into_the_next_paragraph() -> None:
    text = (
        "Detective Chief Inspector Fiona Rennie said: 'This is a fast-moving inquiry.\n\n"
        "'We have made one arrest.'"
    )
    assert quotes_of(text) == [
        ("direct", "This is a fast-moving inquiry.", "Fiona Rennie", "said"),
        ("direct", "We have made one arrest.", "Fiona Rennie", None),
    ]


def test_told_the_court_then_a_named_subject_reports_from_the_name() -> None:
    text = "Senior Constable Bree Halloran told the court Whitfield shouted abuse at paramedics."
    assert quotes_of(text)[0][1] == "Whitfield shouted abuse at paramedics"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "A former bookkeeper testified Tuesday that she was ordered to shred invoices.",
            "former bookkeeper",
        ),
        ("A juror told reporters the verdict was difficult.", "juror"),
        ("A coroner has ruled that the student took her own life.", "coroner"),
        ("A friend said he had been unwell for months.", "friend"),
    ],
)
def test_more_people_speak_unnamed(text: str, speaker: str) -> None:
    assert [q[2] for q in quotes_of(text)] == [speaker]


@pytest.mark.parametrize("body", ["city", "county", "district", "state", "town"])
def test_a_local_government_speaks_unnamed(body: str) -> None:
    assert quotes_of(f"The {body} said the road would reopen Monday.") == [
        ("indirect", "the road would reopen Monday", body, "said")
    ]


def test_a_time_after_a_trailing_cue_opens_no_clause() -> None:
    text = (
        "The government will table legislation next month, the minister announced on Monday, "
        "days after a parliamentary committee heard testimony."
    )
    assert [q[1] for q in quotes_of(text)] == ["The government will table legislation next month"]


def test_a_role_set_off_after_a_name_before_an_organisation_is_an_appositive() -> None:
    text = "The Rev. Annika Sorlie, pastor at Grace Lutheran, said the church would help."
    assert quotes_of(text)[0][2] == "Annika Sorlie"


def test_a_clause_after_adding_that_is_reported_once() -> None:
    text = (
        "“No county should run out of drugs,” the minister said, adding that governors who "
        "diverted funds would be held accountable."
    )
    clauses = [q[1] for q in quotes_of(text) if q[0] == "indirect"]
    assert clauses == ["governors who diverted funds would be held accountable"]


def test_a_quotation_opening_a_paragraph_after_said_and_a_colon() -> None:
    text = (
        "In a statement released through the town, the girl's family said:\n\n"
        "“We will never be able to thank him enough.”"
    )
    assert quotes_of(text)[0][2] == "girl's family"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "A spokesman for the Minister for Health, Eoin Fitzgerald, said the minister would "
            "meet managers.",
            "spokesman for the Minister",
        ),
        (
            "Sources close to the Chancellor, Eleanor Hart, said she was privately frustrated.",
            "Sources close to the Chancellor",
        ),
        (
            "A spokesman for the Popular Defence Brigades, Adam Tijani, said the group would "
            "attend.",
            "Adam Tijani",
        ),
    ],
)
def test_a_name_set_off_after_a_source_for_a_titled_person_is_that_person(
    text: str, speaker: str
) -> None:
    assert quotes_of(text)[0][2] == speaker


def test_according_to_a_source_with_the_name_ending_the_sentence() -> None:
    text = "The network is helping the family, according to a spokeswoman, Denise Albright."
    assert quotes_of(text)[0][2] == "Denise Albright"


def test_a_document_obtained_by_an_outlet_is_not_the_outlet_s() -> None:
    text = "Flicker is cutting about 8% of its jobs, according to an internal memo obtained by Variety."
    assert quotes_of(text)[0][2] == "internal memo"
    assert actors_of(text)["Variety"] == "organization"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Gerardo Villaruel denied it. In a statement, his office said all projects had "
            "undergone bidding.",
            "Gerardo Villaruel's office",
        ),
        ("Ana Ruiz denied it. Her campaign said the claims were false.", "Ana Ruiz's campaign"),
    ],
)
def test_an_institution_a_pronoun_owns_speaks_for_its_owner(text: str, speaker: str) -> None:
    assert quotes_of(text)[-1][2] == speaker


def test_a_quotation_after_a_colon_is_its_sentence_s_person_s() -> None:
    text = (
        "Clare Whitford said the film would do well. Henrik Lindqvist, who plays a general, "
        "thanked fans on X, writing: “You showed up.”"
    )
    assert quotes_of(text)[-1][2] == "Henrik Lindqvist"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Commissioner for Health, Prof. Adebayo Ogunleye, spoke on Tuesday. “We are "
            "treating this as an emergency,” the commissioner said.",
            "Adebayo Ogunleye",
        ),
        (
            "Cllr Tom Ashdown, the member for Bramley, agreed. The councillor told the committee "
            "the site flooded every winter.",
            "Tom Ashdown",
        ),
    ],
)
def test_a_post_named_before_a_name_is_the_role_that_person_has(text: str, speaker: str) -> None:
    assert quotes_of(text)[-1][2] == speaker


def test_an_unnamed_lead_is_the_person_named_later_with_that_title() -> None:
    text = (
        "Egypt's foreign minister said on Sunday that a truce proposal was on the table.\n"
        "Speaking in Cairo, Foreign Minister Tarek Abdel-Rahman said the plan provided for a "
        "prisoner exchange."
    )
    assert [q[2] for q in quotes_of(text)] == ["Tarek Abdel-Rahman"] * 2


def test_a_quotation_right_after_a_cue_is_that_cue_s_not_the_next_one_s() -> None:
    text = "Tom Reed said “we will win” and Ana Ruiz said it was over."
    assert quotes_of(text)[0][2] == "Tom Reed"


def test_a_pronoun_after_an_unnamed_person_opening_the_sentence_before_is_them() -> None:
    text = (
        "Foreign Minister Sabine Kessler announced new aid. A spokeswoman for the Foreign "
        "Office rejected the idea of returns. “The security situation does not allow it,” "
        "she told reporters."
    )
    assert quotes_of(text)[-1][2] == "spokeswoman for the Foreign Office"


def test_a_witness_is_one_person_and_witnesses_are_a_group() -> None:
    assert actors_of("A witness said the car had not stopped.") == {"witness": "person"}
    assert actors_of("Witnesses said the car had not stopped.") == {"Witnesses": "group"}


def test_a_name_after_of_and_what_the_organisation_is_keeps_the_person_speaking() -> None:
    text = (
        "Anthony Greig, chair of the campaign group Passenger Voice North, says both sides "
        "have lost the public."
    )
    assert quotes_of(text) == [
        ("indirect", "both sides have lost the public", "Anthony Greig", "says")
    ]


def test_an_organisation_before_a_role_and_a_name_only_says_whose_the_role_is() -> None:
    text = (
        "Ashcombe Rovers won 2-1.\n"
        "Rovers captain Danny Whelan, 34, who is out of contract, says he wants to stay."
    )
    assert quotes_of(text)[-1] == ("indirect", "he wants to stay", "Danny Whelan", "says")


def test_a_second_clause_joined_by_and_that_stays_in_the_report() -> None:
    text = "Oluwaseun Bamidele said the deficit had narrowed and that no loans were needed."
    assert quotes_of(text) == [
        (
            "indirect",
            "the deficit had narrowed and that no loans were needed",
            "Oluwaseun Bamidele",
            "said",
        )
    ]


def test_adding_that_after_a_quoted_end_is_a_second_report() -> None:
    text = "The minister said the plan was “fully funded,” adding that taxes would not rise."
    reports = [(quoted, cue) for kind, quoted, _, cue in quotes_of(text) if kind == "indirect"]
    assert reports == [("the plan was “fully funded,”", "said"), ("taxes would not rise", "adding")]


def test_adding_that_after_a_quotation_s_cue_is_its_speaker_s_report() -> None:
    text = (
        "Chief Minister Suresh Bhandari conceded defeat. “We accept the mandate,” he said, "
        "adding that his party would sit in the opposition."
    )
    assert quotes_of(text)[-1] == (
        "indirect",
        "his party would sit in the opposition",
        "Suresh Bhandari",
        "adding",
    )


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Hilary Thornbury, deputy leader of the opposition Reform Alliance, said the case "
            "was closed.",
            "Hilary Thornbury",
        ),
        (
            "John Smith, chief financial officer of Acme Corp, said the case was closed.",
            "John Smith",
        ),
    ],
)
def test_an_appositive_may_open_with_a_role_without_an_article(text: str, speaker: str) -> None:
    assert quotes_of(text)[-1][2] == speaker


@pytest.mark.parametrize(
    "clause", ["at least 12 patients had been treated", "as many as 30 members were ready"]
)
def test_a_reported_clause_may_open_with_a_qualified_count(clause: str) -> None:
    assert quotes_of(f"Tom Reed said {clause}.") == [("indirect", clause, "Tom Reed", "said")]


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "At least 47 people were arrested on Sunday, Efosa Idahosa said, most of them "
            "for looting.",
            "At least 47 people were arrested on Sunday",
        ),
        ("The vote, Annika Soderlund said later, was the result of hard work.", None),
        ("The lesson learned, Ana Ruiz noted, was that carrots beat sticks.", None),
    ],
)
def test_a_cue_between_commas(text: str, clause: str | None) -> None:
    """The words after the cue are the report, unless they are no clause and the words
    before are ("..., X said, most of them for looting"); the cue may have its time."""
    expected = clause or text.split(", ")[-1].rstrip(".")
    assert [quoted for kind, quoted, _, _ in quotes_of(text) if kind == "indirect"] == [expected]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Chinese embassy in Washington said the claims were false.", "Chinese embassy"),
        ("The presidential palace said in a note that the visit was off.", "presidential palace"),
        ("The visit was postponed, the palace said.", "palace"),
    ],
)
def test_an_institution_described_by_a_demonym_or_a_place_speaks(text: str, speaker: str) -> None:
    assert quotes_of(text)[-1][2] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'Rep. Tom Reed pressed the witness. "That is no answer," the congressman said.',
            "Tom Reed",
        ),
        ('Captain Aaron Wells was angry. "It was a disgrace," the skipper said.', "Aaron Wells"),
    ],
)
def test_another_word_for_the_same_post_refers_back(text: str, speaker: str) -> None:
    assert quotes_of(text)[-1][2] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "A rep for Jonah Pruitt told Starwatch the singer was doing well.",
            "rep for Jonah Pruitt",
        ),
        ("Astronomers say they have spotted the most distant spiral galaxy yet.", "Astronomers"),
    ],
)
def test_more_unnamed_sources(text: str, speaker: str) -> None:
    assert quotes_of(text)[-1][2] == speaker


def test_a_quotation_opening_a_feature_is_the_person_named_next() -> None:
    text = "“You can hear it before you see it.” Tomasz Wierzbicki is standing on a ridge."
    assert quotes_of(text)[0][2] == "Tomasz Wierzbicki"
    # not when what the next sentence names first is no person
    text = "“You can hear it before you see it.” Kellun Bank built the ridge path."
    assert quotes_of(text)[0][2] is None


def test_according_to_the_report_is_its_author() -> None:
    text = (
        "The report was published by the Harbour Trust on Monday.\n"
        "According to police, the driver was not hurt.\n"
        "According to the report, tourism could lose $40 billion a year by 2035.\n"
        "Fisheries could lose half their catch, according to the report."
    )
    assert [s for _, s, _ in indirects(text)] == ["police", "Harbour Trust", "Harbour Trust"]


def test_police_as_a_source() -> None:
    found = indirects("Police said the driver had fled the scene.")
    assert found == [("the driver had fled the scene", "Police", "said")]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Neighbours said the house had been empty for a year.", "Neighbours"),
        ("Some accounts said the fire began in the kitchen.", "Some accounts"),
        (
            "People familiar with the talks said the deal was close.",
            "People familiar with the talks",
        ),
    ],
)
def test_groups_and_accounts_as_sources(sentence: str, speaker: str) -> None:
    [(_, found, _)] = indirects(sentence)
    assert found == speaker


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Analysts stress that the harbour will need dredging.", "stress"),
        (
            "The engineer Ana Diaz pointed out that the bridge had never been inspected.",
            "pointed out",
        ),
        ("Witnesses tell us that the car had no lights on.", "tell"),
    ],
)
def test_more_reporting_verbs(sentence: str, cue: str) -> None:
    [(_, _, found)] = indirects(sentence)
    assert found == cue


def test_a_cue_inside_a_quotation_reports_nothing() -> None:
    text = (
        "“The maps are old. Basically, they tell us that the river has moved east,” "
        "Mayor Ben Ortiz said."
    )
    assert indirects(text) == []


def test_reported_clause_ending_in_a_short_quoted_phrase() -> None:
    text = "The new fleet will consist of “a handful of buses,” spokeswoman Ana Diaz said."
    assert indirects(text) == [
        ("The new fleet will consist of “a handful of buses", "Ana Diaz", "said")
    ]


def test_a_full_quote_before_a_trailing_cue_is_no_reported_clause() -> None:
    text = "“The depot is old. We cannot keep the buses running much longer,” Ana Diaz said."
    assert indirects(text) == []


def test_trailing_cue_with_the_source_after_it() -> None:
    text = "The Harbour Trust opened in May. The ferry will stop for a month, reported the Harbour Trust."
    assert indirects(text) == [("The ferry will stop for a month", "Harbour Trust", "reported")]


def test_trailing_cue_with_a_date() -> None:
    text = "The permits keep the roads safe, the Transport Agency said in a statement on Dec. 13."
    assert indirects(text) == [("The permits keep the roads safe", "Transport Agency", "said")]


def test_the_paper_with_no_organisation_before_is_a_source_of_its_own() -> None:
    text = "Ana Diaz led the work. Most forests are managed by their owners, the paper states."
    assert indirects(text) == [("Most forests are managed by their owners", "paper", "states")]


@pytest.mark.parametrize(
    ("sentence", "clause", "cue"),
    [
        (
            "Mayor Ana Ruiz urged residents on Sunday to leave the coast before the storm.",
            "to leave the coast before the storm",
            "urged",
        ),
        (
            "The Harbour Trust called on the council to reopen the ferry terminal.",
            "to reopen the ferry terminal",
            "called on",
        ),
    ],
)
def test_urged_to(sentence: str, clause: str, cue: str) -> None:
    [(found, _, found_cue)] = indirects(sentence)
    assert (found, found_cue) == (clause, cue)


def test_urged_names_no_speaker_after_it() -> None:
    [(_, speaker, _)] = indirects("Mayor Ana Ruiz urged Tom Reed to stay in office for a year.")
    assert speaker == "Ana Ruiz"


def test_the_spokesperson_named_before() -> None:
    text = (
        "“We act fast,” said Ana Diaz, the agency spokesperson.\n"
        "Later the spokesperson said the city had decided to send the alert."
    )
    assert indirects(text) == [("the city had decided to send the alert", "Ana Diaz", "said")]


def test_a_direct_quote_relayed_by_according_to_is_no_reported_clause() -> None:
    text = "“The plan will work,” the mayor said in a statement, according to the Harbour Times."
    assert indirects(text) == []


@pytest.mark.parametrize(
    ("sentence", "clause"),
    [
        (
            "Mayor Ana Ruiz said around 400 households could be eligible.",
            "around 400 households could be eligible",
        ),
        (
            "Mayor Ana Ruiz said £2m of new funding would pay for ten clinics.",
            "£2m of new funding would pay for ten clinics",
        ),
    ],
)
def test_bare_clause_opening_with_a_number(sentence: str, clause: str) -> None:
    assert indirects(sentence) == [(clause, "Ana Ruiz", "said")]


def test_a_surname_no_rule_made_a_name_is_the_person_of_that_name() -> None:
    text = "Analyst Jun Park spoke first. Park said he expected more firms to merge."
    assert indirects(text) == [("he expected more firms to merge", "Jun Park", "said")]


def test_a_second_cue_joined_by_but_reports_a_second_clause() -> None:
    text = "Minister Dan Kosta said the fund was open but warned that it would not be cheap."
    assert indirects(text) == [
        ("the fund was open", "Dan Kosta", "said"),
        ("it would not be cheap", "Dan Kosta", "warned"),
    ]


def test_and_that_keeps_one_clause() -> None:
    text = "Ana Ruiz said the road was closed, and that the bridge would stay shut."
    assert indirects(text) == [
        ("the road was closed, and that the bridge would stay shut", "Ana Ruiz", "said")
    ]


def test_a_participle_after_the_clause_is_the_article_s_comment() -> None:
    text = "The Harbour Trust said it would cut 40 jobs, taking the total this year to 90."
    assert indirects(text) == [("it would cut 40 jobs", "Harbour Trust", "said")]


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "Ana Ruiz said the offer was “fair and generous” and urged the union to return.",
            "the offer was “fair and generous”",
        ),
        (
            "Norvex Holdings said it plans to cut about 1,000 jobs even as it reported a profit.",
            "it plans to cut about 1,000 jobs",
        ),
        (
            "Tom Reed said the team played well and scored three late goals.",
            "the team played well and scored three late goals",
        ),
        (
            "Ana Ruiz said the audit was late and the report was incomplete.",
            "the audit was late and the report was incomplete",
        ),
        (
            "Tom Reed said the company grew fast and reported record profits.",
            "the company grew fast and reported record profits",
        ),
    ],
)
def test_a_conjunction_and_a_second_cue_end_the_reported_clause(text: str, clause: str) -> None:
    assert indirects(text)[0][0] == clause


def test_in_a_statement_between_a_name_and_its_cue_is_no_speaker() -> None:
    text = "Ana Ruiz is the mayor. Ruiz, in a statement on Monday, said the budget was final."
    assert indirects(text) == [("the budget was final", "Ana Ruiz", "said")]


def test_adding_that_reports_a_second_clause() -> None:
    text = "Analyst Jun Park said he expected more firms to merge, adding that investors had lost patience."
    assert indirects(text) == [
        ("he expected more firms to merge", "Jun Park", "said"),
        ("investors had lost patience", "Jun Park", "adding"),
    ]


def test_according_to_a_source_then_an_appositive() -> None:
    text = (
        "Sales fell by a third last year, according to Ana Diaz, a professor at the Harbour "
        "College. According to Tom Reed, deputy director at the Harbour Trust, the ferry was "
        "never insured."
    )
    assert indirects(text) == [
        ("Sales fell by a third last year", "Ana Diaz", "according to"),
        ("the ferry was never insured", "Tom Reed", "According to"),
    ]


def test_according_to_keeps_a_subject_with_its_own_comma() -> None:
    text = "According to police, the driver, who was 30, fled the scene."
    [(clause, _, _)] = indirects(text)
    assert clause == "the driver, who was 30, fled the scene"


def test_according_to_a_role_named_in_apposition() -> None:
    text = "Ana Diaz wrote a novel. Its sales have doubled, according to her publisher, the Harbour Trust."
    assert indirects(text) == [("Its sales have doubled", "Harbour Trust", "according to")]


def test_a_cue_in_a_relative_clause_reports_nothing() -> None:
    text = "Ana Ruiz, who told Tom Reed about it, said the plan would fail."
    assert indirects(text) == [("the plan would fail", "Ana Ruiz", "said")]


def test_group_sources_keep_what_kind_they_are() -> None:
    text = "Later, state officials said the road would reopen."
    assert [s for _, s, _ in indirects(text)] == ["state officials"]


def test_trailing_cue_after_a_spokesman_and_his_name() -> None:
    text = "The road would reopen, a spokesman for the Harbour Trust, Tom Reed, said."
    assert indirects(text) == [("The road would reopen", "Tom Reed", "said")]


def test_suggested_and_announced_take_a_bare_clause() -> None:
    text = "Mayor Ana Ruiz suggested she would not run again. The Harbour Trust announced it would close."
    assert [c for _, _, c in indirects(text)] == ["suggested", "announced"]


def test_a_trailing_cue_in_a_relative_clause_is_no_attribution() -> None:
    text = "The ferries carry few people, five for example, in a boat that the Harbour Trust announced last year."
    assert indirects(text) == []


def test_a_hyphened_role_before_a_name_after_the_cue() -> None:
    text = "“It has huge consequences,” says study co-author Ana Ruiz, a biophysicist."
    assert directs(text) == [("It has huge consequences", "Ana Ruiz", "says")]


def test_a_source_after_the_cue_followed_by_a_verb_is_what_is_reported() -> None:
    text = "Director Tom Reed said investigators were working “to understand his network.”"
    assert directs(text) == [("to understand his network.", "Tom Reed", "said")]


def test_a_study_by_a_person_is_that_person_s() -> None:
    text = (
        "According to a 2012 study by Ana Ruiz, a professor of education, boys play with "
        "more complex puzzles."
    )
    assert indirects(text) == [("boys play with more complex puzzles", "Ana Ruiz", "According to")]


def test_no_quote_without_a_cue() -> None:
    assert quotes_of("The bridge was closed after the storm damaged its supports.") == []


def test_titles_of_works_are_not_quotes_even_near_a_cue() -> None:
    assert directs(
        "“I love judges,” she said about her visit to NPR’s “Wait, Wait … Don’t Tell Me!”"
    ) == [("I love judges", None, "said")]
    assert directs("“No, Justice Alito,” Ruth Bader said.") == [
        ("No, Justice Alito", "Ruth Bader", "said")
    ]


def test_a_cue_after_a_direct_quote_is_its_attribution() -> None:
    text = "“There have been agencies like this,” Anna Lee told the justices, as she defended the bureau created in 2010."
    assert indirects(text) == []
    text = "Anna Lee said at one point, “He just wanted to win again.”"
    assert indirects(text) == []


def test_a_cue_with_its_own_that_clause_after_a_quote() -> None:
    text = 'An official called his rule "illegitimate" and said that his election was won through fraud.'
    assert [t for t, _, _ in indirects(text)] == ["his election was won through fraud"]


def test_time_adjuncts_between_cue_and_clause() -> None:
    text = "Intelligence chief Omar Khan said last Wednesday the gunman had shot himself."
    assert indirects(text) == [("the gunman had shot himself", "Omar Khan", "said")]


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2021, President Joe Biden nominated her, and the Senate confirmed Prelogar by a vote.",
        "Many researchers are warning of dangerous, potentially unintended consequences.",
        "Paul Azza denied the allegations and was later found to be innocent.",
    ],
)
def test_no_reported_speech(sentence: str) -> None:
    assert indirects(sentence) == []


def test_mixed_quotation_marks() -> None:
    text = "“He told me ‘not now’ and left the room,” Carla Diaz said."
    assert directs(text) == [("He told me ‘not now’ and left the room", "Carla Diaz", "said")]
    text = '"The vote is final," Mayor Ben Ortiz said. ‘We move on.’'
    assert [t for t, _, _ in directs(text)] == ["The vote is final", "We move on."]


def test_abbreviated_titles_and_pronouns() -> None:
    text = (
        "Sen. Ruth Calloway backed the bill. Sen. Dwight Harlan voted against it. "
        "He said it was a waste of money."
    )
    assert indirects(text) == [("it was a waste of money", "Dwight Harlan", "said")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“Water is not tested for everything,” said lead author Dr. Alan Kuroda.", "Alan Kuroda"),
        ("“Nobody is against clean energy,” said MCA director Isla Fraser, 39.", "Isla Fraser"),
        ("“Prices will rise,” said Torvik Energy CEO Lena Voss.", "Lena Voss"),
        # words of a role not in any lexicon, before a person
        ("“We aimed high,” says former flight manager Ana Ruiz.", "Ana Ruiz"),
        ("“We aimed high,” says Kestrel’s former flight manager Ana Ruiz, 61.", "Ana Ruiz"),
    ],
)
def test_role_words_between_cue_and_name(text: str, speaker: str) -> None:
    assert [s for _, s, _ in directs(text)] == [speaker]


def test_a_function_word_after_a_cue_is_no_role() -> None:
    text = "“We aimed high and we reached the comet in the end,” said that Ana Ruiz was right."
    assert [s for _, s, _ in directs(text)] == [None]


def test_a_long_appositive_between_a_name_and_its_cue() -> None:
    """Past the usual dozen words from the quote, when only the name's appositive is between."""
    text = (
        "“Nobody had looked at the hill before,” Ana Ruiz, a doctoral student in Classical "
        "Archaeology and Ancient History at the University of Torvik and leader of the dig, "
        "said in a statement."
    )
    assert [s for _, s, _ in directs(text)] == ["Ana Ruiz"]
    text = (
        "“Nobody had looked at the hill before,” the team wrote in a long report released on "
        "Tuesday to the regional council and its members, Ana Ruiz said."
    )
    assert [s for _, s, _ in directs(text)] != ["Ana Ruiz"]


def test_an_elected_title_is_a_role_the_quote_refers_back_to() -> None:
    text = (
        "Governor-elect Ana Ruiz named Tom Reed to the post. "
        "“He is a tireless advocate,” the governor-elect said in a statement."
    )
    assert [s for _, s, _ in directs(text)] == ["Ana Ruiz"]


def test_appositives_of_place_and_participle() -> None:
    text = "Economist Sam Whitlock, of the Melbourne Policy Institute, said the rise would add to inflation."
    assert indirects(text) == [("the rise would add to inflation", "Sam Whitlock", "said")]
    text = (
        "A White House official, speaking on condition of anonymity because talks were continuing, "
        "said the president would sign the bill."
    )
    assert indirects(text) == [
        ("the president would sign the bill", "White House official", "said")
    ]


def test_a_document_names_its_organisation() -> None:
    text = (
        "The Insurance Council of Australia (ICA) met on Monday. "
        "About a third of the claims relate to cars, according to ICA data."
    )
    assert [s for _, s, _ in indirects(text)] == ["Insurance Council of Australia"]


def test_according_to_with_nothing_before_it_is_no_quote() -> None:
    text = "The prisons are crowded\n, according to the State Department."
    assert quotes_of(text) == []  # was one quote of no words


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "Reed said he might run for mayor, though he declined the offer a year ago.",
            "he might run for mayor",
        ),
        (
            "Reed said the port could take ships — setting up a clash with the town.",
            "the port could take ships",
        ),
        (
            "Reed said the plan had been wanted for years; the council had just approved it.",
            "the plan had been wanted for years",
        ),
        (
            "Reed said there are three kinds of storms: small ones; large ones; and the worst.",
            "there are three kinds of storms: small ones; large ones; and the worst",
        ),
    ],
)
def test_a_reported_clause_ends_where_the_article_comments(text: str, clause: str) -> None:
    """At ", though ..." and at a semicolon, unless a colon opened a list before it."""
    assert [t for t, _, _ in indirects(text)] == [clause]


def test_a_surname_that_is_also_a_place_word_names_the_person() -> None:
    """ "says Hill", after "Andrew Hill": his surname, though "Hill" also ends place names."""
    text = (
        "Andrew Hill and Ralf Groene built it. "
        "“We are here to make good products,” says Hill. It is a belief Groene shares."
    )
    assert [s for _, s, _ in directs(text)] == ["Andrew Hill"]


def test_a_report_speaks_for_its_author_not_for_an_organisation_it_mentions() -> None:
    """ "the report said": the organisation named as its author ("a report published on
    Tuesday by the Harbour Trust", "the Trust's annual report"); else the report itself."""
    authored = (
        "Reefs are dying, according to a report published on Tuesday by the Harbour Trust. "
        "Reefs cover less than 1 per cent of the sea floor, the report said."
    )
    assert [s for _, s, _ in indirects(authored)][-1] == "Harbour Trust"
    owned = (
        "The Harbour Trust’s annual report came out on Tuesday. "
        "Reefs cover less than 1 per cent of the sea floor, the report said."
    )
    assert [s for _, s, _ in indirects(owned)] == ["Harbour Trust"]
    mentioned = (
        "The Harbour Trust said the work was hard. A paper by two ecologists came out. "
        "Reefs cover less than 1 per cent of the sea floor, the paper states."
    )
    assert [s for _, s, _ in indirects(mentioned)][-1] != "Harbour Trust"


def test_an_unknown_single_name_speaks_past_a_time_before_its_cue() -> None:
    text = "Interest grew after Norvex earlier this month said it plans to invest in the port."
    assert indirects(text) == [("it plans to invest in the port", "Norvex", "said")]


def test_according_to_a_firm_s_analyst_is_the_analyst() -> None:
    text = "A merger is possible, according to Norvex Bank analyst Lena Voss."
    assert indirects(text) == [("A merger is possible", "Lena Voss", "according to")]


def test_a_cue_between_commas_before_a_clause_of_its_own_reports_the_words_before() -> None:
    text = "The guard ordered the man to stop, Captain Ana Ruiz said, but instead, he ran."
    assert indirects(text) == [("The guard ordered the man to stop", "Ana Ruiz", "said")]


def test_a_reported_clause_ends_where_its_speaker_goes_on_into_a_direct_quote() -> None:
    text = "Ana Ruiz said she would consider Tom Reed but added, “I would rather keep Lena.”"
    assert indirects(text) == [("she would consider Tom Reed", "Ana Ruiz", "said")]
    assert [t for t, _, _ in directs(text)] == ["I would rather keep Lena."]


def test_a_document_s_owner_is_named_before_its_cue_or_as_its_maker() -> None:
    text = "Initial reports said the man had arrived on a train from Portugal."
    assert [s for _, s, _ in indirects(text)] == ["Initial reports"]
    text = "Prices rose, according to a report published on Tuesday by the Harbour Trust."
    assert [s for _, s, _ in indirects(text)] == ["Harbour Trust"]


def test_the_name_a_relative_clause_with_the_cue_is_about_speaks() -> None:
    text = "I got a reply from Ana Ruiz, who confirmed that the voice belongs to Tom Reed."
    assert indirects(text) == [("the voice belongs to Tom Reed", "Ana Ruiz", "confirmed")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (  # the gender of "actress" passes over the man named nearer
            "Ana Ruiz joined the cast in May. Tom Reed directed it. "
            '"The rehearsals were long," the actress says.',
            "Ana Ruiz",
        ),
        (  # the person the article called so comes first
            "The novelist Lena Voss met Ana Ruiz in May. "
            '"We talked for hours," the 40-year-old novelist says.',
            "Lena Voss",
        ),
        (  # a role as a title before the name
            'Novelist Lena Voss met Tom Reed in May. "We talked," the novelist says.',
            "Lena Voss",
        ),
        (  # a noun with no gender and no one called so: an unnamed source
            'Ana Ruiz met Tom Reed in May. "We talked for hours about it," the novelist says.',
            "novelist",
        ),
        (  # "the man" most often brings in someone unnamed: an unnamed source
            'Police arrested Tom Reed on Monday. "It was loud all night," the man said.',
            "man",
        ),
    ],
)
def test_a_noun_for_a_person_after_the_refers_back_to_one_named_before(
    text: str, speaker: str | None
) -> None:
    assert [q[2] for q in quotes_of(text)] == [speaker]


def test_nouns_that_refer_back_to_a_person_are_no_titles_and_no_unnamed_sources() -> None:
    from newsfacts.extract.lexicons import load_lexicons
    from newsfacts.extract.quotes import _title_nouns

    lex = load_lexicons()
    nouns = set(lex.person_back_references)
    assert nouns and not nouns & _title_nouns(lex) and not nouns & lex.unnamed_sources
    assert set(lex.person_back_references.values()) <= {"m", "f", "?"}


@pytest.mark.parametrize("verb", ["screamed", "yelled", "chanted", "muttered"])
def test_a_short_quotation_inside_reported_speech_is_whoever_utters_it(verb: str) -> None:
    """ "Witnesses said that X screamed “...”": the witnesses report, X speaks the words."""
    text = f"Witnesses said that Ana Reed {verb} “Long live the king” during the shooting."
    assert [(kind, speaker) for kind, _, speaker, _ in quotes_of(text)] == [
        ("indirect", "Witnesses"),
        ("direct", "Ana Reed"),
    ]


@pytest.mark.parametrize(
    ("sentence", "clause"),
    [
        ("Ana Ruiz says she misses the trams in the city.", "she misses the trams in the city"),
        ("Ana Ruiz says she even misses the trams.", "she even misses the trams"),
        ("Ana Ruiz says they rarely visit the old port.", "they rarely visit the old port"),
    ],
)
def test_a_reported_clause_in_the_present_tense(sentence: str, clause: str) -> None:
    assert indirects(sentence) == [(clause, "Ana Ruiz", "says")]


def test_a_pronoun_object_then_a_preposition_is_no_clause() -> None:
    assert indirects("Matt Reed stated it for good measure after the game in the city.") == []


@pytest.mark.parametrize(
    "text",
    [
        "A spokesman for the presidency, Tom Reed, said President Ana Ruiz had been briefed "
        "and “fully backs the delegation”.",
        "Tom Reed, the city manager, said the Harbour Trust “has no say in this”.",
    ],
)
def test_a_quotation_inside_reported_speech_is_the_reporters(text: str) -> None:
    """A name after a cue that has its own subject is what is reported, not who speaks."""
    assert {speaker for _, _, speaker, _ in quotes_of(text)} == {"Tom Reed"}


def test_the_commission_is_the_commission_named_before() -> None:
    text = (
        "The European Commission opened an inquiry on Monday. Norvex Systems denied wrongdoing.\n"
        "The commission said the fines could reach 4 percent of turnover.\n"
        "The Dallas police department said it had made no arrests."
    )
    assert [s for _, s, _ in indirects(text)][:1] == ["European Commission"]
    assert "European Commission" not in [s for _, s, _ in indirects(text)][1:]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Norvex Bank cut 500 jobs, Reuters reported. The bank said the cuts were needed.",
            "Norvex Bank",
        ),
        (
            "Mayor Tom Reed met the Norvale Teachers Union. The union said a deal was close.",
            "Norvale Teachers Union",
        ),
        (
            "Kellun Airlines and the Safety Board met. The airline said flights would resume.",
            "Kellun Airlines",
        ),
    ],
)
def test_the_institution_is_the_one_with_that_word_in_its_name(text: str, speaker: str) -> None:
    assert [s for _, s, _ in indirects(text)][-1] == speaker


def test_a_name_and_its_role_before_a_cue_are_no_reported_clause() -> None:
    text = "Tom Reed, the city manager, said the Harbour Trust “has no say in this”."
    assert indirects(text) == [("the Harbour Trust “has no say in this”", "Tom Reed", "said")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The judge, Maria Olsen, told the court the evidence was weak.",
        "Maria Olsen told her staff that the evidence was weak.",
        "Maria Olsen told jurors the evidence was weak.",
        "Maria Olsen told Chief Justice Tom Reed of Kestry on Tuesday that the evidence was weak.",
    ],
)
def test_whom_told_tells_is_no_part_of_the_clause(sentence: str) -> None:
    assert indirects(sentence) == [("the evidence was weak", "Maria Olsen", "told")]


@pytest.mark.parametrize(
    ("sentence", "clause"),
    [("Tom Reed said prices fell.", "prices fell"), ("Tom Reed said he resigned.", "he resigned")],
)
def test_a_subject_and_its_verb_are_a_clause(sentence: str, clause: str) -> None:
    assert indirects(sentence) == [(clause, "Tom Reed", "said")]
    assert indirects(sentence.replace(clause, "on Monday")) == []


def test_an_adverb_between_a_definite_role_and_its_cue() -> None:
    text = "Kellun Holdings reported results. The company also said it would hire 200 workers."
    assert indirects(text) == [("it would hire 200 workers", "Kellun Holdings", "said")]


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        ("Police said two people were injured.", ("two people were injured", "Police", "said")),
        (
            "Owen Tacket said contestants often sign contracts that limit what they say.",
            ("contestants often sign contracts that limit what they say", "Owen Tacket", "said"),
        ),
        (
            "Brian Coultard said in an interview with the Harcourt Times that he lost it all.",
            ("he lost it all", "Brian Coultard", "said"),
        ),
        (
            "Ana Ruiz told reporters on Monday that the talks failed.",
            ("the talks failed", "Ana Ruiz", "told"),
        ),
    ],
)
def test_what_stands_between_a_cue_and_its_clause(
    sentence: str, quote: tuple[str, str, str]
) -> None:
    assert indirects(sentence) == [quote]


def test_a_report_inside_a_trailing_attribution_is_part_of_it() -> None:
    text = "Ana Ruiz believes the plan will fail, her spokesman said."
    assert indirects(text) == [("Ana Ruiz believes the plan will fail", "her spokesman", "said")]


@pytest.mark.parametrize("source", ["A woman", "One victim", "A neighbour"])
def test_common_nouns_as_unnamed_sources(source: str) -> None:
    (quote,) = indirects(f"{source} said the burglars took her ring.")
    assert quote[0] == "the burglars took her ring"
    assert quote[1] == source.split()[-1]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'Striker Tomas Varga scored. Paul Kendrick was pleased. "It hurts," the striker said.',
            "Tomas Varga",
        ),
        (
            'Singer Dax Pellham, 28, left. Ana Ruiz was upset. "I am sorry," the 28-year-old said.',
            "Dax Pellham",
        ),
        (
            'Frenchman Julien Moreau beat Tom Reed. "I dreamt of this," said the Frenchman.',
            "Julien Moreau",
        ),
        (
            'Hungarian Tomas Varga scored. Tom Reed was happy. "It hurts," the Hungarian said.',
            "Tomas Varga",
        ),
    ],
)
def test_a_role_or_an_age_refers_back_to_the_person_so_described(text: str, speaker: str) -> None:
    assert [q[2] for q in quotes_of(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # no one was given that country: the person named last, of no other country
        (
            'Manager Hendrik Vossberg was pleased. "We were flat," the Dutchman said.',
            "Hendrik Vossberg",
        ),
        (
            'Ana Moreau beat Belgian Pieter Claes. "I dreamt of this," said the Frenchwoman.',
            "Ana Moreau",
        ),
        ('Ana Ruiz beat Eva Smit. "She played better," the Dutchwoman told reporters.', "Eva Smit"),
        # the person named inside a relative clause is not the one meant
        (
            'Anouk Vermeulen, who had beaten Sofia Marchetti twice, was gracious. "She played'
            ' better," the Dutchwoman said.',
            "Anouk Vermeulen",
        ),
        # "Belgian rider Pieter Claes": of another country
        (
            'Ana Moreau beat Belgian rider Pieter Claes. "I dreamt of this," said the Frenchwoman.',
            "Ana Moreau",
        ),
        # "German" says no gender
        (
            'Coach Piotr Zawada left. Leonie Brandauer won. "I am happy," the German said.',
            "Leonie Brandauer",
        ),
        # one brought in unnamed so is that one
        (
            'A Dutchman was arrested near Tom Reed\'s home. "I am innocent," the Dutchman said.',
            "Dutchman",
        ),
    ],
)
def test_a_demonym_no_one_was_given_refers_to_the_person_named_last(
    text: str, speaker: str
) -> None:
    assert [q[2] for q in quotes_of(text)] == [speaker]


def test_a_source_in_a_phrase_set_off_after_the_subject_does_not_speak() -> None:
    text = "The spokesman, flanked by officials from Kestry, said the plan was dead."
    assert indirects(text) == [("the plan was dead", "spokesman", "said")]


def test_a_nickname_in_quotation_marks_is_no_quote() -> None:
    text = 'Head coach Dermot "Deco" Walsh said his players lacked discipline.'
    assert quotes_of(text) == [
        ("indirect", "his players lacked discipline", "Dermot Walsh", "said")
    ]
    assert quotes_of('He called it "Good" Tom said.')[0][:2] == ("direct", "Good")


@pytest.mark.parametrize(
    "sentence",
    [
        "Ines Dallow confirmed that account in a separate interview.",
        "Jane Holt denied that report on Monday.",
    ],
)
def test_that_as_a_determiner_opens_no_clause(sentence: str) -> None:
    assert indirects(sentence) == []
    assert indirects(sentence.replace("that", "that prices rose, not")) != []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'Striker Tomas Varga scored twice. Paul Kendrick was happy.\n\n"Varga was brilliant today," he said.',
            "Paul Kendrick",
        ),
        (
            'Kyle Boateng, 17, died. His mother, Grace Mensah, paid tribute.\n\n"Kyle had his whole life ahead of him," she said.',
            "Grace Mensah",
        ),
    ],
)
def test_a_pronoun_speaker_is_not_someone_the_quotation_names(text: str, speaker: str) -> None:
    assert [q[2] for q in quotes_of(text)] == [speaker]


@pytest.mark.parametrize("opening", ["But ", "And resident "])
def test_a_conjunction_before_the_subject_opens_no_leading_phrase(opening: str) -> None:
    text = f"{opening}Alan Whitby, 45, said the rule went too far."
    assert indirects(text) == [("the rule went too far", "Alan Whitby", "said")]


def test_a_described_source_after_according_to_is_unnamed() -> None:
    text = (
        "Race director Helene Gautier said barriers would be reviewed. None of the riders was "
        "seriously hurt, according to the race's medical service."
    )
    assert quotes_of(text)[-1][2] == "race's medical service"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'Castlegate signed Tomas Wielecki in May. "I tried," the striker told reporters.',
            "Tomas Wielecki",
        ),
        (
            "New Zealand captain Rawiri Tane was calm. Sizwe Ndlovu took nine wickets."
            ' "We got outplayed," the skipper said.',
            "Rawiri Tane",
        ),
        ('A foul on Kettleby skipper Ade Oluwole. "I am fine," the defender said.', "Ade Oluwole"),
        # one brought in unnamed so is that one
        ('Tom Reed watched a young striker score. "I tried," the striker said.', "striker"),
    ],
)
def test_a_player_s_position_refers_to_the_player_named_last(text: str, speaker: str) -> None:
    assert quotes_of(text)[-1][2] == speaker


def test_a_noun_for_a_person_no_one_was_called_is_an_unnamed_source() -> None:
    text = 'Coach Lena Voss praised her team. "We ran them ragged," the striker said.'
    assert quotes_of(text)[-1][2] == "striker"


def test_a_number_opens_a_clause_only_before_its_verb() -> None:
    assert indirects("Officials have confirmed four cases of measles linked to a school.") == []
    assert indirects("Police said two people were injured.") != []


def test_told_and_a_noun_phrase_before_that() -> None:
    text = "Tom Reed told state radio that the army was watching closely."
    assert indirects(text) == [("the army was watching closely", "Tom Reed", "told")]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Efua Boateng, a singer, said the concert was cancelled.", "Efua Boateng"),
        ("Her family said she loved music.", "Her family"),
        ("Forecasters said the storm would hit on Monday.", "Forecasters"),
        ("Industry watchers said prices would rise.", "Industry watchers"),
        (
            "The Councils Forum, which represents 67 councils, warned that rates would rise.",
            "Councils Forum",
        ),
    ],
)
def test_more_speakers_before_a_cue(sentence: str, speaker: str) -> None:
    assert [q[1] for q in indirects(sentence)] == [speaker]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Tom Reed spoke first. He later said that the plan would fail.",
            ("the plan would fail", "Tom Reed", "said"),
        ),
        (
            "Tom Reed said the council can't afford the plan.",
            ("the council can't afford the plan", "Tom Reed", "said"),
        ),
        ("Sales fell, Tom Reed said in a blog post.", ("Sales fell", "Tom Reed", "said")),
        (
            "Police urged residents not to drive through floodwater.",
            ("not to drive through floodwater", "Police", "urged"),
        ),
        (
            "Another resident, Ron, said the water was dirty.",
            ("the water was dirty", "Ron", "said"),
        ),
    ],
)
def test_probe_c_patterns(text: str, quote: tuple[str, str, str]) -> None:
    assert indirects(text)[-1] == quote


@pytest.mark.parametrize("denial", ["declined to say", "refused to say", "would not say"])
def test_a_denied_cue_reports_nothing(denial: str) -> None:
    assert indirects(f"Tom Reed {denial} whether he would resign.") == []


def test_a_so_called_thing_is_no_quote() -> None:
    text = 'Mining company Redbank Iron will spend $A12 million, part of its so-called "social licence".'
    assert quotes_of(text) == []


@pytest.mark.parametrize(
    "introduction",
    ["Gov. Tom Reed signed the bill.", "Tom Reed, the state governor, signed the bill."],
)
def test_the_governor_is_the_one_so_titled_or_described(introduction: str) -> None:
    text = f"{introduction} The governor said it would help families."
    assert indirects(text) == [("it would help families", "Tom Reed", "said")]


def test_the_statement_is_the_organisation_that_issued_it() -> None:
    text = 'Kellun Bank issued a statement. "We regret the error," the statement said.'
    assert quotes_of(text) == [("direct", "We regret the error", "Kellun Bank", "said")]


def test_a_sentence_opening_with_a_source_opens_no_leading_phrase() -> None:
    text = "A spokesperson declined to say how many jobs would go, but said the plant would stay."
    assert indirects(text) == [("the plant would stay", "spokesperson", "said")]


def test_a_described_source_after_the_cue_before_who() -> None:
    text = '"It was a good day," said a trader who gave his name only as Frank.'
    assert quotes_of(text) == [("direct", "It was a good day", "trader", "said")]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("A lawyer for the family said the verdict was unjust.", "lawyer"),
        ("An aide to the opposition leader said the vote was rigged.", "aide"),
        ("Bills will rise, according to the finance director, Lena Marsh.", "Lena Marsh"),
    ],
)
def test_whom_a_source_serves_does_not_speak(sentence: str, speaker: str) -> None:
    assert [q[1] for q in indirects(sentence)] == [speaker]


def test_a_cue_after_a_hyphen_is_no_cue() -> None:
    assert indirects("The leader of Varnia's self-declared government, Dario Kell, left.") == []


def test_a_role_and_a_name_after_the_cue() -> None:
    text = '"We will fight on," said the president, Lucia Benavente.'
    assert quotes_of(text) == [("direct", "We will fight on", "Lucia Benavente", "said")]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "A structural engineer testified on Monday that the beams were weak.",
            "structural engineer",
        ),
        ("Aid agencies warned on Thursday that food was running out.", "Aid agencies"),
    ],
)
def test_engineers_and_agencies_as_unnamed_sources(sentence: str, speaker: str) -> None:
    assert [q[1] for q in indirects(sentence)] == [speaker]


def test_a_camel_case_name_opening_a_sentence_speaks() -> None:
    text = "TransNorth said the inspections met national standards."
    assert indirects(text) == [("the inspections met national standards", "TransNorth", "said")]


def test_the_observatory_is_the_one_named_before() -> None:
    text = "The Orlov Space Observatory made the find. The observatory said the team was thrilled."
    assert indirects(text) == [("the team was thrilled", "Orlov Space Observatory", "said")]


def test_accused_of_reports_what_the_addressee_is_accused_of() -> None:
    text = "Ana Ruiz accused the council of hiding the report from residents."
    assert indirects(text) == [("hiding the report from residents", "Ana Ruiz", "accused")]


def test_a_quotation_after_accused_of_is_the_accusers() -> None:
    text = (
        "Mayor Lena Voss praised the vote. Councilman Tom Reed accused Voss of “rushing this "
        "through before anyone could read the fine print” and vowed to gather signatures."
    )
    assert [(kind, s) for kind, _, s, _ in quotes_of(text)] == [("direct", "Tom Reed")]


def test_according_to_a_role_is_whom_it_refers_back_to() -> None:
    text = (
        "The National Energy Agency raised the cap on Monday.\n"
        "Wholesale gas prices have risen by about 30% since October, according to the agency."
    )
    assert [s for _, s, _ in indirects(text)] == ["National Energy Agency"]


def test_according_to_a_described_name_is_the_name() -> None:
    text = "Sales fell 9 percent in June, according to the market research firm Tallis Research."
    assert [s for _, s, _ in indirects(text)] == ["Tallis Research"]


def test_a_quotation_a_document_confirms_is_the_words_of_who_cites_it() -> None:
    text = (
        "The rapporteur, the Irish lawmaker Ciaran Dowd, said the report confirmed "
        "“what everyone in Brussels has known for two years”."
    )
    assert [(kind, s) for kind, _, s, _ in quotes_of(text)] == [
        ("indirect", "Ciaran Dowd"),
        ("direct", "Ciaran Dowd"),
    ]


def test_a_country_in_an_appositive_opening_with_one_of_does_not_speak() -> None:
    text = (
        "Norvex Systems, one of the largest platforms operating in Spain, said in a statement "
        "that holiday flats made up 2 percent of the housing stock."
    )
    assert [s for _, s, _ in indirects(text)] == ["Norvex Systems"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Norvex Systems cut 300 jobs.\n“We had no choice,” said the company.", "Norvex Systems"),
        ("Actress Ana Ruiz won the prize.\n“It was a long road,” says the actress.", "Ana Ruiz"),
    ],
)
def test_a_role_after_the_cue_is_whom_it_refers_back_to(text: str, speaker: str) -> None:
    assert [s for _, _, s, _ in quotes_of(text)] == [speaker]


def test_accused_of_takes_the_last_of_before_what_is_alleged() -> None:
    text = "Critics have accused the president of the union of ignoring the members."
    assert [c for c, _, _ in indirects(text)] == ["ignoring the members"]


def test_a_verb_that_mostly_introduces_quotations_reports_a_that_clause() -> None:
    text = "Ms. Dunmore testily responded that she did not “get confused.”"
    assert quotes_of(text) == [
        ("indirect", "she did not “get confused.”", "Dunmore", "responded"),
        ("direct", "get confused.", "Dunmore", "responded"),
    ]


def test_another_speakers_cue_ends_a_reported_clause_and_reports_its_own() -> None:
    text = (
        "Mr. Halvorsen suggested that officers were being stymied while Mrs. Okafor said his "
        "comments were uninformed."
    )
    assert indirects(text) == [
        ("officers were being stymied", "Halvorsen", "suggested"),
        ("his comments were uninformed", "Okafor", "said"),
    ]


def test_a_quotation_inside_a_reported_clause_is_the_reporters() -> None:
    text = (
        "Her rival Ines Marchetti wrote that Castellano had “made the rest of us better,” and "
        "Norvex Sports said that it would honour her in November."
    )
    assert quotes_of(text) == [
        ("indirect", "Castellano had “made the rest of us better,”", "Ines Marchetti", "wrote"),
        ("direct", "made the rest of us better", "Ines Marchetti", "wrote"),
        ("indirect", "it would honour her in November", "Norvex Sports", "said"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "People close to Ms. Dunmore insisted the choice was hers.",
            "People close to Ms. Dunmore",
        ),
        ("Allies of Mr. Halvorsen said he would run again.", "Allies of Mr. Halvorsen"),
        ("Aides to Governor Ana Ruiz said the bill would pass.", "Aides to Governor Ana Ruiz"),
        ("People familiar with the talks said a deal was near.", "People familiar with the talks"),
        ("Those around Mr. Halvorsen admit he has not read it.", "Those around Mr. Halvorsen"),
        (
            "A person familiar with the talks said a deal was near.",
            "person familiar with the talks",
        ),
    ],
)
def test_people_near_someone_are_an_unnamed_source_not_that_person(text: str, speaker: str) -> None:
    assert [s for _, s, _ in indirects(text)] == [speaker]


def test_those_is_no_source_without_near_whom() -> None:
    assert indirects("Those who attended said it was loud.") == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Ana Ruiz spoke first.\n“The concert is on,” a publicist retorted.", "publicist"),
        ("Ana Ruiz spoke first.\n“We will not go,” said a longtime bandmate.", "longtime bandmate"),
    ],
)
def test_a_described_source_no_lexicon_lists_speaks_at_its_cue(text: str, speaker: str) -> None:
    assert [s for _, _, s, _ in quotes_of(text)] == [speaker]


def test_a_time_after_a_cue_is_no_described_source() -> None:
    text = "Ana Ruiz spoke first.\n“We will not go,” she said a week ago."
    assert [s for _, _, s, _ in quotes_of(text)] == ["Ana Ruiz"]


def test_a_comma_after_the_cues_time_ends_the_attribution_not_opens_a_clause() -> None:
    text = (
        "Kestry and Norvia are close to signing a trade pact, Kestry's ambassador said "
        "Saturday, a deal that could anger their neighbours."
    )
    assert [c for c, _, _ in indirects(text)] == [
        "Kestry and Norvia are close to signing a trade pact"
    ]


def test_a_role_with_whose_it_is_is_the_person_given_that_title_later() -> None:
    text = (
        "Kestry and Norvia are close to signing a trade pact, Kestry's ambassador said "
        "Saturday. The statement by Ambassador Lena Okoro came amid signs of warmer ties."
    )
    assert [s for _, s, _ in indirects(text)] == ["Lena Okoro"]


def test_but_added_without_that_reports_a_second_clause_only_when_one_follows() -> None:
    text = "Ana Ruiz said she would weep if he lost, but added she has faith the court will act."
    assert indirects(text) == [
        ("she would weep if he lost", "Ana Ruiz", "said"),
        ("she has faith the court will act", "Ana Ruiz", "added"),
    ]
    text = "Ana Ruiz said the plan had failed and added a clause to the contract."
    assert [c for c, _, _ in indirects(text)] == [
        "the plan had failed and added a clause to the contract"
    ]


def test_and_called_on_ends_a_reported_clause_and_reports_what_was_urged() -> None:
    text = (
        "Opposition spokeswoman Ana Ruiz said the dispute was of the minister's own making and "
        "called on Mr Reed to meet the union."
    )
    assert indirects(text) == [
        ("the dispute was of the minister's own making", "Ana Ruiz", "said"),
        ("to meet the union", "Ana Ruiz", "called on"),
    ]


def test_argued_reports_a_clause_without_that() -> None:
    text = "Sen. Ana Ruiz voted against it and argued the money should go to highways."
    assert [(c, s) for c, s, _ in indirects(text)] == [
        ("the money should go to highways", "Ana Ruiz")
    ]


def test_an_indefinite_role_is_not_the_person_titled_so_later() -> None:
    text = (
        "Talks stalled again. A senior minister said the plan was dead. Prime Minister Tom "
        "Reed later denied it."
    )
    assert [s for _, s, _ in indirects(text)] == ["senior minister"]


def test_a_comma_after_the_cues_time_before_a_clause_keeps_it() -> None:
    text = "Prices rose. Tom Reed said Thursday, prices would fall next year."
    assert indirects(text) == [("prices would fall next year", "Tom Reed", "said")]


def test_a_portfolio_title_before_a_name_is_no_unnamed_source() -> None:
    text = "The ban ends. Minister for Rehabilitation Lena Okoro told reporters it would end."
    assert actors_of(text) == {"Lena Okoro": "person"}
    assert [s for _, s, _ in indirects(text)] == ["Lena Okoro"]


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        (
            "Ana Ruiz had made it clear that she would take a hard line on the budget.",
            "made it clear",
        ),
        ("Ana Ruiz reiterated that the budget would not grow this year.", "reiterated"),
        ("Ana Ruiz signalled that the budget would not grow this year.", "signalled"),
    ],
)
def test_more_verbs_that_report_a_that_clause(sentence: str, cue: str) -> None:
    assert [(s, c) for _, s, c in indirects(sentence)] == [("Ana Ruiz", cue)]


def test_adding_after_an_urged_clause_is_its_own_report() -> None:
    text = (
        "Prices rose again. Tom Reed said the economy was slowing and called on the bank to act "
        "quickly, adding that time was short."
    )
    assert indirects(text) == [
        ("the economy was slowing", "Tom Reed", "said"),
        ("to act quickly", "Tom Reed", "called on"),
        ("time was short", "Tom Reed", "adding"),
    ]


def test_and_after_a_name_is_no_other_speakers_cue() -> None:
    text = "The deal collapsed. Tom Reed said the plan failed because Norvex and Quorvia argued."
    assert [c for c, _, _ in indirects(text)] == [
        "the plan failed because Norvex and Quorvia argued"
    ]


def test_that_after_a_cue_taking_a_thing_must_open_a_clause() -> None:
    text = "The author spoke in Harlow. She wrote that book in 2010. He tweeted that photo then."
    assert indirects(text) == []


def test_a_quotation_naming_an_indefinite_thing_is_no_quote() -> None:
    text = (
        "Norvex Mobile said it would charge more, because it also offers something called "
        "“sponsored data” to other companies."
    )
    assert [q for q in quotes_of(text) if q[0] == "direct"] == []


def test_what_someone_called_a_thing_is_still_their_quote() -> None:
    text = "Ana Ruiz noted that the company has no partner yet, a gap she called “glaring.”"
    assert ("direct", "glaring.", "Ana Ruiz", "called") in quotes_of(text)


def test_an_unnamed_source_keeps_the_noun_a_name_owns() -> None:
    text = (
        "Nelson Reed built the shelter in 1962. Representatives of the Reed estate say they "
        "are unaware of it."
    )
    assert quotes_of(text)[-1][2] == "Representatives of the Reed estate"


@pytest.mark.parametrize(
    ("text", "quotation"),
    [
        (
            "Voss defended the plan, a move one councillor called “reckless and rushed.”",
            "reckless and rushed.",
        ),
        (
            "The court struck down the decision, which a judge called “plainly unlawful.”",
            "plainly unlawful.",
        ),
        ("Reed announced a plan Voss called “a betrayal of Torvik.”", "a betrayal of Torvik."),
    ],
)
def test_what_a_person_called_something_is_still_a_quote(text: str, quotation: str) -> None:
    assert quotation in [q[1] for q in quotes_of(text)]


def test_a_participle_after_a_pronoun_s_clause_is_the_pronoun_s_report() -> None:
    text = "Henrik Aalders was blunt. He disagreed, saying the schedule was the problem."
    assert indirects(text) == [("the schedule was the problem", "Henrik Aalders", "saying")]


def test_while_and_a_possessive_subject_open_another_speaker_s_report() -> None:
    text = (
        "Prosecutors told jurors that Tom Reed planned the theft, while his lawyer argued that "
        "the state had no case."
    )
    assert [(c, s) for c, s, _ in indirects(text)] == [
        ("Tom Reed planned the theft", "Prosecutors"),
        ("the state had no case", "his lawyer"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Terminal Austral, which runs the port of San Antonio, said it supported the bill.",
            "Terminal Austral",
        ),
        (
            "The Confederación Portuaria Nacional, which represents about 9,000 workers, said "
            "the strike would continue.",
            "Confederación Portuaria Nacional",
        ),
        (
            "The Energy Users Federation, which represents 40,000 firms, welcomed the cap but "
            "warned that a levy could be passed on to customers.",
            "Energy Users Federation",
        ),
        (
            "Oyelaran Adebayo, who chairs the panel, said the strike would continue.",
            "Oyelaran Adebayo",
        ),
        (
            "Norrland Home Group makes sofas. The company, which employs around 14,000 people "
            "worldwide, said in a statement that the plant would close.",
            "Norrland Home Group",
        ),
        (
            "“It was an honour,” Ms. Haley, seated next to Mr. Trump in the Oval Office, told "
            "reporters. She said she had decided to go.",
            "Haley",
        ),
        (  # the cue inside the relative clause is the clause's own
            "The claims were first reported by the Daily Meridian, which cited two unnamed "
            "officials who said senior aides had asked prosecutors to delay charges.",
            "two unnamed officials",
        ),
    ],
)
def test_a_relative_clause_before_the_cue_leaves_whom_it_describes_speaking(
    text: str, speaker: str
) -> None:
    assert {q[2] for q in quotes_of(text)} == {speaker}
    assert "San Antonio" not in actors_of(text) and "workers" not in actors_of(text)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We will not back down," said Acme Logistics chief executive Jane Doe.', "Jane Doe"),
        (
            "Prime Minister Alistair Kerr praised Housing Minister Peter Vasquez. "
            '"He is doing a tremendous job," the prime minister said.',
            "Alistair Kerr",
        ),
        (
            "The hospital's spokeswoman, Dana Whitfield, spoke first. Corvane spokesman Luis "
            "Echeverria denied it. The spokeswoman said the hospital would offer free monitoring.",
            "Dana Whitfield",
        ),
        (
            'Ilya Brandt scored in the 88th minute. "I just closed my eyes and hit it," the '
            "21-year-old said afterwards.",
            "Ilya Brandt",
        ),
        (
            "A person familiar with the matter said Brussels was unlikely to object.",
            "person familiar with the matter",
        ),
    ],
)
def test_roles_ages_and_sources_named_before_or_around_a_cue(text: str, speaker: str) -> None:
    assert quotes_of(text)[-1][2] == speaker


def test_an_age_that_brought_in_someone_unnamed_names_no_one_else() -> None:
    text = 'A 21-year-old man was arrested. Ilya Brandt saw it. "I ran," the 21-year-old said.'
    assert [q[2] for q in quotes_of(text)] in ([], [None])


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Ukraine's foreign ministry said the strike was deliberate.",
            "Ukraine's foreign ministry",
        ),
        (
            "The Ukrainian foreign ministry said the strike was deliberate.",
            "Ukrainian foreign ministry",
        ),
        ("On Monday, Kenya's health ministry said 14 people had died.", "Kenya's health ministry"),
        ("Thorncastle's office said the proposal was a tax.", "Thorncastle's office"),
    ],
)
def test_a_possessive_and_an_institution_noun_is_an_unnamed_source(text: str, speaker: str) -> None:
    assert [q[2] for q in quotes_of(text)] == [speaker]


def test_a_possessive_institution_that_is_no_clause_subject_does_not_speak() -> None:
    text = "Ana Ruiz met Kenya's health ministry officials and said they were helpful."
    assert [q[2] for q in quotes_of(text)] == ["Ana Ruiz"]


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (
            "BALTIMORE (AP) — A fire at St. Aldric Medical Center forced 300 patients out, the "
            "hospital said Friday.",
            "A fire at St. Aldric Medical Center forced 300 patients out",
            "hospital",
        ),
        (
            "LONDON, March 3 (Reuters) - Vennhoff Group will cut 400 jobs, the company said on "
            "Tuesday.",
            "Vennhoff Group will cut 400 jobs",
            "Vennhoff Group",
        ),
    ],
)
def test_a_dateline_is_no_part_of_the_report_and_its_agency_no_company(
    text: str, clause: str, speaker: str
) -> None:
    assert [(c, s) for c, s, _ in indirects(text)] == [(clause, speaker)]


def test_a_role_is_the_last_named_person_any_mention_gave_it() -> None:
    text = (
        "Kessler State coach Tamara Wilkes praised her guards. Northfield coach Brian Oduya "
        "blamed tired legs. Wilkes said she had considered benching Brooks. “I told him he was "
        "somewhere else,” the coach said."
    )
    assert quotes_of(text)[-1][2] == "Tamara Wilkes"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The memo said the proposal was deferred.", "memo"),
        ("The lawsuit, filed on Wednesday, alleges that managers cut hours.", "lawsuit"),
        (
            "Prosecutor Ana Ruiz spoke briefly. According to the indictment, Tom Reed used "
            "company funds to buy a villa.",
            "indictment",
        ),
    ],
)
def test_a_record_is_a_source_of_its_own(text: str, speaker: str) -> None:
    assert quotes_of(text)[-1][2] == speaker


def test_a_name_s_role_then_a_name_after_the_cue_is_that_person() -> None:
    text = (
        "The bus company, Greenline Buses, said it would cut services. “We cannot run empty "
        "buses,” said Greenline's managing director, Farid Haddad."
    )
    assert quotes_of(text)[-1][2] == "Farid Haddad"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'Singer Marisol Quintero is engaged. "Forever starts now," she captioned the photo.',
            "Marisol Quintero",
        ),
        (
            "Actor Rafe Lindqvist opened up about his career. Appearing on the Unfiltered with "
            'Jo Mabry podcast, the 44-year-old said he was "two weeks away" from quitting.',
            "Rafe Lindqvist",
        ),
    ],
)
def test_captions_and_an_age_that_opens_a_clause_after_a_leading_phrase(
    text: str, speaker: str
) -> None:
    assert {q[2] for q in quotes_of(text)} == {speaker}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Coach Marco Ortiz praised striker Elias Lindqvist after the match. “It was the best "
            "game of his career,” he said.",
            "Marco Ortiz",
        ),
        (  # the re-resolution after reported speech still skips whom the quotation names
            "“I would lie awake at night,” Gillian Mabberley said.\n\nJudge Alison Crewe told "
            "Hannah Pryce she had betrayed her employer. “Gillian Mabberley gave you a job,” she "
            "said.",
            "Alison Crewe",
        ),
        (  # a first-person quotation after "X said Y ..." is as likely Y's
            "Coach Dan Moss said Tom Reed would start on Sunday. “I have waited two years for "
            "this,” he said.",
            "Tom Reed",
        ),
    ],
)
def test_a_pronoun_after_a_sentence_that_names_an_object_is_its_subject(
    text: str, speaker: str
) -> None:
    assert quotes_of(text)[-1][2] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The victim's mother told reporters her son had done nothing wrong.", "victim's mother"),
        ("The suspect's lawyers said he would plead not guilty.", "suspect's lawyers"),
        ("Cr Tanya Nguyen, who voted against it, said the plan was rushed.", "Tanya Nguyen"),
        ("Det Con Rhiannon Pugh said the car was found burnt out.", "Rhiannon Pugh"),
        ("Ana Ruiz said the town deserves better.", "Ana Ruiz"),
    ],
)
def test_local_news_sources_and_titles(text: str, speaker: str) -> None:
    assert [q[2] for q in quotes_of(text)] == [speaker]


@pytest.mark.parametrize(
    "text",
    ["“It's a mess,” Okafor grumbles.", "Residents reckon the bridge will never be finished."],
)
def test_grumbling_and_reckoning_report(text: str) -> None:
    assert quotes_of(text)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Owen Pritchard, 12, pulled his sister Megan from the water. “I heard her shout and "
            "I just went,” the boy said.",
            "Owen Pritchard",
        ),
        (
            "A boy was pulled from the river on Sunday. Police Chief Tom Reed said the water was "
            "cold. “I was scared,” the boy said.",
            "boy",
        ),
        ("In an update, the bride said the wedding went ahead.", "bride"),
    ],
)
def test_the_boy_or_the_bride_is_the_one_named_so_or_an_unnamed_one(
    text: str, speaker: str
) -> None:
    assert quotes_of(text)[-1][2] == speaker


def test_the_lender_is_the_organisation_named_before() -> None:
    text = (
        "Pakistan has reached a deal with the International Stabilisation Fund for a loan of "
        "about $7 billion, the lender said on Friday."
    )
    assert quotes_of(text)[-1][2] == "International Stabilisation Fund"


@pytest.mark.parametrize(
    "text",
    [
        "The Lisbon Composite added 1.2% and the Porto Index gained 0.7%.",
        "Talks turn on a pipeline worth an estimated $12 billion, which Dashdorj has criticised.",
        "Vaitkevicius scored 22 points and added 18 rebounds, and Tom Reed had 12 points.",
    ],
)
def test_a_cue_s_word_used_otherwise_reports_nothing(text: str) -> None:
    assert quotes_of(text) == []


def test_a_plural_noun_before_a_cue_is_no_cue_itself() -> None:
    text = "Two diplomats from other member states said it reflected anger over the dispute."
    assert indirects(text) == [("it reflected anger over the dispute", "Two diplomats", "said")]
    text = "Lead author Amani Chaula said repeated marine heatwaves were the main cause."
    assert [q[2] for q in quotes_of(text)] == ["Amani Chaula"]


def test_a_noun_of_family_gives_the_named_person_a_gender() -> None:
    text = (
        "Mira Tesfaye grew up in Addis Ababa with her father, Dawit Tesfaye. “We had nothing,” "
        "she said."
    )
    assert quotes_of(text)[-1][2] == "Mira Tesfaye"


def test_according_to_a_measure_names_no_source() -> None:
    text = (
        "President Samuel Kiprono said each member would contribute according to the size of "
        "its economy."
    )
    assert [q[2] for q in quotes_of(text)] == ["Samuel Kiprono"]
    assert quotes_of("Ana Ruiz came. “It was cold,” she laughs.")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Tom Reed dismissed the report as "a fantasy of the left."', "Tom Reed"),
        (
            "The case was brought by Lena Brenner of the Forum for Digital Rights, who argued "
            "that the law was too vague.",
            "Lena Brenner",
        ),
    ],
)
def test_whose_words_a_sentence_s_subject_or_who_gives(text: str, speaker: str) -> None:
    assert {q[2] for q in quotes_of(text)} == {speaker}


def test_a_fragment_after_a_comma_is_no_subject_s_words() -> None:
    text = "“The officer returned fire,” Captain Tom Reed said. Ana Ruiz fled, “firing at cars.”"
    assert quotes_of(text)[-1][2] != "Ana Ruiz"


def test_a_person_of_a_described_organisation_speaks() -> None:
    text = (
        "Teodora Vlahova of the Sofia-based Centre for Caucasus Studies wrote in a note that "
        "the talks had stalled."
    )
    assert quotes_of(text)[-1][2] == "Teodora Vlahova"


def test_a_subject_after_its_role_gives_a_quotation_with_no_cue() -> None:
    text = (
        "Brekke Maritime said profit fell. Chief executive Sigrid Holmsen described the year as "
        '"a return to normal, not a crisis".'
    )
    assert quotes_of(text)[-1][2] == "Sigrid Holmsen"


def test_a_phrase_after_a_parenthetical_attribution_leaves_the_clause_before_it() -> None:
    text = (
        "Vennhoff AG agreed on Tuesday to buy Kroonstad Freight for 1.4 billion euros, the "
        "company said, in a deal that would create a large haulier."
    )
    assert [c for c, _, _ in indirects(text)] == [
        "Vennhoff AG agreed on Tuesday to buy Kroonstad Freight for 1.4 billion euros"
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("But the treatment is not a cure, doctors cautioned.", "doctors"),
        ("Regulars say the store has never been this busy.", "Regulars"),
    ],
)
def test_a_short_source_after_the_clause_with_a_that_verb_reports_it(
    text: str, speaker: str
) -> None:
    assert [q[2] for q in quotes_of(text)] == [speaker]


def test_a_thing_then_whoever_denied_it_is_no_trailing_attribution() -> None:
    text = "The Kano Rights Trust said three protesters were killed, a claim police denied."
    assert [q[2] for q in quotes_of(text)] == ["Kano Rights Trust"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("PC Lewis Amadi, of Marchshire Police, said the verge had collapsed.", "Lewis Amadi"),
        (
            "Jordan Merrick scored twice. “We must be better,” the 29-year-old defenceman said.",
            "Jordan Merrick",
        ),
    ],
)
def test_a_constable_and_an_age_before_a_role(text: str, speaker: str) -> None:
    assert quotes_of(text)[-1][2] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("In a Facebook post, the restaurant said it would close for good.", "restaurant"),
        ("The bakery said it would reopen on Friday.", "bakery"),
    ],
)
def test_a_business_no_one_named_is_an_unnamed_institution(text: str, speaker: str) -> None:
    quotes = quotes_of(text)
    assert [q[2] for q in quotes] == [speaker]
    assert actors_of(text).get(speaker) == "organization"


def test_a_set_off_phrase_after_no_one_leaves_the_name_before_the_cue() -> None:
    text = (
        "The World Food Outlook, published by the International Food Security Agency, "
        "estimates that 742 million people went hungry last year."
    )
    assert [q[2] for q in quotes_of(text)] == ["International Food Security Agency"]


def test_a_bare_plural_and_who_open_a_set_off_phrase_too() -> None:
    text = (
        "Two dockworkers, Felipe and Andrés Morales, brothers who joined the picket line in San "
        "Antonio, said they had not been paid."
    )
    assert [q[2] for q in quotes_of(text)] == ["Andrés Morales"]
    # not "a woman who ...": the appositive that names the source
    text = "The other, a woman who said she was hiding, said her brother had been wounded."
    assert quotes_of(text)[-1][2] != "other"


def test_initials_before_a_name_end_no_sentence() -> None:
    from newsfacts.extract.text import Span, sentences

    text = "Commissioner H.R. Ravi Hegde, who toured the area, said that 120 pumps were working."
    assert len(sentences(text, Span(0, len(text)))) == 1
    assert indirects(text) == [("120 pumps were working", "H.R. Ravi Hegde", "said")]
    two = "It sold well in the U.S. The firm said so."
    assert len(sentences(two, Span(0, len(two)))) == 2


def test_no_is_an_abbreviation_only_before_a_number() -> None:
    from newsfacts.extract.text import Span, sentences

    text = "The council voted no. Tom Reed said the vote was a mistake."
    assert len(sentences(text, Span(0, len(text)))) == 2
    assert indirects(text) == [("the vote was a mistake", "Tom Reed", "said")]
    number = "He wore No. 16 for the team."
    assert len(sentences(number, Span(0, len(number)))) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The judges observed that the matter had been pending since 2019.",
            ("the matter had been pending since 2019", "judges", "observed"),
        ),
        (
            "Consumer prices rose 2.9% in May, the federal statistics office said.",
            ("Consumer prices rose 2.9% in May", "federal statistics office", "said"),
        ),
        (
            "The auditors said they could not find evidence that the fees were tested.",
            ("they could not find evidence that the fees were tested", "auditors", "said"),
        ),
    ],
)
def test_more_unnamed_sources_and_a_pronoun_s_clause_before_that(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert indirects(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dr Harini Rathnayake charged that the Government was hiding the figures.",
            ("the Government was hiding the figures", "Harini Rathnayake", "charged"),
        ),
        (
            "Secretary Nadia Qureshi briefed the meeting that the funds had been released.",
            ("the funds had been released", "Nadia Qureshi", "briefed"),
        ),
        (
            "Advocate Ravi Prabhakaran submitted that the officials had failed to act.",
            ("the officials had failed to act", "Ravi Prabhakaran", "submitted"),
        ),
    ],
)
def test_court_and_briefing_cues_take_that(text: str, expected: tuple[str, str, str]) -> None:
    assert indirects(text) == [expected]
    assert indirects(text.split(" that ")[0] + " a report.") == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The spokesperson, Mrs Halima Danladi, spoke on Monday. According to her, the"
            " suspects have been arrested.",
            "Halima Danladi",
        ),
        (
            "According to the Permanent Secretary, Dr Patience Ainembabazi, 19 other people"
            " have been isolated.",
            "Patience Ainembabazi",
        ),
    ],
)
def test_according_to_a_pronoun_or_a_post_and_its_holder(text: str, speaker: str) -> None:
    assert [q[2] for q in quotes_of(text)] == [speaker]
    assert "Permanent Secretary" not in actors_of(text)


def test_an_including_phrase_inside_the_clause_s_subject() -> None:
    text = "Diplomats said several countries, including Poland and Lithuania, had pushed hard."
    assert indirects(text) == [
        ("several countries, including Poland and Lithuania, had pushed hard", "Diplomats", "said")
    ]


def test_told_a_named_outlet_then_the_clause() -> None:
    text = "Ms Conroy told RTÉ's Morning Ireland she had no regrets."
    assert indirects(text) == [("she had no regrets", "Conroy", "told")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Lumeo, a Berlin start-up, has raised $42 million in a round led by Northgate"
            " Ventures, the company said.",
            "Lumeo",
        ),
        (
            "Bengaluru-based start-up KiranaKart has raised $50 million in a round led by Banyan"
            " Peak Capital, the company said.",
            "KiranaKart",
        ),
        (
            "FRANKFURT, June 3 (Reuters) - German logistics group Vennhoff AG agreed to buy"
            " Kroonstad Freight, the company said.",
            "Vennhoff AG",
        ),
    ],
)
def test_a_trailing_the_company_said_is_the_company_opening_the_sentence(
    text: str, speaker: str
) -> None:
    assert [q[2] for q in quotes_of(text)] == [speaker]


def test_a_post_set_off_before_a_name_is_the_person_s_title() -> None:
    text = (
        "The Union Minister of State for Rural Development, Shri Girish Mahato, informed that"
        " 2.95 crore houses had been sanctioned. The Minister stated that costs had risen."
    )
    assert {q[2] for q in quotes_of(text)} == {"Girish Mahato"}
    assert actors_of(text) == {"Girish Mahato": "person"}


def test_a_wire_credit_in_brackets_is_no_clause_subject() -> None:
    text = "Hyderabad, Mar 12 (PTI) The ruling party denied the charge, saying the dues were paid."
    assert [q[1] for q in quotes_of(text)] == ["the dues were paid"]
    assert all(q[2] != "PTI" for q in quotes_of(text))


def test_with_a_speaker_saying_ends_the_clause_before_it_and_reports_apart() -> None:
    text = (
        "The party accused the rivals of lying, with Minister Tom Reed saying the dues were paid."
    )
    assert ("indirect", "the dues were paid", "Tom Reed", "saying") in quotes_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "The House Freedom Caucus issued a statement warning that the deal would be dead.",
        "The memo, prepared by the House Freedom Caucus, says the deal would be dead.",
    ],
)
def test_a_document_s_issuer_or_maker_set_off_speaks(text: str) -> None:
    assert [q[2] for q in quotes_of(text)] == ["House Freedom Caucus"]


def test_an_age_no_one_was_given_is_not_the_object_set_off_by_a_comma() -> None:
    text = (
        "Siobhan Kerrigan thanked the director, Anjali Raghunathan. Backstage, the 34-year-old"
        " told reporters she had nearly turned the part down."
    )
    assert [q[2] for q in quotes_of(text)] == ["Siobhan Kerrigan"]


def test_shot_back_is_a_cue_of_a_direct_quote() -> None:
    text = (
        '"I would have preferred a tender," Brendan Kowalczyk told the committee.\n'
        'Senator Tamsin Whitlock was unconvinced. "Hindsight is a luxury," she shot back.'
    )
    assert [q[2] for q in quotes_of(text)] == ["Brendan Kowalczyk", "Tamsin Whitlock"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The junta said it would announce a timetable.", "junta"),
        ("Italy's coastguard said 41 people were missing.", "Italy's coastguard"),
        ("The watchdog said cameras had been switched off.", "watchdog"),
        ("Rights groups say the rules have pushed smugglers onto longer routes.", "Rights groups"),
    ],
)
def test_institutions_and_groups_no_one_named_speak(text: str, speaker: str) -> None:
    assert [q[2] for q in quotes_of(text)] == [speaker]


def test_the_company_is_no_administration_named_before() -> None:
    text = (
        "Rivenhall Motors filed a notice with the National Road Safety Administration. The"
        " company said it was not aware of any crashes."
    )
    assert quotes_of(text)[-1][2] == "Rivenhall Motors"


@pytest.mark.parametrize(
    "text",
    [
        "The alliance trailed with 31.7 percent, Nino Abashidze told a late-night briefing.",
        "Sanctions should cover all goods, Nino Abashidze told reporters in Vilnius, adding"
        " that her country had lost revenue.",
    ],
)
def test_a_trailing_cue_to_a_gathering_or_before_adding(text: str) -> None:
    assert quotes_of(text)[0][1:3] == (text.split(",")[0], "Nino Abashidze")


def test_a_given_name_with_accents_gives_its_gender() -> None:
    text = 'Siobhán Kelly runs the shelter. "We are full," she said.'
    assert [q[2] for q in quotes_of(text)] == ["Siobhán Kelly"]


def test_has_not_yet_said_reports_nothing() -> None:
    assert quotes_of("Officials have not yet said whether the request will be granted.") == []


def test_told_whom_then_where_before_that() -> None:
    text = "Prosecutor Joseph Lamb told jurors in his opening statement Monday that records place him there."
    assert indirects(text) == [("records place him there", "Joseph Lamb", "told")]


def test_garda_is_an_unnamed_source() -> None:
    text = "A second man has yet to be charged, and gardaí said the investigation was ongoing."
    assert quotes_of(text)[-1][2] == "gardaí"


def test_a_named_subject_s_clause_before_a_participle_is_no_leading_phrase() -> None:
    text = "The Energy Users Federation rejected the plan, saying wage growth had been ignored."
    assert indirects(text) == [
        ("wage growth had been ignored", "Energy Users Federation", "saying")
    ]
    other = "The spectre of Osama bin Laden rose again today, urging Afghans to launch a new war."
    assert quotes_of(other) == []


def test_an_organisation_then_its_acronym_before_a_titled_person_only_says_whose() -> None:
    text = (
        "Lok Samata Party (LSP) MLA Md. Ishtiyaque Ahmad demanded a probe, saying the state"
        " agencies could not be trusted."
    )
    assert indirects(text) == [
        ("the state agencies could not be trusted", "Md. Ishtiyaque Ahmad", "saying")
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“He has exceeded expectations,” an Ohio Republican said.", "Ohio Republican"),
        ("“He relates,” added a Florida Democrat.", "Florida Democrat"),
        ("“He was untouchable,” a Fox executive said.", "Fox executive"),
        ("“It was chaos,” said a former Fox producer.", "former Fox producer"),
        ("“She won,” said a Republican strategist.", "Republican strategist"),
    ],
)
def test_an_indefinite_member_of_a_party_or_staff_is_an_unnamed_source(
    text: str, speaker: str
) -> None:
    _, found = run_extract(text)
    [quote] = found.quotes
    actor = found.actors.actors[quote.speaker]
    assert (actor.name, actor.unnamed) == (speaker, True)
    named = [a.name for a in found.actors.actors.values() if not a.unnamed]
    assert not [name for name in named if speaker.endswith(name)]  # "Fox" may be named


def test_a_lone_given_name_after_a_cue_and_before_an_appositive_speaks() -> None:
    text = "“It’s the new counterculture,” said Jared, an undergraduate who wore a suit."
    assert directs(text) == [("It’s the new counterculture", "Jared", "said")]


def test_a_source_at_an_institution_in_a_town_of_a_state() -> None:
    text = "One student at Duke University in Durham, North Carolina, said he felt unwelcome."
    [(clause, speaker, _)] = indirects(text)
    assert (clause, speaker) == ("he felt unwelcome", "student at Duke University in Durham")


def test_a_given_name_that_is_a_function_word_after_a_cue() -> None:
    text = "“He knows how to handle his dad,” says Will McClay, the team’s director."
    assert directs(text) == [("He knows how to handle his dad", "Will McClay", "says")]


def test_an_unnamed_source_opening_a_sentence_before_a_colon_speaks() -> None:
    text = (
        'One Nevada Democrat asked simply, "Who cares?" An Iowa Republican answered that'
        ' question: "Nobody cares."'
    )
    assert [speaker for _, speaker, _ in directs(text)] == ["Nevada Democrat", "Iowa Republican"]


def test_a_former_post_at_an_organisation_between_cue_and_name() -> None:
    text = "“Jerry sees around corners,” says former NFL general manager Bill Polian."
    assert directs(text) == [("Jerry sees around corners", "Bill Polian", "says")]


def test_an_honorific_keeps_the_gender_of_a_full_name_named_before() -> None:
    text = (
        "Mr. Trump appointed Kellyanne Conway, a veteran pollster.\n\nMr. Trump sees Ms. Conway"
        " as a defender. She wanted him to read remarks, and he decided to use teleprompters."
        "\n\n“I said I want to do this my way,” he said."
    )
    assert directs(text) == [("I said I want to do this my way", "Trump", "said")]


def test_a_report_relayed_by_a_source_is_also_its_speaker_s() -> None:
    text = "According to a source, Kelly told James Murdoch that Ailes had made harassing comments."
    assert indirects(text) == [
        (
            "Kelly told James Murdoch that Ailes had made harassing comments",
            "source",
            "According to",
        ),
        ("Ailes had made harassing comments", "Kelly", "told"),
    ]


def test_a_cue_in_a_relative_clause_reports_no_further_than_the_main_clause() -> None:
    text = (
        "Gretchen Carlson complained about her co-host Steve Doocy, who she said condescended"
        " to her on air, Roger Ailes responded that she was a man hater."
    )
    found = indirects(text)
    assert ("she was a man hater", "Roger Ailes", "responded") in found
    assert not [clause for clause, _, _ in found if "Roger Ailes responded" in clause]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [  # where this round's rules must not fire (found by a review of the round)
        ("A host of lawmakers said they would oppose the bill.", ["lawmakers"]),
        ("An executive order signed on Monday said the agency must comply.", []),
        ("The host country said it would not extend the visas.", []),
        (
            "Ana Ruiz, the governor, spoke on Monday. Officials said Victoria, the state capital,"
            " was flooded. “We are doing all we can,” she said.",
            ["Officials", "Ana Ruiz"],
        ),
        ("The Academy Awards said the host would be announced soon.", ["Academy Awards"]),
        ("The LGBT Foundation said the law would harm young people.", ["LGBT Foundation"]),
        ("Tom Reed for Congress said the ad was misleading.", ["Tom Reed for Congress"]),
        ("He spent a decade at Warner Bros. Tom Reed said he was a genius.", ["Tom Reed"]),
        ("Police found a note in his pocket that read: “I am sorry.”", [None]),
        (
            "A spokesman for the mayor read Tom Reed's statement aloud: “I will not resign.”",
            ["Tom Reed"],
        ),
    ],
)
def test_this_round_s_rules_leave_other_sentences_alone(
    text: str, speakers: list[str | None]
) -> None:
    assert [speaker for _, _, speaker, _ in quotes_of(text)] == speakers


def test_a_clause_after_another_share_that_reports_is_still_the_speaker_s() -> None:
    text = "Reed said 30 percent of patients improved, while 10 percent reported side effects."
    [(clause, speaker, _)] = indirects(text)
    assert clause.endswith("side effects") and speaker == "Reed"


def test_the_pronouns_after_a_name_tell_its_gender_when_the_name_does_not() -> None:
    text = (
        "Megyn Kelly said her contract was up. Kelly had told her agent she would leave."
        " Roger Ailes called Kelly.\n\n“It was an unfair question,” he said."
    )
    assert directs(text) == [("It was an unfair question", "Roger Ailes", "said")]


@pytest.mark.parametrize(
    "text",
    [
        "The White House is weighing a new tariff on steel imports, two officials said,"
        " speaking on condition of anonymity because the talks are private.",
        "The White House is weighing a new tariff on steel imports, said two officials, who"
        " spoke on condition of anonymity to discuss private talks.",
    ],
)
def test_how_a_source_spoke_is_not_what_it_said(text: str) -> None:
    [(clause, _, _)] = indirects(text)
    assert clause == "The White House is weighing a new tariff on steel imports"


def test_a_clause_then_and_said_is_two_reports() -> None:
    text = "Ana Ruiz acknowledged that few students agreed, and said she had expected more."
    assert indirects(text) == [
        ("few students agreed", "Ana Ruiz", "acknowledged"),
        ("she had expected more", "Ana Ruiz", "said"),
    ]


def test_another_share_of_a_poll_that_said_ends_the_clause_before_it() -> None:
    text = (
        "Most Democrats approved: 47 percent said Kaine was effective, and another 43 percent"
        " said he was somewhat effective."
    )
    assert [clause for clause, _, _ in indirects(text)][:1] == ["Kaine was effective"]


@pytest.mark.parametrize(
    "text",
    [
        "Ana and and Reed",
        "It was Smith and and Jones who won.",
        "said citing a source,, quoting spokesman, ",
        " , as saying, ) ",
        "Police said: 'This is a serious matter.\n\n'😀 We have made one arrest,' said Tom Reed.",
    ],
)
def test_odd_input_extracts_without_error(text: str) -> None:
    for quote in run_extract(text)[1].quotes:
        assert 0 <= quote.span.start < quote.span.end <= len(text)
