"""The rules of quotes.py: quotation marks, reporting cues, speakers and attributions.

Each rule is a named pattern with invented examples it must find and must not find
(tests/test_extract_rules.py tries them). Its words come from newsfacts/lexicons/; a pattern
keeps inline only its skeleton: punctuation, capitals, and the few words ("that", "according
to", "of the") that give it its shape.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicons import Lexicons, word_list, word_set, word_table
from .rules import SET_OFF_CHARACTER, LexiconRule, Rule
from .text import alternation

# -- quotation marks ---------------------------------------------------------------

OPENING_MARKS = frozenset('“"‘«')
OPENING_MARK = Rule(
    "opening_mark",
    "A mark that may open a quotation.",
    re.compile('[“"‘«]'),
    matches=("She said “no” twice.", "a «word» here"),
    rejects=("She said no twice.",),
)
NEXT_OPENING = Rule(
    "next_opening",
    "The next quotation's opening mark: the window after a quote ends there (« aside).",
    re.compile(r"[“\"‘]"),
    matches=("and then ‘maybe’ later", 'and then "maybe" later'),
    rejects=("and then «maybe» later",),
)
CLOSING_MARK = Rule(
    "closing_mark",
    "A mark that may close a quotation; a ’ before a letter is an apostrophe.",
    re.compile(r'[”"’](?!(?<=’)[A-Za-z])'),
    matches=("it was over,” she said", "the end’ of it"),
    rejects=("the council’s vote",),
)
CLOSES_DOUBLE = Rule(
    "closes_double",
    "What closes a quotation opened by a double mark, curly or straight: either kind.",
    re.compile('[”"]'),
    matches=("done” he said", 'done" he said'),
    rejects=("done’ he said", "done» he said"),
)
CLOSES_SINGLE = Rule(
    "closes_single",
    "What closes a quotation opened by ‘.",
    re.compile("[’]"),
    matches=("done’ he said",),
    rejects=("done” he said", "done' he said"),
)
CLOSES_GUILLEMET = Rule(
    "closes_guillemet",
    "What closes a quotation opened by «.",
    re.compile("[»]"),
    matches=("done» he said",),
    rejects=("done” he said",),
)
CLOSING_FOR = {"“": CLOSES_DOUBLE, '"': CLOSES_DOUBLE, "‘": CLOSES_SINGLE, "«": CLOSES_GUILLEMET}
ELISIONS = word_set("elisions.txt")
STRAIGHT_SINGLE_OPENS = Rule(
    "straight_single_opens",
    "A straight single mark that opens a quotation, as British and Australian copy writes "
    "them: at a paragraph's start or after a space, a bracket or a dash, before a letter; not "
    "an elision ('em, 'til: ELISIONS).",
    re.compile(
        rf"(?:^|(?<=[\s(\[—–“\"]))'(?!(?:{alternation(ELISIONS)})\b)(?=[^\W\d_])",
        re.IGNORECASE | re.MULTILINE,
    ),
    matches=("'I'm glad I didn't,' he said", "said: 'It was a foul.'", "(— 'Yes')"),
    rejects=("I didn't", "get 'em", "rock 'n' roll", "the '90s", "players' union"),
)
STRAIGHT_SINGLE_CLOSES = Rule(
    "straight_single_closes",
    "A straight single mark that closes such a quotation: after a stop or a comma ('I'm "
    "glad,' he said), or after a word and before a stop or the line's end ('as clear as "
    "day'.); never inside a word (didn't).",
    re.compile(r"(?<=[.,!?…])'(?![^\W_])|(?<=[^\W_])'(?=[.,;:!?)…—–]|$)", re.MULTILINE),
    matches=("glad,' he said", "as clear as day'.", "the end'"),
    rejects=("didn't", "the players' union", "'I'm"),
)
SHORT_SINGLE_CLOSES = Rule(
    "short_single_closes",
    "A straight single mark that closes a quoted word or two before the sentence goes on "
    "('flat' for the first half), tried only a few words after the opening mark; not after "
    "an s (a plural's possessive: the players' union).",
    re.compile(r"(?<=[^\W\ds_])'(?=\s[a-z])"),
    matches=("flat' for the first half", "daylight robbery' and"),
    rejects=("the players' union", "didn't go", "flat'. Then"),
)
SHORT_QUOTED_WORDS_AT_MOST = 3  # how many words SHORT_SINGLE_CLOSES may close
SENTENCE_END = Rule(
    "sentence_end",
    "Where the sentence after a quote ends: a stop before a space, or a parenthesis.",
    re.compile(r"[.!?(](?=\s|$)|\s\("),
    matches=("It ended. Then", "it ended (in May)", "It ended!"),
    rejects=("a 7.25 grade", "no end here"),
)

# -- what a quotation is -------------------------------------------------------------

TITLE_SMALL_WORDS = word_set("title_small_words.txt")
NAMES_A_WORK = Rule(
    "names_a_work",
    "Words just before quotation marks that name a work or a thing, not speech.",
    re.compile(rf"(?:['’]s|\b{alternation(word_set('names_a_work.txt'))})\s*[“\"‘]?$"),
    matches=("a podcast called “", "the band’s “", "a show titled "),
    rejects=("she said, “", "the planned “"),
)

# -- reporting cues ------------------------------------------------------------------


def cue_words(lex: Lexicons) -> str:
    """ "according to" or a reporting verb, then a word's end."""
    return rf"(?:[Aa]ccording to|{alternation(lex.reporting_verbs)})\b"


@cache
def cue_pattern(lex: Lexicons) -> re.Pattern[str]:
    """ "according to" or a reporting verb; a passive "was reported" or "is said to" reports
    nothing, nor a word after a hyphen ("self-declared"). The word boundary and the first
    letter come first: they rule out most positions quickest."""
    first_letters = "".join(sorted({verb[0] for verb in lex.reporting_verbs} | {"A", "a"}))
    return re.compile(
        rf"\b(?=[{re.escape(first_letters)}])"
        r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bis )(?<!\bare )(?<!\bbeing )(?<!-)"
        + cue_words(lex)
    )


CUE = LexiconRule(
    "cue",
    "A reporting verb or 'according to', not in the passive.",
    cue_pattern,
    matches=("Ruiz said on Tuesday", "according to the agency", "officials told reporters"),
    rejects=("The figure was reported late", "She is said to be leaving", "The road reopened"),
)

# After a cue: optional adjuncts ("on Tuesday", "in a statement", "on radio") or an object
# ("reporters", "the Harbour Trust", "him"), then the reported clause.
_ADJUNCT_WORDS = word_table("cue_adjuncts.txt")


def _adjuncts(how: str) -> str:
    return alternation(word for word, stands in _ADJUNCT_WORDS.items() if stands == how)


