"""The extractive engine's pure rules: which number counts what was asked, and which span of
a sentence is the asked fact. Examples in the style of several articles."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from test_corpus import corpus, story
from test_language import KNOWN, Known

from retrieval.answering.extractive import (
    ASKING_SENTENCE,
    IN_UNITS,
    OWNED_SUBJECT,
    PUBLISHER_IN_BYLINE,
    SCOPE,
    SUPERLATIVE,
    SUPERLATIVE_SAID,
    VALUED,
    VOICE,
    WILL_QUESTION,
    ExtractiveAnswerer,
    _about_names_alone,
    _age_of_another_speaker,
    _as_writers_view,
    _asks_a_measure,
    _asks_result,
    _asks_where_the_story_happened,
    _count_owned_by_asked,
    _counted_nouns,
    _counted_synonyms,
    _counts_a_point,
    _currencies_signed,
    _dateline_place,
    _described_as,
    _describes,
    _description,
    _doer,
    _fact_span,
    _gives_a_name,
    _holders_in,
    _kind_left_unnamed,
    _kind_named,
    _listed_apart,
    _names,
    _names_answer_kind,
    _names_one,
    _names_someone_new,
    _of_another_nation,
    _only_as_epithet,
    _owned_by_another,
    _purposes_of,
    _qualified_role,
    _role_holders,
    _said_by,
    _says_another_kind,
    _says_own_scope,
    _scope_unsaid,
    _speaks_for_own_group,
    _subject_words,
    _with_appointment,
    _with_phrasal,
    _withheld,
    spelled_out_before,
)
from retrieval.answering.paraphrase import ParaphraseJudge
from retrieval.index.sentences import Sentence, sentence_of
from retrieval.language.answer_kinds import (
    DATELINE_CREDIT,
    NAME_LIST,
    amount_of,
    counts_directly,
    lasts,
    measured,
    result_score,
    shots_of_the_other_side,
    uncounted,
)
from retrieval.language.question import analyze
from retrieval.language.speakers import find_mentions
from retrieval.language.text import stems, words
from retrieval.retrieve.hybrid import _holding_kind_of
from retrieval.retrieve.scoring import (
    Evidence,
    _asked_names_blanked,
    _coverage,
    _names_one_of_kind,
    _names_someone_else,
    _refers_back,
    counts_asked_thing,
    name_of_kind,
)


@pytest.mark.parametrize(
    ("question", "sentence", "counts"),
    [
        (
            "How many people registered?",
            "The unions said more than 15,000 people registered.",
            True,
        ),
        (
            "How many turnovers did he have?",
            '"I was joking about my seven turnovers," he said.',
            True,
        ),
        ("How much cargo can it carry?", "It can carry up to 100 metric tons of cargo.", True),
        ("How much cargo can it carry?", "It is capable of carrying several tons of cargo.", True),
        # a number that counts something else
        ("How many tons can the lander carry?", "The lander could fly missions in 2022.", False),
        ("How many fans were there?", "Davis scored 34 points in the fifth straight win.", False),
        # a year counts nothing
        ("How many teachers left?", "Teachers have left since 2002, the study says.", False),
        # the question's own number is part of what it counts; a clock time counts nothing
        (
            "How many 3-pointers did the Hawks make?",
            "Lee hit a 3-pointer for the Hawks with 3:08 to play.",
            False,
        ),
        ("How many 3-pointers did the Hawks make?", "The Hawks made 14 3-pointers.", True),
        ("How many people were at the 2019 march?", "The 2019 march was held in May.", False),
        # a share counts nothing
        ("How many authors did it have?", "Use rose by 2.72 percent, the authors wrote.", False),
        ("How many voters backed it?", "Some 61% of voters backed the measure.", False),
        ("How many voters backed it?", "About 4,100 voters, or 61%, backed it.", True),
        # a date counts nothing, nor does a span of time unless it is what is asked
        ("How many deliveries will NASA make?", "NASA announced Nov. 18 new deliveries.", False),
        (
            "How many 3-pointers did the Lakers make?",
            "Green drilled a 3-pointer with 55 seconds left.",
            False,
        ),
        ("How many minutes did the game last?", "The game lasted 45 minutes.", True),
        ("How many seasons did he play?", "He played two seasons in Minnesota.", True),
        # the number of a hyphenated compound counts its head alone
        ("How many goals did Parise score?", "Parise had a two-goal game in Buffalo.", True),
        ("How many minutes did the rally last?", "A last-minute 3-pointer won the game.", False),
        ("How many games has he won?", "Minnesota won a four-game series.", True),
        # a score counts points, goals, runs or votes; a range counts what follows it
        ("How many minutes did he play?", "A late 3-pointer put them up 109-98 to play on.", False),
        ("How many points did the Hawks score?", "The Hawks won 112-107.", True),
        ("How many teachers marched?", "Some 10-15 teachers marched.", True),
        # an audience counted without being named: the people there, however they are called
        ("How many fans were there?", "The Hawks won 4-1 in front of 15,522 at home.", True),
        ("How many people came?", "The band played before a sellout crowd of 18,997.", True),
        ("How big was the crowd?", "A star was among the more than 12,000 in attendance.", True),
        ("How many spectators were there?", "It drew an attendance of 40,000 to the park.", True),
        ("How many teachers were there?", "They spoke in front of 300 at the Statehouse.", False),
        ("How many fans were there?", "He scored in front of 12 percent of the vote.", False),
        ("How many fans were there?", "“We won in front of 20,000,” he said.", False),  # quoted
        # a goalie's saves counted as the shots stopped
        ("How many saves did Lee make?", "Lee looked strong, stopping 30 shots.", True),
        ("How many saves did she have?", "Ruiz turned aside 24 of 25 shots in the win.", True),
        ("How many saves did Lee make?", "The Hawks took 30 shots on goal.", False),
        # "words" asks words counted, not someone's words
        ("How many words should a slogan be?", "Make it the five words everyone reads.", True),
        ("How many words did the ad use?", "Its maker said it took 12 tries.", False),
        ("How many statements did the team issue?", "The team issued two statements.", True),
        # a number beside the single verb that says the question's phrasal verb
        (
            "How many actually went inside the statehouse?",
            "At least 5,000 people entered the Statehouse through public entrances.",
            True,
        ),
        ("How many people signed up?", "More than 15,000 registered for the rally.", True),
        ("How many went inside?", "About 5,000 people rallied on the lawn.", False),
        # a load asked by what carries it is a weight, whatever the verb
        ("How much can the lander carry?", "It will deliver up to 100 metric tons of cargo.", True),
        ("How much can the rocket lift?", "The rocket can put 20,000 pounds in orbit.", True),
        ("How much can the lander carry?", "It will fly up to 100 miles.", False),
        ("How many times can it carry crews?", "It can deliver 100 metric tons.", False),
    ],
)
def test_a_number_must_count_what_was_asked(question: str, sentence: str, counts: bool) -> None:
    assert _counts_a_point(analyze(question, KNOWN), sentence) is counts


@pytest.mark.parametrize(
    ("sentence", "asked", "of_it"),
    [
        ("Disney’s $6.99-a-month service is stocked with movies.", "disney cost", True),
        ("The budget boosted school spending by $40 million.", "school spending", True),
        # a price word beside the amount, when a price is asked
        (
            "The campaign, run by a local firm with a budget of $449,000, drew mockery.",
            "campaign cost",
            True,
        ),
        # "How much money is behind the campaign?" asks for a price word too
        (
            "The campaign, run by a local firm with a budget of $449,000, drew mockery.",
            "money behind campaign",
            True,
        ),
        ("Disney paid $4 billion for Lucasfilm in 2012.", "money disney spend lucasfilm", True),
        # but "money" in the text beside an amount is no price of what was asked
        (
            "Gambill said the Legislature should direct money from the state’s $2 billion in "
            "cash reserves toward schools.",
            "average teacher salary",
            False,
        ),
        # an amount of something else in a sentence about the asked thing
        (
            "Teachers marched as lawmakers debated whether the state should tap its $2 billion "
            "in cash reserves.",
            "starting salary teacher",
            False,
        ),
        ("“We spent $5 million on it,” the teachers said.", "teacher salary", False),  # quoted
    ],
)
def test_an_amount_must_be_of_what_was_asked(sentence: str, asked: str, of_it: bool) -> None:
    assert amount_of(sentence, set(stems(asked.split()))) is of_it


@pytest.mark.parametrize(
    ("question", "names", "alone"),
    [
        ("What did LeBron say about Anthony Davis?", {"anthony", "davis"}, True),  # lakers
        ("What did Jack Eichel say about Parise?", {"parise"}, True),  # wild
        ("what did Graham say about the Hege?", {"hege"}, True),  # meth
        # a topic beyond the person (wild, indiana)
        (
            "What explanation did Eichel give for going after Eriksson Ek?",
            {"eriksson", "ek"},
            False,
        ),
        ("What did Gambill say about Holcomb's plan?", {"holcomb"}, False),
        ("What did Mayer say?", {"mayer"}, False),  # no topic
    ],
)
def test_a_question_on_someones_words_about_a_person_alone(
    question: str, names: set[str], alone: bool
) -> None:
    assert _about_names_alone(question, names) is alone


@pytest.mark.parametrize(
    ("question", "names", "sentence", "others"),
    [
        # the saves of the asked side's goalie count the other side's shots (hockey, soccer)
        (
            "How many shots did the Wild take?",
            "wild",
            "Wild goalie Alex Stalock looked strong, stopping 30 shots.",
            True,
        ),
        (
            "How many shots on goal did Chelsea have?",
            "chelsea",
            "Chelsea keeper Kepa Arrizabalaga turned aside 7 shots.",
            True,
        ),
        # the goalie's own stops are asked
        (
            "How many shots did Stalock stop?",
            "stalock",
            "Wild goalie Alex Stalock looked strong, stopping 30 shots.",
            False,
        ),
        (
            "How many shots did the Wild face?",
            "wild",
            "Wild goalie Stalock stopped 30 shots.",
            False,
        ),
        # the other side is asked, or the sentence counts the asked side's shots as well
        (
            "How many shots did the Sabres take?",
            "sabres",
            "Wild goalie Alex Stalock looked strong, stopping 30 shots.",
            False,
        ),
        (
            "How many shots did the Wild take?",
            "wild",
            "The Wild had 25 shots, and their goalie stopped 30 shots.",
            False,
        ),
        (
            "How many points did the Wild score?",
            "wild",
            "Wild goalie Stalock stopped 30 shots.",
            False,
        ),
    ],
)
def test_saves_count_the_other_sides_shots(
    question: str, names: str, sentence: str, others: bool
) -> None:
    asked = set(stems(words(question)))
    assert shots_of_the_other_side(sentence, asked, {names}) is others


@pytest.mark.parametrize(
    ("question", "sentence", "other_kind"),
    [
        # the sentence says the other of two exclusive kinds (cannabis, nasa)
        (
            "How many states have legalized medical marijuana?",
            "Marijuana for recreational use has been legalized in 11 states.",
            True,
        ),
        (
            "When will Starship fly crewed missions?",
            "Such missions would be cargo only.",
            True,
        ),
        ("How many women took part?", "Just over half were female.", False),  # the same kind
        ("Were there more men or women?", "Just over half were female.", False),  # asks both
        # no kind said at all (disney): nothing ruled out
        ("How many international subscribers?", "Disney+ signed up 10 million users.", False),
        # the asked kind said beside the other (lakers)
        (
            "How did the Lakers do at home?",
            "The Lakers are 9-0 at home and 5-2 on the road.",
            False,
        ),
    ],
)
def test_a_sentence_on_another_kind_says_nothing_of_the_asked(
    question: str, sentence: str, other_kind: bool
) -> None:
    asked, said = set(stems(words(question))), set(stems(words(sentence)))
    assert _says_another_kind(asked, said) is other_kind


@pytest.mark.parametrize(
    ("sentence", "asked", "lasting"),
    [
        # the length stands by the asked thing (disney, meth, the bundled article)
        ("Callers reported telephone wait times that exceeded two hours.", "stuck wait hold", True),
        ("Fans signed up for the free weeklong trial.", "free trial", True),
        ("The campaign, which will be in its third year in January, worked.", "campaign", True),
        ("Russia's 13-month-old war in Ukraine goes on.", "war", True),
        # a length of something else in a sentence naming the asked thing (indiana, meth)
        (
            "The rally was the state's biggest such teacher protest amid a wave of educator"
            " activism across the country over the past two years.",
            "rally last",
            False,
        ),
        (
            "House Speaker Brian Bosma defended the budget approved by Republicans in April"
            " that boosted base school spending by 2.5% each of the next two years.",
            "speaker",
            False,
        ),
        ("The rally drew thousands.", "rally last", False),  # no length at all
        # a person's age is no length of anything (a rescue, a football manager)
        (
            "A video shows the moment a kidnapped 8-year-old Fort Worth girl was rescued.",
            "girl miss",
            False,
        ),
        ("The 56-year-old said after his appointment that he was excited.", "appoint", False),
        ("The 20-year-old rivalry between the clubs resumed.", "rivalry", True),
        ("The free trial runs for a week.", "", True),  # nothing asked: any length
    ],
)
def test_a_length_must_be_of_what_was_asked(sentence: str, asked: str, lasting: bool) -> None:
    assert lasts(sentence, set(stems(asked.split()))) is lasting


@pytest.mark.parametrize(
    ("sentence", "nouns"),
    [
        ("NASA was adding five companies to a contract.", ["companies"]),
        ("Up to 100 metric tons of cargo.", ["metric", "tons"]),
        ("The unions said more than 15,000 people registered.", ["people"]),
        ("Nearly 300 school districts closed on Nov. 18 at 7:14.", ["school", "districts"]),
        ("He scored 25 points, 11 rebounds and 10 assists.", ["points", "rebounds", "assists"]),
        ("Use rose by 37 percent.", []),  # a percentage counts nothing
    ],
)
def test_the_things_a_sentence_counts(sentence: str, nouns: list[str]) -> None:
    assert _counted_nouns(sentence) == nouns


@pytest.mark.parametrize(
    ("sentence", "counted", "counts"),
    [
        ("He has at least 10 assists in six consecutive games.", "game", True),
        ("Kidd, who did it against 28 teams, has served as a role model.", "team", True),
        ("Nearly 300 school districts closed because of the rally.", "district", True),
        # a measure "of" the thing counts it
        ("Starship will deliver up to 100 metric tons of cargo to the moon.", "cargo", True),
        ("The company raised $3 billion of new debt.", "debt", True),
        ("Two of the landers carried cargo.", "cargo", False),
        (
            "Two \u201cdeliveries\u201d of payloads to the lunar surface every year.",
            "deliveri",
            True,
        ),
        # a part of the things counted: "N of the X" (aviation, hockey)
        ("Emirates flies 123 of the planes in its fleet.", "plane", True),
        ("The airline bought 30 of its jets from Boeing.", "jet", True),
        # ... counted of the phrase's head, and not a part of another count (basketball)
        ("Schröder scored 20 of his season-high 31 points.", "season", False),
        ("Seven of LeBron's assists came on baskets by Davis.", "assist", False),
        # a model's number counts nothing (aviation, football)
        ("It comes after five 787 Dreamliner sales.", "dreamlin", True),
        ("The league moved the Week 13 rematch.", "rematch", False),
        ("The airline flies 30 of its Dreamliner jets.", "jet", True),
        ("The airline flies 30 of its Dreamliner jets.", "dreamlin", False),  # no head
        # the thing counted is written before the number, or is another thing
        ("Some teams had 28 wins.", "team", False),
        ("Green hit a big shot with 55 seconds left.", "shot", False),
        ("The five companies, selected from eight that submitted proposals.", "proposal", False),
        # a clock time or a percentage counts nothing
        ("Use rose by 37 percent among adults.", "adult", False),
        ("He scored at 7:14 goals apart.", "goal", False),
        # an audience: "in front of" or "a crowd of" a number counts the people there
        ("The Wild won in front of 15,522 in Buffalo.", "fan", True),
        ("The rally drew a crowd of 5,000 to the Capitol.", "peopl", True),
        ("Neymar was among the more than 12,000 in attendance.", "peopl", True),
        ("About 300 fans looked on as the ship sailed.", "fan", True),
        ("The club said 40 percent in attendance were members.", "fan", False),
        ("The rally drew a crowd of 5,000 to the Capitol.", "teacher", False),
    ],
)
def test_a_number_counts_what_is_written_right_after_it(
    sentence: str, counted: str, counts: bool
) -> None:
    assert counts_directly(sentence, counted) is counts


def test_a_models_number_counts_nothing() -> None:
    # aviation, football, hockey: numbers that are part of a name are blanked, counts kept
    assert uncounted("Roughly 400 737 Max jets") == "Roughly 400     Max jets"
    assert uncounted("the Week 13 rematch") == "the Week    rematch"
    assert uncounted("Nearly 300 districts") == "Nearly 300 districts"
    assert uncounted("They won 4-1 with 30 shots.") == "They won     with 30 shots."
    assert uncounted("Anthony Davis's 34 points") == "Anthony Davis's 34 points"  # possessive


@pytest.mark.parametrize(
    ("question", "sentence", "counts"),
    [
        # the number of times the question's own act was done counts what the act makes
        (
            "How many goals has Lee scored this week?",
            "Having scored four times during a three-game streak, Lee is confident.",
            True,
        ),
        ("How many bills did the senator sign?", "The senator signed three times.", True),
        # times of another act, or a number that is no count of times
        ("How many goals has Lee scored?", "Lee has been benched four times.", False),
        ("How many goals has Lee scored?", "Lee scored in a three-game streak.", False),
        ("How many bills did the senator sign?", "He signed them four days ago.", False),
    ],
)
def test_a_count_of_times_counts_what_the_asked_act_makes(
    question: str, sentence: str, counts: bool
) -> None:
    assert counts_asked_thing(analyze(question, KNOWN), sentence) is counts


@pytest.mark.parametrize(
    ("question", "sentence", "span"),
    [
        (
            "How many people registered?",
            "The unions said more than 15,000 people registered.",
            "more than 15,000 people",  # the amount as the article states it
        ),
        (
            "How many teachers marched?",
            "Several thousand teachers in red marched on Tuesday.",
            "Several thousand teachers",
        ),
        ("How many districts closed?", "In 2019, 300 districts closed.", "300 districts"),
        (
            "What was the final score?",
            "The Hawks won 112-107 over the Owls on Tuesday night.",
            "112-107",
        ),
        ("How old is the senator?", "The senator, 61-year-old Ann Roe, said no.", "61 years old"),
        (
            "How many triple-doubles does he have?",
            "He has five triple-doubles in his last 10 games.",
            "five triple-doubles",
        ),
        ("How many 3-pointers did they make?", "They made 14 3-pointers.", "14 3-pointers"),
        ("How many seasons has he played?", "He has played for 17 NBA seasons.", "17 NBA seasons"),
        # a figure with its scale is one figure
        (
            "How many people activated accounts?",
            "The firm struggled with the more than 10 million users who activated accounts.",
            "more than 10 million users",
        ),
        ("How many fans were there?", "Two thousand fans were at the rally.", "Two thousand fans"),
        # what is counted, in all its words, up to a verb, a name or punctuation
        (
            "How much cargo can the rocket carry?",
            "It will be able to deliver up to 100 metric tons of cargo to the moon.",
            "up to 100 metric tons",
        ),
        (
            "How many districts closed?",
            "Nearly 300 school districts closed because of the rally.",
            "Nearly 300 school districts",
        ),
        (
            "How many turnovers did he have?",
            "He joked about my seven turnovers, James said.",
            "seven turnovers",
        ),
        ("How many goals did she score?", "She scored two goals Tuesday.", "two goals"),
        # a time of day with its a.m. or p.m.
        (
            "What time did the group leave?",
            "The group left about 4:30 a.m. for the rally.",
            "4:30 a.m.",
        ),
        ("When did the vote end?", "The vote ended at 10:15pm on Tuesday.", "10:15pm"),
        # a day with its part of the day, as one time
        (
            "When did he post the campaign materials?",
            "On Tuesday morning, he posted materials from the campaign on the wall.",
            "On Tuesday morning",
        ),
        (
            "When did the rally end?",
            "The rally ended Friday evening at the Statehouse.",
            "Friday evening",
        ),
        # an age, without the name and commas of "Lee, 35, said"
        ("How old is Lee?", "Barely a week ago, Lee, 35, had scored once.", "35 years old"),
        ("How old is the senator?", "The 61-year-old senator said so.", "61 years old"),
        ("How old is Cole?", "Cole, aged 34, works at the hospital.", "34 years old"),
        ("How old is Baker?", "Tom Baker Jr., 55, of Addison, pleaded guilty.", "55 years old"),
        # a time to come, without the words that put it in the future
        ("When will the lander fly?", "Its lander missions could begin in 2022.", "2022"),
        ("When do the Hawks play next?", "Hawks: Host the Owls on Friday.", "on Friday"),
        ("When will the rover fly?", "The rover will fly in three days.", "in three days"),
        (
            "When will the panel report?",
            "He waits for a panel to report by the end of 2020.",
            "2020",
        ),
        # the number that counts the asked thing, not the one beside another asked word
        (
            "How many goals has Lee scored during the streak?",
            "Having scored four times during a three-game streak, Lee is confident.",
            "four times",
        ),
        (
            "How many games in a row has she had double-digit assists?",
            "She has at least 10 assists in six consecutive games.",
            "six consecutive games",
        ),
        # an audience not named beside its number
        ("How many fans were there?", "They won 4-1 in front of 15,522 in Buffalo.", "15,522"),
        ("How many people were there?", "The band played to a crowd of 18,997.", "18,997"),
        ("How many saves did Lee make?", "Lee looked strong, stopping 30 shots.", "30 saves"),
        # a clock time is no count: not "08" of "3:08"
        (
            "How many points did they score?",
            "They scored eight points with 3:08 left.",
            "eight points",
        ),
        ("How many points did they score?", "Their points came fast with 3:08 left.", None),
        (
            "How many assists does he average?",
            "He leads with 11.1 assists per game.",
            "11.1 assists",
        ),
        # a figure stands before what it counts, not after the one before it
        (
            "What share of the participants were white?",
            "Just over half were female, 65 percent were white, 11.9 percent were black.",
            "65 percent",
        ),
        (
            "What percentage were female?",
            "Just over half were female, 65 percent were white, 11.9 percent were black.",
            "Just over half",
        ),
        (
            "How much did the budget boost school spending?",
            "The budget boosted base school spending by 2.5% each of the next two years.",
            "2.5%",
        ),
        (
            "How much did the budget boost school spending?",
            "The budget boosted school spending by $40 million.",
            "$40 million",
        ),
        # the asked name's price, when the sentence has no word of the question's
        ("How much does Disney+ cost?", "Disney’s $6.99-a-month service has films.", "$6.99"),
        # a price word of the sentence says what the amount is the price of
        (
            "How much did the campaign cost?",
            "The campaign – run by a Minneapolis-based firm with a budget of $449,000 – drew fire.",
            "$449,000",
        ),
        (
            "How much has the studio spent on its streaming push?",
            "Rivals have tried streaming, and the studio has spent more than $3 billion on it.",
            "more than $3 billion",
        ),
        # "state" is what the amount is of, not the kind of answer (a place) asked for
        (
            "How much does the union say the state has stashed away?",
            "The union told teachers the Legislature should use the state’s $2 billion in cash "
            "reserves, 30 years after 1,000 teachers rallied.",
            "$2 billion",
        ),
        (
            "How much does the city owe?",
            "The team says it will play 41 games and the city owes the league $12 million.",
            "$12 million",
        ),
        # someone's stats: the line of counts
        (
            "What were Chris Paul's stats?",
            "Chris Paul had four points, 10 assists and five rebounds for the Thunder.",
            "four points, 10 assists and five rebounds",
        ),
        # the only number stands far from the question's words: no fact to lead with
        (
            "How many teachers marched?",
            "In 2002, long before any of the events that this very long sentence describes, "
            "teachers marched.",
            None,
        ),
    ],
)
def test_the_fact_that_leads_an_answer(question: str, sentence: str, span: str | None) -> None:
    assert _fact_span(analyze(question, KNOWN), sentence) == span


@pytest.mark.parametrize(
    ("sentence", "acronym", "name"),
    [
        (
            "Nine firms hold Commercial Lunar Payload Services (CLPS) contracts.",
            "CLPS",
            "Commercial Lunar Payload Services",
        ),
        ("Sierra Nevada Corporation (SNC), SpaceX and others", "SNC", "Sierra Nevada Corporation"),
        (
            "the Indiana State Teachers Association (ISTA) said",
            "ISTA",
            "Indiana State Teachers Association",
        ),
        ("a report by the Centers for Disease Control (CDC)", "CDC", "Centers for Disease Control"),
        # the acronym stands alone, or the words before it do not spell it
        ("SNC will fly in 2022.", "SNC", None),
        ("officials met with the board (NTSB) on Monday", "NTSB", None),
    ],
)
def test_the_name_an_acronym_stands_for(sentence: str, acronym: str, name: str | None) -> None:
    assert spelled_out_before(sentence, acronym) == name


@pytest.mark.parametrize(
    ("sentence", "score"),
    [
        ("Smith said before the Hawks' 4-1 win over the Owls on Friday.", "4-1"),
        ("Davis scored 34 points in the fifth straight victory, 112-107 over the Owls.", "112-107"),
        ("The Hawks lost 3-2 to the Owls in overtime.", "3-2"),
        ("The bill passed 52-48 in the state Senate.", "52-48"),
        # other verbs of a win (college football, high school roundups)
        (
            "Ray threw three touchdowns and the Eagles rolled past the Owls, 45-17, on Tuesday.",
            "45-17",
        ),
        ("Viera blanked Rockledge 21-0 to stay unbeaten.", "21-0"),
        # scores along the way, and numbers that only look like scores
        ("Lee's 3-pointer put the Hawks up 109-98 with 3:08 to play.", None),
        ("He had scored just once in a 10-game stretch.", None),
        ("The 2019-20 season starts in October.", None),
    ],
)
def test_the_score_that_is_a_result(sentence: str, score: str | None) -> None:
    found = result_score(sentence)
    assert (found.group() if found else None) == score


@pytest.mark.parametrize(
    ("sentence", "sides", "score"),
    [
        # of a round-up's results, the one written by the side asked (football, hockey)
        (
            "Denmark drew 1-1 at Ireland, while Switzerland beat Gibraltar 6-0 to win the group.",
            {"gibraltar"},
            "6-0",
        ),
        ("Denmark drew 1-1 at Ireland, while Switzerland beat Gibraltar 6-0.", {"ireland"}, "1-1"),
        ("The Hawks won 4-1 on Friday and the Owls lost 3-2 in overtime.", {"owls"}, "3-2"),
        # no side asked, or one result: the first
        ("The Hawks won 4-1 on Friday and the Owls lost 3-2 in overtime.", set(), "4-1"),
        ("The Hawks won 4-1 on Friday.", {"owls"}, "4-1"),
    ],
)
def test_the_result_of_the_side_asked(sentence: str, sides: set[str], score: str) -> None:
    found = result_score(sentence, sides)
    assert found is not None and found.group() == score


@pytest.mark.parametrize(
    ("word", "text", "names"),
    [
        ("ukraine", "Ukrainian President Volodymyr Zelensky", True),
        ("belarus", "Belarusian President Alexander Lukashenko", True),
        ("wild", "Wild coach Bruce Boudreau", True),
        ("indiana", "Republican Gov. Eric Holcomb", False),
        ("spain", "Spanish Prime Minister", False),  # an adjective of another stem
        ("russia", "Rush hour", False),
    ],
)
def test_a_country_is_named_by_its_adjective(word: str, text: str, names: bool) -> None:
    assert _names(word, text) is names


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("Who is the Wild coach?", ("coach", ("wild",))),
        ("Who is the governor of Indiana?", ("governor", ("indiana",))),
        ("Who is Indiana's governor?", ("governor", ("indiana",))),
        ("Who is the CEO of Ceres Robotics?", ("ceo", ("ceres", "robotics"))),
        ("Who coaches the Thunder?", ("coach", ("thunder",))),
        ("Who runs Ceres Robotics?", ("boss", ("ceres", "robotics"))),
        ("Who heads the union?", ("boss", ("union",))),
        ("Who was in goal for the Wild?", ("goalie", ("wild",))),
        ("Who is the Kremlin's spokesman?", ("spokesman", ("kremlin",))),
        ("Who is the president?", ("president", ())),
        ("Who's the Lakers' coach?", ("coach", ("lakers",))),
        ("who’s in goal for the Wild", ("goalie", ("wild",))),
        ("Who started in goal for Buffalo?", ("goalie", ("buffalo",))),
        ("Who played in net for the Sabres?", ("goalie", ("sabres",))),
        # research is led by its lead author; the article's own author is its byline
        ("Who led the study?", ("author", ("lead", "study"))),
        ("Who is the senior author of the paper?", ("author", ("senior", "paper"))),
        ("Who is the author of the article?", None),
        ("Who is the lead scientist on the mission?", ("scientist", ("lead", "mission"))),
        # the name of a person described without a title (crime news, sports)
        ("What is the little girl's name?", ("girl", ("little",))),
        ("What's that friend's name?", ("friend", ())),
        ("What is the hotel's name?", None),  # a thing's name, found as other names are
        ("Who will be Mourinho's assistant at Spurs?", ("assistant", ("mourinho", "spurs"))),
        # the holder's name asked for
        ("What's the governor's name?", ("governor", ())),
        ("What is the name of the Wild coach?", ("coach", ("wild",))),
        ("What is the name of the study?", None),
        ("What's Holcomb's name?", None),
        ("Who is Dmitry Peskov?", None),  # a person, not a role
        ("Who won the game?", None),
        ("Who is the player who scored twice?", None),
    ],
)
def test_the_role_a_who_question_asks_the_holder_of(
    question: str, role: tuple[str, tuple[str, ...]] | None
) -> None:
    assert analyze(question, KNOWN).asked_role == role


@pytest.mark.parametrize(
    ("sentence", "role", "context", "people"),
    [
        ("Wild coach Bruce Boudreau expressed confidence.", "coach", ("wild",), ["Bruce Boudreau"]),
        ("Meanwhile, Wild goalie Alex Stalock looked strong.", "goalie", ("sabres",), []),
        (
            "Meanwhile, Wild goalie Alex Stalock looked strong.",
            "goalie",
            ("wild",),
            ["Alex Stalock"],
        ),
        # another role stands between the owner and the asked one
        ("Lakers assistant coach Jason Kidd had not done it.", "coach", ("lakers",), []),
        (
            "Lakers assistant coach Jason Kidd had not done it.",
            "coach",
            ("assistant",),
            ["Jason Kidd"],
        ),
        (
            "They seem intent, as Kentucky GOP Gov. Matt Bevin did.",
            "governor",
            ("kentucky",),
            ["Matt Bevin"],
        ),
        (
            "Michael Sims, chief executive of Ceres Robotics, said it.",
            "ceo",
            ("ceres", "robotics"),
            ["Michael Sims"],
        ),
        # two titles joined by "and"
        (
            "Gwynne Shotwell, president and chief operating officer of SpaceX, said that.",
            "coo",
            ("spacex",),
            ["Gwynne Shotwell"],
        ),
        (
            "Julie Graham, an analyst and Tom Hill, SpaceX's chief operating officer, said it.",
            "coo",
            ("spacex",),
            ["Tom Hill"],
        ),
        (
            "But Kremlin spokesperson Dmitry Peskov dismissed it.",
            "spokesman",
            ("kremlin",),
            ["Dmitry Peskov"],
        ),
        ("Oklahoma City coach Billy Donovan said.", "coach", ("thunder",), []),
        # a company's executive is any of its officers
        (
            "Brent Sherwood, vice president of programs at Blue Origin, said so.",
            "executive",
            ("blue", "origin"),
            ["Brent Sherwood"],
        ),
        (
            "Gwynne Shotwell, president and chief operating officer of SpaceX, said it.",
            "executive",
            ("spacex",),
            ["Gwynne Shotwell"],
        ),
        (
            "Walt Disney Co. executive Kevin Mayer said it.",
            "executive",
            ("disney",),
            ["Kevin Mayer"],
        ),
        ("Walt Disney Co. executive Kevin Mayer said it.", "executive", ("spacex",), []),
        # a vice president is an executive, not the boss
        (
            "Brent Sherwood, vice president of programs at Blue Origin, said so.",
            "boss",
            ("blue", "origin"),
            [],
        ),
        (
            "Gwynne Shotwell, president and chief operating officer of SpaceX, said it.",
            "boss",
            ("spacex",),
            ["Gwynne Shotwell"],
        ),
        # "the head of" a firm is its chief executive (gaming business, aid agencies)
        (
            '"Be where the consumer is," Ann Lee, CEO of Take-Two, adds.',
            "head",
            ("take", "two"),
            ["Ann Lee"],
        ),
        (
            "Tom Ray, director of the relief agency, said so.",
            "head",
            ("relief", "agency"),
            ["Tom Ray"],
        ),
        ("Tom Ray, a client of the relief agency, said so.", "head", ("relief", "agency"), []),
        # said of someone named before, by surname: "X is the CEO of Y"
        ("Hege is the CEO of DH, the Spokane firm.", "ceo", ("dh",), ["Hege"]),
        ("Lee has been the head coach of the Owls since May.", "coach", ("owls",), ["Lee"]),
        ("Hege is the CEO of DH, the Spokane firm.", "ceo", ("spacex",), []),
        ("Hege is the former CFO of DH.", "ceo", ("dh",), []),
        ("Hege is a client of DH and a critic.", "ceo", ("dh",), []),
        # a courtesy title between the role and the name (health, science news)
        (
            "Senior author Dr. Ann B. Cole, professor of biology, said so.",
            "author",
            ("senior",),
            ["Ann B. Cole"],
        ),
        (
            "said study lead author Tom Reyes, a planetary scientist.",
            "author",
            ("lead",),
            ["Tom Reyes"],
        ),
        # the name in apposition after the role; a lawyer is an attorney (court news, business)
        (
            "Carlineo's attorney, Sonya Zoghlin, said he meant no harm.",
            "lawyer",
            ("carlineo",),
            ["Sonya Zoghlin"],
        ),
        ("Acme's spokesman, Tom Ray, declined to comment.", "spokesman", ("acme",), ["Tom Ray"]),
        ("Acme's spokesman, who declined to comment, left.", "spokesman", ("acme",), []),
    ],
)
def test_who_a_sentence_names_in_a_role(
    sentence: str, role: str, context: tuple[str, ...], people: list[str]
) -> None:
    assert _holders_in(sentence, role, context) == people


@pytest.mark.parametrize(
    ("sentence", "role", "context", "owner_names", "people"),
    [
        # the story calls them the Oklahoma City Thunder: "Oklahoma City coach" is the Thunder's
        (
            "“We came up short,” Oklahoma City coach Billy Donovan said.",
            "coach",
            ("thunder",),
            ("Oklahoma City Thunder",),
            ["Billy Donovan"],
        ),
        (
            "“We came up short,” Oklahoma City coach Billy Donovan said.",
            "coach",
            ("lakers",),
            ("Los Angeles Lakers",),
            [],
        ),
        (
            "Buffalo coach Ralph Krueger shuffled his lines.",
            "coach",
            ("sabres",),
            ("Buffalo Sabres",),
            ["Ralph Krueger"],
        ),
        # a part of the owner's name that is not its start still names it, another role does not
        (
            "Robotics chief executive Michael Sims spoke.",
            "ceo",
            ("ceres",),
            ("Ceres Robotics",),
            ["Michael Sims"],
        ),
        (
            "Lakers assistant coach Jason Kidd had not done it.",
            "coach",
            ("la",),
            ("Los Angeles Lakers",),
            [],
        ),
        # the owner inside a long appositive, between the name and the role
        (
            "The plan did not appeal to Ann Lee, Dover County Board of Health press officer.",
            "officer",
            ("health", "board"),
            ("Dover County Board of Health",),
            ["Ann Lee"],
        ),
        # a list goes on with "and": the one before is no holder of the role at its end
        (
            "The finalists — Tom Ray, Dover great Ann Lee and Dover assistant coach Bo Reed — met.",
            "coach",
            ("dover",),
            ("Dover",),
            [],
        ),
    ],
)
def test_a_role_owned_under_another_part_of_the_owners_name(
    sentence: str,
    role: str,
    context: tuple[str, ...],
    owner_names: tuple[str, ...],
    people: list[str],
) -> None:
    assert _holders_in(sentence, role, context, owner_names) == people


@pytest.mark.parametrize(
    ("sentence", "role", "people"),
    [
        # news style leaves the story's own side unsaid; a party is a side, not an owner
        ("“Coach (Frank) Vogel came in here and said it,” James said.", "coach", ["Frank Vogel"]),
        ("Republican Gov. Eric Holcomb has avoided criticism.", "governor", ["Eric Holcomb"]),
        ("Former Mayor Jane Ortiz joined the march.", "mayor", ["Jane Ortiz"]),
        ("They acted as Kentucky GOP Gov. Matt Bevin did.", "governor", []),
        ("Meanwhile, Wild goalie Alex Stalock looked strong.", "goalie", []),
        ("Dmitry Peskov, the Kremlin's spokesman, said so.", "spokesman", []),
        ("Dmitry Peskov, the spokesman, said so.", "spokesman", ["Dmitry Peskov"]),
    ],
)
def test_who_holds_a_role_without_an_owner(sentence: str, role: str, people: list[str]) -> None:
    assert _holders_in(sentence, role, None) == people


# Two stories whose headlines (here, their file names) name the side they are about.
ROLE_CHUNKS = [
    (
        "dover-harbour-reopens.txt",
        1,
        "Dover reopened its harbour. Ships will return, harbour board Chair Ann Lee said.",
        [
            {"start": 0, "end": 27, "position": 0, "mentions": "Dover"},
            {"start": 28, "end": 80, "position": 1, "mentions": "Ann Lee"},
        ],
    ),
    (
        "kent-frost-harvest.txt",
        1,
        "Kent growers lost apples. “It was the frost,” said county farms director Bo Reed.",
        [
            {"start": 0, "end": 25, "position": 0, "mentions": "Kent"},
            {"start": 26, "end": 81, "position": 1, "mentions": "Bo Reed"},
        ],
    ),
]


@pytest.mark.parametrize(
    ("role", "context", "people"),
    [
        # the owner in the headline, the words saying which role it is with the role itself
        ("chair", ("dover", "harbour", "board"), ["Ann Lee"]),
        ("director", ("kent", "county", "farms"), ["Bo Reed"]),
        ("director", ("kent",), ["Bo Reed"]),
        # a role the story gives no one: not the one it names
        ("chair", ("dover", "police"), []),
        ("director", ("kent", "school"), []),
    ],
)
def test_the_holder_of_a_role_the_headlines_owner_has(
    role: str, context: tuple[str, ...], people: list[str]
) -> None:
    assert list(_role_holders(role, context, corpus(ROLE_CHUNKS))) == people


def test_people_described_are_named_by_the_sentence_after() -> None:
    index = corpus(IDENTIFIED_CHUNKS)
    judge = ExtractiveAnswerer(index, paraphrase=None)
    by_text = {s.text: s for s in index.sentences}
    # news describes a story's people, then names them in the same words (a prisoner swap)
    swap = by_text["Two hostages, an American and an Australian, were released."]
    assert judge._identified_next(swap).text.startswith("American Kevin King")
    # a sentence that names its people needs no other (a crash report)
    named = by_text["Pilot Ann Lee landed the plane."]
    assert judge._identified_next(named) is None
    # nor is a later sentence naming other people theirs
    crash = by_text["Two passengers were hurt in the crash."]
    assert judge._identified_next(crash) is None


# Stories that name a person and go on about them as "he" or "his".
IDENTIFIED_CHUNKS = [
    story(
        "swap.txt",
        ("Two hostages, an American and an Australian, were released.", ""),
        (
            "American Kevin King and Australian Tim Weeks were flown out.",
            "American Kevin King|Australian Tim Weeks",
        ),
    ),
    story(
        "crash.txt",
        ("Pilot Ann Lee landed the plane.", "Ann Lee"),
        ("Two passengers were hurt in the crash.", ""),
        ("Mayor Bo Reed thanked the crew.", "Bo Reed"),
    ),
]

REFERRING_CHUNKS = [
    story(
        "wild-win.txt",
        ("Zach Parise scored twice for the Wild.", "Zach Parise"),
        ("His night ended when Jack Eichel scored late.", "Jack Eichel"),
        ("The Sabres lost again.", ""),
    ),
    story(
        "wild-spoiled.txt",
        ("Zach Parise scored twice for the Wild.", "Zach Parise"),
        ("Jack Eichel spoiled his night late.", "Jack Eichel"),
    ),
    story(
        "disney-launch.txt",
        ("Kevin Mayer ran the launch.", "Kevin Mayer"),
        ("Critics said his team failed.", ""),
        ("Fans said the app was slow.", ""),
    ),
    story(
        "wild-quote.txt",
        ("Zach Parise scored twice.", "Zach Parise"),
        ("“He was great,” Bruce Boudreau said.", "Bruce Boudreau"),
    ),
]


@pytest.mark.parametrize(
    ("question", "source", "position", "refers"),
    [
        ("Who ended Zach Parise's night?", "wild-win.txt", 1, 1.0),
        # a person named before "his" is whom it means
        ("Who spoiled Zach Parise's night?", "wild-spoiled.txt", 1, 0.0),
        ("What did critics say of Kevin Mayer's team?", "disney-launch.txt", 1, 1.0),
        # "he" inside a quote is the speaker's, not the story's
        ("What did Bruce Boudreau say about Zach Parise?", "wild-quote.txt", 1, 0.0),
        # no "he" or "his" in it
        ("What did Parise do?", "wild-win.txt", 2, 0.0),
        ("What did Kevin Mayer say?", "disney-launch.txt", 2, 0.0),
    ],
)
def test_a_sentence_calling_the_one_just_named_he_speaks_of_them(
    question: str, source: str, position: int, refers: float
) -> None:
    index = corpus(REFERRING_CHUNKS)
    i = next(
        k for k, s in enumerate(index.sentences) if (s.source, s.position) == (source, position)
    )
    assert _refers_back(analyze(question, KNOWN), index, i) == refers


# Two articles' sentences that say a phrasal verb of a question by a single verb.
PHRASAL_CHUNKS = [
    story(
        "ads.txt",
        ("The campaign has been facing backlash and mockery since Monday.", ""),
        ("The campaign ran on gaming sites.", ""),
    ),
    story(
        "launch.txt",
        ("The service was introduced on Tuesday.", ""),
        ("The service costs $6.99.", ""),
    ),
    story(
        "layoffs.txt",
        ("The workers' employment will be terminated on Dec. 9.", ""),
        ("The workers were told about the plan on Monday.", ""),
    ),
    story(
        "masks.txt",
        ("The mask ban was ruled illegal by the court on Monday.", ""),
        ("The mask ban was announced in October.", ""),
    ),
    story(
        "tariffs.txt",
        ("The tariffs would cut wages, eliminating 195,000 jobs.", ""),
        ("The tariffs cover steel and jobs in ports.", ""),
    ),
]


@pytest.mark.parametrize(
    ("question", "saying", "other"),
    [
        # both name the campaign; only the first says "making fun", as "mockery"
        ("Have people been making fun of the campaign?", "backlash and mockery", "gaming sites"),
        ("When was the service rolled out?", "was introduced", "costs $6.99"),
        ("When will the workers be let go?", "terminated", "told about"),
        # a court's ruling, a study's forecast
        ("When was the mask ban struck down?", "ruled illegal", "announced in"),
        ("How many jobs would the tariffs wipe out?", "eliminating", "cover steel"),
    ],
)
def test_a_phrasal_verb_is_covered_by_the_single_verb_that_says_it(
    question: str, saying: str, other: str
) -> None:
    index = corpus(PHRASAL_CHUNKS)
    read = analyze(question, KNOWN)

    def coverage(part: str) -> float:
        sentence = next(s for s in index.sentences if part in s.text)
        return _coverage(index, read.point_stems, sentence, read)

    assert coverage(saying) > coverage(other) > 0


@pytest.mark.parametrize(
    ("question", "spans"),
    [
        ("How many goals has Parise scored in his career?", ["career"]),
        ("How many teachers left Indiana schools last year?", ["last year"]),
        ("How many assists does James average per game this season?", ["per game", "season"]),
        ("How many subscribers has Disney+ signed up so far?", ["so far"]),
        ("How many people registered for the rally?", []),
        ("How many companies did NASA add?", []),
        # "last season" is not "this season"
        ("How many points did he average last season?", ["last season"]),
        # a total, however the reader words it (nasa, indiana)
        ("Altogether, how many companies can bid?", ["Altogether"]),
        ("How many districts closed in all?", ["in all"]),
    ],
)
def test_the_span_a_count_is_over(question: str, spans: list[str]) -> None:
    assert SCOPE.findall(question) == spans


@pytest.mark.parametrize(
    ("question", "sentence", "said"),
    [
        # a total is said by "all N" or "total" (nasa, indiana)
        ("How many companies are in CLPS in all?", "All 14 companies are now eligible.", True),
        ("How many companies are in CLPS in all?", "NASA added five companies.", False),
        ("Altogether, how many districts closed?", "A total of 300 districts closed.", True),
        ("How many companies are in CLPS?", "NASA added five companies.", True),  # no total asked
    ],
)
def test_a_total_asked_is_said_as_a_total(question: str, sentence: str, said: bool) -> None:
    assert _says_own_scope(analyze(question, KNOWN), sentence) is said


@pytest.mark.parametrize(
    ("question", "sentence", "said"),
    [
        ("When did Mayer get his current job?", "Mayer was named chairman in March 2018.", True),
        ("When did Kidd get the coaching job?", "The Lakers hired Jason Kidd in 2019.", True),
        ("When did Holcomb take the post?", "Holcomb became governor in 2017.", True),
        ("When did Mayer get his current job?", "Mayer joined Disney in 1993.", False),
    ],
)
def test_a_job_is_said_by_naming_someone_to_it(question: str, sentence: str, said: bool) -> None:
    read = analyze(question, KNOWN)
    job = {stem for stem in read.point_stems if stem in stems("job post".split())}
    assert (job <= _with_appointment(read, stems(words(sentence)))) is said


@pytest.mark.parametrize(
    ("question", "sentence", "withheld"),
    [
        ("What is Dumba's injury?", "The Wild lost Matt Dumba to an undisclosed injury.", True),
        (
            "How many customers signed up for the trial?",
            "An undisclosed number of customers signed up for the free weeklong trial.",
            False,  # "number" is no word of the question
        ),
        ("Who got hurt?", "The Wild lost Matt Dumba to an undisclosed injury.", False),
        ("How much was the settlement?", "They reached an undisclosed settlement.", True),
        ("What is the name of the site?", "It will land at an unnamed site.", True),
        # another thing left unsaid beside the one asked
        (
            "How much can Starship carry?",
            "It can deliver 100 metric tons and return an unspecified amount to Earth.",
            False,
        ),
    ],
)
def test_a_point_the_article_calls_undisclosed_is_not_said(
    question: str, sentence: str, withheld: bool
) -> None:
    assert _withheld(analyze(question, KNOWN), sentence) is withheld


@pytest.mark.parametrize(
    ("question", "word", "sentence", "names_kind"),
    [
        ("Which city is it in?", "city", "It rallied in Indianapolis.", True),
        ("How much has the state stashed away?", "state", "The state has $2 billion.", False),
        # where a firm is based, said by a description naming the place
        (
            "Where is Disney based?",
            "based",
            "Demand hit the Burbank entertainment giant when it launched Disney+.",
            True,
        ),
        ("Where is DH based?", "based", "Hege runs DH, the Spokane advertising firm.", True),
        ("Where is Disney based?", "based", "The service launched in Burbank.", False),
        # not where a person named beside it lives
        (
            "Where is Kevin Mayer based?",
            "based",
            "Kevin Mayer said demand hit the Burbank entertainment giant.",
            False,
        ),
    ],
)
def test_a_word_naming_the_kind_of_answer(
    question: str, word: str, sentence: str, names_kind: bool
) -> None:
    assert _names_answer_kind(analyze(question, KNOWN), word, sentence) is names_kind


@pytest.mark.parametrize(
    ("question", "said", "unsaid"),
    [
        # "a game" is "per game", of the thing counted
        (
            "How many assists a game is LeBron averaging?",
            "He is leading the NBA with 11.1 assists per game.",
            False,
        ),
        (
            "How many points a game is LeBron averaging?",
            "He is leading the NBA with 11.1 assists per game.",
            True,
        ),
        ("How many fans a game do the Wild draw?", "The Wild drew 15,522 fans.", True),
        ("How much does the service cost a month?", "The service costs $6.99 per month.", False),
        ("How many goals has Parise scored in his career?", "Parise scored twice.", True),
        ("How many goals has Parise scored in his career?", "His career total is 400.", False),
        # a total said as one or as all of a number, by the sentence itself
        ("How many companies are in it in total?", "All 14 companies are now eligible.", False),
        ("How many companies are in it in total?", "Five companies join nine others.", True),
        ("How many points did he score in total?", "He scored 30 points in total.", False),
    ],
)
def test_a_count_over_a_span_needs_that_span_said(question: str, said: str, unsaid: bool) -> None:
    assert _scope_unsaid(analyze(question, KNOWN), sentence(said), [sentence(said)]) is unsaid


def sentence(text: str, referred: tuple[str, ...] = (), speakers: tuple[str, ...] = ()) -> Sentence:
    """A sentence as ingest stores it, with the names found in it, those it `referred` to
    as "he" or "she", and its `speakers`."""
    chunk = {"source": "a.txt", "title": "A", "paragraph": 1, "start": 0}
    mentions = "|".join([*(m.text for m in find_mentions(text)), *referred])
    row = {"start": 0, "end": len(text), "position": 0, "mentions": mentions}
    row["speakers"] = "|".join(speakers)
    return sentence_of("a#1:0", "a#1", text, chunk, row)


@pytest.mark.parametrize(
    ("question", "text", "doer"),
    [
        (
            "Who scored 34 points?",
            "James had a triple-double, and Anthony Davis scored 34 points in the win.",
            "Anthony Davis",
        ),
        (
            "Who hit the big 3-pointer late?",
            "After a rebound, Kentavious Caldwell-Pope drilled a 3-pointer with 55 seconds left.",
            "Kentavious Caldwell-Pope",
        ),
        (
            "Who scored the empty-net goal?",
            "Jonas Brodin scored early before winger Jason Zucker’s empty-net goal sealed it.",
            "Jason Zucker",
        ),
        # the doer is no named person: no lead, rather than the nearest name
        (
            "Who undermined the proposal?",
            "The proposal was undermined by lawmakers after President Xi Jinping spoke.",
            None,
        ),
        # the question's own person is not the answer
        ("Who hit Anthony Davis?", "Anthony Davis left after a hit to his face.", None),
        ("Who leads the union?", "The union met on Monday.", None),
        # a company or an agency right before the asked act
        (
            "Who canceled its task order?",
            "NASA picked Astrobotic and OrbitBeyond, but OrbitBeyond canceled its task order.",
            "OrbitBeyond",
        ),
        ("Who announced the new landers?", "WASHINGTON — NASA announced new landers.", "NASA"),
        # not a dateline, an appositive's company (no lead rather than "Ceres Robotics"), nor
        # one before other asked words
        (
            "Who called the award a sign?",
            "Michael Sims, chief executive of Ceres Robotics, called the award a sign.",
            None,
        ),
        ("Who has the most wins?", "He is fifth in NBA history with the most wins.", None),
        # a place before a thing asked, not the act (crime news, football)
        (
            "Who kidnapped the girl?",
            "Police showed the rescue of a Fort Worth girl who was kidnapped in daylight.",
            None,
        ),
        ("Who tackled the quarterback?", "The New York quarterback was tackled late.", None),
        # a name before a thing asked describes the thing (crime news)
        (
            "Who gave police the tip?",
            "Around midnight a tip led Forest Hill police officers to the room.",
            None,
        ),
        ("Who scored 34 points?", "Anthony Davis scored 34 points.", "Anthony Davis"),
        # a clause on the person
        (
            "Who scored 31 points?",
            "The Hawks lost despite Dennis Schröder, who scored 31 points.",
            "Dennis Schröder",
        ),
    ],
)
def test_the_person_a_who_question_is_answered_with(
    question: str, text: str, doer: str | None
) -> None:
    assert _doer(analyze(question, KNOWN), sentence(text)) == doer


@pytest.mark.parametrize(
    ("question", "text", "other"),
    [
        (
            "Who did Parise steal the puck from?",
            "Parise opened the scoring by stripping Sabres center Casey Mittelstadt.",
            True,
        ),
        ("Who did Parise steal the puck from?", "Parise's first-period goals gave a lead.", False),
        (
            "Who did Gwynne Shotwell thank?",
            "Gwynne Shotwell thanked NASA administrator Jim Bridenstine.",
            True,
        ),
        # an organisation is no one else
        (
            "Who did Kevin Mayer criticise?",
            "Kevin Mayer criticised the Indiana Legislature.",
            False,
        ),
    ],
)
def test_a_sentence_naming_someone_else(question: str, text: str, other: bool) -> None:
    assert _names_someone_else(analyze(question, KNOWN), sentence(text)) is other


@pytest.mark.parametrize(
    ("person", "text", "described"),
    [
        (
            "John Roth",
            "“We build our own,” said John Roth, vice president of business development at SNC, "
            "in a statement.",
            "said vice president of business development at SNC",  # not the quote before
        ),
        (
            "Keith Gambill",
            "Indiana State Teachers Association President Keith Gambill told the teachers.",
            "Indiana State Teachers Association President",
        ),
        (
            "Dmitry Peskov",
            "Kremlin spokesperson Dmitry Peskov dismissed it.",
            "Kremlin spokesperson",
        ),
        ("Zach Parise", "Zach Parise scored twice.", ""),
    ],
)
def test_the_words_that_say_who_someone_is(person: str, text: str, described: str) -> None:
    assert " ".join(_described_as(person, text).split()) == described


@pytest.mark.parametrize(
    ("question", "result"),
    [
        ("Did LeBron James win?", True),
        ("Did Zach Parise lose the game?", True),
        ("Did SpaceX beat China last night?", True),
        ("Did LeBron win an MVP award?", False),  # an award, not the game
        ("Did the union win more pay?", False),
        ("Did Schröder score more than 30?", False),
    ],
)
def test_a_yes_no_question_about_who_won(question: str, result: bool) -> None:
    assert _asks_result(analyze(question, KNOWN)) is result


@pytest.mark.parametrize(
    ("question", "text", "names_it"),
    [
        (
            "What is Blue Origin's lander called?",
            "Blue Origin will offer its Blue Moon lander to the agency.",
            True,
        ),
        (
            "What is the name of the campaign?",
            "The campaign, “Starts with one,” ran for years.",
            True,
        ),
        (
            "What is Kevin Mayer's new division called?",
            "Mayer now runs the Streaming Unit division.",
            True,
        ),
        # the thing is spoken of, its name is not given
        (
            "What is Ceres Robotics' lunar lander called?",
            "Michael Sims said Ceres Robotics would use that experience in its lunar landers.",
            False,
        ),
        ("What is the Wild's arena called?", "Zach Parise scored twice in the arena.", False),
        # a word in quotation marks is no title (an advice column, a crime report)
        (
            "What was the waitress's name?",
            "Another waitress who calls me her “sister” did not answer.",
            False,
        ),
        (
            "What was the gang called?",
            "The gang was “dangerous” and armed, officers said.",
            False,
        ),
        ("What was the gang called?", "Police said the gang, “Los Reyes,” was armed.", True),
    ],
)
def test_a_name_asked_for_is_a_name_beside_the_thing(
    question: str, text: str, names_it: bool
) -> None:
    asked = analyze(question, KNOWN)
    assert asked.asks_name
    assert _gives_a_name(asked, sentence(text)) is names_it


DOCK_CHUNKS = [
    story(
        "dover-dock.txt",
        ("Dover reopened its harbour.", "Dover"),
        ("The board approved the dock in March.", ""),
    )
]


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        # a time, and half of six asked words: the rest may be in other words
        ("When did the harbour board approve the new ferry dock?", True),
        ("When did the board approve the ferry?", True),  # two of three
        # one of two is not enough; nor is none
        ("When did the board sail?", False),
        ("When did the new ferry sail?", False),
    ],
)
def test_a_time_whose_sentence_says_half_of_what_is_asked(question: str, answers: bool) -> None:
    index = corpus(DOCK_CHUNKS)
    dock = next(s for s in index.sentences if "dock" in s.text)
    judge_none = ExtractiveAnswerer(index, paraphrase=None)  # nothing said in other words
    asked = analyze(question, index)
    assert judge_none._misses_the_point(asked, Evidence(dock, kind=1.0)) is not answers


COUNT_CHUNKS = [
    story(
        "train-stabbing.txt",
        ("He said it was a fight between two people who knew each other.", ""),
    ),
    story(
        "lander-contracts.txt",
        ("NASA said 14 companies can now bid for lunar lander orders.", "NASA"),
    ),
]


@pytest.mark.parametrize(
    ("question", "text", "answers"),
    [
        # a count of the asked thing saying more than half of the question (a stabbing, a
        # contract): the rest may be in other words
        ("How many people were involved in the fight?", "two people", True),
        ("How many companies can compete for lander orders?", "14 companies", True),
        # half is not enough for a count; nor a count of something else
        ("How many people were involved in the crash?", "two people", False),
        ("How many rockets can bid for lander orders?", "14 companies", False),
    ],
)
def test_a_count_whose_sentence_says_most_of_what_is_asked(
    question: str, text: str, answers: bool
) -> None:
    index = corpus(COUNT_CHUNKS)
    found = next(s for s in index.sentences if text in s.text)
    judge_none = ExtractiveAnswerer(index, paraphrase=None)  # nothing said in other words
    asked = analyze(question, index)
    assert judge_none._misses_the_point(asked, Evidence(found, kind=1.0)) is not answers


AGE_CHUNKS = [
    story(
        "plague-case.txt",
        ("A hunter who ate a wild rabbit has been hit by the plague.", ""),
        ("The 55-year-old is the third resident to contract the disease.", ""),
    ),
    story(
        "rescue.txt",
        ("A teacher was found safe in the woods.", ""),
        ("The 34-year-old had been missing for two days.", ""),
    ),
]


@pytest.mark.parametrize(
    ("question", "text", "answers"),
    [
        # an age opening a sentence stands for the one the sentence before names (a plague
        # case, a rescue)
        ("How old is the hunter?", "55-year-old", True),
        ("How old is the teacher?", "34-year-old", True),
        # not for someone that sentence never names
        ("How old is the doctor?", "55-year-old", False),
        ("How old is the hunter's wife?", "55-year-old", False),
    ],
)
def test_an_age_opening_a_sentence_is_the_one_named_before(
    question: str, text: str, answers: bool
) -> None:
    index = corpus(AGE_CHUNKS)
    found = next(s for s in index.sentences if text in s.text)
    judge_none = ExtractiveAnswerer(index, paraphrase=None)
    asked = analyze(question, index)
    assert judge_none._misses_the_point(asked, Evidence(found, kind=1.0)) is not answers


ORDER_AND_GAME_CHUNKS = [
    story(
        "plane-order.txt",
        ("Emirates signed a deal for 30 of the 787 jets, valued at $8.8 billion.", "Emirates"),
        ("Emirates plans to grow its fleet by the end of 2025.", "Emirates"),
    ),
    story(
        "wild-game.txt",
        ("Parise scored two goals on Tuesday in Buffalo.", "Parise"),
        ("In 2019 Parise scored 25 goals.", "Parise"),
    ),
]


@pytest.mark.parametrize(
    ("question", "text", "answers"),
    [
        # a number or model the question names says which thing it asks of (plane order, game)
        ("When will Emirates get its first 787?", "grow its fleet", False),
        ("When will Emirates grow its fleet?", "grow its fleet", True),
        ("Where did Parise score his 2019 goals?", "on Tuesday in Buffalo", False),
        ("Where did Parise score two goals?", "on Tuesday in Buffalo", True),
        ("Where did Parise score the two goals?", "on Tuesday in Buffalo", True),  # a count
    ],
)
def test_what_a_typed_question_names_is_in_its_sentence(
    question: str, text: str, answers: bool
) -> None:
    index = corpus(ORDER_AND_GAME_CHUNKS)
    found = next(s for s in index.sentences if text in s.text)
    judge_none = ExtractiveAnswerer(index, paraphrase=None)
    asked = analyze(question, index)
    assert judge_none._misses_the_point(asked, Evidence(found, kind=1.0)) is not answers


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        # most of what a yes/no question states, two words or more: the rest in other words
        ("Did the board approve the ferry dock?", True),
        # half is not enough for a yes or a no; nor is one word
        ("Did the board sell the ferry dock?", False),
        ("Did the board sell the ferry?", False),
    ],
)
def test_a_yes_no_sentence_says_most_of_what_is_asked(question: str, answers: bool) -> None:
    index = corpus(DOCK_CHUNKS)
    dock = next(s for s in index.sentences if "dock" in s.text)
    judge_none = ExtractiveAnswerer(index, paraphrase=None)
    asked = analyze(question, index)
    assert judge_none._misses_the_point(asked, Evidence(dock)) is not answers


@pytest.mark.parametrize(
    ("question", "dense", "answers"),
    [
        # a time, a word of the question, and the whole close in meaning: the rest paraphrased
        ("When did the board okay the ferry pier?", 0.62, True),
        ("When did the board okay the ferry pier?", 0.50, False),
        # close in meaning, but sharing no word of what is asked
        ("When did the council okay the ferry pier?", 0.62, False),
    ],
)
def test_a_time_whose_sentence_is_close_in_meaning(
    question: str, dense: float, answers: bool
) -> None:
    index = corpus(DOCK_CHUNKS)
    dock = next(s for s in index.sentences if "dock" in s.text)
    judge_none = ExtractiveAnswerer(index, paraphrase=None)
    asked = analyze(question, index)
    assert judge_none._misses_the_point(asked, Evidence(dock, dense=dense, kind=1.0)) is not answers


@pytest.mark.parametrize(
    ("question", "text", "referred", "doer"),
    [
        (
            "Who led the deal to acquire BamTech?",
            "He led key acquisitions, including Lucasfilm and BamTech.",
            ("Kevin Mayer",),
            "Kevin Mayer",
        ),
        (
            "Who won the award?",
            "She won the award in March, a year after the launch.",
            ("Gwynne Shotwell",),
            "Gwynne Shotwell",
        ),
        # the sentence names someone else as the one who did it
        (
            "Who won the award?",
            "He said Tom Ray won the award in March.",
            ("Kevin Mayer",),
            "Tom Ray",
        ),
    ],
)
def test_who_did_it_is_the_he_of_a_sentence_opening_so(
    question: str, text: str, referred: tuple[str, ...], doer: str
) -> None:
    assert _doer(analyze(question, KNOWN), sentence(text, referred)) == doer


COACH_CHUNKS = [
    story(
        "hawks-win.txt",
        ("Ann Lee scored twice for the Hawks.", "Ann Lee|Hawks"),
        ("“She is playing well,” Hawks coach Tom Ray said.", "Hawks|Tom Ray"),
    ),
    story(
        "owls-loss.txt",
        ("Bo Reed scored once for the Owls.", "Bo Reed|Owls"),
        ("Owls coach Jim Hale and assistant coach Dan Cole left early.", "Owls|Jim Hale|Dan Cole"),
    ),
    story(
        "fans-rally.txt",
        ("The Hawks Fans Association led the march.", "Hawks Fans Association"),
        ("Many fans said the team had earned it.", ""),
    ),
]


@pytest.mark.parametrize(
    ("question", "article", "subject"),
    [
        # a player's coach: the one coach the story names, not the player
        ("What did Ann Lee's coach say about her?", "hawks-win.txt", {"tom", "ray"}),
        # two coaches in the story: no one can be told
        ("What did Bo Reed's coach say about him?", "owls-loss.txt", set()),
        # named as the article names them
        ("What did Tom Ray say about Ann Lee?", "hawks-win.txt", {"tom", "ray"}),
        # "the fans" are no "Hawks Fans Association": a word the story writes plainly
        ("What did the fans say?", "fans-rally.txt", set()),
        # someone of theirs the story never names is not them
        ("What did Ann Lee's husband say about the game?", "hawks-win.txt", set()),
        ("What did Tom Ray's staff think of it?", "hawks-win.txt", set()),
        ("What did Bo Reed's teammates say?", "owls-loss.txt", set()),
        # what someone wrote or issued is their words (a doctor's letter, a club's statement)
        ("What did Tom Ray's letter say?", "hawks-win.txt", {"tom", "ray"}),
        ("What did Jim Hale's statement to the fans say?", "owls-loss.txt", {"jim", "hale"}),
        # no article picked: the coach of the one story naming whom the question names
        ("What did the coach say about Ann Lee?", None, {"tom", "ray"}),
        ("What did the coach say about Bo Reed?", None, {"jim", "hale"}),
        # a title before a name is theirs, whether or not the article gives it them
        ("What did Mayor Bo Reed say?", None, {"bo", "reed"}),
        ("What did Captain Ann Lee say after the game?", "hawks-win.txt", {"ann", "lee"}),
    ],
)
def test_whose_words_a_role_of_someone_asks_for(
    question: str, article: str | None, subject: set
) -> None:
    index = corpus(COACH_CHUNKS)
    asked = replace(analyze(question, index), article=article)
    assert _subject_words(asked, index) == subject


COUNTRY_CHUNKS = [
    story(
        "settlements.txt",
        ("The French foreign ministry said it regrets the decision.", "French"),
        ("Chinese officials said the talks would go on.", "Chinese"),
    ),
    story(
        "cup.txt",
        ("Spain beat Russia 2-1 in Madrid.", "Spain|Russia|Madrid"),
        ("“We were lucky,” said Russian captain Ivan Sokol.", "Ivan Sokol"),
    ),
]


@pytest.mark.parametrize(
    ("question", "article", "subject"),
    [
        # a country asked of, as the article names it or its people (diplomacy)
        ("How did France respond?", "settlements.txt", {"french"}),
        ("what did china say", "settlements.txt", {"chinese"}),
        # a country the article names itself (sport)
        ("What did Spain say?", "cup.txt", {"spain"}),
        # no word of the country in the article: no one
        ("What did Germany say?", "cup.txt", set()),
    ],
)
def test_a_countrys_words_are_its_peoples(question: str, article: str | None, subject: set) -> None:
    index = corpus(COUNTRY_CHUNKS)
    asked = replace(analyze(question, index), article=article)
    assert _subject_words(asked, index) == subject


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("LOS ANGELES (AP) — To LeBron James, triple-doubles are not a goal.", "LOS ANGELES"),
        ("BUFFALO, N.Y. — Hours before the game, the coach spoke.", "BUFFALO, N.Y."),
        ("Indianapolis – Several thousand teachers marched.", "Indianapolis"),
        ("WASHINGTON — NASA announced new landers.", "WASHINGTON"),
        # no dateline: a sentence that opens with a name, a dash later on
        ("Meanwhile, the goalie – a veteran – looked strong.", None),
        ("Rates have risen in states where it is legal.", None),
    ],
)
def test_the_place_a_dateline_names(sentence: str, place: str | None) -> None:
    assert _dateline_place(sentence) == place


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Where was the game played?", True),
        ("Where was the SpaceX launch held?", True),  # a name, with an event's words
        ("Where did the protest take place?", True),
        ("where did the rally happen", True),
        # a place of someone or something else
        ("Where was LeBron born?", False),
        ("Where does the superintendent work?", False),
        ("Where did the teachers go after the rally?", False),
        ("When was the game played?", False),
    ],
)
def test_questions_on_where_the_story_happened(question: str, asks: bool) -> None:
    assert _asks_where_the_story_happened(analyze(question, KNOWN)) is asks


SPENDING_CHUNKS = [
    story(
        "studio-streaming.txt",
        ("Studio spends big on streaming", ""),
        ("Acme has spent more than $3 billion on programming.", "Acme"),
        ("Viewers have signed up in large numbers.", ""),
        ("Some complained about the glitches.", ""),
        ("It also bought Reelco, a small tech firm, in 2017.", "Reelco"),
        ("Coach Lee Ray's Hawks scored 31 points against the Owls.", "Lee Ray|Hawks|Owls"),
    )
]


@pytest.mark.parametrize(
    ("sentence", "name", "says_who"),
    [
        (
            "Gwynne Shotwell, president and chief operating officer of SpaceX, said so.",
            "shotwell",
            True,
        ),
        (
            "Mayer, Disney’s chairman of direct-to-consumer and international, said Tuesday.",
            "mayer",
            True,
        ),
        (
            "It did not appeal to Julie Graham, Washington State Department of Health public "
            "information officer, she said.",
            "graham",
            True,
        ),
        ("Mayer was named chairman of the division in March 2018.", "mayer", True),
        ("Bruce Boudreau is the Wild coach.", "boudreau", True),
        # a suffix after the surname (courts)
        ("James P. Kennedy Jr., the U.S. Attorney for the district, said so.", "kennedy", True),
        ("Ken Griffey Sr. was a scout for the team.", "griffey", True),
        # a role of something before the name (a prosecution, a company, a team)
        (
            "“It is weak,” Sweden’s deputy director of public prosecutions, Eva-Marie Persson, "
            "said on Tuesday.",
            "persson",
            True,
        ),
        ("The company's head of sales, Maria Lopez, left in May.", "lopez", True),
        ("The coach of the Wild, Bruce Boudreau, spoke first.", "boudreau", True),
        # a role of something that is not the person's
        ("The director of the film praised Lopez, who starred.", "lopez", False),
        # what someone did, said or was near is not what they are
        ("James, who had 25 points and 11 rebounds, thanked the coach.", "james", False),
        ("Parise, Suter and the coach left.", "parise", False),
        ("Mayer said the glitch was fixed.", "mayer", False),
    ],
)
def test_a_sentence_that_says_what_someone_is(sentence: str, name: str, says_who: bool) -> None:
    assert _describes(sentence, frozenset({name})) is says_who


@pytest.mark.parametrize(
    ("sentence", "name", "gives_job"),
    [
        # a job, in any of the ways a description names one (court news, sport, business)
        ("Bruce Boudreau is the Wild coach.", "boudreau", True),
        ("Julie Graham, a state health officer, said so.", "graham", True),
        ("Mayer was named chairman of the division in March 2018.", "mayer", True),
        ("Ann Lee, 45, works as a nurse in Ohio.", "lee", True),
        ("Sims is a former NASA scientist.", "sims", True),
        # a role of several people together (a hostage story, a school strike)
        ("Kevin King and Tim Weeks, both professors in Kabul, were freed.", "weeks", True),
        ("Ann Lee and Bo Reed, two teachers at the school, marched.", "reed", True),
        # a description that gives no work
        ("Carlineo is a convicted felon and owned a handgun.", "carlineo", False),
        ("Parise, a native of Minnesota, scored twice.", "parise", False),
    ],
)
def test_a_sentence_that_says_what_work_someone_does(
    sentence: str, name: str, gives_job: bool
) -> None:
    assert _describes(sentence, frozenset({name}), job=True) is gives_job


@pytest.mark.parametrize(
    ("question", "sentence", "mentions", "span"),
    [
        # the count that follows the person asked about, not the first one of the asked thing
        (
            "How many rebounds did Davis have?",
            "LeBron James had 11 rebounds and Anthony Davis grabbed 9 rebounds.",
            ("Anthony Davis", "LeBron James"),
            "9 rebounds",
        ),
        (
            "How many rebounds did James have?",
            "LeBron James had 11 rebounds and Anthony Davis grabbed 9 rebounds.",
            ("Anthony Davis", "LeBron James"),
            "11 rebounds",
        ),
        (
            "How many goals did Parise score?",
            "Zach Parise added two goals, but the Sabres scored one goal late.",
            ("Zach Parise", "Sabres"),
            "two goals",
        ),
    ],
)
def test_the_count_led_with_is_the_asked_persons(
    question: str, sentence: str, mentions: tuple[str, ...], span: str
) -> None:
    assert _fact_span(analyze(question, KNOWN), sentence, mentions) == span


@pytest.mark.parametrize(
    ("text", "asks_most", "says_most"),
    [
        ("What's the best Pixar movie ever made?", True, True),  # "ever"
        ("Disney+ is stocked with movies from Pixar Animation and Marvel Studios.", False, False),
        ("James is fifth in NBA history with 86 triple-doubles.", False, True),
        ("It was the largest teacher protest in the state.", True, True),
        ("Parise scored the latest of his goals.", False, True),
        ("The teachers protest to request better pay in the west.", False, False),
        ("Who was the strongest critic of the campaign?", True, True),
        ("Who criticised the campaign?", False, False),
        # a word that ranks first without "-est" (markets, medicine)
        ("Nomura identified SBI and ICICI Bank as its key beneficiaries.", False, True),
        ("Smoking is the leading cause of lung cancer.", False, True),
    ],
)
def test_asking_and_saying_the_most_of_something(
    text: str, asks_most: bool, says_most: bool
) -> None:
    assert (bool(SUPERLATIVE.search(text)), bool(SUPERLATIVE_SAID.search(text))) == (
        asks_most,
        says_most,
    )


@pytest.mark.parametrize(
    ("sentence", "lists"),
    [
        (
            "NASA said the five companies — Blue Origin, Ceres Robotics, Sierra Nevada Corporation "
            "(SNC), SpaceX and Tyvak — had been selected.",
            True,
        ),
        (
            "The four players — Oscar Robertson, Russell Westbrook, Magic Johnson and Jason Kidd.",
            True,
        ),
        (
            "States with it legal by 2016— Colorado,Washington, Alaska, and Oregon— gained.",
            True,
        ),
        ("The group ranges from small ventures to Blue Origin and SpaceX.", False),
        # two names and a third after "and"
        ("Other teacher protests were held in West Virginia, Oklahoma and Arizona.", True),
        ("He led acquisitions, including Marvel Entertainment, Lucasfilm and BamTech.", True),
        ("WASHINGTON — NASA announced Nov. 18 that it was adding five companies.", False),
    ],
)
def test_a_sentence_that_lists_names(sentence: str, lists: bool) -> None:
    assert (NAME_LIST.search(sentence) is not None) is lists


@pytest.mark.parametrize(
    ("question", "to_come"),
    [
        ("Will Dumba miss the next game?", True),
        ("Who will win that one?", True),
        ("How many people will attend the rally?", True),
        ("What will the rover look for?", True),
        ("Who won the game?", False),
        ("What did the willing teachers say?", False),
        ("Who do the Wild play next?", True),
    ],
)
def test_questions_about_what_is_to_come(question: str, to_come: bool) -> None:
    assert bool(WILL_QUESTION.search(question)) is to_come


@pytest.mark.parametrize(
    ("question", "sentence", "seen"),
    [
        # a place the question names is no answer to where in it something happened
        (
            "Where in China did Peskov travel?",
            "Peskov was traveling to China for talks.",
            "______ was traveling to _____ for talks.",
        ),
        (
            "Where did Peskov travel?",
            "Peskov was traveling to China for talks.",
            "______ was traveling to China for talks.",
        ),
        (
            "When did Peskov visit China?",
            "Peskov visited China in March.",
            "Peskov visited China in March.",
        ),
        # where someone is from or lives: not the place the story was filed from (sport,
        # politics)
        (
            "what town is Peskov from",
            "MADRID — Peskov won his match.",
            "         ______ won his match.",
        ),
        (
            "Where did Peskov grow up?",
            "COLUMBIA, S.C. (AP) — Peskov spoke on Tuesday.",
            "                      ______ spoke on Tuesday.",
        ),
        # where something happened may be there
        (
            "Where was the match played?",
            "MADRID — Peskov won his match.",
            "MADRID — Peskov won his match.",
        ),
    ],
)
def test_where_the_question_names_is_no_place_found(
    question: str, sentence: str, seen: str
) -> None:
    assert _asked_names_blanked(analyze(question, KNOWN), sentence) == seen


@pytest.mark.parametrize(
    ("question", "sentence", "names_one"),
    [
        (
            "In which journal did the study appear?",
            "The research published in the journal JAMA Psychiatry argued so.",
            True,
        ),
        ("Which survey did they use?", "They filled in The National Survey on Drug Use.", True),
        ("Which arena did the Wild play in?", "The Wild won at KeyBank Center.", False),
        ("Which journal published it?", "The journal said so on Monday.", False),
    ],
)
def test_a_sentence_naming_a_thing_of_the_asked_kind(
    question: str, sentence: str, names_one: bool
) -> None:
    assert _names_one_of_kind(analyze(question, KNOWN), sentence) is names_one


@pytest.mark.parametrize(
    ("sentence", "counted", "asked", "counts"),
    [
        ("He added twenty points off the bench.", "point", set(), True),
        # a count of times the asked act was done counts what it makes
        ("Parise scores twice as Wild beat Sabres.", "goal", {"scored", "goals"}, True),
        ("Parise scored once in ten games.", "goal", {"scored", "goals"}, True),
        ("Parise was twice named captain.", "goal", {"scored", "goals"}, False),
    ],
)
def test_number_words_and_times_count(
    sentence: str, counted: str, asked: set[str], counts: bool
) -> None:
    assert counts_directly(sentence, counted, asked) is counts


LISTED = (
    "James is fifth in NBA history with 86 triple-doubles, but the four players in front of "
    "him — Oscar Robertson, Russell Westbrook, Lakers great Magic Johnson and Lakers assistant "
    "coach Jason Kidd — hadn’t done it against 30 teams."
)


@pytest.mark.parametrize(
    ("question", "sentence", "apart"),
    [
        # the asked one only in a list of names that holds no count
        ("How many triple-doubles does Westbrook have?", LISTED, True),
        ("How many triple-doubles does Kidd have?", LISTED, True),
        ("How many triple-doubles does James have?", LISTED, False),
        (
            "How many points did Davis score?",
            "Anthony Davis scored 34 points, and LeBron James, Danny Green and Kyle Kuzma added.",
            False,
        ),
        (
            "How many goals did Parise score?",
            "The scorers were Ryan Suter, Zach Parise with 2 goals, and Jonas Brodin.",
            False,
        ),
    ],
)
def test_a_count_beside_a_list_is_not_of_those_listed(
    question: str, sentence: str, apart: bool
) -> None:
    players = Known(
        ["LeBron James", "Russell Westbrook", "Jason Kidd", "Anthony Davis", "Zach Parise"],
        "points goals triple doubles",
    )
    assert _listed_apart(analyze(question, players), sentence) is apart


@pytest.mark.parametrize(
    ("kind", "sentence", "name"),
    [
        # after the kind word
        (
            "journal",
            "The research published in the journal JAMA Psychiatry argued it.",
            "JAMA Psychiatry",
        ),
        ("coach", "The four players include Lakers assistant coach Jason Kidd.", "Jason Kidd"),
        # before a description that ends in the kind
        (
            "firm",
            "He led acquisitions, including BamTech, the previously little-known firm.",
            "BamTech",
        ),
        ("agency", "Sanborn runs Chapter & Verse, a Spokane design agency.", "Chapter & Verse"),
        ("company", "Blue Origin, a company founded by Jeff Bezos, bid a lander.", "Blue Origin"),
        # the kind named plainly: no name
        ("teacher", "A teacher from near Evansville said pay was low.", None),
        # an outlet, as the one a source told something
        ("outlet", "Ian Hamilton, who did not work on the study, told Newsweek: “...”", "Newsweek"),
        ("newspaper", "The coach told The Denver Post he was pleased.", "The Denver Post"),
        ("outlet", "She told Ian Hamilton the study was flawed.", None),
        ("company", "He told Newsweek it was a hard call.", None),
    ],
)
def test_the_name_a_sentence_gives_a_thing_of_the_asked_kind(
    kind: str, sentence: str, name: str | None
) -> None:
    assert name_of_kind(kind, sentence) == name


@pytest.mark.parametrize(
    ("question", "sentence", "lead"),
    [
        (
            "Which journal put out the research?",
            "The authors of the research published in the journal JAMA Psychiatry argued.",
            "JAMA Psychiatry",
        ),
        (
            "Which teacher said politicians have demonized educators?",
            "Joel Schlabach, a teacher at Richmond High School, said politicians vilified them.",
            "Joel Schlabach",
        ),
        # asked what it is called: a title in quotation marks before the kind word
        (
            "What is the campaign called?",
            "South Dakota’s viral “Meth. We’re on it.” awareness campaign drew mockery.",
            "Meth. We’re on it",
        ),
        (
            "What was the song called?",
            "The teachers sang loudly, song after song.",
            None,  # no title
        ),
        # not when it asks which one: "What campaign did DH create?" is no question of a title
        (
            "What campaign did DH create?",
            "DH developed the “Starts with one” campaign.",
            None,
        ),
        # a name the question gives already leads nothing
        (
            "Which journal did JAMA Psychiatry call a rival?",
            "The journal JAMA Psychiatry named no rival.",
            None,
        ),
    ],
)
def test_a_which_question_leads_with_the_name_of_the_kind(
    question: str, sentence: str, lead: str | None
) -> None:
    assert _kind_named(analyze(question, KNOWN), sentence) == lead


@pytest.mark.parametrize(
    ("question", "verb", "sentence", "said"),
    [
        # a phrasal verb said by the single verb news writes for it
        ("When did South Dakota roll out the campaign?", "roll", "It was introduced Monday.", True),
        ("How many people signed up for the rally?", "sign", "15,000 people registered.", True),
        ("Were people making fun of the ads?", "make", "The ads drew backlash and mockery.", True),
        ("When did Disney+ go live?", "go", "Disney+ launched on Tuesday.", True),
        ("What time did her group head out?", "head", "They left about 4:30 a.m.", True),
        ("When did the study come out?", "come", "It was published online today.", True),
        ("When does the console come out?", "come", "It launches tomorrow.", True),
        ("Why did they give up on the case?", "give", "Prosecutors dropped it.", True),
        ("Who signed off on the request?", "sign", "The minister approved it.", True),
        # an irregular past, as its present
        ("Who got back in the game?", "got", "Kuzma returned in the second half.", True),
        ("Which company took over the project?", "took", "Tyvak replaced OrbitBeyond.", True),
        ("How many fans turned out?", "turn", "About 15,000 people attended.", True),
        # the verb alone, or another particle, is not the phrase
        ("When did South Dakota roll the dice?", "roll", "It was introduced Monday.", False),
        ("When did the lander go up?", "go", "It launched on Tuesday.", False),
    ],
)
def test_a_phrasal_verb_is_said_by_its_single_verb(
    question: str, verb: str, sentence: str, said: bool
) -> None:
    found = _with_phrasal(analyze(question, KNOWN), set(stems(words(sentence))))
    assert (verb in found) is said


@pytest.mark.parametrize(
    ("question", "text", "speakers", "is_quote", "speaks"),
    [
        # his quote speaking as "we" says his team
        (
            "Where did Michael Sims's team build the lander?",
            "“We built it in our shop in Colorado,” Sims said.",
            ("Michael Sims",),
            True,
            True,
        ),
        (
            "What did Kevin Mayer's staff do?",
            "“We had some issues,” Mayer said.",
            ("Kevin Mayer",),
            True,
            True,
        ),
        # someone else's "we", or no "we" at all
        (
            "Where did Michael Sims's team build the lander?",
            "“We built it in our shop in Colorado,” Shotwell said.",
            ("Gwynne Shotwell",),
            True,
            False,
        ),
        (
            "What did Kevin Mayer's staff do?",
            "“The demand was overwhelming,” Mayer said.",
            ("Kevin Mayer",),
            True,
            False,
        ),
    ],
)
def test_a_quote_speaking_as_we_is_for_the_speakers_group(
    question: str, text: str, speakers: tuple[str, ...], is_quote: bool, speaks: bool
) -> None:
    said = replace(sentence(text, ()), speakers=speakers, is_quote=is_quote)
    assert _speaks_for_own_group(analyze(question, KNOWN), said) is speaks


@pytest.mark.parametrize(
    ("question", "sentence", "description"),
    [
        # the title before the name, its own phrase only
        (
            "Who is Dmitry Peskov?",
            "Lukashenko called for a truce, but Kremlin spokesperson Dmitry Peskov dismissed it.",
            "Kremlin spokesperson",
        ),
        (
            "Who is Bruce Boudreau?",
            "Hours before the game Tuesday, Wild coach Bruce Boudreau expressed confidence.",
            "Wild coach",
        ),
        (
            "Who is Alexander Lukashenko?",
            "Belarusian President Alexander Lukashenko called for a truce.",
            "Belarusian President",
        ),
        # two titles joined, one with a prefix (business news)
        (
            "Who is Adam Neumann?",
            "After CEO and co-founder Adam Neumann left the company, the bank stepped in.",
            "CEO and co-founder",
        ),
        # a title after a speech verb, without the verb (court, politics)
        (
            "Who is Lukashenko?",
            "“We are ready,” said Belarusian President Alexander Lukashenko.",
            "Belarusian President",
        ),
        # the appositive after it, or what the name is, when it is short and says a role
        (
            "Who is Gwynne Shotwell?",
            "Gwynne Shotwell, president and chief operating officer of SpaceX, said it could fly.",
            "president and chief operating officer of SpaceX",
        ),
        (
            "Who is Michael Sims?",
            "Michael Sims, a longtime engineer who once worked at NASA, said it was a sign.",
            "a longtime engineer",
        ),
        (
            "Who is Kevin Mayer?",
            "Mayer was named chairman of Disney’s streaming division in March 2018.",
            "chairman of Disney’s streaming division",
        ),
        # nothing said of who they are, or only a courtesy title
        ("Who is Zach Parise?", "Right now, Parise is brimming with confidence.", None),
        ("Who is Michael Sims?", "Senior author Dr. Michael Sims said so.", None),
        ("Who is Dennis Schröder?", "Dennis Schröder scored 20 points in the first half.", None),
    ],
)
def test_who_is_leads_with_what_the_sentence_calls_them(
    question: str, sentence: str, description: str | None
) -> None:
    assert _description(analyze(question, KNOWN), sentence) == description


ACRONYM_CHUNKS = [
    story(
        "landers.txt",
        ("Agency adds lander firms", ""),
        (
            "The agency picked Sierra Nevada Corporation (SNC) and two others.",
            "Sierra Nevada Corporation",
        ),
        ("The choice was made last week.", ""),
        ("Officials spoke on a call.", ""),
        ("Another firm may join later.", ""),
        ("SNC would be able to start lander missions in 2022, he said.", ""),
    ),
    story(
        "teachers.txt",
        ("Teachers rally", ""),
        ("The Ohio Education Association (OEA) called the rally.", "Ohio Education Association"),
        ("The rally is on Tuesday.", ""),
        ("Schools will close.", ""),
        ("Parents were told last week.", ""),
        ("The OEA expects 9,000 teachers to attend.", ""),
        ("Organisers expect 5,000 parents to attend.", ""),
        ("Buses will run all day.", ""),
        ("Streets will be closed.", ""),
        ("The city expects 200 police officers on duty.", ""),
    ),
]


@pytest.mark.parametrize(
    ("question", "sentence", "holds"),
    [
        # "how many": a number of the asked thing, however the sentence calls it
        ("How many people were at the game?", "the Sabres lost in front of 15,522.", True),
        ("How many fans were at the game?", "He played in all 10 games.", False),
        ("How many seasons has he played?", "the play he has shown for 17 NBA seasons", True),
        ("How many teachers came?", "More than 15,000 people registered for the rally.", False),
        # other kinds: any fact of the kind
        ("When did the campaign start?", "It was introduced on Monday.", True),
        ("Where was the rally?", "The union held a rally.", False),
    ],
)
def test_the_sentences_a_scan_of_the_article_looks_for(
    question: str, sentence: str, holds: bool
) -> None:
    assert _holding_kind_of(analyze(question, KNOWN))(sentence) is holds


RESTATED_CHUNKS = [
    story(
        "streaming-launch.txt",
        ("Streaming service stumbles", ""),
        (
            "Kevin Mayer said overwhelming demand and a glitch led to problems at launch.",
            "Kevin Mayer",
        ),
    ),
    story(
        "rally.txt",
        ("Teachers rally", ""),
        (
            "Jennifer McCormick told cheering teachers that they weren't asking for the moon.",
            "Jennifer McCormick",
        ),
    ),
    story(
        "advice-column.txt",
        ("Dear Sam", ""),
        ("My older brother was diagnosed with diabetes last spring.", ""),
    ),
    story(
        "hockey.txt",
        ("Rangers fall", ""),
        ("The Rangers lost winger Tom Blake, who left in the second period with an injury.", ""),
    ),
    story(
        "strike.txt",
        ("Teachers march", ""),
        ("Teachers from three school districts marched at the rally on Tuesday.", ""),
    ),
]


@pytest.mark.parametrize(
    ("question", "evidence", "dense", "answers"),
    [
        # most of a "who" question's points, the act in other words, the whole close in meaning
        ("Who blamed huge demand for the launch problems?", "demand", 0.66, True),
        ("Who blamed huge demand for the launch problems?", "demand", 0.50, False),
        ("Who assured teachers they weren't asking for the moon?", "moon", 0.62, True),
        # half of them is not enough: the act asked may be another
        ("Who blamed the launch?", "demand", 0.66, False),
        # most of a "what"/"which" question's points (two or more), the kind asked in the
        # sentence's own words ("diabetes" an illness, a winger a forward), close in meaning
        ("What illness does the older brother have?", "diabetes", 0.55, True),
        ("What illness does the older brother have?", "diabetes", 0.40, False),
        ("Which Rangers forward left with an injury?", "winger", 0.60, True),
        ("Which Rangers forward left with an injury?", "winger", 0.45, False),
        # half of them is not enough: what is asked may be something else
        ("What illness does the brother have?", "diabetes", 0.70, False),
        # nor is most of them without the act asked: marching is no staying open
        ("Which school districts stayed open during the rally?", "marched", 0.60, False),
        ("Which school districts marched at the rally?", "marched", 0.60, True),
    ],
)
def test_a_sentence_saying_most_of_a_question_the_rest_in_other_words(
    question: str, evidence: str, dense: float, answers: bool
) -> None:
    index = corpus(RESTATED_CHUNKS)
    found = next(s for s in index.sentences if evidence in s.text)
    judge_none = ExtractiveAnswerer(index, paraphrase=None)
    asked = analyze(question, index)
    assert judge_none._misses_the_point(asked, Evidence(found, dense=dense)) is not answers


@pytest.mark.parametrize(
    ("byline", "names_publisher"),
    [
        ("Tom Davies, Associated Press", True),
        ("By Jane Doe | Reuters", True),
        ("By Sam Lee, The Denver Post", True),
        ("by Jeff Foust — November 18, 2019", False),
        ("By Jane Doe, November 18, 2019", False),
        ("By Jane Doe, staff writer", False),
        ("Jeff Foust", False),
    ],
)
def test_a_byline_naming_its_publisher(byline: str, names_publisher: bool) -> None:
    assert (PUBLISHER_IN_BYLINE.search(byline) is not None) is names_publisher


PLURAL_CHUNKS = [
    story(
        "budget.txt",
        ("Teachers rally", ""),
        ("Republican leaders met on Monday.", "Republican"),
        ("Teachers want more.", ""),
        ("Schools will close.", ""),
        ("Parents were told last week.", ""),
        ("The budget approved by Republicans boosted spending by 2.5%.", "Republicans"),
        ("Buses will run all day.", ""),
        ("Streets will be closed.", ""),
        ("Police will be out.", ""),
        ("The union spent $2 million on ads.", ""),
    ),
    story(
        "plan.txt",
        ("Lawmakers weigh plan", ""),
        ("Democrat leaders spoke on Friday.", "Democrat"),
        ("The vote is next week.", ""),
        ("Few expect it to pass.", ""),
        ("Some want changes.", ""),
        ("The plan backed by Democrats would cost $5 billion.", "Democrats"),
    ),
]


TEAM_CHUNKS = [
    story(
        "game.txt",
        ("Late run falls short", ""),
        ("Oklahoma City came in tired, and Atlanta fans were loud.", "Oklahoma City|Atlanta"),
        ("The Hawks led by 11 late.", "Hawks"),
        ("Fans stood.", ""),
        ("Coaches argued.", ""),
        ("Refs talked.", ""),
        ("Then the Thunder scored nine straight points.", "Thunder"),
    ),
]
RATE_CHUNKS = [
    story(
        "rates.txt",
        ("Use rises where weed is legal", ""),
        ("Rates of use disorder rose in states where it is legal.", ""),
        ("Doctors were surprised.", ""),
        ("Surveys ran for years.", ""),
        ("More states may follow.", ""),
        ("The team looked at Colorado and Oregon.", "Colorado|Oregon"),
        ("Results varied.", ""),
        ("Some fell.", ""),
        ("In Oregon the rate was 4 percent.", "Oregon"),
    ),
]


NATION_CHUNKS = [
    story(
        "inquiry.txt",
        ("Swedish law sets a limit.", "Swedish"),
        ("Prosecutors have dropped the inquiry.", ""),
        ("They said it had weakened.", ""),
        ("Sweden said so on Tuesday.", "Sweden"),
        ("Prosecutors spoke after interviews with seven witnesses.", ""),
    ),
    story(
        "plague.txt",
        ("Japanese doctors flew in.", "Japanese"),
        ("Two patients are in hospital.", ""),
        ("The risk is low.", ""),
        ("Officials in China said 28 people were watched.", "China"),
    ),
]


@pytest.mark.parametrize(
    ("chunks", "question", "evidence", "other"),
    [
        # a people's word is named by its country's name (court news, health news)
        (NATION_CHUNKS, "How many witnesses did Swedish prosecutors talk to?", "seven", False),
        (NATION_CHUNKS, "How many people did Chinese officials watch?", "28 people", False),
        (NATION_CHUNKS, "How many people did Japanese officials watch?", "28 people", True),
        # a fact question asks about each name it gives: a fact of one of them alone is not it
        (SPENDING_CHUNKS, "How much did Acme pay for Reelco?", "$3 billion", True),
        (SPENDING_CHUNKS, "How much has Acme spent on programming?", "$3 billion", False),
        (
            SPENDING_CHUNKS,
            "How many points did the Hawks score against the Owls?",
            "31 points",
            False,
        ),
        (SPENDING_CHUNKS, "How many points did Acme's Hawks score?", "31 points", True),
        # other questions: one of the names, when the article quotes none of them
        (SPENDING_CHUNKS, "What did Acme and Reelco build?", "$3 billion", False),
        # an acronym the article spelled out names the one asked about by its full name
        (ACRONYM_CHUNKS, "When could Sierra Nevada start lander missions?", "start lander", False),
        (
            ACRONYM_CHUNKS,
            "How many teachers does the Ohio Education Association expect?",
            "9,000",
            False,
        ),
        (
            ACRONYM_CHUNKS,
            "How many officers does the Ohio Education Association expect?",
            "200",
            True,
        ),
        # a measure asked of a named place: not the measure of all of them, nor another's
        (RATE_CHUNKS, "What was the rate in Colorado?", "Rates of use", True),
        (RATE_CHUNKS, "What was the rate in Colorado?", "In Oregon", True),
        (RATE_CHUNKS, "What was the rate in Oregon?", "In Oregon", False),
        # a team's nickname names the place it plays for
        (TEAM_CHUNKS, "How many points did Oklahoma City score in a row?", "nine straight", False),
        (TEAM_CHUNKS, "How many points did Atlanta score in a row?", "nine straight", True),
        # a plural names the one asked about in the singular
        (PLURAL_CHUNKS, "By how much did the Republican budget boost spending?", "2.5%", False),
        (PLURAL_CHUNKS, "How much would the Democrat plan cost?", "$5 billion", False),
        (PLURAL_CHUNKS, "How much did the Republican union spend?", "$2 million", True),
    ],
)
def test_a_fact_is_about_the_names_the_question_gives(
    chunks: list, question: str, evidence: str, other: bool
) -> None:
    index = corpus(chunks)
    found = next(s for s in index.sentences if evidence in s.text)
    answerer = ExtractiveAnswerer(index, paraphrase=None)
    assert answerer._about_someone_else(analyze(question, index), Evidence(found)) is other


@pytest.mark.parametrize(
    ("question", "said", "purposes"),
    [
        # an act the sentence says; its purpose may go unsaid
        (
            "How many people registered to attend?",
            "15,000 people registered for the rally",
            {"attend"},
        ),
        ("How many firms applied to fly payloads?", "eight firms applied for the work", {"fli"}),
        ("How many people signed up to attend?", "people signed up for the rally", {"attend"}),
        # the act unsaid, or not an act done ("went to college", "to the moon")
        ("How many people registered to attend?", "15,000 people came to the rally", set()),
        ("How many teachers went to college?", "teachers went on strike", set()),
        ("How many landers were sent to the moon?", "landers were sent", set()),
    ],
)
def test_the_purpose_of_an_act_the_sentence_says(
    question: str, said: str, purposes: set[str]
) -> None:
    assert _purposes_of(analyze(question, KNOWN), set(stems(words(said)))) == purposes


@pytest.mark.parametrize(
    ("question", "sentence", "other_role"),
    [
        (
            "Who is the NASA administrator?",
            "Steve Clarke, deputy associate administrator for exploration, said so.",
            True,
        ),
        ("Who is the president of the union?", "Its vice president, Ann Lee, spoke.", True),
        ("Who was the CEO before Mayer?", "Former CEO Tom Staggs left in 2016.", True),
        # the role itself, or the qualified one asked
        ("Who is the union's president?", "Union president Keith Gambill spoke.", False),
        ("Who is the vice president of SNC?", "John Roth, vice president at SNC, said.", False),
        (
            "Who is the coach of the Wild?",
            "Assistant coach Ann Lee and coach Bruce Boudreau.",
            False,
        ),
    ],
)
def test_a_role_said_only_as_another_one(question: str, sentence: str, other_role: bool) -> None:
    assert _qualified_role(analyze(question, KNOWN), sentence) is other_role


@pytest.mark.parametrize(
    ("question", "sentence", "epithet"),
    [
        (
            "Why has Parise been struggling?",
            "Alex Stalock, who subbed for the struggling Zach Parise, looked strong.",
            True,
        ),
        ("Why was the company embattled?", "Shares of the embattled Walt Disney Co fell.", True),
        # the state said of someone, where a cause may follow
        ("Why has Parise been struggling?", "Parise has been struggling since his injury.", False),
        ("Why were the teachers protesting?", "The protesting teachers want pay.", False),
    ],
)
def test_a_state_said_only_before_whom_it_describes(
    question: str, sentence: str, epithet: bool
) -> None:
    assert _only_as_epithet(analyze(question, KNOWN).points, sentence) is epithet


@pytest.mark.parametrize(
    ("question", "text", "names"),
    [
        (
            "which gaming sites?",
            "“We were doing our advertising on gaming sites, because of research,” Graham said.",
            False,
        ),
        ("Which teams did he play for?", "He played for several teams in his career.", False),
        ("Which Star Wars series is streaming?", "The service streams “Star Wars” shows.", False),
        # a name, a title or a number the question does not give
        (
            "Which states have legalized it?",
            "The team looked at states where it was legal — Colorado, Washington, Alaska.",
            True,
        ),
        (
            "Which movies are on Disney+?",
            "The service is stocked with classic fare, including “Mary Poppins” and “Bambi.”",
            True,
        ),
        ("Which age group saw the biggest rise?", "Use rose most among those aged 12 to 17.", True),
    ],
)
def test_a_which_question_needs_a_thing_named(question: str, text: str, names: bool) -> None:
    speakers = ("Julie Graham",) if "Graham said" in text else ()
    assert _names_one(analyze(question, KNOWN), sentence(text, speakers=speakers)) is names


@pytest.mark.parametrize(
    ("question", "text", "another"),
    [
        (
            "How many saves did the Sabres goalie make?",
            "Wild goalie Alex Stalock looked strong, stopping 30 shots.",
            True,
        ),
        (
            "What did the Lakers coach say?",
            "Thunder coach Billy Donovan said they were tired.",
            True,
        ),
        # the asked owner's role, or a role no team owns in the sentence
        (
            "How many saves did the Wild goalie make?",
            "Wild goalie Alex Stalock looked strong, stopping 30 shots.",
            False,
        ),
        ("Where is Sanborn's agency?", "Sanborn runs a Spokane design agency.", False),
        ("What did the Lakers coach say?", "The coach said they were tired.", False),
    ],
)
def test_a_role_of_the_asked_side_given_to_another(question: str, text: str, another: bool) -> None:
    known = Known(["Sabres", "Wild", "Lakers", "Thunder", "Sanborn"], "")
    assert _owned_by_another(analyze(question, known), text) is another


INTRODUCING_CHUNKS = [
    story(
        "statehouse.txt",
        ("Teachers rally for pay", ""),
        ("Indiana House Speaker Brian Bosma spoke before lawmakers.", "Brian Bosma"),
        ("Bosma said lawmakers would take action on test scores.", "Brian Bosma"),
    ),
    story(
        "landers.txt",
        ("Five firms join NASA's lander program", ""),
        ("Gwynne Shotwell, president of SpaceX, described Starship.", "Gwynne Shotwell|SpaceX"),
        ("Shotwell said missions could begin in 2022.", "Gwynne Shotwell"),
    ),
]


@pytest.mark.parametrize(
    ("person", "cited", "added"),
    [
        # named by surname only: the sentence that writes the name whole joins it
        (
            "Brian Bosma",
            "Bosma said lawmakers",
            "Indiana House Speaker Brian Bosma spoke before lawmakers.",
        ),
        (
            "Gwynne Shotwell",
            "Shotwell said missions",
            "Gwynne Shotwell, president of SpaceX, described Starship.",
        ),
        # already named whole, or not a person's name
        ("Gwynne Shotwell", "Gwynne Shotwell, president", None),
        ("SpaceX", "Shotwell said missions", None),
    ],
)
def test_a_who_answer_cites_where_the_article_names_the_person_whole(
    person: str, cited: str, added: str | None
) -> None:
    index = corpus(INTRODUCING_CHUNKS)
    chosen = [Evidence(next(s for s in index.sentences if cited in s.text))]
    answerer = ExtractiveAnswerer(index, paraphrase=None)
    texts = [e.text for e in answerer._with_introduction(person, chosen)]
    assert texts == [chosen[0].text, *([added] if added else [])]


@pytest.mark.parametrize(
    ("question", "sentence", "owned"),
    [
        # the count the asked name owns, as its possessive
        ("How many goals did Parise score?", "Hours before Zach Parise’s two-goal night.", True),
        ("How many points did Davis score?", "Anthony Davis's 34 points led the Lakers.", True),
        # a count near the name but someone else's, or of another thing
        (
            "How many goals did Parise score?",
            "Parise’s goals gave the Wild a commanding two-goal lead.",
            False,
        ),
        ("How many points did Davis score?", "Anthony Davis's 12 rebounds led the Lakers.", False),
        ("How many points did Davis score?", "James's 25 points led the Lakers.", False),
    ],
)
def test_a_count_the_asked_name_owns(question: str, sentence: str, owned: bool) -> None:
    assert _count_owned_by_asked(analyze(question, KNOWN), sentence) is owned


@pytest.mark.parametrize(
    ("question", "sentence", "alike"),
    [
        # things news counts under another name (soccer, aviation)
        ("How many games have Spurs won?", "Spurs have won just five matches.", {"match"}),
        ("How many planes are grounded?", "Roughly 400 jets have been grounded.", {"jet"}),
        # people counted as a place's residents (health policy, elections)
        (
            "How many people got coverage?",
            "An estimated 100,000 residents would be eligible for coverage.",
            {"resident"},
        ),
        ("How many people voted?", "Some 2 million citizens voted.", {"citizen"}),
        # another thing counted, however close in meaning (basketball)
        ("How many players scored?", "The Lakers beat 30 teams.", set()),
    ],
)
def test_a_thing_counted_under_another_name(question: str, sentence: str, alike: set) -> None:
    def apart(texts: list[str]) -> list[list[float]]:  # no two words alike in meaning
        return [[1.0 if k == j else 0.0 for k in range(len(texts))] for j in range(len(texts))]

    judge = ParaphraseJudge(embed_pieces=lambda text: ([], np.zeros((0, 1))), embed_texts=apart)
    index = corpus([story("a.txt", (sentence, ""))])
    answerer = ExtractiveAnswerer(index, paraphrase=judge)
    evidence = [Evidence(index.sentences[0])]
    read = answerer._with_counted_alike(analyze(question, KNOWN), evidence)
    assert set(read.counted_alike) == set(stems(sorted(alike)))


@pytest.mark.parametrize(
    ("subject", "owned"),
    [
        ("Hege's husband", True),
        ("Boeing's CEO", True),  # an acronym's role (aviation business)
        ("the Owls' coach", True),
        ("Disney's Kevin Mayer", False),  # a person named, not described by whose they are
        ("Tom Ray", False),
    ],
)
def test_someone_described_by_whose_they_are(subject: str, owned: bool) -> None:
    assert bool(OWNED_SUBJECT.search(subject)) is owned


@pytest.mark.parametrize(
    ("question", "text", "new"),
    [
        ("Who threatened Omar?", "Patrick Carlineo, 55, pleaded guilty to threatening Omar.", True),
        ("Who threatened Omar?", "A New York man pleaded guilty to threatening Omar.", False),
        ("Who made the campaign?", "The campaign was run by Broadhead, said Ann Lee.", True),
        ("Who made it for Anthony Davis?", "Anthony Davis scored 34 points.", False),
    ],
)
def test_a_who_answer_names_someone_the_question_does_not(
    question: str, text: str, new: bool
) -> None:
    assert _names_someone_new(analyze(question, KNOWN), text) is new


@pytest.mark.parametrize(
    ("text", "currencies"),
    [
        ("Alibaba is set to raise up to $12.9bn (£10bn).", {"pound", "dollar"}),
        ("The fine was €2m.", {"euro"}),
        ("The deal was priced at 176 Hong Kong dollars.", set()),  # written out: said already
        # (a share listing, a fine, a rescue)
        ("SoftBank committed to a $9.5 billion lifeline.", {"dollar"}),
    ],
)
def test_a_currency_sign_says_its_name(text: str, currencies: set[str]) -> None:
    # and a sum of money says "money", "cash", "funds"
    money = {"money", "cash", "funds", "funding"} if currencies else set()
    assert _currencies_signed(text) == set(stems(sorted(currencies | money)))


def said(text: str, speakers: str = "", voices: str = "") -> Sentence:
    """One sentence as the index keeps it, with its speakers and described speakers."""
    row = {"start": 0, "end": len(text), "position": 0, "speakers": speakers, "voices": voices}
    return sentence_of(
        "a#0:0", "a#0", text, {"source": "a", "title": "a", "paragraph": 0, "start": 0}, row
    )


@pytest.mark.parametrize(
    ("sentence", "subject", "spoken"),
    [
        # a speaker named, by any of the name's words (diplomacy, hockey)
        (said("Peskov said talks were over.", speakers="Dmitry Peskov"), {"peskov"}, True),
        (said("Lee said the team was ready.", speakers="Ann Lee"), {"peskov"}, False),
        # a described speaker's owner: the country of "Russia's foreign ministry" (diplomacy)
        (
            said("Russia's foreign ministry said no.", voices="Russia's foreign ministry"),
            {"russia"},
            True,
        ),
        # not a word the owner's description shares ("foreign") for "the British Foreign Office"
        (
            said("Russia's foreign ministry said no.", voices="Russia's foreign ministry"),
            {"british", "foreign", "office"},
            False,
        ),
        # a described speaker by its head noun, as the question describes it (protest report,
        # deportation)
        (said("“It was sad,” the doctor said.", voices="the doctor"), {VOICE + "doctor"}, True),
        (
            said("It landed, an airport official said.", voices="an airport official"),
            {VOICE + "offici"},
            True,
        ),
        (
            said("It landed, an airport official said.", voices="an airport official"),
            {VOICE + "doctor"},
            False,
        ),
        (said("Sales rose.", speakers=""), {VOICE + "doctor"}, False),
    ],
)
def test_whose_words_a_sentence_reports(
    sentence: Sentence, subject: set[str], spoken: bool
) -> None:
    assert _said_by(sentence, subject) == spoken


@pytest.mark.parametrize(
    ("question", "sentence", "gives"),
    [
        # a measure in its units (a lost pet, science, sport, weather)
        ("How far did the cat travel?", "It had traveled more than 1,200 miles.", True),
        ("How far did the cat travel?", "It had been missing for five years.", False),
        ("How big is the virtual universe?", "It is some 230 million light-years wide.", True),
        ("How tall is he?", "He scored 25 points in 34 minutes.", False),
        ("How tall is he?", "The 6-foot-8 forward, 7 feet with shoes, blocked it.", True),
        ("How heavy was the lander?", "The lander weighs 1,400 kilograms.", True),
        ("How fast was the wind?", "Gusts reached 60 mph overnight.", True),
        ("How hot was it?", "It was 104 degrees in the shade.", True),
        ("How many fans came?", "In front of 15,522 fans.", True),  # no measure asked
        # asked by the measure's word (a president's health, a boxer, a lander)
        ("How much does he weigh?", "He clocked in at 243 pounds.", True),
        ("How much does he weigh?", "He is 73 years old.", False),
        ("What is the boxer's weight?", "He weighed in at 215 lbs on Friday.", True),
        ("What is the lander's top speed?", "It lands at 2 meters a second.", False),
    ],
)
def test_a_measure_is_given_in_its_units(question: str, sentence: str, gives: bool) -> None:
    assert measured(question, sentence) == gives


@pytest.mark.parametrize(
    ("question", "scopes"),
    [
        ("How many points a game does he average?", ["a game"]),  # a rate (basketball)
        ("Since when has Sony offered a game streaming service?", []),  # a kind of service
        ("How many goals has he scored in his career?", ["career"]),
    ],
)
def test_the_span_a_count_is_asked_over(question: str, scopes: list[str]) -> None:
    assert SCOPE.findall(question) == scopes


def test_a_role_holder_is_named_as_the_article_names_them() -> None:
    # "Introducing Junior Gaspard, New CEO at Experience": a headline's opening verb runs
    # into the name; the holder is the person the article names (company announcements)
    announced = story(
        "new-ceo.txt",
        ("Introducing Ann Lee, New CEO at Orbit.", "Ann Lee|Orbit"),
        ("Orbit is thrilled to have Ann Lee as its CEO.", "Orbit|Ann Lee"),
    )
    assert list(_role_holders("ceo", ("orbit",), corpus([announced]))) == ["Ann Lee"]


@pytest.mark.parametrize(
    ("opening", "agency"),
    [
        # a wire story's dateline, a network's credit (politics, health, business)
        ("LONDON (AP) — Britain's Conservative Party was accused Wednesday.", "AP"),
        ("(CNN) President Donald Trump made an unscheduled trip to Walter Reed.", "CNN"),
        ("WASHINGTON (Reuters) - The Senate passed the bill.", "Reuters"),
        ("BUFFALO, N.Y. (AP) — Hours before Zach Parise's goal, coach Bruce Boudreau said.", "AP"),
        # a dateline without a credit, a parenthesis that is no credit
        ("BUFFALO, N.Y. — Hours before the game, the coach said.", None),
        ("(Trump, it's also worth noting, sought to make it an issue.)", None),
        ("Houston dealers (and their lenders) had a bad month.", None),
    ],
)
def test_the_agency_a_dateline_credits(opening: str, agency: str | None) -> None:
    credit = DATELINE_CREDIT.match(opening)
    assert (credit.group("agency") if credit else None) == agency


@pytest.mark.parametrize(
    ("question", "text", "speakers", "another"),
    [
        # the age of the one speaking, who is not asked about (a new manager, a coach)
        (
            "How old is Pochettino?",
            "The 56-year-old said after his appointment: it's great.",
            "Jose Mourinho",
            True,
        ),
        (
            "How old is Mourinho?",
            "The 56-year-old said after his appointment: it's great.",
            "Jose Mourinho",
            False,
        ),
        (
            "How old is Ann Lee?",
            "The 34-year-old forward told reporters she was fine.",
            "Tom Ray",
            True,
        ),
        # an age that is no speaker's, or a speaker not found
        ("How old is Ann Lee?", "Ann Lee, 34, scored twice.", "", False),
        ("How old is Ann Lee?", "The 34-year-old said nothing.", "", False),
    ],
)
def test_an_age_that_is_another_speakers(
    question: str, text: str, speakers: str, another: bool
) -> None:
    asked = analyze(question, Known(["Pochettino", "Jose Mourinho", "Ann Lee", "Tom Ray"], ""))
    assert _age_of_another_speaker(asked, said(text, speakers)) is another


@pytest.mark.parametrize(
    ("question", "text", "unnamed"),
    [
        # the kind asked to have named said only as "a" one or a bare noun (a dropped case, a
        # plague case, a campaign stop)
        (
            "Which prison is Assange being held in?",
            "He is currently serving a prison term in Britain for skipping bail.",
            True,
        ),
        (
            "Which Beijing hospital is he being treated at?",
            "He was admitted to hospital on Saturday, where he was given antibiotics.",
            True,
        ),
        (
            "What was the name of the restaurant Deval Patrick went to afterwards?",
            "She headed out for Patrick’s second stop at a nearby restaurant, where he spoke.",
            True,
        ),
        (
            "What was the name of the workspace?",
            "Owners were gathered in a South Carolina shared workspace on Tuesday night.",
            True,
        ),
        # a name next to it, before "a" or after "called" names it (an airline, a restaurant)
        ("Which prison is he in?", "He is held at the Belmarsh prison in London.", False),
        ("Which airline ordered the jets?", "Emirates, an airline based in Dubai, ordered.", False),
        ("Which airline ordered the jets?", "Emirates is an airline based in Dubai.", False),
        ("Which restaurant did he visit?", "He visited a restaurant called Nobu.", False),
        # "the team" may be named before; a text without the kind; several things of a kind
        ("Which team did he play for?", "He played for the team until 2010.", False),
        ("Which city did it happen in?", "It happened in Hayward.", False),
        ("Which states did they study?", "They studied a set of states with legal weed.", False),
        # a kind asked for may be described, not named ("what kind of pep talk?")
        ("What kind of pep talk did he give?", "He gave his players a pep talk.", False),
    ],
)
def test_a_kind_asked_to_be_named_is_not_named_by_a_one(
    question: str, text: str, unnamed: bool
) -> None:
    assert _kind_left_unnamed(question, text) is unnamed


@pytest.mark.parametrize(
    ("question", "in_units"),
    [
        # a figure asked in named units needs a number (aviation, weather, farming)
        ("What's its max range in miles?", True),
        ("How hot did it get in degrees?", True),
        ("How big is the farm in acres?", True),
        # "in" before anything else asks no unit (politics, sport)
        ("Who won in Kentucky?", False),
        ("What happened in the first period?", False),
    ],
)
def test_a_figure_asked_in_named_units(question: str, in_units: bool) -> None:
    assert bool(IN_UNITS.search(question)) is in_units


@pytest.mark.parametrize(
    ("sentence", "valued"),
    [
        # what a thing is worth, said (aviation, a house fire, a football transfer)
        ("The order is valued at $8.8 billion at list prices.", True),
        ("The house, worth about $1.2 million, burned down.", True),
        ("He joined in a deal with a value of £50m.", True),
        # a price of something else is no worth (an ad campaign, a salary)
        ("The campaign had a budget of $449,000.", False),
        ("Teachers earn $50,000 on average.", False),
    ],
)
def test_what_a_thing_is_worth(sentence: str, valued: bool) -> None:
    assert bool(VALUED.search(sentence)) is valued


VOICE_CHUNKS = [
    (
        "rescue.txt",
        1,
        "“Got her!” an officer said.",
        [{"start": 0, "end": 27, "position": 0, "mentions": "", "voices": "an officer"}],
    ),
    (
        "court.txt",
        1,
        "The plea was fair, the attorney said.",
        [{"start": 0, "end": 37, "position": 0, "mentions": "", "voices": "the attorney"}],
    ),
]


@pytest.mark.parametrize(
    ("question", "voice"),
    [
        # an unnamed speaker asked in chat's words (a rescue, a court case)
        ("What did the cop say?", "offic"),
        ("What did the lawyer say?", "attorney"),
        ("What did the officer say?", "offic"),
        # no speaker so described in either story
        ("What did the doctor say?", None),
    ],
)
def test_an_unnamed_speaker_asked_in_other_words(question: str, voice: str | None) -> None:
    index = corpus(VOICE_CHUNKS)
    found = ExtractiveAnswerer(index, paraphrase=None)._voice_asked(analyze(question, index))
    assert found == ({VOICE + voice} if voice else set())


@pytest.mark.parametrize(
    ("sentence", "asks"),
    [
        # a subheading or the writer's own question states nothing (law, markets)
        ("What charges does Assange face in the US?", True),
        ("Why is the market behaving differently from the economy?", True),
        # a question inside a quotation is someone's words; a statement is one (sport, space)
        ('"Why would we stop now?" Boudreau asked.', False),
        ("“What did we do wrong?”", False),
        ("NASA is developing a mission called Europa Clipper.", False),
    ],
)
def test_a_sentence_that_asks(sentence: str, asks: bool) -> None:
    assert bool(ASKING_SENTENCE.fullmatch(sentence)) is asks


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        # a measure of a thing, which only a figure gives (health, labour, science)
        ("What's the population of Inner Mongolia?", True),
        ("What was the rate of cannabis use disorder in Colorado?", True),
        ("What is the starting salary for teachers?", True),
        # a measure asked to be defined, with no thing named (science, economy)
        ("what's the temperature there", True),
        ("What's the unemployment rate now?", True),
        # how many came: a turnout or an attendance (politics, sport)
        ("What was voter turnout in the Kentucky governor's race?", True),
        ("What was the attendance at the game?", True),
        ("Who attended the game?", False),
        ("What is he waiting for before raising salaries?", False),
        # a thing or a name, which words give (politics, space)
        ("What is the slogan of the campaign?", False),
        ("What's the name of the lander?", False),
    ],
)
def test_a_measure_asked(question: str, measure: bool) -> None:
    assert _asks_a_measure(analyze(question, KNOWN)) is measure


EVENT_CHUNKS = {
    "game.txt": story(
        "game.txt",
        ("James became the first player to do it against every team.", "James"),
        ("“Amazing,” Davis said.", "Davis"),
    ),
    "court.txt": story(
        "court.txt",
        ("The jury returned its verdict on Monday.", ""),
        ("“Justice was done,” Lee said.", "Lee"),
    ),
}


@pytest.mark.parametrize(
    ("asked", "counted", "alike"),
    [
        # "How many people ...?" is answered by people counted under what they are (politics,
        # business, health)
        ("people", "witnesses", True),
        ("people", "employees", True),
        ("persons", "patients", True),
        # one way only: "How many witnesses?" is not answered by "12 people" (courts)
        ("witnesses", "people", False),
        # the other groups as before (sport)
        ("games", "matches", True),
        ("games", "witnesses", False),
    ],
)
def test_things_counted_under_other_names(asked: str, counted: str, alike: bool) -> None:
    assert (stems([counted])[0] in _counted_synonyms(stems([asked])[0])) is alike


AHEAD_CHUNKS = [
    story(
        "cup.txt",
        ("Spain beat Russia 2-1 on Tuesday.", "Spain|Russia"),
        ("Spain will face Croatia on Wednesday.", "Spain|Croatia"),
    ),
    story(
        "landers.txt",
        ("NASA picked five companies on Monday.", "NASA"),
        ("NASA will pick more companies next year.", "NASA"),
    ),
]


@pytest.mark.parametrize(
    ("question", "chosen"),
    [
        # what is still to come, below a closer sentence on what has happened (sport, space)
        ("Who do Spain play next?", "Spain will face Croatia on Wednesday."),
        ("Will NASA pick more companies?", "NASA will pick more companies next year."),
        # a question on what happened keeps the closest
        ("Who did Spain beat?", "Spain beat Russia 2-1 on Tuesday."),
    ],
)
def test_a_question_on_what_is_to_come_is_answered_by_what_is_ahead(
    question: str, chosen: str
) -> None:
    index = corpus(AHEAD_CHUNKS)
    asked = analyze(question, index)
    # the first sentence of each story far closer than the second
    pool = [
        Evidence(s, score=0.9 - 0.4 * s.position, dense=0.7, lexical=0.5)
        for s in index.sentences
        if asked.name_words & set(words(s.text))
    ]
    best = ExtractiveAnswerer(index, paraphrase=None)._best(asked, pool)
    assert best and best[0].text == chosen


WHO_CLAUSE_CHUNKS = [
    story(
        "titan.txt",
        ("“It matters,” added Lopes, who led the research published on Monday.", "Lopes"),
    ),
    story(
        "hockey.txt",
        ("The comeback was sealed by Brock Nelson, who scored twice in overtime.", "Brock Nelson"),
    ),
    story(
        "awards.txt",
        (
            "The company that runs the awards, Dick Clark Productions, denied a deal.",
            "Dick Clark Productions",
        ),
    ),
    story(
        "launch.txt",
        ("The agency which oversees the launch, Roscosmos, said it was delayed.", "Roscosmos"),
    ),
]


@pytest.mark.parametrize(
    ("question", "name"),
    [
        # the question's own words, after a name and ", who" (science, sport)
        ("Who led the research?", "Lopes"),
        ("who scored twice in overtime", "Brock Nelson"),
        # the name after "the <noun> that <the question's words>," (entertainment, space)
        ("Who runs the awards?", "Dick Clark Productions"),
        ("who oversees the launch", "Roscosmos"),
        # other words: no clause says it
        ("Who led the team?", None),
        ("Who scored in regulation?", None),
    ],
)
def test_who_did_it_in_a_clause_of_the_questions_words(question: str, name: str | None) -> None:
    judge = ExtractiveAnswerer(corpus(WHO_CLAUSE_CHUNKS))
    found = judge._who_clause(analyze(question, KNOWN))
    assert (found[0] if found else None) == name


SOURCED_CHUNKS = [
    (
        "titan.txt",
        1,
        "On Earth, water rains down. Rain falls everywhere, said Ann Lee.",
        [
            {"start": 0, "end": 27, "position": 0, "mentions": "Earth"},
            {"start": 28, "end": 64, "position": 1, "mentions": "Ann Lee", "speakers": "Ann Lee"},
        ],
    ),
    (
        "cup.txt",
        1,
        "Spain won 2-1. The crowd was loud.",
        [
            {"start": 0, "end": 14, "position": 0, "mentions": "Spain"},
            {"start": 15, "end": 34, "position": 1},
        ],
    ),
]


@pytest.mark.parametrize(
    ("quoted", "source"),
    [
        # the first sentence quoted that someone said, after one that is the story's (science)
        (("On Earth, water rains down.", "Rain falls everywhere, said Ann Lee."), "Ann Lee"),
        (("Rain falls everywhere, said Ann Lee.",), "Ann Lee"),
        # no sentence quoted is anyone's: no source (sport)
        (("Spain won 2-1.", "The crowd was loud."), None),
    ],
)
def test_who_said_that_is_whoever_said_a_quoted_sentence(
    quoted: tuple[str, ...], source: str | None
) -> None:
    index = corpus(SOURCED_CHUNKS)
    asked = replace(analyze("Who said that?", index), last_quoted=quoted, asks_source_of_last=True)
    found, _ = ExtractiveAnswerer(index)._from_last_answer(asked)
    assert (found[0].sentence.speakers[0] if found else None) == source


HEADLINED_CHUNKS = {
    "tories.txt": [
        (
            "tories.txt",
            0,
            "Tories under fire for Twitter name switch",
            [{"start": 0, "end": 41, "position": 0, "mentions": "Tories|Twitter"}],
            "headline",
        ),
        story("tories.txt", ("“It was an attempt to mislead voters,” Will Moy said.", "Will Moy")),
    ],
    "stadia.txt": [
        (
            "stadia.txt",
            0,
            "Stadia falls short of 4K at launch",
            [{"start": 0, "end": 34, "position": 0, "mentions": "Stadia"}],
            "headline",
        ),
        story("stadia.txt", ("“It looks soft,” reviewer Ann Lee said.", "Ann Lee")),
    ],
}


@pytest.mark.parametrize(
    ("articles", "question", "headline"),
    [
        # all the question asks about is the one story's headline (politics, gaming)
        (["tories.txt"], "What did Will Moy say about the name switch?", True),
        (["stadia.txt"], "What did Ann Lee say about the launch?", True),
        # something the headline does not say
        (["stadia.txt"], "What did Ann Lee say about the price?", False),
        # a name the headline gives is asked of as itself
        (["stadia.txt"], "What did Ann Lee say about Stadia?", False),
        # among several stories, none is the one the question means
        (["tories.txt", "stadia.txt"], "What did Ann Lee say about the launch?", False),
    ],
)
def test_a_topic_the_headline_says(articles: list[str], question: str, headline: bool) -> None:
    index = corpus([c for name in articles for c in HEADLINED_CHUNKS[name]])
    assert ExtractiveAnswerer(index)._headline_topic(analyze(question, index)) is headline


@pytest.mark.parametrize(
    ("articles", "question", "own"),
    [
        # one story, which never writes the kind's word: its own event (sport)
        (["game.txt"], "What did Davis say about the milestone?", True),
        # a word it writes is asked of where it stands (courts)
        (["court.txt"], "What did Lee say about the verdict?", False),
        # among several stories, none is the one the question means
        (["game.txt", "court.txt"], "What did Davis say about the milestone?", False),
    ],
)
def test_the_story_s_event_by_its_kind(articles: list[str], question: str, own: bool) -> None:
    judge = ExtractiveAnswerer(corpus([EVENT_CHUNKS[name] for name in articles]))
    assert judge._story_event(analyze(question, KNOWN)) is own


@pytest.mark.parametrize(
    ("word", "text", "named"),
    [
        # one piece of research by another of its names (science, health)
        ("research", "study lead author Lucas Paganini", True),
        ("study", "the paper's senior author", True),
        ("research", "the team's coach", False),
        # a country by its adjective (politics)
        ("ukraine", "Ukrainian President Volodymyr Zelensky", True),
    ],
)
def test_a_word_named_in_other_words(word: str, text: str, named: bool) -> None:
    assert _names(word, text) is named


WRITERS = Known(["Nathan Birch", "Google", "Jeff Foust", "NASA"])


@pytest.mark.parametrize(
    ("question", "writer", "names"),
    [
        # the byline's writer asked about: the article's own view, named by what it is about
        # (a game review, space news)
        ("What does Nathan Birch want Google to do?", {"nathan", "birch"}, {"google"}),
        ("What did Jeff Foust say about NASA?", {"jeff", "foust"}, {"nasa"}),
    ],
)
def test_the_writer_s_words_are_the_article_s(
    question: str, writer: set[str], names: set[str]
) -> None:
    read = analyze(question, WRITERS)
    assert read.wants_statements
    view = _as_writers_view(read, writer)
    assert not view.wants_statements
    assert view.name_words == names
    assert not {stem for _, stem in view.points} & {"nathan", "birch", "jeff", "foust"}


@pytest.mark.parametrize(
    ("question", "text", "another"),
    [
        # the asked kind of another nation or region, and not of the asked one (hospitals, sport)
        (
            "Which American hospitals have signed up for it?",
            "Already in use at European hospitals in France and Norway, it filters alarms.",
            True,
        ),
        ("Which Spanish players scored?", "Two French players scored late.", True),
        # the asked one's, too, or the asked one by its place (business, sport)
        ("Which Chinese firms bid?", "Two Chinese firms and a Korean firm bid.", False),
        ("Which Spanish players scored?", "Two players scored for Spain.", False),
        ("Which European hospitals use it?", "It is in use at European hospitals.", False),
    ],
)
def test_the_asked_kind_of_another_nation(question: str, text: str, another: bool) -> None:
    assert _of_another_nation(analyze(question, KNOWN), text) is another
