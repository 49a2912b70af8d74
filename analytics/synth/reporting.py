"""How reports arrive and who writes them: channels, voices, sectors, encounters, consents.

Each table maps a canonical value (the truth) to the ways people write it in the intake columns.
"""

from __future__ import annotations

from analytics.synth.draw import Weighted

CHANNELS: dict[str, tuple[float, tuple[str, ...]]] = {
    "online": (30, ("online", "Online", "web form", "website", "online")),
    "outreach van": (22, ("outreach van", "van", "Outreach", "night van", "outreach van")),
    "in person": (18, ("in person", "In-person", "walk in", "drop-in", "in person")),
    "phone": (12, ("phone", "phone call", "Phone", "called in")),
    "email": (8, ("email", "e-mail", "Email")),
    "third party": (10, ("third party", "3rd party", "Third party")),
}

SECTOR_FORMS: dict[str, tuple[str, ...]] = {
    "street": ("street", "Street", "stroll", "street-based"),
    "outdoor": ("outdoor", "outdoors"),
    "indoor": ("indoor", "Indoor"),
    "incall": ("incall", "in-call", "in call"),
    "outcall": ("outcall", "out-call", "Outcall"),
    "online": ("online", "Online"),
    "agency": ("agency", "escort agency"),
    "massage": ("massage", "MP", "massage parlour"),
}
SECTOR_NAMES = tuple(SECTOR_FORMS)
ENCOUNTERS: dict[str, tuple[tuple[str, bool], ...]] = {
    # (clause, says the sector in so many words)
    "street": (
        ("he picked {o} up", False),
        ("{s} got in his car", False),
        ("date from the stroll", True),
        ("he pulled up and {s} got in", False),
    ),
    "outdoor": (("met him outside", False), ("outdoor date", True)),
    "outcall": (
        ("it was an outcall", True),
        ("outcall to his place", True),
        ("{s} went to see him", False),
    ),
    "incall": (
        ("he came to {p} place", False),
        ("incall, he came over", True),
        ("he booked an incall", True),
    ),
    "online": (
        ("he contacted {o} through {p} ad", False),
        ("met him online", True),
        ("he answered {p} ad", False),
    ),
    "indoor": (("he came to the house", False), ("indoor date", True)),
    "massage": (("he came into the spa", False), ("client at the massage place", True)),
    "agency": (("booked through the agency", True), ("agency call", True)),
}
GENDERS: dict[str, tuple[float, tuple[str, ...]]] = {
    "woman": (60, ("woman", "female", "F", "cis woman", "Woman")),
    "trans woman": (15, ("trans woman", "transwoman", "MTF", "trans fem")),
    "man": (8, ("man", "male", "M")),
    "non-binary": (7, ("non-binary", "nonbinary", "NB", "enby")),
    "two-spirit": (4, ("two-spirit", "2S", "two spirit")),
    "trans man": (2, ("trans man", "FTM")),
}
YES = ("yes", "Yes", "Y", "y", "x", "✓", "TRUE", "yes")
NO = ("no", "No", "N", "", "", "", "n", "FALSE")
OWN_EMAIL = (
    "you can reach me at {n}",
    "Contact me: {n}",
    "my email is {n}",
    "email me at {n} if police want to talk.",
)
OWN = (
    "text me at {n}",
    "My number is {n} if police want to talk.",
    "you can reach me at {n}",
    "call me {n}",
    "my # is {n} (this is MY number not his)",
    "Contact me: {n}",
    "text me {n} if u need more info",
)
OWN_STAFF = (
    "Rptr's own # {n} (not agg's).",
    "Call rptr back at {n}.",
    "rptr contact: {n}",
    "Reporter can be reached at {n}.",
)
OWN_STAFF_EMAIL = ("Rptr email {n}.", "Rptr can be reached at {n}.", "reporter contact: {n}")
PLACEHOLDERS = ("N/A", "n/a", "unknown", "unk", "-", "?", "none", "UNK", "not given")
"""What staff type into a spreadsheet cell they have nothing for."""
PLACEHOLDER_COLUMNS = (
    "aggressor_name",
    "aggressor_phone",
    "plate",
    "vehicle",
    "aggressor_contact",
    "aggressor_description",
    "location",
)
STAFF_VOICES = frozenset({"staff", "shorthand"})
VOICES_BY_CHANNEL: dict[str, tuple[tuple[str, ...], tuple[float, ...]]] = {
    "online": (("online", "online_short"), (0.65, 0.35)),
    "outreach van": (("terse", "shorthand"), (0.8, 0.2)),
    "in person": (("shorthand", "staff", "sheet"), (0.5, 0.42, 0.08)),
    "phone": (("staff", "shorthand"), (0.6, 0.4)),
    "email": (("email", "sheet"), (0.85, 0.15)),
    "third party": (("third_party",), (1.0,)),
}
VOICE_DRAW = {channel: Weighted(*voices) for channel, voices in VOICES_BY_CHANNEL.items()}
CHANNEL_DRAW = Weighted(CHANNELS, [c[0] for c in CHANNELS.values()])
GENDER_DRAW = Weighted(GENDERS, [g[0] for g in GENDERS.values()])
