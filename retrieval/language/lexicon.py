"""Every word list the language rules use, in one place, each with why it is there.

The rules that read these lists live in the modules of `retrieval.language` (and the answer
composer); this module holds only data. Entries that came from the bundled article's own wording
are marked: they are candidates to replace with general mechanisms.
"""

from __future__ import annotations

import re

# --- Words -----------------------------------------------------------------------------------

# Common English function words; they carry no evidence for or against a sentence.
STOPWORDS = frozenset(
    """a about above after again against all am an and any are aren't as at be because been
    before being below between both but by can could couldn't did didn't do does doesn't
    doing don't down during each few for from further had hadn't has hasn't have haven't
    having he he'd he'll he's her here here's hers herself him himself his how how's i i'd
    i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my
    myself no nor not of off on once only or other ought our ours ourselves out over own
    same shan't she she'd she'll she's should shouldn't so some such than that that's the
    their theirs them themselves then there there's these they they'd they'll they're
    they've this those through to too under until up very was wasn't we we'd we'll we're
    we've were weren't what what's when when's where where's which while who who's whom why
    why's with won't would wouldn't you you'd you'll you're you've your yours yourself
    yourselves s t also just will ever""".split()
)

# Words a question starts with; never a name, never what it is about.
QUESTION_OPENERS = frozenset(
    """what who whom whose when where why how which did does do is are was were has have had
    can could will would should tell give list name explain describe""".split()
)

# Words that frame a question without naming what it is about; "anyone" stands for the answer
# ("Did the Wild lose anyone to injury?"), as "anywhere" does for a place ("Is it used
# anywhere yet?"), "main" only ranks it ("his main criticism"), a modal
# only hedges it ("Where might he end up?"); a chat's courtesies and asides ("pls", "lol") ask
# nothing, nor does chat's word for a person ("the guy who threatened her", "some folks").
FRAMING = frozenset(
    """article story piece mention mentioned according happen happened happens happening
    else also
    exactly really do does did done doing go goes going gone went get gets got give gives gave given
    take takes took taking make makes making giving put puts putting might must shall
    long many much kind kinds type types sort sorts recently
    currently now still already actually ever exactly precisely specifically basically
    generally particularly final overall total latest
    current next then later afterwards afterward again come comes came coming versus vs
    anyone anybody anything someone somebody something anywhere somewhere everywhere
    main primary
    please pls plz thanks thx lol lmao btw tbh imo imho rn hey hi hello yo bro dude guys ok okay
    guy fella folks
    """.split()
)

# Before a capitalized run, these make it a place or an object, not a speaker ("in Kyiv").
PREPOSITIONS = frozenset("in to with for of by from against on at into over under about".split())

# Auxiliary verbs a question puts before its subject: "What lander is ...", "How did Moscow ...".
AUXILIARIES = r"(?:did|does|do|has|have|had|is|was|are|were|will|would|can|could)"

# Pronouns that stand for "X's" when a follow-up is rewritten.
POSSESSIVES = frozenset({"his", "hers", "its", "their"})

# Words that name the kind of answer a question wants rather than what it is about: a sentence
# holding a place answers "which city", one holding a number answers "what number".
ANSWER_TYPE_WORDS = frozenset(
    """city town village place country state region location date day year month time hour
    number numbers amount total figure count score tally result age old share percentage percent
    proportion fraction portion stats statistics""".split()
)
# Those of them that name a place: "state" names the kind of a "which state" answer, and is
# what a "how much has the state stashed away" question is about.
PLACE_TYPE_WORDS = frozenset("city town village place country state region location".split())

# A job, and the verbs that say someone got one: "When did Mayer get his current job?" is
# answered by "Mayer was named chairman ... in March 2018".
JOB_WORDS = frozenset("job jobs post position role gig title".split())
APPOINTED_VERBS = frozenset(
    "named appointed hired promoted tapped elected chosen selected became".split()
)
# Verbs of carrying: "How much can Starship carry?" asks a load, said as a weight ("deliver
# up to 100 metric tons of cargo"), whatever the verb the article uses.
CARRYING_VERBS = frozenset(
    "carry carries carried haul hauls lift lifts hold holds land lands transport".split()
)

# What "Where is Disney based?" asks besides the place, said by a description that names it
# ("the Burbank entertainment giant").
HOME_WORDS = frozenset("based located headquartered".split())

# Kinds of things news style names in quotation marks: "What song did they play?" is answered
# by a sentence quoting one ("played “We’re Not Gonna Take It”").
QUOTED_TITLE_WORDS = frozenset(
    """song songs album book books film movie show series slogan slogans chant chants sign signs
    motto title phrase headline hashtag""".split()
)

