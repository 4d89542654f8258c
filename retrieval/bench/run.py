"""Benchmarks: ingest and answer speed, how they grow with the corpus, and their floors."""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from retrieval.constants import BUNDLED_ARTICLE, CHUNKS_COLLECTION, DEFAULT_EVAL_SET
from retrieval.settings import Settings

DEFAULT_SIZES = (1, 1_000, 10_000)
SEED = 20260326
# Warm latency: every question of the dev set, this many rounds, after one untimed round.
WARM_ROUNDS = 3
# Cold start: a new process to its first answer; the median of this many runs.
COLD_RUNS = 3
COLD_QUESTION = "What did Peskov say?"

Progress = Callable[[str, int, int], None]


@dataclass
class SizeResult:
    """The figures for one corpus size (the JSON `sizes` entries)."""

    docs: int
    chunks: int
    ingest_chunks_per_s: float
    encode_chunks_per_s: float
    reingest_embedded: int
    answer_p50_ms: float
    answer_p95_ms: float
    floor_p50_ms: float
    cold_start_s: float
    cold_floor_s: float
    peak_rss_mb: float


# --- A deterministic news-like corpus ---------------------------------------------------------

FIRST = "Anna Boris Carla Dmitri Elena Farid Grace Hugo Irina Jonas Kira Lars Mona Nikolai".split()
LAST = "Adler Brandt Costa Dumas Engel Fischer Gomez Horvat Ivanova Jansen Kovac Larsen".split()
ROLES = "minister spokesperson governor mayor senator ambassador economist analyst".split()
PLACES = "Velmora Ostrand Karvik Dunmere Pellago Astrava Norrland Quenby Sarovia Tiberra".split()
ORGS = (
    "the Central Bank",
    "the Harbour Authority",
    "the Energy Council",
    "the National Assembly",
    "the Farmers' Union",
    "the Transport Agency",
)
TOPICS = (
    ("budget", "spending", "the deficit"),
    ("harbour", "shipping", "the new terminal"),
    ("energy prices", "the gas supply", "winter reserves"),
    ("the election", "voter turnout", "the coalition"),
    ("rail strike", "wages", "the timetable"),
    ("drought", "the harvest", "water rationing"),
)
VERBS = "said warned argued announced insisted noted".split()


def synthetic_article(number: int, rng: random.Random) -> str:
    """One news-like article: a lede, reported speech, quotes, and a closing line."""
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    other = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    place, org = rng.choice(PLACES), rng.choice(ORGS)
    topic, detail, thing = rng.choice(TOPICS)
    figure = rng.randint(2, 97)
    paragraphs = [
        f"{org.capitalize()} in {place} on {rng.choice(['Monday', 'Tuesday', 'Friday'])} "
        f"approved a plan on {topic} after {figure} days of debate.",
        f"{rng.choice(ROLES).capitalize()} {person} {rng.choice(VERBS)} that {detail} would "
        f"change within {figure} months, while {other} {rng.choice(VERBS)} against haste.",
        f'"We cannot wait for {thing} to fix itself," {person.split()[-1]} said. '
        f'"Every week of delay costs {place} more."',
        f"Critics in {place} said the plan on {topic} ignored {thing} and {detail}.",
        f"{other} told reporters the vote on {topic} was "
        f"{rng.choice(['close', 'rushed', 'fair'])}.",
        f"Report {number}: officials will meet again next month to review {detail}.",
    ]
    rng.shuffle(paragraphs[1:5])
    return "\n\n".join(paragraphs) + "\n"


def write_corpus(folder: Path, docs: int) -> list[Path]:
    """The bundled article plus `docs - 1` synthetic ones, the same for the same size."""
    rng = random.Random(SEED)
    paths = [BUNDLED_ARTICLE]
    for number in range(1, docs):
        path = folder / f"article-{number:05d}.txt"
        path.write_text(synthetic_article(number, rng), encoding="utf-8")
        paths.append(path)
    return paths


# --- Measurements -----------------------------------------------------------------------------


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def dev_questions() -> list[str]:
    return [
        turn["question"]
        for line in DEFAULT_EVAL_SET.read_text(encoding="utf-8").splitlines()
        if line.strip()
        for turn in json.loads(line)["turns"]
    ]


