"""Names and limits shared by the ingest and the query path, so the two can never disagree."""

from pathlib import Path

# Chroma collections. Chunks carry the dense retrieval, the text, and (as JSON, under
# SENTENCE_TABLE) where each of their sentences stands and who speaks in it. Sentence vectors,
# read in the chunk's context, are kept for chunks of several sentences only: a chunk of one
# sentence is that sentence.
CHUNKS_COLLECTION = "qabot_chunks"
SENTENCES_COLLECTION = "qabot_sentences"
SENTENCE_TABLE = "sentence_table"
# One record whose text changes whenever ingest changes the index (see retrieval/snapshot.py).
STATE_COLLECTION = "qabot_state"
COLLECTION_METADATA = {"hnsw:space": "cosine"}
# Sentence vectors are read by id, never searched: the cheapest graph Chroma will build.
SENTENCE_VECTORS_METADATA = {"hnsw:space": "cosine", "hnsw:M": 4, "hnsw:construction_ef": 8}
# How ingest lays the index out; an index of another layout is rebuilt from its sources. Also
# changed when what ingest finds in a sentence changes: 4, speakers after a role at an
# organisation ("Silvia S. Martins, associate professor of epidemiology at ..., commented:")
# and no name opening with a capitalised verb ("Getting Disney+ right ..."); 5, an attribution
# after a quoted question is one sentence with it ("“..., right?” Sanborn said."), and a title
# written short is no part of a name ("Kentucky GOP Gov. Matt Bevin": no "Kentucky GOP Gov");
# 6, a word that only opens a sentence capitalized, and is lowercase elsewhere in the article,
# names no one ("“Given our findings ..."); 7, a number written as a word has the stem of its
# digits ("three-pointer" and "3-pointer"); 8, a headline is one sentence ("‘Meth. We’re on
# it.’: Spokane ad agencies ..." was three); 9, "The governor said" is said by the one person
# the article titles governor ("Republican Gov. Eric Holcomb"); 10, an attribution after a
# quote that closes a quote inside it ("... attention,’ ” Hege said.") is one sentence with it;
# 11, "hinted" reports speech ("Mayer hinted that the company was pleased ..."); 12, a sentence
# opening "Right now," names no one called Right; 13, "Chapter & Verse" is one name, a firm's;
# 20, speakers a sentence describes but never names ("the doctor said"), its `voices`; 21, a
# quotation closed by two apostrophes ("...,’’ Will Moy ... said.") and a statement issued, a
# point pointed out, a comment declined are speech; 22, more groups quoted with no article
# before them ("..., executives of both companies announced"), no name in an opening adverb
# ("According to the study, ..."), chat's shortenings as their words ("OT"), no sentence cut
# after a state's abbreviation ("Rep. David McKinley, R-W.Va., visited ..."), "Will" a first
# name before a name ("Will Moy"), a title word closing a name a surname ("Kevin King") and a
# name after an opening phrase no appositive (", the Electoral Commission, which ..."); 23, a
# people's word stemmed as its country ("Swedish", "Sweden"), no name in an opening preposition
# ("Like hibernating animals, ..."), a street or a team no person ("Gladstone Avenue"); 24, a
# party's members no person ("Kentucky Democrats"), a role in capitals between a speaker and the
# verb (", Head of Research at ICICI Securities, pointed out"), a crime story's roles ("the
# sergeant", "the suspect"); 25, a quotation opened with a straight mark and closed with a curly
# one kept whole (`"Open the door!” an officer shouts.`); 26, an embedded post's words spoken
# by whom the line under it signs ("— Dele (@dele_official) November 19, 2019"); 27, a handle's
# words apart ("@MattBevin": "matt", "bevin"), an attribution with a time or place after its
# quotation ("“...!” Trump tweeted before Election Day."); 28, a line in title case a heading,
# however long (another story's headline linked from the page); 29, a speaker's description
# with a second place of work passed over (", a scientist at Goddard in Greenbelt, Maryland, and
# American University in Washington, D.C., said"); 30, initials with their own full stops
# opening a name ("J.K. Rowling", "the W.M. Keck Observatory"); 31, a quote's "Hey" or "OK" no
# name; 32, a first line in title case is the headline whatever it ends with; 33, a speaker
# after "said" behind a lowercase title and its words ("said study co-author Ana Reyes") or
# behind a description and a comma, closing the sentence ("..., said another witness in the
# probe, former adviser Fiona Hill."); 34, a word qualifying a capitalized title no name of
# its own ("Senior Vice President", "Former President"); 35, people of one surname told apart
# by their first names ("Hugo Okafor", "Greta Okafor"), "Councillor" a title.
INDEX_LAYOUT = "35"

# The section of an article's headline, kept as its paragraph 0 so a summary can cite it; and
# of its byline or author note.
HEADLINE_SECTION = "headline"
AUTHOR_SECTION = "author"

# all-MiniLM-L6-v2 silently truncates past 256 word pieces, [CLS] and [SEP] included.
MODEL_MAX_TOKENS = 256
MAX_CHUNK_TOKENS = MODEL_MAX_TOKENS - 2

PACKAGE_DIR = Path(__file__).resolve().parent
BUNDLED_CORPUS_DIR = PACKAGE_DIR / "corpus"
BUNDLED_ARTICLE = BUNDLED_CORPUS_DIR / "newsweek-kremlin-belarus-truce.txt"
BUNDLED_SOURCE_PREFIX = "bundled:"
DEFAULT_EVAL_SET = PACKAGE_DIR / "evalsets" / "dev.jsonl"
