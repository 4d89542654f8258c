"""The Discord layout of an answer: cited text, short quoted sources, never over 2000 characters."""

from __future__ import annotations

import random
import re

import pytest
from test_articles import ARTICLES

from bot.discord.render import (
    MAX_QUOTE_CHARS,
    MESSAGE_LIMIT,
    article_choices,
    echo_question,
    render_answer,
    render_notice,
)
from retrieval.answer import Answer, Citation
from retrieval.index.articles import IndexedArticle

TITLE = "Kremlin Dismisses Belarus's Call for Truce and Peace Talks With Kyiv"
PESKOV = '"The special military operation is continuing," Peskov said Friday.'
NOTHING = '"nothing is changing in the context of Ukraine,"'
UNESCAPE = re.compile(r"\\([\\*_`~|>#\[-])")


def cite(n: int, quote: str, paragraph: int = 3, title: str = TITLE) -> Citation:
    return Citation(n, quote, "bundled:article.txt", title, paragraph, 0, len(quote))


def answer(text: str, *citations: Citation, abstained: bool = False) -> Answer:
    return Answer(question="q", text=text, citations=list(citations), abstained=abstained)


def source_lines(messages: list[str]) -> list[str]:
    return [line for m in messages for line in m.splitlines() if line.startswith("> **[")]


def test_answer_then_sources_with_quotes_and_paragraphs() -> None:
    reply = answer(
        f"Peskov said {NOTHING} [1] and {PESKOV} [2]", cite(1, NOTHING, 2), cite(2, PESKOV)
    )

    [message] = render_answer(reply)

    text, sources = message.split("\n\n**Sources**")
    assert text == f"Peskov said {NOTHING} [1] and {PESKOV} [2]"
    assert sources.startswith(f" · *{TITLE}*\n")
    assert source_lines([message]) == [
        f"> **[1]** “{NOTHING}” — paragraph 2",
        f"> **[2]** “{PESKOV}” — paragraph 3",
    ]


def test_sources_come_in_marker_order() -> None:
    reply = answer("B [2]. A [1].", cite(2, "second"), cite(1, "first"))

    assert [line[:9] for line in source_lines(render_answer(reply))] == ["> **[1]**", "> **[2]**"]


def test_a_quoted_headline_is_called_the_headline() -> None:
    reply = answer("Hawks win [1]. More [2].", cite(1, "Hawks win", paragraph=0), cite(2, "More"))

    assert [line.rsplit("” — ", 1)[1] for line in source_lines(render_answer(reply))] == [
        "headline",
        "paragraph 3",
    ]


def test_titles_are_named_per_source_when_they_differ() -> None:
    reply = answer("A [1]. B [2].", cite(1, "one", title="First"), cite(2, "two", title="Second"))

    [message] = render_answer(reply)

    assert "**Sources**\n" in message
    assert source_lines([message])[1].endswith("— paragraph 3, *Second*")


def test_abstention_is_just_its_text() -> None:
    reply = answer("The article doesn't say who won.", abstained=True)

    assert render_answer(reply) == ["The article doesn't say who won."]


def test_an_empty_answer_still_posts_something() -> None:
    assert render_answer(answer("")) != [""]
    assert len(render_answer(answer("   "))) == 1


@pytest.mark.parametrize(
    "quote",
    [
        "*bold* and **more**",
        "snake_case_name and __init__",
        "`code` and ```fence```",
        "~~struck~~ and ||spoiler||",
        "> not a quote",
        "# not a heading",
        "- not a list",
        r"a \ backslash",
        "[a link](https://example.com)",
    ],
)
def test_markdown_in_quotes_is_escaped_and_reads_back_verbatim(quote: str) -> None:
    [message] = render_answer(answer("Said so [1].", cite(1, quote)))

    [line] = source_lines([message])
    shown = line.removeprefix("> **[1]** “").removesuffix("” — paragraph 3")
    assert UNESCAPE.sub(r"\1", shown) == quote
    assert "\n" not in shown


def test_markdown_in_the_answer_text_is_escaped_but_markers_stay() -> None:
    [message] = render_answer(answer("Use *stars* and _under_ [1].", cite(1, "q")))

    assert message.startswith(r"Use \*stars\* and \_under\_ [1].")


def test_long_quotes_are_shortened_at_a_word() -> None:
    quote = " ".join(["truce"] * 200)

    [line] = source_lines(render_answer(answer("Long [1].", cite(1, quote))))

    shown = line.removeprefix("> **[1]** “").removesuffix("” — paragraph 3")
    assert shown.endswith("…") and len(shown) <= MAX_QUOTE_CHARS + 1
    assert quote.startswith(shown.removesuffix("…"))
    assert shown.removesuffix("…").endswith("truce")


