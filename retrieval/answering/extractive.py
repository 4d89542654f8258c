"""The extractive engine: answers in the article's own sentences, each cited, or abstains."""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace

import numpy as np

from retrieval.answer import Answer, Citation
from retrieval.answering.citations import cite
from retrieval.answering.paraphrase import ParaphraseJudge
from retrieval.constants import AUTHOR_SECTION, HEADLINE_SECTION
from retrieval.index.corpus import CorpusIndex
from retrieval.index.names import ACRONYM
from retrieval.index.sentences import Sentence
from retrieval.language.answer_kinds import (
    ASKS_PAST,
    AUDIENCE,
    AUDIENCE_COUNT,
    DATELINE,
    DATELINE_CREDIT,
    DAY_OF_YEAR,
    FUTURE_SAID,
    HOME_NAMED,
    KIND_PATTERNS,
    MEASURE_OF_WORD,
    MONTHS,
    NAME_LIST,
    NUMBER,
    QUOTED,
    SAVES,
    SAVES_COUNT,
    TIME,
    amount_of,
    asked_measure,
    counts,
    counts_directly,
    gives_measure,
    kind_score,
    lasts,
    measured,
    only_ahead,
    result_score,
    shots_of_the_other_side,
    uncounted,
    winner,
    with_price_words,
)
from retrieval.language.lexicon import (
    ANSWER_TYPE_WORDS,
    APPOINTED_VERBS,
    CARRYING_VERBS,
    COUNTED_SYNONYMS,
    CURRENCY_SIGNS,
    DEMONYMS,
    EXCLUSIVE_KINDS,
    FINDING_VERBS,
    GROUP_WORDS,
    HOME_WORDS,
    JOB_WORDS,
    MEASURE_WORDS,
    MONEY_WORDS,
    NAME_SUFFIXES,
    NATIONS,
    PEOPLE_COUNTED,
    PLACE_OPENERS,
    PLACE_TYPE_WORDS,
    PREPOSITIONS,
    QUOTED_TITLE_WORDS,
    RESEARCH,
    ROLE_QUALIFIERS,
    ROLE_SPELLINGS,
    ROLE_WORDS,
    SPEECH_VERBS,
    STOPWORDS,
    STUDY_WORDS,
    TEAM_POSITIONS,
    THIRD_PERSON,
    TITLE_WORDS,
    VOICE_ALIKE,
    WRITINGS,
)
from retrieval.language.question import SPEECH_TERM, Question
from retrieval.language.speakers import (
    another_person,
    find_mentions,
    is_person_name,
    name_key,
    role_phrase,
    unowned_role,
)
from retrieval.language.teams import PLACE_WORDS_OF_TEAM, TEAM_NICKNAMES
from retrieval.language.text import (
    CAPITALISED_RUN,
    HANDLE,
    OPPOSITE_STEMS,
    WORD,
    stems,
    verb_stems,
    words,
)
from retrieval.retrieve.scoring import (
    OUTLET_KINDS,
    Evidence,
    counts_asked_thing,
    name_of_kind,
    rescored_for_alike,
    score_sentence,
)

log = logging.getLogger(__name__)

# How many sentences after a "who" answer that describes people the one naming them may come.
IDENTIFIED_WINDOW = 2
# A sentence that opens on a thing the one before it named goes on about it: "That message is".
DEMONSTRATIVE_OPENING = re.compile(r"^[“\"]?(?:That|This|These|Those)\s+(?P<noun>[a-z][\w-]+)")

# A yes/no question half of whose points a sentence says in its words is answered by it when
# it is this close in meaning (at 0.50 an unanswerable follow-up was answered).
YESNO_HALF_DENSE = 0.55
# Below this combined score the best evidence is too weak to stand on: abstain.
ABSTAIN_SCORE = 0.40
# Down to this score, a sentence still answers when the model confirms it says every point
# its words leave out (measured: 0.26-0.30 +5 / -0 on the read and counted sets, 0.22 -1).
PARAPHRASED_SCORE = 0.30
# A sentence whose words miss the question entirely must be this close in meaning to count.
DENSE_ONLY_SCORE = 0.60
# Questions whose answer has a recognisable form (a place, a time, a duration, a number).
TYPED_KINDS = frozenset(
    {
        "where",
        "where_home",
        "when",
        "when_future",
        "when_day",
        "when_year",
        "how_long",
        "how_often",
        "how_many",
        "how_much",
        "how_old",
        "score",
        "stats",
        "share",
        "change",
    }
)
PLACE_OR_TIME = frozenset({"where", "where_home", "when", "when_future"})
# A name as a possessive right before what follows it: "Zach Parise’s " of "two-goal".
OWNER_BEFORE = re.compile(r"(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)['’]s\s+$")
# A sentence sharing only names with the question must be at least this close in meaning.
NAMES_ONLY_DENSE = 0.45
# "How many X" / "how long X": a number or duration answers only if it is about X.
COUNTED = frozenset({"how_many", "how_long"})
# Questions after a count, a duration or an amount, which hold over a span: "How many goals in
# his career?", "By how much did pay rise last year?".
MEASURED = frozenset({*COUNTED, "how_much", "change", "share"})
# Spans a count or an amount may be over: a number for one of them is none for another. ("a
# game" as a rate after what is counted: "points a game", not "a game streaming service".)
SCOPE = re.compile(
    r"\b((?:last|next|previous)\s+(?:season|year)|career|season|all-time|ever|so far|total|"
    r"per game|(?<=s\s)a game|this year|altogether|all told|in all|combined)\b",
    re.IGNORECASE,
)
# A thing the article says was kept back: "to an undisclosed injury".
WITHHELD = re.compile(
    r"\b(?:undisclosed|unspecified|unannounced|unnamed|unidentified|unknown)\s+(?P<thing>[a-z]+)",
    re.IGNORECASE,
)
# A total, said as one or as all of a number: "All 14 companies".
ALL_OF = r"\btotal|\ball\s+(?:\d|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)"
# A question's words for a total: "Altogether, how many companies ...?", "How many in all?".
TOTAL_SCOPES = frozenset({"total", "altogether", "all told", "in all", "combined"})
# "a game", "per game": one span, written either way.
PER_UNIT = re.compile(r"^(?:a|per|each)\s+")
# "What is X called?": the name given stands this many words from a point of the question.
NAME_REACH = 3
# A quotation this short may be a title ("“Starts with one”"); a longer one is someone's words.
TITLE_WORDS_MAX = 6
# A figure written in digits ("aged 12 to 17"); words such as "several" name nothing.
DIGITS = re.compile(r"\b\d[\d,.]*\b")
# A role a name owns: "Wild goalie", "Sabres goalie", "Oklahoma City coach", "Thunder's coach".
OWNED_ROLE = re.compile(
    rf"\b(?P<owner>[A-Za-z][\w.-]*?)(?:['’]s?)?\s+(?P<role>{TEAM_POSITIONS}|{ROLE_WORDS})\b",
    re.IGNORECASE,
)
# A question after things of a kind by name: "Which gaming sites?", "ok which states ...".
WHICH = re.compile(r"^\W*(?:(?:and|so|ok|okay|but|then)\W+)*which\s+(?!of\b)", re.IGNORECASE)
# Where a follow-up on the last answer looks for the asked kind of fact, in order: the quoted
# sentence, the ones after it, then the one before.
LAST_ANSWER_STEPS = (0, 1, 2, -1)
# Marks a subject word as the head of a described speaker's description ("doctor" in "the
# doctor said"), never a name word.
VOICE = "voice:"
DETERMINER = re.compile(r"^(?:The|An?)\b")
# Whose a described speaker is: "Russia" of "Russia's foreign ministry".
OWNER = re.compile(r"(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)(?:['’]s|s['’])\s")
# "Hege's husband", "Jeff Sanborn's staff", "Boeing's CEO": someone described by whose they are.
OWNED_SUBJECT = re.compile(
    r"[A-Za-z]['’]s?\s+(?:[a-z][\w-]*\s+)*(?:[a-z][\w-]*|CEO|CFO|COO|CTO|GM)$"
)
# A sentence opening on its speaker's age: "The 56-year-old said after his appointment: ...".
AGED_SPEAKER = re.compile(rf"^[Tt]he\s+\d+-year-old\s+(?:[a-z]+\s+){{0,2}}?(?:{SPEECH_VERBS})\b")
# What the owner owns: "letter" in "the coalition's letter to management".
OWNED_THING = re.compile(r"[A-Za-z]['’]s?\s+(?P<thing>[a-z][\w-]*)")
# When the closest sentence fails the checks (it misses a point, or is about someone else), the
# next ones may answer, among the first few and within a margin of it: "Why does Hege enjoy
# public health advertising?" is answered by her quote (0.53), not by the sentence on the
# campaign’s backlash that holds a reason (0.60). Measured on all sets: +6 turns, -2 (0.10
# and 0.15 the same, 8 candidates within 0.20 no more); one of the two, "low pay" for "What is
# her salary?", is held back since by asking an amount there.
RUNNERS_UP = 5
RUNNER_UP_MARGIN = 0.15
# A thing the evidence counts, read alone this close to the one asked, is that thing:
# "companies" for "firms" (0.87), "troops" for "soldiers" (0.89); not "months" for "years"
# (0.74), "teams" for "players" (0.65), "people" for "teenagers" (0.54).
COUNTED_ALIKE = 0.80
# A byline's organisation, after its reporter's name: "Tom Davies, Associated Press", "By Jane
# Doe | Reuters" (not a date: "by Jeff Foust — November 18, 2019").
PUBLISHER_IN_BYLINE = re.compile(
    rf"[,|]\s*(?:[Tt]he\s+)?(?!(?i:{MONTHS}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b)"
    r"[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*)*\s*$"
)
# An act done, and its purpose: "registered to attend", "signed up to attend", "applied to fly"
# (not "went to college": an act in the past tense ending in -ed).
PURPOSE = re.compile(
    r"\b(?P<act>[a-z]+ed)\s+(?:(?:up|in|out|on)\s+)?to\s+(?P<purpose>[a-z]+)\b"
    r"(?!\s+(?:the|a|an)\b)",
    re.IGNORECASE,
)
# A sentence holding the asked kind of fact, saying some of what is asked and this close in
# meaning to the question, says the rest in its own words ("He has at least 10 assists in six
# consecutive games" for "how many games in a row has LeBron had double-digit assists"):
# +9 turns, -1 (a count of states for "medical marijuana" states); at 0.65, +7, -1.
TYPED_RESTATEMENT_DENSE = 0.60
# A "what" or "which" question more than half of whose points (two or more) a sentence says in
# its words, of an act the article speaks of, is answered by it when it is this close in
# meaning: the rest ("illness") is what it names in its own ("cervical cancer"). Measured on
# the read sets: +11 turns, -2 (an unanswerable "what processor will it have" answered, and a
# follow-up after a gained turn); without the act, -3.
OTHER_RESTATEMENT_DENSE = 0.50
# A currency's sign says its name: "£10bn" is in pounds.
CURRENCY_STEMS = {sign: stems([name])[0] for sign, name in CURRENCY_SIGNS.items()}
MONEY_STEMS = frozenset(stems(MONEY_WORDS.split()))
# Other sentences join the best one when they score within this margin of it.
NEAR_BEST = 0.08
# For "why", a sentence giving a reason joins the best one, which gives none, when it scores
# within this margin of it ("Why did Eichel fight?": the fight, then "just trying to spark
# some energy"). Measured: 0.15 loses one of the three turns it gains, 0.30 gains the same.
REASON_MARGIN = 0.20
MAX_SENTENCES = 3
# "What is the article about?" gets its opening sentences, the lede.
LEDE_SENTENCES = 2
# "What is this story about?" before any article is picked or talked about lists each article
# of an index of at most this many (the seven shared articles and the bundled one).
LISTED_ARTICLES_MAX = 10
MAX_STATEMENTS = 6
# A definition ("Who is X?") prefers sentences that describe X: this much extra.
DESCRIPTOR_BONUS = 0.15
NOT_IN_ARTICLE = "The article doesn't say."
# Questions whose answer leads with the asked fact itself, cut from the best sentence.
LEADING_KINDS = frozenset(
    {
        "rank",
        "when",
        "when_day",
        "when_year",
        "when_future",
        "how_many",
        "how_much",
        "how_old",
        "score",
        "how_long",
        "how_often",
        "share",
        "change",
        "stats",
    }
)
# A question asking for the most of something needs a sentence that ranks or measures: "What's
# the best Pixar movie ever made?" is not answered by a list of Pixar movies.
SUPERLATIVES = (
    r"best|worst|biggest|largest|smallest|greatest|highest|lowest|fastest|slowest|oldest|"
    r"youngest|longest|shortest|strongest|weakest|richest|hardest|easiest|most|least"
)
SUPERLATIVE = re.compile(rf"\b(?:{SUPERLATIVES})\b", re.IGNORECASE)
# A sentence that opens on someone's age stands for the one the sentence before speaks of:
# "The 55-year-old is the third Beijing resident to contract ...".
AGE_ANAPHOR = re.compile(r"^\W*The\s+\d+-year-old\b")
# The kind of thing a question asks to have named: "Which prison ...?", "Which Beijing hospital
# ...?", "What was the name of the restaurant ...?" ("What kind of van?" may ask for a
# description: "an emotional pep talk").
KIND_TO_NAME = re.compile(
    r"^\W*(?:(?:and|so|but|then)\W+)*(?:"
    r"which\s+(?:(?-i:[A-Z])[\w'’.-]*\s+)*(?P<which>(?-i:[a-z])[\w-]*)(?=\s+(?:is|was|are|were|did|does|do|has|had|will|would|can|could)\b)"
    r"|what(?:['’]s|\s+(?:is|was|are|were))\s+the\s+names?\s+of\s+(?:the|a|an|his|her|their|its)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?P<named>(?-i:[a-z])[\w-]*)"
    r"(?=\s+(?:that|who|which|where|he|she|they|it|we|you|(?-i:[A-Z])[\w'’.-]*)\b|\s*\?|$))",
    re.IGNORECASE,
)
# Words that leave a thing unnamed before it: "a prison term", "another restaurant", and the
# prepositions of a bare noun ("admitted to hospital").
UNNAMING = frozenset("a an another some any to in at into from".split())
# Words between a name and "a" that make the thing after it that name: "Nobu, a restaurant",
# "Emirates is an airline", "Mercy became a hospital".
NAME_BEFORE_KIND = frozenset(", is was as became becomes remains".split())
# Words after a thing that go on to name it: "a restaurant called Nobu".
NAMING_NEXT = frozenset("called named dubbed titled".split())
# How many modifiers may stand between "a" and the thing ("a nearby restaurant", "a South
# Carolina shared workspace" names no workspace).
UNNAMED_MODIFIERS = 3
SUPERLATIVE_SAID = re.compile(
    # ("key", "main", "leading": "SBI and ICICI Bank as its key beneficiaries" for "Which banks
    # gain the most?")
    rf"\b(?:{SUPERLATIVES}|top|record|all-time|ever|first|No\.\s*1|key|main|leading|primary)\b"
    r"|\bin\s+(?:\w+\s+)?history\b"
    r"|\w+est\b(?<!\btest)(?<!\bprotest)(?<!\binterest)(?<!\brequest)(?<!\bwest)",
    re.IGNORECASE,
)
# What a thing is worth, asked ("How much is it worth?") and said ("valued at $8.8 billion").
WORTH = frozenset(stems(["worth", "value"]))
VALUED = re.compile(
    r"\b(?:valued\s+at|worth|a\s+value\s+of)\s+(?:about\s+|around\s+|nearly\s+|roughly\s+|"
    r"some\s+|more\s+than\s+|up\s+to\s+)?[$£€¥₹]\s?\d",
    re.IGNORECASE,
)
# A question after a figure in named units ("What's its range in miles?", "in dollars"): a
# sentence with no number in it gives none.
IN_UNITS = re.compile(
    r"\bin\s+(?:miles|kilometers|kilometres|km|feet|foot|meters|metres|inches|pounds|kilograms|"
    r"kilos|kg|tons|tonnes|dollars|euros|rupees|yen|percent|percentage\s+points|degrees|"
    r"gallons|liters|litres|acres|hectares)\b",
    re.IGNORECASE,
)
# A sentence that asks rather than states, outside any quotation: a subheading ("What charges
# does Assange face in the US?") or the writer's aside; it answers no question.
ASKING_SENTENCE = re.compile(r"[^“”\"]*\?")
# A doer is followed by what they did, their possessive or a clause on them: "OrbitBeyond
# canceled", "Zucker’s empty-net goal", "Schröder, who scored 31 points".
DOER_FOLLOWED = re.compile(r"(?:['’]s?)?\s+[\w“\"']|,\s+who\b")
# "Who ...?" is led by the person the asked words follow, among the next this many words.
DOER_GAP_WORDS = 4
# A fact leads the answer only when it stands this close (characters) to a word of the question.
LEAD_DISTANCE = 60
# Words that name only the story's own event ("Where was the game played?", "Where did it
# happen?"): a dateline answers where it took place.
STORY_EVENT_WORDS = frozenset(
    stems(
        """game match play played happen happened held hold take took place event meeting rally
        protest race conference hearing vote march strike announcement launch story""".split()
    )
)
# Verbs of paying: "How much did X pay/spend?" asks an amount said with one of them.
PAYING = frozenset(
    stems("pay paid pays paying spend spent spends spending buy bought purchase invest".split())
)
# What a team's total in a game counts, and the verbs asking for it.
SCORE_UNITS = frozenset(stems("points goals runs".split()))
SCORING = frozenset(stems("score scored scores put total totaled finish finished".split()))
# The stems of lexicon.JOB_WORDS, APPOINTED_VERBS and CARRYING_VERBS.
JOB_STEMS = frozenset(stems(sorted(JOB_WORDS)))
APPOINTED = frozenset(stems(sorted(APPOINTED_VERBS)))
CARRYING = frozenset(stems(sorted(CARRYING_VERBS)))
# A load carried, as a weight: "up to 100 metric tons".
WEIGHT = re.compile(
    r"\b\d[\d,.]*\s+(?:metric\s+)?(?:tons?|tonnes?|pounds|lbs?|kilograms?|kg)\b", re.IGNORECASE
)
# An age as a fact to lead with: "34-year-old", "34 years old", "aged 34", or the number alone.
AGE_NUMBER = re.compile(r"(?:aged?\s+)?\d{1,3}(?:-year-old|\s+years?\s+old)?", re.IGNORECASE)
# Facts led with the words that qualify them: "more than 15,000", "just over half", "more than
# $3 billion".
QUANTIFIED_KINDS = frozenset({"how_many", "how_much", "share", "change"})
# Words after a number that say what it counts ("15,000 people", "100 metric tons"), at most.
COUNTED_WORDS = 2
# How many words right before a role may say whose role it is: "Kentucky GOP Gov.", "Oklahoma
# City coach". After a name, the rest of its appositive does: "chief executive of Ceres Robotics".
ROLE_CONTEXT_WORDS = 3
ROLE = re.compile(ROLE_WORDS, re.IGNORECASE)
# Words before a name that may say whose person they are: "Indiana State Teachers Association
# President Keith Gambill".
DESCRIBED_BEFORE_WORDS = 6
# Titles of courtesy, which say nothing of who someone is.
HONORIFICS = frozenset("dr mr mrs ms miss mx prof sir dame rev".split())
HONORIFIC = rf"(?:{'|'.join(word.capitalize() for word in sorted(HONORIFICS))})"
# The longest description a "Who is X?" answer leads with ("president and chief operating
# officer of SpaceX"); a longer one is left to the quoted sentence.
DESCRIPTION_WORDS = 8
# Words that make an amount what it is: "several thousand", "more than 15,000", "nearly 300".
QUANTIFIER_BEFORE = re.compile(
    r"\b(?:several|a\s+few|more\s+than|fewer\s+than|less\s+than|nearly|almost|about|"
    r"roughly|around|at\s+least|at\s+most|just\s+over|just\s+under|over|under|some|"
    r"up\s+to)\s+$",
    re.IGNORECASE,
)
# The acts of "Who won?": the winner is in the sentence that gives the result.
WINNING = frozenset({"won", "wins", "beat", "beats", "defeated", "defeats"})
# The acts of "Did the Lakers win?", "Did the Thunder lose?": the result answers yes or no.
RESULT_VERBS = WINNING | {"win", "beat", "lose", "lost", "defeat"}
RESULT_OBJECTS = frozenset({"game", "match", "tonight", "last", "night", "yesterday"})
# The words a result's sentence is looked up by in the keyword index (their stems).
RESULT_QUERY = ("win", "won", "beat", "victory", "defeat", "lost", "loss", "edged", "final")
COUNTED_WORD = re.compile(r"\d+-[^\W\d_][\w’'-]*|[^\W\d_][\w’'-]*[^\W_]|[^\W\d_]")
# Fixed wording: an abstention never repeats the question's own words in qabot's voice.
UNKNOWN_NAME = "The article doesn't mention anyone or anything by that name, so it doesn't say."
NO_AUTHOR = "The article doesn't say who wrote it."
NOTHING_MORE = "The article doesn't say more than what was already quoted."
NO_DATE = "The article doesn't give the date it was published."
PRONOUN = re.compile(r"he|she|they|it|him|her|them", re.IGNORECASE)
# A yes/no question about what is still to come.
WILL_QUESTION = re.compile(
    r"^(?:will|won['’]t|(?:is|are)\s.+\sgoing\s+to)\b"
    # "Who will win that one?", "How many people will attend?"
    r"|^(?:who|what|which|where|how)\s+(?:[\w'’-]+\s+){0,3}?will\b"
    # "Who do the Wild play next?", "What is their next game?": what is still to come
    r"|\bnext\b(?!\s+to\b)",
    re.IGNORECASE,
)
# Verbs asking for someone's words on what is to come: "What did Mayer predict?".
FORECAST_VERBS = frozenset(
    "predict predicted forecast promise promised pledge pledged vow vowed".split()
)
# The words of "What did the study find?" that a finding ("according to a study") says.
FINDING_WORD = re.compile(rf"{RESEARCH}|{FINDING_VERBS}")
# A description that gives someone's organisation by its kind: "the company’s chief operating
# officer", whose company the sentence before names.
OWN_COMPANY = re.compile(
    r"\b(?:the|its)\s+(?:company|firm|agency|organization|organisation|startup|group)['’]s?\b",
    re.IGNORECASE,
)
# A thing spoken of in a quote without being named: "It has a lot of payload capacity".
# A speech verb as a word of its own.
SAYING = re.compile(SPEECH_VERBS, re.IGNORECASE)
# What a question on someone's words asks them about, to its end: "... say about Anthony Davis?".
ABOUT_TOPIC = re.compile(r"\b(?:about|on|of)\s+(?P<topic>[^?!.]+?)\W*$", re.IGNORECASE)
THING = re.compile(r"\b(?:it|its|they|them|their)\b", re.IGNORECASE)
# How many sentences back the name of one a quote calls "he" or "it" may stand ("he's playing
# well now" right after a paragraph about the player).
REFERENCE_WINDOW = 2
# How many sentences back someone a statement is asked about may be named ("What explanation
# did Eichel give for going after Eriksson Ek?": his words come three paragraphs on). Measured:
# 3 loses one right answer, 6 keeps a wrong one, 4 neither.
TOPIC_NAME_WINDOW = 4
# A sentence about the person named before it: "He led key acquisitions ...".
OPENING_PRONOUN = re.compile(r"^(?:He|She)\b")


