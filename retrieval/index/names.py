"""The name gazetteer: the corpus's words, the names in it, and the acronyms those names spell."""

from __future__ import annotations

import difflib
import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from functools import cached_property

from retrieval.constants import AUTHOR_SECTION, HEADLINE_SECTION
from retrieval.index.sentences import Sentence
from retrieval.language.lexicon import AUXILIARIES, CAPITALS, ORG_WORDS
from retrieval.language.pronouns import central_person, pronoun_cues, pronoun_of
from retrieval.language.speakers import given_name, is_person_name, name_key
from retrieval.language.teams import (
    PLACE_SHORT_NAMES,
    PLACES_BY_LOWER,
    SHORT_NAME,
    TEAM_PLACE,
    TEAMS_BY_PLACE,
)
from retrieval.language.text import STOPWORDS, WORD, fold, stems, words

ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
# A name is respelled only when it is this long, and this close to one the corpus writes
# (difflib's ratio): "Zelenskyy" 0.94 to "Zelensky", "Lukashenka" 0.90 to "Lukashenko"; not
# "Peskoff" (0.77 to "Peskov"), and no short word ("Igor" is no "Iger").
RESPELL_MIN = 5
# A capitalised word of three letters or more before another: "Man United".
CLIPPED_BEFORE_NAME = re.compile(r"\b(?P<clipped>[A-Z][a-z]{2,})\s+(?P<after>[A-Z][\w-]+)\b")
# A capitalised word, without a possessive's "'s" ("Zelenskyy's" is respelled as "Zelensky's").
CAPITALISED_WORD = re.compile(r"\b[A-Z][^\W\d_]+\b(?!['’][^\W\d_]{2,})")
RESPELL_CLOSENESS = 0.85
# A clipped plural ("Preds", "Dems") keeps this many letters of the name it is cut from.
CLIPPED_MIN = 3
# What English adds to a name to make a word of its own ("Americans", "Texan", "Chinese"), which
# is no other spelling of the name.
DERIVED_SUFFIX = re.compile(r"n|ns|an|ans|ian|ians|ese|s|es|ite|ites|er|ers|ism")
# A social handle or a link, whose lowercase spells no plain word: "@dele_official" makes no
# "dele" of "Dele"'s, "pic.twitter.com/dUO6AJlMxR" nothing at all.
HANDLE_OR_LINK = re.compile(r"@\w+|https?://\S+|\b[\w.-]+\.(?:com|org|net|co|uk)/\S*")
# What stands before a word that opens a sentence (or a quotation): nothing, an opening
# quotation mark, or a sentence's end.
SENTENCE_OPENING = re.compile(r"(?:^|[.!?][\"”'’)]*\s+|[“‘]\s*)[\"“‘'(]*$")
LOWERCASE_WORD = re.compile(r"(?<![\w-])[a-z]{3,6}(?![\w-])")


# The headline and first sentences of a story, where it names the person it is about.
OPENING_SENTENCES = 4
# How many sentences must name the thing a story is about, for its "it" to mean that thing.
CENTRAL_THING_MENTIONS = 3
# Lines of an article that are not its text: the headline and the byline.
NOT_TEXT = frozenset({HEADLINE_SECTION, AUTHOR_SECTION})


