"""The in-memory index's parts, built from hand-made chunks (no Chroma), and its data-only copy."""

from __future__ import annotations

from pathlib import Path

import bm25s
import numpy as np
import pytest

from retrieval.index.corpus import CorpusIndex
from retrieval.index.keywords import Bm25Scores
from retrieval.index.sentences import Sentence, sentence_of
from retrieval.index.serial import read_index, write_index
from retrieval.language.text import content_stems, stems, words
from retrieval.retrieve.hybrid import _far_ahead

# Two articles, one chunk a paragraph: (source, paragraph, text, sentence rows).
CHUNKS = [
    (
        "harbour.txt",
        1,
        "The Port Authority of Dover reopened the harbour. Mayor Ann Lee said ships would return.",
        [
            {"start": 0, "end": 49, "position": 0, "mentions": "Port Authority of Dover"},
            {"start": 50, "end": 88, "position": 1, "speakers": "Ann Lee", "mentions": "Ann Lee"},
        ],
    ),
    (
        "harbour.txt",
        2,
        "The city council met on Tuesday.",
        [{"start": 89, "end": 121, "position": 2}],
    ),
    (
        "orchard.txt",
        1,
        "Growers in Kent said the apple harvest was late. The council blamed the frost.",
        [
            {"start": 0, "end": 48, "position": 0, "speakers": "growers", "mentions": "Kent"},
            {"start": 49, "end": 78, "position": 1},
        ],
    ),
]


# An article that spells a name out once and goes on with its acronym.
ACRONYM_CHUNKS = [
    (
        "canal.txt",
        1,
        "The Canal and River Trust (CRT) drained the lock. CRT engineers said it would reopen.",
        [
            {"start": 0, "end": 49, "position": 0, "mentions": "Canal and River Trust|CRT"},
            {"start": 50, "end": 85, "position": 1, "mentions": "CRT"},
        ],
    ),
]


# An article whose name ("National Survey") holds a word it also writes plainly ("surveys").
SURVEY_CHUNKS = [
    (
        "study.txt",
        1,
        "Researchers looked at surveys from 2008. They used the National Survey on Drug Use.",
        [
            {"start": 0, "end": 38, "position": 0},
            {"start": 39, "end": 83, "position": 1, "mentions": "National Survey on Drug Use"},
        ],
    ),
]


# An article naming an organisation after a common noun it never writes plainly.
STATE_CHUNKS = [
    (
        "ads.txt",
        1,
        "The ads ran for weeks. Washington State Department of Health staff disliked them.",
        [
            {"start": 0, "end": 22, "position": 0},
            {
                "start": 23,
                "end": 82,
                "position": 1,
                "mentions": "Washington State Department of Health",
            },
        ],
    ),
]


# An article on two countries that names one capital only as a place visited.
CAPITAL_CHUNKS = [
    (
        "talks.txt",
        1,
        "Belarus proposed talks. Russia rejected the offer after a visit to Moscow.",
        [
            {"start": 0, "end": 23, "position": 0, "mentions": "Belarus"},
            {"start": 24, "end": 74, "position": 1, "mentions": "Russia|Moscow"},
        ],
    ),
]


def corpus(chunks: list = CHUNKS) -> CorpusIndex:
    sentences, ids, texts, starts = [], [], [], []
    for source, paragraph, text, rows, *section in chunks:  # a section, if any: "headline"
        chunk_id = f"{source}#{paragraph}"
        start = rows[0]["start"]
        meta = {"source": source, "title": source, "paragraph": paragraph, "start": start}
        meta |= {"section": section[0]} if section else {}
        sentences += [
            sentence_of(f"{chunk_id}:{k}", chunk_id, text, meta, row) for k, row in enumerate(rows)
        ]
        ids.append(chunk_id)
        texts.append(text)
        starts.append(start)
    sentences.sort(key=lambda s: (s.source, s.position))
    index = CorpusIndex.build(sentences, ids, texts, starts)
    index.prepare()
    return index


