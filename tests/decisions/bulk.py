"""Many past meetings at once (Core inserts), for the query-count tests and `make bench`."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import String, case, cast, insert, literal, select, true, union_all

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
    public), the invitees `persons` with attendance, approved minutes and three decisions each.

    The agenda items, minutes items and decisions are made from the meetings by INSERT … SELECT
    on the database; the invitees are sent without RETURNING (psycopg sends the rows of one
    prepared INSERT) and their ids read back. Sent with RETURNING, 2,000 meetings' 40,000 agenda
    items and 60,000 invitees went as 100 INSERTs of 1,000 rows, each parsed anew by psycopg: the
    query-count test at 2,000 meetings took 27-42 s on PostgreSQL, now 11.5 s."""
    now = clock.now()
    rows = [{"uid": f"{uuid.uuid4()}@example.org", "title": f"Sitzung {i:04d}",
             "body_id": body_id, "kind": "session", "format": "online",
             "status": "held", "is_public": i % 5 != 0,
             "starts_at": now - timedelta(days=1 + i % 1500, hours=i % 7),
             "ends_at": now - timedelta(days=1 + i % 1500, hours=i % 7) + timedelta(hours=2)}
            for i in range(offset, offset + count)]
    ids = list(db_session.scalars(insert(Meeting).returning(Meeting.id), rows))
    numbers = union_all(*(select(literal(n).label("n")) for n in range(1, ITEMS + 1))).subquery()
    db_session.execute(insert(AgendaItem).from_select(
        ["meeting_id", "position", "title", "is_public"],
        select(Meeting.id, numbers.c.n, literal("Punkt ") + cast(numbers.c.n, String),
               numbers.c.n % 4 != 0).join(numbers, true())
        .where(Meeting.id.in_(ids))
        .order_by(Meeting.id, numbers.c.n)))
    db_session.execute(insert(Invitee), [
        {"meeting_id": m, "person_id": p, "source": "member", "role": "member",
         "has_vote": True} for m in ids for p in persons])
    invitees = db_session.execute(select(Invitee.id, Invitee.meeting_id)
                                  .where(Invitee.meeting_id.in_(ids))).all()
    db_session.execute(insert(Attendance), [
        {"meeting_id": m, "invitee_id": i, "presence": "present" if i % 3 else "excused"}
        for i, m in invitees])
    db_session.execute(insert(MeetingRecord), [
        {"meeting_id": m, "minutes_status": "approved", "general_html": "<p>Allgemein</p>",
         "voting_members": INVITEES, "voting_present": 20, "quorate": True} for m in ids])
    db_session.execute(insert(MinutesItem).from_select(
        ["record_id", "agenda_item_id", "text_html"],
        select(MeetingRecord.id, AgendaItem.id, literal("<p>Bericht</p>"))
        .join(AgendaItem, AgendaItem.meeting_id == MeetingRecord.meeting_id)
        .where(MeetingRecord.meeting_id.in_(ids))))
    # Three decisions a meeting, on its first three items.
    today = clock.today()
    db_session.execute(insert(Decision).from_select(
        ["meeting_id", "agenda_item_id", "text", "status", "due_on"],
        select(AgendaItem.meeting_id, AgendaItem.id,
               literal("Beschluss ") + cast(AgendaItem.meeting_id, String) + "-"
               + cast(AgendaItem.position - 1, String),
               case(dict(enumerate(STATES)),
                    value=(AgendaItem.meeting_id + AgendaItem.position - 1) % len(STATES)),
               case((AgendaItem.position == 1, today), (AgendaItem.position == 2,
                    today - timedelta(days=1)), else_=today - timedelta(days=2)))
        .where(AgendaItem.meeting_id.in_(ids), AgendaItem.position <= 3)))
    db_session.flush()
    return ids
