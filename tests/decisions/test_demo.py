"""The demo: the past Lenkungsgruppe meeting with attendance, approved minutes in two revisions
and three decisions (approved, waiting, implemented); the network behind its rhythm."""

from __future__ import annotations

from sqlalchemy import select

from partizipation.decisions.models import Decision
from partizipation.meetings.models import Meeting, MeetingRecord, MinutesRevision
from partizipation.meetings.rhythm import rhythms
from tests.core.test_cli import _run, fresh_app  # noqa: F401


def test_demo_shows_meetings_ii(fresh_app):  # noqa: F811
    assert _run(fresh_app, "migrate").exit_code == 0
    result = _run(fresh_app, "demo-data")
    assert result.exit_code == 0, result.output
    with fresh_app.test_request_context():
        session = fresh_app.extensions["db"].session
        meeting = session.scalar(select(Meeting).where(
            Meeting.title == "Lenkungsgruppe: Rückblick und Ziele"))
        record = session.scalar(select(MeetingRecord).where(
            MeetingRecord.meeting_id == meeting.id))
        assert record.minutes_status == "approved" and record.attendance_at is not None
        assert record.quorate is True
        assert len(session.scalars(select(MinutesRevision).where(
            MinutesRevision.record_id == record.id)).all()) == 2
        states = sorted(session.scalars(select(Decision.status).where(
            Decision.meeting_id == meeting.id)))
        assert states == ["approved", "implemented", "submitted"]
        found = rhythms(session)
        behind = [r.body.name for r in found if r.behind]
        assert any("Netzwerk" in name for name in behind)
        # Those behind come first.
        assert [r.behind for r in found] == sorted((r.behind for r in found), reverse=True)
