"""Follow-ups: rewrite "he", "it" and "what about X?" into a question that stands alone."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from retrieval.answer import Turn
from retrieval.language.answer_kinds import DATELINE
from retrieval.language.known import KnownWords
from retrieval.language.lexicon import (
    AUXILIARIES,
    CAPITALS,
    CHAT_SPELLINGS,
    FRAMING,
    LIGHT_VERBS,
    PERSON_NOUNS,
    PLACE_OPENERS,
    POSSESSIVES,
    QUESTION_OPENERS,
    ROLE_WORDS,
    STOPWORDS,
    UNMARKED_CONTRACTIONS,
)
from retrieval.language.pronouns import FEMININE
from retrieval.language.question import (
    ABOUT_IT,
    AUTHOR,
    HEADLINE_ASKED,
    OTHER_WORK,
    PUBLISHED_WHEN,
    PUBLISHER,
    SUMMARY,
)
from retrieval.language.speakers import POSSESSIVE, is_person_name
from retrieval.language.teams import PLACES_BY_LOWER, TEAM_NICKNAMES
from retrieval.language.text import CAPITALISED_RUN, words

# "when it'd be ready": the pronoun apart from its verb, so that it can be spelled out.
PRONOUN_CONTRACTION = re.compile(
    r"\b(?P<pronoun>he|she|it|they)['’](?P<verb>d|ll|re|ve)\b", re.IGNORECASE
)
CONTRACTED_VERBS = {"d": "would", "ll": "will", "re": "are", "ve": "have"}
# A capitalised word that is no question's opening "Did" or "What".
NOT_OPENER = rf"(?!(?i:{'|'.join(sorted(QUESTION_OPENERS))})\b)"
# "How'd Bevin end up doing?", "where'd he go?": a question word's "'d" is its "did".
WH_DID = re.compile(r"\b(?P<wh>how|where|what|who|why|when)['’]d\b", re.IGNORECASE)
# "whats this story about", "who didnt play": chat's contractions typed without the apostrophe.
UNMARKED = re.compile(rf"\b({'|'.join(UNMARKED_CONTRACTIONS)})\b", re.IGNORECASE)
POSSESSION = re.compile(r"['’]s\b")
# A chat spelling as a word of its own: not inside "U.S." nor "U" in capitals.
CHAT_WORDS = "|".join(re.escape(w) for w in sorted(CHAT_SPELLINGS, key=len, reverse=True))
CHAT_WORD = re.compile(rf"(?<![\w.'’/-])(?:{CHAT_WORDS})(?![\w.'’-])")
# What follows an "it" that is an object: the end, or a preposition or a conjunction.
OBJECT_END = re.compile(
    r"\s*(?:[?.!,;]|$)|\s+(?:for|to|in|on|at|about|with|from|by|after|before|during|over|"
    r"and|or|so|now|then|last|this|next|yet|again|first)\b",
    re.IGNORECASE,
)
PERSON_PRONOUN = re.compile(r"\b(he|she|him|his|her|hers)\b", re.IGNORECASE)
THING_PRONOUN = re.compile(r"\b(it|its|they|them|their)\b", re.IGNORECASE)
# A follow-up asking only for more of the last answer: "anything else?", "what else?", "more?".
MORE_OF_IT = re.compile(
    r"^\W*(?:(?:and|ok|okay|so)\W+)?(?:(?:what|something|any(?:thing)?)\s+(?:else|more)"
    r"|more|tell\s+me\s+more)(?:\s+(?:then|there|on\s+that))?\W*$",
    re.IGNORECASE,
)
THEY = re.compile(r"\b(they|them)\b", re.IGNORECASE)
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
IT = re.compile(r"\b(it|its)\b", re.IGNORECASE)
STORY_IT = re.compile(r"\b(it)\b", re.IGNORECASE)  # "its" goes with a noun of the question
DONE = re.compile(r"\b(?:do|did|does|doing|done)\s+$", re.IGNORECASE)
# "it's hard to ...", "it is important that ...": after the "it", what it stands for.
EXPLETIVE = re.compile(
    r"(?:['’]s|\s+(?:is|was|seems|seemed))\s+(?:\w+\s+)?\w+\s+(?:to|that)\b", re.IGNORECASE
)
# "is it rainy everywhere?", "does it snow there", "it's cold": weather's "it" stands for nothing.
WEATHER_IT = re.compile(
    r"(?:['’]s|\s+(?:is|was|be|been|get|gets|got|getting|usually|often|always|ever|really|very"
    r"|so|too|still))*\s+(?:rain|snow|hail|drizzl|sunny|cloudy|windy|foggy|humid|freezing|"
    r"stormy)",
    re.IGNORECASE,
)
# Idioms whose "it" stands for nothing: "get into it" (a fight), "go for it", "mix it up" (not
# "make it": "Who made it?" asks who made the thing).
IDIOM_BEFORE_IT = re.compile(
    r"\b(?:get|gets|got|getting|gotten)\s+into\s+$"
    r"|\b(?:go|goes|went|going)\s+for\s+$|\b(?:mix|mixed|mixing)\s+$",
    re.IGNORECASE,
)
# "Why?", "When?", "Where exactly?": the previous question, asked another way.
BARE_WH = re.compile(
    r"^(?:and\s+|but\s+|so\s+)?(?P<wh>(?:(?:for|to|from|with|by|against|about|over|in|during|"
    r"since|until|at|on)\s+)?"
    r"(?:why|when|where|how|who|whom|what|which))(?P<more>\s+\w+)?\s*\??$",
    re.I,
)
# "How much?", "For how long?": a bare "how" that keeps the measure it asks for.
HOW_MEASURE = re.compile(
    r"(?:\w+\s+)?how\s+(?:much|many|long|old|far|often|big|soon|fast|late|early)", re.I
)
# "Where will that game be?", "When did that happen?": where or when the last question's
# answer happens, asked as "Where?" is.
WHERE_OR_WHEN_OF_IT = re.compile(
    r"^(?:and\s+)?(?P<wh>where|when)\s+(?:will|would|is|was|are|were|did|does|do)\s+"
    r"(?P<that>that|this|those|these)"
    r"(?:\s+(?!(?:be|happen|happened|take|took|held|played)\b)(?![a-z]+ly\b)(?P<noun>[a-z]+))?"
    # "Where did that supposedly happen?": an adverb is no noun of "that"
    r"(?:\s+[a-z]+ly)?\s+"
    r"(?:be(?:\s+(?:played|held))?|happen|happened|take\s+place|took\s+place|held|played)\s*\??$"
    # "When was that?", "What time was that?", "When is it?": the time of what was asked last
    r"|^(?:and\s+|so\s+)?(?P<when>when|what\s+time|what\s+day|what\s+year|where)\s+"
    r"(?:is|was|are|were)\s+(?:that|this|it)\s*\??$",
    re.IGNORECASE,
)
# A role that names a person, not an organisation: no "it" stands for "the president".
ROLE_HEAD = re.compile(rf"(?!(?:publication|newspaper|outlet|agency)$)(?:{ROLE_WORDS})", re.I)
# What "that game" or "that meeting" is when a follow-up asks where or when it is: the event
# the last question asked about, asked again as "Where?" (a named act, "that sacking", is
# asked of the article itself).
EVENT_NOUNS = frozenset("game match meeting event one thing race fight show rally".split())
# "Who runs that company?" after a question about Ceres Robotics: the organisation it named.
ORGANISATION_REFERENCE = re.compile(
    r"\b(?:that|this)\s+(?:company|firm|agency|business|startup|organi[sz]ation|"
    r"corporation|outfit)\b(?!['’])",
    re.IGNORECASE,
)
# "How many firms did NASA add?": a count whose things a bare "Which ones?" asks to name.
HOW_MANY_ASKED = re.compile(r"^how\s+many\s+", re.IGNORECASE)
# "How many people will lose their jobs?": the things counted, whom a "their" after them means.
HOW_MANY_OF = re.compile(r"^how\s+many\s+(?!of\b)[a-z][\w-]*\b", re.IGNORECASE)
# "How many goals did Parise score?": the things counted, which a follow-up calls "them", with
# the names before them ("How many Taliban prisoners ...?").
COUNTED_ASKED = re.compile(
    r"^how\s+many\s+(?P<things>(?-i:[A-Z][\w-]*\s+){0,2}?(?-i:(?![A-Z]+\b))[a-z][\w-]*s)\b",
    re.IGNORECASE,
)
# What a bare follow-up put before the question it repeats: "Why: Who issued the warrant?".
BARE_PREFIX = re.compile(r"^(?:\w+\s+){0,2}\w+: ")
# "China's proposal": what "it" most likely means when the last question named it.
POSSESSED = re.compile(r"\b(?P<owner>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)['’]s\s+(?P<thing>[a-z][\w-]+)")
TYPED_POSSESSED = re.compile(
    r"\b(?P<owner>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)['’]s\s+(?P<thing>[a-z][\w-]+)"
)
# The word right after a name, when it is in lowercase.
NEXT_WORD = re.compile(r"\s+([a-z][\w'’-]*)")
# "What happened there?": "there" as a place, at the end of the question.
THERE = re.compile(r"\s+there(?=\s*[?.!]*$)", re.IGNORECASE)
PLACE = re.compile(
    r"\b(?:in|at|to|near|from)\s+(?:the\s+(?:city|town|village|region|country)\s+of\s+)?"
    r"(?!The\b)(?P<place>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)"
)
# "What lander is Blue Origin offering?": the kind of thing the question asks for.
ASKED_KIND = re.compile(
    r"^(?:what|which)\s+(?:(?P<sort>kind|type|sort|model|make|brand)\s+of\s+)?"
    rf"(?P<kind>[a-z][\w-]+)\s+{AUXILIARIES}\b",
    re.IGNORECASE,
)
# "How much did that campaign cost?": a thing of a kind an earlier question asked for.
# "Was there a fight?": the thing a question asks exists, which a follow-up calls "it".
EXISTENTIAL = re.compile(
    r"^(?:(?:was|is|were|are)\s+there|(?:has|have)\s+there\s+been)\s+"
    r"(?:a|an|any|some)\s+(?P<thing>[a-z][\w-]*)\s*\??$",
    re.IGNORECASE,
)
DEMONSTRATIVE = re.compile(r"\b(?:that|this|the\s+same)\s+(?P<kind>[a-z][\w-]+)\b", re.I)
# A question asking what something is called: "What's the name of that firm?".
NAME_ASKED = re.compile(r"\bnamed?\b|\bcalled\b", re.IGNORECASE)
# How many turns back "that campaign" may point to the question that asked for a campaign.
DEMONSTRATIVE_TURNS = 3
# The phrase a question ends on after a preposition: "among adults?", "about the truce?".
OBJECT_PREPOSITIONS = r"about|among|for|in|on|at|of|with|against|during|from|over|by|between"
TRAILING_OBJECT = re.compile(
    rf"\b(?:{OBJECT_PREPOSITIONS})\s+"
    rf"(?P<object>(?:(?!(?:{OBJECT_PREPOSITIONS})\b)[\w'’-]+\s+){{0,4}}"
    rf"(?!(?:{OBJECT_PREPOSITIONS})\b)[\w'’-]+)\s*\?*\s*$",
    re.IGNORECASE,
)
# "Who said that?", "Who's giving those numbers?": whose words the last answer quoted.
WHO_SAID_THAT = re.compile(
    r"^who\s+(?:said|says|claimed|claims|stated)\s+(?:that|this|it|so|those|these)"
    r"(?:\s+[a-z]+)?$"
    r"|^who(?:['’]s|\s+is|\s+was)\s+(?:giving|saying|claiming)\s+"
    r"(?:that|this|those|these|it)(?:\s+[a-z]+)?$"
    # "Who made that promise?", "Who gave that warning?": a saying named by what it did
    r"|^who\s+(?:made|gave|issued|offered|voiced|expressed|raised)\s+"
    r"(?:that|this|those|these|the)\s+(?:promise|pledge|vow|claim|comment|remark|statement|"
    r"prediction|warning|point|argument|criticism|observation|threat)s?$"
    # "Whose point is that?", "Whose advice was that?": whose words they were
    r"|^whose\s+(?:point|words|quote|claim|view|idea|argument|comment|opinion|advice|"
    r"statement|estimate|prediction|warning)\s+(?:is|was)\s+(?:that|this|it)$",
    re.IGNORECASE,
)
QUOTE_MARKS = re.compile(r"[“”\"]")
# How many words of the quote a rewritten "Who said that?" repeats.
QUOTE_WORDS = 12
# "the" and what follows it, for the phrase a follow-up's "it" or "they" stands for.
DEFINITE = re.compile(
    r"\b(?P<aux>(?:did|does|do|will|would|can|could|should|is|are|was|were|has|have|had)\s+)?"
    r"the\s+(?=(?P<rest>[^?]+))",
    re.IGNORECASE,
)
# Auxiliaries a bare verb follows ("did the Kremlin react"); after the others, a participle
# ("were the hostages kidnapped", "is the stadium located").
DOING_AUXILIARIES = frozenset("did does do will would can could should".split())
PARTICIPLE_ENDINGS = ("ed", "en", "wn", "ght")
PARTICIPLES = frozenset(
    "sent spent held told sold made paid laid built found left lost kept won hit shot put set cut "
    "hurt led met born".split()
)
# The longest such phrase: "the South Dakota ad campaign".
MAX_PHRASE_WORDS = 4
# "the governor", "the Wild coach": someone a question names by a role only.
ROLE_ASKED = re.compile(
    rf"\bthe\s+(?:[\w'’.-]+\s+){{0,2}}?(?P<role>{ROLE_WORDS})\b(?!['’])", re.IGNORECASE
)
# Role words that name no person.
NO_PERSON = frozenset({"publication", "newspaper", "outlet", "agency"})
# A question asking who: "Who was in the debate?", "who's playing".
WHO_ASKED = re.compile(r"^\s*who(?:['’]s|\b)", re.IGNORECASE)
LEADING_AND = re.compile(r"^(?:and|but|so)\s+(?=\w)", re.IGNORECASE)
# The longest "what about X?" whose X is a name or a thing rather than a question of its own.
MAX_ELLIPSIS_WORDS = 5
# "the second one", "the third": a follow-up asking the same of another in an order.
ORDINALS = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final"
ORDINAL = re.compile(rf"\b(?:{ORDINALS})\b", re.IGNORECASE)
ORDINAL_ONE = re.compile(rf"(?:the\s+)?(?P<ordinal>{ORDINALS})(?:\s+one)?", re.IGNORECASE)
ELLIPSIS = re.compile(r"^(?:and|what about|how about|and what about)\s+(?P<other>.+?)\s*\??$", re.I)


@dataclass(frozen=True)
class Condensed:
    """The question as it stands alone, and what rewrote it: "llm", "rules", or None when an
    engine without a model condensed it."""

    standalone: str
    by: str | None


def _kept_it(match: re.Match[str]) -> bool:
    """ "Why did he do it?": the "it" done at the question's end is the act, not a thing; "he
    says it's hard to reach conclusions": an "it" before what is hard to do stands for nothing;
    "their" after "how many people" is theirs."""
    text = match.string
    counted = HOW_MANY_OF.match(text)
    if counted and match.start() > counted.end() and match.group().lower() in PLURAL_PRONOUNS:
        return True  # "How many people will lose their jobs?": the people counted, theirs
    if match.group().lower() != "it":
        return False
    done = DONE.search(text[: match.start()]) is not None and not text[match.end() :].strip(" ?.!")
    idiom = IDIOM_BEFORE_IT.search(text[: match.start()]) is not None
    weather = WEATHER_IT.match(text[match.end() :]) is not None
    return done or idiom or weather or EXPLETIVE.match(text[match.end() :]) is not None


def _names_them(more: str | None) -> bool:
    """Whether the word after a bare "which" asks for the things just counted: "Which ones?",
    "Who?"."""
    return more is None or more.strip().lower() in ("ones", "one", "are", "were")


def spell_contractions(question: str) -> str:
    """ "whats" as "what's", "didnt" as "didn't": a contraction typed without its apostrophe;
    "how'd" as "how did"; chat's "ppl" and "govt" as "people" and "government"."""

    def spelled(match: re.Match[str]) -> str:
        word = match.group(0)
        full = UNMARKED_CONTRACTIONS[word.lower()]
        return full[0].upper() + full[1:] if word[0].isupper() else full

    question = CHAT_WORD.sub(lambda m: CHAT_SPELLINGS[m.group()], question)
    return WH_DID.sub(lambda m: f"{m.group('wh')} did", UNMARKED.sub(spelled, question))