def story(source: str, *sentences: tuple[str, str]) -> tuple:
    """A one-paragraph article of (sentence, names mentioned) pairs."""
    text = " ".join(sentence for sentence, _ in sentences)
    rows, at = [], 0
    for position, (sentence, mentions) in enumerate(sentences):
        start = text.index(sentence, at)
        at = start + len(sentence)
        rows.append({"start": start, "end": at, "position": position, "mentions": mentions})
    return (source, 1, text, rows)


def test_the_hand_made_chunks_cut_into_their_sentences() -> None:
    assert [s.text for s in corpus().sentences] == [
        "The Port Authority of Dover reopened the harbour.",
        "Mayor Ann Lee said ships would return.",
        "The city council met on Tuesday.",
        "Growers in Kent said the apple harvest was late.",
        "The council blamed the frost.",
    ]


@pytest.mark.parametrize(
    ("quote", "verified"),
    [
        ("Mayor Ann Lee said ships would return.", True),
        ("Mayor Ann Lee said ships would return", False),  # a quote is the whole sentence
        ("Mayor Ann Lee said ships will return.", False),
    ],
)
def test_a_quote_is_verified_against_its_stored_chunk(quote: str, verified: bool) -> None:
    assert corpus().verify("harbour.txt#1:1", quote) is verified


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("What did Ann Lee say?", ["ann", "lee"]),
        ("what did lee say", ["lee"]),  # a name word the corpus never writes in lower case
        ("What did the council decide?", []),  # "council" names nobody
        ("Is Kent's harvest late?", ["kent"]),
    ],
)
def test_name_words_in(text: str, names: list[str]) -> None:
    assert corpus().name_words_in(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("What did the Canal and River Trust drain?", ["canal", "river", "trust", "crt"]),
        ("What did CRT engineers say?", ["crt"]),
        ("What did the River Trust drain?", ["river", "trust"]),  # not the whole name
    ],
)
def test_a_name_spelled_out_also_names_its_acronym(text: str, names: list[str]) -> None:
    assert corpus(ACRONYM_CHUNKS).name_words_in(text) == names


@pytest.mark.parametrize(
    ("text", "expanded"),
    [
        ("What did the PAD do?", "What did the Port Authority of Dover do?"),
        ("What did the AL say?", "What did the Ann Lee say?"),
        ("Who is the BBC?", "Who is the BBC?"),  # no name in the corpus spells it
    ],
)
def test_acronyms_are_spelled_out_from_the_corpus_names(text: str, expanded: str) -> None:
    assert corpus().expand_acronyms(text) == expanded


# Names with a hyphen between capitals: each capital an initial ("AFP": Agence France-Presse).
HYPHENED_NAMES = [
    (
        "hostages.txt",
        1,
        "The men were freed, a source told Agence France-Presse.",
        [{"start": 0, "end": 55, "position": 0, "mentions": "Agence France-Presse"}],
    ),
    (
        "printers.txt",
        1,
        "Shares of Hewlett-Packard Enterprise rose on Monday.",
        [{"start": 0, "end": 52, "position": 0, "mentions": "Hewlett-Packard Enterprise"}],
    ),
]


@pytest.mark.parametrize(
    ("text", "expanded"),
    [
        ("Who told AFP?", "Who told Agence France-Presse?"),  # news
        ("What did HPE report?", "What did Hewlett-Packard Enterprise report?"),  # business
        ("Who told AF?", "Who told Agence France-Presse?"),  # the words' initials still do
    ],
)
def test_a_hyphens_capitals_are_initials_too(text: str, expanded: str) -> None:
    assert corpus(HYPHENED_NAMES).expand_acronyms(text) == expanded


# Two articles whose names share their initials: "DC" is neither.
SHARED_INITIALS = [
    (
        "landers.txt",
        1,
        "The Dream Chaser vehicle will fly.",
        [{"start": 0, "end": 34, "position": 0, "mentions": "Dream Chaser"}],
    ),
    (
        "cannabis.txt",
        1,
        "It is legal in the District of Columbia.",
        [{"start": 0, "end": 40, "position": 0, "mentions": "District of Columbia"}],
    ),
]


