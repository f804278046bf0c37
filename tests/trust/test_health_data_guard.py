"""Issue 12.1: an admin cannot reach health data, by any route.

Health data (support needs, kind of disability, support for a meeting) is the person's and the
officer's. An admin must not get there by giving the officer role, by inviting a person with health
data, or by changing such a person's email address to one the admin controls and inviting it.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from partizipation.accounts.models import User
from partizipation.audit.models import AuditEntry
from partizipation.council.models import SupportConsent, SupportNeed
from partizipation.people.models import Person
from tests.accounts.helpers import outbox, send_form
from tests.conftest import login
from tests.council.factories import create_body, create_membership, create_person, create_term
from tests.factories import create_user
from tests.helpers import page_text
from tests.meetings.factories import create_meeting, invite


def _with_health_data(session, **fields):
    person = create_person(session, name="Hanna Gesund", **fields)
    consent = SupportConsent(person_id=person.id, purpose="support_needs", text_version="v",
                             consent_text="text")
    session.add(consent)
    session.add(SupportNeed(person_id=person.id, kind="other", details="GEHEIM-BEDARF"))
    session.flush()
    return person


@pytest.fixture()
def officers(db_session):
    return [create_user(db_session, role="officer", email=f"officer{i}@example.org")
            for i in (1, 2)]


@pytest.fixture()
def admin(db_session):
    return create_user(db_session, role="admin", email="admin@example.org")


def test_admin_cannot_invite_an_officer(client, db_session, admin, officers):
    login(client, admin.email)
    page = client.get("/verwaltung/benutzer/einladen")
    assert 'value="officer"' not in page.get_data(as_text=True)
    response = send_form(client, "/verwaltung/benutzer/einladen", {
        "display_name": "Eve", "email": "eve@example.org", "role": "officer", "locale": "de"})
    assert response.status_code == 200
    db_session.expire_all()
    assert db_session.scalar(select(User).where(User.email == "eve@example.org")) is None


@pytest.mark.parametrize("start, new", [("member", "officer"), ("officer", "member")])
def test_admin_cannot_grant_or_remove_the_officer_role(client, db_session, admin, officers,
                                                       start, new):
    target = create_user(db_session, role=start)
    login(client, admin.email)
    response = send_form(client, f"/verwaltung/benutzer/{target.id}/rolle", {"role": new},
                         page_url=f"/verwaltung/benutzer/{target.id}")
    assert response.status_code in (200, 403)
    db_session.expire_all()
    assert db_session.get(User, target.id).role == start


def test_officer_grants_the_officer_role_logged_and_mailed_to_all_officers(
        client, db_session, officers):
    target = create_user(db_session, role="member", email="new.officer@example.org")
    login(client, officers[0].email)
    response = send_form(client, f"/verwaltung/benutzer/{target.id}/rolle", {"role": "officer"},
                         page_url=f"/verwaltung/benutzer/{target.id}")
    assert response.status_code == 302
    db_session.expire_all()
    assert db_session.get(User, target.id).role == "officer"
    entries = list(db_session.scalars(select(AuditEntry).where(
        AuditEntry.table_name == "users", AuditEntry.row_id == target.id)))
    assert any(e.changes.get("role") == ["member", "officer"] for e in entries)
    for officer in officers:
        mails = outbox(db_session, to=officer.email)
        assert any("new.officer@example.org" in m.body_text for m in mails), officer.email


def test_every_invitation_is_logged_and_mailed_to_all_officers(client, db_session, admin,
                                                               officers):
    login(client, admin.email)
    response = send_form(client, "/verwaltung/benutzer/einladen", {
        "display_name": "Neu", "email": "neu@example.org", "role": "member", "locale": "de"})
    assert response.status_code == 302
    user = db_session.scalar(select(User).where(User.email == "neu@example.org"))
    assert db_session.scalar(select(AuditEntry).where(
        AuditEntry.table_name == "users", AuditEntry.row_id == user.id,
        AuditEntry.action == "invited")) is not None
    for officer in officers:
        assert any("neu@example.org" in m.body_text for m in outbox(db_session, officer.email))


def test_admin_cannot_change_the_email_of_a_person_with_health_data(client, db_session, admin):
    person = _with_health_data(db_session, email="hanna@example.org")
    login(client, admin.email)
    url = f"/verwaltung/personen/{person.id}/bearbeiten"
    response = send_form(client, url, {"name": person.name, "email": "admin.alt@example.org",
                                       "version": person.version})
    assert response.status_code == 200
    assert "officer" in page_text(response).lower() or "Inklusions" in page_text(response)
    db_session.expire_all()
    assert db_session.get(Person, person.id).email == "hanna@example.org"


def test_admin_may_still_edit_other_fields_of_such_a_person(client, db_session, admin):
    person = _with_health_data(db_session, email="hanna@example.org")
    login(client, admin.email)
    url = f"/verwaltung/personen/{person.id}/bearbeiten"
    response = send_form(client, url, {"name": "Hanna Neu", "email": "hanna@example.org",
                                       "version": person.version})
    assert response.status_code == 302
    db_session.expire_all()
    assert db_session.get(Person, person.id).name == "Hanna Neu"


def test_officer_may_change_the_email_of_a_person_with_health_data(client, db_session, officers):
    person = _with_health_data(db_session, email="hanna@example.org")
    login(client, officers[0].email)
    url = f"/verwaltung/personen/{person.id}/bearbeiten"
    response = send_form(client, url, {"name": person.name, "email": "hanna2@example.org",
                                       "version": person.version})
    assert response.status_code == 302
    db_session.expire_all()
    assert db_session.get(Person, person.id).email == "hanna2@example.org"


def test_admin_cannot_invite_a_person_with_health_data(client, db_session, admin):
    person = _with_health_data(db_session, email="hanna@example.org")
    login(client, admin.email)
    send_form(client, f"/verwaltung/personen/{person.id}/einladen", {},
              page_url=f"/verwaltung/personen/{person.id}/bearbeiten")
    db_session.expire_all()
    assert db_session.get(Person, person.id).user_id is None
    assert outbox(db_session, to="hanna@example.org") == []


def test_admin_cannot_invite_the_address_of_a_person_with_health_data(client, db_session, admin):
    """The user-list invitation reuses a waiting account: the same rule holds there."""
    user = create_user(db_session, email="hanna@example.org", password_hash=None)
    _with_health_data(db_session, email="hanna@example.org", user_id=user.id)
    login(client, admin.email)
    send_form(client, "/verwaltung/benutzer/einladen", {
        "display_name": "Hanna", "email": "hanna@example.org", "role": "member", "locale": "de"})
    send_form(client, f"/verwaltung/benutzer/{user.id}/einladung-erneut", {},
              page_url=f"/verwaltung/benutzer/{user.id}")
    assert outbox(db_session, to="hanna@example.org") == []


def test_officer_may_invite_a_person_with_health_data(client, db_session, officers):
    person = _with_health_data(db_session, email="hanna@example.org")
    login(client, officers[0].email)
    send_form(client, f"/verwaltung/personen/{person.id}/einladen", {},
              page_url=f"/verwaltung/personen/{person.id}/bearbeiten")
    db_session.expire_all()
    assert db_session.get(Person, person.id).user_id is not None
    assert len(outbox(db_session, to="hanna@example.org")) == 1


def test_admin_sees_no_health_data_on_any_page(client, db_session, admin):
    """Every route that shows or changes health data, opened by the admin."""
    body = create_body(db_session, name="Beirat")
    term = create_term(db_session, body)
    person = _with_health_data(db_session)
    create_membership(db_session, term, person)
    login(client, admin.email)
    for url in (f"/verwaltung/gremien/{body.id}/unterstuetzung",
                f"/verwaltung/gremien/{body.id}",
                f"/verwaltung/personen/{person.id}/bearbeiten",
                "/verwaltung/personen",
                "/verwaltung/loeschantraege",
                "/mein-bereich/unterstuetzung",
                "/mein-bereich/behinderung",
                "/mein-bereich/meine-daten",
                "/mein-bereich/meine-daten.json"):
        response = client.get(url)
        assert "GEHEIM-BEDARF" not in response.get_data(as_text=True), url
        assert response.status_code in (200, 403, 404), url
    for url in (f"/verwaltung/gremien/{body.id}/unterstuetzung", "/verwaltung/loeschantraege"):
        assert client.get(url).status_code == 403, url
    # Changing health data: only the person, never the admin.
    for url in ("/mein-bereich/unterstuetzung", "/mein-bereich/unterstuetzung/widerrufen"):
        response = client.post(url, data={"needs": ["other"], "other_details": "x",
                                          "consent": "y"})
        assert response.status_code in (400, 403, 404), url
    db_session.expire_all()
    assert db_session.scalar(select(SupportNeed.details).where(
        SupportNeed.person_id == person.id)) == "GEHEIM-BEDARF"


def test_admin_cannot_open_a_meetings_logistics_or_support_pages(client, db_session, admin):
    """Each meeting's logistics (answers, who needs what, bookings, reminders) and the invitee's
    support request for one meeting are health data too: 403 for the admin, nothing shown."""
    from partizipation.meetings.models import SupportRequest

    body = create_body(db_session, name="Beirat")
    term = create_term(db_session, body)
    person = _with_health_data(db_session)
    create_membership(db_session, term, person)
    meeting = create_meeting(db_session, body)
    invitee = invite(db_session, meeting, person, source="member", role="member")
    consent = db_session.scalar(select(SupportConsent).where(
        SupportConsent.person_id == person.id))
    db_session.add(SupportRequest(invitee_id=invitee.id, consent_id=consent.id, kind="other",
                                  details="GEHEIM-BEDARF"))
    db_session.flush()
    login(client, admin.email)
    base = f"/verwaltung/sitzungen/{meeting.id}/logistik"
    for url in (base, f"{base}/other", f"{base}/sign_language",
                f"/sitzungen/{meeting.id}/unterstuetzung/{invitee.id}"):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "GEHEIM-BEDARF" not in response.get_data(as_text=True), url
    for url in (f"{base}/other/buchung", f"{base}/erinnern",
                f"/sitzungen/{meeting.id}/unterstuetzung/{invitee.id}"):
        response = client.post(url, data={"needs": ["other"], "other_details": "x",
                                          "consent": "y", "other-booked_with": "x"})
        assert response.status_code in (400, 403), url
    db_session.expire_all()
    assert db_session.scalar(select(SupportRequest.details).where(
        SupportRequest.invitee_id == invitee.id)) == "GEHEIM-BEDARF"


@pytest.mark.parametrize("active", [True, False])
def test_admin_cannot_deactivate_or_reactivate_an_officer(client, db_session, admin, officers,
                                                          active):
    """Whether the officer may sign in is the officer's alone, like the officer's role."""
    target = officers[0]
    target.is_active = active
    db_session.flush()
    login(client, admin.email)
    page = client.get(f"/verwaltung/benutzer/{target.id}")
    assert "/deaktivieren" not in page.get_data(as_text=True)
    assert "/reaktivieren" not in page.get_data(as_text=True)
    assert "Nur Inklusionsbeauftragte können das Konto" in page_text(page)
    action = "deaktivieren" if active else "reaktivieren"
    response = send_form(client, f"/verwaltung/benutzer/{target.id}/{action}", {},
                         page_url="/verwaltung/benutzer")
    assert response.status_code == 403
    db_session.expire_all()
    assert db_session.get(User, target.id).is_active is active


def test_officer_may_deactivate_another_officer(client, db_session, officers):
    login(client, officers[0].email)
    response = send_form(client, f"/verwaltung/benutzer/{officers[1].id}/deaktivieren", {},
                         page_url=f"/verwaltung/benutzer/{officers[1].id}")
    assert response.status_code == 302
    db_session.expire_all()
    assert db_session.get(User, officers[1].id).is_active is False
