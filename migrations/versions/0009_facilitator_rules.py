"""facilitator rules: a version on facilitators and municipalities (edit forms notice a change
saved meanwhile), and one non-ended facilitator per email address and municipality held by a
partial unique index on a lower-cased copy of the person's address (`email_key`)

Existing rows get their key from their person. Should two non-ended facilitators of one
municipality already share an address (a double registration from before this rule), the older
one keeps the key and the later ones are left without it, so that the index can be built; the
next change of a later one then says that the person is already registered.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

UNIQUE_EMAIL = "uq_facilitators_municipality_email"
NOT_ENDED_WITH_EMAIL = sa.text("status <> 'ended' AND email_key IS NOT NULL")


def upgrade() -> None:
    with op.batch_alter_table("facilitators", schema=None) as batch_op:
        batch_op.add_column(sa.Column("email_key", sa.String(length=254), nullable=True))
        batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1",
                                      nullable=False))
    op.execute(
        "UPDATE facilitators SET email_key = (SELECT lower(trim(persons.email)) FROM persons "
        "WHERE persons.id = facilitators.person_id)")
    op.execute("UPDATE facilitators SET email_key = NULL WHERE email_key = ''")
    op.execute(
        "UPDATE facilitators SET email_key = NULL WHERE status <> 'ended' "
        "AND email_key IS NOT NULL AND EXISTS (SELECT 1 FROM facilitators AS earlier "
        "WHERE earlier.municipality_id = facilitators.municipality_id "
        "AND earlier.email_key = facilitators.email_key AND earlier.status <> 'ended' "
        "AND earlier.id < facilitators.id)")
    with op.batch_alter_table("facilitators", schema=None) as batch_op:
        batch_op.create_index(UNIQUE_EMAIL, ["municipality_id", "email_key"], unique=True,
                              postgresql_where=NOT_ENDED_WITH_EMAIL,
                              sqlite_where=NOT_ENDED_WITH_EMAIL)

    with op.batch_alter_table("municipalities", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1",
                                      nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("municipalities", schema=None) as batch_op:
        batch_op.drop_column("version")

    with op.batch_alter_table("facilitators", schema=None) as batch_op:
        batch_op.drop_index(UNIQUE_EMAIL, postgresql_where=NOT_ENDED_WITH_EMAIL,
                            sqlite_where=NOT_ENDED_WITH_EMAIL)
        batch_op.drop_column("version")
        batch_op.drop_column("email_key")
