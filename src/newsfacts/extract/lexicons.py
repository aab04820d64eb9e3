"""Loading the general word lists in newsfacts/lexicons/ and the name lists of packages.

`load_lexicons` gives the finders the lists they look words up in; `word_list`, `word_set` and
`word_table` give the rule modules the lists they build their patterns from.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import pycountry


def _lines(name: str) -> list[str]:
    text = (resources.files("newsfacts") / "lexicons" / name).read_text(encoding="utf-8")
    rows = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [row for row in rows if row]


def word_list(name: str) -> tuple[str, ...]:
    """The entries of a lexicon, one a line, in the file's order: for the rule modules, which
    build their patterns when imported."""
    return tuple(_lines(name))


def word_set(name: str) -> frozenset[str]:
    """The words of a lexicon, several to a line."""
    return frozenset(word for line in _lines(name) for word in line.split())


def word_table(name: str) -> dict[str, str]:
    """A lexicon of pairs, `entry<TAB>value`, in the file's order."""
    return dict(row.split("\t", 1) for row in _lines(name))


@dataclass(frozen=True, eq=False)  # hashed by identity: per-lexicon tables are cached
class Lexicons:
    reporting_verbs: dict[str, str]  # form -> "bare" | "that"
    titles: frozenset[str]
    org_words: frozenset[str]  # with the newspaper words
    newspaper_words: frozenset[str]  # "Examiner": a paper's when it ends a name
    place_words: frozenset[str]
    function_words: frozenset[str]
    unnamed_sources: frozenset[str]
    roles_before_a_name: frozenset[str]  # "Sociologist Ana Ruiz": a role, then the name
    person_nouns: frozenset[str]  # "the producer Adunni Okonjo-Bello": a person's name after
    documents: frozenset[str]  # with the records
    records: frozenset[str]  # "the indictment": a document that is a source of its own
    not_organizations: frozenset[str]
    listed_companies: frozenset[str]  # "Amazon", "Goldman Sachs": listed_companies.txt
    well_known_actors: dict[str, str]  # "Google" -> "organization", "Hamas" -> "group"
    clause_verbs: frozenset[str]
    portfolio_titles: frozenset[str]
    honorifics: dict[str, str]  # honorific -> gender
    title_genders: dict[str, str]  # honorifics and gendered titles -> gender
    cue_roles: dict[str, str]  # reporting verb -> addressee | relay
    back_references: dict[str, str]  # "company" -> the kind of actor "the company" means
    trade_names: dict[str, frozenset[str]]  # "regulator" -> {"Authority", ...}: its names' words
    institution_back_references: frozenset[str]  # "commission": the named one, "the commission"
    person_back_references: dict[str, str]  # "actress" -> the gender "the actress" has
    institutions: frozenset[str]
    clause_starts: frozenset[str]
    countries: dict[str, str]  # name or alias -> ISO alpha-3
    demonyms: dict[str, str]
    country_names: dict[str, str]  # ISO alpha-3 -> canonical short name
    given_names: dict[str, str]  # given name -> "m" | "f" | "?"
    unisex_given_names: frozenset[str]  # used for both in English-speaking countries: "Pat"
    not_first_names: frozenset[str]  # given names of either gender that begin place names
    attribution_confidence: dict[str, float]  # "<kind> <attribution>" -> speaker accuracy
    prepositions_before_a_name: frozenset[str]
    speaker_weights: dict[str, float]  # "<decision> <feature>" -> weight (speaker_scoring.py)


