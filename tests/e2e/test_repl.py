"""`qabot repl --json` with piped input: the dev set, follow-ups, and odd lines."""

from __future__ import annotations

import json

from conftest import DEV_SET, LANGCHAIN, SEED, Run, answers_of, fold, imported_packages, json_lines

# The bars from the issue "The engine and the terminal".
MIN_EVIDENCE = 0.90
MIN_FACTS = 0.85
MIN_ABSTENTION = 0.90


def test_dev_set_through_the_repl_meets_the_bars(qabot: Run) -> None:
    cases = [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line]
    script = []
    for case in cases:
        script += [turn["question"] for turn in case["turns"]] + ["/reset"]
    result = qabot("repl", "--json", stdin="\n".join(script) + "\n")
    assert result.returncode == 0, result.stderr
    answers = answers_of(result.stdout)
    turns = [turn for case in cases for turn in case["turns"]]
    assert len(answers) == len(turns), "one JSON object per question"

    article = fold(SEED.read_text(encoding="utf-8"))
    answerable = [(t, a) for t, a in zip(turns, answers, strict=True) if t["answerable"]]
    evidence = sum(
        any(fold(e) in fold(c["quote"]) for e in t["evidence"] for c in a["citations"])
        for t, a in answerable
    )
    facts = sum(
        all(any(alt.lower() in a["answer"].lower() for alt in group) for group in t["facts"])
        for t, a in answerable
    )
    abstention = sum(
        a["abstained"] == (not t["answerable"]) for t, a in zip(turns, answers, strict=True)
    )
    quotes = [c["quote"] for a in answers for c in a["citations"]]

    assert evidence / len(answerable) >= MIN_EVIDENCE
    assert facts / len(answerable) >= MIN_FACTS
    assert abstention / len(turns) >= MIN_ABSTENTION
    assert quotes and all(fold(q) in article for q in quotes)
    assert all(a["citations"] == [] for a in answers if a["abstained"])


def test_follow_ups_resolve_he_and_what_about(qabot: Run) -> None:
    script = [
        "Who is Dmitry Peskov?",
        "What did he say about the military operation?",
        "What did Lukashenko warn against?",
        "What else did he say?",
        "what about zelensky?",
        "/reset",
        "What did he say?",
    ]
    result = qabot("repl", "--json", stdin="\n".join(script) + "\n")
    assert result.returncode == 0, result.stderr
    peskov, operation, warning, more, zelensky, orphan = answers_of(result.stdout)
    assert "spokesperson" in peskov["answer"]
    assert "Peskov" in operation["resolved_question"]
    assert "special military operation is continuing" in operation["answer"]
    assert "escalation" in warning["answer"]
    assert "Lukashenko" in more["resolved_question"]
    # every word of his the article reports was quoted by the answer before ("a declaration of
    # a truce" among them): "what else" gets no quote again, and says so
    assert "declaration of a truce" in warning["answer"]
    assert more["answer"] == "The article doesn't say more than what was already quoted."
    assert more["abstained"] and more["citations"] == []
    assert "Zelensky" in zelensky["resolved_question"]
    assert "We will definitely win" in zelensky["answer"]
    # After /reset nobody is "he": the bot asks for a name instead of guessing.
    assert orphan["abstained"] and orphan["citations"] == []


