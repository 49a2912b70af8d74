"""Tokens for place matching: lower case, accents folded, no apostrophes, abbreviations unified.

``"Gov't St. & Hillside Avenue"`` → ``["govt", "st", "&", "hillside", "ave"]``. Punctuation that
matters for reading a sentence (``. , ; ! ? / & @ +``) is kept as its own token.
"""

from __future__ import annotations

import re
import unicodedata

_TOKEN_RE = re.compile(r"[a-z0-9]+|[&/@+.,;:!?()]")
_HANDLES = re.compile(r"[\w.+-]*@\w[\w.-]*|\w*_\w+|https?://\S+|www\.\S+")
"""Emails, @handles, user_names and links: never places, however they are spelt."""
_ARROW = re.compile(r"-+>|=+>|→")
"""An arrow between two places is the trip: "bastion sq -> North Park" is to North Park."""
_APOSTROPHES = str.maketrans({"'": None, "’": None, "‘": None, "`": None, "´": None})

CANONICAL: dict[str, str] = {
    "street": "st",
    "str": "st",
    "stree": "st",
    "streeet": "st",
    "avenue": "ave",
    "av": "ave",
    "aven": "ave",
    "avenu": "ave",
    "road": "rd",
    "raod": "rd",
    "drive": "dr",
    "boulevard": "blvd",
    "highway": "hwy",
    "hiway": "hwy",
    "hwys": "hwy",
    "crescent": "cres",
    "place": "pl",
    "lane": "ln",
    "parkway": "pkwy",
    "terrace": "terr",
    "east": "e",
    "west": "w",
    "north": "n",
    "south": "s",
    "mount": "mt",
    "saint": "st",
    "center": "centre",
    "cntr": "centre",
    "ctr": "centre",
    "sq": "square",
    "sqr": "square",
    "and": "&",
    "+": "&",
    "@": "at",
}


def words(text: str) -> frozenset[str]:
    """A word set written as one string (keeps long vocabularies compact)."""
    return frozenset(text.split())


STREET_TYPES = words("st ave rd dr blvd hwy cres pl ln pkwy terr way x")
DIRECTIONS = words("e w n s")
BOUNDARIES = words(". ; ! ? : ( )")
CONNECTORS = words("""
& / at x near by off on of corner the in , just right behind beside across outside around close
nr btwn between cnr area side end a parking lot alley n y et esquina coin cerca pres con
""")
"""Words that may stand between two place words of one place ("Douglas near Hillside")."""

PREPOSITIONS = words("""
on at off near along to from onto by down up around of past behind outside in into nr corner cnr
& / towards toward across beside via thru through strolling stroll working en sur dans cerca
calle rue avenida
""")
"""Words after which a bare place name (``in Sidney``) is taken as a place."""
STREET_CONTEXT = words("""
on at off near along onto by down up past behind outside nr corner cnr & / across beside via thru
from strolling stroll working en sur cerca calle rue avenida
""")
"""Stricter, for a bare street name that is also a name: "on Douglas", not "to Douglas"."""


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(text: str) -> list[str]:
    """Canonical tokens of ``text`` for gazetteer matching."""
    lowered = text.lower()
    if not lowered.isascii():
        lowered = _fold(lowered).casefold()
    lowered = lowered.translate(_APOSTROPHES)
    if "@" in lowered or "_" in lowered or "http" in lowered or "www." in lowered:
        lowered = _HANDLES.sub(" ", lowered)
    if ">" in lowered or "→" in lowered:
        lowered = _ARROW.sub(" to ", lowered)
    raw = _TOKEN_RE.findall(lowered)
    out: list[str] = []
    for token in raw:
        token = CANONICAL.get(token, token)
        if (
            token == "."
            and out
            and (
                out[-1] in STREET_TYPES or out[-1] in DIRECTIONS or out[-1] in ("mt", "govt", "gov")
            )
        ):
            continue
        out.append(token)
    return out
