"""Names and handles the aggressor used.

``names``: aliases, lowercase, from ``aggressor_name`` and from the narrative ("said his name was
Dave", "goes by Big J", ``Name "Jay"``, ``a guy "Tank"``, "Mr. Grant", and common given names
written bare, "Rick again"); hedges such as "(fake?)" and titles ("Mr.", "Dr.") are dropped.
``handles``: emails and social or ad-site usernames, lowercase, without a leading ``@``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from analytics.extract.harm_revision import shipped_word_model
from analytics.extract.pasted_names import is_two_way_thread, names_in_a_paste
from analytics.extract.places import is_place_word
from analytics.features import join_list
from analytics.reference import census_given_names, given_names

__all__ = ["canonical_handle", "canonical_name", "extract"]

NARRATIVE_COLUMNS: tuple[str, ...] = (
    "what_happened",
    "aggressor_description",
    "aggressor_contact",
    "vehicle",
)

_HEDGES = re.compile(
    r"\((?:[^)]*\b(?:fake|real|prob|maybe|not|prolly|likely|\?)[^)]*|\?+)\)|"
    r"\b(?:probably|prob|maybe|possibly|prolly|likely)\s+(?:a\s+)?fake\b|\bfake(?:\s+name)?\b|"
    r"\bnot\s+(?:his\s+)?real(?:\s+name)?\b|\bhe\s+said\b|\bsaid\s+(?:his\s+name\s+was|he\s+was)\b|"
    r"\bclaims?\b|\bcalls\s+himself\b|\bgoes\s+by\b|\bname(?:\s+was|\s+is|:)?\b|\bsays\b|\?|"
    r"^\s*said\b|"
    r"\s+i\s+(?:think|guess|believe)\b|(?<=\w)\s+i$",
    re.IGNORECASE,
)
_NAME_SPLIT = re.compile(r"\s*(?:/|,|;|&|\+|\bor\b|\band\b|\baka\b|a\.k\.a\.?|\bthen\b)\s*", re.I)
_NAME_CHARS = re.compile(r"[^\w'’.\- ]")
_DOT_NOT_AFTER_AN_INITIAL = re.compile(r"(?<![\s.]\w)(?<!^\w)\.|\.(?=\w)")
"""Dots go ("Dr." → "dr", "j.k." → "jk"), except after a lone initial ("Rick T." → ``rick t.``,
"J. Morris" → ``j. morris``), as labellers write them."""
_SPACES = re.compile(r"\s+")
_NO_NAME = frozenset(
    [
        "unknown",
        "unk",
        "n/a",
        "na",
        "none",
        "no",
        "didn't",
        "didnt",
        "not",
        "dunno",
        "?",
        "-",
        "no",
        "name",
        "nothing",
        "given",
        "never",
        "said",
        "didn't",
        "say",
        "didnt",
        "say",
        "not",
        "given",
        "none",
        "given",
        "idk",
        "don't",
        "know",
        "dont",
        "know",
        "anon",
        "anonymous",
        "unsure",
        "wouldn't",
        "say",
        "wouldnt",
        "say",
        "refused",
        "he",
        "he's",
        "his",
        "guy",
        "man",
        "client",
        "a",
        "the",
    ]
)
_NO_NAME_PHRASES = re.compile(
    r"^(?:no\s+name|not\s+given|none\s+given|didn'?t\s+(?:say|give)|wouldn'?t\s+say|"
    r"never\s+(?:said|gave)|unknown|n/?a|none|idk|dunno|don'?t\s+know|no\s+idea|-+|\?+|"
    r"see\s+(?:below|above|notes?|what\w*|narrative|story|report|text))\b",
    re.IGNORECASE,
)
_NAME_TYPOS = ("namme", "nmae", "nnme", "naem", "nme")
"""The word "name" mistyped, as notes typed fast have it ("namme frank", "Name: nnme sean")."""
_NOT_NAMES = frozenset(
    [
        *_NAME_TYPOS,
        "pastor",
        "landlord",
        "please",
        "reverend",
        "captain",
        "a",
        "an",
        "the",
        "he",
        "she",
        "his",
        "her",
        "him",
        "i",
        "me",
        "my",
        "we",
        "they",
        "it",
        "this",
        "that",
        "what",
        "who",
        "probably",
        "prob",
        "maybe",
        "fake",
        "not",
        "something",
        "like",
        "just",
        "only",
        "real",
        "actually",
        "either",
        "so",
        "from",
        "of",
        "unknown",
        "nothing",
        "none",
        "cop",
        "police",
        "officer",
        "undercover",
        "vice",
        "guy",
        "man",
        "dude",
        "client",
        "john",
        "nobody",
        "white",
        "black",
        "brown",
        "asian",
        "native",
        "big",
        "old",
        "young",
        "tall",
        "short",
        "fat",
        "skinny",
        "and",
        "but",
        "or",
        "on",
        "in",
        "at",
        "to",
        "with",
        "was",
        "is",
        "says",
        "said",
        "told",
        "called",
        "named",
        "after",
        "before",
        "then",
        "when",
        "while",
        "because",
        "if",
        "sir",
        "daddy",
        "babe",
        "baby",
        "honey",
        "mister",
        "mr",
        "bro",
        "buddy",
        "she's",
        "he's",
        "it's",
        "its",
        "wasn't",
        "isn't",
        "didn't",
        "doesn't",
        "wouldn't",
        "couldn't",
        "twice",
        "once",
        "again",
        "your",
        "different",
        "same",
        "another",
        "slowly",
        "sajang",
        "sajang-nim",
        "sajangnim",
        "laoban",
    ]
)
_CAP_NAME = (
    r"(?:[A-Z]\.[ \t]?[A-Z][a-z'’\-]+(?![\w@.])|"
    r"(?:(?:Big|Lil|Little|Young|Old|Mr|Mister|Miss|Dr|Uncle|Papa|Daddy|Sugar|Sir|Master|Captain|Kuya|Boss|"
    r"Brother|Father|Pastor|Reverend|Rev|"
    r"(?i:officer|detective|constable|sergeant|sgt|agent))\.?\s+)?"
    r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’\-]*(?:[ \t]+[A-Z]{1,2}\b)?)"
)
_LOWER_NAME = r"[a-z][a-z'’\-]{1,14}"
_NAME_GIVERS = r"his|say|says|said|gave|give|gives|customer|client|guy|man"
"""Words before a bare "name" that make the capitalised word after it his name ("His name
Corwin", "he say name Fitz", "Customer name Tiberius")."""
_CAPITAL_NEXT = (
    r"(?=\s*[\"“'‘]?(?-i:[A-Z]))(?!\s*[\"“'‘]?(?:rcmp|police|vicpd|cop|officer|guest|uber|lyft|"
    r"expedia|booking|airbnb|regards|love|thanks|cheers|xoxo|the|a|an|usual|well|cash)\b)"
)
"""After the triggers a desk, a record or a signature gives ("checked in as", "identified himself
as", "signs his texts"): a capitalised name, and not a word those phrases are also used with
("checked in as usual", "identified himself as RCMP", "signed his emails Regards")."""
_TRIGGER = (
    r"(?:said\s+(?:his|their)\s+name\s+(?:was|is)|(?:his|their)\s+name\s+(?:was|is|=)|"
    r"(?:told|gave)\s+(?:me|her|us)\s+(?:his\s+name\s+(?:was|is)|the\s+name)|gave\s+the\s+name|"
    r"sign(?:s|ed|ing)\s+(?:off\s+)?(?:as|with)|"
    r"(?:gave|gives|giving)\s+(?:his|their)\s+name\s+as|"
    r"call(?:s|ed|ing)\s+(?:himself|herself)|goes\s+by|went\s+by|going\s+by|"
    r"introduced\s+himself\s+as|"
    r"(?:identified\s+(?:himself|herself)\s+as|(?:registered|checked\s+in|signed\s+in)\s+"
    r"(?:as|under))" + _CAPITAL_NEXT + r"|"
    r"(?:told|asked)\s+(?:me|her|us)\s+to\s+call\s+him|said\s+(?:to\s+)?call\s+him|"
    r"name\s+he\s+(?:gave|gives|uses|used|goes\s+by)\s*[*:\-=]*|"
    r"(?:said|says|say)\s*,?\s*[\"“]?call\s+me|book(?:ed|s|ing)\s+as|"
    r"s['’]appel(?:le|ait|lait)|se\s+llama(?:ba)?|se\s+hace\s+llamar|"
    r"(?:a\s+guy|a\s+man|client|guy|man|dude|someone|regular|john|driver|trucker|customer|"
    r"gentleman)\s+(?:named|called(?!\s+himself))|"
    r"named|says\s+(?:his\s+)?name(?:['’]s|\s+(?:is|was))?|said\s+(?:his\s+)?name(?:['’]s|\s+(?:is|was))?|"
    r"name\s*(?:(?:was|is)\b|:|-|=)|"
    r"(?:" + _NAME_GIVERS + r")\s+name(?=\s+(?-i:[A-Z][a-z]))|"
    r"name(?=\s+(?-i:[A-Z][a-z]+)\s*(?:[,.;:!?，。)]|$))|"
    r"name\s+given\s*(?:(?:was|is|as)\b|:|-|=)?|given\s+name\s*:|"
    r"name\s*\?\s*A\s*:|"
    r"known\s+as|a\.?k\.?a\.?|nick(?:name)?d?\s*(?:(?:was|is)\b|:)?|"
    r"use[sd]?\s+the\s+name|use[sd]?\s+name"
    + _CAPITAL_NEXT
    + r"|using\s+the\s+name|under\s+the\s+name|alias(?:es)?\s*(?:was|is|:)?|"
    r"(?:different|new|fake)\s+names?(?:\s+each\s+time)?|I\s+know\s+him\s+as|"
    r"(?:she|they|we|everyone)\s+(?:knows?|knew)\s+(?:him\s+)?as" + _CAPITAL_NEXT + r"|"
    r"sign(?:s|ed|ing)\s+(?:his|the)\s+(?:texts|messages|emails)(?:\s+(?:as|with))?"
    r"(?:\s*[\"“'‘]?(?:brother|father|pastor|mr|dr|sir)\.?(?=\s+[A-Z]))?" + _CAPITAL_NEXT + r")"
)
_NARRATIVE_NAME = re.compile(
    r"(?i:\b" + _TRIGGER + r")\s*[\"“”'‘’(*]*\s*(?:(?:uh|um|umm|er|erm),?\s+)?"
    r"(" + _CAP_NAME + r"|" + _LOWER_NAME + r")(?![_@.]?[A-Za-z]*[_@0-9])"
    r"((?:\s*[\"”’)]?\s*(?:,|/|\bor\b|\band\b)\s*[\"“‘(]?\s*(?:" + _CAP_NAME + r")){0,4})"
)
_SAID_HE_WAS = re.compile(
    r"(?i:(?:\b(?:he|she|they)\s+(?:said|says|told\s+(?:me|her|us))\s+(?:he|she)|"
    r"(?:^|(?<=[,;:.(\-–]))[ \t]*(?:said|says)\s+he)\s+(?:was|is))\s+"
    r"(?:(?i:detective|officer|constable|sergeant|det|cst|sgt)\.?\s+)?"
    r"([A-Z][a-z]+)(?![\w'’\-])(?!\s+[A-Z])(?!\s+(?i:police|pd|rcmp|cops?|bylaw|security)\b)"
)
"""A capitalised name after "he said he was" ("He said he was Mark", "She said she was Kim"),
also with no subject ("said he was detective Fitzroy", then never a word the reports commonly
use: "said he was Undercover");
:data:`_NOT_A_NAME_AFTER_WAS` keeps out what else is said that way ("he said he was Canadian")."""
_SAID_OF_HIMSELF = """
    canadian american british english irish scottish french german italian spanish portuguese
    dutch polish russian ukrainian greek mexican indian chinese korean japanese filipino
    vietnamese persian iranian arab african asian european australian native indigenous metis
    muslim christian catholic jewish sikh hindu buddhist mormon gay straight bi married single
    divorced sober clean police rcmp vicpd cop security military army navy fine ok okay sorry
    new here from not just only really very so too also still going gonna leaving coming
"""
_NOT_A_NAME_AFTER_WAS = frozenset(_SAID_OF_HIMSELF.split())
_QUOTED = re.compile(
    r"(?i:\b(?:guy|man|dude|client|regular|name|called|named|calls\s+himself|aka|goes\s+by)\b)"
    r"\s*[\"“'‘]\s*([A-Z][A-Za-z'’\-]*(?:\s+[A-Z][A-Za-z'’\-]*){0,2})\s*[\"”'’]"
)
_QUOTED_BARE = re.compile(r"(?:^|[,(.;:]\s*|\s)[\"“]([A-Z][A-Za-z'’\-]*(?:\s+[A-Z]\w*)?)[\"”]")
_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|yell(?:ed|s|ing)?|scream(?:ed|s|ing)?|shout(?:ed|s|ing)?|"
    r"text(?:ed|s)?|asked|asking|for|like|wrote|go|went|called\s+me|call\s+me|me)\s*[:,]?\s*$",
    re.I,
)
_OWNER_SIDE = re.compile(r"\b(?:my|her|our)\s+(?:name|friend|co-?worker|sister)\b", re.I)

