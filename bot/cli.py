"""The `qabot` command: ingest, ask, repl, eval and discord."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from retrieval.engine import Engine
    from retrieval.settings import Settings

app = typer.Typer(
    help="Ask questions about news articles; answers cite the article verbatim.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
log = logging.getLogger("qabot")

JsonFlag = Annotated[bool, typer.Option("--json", help="One JSON object per result on stdout.")]


def _stderr(message: str) -> None:
    from bot.terminal import one_line

    # Messages name files and quote settings: nothing in them may steer the terminal.
    print(f"qabot: {one_line(message)}", file=sys.stderr, flush=True)


def _settings() -> Settings:
    from bot.terminal import InertFormatter
    from retrieval.settings import load_settings

    settings = load_settings()
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(InertFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=settings.log_level.upper(), handlers=[handler])
    return settings


def _engine(settings: Settings, *, build: bool = True, repair: bool = False) -> Engine:
    """The engine with the bundled article indexed if the index is empty; for a `repair`, over
    vector files not checked first (they are set aside unread)."""
    from retrieval.engine import make_engine

    engine = make_engine(settings, check_vector_files=not repair)
    if build:
        engine.ensure_index(progress=_stderr)
    return engine


@app.command()
def ingest(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Files or folders (.txt, .md); default: the bundled article."),
    ] = None,
    as_json: JsonFlag = False,
    prune: Annotated[
        bool,
        typer.Option(
            "--prune", help="Also remove the chunks of ingested files that no longer exist."
        ),
    ] = False,
    repair: Annotated[
        bool,
        typer.Option(
            "--repair",
            help="Compute every stored chunk's vectors again from its stored text (after the "
            "index's vector files were lost or damaged); without PATHS, only that.",
        ),
    ] = False,
    rebuild: Annotated[
        bool,
        typer.Option(
            "--rebuild",
            help="Move the index folder aside (renamed, kept) and build a new index from PATHS.",
        ),
    ] = False,
) -> None:
    """Add articles to the index; unchanged files cost nothing, changed ones are replaced."""
    from bot.ingest_view import ingest_progress
    from retrieval.constants import BUNDLED_ARTICLE
    from retrieval.engine import move_index_aside
    from retrieval.ingest.run import expand_paths

    # A path that cannot be read fails here, before Chroma opens; what is skipped is said later.
    expand_paths(paths or [], notify=lambda _: None)
    settings = _settings()
    if rebuild and (moved := move_index_aside(settings)):
        _stderr(f"moved the old index to {moved}; building a new one")
    engine = _engine(settings, build=False, repair=repair)
    default = [] if repair else [BUNDLED_ARTICLE]
    with ingest_progress(_stderr) as progress:  # a bar only on a terminal's stderr
        report = engine.ingest(paths or default, prune=prune, repair=repair, progress=progress)
    if as_json:
        print(json.dumps(report.to_json()))
        return
    repaired = f" {report.repaired} chunks' vectors computed again." if report.repaired else ""
    print(
        f"{len(report.sources)} file(s): {report.added} chunks added, "
        f"{report.unchanged} unchanged, "
        f"{report.removed} removed; {report.embedded} embedded.{repaired}"
    )


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="The question, in quotes.")],
    as_json: JsonFlag = False,
) -> None:
    """Answer one question about the indexed articles."""
    from rich.console import Console

    from bot.terminal import print_answer, to_json_line
    from retrieval.engine import check_question

    check_question(question)  # before the slow model load
    answer = _engine(_settings()).ask(question)
    if as_json:
        print(to_json_line(answer), flush=True)
    else:
        print_answer(Console(), answer)


@app.command()
def repl(as_json: JsonFlag = False) -> None:
    """A conversation: follow-up questions understand "he" and "it". /help lists commands."""
    from bot.repl import run_repl

    run_repl(_engine(_settings()), as_json=as_json)


@app.command(name="eval")
def evaluate(
    question_set: Annotated[
        Path | None, typer.Argument(help="A .jsonl question set; default: the bundled dev set.")
    ] = None,
    article: Annotated[
        Path | None,
        typer.Option(
            "--article",
            help="The article of the lines that name none, scored in a temporary index; "
            "default: those lines use your configured index.",
        ),
    ] = None,
    together: Annotated[
        bool,
        typer.Option(
            "--together/--separate",
            help="All the set's articles, plus the bundled one, in one temporary index; "
            "or (default) one temporary index per article.",
        ),
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Score the engine on a question set: evidence, facts, abstention, quotes, latency, by
    article. Articles the set names (or --article gives) are indexed in temporary folders;
    your own index is left alone."""
    from bot.eval_view import run_eval

    settings = _settings()
    run_eval(
        settings,
        lambda: _engine(settings),
        question_set,
        article=article.resolve() if article else None,
        together=together,
        as_json=as_json,
        progress=_stderr,
    )


@app.command()
def bench(
    docs: Annotated[
        list[int] | None,
        typer.Option(
            "--docs", help="Corpus sizes in documents (repeatable); default 1, 1000, 10000."
        ),
    ] = None,
    json_path: Annotated[
        Path | None, typer.Option("--json", help="Write the figures here.")
    ] = None,
    plot_path: Annotated[
        Path | None, typer.Option("--plot", help="Write a latency chart (PNG).")
    ] = None,
    cold_runs: Annotated[
        int, typer.Option("--cold-runs", min=1, help="New processes timed per size (median).")
    ] = 5,
) -> None:
    """Measure ingest and answer speed, cold start and memory at growing corpus sizes."""
    from bot.bench_view import run_bench_view
    from retrieval.bench.run import DEFAULT_SIZES
    from retrieval.errors import SettingsError

    sizes = docs or list(DEFAULT_SIZES)
    if any(size < 1 for size in sizes):
        raise SettingsError("--docs takes sizes of at least 1 document")
    _settings()
    run_bench_view(sizes, json_path, plot_path, cold_runs=cold_runs)


@app.command()
def discord() -> None:
    """Run the Discord bot (needs DISCORD_TOKEN)."""
    from bot.discord.bot import run

    raise typer.Exit(run(_settings()))


def main() -> None:
    """Entry point: domain errors become one line on stderr and a non-zero exit."""
    from retrieval.errors import QabotError

    # Model loading draws progress bars and warnings on stderr that mean nothing to a user.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    try:
        app()
    except QabotError as error:
        _stderr(f"error: {error}")
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:
        if os.environ.get("QABOT_DEBUG"):
            raise
        log.debug("unexpected failure", exc_info=True)
        _stderr(
            f"error: unexpected {type(error).__name__}: {error} "
            "(set QABOT_DEBUG=1 to see the traceback)"
        )
        sys.exit(2)


if __name__ == "__main__":
    main()
