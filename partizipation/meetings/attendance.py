"""After the meeting: who was there (present, excused, absent; late, early; as whose deputy),
the guests, and the quorum by the body's rule. Services flush, never commit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import g, has_request_context
from sqlalchemy import delete, select
from sqlalchemy.orm import Session, joinedload

from .. import clock
from ..council.models import Body
from ..db import utcnow
from ..domain import DomainError
from ..i18n import _l
from ..locking import lock_row
from .history import Action, record
from .models import (
    Attendance,
    BodyRules,
    Invitee,
    InviteeSource,
    Meeting,
    MeetingRecord,
    MeetingStatus,
    Presence,
    QuorumRule,
)

GUESTS_MAX = 2000


@dataclass
class Entry:
    invitee_id: int
    presence: str
    arrived_late: str = ""
    left_early: str = ""
    deputy_for_id: int | None = None


@dataclass
class Quorum:
    members: int  # voting members invited
    present: int  # votes present (members, or deputies for them)
    needed: int
    rule: str

    @property
    def reached(self) -> bool:
        return self.present >= self.needed


def rules_of(session: Session, body_id: int | None) -> BodyRules:
    """The body's rules (the defaults when it keeps none)."""
    found = session.get(BodyRules, body_id) if body_id else None
    return found or BodyRules(body_id=body_id or 0, quorum_rule=QuorumRule.MORE_THAN_HALF.value,
                              decisions_need_approval=body_id is not None)


def save_rules(session: Session, body_id: int, *, quorum_rule: str,
               decisions_need_approval: bool) -> BodyRules:
    if quorum_rule not in {r.value for r in QuorumRule}:
        raise DomainError(_l("Choose the quorum rule."), "quorum_rule")
    # The body's row is the lock: two first saves at once do not both insert.
    lock_row(session, Body, body_id)
    rules = session.get(BodyRules, body_id)
    if rules is None:
        rules = BodyRules(body_id=body_id)
        session.add(rules)
    rules.quorum_rule = quorum_rule
    rules.decisions_need_approval = decisions_need_approval
    session.flush()
    return rules


