"""Loading the general word lists in newsfacts/lexicons/ and the name lists of packages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import pycountry


def _lines(name: str) -> list[str]:
    text = (resources.files("newsfacts") / "lexicons" / name).read_text(encoding="utf-8")
    rows = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [row for row in rows if row]


def _words(name: str) -> frozenset[str]:
    """A list of words, several to a line."""
    return frozenset(word for line in _lines(name) for word in line.split())


def _pairs(name: str) -> dict[str, str]:
    return dict(row.split("\t", 1) for row in _lines(name))


@dataclass(frozen=True, eq=False)  # hashed by identity: per-lexicon tables are cached
class Lexicons:
    reporting_verbs: dict[str, str]  # form -> "bare" | "that"
    titles: frozenset[str]
    org_words: frozenset[str]
    place_words: frozenset[str]
    function_words: frozenset[str]
    unnamed_sources: frozenset[str]
    documents: frozenset[str]
    not_organizations: frozenset[str]
    clause_verbs: frozenset[str]
    portfolio_titles: frozenset[str]
    honorifics: dict[str, str]  # honorific -> gender
    title_genders: dict[str, str]  # honorifics and gendered titles -> gender
    cue_roles: dict[str, str]  # reporting verb -> addressee | relay
    institutions: frozenset[str]
    clause_starts: frozenset[str]
    countries: dict[str, str]  # name or alias -> ISO alpha-3
    demonyms: dict[str, str]
    country_names: dict[str, str]  # ISO alpha-3 -> canonical short name
    given_names: dict[str, str]  # given name -> "m" | "f" | "?"


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
    territories = _words("territories.txt")
    names = {name: code for name, code in names.items() if code not in territories}
    names.update(_pairs("country_aliases.txt"))
    preferred = {code: name for name, code in _pairs("country_names.txt").items()}
    names.update({name: code for code, name in preferred.items()})
    return names, canonical | preferred


def _given_names() -> dict[str, str]:
    """First names with their usual gender, from gender-guesser's name dictionary."""
    data = resources.files("gender_guesser") / "data" / "nam_dict.txt"
    genders: dict[str, str] = {}
    with data.open(encoding="iso-8859-1") as handle:
        for line in handle:
            code, name = line[:2].strip(), line[3:29].strip()
            if not code or code.startswith("#") or code == "=" or " " in name or "+" in name:
                continue
            gender = "m" if code in {"M", "1M", "?M"} else "f" if code in {"F", "1F", "?F"} else "?"
            previous = genders.get(name, "?")
            if gender == "?" or previous == "?":
                genders[name] = previous if gender == "?" and name in genders else gender
            elif previous != gender:
                genders[name] = "?"  # used for both
    return genders


@cache
def load_lexicons() -> Lexicons:
    countries, country_names = _country_tables()
    return Lexicons(
        reporting_verbs=_pairs("reporting_verbs.txt"),
        titles=frozenset(_lines("titles.txt")),
        org_words=frozenset(_lines("org_words.txt")),
        place_words=frozenset(_lines("place_words.txt")),
        function_words=_words("function_words.txt"),
        unnamed_sources=frozenset(_lines("unnamed_sources.txt")),
        documents=frozenset(_lines("documents.txt")),
        not_organizations=frozenset(_lines("not_organizations.txt")),
        clause_verbs=_words("clause_verbs.txt"),
        portfolio_titles=frozenset(_lines("portfolio_titles.txt")),
        honorifics=_pairs("honorifics.txt"),
        title_genders=_pairs("honorifics.txt") | _pairs("title_genders.txt"),
        cue_roles=_pairs("cue_roles.txt"),
        institutions=frozenset(_lines("institutions.txt")),
        clause_starts=_words("clause_starts.txt"),
        countries=countries,
        demonyms=_pairs("demonyms.txt"),
        country_names=country_names,
        given_names=_given_names(),
    )
