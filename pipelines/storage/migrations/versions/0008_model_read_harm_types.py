"""``features.incident_types_added`` and ``features.incident_types_dropped``: the harm types the
word model added to those the phrases read, and those it dropped, so readers know which to check
against the report.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

COLUMNS = ("incident_types_added", "incident_types_dropped")


def upgrade() -> None:
    with op.batch_alter_table("features") as batch:
        for column in COLUMNS:
            batch.add_column(sa.Column(column, sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("features") as batch:
        for column in reversed(COLUMNS):
            batch.drop_column(column)
