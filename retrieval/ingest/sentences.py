"""Split paragraphs into sentences with exact character spans."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pysbd


@dataclass(frozen=True)
class Span:
    """A sentence as `text[start:end]` of the article."""

    start: int
    end: int
    text: str


# Where pysbd could end a sentence: its terminal punctuation, or a line break.
_BOUNDARY = re.compile(r"[.!?。．！？…\n\r]")
_LEADING_CLOSERS = re.compile(r"[\"'”’)\]]+(?=\s|$)")
# What may follow the last sentence's terminal punctuation.
_TAIL = re.compile(r"[.!?。．！？…\"'”’)\]\s]*$")


@cache
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(text: str, offset: int = 0) -> list[Span]:
    """Sentences of `text`, each located verbatim; `offset` shifts spans into the article."""
    if not is_one_sentence(text):
        return segmented(text, offset)
    start = len(text) - len(text.lstrip())
    sentence = text.strip()
    return [Span(offset + start, offset + start + len(sentence), sentence)] if sentence else []


def is_one_sentence(text: str) -> bool:
    """No punctuation before the end where a sentence could stop, so pysbd would not split it.

    Most news paragraphs are one sentence, and pysbd costs milliseconds each: this skips it.
    """
    body = text[: _TAIL.search(text).start()]  # type: ignore[union-attr]
    return _BOUNDARY.search(body) is None


def segmented(text: str, offset: int = 0) -> list[Span]:
    """pysbd's sentences of `text`, each located verbatim."""
    spans: list[Span] = []
    cursor = 0
    for piece in _segmenter().segment(text):
        start = text.find(piece.strip(), cursor) if piece.strip() else -1
        if start < 0:  # blank, or (never with clean=False) rewritten text
            continue
        end = start + len(piece.strip())
        # pysbd cuts after "?" or "!" inside a quotation, so the closing quote opens the next
        # piece (or stands alone): it belongs to the sentence before.
        closers = _LEADING_CLOSERS.match(text, start, end)
        if spans and closers:
            last = spans.pop()
            joined = text[last.start - offset : closers.end()]
            spans.append(Span(last.start, last.start + len(joined), joined))
            start = closers.end()
            while start < end and text[start].isspace():
                start += 1
        if start < end:
            spans.append(Span(offset + start, offset + end, text[start:end]))
        cursor = end
    return spans
