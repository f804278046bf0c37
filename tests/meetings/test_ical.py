"""Every .ics and feed, read by two independent parsers (icalendar and vobject) the way a
calendar program reads it; the personal feed's secret; the invitation mail through real SMTP."""

from __future__ import annotations

from datetime import timedelta

import icalendar
import pytest
import vobject
from sqlalchemy import select

from partizipation import clock
from partizipation.db import db
from partizipation.mail.worker import deliver_due
from partizipation.meetings.feeds import digest
from partizipation.meetings.models import CalendarToken
from partizipation.meetings.services import update_meeting
from tests.conftest import login

from .conftest import new_feed, post
from .factories import create_item, create_meeting, invite
from .test_services import data


def both(raw: bytes):
    """The events as icalendar and as vobject read them (each must parse the file)."""
    text = raw.decode("utf-8")
    first = [c for c in icalendar.Calendar.from_ical(raw).walk("VEVENT")]
    second = list(vobject.readOne(text).vevent_list) if "BEGIN:VEVENT" in text else []
    assert len(first) == len(second)
    return first, second


@pytest.fixture()
def public_meeting(db_session, cast):
    meeting = create_meeting(db_session, cast.council, status="invited", format="hybrid",
                             place_id=cast.place.id, join_url="https://meet.example.org/geheim",
                             join_details="Konferenznummer 4711", title="Beirat, öffentlich")
    create_item(db_session, meeting, title="Haushalt")
    create_item(db_session, meeting, title="Personalsache", is_public=False)
    invite(db_session, meeting, cast.persons["invited"], source="member", role="member")
    return meeting


def test_a_meetings_ics_for_the_public_has_no_join_details(client, public_meeting):
    response = client.get(f"/sitzungen/{public_meeting.id}/kalender.ics")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    (event,), (other,) = both(response.data)
    assert str(event["uid"]) == public_meeting.uid == other.uid.value
    assert event.decoded("dtstart") == public_meeting.starts_at == other.dtstart.value
    assert str(event["summary"]) == "Beirat, öffentlich" == other.summary.value
    description = other.description.value
    assert f"/sitzungen/{public_meeting.id}" in str(event["url"])
    assert "Seite der Sitzung: http://" in description and "Meeting page" not in description
    assert "Kreishaus Unna" in description and "Stufenloser Eingang: ja" in description
    assert "Induktionsschleife: nein" in description
    assert "TOP 1: Haushalt" in description and "Personalsache" not in description
    unfolded = response.get_data(as_text=True).replace("\r\n ", "")
    assert "geheim" not in unfolded and "4711" not in unfolded


def test_an_invitee_gets_the_join_details(client, public_meeting):
    login(client, "invited@example.org")
    raw = client.get(f"/sitzungen/{public_meeting.id}/kalender.ics").data
    (_event,), (other,) = both(raw)
    assert "https://meet.example.org/geheim" in other.description.value
    assert "Personalsache" in other.description.value


def test_the_body_feed_holds_public_announced_meetings_only(client, db_session, cast,
                                                           public_meeting):
    create_meeting(db_session, cast.council, status="invited", is_public=False, title="Geheim")
    create_meeting(db_session, cast.council, status="planned", title="Entwurf")
    create_meeting(db_session, cast.council, status="cancelled", title="Abgesagt",
                   cancel_reason="Krank", days=10)
    response = client.get(f"/sitzungen/gremium/{cast.council.id}/kalender.ics")
    first, second = both(response.data)
    assert sorted(str(e["summary"]) for e in first) == ["Abgesagt", "Beirat, öffentlich"]
    cancelled = next(e for e in second if e.summary.value == "Abgesagt")
    assert cancelled.status.value == "CANCELLED"
    assert "geheim" not in response.get_data(as_text=True).replace("\r\n ", "")


