"""The rules of actors.py: the words of a name, what joins them, and the context that tells
a person from an organisation or a place.

Each rule is a named pattern with invented examples it must find and must not find
(tests/test_extract_rules.py tries them). Its words come from newsfacts/lexicons/.
"""

from __future__ import annotations

import re

from .lexicons import word_list, word_set, word_table
from .rules import SET_OFF_CHARACTER, Rule
from .text import alternation

# -- the words of a name -----------------------------------------------------------------

# "U.S." as (?:[A-Z]\.){2,} would be, with no repeat entered before its first letter and period
TOKEN = Rule(
    "token",
    "A word: an initialism ('U.S.', 'B&Q'), capitals before a hyphenated suffix, or letters.",
    re.compile(
        r"[A-Z]\.(?:[A-Z]\.)+|[A-Z]{1,3}&[A-Z]{1,3}\b|[A-Z]{2,}(?=-[a-z])"
        r"|[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]"
    ),
    matches=("U.S.", "Voss’s", "a", "NATO-led", "B&Q"),
    rejects=("86 93", " — "),
    how="match",
)
PARTICLES = word_set("name_particles.txt")
MONTHS = word_set("months.txt")  # a month is no given name that acts ("in March was")
WEEKDAYS = word_set("weekdays.txt")  # a day after a name is not part of it
CONNECTORS = PARTICLES | word_set("name_connectors.txt")  # joined inside a name
JOINERS = CONNECTORS - PARTICLES  # connectors that may join two names: "Kenya for Ghana"
POSSESSIVE_ENDINGS = ("'", "’", "'s", "’s")  # a token ends so when it is possessive
IRREGULAR_PLURALS = word_set("irregular_plurals.txt")  # "Women's Tennis Federation"
ARABIC_PREFIXES = alternation(word_set("arabic_prefixes.txt"))
ARABIC_PREFIX_WORDS = word_set("arabic_prefixes.txt")  # "Abu": may open a name
ARABIC_PREFIX = Rule(
    "arabic_prefix",
    "A lower-case prefix joined to a capitalised name: the word counts as capitalised.",
    re.compile(rf"{ARABIC_PREFIXES}-[A-Z]"),
    matches=("al-Noor", "bin-Sami"),
    rejects=("al-noor", "alpha-Beta"),
    how="match",
)
CONTRACTION = Rule(
    "contraction",
    "A word with a contracted ending ('I've', 'That's' is told apart by its verb after): never a"
    " name.",
    re.compile(r"['’](?:ve|m|re|ll|d)$|n['’]t$"),
    matches=("I've", "I’m", "We're", "Don't", "They’ll"),
    rejects=("Reed's", "O'Neill", "Jones'"),
)
LOWER_CAMEL_CASE = Rule(
    "lower_camel_case",
    "A brand written with a lower-case first letter and a capital second: counts as capitalised.",
    re.compile(r"[a-z][A-Z][a-z]"),
    matches=("eNorv", "iVoss"),
    rejects=("norv", "e-Norv", "eNORV"),
    how="match",
)
ARABIC_PARTICLE = Rule(
    "arabic_particle",
    "Such a prefix anywhere, capital or not: inside a name it marks a person's.",
    re.compile(rf"{ARABIC_PREFIXES}-"),
    matches=("Omar al-Noor", "abu-"),
    rejects=("an all-party group", "Omar Noor"),
)
DESCRIBES = Rule(
    "describes",
    "A capitalised word with a lower-case suffix describes the name after it ('Lisbon-based',"
    " 'Co-star'; '-elect' makes a title: Governor-elect Ana Ruiz). A given name of two"
    " syllables ('Do-yeon', 'Sung-ho') is none: the finder checks it (SYLLABIC_NAME).",
    re.compile(r"-(?!elect$)(?P<suffix>[a-z]+)$"),
    matches=("Lisbon-based", "Norvo-owned", "Co-star"),
    rejects=("al-Noor", "Voss", "President-elect"),
)
SYLLABIC_NAME = re.compile(r"[A-Z][a-z]{1,4}-[a-z]{1,6}")  # "Do-yeon", "Sung-ho", "Kwok-leung"
# suffixes that describe even after a short word: "Co-star", "Baker-ish", "Kremlin-run"
DESCRIBING_SUFFIXES = frozenset(word_set("describing_suffixes.txt"))

# -- governments -----------------------------------------------------------------------