def resolve(question: str, history: Sequence[Turn], index: KnownWords) -> str:
    """The question with references to earlier turns spelled out; unchanged when there are none."""
    question = spell_contractions(" ".join(question.split()))
    question = index.name_countries(index.expand_acronyms(index.respell_names(question)))
    question = index.name_teams(question)
    if not history:
        # "What sentence could he get?" opening a conversation on a story about one man: him;
        # "When does it launch?" on a story about one thing: it
        return _it_of_the_story(_bind_people(question, [], [], index), index)
    question = PRONOUN_CONTRACTION.sub(
        lambda m: f"{m.group('pronoun')} {CONTRACTED_VERBS[m.group('verb').lower()]}", question
    )
    previous = history[-1].resolved_question or history[-1].question
    bare = BARE_WH.match(question) or WHERE_OR_WHEN_OF_IT.match(question)
    noun = bare.groupdict().get("noun") if bare else None
    if bare and noun and noun.lower() not in EVENT_NOUNS:
        # "When did that sacking happen?": the sacking, asked of the article, not the last
        # question (which may not be about it) asked again
        question = f"{question[: bare.start('that')]}the{question[bare.end('that') :]}"
        bare = None
    if bare:
        # "Why?" after "For whom?" asks about the question before both.
        was_bare = BARE_WH.match(history[-1].question) or WHERE_OR_WHEN_OF_IT.match(
            history[-1].question
        )
        asked = BARE_PREFIX.sub("", previous) if was_bare else previous
        # "Over what years?" keeps the kind it asks for; "Where exactly?" drops the adverb.
        wh = bare.group("wh") or bare.group("when")
        more = bare.groupdict().get("more")
        counted = HOW_MANY_ASKED.match(asked)
        if counted and wh.lower() in ("which", "what", "who") and _names_them(more):
            # "Which ones?" after "How many firms did NASA add?": which firms NASA added
            return f"Which {asked[counted.end() :]}"
        if more and (wh.lower().endswith(("what", "which")) or HOW_MEASURE.fullmatch(wh + more)):
            wh += more
        return f"{wh.capitalize()}: {asked}"
    if MORE_OF_IT.match(question):
        # "anything else?": the last question answered, again, for what it has not quoted
        answered = next((turn for turn in reversed(history) if turn.answer.citations), None)
        return (answered.resolved_question or answered.question) if answered else question
    quoted = history[-1].answer.citations
    if quoted and WHO_SAID_THAT.match(question.rstrip(" ?.!")):
        # "Who said that?": who said the sentence the last answer quoted first
        said = QUOTE_MARKS.sub("", quoted[0].quote).split()
        cut = "…" if len(said) > QUOTE_WORDS else ""
        return f"Who said “{' '.join(said[:QUOTE_WORDS]).rstrip(',.;:')}{cut}”?"
    ellipsis = ELLIPSIS.match(question)
    ordinal = ellipsis and ORDINAL_ONE.fullmatch(ellipsis.group("other"))
    if ordinal and ORDINAL.search(previous):
        # "And the second one?" after "How did Parise's first goal happen?": his second goal
        return ORDINAL.sub(ordinal.group("ordinal"), previous, count=1)
    if ellipsis and _is_phrase(ellipsis.group("other")):
        other = ellipsis.group("other")
        swapped = None if _names_in(other, index) else _swap_object(previous, other)
        return swapped or _swap_name(previous, other, index) or question
    people_words = _person_words(previous, index)
    if (
        ABOUT_IT.match(question)
        and not _last_phrase(previous, people_words)
        and not POSSESSED.search(previous)
    ):
        return question  # "What's it about?" after "Who wrote this?": the article
    if LEADING_AND.match(question):  # "And how did they react?" asks a whole question
        question = LEADING_AND.sub("", question)
        question = question[:1].upper() + question[1:]
    people, quoted, things = _antecedents(history, index)
    asks_itself = (PUBLISHER, AUTHOR, PUBLISHED_WHEN)
    itself = any(asked.search(question) for asked in asks_itself)
    about_article = _asked_of_article(previous) or HEADLINE_ASKED.search(previous)
    if itself and about_article and not PERSON_PRONOUN.search(question):
        # "When was it published?" after "Who wrote the lunar lander piece?"; "Who wrote it?"
        # after "What's the headline?"
        return question
    if SUMMARY.search(previous) or any(asked.search(question) for asked in asks_itself):
        # "How many districts closed because of it?" after "What's this story about?": the
        # story's event, which no one name of its summary stands for; "Who wrote it?", "What
        # publication is it from?", "When was it published?": the article itself.
        things = []
    resolved = question
    place = THERE.search(resolved) and _last_place(history, index)
    if place:
        resolved = THERE.sub(f" in {place}", resolved)
    resolved = _bind_people(resolved, people, quoted, index)
    possessed = _possessed(previous, index)
    if possessed and possessed.group("thing") not in STOPWORDS:
        # "Who undermined it?" after "Tell me about China's proposal": the proposal, not China.
        # "Is Blue Origin's contract ...": the question's first word is not the owner's name
        owner = possessed.group("owner").split()
        while len(owner) > 1 and owner[0].lower() in STOPWORDS:
            owner = owner[1:]
        things = [f"{' '.join(owner)}'s {possessed.group('thing')}", *things]
    # "When does it come out?" after "What's the gist?": the story, not "the gist"
    phrase = None if _asked_of_article(previous) else _last_phrase(previous, people_words)
    if phrase and possessed and previous.rfind(phrase) < possessed.start():
        # "Who made it?" after "What's the budget for South Dakota's campaign?": the campaign,
        # named last, not the budget asked of it
        phrase = None
    pronoun = THING_PRONOUN.search(question)
    if phrase and pronoun and _agrees(pronoun.group(1), phrase):
        # "Which state is running it?" after "What's the slogan of the ad campaign …?": the
        # campaign; "What were they chanting?" after "What were the teachers asking for?"
        given = history[-1].answer.person
        at = 1 if given and things and things[0] == given else 0
        things = [*things[:at], phrase, *(t for t in things[at:] if t not in phrase)]
    counted = COUNTED_ASKED.match(previous)
    if counted and THEY.search(question) and not IT.search(question):
        # "When did he score them?" after "How many goals did Parise score?": the goals (and
        # no "it" of the same question)
        things = [f"the {counted.group('things')}", *things]
    existed = EXISTENTIAL.match(previous)
    if existed:
        # "Did Eichel get suspended for it?" after "Was there a fight?": the fight.
        things = [f"the {existed.group('thing')}", *things]
    resolved = DEMONSTRATIVE.sub(
        lambda m: _kind_answered(history, m) or _kind_described(history, m) or m.group(),
        resolved,
    )
    organisation = not index.name_words_in(question) and _organisation_named(previous, index)
    if organisation:
        # "Who runs that company?" after "When would Ceres Robotics have a lander available?"
        resolved = ORGANISATION_REFERENCE.sub(organisation, resolved, count=1)
    answered = _thing_answered(history)
    if answered:
        # "How much can it carry?" after "What lander is Blue Origin offering?": the lander
        # the answer named, not the company the question did.
        things = [answered, *things]
    # "How much did Disney pay for it?": not Disney, whose name the question gives; "Does Trump
    # want to keep them there?": not the place "there" already stands for
    asked = {index.full_names.get(word, word).lower() for word in index.name_words_in(resolved)}
    things = [t for t in things if POSSESSION.search(t) or t.lower() not in asked]
    together = _people_together(previous, index)
    if not together and not PERSON_PRONOUN.search(question):
        # "What did they argue about?" after "Who was in the debate?"; not "What did he tell
        # them?", whose "them" are others than "he"
        together = _people_answered(history[-1], index)
    if together and not _named_before(THEY, question, index):
        # "Did either of them get a penalty?" after "What happened between Eichel and Eriksson
        # Ek?": the people that question named, not the team its answer did
        resolved = THEY.sub(lambda m: _replace(m, together, resolved), resolved)
    if things and not _named_before(THING_PRONOUN, question, index):
        taken: dict[bool, str] = {}  # the thing each number's pronoun stands for
        # "How long did they watch the moon for?" after "What telescope did they use?", whose
        # "they" (the researchers) stood for none of the names: still none of the names its
        # answer quoted ("Hawaii"); the one it gave ("Who canceled its order?": "SpaceX") or
        # a thing asked of is another matter
        unbound = {p.lower() for p in THING_PRONOUN.findall(previous)}
        given = {history[-1].answer.person, answered}

        def bound(m: re.Match[str]) -> str:
            if _kept_it(m) or _plural_for_it(m, things[0]):
                return m.group()
            plural = m.group(1).lower() in PLURAL_PRONOUNS
            thing = taken.get(plural)
            if thing is None:
                # "How did they get to it?": "they" and "it" are not one thing
                other = taken.get(not plural)
                thing = next((t for t in things if t != other), None)
                if thing is None:
                    return m.group()
                kept = m.group(1).lower() in unbound  # "they" again; "one of them" is another
                # "Did they say how they were treated?" after "How did they look in the
                # Taliban videos?": not the videos, which that "they" was seen in
                after = _named_after(previous, m.group(1), thing)
                if kept and thing not in given and (thing not in previous or after):
                    return m.group()
                taken[plural] = thing
            return _replace(m, thing, resolved)

        resolved = THING_PRONOUN.sub(bound, resolved)
    elif not things and not SUMMARY.search(previous):
        # "When does it come out?" after "Who wrote this?": the thing the story is about
        resolved = _it_of_the_story(resolved, index)
    return resolved


