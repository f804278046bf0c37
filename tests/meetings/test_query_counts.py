"""The busy meeting pages run a constant number of SQL statements: at 10 and at 1,000 meetings
with 30 invitees each (answers and support requests included)."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import insert, select

from partizipation import clock
from partizipation.council.models import SupportConsent
from partizipation.meetings.models import Invitee, Meeting, SupportBooking, SupportRequest
from partizipation.people.models import Person
from tests.conftest import login
from tests.helpers import count_statements

from .conftest import new_feed
from .factories import create_item

INVITEES = 30
ANSWERS = ["attending", "not_attending", "open", "deputy_attends"]


def add_meetings(db_session, cast, count: int, persons: list[int]) -> list[int]:
    """`count` announced public meetings, each with the same 30 invitees (Core inserts)."""
    now = clock.now()
    rows = [{"uid": f"{uuid.uuid4()}@example.org", "title": f"Sitzung {i:04d}",
             "body_id": cast.council.id, "kind": "session", "format": "in_person",
             "place_id": cast.place.id, "status": "invited",
             "starts_at": now + timedelta(days=1 + i % 300, hours=i % 7),
             "ends_at": now + timedelta(days=1 + i % 300, hours=2 + i % 7)} for i in range(count)]
    ids = list(db_session.scalars(insert(Meeting).returning(Meeting.id), rows))
    db_session.execute(insert(Invitee), [
        {"meeting_id": m, "person_id": p, "source": "member", "role": "member",
         "answer": ANSWERS[n % 4]} for m in ids for n, p in enumerate(persons)])
    consent = db_session.scalar(select(SupportConsent.id))
    invitees = db_session.scalars(select(Invitee.id).where(Invitee.meeting_id.in_(ids))
                                  .where(Invitee.answer != "not_attending"))
    db_session.execute(insert(SupportRequest), [
        {"invitee_id": i, "consent_id": consent, "kind": kind}
        for n, i in enumerate(invitees) for kind in ("sign_language", "step_free")[: n % 3]])
    db_session.flush()
    return ids


def statements(client, engine, url: str) -> int:
    assert client.get(url).status_code == 200, url  # warm-up
    with count_statements(engine) as seen:
        response = client.get(url)
    assert response.status_code == 200
    return len([s for s in seen if not s.startswith(("SAVEPOINT", "RELEASE", "ROLLBACK"))])


def test_constant_statements_at_10_and_1000_meetings(app, client, db_session, engine, cast):
    persons = [cast.persons["invited"].id] + [
        p.id for p in (Person(name=f"Mitglied {n:02d}", email=f"m{n}@example.org")
                       for n in range(INVITEES - 1)) if db_session.add(p) or db_session.flush()
        or True]
    db_session.add(SupportConsent(person_id=persons[0], purpose="support_needs",
                                  text_version="t", consent_text="t"))
    first = add_meetings(db_session, cast, 10, persons)[0]
    target = db_session.get(Meeting, first)
    for title in ("Begrüßung", "Haushalt", "Verschiedenes"):
        create_item(db_session, target, title=title)
    for kind in ("sign_language", "step_free"):  # the logistics page's checklist
        db_session.add(SupportBooking(meeting_id=first, kind=kind, booked_with="Dolmetsch-Büro"))
    member, officer = client, app.test_client()
    login(member, "invited@example.org")
    login(officer, "officer@example.org")
    feed = new_feed(member)
    urls = [(app.test_client(), "/sitzungen"), (member, f"/sitzungen/{first}"),
            (member, "/mein-bereich/sitzungen"),
            (officer, f"/verwaltung/sitzungen/{first}/logistik"),
            (officer, "/verwaltung/sitzungen"), (app.test_client(), feed)]
    small = [statements(c, engine, url) for c, url in urls]
    add_meetings(db_session, cast, 990, persons)
    large = [statements(c, engine, url) for c, url in urls]
    paths = [url for _client, url in urls]
    print("statements at 10 and 1,000 meetings:", dict(zip(paths, small, strict=True)))
    assert small == large, list(zip([u for _c, u in urls], small, large, strict=True))
    # A list: its rows and their total in one statement. The logistics page: the meeting with
    # its bookings, the invitees (the answers counted from them), the support totals, and the
    # session check. The personal feed: the secret's account and person in one statement, then
    # the coming and the past meetings.
    assert dict(zip(paths, small, strict=True)) == {
        "/sitzungen": 2, f"/sitzungen/{first}": 7, "/mein-bereich/sitzungen": 4,
        f"/verwaltung/sitzungen/{first}/logistik": 4, "/verwaltung/sitzungen": 2, feed: 3}