GOVERNMENT_WORDS = word_list("government_words.txt")
# The owner's capital comes first, then the look-behind (no letter or period before it):
# sre skips ahead to each capital.
GOVERNMENT = Rule(
    "government",
    "A surname or demonym then a government word: 'the Voss administration'.",
    re.compile(
        rf"(?P<owner>[A-Z](?<![\w.][A-Z])[\w.]*[a-z.])\s(?P<word>{alternation(GOVERNMENT_WORDS)})\b"
    ),
    matches=("the Voss administration", "the Chilean government"),
    rejects=("the government said", "the Voss administrator"),
)
# "administration" or "campaign" after a name with "the" before it is an office-holder's (or a
# candidate's) team even when the article never names its owner: "the incoming Voss
# administration", "the Voss campaign".
OFFICE_HOLDERS_TEAMS = frozenset({"administration", "campaign"})
THE_BEFORE_AN_OWNER = Rule(
    "the_before_an_owner",
    "'the', perhaps with a lower-case word or two, just before an administration's owner.",
    re.compile(r"\b[Tt]he (?:[a-z-]+ ){0,2}$"),
    matches=("the ", "The incoming ", "the then ", "the outgoing two-term "),
    rejects=("a ", "the Senate ", "Voss "),
)
POLITICAL_ADJECTIVES = word_set("political_adjectives.txt")  # "the Republican administration"
PORTFOLIO_NOUNS = word_set("portfolio_nouns.txt")  # "and Urban Development": no person
LOCAL_GOVERNMENTS = word_set("local_governments.txt")  # "the City of Perth said": its council

# -- what tells a person ---------------------------------------------------------------

AFTER_INDEFINITE_ARTICLE = Rule(
    "after_indefinite_article",
    "'a' or 'an' just before a capitalised run: a description, not a person's name"
    " ('Rep. Ana Ruiz, a Kestry Democrat, said').",
    re.compile(r"(?<![\w-])an? $"),
    matches=(", a ", "an "),
    rejects=("A ", "Ana ", "a. ", "sea "),
)

MONTH_AS_A_DATE = Rule(
    "month_as_a_date",
    "A word before a month that makes it a date even before a capitalised word ('in June "
    "Congress passed', 'Each August Torvik hosts'); elsewhere a month that is a given name "
    "may open a person's name ('the mayor, June Pattison, said').",
    re.compile(
        r"\b(?i:in|on|by|since|until|till|from|through|throughout|during|of|for|before|after|"
        r"last|next|early|late|mid|this|that|each|every|around|beginning|starting|effective|"
        r"come|the|between|and|or|to)[\s-]+$"
    ),
    matches=("in ", "Since ", "early ", "mid-", "between May and ", "Each ", "Effective "),
    rejects=("historian ", "mayor, ", "Dr. "),
)

AGENT_ENDINGS = word_list("agent_endings.txt")  # "Farmer", "Activist", "Historian"
NAMED_BEFORE = Rule(
    "named_before",
    "Words before a name that give it to someone or something: 'a spaniel named Disney', "
    "'who goes by Disney online'.",
    re.compile(r"\b(?:named|called|dubbed|nicknamed|goes\sby|went\sby)\s$"),
    matches=("a spaniel named ", "who goes by "),
    rejects=("owned by ", "at "),
)

