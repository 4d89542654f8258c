"""Who says what: named entities and the speakers of quotes and reported speech."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from retrieval.language.lexicon import (
    ABBREVIATIONS,
    AFFILIATION_WORDS,
    COLLECTIVE_VOICES,
    NAME_SUFFIXES,
    NOT_NAMES,
    NOUN_LIKE_VERBS,
    ORG_WORDS,
    PLACE_OPENERS,
    PREPOSITIONS,
    ROLE_WORDS,
    SPEECH_VERBS,
    STOPWORDS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
)
from retrieval.language.text import words

# Longer "-ing" words open no person's name ("Leveraging", "Following"); shorter ones may be
# first names ("Sterling", "Channing").
GERUND_LENGTH = 8

SPEECH_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.IGNORECASE)
# "states", "notes": a verb only before what is said ("states that ...", "notes: ...").
SAYS_NEXT = re.compile(r"\s*(?:that\b|[,:“\"])")
PRONOUNS_PERSON = re.compile(r"\b(he|she)\b", re.IGNORECASE)
WORD = re.compile(r"[A-Za-z][\w’'.-]*[\w]|[A-Za-z]")
QUOTE_CHARS = '"“”'
# A quotation mark, with the closing one some papers set as two apostrophes: "“It was an attempt
# to mislead voters,’’ Will Moy ... said."
QUOTE_MARK = re.compile(r"[\"“”]|’’|''")
POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
POSSESSIVE_AFTER = re.compile(r"’s\b|'s\b|’(?!\w)|'(?!\w)")
# A capitalised "-ing" word alone before a name: "Getting Orbit Plus right ...".
OPENING_VERB = re.compile(r"[A-Z][a-z]{2,}ing")
# Words no name is made of but for a first name: "Will Moy".
FIRST_NAME_WORDS = frozenset({"Will"})
CONTRACTION = re.compile(r"['’](?:ll|m|ve|d|re)$")
# Initials written with their full stops, the last one left off: "J.K", "W.M", "H.R"; not a
# place's ("U.S."), after which a new sentence may start ("... to the U.S. Kate stayed.").
DOTTED_INITIALS = re.compile(r"(?!(?:U\.[SKN]|E\.U|D\.C)$)[A-Z](?:\.[A-Z])+")
# A name of two or more capitalised words, no title among them: "Electoral Commission", "White
# House" (not "Senate Majority Leader").
PROPER_NAME = (
    rf"(?!(?:[A-Z][\w.&’'-]*\s+)*(?i:{'|'.join(sorted(TITLE_WORDS))})\b)"
    r"[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*)+"
)
# An appositive (", a staunch supporter of ...,") or a relative clause (", who has split from
# ...,") between a subject and its verb.
# Or a role at an organisation: ", associate professor of epidemiology at Columbia University
# Mailman School of Public Health," (lower-case words up to "of", "at" or "for").
PLACE_AND_REGION = r"\bin\s+[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?,\s+[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?(?=,)"
# A stock ticker after a company's name: "Home Depot (ticker: HD) reported ...", "(NYSE: HD)";
# the company reports, not the ticker.
TICKER = re.compile(r"\([^()]*:[^()]*\)")
APPOSITIVE = re.compile(
    # (not a clause that speaks: ", the singer and guitarist told the audience,")
    # (a place in it with its country or state: "..., a fellow at the institute in Munich,
    # Germany, and co-author of the study, said")
    # (not a name of its own after an opening phrase: "In a reflection of the confusion, the
    # Electoral Commission, which regulates ..., issued a statement")
    rf",\s+(?:(?:a|an|the)\s(?!{PROPER_NAME},)"
    rf"(?:(?!\b(?:{SPEECH_VERBS})\b)(?:{PLACE_AND_REGION}|[^,\"“”])){{1,200}}"
    # and a second place of work: "..., a planetary scientist at NASA's Goddard Space Flight
    # Center in Greenbelt, Maryland, and American University in Washington, D.C., said"
    rf"(?:,\s+and\s+(?:(?!\b(?:{SPEECH_VERBS})\b)(?:{PLACE_AND_REGION}|[^,\"“”])){{1,160}})?"
    r"|(?:who|whose)\s"
    r"[^,\"“”]{1,200}),"
    # an aside between the speaker and the verb: "Richardson, via USA Today, said",
    # "Tim Clark, meanwhile, told reporters"
    r"|,\s+(?:via|per|however|meanwhile|though|too|also|in\s+turn|in\s+a\s+statement|"
    r"for\s+(?:his|her|their|its)\s+part)\b[^,\"“”]{0,80},"
    r"|,\s+(?:[a-z][\w-]*\s+){1,4}(?:of|at|for)\s[^,\"“”]{1,160},"
    # the same role written with capitals: ", Head of Research at ICICI Securities,", ", Managing
    # Director of Acme Bank,"
    rf"|,\s+(?:[A-Z][\w-]*\s+){{0,2}}(?i:{ROLE_WORDS})\s+(?:of|at|for)\s[^,\"“”]{{1,160}},"
    # or a role at a named organisation: ", Edmunds' executive director of industry analysis,",
    # ", Google's chief executive," (not the speaker's own clause: ", Austria's interior
    # minister said on Tuesday,")
    r"|,\s+(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*(?:['’]s|s['’])\s+"
    rf"(?:(?!\b(?:{SPEECH_VERBS})\b)[^,\"“”]){{1,120}},"
)
ACCORDING_TO = re.compile(r"\baccording to\s+", re.IGNORECASE)


# Capitalised words of a title between a speech verb and the name it introduces ("said U.S.
# Attorney Nealy Cox", "said White House Press Secretary Stephanie Grisham"), at most.
TITLE_GAP_WORDS = 5
# After a verb of speech, a description of the speaker before their name: "said another witness
# in the impeachment probe, former White House Russia adviser Fiona Hill".
DESCRIBED_THEN_NAMED = re.compile(
    r"[,”\"]\s+(?:said|says|added|wrote)\s+(?:a|an|another|one)\s+[a-z][^,;“”\"]{2,60},\s+"
)
# The most words a title after "said" may carry in lowercase before the name: "said study
# co-author Anezina Solomonidou", "said team spokesman Jon Doe".
TITLE_MODIFIED_WORDS = 3
# A title "of" something, whose capitalised words run into the name after them: "Secretary of
# State Mike Pompeo", "Minister of Foreign Affairs Sergei Lavrov".
TITLE_OF = re.compile(rf"\b(?i:{'|'.join(sorted(TITLE_WORDS))})\s+of\s+(?:the\s+)?$")
# "The 56-year-old said ...": a person described by age, the story's own (its headline's).
AGE_SUBJECT = re.compile(r"(?:^|[,;]\s+)[Tt]he\s+\d+-year-old\s+$")
# Speech verbs whose object is the listener: "Swift's rep told Fox News".
TOLD = re.compile(r"told|tells?|telling", re.IGNORECASE)
# "said the actor", "the singer added": a speaker described, not named.
DESCRIBED_SPEAKER = re.compile(
    rf"\b(?:{SPEECH_VERBS})\s+the\s+(?:[\w-]+\s+){{0,2}}?[a-z][\w-]*\s*[.,;]"
    rf"|(?:^|[,;]\s+)the\s+(?:[\w-]+\s+){{0,2}}?[a-z][\w-]*\s+(?:{SPEECH_VERBS})\b",
)
# Words a story calls its own person by, in place of the name: "the singer and guitarist told
# the audience", "said the actor" (the person the story was on about just before).
EPITHETS = (
    r"actor|actress|singer|guitarist|drummer|rapper|star|musician|songwriter|comedian|"
    r"filmmaker|player|forward|striker|quarterback|pitcher|goalie|veteran|rookie|billionaire|"
    r"entrepreneur"
)
EPITHET_BEFORE = re.compile(
    rf"(?:^|[,;]\s+|[”\"]\s*)[Tt]he\s+(?:[\w“”\"-]+\s+){{0,3}}?(?:{EPITHETS})"
    rf"(?:\s+and\s+(?:{EPITHETS}))?(?:\s+[a-z]+ly)?\s+$"
)
EPITHET_AFTER = re.compile(rf"\s+the\s+(?:[\w-]+\s+){{0,2}}?(?:{EPITHETS})\b")
# Someone a sentence quotes by a description, never by name, before the speech verb: "the doctor
# said", "an airport official said", "Nadia Cruz’s office said", "A doctor on the scene told
# Ruptly", "Police said"; the description ends at its head noun (a place or group after it
# only says which one).
DESCRIBED_BEFORE = re.compile(
    r"(?:^|[,;:]\s+|[,.!?][”\"]\s*)"
    r"(?P<description>(?P<det>(?:[Tt]he|[Aa]n?|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}(?:['’]s|s['’]))\s+)?"
    r"(?:[\w’'-]+\s+){0,2}?(?P<head>[A-Za-z][a-z-]+))"
    r"(?:\s+(?:on|at|for|of|in|from|with)\s+(?:(?!\b(?:and|or|but)\b)[^,;\"“”]){1,40}?)?"
    r"(?:\s+(?:also|later|have|has|had|previously|repeatedly|then)){0,2}\s+$"
)
# After the verb, closing its clause: "said the company.", "said a spokesman for the ministry,".
DESCRIBED_AFTER = re.compile(
    r"\s+(?P<description>(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<head>[a-z][a-z-]+))"
    r"(?:\s+(?:for|of|at|in)\s+[^,;.\"“”]{1,40}?)?\s*[.,;]"
)
# "The governor said ...": a role for its subject, right before the verb.
# Or with whose role it is and a word of its kind: "Austria's interior minister said".
ROLE_SUBJECT = re.compile(
    r"(?:^|[,;]\s+)(?:[Tt]he|[A-Z][\w.]*['’]s)\s+(?:[a-z]+\s+)?(?P<role>[a-z]+\.?)\s+$"
)
# The title right before a person's name, and the words before it that may say whose it is:
# "Kentucky GOP Gov. Matt Bevin", "Republican Gov. Eric Holcomb", "coach Bruce Boudreau".
TITLE_BEFORE = re.compile(r"(?P<owner>(?:\b[\w’'-]+\s+){0,2})\b(?P<title>[A-Za-z]+)\.?\s+$")


def role_word(title: str) -> str:
    """A title as the role it names: "Gov." -> "governor", "Coach" -> "coach"."""
    bare = title.lower().rstrip(".")
    return ABBREVIATIONS.get(bare, bare)


def role_phrase(before: Sequence[str]) -> list[str]:
    """The words before a role that belong to its phrase: those after the last one that ends a
    clause or a quote ("there,” Oklahoma City coach")."""
    ends = [k for k, w in enumerate(before) if w[-1:] in ',;:”"’—–(' or w in ("—", "–")]
    return list(before[ends[-1] + 1 :] if ends else before)


def unowned_role(before: Sequence[str]) -> bool:
    """Whether the role's phrase says no one's: no capitalised word but a side's
    ("Republican Gov."), unlike "Kentucky GOP Gov." or "Wild coach"."""
    return not any(
        w[:1].isupper() and words(w) and words(w)[0] not in AFFILIATION_WORDS
        for w in role_phrase(before)
    )


def titles_of(text: str, mentions: Sequence[Mention]) -> list[tuple[str, str, bool]]:
    """(role, person key, whether the role is someone's) for each person the text names right
    after a title: "Kentucky GOP Gov." is Kentucky's governor, "Republican Gov." a story's own."""
    found = []
    for mention in mentions:
        title = TITLE_BEFORE.search(text, 0, mention.start)
        if mention.is_person and title and title.group("title").lower() in TITLE_WORDS:
            owned = not unowned_role(title.group("owner").split())
            found.append((role_word(title.group("title")), mention.key, owned))
    return found


@dataclass(frozen=True)
class Mention:
    """A capitalized name in a sentence; `key` identifies it across the article."""

    text: str
    start: int
    end: int
    key: str
    is_person: bool


def name_key(name: str) -> str:
    """People are known by their surname; organisations and places by their whole name."""
    words = [w for w in name.split() if w.lower() != "the"]
    if _is_person_name(words):
        # "Patrick W. Carlineo Jr." is Carlineo, as the article goes on to call him
        while len(words) > 2 and words[-1].lower().rstrip(".") in NAME_SUFFIXES:
            words = words[:-1]
        return words[-1].lower()
    return " ".join(words).lower()


def is_person_name(name: str) -> bool:
    """ "LeBron James", not "NBA" or "Ceres Robotics": by its form alone."""
    return _is_person_name([w for w in name.split() if w.lower() != "the"])


def _is_person_name(words: Sequence[str]) -> bool:
    return (
        2 <= len(words) <= 4
        and not any(w.lower().strip(".") in ORG_WORDS for w in words)
        and not any("&" in w for w in words)
        # "CBS DFW", "NASA JPL": acronyms name organisations
        and not all(len(w) >= 2 and w.isalpha() and w.isupper() for w in words)
    )


def personal_words(name: str) -> list[str]:
    """A person's name without a title before it or a suffix after it: "Councillor Hugo Okafor
    Jr." -> hugo, okafor."""
    named = _past_titles(words(name))
    while len(named) > 1 and named[-1] in NAME_SUFFIXES:
        named = named[:-1]
    return named


def _past_titles(parts: list[str]) -> list[str]:
    """A name's words from the first after its titles ("Former President Bill Clinton")."""
    while len(parts) > 1 and parts[0].lower().rstrip(".") in TITLE_WORDS | TITLE_MODIFIERS:
        parts = parts[1:]
    return parts


def given_name(name: str) -> str | None:
    """The first name of a person's name written in full, titles left out ("greta" of
    "Councillor Greta Okafor"); None for one word, or for a name no person's by its form
    ("Los Angeles Lakers", "Host the Lakers", "NBA-leading Lakers", "J.K. Rowling")."""
    parts = _past_titles(name.split())
    if len(parts) < 2 or not all(part[:1].isupper() for part in parts):
        return None
    first = parts[0]
    # "Leveraging Ascom Connect": a long "-ing" word opens a phrase, not a name
    is_gerund = first.endswith("ing") and len(first) > GERUND_LENGTH
    is_given = first.isalpha() and not first.isupper() and first.lower() not in PLACE_OPENERS
    return first.lower() if is_given and not is_gerund else None


def another_person(
    asked: str, speaker: str, given_names: Collection[str], name_words: Collection[str]
) -> bool:
    """Whether `speaker` is someone else than the one `asked` names in full, though they share
    a name: "Greta Okafor" or "Hugo Petrov" for "Mayor Hugo Okafor". `given_names` are the
    first names the articles give people ("hugo"), `name_words` all words of their names; a
    title before a surname ("Mayor Okafor") or a first name alone ("Hugo") names no one apart.
    An initial agrees with the names it begins ("H. Okafor")."""
    spoken = personal_words(speaker)
    asked_words = words(asked)
    if len(spoken) < 2:
        return False
    first, surname = spoken[0], spoken[-1]
    if surname in asked_words:
        at = asked_words.index(surname)
        before = asked_words[at - 1] if at else ""
        if before not in given_names or before in spoken:
            return False
        return not (min(len(first), len(before)) == 1 and first[0] == before[0])
    if first in asked_words:
        after = asked_words[asked_words.index(first) + 1 :][:1]
        return bool(after) and after[0] in name_words and after[0] not in spoken
    return False


def find_mentions(sentence: str) -> list[Mention]:
    """Capitalized word runs, split at titles ("Belarusian President | Alexander Lukashenko")."""
    mentions: list[Mention] = []
    run: list[re.Match[str]] = []

    def close_run() -> None:
        while run and run[-1].group().lower() in ("of", "the"):
            run.pop()
        if run:
            text = POSSESSIVE.sub("", sentence[run[0].start() : run[-1].end()])
            if text.lower().startswith("the "):
                text = text[4:]
            words = text.split()
            start = run[0].start() + sentence[run[0].start() :].find(text)
            if (
                len(words) > 2
                and TITLE_OF.search(sentence, 0, start)
                and _is_person_name(words[-2:])
            ):
                # "Secretary of State Mike Pompeo": the rest of the title, then the person
                text = " ".join(words[-2:])
                start = sentence.index(text, start)
                words = words[-2:]
            is_person = _is_person_name(words)
            mentions.append(Mention(text, start, start + len(text), name_key(text), is_person))
        run.clear()

    for match in WORD.finditer(sentence):
        word = match.group()
        bare = word.lower().rstrip(".").replace("’s", "").replace("'s", "")
        gap = sentence[run[-1].end() : match.start()] if run else " "
        # A middle initial's full stop stays inside the name: "Silvia S. Martins"; so do
        # initials' own: "J.K. Rowling", "the W.M. Keck Observatory".
        initial = (
            gap.strip() == "."
            and word[:1].isupper()
            and (
                (len(run) >= 2 and len(run[-1].group()) == 1 and run[-1].group().isupper())
                or (bool(run) and DOTTED_INITIALS.fullmatch(run[-1].group()) is not None)
            )
        )
        # "Chapter & Verse", "Procter & Gamble": an ampersand joins one firm's name.
        joined = gap.strip() == "&" and bool(run) and word[:1].isupper()
        if gap.strip() not in ("", "-") and not initial and not joined:
            close_run()
        capital = word[0].isupper() and (
            (bare not in NOT_NAMES and not CONTRACTION.search(bare))
            or _first_name_before_name(sentence, match)
        )
        if capital and not run and _opening_gerund(sentence, match):
            capital = False  # "Getting Disney+ right will be a key test": a verb, not a name
        if capital and bare in TITLE_WORDS and not _surname_after_name(sentence, match, run):
            if len(run) == 1 and run[0].group().lower() in TITLE_MODIFIERS:
                run.clear()  # "Senior Vice President": "Senior" qualifies the title
            close_run()  # a title describes the name that follows; it is not part of it
            continue
        if capital or (run and bare in ("of", "the") and len(run) >= 1):
            run.append(match)
        else:
            close_run()
        if word.endswith(("’s", "'s")):
            close_run()
    close_run()
    return [m for m in mentions if not _is_demonym_only(m)]


def _named_after_description(text: str, mentions: Sequence[Mention]) -> str | None:
    """ "..., said another witness in the impeachment probe, former White House Russia adviser
    Fiona Hill.": a person described after the verb, then named last, closing the sentence."""
    described = DESCRIBED_THEN_NAMED.search(text)
    if described is None or inside_quote(text, described.start()):
        return None
    last = [m for m in mentions if m.start >= described.end()]
    closing = last and not text[last[-1].end :].strip(" .\"”’'")
    return last[-1].key if closing and last[-1].is_person and len(last) <= 2 else None


def _surname_after_name(sentence: str, match: re.Match[str], run: Sequence[re.Match[str]]) -> bool:
    """A title word closing a person's name is their surname: "Kevin King and ...", "Ann
    Bishop said"; not "President" in "Russian President Vladimir Putin", a name after it, nor
    in "the Emirates President", a description."""
    following = sentence[match.end() :].lstrip(" .")
    before = sentence[: run[0].start()].split()[-1:] if run else []
    described = bool(before) and before[0].lower() in ("the", "a", "an")  # "the Emirates President"
    return bool(run) and not described and not following[:1].isupper()


def _first_name_before_name(sentence: str, match: re.Match[str]) -> bool:
    """ "Will Moy, chief executive of Full Fact, said": a modal that is also a first name, before
    a capitalised word, in a sentence that asks nothing ("Will Trump run again?")."""
    if match.group() not in FIRST_NAME_WORDS or sentence.rstrip(" \"”’'").endswith("?"):
        return False
    following = sentence[match.end() :].split()[:1]
    return bool(following) and following[0][:1].isupper()


def _opening_gerund(sentence: str, match: re.Match[str]) -> bool:
    """A capitalised "-ing" word opening the sentence before another capitalised word: "Getting
    Disney+ right ...", "Speaking Tuesday, ..."; not "Beijing has ..." nor "Browning said"."""
    if sentence[: match.start()].strip(" \"“‘'(") or not match.group().endswith("ing"):
        return False
    following = sentence[match.end() :].split()[:1]
    return bool(following) and following[0][:1].isupper() and len(match.group()) > 5


def _is_demonym_only(mention: Mention) -> bool:
    # "Russian", "Ukrainian", "Western": adjectives, not actors that speak.
    return " " not in mention.text and mention.text.endswith(("ian", "ese", "ern", "ish"))


def speakers_of(
    sentence: str,
    mentions: Sequence[Mention],
    previous_person: str | None,
    role_holders: Mapping[str, str] | None = None,
    headline_person: str | None = None,
    recent: Sequence[str] = (),
    pronouns: Mapping[str, str] | None = None,
) -> list[str]:
    """Keys of whoever says, reports or claims something in this sentence; `role_holders`
    gives the one person the article describes by a role ("governor": "holcomb"), for "The
    governor said ..."; `headline_person` the one its headline names first, for "The
    56-year-old said ...". A "he" or "she" is the latest person named (in the sentence, then
    `previous_person` and the `recent` ones before) whom the article does not call otherwise
    (`pronouns`: "he said" after a sentence about a woman is not hers)."""
    closing = _named_after_description(sentence, mentions)
    if closing:
        return [closing]  # "..., said another witness in the probe, former adviser Fiona Hill."
    earlier = [*([previous_person] if previous_person else []), *recent]
    masked = APPOSITIVE.sub(lambda m: " " * len(m.group()), sentence)
    masked = TICKER.sub(lambda m: " " * len(m.group()), masked)
    found: list[str] = []
    for verb in SPEECH_VERB.finditer(masked):
        if inside_quote(masked, verb.start()) or not _is_verb(masked, verb):
            continue  # “At no point did we say Taylor could not perform”: the quote's own verb
        # "..., an airport official said": the one described right before the verb, not a
        # name further back ("the Delhi airport")
        described = DESCRIBED_BEFORE.search(masked, 0, verb.start())
        since = 0
        if described and _is_description(described, mentions):
            since = described.start("description")
        key = _subject_before(masked, verb.start(), mentions, earlier, pronouns or {}, since)
        if key is None and not TOLD.fullmatch(verb.group()):
            # "said Peskov"; not "told Fox News", whom it was told
            key = _name_right_after(masked, verb.end(), mentions)
        if key is None and AGE_SUBJECT.search(masked, 0, verb.start()):
            key = headline_person  # "The 56-year-old said ...": the one the story is on
        if key is None and role_holders:
            role = ROLE_SUBJECT.search(masked, 0, verb.start())
            key = role_holders.get(role_word(role.group("role"))) if role else None
        epithet = EPITHET_BEFORE.search(masked, 0, verb.start()) or EPITHET_AFTER.match(
            masked, verb.end()
        )
        if key is None and epithet and previous_person:
            key = previous_person  # "the singer and guitarist told the audience": the one
        if key and key not in found:
            found.append(key)
    for according in ACCORDING_TO.finditer(sentence):
        after = [m for m in mentions if m.start >= according.end()]
        gap = sentence[according.end() : after[0].start].strip().lower() if after else "x"
        if gap in ("", "the") and after[0].key not in found:
            found.append(after[0].key)
    return found


def described_voices(sentence: str, mentions: Sequence[Mention]) -> list[str]:
    """Whoever speaks in the sentence by a description alone, as the article words it ("the
    doctor", "an airport official", "Public Ombudsman Nadia Cruz’s office", "Police"); for a
    sentence whose speakers `speakers_of` names none."""
    found: list[str] = []
    for verb in SPEECH_VERB.finditer(sentence):
        if inside_quote(sentence, verb.start()) or not _is_verb(sentence, verb):
            continue
        match = DESCRIBED_BEFORE.search(sentence, 0, verb.start())
        if match is None and not TOLD.fullmatch(verb.group()):
            match = DESCRIBED_AFTER.match(sentence, verb.end())
        if match is None or not _is_description(match, mentions):
            continue
        description = match.group("description")
        if description not in found:
            found.append(description)
    return found


def _is_verb(text: str, verb: re.Match[str]) -> bool:
    """Whether a speech verb's word is the verb: "states" only before what is stated."""
    return verb.group().lower() not in NOUN_LIKE_VERBS or bool(SAYS_NEXT.match(text, verb.end()))


def _is_description(match: re.Match[str], mentions: Sequence[Mention]) -> bool:
    """Whether a described speaker's words describe someone: a noun at their head, not a
    pronoun, a name or an adverb; one with no article before it a group ("Police said")."""
    head = match.group("head")
    lower = head.lower()
    if lower in STOPWORDS or lower.endswith("ly") or len(head) < 3:
        return False
    if any(m.start <= match.start("head") < m.end for m in mentions):
        return False  # "... said Peskov": a name, which `speakers_of` reads
    if "det" in match.groupdict() and match.group("det") is None:  # no article: a group
        return lower in COLLECTIVE_VOICES and len(match.group("description").split()) <= 2
    return head == lower  # "the Unions" would be a name


def _subject_before(
    text: str,
    position: int,
    mentions: Sequence[Mention],
    earlier: Sequence[str],
    pronouns: Mapping[str, str],
    since: int = 0,
) -> str | None:
    """The nearest name before the verb (and from `since` on) that is not the object of a
    preposition; for a "he" or "she", the latest person it can mean."""
    clause_start = max(text.rfind(";", 0, position), since, 0)
    candidates: list[tuple[int, str]] = []
    for mention in mentions:
        masked_out = not text[mention.start : mention.end].strip()
        if masked_out or inside_quote(text, mention.start):
            continue
        if clause_start <= mention.end <= position:
            word_before = text[: mention.start].split()[-1:] or [""]
            # "Austria's interior minister said": the minister, whose the name only says
            possessive = POSSESSIVE_AFTER.match(text, mention.end)
            owner = possessive is not None and bool(text[possessive.end() : position].strip())
            if word_before[0].lower().strip(",") not in PREPOSITIONS and not owner:
                candidates.append((mention.end, mention.key))
    for pronoun in PRONOUNS_PERSON.finditer(text, clause_start, position):
        said = pronoun.group().lower()
        persons = [m.key for m in mentions if m.is_person and m.end <= pronoun.start()]
        key = next(
            (k for k in [*reversed(persons), *earlier] if pronouns.get(k, said) == said), None
        )
        if key:
            candidates.append((pronoun.end(), key))
    if not candidates:
        return None
    end, key = max(candidates)
    # A name far before the verb belongs to another clause.
    return key if len(text[end:position].split()) <= 8 else None


def subject_person(
    sentence: str, mentions: Sequence[Mention], persons: Collection[str]
) -> str | None:
    """The person a sentence is about, whom a "he" or "she" in the next ones most likely means.

    The first person named outside quotes who is neither the object of a preposition ("about
    Parise's penchant"), a possessive ("Hours before Zach Parise's goal, coach Bruce Boudreau
    said") nor a capitalised gerund opening the sentence: the subject, by position, as news
    sentences put it first.
    """
    for mention in mentions:
        if mention.key not in persons or inside_quote(sentence, mention.start):
            continue
        word_before = sentence[: mention.start].split()[-1:] or [""]
        if word_before[0].lower().strip(",") in PREPOSITIONS:
            continue
        if POSSESSIVE_AFTER.match(sentence, mention.end):
            continue
        before = sentence[: mention.start].strip(" \"“‘'(")
        is_gerund = not before and mention.text.split()[0].endswith("ing")
        if is_gerund or OPENING_VERB.fullmatch(before):
            continue  # "Getting Disney+ right will test ...": what a verb acts on, not a person
        return mention.key
    return None


def _name_right_after(text: str, position: int, mentions: Sequence[Mention]) -> str | None:
    """`said Peskov`: the name that follows the verb directly, or a person's name after
    capitalised words of their title (`said U.S. Attorney Nealy Cox`)."""
    for mention in mentions:
        gap = text[position : mention.start]
        titled = gap.startswith(" ") and len(gap.split()) <= TITLE_GAP_WORDS
        said = gap.split()
        title = all(w[:1].isupper() or _is_title_word(w) for w in said) or (
            # "said study co-author Anezina Solomonidou": a title after a word or two of its own
            0 < len(said) <= TITLE_MODIFIED_WORDS and _is_title_word(said[-1])
        )
        if mention.is_person and titled and title:
            return mention.key
    return next((m.key for m in mentions if 0 <= m.start - position <= 1), None)


def _is_title_word(word: str) -> bool:
    """ "spokesman", "co-author", "vice-president": a title, or a hyphened one."""
    return word.lower() in TITLE_WORDS or word.lower().rsplit("-", 1)[-1] in TITLE_WORDS


def inside_quote(text: str, position: int) -> bool:
    """Whether a quotation is open at this position of the text."""
    return len(QUOTE_MARK.findall(text, 0, position)) % 2 == 1


def is_quote_only(sentence: str) -> bool:
    """A sentence that is all quotation, attributed by the sentence before it."""
    return sentence[:1] in QUOTE_CHARS and sentence.rstrip()[-1:] in QUOTE_CHARS


def opens_quote(sentence: str) -> bool:
    """A sentence that opens with a quotation mark and names no speaker of its own: the words
    of whoever spoke last ("“You never know why these things happen, that's what I've been
    telling my kids.", or with one described: "“..., it deepens your appreciation,” said the
    actor.")."""
    if sentence[:1] not in '"“':
        return False
    said = [m for m in SPEECH_VERB.finditer(sentence) if not inside_quote(sentence, m.start())]
    described = [
        m for m in DESCRIBED_SPEAKER.finditer(sentence) if not inside_quote(sentence, m.start())
    ]
    return not said or bool(described)


def still_quoting(sentence: str, quoting: bool) -> bool:
    """Whether a quotation is still open after this sentence, given whether one was before it:
    curly marks open and close; each straight one turns it over."""
    for mark in sentence:
        if mark == "“":
            quoting = True
        elif mark == "”":
            quoting = False
        elif mark == '"':
            quoting = not quoting
    return quoting
