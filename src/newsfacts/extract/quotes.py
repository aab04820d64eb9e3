"""Quotes: words in quotation marks (direct) and reported speech (indirect), with speakers.

Direct quotes come from pairing quotation marks within a paragraph (curly,
straight and single; a mark never closed runs to the paragraph's end).
Indirect quotes come from reporting cues: "X said (that) ...", "..., X said",
"according to X", and "..., he continued, ...". A speaker is the actor next to
the cue, a pronoun resolved to the last compatible actor, or an unnamed source
("a U.S. official"); a quote with no cue of its own takes its neighbour's speaker.

The patterns and word lists are quote_rules.py's; this module holds how they combine, and
fast.py's shortcuts search them quicker.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import islice

from .actor_rules import INSIDE_A_RELATIVE_CLAUSE, VERB_AFTER_NAME
from .actors import ArticleActor, ArticleActors, MentionSpan, slug
from .fast import CaseTwins, MatchesInRange, SearchFromAnchor, WordStartPattern, holds_any, lowered
from .lexicons import Lexicons, word_list, word_set, word_table
from .numbers import SCALES, UNITS  # "hundred" ends as a verb does
from .quote_rules import (
    ACCORDING_FORMS,
    ACCORDING_FRONT,
    ACCORDING_MIDDLE,
    ACCUSED_OF,
    ACCUSING_VERBS,
    ADVERBS_BEFORE_A_VERB,
    AGE_NOUN,
    APPOSITIVE,
    AUXILIARY_AT,
    BARE_CLAUSE,
    CITED_AFTER_CUE,
    CLAUSE_STOP,
    CLAUSE_TAIL,
    CLOSING_FOR,
    CLOSING_MARK,
    COLLECTIVE_SOURCES,
    CONJUNCTION,
    CUE,
    CUE_IN_A_RELATIVE_CLAUSE,
    CUE_OBJECTS,
    CUE_TRAILING_PREPOSITIONS,
    CUES_TAKING_A_THING,
    DATELINE,
    DEFINITE_ROLE,
    DESCRIBED_ACCORDING,
    DESCRIBED_SOURCE,
    DESCRIPTION_AFTER_CUE,
    DETERMINER,
    DOCUMENT_BROUGHT_IN,
    DOCUMENT_BY,
    DOCUMENT_ISSUED,
    DOCUMENT_OF,
    ENDS_WITH_COLON,
    JOINED_CLAUSE,
    JOINED_QUOTE,
    KINSHIP_NOUNS,
    LEADING_PHRASE,
    LEADING_SPACE,
    LEADS_INTO_QUOTE,
    MADE_BY,
    MAIN_CLAUSE_AFTER,
    MANNER_OF_SPEAKING,
    NAME_THEN_APPOSITIVE,
    NAMED_SOURCE,
    NAMES_A_WORK,
    NEAR_WHOM,
    NEGATED_CUE,
    NEXT_CUE,
    NEXT_OPENING,
    NICKNAME,
    NOT_DESCRIBED_SOURCES,
    OPENING_MARK,
    OPENING_MARKS,
    OPENING_NAME,
    OTHER_SPEAKER_CUE,
    OWNED_INSTITUTION,
    PARENTHETICAL,
    PARTICIPLE_CUE,
    PERSON_NOUN_ENDINGS,
    PLAYER_POSTS,
    PRONOUN_AT,
    PRONOUN_BEFORE,
    PRONOUN_GENDER,
    PRONOUN_KINDS,
    QUOTING_AS_SAYING,
    RELATIVE_BEFORE_CUE,
    RELATIVE_PRONOUN,
    ROLE_AFTER_NAME,
    ROLE_AT_CLAUSE_END,
    ROLE_BEFORE_NAME,
    ROLE_SYNONYMS,
    ROLE_THEN_NAME,
    SENTENCE_BREAK_OR_AND,
    SENTENCE_END,
    SET_OFF,
    SHORT_QUOTED_WORDS_AT_MOST,
    SHORT_SINGLE_CLOSES,
    SOURCE_NOUN,
    SOURCE_OF,
    SPEAKER_GAP,
    SPORTS_POSITIONS,
    STRAIGHT_SINGLE_CLOSES,
    STRAIGHT_SINGLE_OPENS,
    SUBJECT_PRONOUNS,
    SUBORDINATE_CLAUSE,
    SURNAME_BEFORE,
    TELLING_VERBS,
    THAT_CLAUSE,
    THOSE,
    TIME_ONLY,
    TITLE_ABBREVIATIONS,
    TITLE_SMALL_WORDS,
    TOLD_WHOM,
    TRAILING,
    TRAILING_CUE_END,
    UNNAMED_SOURCE,
    URGED_TO,
    URGING_VERBS,
    WHO_BEFORE_CUE,
    WORDS_BEFORE_SOURCE_NOUN,
    cue_words,
    named_thing_pattern,
)
from .rules import Rule
from .speaker_scoring import CARRIED, CUE_NAME, MAX_RANK, PRONOUN, Candidate, Choice, best
from .text import Span, alternation, ends_sentence

# -- shortcuts (fast.py): the rules above, searched quicker ------------------------------


@cache
def lower_source_noun_pattern(lex: Lexicons) -> re.Pattern[str]:
    """SOURCE_NOUN for lower-cased text: much quicker without IGNORECASE."""
    nouns = {noun.lower() for noun in lex.unnamed_sources | lex.documents}
    return re.compile(alternation(nouns | {THOSE}))


# UNNAMED_SOURCE's most \s before its noun: a determiner's, then one after each word
UNNAMED_SPACES_BEFORE_NOUN = WORDS_BEFORE_SOURCE_NOUN + 1


@cache
def unnamed_source_search(lex: Lexicons) -> SearchFromAnchor:
    """UNNAMED_SOURCE, searched from the first source noun on: every match has one."""
    nouns = CaseTwins(SOURCE_NOUN.build(lex), lower_source_noun_pattern(lex))
    return SearchFromAnchor(UNNAMED_SOURCE.build(lex), nouns, UNNAMED_SPACES_BEFORE_NOUN)


# Every match of the ACCORDING_FORMS holds it ("According to ..." or "..., according to ...").
ACCORDING_CLUE = "ccording to "


@cache
def cue_finder(lex: Lexicons) -> WordStartPattern:
    """CUE, searched quicker."""
    return WordStartPattern(CUE.build(lex), cue_words(lex))


# -- the finder's helpers ----------------------------------------------------------------

# A quotation closing a reported clause ("... will consist of “a few cars,” she said") is a
# phrase inside it only when it is at most this many words long.
SHORT_QUOTED_WORDS = 8
CLOSING_QUOTE_MARKS = frozenset('”"’')
# How many comma-parted phrases before a trailing cue may hold its speaker
TAILS_BACK = 2
# The most words of an appositive after "According to X," ("Deputy Director at the Trust")
APPOSITIVE_WORDS = 8
SUBJECT_WORDS = 10  # a reported clause's verb comes within this many words
NEXT_SENTENCE_REACH = 60  # characters after a quotation its speaker may be named in
DESCRIBING_WORDS = 2  # "of the research firm Soundcheck": words of what the name is
# A quotation that opens in the first person ("I just kept running") after "X said Y scored"
# is as likely Y's as X's: its pronoun is not chosen again (_pronouns_after_reported_speech).
FIRST_PERSON_OPENING = re.compile(r"I\b")
# The most words of a role after a name ("Ana Diaz, the agency's chief spokeswoman") that
# "the spokeswoman" may refer back to.
ROLE_WORDS = 5
OPENING_ROLE_WORDS = 4  # "The central bank raised": its determiner and up to three words
DOCUMENT_REACH = 1500  # how far back a document's author is looked for (characters)

# How many paragraphs before the current one hold the candidates for a pronoun's antecedent
# and for the speaker of a quote with no cue.
PRONOUN_PARAGRAPHS_BACK = 2
CARRIED_PARAGRAPHS_BACK = 1


@cache
def _role_nouns(lex: Lexicons) -> frozenset[str]:
    """Words that name a role before a name: "said lead author Ana Ruiz"."""
    return frozenset({t.lower().rstrip(".") for t in lex.titles} | lex.unnamed_sources)


@cache
def _title_nouns(lex: Lexicons) -> frozenset[str]:
    """The last word of each title, lower-cased: the role of "the minister said"."""
    return frozenset(t.lower().rstrip(".").split()[-1] for t in lex.titles)


@lru_cache(maxsize=4096)
def _demonym_code(lex: Lexicons, name: str) -> str | None:
    """The country of the first demonym that is a word of `name` ("a U.S. official")."""
    return next(
        (
            code
            for form, code in lex.demonyms.items()
            if form in name and re.search(rf"(?<!\w){re.escape(form)}(?!\w)", name)
        ),
        None,
    )


def _according_form(sentence: str) -> tuple[Rule, re.Match[str]] | None:
    """The first of ACCORDING_FORMS that matches the sentence, with its match."""
    for form in ACCORDING_FORMS:
        if match := form.pattern.match(sentence):
            return form, match
    return None


def _spans_inside(quotes: list[QuoteSpan], sentence: Span) -> list[Span]:
    """The spans of the quotes (in text order) that begin inside the sentence."""
    low = bisect_left(quotes, sentence.start, key=_quote_start)
    high = bisect_left(quotes, sentence.end, lo=low, key=_quote_start)
    return [q.span for q in quotes[low:high]]


def _quote_start(quote: QuoteSpan) -> int:
    return quote.span.start


def _containing(sentences: list[Span], position: int) -> Span | None:
    index = bisect_right(sentences, position, key=lambda s: s.start) - 1
    return sentences[index] if index >= 0 and position < sentences[index].end else None


def _last_speakers(quotes: list[QuoteSpan]) -> list[str | None]:
    """For each quote, the speaker of the nearest quote before it that has one."""
    result: list[str | None] = []
    last = None
    for quote in quotes:
        result.append(last)
        last = quote.speaker or last
    return result


NUMBER_WORDS = frozenset(UNITS)  # "one" ... "nineteen"
# "at least 12 patients had been treated": a qualifier before a clause's counted subject
QUANTITY_QUALIFIERS = tuple(
    tuple(phrase.split()) for phrase in word_table("qualifiers.txt") if " " in phrase
)
QUANTITY_QUALIFIER_STARTS = frozenset(phrase[0] for phrase in QUANTITY_QUALIFIERS)


# a sentence opening with these opens with its subject, not a leading phrase before a comma
NO_LEADING_PHRASE = frozenset({"but", "and", "yet", "so", "a", "an"})
# "An aide to" the one served, "a person familiar with" what a source knows
# a lower-case word right before a name, not "and" nor "or": the name is an object or a
# reported clause's subject ("praised striker Elias Lindqvist", "said Marsh had")
OBJECT_BEFORE = re.compile(r"(?<![\w-])(?!and\s|or\s)[a-z][\w-]*,?\s$")
FIRST_PERSON_QUOTE = re.compile(r"[“\"‘]\s?(?:I|I'm|I’m|I've|I’ve|I'd|I’d|My|Me|We|Our)\b")
MEASURES_NOT_SOURCES = word_set("measures_not_sources.txt")  # "according to the size of"
SET_OFF_TAIL = 10  # ", later " and the like: what may stand between a set-off phrase and its cue
POSSESSIVE_MARKS = ("'s ", "’s ")
# words that open a phrase, not a clause, after a parenthetical attribution
PHRASE_OPENERS = frozenset({"in", "amid", "despite", "following", "after", "ahead", "as"})
SHORT_TRAILING_SUBJECT = 3  # "..., doctors cautioned.": who, in a few words, before the cue
SUBJECT_LEAD_WORDS = 3  # "Chief executive Sigrid Holmsen described ...": a role before it
DESCRIBED = re.compile(r"^[A-Z][\w]*-[a-z]+ed$")  # "of the Sofia-based Centre": a description
PERSON_OF_BETWEEN = re.compile(r"\s(?:of|at|from)\s(?:the\s)?")  # "Lena Brenner of the Forum"
# who got a document, not who made it: "obtained by Variety", "leaked to the Post"
RECIPIENT_BEFORE = re.compile(
    r"\b(?:(?:obtained|seen|reviewed|viewed)\sby|(?:leaked|sent|provided)\sto)\s(?:the\s)?$"
)
# "his office ", "their campaign team ": an institution a possessive pronoun owns, before a cue
PRONOUN_INSTITUTION = re.compile(
    r"(?:^|(?<=\s))(?P<pronoun>[Hh]is|[Hh]er|[Tt]heir)\s(?P<role>(?:[a-z-]+\s)?(?P<noun>[a-z]+))"
    r"\s+(?:\w+ly\s+)?$"
)
POST_SET_OFF_BEFORE = re.compile(
    r"\b(?P<post>[A-Za-z]+)\s(?:for|of)\s(?:the\s)?[A-Z][\w&' -]{0,40},\s"
    r"(?:(?:Prof|Dr|Mr|Mrs|Ms|Hon|Sir|Dame|Chief)\.?\s)?$"
)  # "Commissioner for Health, Prof. "
# "said “", "said that “", "asked simply, “"
CUE_THEN_QUOTATION = re.compile(r"(?:\s(?:that|of|[a-z]+ly))?[\s,:]*")
# unnamed sources whose noun tells the gender: "a spokeswoman ... she said"
GENDERED_SOURCES = word_table("gendered_sources.txt")
OWNER_TITLE = re.compile(r"\s(?:for|of|to)\sthe\s(?P<title>[A-Z][a-z]+)$")  # "for the Minister"
OWNER_REST = re.compile(r"(?:\s[\w'’-]+){0,3},\s")  # " for Health, " before the owner's name
ROLE_SET_OFF_LEAD = re.compile(r"(?:The|A|An)\s[a-z][a-z -]{0,40},\s")  # "The commander, "
POSSESSIVE_THEN_NAME = re.compile(r"['’]s?\s")  # "Russia's Defense Ministry"
POSSESSIVE_ROLE_SET_OFF = re.compile(r"['’]s\s[a-z][a-z -]{0,40},\s")  # "'s spokesman, "
# "Tom Reed dismissed", "Tom Reed has rejected"
VERB_AFTER_SUBJECT = re.compile(r"\s(?:[a-z]+ly\s)?(?:(?:has|have|had)\s)?([a-z]+)\b")
NEXT_WORD_AFTER_CUE = re.compile(r"\s([a-z]+)\b")
WORD_END = re.compile(r"\S+(?=\s)")  # a word followed by a space
MODIFIER_BEFORE = re.compile(r"(?:\b[A-Z]{2,}|\b[a-z]+-[a-z]+)\s$")  # "TV ", "seat-belt "
ARTICLE_BEFORE_CUE = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s$")  # "an estimated", "the added"
ADDING_WORDS = frozenset({"added", "adds", "adding"})
AMOUNT_AFTER = re.compile(r"\s(?:about\s|some\s|nearly\s|another\s)?[$£€¥]?\d")
SERVES = re.compile(rf"\s(?:for|to|representing|{NEAR_WHOM})\s$")
RELATIVE_AFTER_SOURCE = re.compile(r"\s(?:who|whose|which)\s")
QUOTE_MARK_BETWEEN = re.compile(r"[“‘«]")  # a quotation opens between two places
PARTICIPLE_REPORTS = word_list("participle_reports.txt")
PARTICIPLE_REPORT_AFTER = re.compile(rf",\s(?:{'|'.join(PARTICIPLE_REPORTS)})\b")  # ", adding"
OBJECT_PRONOUN_SUBJECTS = {"him": "he", "her": "she", "them": "they"}  # "according to her"
RELATIVE_PARAGRAPHS_BACK = 10  # how far back "his father" looks for a relative by surname
POSSESSIVE_PRONOUN_SUBJECTS = {"his": "he", "her": "she", "their": "they"}  # "his father"
INSERTION_OPENERS = frozenset({"including", "such", "among", "notably"})  # ", including X,"
SET_OFF_MAKER = re.compile(r",\s[a-z]+ed\sby\s")  # "The memo, prepared by the Office, says"
GENDERED_DEMONYM = re.compile(r"(?:ch|sh|ts|x)(?P<woman>wo)?man$")  # "Dutchman", "Frenchwoman"
# ", an electric automaker,": the noun that ends the appositive
TRADE_APPOSITIVE = re.compile(r",\s(?:an?|the)\s(?:[\w-]+\s){0,2}(?P<noun>[a-z]+)(?=[,.;])")
# "Rovers captain Danny Whelan", "Lok Samata Party (LSP) MLA Md. Ahmad": a role after the
# organisation, or its acronym in brackets (a titled name's mention holds its title)
ROLE_WORDS_AFTER = re.compile(
    r"(?:\s\([A-Z&]{2,8}\)(?:\s[a-z][\w-]*){0,3}|(?:\s[a-z][\w-]*){1,3})\s"
)


def _is_clause(words: list[str], lex: Lexicons) -> bool:
    """Roughly, a subject then a verb: "the talks would resume", "the council had agreed",
    "at least 12 patients had been treated", "several countries, including Poland, had
    pushed"."""
    words = _without_insertion(words)
    if not words:
        return False
    first = words[0].lower()
    if first in QUANTITY_QUALIFIER_STARTS:
        qualified = next((q for q in QUANTITY_QUALIFIERS if _opens_with(words, q)), None)
        if qualified and len(words) > len(qualified):
            words = words[len(qualified) :]  # "at least 12 patients ...": the counted subject
            first = words[0].lower()
    if first in lex.function_words and first not in lex.clause_starts:
        return False  # "of grave risk", "at the hearing"
    if first in NUMBER_WORDS and not any(w.lower() in lex.clause_verbs for w in words[1:4]):
        return False  # "confirmed four cases of measles"; not "said two other people were hurt"
    for i, word in enumerate(words[:SUBJECT_WORDS]):
        bare = word.lower().strip(',;“”"‘').replace("’", "'").strip("'")
        if bare in lex.clause_verbs or (i > 0 and bare.endswith("ed") and bare not in SCALES):
            return True
        if bare in SUBJECT_PRONOUNS and _verb_follows(words[i + 1 : i + 3], lex):
            return True  # "he even misses the traffic": a subject pronoun, then its verb
        if word.endswith((",", ";")) and i + 1 < len(words) and words[i + 1].endswith("ing"):
            return False  # a phrase, not a clause: "the proposal, adding that ..."
    return False


def _without_insertion(words: list[str]) -> list[str]:
    """The words without a phrase set off by commas after the subject that opens with
    "including" or "such as" ("several countries, including Poland and Lithuania, had")."""
    for i, word in enumerate(words[: min(len(words) - 1, SUBJECT_WORDS - 1)]):
        if word.endswith(",") and words[i + 1].lower() in INSERTION_OPENERS:
            close = next((j for j in range(i + 2, len(words)) if words[j].endswith(",")), None)
            if close is not None and close + 1 < len(words):
                return [*words[:i], word.rstrip(","), *words[close + 1 :]]
            break
    return words


def _opens_with(words: list[str], phrase: tuple[str, ...]) -> bool:
    return tuple(w.lower() for w in words[: len(phrase)]) == phrase


