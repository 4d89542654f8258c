"""Word-level helpers shared by keyword search, evidence scoring and question analysis."""

from __future__ import annotations

import re
from functools import cache

import Stemmer

from retrieval.language.lexicon import STOPWORDS

WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")


@cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def words(text: str) -> list[str]:
    """Lower-cased words, possessives folded ("Putin's" -> "putin")."""
    out = []
    for word in WORD.findall(text.replace("’", "'")):
        lower = word.lower()
        if lower.endswith("'s"):
            lower = lower[:-2]
        out.append(lower)
    return out


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOPWORDS]


def stems(tokens: list[str]) -> list[str]:
    return _stemmer().stemWords(tokens)


def content_stems(text: str) -> list[str]:
    return stems(content_words(text))


# A pseudo-word: questions about speech ("remarks", "said") match sentences that report speech.
SPEECH_TERM = "__speech__"
