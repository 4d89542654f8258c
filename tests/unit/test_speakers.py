"""Who speaks, and whom "he" or "she" means, in articles read from plain text (made-up lines in
the patterns of several real articles)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from retrieval.constants import HEADLINE_SECTION
from retrieval.index.names import NameGazetteer
from retrieval.index.sentences import Sentence, sentence_of
from retrieval.ingest.chunking import build_chunks
from retrieval.ingest.loader import load_article
from retrieval.language.pronouns import central_person, pronoun_cues, pronoun_of
from retrieval.language.speakers import (
    another_person,
    find_mentions,
    given_name,
    is_person_name,
    name_key,
    opens_quote,
    personal_words,
    still_quoting,
    subject_person,
)


def sentences_of(
    tmp_path: Path, text: str, stored: tuple[str, str] = ("speakers", "mentions")
) -> dict[str, tuple[str, str]]:
    """Each sentence's speakers and mentions (or the two `stored` fields), as stored."""
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    first, second = stored
    return {
        record.text: (record.metadata[first], record.metadata[second])
        for chunk in build_chunks(load_article(path))
        for record in chunk.sentences
    }


@pytest.mark.parametrize(
    ("text", "sentence", "speaker"),
    [
        pytest.param(
            "A week ago, Ann Lee had scored once in ten games. Defenseman Tom Ray, who joked "
            "about Lee's sticks, could see the frustration.\n\n“She is used to scoring,” he said.",
            "“She is used to scoring,” he said.",
            "Tom Ray",
            id="he: the subject of the sentence before, not a possessive in it (hockey)",
        ),
        pytest.param(
            "Hours before Ann Lee's two goals, coach Tom Ray praised the forward.\n\n"
            "“It takes a while,” he said.",
            "“It takes a while,” he said.",
            "Tom Ray",
            id="he: past a possessive after a preposition",
        ),
        pytest.param(
            "Maria Diaz, chief executive of Orbit Labs, said her firm had won a contract. "
            "“Small companies matter,” she said.",
            "“Small companies matter,” she said.",
            "Maria Diaz",
            id="she: a person, never the company of her title (space industry)",
        ),
        pytest.param(
            "Teacher Angela Brook marched with Jim Hale. She said the pay was too low.",
            "She said the pay was too low.",
            "Angela Brook",
            id="she: the subject, not the last person named (protest)",
        ),
        pytest.param(
            "Jose Mora agrees deal to replace Ken Pike\n\nJose Mora has agreed to replace Ken "
            "Pike as manager.\n\nPike was sacked last "
            "night.\n\nTalks between the club and Mora's agents went on.\n\nThe 56-year-old "
            "said after his appointment: “I am excited.”",
            "The 56-year-old said after his appointment: “I am excited.”",
            "Jose Mora",
            id="a person described by age: the one the headline names (soccer)",
        ),
        pytest.param(
            "Sam Ortiz weighed in on the fight. Ortiz, via USA Today, said that the "
            "quarterback started it.",
            "Ortiz, via USA Today, said that the quarterback started it.",
            "Sam Ortiz",
            id="an aside naming a source between the speaker and the verb (football)",
        ),
        pytest.param(
            "Shares rose. Raj Mehta, Head of Research at Orbit Securities, pointed out that this "
            "is a stock-picker's market.",
            "Raj Mehta, Head of Research at Orbit Securities, pointed out that this is a "
            "stock-picker's market.",
            "Raj Mehta",
            id="a role written in capitals between the speaker and the verb (markets)",
        ),
        pytest.param(
            "Jane Roe, Managing Director of Acme Bank, warned that rates could rise.",
            "Jane Roe, Managing Director of Acme Bank, warned that rates could rise.",
            "Jane Roe",
            id="a capitalised role after the name, two words before it (banking)",
        ),
        pytest.param(
            "The manager left on Tuesday.\n\nI owe him so much. Good luck, my friend.\n\n"
            "— Sam Ortiz (@sortiz_official) November 19, 2019",
            "Good luck, my friend.",
            "Sam Ortiz",
            id="an embedded post, signed on the line under it (football)",
        ),
        pytest.param(
            "Fans lined up early.\n\nTour dates are out now!\n\n— Ann Lee (@annlee) May 2, 2020",
            "Tour dates are out now!",
            "Ann Lee",
            id="an embedded post with no name in it (music)",
        ),
        pytest.param(
            "Airline President Tim Ward, meanwhile, told reporters that growth would resume.",
            "Airline President Tim Ward, meanwhile, told reporters that growth would resume.",
            "Tim Ward",
            id="a discourse aside between the speaker and the verb (business)",
        ),
        pytest.param(
            "“Justice has been served,” said U.S. Attorney Erin Cole.",
            "“Justice has been served,” said U.S. Attorney Erin Cole.",
            "Erin Cole",
            id="quote, verb, then the speaker behind a capitalised title (court)",
        ),
        pytest.param(
            "“It is fine,” said Kremlin spokesman Ivan Sokol.",
            "“It is fine,” said Kremlin spokesman Ivan Sokol.",
            "Ivan Sokol",
            id="quote, verb, then the speaker behind an organisation and a title (politics)",
        ),
        pytest.param(
            "The moon is wetter at its poles, said study co-author Ana Reyes, a research fellow.",
            "The moon is wetter at its poles, said study co-author Ana Reyes, a research fellow.",
            "Ana Reyes",
            id="verb, then the speaker behind a lowercase, hyphened title (science)",
        ),
        pytest.param(
            "He was in charge, said another witness in the probe, former adviser Fiona Hale.",
            "He was in charge, said another witness in the probe, former adviser Fiona Hale.",
            "Fiona Hale",
            id="verb, a description of the speaker, then the name closing the sentence (politics)",
        ),
        pytest.param(
            "The ice is thin, said a scientist at the station, Ann Lee.",
            "The ice is thin, said a scientist at the station, Ann Lee.",
            "Ann Lee",
            id="verb, a description, then the name closing the sentence (science)",
        ),
        pytest.param(
            "“We will appeal,” said team spokesman Jon Hale.",
            "“We will appeal,” said team spokesman Jon Hale.",
            "Jon Hale",
            id="verb, then the speaker behind a title and its word (sport)",
        ),
        pytest.param(
            "Coach Tom Ray gave his players a pep talk Tuesday, telling them to believe.",
            "Coach Tom Ray gave his players a pep talk Tuesday, telling them to believe.",
            "Tom Ray",
            id="a speech verb's participle hung on the sentence (hockey)",
        ),
        pytest.param(
            "Mayor Ann Lee opened the bridge, saying it would last a century.",
            "Mayor Ann Lee opened the bridge, saying it would last a century.",
            "Ann Lee",
            id="saying (city news)",
        ),
        pytest.param(
            "Coach Tom Ray spoke to Ann Lee.\n\nThe team lost twice. “We need goals,” Ray said.",
            "“We need goals,” Ray said.",
            "Tom Ray",
            id="a named speaker is kept",
        ),
        pytest.param(
            "Tom Ray, an expert in public health and addiction at the School of Medicine at "
            "the state's University of Dover who was not part of the research, told reporters: "
            "“The rise is small.”",
            "Tom Ray, an expert in public health and addiction at the School of Medicine at "
            "the state's University of Dover who was not part of the research, told reporters: "
            "“The rise is small.”",
            "Tom Ray",
            id="a long appositive: the person, not the university in it (health news)",
        ),
        pytest.param(
            "“Prices will fall,” Ann Lee, Edmunds' director of industry analysis, said in a "
            "statement.",
            "“Prices will fall,” Ann Lee, Edmunds' director of industry analysis, said in a "
            "statement.",
            "Ann Lee",
            id="a role at a named organisation between the speaker and the verb (car sales)",
        ),
        pytest.param(
            "Tom Ray, Google’s chief executive, told reporters the deal was done.",
            "Tom Ray, Google’s chief executive, told reporters the deal was done.",
            "Tom Ray",
            id="a role at an organisation written with a possessive (technology)",
        ),
        pytest.param(
            "Coach Tom Ray spoke after the game.\n\n“We lost twice,” Ray said.\n\n"
            "“We will be back next season, and nobody here gives up on telling the truth.\n\n"
            "“We play again on Friday.”",
            "“We will be back next season, and nobody here gives up on telling the truth.",
            "Tom Ray",
            id="a quotation running on over paragraphs, its words' verbs no speaker's (sports)",
        ),
        pytest.param(
            "“We lost twice,” Tom Ray said.\n\n“You never know why, and it hurts,” said the coach.",
            "“You never know why, and it hurts,” said the coach.",
            "Tom Ray",
            id="a quotation whose speaker is described, after the last one's (sports)",
        ),
        pytest.param(
            "Tom Ray pleaded guilty to threatening Ann Lee. Ray is a convicted felon. He was "
            "arrested in April.\n\nLee is one of the first two women elected to the council."
            "\n\nThe staff member recalled that he said, “She will pay.”",
            "The staff member recalled that he said, “She will pay.”",
            "Tom Ray",
            id="he: the latest person the article does not call she (courts)",
        ),
        pytest.param(
            "The house will become a police station, Austria's interior minister said on "
            "Tuesday.\n\n“It sends a signal,” Interior Minister Tom Ray said.",
            "The house will become a police station, Austria's interior minister said on Tuesday.",
            "Tom Ray",
            id="a role owned by a country, its holder named later (politics)",
        ),
        pytest.param(
            "Tom Ray teased the tour on Monday night.\n\nAfter the last song, the singer and "
            "guitarist told the audience, “Maybe we should go on the road.”",
            "After the last song, the singer and guitarist told the audience, “Maybe we should "
            "go on the road.”",
            "Tom Ray",
            id="the person the story was just on, called by what they do (music)",
        ),
        pytest.param(
            "Tom Ray lost his seat.\n\nThe spokesman said the party would regroup.",
            "The spokesman said the party would regroup.",
            "",
            id="a spokesman is no epithet of the person before (politics)",
        ),
        pytest.param(
            "The label denied it.\n\n“At no point did we say Ann Lee could not perform.”",
            "“At no point did we say Ann Lee could not perform.”",
            "",
            id="a quotation's own speech verb names no speaker (music business)",
        ),
        pytest.param(
            "Ann Lee's rep told Fox News that this was not the whole truth.",
            "Ann Lee's rep told Fox News that this was not the whole truth.",
            "",
            id="whom something was told is no speaker, nor whose rep told it (music business)",
        ),
        pytest.param(
            "“We lost twice,” Tom Ray said.\n\n“It was a good game,” said Ann Lee.",
            "“It was a good game,” said Ann Lee.",
            "Ann Lee",
            id="a quotation with a speaker of its own",
        ),
        pytest.param(
            "Secretary of State Ann Lee said the release gave hope for peace talks.",
            "Secretary of State Ann Lee said the release gave hope for peace talks.",
            "Ann Lee",
            id="a title of something before the name (diplomacy)",
        ),
        pytest.param(
            "“We pray for both men,” said White House Press Secretary Tom Ray.",
            "“We pray for both men,” said White House Press Secretary Tom Ray.",
            "Tom Ray",
            id="a long capitalised title between the verb and the name (White House)",
        ),
        pytest.param(
            "Ortiz, who has split from many fellow Democrats on issues such as the city's "
            "budget, told the crowd the money was there.",
            "Ortiz, who has split from many fellow Democrats on issues such as the city's "
            "budget, told the crowd the money was there.",
            "Ortiz",
            id="a relative clause between the speaker and the verb (state politics)",
        ),
        pytest.param(
            "Lead author Dr. Jane Q. Roe, associate professor of biology at Kent State "
            "University School of Medicine, commented: “The rise is real.”",
            "Lead author Dr. Jane Q. Roe, associate professor of biology at Kent State "
            "University School of Medicine, commented: “The rise is real.”",
            "Jane Q. Roe",
            id="a role at an organisation between the speaker and the verb (health news)",
        ),
        pytest.param(
            "Maria Diaz, chief executive of Orbit Labs, predicted more launches next year.",
            "Maria Diaz, chief executive of Orbit Labs, predicted more launches next year.",
            "Maria Diaz",
            id="a role without an article, and a forecast (space industry)",
        ),
        pytest.param(
            "Ana Ruiz runs the network. Ruiz hinted that subscribers were staying on.",
            "Ruiz hinted that subscribers were staying on.",
            "Ana Ruiz",
            id="a hint is said (streaming business)",
        ),
        pytest.param(
            "“It was an attempt to mislead voters,’’ Anna Moy, chief executive of Full Fact, "
            "told the BBC.",
            "“It was an attempt to mislead voters,’’ Anna Moy, chief executive of Full Fact, "
            "told the BBC.",
            "Anna Moy",
            id="a quotation closed by two apostrophes (election news)",
        ),
        pytest.param(
            "Orbit Labs cut 300 jobs on Monday. Orbit Labs declined to comment.",
            "Orbit Labs declined to comment.",
            "Orbit Labs",
            id="a comment declined is said (business news)",
        ),
        pytest.param(
            "Dr. Ian Hale studies addiction. However, he pointed out it is hard to draw "
            "conclusions.",
            "However, he pointed out it is hard to draw conclusions.",
            "Ian Hale",
            id="a point pointed out is said (health news)",
        ),
        pytest.param(
            "Orbit Labs (ticker: ORBL) reported a loss of $2 a share.",
            "Orbit Labs (ticker: ORBL) reported a loss of $2 a share.",
            "Orbit Labs",
            id="the company reports, not its ticker (markets news)",
        ),
        pytest.param(
            "Maple Foods (NYSE: MPL) said sales rose.",
            "Maple Foods (NYSE: MPL) said sales rose.",
            "Maple Foods",
            id="an exchange and a ticker (business news)",
        ),
    ],
)
def test_whom_he_or_she_means(tmp_path: Path, text: str, sentence: str, speaker: str) -> None:
    assert sentences_of(tmp_path, text)[sentence][0] == speaker