def _long_enough(words: list[str], lex: Lexicons) -> bool:
    """Three words or more, or a subject and its verb: "profits rose", "he resigned"."""
    if len(words) != 2:
        return len(words) > 2
    subject, verb = words[0].lower(), words[1].rstrip(".!?,").lower()
    noun = subject.endswith("s") and subject not in lex.function_words  # "profits", "Sales"
    return (noun or subject in SUBJECT_PRONOUNS) and _past_or_listed_verb(verb, lex)


def _past_or_listed_verb(word: str, lex: Lexicons) -> bool:
    """Whether a lower-case word reads as a clause's verb: a listed form or one in -ed."""
    return word in lex.clause_verbs or word.endswith("ed")


def _may_have_a_verb(words: list[str], lex: Lexicons) -> bool:
    """Whether any lower-case word of `words` may be a verb: a listed verb form or one ending
    as verbs do ("-ed", "-s", "-ing"); a name with its role has none ("Tom Reed, the city
    manager")."""
    for word in words:
        bare = word.strip(",;:.!?").replace("’", "'")
        if bare.islower() and (bare in lex.clause_verbs or bare.endswith(("ed", "s", "ing"))):
            return True
    return False


def _verb_follows(words: list[str], lex: Lexicons) -> bool:
    """Whether the words after a subject pronoun, past an adverb, open with its verb: a
    lower-case word that is not a function word ("he even misses"; not "it for good measure",
    "he, too")."""
    if words and (words[0] in ADVERBS_BEFORE_A_VERB or words[0].endswith("ly")):
        words = words[1:]
    return (
        bool(words)
        and words[0].isalpha()
        and words[0].islower()
        and (words[0] not in lex.function_words)
    )


@dataclass(frozen=True)
class QuoteSpan:
    span: Span
    kind: str
    speaker: str | None  # key of an actor in ArticleActors
    cue: str | None
    attribution: str | None = None  # how the speaker was found (quotes.attribution's enum)
    confidence: float | None = None  # how likely the speaker is right, from the kind and how
    # the scored candidates the speaker was chosen from, if it was (for fitting the weights)
    choice: Choice | None = field(default=None, compare=False, repr=False)
    speaker_at: int = field(default=-1, compare=False, repr=False)  # the pronoun's place, if one


@dataclass(frozen=True)
class Speaker:
    key: str | None
    found: bool  # False when nothing near the cue names a source
    start: int = -1  # where the speaker's words begin in the text, when known
    how: str | None = None  # quotes.attribution: which rule found the speaker
    choice: Choice | None = None  # the scored candidates it was chosen from, if it was


SINGLE_MARK_OPENS_NEXT_PARAGRAPH = re.compile(r"\n+'\S")  # "\n\n'We have made one arrest"


def curly_single_quotes(text: str) -> str:
    """`text` with each pair of straight single marks that quote ('I'm glad,' he said) made
    curly (‘I'm glad,’ he said), so that the finder reads them as it reads ‘ and ’; the same
    length, so every offset holds. An opening mark with no closing one in its paragraph, and
    every apostrophe, stay as they are."""
    chars: list[str] | None = None
    resume = 0
    for start in _straight_single_openings(text):
        if start < resume:
            continue
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        closing = STRAIGHT_SINGLE_CLOSES.pattern.search(text, start + 2, line_end)
        short_end = _past_words(text, start, line_end, SHORT_QUOTED_WORDS_AT_MOST)
        short = SHORT_SINGLE_CLOSES.pattern.search(text, start + 2, short_end)
        if short and (closing is None or short.start() < closing.start()):
            closing = short  # 'flat' for the first half
        if closing is None:
            if _continued_in_next_paragraph(text, start, line_end):
                chars = chars or list(text)
                chars[start] = "‘"  # 'This is ... seriously. / 'We have made one arrest.'
            continue
        chars = chars or list(text)
        chars[start], chars[closing.start()] = "‘", "’"
        resume = closing.end()
    return "".join(chars) if chars else text


