"""comment thread index: a post's comments read in order through an index whatever states
are shown (with approved and hidden ones the planner walked every comment by id)

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("news_comments", schema=None) as batch_op:
        batch_op.create_index("ix_news_comments_thread", ["post_id", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("news_comments", schema=None) as batch_op:
        batch_op.drop_index("ix_news_comments_thread")
