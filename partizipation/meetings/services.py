"""The life of a meeting: create and change it (telling invitees when it moves), send the
invitations once, cancel it, mark it held. Services flush, never commit."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from .. import clock
from ..council.models import Body
from ..db import utcnow
from ..domain import DomainError
from ..i18n import _l
from ..locking import lock_row
from . import mailing
from .history import Action, record
from .invitees import fill_from_body, invitees_of, replace_body_invitees
from .models import (
    EVENT_KINDS,
    AgendaItem,
    Meeting,
    MeetingFormat,
    MeetingKind,
    MeetingStatus,
    Place,
)

SUPPORT_DEADLINE_DAYS = 14
# A change of these tells every invitee (when the invitations are out).
MOVING_FIELDS = ("starts_at", "ends_at", "place_id", "format", "join_url", "join_details")


@dataclass
class MeetingData:
    title: str
    body_id: int | None
    kind: str
    starts_on: date
    start_time: str
    ends_on: date | None
    end_time: str
    format: str
    place_id: int | None
    join_url: str = ""
    join_details: str = ""
    is_public: bool = True
    component: str = ""
    support_deadline_on: date | None = None


def _moment(day: date, hhmm: str) -> datetime:
    moment = time.fromisoformat(hhmm)
    return clock.berlin(day, moment.hour, moment.minute)


def _d(value: date) -> str:
    from flask_babel import format_date

    return str(format_date(value))


def support_deadline(meeting: Meeting) -> date:
    """The last day to ask for support without being marked late."""
    if meeting.support_deadline_on is not None:
        return meeting.support_deadline_on
    return clock.local(meeting.starts_at).date() - timedelta(days=SUPPORT_DEADLINE_DAYS)


def notice_deadline(meeting: Meeting) -> date | None:
    """The last day the invitations are in time (the body's notice period); None: no period."""
    if meeting.body is None or not meeting.body.notice_period_days:
        return None
    start = clock.local(meeting.starts_at).date()
    return start - timedelta(days=meeting.body.notice_period_days)


def is_late(meeting: Meeting) -> bool:
    deadline = notice_deadline(meeting)
    return deadline is not None and clock.today() > deadline


def _check(session: Session, data: MeetingData) -> tuple[datetime, datetime]:
    starts_at = _moment(data.starts_on, data.start_time)
    ends_at = _moment(data.ends_on or data.starts_on, data.end_time)
    if data.body_id and session.get(Body, data.body_id) is None:
        raise DomainError(_l("Choose a body from the list."), "body_id")
    if data.kind not in {k.value for k in MeetingKind}:
        raise DomainError(_l("Choose the kind of meeting."), "kind")
    if not data.body_id and data.kind not in {k.value for k in EVENT_KINDS}:
        raise DomainError(_l("A meeting without a body is an event: choose kick-off event, "
                             "training, future workshop or other event, or choose a body."),
                          "kind")
    if ends_at <= starts_at:
        field = "ends_on" if data.ends_on and data.ends_on < data.starts_on else "end_time"
        raise DomainError(_l("The end must be after the start. Enter an end after %(time)s on "
                             "%(date)s.", time=data.start_time, date=_d(data.starts_on)), field)
    if data.format not in {f.value for f in MeetingFormat}:
        raise DomainError(_l("Choose the format."), "format")
    if data.format != MeetingFormat.ONLINE:
        if not data.place_id:
            raise DomainError(_l("Choose the place: a meeting in person or a hybrid meeting "
                                 "needs one."), "place_id")
        if session.get(Place, data.place_id) is None:
            raise DomainError(_l("Choose a place from the list."), "place_id")
    url = data.join_url.strip()
    if url and (not url.lower().startswith("https://") or len(url) <= len("https://")
                or any(c.isspace() for c in url)):
        raise DomainError(_l("Enter a join link that starts with https://, like "
                             "https://meet.example.org/beirat."), "join_url")
    if data.component not in {"", "structure", "culture", "activity"}:
        raise DomainError(_l("Choose a component, or “None of them”."), "component")
    if data.support_deadline_on and data.support_deadline_on > starts_at.date():
        raise DomainError(_l("The deadline for support requests must be on or before the day "
                             "of the meeting, %(date)s.", date=_d(data.starts_on)),
                          "support_deadline_on")
    return starts_at, ends_at


def _apply(meeting: Meeting, data: MeetingData, starts_at: datetime, ends_at: datetime) -> None:
    meeting.title = data.title.strip()
    meeting.body_id = data.body_id or None
    meeting.kind = data.kind
    meeting.starts_at, meeting.ends_at = starts_at, ends_at
    meeting.format = data.format
    meeting.place_id = data.place_id if data.format != MeetingFormat.ONLINE else None
    meeting.join_url = data.join_url.strip()
    meeting.join_details = data.join_details.strip()
    meeting.is_public = data.is_public
    meeting.component = data.component
    meeting.support_deadline_on = data.support_deadline_on


def create_meeting(session: Session, data: MeetingData, *, actor: Any) -> Meeting:
    """A new meeting in state "planned", its invitees taken from the body."""
    starts_at, ends_at = _check(session, data)
    domain = current_app.config["MAIL_FROM"].rpartition("@")[2] or "localhost"
    meeting = Meeting(uid=f"{uuid.uuid4()}@{domain}", created_by_id=getattr(actor, "id", None))
    _apply(meeting, data, starts_at, ends_at)
    session.add(meeting)
    session.flush()
    record(session, meeting, Action.CREATED, actor=actor)
    fill_from_body(session, meeting, actor=actor)
    return meeting


def _snapshot(meeting: Meeting) -> dict[str, Any]:
    return {name: getattr(meeting, name) for name in (
        "title", "body_id", "kind", "starts_at", "ends_at", "format", "place_id", "join_url",
        "join_details", "is_public", "component", "support_deadline_on")}


def _has_decisions(session: Session, meeting: Meeting) -> bool:
    from ..decisions.models import Decision

    return session.scalar(select(Decision.id).where(Decision.meeting_id == meeting.id)
                          .limit(1)) is not None


def update_meeting(session: Session, meeting: Meeting, data: MeetingData, *,
                   actor: Any) -> bool:
    """Save changes; when the invitations are out and it moved, tell every invitee.

    Returns whether the invitees were told. The caller has checked the form's version."""
    if meeting.status not in (MeetingStatus.PLANNED, MeetingStatus.INVITED):
        raise DomainError(_l("A meeting that was held or cancelled cannot be changed."))
    starts_at, ends_at = _check(session, data)
    if starts_at != meeting.starts_at and starts_at > clock.now():
        # Decisions are recorded once a meeting has started; the decision list relies on it.
        # The meeting's row is held until commit: a decision recorded at this moment waits, and
        # then finds the meeting not started (`take_decision` locks the same row).
        lock_row(session, Meeting, meeting.id)
        if _has_decisions(session, meeting):
            raise DomainError(_l("Decisions have been recorded at this meeting: its start "
                                 "cannot move into the future."), "starts_on")
    if meeting.status == MeetingStatus.INVITED and data.body_id != meeting.body_id:
        raise DomainError(_l("The invitations have been sent: the body cannot change any more. "
                             "Cancel this meeting and create a new one."), "body_id")
    before = _snapshot(meeting)
    _apply(meeting, data, starts_at, ends_at)
    after = _snapshot(meeting)
    if before == after:
        return False
    meeting.sequence += 1
    session.flush()
    if before["body_id"] != after["body_id"]:
        session.refresh(meeting, ["body"])
        replace_body_invitees(session, meeting, actor=actor)
    moved = any(before[name] != after[name] for name in MOVING_FIELDS)
    told = moved and meeting.status == MeetingStatus.INVITED
    record(session, meeting, Action.MOVED if told else Action.EDITED, actor=actor)
    if told:
        items = agenda(session, meeting)
        for invitee in invitees_of(session, meeting):
            mailing.send(session, meeting, invitee, "changed", items=items)
    return told


def agenda(session: Session, meeting: Meeting) -> list[AgendaItem]:
    return list(session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id)
                                .order_by(AgendaItem.position)))