def _it_of_the_story(question: str, index: KnownWords) -> str:
    """The question with its "it" as the one thing the story is about, when there is one and
    the question asks of that thing, not of the article ("Who wrote it?", "What's it about?")."""
    thing = index.central_thing()
    asks_itself = (PUBLISHER, AUTHOR, PUBLISHED_WHEN, SUMMARY, ABOUT_IT)
    if not thing or any(asked.search(question) for asked in asks_itself):
        return question
    if index.name_words_in(question):
        return question  # "Did anyone from Astrobotic comment on it?": any of its things
    pronoun = STORY_IT.search(question)
    if (
        pronoun is None
        or _kept_it(pronoun)
        or _last_phrase(question[: pronoun.start()], _person_words(question, index))
    ):
        return question  # "Who said the campaign buried its message?": the campaign's
    return f"{question[: pronoun.start()]}{thing}{question[pronoun.end() :]}"


def _people_together(question: str, index: KnownWords) -> str | None:
    """The people a question named, two or more, as one: "Jack Eichel and Joel Eriksson Ek"."""
    people, _ = _split_people(_names_in(question, index), index)
    return _as_one(people)


def _people_answered(turn: Turn, index: KnownWords) -> str | None:
    """The people a "who" question that named no one was answered with, two or more, as one:
    "Who was in the debate?" answered "... between Boris Johnson and Jeremy Corbyn"."""
    asked = turn.resolved_question or turn.question
    if not WHO_ASKED.match(asked) or _names_in(asked, index) or not turn.answer.citations:
        return None
    quote = DATELINE.sub("", turn.answer.citations[0].quote)
    named, _ = _split_people(_names_in(quote, index), index)
    # people the article calls "he" or "she" ("United States" has a person's form only)
    return _as_one([name for name in named if _called_he_or_she(name, index)])


