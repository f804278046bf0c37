"""correctness: versions on edited rows, rules held by partial unique indexes, the change log,
and the BITV starting texts stored by the migration (a GET no longer writes them)

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import partizipation.db

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

OPEN_CHAIR = "ends_on IS NULL AND role IN ('chair', 'deputy_chair')"
OPEN_DEPUTY = "ends_on IS NULL AND deputy_for_id IS NOT NULL"
OPEN = "ends_on IS NULL"
OPEN_REQUEST = "completed_at IS NULL"


def _where(condition: str) -> dict[str, object]:
    return {"sqlite_where": sa.text(condition), "postgresql_where": sa.text(condition)}


def upgrade() -> None:
    op.create_table(
        "audit_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", partizipation.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["users.id"],
                                name=op.f("fk_audit_entries_actor_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entries")),
    )
    with op.batch_alter_table("audit_entries") as batch_op:
        batch_op.create_index("ix_audit_entries_at", ["at"], unique=False)
        batch_op.create_index("ix_audit_entries_row", ["table_name", "row_id"], unique=False)
    for table in ("bodies", "terms", "persons"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1",
                                          nullable=False))
    with op.batch_alter_table("memberships") as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1",
                                      nullable=False))
        batch_op.create_index("uq_memberships_open_chair", ["term_id", "role"], unique=True,
                              **_where(OPEN_CHAIR))
        batch_op.create_index("uq_memberships_open_deputy", ["deputy_for_id"], unique=True,
                              **_where(OPEN_DEPUTY))
        batch_op.create_index("uq_memberships_open_person", ["term_id", "person_id"],
                              unique=True, **_where(OPEN))
    with op.batch_alter_table("deletion_requests") as batch_op:
        batch_op.create_index("uq_deletion_requests_open", ["user_id"], unique=True,
                              **_where(OPEN_REQUEST))
    _store_starting_texts()


def _store_starting_texts() -> None:
    """The BITV pages and the accessibility statement start with written texts (bitv/defaults.py)
    that the officer then edits. They are stored here, once, where none exist yet."""
    from partizipation.bitv.defaults import PAGES, STATEMENT_TEXTS
    from partizipation.clock import now, today
    from partizipation.html import sanitize_html

    connection = op.get_bind()
    pages = sa.table("content_pages", sa.column("slug"), sa.column("locale"), sa.column("title"),
                     sa.column("body_html"), sa.column("updated_at", partizipation.db.UTCDateTime()))
    have = {row[0] for row in connection.execute(
        sa.text("SELECT DISTINCT slug FROM content_pages"))}
    rows = [{"slug": slug, "locale": locale, "title": title, "body_html": sanitize_html(body),
             "updated_at": now()}
            for slug, texts in PAGES.items() if slug not in have
            for locale, (title, body) in texts.items()]
    if rows:
        op.bulk_insert(pages, rows)
    if connection.execute(sa.text("SELECT count(*) FROM accessibility_statements")).scalar():
        return
    statements = sa.table("accessibility_statements", sa.column("id"),
                          sa.column("compliance_status"), sa.column("prepared_on", sa.Date()),
                          sa.column("method"), sa.column("last_reviewed_on", sa.Date()),
                          sa.column("updated_at", partizipation.db.UTCDateTime()))
    day = today()
    statement_id = connection.execute(sa.insert(statements).values(
        compliance_status="partial", prepared_on=day, method="self_assessment",
        last_reviewed_on=day, updated_at=now()
    ).returning(statements.c.id)).scalar_one()
    texts = sa.table("statement_texts", sa.column("statement_id"), sa.column("locale"),
                     sa.column("scope_html"), sa.column("non_accessible_html"),
                     sa.column("alternatives_html"))
    op.bulk_insert(texts, [
        {"statement_id": statement_id, "locale": locale,
         **{key: sanitize_html(value) for key, value in parts.items()}}
        for locale, parts in STATEMENT_TEXTS.items()])


def downgrade() -> None:
    # The starting texts stay: they are content the officer may have edited since.
    with op.batch_alter_table("deletion_requests") as batch_op:
        batch_op.drop_index("uq_deletion_requests_open", **_where(OPEN_REQUEST))
    with op.batch_alter_table("memberships") as batch_op:
        batch_op.drop_index("uq_memberships_open_person", **_where(OPEN))
        batch_op.drop_index("uq_memberships_open_deputy", **_where(OPEN_DEPUTY))
        batch_op.drop_index("uq_memberships_open_chair", **_where(OPEN_CHAIR))
        batch_op.drop_column("version")
    for table in ("persons", "terms", "bodies"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("version")
    with op.batch_alter_table("audit_entries") as batch_op:
        batch_op.drop_index("ix_audit_entries_row")
        batch_op.drop_index("ix_audit_entries_at")
    op.drop_table("audit_entries")