AGE_AFTER = Rule(
    "age_after",
    "An age between commas after a name, or ending the sentence: 'Lena Voss, 41, said', "
    "'said Evelyn, 80.'",
    re.compile(r",\s\d{1,3}(?:,|[.;](?=\s|$))"),
    matches=(", 77, said", ", 80."),
    rejects=(", 2037, said", " 77 said", ", 3.5 million"),
    how="match",
)
_ADVERBS = word_table("adverbs_after_a_name.txt")
_ANY_NAME_ADVERB = alternation(word for word, after in _ADVERBS.items() if after == "any")
VERB_AFTER_NAME = Rule(
    "verb_after_name",
    "The lower-case word after a name, past an adverb: 'Lena Voss also said'.",
    re.compile(rf",?\s(?:(?:{alternation(_ADVERBS)}|\w+ly)\s)?([a-z]+)\b"),
    matches=(" said", " then said", ", quickly added"),
    rejects=(" Said", ": said"),
    how="match",
)
VERB_AFTER_WORD = Rule(
    "verb_after_word",
    "The lower-case word after a single capitalised word, past an adverb and a time: 'Norvex"
    " also said', 'Norvex earlier this month said', 'Norvex on Monday said'.",
    re.compile(
        rf"\s(?:{_ANY_NAME_ADVERB}\s)?(?:(?:earlier|later)\s)?"
        r"(?:(?:this|last)\s[a-z]+\s|on\s[A-Z][a-z]+\s)?([a-z]+)\b"
    ),
    matches=(" also said", " said", " earlier this month said", " on Monday said"),
    rejects=(", said", " 86"),
    how="match",
)
WORD_AFTER = Rule(
    "word_after",
    "The lower-case word right after a lone first name: 'Lena said'.",
    re.compile(r"\s([a-z]+)\b"),
    matches=(" said",),
    rejects=(" Said", ", said"),
    how="match",
)
ROLE_THEN_VERB = Rule(
    "role_then_verb",
    "After a name, what the person is between commas, then a verb: 'Efua Boateng, a singer, said'.",
    re.compile(r",\s(?:a|an|the)\s[^,.;:“”\"]{1,80},\s(?:\w+ly\s)?(?P<verb>[a-z]+)\b"),
    matches=(", a singer, said", ", the head of the agency, quickly added"),
    rejects=(", a singer said", ", Kestry, said"),
    how="match",
)
RELATIVE_THEN_VERB = Rule(
    "relative_then_verb",
    "After a name, a relative clause between commas, then a verb: 'Terminal Austral, which runs"
    " the port, said' (an organisation), 'Efua Boateng, who chairs the panel, said' (a person).",
    re.compile(
        rf",\s(?P<pronoun>which|who)\s{SET_OFF_CHARACTER}{{1,150}},\s(?:(?:also|later|then|\w+ly)\s)?"
        r"(?P<verb>[a-z]+)\b"
    ),
    matches=(", which runs the port of San Antonio, said", ", who chairs the panel, also warned"),
    rejects=(", which runs the port. It said", ", whose port, said", " which runs it, said"),
    how="match",
)
INSIDE_A_RELATIVE_CLAUSE = Rule(
    "inside_a_relative_clause",
    "Before a name, an open relative clause set off by a comma: a cue after the name's comma"
    " is the clause's subject's, not the name's ('X, which runs the port of San Antonio, said').",
    re.compile(rf",\s(?:which|who|whose)\s{SET_OFF_CHARACTER}*$"),
    matches=(", which runs the port of ", ", who has 9,000 followers on "),
    rejects=(", which runs it, then ", " which runs the port of "),
)
DESCRIBED_AFTER_NAME = Rule(
    "described_after_name",
    "After a lone name, ', a' or ', an' and a description up to its noun, then a comma or"
    " 'who' ('Daniel, a New York University senior, said', 'Jared, an undergraduate who'):"
    " whom the name is.",
    re.compile(r",\san?\s[^,.;:]{0,60}?\b(?P<noun>[a-z-]+)(?:,\s|\swho\b)"),
    matches=(
        ", a New York University senior, said",
        ", an undergraduate, said",
        ", a senior who did not want",
    ),
    rejects=(", a city in Italy with", ", the mayor, said"),
    how="match",
)
QUOTE_CLOSE_THEN_CUE = Rule(
    "quote_close_then_cue",
    "A quotation's close, then a cue, right before a name: the name speaks the quotation"
    " ('“It’s new,” said Jared'; not 'Officials said Victoria').",
    re.compile(rf"[,!?][”\"’]\s(?:{alternation(word_list('cues_before_a_name.txt'))})\s$"),
    matches=("counterculture,” said ", "now?” says "),
    rejects=("Officials said ", "“Yes” said "),
)
PLACE_BEFORE = Rule(
    "place_before",
    "A comma or a preposition of place right before a name: where something is ('Durham, ',"
    " 'in ', 'from ').",
    re.compile(r"(?:,|\b(?:in|from|of|across|through|to|near))\s$"),
    matches=("Durham, ", "lives in ", "came from "),
    rejects=("The ", "said "),
)
AFTER_CUE = Rule(
    "after_cue",
    "A cue just before a name: the name is a person's ('said Lena Voss').",
    re.compile(rf"\b{alternation(word_list('cues_before_a_name.txt'))}\s$"),
    matches=("officials said ", "according to "),
    rejects=("said Monday ", "he unsaid "),
)
POST_NOMINALS = word_set("post_nominals.txt")  # "Sinéad Barrett SC": not in the name
COMPANY_SUFFIXES = word_set("company_suffixes.txt")  # "Kellun Bank Corporation"
ABBREVIATIONS_ENDING_A_NAME = word_set("abbreviations_ending_a_name.txt")  # "Warner Bros."
PRIZE_WORDS = word_set("prize_words.txt")  # "the Tony Awards": no actor
DESCRIPTIVE_ACRONYMS = word_set("descriptive_acronyms.txt")  # "LGBT students", "an MBA"
FUNCTION_WORDS_AS_GIVEN_NAMES = word_set("function_words_as_given_names.txt")  # "Will"
EVENT_NOUNS = word_set("event_nouns.txt")  # "the Rift Masters tournament": no team
PERSON_NOUN_BEFORE = Rule(
    "person_noun_before",
    "A lower-case noun just before a name, which may be a noun for a person ('the producer "
    "Adunni Okonjo-Bello', 'founder Nnamdi Eze'): the finder checks the noun.",
    re.compile(r"(?<![\w-])(?P<noun>[a-z][a-z-]+),?\s$"),
    matches=("the producer ", "alongside newcomer ", "its co-founder "),
    rejects=("The Producer ", "said Monday, "),
)
AFTER_PLACE_WORD = Rule(
    "after_place_word",
    "A preposition of place just before a word: the word is a place ('in Lisbon').",
    re.compile(rf"\b{alternation(word_set('place_prepositions.txt'))}\s$"),
    matches=("riots in ", "the road to "),
    rejects=("in the ", "into "),
)

