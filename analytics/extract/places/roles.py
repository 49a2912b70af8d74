"""What a place is to the story: where the harm happened, a pick-up, or only where someone lives.

The nearest cue before a place, within its clause, decides: "picked me up on Bay" is a pick-up,
"drove me to a lot off Gorge Rd" a destination, "says he lives in Langford" not the incident.
Cues are written in the tokens of ``text.tokens`` (no apostrophes: "hes from").
"""

from __future__ import annotations

from analytics.extract.places.text import BOUNDARIES, tokens, words
from analytics.reference import given_names

IGNORE, PICKUP, NEUTRAL, DROP, DESTINATION = 0, 1, 2, 3, 4
WINDOW = 8

_CUES: dict[int, str] = {
    DESTINATION: """
        to; into; in to; took me; brought me; drove me; drove out; went; headed; parked;
        pulled into; pulled in; ended up; happened; outcall; out call; his place; his house;
        his apartment; his apt; his room; his hotel; his motel; my place; arrived; got there;
        booked; room at; hotel; motel; stayed; assaulted me; attacked me; hit me; choked me;
        raped me; robbed me; llevo a; me llevo a; la llevo a; fuimos a; ma emmenee a;
        ma emmene a; la emmenee a; ma amenee a; ma conduite a""",
    DROP: """
        dropped; dropped me; dropped me off; dumped; dumped me; kicked me out; left me;
        let me out; threw me out; pushed me out; drop off; dropoff; d/o; do at; drop-off;
        dropped her; dropped her off; dumped her; kicked her out; left her; let her out;
        threw her out; pushed her out; dropped them; dropped them off; let them out; left them;
        let him out; dropped him off; dropped us off; let us out""",
    PICKUP: """
        picked; picked me up; pick up; pick me up; pickup; picked up; grabbed; approached;
        pulled up; waved; stopped; from; got in; got into; hopped in; working; was working;
        i was on; i was at; was standing; standing; meet; meet up; met up; p/u; pu; pick-up;
        me recogio en; la recogio en; recogio; ma prise a; la prise a; ma ramassee a""",
    IGNORE: """
        lives; live; lived; living; stays; hes from; he is from; is from; s from; guy from;
        man from; originally from; from out of; said from; says from; works; worked; usually;
        normally; not; never; used to; plates from; plate from; registered; grew up; moved to;
        moving to; heading back to; back to the mainland; not sure if; no idea; he was in;
        hes in; he is in; her to go to; me to go to; me to come to; her to come to;
        wanted to go to; us to go to; asked to go to; tried to get me to go to; wanted me to;
        wanted her to; texting from; texted from; calling from; called from; visiting from;
        visiting; comes to; comes down to; comes over to; comes up to; im from; i am from;
        shes from; she is from; girl from; worker from; friend from; lady from; going back to;
        driving back to; on his way to; on his way back to; leaving for; left for; heading to;
        reported in; known in; active in; also in; same guy as in; works in; works at;
        lives in; lives at; would drive me to; would take me to; offered to drive me to;
        offered to take me to; wanted to take me to; wanted to drive me to; going to take me to;
        would drive her to; would take her to; wanted to take her to;
        was from; were from; am from; are from; come from; comes from; came from; moved here from;
        moved from; moved here; relocated from; friend in; friends in; sister in; cousin in;
        brother in; family in; mom in; mother in; home to; home in; back home; went home;
        got home; cab home; bus home; every provider in; providers in; everyone in; all over;
        is back at; is back in; is staying at; is in town; reported it at; reported to;
        reported at; reported him at; went to the police; police in; police at;
        another agency in; another spa in; other agencies in; other spas in; before in;
        this before in; the same in; another girl in; other girls in; girls in; the girls in;
        workers in; warned about in; staying at; staying in; hes staying at; hes back at;
        he stays at; back at the; known at; banned from; banned at; headed to; headed back to;
        was headed; on his way; company in; works for; drives for; job in; office in;
        see u on; see you on; find u on; find you on; u still on; you still on; catch u on;
        catch you on; see u at; see you at; find u at; find you at; ur landlord on;
        shed go to; she would go to; id go to; i would go to; would go to; would come to;
        i work; we work; i usually work; im in; i am in; im living in; im staying in;
        known around; seen around; hangs around; hangs out in; hangs out at; hangs out around;
        hitching to; hitchhiking to; hitching toward; hitchhiking toward; hitching towards;
        a ride to; ride going to; on her way to; on my way to; for a funeral in;
        the one who; one who; the one from; same guy as the; same guy from the; the guy from the;
        the guy who; ferry over to; ferry to; ferry over; travel to; travels to; travelling to;
        traveling to; tour; touring; tours; on his way out to; his way out to; between;
        other shop in; other shops in; another shop in; other spa in; girls on; the girls on;
        staying off; stay off; stays off; staying away from; stay away from; stays away from;
        avoiding; avoid; keeping away from; keep away from; keeping off; wont go back to;
        not going back to; never going back to; wont work; not working;
        off toward; off towards; away toward; away towards; drive you to; drive you out to;
        take you to; take you out to; dump you in; dump you at; leave you in; leave you at""",
}
_INTENT = words("wanted wants supposed offered hed would gonna planned promised tried tries")
"""Before a destination in the same clause: where he meant to go, not where the harm was."""
_NOT_PLACE_AFTER = (
    "area code; plate; plates; plated; section; accent; jersey; number; license; licence; "
    "parking pass; pass; sticker; royal; royals; fan; hoodie; shirt; cap; hat; jacket; tattoo; "
    "sheet; warning; post; ferry; dealership; dealer; dealers; sticker; decal; frame; "
    "sniffies guy; grindr guy; tinder guy; report; reports; guy from; guys from; guy again; "
    "guy w; guy with; trip; trips; getaway"
)
"""Said right after a place name: the name describes something else ("Alberta plates",
"a Nanaimo area code", "the Victoria section of Leolist")."""
_RESETS = words("but then after afterwards later when while where before so until")
_CALLED_OFF = (
    "didnt go; did not go; never went; didnt end up going; never showed; didnt show; never met; "
    "didnt meet; did not meet; never came"
)
"""Said after a place: the meeting there never happened ("booked me at X … didn't go")."""


