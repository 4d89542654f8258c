"""Hygiene at the edges: text from outside is inert on a terminal."""

from __future__ import annotations

import io
import json
import re

import pytest
from rich.console import Console

from bot.terminal import inert, json_line, one_line, render
from retrieval.answer import Answer, Citation

# What a terminal would obey: any C0 control but newline and tab, DEL, any C1 control.
OBEYED = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# The colours rich itself writes (SGR: ESC [ digits m); anything else raw is from the data.
RICH_STYLES = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Peskov said Friday.", "Peskov said Friday."),
        ("Two lines\nand\ta tab", "Two lines\nand\ta tab"),
        ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),  # colour
        ("erased\x1b[2K\r", "erased\\x1b[2K\\r"),  # erase-line, carriage return
        ("\x1b[8mhidden", "\\x1b[8mhidden"),  # hidden text
        ("\x1b]52;c;cm0gLXJm\x07", "\\x1b]52;c;cm0gLXJm\\x07"),  # OSC 52: write the clipboard
        ("\x9b2K one-byte CSI", "\\x9b2K one-byte CSI"),  # C1 controls: one-byte ESC sequences
        ("del\x7f nul\x00 bs\x08", "del\\x7f nul\\x00 bs\\x08"),
        ("[bold]not markup[/bold] :smile:", "[bold]not markup[/bold] :smile:"),
        ("Zürich — “quoted” ¶", "Zürich — “quoted” ¶"),  # printable non-ASCII stays
    ],
)
def test_control_characters_are_shown_never_sent(text: str, shown: str) -> None:
    assert inert(text) == shown
    assert not OBEYED.search(inert(text))


def test_a_one_line_field_shows_its_line_breaks() -> None:
    assert one_line("Title\nqabot: error: fake\ttab") == "Title\\nqabot: error: fake\\ttab"


def test_json_lines_decode_verbatim_and_hold_nothing_a_terminal_or_a_line_reader_obeys() -> None:
    quote = "a\x1b[2Kb \x9b2K c\x85d\u2028e\u2029f\x7f “g” Zürich"
    line = json_line({"quote": quote})
    assert json.loads(line) == {"quote": quote}
    assert not OBEYED.search(line)
    assert line.splitlines() == [line]
    assert "Zürich" in line and "“g”" in line  # printable text is not \u-escaped


def test_an_answer_from_a_hostile_article_renders_inert_and_without_markup() -> None:
    quote = (
        "Mayor \x1b[8mhidden\x1b[0m said [bold]jobs[/bold] at [link=https://evil.example]x[/link]."
    )
    title = "Harbour \x1b]52;c;cm0gLXJm\x07 [red]Plan[/red]\\"
    citation = Citation(1, quote, "/tmp/a.txt", title, 2, 0, len(quote))
    answer = Answer(
        question="What did the mayor say?\x1b[2J",
        text=f"{quote} [1]",
        citations=[citation],
        resolved_question="What did \x9b2Kthe mayor say?",
    )
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, color_system="truecolor", width=200)
    console.print(render(answer, full_quotes=True))
    printed = out.getvalue()
    assert not OBEYED.search(RICH_STYLES.sub("", printed)), repr(printed)
    plain = RICH_STYLES.sub("", printed)
    assert "\\x1b[8mhidden\\x1b[0m" in plain
    assert "\\x1b]52;c;cm0gLXJm\\x07" in plain
    assert "\\x9b2K" in plain
    assert "[bold]jobs[/bold]" in plain and "[link=https://evil.example]x[/link]" in plain
    assert "[red]Plan[/red]\\" in plain
    assert "\x1b]8;" not in printed  # no hyperlink was made of the article's [link=...]