def _with_opposites(points: Sequence[tuple[str, str]], stems_said: Collection[str]) -> set[str]:
    """The stems said, and those of the points whose opposite is among them."""
    said = set(stems_said)
    return said | {stem for _, stem in points if OPPOSITE_STEMS.get(stem, set()) & said}


GROUP_STEMS = frozenset(stems(sorted(GROUP_WORDS)))
WE = re.compile(r"\b(?:we|our|us|ours)\b", re.IGNORECASE)


def _speaks_for_own_group(question: Question, sentence: Sentence) -> bool:
    """Whether the sentence quotes someone the question names speaking as "we", which says
    their team, staff or firm ("Where did Graham's team put the ads?": her "we were doing our
    advertising on gaming sites")."""
    if not sentence.is_quote or not WE.search(sentence.text):
        return False
    return any(set(words(sp)) & question.name_words for sp in sentence.speakers)


def _asked_about(question: Question, subject_words: Collection[str]) -> set[str]:
    """The name words a statement question asks about, besides whoever speaks (its subject's
    words, as asked and as found): "schroder" in "What did Davis say about Schröder?"."""
    return (
        set(question.name_words) - set(subject_words) - set(words(question.statement_subject or ""))
    )


def _with_phrasal(question: Question, stems_said: Collection[str]) -> set[str]:
    """The stems said, and those of the question's phrasal verbs said by a single verb
    ("rolled out" by "introduced")."""
    said = set(stems_said)
    for verb, particle, single in question.phrasal:
        if single & said:
            said.update((verb, particle))
    return said


def _said_in_another_tense(points: Sequence[tuple[str, str]], text: str) -> set[str]:
    """The stems of the points the text says in another form of an irregular verb: "Who was
    the girl taken by?" said by "he took the child", "What did Emirates buy?" by "bought"."""
    said = set(verb_stems(words(text)))
    return {stem for word, stem in points if verb_stems([word])[0] in said}


def _measures_given(points: Sequence[tuple[str, str]], text: str) -> set[str]:
    """The stems of the points that name a measure ("weigh") the text gives in its units."""
    return {
        stem
        for word, stem in points
        if word in MEASURE_OF_WORD and gives_measure(MEASURE_OF_WORD[word], text)
    }


def _currencies_signed(text: str) -> set[str]:
    """The stems of the currencies whose signs the text writes ("£10bn": "pound"), and of
    the words for money any sum says ("How much money is SoftBank putting in?": "$5 billion")."""
    signed = {stem for sign, stem in CURRENCY_STEMS.items() if sign in text}
    return (signed | MONEY_STEMS) if signed else signed


def _says_another_kind(asked: Collection[str], said: Collection[str]) -> bool:
    """Whether the stems `said` leave out one of two exclusive kinds the `asked` stems name and
    say the other ("medical" and "recreational"; lexicon.EXCLUSIVE_KINDS)."""
    for one, other in EXCLUSIVE_KINDS:
        first, second = set(stems(one.split())), set(stems(other.split()))
        if first & set(asked) and second & set(asked):
            continue  # "Were there more men or women?" asks both
        for kind, excluded in ((first, second), (second, first)):
            if kind & set(asked) and not kind & set(said) and excluded & set(said):
                return True
    return False


def _of_another_nation(question: Question, text: str) -> bool:
    """Whether the text gives the asked kind of thing of another nation or region than the
    question's, and not of the question's: "Which American hospitals use it?" is not answered
    by "in use at European hospitals in France"."""
    said = words(text)
    for adjective, noun in itertools.pairwise(words(question.text)):
        place = DEMONYMS.get(adjective)
        if place is None or noun in STOPWORDS:
            continue
        if place in said or any(DEMONYMS.get(word) == place for word in said):
            continue
        kind = stems([noun])[0]
        if any(
            DEMONYMS.get(before) not in (None, place) and stems([after])[0] == kind
            for before, after in itertools.pairwise(said)
        ):
            return True
    return False


def _counted_synonyms(counted: str) -> set[str]:
    """The stems of the things counted under other names than `counted`'s (lexicon
    COUNTED_SYNONYMS: "matches" for "games")."""
    found: set[str] = set()
    for group in COUNTED_SYNONYMS:
        group_stems = set(stems(group.split()))
        if counted in group_stems:
            found = group_stems
            break
    if counted in stems(["people", "persons"]):
        found |= set(stems(PEOPLE_COUNTED))  # "How many people ...?": "nine witnesses"
    return found


def _about_names_alone(question: str, names: Collection[str]) -> bool:
    """Whether the question asks about these names and nothing more: "What did LeBron say
    about Anthony Davis?", not "... give for going after Eriksson Ek?"."""
    topic = ABOUT_TOPIC.search(question)
    return topic is not None and set(words(topic.group("topic"))) <= {*names, "the"}


def _with_appointment(question: Question, stems_said: Collection[str]) -> set[str]:
    """The stems said, and the question's word for a job when they say someone was named to
    one ("When did Mayer get his current job?": "was named chairman ... in March 2018")."""
    said = set(stems_said)
    if APPOINTED & said:
        said |= JOB_STEMS & set(question.point_stems)
    return said


# A title in quotation marks opens on a capital or a figure ("Starts with one"), not a word
# quoted from someone ("calls me her “sister”").
QUOTED_TITLE = re.compile(r"[\"“](?=[A-Z0-9])[^\"“”]*[\"”]")
# "Who led the research?": the words after "who", as a sentence's clause may repeat them.
AFTER_WHO = re.compile(r"^\s*who\s+(?P<rest>[a-z][\w\s’'-]*?)\s*[?.!]*\s*$", re.IGNORECASE)


