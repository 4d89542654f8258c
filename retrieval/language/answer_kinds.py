"""Answer kinds: what a place, a time, a duration, a number or a reason looks like in a
sentence, so "where" can prefer a sentence that names a place, "when" one that holds a date."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from retrieval.language.lexicon import PERSON_NOUNS, RESEARCH, STOPWORDS
from retrieval.language.text import stems, words

# A place or time inside a quotation is what someone said, less often where or when it happened.
QUOTED_KIND = 0.5
# A time on a clock ("3:08 to play", "4:30 a.m."): read as one time, never as two counts.
CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
MONTHS = r"january|february|march|april|may|june|july|august|september|october|november|december"
DAYS_MONTHS = f"{WEEKDAYS}|{MONTHS}"
# A day of a month ("Nov. 18", "March 3rd"); as a count, nothing: "NASA announced Nov. 18 that it
# was adding five companies".
DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b",
    re.IGNORECASE,
)
# A full date, as a byline gives the day of publication: "November 18, 2019", "Nov. 18, 2019",
# "18 November 2019", "2019-11-18".
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DAY_OF_YEAR = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}\s+{_MONTH}\s+\d{{4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b",
    re.IGNORECASE,
)
# A time counted from the story's day: "These teams meet again ... in three days."
IN_DAYS = (
    r"\b(?:in|within)\s+(?:a|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|"
    r"several|\d+)\s+(?:days?|weeks?)\b"
)
IN_TIME = IN_DAYS.replace("(?:days?|weeks?)", "(?:days?|weeks?|months?|years?)")
# "legalized by 2016": a year something had happened by, not when it happened.
NOT_BY = r"(?<!\bby\s)(?<!\bBy\s)"


def _time(year: str) -> re.Pattern[str]:
    """A day, a month, a year (as `year` matches it), or a relative day: what a "when" answer
    holds."""
    return re.compile(
        # a day with its part: "On Tuesday morning", not "morning" alone
        rf"\b(?:on\s+)?(?:{WEEKDAYS}|today|yesterday)(?:\s+(?:morning|afternoon|evening|night))?\b"
        rf"|\b(?:on\s+)?(?:"
        rf"this\s+(?:week|month|year)|last\s+(?:week|month|year)|{MONTHS}|{year})\b"
        # a time of day, not a game clock ("with 3:08 to play", "1:24 left")
        r"|\b\d{1,2}:\d{2}(?!\d)(?!\s+(?:to\s+play|to\s+go|left|remaining|into)\b)"
        r"(?:\s*(?:[ap]\.m\.|[ap]m\b))?"
        r"|\b(?:noon|midnight|morning|afternoon|evening|tonight)\b"
        # a month's day abbreviated: "the U.K.’s Dec. 12 election" (not "declined 5")
        r"|\b(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.\s+\d{1,2}\b"
        # a time counted from the story's day
        rf"|{IN_DAYS}",
        re.IGNORECASE,
    )


TIME = _time(r"\d{4}")
# When something happened: not a year it had happened by.
TIME_DONE = _time(rf"{NOT_BY}\d{{4}}")
# A day itself, for "What day/date ...?": a weekday, a month's day ("Nov. 18", "March 3"), a
# numeric date, or a day named by its distance from today; "this month" or "in 2019" is no day.
DAY = re.compile(
    rf"\b(?:{WEEKDAYS}|today|yesterday|tonight)\b|\blast\s+night\b|{DATE.pattern}"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\b"
    r"|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b\d{4}-\d{2}-\d{2}\b",
    re.IGNORECASE,
)
# Three or more names in a row, split by commas, each maybe after its title: "Blue Origin,
# Ceres Robotics, Sierra Nevada Corporation (SNC), SpaceX and Tyvak", "Oscar Robertson, Russell
# Westbrook, Lakers great Magic Johnson and Lakers assistant coach Jason Kidd".
LISTED_NAME = (
    r"(?:[A-Z][\w’'-]*\s+)?(?:[a-z]+\s+){0,3}[A-Z][\w.&’'()-]*(?:\s+[A-Z(][\w.&’'()-]*){0,4}"
)
NAME_LIST = re.compile(
    rf"(?:{LISTED_NAME},\s*)+{LISTED_NAME},?\s+and\s+{LISTED_NAME}"
    rf"|(?:{LISTED_NAME},\s*){{2,}}{LISTED_NAME}"
)
# A year, for "What year ...?": "in 2019", "the 1990s"; "this year" names none.
YEAR = re.compile(r"\b(?:1[5-9]|20)\d{2}s?\b(?![,.]\d)")
# A place in an order, for "Where does X rank?": "is fifth in NBA history", "ranked No. 2",
# "third on the all-time list"; not "the fifth straight victory" or "the first player to".
ORDINALS = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
)
RANKED_BY = """rank ranks ranked is was are were sit sits sat stand stands finished lie lies
lay""".split()
ORDINAL = re.compile(
    "".join(["(?:", "|".join(rf"(?<=\b{verb}\s)" for verb in RANKED_BY), ")"])
    + rf"(?:{ORDINALS}|No\.\s*\d+)\b"
    + rf"|\b{ORDINALS}(?=\s+(?:in|on|among|all-time|overall|place)\b)",
    re.IGNORECASE,
)
DATELINE_CAPS = r"^[A-Z]{3,}(?:[ ,.]+[A-Z][A-Za-z.]*)*\s*(?:\(\w+\)\s*)?[—–]"
# "in Kyiv", "based in", "city of": what a "where" answer holds.
# From the bundled article's wording: "visit to" ("during a visit to the city of Bucha").
# Common nouns that name a place.
PLACE_NOUNS = (
    r"sites?|websites?|kitchens?|rooms?|offices?|halls?|hallways?|buildings?|stadiums?|arenas?|"
    r"campus|parks?|streets?|roads?|lawns?|steps|walls?|floors?|airports?|stations?|hospitals?|"
    r"churches|church|headquarters|studios?|stores?|shops?|restaurants?|hotels?|capitol|"
    r"statehouse|courthouse|gym|classrooms?|schools?|terminals?|plants?|facility|facilities|"
    r"factory|factories|bases?|ports?|harbou?rs?|camps?|prisons?|jails?|centers?|centres?|"
    r"academy|academies|universit(?:y|ies)|colleges?|museums?|theat(?:er|re)s?|clubs?|farms?|"
    r"mines?|villages?|neighbou?rhoods?|squares?|bridges?|border|embassy|embassies|mosques?|"
    r"temples?|markets?|malls?|beach(?:es)?|islands?|highways?|homes?|houses?|apartments?"
)
PLACE = re.compile(
    r"\b(?:in|at|near|outside|across|throughout|from)\s+"
    # not a time: "in January", "from Monday"
    rf"(?:(?:city|town|village|region|country)\s+of\s+)?(?!The\b|(?i:{DAYS_MONTHS})\b)[A-Z][a-z]+"
    # "at eastern Indiana’s Richmond High School", "in southern Minnesota"
    r"|\b(?:in|at|near|outside|from)\s+(?:north|south|east|west|central|upstate|downstate)"
    r"[a-z]*\s+[A-Z][a-z]+"
    # "in the city of Bucha", "at the Statehouse"; not "in the Lakers’ last 10 games"
    r"|\b(?:in|at|near|outside|across|throughout|from)\s+the\s+"
    r"(?:(?:city|town|village|region|country)\s+of\s+)?[A-Z][a-z]+(?![a-z]|['’])"
    # "a visit to Bucha", "a visit to the city of": not to the one asked about ("Where is Walter
    # Reed?" is not answered by "Trump's visit to Walter Reed", its name blanked out)
    r"|\b(?:based|held|located)\s+in\b|\bvisit\s+to\s+(?:the\s+)?(?:[A-Z]|city|town|region)"
    r"|\b(?:city|town|region)\s+of\b"
    # where a study or a story came out: "published in the journal JAMA Psychiatry"
    r"|\b(?:published|appeared|appears)\s+in\s+(?:the\s+)?(?:(?:journal|magazine)\s+)?[A-Z]"
    r"|\bin\s+the\s+(?:journal|magazine)\s+[A-Z]"
    # "a Minneapolis-based firm"; a dateline: "BUFFALO, N.Y. —", "LOS ANGELES (AP) —"
    r"|\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?-based\b"
    rf"|{DATELINE_CAPS}"
    # a trip to a named place: "traveling to Florida for a conference"
    r"|\b(?:travel(?:l?ing|l?ed|s)?|trip|went|goes|flew|flying|head(?:ed|ing)|moved|returned|"
    r"arrived|drove)\s+(?:back\s+)?to\s+(?:the\s+)?[A-Z][a-z]+"
    # where a speech was given: "in a speech to the Diplomatic Academy of Vietnam"
    r"|\b(?:speech|address|remarks|lecture)\s+(?:to|before)\s+(?:the\s+)?[A-Z]"
    # a place named by what it is: "on gaming sites", "on the wall by the dining table"
    r"|\b(?:in|at|on|inside|outside|near)\s+(?:(?:the|a|an|his|her|their|its|our)\s+)?"
    rf"(?:[\w-]+\s+){{0,2}}(?:{PLACE_NOUNS})\b",
)
# A story's dateline: where it was reported from, at the head of its first paragraph, in
# capitals or not ("BUFFALO, N.Y. —", "LOS ANGELES (AP) —", "Indianapolis –").
DATELINE = re.compile(
    rf"{DATELINE_CAPS}|^[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?:,\s+[A-Z][A-Za-z.]+)?\s*(?:\(\w+\)\s*)?[—–]\s"
)
# A dateline's credit to the agency or network that filed the story: "LONDON (AP) — ...",
# "WASHINGTON (Reuters) - ...", "(CNN) President Donald Trump ...".
DATELINE_CREDIT = re.compile(
    r"^(?:[A-Z][\w.’'-]*(?:[ ,]+[A-Z][\w.’'-]*)*\s+)?"
    r"\((?P<agency>[A-Z][A-Za-z&.]*(?:\s[A-Z][A-Za-z&.]*){0,2})\)\s*(?:[—–-]\s*)?(?=[A-Z“\"])"
)
# Where a firm or a person is based, also said by naming the place before what is there: "the
# Spokane advertising, public relations and branding firm", "the Burbank entertainment giant".
HOME_NAMED = re.compile(
    r"\bthe\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s+(?:(?:and\s+)?[a-z]+,?\s+){1,5}"
    r"(?:firm|company|agency|giant|startup|maker|studio|newspaper|station|broadcaster|retailer|"
    r"native|resident)\b"
    # "New Jersey native Connor Clifton", "a Sugar Land-based provider", "a native of Ohio"
    r"|\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?:\s+(?:native|resident)|-based|-born)\b"
    r"|\bnatives?\s+of\s+[A-Z]|\bgrew\s+up\s+in\b"
    # news style's hometown after an age: "Patrick W. Carlineo Jr., 55, of Addison"
    r"|\b\d{1,3},\s+of\s+[A-Z]"
)
HOME = re.compile(rf"{PLACE.pattern}|{HOME_NAMED.pattern}")
# Someone or something taken or gone to a place: "took the child to Forest Hill's WoodSpring
# Suites hotel", "drove to a church parking lot", "sent them to Qatar" (where they went, not
# where they are from).
TAKEN_TO = (
    r"\b(?:took|taken|brought|carried|drove|driven|went|ran|walked|fled|rushed|sent|flown|flew|"
    r"moved|transferred|transported|deported|evacuated|airlifted|shipped|returned|headed)\s+"
    r"(?:(?:the|a|an|his|her|their|him|them)\s+)?(?:[a-z]+\s+)?to\s+"
    r"(?:(?:the|a|an|his|her|their|its)\s+)?"
    rf"(?:[A-Z][a-z]+|(?:[\w'’-]+\s+){{0,3}}(?:{PLACE_NOUNS}|parking\s+lots?)\b)"
)
# Where someone or something is or went; `HOME` above keeps to where they are.
PLACE = re.compile(rf"{PLACE.pattern}|{TAKEN_TO}")
# A quotation, cut out to tell what was said from where and when it happened.
QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
# How many of something, in words: "two hours", "several weeks", "a couple of days".
COUNT_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|hundreds?\s+of|dozens?\s+of|several|a\s+few|few|many|a\s+couple\s+of"
)
TIME_UNITS = r"seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|seasons?"
TIME_UNIT = re.compile(TIME_UNITS, re.IGNORECASE)
# "13-month-old", "two hours", "for a year", "since 2014", "a weeklong trial", "in its third
# year": what a "how long" answer holds. Not "$6.99-a-month" (a price) nor a bare "a day".
DURATION = re.compile(
    rf"(?<![\w$.,-])(?:\d[\d,.]*|{COUNT_WORDS})[- ](?:{TIME_UNITS})(?:-old)?\b"
    rf"|\bfor\s+(?:an?|the\s+past|the\s+last)\s+(?:{TIME_UNITS})\b"
    # "running continuously for more than a year"
    r"|\bfor\s+(?:more\s+than|over|nearly|almost|about|around|less\s+than|under|roughly|"
    rf"close\s+to|just\s+over|just\s+under)\s+an?\s+(?:{TIME_UNITS})\b"
    r"|\b(?:hour|day|night|week|month|year|decade|season)s?-?long\b"
    r"|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
    r"\s+(?:straight\s+|consecutive\s+)?(?:year|season|month|week|term)\b"
    r"|\bsince\s+(?:\d{4}|january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\b"
    # a span to a known end: "for the remainder of the season", "until the end of the 2022/23
    # season", "through 2023", "indefinitely"
    r"|\bfor\s+the\s+(?:rest|remainder|balance)\s+of\s+(?:the|this|his|her|their|its)\s+"
    r"(?:season|year|game|week|month|term|tournament|playoffs|campaign)\b"
    r"|\b(?:until|through|till)\s+(?:the\s+end\s+of\s+)?(?:the\s+)?\d{4}(?:[/-]\d{2,4})?\b"
    r"|\bindefinitely\b"
    # a streak's length in games: "an 11-game losing streak", "a five-game skid"
    rf"|\b(?:\d+|{COUNT_WORDS})-game\s+(?:\w+\s+)?(?:streak|skid|run|stretch)\b",
    re.IGNORECASE,
)
# Digits or number words: what a "how many" answer holds. A year ("since 2002", "their 2020
# session") counts nothing; news style writes counts from 1,000 up with a comma.
NUMBER = re.compile(
    # with its scale, as one figure: "10 million", "two thousand"
    r"(?:\b(?!(?:1[89]|20)\d\d\b)\d[\d,.]*\b"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundreds?|thousands?|millions?|dozens?|several|"
    # a count of times an act was done: "scores twice"
    r"once|twice|thrice)\b)(?:\s+(?:hundred|thousand|million|billion|trillion)\b)?",
    re.IGNORECASE,
)
# Connectives that introduce a cause: what a "why" answer holds.
# From the bundled article's wording: "over the" ("a warrant over the alleged war crimes").
REASON = re.compile(
    r"\b(?:because|due\s+to|over\s+the|since|as\s+a\s+result|in\s+response)\b"
    # "after" the cause, not "went after" someone or "named after" something
    r"|(?<!\bwent\s)(?<!\bgo\s)(?<!\bgoes\s)(?<!\bgoing\s)(?<!\bcame\s)(?<!\bcome\s)"
    r"(?<!\blook\s)(?<!\blooked\s)(?<!\bnamed\s)\bafter\b"
    # what one was after: "just trying to spark some energy", "in an effort to reach"
    r"|\b(?:trying|hoping|in\s+order|in\s+an\s+effort|so\s+as)\s+to\b|\bso\s+that\b"
    # a purpose: "rallied to call for better pay", "marched, demanding answers"
    r"|\bto\s+(?:call|push|press|demand|ask|protest|seek|fight|urge)\b"
    r"|\b(?:calling|demanding|pushing|pressing|asking)\s+for\b|\bin\s+protest\b"
    # what a thing was made for: "specifically designed to attract companies"
    r"|\b(?:designed|intended|meant|created|built)\s+to\b|\baimed\s+at\b",
    re.I,
)
# Someone's age: "34-year-old", "34 years old", "aged 34", "Smith, 34,", "Smith Jr., 55,".
AGE = re.compile(
    r"\b\d{1,3}(?:-year-old|\s+years?\s+old)\b|\baged?\s+\d{1,3}\b"
    r"|\b[A-Z][\w'’-]+\.?,\s+\d{1,3},",
    re.IGNORECASE,
)
# A game's or vote's score: "112-107", "4-1", "112 to 107".
SCORE = re.compile(r"\b\d{1,3}\s*(?:-|–|—|\s+to\s+)\s*\d{1,3}\b(?![-–]\w)")
# Words that make a score beside them a game's or vote's result ("the Wild's 4-1 win", "beat
# the Sabres 4-1", "victory, 112-107"), not a score along the way ("put them up 109-98").
RESULT = re.compile(
    r"\b(?:win|wins|won|beat|beats|victory|victories|defeat|defeats|defeated|lost|loss|losses|"
    r"edged|edges|topped|tops|routed|rout|routs|held\s+off|holds?\s+off|fell|falls|final|passed|"
    # "Eastern Michigan rolled past Northern Illinois, 45-17", "blanked", "outlasted"
    r"(?:rolled|rolls|cruised|cruises|rallied|rallies|pulled|slipped|eased)\s+past|"
    r"outlasted|outlasts|downed|downs|blanked|blanks|shut\s+out|crushed|crushes|thrashed|"
    r"hammered|dumped|stunned|upset|trounced|knocked\s+off|swept|sweeps|outscored|triumphed)\b",
    re.IGNORECASE,
)
# How close a result word must stand to the score, in characters either way.
RESULT_REACH = 40


# Who won, as a result is written: "the Lakers’ fifth straight victory", "the Wild’s 4-1 win",
# "Wild beat Sabres 4-1", "Lakers hold off OKC 112-107".
_SIDE = r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}"
WINNER = re.compile(
    rf"(?P<owner>{_SIDE})['’]s?\s+(?:[\w-]+\s+){{0,3}}?(?:victory|win|triumph)\b"
    rf"|(?P<doer>{_SIDE})\s+(?:beat|beats|defeated|defeats|edged|edges|routed|routs|topped|tops|"
    r"downed|downs|outlasted|outlasts|(?:held|hold|holds)\s+off)\b"
)


def winner(text: str) -> str | None:
    """The side a result's sentence says won ("Lakers"), if it says so in one of those ways."""
    found = WINNER.search(text)
    if found is None:
        return None
    side = found.group("owner") or found.group("doer")
    return re.sub(r"^(?:The|the)\s+", "", side) or None


