"""What reading a question needs to know of the articles: their words and the names in them.

The in-memory index (`retrieval.index.corpus.CorpusIndex`) provides it; the language helpers
depend on this description only, never on the index.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from typing import Any, Protocol


class KnownWords(Protocol):
    @property
    def vocab(self) -> Set[str]:
        """Every word of the articles, lower-cased."""

    @property
    def name_words(self) -> Mapping[str, Any]:
        """Each lower-cased word of a name (person, place, organisation) in the articles."""

    @property
    def full_names(self) -> Mapping[str, str]:
        """A name word -> the longest name it is part of ("peskov" -> "Dmitry Peskov")."""

    def person_pronoun(self, name: str) -> str | None:
        """ "he", "she", "it" (a name written after "the"), or None: how the articles refer to
        whoever bears this name."""

    def central_person(self, pronoun: str, apart: frozenset[str] = frozenset()) -> str | None:
        """The one person the articles are about whom they call `pronoun` ("he" or "she"),
        of all but those the name words `apart` name."""

    def central_thing(self) -> str | None:
        """The one thing (no person) the articles are about, whom their headline names."""

    def name_words_in(self, text: str) -> list[str]:
        """Words of `text` that name someone or something in the articles."""

    def expand_acronyms(self, text: str) -> str:
        """`text` with acronyms the articles never use spelled out as the names they do use."""

    def respell_names(self, text: str) -> str:
        """`text` with names written otherwise ("Zelenskyy") as the articles write them."""

    def name_countries(self, text: str) -> str:
        """`text` with capitals the articles never name written as the countries they do."""

    def name_teams(self, text: str) -> str:
        """`text` with a team's place the articles never name written as the team they do."""
