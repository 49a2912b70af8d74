"""Plates typed in lower case with no keyword ("2025-12-20 afternoon nht-454 knife", "kia soul
(946-umg)"): raised to capitals so the plate readers, which take capitals as the sign of a plate
among words, see them.

Only plate shapes are raised: three letters and three or four digits (either way round), or the
current BC form (``kt8 21k``). Joined by a space, the letters must not be a word ("paid 150 tho",
"the 911") and no digits may follow (a phone number after "txt"). A shape inside a handle or an
email ("jay123", "kat895@…") or right after a handle cue stays as it is.
"""

from __future__ import annotations

import re

_END = r"(?![\w\-@'’?]|\.\w)"
_SHAPE = re.compile(
    r"(?<![\w\-@$#/.:'])(?:"
    rf"(?P<bc>[a-z]{{2}}[0-9][ \-]?[0-9?]{{2}}[a-z?]){_END}"
    rf"|(?P<letters>[a-z]{{3}})(?P<gap1>[ \-]?)(?P<digits>(?=[0-9?]*[0-9])[0-9?]{{3,4}}|\?{{3}})"
    rf"{_END}(?!\s?[0-9])"
    rf"|(?P<lead>[0-9]{{3}})(?P<gap2>[ \-]?)(?P<trail>[a-z]{{3}}){_END}"
    rf"|(?P<letters3>[a-z]{{3}})(?P<gap3>[ \-]?)[0-9](?:[1-9][a-z]|0[a-rt-z]){_END}"
    r")"
)
_HANDLE_CUE = re.compile(
    r"(?:@|\b(?:snap(?:chat)?|sc|insta(?:gram)?|ig|handle|user(?:name)?|tryst|leo(?:list)?|kik|"
    r"telegram|twitter|tiktok|fb|email|e-mail|whatsapp|as|goes\s+by|calls?\s+himself)\b"
    r"\W{0,3})$",
    re.IGNORECASE,
)

_SHORT_WORDS = """
    act add ado age ago aid aim air all and ant any ape apt arc are arm art ash ask ate awe axe
    bad bag ban bar bat bay bed bee beg bet bid big bin bit bob bog boo bow box boy bra bro bud
    bug bum bun bus but buy bye cab cad cam can cap car cat cel cop cot cow coy cry cub cue cup
    cur cut dab dad dam day den dew did die dig dim din dip doc doe dog don dot dry dub due dug
    dye ear eat ebb egg ego elf elm end era eve ewe eye fab fad fan far fat fax fed fee few fib
    fig fin fir fit fix flu fly foe fog for fox fry fun fur gag gal gap gas gay gel gem get gig
    gin god got gum gun gut guy gym had ham has hat hay hen her hey hid him hip his hit hmm hog
    hop hot how hub hue hug huh hum hut ice icy ill imp ink inn ion ire irk its ivy jab jam jar
    jaw jay jet jig job jog jot joy jug keg key kid kin kit lab lad lag lap law lax lay led leg
    let lid lie lip lit log lot low mad man map mat maw may men met mid mix mob mom mop mow mud
    mug mum nab nag nah nap nay net new nil nip nod nor not now nun nut oak oar oat odd off oft
    oil old one opt orb ore our out owe owl own pad pal pan par pat paw pay pea peg pen pep per
    pet pew pie pig pin pit ply pod pop pot pro pry pub pun pup put rag ram ran rap rat raw ray
    red ref rib rid rig rim rip rob rod rot row rub rug rum run rut rye sad sag sat saw say sea
    see set sew sex she shy sin sip sir sis sit six ski sky sly sob sod son sow soy spa spy sub
    sue sum sun tab tad tag tan tap tar tax tea tee ten the thy tie tin tip toe ton too top tot
    tow toy try tub tug two urn use van vat vet via vow wag war was wax way web wed wee wet who
    why wig win wit woe wok won woo wow yak yam yap yaw yay yea yep yes yet yew you zap zip zoo
    ahh aka bff btw tho ugh yah yup nvm omg lol wtf idk smh tbh ngl fyi blk wht gry grn dvd
    tel txt num ppl msg pic vid tix rom plt lic
    les des une pas pis qui que par sur son mon ton est moi toi lui ses mes tes nos vos eux ici
    ben oui non bon mal dix ans sac
    los las una uno dos del mas muy sus hay era fue ver dar mil por con sin ese esa
"""
SHORT_WORDS: frozenset[str] = frozenset(_SHORT_WORDS.split())
"""Common short words (English, French, Spanish) and texting words: three lower-case letters a
space away from digits that are one of these are not a plate's letters ("paid 150 tho")."""

_UNIT_WORDS = "ish bux lbs kgs hrs min yrs mph kmh cad usd apt ste hwy rte ave ext"
UNITS: frozenset[str] = frozenset(_UNIT_WORDS.split())
"""Units and abbreviations written against a number ("730ish", "180lbs", "hwy401")."""


def _word_beside(match: re.Match[str]) -> bool:
    letters = match.group("letters") or match.group("trail") or match.group("letters3")
    if letters is None:
        return False
    spaced = (match.group("gap1") or match.group("gap2") or match.group("gap3") or "") == " "
    return letters in UNITS or (spaced and letters in SHORT_WORDS)


def raise_plate_shapes(text: str) -> str:
    """``text`` with lower-case plate shapes in capitals (see the module docstring)."""
    pieces: list[str] = []
    last = 0
    for match in _SHAPE.finditer(text):
        handle = _HANDLE_CUE.search(text, max(0, match.start() - 20), match.start())
        if handle is not None or _word_beside(match):
            continue
        pieces.append(text[last : match.start()])
        pieces.append(match.group(0).upper())
        last = match.end()
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)
