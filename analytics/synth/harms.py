"""How reporters say what happened: phrases for each harm type, in full and terse registers.

Placeholders: ``{o}`` object pronoun of the person harmed (me / her / them), ``{p}`` possessive
(my / her / their), ``{s}`` subject (I / she / they). Each phrase says exactly one harm type, so the
truth of a report is the set of harm types whose phrases it carries.
"""

from __future__ import annotations

FULL: dict[str, tuple[str, ...]] = {
    "physical_assault": (
        "hit {o}",
        "punched {o} in the face",
        "slapped {o} around",
        "shoved {o} out of the car",
        "kicked {o}",
        "got violent and hit {o}",
        "beat {o} up",
        "grabbed {p} hair and slammed {o} into the door",
        "elbowed {o} in the face",
        "threw {o} against the wall",
    ),
    "strangulation": (
        "choked {o}",
        "put his hands around {p} neck",
        "grabbed {o} by the throat",
        "choked {o} till {s} almost passed out",
        "strangled {o}",
        "had his arm around {p} neck squeezing",
    ),
    "sexual_assault": (
        "sexually assaulted {o}",
        "forced {o} to do things {s} said no to",
        "raped {o}",
        "forced himself on {o}",
        "assaulted {o} sexually",
    ),
    "stealthing": (
        "took the condom off without asking",
        "removed the condom without telling {o}",
        "took the condom off partway through",
        "stealthed {o}",
        "slipped the condom off",
    ),
    "weapon": (
        "pulled a knife on {o}",
        "had a knife",
        "showed {o} a gun",
        "held a knife to {o}",
        "waved a knife around",
        "had a gun in the glovebox and showed it",
        "pulled out a bat",
    ),
    "robbery": (
        "robbed {o}",
        "took {p} cash by force",
        "forced {o} to give the money back",
        "made {o} hand over {p} money",
        "took all {p} money and {p} phone by force",
        "grabbed back the money and wouldn't give it back",
    ),
    "theft": (
        "stole {p} phone",
        "stole {p} wallet while {s} went to the washroom",
        "took {p} bag when {s} got out of the car",
        "stole {p} stuff",
        "swiped {p} phone",
        "took {p} bank card",
    ),
    "non_payment": (
        "didn't pay",
        "refused to pay",
        "wouldn't pay",
        "paid with fake bills",
        "said he'd pay after and then drove off",
        "short paid {o} by $100",
        "never paid",
        "paid in fake $20s",
    ),
    "threats": (
        "threatened to kill {o}",
        "said he'd hurt {o}",
        "threatened {o}",
        "said he knows where {p} place is",
        "told {o} he'd come back and find {o}",
        "said he'd slit {p} throat",
    ),
    "confinement": (
        "wouldn't let {o} out of the car",
        "locked the doors and wouldn't let {o} leave",
        "kept {o} at his place for hours",
        "had the child locks on so {s} couldn't get out",
        "blocked the door so {s} couldn't leave",
    ),
    "drugging": (
        "put something in {p} drink",
        "drugged {o}",
        "gave {o} something that knocked {o} out",
        "spiked {p} drink",
        "slipped something in {p} drink",
    ),
    "harassment": (
        "keeps texting {o} nonstop",
        "won't stop calling",
        "keeps harassing {o}",
        "calls 20 times a day",
        "keeps sending gross messages",
    ),
    "stalking": (
        "followed {o} home",
        "showed up at {p} place after",
        "keeps driving past {p} spot",
        "waits outside {p} building",
        "followed {o} for blocks",
    ),
    "outing_extortion": (
        "threatened to tell {p} family",
        "said he'd post {p} pics online",
        "tried to blackmail {o}",
        "said he'd out {o} to {p} landlord",
    ),
    "boundary_violation": (
        "tried to film {o}",
        "kept pushing for no condom",
        "tried stuff {s} said no to",
        "wouldn't respect {p} boundaries",
        "took pics without asking",
    ),
    "impersonating_police": (
        "said he was a cop",
        "flashed a badge",
        "pretended to be police",
        "claimed to be an undercover cop",
    ),
    "time_waster": (
        "was a no show",
        "wasted {p} time",
        "made {o} wait an hour then never showed",
        "booked and then ghosted",
        "kept {o} on the phone for an hour then cancelled",
    ),
    "other": (
        "gave {o} really creepy vibes",
        "kept asking weird personal questions",
        "was super weird the whole time",
    ),
}

