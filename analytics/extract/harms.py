"""Harm types (codes from :data:`analytics.vocabulary.HARM_TYPES`) and the report's severity.

Phrases come from ``analytics/reference/harm_phrases.csv``: one regex per row, tried at word
starts; where two phrases overlap the earlier row wins, so a specific phrase ("sexually
assaulted", "threatened to out me") consumes its words before a generic one ("assault",
"threat") can. A phrase preceded in its clause by a negation ("didn't hurt me", "no violence",
"no one hit") is ignored. Pretending to be police is always a threat (the pretence is the
coercion). The optional ``incident_types`` tag column is read item by item; a tag that names no
known harm becomes ``other``. A story in which no phrase names a harm, nor denies one ("nothing
was stolen"), gets the guess of a model learned from the tuning sets
(:mod:`analytics.extract.harm_model`), which may be ``other`` (every report is about some
harm). Taking money or property back by force (theft alongside strangulation, a weapon or
threats) is robbery.

Two general mechanisms make the phrase list carry over to writers it was not tuned on:

- **Misspellings of the key harm words** ("chocked", "strangeled", "asaulted", "threatend",
  "harrassed", "robed") are rewritten to the word before matching. The variants are generated
  (one deletion, transposition, doubled or undoubled letter, vowel swap or vowel insertion) from
  :data:`_TYPO_TARGETS`, minus real English words that would change the meaning ("coked",
  "dragged", "slipped", "rubbed").
- **Mood**: violence named after "would / 'd / will / gonna / going to" is not something that
  happened. Said or conditional ("said he'd hit me", "if I didn't pay he would choke me") it is a
  threat; feared or imagined ("I thought he would hit me", "scared he might") it is nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from importlib import resources

from analytics.extract.harm_model import guess_harm_types
from analytics.extract.harm_revision import shipped_word_model
from analytics.features import split_list
from analytics.vocabulary import HARM_TYPES, SEVERITY

__all__ = ["canonical_harm_types", "extract", "harm_types_in", "severity_of", "story_text"]

NARRATIVE_COLUMNS: tuple[str, ...] = (
    "what_happened",
    "aggressor_description",
    "location",
    "vehicle",
)


_MARKERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "push_out": ("physical_assault", ("robbery",)),
    "hold_down": ("physical_assault", ("sexual_assault",)),
    "past_limit": ("boundary_violation", ("sexual_assault",)),
    "handsy": ("harassment", ("sexual_assault",)),
    "brandish": ("threats", ("robbery", "physical_assault", "sexual_assault")),
    "laughed_off": (
        "time_waster",
        tuple(code for code in HARM_TYPES if code not in ("time_waster", "other")),
    ),
}
"""Internal codes for force that belongs to a worse harm when there is one: marker → (the harm
it is on its own, the harms that absorb it). Pushed out of the car in a robbery is the robbery;
held down in a sexual assault, touched after saying no, or "handsy" is the sexual assault; a
weapon pulled or pointed is a threat, unless it served a robbery or an assault
(benchmarks/handwritten/README.md, "One harm convention"); driving off laughing is a time
waster's, unless he had done worse."""


_IGNORE = "ignore"
"""Internal code for phrases that look like a harm and are not ("I'm a tw" is a trans woman)."""
_FINE = "fine"
"""Internal code: a "fine" to pay now. Robbery when he pretended to be police; else nothing."""
_TAKE_BACK = "take_back"
"""Internal code: took the money back. Robbery when there was any violence or threat, else theft."""
_PHONE_HELD = "phone_held"
"""Internal code: her phone was taken to control her and given back or held, not stolen; a theft
found alongside is that phone, so it is dropped."""
_WEAPON_CLAIMED = "weapon_claimed"
"""Internal code: a weapon he said he had and did not show ("said he had a gun in the
glovebox"). The phrase is a threat; the word model, reading "gun", does not add a weapon."""


