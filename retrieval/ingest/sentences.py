"""Split paragraphs into sentences with exact character spans."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import pysbd
from pysbd.between_punctuation import BetweenPunctuation

from retrieval.language.lexicon import SPEECH_VERBS


@dataclass(frozen=True)
class Span:
    """A sentence as `text[start:end]` of the article."""

    start: int
    end: int
    text: str


# pysbd's time grows with the square of its input (a 200 KB paragraph: 20 s; 1 MB: over 600 s),
# so a longer text is read window by window. 5,000 characters is ten times the longest paragraph
# of the eight articles in the repository and ../shared (566), so a news paragraph is read
# whole, as before; pysbd's cost per character measured flat up to 4,000 and rising beyond
# (5.0 us at 1,000, 6.1 at 4,000, 7.9 at 8,000, 26 at 48,000).
WINDOW_CHARS = 5_000
# What pysbd keeps whole, with its own patterns (pysbd 0.3.4, between_punctuation.py): the
# quotations, parentheses, brackets and dash pairs whose inner full stops end no sentence.
_KEPT_WHOLE = tuple(
    re.compile(getattr(BetweenPunctuation, name))
    for name in (
        "BETWEEN_SINGLE_QUOTES_REGEX",
        "BETWEEN_SINGLE_QUOTE_SLANTED_REGEX",
        "BETWEEN_DOUBLE_QUOTES_REGEX_2",
        "BETWEEN_SQUARE_BRACKETS_REGEX_2",
        "BETWEEN_PARENS_REGEX_2",
        "BETWEEN_QUOTE_ARROW_REGEX_2",
        "BETWEEN_EM_DASHES_REGEX_2",
        "BETWEEN_QUOTE_SLANTED_REGEX_2",
    )
)
# A likely sentence end, to cut a window after: terminal punctuation, closing quotes, a space.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s")
_SPACE = re.compile(r"\s")
# Where pysbd could end a sentence: its terminal punctuation, or a line break.
_BOUNDARY = re.compile(r"[.!?。．！？…\n\r]")
_DOUBLE_QUOTE = re.compile(r"[\"“”]")
_LEADING_CLOSERS = re.compile(r"[\"'”’)\]]+(?=\s|$)")
# Marks no sentence opens on: a piece after one goes on with the sentence before.
CONTINUING = frozenset(",;:")
# What may follow the last sentence's terminal punctuation.
_TAIL = re.compile(r"[.!?。．！？…\"'”’)\]\s]*$")
# A quotation that ends with its own question or exclamation mark ("..., right?”"), or with a
# quote inside it ("... helpful attention,’ ”"): pysbd ends the sentence there, and the
# attribution after it is left alone.
_QUOTE_CLOSED = re.compile(r"[,?!][\"'”’](?:\s?[\"'”’])*$")
# An attribution alone, which belongs to the quotation before it: "Sanborn said.", "she asked
# Tuesday.", "said Marco Villa, the company’s chief operating officer."
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_WHEN = (
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|later))?"
    # to whom, where or when, in a few words: "Trump tweeted before Election Day.", "she told
    # reporters in Dallas."
    r"(?:\s+reporters)?"
    r"(?:\s+(?:before|after|during|at|in|on|last|this|earlier)\s+[^.“”\"]{1,40})?"
)
_ATTRIBUTION_ALONE = re.compile(
    rf"^(?:(?:{_NAME}|he|she|they|we|I)\s+(?:{SPEECH_VERBS}){_WHEN}"
    rf"|(?:{SPEECH_VERBS})\s+{_NAME}(?:,\s+[^.“”\"]{{1,160}})?)\.$"
)


@cache
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(text: str, offset: int = 0) -> list[Span]:
    """Sentences of `text`, each located verbatim; `offset` shifts spans into the article."""
    return list(iter_sentences(text, offset))


def iter_sentences(text: str, offset: int = 0) -> Iterator[Span]:
    """`split_sentences`, each given as soon as it is read: a long text's window by window."""
    if not is_one_sentence(text):
        yield from iter_segmented(text, offset)
        return
    start = len(text) - len(text.lstrip())
    sentence = text.strip()
    if sentence:
        yield Span(offset + start, offset + start + len(sentence), sentence)


def is_one_sentence(text: str) -> bool:
    """No punctuation before the end where a sentence could stop, so pysbd would not split it.

    Most news paragraphs are one sentence, and pysbd costs milliseconds each: this skips it.
    """
    body = text[: _TAIL.search(text).start()]  # type: ignore[union-attr]
    return _BOUNDARY.search(body) is None


def segmented(text: str, offset: int = 0) -> list[Span]:
    """pysbd's sentences of `text`, each located verbatim; a long text window by window."""
    return list(iter_segmented(text, offset))


