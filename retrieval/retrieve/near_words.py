"""A question's words said in other words by the sentences it is matched against, as the
embedding model reads each word alone: "cars" by "vehicles", "soldiers" by "troops"."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache

import numpy as np

from retrieval.language.lexicon import STOPWORDS
from retrieval.language.text import OPPOSITE_STEMS, stems, words

# Two words, each read alone, this close say the same thing: "bought"/"purchased" 0.91,
# "doctor"/"physician" 0.86, "car"/"vehicle" 0.87. Measured on the read sets (keyword credit in
# retrieval; one index per article): 0.78 found nine more answers ("kidnapped" in "abducted",
# 0.79) and lost three (a "reaction" said by another word), 0.85 found six and lost none; both
# answered two unanswerable turns more. Below it: "buy"/"sell" 0.76, "employees"/"companies"
# 0.58; above it still: "wife"/"husband" 0.87 (an opposite the lexicon does not list).
NEAR_SIMILARITY = 0.85

# How many texts' content words are kept: a few articles' sentences.
CACHED_TEXTS = 4096
# Texts to unit vectors, each read alone.
EmbedTexts = Callable[[list[str]], list[list[float]]]


@lru_cache(maxsize=CACHED_TEXTS)
def content_by_stem(text: str) -> dict[str, str]:
    """The text's content words by their stems (the first spelling of each): no stopwords,
    numbers or names of one letter. Kept for the last texts read: a question's candidates are
    mostly the last question's (callers only read the dict)."""
    found = [w for w in words(text) if w not in STOPWORDS and w.isalpha() and len(w) > 1]
    by_stem: dict[str, str] = {}
    for stem, word in zip(stems(found), found, strict=True):
        by_stem.setdefault(stem, word)
    return by_stem


def near_pairs(
    asked: Mapping[str, np.ndarray], said: Mapping[str, np.ndarray], threshold: float
) -> dict[str, frozenset[str]]:
    """For each asked stem, the said stems (others than itself and its opposites,
    lexicon.OPPOSITES) whose vectors are at least `threshold` close to its own."""
    if not asked or not said:
        return {}
    said_stems = list(said)
    matrix = np.stack([said[s] for s in said_stems])
    near: dict[str, frozenset[str]] = {}
    for stem, vector in asked.items():
        cosines = matrix @ vector
        close = frozenset(
            other
            for other, cosine in zip(said_stems, cosines.tolist(), strict=True)
            if cosine >= threshold and other != stem and other not in OPPOSITE_STEMS.get(stem, ())
        )
        if close:
            near[stem] = close
    return near


class NearWords:
    """Finds the words of sentences that say a question's words; each word is read by the
    model once per process (a question's candidates share most of their words with the last
    question's)."""

    def __init__(self, embed_texts: EmbedTexts, threshold: float = NEAR_SIMILARITY) -> None:
        self.embed_texts = embed_texts
        self.threshold = threshold
        self._vectors: dict[str, np.ndarray] = {}

    def of(self, asked: Mapping[str, str], texts: Iterable[str]) -> dict[str, frozenset[str]]:
        """For each of the `asked` stems (stem: word), the stems of the texts' words that say
        it in other words."""
        if not asked:
            return {}
        said: dict[str, str] = {}
        for text in texts:
            for stem, word in content_by_stem(text).items():
                said.setdefault(stem, word)
        self._read([*asked.values(), *said.values()])
        return near_pairs(
            {stem: self._vectors[word] for stem, word in asked.items()},
            {stem: self._vectors[word] for stem, word in said.items()},
            self.threshold,
        )

    def _read(self, spelled: list[str]) -> None:
        unread = [w for w in dict.fromkeys(spelled) if w not in self._vectors]
        if unread:
            vectors = np.asarray(self.embed_texts(unread), dtype=np.float32)
            self._vectors.update(zip(unread, vectors, strict=True))