def result_score(text: str, sides: Collection[str] = ()) -> re.Match[str] | None:
    """The score in the sentence that is a result: one with a result word within reach; of
    several, the one written nearest a side asked ("Gibraltar" in "Denmark got a 1-1 draw at
    Ireland, while Switzerland beat Gibraltar 6-0"), else the first."""
    results = [
        score
        for score in SCORE.finditer(text)
        if RESULT.search(text[max(score.start() - RESULT_REACH, 0) : score.end() + RESULT_REACH])
    ]
    named = [
        found.start()
        for side in sides
        for found in re.finditer(rf"\b{re.escape(side)}\b", text, re.IGNORECASE)
    ]
    if len(results) < 2 or not named:
        return results[0] if results else None
    return min(results, key=lambda score: min(abs(score.start() - at) for at in named))


# An amount of money: "$5.9 million", "€40", "300 dollars", "Rs 24 lakh", "¥1.2 trillion". (A
# share, "by 2.5%", answered "how much did the budget boost spending" but also "how much did
# the union spend", wrongly.)
MONEY = re.compile(
    r"(?:[$€£¥₹₩]|\b(?:US|C|A|HK|NZ|R)\$|\b(?:Rs|INR|USD|EUR|GBP|CNY|JPY)\b\.?)\s?\d[\d,.]*"
    r"(?:\s+(?:million|billion|trillion|lakh|crore)\b)?"
    r"|\b\d[\d,.]*\s+(?:(?:million|billion|lakh|crore)\s+)?"
    r"(?:dollars|euros|pounds|cents|yen|yuan|rupees|won|rubles|roubles|pesos|francs)\b",
    re.IGNORECASE,
)
# The units a "how far / tall / heavy / fast / hot ...?" answer is given in ("1,200 miles",
# "230 million light-years", "6 feet 2", "90 mph"); "how big" takes any number.
LENGTH_UNITS = (
    r"miles?|kilomet(?:er|re)s?|km|feet|foot|ft|inch(?:es)?|meters?|metres?|yards?|"
    r"light-years?|centimet(?:er|re)s?|cm|mm"
)
MEASURE_UNITS = {
    "far": LENGTH_UNITS,
    "wide": LENGTH_UNITS,
    "tall": LENGTH_UNITS,
    "high": LENGTH_UNITS,
    "deep": LENGTH_UNITS,
    "thick": LENGTH_UNITS,
    "heavy": r"pounds|lbs?|kilograms?|kilos?|kg|tons?|tonnes?|grams?|ounces?",
    "fast": r"mph|km/h|knots|(?:miles|kilomet(?:er|re)s)\s+(?:an|per)\s+hour",
    "hot": r"degrees?|°",
    "cold": r"degrees?|°",
}
MEASURE_ASKED = re.compile(rf"^how\s+(?P<measure>{'|'.join(MEASURE_UNITS)})\b", re.IGNORECASE)
# A question's word for a measure, said by an amount in its units: "How much does he weigh?" by
# "243 pounds", "What is its top speed?" by "90 mph".
MEASURE_OF_WORD = {
    "weigh": "heavy",
    "weighs": "heavy",
    "weighed": "heavy",
    "weight": "heavy",
    "height": "tall",
    "distance": "far",
    "speed": "fast",
    "temperature": "hot",
}


