"""feedback: answers the officer sends the reporter from the platform

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import partizipation.db

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "barrier_report_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("sent_to", sa.String(length=254), nullable=False),
        sa.Column("sent_by_id", sa.Integer(), nullable=True),
        sa.Column("sent_at", partizipation.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["barrier_reports.id"],
                                name=op.f("fk_barrier_report_answers_report_id_barrier_reports"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["sent_by_id"], ["users.id"],
                                name=op.f("fk_barrier_report_answers_sent_by_id_users"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_barrier_report_answers")),
    )
    with op.batch_alter_table("barrier_report_answers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_barrier_report_answers_report_id"), ["report_id"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("barrier_report_answers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_barrier_report_answers_report_id"))
    op.drop_table("barrier_report_answers")
