"""Which meetings are coming: every list of coming meetings finds one that began long ago and
has not ended (on PostgreSQL they are read from the start index beginning the longest meeting's
duration before now, `queries.not_ended`), and none that has ended."""

from __future__ import annotations

import icalendar

from tests.conftest import login
from tests.helpers import page_text

from .conftest import new_feed
from .factories import at, create_meeting, invite

TITLES = ["Klausur, drei Wochen", "Morgen", "Gestern zu Ende"]


def _meetings(db_session, cast) -> None:
    """A three-week retreat that began 20 days ago, a meeting tomorrow, one that ended
    yesterday (each public, invited: the person "invited" is on each)."""
    meetings = [create_meeting(db_session, cast.council, status="invited", title=TITLES[0],
                               starts_at=at(-20), ends_at=at(2)),
                create_meeting(db_session, cast.council, status="invited", title=TITLES[1], days=1),
                create_meeting(db_session, cast.council, status="invited", title=TITLES[2],
                               days=-1)]
    for meeting in meetings:
        invite(db_session, meeting, cast.persons["invited"], source="member", role="member")


def _titles(raw: bytes) -> list[str]:
    return [str(e["summary"]) for e in icalendar.Calendar.from_ical(raw).walk("VEVENT")]


def test_a_meeting_that_began_weeks_ago_and_has_not_ended_is_coming(app, client, db_session,
                                                                   cast):
    _meetings(db_session, cast)
    listed = page_text(client.get("/sitzungen"))
    assert TITLES[0] in listed and TITLES[1] in listed and TITLES[2] not in listed
    assert TITLES[0] in page_text(client.get(f"/sitzungen?gremium={cast.council.id}"))
    start = page_text(client.get("/"))
    assert TITLES[0] in start and TITLES[2] not in start
    assert TITLES[2] in page_text(client.get("/sitzungen?zeit=vergangen"))

    # The calendar feeds (the ended meetings, then the coming ones by start): the body's, and
    # the invited person's own (whose statements are planned for the person each time,
    # `db.UNPREPARED`).
    in_order = [TITLES[2], TITLES[0], TITLES[1]]
    assert _titles(client.get(f"/sitzungen/gremium/{cast.council.id}/kalender.ics").data) \
        == in_order
    login(client, "invited@example.org")
    own = app.test_client().get(new_feed(client))
    assert _titles(own.data) == in_order

    mine = page_text(client.get("/mein-bereich/sitzungen"))
    assert TITLES[0] in mine and TITLES[1] in mine
    assert mine.index(TITLES[0]) < mine.index(TITLES[1])  # soonest (begun) first


def test_the_officer_sees_the_running_retreat_among_the_coming_meetings(client, db_session,
                                                                        cast):
    _meetings(db_session, cast)
    login(client, "officer@example.org")
    coming = page_text(client.get("/verwaltung/sitzungen"))
    assert TITLES[0] in coming and TITLES[1] in coming and TITLES[2] not in coming
    past = page_text(client.get("/verwaltung/sitzungen?zeit=vergangen"))
    assert TITLES[2] in past and TITLES[0] not in past and TITLES[1] not in past
