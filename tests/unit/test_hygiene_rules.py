"""Hygiene at the edges: text from outside is inert on a terminal; ingest reads only what it
was given, and a long paragraph costs pysbd one window at a time."""

from __future__ import annotations

import io
import itertools
import json
import logging
import os
import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console

from bot.discord.bot import RedactingFormatter
from bot.eval_view import print_scores
from bot.terminal import CONTROL_CHARS, inert, json_line, one_line, render
from retrieval.answer import Answer, Citation
from retrieval.errors import SourceUnreadable
from retrieval.evaluation import ArticleScores, EvalReport
from retrieval.ingest import sentences
from retrieval.ingest.loader import Paragraph, load_article
from retrieval.ingest.run import expand_paths
from retrieval.ingest.sentences import pysbd_spans, segmented, split_sentences

# What a terminal would obey: any C0 control but newline and tab, DEL, any C1 control.
OBEYED = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# What a terminal would show as nothing, or by reordering the text around it.
INVISIBLE_CATEGORIES = ("Cc", "Cf")
# The colours rich itself writes (SGR: ESC [ digits m); anything else raw is from the data.
RICH_STYLES = re.compile(r"\x1b\[[0-9;]*m")


def invisible(text: str) -> list[str]:
    """The characters of `text` a reader could not see (tab and newline are layout)."""
    return [c for c in text if c not in "\n\t" and unicodedata.category(c) in INVISIBLE_CATEGORIES]


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
        # Bidirectional overrides and isolates: "invoice_\u202etxt.exe" reads "invoice_exe.txt".
        ("invoice_\u202etxt.exe", "invoice_\\u202etxt.exe"),
        ("\u202aLTR\u202b RTL\u202c \u202d", "\\u202aLTR\\u202b RTL\\u202c \\u202d"),
        ("a \u2066b\u2067c\u2068d\u2069", "a \\u2066b\\u2067c\\u2068d\\u2069"),
        ("\u061cArabic letter mark", "\\u061cArabic letter mark"),
        # Zero-width characters: two names that differ, shown so that they look different.
        ("Pes\u200bkov", "Pes\\u200bkov"),
        ("\u200c\u200d\u200e\u200f", "\\u200c\\u200d\\u200e\\u200f"),
        ("word\u2060joiner\ufeff", "word\\u2060joiner\\ufeff"),
        ("soft\u00adhyphen", "soft\\xadhyphen"),
        ("tag\U000e0041\U000e007f", "tag\\U000e0041\\U000e007f"),  # past U+FFFF too
        # Scripts written right to left, non-breaking spaces and emoji are text: they stay.
        ("שלום עולם and مرحبا", "שלום עולם and مرحبا"),
        ("10\u00a0km\u202fnarrow", "10\u00a0km\u202fnarrow"),
        ("❤\ufe0f 🇺🇦", "❤\ufe0f 🇺🇦"),
    ],
)
def test_control_characters_are_shown_never_sent(text: str, shown: str) -> None:
    assert inert(text) == shown
    assert not OBEYED.search(inert(text))
    assert not invisible(inert(text))


def test_every_control_and_format_character_is_made_visible_and_nothing_else() -> None:
    # The list in terminal.py against Python's own Unicode tables: whole, and no wider.
    made_visible = {c for c in map(chr, range(sys.maxunicode + 1)) if CONTROL_CHARS.match(c)}
    invisible_chars = {
        c
        for c in map(chr, range(sys.maxunicode + 1))
        if unicodedata.category(c) in INVISIBLE_CATEGORIES
    }
    assert made_visible == invisible_chars


def test_a_one_line_field_shows_its_line_breaks() -> None:
    assert one_line("Title\nqabot: error: fake\ttab") == "Title\\nqabot: error: fake\\ttab"


def test_json_lines_decode_verbatim_and_hold_nothing_a_terminal_or_a_line_reader_obeys() -> None:
    quote = "a\x1b[2Kb \x9b2K c\x85d\u2028e\u2029f\x7f “g” Zürich \u202eh\u200bi\U000e0041"
    line = json_line({"quote": quote})
    assert json.loads(line) == {"quote": quote}
    assert not OBEYED.search(line)
    assert not invisible(line)
    assert "\\u202e" in line and "\\udb40\\udc41" in line  # U+E0041 as JSON writes it
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


def printed_on_a_terminal(show: Callable[[Console], None]) -> str:
    """What `show` writes to a colour terminal, with rich's own colours taken out."""
    out = io.StringIO()
    show(Console(file=out, force_terminal=True, color_system="truecolor", width=300))
    return RICH_STYLES.sub("", out.getvalue())


