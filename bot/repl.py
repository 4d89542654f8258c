"""The REPL: a prompt with history on a terminal, one question per line otherwise."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from rich.console import Console
from rich.text import Text

from bot.terminal import inert, print_answer, render_sources, to_json_line
from retrieval.answer import Answer, Turn
from retrieval.engine import Engine
from retrieval.errors import QabotError

# Turns kept for resolving follow-ups; older ones no longer help and only cost memory.
MAX_HISTORY = 20
HISTORY_FILE = Path(".qabot") / "repl_history"
HELP = """Ask anything about the article; follow-ups may say "he", "she" or "it".
  /sources  show the last answer's sources in full
  /reset    start a new conversation
  /help     this text
  /quit     leave (Ctrl-D works too)"""


class Session:
    """One conversation: its turns, and what each command does to them."""

    def __init__(self, engine: Engine, console: Console, as_json: bool):
        self.engine = engine
        self.console = console
        self.as_json = as_json
        self.history: list[Turn] = []

    @property
    def last_answer(self) -> Answer | None:
        return self.history[-1].answer if self.history else None

    def handle(self, line: str) -> bool:
        """Act on one input line; False means the user wants to leave."""
        line = line.strip()
        if not line:
            return True
        if line.startswith("/"):
            return self._command(line)
        try:
            answer = self.engine.ask(line, self.history, on_token=self._stream_target())
        except QabotError as error:
            self._error(line, str(error))
            return True
        self.history = [*self.history, Turn(line, answer.resolved_question, answer)][-MAX_HISTORY:]
        if self.as_json:
            print(to_json_line(answer), flush=True)
        else:
            if self.engine.settings.uses_llm:
                self.console.print()  # end the streamed draft's line
            print_answer(self.console, answer)
            self.console.print()
        return True

    def _stream_target(self) -> Callable[[str], None] | None:
        """Where an LLM's reply is printed as it arrives (a draft: the checked answer follows).

        Only for people: with --json, tools get the one final object.
        """
        is_llm = self.engine.settings.uses_llm
        if self.as_json or not is_llm:
            return None
        started: list[bool] = []

        def show(piece: str) -> None:
            if not started:
                started.append(True)
                self.console.print("(draft, being checked) ", style="dim", end="")
            self.console.print(Text(inert(piece), style="dim"), end="")

        return show

    def _command(self, line: str) -> bool:
        command = line.split()[0].lower()
        if command in ("/quit", "/exit", "/q"):
            return False
        if command == "/reset":
            self.history = []
            self._note("New conversation.")
        elif command == "/sources":
            if self.last_answer and self.last_answer.citations:
                self.console.print(render_sources(self.last_answer, full_quotes=True))
            else:
                self._note("No sources yet: the last answer cited nothing.")
        elif command == "/help":
            self._note(HELP)
        else:
            self._note(f"Unknown command {command}; /help lists them.")
        return True

    def _note(self, text: str) -> None:
        if self.as_json:
            print(text, file=sys.stderr)
        else:
            self.console.print(Text(inert(text), style="dim"))

    def _error(self, question: str, message: str) -> None:
        if self.as_json:
            print(
                json.dumps(
                    {
                        "question": question,
                        "answer": "",
                        "abstained": True,
                        "citations": [],
                        "timings_ms": {},
                        "error": message,
                    }
                ),
                flush=True,
            )
        else:
            self.console.print(Text(f"error: {inert(message)}", style="red"))


def run_repl(engine: Engine, *, as_json: bool = False) -> None:
    session = Session(engine, Console(), as_json)
    if sys.stdin.isatty() and sys.stdout.isatty():
        _interactive(session)
    else:
        _piped(session, sys.stdin)


def _piped(session: Session, lines: Iterable[str]) -> None:
    for line in lines:
        if not session.handle(line):
            return


def _interactive(session: Session) -> None:
    from prompt_toolkit import PromptSession
    from prompt_toolkit.history import FileHistory, InMemoryHistory

    try:
        HISTORY_FILE.parent.mkdir(parents=True, exist_ok=True)
        history = FileHistory(str(HISTORY_FILE))
    except OSError:
        history = InMemoryHistory()
    prompt: PromptSession[str] = PromptSession(history=history)
    session.console.print("Ask about the article. /help for commands, /quit to leave.", style="dim")
    while True:
        try:
            line = prompt.prompt("qabot> ")
        except KeyboardInterrupt:
            continue
        except EOFError:
            return
        if not session.handle(line):
            return
