"""One question's way through the engine: condense the follow-up, read it, retrieve, answer."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol

from retrieval.answer import Answer, Turn
from retrieval.answering.extractive import ExtractiveAnswerer
from retrieval.answering.paraphrase import ParaphraseJudge
from retrieval.errors import ArticleChoiceError
from retrieval.index.articles import IndexedArticle, file_name_of
from retrieval.index.chroma import Stores
from retrieval.index.corpus import CorpusIndex
from retrieval.index.embeddings import Embedder
from retrieval.language.followups import Condensed, resolve
from retrieval.language.question import Question, analyze, asks_for_more, is_instruction
from retrieval.language.text import words
from retrieval.retrieve.hybrid import HybridRetriever
from retrieval.retrieve.scoring import Evidence
from retrieval.settings import Settings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from retrieval.llm.condenser import LLMCondenser
    from retrieval.llm.models import OnToken

# What an order to drop the article gets, whatever it asked to be said.
NOT_AN_ORDER = (
    "I only answer questions about the article, from what it says; "
    "I don't follow instructions to set it aside or to say something else."
)
# Engines whose model answers but does not condense follow-ups.
RULES_ONLY_ENGINES = frozenset({"local"})


class Answerer(Protocol):
    """What every answer engine does: evidence in, one `Answer` out."""

    def answer(
        self,
        asked: str,
        question: Question,
        evidence: Sequence[Evidence],
        on_token: OnToken | None = None,
    ) -> Answer: ...


@dataclass
class Stopwatch:
    """Wall time of each named step, in milliseconds, and of the whole."""

    started: float = field(default_factory=time.perf_counter)
    laps: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        begun = time.perf_counter()
        try:
            yield
        finally:
            self.laps[name] = (time.perf_counter() - begun) * 1000

    def total(self) -> float:
        return (time.perf_counter() - self.started) * 1000


@dataclass
class Pipeline:
    """condense -> analyse -> retrieve -> answer, each a plain call, each timed."""

    index: CorpusIndex
    retriever: HybridRetriever
    answerer: Answerer
    # An LLM engine's condenser; without one, the rules rewrite follow-ups.
    condenser: LLMCondenser | None = None

    def ask(
        self,
        asked: str,
        history: Sequence[Turn] = (),
        on_token: OnToken | None = None,
        article: str | None = None,
    ) -> Answer:
        """The answer to `asked` after `history`; from the article whose source is `article`
        alone, when the asker picked one."""
        if article is not None:
            self.check_article(article)
        clock = Stopwatch()
        if is_instruction(asked):
            declined = Answer(
                asked, NOT_AN_ORDER, abstained=True, resolved_question=asked, picked=article
            )
            declined.timings_ms = {"total": clock.total()}
            return declined
        with clock.step("condense"):
            condensed = self.condense(asked, history)
        with clock.step("retrieve"):
            question = replace(analyze(condensed.standalone, self.index), article=article)
            last = _last_cited(history)
            if last is not None:
                # "Who gave that number?", "When will they get it?": of what it quoted, however
                # the condenser bound "they" and "it"
                typed = analyze(asked, self.index) if condensed.standalone != asked else question
                question = replace(
                    question,
                    last_quoted=tuple(c.quote for c in last.citations),
                    asks_source_of_last=typed.asks_source_of_last,
                    # "when?" of the answer just given, not of one before an abstention
                    asks_about_last=typed.asks_about_last
                    and typed.wh == question.wh
                    and last is history[-1].answer,
                )
            if history and asks_for_more(asked):
                # "what else did he say?": not what the conversation has quoted already
                shown = {c.quote for turn in history for c in turn.answer.citations}
                question = replace(question, shown=frozenset(shown))
            if article is None and history and not question.describes:
                question = replace(question, article=self.article_kept_to(question, history))
            evidence = self.retriever.search(question)
            # A picked article is the one "this article" means, whatever the history quoted;
            # "the story about the NBA game" is the one its words are found in.
            if (question.asks_author or question.asks_summary or question.asks_date) and (
                article is None
            ):
                if question.describes and evidence:
                    source = evidence[0].sentence.source
                    kept = self.article_kept_to(question, history) if history else None
                    if kept and self.says_all(kept, question.describes):
                        # "Who wrote the Newsweek article?" in a talk about a Newsweek story:
                        # that story, though another one names Newsweek too
                        source = kept
                    question = replace(question, article=source)
                    evidence = [e for e in evidence if e.sentence.source == source]
                else:
                    evidence = self.in_the_article_talked_about(evidence, history)
        with clock.step("answer"):
            answer = self.answerer.answer(asked, question, evidence, on_token)
        answer.condensed_by = condensed.by
        answer.picked = article
        answer.timings_ms = {**clock.laps, "total": clock.total()}
        return answer

    def article_kept_to(self, question: Question, history: Sequence[Turn]) -> str | None:
        """A conversation stays with the article its last answer quoted, in an index of
        several: "How many goals has he scored in his career?" after a game story is asked of
        that story, not answered from another. A question naming someone or something that
        article does not name has moved on: all articles again; so has a conversation whose
        last answer came from an article the asker has since stopped picking."""
        if len(self.articles()) < 2:
            return None
        quoted = _last_cited(history)
        if quoted is None or quoted.picked is not None:
            return None  # answered from an article the asker picked, then dropped: all again
        source = _talked_about(quoted)
        if source is None:
            return None
        for word in question.name_words:
            named = self.index.sentences_naming({word})
            if not any(self.index.sentences[i].source == source for i in named):
                return None
        return source

    def says_all(self, source: str, described: Sequence[str]) -> bool:
        """Whether the article `source` uses every one of these words."""
        said = {w for s in self.index.sentences if s.source == source for w in words(s.text)}
        return set(described) <= said

    def in_the_article_talked_about(
        self, evidence: list[Evidence], history: Sequence[Turn]
    ) -> list[Evidence]:
        """ "Who wrote this?" in a conversation is about the article its last answer quoted:
        only that article's evidence (its opening when none was retrieved). Without such a
        turn the evidence stands, and each part of the answer names its own article."""
        cited = _last_cited(history)
        source = _talked_about(cited) if cited else None
        if source is None:
            return evidence
        mine = [e for e in evidence if e.sentence.source == source]
        if mine:
            return mine
        opening = next((s for s in self.index.sentences if s.source == source), None)
        return [Evidence(opening)] if opening else evidence

    def articles(self) -> list[IndexedArticle]:
        return self.index.articles()

    def check_article(self, source: str) -> None:
        """`ArticleChoiceError` when the picked article has left the index (a later ingest
        pruned it, or moved its file), rather than answers drawn from nothing."""
        if any(listed.source == source for listed in self.articles()):
            return
        raise ArticleChoiceError(
            f"the article picked ({file_name_of(source)}) is no longer in the index; pick "
            "another, or go back to all articles"
        )

    def condense(self, asked: str, history: Sequence[Turn]) -> Condensed:
        """The question as it would read on its own, and what rewrote it."""
        by_rules = resolve(asked, history, self.index)
        if self.condenser is None:
            return Condensed(by_rules, None)
        return self.condenser.condense(asked, history, by_rules)


def make_retriever(stores: Stores, index: CorpusIndex, embeddings: Embedder) -> HybridRetriever:
    return HybridRetriever(stores=stores, index=index, embeddings=embeddings)


def make_condenser(
    index: CorpusIndex, model: BaseChatModel | None, settings: Settings
) -> LLMCondenser | None:
    """An LLM engine's condenser (None for the extractive engine: the rules suffice)."""
    if model is None:
        return None
    from retrieval.llm.condenser import LLMCondenser, condense_timeout

    # The bundled SmolLM2-135M's rewrites measured worse than the rules' (docs/llm.md).
    rules_only = settings.llm.strip() in RULES_ONLY_ENGINES
    return LLMCondenser(
        model=None if rules_only else model,
        index=index,
        timeout_s=condense_timeout(settings.llm_timeout_s),
    )


