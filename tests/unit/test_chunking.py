"""Chunks fit the embedding model's window and point exactly into the cleaned article."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from retrieval.bench.run import synthetic_article
from retrieval.constants import BUNDLED_ARTICLE, MAX_CHUNK_TOKENS
from retrieval.index.embeddings import count_tokens
from retrieval.ingest import chunking
from retrieval.ingest.chunking import (
    SentenceRecord,
    _windows,
    build_chunks,
    iter_chunks,
    read_sentences,
)
from retrieval.ingest.loader import load_article
from retrieval.ingest.sentences import is_one_sentence, segmented, split_sentences


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


def test_skipping_pysbd_for_one_sentence_paragraphs_changes_no_span() -> None:
    rng = random.Random(7)
    paragraphs = [p.text for p in load_article(BUNDLED_ARTICLE).paragraphs]
    paragraphs += [p for n in range(200) for p in synthetic_article(n, rng).split("\n\n")]
    paragraphs += [
        "  Padded one.  ",
        "No full stop",
        "He left.”",
        "Is it over?)",
        "U.S. aid is 2.5bn.",
    ]
    skipped = [text for text in paragraphs if is_one_sentence(text)]
    assert len(skipped) > len(paragraphs) / 2
    assert not is_one_sentence("U.S. aid is 2.5bn.") and not is_one_sentence("One. Two.")
    for text in skipped:
        assert split_sentences(text, 5) == segmented(text, 5), text


def test_a_closing_quote_stays_with_its_sentence() -> None:
    text = 'Asked why, he said: "Why not?” She left. “Really!” he added.'
    assert [span.text for span in split_sentences(text)] == [
        'Asked why, he said: "Why not?”',
        "She left.",
        "“Really!” he added.",
    ]
    for span in split_sentences(text, 100):
        assert text[span.start - 100 : span.end - 100] == span.text


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # an attribution alone after a quoted question or exclamation belongs to the quote
        (
            "“Who would notice it, right?” Sanborn said. “Nobody.”",
            ["“Who would notice it, right?” Sanborn said.", "“Nobody.”"],
        ),
        (
            "“Why not us?” she asked Tuesday. The vote is next week.",
            ["“Why not us?” she asked Tuesday.", "The vote is next week."],
        ),
        (
            "“We will be back!” said Marco Villa, the firm’s chief operating officer. It rained.",
            [
                "“We will be back!” said Marco Villa, the firm’s chief operating officer.",
                "It rained.",
            ],
        ),
        # a sentence of its own after the quote is not an attribution
        (
            "“Was it worth it?” Lee said the answer was no.",
            ["“Was it worth it?”", "Lee said the answer was no."],
        ),
        ("“Is it over?” The crowd left.", ["“Is it over?”", "The crowd left."]),
        # after a quote ending in a full stop nothing is joined
        ("“It is over.” Lee said.", ["“It is over.”", "Lee said."]),
        # a quote closing a quote inside it: "... helpful attention,’ ” Hege said."
        (
            "“My first thought was, ‘Oh no, not again,’ ” Hege said. “Then I read it.”",
            ["“My first thought was, ‘Oh no, not again,’ ” Hege said.", "“Then I read it.”"],
        ),
        (
            "“He told us, ‘Believe in yourselves!’ ” said Tom Ray, the team’s captain. We won.",
            [
                "“He told us, ‘Believe in yourselves!’ ” said Tom Ray, the team’s captain.",
                "We won.",
            ],
        ),
        # a state's abbreviation after a lawmaker's party ends no sentence (fact check, politics)
        (
            "Rep. David Lee, R-W.Va., visited the border. He left.",
            ["Rep. David Lee, R-W.Va., visited the border.", "He left."],
        ),
        (
            "Sen. Ann Ray, D-N.Y.; her aide said no. It rained.",
            ["Sen. Ann Ray, D-N.Y.; her aide said no.", "It rained."],
        ),
        # a quotation opened with a straight mark and closed with a curly one, or the other way
        # (a rescue, a match report): one quotation all the same
        (
            '"Police! Open the door!” an officer shouts. They went in.',
            ['"Police! Open the door!” an officer shouts.', "They went in."],
        ),
        (
            '“We were lucky. Very lucky!" the coach said. Fans cheered.',
            ['“We were lucky. Very lucky!" the coach said.', "Fans cheered."],
        ),
        # an attribution with when, where or to whom after a quoted exclamation (politics, a
        # press conference)
        (
            "“He has done a wonderful job!” Trump tweeted before Election Day. “Vote!”",
            ["“He has done a wonderful job!” Trump tweeted before Election Day.", "“Vote!”"],
        ),
        (
            "“Are we ready?” she told reporters in Dallas. Then she left.",
            ["“Are we ready?” she told reporters in Dallas.", "Then she left."],
        ),
        # straight marks that pair up are left as they are
        (
            '"Hey, here she is. Got her!" an officer said. "We got her."',
            ['"Hey, here she is. Got her!" an officer said.', '"We got her."'],
        ),
    ],
)
def test_a_sentence_ends_where_a_reader_would_end_it(text: str, sentences: list[str]) -> None:
    found = split_sentences(text, 7)
    assert [span.text for span in found] == sentences
    for span in found:
        assert text[span.start - 7 : span.end - 7] == span.text


def test_tokens_are_counted_not_padded_or_cut() -> None:
    # The model's tokenizer.json pads and truncates to 128 pieces; a count must do neither.
    assert count_tokens("Russia has denied the accusations.") == 6
    assert count_tokens("word " * 400) == 400


def test_short_sentences_of_a_paragraph_share_a_chunk() -> None:
    chunks = build_chunks(load_article(BUNDLED_ARTICLE))
    bucha = next(chunk for chunk in chunks if chunk.text.startswith("Bucha was the site"))
    assert len(bucha.sentences) == 3
    assert bucha.text.endswith("Russia has denied the accusations.")


def counted_groups(records: list[SentenceRecord]) -> list[list[SentenceRecord]]:
    """Consecutive records, as many to a group as fit, every one's word pieces counted."""
    groups: list[list[SentenceRecord]] = []
    budget = 0
    for record in records:
        tokens = count_tokens(record.embedding_text) + 1
        if groups and budget + tokens <= MAX_CHUNK_TOKENS:
            groups[-1].append(record)
            budget += tokens
        else:
            groups.append([record])
            budget = tokens
    return groups