@pytest.mark.parametrize(
    ("text", "sentence", "speaker"),
    [
        pytest.param(
            "Republican Gov. Ann Lee skipped the rally. Ohio GOP Gov. Tom Ray lost in May.\n\n"
            "The governor said she was waiting for a report.",
            "The governor said she was waiting for a report.",
            "Ann Lee",
            id="the story's own governor, not another state's (state politics)",
        ),
        pytest.param(
            "Wild coach Tom Ray praised the forward.\n\nThe coach said the team was ready.",
            "The coach said the team was ready.",
            "Tom Ray",
            id="the one coach the story titles (hockey)",
        ),
        pytest.param(
            "Assistant coach Tom Ray and Thunder coach Ann Lee met.\n\nThe coach said no.",
            "The coach said no.",
            "",
            id="two coaches, each of a team: neither (basketball)",
        ),
        pytest.param(
            "Chief Executive Maria Diaz opened the plant.\n\nThe executive told reporters it "
            "would hire 200 people.",
            "The executive told reporters it would hire 200 people.",
            "Maria Diaz",
            id="a title written in capitals (business news)",
        ),
        pytest.param(
            "Gov. Ann Lee spoke.\n\nThe company said sales rose.",
            "The company said sales rose.",
            "",
            id="a role nobody is titled with (business news)",
        ),
    ],
)
def test_a_role_for_subject_is_the_one_person_titled_so(
    tmp_path: Path, text: str, sentence: str, speaker: str
) -> None:
    assert sentences_of(tmp_path, text)[sentence][0] == speaker