ADJUNCT = (
    rf"(?:\s(?:(?:on\s)?[MTWFS][a-z]+day|{_adjuncts('alone')}"
    rf"|{_adjuncts('before_a_word')}\s\w+|in\s(?:a|an|the)\s(?:[\w-]+\s{_adjuncts('medium')}\b|\w+)"
    rf"|on\s(?:{_adjuncts('after_on')}|[A-Z]\w*(?:\.?\s\d{{1,2}}\b)?)),?)"
)
CUE_OBJECTS = word_set("cue_objects.txt")  # "told reporters ...": whom a cue tells
CUE_OBJECT = alternation(CUE_OBJECTS)
GATHERING = alternation(word_set("gatherings.txt"))  # "told a late-night briefing"
OBJECT_CLAUSE_START = alternation(word_set("object_clause_starts.txt"))
THAT_CLAUSE = Rule(
    "that_clause",
    "After a cue: up to eight words (more than five only after a preposition), then 'that'"
    " and the reported clause.",
    re.compile(r"(?:\s[\w.’'-]+){0,8}?\s(?:that)\s"),
    matches=(
        " that the plan failed",
        " on Monday that the plan failed",
        " in an interview with the Harcourt Times that he",
    ),
    rejects=(" the plan failed", " thatched roofs leak"),
    how="match",
)
BARE_CLAUSE = Rule(
    "bare_clause",
    "After a cue that needs no 'that': adjuncts, perhaps whom it tells, then the clause.",
    re.compile(
        rf"{ADJUNCT}{{0,2}}"
        rf"(?:\s(?:{CUE_OBJECT}|the\s[A-Z][\w.]*(?:\s[A-Z][\w.]*)*|[A-Z][\w.]+(?:\s[A-Z][\w.]+)?"
        rf")(?=\s(?:that\s)?{OBJECT_CLAUSE_START}\b))?"
        r"\s(?:that\s)?(?=[a-zA-Z\d$£€])"
    ),
    matches=(
        " reporters the vote was close",
        " on Monday the vote was close",
        " it rained",
        " £2m would be spent",
    ),
    rejects=(", in a statement", " “We won”", " ... later"),
    how="match",
)
TITLE_ABBREVIATIONS = word_table("title_abbreviations.txt")  # "Gov" -> "governor"
ROLE_SYNONYMS = {
    noun: frozenset(words.split()) for noun, words in word_table("role_synonyms.txt").items()
}  # "congressman" -> the posts it also means ("representative", ...)
NEGATED_CUE = Rule(
    "negated_cue",
    "Before a cue, words that deny it reports anything: 'declined to say whether', 'would not "
    "say'.",
    re.compile(
        r"\b(?:(?:refused|refuses|declined|declines)\sto|(?:would|did|could|does|will|has|have|had)\snot(?:\syet)?"
        r"|(?:wouldn|didn|couldn|doesn|won)[’']t)\s$"
    ),
    matches=("He declined to ", "she would not ", "they didn’t ", "Officials have not yet "),
    rejects=("He agreed to ", "she would "),
)
OPENING_NAME = Rule(
    "opening_name",
    "A single capitalised name opening a sentence, then a comma or a verb of a company's news:"
    " 'Lumeo, a Berlin start-up, has raised', 'Lumeo has raised'.",
    re.compile(
        r"([A-Z][\w&-]+)(?=,\s|\s(?:has|had|is|was|will|would|posted|reported|raised|plans"
        r"|agreed|expects|said|cut|announced)\b)"
    ),
    matches=("Lumeo, a Berlin start-up", "KiranaKart has raised"),
    rejects=("lumeo has", "Lumeo Ventures"),
    how="match",
)
PRONOUN_AUXILIARY = alternation(word_set("pronoun_auxiliaries.txt"))
TOLD_WHOM = Rule(
    "told_whom",
    "After 'told': whom it tells, a noun and its determiner, then the clause ('told the court "
    "the evidence was weak').",
    re.compile(
        r"\s(?:(?:the|his|her|their|its|our|my)\s[a-z]+(?:\s[a-z]+)?|[a-z]+s"
        r"|(?:the\s)?[A-Z][\w.&-]*(?:['’]s)?(?:\s[A-Z][\w.&-]*){0,3})"
        rf"\s(?:that\s)?(?={OBJECT_CLAUSE_START}\s|[A-Z][\w'’-]+\s(?:[a-z]+ed|{PRONOUN_AUXILIARY})\b)"
        rf"|\s(?:{CUE_OBJECT})\s(?=[a-z]+\s{PRONOUN_AUXILIARY}\b)"  # "reporters prices had"
    ),
    matches=(
        " the court the evidence was weak",
        " reporters prices had doubled",
        " her staff that the office would close",
        " jurors he had paid",
        " RTÉ's Morning Ireland she had no regrets",
        " the court Whitfield shouted abuse",
    ),
    rejects=(" the court about it", " the plan was weak", " reporters outside the court"),
    how="match",
)
TELLING_VERBS = frozenset({"told", "tells", "telling", "tell"})
CUES_TAKING_A_THING = word_set("cues_taking_a_thing.txt")  # "wrote that book": no clause
URGING_VERBS = word_list("urging_verbs.txt")
URGED_TO = Rule(
    "urged_to",
    "After a verb of urging: whom it urges (no clause of its own), then 'to' and a verb.",
    re.compile(r"\s(?P<addressee>[^,;:“\"‘]{1,100}?)\s(?=(?:not\s)?to\s(?:not\s)?[a-z]{2,}\b)"),
    matches=(" the council to act now", " Ruiz on Sunday to stay in office", " them not to go"),
    rejects=(" that the council should act", " to act now"),
    how="match",
)
ACCUSING_VERBS = word_list("accusing_verbs.txt")
ACCUSED_OF = Rule(
    "accused_of",
    "After a verb of accusing: whom it accuses (no clause of its own), then 'of' and what of.",
    re.compile(r"\s(?P<addressee>[^,;:“\"‘]{1,100})\sof\s(?=[“\"‘]|[a-z]+ing\b)"),
    matches=(
        " the council of hiding the report",
        " Ruiz of “rushing this through”",
        " the president of the union of ignoring the members",
    ),
    rejects=(" that the council hid it", " of hiding the report", " the president of the union"),
    how="match",
)
CLAUSE_TAIL = Rule(
    "clause_tail",
    "Where a reported clause gives way to the article's comment: ', taking ...', ', though "
    "...', '; ...' (not at ', which ...': the held-out annotations keep it).",
    re.compile(
        r"(?:,[”\"’]?|\s[—–])\s[a-z]+ing\s|,\s(?:though|although)\s|;\s"
        r"|,\swith\s(?:[A-Z][\w.'’-]*\s){1,5}(?:saying|adding|warning|insisting)\s"
    ),
    matches=(
        "it cut jobs, taking steps to",
        "of spreading lies, with Irrigation Minister N. Uttam Reddy saying the",
        "it would rise, adding that",
        "it was “fully funded,” adding that",
        "it could send its president — setting up a clash",
        "he might go, though he declined",
        "it had been wanted; she had just come",
    ),
    rejects=("the rules were new, which began in May", "it cut jobs, and things"),
)
PARTICIPLE_CUE = Rule(
    "participle_cue",
    "Right after a reported clause, a second cue of the same speaker: ', adding that ...'.",
    re.compile(r",[”\"’]?\s(?P<cue>[a-z]+ing)\s(?P<that>that\s)?"),
    matches=(", adding that it would", ", saying the plan", ",” adding that it would"),
    rejects=(" adding that", ", and adding"),
    how="match",
)
CITED_AFTER_CUE = Rule(
    "cited_after_cue",
    "Right after a cue, a source it cites set off by commas, before 'that': 'said, citing a "
    "military source, that ...'.",
    re.compile(r",\s(?:citing|quoting)\s[^,;:“”\"]{2,80},\s(?=that\s)"),
    matches=(", citing a military source, that the", ", quoting officials, that it"),
    rejects=(", citing a military source.", " citing a source, that"),
    how="match",
)
QUOTING_AS_SAYING = Rule(
    "quoting_as_saying",
    "Right after a reported clause, a medium's source and what it said: ', quoting spokesman "
    "Ana Ruiz as saying the vote was fair' (Ana Ruiz's report).",
    re.compile(
        r",\s(?:quoting|citing)\s(?P<who>[^,;:“”\"]{2,80}?)\sas\s(?:saying|telling\s\w+)"
        r"\s(?:that\s)?"
    ),
    matches=(", quoting spokesman Ana Ruiz as saying the", ", citing him as saying that it"),
    rejects=(", quoting a report", " quoting Ana Ruiz as saying"),
    how="match",
)
DESCRIPTION_AFTER_CUE = Rule(
    "description_after_cue",
    "After a cue, its time and a comma: 'a' or a participle opens a description of what was"
    " said before the cue, no clause ('..., the envoy said Saturday, a deal that ...', '...,"
    " both clubs confirmed on Tuesday, ending a saga').",
    re.compile(
        r"(?:an?|[a-z]+ing|(?:days|weeks|months|hours|years|shortly|just|soon)\s(?:after|before))\s"
    ),
    matches=("a deal that", "ending a saga", "an accord", "days after a committee"),
    rejects=("prices would fall", "the talks would resume", "however, the"),
    how="match",
)
JOINED_CLAUSE = Rule(
    "joined_clause",
    "Inside a reported clause, a second one of the same speaker after a second cue: "
    "'but warned that ...', 'and added that ...', 'but added he ...' (without 'that', only a cue"
    " that needs none and a clause after it: checked against the lexicons).",
    re.compile(r",?\s(?:and|but)\s(?:also\s)?(?P<cue>[a-z]+ed|said|wrote)\s(?P<that>that\s)?"),
    matches=(
        "was open but warned that it would cost",
        "on campus, and said he had looked forward",
        "is closed, and added that it would",
        "would weep, but added he has faith",
    ),
    rejects=(
        "the road is closed, and that the bridge is too",
        "was open but that was all",
    ),
)
NEXT_CUE = Rule(
    "next_cue",
    "Inside a reported clause, a conjunction, perhaps a pronoun, then a second cue with no"
    " 'that' after it: the reported clause ends before it ('the offer was fair and urged the"
    " union to ...', 'it would cut jobs even as it reported ...'). Which cues count is checked"
    " against the lexicons (a noun subject is left alone: 'and the report was late').",
    re.compile(
        r",?\s(?:and|but|even\sas|while)\s(?:(?:also|later|then)\s)?"
        r"(?:(?P<pronoun>he|she|they|it|we)\s(?:(?:also|later|then)\s)?)?"
        r"(?!that\b)(?P<cue>[a-z]+)\s(?!that\s)(?=\S)"
    ),
    matches=(" and urged the union", " even as it reported its profit", " but she added the"),
    rejects=(" and that the bridge", "; and urged", " or urged the union", " and warned that it"),
)
OTHER_SPEAKER_CUE = Rule(
    "other_speaker_cue",
    "At a reported clause's end, a conjunction, a capitalised subject of its own and a second"
    " cue: another speaker's report ('..., and the Norvex Group said in a statement that ...',"
    " '... while Mrs. Reed said ...'). Which cues count is checked against the lexicons.",
    re.compile(
        # "and" or "but" after a comma only: "Norvex and Quorvia argued" is one subject
        r"[,;\"”’]*(?P<joint>(?:(?<=[,;])|(?<=[,;][\"”’]))\s(?:and|but)|\s(?:while|whereas))\s"
        r"(?P<subject>(?:the\s)?[A-Z][^\s,]*(?:\s(?:of\s|for\s)?[A-Z][^\s,]*){0,5}"
        r"|(?:his|her|their|its)\s[a-z]+"
        r"|another\s\d[\d.,]*\s(?:percent|per\scent)(?=\ssaid\b|\ssay\b))\s"  # a poll's share
        r"(?:(?:also|later|then|[a-z]+ly)\s)?(?P<cue>[a-z]+)\b"
    ),
    matches=(
        ", and the Norvex Tennis Circuit said",
        ", and another 43 percent said",
        " while Mrs. Reed said",
        '," but Ruiz quickly countered',
        ", while his lawyer argued",
    ),
    rejects=(
        " and the report was late",
        " and he said",
        " while officials said",
        " and Quorvia argued",
    ),
    how="match",
)
MADE_BY = Rule(
    "made_by",
    "Just before a name: 'by' (perhaps 'the'), its maker: 'a report published Tuesday by the '.",
    re.compile(r"\bby\s(?:the\s)?$"),
    matches=("published on Tuesday by the ", "compiled by "),
    rejects=("said Voss came from ", "nearby "),
)
JOINED_QUOTE = Rule(
    "joined_quote",
    "Inside a reported clause, a second cue of the same speaker that leads into a direct "
    "quote: 'but added, “...'. The reported clause ends before it.",
    re.compile(r",?\s(?:and|but)\s(?:also\s)?(?P<cue>[a-z]+ed),?:?\s*[“\"‘]"),
    matches=("would consider him but added, “I", "was open, and added: “It"),
    rejects=("was open but added that it", "and he said, “"),
)
TIME_ONLY = Rule(
    "time_only",
    "What may follow a trailing cue and still end the attribution: only times.",
    re.compile(rf"{ADJUNCT}*\s*[.!?]?"),
    matches=(" on Friday.", " last week", " again, on radio", " in a statement on Dec. 13."),
    rejects=(" the plan", " Ana Ruiz"),
    how="fullmatch",
)
CUE_TRAILING_PREPOSITIONS = word_set("cue_trailing_prepositions.txt")
TRAILING_CUE_END = Rule(
    "trailing_cue_end",
    "What may follow a trailing cue at a sentence's end and still end the attribution: whom "
    "it tells, times, and a phrase that opens with a preposition ('told reporters outside the "
    "court.', 'said in New Delhi.', 'said Tuesday in her statement'); not a clause.",
    re.compile(
        rf"(?:\s(?:{CUE_OBJECT}|the\s[A-Z][\w.]*(?:\s[A-Z][\w.]*)*|[A-Z][\w.]+(?:\s[A-Z][\w.]+)*"
        rf"|(?:a|an|the)\s(?:[\w-]+\s){{0,2}}(?:{GATHERING})))?"
        rf"{ADJUNCT}*"
        rf"(?:\s(?:{alternation(CUE_TRAILING_PREPOSITIONS)})\s[^,.;:!?“”\"]+)?"
        r"\s*[.!?]?"
    ),
    matches=(
        " in New Delhi.",
        " reporters outside the court.",
        " Tuesday in her fall economic statement.",
        " the BBC.",
        " while declaring the results.",
        " a late-night briefing.",
    ),
    rejects=(" the plan would fail.", " reporters the plan would fail.", " he would resign."),
    how="fullmatch",
)
TRAILING = Rule(
    "trailing",
    "A comma (perhaps closing a quoted end), then a short tail that may hold a trailing cue "
    "('..., officials said.').",
    re.compile(r",[”\"’]?\s(?P<tail>[^,]{2,80}?)(?=,\s|[.!?]?$)"),
    matches=(
        "The road will reopen, officials said.",
        "It will close, she said, for a week",
        "It will need “a few weeks,” officials said.",
    ),
    rejects=("The road will reopen soon.", "It will, x"),
)
RELATIVE_PRONOUN = Rule(
    "relative_pronoun",
    "A relative pronoun before a trailing cue: the cue is in a relative clause.",
    re.compile(r"\b(?:that|which|who|whom)\b"),
    matches=("in a system that the agency", "a plan which Ruiz"),
    rejects=("officials", "the mayor"),
)
MANNER_OF_SPEAKING = Rule(
    "manner_of_speaking",
    "A verb of speaking and how the source spoke, not what: 'speaking on condition of"
    " anonymity', 'who spoke on background'. A clause that holds it reports nothing.",
    re.compile(
        rf"\b(?:{alternation(word_set('speaking_verbs.txt'))})\s"
        + rf"(?:{alternation(word_list('manners_of_speaking.txt'))})\b"
    ),
    matches=("speaking on condition of anonymity because", "who spoke on background"),
    rejects=("speaking to reporters", "the gift was made anonymously"),
)
CUE_IN_A_RELATIVE_CLAUSE = Rule(
    "cue_in_a_relative_clause",
    "A relative pronoun and a subject right before a cue: the cue reports inside a relative"
    " clause ('Steve Doocy, who she said condescended to her, Ailes responded').",
    re.compile(r"\b(?:who|whom|which)\s(?:he|she|they|[A-Z][\w'’-]+)\s(?:\w+ly\s)?$"),
    matches=("co-host Steve Doocy, who she ", "the plan, which Ruiz "),
    rejects=("Doocy, who ", "she "),
)
MAIN_CLAUSE_AFTER = Rule(
    "main_clause_after",
    "Inside what a cue in a relative clause reports: a comma, a name of up to three words and a"
    " cue, where the sentence's main clause begins (', Ailes responded that'). Which cues"
    " count is checked against the lexicons.",
    re.compile(r",\s(?:[A-Z][\w'’.-]*\s){1,3}(?:\w+ly\s)?(?P<cue>[a-z]+)\b"),
    matches=(", Ailes responded", ", Ana Ruiz quickly said"),
    rejects=(", and Ailes said", " Ailes said"),
)
WHO_BEFORE_CUE = Rule(
    "who_before_cue",
    "A name, then ', who' right before a cue: the name speaks ('Ana Ruiz, who confirmed that').",
    re.compile(r",\s(?:who|which)\s(?:later\s|also\s|then\s|\w+ly\s)?$"),
    matches=(", who ", ", who later ", ", which also "),
    rejects=(" who ", ", whom "),
)
RELATIVE_BEFORE_CUE = Rule(
    "relative_before_cue",
    "A relative clause or a participle's phrase set off by commas right before a cue: whoever"
    " it is about speaks, not a name inside it ('Terminal Austral, which runs the port of San"
    " Antonio, said', 'Ms. Haley, seated next to Mr. Trump, told reporters').",
    re.compile(
        r",\s(?:[a-z]+s\s(?=who\s))?"  # ", brothers who joined ...,": a bare plural first
        r"(?:which|who|whose|(?!including\b)[a-z]{3,}(?:ed|ing)(?=\s(?:next|beside|alongside|"
        r"by|at|to|in|on|from|with|before|during)\b))\s"
        rf"(?:{SET_OFF_CHARACTER}|\b[A-Z][a-z]{{0,3}}\.(?=\s[A-Z])){{1,150}},\s"  # "Mr." too
        r"(?:(?:also|later|then|\w+ly)\s)?$"
    ),
    matches=(
        ", which runs the port of San Antonio, ",
        ", which has 9,000 members, later ",
        ", seated next to Mr. Trump in the Oval Office, ",
        ", speaking at a rally in Ohio, ",
        ", brothers who joined the picket line in San Antonio, ",
    ),
    rejects=(
        ", which runs the port ",
        ", the port of San Antonio, ",
        ", including Ana Ruiz, ",
        ", retired teacher Ana Ruiz, ",
        ", pulled out, ",
    ),
)
OWNED_INSTITUTION = Rule(
    "owned_institution",
    "Whose it is, a possessive, and a noun for an institution right before a cue: 'Ukraine's"
    " foreign ministry said', 'the country's navy said', 'Thorncastle's office said'. Which"
    " nouns count is checked against the lexicons.",
    re.compile(
        r"(?:^|(?<=\s))(?:[Tt]he\s(?=[A-Z]))?"  # "the UAE's foreign ministry"
        r"(?P<owner>(?:[Tt]he\s[a-z]+|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,3}))['’]s\s"
        r"(?P<role>(?:[a-z-]+\s){0,2}?(?P<noun>[a-z]+))\s+"
        rf"(?:(?:\w+ly|{alternation(word_set('adverbs_before_a_verb.txt'))})\s+)?$"
    ),
    matches=(
        "Ukraine's foreign ministry ",
        "the country's navy ",
        "Thorncastle's office also ",
        "the UAE's foreign ministry ",
    ),
    rejects=(
        "Ukraine's Foreign Ministry ",
        "its navy ",
        "Ukraine's four deputy foreign ministers ",
    ),
)
DATELINE = Rule(
    "dateline",
    "A dateline that opens a story: a place in capitals, perhaps a state or a date, perhaps an"
    " agency in brackets, and a dash ('BALTIMORE (AP) — ', 'LONDON, March 3 (Reuters) - ');"
    " no reported clause starts with it.",
    re.compile(
        r"[A-Z][A-Z.'’ -]*[A-Z.](?:,\s[A-Z][\w.]*(?:\s[A-Z\d][\w.]*){0,2})?"
        r"\s(?:\([^()]{1,30}\)\s)?[—–-]{1,2}\s"
    ),
    matches=("BALTIMORE (AP) — ", "LONDON, March 3 (Reuters) - ", "TORVIK, Ore. — "),
    rejects=("Baltimore (AP) — ", "AP said", "NEW YORK is"),
    how="match",
)
CONJUNCTION = Rule(
    "conjunction",
    "A tail that opens a clause of its own ('..., and the council agreed').",
    re.compile(rf"{alternation(word_set('clause_conjunctions.txt'))}\b"),
    matches=("and the council agreed", "while others said"),
    rejects=("officials said", "orders were issued"),
    how="match",
)
PARENTHETICAL = Rule(
    "parenthetical",
    "A cue between two commas inside a sentence, perhaps with its time ('The road, the mayor "
    "said, will ...', 'The vote, Ana Ruiz said later, was ...').",
    re.compile(r", (?P<who>[^,]{1,40}?) (?P<cue>\w+)(?: (?:[a-z]+ly|later|again|then|today))?, "),
    matches=("The road, the mayor said, will reopen", "The vote, Ana Ruiz said later, was"),
    rejects=("The road will reopen, the mayor said.", "The road, said, will reopen"),
)
ACCORDING_FRONT = Rule(
    "according_front",
    "'According to X, ...': the source first.",
    re.compile(r"According to (?P<source>[^,]+), (?P<clause>.+)"),
    matches=("According to the agency, the road will reopen.",),
    rejects=("The road will reopen, according to the agency.",),
    how="match",
)
ACCORDING_BACK = Rule(
    "according_back",
    "'..., according to X.': the source last.",
    re.compile(r"(?P<clause>.+?),?[\"”’]?,? according to (?P<source>[^,]+?)[.!?]?$"),
    matches=("The road will reopen, according to the agency.",),
    rejects=(
        "According to the agency, the road will reopen.",
        "The road, according to the agency, will reopen.",
    ),
    how="match",
)
ACCORDING_MIDDLE = Rule(
    "according_middle",
    "'..., according to X, ...': the source between commas.",
    re.compile(r"(?P<lead>.*?), according to (?P<source>[^,]+), (?P<clause>.+)"),
    matches=("The road, according to the agency, will reopen.",),
    rejects=("The road will reopen, according to the agency.",),
    how="match",
)
# Tried in turn: the first form that matches the sentence gives its source and clause.
ACCORDING_FORMS = (ACCORDING_FRONT, ACCORDING_BACK, ACCORDING_MIDDLE)
SENTENCE_BREAK_OR_AND = Rule(
    "sentence_break_or_and",
    "Between a quote and a later cue: a new sentence or an 'and' parts them.",
    re.compile(r"[.!?]\s|\band\b"),
    matches=("Ruiz and Reed", "It ended. Then"),
    rejects=("Ruiz told the court", "a 7.25 grade on the sandbank"),
)
LEADS_INTO_QUOTE = Rule(
    "leads_into_quote",
    "A clause that ends in a comma or colon and a quotation mark leads into a direct quote.",
    re.compile(r"[,:]\s*[“\"‘]$"),
    matches=("she added at the hearing, “", "she added: “"),
    rejects=("she added at the hearing “", "he said, “yes"),
)