# Outside text `qabot eval` shows: the question set's file name, an article's, a failed
# question; each as written, never obeyed and never read as markup. The last rows hold nothing
# to escape.
EVAL_TEXTS = [
    ("set\x1b]52;c;cm0gLXJm\x07.jsonl", "nasa-clps.txt", "What did Shotwell say?"),
    ("dev.jsonl", "lakers\u202etxt.exe", "How many points did Davis\x9b2K score?"),
    ("dev.jsonl", "[blink]harbour.txt", "Who \x1b[8mwarned\u200b about [link=x]dredging[/]?"),
    ("[bold]set.jsonl", "teachers.md", "What did the\nunion\u2066 ask for?"),
    ("heldout.jsonl", "meth-campaign.txt", "Who ran the “Not Even Once” campaign?"),
    ("dev.jsonl", "Zürich — Bericht.md", "Wer hat gewonnen? :smile:"),
]


@pytest.mark.parametrize(("set_name", "article_name", "question"), EVAL_TEXTS)
@pytest.mark.parametrize("per_article", [True, False], ids=["per-article", "configured-index"])
def test_eval_tables_and_failures_show_outside_text_inert_and_as_written(
    tmp_path: Path, set_name: str, article_name: str, question: str, per_article: bool
) -> None:
    report = EvalReport(turns=1, answerable=1, failures=[f"facts missed: {question}"])
    article = tmp_path / article_name if per_article else None
    scores = [ArticleScores(article=article, cases=[], report=report)]

    printed = printed_on_a_terminal(
        lambda console: print_scores(console, tmp_path / set_name, scores, together=False)
    )

    assert not OBEYED.search(printed), repr(printed)
    assert not invisible(printed), repr(printed)
    # The title is wrapped to the table's width: compared word by word.
    assert f"qabot eval — {one_line(set_name)}," in " ".join(printed.split())
    assert f"\n  ✗ facts missed: {one_line(question)}\n" in printed
    if per_article:
        label = re.escape(one_line(article_name))
        assert re.search(rf"^ {label} +1 ", printed, re.MULTILINE), printed  # its table row
        assert f"\n{one_line(article_name)}:\n" in printed  # above its failures


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        ("question: What did\x1b[2J Peskov say?", "question: What did\\x1b[2J Peskov say?"),
        ('POST /channels with {"content":"Who\u202e won?\x9b2K"}', "Who\\u202e won?\\x9b2K"),
        ("reply to Pes\u200bkov (token Bot-SECRET)", "reply to Pes\\u200bkov (token [token])"),
        ("connected as qabot (id 42) to 1 guild(s)", "connected as qabot (id 42) to 1 guild(s)"),
    ],
)
def test_the_discord_bots_log_lines_are_inert_and_never_show_the_token(
    message: str, shown: str
) -> None:
    formatter = RedactingFormatter("%(levelname)s %(name)s: %(message)s", "Bot-SECRET")
    try:
        raise RuntimeError(f"failed on {message}")
    except RuntimeError:
        record = logging.LogRecord(
            "discord.http", logging.WARNING, __file__, 1, "%s", (message,), sys.exc_info()
        )

    line = formatter.format(record)

    assert line.startswith(f"WARNING discord.http: {one_line(message)[:10]}")
    assert shown in line.splitlines()[0]
    assert f"RuntimeError: failed on {inert(message).replace('Bot-SECRET', '[token]')}" in line
    assert not OBEYED.search(line) and not invisible(line)
    assert "Bot-SECRET" not in line


# Each row adds one entry beside folder/article.txt; `read` is the file expand_paths must add
# (relative to the folder), `said` a word its one line on stderr must hold (None: no line).
ENTRIES = [
    ("sub/notes.md", "file", None, "sub/notes.md", None),
    ("photo.jpg", "file", None, None, None),
    (".env", "file", None, None, None),  # never a supported file: nothing to say
    (".draft.txt", "file", None, None, "hidden"),
    (".git/notes.txt", "file", None, None, "hidden"),
    ("alias.txt", "link", "article.txt", None, None),  # the same file: read once
    ("inner.txt", "link", "sub/inner.txt", None, None),  # the real one is read
    ("story.txt", "link", "sub/story.text", "story.txt", None),  # inside, not read otherwise
    ("passwd.txt", "link", "/etc/passwd", None, "outside"),
    ("secret.txt", "link", ".env", None, "hidden"),
    ("outside.txt", "link", "../elsewhere/story.txt", None, "outside"),
    ("gone.txt", "link", "missing.txt", None, "does not exist"),
    ("loop.txt", "link", "loop.txt", None, "loop"),
    ("linked", "link", "../elsewhere", None, "outside"),  # a folder: never walked into
]