def _as_one(people: list[str]) -> str | None:
    """Two or more people as one: "Jack Eichel and Joel Eriksson Ek"; None for fewer."""
    if len(people) < 2:
        return None
    return f"{', '.join(people[:-1])} and {people[-1]}"


def _called_he_or_she(name: str, index: KnownWords) -> bool:
    """A person's name the articles call "he" or "she" (not "the United States ... it")."""
    return is_person_name(name) and index.person_pronoun(name) in ("he", "she")


def _plural_for_it(pronoun: re.Match[str], thing: str) -> bool:
    """A team's plural name ("Sabres") is no "it": "a penalty for it" after a fight is the
    fight."""
    return pronoun.group().lower() in ("it", "its") and thing.lower() in TEAM_NICKNAMES


def _possessed(question: str, index: KnownWords) -> re.Match[str] | None:
    """ "China's proposal", or typed in lowercase, "south dakota's campaign" when the corpus
    names its owner."""
    for match in POSSESSED.finditer(question):
        # not "What's the", nor "What's going on at WeWork?" ("what is", no owner)
        owner = [w for w in words(match.group("owner")) if w not in STOPWORDS]
        if owner and match.group("thing") not in STOPWORDS:
            return match
    for match in TYPED_POSSESSED.finditer(question):
        owner = [w for w in words(match.group("owner")) if w not in STOPWORDS]
        if owner and all(w in index.name_words for w in owner):
            return match
    return None