class NameGazetteer:
    """Which words the corpus uses and which name someone; the `KnownWords` the language helpers
    read (retrieval/language/known.py)."""

    def __init__(
        self,
        vocab: set[str],
        lowercase_vocab: set[str],
        name_words: dict[str, set[int]],
        full_names: dict[str, str],
        acronyms: dict[str, str] | None = None,
        sentences: Sequence[Sentence] = (),
    ):
        self.vocab = vocab
        self.lowercase_vocab = lowercase_vocab
        self.name_words = name_words
        self.full_names = full_names
        self._acronyms = acronyms
        self._lowercase_stems: set[str] | None = None
        self._respellable: list[str] | None = None
        self._capitals: dict[str, str] | None = None
        self._sentences = sentences
        self._texts: dict[str, list[str]] | None = None  # each article's sentences, by source
        self._pronouns: dict[str, dict[str, str]] = {}  # by source
        self._central: dict[str, str | None] = {}  # by pronoun
        self._sole_source: str | None = None  # the one article's, when there is one

    @classmethod
    def build(cls, sentences: Sequence[Sentence]) -> NameGazetteer:
        vocab: set[str] = set()
        lowercase_vocab: set[str] = set()
        name_words: dict[str, set[int]] = defaultdict(set)
        full_names: dict[str, str] = {}
        for i, sentence in enumerate(sentences):
            vocab.update(words(sentence.text))
            prose = HANDLE_OR_LINK.sub(" ", sentence.text)
            lowercase_vocab.update(w for w in WORD.findall(prose) if w.islower())
            for name in (*sentence.mentions, *sentence.speakers):
                for word in words(name):
                    name_words[word].add(i)
                    if len(name) > len(full_names.get(word, "")):
                        full_names[word] = name
        return cls(vocab, lowercase_vocab, name_words, full_names, sentences=sentences)

    @cached_property
    def people(self) -> frozenset[str]:
        """Every person's name the corpus spells out ("Hugo Okafor", "Greta Okafor")."""
        return frozenset(
            name
            for sentence in self._sentences
            for name in (*sentence.mentions, *sentence.speakers)
            if is_person_name(name)
        )

    @cached_property
    def people_by_word(self) -> dict[str, frozenset[str]]:
        """The people's names each word of theirs is in ("okafor": "Hugo Okafor", ...)."""
        found: dict[str, set[str]] = defaultdict(set)
        for name in self.people:
            for word in words(name):
                found[word].add(name)
        return {word: frozenset(names) for word, names in found.items()}

    @cached_property
    def given_names(self) -> frozenset[str]:
        """The first names the corpus gives people ("hugo" of "Hugo Okafor")."""
        return frozenset(filter(None, map(given_name, self.people)))

    @property
    def acronyms(self) -> dict[str, str]:
        """ "ICC" -> "International Criminal Court", from the names the corpus spells out; none
        for initials two of its names share ("DC": "District of Columbia", "Dream Chaser")."""
        if self._acronyms is None:
            found: dict[str, set[str]] = {}
            for name in set(self.full_names.values()):
                capitals = [w for w in name.split() if w[:1].isupper()]
                # "AFP": "Agence France-Presse", a hyphen's capitals each an initial too
                parts = [p for w in capitals for p in w.split("-") if p[:1].isupper()]
                for initials in {"".join(w[0] for w in capitals), "".join(p[0] for p in parts)}:
                    if len(initials) >= 2 and len(capitals) >= 2:
                        found.setdefault(initials.upper(), set()).add(name)
            self._acronyms = {
                acronym: next(iter(names)) for acronym, names in found.items() if len(names) == 1
            }
        return self._acronyms

    def _pronouns_of(self, source: str) -> dict[str, str]:
        """Name key -> "he", "she" or "it", as one article calls them; read on first use (a
        few milliseconds an article), so that an index of many never reads them all."""
        if self._texts is None:
            self._texts = defaultdict(list)
            for sentence in self._sentences:
                self._texts[sentence.source].append(sentence.text)
        if source not in self._pronouns:
            cues = pronoun_cues([self._texts.get(source, [])])
            said = {key: pronoun_of(counts) for key, counts in cues.items()}
            self._pronouns[source] = {key: pronoun for key, pronoun in said.items() if pronoun}
        return self._pronouns[source]

    def person_pronoun(self, name: str) -> str | None:
        """ "he", "she", "it" (no person: "the Doobie Brothers"), or None: how the articles that
        name them refer to whoever bears this name (None where they disagree)."""
        key = name_key(name)
        named = self.sentences_naming(set(words(name)))
        sources = {self._sentences[i].source for i in named if i < len(self._sentences)}
        said = {self._pronouns_of(source).get(key) for source in sorted(sources)} - {None}
        return said.pop() if len(said) == 1 else None

    def central_person(self, pronoun: str, apart: frozenset[str] = frozenset()) -> str | None:
        """The full name of the one person an index of one article is about whom it calls
        `pronoun`; none in an index of several, where no one person is the story's."""
        if pronoun not in self._central:
            sources = {sentence.source for sentence in self._sentences}
            self._sole_source = sources.pop() if len(sources) == 1 else None
            sole = self._sole_source
            self._central[pronoun] = self._central_of(sole, pronoun) if sole else None
        sole = self._sole_source
        if apart and sole is not None:  # one question's: not kept
            return self._central_of(sole, pronoun, apart)
        return self._central[pronoun]

    def central_thing(self) -> str | None:
        """The thing an index of one article is about: of the names the first sentence of its
        text to name any gives, those its headline names too and it never calls "he" or "she",
        the one most of its sentences name ("Google Stadia" in a story headlined
        "Stadia Falls Short of 4K at Launch ..."); none among several articles."""
        return self._central_thing

    @cached_property
    def _central_thing(self) -> str | None:
        if len({sentence.source for sentence in self._sentences}) != 1:
            return None
        headline = next((s for s in self._sentences if s.section == HEADLINE_SECTION), None)
        lede = next((s for s in self._sentences if s.section not in NOT_TEXT and s.mentions), None)
        if headline is None or lede is None:
            return None
        titled = set(words(headline.text))
        counts = {
            name: max((len(self.name_words.get(w, ())) for w in words(name)), default=0)
            for name in lede.mentions
            if set(words(name)) & titled
            and self.person_pronoun(name) not in ("he", "she")
            and not self._written_as_place(name)
        }
        best = max(counts, key=lambda name: counts[name], default=None)
        return best if best and counts[best] >= CENTRAL_THING_MENTIONS else None

    def _written_as_place(self, name: str) -> bool:
        """Whether the articles write the name where a place goes ("in China", "from New
        York"): a place is no "it" of the story."""
        where = re.compile(rf"\b(?:in|from|at)\s+(?:the\s+)?{re.escape(name)}\b(?![’'.]?\w)")
        return any(where.search(sentence.text) for sentence in self._sentences)

    def _central_of(
        self, source: str, pronoun: str, apart: frozenset[str] = frozenset()
    ) -> str | None:
        said = self._pronouns_of(source)
        # rivals: people the article calls "he" or "she" or quotes; not every name of a person's
        # form ("Manchester United")
        speakers = {name_key(name) for s in self._sentences for name in s.speakers}
        people = {key for key in [*said, *speakers] if said.get(key) != "it"}
        # not whom the question itself names: "What did Tottenham say about him?"
        people = {key for key in people if not set(words(key)) & apart}
        counts = {key: len(self.name_words.get(key, ())) for key in people}
        key = central_person(said, counts, pronoun)
        # the story's own person is named in its headline or opening: not the doctor quoted
        # further down a story on an unnamed patient ("A UK man's ... decision")
        opening = self._sentences[:OPENING_SENTENCES]
        named = key is not None and any(key in words(s.text) for s in opening)
        return self.full_names.get(key) if key and named else None

    def _plain_word(self, word: str) -> bool:
        """Whether the corpus uses the word, or another form of it, in lowercase."""
        if self._lowercase_stems is None:
            self._lowercase_stems = set(stems(sorted(self.lowercase_vocab)))
        return word in self.lowercase_vocab or stems([word])[0] in self._lowercase_stems

    def sentences_naming(self, name_words: set[str]) -> set[int]:
        """Sentences that mention, or are spoken by, any of these name words."""
        found: set[int] = set()
        for word in name_words:
            found |= self.name_words.get(word, set())
        return found

    def expand_acronyms(self, text: str) -> str:
        """Spell out acronyms the corpus never uses but whose full name it does."""

        def expand(match: re.Match[str]) -> str:
            token = match.group()
            name = self.acronyms.get(token)
            if name is None or token.lower() in self.vocab:
                return token
            return name

        return ACRONYM.sub(expand, text)

    def name_countries(self, text: str) -> str:
        """A capital that acts or owns, standing for a country the corpus names, as that
        country: "What did Minsk propose?" and "Minsk's suggestion" in an article on Belarus
        ask about Belarus; "How did Moscow react?" about Russia, even in an article that has
        someone visit Moscow. "What happened in Paris?" keeps its place."""
        for capital, country in CAPITALS.items():
            if all(w in self.vocab for w in words(country)):
                name = re.escape(capital)
                acting = rf"\b(?P<aux>{AUXILIARIES}\s+){name}\b|\b{name}(?=['’]s\b)"
                text = re.sub(acting, rf"\g<aux>{country}", text)
        return text

    def name_teams(self, text: str) -> str:
        """A team's place the corpus never names, as the one team of that place it does: "Who
        was in net for Minnesota?" in a story on the Wild asks about the Wild. A place's short
        name ("OKC") is spelled out where the corpus writes the place ("Oklahoma City")."""

        def spelled_out(match: re.Match[str]) -> str:
            place = PLACE_SHORT_NAMES[match.group()]
            return place if all(w in self.vocab for w in words(place)) else match.group()

        def team(match: re.Match[str]) -> str:
            place = PLACES_BY_LOWER[match.group("place").lower()]
            if all(w in self.vocab for w in words(place)):
                return match.group()  # the articles name the place itself
            teams = TEAMS_BY_PLACE[place]
            named = [t for t in teams if all(w in self.name_words for w in words(t))]
            return f"the {named[0]}" if len(named) == 1 else match.group()

        return TEAM_PLACE.sub(team, SHORT_NAME.sub(spelled_out, text))

    def respell_names(self, text: str) -> str:
        """A name written otherwise than the corpus writes it, as the corpus does: "Zelenskyy"
        as "Zelensky", "Lukashenka" as "Lukashenko", "Shotwel" as "Shotwell". Only a
        capitalised word the corpus never uses, of `RESPELL_MIN` letters or more, that is that
        close to one name word alone (difflib's ratio, `RESPELL_CLOSENESS`) and starts with its
        letter. Initials typed in lowercase ("clps") as the corpus writes them ("CLPS")."""

        def respell(match: re.Match[str]) -> str:
            token = match.group()
            lower = fold(token).lower()
            if lower in self.vocab or lower in STOPWORDS:
                return token
            clipped = self._clipped_from(lower)
            if clipped:
                return clipped.capitalize()
            if len(lower) < RESPELL_MIN:
                return token
            close = [
                name
                for name in difflib.get_close_matches(
                    lower, self._long_name_words, 2, RESPELL_CLOSENESS
                )
                if name[0] == lower[0]
            ]
            if len(close) != 1 or DERIVED_SUFFIX.fullmatch(lower.removeprefix(close[0])):
                return token  # "Americans" is no misspelt "America": a word made from it
            return close[0].capitalize()

        def capitalise(match: re.Match[str]) -> str:
            return self._in_capitals.get(match.group(), match.group())

        text = CLIPPED_BEFORE_NAME.sub(self._unclipped, text)
        return LOWERCASE_WORD.sub(capitalise, CAPITALISED_WORD.sub(respell, text))

    def _unclipped(self, match: re.Match[str]) -> str:
        """ "Man United" as "Manchester United": a word cut short before the next word of one
        name the corpus writes whole ("Man City" the same); not a word its names use as such."""
        clipped, after = match.group("clipped"), match.group("after")
        if clipped.lower() in self.name_words:
            return match.group()
        whole = {
            before
            for name in set(self.full_names.values())
            for before, word in itertools.pairwise(name.split())
            if word == after
            and before.lower().startswith(clipped.lower())
            and len(before) > len(clipped)
        }
        return f"{whole.pop()} {after}" if len(whole) == 1 else match.group()

    def _clipped_from(self, word: str) -> str | None:
        """The one plural name word a clipped plural is cut from: "Preds" from "Predators",
        "Isles" from "Islanders", "Dems" from "Democrats", as fans and headlines write them."""
        if not word.endswith("s"):
            return None
        # "Preds" keeps "Pred"; "Isles" keeps "Isl" of "Islanders"
        bases = {word[:-1], word[:-2]} if word.endswith("es") else {word[:-1]}
        whole = {
            name
            for name in self._long_name_words
            for base in bases
            if len(base) >= CLIPPED_MIN
            and name.startswith(base)
            and name.endswith("s")
            and len(name) >= len(word) + 2
        }
        return whole.pop() if len(whole) == 1 else None

    @property
    def _in_capitals(self) -> dict[str, str]:
        """ "clps" -> "CLPS": names' words the corpus writes only in capitals, as chat types
        them in lowercase ("what does clps stand for")."""
        if self._capitals is None:
            self._capitals = {
                token.lower(): token
                for name in self.full_names.values()
                if not _shouted(name)
                for token in ACRONYM.findall(name)
                if len(token) > 2
                and token.lower() not in self.lowercase_vocab
                and token.lower() not in STOPWORDS
            }
        return self._capitals

    @property
    def _long_name_words(self) -> list[str]:
        if self._respellable is None:
            self._respellable = sorted(
                w for w in self.name_words if len(w) >= RESPELL_MIN and w.isalpha()
            )
        return self._respellable

    def name_words_in(self, text: str) -> list[str]:
        """Words of `text` that name someone or something in the corpus.

        "Peskov" counts however it is written; "city" only when capitalized, since the corpus
        also uses it as a plain word, as it does "survey" when it writes "surveys".
        """
        found = []
        text = text.replace("’", "'")
        for match in WORD.finditer(text):
            token = match.group()
            for word in words(token):
                if word not in self.name_words or word in STOPWORDS:
                    continue
                # "state" in "Which state is running it?": a common noun of organisations'
                # names ("Washington State Department of Health"), no name in lowercase;
                # nor is "Cannabis" opening "Cannabis use disorder is where ..."
                plain = self._plain_word(word) or word in ORG_WORDS
                capital = token[0].isupper() and not SENTENCE_OPENING.search(text[: match.start()])
                if capital or not plain:
                    found.append(word)
        # "Sierra Nevada Corporation" in a question names the "SNC" the article goes on with.
        for acronym, name in self.acronyms.items():
            short = acronym.lower()
            spelled_out = {w for w in words(name) if w not in STOPWORDS}
            if short in self.name_words and spelled_out <= set(found):
                found.append(short)
        return list(dict.fromkeys(found))


def _shouted(name: str) -> bool:
    """Words in capitals for emphasis, not initials: the "GET OUT" of a quoted post's "GET OUT
    and VOTE", a column's "DEAR ABBY" (two or more words, every one in capitals)."""
    tokens = name.split()
    return len(tokens) >= 2 and all(token.isupper() for token in tokens)
