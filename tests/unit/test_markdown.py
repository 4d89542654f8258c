"""Markdown articles read as Markdown: prose kept as plain text, code, HTML, tables and YAML
front matter left out, and every paragraph still pointing exactly into the text that quotes are
taken from."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.ingest.loader import Article, load_article


def load_markdown(tmp_path: Path, source: str) -> Article:
    path = tmp_path / "story.md"
    path.write_text(source, encoding="utf-8")
    return load_article(path)


@pytest.mark.parametrize(
    ("source", "paragraphs"),
    [
        pytest.param(
            "The council met on Tuesday.\n\n<script>\ndocument.write('x');\n</script>\n\n"
            "It approved the budget.\n",
            ["The council met on Tuesday.", "It approved the budget."],
            id="script-block",
        ),
        pytest.param(
            "The agency published its figures.\n\n```python\nprint(total)\n```\n\n"
            "Analysts called them strong.\n",
            ["The agency published its figures.", "Analysts called them strong."],
            id="fenced-code",
        ),
        pytest.param(
            "The patch fixed the bug.\n\n    make install\n    make test\n\nUsers were relieved.\n",
            ["The patch fixed the bug.", "Users were relieved."],
            id="indented-code",
        ),
        pytest.param(
            "The Hawks won a close game.\n\n| Team | Score |\n|---|---|\n| Hawks | 112 |\n"
            "| Owls | 107 |\n\nThe coach praised the defence.\n",
            ["The Hawks won a close game.", "The coach praised the defence."],
            id="table",
        ),
        pytest.param(
            '<div class="promo">\nSubscribe to our newsletter\n</div>\n\n'
            "Nurses marched on city hall.\n",
            ["Nurses marched on city hall."],
            id="html-block",
        ),
        pytest.param(
            "![A chart of sales](chart.png)\n\nSales rose by a third.\n",
            ["Sales rose by a third."],
            id="image-only-paragraph",
        ),
        pytest.param(
            "Mayor **Ines Duarte** said the *plan* was [approved](http://example.com) by the "
            "`council` ![seal](seal.png) today.\n",
            ["Mayor Ines Duarte said the plan was approved by the council today."],
            id="inline-markup",
        ),
        pytest.param(
            "Shares in AT&amp;T fell 3\\*\\% <b>after</b> the call"
            " <script>track()</script> ended.\n",
            ["Shares in AT&T fell 3*% after the call ended."],
            id="entities-escapes-inline-html",
        ),
        pytest.param(
            "The launch was delayed\nby a day because of\nhigh winds.\n\nIt flew on Friday.\n",
            ["The launch was delayed by a day because of high winds.", "It flew on Friday."],
            id="wrapped-paragraph",
        ),
        pytest.param(
            "Officials listed three steps:\n\n- Close the road.\n- Open a shelter.\n"
            "  It will stay open all week.\n\n> We are ready, the chief said.\n",
            [
                "Officials listed three steps:",
                "Close the road.",
                "Open a shelter. It will stay open all week.",
                "We are ready, the chief said.",
            ],
            id="list-and-quote",
        ),
        pytest.param(
            "The store drew a crowd.\n\nAdvertisement\n\n"
            "It opened in May with forty staff, most of them hired in the town... Read more\n",
            [
                "The store drew a crowd.",
                "It opened in May with forty staff, most of them hired in the town",
            ],
            id="page-furniture",
        ),
    ],
)
def test_prose_is_kept_as_plain_text_and_the_rest_left_out(
    tmp_path: Path, source: str, paragraphs: list[str]
) -> None:
    article = load_markdown(tmp_path, source)
    assert [p.text for p in article.paragraphs] == paragraphs


@pytest.mark.parametrize(
    ("source", "title", "paragraphs"),
    [
        pytest.param(
            "# Budget Passes\n\nThe council approved it.\n\n## About the writer\n\n"
            "Jane Doe covers city hall.\n",
            "Budget Passes",
            [
                ("Budget Passes", True, "headline"),  # paragraph 0, citable
                ("The council approved it.", False, ""),
                ("About the writer", True, ""),
                ("Jane Doe covers city hall.", False, "author"),
            ],
            id="atx-headings-and-author-note",
        ),
        pytest.param(
            "Rocket Reaches Orbit\n====================\n\nThe rocket flew.\n\n"
            "Next Steps\n----------\n\nA second launch is planned.\n",
            "Rocket Reaches Orbit",
            [
                ("Rocket Reaches Orbit", True, "headline"),  # paragraph 0, citable
                ("The rocket flew.", False, ""),
                ("Next Steps", True, ""),
                ("A second launch is planned.", False, "Next Steps"),
            ],
            id="setext-headings",
        ),
        pytest.param(
            "# [Storm Hits Coast](http://example.com) Overnight #\n\nWinds reached 90 mph.\n\n"
            "**About the reporter**\n\nSam Reed writes on weather.\n",
            "Storm Hits Coast Overnight",
            [
                ("Storm Hits Coast Overnight", True, "headline"),  # paragraph 0, citable
                ("Winds reached 90 mph.", False, ""),
                ("About the reporter", True, ""),
                ("Sam Reed writes on weather.", False, "author"),
            ],
            id="bold-line-reads-as-heading",
        ),
        pytest.param(
            "# Market Day\n\nStalls sold:\n\n- Apples\n- Fresh bread\n\n> Quiet today\n",
            "Market Day",
            [
                ("Market Day", True, "headline"),  # paragraph 0, citable
                ("Stalls sold:", False, ""),
                ("Apples", False, ""),
                ("Fresh bread", False, ""),
                ("Quiet today", False, ""),
            ],
            id="short-list-items-are-not-headings",
        ),
    ],
)
def test_headings_sections_and_title(
    tmp_path: Path, source: str, title: str, paragraphs: list[tuple[str, bool, str]]
) -> None:
    article = load_markdown(tmp_path, source)
    assert article.title == title
    assert [(p.text, p.is_heading, p.section) for p in article.paragraphs] == paragraphs


@pytest.mark.parametrize(
    ("source", "title", "paragraphs"),
    [
        pytest.param(
            "---\ntitle: Harbour Plan Approved\nauthor: Jane Doe\ndate: 2024-03-05\n"
            "tags: [council, harbour]\n---\n\nThe council approved the plan.\n",
            "Harbour Plan Approved",
            [("Jane Doe", False, "author"), ("The council approved the plan.", False, "")],
            id="title-and-author",
        ),
        pytest.param(
            "---\ntitle: 'Rocket Reaches Orbit'\nbyline: Sam Reed, Associated Press\n---\n"
            "# Rocket Reaches Orbit\n\nThe rocket flew at dawn.\n",
            "Rocket Reaches Orbit",
            [
                ("Rocket Reaches Orbit", True, "headline"),
                ("Sam Reed, Associated Press", False, "author"),
                ("The rocket flew at dawn.", False, ""),
            ],
            id="byline-key-and-the-same-heading",
        ),
        pytest.param(
            "---\r\nlayout: post\r\ncategories: sport\r\n---\r\n\r\n# Hawks Win\r\n\r\n"
            "By Tom Davies\r\n\r\nThe Hawks won 112-107.\r\n",
            "Hawks Win",
            [
                ("Hawks Win", True, "headline"),
                ("By Tom Davies", False, "author"),
                ("The Hawks won 112-107.", False, ""),
            ],
            id="no-title-key-crlf",
        ),
        pytest.param(
            "---\nauthor: Front Matter Name\n---\n# Market Day\n\nBy Ana Ruiz\n\n"
            "Stalls sold out.\n",
            "Market Day",
            [
                ("Market Day", True, "headline"),
                ("By Ana Ruiz", False, "author"),
                ("Stalls sold out.", False, ""),
            ],
            id="the-articles-own-byline-wins",
        ),
        pytest.param(
            "\ufeff---\ntitle: Teachers Rally\n---\nThousands marched on Monday.\n",
            "Teachers Rally",
            [("Thousands marched on Monday.", False, "")],
            id="after-a-byte-order-mark",
        ),
        pytest.param(
            "---\ntitle: [unclosed\nauthor: {x\n---\n\nNurses marched on city hall.\n",
            "Story",
            [("Nurses marched on city hall.", False, "")],
            id="not-yaml-dropped-all-the-same",
        ),
        pytest.param(
            "---\ntitle: 2019\nauthor: [Ann Lee, Bo Chan]\n---\n\nThe lander touched down.\n",
            "Story",
            [("The lander touched down.", False, "")],
            id="values-that-are-not-text",
        ),
        # Not front matter: a rule that opens the file, one later on, one never closed, and
        # between two rules text that is not a YAML mapping.
        pytest.param(
            "---\n\nThe vote passed on Tuesday.\n\n---\n\nKey: the council met at noon.\n",
            "Story",
            [
                ("The vote passed on Tuesday.", False, ""),
                ("Key: the council met at noon.", False, ""),
            ],
            id="thematic-breaks",
        ),
        pytest.param(
            "---\nnote: the council met on Tuesday.\n\nThe mayor resigned on Friday.\n",
            "Story",
            [
                ("note: the council met on Tuesday.", False, ""),
                ("The mayor resigned on Friday.", False, ""),
            ],
            id="never-closed",
        ),
        pytest.param(
            "---\n- The store opened in May.\n- It hired forty staff.\n---\n\n"
            "Sales rose by a third.\n",
            "Story",
            [
                ("The store opened in May.", False, ""),
                ("It hired forty staff.", False, ""),
                ("Sales rose by a third.", False, ""),
            ],
            id="a-list-between-rules",
        ),
        pytest.param(
            "The vote passed on Tuesday.\n\n---\ntitle: x\n---\n",
            "Story",
            [("The vote passed on Tuesday.", False, ""), ("title: x", True, "")],
            id="not-at-the-start",
        ),
    ],
)
def test_front_matter_is_never_prose_and_may_give_title_and_author(
    tmp_path: Path, source: str, title: str, paragraphs: list[tuple[str, bool, str]]
) -> None:
    article = load_markdown(tmp_path, source)
    assert article.title == title
    assert [(p.text, p.is_heading, p.section) for p in article.paragraphs] == paragraphs
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start : paragraph.end] == paragraph.text


def test_paragraph_offsets_point_into_the_text_quotes_are_taken_from(tmp_path: Path) -> None:
    article = load_markdown(
        tmp_path,
        "# Harbour Plan\n\nMayor **Ines Duarte** said it would create *jobs*.\n\n"
        "```\nignored()\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "- Critics warned about the [oyster beds](http://x).\n\n> Dredging starts in May.\n",
    )
    assert article.text == (
        "Harbour Plan\n\nMayor Ines Duarte said it would create jobs.\n\n"
        "Critics warned about the oyster beds.\n\nDredging starts in May."
    )
    # The headline is paragraph 0; the story's paragraphs are numbered from 1.
    assert [p.number for p in article.paragraphs] == [0, 1, 2, 3]
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start : paragraph.end] == paragraph.text