# -- what tells an organisation named in one word ---------------------------------------

ACTION_VERBS = word_set("action_verbs.txt")
PERSON_VERBS = word_set("person_verbs.txt")  # "Sowande laughed": only a person does so
TEAM_WORDS = word_set("team_words.txt")  # "Halvorsen City", "Westmoor United"
TEAM_FIRST_WORDS = word_set("team_first_words.txt")  # "Real Ostravia", "Olympique Varenne"
_MATCH_VERBS = alternation(word_set("match_verbs.txt"))
MATCH_VERB_AFTER = Rule(
    "match_verb_after",
    "A verb of a game right after a name: 'Taranaki Rams beat', 'Halvorsen City drew with'.",
    re.compile(rf"\s(?:{_MATCH_VERBS})\b"),
    matches=(" beat Southland", " drew with"),
    rejects=(" beaten", " said"),
    how="match",
)
MATCH_VERB_BEFORE = Rule(
    "match_verb_before",
    "A verb of a game, or 'against', right before a name: 'host Otago Highlanders'.",
    re.compile(rf"\b(?:(?:{_MATCH_VERBS})(?:\s(?:with|to))?|against)\s(?:the\s)?$"),
    matches=("The Rams host ", "beat the ", "against ", "drew with ", "lost to "),
    rejects=("hostel ", "the "),
)
_TEAM_PEOPLE = alternation(word_set("team_people.txt"))
TEAM_CONTEXT_AFTER = Rule(
    "team_context_after",
    "A club's people or a plural verb right after a club's name: 'Glenmore Celtic captain',"
    " 'Real Ostravia are', 'Sporting Alvalade, who are'.",
    re.compile(rf"(?:,\swho)?\s(?:are|were|have|{_TEAM_PEOPLE})\b"),
    matches=(" captain Niamh", " are closing in", ", who are holding out", " fans"),
    rejects=(" said", " is", " captained"),
    how="match",
)
TEAM_CONTEXT_BEFORE = Rule(
    "team_context_before",
    "A game's noun and its preposition right before a club's name: 'defeat by', 'tie with'.",
    re.compile(
        r"\b(?:(?:defeats?|wins?|victory|loss|draw|tie|clash|game|match|fixture|derby|contract)"
        r"\s(?:by|over|to|with|against|at)|side)\s(?:the\s)?$"
    ),
    matches=("home defeat by ", "the FA Trophy tie with ", "a new contract with ", "B side "),
    rejects=("a trip to ", "the road to "),
)
ORGANIZATION_NOUNS = word_set("organization_nouns.txt")
_ORGANIZATION_NOUNS = alternation(ORGANIZATION_NOUNS)
_ORGANIZATION_NOUNS_ANY_CASE = f"(?i:{_ORGANIZATION_NOUNS})"  # "Companies like" opens a sentence
# a name in a list: capitalised words joined by spaces ("1st Norv", "eNorv" too); names joined
# by commas, "and", "or"
_LISTED_NAME = r"(?:[A-Z]|\d|[a-z](?=[A-Z]))[\w&.'’-]*(?: [A-Z][\w&.'’-]*)*"
ORGANIZATION_NOUN_BEFORE = Rule(
    "organization_noun_before",
    "A noun for organisations just before a name, or before the list it is in: 'the cable"
    " operator Norvex', 'companies like Daltrop, Norvex'.",
    re.compile(
        rf"\b{_ORGANIZATION_NOUNS}\s$"
        # "The manufacturer, Agrovant, said"; not "For the company, Ana Ruiz was ..."
        r"|(?<![Ff]or\s)(?<!to\s)(?<!of\s)(?<!with\s)(?<!from\s)(?<!at\s)(?<!by\s)(?<!in\s)"
        rf"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s(?:[a-z-]+\s)?{_ORGANIZATION_NOUNS},\s$"
        rf"|\b{_ORGANIZATION_NOUNS_ANY_CASE},?\s(?:like|such\sas|including)\s"
        rf"(?:{_LISTED_NAME}(?:,?\s(?:and|or)\s|,\s))*$"
    ),
    matches=(
        "the cable operator ",
        "companies like ",
        "firms such as Daltrop, ",
        "20 companies, including Daltrop, Kellun Motors and ",
        "Companies like ",
        "sites like 1st Norv, eNorv, and ",
        "The manufacturer, ",
        "its parent company, ",
    ),
    rejects=("the operator said ", "companies in ", "like ", "For the company, "),
)
EMPLOYED_AT = Rule(
    "employed_at",
    "A word for work or a post, then 'at', just before a name: where one works, an"
    " organisation ('a researcher at Norvex', 'Deputy Director at Norvex', 'works at Norvex').",
    re.compile(rf"\b(?i:{alternation(word_set('work_before_at.txt'))})\sat\s(?:the\s)?$"),
    matches=("a researcher at ", "Deputy Sales Director at ", "who works at the "),
    rejects=("arrived at ", "the director said at ", "researchers in "),
)
_POSTS_BEFORE_OF = word_table("posts_before_of.txt")
POSTS = frozenset(post for post in _POSTS_BEFORE_OF if " " not in post)  # "owner", "founder"
POST_OF = Rule(
    "post_of",
    "A post in an organisation, then 'of' or 'for', just before a name: the organisation"
    " ('the chief executive of Norvex Sachs', 'a spokeswoman for Norvex'; after 'for' only a"
    " single name, actors.py).",
    re.compile(
        r"\b(?i:"
        + "|".join(
            rf"{re.escape(post)}\s{preposition}"
            for post, preposition in sorted(_POSTS_BEFORE_OF.items(), key=lambda p: -len(p[0]))
        )
        + r")\s(?:the\s)?$"
    ),
    matches=("the chief executive of ", "a spokeswoman for the ", "CEO of "),
    rejects=("the director of ", "a spokesman of ", "head for the ", "chief executive at "),
)
SITE_AFTER = Rule(
    "site_after",
    "A noun for a site right after a name: the name is where the site is, a place ('at the"
    " Torvik office of Norvex').",
    re.compile(rf"\s{alternation(word_set('places_of_an_organization.txt'))}\b"),
    matches=(" office of", " headquarters"),
    rejects=(" officer", " said"),
    how="match",
)
UNIT_WORDS = word_set("units_after_an_ordinal.txt")  # an ordinal opens such a name
ORDINAL_BEFORE = Rule(
    "ordinal_before",
    "An ordinal in figures just before the name of a unit is part of it ('the 82nd Airborne"
    " Division').",
    re.compile(r"(?<![\w.,])\d+(?:st|nd|rd|th)\s$"),
    matches=("the 82nd ", "of the 101st "),
    rejects=("the 82 ", "2nd-", "1,101st "),
)
# "University of Norvale, Kestry": a university and its campus, one name
CAMPUS_WORDS = word_set("campus_words.txt")
CAMPUS_AFTER = Rule(
    "campus_after",
    "A comma, one or two capitalised words and a comma or period after a university's name:"
    " its campus, part of the name ('University of Norvale, Kestry, has').",
    re.compile(r", [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?(?=[,.;)])"),
    matches=(", Kestry, has", ", East Kestry."),
    rejects=(", Kestry and", ", the campus,"),
    how="match",
)
POSTED_ON = Rule(
    "posted_on",
    "A verb of posting, a few words, then 'on', 'to', 'via' or 'through' just before a single"
    " name: the platform posted on ('shared the photo on ', 'took to ').",
    re.compile(
        rf"\b{alternation(word_set('posting_verbs.txt'))}\s(?:[\w’']+\s){{0,4}}?"
        r"(?:on|to|via|through)\s$"
    ),
    matches=("shared it on ", "took to ", "posted a photo of her to ", "alleged through "),
    rejects=("said on ", "went to ", "shared it in "),
)
TOLD_BEFORE = Rule(
    "told_before",
    "'told' or 'reported' just before a single name: the name is who was told or reports.",
    re.compile(r"\b(?:told|tells|reported)\s(?:the\s)?$"),
    matches=("an insider told ", "as first reported ", "told the "),
    rejects=("told a ", "untold "),
)
END_OF_A_LONGER_NAME = Rule(
    "end_of_a_longer_name",
    "A capitalised word then a connector just before a single name: the name ends a longer"
    " one ('Breaking the Silence'), so what follows it tells nothing of the single word.",
    re.compile(r"[A-Z][\w'’-]*\s(?:the|of|for|on)\s$"),
    matches=("Breaking the ", "Friends of "),
    rejects=("breaking the ", "of "),
)
ACRONYM_IN_BRACKETS = Rule(
    "acronym_in_brackets",
    "An acronym in brackets right after a name: 'the Health Service Executive (HSE)'.",
    re.compile(r"\s\((?P<acronym>[A-Z][A-Z&]{1,7})\)"),
    matches=(" (HSE)", " (NCDC) said"),
    rejects=("(HSE)", " (Hse)", " (PTI"),
    how="match",
)
NOUN_AFTER_THE_NAME = Rule(
    "noun_after_the_name",
    "After 'the' and a name, a noun for what the name names: a movement or an alliance "
    "('the Ansar al-Bahr movement'); not a noun a place may describe ('the San Francisco "
    "company').",
    re.compile(r"\s(?P<noun>movement|militia|alliance|coalition|campaign|collective)\b(?!['’])"),
    matches=(" movement said", " militia"),
    rejects=(" movements", "movement", " movement's", " company"),
    how="match",
)
GROUP_MEMBERS_AFTER = Rule(
    "group_members_after",
    "A noun for a group's members right after a single name: a named group ('Norvex gunmen').",
    re.compile(rf"\s{alternation(word_set('group_member_nouns.txt'))}\b"),
    matches=(" gunmen breached", " fighters"),
    rejects=(" gunman", "gunmen"),
    how="match",
)
STAFF_WORDS = word_set("staff_after_an_organization.txt")
STAFF_POSTS = frozenset(word.lower() for word in STAFF_WORDS)  # "CEO", "Chief Executive"
TITLE_MODIFIERS = word_set("title_modifiers.txt")  # "Former CEO Mara Lint": no employer
STAFF_AFTER = Rule(
    "staff_after",
    "A noun for an organisation's people right after a single name: the organisation"
    " ('a Norvex spokeswoman said', 'Norvex executives').",
    re.compile(rf"\s{alternation(STAFF_WORDS)}(?![\w-])"),
    matches=(" spokeswoman said", " executives"),
    rejects=(" Spokeswoman", " executive-level", "executives"),
    how="match",
)
ADJECTIVE_ENDING = Rule(
    "adjective_ending",
    "The ending of an adjective of a people, a party or a level ('Republican', 'Democratic',"
    " 'Federal', 'Finnish'): such a word before a noun for staff is no organisation.",
    re.compile(r"(?:an|ic|al|ish|ese|ern)$"),
    matches=("Republican", "Democratic", "Federal", "Finnish", "Western"),
    rejects=("Norvex", "Kellun"),
)
GROUP_NOUNS = frozenset({"group", "groups", "movement"})  # an appositive noun for a group
_APPOSITIVE_NOUNS = alternation(word_set("organization_nouns.txt") | {"party", "movement"})
ORGANIZATION_APPOSITIVE = Rule(
    "organization_appositive",
    "An appositive after a name that calls it an organisation or a group: 'Norvex, the"
    " outlawed separatist group', 'Norvex, a political party'.",
    re.compile(
        rf",\s(?:a|an|the)\s(?:(?!of\b)[a-z][\w-]*\s){{0,3}}"
        rf"(?P<noun>{_APPOSITIVE_NOUNS})\b(?!['’])"
    ),
    matches=(", the outlawed separatist group", ", a political party that", ", a firm"),
    rejects=(", a member of the party", ", the firm's chief", " the group"),
    how="match",
)
POSSESSIVE_OF_A_THING = Rule(
    "possessive_of_a_thing",
    "A lower-case word after a possessive name: what the named one has ('Norvex’s network').",
    re.compile(r"\s[a-z]"),
    matches=(" network", " chief"),
    rejects=(" Network", ", and"),
    how="match",
)
PLACE_NOUN_OF = Rule(
    "place_noun_of",
    "A noun of place and 'of' just before a name: the name is a place ('the suburb of Torvik',"
    " 'the states of Norvale and Kestry').",
    re.compile(rf"\b{alternation(word_set('place_nouns.txt'))}\sof\s$"),
    matches=("the suburb of ", "the northern provinces of "),
    rejects=("the mayor of ", "suburban of "),
)
IN_A_PLACE = Rule(
    "in_a_place",
    "A preposition of place ('in', 'in the') or PLACE_NOUN_OF before a single name, then"
    " punctuation or a small word after it: the name is a place ('in Torvik, police said',"
    " 'the suburb of Torvik is').",
    re.compile(
        rf"\b{alternation(word_set('place_prepositions_strict.txt'))}\s(?:the\s)?$"
        rf"|{PLACE_NOUN_OF.pattern.pattern}"
    ),
    matches=("riots in ", "walked into ", "fires in the ", "the suburb of "),
    rejects=("within ", "in a "),
)
# "Torvik, Calif.": the region after a comma (a US state here, or a country) makes a place
REGIONS_AFTER_A_PLACE = frozenset(word_list("regions_after_a_place.txt"))
REGION_AFTER = Rule(
    "region_after",
    "A comma and one to three capitalised words (or an abbreviation) after a name, ending its"
    " clause: the region, if a state or a country, makes the name a place ('Torvik, Calif., on"
    " Monday', 'Torvik, South Lusitania.').",
    re.compile(
        r", (?P<region>(?:[A-Z]\.)+(?:[A-Z][a-z]\.)?|[A-Z][a-z]+\."
        r"|[A-Z][\w-]*(?: [A-Z][\w-]*){0,2})"
        r"(?=[,;:)]|\.(?!\w)|\s[—–]|\s*$)"
    ),
    matches=(", Calif., on Monday", ", N.Y., with", ", South Lusitania.", ", Kestry —"),
    rejects=(", Kestry's largest", ", Kestry and Norvale", ", the city", ", Kestry head coach"),
    how="match",
)
PUNCTUATION_OR_SMALL_WORD = Rule(
    "punctuation_or_small_word",
    "What follows a place: punctuation, the end, or a lower-case word of two or three letters.",
    re.compile(r"[^\w\s]|\s*$|\s[a-z]{1,3}\b"),
    matches=(", police said", ".", " on Monday", ""),
    rejects=(" catalogs", " Hotel"),
    how="match",
)

