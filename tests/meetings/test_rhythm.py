"""A body's rhythm: meetings held in the last 12 months, late invitations, the last meeting."""

from __future__ import annotations

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
