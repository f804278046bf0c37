"""held meetings index: meetings by state and start, so that "the newest 100 held meetings"
(the officer's open minutes on /mein-bereich) reads 100 index entries instead of walking every
meeting by start and skipping the coming ones (2,000 at the bench's large size)

Revision ID: 0022
Revises: 0021
"""

from __future__ import annotations

from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.create_index("ix_meetings_status_start", ["status", "starts_at", "id"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_index("ix_meetings_status_start")