# -- speakers ------------------------------------------------------------------------

SPEAKER_GAP = Rule(
    "speaker_gap",
    "What may stand between a speaker and its cue: 'Ana Ruiz has said', 'Reed later said'.",
    re.compile(
        rf",?\s*(?:(?:{alternation(word_set('speaker_gap_words.txt'))}|\w+ly|on\s[A-Z]\w+"
        r"|last\s\w+|this\s\w+|(?:in|at|with|from|of)\s(?:the\s)?[A-Z][\w.]*(?:\s[A-Z][\w.]*)*"
        r"|\(\d{1,3}\))"  # an age in brackets: "Graham Colley (78) said"
        r",?\s+)*$"
    ),
    matches=(" ", " has also ", " on Tuesday ", " of the Harbour Trust ", " quickly ", " (78), "),
    rejects=(" and her sister ", ", a teacher, "),
    how="match",
)
SURNAME_BEFORE = Rule(
    "surname_before",
    "A capitalised word, perhaps after an honorific, right before a cue ('Park said').",
    re.compile(r"(?:^|(?<=\s))(?:[A-Z][a-z]{1,3}\.?\s)?([A-Z][\w’'-]+)\s+(?:\w+ly\s+)?$"),
    matches=("Park ", "Ms Rowe ", "and Park quickly "),
    rejects=("park ", "the Park, "),
)
DEFINITE_ROLE = Rule(
    "definite_role",
    "A role with 'the' right before a cue, naming someone the article named before: "
    "'the president said', 'the prime minister told', 'the company said'.",
    re.compile(
        r"(?:^|(?<=\s))[Tt]he\s(?P<role>(?:[\w-]+\s){0,2}?[\w-]*[A-Za-z])(?:\s+|$)"
        r"(?:(?:in|at)\s[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?\s+)?"  # "the embassy in Washington"
        rf"(?:(?:\w+ly|{alternation(word_set('adverbs_before_a_verb.txt'))})\s+)?"
        r"(?:(?P<auxiliary>has|have|had)\s+(?:\w+ly\s+)?)?$"  # "the ministry has said"
    ),
    matches=(
        "the president ",
        "the ministry has ",
        "The Chinese embassy in Washington ",
        "The company ",
        "the prime minister quickly ",
        "The company also ",
        "The company",
        "the 28-year-old ",
        "the 40-year-old novelist ",
    ),
    rejects=("they ", "a president "),
)
# endings of nouns for who one is: "striker", "Frenchman", "Hungarian", "novelist"
PERSON_NOUN_ENDINGS = (*word_list("agent_endings.txt"), "man")  # and "-woman"
SPORTS_POSITIONS = word_set("sports_positions.txt")  # "the striker said"
PLAYER_POSTS = frozenset({"captain", "vice-captain"})  # a player's post: "skipper Ade Oluwole"
AGE_NOUN = Rule(
    "age_noun",
    "A person's age as a noun: 'the 28-year-old said'.",
    re.compile(r"(?P<years>\d{1,3})-year-old"),
    matches=("28-year-old",),
    rejects=("28-year",),
    how="fullmatch",
)
NICKNAME = Rule(
    "nickname",
    "One or two capitalised words in quotation marks between a name's words, the spaces "
    "around it included: a nickname, not a quotation ('Dermot \"Deco\" Walsh').",
    re.compile(r"\s[“\"‘'][A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)?[”\"’']\s(?=[A-Z])"),
    matches=(' "Deco" W', " “The Hammer” R"),
    rejects=(' "Deco" said', ' "We won" R', " “a disaster” R"),
    how="match",
)
SOURCE_OF = Rule(
    "source_of",
    "Between two sources, what makes the second the first's client or employer: 'A lawyer for "
    "the family', 'An aide to the opposition leader'.",
    re.compile(r"\s(?:for|to|of|representing)\s(?:the\s|a\s|an\s|his\s|her\s|their\s)?"),
    matches=(" for the ", " to the ", " representing "),
    rejects=(" and the ", ", the "),
    how="fullmatch",
)
ROLE_THEN_NAME = Rule(
    "role_then_name",
    "After a cue, 'the' or 'its', 'his', 'her', 'their' or a name's possessive, a role of up to"
    " four words and a comma before the name: 'said the president, Lucia Benavente', 'said the"
    " council's chief mediator, Thabo Mokoena', 'said Greenline's managing director, Farid"
    " Haddad'.",
    re.compile(
        r"(?:the|its|his|her|their|[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,3}['’]s)\s"
        r"(?:[\w'’-]+\s){0,3}[a-z][\w-]*,\s"
    ),
    matches=(
        "the president, ",
        "the council's chief mediator, ",
        "Greenline's managing director, ",
    ),
    rejects=("the president said", "the Harbour Trust, "),
    how="match",
)
SET_OFF = Rule(
    "set_off",
    "A phrase set off by commas between a clause's subject and its cue: the subject speaks "
    "('The report, compiled with scientists from 60 countries, found').",
    re.compile(r",\s[^,.;:“”\"]{1,200},\s*"),
    matches=(", compiled with scientists from 60 countries, ", ", flanked by officials, "),
    rejects=(", compiled. Then, ", " from 60 countries, "),
    how="fullmatch",
)
# An appositive opens with one of these, a lower-case role ("deputy leader of ...") or a word
# that heads a role ("chief financial officer of ...")
APPOSITIVE_STARTS = (
    word_set("appositive_starts.txt")
    | word_set("person_nouns.txt")
    | {word.lower() for word in word_set("title_modifiers.txt")}
    | {word.lower() for word in word_set("titles.txt") if word.isalpha()}  # "pastor at ..."
)
APPOSITIVE = Rule(
    "appositive",
    "A phrase between commas after a name, before its cue ('Ruiz, the head of ..., said').",
    re.compile(
        rf"(?:\s\([^)]*\))?,\s(?:{alternation(APPOSITIVE_STARTS)}|\w+ing)\b"
        r"[^.!?]{0,200}?,\s*$"
    ),
    matches=(
        ", the head of the agency, ",
        ", speaking by phone, ",
        " (Utah), who leads it, ",
        ", deputy leader of the Reform Alliance, ",
        ", chief financial officer of Acme Corp, ",
    ),
    rejects=(", and then, ", ", the head. Then, "),
    how="match",
)
NAME_THEN_APPOSITIVE = Rule(
    "name_then_appositive",
    "After a quote, a name and an appositive of any length up to the cue: a cue farther than "
    "the usual few words still attributes the quote ('”, Ana Ruiz, a doctoral student in "
    "history and leader of the dig, said').",
    re.compile(r",\s[^.!?;:“”\"()]{1,240},\s*"),
    matches=(", a doctoral student in history and leader of the dig, ", ", PhD student, "),
    rejects=(", then. Later, ", " told reporters that ", ", who said “no,” "),
    how="fullmatch",
)
LEADING_SPACE = Rule(
    "leading_space",
    "The spaces after a cue, before the name that may follow it.",
    re.compile(r"\s+"),
    matches=("  Reed",),
    rejects=("Reed",),
    how="match",
)
ROLE_BEFORE_NAME = Rule(
    "role_before_name",
    "Lower-case words of a role between a cue and a name ('said lead author Ana Ruiz').",
    re.compile(
        rf"(?:(?:{alternation(word_set('source_modifiers.txt'))})\s)?"  # "former NFL coach"
        r"(?:[A-Z][\w.]*(?:['’]s)?\s)?(?:[a-z-]+\s){1,3}(?=[A-Z])"
    ),
    matches=(
        "lead author Ana Ruiz",
        "former NFL general manager Bill Polian",
        "study co-author Ana Ruiz",
        "Norvo director Lena Voss",
        "Norvo’s chief engineer Lena Voss",
    ),
    rejects=("Ana Ruiz", "the director"),
    how="match",
)
ROLE_AT_CLAUSE_END = Rule(
    "role_at_clause_end",
    "'the' and a role of up to three words that end the clause, after a cue ('said the company.').",
    re.compile(
        rf"[Tt]he\s(?P<role>[\w-]+(?:\s(?!{PRONOUN_AUXILIARY}\b)"
        r"[\w-]+){0,2})(?=\s*(?:[.;:!?]|,(?!\s[A-Z])|$))"
    ),
    matches=("the company.", "the 34-year-old actress,", "the prime minister"),
    rejects=("the company would", "a company.", "the parent company, Kestrel Holdings"),
    how="match",
)
ROLE_AFTER_NAME = Rule(
    "role_after_name",
    "A role said of a person right after the name: ', the agency spokesperson'.",
    re.compile(r",\s(?:the|a|an|its|their|his|her)\s(?P<role>[^,.;:()]{1,60})"),
    matches=(", the agency spokesperson", ", a spokeswoman for the Harbour Trust"),
    rejects=(" met the spokesperson", ", who met the spokesperson"),
    how="match",
)
SUBJECT_PRONOUNS = frozenset(word_table("pronoun_antecedents.txt"))  # he, she, they, it, i, we
ADVERBS_BEFORE_A_VERB = word_set("adverbs_before_a_verb.txt")  # "he even misses"
PRONOUN_KINDS = {
    pronoun: frozenset(kinds.split())
    for pronoun, kinds in word_table("pronoun_antecedents.txt").items()
    if kinds != "-"
}  # a pronoun -> the kinds of actor it may stand for
PRONOUN_GENDER = word_table("pronoun_genders.txt")
PRONOUN_AT = Rule(
    "pronoun_at",
    "A pronoun right after a cue ('said she'): it may speak, unless an auxiliary follows.",
    re.compile(rf"({alternation(PRONOUN_KINDS)})\b", re.IGNORECASE),
    matches=("she was leaving", "They added"),
    rejects=("shelter was built", "Reed"),
    how="match",
)
AUXILIARY_AT = Rule(
    "auxiliary_at",
    "An auxiliary after a pronoun: the pronoun is what is reported, not the speaker.",
    re.compile(rf"\s+{PRONOUN_AUXILIARY}\b"),
    matches=(" was leaving", " would return"),
    rejects=(" warned", " wasted"),
    how="match",
)
PRONOUN_BEFORE = Rule(
    "pronoun_before",
    "A pronoun right before a cue ('she said', 'they quickly added').",
    re.compile(
        rf"\b({alternation(word_table('pronoun_antecedents.txt'))})\s+"
        rf"(?:(?:\w+ly|{alternation(word_set('adverbs_before_a_verb.txt'))})\s+)?$",
        re.IGNORECASE,
    ),
    matches=("The plan, she ", "and they quickly ", "I ", "He later ", "she also "),
    rejects=("the shed ", "she left "),
)
LEADING_PHRASE = Rule(
    "leading_phrase",
    "A phrase before a comma that opens a sentence ('In a statement, the agency said').",
    re.compile(r"[^,]{0,150}?,\s"),
    matches=("In a statement, the agency said",),
    rejects=("The agency said",),
    how="match",
)
SUBORDINATE_CLAUSE = Rule(
    "subordinate_clause",
    "A clause set off by commas that opens with 'where', 'who', 'which' or 'while': no actor "
    "in it is the subject of the cue after it ('In the north, where Venkov is a hero, the "
    "regional leader, Goran Talic, said').",
    re.compile(r",\s(?:where|who|whom|whose|which|while|whereas)\s[^,.;:“”\"]{1,200},\s"),
    matches=(", where Venkov is still a hero, ", ", who had backed Reed, "),
    rejects=(", the regional leader, ", ", where Venkov is. Then, "),
)
CLAUSE_STOP = Rule(
    "clause_stop",
    "Where the clause of a document's phrase ends: its owner is named before it.",
    re.compile(r"[,.;:!?]"),
    matches=("data from the agency, which",),
    rejects=("data from the agency",),
)
ENDS_WITH_COLON = Rule(
    "ends_with_colon",
    "A name then a colon before a quote ('Ruiz: “...”').",
    re.compile(r":\s*$"),
    matches=("Ruiz: ", "Ruiz:"),
    rejects=("Ruiz said ", "at 9:59 today"),
)
DESCRIBED_ACCORDING = Rule(
    "described_according",
    "A source after 'according to' that no lexicon lists, in lower case with its determiner: an "
    "unnamed source ('according to the race's medical service').",
    re.compile(r"(?:the|a|an)\s(?:[a-z][\w'’-]*\s){0,4}(?P<noun>[a-z][a-z-]*[a-z])"),
    matches=("the race's medical service", "a local official"),
    rejects=("the Harbour Trust", "Ana Ruiz", "the race's"),
    how="fullmatch",
)
NAMED_SOURCE = Rule(
    "named_source",
    "A capitalised source after 'according to' names an actor ('the Harbour Trust'), past what "
    "it is ('the market research firm Tallis Research').",
    re.compile(
        r"(?:the\s(?:[a-z][\w-]*\s){0,3})?"
        r"([A-Z][\w.'’&-]*(?:\s(?:(?:the|of|for|and)\s)?[A-Z][\w.'’&-]*)*)$"
    ),
    matches=(
        "the Harbour Trust",
        "Office of Fair Rates",
        "the market research firm Tallis Research",
    ),
    rejects=("the agency", "local residents"),
    how="match",
)

