"""Terminal rendering of an `Answer`: plain text for people, one JSON line for tools."""

from __future__ import annotations

import json

from rich.console import Console, Group
from rich.markup import escape
from rich.padding import Padding
from rich.text import Text

from retrieval.answer import Answer

# Sources under each answer are shortened to this many characters; /sources shows them whole.
SHORT_QUOTE_CHARS = 160


def to_json_line(answer: Answer) -> str:
    return json.dumps(answer.to_json(), ensure_ascii=False)


def render(answer: Answer, *, full_quotes: bool = False) -> Group:
    """The answer with its [n] markers, then the numbered sources."""
    parts: list[Text | Padding] = [Text(answer.text, style="yellow" if answer.abstained else "")]
    if answer.resolved_question and answer.resolved_question != answer.question:
        parts.insert(0, Text(f"(read as: {answer.resolved_question})", style="dim"))
    note = answer.checking_note()
    if note:
        parts.append(Text(note, style="dim italic"))
    parts.extend(render_sources(answer, full_quotes=full_quotes).renderables)
    return Group(*parts)


def render_sources(answer: Answer, *, full_quotes: bool = False) -> Group:
    """The numbered sources: paragraph, title and the quote, shortened unless `full_quotes`."""
    parts: list[Text | Padding] = [Text("\nSources", style="bold")] if answer.citations else []
    for citation in answer.citations:
        quote = citation.quote
        if not full_quotes and len(quote) > SHORT_QUOTE_CHARS:
            quote = quote[: SHORT_QUOTE_CHARS - 1].rstrip() + "…"
        parts.append(
            Text.from_markup(
                f"[bold cyan]\\[{citation.n}][/] [dim]¶{citation.paragraph} · "
                f"{escape(citation.title)}[/]"
            )
        )
        parts.append(Padding(Text(f"“{quote}”"), (0, 0, 0, 4)))
    return Group(*parts)


def print_answer(console: Console, answer: Answer, *, full_quotes: bool = False) -> None:
    console.print(render(answer, full_quotes=full_quotes))
