"""Split paragraphs into sentences with exact character spans."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pysbd


@dataclass(frozen=True)
class Span:
    """A sentence as `text[start:end]` of the article."""

    start: int
    end: int
    text: str


@cache
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(text: str, offset: int = 0) -> list[Span]:
    """Sentences of `text`, each located verbatim; `offset` shifts spans into the article."""
    spans: list[Span] = []
    cursor = 0
    for piece in _segmenter().segment(text):
        sentence = piece.strip()
        if not sentence:
            continue
        start = text.find(sentence, cursor)
        if start < 0:  # pysbd never rewrites text with clean=False; guard anyway
            continue
        end = start + len(sentence)
        spans.append(Span(offset + start, offset + end, sentence))
        cursor = end
    return spans