def test_a_sentence_led_by_a_pronoun_is_about_the_subject_before_it(tmp_path: Path) -> None:
    text = (
        "Executive Kevin Marsh said demand was high. Getting the launch right will test "
        "Marsh's mettle. He is seen as a successor to Chief Executive Bob Imre."
    )
    _, mentions = sentences_of(tmp_path, text)[
        "He is seen as a successor to Chief Executive Bob Imre."
    ]
    assert "Kevin Marsh" in mentions.split("|")


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Getting Orbit Plus right will test Kevin Marsh's mettle.", None),
        ("Hours before Ann Lee's goals, coach Tom Ray praised her.", "ray"),
        ("Seven of Ann Lee's assists came on baskets by Tom Ray.", None),
        ("Gwen Ford, who joked about Ann Lee's sticks, saw it.", "ford"),
        ("Building Bridges founder Ann Lee opened the school.", "lee"),
        ("“Tom Ray is great,” the fans sang.", None),  # named only inside a quote
    ],
)
def test_the_subject_a_later_pronoun_means(sentence: str, subject: str | None) -> None:
    mentions = find_mentions(sentence)
    persons = {m.key for m in mentions if m.is_person}
    assert subject_person(sentence, mentions, persons) == subject


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Seven of LeBron’s assists came on baskets by Davis.", ["LeBron", "Davis"]),
        ("Two of the Wild's goals came in the first period.", ["Wild"]),
        (
            "Sierra Nevada Corporation builds the Dream Chaser.",
            ["Sierra Nevada Corporation", "Dream Chaser"],
        ),
        # an adverb opening a sentence is no name either
        ("Right now, having scored four times, Parise is brimming.", ["Parise"]),
        ("Right after the game, the Sabres left Buffalo.", ["Sabres", "Buffalo"]),
        # (a feather-bedding case study, a fact check, a prisoner swap)
        (
            "According to the study, published in BMJ Case Reports, he fell ill.",
            ["BMJ Case Reports"],
        ),
        ("Critically, McKinley cited border agents.", ["McKinley"]),
        ("Reportedly, Kevin Shaw was freed in Zabul.", ["Kevin Shaw", "Zabul"]),
        # "Will" before a name is a first name, unless the sentence asks (a fact check, a race)
        ("Will Moy, chief executive of Full Fact, said so.", ["Will Moy", "Full Fact"]),
        ("Will Biden run again?", ["Biden"]),
        # nor a preposition (hibernation research, a rally, a court case)
        ("Like hibernating animals, the crew would gain fat.", []),
        ("Unlike Biden, Patrick skipped Iowa.", ["Biden", "Patrick", "Iowa"]),
        ("Amid the protests, Alibaba listed in Hong Kong.", ["Alibaba", "Hong Kong"]),
    ],
)
def test_a_number_opening_a_sentence_is_no_part_of_a_name(sentence: str, names: list[str]) -> None:
    assert [m.text for m in find_mentions(sentence)] == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # a capitalised "-ing" word opening the sentence before a name is a verb
        ("Getting Orbit Plus right will test Kevin Marsh.", ["Orbit Plus", "Kevin Marsh"]),
        ("Speaking Tuesday, Coach Tom Ray praised the team.", ["Tom Ray"]),
        # a name that ends so, before a lower-case word, stays one
        ("Beijing has called for talks.", ["Beijing"]),
        ("Browning said the Hawks played well.", ["Browning", "Hawks"]),
    ],
)
def test_a_verb_opening_a_sentence_is_no_part_of_a_name(sentence: str, names: list[str]) -> None:
    assert [m.text for m in find_mentions(sentence)] == names


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("LeBron James", True),
        ("Alex Stalock", True),
        ("Ceres Robotics", False),
        ("Sierra Nevada Corporation", False),
        ("Tyvak Nano-Satellite Systems", False),
        ("Oklahoma City", False),
        ("NASA", False),
        ("Moscow Times", False),  # a newspaper, by the common noun in its name
        ("Kentucky GOP", False),  # a party
        ("Reuters", False),  # one word: a surname alone is no person's name either
        # a league's division, a conference, a team's arena
        ("Central Division", False),
        ("Western Conference", False),
        ("Paycom Arena", False),
        ("Eric Holcomb", True),
        # a broadcaster's letters, not a title's inside a person's name (local news, football)
        ("CBS DFW", False),
        # a group's or a hotel's name (business, crime news)
        ("WeWorkers Coalition", False),
        ("WoodSpring Suites", False),
        ("Browns DL Sheldon Richardson", True),
        # events, laws, labels and journals (music, tennis, medicine, courts)
        ("Anniversary Tour", False),
        ("Davis Cup Finals", False),
        ("Second Amendment", False),
        ("Big Machine Records", False),
        ("Dick Clark Productions", False),
        ("BMJ Case Reports", False),
        ("Doobie Brothers", False),
        ("Scott Borchetta", True),
        # streets and a research team (drug arrests, hibernation research)
        ("Gladstone Avenue", False),
        ("Jolinda Drive", True),
        ("ESA Topical Team", False),
        # newspapers (a train stabbing, a football brawl)
        ("San Francisco Chronicle", False),
        # a surname that is also a place's word (politics, film)
        ("Park Geun-hye", True),
        ("Michael Bay", True),
        # a party's members (state elections, Congress)
        ("Kentucky Democrats", False),
        ("House Republicans", False),
        ("Matt Bevin", True),
    ],
)
def test_a_company_is_no_person(name: str, person: bool) -> None:
    assert is_person_name(name) is person


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "Senior author Dr. Silvia S. Martins, of Columbia University, commented.",
            ["Senior", "Silvia S. Martins", "Columbia University"],
        ),
        # a word qualifying a capitalized title is no name of its own (politics, medical
        # devices, courts)
        ("Former President George W. Bush spoke at the rally.", ["George W. Bush"]),
        ("Steve Lee, Senior Vice President of Sales, says it works.", ["Steve Lee", "Sales"]),
        ("Senior Judge Ann Ray ruled on Monday.", ["Ann Ray"]),
        ("The U.S. Army said so.", ["U.S", "Army"]),
        # a title written short is no part of the name before or after it
        ("Kentucky GOP Gov. Matt Bevin lost.", ["Kentucky GOP", "Matt Bevin"]),
        ("Republican Gov. Eric Holcomb left.", ["Republican", "Eric Holcomb"]),
        ("State Supt. Ann Lee and Atty. Bo Reed spoke.", ["State", "Ann Lee", "Bo Reed"]),
        ("He chose Plan B. Then he left.", ["Plan B"]),  # an initial ends no first name here
        # initials with their own full stops open a name; a place's may end a sentence
        # (science news, books, politics)
        ("They used the W.M. Keck Observatory in Hawaii.", ["W.M. Keck Observatory", "Hawaii"]),
        ("J.K. Rowling said it was fine.", ["J.K. Rowling"]),
        ("National security adviser H.R. McMaster left.", ["National", "H.R. McMaster"]),
        ("He moved to the U.S. Kate stayed.", ["U.S", "Kate"]),
        # a title word closing a name is a surname (a prisoner swap, a school board)
        ("American Kevin King and Tim Weeks were freed.", ["American Kevin King", "Tim Weeks"]),
        ("Ann Bishop said no.", ["Ann Bishop"]),
        ("King Charles spoke.", ["Charles"]),
        ("Tim Clark, the Emirates President, agreed.", ["Tim Clark", "Emirates"]),
        # a quote's opening word of address or assent names no one (police, business)
        ('"Hey, we found her," an officer said.', []),
        ('"OK, we will look at it again," Clark said.', ["Clark"]),
    ],
)
def test_a_middle_initial_is_part_of_the_name(sentence: str, names: list[str]) -> None:
    assert [m.text for m in find_mentions(sentence)] == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # an ampersand joins one firm's name, which is no person's
        (
            "Jeff Sanborn, president of Chapter & Verse, a Spokane agency, said so.",
            [("Jeff Sanborn", True), ("Chapter & Verse", False), ("Spokane", False)],
        ),
        ("On Tuesday, Procter & Gamble said sales rose.", [("Procter & Gamble", False)]),
        # not an ampersand between a name and a plain word
        ("Rock & roll fans cheered Zach Parise.", [("Rock", False), ("Zach Parise", True)]),
    ],
)
def test_an_ampersand_joins_one_name(sentence: str, names: list[tuple[str, bool]]) -> None:
    assert [(m.text, m.is_person) for m in find_mentions(sentence)] == names


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        # a sentence opening with "He" after one about the person; not one opening a quotation
        (
            [
                "Martin Keller is a retired welder from Ohio.",
                "He was charged in May.",
                '"He never meant it," his lawyer, Dana Cole, said.',
            ],
            {"keller": "he"},
        ),
        # a gendered noun said of the name ("is one of ... women", ", the ... actress")
        (
            ["Ana Ruiz is one of the first two Latina women elected to the council."],
            {"ruiz": "she"},
        ),
        (["Kim Lee, the 40-year-old actress, won."], {"lee": "she"}),
        (["Tom Baker, a father of three, spoke."], {"baker": "he"}),
        # a courtesy title
        (["Mrs. Joan Hart called the police."], {"hart": "she"}),
        # the first pronoun after the subject, before anyone else is named, outside quotes
        (["Brock Nelson scored his sixth goal of the season."], {"nelson": "he"}),
        (["Dana Cole said she would appeal for Martin Keller."], {"cole": "she"}),
        (['Dana Cole said "he lied" to Martin Keller.'], {}),
        (["Dana Cole told Martin Keller that he lied."], {}),
        # a name written after "the" is no one's: a team, a band, a law
        (
            ["Brock Nelson scored as the New York Islanders beat the Pittsburgh Penguins."],
            {"islanders": "it", "penguins": "it"},
        ),
        # mixed cues tell nothing
        (
            [
                "Sam Ortiz spoke first.",
                "He thanked the crowd.",
                "Sam Ortiz is a mother of two.",
            ],
            {},
        ),
    ],
)
def test_pronouns_the_article_uses(article: list[str], expected: dict[str, str]) -> None:
    cues = pronoun_cues([article])
    said = {key: pronoun_of(counts) for key, counts in cues.items()}
    assert {key: pronoun for key, pronoun in said.items() if pronoun} == expected