def measured(question: str, text: str) -> bool:
    """Whether the text gives the measure a "how far/tall/heavy ...?" question asks, in its
    units (any sentence does for other questions)."""
    measure = asked_measure(question)
    return measure is None or gives_measure(measure, text)


def asked_measure(question: str) -> str | None:
    """The measure a question asks ("heavy" for "How heavy is it?" and "How much does he
    weigh?"), or None."""
    asked = MEASURE_ASKED.match(question)
    if asked:
        return asked.group("measure").lower()
    if re.match(r"(?:how\s+much|what)\b", question, re.IGNORECASE):
        named = (MEASURE_OF_WORD.get(word) for word in words(question))
        return next((measure for measure in named if measure), None)
    return None


def gives_measure(measure: str, text: str) -> bool:
    """Whether the text gives an amount in the units of a measure ("heavy": "243 pounds")."""
    units = MEASURE_UNITS[measure]
    amount = r"\d[\d,.]*(?:\s+(?:thousand|million|billion))?"
    return re.search(rf"{amount}[\s-]?(?:{units})(?![a-z])", text, re.IGNORECASE) is not None


# A share or a change as a percentage: "65 percent", "by 2.5%", "just over half".
SHARE = re.compile(
    r"\b\d[\d,.]*\s*(?:%|percent\b|per\s+cent\b|percentage\s+points?\b)"
    r"|\b(?:half|(?:a|one)[\s-](?:third|quarter|fifth|tenth)|two-thirds|three-quarters)\b",
    re.IGNORECASE,
)
# A time still to come: "next week", "will meet on Monday", "should be available starting in
# 2023", "meet again in three days", "scheduled for May".
FUTURE_TIME = re.compile(
    rf"\b(?:next|coming|upcoming)\s+(?:week|month|year|{DAYS_MONTHS})\b"
    rf"|\b(?:will|would|should|could|plans?\s+to|planned\s+to|expects?\s+to|expected\s+to|"
    rf"aims?\s+to|hopes?\s+to|intends?\s+to|(?:scheduled|set|due|slated|supposed)\s+to)\b"
    # the time of the same clause, not of one inside it ("will offer the lander it unveiled in
    # May")
    rf"(?:(?!\b(?:that|which|who|it|after|before|since)\b)[^.])*"
    rf"\b(?:on|in|by)\s+(?:early\s+|mid-?|late\s+)?(?:{DAYS_MONTHS}|\d{{4}})\b"
    # what is scheduled, said in the present: "their 2020 session that starts in early
    # January", a game story's "Lakers: Visit the Thunder on Friday."
    rf"|\b(?i:starts?|begins?|opens?|resumes?|visits?|hosts?|faces?|meets?|plays?)\s+"
    rf"(?:[^.;]{{0,40}}?\s)?(?:on|in)\s+(?:early\s+|mid-?|late\s+)?(?:{DAYS_MONTHS})\b"
    rf"|{IN_TIME}"
    rf"|\b(?:scheduled|planned|set)\s+(?:for|to\s+take\s+place)\b",
    re.IGNORECASE,
)
# A deadline, the time something is due: "to make recommendations on increasing salaries by the
# end of 2020". It answers "When will ...?" but is no future act said ("What will it recommend?").
WHEN_DUE = re.compile(
    rf"{FUTURE_TIME.pattern}"
    rf"|\bby\s+the\s+end\s+of\s+(?:this\s+|the\s+)?(?:year|month|week|{DAYS_MONTHS}|\d{{4}})\b",
    re.IGNORECASE,
)
# A sentence that speaks of what is still to come: what "Will Dumba miss the next game?" needs,
# not "Dumba sat out the third period".
FUTURE_SAID = re.compile(
    rf"{FUTURE_TIME.pattern}"
    r"|\b(?:will|won['’]t|would|going\s+to|plans?\s+to|expects?\s+to|expected\s+to|"
    r"scheduled|upcoming|next|again|soon)\b",
    re.IGNORECASE,
)
# A question about what has happened ("How did Djokovic do against Japan?", "How much did it
# raise then?"), not about plans or words ("What did NASA say it would fly?"); "When did they
# last tour together?" may be answered by what is to come ("the first time they will tour
# together in nearly a quarter century").
ASKS_PAST = re.compile(
    r"^(?:(?:how|who|whom|what|which|where|why)(?:\s+[\w'’-]+){0,3}?\s+)?(?:did|had)\b"
    r"(?!.*\b(?:say|said|tell|told|announce|plan|expect|schedule|promise|predict|hope|want|aim|"
    r"intend|agree|decide|vote|think|believe|warn|claim|propose|ask)\b)",
    re.IGNORECASE,
)
# A sentence that speaks of what is to come ("will make their first appearance on Wednesday",
# "is set to raise", "Sentencing is scheduled for Feb. 14") ...
AHEAD = re.compile(
    r"\b(?:will|won['’]t|(?:is|are)\s+(?:set|due|expected|likely|scheduled|going)\s+to|"
    r"(?:is|are)\s+scheduled\s+for|plans?\s+to)\b",
    re.IGNORECASE,
)
# ... and of nothing done: no verb in the past ("said" ties it to what was said, and so on).
DONE = re.compile(
    r"\b(?!(?:scheduled|expected|planned|based|needed|related|advanced|limited|united|supposed|"
    r"used|interested|aged|red|bed|shed|hundred|speed|feed|need|seed|steed|breed|greed|weed)\b)"
    r"[a-z]{2,}ed\b"
    r"|\b(?:was|were|had|did|said|told|won|lost|made|took|got|came|went|saw|gave|left|began|"
    r"fell|rose|grew|paid|sold|bought|met|led|ran|hit|shot|beat|held|kept|brought|wrote|spoke)\b",
    re.IGNORECASE,
)


