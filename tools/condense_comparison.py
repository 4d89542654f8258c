"""Measures whether the model's follow-up rewrites beat the rules', to choose who condenses.

`QABOT_LLM=local python tools/condense_comparison.py [SET.jsonl ...]` runs every
conversation of the question sets (default: the bundled dev and held-out sets) three times,
each condensing follow-ups its own way and keeping its own history: the rules
(`retrieval/conversation.py`), the model with its rewrite checked and the rules as fallback (what
qabot does), and the model's rewrite unchecked. Every arm retrieves and answers with the
extractive engine, so only the condensing differs; the follow-up turns are scored as `qabot eval`
scores them. It prints each follow-up's rewrites, then one line of rates per arm.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from retrieval.answer import Turn
from retrieval.answering.extractive import ExtractiveAnswerer
from retrieval.constants import DEFAULT_EVAL_SET
from retrieval.engine import Engine
from retrieval.evaluation import EvalReport, load_cases, score_turn
from retrieval.index.corpus import CorpusIndex
from retrieval.language.followups import resolve
from retrieval.language.question import analyze
from retrieval.llm.condenser import (
    LEAD_IN,
    WRAPPING,
    LLMCondenser,
    condense_timeout,
    earlier_questions,
)
from retrieval.llm.models import describe, make_chat_model
from retrieval.pipeline import make_retriever
from retrieval.settings import load_settings

SETS = [DEFAULT_EVAL_SET, DEFAULT_EVAL_SET.with_name("heldout.jsonl")]

Condense = Callable[[str, Sequence[Turn]], str]


def main(paths: Sequence[Path]) -> None:
    settings = load_settings()
    if not settings.uses_llm:
        sys.exit("set QABOT_LLM to the model to measure, e.g. QABOT_LLM=local")
    engine = Engine(settings)
    engine.ensure_index()
    index = CorpusIndex.load(engine.stores)
    retriever = make_retriever(engine.stores, index, engine.embeddings)
    extractive = ExtractiveAnswerer(index)
    started = time.monotonic()
    model = make_chat_model(settings)
    print(f"model {settings.llm} loaded in {time.monotonic() - started:.1f} s")
    condenser = LLMCondenser(
        model=model, index=index, timeout_s=condense_timeout(settings.llm_timeout_s)
    )
    model_s: list[float] = []
    verdicts = {"used": 0, "rejected": 0}
    # The model's raw reply per follow-up, so the checked and unchecked arms share one call.
    replies: dict[tuple[str, tuple[str, ...]], str] = {}

    def rules(question: str, history: Sequence[Turn]) -> str:
        return resolve(question, history, index)

    def reply_to(question: str, history: Sequence[Turn]) -> str:
        earlier = tuple(earlier_questions(history))
        if (question, earlier) not in replies:
            began = time.monotonic()
            try:
                replies[question, earlier] = condenser.ask_model(question, earlier)
            except Exception as error:  # a timeout or a failure: no rewrite
                replies[question, earlier] = f"<{describe(error)}>"
            model_s.append(time.monotonic() - began)
        return replies[question, earlier]

    def checked(question: str, history: Sequence[Turn]) -> str:
        by_rules = rules(question, history)
        if not history:
            return by_rules
        reply = reply_to(question, history)
        condensed = condenser.decide(reply, question, history, by_rules)
        verdicts["used" if condensed.by == "llm" else "rejected"] += 1
        print(f"    checked:   [{condensed.by}] {condensed.standalone}")
        return condensed.standalone

    def unchecked(question: str, history: Sequence[Turn]) -> str:
        if not history:
            return rules(question, history)
        reply = reply_to(question, history)
        first = next((line for line in reply.splitlines() if line.strip()), "")
        rewrite = LEAD_IN.sub("", first.strip(), count=1).strip(WRAPPING)
        print(f"    model:     {reply.strip()[:200]!r}")
        return rewrite or rules(question, history)

    arms: dict[str, Condense] = {
        "rules": rules,
        "model, checked": checked,
        "model, unchecked": unchecked,
    }
    reports = {name: EvalReport() for name in arms}
    sources: dict[str, str] = {}
    for path in paths:
        for case in load_cases(path):
            if len(case["turns"]) < 2:
                continue
            print(f"{path.name} {case['id']}")
            histories: dict[str, list[Turn]] = {name: [] for name in arms}
            for position, turn in enumerate(case["turns"]):
                if position:
                    print(f"  follow-up: {turn['question']}")
                for name, condense in arms.items():
                    history = histories[name]
                    standalone = condense(turn["question"], history)
                    if position and name == "rules":
                        print(f"    rules:     {standalone}")
                    question = analyze(standalone, index)
                    answer = extractive.answer(
                        turn["question"], question, retriever.search(question)
                    )
                    history.append(Turn(turn["question"], standalone, answer))
                    if position:
                        before = len(reports[name].failures)
                        score_turn(reports[name], turn, answer, sources)
                        if len(reports[name].failures) > before:
                            print(f"    ✗ {name}: {reports[name].failures[-1]}")
    print()
    timings = sorted(model_s) or [0.0]
    print(
        f"model calls: {len(model_s)}, p50 {statistics.median(timings):.1f} s, "
        f"max {timings[-1]:.1f} s; checked rewrites used {verdicts['used']}, "
        f"rejected {verdicts['rejected']}"
    )
    for name, report in reports.items():
        rates = report.rates()
        print(
            f"{name:17} follow-ups {report.turns:2}  evidence {report.evidence_hits}/"
            f"{report.answerable}  facts {report.fact_hits}/{report.answerable}  abstention "
            f"{report.abstention_right}/{report.turns}  quotes valid {rates['quote_validity']:.0%}"
        )


if __name__ == "__main__":
    main([Path(arg) for arg in sys.argv[1:]] or SETS)