_SPELLED_EMAIL = re.compile(
    r"(?<![\w.+\-])([\w.+\-]{3,})\s*(?:\[at\]|\(at\)|\sat\s)\s*([A-Za-z0-9\-]+)"
    r"\s*(?:\[dot\]|\(dot\)|\sdot\s)\s*(com|ca|net|org|co|io|me)\b",
    re.IGNORECASE,
)
"""An email written out so that sites won't hide it ("p.lavoie77 at example dot ca",
"kev [at] example [dot] com")."""
_MAIL_HOST = re.compile(
    r"(?:gmail|hotmail|yahoo|outlook|icloud|proton(?:mail)?|live|shaw|telus|example)$", re.I
)
_NOT_SENDERS = frozenset(["him", "her", "them", "you", "this", "that", "one", "the", "and"])
_EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
_AT_HANDLE = re.compile(r"(?<![\w@.])@([A-Za-z0-9_.]{2,30}[A-Za-z0-9_])")
_SITES = (
    r"leo\s?list|tryst|eros|skip\s?the\s?games|stg|onlyfans|"
    r"instagram|insta|ig|snap(?:chat)?|twitter|tiktok|facebook|fb|kik|telegram|"
    r"grindr|tinder|bumble|reddit|discord|wickr|sugar\s?daddy|"
    r"fetlife|craigslist|kijiji|private\s?delights|massage\s?republic|switter|"
    r"squirt|seeking|scruff|sniffies|rent\.?men|adam4adam|a4a|hinge|pof|plenty\s?of\s?fish|"
    r"whatsapp|signal|megapersonals|tryst\.link|fansly|manyvids|wechat|weixin|kakao(?:\s?talk)?|"
    r"viber|youtube"
)
_SITE_HANDLE = re.compile(
    r"((?i:\b(?:" + _SITES + r")\b(?:\.com|\.cc|\.ca|\.link|\.men)?"
    r"(?:\s+(?:user(?:name)?|handle|account|"
    r"profile|name|id|as|is|was|still|now|there|buyer|subscriber|sub|fan|client|customer|"
    r"viewer|member)\b)*[^\S\n]*(?:[:=\-]|\bis\b|\bwas\b)?[^\S\n]*"
    r"[\"“']?))"
    r"(?!(?:and|the|a|an|he|she|his|her|to|on|in|for|from|with|messages?|ad|ads|user|"
    r"profile|account|me|i|it|that|this|but|or|was|is|said|every|again|now|who|then|too|"
    r"saying|asking|called|named|keeps?|after|before|under|using)\b)"
    r"([A-Za-z0-9_.]*[0-9_.][A-Za-z0-9_.]*|[A-Za-z0-9_.]{3,30})(?=[\"”'\s,;.)!?]|$)"
)
_USERNAME_WORD = re.compile(
    r"(?i:\b(?:user\s?name|handle|screen\s?name|profile(?:\s+name)?|account(?:\s+name)?)\b"
    r"(?:[^\S\n]+(?:is|was|of|called|named|still|now|there))*[^\S\n]*[:=\-]?[^\S\n]*[\"“'@]?)"
    r"([A-Za-z0-9_.]*[0-9_][A-Za-z0-9_.]*|[A-Za-z0-9_.]{3,30})(?=[\"”'\s,;.)!?]|$)"
)
_SAID_TO_BE = re.compile(r"[:=\-\"“'@]|\b(?:is|was|called|named)\b", re.I)
"""What makes a plain word after "username" or "profile" a username ("profile: harbourguy",
"handle is kevin"), where "profile pic" or "account deleted" is not."""
_EXPLICIT = re.compile(r"[:=\-\"“']|\b(?:user(?:name)?|handle|as|is|was|name|id)\b", re.I)
_BARE_HANDLE = re.compile(r"[A-Za-z0-9_.]{3,40}")
_HANDLE_STOP = frozenset(
    [
        "none",
        "unk",
        "unknown",
        "n/a",
        "na",
        "not",
        "given",
        "no",
        "idk",
        "texted",
        "via",
        "on",
        "the",
        "and",
        "for",
        "from",
        "with",
        "his",
        "her",
        "him",
        "was",
        "said",
        "user",
        "username",
        "account",
        "profile",
        "messages",
        "message",
        "name",
        "called",
        "named",
        "every",
        "again",
        "now",
        "who",
        "then",
        "too",
        "this",
        "that",
        "keeps",
        "after",
        "before",
        "under",
        "using",
        "also",
        "same",
        "same",
        "one",
        "new",
        "old",
        "real",
        "fake",
        "dms",
        "dm",
        "texts",
        "text",
        "ads",
        "ad",
        "site",
        "page",
        "only",
    ]
)


