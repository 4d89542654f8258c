"""An index that lasts: never lost silently, repaired from its own texts, one writer at a time,
fresh answers while another process ingests, and a warning after an ingest that was killed."""

from __future__ import annotations

import json
import queue
import random
import shutil
import sqlite3
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import pytest
from conftest import (
    COMMAND_TIMEOUT_S,
    QABOT,
    Qabot,
    Run,
    chunks_held_at_writes,
    qabot_env,
    run_qabot,
)
from fake_discord import FakeDiscord
from test_chroma_server import free_port
from test_discord import MENTION, BotProcess, assert_alive, new_member, start_bot, text_of
from test_faults import ChromaServer

from retrieval.engine import make_engine
from retrieval.index.chroma import DATABASE_FILE
from retrieval.index.vector_files import vector_file_damage
from retrieval.ingest import chunking, relayout
from retrieval.settings import Settings

pytestmark = pytest.mark.fault

# Chroma writes a collection's vector index to disk once it holds 1,000 vectors (its
# `hnsw:sync_threshold`); below that the vectors sit in its database's log, and deleting the
# vector files loses nothing. Enough articles of four one-sentence paragraphs to pass it.
MANY_ARTICLES = 270
# Each written article is a headline (paragraph 0) and four paragraphs, a chunk each.
CHUNKS_PER_ARTICLE = 5
FIRST_NAMES = ["Ada", "Bruno", "Clara", "Dario", "Elena", "Farid", "Greta", "Hugo", "Irene"]
FIRST_NAMES += ["Jonas", "Kira", "Lionel", "Marta", "Nils", "Olga", "Pavel", "Rosa", "Sami"]
LAST_NAMES = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Ferreira", "Novak", "Haddad"]
LAST_NAMES += ["Kowalski", "Brennan", "Castillo", "Ibsen", "Varga", "Osei", "Petrov", "Quist"]
LAST_NAMES += ["Rahman", "Sato", "Umarov"]
TOWN_STEMS = ["Ash", "Birch", "Cedar", "Elm", "Fir", "Hazel", "Larch", "Maple", "Oak", "Pine"]
TOWN_ENDS = ["ford", "wick", "stead", "mouth", "bury", "holm", "field", "haven", "ton", "by"]
# Two short articles of several sentences to a paragraph (so sentences get vectors of their own).
ORCHARD = (
    "Orchard Festival Returns\n\n"
    "The apple orchard festival in Lindenfeld returned on Saturday after a three-year pause. "
    "About four thousand visitors came.\n\n"
    'Organiser Tomas Berg said the harvest was "the best in a decade." '
    "He thanked the volunteers who ran the stalls.\n\n"
    "The festival will be held again next autumn, the town said.\n"
)
HARBOUR = (
    "Harbour Plan Approved\n\n"
    "The city council of Port Avel approved the harbour expansion on Tuesday after a long "
    "debate. The vote was seven to two.\n\n"
    'Mayor Ines Duarte said the project would create "hundreds of jobs within two years." '
    "She added that work would start in March.\n\n"
    "Critics, led by the fishermen's union, warned that dredging would harm the oyster beds.\n"
)


def mayor(number: int) -> str:
    """A name of its own for each number below 18 * 18 = 324."""
    row, column = divmod(number, len(FIRST_NAMES))
    return f"{FIRST_NAMES[column]} {LAST_NAMES[row % len(LAST_NAMES)]}"