class ExtractiveAnswerer:
    """Composes answers from evidence sentences; every quote is checked against the index."""

    def __init__(self, index: CorpusIndex, paraphrase: ParaphraseJudge | None = None):
        self.index = index
        self.paraphrase = paraphrase
        self._by_source: dict[str, list[Sentence]] | None = None
        self._speakers: dict[str, frozenset[str]] = {}
        self._stems_by_article: dict[str, frozenset[str]] = {}
        self._verbs_by_article: dict[str, frozenset[str]] = {}

    def answer(
        self,
        asked: str,
        question: Question,
        evidence: Sequence[Evidence],
        on_token: Callable[[str], None] | None = None,
    ) -> Answer:
        """The answer to `question` (`asked` as it was typed) from the retrieved evidence;
        nothing streams, so `on_token` is never called."""
        standalone = question.text
        if question.asked_role and not question.unknown_names:
            # "Who is the Wild coach?": the one the article describes so, named first; none
            # described so, the one a sentence says did as asked ("Who led the research?":
            # "..., added Lopes, who led the research published in ...")
            holders = self._holders_of_asked_role(question)
            clause = None if holders else self._who_clause(question)
            if clause:
                name, sentence = clause
                chosen = self._with_introduction(name, [Evidence(sentence)])
                return self._compose(asked, question, chosen, lead=name, person=name)
            return self._naming(asked, question, holders)
        if question.speaks_for and not question.unknown_names:
            # "Who spoke for Blue Origin?": whom the article quotes, introduced as its people.
            return self._naming(asked, question, self._speaking_for(question))
        total = self._team_total(question, evidence)
        if total:
            # "How many goals did the Wild score?": their side of the result, "the Wild's 4-1 win"
            lead, result = total
            return self._compose(asked, question, [result], lead=lead)
        question = self._with_counted_alike(question, evidence)
        if question.counted_alike:
            evidence = rescored_for_alike(question, evidence)
        evidence = [e for e in evidence if e.text not in question.shown]
        chosen, reason = self._choose(question, evidence)
        if not chosen:
            text = NOTHING_MORE if question.shown else reason or NOT_IN_ARTICLE
            return Answer(asked, text, abstained=True, resolved_question=standalone)
        first = chosen[0].sentence
        # "Who are the two hostages?": the people described, as the next sentence names them;
        # not a game's winner, which is a side ("who won the game")
        asks_people = question.wh == "who" and question.predicate not in WINNING
        identified = self._identified_next(first) if asks_people else None
        if identified is not None and all(e.id != identified.id for e in chosen):
            chosen = [*chosen, Evidence(identified)]  # "Who are the two hostages?"
        if question.wh == "how_many" and question.name_words:
            # "How many points did Gallinari score?": the count he holds leads, of the
            # sentences chosen ("Danilo Gallinari added 25 points"), before the Thunder's run
            first = next(
                (e.sentence for e in chosen if _count_held_by_asked(question, e.sentence)), first
            )
        lead = (
            _fact_span(question, first.text, first.mentions)
            if question.wh in LEADING_KINDS
            else None
        )
        dated = DAY_OF_YEAR.search(first.text) if question.asks_date else None
        if dated:
            lead = dated.group()  # "November 18, 2019"
        if _asks_where_the_story_happened(question):
            lead = _dateline_place(chosen[0].text)  # "LOS ANGELES (AP) — ...": "LOS ANGELES"
        if question.wh == "other" and question.focus:
            lead = _kind_named(question, first.text)  # "Which journal ...?": "JAMA Psychiatry"
        if _is_name_only(question.definition_target, question.name_words):
            lead = _description(question, first.text)  # "Who is Alex Stalock?": "Wild goalie"
            opening = min(chosen, key=lambda e: (e.sentence.source, e.sentence.position)).text
            if lead and opening.startswith(lead):
                lead = None  # "High school math teacher Angela Cooper said ...": said first
        if question.asks_source_of_last and question.wh == "who":
            lead = next(iter((*first.speakers, *first.voices)), None)  # "Who gave that number?"
        elif question.wh == "who" and not question.definition_target:
            lead = _doer(question, chosen[0].sentence)
            speakers = chosen[0].sentence.speakers
            if lead is None and SPEECH_TERM in question.point_stems and len(speakers) == 1:
                lead = speakers[0]  # "Who said small companies have a role?": "Michael Sims"
            if question.predicate in WINNING:
                lead = winner(chosen[0].text) or lead  # "Who won?": "Lakers"
        credit = DATELINE_CREDIT.match(first.text) if question.asks_publisher else None
        if credit:
            lead = credit.group("agency")  # "LONDON (AP) — ...": "AP"
        # of several results, the one by a side the question names: "Gibraltar" for "6-0"
        result = (
            result_score(chosen[0].text, question.name_words) if question.wh == "score" else None
        )
        lead = result.group() if result else lead
        several = len({e.sentence.source for e in chosen}) > 1
        if several and (result or question.wh == "who"):
            # several articles' results: each one's, with the article it is from
            lead = self._results_apart(question, chosen) or lead
        # The one a "who" answer leads with is whom "he", "she" or "it" next means.
        named = lead if question.wh == "who" and not question.definition_target else None
        named = None if several else named
        if named:
            chosen = self._with_introduction(named, chosen)
        return self._compose(asked, question, chosen, lead=lead, person=named)

    def _who_clause(self, question: Question) -> tuple[str, Sentence] | None:
        """The name and sentence of "<Name>, who <the question's own words>": "Lopes, who led
        the research" for "Who led the research?"."""
        asked = AFTER_WHO.match(question.text)
        if asked is None:
            return None
        rest = re.escape(asked.group("rest"))
        name = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*"
        clause = re.compile(
            rf"\b(?P<name>{name}),\s+who\s+(?i:{rest})\b"
            # "The company that runs the AMAs, Dick Clark Productions, ..." for "Who runs the
            # AMAs?": the one a described holder's name follows
            rf"|\b(?i:the|a|an)\s+[a-z][\w-]*\s+(?:that|who|which)\s+(?i:{rest}),\s+"
            rf"(?P<named>{name})\b"
        )
        source = self._picked_or_only(question.article)
        for sentence in self._sentences_of(source) if source else self.index.sentences:
            found = clause.search(sentence.text)
            if found:
                return found.group("name") or found.group("named"), sentence
        return None

    def _results_apart(self, question: Question, chosen: Sequence[Evidence]) -> str | None:
        """Each article's result ("112-107" or who won), with its headline, in the order the
        sources list the articles."""
        parts = []
        for found in sorted(chosen, key=lambda e: (e.sentence.source, e.sentence.position)):
            score = result_score(found.text)
            fact = winner(found.text) if question.wh == "who" else score and score.group()
            if not fact:
                return None
            parts.append(f"{fact} (“{found.sentence.title}”)")
        return "; ".join(parts)

    def _naming(self, asked: str, question: Question, people: dict[str, Sentence]) -> Answer:
        """The people found, named first, each with the sentence that says who they are."""
        if not people:
            return Answer(asked, NOT_IN_ARTICLE, abstained=True, resolved_question=question.text)
        names = list(people)
        return self._compose(
            asked,
            question,
            [Evidence(sentence) for sentence in people.values()],
            lead=_listed(names),
            person=names[0] if len(names) == 1 else None,
        )

    def _compose(
        self,
        asked: str,
        question: Question,
        chosen: Sequence[Evidence],
        lead: str | None = None,
        person: str | None = None,
    ) -> Answer:
        """The chosen sentences in the articles' order, each cited, after the fact asked for."""
        standalone = question.text
        chosen = sorted(chosen, key=lambda e: (e.sentence.source, e.sentence.position))
        citations: list[Citation] = []
        parts: list[str] = []
        for found in chosen:
            sentence = found.sentence
            if not self.index.verify(sentence.id, sentence.text):
                log.warning("dropped a quote that does not match its source: %r", sentence.text)
                continue
            citations.append(cite(len(citations) + 1, sentence))
            parts.append(f"{sentence.text} [{len(citations)}]")
        if not citations:
            return Answer(asked, NOT_IN_ARTICLE, abstained=True, resolved_question=standalone)
        several = len({c.source for c in citations}) > 1
        # several articles and none of them asked about: an answer says which one it is from
        unpicked = question.article is None and len(self.index.articles()) > 1
        if question.asks_summary and several:
            # No article picked or talked about yet: what each one is about, by its headline.
            ends = "" if citations[-1].quote.rstrip().endswith((".", "!", "?")) else "."
            parts = [f"There are {len(citations)} articles here: {'; '.join(parts)}{ends}"]
            parts.append("Ask about one of them, or pick one.")
        elif question.asks_summary and chosen[0].sentence.section != HEADLINE_SECTION:
            # A story's own summary of itself is its headline (cited, when the article opens
            # with one; else its title); the lede's sentences follow.
            parts.insert(0, f"{_as_sentence(chosen[0].sentence.title)}")
        elif (question.asks_author or question.asks_date) and (several or unpicked):
            # Whose byline is whose, and how many articles have none.
            bylines = [f"“{c.title}”: {part}" for c, part in zip(citations, parts, strict=True)]
            ends = "" if citations[-1].quote.rstrip().endswith((".", "!", "?")) else "."
            parts = [f"{'; '.join(bylines)}{ends}"]
            unsigned = len(self.index.articles()) - len(citations)
            if unsigned:
                verb, thing = ("give", "no date") if question.asks_date else ("name", "no author")
                if unsigned == 1:
                    parts.append(f"The other article {verb}s {thing}.")
                else:
                    parts.append(f"The other {unsigned} articles {verb} {thing}.")
        elif question.spelled_out:
            parts.insert(0, f"{self._full_name(question.spelled_out, chosen[0].sentence.text)}:")
        elif lead:
            # The fact asked for first, then the sentence that states it.
            parts.insert(0, f"{lead[:1].upper()}{lead[1:]}:")
        return Answer(
            asked, " ".join(parts), citations, resolved_question=standalone, person=person
        )

    def _choose(
        self, question: Question, evidence: Sequence[Evidence]
    ) -> tuple[list[Evidence], str]:
        if question.unknown_names:
            return [], UNKNOWN_NAME
        if question.last_quoted and (question.asks_source_of_last or question.asks_about_last):
            found = self._from_last_answer(question)
            if found is not None:
                return found
        if question.asks_summary:
            lede = self._lede(evidence, question.article)
            headline = [e for e in lede if e.sentence.section == HEADLINE_SECTION]
            if question.asks_headline and len(headline) == 1:
                return headline, NOT_IN_ARTICLE
            return lede, NOT_IN_ARTICLE
        if question.asks_publisher:
            # "Which news org is he with?": a byline naming its organisation ("Tom Davies,
            # Associated Press"), not one naming its reporter alone
            bylines = self._author_sentences(question.article)
            if question.article is None and len(self.index.articles()) > 1:
                # several articles, none picked: the byline of the reporter the question names
                bylines = [e for e in bylines if question.name_words & set(words(e.text))]
            signed = [e for e in bylines if PUBLISHER_IN_BYLINE.search(e.text)]
            # "LONDON (AP) — ...", "(CNN) President ...": the agency the dateline credits
            return signed or self._credited(question.article), NOT_IN_ARTICLE
        if question.asks_author:
            return self._author_sentences(question.article), NO_AUTHOR
        if question.asks_date:
            bylines = self._author_sentences(question.article)
            return [e for e in bylines if DAY_OF_YEAR.search(e.text)], NO_DATE
        if question.spelled_out:
            return self._spelling_out(question.spelled_out, question.article), NOT_IN_ARTICLE
        if question.statement_subject and PRONOUN.fullmatch(question.statement_subject.strip()):
            return [], (
                f'I can\'t tell who "{question.statement_subject.strip()}" is here; '
                "please ask with a name."
            )
        if _is_name_only(question.definition_target, question.name_words):
            # one that says what it is, and names it all ("Indiana State Teachers Association"
            # is not described by "a teacher at eastern Indiana's Richmond High School")
            described = [
                e
                for e in evidence
                if _describes(e.text, question.name_words, job=question.asks_job)
                # named all, but not where the role is held: "What was Adam Neumann's job at
                # WeWork?" is described by "After CEO and co-founder Adam Neumann left ..."
                and set(words(question.definition_target or "")) - STOPWORDS
                <= set(words(" ".join((e.text, *e.sentence.mentions))))
            ]
            if described:
                return described[:MAX_SENTENCES], ""
            if question.asks_job:
                return [], NOT_IN_ARTICLE  # "What does he do for work?": no job, no answer
        if question.wh == "who" and question.predicate in WINNING:
            # "Who won the game?": the sentence that gives the result, if the article has one.
            results = self._results(question, evidence, near=True)
            if results:
                return results, ""
        if question.wh == "yesno" and _asks_result(question):
            # "Did the Lakers win?": the sentence that gives the result, if the article has one.
            results = self._results(question, evidence)
            if results:
                return results, ""
        if question.wh == "score":
            results = self._results(question, evidence)
            if results and self._misses_the_point(question, results[0]):
                return [], NOT_IN_ARTICLE  # "the score at halftime": not the final one
            if results or question.name_words:
                return results, NOT_IN_ARTICLE
        subject_words = _subject_words(question, self.index)
        if question.wants_statements and not subject_words:
            subject_words = self._voice_asked(question)  # "What did the doctor say?"
        if question.wants_statements and subject_words and self._writes(subject_words, question):
            # "What does he want Google to do?" of the one whose byline it is: the whole article
            # is their voice, as for "What does the writer want?"
            return self._choose(_as_writers_view(question, subject_words), evidence)
        if question.wants_statements and subject_words:
            subject_words = self._speaking_for_subject(question, subject_words)
            if question.about_story and (question.article or len(self.index.articles()) == 1):
                # "What did Bosc say about the deal?" in the story on the deal: all he said (in
                # one story; among several, "the decision" may be another story's)
                question = replace(question, topic_stems=(), point_stems=(), points=())
            elif question.about_event and self._story_event(question):
                # "What did Davis say about the milestone?" in a story that never says
                # "milestone": all he said on what it reports
                question = replace(question, topic_stems=(), point_stems=(), points=())
            found = self._statements(question, subject_words, evidence)
            if not found[0] and self._headline_topic(question):
                # "What did Will Moy say about the Tories?" in the story headlined on them,
                # where nothing he said names them: all he said on the story
                everything = replace(question, topic_stems=(), point_stems=(), points=())
                return self._statements(everything, subject_words, evidence)
            return found
        owned = OWNED_SUBJECT.search(question.statement_subject or "")
        if question.wants_statements and owned and not _owns_writing(question):
            return [], NOT_IN_ARTICLE  # the words of someone's someone the article never names
        best = self._best(question, evidence)
        if not best and _asks_where_the_story_happened(question):
            # "Where was the game played?": where the story was reported from, its dateline.
            source = question.article or (evidence[0].sentence.source if evidence else None)
            best = self._dateline(source, question.name_words)
        return best, NOT_IN_ARTICLE

    def _from_last_answer(self, question: Question) -> tuple[list[Evidence], str] | None:
        """A follow-up on what the last answer quoted: its first sentence's speaker ("Who gave
        that number?": "Bolivia's public defender's office"), or the asked kind of fact in it or
        just around it ("When will they get it?": "He said it would be provided next year", the
        sentence after the promise); None when it is not there, to be answered as any question.
        """
        quoted = self._last_sentences(question)
        if not quoted or question.last_quoted[0] not in quoted[0].text:
            return None  # its first quote is not there
        first = quoted[0]
        if question.asks_source_of_last:
            # "Who said that?" after an answer whose first sentence is the story's own: the
            # first of its sentences someone said
            said = next((s for s in quoted if s.speakers or s.voices), None)
            return ([Evidence(said)], "") if said else ([], NOT_IN_ARTICLE)
        around = [
            self._sentence_at(first.source, first.position + step) for step in LAST_ANSWER_STEPS
        ]
        holding = (s for s in around if s is not None and kind_score(question.wh, s.text) >= 1.0)
        found = next(holding, None)
        return ([Evidence(found, kind=1.0)], "") if found else None

    def _last_sentences(self, question: Question) -> list[Sentence]:
        """The sentences the last answer quoted, in its order."""
        found = []
        for quote in question.last_quoted:
            holding = (
                s
                for s in self.index.sentences
                if quote in s.text and (question.article is None or s.source == question.article)
            )
            sentence = next(holding, None)
            if sentence is not None:
                found.append(sentence)
        return found

    def _dateline(self, source: str | None, names: Collection[str]) -> list[Evidence]:
        """The article's opening sentence, when it has a dateline and the article's headline
        says every name asked ("Where was the Lakers game played?"; not "Where in Florida was
        the governors' conference held?" in a story on a teachers' rally)."""
        if source is None:
            return []
        lede = [e for e in self._lede([], source) if e.sentence.section != HEADLINE_SECTION]
        opening = lede[:1]
        if opening and DATELINE.search(opening[0].text):
            return opening if set(names) <= set(words(opening[0].sentence.title)) else []
        return []

    def _statements(
        self, question: Question, subject_words: set[str], evidence: Sequence[Evidence]
    ) -> tuple[list[Evidence], str]:
        """Everything the subject is reported to have said, or what they said on the topic."""
        others = self._others_of_the_name(question)
        said = [e for e in evidence if _said_by(e.sentence, subject_words, others)]
        if not said and not question.topic_stems:
            # "What did the superintendent say?": a person found by role, whose quotes the
            # question's own words did not retrieve.
            said = [Evidence(s) for s in self._spoken_by(subject_words, question.article, others)]
        elif not said and not subject_words <= question.name_words:
            # "What did the state schools superintendent tell the teachers?": the same, on a
            # topic; each statement scored by the words it shares with the question.
            said = [
                score_sentence(question, self.index, i, dense=0.0)
                for i in self._spoken_at(subject_words, question.article, others)
            ]
        # "what else did he say?": what the conversation has not quoted yet
        said = [e for e in said if e.text not in question.shown]
        # Named as the article names them, never in the question's own words.
        subject = self._name_of(subject_words)
        if not said:
            return [], f"The article doesn't report anything {subject} said."
        if not question.topic_stems:
            if question.statement_verb in FORECAST_VERBS:
                # "What did Mayer predict?": his words on what is to come; none, no forecast
                verb = stems([question.statement_verb])[0]
                said = [e for e in said if FUTURE_SAID.search(e.text) or verb in e.sentence.stems]
                if not said:
                    return [], f"The article doesn't report what {subject} said about that."
            return sorted(said, key=lambda e: e.sentence.position)[:MAX_STATEMENTS], ""
        ranked = sorted(said, key=lambda e: -e.score)
        # "What did Lukashenko say about nuclear weapons?" in a story that never mentions them:
        # every point of the topic must be in the article, if only in other words.
        unsaid = [w for w, stem in question.points if stem not in self.index.idf]
        closest = ranked[:MAX_SENTENCES]
        # Each alone, then together: a word's sense in a sentence of its own can be lost among
        # its neighbours' ("suppliers" for "sellers"); the one saying it is answered first.
        saying = (
            next((e for e in closest if self._paraphrases(question, unsaid, e.text)), None)
            if unsaid
            else None
        )
        together = " ".join(e.text for e in closest)
        if unsaid and saying is None and not self._paraphrases(question, unsaid, together):
            return [], f"The article doesn't report what {subject} said about that."
        # On the topic by its own words, not by the speaker's name ("“Amazing,” Davis said." is
        # not on Schröder, for "What did Davis say about Schröder?").
        topic = set(question.topic_stems) - set(stems(sorted(subject_words))) - {SPEECH_TERM}
        on_topic = [e for e in ranked if topic & e.sentence.stems]
        # Quotes that speak of the topic without naming it, after those that name it.
        referring = self._quotes_referring_to(question, subject_words)
        if on_topic:
            top = on_topic[0].score
            naming = [e for e in on_topic if e.score >= top - NEAR_BEST]
            ordered = [saying] if saying else []
            for e in [*naming, *referring]:
                if all(e.id != shown.id for shown in ordered):
                    ordered.append(e)
            return self._with_elaboration(ordered[:MAX_SENTENCES]), ""
        if referring:
            return referring[:MAX_SENTENCES], ""
        if topic <= question.listeners:
            # "What did the superintendent tell the crowd?": whatever she told them
            return sorted(said, key=lambda e: e.sentence.position)[:MAX_STATEMENTS], ""
        best = ranked[0]
        if best.score < ABSTAIN_SCORE or not self._says_topic(question, subject_words, best):
            return [], f"The article doesn't report what {subject} said about that."
        return [best], ""

    def _says_topic(self, question: Question, subject_words: set[str], statement: Evidence) -> bool:
        """Whether a statement, with the sentences around it, says every point of the asked
        topic, if only in other words: "What did Hamilton say about teenagers using cannabis?"
        is not answered by his words on cannabis users in general."""
        around = self._neighbourhood(statement.sentence)
        said = frozenset().union(*(s.stems for s in around))
        # Someone else the question names must be named around it: "What did Davis say about
        # Schröder?" is not answered by his words on James.
        others = _asked_about(question, subject_words)
        context = [*around, *self._preceding(statement.sentence, TOPIC_NAME_WINDOW)]
        named = {w for s in context for w in words(" ".join(s.mentions))}
        # or by a handle in the statement itself: "Governor @MattBevin has done a wonderful job"
        named |= {w for handle in HANDLE.findall(statement.text) for w in words(f"@{handle}")}
        if others and not others & named:
            return False
        if others and _about_names_alone(question.text, others):
            # "What did LeBron say about Anthony Davis?": on a person alone, the words must name
            # or mean someone ("he", "her"), not "a pretty cool stat" after a line naming Davis
            quoted = " ".join(QUOTED.findall(statement.text)) or statement.text
            if not others & set(words(quoted)) and not THIRD_PERSON.search(quoted):
                return False
        missing = [w for w, stem in question.points if stem not in said]
        return not missing or self._paraphrases(question, missing, statement.text)

    def _others_of_the_name(self, question: Question) -> frozenset[str]:
        """The people the question's subject shares a name with but is not ("Greta Okafor",
        "Hugo Petrov" for "What did Hugo Okafor say?")."""
        asked = question.statement_subject
        if not asked:
            return frozenset()
        given, named = self.index.given_names, self.index.name_words
        return frozenset(
            name
            for name in self.index.people_named(words(asked))
            if another_person(asked, name, given, named)
        )

    def _spoken_by(
        self, subject_words: set[str], article: str | None, others: Collection[str] = ()
    ) -> list[Sentence]:
        """The sentences the article (the picked one, if any) reports these people, and none
        of the `others`, said."""
        return [self.index.sentences[i] for i in self._spoken_at(subject_words, article, others)]

    def _spoken_at(
        self, subject_words: set[str], article: str | None, others: Collection[str] = ()
    ) -> list[int]:
        """Where those sentences stand in the index, in the articles' order."""
        sentences = self.index.sentences
        described = any(w.startswith(VOICE) for w in subject_words)
        naming = range(len(sentences)) if described else self.index.sentences_naming(subject_words)
        return [
            i
            for i in sorted(naming)
            if _said_by(sentences[i], subject_words, others)
            and (article is None or sentences[i].source == article)
        ]

    def _quotes_referring_to(self, question: Question, subject_words: set[str]) -> list[Evidence]:
        """The subject's quotes that answer the sentence before them about the asked topic
        without naming it: "he's playing well now" right after a sentence about Parise (a
        person the quote calls "he" or "she"), "It's hard not to, though" right after one about
        the standings. In the article's order."""
        asked_about = _asked_about(question, subject_words)
        topic = set(question.point_stems)
        if not asked_about and not topic:
            return []
        found: list[Evidence] = []
        others = self._others_of_the_name(question)
        for sentence in self._spoken_by(subject_words, question.article, others):
            if not sentence.is_quote:
                continue
            before = self._preceding(sentence)
            on_topic = bool(topic) and topic <= frozenset().union(*(s.stems for s in before))
            if asked_about:
                quoted = " ".join(QUOTED.findall(sentence.text)) or sentence.text
                named = {w for s in before for w in words(" ".join((s.text, *s.mentions)))}
                # "It has a lot of payload capacity" after "... its Blue Moon lander ...", for
                # "What did he say about the Blue Moon lander?": a thing the quote calls "it"
                refers = THIRD_PERSON.search(quoted) or (on_topic and THING.search(quoted))
                if refers and asked_about & named:
                    found.append(Evidence(sentence))
            elif on_topic:
                found.append(Evidence(sentence))
        return sorted(found, key=lambda e: (e.sentence.source, e.sentence.position))

    def _said_around(self, sentence: Sentence) -> frozenset[str]:
        """The stems of the sentence, its neighbours and its article's headline: "Who won that
        fight last season?" is not answered by tonight's result in a story that mentions the
        fight elsewhere."""
        around = (s.stems for s in self._neighbourhood(sentence))
        return frozenset().union(*around, stems(words(sentence.title)))

    def _identified_next(self, sentence: Sentence) -> Sentence | None:
        """For a "who" answer that describes people without naming them ("Two hostages — an
        American and an Australian — ... were released"), the next sentence that names them
        in the same words ("American Kevin King and Australian Timothy Weeks, ..."): news
        identifies a story's people right after it describes them."""
        if any(map(is_person_name, sentence.mentions)):
            return None
        described = set(sentence.stems)
        for ahead in range(1, IDENTIFIED_WINDOW + 1):
            following = self._sentence_at(sentence.source, sentence.position + ahead)
            if following is None:
                return None
            people = [m for m in following.mentions if is_person_name(m)]
            if not people:
                continue
            # the same words in both, the names aside: "American Kevin King" after "an American"
            names = {w for person in people for w in words(person)[-2:]}
            said = set(stems([w for w in words(following.text) if w not in names]))
            return following if said & described else None
        return None

    def _preceding(self, sentence: Sentence, window: int = REFERENCE_WINDOW) -> list[Sentence]:
        """The sentences right before this one in its article (`window` of them)."""
        before = (
            self._sentence_at(sentence.source, sentence.position - back)
            for back in range(1, window + 1)
        )
        return [s for s in before if s is not None]

    def _results(
        self, question: Question, evidence: Sequence[Evidence], near: bool = False
    ) -> list[Evidence]:
        """The sentence that gives a game's or vote's result ("the Wild's 4-1 win"), naming
        everyone the question names; the best retrieved first, else the article's first."""
        query = [*RESULT_QUERY, *sorted(question.name_words)]
        # "Who won the election?" is no game's: what else it asks its article must state (the
        # result's sentence, its neighbours or headline, when `near`: "Who won that fight last
        # season?" in a story that mentions the fight elsewhere)
        contest = [
            stem
            for word, stem in question.points
            if word not in RESULT_VERBS | RESULT_OBJECTS and not _names_answer_kind(question, word)
        ]
        found = [
            s
            for s in _sentences_with_words(query, self.index, question.article)
            if result_score(s.text)
            and question.name_words <= set(words(" ".join((s.text, *s.mentions))))
            and all(
                stem in (self._said_around(s) if near else self._article_stems(s.source))
                for stem in contest
            )
        ]
        retrieved = {e.id: e for e in evidence}
        found.sort(
            key=lambda s: (-(retrieved[s.id].score if s.id in retrieved else 0.0), s.position)
        )
        if question.article is None and not question.name_words:
            # "What was the final score?" with several games ingested and none talked about
            # yet: each article's result, best first
            best = {s.source: s for s in reversed(found)}
            found = sorted(best.values(), key=found.index)[:MAX_SENTENCES]
        else:
            found = found[:1]
        return [retrieved.get(s.id) or Evidence(s, kind=1.0) for s in found]

    def _team_total(
        self, question: Question, evidence: Sequence[Evidence]
    ) -> tuple[str, Evidence] | None:
        """A team's points, goals or runs in the game, asked of it alone ("How many points did
        the Lakers score?"): its side of the result ("112-107 over the Oklahoma City Thunder"),
        the higher number for the side the result says won; None when the question asks more
        (a period, a player) or the result names no winner."""
        rest = set(question.point_stems) - SCORE_UNITS - SCORING
        teams = {w for w in question.name_words if w in TEAM_NICKNAMES}
        if question.counted not in SCORE_UNITS or rest or not teams:
            return None
        if set(question.name_words) - teams:
            return None
        results = self._results(replace(question, name_words=frozenset()), evidence)
        for found in results:
            score, won = result_score(found.text), winner(found.text)
            if score is None or won is None or not set(words(found.text)) & teams:
                continue
            numbers = sorted((int(n) for n in re.findall(r"\d+", score.group())), reverse=True)
            side = numbers[0] if teams & set(words(won)) else numbers[-1]
            unit = next(w for w, stem in question.points if stem == question.counted)
            unit = unit[:-1] if side == 1 and unit.endswith("s") else unit  # "1 goal"
            return f"{side} {unit}", found
        return None

    def _holders_of_asked_role(self, question: Question) -> dict[str, Sentence]:
        """Who holds the asked role, each with the first sentence that says so: the one the
        articles most often describe so as the asked owner's ("Wild coach Bruce Boudreau"); all
        of them, most described first, when the question names no owner ("Who is the
        president?")."""
        role, context = question.asked_role or ("", ())
        holders = _role_holders(role, context, self.index, question.article)
        ranked = sorted(holders, key=lambda person: -len(holders[person]))
        return {person: holders[person][0] for person in ranked[: 1 if context else MAX_SENTENCES]}

    def _speaking_for_subject(self, question: Question, subject_words: set[str]) -> set[str]:
        """Whoever speaks for an organisation the article never quotes itself: "How did Blue
        Origin respond?" is answered by the words of "Brent Sherwood, vice president of ...
        at Blue Origin"."""
        if self._spoken_at(subject_words, question.article):
            return subject_words
        people = self._speaking_for(replace(question, speaks_for=frozenset(subject_words)))
        return {w for person in people for w in words(person)} or subject_words

    def _speaking_for(self, question: Question) -> dict[str, Sentence]:
        """The people the articles (the picked one, if any) quote whose introduction names the
        organisation asked about ("John Roth, vice president of business development at SNC"),
        each with that introduction."""
        sources = {a.source for a in self.index.articles()}
        if question.article is not None:
            sources &= {question.article}
        found: dict[str, Sentence] = {}
        for source in sorted(sources):
            for person in sorted(self._speakers_of(source)):
                if not is_person_name(person) or question.speaks_for & set(words(person)):
                    continue  # an organisation quoted, or someone named after it
                introduction = self._introduction(person, source)
                description = _described_as(person, introduction.text)
                described = set(words(description))
                if OWN_COMPANY.search(description):
                    # "Marco Villa, the company’s chief operating officer," after a sentence on
                    # Tyvak: the company the sentences before him name
                    before = self._preceding(introduction)
                    described |= {w for s in before for w in words(" ".join(s.mentions))}
                if self._names_one_asked(question.speaks_for, described):
                    found[person] = introduction
        by_position = sorted(found.items(), key=lambda item: item[1].position)
        return dict(by_position[:MAX_SENTENCES])

    def _spelling_out(self, acronym: str, article: str | None) -> list[Evidence]:
        """The first sentence (of the picked article, if one is) that gives the acronym's full
        name: "Full Name (ACRONYM)" first, else the name the index pairs with it."""
        for sentence in _sentences_with_words([acronym], self.index, article):
            if spelled_out_before(sentence.text, acronym):
                return [Evidence(sentence)]
        full = self.index.acronyms.get(acronym.upper())
        if full:
            for sentence in _sentences_with_words([full], self.index, article):
                if full in sentence.text:
                    return [Evidence(sentence)]
        return []

    def _full_name(self, acronym: str, sentence: str) -> str:
        """The name the acronym stands for, as the sentence `_spelling_out` found gives it."""
        return spelled_out_before(sentence, acronym) or self.index.acronyms[acronym.upper()]

    def _name_of(self, name_words: set[str]) -> str:
        """The longest name the article gives to any of these name words; a speaker described,
        as the article first describes them ("the doctor")."""
        names = [self.index.full_names[w] for w in sorted(name_words) if w in self.index.full_names]
        described = (
            voice
            for sentence in self.index.sentences
            for voice in sentence.voices
            if VOICE + _voice_head(voice) in name_words
        )
        first = next(described, None)
        if not names and first:
            return DETERMINER.sub(lambda m: m.group().lower(), first)
        return max(names, key=len, default="they")

    def _voice_asked(self, question: Question) -> set[str]:
        """The speaker a question describes without a name ("the doctor", "the public defender's
        office"), as a subject word, when a sentence of the article (the picked one, if any)
        describes its speaker by the same head noun and holds the description's other words."""
        asked = [w for w in words(question.statement_subject or "") if w not in STOPWORDS]
        if not asked:
            return set()
        head, context = stems(asked[-1:])[0], set(asked[:-1])
        # "the cop": the article's "an officer" too
        heads = {head, *stems(list(VOICE_ALIKE.get(asked[-1], ())))}
        for sentence in self.index.sentences:
            if question.article is not None and sentence.source != question.article:
                continue
            for voice in sentence.voices:
                said = _voice_head(voice)
                if said in heads and context <= set(words(sentence.text)):
                    return {VOICE + said}
        return set()

    def _best(self, question: Question, evidence: Sequence[Evidence]) -> list[Evidence]:
        scored = sorted(((self._score(question, e), e) for e in evidence), key=lambda p: -p[0])
        if question.wh in TYPED_KINDS:
            # "Where" wants a place, "when" a time, "how many" a number: a sentence without one
            # cannot answer, however close it is.
            scored = [(s, e) for s, e in scored if e.kind > 0]
        if question.wh == "how_many":
            # "How many deliveries a year ...?": only a number that counts something asked.
            scored = [(s, e) for s, e in scored if _counts_a_point(question, e.text)]
            # "How many fans were at the game?": "in front of 15,522", before "10 games" (in
            # the article of the closest: not another story's count of people)
            source = scored[0][1].sentence.source if scored else None
            counting = [
                (s, e)
                for s, e in scored
                if e.sentence.source == source and counts_asked_thing(question, e.text)
            ]
            scored = counting or scored
            # "How many shots did the Wild take?": not the shots the Wild goalie stopped
            asked = set(question.point_stems)
            scored = [
                (s, e)
                for s, e in scored
                if not shots_of_the_other_side(e.text, asked, question.name_words)
            ]
            if question.name_words:
                # "How many goals did Parise score?": "Zach Parise’s two-goal performance", the
                # count his name owns, before "his goals ... gave the Wild a two-goal lead"
                owned = [(s, e) for s, e in scored if _count_owned_by_asked(question, e.text)]
                scored = owned + [pair for pair in scored if pair not in owned]
        if question.wh == "how_many":
            # "How tall is he?": a height in its units, not any number in a sentence on him
            scored = [(s, e) for s, e in scored if measured(question.text, e.text)]
        if question.wh == "how_long":
            # "How long did the rally last?": a length of something asked, not any in a
            # sentence naming the rally
            scored = [(s, e) for s, e in scored if lasts(e.text, question.point_stems)]
        if question.wh == "how_much" and question.point_stems:
            # "What is the starting salary ...?": only an amount of something asked, or of
            # someone or something it names ("Disney’s $6.99-a-month service").
            wanted = {*question.point_stems, *stems(sorted(question.name_words))}
            if PAYING & set(question.point_stems):
                # "How much did Disney pay for it?": an amount paid or spent, not any of
                # Disney's ("Disney’s $6.99-a-month service")
                wanted = set(PAYING)
            scored = [(s, e) for s, e in scored if amount_of(e.text, wanted)]
        if question.wh in MEASURED:
            # "How many companies are in CLPS in total?": "All 14 companies ...", below the
            # sentences on the five added and the nine before
            scored = [(s, e) for s, e in scored if _says_own_scope(question, e.text)]
        if question.wh in TYPED_KINDS and question.name_words:
            # "Against how many teams did Jason Kidd get a triple-double?": James's 86
            # triple-doubles, beside a list naming Kidd, are no answer and no measure of how
            # close one must be to "Kidd, who did it against 28 teams" (+2 turns, none lost).
            scored = [(s, e) for s, e in scored if not self._about_someone_else(question, e)]
        if ASKS_PAST.match(question.text) and not question.wants_statements:
            # "How did Djokovic do against Japan?": not "Djokovic will make his first appearance
            # on Wednesday"
            scored = [(s, e) for s, e in scored if not only_ahead(e.text)]
        if WILL_QUESTION.search(question.text) and not question.wants_statements:
            # "Who do Spain play next?": "Spain will be back in action on Wednesday against
            # Croatia", below the result just reported (which could not answer it)
            scored = [(s, e) for s, e in scored if FUTURE_SAID.search(e.text)]
        if not scored:
            return []
        closest, first = scored[0]
        candidates = [(s, e) for s, e in scored[:RUNNERS_UP] if s >= closest - RUNNER_UP_MARGIN]
        # "How did Zelensky react to the arrest warrant?": when the closest sentence gives the
        # asked thing of others, his other words answer only if they say a point too (a typed
        # question's point is also the kind of fact it asks: "Where does Martins work?").
        others = question.wh not in TYPED_KINDS and self._about_someone_else(question, first)
        answering = next(
            (
                (s, e)
                for k, (s, e) in enumerate(candidates)
                if self._answers(question, s, e)
                and (k == 0 or not others or self._says_a_point(question, e))
            ),
            None,
        )
        if answering is None:
            return []
        top, best = answering
        # Sentences scored above the one chosen failed the checks; those close below join it.
        near = [e for s, e in scored if top - NEAR_BEST <= s <= top][:MAX_SENTENCES]
        chosen = [e for e in near if e is best or not self._about_someone_else(question, e)]
        if question.wh == "why":
            # "Why did Eichel fight?": the fight, then his "just trying to spark some energy"
            chosen = self._with_one_below(
                question,
                scored,
                top,
                chosen,
                gives=lambda e: bool(e.kind),
                says=lambda e: self._says_a_name_or_point(question, e),
            )
        if question.wh == "who":
            # "Who threatened Omar?": "A New York man pleaded guilty ...", then "Patrick W.
            # Carlineo Jr., 55, ... pleaded guilty to threatening ..."
            chosen = self._with_one_below(
                question,
                scored,
                top,
                chosen,
                gives=lambda e: _names_someone_new(question, e.text),
                says=lambda e: self._says_a_point(question, e),
            )
        return self._with_elaboration(self._with_neighbour_saying(question, best, chosen))

    def _with_one_below(
        self,
        question: Question,
        scored: Sequence[tuple[float, Evidence]],
        top: float,
        chosen: list[Evidence],
        gives: Callable[[Evidence], bool],
        says: Callable[[Evidence], bool],
    ) -> list[Evidence]:
        """The chosen sentences and, when none `gives` what is asked (a reason for "why", a name
        for "who"), the best one a little below them that does, `says` something asked and is
        about the one asked."""
        if any(gives(e) for e in chosen):
            return chosen
        below = next(
            (
                e
                for s, e in scored
                if top - REASON_MARGIN <= s < top - NEAR_BEST
                and gives(e)
                and says(e)
                and not self._about_someone_else(question, e)
            ),
            None,
        )
        return [*chosen, below] if below else chosen

    def _with_neighbour_saying(
        self, question: Question, best: Evidence, chosen: list[Evidence]
    ) -> list[Evidence]:
        """The chosen sentences, and the one beside the best in its paragraph that says a
        point the best leaves to it ("What happened to Stalock's shutout?": his 30 saves,
        then "Sabres defenseman Brandon Montour spoiled his shutout bid ...")."""
        missing = [stem for stem in question.point_stems if stem not in best.sentence.stems]
        shown = {e.id for e in chosen}
        for other in self._neighbourhood(best.sentence):
            if other.id not in shown and any(stem in other.stems for stem in missing):
                return [*chosen, Evidence(other)]
        return chosen

    def _says_a_name_or_point(self, question: Question, evidence: Evidence) -> bool:
        """Whether the sentence names someone the question does, or says one of its points."""
        said = evidence.sentence.stems
        return bool(set(stems(sorted(question.name_words))) & said) or any(
            stem in said for stem in question.point_stems
        )

    def _answers(self, question: Question, score: float, best: Evidence) -> bool:
        """Whether this sentence, scored `score`, answers: close enough, saying every point,
        about the one asked, over the span asked, and of what is to come when that is asked."""
        # "How many people were at the game?": "in front of 15,522" counts them, in a sentence
        # that shares no other word with the question.
        counts = question.wh == "how_many" and counts_asked_thing(question, best.text)
        # "How much is the deal worth?": "The order is valued at $8.8 billion" says what it is
        # worth, in a sentence that shares no other word with the question (not any price:
        # "a budget of $449,000" is no cost of the ads asked)
        valued = question.wh == "how_much" and bool(WORTH & set(question.point_stems))
        counts = counts or (valued and VALUED.search(best.text) is not None)
        if score < ABSTAIN_SCORE and not counts and not self._close_and_said(question, score, best):
            return False
        if best.lexical == 0 and best.dense < DENSE_ONLY_SCORE and not counts:
            return False
        if self._misses_the_point(question, best) or self._about_someone_else(question, best):
            return False
        if question.wh != "yesno" and _withheld(question, best.text):
            return False  # "What is Dumba's injury?": "to an undisclosed injury" does not say
        if question.wh == "how_old" and _age_of_another_speaker(question, best.sentence):
            return False  # "How old is Pochettino?": not "The 56-year-old said ..." (Mourinho)
        if question.asks_name and not _gives_a_name(question, best.sentence):
            return False  # "What is Tyvak's lander called?": not "its lunar landers"
        if _asks_which(question) and not _names_one(question, best.sentence):
            return False  # "Which gaming sites?": not "doing our advertising on gaming sites"
        if _of_another_nation(question, best.text):
            return False  # "Which American hospitals ...?": not "at European hospitals"
        if _kind_left_unnamed(question.text, best.text):
            return False  # "Which prison is Assange held in?": not "serving a prison term"
        if IN_UNITS.search(question.text) and not NUMBER.search(best.text):
            return False  # "What's its max range in miles?": not "a longer-range variant"
        if ASKING_SENTENCE.fullmatch(best.text.strip()):
            return False  # "Who represents Assange?": not the subheading "What charges does ...?"
        if _asks_a_measure(question) and not NUMBER.search(best.text):
            return False  # "What's the population of X?": not "a sparsely populated region"
        if SUPERLATIVE.search(question.text) and not SUPERLATIVE_SAID.search(best.text):
            return False  # "What's the best Pixar movie?": not a sentence naming its movies
        around = self._neighbourhood(best.sentence)
        if question.wh in MEASURED and _scope_unsaid(question, best.sentence, around):
            return False  # "How many goals has he scored in his career?": not his two tonight
        # "Will Dumba miss the next game?", "Who do the Wild play next?": not answered by what
        # has happened.
        return not (WILL_QUESTION.search(question.text) and not FUTURE_SAID.search(best.text))

    def _story_event(self, question: Question) -> bool:
        """Whether the event a question names by its kind ("the milestone") is the one story's
        own: one article is asked about, and it never writes the word (one it writes, "the
        record", is asked of where it stands)."""
        one = self._picked_or_only(question.article) is not None
        return one and all(stem not in self.index.idf for stem in question.topic_stems)

    def _headline_topic(self, question: Question) -> bool:
        """Whether all a question asks about is what the one story's headline says ("the
        Tories" of "UK Tories under fire for Twitter name switch")."""
        source = self._picked_or_only(question.article)
        # not a name ("What did Eichel say about Parise?" asks what he said of Parise)
        if source is None or not question.topic_stems or not question.point_stems:
            return False
        if set(question.topic_stems) - set(question.point_stems):
            return False
        heads = (s for s in self._sentences_of(source) if s.section == HEADLINE_SECTION)
        headline = next(heads, None)
        return headline is not None and set(question.topic_stems) <= headline.stems

    def _close_and_said(self, question: Question, score: float, best: Evidence) -> bool:
        """Whether a sentence scored a little below the bar says, in other words the model
        confirms, every point of the question its own words leave out ("Did SpaceX get
        picked?": "had been selected"), naming whom the question names."""
        if score < PARAPHRASED_SCORE or not question.point_words:
            return False
        if question.name_words and not best.named:
            return False
        unsaid = [w for w, stem in question.points if stem not in best.sentence.stems]
        return bool(unsaid) and self._paraphrases(question, unsaid, best.text)

    def _says_a_point(self, question: Question, evidence: Evidence) -> bool:
        """Whether the sentence says a point of the question in its own words: "How did
        Zelensky react to the arrest warrant?" is not answered by his other words ("Russian
        evil will fall ...") after the closest sentence, on the warrant, was about others."""
        return not question.point_stems or any(
            stem in evidence.sentence.stems for stem in question.point_stems
        )

    def _with_elaboration(self, chosen: list[Evidence]) -> list[Evidence]:
        """The chosen sentences, and the one after the first of them it goes on about: a
        sentence opening on a thing that one names ("... burying the message. That message is
        that anyone using meth is a problem for everyone")."""
        for one in chosen:
            first = one.sentence
            following = self._sentence_at(first.source, first.position + 1)
            if following is None or following.id in {e.id for e in chosen}:
                continue
            opening = DEMONSTRATIVE_OPENING.match(following.text)
            if opening and stems([opening.group("noun").lower()])[0] in first.stems:
                return [*chosen, Evidence(following)]
        return chosen

    def _sentence_at(self, source: str, position: int) -> Sentence | None:
        return self.index.sentence_at(source, position)

    def _misses_the_point(self, question: Question, best: Evidence) -> bool:
        """Whether the sentence leaves a point of the question unsaid ("where was X born?"
        answered with a sentence about X that says nothing of a birth).

        In a question after a fact of a recognisable kind, a point the article never states
        anywhere ("born", "arrested", "paid") must be said by the sentence or its neighbours in
        words the embedding model puts close to it. A
        point the article does state elsewhere may be missing only from close evidence: a
        sentence that shares nothing but names with the question must say it in other words.
        A word that names the answer's kind ("which city") is said by holding that kind.
        """
        sentence = self.index.sentence(best.id)
        if sentence is None:
            return True
        points = [
            (word, stem)
            for word, stem in question.points
            if not (_names_answer_kind(question, word, best.text) and best.kind >= 1.0)
        ]
        if not points:
            return False
        if question.wh == "who" and _qualified_role(question, sentence.text):
            return True  # "Who is the NASA administrator?": not its deputy associate one
        if question.wh == "why" and not best.kind and _only_as_epithet(points, sentence.text):
            return True  # "Why has Dubnyk been struggling?": "the struggling Devan Dubnyk"
        around = self._neighbourhood(sentence)
        said_around = frozenset().union(*(s.stems for s in around))
        if _says_another_kind([stem for _, stem in points], said_around):
            return True  # "medical marijuana" states: "Marijuana for recreational use ..."
        said, here = said_around, sentence.stems
        said, here = _with_phrasal(question, said), _with_phrasal(question, here)
        # "What's the deal worth in pounds?": "£10bn" says pounds
        signs = _currencies_signed(" ".join(s.text for s in around))
        said, here = said | signs, here | _currencies_signed(sentence.text)
        before = (
            self._sentence_at(sentence.source, sentence.position - 1)
            if AGE_ANAPHOR.match(sentence.text)
            else None
        )
        if before is not None and all(stem in here | before.stems for _, stem in points):
            # "How old is the hunter?": "A HUNTER who ate a wild rabbit ...", then "The
            # 55-year-old is the third Beijing resident ...": the one the sentence before names,
            # if it says all the question does
            here = here | before.stems
        here = _with_appointment(question, here)  # the sentence that says it, not a neighbour
        here = here | _measures_given(points, sentence.text)  # "weigh": "243 pounds"
        here = here | _said_in_another_tense(points, sentence.text)  # "taken": "took"
        said = said | _said_in_another_tense(points, " ".join(s.text for s in around))
        said = said | here
        # "How many people registered to attend?": the act said, its purpose may go unsaid
        purposes = _purposes_of(question, here)
        points = [(word, stem) for word, stem in points if stem not in purposes]
        if not points:
            return False
        if _speaks_for_own_group(question, sentence):
            said, here = said | GROUP_STEMS, here | GROUP_STEMS  # their "we": the team asked
        if question.wh == "how_many" and counts_asked_thing(question, sentence.text):
            # A number that counts the asked thing says it: "in front of 15,522" says "fans".
            said, here = said | {question.counted}, here | {question.counted}
        if question.wh in TYPED_KINDS and any(
            _has_digit(word) and stem not in here for word, stem in points
        ):
            # "When will Emirates get its first 787?": a time for the fleet's growth is not
            # the 787's; a number or model the question names says which thing it asks of
            return True
        # Stated anywhere in the sentence's article, not in another article of the index.
        stated = self._article_stems(sentence.source)
        verbs = self._article_verbs(sentence.source)
        never_stated = [
            w
            for w, stem in points
            if stem not in said and stem not in stated and verb_stems([w])[0] not in verbs
        ]
        if question.wh == "yesno":
            # "Did Bevin win reelection?": "who lost his reelection bid" says the act, as a no.
            said, here = _with_opposites(points, said), _with_opposites(points, here)
            # "Has Sanborn worked for South Dakota before?": that the article speaks of work
            # elsewhere does not make a sentence on his view of the campaign a yes or a no.
            never_stated = [w for w, stem in points if stem not in said]
        # Only a question after a fact of a recognisable kind is held to every point: "where
        # was X born", "how many fans", "how old is X". Other questions are paraphrased too
        # freely ("how did the Kremlin react" is answered by "dismissed") for one word's
        # embedding to confirm each point (measured on the bundled article's sets).
        if question.predicate in never_stated and question.wh not in TYPED_KINDS:
            # "What did Lukashenko buy?": the asked act must be in the evidence, if only in
            # other words; the points around it may be paraphrased freely.
            never_stated = [question.predicate]
        elif question.wh == "who":
            # "Who led the deal to acquire BamTech?": the act is said ("He led key
            # acquisitions"); the words around it may be paraphrased freely.
            never_stated = []
        titled = QUOTED.search(sentence.text) is not None
        focus = [
            w
            for w, _ in question.focus
            if w in never_stated and not (titled and w in QUOTED_TITLE_WORDS)
        ]
        if focus and question.wh not in TYPED_KINDS:
            # "Which university did X attend?" in an article that names no university: the
            # kind of thing asked for must be said, if only in other words.
            never_stated = focus
        # A yes/no question states what it asks about in full ("Was he injured in the
        # game?"): a sentence that leaves a point of it unsaid answers neither yes nor no,
        # unless it is as close in meaning as a restatement ("Did Newsweek ask the Russian
        # government for comment?": "Newsweek reached out to the Russian Foreign Affairs
        # Ministry by email for comment.").
        held = (
            question.wh in TYPED_KINDS
            or question.wh == "finding"
            or (question.wh == "yesno" and best.dense < DENSE_ONLY_SCORE)
        )
        if never_stated and (held or question.predicate or focus):
            if question.wh == "how_many" and not counts_asked_thing(question, sentence.text):
                return True
            # "When is NASA planning to send the rover?": a sentence that holds a time and says
            # most of what is asked ("a rover NASA plans to fly in 2022") may say the rest in
            # its own words; "When was Clarke born?" has nothing else to say. Half is enough
            # when two or more are said (+2 turns, none lost; one of two: +5, -2).
            said_here = [w for w, stem in points if stem in here]
            most = 2 * len(said_here) > len(points)
            half = len(said_here) >= 2 and 2 * len(said_here) == len(points)
            # a "how many" here counts the asked thing, checked above, and says more than half
            # ("a fight between two people" for "How many people were involved in the fight?";
            # so would "... injured in the fight?": the third word goes unchecked. Measured: +2
            # answered on the read sets, none lost; half: +3, -1 declined)
            enough = most if question.wh == "how_many" else most or half
            if question.wh in TYPED_KINDS and best.kind >= 1.0 and enough:
                return False
            if (
                question.wh in TYPED_KINDS
                and best.kind >= 1.0
                and said_here
                and best.dense >= TYPED_RESTATEMENT_DENSE
            ):
                return False
            if (
                question.wh == "who"
                and most
                and len(said_here) >= 2
                and best.dense >= TYPED_RESTATEMENT_DENSE
            ):
                return False  # "Who blamed huge demand ...?": "X said overwhelming demand ..."
            if (
                question.wh == "other"
                and most
                and len(said_here) >= 2
                and question.predicate not in never_stated
                and best.dense >= OTHER_RESTATEMENT_DENSE
            ):
                return False  # "What illness does the older sister have?": "My older sister
                # has just been diagnosed with cervical cancer."
            if question.wh == "yesno" and most and len(said_here) >= 2:
                return False  # a yes/no question: more than half, two or more (+2, none lost)
            if (
                question.wh == "yesno"
                and 2 * len(said_here) >= len(points)
                and best.dense >= YESNO_HALF_DENSE
            ):
                return False  # half, in a sentence that close in meaning (+2, none lost)
            return not self._paraphrases(question, never_stated, " ".join(s.text for s in around))
        covered = any(stem in here for _, stem in points) or (
            # "How big was the crowd at the game?": the people it counts are the point asked
            question.counted is not None
            and question.counted not in question.point_stems
            and question.counted in here
        )
        # A place for "where" (a time for "when") is itself the point of the question; a number
        # is not: "how many troops" needs troops counted, not any number.
        answers_kind = question.wh in PLACE_OR_TIME and best.kind >= 1.0
        weak = best.dense < NAMES_ONLY_DENSE or question.wh in COUNTED
        if covered or answers_kind or not weak:
            return False
        if question.wh in COUNTED:
            return True  # "how many troops": a word near "troops" does not show what is counted
        return not self._paraphrases(question, [w for w, _ in points], sentence.text)

    def _about_someone_else(self, question: Question, best: Evidence) -> bool:
        """A fact of the asked kind about other people: "How many points did Westbrook score?"
        answered with Davis's 34 points. Typed questions need each of their names in the
        sentence, its neighbours, their speakers, where the article introduces those speakers
        ("Michael Sims, chief executive of Ceres Robotics" for his "his company's lander") or
        its headline; others one of them."""
        if not question.name_words:
            return False
        sentence = self.index.sentence(best.id)
        if sentence is None:
            return True
        if not self._article_names_one(question, sentence.source):
            return True  # "Did Graham's team work?": not a quote in a story on a game
        if question.wh == "who":
            return False
        if _owned_by_another(question, sentence.text):
            return True  # "How many saves did the Sabres goalie make?": not the Wild goalie's
        asked: Collection[str] = question.name_words
        measured = _asks_a_measure(question)
        if question.wh not in TYPED_KINDS and not measured:
            # "How did Peskov react to the warrant?": a person the article quotes, when asked
            # about, must be the one the sentence speaks of; a sentence on the warrant alone
            # is about someone else.
            quoted = self._speakers_of(sentence.source)
            asked = [w for w in asked if self.index.full_names.get(w, w) in quoted]
            if not asked:
                return False
        around = self._neighbourhood(sentence)
        named = {w for s in around for w in words(" ".join((s.text, *s.speakers, *s.mentions)))}
        if THIRD_PERSON.search(sentence.text) and not any(map(is_person_name, sentence.mentions)):
            # "he" in a sentence that names no one is a person the sentences before it name
            before = self._preceding(sentence)
            speakers = self._speakers_of(sentence.source)
            people = [m for s in before for m in (*s.speakers, *s.mentions) if m in speakers]
            named |= set(words(" ".join(people)))
            around += before
        for speaker in {speaker for s in around for speaker in s.speakers}:
            named |= set(words(self._introduction(speaker, sentence.source).text))
        # What the headline names, the whole story is about: "their 2020 session" in a story
        # headlined "... pack Indiana Statehouse ..." is Indiana's.
        named |= set(words(sentence.title))
        # "SNC would be able to start ..." names Sierra Nevada Corporation, spelled out before.
        # "Republicans" names the "Republican" asked about, "Democrats" a "Democrat"
        named |= {w[:-1] for w in named if w.endswith("s") and len(w) > 3}
        # "the Thunder" names Oklahoma City, the place it plays for
        named |= {w for team in named for w in PLACE_WORDS_OF_TEAM.get(team, ())}
        written = {token for s in around for token in ACRONYM.findall(s.text)}
        named |= {
            word for acronym in written for word in words(self.index.acronyms.get(acronym, ""))
        }
        if question.wh == "how_many" and _listed_apart(question, sentence.text):
            return True
        if question.wh in TYPED_KINDS or measured:
            # "How much did Disney pay for BamTech?": a fact of Disney's alone is another one
            # (+1 turn one per index; +1/-1 all in one); "What was the rate in Colorado?": a
            # rate of the states together is none of Colorado's.
            return not all(self._names_one_asked(one, named) for one in self._named_ones(asked))
        return not self._names_one_asked(asked, named)

    def _named_ones(self, name_words: Collection[str]) -> list[set[str]]:
        """The question's name words by whom or what they name: a name's words and its acronym
        together ("Sierra Nevada Corporation" and "SNC")."""
        ones: dict[str, set[str]] = {}
        for word in name_words:
            full = self.index.full_names.get(word, word)
            ones.setdefault(self.index.acronyms.get(full, full), set()).add(word)
        return list(ones.values())

    def _names_one_asked(self, name_words: Collection[str], named: set[str]) -> bool:
        """Whether one of the question's names stands among these words: every word the
        question gives it ("Blue Origin", not the "Blue" of "Blue Moon"), or a person's surname,
        which the article calls them by after the first mention ("LeBron" is "James"). A
        people's word is named by its country's name: "Swedish prosecutors" by "Sweden"."""
        by_name: dict[str, set[str]] = {}
        for word in name_words:
            by_name.setdefault(self.index.full_names.get(word, word), set()).add(word)
        return any(
            all(w in named or NATIONS.get(w) in named for w in given)
            or (is_person_name(full) and name_key(full) in named)
            for full, given in by_name.items()
        )

    def _article_names_one(self, question: Question, source: str) -> bool:
        """Whether the article names one of the question's names at all."""
        asked = stems(sorted(question.name_words))
        return any(stem in self._article_stems(source) for stem in asked)

    def _article_stems(self, source: str) -> frozenset[str]:
        """Every stem one article's sentences hold."""
        if source not in self._stems_by_article:
            article = [s.stems for s in self._sentences_of(source)]
            self._stems_by_article[source] = frozenset().union(*article)
        return self._stems_by_article[source]

    def _article_verbs(self, source: str) -> frozenset[str]:
        """Every stem one article's sentences hold, an irregular past as its verb's."""
        if source not in self._verbs_by_article:
            article = " ".join(s.text for s in self._sentences_of(source))
            self._verbs_by_article[source] = frozenset(verb_stems(words(article)))
        return self._verbs_by_article[source]

    def _speakers_of(self, source: str) -> frozenset[str]:
        """Everyone the article quotes: the names it surely gives to people."""
        if source not in self._speakers:
            article = self._sentences_of(source)
            self._speakers[source] = frozenset(sp for s in article for sp in s.speakers)
        return self._speakers[source]

    def _sentences_of(self, source: str) -> list[Sentence]:
        """One article's sentences, in the index's order: the index is gone through once for
        every article, not once for each article asked about."""
        if self._by_source is None:
            self._by_source = {}
            for sentence in self.index.sentences:
                self._by_source.setdefault(sentence.source, []).append(sentence)
        return self._by_source.get(source, [])

    def _with_introduction(self, person: str, chosen: list[Evidence]) -> list[Evidence]:
        """The sentences chosen and, when none writes the person's name whole ("Bosma said
        lawmakers would take action"), the one that introduces them ("Indiana House Speaker
        Brian Bosma spoke before lawmakers"): whom a "who" answer names, as the article says."""
        if not is_person_name(person) or any(person in e.text for e in chosen):
            return chosen
        whole = set(words(person))
        introduction = next(
            (
                s
                for s in self._sentences_of(chosen[0].sentence.source)
                if whole <= set(words(s.text)) and s.section != HEADLINE_SECTION
            ),
            None,
        )
        if introduction is None or any(e.id == introduction.id for e in chosen):
            return chosen
        return [*chosen, Evidence(introduction)]

    def _introduction(self, person: str, source: str) -> Sentence:
        """The first sentence of the article that names the person: where news style says who
        they are."""
        naming = self.index.sentences_naming(set(words(person)))
        return min(
            (self.index.sentences[i] for i in naming if self.index.sentences[i].source == source),
            key=lambda s: s.position,
        )

    def _neighbourhood(self, sentence: Sentence) -> list[Sentence]:
        """The sentence and the ones right before and after it in its chunk."""
        members = self.index.by_chunk.get(sentence.chunk_id, [])
        sentences = self.index.sentences
        at = next((k for k, i in enumerate(members) if sentences[i].id == sentence.id), None)
        if at is None:
            return [sentence]
        return [sentences[i] for i in members[max(at - 1, 0) : at + 2]]

    def _with_counted_alike(self, question: Question, evidence: Sequence[Evidence]) -> Question:
        """The question, knowing which things the evidence counts mean the one it asks to be
        counted, read alone by the embedding model: "five companies" for "How many firms ...?"."""
        if question.counted is None or self.paraphrase is None:
            return question
        asked = next((w for w in words(question.text) if stems([w])[0] == question.counted), None)
        found = {noun.lower() for e in evidence for noun in _counted_nouns(e.text)}
        others = sorted(noun for noun in found if stems([noun])[0] != question.counted)
        if asked is None or not others:
            return question
        vectors = np.array(self.paraphrase.embed_texts([asked, *others]))
        synonyms = _counted_synonyms(question.counted)
        alike = [
            w
            for w, cosine in zip(others, vectors[1:] @ vectors[0], strict=True)
            if cosine >= COUNTED_ALIKE or stems([w])[0] in synonyms
        ]
        return replace(question, counted_alike=frozenset(stems(alike)))

    def _paraphrases(self, question: Question, point_words: Sequence[str], text: str) -> bool:
        """Whether the text says every one of these points of the question in other words."""
        if self.paraphrase is None:
            return False
        kinds = {word for word, _ in question.focus}
        return self.paraphrase.says(question.text, point_words, text, kinds)

    def _score(self, question: Question, evidence: Evidence) -> float:
        score = evidence.score
        if question.definition_target and _describes(evidence.text, question.name_words):
            score += DESCRIPTOR_BONUS
        return score

    def _lede(self, evidence: Sequence[Evidence], picked: str | None) -> list[Evidence]:
        """A news article's summary is its opening: the first sentences of the picked article
        (or the one the conversation is about). With several articles and none picked yet, the
        headline (else the first sentence) of each, when there are few enough to list; else the
        likeliest one's opening."""
        articles = self.index.articles()
        if picked is None and 1 < len(articles) <= LISTED_ARTICLES_MAX:
            openings: dict[str, Sentence] = {}
            for sentence in self.index.sentences:
                if sentence.section == HEADLINE_SECTION or not sentence.is_heading:
                    openings.setdefault(sentence.source, sentence)
            return [Evidence(s) for s in openings.values()]
        source = picked or (evidence[0].sentence.source if evidence else None)
        article = [s for s in self.index.sentences if source is None or s.source == source]
        headline = [s for s in article if s.section == HEADLINE_SECTION][:1]
        body = [s for s in article if not s.is_heading]
        # The opening before any sub-heading; an article made only of sections opens in one.
        opening = [s for s in body if not s.section] or [
            s for s in body if s.section != AUTHOR_SECTION
        ]
        return [Evidence(s) for s in [*headline, *opening[:LEDE_SENTENCES]]]

    def _picked_or_only(self, article: str | None) -> str | None:
        """The picked article, or the index's only one when none is picked."""
        articles = self.index.articles()
        return articles[0].source if article is None and len(articles) == 1 else article

    def _credited(self, article: str | None) -> list[Evidence]:
        """The opening sentence of the picked article (of the only one) when its dateline
        credits a news agency or network: "LONDON (AP) — ...", "(CNN) President ..."."""
        article = self._picked_or_only(article)
        if article is None:
            return []
        body = [
            s
            for s in self._sentences_of(article)
            if s.section not in (HEADLINE_SECTION, AUTHOR_SECTION) and not s.is_heading
        ]
        opening = min(body, key=lambda s: s.position, default=None)
        credited = opening is not None and DATELINE_CREDIT.match(opening.text) is not None
        return [Evidence(opening)] if credited else []

    def _writes(self, subject_words: set[str], question: Question) -> bool:
        """Whether the ones asked about are the article's writer, whom its byline names."""
        bylines = self._author_sentences(question.article)
        return any(subject_words <= set(words(byline.text)) for byline in bylines)

    def _author_sentences(self, article: str | None) -> list[Evidence]:
        """The byline or author note of the picked article (of the only one, in an index of
        one); none when it names no author. With several articles and none picked yet (a
        conversation's first question), each article's byline, the first line of its note."""
        article = self._picked_or_only(article)
        notes = [
            s for s in self.index.sentences if s.section == AUTHOR_SECTION and not s.is_heading
        ]
        if article is not None:
            return [Evidence(s) for s in notes if s.source == article][:MAX_SENTENCES]
        first: dict[str, Sentence] = {}
        for note in notes:
            first.setdefault(note.source, note)
        return [Evidence(s) for s in first.values()]


