"""Picking one of the index's articles by its number, or a part of its title or file name."""

from __future__ import annotations

import pytest
from test_corpus import corpus

from retrieval.errors import ArticleChoiceError
from retrieval.index.articles import MAX_LISTED, IndexedArticle, articles_in, choose_article
from retrieval.index.corpus import CorpusIndex

# As `articles_in` numbers them: by source, a folder's files by name, the bundled one last.
ARTICLES = [
    IndexedArticle(
        1,
        "/news/indiana-teachers.txt",
        "Thousands of teachers pack Indiana Statehouse for protest",
    ),
    IndexedArticle(
        2, "/news/nasa-clps.txt", "NASA adds five companies to commercial lunar lander program"
    ),
    IndexedArticle(3, "/news/nasa-spacex.md", "NASA picks SpaceX for lunar lander"),
    IndexedArticle(4, "/news/nasa.txt", "NASA"),
    IndexedArticle(5, "/news/wild-sabres.txt", "Wild beat Sabres 4-1 in 2019 opener"),
    IndexedArticle(
        6,
        "bundled:newsweek-kremlin-belarus-truce.txt",
        "Kremlin Dismisses Belarus's Call for Truce",
    ),
]


@pytest.mark.parametrize(
    ("choice", "number"),
    [
        ("2", 2),
        (" 6 ", 6),
        ("teachers", 1),  # a part of the title
        ("TEACHERS", 1),  # any case
        ("indiana-teachers.txt", 1),  # the file name
        ("nasa-spacex", 3),  # a part of the file name
        ("NASA picks SpaceX for lunar lander", 3),  # the whole title
        ("nasa adds   five", 2),  # spaces as typed
        ("nasa", 4),  # the whole title or file name of one, though part of three others'
        ("2019", 5),  # digits in a title, no article of that number
        ("kremlin", 6),  # a bundled article, by its file name
    ],
)
def test_a_choice_names_one_article(choice: str, number: int) -> None:
    assert choose_article(ARTICLES, choice).number == number


@pytest.mark.parametrize(
    ("choice", "said", "listed"),
    [
        (
            "lunar",
            "“lunar” is in the title or file name of 2 articles",
            ["2. NASA adds", "3. NASA"],
        ),
        ("submarine", "no article's title or file name contains “submarine”", ["1.", "6."]),
        ("7", "there is no article 7", ["1.", "6."]),
        ("00", "there is no article 0", ["1.", "6."]),
        ("²", "no article's title or file name contains “²”", ["1.", "6."]),  # not ASCII digits
        ("   ", "say which article", ["1.", "6."]),
    ],
)
def test_a_choice_naming_none_or_several_says_which_there_are(
    choice: str, said: str, listed: list[str]
) -> None:
    with pytest.raises(ArticleChoiceError) as raised:
        choose_article(ARTICLES, choice)
    message = str(raised.value)
    assert said in message
    lines = [line.strip() for line in message.splitlines()[1:]]
    assert all(any(line.startswith(item) for line in lines) for item in listed), message
    if choice == "lunar":
        assert len(lines) == 2, "only the articles it matches"


def test_a_long_list_is_cut_in_a_message() -> None:
    many = [IndexedArticle(n, f"/news/{n:03}.txt", f"Story {n}") for n in range(1, 31)]
    with pytest.raises(ArticleChoiceError) as raised:
        choose_article(many, "Story")
    lines = str(raised.value).splitlines()[1:]
    assert len(lines) == MAX_LISTED + 1 and lines[-1].strip() == f"… and {30 - MAX_LISTED} more"


def test_an_empty_index_has_nothing_to_choose() -> None:
    with pytest.raises(ArticleChoiceError, match="no articles"):
        choose_article([], "1")


def test_the_index_lists_each_article_once_numbered_by_source() -> None:
    index: CorpusIndex = corpus()
    assert index.articles() == articles_in(index.sentences)
    assert [(a.number, a.source, a.file_name) for a in index.articles()] == [
        (1, "harbour.txt", "harbour.txt"),
        (2, "orchard.txt", "orchard.txt"),
    ]
    assert [bool(b) for b in index.chunks_of("orchard.txt")] == [False, False, True]
    assert not index.chunks_of("elsewhere.txt").any()