def test_the_personal_feed_holds_a_bounded_window(app, client, db_session, cast, monkeypatch):
    """The last FEED_PAST meetings of the past FEED_DAYS_BACK days and the next FEED_UPCOMING:
    many past meetings never push the coming ones out."""
    from partizipation.meetings import queries

    monkeypatch.setattr(queries, "FEED_PAST", 2)
    monkeypatch.setattr(queries, "FEED_UPCOMING", 2)
    person = cast.persons["invited"]
    for days, title in ((-queries.FEED_DAYS_BACK - 5, "Zu alt"), (-30, "Vor 30 Tagen"),
                        (-20, "Vor 20 Tagen"), (-10, "Vor 10 Tagen"), (5, "In 5 Tagen"),
                        (6, "In 6 Tagen"), (40, "In 40 Tagen")):
        invite(db_session, create_meeting(db_session, cast.council, status="invited",
                                          days=days, title=title), person)
    login(client, "invited@example.org")
    feed = app.test_client().get(new_feed(client))
    titles = [e.summary.value for e in both(feed.data)[1]]
    assert titles == ["Vor 20 Tagen", "Vor 10 Tagen", "In 5 Tagen", "In 6 Tagen"]


def test_a_feed_is_what_icalendar_writes_the_first_time_again_and_after_a_change(
        app, client, db_session, cast, public_meeting):
    """A feed keeps each event's text between fetches: what it sends is byte for byte the
    library's calendar of the same meetings, on the first fetch, on the next (from what was
    kept), and after the meeting's place changed."""
    from partizipation.meetings import ical
    from partizipation.meetings.queries import body_feed

    create_meeting(db_session, cast.council, status="cancelled", days=10,
                   cancel_reason="Krank; leider \\ kurzfristig ^ abgesagt", title="Ä" * 60)
    path = f"/sitzungen/gremium/{cast.council.id}/kalender.ics"

    def library() -> bytes:
        with app.test_request_context(path):
            meetings = body_feed(db_session, cast.council)
            cal = ical._calendar(name=cast.council.name)
            for meeting in meetings:
                cal.add_component(ical.event(meeting, with_join=False))
            return cal.to_ical()  # type: ignore[no-any-return]

    with clock.freeze(clock.now()):
        first = client.get(path).data
        assert first == library() and first.count(b"BEGIN:VEVENT") == 2
        assert client.get(path).data == first
        cast.place.name = "Kreishaus Unna, Saal 2"
        db_session.flush()
        changed = client.get(path).data
        assert changed == library() and b"Saal 2" in changed


def test_a_feed_keeps_no_more_than_keep_events(client, db_session, cast, public_meeting,
                                               monkeypatch):
    from partizipation.meetings import ical

    monkeypatch.setattr(ical, "KEEP", 1)
    create_meeting(db_session, cast.council, status="invited", days=12, title="Zweite")
    path = f"/sitzungen/gremium/{cast.council.id}/kalender.ics"
    with clock.freeze(clock.now()):
        first = client.get(path).data
        assert len(ical._KEPT) == 1
        assert client.get(path).data == first and first.count(b"BEGIN:VEVENT") == 2


def test_a_private_body_has_no_public_feed(client, db_session, cast):
    cast.council.is_public = False
    db_session.flush()
    assert client.get(f"/sitzungen/gremium/{cast.council.id}/kalender.ics").status_code == 404