TERSE: dict[str, tuple[str, ...]] = {
    "physical_assault": ("hit her", "punched", "assaulted", "beat her up", "hit", "slapped"),
    "strangulation": ("choked", "choking", "choked her", "strangled"),
    "sexual_assault": ("sexual assault", "sexually assaulted", "forced", "SA'd her"),
    "stealthing": ("stealthing", "condom off", "took condom off"),
    "weapon": ("knife", "had knife", "gun", "pulled knife"),
    "robbery": ("robbed", "robbed her", "took $ by force", "robbery"),
    "theft": ("stole phone", "stole purse", "stole her stuff"),
    "non_payment": ("no pay", "didnt pay", "fake $", "no $", "didn't pay"),
    "threats": ("threats", "threatened her", "threatened to kill"),
    "confinement": ("wouldnt let her out", "locked doors", "kept her in car"),
    "drugging": ("drugged", "spiked drink", "drugged her"),
    "harassment": ("harassing", "keeps calling", "harassment"),
    "stalking": ("following her", "stalking", "followed her home"),
    "outing_extortion": ("blackmail", "threatened to out her"),
    "boundary_violation": ("pushy re condoms", "filming w/o consent", "boundary pushing"),
    "impersonating_police": ("fake cop", "said cop", "posing as cop"),
    "time_waster": ("time waster", "no show", "TW"),
    "other": ("creepy", "weird vibes", "sketchy"),
}

TAGS: dict[str, tuple[str, ...]] = {
    "physical_assault": ("assault", "physical assault", "Assault", "violence", "beat up"),
    "strangulation": ("choking", "strangulation", "choked"),
    "sexual_assault": ("sexual assault", "SA", "Sexual Assault", "rape"),
    "stealthing": ("stealthing", "condom removal", "Stealthing"),
    "weapon": ("weapon", "knife", "Weapon", "gun"),
    "robbery": ("robbery", "Robbery", "robbed"),
    "theft": ("theft", "Theft", "stole"),
    "non_payment": ("no pay", "non-payment", "Non payment", "didn't pay"),
    "threats": ("threats", "uttering threats", "Threats"),
    "confinement": ("confinement", "forcible confinement", "wouldn't let her leave"),
    "drugging": ("drugging", "drugged", "Drugging"),
    "harassment": ("harassment", "Harassment", "harassing"),
    "stalking": ("stalking", "Stalking", "stalker"),
    "outing_extortion": ("extortion", "blackmail", "outing"),
    "boundary_violation": ("boundary violation", "boundaries", "Boundary violation"),
    "impersonating_police": ("fake cop", "impersonating police", "posing as police"),
    "time_waster": ("time waster", "timewaster", "Time Waster", "no show"),
    "other": ("other", "Other"),
}

TERSE_WITH_FORCE: dict[str, tuple[str, ...]] = {
    "robbery": ("took $", "took her money", "took $ back")
}
"""Terse forms that mean robbery only beside violence or threats ("choked, took $")."""

FRENCH: dict[str, tuple[str, ...]] = {
    "physical_assault": ("il m'a frappé{e}",),
    "strangulation": ("il m'a étranglé{e}",),
    "non_payment": ("il a pas payé", "pas payé"),
    "robbery": ("il m'a volé mon argent de force",),
    "threats": ("il m'a menacé{e}",),
    "time_waster": ("il est jamais venu",),
}
