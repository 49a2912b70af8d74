"""Fictional phone numbers and made-up plates, and the many ways reporters write them.

Every phone number is ``+1 AAA 555 01xx``: the range North American numbering reserves for fiction,
in any area code. Canonical forms follow issue 3: full numbers in E.164, fragments as the digits the
reporter gave (always the end of a number: ``0134`` or ``5550134``), plates uppercase with ``?`` for
an unknown character and ``*`` for an unknown rest, recorded as written (misreads stay misreads).
"""

from __future__ import annotations

import random
import re

from analytics.synth.draw import Weighted, pick

LOCAL_AREA_CODES: tuple[int, ...] = (250, 778, 236, 672)
NEAR_AREA_CODES: tuple[int, ...] = (604, 403, 780, 206, 360, 253, 425, 587, 825, 306, 204, 416)
_OTHER = """
    201 202 203 205 207 208 209 210 212 213 214 215 216 217 218 219 220 223 224 225 226 227
    228 229 231 234 235 239 240 248 249 251 252 254 256 257 260 262 263 267 269 270 272 273
    274 276 279 281 283 289 301 302 303 304 305 307 308 309 310 312 313 314 315 316 317 318
    319 320 321 323 324 325 326 327 329 330 331 332 334 336 337 339 341 343 346 347 350 351
    352 353 354 361 363 364 365 367 368 369 380 382 385 386 401 402 404 405 406 407 408 409
    410 412 413 414 415 417 418 419 423 424 428 430 431 432 434 435 437 438 440 442 443 445
    447 448 450 458 463 464 468 469 470 472 474 475 478 479 480 484 501 502 503 504 505 506
    507 508 509 510 512 513 514 515 516 517 518 519 520 539 540 541 548 551 557 559 561 562
    563 564 567 570 571 572 573 574 575 579 580 581 582 584 585 586 601 602 603 605 606 607
    608 609 610 612 613 614 615 616 617 618 619 620 623 626 628 629 630 631 636 639 640 641
    645 646 647 650 651 656 657 658 659 660 661 662 667 669 670 671 678 680 681 682 683 686
    689 701 702 703 704 705 706 707 708 709 712 713 714 715 716 717 718 719 720 724 725 726
    727 728 730 731 732 734 737 738 740 742 743 747 748 753 754 757 758 760 762 763 765 769
    770 771 772 773 774 775 779 781 782 785 786 801 802 803 804 805 806 807 808 810 812 813
    814 815 816 817 818 819 820 821 826 828 829 830 831 832 835 838 839 840 843 845 847 848
    849 850 854 856 857 858 859 860 862 863 864 865 867 870 872 873 878 879 901 902 903 904
    905 906 907 908 909 910 912 913 914 915 916 917 918 919 920 925 928 929 930 931 934 936
    937 938 939 940 941 942 943 945 947 948 949 951 952 954 956 959 970 971 972 973 975 978
    979 980 983 984 985 986 989
"""
OTHER_AREA_CODES: tuple[int, ...] = tuple(int(code) for code in re.findall(r"\d{3}", _OTHER))


def number_pool(rng: random.Random) -> tuple[list[str], list[str]]:
    """All fictional numbers as E.164, split into (aggressors' pool, reporters' own pool).

    The pools never overlap, so a reporter's own number can never be an aggressor's. Each pool
    lists local area codes first (shuffled within each tier), so the most active aggressors get
    Island numbers.
    """
    aggressors: list[str] = []
    reporters: list[str] = []
    for tier in (LOCAL_AREA_CODES, NEAR_AREA_CODES, OTHER_AREA_CODES):
        numbers = [f"+1{area}55501{line:02d}" for area in tier for line in range(100)]
        rng.shuffle(numbers)
        cut = len(numbers) // 8
        reporters.extend(numbers[:cut])
        aggressors.extend(numbers[cut:])
    return aggressors, reporters


_FULL_FORMATS: tuple[tuple[str, float], ...] = (
    ("{a}-555-{l}", 30),
    ("({a}) 555-{l}", 10),
    ("({a}) 555 {l1} {l2}", 3),
    ("{a}555{l}", 12),
    ("+1 {a} 555 {l}", 4),
    ("{a}.555.{l}", 4),
    ("{a} 555 {l}", 10),
    ("1-{a}-555-{l}", 3),
    ("+1{a}555{l}", 2),
    ("{a}-555{l}", 2),
    ("{a} 555-{l}", 5),
    ("1{a}555{l}", 2),
    ("+1 ({a}) 555-{l}", 1),
    ("{a}/555-{l}", 1),
    ("({a})555-{l}", 2),
)
_FRAGMENT_7: tuple[str, ...] = ("555-{l}", "555{l}", "555 {l}")
_FRAGMENT_4: tuple[str, ...] = (
    "ends in {l}",
    "ending {l}",
    "last 4 {l}",
    "last four digits {l}",
    "# ending in {l}",
    "number ends {l}",
    "...{l}",
)
NO_NUMBER: tuple[str, ...] = (
    "blocked",
    "private number",
    "no caller id",
    "unknown #",
    "blocked #",
    "No Caller ID",
    "private",
)


