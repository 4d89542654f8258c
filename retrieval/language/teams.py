"""The major North American leagues' teams by the place they play for, so that a question calling
a team by its place ("Who was in net for Minnesota?") is read with the name the story gives it
("Wild"), as a capital that acts is read as its country (lexicon.CAPITALS).

Game stories name a team by its nickname after the first mention, often never by its place:
the place is for the reader to know. The NBA, NHL, NFL and MLB as of 2025.
"""

from __future__ import annotations

import re

TEAMS_BY_PLACE = {
    "Anaheim": ("Ducks", "Angels"),
    "Arizona": ("Cardinals", "Diamondbacks", "Coyotes"),
    "Atlanta": ("Hawks", "Falcons", "Braves"),
    "Baltimore": ("Ravens", "Orioles"),
    "Boston": ("Celtics", "Bruins", "Red Sox"),
    "Brooklyn": ("Nets",),
    "Buffalo": ("Sabres", "Bills"),
    "Calgary": ("Flames",),
    "Carolina": ("Hurricanes", "Panthers"),
    "Charlotte": ("Hornets",),
    "Chicago": ("Bulls", "Blackhawks", "Bears", "Cubs", "White Sox"),
    "Cincinnati": ("Bengals", "Reds"),
    "Cleveland": ("Cavaliers", "Cavs", "Browns", "Guardians"),
    "Colorado": ("Avalanche", "Rockies"),
    "Columbus": ("Blue Jackets",),
    "Dallas": ("Mavericks", "Mavs", "Stars", "Cowboys"),
    "Denver": ("Nuggets", "Broncos"),
    "Detroit": ("Pistons", "Red Wings", "Lions", "Tigers"),
    "Edmonton": ("Oilers",),
    "Florida": ("Panthers",),
    "Golden State": ("Warriors",),
    "Green Bay": ("Packers",),
    "Houston": ("Rockets", "Texans", "Astros"),
    "Indiana": ("Pacers",),
    "Indianapolis": ("Colts",),
    "Jacksonville": ("Jaguars",),
    "Kansas City": ("Chiefs", "Royals"),
    "Las Vegas": ("Raiders", "Golden Knights"),
    "Los Angeles": ("Lakers", "Clippers", "Kings", "Chargers", "Rams", "Dodgers", "Angels"),
    "Memphis": ("Grizzlies",),
    "Miami": ("Heat", "Dolphins", "Marlins"),
    "Milwaukee": ("Bucks", "Brewers"),
    "Minnesota": ("Timberwolves", "Wolves", "Wild", "Vikings", "Twins"),
    "Montreal": ("Canadiens",),
    "Nashville": ("Predators",),
    "New England": ("Patriots",),
    "New Jersey": ("Devils",),
    "New Orleans": ("Pelicans", "Saints"),
    "New York": ("Knicks", "Islanders", "Rangers", "Giants", "Jets", "Mets", "Yankees"),
    "Oakland": ("Athletics",),
    "Oklahoma City": ("Thunder",),
    "Orlando": ("Magic",),
    "Ottawa": ("Senators",),
    "Philadelphia": ("76ers", "Sixers", "Flyers", "Eagles", "Phillies"),
    "Phoenix": ("Suns",),
    "Pittsburgh": ("Penguins", "Steelers", "Pirates"),
    "Portland": ("Trail Blazers", "Blazers"),
    "Sacramento": ("Kings",),
    "San Antonio": ("Spurs",),
    "San Diego": ("Padres",),
    "San Francisco": ("49ers", "Giants"),
    "San Jose": ("Sharks",),
    "Seattle": ("Kraken", "Seahawks", "Mariners"),
    "St. Louis": ("Blues", "Cardinals"),
    "Tampa Bay": ("Lightning", "Buccaneers", "Bucs", "Rays"),
    "Tennessee": ("Titans",),
    "Texas": ("Rangers",),
    "Toronto": ("Raptors", "Maple Leafs", "Blue Jays"),
    "Utah": ("Jazz", "Mammoth"),
    "Vancouver": ("Canucks",),
    "Vegas": ("Golden Knights",),
    "Washington": ("Wizards", "Capitals", "Commanders", "Nationals"),
    "Winnipeg": ("Jets",),
}

# Short names of the places: "OKC" for Oklahoma City.
PLACE_SHORT_NAMES = {
    "OKC": "Oklahoma City",
    "LA": "Los Angeles",
    "NY": "New York",
    "NYC": "New York",
    "Philly": "Philadelphia",
    "KC": "Kansas City",
    "SF": "San Francisco",
    "Indy": "Indianapolis",
}

# Any of the places, and any of the short names, as they stand in a question.
TEAM_PLACE = re.compile(
    r"\b(?:the\s+)?(?P<place>"
    + "|".join(re.escape(place) for place in sorted(TEAMS_BY_PLACE, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
# Chat types the longer initials in lowercase ("okc's coach"); "la", "ny" are left, as words.
PLACE_SHORT_NAMES |= {
    short.lower(): place
    for short, place in PLACE_SHORT_NAMES.items()
    if short.isupper() and len(short) > 2
}
SHORT_NAME = re.compile(r"\b(?:" + "|".join(map(re.escape, PLACE_SHORT_NAMES)) + r")\b")
PLACES_BY_LOWER = {place.lower(): place for place in TEAMS_BY_PLACE}


def _place_words_of_teams() -> dict[str, frozenset[str]]:
    """Each nickname's places' words: "thunder" names "Oklahoma City"; "cardinals" plays for
    Arizona and St. Louis."""
    places: dict[str, set[str]] = {}
    for place, teams in TEAMS_BY_PLACE.items():
        for team in teams:
            places.setdefault(team.lower(), set()).update(place.lower().split())
    return {team: frozenset(words) for team, words in places.items()}


PLACE_WORDS_OF_TEAM = _place_words_of_teams()
# Every team nickname, in lowercase words: "lakers", "red wings".
TEAM_NICKNAMES = frozenset(PLACE_WORDS_OF_TEAM)