def make_answerer(
    settings: Settings, index: CorpusIndex, model: BaseChatModel | None = None
) -> Answerer:
    """The engine `QABOT_LLM` names: an LLM with the extractive engine as fallback, or that
    engine alone."""
    from retrieval.index.embeddings import make_embeddings

    # The model, loaded once per process, also tells a point said in other words.
    embeddings = make_embeddings(settings)
    judge = ParaphraseJudge(embeddings.embed_pieces, embeddings.embed_documents)
    extractive = ExtractiveAnswerer(index, judge)
    if not settings.uses_llm:
        return extractive
    from retrieval.answering.citations import SupportScorer
    from retrieval.llm.answerer import LLMAnswerer
    from retrieval.llm.models import engine_name, make_chat_model

    return LLMAnswerer(
        name=engine_name(settings.llm.strip()),
        model=model or make_chat_model(settings),
        index=index,
        scorer=SupportScorer(embeddings.embed_documents),
        timeout_s=settings.llm_timeout_s,
        extractive=extractive,
    )


def make_pipeline(
    settings: Settings, stores: Stores, index: CorpusIndex, embeddings: Embedder
) -> Pipeline:
    model = None
    if settings.uses_llm:
        from retrieval.llm.models import make_chat_model

        # One model both condenses follow-ups and answers.
        model = make_chat_model(settings)
    return Pipeline(
        index=index,
        retriever=make_retriever(stores, index, embeddings),
        answerer=make_answerer(settings, index, model),
        condenser=make_condenser(index, model, settings),
    )


def _talked_about(answer: Answer) -> str | None:
    """The one article an answer quotes; None when it quotes several (every article's headline
    or byline: none is talked about yet)."""
    sources = {c.source for c in answer.citations}
    return next(iter(sources)) if len(sources) == 1 else None


def _last_cited(history: Sequence[Turn]) -> Answer | None:
    """The conversation's latest answer that cites the articles."""
    return next((turn.answer for turn in reversed(history) if turn.answer.citations), None)