@pytest.mark.parametrize(
    ("pronouns", "mentions", "pronoun", "expected"),
    [
        (
            {"carlineo": "he", "omar": "she", "kennedy": "he"},
            {"carlineo": 8, "omar": 6, "kennedy": 3},
            "he",
            "carlineo",
        ),
        ({"carlineo": "he", "omar": "she"}, {"carlineo": 8, "omar": 6}, "she", "omar"),
        # four men named about as often: no one stands out
        ({"peskov": "he", "putin": "he"}, {"peskov": 6, "putin": 5}, "he", None),
        # named too seldom to be the story's own
        ({"dumba": "he"}, {"dumba": 2}, "he", None),
        ({"islanders": "it"}, {"islanders": 9}, "he", None),
        # a man the article names far less than another it calls nothing
        ({"simmons": "he"}, {"simmons": 5, "johnston": 4}, "he", None),
        ({"simmons": "he", "omar": "she"}, {"simmons": 5, "omar": 9}, "he", "simmons"),
    ],
)
def test_central_person(
    pronouns: dict[str, str], mentions: dict[str, int], pronoun: str, expected: str | None
) -> None:
    assert central_person(pronouns, mentions, pronoun) == expected


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Patrick W. Carlineo Jr.", "carlineo"),
        ("James P. Kennedy Jr", "kennedy"),
        ("Ken Griffey Sr.", "griffey"),
        ("LeBron James", "james"),
        ("Malcolm Jr", "jr"),  # two words: no surname left to fall back to
    ],
)
def test_name_key_leaves_out_suffixes(name: str, key: str) -> None:
    assert name_key(name) == key