def run_bench(
    sizes: Sequence[int], cold_runs: int = COLD_RUNS, progress: Progress | None = None
) -> Iterator[SizeResult]:
    """Measure every size in turn, each in its own temporary corpus and index."""
    for docs in sizes:
        with tempfile.TemporaryDirectory(prefix="qabot-bench-") as scratch:
            yield measure_size(Path(scratch), docs, cold_runs, progress)


def measure_size(scratch: Path, docs: int, cold_runs: int, progress: Progress | None) -> SizeResult:
    from retrieval.engine import make_engine
    from retrieval.ingest.chunking import build_chunks
    from retrieval.ingest.loader import load_article
    from retrieval.ingest.run import expand_paths

    def note(step: str, done: int = 0, total: int = 0) -> None:
        if progress:
            progress(f"{docs} docs: {step}", done, total)

    corpus = scratch / "corpus"
    corpus.mkdir()
    note("writing the corpus")
    paths = write_corpus(corpus, docs)
    settings = Settings(QABOT_CHROMA_PATH=scratch / "index")
    engine = make_engine(settings)

    # The encode floor below runs on a warm model; so does ingest (a first pass costs extra).
    engine.embeddings.embed_query("warm-up")
    note("ingesting")
    started = time.perf_counter()
    engine.ingest(paths)
    ingest_s = time.perf_counter() - started
    chunks = engine.stores.count(CHUNKS_COLLECTION)
    reingest = engine.ingest(paths)

    note("encoding the same chunks alone")
    texts = [c.text for p in expand_paths(paths) for c in build_chunks(load_article(p))]
    started = time.perf_counter()
    engine.embeddings.embed_documents(texts)
    encode_s = time.perf_counter() - started

    questions = dev_questions()
    for question in questions:  # warm-up round, untimed
        engine.ask(question)
    answer_ms, floor_ms = [], []
    for round_number in range(WARM_ROUNDS):
        note("answering, warm", round_number, WARM_ROUNDS)
        for question in questions:
            started = time.perf_counter()
            engine.ask(question)
            answer_ms.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            vector = engine.embeddings.embed_query(question)
            engine.stores.chunks.similarity_search_by_vector_with_relevance_scores(vector, 8)
            floor_ms.append((time.perf_counter() - started) * 1000)

    note("cold starts")
    cold = [_run_child(["ask", COLD_QUESTION, "--json"], settings) for _ in range(cold_runs)]
    floor = [_run_floor() for _ in range(cold_runs)]
    return SizeResult(
        docs=docs,
        chunks=chunks,
        ingest_chunks_per_s=chunks / ingest_s,
        encode_chunks_per_s=len(texts) / encode_s,
        reingest_embedded=reingest.embedded,
        answer_p50_ms=statistics.median(answer_ms),
        answer_p95_ms=percentile(answer_ms, 0.95),
        floor_p50_ms=statistics.median(floor_ms),
        cold_start_s=statistics.median(s for s, _ in cold),
        cold_floor_s=statistics.median(floor),
        peak_rss_mb=max(rss for _, rss in cold),
    )


def _run_child(args: list[str], settings: Settings) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of `qabot ARGS` in a new process over the same index."""
    env = {**os.environ, "QABOT_CHROMA_PATH": str(settings.chroma_path)}
    command = [sys.executable, "-m", "bot.cli", *args]
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise RuntimeError(f"qabot {' '.join(args)} failed: {child.stderr.read().decode()[-500:]}")
    child.stderr.close()
    return seconds, usage.ru_maxrss / 1024


def _run_floor() -> float:
    """The interpreter, the same imports and the model load, and nothing else."""
    code = (
        "from retrieval.index.embeddings import make_embeddings; "
        "import langchain_chroma, chromadb; "
        "make_embeddings().embed_query('warm')"
    )
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    return time.perf_counter() - started


def to_json(results: Sequence[SizeResult]) -> dict:
    return {"sizes": [asdict(r) for r in results]}