def _continued_in_next_paragraph(text: str, start: int, line_end: int) -> bool:
    """Whether a quotation opened at its paragraph's start or after a colon runs to the
    paragraph's end, a sentence's end, and the next paragraph opens with a straight single
    mark: the quotation goes on there."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() and not text[line_start:start].rstrip().endswith(":"):
        return False  # "had been 'written off by everyone bar our mums' after ...": a close
    ends_sentence = text[start:line_end].rstrip()[-1:] in (".", "!", "?")
    return ends_sentence and SINGLE_MARK_OPENS_NEXT_PARAGRAPH.match(text, line_end) is not None


def _straight_single_openings(text: str) -> Iterator[int]:
    """Where STRAIGHT_SINGLE_OPENS matches: tried only at a mark after no letter (quicker
    than a search, most marks being apostrophes)."""
    at = text.find("'")
    while at >= 0:
        if (at == 0 or not text[at - 1].isalnum()) and STRAIGHT_SINGLE_OPENS.pattern.match(
            text, at
        ):
            yield at
        at = text.find("'", at + 1)


def _past_words(text: str, start: int, end: int, words: int) -> int:
    """Just past the space after the `words`-th word from `start` and the next character."""
    at = start
    for _ in range(words):
        at = text.find(" ", at + 1, end)
        if at < 0:
            return end
    return min(at + 2, end)


def _marks(text: str, paragraph: Span) -> list[tuple[int, int, bool]]:
    """(open index, close index or paragraph end, closed?) for each quotation in a paragraph."""
    found = []
    i = paragraph.start
    while mark := OPENING_MARK.pattern.search(text, i, paragraph.end):
        i = mark.start()
        if _opens(text, i, paragraph):
            close = _find_close(text, i, paragraph)
            if close is None or not _is_nickname(text, i, close):
                found.append((i, close if close is not None else paragraph.end, close is not None))
            i = (close if close is not None else paragraph.end) + 1
        else:
            i += 1
    return found


def _is_nickname(text: str, open_at: int, close_at: int) -> bool:
    """ "Dermot “Deco” Walsh": a quotation between two capitalised words of a name."""
    nickname = NICKNAME.pattern.match(text, max(0, open_at - 1))
    if nickname is None or nickname.end() != close_at + 2:
        return False
    before = text[max(0, open_at - 30) : open_at].split()
    return bool(before) and before[-1][0].isupper() and before[-1][-1].isalpha()


def _opens(text: str, i: int, paragraph: Span) -> bool:
    before = text[i - 1] if i > paragraph.start else " "
    after = text[i + 1] if i + 1 < paragraph.end else " "
    if text[i] == "‘":
        return not before.isalnum() and not after.isspace()
    return not after.isspace() or text[i] == "“"


def _find_close(text: str, open_at: int, paragraph: Span) -> int | None:
    opener = text[open_at]
    for close in CLOSING_FOR[opener].pattern.finditer(text, open_at + 1, paragraph.end):
        j = close.start()
        after = text[j + 1] if j + 1 < paragraph.end else " "
        if opener == "‘" and after.isalpha():
            continue  # an apostrophe inside a single-quoted span
        return j
    return None


class QuoteFinder:
    def __init__(
        self, text: str, lex: Lexicons, actors: ArticleActors, lower_text: str | None = None
    ) -> None:
        """`lower_text` is `lowered(text)`, when the caller has it."""
        self.text = curly_single_quotes(text)
        if self.text is not text:
            lower_text = None
        self.lex = lex
        self.actors = actors
        self.unnamed_pattern = UNNAMED_SOURCE.build(lex)
        self.unnamed = unnamed_source_search(lex)
        self.lowered = lowered(text) if lower_text is None else lower_text
        self.role_nouns = _role_nouns(lex)
        self.title_nouns = _title_nouns(lex)
        self.cues = cue_finder(lex)
        self.paragraph_cues = MatchesInRange([])  # set by find() for each paragraph
        self.weights = lex.speaker_weights
        # What find() has read so far, for scoring speaker candidates: where each paragraph
        # starts, the sentences of the current one, the quotations' (open, close) marks, and
        # (where, who) for each quote given a speaker.
        self.paragraph_starts: list[int] = []
        self.sentences: list[Span] = []
        self.quoted: list[tuple[int, int]] = []
        self.spoken: list[tuple[int, str, int]] = []
        self.previous_unclosed = False  # the previous paragraph ends inside a quotation
        # actor key -> the gender of a "she"/"he" resolved to it, for a name used for both:
        # a hint for later pronouns, never a bar (one wrong resolution must not spread)
        self.heard_as: dict[str, str] = {}
        # role noun -> (named_changes, the (end, key) of each mention giving a named person
        # that role): _role_holders' index, rebuilt only when a named actor changes
        self.role_holders: dict[str, tuple[int, list[tuple[int, str]]]] = {}

    def _unnamed_search(self, start: int, end: int) -> re.Match[str] | None:
        while match := self.unnamed.search(self.text, self.lowered, start, end):
            if not self._inside_a_name(match):
                return match
            start = match.end()
        return None

    def _unnamed_finditer(self, start: int, end: int) -> list[re.Match[str]]:
        found = self.unnamed.find_all(self.text, self.lowered, start, end)
        return [match for match in found if not self._inside_a_name(match)]

    def _inside_a_name(self, match: re.Match[str]) -> bool:
        """ "The NSW Nurses" of "the NSW Nurses and Midwives' Association": a source's words
        that open a longer name of an actor; "The European Union", "the Friends of the Millbrook
        Library": a source noun written capitalised in an organisation's longer name."""
        noun = match.start("noun")
        for mention in self.actors.between(match.start(), match.end()):
            if self.actors.actors[mention.key].unnamed or mention.span.start > noun:
                continue
            if match.end() < mention.span.end:
                return True
            longer = mention.span.start < noun or mention.span.end > match.end("noun")
            person = self.actors.actors[mention.key].kind == "person"
            if longer and not person and self.text[noun].isupper():
                return True
        return False

    def _cues_in(self, start: int, end: int) -> list[re.Match[str]]:
        """The paragraph's cues within [start, end): the same as a search of [start, end)
        alone, since no cue spans a sentence's, a quotation mark's or a comma's edge and each
        of these ranges ends before a character that is not a letter."""
        return self.paragraph_cues.within(start, end)

    # -- speakers ------------------------------------------------------------------

    def speaker_near_cue(self, cue: Span, window: Span) -> Speaker:
        """Who speaks at a cue: "X said", "said X", "X, the ..., said", or the clause's subject."""
        verb = self.text[cue.start : cue.end].lower()
        if verb.endswith("ing") and self.text[max(0, cue.start - 3) : cue.start].rstrip().endswith(
            ","
        ):
            # "Norway defended the plan ..., saying ...": the main clause's subject speaks
            subject = self._clause_subject(cue.start, window.start)
            if subject:
                return subject
        role = self.lex.cue_roles.get(verb)
        if role != "relay" and self._has_subject_before(cue.start, window.start):
            # "Ilyenko said President Stael had been briefed and “fully backs the delegation”":
            # a name after a cue that has a subject is what is reported, not who reports it
            before = self._candidate_before(cue.start, window.start)
            if before and before.key:
                return before
        after = None if role == "addressee" else self._candidate_after(cue.end, window.end)
        if after or role == "relay":
            return after or Speaker(None, False)
        before = self._candidate_before(cue.start, window.start)
        return before or Speaker(None, False)

    def _has_subject_before(self, position: int, limit: int) -> bool:
        """Whether words of its clause stand before a cue ("Ana Ruiz said", "Ana Ruiz, an
        aide, said"), not only a quotation's end or the sentence's start ("“...,” said Ana
        Ruiz")."""
        before = self.text[limit:position].rstrip(" ,;:—–-")
        return bool(before) and (before[-1].isalnum() or before[-1] in ".)")

    def _candidate_after(self, position: int, limit: int) -> Speaker | None:
        """ "said Reed", "said chief engineer Dr. Ana Ruiz", "said XYZ director Tom Reed"."""
        rest = self.text[position:limit]
        lead = LEADING_SPACE.pattern.match(rest)
        start = position + (lead.end() if lead else 0)
        role = ROLE_BEFORE_NAME.pattern.match(self.text[start:limit])
        for mention in self.actors.between(start, limit):
            if mention.possessive:
                continue
            kind = self.actors.actors[mention.key].kind
            if mention.span.start == start and kind != "organization":
                return Speaker(mention.key, True, start, "name_after_cue")
            if (
                role
                and mention.span.start == start + role.end()
                and self._names_a_role(role.group(0).split(), kind)
            ):
                return Speaker(mention.key, True, start, "name_after_cue")
        for mention in self.actors.between(start, start + 1):
            if not mention.possessive:
                person = self._person_titled_after(mention, limit)
                return Speaker(person or mention.key, True, start, "name_after_cue")
        if self.text.startswith("the ", start):  # "reported the Harbour Gazette"
            for mention in self.actors.between(start + 4, start + 5):
                if not mention.possessive and self.actors.actors[mention.key].kind != "person":
                    return Speaker(mention.key, True, start + 4, "name_after_cue")
        named = ROLE_THEN_NAME.pattern.match(self.text, start, limit)
        for mention in self.actors.between(named.end(), named.end() + 1) if named else ():
            if self.actors.actors[mention.key].kind == "person":  # "said the president, X"
                return Speaker(mention.key, True, mention.span.start, "name_after_cue")
        pronoun = PRONOUN_AT.pattern.match(self.text[start:limit])
        if pronoun and not AUXILIARY_AT.pattern.match(self.text[start + pronoun.end() : limit]):
            return None
        found = self._role_at(start, limit) or self._unnamed_at(start, limit)
        if found:
            return found
        ends = (self.text.find(mark, start, limit) for mark in ".,;")
        return self._described_source(start, min((e for e in ends if e >= 0), default=limit))

    def _role_at(self, start: int, limit: int) -> Speaker | None:
        """ "said the company.", "says the 34-year-old actress": whom the role ending the
        clause refers back to."""
        role = ROLE_AT_CLAUSE_END.pattern.match(self.text, start, limit)
        key = self._role_referent(role["role"], start) if role else None
        return Speaker(key, True, start, "role_noun") if key else None

    def _person_titled_after(self, organization: MentionSpan, limit: int) -> str | None:
        """ "said Norvo CEO Lena Voss": the person an organisation's role word names."""
        if self.actors.actors[organization.key].kind != "organization":
            return None
        for mention in self.actors.between(organization.span.end, limit):
            person = self.actors.actors[mention.key]
            if mention.possessive or person.kind != "person":
                return None
            role = self.text[organization.span.end : mention.span.start].split()
            if not role:  # the person's span holds the title: "CEO Lena Voss"
                return mention.key if person.title else None
            words = " ".join(role).lower()  # "chief executive": a title of two words
            named = self._is_role(role[-1].lower()) or words in self.role_nouns
            return mention.key if len(role) <= ROLE_WORDS and named else None
        return None

    def _names_a_role(self, words: list[str], kind: str) -> bool:
        """Whether the words between a cue and a name are the name's role: a role noun last
        ("said lead author Ana Ruiz"), or, before a person, lower-case words none of which is a
        function word ("says former flight manager Ana Ruiz"; not "said that Ana Ruiz")."""
        if self._is_role(words[-1]):
            return True
        lowered = [w for w in words if w.islower()]
        return kind == "person" and not any(w in self.lex.function_words for w in lowered)

    def _is_role(self, word: str) -> bool:
        """Whether a word names a role before a name ("director", "co-author")."""
        return word in self.role_nouns or word.rsplit("-", 1)[-1] in self.role_nouns

    def _candidate_before(self, position: int, limit: int) -> Speaker | None:
        """The actor, pronoun or unnamed source ending right before a cue, past a relative
        clause or a participle's phrase set off by commas ("X, which represents 9,000 workers,
        said": X), else, when no one stands before that, the one right before the cue."""
        set_off = self._set_off_before(max(limit, position - 200), position)
        if set_off and set_off.start() > limit:
            named = self._named_before_source(set_off.start(), limit)
            if named is not None:
                return named
            speaker = self._candidate_right_before(set_off.start(), limit)
            if speaker is not None and speaker.found:
                return speaker  # not "The World Food Outlook, published by the Agency, ..."
        return self._candidate_right_before(position, limit)

    def _named_before_source(self, position: int, limit: int) -> Speaker | None:
        """ "Ana Ruiz, an analyst at Norvex, which ..., said": the person whom an unnamed
        source's words ending at `position` describe in an appositive."""
        unnamed = self._unnamed_match_before(position, limit)
        if unnamed is None or unnamed.start() <= limit:
            return None
        for mention in self.actors.between(limit, unnamed.start()):
            actor = self.actors.actors[mention.key]
            named = actor.kind == "person" and not actor.unnamed and not mention.possessive
            if named and self.text[mention.span.end : unnamed.start()] == ", ":
                return Speaker(mention.key, True, mention.span.start, "name_before_cue")
        return None

    def _candidate_right_before(self, position: int, limit: int) -> Speaker | None:
        best = self._mention_before(position, limit)
        pronoun = PRONOUN_BEFORE.pattern.search(self.text[limit:position])
        if pronoun:
            return self._resolve_pronoun(pronoun.group(1).lower(), limit + pronoun.start())
        role = (
            self._definite_role_before(position, limit)
            or self._owned_institution(position, limit)
            or self._institution_of_a_pronoun(position, limit)
        )
        if role:
            return role
        relative = self._name_before_who(position, limit)
        if relative:
            return relative
        unnamed = self._unnamed_match_before(position, limit)
        # not "Minister for Ports Ana Ruiz", a titled name the source pattern also matches
        title = self.actors.actors[best.key].title if best else None
        titled = (
            title is not None
            and unnamed is not None
            and best is not None
            and best.span.start == unnamed.start()
            and title.split()[0] in self.lex.titles
        )
        inside = best is None or (
            unnamed is not None
            and unnamed.start() <= best.span.start < unnamed.end()
            and not unnamed.end() < best.span.end  # "NSW Nurses" of "NSW Nurses and ..."
        )
        if unnamed and not titled and inside:
            return self._unnamed_or_referred(unnamed)
        owner_named = self._source_of_a_named_owner(best, position, limit)
        if owner_named:
            return self._unnamed_or_referred(owner_named)
        rule = (
            Speaker(best.key, True, best.span.start, "name_before_cue")
            if best
            else self._clause_subject(position, limit) or self._surname_before(position, limit)
        )
        if rule is None:  # '“...,” a publicist retorted'
            gap = self.text[limit:position]
            return self._described_source(position - len(gap.lstrip(" ,")), position)
        if rule.how not in ("name_before_cue", "clause_subject"):
            return rule
        return self._scored_before_cue(rule, position, limit)

    def _source_of_a_named_owner(
        self, best: MentionSpan | None, position: int, limit: int
    ) -> re.Match[str] | None:
        """ "A spokesman for the Minister for Health, Eoin Fitzgerald, said": the name set off
        after a source for someone is whose source it is; the source speaks."""
        if best is None or self.text[best.span.end : position].strip() != ",":
            return None
        unnamed = self._unnamed_search(limit, best.span.start)
        if unnamed is None or self.text[limit : unnamed.start()].strip():
            return None
        owner = OWNER_TITLE.search(
            unnamed.group(0)
        )  # "for the Minister", "close to the Chancellor"
        if owner is None or owner["title"] not in self.lex.titles:
            return None  # "A spokesman for the Brigades, Adam Tijani, said": the spokesman
        between = self.text[unnamed.end() : best.span.start]
        return unnamed if OWNER_REST.fullmatch(between) else None

    def _described_source(self, start: int, end: int) -> Speaker | None:
        """ "a publicist" alone between `start` and `end` (DESCRIBED_SOURCE): an unnamed source
        no lexicon lists; not a time ("a week ago") nor a word of the language's skeleton."""
        phrase = self.text[start:end].rstrip(" ,")
        phrase = RELATIVE_AFTER_SOURCE.split(phrase, maxsplit=1)[0]  # "a trader who gave ..."
        match = DESCRIBED_SOURCE.pattern.fullmatch(self.text, start, start + len(phrase))
        if match is None:
            return None
        words = phrase.split()[1:]
        lex = self.lex
        if any(
            w in NOT_DESCRIBED_SOURCES or w.removesuffix("s") in NOT_DESCRIBED_SOURCES
            for w in words
        ) or any(w in lex.function_words or w in lex.reporting_verbs for w in words):
            return None
        return self._unnamed_actor(match)

    def _unnamed_or_referred(self, unnamed: re.Match[str], of_its_own: bool = True) -> Speaker:
        """An unnamed source ("a spokesman for the Defence Department"), or, for "the report",
        the organisation named before as its author, else the report itself (`of_its_own`) or
        no one (the last source's)."""
        speaker = self._unnamed_actor(unnamed)
        if speaker.found or not unnamed.group(0).lower().startswith("the "):
            return speaker
        earlier = self._document_author(unnamed.group(0), unnamed.start())
        if earlier:
            return Speaker(earlier, True, unnamed.start(), "role_noun")
        issuer = self._document_issuer(unnamed.group("noun"), unnamed.start())
        if issuer:
            return Speaker(issuer, True, unnamed.start(), "role_noun")
        return self._unnamed_actor(unnamed, of_its_own=True) if of_its_own else speaker

    def _document_issuer(self, noun: str, position: int) -> str | None:
        """ "the statement said", after "In a written statement, a spokesman said ..." or
        "Kellun Bank said in a statement": who spoke in the sentence that brought the document
        in (DOCUMENT_BROUGHT_IN), else the actor it names before the document (its subject),
        else after it, not after "to"; never a document itself."""
        brought_in = None
        floor = max(0, position - DOCUMENT_REACH)
        for match in DOCUMENT_BROUGHT_IN.pattern.finditer(self.text, floor, position):
            if match["noun"].lower() == noun.lower():
                brought_in = match
        if brought_in is None:
            return None
        stop = self.text.rfind(". ", 0, brought_in.start())
        line = self.text.rfind("\n", 0, brought_in.start())
        opening = max(stop + 2 if stop >= 0 else 0, line + 1)  # the sentence's start
        closing = self.text.find(". ", brought_in.end(), position)
        closing = position if closing < 0 else closing
        index = bisect_left(self.spoken, opening, key=_spoken_at)
        if index < len(self.spoken) and self.spoken[index][0] < closing:
            return self._no_document(self.spoken[index][1])
        mentions = [
            mention
            for mention in self.actors.between(opening, closing)
            if not self.text.endswith(" to ", 0, mention.span.start)  # "a letter to Ana Ruiz"
        ]
        before = [m for m in mentions if m.span.end <= brought_in.start()]
        after = [m for m in mentions if m.span.start >= brought_in.end()]
        issuer = before[-1] if before else after[0] if after else None
        return self._no_document(issuer.key) if issuer else None

    def _no_document(self, key: str) -> str | None:
        actor = self.actors.actors[key]
        is_a_document = actor.unnamed and actor.name.split()[-1].lower() in self.lex.documents
        return None if is_a_document else key

    def _name_before_who(self, position: int, limit: int) -> Speaker | None:
        """ "a reply from Ana Ruiz, who confirmed that ...": the name the relative clause
        that holds the cue is about."""
        who = WHO_BEFORE_CUE.pattern.search(self.text, max(limit, position - 24), position)
        if who is None:
            return None
        mentions = self.actors.between(limit, who.start())
        for index, mention in enumerate(mentions):
            if mention.span.end == who.start() and not mention.possessive:
                if who.group(0).lstrip(", ").startswith("who") and index > 0:
                    mention = self._person_of_the_organization(mentions[index - 1], mention)
                return Speaker(mention.key, True, mention.span.start, "name_before_cue")
        return None

    def _person_of_the_organization(self, before: MentionSpan, name: MentionSpan) -> MentionSpan:
        """ "Lena Brenner of the Forum for Digital Rights, who argued": "who" is the person
        named before an organisation and "of", "at" or "from", not the organisation."""
        if self.actors.actors[name.key].kind == "person":
            return name
        between = self.text[before.span.end : name.span.start]
        if self.actors.actors[before.key].kind == "person" and PERSON_OF_BETWEEN.fullmatch(between):
            return before
        return name

    def _scored_before_cue(self, rule: Speaker, position: int, limit: int) -> Speaker:
        """Among the names before a cue, the best scoring; `rule` is the rules' choice (a
        feature): "Ana Ruiz, seated next to Tom Reed, told reporters" is Ruiz's."""
        mentions = [
            m
            for m in self.actors.between(limit, position)
            if not m.possessive and m.span.end <= position
        ]
        mentions = [m for m in mentions if not _inside_another(m, mentions)]
        if len({m.key for m in mentions}) < 2:
            return rule
        candidates = []
        seen: set[str] = set()
        for rank, mention in enumerate(reversed(mentions)):
            if mention.key in seen:
                continue
            seen.add(mention.key)
            features = self._before_cue_features(mention, mentions, position, limit)
            features += [("rank", float(min(rank, MAX_RANK)))]
            if mention.key == rule.key:
                features.append(("rule_choice", 1.0))
            candidates.append(Candidate(mention.key, tuple(features)))
        chosen = best(candidates, CUE_NAME, self.weights)
        choice = Choice(CUE_NAME, tuple(candidates))
        if chosen is None or chosen[0].key == rule.key:
            return replace(rule, choice=choice)
        start = next(m.span.start for m in reversed(mentions) if m.key == chosen[0].key)
        return Speaker(chosen[0].key, True, start, "name_before_cue", choice)

    def _before_cue_features(
        self, mention: MentionSpan, mentions: list[MentionSpan], position: int, limit: int
    ) -> list[tuple[str, float]]:
        """What the text around a name before a cue says about it."""
        actor = self.actors.actors[mention.key]
        gap = self.text[mention.span.end : position]
        adjacent = SPEAKER_GAP.pattern.match(gap)
        earlier_person = any(
            m.span.end <= mention.span.start
            and self.actors.actors[m.key].kind == "person"
            and self.text[m.span.end : mention.span.start].lstrip().startswith(",")
            for m in mentions
        )
        flags = {
            "adjacent": bool(adjacent) and not gap.lstrip().startswith(","),
            "before_appositive": bool(APPOSITIVE.pattern.match(gap)),
            "before_comma": bool(adjacent) and gap.lstrip().startswith(","),
            "first_in_clause": mention is mentions[0],
            "after_preposition": self._after_preposition(mention.span.start, limit),
            "after_person_and_comma": earlier_person,
            "person": actor.kind == "person",
            "organization": actor.kind == "organization",
            "country": actor.kind == "country",
            "group": actor.kind == "group",
        }
        features = [(name, 1.0) for name, on in flags.items() if on]
        features.append(("words_to_cue", math.log1p(len(gap.split()))))
        return features

    def _after_preposition(self, start: int, limit: int) -> bool:
        """Whether a preposition (and perhaps "the" and a word or two of what the name is)
        comes right before `start`: "of Soundcheck", "of the research firm Soundcheck"."""
        words = self.text[max(limit, start - 40) : start].split()
        for described in range(DESCRIBING_WORDS, -1, -1):  # "the research firm": two
            if len(words) > described and words[-1 - described].lower() in ("the", "a", "an"):
                head = words[-1 - described :]
                if all((w.isalpha() and w.islower()) or DESCRIBED.search(w) for w in head[1:]):
                    words = words[: -1 - described]
                break
        return bool(words) and words[-1].lower() in self.lex.prepositions_before_a_name

    def _definite_role_before(self, position: int, limit: int) -> Speaker | None:
        """ "the president said": the nearest person named before whose title ends in that
        role; "the company said": the nearest organisation named before; "the actress said":
        the person the article called so (_person_called)."""
        found = DEFINITE_ROLE.pattern.search(self.text, limit, position)
        if found is None or self._after_a_source_of(found.start(), limit):
            return None
        if found["auxiliary"] and not found["role"].islower():
            return None  # "The World Health Organization has warned": a name, not a role
        key = self._role_referent(found["role"], found.start())
        if key:
            return Speaker(key, True, found.start("role"), "role_noun")
        person = self._unnamed_person_noun(found["role"], found.start("role"))
        return person or self._unnamed_institution(found["role"], found.start("role"), limit)

    def _set_off_before(self, start: int, position: int) -> re.Match[str] | None:
        """RELATIVE_BEFORE_CUE, searched only when a comma closes a phrase right before the
        cue and another opens it (quicker: most cues have neither)."""
        last = self.text.rfind(",", start, position)
        if last < 0 or position - last > SET_OFF_TAIL or self.text.rfind(", ", start, last) < 0:
            return None
        return RELATIVE_BEFORE_CUE.pattern.search(self.text, start, position)

    def _owned_institution(self, position: int, limit: int) -> Speaker | None:
        """ "Ukraine's foreign ministry said", "the country's navy said": an unnamed source,
        the institution of whom the possessive names, when it opens the clause."""
        start = max(limit, position - 90)
        if not holds_any(self.text, POSSESSIVE_MARKS, start, position):
            return None
        found = OWNED_INSTITUTION.pattern.search(self.text, start, position)
        if found is None or found["noun"] not in self.lex.institution_back_references:
            return None
        if not self._nothing_between(limit, found.start()) and not self.text.endswith(
            ", ", limit, found.start()
        ):
            return None  # "the minister met Ukraine's foreign ministry staff": not its subject
        name = DETERMINER.pattern.sub("", self.text[found.start() : found.end("role")])
        code = self.lex.countries.get(found["owner"])
        return self._unnamed_speaker(
            name, "organization", Span(found.start(), found.end("role")), code
        )

    def _institution_of_a_pronoun(self, position: int, limit: int) -> Speaker | None:
        """ "His office said", "her campaign said": the institution of whom the pronoun refers
        to ("Gerardo Villaruel's office"), an unnamed source, when it opens the clause."""
        found = PRONOUN_INSTITUTION.search(self.text, max(limit, position - 40), position)
        if found is None or found["noun"] not in self.lex.institution_back_references:
            return None
        if self.text[limit : found.start()].strip(" ,") and not LEADING_PHRASE.pattern.fullmatch(
            self.text, limit, found.start()
        ):
            return None
        pronoun = POSSESSIVE_PRONOUN_SUBJECTS[found["pronoun"].lower()]
        owner = self._resolve_pronoun(pronoun, found.start()).key
        owner_actor = self.actors.actors.get(owner) if owner else None
        role = found["role"]
        name = (
            f"{owner_actor.name}'s {role}" if owner_actor else f"{found['pronoun'].lower()} {role}"
        )
        return self._unnamed_speaker(name, "organization", Span(found.start(), found.end("role")))

    def _after_a_source_of(self, start: int, limit: int) -> bool:
        """ "An aide to the president said": "the president" is whom the source serves."""
        return SERVES.search(self.text, max(limit, start - 16), start) is not None

    def _unnamed_person_noun(self, role: str, start: int) -> Speaker | None:
        """ "the striker said", "the Dutchwoman told reporters", when no one named before was
        called so: an unnamed source, not the last speaker."""
        words = role.split()
        noun = words[-1]
        code = self.lex.demonyms.get(noun)
        person = noun.endswith(PERSON_NOUN_ENDINGS) or noun in self.lex.person_back_references
        if not (code or (noun.islower() and person)):
            return None
        if noun.lower() in self.lex.documents or len(words) > 2:
            return None
        if noun in self.lex.institution_back_references or noun in self.lex.back_references:
            return None  # "the restaurant", "the regulator": institutions, though "-ant", "-or"
        return self._unnamed_speaker(role, "person", Span(start, start + len(role)), code)

    def _unnamed_institution(self, role: str, start: int, limit: int) -> Speaker | None:
        """ "the company said", "the ministry said", as the clause's subject, when the article
        named no such organisation before (or none was found): the organisation that spoke
        last in this paragraph or the one before, else an unnamed source, not a lost quote."""
        words = role.split()
        noun = words[-1]
        institution = noun in self.lex.institution_back_references
        kind = self.lex.back_references.get(noun, "organization" if institution else None)
        national = words[0] in self.lex.demonyms or words[0] in self.lex.countries
        described = (national and all(w.islower() for w in words[1:-1])) or all(
            w.islower() or w in self.lex.demonyms for w in words[:-1]
        )
        # "the Ukrainian foreign ministry", "the UAE foreign ministry", "the federal
        # statistics office"
        most = 4 if national else 3 if all(w.islower() for w in words) else 2
        if kind != "organization" or not noun.islower() or not described or len(words) > most:
            return None  # not "the group": a group may be anyone; "the Chinese embassy"
        before = start - len("the ")
        lead = LEADING_PHRASE.pattern.fullmatch(self.text, limit, before)  # "In a post, the ..."
        if not (self._nothing_between(limit, before) or (lead and self.text[limit].isupper())):
            return None  # "A source in the regional capital said": a place, not the speaker
        spoke = None if len(words) > 1 else self._organization_that_spoke(noun, start)
        if spoke:  # not for "the Chinese embassy", "the finance ministry": one of its own
            return Speaker(spoke, True, start, "role_noun")  # "the airline said": SkyNimbus
        return self._unnamed_speaker(role, "organization", Span(start, start + len(role)))

    def _unnamed_speaker(
        self, name: str, kind: str, span: Span, code: str | None = None
    ) -> Speaker:
        """An unnamed source so called, as an actor mentioned at `span`, and as the speaker."""
        key = f"unnamed:{slug(name)}"
        actor = ArticleActor(key, name, kind, country_code=code, unnamed=True)
        self.actors.add(actor, span, name)
        return Speaker(key, True, span.start, "unnamed_source")

    def _nothing_between(self, limit: int, position: int) -> bool:
        """Whether only spaces, commas or a quotation's end lie between `limit` and `position`."""
        return not self.text[limit:position].strip(' ,”"’')

    def _institution_noun(self, noun: str) -> bool:
        """ "ministry", "guild": a noun that refers back to an organisation so named."""
        return noun in self.lex.institution_back_references or noun.title() in self.lex.org_words

    def _role_referent(self, role: str, position: int) -> str | None:
        """Whom "the <role>" at `position` refers back to (_definite_role_before); "the
        29-year-old defenceman": the person of that age, else the one so called, else whom
        "he" or "she" would be."""
        first, *rest = role.lower().split()
        aged = bool(rest) and AGE_NOUN.pattern.fullmatch(first) is not None
        if aged:
            last = role.split()[-1]
            if last in self.lex.demonyms:  # "the 26-year-old Brazilian": the Brazilian named
                of_country = self._person_of_country(self.lex.demonyms[last], position)
                if of_country:
                    return of_country
            exact = self._person_of_age(first, position, fall_back=False)
            if exact:
                return exact
        key = self._role_noun_referent(role, position)
        return key or (self._person_of_age(first, position) if aged else None)

    def _role_noun_referent(self, role: str, position: int) -> str | None:
        """Whom "the <role>" refers back to by its last word, the noun."""
        noun = role.lower().split()[-1]
        gender = self.lex.person_back_references.get(noun)
        if gender is not None:
            return self._person_called(noun, gender, position)
        if self._institution_noun(noun) and noun not in self.lex.back_references and role.islower():
            # "the commission said"; not "the Dallas police department", a name of its own
            named = self._institution_named_before(noun, position)
            if named:
                return named
        kind = self.lex.back_references.get(noun)
        if role in self.lex.demonyms:  # "the Hungarian": the person of that country
            return self._person_of_demonym(role, position)
        if noun in SPORTS_POSITIONS:  # "the striker said": the one so called, or named last
            return self._person_with_role(noun, position) or self._player_named_last(noun, position)
        if kind is None and noun not in self.title_nouns:
            # "Striker Tomas Varga ... the striker said", "Dax Pellham, 28, ... the 28-year-old"
            if noun.endswith(PERSON_NOUN_ENDINGS) and noun not in self.lex.documents:
                return self._person_with_role(noun, position)
            return self._person_of_age(noun, position)
        if kind:
            return self._organization_referred(kind, noun, position)
        whole = role.lower()
        actors = self.actors.actors.values()
        if whole != noun:  # "the prime minister": "Prime Minister Alistair Kerr"
            titled = {a.key for a in actors if whole in (a.title or "").lower()}
            if key := self._named_last_of(titled, position):
                return key
        holding = {
            a.key
            for a in actors
            if not a.unnamed
            and self._has_role(a, noun)
            # "the prime minister" is not "Housing Minister Peter Vasquez"
            and not (whole != noun and self._titled_otherwise(a, noun, whole))
        }
        key = self._named_last_of(holding, position)
        return key or self._person_with_role(noun, position)  # "X, the governor"

    def _named_last_of(self, keys: set[str], position: int) -> str | None:
        """Of the actors `keys`, the one mentioned last before `position`."""
        if keys:
            for mention in self.actors.before(position):
                if mention.key in keys:
                    return mention.key
        return None

    def _titled_otherwise(self, actor: ArticleActor, noun: str, role: str) -> bool:
        """Whether the word before `noun` in the actor's title is another role's modifier
        than the one "the <role>" gives it ("Housing Minister", "the prime minister")."""
        words = (actor.title or "").lower().split()
        if noun not in words or words.index(noun) == 0:
            return False
        modifier = words[words.index(noun) - 1]
        return modifier != role.split()[-2]

    def _organization_referred(self, kind: str, noun: str, position: int) -> str | None:
        """ "the agency said": the last organisation of that kind that spoke ("The World Food
        Programme said ...") in this paragraph or the one before, else the last one named;
        never one its name calls something else ("the company": not "the Kellun Union").
        One whose name says the noun's trade comes first ("the regulator": the "... Authority"
        named before, though the company it fined spoke last).
        """
        of_trade = self._organization_of_trade(noun, position)
        if of_trade:
            return of_trade
        if kind == "organization" and self.text.endswith(", ", 0, position):
            opening = self._organization_opening_sentence(position)
            if opening:  # "Lumeo has raised $42m in a round led by X, the company said"
                return opening
        nearest = None
        for mention, spoke in self._organizations_before(kind, noun, position):
            if spoke:
                return mention.key
            nearest = nearest or mention.key
        return nearest

    def _organization_opening_sentence(self, position: int) -> str | None:
        """The organisation whose name opens the sentence that a trailing "the company said"
        at `position` ends; a single capitalised name no rule placed, before a comma or a
        verb, is made one ("Lumeo, a Berlin start-up, has raised ..., the company said")."""
        sentence = _containing(self.sentences, position)
        if sentence is None:
            return None
        dateline = DATELINE.pattern.match(self.text, sentence.start, position)
        start = dateline.end() if dateline else sentence.start  # "FRANKFURT (Reuters) - "
        for mention in self.actors.between(start, position):
            actor = self.actors.actors[mention.key]
            lead = self.text[start : mention.span.start]  # "Bengaluru-based start-up"
            if "," in lead or len(lead.split()) > DESCRIBING_WORDS + 2:
                break
            return mention.key if actor.kind == "organization" and not actor.unnamed else None
        name = OPENING_NAME.pattern.match(self.text, start, position)
        if name is None or not self._may_name_a_company(name.group(1)):
            return None
        word = name.group(1)
        actor = ArticleActor(word, word, "organization")
        span = Span(start, start + len(word))
        return self.actors.add(actor, span, word).key

    def _may_name_a_company(self, word: str) -> bool:
        lowered = word.lower()
        return not (
            lowered in self.lex.function_words
            or word in self.lex.given_names
            or word in self.lex.countries
            or word in self.lex.demonyms
            or lowered in self.lex.unnamed_sources
        )

    def _organization_of_trade(self, noun: str, position: int) -> str | None:
        """The nearest organisation named before `position` whose name holds a word of the
        noun's trade (trade_names.txt), or that the article called so: "Kellun Motors",
        "carmaker Voltara", "Voltara, an automaker," for "the automaker"."""
        trade = self.lex.trade_names.get(noun)
        if not trade:
            return None
        nouns = {noun} | {word for word in trade if word.islower()}
        for mention in self.actors.before(position):
            actor = self.actors.actors[mention.key]
            if actor.kind != "organization" or actor.unnamed:
                continue
            if trade & set(actor.name.split()) or self._called_a(nouns, mention.span):
                return mention.key
        return None

    def _called_a(self, nouns: set[str], span: Span) -> bool:
        """Whether one of `nouns` stands right before the name ("carmaker Voltara") or in
        an appositive right after it ("Voltara, an automaker")."""
        before = self.text[max(0, span.start - 30) : span.start].split()[-1:]
        if before and before[0].lower() in nouns:
            return True
        after = TRADE_APPOSITIVE.match(self.text, span.end)
        return after is not None and after["noun"].lower() in nouns

    def _organization_that_spoke(self, noun: str, position: int) -> str | None:
        """The last organisation that spoke in this paragraph or the one before."""
        for mention, spoke in self._organizations_before("organization", noun, position):
            if spoke:
                return mention.key
        return None

    def _organizations_before(
        self, kind: str, noun: str, position: int
    ) -> Iterator[tuple[MentionSpan, bool]]:
        """The mentions of organisations of `kind` before `position`, nearest first, with
        whether each speaks there: from the paragraph before on, then the nearest before it."""
        floor = self.paragraph_starts[-2] if len(self.paragraph_starts) > 1 else 0
        for mention in self.actors.before(position):
            actor = self.actors.actors[mention.key]
            if actor.unnamed or actor.kind != kind or self._called_otherwise(actor, noun):
                continue
            if self._in_brackets(mention):
                continue  # "LONDON (Reuters) -": the agency that wrote it, not the company
            if mention.span.start < floor:
                yield mention, False
                return
            verb = VERB_AFTER_NAME.pattern.match(self.text, mention.span.end)
            spoke = verb is not None and verb.group(1) in self.lex.reporting_verbs
            yield mention, spoke and not mention.possessive

    def _called_otherwise(self, actor: ArticleActor, noun: str) -> bool:
        """Whether an organisation's name ends in another institution's noun ("Kellun Union"
        for "the company") or in a plural that is no organisation word ("United Aerospace
        Workers")."""
        *first, last = actor.name.split()
        lowered = last.lower()
        if lowered != noun and lowered in self.lex.institution_back_references:
            return True
        plural = bool(first) and lowered.endswith("s") and not lowered.endswith("ss")
        return actor.kind == "organization" and plural and last not in self.lex.org_words

    def _has_role(self, actor: ArticleActor, noun: str) -> bool:
        """Whether a person's title holds `noun`, written out or abbreviated ("Gov."): "the
        minister" for "Prime Minister" and for "Minister Datuk Seri"."""
        if actor.kind != "person":
            return False
        words = [word.rstrip(".") for word in (actor.title or "").split()]
        same = ROLE_SYNONYMS.get(noun, frozenset()) | {noun}  # "the congressman": "Rep."
        return any(w.lower() in same or TITLE_ABBREVIATIONS.get(w) in same for w in words)

    def _institution_named_before(self, noun: str, position: int) -> str | None:
        """The nearest organisation named before `position` with `noun` in its name: "the
        commission" after "the European Commission"."""
        for mention in self.actors.before(position):
            actor = self.actors.actors[mention.key]
            words = actor.name.lower().split()
            named = noun in words or noun + "s" in words  # "the airline": "Kellun Airlines"
            if actor.kind == "organization" and not actor.unnamed and named:
                return actor.key
        return None

    def _person_called(self, noun: str, gender: str, position: int) -> str | None:
        """The person the article called `noun` before `position` ("actress Ana Ruiz"), else,
        for a noun with a gender, the one "she" or "he" there would refer to, and for one
        without ("the filmmaker"), the only person named before, if one is."""
        called = self._person_with_role(noun, position)
        if called is not None:
            return called
        if self._brought_in_unnamed(noun, position):
            return None  # "A boy was pulled from the river ... the boy said": that boy
        if gender != "?":
            return self._antecedent(("person",), gender, position).key
        return self._only_person_named(noun, position)

    def _brought_in_unnamed(self, noun: str, position: int) -> bool:
        """Whether "a" or "an" and perhaps two words brought in a `noun` before `position`."""
        unnamed = re.compile(rf"\b[Aa]n?\s(?:[\w-]+\s){{0,2}}{re.escape(noun)}\b")
        return unnamed.search(self.text, 0, position) is not None

    def _only_person_named(self, noun: str, position: int) -> str | None:
        """The one person named before `position`, unless the article brought in an unnamed
        one by `noun` ("A local singer closed the night. ... the singer said"): "the
        filmmaker" after a profile's subject, the only person named yet."""
        if self._brought_in_unnamed(noun, position):
            return None
        people = {
            mention.key
            for mention in self.actors.before(position)
            if self.actors.actors[mention.key].kind == "person"
            and not self.actors.actors[mention.key].unnamed
        }
        return people.pop() if len(people) == 1 else None

    def _surname_before(self, position: int, limit: int) -> Speaker | None:
        """A capitalised word right before a cue that no rule made a name but that is the last
        word of one person's name in the article ("Park said", after "Jun Park")."""
        word = SURNAME_BEFORE.pattern.search(self.text, max(limit, position - 40), position)
        if word is None:
            return None
        surname = word.group(1)
        people = {
            actor.key
            for actor in self.actors.actors.values()
            if actor.kind == "person" and not actor.unnamed and actor.name.split()[-1] == surname
        }
        if len(people) != 1:
            return None
        return Speaker(people.pop(), True, word.start(1), "name_before_cue")

    def _mention_before(self, position: int, limit: int) -> MentionSpan | None:
        """Right before the cue ("Reed said"), else before an appositive ("Morrow, the
        chief executive who ..., replied"), else before a comma ("Ana Ruiz, said")."""
        adjacent = appositive = comma = None
        for mention in self.actors.between(limit, position):
            if mention.possessive or not (
                limit <= mention.span.start and mention.span.end <= position
            ):
                continue
            gap = self.text[mention.span.end : position]
            speaker_gap = SPEAKER_GAP.pattern.match(gap)
            if speaker_gap and not gap.lstrip().startswith(","):
                adjacent = adjacent or mention  # later ones sit in "with the NYPD"
            elif appositive is None and APPOSITIVE.pattern.match(gap):
                appositive = mention
            elif speaker_gap:
                comma = mention
        return adjacent or appositive or comma

    def _clause_subject(self, position: int, limit: int) -> Speaker | None:
        """The first non-possessive actor of the clause before a cue, past a leading phrase."""
        clause_start = limit
        lead = LEADING_PHRASE.pattern.match(self.text[limit:position])
        first = next(iter(self.text[limit:position].split()), "").lower()
        if (
            lead
            and not self._subject_before_participle(limit, limit + lead.end(), position)
            and self.text[limit].isupper()
            and first in self.lex.function_words
            and first not in NO_LEADING_PHRASE  # "But Alan Whitby, 45, said", "A Plinth ..."
            and first not in PRONOUN_GENDER  # "He disagreed, saying ...": he speaks
            and not self._relative_clause_closed(limit + lead.end(), position)
        ):
            clause_start = limit + lead.end()
        dateline = DATELINE.pattern.match(self.text, clause_start, position)
        if dateline:  # "ADEN, Yemen - The movement said ...": not Yemen
            clause_start = dateline.end()
        pronoun = PRONOUN_AT.pattern.match(self.text, clause_start, position)
        if (
            pronoun
            and pronoun.group(1).lower() in PRONOUN_GENDER
            and not self._in_quotation(clause_start)
        ):
            # "In an address, he thanked voters and promised that ...": he, not the voters
            return self._resolve_pronoun(pronoun.group(1).lower(), clause_start)
        first_unnamed = self._unnamed_search(clause_start, position)
        set_off = [
            match.span()
            for match in SUBORDINATE_CLAUSE.pattern.finditer(self.text, max(0, limit - 2), position)
        ]
        for mention in self.actors.between(clause_start, position):
            if (
                clause_start <= mention.span.start
                and mention.span.end <= position
                and not mention.possessive
                and not any(start < mention.span.start < end for start, end in set_off)
                and not self._before_a_role_and_person(mention, position)
                and not self._in_brackets(mention)  # "Hyderabad, Mar 12 (PTI) The party ..."
            ):
                if (
                    first_unnamed
                    and first_unnamed.start() <= mention.span.start < first_unnamed.end()
                ):
                    break  # the actor is part of "a U.S. official"
                return Speaker(mention.key, True, mention.span.start, "clause_subject")
        if first_unnamed:
            return self._unnamed_actor(first_unnamed)
        return self._role_opening(clause_start, position)

    def _role_opening(self, clause_start: int, position: int) -> Speaker | None:
        """ "The company raised prices and said ...", "Brazil's central bank raised rates and
        said ...": a role or an owned institution of up to three words that opens the clause,
        before its verb; only for a cue after "and" or a comma (the role's second verb)."""
        joined = self.text[clause_start:position].rstrip()
        if not joined.endswith((" and", ",")):
            return None
        words = WORD_END.finditer(self.text, clause_start, min(position, clause_start + 60))
        for word in islice(words, 1, OPENING_ROLE_WORDS):
            verb = NEXT_WORD_AFTER_CUE.match(self.text, word.end(), position)
            if verb is None or not _past_or_listed_verb(verb.group(1), self.lex):
                continue
            end = word.end() + 1
            found = self._definite_role_before(end, clause_start) or self._owned_institution(
                end, clause_start
            )
            return found if found is not None and found.key else None
        return None

    def _in_brackets(self, mention: MentionSpan) -> bool:
        """ "Hyderabad, Mar 12 (PTI) The party ...": a wire credit in brackets; not a name's
        acronym ("the Health Service Executive (HSE) said")."""
        start, end = mention.span.start, mention.span.end
        if self.text[start - 1 : start] != "(" or self.text[end : end + 1] != ")":
            return False
        named_before = self.actors.between(max(0, start - 2), start - 1)
        return not any(m.key == mention.key for m in named_before)

    def _subject_before_participle(self, limit: int, lead_end: int, position: int) -> bool:
        """ "The Federal Trade Commission sued Monday, arguing that ...": no leading phrase but
        the clause of a subject named first, when the participle's cue follows its comma."""
        if lead_end != position:
            return False
        start = limit + 4 if self.text.startswith("The ", limit) else limit
        return bool(self.actors.between(start, start + 1))

    def _relative_clause_closed(self, start: int, position: int) -> bool:
        """ "The Energy Users Federation, which ..., warned": a relative clause at `start` that
        a comma closes before the cue at `position` says what precedes it is the subject."""
        opens = self.text.startswith(("which ", "who "), start)
        return opens and "," in self.text[start:position]

    def _before_a_role_and_person(self, mention: MentionSpan, position: int) -> bool:
        """ "Rovers captain Danny Whelan, 34, ... says": an organisation before a lower-case
        role and a person's name only says whose the role is."""
        if self.actors.actors[mention.key].kind == "person":
            return False
        role = ROLE_WORDS_AFTER.match(self.text, mention.span.end)
        if role is None:
            return False
        for after in self.actors.between(role.end(), min(position, role.end() + 1)):
            return self.actors.actors[after.key].kind == "person"
        return False

    def _resolve_pronoun(self, pronoun: str, position: int) -> Speaker:
        if pronoun not in PRONOUN_KINDS:  # "I said", "we said": no one named
            return Speaker(None, False, position)
        return self._antecedent(PRONOUN_KINDS[pronoun], PRONOUN_GENDER.get(pronoun), position)

    def _antecedent(
        self, wanted_kinds: Collection[str], gender: str | None, position: int
    ) -> Speaker:
        """The actor of a kind and gender that "he", "she", "they" or "the actress" at
        `position` refers back to, scored among those named before (PRONOUN)."""

        def compatible(actor: ArticleActor) -> bool:
            return actor.kind in wanted_kinds and (gender is None or actor.gender in (gender, "?"))

        if "person" in wanted_kinds and gender is not None:
            opening = self._unnamed_opening_last_sentence(gender, position)
            if opening is not None:  # "A spokeswoman for X rejected it. “...,” she said"
                return opening
        window = self._window_start(position, PRONOUN_PARAGRAPHS_BACK)
        candidates = self._mentioned_candidates(window, position, compatible, {})
        if not candidates:
            return Speaker(
                self._nearest_compatible(position, compatible), True, position, "pronoun"
            )
        # "he said" after a quote: not someone named only inside quotations, if anyone else
        heard = [c for c in candidates if ("only_in_quotes", 1.0) not in c.features]
        candidates = heard or candidates
        for index, candidate in enumerate(candidates):
            actor = self.actors.actors[candidate.key]
            if gender is not None and gender in (actor.gender, self.heard_as.get(actor.key)):
                candidates[index] = _with(candidate, ("gender_agrees", 1.0))
        chosen = best(candidates, PRONOUN, self.weights)
        choice = Choice(PRONOUN, tuple(candidates))
        key = chosen[0].key if chosen else None
        key = self._subject_not_object(key, {c.key for c in candidates}, position) or key
        if key and gender and self.actors.actors[key].gender == "?":
            self.heard_as[key] = gender  # "Alex Moreau ... she posted": a woman, likely
        return Speaker(key, True, position, "pronoun", choice)

    def _unnamed_opening_last_sentence(self, gender: str, position: int) -> Speaker | None:
        """An unnamed person of the pronoun's gender ("A spokeswoman for the Foreign Office")
        opening the sentence before the pronoun's, which names no one else."""
        index = bisect_right(self.sentences, position, key=lambda s: s.start) - 1
        if index <= 0 or position >= self.sentences[index].end:
            return None
        before = self.sentences[index - 1]
        match = self._unnamed_search(before.start, before.end)
        if match is None or match.start() != before.start:
            return None
        noun = match.group("noun").lower()
        if GENDERED_SOURCES.get(noun) != gender or self._quoted_or_named_in(before, match.end()):
            return None
        return self._unnamed_actor(match)

    def _quoted_or_named_in(self, sentence: Span, after: int) -> bool:
        """Whether a person is named, or a quotation opens, in the sentence after `after`."""
        if QUOTE_MARK_BETWEEN.search(self.text, after, sentence.end):
            return True
        people = (self.actors.actors[m.key] for m in self.actors.between(after, sentence.end))
        return any(a.kind == "person" and not a.unnamed for a in people)

    def _subject_not_object(self, key: str | None, keys: set[str], position: int) -> str | None:
        """ "Coach Marco Ortiz praised striker Elias Lindqvist. “...,” he said": when the
        choice is named in the sentence before only after a lower-case word (an object, a
        reported clause's subject), the candidate that opens that sentence, if another."""
        index = next((i for i, s in enumerate(self.sentences) if s.start <= position < s.end), 0)
        if key is None or index == 0:
            return None
        before = self.sentences[index - 1]
        mentions = [
            m for m in self.actors.between(before.start, before.end) if m.span.end <= before.end
        ]
        if not mentions or mentions[0].key == key:
            return None
        opening = mentions[0]
        if opening.possessive:  # "Russia's Defense Ministry said ...": the ministry
            owned = len(mentions) > 1 and POSSESSIVE_THEN_NAME.fullmatch(
                self.text, opening.span.end, mentions[1].span.start
            )
            if not owned:
                return None
            mentions = mentions[1:]
        subject = mentions[0]
        if (
            subject.key == key
            or subject.key not in keys
            or self.actors.actors[subject.key].unnamed
            or " " not in self.actors.actors[subject.key].name  # "Reporters later asked X"
            or not self._opens_sentence(opening.span.start)
        ):
            return None
        # "Moss said Reed scored. “I just kept running,” he said": as likely Reed's
        first_person = FIRST_PERSON_QUOTE.search(self.text, self.sentences[index].start, position)
        objects = []
        for mention in (m for m in mentions if m.key == key):
            word = OBJECT_BEFORE.search(self.text, before.start, mention.span.start)
            if word is None or (first_person and word.group(0).strip() in self.lex.reporting_verbs):
                return None
            objects.append(mention)
        return subject.key if objects else None

    def _nearest_compatible(
        self, position: int, compatible: Callable[[ArticleActor], bool]
    ) -> str | None:
        """The nearest earlier compatible actor, a named one first (beyond the window)."""
        chosen = None
        for mention in self.actors.before(position):
            actor = self.actors.actors[mention.key]
            if compatible(actor):
                chosen = chosen or actor
                if not actor.unnamed:
                    return actor.key  # a named antecedent first
        return chosen.key if chosen else None

    # -- speaker candidates --------------------------------------------------------

    def _window_start(self, position: int, paragraphs_back: int) -> int:
        """Where the paragraph `paragraphs_back` before the one holding `position` starts."""
        index = bisect_right(self.paragraph_starts, position) - 1
        if index < 0:
            return 0
        return self.paragraph_starts[max(0, index - paragraphs_back)]

    def _mentioned_candidates(
        self,
        start: int,
        position: int,
        eligible: Callable[[ArticleActor], bool],
        extra: dict[str, list[tuple[str, float]]],
    ) -> list[Candidate]:
        """The eligible actors mentioned in [start, position), nearest first, each with the
        features of its mentions there; `extra` adds features by key (and actors not
        mentioned there, after them)."""
        by_key: dict[str, list[MentionSpan]] = {}
        for mention in reversed(self.actors.between(start, position)):
            if mention.span.end > position:
                continue
            mentions = by_key.get(mention.key)
            if mentions is not None:
                mentions.append(mention)
            elif eligible(self.actors.actors[mention.key]):
                by_key[mention.key] = [mention]
        candidates = []
        for rank, (key, mentions) in enumerate(by_key.items()):
            features = self._mention_features(key, mentions, rank, position)
            candidates.append(Candidate(key, (*features, *extra.get(key, ()))))
        for key, features in extra.items():
            if key not in by_key:
                candidates.append(
                    Candidate(key, (*self._speaker_features(key, position), *features))
                )
        referred = {key: mentions[0].span.end for key, mentions in by_key.items()}
        for key, end in self._speakers_in(start, position, eligible).items():
            if key not in referred and key not in extra:  # named further back, spoke here
                candidates.append(Candidate(key, tuple(self._speaker_features(key, position))))
            referred[key] = max(referred.get(key, end), end)
        last = max(referred, key=referred.__getitem__, default=None)
        return [_with(c, ("latest_reference", 1.0)) if c.key == last else c for c in candidates]

    def _speakers_in(
        self, start: int, position: int, eligible: Callable[[ArticleActor], bool]
    ) -> dict[str, int]:
        """The eligible speakers of quotes ending in [start, position), each with where its last
        quote there ends: "..., the mayor said." refers to the mayor, whoever was named since."""
        ends: dict[str, int] = {}
        for _, key, end in self.spoken:
            if start <= end <= position and eligible(self.actors.actors[key]):
                ends[key] = end
        return ends

    def _mention_features(
        self, key: str, mentions: list[MentionSpan], rank: int, position: int
    ) -> list[tuple[str, float]]:
        """What a candidate's mentions before `position` (nearest first) say about it."""
        nearest = mentions[0].span.start
        actor = self.actors.actors[key]
        sentence = _containing(self.sentences, position)
        quoted = [self._in_quotation(m.span.start) for m in mentions]
        flags = {
            "mentioned": True,
            "nearest": rank == 0,
            "same_sentence": sentence is not None and nearest >= sentence.start,
            "same_paragraph": nearest >= self._window_start(position, 0),
            "in_quote": quoted[0],
            "only_in_quotes": all(quoted),
            "opens_sentence": any(self._opens_sentence(m.span.start) for m in mentions),
            "possessive": mentions[0].possessive,
            "in_parentheses": self._in_parentheses(nearest, self._window_start(nearest, 0)),
            "person": actor.kind == "person",
            "unnamed": actor.unnamed,
        }
        features = [(name, 1.0) for name, on in flags.items() if on]
        features.append(("rank", float(min(rank, MAX_RANK))))
        features.append(("mentions", math.log1p(len(mentions))))
        return features + self._speaker_features(key, position)

    def _speaker_features(self, key: str, position: int) -> list[tuple[str, float]]:
        """Whether the actor spoke the last quote before `position`, or any earlier one."""
        index = bisect_left(self.spoken, position, key=_spoken_at)
        if index and self.spoken[index - 1][1] == key:
            return [("last_speaker", 1.0), ("was_speaker", 1.0)]
        if any(who == key for _, who, _ in self.spoken[:index]):
            return [("was_speaker", 1.0)]
        return []

    def _in_quotation(self, position: int) -> bool:
        index = bisect_right(self.quoted, position, key=_opening) - 1
        return index >= 0 and position < self.quoted[index][1]

    def _in_parentheses(self, position: int, floor: int) -> bool:
        opening = self.text.rfind("(", floor, position)
        return opening >= 0 and self.text.find(")", opening, position) < 0

    def _opens_sentence(self, position: int) -> bool:
        """Whether a mention is the first words of its sentence ("The" aside)."""
        head = self.text[max(0, position - 12) : position].removesuffix("The ").rstrip()
        return not head or head[-1] in '.!?:"”'

    def _owner(self, start: int, end: int) -> Speaker | None:
        """An organisation or country named in a document's phrase, up to its clause's end;
        past a cue, only as its maker ("a report published Tuesday by the Harbour Trust"; "initial
        reports said he came from France" are not France's)."""
        stop = CLAUSE_STOP.pattern.search(self.text[start:end])
        if stop and SET_OFF_MAKER.match(self.text, start + stop.start()):
            stop = CLAUSE_STOP.pattern.search(self.text[start:end], stop.end())  # "The memo,"
        end = start + stop.start() if stop else end
        cues = self._cues_in(start, end)
        cue_end = cues[0].end() if cues else end
        for mention in self.actors.between(start, end):
            kind = self.actors.actors[mention.key].kind
            if kind not in ("organization", "country", "group"):
                continue
            if RECIPIENT_BEFORE.search(
                self.text, max(start, mention.span.start - 20), mention.span.start
            ):
                continue  # "an internal memo obtained by Variety": not Variety's
            if mention.span.start > cue_end and not MADE_BY.pattern.search(
                self.text, cue_end, mention.span.start
            ):
                return None
            return Speaker(mention.key, True, mention.span.start, "document_owner")
        return None

    def _author(self, position: int) -> Speaker | None:
        """The person named right after a document, by " by " ("a 2012 study by Ana Ruiz")."""
        if not self.text.startswith(" by ", position):
            return None
        for mention in self.actors.between(position + 4, position + 5):
            if self.actors.actors[mention.key].kind == "person" and not mention.possessive:
                return Speaker(mention.key, True, mention.span.start, "document_owner")
        return None

    def _unnamed_at(self, start: int, limit: int) -> Speaker | None:
        """The unnamed source at `start`, or the person it names right after ("said a Norwegian
        negotiator, Lars Berg")."""
        match = self.unnamed_pattern.match(self.text, start, limit)
        if not match or AUXILIARY_AT.pattern.match(self.text, match.end(), limit):
            return None  # "said investigators were ...": what is reported, not who reports
        named = self._person_in_apposition(match.end(), limit)
        return named or self._unnamed_actor(match)

    def _person_in_apposition(self, position: int, limit: int) -> Speaker | None:
        """A person named between commas (or before the end) right after `position`."""
        if not self.text.startswith(", ", position):
            return None
        for mention in self.actors.between(position + 2, position + 3):
            after = self.text[mention.span.end : mention.span.end + 1]
            if (
                not mention.possessive
                and self.actors.actors[mention.key].kind == "person"
                and (mention.span.end >= limit or after in ",.;")
            ):
                return Speaker(mention.key, True, mention.span.start, "name_after_cue")
        return None

    def _unnamed_before(self, position: int, limit: int) -> Speaker | None:
        match = self._unnamed_match_before(position, limit)
        return self._unnamed_actor(match) if match else None

    def _unnamed_match_before(self, position: int, limit: int) -> re.Match[str] | None:
        """The last unnamed source ending right before `position` (or before an appositive)."""
        found: re.Match[str] | None = None
        subject: re.Match[str] | None = None
        previous: re.Match[str] | None = None
        for match in self._unnamed_finditer(limit, position):
            if self._is_a_medium(match):
                continue
            if not self.text[limit : match.start()].strip():
                subject = match  # the clause opens with it: "The report, compiled with ..."
            gap = self.text[match.end() : position]
            if previous and SOURCE_OF.pattern.fullmatch(self.text, previous.end(), match.start()):
                continue  # "A lawyer for the family": the lawyer, not the family
            if SPEAKER_GAP.pattern.match(gap) or APPOSITIVE.pattern.match(gap):
                found = match
            previous = match
        set_off = subject and SET_OFF.pattern.fullmatch(self.text, subject.end(), position)
        if set_off and subject is not found:
            return subject  # "The report, compiled with scientists from ..., found"
        if subject is not None and found is not None and found is not subject:
            between = self.text[subject.end() : found.start()]
            if between.startswith(" of ") and "," not in between:
                return subject  # "The family of a cyclist killed by a driver said": the family
        return found

    def _is_a_medium(self, match: re.Match[str]) -> bool:
        """ "Ruiz, in a statement, said": a document after "in" is how one spoke, no source."""
        medium = match["noun"].lower() in self.lex.documents
        return medium and self.text.endswith(("in ", "In "), 0, match.start())

    def _relative_by_surname(self, determiner: str, noun: str, position: int) -> str | None:
        """ "his father says" after "His son, Caleb Whitfield": the one other person named
        before with the surname of whom "his" or "her" refers to."""
        pronoun = POSSESSIVE_PRONOUN_SUBJECTS.get(determiner)
        if pronoun is None or noun not in KINSHIP_NOUNS:
            return None
        owner = self._resolve_pronoun(pronoun, position).key
        if owner is None:
            return None
        surname = self.actors.actors[owner].name.split()[-1]
        window = self._window_start(position, RELATIVE_PARAGRAPHS_BACK)
        relatives = {
            m.key
            for m in self.actors.between(window, position)
            if m.key != owner
            and not self.actors.actors[m.key].unnamed
            and self.actors.actors[m.key].kind == "person"
            and self.actors.actors[m.key].name.split()[-1] == surname
        }
        return relatives.pop() if len(relatives) == 1 else None

    def _person_with_role(self, noun: str, position: int) -> str | None:
        """The person named last before `position` whom any mention there gives the role
        `noun`, said before the name ("spokeswoman Ana Diaz", "Spokeswoman Ana Diaz said") or
        after it ("Ana Diaz, the spokeswoman"): "Wilkes said ... the coach said" is hers when
        "coach Tamara Wilkes" came before "coach Brian Oduya"."""
        holders = {key for end, key in self._role_holders(noun) if end <= position}
        if not holders:
            return None
        for mention in self.actors.before(position):  # the latest named first
            if mention.span.end <= position and mention.key in holders:
                return mention.key
        return None

    def _role_holders(self, noun: str) -> list[tuple[int, str]]:
        """(end, key) of every mention that gives a named person the role `noun`."""
        changes = self.actors.named_changes
        cached = self.role_holders.get(noun)
        if cached is not None and cached[0] == changes:
            return cached[1]
        holders = [
            (mention.span.end, mention.key)
            for mention in self.actors.mentions
            if (actor := self.actors.actors[mention.key]).kind == "person"
            and not actor.unnamed
            and self._given_role(mention, actor, noun)
        ]
        self.role_holders[noun] = (changes, holders)
        return holders

    def _given_role(self, mention: MentionSpan, actor: ArticleActor, noun: str) -> bool:
        """Whether `mention` of `actor` comes with the role `noun` before or after it."""
        start, end = mention.span.start, mention.span.end
        before = self.text[max(0, start - len(noun) - 1) : start].lower()
        set_off = self.text[max(0, start - len(noun) - 2) : start].lower()
        titled = (actor.title or "").lower().split()[-1:] == [noun]  # "Singer Ana Ruiz"
        if noun in ROLE_SYNONYMS and self._has_role(actor, noun):
            titled = True  # "the skipper" of "Captain Ana Ruiz"
        if before == f"{noun} " or set_off == f"{noun}, " or titled:  # "spokeswoman, Ana"
            return True
        # "The Commissioner for Health, Prof. Adebayo Ogunleye": a post of a portfolio
        if self.text.find(", ", max(0, start - 12), start) >= 0:
            post = POST_SET_OFF_BEFORE.search(self.text, max(0, start - 80), start)
            if post and post["post"].lower() == noun:
                return True
        synonyms = ROLE_SYNONYMS.get(noun, ())  # "the skipper": "New Zealand captain Ana Ruiz"
        if any(self.text.endswith(f" {other} ", 0, start) for other in synonyms):
            return True
        role = ROLE_AFTER_NAME.pattern.match(self.text, end, end + 80)
        return bool(role and noun in role["role"].lower().split()[:ROLE_WORDS])

    def _person_of_country(self, code: str, position: int) -> str | None:
        """The nearest person named before `position` whom the article gave the country
        `code` ("Hungarian Tomas Varga" ... "the Hungarian")."""
        for mention in self.actors.before(position):
            actor = self.actors.actors[mention.key]
            if actor.kind == "person" and not actor.unnamed and actor.country_code == code:
                return actor.key
        return None

    def _person_of_demonym(self, demonym: str, position: int) -> str | None:
        """ "Hungarian Tomas Varga ... the Hungarian", else, the article having given no one
        that country, the person named last before it (_person_named_last; "Varga ... the
        Dutchman")."""
        code = self.lex.demonyms[demonym]
        gendered = GENDERED_DEMONYM.search(demonym)  # "Dutchman", "Frenchwoman"; not "German"
        gender = "?" if gendered is None else "f" if gendered["woman"] else "m"
        of_country = self._person_of_country(code, position)
        return of_country or self._person_named_last(demonym, code, gender, position)

    def _player_named_last(self, noun: str, position: int) -> str | None:
        """ "Castlegate signed Tomasz Wielecki ... the striker said": the person named last,
        if no title gives them a post off the field ("Coach Lena Voss ... the striker": none)."""
        key = self._person_named_last(noun, None, "?", position)
        if key is None:
            return None
        post = (self.actors.actors[key].title or "").lower().split()[-1:]
        return key if not post or post[0] in SPORTS_POSITIONS | PLAYER_POSTS else None

    def _person_named_last(
        self, noun: str, code: str | None, gender: str, position: int
    ) -> str | None:
        """The person named last before `position` whom the article gave no country but
        `code` and whose gender agrees, not one named inside a relative clause, unless it
        brought in someone unnamed by `noun` ("A Dutchman was arrested ... the Dutchman")."""
        if self._brought_in_unnamed(noun, position):
            return None
        for mention in self.actors.before(position):
            actor = self.actors.actors[mention.key]
            if actor.kind != "person" or actor.unnamed or actor.country_code not in (None, code):
                continue
            agrees = "?" in (gender, actor.gender) or gender == actor.gender
            if agrees and mention.span.end <= position and not self._in_relative_clause(mention):
                return actor.key
        return None

    def _in_relative_clause(self, mention: MentionSpan) -> bool:
        """ "Vermeulen, who had beaten Marchetti in May, was gracious": Marchetti."""
        start = mention.span.start
        before = INSIDE_A_RELATIVE_CLAUSE.pattern.search(self.text, max(0, start - 160), start)
        return before is not None

    def _person_of_age(self, noun: str, position: int, fall_back: bool = True) -> str | None:
        """The nearest person named before `position` with the age of "the 28-year-old":
        "Dax Pellham, 28," or "28-year-old Dax Pellham"."""
        age = AGE_NOUN.pattern.fullmatch(noun)
        if age is None:
            return None
        for mention in self.actors.before(position):
            actor = self.actors.actors[mention.key]
            if actor.kind != "person" or actor.unnamed or mention.span.end > position:
                continue
            start, end = mention.span.start, mention.span.end
            if self.text.startswith(f", {age['years']},", end) or self.text.endswith(
                f"{noun} ", 0, start
            ):
                return actor.key
        # an age the article gave no one named: whom "he" or "she" would be, unless it brought
        # in someone unnamed so ("A 21-year-old was arrested ... the 21-year-old said")
        if not fall_back or self._brought_in_unnamed(noun, position):
            return None
        sentence = _containing(self.sentences, position)  # not "with Jo Mabry, the 44-year-old"
        return self._antecedent(("person",), None, sentence.start if sentence else position).key

    def _titled_after(self, noun: str, position: int) -> str | None:
        """The one person named later in the paragraph with `noun` in their title ("Ambassador
        Ana Diaz", "Minister for Ports Ana Diaz")."""
        end = self.sentences[-1].end if self.sentences else position
        titled = {
            mention.key
            for mention in self.actors.between(position, end)
            if noun in (self.actors.actors[mention.key].title or "").lower().split()
        }
        return titled.pop() if len(titled) == 1 else None

    def _document_author(self, source: str, position: int) -> str | None:
        """The organisation the article named, before `position`, as the author of the
        document `source` ("the report") names: "a report published Tuesday by the Harbour Trust",
        "the Trust's report", "a Trust report". Not one the document merely mentions."""
        noun = source.split()[-1].lower()
        floor = max(0, position - DOCUMENT_REACH)
        for mention in self.actors.before(position):
            if mention.span.start < floor:
                return None
            actor = self.actors.actors[mention.key]
            if actor.kind != "organization" or actor.unnamed:
                continue
            own = DOCUMENT_OF.pattern.match(self.text, mention.span.end)  # "the Trust's report"
            issued = DOCUMENT_ISSUED.pattern.match(self.text, mention.span.end)
            start = max(floor, mention.span.start - 120)
            by = DOCUMENT_BY.pattern.search(self.text, start, mention.span.start)
            if any(found and found["noun"].lower() == noun for found in (own, issued, by)):
                return actor.key
        return None

    def _unnamed_actor(self, match: re.Match[str], of_its_own: bool = False) -> Speaker:
        """The unnamed source `match` found; a document is its owner's ("UNHCR data"), or,
        with "the" or "its" and not `of_its_own`, no one's (the last source's)."""
        noun = match.group("noun").lower()
        of_its_own = of_its_own or noun in self.lex.records  # "the indictment alleges"
        if noun in self.lex.documents:
            owner = self._owner(match.start(), match.end() + 120) or self._author(match.end())
            if owner:
                return owner  # "UNHCR data", "a report published by the Met Office"
            issuer = self._document_author(match.group(0), match.end())
            if issuer:  # "The Caucus issued a statement warning that ...": the Caucus
                return Speaker(issuer, True, match.start(), "document_owner")
            if not of_its_own and match.group(0).lower().startswith(("the ", "its ", "their ")):
                return Speaker(None, False, match.start())  # "the webpage": the last source's
        phrase = match.group(0)
        first = phrase.split()[0]
        # "the spokesperson", "Kestry's ambassador", "his father" (named so before)
        definite = first.lower() in ("the", "his", "her", "their") or first.endswith(("'s", "’s"))
        one = not _plural_source(noun)
        # "the spokesperson said", after "Ana Diaz, the agency spokesperson"; "Kestry's
        # ambassador said" before "... Ambassador Ana Diaz ...": the one person given that
        # role ("a senior minister said" may be anyone: not "Prime Minister Tom Reed" after)
        person = definite and (
            self._person_with_role(noun, match.start())
            or (one and self._titled_after(noun, match.end()))
            or self._relative_by_surname(first.lower(), noun, match.start())
        )
        if person:
            return Speaker(person, True, match.start(), "role_noun")
        name = DETERMINER.pattern.sub("", phrase)
        code = _demonym_code(self.lex, name)
        noun = (match.groupdict().get("owned") or noun).lower()  # "the victim's mother": one
        plural = _plural_source(noun)
        kind = "group" if plural else "organization" if noun in self.lex.documents else "person"
        return self._unnamed_speaker(name, kind, Span(match.start(), match.end()), code)

    # -- direct quotes -------------------------------------------------------------

    def direct(
        self, paragraph: Span, sentences: list[Span], marks: list[tuple[int, int, bool]]
    ) -> list[QuoteSpan]:
        """The paragraph's quotations (`marks`: _marks()) that are quotes, with speakers."""
        quotes = []
        for open_at, close_at, closed in marks:
            content = self._trim(Span(open_at + 1, close_at))
            if content.end <= content.start:
                continue
            sentence = _containing(sentences, open_at) or paragraph
            cue, speaker = self._direct_attribution(
                open_at, close_at + (1 if closed else 0), sentence, paragraph
            )
            if not self._is_quotation(content, cue is not None or speaker is not None):
                continue
            if speaker is not None and speaker.how == "pronoun":
                speaker = self._not_named_inside(speaker, content)
            if cue is None and (speaker is None or speaker.key is None):
                speaker = (
                    self._sentence_subject(sentence, open_at)
                    or self._subject_before_colon(sentence, open_at)
                    or speaker
                )
            quotes.append(_quote(content, "direct", speaker, cue))
            if speaker is not None and speaker.key is not None:
                self.spoken.append((content.start, speaker.key, content.end))
        return quotes

    def _sentence_subject(self, sentence: Span, open_at: int) -> Speaker | None:
        """ "Tom Reed dismissed the report as “a fantasy.”": a quotation inside a sentence
        with no cue is the words of the person who opens the sentence and acts in it."""
        if self.text[sentence.start : open_at].rstrip().endswith((",", ":")):
            return None  # "Mr. Rahami fled, “firing at ...”": someone else's words, carried
        mentions = self.actors.between(sentence.start, open_at)
        if not mentions:
            return None
        lead = self.text[sentence.start : mentions[0].span.start]  # "Chief executive "
        subject, verb_at = mentions[0], mentions[0].span.end
        if ROLE_SET_OFF_LEAD.fullmatch(lead) and self.text.startswith(",", verb_at):
            verb_at += 1  # "The eastern commander, Salem al-Obeidi, has rejected ..."
        elif len(lead.split()) > SUBJECT_LEAD_WORDS or "," in lead or "“" in lead or '"' in lead:
            return None
        if subject.possessive:  # "Iran's spokesman, Nasser Hosseinzadeh, condemned ..."
            named = len(mentions) > 1 and POSSESSIVE_ROLE_SET_OFF.fullmatch(
                self.text, subject.span.end, mentions[1].span.start
            )
            if not named or not self.text.startswith(",", mentions[1].span.end):
                return None
            subject, verb_at = mentions[1], mentions[1].span.end + 1
        person = self._person_titled_after(subject, open_at)  # "Alliance spokesman Paulo ..."
        if person is not None:
            subject = next(
                m for m in mentions if m.key == person and m.span.start > subject.span.start
            )
            verb_at = subject.span.end
        if self.actors.actors[subject.key].kind != "person" or self._in_quotation(
            subject.span.start
        ):
            return None
        verb = VERB_AFTER_SUBJECT.match(self.text, verb_at, open_at)
        if verb is None or verb.group(1) in self.lex.function_words:
            return None
        return Speaker(subject.key, True, subject.span.start, "clause_subject")

    def _subject_before_colon(self, sentence: Span, open_at: int) -> Speaker | None:
        """ "Halvard Brekke reflected on his career: “...”", "X thanked fans, writing: “...”":
        a quotation after a colon is the words of the first person its sentence names."""
        if not self.text[sentence.start : open_at].rstrip().endswith(":"):
            return None
        for mention in self.actors.between(sentence.start, open_at):
            actor = self.actors.actors[mention.key]
            if actor.kind == "person" and not mention.possessive and not actor.unnamed:
                return Speaker(mention.key, True, mention.span.start, "clause_subject")
        # "An Iowa Republican answered that question: “...”": an unnamed source opening it
        head = self.text[sentence.start : open_at]
        start = sentence.start + len(head) - len(head.lstrip(' “"'))
        source = self._unnamed_search(start, open_at)
        if source is not None and source.start() == start and self._cues_in(source.end(), open_at):
            return self._unnamed_actor(source)  # not "Police found a note that read: “”"
        return None

    def _not_named_inside(self, speaker: Speaker, content: Span) -> Speaker:
        """ "“Varga was brilliant today,” he said": a pronoun's speaker is not someone the
        quotation names; the next best candidate, if there is one."""
        named = {m.key for m in self.actors.between(content.start, content.end)}
        if speaker.key not in named or speaker.choice is None:
            return speaker
        others = [c for c in speaker.choice.candidates if c.key not in named]
        chosen = best(others, PRONOUN, self.weights)
        if chosen is None:
            return speaker
        keys = {c.key for c in others}
        key = self._subject_not_object(chosen[0].key, keys, speaker.start) or chosen[0].key
        return replace(speaker, key=key, choice=Choice(PRONOUN, tuple(others)))

    def _trim(self, span: Span) -> Span:
        value = self.text[span.start : span.end]
        stripped = value.rstrip(" ,;:—–-")
        lead = len(value) - len(value.lstrip())
        return Span(span.start + lead, span.start + len(stripped))

    def _is_quotation(self, content: Span, has_cue: bool) -> bool:
        words = content.of(self.text).split()
        title_case = 1 < len(words) <= 8 and all(
            w[0].isupper() or w in TITLE_SMALL_WORDS for w in words if w[0].isalpha()
        )
        before = self.text[max(0, content.start - 20) : content.start]
        names_a_work = NAMES_A_WORK.pattern.search(before)
        if title_case and (not has_cue or names_a_work):
            return False  # a title or a name: a show called “Wait Until Morning”
        named_thing = named_thing_pattern(self.lex)
        if named_thing.search(self.text, max(0, content.start - 40), content.start):
            return False  # "something called “sponsored data”"
        return has_cue or len(words) >= 4 or content.of(self.text)[-1] in ".!?"

    def _direct_attribution(
        self, open_at: int, after_close: int, sentence: Span, paragraph: Span
    ) -> tuple[str | None, Speaker | None]:
        after_window = Span(after_close, self._next_mark(after_close, paragraph))
        sentence_end = self._sentence_end(after_window)
        if sentence_end is not None:
            after_window = Span(after_window.start, sentence_end)
        if self._ends_its_sentence(open_at, after_close):
            after_window = Span(after_close, after_close)  # "“... focused.” She insists ..."
        before_window = Span(self._previous_mark(open_at, sentence), open_at)
        windows = [(after_window, True), (before_window, False)]
        if self._cue_right_before(before_window):  # 'Reed said “we will win” and Ruiz said'
            windows.reverse()
        for window, nearest_first in windows:
            cues = self._cues_in(window.start, window.end)
            if not cues:
                continue
            cue = cues[0] if nearest_first else cues[-1]
            far = len(self.text[window.start : cue.start()].split()) > 12
            if nearest_first and far and not self._named_before_appositive(window, cue.start()):
                continue
            if nearest_first and self._joined_to_sentence_verb(window.start, cue.start()):
                # "X called the delays “a scandal” and said ...": the sentence's subject's
                subject = self._sentence_subject(sentence, open_at)
                if subject is None:
                    continue
                return cue.group(0), subject
            speaker = self.speaker_near_cue(Span(cue.start(), cue.end()), window)
            if not nearest_first and len(cues) > 1 and self._is_document(speaker.key):
                # "Ruiz said the report confirmed “...”": Ruiz's words, not the report's
                outer = self.speaker_near_cue(Span(cues[0].start(), cues[0].end()), window)
                if outer.found and outer.key and not self._is_document(outer.key):
                    return cues[0].group(0), outer
            if speaker.found:
                return cue.group(0), speaker
        if open_at == paragraph.start:  # '... the girl's family said:' / '“We will ...”'
            closing_cue, closing = self._cue_closing_paragraph_before(paragraph.start)
            if closing is not None:
                return closing_cue, closing
        return None, self._colon_speaker(before_window)

    def _cue_closing_paragraph_before(self, start: int) -> tuple[str | None, Speaker | None]:
        """The cue and speaker of a paragraph that ends with a cue and a colon, right before
        the paragraph at `start`."""
        window_start = max(0, start - 300)
        before = self.text[window_start:start].rstrip()
        if not before.endswith(":"):
            return None, None
        end = window_start + len(before) - 1  # the colon
        line_start = self.text.rfind("\n", 0, end) + 1
        cues = [c for c in self.cues.find_all(self.text, line_start, end) if not self._no_cue(c)]
        if not cues or self.text[cues[-1].end() : end].strip():
            return None, None  # the colon must follow the cue: "said:"
        cue = cues[-1]
        speaker = self.speaker_near_cue(Span(cue.start(), cue.end()), Span(line_start, end))
        return (cue.group(0), speaker) if speaker.found and speaker.key else (None, None)

    def _cue_right_before(self, window: Span) -> bool:
        """Whether a cue ends right before the quotation ("said “...", "urged: “...")."""
        cues = self._cues_in(window.start, window.end)
        return bool(cues) and bool(
            CUE_THEN_QUOTATION.fullmatch(self.text, cues[-1].end(), window.end)
        )

    def _joined_to_sentence_verb(self, start: int, cue_start: int) -> bool:
        """Whether only "and" or "but" stands between a quotation's close and a cue."""
        return self.text[start:cue_start].strip(" ,").lower() in ("and", "but")

    def _is_document(self, key: str | None) -> bool:
        """Whether an actor is a document named by its noun ("the report")."""
        actor = self.actors.actors.get(key) if key else None
        return bool(
            actor and actor.unnamed and actor.name.lower().split()[-1] in self.lex.documents
        )

    def _named_before_appositive(self, window: Span, cue_start: int) -> bool:
        """ "”, Ana Ruiz, a doctoral student in ... and leader of the dig, said": a name opens
        the window after a quote and only its appositive stands between it and the cue."""
        for mention in self.actors.between(window.start, cue_start):
            if mention.possessive or self.text[window.start : mention.span.start].strip(" ,"):
                return False
            gap = self.text[mention.span.end : cue_start]
            return NAME_THEN_APPOSITIVE.pattern.fullmatch(gap) is not None
        return False

    def _ends_its_sentence(self, open_at: int, after_close: int) -> bool:
        """Whether a quotation ends with a full stop inside its marks and a new sentence starts
        after it ("... is “hurting but focused.” She insists ..."): the cue after it is the
        next sentence's."""
        inside = self.text[open_at:after_close].rstrip("”\"’'")
        after = self.text[after_close : after_close + 2]
        return inside.endswith(".") and after[:1] == " " and after[1:2].isupper()

    def _sentence_end(self, window: Span) -> int | None:
        """Where the sentence after a quote ends in `window`: not at the period of "Mr." or
        of an initial ("“We will,” Mr. Ruiz said.")."""
        for end in SENTENCE_END.pattern.finditer(self.text, window.start, window.end):
            mark = end.start()
            if self.text[mark] != "." or ends_sentence(
                self.text, mark, _next_word(self.text, mark)
            ):
                return end.end()
        return None

    def _colon_speaker(self, before: Span) -> Speaker | None:
        """ "Ruiz: “I can’t think of another case.”" """
        colon = ENDS_WITH_COLON.pattern.search(self.text[before.start : before.end])
        if not colon:
            return None
        end = before.start + colon.start()
        for mention in self.actors.between(before.start, end):
            if mention.span.end == end:
                return Speaker(mention.key, True, mention.span.start, "colon")
        return None

    def _next_mark(self, position: int, paragraph: Span) -> int:
        following = NEXT_OPENING.pattern.search(self.text, position, paragraph.end)
        return following.start() if following else paragraph.end

    def _previous_mark(self, position: int, sentence: Span) -> int:
        """Just after the last closing mark between the sentence's start and `position`."""
        marks = CLOSING_MARK.pattern.finditer(self.text, sentence.start, position)
        closings = [m.end() for m in marks]
        return closings[-1] if closings else sentence.start

    # -- indirect quotes -----------------------------------------------------------

    def indirect(self, sentence: Span, directs: list[QuoteSpan]) -> list[QuoteSpan]:
        """The sentence's reported speech, by the first of INDIRECT_FORMS that finds one: one
        clause, or two joined by "and that" or "but warned that"."""
        inside = _spans_inside(directs, sentence) if directs else []
        # a cue inside a quotation is the quoted speaker's words, not the article's report
        cues = [
            c
            for c in self._cues_in(sentence.start, sentence.end)
            if not self._in_quotation(c.start())
        ]
        for form in self.INDIRECT_FORMS:
            if quote := form(self, sentence, inside, cues):
                if form is QuoteFinder._reported_clause:
                    before = self._trailed_before_participle(quote, sentence, inside, cues)
                    quote = self._reported_in_turn(quote, sentence, inside, cues)
                    if before:  # "A, Tom Reed told reporters in Vilnius, adding that B"
                        return [before, quote]
                found = self._split_joined(quote) + self._participle_after(quote, sentence)
                if form is QuoteFinder._according_to:  # "According to a source, X told Y that"
                    found = self._with_reported_inside(found, quote, inside, cues)
                found += self._quoted_as_saying(quote, sentence)
                found += self._urged_after(quote, sentence)
                return found + self._reported_by_another(quote, sentence, directs)
        return []

    def _with_reported_inside(
        self,
        found: list[QuoteSpan],
        quote: QuoteSpan,
        inside: list[Span],
        cues: list[re.Match[str]],
    ) -> list[QuoteSpan]:
        """ "According to a source, Kelly told James Murdoch that ...": the clause a cue inside
        what a source relays reports is the cue's speaker's, as well as the source's relay."""
        clause = quote.span
        here = [c for c in cues if clause.start < c.start() < clause.end]
        inner = self._reported_clause(clause, inside, here) if here else None
        if inner is None or not inner.speaker:
            return found
        return [q for q in found if q.span != inner.span] + [inner]

    def _trailed_before_participle(
        self, quote: QuoteSpan, sentence: Span, inside: list[Span], cues: list[re.Match[str]]
    ) -> QuoteSpan | None:
        """ "Sanctions must hold, Tom Reed told reporters in Vilnius, adding that ...": when
        the clause found is a participle's after a comma, the trailing attribution before it
        reports the sentence's first clause."""
        cue_at = self.text.rfind(f", {quote.cue} ", sentence.start, quote.span.start)
        if quote.cue not in PARTICIPLE_REPORTS or cue_at < 0:
            return None
        trailing = self._trailing_attribution(sentence, inside, cues)
        if trailing is None or trailing.span.end > cue_at:
            return None
        return trailing

    def _reported_in_turn(
        self, quote: QuoteSpan, sentence: Span, inside: list[Span], cues: list[re.Match[str]]
    ) -> QuoteSpan:
        """ "Detectives believe he fled, a police source said": a clause whose own cue sits
        inside what a trailing attribution reports is part of that report."""
        if not any(cue.start() > quote.span.start for cue in cues):
            return quote  # no cue inside the clause: no trailing attribution there
        trailing = self._trailing_attribution(sentence, inside, cues)
        if trailing and trailing.span.start < quote.span.start < trailing.span.end:
            return trailing
        return quote

    def _urged_after(self, quote: QuoteSpan, sentence: Span) -> list[QuoteSpan]:
        """ "X warned that A and called on the union to B": B, what X urged."""
        joint = NEXT_CUE.pattern.match(self.text, quote.span.end, sentence.end)
        if joint is None or quote.kind != "indirect" or joint["pronoun"]:
            return []
        cue, rest = joint["cue"], joint.end() - 1  # URGED_TO starts at a space
        if f"{cue} on" in URGING_VERBS and self.text.startswith(" on ", rest):
            cue, rest = f"{cue} on", rest + 3
        urged = URGED_TO.pattern.match(self.text, rest, sentence.end)
        if cue not in URGING_VERBS or urged is None:
            return []
        clause = self._without_tail(self._clause(Span(urged.end(), sentence.end)))
        participle = PARTICIPLE_CUE.pattern.search(self.text, clause.start, clause.end)
        if participle:  # "... to act, adding that time was short": the adding is its own
            clause = Span(clause.start, participle.start())
        what = replace(quote, span=clause, cue=cue)
        found = [what] if len(clause.of(self.text).split()) >= 3 else []
        return found + self._participle_after(what, sentence)

    def _reported_by_another(
        self, quote: QuoteSpan, sentence: Span, directs: list[QuoteSpan]
    ) -> list[QuoteSpan]:
        """ "A said X, and the Norvex Group said Y": the second speaker's report, read as a
        sentence of its own."""
        joint = self._other_speaker_cue(quote.span.end, sentence.end)
        if joint is None or quote.kind != "indirect":
            return []
        return self.indirect(Span(joint.start("subject"), sentence.end), directs)

    def _other_speaker_cue(self, start: int, end: int) -> re.Match[str] | None:
        """OTHER_SPEAKER_CUE at `start`, when its cue may report a clause."""
        joint = OTHER_SPEAKER_CUE.pattern.match(self.text, start, end)
        if joint and self.lex.reporting_verbs.get(joint["cue"]) in ("bare", "that"):
            return joint
        return None

    def _participle_after(self, quote: QuoteSpan, sentence: Span) -> list[QuoteSpan]:
        """ "X said A, adding that B": B is a second reported clause of X's."""
        end = quote.span.end
        if self.text[end - 1 : end] in CLOSING_QUOTE_MARKS and self.text[end - 2 : end - 1] == ",":
            end -= 2  # the clause kept its quotation's close: '“fully funded,” adding that'
        participle = PARTICIPLE_CUE.pattern.match(self.text, end, sentence.end)
        if participle is None or quote.kind != "indirect":
            return []
        cue = participle["cue"]
        if self.lex.reporting_verbs.get(cue) not in ("bare", "that"):
            return []
        clause = self._without_tail(self._clause(Span(participle.end(), sentence.end)))
        words = clause.of(self.text).split()
        if len(words) < 3 or not (participle["that"] or _is_clause(words, self.lex)):
            return []
        return [replace(quote, span=clause, cue=cue)]

    def _quoted_as_saying(self, quote: QuoteSpan, sentence: Span) -> list[QuoteSpan]:
        """ "X, state media reported, quoting spokesman Y as saying B": B is Y's report."""
        quoting = QUOTING_AS_SAYING.pattern.search(self.text, quote.span.end, sentence.end)
        if quoting is None or quote.kind != "indirect":
            return []
        who = Span(quoting.start("who"), quoting.end("who"))
        speaker = self._source_speaker(who)
        clause = self._without_tail(self._clause(Span(quoting.end(), sentence.end)))
        if not speaker.key or not _is_clause(clause.of(self.text).split(), self.lex):
            return []
        if speaker.how == "according_to":  # the name after "quoting"
            speaker = replace(speaker, how="name_after_cue")
        return [_quote(clause, "indirect", speaker, "saying")]

    def _reports_after_quotations(
        self, paragraph: Span, directs: list[QuoteSpan], indirects: list[QuoteSpan]
    ) -> list[QuoteSpan]:
        """ "“We accept the mandate,” he said, adding that his party would ...": a reported
        clause after a quotation's cue is the quotation's speaker's."""
        found: list[QuoteSpan] = []
        if not any(q.speaker for q in directs) or self.text.find("ing ", *paragraph) < 0:
            return found  # no speaking quotation, or no participle
        for participle in PARTICIPLE_CUE.pattern.finditer(
            self.text, paragraph.start, paragraph.end
        ):
            at = participle.start()
            sentence = _containing(self.sentences, at)
            if sentence is None or any(q.span.start <= at < q.span.end for q in indirects):
                continue
            before = [q for q in directs if sentence.start <= q.span.end <= at and q.speaker]
            if not before or self.lex.reporting_verbs.get(participle["cue"]) not in (
                "bare",
                "that",
            ):
                continue
            quotation = before[-1]
            if self._cues_in(quotation.span.end, at) == [] or QUOTE_MARK_BETWEEN.search(
                self.text, quotation.span.end + 1, at
            ):
                continue  # no cue of its own after the quotation, or another quotation
            clause = self._without_tail(self._clause(Span(participle.end(), sentence.end)))
            words = clause.of(self.text).split()
            if len(words) >= 3 and (participle["that"] or _is_clause(words, self.lex)):
                found.append(
                    replace(quotation, span=clause, kind="indirect", cue=participle["cue"])
                )
        return found

    def _main_cue_inside(self, clause: Span, cues: list[re.Match[str]]) -> bool:
        """ "Ruiz, who told Reed about it, said ...": the clause after "told" holds the main
        clause's cue, after a comma; the cue in the relative clause reports nothing."""
        return any(
            clause.start < c.start() < clause.end
            and not c.group(0).endswith("ing")  # "..., adding that ...": a second clause
            and self.lex.reporting_verbs.get(c.group(0).lower()) in ("bare", "that")
            and self.text[clause.start : c.start()].rstrip().endswith(",")
            for c in cues
        )

    def _without_tail(self, clause: Span) -> Span:
        """A reported clause without the article's own comment after it (", taking ...") or
        the speaker's next cue into a direct quote ("but added, “...”"); a semicolon after a
        colon parts the items of a list, not the clause from a comment."""
        joined = JOINED_QUOTE.pattern.search(self.text, clause.start, clause.end)
        if joined and joined["cue"] in self.lex.reporting_verbs:
            clause = Span(clause.start, joined.start())
        clause = self._before_next_cue(clause)
        for tail in CLAUSE_TAIL.pattern.finditer(self.text, clause.start, clause.end):
            before = self.text[clause.start : tail.start()]
            if tail.group(0).startswith(";") and ":" in before:
                continue
            end = tail.start()
            if self.text[end + 1 : end + 2] in CLOSING_QUOTE_MARKS:
                end += 2  # 'was “fully funded,” adding ...': the quotation's close stays
            with_speaker = tail.group(0).startswith(", with")  # "..., with X saying ..."
            return Span(clause.start, end) if len(before.split()) >= 3 or with_speaker else clause
        return clause

    def _before_next_cue(self, clause: Span) -> Span:
        """The clause up to a conjunction and the speaker's next cue ("... and urged the union
        to ...", "... even as it reported ..."): what follows is reported apart, or not at all.
        Without a pronoun only a verb of urging counts ("the firm grew and reported ..." is
        the firm's). Another speaker's cue ends it too ("..., and the Norvex Group said")."""
        cut = min(self._next_cue_of_the_speaker(clause), self._next_cue_of_another(clause))
        if cut == clause.end or len(self.text[clause.start : cut].split()) < 3:
            return clause
        return Span(clause.start, clause.start + len(self.text[clause.start : cut].rstrip(",;")))

    def _next_cue_of_the_speaker(self, clause: Span) -> int:
        for joint in NEXT_CUE.pattern.finditer(self.text, clause.start, clause.end):
            cue = joint["cue"]
            reports = joint["pronoun"] and self.lex.reporting_verbs.get(cue) in ("bare", "that")
            urges = cue in URGING_VERBS or (  # "... and called on the union to ..."
                f"{cue} on" in URGING_VERBS and self.text.startswith("on ", joint.end())
            )
            if reports or urges:
                return joint.start()
        return clause.end

    def _next_cue_of_another(self, clause: Span) -> int:
        for joint in OTHER_SPEAKER_CUE.pattern.finditer(self.text, clause.start, clause.end):
            if self.lex.reporting_verbs.get(joint["cue"]) in ("bare", "that"):
                return joint.start("joint")
        return clause.end

    def _split_joined(self, quote: QuoteSpan) -> list[QuoteSpan]:
        """ "X said A but warned that B": two reported clauses of one speaker, each its own
        quote (", and that B" stays one clause)."""
        clause = quote.span
        joint = JOINED_CLAUSE.pattern.search(self.text, clause.start, clause.end)
        if joint is None:
            return [quote]
        first = self._clause(Span(clause.start, joint.start()))
        second = self._clause(Span(joint.end(), clause.end))
        if min(len(first.of(self.text).split()), len(second.of(self.text).split())) < 3:
            return [quote]
        cue, usage = joint["cue"], self.lex.reporting_verbs.get(joint["cue"])
        if usage not in ("bare", "that"):
            return [quote]
        if not joint["that"] and (
            usage != "bare" or not _is_clause(second.of(self.text).split(), self.lex)
        ):
            return [quote]  # "... and added a clause to the deal": no second report
        return [replace(quote, span=first), replace(quote, span=second, cue=cue)]

    def _any_reporting(self, cues: list[re.Match[str]]) -> bool:
        """Whether a cue may end a trailing attribution (_trails)."""
        verbs = self.lex.reporting_verbs
        return any(verbs.get(cue.group(0).lower()) in ("bare", "that") for cue in cues)

    def _trails(self, cue: re.Match[str], tail: Span) -> bool:
        """A bare cue, or one that needs "that" after a short subject ("..., doctors
        cautioned."): it may end a trailing attribution."""
        usage = self.lex.reporting_verbs.get(cue.group(0).lower())
        if usage == "bare":
            return True
        words = self.text[tail.start : cue.start()].lower().split()
        if usage != "that" or not words or len(words) > SHORT_TRAILING_SUBJECT:
            return False
        # not "..., a claim police denied": a thing, then whoever denied it
        return words[0] not in ("a", "an") or len(words) < 2 or words[1] in self.lex.unnamed_sources

    def _according_to(
        self, sentence: Span, inside: list[Span], cues: list[re.Match[str]]
    ) -> QuoteSpan | None:
        """ "According to X, ...", "..., according to X." and "..., according to X, ..."."""
        if self.text.find(ACCORDING_CLUE, sentence.start, sentence.end) < 0:
            return None
        found = _according_form(self.text[sentence.start : sentence.end])
        if not found:
            return None
        form, match = found
        clause = self._clause(
            Span(sentence.start + match.start("clause"), sentence.start + match.end("clause"))
        )
        if clause.end <= clause.start:  # ", according to X" after a line break: no words
            return None
        if form is not ACCORDING_FRONT and self._opens_with_quote(clause):
            return None  # "“...,” she said, according to X": a direct quote, relayed
        appositive = self._past_appositive(clause, form, match, sentence.start)
        source = Span(sentence.start + match.start("source"), sentence.start + match.end("source"))
        if self._names_a_measure(source):
            return None  # "contribute according to the size of its economy"
        speaker = self._source_speaker(source)
        if appositive.start < clause.start and not self.actors.between(source.start, source.end):
            # "according to her publisher, Harbour Books": the appositive names the source
            speaker = self._name_at(clause.start) or speaker
        clause = appositive
        cue = "According to" if form is ACCORDING_FRONT else "according to"
        return _quote(clause, "indirect", speaker, cue)

    def _names_a_measure(self, source: Span) -> bool:
        """Whether what follows "according to" is a measure or a rule, not a source."""
        words = DETERMINER.pattern.sub("", source.of(self.text)).split()
        return bool(words) and words[0] in MEASURES_NOT_SOURCES

    def _past_appositive(self, clause: Span, form: Rule, match: re.Match[str], offset: int) -> Span:
        """The reported clause, not the appositive that describes the source: "..., according
        to Ana Diaz, a professor of law." reports what comes before; "According to Ana Diaz,
        head of the unit, the road ..." what comes after the appositive."""
        if form is ACCORDING_MIDDLE and not _is_clause(clause.of(self.text).split(), self.lex):
            lead = self._clause(Span(offset + match.start("lead"), offset + match.end("lead")))
            if len(lead.of(self.text).split()) >= 3:
                return lead
        if form is ACCORDING_FRONT:
            comma = self.text.find(", ", clause.start, clause.end)
            head = self.text[clause.start : comma].split() if comma > 0 else []
            rest = self._clause(Span(comma + 2, clause.end)) if comma > 0 else clause
            if (
                head
                and len(head) <= APPOSITIVE_WORDS
                and (
                    head[0].lower() in ("a", "an", "the")
                    or head[0].lower() not in self.lex.function_words
                )
                and not _is_clause(head, self.lex)
                and len(rest.of(self.text).split()) >= 3
                and self._opens_clause(rest.of(self.text).split()[0])
            ):
                return rest
        return clause

    def _name_at(self, position: int) -> Speaker | None:
        """The actor named right at `position` ("the" aside), if one is."""
        if self.text.startswith("the ", position):
            position += len("the ")
        for mention in self.actors.between(position, position + 1):
            if not mention.possessive:
                return Speaker(mention.key, True, position, "according_to")
        return None

    def _opens_clause(self, word: str) -> bool:
        """Whether a word may open a clause: not "who" or "of", but "the" or "boys"."""
        word = word.lower()
        return word not in self.lex.function_words or word in self.lex.clause_starts

    def _source_speaker(self, source: Span) -> Speaker:
        pronoun = OBJECT_PRONOUN_SUBJECTS.get(source.of(self.text).strip().lower())
        if pronoun:  # "According to her, the suspects were held"
            return self._resolve_pronoun(pronoun, source.start)
        unnamed = self._unnamed_search(source.start, source.end)
        if unnamed and unnamed.start() <= source.start + 4:
            # "according to her sister, Greet Vandermeulen,": the person named after
            set_off = self._person_set_off_after(source, closed=True)
            if unnamed.end() == source.end and set_off:
                return set_off
            # "U.S. trade and farm officials"; "according to the webpage": the last source's
            return self._unnamed_or_referred(unnamed, of_its_own=False)
        for mention in self.actors.between(source.start, source.end):
            if mention.span.end <= source.end:
                # "according to UBS analyst John Hodulik": the person, not the firm
                person = self._person_titled_after(mention, source.end)
                return Speaker(person or mention.key, True, how="according_to")
        return (
            self._unnamed_before(source.end, source.start)
            or self._referred_source(source)
            or self._described_according(source)
            or self._person_set_off_after(source)
            or self._named_source(source)
        )

    def _person_set_off_after(self, source: Span, closed: bool = False) -> Speaker | None:
        """ "according to the Permanent Secretary, Dr Ana Ruiz,": the person named after;
        `closed`: only when a comma or a full stop closes the name (not "according to
        filings, Ana Ruiz has")."""
        if not self.text.startswith(", ", source.end):
            return None
        for mention in self.actors.between(source.end + 2, source.end + 3):
            if closed and self.text[mention.span.end : mention.span.end + 1] not in (",", "."):
                continue
            if self.actors.actors[mention.key].kind == "person":
                return Speaker(mention.key, True, mention.span.start, "according_to")
        return None

    def _described_according(self, source: Span) -> Speaker | None:
        """ "according to the race's medical service": a source no lexicon lists, unnamed."""
        match = DESCRIBED_ACCORDING.pattern.fullmatch(self.text, source.start, source.end)
        if match is None or match["noun"] in self.lex.function_words:
            return None
        person = self._person_set_off_after(source)  # "the finance director, Lena Marsh"
        if person:
            return person
        speaker = self._unnamed_actor(match, of_its_own=True)
        return speaker if speaker.found else None

    def _referred_source(self, source: Span) -> Speaker | None:
        """ "according to the regulator": whom the role refers back to."""
        words = source.of(self.text).split()
        if not 2 <= len(words) <= 4 or words[0].lower() != "the":
            return None
        key = self._role_referent(" ".join(words[1:]), source.start)
        return Speaker(key, True, source.start, "according_to") if key else None

    def _named_source(self, source: Span) -> Speaker:
        """ "According to the Harbour Trust": a capitalised source is an actor."""
        name = NAMED_SOURCE.pattern.match(self.text[source.start : source.end])
        if not name:
            return Speaker(None, False)
        start = source.start + name.start(1)
        text = name.group(1).strip()
        first = text.split()[0]
        kind = (
            "person"
            if self.lex.given_names.get(first, "?") != "?" and " " in text
            else "organization"
        )
        actor = self.actors.add(
            ArticleActor(text, text, kind), Span(start, start + len(text)), text
        )
        return Speaker(actor.key, True, start, "according_to")

    def _parenthetical(
        self, sentence: Span, inside: list[Span], cues: list[re.Match[str]]
    ) -> QuoteSpan | None:
        """ "The road, the mayor said, will reopen": a cue between two commas. When a clause of
        its own follows ("The man ran, the captain said, but then he fell"), the words before
        the cue are what was said."""
        if (
            self.text.count(", ", sentence.start, sentence.end) < 2
        ):  # the parenthetical's two commas
            return None
        body = self.text[sentence.start : sentence.end]
        for match in PARENTHETICAL.pattern.finditer(body):
            if match.group("cue").lower() not in self.lex.reporting_verbs or match.start() == 0:
                continue
            cue = Span(sentence.start + match.start("cue"), sentence.start + match.end("cue"))
            if self._overlaps(cue, inside):
                continue
            speaker = self.speaker_near_cue(
                cue, Span(sentence.start + match.start("who"), cue.start)
            )
            clause = self._clause(Span(sentence.start + match.end(), sentence.end))
            before = self._clause(Span(sentence.start, sentence.start + match.start()))
            after = clause.of(self.text).split()
            before_words = before.of(self.text).split()
            if CONJUNCTION.pattern.match(clause.of(self.text)) or (
                # "47 people were held, the police said, most of them for looting"; not "The
                # lesson learned, she noted, was ...": a verb there ends the subject before
                bool(after)
                and self._opens_clause(after[0])
                and not _is_clause(after, self.lex)
                and _is_clause(before_words, self.lex)
            ):
                clause = before
            elif (
                after
                and (
                    after[0] in PHRASE_OPENERS
                    or QUOTING_AS_SAYING.pattern.match(body, match.end() - 2)
                    # "X is weighing a tariff, two officials said, speaking on condition of ..."
                    or MANNER_OF_SPEAKING.pattern.match(self.text, clause.start)
                )
                and _is_clause(before_words, self.lex)
            ):
                clause = before  # "X agreed to buy Y, the company said, in a deal that ..."
            if (
                speaker.found
                and len(clause.of(self.text).split()) >= 3
                and not self._opens_with_quote(clause)
            ):
                return _quote(clause, "indirect", speaker, match.group("cue"))
        return None

    def _reported_clause(
        self, sentence: Span, inside: list[Span], cues: list[re.Match[str]]
    ) -> QuoteSpan | None:
        """ "X said (that) ...", "X told reporters ...", "X warned Kenya that ..."; `cues` are
        the sentence's."""
        for cue in cues:
            verb = cue.group(0).lower()
            usage = self.lex.reporting_verbs.get(verb, "that")
            if (
                verb == "according to"
                or usage == "quote"
                or NEGATED_CUE.pattern.search(self.text, max(0, cue.start() - 20), cue.start())
                or self._attributes_direct_quote(Span(cue.start(), cue.end()), inside)
            ):
                continue
            cited = CITED_AFTER_CUE.pattern.match(self.text, cue.end(), sentence.end)
            after_cue = cited.end() - 1 if cited else cue.end()  # "said, citing a source, that"
            rest = self.text[after_cue : sentence.end]
            that = THAT_CLAUSE.pattern.match(rest)
            if that and not self._gap_before_that(that.group(0).split()[:-1], usage, verb):
                that = None
            told = verb in TELLING_VERBS and TOLD_WHOM.pattern.match(rest)
            bare = usage == "bare" and (told or BARE_CLAUSE.pattern.match(rest))
            urged = None  # "urged X to ...", "accused X of ...": the words after the addressee
            if not that:
                urged = (verb in URGING_VERBS and URGED_TO.pattern.match(rest)) or (
                    verb in ACCUSING_VERBS and ACCUSED_OF.pattern.match(rest)
                )
            match = that or bare or urged
            if not match or (bare and not that and self._appositive_after_cue(bare)):
                continue  # "..., the envoy said Saturday, a deal that ...": no clause after
            clause = self._without_tail(self._clause(Span(after_cue + match.end(), sentence.end)))
            clause = self._before_the_main_clause(clause, cue)
            if MANNER_OF_SPEAKING.pattern.search(self.text, clause.start, clause.end):
                continue  # "..., two officials said, speaking on condition of anonymity"
            words = clause.of(self.text).split()
            if (
                not _long_enough(words, self.lex)
                or self._opens_with_quote(clause)
                or (bare and not that and not _is_clause(words, self.lex))
                or (that and verb in CUES_TAKING_A_THING and not _is_clause(words, self.lex))
                or (that and that.group(0) == " that " and not _may_have_a_verb(words, self.lex))
                or (urged and self._cues_in(cue.end(), clause.start))
                or self._main_cue_inside(clause, cues)
                or self._introduces_quote(clause, inside)
            ):
                continue
            speaker = self.speaker_near_cue(
                Span(cue.start(), cue.end()), Span(sentence.start, cue.start())
            )
            if speaker.found:
                return _quote(clause, "indirect", speaker, cue.group(0))
        return None

    def _before_the_main_clause(self, clause: Span, cue: re.Match[str]) -> Span:
        """ "Doocy, who she said condescended to her on air, Ailes responded that ...": what a
        cue in a relative clause reports ends where the main clause's subject and cue begin."""
        if not CUE_IN_A_RELATIVE_CLAUSE.pattern.search(
            self.text, max(0, cue.start() - 40), cue.start()
        ):
            return clause
        for main in MAIN_CLAUSE_AFTER.pattern.finditer(self.text, clause.start, clause.end):
            if self.lex.reporting_verbs.get(main["cue"]) in ("bare", "that"):
                return Span(clause.start, main.start())
        return clause

    def _gap_before_that(self, gap: list[str], usage: str, verb: str) -> bool:
        """Whether the words between a cue and "that" may stand there: whom it tells or when
        ("told reporters on Monday that"), more than five only after a preposition ("said in
        an interview with the Harcourt Times that"); not a clause's subject and verb, which a
        cue that needs no "that" reports whole ("said voters want leaders that listen")."""
        told_then_where = (
            len(gap) > 1 and gap[0] in CUE_OBJECTS and gap[1] in self.lex.prepositions_before_a_name
        )
        if len(gap) > 5 and not (
            gap[0] in self.lex.prepositions_before_a_name or gap[0].istitle() or told_then_where
        ):  # long: only "in an interview with ...", "told Prime Minister ...", "told jurors in"
            return False
        if len(gap) > 1 and gap[-1] in ("and", "but", "or"):
            return False  # "said the deficit had narrowed and that ...": one clause, then two
        function_words = self.lex.function_words
        subject_then_verb = (
            usage == "bare"
            and verb not in TELLING_VERBS  # "told state radio that": whom it tells
            and len(gap) > 1
            and gap[0].islower()
            and gap[0] not in function_words
            and gap[0] not in CUE_OBJECTS
            and gap[1] not in function_words
        )
        pronoun_then_verb = len(gap) > 1 and gap[0] in SUBJECT_PRONOUNS  # "said they could ..."
        # "said Türkiye and Hungary shared the view that ...": a named subject and its verb
        named_then_verb = (
            usage == "bare"
            and verb not in TELLING_VERBS
            and len(gap) > 1
            and gap[0].istitle()
            and not any(w in ("who", "which", "whose") for w in gap)
            and any(_past_or_listed_verb(w, self.lex) for w in gap[1:] if w.islower())
        )
        return not (subject_then_verb or pronoun_then_verb or named_then_verb)

    def _appositive_after_cue(self, bare: re.Match[str]) -> bool:
        """A comma after the cue's time, then DESCRIPTION_AFTER_CUE ("said Thursday, prices
        would fall" is a clause)."""
        return "," in bare.group(0) and bool(
            DESCRIPTION_AFTER_CUE.pattern.match(bare.string, bare.end())
        )

    def _ends_attribution(self, cue_end: int, tail: Span) -> bool:
        """After a trailing cue comes nothing but a time, or the speaker ("said Tom Reed"),
        or, at the sentence's end, whom it tells and where (TRAILING_CUE_END) after a tail
        that opens with no preposition (not "..., with 400 patients admitted in May.")."""
        tail_end = tail.end
        rest = self.text[cue_end:tail_end]
        if TIME_ONLY.pattern.fullmatch(rest):
            return True
        at_sentence_end = self.text[tail_end : tail_end + 2].strip() in ("", ".", "!", "?") or (
            PARTICIPLE_REPORT_AFTER.match(self.text, tail_end) is not None  # ", adding that"
        )
        opening = self.text[tail.start : tail.start + 12].split(maxsplit=1)[0].lower()
        told_where = TRAILING_CUE_END.pattern.fullmatch(rest)
        if at_sentence_end and opening not in CUE_TRAILING_PREPOSITIONS and told_where:
            return True  # "..., Anna Berg said in New Delhi.", "..., he told reporters."
        start = cue_end + len(rest) - len(rest.lstrip())
        if self.text.startswith("the ", start):  # "..., reported the Harbour Gazette."
            start += len("the ")
        return bool(self.actors.between(start, start + 1)) or bool(
            self.unnamed_pattern.match(self.text, start, tail_end)
        )

    def _attributes_direct_quote(self, cue: Span, inside: list[Span]) -> bool:
        """ "“...,” Ruiz told the judges": the cue belongs to the direct quote before it."""
        for quote in inside:
            between = self.text[quote.end : cue.start]
            if quote.start <= cue.start < quote.end:
                return True
            near = 0 <= cue.start - quote.end <= 80
            if near and not SENTENCE_BREAK_OR_AND.pattern.search(between[2:]):
                follows_that = self.text[cue.end : cue.end + 6].startswith(" that ")
                return not follows_that and any(c in between[:3] for c in '”"’')
        return False

    def _introduces_quote(self, clause: Span, inside: list[Span]) -> bool:
        """ "said at the hearing, “We only asked ...”": the clause leads into a direct quote."""
        return any(
            clause.start <= quote.start < clause.end
            and LEADS_INTO_QUOTE.pattern.search(self.text[clause.start : quote.start])
            for quote in inside
        )

    def _trailing_attribution(
        self, sentence: Span, inside: list[Span], cues: list[re.Match[str]]
    ) -> QuoteSpan | None:
        """ "..., X said." and "..., X said Monday, a plan that ...": the clause comes first.
        Only for a sentence with a bare cue: a cue in a tail is one of the sentence's."""
        if not self._any_reporting(cues):
            return None
        body = self.text[sentence.start : sentence.end]
        commas: list[int] = []  # where the tails before this one begin
        for match in TRAILING.pattern.finditer(body):
            commas.append(sentence.start + match.start())
            tail = Span(sentence.start + match.start("tail"), sentence.start + match.end("tail"))
            if CONJUNCTION.pattern.match(match.group("tail")):
                continue  # "..., and the council approved it": a clause of its own
            cues = [
                c
                for c in self._cues_in(tail.start, tail.end)
                if self._trails(c, tail)
                and self._ends_attribution(c.end(), tail)
                and not RELATIVE_PRONOUN.pattern.search(self.text, tail.start, c.start())
            ]  # "..., in a system that the agency announced last year": no attribution
            clause = self._clause(Span(sentence.start, sentence.start + match.start()))
            words = clause.of(self.text).split()
            if not cues or not _long_enough(words, self.lex) or self._opens_with_quote(clause):
                continue
            if not _may_have_a_verb(clause.of(self.text).split(), self.lex):
                continue  # "Tom Reed, the city manager, said the Trust ...": a name and its role
            if self._in_quotation(clause.start) or not self._short_quoted_end(
                clause, sentence.start + match.start()
            ):
                continue  # the clause is someone's quoted words, not the article's report
            if self.text[tail.end : tail.end + 3].lstrip(", ")[:1] in OPENING_MARKS:
                continue  # "..., Reed stated, “...”": the cue introduces a direct quote
            if self._overlaps(clause, inside) and clause.start >= min(o.start for o in inside) - 1:
                continue  # the clause is a direct quote: its attribution, not reported speech
            cue = Span(cues[0].start(), cues[0].end())
            speaker = self.speaker_near_cue(cue, Span(commas[-1], tail.end))
            first_comma = None
            if not speaker.found and cue.start == tail.start:
                speaker, first_comma = self._speaker_tails_back(cue, commas)
            if speaker.found:
                end = first_comma or self.text.rfind(
                    ",",
                    sentence.start,
                    min(speaker.start, tail.start) if speaker.start >= 0 else tail.start,
                )
                clause = self._clause(
                    Span(sentence.start, end if end > sentence.start else tail.start)
                )
                if _long_enough(clause.of(self.text).split(), self.lex):
                    return _quote(clause, "indirect", speaker, cues[0].group(0))
        return None

    def _speaker_tails_back(self, cue: Span, commas: list[int]) -> tuple[Speaker, int | None]:
        """ "..., a spokesman for the Trust, Tom Reed, said.": the speaker is in the one or two
        comma-parted phrases before a cue that opens its own (the farthest first, so that the
        clause keeps none of them); with the comma they begin at."""
        for comma in commas[-1 - TAILS_BACK : -1]:
            speaker = self.speaker_near_cue(cue, Span(comma, cue.start))
            if speaker.found:
                return speaker, comma
        return Speaker(None, False), None

    def _short_quoted_end(self, clause: Span, comma: int) -> bool:
        """For a clause whose comma closes a quotation ("... of “a few cars,” she said"):
        whether that quotation is a short phrase inside the clause, not a quote of its own."""
        if self.text[comma + 1 : comma + 2] not in CLOSING_QUOTE_MARKS:
            return True
        opening = next((o for o, c in reversed(self.quoted) if c == comma + 1), None)
        if opening is None or opening <= clause.start:
            return False
        words = len(self.text[opening:comma].split())
        lead = self.text[clause.start : opening].rstrip(' “"‘')
        return words <= SHORT_QUOTED_WORDS and not lead.endswith(":")

    # The forms of reported speech, tried in turn on each sentence: the first that finds one
    # gives the sentence's indirect quote.
    INDIRECT_FORMS: tuple[
        Callable[[QuoteFinder, Span, list[Span], list[re.Match[str]]], QuoteSpan | None], ...
    ] = (_according_to, _parenthetical, _reported_clause, _trailing_attribution)

    def _no_cue(self, cue: re.Match[str]) -> bool:
        """A cue's word used otherwise: a noun before a cue ("member states said"), an
        adjective after an article ("an estimated $12 billion"), or "added" before an amount
        ("added 1.2%", "added 18 rebounds")."""
        word = cue.group(0).lower()
        after = NEXT_WORD_AFTER_CUE.match(self.text, cue.end())
        if after and word.endswith("s") and after.group(1) in self.lex.reporting_verbs:
            return word != "says"  # "member states said"; not "says claims ..."
        if ARTICLE_BEFORE_CUE.search(self.text, max(0, cue.start() - 4), cue.start()):
            return True
        if (
            word.endswith("ing")
            and after
            and after.group(1) not in self.lex.function_words
            and MODIFIER_BEFORE.search(self.text, max(0, cue.start() - 20), cue.start())
        ):
            return True  # "a TV writing gig", "a seat-belt warning chime": a noun's modifier
        return word in ADDING_WORDS and AMOUNT_AFTER.match(self.text, cue.end()) is not None

    def _clause(self, span: Span) -> Span:
        value = span.of(self.text)
        stripped = value.rstrip(" .,;:!?")
        lead = len(value) - len(value.lstrip())
        if value[lead : lead + 2].isupper() and (
            dateline := DATELINE.pattern.match(value, lead, len(stripped))
        ):
            lead = dateline.end()  # "BALTIMORE (AP) — A fire ...": the story, not its dateline
        return Span(span.start + lead, span.start + len(stripped))

    def _opens_with_quote(self, clause: Span) -> bool:
        around = self.text[max(0, clause.start - 1) : clause.start + 1]
        return any(c in OPENING_MARKS for c in around)

    @staticmethod
    def _overlaps(span: Span, others: list[Span]) -> bool:
        return any(span.start < o.end + 1 and o.start - 1 < span.end for o in others)

    # -- the article ---------------------------------------------------------------

    def find(self, paragraphs: list[tuple[Span, list[Span]]]) -> list[QuoteSpan]:
        found: list[QuoteSpan] = []
        previous_paragraph: list[QuoteSpan] = []
        for paragraph, sentences in paragraphs:
            cues = self.cues.find_all(self.text, paragraph.start, paragraph.end)
            cues = [cue for cue in cues if not self._no_cue(cue)]
            self.paragraph_cues = MatchesInRange(cues)
            self.paragraph_starts.append(paragraph.start)
            self.sentences = sentences
            marks = _marks(self.text, paragraph)
            self.quoted.extend((open_at, close_at) for open_at, close_at, _ in marks)
            spoken_before = len(self.spoken)
            directs = self.direct(paragraph, sentences, marks)
            indirects = [q for s in sentences for q in self.indirect(s, directs)]
            directs = self._pronouns_after_reported_speech(directs, indirects, spoken_before)
            directs = [self._reporters_quotation(q, indirects) for q in directs]
            indirects += self._reports_after_quotations(paragraph, directs, indirects)
            here = _once(sorted(directs + indirects, key=lambda q: q.span.start))
            here = self._inherit_speakers(here, previous_paragraph, paragraph, spoken_before)
            del self.spoken[spoken_before:]
            self.spoken.extend((q.span.start, q.speaker, q.span.end) for q in here if q.speaker)
            found.extend(self._with_confidence(q) for q in here)
            previous_paragraph = here
            self.previous_unclosed = bool(marks) and not marks[-1][2]
        return self._named_later(found)

    def _named_later(self, quotes: list[QuoteSpan]) -> list[QuoteSpan]:
        """ "Egypt's foreign minister said ..." then "Foreign Minister Tarek Abdel-Rahman said":
        an unnamed person whose role is the title of the one person the article names with
        it is that person."""
        titled: dict[str, list[ArticleActor]] = {}
        for actor in self.actors.actors.values():
            if actor.kind == "person" and not actor.unnamed and actor.title:
                titled.setdefault(actor.title.lower(), []).append(actor)
        named: dict[str, str] = {}
        for actor in self.actors.actors.values():
            if actor.kind != "person" or not actor.unnamed:
                continue
            owner, _, role = actor.name.rpartition("'s ")
            people = titled.get(role.lower(), [])
            code = self.lex.countries.get(owner) if owner else None
            if len(people) == 1 and people[0].country_code in (None, code):
                named[actor.key] = people[0].key
        if not named:
            return quotes
        return [
            self._with_confidence(replace(q, speaker=named[q.speaker], attribution="role_noun"))
            if q.speaker in named
            else q
            for q in quotes
        ]

    def _pronouns_after_reported_speech(
        self, directs: list[QuoteSpan], indirects: list[QuoteSpan], spoken_before: int
    ) -> list[QuoteSpan]:
        """ "Moss said Reed pushed him. “It was a rite of passage,” he says.": the pronoun is
        chosen again once the paragraph's reported speech is known, so that Moss, who just
        spoke, counts as the last speaker (the quotations are found before the reports). Not
        for a quotation in the first person ("“I just kept running,” he said" after "Moss
        said Reed scored" is as likely Reed's)."""
        reported = [(q.span.start, q.speaker, q.span.end) for q in indirects if q.speaker]
        if not reported:
            return directs
        earlier = self.spoken[:spoken_before]
        here = [(q.span.start, q.speaker, q.span.end) for q in directs if q.speaker]
        chosen = []
        for quote in directs:
            if (
                (quote.attribution != "pronoun" and quote.speaker_at < 0)
                or reported[0][2] > quote.span.start
                or FIRST_PERSON_OPENING.match(self.text, quote.span.start)
            ):
                chosen.append(quote)
                continue
            heard = sorted(item for item in here + reported if item[2] <= quote.span.start)
            kept, self.spoken = self.spoken, earlier + heard
            pronoun = self.text[quote.speaker_at :].split(maxsplit=1)[0].lower()
            speaker = self._resolve_pronoun(pronoun, quote.speaker_at)
            speaker = self._not_named_inside(speaker, quote.span)
            self.spoken = kept
            again = replace(
                quote, speaker=speaker.key, attribution="pronoun", choice=speaker.choice
            )
            chosen.append(again if speaker.key else quote)
        return chosen

    def _reporters_quotation(self, direct: QuoteSpan, indirects: list[QuoteSpan]) -> QuoteSpan:
        """A quotation inside a reported clause with no cue of its own in the clause before it
        is the reporter's words ("X wrote that Y had “made us better,” and Z said ..." is X's,
        whatever cue comes after)."""
        for clause in indirects:
            start, end = clause.span.start, clause.span.end
            if not (start <= direct.span.start and direct.span.end <= end):
                continue
            if clause.speaker is None or self._cues_in(start, direct.span.start):
                return direct
            return replace(
                direct, speaker=clause.speaker, cue=clause.cue, attribution=clause.attribution
            )
        return direct

    def _with_confidence(self, quote: QuoteSpan) -> QuoteSpan:
        if quote.attribution is None:
            return quote
        confidence = self.lex.attribution_confidence[f"{quote.kind} {quote.attribution}"]
        return replace(quote, confidence=confidence)

    def _inherit_speakers(
        self,
        quotes: list[QuoteSpan],
        previous: list[QuoteSpan],
        paragraph: Span,
        spoken_before: int,
    ) -> list[QuoteSpan]:
        """A quote with no source near it takes the speaker of the quotes around it; the last
        speaker is the last one heard before it, this paragraph's reports included."""
        before_paragraph = next((q.speaker for q in reversed(previous) if q.speaker), None)
        opens_paragraph = self.text[paragraph.start] in OPENING_MARKS
        last_before = _last_speakers(quotes)  # the nearest earlier speaker in the paragraph
        first_after = _last_speakers(quotes[::-1])[::-1]  # the nearest later one
        result = []
        for i, quote in enumerate(quotes):
            if quote.speaker is None and quote.cue is None:
                neighbours = {
                    "previous_quote": last_before[i],
                    "next_quote": first_after[i],
                    "previous_paragraph_quote": before_paragraph,
                    "previous_paragraph_quote_opening": before_paragraph
                    if opens_paragraph
                    else None,
                    "continues_quotation": before_paragraph
                    if opens_paragraph and self.previous_unclosed
                    else None,
                }
                heard = [
                    (q.span.start, q.speaker, q.span.end)
                    for q in quotes[:i]
                    if q.speaker and q.span.end <= quote.span.start
                ]
                kept, self.spoken = self.spoken, self.spoken[:spoken_before] + heard
                speaker, choice = self._carried_speaker(quote.span.start, neighbours)
                self.spoken = kept
                if speaker is None and opens_paragraph and quote.span.start <= paragraph.start + 1:
                    speaker = self._named_next(quote.span.end, paragraph)
                quote = QuoteSpan(
                    quote.span, quote.kind, speaker, None, _carried(speaker), choice=choice
                )
            elif quote.speaker is None and quote.kind == "indirect":
                speaker = last_before[i] or before_paragraph
                quote = QuoteSpan(quote.span, quote.kind, speaker, quote.cue, _carried(speaker))
            result.append(quote)
        return result

    def _named_next(self, end: int, paragraph: Span) -> str | None:
        """ "“You can hear it before you see it.” Tomasz Wierzbicki is standing on a ridge":
        a quotation that opens its paragraph, a whole sentence, with no one to carry from, is
        the person the next sentence names first (within a few words)."""
        if self.text[end - 1 : end] not in ".!?":
            return None
        reach = min(paragraph.end, end + NEXT_SENTENCE_REACH)
        for mention in self.actors.between(end, reach):
            actor = self.actors.actors[mention.key]
            if actor.kind == "person" and not actor.unnamed and not mention.possessive:
                return mention.key
            return None  # the first actor is no person
        return None

    def _carried_speaker(
        self, position: int, neighbours: dict[str, str | None]
    ) -> tuple[str | None, Choice]:
        """The best scoring speaker for a quote with no cue at `position`: the speakers of the
        quotes around it (`neighbours`: feature -> key) and the actors named before it."""
        extra: dict[str, list[tuple[str, float]]] = {}
        for name, key in neighbours.items():
            if key is not None:
                extra.setdefault(key, []).append((name, 1.0))
        window = self._window_start(position, CARRIED_PARAGRAPHS_BACK)
        candidates = self._mentioned_candidates(window, position, _may_speak, extra)
        introduced = bool(candidates) and self._after_colon(position)
        if introduced:  # "X answered the critics: “...”"
            candidates = [_with(c, ("after_colon", 1.0)) for c in candidates]
            candidates[0] = _with(candidates[0], ("colon_nearest", 1.0))
        chosen = best(candidates, CARRIED, self.weights)
        # Next to other quotes, or introduced by a colon, the quote is someone's: the best
        # candidate's; alone, only a likely speaker speaks.
        likely = chosen is not None and (chosen[1] > 0 or introduced or any(neighbours.values()))
        speaker = chosen[0].key if chosen and likely else None
        return speaker, Choice(CARRIED, tuple(candidates))

    def _after_colon(self, position: int) -> bool:
        """Whether the quote at `position` follows a colon ("X said the following: “...”")."""
        return self.text[max(0, position - 6) : position].rstrip(' \n“"‘«').endswith(":")