def _load_phrases() -> list[tuple[tuple[str, ...], str]]:
    text = resources.files("analytics.reference").joinpath("harm_phrases.csv").read_text("utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    phrases: list[tuple[tuple[str, ...], str]] = []
    for row in rows[1:]:
        code_text, _, pattern = row.partition(",")
        codes = tuple(code_text.strip().split("+"))
        unknown = [
            code
            for code in codes
            if code not in HARM_TYPES
            and code not in _MARKERS
            and code not in (_TAKE_BACK, _FINE, _IGNORE, _PHONE_HELD, _WEAPON_CLAIMED)
        ]
        if unknown or not pattern:
            raise ValueError(
                f"harm_phrases.csv: row {row[:60]!r} has unknown harm code(s) {unknown} or no "
                "pattern; use codes from analytics.vocabulary.HARM_TYPES"
            )
        phrases.append((codes, pattern))
    return phrases


_META = frozenset("()[]{}?*+|.^$\\")


def _split_top(pattern: str) -> list[str]:
    """Split a regex at its top-level ``|``."""
    parts, depth, current, escaped = [], 0, [], False
    for ch in pattern:
        if escaped:
            current.append(ch)
            escaped = False
            continue
        if ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return parts


def _literal_prefix(branch: str) -> str:
    branch = branch.removeprefix("\\b")
    prefix: list[str] = []
    for ch in branch:
        if ch in _META:
            if ch in "?*{" and prefix:
                prefix.pop()
            break
        prefix.append(ch)
    return "".join(prefix)


_LOOKBEHIND = re.compile(r"^(?:\(\?<[=!][^()]*\))+")
_SHORT_WHOLE_WORD = re.compile(r"^(\w{1,2})(?:[^\w\\()\[\]{}?*+|.^$](?![?*{])|\\s(?![?*{])|\\b)")
"""A branch that starts with a whole word of one or two letters ("i ", "he\\s+", "me\\b"): it
can only match at that very word, not at a longer word it begins ("in", "her")."""


def _required_prefixes(pattern: str) -> tuple[str, ...] | None:
    """Literal strings one of which every match of ``pattern`` starts with; None if unknown.

    A leading optional group or character class adds what follows it ("(?:way\\s+)?past" starts
    with "way" or "past"); a leading digit starts with any digit."""
    branch = _LOOKBEHIND.sub("", pattern.removeprefix("\\b"))
    if branch.startswith("\\d") and branch[2:3] not in ("?", "*", "{"):
        return tuple("0123456789")
    if branch.startswith("\\$") and branch[2:3] not in ("?", "*", "{"):
        return ("$",)
    if branch.startswith("["):
        end = branch.find("]", 2)
        if end < 0 or branch[end + 1 : end + 2] != "?":
            return None
        return _required_prefixes(branch[end + 2 :])
    if not branch.startswith("(?:"):
        literal = _literal_prefix(branch)
        return (literal,) if literal else None
    depth, end = 0, -1
    for index, ch in enumerate(branch):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0:
            end = index
            break
    if end < 0:
        return None
    prefixes: list[str] = []
    for inner in _split_top(branch[3:end]):
        inner_prefixes = _required_prefixes(inner)
        if inner_prefixes is None:
            return None
        prefixes.extend(inner_prefixes)
    quantifier = branch[end + 1 : end + 2]
    if quantifier in ("*", "{"):
        return None
    if quantifier == "?":
        following = _required_prefixes(branch[end + 2 :])
        if following is None:
            return None
        prefixes.extend(following)
    return tuple(prefixes)


_KEY = re.compile(r"[$']|\w{0,3}")


def _keys(prefixes: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """Word-start keys (first 3 or 2 characters) of the prefixes; None means always run."""
    if prefixes is None:
        return None
    keys = [_KEY.match(p).group() for p in prefixes]  # type: ignore[union-attr]
    return None if not all(keys) else tuple(dict.fromkeys(keys))


_PHRASES = _load_phrases()


_Row = tuple[int, re.Pattern[str], tuple[str, ...]]
"""A phrase alternative: its row's index (the earlier row wins an overlap), pattern, codes."""


def _branch_rows() -> tuple[dict[str, tuple[_Row, ...]], tuple[_Row, ...]]:
    """Each phrase's top-level alternatives, as (row index, pattern, codes): those that start
    with a known word by the word-start key of that word, the others in one pattern per row that
    is searched everywhere. Splitting a row lets most of it be tried only where it can start."""
    keyed: dict[str, list[_Row]] = {}
    anywhere: list[_Row] = []
    for index, (codes, pattern) in enumerate(_PHRASES):
        rest: list[str] = []
        for branch in _split_top(pattern):
            keys = _keys(_required_prefixes(branch))
            if keys is None:
                rest.append(branch)
                continue
            whole = _SHORT_WHOLE_WORD.match(_LOOKBEHIND.sub("", branch.removeprefix("\\b")))
            if whole:
                keys = (whole.group(1) + " ",)
            compiled = re.compile(f"(?:{branch})")
            for key in keys:
                keyed.setdefault(key, []).append((index, compiled, codes))
        if rest:
            anywhere.append((index, re.compile(f"(?:{'|'.join(rest)})"), codes))
    return {key: tuple(rows) for key, rows in keyed.items()}, tuple(anywhere)


_ROWS_BY_KEY, _ANYWHERE = _branch_rows()
_WORD_START = re.compile(r"\b\w{1,3}|[$']")
"""Where a phrase may start: a word (keyed by its first three characters), a dollar sign or an
apostrophe ("'ll find you")."""
_NEGATION = re.compile(
    r"\b(?:no|not|never|without|nothing|none|nobody|no\s+one|neither|nor|pas|jamais|nunca|"
    r"denies|denied|denying|negative\s+for|ruled\s+out|"
    r"(?:did|was|were|is|does|do|would|could|had|has)(?:n'?t|\s+not))\b"
    r"(?!\s+(?:notice|noticing|realiz|realis|know|see|expect|want|consent|agree|think|feel|"
    r"care|mean|listen|stop|like|get\s+to|even\s+ask|ask|understand|remember|plan)\w*)"
    r"(?!\s+(?:only|just|long|\w+ing|a\s+word|warning)\b)"
)
_OWN_CLAUSE = ("until ", "till ", "til ", "he ", "she ", "they ")
"""A phrase opening with these is a clause of its own ("wouldn't let me leave till I did all of
them", "if I didn't shut up he was going to beat me"): a negation before it is not the phrase's."""
_REPORTER_DID = re.compile(
    r"(?:^|[^\w'])(i|she|we|had\s+to)\s+(?:then\s+|just\s+|finally\s+|also\s+|eventually\s+)?$"
)
_ON_HIM = re.compile(r"\b(?:him|his|them)\b")


def _reporter_did(text: str, start: int, end: int) -> bool:
    """Whether force is the reporter's own ("I elbowed him", "she kicked him and got away"):
    self-defence, not a harm done to her. "She" is the reporter only when the force lands on a
    man ("she beat me up", "she slapped her around" are a woman who did harm); so is a subject
    left out, as in "saw stars n had to slap his arm"."""
    subject = _REPORTER_DID.search(text, max(0, start - 20), start)
    if subject is None:
        return False
    if subject.group(1) in ("i", "we"):
        return True
    return bool(_ON_HIM.search(text, start, end + 12))


_SAID_NO = re.compile(r"\b(?:say|says|said|saying|told\s+\w+|tell\s+\w+)\s+(?:no|not)\b")
_NEW_SUBJECT = re.compile(r"\b(?:he|she|they|i|we|you|it)\b")
_CLAUSE_END = re.compile(r"[.!?;,:\n()]|\b(?:but|and|then|so|until|till|til|after|when|because)\b")

_TAG_SPLIT = re.compile(r"\s*(?:;|,|/|&|\+|\||#|\band\b(?!\s+dash)|\n)\s*")
_TAG_SYNONYMS: dict[str, str] = {
    "assault": "physical_assault",
    "rough": "physical_assault",
    "he was rough": "physical_assault",
    "roughed up": "physical_assault",
    "roughed her up": "physical_assault",
    "assaulted": "physical_assault",
    "physical": "physical_assault",
    "violence": "physical_assault",
    "violent": "physical_assault",
    "physical assault": "physical_assault",
    "beating": "physical_assault",
    "sa": "sexual_assault",
    "strang": "strangulation",
    "np": "non_payment",
    "tw": "time_waster",
    "bd": "other",
    "sexual": "sexual_assault",
    "sexual assault": "sexual_assault",
    "rape": "sexual_assault",
    "choking": "strangulation",
    "choked": "strangulation",
    "strangled": "strangulation",
    "strangulation": "strangulation",
    "stealthing": "stealthing",
    "stealthed": "stealthing",
    "condom removal": "stealthing",
    "weapon": "weapon",
    "knife": "weapon",
    "gun": "weapon",
    "robbery": "robbery",
    "robbed": "robbery",
    "theft": "theft",
    "stole": "theft",
    "stolen": "theft",
    "non payment": "non_payment",
    "nonpayment": "non_payment",
    "non-payment": "non_payment",
    "no pay": "non_payment",
    "no payment": "non_payment",
    "didn't pay": "non_payment",
    "didnt pay": "non_payment",
    "unpaid": "non_payment",
    "rip off": "non_payment",
    "ripoff": "non_payment",
    "fake money": "non_payment",
    "threat": "threats",
    "threats": "threats",
    "threatening": "threats",
    "threatened": "threats",
    "intimidation": "threats",
    "confinement": "confinement",
    "confined": "confinement",
    "kidnapping": "confinement",
    "held against will": "confinement",
    "against will": "confinement",
    "dine and dash": "non_payment",
    "held": "confinement",
    "drugging": "drugging",
    "drugged": "drugging",
    "spiked": "drugging",
    "harassment": "harassment",
    "harassing": "harassment",
    "verbal": "harassment",
    "verbal abuse": "harassment",
    "verbal harassment": "harassment",
    "abusive": "harassment",
    "stalking": "stalking",
    "stalker": "stalking",
    "following": "stalking",
    "outing": "outing_extortion",
    "extortion": "outing_extortion",
    "blackmail": "outing_extortion",
    "doxxing": "outing_extortion",
    "boundary": "boundary_violation",
    "boundaries": "boundary_violation",
    "boundary violation": "boundary_violation",
    "boundary pushing": "boundary_violation",
    "consent violation": "boundary_violation",
    "fake cop": "impersonating_police",
    "fake police": "impersonating_police",
    "impersonating police": "impersonating_police",
    "police impersonation": "impersonating_police",
    "time waster": "time_waster",
    "timewaster": "time_waster",
    "time-waster": "time_waster",
    "time wasting": "time_waster",
    "no show": "time_waster",
    "no-show": "time_waster",
    "other": "other",
    "bad date": "other",
    "creep": "other",
    "creepy": "other",
    "dnp": "non_payment",
    "nopay": "non_payment",
    "short paid": "non_payment",
    "short pay": "non_payment",
    "fake bills": "non_payment",
    "counterfeit": "non_payment",
    "pinned": "physical_assault",
    "grabbed": "physical_assault",
    "hit": "physical_assault",
    "punched": "physical_assault",
    "slapped": "physical_assault",
    "shoved": "physical_assault",
    "pushed": "physical_assault",
    "spit on": "physical_assault",
    "spat on": "physical_assault",
    "yelled at": "harassment",
    "slurs": "harassment",
    "filmed": "boundary_violation",
    "recorded": "boundary_violation",
    "filming": "boundary_violation",
    "no condom": "boundary_violation",
    "pushed bare": "boundary_violation",
    "safeword ignored": "boundary_violation",
    "ignored safeword": "boundary_violation",
    "limits ignored": "boundary_violation",
    "followed": "stalking",
    "followed home": "stalking",
    "followed to car": "stalking",
    "watching": "stalking",
    "outing threat": "outing_extortion",
    "threat to out": "outing_extortion",
    "threats to out": "outing_extortion",
    "threatened to out": "outing_extortion",
    "ghosted": "time_waster",
    "restraints not released": "confinement",
    "left tied": "confinement",
    "locked in": "confinement",
    "groped": "sexual_assault",
    "roofied": "drugging",
}
_CODE_NAMES = {code.replace("_", " "): code for code in HARM_TYPES}
_TAG_GAPS = re.compile(r"[\s-]")
_TAG_RUN_TOGETHER = {
    _TAG_GAPS.sub("", name): code for name, code in (_TAG_SYNONYMS | _CODE_NAMES).items()
}
"""Tags written as one word ("#nopay", "#safewordignored", "consentviolation")."""
_FORCE = frozenset({"strangulation", "weapon", "threats"})


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_TYPO_TARGETS = _words(
    "choked choking strangled strangling strangle strangulation assaulted assault assaulting "
    "threatened threatening threats threaten harassed harassing harassment robbed robbing robbery "
    "stalked stalking stalker stealthed stealthing drugged drugging punched punching slapped "
    "slapping attacked attacking kidnapped blackmailed blackmailing extorted extortion groped "
    "molested kicked kicking stabbed grabbed grabbing strangulated condom counterfeit "
    "impersonating undercover refused refusing weapon"
)
_NOT_TYPOS = frozenset(
    _words(
        "coked coking choke choked choking choed choing chaked cheked strangle stranged stranging "
        "strange strangely strangest strangers "
        "stranger strangler stranglers assaulte assaults threats threat rubbed ribbed rabbed "
        "robbe robes robin robing rubbing ribbing staked staled staking staling stalke stalks "
        "dragged drugs drugge pinched punche punches sapped sapping slipped slopped slappe "
        "slipping slopping reused refuse refuses grope gropes graped griped goped groed groped "
        "attacke attacks kidnappe moleste extorte blackmaile harasse threatene kicks kicke "
        "kinked licked stubbed grubbed grubbing grabbe stabbe conder condo condos condor "
        "weapons wagon threatens treated threaded"
    )
)
_VOWELS = "aeiou"


def _typos_of(word: str) -> set[str]:
    """One-edit misspellings of ``word`` as people type them (first letter kept)."""
    out: set[str] = set()
    for i in range(1, len(word)):
        out.add(word[:i] + word[i + 1 :])
        if i < len(word) - 1:
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
        if word[i] in _VOWELS:
            out.update(word[:i] + v + word[i + 1 :] for v in _VOWELS)
        else:
            out.add(word[:i] + word[i] + word[i:])
        out.update(word[:i] + v + word[i:] for v in _VOWELS)
    return {typo for typo in out if len(typo) >= 5}


def _typo_map() -> dict[str, str]:
    fixes: dict[str, str] = {}
    for word in _TYPO_TARGETS:
        for typo in _typos_of(word):
            fixes.setdefault(typo, word)
    extra = {
        "chocked": "choked",
        "chocking": "choking",
        "choaked": "choked",
        "choaking": "choking",
        "chokked": "choked",
        "harrased": "harassed",
        "harrasing": "harassing",
        "harrasment": "harassment",
        "harrassement": "harassment",
        "robed": "robbed",
        "strangeled": "strangled",
        "strangeling": "strangling",
        "asaulted": "assaulted",
        "thretened": "threatened",
        "threatend": "threatened",
        "threated": "threatened",
        "stelthed": "stealthed",
        "steathed": "stealthed",
        "roofed": "roofied",
        "rufied": "roofied",
        "ruffied": "roofied",
        "roofy": "roofie",
        "roofies": "roofie",
        "rufies": "roofie",
        "strangeld": "strangled",
    }
    fixes.update(extra)
    known = set(_TYPO_TARGETS)
    return {typo: word for typo, word in fixes.items() if typo not in _NOT_TYPOS | known}


_TYPOS = _typo_map()
_TYPO_KEYS = frozenset(_TYPOS)
_LONG_WORD = re.compile(r"[a-z]{5,}")


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_MISPLACED_NT = re.compile(r"(?<=[a-z])'nt\b")


_PAST: dict[str, str] = {
    base: past
    for past, forms in {
        "grabbed": "grab grabs",
        "took": "take takes",
        "pulled": "pull pulls",
        "pushed": "push pushes",
        "shoved": "shove shoves",
        "choked": "choke chokes",
        "hit": "hits",
        "punched": "punch punches",
        "slapped": "slap slaps",
        "kicked": "kick kicks",
        "spat": "spit spits",
        "followed": "follow follows",
        "locked": "lock locks",
        "refused": "refuse refuses",
        "said": "say says",
        "stole": "steal steals",
        "touched": "touch touches",
        "threw": "throw throws",
        "drove": "drive drives",
        "left": "leave leaves",
        "showed": "show shows",
        "kept": "keep",
        "told": "tell tells",
        "threatened": "threaten threatens",
        "held": "hold holds",
        "waited": "wait waits",
        "blocked": "block blocks",
        "filmed": "film films",
        "recorded": "record records",
        "dragged": "drag drags",
    }.items()
    for base in forms.split()
}
_STORY_VERB = re.compile(
    r"\b(he|she|they|then|and|who|guy|dude|man|client)\s+(" + "|".join(_PAST) + r")\b"
)
"""Present-tense and learner's narration ("he grab her", "they not let me leave", "he pulls a
blade") told in the past tense the phrase list is written in."""


def _in_past(match: re.Match[str]) -> str:
    return f"{match.group(1)} {_PAST[match.group(2)]}"


_QUOTES = str.maketrans({'"': None, "“": None, "”": None})


_THE_WORKER = re.compile(
    r"\b(on|at|to|into|onto|across|around|round|over|against|grabbed|grabs|grab|hit|hits|slapped|"
    r"punched|choked|pushed|shoved|spit|spat|sprayed|dragged|drag|pulled|followed|filmed|"
    r"watched|touched|threatened|robbed|attacked|bit|kicked|pinned|held|forced)\s+"
    r"(?:one\s+of\s+the\s+(?:girls|women|workers|dancers)|(?:the|a|an|another)\s+"
    r"(?:girl|woman|worker|dancer|provider|therapist|escort|sw|lady|participant|complainant)|"
    r"(?:the\s+)?(?:provider|complainant|participant|pt|comp))('s)?(?=\W|$)"
)
"""The worker as staff, door staff and witnesses name her after a verb or preposition ("spit on
a girl", "hand on the dancer's neck", "forearm across provider's throat"): read as "her", as
she tells it herself."""
_TWO_AS_TO = re.compile(
    r"\b(tried|try|trying|want|wanted|wants|going|gonna|had|have|has|need|needed|started|"
    r"refused|forced\s+me|made\s+me|told\s+me|told\s+her)\s+2(?=\s+[a-z])"
)
"""Texting's "2" for "to" after a verb that takes one ("tried 2 drag T into the van")."""


def _as_her(match: re.Match[str]) -> str:
    return f"{match.group(1)} her"


def _normalised(text: str) -> str:
    """Lower case, one apostrophe (phones type ’), no double quotes, "did'nt" → "didn't",
    narration in the past tense, key typos repaired."""
    lowered = text.lower()
    if not lowered.isascii() or "`" in lowered:
        lowered = lowered.translate(_APOSTROPHES)
    if '"' in lowered or not lowered.isascii():
        lowered = lowered.translate(_QUOTES)
    if "'nt" in lowered:
        lowered = _MISPLACED_NT.sub("n't", lowered)
    lowered = _STORY_VERB.sub(_in_past, lowered)
    lowered = _THE_WORKER.sub(_as_her, lowered)
    if " 2 " in lowered:
        lowered = _TWO_AS_TO.sub(r"\1 to", lowered)
    if " not " in lowered:
        lowered = _BARE_NOT.sub(r"\1 didn't ", lowered)
    return _fix_typos(lowered)


_BARE_NOT = re.compile(r"\b(he|she|they)\s+not\s+(?!a\b|an\b|the\b|very\b|good\b|bad\b|sure\b)")


def _fix_typos(lowered: str) -> str:
    hits = _TYPO_KEYS.intersection(_LONG_WORD.findall(lowered))
    if not hits:
        return lowered
    return _LONG_WORD.sub(lambda m: _TYPOS.get(m.group(), m.group()), lowered)


_MOOD_CODES = frozenset(
    {
        "physical_assault",
        "strangulation",
        "sexual_assault",
        "robbery",
        "weapon",
        "stealthing",
        "push_out",
        "hold_down",
        "drugging",
    }
)
_MODAL = re.compile(
    r"(?:\b(?:would|wud|will|gonna|going\s+to|gunna|might|may|could|threat\w*\s+to)|\w'(?:d|ll)|"
    r"\b(?:if|unless)\s+(?:she|i|you)|\bhed)"
    r"(?:\s+(?:have|be|just|probably|really|try\s+to|\w+ly|"
    r"come\s+(?:back|there|over|here|down|round|around|by|find\s+(?:you|u|her|me))\s+and))?"
    r"(?:\s+\w+\s+(?:me|her|him|them|us)\s+or)?\s+$"
)
_SPOKEN = re.compile(
    r"\b(?:said|say|says|saying|told|tell|tells|threat\w*|text\w*|messag\w*|wrote|yell\w*|"
    r"scream\w*|shout\w*|warn\w*|promis\w*|swore|if|unless|or\s+else|otherwise)\b"
)
_FEARED = re.compile(
    r"\b(?:thought|think|thinking|afraid|scared|worried|feared|fear|felt\s+like|sure|"
    r"expected|panick\w*|terrified|nervous|seemed\s+like|looked\s+like|imagin\w*)\b"
)
_TO_READER = re.compile(r"\s*(?:you|u|ya|girls|the\s+girls|anyone|workers)\b")
"""Violence promised to the reader ("he will choke you") is a warning about what he does."""
_SENTENCE_END = re.compile(r"[.!?\n]")
_TOLD_OF_ANOTHER = re.compile(
    r"\b(?:(?:i|we|she|they|people|girls|everyone)\s+(?:heard|hear|hears|have\s+heard)|"
    r"apparently|supposedly|rumou?r(?:ed|s)?|bragged|brags|boasted|"
    r"(?:people|girls|others|someone|everyone)\s+(?:told|tell|say|said|warned)\b|"
    r"told\s+(?:me|her|us)\s+about|"
    r"same\s+(?:[\w-]+\s+){0,3}?(?:that|who)|(?:he'?s|he\s+is|is|was)\s+the\s+one\s+(?:that|who))\b"
)
"""Harm told as something heard of, or done by him to someone else ("i heard he knifed
someone", "pretty sure he's the same mike that slapped a girl at central park"): not this
report's harm (the labelling rules: violence told about another incident does not count)."""
_TO_THE_REPORTER = re.compile(r"\b(?:me|my|us|our)\b")


def _told_of_another(text: str, start: int, end: int) -> bool:
    """Whether the harm phrase at ``start:end`` sits in a sentence that tells it as heard of or
    done before to someone else, and not to the reporter herself."""
    sentence = text[max(0, start - 80) : start]
    ends = list(_SENTENCE_END.finditer(sentence))
    if ends:
        sentence = sentence[ends[-1].end() :]
    if _TOLD_OF_ANOTHER.search(sentence) is None:
        return False
    return _TO_THE_REPORTER.search(text, start, end + 12) is None


_CARRIED_OUT = re.compile(r"[.,;!]*\s*(?:and\s+|so\s+)?(?:she|i)\s+did\b(?!n)")
"""A conditional the next words say was carried out ("unless she did him for free. she did")."""


def _mood(text: str, start: int) -> str:
    """``"threat"`` for violence said or promised, ``"unreal"`` for violence feared, else ``""``."""
    window = text[max(0, start - 50) : start]
    modal = _MODAL.search(window)
    if modal is None:
        return ""
    sentence = text[max(0, start - 120) : start]
    ends = list(_SENTENCE_END.finditer(sentence))
    if ends:
        sentence = sentence[ends[-1].end() :]
    if _SPOKEN.search(sentence):
        return "threat"
    if _FEARED.search(sentence):
        return "unreal"
    return ""


def _negated(text: str, start: int) -> bool:
    """Whether a negation among the (at most four) words before ``start`` in its clause applies."""
    window = text[max(0, start - 40) : start]
    ends = list(_CLAUSE_END.finditer(window))
    if ends:
        window = window[ends[-1].end() :]
    window = " ".join(window.split()[-4:])
    negation = _NEGATION.search(window)
    if negation is None or _SAID_NO.search(window, 0, negation.end()):
        return False
    return _NEW_SUBJECT.search(window, negation.end()) is None


_ROWS_FOR_START: dict[str, tuple[re.Pattern[str] | None, tuple[_Row, ...]]] = {}
_GATES: dict[tuple[int, ...], re.Pattern[str]] = {}


def _prefixes_of(key: str) -> set[str]:
    """The keys whose rows may start at a word beginning with ``key``: its first 1-3 characters,
    and, when the word is that short (``\\w{1,3}`` stopped early), its whole-word key."""
    return {key, key[:2], key[:1]} | ({key + " "} if len(key) < 3 else set())


def _rows_for(key: str) -> tuple[re.Pattern[str] | None, tuple[_Row, ...]]:
    """Phrase rows that may start at a word beginning with ``key`` (its first 1-3 characters),
    in row order, and one pattern with each row as its own group, in the same order. Where
    several rows match at one place only the earliest counts (:func:`_phrases_in`), and a
    pattern's alternatives are tried left to right, so the group that matched is that row."""
    rows = tuple(
        sorted(
            {row for prefix in _prefixes_of(key) for row in _ROWS_BY_KEY.get(prefix, ())},
            key=lambda row: row[:1] + (row[1].pattern,),
        )
    )
    gate = None
    if rows:
        signature = tuple(id(pattern) for _, pattern, _ in rows)
        gate = _GATES.get(signature)
        if gate is None:
            gate = re.compile("|".join(f"({pattern.pattern})" for _, pattern, _ in rows))
            _GATES[signature] = gate
    if len(_ROWS_FOR_START) < 100_000:
        _ROWS_FOR_START[key] = (gate, rows)
    return gate, rows


def harm_types_in(text: str, *, negation: bool = True) -> set[str]:
    """Harm codes named in free text, skipping negated phrases when ``negation`` is true."""
    return set(split_list(canonical_harm_types(_phrases_read(text, negation=negation)[0])))


def _phrases_read(text: str, *, negation: bool = True) -> tuple[set[str], bool]:
    return _phrases_in(_normalised(text), negation=negation)


def _phrases_in(lowered: str, *, negation: bool = True) -> tuple[set[str], bool]:
    """Harm codes named in a normalised text (:func:`_normalised`), and whether any phrase of
    the list was there at all (a harm denied, feared or not done to her is still a reading:
    "nothing was stolen")."""
    matches: list[tuple[int, int, int, tuple[str, ...]]] = []
    cache = _ROWS_FOR_START
    for word in _WORD_START.finditer(lowered):
        key = word.group()
        entry = cache.get(key)
        if entry is None:
            entry = _rows_for(key)
        gate, rows = entry
        if gate is None:
            continue
        hit = gate.match(lowered, word.start())
        if hit is not None:
            index, _, codes = rows[hit.lastindex - 1]  # type: ignore[operator]
            matches.append((hit.start(), index, hit.end(), codes))
    for index, pattern, codes in _ANYWHERE:
        for m in pattern.finditer(lowered):
            matches.append((m.start(), index, m.end(), codes))
    matches.sort()
    found: set[str] = set()
    cursor = 0
    taking_back = " back " in lowered
    for start, _, end, codes in matches:
        if start < cursor:
            continue
        cursor = end
        if negation and not lowered.startswith(_OWN_CLAUSE, start) and _negated(lowered, start):
            continue
        if codes == ("physical_assault",) and _reporter_did(lowered, start, end):
            continue
        if codes != (_IGNORE,) and _told_of_another(lowered, start, end):
            continue
        if taking_back and _TAKEN_BACK.search(lowered, max(0, start - 80), start):
            continue
        if negation and _MOOD_CODES.intersection(codes):
            mood = _mood(lowered, start)
            if _TO_READER.match(lowered, end) and mood != "threat":
                mood = ""
            if mood and not _CARRIED_OUT.match(lowered, end):
                found.update(code for code in codes if code not in _MOOD_CODES)
                if mood == "threat":
                    found.add("threats")
                continue
        found.update(codes)
    found.discard(_IGNORE)
    if " it off" in lowered and _condom_taken_off(lowered):
        found.add("stealthing")
    if not found.isdisjoint(_WITHDRAWABLE):
        first = min(
            (start for start, _, _, codes in matches if not _WITHDRAWABLE.isdisjoint(codes)),
            default=0,
        )
        found -= _withdrawn(lowered, first)
    return found, bool(matches or found)


def _withdrawn(lowered: str, after: int = 0) -> set[str]:
    """Codes a word after ``after`` in a normalised text puts right (:data:`_WITHDRAWN`), or
    that sit in a part of the report the writer takes back (:data:`_TAKEN_BACK`)."""
    codes: set[str] = set()
    for withdrawable, pattern in _WITHDRAWN:
        if pattern.search(lowered, after):
            codes |= withdrawable
    if " back " in lowered:
        for clause in _TAKEN_BACK_CLAUSE.finditer(lowered):
            codes |= _phrases_in(clause.group(1), negation=False)[0]
    return codes


_I_TAKE_BACK = (
    r"(?:\bi\b|\bplease\b)[^.!?\n]{0,25}?\b(?:take|taking|took)\s+back\s+(?:the\s+)?"
    r"(?:part|bit|thing)\s+(?:about|where|that)\b"
)
_TAKEN_BACK = re.compile(_I_TAKE_BACK + r"[^.!?\n]{0,50}$")
"""A part of an earlier report the writer takes back ("I want to take back the part about him
taking the condom off"): the harm in it is not reported. "He wanted to take back the part that
he paid" is his doing, not hers."""
_TAKEN_BACK_CLAUSE = re.compile(_I_TAKE_BACK + r"([^.!?\n]{1,80})")
_WITHDRAWN: tuple[tuple[frozenset[str], re.Pattern[str]], ...] = (
    (
        frozenset(["non_payment"]),
        re.compile(
            r"(?:\b(?:so\s+)?he\s+did\s+pay\b|\bhe\s+paid\s+(?:me\s+|her\s+)?after\s+all\b|"
            r"(?<![\w,] )\bhe\s+paid\s*[.!](?!\d)|"
            r"\b(?:did\s+)?end(?:ed)?\s+up\s+(?:giving|paying)\s+(?:her|me)\s+(?:the\s+)?(?:full|all|\$?\d+)|"
            r"\b(?:e-?transfer|payment|money|deposit)\s+"
            r"(?:(?!never|not|didn|hasn|hadn|wasn|won)\w+\s+){0,2}came\s+through\b)"
            r"(?![^.]{0,40}\b(?:revers|cancel|bounc|fake|then|short|less|only|half|part|first|but|"
            r"except)\b)"
        ),
    ),
    (
        frozenset(["theft", _TAKE_BACK]),
        re.compile(
            r"\bnothing\s+(?:is|was)\s+(?:missing|gone|taken)\b"
            r"(?!\s+from\s+(?:her|his|their|the\s+other|my\s+(?:roommate|friend)))|"
            r"(?<!says\s)(?<!said\s)(?<!claims\s)(?<!swears\s)\b(?:he|they)\s+did(?:n'?t|\s+not)\s+take\s+it\b"
            r"(?!\s+(?:well|badly|back|out|off|personally|seriously|lightly))|"
            r"\bfound\s+(?:it|the\s+money|the\s+cash)\s+in\s+(?:my|her)\b"
            r"(?![^.]{0,40}\b(?:empty|gone|missing|cleaned|minus|short|less)\b)"
        ),
    ),
)
"""What a later word puts right ("the e-transfer actually came through, so he did pay", "she
thinks he went through her purse but nothing is missing", "I found it in my other bag, he didnt
take it"), after the harm was read: the harm read earlier did not happen."""
_WITHDRAWABLE = frozenset(code for codes, _ in _WITHDRAWN for code in codes)


_IT_OFF = re.compile(
    r"\b(?:took|take|takes|pulled|pull|pulls|slid|slipped|ripped|rip)\s+it\s+off\b"
)
_CONDOM = re.compile(r"\b(?:condom|rubber|wrap|bare|without)\b")


def _condom_taken_off(text: str) -> bool:
    """ "Took it off", "tried to pull it off" with a condom (or going without) just before."""
    return any(
        _CONDOM.search(text, max(0, hit.start() - 150), hit.start())
        for hit in _IT_OFF.finditer(text)
    )


def _tag_types(text: str) -> set[str]:
    found: set[str] = set()
    for item in _TAG_SPLIT.split(_normalised(text)):
        tag = item.strip(" .-_'\"?!").replace("_", " ")
        if not tag:
            continue
        code = (
            _TAG_SYNONYMS.get(tag)
            or _CODE_NAMES.get(tag)
            or _TAG_RUN_TOGETHER.get(_TAG_GAPS.sub("", tag))
        )
        if code:
            found.add(code)
            continue
        codes = _phrases_read(tag, negation=False)[0]
        found.update(codes or {"other"})
    return found


def canonical_harm_types(codes: Iterable[str]) -> str:
    """Known codes, sorted and ``;``-joined, with theft alongside force made robbery."""
    given = set(codes)
    kept = {code for code in given if code in SEVERITY}
    if "impersonating_police" in kept:
        kept.add("threats")
    forced = bool(kept & _FORCE)
    if _TAKE_BACK in given:
        held = kept & {"physical_assault", "confinement"}
        kept.add("robbery" if forced or held else "theft")
    if _FINE in given and "impersonating_police" in kept:
        kept.add("robbery")
    if _PHONE_HELD in given:
        kept.discard("theft")
    if "theft" in kept and (forced or "robbery" in kept):
        kept.discard("theft")
        kept.add("robbery")
    for marker, (alone, absorbed_by) in _MARKERS.items():
        if marker in given and not kept.intersection(absorbed_by):
            kept.add(alone)
    if len(kept) > 1:
        kept.discard("other")
    return ";".join(sorted(kept))


def severity_of(codes: Iterable[str]) -> str:
    """The worst severity (1-5) over ``codes`` as text; ``""`` when there are none."""
    levels = [SEVERITY[code] for code in codes if code in SEVERITY]
    return str(max(levels)) if levels else ""


_YOU = re.compile(r"\byou(?:'re|'ll|r)?\b", re.IGNORECASE)
_I_OR_ME = re.compile(r"\b(?:i|me|my|i'm|i've|i'd)\b", re.IGNORECASE)
_AS_FIRST_PERSON = {"you": "me", "you're": "i'm", "you'll": "i'll", "your": "my"}


def _first_person(narrative: str) -> str:
    """A warning told in the second person ("You get in. He locks the doors. His hand goes to
    your neck.") as the reporter's own story, so the harms read as done to her; other text is
    returned unchanged."""
    yous = len(_YOU.findall(narrative))
    if yous < 6 or len(_I_OR_ME.findall(narrative)) * 3 > yous:
        return narrative
    return _YOU.sub(_as_first_person, narrative)


_SUBJECT_BEFORE = re.compile(
    r"(?:^|[.!?,;:\n]\s*|\b(?:and|so|then|when|if|before|until|till|because|that|where|but)\s+)$",
    re.IGNORECASE,
)


def _as_first_person(match: re.Match[str]) -> str:
    word = match.group(0).lower()
    if word == "you" and _SUBJECT_BEFORE.search(
        match.string, max(0, match.start() - 12), match.start()
    ):
        return "i"
    return _AS_FIRST_PERSON[word]


_UNTICKED = re.compile(
    r"(?:□|☐|\[\s?\]|\((?:n|no)\))\s*[^\n□☐☒✔☑✓\[\]()]{1,40}?"
    r"(?=\s*(?:□|☐|☒|✔|☑|✓|\[|\(|\n|$))",
    re.IGNORECASE,
)
"""A box left empty on a form ("□ assault", "[ ] sexual", "(n) weapon"): that harm is not
reported."""


def story_text(report: Mapping[str, str]) -> str:
    """The narrative columns as the phrases read them: joined, boxes left empty on a form
    dropped, a warning in the second person told in the first, normalised (:func:`_normalised`)."""
    texts = [report.get(column, "") for column in NARRATIVE_COLUMNS]
    narrative = " .\n".join(text for text in texts if text)
    if not narrative:
        return ""
    if any(box in narrative for box in ("□", "☐", "[ ]", "[]", "(n)", "(N)")):
        narrative = _UNTICKED.sub(" ", narrative)
    return _normalised(_first_person(narrative))


_LIST_OF_HARMS = 10
"""A story of fewer words is a list of harms ("INC: no $, filming w/o consent"): each was
written on purpose, and too few words are left to speak against one, so the word model drops
none of them."""


def extract(report: Mapping[str, str], *, guess: bool = True) -> dict[str, str]:
    """``incident_types`` (sorted, ``;``-joined codes), ``severity``,
    ``incident_types_guessed``, ``incident_types_added`` and ``incident_types_dropped``. A
    story (``what_happened``) in which no phrase names or denies a harm gets the harm model's
    guess, marked ``yes``; for any other story the word model
    (:mod:`analytics.extract.harm_revision`) may add types the phrases missed and drop ones its
    words make unlikely, listed apart; it never adds a weapon he only claimed to have. With
    ``guess`` false neither model runs (a story with no harm phrase is then ``other``)."""
    found: set[str] = set()
    tags = report.get("incident_types", "")
    if tags:
        found |= _tag_types(tags)
    story = story_text(report)
    phrase_read = False
    if story:
        in_narrative, phrase_read = _phrases_in(story)
        found |= in_narrative
    joined = canonical_harm_types(found)
    guessed = False
    if not joined and any(report.get(column) for column in NARRATIVE_COLUMNS[:2]):
        told = guess and not phrase_read and report.get("what_happened")
        joined = canonical_harm_types(guess_harm_types(report) if told else ()) or "other"
        guessed = joined != "other"
    added: set[str] = set()
    dropped: set[str] = set()
    if guess and joined and joined != "other" and report.get("what_happened"):
        codes = set(joined.split(";"))
        added, dropped = shipped_word_model().revise(story, codes)
        if len(story.split()) < _LIST_OF_HARMS:
            dropped = set()
        if _WEAPON_CLAIMED in found:
            added.discard("weapon")
        if "impersonating_police" in codes:
            dropped.discard("threats")
        if added and (" back " in story or not _WITHDRAWABLE.isdisjoint(added)):
            added -= _withdrawn(story)
        if added or dropped:
            joined = ";".join(sorted((codes | added) - dropped - {"other"}))
    return {
        "incident_types": joined,
        "severity": severity_of(joined.split(";") if joined else []),
        "incident_types_guessed": "yes" if guessed else "",
        "incident_types_added": ";".join(sorted(added)),
        "incident_types_dropped": ";".join(sorted(dropped)),
    }
