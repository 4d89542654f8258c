"""Hygiene at the edges, through the `qabot` command: inert terminal output, JSON-only
`repl --json`, and ingest that reads only what it was given."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import Run, json_lines

# What a terminal would obey: any C0 control but newline and tab, DEL, any C1 control.
OBEYED = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

HOSTILE = (
    "The city council of Port Avel approved the \x1b[31mharbour expansion\x1b[0m on Tuesday.\n\n"
    "Mayor Ines Duarte said \x1b[8mthe project\x1b[0m would create [bold]hundreds of jobs[/bold] "
    "within two years, \x1b]52;c;cm0gLXJmIH4=\x07according to the council.\n\n"
    "Critics warned that dredging would \x9b2Kharm the [link=https://evil.example]oyster "
    "beds[/link] near the harbour.\n"
)
HOSTILE_TITLE = "Harbour \x1b[2J Plan [red]Approved[/red]"


def test_escape_codes_from_articles_and_questions_never_reach_the_terminal(
    empty_qabot: Run, tmp_path: Path
) -> None:
    article = tmp_path / "harbour.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "harbour.meta.json").write_text(
        json.dumps({"title": HOSTILE_TITLE}), encoding="utf-8"
    )
    assert empty_qabot("ingest", str(article)).returncode == 0

    asked = empty_qabot("ask", "What did Ines Duarte say?")
    script = "What did critics warn about?\n/sources\nWhat did the mayor\x1b[8m say?\n/x\x1b[2J\n"
    talked = empty_qabot("repl", stdin=script)
    for result in (asked, talked):
        assert result.returncode == 0, result.stderr
        assert not OBEYED.search(result.stdout), repr(result.stdout)
        # Shown, not obeyed, and never read as rich markup.
        assert "\\x1b[2J Plan [red]Approved[/red]" in result.stdout
    assert "\\x1b]52;c;cm0gLXJmIH4=\\x07" in asked.stdout
    assert "[bold]hundreds of jobs[/bold]" in asked.stdout
    assert "\\x9b2Kharm" in talked.stdout and "[link=https://evil.example]oyster" in talked.stdout
    assert "Unknown command /x\\x1b[2j" in talked.stdout  # commands are read lower-cased

    missing = empty_qabot("ingest", str(tmp_path / "gone\x1b]52;c;Zm9v\x07.txt"))
    assert missing.returncode == 1
    assert not OBEYED.search(missing.stderr) and "gone\\x1b]52;c;Zm9v\\x07.txt" in missing.stderr


def test_json_output_keeps_quotes_verbatim_with_nothing_raw_for_a_terminal(
    empty_qabot: Run, tmp_path: Path
) -> None:
    article = tmp_path / "harbour.txt"
    article.write_text(HOSTILE.replace("Critics warned", "Critics\x85 warned"), encoding="utf-8")
    assert empty_qabot("ingest", str(article)).returncode == 0
    result = empty_qabot("ask", "What did critics warn about?", "--json")
    assert result.returncode == 0, result.stderr
    assert not OBEYED.search(result.stdout) and "\u2028" not in result.stdout
    (answer,) = json_lines(result.stdout)  # NEL (\x85) would cut the line for splitlines()
    quote = answer["citations"][0]["quote"]
    assert "Critics\x85 warned that dredging would \x9b2Kharm the [link=" in quote
    assert HOSTILE.replace("Critics warned", "Critics\x85 warned").find(quote) >= 0