# -- unnamed sources -----------------------------------------------------------------

COLLECTIVE_SOURCES = word_set("collective_sources.txt")
DOCUMENT_NOUNS = alternation(word_set("documents.txt"))
DOCUMENT_BY = Rule(
    "document_by",
    "A document, then the organisation that made it: 'a report published Tuesday by the '.",
    re.compile(
        rf"\b(?P<noun>{DOCUMENT_NOUNS})\b[^.;!?]{{0,80}}?"
        r"(?<!obtained\s)(?<!seen\s)(?<!reviewed\s)(?<!viewed\s)\bby\s(?:the\s)?$"
    ),
    matches=("a report published on Tuesday by the ", "the study by "),
    rejects=("the study ended. Then by the ", "by the ", "an internal memo obtained by "),
)
DOCUMENT_OF = Rule(
    "document_of",
    "Right after an organisation's name, a document of its own: ''s annual report', ' report'.",
    re.compile(rf"(?:['’]s)?\s(?:[a-z-]+\s)?(?P<noun>{DOCUMENT_NOUNS})\b"),
    matches=("’s annual report", " report", "'s study"),
    rejects=(" said in a report", " and the report"),
    how="match",
)
DOCUMENT_ISSUED = Rule(
    "document_issued",
    "Right after an organisation's name, a document it put out: ' issued a statement'.",
    re.compile(
        r"\s(?:\w+ly\s)?(?:issued|issues|released|releases|published|publishes|sent|posted)\s"
        rf"(?:a|an|the|its)\s(?:[a-z-]+\s)?(?P<noun>{DOCUMENT_NOUNS})\b"
    ),
    matches=(" issued a statement", " released its annual report", " quickly issued a statement"),
    rejects=(" said in a statement", " read the report"),
    how="match",
)
DOCUMENT_BROUGHT_IN = Rule(
    "document_brought_in",
    "A document brought in with 'a' or 'an', whose issuer speaks next: 'In a written "
    "statement, a spokesman said', which 'the statement said' later refers back to.",
    re.compile(rf"\b(?:a|an)\s(?:[a-z-]+\s){{0,2}}?(?P<noun>{DOCUMENT_NOUNS})\b", re.IGNORECASE),
    matches=("In a written statement", "a statement released on Monday", "an open letter"),
    rejects=("the statement", "a statesman", "its statement"),
)
WORDS_BEFORE_SOURCE_NOUN = 3  # after a determiner, or modifiers: "a senior U.S. official"