KINSHIP_NOUNS = word_set("kinship_nouns.txt")  # "Sisters of Mercy Hospital": a name of its own
KINSHIP_BEFORE = Rule(
    "kinship_before",
    "A noun of family just before a given name, or before a list of given names: the name is"
    " a person's ('their son Lev', 'two daughters, Ana and').",
    re.compile(rf"\b{alternation(KINSHIP_NOUNS)},?\s(?:[A-Z][\w'’-]*(?:,?\s(?:and\s)?|,\s))*$"),
    matches=("their son ", "two daughters, Ana and ", "her father, "),
    rejects=("the sonar ", "sons of "),
)
ACCOUNT_AFTER = Rule(
    "account_after",
    "An account's handle in brackets after a name, as a quoted post signs it: '— Lena Voss"
    " (@lenavoss)'; the name is an actor's.",
    re.compile(r"\s\(@\w+\)"),
    matches=(" (@lenavoss) May 2", " (@Harbour_Times)"),
    rejects=(" (lenavoss)", "(@lenavoss)"),
    how="match",
)
THE_IN_A_NAME = Rule(
    "the_in_a_name",
    "A capital 'The' inside a sentence, just before an organisation's name: part of the name"
    " ('an op-ed in The Harbour Times').",
    re.compile(r"[\w,;:—–-]\sThe\s$"),
    matches=("op-ed in The ", "— The "),
    rejects=("ended. The ", "in the ", "The "),
)