# Contractions chat types without the apostrophe, each no word of its own ("cant", "wont", "its",
# "hes" and "shes" are left: words, or a pronoun's own form, as typed).
UNMARKED_CONTRACTIONS = {
    word.replace("'", ""): word
    for word in """
    what's who's how's where's when's why's that's there's
    don't doesn't didn't isn't wasn't aren't weren't hasn't haven't hadn't
    couldn't wouldn't shouldn't
    """.split()
}

# Everyday words written in capitals ("the label's OK", "live on TV"): no name the article
# must know; a question is not turned down as naming a stranger for them.
EVERYDAY_CAPITALS = frozenset(
    """ok okay tv pc diy faq asap vip atm dj mvp gps ufo usb dvd cd rsvp aka fyi""".split()
)

# Chat's short spellings of whole words, as typed in a channel: "how many ppl are testifying",
# "what did the afghan govt say". Lowercase only ("U.S." is no "u"), each a word of its own.
CHAT_SPELLINGS = {
    "ppl": "people",
    "govt": "government",
    "gov't": "government",
    "abt": "about",
    "bc": "because",
    "cuz": "because",
    "tho": "though",
    "u": "you",
    "ur": "your",
    "pls": "please",
    "plz": "please",
    "yrs": "years",
    "smth": "something",
    "w/": "with",
    "r": "are",
    "b4": "before",
}

# Measures a question asks of a thing ("What's the retention rate?"): a sentence that speaks of
# the thing without the measure does not answer.
MEASURE_WORDS = """
rate rates percentage percentages average averages ratio median salary salaries wage wages
temperature temperatures thickness depth height weight speed distance population turnout
attendance
""".split()

# Verbs so common they say little alone: one after a question's subject ends it ("What type
# of plague did the first two patients have?": "the first two patients").
LIGHT_VERBS = frozenset(
    """have has had having be been do does did doing done get gets got getting gotten go goes
    went going gone make makes made making say said""".split()
)

# The words of a question on the article's date that describe no one article ("When was the
# NASA story published?" describes it by "NASA").
DATE_ASKING = frozenset("when date day published written posted released dated filed out".split())

# Words a reader calls the article itself by: "Who wrote the recap?", "What's this piece about?".
ARTICLE_NOUNS = r"(?:article|story|piece|report|news|text|recap|write-?up|column|coverage)"

# Words for one piece of research: who "led the research" is the "study lead author".
STUDY_WORDS = frozenset("study research paper report survey analysis".split())
# What reports findings: "What did the study find?", "according to a study".
RESEARCH = (
    r"(?:study|studies|research|report|survey|poll|analysis|paper|researchers|scientists|"
    r"authors|team|data)"
)
# The verbs a question asks research's findings by: "What did the study find/show?".
FINDING_VERBS = r"(?:find|found|show|shown|reveal|revealed|conclude|suggest)"

# --- Names -----------------------------------------------------------------------------------

# Words that start with a capital letter yet name nobody: function words, days and months,
# numbers, and the adverbs and prepositions a sentence opens on ("According to the study, ...",
# "Critically, ...", "Like hibernating animals, ...") or a quote on ("Hey, here she is").
NOT_NAMES = frozenset(
    """a about after all also an and another any are as at because before being but by can
    could did do does during each either even every few for from had has have he her here
    hers him his how however i if in into is it its just many may me meanwhile might more
    most my neither no nor not now of on once one only or other our ours over she should
    since so some still such than that the their theirs them then there these they this
    those though through thus to too under until up upon us very was we were what when where
    whether which while who whom whose why will with within without would yet you your yours
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december today yesterday tomorrow read
    more although despite unless whereas instead later earlier overall indeed moreover right
    furthermore nevertheless nonetheless besides otherwise afterward afterwards
    two three four five six seven eight nine ten eleven twelve twenty thirty hundreds
    thousands dozens half several both none
    according critically finally ultimately recently currently previously additionally
    similarly importantly notably initially eventually separately specifically unfortunately
    fortunately surprisingly interestingly apparently clearly obviously officially reportedly
    allegedly like unlike amid amidst among amongst against toward towards via
    hey hi hello oh ok okay yes yeah wow please thanks sorry""".split()
)

# Titles and roles that come before a name and describe the person.
TITLE_WORDS = frozenset(
    """president vice prime minister chancellor king queen prince princess pope secretary
    general senator sen rep governor mayor spokesperson spokesman spokeswoman chairman chair
    director ambassador dr mr mrs ms gen col lt sgt judge justice deputy leader chief
    commander envoy officials official speaker superintendent commissioner coach ceo cfo coo
    executive founder professor prof sheriff chancellor councilman councilwoman councilor
    councillor rev father sister captain detective inspector trooper attorney teacher defenseman
    goalie goaltender winger quarterback pitcher gov supt atty author researcher""".split()
)

