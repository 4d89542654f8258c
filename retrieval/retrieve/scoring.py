"""How well one sentence answers a question: the `Evidence` type and the signals it combines."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from retrieval.index.corpus import CorpusIndex
from retrieval.index.sentences import Sentence
from retrieval.language.answer_kinds import (
    DATELINE,
    MEASURE_OF_WORD,
    NAME_LIST,
    QUOTED,
    asked_measure,
    counts_directly,
    gives_measure,
    kind_score,
)
from retrieval.language.lexicon import THIRD_PERSON
from retrieval.language.question import Question
from retrieval.language.speakers import is_person_name
from retrieval.language.text import words

# How much each signal counts in a sentence's score.
WEIGHT_DENSE = 0.50
WEIGHT_LEXICAL = 0.35
WEIGHT_NAMED = 0.15
WEIGHT_KIND = 0.20
# Questions whose answer is a place, and a word that may be one of the question's names.
PLACE_ASKED = frozenset({"where", "where_home"})
NAME_WORD = re.compile(r"\b[A-Z][\w’'-]*")
# Where someone comes from or lives: "What town is he from?", "Where was she born?".
ORIGIN_ASKED = re.compile(
    r"\b(?:born|(?:grow|grows|grew|growing)\s+up|raised|hometown|home\s+town|native|lives?|lived)\b"
    r"|\b(?:town|city|village|country|state)\b.*\bfrom\b",
    re.IGNORECASE,
)
# A name of one or more capitalised words ("JAMA Psychiatry", "BamTech", "Chapter & Verse").
NAME_RUN = r"[A-Z][\w’'+-]*(?:\s+(?:&\s+)?[A-Z][\w’'+-]*)*"


@dataclass(frozen=True)
class Evidence:
    """One sentence of an article and how well it answers the question (0 when not scored)."""

    sentence: Sentence
    score: float = 0.0  # the weighted sum of the signals below
    dense: float = 0.0  # cosine of the question's and the sentence's vectors
    lexical: float = 0.0  # the share of the question's keyword weight (idf) it contains
    named: float = 0.0  # 1 when it names, or is spoken by, someone the question names
    kind: float = 0.0  # 1 when it holds the kind of fact asked for (a place for "where"...)

    @property
    def id(self) -> str:
        return self.sentence.id

    @property
    def text(self) -> str:
        return self.sentence.text


def score_sentence(
    question: Question,
    index: CorpusIndex,
    i: int,
    dense: float,
    near: Mapping[str, frozenset[str]] | None = None,
) -> Evidence:
    """Sentence `i` as evidence: dense similarity, keyword coverage (a word counts as said by
    its `near` words, retrieve.near_words), named people and answer kind, combined."""
    sentence = index.sentences[i]
    # Half for the whole topic, half for what it asks about the names it mentions.
    lexical = _coverage(index, question.topic_stems, sentence, question, near)
    if question.point_stems and question.point_stems != question.topic_stems:
        lexical = (lexical + _coverage(index, question.point_stems, sentence, question, near)) / 2
    named = _names(question, sentence) or _refers_back(question, index, i)
    kind = kind_score(question.wh, _asked_names_blanked(question, sentence.text))
    if question.wh == "who" and not question.definition_target and named:
        # "Who did Parise steal the puck from?": of the sentences about Parise, the one that
        # names someone else holds the kind of answer asked for.
        kind = float(_names_someone_else(question, sentence))
    if question.wh == "other" and question.focus and _names_one_of_kind(question, sentence.text):
        # "In which journal did the study appear?": "the journal JAMA Psychiatry" names one
        kind = 1.0
    if question.asks_several:
        # "Which companies did NASA add?": a sentence that lists names ("Blue Origin, Ceres
        # Robotics, Sierra Nevada Corporation (SNC), SpaceX and Tyvak")
        kind = float(NAME_LIST.search(sentence.text) is not None)
    if question.counted and kind and not counts_asked_thing(question, sentence.text):
        # "Against how many teams ...?": a number that counts something else ("86
        # triple-doubles") is half the kind asked for.
        kind /= 2
    score = (
        WEIGHT_DENSE * dense + WEIGHT_LEXICAL * lexical + WEIGHT_NAMED * named + WEIGHT_KIND * kind
    )
    return Evidence(sentence, score=score, dense=dense, lexical=lexical, named=named, kind=kind)


def rescored_for_alike(question: Question, evidence: Sequence[Evidence]) -> list[Evidence]:
    """The evidence scored again once the question knows the things alike the counted one
    ("five companies" for "firms" holds the kind asked for), best first."""
    rescored = []
    for found in evidence:
        kind = found.kind
        if question.counted and kind and counts_asked_thing(question, found.text):
            kind = kind_score(question.wh, found.text)
        score = found.score + WEIGHT_KIND * (kind - found.kind)
        rescored.append(replace(found, kind=kind, score=score))
    return sorted(rescored, key=lambda e: -e.score)


def counts_asked_thing(question: Question, text: str) -> bool:
    """Whether a number in the text counts what "how many" asks about, as written right after
    it ("six consecutive games" for "how many games in a row"), or a thing alike."""
    asked = _asked(question)
    return any(counts_directly(text, thing, asked) for thing in question.counted_things)


def _names_one_of_kind(question: Question, text: str) -> bool:
    """Whether the text names a thing of the kind a "which <kind>" question asks: the kind
    word before a name ("the journal JAMA Psychiatry") or as part of one ("The National
    Survey on Drug Use and Health")."""
    for word, _ in question.focus:
        kind = re.escape(word)
        named = rf"\b[A-Z][\w’'-]*\s+{kind.capitalize()}\b"
        if re.search(named, text) or name_of_kind(word, text, quoted=question.asks_name):
            return True
    return False


# News organisations a source may speak to, and how a story names the one it spoke to.
OUTLET_KINDS = frozenset("news outlet outlets publication newspaper paper magazine network".split())
TOLD_OUTLET = re.compile(r"\btold\s+(?P<name>(?:The\s+)?[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*)*)")


def name_of_kind(kind: str, text: str, quoted: bool = False) -> str | None:
    """The name the text gives a thing of this kind: after the kind word ("the journal JAMA
    Psychiatry"), before a description ending in it ("BamTech, the previously little-known
    firm"), or, when `quoted` (the question asks what it is called), in quotation marks before
    it ("the “Starts with one” campaign")."""
    outlet = kind in OUTLET_KINDS
    kind = re.escape(kind)
    found = (
        re.search(rf"\b{kind}\s+(?P<name>{NAME_RUN})", text)
        or re.search(
            rf"(?P<name>{NAME_RUN}),\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,4}}?{kind}\b", text
        )
        # a title in quotation marks before it: "the “Meth. We’re on it.” awareness campaign"
        or (
            quoted
            and re.search(rf"[“\"](?P<name>[^”\"]+?)[,.]?[”\"]\s+(?:[\w’'-]+\s+)?{kind}\b", text)
        )
    )
    if not found and outlet:
        # "Ian Hamilton ... told Newsweek": the outlet a source spoke to, named as such
        told = TOLD_OUTLET.search(text)
        found = told if told and not is_person_name(told.group("name")) else None
    return found.group("name") if found else None


def _asked_names_blanked(question: Question, text: str) -> str:
    """For "where", the text without the question's own names: "Where in Florida was the
    conference held?" is not answered by "traveling to Florida"; nor, for where someone is from
    or lives, the place the story was filed from ("What town is Nadal from?": not "MADRID —")."""
    if question.wh not in PLACE_ASKED:
        return text
    if ORIGIN_ASKED.search(question.text):
        text = DATELINE.sub(lambda m: " " * len(m.group()), text)
    if not question.name_words:
        return text
    return NAME_WORD.sub(
        lambda m: "_" * len(m.group()) if m.group().lower() in question.name_words else m.group(),
        text,
    )


def _names_someone_else(question: Question, sentence: Sentence) -> bool:
    return any(
        is_person_name(name) and not question.name_words & set(name.lower().split())
        for name in sentence.mentions
    )


def _asked(question: Question) -> set[str]:
    return set(words(question.text))


def _coverage(
    index: CorpusIndex,
    terms: Sequence[str],
    sentence: Sentence,
    question: Question,
    near: Mapping[str, frozenset[str]] | None = None,
) -> float:
    """The share of the terms' weight (idf) that the sentence contains; a phrasal verb of the
    question ("making fun of") is contained by a single verb that says it ("mockery"), a word
    by one the model reads as the same ("cars" by "vehicles"), a measure by its units ("weigh"
    by "243 pounds")."""
    said = set(sentence.stems)
    for verb, particle, single in question.phrasal:
        if single & said:
            said |= {verb, particle}
    if near:
        said |= {stem for stem, close in near.items() if close & said}
    measure = asked_measure(question.text)
    if measure and gives_measure(measure, sentence.text):
        said |= {stem for word, stem in question.points if word in MEASURE_OF_WORD}
    wanted = sum(index.idf_of(stem) for stem in terms)
    covered = sum(index.idf_of(stem) for stem in terms if stem in said)
    return covered / wanted if wanted else 0.0


def _refers_back(question: Question, index: CorpusIndex, i: int) -> float:
    """1 when the sentence calls someone "he" or "his", before naming anyone, right after a
    sentence that names the person asked about: "Mayer was named chairman ... He led key
    acquisitions" names Mayer for "What acquisitions did Mayer lead?"."""
    if i == 0 or not question.name_words:
        return 0.0
    sentence, before = index.sentences[i], index.sentences[i - 1]
    if before.source != sentence.source or before.position != sentence.position - 1:
        return 0.0
    pronoun = THIRD_PERSON.search(QUOTED.sub(" ", sentence.text))
    if pronoun is None:
        return 0.0
    # "..., but its proposal was undermined ... after Chinese President Xi Jinping's visit,
    # his ...": a person named before the pronoun is whom it means
    named_before = (
        0 <= sentence.text.find(name) < pronoun.start()
        for name in sentence.mentions
        if is_person_name(name)
    )
    return 0.0 if any(named_before) else _names(question, before)


def _names(question: Question, sentence: Sentence) -> float:
    if not question.name_words:
        return 0.0
    named_words = {
        w for name in (*sentence.mentions, *sentence.speakers) for w in name.lower().split()
    }
    return 1.0 if question.name_words & named_words else 0.0
