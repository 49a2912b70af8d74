"""An aggressor's looks and vehicle as one reporter perceived and wrote them, with the truth."""

from __future__ import annotations

import random

from analytics.synth import people, vehicles
from analytics.synth.aggressors import Aggressor, Vehicle
from analytics.synth.draw import pick

_BEARD_COLOURS: dict[str, tuple[str, ...]] = {
    "grey": ("grey", "gray", "gry"),
    "brown": ("brown", "brn"),
    "black": ("black", "blk"),
    "red": ("red", "ginger"),
    "white": ("white",),
    "blonde": ("blond", "blonde"),
}
_ADJECTIVES = frozenset({"older", "newer", "beat up", "clean", "rental"})


def describe_vehicle(rng: random.Random, car: Vehicle, truth: dict[str, str]) -> str:
    """Text for a vehicle; fills ``vehicle_colour/make/model/body`` in ``truth``."""
    model = car.model
    colour = car.colour
    if rng.random() < 0.08:
        colour = vehicles.CONFUSED_COLOUR.get(colour, colour)
    c = pick(rng, vehicles.COLOUR_FORMS[colour])
    mk = pick(rng, model.make_forms)
    md = pick(rng, model.model_forms)
    b = pick(rng, vehicles.BODY_FORMS[model.body])
    roll = rng.random()
    if roll < 0.55 and model.model in vehicles.MODEL_NEEDS_MAKE:
        roll = 0.1
    said = {"colour": False, "make": False, "model": False, "body": False}
    if roll < 0.25:
        text, said["colour"], said["make"], said["model"] = f"{c} {mk} {md}", True, True, True
    elif roll < 0.45:
        text, said["colour"], said["make"], said["model"] = f"{c} {md}", True, True, True
    elif roll < 0.5 and model.model not in vehicles.ORDINARY_WORD_MODELS:
        text, said["make"], said["model"] = md, True, True
    elif roll < 0.5:
        text, said["make"], said["model"] = f"{mk} {md}", True, True
    elif roll < 0.6:
        text, said["colour"], said["make"], said["body"] = f"{c} {mk} {b}", True, True, True
    elif roll < 0.75:
        text, said["colour"], said["body"] = f"{c} {b}", True, True
    elif roll < 0.8:
        text, said["body"] = f"{pick(rng, ('older', 'newer', 'some kind of', 'a'))} {b}", True
    elif roll < 0.86:
        text, said["colour"], said["make"], said["model"] = f"{mk} {md} ({c})", True, True, True
    elif roll < 0.89:
        text, said["make"] = f"some kind of {mk}", True
    elif roll < 0.95:
        text = f"{c} {mk} {md} {b}"
        said = {"colour": True, "make": True, "model": True, "body": True}
    else:
        text, said["colour"] = f"{c} car", True
    if said["model"]:
        said["body"] = said["make"] = True
    if car.extra and rng.random() < 0.6:
        text = f"{car.extra} {text}" if car.extra in _ADJECTIVES else f"{text} {car.extra}"
    if said["colour"]:
        truth["vehicle_colour"] = colour
    if said["make"]:
        truth["vehicle_make"] = model.make
    if said["model"]:
        truth["vehicle_model"] = model.model
    if said["body"]:
        truth["vehicle_body"] = model.body
    return text


def _hair(rng: random.Random, a: Aggressor, truth: dict[str, str]) -> str:
    if a.hair_style in people.BALD_FORMS:
        truth["hair"] = a.hair_style
        return pick(rng, people.BALD_FORMS[a.hair_style])
    colour = pick(rng, people.HAIR_COLOUR_FORMS[a.hair_colour]) if a.hair_colour else ""
    style = pick(rng, people.HAIR_STYLES[a.hair_style]) if a.hair_style else ""
    if style and rng.random() < 0.3:
        colour = ""
    if colour and style:
        if style.startswith("in a"):
            text = f"{colour} hair {style}"
        elif a.hair_style in ("ponytail", "mullet", "buzz cut"):
            text = f"{colour} {style}"
        else:
            text = f"{style} {colour} hair"
    elif style.startswith("in a"):
        text = "hair " + style
    elif style:
        text = (
            style
            if style in ("ponytail", "pony tail", "mullet", "buzz cut", "buzzed")
            else f"{style} hair"
        )
    else:
        text = f"{colour} hair"
    truth["hair"] = " ".join(
        v for v in (a.hair_colour if colour else "", a.hair_style if style else "") if v
    )
    return text


def describe_person(rng: random.Random, a: Aggressor, terse: bool, truth: dict[str, str]) -> str:
    """Text describing the aggressor's looks; fills the person columns of ``truth``."""
    parts: list[str] = []
    female = a.sex == "female"
    if rng.random() < 0.68 or female:
        noun = pick(rng, people.FEMALE_NOUNS if female else people.MALE_NOUNS)
        if rng.random() < 0.85:
            adjectives, letter = people.SKINS[a.skin][1], people.SKINS[a.skin][2]
            if a.skin in people.BROWN_SKINS and rng.random() < 0.2:
                adjective, skin = pick(rng, ("brown", "brown skinned")), "brown"
            else:
                adjective, skin = pick(rng, adjectives), a.skin
            truth["skin_or_ethnicity"] = skin
            if terse and letter and skin != "brown" and rng.random() < 0.6:
                parts.append(letter + ("F" if female else "M"))
            else:
                parts.append(f"{adjective} {noun}")
        else:
            parts.append(pick(rng, ("big ", "", "", "")) + noun)
        truth["aggressor_sex"] = a.sex
    if rng.random() < 0.6:
        text, low, high = people.write_age(rng, max(20, a.age + int(rng.gauss(0, 3.5))))
        parts.append(text.replace("his", "her") if female else text)
        truth["age_low"], truth["age_high"] = low, high
    if rng.random() < 0.35:
        text, low, high = people.write_height(rng, a.height_cm + int(rng.gauss(0, 3)))
        parts.append(text)
        truth["height_cm_low"], truth["height_cm_high"] = low, high
    if rng.random() < 0.45:
        build = a.build if rng.random() > 0.1 else pick(rng, list(people.BUILD_FORMS))
        parts.append(pick(rng, people.BUILD_FORMS[build]))
        truth["build"] = build
    if (a.hair_colour or a.hair_style) and rng.random() < 0.35:
        parts.append(_hair(rng, a, truth))
    if a.facial_hair and rng.random() < 0.5:
        form = pick(rng, people.FACIAL_HAIR_FORMS[a.facial_hair])
        truth["facial_hair"] = a.facial_hair
        if (
            a.hair_colour in _BEARD_COLOURS
            and a.facial_hair not in ("clean-shaven", "stubble")
            and rng.random() < 0.3
        ):
            form = f"{pick(rng, _BEARD_COLOURS[a.hair_colour])} {form}"
            truth["facial_hair"] = f"{a.hair_colour} {a.facial_hair}"
        parts.append(form)
    marks: list[str] = []
    for mark in a.marks:
        if rng.random() < 0.45:
            form, canonical = pick(rng, people.MARKS[mark][1])
            if terse:
                form = form.replace("on his ", "").replace("his ", "")
            parts.append(form.replace("his", "her") if female else form)
            marks.append(canonical)
    if marks:
        truth["marks"] = ";".join(dict.fromkeys(marks))
    if a.glasses and rng.random() < 0.4:
        parts.append(pick(rng, people.GLASSES_FORMS))
        truth["glasses"] = "yes"
    if a.clothes and rng.random() < 0.3:
        parts.append(a.clothes)
    if not parts:
        return ""
    return (" " if terse and rng.random() < 0.5 else ", ").join(parts)