def story(*texts: str, source: str = "a.txt") -> list[Sentence]:
    """One article's sentences as ingest stores them, with the names each mentions."""
    return spoken_story(*((text, "") for text in texts), source=source)


def spoken_story(*lines: tuple[str, str], source: str = "a.txt") -> list[Sentence]:
    """`story`, each sentence with its speaker as ingest found it."""
    chunk = {"source": source, "title": "A", "paragraph": 1, "start": 0}
    return [
        sentence_of(
            f"a#1:{position}",
            "a#1",
            text,
            chunk,
            {
                "start": 0,
                "end": len(text),
                "position": position,
                "mentions": "|".join(m.text for m in find_mentions(text)),
                "speakers": speaker,
            },
        )
        for position, (text, speaker) in enumerate(lines)
    ]


FILLER = ("The case drew wide attention.", "Officials gave no details.", "It was rare.")


@pytest.mark.parametrize(
    ("texts", "central"),
    [
        # named in the opening and far more often than anyone else: the story's man
        (
            (
                "Martin Keller pleaded guilty on Monday.",
                "Keller is a retired welder.",
                "He was arrested in May.",
                "Keller faces ten years in prison.",
                "Prosecutor Ann Lee spoke after the hearing.",
            ),
            "Martin Keller",
        ),
        # the doctor quoted further down a story on an unnamed patient is not its "he"
        (
            (
                "A man fell ill after buying new pillows.",
                *FILLER,
                "His doctor sent him to Tom Baker.",
                "Tom Baker is a chest physician.",
                "He said such cases are rare.",
                "Baker said the man recovered.",
                "Baker added that the pillows were the cause.",
            ),
            None,
        ),
    ],
)
def test_the_one_person_a_story_is_about(texts: tuple[str, ...], central: str | None) -> None:
    assert NameGazetteer.build(story(*texts)).central_person("he") == central


