"""The migration chain runs down to nothing and up again on this database (SQLite, or PostgreSQL
in CI), and the models agree with the migrated schema (what `alembic check` checks)."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from partizipation.db import make_engine
from partizipation.migrations import alembic_config
from tests.concurrency import separate_database


def test_every_migration_goes_down_and_up_again(database_url, tmp_path_factory):
    url = separate_database(database_url, "migrations", tmp_path_factory)
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql("DROP SCHEMA public CASCADE")
                conn.exec_driver_sql("CREATE SCHEMA public")
        config = alembic_config(url)
        command.upgrade(config, "head")
        tables = set(inspect(engine).get_table_names())
        assert {"users", "memberships", "audit_entries"} <= tables
        command.downgrade(config, "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        command.upgrade(config, "head")
        assert set(inspect(engine).get_table_names()) == tables
        command.check(config)  # raises when the models and the schema differ
    finally:
        engine.dispose()