_RANKS = r"sergeant|sgt|sarge|constable|cst|officer|detective|det|corporal|cpl|inspector|agent"
_TITLE = re.compile(
    rf"^(?:mr|mrs|ms|miss|mister|dr|doctor|sir|master|captain|capt|kuya|anh|señor|senor|pastor|"
    rf"brother|father|reverend|rev|bylaw|{_RANKS})\s+(?=\S)"
)
"""Titles, the police ranks a fake officer gives himself ("Sergeant Boyd" → ``boyd``), a kink
title ("Master K" → ``k``) and respectful words said before a man's name ("Kuya Tito",
"Anh Tony")."""
_LONE_RANK = re.compile(
    rf"^(?:{_RANKS}|american|canadian|british|english|irish|scottish|australian|european|"
    r"asian|indian|french|german|mexican|russian|italian|spanish|chinese|korean|filipino|"
    r"latino|latina|hispanic|indigenous|native|metis|alberta|albertan|ontario|quebec|manitoba|"
    r"saskatchewan|yukon|newfie|eastern|western|northern|southern)$"
)
"""A rank, or where he is from written after a name ("called himself Garrett, American accent",
"called "Dutch", Alberta guy")."""
_HONORIFIC_AFTER = re.compile(
    r"\s+(?:ajeossi|ahjussi|oppa|sajang(?:-?nim)?|laoban|lao\s+ban|xiansheng|san|sama|kun|sensei|"
    r"bhai|ji)$"
)
"""Respectful words said after a man's name ("Steve ajeossi", "Park sajang", "Han laoban",
"Raj bhai", "Tanaka-san")."""
_AGENCY_AFTER = re.compile(r"\s+(?:rcmp|vicpd|police|bylaw)$")
"""The force a fake officer names after his own name ("Cpl. Ferris RCMP" → ``ferris``)."""
_TITLE_WORDS = (
    *("Mr", "Mister", "Dr", "Doctor", "Sir", "Constable", "Cst", "Sergeant", "Sgt", "Officer"),
    *("Detective", "Det", "Corporal", "Cpl", "Inspector"),
)
_TITLED = re.compile(
    rf"(\(\s*)?\b(?:{'|'.join(_TITLE_WORDS)})\.?\s+([A-Z][a-z'’\-]+)(?![a-z'’\-])"
    r"(\s*(?:#|badge\s*#?)\s*\d)?"
)
"""A titled name. In brackets with a badge number ("VicPD 2063-01277 (Cst. Oduya #2281)") it is
the officer who took the report, not him; a fake officer's rank, name and badge are his."""


_GIVEN_NAMES = given_names()
_CENSUS_NAMES = census_given_names()
_HIM_AFTER = re.compile(
    r"\s+again\b|\s+(?:is|'s|’s)\s+back\b|\s*\(|,\s+(?:the|a|an|retired|old)\s"
    r"|\s+the\s+[a-z]+\b(?!\s+(?:st|street|rd|road|ave|avenue|way)\b)"
)
"""After a name from the census list, what says the word is him: "Quentin again", "Elwood, the
Legion jacket", "Quentin the realtor", "Wendell (the Kittiwake)"."""
_HIM_BEFORE = re.compile(r"(?:\(|\b(?:says|said|named|called|calls\s+himself|it'?s|its))\s*$", re.I)
"""Before a name from the census list: "(Ezra, metchosin_ez on LeoList)", "says Bram"."""
_CAPITALISED = re.compile(r"(?<![\w'’@.\-])([A-Z][a-z]+|[A-Z]{2,})(?![\w@\-])(?!['’](?!s\b))")
_PLACE_BEFORE = frozenset(
    [
        "on",
        "at",
        "near",
        "by",
        "off",
        "onto",
        "along",
        "up",
        "down",
        "past",
        "corner",
        "of",
        "to",
        "from",
        "in",
        "the",
        "st",
        "and",
        "&",
        "/",
        "ave",
        "rd",
        "mount",
        "mt",
    ]
)
_PLACE_AFTER = frozenset(
    [
        "st",
        "street",
        "rd",
        "road",
        "ave",
        "avenue",
        "blvd",
        "way",
        "dr",
        "drive",
        "park",
        "hill",
        "heights",
        "head",
        "bay",
        "centre",
        "center",
        "mall",
        "village",
        "plaza",
        "square",
        "point",
        "pt",
        "lake",
        "river",
        "beach",
        "cres",
        "crescent",
        "pl",
        "place",
        "lane",
        "hortons",
        "inn",
        "hotel",
        "motel",
        "island",
        "harbour",
        "green",
        "gardens",
        "station",
        "terrace",
        "market",
        "court",
        "ct",
        "&",
        "and",
    ]
)
_SIGN_OFF = frozenset(
    ["thanks", "thank", "cheers", "regards", "sincerely", "best", "love", "xo", "xoxo", "staff",
     "worker", "co-ordinator", "coordinator", "volunteer", "counsellor", "nurse", "ty", "thx"]
)  # fmt: skip
_FIELD_WORDS = frozenset(
    [
        "date",
        "time",
        "veh",
        "vehicle",
        "loc",
        "location",
        "where",
        "what",
        "when",
        "car",
        "plate",
        "phone",
        "ph",
        "desc",
        "agg",
        "inc",
        "who",
        "how",
        "why",
        "description",
    ]
)
_LOWER_TRIGGERED = re.compile(
    r"\b(?:(?:said|says|saying)\s+(?:hes|he's|he’s|he\s+is|he\s+was)|said|says|name[ds]?|called|aka|"
    r"by|was|is|aggressor|agg|" + "|".join(_NAME_TYPOS) + ")"
    r"\b(?:[\s:\-]+[\"'“‘]?|[\"'“‘])"
    r"(?!(?:name|" + "|".join(_NAME_TYPOS) + r")\b)([a-z][a-z'\-]+)\b[\"'”’]?"
)
_RANK_THEN_NAME = re.compile(
    r"(?:\b(?:hes|he's|he’s|he\s+is|i'?m|said|says|as)\s+|[\"“'‘])"
    r"(?:constable|officer|detective|sergeant|sgt|cst|det)\.?\s+([a-z][a-z'\-]{2,14})\b"
)
"""A rank he gave himself, and his name, in a text without capitals ("said hes constable
kemp", "\"constable harris, VicPD\"")."""
_WORDS_AFTER_A_RANK = """
    the and was who with from said says told asked came got pulled stopped walked left did had
    would will could he she they his her him car cruiser badge friendly vehicle uniform there
    then that this not never just also showed flashed
"""
_NOT_AFTER_A_RANK = frozenset(_WORDS_AFTER_A_RANK.split())
_NAME_FROM_A_SITE = re.compile(
    r"\b([a-z]+)\s+from\s+(?:tryst|leolist|leo\s+list|seeking|grindr|sniffies|tinder|"
    r"snap(?:chat)?|insta(?:gram)?|onlyfans|the\s+app)\b"
)
"""A given name and the site he was met on ("heads up trent from tryst")."""
_QUOTED_LOWER = re.compile(r"[\"“'‘]([A-Za-z][a-z\-]+)[\"”'’](?![A-Za-z])")
_NOT_HIM = re.compile(
    r"(?:\bnot\s+(?:the\s+)?[\"“']?(?:[\w\-'’]+(?:\s+|\s*/\s*)){0,2}|\b(?:my|her|our|their)\s+(?:boyfriend|bf|partner|"
    r"husband|friend|driver|brother|dad|son|roommate|manager|boss|co-?worker|cousin|sister|"
    r"worker|staff|booker|security)\s*,?\s*|\bhis\s+(?:dog|cat|puppy|son|daughter|kid|wife|"
    r"girlfriend|gf|brother|buddy|friend|cousin|driver|partner|roommate|boss)\s*,?\s*"
    r"(?:(?:called|named)\s+)?)[\"“'‘(]?$",
    re.IGNORECASE,
)
_WORD_AFTER = re.compile(r"\s*[&/]?\s*([A-Za-z]+)")