def iter_segmented(text: str, offset: int = 0) -> Iterator[Span]:
    """`segmented`, each window's sentences given as soon as they are read.

    A window ends after a likely sentence end outside anything pysbd keeps whole (a quotation,
    parentheses), so pysbd reads it as it would read the whole text. Its last sentence is read
    again at the start of the next window, with what follows it: pysbd may not have ended it
    there ("... said Gen." may go on). A quotation or a sentence longer than half a window is
    cut where the whole text would not be; and a quotation left open (news quotes that run over
    several paragraphs open each one) no longer makes pysbd read all the rest as one quotation,
    only the rest of its window.
    """
    if len(text) <= WINDOW_CHARS:
        yield from pysbd_spans(text, offset)
        return
    start = 0
    while start < len(text):
        enclosed = _enclosed(text, start)
        end = _window_end(text, start, enclosed)
        # One space of what came before, so patterns that look back (" 'quoted'") still match.
        before = 1 if start and text[start - 1].isspace() else 0
        found = pysbd_spans(text[start - before : end], offset + start - before)
        restart = end
        if end < len(text):
            for span in reversed(found[1:]):
                if _is_outside(span.start - offset, enclosed):
                    restart = span.start - offset
                    break
        yield from (span for span in found if span.start - offset < restart)
        start = restart


def _window_end(text: str, start: int, enclosed: list[tuple[int, int]]) -> int:
    """Where the window from `start` ends: the text's end, else the last likely sentence end in
    the window's second half, else its last space, that is outside every enclosed span."""
    limit = start + WINDOW_CHARS
    if limit >= len(text):
        return len(text)
    half = start + WINDOW_CHARS // 2
    sentence_ends = [match.end() for match in _SENTENCE_END.finditer(text, half, limit)]
    spaces = [match.end() for match in _SPACE.finditer(text, half, limit)]
    for cut in [*reversed(sentence_ends), *reversed(spaces)]:
        if _is_outside(cut, enclosed):
            return cut
    return spaces[-1] if spaces else limit


def _enclosed(text: str, start: int) -> list[tuple[int, int]]:
    """The spans pysbd keeps whole that begin in the next two windows from `start`, merged.

    `start` is outside every such span, so matching from it finds what matching the whole text
    would; only a span longer than a window is missed, and then cut.
    """
    stop = min(len(text), start + 2 * WINDOW_CHARS)
    found = sorted(
        (match.start(), match.end())
        for pattern in _KEPT_WHOLE
        for match in pattern.finditer(text, start, stop)
    )
    merged: list[tuple[int, int]] = []
    for first, last in found:
        if merged and first < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def _is_outside(position: int, enclosed: list[tuple[int, int]]) -> bool:
    """True unless `position` falls strictly inside one of the (merged, sorted) spans."""
    index = bisect.bisect_left(enclosed, (position, position)) - 1
    return index < 0 or enclosed[index][1] <= position


def paired_quotes(text: str) -> str:
    """`text` with a straight double quote that opens (or closes) a quotation the other mark
    closes (or opens) written as its curly pair, so that pysbd keeps the quotation whole:
    `"Open the door! We’re coming in!” an officer shouts.` is one sentence. Same length, so
    a position in one is the same in the other."""
    marks = [(match.start(), match.group()) for match in _DOUBLE_QUOTE.finditer(text)]
    paired = list(text)
    for k, (at, mark) in enumerate(marks):
        if mark != '"':
            continue
        following = marks[k + 1][1] if k + 1 < len(marks) else None
        preceding = marks[k - 1][1] if k else None
        opens = at == 0 or text[at - 1].isspace() or text[at - 1] in "([—"
        if opens and following == "”":
            paired[at] = "“"
        elif not opens and preceding == "“":
            paired[at] = "”"
    return "".join(paired)


def pysbd_spans(text: str, offset: int = 0) -> list[Span]:
    """pysbd's sentences of all of `text` at once, each located verbatim."""
    spans: list[Span] = []
    cursor = 0
    read = paired_quotes(text)
    for piece in _segmenter().segment(read):
        start = read.find(piece.strip(), cursor) if piece.strip() else -1
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
        if (
            spans
            and start < end
            and _QUOTE_CLOSED.search(spans[-1].text)
            and _ATTRIBUTION_ALONE.match(text[start:end])
        ):
            # "“..., right?” Sanborn said.": one sentence, so that the quote has its speaker.
            last = spans.pop()
            spans.append(Span(last.start, offset + end, text[last.start - offset : end]))
            start = end
        if spans and start < end and text[start] in CONTINUING:
            # "Rep. David McKinley, R-W.Va., visited ...": pysbd ends a sentence at the state's
            # abbreviation; what follows on a comma goes on with it.
            last = spans.pop()
            spans.append(Span(last.start, offset + end, text[last.start - offset : end]))
            start = end
        if start < end:
            spans.append(Span(offset + start, offset + end, text[start:end]))
        cursor = end
    return spans