def town(number: int) -> str:
    return TOWN_STEMS[number % 10] + TOWN_ENDS[number // 10 % 10] + str(number // 100 or "")


def article_name(number: int, topic: str) -> str:
    return f"{town(number).lower()}-{topic}.txt"


def write_articles(folder: Path, count: int, topic: str, first: int = 0) -> Path:
    """`count` short articles about `topic`, each with its own town and mayor."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(first, first + count):
        place = town(number)
        (folder / article_name(number, topic)).write_text(
            f"{place} Approves a New {topic.title()}\n\n"
            f"The council of {place} approved a new {topic} on Tuesday after a debate of "
            f"{number % 7 + 2} hours.\n\n"
            f'Mayor {mayor(number)} said the {topic} would "serve {place} for fifty years."\n\n'
            f"The project will cost {number % 40 + 3} million dollars, officials said.\n\n"
            f"Residents of {place} had asked for the {topic} since the flood of {1950 + number}.\n",
            encoding="utf-8",
        )
    return folder


def small_articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "orchard.txt").write_text(ORCHARD, encoding="utf-8")
    (folder / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    return folder


def start_qabot(
    args: list[str], *, chroma: Path, cwd: Path, stdin: int = subprocess.DEVNULL, **extra: str
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [QABOT, *args],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
        env=qabot_env(chroma, **extra),
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    """The single `qabot: error:` line a failed command printed, and nothing else."""
    assert result.returncode != 0, result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("qabot: error:"), result.stderr
    return lines[0]


def answer(run: Run, question: str) -> dict:
    result = run("ask", question, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def cites(reply: dict, file_name: str) -> bool:
    return not reply["abstained"] and any(
        Path(c["source"]).name == file_name for c in reply["citations"]
    )


def missing_vectors(chroma: Path) -> dict[str, int]:
    """How many records of each qabot collection have no vector Chroma can read back."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    client = chromadb.PersistentClient(
        path=str(chroma), settings=ChromaSettings(anonymized_telemetry=False)
    )
    missing = {}
    try:
        for name in ("qabot_chunks", "qabot_sentences"):
            collection = client.get_collection(name)
            ids = collection.get(include=[])["ids"]
            missing[name] = 0
            for first in range(0, len(ids), 500):
                page = ids[first : first + 500]
                try:
                    collection.get(ids=page, include=["embeddings"])
                except Exception:  # one missing vector fails the page: count them one by one
                    for one in page:
                        try:
                            collection.get(ids=[one], include=["embeddings"])
                        except Exception:
                            missing[name] += 1
    finally:
        client.close()
    return missing


def chunk_count(chroma: Path) -> int:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    client = chromadb.PersistentClient(
        path=str(chroma), settings=ChromaSettings(anonymized_telemetry=False)
    )
    try:
        return client.get_collection("qabot_chunks").count()
    finally:
        client.close()


def vector_folders(chroma: Path) -> list[Path]:
    """Chroma's vector-index folders: one per collection part, named by a UUID."""
    return sorted(p for p in chroma.iterdir() if p.is_dir() and p.name.count("-") == 4)


@pytest.fixture
def user_qabot(tmp_path: Path) -> Iterator[tuple[Run, Path, Path]]:
    """`qabot` over an index of the user's own two articles (not the bundled one)."""
    chroma, docs = tmp_path / "chroma", small_articles(tmp_path / "docs")

    def run(*args: str, stdin: str | None = None, **extra: str) -> subprocess.CompletedProcess:
        return run_qabot(list(args), chroma=chroma, cwd=tmp_path, stdin=stdin, **extra)

    built = run("ingest", str(docs), "--json")
    assert built.returncode == 0, built.stderr
    yield run, chroma, docs


