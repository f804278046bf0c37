"""Many past meetings at once (Core inserts), for the query-count tests and `make bench`."""

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

ITEMS, INVITEES = 20, 30
STATES = ["taken", "submitted", "approved", "communicated", "implemented"]


def add_past_meetings(db_session, body_id: int, count: int, persons: list[int],  # type: ignore[no-untyped-def]
                      offset: int = 0) -> list[int]:
    """`count` held meetings (every fifth not public) with 20 agenda items (every fourth not
    public), the invitees `persons` with attendance, approved minutes and three decisions each."""
    now = clock.now()
    rows = [{"uid": f"{uuid.uuid4()}@example.org", "title": f"Sitzung {i:04d}",
             "body_id": body_id, "kind": "session", "format": "online",
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
