"""The LLM engine: the model answers from numbered sources, its citations are checked, and any
failure falls back to the extractive answer with a note saying why."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from langchain_core.language_models import BaseChatModel

from prompts import ANSWER, load_prompt
from retrieval.answer import Answer
from retrieval.answering.citations import SupportScorer, check
from retrieval.answering.extractive import ExtractiveAnswerer
from retrieval.index.corpus import CorpusIndex
from retrieval.language.question import Question
from retrieval.llm.models import ModelTimeout, OnToken, describe, generate
from retrieval.retrieve.scoring import Evidence

log = logging.getLogger(__name__)

# The best evidence sentences given to the model as numbered sources. More would add little
# (the evidence is ranked) and cost a small model seconds of reading.
MAX_SOURCES = 8


class LLMAnswerer:
    """Answers with a chat model; what it says is shown only once its citations check out."""

    def __init__(
        self,
        *,
        name: str,
        model: BaseChatModel,
        index: CorpusIndex,
        scorer: SupportScorer,
        timeout_s: float,
        extractive: ExtractiveAnswerer | None = None,
    ):
        self.name = name
        self.model = model
        self.index = index
        self.scorer = scorer
        self.timeout_s = timeout_s
        self.prompt = load_prompt(ANSWER)
        self.extractive = extractive or ExtractiveAnswerer(index)

    def answer(
        self,
        asked: str,
        question: Question,
        evidence: Sequence[Evidence],
        on_token: OnToken | None = None,
    ) -> Answer:
        """The model's answer from the best evidence, checked; `on_token` sees it stream."""
        sources = self.sources(evidence)
        if not sources:
            return self._fallback(
                asked, question, evidence, "the article has nothing on this to give the model"
            )
        messages = self.prompt.format_messages(sources=number(sources), question=question.text)
        try:
            reply = generate(self.model, messages, timeout_s=self.timeout_s, on_token=on_token)
        except ModelTimeout:
            why = f"the model did not answer within {self.timeout_s:g} s"
            return self._fallback(asked, question, evidence, why)
        except Exception as error:
            # Only the class and status: a provider's error text may quote the request.
            log.warning("the model failed: %s", describe(error))
            why = f"the model failed ({describe(error)})"
            return self._fallback(asked, question, evidence, why)
        if not reply.strip():
            return self._fallback(asked, question, evidence, "the model gave an empty answer")
        checked = check(reply, sources, self.scorer)
        if checked.out_of_range:
            log.info("dropped citations of sources that were not given: %s", checked.out_of_range)
        if not checked.citations:
            reason = (
                "the model found no answer in the sources"
                if checked.said_dont_know and not checked.unsupported
                else "no sentence of the model's answer was supported by the article"
            )
            return self._fallback(asked, question, evidence, reason, checked.unsupported)
        return Answer(
            asked,
            checked.text,
            checked.citations,
            resolved_question=question.text,
            engine=self.name,
            unsupported=checked.unsupported,
            llm_asked=True,
        )

    def sources(self, evidence: Sequence[Evidence]) -> list[Evidence]:
        """The best evidence sentences whose text matches the article exactly, best first."""
        verified = [e for e in evidence if self.index.verify(e.id, e.text)]
        return verified[:MAX_SOURCES]

    def _fallback(
        self,
        asked: str,
        question: Question,
        evidence: Sequence[Evidence],
        reason: str,
        unsupported: Sequence[str] = (),
    ) -> Answer:
        answer = self.extractive.answer(asked, question, evidence)
        return replace(answer, fallback=reason, unsupported=list(unsupported), llm_asked=True)


def number(sources: Sequence[Evidence]) -> str:
    """The sources as the prompt shows them: `[n] (paragraph p) sentence`, one a line."""
    return "\n".join(
        f"[{n}] (paragraph {source.sentence.paragraph}) {source.text}"
        for n, source in enumerate(sources, start=1)
    )