THOSE = "those"  # a source noun only before NEAR_WHOM
# "people close to Ms. Hale", "sources familiar with the talks"
NEAR_WHOM = (
    "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s") for w in word_list("near_whom.txt")) + ")"
)


PARTY_MEMBERS = word_set("party_members.txt")
MONTH_NAMES = "|".join(sorted(word.capitalize() for word in word_set("months.txt")))
STAFF_SOURCES = word_set("staff_sources.txt")


def _source_nouns(lex: Lexicons) -> str:
    """The source nouns, and "those" when near whom they are follows ("those close to"); a
    party's member only where no other source noun follows ("a Republican strategist"); a
    staff noun only where it ends the phrase: before a mark, a cue, "who" or a preposition."""
    nouns = alternation(lex.unnamed_sources | lex.documents)
    members = rf"(?:{alternation(PARTY_MEMBERS)})(?!\s(?:{nouns})\b)"
    ending = rf"(?:{alternation(lex.reporting_verbs.keys())}|who|at|for|in|with|from|on)\b"
    staff = rf"(?:{alternation(STAFF_SOURCES)})(?=\s*(?:[,.;:!?)”\"]|$)|\s{ending})"
    others = alternation((lex.unnamed_sources - PARTY_MEMBERS - STAFF_SOURCES) | lex.documents)
    return rf"{others}|{members}|{staff}|{THOSE}(?=\s{NEAR_WHOM}\s)"