# Words that qualify a title, capitalized with it ("Senior Vice President", "Former President"):
# alone before the title they name no one.
TITLE_MODIFIERS = frozenset("senior former acting interim assistant associate".split())

# First words of places' names, never of a person's: "Fort Worth", "San Antonio", "Los Angeles",
# "New York", "Port Said", "Mount Vernon", "Lake Placid", "Cape Town", "West Ham", "Inner
# Mongolia".
PLACE_OPENERS = frozenset(
    """fort san santa los las new port mount mt lake cape saint st north south east west
    upper lower greater inner outer northern southern eastern western central""".split()
)

# Words that make a capitalized run an organisation or place rather than a person: the common
# nouns in organisations' and places' names ("The Moscow Times", "Columbia University", "Blue
# Origin LLC", "Gladstone Avenue", a party's members: "Kentucky Democrats"; not "park", "lane"
# or "bay", which are surnames too).
ORG_WORDS = frozenset(
    """court ministry times union council agency party nations committee department
    office government parliament army forces organization organisation institute university
    news post journal house senate congress bank fund press city gop
    region county state republic island river street square
    corporation corp inc company co llc ltd plc group holdings systems technologies technology
    robotics aerospace airlines airways motors labs laboratories media studios networks
    entertainment foundation association society league federation commission authority
    administration services bureau center centre hospital school college academy police
    legislature assembly statehouse division conference arena stadium
    coalition alliance network trust club hotel suites museum airport capital ventures partners
    initiative project
    tour festival cup championship championships tournament finals olympics awards prize trophy
    summit expo amendment act treaty accord records productions brothers magazine reports
    review team chronicle tribune herald gazette daily telegraph examiner inquirer courier
    dispatch bulletin democrats republicans
    avenue ave road boulevard blvd highway parkway plaza bridge station valley beach""".split()
)

# Roles that describe a person or outlet in "Kremlin spokesperson Dmitry Peskov", "X, a reporter".
# From the bundled article's wording: "ally", "publication", "correspondent".
ROLE_WORDS = (
    r"spokesperson|spokesman|spokeswoman|president|minister|leader|ally|reporter|correspondent|"
    r"editor|chief|head|secretary|chancellor|official|ambassador|general|commander|founder|"
    r"chairman|director|publication|newspaper|outlet|agency|officer|executive|ceo|coach|"
    r"superintendent|speaker|teacher|professor|governor|senator|representative|mayor|analyst|"
    r"manager|owner|captain|researcher|scientist|expert|attorney|lawyer|economist|player|author|"
    r"assistant|deputy|agent|"
    # people a crime or court story names by their part in it ("the sergeant who searched it")
    r"sergeant|detective|sheriff|trooper|judge|prosecutor|suspect|victim|witness|doctor|nurse"
)

# Places on a team, roles a team's name owns ("Wild goalie Alex Stalock", "the Sabres goalie").
TEAM_POSITIONS = (
    r"goalie|goaltender|keeper|goalkeeper|defenseman|defender|forward|winger|center|centre|guard|"
    r"quarterback|pitcher|catcher|striker|midfielder|rookie|star|starter|coach|captain"
)

# Words that make a role another one: "deputy associate administrator" is not the
# administrator "Who is the NASA administrator?" asks for, nor a "vice president" the president.
ROLE_QUALIFIERS = frozenset(
    "deputy associate assistant vice former acting interim ex co lieutenant under sub".split()
)
# A speaker the article describes without a name, as chat calls them: "the cop" is the article's
# "an officer said", "the lawyer" its "the attorney said".
VOICE_ALIKE = {
    "cop": ("officer", "policeman", "policewoman", "trooper", "deputy", "sergeant", "detective"),
    "cops": ("officers", "police"),
    "lawyer": ("attorney",),
    "attorney": ("lawyer",),
    "doc": ("doctor", "physician"),
    "medic": ("paramedic", "medics", "paramedics"),
}