_SENTENCE_WORD = re.compile(
    r"(?:(?<=^)|(?<=[.!?\n(]\s)|(?<=[.!?\n(])|(?<=\bguy\s)|(?<=\bman\s)|(?<=\bold\s)|"
    r"(?<=\byoung\s)|(?<=\bdriver\s)|(?<=\bleolist\s)|(?<=\btryst\s)|(?<=[a-z]:\s))"
    r"([a-z]+)(?![a-z]|[.@_\-]\w)|"
    r"\b([a-z]+)(?=\s+again\b)"
)
"""A word that would be capitalised by a writer who capitalises: at the start of a sentence or
a bracket, naming the man ("this guy kenny", "old len") or said to be back ("red beard mike
again")."""


_LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-z]+(?![A-Za-z])")


def _names_capitalised(text: str) -> str:
    """``text`` with each known given name that :data:`_SENTENCE_WORD` finds capitalised
    (only those can become names, and looking at each word in context is slow)."""
    pieces: list[str] = []
    last = 0
    for word in _LOWER_WORD.finditer(text):
        if word.group() not in _GIVEN_NAMES:
            continue
        found = _SENTENCE_WORD.match(text, word.start())
        if found is None or found.end() != word.end():
            continue
        pieces += (text[last : word.start()], word.group().capitalize())
        last = word.end()
    return "".join(pieces) + text[last:] if pieces else text


_REGISTRATION_AFTER = frozenset(
    [
        "owner",
        "info",
        "information",
        "number",
        "no",
        "plate",
        "check",
        "lookup",
        "search",
        "sticker",
        "papers",
        "details",
    ]
)
"""Words after "Reg" when it is short for registration ("Reg owner info not releasable")."""


def _names_a_place(text: str, end: int) -> bool:
    """The name just before ``end`` is part of a place ("by ross bay cemetery")."""
    after = _WORD_AFTER.match(text, end)
    return after is not None and after.group(1).lower() in _PLACE_AFTER


_MAN_AFTER = re.compile(
    r"\s+(?:guy|man|dude|fella|one|reports?|warnings?)\b|\s*\((?![^)]*\b(?:st|rd|ave)\b)", re.I
)
"""A given name is a man's, not a place's, when "guy" or a bracket about him follows ("the Troy
guy from the list", "update on Neil (grey outback, 236 555 0185)")."""


_ALIAS_PAIR = re.compile(
    r"\(\s*([A-Z][a-z]+)\s*/\s*([A-Z][a-z]+|[A-Z]{2})\s*[),]"
    r"|(?i:\bthe\s+)([a-z]+)\s*/\s*([a-z]+)(?i:\s+(?:guy|man|dude|one)\b)"
)
"""Two names he goes by, in brackets ("the grey Ram (Wade / Wayne, Sask)", "(Dwayne/DJ)") or
before "guy" ("the brendan/brandon guy"); a slash elsewhere is more often a corner."""


def _alias_pair(match: re.Match[str]) -> list[str]:
    """Both names of an :data:`_ALIAS_PAIR` when the first is a known given name and the second
    is one too or a pair of initials; none otherwise."""
    first, second = (name for name in match.groups() if name is not None)
    if first.lower() not in _GIVEN_NAMES:
        return []
    if second.lower() not in _GIVEN_NAMES and not (second.isupper() and len(second) == 2):
        return []
    return [first.lower(), second.lower()]


def _bare_given_names(text: str) -> list[str]:
    """Known given names written bare ("Rick again", "AVOID RICK"), not as part of a place."""
    found: list[str] = []
    shouting = text.isupper()
    for match in _CAPITALISED.finditer(text):
        name = match.group(1).lower()
        if name not in _GIVEN_NAMES and not (
            name in _CENSUS_NAMES
            and (
                _HIM_AFTER.match(text, match.end())
                or _HIM_BEFORE.search(text, max(0, match.start() - 20), match.start())
            )
        ):
            continue
        if len(name) <= 2 and match.group(1).isupper() and not shouting:
            continue
        before = text[max(0, match.start() - 24) : match.start()].lower().split()
        if (
            before
            and before[-1].strip(",.:-") in _PLACE_BEFORE
            and not (before[-1] in ("the", "on", "about") and _MAN_AFTER.match(text, match.end()))
        ):
            continue
        if any(word.strip(",.:-!") in _SIGN_OFF for word in before[-3:]):
            continue
        if _NOT_HIM.search(text, max(0, match.start() - 40), match.start()):
            continue
        after = _WORD_AFTER.match(text, match.end())
        if after and after.group(1).lower() in _PLACE_AFTER:
            continue
        if text.startswith(":", match.end()):
            continue
        if name == "tim" and text.startswith(("'s", "’s"), match.end()):
            continue
        if name == "reg" and after and after.group(1).lower() in _REGISTRATION_AFTER:
            continue
        if name == "leo" and (
            (before and before[-1] in ("on", "via", "through", "from"))
            or (after and after.group(1).lower() in ("account", "ad", "ads", "profile", "listing"))
        ):
            continue
        found.append(name)
    return found


_THING_AFTER = re.compile(
    r"\W*(?:ball\s+|baseball\s+|trucker\s+|work\s+|hockey\s+)?"
    r"(?:hoodie|jacket|hat|cap|shirt|t-shirt|sweater|jersey|sticker|decal|logo|sign|tattoo|"
    r"on\s+(?:the|his)|written|printed|e-?mail|message|account|app|profile|page|tire|tyre|cover|"
    r"bumper|kind\s+of|type\s+of|sort\s+of)\b",
    re.I,
)


_COMPANY_BEFORE = re.compile(
    r"\b(?:starts?\s+with|company|business|logo|brand|frame\s+(?:says|reads))\W*$", re.I
)
_COMPANY_NEAR = re.compile(r"\b(?:logo|lettering|decal|wrap|company)\b[^.\n]{0,40}$", re.I)
"""A quoted name a few words after a company's logo is the company ("company logo on the side
(a blue wave with a wrench, "Tidewater Mechanical")")."""


_CODE_WORD_BEFORE = re.compile(r"\b(?:code\s*-?word|safe\s*-?word|password)\b[^.\n]{0,40}$", re.I)
"""A quoted word the workers agreed to use for him ("code word for the group: "Blue Heron"")."""


def _quoted_not_a_name(quoted: str, before: str, after: str) -> bool:
    """A quoted word that is a plate ("plate "FKV" start"), a shouted word ("AS "EVIDENCE"")
    or printed on a thing ("a "Canucks" hoodie")."""
    if "plate" in before.lower() or "lic" in before.lower() or _THING_AFTER.match(after):
        return True
    if _COMPANY_BEFORE.search(before) or _CODE_WORD_BEFORE.search(before):
        return True
    return quoted.isupper() and quoted.lower() not in _GIVEN_NAMES


def canonical_name(text: str) -> str:
    """Lowercase alias with hedges, quotes and punctuation removed; ``""`` if it is no name."""
    current = text
    for _ in range(4):
        cleaned = _clean_name(current)
        if cleaned == current:
            break
        current = cleaned
    return current


def _clean_name(text: str) -> str:
    cleaned = _HEDGES.sub(" ", text).lower().replace("’", "'")
    cleaned = _NAME_CHARS.sub(" ", _DOT_NOT_AFTER_AN_INITIAL.sub("", cleaned))
    cleaned = _TITLE.sub("", _SPACES.sub(" ", cleaned).strip(" '-"))
    if cleaned.startswith("boss ") and cleaned[5:] not in _NOT_NAMES:
        cleaned = cleaned[5:]
    cleaned = _AGENCY_AFTER.sub("", _HONORIFIC_AFTER.sub("", cleaned))
    if not cleaned or cleaned in _NO_NAME or len(cleaned) > 30 or _NO_NAME_PHRASES.match(cleaned):
        return ""
    if (
        cleaned in _NOT_NAMES
        or _LONE_RANK.match(cleaned)
        or not any(ch.isalpha() for ch in cleaned)
    ):
        return ""
    if len(cleaned.split()) > 3:
        return ""
    return cleaned


def canonical_handle(text: str) -> str:
    """Lowercase handle or email without a leading ``@`` or trailing punctuation."""
    current = text
    for _ in range(4):
        cleaned = current.strip().strip("\"'“”‘’<>()[],;:!?").lstrip("@").rstrip(".").lower()
        if cleaned == current:
            break
        current = cleaned
    return current