@pytest.mark.parametrize(
    ("lines", "pronoun", "apart", "central"),
    [
        # a club quoted about as often as its new manager: no one stands out, unless the
        # question names the club itself ("What did Orbit United say about him?") (football)
        (
            (
                ("Jose Mora agreed a deal with Orbit United.", ""),
                ("Mora has won titles in four countries.", ""),
                ("Orbit United said Mora was a great manager.", "Orbit United"),
                ("Mora said he was excited.", "Mora"),
                ("Orbit United said the deal runs to 2023.", "Orbit United"),
                ("Fans cheered for Orbit United.", ""),
            ),
            "he",
            frozenset({"orbit", "united"}),
            "Jose Mora",
        ),
        # a coach quoted about as often as the runner: "What did Tom Ray say about her?" (sport)
        (
            (
                ("Ann Lee won the race.", ""),
                ("Lee trained for years.", ""),
                ("Coach Tom Ray said Lee was ready.", "Tom Ray"),
                ("Lee said she was happy.", "Lee"),
                ("Ray said the team was proud.", "Ray"),
                ("Fans thanked Ray.", ""),
            ),
            "she",
            frozenset({"tom", "ray"}),
            "Ann Lee",
        ),
    ],
)
def test_whom_the_question_names_is_no_rival_of_the_one_a_story_is_about(
    lines: tuple[tuple[str, str], ...], pronoun: str, apart: frozenset[str], central: str
) -> None:
    names = NameGazetteer.build(spoken_story(*lines))
    assert names.central_person(pronoun) is None
    assert names.central_person(pronoun, apart) == central


@pytest.mark.parametrize(
    ("sentence", "before", "after"),
    [
        ("“We lost twice this week.", False, True),
        ("All you can do is work,” he said.", True, False),
        ('"We lost," he said.', False, False),
        ('He said: "We lost.', False, True),
        ("The team lost.", True, True),  # nothing closes it
    ],
)
def test_a_quotation_left_open(sentence: str, before: bool, after: bool) -> None:
    assert still_quoting(sentence, before) is after


@pytest.mark.parametrize(
    ("sentence", "continues"),
    [
        ("“You never know why, that’s what I’ve been telling my kids.", True),
        ("“It deepens your appreciation,” said the actor.", True),
        ("“It was a good game,” said Ann Lee.", False),
        ("“We lost,” Ray said.", False),
        ("The coach said nothing.", False),
    ],
)
def test_an_untagged_quotation_continues_the_last_speaker(sentence: str, continues: bool) -> None:
    assert opens_quote(sentence) is continues


def test_an_index_of_several_stories_has_no_one_person() -> None:
    keller = (
        "Martin Keller pleaded guilty on Monday.",
        "Keller is a retired welder.",
        "He was arrested in May.",
        "Keller faces ten years in prison.",
    )
    other = story("The council met on Tuesday.", "It voted on the budget.", source="b.txt")
    names = NameGazetteer.build([*story(*keller), *other])
    assert names.central_person("he") is None
    assert names.person_pronoun("Martin Keller") == "he"  # each story still tells its people