@pytest.mark.parametrize("order", [1, -1])
def test_initials_two_names_share_spell_out_neither(order: int) -> None:
    index = corpus(SHARED_INITIALS[::order])
    assert "DC" not in index.acronyms
    assert index.expand_acronyms("Is it legal in DC?") == "Is it legal in DC?"


# Names of several stories, as an index of them holds them.
NAMED_CHUNKS = [
    (
        "truce.txt",
        1,
        "Volodymyr Zelensky and Alexander Lukashenko spoke. Dmitry Peskov dismissed it.",
        [
            {
                "start": 0,
                "end": 50,
                "position": 0,
                "mentions": "Volodymyr Zelensky|Alexander Lukashenko",
            },
            {"start": 51, "end": 79, "position": 1, "mentions": "Dmitry Peskov"},
        ],
    ),
    (
        "landers.txt",
        1,
        "Gwynne Shotwell of SpaceX and Silvia Martins met Anthony Davis.",
        [
            {
                "start": 0,
                "end": 62,
                "position": 0,
                "mentions": "Gwynne Shotwell|SpaceX|Silvia Martins|Anthony Davis",
            }
        ],
    ),
    (
        "ads.txt",
        1,
        "Everybody in America reads it, said Lukashenko.",
        [{"start": 0, "end": 47, "position": 0, "mentions": "America|Lukashenko"}],
    ),
    (
        "games.txt",
        1,
        "The Predators lost to the Democrats and the Islanders.",
        [{"start": 0, "end": 54, "position": 0, "mentions": "Predators|Democrats|Islanders"}],
    ),
]


@pytest.mark.parametrize(
    ("text", "respelled"),
    [
        # another transliteration or a typo of a name the stories write
        ("What did Zelenskyy promise?", "What did Zelensky promise?"),
        ("What did Lukashenka propose?", "What did Lukashenko propose?"),
        ("What did Shotwel say?", "What did Shotwell say?"),
        ("What was Zelenskyy's view?", "What was Zelensky's view?"),
        # in stories naming a Davis and no Davies, a Davies is most likely him
        ("What did Davies say?", "What did Davis say?"),
        # too far from any ("Peskoff": 0.77), too short, lower case, or written by the stories
        ("What did Peskoff say?", "What did Peskoff say?"),
        ("What did Joe Biden say?", "What did Joe Biden say?"),
        ("what did zelenskyy say?", "what did zelenskyy say?"),
        ("What did Davis say?", "What did Davis say?"),
        # a word made from a name is no other spelling of it
        ("How many Americans have it?", "How many Americans have it?"),
        ("Was the Zelenskyan plan real?", "Was the Zelenskyan plan real?"),
        ("What did Amerika say?", "What did America say?"),
        # a clipped plural, as fans and headlines write one (hockey, politics)
        ("How many in a row have the Preds lost?", "How many in a row have the Predators lost?"),
        ("Did the Dems walk out?", "Did the Democrats walk out?"),
        ("Did the Isles win?", "Did the Islanders win?"),
        ("Did the Sens win?", "Did the Sens win?"),  # no name it is cut from
    ],
)
def test_a_name_written_otherwise_is_read_as_the_stories_write_it(
    text: str, respelled: str
) -> None:
    assert corpus(NAMED_CHUNKS).respell_names(text) == respelled


CAPITALS_CHUNKS = [
    story(
        "election.txt",
        ("“GET OUT and VOTE on Tuesday!” Trump wrote.", "GET OUT|VOTE|Trump"),
        ("The ABC poll agreed.", "ABC"),
    ),
    story("column.txt", ("DEAR ABBY: My husband flew to the CLPS launch.", "DEAR ABBY|CLPS")),
]


@pytest.mark.parametrize(
    ("text", "respelled"),
    [
        # initials the stories write in capitals, typed in lowercase (politics, space)
        ("what did the abc poll find", "what did the ABC poll find"),
        ("what is clps", "what is CLPS"),
        # words in capitals for emphasis, or a column's greeting, are no initials
        ("how do the alarms get to nurses?", "how do the alarms get to nurses?"),
        ("what does dear abby say", "what does dear abby say"),
    ],
)
def test_initials_typed_in_lowercase(text: str, respelled: str) -> None:
    assert corpus(CAPITALS_CHUNKS).respell_names(text) == respelled