_COLUMN_REMARK = re.compile(
    r"\((?=[^)]*\s|[a-z])[^)]*\)|\s+from\s+[A-Z][\w\s]*$|\b(?:daw|raw\s+daw|self-identified)\b|"
    r"\s+(?i:again|still|as\s+before|same\s+as\s+before)\s*[.!]*$"
)
"""A remark beside the names in their column: a bracket of several words or in lower case ("(same
man as the spa reports)", "(regular)"), where he says he is from ("Brent from Calgary"), Tagalog
"daw" (so he says), a word saying he is back ("Corwin again"). A capitalised word in brackets
is another name ("Christopher (Chris)")."""
_COLUMN_NAME_SPLIT = re.compile(
    r"\s*(?:[()]|\bnow\s+(?:says|goes\s+by|uses|calls\s+himself)\b|"
    r"\balso\s+(?:uses|goes\s+by|called|calls\s+himself)\b|\bknows?\s+him\s+as\b)\s*",
    re.IGNORECASE,
)
_NOT_A_NAME_WORD = re.compile(r"\b(?:he'?s|he|she|is|a|an|the|my|her|our|his|us|to|as|of)\b")
"""Words no alias holds ("says he's a doctor", "my attendant")."""


def _column_names(text: str) -> list[str]:
    if _NO_NAME_PHRASES.match(text.strip()):
        return []
    triggered = list(_NARRATIVE_NAME.finditer(text))
    if triggered:
        parts = [m.group(1) for m in triggered]
        lead = text[: triggered[0].start()].split("(")[0]
        if lead.strip() and not _COLUMN_REMARK.search(lead):
            parts.insert(0, lead)
    else:
        text = _COLUMN_REMARK.sub(" ", text)
        pieces = _COLUMN_NAME_SPLIT.split(text)
        parts = [p for piece in pieces for p in _NAME_SPLIT.split(_HEDGES.sub(" ", piece))]
    names = (canonical_name(p) for p in parts)
    return [name for name in names if name and not _NOT_A_NAME_WORD.search(name)]


def _said_he_is(match: re.Match[str]) -> bool:
    """ "says hes jesse and …": a name he gave, not a corner ("was at bay and …")."""
    words = match.group(0).split()
    return len(words) > 2 and words[0] in ("said", "says", "saying")


_ROLE = (
    r"(?:boyfriend|bf|partner|husband|friend|driver|brother|dad|son|roommate|manager|boss|"
    r"co-?worker|cousin|sister|booker|security|bouncer)"
)
_OWN_PEOPLE = re.compile(
    r"\b(?:my|her|our|their)\s+(?:(?:safety|best|good|old|work|other|usual)\s+)?"
    + _ROLE
    + r"\s*,?\s*([A-Z][a-z]+)\b"
    r"|\b([A-Z][a-z]+)\s+\(?(?:\w+\s+){0,3}\(?(?:he'?s|she'?s|is)\s+(?:my|our|her)\s+" + _ROLE
)
"""People on the reporter's side, named once as such ("my safety friend Sam", "Marco drove me
(he's our driver"): the same name elsewhere in the story is theirs too ("Sam called the room")."""


_ANY_NAME = r"([A-Z][a-z]{2,14})"
_SENTENCE_OPENS = r"(?:^|(?<=[.!?\n]))[ \t]*"
_BACK_ON_A_NUMBER = re.compile(
    _SENTENCE_OPENS
    + _ANY_NAME
    + r"\s+(?:has\s+a\s+new\s+(?:number|phone|#)|is\s+back\b|strikes\s+again|"
    r"is\s+on\s+(?:a|his)\s+(?:new|different|second|third|fourth|fifth|other)\s+"
    r"(?:number|phone|account|#))"
)
_BACK_AGAIN = re.compile(
    _SENTENCE_OPENS + _ANY_NAME + r"(?<!ing)\s+(?:is\s+still\b|again(?=\s*[,.(:;!\-–]|\s+per\b)|"
    r"(?:in|w/|with)\s+(?:the|his)\s+(?:[a-z-]+\s+){0,3}?(?:van|car|truck|jeep|suv|pickup|minivan)\b)"
)
_GUY_THEN_NAME = re.compile(r"\b(?:guy|man|dude),\s+" + r"([A-Z][a-z]{2,14})" + r"(?=\s*\))")
_STILL_HIM = re.compile(_SENTENCE_OPENS + r"Still\s+" + _ANY_NAME + r"\s*[.!]")
_LETTER_OPENS = re.compile(r"^\s*(?:dear|hi|hello|hey|to)\b[^\n]{0,40}\n\s*$", re.I)
"""A letter's salutation ("Dear BDARS,"): the next words are the writer's ("Linda again")."""


_GREETED = re.compile(r"(?i:\b(?:hi|hey|hello|its|it'?s|this\s+is|me))\W{0,3}$")
_ANOTHER_MAN_NEXT = re.compile(
    r"(?i:\b(?:same|this|that|the|a|another|new)\s+(?:guy|man|dude|client|creep|john)\b)"
)


def _another_thing_back(text: str, match: re.Match[str], word: str) -> bool:
    """What :data:`_BACK_AGAIN`, :data:`_STILL_HIM` and "guy, Name)" find that is no name: a
    place ("Esquimalt again"), a word the reports commonly use ("Drunk again", "Still
    shaking"), a past tense ("Dictated again"), or the writer herself: after her salutation
    ("Hi! Amber again"), or with a man brought in just after ("Amber again. Same guy as last
    week")."""
    return (
        _not_his_name(word)
        or (word.endswith("ed") and word not in _GIVEN_NAMES and word not in _CENSUS_NAMES)
        or _LETTER_OPENS.match(text[: match.start(1)]) is not None
        or _GREETED.search(text, max(0, match.start(1) - 12), match.start(1)) is not None
        or _ANOTHER_MAN_NEXT.search(text, match.end(), match.end() + 30) is not None
    )


def _common_word(word: str) -> bool:
    """Whether the reports use ``word`` commonly (it is in the harm word model's vocabulary)
    and it is no known given name."""
    return (
        word in shipped_word_model().vocabulary
        and word not in _GIVEN_NAMES
        and word not in _CENSUS_NAMES
    )


_SAYS_NAME = re.compile(r"(?:,\s*|\bguy\s+|\bhe\s+)says\s+([A-Z][a-z]{2,14})(?=\s*[.,;]|\s*$)")
_NAME_THEN_WHO = re.compile(
    _SENTENCE_OPENS
    + _ANY_NAME
    + r",\s+(?:the|that|same)\s+(?:[\w-]+\s+){0,3}?(?:guy|one|man|dude|kid|creep)\b"
)
_NAMED_WHEN_BACK: tuple[re.Pattern[str], ...] = (
    _BACK_AGAIN,
    _STILL_HIM,
    _GUY_THEN_NAME,
    _SAYS_NAME,
    _NAME_THEN_WHO,
)
_NAMED_BY_PLACE: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (
        ("guy", "man", "dude", "client", "john"),
        re.compile(
            r"\b(?:guy|man|dude|client|john)\s+(?:\("
            + _ANY_NAME
            + r"\)|"
            + _ANY_NAME
            + r"(?=\s+(?:is|has|was|with|again)\b|\s*[(,.]))"
        ),
    ),
    (("guy,", "man,", "dude,"), _GUY_THEN_NAME),
    (
        ("(",),
        re.compile(
            _SENTENCE_OPENS + _ANY_NAME + r"\s+\((?=[^)]{0,50}(?:\bguy\b|tattoo|\btat\b|"
            r"\d{3}[-\s.]?555|@|\b[a-z]+[._][a-z]+|\b(?:van|truck|car|jeep|suv|pickup|ebike)\b))"
        ),
    ),
    (
        (" as ",),
        re.compile(
            r"\b(?:booked|texted|messaged|emailed|called|contacted)\b[^.!?\n]{0,40}?\bas\s+[\"“]?"
            + _ANY_NAME
            + r"\b"
        ),
    ),
    (
        ('"', "“"),
        re.compile(
            r"[\"“](?:hi\s+|hey\s+)?(?:it'?s|its|i'?m|im|this\s+is)\s+"
            + _ANY_NAME
            + r"\b(?=[,.!\"”\s])"
        ),
    ),
    (("new number", "new phone", "new #", "is back", "again", " is on "), _BACK_ON_A_NUMBER),
    (("again", "is still", " in the ", " in his ", "w/", " with "), _BACK_AGAIN),
    (("Still ",), _STILL_HIM),
    (("says ",), _SAYS_NAME),
    ((", the ", ", same ", ", that "), _NAME_THEN_WHO),
    (
        ("Tryst", "tryst", "LeoList", "Leolist", "leolist", "Leo List", "Seeking", "the app"),
        re.compile(
            r"(?:^|[.!?\n:]\s*)"
            + _ANY_NAME
            + r"\s+from\s+(?i:tryst|leolist|leo\s+list|seeking|the\s+app)\b"
        ),
    ),
    (
        ("chama", "naam", "Naam"),
        re.compile(
            r"\bse\s+chama\s+"
            + _ANY_NAME
            + r"|\b(?i:naam)\s+"
            + _ANY_NAME
            + r"|"
            + _ANY_NAME
            + r"\s+naam\s+(?:da|di|de|hai|si)\b"
        ),
    ),
)
"""A name of any spelling in a place only a name takes: after "the … guy" ("the Red Deer guy
Hollin is back", "the hummingbird tattoo guy (Orrin)"), before a bracket that describes him
("Cas (the spiderweb tattoo guy)", "Cosmo (647-555-0146)"), booked or texted "as" it, in his
own words ("its Anatole, remember me"), said to be back, again ("Osric again, black Charger"),
still ("Still Dorian.") or on a new number ("Iggy is on a third number"), from a site, and in
Portuguese and Punjabi ("se chama Thaddeus", "naam Lorcan", "Aldous naam da"). Capitals are
required: in a lower-case text the given-name list decides (:func:`_bare_given_names`)."""
_WORDS_NOT_NAMED_HERE = """
    the this that these those same update again warning note psa heads also then after before
    today tonight yesterday tomorrow last next his her their our my your its one another other
    new old big young white black grey gray red blue green silver brown van car truck guy man
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december please hello dear thanks sorry okay
    staff caller worker client police cop officer security driver hotel motel park street
    male female men women punjabi cree metis tagalog filipina spanish thats hes shes whats
    theres heres never there back out twice ever over down home happened started called
    texted messaged later afterwards finally outside inside earlier even just only still sat
    ugh yup yep nope lol lmao omg creep drunk late uber outcall incall shaking seen saved
    """
