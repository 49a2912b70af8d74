"""One (aggressor, incident) as an intake row, and the truth a perfect reader would extract."""

from __future__ import annotations

import datetime as dt
import random
import re

import numpy as np

from analytics.features import FEATURE_COLUMNS
from analytics.intake import INTAKE_COLUMNS
from analytics.synth import harms, identifiers, people, places, when
from analytics.synth.aggressors import HARM_WEIGHTS, WINDOW_START, Aggressor, Population
from analytics.synth.describe import describe_person, describe_vehicle
from analytics.synth.draw import Weighted, pick
from analytics.synth.facts import Facts
from analytics.synth.reporting import (
    CHANNEL_DRAW,
    CHANNELS,
    ENCOUNTERS,
    GENDER_DRAW,
    GENDERS,
    NO,
    OWN,
    OWN_EMAIL,
    OWN_STAFF,
    OWN_STAFF_EMAIL,
    PLACEHOLDER_COLUMNS,
    PLACEHOLDERS,
    SECTOR_FORMS,
    SECTOR_NAMES,
    STAFF_VOICES,
    VOICE_DRAW,
    YES,
)
from analytics.synth.writing import compose
from analytics.vocabulary import SEVERITY

TRUTH_COLUMNS: tuple[str, ...] = ("row_number", "aggressor_id", *FEATURE_COLUMNS, "true_plate")

_BLANK_ROW: dict[str, str] = dict.fromkeys(INTAKE_COLUMNS, "")
_BLANK_TRUTH: dict[str, str] = dict.fromkeys(TRUTH_COLUMNS, "")
_BASE = dt.date.fromisoformat(str(WINDOW_START)).toordinal()

_MALE = re.compile(r"\b(he|his|him|himself|guy|man|male|dude)\b", re.IGNORECASE)
_HARM_DRAW = Weighted.of(HARM_WEIGHTS)
_HARM_NAMES = list(HARM_WEIGHTS)


def _date(day: int) -> dt.date:
    return dt.date.fromordinal(_BASE + int(day))


_FORCE = frozenset({"physical_assault", "strangulation", "weapon", "threats", "sexual_assault"})
"""Theft alongside force or threats is robbery: such a report is written as a robbery."""


def _harms(rng: random.Random, a: Aggressor) -> list[str]:
    chosen = [h for h in a.harms if rng.random() < 0.7] or [pick(rng, a.harms)]
    if rng.random() < 0.15:
        chosen.append(_HARM_DRAW(rng))
    if "theft" in chosen and _FORCE.intersection(chosen):
        chosen = ["robbery" if c == "theft" else c for c in chosen]
    return list(dict.fromkeys(chosen))


def _place(rng: random.Random, a: Aggressor, sector: str) -> int:
    if rng.random() < 0.6:
        return pick(rng, a.places)
    pool = places.STREET_SECTOR_PLACES if sector in ("street", "outdoor") else places.ANY_PLACES
    return pick(rng, pool)


def _plate(
    rng: random.Random, plate: str, facts: Facts, truth: dict[str, str], row: dict[str, str]
) -> None:
    text, readings = identifiers.write_plate(rng, plate)
    if readings:
        facts.plate = text
        truth["plate"] = ";".join(readings)
    elif rng.random() < 0.5:
        row["plate"] = text
    else:
        facts.extra.append(text)


