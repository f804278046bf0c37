"""list indexes: the news list filtered by component, the moderation queue, meetings by their
start across bodies (decisions, the archive) and the decisions' follow-up by due date, each read
through an index

Revision ID: 0017
Revises: 0013
"""

from __future__ import annotations

from alembic import op

revision = "0017"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("news_posts", schema=None) as batch_op:
        batch_op.create_index("ix_news_posts_component",
                              ["status", "component", "published_at", "id"], unique=False)
        batch_op.create_index("ix_news_posts_queue", ["status", "updated_at", "id"],
                              unique=False)
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.create_index("ix_meetings_start", ["starts_at", "id"], unique=False)
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.create_index("ix_decisions_due", ["due_on", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_index("ix_decisions_due")
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_index("ix_meetings_start")
    with op.batch_alter_table("news_posts", schema=None) as batch_op:
        batch_op.drop_index("ix_news_posts_queue")
        batch_op.drop_index("ix_news_posts_component")