_NOT_NAMED_HERE = frozenset(_WORDS_NOT_NAMED_HERE.split()) | _NOT_A_NAME_AFTER_WAS


_LOWER_NAMED_BY_PLACE: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (
        ("(",),
        re.compile(
            r"\b(?i:guy|man|dude)\s+\(([a-z]{3,12})\)"
            r"|(?:^|(?<=[.!?\n])[ \t]*|\bits\s+)([a-z]{3,12})\s+"
            r"(?:\((?=[^)]{0,50}(?:\btat\b|tattoo|\d{3}[-\s.]?555|\b[a-z]+[._][a-z]+|\b[A-Z0-9]{2,3}\s?[A-Z0-9?]{3}\b))|again\s+\()"
        ),
    ),
    (("guy",), re.compile(_SENTENCE_OPENS + r"([a-z]{3,12})\s+the\s+(?:[\w-]+\s+){1,3}guy\b")),
)
"""The same places in a text without capitals, where a name is bracketed after "guy" ("wolf
jeep guy (lorcan)"), opens a sentence before a bracket that describes him ("iggy (koi tat, grey
ponytail)", "deacon (black tacoma, ND5 8?R)") or is "the … guy" ("aldous the fake etransfer
guy is texting")."""


def _names_by_their_place(text: str) -> list[str]:
    """Names :data:`_NAMED_BY_PLACE` and :data:`_LOWER_NAMED_BY_PLACE` find (each pattern tried
    only in a text holding one of its words), not common words, places or the reporter's
    people."""
    found = []
    matches = (
        match
        for gates, pattern in (*_NAMED_BY_PLACE, *_LOWER_NAMED_BY_PLACE)
        if any(gate in text for gate in gates)
        for match in pattern.finditer(text)
    )
    for match in matches:
        word = next(group for group in match.groups() if group)
        lower = word.lower()
        if lower in _NOT_NAMED_HERE or lower in _NOT_NAMES or lower in _FIELD_WORDS:
            continue
        if match.re in _NAMED_WHEN_BACK and _another_thing_back(text, match, lower):
            continue
        if _names_a_place(text, match.end(match.lastindex or 0)):
            continue
        if _NOT_HIM.search(text, max(0, match.start() - 40), match.start()):
            continue
        found.append(lower)
    return found


def _not_his_name(word: str) -> bool:
    """Whether a word a paste puts where a name goes is no name: a common word, a field label,
    a word the reports commonly use ("Address:", "Summary:") or a place ("Langford")."""
    return (
        word in _NOT_NAMED_HERE
        or word in _NOT_NAMES
        or word in _FIELD_WORDS
        or _common_word(word)
        or is_place_word(word)
    )


def _narrative_names(text: str) -> list[str]:
    names = _names_in_story(text)
    names += [name for name in _names_by_their_place(text) if name not in names]
    if "\n" in text or "From:" in text or "sent you" in text:
        names += [name for name in names_in_a_paste(text, _not_his_name) if name not in names]
    if names and ("my " in text or "our " in text or "her " in text or "their " in text):
        ours = {
            name.lower() for match in _OWN_PEOPLE.finditer(text) for name in match.groups() if name
        }
        names = [name for name in names if name not in ours]
    return names


_BARE_NAME_CUE = re.compile(r"(?i:(?:" + _NAME_GIVERS + r")\s+)?(?i:name)\s*")
"""The word "name" with no "is" or colon after it ("His name Corwin", "he say name Fitz"): the
capitalised word after it may only start the next sentence ("I forgot his name Anyway")."""
_HER_SIDE = re.compile(
    r"\b(?:my|her|our|a)\s+(?:friend|girl|co-?worker|sister|roommate|cousin|colleague)\b", re.I
)
"""A woman on the worker's side just before "calls herself" ("my friend who calls herself
Bambi"): the name is hers, not an aggressor's."""
_SENTENCE_LINKS = frozenset(
    ["anyway", "but", "so", "and", "though", "however", "well", "maybe", "because", "when"]
)
_AFTER_SPACED_SLASH = re.compile(r"\s/\s*[\"“‘(]?\s*[^\s/]+$")
_NEXT_FIELD_OPENS = re.compile(r"[ \t]+[A-Za-z]")
"""Words going on after a last name set off by " / " ("NAME: Lee / Rptr shaken but safe",
"name: GREG / Head St"): that word opens the next field of a note, it is no name."""
_CORNER_AFTER = re.compile(r"[ \t]*(?:&|and\s+[A-Z][a-z]+\s+(?:St|Ave|Rd)\b)")
"""The last word of a list is a street of a corner ("name Mike, Fort & Blanshard")."""


def _names_in_story(text: str) -> list[str]:
    names: list[str] = []
    lowered = text.lower()
    triggered = any(hint in lowered for hint in _TRIGGER_HINTS)
    for match in _NARRATIVE_NAME.finditer(text) if triggered else ():
        if _NOT_HIM.search(text, max(0, match.start() - 40), match.start()):
            continue
        first = match.group(1)
        if first[0].islower() and " " in first:
            first = first.split()[0]
        if (
            _BARE_NAME_CUE.fullmatch(text, match.start(), match.start(1))
            and first.lower() in _NOT_NAMED_HERE | _SENTENCE_LINKS
        ):
            continue
        if "herself" in match.group(0).lower() and _HER_SIDE.search(
            text, max(0, match.start() - 40), match.start()
        ):
            continue
        candidates = [first]
        if match.group(2):
            more = [
                p
                for p in _NAME_SPLIT.split(match.group(2))
                if p.strip()
                and p.strip(" \"“”'‘’()").lower() not in _FIELD_WORDS
                and not (p.strip().isupper() and p.strip().lower() not in _GIVEN_NAMES)
            ]
            if more and (
                (
                    _AFTER_SPACED_SLASH.search(match.group(2))
                    and _NEXT_FIELD_OPENS.match(text, match.end())
                )
                or _CORNER_AFTER.match(text, match.end())
            ):
                more.pop()
            candidates += more
        for candidate in candidates:
            name = canonical_name(candidate.strip("\"“”'‘’() "))
            if name and not (candidate[0].islower() and name in _NOT_NAMES):
                names.append(name)
    words = _LETTERS.findall(lowered)
    given = not _GIVEN_NAMES.isdisjoint(words)
    if given or not _CENSUS_NAMES.isdisjoint(words):
        names.extend(_bare_given_names(_names_capitalised(text)))
    if given:
        names.extend(
            m.group(1)
            for m in _LOWER_TRIGGERED.finditer(lowered)
            if m.group(1) in _GIVEN_NAMES
            and not _NOT_HIM.search(lowered, max(0, m.start() - 40), m.start())
            and (_said_he_is(m) or not _names_a_place(lowered, m.end(1)))
        )
    if any(
        rank in lowered for rank in ("constable", "officer", "detective", "sergeant", "sgt", "cst")
    ):
        names.extend(
            name
            for name in _RANK_THEN_NAME.findall(lowered)
            if name not in _NOT_AFTER_A_RANK and canonical_name(name)
        )
    if given and "/" in text:
        names.extend(name for match in _ALIAS_PAIR.finditer(text) for name in _alias_pair(match))
    if given and " from " in lowered:
        names.extend(
            m.group(1) for m in _NAME_FROM_A_SITE.finditer(lowered) if m.group(1) in _GIVEN_NAMES
        )
    if " was " in lowered or " is " in lowered:
        names.extend(
            m.group(1).lower()
            for m in _SAID_HE_WAS.finditer(text)
            if m.group(1).lower() not in _NOT_A_NAME_AFTER_WAS
            and not is_place_word(m.group(1).lower())
            and not (
                m.group(0).lstrip().lower().startswith(("said", "says"))
                and _common_word(m.group(1).lower())
            )
        )
    if any(title in text for title in _TITLE_WORDS):
        names.extend(
            name
            for bracket, titled, badge in _TITLED.findall(text)
            if not (bracket and badge) and (name := canonical_name(titled))
        )
    quoted = '"' in text or "“" in text or (triggered and ("'" in text or "‘" in text))
    if given and (quoted or "'" in text):
        names.extend(
            m.group(1).lower()
            for m in _QUOTED_LOWER.finditer(text)
            if m.group(1).lower() in _GIVEN_NAMES
            and not _NOT_HIM.search(text, max(0, m.start() - 40), m.start())
        )
    for pattern in (_QUOTED, _QUOTED_BARE) if quoted else ():
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 25) : match.start()]
            if _OWNER_SIDE.search(before):
                continue
            if _NOT_HIM.search(text, max(0, match.start(1) - 41), match.start(1) - 1):
                continue
            if pattern is _QUOTED_BARE and (_SPEECH.search(before) or len(match.group(1)) < 2):
                continue
            after = text[match.end() : match.end() + 12]
            wider = text[max(0, match.start() - 60) : match.start()]
            if pattern is _QUOTED_BARE and (
                _quoted_not_a_name(match.group(1), before, after) or _COMPANY_NEAR.search(wider)
            ):
                continue
            name = canonical_name(match.group(1))
            if name and (pattern is _QUOTED or len(name.split()) <= 2):
                names.append(name)
    return names