def test_the_echoed_question_cannot_ping_or_break_the_layout() -> None:
    echoed = echo_question(
        "@everyone @here <@123456789012345678> <@&223456789012345678> what did *Peskov*\nsay?"
    )

    assert echoed.startswith("> **Q:** ")
    assert "\n" not in echoed
    assert "@everyone" not in echoed and "@here" not in echoed
    assert "<@123456789012345678>" not in echoed and "<@&223456789012345678>" not in echoed
    assert r"\*Peskov\*" in echoed


def test_a_long_echoed_question_is_shortened() -> None:
    assert len(echo_question("why " * 1000)) < 300


def test_slash_layout_puts_the_question_first() -> None:
    [message] = render_answer(answer("Truce [1].", cite(1, "truce")), question="What did he want?")

    assert message.startswith("> **Q:** What did he want?\nTruce [1].\n\n**Sources**")


def test_long_answers_split_at_sentences_and_keep_markers() -> None:
    sentences = [
        f"Sentence number {i} says something about the truce talks. [{i % 3 + 1}]"
        for i in range(80)
    ]
    reply = answer(" ".join(sentences), cite(1, "a"), cite(2, "b"), cite(3, "c"))

    messages = render_answer(reply)

    assert len(messages) > 1
    assert all(len(m) <= MESSAGE_LIMIT for m in messages)
    body = " ".join(messages).split("\n\n**Sources**")[0]
    assert body == " ".join(sentences), "split only between sentences, nothing lost"
    for message in messages:
        assert not message.startswith("["), "a marker stays with the sentence it backs"


def test_many_sources_are_never_cut_in_half() -> None:
    citations = [
        cite(n, f"Quote {n}: " + "the Kremlin said " * 30, paragraph=n) for n in range(1, 31)
    ]
    reply = answer(" ".join(f"Claim {n} [{n}]." for n in range(1, 31)), *citations)

    messages = render_answer(reply)

    assert len(messages) > 1
    assert all(len(m) <= MESSAGE_LIMIT for m in messages)
    lines = source_lines(messages)
    assert [int(re.match(r"> \*\*\[(\d+)\]", line)[1]) for line in lines] == list(range(1, 31))
    for line in lines:
        assert line.endswith(f"— paragraph {line.split(']')[0][5:]}"), "each line is whole"
    heading = next(m for m in messages if "**Sources**" in m)
    assert heading.split("**Sources**")[1].count("\n> **[") >= 1, "no heading left alone"


def test_a_sentence_without_spaces_is_still_cut_to_fit() -> None:
    messages = render_answer(answer("x" * 4500))

    assert [len(m) for m in messages] == [2000, 2000, 500]


@pytest.mark.parametrize("seed", range(20))
def test_random_answers_always_fit(seed: int) -> None:
    rng = random.Random(seed)
    words = ["truce", "Peskov", "*", "_", "said.", "war!", "`", "[1]", "talks?", "—", "x" * 50]
    text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 1500)))
    citations = [
        cite(n, " ".join(rng.choice(words) for _ in range(rng.randint(1, 120))), paragraph=n)
        for n in range(1, rng.randint(1, 25))
    ]
    limit = rng.choice([MESSAGE_LIMIT, 500])

    messages = render_answer(answer(text, *citations), question="why?", limit=limit)

    assert messages and all(0 < len(m) <= limit for m in messages)
    assert len(source_lines(messages)) == len(citations)


def test_notices_fit_too() -> None:
    assert render_notice("Please wait 3 s.") == ["Please wait 3 s."]
    assert all(len(m) <= MESSAGE_LIMIT for m in render_notice("Long. " * 1000))


@pytest.mark.parametrize(
    ("typed", "values"),
    [
        ("", ["1", "2", "3", "4", "5", "6"]),
        ("lunar", ["2", "3"]),
        ("SPACEX", ["3"]),
        ("truce.txt", ["6"]),
        ("4", ["4", "5"]),  # its number, and "4-1" in a title
        ("submarine", []),
    ],
)
def test_discord_suggests_the_articles_matching_what_is_typed(
    typed: str, values: list[str]
) -> None:
    assert [choice.value for choice in article_choices(ARTICLES, typed)] == values


def test_discord_suggestions_fit_what_discord_accepts() -> None:
    hostile = IndexedArticle(1, "/news/x.txt", "Ships\u202e return " + "to port " * 30)
    many = [hostile, *(IndexedArticle(n, f"/news/{n}.txt", f"Story {n}") for n in range(2, 40))]
    choices = article_choices(many, "")
    assert len(choices) == 25
    assert all(1 <= len(choice.name) <= 100 for choice in choices)
    assert choices[0].name.startswith("1. Ships\\u202e return to port")
    assert choices[0].name.endswith("…")