@pytest.mark.parametrize(("name", "kind", "target", "read", "said"), ENTRIES)
def test_a_folder_gives_only_its_own_files_and_says_what_it_passed_over(
    tmp_path: Path, name: str, kind: str, target: str | None, read: str | None, said: str | None
) -> None:
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "article.txt").write_text("An article.\n", encoding="utf-8")
    (folder / "sub" / "inner.txt").write_text("Inner.\n", encoding="utf-8")
    (folder / "sub" / "story.text").write_text("Told.\n", encoding="utf-8")
    (folder / ".env").write_text("DISCORD_TOKEN=secret\n", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "story.txt").write_text("Not theirs.\n", encoding="utf-8")
    entry = folder / name
    entry.parent.mkdir(parents=True, exist_ok=True)
    if kind == "file":
        entry.write_text("Some text.\n", encoding="utf-8")
    elif not entry.is_symlink():
        entry.symlink_to(target)
    lines: list[str] = []

    files = expand_paths([folder], lines.append)

    expected = ["article.txt", "sub/inner.txt"] + ([read] if read else [])
    assert sorted(str(f.relative_to(folder)) for f in files) == sorted(expected)
    if said is None:
        assert lines == []
    else:
        (line,) = lines
        assert said in line and (name.split("/")[0] in line or "hidden" in line)


def test_a_file_named_is_read_wherever_it_links_to(tmp_path: Path) -> None:
    (tmp_path / "passwd.txt").symlink_to("/etc/passwd")
    (tmp_path / ".notes.md").write_text("Mine.\n", encoding="utf-8")
    named = [tmp_path / "passwd.txt", tmp_path / ".notes.md", tmp_path / "passwd.txt"]
    assert expand_paths(named) == named[:2]  # the same file twice is read once


def test_an_unreadable_subfolder_fails_with_one_line_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root, who reads everything: the walk is shown a refusal instead.
    (tmp_path / "locked").mkdir()
    (tmp_path / "article.txt").write_text("An article.\n", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: object) -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(SourceUnreadable) as raised:
        expand_paths([tmp_path], [].append)
    message = str(raised.value)
    assert message.startswith(f"{tmp_path / 'locked'}: cannot be read (permission denied)")
    assert "\n" not in message


def test_a_named_path_that_cannot_be_looked_at_fails_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hidden_away = tmp_path / "private" / "story.txt"
    real_stat = os.stat

    def stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if str(path) == str(hidden_away):
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", stat)
    with pytest.raises(SourceUnreadable, match=r"story.txt: cannot be read \(permission denied\)"):
        expand_paths([hidden_away])
    with pytest.raises(SourceUnreadable, match="no such file or folder"):
        expand_paths([tmp_path / "missing.txt"])


REPO = Path(__file__).resolve().parents[2]
# The bundled article and the seven in ../shared (CI clones the shared folder beside the project).
ARTICLES = [
    REPO / "retrieval" / "corpus" / "newsweek-kremlin-belarus-truce.txt",
    *sorted((REPO.parent / "shared" / "articles").glob("*.txt")),
]


def paragraphs_of(path: Path) -> list[Paragraph]:
    return list(load_article(path).paragraphs)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.name)
def test_news_paragraphs_are_split_as_before_and_windows_change_no_sentence(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paragraphs = paragraphs_of(path)
    for paragraph in paragraphs:  # before: pysbd over the whole paragraph
        assert segmented(paragraph.text, paragraph.start) == pysbd_spans(
            paragraph.text, paragraph.start
        )
    # The whole article as one paragraph (2,501 to 5,332 characters), read in 2 or 3 windows.
    text = " ".join(paragraph.text for paragraph in paragraphs)
    monkeypatch.setattr(sentences, "WINDOW_CHARS", 2_500)
    assert len(text) > sentences.WINDOW_CHARS
    assert segmented(text, 9) == pysbd_spans(text, 9)


def test_pysbd_never_reads_more_than_a_window_of_a_long_paragraph(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = " ".join(paragraph.text for paragraph in paragraphs_of(ARTICLES[0]) * 4)
    text += " " + "and the talks went on " * 600 + "until dawn."  # one sentence of 13,000
    read: list[int] = []
    segmenter = sentences._segmenter()
    monkeypatch.setattr(
        segmenter,
        "segment",
        lambda part, real=segmenter.segment: read.append(len(part)) or real(part),
    )

    spans = split_sentences(text, 100)

    assert read and max(read) <= sentences.WINDOW_CHARS + 1
    assert all(text[s.start - 100 : s.end - 100] == s.text for s in spans)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    assert "".join(s.text for s in spans).replace(" ", "") == text.replace(" ", "")
