"""The archive, a past meeting page, the decision lists and the officer's /mein-bereich run a
constant number of SQL statements: at 10 and at 2,000 past meetings with 20 agenda items and 30
invitees each (attendance, minutes and three decisions per meeting)."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import insert

from partizipation import clock
from partizipation.decisions.models import Decision
from partizipation.meetings.models import (
    AgendaItem,
    Attendance,
    Invitee,
    Meeting,
    MeetingRecord,
    MinutesItem,
)
from partizipation.people.models import Person
from tests.conftest import login
from tests.helpers import count_statements

ITEMS, INVITEES = 20, 30
STATES = ["taken", "submitted", "approved", "communicated", "implemented"]


def add_meetings(db_session, cast, count: int, persons: list[int], offset: int = 0) -> list[int]:
    now = clock.now()
    rows = [{"uid": f"{uuid.uuid4()}@example.org", "title": f"Sitzung {i:04d}",
             "body_id": cast.council.id, "kind": "session", "format": "online",
             "status": "held", "is_public": i % 5 != 0,
             "starts_at": now - timedelta(days=1 + i % 1500, hours=i % 7),
             "ends_at": now - timedelta(days=1 + i % 1500, hours=i % 7) + timedelta(hours=2)}
            for i in range(offset, offset + count)]
    ids = list(db_session.scalars(insert(Meeting).returning(Meeting.id), rows))
    item_rows = db_session.execute(insert(AgendaItem).returning(AgendaItem.id,
                                                                AgendaItem.meeting_id), [
        {"meeting_id": m, "position": n + 1, "title": f"Punkt {n + 1}", "is_public": n % 4 != 3}
        for m in ids for n in range(ITEMS)]).all()
    invitees = db_session.execute(insert(Invitee).returning(Invitee.id, Invitee.meeting_id), [
        {"meeting_id": m, "person_id": p, "source": "member", "role": "member",
         "has_vote": True} for m in ids for p in persons]).all()
    db_session.execute(insert(Attendance), [
        {"meeting_id": m, "invitee_id": i, "presence": "present" if i % 3 else "excused"}
        for i, m in invitees])
    records = db_session.execute(insert(MeetingRecord).returning(MeetingRecord.id,
                                                                 MeetingRecord.meeting_id), [
        {"meeting_id": m, "minutes_status": "approved", "general_html": "<p>Allgemein</p>",
         "voting_members": INVITEES, "voting_present": 20, "quorate": True} for m in ids]).all()
    record_of = {m: r for r, m in records}
    db_session.execute(insert(MinutesItem), [
        {"record_id": record_of[m], "agenda_item_id": i, "text_html": "<p>Bericht</p>"}
        for i, m in item_rows])
    first_items: dict[int, list[int]] = {}
    for i, m in item_rows:
        first_items.setdefault(m, []).append(i)
    db_session.execute(insert(Decision), [
        {"meeting_id": m, "agenda_item_id": first_items[m][n], "text": f"Beschluss {m}-{n}",
         "status": STATES[(m + n) % 5], "due_on": clock.today() - timedelta(days=n)}
        for m in ids for n in range(3)])
    db_session.flush()
    return ids


def statements(client, engine, url: str) -> int:
    assert client.get(url).status_code == 200, url  # warm-up
    with count_statements(engine) as seen:
        response = client.get(url)
    assert response.status_code == 200
    return len(seen)


def test_constant_statements_at_10_and_2000_meetings(app, db_session, engine, cast):
    cast.council.min_meetings_per_year = 4
    persons = [cast.persons["invited"].id]
    for n in range(INVITEES - 1):
        person = Person(name=f"Mitglied {n:02d}", email=f"m{n}@example.org")
        db_session.add(person)
        db_session.flush()
        persons.append(person.id)
    first = add_meetings(db_session, cast, 10, persons)[1]
    db_session.commit()
    visitor, member, officer = app.test_client(), app.test_client(), app.test_client()
    login(member, "invited@example.org")
    login(officer, "officer@example.org")
    urls = [(visitor, "/sitzungen?zeit=vergangen"), (member, "/sitzungen?zeit=vergangen"),
            (visitor, f"/sitzungen/{first}"), (member, f"/sitzungen/{first}"),
            (visitor, "/beschluesse"), (member, "/beschluesse?status=approved"),
            (officer, "/verwaltung/beschluesse"), (officer, "/verwaltung/beschluesse?show=overdue"),
            (officer, "/mein-bereich"), (officer, "/verwaltung/sitzungsrhythmus")]
    small = [statements(c, engine, url) for c, url in urls]
    add_meetings(db_session, cast, 1990, persons, offset=10)
    db_session.commit()
    large = [statements(c, engine, url) for c, url in urls]
    assert dict(zip([u for _c, u in urls], large, strict=True)) == dict(
        zip([u for _c, u in urls], small, strict=True))