def _names_someone_new(question: Question, text: str) -> bool:
    """Whether the text names a person the question does not (not a place: "New York")."""
    return any(
        m.is_person
        and m.text.split()[0].lower() not in PLACE_OPENERS
        and not set(words(m.text)) & question.name_words
        for m in find_mentions(text)
    )


def _owned_by_another(question: Question, text: str) -> bool:
    """Whether the question asks a role a name owns ("the Sabres goalie") and the sentence
    gives that role only to others ("Wild goalie Alex Stalock")."""
    asked = next(
        (
            m
            for m in OWNED_ROLE.finditer(question.text)
            if m.group("owner").lower() in question.name_words
        ),
        None,
    )
    if asked is None:
        return False
    role = asked.group("role").lower()
    owners = {
        found.group("owner").lower()
        for found in OWNED_ROLE.finditer(text)
        if found.group("role").lower() == role
        and found.group("owner")[:1].isupper()
        and found.group("owner").lower() not in STOPWORDS
    }
    return bool(owners) and asked.group("owner").lower() not in owners


def _qualified_role(question: Question, text: str) -> bool:
    """Whether a role the question asks is said only as another one, after a word the question
    does not use: "deputy associate administrator" for "the NASA administrator"."""
    asked = set(words(question.text))
    tokens = words(text)
    token_stems = stems(tokens)
    for stem in question.point_stems:
        at = [i for i, said in enumerate(token_stems) if said == stem]
        qualified = [i for i in at if i and tokens[i - 1] in ROLE_QUALIFIERS - asked]
        if at and len(qualified) == len(at):
            return True
    return False