def test_follow_ups_that_are_fragments_or_mean_a_possession_or_a_role_or_start_with_and(
    qabot: Run,
) -> None:
    script = [
        "Who issued the arrest warrant?",
        "For whom?",
        "Why?",
        "/reset",
        "Tell me about China's proposal.",
        "Who undermined it?",
        "/reset",
        "Who is Peskov?",
        "Who does he work for?",
        "/reset",
        "What did Lukashenko propose?",
        "And how did the Kremlin react to it?",
    ]
    result = qabot("repl", "--json", stdin="\n".join(script) + "\n")
    assert result.returncode == 0, result.stderr
    issued, whom, why, proposal, undermined, peskov, employer, truce, reaction = answers_of(
        result.stdout
    )
    assert "International Criminal Court" in issued["answer"]
    assert "arrest warrant" in whom["resolved_question"] and "Putin" in whom["answer"]
    # "Why?" after "For whom?" is about the warrant, not about "For whom?".
    assert why["resolved_question"] == "Why: Who issued the arrest warrant?"
    assert "war crimes" in why["answer"]
    assert "undermined" in proposal["answer"]
    assert "China's proposal" in undermined["resolved_question"]
    assert "Ukrainian lawmakers" in undermined["answer"]
    assert "Kremlin spokesperson" in peskov["answer"]
    assert not employer["abstained"] and "Kremlin spokesperson" in employer["answer"]
    # "And <a question>" is that question, not "what about <it>?".
    assert "truce" in truce["answer"]
    assert reaction["resolved_question"].startswith("How did the Kremlin react to")
    assert "dismissed" in reaction["answer"]


def test_odd_lines_get_an_error_object_and_the_session_goes_on(qabot: Run) -> None:
    script = ["???", "/nonsense", "", "x" * 5000, "What did Zelensky promise?", "/quit", "Ignored?"]
    result = qabot("repl", "--json", stdin="\n".join(script) + "\n")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    first, long_one, promise = answers_of(result.stdout)
    assert first["question"] == "???" and "error" in first
    # 5,000 letters of nothing: a plain abstention that does not repeat the line back.
    assert long_one["abstained"] and long_one["citations"] == []
    assert "xxxxxxxxxx" not in long_one["answer"]
    assert "defeat Putin's troops" in promise["answer"]


def test_text_repl_answers_and_shows_sources(qabot: Run) -> None:
    result = qabot("repl", stdin="What happened in Bucha?\n/sources\n/help\n")
    assert result.returncode == 0, result.stderr
    assert "alleged war crimes" in result.stdout
    assert result.stdout.count("¶10") == 2  # once under the answer, once for /sources
    assert "/reset" in result.stdout


def test_questions_about_the_article_itself_and_uncounted_numbers(qabot: Run) -> None:
    script = [
        "What is this article about?",
        "What does the article say about Bucha?",
        "How many troops does Russia have in Ukraine?",
        "Что сказал Песков?",
    ]
    result = qabot("repl", "--json", stdin="\n".join(script) + "\n")
    assert result.returncode == 0, result.stderr
    about, bucha, troops, russian = json_lines(result.stdout)
    assert about["citations"][0]["paragraph"] == 1, "a news story's summary is its lede"
    assert all("Bucha" in c["quote"] for c in bucha["citations"]) and bucha["citations"]
    # The article has a number (a 13-month-old war) but none that counts troops.
    assert troops["abstained"] and troops["citations"] == []
    assert "error" not in russian and russian["abstained"]


def test_a_chat_line_with_a_name_spelled_otherwise_gets_the_answer(qabot: Run) -> None:
    script = ["hey what did Zelenskyy promise lol", "What did Lukashenka propose?"]
    result = qabot("repl", "--json", stdin="\n".join(script) + "\n")
    assert result.returncode == 0, result.stderr
    promise, proposal = json_lines(result.stdout)
    assert promise["resolved_question"] == "hey what did Zelensky promise lol", promise
    assert any("renewed his promise" in c["quote"] for c in promise["citations"]), promise
    assert proposal["resolved_question"] == "What did Lukashenko propose?", proposal
    assert any("called for a" in c["quote"] for c in proposal["citations"]), proposal


def test_a_conversation_never_imports_langchain(qabot: Run) -> None:
    script = "What did Peskov say?\nWho is he?\n"
    result = qabot("repl", "--json", stdin=script, PYTHONPROFILEIMPORTTIME="1")
    assert result.returncode == 0, result.stderr
    answers = answers_of(result.stdout)
    assert len(answers) == 2 and "spokesperson" in answers[1]["answer"]
    imported = imported_packages(result.stderr)
    assert {"chromadb", "onnxruntime"} <= imported
    assert not set(LANGCHAIN) & imported, sorted(set(LANGCHAIN) & imported)