# Roles as questions shorten them and articles spell them out: "the Ceres Robotics CEO" is
# "Michael Sims, chief executive of Ceres Robotics".
ROLE_SPELLINGS = {
    # Asked in other words than the article's: "the Kremlin's spokesman" is its "Kremlin
    # spokesperson Dmitry Peskov"; "the Belarusian leader" its "Belarusian President ...".
    "spokesman": ("spokesman", "spokesperson", "spokeswoman"),
    "spokeswoman": ("spokeswoman", "spokesperson", "spokesman"),
    "spokesperson": ("spokesperson", "spokesman", "spokeswoman"),
    "leader": ("leader", "president", "prime minister", "premier", "chancellor"),
    "boss": ("boss", "chief executive", "ceo", "president", "head"),
    # "the head of Take-Two" is its "CEO"; of an agency, its director or chief
    "head": ("head", "chief executive", "ceo", "president", "chairman", "director", "chief"),
    "ceo": ("ceo", "chief executive"),
    # A company's "executive" is any of its officers: "vice president ... at Blue Origin".
    "executive": (
        "executive",
        "chief executive",
        "ceo",
        "president",
        "vice president",
        "chief operating officer",
        "chief financial officer",
        "chairman",
        "chairwoman",
    ),
    "coo": ("coo", "chief operating officer"),
    "cfo": ("cfo", "chief financial officer"),
    "cto": ("cto", "chief technology officer"),
    "gm": ("gm", "general manager"),
    "governor": ("governor", "gov."),
    # "his lawyer" is the article's "Carlineo's attorney, Sonya Zoghlin"
    "lawyer": ("lawyer", "attorney"),
    "attorney": ("attorney", "lawyer"),
    "goalie": ("goalie", "goaltender", "netminder"),
    "goaltender": ("goaltender", "goalie", "netminder"),
}

# "Who coaches the Thunder?" asks who holds a role: the verb names the role.
ROLE_VERBS = {
    "coaches": "coach",
    "coached": "coach",
    "manages": "manager",
    "managed": "manager",
    "governs": "governor",
    "governed": "governor",
    # Who runs a company now is its boss; who "ran" a campaign may be a firm.
    "runs": "boss",
    "heads": "boss",
    "owns": "owner",
    "owned": "owner",
    "founded": "founder",
    "chairs": "chairman",
    "captains": "captain",
    "captained": "captain",
}
# Roles said as where someone plays: "Who was in goal for the Wild?".
ROLE_PHRASES = {"in goal": "goalie", "in net": "goalie"}

# Capitalised words before a role that say which side the holder is on, not whose role it is:
# "Republican Gov. Eric Holcomb" is Indiana's governor in a story on Indiana.
AFFILIATION_WORDS = frozenset(
    """republican republicans democrat democrats democratic gop conservative liberal labour labor
    independent former then acting interim incoming outgoing longtime veteran new""".split()
)

# Abbreviated titles news copy uses before names, read as the word they stand for, so "Who is
# the governor?" finds "Gov. Eric Holcomb"; and words chat shortens.
ABBREVIATIONS = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "lt": "lieutenant",
    "gen": "general",
    "sgt": "sergeant",
    "supt": "superintendent",
    "atty": "attorney",
    "dept": "department",
    "corp": "corporation",
    # as chat and box scores shorten words: "How far into OT?", "how many pts", "how many ppl"
    "ot": "overtime",
    "govt": "government",
    "pres": "president",
    "ppl": "people",
    "pts": "points",
    "yrs": "years",
    "mins": "minutes",
}

# Capitals that news copy writes for their country's government ("Moscow rejected the offer"):
# a question naming one in an article that names only the country means the country.
CAPITALS = {
    "Moscow": "Russia",
    "Kyiv": "Ukraine",
    "Kiev": "Ukraine",
    "Minsk": "Belarus",
    "Beijing": "China",
    "Taipei": "Taiwan",
    "Tokyo": "Japan",
    "Seoul": "South Korea",
    "Pyongyang": "North Korea",
    "New Delhi": "India",
    "Islamabad": "Pakistan",
    "Kabul": "Afghanistan",
    "Tehran": "Iran",
    "Baghdad": "Iraq",
    "Damascus": "Syria",
    "Ankara": "Turkey",
    "Riyadh": "Saudi Arabia",
    "Cairo": "Egypt",
    "Jerusalem": "Israel",
    "London": "Britain",
    "Paris": "France",
    "Berlin": "Germany",
    "Rome": "Italy",
    "Madrid": "Spain",
    "Warsaw": "Poland",
    "Budapest": "Hungary",
    "Ottawa": "Canada",
    "Mexico City": "Mexico",
    "Brasilia": "Brazil",
    "Buenos Aires": "Argentina",
    "Caracas": "Venezuela",
    "Havana": "Cuba",
    "Canberra": "Australia",
    "Pretoria": "South Africa",
    "Nairobi": "Kenya",
    "Abuja": "Nigeria",
}

# --- Speech ----------------------------------------------------------------------------------
# Four lists, each for its own reader: attributing speech in article text, a question asking for
# someone's words, a question's words that match any reported speech, and words with which a
# model's answer reports rather than claims.

