"""A population of fictional aggressors with stable traits, and the incidents each one commits.

Reports per aggressor follow a heavy tail (a Zipf law: most aggressors have one report, a few have
dozens or more). Some aggressors are decoys built on the commonest traits (a white Honda Civic,
"Mike", a white man in his 40s); some change car or phone part-way; a few carry rare, distinctive
traits (a snake tattoo on the left forearm, a purple Pontiac Aztek) that linkage can exploit.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

from analytics.synth import identifiers, people, places, vehicles
from analytics.synth.draw import Weighted, pick

T = TypeVar("T")

WINDOW_START = np.datetime64("2023-11-01")
WINDOW_DAYS = 3 * 365

HARM_WEIGHTS: dict[str, float] = {
    "non_payment": 14,
    "time_waster": 8,
    "harassment": 8,
    "physical_assault": 10,
    "robbery": 9,
    "theft": 6,
    "threats": 9,
    "strangulation": 5,
    "sexual_assault": 5,
    "stealthing": 5,
    "weapon": 4,
    "confinement": 4,
    "drugging": 3,
    "stalking": 3,
    "outing_extortion": 2,
    "boundary_violation": 8,
    "impersonating_police": 1.5,
    "other": 3,
}
SECTOR_WEIGHTS: dict[str, float] = {
    "street": 45,
    "outcall": 15,
    "incall": 15,
    "online": 8,
    "indoor": 5,
    "massage": 5,
    "agency": 3,
    "outdoor": 4,
}


@dataclass(slots=True)
class Vehicle:
    colour: str
    model: vehicles.Model
    plate: str
    extra: str


@dataclass(slots=True)
class Aggressor:
    aggressor_id: str
    sex: str
    age: int
    height_cm: int
    build: str
    skin: str
    hair_colour: str
    hair_style: str
    facial_hair: str
    marks: tuple[int, ...]
    glasses: bool
    names: tuple[str, ...]
    handles: tuple[tuple[str, str], ...]
    phones: tuple[tuple[int, str], ...]
    """(first day used, E.164) in date order."""
    vehicles: tuple[tuple[int, Vehicle], ...]
    """(first day driven, vehicle) in date order."""
    places: tuple[int, ...]
    harms: tuple[str, ...]
    sector: str
    clothes: str

    def phone_on(self, day: int) -> str:
        return _valid_on(self.phones, day) or ""

    def vehicle_on(self, day: int) -> Vehicle | None:
        return _valid_on(self.vehicles, day)


def _valid_on(periods: tuple[tuple[int, T], ...], day: int) -> T | None:
    """The value in force on ``day``: that of the latest period begun by then, else the first."""
    if not periods:
        return None
    current = periods[0][1]
    for start, value in periods:
        if start > day:
            break
        current = value
    return current


@dataclass(slots=True)
class Population:
    aggressors: list[Aggressor]
    report_aggressor: np.ndarray
    """Aggressor index of each report, in report (received) order."""
    incident_day: np.ndarray
    """Days since ``WINDOW_START`` of each incident."""
    received_day: np.ndarray
    received_minute: np.ndarray
    reporter_numbers: list[str]


def report_counts(n_reports: int, rng: np.random.Generator) -> np.ndarray:
    """Heavy-tailed reports per aggressor summing to exactly ``n_reports``."""
    cap = int(min(150, max(12, n_reports // 100)))
    chunks: list[np.ndarray] = []
    total = 0
    while total < n_reports:
        draw = np.minimum(rng.zipf(2.1, size=max(64, (n_reports - total) // 2)), cap)
        chunks.append(draw)
        total += int(draw.sum())
    counts = np.concatenate(chunks)
    cumulative = np.cumsum(counts)
    last = int(np.searchsorted(cumulative, n_reports))
    counts = counts[: last + 1].copy()
    counts[-1] -= int(cumulative[last]) - n_reports
    return counts[counts > 0]


_COLOUR_DRAW = Weighted.of(vehicles.COLOUR_WEIGHTS)
_SECTOR_DRAW = Weighted.of(SECTOR_WEIGHTS)
_HARM_DRAW = Weighted.of(HARM_WEIGHTS)
_BUILD_DRAW = Weighted.of(people.BUILD_WEIGHTS)
_NAME_DRAW = {
    "male": Weighted([n for n, _ in people.MALE_NAMES], [w for _, w in people.MALE_NAMES]),
    "female": Weighted([n for n, _ in people.FEMALE_NAMES], [w for _, w in people.FEMALE_NAMES]),
}


_MODEL_DRAW = Weighted(vehicles.MODELS, [m.weight for m in vehicles.MODELS])
_MARK_DRAW = Weighted(range(len(people.MARKS)), [w for w, _ in people.MARKS])
_SKIN_DRAW = Weighted(people.SKINS, [v[0] for v in people.SKINS.values()])
_CIVIC = next(m for m in vehicles.MODELS if m.model == "Civic")
_AZTEK = next(m for m in vehicles.MODELS if m.model == "Aztek")


def _handle(rng: random.Random, name: str) -> tuple[str, str]:
    base = name.lower().replace(" ", "") if name else pick(rng, ("guy", "vic", "yyj", "bc"))
    bare = pick(
        rng,
        (
            f"{base}{rng.randrange(10, 999)}",
            f"big{base}{rng.randrange(10, 99)}",
            f"{base}_yyj",
            f"{base}.v",
            f"{base}_{pick(rng, ('bc', 'vic', 'x', 'fun'))}",
            f"{pick(rng, ('gent', 'discreet', 'lonely', 'nice'))}{base}{rng.randrange(1, 99)}",
        ),
    )
    frame, kind = pick(rng, people.HANDLE_FRAMES)
    email = f"{bare}@example.com"
    return frame.format(h=bare, e=email), (email if kind == "email" else bare)


def _vehicle(
    rng: random.Random, model: vehicles.Model | None = None, colour: str | None = None
) -> Vehicle:
    model = model or _MODEL_DRAW(rng)
    colour = colour or _COLOUR_DRAW(rng)
    extra = pick(rng, vehicles.VEHICLE_EXTRAS) if rng.random() < 0.3 else ""
    if extra in ("w/ canopy", "with a canopy") and model.body != "pickup":
        extra = ""
    return Vehicle(colour, model, identifiers.make_plate(rng), extra)


def _periods(
    rng: random.Random, first: int, last: int, values: list[T]
) -> tuple[tuple[int, T], ...]:
    """Values in force one after another between days ``first`` and ``last``."""
    if len(values) == 1 or last <= first:
        return ((first, values[0]),)
    cuts = sorted(rng.randint(first + 1, max(first + 1, last)) for _ in values[1:])
    return tuple(zip([first, *cuts], values, strict=True))


def make_aggressor(rng: random.Random, index: int, first: int, last: int, decoy: bool) -> Aggressor:
    """One aggressor whose traits hold for every report about them (phone numbers still blank)."""
    sex = "female" if rng.random() < 0.04 else "male"
    age = int(min(78, max(20, rng.gauss(44, 11))))
    height = int(
        min(200, max(157, rng.gauss(178, 8)))
        if sex == "male"
        else min(185, max(147, rng.gauss(165, 7)))
    )
    skin = _SKIN_DRAW(rng)
    bald_roll = rng.random()
    if sex == "male" and bald_roll < 0.2:
        hair_colour, hair_style = "", pick(rng, list(people.BALD_FORMS))
    else:
        hair_colour = pick(
            rng,
            ("grey", "brown", "brown", "black", "blonde", "red", "dark", "grey", "white")
            if age > 40
            else ("brown", "brown", "black", "blonde", "red", "dark"),
        )
        hair_style = pick(rng, list(people.HAIR_STYLES)) if rng.random() < 0.35 else ""
    facial = ""
    if sex == "male" and rng.random() < 0.6:
        facial = pick(rng, ("goatee", "beard", "beard", "moustache", "stubble", "clean-shaven"))
    n_marks = Weighted((0, 1, 2), (60, 30, 10))(rng)
    marks = tuple(sorted({_MARK_DRAW(rng) for _ in range(n_marks)}))
    names: tuple[str, ...] = ()
    if rng.random() < 0.5:
        names = (_NAME_DRAW[sex](rng),)
        if rng.random() < 0.12:
            names += (_NAME_DRAW[sex](rng),)
    handles = (
        tuple(_handle(rng, names[0] if names else "") for _ in range(1))
        if rng.random() < 0.18
        else ()
    )
    phones: tuple[tuple[int, str], ...] = ()
    if rng.random() < 0.55:
        n_phones = Weighted((1, 2, 3), (75, 20, 5))(rng)
        phones = _periods(rng, first, last, [""] * n_phones)
    cars: tuple[tuple[int, Vehicle], ...] = ()
    if rng.random() < 0.75 or decoy:
        n_cars = Weighted((1, 2, 3), (85, 13, 2))(rng)
        fleet = [_vehicle(rng) for _ in range(n_cars)]
        if decoy:
            fleet[0] = _vehicle(rng, _CIVIC, "white")
        cars = _periods(rng, first, last, fleet)
    sector = _SECTOR_DRAW(rng)
    pool = places.STREET_SECTOR_PLACES if sector in ("street", "outdoor") else places.ANY_PLACES
    favourite = tuple(pick(rng, pool) for _ in range(rng.randint(1, 3)))
    harms = tuple(dict.fromkeys(_HARM_DRAW(rng) for _ in range(rng.randint(1, 3))))
    if decoy:
        sex, skin, age = "male", "white", rng.randint(40, 49)
        names = ("Mike",) + names[1:]
    return Aggressor(
        aggressor_id=f"AGG-{index + 1:06d}",
        sex=sex,
        age=age,
        height_cm=height,
        build=_BUILD_DRAW(rng),
        skin=skin,
        hair_colour=hair_colour,
        hair_style=hair_style,
        facial_hair=facial,
        marks=marks,
        glasses=rng.random() < 0.18,
        names=names,
        handles=handles,
        phones=phones,
        vehicles=cars,
        places=favourite,
        harms=harms,
        sector=sector,
        clothes=pick(rng, people.CLOTHES) if rng.random() < 0.5 else "",
    )


def _add_rare_traits(rng: random.Random, aggressors: list[Aggressor], counts: np.ndarray) -> None:
    active = [int(i) for i in np.flatnonzero(counts >= 3)]
    if not active:
        return
    how_many = max(2, len(aggressors) // 5000)
    for index in rng.sample(active, min(how_many, len(active))):
        aggressors[index].marks = (0,) + tuple(m for m in aggressors[index].marks if m != 0)
    for index in rng.sample(active, min(how_many, len(active))):
        first = aggressors[index].vehicles[0][0] if aggressors[index].vehicles else 0
        aztek = _vehicle(rng, _AZTEK, "purple")
        aggressors[index].vehicles = ((first, aztek),)


def _hand_out_numbers(
    aggressors: list[Aggressor], by_activity: np.ndarray, numbers: list[str]
) -> None:
    """Give numbers to phone owners, most active first; unique while the range lasts."""
    taken = 0
    for index in by_activity:
        aggressor = aggressors[int(index)]
        if aggressor.phones:
            aggressor.phones = tuple(
                (day, numbers[(taken + k) % len(numbers)])
                for k, (day, _) in enumerate(aggressor.phones)
            )
            taken += len(aggressor.phones)


def build_population(n_reports: int, seed: int) -> Population:
    """Aggressors, and for each report its aggressor and dates, sorted by when it was received."""
    np_rng = np.random.default_rng([seed, 1])
    rng = random.Random(f"population-{seed}")
    counts = report_counts(n_reports, np_rng)
    n_aggressors = len(counts)
    start = np_rng.integers(0, WINDOW_DAYS, size=n_aggressors)
    span = np.minimum(
        WINDOW_DAYS - 1 - start,
        (30 + 25 * counts * np_rng.uniform(0.3, 1.7, n_aggressors)).astype(int),
    )
    span = np.where(counts == 1, 0, span)
    aggressor_numbers, reporter_numbers = identifiers.number_pool(rng)
    decoy = np_rng.random(n_aggressors) < 0.04
    aggressors = [
        make_aggressor(rng, i, int(start[i]), int(start[i] + span[i]), bool(decoy[i]))
        for i in range(n_aggressors)
    ]
    _hand_out_numbers(aggressors, np.argsort(-counts, kind="stable"), aggressor_numbers)
    _add_rare_traits(rng, aggressors, counts)
    owner = np.repeat(np.arange(n_aggressors), counts)
    day = start[owner] + (np_rng.random(n_reports) * (span[owner] + 1)).astype(int)
    lag = np.where(
        np_rng.random(n_reports) < 0.4, 0, np.minimum(np_rng.geometric(0.2, n_reports), 45)
    )
    received = np.minimum(day + lag, WINDOW_DAYS + 45)
    minute = np_rng.integers(0, 24 * 60, n_reports)
    order = np.lexsort((minute, received))
    return Population(
        aggressors, owner[order], day[order], received[order], minute[order], reporter_numbers
    )