def only_ahead(text: str) -> bool:
    """Whether a sentence speaks only of what is still to come: no answer to what happened."""
    narrative = QUOTED.sub(" ", text)
    return AHEAD.search(narrative) is not None and DONE.search(narrative) is None


# One count of a line: a number and what it counts ("11 rebounds"), never a scale ("billion").
_COUNT = (
    rf"(?:{NUMBER.pattern})\s+(?!(?:and|or|hundred|thousand|million|billion|trillion)\b)[a-z]+"
    r"(?:\s+(?!and\b)[a-z]+)??"
)
# A line of counts, someone's stats: "25 points, 11 rebounds and 10 assists", "four points, 10
# assists and five rebounds".
STATS = re.compile(rf"{_COUNT}(?:(?:,\s+(?:and\s+)?|\s+and\s+){_COUNT})+", re.IGNORECASE)
# What research found, as news reports it: "..., according to a study", "the researchers
# found that ...", "the survey showed".
FINDING = re.compile(
    rf"\baccording\s+to\s+(?:a|the|new|their)\s+(?:[\w-]+\s+){{0,2}}?{RESEARCH}\b"
    rf"|\b{RESEARCH}\s+(?:[\w,-]+\s+){{0,4}}?(?:found|finds|showed|shows|suggests|suggested|revealed|"
    r"reveals|concluded|concludes)\b|\bfound\s+that\b",
    re.IGNORECASE,
)
# How often: "every year", "twice a week", "annually".
FREQUENCY = re.compile(
    r"\b(?:every|each|per|a)\s+(?:other\s+)?(?:day|week|month|year|season|game|night|quarter)\b"
    r"|\b(?:daily|weekly|monthly|yearly|annually|twice|once)\b",
    re.IGNORECASE,
)
# Each question type that wants a recognisable kind of fact, and the pattern of that fact.
KIND_PATTERNS = {
    "when_future": WHEN_DUE,
    "when": TIME_DONE,
    "when_day": DAY,
    "when_year": re.compile(NOT_BY + YEAR.pattern),
    "rank": ORDINAL,
    "where": PLACE,
    "where_home": HOME,
    "how_long": DURATION,
    "how_often": FREQUENCY,
    "how_many": NUMBER,
    "why": REASON,
    "finding": FINDING,
    "how_old": AGE,
    "how_much": MONEY,
    "share": SHARE,
    "change": re.compile(f"{SHARE.pattern}|{MONEY.pattern}", re.IGNORECASE),
    "score": SCORE,
    "stats": STATS,
}