def needed(rule: str, members: int) -> int:
    """Votes needed for the quorum among `members` voting members."""
    if rule == QuorumRule.NONE or members == 0:
        return 0
    if rule == QuorumRule.ONE_THIRD:
        return -(-members // 3)
    if rule == QuorumRule.TWO_THIRDS:
        return -(-2 * members // 3)
    return members // 2 + 1


def is_voting_member(invitee: Invitee) -> bool:
    return bool(invitee.has_vote) and invitee.source != InviteeSource.DEPUTY


def quorum(rule: str, invitees: list[Invitee], entries: dict[int, Attendance | Entry]) -> Quorum:
    """Count the votes present: a voting member present, or a deputy present for a voting
    member who is not (each member's vote once)."""
    voting = {i.id for i in invitees if is_voting_member(i)}
    votes: set[int] = set()
    for invitee_id, entry in entries.items():
        if entry.presence != Presence.PRESENT:
            continue
        if invitee_id in voting:
            votes.add(invitee_id)
        elif entry.deputy_for_id in voting:
            votes.add(entry.deputy_for_id)  # type: ignore[arg-type]
    return Quorum(members=len(voting), present=len(votes), needed=needed(rule, len(voting)),
                  rule=rule)


def can_record_after(meeting: Meeting) -> bool:
    return meeting.status != MeetingStatus.CANCELLED and meeting.starts_at <= clock.now()


def record_of(session: Session, meeting: Meeting) -> MeetingRecord | None:
    """The meeting's record (None before the meeting is recorded); the one this request's page
    loaded with the meeting (`remember_record`) if there is one."""
    known = g.get("_meeting_records", {}) if has_request_context() else {}
    if meeting.id in known:
        return known[meeting.id]  # type: ignore[no-any-return]
    return session.scalar(select(MeetingRecord).where(MeetingRecord.meeting_id == meeting.id))


def remember_record(meeting: Meeting, record: MeetingRecord | None) -> None:
    """For the rest of this request: `meeting`'s record, loaded together with the meeting."""
    g.setdefault("_meeting_records", {})[meeting.id] = record


def ensure_record(session: Session, meeting: Meeting) -> MeetingRecord:
    """The meeting's record, made on first use (the caller holds the meeting's lock)."""
    found = record_of(session, meeting)
    if found is None:
        found = MeetingRecord(meeting_id=meeting.id)
        session.add(found)
        session.flush()
    return found


def attendance_of(session: Session, meeting: Meeting) -> dict[int, Attendance]:
    """invitee id -> attendance (one query)."""
    return {a.invitee_id: a for a in session.scalars(
        select(Attendance).where(Attendance.meeting_id == meeting.id))}


def invitees_with_people(session: Session, meeting: Meeting) -> list[Invitee]:
    return list(session.scalars(
        select(Invitee).options(joinedload(Invitee.person))
        .where(Invitee.meeting_id == meeting.id).order_by(Invitee.id)))


def _time(value: str, field: str) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    parts = value.replace(".", ":").split(":")
    try:
        hour, minute = int(parts[0]), int(parts[1]) if len(parts) > 1 else 0
    except ValueError:
        hour, minute = 99, 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59) or len(parts) > 2:
        raise DomainError(_l("Enter a time like 18:20, or leave it empty."), field)
    return f"{hour:02d}:{minute:02d}"


def record_attendance(session: Session, meeting: Meeting, entries: list[Entry], *,
                      guests: str, actor: Any) -> Quorum:
    """Store who was there (replacing what was stored) and the quorum reached."""
    if meeting.status == MeetingStatus.CANCELLED:
        raise DomainError(_l("The meeting was cancelled: there is no attendance to record."))
    if meeting.starts_at > clock.now():
        raise DomainError(_l("Attendance can be recorded once the meeting has started."))
    if len(guests) > GUESTS_MAX:
        raise DomainError(_l("This can have at most %(max)s characters.", max=GUESTS_MAX),
                          "guests")
    lock_row(session, Meeting, meeting.id)
    invitees = {i.id: i for i in invitees_with_people(session, meeting)}
    seen: dict[int, Entry] = {}
    for index, entry in enumerate(entries):
        prefix = f"people-{index}-"
        if entry.invitee_id not in invitees:
            raise DomainError(_l("Only invitees of this meeting can be recorded as attending; "
                                 "add other people as guests."), "guests")
        if entry.presence not in {p.value for p in Presence}:
            raise DomainError(_l("Choose present, excused or absent."), prefix + "presence")
        entry.arrived_late = _time(entry.arrived_late, prefix + "arrived_late")
        entry.left_early = _time(entry.left_early, prefix + "left_early")
        if entry.presence != Presence.PRESENT and (entry.arrived_late or entry.left_early
                                                   or entry.deputy_for_id):
            raise DomainError(_l("Late, early and deputy apply only to someone present."),
                              prefix + "presence")
        if entry.deputy_for_id:
            other = invitees.get(entry.deputy_for_id)
            if other is None or other.id == entry.invitee_id or not is_voting_member(other):
                raise DomainError(_l("Choose a voting member of this meeting the deputy stood "
                                     "in for."), prefix + "deputy_for_id")
        seen[entry.invitee_id] = entry
    for entry in seen.values():
        if entry.deputy_for_id:
            stood_for = seen.get(entry.deputy_for_id)
            if stood_for is not None and stood_for.presence == Presence.PRESENT:
                index = list(seen).index(entry.invitee_id)
                raise DomainError(
                    _l("%(name)s was present: nobody can stand in for them.",
                       name=invitees[entry.deputy_for_id].person.name),
                    f"people-{index}-deputy_for_id")
        if sum(1 for e in seen.values() if e.deputy_for_id
               and e.deputy_for_id == entry.deputy_for_id) > 1:
            raise DomainError(_l("Only one deputy can stand in for a member."),
                              f"people-{list(seen).index(entry.invitee_id)}-deputy_for_id")
    session.execute(delete(Attendance).where(Attendance.meeting_id == meeting.id))
    for entry in seen.values():
        session.add(Attendance(meeting_id=meeting.id, invitee_id=entry.invitee_id,
                               presence=entry.presence, arrived_late=entry.arrived_late,
                               left_early=entry.left_early, deputy_for_id=entry.deputy_for_id))
    rules = rules_of(session, meeting.body_id)
    result = quorum(rules.quorum_rule, list(invitees.values()), dict(seen))
    held = ensure_record(session, meeting)
    held.guests = guests.strip()
    held.attendance_at = utcnow()
    held.voting_members, held.voting_present = result.members, result.present
    held.quorate = result.reached
    session.flush()

    record(session, meeting, Action.ATTENDANCE, actor=actor,
           note=str(_l("%(present)s of %(members)s votes present",
                       present=result.present, members=result.members)))
    return result
