"""Who may do what with meetings.

The officer and the admin run meetings (the admin as a technical stand-in). Support requests are
health data: the person and the officer see them, the admin never does — so the logistics page is
the officer's alone. A non-public meeting exists only for its invitees and those who run meetings;
an invitee is recognised by their invitee row (the view loads it once and passes it on).
"""

from __future__ import annotations

from typing import Any

from .. import clock
from ..permissions import is_officer, is_officer_or_admin, is_signed_in
from .models import MeetingStatus

OPEN_STATES = (MeetingStatus.PLANNED, MeetingStatus.INVITED)


def _own(user: Any, invitee: Any) -> bool:
    return (is_signed_in(user) and invitee is not None
            and invitee.person.user_id is not None and invitee.person.user_id == user.id)


def _started(meeting: Any) -> bool:
    return bool(meeting.starts_at <= clock.now())


def is_public_meeting(meeting: Any) -> bool:
    """Shown to everyone: public, and announced (invitations sent; later held or cancelled)."""
    return bool(meeting.is_public) and meeting.status != MeetingStatus.PLANNED


def is_public_document(document: Any) -> bool:
    """A document anyone may open: of a public meeting, public itself, of a public agenda item
    (or of the whole meeting), and — for another version — its original is public too."""
    if not (document.is_public and is_public_meeting(document.meeting)):
        return False
    if document.item is not None and not document.item.is_public:
        return False
    original = document.alternative_of
    return original is None or is_public_document(original)


def can_manage_meetings(user: Any) -> bool:
    """Create and edit meetings and places, invite, cancel: the officer and the admin."""
    return is_officer_or_admin(user)


def is_own_invitation(user: Any, invitee: Any) -> bool:
    """The invitee row is the signed-in user's own (nobody answers for someone else)."""
    return _own(user, invitee)


def is_invited(user: Any, meeting: Any, invitee: Any = None) -> bool:
    """The signed-in user is invited (the invitations have been sent)."""
    return _own(user, invitee) and meeting.status != MeetingStatus.PLANNED


def can_view_meeting(user: Any, meeting: Any, invitee: Any = None) -> bool:
    return (can_manage_meetings(user) or is_public_meeting(meeting)
            or is_invited(user, meeting, invitee))


def can_see_join_details(user: Any, meeting: Any, invitee: Any = None) -> bool:
    """Online join link and dial-in: invitees and those who run meetings."""
    return can_manage_meetings(user) or is_invited(user, meeting, invitee)


def can_view_document(user: Any, document: Any, invitee: Any = None) -> bool:
    return (can_manage_meetings(user) or is_public_document(document)
            or is_invited(user, document.meeting, invitee))


def can_answer(user: Any, invitee: Any) -> bool:
    """One's own invitation, until the meeting starts."""
    return (_own(user, invitee) and invitee.meeting.status == MeetingStatus.INVITED
            and not _started(invitee.meeting))


def can_request_support(user: Any, invitee: Any) -> bool:
    """Support for one's own invitation, until the meeting starts (the person gives consent)."""
    return can_answer(user, invitee) and invitee.person.anonymised_at is None


def can_view_support_request(user: Any, invitee: Any) -> bool:
    """A person's support request for a meeting: that person and the officer."""
    return is_officer(user) or _own(user, invitee)


def can_edit_meeting(user: Any, meeting: Any) -> bool:
    """Details, agenda, documents and invitees, until the meeting is held or cancelled."""
    return can_manage_meetings(user) and meeting.status in OPEN_STATES


def can_change_invitees(user: Any, meeting: Any) -> bool:
    """Fill from the body, add guests, remove invitees: before the invitations are sent."""
    return can_manage_meetings(user) and meeting.status == MeetingStatus.PLANNED


def can_add_guests(user: Any, meeting: Any) -> bool:
    """Add a guest: before sending, or after it (the guest is then invited at once)."""
    return can_edit_meeting(user, meeting) and not _started(meeting)


def can_send_invitations(user: Any, meeting: Any) -> bool:
    return (can_manage_meetings(user) and meeting.status == MeetingStatus.PLANNED
            and not _started(meeting))


def can_cancel_meeting(user: Any, meeting: Any) -> bool:
    return can_manage_meetings(user) and meeting.status in OPEN_STATES and not _started(meeting)


def can_mark_held(user: Any, meeting: Any) -> bool:
    return (can_manage_meetings(user) and meeting.status == MeetingStatus.INVITED
            and _started(meeting))


def can_view_logistics(user: Any) -> bool:
    """Answers and support per meeting, with the people behind them: the officer only."""
    return is_officer(user)


def can_manage_places(user: Any) -> bool:
    return is_officer_or_admin(user)


def can_use_calendar_feed(user: Any) -> bool:
    """A personal calendar address: anyone signed in."""
    return is_signed_in(user)


CHECKS = (
    is_public_meeting,
    is_public_document,
    can_manage_meetings,
    is_own_invitation,
    is_invited,
    can_view_meeting,
    can_see_join_details,
    can_view_document,
    can_answer,
    can_request_support,
    can_view_support_request,
    can_edit_meeting,
    can_change_invitees,
    can_add_guests,
    can_send_invitations,
    can_cancel_meeting,
    can_mark_held,
    can_view_logistics,
    can_manage_places,
    can_use_calendar_feed,
)


def can_record_meeting(user: Any, meeting: Any) -> bool:
    """Attendance, minutes and decisions: those who run meetings, once it has started (not for a
    cancelled one)."""
    return (can_manage_meetings(user) and meeting.status != MeetingStatus.CANCELLED
            and _started(meeting))


def can_read_minutes(user: Any, meeting: Any, record: Any, invitee: Any = None) -> bool:
    """Minutes: those who run meetings always; invitees once sent for corrections; everyone who
    may see the meeting once approved (then only its public part, see `can_read_all_minutes`)."""
    if record is None:
        return False
    if can_manage_meetings(user):
        return True
    if is_invited(user, meeting, invitee):
        return record.minutes_status in ("sent", "approved")
    return record.minutes_status == "approved" and is_public_meeting(meeting)


def can_read_all_minutes(user: Any, meeting: Any, invitee: Any = None) -> bool:
    """Also the non-public items: invitees and those who run meetings."""
    return can_manage_meetings(user) or is_invited(user, meeting, invitee)


CHECKS: tuple[Any, ...] = (*CHECKS, can_record_meeting, can_read_minutes,  # type: ignore[no-redef]
                           can_read_all_minutes)
