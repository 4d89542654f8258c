"""`qabot eval` on a set about several articles: scored per article, the user's index untouched."""

from __future__ import annotations

import json
import os
from pathlib import Path

from conftest import REPO, Run

# CI clones the project with the shared folder beside it, as on the machine it was built on.
ARTICLES = REPO.parent / "shared" / "articles"
NASA = ARTICLES / "nasa-clps.txt"
LAKERS = ARTICLES / "lakers-lebron.txt"


def write_set(tmp_path: Path) -> Path:
    """Two articles named relative to the set file; the last line names none (see --article).

    Two turns are built to fail: an abstention that says a forbidden word (qabot never repeats
    the question's name, so the word is one of its fixed abstention), and an answerable question
    marked unanswerable whose answer says the forbidden figure.
    """
    nasa, lakers = (os.path.relpath(path, tmp_path) for path in (NASA, LAKERS))
    starship = {
        "question": "What did Shotwell say Starship could deliver?",
        "evidence": ["100 metric tons of cargo"],
        "facts": [["100 metric tons"]],
    }
    musk = {"question": "What did Elon Musk say?", "answerable": False}
    davis = {
        "question": "How many points did Anthony Davis score?",
        "evidence": ["Anthony Davis scored 34 points"],
        "facts": [["34"]],
    }
    trap = {"answerable": False, "forbidden": ["34"]}
    lines = [
        {"id": "starship", "article": nasa, "turns": [starship, {**musk, "forbidden": ["ANYONE"]}]},
        {"id": "davis", "article": lakers, "turns": [davis]},
        {"id": "davis-trap", "article": lakers, "turns": [{**davis, **trap}]},
        {"id": "musk", "turns": [musk]},
    ]
    question_set = tmp_path / "set.jsonl"
    question_set.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return question_set


def test_a_set_about_two_articles_is_scored_per_article_in_temporary_indexes(
    empty_qabot: Run, tmp_path: Path
) -> None:
    question_set = write_set(tmp_path)
    user_index = tmp_path / "chroma"  # QABOT_CHROMA_PATH of `empty_qabot`

    result = empty_qabot("eval", str(question_set), "--article", str(NASA), "--json")

    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["index"] == "separate"
    rows = {row["article"]: row for row in scores["articles"]}
    assert list(rows) == ["nasa-clps.txt", "lakers-lebron.txt"]
    nasa, lakers = rows["nasa-clps.txt"], rows["lakers-lebron.txt"]
    assert nasa["path"] == str(NASA.resolve())
    # The line without an article went to --article's: three turns, two of them unanswerable.
    assert (nasa["turns"], nasa["answerable"], nasa["unanswerable"]) == (3, 1, 2)
    assert (lakers["turns"], lakers["answerable"], lakers["unanswerable"]) == (2, 1, 1)
    for row in (nasa, lakers):
        assert row["evidence_hit_rate"] == row["fact_rate"] == 1.0
        assert row["quote_validity"] == 1.0
        assert row["latency_p50_ms"] > 0
    # The bot abstained on Musk both times, but once it said the forbidden name.
    assert nasa["failures"] == ["said forbidden 'ANYONE': What did Elon Musk say?"]
    assert nasa["abstention_accuracy"] == 2 / 3
    assert lakers["failures"] == ["should abstain: How many points did Anthony Davis score?"]
    assert lakers["abstention_accuracy"] == 1 / 2
    assert (scores["turns"], scores["answerable"], scores["abstention_accuracy"]) == (5, 2, 3 / 5)
    assert scores["failures"] == nasa["failures"] + lakers["failures"]
    assert not user_index.exists()

    together = empty_qabot("eval", str(question_set), "--article", str(NASA), "--together")

    assert together.returncode == 0, together.stderr
    assert "all articles in one index" in together.stdout
    table = [line.split() for line in together.stdout.splitlines()]
    assert ["nasa-clps.txt", "3", "2"] in [cells[:3] for cells in table]
    assert ["lakers-lebron.txt", "2", "1"] in [cells[:3] for cells in table]
    assert ["total", "5", "3"] in [cells[:3] for cells in table]
    assert "✗ said forbidden 'ANYONE': What did Elon Musk say?" in together.stdout
    assert not user_index.exists()


def test_a_missing_article_is_one_line_naming_it(empty_qabot: Run, tmp_path: Path) -> None:
    question_set = tmp_path / "set.jsonl"
    line = {"id": "gone", "article": "nowhere/story.txt", "turns": [{"question": "Who won?"}]}
    question_set.write_text(json.dumps(line) + "\n", encoding="utf-8")
    missing_option = tmp_path / "other.txt"
    no_article = tmp_path / "plain.jsonl"
    no_article.write_text(json.dumps({**line, "article": ""}) + "\n", encoding="utf-8")

    for result, words in [
        (empty_qabot("eval", str(question_set)), ["set.jsonl:1", "nowhere/story.txt"]),
        (empty_qabot("eval", str(no_article), "--article", str(missing_option)), ["other.txt"]),
    ]:
        assert result.returncode != 0
        assert "Traceback" not in result.stderr
        lines = [text for text in result.stderr.splitlines() if text.strip()]
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith("qabot: error:")
        for word in words:
            assert word in lines[0]
    assert not (tmp_path / "chroma").exists()