def kind_score(wh: str, text: str) -> float:
    """1 when the sentence holds the kind of fact asked for (a place for "where"...), less
    when it does only inside a quotation, 0 when it does not."""
    pattern = KIND_PATTERNS.get(wh)
    if pattern is None or not pattern.search(text):
        return 0.0
    narrative = QUOTED.sub(" ", text)
    return 1.0 if pattern.search(narrative) else QUOTED_KIND


# "How many X": a number counts X when at most this many words stand between them
# ("100 metric tons of cargo", "10 assists in six consecutive games").
COUNT_DISTANCE = 4
# A number joined to a word by a hyphen counts that word alone: "3-pointer", "two-goal",
# "four-game".
HYPHENATED_COUNT = re.compile(
    r"\b(?P<number>\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten)-(?P<head>[^\W\d_]+)",
    re.IGNORECASE,
)
# A share, never a count: "How many authors?" is not answered by "2.72 percent".
PERCENTAGE = re.compile(r"\d[\d.,]*\s*(?:%|percent\b|per\s+cent\b)", re.IGNORECASE)


# What a score counts: "How many points did they score?" is answered by "won 112-107".
SCORED = frozenset(stems("points goals runs votes seats".split()))
# Two numbers joined by a dash: a score ("up 109-98") or a range ("10-15 people").
SCORE_OR_RANGE = re.compile(r"\b(\d{1,3})[-–](\d{1,3})\b(?![-–]\w)")


