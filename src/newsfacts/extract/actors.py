"""Actors: people, organisations, countries and named groups, found by general rules.

A run of capitalised words is split into an optional title (with a country
before it) and a name, then classified: a known actor from the registry, a
country (pycountry and its short forms), an organisation (organisation words,
acronyms), or a person (a title, a known given name, or a name that reports
speech). Surnames, acronyms, country short forms and short forms of organisations
("the Commission") are linked to the full names given elsewhere in the article. A single
unknown name becomes an organisation or a group only on what the article says of it
("companies like Norvex", "told Norvex", "Norvex gunmen", "Norvex has ..." twice), never
where it is used as a place.

The patterns and word lists are actor_rules.py's and the lexicons'; this module holds how
they combine.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from operator import attrgetter
from typing import NamedTuple

from .actor_rules import (
    ABBREVIATIONS_ENDING_A_NAME,
    ACCOUNT_AFTER,
    ACRONYM_IN_BRACKETS,
    ACTION_VERBS,
    ADJECTIVE_ENDING,
    AFTER_CUE,
    AFTER_INDEFINITE_ARTICLE,
    AFTER_PLACE_WORD,
    AGE_AFTER,
    AGENCY_IN_A_DATELINE,
    AGENT_ENDINGS,
    ARABIC_PARTICLE,
    ARABIC_PREFIX,
    ARABIC_PREFIX_WORDS,
    CAMPUS_AFTER,
    CAMPUS_WORDS,
    COMPANY_SUFFIXES,
    CONNECTORS,
    CONTRACTION,
    DATELINE_AFTER,
    DESCRIBED_AFTER_NAME,
    DESCRIBES,
    DESCRIBING_SUFFIXES,
    DESCRIPTIVE_ACRONYMS,
    EMPLOYED_AT,
    END_OF_A_LONGER_NAME,
    EVENT_NOUNS,
    FIRST_PERSON_QUOTE_AFTER,
    FIRST_PERSON_QUOTE_BEFORE,
    FUNCTION_WORDS_AS_GIVEN_NAMES,
    GENDERED_PRONOUN_AFTER,
    GOVERNMENT,
    GOVERNMENT_WORDS,
    GROUP_MEMBERS_AFTER,
    GROUP_NOUNS,
    IN_A_PLACE,
    INDEFINITE_BEFORE,
    INNER_PERIOD_OR_QUOTE,
    INSIDE_A_RELATIVE_CLAUSE,
    IRREGULAR_PLURALS,
    JOINERS,
    KINSHIP_BEFORE,
    KINSHIP_NOUNS,
    LOCAL_GOVERNMENTS,
    LOWER_CAMEL_CASE,
    MATCH_VERB_AFTER,
    MATCH_VERB_BEFORE,
    MONTH_AS_A_DATE,
    MONTHS,
    NAMED_BEFORE,
    NOT_ALPHANUMERIC,
    NOUN_AFTER_THE_NAME,
    OFFICE_HOLDERS_TEAMS,
    ORDINAL_BEFORE,
    ORGANIZATION_APPOSITIVE,
    ORGANIZATION_NOUN_BEFORE,
    ORGANIZATION_NOUNS,
    PARTICLES,
    PERSON_NOUN_BEFORE,
    PERSON_VERBS,
    PLACE_BEFORE,
    PLACE_NOUN_OF,
    PLACE_WORDS_IN_SURNAMES,
    POLITICAL_ADJECTIVES,
    PORTFOLIO_NOUNS,
    POSSESSIVE_ENDINGS,
    POSSESSIVE_OF_A_THING,
    POST_NOMINALS,
    POST_OF,
    POSTED_ON,
    POSTS,
    PRIZE_WORDS,
    PRONOUN_AFTER,
    PRONOUN_GENDERS,
    PUNCTUATION_OR_SMALL_WORD,
    QUOTE_CLOSE_THEN_CUE,
    REGION_AFTER,
    REGIONS_AFTER_A_PLACE,
    RELATIVE_THEN_VERB,
    ROLE_THEN_VERB,
    ROMAN_NUMERAL,
    SITE_AFTER,
    STAFF_AFTER,
    STAFF_POSTS,
    SYLLABIC_NAME,
    TEAM_CONTEXT_AFTER,
    TEAM_CONTEXT_BEFORE,
    TEAM_FIRST_WORDS,
    TEAM_WORDS,
    THE_BEFORE_AN_OWNER,
    THE_IN_A_NAME,
    THE_OR_NUMBER_BEFORE,
    TITLE_MODIFIERS,
    TOKEN,
    TOLD_BEFORE,
    UNIT_WORDS,
    VERB_AFTER_NAME,
    VERB_AFTER_WORD,
    WEEKDAYS,
    WORD_AFTER,
)
from .fast import WordSkipper, holds_any, holds_as_words
from .lexicons import Lexicons, word_list, word_set, word_table
from .quote_rules import NICKNAME
from .statistic_rules import CURRENCIES
from .text import ABBREVIATIONS, Span

# -- shortcuts (fast.py) -------------------------------------------------------------------

# Where a capitalised word may begin: anything but lower-case letters, digits, spaces and
# punctuation; or an Arabic prefix (ARABIC_PARTICLE, which holds a hyphen). Two patterns: as
# one they are searched far more slowly. The words skipped cannot start a run.
NOT_LOWER_CASE = re.compile(r"[^a-z\d\s.,;:!?'\"‘’“”()\[\]%$&/—–-]")
LOWER_CASE_WORDS = WordSkipper(NOT_LOWER_CASE, ARABIC_PARTICLE.pattern, prefix_holds="-")


@dataclass
class ArticleActor:
    """An actor as found in one article; ``key`` is its canonical name."""

    key: str
    name: str
    kind: str
    title: str | None = None
    country_code: str | None = None
    aliases: set[str] = field(default_factory=set)
    gender: str = "?"
    unnamed: bool = False
    registry_id: str | None = None


class MentionSpan(NamedTuple):
    span: Span
    key: str
    possessive: bool = False


@dataclass(frozen=True)
class RegistryEntry:
    actor_id: str
    name: str
    kind: str
    title: str | None
    country_code: str | None
    aliases: tuple[str, ...]

    def actor(self) -> ArticleActor:
        return ArticleActor(
            self.name,
            self.name,
            self.kind,
            self.title,
            self.country_code,
            registry_id=self.actor_id,
        )


@dataclass
class ArticleActors:
    actors: dict[str, ArticleActor] = field(default_factory=dict)
    mentions: list[MentionSpan] = field(default_factory=list)  # kept in text order by add()
    # Counts the changes to named actors (a mention, a title, a merge): an index of them built
    # at one count holds until the next
    named_changes: int = 0

    def add(
        self, actor: ArticleActor, span: Span, surface: str, possessive: bool = False
    ) -> ArticleActor:
        existing = self.actors.setdefault(actor.key, actor)
        if not existing.unnamed:
            self.named_changes += 1
        if surface != existing.name:
            existing.aliases.add(surface)
        existing.title = existing.title or actor.title
        existing.country_code = existing.country_code or actor.country_code
        if existing.gender == "?":
            existing.gender = actor.gender
        mention = MentionSpan(span, existing.key, possessive)
        if self.mentions and span < self.mentions[-1].span:
            insort(self.mentions, mention, key=_position)
        else:
            self.mentions.append(mention)  # most mentions come in text order
        return existing

    def merge(self, source: str, target: str) -> None:
        """ArticleActor `source` is `target` under another name: move its names and mentions."""
        moved = self.actors.pop(source)
        self.named_changes += 1
        kept = self.actors[target]
        kept.aliases |= moved.aliases | {moved.name}
        kept.title = kept.title or moved.title
        kept.gender = kept.gender if kept.gender != "?" else moved.gender
        self.mentions = [
            MentionSpan(m.span, target, m.possessive) if m.key == source else m
            for m in self.mentions
        ]

    def before(self, position: int) -> Iterator[MentionSpan]:
        """The mentions that begin before `position`, nearest first."""
        index = bisect_left(self.mentions, position, key=_start)
        return (self.mentions[i] for i in range(index - 1, -1, -1))

    def between(self, start: int, end: int) -> list[MentionSpan]:
        """The mentions that begin in [start, end), in text order."""
        low = bisect_left(self.mentions, start, key=_start)
        high = bisect_left(self.mentions, end, lo=low, key=_start)
        return self.mentions[low:high]


# What must be in the text before a name for ORGANIZATION_NOUN_BEFORE's list to match
LIST_OPENERS = (" like ", " such as ", " including ")
# A person of unknown gender takes the one that at least this many pronouns after its
# mentions tell, and this many times as many as tell the other ("Kelly ... her", 10 to 2)
PRONOUNS_TO_TELL = 2
PRONOUN_MAJORITY = 3
# A role noun before a name ("Economist Ana Ruiz"): the name is at most this many words (a
# longer capitalised run after "People" is a headline, not a person)
MAX_NAME_WORDS = 4
NEXT_LOWER_WORD = re.compile(r"\s([a-z]+)\b")
ORG_FINAL_WORDS = word_set("org_final_words.txt")
POLICE_FORCE_WORDS = frozenset({"Police", "Constabulary"})  # a force ends its name with one
MIN_CLIPPED_WORD = 4  # "Pharma" of "Pharmaceuticals": a clipped word this long at least
PERSON_NOUN_SUFFIXES = ("ist", "ian")  # "journalist", "historian": nouns for a person
# How far before a name its context rules look, in characters
SENTENCE_OPENERS = frozenset('.!?\n"“‘')  # what may come just before a sentence's first word
ORDINAL_REACH, PREPOSITION_REACH, PLACE_NOUN_REACH, WORK_REACH = 12, 12, 30, 40
_position = attrgetter("span")  # a mention's (start, end)
_start = attrgetter("span.start")


@lru_cache(maxsize=4096)
def slug(name: str) -> str:
    """A readable id: "Jane Morrow" -> "jane-morrow", "U.S. official" -> "us-official"."""
    ascii_name = (
        unicodedata.normalize("NFKD", name.removeprefix("The ")).encode("ascii", "ignore").decode()
    )
    ascii_name = INNER_PERIOD_OR_QUOTE.pattern.sub("", ascii_name.lower())
    readable = NOT_ALPHANUMERIC.pattern.sub("-", ascii_name).strip("-")
    # a name with no Latin letters ("李明") gets a stable id from its hash
    return readable or f"actor-{hashlib.sha256(name.encode()).hexdigest()[:10]}"


def _runs(text: str, paragraph: Span, org_words: frozenset[str]) -> list[list[Span]]:
    """Runs of capitalised tokens, joined by spaces and lower-case name connectors; a
    possessive ends a run ("Norway's Fjord Bank" is two), but not a plural's before an
    organisation word (`org_words`: "Retail Workers' Union")."""
    runs: list[list[Span]] = []
    current: list[Span] = []
    pending: list[Span] = []  # connectors after the run, kept when a capitalised word follows
    last_word = ""  # the run's last word
    previous_end = -1
    end = paragraph.end
    tokens = TOKEN.pattern.finditer(text, LOWER_CASE_WORDS.skip(text, paragraph.start, end), end)
    while match := next(tokens, None):
        word = match.group()
        start, position = match.span()
        capitalised = word[0].isupper() or _is_capitalised(word)  # most words: no call
        if not current:  # a capitalised word opens a run
            if capitalised and not _describes(word):
                current, last_word = [Span(start, position)], word
        elif not capitalised and word not in CONNECTORS:  # most words: no name goes on
            runs.append(current)
            current, pending = [], []
        elif not _joins(pending, last_word, text[previous_end:start]) and not (
            _possessive_in_a_name(text[current[-1].start : start].rstrip(), word, org_words)
            or _portfolio_listed(text, current, last_word, word, text[previous_end:start])
            or (not pending and _nickname_joins(text, previous_end, start))
        ):
            runs.append(current)
            current, pending = [], []
            if capitalised and not _describes(word):
                current, last_word = [Span(start, position)], word
        elif not capitalised:
            if len(pending) < 2:
                pending.append(Span(start, position))
            else:
                runs.append(current)
                current, pending = [], []
        elif _describes(word):  # "Lisbon-based" describes the name that follows
            runs.append(current)
            current, pending = [], []
        else:
            current.extend(pending)
            current.append(Span(start, position))
            pending, last_word = [], word
        previous_end = position
        if not current:  # go on from the next word that may open a run
            tokens = TOKEN.pattern.finditer(text, LOWER_CASE_WORDS.skip(text, position, end), end)
    if current:
        runs.append(current)
    return runs


def _nickname_joins(text: str, previous_end: int, start: int) -> bool:
    """'Eddie "Doc" Salcedo': a nickname in quotation marks inside a person's name (NICKNAME),
    its opening mark after the given name and its closing mark before the surname."""
    gap = text[previous_end:start]
    if gap in (' "', " “"):
        return NICKNAME.pattern.match(text, previous_end) is not None
    if gap in ('" ', "” "):
        open_at = max(text.rfind(mark, max(0, previous_end - 30), previous_end) for mark in '"“')
        nickname = NICKNAME.pattern.match(text, open_at - 1) if open_at > 0 else None
        return nickname is not None and nickname.end() == start
    return False


def _portfolio_listed(text: str, current: list[Span], last_word: str, word: str, gap: str) -> bool:
    """ "Ministry of Health, Labour and Welfare": a comma between two portfolios after "of"
    inside a name."""
    if gap != ", " or last_word not in PORTFOLIO_NOUNS or word not in PORTFOLIO_NOUNS:
        return False
    return len(current) >= 3 and text.find(" of ", current[0].start, current[-1].start) >= 0


def _words_before(words: list[str]) -> list[str]:
    """The words of a run before a connector, back to the one before it."""
    at = max((i for i, w in enumerate(words) if w in CONNECTORS), default=-1)
    return words[at + 1 :]


def _words_after(words: list[str]) -> list[str]:
    """The words of a run after a connector, up to the next one."""
    at = next((i for i, w in enumerate(words) if w in CONNECTORS), len(words))
    return words[:at]


def _describes(word: str) -> bool:
    """ "Lisbon-based" (DESCRIBES, tested only where a hyphen is); not a given name of two
    syllables ("Kim Do-yeon", "Jin-woo Baek")."""
    if "-" not in word:
        return False
    described = DESCRIBES.pattern.search(word)
    if described is None:
        return False
    suffix = described["suffix"]
    syllabic = SYLLABIC_NAME.fullmatch(word) is not None
    return not syllabic or suffix in DESCRIBING_SUFFIXES or suffix.endswith("ed")


def _joins(pending: list[Span], last_word: str, gap: str) -> bool:
    """Whether the next token may continue the open run after `gap`."""
    if last_word.endswith(POSSESSIVE_ENDINGS):
        return False
    if gap == " " or (gap == " & " and not pending):  # "Voss & Reed": one name
        return True
    return gap == ". " and not pending and _takes_period(last_word)


# "The Minister of State for Rural Development, Shri ": a capitalised post after "the", a comma,
# and perhaps an honorific before the name
POST_BEFORE = re.compile(
    r"\b[Tt]he\s(?P<post>(?:[A-Z][\w'-]*\s(?:(?:of|for|and)\s)?){0,6}[A-Z][\w'-]*),\s"
    r"(?:[A-Z][a-z]{0,5}\.?\s)?$"
)
PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:in|of|at|from|near|across)\s(?:the\s)?$")
OFFICES_OF_A_POST = frozenset({"Office", "Department"})
KINSHIP_GENDERS = word_table("kinship_genders.txt")  # "father" -> "m"
PATRONYMIC_PARTICLES = frozenset({"bin", "binti", "binte", "bte", "ibn"})  # "Ali bin Sami"
KIN_BEFORE = re.compile(rf"\b({'|'.join(KINSHIP_GENDERS)}),?\s$", re.IGNORECASE)
COUNTY_ABBREVIATIONS = frozenset({"Co", "Co."})  # "Co Kerry": a county, not a company
TITLE_LAST_WORDS = frozenset(title.split()[-1] for title in word_list("titles.txt"))  # "Sheriff"


def _possessive_in_a_name(possessive: str, following: str, org_words: frozenset[str]) -> bool:
    """ "Retail Workers' Union", "Women's Tennis Federation": a plural's possessive inside a
    name, before an organisation word or after a plural with no final "s"; not "Norway's
    Fjord Bank", "American Airlines' Kent Powell"."""
    if not possessive.endswith(POSSESSIVE_ENDINGS) or not following[:1].isupper():
        return False
    if _without_possessive(possessive).lower() in IRREGULAR_PLURALS:
        return True
    post = _without_possessive(possessive)
    if (
        following in OFFICES_OF_A_POST
        and post in TITLE_LAST_WORDS
        and possessive.endswith(("'s", "’s"))
    ):
        return True  # "the District Attorney's Office", "the Sheriff's Department"
    return possessive.endswith(("s'", "s’")) and following in org_words