# Verbs, as written in news text, that report what someone said: a speaker is their subject.
# From the bundled article's wording: "renewed his promise", "called for", "dismissed".
SPEECH_VERBS = (
    r"said|says|say|told|tells|added|adds|warned|warns|urged|urges|called\s+for|calls\s+for|"
    r"dismissed|dismisses|denied|denies|promised|promises|renewed\s+(?:his|her|their|its)\s+promise|"
    r"vowed|vows|pledged|pledges|proposed|proposes|suggested|suggests|announced|announces|"
    r"claimed|claims|argued|argues|insisted|insists|stated|states|noted|notes|explained|"
    r"wrote|writes|tweeted|posted|reported|reports|asked|asks|replied|responded|declared|"
    r"rejected|rejects|accused|accuses|acknowledged|admitted|confirmed|threatened|commented|"
    r"comments|remarked|predicted|predicts|hinted|hints|reiterated|reiterates|"
    # a clause hung on the sentence: "Boudreau gave a pep talk, telling them to ..."
    r"saying|telling|adding|noting|explaining|insisting|warning|urging|arguing|vowing|"
    # what a statement says, what is pointed out, and a refusal to say anything are words too:
    # "the Electoral Commission ... issued a statement saying", "it pointed out that", "WeWork
    # declined to comment"
    r"issued\s+a\s+statement|pointed\s+out|points\s+out|declined\s+to\s+comment|"
    r"refused\s+to\s+comment"
)

# Speech verbs as often plural nouns ("the only two Arab states", "his notes", "the claims"):
# read as verbs only before what is said (settlements story, session 22).
NOUN_LIKE_VERBS = frozenset({"states", "notes", "reports", "claims", "comments", "posts"})
# Groups a story quotes with no article before them ("Police said", "Officials told reporters"):
# the common subjects of unattributed news speech.
COLLECTIVE_VOICES = frozenset(
    "police officials authorities analysts experts investigators prosecutors witnesses "
    "residents doctors researchers scientists organizers organisers critics lawmakers "
    "economists traders sources officers protesters activists relatives executives "
    "spokespeople leaders employees workers members lawyers attorneys diplomats regulators "
    "negotiators".split()
)

# Verbs that ask for someone's words rather than naming the content of them.
SAY_VERBS = (
    r"say|said|says|tell|told|state|stated|comment|commented|claim|claimed|think|thought|"
    r"mean|meant|respond|responded|reply|replied|add|added|speak|spoke|talk|talked|announce|"
    r"announced|declare|declared|remark|remarked|predict|predicted|believe|believed|"
    r"argue|argued|warn|warned|insist|insisted|admit|admitted|acknowledge|acknowledged|"
    # what someone pledges is in their words: "What did Bosma promise?"
    r"promise|promised|pledge|pledged|vow|vowed|"
    # what someone asks of others is in their words: "What did Martins recommend?"
    r"recommend|recommended|suggest|suggested|propose|proposed|want|wanted|explain|explained|"
    # what someone made of a thing is in their words: "What did the watchdog make of the
    # stunt?"; a post is words too ("reacted" is not: "How did she first react to the ads?" asks
    # what she felt, "How did Moscow react?" what it did)
    r"make\s+of|made\s+of|tweet|tweeted|post|posted"
)

# What someone writes or issues is their words: "What did Bornstein's letter say?" asks what he
# wrote, where "What did Hege's husband say?" asks someone else's.
WRITINGS = frozenset(
    """letter letters statement statements email emails memo memos note notes tweet tweets post
    posts message messages report filing complaint lawsuit release announcement op-ed essay
    column blog""".split()
)

# Words for speech; they match any sentence that reports what someone said.
SPEECH_WORDS = frozenset(
    """say said says saying tell told tells stated statement statements comment comments
    commented remark remarks remarked word words quote quoted speech speak spoke spoken talk
    talked think thought claim claimed respond responded response reply replied speaking
    speaks talking commenting responding replying remarking telling tells""".split()
)

# Words that report rather than claim in a model's answer: "Peskov said", "according to the
# article"; the citation checker ignores them when it compares a claim with its source.
REPORTING_WORDS = (
    "said says say told tells tell stated states according article source sources "
    "mention mentioned mentions wrote written write writes"
).split()

# --- Page furniture ---------------------------------------------------------------------------

