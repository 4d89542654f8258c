"""Citation checking: every `[n]` of a model's answer must point at a source that supports it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from retrieval.answer import Citation
from retrieval.index.sentences import Sentence
from retrieval.language.lexicon import REPORTING_WORDS
from retrieval.language.text import content_words, stems
from retrieval.retrieve.scoring import Evidence

# A cited sentence is supported when the text it cites uses this share of its content words
# (stemmed; reporting verbs left out, and names too when the claim has other words) and is at
# least this close in meaning (cosine of all-MiniLM-L6-v2 embeddings). On
# retrieval/evalsets/dev_claims.jsonl (`python -m tools.support_calibration`) supported claims
# share 0.60-1.00 of their words with the sentence they cite, the same claims against the closest
# wrong sentence 0.00-0.50: 0.6 keeps all 19 and passes none of the 19 wrong citations.
# Embedding similarity separates worse (short claims score 0.31-1.00 against long sentences), so
# it is only a floor against word salad. Invented claims that reuse the cited sentence's words
# (3 of 22) still pass: the checker catches wrong and unsupported citations, not every twist.
MIN_LEXICAL = 0.6
MIN_DENSE = 0.25
REPORTING_STEMS = frozenset(stems(REPORTING_WORDS))
# `[1]`, `[1, 2]`, `[1][2]`; the numbers are checked against the sources given.
MARKER = re.compile(r"\s*\[(\d+(?:\s*[,;]\s*\d+)*)\]")
# A capitalized word that does not start the sentence: a name, most likely.
NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’-]+")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# A sentence runs to . ! ? (maybe closed by quotes) and takes the markers right after it along.
SENTENCE = re.compile(r"\S.*?(?:[.!?]+[\"'”’)]*(?:\s*\[[\d,; ]+\])*(?=\s|$)|$)", re.DOTALL)
# How a model says the sources do not answer: not a claim, so it needs no citation.
DONT_KNOW = re.compile(
    r"\b(?:doesn't|does not|don't|do not|didn't|did not|cannot|can't)\s+"
    r"(?:say|answer|mention|know|specify|provide|contain|tell)"
    r"|\bno information\b|\bnot mentioned\b",
    re.IGNORECASE,
)

Embed = Callable[[list[str]], list[list[float]]]


@dataclass(frozen=True)
class Support:
    """How well a claim is backed by the text it cites."""

    lexical: float
    dense: float
    numbers_found: bool

    @property
    def is_supported(self) -> bool:
        return self.numbers_found and self.lexical >= MIN_LEXICAL and self.dense >= MIN_DENSE


@dataclass
class Checked:
    """A model's reply after checking: what may be shown, and what was taken out."""

    text: str
    citations: list[Citation]
    unsupported: list[str] = field(default_factory=list)
    out_of_range: list[int] = field(default_factory=list)
    said_dont_know: bool = False


@dataclass
class _Claim:
    text: str  # without its markers
    cited: list[int]  # 1-based source numbers, in range
    order: int  # its place in the reply


class SupportScorer:
    """Scores a claim against source text by shared content words and embedding similarity."""

    def __init__(self, embed: Embed):
        self._embed = embed

    def score_many(self, pairs: Sequence[tuple[str, str]]) -> list[Support]:
        if not pairs:
            return []
        texts = list(dict.fromkeys(t for pair in pairs for t in pair))
        vectors = dict(zip(texts, np.asarray(self._embed(texts), dtype=np.float32), strict=True))
        return [
            Support(
                lexical=lexical_support(claim, evidence),
                dense=float(vectors[claim] @ vectors[evidence]),
                numbers_found=numbers_found(claim, evidence),
            )
            for claim, evidence in pairs
        ]


def lexical_support(claim: str, evidence: str) -> float:
    """The share of the claim's content words (stemmed) that the evidence also uses.

    Names are left out when the claim has other words: "Peskov said Russia will withdraw from
    Ukraine" must be backed on "withdraw", not on the names any sentence about Peskov shares.
    """
    claimed = set(stems(content_words(claim))) - REPORTING_STEMS
    named = set(stems(content_words(" ".join(NAME.findall(claim)))))
    claimed = (claimed - named) or claimed
    if not claimed:
        return 1.0
    return len(claimed & set(stems(content_words(evidence)))) / len(claimed)


