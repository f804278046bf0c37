"""meeting public counts: the public, announced meetings and their public agenda items counted
per body, kept by triggers in the transaction that adds, removes, publishes, hides, announces or
moves a meeting, or changes its count of public agenda items (migration 0020). The OParl meeting
and agenda item lists read their `totalElements` from these few rows instead of scanning every
public meeting on every request (3,600 at the bench's large size: most of the database's work
for those pages).

Revision ID: 0023
Revises: 0022
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

# A meeting counts when it is public and announced (not `planned`); it counts for its body, or
# for key 0 without one. Whether the body is public is asked when the counts are read.
COUNTED = "{row}.is_public AND {row}.status <> 'planned'"

# PostgreSQL: statement-level triggers with transition tables (a bulk change of many meetings
# changes each body's row once), bodies in order (two transactions lock them in the same order).
_UPSERT = """
    INSERT INTO meeting_public_counts AS c (body_key, meetings, agenda_items)
    SELECT body_key, sum(meetings), sum(agenda_items) FROM ({rows}) d
    GROUP BY body_key HAVING sum(meetings) <> 0 OR sum(agenda_items) <> 0 ORDER BY body_key
    ON CONFLICT (body_key) DO UPDATE SET meetings = c.meetings + excluded.meetings,
        agenda_items = c.agenda_items + excluded.agenda_items;"""
_NEW = ("SELECT coalesce(body_id, 0) AS body_key, 1 AS meetings, "
        "public_agenda_items AS agenda_items FROM new_meetings WHERE "
        + COUNTED.format(row="new_meetings"))
_OLD = ("SELECT coalesce(body_id, 0) AS body_key, -1 AS meetings, "
        "-public_agenda_items AS agenda_items FROM old_meetings WHERE "
        + COUNTED.format(row="old_meetings"))
POSTGRESQL_UP = [
    f"""
CREATE FUNCTION meeting_public_counts_on_meetings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN{_UPSERT.format(rows=_NEW)}
    ELSIF TG_OP = 'DELETE' THEN{_UPSERT.format(rows=_OLD)}
    ELSE{_UPSERT.format(rows=_OLD + " UNION ALL " + _NEW)}
    END IF;
    RETURN NULL;
END $$""",
    """
CREATE TRIGGER meeting_public_counts_insert AFTER INSERT ON meetings
REFERENCING NEW TABLE AS new_meetings
FOR EACH STATEMENT EXECUTE FUNCTION meeting_public_counts_on_meetings()""",
    """
CREATE TRIGGER meeting_public_counts_delete AFTER DELETE ON meetings
REFERENCING OLD TABLE AS old_meetings
FOR EACH STATEMENT EXECUTE FUNCTION meeting_public_counts_on_meetings()""",
    """
CREATE TRIGGER meeting_public_counts_update AFTER UPDATE ON meetings
REFERENCING OLD TABLE AS old_meetings NEW TABLE AS new_meetings
FOR EACH STATEMENT EXECUTE FUNCTION meeting_public_counts_on_meetings()""",
]
POSTGRESQL_DOWN = [
    "DROP TRIGGER meeting_public_counts_update ON meetings",
    "DROP TRIGGER meeting_public_counts_delete ON meetings",
    "DROP TRIGGER meeting_public_counts_insert ON meetings",
    "DROP FUNCTION meeting_public_counts_on_meetings()",
]

# SQLite runs one writing transaction at a time; row-level triggers.
_ADD = """INSERT INTO meeting_public_counts (body_key, meetings, agenda_items)
    VALUES (coalesce(NEW.body_id, 0), 1, NEW.public_agenda_items)
    ON CONFLICT (body_key) DO UPDATE SET meetings = meetings + 1,
        agenda_items = agenda_items + excluded.agenda_items;"""
_TAKE = """UPDATE meeting_public_counts SET meetings = meetings - 1,
    agenda_items = agenda_items - OLD.public_agenda_items
    WHERE body_key = coalesce(OLD.body_id, 0);"""
_CHANGED = "AFTER UPDATE OF is_public, status, body_id, public_agenda_items ON meetings"
SQLITE_UP = [
    f"""
CREATE TRIGGER meeting_public_counts_insert AFTER INSERT ON meetings
WHEN {COUNTED.format(row="NEW")}
BEGIN {_ADD}
END""",
    f"""
CREATE TRIGGER meeting_public_counts_delete AFTER DELETE ON meetings
WHEN {COUNTED.format(row="OLD")}
BEGIN {_TAKE}
END""",
    f"""
CREATE TRIGGER meeting_public_counts_before {_CHANGED}
WHEN {COUNTED.format(row="OLD")}
BEGIN {_TAKE}
END""",
    f"""
CREATE TRIGGER meeting_public_counts_after {_CHANGED}
WHEN {COUNTED.format(row="NEW")}
BEGIN {_ADD}
END""",
]
SQLITE_DOWN = [f"DROP TRIGGER meeting_public_counts_{name}" for name in (
    "after", "before", "delete", "insert")]

FILL = f"""
INSERT INTO meeting_public_counts (body_key, meetings, agenda_items)
SELECT coalesce(body_id, 0), count(*), coalesce(sum(public_agenda_items), 0) FROM meetings
WHERE {COUNTED.format(row="meetings")} GROUP BY coalesce(body_id, 0)"""


def upgrade() -> None:
    op.create_table(
        "meeting_public_counts",
        sa.Column("body_key", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("meetings", sa.Integer(), nullable=False),
        sa.Column("agenda_items", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("body_key", name=op.f("pk_meeting_public_counts")),
    )
    postgresql = op.get_bind().dialect.name == "postgresql"
    for statement in POSTGRESQL_UP if postgresql else SQLITE_UP:
        op.execute(statement)
    op.execute(FILL)


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for statement in POSTGRESQL_DOWN if postgresql else SQLITE_DOWN:
        op.execute(statement)
    op.drop_table("meeting_public_counts")