# Whole lines that are page furniture, not article text (audio players, share bars).
FURNITURE_LINES = (
    re.compile(r"^\W*Voice is AI-generated\. Inconsistencies may occur\.?\s*$", re.IGNORECASE),
    re.compile(r"^\W*Listen to (?:this )?article\W*$", re.IGNORECASE),
    re.compile(r"^\W*(?:Read more|Share this article|Advertisement)\W*$", re.IGNORECASE),
    # a page's label over the story: "Opinion", "Analysis", "Breaking news"
    re.compile(
        r"^\W*(?:Opinion|Analysis|Commentary|Editorial|Perspective|Exclusive|Breaking(?: news)?|"
        r"Sponsored(?: content)?)\W*$",
        re.IGNORECASE,
    ),
    # a page's newsletter box: "Subscribe to the Morning Review newsletter", "Get the day's top
    # headlines ... by subscribing to our newsletter."
    re.compile(r"^(?=.{0,150}$).*\bsubscrib\w*\b.*\bnewsletters?\W*$", re.IGNORECASE),
    # links under a wire story: "More AP NBA: https://apnews.com/NBA and https://twitter.com/..."
    re.compile(r"^[^:]{0,40}:\s*https?://\S+(?:\s*(?:,|and)\s*https?://\S+)*\s*$", re.IGNORECASE),
)

# A person spoken of without being named: "he's playing well now", "Montour spoiled his bid".
THIRD_PERSON = re.compile(r"\b(?:he|him|his|she|her)\b", re.IGNORECASE)

# A yes/no question is answered "no" by the act's opposite: "Did Bevin win reelection?" by "who
# lost his reelection bid". Each pair's words, in every form a question or sentence writes.
OPPOSITES = (
    ("win wins won winning", "lose loses lost losing"),
    ("pass passes passed", "fail fails failed reject rejects rejected"),
    ("approve approves approved", "reject rejects rejected veto vetoed"),
    ("accept accepts accepted", "reject rejects rejected decline declines declined refuse refused"),
    ("rise rises rose risen", "fall falls fell fallen drop drops dropped"),
    ("increase increases increased", "decrease decreases decreased cut cuts"),
    ("support supports supported", "oppose opposes opposed"),
    ("allow allows allowed", "ban bans banned block blocks blocked"),
    ("confirm confirms confirmed", "deny denies denied"),
    ("attend attends attended", "miss misses missed skip skipped"),
)

# Kinds that rule each other out: a sentence on the one ("Marijuana for recreational use has been
# legalized in 11 states") says nothing of the other ("How many states have legalized medical
# marijuana?"), however close in meaning the two sentences are.
EXCLUSIVE_KINDS = (
    ("medical medicinal", "recreational"),
    ("male men man boys", "female women woman girls"),
    ("crewed crew manned", "uncrewed unmanned cargo robotic"),
    ("domestic", "international foreign overseas"),
    ("public", "private"),
    ("offensive offense", "defensive defense"),
    ("home", "road away"),
)

# Things news counts under several names, which the embedding model reads apart ("games" and
# "matches" 0.56, "planes" and "jets" 0.49, below "teams" and "players" 0.65): "How many games
# have Spurs won?" is answered by "Spurs have won just five matches".
COUNTED_SYNONYMS = (
    "games matches contests fixtures",
    "planes jets aircraft airplanes airliners",
    "cars vehicles autos",
    "employees workers staff staffers",
    "soldiers troops",
    "children kids",
    "doctors physicians",
    "homes houses",
    "people residents citizens inhabitants",
)

# People counted under what they are, for "How many people ...?" (one way: "How many
# witnesses?" is not answered by "12 people"): "nine witnesses testifying over three days".
PEOPLE_COUNTED = """
witnesses employees workers staffers officials officers students teachers members voters
protesters demonstrators marchers players fans patients residents citizens children adults men
women passengers soldiers troops candidates hostages prisoners victims spectators attendees
""".split()

# People a story describes without a title: "What is the little girl's name?" asks for the
# name the article gives one so described ("the victim, Jane Doe,"), if any.
PERSON_NOUNS = frozenset(
    """girl boy child kid baby teen teenager victim mother father mom dad wife husband son
    daughter sister brother friend neighbor neighbour man woman suspect driver passenger witness
    student patient fan gunman shooter doctor physician nurse surgeon judge prosecutor detective
    pilot soldier hunter farmer resident worker""".split()
)

