"""Taking a decision and moving it through its states. Services flush, never commit.

Every move is a conditional UPDATE on the status the user saw (`WHERE status = :seen`): when
someone else moved it first, nothing changes and the user reads what happened instead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from .. import clock
from ..db import utcnow
from ..domain import DomainError
from ..i18n import _l
from ..locking import load_for_update
from ..meetings.attendance import can_record_after, record_of, rules_of
from ..meetings.models import AgendaItem, Meeting
from .labels import STATUSES
from .models import Approver, Decision, DecisionEvent, DecisionKind, Result, Status

TEXT_MAX = 5000


@dataclass
class DecisionData:
    agenda_item_id: int
    text: str
    kind: str = DecisionKind.DECISION.value
    result: str = Result.CONSENSUS.value
    votes_yes: int | None = None
    votes_no: int | None = None
    votes_abstain: int | None = None
    responsible: str = ""
    due_on: date | None = None


# action -> (states it starts from, state it leads to)
MOVES: dict[str, tuple[tuple[Status, ...], Status]] = {
    "submit": ((Status.TAKEN,), Status.SUBMITTED),
    "approve": ((Status.SUBMITTED,), Status.APPROVED),
    "reject": ((Status.SUBMITTED,), Status.NOT_APPROVED),
    "communicate": ((Status.TAKEN, Status.APPROVED), Status.COMMUNICATED),
    "implement": ((Status.COMMUNICATED,), Status.IMPLEMENTED),
    "drop": ((Status.TAKEN, Status.SUBMITTED, Status.APPROVED, Status.NOT_APPROVED,
              Status.COMMUNICATED), Status.DROPPED),
}


def allowed(decision: Decision) -> list[str]:
    """The moves open to the decision now."""
    found = []
    for action, (sources, _target) in MOVES.items():
        if decision.status not in sources:
            continue
        if action == "submit" and not decision.needs_approval:
            continue
        if action == "communicate" and decision.status == Status.TAKEN and decision.needs_approval:
            continue
        found.append(action)
    return found


def _day(value: date) -> str:
    from flask_babel import format_date

    return str(format_date(value))


def check_votes(session: Session, meeting: Meeting, data: DecisionData) -> None:
    if data.result not in {r.value for r in Result}:
        raise DomainError(_l("Choose how the decision was taken."), "result")
    if data.result == Result.CONSENSUS:
        return
    votes = (data.votes_yes, data.votes_no, data.votes_abstain)
    if any(v is None for v in votes):
        raise DomainError(_l("Enter the votes for, against and abstentions (0 if none)."),
                          "votes_yes")
    if any(v < 0 for v in votes):  # type: ignore[operator]
        raise DomainError(_l("Votes cannot be negative."), "votes_yes")
    held = record_of(session, meeting)
    if held is None or held.attendance_at is None:
        raise DomainError(_l("Record the attendance first: the votes must fit the voting members "
                             "present."), "votes_yes")
    total = sum(votes)  # type: ignore[arg-type]
    if total != held.voting_present:
        raise DomainError(_l("The votes add up to %(total)s, but %(present)s voting members were "
                             "present. Check the numbers for, against and abstentions.",
                             total=total, present=held.voting_present), "votes_yes")


def take_decision(session: Session, meeting: Meeting, data: DecisionData, *,
                  actor: Any) -> Decision:
    """Record a decision taken at the meeting under one of its agenda items."""
    # The meeting's row, held until commit and read afresh: a move of its start into the future
    # at this moment (`update_meeting`) either waits for this decision or is seen here.
    meeting = load_for_update(session, Meeting, meeting.id)
    if not can_record_after(meeting):
        raise DomainError(_l("Decisions can be recorded once the meeting has started (and not "
                             "for a cancelled meeting)."))
    item = session.get(AgendaItem, data.agenda_item_id)
    if item is None or item.meeting_id != meeting.id:
        raise DomainError(_l("Choose an agenda item of this meeting."), "agenda_item_id")
    text = data.text.strip()
    if not text:
        raise DomainError(_l("Enter the text of the decision."), "text")
    if len(text) > TEXT_MAX:
        raise DomainError(_l("This can have at most %(max)s characters.", max=TEXT_MAX), "text")
    if data.kind not in {k.value for k in DecisionKind}:
        raise DomainError(_l("Choose the kind of decision."), "kind")
    check_votes(session, meeting, data)
    if data.due_on is not None and data.due_on < clock.local(meeting.starts_at).date():
        raise DomainError(_l("The due date cannot be before the meeting (%(date)s).",
                             date=_day(clock.local(meeting.starts_at).date())), "due_on")
    by_vote = data.result == Result.VOTES
    decision = Decision(
        meeting_id=meeting.id, agenda_item_id=item.id, text=text, kind=data.kind,
        result=data.result, votes_yes=data.votes_yes or 0 if by_vote else 0,
        votes_no=data.votes_no or 0 if by_vote else 0,
        votes_abstain=data.votes_abstain or 0 if by_vote else 0,
        responsible=data.responsible.strip()[:200], due_on=data.due_on,
        needs_approval=rules_of(session, meeting.body_id).decisions_need_approval,
        status=Status.TAKEN.value, created_by_id=getattr(actor, "id", None))
    session.add(decision)
    session.flush()
    session.add(DecisionEvent(decision_id=decision.id, to_status=Status.TAKEN.value,
                              actor_id=getattr(actor, "id", None)))
    session.flush()
    return decision


def _jump_message(decision: Decision, action: str) -> Any:
    if action == "submit" and not decision.needs_approval:
        return _l("This body's decisions need no approval: mark it as communicated instead.")
    if action in ("communicate", "implement") and decision.needs_approval and decision.status in (
            Status.TAKEN, Status.SUBMITTED):
        return _l("This decision must be approved by the Landrat or the Verwaltungskonferenz "
                  "first. Submit it for approval and record the approval.")
    if action == "implement" and decision.status in (Status.TAKEN, Status.APPROVED):
        return _l("Mark the decision as communicated first, then as implemented.")
    return _l("This step is not possible now: the decision is “%(status)s”.",
              status=STATUSES.get(decision.status, decision.status))  # type: ignore[call-overload]


def move(session: Session, decision: Decision, action: str, *, actor: Any, note: str = "",
         approver: str = "", on: date | None = None, reference: str = "",
         reason: str = "") -> None:
    """Move the decision one step (see MOVES); nothing changes on a broken rule."""
    if action not in MOVES:
        raise DomainError(_l("Choose a step."))
    if action not in allowed(decision):
        raise DomainError(_jump_message(decision, action))
    target = MOVES[action][1]
    values: dict[str, Any] = {"status": target.value, "status_changed_at": utcnow()}
    meeting_day = clock.local(decision.meeting.starts_at).date()
    note = note.strip()
    if len(note) > 2000:
        raise DomainError(_l("This can have at most %(max)s characters.", max=2000), "note")
    if action in ("approve", "implement"):
        if on is None:
            raise DomainError(_l("Enter the date, like 27.03.2026."), "on")
        if on < meeting_day:
            raise DomainError(_l("The date cannot be before the meeting (%(date)s).",
                                 date=_day(meeting_day)), "on")
        if on > clock.today():
            raise DomainError(_l("The date cannot be in the future."), "on")
    if action == "approve":
        if approver not in {a.value for a in Approver}:
            raise DomainError(_l("Choose who approved it: the Landrat or the "
                                 "Verwaltungskonferenz."), "approver")
        if len(reference.strip()) > 200:
            raise DomainError(_l("This can have at most %(max)s characters.", max=200),
                              "reference")
        values.update(approved_by=approver, approved_on=on,
                      approval_reference=reference.strip())
    if action == "reject":
        if not reason.strip():
            raise DomainError(_l("Enter why it was not approved."), "reason")
        values["rejection_reason"] = reason.strip()[:2000]
    if action == "implement":
        values["implemented_on"] = on
    if action == "drop" and not note:
        raise DomainError(_l("Enter why the decision is dropped."), "note")
    seen = decision.status
    done = session.execute(update(Decision).where(Decision.id == decision.id,
                                                  Decision.status == seen).values(**values)
                           .execution_options(synchronize_session=False))
    if done.rowcount != 1:  # type: ignore[attr-defined]
        session.refresh(decision)
        raise DomainError(_l("Someone else changed this decision meanwhile: it is now "
                             "“%(status)s”. Nothing of yours was saved; check it and try again.",
                             status=STATUSES.get(decision.status, decision.status)))  # type: ignore[call-overload]
    if action == "reject" and not note:
        note = values["rejection_reason"]
    session.add(DecisionEvent(decision_id=decision.id, from_status=seen, to_status=target.value,
                              note=note, actor_id=getattr(actor, "id", None)))
    session.flush()
    session.refresh(decision)


def history(session: Session, decision: Decision) -> list[DecisionEvent]:
    from sqlalchemy.orm import joinedload

    return list(session.scalars(select(DecisionEvent).options(joinedload(DecisionEvent.actor))
                                .where(DecisionEvent.decision_id == decision.id)
                                .order_by(DecisionEvent.id)))