def _only_as_epithet(points: Sequence[tuple[str, str]], text: str) -> bool:
    """Whether the sentence says the asked state only as a word before whom it describes
    ("the struggling Devan Dubnyk"): it takes the state as given and gives no cause."""
    tokens = text.split()
    found = False
    for i, token in enumerate(tokens):
        bare = words(token)
        if not bare or stems(bare[:1])[0] not in {stem for _, stem in points}:
            continue
        found = True
        before = words(tokens[i - 1])[-1:] if i else []
        after = tokens[i + 1 : i + 2]
        epithet = before and before[0] in ("the", "a", "an") and after and after[0][:1].isupper()
        if not epithet:
            return False
    return found


def _as_writers_view(question: Question, writer: Collection[str]) -> Question:
    """The question asked of the article's own view: the writer's name is no point of it."""
    named = set(stems(sorted(writer)))
    return replace(
        question,
        statement_subject=None,
        name_words=question.name_words - set(writer),
        points=tuple(point for point in question.points if point[1] not in named),
        topic_stems=tuple(stem for stem in question.topic_stems if stem not in named),
        point_stems=tuple(stem for stem in question.point_stems if stem not in named),
    )


def _asks_a_measure(question: Question) -> bool:
    """Whether the question asks a measure of something ("What's the population of Inner
    Mongolia?", "What was the retention rate?"), which only a figure gives."""
    # "What's the temperature there?": the thing asked to be defined is a measure (not "What
    # is he waiting for before raising salaries?")
    target = words(question.definition_target or "") if question.wh == "other" else []
    measured = bool(target) and target[0] in MEASURE_WORDS
    return measured or any(word in MEASURE_WORDS for word, _ in question.focus)


