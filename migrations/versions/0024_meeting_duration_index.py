"""meeting duration index (PostgreSQL): the longest any meeting lasts, read from the end of an
index on `ends_at - starts_at`, bounds where the coming meetings begin in the start index; the
start page, /sitzungen and the calendar feeds read from there instead of walking past every
meeting of the years before (2,000 at the bench's large size). SQLite installations are small
and do without it.

Revision ID: 0024
Revises: 0023
"""

from __future__ import annotations

from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_meetings_duration ON meetings ((ends_at - starts_at))")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_meetings_duration")
