"""Features: one normalised row per report, rebuilt by ``bdars run``.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_COLUMNS = (
    "phones",
    "phone_fragments",
    "plate",
    "vehicle_colour",
    "vehicle_make",
    "vehicle_model",
    "vehicle_body",
    "aggressor_sex",
    "age_low",
    "age_high",
    "height_cm_low",
    "height_cm_high",
    "build",
    "skin_or_ethnicity",
    "hair",
    "facial_hair",
    "marks",
    "glasses",
    "names",
    "handles",
    "incident_types",
    "severity",
    "incident_date",
    "incident_hour",
    "sector",
    "reporter_gender",
    "channel",
    "neighbourhood",
    "municipality",
    "jurisdiction",
    "lat",
    "lon",
    "received_at",
    "consent_contact",
    "consent_police",
    "wants_statement",
    "conflicts",
)


def upgrade() -> None:
    op.create_table(
        "features",
        sa.Column(
            "report_id", sa.String(200), sa.ForeignKey("raw_reports.report_id"), primary_key=True
        ),
        *(sa.Column(name, sa.Text, nullable=False) for name in _COLUMNS),
        sa.Column("normaliser_version", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("features")
