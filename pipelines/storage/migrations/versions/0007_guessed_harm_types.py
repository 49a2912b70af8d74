"""``features.incident_types_guessed``: ``yes`` where the harm types are the harm model's guess
(no harm phrase was found), so readers know to check them against the report.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("features") as batch:
        batch.add_column(
            sa.Column("incident_types_guessed", sa.Text, nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("features") as batch:
        batch.drop_column("incident_types_guessed")
