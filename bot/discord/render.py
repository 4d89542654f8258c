"""Lay out an `Answer` as Discord messages: the cited text, then short quoted sources."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from discord import app_commands
from discord.utils import escape_markdown, escape_mentions

from bot.terminal import one_line
from retrieval.answer import Answer, Citation
from retrieval.index.articles import IndexedArticle

# Discord refuses a message whose content is longer than this (error 50035).
MESSAGE_LIMIT = 2000
# A quote is shown, not read in full: past this it is cut at a word and ends with an ellipsis,
# which also keeps every source line far below MESSAGE_LIMIT, so a source never needs splitting.
MAX_QUOTE_CHARS = 300
# The question echoed above a /ask answer (its asker's words are not shown by Discord otherwise).
MAX_ECHOED_QUESTION_CHARS = 200
SOURCES_HEADING = "**Sources**"
ELLIPSIS = "…"
EMPTY_ANSWER = "*(The engine gave an empty answer.)*"
DRAFT_NOTE = "*(writing… the citations are checked before the final answer)*"
# Discord shows at most this many autocomplete choices, each named in at most this many
# characters (and refuses the whole list otherwise).
MAX_CHOICES = 25
MAX_CHOICE_CHARS = 100

# A sentence runs to . ! ? or … (maybe closed by quotes or brackets) and takes the `[n]` markers
# right after it along, so a marker always stays with the sentence it backs.
_SENTENCE = re.compile(r"\S.*?(?:[.!?…]+[\"'\u201d\u2019)\]]*(?:\s*\[\d+\])*(?=\s|$)|$)", re.DOTALL)


@dataclass(frozen=True)
class _Block:
    """A piece of a message that is never cut, with the text that joins it to the one before."""

    joiner: str
    text: str


def render_answer(
    answer: Answer, *, question: str | None = None, limit: int = MESSAGE_LIMIT
) -> list[str]:
    """The messages to post for `answer`, each at most `limit` characters, in order.

    `question`, when given, is echoed as a quote above the answer (for /ask, where Discord
    does not show the asker's words).
    """
    blocks = [_Block("", echo_question(question))] if question else []
    sentences = list(_sentences(escape_markdown(answer.text.strip()), limit))
    if sentences:
        blocks.append(_Block("\n", sentences[0]))
        blocks.extend(_Block(" ", sentence) for sentence in sentences[1:])
    note = answer.checking_note()
    if note:
        blocks.append(_Block("\n", f"*{escape_markdown(note)}*"))
    blocks.extend(_source_blocks(answer.citations))
    return _pack(blocks, limit) or [EMPTY_ANSWER]


def render_draft(text: str, *, question: str | None = None, limit: int = MESSAGE_LIMIT) -> str:
    """An LLM's reply while it streams: one message, marked as not yet checked."""
    head = f"{echo_question(question)}\n" if question else ""
    body = escape_markdown(" ".join(text.split()))
    room = limit - len(head) - len(DRAFT_NOTE) - 1
    if len(body) > room:
        body = body[: room - 1] + ELLIPSIS
    return f"{head}{body}\n{DRAFT_NOTE}"


def render_notice(text: str, *, limit: int = MESSAGE_LIMIT) -> list[str]:
    """A short plain message (an error, a refusal) as messages within `limit`."""
    return _pack([_Block(" ", piece) for piece in _sentences(text.strip(), limit)], limit)


def article_choices(articles: list[IndexedArticle], typed: str) -> list[app_commands.Choice[str]]:
    """The articles /ask's `article` option suggests for what is typed so far: those whose
    number, title or file name holds it. Each is sent as its number, which the engine reads."""
    wanted = " ".join(typed.split()).casefold()
    matching = [
        article
        for article in articles
        if wanted in f"{article.number} {article.title} {article.file_name}".casefold()
    ]
    return [
        # Choice names are plain text, never markdown; control characters are written out.
        app_commands.Choice(
            name=_shorten(one_line(article.describe()), MAX_CHOICE_CHARS),
            value=str(article.number),
        )
        for article in matching[:MAX_CHOICES]
    ]


def echo_question(question: str) -> str:
    """The asker's question as one quoted line that can neither ping nor break the markdown."""
    flat = " ".join(question.split())
    shown = _shorten(flat, MAX_ECHOED_QUESTION_CHARS)
    return f"> **Q:** {escape_mentions(escape_markdown(shown))}"


def source_line(citation: Citation, *, with_title: bool = False) -> str:
    """One source: its number, the quote (escaped, maybe shortened) and its paragraph."""
    quote = escape_markdown(_shorten(" ".join(citation.quote.split()), MAX_QUOTE_CHARS))
    where = "headline" if citation.in_headline else f"paragraph {citation.paragraph}"
    line = f"> **[{citation.n}]** “{quote}” — {where}"
    if with_title and citation.title:
        line += f", *{escape_markdown(citation.title)}*"
    return line


def _source_blocks(citations: list[Citation]) -> list[_Block]:
    """The sources heading and one block per citation; the heading travels with the first."""
    if not citations:
        return []
    titles = {citation.title for citation in citations if citation.title}
    one_title = len(titles) == 1
    heading = SOURCES_HEADING
    if one_title:
        heading += f" · *{escape_markdown(titles.pop())}*"
    lines = [source_line(c, with_title=not one_title) for c in sorted(citations, key=_by_n)]
    first = _Block("\n\n", f"{heading}\n{lines[0]}")
    return [first, *(_Block("\n", line) for line in lines[1:])]


def _by_n(citation: Citation) -> int:
    return citation.n


def _sentences(text: str, limit: int) -> Iterator[str]:
    """`text` in sentences, each cut further (at spaces, then anywhere) only if over `limit`."""
    for match in _SENTENCE.finditer(text):
        yield from _hard_split(match.group(), limit)


def _hard_split(text: str, limit: int) -> Iterator[str]:
    """Pieces of at most `limit` characters, cut at the last space that allows it."""
    while len(text) > limit:
        cut = text.rfind(" ", 0, limit + 1)
        if cut <= 0:
            cut = limit
        yield text[:cut].rstrip()
        text = text[cut:].lstrip()
    if text:
        yield text


def _shorten(text: str, limit: int) -> str:
    """`text`, or its start cut at a word and ended with an ellipsis when longer than `limit`."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    if cut <= 0:
        cut = limit - 1
    return text[:cut].rstrip(" ,;:") + ELLIPSIS


def _pack(blocks: list[_Block], limit: int) -> list[str]:
    """Fill messages block by block; a block that does not fit starts the next message."""
    messages: list[str] = []
    current = ""
    for block in blocks:
        text = block.text
        if len(text) > limit:  # a safety net: callers already cut blocks to the limit
            text = text[: limit - 1] + ELLIPSIS
        if current and len(current) + len(block.joiner) + len(text) <= limit:
            current += block.joiner + text
            continue
        if current:
            messages.append(current)
        current = text
    if current:
        messages.append(current)
    return messages
