"""Two officers (or one double click) at once, with two real sessions on PostgreSQL: the
invitations go out once, and the second request gets a clear message."""

from __future__ import annotations

import threading
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from partizipation import clock
from partizipation.domain import DomainError
from partizipation.mail.models import OutboxMessage
from partizipation.meetings.models import Invitee, Meeting, MeetingEvent
from partizipation.meetings.services import cancel_meeting, send_invitations
from partizipation.people.models import Person


@pytest.fixture()
def committed(engine):
    """A planned meeting with one invitee, committed (both sessions must see it)."""
    if engine.dialect.name != "postgresql":
        pytest.skip("two sessions racing need PostgreSQL (SQLite runs writers one at a time)")
    address = f"race-{uuid.uuid4().hex[:8]}@example.org"
    with Session(engine) as session:
        person = Person(name="Rita Rennen", email=address)
        start = clock.now() + timedelta(days=30)
        meeting = Meeting(uid=f"{uuid.uuid4()}@example.org", title="Wettlauf", kind="training",
                          format="online", starts_at=start, ends_at=start + timedelta(hours=2))
        session.add_all([person, meeting])
        session.flush()
        session.add(Invitee(meeting_id=meeting.id, person_id=person.id))
        session.commit()
        ids = (meeting.id, person.id)
    yield ids[0], address
    with Session(engine) as session:
        session.execute(delete(OutboxMessage).where(OutboxMessage.to_address == address))
        session.execute(delete(MeetingEvent).where(MeetingEvent.meeting_id == ids[0]))
        session.execute(delete(Invitee).where(Invitee.meeting_id == ids[0]))
        session.execute(delete(Meeting).where(Meeting.id == ids[0]))
        session.execute(delete(Person).where(Person.id == ids[1]))
        session.commit()


def race(app, engine, meeting_id, action):
    """Run `action(session, meeting)` in two threads at once; each commits or rolls back."""
    barrier = threading.Barrier(2, timeout=10)
    results: list[str] = []

    def worker() -> None:
        with app.test_request_context(), Session(engine) as session:
            meeting = session.get(Meeting, meeting_id)
            barrier.wait()
            try:
                action(session, meeting)
                session.commit()
                results.append("done")
            except DomainError as error:
                session.rollback()
                results.append(str(error))

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(results) == 2 and results.count("done") == 1, results
    return next(r for r in results if r != "done")


def test_sending_twice_at_once_sends_one_set_of_mails(app, engine, committed):
    meeting_id, address = committed
    refused = race(app, engine, meeting_id, lambda s, m: send_invitations(s, m, actor=None))
    assert "Jemand anderes hat diese Einladungen gerade verschickt" in refused
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(OutboxMessage).where(
            OutboxMessage.to_address == address)) == 1
        assert session.get(Meeting, meeting_id).status == "invited"


def test_cancelling_twice_at_once_tells_the_invitees_once(app, engine, committed):
    meeting_id, address = committed
    with app.test_request_context(), Session(engine) as session:
        send_invitations(session, session.get(Meeting, meeting_id), actor=None)
        session.commit()
    refused = race(app, engine, meeting_id,
                   lambda s, m: cancel_meeting(s, m, reason="Krank", actor=None))
    assert "nicht mehr offen" in refused
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(OutboxMessage).where(
            OutboxMessage.to_address == address)) == 2  # the invitation and one cancellation
