"""council: bodies, terms, memberships (with deputies), support needs with consent, deletion
requests

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import partizipation.db

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bodies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("short_name", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("description_html", sa.Text(), nullable=False),
        sa.Column("easy_language_description", sa.Text(), nullable=False),
        sa.Column("is_public", sa.Boolean(), nullable=False),
        sa.Column("min_meetings_per_year", sa.Integer(), nullable=False),
        sa.Column("target_meetings_per_year", sa.Integer(), nullable=False),
        sa.Column("notice_period_days", sa.Integer(), nullable=False),
        sa.Column("created_at", partizipation.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bodies")),
    )

    op.create_table(
        "terms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("body_id", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("created_at", partizipation.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["body_id"], ["bodies.id"], name=op.f("fk_terms_body_id_bodies")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_terms")),
    )

    with op.batch_alter_table("terms", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_terms_body_id"), ["body_id"], unique=False)

    op.create_table(
        "deletion_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("requested_at", partizipation.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("completed_at", partizipation.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("completed_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["completed_by_id"],
            ["users.id"],
            name=op.f("fk_deletion_requests_completed_by_id_users"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_deletion_requests_person_id_persons")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_deletion_requests_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deletion_requests")),
    )

    with op.batch_alter_table("deletion_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deletion_requests_user_id"), ["user_id"], unique=False)

    op.create_table(
        "memberships",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("body_id", sa.Integer(), nullable=False),
        sa.Column("term_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("has_vote", sa.Boolean(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.String(length=20), nullable=True),
        sa.Column("represents", sa.String(length=200), nullable=False),
        sa.Column("deputy_for_id", sa.Integer(), nullable=True),
        sa.Column("created_at", partizipation.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["body_id"], ["bodies.id"], name=op.f("fk_memberships_body_id_bodies")
        ),
        sa.ForeignKeyConstraint(
            ["deputy_for_id"],
            ["memberships.id"],
            name=op.f("fk_memberships_deputy_for_id_memberships"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_memberships_person_id_persons")
        ),
        sa.ForeignKeyConstraint(
            ["term_id"], ["terms.id"], name=op.f("fk_memberships_term_id_terms")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_memberships")),
    )

    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.create_index(
            "ix_memberships_body_dates", ["body_id", "starts_on", "ends_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_memberships_deputy_for_id"), ["deputy_for_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_memberships_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_memberships_term_id"), ["term_id"], unique=False)

    op.create_table(
        "person_disabilities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_person_disabilities_person_id_persons")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_disabilities")),
        sa.UniqueConstraint(
            "person_id", "kind", name=op.f("uq_person_disabilities_person_id_kind")
        ),
    )

    op.create_table(
        "support_consents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=30), nullable=False),
        sa.Column("text_version", sa.String(length=40), nullable=False),
        sa.Column("consent_text", sa.Text(), nullable=False),
        sa.Column("consented_at", partizipation.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_support_consents_person_id_persons")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_consents")),
        sa.UniqueConstraint(
            "person_id", "purpose", name=op.f("uq_support_consents_person_id_purpose")
        ),
    )

    op.create_table(
        "support_needs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("details", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_support_needs_person_id_persons")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_needs")),
        sa.UniqueConstraint("person_id", "kind", name=op.f("uq_support_needs_person_id_kind")),
    )


def downgrade() -> None:
    op.drop_table("support_needs")

    op.drop_table("support_consents")

    op.drop_table("person_disabilities")

    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_memberships_term_id"))
        batch_op.drop_index(batch_op.f("ix_memberships_person_id"))
        batch_op.drop_index(batch_op.f("ix_memberships_deputy_for_id"))
        batch_op.drop_index("ix_memberships_body_dates")

    op.drop_table("memberships")

    with op.batch_alter_table("deletion_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deletion_requests_user_id"))

    op.drop_table("deletion_requests")

    with op.batch_alter_table("terms", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_terms_body_id"))

    op.drop_table("terms")

    op.drop_table("bodies")
