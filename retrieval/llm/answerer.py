"""The LLM engine: the model answers from numbered sources, its citations are checked, and any
failure falls back to the extractive answer with a note saying why."""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from langchain_core.documents import Document
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage

from prompts import ANSWER, load_prompt
from retrieval.answer import Answer
from retrieval.answering.citations import SupportScorer, check
from retrieval.answering.extractive import ExtractiveAnswerer
from retrieval.index.corpus import CorpusIndex

log = logging.getLogger(__name__)

# The best evidence sentences given to the model as numbered sources. More would add little
# (the evidence is ranked) and cost a small model seconds of reading.
MAX_SOURCES = 8

OnToken = Callable[[str], None]


class ModelTimeout(Exception):
    """The model did not finish within its bound: QABOT_LLM_TIMEOUT, or a follow-up's share."""


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

    def answer(self, inputs: dict[str, Any]) -> Answer:
        asked, standalone = inputs["question"], inputs["standalone"]
        evidence: Sequence[Document] = inputs["evidence"]
        on_token: OnToken | None = inputs.get("on_token")
        sources = self.sources(evidence)
        if not sources:
            return self._fallback(inputs, "the article has nothing on this to give the model")
        messages = self.prompt.format_messages(sources=number(sources), question=standalone)
        try:
            reply = generate(self.model, messages, timeout_s=self.timeout_s, on_token=on_token)
        except ModelTimeout:
            return self._fallback(inputs, f"the model did not answer within {self.timeout_s:g} s")
        except Exception as error:
            # Only the class and status: a provider's error text may quote the request.
            log.warning("the model failed: %s", describe(error))
            return self._fallback(inputs, f"the model failed ({describe(error)})")
        if not reply.strip():
            return self._fallback(inputs, "the model gave an empty answer")
        checked = check(reply, sources, self.scorer)
        if checked.out_of_range:
            log.info("dropped citations of sources that were not given: %s", checked.out_of_range)
        if not checked.citations:
            reason = (
                "the model found no answer in the sources"
                if checked.said_dont_know and not checked.unsupported
                else "no sentence of the model's answer was supported by the article"
            )
            return self._fallback(inputs, reason, checked.unsupported)
        return Answer(
            asked,
            checked.text,
            checked.citations,
            resolved_question=standalone,
            condensed_by=inputs.get("condensed_by"),
            engine=self.name,
            unsupported=checked.unsupported,
            llm_asked=True,
        )

    def sources(self, evidence: Sequence[Document]) -> list[Document]:
        """The best evidence sentences whose text matches the article exactly, best first."""
        verified = [d for d in evidence if self.index.verify(d.id or "", d.page_content)]
        return verified[:MAX_SOURCES]

    def _fallback(
        self, inputs: dict[str, Any], reason: str, unsupported: Sequence[str] = ()
    ) -> Answer:
        asked, standalone, evidence = inputs["question"], inputs["standalone"], inputs["evidence"]
        answer = self.extractive.answer(asked, standalone, evidence)
        return replace(
            answer,
            fallback=reason,
            unsupported=list(unsupported),
            llm_asked=True,
            condensed_by=inputs.get("condensed_by"),
        )


def generate(
    model: BaseChatModel,
    messages: list[BaseMessage],
    *,
    timeout_s: float,
    on_token: OnToken | None = None,
    first_line: bool = False,
) -> str:
    """The model's reply, streamed to `on_token`; `ModelTimeout` past `timeout_s`.

    The model runs in a worker thread so that a server that hangs, or a local model that
    rambles, cannot hold the caller beyond its deadline. With `first_line`, the reply is
    streamed and cut at the end of its first non-empty line: the rest is never generated.
    """
    deadline = time.monotonic() + timeout_s
    pieces: queue.Queue[tuple[str, Any]] = queue.Queue()
    cancelled = threading.Event()
    streams = on_token is not None or first_line

    def produce() -> None:
        try:
            if not streams:  # nobody watches: one plain request
                pieces.put(("text", model.invoke(messages).text))
                pieces.put(("done", None))
                return
            # Closing the stream when told to stop is what ends a local model's generation.
            stream = model.stream(messages)
            for chunk in stream:
                if cancelled.is_set():
                    stream.close()
                    return
                pieces.put(("text", chunk.text))
            pieces.put(("done", None))
        except Exception as error:
            pieces.put(("error", error))

    threading.Thread(target=produce, name="llm-reply", daemon=True).start()
    reply: list[str] = []
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ModelTimeout
            try:
                kind, value = pieces.get(timeout=remaining)
            except queue.Empty:
                raise ModelTimeout from None
            if kind == "done":
                return "".join(reply)
            if kind == "error":
                raise value
            if value:
                reply.append(value)
                if on_token:
                    on_token(value)
                if first_line and "\n" in "".join(reply).lstrip():
                    return "".join(reply)
    finally:
        cancelled.set()


def number(sources: Sequence[Document]) -> str:
    """The sources as the prompt shows them: `[n] (paragraph p) sentence`, one a line."""
    return "\n".join(
        f"[{n}] (paragraph {doc.metadata['paragraph']}) {doc.page_content}"
        for n, doc in enumerate(sources, start=1)
    )


def describe(error: BaseException) -> str:
    """A short, secret-free name for a model failure: the class, and the HTTP status if any.

    Never the message: a provider's error text may quote the request, key included.
    """
    status = getattr(error, "status_code", None)
    name = type(error).__name__
    return f"{name}, HTTP {status}" if status else name