def _asks_result(question: Question) -> bool:
    """ "Did the Lakers win?", "Did the Wild beat the Sabres?": whether the one who played won
    or lost, nothing more ("Did LeBron win an MVP?" asks of an award)."""
    acts = [w for w in question.point_words if w in RESULT_VERBS]
    rest = [w for w in question.point_words if w not in RESULT_VERBS and w not in RESULT_OBJECTS]
    return bool(acts) and not rest


def _said_by(
    sentence: Sentence, subject_words: Collection[str], others: Collection[str] = ()
) -> bool:
    """Whether the sentence reports words of someone the subject words name (among its
    speakers, or owning one it describes: "Russia's foreign ministry" for "Russia"), or
    describe (a `VOICE` word: "the doctor"); not of `others`, whose surname they share."""
    owners = (owner.group("owner") for v in sentence.voices if (owner := OWNER.match(v)))
    speakers = (speaker for speaker in sentence.speakers if speaker not in others)
    named = (w for speaker in (*speakers, *owners) for w in words(speaker))
    return any(w in subject_words for w in named) or any(
        VOICE + _voice_head(voice) in subject_words for voice in sentence.voices
    )


def _voice_head(voice: str) -> str:
    """The stem of the noun a described speaker ends in: "an airport official" -> "offici"."""
    return stems(words(voice)[-1:])[0] if words(voice) else ""


def _withheld(question: Question, text: str) -> bool:
    """Whether the sentence calls a point of the question undisclosed or unspecified ("an
    undisclosed injury", "an undisclosed number of customers"): it says that it is not said."""
    return any(
        stems([found.group("thing").lower()])[0] in question.point_stems
        for found in WITHHELD.finditer(text)
    )


def _scope_unsaid(question: Question, sentence: Sentence, around: Sequence[Sentence]) -> bool:
    """Whether the question counts over a span ("in his career", "this season", "all-time")
    that the sentences around the count never name, or over a total or a rate ("in total",
    "a game") that the sentence itself does not say."""
    spans = [scope for scope in SCOPE.findall(question.text) if not _own_scope(scope)]
    said = " ".join(s.text for s in around)
    unsaid = bool(spans) and not any(
        re.search(_scope_said(scope, question), said, re.I) for scope in spans
    )
    return unsaid or not _says_own_scope(question, sentence.text)


def _own_scope(scope: str) -> bool:
    """A total or a rate: said by the sentence that gives the number, not by its neighbours."""
    return scope.lower() in TOTAL_SCOPES or PER_UNIT.match(scope.lower()) is not None


def _says_own_scope(question: Question, text: str) -> bool:
    """Whether the text says every total or rate the question asks about."""
    return all(
        re.search(_scope_said(scope, question), text, re.I)
        for scope in SCOPE.findall(question.text)
        if _own_scope(scope)
    )


def _scope_said(scope: str, question: Question) -> str:
    """The pattern of a span as an article may write it: "assists a game" as "11.1 assists
    per game" (the thing counted by the unit, not another count's "per game"), "in total" as
    "all 14"."""
    if scope.lower() in TOTAL_SCOPES:
        return ALL_OF  # "All 14 companies are now eligible": the total
    unit = PER_UNIT.sub("", scope.lower())
    if unit == scope.lower():
        return rf"\b{re.escape(scope)}"
    counted = rf"\b{re.escape(question.counted)}\w*\s+" if question.counted else r"\b"
    return rf"{counted}(?:a|per|each)\s+{re.escape(unit)}\b"


def _kind_named(question: Question, text: str) -> str | None:
    """The name the sentence gives a thing of the kind a "which <kind>" question asks for,
    unless the question says it already."""
    asked = set(words(question.text))
    for word, _ in question.focus:
        name = name_of_kind(word, text, quoted=question.asks_name)
        if name and not set(words(name)) <= asked:
            return name
    return None


def _gives_a_name(question: Question, sentence: Sentence) -> bool:
    """Whether the sentence names the thing asked: a title in quotation marks, or a name the
    question does not say within `NAME_REACH` words of one of its points ("its Blue Moon
    lander" for "What is Blue Origin's lander called?")."""
    if QUOTED_TITLE.search(sentence.text):
        return True
    asked = set(words(question.text))
    tokens = words(sentence.text)
    near_point = {
        k
        for at, stem in enumerate(stems(tokens))
        if stem in question.point_stems
        for k in range(at - NAME_REACH, at + NAME_REACH + 1)
    }
    for mention in sentence.mentions:
        named = words(mention)
        if not named or set(named) <= asked:
            continue
        for at in range(len(tokens) - len(named) + 1):
            if tokens[at : at + len(named)] == named and (
                at in near_point or at + len(named) - 1 in near_point
            ):
                return True
    return False


def _asks_which(question: Question) -> bool:
    """ "Which gaming sites?", "which Marvel shows can you stream?": things of a kind, by name."""
    return question.wh == "other" and WHICH.match(question.text) is not None


def _names_one(question: Question, sentence: Sentence) -> bool:
    """Whether the sentence names something the question does not, or gives a number: what a
    "which" question can be answered with ("Colorado, Washington", "aged 12 to 17")."""
    asked = set(words(question.text))
    titles = [
        quoted.group()
        for quoted in QUOTED.finditer(sentence.text)
        if len(words(quoted.group())) <= TITLE_WORDS_MAX
    ]
    if any(not set(words(title)) <= asked for title in titles):
        return True  # "“Mary Poppins” and “Bambi”"
    narrative = QUOTED.sub(" ", sentence.text)
    if any(m.group() not in question.text for m in DIGITS.finditer(narrative)):
        return True
    speakers = {word for speaker in sentence.speakers for word in words(speaker)}
    return any(not set(words(mention)) <= asked | speakers for mention in sentence.mentions)


def _names_answer_kind(question: Question, word: str, text: str = "") -> bool:
    """Whether a word of the question names the kind of its answer ("which city", "what was
    the score"): not a place word in a question after another kind of fact ("How much has the
    state stashed away?" is about the state)."""
    if word in PLACE_TYPE_WORDS and question.wh in TYPED_KINDS - PLACE_OR_TIME:
        return False
    if question.wh == "finding" and FINDING_WORD.fullmatch(word):
        return True  # "What did the researchers find?": "..., according to a study"
    if question.wh == "where_home" and word in HOME_WORDS and HOME_NAMED.search(text):
        # "Where is Disney based?": "the Burbank entertainment giant" (a firm's home; not
        # where someone named in the same sentence lives)
        people = [run.group() for run in CAPITALISED_RUN.finditer(question.text)]
        return not any(is_person_name(run) for run in people)
    if word in OUTLET_KINDS and text and name_of_kind(word, text):
        return True  # "Which news outlet did Hamilton talk to?": "told Newsweek"
    return word in ANSWER_TYPE_WORDS


def _has_digit(word: str) -> bool:
    return any(c.isdigit() for c in word)


def _counts_a_point(question: Question, text: str) -> bool:
    """ "How many teachers …": some number in the sentence stands within a few words of one
    of the question's points ("15,000 people registered" for "how many people")."""
    if not question.point_stems:
        return True
    # "companies" for "firms"; "five words" for "how many words", which asks no speech ("in 12
    # sentences, he said" counts no words)
    points = set(question.point_stems) - ({SPEECH_TERM} if question.counted else set())
    if CARRYING & points and not question.counted and WEIGHT.search(text):
        return True  # "How much can it carry?": "deliver up to 100 metric tons of cargo"
    measure = asked_measure(question.text)
    if measure and gives_measure(measure, text):
        return True  # "How much does he weigh?": "he clocked in at 243 pounds"
    # "How many went inside?": a number beside the verb that says it ("5,000 people entered")
    phrasal = {stem for _, _, single in question.phrasal for stem in single}
    counted = {*points, *question.counted_things, *phrasal}
    return counts(text, counted, asked=set(words(question.text)))