def _transition(session: Session, meeting: Meeting, allowed: tuple[MeetingStatus, ...],
                **values: Any) -> bool:
    """A conditional UPDATE: True only for the one request that changed the state."""
    result = session.execute(
        update(Meeting)
        .where(Meeting.id == meeting.id, Meeting.status.in_([s.value for s in allowed]))
        .values(sequence=Meeting.sequence + 1, version=Meeting.version + 1, **values)
        .execution_options(synchronize_session=False))
    session.refresh(meeting)
    return result.rowcount == 1  # type: ignore[attr-defined, no-any-return]


class LateError(DomainError):
    """The invitations would go out after the notice period began: the officer must confirm."""


def send_invitations(session: Session, meeting: Meeting, *, actor: Any,
                     confirm_late: bool = False) -> int:
    """Send every invitee the invitation, once: a second request (a double submit, another
    officer) finds the meeting no longer planned and sends nothing. Returns the mails queued."""
    if meeting.status != MeetingStatus.PLANNED:
        raise DomainError(_l("The invitations to this meeting have already been sent."))
    if meeting.starts_at <= clock.now():
        raise DomainError(_l("This meeting has already started: invitations cannot be sent."))
    invitees = invitees_of(session, meeting)
    if not invitees:
        raise DomainError(_l("Nobody is invited yet. Add invitees first."))
    late = is_late(meeting)
    if late and not confirm_late:
        deadline = notice_deadline(meeting)
        raise LateError(_l(
            "The notice period of %(days)s days ended on %(date)s: these invitations are late. "
            "Tick the box to send them anyway; they are recorded as late.",
            days=meeting.body.notice_period_days if meeting.body else 0,
            date=_d(deadline) if deadline else ""), "confirm_late")
    now = utcnow()
    if not _transition(session, meeting, (MeetingStatus.PLANNED,),
                       status=MeetingStatus.INVITED.value, invited_at=now, invited_late=late):
        raise DomainError(_l("Someone else has just sent these invitations. Nothing was sent "
                             "twice."))
    items = agenda(session, meeting)
    sent = 0
    for invitee in invitees:
        invitee.invited_at = now
        sent += mailing.send(session, meeting, invitee, "invitation", items=items)
    record(session, meeting, Action.INVITED_LATE if late else Action.INVITED, actor=actor,
           note=str(sent))
    session.flush()
    return sent


