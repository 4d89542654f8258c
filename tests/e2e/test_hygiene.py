"""Hygiene at the edges, through the `qabot` command: inert terminal output, JSON-only
`repl --json`, and ingest that reads only what it was given."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from conftest import COMMAND_TIMEOUT_S, QABOT, Run, json_lines, qabot_env

pytestmark = pytest.mark.fault

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


def run_bytes(chroma: Path, cwd: Path, *args: str, stdin: bytes) -> subprocess.CompletedProcess:
    """`qabot ARGS` fed raw bytes, which `Run` (text in, text out) cannot send."""
    return subprocess.run(
        [QABOT, *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=qabot_env(chroma),
        timeout=COMMAND_TIMEOUT_S,
    )


def test_repl_json_answers_every_line_with_one_object_even_commands_and_bad_bytes(
    qabot: Run, tmp_path: Path
) -> None:
    script = [
        b"What did Zelensky promise?",
        b"/sources",
        b"What did \xff\xfe Peskov say?",  # not UTF-8
        b"/help",
        b"/reset",
        b"/sources",
        b"/nonsense",
        b"What did Peskov say?",
        b"/quit",
        b"Ignored?",
    ]
    result = run_bytes(tmp_path / "chroma", tmp_path, "repl", "--json", stdin=b"\n".join(script))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode("utf-8").splitlines()
    assert len(lines) == len(script) - 1  # nothing after /quit is read
    promise, sources, bad, shown_help, reset, no_sources, unknown, peskov, leave = map(
        json.loads, lines
    )
    assert "defeat Putin's troops" in promise["answer"]
    assert sources == {"command": "/sources", "sources": promise["citations"]}
    assert bad["error"] == "input line 3 is not UTF-8 text" and bad["citations"] == []
    assert bad["question"] == "What did \ufffd\ufffd Peskov say?"
    assert shown_help["command"] == "/help" and "/sources" in shown_help["text"]
    assert reset == {"command": "/reset", "text": "New conversation."}
    assert no_sources == {"command": "/sources", "sources": []}
    assert unknown["command"] == "/nonsense" and "/help" in unknown["error"]
    assert not peskov["abstained"] and "Peskov" in peskov["answer"]
    assert leave == {"command": "/quit"}


def test_text_repl_goes_on_after_a_line_that_is_not_utf8(qabot: Run, tmp_path: Path) -> None:
    stdin = b"\xc3\x28 broken\nWhat happened in Bucha?\n"
    result = run_bytes(tmp_path / "chroma", tmp_path, "repl", stdin=stdin)
    assert result.returncode == 0, result.stderr
    stdout = result.stdout.decode("utf-8")
    assert "error: input line 1 is not UTF-8 text" in stdout
    assert "alleged war crimes" in stdout


HARBOUR = """Harbour Plan Approved

The city council of Port Avel approved the harbour expansion on Tuesday after a long debate.

Mayor Ines Duarte said the project would create "hundreds of jobs within two years."

Critics, led by the fishermen's union, warned that dredging would harm the local oyster beds.
"""


def test_ingest_of_a_folder_reads_only_its_own_files_and_says_what_it_skipped(
    empty_qabot: Run, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (folder / ".env").write_text("DISCORD_TOKEN=sw0rdf1sh.token\n", encoding="utf-8")
    (folder / ".drafts").mkdir()
    (folder / ".drafts" / "draft.txt").write_text("The draft says the vault code is 4321.\n")
    outside = tmp_path / "private" / "diary.txt"
    outside.parent.mkdir()
    outside.write_text("The launch code is swordfish, the diary said.\n", encoding="utf-8")
    (folder / "diary.txt").symlink_to(outside)
    (folder / "settings.txt").symlink_to(folder / ".env")

    result = empty_qabot("ingest", str(folder), "--json")

    assert result.returncode == 0, result.stderr
    # the harbour article's headline and three paragraphs alone
    assert json.loads(result.stdout)["added"] == 4
    said = result.stderr.splitlines()
    assert any("diary.txt" in line and "outside" in line for line in said), result.stderr
    assert any("settings.txt" in line and "hidden" in line for line in said), result.stderr
    assert any("1 hidden" in line for line in said), result.stderr  # .drafts/
    for question in ("What is the launch code?", "What is the DISCORD_TOKEN?"):
        answer = json.loads(empty_qabot("ask", question, "--json").stdout)
        quotes = " ".join(c["quote"] for c in answer["citations"])
        assert "swordfish" not in quotes and "sw0rdf1sh" not in quotes

    # Named, the same link is read: the user asked for that file.
    named = empty_qabot("ingest", str(folder / "diary.txt"), "--json")
    assert named.returncode == 0, named.stderr
    assert json.loads(named.stdout)["added"] == 1
