"""What one reporter knows and says about one incident, already written as text snippets."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Facts:
    """Snippets for one report; ``""`` means the reporter does not mention it.

    ``o``, ``p`` and ``s`` are the pronouns for the person harmed (me / my / I for a first-person
    report, her / her / she or them / their / they when staff or a friend writes it).
    """

    voice: str
    o: str = "me"
    p: str = "my"
    s: str = "I"
    harm_full: list[str] = field(default_factory=list)
    harm_terse: list[str] = field(default_factory=list)
    tags: str = ""
    desc: str = ""
    veh: str = ""
    plate: str = ""
    phone: str = ""
    name: str = ""
    name_frame: str = ""
    handle: str = ""
    place: str = ""
    pickup: str = ""
    encounter: str = ""
    date: str = ""
    time: str = ""
    own: str = ""
    extra: list[str] = field(default_factory=list)
    """Remarks that carry no fact ("didn't get the plate", "his number was blocked")."""
    female: bool = False
    encounter_used: bool = False
