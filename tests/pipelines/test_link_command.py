"""The real ``bdars link`` on small files."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd

from tests.conftest import Store

ROWS = [
    ["L-1", "Rick, silver Dodge Grand Caravan, choked me, took the money", "250-555-0134", ""],
    ["L-2", "same Rick, grey caravan again, took the cash back", "(250) 555 0134", ""],
    ["L-3", "white civic, wouldn't pay", "", "KT8 112"],
    ["L-4", "no-show, wasted my night", "", ""],
]


def _intake(path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["report_id", "what_happened", "aggressor_phone", "plate"])
        writer.writerows(ROWS)
    return path


def test_link_writes_one_row_per_report_and_pairs_with_evidence(
    sqlite_store: Store, tmp_path: Path
) -> None:
    out, pairs = tmp_path / "clusters.csv", tmp_path / "pairs.csv"
    result = sqlite_store.bdars(
        "link", str(_intake(tmp_path / "reports.csv")), "--out", str(out), "--pairs", str(pairs)
    )
    assert result.returncode == 0, result.stderr
    clusters = pd.read_csv(out, dtype=str)
    assert list(clusters.columns) == ["report_id", "aggressor_id"]
    assert list(clusters["report_id"]) == ["L-1", "L-2", "L-3", "L-4"]
    ids = dict(zip(clusters["report_id"], clusters["aggressor_id"], strict=True))
    assert ids["L-1"] == ids["L-2"] and len({ids["L-1"], ids["L-3"], ids["L-4"]}) == 3
    scored = pd.read_csv(pairs, dtype={"report_id_a": str, "report_id_b": str})
    assert list(scored.columns) == ["report_id_a", "report_id_b", "probability", "evidence"]
    top = scored.iloc[0]
    assert {top["report_id_a"], top["report_id_b"]} == {"L-1", "L-2"}
    assert top["probability"] > 0.9
    labels = [part["label"] for part in json.loads(top["evidence"])]
    assert "same phone +1 250-555-0134" in labels
    assert result.stdout.startswith("Linked 4 reports into 3 aggressors (1 with more than one")


def test_redacted_evidence_names_no_phone(sqlite_store: Store, tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    result = sqlite_store.bdars(
        "link",
        str(_intake(tmp_path / "reports.csv")),
        "--out",
        str(tmp_path / "c.csv"),
        "--pairs",
        str(pairs),
        "--redact",
    )
    assert result.returncode == 0, result.stderr
    text = pairs.read_text(encoding="utf-8")
    assert "same phone number" in text and "555-0134" not in text


def test_previous_clusters_keep_their_ids(sqlite_store: Store, tmp_path: Path) -> None:
    previous = tmp_path / "previous.csv"
    previous.write_text("report_id,aggressor_id\nL-1,AGG-000042\n", encoding="utf-8")
    out = tmp_path / "clusters.csv"
    result = sqlite_store.bdars(
        "link",
        str(_intake(tmp_path / "reports.csv")),
        "--out",
        str(out),
        "--previous",
        str(previous),
    )
    assert result.returncode == 0, result.stderr
    clusters = pd.read_csv(out, dtype=str).set_index("report_id")["aggressor_id"]
    assert clusters["L-1"] == clusters["L-2"] == "AGG-000042"
    assert clusters["L-3"] == "AGG-000043"


def test_features_file_and_rules_for_options(sqlite_store: Store, tmp_path: Path) -> None:
    features = tmp_path / "features.csv"
    features.write_text(
        "report_id,phones,plate\nF-1,+12505550134,\nF-2,+12505550134,\nF-3,,BV421K\n",
        encoding="utf-8",
    )
    out = tmp_path / "clusters.csv"
    result = sqlite_store.bdars("link", "--features", str(features), "--out", str(out))
    assert result.returncode == 0, result.stderr
    ids = pd.read_csv(out, dtype=str).set_index("report_id")["aggressor_id"]
    assert ids["F-1"] == ids["F-2"] != ids["F-3"]
    both = sqlite_store.bdars("link", str(features), "--features", str(features), "--out", str(out))
    assert both.returncode == 2
    assert "give intake files (REPORTS) or --features, not both" in both.stderr
    neither = sqlite_store.bdars("link", "--out", str(out))
    assert "give one or more intake files (REPORTS), or --features FILE" in neither.stderr
    bad = tmp_path / "bad.csv"
    bad.write_text("name,colour\nx,y\n", encoding="utf-8")
    wrong = sqlite_store.bdars("link", "--features", str(bad), "--out", str(out))
    assert wrong.returncode == 2
    assert "has no report_id column" in wrong.stderr


def _one_go(result: object, path: Path, redact: bool) -> None:
    """``write_pairs`` as it was before it wrote in chunks: every pair's evidence at once."""
    from analytics.link.evidence import evidence_json, explain_pairs

    pairs = result.pairs  # type: ignore[attr-defined]
    evidence = explain_pairs(
        result.model,  # type: ignore[attr-defined]
        result.prepared,  # type: ignore[attr-defined]
        pairs["ia"].to_numpy(),
        pairs["ib"].to_numpy(),
        result.vectors,  # type: ignore[attr-defined]
        redact=redact,
    )
    table = pairs[["report_id_a", "report_id_b", "probability"]].assign(
        probability=pairs["probability"].round(4),
        evidence=[evidence_json(parts) for parts in evidence],
    )
    table = table.sort_values("probability", ascending=False, kind="stable")
    table.to_csv(path, index=False, quoting=csv.QUOTE_MINIMAL)


def test_pairs_written_in_chunks_are_the_same_file(tmp_path: Path) -> None:
    from analytics.features import FEATURE_COLUMNS
    from analytics.link.linker import link
    from pipelines.commands.link import write_pairs

    rows = [
        {"report_id": f"P-{i}", "phones": "+12505550134", "vehicle_make": "Honda"} for i in range(5)
    ]
    rows += [{"report_id": f"Q,{i}", "plate": "BV421K", "names": 'Rick "R"'} for i in range(4)]
    rows += [{"report_id": "R-1", "names": 'Rick "R"', "vehicle_make": "Honda"}]
    features = pd.DataFrame(rows).reindex(columns=list(FEATURE_COLUMNS)).fillna("")
    result = link(features)
    assert len(result.pairs) >= 16
    assert result.pairs["probability"].round(4).duplicated().any()  # ties keep candidate order
    for redact in (False, True):
        expected = tmp_path / f"one_go_{redact}.csv"
        _one_go(result, expected, redact)
        for chunk in (1, 3, 7, 1_000):
            written = tmp_path / f"chunks_{chunk}_{redact}.csv"
            assert write_pairs(result, written, redact, chunk=chunk) == len(result.pairs)
            assert written.read_bytes() == expected.read_bytes()
    empty = link(features.iloc[[0, 5]].reset_index(drop=True))
    assert empty.pairs.empty
    write_pairs(empty, tmp_path / "none.csv", False)
    _one_go(empty, tmp_path / "none_one_go.csv", False)
    assert (tmp_path / "none.csv").read_bytes() == (tmp_path / "none_one_go.csv").read_bytes()