# Nouns said of a person that tell whether the article calls them "he" or "she" ("Omar is one
# of the first two Muslim women", "Van Der Beek, the former star and father of five,").
GENDERED_NOUNS = {
    "he": frozenset(
        """man men boy father dad son husband brother grandfather uncle nephew king prince
        actor chairman congressman businessman spokesman boyfriend widower""".split()
    ),
    "she": frozenset(
        """woman women girl mother mom daughter wife sister grandmother aunt niece queen princess
        actress chairwoman congresswoman businesswoman spokeswoman girlfriend widow""".split()
    ),
}
# What follows a surname without being one: "Patrick W. Carlineo Jr." is Carlineo.
NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())
# Currency signs and the money they stand for: "What's the deal worth in pounds?" is answered
# by "£10bn".
CURRENCY_SIGNS = {"£": "pounds", "$": "dollars", "€": "euros", "¥": "yen", "₹": "rupees"}
# What any sum of money says: "How much money ...?", "How much cash ...?".
MONEY_WORDS = "money cash funds funding"
# Courtesy titles that say it as plainly ("Mrs. Jones").
GENDERED_TITLES = {
    "mr": "he",
    "sir": "he",
    "lord": "he",
    "mrs": "she",
    "ms": "she",
    "miss": "she",
    "dame": "she",
    "lady": "she",
}

# Verbs with a particle and the single verbs news writes for them: "When did South Dakota roll
# out the campaign?" is answered by "introduced on Monday", "How many signed up?" by "15,000
# people registered".
PHRASAL_VERBS = {
    "roll out": "introduce introduced launch launched unveil unveiled release released debut",
    "sign up": "register registered enroll enrolled join joined subscribe subscribed",
    "go live": "launch launched debut debuted",
    "put out": "publish published release released issue issued",
    "set up": "establish established create created found founded form formed",
    "step down": "resign resigned retire retired quit",
    "turn down": "reject rejected decline declined refuse refused",
    "call off": "cancel canceled cancelled",
    "carry out": "conduct conducted perform performed",
    "find out": "discover discovered learn learned",
    "pick out": "select selected choose chose",
    "take part": "participate participated",
    "go into": "enter entered",
    "go inside": "enter entered",
    "go in": "enter entered",
    "kick out": "expel expelled remove removed eject ejected",
    "make fun": "mock mocked mockery ridicule ridiculed",
    "give up": "quit surrender surrendered abandon abandoned drop dropped",
    "come out": "publish published release released launch launched debut debuted",
    "hole up": "hide hid shelter sheltered refuge",
    "sign off": "approve approved",
    "shut down": "close closed",
    "speak out": "criticize criticized",
    "get back": "return returned",
    "come back": "return returned",
    "head out": "leave left depart departed",
    "set off": "leave left depart departed spark sparked trigger triggered prompt prompted",
    "show up": "attend attended arrive arrived appear appeared",
    "turn out": "attend attended",
    "take over": "replace replaced succeed succeeded",
    "drop out": "withdraw withdrew quit cancel canceled cancelled",
    "pull out": "withdraw withdrew cancel canceled cancelled",
    "let go": "fire fired terminate terminated dismiss dismissed layoff layoffs",
    "lay off": "fire fired terminate terminated dismiss dismissed cut",
    "kick off": "start started begin began open opened spark sparked trigger triggered",
    "talk to": "tell told interview interviewed",
    "strike down": "overturn overturned invalidate invalidated illegal unconstitutional",
    "stick up": "support supported defend defended back backed",
    "wipe out": "eliminate eliminated eliminating destroy destroyed erase erased",
    "bring in": "earn earned raise raised collect collected generate generated",
}


def _by_form(table: dict[str, str]) -> dict[str, str]:
    """Each form a table lists, by the word it is a form of: {"take": "took taken"} gives
    {"took": "take", "taken": "take"}."""
    return {form: word for word, forms in table.items() for form in forms.split()}