CLIPPED_CHUNKS = [
    story(
        "football.txt",
        ("Manchester United sacked Jose Mourinho.", "Manchester United|Jose Mourinho"),
        ("Dan Lee and Danica Lee watched.", "Dan Lee|Danica Lee"),
    ),
    story("hockey.txt", ("The Minnesota Wild beat Buffalo.", "Minnesota Wild|Buffalo")),
]


@pytest.mark.parametrize(
    ("text", "respelled"),
    [
        # a word cut short before the next word of a name the stories write whole
        ("When did Mourinho start at Man United?", "When did Mourinho start at Manchester United?"),
        ("Did the Minn Wild win?", "Did the Minnesota Wild win?"),
        # not a word the stories' names use as it is, nor one before another name's word
        ("What did Dan Lee say?", "What did Dan Lee say?"),
        ("Did Man Utd win?", "Did Man Utd win?"),
    ],
)
def test_a_clipped_word_of_a_name_is_read_whole(text: str, respelled: str) -> None:
    assert corpus(CLIPPED_CHUNKS).respell_names(text) == respelled


POSTS_CHUNKS = [
    (
        "football.txt",
        1,
        "Good luck, my friend. — Dele (@dele_official) November 19, 2019",
        [
            {"start": 0, "end": 21, "position": 0, "speakers": "Dele", "mentions": "Dele"},
            {"start": 22, "end": 63, "position": 1, "mentions": ""},
        ],
    ),
    (
        "music.txt",
        1,
        "Tour dates out now! pic.twitter.com/sabrina_tour — Sabrina (@sabrina) May 2, 2020",
        [
            {"start": 0, "end": 48, "position": 0, "speakers": "Sabrina", "mentions": "Sabrina"},
            {"start": 49, "end": 82, "position": 1, "mentions": ""},
        ],
    ),
]


@pytest.mark.parametrize("question", ["Dele", "What did Sabrina post?", "Sabrina"])
def test_a_handle_or_a_link_spells_no_plain_word(question: str) -> None:
    # "dele" of "@dele_official" and "sabrina" of a link are no lowercase uses of the names
    found = corpus(POSTS_CHUNKS).name_words_in(question)
    assert found == [w for w in ("dele", "sabrina") if w in question.lower()]


