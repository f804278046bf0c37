"""The rules of the domain, without HTTP: keys, municipalities and their contacts."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from partizipation.domain import DomainError
from partizipation.mail.models import OutboxMessage
from partizipation.municipalities import services
from partizipation.municipalities.demo import MUNICIPALITIES

from .factories import create_municipality


@pytest.fixture(autouse=True)
def _context(app):
    # English, so that the assertions read the message ids.
    with app.test_request_context(headers={"Accept-Language": "en"}):
        yield


@pytest.mark.parametrize("ags", [m[2] for m in MUNICIPALITIES])
def test_the_keys_of_kreis_unna_are_valid(ags):
    assert services.ags_problem(ags) is None


@pytest.mark.parametrize(("ags", "says"), [
    ("5978004", "8 digits"), ("059780040", "8 digits"), ("05978O04", "8 digits"),
    ("", "8 digits"), ("17978004", "state"), ("00978004", "state"), ("05978000", "000"),
])
def test_invalid_keys_are_explained(ags, says):
    assert says in str(services.ags_problem(ags))


def test_municipality_rules(db_session, cast):
    officer = cast.user("officer")
    base = {"name": "Neustadt", "kind": "town", "ags": "05978044"}
    m = services.save_municipality(db_session, None, base, actor=officer)
    assert m.name == "Neustadt"
    cases = [
        ({"ags": "05978004"}, "ags", "Bergkamen"),
        ({"ags": "1234"}, "ags", "8 digits"),
    ]
    for change, field, says in cases:
        with pytest.raises(DomainError) as error:
            services.save_municipality(db_session, m, {**base, **change}, actor=officer)
        assert error.value.field == field and says in str(error.value), change
    services.save_municipality(db_session, m, {**base, "website": "https://neustadt.de"},
                               actor=officer)
    assert m.website == "https://neustadt.de"


def test_add_contact_invites_a_new_person_and_scopes_an_existing_one(db_session, cast):
    officer = cast.user("officer")
    invited = services.add_contact(db_session, cast.kamen, email="New@Example.org",
                                   display_name="Nina Neu", actor=officer)
    assert invited.user.email == "new@example.org" and invited.user.password_hash is None
    assert db_session.scalars(select(OutboxMessage).where(
        OutboxMessage.to_address == "new@example.org")).one()
    existing = services.add_contact(db_session, cast.kamen, email="member@example.org",
                                    display_name="x", actor=officer)
    assert existing.user is cast.user("member") and existing.user.role == "member"
    with pytest.raises(DomainError) as error:
        services.add_contact(db_session, cast.kamen, email="member@example.org",
                             display_name="x", actor=officer)
    assert error.value.field == "email"
    services.end_contact(db_session, existing, actor=officer)
    assert existing.ended_at is not None
    assert create_municipality  # the factory module is importable for other tests
