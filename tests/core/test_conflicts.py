"""A rule the database holds is never answered as "service unavailable": a constraint violation
that slips past a form is a 409 page for a user who stays signed in; 503 is for a database that
cannot be reached."""

from __future__ import annotations

import pytest
from flask import Blueprint
from sqlalchemy.exc import OperationalError

from partizipation.db import db
from partizipation.people.models import Person
from tests.conftest import login, make_test_app
from tests.factories import create_user
from tests.helpers import page_text


@pytest.fixture()
def app(database_url, connection):  # type: ignore[no-untyped-def]
    app = make_test_app(database_url)
    app.extensions["db"].bind_to(connection)
    broken = Blueprint("broken", __name__)

    @broken.get("/kaputt/doppelt")
    def duplicate():  # type: ignore[no-untyped-def]
        user = create_user(db.session, email="same@example.org")
        db.session.add(Person(name="A", user_id=user.id))
        db.session.add(Person(name="B", user_id=user.id))
        db.session.flush()  # persons.user_id is unique
        return "saved"

    @broken.get("/kaputt/netz")
    def unreachable():  # type: ignore[no-untyped-def]
        raise OperationalError("SELECT 1", {}, Exception("connection refused"))

    app.register_blueprint(broken)
    yield app


def test_a_constraint_violation_is_a_409_page_and_the_user_stays_signed_in(
        app, client, db_session):
    user = create_user(db_session, role="officer")
    login(client, user.email)
    response = client.get("/kaputt/doppelt")
    assert response.status_code == 409
    text = page_text(response)
    assert "gleichzeitig" in text and "nicht gespeichert" in text
    assert user.display_name in text  # still shown as signed in
    assert client.get("/mein-bereich").status_code == 200


def test_an_unreachable_database_is_still_a_503(app, client):
    assert client.get("/kaputt/netz").status_code == 503
