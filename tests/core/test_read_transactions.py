"""A request that only read ends its transaction with COMMIT on PostgreSQL, so psycopg keeps the
statements it prepared on the server (it forgets them all on every rollback) and a page's
statements are not parsed and planned again on every request. A request that changed anything,
and every request on SQLite, still ends with a rollback: what a view did not commit is never
saved by the end of the request.

These run on a database of their own with real commits (the per-test transaction of the other
tests would hide both)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from sqlalchemy import Engine, delete, select, text

from partizipation.accounts.models import User
from partizipation.db import UNPREPARED, db
from tests.conftest import make_test_app
from tests.factories import create_user

EMAIL = "read-transactions@example.org"


@pytest.fixture()
def app(race_engine: Engine) -> Iterator[Flask]:
    app = make_test_app(race_engine.url.render_as_string(hide_password=False))

    @app.get("/_test/read")
    def read() -> str:
        return str(len(db.session.scalars(select(User.id).where(User.email == EMAIL)).all()))

    @app.get("/_test/unprepared")
    def unprepared() -> str:
        return str(len(db.session.scalars(select(User.id).where(User.display_name == EMAIL)
                                          .execution_options(**UNPREPARED)).all()))

    @app.get("/_test/flushed")
    def flushed() -> str:
        create_user(db.session, email=EMAIL)  # flushed, never committed
        return "ok"

    @app.get("/_test/pending")
    def pending() -> str:
        db.session.scalars(select(User.id)).first()
        db.session.add(User(email=EMAIL, display_name="Pending", role="member",
                            password_hash="x"))  # not even flushed: a commit would save it
        return "ok"

    @app.get("/_test/text-update")
    def text_update() -> str:
        db.session.execute(text("UPDATE users SET display_name = 'Changed' WHERE email = :e"),
                           {"e": EMAIL})
        return "ok"

    yield app
    with app.app_context():
        db.session.execute(delete(User).where(User.email == EMAIL))
        db.session.commit()
    app.extensions["db"].engine.dispose()


def _users(app: Flask) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(select(User.display_name).where(User.email == EMAIL)))


def test_a_reading_request_keeps_its_statements_prepared(app: Flask) -> None:
    if app.extensions["db"].engine.dialect.name != "postgresql":
        pytest.skip("prepared statements: PostgreSQL")
    client = app.test_client()
    for _ in range(8):  # psycopg prepares a statement from its fifth run on
        assert client.get("/_test/read").status_code == 200
    with app.app_context():
        prepared = db.session.scalar(text(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%FROM users%'"))
        assert db.engine.pool.checkedin() == 0  # the same pooled connection the requests used
    assert prepared == 1


def test_a_statement_marked_unprepared_is_planned_for_its_values_each_time(app: Flask) -> None:
    """`UNPREPARED` (a person's calendar feed): never prepared, so PostgreSQL never settles on
    one generic plan for every person."""
    if app.extensions["db"].engine.dialect.name != "postgresql":
        pytest.skip("prepared statements: PostgreSQL")
    client = app.test_client()
    for _ in range(8):
        assert client.get("/_test/unprepared").status_code == 200
        assert client.get("/_test/read").status_code == 200
    with app.app_context():
        found = dict(db.session.execute(text(
            "SELECT CASE WHEN statement LIKE '%users.display_name =%' THEN 'marked' "
            "ELSE 'plain' END, count(*) FROM pg_prepared_statements "
            "WHERE statement LIKE '%FROM users%' GROUP BY 1")).all())
    assert found == {"plain": 1}


@pytest.mark.parametrize("path", ["/_test/flushed", "/_test/pending"])
def test_a_change_the_view_did_not_commit_is_not_saved(app: Flask, path: str) -> None:
    assert app.test_client().get(path).status_code == 200
    assert _users(app) == []


def test_a_text_statement_counts_as_a_change(app: Flask) -> None:
    with app.app_context():
        create_user(db.session, email=EMAIL, display_name="Kept")
        db.session.commit()
    assert app.test_client().get("/_test/text-update").status_code == 200
    assert _users(app) == ["Kept"]