@cache
def source_noun_pattern(lex: Lexicons) -> re.Pattern[str]:
    """The noun every unnamed source has: where it is absent, none is searched for."""
    return re.compile(f"(?i:{_source_nouns(lex)})")


@cache
def named_thing_pattern(lex: Lexicons) -> re.Pattern[str]:
    """ "something called “", "a program dubbed “", "its so-called “": an indefinite thing,
    perhaps one lower-case word that is no source nor title ("a judge called “" is the judge
    speaking), or a so-called one."""
    people = alternation(lex.unnamed_sources | {title.lower() for title in lex.titles})
    return re.compile(
        r"\b(?:(?:[Ss]omething|[Aa]nything|[Aa]n?)\s"
        rf"(?:(?!(?:{people})\b)[a-z][\w-]*\s)?"
        r"(?:called|dubbed|named|titled|known\sas)|[Ss]o-called)\s*[“\"‘]?$"
    )


NAMED_THING = LexiconRule(
    "named_thing",
    "An indefinite thing named just before quotation marks: the quotation is its name, even "
    "after a cue's word ('offers something called “sponsored data”'; not 'what the mayor "
    "called “a disaster”', 'a move one councillor called “”', 'a plan Voss called “”').",
    named_thing_pattern,
    matches=("something called “", "a program dubbed “", "an app known as “", "its so-called “"),
    rejects=(
        "what the mayor called “",
        "a gap he called “",
        "which a judge called “",
        "a move one councillor called “",
        "a plan Voss called “",
        "she called it “",
    ),
)