@pytest.mark.parametrize(
    ("texts", "context"),
    [
        ([], ""),
        (["A short sentence."] * 5, ""),  # all fit by their characters: nothing counted
        (["The council met on Tuesday to review the budget."] * 40, ""),
        (["word " * 200, "word " * 60, "Short one.", "word " * 250], ""),
        # accents: the tokenizer splits them, so characters bound nothing and pieces are counted
        (["Café naïve résumé, São Paulo’s Zürich-based coöperative."] * 30, ""),
        (["She said the talks would go on.", "Her focus is the economy."] * 25, "Maria Lopez"),
        ([f"Crate {k} held {k * 7} amber lamps." for k in range(300)], ""),
    ],
)
def test_sentences_are_grouped_as_counting_every_word_piece_would(
    texts: list[str], context: str
) -> None:
    records = [SentenceRecord(text, {"n": k}, context) for k, text in enumerate(texts)]
    assert list(_windows(iter(records))) == counted_groups(records)


def test_a_long_paragraph_gives_its_first_chunk_before_reading_its_other_sentences(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "one-paragraph.txt"
    sentences = [f"Inspector {k} counted {k * 3} crates at the northern dock." for k in range(600)]
    path.write_text(" ".join(sentences) + "\n", encoding="utf-8")  # no headline: one paragraph
    article = load_article(path)
    reading = read_sentences(article)
    made = 0

    class CountedSentence(SentenceRecord):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            nonlocal made
            made += 1

    monkeypatch.setattr(chunking, "SentenceRecord", CountedSentence)
    chunks = iter_chunks(article, reading)
    first = next(chunks)
    assert len(article.paragraphs) == 1 and 1 < len(first.sentences) < 100
    assert made == len(first.sentences) + 1  # the sentence that did not fit in it
    rest = list(chunks)
    assert made == 600
    assert [first, *rest] == build_chunks(article)


@pytest.mark.parametrize(
    ("paragraphs", "sentence", "names"),
    [
        # a word opening a quotation, written lowercase elsewhere, names no one
        (
            [
                "The researchers were given grants.",
                "“Given our findings, we should act,” Martins said.",
            ],
            "“Given our findings",
            {"Martins"},
        ),
        (
            ["Many teachers rallied.", "Teachers chanted as Holcomb left the Statehouse."],
            "Teachers chanted",
            {"Holcomb", "Statehouse"},
        ),
        # a name opening the sentence stays one, as does a word never written lowercase
        (
            ["The guard scored.", "LeBron James had ten assists, and Davis scored."],
            "LeBron James had",
            {"LeBron James", "Davis"},
        ),
        (
            ["The Wild won.", "Parise scored twice for Minnesota."],
            "Parise scored",
            {"Parise", "Minnesota"},
        ),
    ],
)
def test_a_plain_word_opening_a_sentence_is_no_name(
    tmp_path: Path, paragraphs: list[str], sentence: str, names: set[str]
) -> None:
    path = tmp_path / "story.txt"
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    records = [r for chunk in build_chunks(load_article(path)) for r in chunk.sentences]
    (record,) = [r for r in records if r.text.startswith(sentence)]
    assert set(record.metadata["mentions"].split("|")) - {""} == names


@pytest.mark.parametrize(
    ("headline", "body"),
    [
        # a slogan in single quotation marks: its full stops end no sentence
        (
            "‘Meth. We’re on it.’: Spokane ad agencies divided on South Dakota’s viral campaign",
            "South Dakota’s awareness campaign has faced backlash since Monday.",
        ),
        ("Wild beat Sabres 4-1. Parise scores twice", "Zach Parise scored twice on Tuesday."),
        ("‘We had some issues,’ exec says on Disney+ glitches", "Disney+ launched last week."),
    ],
)
def test_a_headline_is_one_sentence(tmp_path: Path, headline: str, body: str) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f"{headline}\n\n{body}\n", encoding="utf-8")
    records = [r for chunk in build_chunks(load_article(path)) for r in chunk.sentences]
    assert records[0].text == headline
    assert records[1].text == body