def _without_possessive(word: str) -> str:
    """The word without a possessive ending ("Reed’s", "Jones'")."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word[:-1] if word.endswith(("'", "’")) else word


def _is_capitalised(word: str) -> bool:
    if word[0].isupper():
        return True
    if "-" in word and ARABIC_PREFIX.pattern.match(word):
        return True
    return LOWER_CAMEL_CASE.pattern.match(word) is not None


def _takes_period(word: str) -> bool:
    """An initial ("J.") or an abbreviated title ("Sen.") keeps its name together."""
    return len(word) == 1 or word.lower() in ABBREVIATIONS


class Name(NamedTuple):
    """A run of capitalised words that may name an actor."""

    run: list[Span]
    words: list[str]  # the run's words, a final possessive removed
    span: Span
    text: str
    possessive: bool
    initial: bool  # the run opens its sentence

    @classmethod
    def of(cls, run: list[Span], words: list[str], article_text: str, initial: bool) -> Name:
        last = run[-1]
        span = Span(run[0].start, last.start + len(words[-1]))
        possessive = len(words[-1]) < last.end - last.start  # words() left its ending out
        return cls(run, words, span, article_text[span.start : span.end], possessive, initial)


class Title(NamedTuple):
    """ "U.S. Secretary of State Jane Morrow" -> USA, "Secretary of State", "?", [Jane, Morrow]."""

    country_code: str | None
    title: str | None
    gender: str
    core: list[str]


class ActorFinder:
    """Finds the actors of one article."""

    def __init__(self, text: str, lex: Lexicons, registry: dict[str, RegistryEntry]) -> None:
        self.text = text
        self.lex = lex
        self.registry = registry
        self.found = ArticleActors()
        self.title_set, self.lowercase_titles, self.titles_by_first = _title_tables(lex)
        self.single_words: list[
            tuple[Span, str, bool, bool]
        ] = []  # span, word, possessive, initial
        self.short_forms: list[tuple[Span, str, bool]] = []  # span, organisation word, possessive
        # two words no rule placed: span, words, possessive, opening a sentence
        self.unplaced_pairs: list[tuple[Span, str, bool, bool]] = []
        self.named_as_organization: dict[Span, bool] = {}  # _named_as_organization's answers
        self.people_of_organizations: set[int] = set()  # where "Tom Reed of Kellun Bank" opens
        self.initial = False

    # -- classification of one run -------------------------------------------------

    def words(self, run: list[Span]) -> list[str]:
        text = self.text
        words = [text[start:end] for start, end in run]
        words[-1] = _without_possessive(words[-1])
        return words

    def take_run(self, run: list[Span], sentence_start: bool) -> None:
        words = self.words(run)
        first = run[0]
        function_words, not_organizations = self.lex.function_words, self.lex.not_organizations
        while run and (lowered := words[0].lower()) in function_words:
            if (
                self._registered(words)
                or not (sentence_start or lowered in CONNECTORS)
                or self._month_as_given_name(words, Span(run[0].start, run[-1].end))
            ):
                break
            run, words = run[1:], words[1:]
        while run and (
            words[-1].lower() in CONNECTORS or (len(run) > 1 and words[-1].lower() in WEEKDAYS)
        ):
            run, words = run[:-1], words[:-1]
        while len(run) > 1 and words[0] in not_organizations:
            run, words = run[1:], words[1:]  # "NGO River Keepers Alliance"
            while len(run) > 1 and words[0] in CONNECTORS:
                run, words = run[1:], words[1:]  # "CEO of Dalton Motors": no "of Dalton"
        while len(run) > 2 and words[-1] in POST_NOMINALS and self._names_no_body(words[:-1]):
            run, words = run[:-1], words[:-1]  # "Sinéad Barrett SC"
        if not run or (len(words) == 1 and CONTRACTION.pattern.search(words[0])):
            return  # "I've"
        if words[-1] in self.lex.unnamed_sources and self._after_indefinite(run[0].start):
            return  # "an Iowa Republican said": someone unnamed, described
        if len(words) > 1 and words[-1] in PRIZE_WORDS and not self._reports(run[-1].end):
            return  # "won two Tony Awards": a prize, no actor ("The Tony Awards said": one)
        if sentence_start and run[0] == first and self._opens_before_a_name(words):
            run, words = run[1:], words[1:]  # "Ask Damien Chazelle, the director"
        if sentence_start and run[0] == first and self._people_of_an_organization(words):
            drop = 3 if words[2] == "the" else 2  # "Members of the Norvale Labour Party"
            run, words = run[drop:], words[drop:]
        if len(run) > 1 and self.text.find(" & ", run[0].start, run[-1].end) >= 0:
            self._take_ampersand_run(run, words, sentence_start and run[0] == first)
            return
        if len(words) > 2 and words[1] == "of" and self._plural_of_a_name(run, words):
            name = Name.of(run, words, self.text, False)  # "the Mothers of Mirenje"
            self._add_organization(name.text, name.span, name.possessive, None)
            return
        if CONNECTORS.isdisjoint(words):  # most names: one part
            self.initial = sentence_start and run[0] == first
            self.classify(run, words)
            return
        parts = self._split_connectors(run, words)
        for index, part in enumerate(parts):
            self.initial = sentence_start and part[0][0] == first
            if index + 1 < len(parts) and self._shares_the_surname_after(part, parts[index + 1]):
                continue
            self.classify(*part)

    def _shares_the_surname_after(
        self, part: tuple[list[Span], list[str]], following: tuple[list[Span], list[str]]
    ) -> bool:
        """ "Lena and Jonas Hartmann": a given name alone before "and" and a person's name is
        a person of that surname (Lena Hartmann), recorded here."""
        (spans, words), (next_spans, next_words) = part, following
        gap = self.text[spans[-1].end : next_spans[0].start]
        if (
            len(words) != 1
            or gap != " and "
            or self.lex.given_names.get(words[0], "?") == "?"
            or len(next_words) != 2
            or next_words[0] not in self.lex.given_names
            or not self.lex.org_words.isdisjoint(next_words)
            or next_words[0] in self.lex.titles  # "William and Prince Harry"
            or self._named_person_with_word(words[0])  # "Prince William ... William and ..."
        ):
            return False
        name = f"{words[0]} {next_words[1]}"
        gender = self.lex.given_names[words[0]]
        self._add_person(name, None, None, gender, spans[0], False)
        return True

    def _names_no_body(self, words: list[str]) -> bool:
        """Whether no word is an organisation word or a connector ("Kellun Bank SC" keeps
        its letters)."""
        return self.lex.org_words.isdisjoint(words) and CONNECTORS.isdisjoint(words)

    def _take_ampersand_run(self, run: list[Span], words: list[str], initial: bool) -> None:
        """ "Kellun & Daltrop": one organisation; "Ana Ruiz & Tom Reed", a person's name on
        each side: two people."""
        text = self.text
        at = next(i for i in range(1, len(run)) if text[run[i - 1].end : run[i].start] == " & ")
        if self._may_be_a_full_name(words[:at]) and self._may_be_a_full_name(words[at:]):
            self.initial = initial
            self.classify(run[:at], words[:at])
            self.initial = False
            self.classify(run[at:], words[at:])
            return
        name = Name.of(run, words, text, initial)
        if not self._add_known(name):
            self._add_organization(name.text, name.span, name.possessive, None)

    def _may_be_a_full_name(self, words: list[str]) -> bool:
        """A given name and more, no organisation word: "Ana Ruiz", not "Marshall College"."""
        first = words[0].split("-")[0]  # "Jean-Pierre Dupont": "Jean"
        given = first in self.lex.given_names
        return len(words) >= 2 and given and self.lex.org_words.isdisjoint(words)

    def _split_connectors(
        self, run: list[Span], words: list[str]
    ) -> list[tuple[list[Span], list[str]]]:
        """Keep "United States of America", "Department of Fisheries" and "Secretary of
        State Jane Morrow" whole; split "Kenya for Ghana" and "Morrow and Reed"."""
        if CONNECTORS.isdisjoint(words):
            return [(run, words)]
        whole = self._is_whole_name(words)
        connectors = [
            i
            for i, w in enumerate(words)
            if (
                w in ("and", "&")
                and not self._joins_one_organization(words, i)
                and not self._plural_possessive_after(run, i)
            )
            or (w in JOINERS and not whole)
            or (w == "on" and self._splits_at_on(words, i))
            or (w == "of" and self._person_of_organization(words, i))
            or (w == "for" and self._person_for_a_paper(words, i))
            or (w == "of" and self._unit_of_organization(words, i))
        ]
        if not connectors:
            return [(run, words)]
        first = connectors[0]
        if (words[first] == "of" and self._person_of_organization(words, first)) or (
            words[first] == "for" and self._person_for_a_paper(words, first)
        ):
            self.people_of_organizations.add(run[0].start)
        parts, start = [], 0
        for i in [*connectors, len(words)]:
            while start < i and words[start] in JOINERS:
                start += 1
            end = i
            while end > start and words[end - 1] in CONNECTORS:
                end -= 1
            if end > start:
                parts.append((run[start:end], words[start:end]))
            start = i + 1
        return parts

    def _plural_possessive_after(self, run: list[Span], index: int) -> bool:
        """ "Nurses and Midwives' Association": a plural's possessive right after the "and"
        at `index` belongs to both nouns of one name."""
        after = index + 1
        gap = self.text[run[after].end : run[after + 1].start] if after + 1 < len(run) else ""
        return gap in ("' ", "’ ")

    def _joins_one_organization(self, words: list[str], index: int) -> bool:
        """ "Bureau of Fisheries and Coastal Affairs": the "and" inside one organisation's name
        (an organisation word and "of" before it, none after, nor a person's name: "Urban
        Development" is none); "Securities and Exchange Commission": one word, then two ending
        in an organisation word, or more after a portfolio ("Occupational Safety and Health
        Administration", "Environment and Public Works Committee"). Not
        "Morrow and Reed", "Kenya and Ghana", "Ministry of Health and Jane Morrow", "Kenya and
        Ghana Football Association", "Princeton and Yale Law School"."""
        before, after = words[:index], words[index + 1 :]
        org_words = self.lex.org_words
        if not after or " ".join(after) in self.lex.countries:
            return False
        org_then_of = any(
            w in org_words and ("of" in before[i:] or "for" in before[i:])
            for i, w in enumerate(before)
        )  # "Department of Health and Human Services", "Centre for Disease Control and ..."
        if org_then_of:
            portfolio = len(after) == 2 and after[1] in PORTFOLIO_NOUNS  # "Urban Development"
            person = after[0] in self.lex.given_names and not portfolio
            portfolio_alone = after == [after[0]] and after[0] in PORTFOLIO_NOUNS  # "and Energy"
            return (org_words.isdisjoint(after) or portfolio_alone or portfolio) and not person
        first, second = _words_before(before), _words_after(after)
        if not first or not second:
            return False  # "Ana and and Reed"
        longer = len(first) == 2 or len(second) == 3  # only after a portfolio: "Safety and"
        return (
            (len(first) in (1, 2) or (len(first) <= 4 and first[-1] in PORTFOLIO_NOUNS))
            and len(second) in (2, 3)
            and (not longer or first[-1] in PORTFOLIO_NOUNS)
            and second[-1] in org_words
            and (len(first) == 1 or org_words.isdisjoint(first))  # "Securities and Exchange"
            # "Avon and Somerset Police": a force named after two places, one a given name too
            and (second[-1] in POLICE_FORCE_WORDS or not self._names_a_person_or_place(first))
            and not self._names_a_known_organization(first)
        )

    def _names_a_known_organization(self, words: list[str]) -> bool:
        """ "Princeton" of "Princeton and Yale Law School": a well-known or listed name."""
        name = " ".join(words)
        return name in self.lex.well_known_actors or name in self.lex.listed_companies

    def _names_a_person_or_place(self, words: list[str]) -> bool:
        name = " ".join(words)
        known = name in self.lex.countries or name in self.lex.demonyms
        return known or words[0] in self.lex.given_names

    def _person_for_a_paper(self, words: list[str], index: int) -> bool:
        """ "Jessica Kourkounis for The New York Times" (a credit); not "Tom Reed for
        Congress", a campaign's name."""
        return words[index + 1 : index + 2] == ["The"] and self._person_of_organization(
            words, index
        )

    def _person_of_organization(self, words: list[str], index: int) -> bool:
        """ "Capt. Ana Ruiz of the Harbour Police", "Tom Reed of Calloway Securities": a titled
        person or a given name and surname, then the organisation."""
        before, after = words[:index], words[index + 1 :]
        org_words = self.lex.org_words
        if not before or not org_words.isdisjoint(before) or org_words.isdisjoint(after):
            return False  # "of" first: nothing before it to be a person
        _, title, _, core = self._title(before)
        if title and core:
            return True
        return self._may_be_a_full_name(before) or self._may_be_a_foreign_name(before)

    def _may_be_a_foreign_name(self, words: list[str]) -> bool:
        """ "Meiling Zhou", "Kwabena Mensah": two words that may open a name, neither a word of
        the language, a title nor a known organisation's name."""
        return (
            len(words) == 2
            and all(self._may_open_a_name(word) for word in words)
            and not any(self._is_a_word_of_the_language(word) for word in words)
            and not any(word in self.title_set for word in words)
            and not self._names_a_known_organization(words[:1])
        )

    def _unit_of_organization(self, words: list[str], index: int) -> bool:
        """ "41st Kestry Brigade of the Norvale Army": a unit, then the organisation it is in."""
        after = words[index + 1 :]
        if after[:1] == ["the"]:
            after = after[1:]
        named = self.lex.org_words | UNIT_WORDS
        return index > 0 and words[index - 1] in UNIT_WORDS and not named.isdisjoint(after)

    def _splits_at_on(self, words: list[str], index: int) -> bool:
        """ "Reed on Sunday" (a time) and "Reed on Channel Nine" (a name, then where) are two;
        "Commission on Human Rights" is one: an organisation word comes before the "on"."""
        following = words[index + 1] if index + 1 < len(words) else ""
        a_time = following.lower() in self.lex.function_words
        return a_time or self.lex.org_words.isdisjoint(words[:index])

    def _is_whole_name(self, words: list[str]) -> bool:
        name = " ".join(words)
        if name in self.registry or name in self.lex.countries:
            return True
        if not self.lex.org_words.isdisjoint(words):
            return True
        if len(words) >= 3 and words[0] in LOCAL_GOVERNMENTS and words[1] == "of":
            return True  # "City of Perth": a place, or its council (_is_local_government)
        _, title, _, core = self._title(words)
        return bool(title) and not any(w in CONNECTORS for w in core)

    def _registered(self, words: list[str]) -> bool:
        return " ".join(words) in self.registry

    def classify(self, run: list[Span], words: list[str]) -> None:
        """Decide what one run of capitalised words names, and record it."""
        name = Name.of(run, words, self.text, self.initial)
        if self._currency_sign(name) or self._add_known(name):
            return
        split = self._organization_then_title(words)
        if split:
            self.classify(run[:split], words[:split])
            self.classify(run[split:], words[split:])
            return
        title = self._title(words)
        if not self._add_named_organization(name, title):
            self._add_titled_or_plain(name, title)

    def _add_known(self, name: Name) -> bool:
        """A registered actor, a country, or an acronym (linked once every name is known)."""
        if name.text in self.registry:
            self._add_registered(self.registry[name.text], name.span, name.text, name.possessive)
        elif name.text in self.lex.countries:
            person = self._person_with_surname(name.text)
            if person is not None:  # "Lucia Montenegro ... Montenegro said": her, not the country
                self.found.add(person, name.span, name.text, name.possessive)
            else:
                self._add_country(name.text, name.span, name.possessive)
        elif len(name.words) == 1 and _is_acronym(name.text):
            self.single_words.append((name.span, name.text, name.possessive, name.initial))
        elif self._is_listed_company_name(name):
            self._add_organization(name.text, name.span, name.possessive, None)  # "Goldman Sachs"
        elif len(name.words) > 1 and name.text in self.lex.well_known_actors:
            kind = self.lex.well_known_actors[name.text]  # "Islamic State", "Time Warner"
            self._add_organization(name.text, name.span, name.possessive, None, kind)
        else:
            return len(name.words) == 1 and "-" in name.text and self._add_hyphened_countries(name)
        return True

    def _acronym_follows(self, name: str, span: Span) -> bool:
        """ "the Health Service Executive (HSE)": a name its acronym follows in brackets."""
        after = ACRONYM_IN_BRACKETS.pattern.match(self.text, span.end)
        if after is None or " " not in name or name.rsplit(" ", 1)[1] in self.lex.titles:
            return False  # not a post: "Circle Officer (CO)"
        return after["acronym"] in _acronyms(name)

    def _noun_after_the_name(self, span: Span) -> str | None:
        """ "the Ansar al-Bahr movement": the noun after a name that "the" opens."""
        if not self.text.endswith(("the ", "The "), 0, span.start):
            return None
        noun = NOUN_AFTER_THE_NAME.pattern.match(self.text, span.end)
        return noun["noun"] if noun else None

    def _named_person_with_word(self, word: str) -> bool:
        """Whether a person named so far has `word` in their name."""
        return any(
            actor.kind == "person" and word in actor.name.split()
            for actor in self.found.actors.values()
        )

    def _person_with_surname(self, word: str) -> ArticleActor | None:
        """The one person named so far whose surname is `word`."""
        people = [
            actor
            for actor in self.found.actors.values()
            if actor.kind == "person"
            and not actor.unnamed
            and " " in actor.name
            and actor.name.rsplit(" ", 1)[1] == word
        ]
        return people[0] if len(people) == 1 else None

    def _add_hyphened_countries(self, name: Name) -> bool:
        """ "the Iraq-Iran border": countries joined by a hyphen are each a country."""
        parts = name.text.split("-")
        if len(parts) < 2 or not all(part in self.lex.countries for part in parts):
            return False
        start = name.span.start
        for part in parts:
            self._add_country(part, Span(start, start + len(part)), False)
            start += len(part) + 1
        return True

    def _add_named_organization(self, name: Name, title: Title) -> bool:
        """ "Department of Fisheries", "Labor Party"; not "the Government" alone, not a
        portfolio title before a person ("Coastal Affairs Minister Jo Bloggs"), and not a
        post named alone ("the incoming Finance Secretary", "Deputy Sports Director"): no one's."""
        words = name.words
        numbered = self._numbered_unit(name)  # "the 106th Kestry Wing", "the 21st Precinct"
        if self.lex.org_words.isdisjoint(words) and not numbered:
            return False
        if self._only_a_paper_word_inside(words):
            return False  # "Chief Examiner Tom Reed"; "the Sentinel" alone: a single name
        named = bool(title.core) and title.core[0] in self.lex.given_names  # "... Md Alam"
        of_at = None if named else self._post_then_of(words)
        if of_at is not None:  # "Director of Communications", "Chairman of the X Coalition"
            start = of_at + 2 if words[of_at + 1 : of_at + 2] == ["the"] else of_at + 1
            if len(words) - start >= 2 and not self.lex.org_words.isdisjoint(words[start:]):
                self.classify(name.run[start:], words[start:])
            return True
        if words[0] in COUNTY_ABBREVIATIONS:
            return True  # "Co Kerry", "Co. Down": an Irish county, a place
        post = len(words) > 1 and words[-1] in self.lex.portfolio_titles and "of" not in words
        if post and not self._acronym_follows(name.text, name.span):
            return True  # not "the Health Service Executive (HSE)"
        if title.title and title.core and self.lex.org_words.isdisjoint(title.core):
            return False
        if len(words) == 1 and words[0] not in self.lex.institutions and not numbered:
            # "the Commission": the one organisation of the article so named, if there is one
            self.short_forms.append((name.span, words[0], name.possessive))
            return True
        plural = words[0].endswith("s") and not words[0].endswith("ss")  # not "Congress"
        kind = "group" if len(words) == 1 and plural else "organization"
        span = self._with_ordinal(name.span) if not UNIT_WORDS.isdisjoint(words) else name.span
        self._add_organization(
            span.of(self.text), span, name.possessive, self._country_prefix(words), kind
        )
        return True

    def _post_then_of(self, words: list[str]) -> int | None:
        """Where "of" or "for" follows a post's title that opens the name, no person's name
        ending it ("Commissioner of Police"; not "Secretary of State for Health Ana Ruiz")."""
        if len(words) >= 2 and words[-2] in self.lex.given_names:
            return None
        for size in (3, 2, 1):
            post = " ".join(words[:size])
            if len(words) > size + 1 and words[size] in ("of", "for") and post in self.title_set:
                return size
        return None

    def _only_a_paper_word_inside(self, words: list[str]) -> bool:
        """Whether the name's only organisation words are newspaper words, none ending it, or
        it is one alone."""
        found = self.lex.org_words.intersection(words)
        if not found or not found <= self.lex.newspaper_words:
            return False
        return len(words) == 1 or words[-1] not in self.lex.newspaper_words

    def _numbered_unit(self, name: Name) -> bool:
        """ "the 106th Norvex Wing": a unit word after an ordinal names a unit."""
        return name.words[-1] in UNIT_WORDS and self._with_ordinal(name.span) != name.span

    def _with_ordinal(self, span: Span) -> Span:
        """ "the 82nd Airborne Division": an ordinal in figures opens the name."""
        start = max(0, span.start - ORDINAL_REACH)
        ordinal = ORDINAL_BEFORE.pattern.search(self.text, start, span.start)
        return Span(ordinal.start(), span.end) if ordinal else span

    def _add_titled_or_plain(self, name: Name, title: Title) -> None:
        core = title.core
        if core and len(core) < len(name.words):
            core_span = Span(name.run[len(name.words) - len(core)].start, name.span.end)
            core_text = core_span.of(self.text)
        else:  # the whole name
            core_span, core_text = name.span, name.text
        if title.country_code and (title.title or not core or core_text in self.lex.countries):
            self._add_country_prefix(name.run, name.words)
        if title.title and core:
            self._add_employer_in_title(name, title.title)
        if not core or self._no_name_after_a_title(title):
            return
        if self._is_local_government(core, core_span, name.possessive):
            self._add_organization(core_text, core_span, name.possessive, title.country_code)
            return
        if self._is_place(core, core_span):
            if len(core) == 1:  # "says Park": the surname of a person named before, perhaps
                self.single_words.append((core_span, core_text, name.possessive, name.initial))
            return
        if not title.title and self._placed_by_context(core, core_span):
            return
        possessive = name.possessive
        if core_text in self.registry:
            span = name.span if title.title else core_span
            self._add_registered(self.registry[core_text], span, core_text, possessive)
        elif title.title:
            self._add_person(
                core_text, title.title, title.country_code, title.gender, name.span, possessive
            )
        elif core_text in self.lex.countries:
            self._add_country(core_text, core_span, possessive)
        elif (
            self._is_organization(core)
            or self._unnamed_organization(core, core_span)
            or self._acronym_follows(core_text, core_span)
        ):
            self._add_organization(core_text, core_span, possessive, title.country_code)
        elif not title.title and self._plural_name_after_the(core, core_span):
            self._add_organization(core_text, core_span, possessive, None)  # "the Desert Hawks"
        elif len(core) >= 2 and self._plays_or_is_which(core, core_span):
            self._add_organization(core_text, core_span, possessive, title.country_code)
        elif len(core) >= 2 and self._is_person_name(core, core_span):
            if noun := self._noun_after_the_name(core_span):  # "the Ansar al-Bahr movement"
                kind = "group" if noun in ("movement", "militia") else "organization"
                self._add_organization(core_text, core_span, possessive, title.country_code, kind)
                return
            self._add_person(
                core_text, None, title.country_code, title.gender, core_span, possessive
            )
        elif len(core) >= 2 and self._outlet_or_employer(core, core_span, possessive):
            self._add_organization(core_text, core_span, possessive, title.country_code)
        elif len(core) >= 2 and ACCOUNT_AFTER.pattern.match(self.text, core_span.end):
            person = core[0] in self.lex.given_names or _is_initial(core[0])
            kind = "person" if person else "organization"
            self._add_organization(core_text, core_span, possessive, title.country_code, kind)
        elif len(core) >= 2 and (
            appositive := ORGANIZATION_APPOSITIVE.pattern.match(self.text, core_span.end)
        ):
            kind = "group" if appositive.group("noun") in GROUP_NOUNS else "organization"
            self._add_organization(core_text, core_span, possessive, title.country_code, kind)
        elif len(core) == 1:
            self.single_words.append((core_span, core_text, possessive, name.initial))
        elif len(core) == 2:
            self.unplaced_pairs.append((core_span, core_text, possessive, name.initial))

    def _currency_sign(self, name: Name) -> bool:
        """ "CHF 1.35 bn", "HK$5 million": a currency's sign before an amount, no actor."""
        if len(name.words) > 1 or not name.text.isupper():
            return False
        after = self.text[name.span.end : name.span.end + 2]
        if after[:1] == "$":
            return True  # "HK$", "NT$"
        return name.text in CURRENCIES and after[-1:].isdigit()

    def _no_name_after_a_title(self, title: Title) -> bool:
        """ "... MLA Smt.": an honorific alone; "Miss Idaho": a place after an honorific."""
        if not title.title or len(title.core) != 1:
            return False
        word = title.core[0]
        place = word in REGIONS_AFTER_A_PLACE or word in self.lex.countries
        return word in self.lex.honorifics or (place and title.title in self.lex.honorifics)

    def _add_employer_in_title(self, name: Name, title: str) -> None:
        """ "Zorvex CEO Mara Lint", "Norvex Chief Executive Ana Ruiz": the single name before a
        post of a company's staff (STAFF_POSTS) is the company, when the article names it
        again."""
        if self._add_known_before_a_post(name, title):
            return
        employer, *post = title.split()
        if not post or post[-1].lower() not in STAFF_POSTS:
            return
        if employer != name.words[0] or not self._may_name_an_organization(employer):
            return
        if employer in self.title_set or employer in TITLE_MODIFIERS:
            return  # "Former CEO Mara Lint", "Interim Chairman Tom Reed"
        named = re.findall(rf"\b{re.escape(employer)}\b", self.text)
        named_again = len(named) >= 2 or self._names_a_known_organization([employer])
        if not named_again or self._written_in_lower_case(employer):
            return
        span = name.run[0]  # linked like any single name: "Ostara" of "Ostara Group"
        self.named_as_organization[span] = True
        self.single_words.append((span, employer, False, name.initial))

    def _add_known_before_a_post(self, name: Name, title: str) -> bool:
        """ "Sinn Féin TD Aoife McGrath", "Reform UK deputy leader ...": a well-known
        organisation (a party) that opens the title is an actor of its own."""
        words = title.split()
        for size in range(min(3, len(words) - 1), 0, -1):
            known = " ".join(words[:size])
            if (
                self.lex.well_known_actors.get(known) == "organization"
                and name.words[:size] == words[:size]
            ):
                span = Span(name.run[0].start, name.run[size - 1].end)
                self._add_organization(known, span, False, None)
                return True
        return False

    def _organization_then_title(self, words: list[str]) -> int | None:
        """Where "Labour Senator Jane Morrow" turns from an organisation to a person."""
        if self.lex.org_words.isdisjoint(words):
            return None
        first_org = next(i for i, w in enumerate(words) if w in self.lex.org_words)
        for i in range(first_org + 1, len(words)):  # an organisation word comes before i
            _, title, _, core = self._title(words[i:])
            if title and core and title.split()[-1] not in self.lex.portfolio_titles:
                return i
        return None

    def _country_prefix(self, words: list[str]) -> str | None:
        for size in (3, 2, 1):
            prefix = " ".join(words[:size])
            if len(words) > size and prefix in self.lex.demonyms:
                return self.lex.demonyms[prefix]
        return None

    def _title(self, words: list[str]) -> Title:
        """Split "U.S. Secretary of State Jane Morrow" into (USA, title, gender, name words)."""
        return _split_title(self.lex, tuple(words))

    def _is_place(self, core: list[str], span: Span) -> bool:
        """ "Suez Canal", "Gaza Strip", "the Lindsay Park complex"; but "Ellen Park" is a
        person."""
        if len(core) >= 2 and " ".join(core) in REGIONS_AFTER_A_PLACE and self._where(span):
            return True  # "Durham, North Carolina", "in West Virginia": a state ("Carolina")
        if self.lex.place_words.isdisjoint(core) or self._plays_a_game(core, span):
            return False  # "Brockley City beat Ashby Vale": teams
        if len(core) >= 2 and self._organization_by_its_noun(span):
            return False  # "the aid group Sea Lantern"
        if len(core) >= 2 and core[-1] in ORG_FINAL_WORDS:
            return False  # "Thames Valley Water": a utility, though "Valley" names places
        if len(core) == 2 and any(SYLLABIC_NAME.fullmatch(w) and not _describes(w) for w in core):
            return False  # "Park Sung-ho", "Ji-won Park": a given name of two syllables
        if len(core) != 2 or core[-1] not in PLACE_WORDS_IN_SURNAMES:
            return True
        if THE_OR_NUMBER_BEFORE.pattern.search(self.text, max(0, span.start - 5), span.start):
            return True
        return not self._is_given_name_either_way(core[0])

    def _where(self, span: Span) -> bool:
        """Whether a comma or a preposition of place stands right before `span`."""
        return bool(PLACE_BEFORE.pattern.search(self.text, max(0, span.start - 8), span.start))

    def _organization_by_its_noun(self, span: Span) -> bool:
        """Whether a noun for organisations stands right before the name."""
        before = self.text[max(0, span.start - 40) : span.start]
        words = before.split()
        return (
            bool(words)
            and words[-1] in ORGANIZATION_NOUNS
            and ORGANIZATION_NOUN_BEFORE.pattern.search(before) is not None
        )

    def _is_local_government(self, core: list[str], span: Span, possessive: bool) -> bool:
        """ "The Town of Port Hedland said": a local government that speaks; "the City of
        Torvik has 3,000 people" and "in the City of Torvik" stay a place."""
        if len(core) < 3 or core[0] not in LOCAL_GOVERNMENTS or core[1] != "of" or possessive:
            return False
        following = VERB_AFTER_WORD.pattern.match(self.text[span.end : span.end + 40])
        return following is not None and following.group(1) in self.lex.reporting_verbs

    def _is_given_name_either_way(self, word: str) -> bool:
        """A given name with a gender, or one used for both ("Pat"); of a hyphened one, its
        first part ("Mei-Ling", "Jean-Pierre")."""
        lex = self.lex
        if lex.given_names.get(word, "?") != "?" or word in lex.unisex_given_names:
            return True
        if not word.isascii() and _unaccented(word) != word:  # "Siobhán", "Seán"
            return self._is_given_name_either_way(_unaccented(word))
        first, hyphen, rest = word.partition("-")
        return bool(hyphen and rest[:1].isupper()) and self._is_given_name_either_way(first)

    def _placed_by_context(self, core: list[str], span: Span) -> bool:
        """ "the suburb of Torvik Heights" (PLACE_NOUN_OF), "Torvik Heights, Calif." or "...,
        Lusitania." (REGION_AFTER): a place; a name that may be a person's ("Ellen Vale,
        Calif.") only after a preposition of place ("in Ellen Vale, Calif.")."""
        text, start = self.text, span.start
        noun_of = text.endswith("of ", 0, start)  # quicker than the pattern: most names lack it
        if noun_of and PLACE_NOUN_OF.pattern.search(text, max(0, start - PLACE_NOUN_REACH), start):
            return True
        if not text.startswith(", ", span.end) or not self._region_after(span.end):
            return False
        if core[0] not in self.lex.given_names:
            return True
        return bool(AFTER_PLACE_WORD.pattern.search(text, max(0, start - PREPOSITION_REACH), start))

    def _region_after(self, end: int) -> bool:
        """A state or a country after the name ending at `end` (REGION_AFTER)."""
        after = REGION_AFTER.pattern.match(self.text, end)
        if after is None:
            return False
        region = after.group("region")
        bare = region.removesuffix(".")
        return bool({region, bare} & REGIONS_AFTER_A_PLACE) or bare in self.lex.countries

    def _is_organization(self, core: list[str]) -> bool:
        if len(core) == 1 and core[0] in self.lex.newspaper_words:
            return False  # "the Ledger": the paper named in full, or one that speaks (linked)
        if not self.lex.org_words.isdisjoint(core):
            return True
        if len(core) >= 2 and core[-1] in ORG_FINAL_WORDS and not {"of", "for"} & set(core):
            return True  # "Kestrel Health", "Anglian Water"
        return len(core) == 1 and _is_acronym(core[0]) and core[0] not in self.lex.not_organizations

    def _opens_before_a_name(self, words: list[str]) -> bool:
        """ "Ask Damien Chazelle", "Bowler Imran Qadir": a sentence's first word, a word of the
        language, before a given name and a surname is no part of the name; never a word that
        may be one itself (a given name, a title, a particle: "Abu Bakr Reed", "Kwabena John
        Mensah")."""
        first, lex = words[0], self.lex
        return (
            len(words) == 3
            and words[1] in lex.given_names
            and first not in lex.given_names
            and first.lower() not in CONNECTORS | ARABIC_PREFIX_WORDS
            and first not in self.title_set
            and self._may_name_an_organization(first)
            and self._is_a_word_of_the_language(first)
        )

    def _plural_name_after_the(self, core: list[str], span: Span) -> bool:
        """ "the Sacramento Miners", "the Desert Hawks": after "the", two or three words that
        end in a plural no place word is ("the Blue Mountains", "the Great Lakes"): a team, a
        band or a club."""
        if not 2 <= len(core) <= 3 or not self.text.endswith(("the ", "The "), 0, span.start):
            return False
        last, lex = core[-1], self.lex
        singular = last[:-3] + "y" if last.endswith("ies") else last[:-1]
        if self.text.startswith(("'", "’"), span.end) or " ".join(core) in REGIONS_AFTER_A_PLACE:
            return False  # "the National Workers' Confederation", "the New South Wales ..."
        following = self.text[span.end : span.end + 30].split()[:2]
        if last.lower() in EVENT_NOUNS or any(w.lower() in EVENT_NOUNS for w in following):
            return False  # "the Winter Olympics", "the Rift Masters tournament"
        return (
            last.endswith("s")
            and not last.endswith("ss")
            and last[0].isupper()
            and not {last, singular} & (lex.place_words | lex.not_organizations)
            and " ".join(core) not in lex.countries
            and last not in lex.countries  # "the New South Wales government"
            and last not in lex.demonyms
            and singular not in lex.demonyms
            and last not in lex.given_names  # "the St. Louis ...", "the Jesse James ..."
        )

    def _plural_of_a_name(self, run: list[Span], words: list[str]) -> bool:
        """ "the Mothers of Mirenje", "the Veterans of Foreign Wars", "the Friends of Elmwood
        Library": after "the", a capitalised plural noun, "of" and a name name one body (no
        one writes "the Residents of Kerrit" for some residents)."""
        if len(words) < 3 or words[1] != "of":
            return False
        named = words[3:] if words[2] == "the" else words[2:]
        if not named or not CONNECTORS.isdisjoint(named):
            return False
        first, lex = words[0], self.lex
        return (
            self.text.endswith(("the ", "The "), 0, run[0].start)
            and first.endswith("s")
            and not first.endswith("ss")
            and first[0].isupper()
            and first not in lex.org_words | self.title_set | LOCAL_GOVERNMENTS
            and first not in lex.given_names
            and first not in lex.countries
            and first not in lex.demonyms
        )

    def _people_of_an_organization(self, words: list[str]) -> bool:
        """ "Members of the Norvale Labour Party", "Shares of Kellun Holdings", "Negotiators for
        Kellun Aerospace": a sentence's first word, a plural noun, then "of" or "for" and an
        organisation's name; not a name itself
        ("Bank of Norvale", "City of Perth", "Sisters of Mercy Hospital")."""
        if len(words) < 3 or words[1] not in ("of", "for"):
            return False
        first, lex = words[0], self.lex
        organization = words[3:] if words[2] == "the" else words[2:]
        return (
            first.endswith("s")
            and not first.endswith("ss")
            and first not in lex.org_words | self.title_set | LOCAL_GOVERNMENTS
            and first not in lex.given_names
            and first.lower() not in KINSHIP_NOUNS
            and bool(organization)
            and not lex.org_words.isdisjoint(organization)
        )

    def _is_a_word_of_the_language(self, word: str) -> bool:
        """ "Ask", "Recently", "Farmer": a verb the lexicons list (any form), an adverb, a
        noun of who one is ("-er", "-ist", "-ian"), a source noun, a post or a word the article
        also writes in lower case; not a given name the lexicons lack ("Kwabena")."""
        lowered, verbs = word.lower(), self.lex.reporting_verbs.keys() | ACTION_VERBS
        forms = (lowered, lowered + "s", lowered + "ed", lowered + "d")
        return (
            any(form in verbs for form in forms)
            or lowered.endswith(("ly", *AGENT_ENDINGS))
            or lowered in self.lex.unnamed_sources
            or lowered in POSTS
            or self._written_in_lower_case(word)
        )

    def _month_as_given_name(self, words: list[str], span: Span) -> bool:
        """ "June Pattison said", "the mayor, May Chen,": a month that is a given name (or,
        after a cue, a function word that is one: "says Will McClay,"), before
        a capitalised word the article never writes in lower case, not after a word that makes
        it a date ("in June Congress ...", "Each August Torvik hosts") and speaking or set off
        by a comma ("May Day parades", "May Norvex keep it?" are none)."""
        first, text = words[0], self.text
        after_cue = AFTER_CUE.pattern.search(text, max(0, span.start - 20), span.start)
        if not (
            len(words) >= 2
            and (first.lower() in MONTHS or (first in FUNCTION_WORDS_AS_GIVEN_NAMES and after_cue))
            and first in self.lex.given_names
            and words[1].lower() not in MONTHS | WEEKDAYS
            and not self._written_in_lower_case(words[1])
            and not MONTH_AS_A_DATE.pattern.search(text, max(0, span.start - 12), span.start)
        ):
            return False
        return text[span.end : span.end + 1] in {",", ".", ";", ")", ""} or self._reports(span.end)

    def _cannot_be_in_a_name(self, word: str, index: int) -> bool:
        """A title or a function word, save a middle initial ("Ana J. Ruiz": "J" at index 1)."""
        if word in self.title_set:
            return True
        middle_initial = index > 0 and len(word) == 1
        return word.lower() in self.lex.function_words and not middle_initial

    def _speaks_of_itself(self, span: Span) -> bool:
        """ "Blue Margin warned that its surveys ...", "The Riverton Hawks said": a name that
        reports and comes after "the" or is next referred to as "its" (not "it", which a
        person's clause may hold: "Kwabena Mensah said it was over")."""
        verb = VERB_AFTER_NAME.pattern.match(self.text, span.end)
        if verb is None or verb.group(1) not in self.lex.reporting_verbs:
            return False
        if self.text.endswith(("the ", "The "), 0, span.start):
            return True  # "The Riverton Hawks said": no person's name takes "the"
        end = self.text.find(".", verb.end(), verb.end() + 150)  # in the same sentence
        if end < 0:
            end = verb.end() + 150
        pronoun = PRONOUN_AFTER.pattern.search(self.text, verb.end(), end)
        return pronoun is not None and pronoun.group("thing") == "its"

    def _is_person_name(self, core: list[str], span: Span) -> bool:
        if (
            "." not in core[-1]
            and _is_acronym(core[-1])
            and not ROMAN_NUMERAL.pattern.fullmatch(core[-1])
        ):
            return False  # "Newstalk ZB": a person's name ends in no acronym (but "Ameyaw II")
        if core[0] not in self.lex.given_names and AFTER_INDEFINITE_ARTICLE.pattern.search(
            self.text, max(0, span.start - 4), span.start
        ):
            return False  # "a Kestry Democrat"; not "a Tom Reed, 34,"
        first = 1 if self._month_as_given_name(core, span) else 0
        if any(self._cannot_be_in_a_name(word, i) for i, word in enumerate(core) if i >= first):
            return False
        if span.start in self.people_of_organizations:
            return True  # "Meiling Zhou of Calloway Securities"
        if (
            self._is_given_name_either_way(core[0])  # "Pat Lindqvist"
            or (len(core[0]) == 2 and core[0][1] == ".")
        ):
            return True
        if (
            core[0] in self.lex.given_names
            and core[0] not in self.lex.not_first_names
            and core[-1] not in self.lex.given_names
        ):
            return True  # "Jamie Okafor": a name of either gender; not "San Jose", "Red Arrows"
        if any(w in PARTICLES or ARABIC_PARTICLE.pattern.match(w) for w in core[1:]):
            return True  # "Omar Khalid Omar al-Hashimi", "Ali bin Hamad"
        if len(core) <= 3 and self._after_a_person_noun(span):
            return True  # "the producer Adunni Okonjo-Bello", "newcomer Thandiwe Mokoena"
        if self._employed_at(span):
            return False  # "the chief executive of Norvex Sachs, said": where one works
        after = self.text[span.end : span.end + 40]
        before = self.text[max(0, span.start - 30) : span.start]
        age = AGE_AFTER.pattern.match(after)
        verb = VERB_AFTER_NAME.pattern.match(after)
        reports = verb is not None and verb.group(1) in self.lex.reporting_verbs
        if reports and after.startswith(",") and self._inside_a_relative_clause(span):
            reports = False  # "X, which runs the port of San Antonio, said": X said
        if not reports and (role := ROLE_THEN_VERB.pattern.match(self.text, span.end)):
            reports = role["verb"] in self.lex.reporting_verbs  # "Efua Boateng, a singer, said"
        reports = reports or self._acts_after_a_relative_clause(span) == "who"
        follows_cue = AFTER_CUE.pattern.search(before) and not self._told_an_outlet(core, span)
        return bool(age or reports or follows_cue)

    def _outlet_or_employer(self, core: list[str], span: Span, possessive: bool) -> bool:
        """ "told Daily Buzzline that"; "the chief executive of Norvex Sachs, said"."""
        return self._told_an_outlet(core, span) or (not possessive and self._employed_at(span))

    def _told_an_outlet(self, core: list[str], span: Span) -> bool:
        """ "told Daily Buzzline that": after "told", a name that opens with no given name and
        is no foreign person's (_may_be_a_foreign_name) is an outlet's."""
        before = self.text[max(0, span.start - 12) : span.start]
        return (
            len(core) >= 2
            and TOLD_BEFORE.pattern.search(before) is not None
            and not self._is_given_name_either_way(core[0])
            and core[0] not in self.lex.given_names
            and not self._may_be_a_foreign_name(core)
        )

    def _plays_or_is_which(self, core: list[str], span: Span) -> bool:
        """A team (_plays_a_game), or a name a relative clause calls "which"."""
        return self._plays_a_game(core, span) or self._acts_after_a_relative_clause(span) == "which"

    def _plays_a_game(self, core: list[str], span: Span) -> bool:
        """ "Taranaki Rams beat Southland Stags": a name ending in a plural or a club word
        (TEAM_WORDS), next to a verb of a game, is a team's."""
        last = core[-1]
        plural = last.endswith("s") and not last.endswith("ss") and last not in self.lex.given_names
        club = last in TEAM_WORDS or (len(core) >= 2 and core[0] in TEAM_FIRST_WORDS)
        if not (plural or club) or core[0] in self.lex.given_names or core[0] in self.lex.countries:
            return False  # not "met Tom Reeds", "visits Mexico City"
        before = self.text[max(0, span.start - 30) : span.start]
        if MATCH_VERB_AFTER.pattern.match(self.text, span.end) or MATCH_VERB_BEFORE.pattern.search(
            before
        ):
            return True
        if not club or PLACE_PREPOSITION_BEFORE.search(before):
            return False  # "Residents of Brockley City are angry": a place
        return bool(  # "Glenmore Celtic captain", "the tie with Marston Rangers"
            TEAM_CONTEXT_AFTER.pattern.match(self.text, span.end)
            or TEAM_CONTEXT_BEFORE.pattern.search(before)
        )

    def _inside_a_relative_clause(self, span: Span) -> bool:
        pattern = INSIDE_A_RELATIVE_CLAUSE.pattern
        return pattern.search(self.text, max(0, span.start - 160), span.start) is not None

    def _acts_after_a_relative_clause(self, span: Span) -> str | None:
        """ "which" or "who", when a relative clause so opened and set off by commas follows
        the name at `span` and a verb that reports or acts comes after it."""
        relative = RELATIVE_THEN_VERB.pattern.match(self.text, span.end)
        if relative is None:
            return None
        verb = relative["verb"]
        acts = verb in self.lex.reporting_verbs or verb in ACTION_VERBS
        return relative["pronoun"] if acts else None

    def _after_a_person_noun(self, span: Span) -> bool:
        """Whether a noun for a person (person_nouns, or one ending in "-ist" or "-ian")
        comes right before the name at `span`."""
        before = PERSON_NOUN_BEFORE.pattern.search(self.text, max(0, span.start - 30), span.start)
        if before is None:
            return False
        noun = before["noun"]
        if noun in self.lex.function_words:
            return False
        return noun in self.lex.person_nouns or noun.endswith(PERSON_NOUN_SUFFIXES)

    # -- adding actors -------------------------------------------------------------

    def _add_registered(
        self, entry: RegistryEntry, span: Span, surface: str, possessive: bool
    ) -> None:
        self.found.add(entry.actor(), span, surface, possessive)

    def _add_country(self, surface: str, span: Span, possessive: bool) -> None:
        code = self.lex.countries[surface]
        name = self.lex.country_names.get(code, surface)
        self.found.add(
            ArticleActor(name, name, "country", country_code=code), span, surface, possessive
        )

    def _add_country_prefix(self, run: list[Span], words: list[str]) -> None:
        for size in (3, 2, 1):
            prefix = " ".join(words[:size])
            if prefix in self.lex.countries and len(words) >= size:
                self._add_country(prefix, Span(run[0].start, run[size - 1].end), False)
                return

    def _add_organization(
        self,
        name: str,
        span: Span,
        possessive: bool,
        country_code: str | None,
        kind: str = "organization",
    ) -> None:
        actor = ArticleActor(name, name, kind, country_code=country_code)
        self.found.add(actor, span, self.text[span.start : span.end], possessive)

    def _add_person(
        self,
        name: str,
        title: str | None,
        country_code: str | None,
        gender: str,
        span: Span,
        possessive: bool,
    ) -> None:
        name = NICKNAME.pattern.sub(" ", name)  # 'Eddie "Doc" Salcedo': Eddie Salcedo
        if gender == "?" and " " in name:
            first = name.split()[0]
            gender = self.lex.given_names.get(first) or self.lex.given_names.get(
                _unaccented(first), "?"
            )
        if title in self.lex.honorifics:
            title = None
        title = title or self._lowercase_title(span) or self._post_set_off_before(span)
        country_code = country_code or self._demonym_before_a_role(span)
        actor = ArticleActor(name, name, "person", title, country_code, gender=gender)
        self.found.add(actor, span, self.text[span.start : span.end], possessive)

    def _demonym_before_a_role(self, span: Span) -> str | None:
        """ "Belgian rider Pieter Claes", "the Dutch former striker Tom Reed": the country of
        a demonym one or two lower-case words before the name."""
        words = self.text[max(0, span.start - 40) : span.start].split()[-3:]
        for size in (1, 2):
            if len(words) > size and all(w.isalpha() and w.islower() for w in words[-size:]):
                code = self.lex.demonyms.get(words[-1 - size])
                if code:
                    return code
        return None

    def _post_set_off_before(self, span: Span) -> str | None:
        """ "The Union Minister of State for Rural Development, Shri Girish Mahato,": the post
        named before the comma is the person's title."""
        post = POST_BEFORE.search(self.text, max(0, span.start - 90), span.start)
        if post is None or TITLE_LAST_WORDS.isdisjoint(post["post"].split()):
            return None
        return post["post"]

    def _lowercase_title(self, span: Span) -> str | None:
        before = self.text[max(0, span.start - 30) : span.start]
        for title in self.lowercase_titles:
            if before.endswith(f"{title} "):
                return title
        return None

    # -- the article ---------------------------------------------------------------

    def find(self, paragraphs: list[tuple[Span, list[Span]]]) -> ArticleActors:
        for paragraph, sentences in paragraphs:
            starts = {s.start for s in sentences}
            for run in self._with_campuses(_runs(self.text, paragraph, self.lex.org_words)):
                self.take_run(run, run[0].start in starts or self._after_quote(run[0].start))
        self._merge_middle_initials()
        self._genders_of_kin()
        self._link_single_words()
        self._full_names_of_surnames()
        self._link_short_forms()
        self._merge_short_names()
        self._merge_short_organizations()
        self._names_with_the()
        for paragraph, _ in paragraphs:
            self._governments(paragraph)
        self._periods_of_abbreviations()
        self._genders_from_pronouns()
        return self.found

    def _genders_from_pronouns(self) -> None:
        """A person whose gender no name or title tells ("Megyn Kelly") takes the one the
        pronouns after its mentions mostly tell ("Kelly said she ..."), each the first in its
        sentence after the name, with no other person between."""
        votes: dict[str, Counter[str]] = {}
        for mention in self.found.mentions:
            actor = self.found.actors[mention.key]
            if actor.kind == "person" and not actor.unnamed and actor.gender == "?":
                gender = self._gender_of_pronoun_after(mention)
                if gender:
                    votes.setdefault(actor.key, Counter())[gender] += 1
        for key, counted in votes.items():
            (gender, count), *others = counted.most_common()
            against = sum(n for _, n in others)
            if count >= PRONOUNS_TO_TELL and count >= PRONOUN_MAJORITY * against:
                self.found.actors[key].gender = gender

    def _gender_of_pronoun_after(self, mention: MentionSpan) -> str | None:
        end = mention.span.end
        pronoun = GENDERED_PRONOUN_AFTER.pattern.match(self.text, end, end + 150)
        if pronoun is None:
            return None
        for other in self.found.between(end, pronoun.start("pronoun")):
            if self.found.actors[other.key].kind == "person":
                return None  # "Kelly met Ailes, and he ...": his, perhaps
        return PRONOUN_GENDERS.get(pronoun["pronoun"].lower())

    def _periods_of_abbreviations(self) -> None:
        """ "Warner Bros.", "Jerry Jones Jr.": a name ending in an abbreviation keeps its
        period where the article writes the name with it (a name's words never hold one)."""
        for actor in self.found.actors.values():
            last = actor.name.rsplit(" ", 1)[-1]
            if last in ABBREVIATIONS_ENDING_A_NAME and self._written_with_period(actor):
                actor.aliases.discard(actor.name + ".")
                actor.name += "."

    def _written_with_period(self, actor: ArticleActor) -> bool:
        return any(
            self.text.startswith(f"{actor.name}.", m.span.start)
            for m in self.found.mentions
            if m.key == actor.key
        )

    def _reports(self, end: int) -> bool:
        """Whether a reporting verb follows the name ending at `end`."""
        verb = VERB_AFTER_NAME.pattern.match(self.text, end)
        return verb is not None and verb.group(1) in self.lex.reporting_verbs

    def _after_indefinite(self, start: int) -> bool:
        return INDEFINITE_BEFORE.pattern.search(self.text, max(0, start - 8), start) is not None

    def _with_campuses(self, runs: list[list[Span]]) -> list[list[Span]]:
        """ "University of Norvale, Kestry": a university's run and its campus's are one."""
        joined: list[list[Span]] = []
        for run in runs:
            after_comma = joined and run[0].start == joined[-1][-1].end + 2
            if after_comma and self._is_campus_of(joined[-1], run):
                joined[-1] = joined[-1] + run
            else:
                joined.append(run)
        return joined

    def _is_campus_of(self, university: list[Span], run: list[Span]) -> bool:
        """CAMPUS_AFTER, where the campus is no organisation or person of its own."""
        text, end = self.text, university[-1].end
        if CAMPUS_WORDS.isdisjoint(text[s:e] for s, e in university):
            return False
        after = CAMPUS_AFTER.pattern.match(text, end)
        if after is None or after.end() != run[-1].end or self._region_after(end):
            return False  # "Norvale University, Texas": where it is, not a campus
        words = [text[s:e] for s, e in run]
        return self.lex.org_words.isdisjoint(words) and words[0] not in self.lex.given_names

    def _governments(self, paragraph: Span) -> None:
        """ "the Morrow administration", "the Chilean government": a named government ("the U.S.
        government" is the country itself)."""
        if not holds_any(self.text, GOVERNMENT_WORDS, paragraph.start, paragraph.end):
            return
        for match in GOVERNMENT.pattern.finditer(self.text, paragraph.start, paragraph.end):
            owner = match.group("owner")
            code = self.lex.demonyms.get(owner) if owner not in self.lex.countries else None
            surname = any(
                a.kind == "person" and a.name.split()[-1] == owner
                for a in self.found.actors.values()
            )
            if code or surname or self._owns_an_administration(match):
                name = match.group(0)
                actor = ArticleActor(name, name, "organization", country_code=code)
                self.found.add(actor, Span(match.start(), match.end()), name)

    def _owns_an_administration(self, match: re.Match[str]) -> bool:
        """ "the incoming Voss administration": a name no one in the article bears still owns
        one; not a country ("the U.S. administration" is the country), a party or a level
        ("the Republican administration"), nor a sentence's first word without "the"."""
        owner, lex = match.group("owner"), self.lex
        if match.group("word") not in OFFICE_HOLDERS_TEAMS or owner.lower() in lex.function_words:
            return False
        not_owners = (
            POLITICAL_ADJECTIVES,
            lex.titles,
            lex.countries,
            lex.institutions,
            lex.org_words,
            lex.place_words,
        )
        if any(owner in words for words in not_owners):
            return False  # a party, a post, a country, an institution or a place
        before = self.text[max(0, match.start() - 30) : match.start()]
        return bool(THE_BEFORE_AN_OWNER.pattern.search(before))

    def _link_short_forms(self) -> None:
        """ "the Commission" is the "European Commission" when it is the article's one
        organisation with that word in its name."""
        for span, word, possessive in self.short_forms:
            named = [
                actor
                for actor in self.found.actors.values()
                if actor.kind == "organization" and word in actor.name.split()
            ]
            if len(named) == 1:
                self.found.add(named[0], span, word, possessive)

    def _names_with_the(self) -> None:
        """ "in The Harbour Times": an organisation's name that the article gives with a
        capital "The" inside a sentence has that form as an alias too."""
        for mention in self.found.mentions:
            start = mention.span.start
            if THE_IN_A_NAME.pattern.search(self.text, max(0, start - 6), start):
                actor = self.found.actors[mention.key]
                if actor.kind == "organization":
                    actor.aliases.add(f"The {self.text[start : mention.span.end]}")

    def _after_quote(self, start: int) -> bool:
        return start > 0 and self.text[start - 1] in '“"‘'

    def _link_single_words(self) -> None:
        """Surnames to people, acronyms to organisations, registered single names."""
        surnames: dict[str, list[ArticleActor]] = {}
        first_names: dict[str, list[ArticleActor]] = {}
        acronyms: dict[str, list[ArticleActor]] = {}
        heads: dict[str, list[ArticleActor]] = {}  # "Norvex" of "Norvex Group"
        tails: dict[str, list[ArticleActor]] = {}  # "Lions" of "Millbrook Lions"
        for actor in list(self.found.actors.values()):
            if actor.kind == "person" and " " in actor.name:
                for surname in _surnames(actor.name.split()):
                    surnames.setdefault(surname, []).append(actor)
                first_names.setdefault(actor.name.split()[0], []).append(actor)
            elif actor.kind == "organization":
                for acronym in _acronyms(actor.name):
                    acronyms.setdefault(acronym, []).append(actor)
                if " " in actor.name:
                    heads.setdefault(actor.name.split()[0], []).append(actor)
                    tails.setdefault(actor.name.split()[-1], []).append(actor)
        given_names = {  # a patronymic name's given name: "Azman" of "Azman bin Yusof"
            words[0]: [actor]
            for actor in self.found.actors.values()
            if actor.kind == "person"
            and len(words := actor.name.split()) >= 3
            and words[1] in PATRONYMIC_PARTICLES
        }
        name_words = self._words_of_names(surnames)
        organizations = self._single_word_organizations()
        groups = self._single_word_groups(organizations)
        for span, word, possessive, initial in self.single_words:
            surname_of = surnames.get(word, [])
            first_name_of = first_names.get(word, []) if self._is_given_name(word) else []
            acronym_of = acronyms.get(word, [])
            titled = self.found.actors.get(word)  # "Mr. Trump" kept apart from "Ivanka Trump"
            if titled is not None and titled.kind == "person":
                self.found.add(titled, span, word, possessive)
            elif len(surname_of) == 1:
                self.found.add(surname_of[0], span, word, possessive)
            elif surname_of and (nearest := self._named_last_before(surname_of, span.start)):
                # "Lead author Simone Achterberg ... Achterberg said ... Nils Achterberg"
                self.found.add(nearest, span, word, possessive)
            elif surname_of and (gendered := self._of_the_pronoun_after(surname_of, span)):
                # "Ana Ruiz ... her brother, Tomas Ruiz. Ruiz said she ..."
                self.found.add(gendered, span, word, possessive)
            elif not surname_of and len(given_of := given_names.get(word, [])) == 1:
                self.found.add(given_of[0], span, word, possessive)  # "Azman" of "Azman bin Yusof"
            elif not surname_of and len(first_name_of) == 1:
                # "Jamie says": the one person of the article whose first name it is
                self.found.add(first_name_of[0], span, word, possessive)
            elif (
                not surname_of
                and len(inner_of := name_words.get(word, [])) == 1
                and not self._modifies_a_noun(span)
            ):
                # "Echeverría said" of "Martín Echeverría Roldán"; "Teguh" of "Teguh Prasetyo"
                self.found.add(inner_of[0], span, word, possessive)
            elif len(heads.get(word, ())) == 1 and self._is_given_name(word):
                # "Corran said" after "Corran Petroleum": the company, not a "Corran"
                self.found.add(heads[word][0], span, word, possessive)
            elif self._is_first_name_person(span, word):
                gender = self.lex.given_names[word]
                self.found.add(
                    ArticleActor(word, word, "person", gender=gender), span, word, possessive
                )
            elif len(acronym_of) == 1:
                self.found.add(acronym_of[0], span, word, possessive)
            elif (
                not surname_of
                and word in self.lex.well_known_actors
                and self._is_well_known(span, word, possessive, initial)
            ):
                kind = self.lex.well_known_actors[word]
                self._add_organization(word, span, possessive, None, kind)
            elif not initial and not surname_of and self._is_listed_company(span, word):
                self._add_organization(word, span, possessive, None)
            elif self._heads_one_organization(word, heads):
                self.found.add(heads[word][0], span, word, possessive)  # "Norvex" (Group)
            elif self._ends_one_team(word, tails):
                self.found.add(tails[word][0], span, word, possessive)  # "the Lions"
            elif (
                (
                    _is_acronym(word)
                    and self._may_be_an_acronym(word)
                    and not self._opens_a_dateline(span)
                )
                or (self._speaks(span, word) and (not initial or self._opens_as_a_name(span, word)))
                or (word in organizations and not surname_of)
            ):
                kind = (
                    "group"
                    if word in groups
                    else "person"
                    if not _is_acronym(word) and self._names_a_person(word)
                    else "organization"
                )
                self._add_organization(word, span, possessive, None, kind)

    def _modifies_a_noun(self, span: Span) -> bool:
        """Whether a lower-case word that is no verb follows: "Coastline research director"."""
        following = NEXT_LOWER_WORD.match(self.text, span.end)
        if following is None:
            return False
        word = following.group(1)
        verb = word in self.lex.reporting_verbs or word in self.lex.clause_verbs
        return not (verb or word.endswith(("ed", "s")) or word in self.lex.function_words)

    def _words_of_names(
        self, surnames: dict[str, list[ArticleActor]]
    ) -> dict[str, list[ArticleActor]]:
        """The words of people's names other than their surnames, by word: a first surname
        of two ("Echeverría" of "Martín Echeverría Roldán") or a given name no dictionary
        lists ("Teguh" of "Teguh Prasetyo"); not a word of a country's or a known name."""
        words: dict[str, list[ArticleActor]] = {}
        for actor in self.found.actors.values():
            if actor.kind != "person" or actor.unnamed or " " not in actor.name:
                continue
            for word in set(actor.name.split()[:-1]):
                known = word in self.lex.countries or word in self.lex.well_known_actors
                named = word[:1].isupper() and not word.isupper() and len(word) > 2
                if named and not known and word not in surnames:
                    words.setdefault(word, []).append(actor)
        return words

    def _heads_one_organization(self, word: str, heads: dict[str, list[ArticleActor]]) -> bool:
        """Whether `word` opens the name of one organisation of the article ("Norvex" of
        "Norvex Group"); not "Washington" of "Washington Post"."""
        return (
            len(heads.get(word, ())) == 1
            and self._may_name_an_organization(word)
            and word not in REGIONS_AFTER_A_PLACE
        )

    def _ends_one_team(self, word: str, tails: dict[str, list[ArticleActor]]) -> bool:
        """Whether `word`, a plural no organisation word is or a newspaper's word, ends the
        name of one organisation of the article ("the Lions" of "the Millbrook Lions", "the
        Ledger" of "the Morning Ledger")."""
        plural = word.endswith("s") and not word.endswith("ss")
        team = plural and word not in self.lex.org_words
        paper = word in self.lex.newspaper_words  # "the Ledger" of "the Morning Ledger"
        return (team or paper) and len(tails.get(word, ())) == 1

    def _of_the_pronoun_after(self, people: list[ArticleActor], span: Span) -> ArticleActor | None:
        """Of people who share a surname, the one the first "he" or "she" (his, her) after the
        lone surname, in its sentence or the next, may be, when only one may."""
        end = self.text.find(".", span.end, span.end + 150)
        end = self.text.find(".", end + 1, end + 150) if end > 0 else -1  # the next sentence
        pronoun = PRONOUN_AFTER.pattern.search(
            self.text, span.end, end if end > 0 else span.end + 300
        )
        if pronoun is None or pronoun.group("person") is None:
            return None
        gender = "f" if pronoun.group("person").lower() in ("she", "her") else "m"
        matching = [person for person in people if person.gender in (gender, "?")]
        return matching[0] if len(matching) == 1 else None

    def _named_last_before(self, people: list[ArticleActor], position: int) -> ArticleActor | None:
        """Of people who share a surname, the one named before `position`, when only one of
        them was."""
        keys = {person.key for person in people}
        named_before = {m.key for m in self.found.before(position) if m.key in keys}
        if len(named_before) != 1:
            return None
        return self.found.actors[named_before.pop()]

    def _is_listed_company_name(self, name: Name) -> bool:
        """ "Goldman Sachs": a listed company's name of two words or more, not one that opens
        with a given name ("Walt Disney", "Ralph Lauren" are people too) nor a place's."""
        return (
            len(name.words) > 1
            and name.text in self.lex.listed_companies
            and not self._is_given_name_either_way(name.words[0])
            and not self._is_a_place_at(name.span)
        )

    def _is_well_known(self, span: Span, word: str, possessive: bool, initial: bool) -> bool:
        """ "Google", "Hamas" (well_known_actors.txt), unless the article makes the word a
        place ("in Harvard,", "Stanford, Calif.,"), a name given to something ("a dog named
        Disney"), an exclamation, an organisation's thing ("the Google"; a group takes "the")
        or also writes it in lower case; opening a sentence, an organisation only when it acts
        or speaks ("Discord within the council grew")."""
        kind = self.lex.well_known_actors.get(word)
        if kind is None or self._is_a_place_at(span) or self._placed_by_context([word], span):
            return False
        if NAMED_BEFORE.pattern.search(self.text, max(0, span.start - 12), span.start):
            return False  # "a spaniel named Disney"
        if self.text.startswith("!", span.end):
            return False  # "“Yahoo!” he shouted"
        if initial and kind != "group" and not self._acts_as_organization(span, possessive):
            return False  # "Discord within the council grew"; not "Greenpeace activists"
        if kind != "group" and not word.endswith("s") and self._written_after_the(word):
            return False  # "the Google"; but "the Liberals", a party
        return not self._written_in_lower_case(word)

    def _written_after_the(self, word: str) -> bool:
        """Whether the article writes "the" before `word` anywhere ("the Amazon")."""
        return holds_as_words(self.text, f"the {word}") or holds_as_words(self.text, f"The {word}")

    def _acts_as_organization(self, span: Span, possessive: bool) -> bool:
        return self._acts_or_owns(span, possessive) or self._named_as_organization(span)

    def _is_listed_company(self, span: Span, word: str) -> bool:
        """ "shares of Amazon", "Target said": a listed company's name, unless the article
        makes it a place ("in Dover,"), a thing ("the Amazon", anywhere in it) or a word it
        also writes in lower case ("a fox", "orange")."""
        return (
            word in self.lex.listed_companies
            and self._may_name_an_organization(word)
            and not self._is_a_place_at(span)
            and not self._written_after_the(word)
            and not self._written_in_lower_case(word)
        )

    def _opens_a_dateline(self, span: Span) -> bool:
        """ "TORVIK, Ore. (AP) —": the place in capitals that opens a paragraph."""
        opens = span.start == 0 or self.text[span.start - 1] == "\n"
        return opens and bool(DATELINE_AFTER.pattern.match(self.text, span.end))

    def _may_be_an_acronym(self, word: str) -> bool:
        """Not a listed abbreviation ("DVD", "N.J." as "NJ"), a given name, a Roman numeral,
        or a word set in capitals that the article also writes in lower case ("WAS")."""
        letters = word.replace(".", "")
        return not (
            word in self.lex.not_organizations
            or letters in self.lex.not_organizations
            or word in DESCRIPTIVE_ACRONYMS
            or word in self.lex.given_names
            or ROMAN_NUMERAL.pattern.fullmatch(word)
            or (len(letters) > 2 and self._written_in_lower_case(word))
        )

    def _names_a_person(self, word: str) -> bool:
        """Whether a lone unknown name does what only a person does ("Sowande laughed"),
        or "he" or "she" refers back to it more often than "it" ("Voss said she ...") and
        nothing names it as an organisation: a person's surname."""
        spans = [span for span, other, _, _ in self.single_words if other == word]
        if any(self._acts_as_a_person(span) for span in spans):
            return True  # "Sowande laughed"
        if sum(self._pronoun_vote(span) for span in spans) <= 0:
            return False
        return not any(self._named_as_organization(span) for span in spans)

    def _pronoun_vote(self, span: Span) -> int:
        """+1 when the first pronoun after a mention is a person's, -1 when it is "it"; +1
        when the mention speaks a quotation in the first person singular ("I", "my")."""
        text, start = self.text, span.start
        before = text.endswith(("” ", '" '), 0, start) and FIRST_PERSON_QUOTE_BEFORE.pattern.search(
            text, max(0, start - 400), start
        )
        if before or FIRST_PERSON_QUOTE_AFTER.pattern.match(text, span.end):
            return 1
        pronoun = PRONOUN_AFTER.pattern.search(self.text, span.end, span.end + 150)
        if pronoun is None:
            return 0
        return 1 if pronoun.group("person") else -1

    def _single_word_groups(self, organizations: set[str]) -> set[str]:
        """Of those, the named groups: "Norvex gunmen", "Norvex, the separatist group"."""
        groups = set()
        for span, word, _, _ in self.single_words:
            if word in organizations and self._named_as_group(span):
                groups.add(word)
        return groups

    def _named_as_group(self, span: Span) -> bool:
        if GROUP_MEMBERS_AFTER.pattern.match(self.text, span.end):
            return True
        appositive = ORGANIZATION_APPOSITIVE.pattern.match(self.text, span.end)
        return appositive is not None and appositive.group("noun") in GROUP_NOUNS

    def _single_word_organizations(self) -> set[str]:
        """Unknown single names the article shows to be organisations: named after a noun
        for one ("the cable operator Norvex", "companies like Norvex"), told something or
        reporting ("told Norvex"), or named twice or more and once acting or owning
        ("Norvex has ...", "Norvex's network"); never a word used as a place ("in Torvik,";
        "in Norvex's devices" is an owner's)."""
        occurrences: dict[str, list[tuple[Span, bool]]] = {}
        for span, word, possessive, _ in self.single_words:
            occurrences.setdefault(word, []).append((span, possessive))
        found = set()
        for word, spans in occurrences.items():
            if not self._may_name_an_organization(word) or any(
                self._is_a_place_at(span) and not possessive for span, possessive in spans
            ):
                continue
            spans = [(span, p) for span, p in spans if not self._ends_a_longer_name(span)]
            if any(self._acts_as_a_person(span) for span, p in spans if not p):
                continue  # "Sowande laughed", "Haddad paused": a person, never a company
            if any(self._named_as_organization(span) for span, _ in spans) or (
                len(spans) >= 2
                and self._may_be_a_name_that_acts(word)
                and any(self._acts_or_owns(span, possessive) for span, possessive in spans)
            ):
                found.add(word)
        return found

    def _may_be_a_name_that_acts(self, word: str) -> bool:
        """Not a code ("Y2K"), a plural of capitals ("ISPs"), or a common noun that opens a
        sentence ("Snow", when the article writes "snow" too)."""
        if any(c.isdigit() for c in word) or (word.endswith("s") and word[:-1].isupper()):
            return False
        return not self._written_in_lower_case(word)

    def _written_in_lower_case(self, word: str) -> bool:
        """Whether the article also writes `word` in lower case, as a whole word."""
        lower, text = word.lower(), self.text
        at = text.find(lower)
        while at >= 0:
            end = at + len(lower)
            whole = (at == 0 or text[at - 1].isspace()) and not _continues_a_word(text, end)
            if whole:
                return True
            at = text.find(lower, end)
        return False

    def _ends_a_longer_name(self, span: Span) -> bool:
        before = self.text[max(0, span.start - 30) : span.start]
        return bool(END_OF_A_LONGER_NAME.pattern.search(before))

    def _may_name_an_organization(self, word: str) -> bool:
        """Not a word of the language, a title, a given name, a nationality, a country, a
        date or a place word; not "I'm"."""
        lex = self.lex
        return not (
            len(word) < 2
            or not _is_capitalised(word)
            or "'" in word
            or "’" in word
            or word.lower() in lex.function_words
            or word in lex.titles
            or word in lex.given_names
            or word in lex.demonyms
            or word.removesuffix("s") in lex.demonyms
            or word in lex.countries
            or word in lex.not_organizations
            or word in lex.place_words
            or word.lower() in WEEKDAYS
            or word.lower() in lex.unnamed_sources
        )

    def _is_a_place_at(self, span: Span) -> bool:
        before = self.text[max(0, span.start - 12) : span.start]
        if not IN_A_PLACE.pattern.search(before):
            return False
        return bool(PUNCTUATION_OR_SMALL_WORD.pattern.match(self.text, span.end, span.end + 5))

    def _named_as_organization(self, span: Span) -> bool:
        """After a noun for organisations ("the operator Norvex", "firms like Norvex"),
        after "told" or a verb of posting ("shared it on Norvex"), signing a quoted post
        with an account's handle, before its members ("Norvex gunmen") or an appositive that
        calls it one ("Norvex, the group")."""
        named = self.named_as_organization.get(span)
        if named is None:
            named = self._named_as_organization_at(span)
            self.named_as_organization[span] = named
        return named

    def _employed_at(self, span: Span) -> bool:
        """ "a researcher at Norvex Labs" (EMPLOYED_AT), "the chief executive of Norvex"
        (POST_OF); not "at the Torvik office of ..."."""
        text, start, reach = self.text, span.start, max(0, span.start - WORK_REACH)
        if text.endswith(("at ", "at the "), 0, start):  # quicker than the patterns
            rule = EMPLOYED_AT
        elif text.endswith(("of ", "of the "), 0, start) or (
            text.endswith(("for ", "for the "), 0, start) and " " not in span.of(text)
        ):
            rule = POST_OF  # "a spokesman for" a longer name may be a person's: left to them
        else:
            return False
        if not rule.pattern.search(text, reach, start):
            return False
        return SITE_AFTER.pattern.match(text, span.end) is None

    def _posted_on(self, span: Span, before: str) -> bool:
        """ "shared it on Norvex": the platform; not a date ("posted on Nov. 5") or an
        abbreviated place ("a letter to L.A.")."""
        word = self.text[span.start : span.end]
        if "." in word or word.lower() in MONTHS:
            return False
        return POSTED_ON.pattern.search(before[-60:]) is not None

    def _named_as_organization_at(self, span: Span) -> bool:
        before = self.text[max(0, span.start - 120) : span.start]
        return bool(
            self._after_an_organization_noun(before)
            or TOLD_BEFORE.pattern.search(before)
            or self._posted_on(span, before)
            or self._employed_at(span)
            or ACCOUNT_AFTER.pattern.match(self.text, span.end)
            or self._staff_after(span)
            or self._named_as_group(span)
            or (before.endswith("(") and AGENCY_IN_A_DATELINE.pattern.match(self.text, span.end))
            or ORGANIZATION_APPOSITIVE.pattern.match(self.text, span.end)
        )

    def _staff_after(self, span: Span) -> bool:
        """ "a Norvex spokeswoman" (STAFF_AFTER); not a sentence's first word ("Senior
        executives") nor an adjective ("Federal employees", ADJECTIVE_ENDING)."""
        if not STAFF_AFTER.pattern.match(self.text, span.end):
            return False
        word = self.text[span.start : span.end]
        return not self._opens_a_sentence(span) and ADJECTIVE_ENDING.pattern.search(word) is None

    def _opens_a_sentence(self, span: Span) -> bool:
        """Whether only a sentence's end, a quotation mark or a new line comes before."""
        before = self.text[max(0, span.start - 3) : span.start].rstrip(" ")
        return not before or before[-1] in SENTENCE_OPENERS

    def _unnamed_organization(self, core: list[str], span: Span) -> bool:
        """A name of two words or more that opens with no given name and that the text shows
        to be an organisation's: after a noun for organisations ("Utility company Coastline
        Power", "the news site Capitol Wire"), or speaking of itself (_speaks_of_itself)."""
        if len(core) < 2 or _is_initial(core[0]) or self._is_given_name_either_way(core[0]):
            return False
        before = self.text[max(0, span.start - 60) : span.start]
        return self._after_an_organization_noun(before) or self._speaks_of_itself(span)

    def _after_an_organization_noun(self, before: str) -> bool:
        """ORGANIZATION_NOUN_BEFORE, searched only when its noun is the last word or a list
        may be open (quicker: most names have neither)."""
        words = before[-40:].split()
        last = words[-1].lower().rstrip(",") if words else ""  # "The manufacturer, Agrovant"
        if last not in ORGANIZATION_NOUNS and not any(w in before for w in LIST_OPENERS):
            return False
        return bool(ORGANIZATION_NOUN_BEFORE.pattern.search(before))

    def _acts_as_a_person(self, span: Span) -> bool:
        """Whether the word after `span` is a verb only a person does ("Sowande laughed")."""
        following = self.text[span.end : span.end + 16].split(maxsplit=1)
        return bool(following) and following[0].rstrip(".,;:!?") in PERSON_VERBS

    def _acts_or_owns(self, span: Span, possessive: bool) -> bool:
        if possessive:
            end = self.text.find(" ", span.end, span.end + 4)  # past the possessive ending
            return end >= 0 and bool(POSSESSIVE_OF_A_THING.pattern.match(self.text, end))
        following = VERB_AFTER_WORD.pattern.match(self.text[span.end : span.end + 25])
        if not following:
            return False
        verb = following.group(1)
        return verb in ACTION_VERBS or verb in self.lex.reporting_verbs

    def _is_given_name(self, word: str) -> bool:
        return word in self.lex.given_names and word not in self.lex.countries

    def _is_first_name_person(self, span: Span, word: str) -> bool:
        """ "Ana, 16, alleged ...": a lone first name with an age, after a noun of family, or
        before a reporting verb or a verb of acting."""
        if self.lex.given_names.get(word, "?") == "?" or word in self.lex.countries:
            return False
        if word in REGIONS_AFTER_A_PLACE:
            return False  # "Sen. Wade Hollister of Montana said": a state
        after = self.text[span.end : span.end + 20]
        if AGE_AFTER.pattern.match(after):
            return True
        if KINSHIP_BEFORE.pattern.search(self.text, max(0, span.start - 60), span.start):
            return True  # "their son Lev"
        following = WORD_AFTER.pattern.match(after)
        if following and following.group(1) in ACTION_VERBS and word.lower() not in MONTHS:
            return True  # "Lev has helped"
        if (
            after[:1] in (",", ".")
            and QUOTE_CLOSE_THEN_CUE.pattern.search(self.text, max(0, span.start - 30), span.start)
            and not self.text.endswith(("told ", "to "), 0, span.start)  # "she told Dawn."
        ):
            return True  # "“It’s new,” said Jared, an undergraduate"; not "said Victoria, the"
        if (
            self.text.endswith(", ", 0, span.start)
            and after.startswith(", ")
            and word.lower() not in MONTHS
        ):
            verb = VERB_AFTER_NAME.pattern.match(after)  # "Another resident, Ron, said"
            if verb and verb.group(1) in self.lex.reporting_verbs:
                return True
        described = DESCRIBED_AFTER_NAME.pattern.match(self.text, span.end, span.end + 90)
        if described and self._is_a_person_noun(described["noun"]):
            return True  # "Daniel, a New York University senior, said"
        usage = self.lex.reporting_verbs.get(following.group(1)) if following else None
        return usage in ("bare", "that")

    def _is_a_person_noun(self, noun: str) -> bool:
        return noun in self.lex.person_nouns or noun.endswith(AGENT_ENDINGS)

    def _speaks(self, span: Span, word: str) -> bool:
        """ "Norvex said": an unknown single name that reports speech is an organisation."""
        following = VERB_AFTER_WORD.pattern.match(self.text[span.end : span.end + 40])
        if not following or following.group(1) not in self.lex.reporting_verbs:
            return False
        if AFTER_PLACE_WORD.pattern.search(self.text[max(0, span.start - 6) : span.start]):
            return False  # "in Lisbon said": a place
        lowered = word.lower()
        return (
            lowered not in self.lex.function_words
            and word not in self.lex.titles
            and not (word in self.lex.given_names or word in self.lex.demonyms)
        )

    def _opens_as_a_name(self, span: Span, word: str) -> bool:
        """ "Norgas said it was cooperating": a sentence's first word that speaks in the past
        tense or "says" (not "Phone calls", "Initial reports") is a name when it is no word of
        the language ("Officials", "Critics", "Others") and not a people's ("Americans")."""
        lowered, lex = word.lower(), self.lex
        verb = VERB_AFTER_WORD.pattern.match(self.text, span.end, span.end + 40)
        if verb is None or not (verb.group(1).endswith("ed") or verb.group(1) in PAST_CUES):
            return False
        return not (
            self._is_a_word_of_the_language(word)
            or lowered.removesuffix("s") in lex.unnamed_sources
            or word.removesuffix("s") in lex.demonyms
            or word in REGIONS_AFTER_A_PLACE  # "Washington said": a state, or a government
            or lowered in KINSHIP_NOUNS  # "Mum believed that ..."
            or word.isupper()  # an acronym: linked as one
        )

    def _genders_of_kin(self) -> None:
        """ "her father, Dawit Tesfaye": a person of no known gender named right after a noun
        of family that tells one gets it."""
        for mention in self.found.mentions:
            actor = self.found.actors[mention.key]
            if actor.kind != "person" or actor.gender != "?":
                continue
            kin = KIN_BEFORE.search(self.text, max(0, mention.span.start - 16), mention.span.start)
            if kin:
                actor.gender = KINSHIP_GENDERS[kin.group(1).lower()]

    def _merge_middle_initials(self) -> None:
        """ "Jane Morrow" is "Jane K. Morrow" when the article names both: the name without
        its middle initials is merged into the name with them."""
        with_initials: dict[tuple[str, str], list[ArticleActor]] = {}
        for actor in self.found.actors.values():
            words = actor.name.split()
            if actor.kind == "person" and len(words) >= 3 and all(map(_is_initial, words[1:-1])):
                with_initials.setdefault((words[0], words[-1]), []).append(actor)
        for actor in list(self.found.actors.values()):
            words = actor.name.split()
            if actor.kind != "person" or len(words) != 2:
                continue
            fuller = with_initials.get((words[0], words[-1]), [])
            if len(fuller) == 1 and _same_gender_or_unknown(actor, fuller[0]):
                self.found.merge(actor.key, fuller[0].key)

    def _full_names_of_surnames(self) -> None:
        """ "named Kellan Dorsey, ..." and later "Dorsey said": two words no rule placed are a
        person when the second is a person's lone surname in the article and the first could
        open a name (not a word of the language, a place, a title or a people); never after an
        article ("the Brackenfield Bears prop", when "the Bears said" made "Bears" a person)."""
        surnames = {
            a.name: a
            for a in self.found.actors.values()
            if a.kind == "person" and " " not in a.name
        }
        for span, name, possessive, initial in self.unplaced_pairs:
            first, last = name.split()
            after_article = self.text.endswith(("the ", "The ", "a ", "an "), 0, span.start)
            # a sentence's first word may be any word ("Ask Dorsey", "Amazing Grace")
            unsure = after_article or (initial and first not in self.lex.given_names)
            if last in surnames and self._may_open_a_name(first) and not unsure:
                if surnames[last].title is None and not self._honorific_gendered(surnames[last]):
                    surnames[last].gender = "?"  # read as a given name ("Conway"), it is none
                self._add_person(name, None, None, "?", span, possessive)
            elif (
                not unsure
                and self._joined_to_a_person(span)
                and self._may_open_a_name(first)
                and not self._is_a_word_of_the_language(first)  # "and New Jersey"
                and name not in REGIONS_AFTER_A_PLACE
            ):
                self._add_person(name, None, None, "?", span, possessive)  # "by X and Ana Ruiz"

    def _honorific_gendered(self, actor: ArticleActor) -> bool:
        """Whether an honorific that tells a gender came with a name ("Ms. Conway")."""
        honorifics = self.lex.honorifics
        return any(honorifics.get(alias.split()[0], "?") != "?" for alias in actor.aliases)

    def _joined_to_a_person(self, span: Span) -> bool:
        """Whether "and" joins the two words at `span` to a person's name ("founded by Nnamdi
        Eze and Rosalind Marsh"), either way round."""
        after = self.text.startswith(" and ", span.end)
        before = self.text.endswith(" and ", 0, span.start)
        if not (after or before):
            return False
        for mention in self.found.mentions:
            actor = self.found.actors[mention.key]
            if actor.kind != "person" or actor.unnamed:
                continue
            if after and mention.span.start == span.end + len(" and "):
                return True
            if before and mention.span.end == span.start - len(" and "):
                return True
        return False

    def _may_open_a_name(self, word: str) -> bool:
        lex = self.lex
        if self._cannot_be_in_a_name(word, 0) or word.lower() in MONTHS or "." in word:
            return False
        if any(word in words for words in (lex.countries, lex.demonyms, lex.place_words)):
            return False
        return word not in lex.org_words and not self._written_in_lower_case(word)

    def _merge_short_organizations(self) -> None:
        """ "Kellun Bank" is "Kellun Bank Corporation", "Hollins Pharma" is "Hollins
        Pharmaceuticals", when the article names both (_shortens) and no other."""
        by_first: dict[str, list[tuple[ArticleActor, list[str]]]] = {}
        for actor in self.found.actors.values():
            if actor.kind == "organization" and not actor.unnamed:
                words = actor.name.split()
                by_first.setdefault(words[0], []).append((actor, words))
        for organizations in by_first.values():  # only names that share a first word
            if len(organizations) > 1:
                self._merge_short_of(organizations)

    def _merge_short_of(self, organizations: list[tuple[ArticleActor, list[str]]]) -> None:
        for short, words in organizations:
            if len(words) < 2 or short.key not in self.found.actors:
                continue
            full = [
                actor
                for actor, other in organizations
                if actor is not short and actor.key in self.found.actors and _shortens(words, other)
            ]
            if len(full) == 1:
                self.found.merge(short.key, full[0].key)

    def _merge_short_names(self) -> None:
        """ "Mr Reed" (a title and a surname) is "Tom Reed" when the article names him; not
        "Ms Ana Reed", whose title says she is someone else of that name."""
        people = [(a, a.name.split()) for a in self.found.actors.values() if a.kind == "person"]
        for short, tokens in people:
            if short.key not in self.found.actors:
                continue  # merged already
            full = [
                p
                for p, words in people
                if len(words) > len(tokens)
                and (
                    words[-len(tokens) :] == tokens
                    or words[: len(tokens)] == tokens
                    or (len(tokens) == 1 and tokens[0] in _surnames(words))  # "Mr Yip"
                )
                and p.key in self.found.actors  # not merged into a longer name already
                and _same_gender_or_unknown(short, p)
            ]
            if len(full) > 1 and short.title:  # "Officer Reed": the one Reed so titled
                full = [p for p in full if _same_role(short.title, p.title)]
            if len(full) == 1:
                self.found.merge(short.key, full[0].key)


