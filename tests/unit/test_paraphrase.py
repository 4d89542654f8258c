"""A question's point said in other words, judged by the embedding model's word vectors in
context: the cases it must find and the near misses it must not take for a paraphrase. The rows
are written in the styles of the sports, business, space and politics stories the engine is
measured on, not copied from them."""

from __future__ import annotations

import pytest

from retrieval.answering.paraphrase import ParaphraseJudge, word_vectors
from retrieval.index.embeddings import make_embeddings
from retrieval.settings import Settings


@pytest.fixture(scope="module")
def judge() -> ParaphraseJudge:
    embeddings = make_embeddings(Settings())
    return ParaphraseJudge(embeddings.embed_pieces, embeddings.embed_documents)


@pytest.mark.parametrize(
    ("question", "point", "passage", "said"),
    [
        # Said in other words.
        (
            "How long did callers wait on the phone for help?",
            "phone",
            "Some customers said telephone wait times stretched past an hour on opening day.",
            True,
        ),
        (
            "Did the startup get picked for the contract?",
            "picked",
            "The agency said four companies, including the startup, had been selected.",
            True,
        ),
        (
            "How much has the studio spent on its streaming push?",
            "spent",
            "The studio has made a large bet, spending more than $2 billion on technology.",
            True,
        ),
        (
            "What did the minister say about the war on Polish soil?",
            "soil",
            "The war for the future of Europe is being fought on Polish land, the minister said.",
            True,
        ),
        (
            "What did the mayor say about the fight?",
            "fight",
            "The battle for the city's future starts today, the mayor said.",
            True,
        ),
        # Near misses: the people and the topic are there, the asked point is not.
        (
            "Where was the mayor born?",
            "born",
            "The mayor, a former teacher from a small town, spoke to reporters on Monday.",
            False,
        ),
        (
            "How many employees does the startup have?",
            "employees",
            "Four companies, including the startup, were chosen to join the program.",
            False,
        ),
        (
            "What is the name of the senator's wife?",
            "wife",
            "The senator renewed his promise to cut taxes, according to the newspaper.",
            False,
        ),
        (
            "How many meth users live in the state?",
            "users",
            "An advertising executive said the state's campaign was meant to raise eyebrows.",
            False,
        ),
        (
            "Was the forward injured in the game?",
            "injured",
            "The forward finished with 20 points, 9 rebounds and 7 assists in the win.",
            False,
        ),
        (
            "Has the rocket flown yet?",
            "flown",
            "The company will offer the agency its rocket, which it unveiled in May.",
            False,
        ),
    ],
)
def test_a_point_said_in_other_words(
    judge: ParaphraseJudge, question: str, point: str, passage: str, said: bool
) -> None:
    assert judge.says(question, [point], passage) is said


def test_the_kind_a_question_asks_for_must_be_named_almost_as_such(
    judge: ParaphraseJudge,
) -> None:
    question = "Which channel aired the governor's speech?"
    passage = "The governor made the pledge during a televised speech on Friday."
    # "televised" is close to "channel" as a topic, but names no channel.
    assert judge.says(question, ["channel"], passage)
    assert not judge.says(question, ["channel"], passage, kinds={"channel"})


@pytest.mark.parametrize(
    ("question", "kind", "passage"),
    [
        # a thing of the kind, named: read alone, "red" is a colour and a "sprain" an injury
        ("What color were the marchers wearing?", "color", "Thousands of marchers wearing red."),
        ("What injury does the forward have?", "injury", "The forward has a left knee sprain."),
    ],
)
def test_the_kind_is_named_by_a_thing_of_that_kind(
    judge: ParaphraseJudge, question: str, kind: str, passage: str
) -> None:
    assert judge.says(question, [kind], passage, kinds={kind})


@pytest.mark.parametrize(
    ("question", "point", "passage"),
    [
        # "year" says "year", not "last": a 9% increase needed this year is not last year's
        ("Did teacher pay rise last year?", "last", "A 9% increase was needed this year."),
        # "televised" repeats the question's "television"; it does not also say "channel"
        (
            "Which television channel aired the speech?",
            "channel",
            "He made the pledge during a televised speech.",
        ),
    ],
)
def test_a_word_repeating_another_of_the_question_says_only_that_one(
    judge: ParaphraseJudge, question: str, point: str, passage: str
) -> None:
    assert not judge.says(question, [point], passage)


@pytest.mark.parametrize(
    ("question", "points", "passage"),
    [
        # Every point must be said: "spent" is, "loans" is not.
        (
            "How much has the studio spent on loans?",
            ["spent", "loans"],
            "The studio has made a large bet, spending more than $2 billion on technology.",
        ),
        # A point that is not a word of the question cannot be read in its context.
        ("Did the startup get picked?", ["chosen"], "The startup was chosen in May."),
        ("Did the startup get picked?", [], "The startup was chosen in May."),
        ("Did the startup get picked?", ["picked"], "The and of."),
    ],
)
def test_nothing_to_confirm(
    judge: ParaphraseJudge, question: str, points: list[str], passage: str
) -> None:
    assert not judge.says(question, points, passage)


def test_words_are_spelled_as_the_question_rules_spell_them(judge: ParaphraseJudge) -> None:
    found = [word for word, _ in word_vectors("Schröder’s team-mates didn't", judge.embed_pieces)]
    assert found == ["schroder", "team", "mates", "didn't"]