def _fact_span(question: Question, text: str, mentions: Sequence[str] = ()) -> str | None:
    """The part of the sentence that is the asked fact ("15,000 people", "112-107", "4:30
    a.m."): the match of the asked kind outside quotations nearest the question's points."""
    pattern = KIND_PATTERNS.get(question.wh)
    if pattern is None:
        return None
    narrative = QUOTED.sub(lambda m: " " * len(m.group()), text)
    if question.wh == "when_future":
        # "could begin in 2022": the time itself, not the words that put it in the future
        future = pattern.search(narrative)
        times = list(TIME.finditer(narrative, future.start(), future.end())) if future else []
        return times[-1].group().strip() if times else None
    if question.wh == "how_many":
        narrative = uncounted(narrative, question.point_stems)  # not "08" of "3:08 to play"
    asked = set(words(question.text))
    matches = [m for m in pattern.finditer(narrative) if m.group().lower() not in asked]
    if not matches:
        return None
    if question.wh == "stats":
        return matches[0].group()  # the sentence's line of counts, chosen for the one asked
    audience = AUDIENCE_COUNT.search(narrative) if question.counted in AUDIENCE else None
    if audience:
        # "in front of 15,522", "12,000 in attendance": the fans are not named
        return audience.group("number") or audience.group("present")
    saves = SAVES_COUNT.search(narrative) if question.counted in SAVES else None
    if saves:
        return f"{saves.group('number')} saves"  # "stopping 30 shots"
    if question.wh == "how_many" and question.counted:
        # "having scored four times during a three-game streak": the number that counts the
        # asked goals, not the one beside another asked word ("streak").
        counting = [m for m in matches if _counts_there(question, narrative, m, asked)]
        matches = counting or matches
        # "Danilo Gallinari added 25 points ..., but the Thunder scored nine straight points":
        # the count that follows the one asked about
        theirs = [m for m in matches if _held_by_asked(question, narrative, mentions, m.start())]
        matches = theirs or matches
    # "score" in "what was the score" names the fact's kind, not a word to find beside it.
    wanted = {
        stem for word, stem in question.points if not _names_answer_kind(question, word, text)
    }
    # "How many percent were Hispanic?": with nothing else asked, the figure is the name's.
    wanted = wanted or set(stems(sorted(question.name_words)))
    if question.wh == "how_much":
        # "How much did the campaign cost?", "How much money is behind it?": "with a budget of
        # $449,000" says its cost
        wanted = with_price_words(wanted)
    anchors = _word_starts(text, wanted)
    if not anchors and question.wh == "how_much":
        # "How much does Disney+ cost?": "Disney’s $6.99-a-month service", the name's price
        anchors = _word_starts(text, set(stems(sorted(question.name_words))))
    if not anchors and wanted:
        return None  # the fact cannot be told apart from the sentence's other ones

    def distance(match: re.Match[str]) -> int:
        # News puts a figure before what it counts ("65 percent were white, 11.9 percent were
        # black"): a figure after the asked word stands twice as far.
        return min(
            (a - match.end() if match.end() <= a else 2 * (match.start() - a) for a in anchors),
            default=0,
        )

    best = min(matches, key=distance)
    if distance(best) > LEAD_DISTANCE:
        return None
    start = best.start()
    if question.wh in QUANTIFIED_KINDS:
        before = QUANTIFIER_BEFORE.search(text, 0, start)
        start = before.start() if before else start
    span = text[start : best.end()].strip()
    if question.wh == "how_many":
        # Whole words as written: "five triple-doubles", not "five triple".
        span = " ".join([span, *_counted_words(text[best.end() :])])
    if question.wh == "how_old":
        # "Parise, 35, had scored", "a 34-year-old": the age, said as one ("35 years old")
        age = AGE_NUMBER.search(span)
        years = re.search(r"\d{1,3}", age.group()) if age else None
        span = f"{years.group()} years old" if years else span
    return span


def _word_starts(text: str, wanted: Collection[str]) -> list[int]:
    """Where the words of the text whose stems are `wanted` start."""
    return [m.start() for m in WORD.finditer(text) if stems([words(m.group())[0]])[0] in wanted]


def _counts_there(question: Question, text: str, match: re.Match[str], asked: set[str]) -> bool:
    """Whether this number counts what "how many" asks about, read with the two words before it
    (the act: "scored four times") and the few after it (the thing: "four goals")."""
    before = re.search(r"(?:\S+\s+){0,2}$", text[: match.start()])
    after = re.match(r"\s*(?:\S+\s*){0,4}", text[match.end() :])
    around = (before.group() if before else "") + match.group() + (after.group() if after else "")
    return any(counts_directly(around, thing, asked) for thing in question.counted_things)


def _counted_nouns(text: str) -> list[str]:
    """The words each number of the text counts, as `_counted_words` reads them: "five
    companies", "100 metric tons"."""
    plain = uncounted(text)
    return [w for m in NUMBER.finditer(plain) for w in _counted_words(plain[m.end() :])]


def _listed_apart(question: Question, text: str) -> bool:
    """Whether the names asked are only in a list of names ("the four players in front of him
    — Oscar Robertson, Russell Westbrook, Magic Johnson and Jason Kidd —") that holds none of
    the sentence's counts: "86 triple-doubles" there is not Westbrook's."""
    lists = [m.span() for m in NAME_LIST.finditer(text)]
    spots = [
        m.start()
        for m in re.finditer(r"\b[A-Z][\w’'-]*", text)
        if m.group().lower() in question.name_words
    ]
    if not lists or not spots:
        return False
    inside = all(any(a <= spot < b for a, b in lists) for spot in spots)
    counts_inside = any(
        a <= number.start() < b for number in NUMBER.finditer(uncounted(text)) for a, b in lists
    )
    return inside and not counts_inside


def _purposes_of(question: Question, said: Collection[str]) -> set[str]:
    """The stems of the verbs a question gives as the purpose of an act the sentence says:
    "attend" in "How many people registered to attend?" when it says "registered"."""
    found = set()
    for match in PURPOSE.finditer(question.text):
        act, purpose = stems([match.group("act").lower(), match.group("purpose").lower()])
        if act in said:
            found.add(purpose)
    return found


def _count_held_by_asked(question: Question, sentence: Sentence) -> bool:
    """Whether a number of the sentence that counts the asked thing is held by a person the
    question names ("Danilo Gallinari added 25 points" for "How many points did Gallinari
    score?")."""
    if not question.counted:
        return False
    narrative = QUOTED.sub(lambda m: " " * len(m.group()), sentence.text)
    asked = set(words(question.text))
    return any(
        _counts_there(question, narrative, m, asked)
        and _held_by_asked(question, narrative, sentence.mentions, m.start())
        for m in KIND_PATTERNS["how_many"].finditer(narrative)
    )


def _count_owned_by_asked(question: Question, text: str) -> bool:
    """Whether a number counting the asked thing follows a name the question gives, as its
    possessive: "Zach Parise’s two-goal performance"."""
    narrative = QUOTED.sub(lambda m: " " * len(m.group()), text)
    asked = set(words(question.text))
    for match in KIND_PATTERNS["how_many"].finditer(narrative):
        owner = OWNER_BEFORE.search(narrative[: match.start()])
        if (
            owner
            and set(words(owner.group("name"))) & question.name_words
            and _counts_there(question, narrative, match, asked)
        ):
            return True
    return False


def _held_by_asked(question: Question, text: str, mentions: Sequence[str], position: int) -> bool:
    holder = _holder(text, mentions, position)
    return holder is not None and bool(set(words(holder)) & question.name_words)


def _holder(text: str, mentions: Sequence[str], position: int) -> str | None:
    """The person named last before `position` in the text (by any word of their name)."""
    found = []
    for name in mentions:
        if not is_person_name(name):
            continue
        for word in name.split():
            at = [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text[:position])]
            if at:
                found.append((at[-1], name))
    return max(found)[1] if found else None


def _counted_words(after: str) -> list[str]:
    """What a number counts, as written right after it: "districts" in "300 districts closed",
    "metric tons" in "100 metric tons of cargo"; up to a stopword, punctuation, a name, or a
    word that reads as a verb ("15,000 people registered")."""
    counted: list[str] = []
    end = 0
    for match in COUNTED_WORD.finditer(after):
        word, lower = match.group(), match.group().lower()
        joined_by_space = not after[end : match.start()].strip()
        ends = lower in STOPWORDS or lower in PREPOSITIONS or lower in ("per", "each")
        if ends or len(counted) == COUNTED_WORDS or not joined_by_space:
            break
        if counted and (word[:1].isupper() or lower.endswith(("ed", "ing"))):
            break
        counted.append(word)  # as written: "17 NBA seasons"
        end = match.end()
    return counted


def _doer(question: Question, sentence: Sentence) -> str | None:
    """The one a "who" question asks for, as the sentence names them: the person named as the
    subject of the most asked words, right before them ("Anthony Davis scored 34 points" for
    "Who scored 34 points?", "Jason Zucker’s empty-net goal" rather than "Jonas Brodin had
    scored"), or a company or agency right before the asked act ("OrbitBeyond canceled its
    task order"); never one the question names itself. None when no one, or more than one,
    stands so ("its proposal was undermined by Ukrainian lawmakers after Chinese President Xi
    Jinping ...": the lawmakers are no name)."""
    asked = question.name_words
    wanted = {stem for _, stem in question.points}
    text = sentence.text
    said_after: dict[str, int] = {}
    # "He led key acquisitions, including ... BamTech": the person the sentence before named,
    # whom ingest noted among this one's mentions.
    opening = OPENING_PRONOUN.match(text)
    for person in sentence.mentions:
        ends = [m.end() for m in re.finditer(re.escape(person), text)]
        if not ends and opening:
            ends = [opening.end()]
        # a company or an agency does things too ("OrbitBeyond canceled its task order")
        if not ends or asked & set(words(person)):
            continue
        # A company or an agency only right before the asked act ("NASA announced"), not
        # before other words that happen to be asked ("NBA history with 86 triple-doubles").
        # "Fort Worth girl": a place's name is no person's
        place = person.split()[0].lower().rstrip(".") in PLACE_OPENERS
        first_words = DOER_GAP_WORDS if is_person_name(person) and not place else 1
        # ... the act itself, not a thing asked of it ("a 8-year-old Fort Worth girl")
        opens = (
            wanted
            if first_words > 1 or not question.predicate
            else set(stems([question.predicate]))
        )
        said_after[person] = max(
            (
                _asked_after(text, end, wanted, first_words, opens)
                for end in ends
                if not _names_a_thing(text, end, wanted, question.predicate)
            ),
            default=0,
        )
    most = max(said_after.values(), default=0)
    doers = [person for person, count in said_after.items() if count == most]
    return doers[0] if most and len(doers) == 1 else None


def _names_a_thing(text: str, end: int, wanted: Collection[str], act: str | None) -> bool:
    """Whether the name ending at `end` stands before an asked thing, not an act: "Forest Hill
    police officers" (for "Who gave police the tip?") describes the police."""
    following = re.match(r"\s+([a-z][\w-]*)", text[end:])
    if following is None:
        return False
    stem = stems([following.group(1)])[0]
    return stem in wanted and (act is None or stem != stems([act])[0])


def _asked_after(
    text: str, end: int, wanted: Collection[str], first_words: int, opens: Collection[str]
) -> int:
    """How many asked words the few after a name (ending at `end`) say, when one is among its
    `first_words`; 0 where a comma or a dash ends the name ("chief executive of Ceres
    Robotics, said", "WASHINGTON — NASA announced"). Each time the sentence names them counts:
    "... and OrbitBeyond for lunar lander missions, but OrbitBeyond canceled its task order"."""
    if not DOER_FOLLOWED.match(text, end):
        return 0
    following = stems(words(text[end:])[:DOER_GAP_WORDS])
    if not set(following[:first_words]) & set(opens):
        return 0
    return len(set(following) & set(wanted))


