"""Writes one large news-like `.txt` file, to measure how ingest copes with a very large file.

`python -m tools.large_file big.txt 20` writes about 20 MB (the size is in MB, 20 by default):
the bench's synthetic articles as paragraphs, with a 100 KB run-together paragraph every 500
(pysbd is read window by window there) and a 40 KB sentence without a full stop every 1,500 (cut
at word boundaries to fit the model). The same size gives the same file. Then, for example,
`/usr/bin/time -v qabot ingest big.txt --json` for its time and peak RSS (README, Benchmarks).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from retrieval.bench.run import synthetic_article

SEED = 11
# Every 500th paragraph is 200 articles run together (about 100 KB)...
LONG_PARAGRAPH_EVERY = 500
ARTICLES_PER_LONG_PARAGRAPH = 200
# ...and every 1,500th (offset by 7) one sentence of 800 clauses without a full stop (40 KB).
RUN_ON_EVERY = 1500
RUN_ON_CLAUSES = 800


def paragraph(number: int, rng: random.Random) -> str:
    if number % LONG_PARAGRAPH_EVERY == 0:
        return " ".join(
            synthetic_article(number * 1000 + k, rng).replace("\n\n", " ").strip()
            for k in range(ARTICLES_PER_LONG_PARAGRAPH)
        )
    if number % RUN_ON_EVERY == 7:
        return ", and ".join(
            f"the committee in report {number} reviewed item {k}" for k in range(RUN_ON_CLAUSES)
        )
    return synthetic_article(number, rng).strip()


def write_large_file(path: Path, megabytes: float) -> int:
    """Write the file; returns its size in bytes."""
    rng = random.Random(SEED)
    parts = ["Big File Of Reports", ""]
    size, number = 0, 0
    while size < megabytes * 1_000_000:
        number += 1
        text = paragraph(number, rng)
        parts += [text, ""]
        size += len(text) + 2
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return path.stat().st_size


def main() -> None:
    path = Path(sys.argv[1])
    megabytes = float(sys.argv[2]) if len(sys.argv) > 2 else 20.0
    print(path, write_large_file(path, megabytes))


if __name__ == "__main__":
    main()
