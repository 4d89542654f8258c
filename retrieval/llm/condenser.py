"""Follow-ups rewritten by the chat model and checked, with the rule-based resolver as fallback."""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence

from langchain_core.language_models import BaseChatModel

from prompts import CONDENSE, load_prompt
from retrieval.answer import Turn
from retrieval.index.corpus import CorpusIndex
from retrieval.language.followups import PERSON_PRONOUN, THING_PRONOUN, Condensed
from retrieval.language.lexicon import STOPWORDS
from retrieval.language.text import WORD, content_stems, words
from retrieval.llm.models import ModelTimeout, describe, generate

log = logging.getLogger(__name__)

LLM = "llm"
RULES = "rules"
# The rewrite's share of QABOT_LLM_TIMEOUT, and its cap: the answer still has to follow it.
TIMEOUT_SHARE = 1 / 3
MAX_TIMEOUT_S = 10.0
# Earlier questions shown to the model, the latest last; older ones seldom hold the referent
# and only cost a small model reading time.
MAX_EARLIER_QUESTIONS = 6
# A rewrite spells out names from earlier questions; longer than this, it is doing more.
MAX_REWRITE_CHARS = 300
REWRITE_GROWTH = 3
# The rewrite must keep this share of the follow-up's content words (stemmed): same question.
MIN_KEPT_WORDS = 0.5

MARKER = re.compile(r"\[\d+\]")
WH_WORDS = frozenset("what who whom whose which when where why how".split())
# How a question without its "?" starts; a rewrite that starts otherwise is likely an answer.
QUESTION_START = frozenset(
    """what who whom whose which when where why how is are was were do does did has have had
    can could will would should may might tell describe explain name list and""".split()
)
# What models put before the question despite the prompt: "Rewritten question:", "- ", "1.".
LEAD_IN = re.compile(
    r"^(?:[-*•]\s+|\d+[.)]\s+)?\**\s*"
    r"(?:(?:the\s+)?(?:rewritten|standalone|stand-alone|condensed|reworded|follow-up|new)\b"
    r"[^:\n]{0,40}|question|rewrite)\s*:\s*",
    re.IGNORECASE,
)
WRAPPING = "\"'“”‘’`* "


def condense_timeout(llm_timeout_s: float) -> float:
    return min(llm_timeout_s * TIMEOUT_SHARE, MAX_TIMEOUT_S)


class LLMCondenser:
    """Rewrites a follow-up with the model, checked; the rules' rewrite when that fails.

    The rules run first (cheap) and their rewrite is passed in: a failed, slow or unusable
    rewrite falls back to it. A first question costs no model call.
    """

    def __init__(self, *, model: BaseChatModel | None, index: CorpusIndex, timeout_s: float):
        self.model = model  # None: the rules condense every follow-up
        self.index = index
        self.timeout_s = timeout_s
        self.prompt = load_prompt(CONDENSE)

    def condense(self, question: str, history: Sequence[Turn], by_rules: str) -> Condensed:
        if not history:
            return Condensed(by_rules, None)
        if self.model is None:
            return Condensed(by_rules, RULES)
        try:
            reply = self.ask_model(question, earlier_questions(history))
        except ModelTimeout:
            return self._rules(by_rules, f"no rewrite within {self.timeout_s:.3g} s")
        except Exception as error:
            # Only the class and status: a provider's error text may quote the request.
            return self._rules(by_rules, f"the model failed ({describe(error)})")
        return self.decide(reply, question, history, by_rules)

    def decide(
        self, reply: str, question: str, history: Sequence[Turn], by_rules: str
    ) -> Condensed:
        """The model's rewrite if it passes `check_rewrite`, else the rules'."""
        earlier = earlier_questions(history)
        rewrite, problem = check_rewrite(reply, question, earlier, by_rules, self.index)
        if rewrite is None:
            return self._rules(by_rules, f"the model's rewrite {problem}: {reply.strip()[:120]!r}")
        log.info("follow-up condensed by the model: %r", rewrite)
        return Condensed(rewrite, LLM)

    def ask_model(self, question: str, earlier: Sequence[str]) -> str:
        """The model's reply to the condense prompt, unchecked; `ModelTimeout` past the bound."""
        assert self.model is not None
        messages = self.prompt.format_messages(history="\n".join(earlier), question=question)
        return generate(self.model, messages, timeout_s=self.timeout_s, first_line=True)

    def _rules(self, by_rules: str, why: str) -> Condensed:
        log.info("follow-up condensed by the rules (%s)", why)
        return Condensed(by_rules, RULES)


def earlier_questions(history: Sequence[Turn]) -> list[str]:
    """The earlier questions as the prompt shows them: each as it was understood, latest last."""
    return [t.resolved_question or t.question for t in history][-MAX_EARLIER_QUESTIONS:]


def check_rewrite(
    reply: str, question: str, earlier: Sequence[str], by_rules: str, index: CorpusIndex
) -> tuple[str | None, str]:
    """The model's rewrite tidied, or None and what is wrong with it."""
    line = next((line.strip() for line in reply.splitlines() if line.strip()), "")
    line = LEAD_IN.sub("", line, count=1).strip(WRAPPING)
    if not any(character.isalnum() for character in line):
        return None, "is empty"
    longest = max((len(q) for q in earlier), default=0)
    limit = min(MAX_REWRITE_CHARS, REWRITE_GROWTH * len(question) + longest)
    if len(line) > limit:
        return None, f"is too long ({len(line)} characters, at most {limit})"
    if MARKER.search(line):
        return None, "has citation markers"
    if not (line.endswith("?") or set(words(line)[:1]) & QUESTION_START):
        return None, "is not a question"
    unknown = _unknown_names(line, [question, *earlier], index)
    if unknown:
        return None, f"names what neither the conversation nor the article does ({unknown})"
    asked = set(content_stems(question))
    if asked and len(asked & set(content_stems(line))) < MIN_KEPT_WORDS * len(asked):
        return None, "does not ask what the follow-up asks"
    # "When was it issued?" rewritten as the earlier "Who issued it?" is another question.
    asked_wh = WH_WORDS.intersection(words(question))
    if asked_wh and not asked_wh.intersection(words(line)):
        return None, f"does not ask {'/'.join(sorted(asked_wh))}"
    if _pronouns(line) - _pronouns(by_rules):
        return None, "leaves a pronoun the rules resolved"
    return index.expand_acronyms(line), ""


def _unknown_names(text: str, conversation: Sequence[str], index: CorpusIndex) -> str:
    """Capitalized words of `text` found neither in the conversation nor in the article."""
    known = {word for said in conversation for word in words(said)}
    unknown = [
        token
        for token in WORD.findall(text)
        if token[0].isupper()
        and (word := words(token)[0]) not in STOPWORDS
        and word not in known
        and word not in index.vocab
    ]
    return ", ".join(dict.fromkeys(unknown))


def _pronouns(text: str) -> Counter[str]:
    found = PERSON_PRONOUN.findall(text) + THING_PRONOUN.findall(text)
    return Counter(pronoun.lower() for pronoun in found)