def _listed(items: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    return " and ".join(filter(None, (", ".join(items[:-1]), items[-1])))


def _as_sentence(text: str) -> str:
    text = text.strip()
    return text if text[-1:] in ".!?" else f"{text}."


def _subject_words(question: Question, index: CorpusIndex) -> set[str]:
    """The name words of whoever the question asks the words of: named ("Peskov"), or
    described by a role the article puts before a name ("the Wild coach" -> "Wild coach
    Bruce Boudreau")."""
    if not question.statement_subject:
        return set()
    subject = words(question.statement_subject)
    # "the teachers" names no "Indiana State Teachers Association": a plain word is no name
    named = set(index.name_words_in(question.statement_subject))
    # "How did France respond?" of "The French foreign ministry said ...": the country as the
    # article writes it, or its people
    nations = {w: _nation_as_named(w, index) for w in subject if w not in index.name_words}
    named |= {form for forms in nations.values() for form in forms}
    subject = [w for w in subject if not nations.get(w)]
    others = [w for w in subject if w not in index.name_words and w not in STOPWORDS]
    if not others:
        return named
    # The role is the word that names one ("the Belarusian leader"), else the last; the rest
    # ("Belarusian", "Wild") says whose.
    role = next((w for w in reversed(others) if w in ROLE_SPELLINGS or ROLE.fullmatch(w)), None)
    role = role or others[-1]
    context = {w for w in subject if w not in STOPWORDS and w != role}
    # "What did the coach say about Parise?" over several articles: the coach of the one
    # article that names Parise
    article = question.article or _sole_article_naming(set(question.name_words), index)
    described = _described_person(role, context, index, article)
    if described is None and named and (role in ROLE_SPELLINGS or ROLE.fullmatch(role)):
        titled = subject[subject.index(role) + 1 :]
        if titled and all(w in named for w in titled):
            # "What did Mayor Hugo Okafor say?": his title; not Okafor's mayor, nor "the mayor
            # of Indianapolis"
            return named
        if not any(is_person_name(index.full_names.get(w, "")) for w in named):
            # "What did the Sabres coach say?": a team's or a firm's, which the article would
            # name with it ("Sabres coach ..."); the Wild's coach is not theirs.
            return set()
        # "What did Zach Parise's coach say?": not Parise's words; the one coach the article
        # naming him names, if it names one ("Wild coach Bruce Boudreau"), else no one.
        article = question.article or _sole_article_naming(named, index)
        holders = _role_holders(role, (), index, article)
        described = next(iter(holders)) if len(holders) == 1 else None
        named = set()
    if described is None and named and OWNED_SUBJECT.search(question.statement_subject):
        if _owns_writing(question):
            return named  # "What did Bornstein's letter say?": what he wrote
        # "What did Hege's husband say?": someone of hers the article does not name, not her
        return set()
    return set(words(described)) & set(index.name_words) if described else named


def _nation_as_named(word: str, index: CorpusIndex) -> set[str]:
    """The words the articles name a country or its people by, for another of its words
    ("france": "french"); none for a word of no country."""
    country = NATIONS.get(word, word)
    if country not in NATIONS.values():
        return set()
    forms = {form for form, named in NATIONS.items() if named == country} | {country}
    return {form for form in forms if form in index.name_words}


def _age_of_another_speaker(question: Question, sentence: Sentence) -> bool:
    """Whether the sentence gives an age only as its speaker's ("The 56-year-old said ..."),
    and that speaker is not whom the question asks about."""
    if not AGED_SPEAKER.match(sentence.text) or not sentence.speakers:
        return False
    spoken = {w for speaker in sentence.speakers for w in words(speaker)}
    return not spoken & question.name_words


def _owns_writing(question: Question) -> bool:
    """Whether the question asks what someone's writing says ("Bornstein's letter", "the
    coalition's letter to management")."""
    owned = OWNED_THING.search(question.statement_subject or "")
    return owned is not None and owned.group("thing").lower() in WRITINGS


def _sole_article_naming(name_words: set[str], index: CorpusIndex) -> str | None:
    """The one article whose sentences name these words; None when none or several do."""
    if not name_words:
        return None
    sources = {index.sentences[i].source for i in index.sentences_naming(name_words)}
    return next(iter(sources)) if len(sources) == 1 else None


def _described_person(
    role: str, context: set[str], index: CorpusIndex, article: str | None = None
) -> str | None:
    """The person the articles (the picked one, if any) most often describe by `role`, in
    sentences that also hold the subject's other name words ("Wild")."""
    found = _role_holders(role, context, index, article)
    return max(found, key=lambda person: len(found[person])) if found else None


def _role_holders(
    role: str, context: Collection[str], index: CorpusIndex, article: str | None = None
) -> dict[str, list[Sentence]]:
    """The people the articles (the picked one, if any) describe by `role` whose role the
    `context` words say ("Wild" for "coach"; "Oklahoma City" for the Thunder's, in a story
    that calls them the Oklahoma City Thunder), each with the sentences that say so, in the
    articles' order.

    When none is, the one person a story gives the role without saying whose ("Coach (Frank)
    Vogel", "Republican Gov. Eric Holcomb") holds it for the owner its headline names: news
    style leaves the story's own side unsaid."""
    spellings = ROLE_SPELLINGS.get(role, (role,))
    owner_names = {index.full_names[w] for w in context if w in index.full_names}
    # "Indiana's state schools superintendent": "Indiana" owns the role, "state schools" says
    # which one it is, and is written with it ("state schools Superintendent Jennifer McCormick")
    owners = set(index.name_words_in(" ".join(context))) or set(context)
    qualifiers = [word for word in context if word not in owners]
    found: dict[str, list[Sentence]] = {}
    unowned: dict[str, list[Sentence]] = {}
    for sentence in _sentences_with_words([*spellings, *context], index, article):
        for person in _holders_in(sentence.text, role, context, owner_names):
            # "Hege is the CEO of DH": by the name the article gives her in full
            person = _full_name(person, index)
            if person is not None:
                found.setdefault(person, []).append(sentence)
        if (
            context
            and all(_names(word, sentence.title) for word in owners)
            and all(_names(word, sentence.text.lower()) for word in qualifiers)
        ):
            for person in _holders_in(sentence.text, role, None):
                unowned.setdefault(person, []).append(sentence)
    if not found and context:
        found = _company_role_holders(role, owners, index, article)
    if found or len(unowned) != 1:
        return found
    return unowned


def _company_role_holders(
    role: str, owners: Collection[str], index: CorpusIndex, article: str | None
) -> dict[str, list[Sentence]]:
    """The people given the role as "the company's" in a sentence that, with the one before
    it, names the owner asked about: "Marco Villa, the company’s chief operating officer, said
    Tyvak would ..." holds Tyvak's chief operating officer."""
    found: dict[str, list[Sentence]] = {}
    for sentence in _sentences_with_words(list(ROLE_SPELLINGS.get(role, (role,))), index, article):
        if not OWN_COMPANY.search(sentence.text):
            continue
        before = index.sentence_at(sentence.source, sentence.position - 1)
        told = f"{before.text if before else ''} {sentence.text}"
        if not all(_names(word, told) for word in owners):
            continue
        for person in _holders_in(sentence.text, role, None):
            person = _full_name(person, index)
            if person is not None:
                found.setdefault(person, []).append(sentence)
    return found


def _asks_where_the_story_happened(question: Question) -> bool:
    """ "Where was the game played?", "Where was the Lakers game played?": where the story's
    own event took place, asked with nothing but words for an event besides names."""
    return (
        question.wh == "where"
        and bool(question.point_stems)
        and set(question.point_stems) <= STORY_EVENT_WORDS
    )


def _dateline_place(text: str) -> str | None:
    """The place a sentence's dateline names, without the agency and the dash."""
    found = DATELINE.search(text)
    if found is None:
        return None
    return re.sub(r"\s*(?:\(\w+\)\s*)?[—–]\s*$", "", found.group()).strip(" ,") or None


def _full_name(person: str, index: CorpusIndex) -> str | None:
    """A person named by surname alone as the article names them in full; None when it never
    does (one capitalised word may be no person: "It is the CEO ..."). A name run into a
    capitalised word before it ("Introducing Junior Gaspard, New CEO ...") as the article
    names the person ("Junior Gaspard")."""
    if len(person.split()) >= 2:
        known = index.full_names.get(name_key(person))
        return known if known and person.endswith(f" {known}") else person
    full = index.full_names.get(person.lower())
    return full if full and len(full.split()) >= 2 and is_person_name(full) else None


def _holders_in(
    text: str, role: str, context: Collection[str] | None, owner_names: Collection[str] = ()
) -> list[str]:
    """The people the sentence describes by `role` as the `context`'s (or as one of the
    `owner_names`' words): named right after it ("Wild coach Bruce Boudreau") or with it in
    apposition ("Michael Sims, chief executive of Ceres Robotics"). A `context` of None asks
    for those given the role without an owner ("Coach (Frank) Vogel")."""
    spellings = ROLE_SPELLINGS.get(role, (role,))
    if not any(spelling in text.lower() for spelling in spellings):
        return []
    role_pattern = "|".join(re.escape(spelling) for spelling in spellings)
    # A first name may stand in brackets inside a quote: "Coach (Frank) Vogel".
    name = r"(?:\(?[A-Z][\w'’.-]*\)?\s?){1,3}"
    # A vice president or deputy minister is not the president or the minister.
    role_pattern = rf"(?<!vice )(?<!vice-)(?<!deputy )(?:{role_pattern})"
    patterns = (
        # "Senior author Dr. Silvia S. Martins": the courtesy title is no part of the name
        # "Carlineo's attorney, Sonya Zoghlin, said": the name in apposition after the role
        re.compile(rf"\b(?i:{role_pattern})(?:\s+|,\s+(?={name},))(?:{HONORIFIC}\.?\s+)?({name})"),
        # "Julie Graham, Washington State Department of Health public information officer"
        # (a list goes on with "and": "Russell Westbrook, Lakers great Magic Johnson and ...";
        # two titles do not: "Gwynne Shotwell, president and chief operating officer of SpaceX")
        re.compile(
            rf"\b({name}),\s+(?:the\s+)?(?:(?!and\b|or\b)[\w'’-]+\s+){{0,8}}?"
            rf"(?:[a-z][\w'’-]*\s+and\s+)?(?i:{role_pattern})\b"
        ),
        # "Hege is the CEO of DH": said of someone named before, often by surname alone
        re.compile(
            rf"\b({name})\s+(?:is|was|has\s+been|became|serves\s+as)\s+(?:the\s+|an?\s+)?"
            rf"(?:(?!and\b|or\b)[\w'’-]+\s+){{0,3}}?(?i:{role_pattern})\b"
        ),
    )
    people = []
    for before, pattern in zip((True, False, False), patterns, strict=True):
        for match in pattern.finditer(text):
            # Whose role it is stands right before it ("Ukrainian President", "Wild coach") or,
            # in apposition, right after ("chief executive of Ceres Robotics").
            if before:
                words_before = text[: match.start()].split()[-ROLE_CONTEXT_WORDS:]
                if context is None:
                    owned = unowned_role(words_before)
                else:
                    owned = _owns_role(words_before, context, owner_names)
            else:  # the rest of the appositive, to its closing comma
                rest = text[match.end() :].split(",", 1)[0]
                if context is None:  # "Dmitry Peskov, the Kremlin's spokesman": the Kremlin's
                    said = match.group(0)[match.end(1) - match.start() :] + rest
                    owned = not any(w[:1].isupper() for w in said.split())
                else:  # whose: between the name and the role, or after it
                    said = match.group(0)[match.end(1) - match.start() :] + rest
                    owned = all(_names(word, said) for word in context)
            person = re.sub(r"[()]", "", match.group(1)).strip()
            person = re.sub(r"(?<=[a-z]{2})\.$", "", person)  # the sentence's full stop
            copular = pattern is patterns[2]
            if owned and person[:1].isupper() and (len(person.split()) >= 2 or copular):
                people.append(person)
    return people


def _described_as(person: str, text: str) -> str:
    """The words that say who a person is where the text names them: the few before the name
    ("SpaceX President Gwynne Shotwell") and the appositive after it ("John Roth, vice
    president of business development at SNC,")."""
    at = text.find(person)
    if at < 0:
        return ""
    # up to the punctuation before the name: not the words of a quote ("“...,” said John Roth")
    start = max(text.rfind(mark, 0, at) for mark in ',;:”"(') + 1
    before = " ".join(text[start:at].split()[-DESCRIBED_BEFORE_WORDS:])
    after = text[at + len(person) :]
    appositive = after.split(",", 2)[1] if after.startswith(",") else ""
    return f"{before} {appositive}"


def _owns_role(
    before: Sequence[str], context: Collection[str], owner_names: Collection[str] = ()
) -> bool:
    """Whether the words right before a role say it is the context's: "Wild" in "Wild coach",
    "Kentucky" in "Kentucky GOP Gov.", "Oklahoma City" when the owner's name is "Oklahoma City
    Thunder"; not "Lakers" in "Lakers assistant coach", another role."""
    if not context:
        return True
    phrase = role_phrase(before)
    if all(_names(word, " ".join(before)) for word in context):
        last = max(
            (k for k, w in enumerate(before) if any(_names(c, w) for c in context)), default=-1
        )
        return not any(w[:1].islower() for w in before[last + 1 :])
    capitalised = [w for w in phrase if w[:1].isupper()]
    named = " ".join(capitalised)
    if not capitalised or not any(f" {named} " in f" {name} " for name in owner_names):
        return False
    last = max(k for k, w in enumerate(phrase) if w[:1].isupper())
    return not any(w[:1].islower() for w in phrase[last + 1 :])


def spelled_out_before(text: str, acronym: str) -> str | None:
    """ "Commercial Lunar Payload Services" in "... Commercial Lunar Payload Services (CLPS)":
    the capitalised words right before the bracketed acronym whose initials spell it."""
    at = text.find(f"({acronym})")
    if at < 0:
        return None
    before = text[:at].split()
    for size in range(len(acronym), min(len(before), 2 * len(acronym)) + 1):
        name = before[-size:]
        initials = "".join(w[0] for w in name if w[:1].isupper())
        if initials.upper() == acronym.upper() and name[0][:1].isupper():
            return " ".join(name).strip(",;:")
    return None


def _names(word: str, text: str) -> bool:
    """Whether `text` names what `word` does, as a country's adjective names the country:
    "Ukraine" in "Ukrainian President Volodymyr Zelensky", "Belarus" in "Belarusian"."""
    if word in STUDY_WORDS:
        return bool(STUDY_WORDS & set(words(text)))  # "the research's lead": "study lead author"
    stem = word[:-1] if word.endswith("e") and len(word) > 5 else word
    return any(w == word or (len(stem) >= 5 and w.startswith(stem)) for w in words(text))


def _sentences_with_words(
    query: Sequence[str], index: CorpusIndex, article: str | None = None
) -> list[Sentence]:
    """The sentences of the chunks that hold any of these words, read in the keyword index;
    only the article's, when one is given."""
    scores = index.keyword_scores(" ".join(query))
    found = scores > 0
    if article:
        found &= index.chunks_of(article)
    chunk_ids = [index.chunk_ids[i] for i in np.flatnonzero(found)]
    return [index.sentences[i] for chunk_id in chunk_ids for i in index.by_chunk.get(chunk_id, [])]


def _is_title(word: str) -> bool:
    """ "President", "Gov.", "co-founder": a title written before a name."""
    bare = word.lower().rstrip(".,")
    return bare in TITLE_WORDS or bare.removeprefix("co-") in TITLE_WORDS


def _description(question: Question, text: str) -> str | None:
    """What the sentence calls the person a "Who is X?" question names: the title before the
    name ("Sabres captain Jack Eichel", "Walt Disney Co. executive Kevin Mayer") or the
    appositive after it ("Ian Hamilton, an expert in drug use ..."); None when it says neither."""
    named = next(
        (m for m in CAPITALISED_RUN.finditer(text) if set(words(m.group())) & question.name_words),
        None,
    )
    if named is None:
        return None
    run = named.group().split()
    # "Belarusian President Alexander Lukashenko": the title is capitalised, inside the run
    titled = [k for k, w in enumerate(run) if w.lower().rstrip(".") in TITLE_WORDS]
    if titled and titled[-1] < len(run) - 1:
        start = named.start() + len(" ".join(run[: titled[-1] + 1]))
    else:
        start = named.start()
    before = re.split(r"[,;:”\"(—–]", text[:start])[-1].split()[-DESCRIBED_BEFORE_WORDS:]
    if before and before[-1].lower().rstrip(".") in HONORIFICS:
        before = []  # "Senior author Dr. Silvia S. Martins": a courtesy, no description
    if before and (_is_title(before[-1]) or ROLE.fullmatch(before[-1])):
        # the title's own phrase: "Chinese President", not "lawmakers after Chinese President"
        # nor "said" of "said U.S. Attorney Nealy Cox"; two titles joined: "CEO and co-founder"
        kept: list[str] = []
        for k, w in enumerate(reversed(before)):
            joined = w == "and" and kept and k + 1 < len(before) and _is_title(before[-k - 2])
            if (w.lower() in STOPWORDS or SAYING.fullmatch(w)) and not joined:
                break
            kept.append(w)
        return " ".join(reversed(kept))
    after = text[named.end() :]
    # "Ian Hamilton, an expert in ...,", "Mayer was named chairman of ..."
    described = re.match(r",\s+(?P<what>[^,]{3,200}?),", after) or re.match(
        r"\s+(?:is|was|has\s+been)\s+(?:named\s+|appointed\s+|elected\s+)?(?P<what>[^,.;]{3,200})",
        after,
    )
    if described:
        # to the clause or the date after it: "chairman of ... division in March 2018"
        what = re.split(
            r"\s+(?:who|which|that|since)\s+|\s+(?:in|on)\s+(?=[A-Z][a-z.]+\s+\d|\d)",
            described.group("what"),
        )[0]
        short = len(what.split()) <= DESCRIPTION_WORDS  # a longer one reads better in place
        if short and (re.match(r"(?:a|an|the)\s", what) or ROLE.search(what)):
            return what
    return None


def _is_name_only(target: str | None, name_words: frozenset[str]) -> bool:
    """True for "Who is Dmitry Peskov?", a description; not for "What is the Kremlin's view?"."""
    if not target or not name_words:
        return False
    return all(w in name_words for w in words(target) if w not in STOPWORDS)


def _describes(sentence: str, name_words: frozenset[str], job: bool = False) -> bool:
    """Does the sentence say what the named person or thing is (with `job`, what work they
    do: "Carlineo is a convicted felon" describes him, but gives no job)?"""
    roles = rf"(?:{ROLE_WORDS})s?"  # "Weeks, both professors at ...": a role of several
    for word in name_words:
        # "James P. Kennedy Jr., the U.S. Attorney ...": the suffix is part of the name
        name = rf"{re.escape(word)}(?:\w*\s+(?:{'|'.join(NAME_SUFFIXES)})\.?)?"
        described = (
            rf"\b{name}\w*,\s+(?:a|an|the)\s",
            rf"\b{name}\w*\s+(?:is|was|are|were)\s+(?:a|an|the)\s",
        )
        patterns = (
            *(() if job else described),
            # "Smith is a retired teacher"
            rf"\b{name}\w*\s+(?:is|was)\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,4}}"
            rf"{roles}\b",
            # "Smith, 45, works as a plumber", "who worked for the county"
            rf"\b{name}\w*,?\s+(?:[\w’'-]+,\s+)?(?:who\s+)?(?:works?|worked)\s+(?:as|for|at)\s",
            # "Shotwell, president and chief operating officer of SpaceX, said", "Mayer,
            # Disney’s chairman of ...", "Julie Graham, Washington State Department of Health
            # public information officer"
            rf"\b{name}\w*,\s+(?:(?!(?:who|which|and|said)\b)[\w’'-]+\s+){{0,7}}"
            rf"{roles}\b",
            # "Mayer was named chairman of ..."
            rf"\b{name}\w*\s+(?:is|was|were|has\s+been|had\s+been)\s+"
            rf"(?:named|appointed|elected|promoted\s+to|hired\s+as)\s+(?:the\s+)?"
            rf"(?:[\w’'-]+\s+){{0,2}}(?:{ROLE_WORDS})\b",
            rf"\b{roles}\s+(?:[A-Z][\w-]+\s+){{0,2}}{name}\b",
            # "Sweden’s deputy director of public prosecutions, Eva-Marie Persson, said"
            rf"\b{roles}\s+(?:of|for|at)(?:\s+[\w’'-]+){{1,4}},\s+"
            rf"(?:[A-Z][\w-]+[\s-]+){{0,2}}{name}\b",
        )
        if any(re.search(p, sentence, re.IGNORECASE) for p in patterns):
            return True
    return False


def _kind_left_unnamed(question: str, text: str) -> bool:
    """Whether the text speaks of the kind of thing the question asks to have named only as "a"
    one, never naming it: "Which prison ...?" answered with "serving a prison term", "What was
    the name of the restaurant?" with "a nearby restaurant"; one thing, not several. A name
    next to it ("the Belmarsh prison", "a restaurant called Nobu", "Nobu, a restaurant") or a
    definite "the restaurant" (named elsewhere, perhaps) is no such case; nor is a text that
    never says the kind."""
    asked = KIND_TO_NAME.match(question)
    if asked is None:
        return False
    kind = next(filter(None, asked.group("which", "named"))).lower()
    if kind.endswith("s") and not kind.endswith("ss"):
        return False  # "Which states ...?": things of a kind, named apart ("such as Colorado")
    kind = stems([kind])[0]
    tokens = re.findall(r"[\w'’-]+|[,;:]", text)
    token_stems = stems([token.lower() for token in tokens])
    found = [at for at, stem in enumerate(token_stems) if stem == kind]
    return bool(found) and all(_unnamed_at(tokens, at) for at in found)


def _unnamed_at(tokens: Sequence[str], at: int) -> bool:
    def capital(k: int) -> bool:
        return 0 < k < len(tokens) and tokens[k][:1].isupper()

    if capital(at - 1) or capital(at + 1):
        return False  # "the Belmarsh prison", "the restaurant Nobu"
    if at + 1 < len(tokens) and tokens[at + 1].lower() in NAMING_NEXT:
        return False  # "a restaurant called Nobu"
    for k in range(at - 1, max(at - 2 - UNNAMED_MODIFIERS, -1), -1):
        word = tokens[k].lower()
        if word in UNNAMING:
            # "Nobu, a restaurant", "Emirates is an airline": the name before describes it
            named_before = (
                k >= 2
                and tokens[k - 1] in NAME_BEFORE_KIND
                and tokens[k - 2][:1].isupper()
                and tokens[k - 2].lower() not in STOPWORDS
            )
            return not (word in ("a", "an") and named_before)
        if not word.isalpha():
            return False
    return False
