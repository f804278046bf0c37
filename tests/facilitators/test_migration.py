"""Migration 0009 (facilitator rules) down and up again on the test database (SQLite, or
PostgreSQL with TEST_DATABASE_URL): existing facilitators get their address key, a double
registration from before the rule does not stop the upgrade, and the downgrade undoes it all."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text

from partizipation.migrations import alembic_config

MIGRATION = Path(__file__).resolve().parents[2] / "migrations/versions/0009_facilitator_rules.py"


def _revisions() -> tuple[str, str]:
    spec = importlib.util.spec_from_file_location("facilitator_rules", MIGRATION)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.revision, module.down_revision


def _columns(conn, table):
    return {c["name"] for c in inspect(conn).get_columns(table)}


def test_downgrade_and_upgrade_keep_the_facilitators(engine):
    revision, previous = _revisions()
    with engine.begin() as conn:
        command.downgrade(alembic_config(connection=conn), previous)
    try:
        with engine.begin() as conn:
            assert "email_key" not in _columns(conn, "facilitators")
            assert "version" not in _columns(conn, "municipalities")
            conn.execute(text(
                "INSERT INTO municipalities (id, name, kind, ags, website, agreement_status, "
                "agreement_document_url, agreement_document_title, created_at) VALUES "
                "(9901, 'Altdorf', 'town', '05978901', '', 'none', '', '', CURRENT_TIMESTAMP)"))
            for ident, email in [(9901, " Twice@Example.org"), (9902, "twice@example.org"),
                                 (9903, None), (9904, "ended@example.org")]:
                conn.execute(text(
                    "INSERT INTO persons (id, name, form_of_address, organisation, function, "
                    "email, created_at) VALUES (:id, 'Alt', '', '', '', :email, "
                    "CURRENT_TIMESTAMP)"), {"id": ident, "email": email})
            for ident, status in [(9901, "active"), (9902, "proposed"), (9903, "proposed"),
                                  (9904, "ended")]:
                conn.execute(text(
                    "INSERT INTO facilitators (id, person_id, municipality_id, status, "
                    "employment_model, association_name, started_on, training_provider, "
                    "end_reason, created_at, updated_at) VALUES (:id, :id, 9901, :status, "
                    "'volunteer', '', '2025-01-01', '', '', CURRENT_TIMESTAMP, "
                    "CURRENT_TIMESTAMP)"), {"id": ident, "status": status})
        with engine.begin() as conn:
            command.upgrade(alembic_config(connection=conn), revision)
        with engine.begin() as conn:
            keys = dict(conn.execute(text(
                "SELECT id, email_key FROM facilitators WHERE id >= 9901 ORDER BY id")).all())
            versions = set(conn.execute(text(
                "SELECT version FROM municipalities WHERE id = 9901")).scalars())
            indexes = {i["name"] for i in inspect(conn).get_indexes("facilitators")}
        # The older of two with one address keeps the key; the later one is left without.
        assert keys == {9901: "twice@example.org", 9902: None, 9903: None,
                        9904: "ended@example.org"}
        assert versions == {1}
        assert "uq_facilitators_municipality_email" in indexes
    finally:
        with engine.begin() as conn:
            command.upgrade(alembic_config(connection=conn), "head")
            conn.execute(text("DELETE FROM facilitators WHERE id >= 9901"))
            conn.execute(text("DELETE FROM persons WHERE id >= 9901"))
            conn.execute(text("DELETE FROM municipalities WHERE id = 9901"))
    with engine.begin() as conn:
        assert {"email_key", "version"} <= _columns(conn, "facilitators")