def uncounted(text: str, counted: Collection[str] = ()) -> str:
    """The text with the numbers that count nothing blanked out, each character a space so
    that positions stay: clock times, percentages, dates, scores ("109-98" counts no minutes
    for "How many minutes did he play?")."""

    def blank(match: re.Match[str]) -> str:
        return " " * len(match.group())

    def blank_score(match: re.Match[str]) -> str:
        # news writes a score high first ("109-98"); a range goes up ("10-15 people")
        high, low = int(match.group(1)), int(match.group(2))
        return blank(match) if high >= low and not SCORED & set(counted) else match.group()

    text = DATE.sub(blank, PERCENTAGE.sub(blank, CLOCK.sub(blank, text)))
    text = SCORE_OR_RANGE.sub(blank_score, text)
    return _without_model_numbers(text)


# A number that is part of a name, no count: after a capitalised word inside the sentence
# ("Boeing 737", "Week 13", "Flight 370"), or after a count and before a name ("five 787
# Dreamliner sales").
MODEL_NUMBER = re.compile(r"(?<=\S\s)(?P<number>\d{2,})\b(?![-,.:]?\d)")
COUNT_BEFORE = re.compile(rf"\b(?:{COUNT_WORDS}|\d[\d,]*)\s+$", re.IGNORECASE)
CAPITALISED_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-Z][\w’'-]*(?<![’']s)(?<![’'])\s+$")


def _without_model_numbers(text: str) -> str:
    """The text with the numbers that are parts of names (`MODEL_NUMBER`) blanked out."""

    def blank(match: re.Match[str]) -> str:
        before = text[: match.start()]
        after = text[match.end() :]
        opening = before.strip() == before.split()[-1]  # "Nearly 300": the sentence's first word
        named = CAPITALISED_BEFORE.search(before) is not None and not opening
        counted_model = COUNT_BEFORE.search(before) is not None and after.strip()[:1].isupper()
        return " " * len(match.group()) if named or counted_model else match.group()

    return MODEL_NUMBER.sub(blank, text)


def counts(text: str, counted: Collection[str], asked: Collection[str] = ()) -> bool:
    """Whether some number in the text stands within `COUNT_DISTANCE` words of a word whose
    stem is in `counted` ("15,000 people registered" for "people"). Numbers the question
    itself says (`asked`, "How many 3-pointers") count nothing; nor does a clock time, a
    percentage or a date ("3:08 to play", "2.72 percent, the authors wrote", "Nov. 18"), nor
    a span of time unless it is what is counted ("55 seconds left"); a count inside a
    quotation does ("my seven turnovers"); "in front of 15,522" counts fans or people."""
    if _counts_an_audience(text, counted):
        return True
    text = uncounted(text, counted)
    for compound in HYPHENATED_COUNT.finditer(text):
        number, head = compound.group("number"), compound.group("head")
        if number.lower() not in asked and stems([head.lower()])[0] in counted:
            return True
    # "a last-minute 3-pointer": the number of a compound counts its head, nothing around it
    text = HYPHENATED_COUNT.sub(
        lambda m: " " * len(m.group("number")) + m.group()[len(m.group("number")) :], text
    )
    tokens = words(text)
    is_counted = [stem in counted for stem in stems(tokens)]
    numbers = [
        k
        for k, token in enumerate(tokens)
        if NUMBER.fullmatch(token)
        and token not in asked
        # "a 3-pointer with 55 seconds left": a number of seconds counts the seconds only
        and not (
            k + 1 < len(tokens) and TIME_UNIT.fullmatch(tokens[k + 1]) and not is_counted[k + 1]
        )
    ]
    return any(
        any(is_counted[max(k - COUNT_DISTANCE, 0) : k + COUNT_DISTANCE + 1]) for k in numbers
    )


# "How long X": a duration answers when at most this many words stand between it and a word of
# X ("telephone wait times that exceeded two hours", "the free weeklong trial"); "the rally ...
# amid a wave of activism over the past two years" is no length of the rally.
DURATION_DISTANCE = 12


def lasts(text: str, asked: Collection[str]) -> bool:
    """Whether some duration in the text stands within `DURATION_DISTANCE` words of a word
    whose stem is in `asked` (the question's points); any duration when nothing is asked."""
    if not asked:
        return bool(DURATION.search(text))
    for duration in DURATION.finditer(text):
        if _age_of_someone(text, duration):
            continue  # "a kidnapped 8-year-old Fort Worth girl": her age, no length of anything
        before = stems(words(text[: duration.start()]))[-DURATION_DISTANCE:]
        inside = stems(words(duration.group()))
        after = stems(words(text[duration.end() :]))[:DURATION_DISTANCE]
        if set(asked) & {*before, *inside, *after}:
            return True
    return False


def _age_of_someone(text: str, duration: re.Match[str]) -> bool:
    """Whether an "N-year-old" is a person's age: a person noun or a name right after it
    ("8-year-old Fort Worth girl", "the 32-year-old Smith") or "said" ("The 56-year-old said")."""
    if not duration.group().endswith("-old"):
        return False
    after = text[duration.end() :].split()[:AGE_NOUN_WORDS]
    following = words(" ".join(after))
    named = bool(after) and after[0][:1].isupper()
    return named or bool(PERSON_NOUNS & set(following)) or following[:1] == ["said"]


# Words after an "N-year-old" among which the person it describes is named: "8-year-old Fort
# Worth girl".
AGE_NOUN_WORDS = 3

# The words a part's things take after "of the": "its jets", "its Dreamliner jets".
PARTITIVE_WORDS = 2
# Words between "of" and the things a part is counted of: "123 of the planes", "30 of its jets".
PARTITIVE_OWNERS = frozenset("the its their his her our these those".split())

# What a number counts is written right after it, in at most this many words: "28 teams", "six
# consecutive games", "Nearly 300 school districts".
COUNTED_WORDS_AFTER = 3
# An audience counted without naming it: "played in front of 15,522", "before a sellout crowd of
# 18,997", "an attendance of 40,000" count the people there, however a question calls them.
AUDIENCE_COUNT = re.compile(
    r"\b(?:in\s+front\s+of|(?:crowd|audience|attendance)\s+of)\s+(?:about\s+|nearly\s+|some\s+)?"
    r"(?P<number>\d[\d,]*)\b(?!\s*(?:%|percent\b|points?\b|years?\b))"
    # "among the more than 12,000 in attendance", "a sellout crowd of 18,000 looked on"
    r"|\b(?P<present>\d[\d,]*)\s+(?:fans\s+|people\s+|spectators\s+)?(?:in\s+attendance|looked\s+on)\b",
    re.IGNORECASE,
)
AUDIENCE = frozenset(
    stems("fans people spectators attendees audience crowd persons supporters onlookers".split())
)
# A goalie's saves counted as the shots stopped, as game reports write them: "stopping 30
# shots", "turned aside 24 of 25 shots".
SAVES_COUNT = re.compile(
    r"\b(?:stop(?:ping|ped|s)?|turn(?:ing|ed|s)?\s+aside)\s+(?:all\s+)?(?P<number>\d+)\s+"
    r"(?:of\s+(?:the\s+)?\d+\s+)?shots\b",
    re.IGNORECASE,
)
SAVES = frozenset(stems(["saves"]))
# Acts of a goalie on the other side's shots: "How many shots did Stalock stop/face?".
SHOTS_FACED = frozenset(stems("stop stopped save saved face faced aside block blocked".split()))
SHOTS = frozenset(stems(["shots"]))


def shots_of_the_other_side(text: str, asked: Collection[str], names: Collection[str]) -> bool:
    """Whether the text counts shots only as the saves of a goalie the asked names stand for
    or play with ("Wild goalie Alex Stalock ... stopping 30 shots"): those are the other
    side's shots, no answer to "How many shots did the Wild take?". `asked` holds the
    question's stems; a question on the goalie's stops (`SHOTS_FACED`) asks those saves."""
    narrative = QUOTED.sub(" ", text)
    saves = SAVES_COUNT.search(narrative)
    if not saves or not SHOTS & set(asked) or SHOTS_FACED & set(asked):
        return False
    if counts(SAVES_COUNT.sub(" ", narrative), SHOTS):
        return False  # the sentence counts other shots too
    return bool(set(names) & set(words(narrative[: saves.start()])))


def counts_directly(text: str, counted: str, asked: Collection[str] = ()) -> bool:
    """Whether a number in the text counts the thing whose stem is `counted`, as written right
    after it before any stopword: "10 assists in six consecutive games" counts games, "a
    3-pointer with 55 seconds left" counts no 3-pointers; "in front of 15,522" counts fans."""
    if _counts_an_audience(text, {counted}):
        return True
    tokens = words(uncounted(text, {counted}))
    token_stems = stems(tokens)
    asked_acts = set(stems(sorted(asked))) - {counted}
    for k, token in enumerate(tokens):
        if not NUMBER.fullmatch(token) or token in asked:
            continue
        if _times_of_asked_act(tokens, token_stems, k, asked_acts):
            return True
        if _counted_after(tokens, token_stems, k, counted):
            return True
    return False


def _counted_after(tokens: Sequence[str], token_stems: Sequence[str], k: int, counted: str) -> bool:
    """Whether the words right after the number `k` name the counted thing; "of" after a
    measure is no word between them: "100 metric tons of cargo" counts cargo."""
    steps = 0
    start = k + 1
    if start < len(tokens) and tokens[start] == "of":
        # "123 of the planes", "30 of its jets": a part of them, counted (not "Seven of LeBron's
        # assists", a part of someone's count)
        start += 1
        while start < len(tokens) and tokens[start] in PARTITIVE_OWNERS:
            start += 1
    partitive = start > k + 1
    for after in range(
        start, min(len(tokens), start + PARTITIVE_WORDS) if partitive else len(tokens)
    ):
        following = tokens[after + 1] if after + 1 < len(tokens) else None
        # a part of things is counted of the phrase's head: "of his season-high 31 points"
        # counts no seasons
        head = not partitive or following is None or following in STOPWORDS
        if token_stems[after] == counted and head:
            return True
        if partitive and NUMBER.fullmatch(tokens[after]):
            return False  # "20 of his season-high 31 points": part of another count
        if tokens[after] == "of" and after > k + 1:
            continue
        steps += 1
        if tokens[after] in STOPWORDS or steps == COUNTED_WORDS_AFTER:
            return False
    return False


def _counts_an_audience(text: str, counted: Collection[str]) -> bool:
    """Whether an audience is counted outside quotations and the people there are asked, or
    the shots a goalie stopped and the saves are."""
    narrative = QUOTED.sub(" ", text)
    if SAVES & set(counted) and SAVES_COUNT.search(narrative):
        return True
    return bool(AUDIENCE & set(counted)) and AUDIENCE_COUNT.search(narrative) is not None


# A count of times in one word.
TIMES_WORDS = frozenset({"once", "twice", "thrice"})
# "scored four times", "has scored just three times": the act stands this close before.
TIMES_ACT_DISTANCE = 2


def _times_of_asked_act(
    tokens: Sequence[str], token_stems: Sequence[str], k: int, acts: Collection[str]
) -> bool:
    """ "having scored four times": the number of times the question's own act was done counts
    what the act makes ("How many goals has he scored?")."""
    is_times = tokens[k].lower() in TIMES_WORDS or (
        k + 1 < len(tokens) and tokens[k + 1].lower() == "times"
    )
    before = token_stems[max(k - TIMES_ACT_DISTANCE, 0) : k]
    return is_times and any(stem in acts for stem in before)


# An amount is of a thing the question asks about when at most this many words stand between
# them: "a $40 million boost to school funding", "spent more than $3 billion on programming".
AMOUNT_DISTANCE = 6


# Words that say what an amount is the price of: "How much did the campaign cost?" is answered
# by "the campaign – run by a Minneapolis-based firm with a budget of $449,000".
PRICE_WORDS = frozenset(
    stems("cost costs price paid pay budget fee salary wage spent spend worth charge".split())
)
# A question's word for an amount that asks for the price words above: "How much money is
# behind the campaign?" ("money" near an amount in the text is no price: "direct money from the
# state's $2 billion in cash reserves" is no teacher's salary).
MONEY_ASKED = frozenset(stems("money funding".split()))


def with_price_words(wanted: Collection[str]) -> set[str]:
    """The stems wanted beside an amount, with every word for a price when one is asked ("cost",
    "money"): "a budget of $449,000" says what the campaign cost."""
    if (PRICE_WORDS | MONEY_ASKED) & set(wanted):
        return {*wanted, *PRICE_WORDS}
    return set(wanted)


def amount_of(text: str, wanted: Collection[str]) -> bool:
    """Whether an amount of money in the text (outside quotations) stands within
    `AMOUNT_DISTANCE` words of a word whose stem is in `wanted`, or of a word for a price when
    one is wanted: "$2 billion in cash reserves" is no teacher's salary, though the sentence
    speaks of teachers."""
    wanted = with_price_words(wanted)
    narrative = QUOTED.sub(lambda m: " " * len(m.group()), text)
    for amount in MONEY.finditer(narrative):
        before = words(narrative[: amount.start()])[-AMOUNT_DISTANCE:]
        after = words(narrative[amount.end() :])[:AMOUNT_DISTANCE]
        if any(stem in wanted for stem in stems([*before, *after])):
            return True
    return False
