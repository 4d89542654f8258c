"""The LLM engine's pure parts: settings it refuses, its prompt files, the citation checker."""

from __future__ import annotations

import pytest

from prompts import ANSWER, CONDENSE, load_prompt
from retrieval.answering.citations import SupportScorer, check
from retrieval.errors import SettingsError
from retrieval.index.sentences import Sentence
from retrieval.llm.models import make_chat_model
from retrieval.retrieve.scoring import Evidence
from retrieval.settings import Settings


def test_missing_key_without_a_server_says_how_to_fix_it() -> None:
    settings = Settings(QABOT_LLM="openai:gpt-4o-mini", OPENAI_API_KEY="", OPENAI_BASE_URL="")
    with pytest.raises(SettingsError, match="OPENAI_API_KEY is not set"):
        make_chat_model(settings)


def test_an_engine_name_without_a_model_is_refused() -> None:
    with pytest.raises(SettingsError, match="PROVIDER:MODEL"):
        make_chat_model(Settings(QABOT_LLM="gpt"))


def test_prompts_are_files_loaded_as_chat_templates() -> None:
    answer, condense = load_prompt(ANSWER), load_prompt(CONDENSE)
    assert set(answer.input_variables) == {"sources", "question"}
    assert set(condense.input_variables) == {"history", "question"}
    system, human = answer.format_messages(sources="[1] (paragraph 2) X.", question="Q?")
    assert "[1]" in system.content and "doesn't say" in system.content
    # the rules are repeated after the sources, where a small model still sees them
    assert human.content.index("[1] (paragraph 2) X.") < human.content.index("Remember")


def fixed_scorer() -> SupportScorer:
    """Every text the same vector: these tests are about words, markers and numbering."""
    return SupportScorer(lambda texts: [[1.0, 0.0]] * len(texts))


def sentence(text: str, paragraph: int) -> Evidence:
    return Evidence(
        Sentence(
            id="",
            text=text,
            chunk_id="",
            source="s",
            title="t",
            paragraph=paragraph,
            start=0,
            end=len(text),
            position=0,
            section="",
            is_heading=False,
            is_quote=False,
            speakers=(),
            mentions=(),
            stems=frozenset(),
        )
    )


SOURCES = [
    sentence("Russia has denied the accusations.", 11),
    sentence("Bucha was the site of alleged war crimes committed by Russian troops.", 11),
    sentence("The war is 13 months old.", 3),
]


def test_checker_renumbers_in_order_of_appearance_and_drops_the_rest() -> None:
    checked = check(
        "Bucha saw alleged war crimes by Russian troops [2]. Russia denied the accusations [1][7]. "
        "Russia will pay reparations [1]. The war has lasted 20 months [3]. "
        "Everyone agrees it was terrible.",
        SOURCES,
        fixed_scorer(),
    )
    assert checked.text == (
        "Bucha saw alleged war crimes by Russian troops. [1] Russia denied the accusations. [2]"
    )
    assert [(c.n, c.quote) for c in checked.citations] == [
        (1, SOURCES[1].text),
        (2, SOURCES[0].text),
    ]
    assert all(c.verified for c in checked.citations)
    assert checked.out_of_range == [7]
    assert checked.unsupported == [
        "Everyone agrees it was terrible.",
        "Russia will pay reparations.",
        "The war has lasted 20 months.",  # a number the source does not state
    ]


def test_checker_attributes_an_uncited_sentence_it_can_support() -> None:
    checked = check("Russia denied the accusations.", SOURCES, fixed_scorer())
    assert checked.text == "Russia denied the accusations. [1]"
    assert checked.citations[0].quote == SOURCES[0].text


def test_checker_hears_the_model_say_it_does_not_know() -> None:
    checked = check("The article doesn't say.", SOURCES, fixed_scorer())
    assert checked.said_dont_know and not checked.citations and not checked.unsupported
