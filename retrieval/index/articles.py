"""The articles an index holds, numbered, and picking one by its number or a part of its name."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from retrieval.constants import BUNDLED_SOURCE_PREFIX
from retrieval.errors import ArticleChoiceError
from retrieval.index.sentences import Sentence

# A message about a choice lists at most this many articles; a folder may hold hundreds.
MAX_LISTED = 10


@dataclass(frozen=True)
class IndexedArticle:
    """One article of the index as a reader picks it: its number in the list, title and source."""

    number: int
    source: str
    title: str

    @property
    def file_name(self) -> str:
        return file_name_of(self.source)

    def describe(self) -> str:
        """`2. Title (file.txt)`: how lists and messages show it."""
        return f"{self.number}. {' '.join(self.title.split())} ({self.file_name})"


def file_name_of(source: str) -> str:
    """The name of the file an article was ingested from (its source is the absolute path)."""
    return PurePath(source.removeprefix(BUNDLED_SOURCE_PREFIX)).name


def articles_in(sentences: Iterable[Sentence]) -> list[IndexedArticle]:
    """The articles these sentences come from, numbered from 1 in the order of their sources
    (their paths: the files of one folder by name), each titled as its chunks are."""
    titles: dict[str, str] = {}
    for sentence in sentences:
        titles.setdefault(sentence.source, sentence.title)
    return [
        IndexedArticle(number, source, titles[source])
        for number, source in enumerate(sorted(titles), start=1)
    ]


def choose_article(articles: Sequence[IndexedArticle], choice: str) -> IndexedArticle:
    """The article `choice` names: its number in `articles`, or a part of its title or file
    name (any case). A whole title or file name wins over articles that merely contain it.

    `ArticleChoiceError` says why when it names none, or more than one.
    """
    wanted = " ".join(choice.split())
    if not articles:
        raise ArticleChoiceError("the index holds no articles to choose from")
    if not wanted:
        raise ArticleChoiceError(
            "say which article: its number, or a part of its title or file name. "
            + _listing("The index holds", articles)
        )
    is_number = wanted.isascii() and wanted.isdigit()
    if is_number and 1 <= int(wanted) <= len(articles):
        return articles[int(wanted) - 1]
    needle = wanted.casefold()
    named = [a for a in articles if needle in _names(a)]
    if len(named) == 1:
        return named[0]
    matching = [a for a in articles if any(needle in name for name in _names(a))]
    if len(matching) == 1:
        return matching[0]
    if not matching:
        # "2019" may be part of a title; when it is not, it was meant as a number.
        why = (
            f"there is no article {int(wanted)}"
            if is_number
            else f"no article's title or file name contains “{wanted}”"
        )
        raise ArticleChoiceError(f"{why}. " + _listing("The index holds", articles))
    raise ArticleChoiceError(
        f"“{wanted}” is in the title or file name of {len(matching)} articles; "
        "pick one by its number. " + _listing("They are", matching)
    )


def _names(article: IndexedArticle) -> tuple[str, ...]:
    """What a reader may call the article by, folded for comparing."""
    path = PurePath(article.file_name)
    return tuple(
        name.casefold() for name in (" ".join(article.title.split()), path.name, path.stem)
    )


def _listing(lead: str, articles: Sequence[IndexedArticle]) -> str:
    shown = [f"  {article.describe()}" for article in articles[:MAX_LISTED]]
    more = len(articles) - len(shown)
    if more:
        shown.append(f"  … and {more} more")
    return f"{lead}:\n" + "\n".join(shown)
