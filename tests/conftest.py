"""Shared fixtures: a migrated database (SQLite, or PostgreSQL via TEST_DATABASE_URL), an app
whose every session runs inside a per-test transaction that is rolled back, a client, factories.

Do not keep an app context pushed while using the client: requests then share it and its session.
Use `db_session` for factories and assertions; call `db_session.expire_all()` to see what a
request changed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session

from partizipation import create_app
from partizipation.accounts import passwords
from partizipation.db import make_engine
from partizipation.extensions import limiter
from partizipation.migrations import upgrade

from .factories import TEST_ARGON2, TEST_PASSWORD, create_user  # noqa: F401 - re-exported for tests

pytest_plugins = ["tests.smtp"]


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> str:
    """SQLite in a temporary folder, or TEST_DATABASE_URL; with several test processes
    (pytest-xdist), each gets a PostgreSQL database of its own (`<db>_gw0`, …)."""
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        if worker_id != "master":
            from .concurrency import separate_database

            return separate_database(url, worker_id, tmp_path_factory)
        return url
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"


def reset_database(engine: Engine) -> None:
    """Empty the test database completely, then build the schema through the migrations."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        upgrade(connection=conn)


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    reset_database(engine)
    yield engine
    engine.dispose()


@pytest.fixture()
def connection(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as conn:
        outer = conn.begin()
        yield conn
        outer.rollback()


def make_test_app(database_url: str, **overrides: Any) -> Flask:
    config = {
        "TESTING": True,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "test-secret-not-for-production",
        "SERVER_NAME": None,
        "OFFICER_EMAIL": "inklusion@example.org",
        "MAIL_FROM": "partizipation@example.org",
        # The limiter is one global object: say it every time, or one app's choice leaks on.
        "RATELIMIT_ENABLED": True,
        # Tests add rows without committing (their transaction is rolled back), which would not
        # reach the page cache: it is tested on its own (tests/core/test_page_cache.py).
        "PAGE_CACHE": False,
        **TEST_ARGON2,
    }
    config.update(overrides)
    app = create_app(config)
    if app.config.get("RATELIMIT_ENABLED", True):
        limiter.reset()  # counters live in memory and would leak from one test into the next
    return app


@pytest.fixture()
def app_config() -> dict[str, Any]:
    """Override in a test module to change the app's configuration."""
    return {}


_apps: dict[tuple[str, str], Flask] = {}
# Settings read at request time only: a test's own value is set on the shared app for the test.
PER_TEST = {"UPLOAD_FOLDER"}


def shared_app(database_url: str, overrides: dict[str, Any]) -> Flask:
    """One app per configuration for the whole session: building an app (its URL map) and
    compiling its templates cost more than most tests, so tests share them."""
    key = (database_url, repr(sorted((k, v) for k, v in overrides.items() if k not in PER_TEST)))
    if key not in _apps:
        _apps[key] = make_test_app(database_url, **overrides)
    return _apps[key]


@pytest.fixture(scope="session", autouse=True)
def _dispose_shared_apps() -> Iterator[None]:
    yield
    for app in _apps.values():
        app.extensions["db"].engine.dispose()
    _apps.clear()


@pytest.fixture()
def app(request: pytest.FixtureRequest, database_url: str, connection: Connection,
        app_config: dict[str, Any]) -> Iterator[Flask]:
    """The shared app for this configuration, its sessions inside this test's transaction; what a
    test changes in its config, and the rate-limit counters, do not outlive the test. A test that
    adds routes is marked `own_app` and gets a new app."""
    if request.node.get_closest_marker("own_app"):
        app = make_test_app(database_url, **app_config)
    else:
        app = shared_app(database_url, app_config)
    config = dict(app.config)
    app.config.update({k: v for k, v in app_config.items() if k in PER_TEST})
    passwords.configure(app.config)  # the argon2 cost is the process's; another app may have set it
    if app.config.get("RATELIMIT_ENABLED", True):
        limiter.reset()
    app.extensions["db"].bind_to(connection)
    yield app
    app.config.clear()
    app.config.update(config)


@pytest.fixture()
def db_session(connection: Connection) -> Iterator[Session]:
    session = Session(bind=connection, join_transaction_mode="create_savepoint",
                      expire_on_commit=False)
    yield session
    session.close()


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def login(client: FlaskClient, email: str, password: str = TEST_PASSWORD) -> Any:
    """Sign in through the real form (with its CSRF token)."""
    from .helpers import csrf_token

    page = client.get("/anmelden")
    return client.post(
        "/anmelden",
        data={"email": email, "password": password, "csrf_token": csrf_token(page)},
    )


@pytest.fixture(scope="session")
def race_engine(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """A database of its own for tests that race two real transactions (which must commit).

    SQLite: a file; PostgreSQL: `<db>_race`, created if missing. Every writing transaction on it
    begins as the app's writing requests do (BEGIN IMMEDIATE on SQLite, see db.py)."""
    from .concurrency import separate_database

    url = separate_database(database_url, "race", tmp_path_factory)
    engine = make_engine(url)
    reset_database(engine)
    yield engine.execution_options(sqlite_immediate=True)
    engine.dispose()