INITIALS_CHUNKS = [
    (
        "landers.txt",
        1,
        "NASA picked SNC for CLPS. Its web team uses the new API.",
        [
            {"start": 0, "end": 25, "position": 0, "mentions": "NASA|SNC|CLPS"},
            {"start": 26, "end": 56, "position": 1, "mentions": ""},
        ],
    ),
    (
        "teachers.txt",
        1,
        "The ISTA rally drew teachers to the web of halls. The USA watched.",
        [
            {"start": 0, "end": 49, "position": 0, "mentions": "ISTA"},
            {"start": 50, "end": 66, "position": 1, "mentions": "USA"},
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "respelled"),
    [
        # initials the stories write only in capitals, typed in lowercase
        ("what does clps stand for", "what does CLPS stand for"),
        ("when could snc fly", "when could SNC fly"),
        ("who leads ista", "who leads ISTA"),
        # a word the stories also write in lowercase, or not a name's, is left
        ("what is the api", "what is the api"),
        ("did the usa watch", "did the USA watch"),
        ("who is on the web team", "who is on the web team"),
        # a part of a hyphenated word is no initials ("ISTA-backed", "snc-built" alike)
        ("was the ista-backed rally big", "was the ista-backed rally big"),
        ("is it a snc-built lander", "is it a snc-built lander"),
    ],
)
def test_initials_typed_in_lowercase_are_read_as_the_stories_write_them(
    text: str, respelled: str
) -> None:
    assert corpus(INITIALS_CHUNKS).respell_names(text) == respelled


def test_keyword_search_ranks_chunks_by_bm25() -> None:
    index = corpus()
    assert index.keyword_chunks("council frost", 3)[0] == "orchard.txt#1"
    assert index.keyword_chunks("submarine", 3) == []
    assert index.idf_of("council") < index.idf_of("frost") < index.idf_of("submarine")


# Chunks of several news articles, one a line.
NEWS_CHUNKS = [
    "Kremlin spokesperson Dmitry Peskov said nothing is changing in the context of Ukraine.",
    "The Lakers beat the Spurs 121-118, and LeBron James scored 32 points in the win.",
    "NASA added five companies to its commercial lunar payload program on Monday.",
    "Thousands of teachers in red rallied at the Indiana Statehouse for better pay.",
    "Disney+ signed up 10 million users on its first day, despite a login glitch.",
    "The study found cannabis use disorder rose in states where the drug is legal.",
    "",  # a chunk without words
]


@pytest.mark.parametrize(
    "query",
    [
        "What did Peskov say about Ukraine?",
        "How many points did LeBron James score?",
        "Which companies did NASA add to the lunar program?",
        "teachers teachers pay pay pay",  # repeated words count each time, as in bm25s
        "Who won the game on Monday in the states?",  # words spread over several chunks
        "What about submarines?",  # no word of the corpus
    ],
)
def test_bm25_scores_are_bm25s_own_to_the_last_bit(query: str) -> None:
    vocab: dict[str, int] = {}
    ids = [[vocab.setdefault(s, len(vocab)) for s in stems(words(t))] for t in NEWS_CHUNKS]
    reference = bm25s.BM25()
    reference.index(bm25s.tokenization.Tokenized(ids, vocab), show_progress=False)
    ours = Bm25Scores.build(NEWS_CHUNKS)

    asked = [s for s in content_stems(query) if s in ours.vocab]
    if not asked:
        assert all(s not in reference.vocab_dict for s in content_stems(query))
        return
    theirs = reference.get_scores(asked)
    assert ours.scores(asked).dtype == theirs.dtype
    assert np.array_equal(ours.scores(asked), theirs)


def test_chunks_without_a_word_score_nothing() -> None:
    nothing = Bm25Scores.build(["...", "!!! —"])
    assert nothing.vocab == {}
    assert nothing.scores([]).tolist() == [0.0, 0.0]


def test_stems_given_as_text_are_split_when_first_read() -> None:
    given = corpus().sentences[0]
    fields = {name: getattr(given, name) for name in given.__dataclass_fields__}
    as_text = Sentence(**{**fields, "stems": " ".join(sorted(given.stems))})
    assert as_text.stems == given.stems and isinstance(as_text.stems, frozenset)
    assert as_text == given and hash(as_text) == hash(given)


def test_the_saved_copy_reads_back_as_the_same_index(tmp_path: Path) -> None:
    built = corpus()
    write_index(built, tmp_path)
    copy = read_index(tmp_path)
    assert copy.sentences == built.sentences
    assert copy.chunk_ids == built.chunk_ids and dict(copy.by_chunk) == dict(built.by_chunk)
    assert copy.vocab == built.vocab and copy.lowercase_vocab == built.lowercase_vocab
    assert dict(copy.name_words) == dict(built.name_words)
    assert copy.full_names == built.full_names and copy.acronyms == built.acronyms
    assert copy.idf == built.idf and copy.unknown_idf == built.unknown_idf
    for query in ("council frost", "harbour ships", "Kent apple"):
        assert np.array_equal(copy.keyword_scores(query), built.keyword_scores(query))
    assert copy.verify("harbour.txt#1:1", "Mayor Ann Lee said ships would return.")
    # how each article calls its people is read from the copy's sentences as from the built ones
    named = sorted(set(built.full_names.values()))
    said = [built.person_pronoun(name) for name in named]
    assert "it" in said and [copy.person_pronoun(name) for name in named] == said
    # JSON and NumPy arrays only, and the arrays are read back with allow_pickle=False.
    assert {path.suffix for path in tmp_path.rglob("*") if path.is_file()} == {".json", ".npy"}


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("What did Minsk propose?", "What did Belarus propose?"),
        ("Was Minsk's offer serious?", "Was Belarus's offer serious?"),
        ("How did Moscow react?", "How did Russia react?"),  # acting, though named as a place
        ("Who visited Moscow?", "Who visited Moscow?"),
        ("What happened in Minsk?", "What happened in Minsk?"),  # a place asked about
        ("What did Beijing propose?", "What did Beijing propose?"),  # China is not named
    ],
)
def test_a_capital_that_acts_is_its_country(text: str, read: str) -> None:
    assert corpus(CAPITAL_CHUNKS).name_countries(text) == read


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # "survey" is a plain word where the article also writes "surveys"
        ("What survey did the researchers use?", []),
        ("Who runs the National Survey?", ["national", "survey"]),
        ("what drug use did they study", ["drug"]),  # never written plainly
        # a plain word opening a sentence or a quotation is capitalised, not a name
        ("Surveys ran for years. Survey data showed a rise.", []),
        ("He said: “Survey results are in.”", []),
        ("Data came from the National Survey on Drug Use.", ["national", "survey", "drug", "use"]),
    ],
)
def test_a_word_written_plainly_in_another_form_is_no_name(text: str, names: list[str]) -> None:
    assert corpus(SURVEY_CHUNKS).name_words_in(text) == names


