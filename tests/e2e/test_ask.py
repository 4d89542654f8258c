"""`qabot ask`: cited answers whose quotes a reader can find in the article."""

from __future__ import annotations

import json

from conftest import LANGCHAIN, Run, assert_quotes_are_the_articles, imported_packages


def test_peskov_answer_cites_both_of_his_statements_verbatim(qabot: Run) -> None:
    result = qabot("ask", "What did Peskov say?", "--json")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1, "exactly one JSON object on stdout"
    answer = json.loads(lines[0])
    assert answer["question"] == "What did Peskov say?"
    assert not answer["abstained"]
    assert "nothing is changing in the context of Ukraine" in answer["answer"]
    assert "The special military operation is continuing" in answer["answer"]
    assert set(answer["timings_ms"]) >= {"retrieve", "answer", "total"}

    assert_quotes_are_the_articles(answer)
    numbers = [c["n"] for c in answer["citations"]]
    # markers appear in the text in the order of their numbers
    positions = [answer["answer"].index(f"[{n}]") for n in numbers]
    assert positions == sorted(positions)
    cited_paragraphs = {c["paragraph"] for c in answer["citations"]}
    assert {2, 4} <= cited_paragraphs


def test_question_the_article_does_not_answer_abstains_without_citations(qabot: Run) -> None:
    result = qabot("ask", "What did Joe Biden say?", "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["abstained"] is True
    assert answer["citations"] == []
    assert "doesn't" in answer["answer"]


def test_a_point_said_in_other_words_is_answered_and_one_never_said_is_not(qabot: Run) -> None:
    # The article: Xi Jinping "displayed a sense of unity with Putin ... during his recent visit".
    shown = json.loads(qabot("ask", "What did Xi Jinping show during his trip?", "--json").stdout)
    assert not shown["abstained"], shown
    assert "displayed a sense of unity" in shown["citations"][0]["quote"]
    assert_quotes_are_the_articles(shown)
    # The visit is in the sentence, a signing is not: every point must be there.
    signed = json.loads(qabot("ask", "What did Xi Jinping sign during his trip?", "--json").stdout)
    assert signed["abstained"] is True, signed


def test_a_who_answer_without_a_named_doer_has_no_lead(qabot: Run) -> None:
    # "its proposal was undermined by Ukrainian lawmakers after Chinese President Xi Jinping
    # displayed ...": the nearest name is not the one who undermined it.
    answer = json.loads(qabot("ask", "Who undermined China's proposal?", "--json").stdout)
    assert answer["answer"].startswith("In a similar attempt"), answer


def test_a_capital_named_for_its_government_is_its_country(qabot: Run) -> None:
    # The article names Belarus, never Minsk; Moscow only as the place Xi Jinping visited.
    asked = "How did Moscow react to Minsk's suggestion of negotiations with Kyiv?"
    reacted = json.loads(qabot("ask", asked, "--json").stdout)
    assert not reacted["abstained"], reacted
    assert any("dismissed a proposal" in c["quote"] for c in reacted["citations"]), reacted
    place = json.loads(qabot("ask", "What happened in Minsk?", "--json").stdout)
    assert place["abstained"] is True and place["citations"] == [], place


def test_what_someone_said_on_a_topic_they_put_in_other_words(qabot: Run) -> None:
    # Zelensky: "The battle for the foundation of the free world is taking place on Ukrainian
    # land." Read in their sentences, "fight" is "battle" and "soil" is "land".
    fight = json.loads(
        qabot("ask", "What did Zelensky say about the fight on Ukrainian soil?", "--json").stdout
    )
    assert not fight["abstained"], fight
    assert any("taking place on Ukrainian land" in c["quote"] for c in fight["citations"]), fight
    assert_quotes_are_the_articles(fight)
    wife = json.loads(qabot("ask", "What did Zelensky say about his wife?", "--json").stdout)
    assert wife["abstained"] is True and wife["citations"] == [], wife


def test_someone_mentioned_but_never_quoted_is_not_given_words(qabot: Run) -> None:
    # Putin is named in the article, but nothing he said is reported.
    answer = json.loads(qabot("ask", "What did Putin say?", "--json").stdout)
    assert answer["abstained"] is True
    assert answer["citations"] == []


def test_text_output_shows_markers_and_numbered_sources(qabot: Run) -> None:
    result = qabot("ask", "Who wrote the article?")
    assert result.returncode == 0, result.stderr
    assert "Fatma Khaled" in result.stdout
    assert "[1]" in result.stdout
    assert "Sources" in result.stdout
    assert "¶14" in result.stdout
    assert "Read more" not in result.stdout


def test_answering_never_imports_langchain(qabot: Run) -> None:
    result = qabot("ask", "What did Peskov say?", "--json", PYTHONPROFILEIMPORTTIME="1")
    assert result.returncode == 0, result.stderr
    assert "nothing is changing" in json.loads(result.stdout)["answer"]
    imported = imported_packages(result.stderr)
    assert {"chromadb", "onnxruntime"} <= imported, "the measurement sees the question path"
    assert not set(LANGCHAIN) & imported, sorted(set(LANGCHAIN) & imported)


def test_later_questions_score_keywords_without_importing_bm25s(qabot: Run) -> None:
    # The first question after an ingest builds BM25 (with bm25s, which imports SciPy) and saves
    # it beside the index; the next process reads the saved scores and needs numpy only.
    first = qabot("ask", "What did Peskov say?", PYTHONPROFILEIMPORTTIME="1")
    assert first.returncode == 0, first.stderr
    assert "bm25s" in imported_packages(first.stderr)
    later = qabot("ask", "What did Lukashenko propose?", "--json", PYTHONPROFILEIMPORTTIME="1")
    assert later.returncode == 0, later.stderr
    assert "truce" in json.loads(later.stdout)["answer"]
    assert not {"bm25s", "scipy"} & imported_packages(later.stderr)
