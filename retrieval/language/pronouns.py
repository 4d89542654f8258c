"""Whom an article calls "he" and whom "she": read from the article, never from a name list.

A follow-up's "he" should not become the woman the last answer named ("How old is he?" after
"Who threatened Omar?"), and a first question's "he" in a story about one man means him ("What
sentence could he get?"). Both need to know how the article itself refers to its people.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from retrieval.language.lexicon import GENDERED_NOUNS, GENDERED_TITLES
from retrieval.language.speakers import Mention, find_mentions, inside_quote, subject_person

# A sentence that opens with "He" or "She" goes on about the person the sentence before was
# about (not one opening a quotation: '"He has taken responsibility," his lawyer said').
OPENING_PRONOUN = re.compile(r"^(?P<pronoun>he|she)\b", re.IGNORECASE)
# The pronouns read after a subject, and those of them said of a woman.
PERSONAL_PRONOUN = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
FEMININE = frozenset(("she", "her", "hers", "herself"))
# "the" right before a name: a team, a band, a law ("the Doobie Brothers"), never a person.
THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# What a sentence says its subject is, right after the name: ", a retired firefighter," or " is
# one of the first two Muslim women" (up to the clause's end).
DESCRIPTION = re.compile(r"^(?:,|\s+(?:is|was|became|remains))\s+(?P<words>[^,.;:\"“”]+)")
# The words of that description read for a gendered noun, at most.
DESCRIPTION_WORDS = 8
# A person is "he" or "she" when the article's cues for one outnumber the other's this many
# times (and there is at least one).
MAJORITY = 2
# The article's own man (or woman): named in this many sentences at least, and this many times
# as often as the next person it calls the same.
CENTRAL_MENTIONS = 3
CENTRAL_LEAD = 2


def pronoun_cues(articles: Iterable[Sequence[str]]) -> dict[str, Counter[str]]:
    """For each person (by name key, their surname), how often each article calls them "he" and
    how often "she": a sentence opening with the pronoun after one about them ("Carlineo is a
    convicted felon ... He was convicted of criminal mischief"), a gendered noun said of the name
    ("Omar is one of the first two Muslim women", "Jane Doe, a mother of two,") and a courtesy
    title ("Mrs. Jones")."""
    cues: dict[str, Counter[str]] = defaultdict(Counter)
    for sentences in articles:
        named = [find_mentions(text) for text in sentences]
        # a surname alone is the person's whom the article names in full ("Omar")
        persons = {m.key for mentions in named for m in mentions if m.is_person}
        last_subject: str | None = None
        for text, mentions in zip(sentences, named, strict=True):
            opening = OPENING_PRONOUN.match(text)
            if opening and last_subject:
                cues[last_subject][opening.group("pronoun").lower()] += 1
            for mention in mentions:
                if THE_BEFORE.search(text, 0, mention.start):
                    cues[mention.key]["the"] += 1  # "the New York Islanders": no one's name
                if mention.key not in persons:
                    continue
                title = text[: mention.start].split()[-1:]
                if title and title[0].lower().rstrip(".") in GENDERED_TITLES:
                    cues[mention.key][GENDERED_TITLES[title[0].lower().rstrip(".")]] += 1
                described = DESCRIPTION.match(text[mention.end :])
                if described:
                    said = described.group("words").lower().split()[:DESCRIPTION_WORDS]
                    for pronoun, nouns in GENDERED_NOUNS.items():
                        if nouns.intersection(said):
                            cues[mention.key][pronoun] += 1
            subject = subject_person(text, mentions, persons)
            following = subject and _pronoun_after(text, subject, mentions)
            if subject and following:
                cues[subject][following] += 1  # "Nelson scored his sixth goal"
            if not opening:
                last_subject = subject or last_subject
    return cues


def _pronoun_after(text: str, subject: str, mentions: Sequence[Mention]) -> str | None:
    """ "he" or "she" by the first personal pronoun after the sentence's subject, outside
    quotations and before anyone else is named: "Parise scored his 10th goal", "Smith said she
    would run"."""
    start = next(m.end for m in mentions if m.key == subject)
    others = [m.start for m in mentions if m.start > start and m.key != subject]
    end = min([*others, len(text)])
    for match in PERSONAL_PRONOUN.finditer(text, start, end):
        if not inside_quote(text, match.start()):
            return "she" if match.group().lower() in FEMININE else "he"
    return None


def pronoun_of(cues: Counter[str]) -> str | None:
    """ "he", "she", "it" for a name the article writes after "the" and calls neither, or None
    when the article does not tell."""
    he, she = cues["he"], cues["she"]
    if he and he >= MAJORITY * she:
        return "he"
    if she and she >= MAJORITY * he:
        return "she"
    return "it" if cues["the"] and not he and not she else None


def central_person(
    pronouns: Mapping[str, str], mentions: Mapping[str, int], pronoun: str
) -> str | None:
    """The person (key) a story is about whom it calls `pronoun`: named far more often than
    anyone else it might call so (of the people `mentions` counts, all but those it calls
    otherwise); None when no one stands out ("he" in a story of four men)."""
    rivals = sorted(
        ((count, key) for key, count in mentions.items() if pronouns.get(key) in (pronoun, None)),
        reverse=True,
    )
    if not rivals or pronouns.get(rivals[0][1]) != pronoun or rivals[0][0] < CENTRAL_MENTIONS:
        return None
    if len(rivals) > 1 and rivals[0][0] < CENTRAL_LEAD * rivals[1][0]:
        return None
    return rivals[0][1]