SOURCE_NOUN = LexiconRule(
    "source_noun",
    "A noun that names a source without naming the person, or a document, in any case.",
    source_noun_pattern,
    matches=("a spokesman declined", "The Report found", "police arrived"),
    rejects=("the mayor declined", "Ana Ruiz left"),
)
SOURCE_DETERMINER = alternation(word_set("source_determiners.txt"))
KINSHIP_NOUNS = word_set("kinship_nouns.txt")
# who speaks for a source so named: "the victim's mother", "the suspect's lawyer"
SOURCES_OF_A_SOURCE = alternation(KINSHIP_NOUNS | word_set("sources_of_a_source.txt"))
SOURCE_MODIFIER = alternation(word_set("source_modifiers.txt"))
HEAD_AFTER_A_NAME = alternation(word_set("heads_after_a_name.txt"))
NOT_SOURCE_MODIFIER = alternation(word_set("not_source_modifiers.txt"))


@cache
def unnamed_source_pattern(lex: Lexicons) -> re.Pattern[str]:
    """ "a U.S. official", "one trade expert", "a staff member at X", "Police"."""
    nouns = _source_nouns(lex)
    determiner = rf"(?i:{SOURCE_DETERMINER})"
    # "U.S. intelligence and administration officials": two modifiers joined count as one
    modifiers = rf"(?:[A-Z][\w.'’-]*|{SOURCE_MODIFIER}(?:\sand\s{SOURCE_MODIFIER})?)"
    # Words of whose the source is, before the name that ends it: "in the autonomous northern
    # region of Kestry" (no function word, no cue: "Police in Kestry told the Herald")
    not_whose = f"{alternation(lex.function_words)}|{alternation(lex.reporting_verbs)}"
    whose_word = rf"(?!(?:{not_whose})\b)[\w'’.-]+"
    return re.compile(
        r"(?<![\w.'’&-])"  # at the start of a word: never "resident" inside "President"
        rf"(?:{determiner}\s(?:(?!{NOT_SOURCE_MODIFIER}\b)[\w.'’-]+\s){{0,{WORDS_BEFORE_SOURCE_NOUN}}}?"
        rf"|(?:{modifiers}\s){{0,{WORDS_BEFORE_SOURCE_NOUN}}})"
        rf"(?P<noun>(?i:{nouns}))\b(?!\s[A-Z])"  # not a title before a name
        rf"(?:['’]s\s(?P<owned>{SOURCES_OF_A_SOURCE})\b)?"  # "the victim's mother"
        rf"(?:\s(?:for|from|of|at|with|in|to)\s(?:the\s(?:{whose_word}\s(?:of\s)?){{0,4}})?"
        r"[A-Z][\w.'’-]*(?:\s(?:of\s)?[A-Z][\w.'’-]*)*"
        rf"(?:\s(?:{HEAD_AFTER_A_NAME})\b)?"  # "of the Rockefeller estate"
        # "at Duke University in Durham, North Carolina, said"; not "in March", "in English ..."
        rf"(?:\sin\s(?!(?:{MONTH_NAMES})\b)[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)*"
        rf"(?=,|\s(?:{alternation(lex.reporting_verbs.keys())})\b))?"
        # "people close to Ms. Hale", "sources familiar with the talks": near whom they are
        rf"|\s{NEAR_WHOM}\s"
        rf"(?:[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)*|(?:the|his|her|their)\s(?:{whose_word}\s){{0,2}}{whose_word}))?"
    )


