"""Answers to an invitation and support for one meeting.

A member with a personal deputy who does not come gets the deputy invited at once (by mail); the
deputy answers for themselves. Support for a meeting is health data: stored only under the
person's consent to store support needs (the same consent and text as in the council), deleted
with that consent; a request after the meeting's deadline still arrives, marked late.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .. import clock
from ..council.memberships import current_memberships
from ..council.models import ConsentPurpose, Membership, SupportConsent, SupportNeedKind
from ..council.support import SUPPORT_CONSENT_TEXT, SUPPORT_CONSENT_VERSION, consent
from ..db import utcnow
from ..domain import DomainError
from ..i18n import _l
from ..locking import load_for_update
from . import mailing
from .history import Action, record
from .models import Answer, Invitee, InviteeSource, MeetingStatus, SupportRequest
from .services import agenda, invite_one, support_deadline


def _open_for_answers(invitee: Invitee) -> None:
    meeting = invitee.meeting
    if meeting.status == MeetingStatus.CANCELLED:
        raise DomainError(_l("This meeting has been cancelled."))
    if meeting.status != MeetingStatus.INVITED:
        raise DomainError(_l("Answers are possible once the invitations have been sent."))
    if meeting.starts_at <= clock.now():
        raise DomainError(_l("The meeting has already started: answers and support requests "
                             "can no longer be changed. Please call the office instead."))


def personal_deputy(session: Session, invitee: Invitee) -> Membership | None:
    """The current personal deputy of the membership the invitee was invited in."""
    if invitee.membership_id is None or invitee.meeting.body is None:
        return None
    for membership in current_memberships(session, invitee.meeting.body):
        if membership.deputy_for_id == invitee.membership_id:
            return membership
    return None


def invitees_with_deputy(session: Session, invitees: list[Invitee]) -> set[int]:
    """Ids of the invitees (members, not deputies) whose membership has a current personal
    deputy: one query per body among them (a page of invitations has few bodies)."""
    bodies = {i.meeting.body_id: i.meeting.body for i in invitees
              if i.membership_id and i.source != InviteeSource.DEPUTY and i.meeting.body}
    principals: set[int] = set()
    for body in bodies.values():
        principals |= {m.deputy_for_id for m in current_memberships(session, body)
                       if m.deputy_for_id}
    return {i.id for i in invitees if i.membership_id in principals
            and i.source != InviteeSource.DEPUTY}


def answer_choices(session: Session, invitee: Invitee) -> list[str]:
    choices = [Answer.ATTENDING.value, Answer.NOT_ATTENDING.value]
    if invitee.source != InviteeSource.DEPUTY and personal_deputy(session, invitee) is not None:
        choices.append(Answer.DEPUTY_ATTENDS.value)
    return choices


def give_answer(session: Session, invitee: Invitee, value: str, *, actor: Any) -> Invitee | None:
    """Record the invitee's answer; returns the deputy invitee when one was invited now."""
    invitee = load_for_update(session, Invitee, invitee.id)
    _open_for_answers(invitee)
    if value not in answer_choices(session, invitee):
        raise DomainError(_l("Choose one of the answers."), "answer")
    invitee.answer, invitee.answered_at = value, utcnow()
    session.flush()
    if value == Answer.ATTENDING:
        _release_deputy(session, invitee, actor=actor)
        return None
    return _invite_deputy(session, invitee, actor=actor)


def _invite_deputy(session: Session, invitee: Invitee, *, actor: Any) -> Invitee | None:
    deputy = personal_deputy(session, invitee)
    if deputy is None:
        return None
    existing = session.scalar(select(Invitee).where(Invitee.meeting_id == invitee.meeting_id,
                                                    Invitee.person_id == deputy.person_id))
    if existing is not None:
        return None
    row = Invitee(meeting_id=invitee.meeting_id, person_id=deputy.person_id,
                  source=InviteeSource.DEPUTY.value, role=deputy.role,
                  has_vote=invitee.has_vote, membership_id=deputy.id, deputy_for_id=invitee.id)
    session.add(row)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError:
        return None  # invited by a concurrent answer
    session.refresh(row)
    invite_one(session, invitee.meeting, row, kind="deputy", principal=invitee.person.name)
    record(session, invitee.meeting, Action.DEPUTY_INVITED, actor=actor, note=deputy.person.name)
    return row


def _release_deputy(session: Session, invitee: Invitee, *, actor: Any) -> None:
    rows = list(session.scalars(select(Invitee).where(Invitee.deputy_for_id == invitee.id)))
    for row in rows:
        mailing.send(session, invitee.meeting, row, "deputy_released",
                     items=agenda(session, invitee.meeting), cancel=True,
                     principal=invitee.person.name)
        record(session, invitee.meeting, Action.DEPUTY_RELEASED, actor=actor,
               note=row.person.name)
        session.delete(row)
    session.flush()


def requests_of(session: Session, invitee: Invitee) -> list[SupportRequest]:
    return list(session.scalars(select(SupportRequest).where(
        SupportRequest.invitee_id == invitee.id).order_by(SupportRequest.id)))


def _consent_row(session: Session, invitee: Invitee) -> SupportConsent:
    row = consent(session, invitee.person, ConsentPurpose.SUPPORT_NEEDS)
    if row is None:
        row = SupportConsent(person_id=invitee.person_id,
                             purpose=ConsentPurpose.SUPPORT_NEEDS.value,
                             text_version=SUPPORT_CONSENT_VERSION,
                             consent_text=str(SUPPORT_CONSENT_TEXT))
        session.add(row)
        session.flush()
    elif row.text_version != SUPPORT_CONSENT_VERSION:
        row.text_version, row.consent_text = SUPPORT_CONSENT_VERSION, str(SUPPORT_CONSENT_TEXT)
    return row


def save_support_request(session: Session, invitee: Invitee, *, needs: list[str],
                         other_details: str, consented: bool, actor: Any) -> None:
    """Store what the invitee needs at this meeting (replacing what they asked for before)."""
    invitee = load_for_update(session, Invitee, invitee.id)
    _open_for_answers(invitee)
    if not consented:
        raise DomainError(_l("Tick the box to agree. Without your consent we cannot store your "
                             "support request."), "consent")
    other_details = other_details.strip()
    known = {k.value for k in SupportNeedKind}
    kinds = list(dict.fromkeys(k for k in needs if k in known))
    if other_details and SupportNeedKind.OTHER not in kinds:
        kinds.append(SupportNeedKind.OTHER.value)
    if SupportNeedKind.OTHER in kinds and not other_details:
        raise DomainError(_l("Describe the other support you need."), "other_details")
    consent_row = _consent_row(session, invitee)
    late = clock.today() > support_deadline(invitee.meeting)
    existing = {r.kind: r for r in requests_of(session, invitee)}
    session.execute(delete(SupportRequest).where(
        SupportRequest.invitee_id == invitee.id, SupportRequest.kind.not_in(kinds or [""])))
    for kind in kinds:
        details = other_details if kind == SupportNeedKind.OTHER else ""
        row = existing.get(kind)
        if row is None:
            session.add(SupportRequest(invitee_id=invitee.id, consent_id=consent_row.id,
                                       kind=kind, details=details, is_late=late))
        else:
            row.details, row.consent_id = details, consent_row.id
    session.flush()