def _may_speak(actor: ArticleActor) -> bool:
    return actor.kind != "country"


def _once(quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """Each quote once: a clause after ", adding that" may be found by two forms."""
    seen: set[tuple[Span, str]] = set()
    unique = []
    for quote in quotes:
        if (quote.span, quote.kind) not in seen:
            seen.add((quote.span, quote.kind))
            unique.append(quote)
    return unique


def _plural_source(noun: str) -> bool:
    """ "officials", "police": many; "a witness", "the actress": one."""
    return noun in COLLECTIVE_SOURCES or (noun.endswith("s") and not noun.endswith("ss"))


def _quote(span: Span, kind: str, speaker: Speaker | None, cue: str | None) -> QuoteSpan:
    if speaker is None or speaker.key is None:
        # a pronoun with no antecedent yet keeps its place, to be chosen again
        at = speaker.start if speaker is not None and speaker.how == "pronoun" else -1
        return QuoteSpan(span, kind, None, cue, speaker_at=at)
    return QuoteSpan(
        span, kind, speaker.key, cue, speaker.how, choice=speaker.choice, speaker_at=speaker.start
    )


def _inside_another(mention: MentionSpan, mentions: list[MentionSpan]) -> bool:
    """ "Trump" inside "the Trump campaign": a mention within a longer one."""
    start, end = mention.span
    return any(
        other.span.start <= start and end <= other.span.end and other.span != mention.span
        for other in mentions
    )


def _carried(speaker: str | None) -> str | None:
    return "carried_over" if speaker else None


def _with(candidate: Candidate, *features: tuple[str, float]) -> Candidate:
    return Candidate(candidate.key, (*candidate.features, *features))


def _spoken_at(spoken: tuple[int, str, int]) -> int:
    return spoken[0]


def _opening(quotation: tuple[int, int]) -> int:
    return quotation[0]


def _next_word(text: str, position: int) -> int:
    """Where the word after `position` (a mark) starts: past the mark and any spaces."""
    following = position + 1
    while following < len(text) and text[following].isspace():
        following += 1
    return following
