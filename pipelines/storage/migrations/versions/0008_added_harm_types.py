"""``features.incident_types_added``: the harm types the word model added to those the phrases
read, so readers know which to check against the report.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("features") as batch:
        batch.add_column(
            sa.Column("incident_types_added", sa.Text, nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("features") as batch:
        batch.drop_column("incident_types_added")