def numbers_found(claim: str, evidence: str) -> bool:
    """Every number the claim states also appears in the evidence (models invent figures)."""
    return set(NUMBER.findall(claim)) <= set(NUMBER.findall(evidence))


def check(reply: str, sources: Sequence[Evidence], scorer: SupportScorer) -> Checked:
    """Keep the reply's supported, cited sentences, renumbering their citations 1, 2, ..."""
    claims, out_of_range, said_dont_know, uncited = _parse(reply, len(sources))
    uncited = _attribute(uncited, claims, sources, scorer)
    pairs = [(c.text, " ".join(sources[n - 1].text for n in c.cited)) for c in claims]
    # Each citation on its own, to tell which of a sentence's sources actually back it.
    singles = [(c.text, sources[n - 1].text) for c in claims for n in c.cited]
    scores = scorer.score_many(pairs + singles)
    together, alone = scores[: len(pairs)], iter(scores[len(pairs) :])

    kept: list[str] = []
    unsupported = list(uncited)
    numbers: dict[int, int] = {}  # source number -> citation number
    verified: dict[int, bool] = {}
    for claim, support in zip(claims, together, strict=True):
        backing = {n: next(alone).is_supported for n in claim.cited}
        if not support.is_supported:
            unsupported.append(claim.text)
            continue
        for n in claim.cited:
            numbers.setdefault(n, len(numbers) + 1)
            verified[n] = verified.get(n, False) or backing[n]
        markers = "".join(f"[{numbers[n]}]" for n in claim.cited)
        kept.append(f"{claim.text} {markers}")
    citations = [cite(numbers[n], sources[n - 1].sentence, verified[n]) for n in numbers]
    return Checked(" ".join(kept), citations, unsupported, out_of_range, said_dont_know)


def _attribute(
    uncited: list[_Claim], claims: list[_Claim], sources: Sequence[Evidence], scorer: SupportScorer
) -> list[str]:
    """Give an uncited sentence the source that supports it, if one does (small models often
    forget the marker); returns the sentences no source supports. `claims` keeps reply order."""
    pairs = [(c.text, source.text) for c in uncited for source in sources]
    scores = iter(scorer.score_many(pairs))
    unsupported: list[str] = []
    for claim in uncited:
        backing = [(next(scores), n) for n in range(1, len(sources) + 1)]
        supported = [(s.lexical + s.dense, n) for s, n in backing if s.is_supported]
        if supported:
            claim.cited = [max(supported)[1]]
            claims.append(claim)
        else:
            unsupported.append(claim.text)
    claims.sort(key=lambda c: c.order)
    return unsupported


def _parse(reply: str, source_count: int) -> tuple[list[_Claim], list[int], bool, list[_Claim]]:
    """The reply's cited claims, the out-of-range numbers, whether it says it doesn't know,
    and its sentences that cite nothing."""
    claims: list[_Claim] = []
    out_of_range: list[int] = []
    uncited: list[_Claim] = []
    said_dont_know = False
    for order, match in enumerate(SENTENCE.finditer(reply.strip())):
        sentence = match.group().strip()
        cited: list[int] = []
        for marker in MARKER.finditer(sentence):
            for number in re.split(r"\s*[,;]\s*", marker.group(1)):
                n = int(number)
                is_in_range = 1 <= n <= source_count
                if not is_in_range:
                    out_of_range.append(n)
                elif n not in cited:
                    cited.append(n)
        text = " ".join(MARKER.sub("", sentence).split())
        if not re.search(r"\w", text):
            continue
        if cited:
            claims.append(_Claim(_end_with_stop(text), cited, order))
        elif DONT_KNOW.search(text):
            said_dont_know = True
        else:
            uncited.append(_Claim(_end_with_stop(text), [], order))
    return claims, out_of_range, said_dont_know, uncited


def _end_with_stop(text: str) -> str:
    """ "X [1]." loses its marker as "X ." : put the full stop back where it belongs."""
    text = re.sub(r"\s+([.!?,;:])", r"\1", text)
    return text if text[-1] in ".!?\"'”’)" else text + "."


def cite(n: int, sentence: Sentence, verified: bool = True) -> Citation:
    """Citation number `n`: the sentence's exact text and where it stands in its article."""
    return Citation(
        n,
        sentence.text,
        sentence.source,
        sentence.title,
        sentence.paragraph,
        sentence.start,
        sentence.end,
        verified=verified,
    )
