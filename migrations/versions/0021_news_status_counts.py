"""news status counts: how many posts and how many comments are in each state, kept by
triggers in the transaction that inserts, changes or deletes them (the moderation page and the
moderators' /mein-bereich counted up to 501 rows of each state on every request: at 100,000
posts five walks of 501 index entries, and the number could only say "more than 500")

Revision ID: 0021
Revises: 0020
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

TABLES = {"post": "news_posts", "comment": "news_comments"}

# PostgreSQL: statement-level triggers with transition tables (a bulk INSERT of 5,000 posts
# changes each state's counter once, not 5,000 versions of one row). Counters change by upsert
# and `n = n + delta`, never read and written back, so two writers at once lose nothing; they
# change in the order of the states' names, so two transactions lock them in the same order (no
# deadlock when one moves a post from A to B and another one from B to A).
POSTGRESQL_UP = [
    """
CREATE FUNCTION news_status_count_add(count_kind varchar, state varchar, delta bigint)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF delta > 0 THEN
        INSERT INTO news_status_counts (kind, status, n) VALUES (count_kind, state, delta)
        ON CONFLICT (kind, status) DO UPDATE SET n = news_status_counts.n + excluded.n;
    ELSIF delta < 0 THEN
        UPDATE news_status_counts SET n = n + delta WHERE kind = count_kind AND status = state;
    END IF;
END $$""",
    """
CREATE FUNCTION news_status_counts_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    state varchar;
    delta bigint;
BEGIN
    IF TG_OP = 'INSERT' THEN
        FOR state, delta IN SELECT status, count(*) FROM new_rows GROUP BY status ORDER BY status
        LOOP
            PERFORM news_status_count_add(TG_ARGV[0], state, delta);
        END LOOP;
    ELSIF TG_OP = 'DELETE' THEN
        FOR state, delta IN SELECT status, -count(*) FROM old_rows GROUP BY status ORDER BY status
        LOOP
            PERFORM news_status_count_add(TG_ARGV[0], state, delta);
        END LOOP;
    ELSE
        FOR state, delta IN
            SELECT status, sum(t.delta) FROM (
                SELECT status, -1 AS delta FROM old_rows
                UNION ALL SELECT status, 1 FROM new_rows) t
            GROUP BY status ORDER BY status
        LOOP
            PERFORM news_status_count_add(TG_ARGV[0], state, delta);
        END LOOP;
    END IF;
    RETURN NULL;
END $$""",
]
for _kind, _table in TABLES.items():
    POSTGRESQL_UP += [
        f"""
CREATE TRIGGER news_status_counts_{_kind}_insert AFTER INSERT ON {_table}
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION news_status_counts_change('{_kind}')""",
        f"""
CREATE TRIGGER news_status_counts_{_kind}_update AFTER UPDATE ON {_table}
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION news_status_counts_change('{_kind}')""",
        f"""
CREATE TRIGGER news_status_counts_{_kind}_delete AFTER DELETE ON {_table}
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION news_status_counts_change('{_kind}')""",
    ]
POSTGRESQL_DOWN = [f"DROP TRIGGER news_status_counts_{kind}_{event} ON {table}"
                   for kind, table in TABLES.items() for event in ("insert", "update", "delete")]
POSTGRESQL_DOWN += ["DROP FUNCTION news_status_counts_change()",
                    "DROP FUNCTION news_status_count_add(varchar, varchar, bigint)"]

# SQLite runs one writing transaction at a time: row triggers.
_ADD = """
    INSERT OR IGNORE INTO news_status_counts (kind, status, n) VALUES ('{kind}', NEW.status, 0);
    UPDATE news_status_counts SET n = n + 1 WHERE kind = '{kind}' AND status = NEW.status;"""
_REMOVE = """
    UPDATE news_status_counts SET n = n - 1 WHERE kind = '{kind}' AND status = OLD.status;"""
SQLITE_UP: list[str] = []
for _kind, _table in TABLES.items():
    SQLITE_UP += [
        f"""
CREATE TRIGGER news_status_counts_{_kind}_insert AFTER INSERT ON {_table}
BEGIN{_ADD.format(kind=_kind)}
END""",
        f"""
CREATE TRIGGER news_status_counts_{_kind}_update AFTER UPDATE OF status ON {_table}
WHEN OLD.status <> NEW.status
BEGIN{_REMOVE.format(kind=_kind)}{_ADD.format(kind=_kind)}
END""",
        f"""
CREATE TRIGGER news_status_counts_{_kind}_delete AFTER DELETE ON {_table}
BEGIN{_REMOVE.format(kind=_kind)}
END""",
    ]
SQLITE_DOWN = [f"DROP TRIGGER news_status_counts_{kind}_{event}"
               for kind in TABLES for event in ("insert", "update", "delete")]

FILL = [f"""
INSERT INTO news_status_counts (kind, status, n)
SELECT '{kind}', status, count(*) FROM {table} GROUP BY status""" for kind, table in TABLES.items()]


def upgrade() -> None:
    op.create_table(
        "news_status_counts",
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.CheckConstraint("n >= 0", name=op.f("ck_news_status_counts_n_not_negative")),
        sa.PrimaryKeyConstraint("kind", "status", name=op.f("pk_news_status_counts")),
    )
    postgresql = op.get_bind().dialect.name == "postgresql"
    for statement in POSTGRESQL_UP if postgresql else SQLITE_UP:
        op.execute(statement)
    for statement in FILL:
        op.execute(statement)


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for statement in POSTGRESQL_DOWN if postgresql else SQLITE_DOWN:
        op.execute(statement)
    op.drop_table("news_status_counts")