# Irregular past forms, read as their verb so that a question's "Who took her?" or "What did
# Emirates buy?" meets the article's "took" or "bought" (a stemmer leaves them apart); with
# "making" and "makes", for the phrasal verbs above. Forms that are more often another word
# are left out: "lay", "bit", "rose", "born", "said" (speech has its own term), "read",
# "wound", "ground".
IRREGULAR_PAST = _by_form(
    {
        "get": "got gotten",
        "come": "came",
        "become": "became",
        "go": "went gone",
        "take": "took taken",
        "give": "gave given",
        "make": "made making makes",
        "speak": "spoke spoken",
        "find": "found",
        "shut": "shut",
        "buy": "bought",
        "sell": "sold",
        "bring": "brought",
        "think": "thought",
        "seek": "sought",
        "teach": "taught",
        "catch": "caught",
        "fight": "fought",
        "tell": "told",
        "pay": "paid",
        "meet": "met",
        "keep": "kept",
        "send": "sent",
        "spend": "spent",
        "build": "built",
        "mean": "meant",
        "hear": "heard",
        "hold": "held",
        "uphold": "upheld",
        "stand": "stood",
        "understand": "understood",
        "know": "knew known",
        "grow": "grew grown",
        "throw": "threw thrown",
        "draw": "drew drawn",
        "withdraw": "withdrew withdrawn",
        "write": "wrote written",
        "drive": "drove driven",
        "ride": "rode ridden",
        "rise": "risen",
        "eat": "ate eaten",
        "fall": "fell fallen",
        "begin": "began begun",
        "run": "ran",
        "sing": "sang sung",
        "drink": "drank",
        "steal": "stole stolen",
        "wear": "wore worn",
        "tear": "tore torn",
        "freeze": "froze frozen",
        "hide": "hid hidden",
        "forget": "forgot forgotten",
        "see": "saw seen",
        "oversee": "oversaw overseen",
        "win": "won",
        "lose": "lost",
        "lead": "led",
        "feed": "fed",
        "feel": "felt",
        "deal": "dealt",
        "sit": "sat",
        "shake": "shook shaken",
        "swear": "swore sworn",
        "undertake": "undertook undertaken",
        "shoot": "shot",
        "flee": "fled",
        "fly": "flew flown",
        "leave": "left",
        "choose": "chose chosen",
        "break": "broke broken",
        "strike": "struck stricken",
        "sleep": "slept",
        "lend": "lent",
        "hang": "hung",
        "stick": "stuck",
        "dig": "dug",
        "beat": "beaten",
        "bite": "bitten",
        "forgive": "forgave forgiven",
        "slide": "slid",
        "speed": "sped",
        "awake": "awoke awoken",
        "wake": "woke woken",
    }
)

# Irregular pasts that are also verbs of their own: "When did she found her firm?" asks of a
# founding, not of anything found.
TENSE_AMBIGUOUS = frozenset({"found"})

# The people someone works with, whom a quote of theirs calls "we": "Where did Graham's team
# put the ads?" is answered by her "we were doing our advertising on gaming sites".
GROUP_WORDS = frozenset(
    "team staff company firm agency department office organization organisation".split()
)

# Countries and the words for their people, read as the country's name so that a question's
# "Why did the Swedes drop the case?" meets "Swedish prosecutors" and "Sweden has dropped", and
# "Chinese officials" meet "China's health chiefs" (one word each; "Korean" serves both Koreas).
NATIONS = _by_form(
    {
        "afghanistan": "afghan afghans",
        "america": "american americans",
        "argentina": "argentine argentinian argentinians argentines",
        "australia": "australian australians",
        "austria": "austrian austrians",
        "belarus": "belarusian belarusians",
        "belgium": "belgian belgians",
        "brazil": "brazilian brazilians",
        "britain": "british brits briton britons uk",
        "canada": "canadian canadians",
        "chile": "chilean chileans",
        "china": "chinese",
        "colombia": "colombian colombians",
        "croatia": "croatian croatians croat croats",
        "cuba": "cuban cubans",
        "denmark": "danish dane danes",
        "ecuador": "ecuadorean ecuadorian ecuadoreans ecuadorians",
        "egypt": "egyptian egyptians",
        "england": "english",
        "finland": "finnish finn finns",
        "france": "french",
        "germany": "german germans",
        "greece": "greek greeks",
        "hungary": "hungarian hungarians",
        "india": "indian indians",
        "indonesia": "indonesian indonesians",
        "iran": "iranian iranians",
        "iraq": "iraqi iraqis",
        "ireland": "irish",
        "israel": "israeli israelis",
        "italy": "italian italians",
        "japan": "japanese",
        "kenya": "kenyan kenyans",
        "korea": "korean koreans",
        "mexico": "mexican mexicans",
        "mongolia": "mongolian mongolians",
        "netherlands": "dutch",
        "nigeria": "nigerian nigerians",
        "norway": "norwegian norwegians",
        "pakistan": "pakistani pakistanis",
        "philippines": "filipino filipinos philippine",
        "poland": "polish",
        "portugal": "portuguese",
        "russia": "russian russians",
        "scotland": "scottish scot scots",
        "serbia": "serbian serbians serb serbs",
        "spain": "spanish spaniard spaniards",
        "sweden": "swedish swede swedes",
        "switzerland": "swiss",
        "syria": "syrian syrians",
        "taiwan": "taiwanese",
        "turkey": "turkish turk turks",
        "ukraine": "ukrainian ukrainians",
        "venezuela": "venezuelan venezuelans",
        "vietnam": "vietnamese",
        "wales": "welsh",
    }
)

# A nation's or a continent's people and adjective, by the place: "European hospitals".
DEMONYMS = {
    **NATIONS,
    **_by_form(
        {"europe": "european europeans", "asia": "asian asians", "africa": "african africans"}
    ),
}
