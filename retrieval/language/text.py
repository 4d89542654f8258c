"""Word-level helpers shared by keyword search, evidence scoring and question analysis."""

from __future__ import annotations

import re
from functools import cache

import Stemmer

WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
# Common English function words; they carry no evidence for or against a sentence.
STOPWORDS = frozenset(
    """a about above after again against all am an and any are aren't as at be because been
    before being below between both but by can could couldn't did didn't do does doesn't
    doing don't down during each few for from further had hadn't has hasn't have haven't
    having he he'd he'll he's her here here's hers herself him himself his how how's i i'd
    i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my
    myself no nor not of off on once only or other ought our ours ourselves out over own
    same shan't she she'd she'll she's should shouldn't so some such than that that's the
    their theirs them themselves then there there's these they they'd they'll they're
    they've this those through to too under until up very was wasn't we we'd we'll we're
    we've were weren't what what's when when's where where's which while who who's whom why
    why's with won't would wouldn't you you'd you'll you're you've your yours yourself
    yourselves s t also just will ever""".split()
)


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