def _asked_of_article(question: str) -> bool:
    """Whether `question` asked about the article itself: its author, publisher, date or
    subject ("Who wrote the lunar lander piece?"), not another work's author."""
    asked = (AUTHOR, PUBLISHER, PUBLISHED_WHEN, SUMMARY)
    return any(a.search(question) for a in asked) and not OTHER_WORK.search(question)


def _last_phrase(question: str, names: Collection[str] = ()) -> str | None:
    """The last "the ..." phrase of a question, to the noun it ends on: "the ad campaign" in
    "What's the slogan of the ad campaign everyone's talking about?", "the South Dakota
    campaign", "the teachers" in "What were the teachers asking for?"; a name after its noun
    (one of `names`) opens a clause of its own ("the conversation morrison witnessed")."""
    found = None
    for match in DEFINITE.finditer(question):
        kept: list[str] = []
        verb_next = False
        for word in match.group("rest").split():
            bare = word.strip("?.!,;:")
            if not bare or bare.lower() in STOPWORDS or bare.lower() in FRAMING:
                verb_next = bare.lower() in LIGHT_VERBS
                break
            if kept and kept[-1][:1].islower() and bare.lower() in names:
                break
            if bare.endswith(("'s", "’s", "ing")) or bare.lower() in QUESTION_OPENERS:
                break
            kept.append(bare)
            if bare != word or len(kept) == MAX_PHRASE_WORDS:
                break
        aux = (match.group("aux") or "").split()
        done = aux and aux[0].lower() in DOING_AUXILIARIES
        participle = kept[-1:] and (
            kept[-1].lower().endswith(PARTICIPLE_ENDINGS) or kept[-1].lower() in PARTICIPLES
        )
        if aux and len(kept) >= 2 and (done or participle) and not verb_next:
            # "How did the Kremlin react ...?", "When were the hostages kidnapped?": its verb
            # follows the subject (not "When is the Week 13 rematch ...?")
            kept.pop()
        if kept and kept[-1][:1].islower():
            found = f"the {' '.join(kept)}"
    return found