@pytest.fixture(scope="module")
def many_articles_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """An index of MANY_ARTICLES articles, its vectors on disk; built once, copied per test."""
    folder = tmp_path_factory.mktemp("many")
    docs = write_articles(folder / "docs", MANY_ARTICLES, "bridge")
    result = run_qabot(["ingest", str(docs), "--json"], chroma=folder / "chroma", cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder / "chroma", docs


def test_a_truncated_database_is_reported_and_never_replaced_by_the_bundled_article(
    user_qabot: tuple[Run, Path, Path],
) -> None:
    run, chroma, docs = user_qabot
    (chroma / "chroma.sqlite3").write_bytes(b"")
    parts = vector_folders(chroma)

    for command in (["ask", "What did Tomas Berg say?"], ["ingest", str(docs)], ["ingest"]):
        error = one_line_error(run(*command))
        assert "chroma.sqlite3" in error and "--rebuild" in error
        assert (chroma / "chroma.sqlite3").stat().st_size == 0  # not rebuilt, nothing deleted
        assert vector_folders(chroma) == parts

    rebuilt = run("ingest", "--rebuild", str(docs))
    assert rebuilt.returncode == 0, rebuilt.stderr
    kept = [p for p in chroma.parent.iterdir() if p.name.startswith("chroma.old-")]
    assert len(kept) == 1 and (kept[0] / "chroma.sqlite3").stat().st_size == 0
    assert str(kept[0]) in rebuilt.stderr
    assert cites(answer(run, "What did Tomas Berg say?"), "orchard.txt")
    peskov = answer(run, "What did Peskov say?")
    assert not any("bundled" in c["source"] for c in peskov["citations"])


def test_an_emptied_index_is_reported_and_never_refilled_with_the_bundled_article(
    user_qabot: tuple[Run, Path, Path],
) -> None:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    run, chroma, docs = user_qabot
    client = chromadb.PersistentClient(
        path=str(chroma), settings=ChromaSettings(anonymized_telemetry=False)
    )
    chunks = client.get_collection("qabot_chunks")
    chunks.delete(ids=chunks.get(include=[])["ids"])
    client.close()

    error = one_line_error(run("ask", "What did Peskov say?"))
    assert "holds no articles" in error and "qabot ingest" in error
    assert chunk_count(chroma) == 0  # the bundled article was not put in their place

    again = run("ingest", str(docs))
    assert again.returncode == 0, again.stderr
    assert "held articles" in again.stderr  # said, not silent
    assert cites(answer(run, "What did Ines Duarte say?"), "harbour.txt")


def copied(built: Path, tmp_path: Path) -> Path:
    """A copy of a built index, to damage or change: its folder."""
    chroma = tmp_path / "chroma"
    shutil.copytree(built, chroma)
    return chroma


def runner(chroma: Path, cwd: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """`run("ask", ...)`: a qabot command on that index, from `cwd`."""
    return lambda *args: run_qabot(list(args), chroma=chroma, cwd=cwd)


def test_lost_vector_files_are_reported_then_computed_again_by_ingest(
    tmp_path: Path, many_articles_index: tuple[Path, Path]
) -> None:
    built, docs = many_articles_index
    chroma = copied(built, tmp_path)

    run = runner(chroma, tmp_path)

    for part in vector_folders(chroma):
        shutil.rmtree(part)
    question = f"What did Mayor {mayor(7)} say?"
    error = one_line_error(run("ask", question))
    assert "vectors" in error and "qabot ingest --repair" in error

    repaired = run("ingest", str(docs), "--json")
    assert repaired.returncode == 0, repaired.stderr
    report = json.loads(repaired.stdout)
    assert report["repaired"] == report["unchanged"] == MANY_ARTICLES * CHUNKS_PER_ARTICLE
    assert missing_vectors(chroma) == {"qabot_chunks": 0, "qabot_sentences": 0}
    reply = answer(run, question)
    assert cites(reply, article_name(7, "bridge")), reply
    again = json.loads(run("ingest", str(docs), "--json").stdout)
    assert "repaired" not in again and again["embedded"] == 0


def garble(chroma: Path, name: str) -> list[str]:
    """Overwrite each vector folder's file `name` with random bytes of its size; the folders."""
    garbage = random.Random(14)
    damaged = []
    for part in vector_folders(chroma):
        for file in part.glob(name):
            file.write_bytes(garbage.randbytes(file.stat().st_size))
            damaged.append(part.name)
    assert damaged
    return damaged


def test_vector_files_of_random_bytes_are_set_aside_and_computed_again_by_repair(
    tmp_path: Path, many_articles_index: tuple[Path, Path]
) -> None:
    # Damaged this way (the right size, garbage inside), the vector files would crash Chroma's
    # reader with a segmentation fault: a repair never reads them.
    built, _ = many_articles_index
    chroma = copied(built, tmp_path)
    damaged = garble(chroma, "data_level0.bin")

    repaired = run_qabot(["ingest", "--repair", "--json"], chroma=chroma, cwd=tmp_path)

    assert repaired.returncode == 0, repaired.stderr
    report = json.loads(repaired.stdout)
    assert report["repaired"] == MANY_ARTICLES * CHUNKS_PER_ARTICLE
    assert missing_vectors(chroma) == {"qabot_chunks": 0, "qabot_sentences": 0}
    [aside] = [p for p in tmp_path.iterdir() if p.name.startswith("chroma.damaged-vectors-")]
    assert str(aside) in repaired.stderr, "it says where the old files are kept"
    assert set(damaged) <= {kept.name for kept in aside.iterdir()}
    question = f"What did Mayor {mayor(7)} say?"
    reply = answer(runner(chroma, tmp_path), question)
    assert cites(reply, article_name(7, "bridge")), reply


def test_vector_files_of_random_bytes_stop_every_command_with_one_line_until_a_repair(
    tmp_path: Path, many_articles_index: tuple[Path, Path]
) -> None:
    # Chroma's reader crashed on these files with a segmentation fault (exit -11, not a word)
    # in `qabot ask`, `qabot ingest` and the Discord bot alike.
    built, docs = many_articles_index
    chroma = copied(built, tmp_path)
    garble(chroma, "data_level0.bin")

    run = runner(chroma, tmp_path)

    question = f"What did Mayor {mayor(7)} say?"
    for command in (["ask", question], ["ingest", str(docs)]):
        result = run(*command)
        assert result.returncode == 1, (result.returncode, result.stderr)
        error = one_line_error(result)
        assert "vector files" in error and "damaged" in error, error
        assert "`qabot ingest --repair`" in error, error
    fake = FakeDiscord().start()
    try:
        bot = BotProcess(fake, tmp_path)  # over the damaged index, at tmp_path / "chroma"
        code = bot.process.wait(COMMAND_TIMEOUT_S)
        bot.stop()
    finally:
        fake.stop()
    assert code == 1, (code, bot.log[-4000:])
    last = bot.log.strip().splitlines()[-1]
    assert last.startswith("qabot: error:") and "vector files" in last, bot.log[-4000:]
    assert "`qabot ingest --repair`" in last and "Traceback" not in bot.log

    repaired = run("ingest", "--repair")
    assert repaired.returncode == 0, repaired.stderr
    assert cites(answer(run, question), article_name(7, "bridge"))


def test_a_healthy_index_is_never_taken_for_damaged_around_ingests_and_questions(
    tmp_path: Path, many_articles_index: tuple[Path, Path]
) -> None:
    """Chroma writes its vector files again during an ingest (after every 1,000 changes) and
    rewrites some on reads; none of it is taken for damage, nor is an ingest writing them."""
    built, _ = many_articles_index
    chroma = copied(built, tmp_path)

    run = runner(chroma, tmp_path)

    def vector_files() -> dict[str, tuple[int, int]]:
        return {
            f"{part.name}/{file.name}": (file.stat().st_size, file.stat().st_mtime_ns)
            for part in vector_folders(chroma)
            for file in part.iterdir()
        }

    before = vector_files()
    # 200 articles of 5 chunks: past Chroma's 1,000 changes, so it writes its files again.
    more = write_articles(tmp_path / "more", 200, "library", first=MANY_ARTICLES)
    ingest = start_qabot(["ingest", str(more)], chroma=chroma, cwd=tmp_path)
    results = []
    while ingest.poll() is None:
        results.append(run("ask", f"What did Mayor {mayor(7)} say?"))
    _, stderr = ingest.communicate(timeout=COMMAND_TIMEOUT_S)
    assert ingest.returncode == 0, stderr
    assert vector_files() != before, "the ingest wrote the vector files"
    results += [run("ask", f"What did Mayor {mayor(number)} say?") for number in (7, 300, 301)]
    results.append(run("ingest", str(write_bakery(tmp_path / "bakery"))))

    for result in results:
        assert result.returncode == 0, result.stderr
        assert "damaged" not in result.stderr
    assert cites(answer(run, f"What did Mayor {mayor(300)} say?"), article_name(300, "library"))
    assert cites(answer(run, "What did Lena Holm say?"), "bakery.txt")


def journal_mode(chroma: Path) -> str:
    connection = sqlite3.connect(chroma / DATABASE_FILE)
    try:
        return connection.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        connection.close()


def answers_peskov(reply: dict) -> bool:
    return not reply["abstained"] and all("Peskov" in c["quote"] for c in reply["citations"])


def test_a_question_is_answered_while_another_program_reads_the_index(qabot: Qabot) -> None:
    """Chroma waits up to 1,000 s for a lock on its database, and every process opening the
    index writes to it: in SQLite's rollback-journal mode a program in the middle of reading
    it (an ingest, a backup, an sqlite3 shell) kept `qabot ask` waiting (a question during an
    ingest hung past 300 s in CI). An index qabot builds is in WAL mode, where it does not wait."""
    assert journal_mode(qabot.chroma) == "wal"
    reader = sqlite3.connect(qabot.chroma / DATABASE_FILE, isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM embeddings").fetchone()  # its read is under way
        reply = answer(qabot, "What did Peskov say?")
    finally:
        reader.close()
    assert answers_peskov(reply), reply


def test_an_index_of_an_older_qabot_is_put_in_wal_mode_and_keeps_its_articles(
    qabot: Qabot,
) -> None:
    connection = sqlite3.connect(qabot.chroma / DATABASE_FILE)
    connection.execute("PRAGMA journal_mode=DELETE")  # Chroma's own, which older qabots kept
    connection.close()
    assert journal_mode(qabot.chroma) == "delete"
    assert answers_peskov(answer(qabot, "What did Peskov say?"))
    assert journal_mode(qabot.chroma) == "wal"


@pytest.mark.parametrize(("trouble_s", "answered"), [(0.6, True), (None, False)])
def test_a_question_failing_while_an_ingest_writes_reads_again_after_pauses_then_gives_up(
    tmp_path: Path,
    many_articles_index: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    trouble_s: float | None,
    answered: bool,
) -> None:
    """Chroma's files, rewritten by an ingest, can fail every read for a while on a loaded
    machine: the question waits that out, within `READ_PATIENCE_S`, and then says the index
    is busy rather than giving up after three reads in a row."""
    from retrieval import engine as engine_module
    from retrieval.errors import IndexBusy
    from retrieval.pipeline import Pipeline

    built, _ = many_articles_index
    engine = make_engine(Settings(_env_file=None, QABOT_CHROMA_PATH=copied(built, tmp_path)))
    question = f"What did Mayor {mayor(7)} say?"
    untroubled = engine.ask(question)
    monkeypatch.setattr(engine_module, "READ_PATIENCE_S", 3.0)
    monkeypatch.setattr(engine, "_changing_under", lambda view: True)  # an ingest is writing
    ask = Pipeline.ask
    started = time.monotonic()

    def troubled(self: Pipeline, *args: object) -> object:
        if trouble_s is None or time.monotonic() - started < trouble_s:
            raise RuntimeError("Error loading hnsw index")  # what a half-written file gives
        return ask(self, *args)

    monkeypatch.setattr(Pipeline, "ask", troubled)
    if answered:
        reply = engine.ask(question)
        assert not reply.abstained and reply.citations
        assert (reply.text, reply.citations) == (untroubled.text, untroubled.citations)
    else:
        with pytest.raises(IndexBusy, match="kept changing under the question"):
            engine.ask(question)
        assert time.monotonic() - started >= 3.0 - engine_module.LONGEST_PAUSE_S


@pytest.mark.parametrize(
    ("file", "damage", "found"),
    [
        ("data_level0.bin", "random bytes", "links"),
        ("header.bin", "random bytes", "header"),
        ("link_lists.bin", "random bytes", "link_lists.bin"),
        ("data_level0.bin", "cut in half", "cut short"),
        ("data_level0.bin", "deleted", "missing"),
        # Chroma keeps the vectors' lengths here: garbage in them makes no crash, and no finding.
        ("length.bin", "random bytes", None),
    ],
)
def test_the_check_of_vector_files_finds_what_would_crash_chroma(
    tmp_path: Path,
    many_articles_index: tuple[Path, Path],
    file: str,
    damage: str,
    found: str | None,
) -> None:
    built, _ = many_articles_index
    chroma = copied(built, tmp_path)
    assert vector_file_damage(chroma) is None
    [part] = [p for p in vector_folders(chroma) if (p / "index_metadata.pickle").exists()]
    target = part / file
    if damage == "random bytes":
        target.write_bytes(random.Random(14).randbytes(target.stat().st_size))
    elif damage == "cut in half":
        target.write_bytes(target.read_bytes()[: target.stat().st_size // 2])
    else:
        target.unlink()

    report = vector_file_damage(chroma)

    if found is None:
        assert report is None
    else:
        assert report is not None and report.startswith(part.name) and found in report, report


def test_vector_folders_chroma_starts_anew_are_not_checked(
    tmp_path: Path, user_qabot: tuple[Run, Path, Path]
) -> None:
    """Below 1,000 vectors Chroma keeps no id map and starts a new index over the files at
    every start: garbage there crashes nothing, and is not reported."""
    run, chroma, _ = user_qabot
    garble(chroma, "*.bin")
    assert vector_file_damage(chroma) is None
    assert cites(answer(run, "What did Tomas Berg say?"), "orchard.txt")


def test_a_repair_holds_one_batch_and_one_article_of_records_at_a_time(
    tmp_path: Path, many_articles_index: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """When a batch of repaired chunks is written, the repair holds that batch and the records
    of the one article it is reading, not the whole index's (all of them were held before)."""
    built, _ = many_articles_index
    shutil.copytree(built, tmp_path / "chroma")
    engine = make_engine(Settings(_env_file=None, QABOT_CHROMA_PATH=tmp_path / "chroma"))
    writes = chunks_held_at_writes(monkeypatch, engine.stores, chunking, relayout)
    report = engine.ingest([], repair=True)

    assert report.repaired == MANY_ARTICLES * CHUNKS_PER_ARTICLE
    assert len(writes) > 1, writes  # more than one batch, or nothing would show
    assert sum(written for written, _ in writes) == report.repaired
    for written, held_then in writes:
        assert held_then <= written + CHUNKS_PER_ARTICLE, writes


def test_two_ingests_at_once_take_turns_and_lose_no_vector(tmp_path: Path) -> None:
    # Both start at once and reach the lock within a fraction of a second of each other; the
    # first then holds it for seconds (reading, chunking and embedding 600 chunks).
    bridges = write_articles(tmp_path / "bridges", 150, "bridge")
    libraries = write_articles(tmp_path / "libraries", 150, "library", first=150)
    chroma = tmp_path / "chroma"
    ingests = [
        start_qabot(["ingest", str(folder), "--json"], chroma=chroma, cwd=tmp_path)
        for folder in (bridges, libraries)
    ]
    finished = [ingest.communicate(timeout=COMMAND_TIMEOUT_S) for ingest in ingests]
    for ingest, (stdout, stderr) in zip(ingests, finished, strict=True):
        assert ingest.returncode == 0, stderr
        assert json.loads(stdout)["added"] == 150 * CHUNKS_PER_ARTICLE
    waited = [stderr for _, stderr in finished if "waiting for another qabot ingest" in stderr]
    assert len(waited) == 1, [stderr for _, stderr in finished]

    assert chunk_count(chroma) == 300 * CHUNKS_PER_ARTICLE
    assert missing_vectors(chroma) == {"qabot_chunks": 0, "qabot_sentences": 0}

    run = runner(chroma, tmp_path)

    assert cites(answer(run, f"What did Mayor {mayor(20)} say?"), article_name(20, "bridge"))
    assert cites(answer(run, f"What did Mayor {mayor(157)} say?"), article_name(157, "library"))


@pytest.mark.parametrize("attempt", range(3))
def test_several_commands_starting_on_a_new_folder_at_once_all_succeed(
    tmp_path: Path, attempt: int
) -> None:
    # Each creates the folder's database and collections unless another did first. Without a
    # lock, one in about three such starts failed with "cannot open the index (InternalError)".
    chroma = tmp_path / "chroma"
    folders = [write_articles(tmp_path / f"set{n}", 1, "ferry", first=n) for n in range(3)]
    ingests = [
        start_qabot(["ingest", str(folder), "--json"], chroma=chroma, cwd=tmp_path)
        for folder in folders
    ]
    for ingest in ingests:
        stdout, stderr = ingest.communicate(timeout=COMMAND_TIMEOUT_S)
        assert ingest.returncode == 0, stderr
        assert json.loads(stdout)["added"] > 0
    assert chunk_count(chroma) == 3 * chunk_count_of_one(tmp_path, folders[0])


def chunk_count_of_one(tmp_path: Path, folder: Path) -> int:
    chroma = tmp_path / "alone"
    result = run_qabot(["ingest", str(folder), "--json"], chroma=chroma, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return chunk_count(chroma)


class Repl:
    """`qabot repl --json` in a process of its own, asked one line at a time."""

    def __init__(self, chroma: Path, cwd: Path, **extra: str):
        self.process = start_qabot(
            ["repl", "--json"], chroma=chroma, cwd=cwd, stdin=subprocess.PIPE, **extra
        )
        self.replies: queue.Queue[str] = queue.Queue()
        self.stderr: list[str] = []
        assert self.process.stdout is not None and self.process.stderr is not None
        self.readers = [
            threading.Thread(target=self._read, args=(self.process.stdout, self.replies.put)),
            threading.Thread(target=self._read, args=(self.process.stderr, self.stderr.append)),
        ]
        for reader in self.readers:
            reader.start()

    @staticmethod
    def _read(stream: IO[str], keep: Callable[[str], None]) -> None:
        for line in stream:
            keep(line)

    def ask(self, question: str) -> dict:
        """The JSON reply to `question`, waited for (the first loads the model) with a deadline."""
        assert self.process.stdin is not None
        self.process.stdin.write(question + "\n")
        self.process.stdin.flush()
        deadline = time.monotonic() + COMMAND_TIMEOUT_S
        while time.monotonic() < deadline:
            try:
                return json.loads(self.replies.get(timeout=0.5))
            except queue.Empty:
                if self.process.poll() is not None and self.replies.empty():
                    break  # it ended without replying
        raise AssertionError(f"no reply to {question!r}: {''.join(self.stderr)}")

    def close(self) -> tuple[int, str]:
        """End the conversation (end of input) and wait for the process to exit."""
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            self.process.wait(timeout=COMMAND_TIMEOUT_S)
        finally:
            self.process.kill()  # a no-op once it has exited
        for reader in self.readers:
            reader.join(timeout=COMMAND_TIMEOUT_S)
        return self.process.returncode, "".join(self.stderr)


def write_bakery(folder: Path) -> Path:
    """An article no index of these tests holds until a test ingests it."""
    bakery = folder / "bakery.txt"
    folder.mkdir(parents=True, exist_ok=True)
    bakery.write_text(
        "Bakery Opens in Lindenfeld\n\n"
        'Baker Lena Holm said the first loaves "sold out within an hour." '
        "She plans to open a second shop next year.\n",
        encoding="utf-8",
    )
    return bakery


def test_a_running_repl_answers_from_what_another_process_ingests(
    tmp_path: Path, user_qabot: tuple[Run, Path, Path]
) -> None:
    run, chroma, docs = user_qabot
    repl = Repl(chroma, tmp_path)
    try:
        assert cites(repl.ask("What did Tomas Berg say?"), "orchard.txt")

        bakery = write_bakery(tmp_path / "more")
        assert run("ingest", str(bakery)).returncode == 0
        reply = repl.ask("What did Lena Holm say?")
        assert cites(reply, "bakery.txt") and "sold out within an hour" in reply["answer"], reply

        orchard = docs / "orchard.txt"
        orchard.write_text(
            ORCHARD.replace("the best in a decade", "the sweetest in twenty years"),
            encoding="utf-8",
        )
        assert run("ingest", str(orchard)).returncode == 0  # the old sentence's chunk is gone
        reply = repl.ask("What did Tomas Berg say?")
        assert cites(reply, "orchard.txt") and "sweetest in twenty years" in reply["answer"], reply
        assert "best in a decade" not in json.dumps(reply)
    finally:
        returncode, stderr = repl.close()
    assert returncode == 0, stderr
    assert "unexpected" not in stderr


def test_a_running_discord_bot_answers_from_what_another_process_ingests(
    tmp_path: Path, user_qabot: tuple[Run, Path, Path]
) -> None:
    run, _, docs = user_qabot
    fake = FakeDiscord().start()
    bot = start_bot(fake, tmp_path)  # over the user's index, at tmp_path / "chroma"
    try:

        def reply_to(question: str) -> str:
            asked = fake.send_message(f"{MENTION} {question}", author_id=new_member())
            return text_of(fake.replies_to(asked, timeout=COMMAND_TIMEOUT_S))

        assert "best in a decade" in reply_to("What did Tomas Berg say?")

        assert run("ingest", str(write_bakery(tmp_path / "more"))).returncode == 0
        assert "sold out within an hour" in reply_to("What did Lena Holm say?")

        orchard = docs / "orchard.txt"
        orchard.write_text(
            ORCHARD.replace("the best in a decade", "the sweetest in twenty years"),
            encoding="utf-8",
        )
        assert run("ingest", str(orchard)).returncode == 0  # the old sentence's chunk is gone
        changed = reply_to("What did Tomas Berg say?")
        assert "sweetest in twenty years" in changed and "best in a decade" not in changed
        assert_alive(bot)
    finally:
        code = bot.stop()
        fake.stop()
    assert code == 0, bot.log[-4000:]
    assert "Traceback" not in bot.log
    assert fake.problems == []


def test_a_running_repl_answers_from_what_another_client_of_its_chroma_server_ingests(
    tmp_path: Path,
) -> None:
    # Each client stands for a machine of its own: it shares the server and nothing else.
    server = ChromaServer(tmp_path / "server-data", free_port())
    server.start()
    on_server = {"QABOT_CHROMA_HOST": "127.0.0.1", "QABOT_CHROMA_PORT": str(server.port)}
    docs = small_articles(tmp_path / "docs")

    def other_machine(*args: str) -> subprocess.CompletedProcess[str]:
        elsewhere = tmp_path / "other-machine"
        elsewhere.mkdir(exist_ok=True)
        return run_qabot(list(args), chroma=elsewhere / "unused", cwd=elsewhere, **on_server)

    try:
        assert other_machine("ingest", str(docs)).returncode == 0
        repl = Repl(tmp_path / "unused", tmp_path, **on_server)
        try:
            assert cites(repl.ask("What did Tomas Berg say?"), "orchard.txt")

            assert other_machine("ingest", str(write_bakery(tmp_path / "more"))).returncode == 0
            reply = repl.ask("What did Lena Holm say?")
            assert cites(reply, "bakery.txt") and "sold out within an hour" in reply["answer"]

            orchard = docs / "orchard.txt"
            orchard.write_text(
                ORCHARD.replace("the best in a decade", "the sweetest in twenty years"),
                encoding="utf-8",
            )
            assert other_machine("ingest", str(orchard)).returncode == 0
            reply = repl.ask("What did Tomas Berg say?")
            assert cites(reply, "orchard.txt") and "sweetest in twenty years" in reply["answer"]
            assert "best in a decade" not in json.dumps(reply)
        finally:
            returncode, stderr = repl.close()
    finally:
        server.kill()
    assert returncode == 0, stderr
    assert "unexpected" not in stderr
    assert not (tmp_path / "unused").exists(), "with a server, no local index is made"


def wait_for_line(process: subprocess.Popen[str], wanted: str) -> list[str]:
    """The lines `process` writes on stderr up to one containing `wanted` (with a deadline);
    fails if it ends or the deadline passes first."""
    assert process.stderr is not None
    lines: queue.Queue[str | None] = queue.Queue()
    stderr = process.stderr

    def read() -> None:
        for line in stderr:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    seen: list[str] = []
    deadline = time.monotonic() + COMMAND_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=deadline - time.monotonic())
        except queue.Empty:
            break
        if line is None:
            break
        seen.append(line)
        if wanted in line:
            return seen
    process.kill()
    pytest.fail(f"no {wanted!r} on stderr before it ended or the deadline: {seen}")


def test_an_ingest_killed_half_way_is_warned_about_until_an_ingest_completes_it(
    tmp_path: Path,
) -> None:
    # 2,000 chunks: two batches; the process is killed as soon as it says the first is stored.
    docs = write_articles(tmp_path / "docs", 400, "bridge")
    chroma = tmp_path / "chroma"

    run = runner(chroma, tmp_path)

    ingest = start_qabot(["ingest", str(docs)], chroma=chroma, cwd=tmp_path)
    wait_for_line(ingest, "stored 1000 of 2000 chunks")
    ingest.kill()  # SIGKILL: no cleanup runs
    ingest.wait(timeout=COMMAND_TIMEOUT_S)

    asked = run("ask", f"What did Mayor {mayor(20)} say?", "--json")
    assert asked.returncode == 0, asked.stderr  # it still answers from what is there
    assert "index" in asked.stderr and "incomplete" in asked.stderr
    assert "qabot ingest" in asked.stderr
    assert json.loads(asked.stdout)["question"]  # stdout stays one JSON object

    completed = run("ingest", str(docs), "--json")
    assert completed.returncode == 0, completed.stderr
    assert "stopped before it finished" in completed.stderr
    assert json.loads(completed.stdout) == {
        "added": 1000,
        "unchanged": 1000,
        "removed": 0,
        "embedded": 1000,
    }
    assert chunk_count(chroma) == 400 * CHUNKS_PER_ARTICLE
    assert missing_vectors(chroma) == {"qabot_chunks": 0, "qabot_sentences": 0}
    again = run("ask", f"What did Mayor {mayor(20)} say?", "--json")
    assert again.returncode == 0 and "incomplete" not in again.stderr, again.stderr
