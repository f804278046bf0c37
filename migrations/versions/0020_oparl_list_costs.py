"""OParl list costs: how many public agenda items each meeting has, kept by triggers in the
transaction that adds, removes, moves or hides an item (the OParl agenda item list counted every
public item of every meeting on every request for its `totalElements`: a scan of all agenda
items, 64,000 at the bench's large size; now a sum over the public meetings); and an index for a
place's latest meeting (a meeting list page read every meeting of its places)

Revision ID: 0020
Revises: 0019
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

# PostgreSQL: statement-level triggers with transition tables, so a bulk INSERT of a meeting's
# agenda changes its counter once. Counters change in the order of the meetings' ids, so two
# transactions lock them in the same order (no deadlock). A meeting deleted in the same
# statement (the items go by its foreign key) has no row left to count in: nothing happens.
POSTGRESQL_UP = [
    """
CREATE FUNCTION meeting_public_items_on_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE meetings m SET public_agenda_items = m.public_agenda_items + d.delta
        FROM (SELECT meeting_id, count(*) AS delta FROM new_items WHERE is_public
              GROUP BY meeting_id ORDER BY meeting_id) d
        WHERE m.id = d.meeting_id;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE meetings m SET public_agenda_items = m.public_agenda_items - d.delta
        FROM (SELECT meeting_id, count(*) AS delta FROM old_items WHERE is_public
              GROUP BY meeting_id ORDER BY meeting_id) d
        WHERE m.id = d.meeting_id;
    ELSE
        UPDATE meetings m SET public_agenda_items = m.public_agenda_items + d.delta
        FROM (SELECT meeting_id, sum(delta) AS delta FROM (
                  SELECT meeting_id, -1 AS delta FROM old_items WHERE is_public
                  UNION ALL SELECT meeting_id, 1 FROM new_items WHERE is_public) c
              GROUP BY meeting_id HAVING sum(delta) <> 0 ORDER BY meeting_id) d
        WHERE m.id = d.meeting_id;
    END IF;
    RETURN NULL;
END $$""",
    """
CREATE TRIGGER meeting_public_items_insert AFTER INSERT ON agenda_items
REFERENCING NEW TABLE AS new_items
FOR EACH STATEMENT EXECUTE FUNCTION meeting_public_items_on_items()""",
    """
CREATE TRIGGER meeting_public_items_delete AFTER DELETE ON agenda_items
REFERENCING OLD TABLE AS old_items
FOR EACH STATEMENT EXECUTE FUNCTION meeting_public_items_on_items()""",
    """
CREATE TRIGGER meeting_public_items_update AFTER UPDATE ON agenda_items
REFERENCING OLD TABLE AS old_items NEW TABLE AS new_items
FOR EACH STATEMENT EXECUTE FUNCTION meeting_public_items_on_items()""",
]
POSTGRESQL_DOWN = [
    "DROP TRIGGER meeting_public_items_update ON agenda_items",
    "DROP TRIGGER meeting_public_items_delete ON agenda_items",
    "DROP TRIGGER meeting_public_items_insert ON agenda_items",
    "DROP FUNCTION meeting_public_items_on_items()",
]

# SQLite runs one writing transaction at a time; a trigger's statements see the rows as they are.
_CHANGE = "UPDATE meetings SET public_agenda_items = public_agenda_items {sign} 1 " \
          "WHERE id = {row}.meeting_id;"
SQLITE_UP = [
    f"""
CREATE TRIGGER meeting_public_items_insert AFTER INSERT ON agenda_items
WHEN NEW.is_public
BEGIN {_CHANGE.format(sign="+", row="NEW")}
END""",
    f"""
CREATE TRIGGER meeting_public_items_delete AFTER DELETE ON agenda_items
WHEN OLD.is_public
BEGIN {_CHANGE.format(sign="-", row="OLD")}
END""",
    f"""
CREATE TRIGGER meeting_public_items_hide AFTER UPDATE OF is_public, meeting_id ON agenda_items
WHEN OLD.is_public
BEGIN {_CHANGE.format(sign="-", row="OLD")}
END""",
    f"""
CREATE TRIGGER meeting_public_items_show AFTER UPDATE OF is_public, meeting_id ON agenda_items
WHEN NEW.is_public
BEGIN {_CHANGE.format(sign="+", row="NEW")}
END""",
]
SQLITE_DOWN = [f"DROP TRIGGER meeting_public_items_{name}" for name in (
    "show", "hide", "delete", "insert")]

FILL = """
UPDATE meetings SET public_agenda_items = (
    SELECT count(*) FROM agenda_items WHERE agenda_items.meeting_id = meetings.id
    AND agenda_items.is_public)"""


def upgrade() -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.add_column(sa.Column("public_agenda_items", sa.Integer(), nullable=False,
                                   server_default="0"))
        batch.create_index("ix_meetings_place_modified", ["place_id", "modified_at"],
                           unique=False)
    postgresql = op.get_bind().dialect.name == "postgresql"
    for statement in POSTGRESQL_UP if postgresql else SQLITE_UP:
        op.execute(statement)
    op.execute(FILL)


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for statement in POSTGRESQL_DOWN if postgresql else SQLITE_DOWN:
        op.execute(statement)
    with op.batch_alter_table("meetings") as batch:
        batch.drop_index("ix_meetings_place_modified")
        batch.drop_column("public_agenda_items")