def _named_after(question: str, pronoun: str, thing: str) -> bool:
    """Whether `question` names `thing` only after its own `pronoun`, as the pronoun's object
    or a place it is in ("How did they look in the Taliban videos?")."""
    first = re.search(rf"\b{re.escape(pronoun)}\b", question, re.IGNORECASE)
    return first is not None and question.find(thing) > first.start()


def _person_words(text: str, index: KnownWords) -> frozenset[str]:
    """The words of `text` that name people the articles call "he" or "she" ("morrison")."""
    names = index.name_words_in(text)
    return frozenset(w for w in names if _called_he_or_she(index.full_names.get(w, ""), index))


def _agrees(pronoun: str, phrase: str) -> bool:
    """ "they" for "the teachers", "it" for "the program"; never "it" for a person ("the
    president", "the girl")."""
    plural = phrase.endswith("s") and not phrase.endswith("ss")
    head = phrase.split()[-1].lower()
    if pronoun.lower() in ("it", "its") and (head in PERSON_NOUNS or ROLE_HEAD.fullmatch(head)):
        return False
    return plural == (pronoun.lower() in ("they", "them", "their"))


def _thing_answered(history: Sequence[Turn]) -> str | None:
    """What the conversation's last "what <kind>" question was answered with, while the turns
    since have called it "it": the name its first quote gives to a thing of that kind ("the
    campaign “Starts with one.”", "its Blue Moon lander"); for "what kind of <thing>", that thing
    when its quote names none."""
    for turn in reversed(history):
        asked = ASKED_KIND.match(turn.resolved_question or turn.question)
        if asked:
            kind = asked.group("kind")
            # "What kind of keyboard is in it?" answered "a scissor keyboard": it is that one
            sorted_out = asked.group("sort") and turn.answer.citations
            return _named_kind(turn, kind) or (f"the {kind}" if sorted_out else None)
        if not THING_PRONOUN.search(turn.question):
            return None
    return None


def _organisation_named(question: str, index: KnownWords) -> str | None:
    """The one name a question gives, when it is no person's: what a follow-up's "that
    company" is."""
    named = _names_in(question, index)
    return named[0] if len(named) == 1 and not is_person_name(named[0]) else None


def _kind_answered(history: Sequence[Turn], demonstrative: re.Match[str]) -> str | None:
    """What "that campaign" is: the campaign a recent "which campaign" question was answered
    with ("Which campaign is her firm behind?" ... "How much did that campaign cost?")."""
    kind = demonstrative.group("kind").lower()
    for turn in list(reversed(history))[:DEMONSTRATIVE_TURNS]:
        asked = ASKED_KIND.match(turn.resolved_question or turn.question)
        if asked and asked.group("kind").lower() == kind:
            return _named_kind(turn, kind)
    return None


def _kind_described(history: Sequence[Turn], demonstrative: re.Match[str]) -> str | None:
    """What "that firm" is, in a question asking its name, when the last answer described one
    without naming it: "the Minneapolis-based firm" of "run by a Minneapolis-based firm with a
    budget of $449,000" (the name must be that firm's, not another's)."""
    kind = demonstrative.group("kind")
    asks_name = NAME_ASKED.search(demonstrative.string)
    if not asks_name or not demonstrative.group().lower().startswith("that"):
        return None
    for citation in history[-1].answer.citations[:1]:
        described = re.search(
            rf"\b(?:a|an)\s+(?P<what>(?:[\w’'-]+\s+){{1,2}}?)(?i:{re.escape(kind)})\b",
            citation.quote,
        )
        what = described and described.group("what").split()
        if what and not any(word.lower() in STOPWORDS for word in what):
            return f"the {' '.join(what)} {kind}"
    return None


