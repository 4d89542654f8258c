"""A question's word said by another word of a sentence, each read alone by the embedding model:
the words it must find, and those close in meaning that say something else (an opposite, a
neighbour in the same field). Rows in the styles of the crime, business, sports, politics and
health stories the engine is measured on, not copied from them."""

from __future__ import annotations

import pytest

from retrieval.index.embeddings import make_embeddings
from retrieval.retrieve.near_words import NearWords, content_by_stem
from retrieval.settings import Settings


@pytest.fixture(scope="module")
def near_words() -> NearWords:
    return NearWords(make_embeddings(Settings()).embed_documents)


@pytest.mark.parametrize(
    ("question", "sentence", "word", "said_by"),
    [
        (
            "How many cars were sold?",
            "Dealers sold 30,000 vehicles last month.",
            "cars",
            {"vehicl"},
        ),
        (
            "What had the fund bought?",
            "The fund purchased two office towers.",
            "bought",
            {"purchas"},
        ),
        (
            "How many soldiers were hurt?",
            "Two troops were hurt in the blast.",
            "soldiers",
            {"troop"},
        ),
        # Below the bar: "abducted" 0.79, "killed" 0.79 (the stemmer's forms are found anyway).
        (
            "When was the girl kidnapped?",
            "The girl was abducted outside a store.",
            "kidnapped",
            set(),
        ),
        ("How many died?", "Four people were killed in the crash.", "died", set()),
        (
            "Which doctor saw him?",
            "A physician at the clinic examined him.",
            "doctor",
            {"physician"},
        ),
        # Close in meaning, saying another thing: never the same word.
        ("What did the company sell?", "The company bought a rival for $2 billion.", "sell", set()),
        ("Did prices rise?", "Prices fell for a third month.", "rise", set()),
        ("How many employees were cut?", "Three companies cut jobs this week.", "employees", set()),
        ("Why did he react so strongly?", "He said the ruling was unfair.", "react", set()),
    ],
)
def test_a_word_said_in_other_words(
    near_words: NearWords, question: str, sentence: str, word: str, said_by: set[str]
) -> None:
    asked = {stem: w for stem, w in content_by_stem(question).items() if w == word}
    found = near_words.of(asked, [sentence])
    assert set().union(*found.values()) == said_by


@pytest.mark.parametrize(
    ("text", "by_stem"),
    [
        ("When were they kidnapped?", {"kidnap": "kidnapped"}),
        (
            "Dealers sold 30,154 new cars and trucks.",
            {"dealer": "dealers", "sold": "sold", "new": "new", "car": "cars", "truck": "trucks"},
        ),
        # the first spelling of a stem stands for it; numbers and stopwords are no words here
        ("Rescue crews rescued 8 people.", {"rescu": "rescue", "crew": "crews", "peopl": "people"}),
    ],
)
def test_content_words_by_stem(text: str, by_stem: dict[str, str]) -> None:
    assert content_by_stem(text) == by_stem