def _compile() -> dict[str, list[tuple[tuple[str, ...], int]]]:
    by_last: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for role, phrases in _CUES.items():
        for phrase in phrases.split(";"):
            cue = tuple(tokens(phrase))
            by_last.setdefault(cue[-1], []).append((cue, role))
    for options in by_last.values():
        options.sort(key=lambda option: -len(option[0]))
    return by_last


_BY_LAST = _compile()
_OFF_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _CALLED_OFF.split(";"):
    _cue = tuple(tokens(_phrase))
    _OFF_BY_FIRST.setdefault(_cue[0], []).append(_cue)


_NOT_PLACE = [tuple(tokens(phrase)) for phrase in _NOT_PLACE_AFTER.split(";")]


def names_something_else(toks: list[str], end: int) -> bool:
    """Whether the words right after a place (ending at ``end``) make it describe a thing."""
    return any(tuple(toks[end : end + len(cue)]) == cue for cue in _NOT_PLACE)


def called_off(toks: list[str], end: int) -> bool:
    """Whether the sentence after a place (ending at ``end``) says the meeting never happened."""
    for j in range(end, min(len(toks), end + 25)):
        if toks[j] in BOUNDARIES:
            return False
        for cue in _OFF_BY_FIRST.get(toks[j], ()):
            if tuple(toks[j : j + len(cue)]) == cue:
                return True
    return False


_HEARD = words("bragged brags boasted apparently supposedly rumour rumor rumoured")
_HEARING = words("heard hear hears")
_HEARSAY_AFTER = words("he hes that about of from they")
_REPORTERS_OWN = words("me my us our i")
_SENTENCE_REACH = 24


def told_of_another(toks: list[str], start: int) -> bool:
    """Whether the sentence before a place tells of harm heard of or done to someone else ("he
    bragged he messed up a girl in nanaimo", "i heard he robbed a girl in langford", "the same
    trucker who took a girl to mill bay", "hes the one who grabbed a girl in the ogden pt lot"),
    not to the reporter herself."""
    for j in range(start - 1, max(-1, start - _SENTENCE_REACH - 1), -1):
        token = toks[j]
        if token in BOUNDARIES:
            return False
        if token in _REPORTERS_OWN:
            return False
        if token in _HEARD or (token in _HEARING and toks[j + 1] in _HEARSAY_AFTER):
            return True
        if (
            token in ("who", "that")
            and j
            and (toks[j - 1] == "one" or "same" in toks[max(0, j - 4) : j])
        ):
            return True
    return False


def role_at(toks: list[str], start: int) -> int:
    """The role of a place whose first token is ``toks[start]``."""
    if told_of_another(toks, start):
        return IGNORE
    stop = max(0, start - WINDOW)
    for j in range(start - 1, stop - 1, -1):
        token = toks[j]
        if token in BOUNDARIES or token == "," or token in _RESETS:
            return NEUTRAL
        if token == "from" and j >= start - 2 and j and toks[j - 1] in given_names():
            return IGNORE
        for cue, role in _BY_LAST.get(token, ()):
            first = j - len(cue) + 1
            if first >= 0 and tuple(toks[first : j + 1]) == cue:
                if role == DESTINATION and _intended(toks, first):
                    return IGNORE
                return role
    return NEUTRAL


def _intended(toks: list[str], end: int) -> bool:
    """Whether the clause before ``end`` says the trip was only meant ("wanted to take me")."""
    for j in range(end - 1, max(-1, end - WINDOW - 1), -1):
        token = toks[j]
        if token in BOUNDARIES or token == "," or token in _RESETS:
            return False
        if token in _INTENT:
            return True
    return False
