"""Turn the hand-written report blocks in ``source/`` into the labelled CSV files, and check them.

Usage: ``.venv/bin/python benchmarks/handwritten/build.py SET`` (dev, eval, dev2 … dev14, eval3).

The later authors' sets (``dev2``, ``eval2``, ``dev3``, ``dev4``, ``eval3``: report ids ``D2-``/
``E2-``/``D3-``/``D4-``/``E3-``, aggressors ``B``/``F``/``C``/``G``/``H``) get two more checks:
aggressor ids carry their set's prefix, and no phone, plate or handle turns up in another set this
script may read for them (all but the first author's eval). Harm labels follow the one
convention in README.md ("One harm convention").
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import pandas as pd

from analytics.intake import INTAKE_COLUMNS
from analytics.vocabulary import (
    CITY_OF_VICTORIA_NEIGHBOURHOODS,
    HARM_TYPES,
    JURISDICTIONS,
    VEHICLE_COLOURS,
)

HERE = Path(__file__).parent
KEYS = {
    "date": "incident_date",
    "time": "incident_time",
    "sector": "sector",
    "loc": "location",
    "what": "what_happened",
    "types": "incident_types",
    "desc": "aggressor_description",
    "name": "aggressor_name",
    "phone": "aggressor_phone",
    "contact": "aggressor_contact",
    "veh": "vehicle",
    "vehicle": "vehicle",
    "incident_types": "incident_types",
    "plate": "plate",
    "gender": "reporter_gender",
    "rc": "reporter_contact",
}
TRUTH_COLUMNS = (
    "report_id",
    "aggressor_id",
    "phones",
    "phone_fragments",
    "plate",
    "vehicle_colour",
    "vehicle_make",
    "vehicle_model",
    "vehicle_body",
    "incident_types",
    "neighbourhood",
    "jurisdiction",
    "names",
    "handles",
)
MUNICIPALITIES = (
    "Esquimalt",
    "Saanich",
    "Oak Bay",
    "View Royal",
    "Langford",
    "Colwood",
    "Metchosin",
    "Highlands",
    "Central Saanich",
    "North Saanich",
    "Sidney",
    "Sooke",
    "Nanaimo",
    "Duncan",
    "Vancouver",
    "Ladysmith",
    "Mill Bay",
    "Shawnigan Lake",
    "Port Alberni",
    "Courtenay",
)
BODIES = (
    "sedan",
    "pickup",
    "minivan",
    "SUV",
    "van",
    "hatchback",
    "coupe",
    "wagon",
    "convertible",
    "motorcycle",
)
# 672 is a real BC area code (an overlay since 2019); the later sets use it because the 555-01xx
# numbers of the four older codes are nearly all taken. 403, 780, 587 and 825 (Alberta) are for
# the men passing through with an out-of-province number, as reporters here often mention;
# 306 and 639 (Saskatchewan), 204 and 431 (Manitoba), 867 (the territories) for the later
# writers' men from further away; 416 and 647 (Toronto), 902 (Nova Scotia) and 506 (New
# Brunswick) for the twelfth session's writers, when the others' 555-01xx numbers ran short.
# 418, 581, 705 and 873 (Quebec and Ontario) for dev67 and dev68; 289, 905, 807 and 548
# (Ontario) for dev69 and dev70.
AREA_CODES = (
    "250",
    "778",
    "236",
    "604",
    "672",
    "403",
    "780",
    "587",
    "825",
    "306",
    "639",
    "204",
    "431",
    "867",
    "416",
    "647",
    "902",
    "506",
    "709",
    "613",
    "819",
    "519",
    "438",
    "514",
    "365",
    "226",
    "343",
    "249",
    "418",
    "581",
    "705",
    "873",
    "289",
    "905",
    "807",
    "548",
)
PHONE_TRUTH = re.compile(r"^\+1(" + "|".join(AREA_CODES) + r")55501\d\d$")
PHONE_IN_TEXT = re.compile(
    r"(?<![\d])(?:\+?1[ .-]?)?\(?(\d{3})\)?[ .-]*(\d)[ .-]*(\d)[ .-]*(\d)[ .-]*(\d)[ .-]*(\d)"
    r"[ .-]*(\d)[ .-]*(\d)(?![\d])"
)
SEVEN_IN_TEXT = re.compile(r"(?<![\d\s.-])(\d{3})[\s.-]?(\d{4})(?![\d])")
SPELLED_DIGIT = r"\b(zero|oh|one|two|three|four|five|six|seven|eight|nine)\b"
PLATE_TRUTH = re.compile(r"^\*?[A-Z0-9?]+\*?$")


def parse_blocks(text: str, source: str) -> list[tuple[dict[str, str], dict[str, str]]]:
    rows: list[tuple[dict[str, str], dict[str, str]]] = []
    report: dict[str, str] | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        where = f"{source}:{number}"
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@"):
            if report is not None:
                raise SystemExit(f"{where}: new block before the truth line of the previous one")
            parts = [p.strip() for p in line[1:].split("|")]
            if len(parts) != 3:
                raise SystemExit(f"{where}: header needs 'AGG | received | channel': {line!r}")
            report = {
                "_agg": parts[0],
                "received_at": parts[1],
                "channel": parts[2],
                "_where": where,
            }
        elif line.startswith("="):
            if report is None:
                raise SystemExit(f"{where}: truth line without a block")
            fields = [f.strip() for f in line[1:].split("|")]
            if len(fields) != 12:
                raise SystemExit(f"{where}: truth needs 12 fields, found {len(fields)}")
            truth = dict(zip(TRUTH_COLUMNS[2:], fields, strict=True))
            truth["aggressor_id"] = report["_agg"]
            rows.append((report, truth))
            report = None
        else:
            if report is None:
                raise SystemExit(f"{where}: text outside a block: {line!r}")
            key, sep, value = line.partition(":")
            if not sep or key.strip() not in KEYS and key.strip() != "consent":
                raise SystemExit(f"{where}: unknown key in {line!r}")
            value = value.strip().replace("\\n", "\n").replace("\\t", "\t")
            if key.strip() == "consent":
                flags = value.split()
                report["consent_contact"], report["consent_police"], report["wants_statement"] = (
                    flags + ["", "", ""]
                )[:3]
                report.update(
                    {
                        k: ("" if v == "-" else v)
                        for k, v in report.items()
                        if k in ("consent_contact", "consent_police", "wants_statement")
                    }
                )
            else:
                report[KEYS[key.strip()]] = value
    if report is not None:
        raise SystemExit(f"{source}: last block has no truth line")
    return rows


def canonical_list(value: str, lower: bool = False, sort: bool = True) -> str:
    items = [i.strip() for i in value.split(";") if i.strip()]
    if lower:
        items = [i.lower() for i in items]
    return ";".join(sorted(set(items)) if sort else items)


def check(rows: list[tuple[dict[str, str], dict[str, str]]]) -> list[str]:
    problems: list[str] = []
    places = set(CITY_OF_VICTORIA_NEIGHBOURHOODS) | set(MUNICIPALITIES)
    phone_owner: dict[str, str] = {}
    reporter_phones: set[str] = set()
    for report, truth in rows:
        where = report["_where"]
        for phone in truth["phones"].split(";") if truth["phones"] else []:
            if not PHONE_TRUTH.match(phone):
                problems.append(
                    f"{where}: truth phone {phone!r} not +1({'|'.join(AREA_CODES)})55501xx"
                )
            owner = phone_owner.setdefault(phone, truth["aggressor_id"])
            if owner != truth["aggressor_id"]:
                problems.append(f"{where}: phone {phone} also belongs to {owner}")
        for frag in truth["phone_fragments"].split(";") if truth["phone_fragments"] else []:
            if not frag.isdigit():
                problems.append(f"{where}: fragment {frag!r} not digits")
        if truth["plate"]:
            for plate in truth["plate"].split(";"):
                if not PLATE_TRUTH.match(plate):
                    problems.append(f"{where}: plate {plate!r} not canonical")
        if truth["vehicle_colour"] and truth["vehicle_colour"] not in VEHICLE_COLOURS:
            problems.append(f"{where}: colour {truth['vehicle_colour']!r}")
        if truth["vehicle_body"] and truth["vehicle_body"] not in BODIES:
            problems.append(f"{where}: body {truth['vehicle_body']!r}")
        types = truth["incident_types"].split(";") if truth["incident_types"] else []
        if not types:
            problems.append(f"{where}: no incident type")
        for code in types:
            if code not in HARM_TYPES:
                problems.append(f"{where}: harm type {code!r}")
        if truth["neighbourhood"] and truth["neighbourhood"] not in places:
            problems.append(f"{where}: place {truth['neighbourhood']!r}")
        if truth["jurisdiction"] and truth["jurisdiction"] not in JURISDICTIONS:
            problems.append(f"{where}: jurisdiction {truth['jurisdiction']!r}")
        if truth["neighbourhood"] and not truth["jurisdiction"]:
            problems.append(f"{where}: place without jurisdiction")
        text = "\n".join(report.get(c, "") for c in INTAKE_COLUMNS if c != "reporter_contact")
        text = re.sub(r"(?<=\d)[oO](?=\d)", "0", text)
        digits = re.sub(r"\D", "", text)
        for phone in truth["phones"].split(";") if truth["phones"] else []:
            spelled = re.search(SPELLED_DIGIT, text, re.IGNORECASE)
            if phone[2:] not in digits and phone[5:] not in digits and not spelled:
                problems.append(f"{where}: truth phone {phone} not found in the text (spelled?)")
        cells = [report.get(c, "") for c in INTAKE_COLUMNS if c not in ("received_at",)]
        for match in (m for cell in cells for m in PHONE_IN_TEXT.finditer(cell)):
            area, local = match.group(1), "".join(match.groups()[1:])
            if area not in AREA_CODES or not local.startswith("55501"):
                problems.append(f"{where}: phone-like {match.group(0)!r} breaks the 555-01xx rule")
        for match in (m for cell in cells for m in SEVEN_IN_TEXT.finditer(cell)):
            if match.group(1) == "555" and not match.group(2).startswith("01"):
                problems.append(f"{where}: 7-digit {match.group(0)!r} breaks the 555-01xx rule")
        for match in PHONE_IN_TEXT.finditer(report.get("reporter_contact", "")):
            reporter_phones.add("+1" + "".join(match.groups()))
    for phone in reporter_phones & set(phone_owner):
        problems.append(f"reporter contact {phone} is also an aggressor phone")
    return problems


def identifiers(truth: dict[str, str]) -> set[str]:
    found: set[str] = set()
    for column in ("phones", "handles"):
        found |= {i.strip().lower() for i in truth[column].split(";") if i.strip()}
    found |= {p for p in truth["plate"].split(";") if p and "?" not in p and "*" not in p}
    return found


def cross_set_clashes(name: str, rows: list[tuple[dict[str, str], dict[str, str]]]) -> list[str]:
    mine = set().union(*(identifiers(truth) for _, truth in rows))
    clashes: list[str] = []
    others = sorted(path.name.removesuffix("_truth.csv") for path in HERE.glob("*_truth.csv"))
    for other in (other for other in others if other != "eval"):
        path = HERE / f"{other}_truth.csv"
        if other == name or not path.exists():
            continue
        theirs = pd.read_csv(path, dtype=str, keep_default_na=False)
        shared = mine & set().union(*(identifiers(t) for t in theirs.to_dict("records")))
        clashes.extend(f"{name}: {value} is also in {other}" for value in sorted(shared))
    return clashes


def build(name: str) -> None:
    sources = sorted((HERE / "source").glob(f"{name}_*.txt"))
    rows: list[tuple[dict[str, str], dict[str, str]]] = []
    for path in sources:
        rows.extend(parse_blocks(path.read_text(encoding="utf-8"), path.name))
    problems = check(rows)
    rows.sort(key=lambda pair: (pair[0]["received_at"], pair[0]["_where"]))
    prefix = {
        "dev": "HD",
        "eval": "HE",
        "dev2": "D2",
        "eval2": "E2",
        "dev3": "D3",
        "dev4": "D4",
        "eval3": "E3",
        "dev5": "D5",
        "dev6": "D6",
        "dev7": "D7",
        "dev8": "D8",
        "dev9": "D9",
        "dev10": "D10",
        "dev11": "D11",
        "dev12": "D12",
        "dev13": "D13",
        "dev14": "D14",
        "dev15": "D15",
        "dev16": "D16",
        "dev17": "D17",
        "dev18": "D18",
        "dev19": "D19",
        "dev20": "D20",
        "dev21": "D21",
        "dev22": "D22",
        "dev23": "D23",
        "dev24": "D24",
        "dev25": "D25",
        "dev26": "D26",
        "dev27": "D27",
        "dev28": "D28",
        "dev29": "D29",
        "dev30": "D30",
        "dev31": "D31",
        "dev32": "D32",
        "dev33": "D33",
        "dev34": "D34",
        "dev35": "D35",
        "dev36": "D36",
        "dev37": "D37",
        "dev38": "D38",
        "dev39": "D39",
        "dev40": "D40",
        "dev41": "D41",
        "dev42": "D42",
        "dev43": "D43",
        "dev44": "D44",
        "dev45": "D45",
        "dev46": "D46",
        "dev47": "D47",
        "dev48": "D48",
        "dev49": "D49",
        "dev50": "D50",
        "dev51": "D51",
        "dev52": "D52",
        "dev53": "D53",
        "dev54": "D54",
        "dev55": "D55",
        "dev56": "D56",
        "dev57": "D57",
        "dev58": "D58",
        "dev59": "D59",
        "dev60": "D60",
        "dev61": "D61",
        "dev62": "D62",
        "dev63": "D63",
        "dev64": "D64",
        "dev65": "D65",
        "dev66": "D66",
        "dev67": "D67",
        "dev68": "D68",
        "dev69": "D69",
        "dev70": "D70",
    }[name]
    agg_prefix = {
        "dev2": "B",
        "eval2": "F",
        "dev3": "C",
        "dev4": "G",
        "eval3": "H",
        "dev5": "J",
        "dev6": "K",
        "dev7": "L",
        "dev8": "M",
        "dev9": "N",
        "dev10": "P",
        "dev11": "Q",
        "dev12": "R",
        "dev13": "S",
        "dev14": "T",
        "dev15": "U",
        "dev16": "V",
        "dev17": "W",
        "dev18": "X",
        "dev19": "Y",
        "dev20": "Z",
        "dev21": "A",
        "dev22": "I",
        "dev23": "AB",
        "dev24": "AC",
        "dev25": "AD",
        "dev26": "AE",
        "dev27": "AF",
        "dev28": "AG",
        "dev29": "AH",
        "dev30": "AI",
        "dev31": "AJ",
        "dev32": "AK",
        "dev33": "AL",
        "dev34": "AM",
        "dev35": "AN",
        "dev36": "AO",
        "dev37": "AP",
        "dev38": "AQ",
        "dev39": "AR",
        "dev40": "AS",
        "dev41": "AT",
        "dev42": "AU",
        "dev43": "AV",
        "dev44": "AW",
        "dev45": "AX",
        "dev46": "AY",
        "dev47": "AZ",
        "dev48": "BA",
        "dev49": "BB",
        "dev50": "BC",
        "dev51": "BD",
        "dev52": "BE",
        "dev53": "BF",
        "dev54": "BG",
        "dev55": "BH",
        "dev56": "BJ",
        "dev57": "BK",
        "dev58": "BL",
        "dev59": "BM",
        "dev60": "BN",
        "dev61": "BP",
        "dev62": "BQ",
        "dev63": "BR",
        "dev64": "BS",
        "dev65": "BT",
        "dev66": "BU",
        "dev67": "BV",
        "dev68": "BW",
        "dev69": "BX",
        "dev70": "BY",
    }.get(name)
    if agg_prefix:
        for report, truth in rows:
            if not re.fullmatch(agg_prefix + r"\d{2,3}", truth["aggressor_id"]):
                problems.append(f"{report['_where']}: aggressor id {truth['aggressor_id']!r}")
        problems.extend(cross_set_clashes(name, rows))
    reports, truths = [], []
    for index, (report, truth) in enumerate(rows, start=1):
        report_id = f"{prefix}-{index:04d}"
        reports.append(
            {c: (report_id if c == "report_id" else report.get(c, "")) for c in INTAKE_COLUMNS}
        )
        truth = dict(truth, report_id=report_id)
        truth["incident_types"] = canonical_list(truth["incident_types"])
        for column in ("phones", "phone_fragments", "plate"):
            truth[column] = canonical_list(truth[column])
        for column in ("names", "handles"):
            truth[column] = canonical_list(truth[column], lower=True)
        truths.append({c: truth[c] for c in TRUTH_COLUMNS})
    for problem in problems:
        print(problem)
    with open(HERE / f"{name}_reports.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=INTAKE_COLUMNS, quoting=csv.QUOTE_MINIMAL)
        writer.writeheader()
        writer.writerows(reports)
    with open(HERE / f"{name}_truth.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=TRUTH_COLUMNS, quoting=csv.QUOTE_MINIMAL)
        writer.writeheader()
        writer.writerows(truths)
    verify(name)
    if problems:
        raise SystemExit(f"{len(problems)} problem(s)")


def verify(name: str) -> None:
    reports = pd.read_csv(HERE / f"{name}_reports.csv", dtype=str, keep_default_na=False)
    truth = pd.read_csv(HERE / f"{name}_truth.csv", dtype=str, keep_default_na=False)
    assert tuple(reports.columns) == INTAKE_COLUMNS
    assert reports["report_id"].is_unique and truth["report_id"].is_unique
    joined = reports.merge(truth, on="report_id", how="outer", validate="1:1", indicator=True)
    assert (joined["_merge"] == "both").all()
    sizes = truth.groupby("aggressor_id").size()
    print(
        f"{name}: {len(reports)} reports, {sizes.size} aggressors; reports per aggressor:",
        dict(sorted(sizes.value_counts().items())),
    )
    for column in TRUTH_COLUMNS[2:]:
        print(f"  {column:16s} filled {(truth[column] != '').mean():.2f}")


if __name__ == "__main__":
    build(sys.argv[1])