def _country_tables() -> tuple[dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    canonical: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_3
        common = getattr(country, "common_name", None) or country.name
        canonical[code] = common
        for form in (country.name, common, getattr(country, "official_name", None)):
            if form and "," not in form and "(" not in form:
                names[form] = code
    territories = word_set("territories.txt")
    names = {name: code for name, code in names.items() if code not in territories}
    names.update(word_table("country_aliases.txt"))
    preferred = {code: name for name, code in word_table("country_names.txt").items()}
    names.update({name: code for code, name in preferred.items()})
    return names, canonical | preferred


def _given_names(not_first_names: frozenset[str]) -> tuple[dict[str, str], frozenset[str]]:
    """First names with their gender, from gender-guesser's name dictionary, and the names it
    lists as used for both genders in English-speaking countries ("Pat", "Alex").

    The gender is the one listed in the most countries, as gender-guesser's detector does
    ("Ali", "Jan" are men's names), but "?" where English-speaking countries use the name for
    both or for the other gender ("Jean", "Sasha"), and for the words that more often begin a
    place's name (not_first_names.txt: "Sunny")."""
    data = resources.files("gender_guesser") / "data" / "nam_dict.txt"
    widest: dict[str, tuple[tuple[int, int], str]] = {}
    english: dict[str, set[str]] = {}
    with data.open(encoding="utf-8") as handle:
        for line in handle:
            code, name = line[:2].strip(), line[3:29].strip()
            if not code or code.startswith("#") or code == "=" or " " in name or "+" in name:
                continue
            gender = "m" if code in {"M", "1M", "?M"} else "f" if code in {"F", "1F", "?F"} else "?"
            values = line[30:].rstrip("$\n ")
            spread = (
                sum(v.isalnum() for v in values),
                sum(int(v, 16) for v in values if v.isalnum()),
            )
            if name not in widest or spread > widest[name][0]:
                widest[name] = (spread, gender)
            if any(v.isalnum() for v in values[:ENGLISH_COLUMNS]):
                english.setdefault(name, set()).update("mf" if gender == "?" else gender)
    genders = {}
    for name, (spread, gender) in widest.items():
        there = english.get(name, {gender})
        agreed = spread[0] and len(there) == 1 and gender in there
        genders[name] = gender if agreed and name not in not_first_names else "?"
    for name, gender in word_table("given_names.txt").items():  # names the dictionary lacks
        genders.setdefault(name, gender)
    unisex = frozenset(
        name for name, there in english.items() if len(there) == 2 and name not in not_first_names
    )
    return genders, unisex


ENGLISH_COLUMNS = 3  # gender-guesser's first columns: Great Britain, Ireland, the USA


@cache
def load_lexicons() -> Lexicons:
    countries, country_names = _country_tables()
    unnamed_sources = (
        frozenset(_lines("unnamed_sources.txt"))
        | word_set("party_members.txt")
        | word_set("staff_sources.txt")
    )
    person_back_references = word_table("person_back_references.txt")
    not_first_names = word_set("not_first_names.txt")
    given_names, unisex_given_names = _given_names(not_first_names)
    newspaper_words = frozenset(_lines("newspaper_words.txt"))
    return Lexicons(
        reporting_verbs=word_table("reporting_verbs.txt"),
        titles=frozenset(_lines("titles.txt")),
        org_words=frozenset(_lines("org_words.txt")) | newspaper_words,
        newspaper_words=newspaper_words,
        place_words=frozenset(_lines("place_words.txt")),
        function_words=word_set("function_words.txt"),
        unnamed_sources=unnamed_sources,
        roles_before_a_name=unnamed_sources
        | word_set("work_before_at.txt")
        | frozenset(person_back_references),
        person_nouns=word_set("person_nouns.txt")
        | {source for source in unnamed_sources if not source.endswith("s")}
        | {title.lower() for title in _lines("titles.txt") if " " not in title}
        | frozenset(person_back_references),
        documents=frozenset(_lines("documents.txt")) | frozenset(_lines("records.txt")),
        records=frozenset(_lines("records.txt")),
        not_organizations=frozenset(_lines("not_organizations.txt")),
        listed_companies=frozenset(_lines("listed_companies.txt")),
        well_known_actors=word_table("well_known_actors.txt"),
        clause_verbs=word_set("clause_verbs.txt"),
        portfolio_titles=frozenset(_lines("portfolio_titles.txt")),
        honorifics=word_table("honorifics.txt"),
        title_genders=word_table("honorifics.txt") | word_table("title_genders.txt"),
        cue_roles=word_table("cue_roles.txt"),
        back_references=word_table("organization_back_references.txt"),
        trade_names={
            noun: frozenset(words.split()) for noun, words in word_table("trade_names.txt").items()
        },
        institution_back_references=word_set("institution_back_references.txt"),
        person_back_references=person_back_references,
        institutions=frozenset(_lines("institutions.txt")),
        clause_starts=word_set("clause_starts.txt"),
        countries=countries,
        demonyms=word_table("demonyms.txt"),
        country_names=country_names,
        given_names=given_names,
        unisex_given_names=unisex_given_names,
        not_first_names=not_first_names,
        attribution_confidence={
            how: float(value) for how, value in word_table("attribution_confidence.txt").items()
        },
        prepositions_before_a_name=word_set("prepositions_before_a_name.txt"),
        speaker_weights={
            feature: float(weight) for feature, weight in word_table("speaker_weights.txt").items()
        },
    )