def _shortens(short: list[str], full: list[str]) -> bool:
    """Whether `short` names what `full` names: "Kellun Bank" of "Kellun Bank Corporation"
    (only a company's suffixes after it), "Hollins Pharma" of "Hollins Pharmaceuticals" (its
    last word opens the other's)."""
    if len(full) > len(short) and full[: len(short)] == short:
        return all(word in COMPANY_SUFFIXES for word in full[len(short) :])
    return (
        len(full) == len(short)
        and full[:-1] == short[:-1]
        and len(short[-1]) >= MIN_CLIPPED_WORD
        and full[-1] != short[-1]
        and full[-1].startswith(short[-1])
    )


def _is_initial(word: str) -> bool:
    """ "J." or "J"."""
    return word[0].isupper() and word[1:] in ("", ".")


def _continues_a_word(text: str, end: int) -> bool:
    """Whether a letter, a digit, or a period or @ then one comes at `end` ("norvex.com")."""
    if end == len(text):
        return False
    if text[end].isalnum():
        return True
    return text[end] in ".@/" and end + 1 < len(text) and text[end + 1].isalnum()


PAST_CUES = frozenset({"said", "says", "told", "wrote"})  # cues that are no plural noun


def _same_role(title: str, other: str | None) -> bool:
    """ "Officer" and "Police Officer", "Sen." and "Sen.": the same last word."""
    return other is not None and title.split()[-1] == other.split()[-1]


