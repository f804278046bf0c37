"""The meeting's history: one row per change, with who and when."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from ..i18n import _l
from .models import Meeting, MeetingEvent


class Action(StrEnum):
    CREATED = "created"
    EDITED = "edited"
    MOVED = "moved"
    INVITED = "invited"
    INVITED_LATE = "invited_late"
    CANCELLED = "cancelled"
    HELD = "held"
    ITEM_ADDED = "item_added"
    ITEM_CHANGED = "item_changed"
    ITEM_MOVED = "item_moved"
    ITEM_DELETED = "item_deleted"
    DOCUMENT_ADDED = "document_added"
    DOCUMENT_DELETED = "document_deleted"
    INVITEE_ADDED = "invitee_added"
    INVITEE_REMOVED = "invitee_removed"
    INVITEES_FILLED = "invitees_filled"
    DEPUTY_INVITED = "deputy_invited"
    DEPUTY_RELEASED = "deputy_released"
    REMINDED = "reminded"
    BOOKING = "booking"
    ATTENDANCE = "attendance"
    MINUTES_SAVED = "minutes_saved"
    MINUTES_SENT = "minutes_sent"
    MINUTES_APPROVED = "minutes_approved"


ACTIONS = {
    Action.CREATED: _l("Created"),
    Action.EDITED: _l("Details changed"),
    Action.MOVED: _l("Moved; the invitees were told"),
    Action.INVITED: _l("Invitations sent"),
    Action.INVITED_LATE: _l("Invitations sent late (confirmed)"),
    Action.CANCELLED: _l("Cancelled"),
    Action.HELD: _l("Marked as held"),
    Action.ITEM_ADDED: _l("Agenda item added"),
    Action.ITEM_CHANGED: _l("Agenda item changed"),
    Action.ITEM_MOVED: _l("Agenda item moved"),
    Action.ITEM_DELETED: _l("Agenda item deleted"),
    Action.DOCUMENT_ADDED: _l("Document added"),
    Action.DOCUMENT_DELETED: _l("Document deleted"),
    Action.INVITEE_ADDED: _l("Invitee added"),
    Action.INVITEE_REMOVED: _l("Invitee removed"),
    Action.INVITEES_FILLED: _l("Invitees taken from the body"),
    Action.DEPUTY_INVITED: _l("Personal deputy invited"),
    Action.DEPUTY_RELEASED: _l("Personal deputy no longer needed"),
    Action.REMINDED: _l("Reminder sent"),
    Action.BOOKING: _l("Booking checklist changed"),
    Action.ATTENDANCE: _l("Attendance recorded"),
    Action.MINUTES_SAVED: _l("Minutes saved"),
    Action.MINUTES_SENT: _l("Minutes sent for corrections"),
    Action.MINUTES_APPROVED: _l("Minutes approved"),
}


def record(session: Session, meeting: Meeting, action: Action, *, actor: Any,
           note: str = "") -> None:
    """Add a history row (never with health data in the note)."""
    session.add(MeetingEvent(meeting_id=meeting.id, action=action.value, note=note[:2000],
                             actor_id=getattr(actor, "id", None)))


def action_label(code: str) -> str:
    return str(ACTIONS.get(code, code))  # type: ignore[call-overload]
