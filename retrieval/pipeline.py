"""The answering chain as LangChain runnables: condense the follow-up, retrieve, answer."""

from __future__ import annotations

import time
from operator import itemgetter
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable, RunnableLambda

from retrieval.answering.extractive import ExtractiveAnswerer
from retrieval.index.chroma import Stores
from retrieval.index.corpus import CorpusIndex
from retrieval.language.followups import resolve
from retrieval.retrieve.hybrid import HybridRetriever
from retrieval.settings import Settings

EXTRACTIVE = "extractive"
# Engines whose model answers but does not condense follow-ups.
RULES_ONLY_ENGINES = frozenset({"local"})


def make_retriever(stores: Stores, index: CorpusIndex, embeddings: Any) -> BaseRetriever:
    return HybridRetriever(stores=stores, index=index, embeddings=embeddings)


def make_condenser(
    index: CorpusIndex, model: BaseChatModel | None = None, settings: Settings | None = None
) -> Runnable:
    """{"question", "history"} -> {"standalone", "condensed_by"}: the question as it would read
    on its own, and what rewrote it.

    The rules always run; with a `model` (an LLM engine's), follow-ups are rewritten by it,
    checked, the rules' rewrite the fallback. `condensed_by` is None without a model.
    """
    if model is None or settings is None:

        def by_rules(inputs: dict[str, Any]) -> dict[str, Any]:
            standalone = resolve(inputs["question"], inputs["history"], index)
            return {"standalone": standalone, "condensed_by": None}

        return RunnableLambda(by_rules, name="condense")

    from retrieval.llm.condenser import LLMCondenser, condense_timeout

    # The bundled SmolLM2-135M's rewrites measured worse than the rules' (docs/llm.md).
    rules_only = settings.llm.strip() in RULES_ONLY_ENGINES
    condenser = LLMCondenser(
        model=None if rules_only else model,
        index=index,
        timeout_s=condense_timeout(settings.llm_timeout_s),
    )

    def by_model(inputs: dict[str, Any]) -> dict[str, Any]:
        rules = resolve(inputs["question"], inputs["history"], index)
        condensed = condenser.condense(inputs["question"], inputs["history"], rules)
        return {"standalone": condensed.standalone, "condensed_by": condensed.by}

    return RunnableLambda(by_model, name="condense")


def make_answerer(
    settings: Settings, index: CorpusIndex, model: BaseChatModel | None = None
) -> Runnable:
    """{"question", "standalone", "evidence"} -> Answer, by the engine `QABOT_LLM` names.

    An LLM engine also reads `inputs["on_token"]`, a callback given the reply as it streams.
    """
    if settings.uses_llm:
        return make_llm_answerer(settings, index, model)
    from retrieval.index.embeddings import make_embeddings

    # The model, loaded once per process, also tells a point said in other words.
    answerer = ExtractiveAnswerer(index, make_embeddings().embed_documents)
    return RunnableLambda(
        lambda inputs: answerer.answer(inputs["question"], inputs["standalone"], inputs["evidence"])
    )


def make_llm_answerer(
    settings: Settings, index: CorpusIndex, model: BaseChatModel | None = None
) -> Runnable:
    """The model `QABOT_LLM` names, its citations checked, the extractive engine as fallback."""
    from retrieval.answering.citations import SupportScorer
    from retrieval.index.embeddings import make_embeddings
    from retrieval.llm.answerer import LLMAnswerer
    from retrieval.llm.models import engine_name, make_chat_model

    embed = make_embeddings().embed_documents
    answerer = LLMAnswerer(
        name=engine_name(settings.llm.strip()),
        model=model or make_chat_model(settings),
        index=index,
        scorer=SupportScorer(embed),
        timeout_s=settings.llm_timeout_s,
        extractive=ExtractiveAnswerer(index, embed),
    )
    return RunnableLambda(answerer.answer, name="llm_answer")


def make_chain(condenser: Runnable, retriever: BaseRetriever, answerer: Runnable) -> Runnable:
    """One chain from a question and its history to an `Answer`, timing each step."""
    return (
        _merge(_timed("condense", condenser))
        | _assign("evidence", _timed("retrieve", itemgetter("standalone") | retriever))
        | _timed("answer", answerer)
    )


def _merge(step: Runnable) -> Runnable:
    """Add the keys of `step`'s output (a dict) to the inputs."""

    def run(inputs: dict[str, Any], config: Any = None) -> dict[str, Any]:
        return {**inputs, **step.invoke(inputs, config)}

    return RunnableLambda(run, name="merge")


def _assign(key: str, step: Runnable) -> Runnable:
    """Add `step`'s output to the inputs under `key`.

    `RunnablePassthrough.assign` does the same through a thread pool, which costs a thread start
    per question; one step has nothing to run in parallel with.
    """

    def run(inputs: dict[str, Any], config: Any = None) -> dict[str, Any]:
        return {**inputs, key: step.invoke(inputs, config)}

    return RunnableLambda(run, name=f"assign_{key}")


def _timed(name: str, step: Runnable) -> Runnable:
    """Run `step`, adding its wall time to `inputs["timings"][name]` in milliseconds."""

    def run(inputs: dict[str, Any], config: Any = None) -> Any:
        started = time.perf_counter()
        result = step.invoke(inputs, config)
        inputs["timings"][name] = (time.perf_counter() - started) * 1000
        return result

    return RunnableLambda(run, name=name)