def _handles(text: str, is_contact_column: bool) -> list[str]:
    found: list[str] = []
    lowered = text.lower()
    if " dot " in lowered or "(at)" in text or "[at]" in text:
        for match in _SPELLED_EMAIL.finditer(text):
            plain = " at " in match.group(0).lower()
            if (
                not (plain and match.group(1).isalpha() and not _MAIL_HOST.match(match.group(2)))
                and match.group(1).lower() not in _NOT_SENDERS
                and not _reporters_own(text, match.start())
            ):
                found.append(f"{match.group(1)}@{match.group(2)}.{match.group(3)}")
        text = _SPELLED_EMAIL.sub(" ", text)
        lowered = text.lower()
    emails = list(_EMAIL.finditer(text)) if "@" in text else []
    found.extend(m.group(0) for m in emails if not _reporters_own(text, m.start()))
    rest = _EMAIL.sub(" ", text) if emails else text
    if "@" in rest:
        found.extend(
            m.group(1) for m in _AT_HANDLE.finditer(rest) if not _reporters_own(rest, m.start())
        )
        rest = _AT_HANDLE.sub(" ", rest)
    if rest is not text:
        lowered = rest.lower()
    sites = any(hint in lowered for hint in _SITE_HINTS)
    for match in _SITE_HANDLE.finditer(rest) if sites or is_contact_column else ():
        handle = match.group(2)
        explicit = _EXPLICIT.search(match.group(1)) or is_contact_column
        if (
            _plausible_handle(handle)
            and (explicit or not handle.isalpha())
            and not _reporters_own(rest, match.start(2))
        ):
            found.append(handle)
    if "u/" in rest:
        found.extend(m.group(1) for m in _REDDIT_USER.finditer(rest))
    online = sites or is_contact_column or any(hint in lowered for hint in _ONLINE_HINTS)
    if (online or "_" in rest) and _SHAPE_HINT.search(rest):
        speakers = set()
        if ":" in rest:
            speakers = {m.group(1).lower() for m in _CHAT_SPEAKER.finditer(rest)}
        if len(speakers) == 1 and is_two_way_thread(rest):
            speakers = set()
        found.extend(
            m.group(1)
            for m in _HANDLE_SHAPED.finditer(rest)
            if _shaped_handle(m.group(1), online)
            and m.group(1).lower() not in speakers
            and not _reporters_own(rest, m.start())
        )
    usernames = any(hint in lowered for hint in _USERNAME_HINTS)
    for match in _USERNAME_WORD.finditer(rest) if usernames else ():
        handle = match.group(1)
        said_so = _SAID_TO_BE.search(rest, match.start(), match.start(1))
        if _plausible_handle(handle) and (said_so or not handle.isalpha()):
            found.append(handle)
    if is_contact_column and _NO_NAME_PHRASES.match(rest.strip().lower()):
        return [canonical_handle(h) for h in found]
    if is_contact_column and not found:
        rest = _BRACKETED.sub(" ", rest)
        for token in _BARE_HANDLE.findall(rest):
            if (
                token.lower() not in _HANDLE_STOP
                and not token.isdigit()
                and not re.fullmatch(_SITES, token, re.I)
                and (any(ch.isdigit() or ch in "_." for ch in token) or len(rest.split()) <= 2)
            ):
                found.append(token)
    return [h for h in (canonical_handle(h) for h in found) if len(h) >= 2]


_TRIGGER_HINTS = (
    "name", "call", "goes by", "went by", "going by", "introduced", "known", "aka", "a.k.a",
    "nick", "alias", "know him", "appel", "llama", "sign", "identified", "registered",
    "checked in", "knows as", "knew him as", "know as",
)  # fmt: skip
_LETTERS = re.compile(r"[a-z]+")
_SITE_HINTS = (
    "leo", "tryst", "eros", "skip", "stg", "onlyfans", "insta", " ig", "ig:", "snap", "twitter",
    "tiktok", "facebook", " fb", "fb:", "kik", "telegram", "grindr", "tinder", "bumble", "reddit",
    "discord", "wickr", "sugar", "fetlife", "craigslist", "kijiji", "private", "massage", "switter",
    "squirt", "seeking", "scruff", "sniffies", "rent", "adam4adam", "a4a", "hinge", "pof",
    "plenty", "whatsapp", "signal", "megapersonals", "fansly", "manyvids", "wechat", "weixin",
    "kakao", "viber", "youtube",
)  # fmt: skip
_HANDLE_SHAPED = re.compile(
    r"(?<![\w@.\-/'’|])\b([A-Za-z][A-Za-z0-9]*(?:[_.][A-Za-z0-9]+)+_?|[A-Za-z]{4,}[0-9]{2,4}_?)"
    r"(?![\w@\-/]|\.\w)"
)
"""A word shaped like a username: joined by underscores or dots (``nate_on_the_island``,
``shutter.theo``) or a word with a number after it (``ledgerman77``)."""
_REDDIT_USER = re.compile(r"(?<![\w/])u/([A-Za-z0-9_\-]{3,20})\b")
_ONLINE_HINTS = (
    "online", "account", "profile", "handle", "user", "app", "dm", "site", "message", "ad ",
    "custom", "review", "chat", "posted", "email", "page", "channel", "sub", "cam", "@",
)  # fmt: skip
_SHAPE_HINT = re.compile(r"[A-Za-z0-9][_.][A-Za-z0-9]|[A-Za-z]{4}[0-9]{2}|_")
_WEB_ENDING = re.compile(r"\.(?:com|ca|net|org|cc|link|men|me|io|co|app|ly|tv|uk|us)$", re.I)
_CHAT_SPEAKER = re.compile(
    r"(?m)^[ \t]*(?:\[[^\]\n]*\][ \t]*)?(?:>[ \t]*)*(?:\*\*)?([\w.]+)(?:\*\*)?[ \t]*:"
)
"""Where a pasted group chat names who is speaking (``[22:14] pixie_dust:``, ``> **mod_sage**:``);
a speaker is someone in the chat, not the man it warns about. In a thread between him and her
(:func:`~analytics.extract.pasted_names.is_two_way_thread`) with one speaker named, the speaker is
him."""


def _shaped_handle(token: str, online: bool) -> bool:
    """Whether a username-shaped word is a handle: underscores always are; a dotted word or a word
    with a number only in a report about something online, and never a web address, an
    abbreviation (``a.m.``, ``e.g.``), a site's name or a vehicle model."""
    if _WEB_ENDING.search(token) or _SITE_WORD.fullmatch(token.rstrip("_")):
        return False
    if "_" in token:
        return len(token) >= 4
    parts = token.split(".")
    if len(parts) > 1 and max(len(part) for part in parts) < 3:
        return False
    return online and len(token) >= 5


_USERNAME_HINTS = ("user", "handle", "screen", "profile", "account")