DATELINE_AFTER = Rule(
    "dateline_after",
    "A comma or a dash after a word in capitals that opens a paragraph: a dateline's place"
    " ('TORVIK, Ore. (AP) —', 'TORVIK —'), not an acronym.",
    re.compile(r",|\s[—–-]\s"),
    matches=(", Ore. (AP)", " — A fire"),
    rejects=(" said", "-based"),
    how="match",
)
AGENCY_IN_A_DATELINE = Rule(
    "agency_in_a_dateline",
    "A bracket closed then a dash after a single name in brackets: the agency of a dateline"
    " ('TORVIK, May 2 (Norvex) -').",
    re.compile(r"\)\s[—–-]\s"),
    matches=(") - Electric", ") — A fire"),
    rejects=(") said", ")"),
    how="match",
)

PRONOUN_AFTER = Rule(
    "pronoun_after",
    "The first pronoun after a name that reports speech: 'he' or 'she' tells a person, 'it'"
    " an organisation ('Norvex said it would ...').",
    re.compile(r"\b(?:(?P<person>he|she|his|him|her)|(?P<thing>it|its))\b"),
    matches=(" said it would", " says she was"),
    rejects=(" said item", " says the"),
)
PRONOUN_GENDERS = word_table("pronoun_genders.txt")  # "she": f
GENDERED_PRONOUN_AFTER = Rule(
    "gendered_pronoun_after",
    "The first pronoun that tells a gender after a name, before its sentence ends or a"
    " quotation opens: whom the name is ('Kelly said she', 'Luhn, who left her job').",
    re.compile(rf"[^.!?“\"]*?\b(?P<pronoun>(?i:{alternation(PRONOUN_GENDERS)}))\b"),
    matches=(" said she was", ", who left her job"),
    rejects=(" left. She was", " said: “He was"),
    how="match",
)
FIRST_PERSON = r"\b(?:I|I[’']m|I[’']ve|I[’']d|I[’']ll|[Mm]y|me)\b"
FIRST_PERSON_QUOTE_BEFORE = Rule(
    "first_person_quote_before",
    "A quotation in the first person singular right before a name that speaks: a person's "
    "('“I don't know,” Ruiz admitted').",
    re.compile(rf"[“\"][^“”\"]{{0,300}}?{FIRST_PERSON}[^“”\"]{{0,300}}[”\"]\s$"),
    matches=("“I don't know,” ", "“It is my call,” "),
    rejects=("“We don't know,” ", "“I know,” then "),
)
FIRST_PERSON_QUOTE_AFTER = Rule(
    "first_person_quote_after",
    "After a name, a cue and a quotation in the first person singular: a person's "
    "('Ruiz said: “I will go”').",
    re.compile(rf"\s[a-z]+(?:\s[a-z]+)?[,:]\s[“\"][^“”\"]{{0,300}}?{FIRST_PERSON}"),
    matches=(" said: “I will go", " told reporters, “My view is"),
    rejects=(" said: “We will go”", " said the plan, “I"),
    how="match",
)

