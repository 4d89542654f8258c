"""Terminal rendering of an `Answer`: plain text for people, one JSON line for tools."""

from __future__ import annotations

import json

from rich.console import Console, Group
from rich.markup import escape
from rich.text import Text

from retrieval.answer import Answer

# Sources under each answer are shortened to this many characters; /sources shows them whole.
SHORT_QUOTE_CHARS = 160


def to_json_line(answer: Answer) -> str:
    return json.dumps(answer.to_json(), ensure_ascii=False)


def render(answer: Answer, *, full_quotes: bool = False) -> Group:
    """The answer with its [n] markers, then the numbered sources."""
    parts: list[Text] = [Text(answer.text, style="yellow" if answer.abstained else "")]
    if answer.resolved_question and answer.resolved_question != answer.question:
        parts.insert(0, Text(f"(read as: {answer.resolved_question})", style="dim"))
    if answer.citations:
        parts.append(Text("\nSources", style="bold"))
    for citation in answer.citations:
        quote = citation.quote
        if not full_quotes and len(quote) > SHORT_QUOTE_CHARS:
            quote = quote[: SHORT_QUOTE_CHARS - 1].rstrip() + "…"
        line = Text.from_markup(
            f"[bold cyan]\\[{citation.n}][/] [dim]¶{citation.paragraph} · "
            f"{escape(citation.title)}[/]\n    "
        )
        line.append(f"“{quote}”")
        parts.append(line)
    return Group(*parts)


def print_answer(console: Console, answer: Answer, *, full_quotes: bool = False) -> None:
    console.print(render(answer, full_quotes=full_quotes))