def _named_kind(turn: Turn, kind: str) -> str | None:
    if turn.answer.abstained or not turn.answer.citations:
        return None
    quote = turn.answer.citations[0].quote
    escaped = re.escape(kind)
    titled = re.search(rf"\b(?i:{escaped})\s+[\"“](?P<title>[^\"“”]+?)[.,]?[\"”]", quote)
    if titled:
        return f'the "{titled.group("title")}" {kind}'
    named = re.search(rf"\b((?:[A-Z][\w'’+-]*\s+){{1,4}})(?i:{escaped})\b", quote)
    if named and named.group(1).split()[0].lower() not in STOPWORDS:
        return f"the {named.group(1)}{kind}"
    return None


def _named_before(
    pronoun: re.Pattern[str], question: str, index: KnownWords, person: bool = False
) -> bool:
    """ "What did Lukashenko buy during his speech?": "his" is Lukashenko, named before it in
    the same question; "Did OrbitBeyond keep its task order?": "its" is OrbitBeyond. "What did
    he say about LeBron?" names LeBron only after "he"."""
    found = pronoun.search(question)
    if found is None or _is_object(found, question):
        return False
    before = question[: found.start()]
    return any(is_person_name(name) == person for name in _names_in(before, index))


def _is_object(pronoun: re.Match[str], question: str) -> bool:
    """ "How much did Disney pay for it?": an object of the question's own verb is not its
    subject named before it (that would be "itself"); "Did NASA say when it will fly?" has
    "it" as a subject."""
    word = pronoun.group(1).lower()
    if word in ("them", "him"):
        return True
    if word == "her":
        return not _noun_follows(question, pronoun.end())
    return word == "it" and OBJECT_END.match(question, pronoun.end()) is not None


def _is_phrase(other: str) -> bool:
    """ "Zelensky", "the Chinese proposal": not "how did the Kremlin react to it"."""
    first = words(other)[:1]
    return (
        "," not in other
        and len(other.split()) <= MAX_ELLIPSIS_WORDS
        and not (first and first[0] in QUESTION_OPENERS)
    )


def _replace(match: re.Match[str], name: str, text: str) -> str:
    pronoun = match.group(1).lower()
    if pronoun in POSSESSIVES or (pronoun == "her" and _noun_follows(text, match.end())):
        return f"{name}'s"
    return name


def _noun_follows(text: str, position: int) -> bool:
    following = words(text[position:])[:1]
    return bool(following) and following[0] not in STOPWORDS


def _antecedents(
    history: Sequence[Turn], index: KnownWords
) -> tuple[list[str], list[str], list[str]]:
    """Names of the latest turn that names any, most recent first: people, the people its
    answer's quote named besides, and other things.

    The person the answer gave as the one asked for comes first ("Who is the Wild coach?");
    then the turn's question; its answer's first quote fills in what the question did not
    name ("Who coaches the Thunder?" names no person; the answer does), and stands in for a
    pronoun that cannot mean them ("When did he score it?" after "Who scored the winner for the
    Islanders?": Brock Nelson, whose goal the answer quoted, not the Islanders).
    """
    for turn in reversed(history):
        question = turn.resolved_question or turn.question
        people, things = _split_people(_names_in(question, index), index)
        asked = (people, [_as_written(question, thing) for thing in things])
        quoted = ([], [])
        for citation in turn.answer.citations[:1]:
            # not the dateline's city ("BUFFALO, N.Y. — Hours before Zach Parise’s ..."): where
            # the story was filed is no one "it" or "them" points to
            quote = DATELINE.sub("", citation.quote)
            quoted = _split_people(_names_in(quote, index), index)
        held = ROLE_ASKED.search(question)
        role = [held.group()] if held and held.group("role").lower() not in NO_PERSON else []
        # "What's his name?" after "Where was the governor ...?": the governor, not a place the
        # answer named
        people = _pronouns_first(turn, asked[0]) or role
        besides = [person for person in quoted[0] if person not in people]
        things = asked[1] or quoted[1]
        given = turn.answer.person
        if given and is_person_name(given):
            people = [given]
        elif given:  # "Who canceled its task order?": "OrbitBeyond", whom "it" next means
            things = [given, *things]
        if not people:
            people, besides = besides, []
        if people or things:
            return people, besides, things
    return [], [], []


def _pronouns_first(turn: Turn, people: list[str]) -> list[str]:
    """The people of a turn's question, the ones its "he" or "her" stood for first: the one a
    conversation is about stays its "he" ("What did Tottenham say about him?", then "How many
    titles has he won?": him, not Tottenham), as a pronoun keeps to whom the last one meant."""
    if not PERSON_PRONOUN.search(turn.question):
        return people
    written = set(words(turn.question))
    bound = [person for person in people if not set(words(person)) & written]
    return [*bound, *(person for person in people if person not in bound)]


def _bind_people(question: str, people: list[str], besides: list[str], index: KnownWords) -> str:
    """The question with its "he", "his", "she" and "her" spelled out as the people they mean,
    each by `_person_for`; a pronoun after a name the question gives is that name's."""
    if _named_before(PERSON_PRONOUN, question, index, person=True):
        return question
    bound = question
    apart = frozenset(index.name_words_in(question))  # whom the question names itself
    taken: dict[bool, str] = {}  # the person each gender's pronoun stands for
    chosen: list[tuple[re.Match[str], str]] = []
    for match in PERSON_PRONOUN.finditer(question):
        feminine = match.group(1).lower() in FEMININE
        person = taken.get(feminine)
        if person is None:
            # "Did she say why the president brought him up?": "she" and "him" are two people
            other = taken.get(not feminine)
            person = _person_for(match.group(1), people, besides, index, other, apart)
        if person:
            taken[feminine] = person
            chosen.append((match, person))
    for match, person in reversed(chosen):
        said = _replace(match, person, question)
        bound = bound[: match.start()] + said + bound[match.end() :]
    return bound


