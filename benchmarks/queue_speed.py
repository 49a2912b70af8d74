"""How long the liaison's queue takes to score N reports (default 100,000), in memory and from a
SQLite store: computed on demand, by the score stage, and read back from ``aggressor_scores``
(whole, the top 50 for VicPD, and the first read after a status change). Synthetic features
only: random harms, dates, channels, places, consents; a third of the reports in aggressor
profiles of 2-8 reports, the rest lone reports.

    .venv/bin/python benchmarks/queue_speed.py [N]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta

import pandas as pd
from sqlalchemy import insert

from analytics.features import FEATURE_COLUMNS
from analytics.priority import default_weights, score_queue
from analytics.vocabulary import CHANNELS, HARM_TYPES, JURISDICTIONS
from pipelines.liaison import compute_queue, queue, set_status
from pipelines.settings import load_settings
from pipelines.stages.score import run_score_stage
from pipelines.storage.database import connect, upgrade
from pipelines.storage.tables import aggressor_members, features, ingest_runs, raw_reports


def synthetic(n: int, seed: int = 7) -> pd.DataFrame:
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    rows = []
    aggressor = 0
    i = 0
    while i < n:
        size = rng.randint(2, 8) if rng.random() < 0.1 else 1
        aggressor_id = f"A{aggressor:06d}" if size > 1 else ""
        aggressor += size > 1
        for _ in range(min(size, n - i)):
            row = dict.fromkeys(FEATURE_COLUMNS, "")
            row.update(
                report_id=f"r{i:07d}",
                incident_date=(start + timedelta(days=rng.randint(0, 840))).isoformat(),
                incident_types=";".join(rng.sample(HARM_TYPES, rng.randint(1, 2))),
                channel=rng.choice(CHANNELS),
                jurisdiction=rng.choice(JURISDICTIONS),
                plate=rng.choice(["", "", "BV421K", "KT8*"]),
                phones=rng.choice(["", "", "+12505550134"]),
                consent_police=rng.choice(["", "", "", "yes"]),
                wants_statement=rng.choice(["", "", "", "", "yes"]),
            )
            row["aggressor_id"] = aggressor_id
            rows.append(row)
            i += 1
    return pd.DataFrame(rows)


def main(n: int) -> None:
    frame = synthetic(n)
    today = date(2026, 4, 30)
    started, cpu = time.perf_counter(), time.process_time()
    table = score_queue(frame, default_weights(), today)
    print(
        f"score_queue, in memory: {n} reports, {len(table)} profiles: "
        f"{time.perf_counter() - started:.2f} s wall, {time.process_time() - cpu:.2f} s CPU"
    )
    with tempfile.TemporaryDirectory() as folder:
        settings = load_settings({"BDARS_DATA_DIR": folder})
        engine = connect(settings)
        upgrade(engine)
        now = datetime.now(UTC)
        with engine.begin() as connection:
            run = connection.execute(
                insert(ingest_runs).values(started_at=now, files="bench", user_name="bench")
            ).inserted_primary_key[0]
            connection.execute(
                insert(raw_reports),
                [
                    {
                        "report_id": r,
                        "content_hash": "0" * 64,
                        "raw_json": "{}",
                        "source_file": "b",
                        "source_row": k,
                        "ingest_run_id": run,
                        "ingested_at": now,
                    }
                    for k, r in enumerate(frame["report_id"])
                ],
            )
            connection.execute(
                insert(features),
                [
                    {**{c: row[c] for c in FEATURE_COLUMNS}, "normaliser_version": "bench"}
                    for row in frame.to_dict("records")
                ],
            )
            connection.execute(
                insert(aggressor_members),
                [
                    {"report_id": r, "aggressor_id": a, "linked_at": now}
                    for r, a in zip(frame["report_id"], frame["aggressor_id"], strict=True)
                    if a
                ],
            )

        def timed(label: str, call):  # type: ignore[no-untyped-def]
            started, cpu = time.perf_counter(), time.process_time()
            result = call()
            print(
                f"{label}: {time.perf_counter() - started:.2f} s wall, "
                f"{time.process_time() - cpu:.2f} s CPU"
            )
            return result

        table, _ = timed(
            "on demand (compute_queue, the old queue) from SQLite",
            lambda: compute_queue(engine, default_weights(), today),
        )
        print(f"  {len(table)} profiles")
        timed("score stage (run_score_stage)", lambda: run_score_stage(engine, "bench", today))
        stored = timed("queue() reading the stored scores, all", lambda: queue(engine, today=today))
        print(
            f"  {len(stored)} profiles, same order as on demand: "
            f"{list(stored['aggressor_id']) == list(table['aggressor_id'])}"
        )
        timed(
            "queue() reading the stored scores, VicPD top 50",
            lambda: queue(engine, today=today, jurisdiction="VicPD", limit=50),
        )
        lone = next(p for p in stored["aggressor_id"] if p.startswith("r"))
        set_status(engine, "report", lone, "closed", "bench")
        timed(
            "queue() first read after a status change, top 50",
            lambda: queue(engine, today=today, limit=50),
        )
        engine.dispose()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
