"""Word-level helpers shared by keyword search, evidence scoring and question analysis."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import Stemmer

from retrieval.language.lexicon import (
    ABBREVIATIONS,
    IRREGULAR_PAST,
    NATIONS,
    OPPOSITES,
    STOPWORDS,
    TENSE_AMBIGUOUS,
)

# A run of capitalised words, as a name stands in a question or a sentence ("Jack Eichel",
# "Walt Disney Co."), with a product's "+" ("Disney+").
CAPITALISED_RUN = re.compile(r"[A-Z][\w.&’'-]*\+*(?:\s+[A-Z][\w.&’'-]*\+*)*")
# A social handle written in capitalised words: "@MattBevin", "@SpursOfficial"; and where its
# words meet.
HANDLE = re.compile(r"@(?P<name>[A-Z][a-z]+(?:[A-Z][a-z]+)+)\b")
CAMEL_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z])")
# Letters and digits of any script ("Schröder", "Zürich"), with an apostrophe's tail ("Putin's").
WORD = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)?")


@cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def fold(word: str) -> str:
    """The word without its accents: "Schröder" and "Schroder" are one name to a reader."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Lower-cased words, accents and possessives folded ("Schröder's" -> "schroder"); a
    handle's words apart ("@MattBevin" -> "matt", "bevin")."""
    if "@" in text:
        text = HANDLE.sub(lambda m: CAMEL_HUMP.sub(" ", m.group("name")), text)
    out = []
    for word in WORD.findall(text.replace("’", "'")):
        lower = fold(word).lower()
        if lower.endswith("'s"):
            lower = lower[:-2]
        out.append(ABBREVIATIONS.get(lower, lower))
    return out


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOPWORDS]


# Small numbers written as words, by their digits: a reader's "three-pointer" is the article's
# "3-pointer", "5 companies" its "five companies" ("one" is mostly a pronoun: "one of them").
NUMERALS = {
    w: str(n)
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
    if n >= 2
}


def stems(tokens: list[str]) -> list[str]:
    return _stemmer().stemWords([NUMERALS.get(t) or NATIONS.get(t, t) for t in tokens])


def verb_stems(tokens: list[str]) -> list[str]:
    """Stems with an irregular past read as its verb: "took" and "taken" as "take"."""
    return stems([t if t in TENSE_AMBIGUOUS else IRREGULAR_PAST.get(t, t) for t in tokens])


def content_stems(text: str) -> list[str]:
    return stems(content_words(text))


# A pseudo-word: questions about speech ("remarks", "said") match sentences that report speech.
SPEECH_TERM = "__speech__"


def _opposite_stems() -> dict[str, set[str]]:
    """Each stem of an act and the stems of its opposites (lexicon.OPPOSITES)."""
    found: dict[str, set[str]] = {}
    for one, other in OPPOSITES:
        one_stems, other_stems = set(stems(one.split())), set(stems(other.split()))
        for stem in one_stems:
            found.setdefault(stem, set()).update(other_stems)
        for stem in other_stems:
            found.setdefault(stem, set()).update(one_stems)
    return found


OPPOSITE_STEMS = _opposite_stems()
