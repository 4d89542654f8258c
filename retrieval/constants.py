"""Names and limits shared by the ingest and the query path, so the two can never disagree."""

from pathlib import Path

# Chroma collections: chunks carry the dense retrieval; sentences carry the evidence we quote.
CHUNKS_COLLECTION = "qabot_chunks"
SENTENCES_COLLECTION = "qabot_sentences"
# One record whose text changes whenever ingest changes the index (see retrieval/snapshot.py).
STATE_COLLECTION = "qabot_state"
COLLECTION_METADATA = {"hnsw:space": "cosine"}

# all-MiniLM-L6-v2 silently truncates past 256 word pieces, [CLS] and [SEP] included.
MODEL_MAX_TOKENS = 256
MAX_CHUNK_TOKENS = MODEL_MAX_TOKENS - 2

PACKAGE_DIR = Path(__file__).resolve().parent
BUNDLED_CORPUS_DIR = PACKAGE_DIR / "corpus"
BUNDLED_ARTICLE = BUNDLED_CORPUS_DIR / "newsweek-kremlin-belarus-truce.txt"
BUNDLED_SOURCE_PREFIX = "bundled:"
DEFAULT_EVAL_SET = PACKAGE_DIR / "evalsets" / "dev.jsonl"