@pytest.mark.parametrize(
    ("text", "sentence", "speakers", "voices"),
    [
        pytest.param(
            "Two men died in the clashes.\n\nA medic on the scene told Radio Sur that he tried "
            "to save one of them.",
            "A medic on the scene told Radio Sur that he tried to save one of them.",
            "",
            "A medic",
            id="a described speaker and where, told a named outlet (protest report)",
        ),
        pytest.param(
            "“It was a shot to the chest,” the medic said.",
            "“It was a shot to the chest,” the medic said.",
            "",
            "the medic",
            id="after a quotation (protest report)",
        ),
        pytest.param(
            "The plane landed at the Pune airport at 6am, an airport official said.",
            "The plane landed at the Pune airport at 6am, an airport official said.",
            "",
            "an airport official",
            id="the one described before the verb, not a place named further back (deportation)",
        ),
        pytest.param(
            "Ombudsman Rosa Vela’s office said the deaths were caused by gunshot wounds.",
            "Ombudsman Rosa Vela’s office said the deaths were caused by gunshot wounds.",
            "",
            "Ombudsman Rosa Vela’s office",
            id="someone's office, not the person (protest report)",
        ),
        pytest.param(
            "Police said the driver fled. Two police cars followed him.",
            "Police said the driver fled.",
            "",
            "Police",
            id="a group without an article (crime report)",
        ),
        pytest.param(
            "Emirates agreed to buy 30 of Boeing's Dreamliner jets, executives of both "
            "companies announced Wednesday.",
            "Emirates agreed to buy 30 of Boeing's Dreamliner jets, executives of both "
            "companies announced Wednesday.",
            "",
            "executives",
            id="a group described after a name, not the name (plane order)",
        ),
        pytest.param(
            "The union's offer was rejected, lawyers for the district said.",
            "The union's offer was rejected, lawyers for the district said.",
            "",
            "lawyers",
            id="a group, whose it is only says which (teachers' strike)",
        ),
        pytest.param(
            "In a sign of the confusion, the Electoral Commission, which regulates campaign "
            "finances, issued a statement warning voters.",
            "In a sign of the confusion, the Electoral Commission, which regulates campaign "
            "finances, issued a statement warning voters.",
            "Electoral Commission",
            "",
            id="a name after an opening phrase is the subject, no appositive (election)",
        ),
        pytest.param(
            "Tim Clark, the Emirates President, said the order was firm.",
            "Tim Clark, the Emirates President, said the order was firm.",
            "Tim Clark",
            "",
            id="an appositive of capitalised words with a title in it (plane order)",
        ),
        pytest.param(
            "Tim Ray, the Wild coach, said the team was tired.",
            "Tim Ray, the Wild coach, said the team was tired.",
            "Tim Ray",
            "",
            id="an appositive between the speaker and the verb (hockey)",
        ),
        pytest.param(
            "Ann Lee was arrested on Friday, police said.",
            "Ann Lee was arrested on Friday, police said.",
            "",
            "police",
            id="a group speaking of the one named before (crime report)",
        ),
        pytest.param(
            "Its sales fell 4%, said the company.",
            "Its sales fell 4%, said the company.",
            "",
            "the company",
            id="after the verb, closing the clause (business news)",
        ),
        pytest.param(
            "Coach Ann Lee praised the forward. “He works hard,” Lee said.",
            "“He works hard,” Lee said.",
            "Ann Lee",
            "",
            id="a named speaker has no description (hockey)",
        ),
        pytest.param(
            "The number who said they would vote rose. Markets said little.",
            "The number who said they would vote rose.",
            "",
            "",
            id="no noun heads the subject: a relative pronoun (polling)",
        ),
        pytest.param(
            "The dollar rose, it said.",
            "The dollar rose, it said.",
            "",
            "",
            id="a pronoun describes no one (business news)",
        ),
        pytest.param(
            "Chile's trade ministry said it viewed the move as “another blow to” the talks on "
            "a deal and said it would respond.",
            "Chile's trade ministry said it viewed the move as “another blow to” the talks on "
            "a deal and said it would respond.",
            "",
            "Chile's trade ministry",
            id="whose ministry; nothing after a quotation's words is a speaker (diplomacy)",
        ),
        pytest.param(
            "Two Gulf states have signed treaties with Israel, with Omani Foreign Minister Yusuf "
            "Alawi warning of “grave consequences”.",
            "Two Gulf states have signed treaties with Israel, with Omani Foreign Minister Yusuf "
            "Alawi warning of “grave consequences”.",
            "Yusuf Alawi",
            "",
            id="a warning is said; the states that signed said nothing (diplomacy)",
        ),
        pytest.param(
            "“We got out more than we put in,” Ann Lee, a fellow at the institute in Munich, "
            "Germany, and co-author of the study, said in a statement.",
            "“We got out more than we put in,” Ann Lee, a fellow at the institute in Munich, "
            "Germany, and co-author of the study, said in a statement.",
            "Ann Lee",
            "",
            id="a city and its country inside the speaker's description (science news)",
        ),
        pytest.param(
            "“Water is hard to find,” lead author Ann Lee, a scientist at the Goddard center in "
            "Greenbelt, Maryland, and American University in Washington, D.C., said.",
            "“Water is hard to find,” lead author Ann Lee, a scientist at the Goddard center in "
            "Greenbelt, Maryland, and American University in Washington, D.C., said.",
            "Ann Lee",
            "",
            id="two places of work, each with its state (science news)",
        ),
    ],
)
def test_a_speaker_described_but_never_named(
    tmp_path: Path, text: str, sentence: str, speakers: str, voices: str
) -> None:
    assert sentences_of(tmp_path, text, ("speakers", "voices"))[sentence] == (speakers, voices)


def headlined(headline: str, *texts: str) -> list[Sentence]:
    """`story` under a headline, as ingest marks the headline's line."""
    first, *rest = story(headline, *texts)
    return [replace(first, section=HEADLINE_SECTION), *rest]


@pytest.mark.parametrize(
    ("sentences", "thing"),
    [
        # the headline's thing the lede names, named most (gaming, aviation)
        (
            headlined(
                "Stadia Falls Short of 4K at Launch",
                "Google Stadia launches tomorrow in 14 countries.",
                "Google Stadia costs $130.",
                "Reviewers found Google Stadia slow.",
            ),
            "Google Stadia",
        ),
        (
            headlined(
                "Emirates orders 30 Boeing jets",
                "Emirates finalized a deal with Boeing on Wednesday in Dubai.",
                "Emirates had cut an earlier order.",
                "Emirates also flies Airbus jets.",
            ),
            "Emirates",
        ),
        # no place ("in China") and no person ("she") is the story's "it" (health, politics)
        (
            headlined(
                "Plague cases in China",
                "Three cases of plague were found in China.",
                "China said the risk was low.",
                "Doctors in China were told to watch.",
            ),
            None,
        ),
        (
            headlined(
                "Hege defends the campaign",
                "Michelle Hege defended the campaign.",
                "Hege said she was proud of it.",
                "Hege runs a firm in Spokane.",
            ),
            None,
        ),
        # named too seldom to be what the story is about (science)
        (
            headlined("Plumes on Europa", "Europa has plumes, NASA says.", "They are rare."),
            None,
        ),
    ],
)
def test_the_one_thing_a_story_is_about(sentences: list[Sentence], thing: str | None) -> None:
    assert NameGazetteer.build(sentences).central_thing() == thing


