"""Fixtures of the council tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from sqlalchemy.orm import Session

from partizipation import clock
from tests.factories import create_user
from tests.helpers import csrf_token

from .factories import STARTED, create_body, create_person, create_term


@pytest.fixture(autouse=True)
def same_day() -> Iterator[None]:
    """The clock held at the moment TODAY was taken (a test that freezes it itself still can)."""
    with clock.freeze(STARTED):
        yield


@pytest.fixture()
def ctx(app: Flask) -> Iterator[None]:
    """An app context for service tests (dates in messages are formatted with Flask-Babel)."""
    with app.test_request_context():
        yield


@pytest.fixture()
def officer(db_session: Session) -> Any:
    return create_user(db_session, role="officer")


@pytest.fixture()
def admin(db_session: Session) -> Any:
    return create_user(db_session, role="admin")


@pytest.fixture()
def member(db_session: Session) -> Any:
    user = create_user(db_session, role="member")
    create_person(db_session, name="Mara Mitglied", user_id=user.id)
    return user


@pytest.fixture()
def other_member(db_session: Session) -> Any:
    user = create_user(db_session, role="member")
    create_person(db_session, name="Otto Anders", user_id=user.id)
    return user


@pytest.fixture()
def council(db_session: Session) -> Any:
    body = create_body(db_session, name="Inklusionsbeirat Test")
    create_term(db_session, body)
    return body


def post(client: Any, url: str, data: dict[str, Any], page: str | None = None) -> Any:
    """Open the page like a browser, then send the form with its CSRF token."""
    token = csrf_token(client.get(page or url))
    return client.post(url, data={**data, "csrf_token": token})
