"""Chunks fit the embedding model's window and point exactly into the cleaned article."""

from __future__ import annotations

from pathlib import Path

from retrieval.constants import BUNDLED_ARTICLE, MAX_CHUNK_TOKENS
from retrieval.embeddings import count_tokens
from retrieval.ingest import build_chunks
from retrieval.loader import load_article


def test_no_chunk_exceeds_the_model_window_even_for_a_run_on_paragraph(tmp_path: Path) -> None:
    sentence = "The committee, which met for the third time this year, reviewed the budget"
    run_on = ", and ".join([sentence] * 40) + ". " + "A short closing sentence follows."
    path = tmp_path / "long.txt"
    path.write_text(f"{run_on}\n\nA second paragraph.\n", encoding="utf-8")
    article = load_article(path)
    chunks = build_chunks(article)
    assert len(chunks) > 2
    for chunk in chunks:
        assert count_tokens(chunk.text) <= MAX_CHUNK_TOKENS
        start, end = chunk.metadata["start"], chunk.metadata["end"]
        assert article.text[start:end] == chunk.text
        for sentence_record in chunk.sentences:
            s, e = sentence_record.metadata["start"], sentence_record.metadata["end"]
            assert article.text[s:e] == sentence_record.text


def test_page_furniture_is_removed_and_the_author_note_kept() -> None:
    article = load_article(BUNDLED_ARTICLE)
    assert "Voice is AI-generated" not in article.text
    assert "Read more" not in article.text
    assert "Fatma Khaled is a Newsweek weekend reporter" in article.text
    assert article.paragraphs[0].text.startswith("The Kremlin on Friday dismissed")


def test_chunk_ids_depend_only_on_content() -> None:
    first = [c.id for c in build_chunks(load_article(BUNDLED_ARTICLE))]
    second = [c.id for c in build_chunks(load_article(BUNDLED_ARTICLE))]
    assert first == second
    assert len(set(first)) == len(first)