def _person_for(
    pronoun: str,
    people: list[str],
    besides: list[str],
    index: KnownWords,
    other: str | None = None,
    apart: frozenset[str] = frozenset(),
) -> str | None:
    """Whom a "he" or "she" means: the first of the people the last turn named whom the articles
    do not call otherwise (no "she" for "he", no team or place); else the first such of the
    people its answer named besides; else (none of them can be meant, no turn named anyone, or
    the conversation opens with the question) the one man (or woman) the articles are about, if
    they are about one. Never `other`, whom a pronoun of the other gender in the question
    already means, nor one the question names itself (`apart`, name words): "What did
    Tottenham say about him?"."""
    said = "she" if pronoun.lower() in FEMININE else "he"

    def called(names: list[str]) -> list[str]:
        return [
            n
            for n in names
            if n != other and _may_be_person(n, index) and index.person_pronoun(n) in (said, None)
        ]

    named = [*called(people), *called(besides)]
    if named:
        return named[0]
    # no one the last turn named can be "he" ("How old is he?" after "Who threatened Omar?"),
    # the turns before named no one ("What did she say?" after two unanswered questions), or
    # the conversation has just begun
    central = index.central_person(said, apart)
    return central if central != other else None


def _may_be_person(name: str, index: KnownWords) -> bool:
    """A person's name as far as the articles tell: no team, place or band ("the New York
    Islanders", "New York", "the Doobie Brothers")."""
    if ROLE_ASKED.fullmatch(name):
        return True  # "the governor"
    place = (
        name.lower() in PLACES_BY_LOWER
        or name in CAPITALS
        or name in CAPITALS.values()
        or name.split()[0].lower() in PLACE_OPENERS  # "Inner Mongolia", "New York"
    )
    return is_person_name(name) and not place and index.person_pronoun(name) != "it"


def _as_written(question: str, name: str) -> str:
    """A thing as the question wrote it when the article's longest name for its words is
    another thing: "Disney+" in "How much does Disney+ cost?", not "Walt Disney Co"."""
    named = set(words(name))
    for run in CAPITALISED_RUN.finditer(question):
        written = POSSESSIVE.sub("", run.group())
        apart = written.lower() not in name.lower() and name.lower() not in written.lower()
        if named & set(words(written)) and apart:
            return written  # not "Ceres Robotics CEO" for "Ceres Robotics"
    for token in question.split():
        # "disney+" typed in lowercase: a name with a sign its words leave out ("Disney+")
        bare = token.strip("?!.,;:")
        if bare.endswith("+") and named & set(words(bare)) and bare.lower() not in name.lower():
            return bare[:1].upper() + bare[1:]
    return name


def _split_people(names: list[str], index: KnownWords) -> tuple[list[str], list[str]]:
    people = [name for name in names if is_person_name(name)]
    return people, [name for name in names if name not in people]


def _last_place(history: Sequence[Turn], index: KnownWords) -> str | None:
    """The place the last turn was about: named in its question, else in its answer."""
    turn = history[-1]
    texts = [turn.resolved_question or turn.question, *(c.quote for c in turn.answer.citations)]
    for text in texts:
        for match in PLACE.finditer(text):
            if (
                text[: match.start()].rstrip().endswith("according")
                or match.group("place") == "The"
                or _qualifies_next(text, match.end())
            ):
                continue
            names = _names_in(match.group("place"), index)
            if names and not is_person_name(names[0]):
                return names[0]
    return None


def _qualifies_next(text: str, end: int) -> bool:
    """Whether the name ending at `end` qualifies the noun after it ("in NBA history"): then it
    is no place."""
    following = NEXT_WORD.match(text, end)
    return following is not None and following.group(1).lower() not in STOPWORDS


def _names_in(text: str, index: KnownWords) -> list[str]:
    """The full names of the names in the text. A word two names share is the one the text
    writes out whole: "Joel Schlabach", not the longer "Joel Eriksson Ek" of another story."""
    found = [(w, index.full_names[w]) for w in index.name_words_in(text) if w in index.full_names]
    said = set(words(text))
    whole = [name for _, name in found if set(words(name)) <= said]
    names = [
        name
        for word, name in found
        if name in whole or not any(word in words(other) for other in whole)
    ]
    return list(dict.fromkeys(names))


def _swap_object(previous: str, other: str) -> str | None:
    """ "How much did use rise among adults?" + "what about teenagers?" -> "... among
    teenagers?": what the last question ended on, after its preposition, is what "what about"
    replaces when it names no one."""
    ends = list(TRAILING_OBJECT.finditer(previous))
    if not ends:
        return None
    last = ends[-1]
    return f"{previous[: last.start('object')]}{other}?"


def _personal(name: str, index: KnownWords) -> bool:
    """Whether a name is a person's, as the articles call its bearer or by its form."""
    return index.person_pronoun(name) in ("he", "she") or _may_be_person(name, index)


def _swap_name(previous: str, other: str, index: KnownWords) -> str | None:
    """ "What did Peskov say?" + "what about Zelensky?" -> "What did Zelensky say?"."""
    old = _names_in(previous, index)
    if not old:
        return None
    known = _names_in(other, index)
    if known:
        # "and Louisiana?" after "By how much did Trump carry Kentucky?": the state for the
        # state, a person for a person
        alike = [name for name in old if _personal(name, index) == _personal(known[0], index)]
        old = alike or old
    named = [re.escape(w) for w in words(old[0]) if w not in STOPWORDS]
    # the whole name where the question writes it so ("North Charleston"), else a word of it
    pattern = "|".join([r"\s+".join(named), *named])
    replacement = known[0] if known and len(words(other)) == 1 else other
    # Titles and first names before the old name go with it, not the question's first word;
    # only the name is case-blind.
    swapped = re.sub(
        rf"\b(?:[Tt]he\s+)?(?:{NOT_OPENER}[A-Z][\w-]*\s+)*(?i:{pattern})\b",
        replacement,
        previous,
        count=1,
    )
    return swapped if swapped != previous else None
