"""A body's rhythm: meetings held in the last 12 months, late invitations, the last meeting."""

from __future__ import annotations

from partizipation.meetings.models import MeetingRecord
from partizipation.meetings.rhythm import rhythms
from tests.council.factories import create_body
from tests.meetings.factories import at, create_meeting


def test_counts_only_the_period_and_remembers_the_last_meeting(db_session):
    body = create_body(db_session, name="Netzwerk", min_meetings_per_year=2,
                       target_meetings_per_year=4)
    create_body(db_session, name="Ohne Rhythmus")
    create_meeting(db_session, body, days=-400, status="held")  # before the period
    create_meeting(db_session, body, days=-100, status="held")
    create_meeting(db_session, body, days=-50, status="cancelled", cancel_reason="krank")
    create_meeting(db_session, body, days=-20, status="planned")
    create_meeting(db_session, body, days=14, status="invited", invited_late=True)
    create_meeting(db_session, body, days=-300, status="held", invited_late=True)
    create_meeting(db_session, body, days=-500, status="held", invited_late=True)
    [found] = rhythms(db_session)
    assert found.body.name == "Netzwerk"
    assert found.held == 2 and found.behind is False and found.below_target is True
    assert found.late_invitations == 2
    assert found.last_on == at(-100).date()


def test_the_dashboard_shows_the_same_rhythm_from_its_one_statement(app, client, db_session):
    """/mein-bereich reads the rhythm with the other figures; the same numbers and dates as the
    rhythm page, the body behind its rhythm listed with the day its next meeting is due."""
    from flask_login import login_user

    from partizipation.meetings import dashboard
    from tests.conftest import login
    from tests.factories import create_user
    from tests.helpers import page_text

    body = create_body(db_session, name="Netzwerk", min_meetings_per_year=4,
                       target_meetings_per_year=6)
    keeping = create_body(db_session, name="Beirat im Takt", min_meetings_per_year=1)
    approved = create_meeting(db_session, keeping, days=-30, status="held")
    drafted = create_meeting(db_session, body, days=-100, status="held", invited_late=True)
    create_meeting(db_session, body, days=-400, status="held")  # no record at all
    db_session.add_all([MeetingRecord(meeting_id=approved.id, minutes_status="approved"),
                        MeetingRecord(meeting_id=drafted.id, minutes_status="draft")])
    officer = create_user(db_session, role="officer", email="officer@example.org")
    db_session.commit()
    expected = rhythms(db_session)
    with app.test_request_context():
        login_user(officer)
        found = dashboard.rhythms()
    assert [(r.body.name, r.held, r.late_invitations, r.last_on, r.minimum, r.target,
             r.next_due) for r in found] == [
        (r.body.name, r.held, r.late_invitations, r.last_on, r.minimum, r.target, r.next_due)
        for r in expected]
    assert found[0].body.name == "Netzwerk" and found[0].behind
    login(client, "officer@example.org")
    text = page_text(client.get("/mein-bereich"))
    assert ("Netzwerk : 1 von mindestens 4 Sitzungen in den letzten 12 Monaten; nächste fällig "
            f"bis {expected[0].next_due:%d.%m.%Y}") in text
    assert "Beirat im Takt :" not in text
    # The draft and the meeting without a record; not the approved minutes.
    assert "Sitzungen ohne genehmigtes Protokoll: 2." in text
