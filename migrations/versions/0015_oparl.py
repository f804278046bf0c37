"""oparl: `modified_at` on the rows OParl publishes, the SHA-512 of meeting documents, and the
tombstones of removed documents and agenda items

Revision ID: 0015
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import partizipation.db

revision = "0015"
down_revision = "0012"
branch_labels = None
depends_on = None

TABLES = ("bodies", "terms", "memberships", "persons", "places", "meetings", "agenda_items",
          "meeting_documents")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column(
                "modified_at", partizipation.db.UTCDateTime(timezone=True), nullable=True))
        # Existing rows: last changed when they were made, as far as anyone knows. The column
        # stays nullable: making it NOT NULL would rebuild these tables on SQLite, which fails
        # while other tables' rows refer to them (the model always fills it).
        op.execute(f"UPDATE {table} SET modified_at = created_at")  # noqa: S608 - constant names
    with op.batch_alter_table("meeting_documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sha512", sa.String(length=128), nullable=True))
    op.create_table(
        "oparl_tombstones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("object_id", sa.Integer(), nullable=False),
        sa.Column("created_at", partizipation.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("order", sa.Integer(), nullable=True),
        sa.Column("deleted_at", partizipation.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_oparl_tombstones")),
        sa.UniqueConstraint("kind", "object_id", name=op.f("uq_oparl_tombstones_kind_object_id")),
    )
    with op.batch_alter_table("oparl_tombstones", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_oparl_tombstones_deleted_at"), ["deleted_at"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("oparl_tombstones", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_oparl_tombstones_deleted_at"))
    op.drop_table("oparl_tombstones")
    with op.batch_alter_table("meeting_documents", schema=None) as batch_op:
        batch_op.drop_column("sha512")
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("modified_at")
