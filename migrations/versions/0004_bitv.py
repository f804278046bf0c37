"""bitv: stored pages per language, the accessibility statement, sign-language videos

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import partizipation.db

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "accessibility_statements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("compliance_status", sa.String(length=20), nullable=False),
        sa.Column("prepared_on", sa.Date(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("last_reviewed_on", sa.Date(), nullable=False),
        sa.Column("updated_at", partizipation.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_accessibility_statements_updated_by_id_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accessibility_statements")),
    )
    op.create_table(
        "content_pages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=40), nullable=False),
        sa.Column("locale", sa.String(length=5), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body_html", sa.Text(), nullable=False),
        sa.Column("reviewed_by", sa.String(length=200), nullable=True),
        sa.Column("reviewed_on", sa.Date(), nullable=True),
        sa.Column("updated_at", partizipation.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["users.id"], name=op.f("fk_content_pages_updated_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_content_pages")),
        sa.UniqueConstraint("slug", "locale", name=op.f("uq_content_pages_slug_locale")),
    )
    op.create_table(
        "sign_language_videos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("transcript", sa.Text(), nullable=False),
        sa.Column("stored_name", sa.String(length=80), nullable=False),
        sa.Column("mimetype", sa.String(length=20), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("show_on_start_page", sa.Boolean(), nullable=False),
        sa.Column("created_at", partizipation.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_sign_language_videos_created_by_id_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_language_videos")),
        sa.UniqueConstraint("stored_name", name=op.f("uq_sign_language_videos_stored_name")),
    )
    op.create_table(
        "statement_texts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("locale", sa.String(length=5), nullable=False),
        sa.Column("scope_html", sa.Text(), nullable=False),
        sa.Column("non_accessible_html", sa.Text(), nullable=False),
        sa.Column("alternatives_html", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["accessibility_statements.id"],
            name=op.f("fk_statement_texts_statement_id_accessibility_statements"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statement_texts")),
        sa.UniqueConstraint(
            "statement_id", "locale", name=op.f("uq_statement_texts_statement_id_locale")
        ),
    )


def downgrade() -> None:
    op.drop_table("statement_texts")
    op.drop_table("sign_language_videos")
    op.drop_table("content_pages")
    op.drop_table("accessibility_statements")