_FULL_DRAW = Weighted([f for f, _ in _FULL_FORMATS], [w for _, w in _FULL_FORMATS])


def write_phone(rng: random.Random, e164: str, full_share: float = 0.8) -> tuple[str, str, str]:
    """Write a number as a reporter might: returns (text, full number or "", fragment or "")."""
    area, line = e164[2:5], e164[8:]
    roll = rng.random()
    if roll < full_share:
        fmt = _FULL_DRAW(rng)
        text = fmt.format(a=area, l=line, l1=line[:2], l2=line[2:], l3=line[1:])
        return text, e164, ""
    if roll < full_share + (1 - full_share) * 0.5:
        return pick(rng, _FRAGMENT_7).format(l=line), "", "555" + line
    return pick(rng, _FRAGMENT_4).format(l=line), "", line


_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ" + "ABCDEFGHIJKLMNOPRSTUVWXYZ"
_MISREADS: dict[str, str] = {
    "O": "0",
    "0": "O",
    "B": "8",
    "8": "B",
    "I": "1",
    "1": "I",
    "S": "5",
    "5": "S",
    "Z": "2",
    "2": "Z",
    "G": "6",
    "6": "G",
    "D": "0",
    "E": "F",
    "M": "N",
    "N": "M",
    "V": "Y",
    "K": "X",
}


def make_plate(rng: random.Random) -> str:
    """A made-up plate, canonical (no spaces), in a BC or neighbouring style."""
    letters = _LETTERS
    style = rng.random()
    if style < 0.45:
        return (
            pick(rng, letters)
            + pick(rng, letters)
            + str(rng.randrange(10))
            + str(rng.randrange(10))
            + str(rng.randrange(10))
            + pick(rng, letters)
        )
    if style < 0.7:
        return "".join(pick(rng, letters) for _ in range(3)) + f"{rng.randrange(1000):03d}"
    if style < 0.88:
        return f"{rng.randrange(100, 1000)}" + "".join(pick(rng, letters) for _ in range(3))
    if style < 0.95:
        return "".join(pick(rng, letters) for _ in range(3)) + f"{rng.randrange(10000):04d}"
    return "".join(pick(rng, letters) for _ in range(3)) + f"{rng.randrange(10000):04d}"


def _spaced(plate: str, rng: random.Random) -> str:
    if len(plate) != 6:
        return plate if rng.random() < 0.5 else plate[:3] + "-" + plate[3:]
    sep = pick(rng, (" ", " ", "", "-", " "))
    return plate[:3] + sep + plate[3:]


def _case(text: str, rng: random.Random) -> str:
    return text.lower() if rng.random() < 0.2 else text


NO_NUMBER_SAID: tuple[str, ...] = (
    "his number was blocked",
    "he called from a private number",
    "no caller id",
    "he texted from some app so no number",
    "wouldn't give his number",
)

_PLATE_NONE: tuple[str, ...] = (
    "didn't get the plate",
    "no plate",
    "couldn't see plate",
    "BC plates",
    "out of province plates",
    "Alberta plates",
    "plate covered",
    "didnt get plate #",
    "no front plate",
)


def write_plate(rng: random.Random, plate: str) -> tuple[str, list[str]]:
    """Write a plate as a reporter might: returns (text, canonical readings)."""
    roll = rng.random()
    if roll < 0.12:
        read = list(plate)
        spot = rng.randrange(len(read))
        read[spot] = _MISREADS.get(read[spot], read[spot])
        plate = "".join(read)
        roll = rng.random()
    if roll < 0.42:
        return _case(_spaced(plate, rng), rng), [plate]
    if roll < 0.56:
        head = plate[:3]
        text = pick(
            rng,
            (
                "starts with {h}",
                "{h} something",
                "first part {h}",
                "{h}...",
                "starts {h}",
                "begins with {h}",
                "{h} (didn't get the rest)",
            ),
        ).format(h=head)
        return _case(text, rng), [head + "*"]
    if roll < 0.64:
        tail = plate[-3:]
        text = pick(rng, ("ends in {t}", "last part {t}", "...{t}", "ending {t}")).format(t=tail)
        return _case(text, rng), ["*" + tail]
    if roll < 0.80:
        read = list(plate)
        unknown = rng.randint(1, min(3, len(read) - 2))
        start = pick(rng, (len(read) - unknown, rng.randrange(1, len(read) - unknown + 1)))
        for spot in range(start, start + unknown):
            read[spot] = "?"
        canon = "".join(read)
        return _case(_spaced(canon, rng), rng), [canon]
    if roll < 0.86:
        other = list(plate)
        spot = rng.randrange(len(other))
        other[spot] = _MISREADS.get(other[spot], str(rng.randrange(10)))
        second = "".join(other)
        if second == plate:
            return _spaced(plate, rng), [plate]
        text = f"{_spaced(plate, rng)} or {_spaced(second, rng)}"
        return _case(text, rng), [plate, second]
    return pick(rng, _PLATE_NONE), []
