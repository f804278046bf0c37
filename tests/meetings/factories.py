"""Factories of the meetings tests. Rows are added directly; services are tested on their own."""

from __future__ import annotations

import itertools
import uuid
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from partizipation import clock
from partizipation.meetings.models import AgendaItem, Invitee, Meeting, Place
from partizipation.people.models import Person

_counter = itertools.count(1)


def create_place(session: Session, **fields: Any) -> Place:
    number = next(_counter)
    fields.setdefault("name", f"Testort {number}")
    fields.setdefault("street", "Friedrich-Ebert-Straße 17")
    fields.setdefault("postal_code", "59425")
    fields.setdefault("city", "Unna")
    place = Place(**fields)
    session.add(place)
    session.flush()
    return place


def at(days: int, hour: int = 17, minute: int = 0) -> datetime:
    """A Berlin time `days` from today."""
    day: date = clock.today() + timedelta(days=days)
    return clock.berlin(day, hour, minute)


def create_meeting(session: Session, body: Any = None, *, days: int = 30, hours: int = 2,
                   **fields: Any) -> Meeting:
    number = next(_counter)
    fields.setdefault("title", f"Testsitzung {number}")
    fields.setdefault("kind", "session" if body is not None else "training")
    fields.setdefault("format", "online")
    fields.setdefault("starts_at", at(days))
    fields.setdefault("ends_at", fields["starts_at"] + timedelta(hours=hours))
    meeting = Meeting(uid=f"{uuid.uuid4()}@example.org", body_id=body.id if body else None,
                      **fields)
    session.add(meeting)
    session.flush()
    return meeting


def create_item(session: Session, meeting: Meeting, **fields: Any) -> AgendaItem:
    position = len(meeting.items) + 1
    fields.setdefault("title", f"Punkt {position}")
    item = AgendaItem(meeting_id=meeting.id, position=position, **fields)
    session.add(item)
    session.flush()
    session.refresh(meeting)
    return item


def invite(session: Session, meeting: Meeting, person: Person, **fields: Any) -> Invitee:
    fields.setdefault("source", "guest")
    fields.setdefault("role", "guest")
    invitee = Invitee(meeting_id=meeting.id, person_id=person.id, **fields)
    session.add(invitee)
    session.flush()
    return invitee
