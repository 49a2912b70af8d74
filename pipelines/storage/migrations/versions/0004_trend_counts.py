"""Trend counts kept when old reports are purged: reports per month and category.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trend_counts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("month", sa.String(20), nullable=False),
        sa.Column("dimension", sa.String(40), nullable=False),
        sa.Column("category", sa.String(200), nullable=False),
        sa.Column("reports", sa.Integer, nullable=False),
        sa.Column("purged_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_trend_counts_month", "trend_counts", ["month", "dimension"])


def downgrade() -> None:
    op.drop_index("ix_trend_counts_month", table_name="trend_counts")
    op.drop_table("trend_counts")
