"""Two officers at once, with real transactions: a decision moves once (the second gets a clear
message), minutes are approved once."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from partizipation import clock
from partizipation.decisions.models import Decision, DecisionEvent
from partizipation.decisions.services import move
from partizipation.domain import DomainError
from partizipation.meetings.minutes import approve_minutes
from partizipation.meetings.models import AgendaItem, Meeting, MeetingRecord
from tests.concurrency import race
from tests.council.factories import create_body
from tests.factories import create_user


def _committed(engine):  # type: ignore[no-untyped-def]
    with Session(engine, expire_on_commit=False) as session:
        body = create_body(session)
        start = clock.now() - timedelta(days=3)
        meeting = Meeting(uid=f"{uuid.uuid4()}@example.org", body_id=body.id, title="Wettlauf",
                          kind="session", format="online", status="held", starts_at=start,
                          ends_at=start + timedelta(hours=2))
        session.add(meeting)
        session.flush()
        item = AgendaItem(meeting_id=meeting.id, position=1, title="Punkt")
        session.add(item)
        session.flush()
        decision = Decision(meeting_id=meeting.id, agenda_item_id=item.id, text="Rampe",
                            status="submitted")
        record = MeetingRecord(meeting_id=meeting.id, minutes_status="sent",
                               general_html="<p>x</p>")
        session.add_all([decision, record])
        officer = create_user(session, role="officer", email=f"o{uuid.uuid4().hex[:6]}@x.org")
        session.commit()
        return meeting.id, decision.id, record.id, officer.id


def test_approve_and_reject_at_once_move_the_decision_once(app, race_engine):
    _meeting, decision_id, _record, officer = _committed(race_engine)

    def step(action, **fields):  # type: ignore[no-untyped-def]
        def run(session: Session) -> None:
            from partizipation.accounts.models import User

            move(session, session.get(Decision, decision_id), action,
                 actor=session.get(User, officer), **fields)
        return run

    outcomes = race(race_engine, app, step("approve", approver="landrat", on=clock.today()),
                    step("reject", reason="zu teuer"))
    assert sorted(kind for kind, _ in outcomes) == ["error", "ok"]
    error = next(value for kind, value in outcomes if kind == "error")
    assert isinstance(error, DomainError)
    with Session(race_engine) as session:
        events = session.scalar(select(func.count()).where(
            DecisionEvent.decision_id == decision_id))
        status = session.get(Decision, decision_id).status
    assert events == 1 and status in ("approved", "not_approved")


def test_minutes_approved_twice_at_once_are_approved_once(app, race_engine):
    meeting_id, _decision, record_id, officer = _committed(race_engine)

    def approve(session: Session) -> None:
        from partizipation.accounts.models import User

        approve_minutes(session, session.get(Meeting, meeting_id),
                        session.get(MeetingRecord, record_id), on=clock.today(), by="officer",
                        actor=session.get(User, officer))

    outcomes = race(race_engine, app, approve, approve)
    assert sorted(kind for kind, _ in outcomes) == ["error", "ok"]
    error = next(value for kind, value in outcomes if kind == "error")
    assert isinstance(error, DomainError)
    assert "already been approved" in str(error) or "bereits genehmigt" in str(error)
