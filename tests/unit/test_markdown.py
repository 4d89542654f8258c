"""Markdown articles read as Markdown: prose kept as plain text, code, HTML and tables left out,
and every paragraph still pointing exactly into the text that quotes are taken from."""

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