# -- what tells a place -----------------------------------------------------------------

PLACE_WORDS_IN_SURNAMES = word_set("place_words_in_surnames.txt")
THE_OR_NUMBER_BEFORE = Rule(
    "the_or_number_before",
    "A lower-case 'the' or a number just before a name: a place or thing, not a person"
    " ('the Lindsay Park complex', '28 Elm Street').",
    re.compile(r"(?:\bthe|\d)\s$"),
    matches=("under the ", "at 28 "),
    rejects=("The ", "bathe ", "said "),
)
INDEFINITE_BEFORE = Rule(
    "indefinite_before",
    "'a', 'an', 'one' or 'another' just before capitalised words: before a source noun they"
    " describe someone unnamed ('an Iowa Republican said', 'a Florida Democrat'), no name.",
    re.compile(r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s$"),
    matches=("said an ", "A ", "added another "),
    rejects=("the ", "Dana ", "Shona "),
)
ROMAN_NUMERAL = Rule(
    "roman_numeral",
    "A Roman numeral of two or more letters: no acronym ('World War II').",
    re.compile(r"(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})"),
    matches=("II", "XIV", "VIII"),
    rejects=("I", "IVF", "VIP", "XL"),
    how="fullmatch",
)

# -- ids -------------------------------------------------------------------------------

INNER_PERIOD_OR_QUOTE = Rule(
    "inner_period_or_quote",
    "Periods and apostrophes, left out of an actor's id ('U.S.' -> 'us').",
    re.compile(r"(?<=\w)\.(?=\w)|['’.]"),
    matches=("U.S", "it’s"),
    rejects=("us official",),
)
NOT_ALPHANUMERIC = Rule(
    "not_alphanumeric",
    "What an actor's id turns into one hyphen ('lena voss' -> 'lena-voss').",
    re.compile(r"[^a-z0-9]+"),
    matches=("lena voss",),
    rejects=("lenavoss2",),
)
