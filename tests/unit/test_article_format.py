"""Headlines, bylines and answer kinds: the rules that read an article's form, on examples
written in the formats of several outlets (wire stories, sports reports, trade press)."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.ingest.loader import is_byline, is_headline, load_article
from retrieval.language.answer_kinds import (
    ASKS_PAST,
    DAY_OF_YEAR,
    FUTURE_SAID,
    kind_score,
    only_ahead,
    winner,
)
from retrieval.language.lexicon import FURNITURE_LINES


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Thousands rally at the capitol for higher teacher pay", True),
        ("Cannabis Use Disorder is Rising in U.S. States Where Weed is Legal", True),
        ("‘We had a rough night,’ coach says after 4-1 loss", True),
        ("Mayor Signs Budget; Council Vows Review", True),
        ("What happens next:", False),
        ("The council approved the budget on Tuesday after a long debate.", False),
        # title case may end as a sentence does (markets, politics)
        ("Home Depot Stock Is Falling After Its Earnings Release. Why You Shouldn’t Worry.", True),
        ("Will Voters Forgive the Governor?", True),
        ("Economy in stress and markets on a high; time to be careful?", False),
        (" ".join(["word"] * 25), False),
    ],
)
def test_headline(line: str, expected: bool) -> None:
    assert is_headline(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Maria Lopez, Associated Press", True),
        ("Sam Reed, Ap Sports Writer", True),
        ("by Jane Quill — March 3, 2021", True),
        ("By ALEX KIM", True),
        ("Lena Ortiz | Reuters", True),
        # datelines and ledes are not bylines
        ("BOSTON (AP) — The mayor said the plan would cost more than expected.", False),
        ("Springfield – Several hundred nurses marched on Tuesday", False),
        ("WASHINGTON — NASA announced on Monday that it had picked two firms.", False),
        ("The company said demand was higher than expected.", False),
        ("Related coverage", False),
    ],
)
def test_byline(line: str, expected: bool) -> None:
    assert is_byline(line) is expected


def test_a_plain_text_article_keeps_its_headline_as_title_and_its_byline_as_author(
    tmp_path: Path,
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "Nurses march on city hall over staffing\n\nMaria Lopez, Associated Press\n\n"
        "SPRINGFIELD – Several hundred nurses marched on Tuesday.\n\n"
        '"We are exhausted," said Dana Cole, a nurse.\n',
        encoding="utf-8",
    )
    article = load_article(story)
    assert article.title == "Nurses march on city hall over staffing"
    headline, byline, lede, quote = article.paragraphs
    assert (headline.number, headline.section, headline.is_heading) == (0, "headline", True)
    assert headline.text == article.title
    assert (byline.number, byline.section, byline.is_heading) == (1, "author", False)
    # the story after the byline is not part of the author's section
    assert lede.section == "" and quote.section == ""


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        # another story's headline linked from the page, however long (crime, politics)
        ("Updated Police Identify Man, Woman Found Dead in Plano Apartment", True),
        ("Fitzgerald Equates Firing to Professional 'Death Sentence'", True),
        ("Senate Leaders Strike Deal to Reopen the Government Through Next Month", True),
        # a sentence of the story, with or without its full stop (crime, sport)
        ("The suspect was convicted and sentenced to life in federal prison last Thursday", False),
        (
            "Mourinho, who also managed Porto, Real Madrid and Inter Milan, has turned down offers",
            False,
        ),
    ],
)
def test_a_linked_headline_in_the_body_is_a_heading(
    tmp_path: Path, line: str, heading: bool
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "Girl rescued from hotel room\n\nBy Ann Lee\n\nPolice found the girl on Monday.\n\n"
        "Officers forced open the door.\n\nShe was unhurt.\n\nHer family thanked them.\n\n"
        f"{line}\n\nThe video was released later.\n",
        encoding="utf-8",
    )
    found = next(p for p in load_article(story).paragraphs if p.text == line)
    assert found.is_heading is heading


@pytest.mark.parametrize(
    ("closing", "credited"),
    [
        ("(Reporting by Will Dunham; Editing by Tom Brown)", True),
        ("Additional reporting by Jane Doe in Kabul; writing by Sam Reed", True),
        # a story line that says who reported something is no credit
        ("The fire was first reported by a neighbour.", False),
        ("Reporters were kept away from the site.", False),
    ],
)
def test_a_wire_story_credits_its_writers_in_its_last_lines(
    tmp_path: Path, closing: str, credited: bool
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "Probe maps a distant moon\n\nScientists released the first map on Monday.\n\n"
        f"Plains cover most of the surface.\n\n{closing}\n\n© Reuters\n",
        encoding="utf-8",
    )
    sections = {p.text: p.section for p in load_article(story).paragraphs}
    assert (sections[closing] == "author") is credited
    assert sections["Plains cover most of the surface."] == ""


@pytest.mark.parametrize(
    ("wh", "sentence", "expected"),
    [
        ("how_old", "Cole, 34, has worked at the hospital since 2012.", 1.0),
        ("how_old", "Tom Baker Jr., 55, of Addison, pleaded guilty.", 1.0),
        ("how_old", "The 61-year-old senator said he would run again.", 1.0),
        ("how_old", "The bill passed 34-12 in the Senate.", 0.0),
        ("score", "The Hawks beat the Owls 112-107 on Tuesday night.", 1.0),
        ("score", "Minnesota won 4-1 in front of 15,000 fans.", 1.0),
        ("score", "The 13-month-old war has displaced millions.", 0.0),
        ("when", "The group left at about 4:30 a.m. for the rally.", 1.0),
        ("when", "The council met on Tuesday.", 1.0),
        ("when", "The council met in the old library.", 0.0),
        # a month's day abbreviated (an election, a deadline); not a verb ending in a number
        ("when", "Parties are battling to win the U.K.'s Dec. 12 election.", 1.0),
        ("when", "He promised Britain would leave the EU on Oct. 31.", 1.0),
        ("when", "New car sales declined 10 percent.", 0.0),
        # a day, for "What day ...?"
        ("when_day", "The court issued the warrant this month.", 0.0),
        ("when_day", "The Kremlin on Friday dismissed the proposal.", 1.0),
        ("when_day", "NASA announced Nov. 18 that it was adding five companies.", 1.0),
        ("when_day", "The board meets on 3 March to decide.", 1.0),
        ("when_day", "The plan was approved in 2019.", 0.0),
        ("when_day", "Stalock stopped 30 shots in 2019-20.", 0.0),
        ("how_many", "Several thousand teachers marched.", 1.0),
        ("how_many", "Teachers have marched every year since 2002.", 0.0),  # a year
        ("when_future", "It is a rover NASA plans to fly in 2022.", 1.0),
        ("when_future", "The teams meet again next week in Denver.", 1.0),
        ("when_future", "The council will vote on Monday.", 1.0),
        ("when_future", "Dragonfly is scheduled to reach Titan in 2034.", 1.0),
        ("when_future", "The store is slated to open in May.", 1.0),
        ("when_future", "The probe was launched in 2004.", 0.0),
        ("when_future", "He scored at 7:14 and again at 19:56.", 0.0),  # a time, not to come
        ("when_future", "The plan was approved in 2019.", 0.0),
        ("when_future", "He said the lander should be available starting in 2023.", 1.0),
        ("when_future", "These teams meet again in Oklahoma City in three days.", 1.0),
        ("when_future", "The firm will offer the lander it unveiled in May.", 0.0),  # its own time
        ("when_future", "Rates have risen in recent years.", 0.0),
        # a deadline
        ("when_future", "A panel is to make recommendations by the end of 2020.", 1.0),
        ("when_future", "The agency wants a lander built by the end of the year.", 1.0),
        # a schedule said in the present
        ("when_future", "Lawmakers meet before their session that starts in early January.", 1.0),
        ("when_future", "The new arena opens in late October.", 1.0),
        ("when_future", "The session started in early January.", 0.0),
        ("when", "James hit a 3-pointer with 3:08 to play.", 0.0),  # a game clock
        ("when", "Gallinari's free throws came with 1:24 left.", 0.0),
        ("where", 'She said "we will win in Paris" at the rally.', 0.5),  # only inside a quote
        # where a study came out
        ("where", "The research, published in the journal Nature Medicine, found it.", 1.0),
        ("where", "The findings appeared in The Lancet on Monday.", 1.0),
        # a visit to a place, not a visit to one the question asks about (its name blanked)
        ("where", "He spoke during a visit to the city of Bucha.", 1.0),
        ("where", "He spoke during a visit to Bucha.", 1.0),
        ("where", "Now consider Trump's visit to ______ ____ on Saturday.", 0.0),
        ("where", "The study was published last week.", 0.0),
        # a place named by what it is, and where a speech was given (deportation, protest,
        # defence news)
        ("where", "The plane landed at the T3 terminal of the city airport at 6am.", 1.0),
        ("where", "Police fired near the fuel plant on Tuesday.", 1.0),
        ("where", "He said so in a speech to the Diplomatic Academy of Vietnam.", 1.0),
        ("where", "He gave a speech about trade on Tuesday.", 0.0),
        ("how_long", "Callers said they were on hold for more than two hours.", 1.0),
        ("how_long", "Subscribers can start with a free weeklong trial.", 1.0),
        ("how_long", "The program will be in its third year in January.", 1.0),
        ("how_long", "The strike lasted for a month.", 1.0),
        ("how_long", "The reactor has been offline since 2014.", 1.0),
        # a span to a known end (football, soccer)
        ("how_long", "The league suspended him for the remainder of the season.", 1.0),
        ("how_long", "He signed a deal until the end of the 2022/23 season.", 1.0),
        ("how_long", "The club will stay until the end of the match.", 0.0),
        ("how_long", "The 13-month-old war has displaced millions.", 1.0),
        ("how_long", "The service costs $6.99-a-month in the U.S.", 0.0),  # a price
        ("where", "BUFFALO, N.Y. — Hours before the game, the coach spoke.", 1.0),  # a dateline
        ("where", "LOS ANGELES (AP) — The Lakers won again.", 1.0),
        ("where", "The campaign was run by a Minneapolis-based firm.", 1.0),
        ("rank", "Spurs have won five matches and currently lie 14th in the table.", 1.0),
        # someone taken or gone to a place (crime news)
        ("where", "He took the child to Forest Hill's WoodSpring Suites hotel.", 1.0),
        ("where", "After the fight he drove to a church parking lot.", 1.0),
        # sent or flown somewhere (a prisoner swap, an evacuation); not back to an act
        ("where", "The government freed three prisoners and sent them to Qatar.", 1.0),
        ("where", "The wounded soldier was flown to Germany for treatment.", 1.0),
        ("where", "She returned to work on Monday.", 0.0),
        ("where", "They sent a letter to management.", 0.0),
        ("where_home", "After the fight he drove to a church parking lot.", 0.0),  # no home
        ("where", "He took over the team after the season.", 0.0),
        # how often: a rate
        ("how_often", "The goal is two deliveries to the lunar surface every year.", 1.0),
        ("how_often", "The league meets twice a season.", 1.0),
        ("how_often", "The survey is published annually.", 1.0),
        ("how_often", "The lander will fly in 2022.", 0.0),
        # a time counted from the story's day
        ("when", "These teams meet again in Oklahoma City in three days.", 1.0),
        ("when", "The service will be back within a few weeks.", 1.0),
        ("when", "The game lasted three hours.", 0.0),
        # a year something had happened by is not when it happened
        ("when", "States where cannabis had been legalized by 2016 saw a rise.", 0.0),
        ("when_year", "States where cannabis had been legalized by 2016 saw a rise.", 0.0),
        ("when_year", "By 2019, the program had grown to nine companies.", 0.0),
        ("when_year", "Mayer was named chairman in March 2018.", 1.0),
        ("when", "The team was founded in 1967 and moved by train.", 1.0),
        ("when_future", "The commission will make its recommendations by 2020.", 1.0),
        ("where", "The teacher from Evansville joined the march.", 1.0),
        # a place after a word for its part of a state or country
        ("where", "Joel Schlabach, a teacher at eastern Indiana’s Richmond High School.", 1.0),
        ("where", "The fans came from northern Ohio.", 1.0),
        ("where", "The plant in southern Minnesota closed.", 1.0),
        ("where", "He said it in eastern time.", 0.0),
        ("where", "He said so on Tuesday after the game.", 0.0),
        ("where", "The campaign will be in its third year in January.", 0.0),  # a month
        # where a firm is based, said by naming the place before what is there
        ("where_home", "Hege runs DH, the Spokane advertising and branding firm.", 1.0),
        ("where_home", "Demand swamped the Burbank entertainment giant.", 1.0),
        ("where_home", "The firm was founded in Spokane.", 1.0),
        ("where_home", "New Jersey native Connor Clifton added a goal.", 1.0),
        ("where_home", "The data came from a Sugar Land-based provider.", 1.0),
        ("where_home", "Lee, a native of Ohio, moved west in 2001.", 1.0),
        ("where_home", "Lee grew up in Dayton and moved west.", 1.0),
        # a hometown after an age, in news style (court news, sport)
        ("where_home", "Patrick Carlineo Jr., 55, of Addison, pleaded guilty.", 1.0),
        ("where_home", "Defenseman Ann Lee, 23, of Duluth scored twice.", 1.0),
        ("where_home", "He got 55, of which 30 came late.", 0.0),
        ("where_home", "Native plants grow along the border.", 0.0),
        ("where", "Hege runs DH, the Spokane advertising and branding firm.", 0.0),
        ("where_home", "The Disney streaming service launched on Tuesday.", 0.0),
        ("where", "Fans have queued from Monday for tickets.", 0.0),
        ("where", "Fans have queued in Maysville for tickets.", 1.0),
        ("where", "James has five triple-doubles in the Lakers’ last 10 games.", 0.0),  # a team's
        ("where", "The talks were held in the city of Geneva.", 1.0),
        ("where", "The teachers rallied at the Statehouse.", 1.0),
        # a trip to a named place, a place named by what it is
        ("where", "He kept plans for traveling to Florida for a conference.", 1.0),
        ("where", "We were doing our advertising on gaming sites.", 1.0),
        ("where", "He posted the ads on the wall by the dining table.", 1.0),
        ("where", "He talked to Reporters about the ads.", 0.0),
        ("where", "She was on the phone for two hours.", 0.0),
        ("share", "Of the participants, 65 percent were white.", 1.0),
        ("share", "Just over half were female.", 1.0),
        ("share", "The plague wiped out nearly one-third of Europe's population.", 1.0),
        ("share", "Plains (covering 65 percent of the surface) dominate.", 1.0),
        ("share", "The survey covered 8,000 participants.", 0.0),
        ("change", "The budget boosted spending by 2.5% each year.", 1.0),
        ("change", "The budget added $40 million for schools.", 1.0),
        ("how_long", "The lander will carry cargo to the moon.", 0.0),
        ("how_long", "The supercomputer ran continuously for more than a year.", 1.0),  # science
        ("how_long", "The Eagles snapped an 11-game losing streak to the Huskies.", 1.0),  # sport
        ("how_much", "The company spent more than $3 billion on programming.", 1.0),
        ("how_much", "The budget boosts school spending by 2.5% each year.", 0.0),  # a share
        # other currencies, by sign, code or name (deportation, trade, markets)
        ("how_much", "He said he had spent Rs 24 lakh on four attempts.", 1.0),
        ("how_much", "The yen bought ¥1.2 trillion in bonds.", 1.0),
        ("how_much", "China agreed to buy US$50 billion of farm goods.", 1.0),
        ("how_much", "The fund paid out 300 million yuan last year.", 1.0),
        ("how_much", "He was deported for the fourth time in 24 months.", 0.0),
        # a cause or a purpose, for "why"
        ("why", "The on-ramp was specifically designed to attract heavier landers.", 1.0),
        ("why", "The teachers rallied to call for better pay.", 1.0),
        ("why", "The campaign is aimed at young men.", 1.0),
        ("why", "The on-ramp opened in May with five companies.", 0.0),
        # a line of counts, for someone's stats
        ("stats", "James finished with 25 points, 11 rebounds and 10 assists.", 1.0),
        ("stats", "Paul had four points, 10 assists and five rebounds for the Thunder.", 1.0),
        ("stats", "The company reported revenue of $5 billion and 40 million subscribers.", 0.0),
        ("stats", "Anthony Davis scored 34 points.", 0.0),
        # what someone was after; "went after" someone is no cause
        ("why", "Eichel said he was just trying to spark some energy.", 1.0),
        ("why", "The firm advertised on gaming sites in an effort to reach young men.", 1.0),
        ("why", "Jack Eichel went after Eriksson Ek and threw punches.", 0.0),
        ("why", "The lander, named after a moon crater, will fly in 2023.", 0.0),
        ("why", "Schools closed after the unions called a rally.", 1.0),
        # what research found, as news reports it
        ("finding", "Rates have risen in states where it is legal, according to a study.", 1.0),
        ("finding", "The survey of 2,000 voters showed support falling.", 1.0),
        ("finding", "Scientists found that the ice was older than thought.", 1.0),
        ("finding", "The study was published in the journal JAMA Psychiatry.", 0.0),
        ("finding", "Police found the car near the river.", 0.0),
        # a year, for "what year": not a month or "this year"
        ("when_year", "The rover will fly in 2022.", 1.0),
        ("when_year", "The campaign will be in its third year in January.", 0.0),
        ("when_year", "Rates were compared between 2008 and 2016.", 1.0),
        ("when_year", "The state has 15,000 teachers this year.", 0.0),
        # a place in an order, not any ordinal
        ("rank", "James is fifth in NBA history with 86 triple-doubles.", 1.0),
        ("rank", "The Wild are now ranked 12th among the 16 teams.", 1.0),
        ("rank", "The lander company finished third on the list.", 1.0),
        ("rank", "Davis scored 34 points in the Lakers' fifth straight victory.", 0.0),
        ("rank", "James became the first player to do it against every team.", 0.0),
        ("rank", "The teachers rallied for the second year.", 0.0),
    ],
)
def test_answer_kinds(wh: str, sentence: str, expected: float) -> None:
    assert kind_score(wh, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "to_come"),
    [
        ("These teams meet again in Oklahoma City in three days.", True),
        ("Gwynne Shotwell said that Starship will be able to deliver cargo.", True),
        ("The council is scheduled to vote on the budget.", True),
        ("The Lakers plan to re-evaluate him within the next 24 hours.", True),
        ("The Wild lost defenseman Matt Dumba to an undisclosed injury.", False),
        ("Several thousand teachers surrounded the Statehouse on Tuesday.", False),
        # a schedule in the present tense
        ("Lakers: Visit the Thunder on Friday.", True),
        ("The Sabres host the Flyers on Thursday.", True),
        ("The Sabres hosted the Flyers on Thursday.", False),
    ],
)
def test_what_is_said_of_the_future(sentence: str, to_come: bool) -> None:
    assert bool(FUTURE_SAID.search(sentence)) is to_come


# --- Saved web pages --------------------------------------------------------------------------

# The furniture of a news page around its story: what the extractor must leave out.
PAGE = """<!doctype html>
<html><head><meta charset="{charset}"><title>{title}</title>{meta}</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sports">Sports</a></li>
<li><a href="/weather">Weather</a></li></ul></nav>
<main><article>
{heading}
{byline}
{paragraphs}
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Ten things to do this weekend in town</a></li>
<li><a href="/b">Council race heats up as filing closes</a></li></ul></aside></main>
<footer><p>Copyright 2024 The Daily Example. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a></footer>
<script>var tracker = "Breaking: this is not part of the story.";</script>
</body></html>"""
NURSES = [
    "SPRINGFIELD – Several hundred nurses marched on city hall on Tuesday to demand more staff "
    "on every ward, saying shifts of sixteen hours had become routine at the county hospital.",
    "“We are exhausted, and our patients are the ones who pay for it,” said Dana Cole, a nurse "
    "who has worked in the emergency room for eleven years.",
    "The hospital’s chief executive, Ray Porter, said in a statement that the board would "
    "review staffing levels at its meeting next month and hire forty nurses by the summer.",
]
HAWKS = [
    "DENVER (AP) — Ann Lee scored 31 points and the Hawks held off the Owls 112-107 on Monday "
    "night for their fifth straight win, the longest streak of the team’s season so far.",
    "Lee made four 3-pointers in the fourth quarter, the last with 55 seconds left, after the "
    "Owls had cut a 19-point lead to two with a run of eleven straight points.",
    "“We kept our heads when it got close, and that is what good teams do,” coach Sam Reed "
    "said after the game.",
]


def page(
    paragraphs: list[str],
    *,
    title: str = "",
    heading: str = "",
    byline: str = "",
    meta: str = "",
    charset: str = "utf-8",
) -> bytes:
    return PAGE.format(
        charset=charset,
        title=title,
        meta=meta,
        heading=f"<h1>{heading}</h1>" if heading else "",
        byline=f'<p class="byline">{byline}</p>' if byline else "",
        paragraphs="\n".join(f"<p>{text}</p>" for text in paragraphs),
    ).encode(charset)


@pytest.mark.parametrize(
    ("html", "headline", "author", "story"),
    [
        pytest.param(
            page(
                NURSES,
                title="Nurses march on city hall over staffing | The Daily Example",
                heading="Nurses march on city hall over staffing",
                meta='<meta name="author" content="Maria Lopez">',
            ),
            "Nurses march on city hall over staffing",
            None,
            NURSES,
            id="headline from the page's heading; an author only in a tag is never shown (city)",
        ),
        pytest.param(
            page(
                HAWKS,
                title="Lee scores 31 as Hawks hold off Owls 112-107 - Example Sports",
                meta='<meta property="og:site_name" content="Example Sports">',
            ),
            "Lee scores 31 as Hawks hold off Owls 112-107",
            None,
            HAWKS,
            id="no heading: the title without the site's name after it (sports)",
        ),
        pytest.param(
            page(
                HAWKS,
                heading="Lee scores 31 as Hawks hold off Owls",
                byline="By SAM REED, Associated Press",
                meta='<meta name="author" content="Sam Reed">',
            ),
            "Lee scores 31 as Hawks hold off Owls",
            "By SAM REED, Associated Press",
            HAWKS,
            id="a byline the page shows is kept as written (wire story)",
        ),
        pytest.param(
            page(
                [p.replace("’", "'") + " Café owners watched." for p in NURSES],
                heading="Nurses march on city hall",
                charset="windows-1252",
            ),
            "Nurses march on city hall",
            None,
            [p.replace("’", "'") + " Café owners watched." for p in NURSES],
            id="a page in its own declared encoding (windows-1252)",
        ),
        pytest.param(
            page(
                NURSES,
                heading="Nurses march on city hall",
                meta='<meta name="author" content="maria lopez; staff writer">',
                byline="Maria Lopez",
            ),
            "Nurses march on city hall",
            "Maria Lopez",
            NURSES,
            id="an author the metadata recases is quoted as the page shows it",
        ),
        pytest.param(
            page(
                HAWKS,
                heading="Lee scores 31 as Hawks hold off Owls",
                byline='By <a href="/staff/mj">Meg James</a><span>Staff Writer</span>',
                meta='<meta name="author" content="Meg James">',
            ),
            "Lee scores 31 as Hawks hold off Owls",
            "By Meg James",
            HAWKS,
            id="a title shown glued to the name ends the credit at the name",
        ),
    ],
)
def test_a_saved_web_page_gives_its_story_headline_and_byline(
    tmp_path: Path, html: bytes, headline: str, author: str | None, story: list[str]
) -> None:
    path = tmp_path / "story.html"
    path.write_bytes(html)
    article = load_article(path)

    first, *rest = article.paragraphs
    assert (first.section, first.is_heading, first.text) == ("headline", True, headline)
    bylines = [p.text for p in rest if p.section == "author"]
    assert bylines == ([author] if author else [])
    # the story, every paragraph whole, and nothing of the menus, lists, footer or script
    assert [p.text for p in rest if p.section != "author"] == story


def test_a_page_without_a_story_gives_no_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "menu.htm"
    path.write_bytes(page([], title="Index of sections"))
    assert [p for p in load_article(path).paragraphs if not p.is_heading] == []


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Subscribe to the Evening Ledger newsletter", True),
        (
            "Get the week’s best stories delivered to your inbox by subscribing to our newsletter.",
            True,
        ),
        ("More AP NFL: https://apnews.com/NFL and https://twitter.com/AP_NFL", True),
        ("Follow us: https://example.com/sports", True),
        ("Advertisement", True),
        # a label over the story (opinion pages, news sites)
        ("Opinion", True),
        ("Breaking News", True),
        # a story's own sentences about subscriptions or links
        (
            "The paper said 4,000 readers had subscribed since the newsletter launched in May.",
            False,
        ),
        (
            "Subscriptions rose after the mayor praised the newsletter, the editor said, adding "
            "that the city had paid for copies to be sent to every school in the district.",
            False,
        ),
        ("Officials posted the plan at https://example.gov/plan for comment.", False),
        ("Opinion polls show a close race.", False),
    ],
)
def test_page_furniture_lines(line: str, furniture: bool) -> None:
    assert any(pattern.match(line) for pattern in FURNITURE_LINES) is furniture


@pytest.mark.parametrize(
    ("sentence", "side"),
    [
        ("Davis scored 34 points during the Lakers’ fifth straight victory, 112-107.", "Lakers"),
        ("Boudreau spoke before the Wild’s 4-1 win over the Sabres.", "Wild"),
        ("Parise scores twice as Wild beat Sabres 4-1", "Wild"),
        ("LeBron sets mark, Lakers hold off OKC 112-107", "Lakers"),
        ("The Green Party defeated the incumbents 12-9 in the council vote.", "Green Party"),
        # a result that says no winner in these ways
        ("The Owls lost 3-2 in overtime.", None),
        ("James’ 3-pointer put the Lakers up 109-98 with 3:08 to play.", None),
    ],
)
def test_who_a_result_says_won(sentence: str, side: str | None) -> None:
    assert winner(sentence) == side


@pytest.mark.parametrize(
    ("byline", "date"),
    [
        ("by Jane Quill — March 3, 2021", "March 3, 2021"),
        ("Sam Reed | Nov. 18, 2019", "Nov. 18, 2019"),
        ("Lena Ortiz, Reuters, 4 June 2020", "4 June 2020"),
        ("Published 2019-11-18 by Alex Kim", "2019-11-18"),
        # a byline without a day of the year
        ("Maria Lopez, Associated Press", None),
        ("By ALEX KIM, March 2021", None),
    ],
)
def test_the_date_a_byline_gives(byline: str, date: str | None) -> None:
    found = DAY_OF_YEAR.search(byline)
    assert (found.group() if found else None) == date


@pytest.mark.parametrize(
    ("question", "past"),
    [
        ("Why did McDonald leave the band?", True),
        ("How much did Alibaba raise then?", True),
        ("Did the Lakers win?", True),
        ("What sentence did he get for that?", True),
        # plans and words are asked in the past of what is to come
        ("What did NASA say it would fly?", False),
        ("How did the company plan to pay for it?", False),
        # "when" may be answered by what is to come ("the first time in 25 years they will")
        ("When did they last tour together?", False),
        ("How will the band celebrate?", False),
    ],
)
def test_a_question_about_what_happened(question: str, past: bool) -> None:
    assert (ASKS_PAST.match(question) is not None) is past


@pytest.mark.parametrize(
    ("sentence", "ahead"),
    [
        ("Serbia's Novak Djokovic will make his first appearance on Wednesday.", True),
        ("Alibaba is set to raise up to $12.9bn from its second listing.", True),
        ("Sentencing is scheduled for Feb. 14.", True),
        # something done, or said, ties it to what has happened
        ("He said the band will tour next year.", False),
        ("The company raised $25bn and will list again.", False),
        ("The Hawks beat the Wild 4-1 on Tuesday.", False),
        ('"We will win," the coach told reporters.', False),
    ],
)
def test_a_sentence_only_about_what_is_to_come(sentence: str, ahead: bool) -> None:
    assert only_ahead(sentence) is ahead
