"""Measures the citation checker's support scores on the dev claims, to choose its thresholds.

`python -m tools.support_calibration` prints, for each kind of pair, the lexical and dense
scores and how many pairs the current thresholds (retrieval/citations.py) call supported.
The claims (`retrieval/evalsets/dev_claims.jsonl`) are written for the dev set's questions: for
each, a claim the article supports and a plausible one it does not, with a phrase of the
sentence either would cite.
"""

from __future__ import annotations

import json
from importlib.resources import files

import numpy as np

from retrieval.answering import citations
from retrieval.answering.citations import SupportScorer
from retrieval.constants import BUNDLED_ARTICLE
from retrieval.index.embeddings import make_embeddings
from retrieval.ingest.loader import load_article
from retrieval.ingest.sentences import split_sentences

CLAIMS = "evalsets/dev_claims.jsonl"


def main() -> None:
    article = load_article(BUNDLED_ARTICLE)
    sentences = [s.text for p in article.paragraphs for s in split_sentences(p.text)]
    embeddings = make_embeddings()
    scorer = SupportScorer(embeddings.embed_documents)
    vectors = np.asarray(embeddings.embed_documents(sentences))
    rows = [json.loads(line) for line in files("retrieval").joinpath(CLAIMS).open()]
    kinds: dict[str, list[tuple[str, str]]] = {"supported": [], "wrong source": [], "invented": []}
    for row in rows:
        gold = next(s for s in sentences if row["evidence"] in s)
        kinds["invented"].append((row["unsupported"], gold))
        if row["supported"]:
            kinds["supported"].append((row["supported"], gold))
            # The hardest wrong citation: the other sentence closest in meaning to the claim.
            claim = np.asarray(embeddings.embed_query(row["supported"]))
            order = np.argsort(-(vectors @ claim))
            wrong = next(sentences[i] for i in order if row["evidence"] not in sentences[i])
            kinds["wrong source"].append((row["supported"], wrong))
    print(f"thresholds: lexical >= {citations.MIN_LEXICAL}, dense >= {citations.MIN_DENSE}")
    for kind, pairs in kinds.items():
        scores = scorer.score_many(pairs)
        lexical = [s.lexical for s in scores]
        dense = [s.dense for s in scores]
        passed = sum(s.is_supported for s in scores)
        print(
            f"{kind:13} n={len(pairs):2}  lexical min/median/max "
            f"{min(lexical):.2f}/{np.median(lexical):.2f}/{max(lexical):.2f}  dense "
            f"{min(dense):.2f}/{np.median(dense):.2f}/{max(dense):.2f}  "
            f"called supported: {passed}/{len(pairs)}"
        )
        for (claim, _), s in zip(pairs, scores, strict=True):
            print(f"    {s.lexical:.2f} {s.dense:.2f} {'Y' if s.is_supported else '-'} {claim}")


if __name__ == "__main__":
    main()