def test_the_personal_feed_is_secret_revocable_and_stored_only_as_a_hash(
        app, client, db_session, cast, public_meeting):
    other = create_meeting(db_session, cast.council, status="invited", is_public=False,
                           title="Nicht öffentlich, aber eingeladen")
    invite(db_session, other, cast.persons["invited"])
    create_meeting(db_session, cast.council, status="invited", title="Nicht eingeladen")
    login(client, "invited@example.org")
    page = client.get("/mein-bereich/kalender")
    token = new_feed(client).removeprefix("/kalender/").removesuffix(".ics")
    assert len(token) >= 40 and page.status_code == 200
    row = db_session.scalar(select(CalendarToken))
    assert row.token_hash == digest(token) and token not in row.token_hash
    calendar_program = app.test_client()  # not signed in: the secret is enough
    feed = calendar_program.get(f"/kalender/{token}.ics")
    assert feed.status_code == 200
    first, second = both(feed.data)
    titles = sorted(e.summary.value for e in second)
    assert titles == ["Beirat, öffentlich", "Nicht öffentlich, aber eingeladen"]
    assert any("https://meet.example.org/geheim" in e.description.value for e in second)
    # The calendar program sends the ETag back: 304 until one of its meetings changes.
    tag = feed.headers["ETag"]
    assert calendar_program.get(f"/kalender/{token}.ics",
                                headers={"If-None-Match": tag}).status_code == 304
    other.title = "Nicht öffentlich, neuer Titel"
    db_session.flush()
    changed = calendar_program.get(f"/kalender/{token}.ics", headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["ETag"] != tag
    assert "neuer Titel" in changed.get_data(as_text=True)
    # A new address replaces the old one; deleting it ends the feed.
    post(client, "/mein-bereich/kalender", {"action": "new"}, "/mein-bereich/kalender")
    assert calendar_program.get(f"/kalender/{token}.ics").status_code == 404
    post(client, "/mein-bereich/kalender", {"action": "revoke"}, "/mein-bereich/kalender")
    assert db_session.scalar(select(CalendarToken)) is None
    assert client.get("/kalender/nonsense.ics").status_code == 404


@pytest.fixture()
def app_config(smtp_server):
    return smtp_server.config


def test_the_invitation_with_its_ics_arrives_through_smtp_and_a_move_updates_it(
        app, client, db_session, cast, smtp_server):
    login(client, "officer@example.org")
    with app.test_request_context():
        from partizipation.meetings.services import create_meeting as create

        meeting = create(db_session, data(cast), actor=cast.user("officer"))
    db_session.flush()
    response = post(client, f"/verwaltung/sitzungen/{meeting.id}/einladen", {},
                    f"/verwaltung/sitzungen/{meeting.id}/einladen")
    assert response.status_code == 302
    with app.app_context():
        assert deliver_due(db.session, app.config).sent == 1
    (message,) = smtp_server.messages
    assert message["To"] == "invited@example.org"
    assert message["Content-Language"] == "de"
    assert message.get_content_type() == "multipart/mixed"
    text, ics = list(message.iter_parts())
    assert "Sie sind eingeladen zu: Sitzung des Beirats" in text.get_content()
    assert "Barrierefreiheit des Ortes" in text.get_content()
    assert f"/sitzungen/{meeting.id}#antwort" in text.get_content()
    assert ics.get_content_type() == "text/calendar"
    assert ics.get_param("method") == "REQUEST"
    assert ics.get_filename() == "einladung.ics"
    raw = ics.get_content() if isinstance(ics.get_content(), bytes) else ics.get_payload(
        decode=True)
    calendar = icalendar.Calendar.from_ical(raw)
    assert str(calendar["method"]) == "REQUEST"
    (event,), (other,) = both(raw)
    assert str(event["uid"]) == meeting.uid and int(event["sequence"]) == 1
    assert other.attendee.value == "mailto:invited@example.org"
    # Moving the meeting: same UID, a higher SEQUENCE, every invitee told.
    with app.test_request_context():
        db_session.refresh(meeting)
        update_meeting(db_session, meeting, data(cast, start_time="18:00", end_time="20:00"),
                       actor=cast.user("officer"))
    with app.app_context():
        deliver_due(db.session, app.config)
    moved = smtp_server.messages[-1]
    raw = next(p for p in moved.iter_parts() if p.get_content_type() == "text/calendar")
    (event,), (other,) = both(raw.get_payload(decode=True))
    assert str(event["uid"]) == meeting.uid and int(event["sequence"]) == 2
    assert clock.local(other.dtstart.value).strftime("%H:%M") == "18:00"
    assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(hours=2)
