"""The record: SQLAlchemy Core tables. Their history lives in ``migrations/versions``.

Raw reports are written once and never updated. Reporter contacts sit apart, encrypted. Everything
derived (features, links, aggressors) can be rebuilt from raw reports plus human decisions.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

from analytics.features import FEATURE_COLUMNS

metadata = MetaData()

ingest_runs = Table(
    "ingest_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("files", Text, nullable=False),
    Column("loaded", Integer, nullable=False, default=0),
    Column("duplicates", Integer, nullable=False, default=0),
    Column("conflicts", Integer, nullable=False, default=0),
    Column("quarantined", Integer, nullable=False, default=0),
    Column("contacts_stored", Integer, nullable=False, default=0),
    Column("contacts_dropped", Integer, nullable=False, default=0),
    Column("user_name", String(100), nullable=False, default=""),
)

raw_reports = Table(
    "raw_reports",
    metadata,
    Column("report_id", String(200), primary_key=True),
    Column("content_hash", String(64), nullable=False),
    Column("raw_json", Text, nullable=False),
    Column("source_file", Text, nullable=False),
    Column("source_row", Integer, nullable=False),
    Column("ingest_run_id", Integer, ForeignKey("ingest_runs.id"), nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

report_conflicts = Table(
    "report_conflicts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("report_id", String(200), nullable=False, index=True),
    Column("content_hash", String(64), nullable=False),
    Column("raw_json", Text, nullable=False),
    Column("source_file", Text, nullable=False),
    Column("source_row", Integer, nullable=False),
    Column("ingest_run_id", Integer, ForeignKey("ingest_runs.id"), nullable=False),
)

quarantined_rows = Table(
    "quarantined_rows",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("ingest_run_id", Integer, ForeignKey("ingest_runs.id"), nullable=False),
    Column("source_file", Text, nullable=False),
    Column("row_number", Integer, nullable=False),
    Column("column_name", String(200), nullable=False),
    Column("reason", Text, nullable=False),
    Column("raw_excerpt", Text, nullable=False),
)

reporter_contacts = Table(
    "reporter_contacts",
    metadata,
    Column("report_id", String(200), ForeignKey("raw_reports.report_id"), primary_key=True),
    Column("ciphertext", LargeBinary, nullable=False),
    Column("consent_contact", Boolean, nullable=False),
    Column("consent_police", Boolean, nullable=False),
    Column("wants_statement", Boolean, nullable=False),
    Column("stored_at", DateTime(timezone=True), nullable=False),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False, index=True),
    Column("user_name", String(100), nullable=False),
    Column("action", String(100), nullable=False),
    Column("target", Text, nullable=False),
    Column("detail", Text, nullable=False, default=""),
)

features = Table(
    "features",
    metadata,
    Column("report_id", String(200), ForeignKey("raw_reports.report_id"), primary_key=True),
    *(Column(name, Text, nullable=False, default="") for name in FEATURE_COLUMNS[1:]),
    Column("normaliser_version", String(40), nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("role", String(40), nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("failed_logins", Integer, nullable=False, default=0),
    Column("locked_until", DateTime(timezone=True)),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

aggressors = Table(
    "aggressors",
    metadata,
    Column("aggressor_id", String(40), primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("merged_into", String(40)),
)

aggressor_members = Table(
    "aggressor_members",
    metadata,
    Column("report_id", String(200), ForeignKey("raw_reports.report_id"), primary_key=True),
    Column("aggressor_id", String(40), nullable=False, index=True),
    Column("linked_at", DateTime(timezone=True), nullable=False),
)

report_links = Table(
    "report_links",
    metadata,
    Column("report_id_a", String(200), primary_key=True),
    Column("report_id_b", String(200), primary_key=True),
    Column("probability", Float, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("computed_at", DateTime(timezone=True), nullable=False),
    Column("review_rank", Integer),
    Index("ix_report_links_b", "report_id_b"),
    Index("ix_report_links_review_rank", "review_rank"),
)
"""Scored candidate pairs (``report_id_a < report_id_b``); ``evidence`` is a JSON list of parts;
``review_rank`` orders them for review (0 = a decision changes most; null until ranked)."""

link_decisions = Table(
    "link_decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("report_id_a", String(200), nullable=False),
    Column("report_id_b", String(200), nullable=False),
    Column("decision", String(20), nullable=False),
    Column("user_name", String(100), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("note", Text, nullable=False, default=""),
    Index("ix_link_decisions_pair", "report_id_a", "report_id_b"),
)
"""Append-only human decisions (``confirmed``, ``rejected``, ``undone``); the latest holds."""

aggressor_history = Table(
    "aggressor_history",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("user_name", String(100), nullable=False),
    Column("action", String(40), nullable=False),
    Column("aggressor_id", String(40), nullable=False, index=True),
    Column("detail", Text, nullable=False),
)

status_changes = Table(
    "status_changes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("target_kind", String(20), nullable=False),
    Column("target_id", String(200), nullable=False),
    Column("status", String(40), nullable=False),
    Column("user_name", String(100), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("note", Text, nullable=False, default=""),
    Index("ix_status_changes_target", "target_kind", "target_id"),
)
"""Append-only workflow history of reports (``target_kind='report'``) and aggressors."""

trend_counts = Table(
    "trend_counts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("month", String(20), nullable=False),
    Column("dimension", String(40), nullable=False),
    Column("category", String(200), nullable=False),
    Column("reports", Integer, nullable=False),
    Column("purged_at", DateTime(timezone=True), nullable=False),
    Index("ix_trend_counts_month", "month", "dimension"),
)
"""Reports per month × category written by ``bdars purge`` before it deletes old reports.

Each purge appends its own rows; the history of a (month, dimension, category) is their sum.
"""

aggressor_scores = Table(
    "aggressor_scores",
    metadata,
    Column("profile_id", String(200), primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("score", Float, nullable=False),
    Column("status", String(40), nullable=False),
    Column("jurisdiction", String(100), nullable=False),
    Column("report_count", Integer, nullable=False),
    Column("latest_report_at", String(20), nullable=False),
    Column("worst_harm", Text, nullable=False),
    Column("summary", Text, nullable=False),
    Column("reasons", Text, nullable=False),
    Column("parts", Text, nullable=False),
    Column("as_of", String(20), nullable=False),
    Column("computed_at", DateTime(timezone=True), nullable=False),
    Index("ix_aggressor_scores_order", "score", "latest_report_at", "profile_id"),
    Index("ix_aggressor_scores_jurisdiction", "jurisdiction"),
)
"""The priority score of every profile (``kind`` aggressor, or report for a lone report) as of
the day ``as_of``, written by the score stage; ``reasons`` is a JSON list, ``parts`` a JSON
object of points per part. Derived: rebuilt by every ``bdars run``."""

aggressor_scores_state = Table(
    "aggressor_scores_state",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("as_of", String(20), nullable=False),
    Column("computed_at", DateTime(timezone=True), nullable=False),
    Column("reports", Integer, nullable=False),
    Column("members", Integer, nullable=False),
    Column("members_linked_at", DateTime(timezone=True)),
    Column("status_change_id", Integer, nullable=False),
)
"""One row: what ``aggressor_scores`` was computed from (report and membership counts, the latest
membership change, the last status change it reflects), so a read can tell it is stale."""
