"""Stored review order of suggested links: ``report_links.review_rank`` (0 = the pair a decision
changes most), written by the link stage so the Review links page reads a LIMITed slice.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("report_links") as batch:
        batch.add_column(sa.Column("review_rank", sa.Integer, nullable=True))
    op.create_index("ix_report_links_review_rank", "report_links", ["review_rank"])


def downgrade() -> None:
    op.drop_index("ix_report_links_review_rank", table_name="report_links")
    with op.batch_alter_table("report_links") as batch:
        batch.drop_column("review_rank")
