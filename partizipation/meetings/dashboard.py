"""The meetings section's figures of /mein-bereich (see partizipation/dashboard.py): the user's
coming invitations and those without an answer; for the officer the minutes not yet approved."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from .. import clock
from ..dashboard import capped, count, figure, value
from ..people.models import Person
from ..permissions import is_signed_in
from .models import Invitee, Meeting, MeetingRecord, MeetingStatus
from .permissions import can_manage_meetings


def figures(user: Any) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if is_signed_in(user):
        person = select(Person.id).where(Person.user_id == user.id)
        coming = (select(Invitee.id).join(Meeting, Invitee.meeting_id == Meeting.id)
                  .where(Invitee.person_id == person.scalar_subquery(),
                         Meeting.status == MeetingStatus.INVITED, Meeting.ends_at >= clock.now()))
        found["person"] = value(person)
        found["upcoming"] = count(coming)
        found["open"] = count(coming.where(Invitee.answer == "open"))
    if can_manage_meetings(user):
        found["minutes_open"] = capped(
            select(Meeting.id).outerjoin(MeetingRecord, MeetingRecord.meeting_id == Meeting.id)
            .where(Meeting.status == MeetingStatus.HELD.value,
                   MeetingRecord.id.is_(None) | (MeetingRecord.minutes_status != "approved")))
    return found


def my_area() -> dict[str, Any]:
    """What the meetings section of /mein-bereich shows for the signed-in user."""
    return {"person": figure("meetings.person"), "upcoming": figure("meetings.upcoming", 0) or 0,
            "open": figure("meetings.open", 0) or 0}


def minutes_open() -> int:
    return figure("meetings.minutes_open", 0) or 0