_SITE_WORD = re.compile(_SITES, re.IGNORECASE)
_OWN_CONTACT = re.compile(
    r"(?:\b(?:email|e-mail|contact|reach|write|message|dm|text|txt)\s+(?:me|us|her)\s*(?:back\s*)?"
    r"(?:at|on|@|:|via)?|\bmy\s+(?:own\s+)?(?:email|e-mail|address|insta|ig|snap|handle|account|"
    r"contact|ad|profile|username)(?:\s+(?:on|at)\s+\w+)?(?:\s+is|:)?|\b(?:reporter|rptr|caller)'?s?\s+(?:email|e-mail|contact)(?:\s+is|:)?|"
    r"\bcan\s+be\s+reached\s*(?:at|on|via|by)?)\s*$",
    re.IGNORECASE,
)


_POSTER = re.compile(
    r"\b(?:reply|replied|repl(?:ies)?|posted|comment(?:ed)?|op)\s+(?:from|by)\s*:?\s*@?$", re.I
)
"""Who wrote a post in a pasted thread ("> reply from sookegal", "Posted by westshore_wren")."""


_RECIPIENT_HEADER = re.compile(r"(?m)^[ \t>]*(?:To|Cc):[^\n@]{0,50}$")
"""The To line of an email he sent her, pasted with its headers: the address there is hers."""


def _reporters_own(text: str, start: int) -> bool:
    """Whether the email or handle at ``start`` is given as the reporter's own contact, as the
    address a pasted email was sent to, or as the name of someone posting in a pasted
    thread."""
    return (
        _OWN_CONTACT.search(text, max(0, start - 40), start) is not None
        or _POSTER.search(text, max(0, start - 25), start) is not None
        or ("To:" in text and _RECIPIENT_HEADER.search(text, max(0, start - 60), start) is not None)
    )


_NOT_HANDLES = frozenset(
    [
        "msgs",
        "msg",
        "messages",
        "dms",
        "texts",
        "twice",
        "again",
        "once",
        "already",
        "mutually",
        "psa",
        "warning",
        "alert",
        "heads",
        "update",
        "thread",
        "post",
        "posted",
        "reply",
        "guy",
        "guys",
        "saying",
        "doing",
        "asking",
        "telling",
        "going",
        "looking",
        "sending",
        "calling",
        "texting",
        "group",
        "chat",
        "scam",
        "creep",
        "avoid",
        "beware",
        "careful",
        "wouldn",
        "couldn",
        "didn",
        "doesn",
        "isn",
        "wasn",
        "won",
        "aren",
        "only",
        "just",
        "things",
        "stuff",
        "went",
        "goes",
        "got",
        "gets",
        "has",
        "had",
        "is",
        "are",
        "were",
        "did",
        "does",
        "still",
        "instead",
        "there",
        "here",
        "like",
        "since",
        "our",
        "right",
        "closed",
        "blank",
        "clear",
        "private",
        "fake",
        "gone",
        "deleted",
        "new",
        "pic",
        "pics",
        "picture",
        "photo",
        "photos",
    ]
)
"""Words written after a site's name or "handle" that are not a username ("Grindr PSA",
"Sniffies warning", "Grindr guy", "Facebook ... wouldn't", "WhatsApp only", "people who handle
things", "my account went -$800")."""


_SITE_NAME = re.compile(r"(?:" + _SITES + r"|e-?mail|text|sms|phone|app)", re.IGNORECASE)
"""A site or way of reaching someone, named where a handle was expected ("his account: kik
guy.v", "his account: email nicekevin97@example.com"): never the handle itself."""


def _plausible_handle(handle: str) -> bool:
    lowered = handle.lower().rstrip(".")
    return (
        lowered not in _HANDLE_STOP
        and lowered not in _NOT_HANDLES
        and not _SITE_NAME.fullmatch(lowered)
        and not handle.isdigit()
        and handle.strip("._") != ""
        and not (handle.isalpha() and lowered.endswith(("ing", "ings")))
    )


_BRACKETED = re.compile(r"\([^)]*\)")
_ALIAS_TOKEN = re.compile(
    r"(?:\b(?:aka|a\.k\.a\.?)\s+[\"“]?|[(\"“])([A-Za-z][A-Za-z0-9_.]{5,29})"
    r"(?=[\"”)\s,;:!?]|\.(?![\w@])|$)",
)


def _usernames_holding_a_name(report: Mapping[str, str], names: list[str]) -> list[str]:
    """One-word aliases that hold one of his names and more ("rob aka prairierob", "kev
    (islandkev77)", "booked as \"harbourtheo\""): usernames, not other names. A longer form of
    a name ("Reg (Reginald)", "Christopher (Chris)") stays a name."""
    short = [name for name in names if " " not in name and len(name) >= 3]
    if not short:
        return []
    found = []
    for column in NARRATIVE_COLUMNS:
        text = report.get(column, "")
        for match in _ALIAS_TOKEN.finditer(text) if text else ():
            token = match.group(1).lower()
            if (
                token not in _GIVEN_NAMES
                and any(
                    name in token
                    and len(token) - len(name) >= 4
                    and not (token.isalpha() and token.startswith(name))
                    for name in short
                )
                and token not in found
            ):
                found.append(token)
    return found


_HANDLE_LEAD = re.compile(r"[a-z]{4,}")
_NAME_PLACES = (
    r"\b(?:guy|dude|client|customer|named|called)\s+{w}",
    r"[(\-—–]\s*{w}\s*[,)\-—–]",
)
"""Where a word is written as a name: after "guy", set off by brackets or dashes."""
_SHORT_NAME_PLACE = r"\bthe\s+{w}\s+guy\b"
""""The thad guy" with ``thaddeus.backup2``: the one place for a word shorter than the handle's
start, and never for the whole of it ("the harbourlights guy" and "the westy guy" name him by
his address or his van)."""
_WORDS_IN_HANDLES = frozenset(
    [
        "boss",
        "boy",
        "cash",
        "cool",
        "fun",
        "gent",
        "girl",
        "good",
        "hot",
        "island",
        "king",
        "little",
        "lonely",
        "money",
        "nice",
        "paid",
        "papa",
        "pay",
        "ride",
        "rides",
        "sexy",
        "sugar",
        "vic",
        "yyj",
        "older",
        "thin",
        "bald",
        "fox",
    ]
)
"""Words men build handles from that are no name (with :data:`_NOT_NAMES` and
:data:`_NOT_NAMED_HERE`): ``sugar_daddy_vic``, ``olderman55``, ``silverfox69``."""


def _names_in_handles(story: str, handles: list[str]) -> list[str]:
    """Words of the story that start one of his handles, written where a name goes ("this guy
    perrin booked me" with ``perrin.jpeg``, "the thad guy" with ``thaddeus.backup2``, "-
    ambrose -" with ``ambrose_gent``): the name he goes by, however unusual."""
    leads = {m.group() for h in handles if (m := _HANDLE_LEAD.match(h.lower()))}
    if not leads:
        return []
    lowered = story.lower()
    found = []
    for word in set(_LETTERS.findall(lowered)):
        if (
            len(word) < 4
            or word in _WORDS_IN_HANDLES
            or word in _NOT_NAMES
            or word in _NOT_NAMED_HERE
            or not any(lead.startswith(word) for lead in leads)
        ):
            continue
        alone = rf"(?<![\w.@]){re.escape(word)}(?![\w@]|\.\w)"
        places = _NAME_PLACES if word in leads else (_SHORT_NAME_PLACE,)
        if any(re.search(place.format(w=alone), lowered) for place in places):
            found.append(word)
    return sorted(found, key=lowered.find)


def extract(report: Mapping[str, str]) -> dict[str, str]:
    """``names`` and ``handles`` (``;``-joined, lowercase)."""
    names: list[str] = []
    if report.get("aggressor_name"):
        names.extend(_column_names(report["aggressor_name"]))
    handles: list[str] = []
    for column in NARRATIVE_COLUMNS:
        text = report.get(column, "")
        if not text:
            continue
        if column != "aggressor_contact":
            names.extend(_narrative_names(text))
        handles.extend(_handles(text, column == "aggressor_contact"))
    for username in _usernames_holding_a_name(report, names):
        if username not in handles:
            handles.append(username)
    if handles:
        story = " ".join(report.get(column, "") for column in NARRATIVE_COLUMNS)
        names.extend(name for name in _names_in_handles(story, handles) if name not in names)
    handle_set = set(handles)
    words_of_longer = {word for name in names if " " in name for word in name.split()}
    names = [
        n
        for n in names
        if n not in handle_set and n not in words_of_longer and not _SITE_WORD.fullmatch(n)
    ]
    return {"names": join_list(names), "handles": join_list(handles)}
