"""Synthetic bad date reports that read like the real thing, with the truth behind each one.

``generate(n_reports, seed)`` returns ``(reports, truth)``: ``reports`` has exactly the intake
columns (``analytics.intake.INTAKE_COLUMNS``), written by many voices (outreach-van notes, online
submissions, staff shorthand, emails, third-party reports) with typos, partial and misread plates,
phones in many formats and structured columns often left blank; ``truth`` has, for each report row
(joined on ``row_number``, 1-based, or on ``report_id`` where it is not blank), the ``aggressor_id``
and the values of ``analytics.features.FEATURE_COLUMNS`` that a perfect reader would extract from
that row, plus ``true_plate`` (the plate really on the car). Where the row does not say something,
its truth is blank. Conventions for each field are in the docstrings of ``identifiers``
(phones, plates), ``people`` (description), ``vehicles``, ``places`` and ``when``.

Place truth is where the harm happened: the drop-off when a pick-up and a drop-off are both named,
the pick-up when it is the only place. ``neighbourhood`` is a City of Victoria neighbourhood, or
the municipality's name elsewhere in Greater Victoria; a long road gives no neighbourhood. A
reporter's own number never appears in truth ``phones``: reporters and aggressors draw from
disjoint parts of the fictional range. There
are only about 36,000 fictional numbers (555-0100..0199 in every area code), so past roughly
50,000 phone-owning aggressors (about 200,000 reports) numbers start to be shared.

``iter_blocks`` yields the same rows block by block (so a million rows need not sit in memory at
once), and ``Synthesiser`` renders any block on demand (so several processes can share the work);
the rows depend only on ``n_reports`` and ``seed``, never on how they are read.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pandas as pd

from analytics.intake import INTAKE_COLUMNS
from analytics.synth.aggressors import build_population
from analytics.synth.render import TRUTH_COLUMNS, Renderer

__all__ = ["BLOCK_SIZE", "TRUTH_COLUMNS", "Synthesiser", "generate", "iter_blocks"]

BLOCK_SIZE = 1000
"""Rows rendered from one random stream; fixed, so output never depends on how it is read."""

Rows = list[tuple[str, ...]]


class Synthesiser:
    """The population for ``n_reports`` reports, planned once; renders any block of rows on demand.

    Blocks are independent (each has its own random stream), so they may be rendered in any
    order or in several processes and still join into the same rows.
    """

    def __init__(self, n_reports: int, seed: int = 1) -> None:
        if n_reports < 1:
            raise ValueError(f"n_reports must be 1 or more, found {n_reports}")
        self.n_reports = n_reports
        self.seed = seed
        self._renderer = Renderer(build_population(n_reports, seed))

    @property
    def block_starts(self) -> range:
        return range(0, self.n_reports, BLOCK_SIZE)

    def block(self, start: int) -> tuple[Rows, Rows]:
        """(report rows, truth rows) of the block beginning at row index ``start``."""
        if start % BLOCK_SIZE or not 0 <= start < self.n_reports:
            raise ValueError(
                f"a block starts at a multiple of {BLOCK_SIZE} below "
                f"{self.n_reports}, found {start}"
            )
        rng = random.Random(f"{self.seed}:{start}")
        reports: Rows = []
        truth: Rows = []
        for i in range(start, min(start + BLOCK_SIZE, self.n_reports)):
            report, known = self._renderer.render(i, rng)
            reports.append(report)
            truth.append(known)
        return reports, truth


def iter_blocks(n_reports: int, seed: int = 1) -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
    """Yield ``(reports, truth)`` frames of up to ``BLOCK_SIZE`` rows, in row order."""
    if n_reports < 0:
        raise ValueError(f"n_reports must be 0 or more, found {n_reports}")
    if n_reports == 0:
        return
    synthesiser = Synthesiser(n_reports, seed)
    for start in synthesiser.block_starts:
        reports, truth = synthesiser.block(start)
        yield (
            pd.DataFrame(reports, columns=list(INTAKE_COLUMNS), dtype=object),
            pd.DataFrame(truth, columns=list(TRUTH_COLUMNS), dtype=object),
        )


def generate(n_reports: int, seed: int = 1) -> tuple[pd.DataFrame, pd.DataFrame]:
    """All ``n_reports`` synthetic reports and their truth, as two frames of text."""
    blocks = list(iter_blocks(n_reports, seed))
    if not blocks:
        return (
            pd.DataFrame(columns=list(INTAKE_COLUMNS), dtype=object),
            pd.DataFrame(columns=list(TRUTH_COLUMNS), dtype=object),
        )
    return (
        pd.concat([b[0] for b in blocks], ignore_index=True),
        pd.concat([b[1] for b in blocks], ignore_index=True),
    )