def invite_one(session: Session, meeting: Meeting, invitee: Any, *, kind: str = "invitation",
               **context: Any) -> bool:
    """Send one invitation (a guest added after sending, a deputy)."""
    invitee.invited_at = utcnow()
    return mailing.send(session, meeting, invitee, kind, items=agenda(session, meeting),
                        **context)


def cancel_meeting(session: Session, meeting: Meeting, *, reason: str, actor: Any) -> int:
    """Cancel with a reason; when the invitations were out, every invitee is told (with a
    METHOD:CANCEL calendar entry). Returns the mails queued."""
    reason = reason.strip()
    if not reason:
        raise DomainError(_l("Enter the reason for the cancellation."), "reason")
    if meeting.starts_at <= clock.now():
        raise DomainError(_l("This meeting has already started and cannot be cancelled."))
    was_invited = meeting.status == MeetingStatus.INVITED
    if not _transition(session, meeting, (MeetingStatus.PLANNED, MeetingStatus.INVITED),
                       status=MeetingStatus.CANCELLED.value, cancel_reason=reason,
                       cancelled_at=utcnow()):
        raise DomainError(_l("This meeting is no longer open: it was cancelled or held "
                             "meanwhile."))
    record(session, meeting, Action.CANCELLED, actor=actor, note=reason)
    sent = 0
    if was_invited:
        items = agenda(session, meeting)
        for invitee in invitees_of(session, meeting):
            sent += mailing.send(session, meeting, invitee, "cancelled", items=items,
                                 cancel=True, reason=reason)
    session.flush()
    return sent


def mark_held(session: Session, meeting: Meeting, *, actor: Any) -> None:
    """After its start, a meeting that was announced is marked as held."""
    if meeting.starts_at > clock.now():
        raise DomainError(_l("The meeting has not started yet."))
    if not _transition(session, meeting, (MeetingStatus.INVITED,),
                       status=MeetingStatus.HELD.value):
        raise DomainError(_l("Only a meeting whose invitations were sent can be marked as "
                             "held."))
    record(session, meeting, Action.HELD, actor=actor)
