"""feedback and mail: barrier reports (the outbox table is unchanged from 0001)

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import partizipation.db

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "barrier_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("location", sa.String(length=500), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("wants_answer", sa.Boolean(), nullable=False),
        sa.Column("locale", sa.String(length=5), nullable=False),
        sa.Column("created_at", partizipation.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("officer_note", sa.Text(), nullable=False),
        sa.Column("closed_at", partizipation.db.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_barrier_reports")),
    )
    with op.batch_alter_table("barrier_reports", schema=None) as batch_op:
        batch_op.create_index("ix_barrier_reports_status_due", ["status", "due_on"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("barrier_reports", schema=None) as batch_op:
        batch_op.drop_index("ix_barrier_reports_status_due")
    op.drop_table("barrier_reports")
