"""Terminal rendering of an `Answer`: plain text for people, one JSON line for tools.

Text from outside (articles, questions, a model's reply, file names) is made inert here, at the
edge, and only for display: the index and the JSON keep it verbatim.
"""

from __future__ import annotations

import json
import logging
import re

from rich.console import Console, Group
from rich.padding import Padding
from rich.text import Text

from retrieval.answer import Answer

# Sources under each answer are shortened to this many characters; /sources shows them whole.
SHORT_QUOTE_CHARS = 160
# Unicode's format characters (category Cf in Python 3.11's unicodedata, Unicode 14; a unit
# test keeps the list whole). Invisible, yet they change what a reader sees: bidirectional
# embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) reorder the text after them,
# so a quote can read backwards or hide a word behind another; zero-width spaces, joiners and
# marks (U+200B-U+200F, U+2060, U+FEFF) make two strings that differ look the same.
FORMAT_CHARS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f"
)
# C0 controls, DEL and C1 controls: ESC (or its one-byte form, C1 CSI U+009B) starts the
# sequences that recolour, erase, hide text or write the clipboard (OSC 52); a terminal obeys
# them wherever they come from. With the format characters, shown as Python would write them
# (\x1b, \u202e), never sent raw and never dropped: a reader sees that something was there.
CONTROL_CHARS = re.compile(f"[\x00-\x1f\x7f-\x9f{FORMAT_CHARS}]")
# Layout an answer or a quote may keep; a one-line field (a title, a question) keeps none.
LAYOUT_CHARS = "\n\t"
# Left raw by json.dumps(ensure_ascii=False): DEL and C1 controls (a terminal may obey them),
# the format characters (a terminal shows the line reordered), and NEL and the Unicode line and
# paragraph separators, where line readers (Python's splitlines) would cut a JSON line in two.
# Written as \u escapes, which decode to the same text.
JSON_RAW_UNSAFE = re.compile(f"[\x7f-\x9f\u2028\u2029{FORMAT_CHARS}]")


def inert(text: str, *, keep: str = LAYOUT_CHARS) -> str:
    """`text` with every control or format character but those in `keep` written out visibly
    (`\\x1b`, `\\u202e`)."""

    def visible(match: re.Match[str]) -> str:
        char = match.group()
        return char if char in keep else repr(char)[1:-1]

    return CONTROL_CHARS.sub(visible, text)


def one_line(text: str) -> str:
    """`inert` for a field shown on one line: a line break in it is shown as `\\n`."""
    return inert(text, keep="")


class InertFormatter(logging.Formatter):
    """Log lines quote file names, questions and providers' errors: inert on the terminal too."""

    def format(self, record: logging.LogRecord) -> str:
        return inert(super().format(record))


def to_json_line(answer: Answer) -> str:
    return json_line(answer.to_json())


def json_line(value: object) -> str:
    """One JSON object on one line, verbatim when decoded, with nothing a terminal obeys."""
    raw = json.dumps(value, ensure_ascii=False)
    # json.dumps' own escape: a character past U+FFFF is written as its surrogate pair.
    return JSON_RAW_UNSAFE.sub(lambda match: json.dumps(match.group())[1:-1], raw)


def render(answer: Answer, *, full_quotes: bool = False) -> Group:
    """The answer with its [n] markers, then the numbered sources."""
    parts: list[Text | Padding] = [
        Text(inert(answer.text), style="yellow" if answer.abstained else "")
    ]
    if answer.resolved_question and answer.resolved_question != answer.question:
        parts.insert(0, Text(f"(read as: {one_line(answer.resolved_question)})", style="dim"))
    note = answer.checking_note()
    if note:
        parts.append(Text(inert(note), style="dim italic"))
    parts.extend(render_sources(answer, full_quotes=full_quotes).renderables)
    return Group(*parts)


def render_sources(answer: Answer, *, full_quotes: bool = False) -> Group:
    """The numbered sources: paragraph, title and the quote, shortened unless `full_quotes`.

    Built as `Text`, never as markup: an article's "[bold]" or "[link=...]" is shown as written.
    """
    parts: list[Text | Padding] = [Text("\nSources", style="bold")] if answer.citations else []
    for citation in answer.citations:
        quote = citation.quote
        if not full_quotes and len(quote) > SHORT_QUOTE_CHARS:
            quote = quote[: SHORT_QUOTE_CHARS - 1].rstrip() + "…"
        where = "headline" if citation.in_headline else f"¶{citation.paragraph}"
        parts.append(
            Text.assemble(
                (f"[{citation.n}]", "bold cyan"),
                " ",
                (f"{where} · {one_line(citation.title)}", "dim"),
            )
        )
        parts.append(Padding(Text(f"“{inert(quote)}”"), (0, 0, 0, 4)))
    return Group(*parts)


def print_answer(console: Console, answer: Answer, *, full_quotes: bool = False) -> None:
    console.print(render(answer, full_quotes=full_quotes))