@pytest.mark.parametrize(
    ("scores", "ahead"),
    [
        ([9.0, 4.0], True),  # the one chunk saying a rare word of the question
        ([5.0, 4.5], False),  # two close: fusion decides
        ([0.0, 0.0], False),  # no keyword at all
        ([3.0], True),  # the only chunk with a keyword
        ([], False),
    ],
)
def test_the_best_keyword_chunk_far_ahead_is_read(scores: list[float], ahead: bool) -> None:
    assert _far_ahead(scores) is ahead


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a common noun of organisations' names, in lowercase, names none of them
        ("Which state is running it?", []),
        ("What did the health department say?", ["health"]),
        ("What did the State Department of Health say?", ["state", "department", "health"]),
        ("what did washington say", ["washington"]),
    ],
)
def test_an_organisation_s_common_noun_in_lowercase_is_no_name(text: str, names: list[str]) -> None:
    assert corpus(STATE_CHUNKS).name_words_in(text) == names


# A game story naming the team by its nickname, another naming a place and its short name.
TEAM_CHUNKS = [
    (
        "wild.txt",
        1,
        "Wild coach Bruce Boudreau praised Zach Parise. The Sabres lost in Buffalo.",
        [
            {"start": 0, "end": 47, "position": 0, "mentions": "Wild|Bruce Boudreau|Zach Parise"},
            {"start": 48, "end": 74, "position": 1, "mentions": "Sabres|Buffalo"},
        ],
    ),
    (
        "thunder.txt",
        1,
        "Lakers hold off OKC. Oklahoma City coach Billy Donovan praised the Thunder.",
        [
            {"start": 0, "end": 20, "position": 0, "mentions": "Lakers|OKC"},
            {
                "start": 21,
                "end": 75,
                "position": 1,
                "mentions": "Oklahoma City|Billy Donovan|Thunder",
            },
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # a place the articles never name, as the one team of it they do
        ("Who was in net for Minnesota?", "Who was in net for the Wild?"),
        ("Who is minnesota's coach?", "Who is the Wild's coach?"),
        # a place the articles name stays: "Buffalo" is where the game was
        ("Who scored in Buffalo?", "Who scored in Buffalo?"),
        # a place none of whose teams the articles name stays
        ("Who won in Boston?", "Who won in Boston?"),
        # a short name, spelled out as the articles write the place
        ("Who coaches OKC?", "Who coaches Oklahoma City?"),
        ("Who won in LA?", "Who won in LA?"),  # "Los Angeles" is never written
        # initials typed in lowercase; two letters are left, as words ("la")
        ("what did okc's coach say", "what did Oklahoma City's coach say"),
        ("who led okc in scoring", "who led Oklahoma City in scoring"),
        ("la la land", "la la land"),
    ],
)
def test_a_team_s_place_is_read_as_the_team_the_articles_name(text: str, read: str) -> None:
    assert corpus(TEAM_CHUNKS).name_teams(text) == read