def _same_gender_or_unknown(one: ArticleActor, other: ArticleActor) -> bool:
    return "?" in (one.gender, other.gender) or one.gender == other.gender


@cache
def _title_tables(lex: Lexicons) -> tuple[frozenset[str], list[str], dict[str, list[str]]]:
    """The titles; those in lower case, longest first; all by first word, longest first.
    "Sen." and "Dr." are matched without their period: the name tokens have none."""
    title_set = frozenset(t.rstrip(".") for t in lex.titles)
    titles = sorted(title_set, key=lambda t: (-len(t.split()), t))  # no hash-order ties
    by_first: dict[str, list[str]] = {}
    for title in titles:
        by_first.setdefault(title.split()[0], []).append(title)
    return title_set, [t for t in titles if t[0].islower()], by_first


def _unaccented(word: str) -> str:
    """ "Siobhan" of "Siobhán": the letters without their accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _surnames(words: list[str]) -> list[str]:
    """The words a person's name may be shortened to, after "Mr" or alone: the last; and,
    before a given name of two syllables at the end, the word before it ("Yip" of "Tommy Yip
    Chun-hung", "Park" of "Park Ji-hoon")."""
    last = words[-1]
    if SYLLABIC_NAME.fullmatch(last) and not _describes(last):
        return [last, words[-2]]
    return [last]


@lru_cache(maxsize=1 << 16)
def _split_title(lex: Lexicons, name: tuple[str, ...]) -> Title:
    """ActorFinder._title's answer, kept across articles: names and titles recur. Nothing
    changes a Title's lists."""
    words = list(name)
    titles_by_first = _title_tables(lex)[2]
    country_code = None
    rest = words
    for size in (3, 2, 1):
        prefix = " ".join(rest[:size])
        if len(rest) > size and (prefix in lex.demonyms or prefix in lex.countries):
            country_code = lex.demonyms.get(prefix) or lex.countries[prefix]
            rest = rest[size:]
            break
    for portfolio in range(min(4, len(rest))):  # "Coastal Affairs Minister Ana Ruiz"
        word = rest[portfolio]  # also a plural title: "Justices Mary Ellen Stone"
        plural_of = titles_by_first.get(word[:-1], []) if word.endswith("s") else []
        for title in titles_by_first.get(word, []) + plural_of:
            size = len(title.split())
            candidate = " ".join(rest[portfolio : portfolio + size])
            if candidate not in (title, title + "s") or not title[0].isupper():
                continue
            if portfolio and len(rest) <= portfolio + size:
                if len(rest) == portfolio + size and size > 1:  # "Municipal Chief Executive"
                    return Title(country_code, " ".join(rest), "?", [])  # a post, no one named
                continue
            end = portfolio + size
            if end < len(rest) - 2 and rest[end] in ("for", "of"):
                if candidate != title:
                    continue  # "Representatives for Ms. Voss": people who act for her
                end = _portfolio_end(lex, rest, end)
            if _names_a_post(lex, titles_by_first, rest[end:]):
                continue  # "Deputy Sales Director": no name after the title
            inside = _honorific_inside(lex, rest, end)  # "Secretary Planning Dr Nadia Qureshi"
            if inside is not None:
                gender = lex.honorifics[rest[inside]]
                return Title(country_code, " ".join(rest[:inside]), gender, rest[inside + 1 :])
            gender = lex.title_genders.get(title, "?")
            end = _chained_title_end(titles_by_first, rest, end)
            return Title(country_code, " ".join(rest[:end]), gender, rest[end:])
    if country_code and not rest:
        return Title(country_code, None, "?", [])
    if country_code and len(rest) >= 2 and rest[0] in lex.given_names:
        return Title(country_code, None, "?", rest)  # "Italian Sofia Marchetti"
    if (
        3 <= len(rest) <= MAX_NAME_WORDS + 1
        and rest[0].lower() in lex.roles_before_a_name
        and JOINERS.isdisjoint(rest[1:])  # not "Staff of Ports and Coastal Affairs"
    ):
        return Title(country_code, rest[0], "?", rest[1:])  # "Economist Ana Ruiz ..."
    return Title(None, None, "?", words)  # a country word begins a name: Chad Olsen


def _names_a_post(lex: Lexicons, titles_by_first: dict[str, list[str]], core: list[str]) -> bool:
    """ "Sales Director": words that end in a title and open with no given name."""
    return len(core) >= 2 and core[-1] in titles_by_first and core[0] not in lex.given_names


def _chained_title_end(titles_by_first: dict[str, list[str]], words: list[str], end: int) -> int:
    """ "Maj. Gen. Ana Ruiz", "Lieutenant Governor Ana Ruiz": a title straight after a title
    is part of it, when a name follows; so is one after a single word of place ("SHO Bindapur
    Inspector Rajesh Yadav")."""
    if end + 3 < len(words) and any(
        title == words[end + 1] for title in titles_by_first.get(words[end + 1], [])
    ):
        end += 1  # the place; the title after it is chained below
    while end < len(words) - 1:
        size = next(
            (
                len(title.split())
                for title in titles_by_first.get(words[end], [])
                if title[0].isupper() and " ".join(words[end : end + len(title.split())]) == title
            ),
            0,
        )
        if not size or end + size >= len(words):
            return end
        end += size
    return end


def _portfolio_end(lex: Lexicons, words: list[str], start: int) -> int:
    """Where the name begins after "Minister for Foreign Affairs ...": at a known first
    name or an honorific ("... for Rural Development Shri Girish Mahato"), else two words
    from the end."""
    for index in range(start + 2, len(words) - 1):
        if lex.given_names.get(words[index], "?") != "?" or words[index] in lex.honorifics:
            return index
    if all(w in PORTFOLIO_NOUNS or w in CONNECTORS for w in words[-2:]):
        return len(words)  # "Minister of State for Rural Development": no one named
    return len(words) - 2


def _honorific_inside(lex: Lexicons, words: list[str], end: int) -> int | None:
    """Where an honorific stands inside the words after a title, a name of two words or
    more after it: what comes before it is the title's ("Secretary Planning Dr Nadia
    Qureshi")."""
    for index in range(end, len(words) - 2):
        if words[index] in lex.honorifics:
            return index
    return None


def _is_acronym(word: str) -> bool:
    if not word.isupper():  # as the letters alone: a period has no case
        return False
    letters = word.replace(".", "").replace("&", "")  # "U.S.", "B&Q"
    return 2 <= len(letters) <= 6 and letters.isalpha()


def _acronym(name: str) -> str:
    """ "EC" of "European Commission"; an acronym among the words stays whole: "NSWNMA" of
    "NSW Nurses and Midwives' Association"."""
    return "".join(
        w if _is_acronym(w) else w[0]
        for w in name.split()
        if w[0].isupper() and w.lower() not in CONNECTORS
    )


def _acronyms(name: str) -> set[str]:
    """The acronyms a name may be written as: of all its words, or of those before its last
    "and" ("CDC" of "Centers for Disease Control and Prevention")."""
    before_and, _, after_and = name.rpartition(" and ")
    return (
        {_acronym(name), _acronym(before_and)}
        if before_and and " " not in after_and
        else {_acronym(name)}
    )


def add_byline_actors(
    found: ArticleActors,
    byline: str,
    publisher: str | None,
    authors: tuple[str, ...],
    registry: Mapping[str, RegistryEntry],
) -> None:
    """The byline's authors and publisher are actors, mentioned where the byline names them;
    "(UPI)" in the body is the byline's "United Press International"."""
    named = [(name, "person") for name in authors]
    named += [(publisher, "organization")] if publisher else []
    for name, kind in named:
        entry = registry.get(name)
        actor = entry.actor() if entry else ArticleActor(name, name, kind)
        at = byline.find(name)
        if at < 0:
            found.actors.setdefault(actor.key, actor)
        else:
            found.add(actor, Span(at, at + len(name)), name)
    if publisher:
        acronym = _acronym(publisher.removeprefix("The "))
        shortened = found.actors.get(acronym)
        if shortened and shortened.kind == "organization" and publisher in found.actors:
            found.merge(acronym, publisher)