def test_no_one_thing_among_several_stories() -> None:
    one = headlined("Emirates orders jets", *["Emirates bought jets."] * 3)
    other = [replace(s, source="b.txt") for s in story("Boeing sells jets.")]
    assert NameGazetteer.build([*one, *other]).central_thing() is None


@pytest.mark.parametrize(
    ("paragraphs", "speakers"),
    [
        pytest.param(
            [
                'Councillor Hugo Okafor said the ferry "will halve the wait."',
                "His sister, Greta Okafor, who runs a cafe at the pier, said she "
                '"expects more customers."',
            ],
            ["Hugo Okafor", "Greta Okafor"],
            id="a councillor and his sister (local news)",
        ),
        pytest.param(
            [
                'Councillor Hugo Okafor said the ferry "will halve the wait."',
                "His sister, Greta Okafor, runs a cafe at the pier.",
                '"We will need more staff," Okafor said.',
            ],
            ["Hugo Okafor", "", "Greta Okafor"],
            id="a surname alone: the one of them named last",
        ),
        pytest.param(
            [
                "Venus Williams lost in the first round. Serena Williams won in straight sets.",
                '"I felt strong today," Serena Williams said.',
                '"It was a tough draw," Venus Williams told reporters.',
            ],
            ["", "Serena Williams", "Venus Williams"],
            id="sisters in one match report (sports)",
        ),
        pytest.param(
            [
                '"We owe them our thanks," Former President Bill Clinton said.',
                'Hillary Clinton followed him. "It was a long night," Clinton said.',
            ],
            ["Bill Clinton", "Hillary Clinton"],
            id="spouses at one event (politics)",
        ),
        pytest.param(
            ['Gov. Matt Bevin spoke at the rally. "Schools will stay open," Bevin said.'],
            ["Matt Bevin"],
            id="one person of the surname: as before",
        ),
    ],
)
def test_people_of_one_surname_are_told_apart_by_their_first_names(
    tmp_path: Path, paragraphs: list[str], speakers: list[str]
) -> None:
    said = sentences_of(tmp_path, "\n\n".join(["Notes From the Week", *paragraphs]))
    # who speaks in each paragraph's last sentence
    last = [max((t for t in said if t in text), key=text.rfind) for text in paragraphs]
    assert [said[sentence][0] for sentence in last] == speakers


GIVEN = frozenset("hugo greta vladimir alexander serena venus joe hunter h".split())
NAMED = frozenset("okafor petrov putin lukashenko williams biden".split()) | GIVEN


@pytest.mark.parametrize(
    ("asked", "speaker", "another"),
    [
        ("Mayor Hugo Okafor", "Greta Okafor", True),  # local news: a sister
        ("Mayor Hugo Okafor", "Hugo Petrov", True),  # another article's Hugo
        ("Serena Williams", "Venus Williams", True),  # sports
        ("Joe Biden", "Hunter Biden", True),  # politics
        ("Mayor Hugo Okafor", "Hugo Okafor", False),
        ("Hugo Okafor", "Councillor Hugo Okafor", False),  # a title before the name
        ("Hugo Okafor", "Hugo A. Okafor", False),  # a middle initial
        ("Hugo Okafor", "H. Okafor", False),  # an initial agrees with the name
        ("Mayor Okafor", "Greta Okafor", False),  # a title names no one apart
        ("Hugo", "Hugo Petrov", False),  # a first name alone
        ("President Putin", "Vladimir Putin", False),
        ("Putin and Lukashenko", "Alexander Lukashenko", False),  # two people asked
        ("Hugo's wife", "Hugo Petrov", False),  # "wife" is no surname
        ("Serena Williams", "Williams", False),  # a surname alone is the asked one's
    ],
)
def test_another_person_of_the_same_name(asked: str, speaker: str, another: bool) -> None:
    assert another_person(asked, speaker, GIVEN, NAMED) is another


@pytest.mark.parametrize(
    ("name", "personal"),
    [
        ("Councillor Hugo Okafor", ["hugo", "okafor"]),
        ("Former President Bill Clinton", ["bill", "clinton"]),
        ("Donald Trump Jr.", ["donald", "trump"]),
        ("Gov. Matt Bevin", ["matt", "bevin"]),
        ("Peskov", ["peskov"]),
    ],
)
def test_a_persons_own_name_leaves_out_titles_and_suffixes(name: str, personal: list[str]) -> None:
    assert personal_words(name) == personal


@pytest.mark.parametrize(
    ("name", "given"),
    [
        ("Councillor Greta Okafor", "greta"),  # local news
        ("Former President Bill Clinton", "bill"),  # politics
        ("Kentavious Caldwell-Pope", "kentavious"),  # sports
        ("Los Angeles Lakers", None),  # a place opens it
        ("Host the Lakers", None),  # a lowercase word inside
        ("NBA-leading Lakers", None),
        ("Leveraging Ascom Connect", None),  # a product, after a gerund
        ("J.K. Rowling", None),  # initials say no first name
        ("Peskov", None),
    ],
)
def test_the_first_name_of_a_name_written_in_full(name: str, given: str | None) -> None:
    assert given_name(name) == given