UNNAMED_SOURCE = LexiconRule(
    "unnamed_source",
    "A source not named: determiner or modifiers, a source noun, perhaps whose it is.",
    unnamed_source_pattern,
    matches=(
        "a senior official said",
        "Police said",
        "a spokeswoman for the Harbour Trust",
        "representatives of the Rockefeller estate say",
        "U.S. intelligence and administration officials",
        "officers in the autonomous northern region of Kestry",
        "People close to Ms. Hale insisted",
        "sources familiar with the talks said",
        "The victim's mother told reporters",
    ),
    rejects=("Officer Ana Ruiz said", "the mayor said", "the President said"),
)
DESCRIBED_SOURCE = Rule(
    "described_source",
    "All that stands between a quotation and its cue, or after a cue at the sentence's end: 'a'"
    " and a lower-case noun no lexicon lists, perhaps with a word or two before it ('“...,” a"
    " publicist retorted', 'said a longtime bandmate.'). Time words are checked apart.",
    re.compile(r"(?:an?|one)\s(?:[a-z][a-z-]*\s){0,2}?(?P<noun>[a-z][a-z-]*[a-z])"),
    matches=("a publicist", "a longtime bandmate", "one onlooker"),
    rejects=("A Publicist", "the publicist", "Ana Ruiz"),
    how="fullmatch",
)
# what "a" may open besides a source: a time or an amount ("a week ago", "a lot")
NOT_DESCRIBED_SOURCES = word_set("time_units.txt") | word_set("not_described_sources.txt")
DETERMINER = Rule(
    "determiner",
    "The determiner an unnamed source's name leaves out ('a senior official').",
    re.compile(r"^(?:an?|the|one)\s", re.IGNORECASE),
    matches=("A senior official", "one aide"),
    rejects=("Senior officials", "another aide"),
)
