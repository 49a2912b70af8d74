"""Linkage and workflow: aggressor profiles, pair links with evidence, human decisions, statuses.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "aggressors",
        sa.Column("aggressor_id", sa.String(40), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("merged_into", sa.String(40)),
    )
    op.create_table(
        "aggressor_members",
        sa.Column(
            "report_id", sa.String(200), sa.ForeignKey("raw_reports.report_id"), primary_key=True
        ),
        sa.Column("aggressor_id", sa.String(40), nullable=False, index=True),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "report_links",
        sa.Column("report_id_a", sa.String(200), primary_key=True),
        sa.Column("report_id_b", sa.String(200), primary_key=True),
        sa.Column("probability", sa.Float, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_report_links_b", "report_links", ["report_id_b"])
    op.create_table(
        "link_decisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("report_id_a", sa.String(200), nullable=False),
        sa.Column("report_id_b", sa.String(200), nullable=False),
        sa.Column("decision", sa.String(20), nullable=False),
        sa.Column("user_name", sa.String(100), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )
    op.create_index("ix_link_decisions_pair", "link_decisions", ["report_id_a", "report_id_b"])
    op.create_table(
        "aggressor_history",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_name", sa.String(100), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("aggressor_id", sa.String(40), nullable=False, index=True),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_table(
        "status_changes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("target_kind", sa.String(20), nullable=False),
        sa.Column("target_id", sa.String(200), nullable=False),
        sa.Column("status", sa.String(40), nullable=False),
        sa.Column("user_name", sa.String(100), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )
    op.create_index("ix_status_changes_target", "status_changes", ["target_kind", "target_id"])


def downgrade() -> None:
    for table in (
        "status_changes",
        "aggressor_history",
        "link_decisions",
        "report_links",
        "aggressor_members",
        "aggressors",
    ):
        op.drop_table(table)
