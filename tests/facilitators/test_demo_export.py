"""Demo data of Kreis Unna and the person's data export."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from partizipation.facilitators import personal as facilitators_personal
from partizipation.facilitators.demo import seed as seed_facilitators
from partizipation.facilitators.models import Facilitator
from partizipation.municipalities import personal as municipalities_personal
from partizipation.municipalities import services
from partizipation.municipalities.demo import seed as seed_municipalities
from partizipation.municipalities.models import Municipality
from tests.conftest import login
from tests.factories import create_user
from tests.helpers import page_text


@pytest.fixture()
def demo(app, db_session):
    users = {role: create_user(db_session, role=role, email=f"demo-{role}@example.org")
             for role in ("admin", "officer", "editor", "member")}
    with app.app_context():
        # In the order of the registry: the facilitators are placed in the municipalities.
        accounts = seed_municipalities(db_session, users) + seed_facilitators(db_session, users)
    return accounts


def test_demo_has_the_ten_municipalities_with_valid_keys(db_session, demo):
    rows = db_session.scalars(select(Municipality).order_by(Municipality.ags)).all()
    assert [m.ags for m in rows] == [f"05978{n:03d}" for n in range(4, 44, 4)]
    assert all(services.ags_problem(m.ags) is None for m in rows)
    kinds = {m.name: m.kind for m in rows}
    assert kinds["Bönen"] == kinds["Holzwickede"] == "municipality"
    assert sum(kind == "town" for kind in kinds.values()) == 8
    statuses = {f.status for f in db_session.scalars(select(Facilitator))}
    assert statuses == {"proposed", "sent_back", "confirmed", "active", "ended"}
    names = [f.person.name for f in db_session.scalars(select(Facilitator))]
    assert all("(erfunden)" in name for name in names)


def test_demo_accounts_can_sign_in_and_see_their_part(client, demo):
    roles = {role: (email, password) for role, email, password in demo}
    assert set(roles) == {"contact", "facilitator"}
    assert login(client, *roles["contact"]).status_code == 302
    assert "Partizipationsbegleiter*innen von Bergkamen" in page_text(client.get("/mein-bereich"))


def export(session, user, person):
    """Both domains' parts of the data export, as one dict."""
    return {**facilitators_personal.export(session, user, person),
            **municipalities_personal.export(session, user, person)}


def test_export_has_facilitator_and_contact_roles(app, db_session, cast):
    with app.app_context():
        own = export(db_session, cast.user("facilitator"), None)
        contact = export(db_session, cast.user("contact_here"), None)
        nothing = export(db_session, cast.user("member"), None)
    assert own["facilitator_roles"][0]["municipality"] == "Bergkamen"
    assert own["facilitator_roles"][0]["history"][0]["to"] == "active"
    assert contact["municipality_contact_roles"][0]["municipality"] == "Bergkamen"
    assert nothing == {"facilitator_roles": [], "municipality_contact_roles": []}


def test_completing_a_deletion_ends_the_facilitator_work_and_the_contact_roles(
        app, db_session, cast):
    from partizipation.facilitators.personal import ERASED_REASON
    from partizipation.municipalities.models import MunicipalityContact
    from partizipation.people.privacy import complete_deletion, request_deletion

    from .factories import create_contact

    user = cast.user("facilitator")
    contact = create_contact(db_session, user, cast.kamen)
    with app.test_request_context():
        request = request_deletion(db_session, user, actor=user)
        complete_deletion(db_session, request, actor=cast.user("officer"))
    db_session.expire_all()
    facilitator = db_session.get(Facilitator, cast.own_facilitator.id)
    assert (facilitator.status, facilitator.end_reason) == ("ended", ERASED_REASON)
    assert (facilitator.events[-1].action, facilitator.events[-1].from_status) == (
        "ended", "active")
    # The address is gone from the person and from the uniqueness key alike.
    assert facilitator.person.email is None and facilitator.email_key is None
    assert db_session.get(MunicipalityContact, contact.id).ended_at is not None
    assert not any(c.ended_at is None for c in db_session.scalars(select(
        MunicipalityContact).where(MunicipalityContact.user_id == user.id)))
