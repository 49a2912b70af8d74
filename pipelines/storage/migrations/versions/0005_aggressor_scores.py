"""Stored priority scores: one row per aggressor profile (or lone report), written by the score
stage of ``bdars run``, and the state they were computed from.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "aggressor_scores",
        sa.Column("profile_id", sa.String(200), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("status", sa.String(40), nullable=False),
        sa.Column("jurisdiction", sa.String(100), nullable=False),
        sa.Column("report_count", sa.Integer, nullable=False),
        sa.Column("latest_report_at", sa.String(20), nullable=False),
        sa.Column("worst_harm", sa.Text, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("reasons", sa.Text, nullable=False),
        sa.Column("parts", sa.Text, nullable=False),
        sa.Column("as_of", sa.String(20), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(
        "ix_aggressor_scores_order",
        "aggressor_scores",
        ["score", "latest_report_at", "profile_id"],
    )
    op.create_index("ix_aggressor_scores_jurisdiction", "aggressor_scores", ["jurisdiction"])
    op.create_table(
        "aggressor_scores_state",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("as_of", sa.String(20), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reports", sa.Integer, nullable=False),
        sa.Column("members", sa.Integer, nullable=False),
        sa.Column("members_linked_at", sa.DateTime(timezone=True)),
        sa.Column("status_change_id", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("aggressor_scores_state")
    op.drop_index("ix_aggressor_scores_jurisdiction", table_name="aggressor_scores")
    op.drop_index("ix_aggressor_scores_order", table_name="aggressor_scores")
    op.drop_table("aggressor_scores")
