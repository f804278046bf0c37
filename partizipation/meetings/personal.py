"""The meetings' part of a person's data export, and what erasure deletes: their support
requests (health data) and their calendar address. Invitations stay as history (who was invited
as what); the person record itself is anonymised by `people`."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, contains_eager

from ..accounts.models import User
from ..i18n import _l
from ..people.models import Person
from .labels import ANSWERS, INVITEE_ROLES
from .models import Attendance, CalendarToken, Invitee, Meeting, SupportRequest
from .record_forms import PRESENCE

VALUE_LABELS = {"answer": ANSWERS, "invited_as": INVITEE_ROLES, "attendance": PRESENCE}
DATA_LABELS = {
    "meetings": _l("Meetings"), "invitations": _l("Invitations"), "meeting": _l("Meeting"),
    "answer": _l("Answer"), "answered_at": _l("Answered at"), "invited_as": _l("Invited as"),
    "support_requests": _l("Support requests for the meeting"), "is_late": _l("After the deadline"),
    "calendar_address_made_at": _l("Calendar address made at"),
    "attendance": _l("Attendance"),
}


def export(session: Session, user: User, person: Person | None) -> dict[str, Any]:
    """Invitations with answers and support requests; whether a calendar address exists."""
    data: dict[str, Any] = {}
    token = session.scalar(select(CalendarToken).where(CalendarToken.user_id == user.id))
    if token is not None:
        data["calendar_address_made_at"] = token.created_at.isoformat()
    if person is None:
        return data
    invitees = list(session.scalars(
        select(Invitee).join(Meeting, Invitee.meeting_id == Meeting.id)
        .options(contains_eager(Invitee.meeting))
        .where(Invitee.person_id == person.id).order_by(Meeting.starts_at)))
    requests: dict[int, list[SupportRequest]] = {}
    for row in session.scalars(select(SupportRequest).where(
            SupportRequest.invitee_id.in_([i.id for i in invitees] or [-1]))
            .order_by(SupportRequest.id)):
        requests.setdefault(row.invitee_id, []).append(row)
    attendance = {a.invitee_id: a.presence for a in session.scalars(select(Attendance).where(
        Attendance.invitee_id.in_([i.id for i in invitees] or [-1])))}
    if invitees:
        data["invitations"] = [
            {"meeting": f"{i.meeting.title} ({i.meeting.starts_at.isoformat()})",
             "invited_as": i.role, "answer": i.answer,
             "answered_at": i.answered_at.isoformat() if i.answered_at else None,
             "attendance": attendance.get(i.id),
             "support_requests": [{"kind": r.kind, "details": r.details, "is_late": r.is_late,
                                   "requested_at": r.requested_at.isoformat()}
                                  for r in requests.get(i.id, [])]}
            for i in invitees]
    return data


def erase(session: Session, user: User, person: Person | None) -> None:
    """Delete the person's support requests and their calendar address."""
    session.execute(delete(CalendarToken).where(CalendarToken.user_id == user.id))
    if person is None:
        return
    mine = select(Invitee.id).where(Invitee.person_id == person.id)
    session.execute(delete(SupportRequest).where(SupportRequest.invitee_id.in_(mine))
                    .execution_options(synchronize_session=False))
