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


def _meeting(session: Session, status: str, started: timedelta) -> tuple[Meeting, AgendaItem]:
    """A meeting of a new body that started `started` ago, with one agenda item (flushed)."""
    body = create_body(session)
    start = clock.now() - started
    meeting = Meeting(uid=f"{uuid.uuid4()}@example.org", body_id=body.id, title="Wettlauf",
                      kind="session", format="online", status=status, starts_at=start,
                      ends_at=start + timedelta(hours=3))
    session.add(meeting)
    session.flush()
    item = AgendaItem(meeting_id=meeting.id, position=1, title="Punkt")
    session.add(item)
    session.flush()
    return meeting, item


def _committed(engine):  # type: ignore[no-untyped-def]
    with Session(engine, expire_on_commit=False) as session:
        meeting, item = _meeting(session, "held", timedelta(days=3))
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


def test_a_first_decision_and_a_move_into_the_future_at_once_do_not_both_pass(app, race_engine):
    """One officer moves a started meeting's start into the future while another records its
    first decision: one of them is refused with a clear message. (Both passing would leave a
    decision at a meeting that has not started, missing from the public decision list.)"""
    import time

    from partizipation.accounts.models import User
    from partizipation.decisions.services import DecisionData, take_decision
    from partizipation.meetings.services import MeetingData, update_meeting

    with Session(race_engine, expire_on_commit=False) as session:
        meeting, item = _meeting(session, "invited", timedelta(hours=1))
        officer = create_user(session, role="officer", email=f"o{uuid.uuid4().hex[:6]}@x.org")
        session.commit()
        meeting_id, item_id, body_id, officer_id = meeting.id, item.id, meeting.body_id, officer.id

    def move_to_next_week(session: Session) -> None:
        update_meeting(session, session.get(Meeting, meeting_id), MeetingData(
            title="Wettlauf", body_id=body_id, kind="session",
            starts_on=clock.today() + timedelta(days=7), start_time="17:00", ends_on=None,
            end_time="19:00", format="online", place_id=None), actor=session.get(User, officer_id))
        time.sleep(0.5)  # still deciding: the other officer acts meanwhile

    def record_first_decision(session: Session) -> None:
        time.sleep(0.15)  # the move has checked for decisions by now
        take_decision(session, session.get(Meeting, meeting_id),
                      DecisionData(agenda_item_id=item_id, text="Eine Rampe."),
                      actor=session.get(User, officer_id))

    outcomes = race(race_engine, app, move_to_next_week, record_first_decision)
    assert [kind for kind, _ in outcomes] == ["ok", "error"], outcomes
    assert isinstance(outcomes[1][1], DomainError)
    assert "once the meeting has started" in str(outcomes[1][1]) or "begonnen" in str(
        outcomes[1][1])
    with Session(race_engine) as session:
        assert session.scalar(select(func.count()).where(Decision.meeting_id == meeting_id)) == 0
        assert session.get(Meeting, meeting_id).starts_at > clock.now()
