"""The REPL: a prompt with history on a terminal, one question per line otherwise."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from bot.terminal import inert, json_line, one_line, print_answer, render_sources, to_json_line
from retrieval.answer import Answer, Turn
from retrieval.engine import Engine
from retrieval.errors import QabotError
from retrieval.index.articles import IndexedArticle

# Turns kept for resolving follow-ups; older ones no longer help and only cost memory.
MAX_HISTORY = 20
HISTORY_FILE = Path(".qabot") / "repl_history"
HELP = """Ask anything about the article; follow-ups may say "he", "she" or "it".
  /sources          show the last answer's sources in full
  /articles         list the articles in the index, numbered
  /article N|TEXT   answer from one article only, picked by its number in /articles
                    or by a part of its title or file name
  /article all      answer from all the articles again
  /reset            start a new conversation (from all the articles)
  /help             this text
  /quit             leave (Ctrl-D works too)"""
# `/article all`: every article again, not one whose title contains "all".
ALL_ARTICLES = "all"


class Session:
    """One conversation: its turns, and what each command does to them."""

    def __init__(self, engine: Engine, console: Console, as_json: bool):
        self.engine = engine
        self.console = console
        self.as_json = as_json
        self.history: list[Turn] = []
        # The article the user picked to be answered from; None: all of them.
        self.article: IndexedArticle | None = None

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
        article = self.article.source if self.article else None
        try:
            answer = self.engine.ask(
                line, self.history, on_token=self._stream_target(), article=article
            )
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
        """Act on a /command; under --json each one answers with one object naming it."""
        command, *rest = line.split(maxsplit=1)
        command = command.lower()
        if command in ("/quit", "/exit", "/q"):
            if self.as_json:
                self._emit({"command": command})
            return False
        if command == "/reset":
            self.history = []
            self.article = None
            self._reply(command, "New conversation.")
        elif command == "/articles":
            self._list_articles(command)
        elif command == "/article":
            self._choose_article(command, rest[0] if rest else "")
        elif command == "/sources":
            last = self.last_answer
            if self.as_json:
                # The answer's own citation objects, so tools read one shape for both.
                sources = last.to_json()["citations"] if last else []
                self._emit({"command": command, "sources": sources})
            elif last and last.citations:
                self.console.print(render_sources(last, full_quotes=True))
            else:
                self._reply(command, "No sources yet: the last answer cited nothing.")
        elif command == "/help":
            self._reply(command, HELP)
        else:
            message = f"Unknown command {command}; /help lists them."
            if self.as_json:
                self._emit({"command": command, "error": message})
            else:
                self._reply(command, message)
        return True

    def _list_articles(self, command: str) -> None:
        """The index's articles, numbered as `/article N` takes them, the picked one marked."""
        try:
            articles = self.engine.articles()
        except QabotError as error:
            self._command_error(command, str(error))
            return
        chosen = self.article.source if self.article else None
        if self.as_json:
            listed = [_article_json(a) | {"chosen": a.source == chosen} for a in articles]
            self._emit({"command": command, "articles": listed})
            return
        for article in articles:
            is_chosen = article.source == chosen
            mark = "*" if is_chosen else " "
            self.console.print(
                Text(f"{mark} {one_line(article.describe())}", style="bold" if is_chosen else "")
            )
        how = (
            "Answers come only from the one marked *; /article all goes back to all of them."
            if chosen
            else "Answers come from all of them; /article N picks one."
        )
        self.console.print(Text(how, style="dim"))

    def _choose_article(self, command: str, choice: str) -> None:
        """`/article N|TEXT` picks the article answers come from; `/article all` drops it;
        `/article` alone says which it is."""
        if choice.casefold() == ALL_ARTICLES:
            self.article = None
        elif choice:
            try:
                self.article = self.engine.choose_article(choice)
            except QabotError as error:
                self._command_error(command, str(error))
                return
        article = self.article
        text = (
            f"Answers come only from article {article.number}, “{article.title}” "
            f"({article.file_name}); /article all goes back to all of them."
            if article
            else "Answers come from all the articles; /articles lists them."
        )
        if self.as_json:
            shown = _article_json(article) if article else None
            self._emit({"command": command, "article": shown, "text": text})
        else:
            self.console.print(Text(one_line(text), style="dim"))

    def _command_error(self, command: str, message: str) -> None:
        if self.as_json:
            self._emit({"command": command, "error": message})
        else:
            self.console.print(Text(f"error: {inert(message)}", style="red"))

    def undecodable(self, number: int, raw: bytes) -> None:
        """A line that is not UTF-8: said so, and the conversation goes on."""
        shown = raw.decode("utf-8", errors="replace").strip()
        self._error(shown, f"input line {number} is not UTF-8 text")

    def _reply(self, command: str, text: str) -> None:
        if self.as_json:
            self._emit({"command": command, "text": text})
        else:
            self.console.print(Text(inert(text), style="dim"))

    def _emit(self, value: dict[str, Any]) -> None:
        print(json_line(value), flush=True)

    def _error(self, question: str, message: str) -> None:
        if self.as_json:
            self._emit(
                {
                    "question": question,
                    "answer": "",
                    "abstained": True,
                    "citations": [],
                    "timings_ms": {},
                    "error": message,
                }
            )
        else:
            self.console.print(Text(f"error: {inert(message)}", style="red"))


def _article_json(article: IndexedArticle) -> dict[str, Any]:
    return {
        "n": article.number,
        "title": article.title,
        "file": article.file_name,
        "source": article.source,
    }


def run_repl(engine: Engine, *, as_json: bool = False) -> None:
    session = Session(engine, Console(), as_json)
    if sys.stdin.isatty() and sys.stdout.isatty():
        _interactive(session)
    else:
        _piped(session, sys.stdin.buffer)


def _piped(session: Session, lines: Iterable[bytes]) -> None:
    """One question or command per line, read as bytes so a line that is not UTF-8 costs only
    itself (text-mode stdin would raise and end the conversation)."""
    for number, raw in enumerate(lines, start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            session.undecodable(number, raw)
            continue
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