class Renderer:
    """Renders report rows for a population; cheap per row, deterministic for a given ``rng``."""

    def __init__(self, population: Population) -> None:
        self.population = population
        self._reporters = frozenset(population.reporter_numbers)
        self._aggressors = population.aggressors
        self._owner = population.report_aggressor
        self._incident_day = population.incident_day
        self._received_day = population.received_day
        self._received_minute = population.received_minute
        dates = WINDOW_START + population.received_day.astype("timedelta64[D]")
        self._years = dates.astype("datetime64[Y]").astype(np.int64) + 1970
        first_of_year = np.searchsorted(self._years, self._years, side="left")
        self._sequence = np.arange(len(self._years)) - first_of_year + 1
        """Number of each report within its year (reports are in received order)."""

    def render(self, i: int, rng: random.Random) -> tuple[tuple[str, ...], tuple[str, ...]]:
        a = self._aggressors[int(self._owner[i])]
        day = int(self._incident_day[i])
        incident, received = _date(day), _date(int(self._received_day[i]))
        truth = dict(_BLANK_TRUTH)
        truth["aggressor_id"] = a.aggressor_id
        row = dict(_BLANK_ROW)
        channel = CHANNEL_DRAW(rng)
        voice = VOICE_DRAW[channel](rng)
        female = a.sex == "female"
        if female and voice == "third_party":
            voice = "online"
        facts = Facts(voice=voice, female=female)
        if voice in ("staff", "third_party"):
            facts.o, facts.p, facts.s = (
                ("them", "their", "they") if rng.random() < 0.1 else ("her", "her", "she")
            )
        terse = voice in ("terse", "shorthand")
        sector = a.sector if rng.random() < 0.85 else pick(rng, SECTOR_NAMES)
        clause, explicit = pick(rng, ENCOUNTERS[sector])
        facts.encounter = clause
        if rng.random() < (0.35 if voice in ("online", "staff", "shorthand") else 0.15):
            row["sector"] = pick(rng, SECTOR_FORMS[sector])
        self._harm_facts(rng, a, facts, truth, voice)
        self._place_facts(rng, a, sector, facts, truth)
        self._vehicle_facts(rng, a, day, sector, facts, truth, row)
        self._contact_facts(rng, a, day, sector, facts, truth, row)
        if rng.random() < (0.75 if voice != "terse" else 0.55) or female:
            facts.desc = describe_person(rng, a, terse, truth)
        if rng.random() < 0.7:
            facts.date, truth["incident_date"] = when.write_incident_date(rng, incident, received)
        if rng.random() < 0.55:
            hour = when.pick_hour(rng)
            facts.time, truth["incident_hour"] = when.write_time(rng, hour, rng.randrange(60))
        self._reporter(rng, channel, voice, row, facts, truth)
        typo_rate = pick(rng, (0.0, 0.0, 0.01, 0.03, 0.06, 0.1))
        row.update(compose(rng, facts, typo_rate))
        if voice in STAFF_VOICES:
            for column in PLACEHOLDER_COLUMNS:
                if not row[column] and rng.random() < 0.06:
                    row[column] = pick(rng, PLACEHOLDERS)
        if row["sector"] or (explicit and facts.encounter_used):
            truth["sector"] = sector
        if (
            not truth["aggressor_sex"]
            and not female
            and (
                _MALE.search(row["what_happened"])
                or _MALE.search(row.get("aggressor_description", ""))
            )
        ):
            truth["aggressor_sex"] = "male"
        row["received_at"], truth["received_at"] = when.write_received(
            rng, received, int(self._received_minute[i])
        )
        row["report_id"] = self._report_id(rng, i, channel)
        truth["report_id"] = row["report_id"]
        truth["row_number"] = str(i + 1)
        car = a.vehicle_on(day)
        truth["true_plate"] = car.plate if car else ""
        return (
            tuple(row.values()),
            tuple(truth.values()),
        )

    def _misheard(self, rng: random.Random, number: str) -> str:
        """The number with its last digit misheard (still fictional, never a reporter's)."""
        wrong = number[:-1] + str(int(rng.random() * 10))
        return number if wrong in self._reporters else wrong

    def _report_id(self, rng: random.Random, i: int, channel: str) -> str:
        if channel == "online":
            return f"web-{80000 + i}"
        if rng.random() < 0.12:
            return ""
        return f"BD-{int(self._years[i])}-{int(self._sequence[i]):04d}"

    @staticmethod
    def _harm_facts(
        rng: random.Random, a: Aggressor, facts: Facts, truth: dict[str, str], voice: str
    ) -> None:
        codes = _harms(rng, a)
        french = rng.random() < 0.03
        for code in codes:
            if french and code in harms.FRENCH:
                phrase = pick(rng, harms.FRENCH[code]).format(e="e")
                facts.harm_full.append(f"{pick(rng, harms.FULL[code])} ({phrase})")
                facts.harm_terse.append(phrase)
                continue
            facts.harm_full.append(pick(rng, harms.FULL[code]))
            if code in harms.TERSE_WITH_FORCE and _FORCE.intersection(codes) and rng.random() < 0.6:
                facts.harm_terse.append(pick(rng, harms.TERSE_WITH_FORCE[code]))
            else:
                facts.harm_terse.append(pick(rng, harms.TERSE[code]))
        if rng.random() < (0.5 if voice in ("online", "shorthand", "staff") else 0.15):
            tagged = [c for c in codes if rng.random() < 0.8] or codes[:1]
            facts.tags = pick(rng, ("; ", ", ", "/", " + ")).join(
                pick(rng, harms.TAGS[c]) for c in tagged
            )
        truth["incident_types"] = ";".join(sorted(codes, key=_HARM_NAMES.index))
        truth["severity"] = str(max(SEVERITY[c] for c in codes))

    @staticmethod
    def _place_facts(
        rng: random.Random, a: Aggressor, sector: str, facts: Facts, truth: dict[str, str]
    ) -> None:
        if rng.random() > 0.75:
            return
        where = places.PLACES[_place(rng, a, sector)]
        facts.place = pick(rng, where.forms)
        if sector in ("street", "outdoor") and rng.random() < 0.3:
            pickup = places.PLACES[pick(rng, places.STREET_SECTOR_PLACES)]
            if pickup is not where:
                facts.pickup = pick(rng, pickup.forms)
        if sector == "outcall" and where.kind == "hotel" and rng.random() < 0.5:
            facts.place = "outcall " + facts.place
        truth["neighbourhood"] = where.area
        truth["municipality"] = where.municipality
        truth["jurisdiction"] = where.jurisdiction
        if where.lat is not None:
            truth["lat"], truth["lon"] = f"{where.lat:.4f}", f"{where.lon:.4f}"

    @staticmethod
    def _vehicle_facts(
        rng: random.Random,
        a: Aggressor,
        day: int,
        sector: str,
        facts: Facts,
        truth: dict[str, str],
        row: dict[str, str],
    ) -> None:
        car = a.vehicle_on(day)
        if car is None:
            return
        driving = sector in ("street", "outdoor", "outcall")
        if rng.random() < (0.75 if driving else 0.3):
            facts.veh = describe_vehicle(rng, car, truth)
            if rng.random() < (0.5 if driving else 0.2):
                _plate(rng, car.plate, facts, truth, row)
        elif rng.random() < 0.06:
            _plate(rng, car.plate, facts, truth, row)

    def _contact_facts(
        self,
        rng: random.Random,
        a: Aggressor,
        day: int,
        sector: str,
        facts: Facts,
        truth: dict[str, str],
        row: dict[str, str],
    ) -> None:
        number = a.phone_on(day)
        by_phone = sector not in ("street", "outdoor")
        if number and rng.random() < (0.8 if by_phone else 0.3):
            if rng.random() < 0.04:
                number = self._misheard(rng, number)
            text, full, fragment = identifiers.write_phone(rng, number)
            other = next((n for _, n in a.phones if n != number), "")
            if full and other and rng.random() < 0.15:
                more, more_full, _ = identifiers.write_phone(rng, other, full_share=1.0)
                text = f"{text} (used to be {more})"
                full = f"{full};{more_full}"
            facts.phone = text
            if full:
                truth["phones"] = full
            if fragment:
                truth["phone_fragments"] = fragment
        elif rng.random() < 0.05:
            if rng.random() < 0.5:
                row["aggressor_phone"] = pick(rng, identifiers.NO_NUMBER)
            else:
                facts.extra.append(pick(rng, identifiers.NO_NUMBER_SAID))
        if a.names and rng.random() < 0.45:
            name = a.names[0] if rng.random() < 0.8 else a.names[-1]
            facts.name = pick(rng, (name, name, name.upper(), name.lower(), f'"{name}" (fake?)'))
            facts.name_frame = pick(rng, people.NAME_FRAMES).replace("{n}", "{name}")
            truth["names"] = name.lower()
        if a.handles and rng.random() < (0.6 if by_phone else 0.2):
            facts.handle, truth["handles"] = a.handles[0]

    def _reporter(
        self,
        rng: random.Random,
        channel: str,
        voice: str,
        row: dict[str, str],
        facts: Facts,
        truth: dict[str, str],
    ) -> None:
        row["channel"] = pick(rng, CHANNELS[channel][1]) if rng.random() < 0.9 else ""
        if row["channel"]:
            truth["channel"] = channel
        if rng.random() < 0.45:
            gender = GENDER_DRAW(rng)
            row["reporter_gender"] = pick(rng, GENDERS[gender][1])
            truth["reporter_gender"] = gender
        consents = []
        for column, share in (
            ("consent_contact", 0.12),
            ("consent_police", 0.06),
            ("wants_statement", 0.04),
        ):
            yes = rng.random() < share
            consents.append(yes)
            row[column] = pick(rng, YES if yes else NO)
            truth[column] = "yes" if yes else "no"
        if any(consents) and rng.random() < 0.7 or rng.random() < 0.02:
            if rng.random() < 0.6:
                number = pick(rng, self.population.reporter_numbers)
                text, _, _ = identifiers.write_phone(rng, number, full_share=1.0)
            else:
                text = (
                    f"{pick(rng, ('sunny', 'kat', 'jj', 'rose', 'lex'))}"
                    f"{rng.randrange(100, 999)}@example.com"
                )
            row["reporter_contact"] = text
            if voice != "terse" and rng.random() < 0.3:
                frames: tuple[str, ...]
                if "@" in text:
                    frames = OWN_STAFF_EMAIL if voice in STAFF_VOICES else OWN_EMAIL
                else:
                    frames = OWN_STAFF if voice in STAFF_VOICES else OWN
                facts.own = pick(rng, frames).format(n=text)
        elif rng.random() < 0.03 and voice != "terse":
            number = pick(rng, self.population.reporter_numbers)
            text, _, _ = identifiers.write_phone(rng, number, full_share=1.0)
            facts.own = pick(rng, OWN_STAFF if voice in STAFF_VOICES else OWN).format(n=text)
