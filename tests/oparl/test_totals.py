"""A list's total and its pages stay right however its rows change: the meeting and agenda item
lists' totals are the public meetings and their public items counted per body (kept by database
triggers, migrations 0020 and 0023), and a page of public objects is found by its ids first
(queries._shown_only_public)."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import quote

from sqlalchemy import delete, func, insert, select, update

from partizipation.db import utcnow
from partizipation.meetings import agenda
from partizipation.meetings.models import AgendaItem, Meeting, MeetingStatus
from partizipation.oparl.models import MeetingPublicCount
from partizipation.oparl.queries import item_public, meeting_public
from tests.council.factories import create_body
from tests.meetings.factories import create_item, create_meeting

from .conftest import BASE
from .schemas import validate_list


def get(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_json()


def counted(db_session) -> int:
    """The public agenda items, counted the long way."""
    return db_session.scalar(select(func.count()).select_from(AgendaItem).where(item_public()))


def assert_counters_right(db_session) -> None:
    db_session.flush()
    db_session.expire_all()
    kept = dict(db_session.execute(select(Meeting.id, Meeting.public_agenda_items)).all())
    real = dict(db_session.execute(
        select(Meeting.id, func.count(AgendaItem.id)).outerjoin(
            AgendaItem, (AgendaItem.meeting_id == Meeting.id) & AgendaItem.is_public.is_(True))
        .group_by(Meeting.id)).all())
    assert kept == real
    # Per body (0: none), the public announced meetings and their public items.
    counts = {row.body_key: (row.meetings, row.agenda_items)
              for row in db_session.scalars(select(MeetingPublicCount))
              if row.meetings or row.agenda_items}
    key = func.coalesce(Meeting.body_id, 0)
    real_counts = {body: (meetings, items) for body, meetings, items in db_session.execute(
        select(key, func.count(), func.sum(Meeting.public_agenda_items))
        .where(Meeting.is_public.is_(True), Meeting.status != MeetingStatus.PLANNED.value)
        .group_by(key)).all()}
    assert counts == real_counts


def meetings_counted(db_session) -> int:
    """The public meetings, counted the long way."""
    return db_session.scalar(select(func.count()).select_from(Meeting).where(meeting_public()))


def meeting_total(client) -> int:
    page = get(client, f"{BASE}/body/1/meeting")
    validate_list(page, "Meeting")
    return page["pagination"]["totalElements"]


def total(client) -> int:
    page = get(client, f"{BASE}/body/1/agendaItem")
    validate_list(page, "AgendaItem")
    return page["pagination"]["totalElements"]


def test_the_agenda_item_total_follows_every_change(client, world, db_session, app):
    assert_counters_right(db_session)
    assert total(client) == counted(db_session) == 1  # the world's one public item
    other = create_meeting(db_session, world.council, status=MeetingStatus.INVITED.value)
    items = [create_item(db_session, other, title=f"Punkt {n}") for n in range(3)]
    hidden = create_item(db_session, other, title="Nichtöffentlich", is_public=False)
    assert_counters_right(db_session)
    assert total(client) == counted(db_session) == 4
    # Hidden, shown again, moved to a meeting that is not public, deleted (ORM and SQL).
    items[0].is_public = False
    hidden.is_public = True
    assert_counters_right(db_session)
    assert total(client) == counted(db_session) == 4
    db_session.execute(update(AgendaItem).where(AgendaItem.id == items[1].id)
                       .values(meeting_id=world.closed_meeting.id, position=99))
    assert_counters_right(db_session)
    assert total(client) == counted(db_session) == 3
    with app.test_request_context():
        agenda.delete_item(db_session, items[2], actor=None)
    db_session.execute(delete(AgendaItem).where(AgendaItem.id == hidden.id))
    assert_counters_right(db_session)
    assert total(client) == counted(db_session) == 1
    # Many at once (one INSERT statement), then the meeting itself no longer public.
    db_session.execute(insert(AgendaItem), [
        {"meeting_id": other.id, "position": 100 + n, "title": f"Neu {n}", "is_public": n % 2 == 0}
        for n in range(7)])
    assert_counters_right(db_session)
    assert total(client) == counted(db_session) == 5
    other.is_public = False
    assert_counters_right(db_session)
    assert total(client) == counted(db_session) == 1


def test_the_meeting_total_follows_every_change(client, world, db_session):
    assert_counters_right(db_session)
    start = meeting_total(client)
    assert start == meetings_counted(db_session) > 0
    other = create_body(db_session, name="Arbeitskreis", short_name="AK")
    new = create_meeting(db_session, other, status=MeetingStatus.INVITED.value)
    create_item(db_session, new, title="Punkt")
    loose = create_meeting(db_session, None, status=MeetingStatus.INVITED.value)
    planned = create_meeting(db_session, world.council, status=MeetingStatus.PLANNED.value)
    assert_counters_right(db_session)
    assert meeting_total(client) == meetings_counted(db_session) == start + 2
    # Announced, moved to another body, hidden, the body made private, deleted (SQL).
    planned.status = MeetingStatus.INVITED.value
    assert_counters_right(db_session)
    assert meeting_total(client) == meetings_counted(db_session) == start + 3
    db_session.execute(update(Meeting).where(Meeting.id == loose.id)
                       .values(body_id=world.council.id))
    new.is_public = False
    assert_counters_right(db_session)
    assert meeting_total(client) == meetings_counted(db_session) == start + 2
    new.is_public = True
    other.is_public = False
    assert_counters_right(db_session)
    assert meeting_total(client) == meetings_counted(db_session) == start + 2
    assert total(client) == counted(db_session)
    db_session.execute(delete(Meeting).where(Meeting.id == planned.id))
    assert_counters_right(db_session)
    assert meeting_total(client) == meetings_counted(db_session) == start + 1


def test_every_page_of_public_objects_is_its_slice_of_the_whole_list(client, world, db_session):
    meeting = create_meeting(db_session, world.council, status=MeetingStatus.INVITED.value)
    for n in range(11):
        create_item(db_session, meeting, title=f"Punkt {n}", is_public=n % 4 != 0)
    whole = get(client, f"{BASE}/body/1/agendaItem?limit=100")
    ids = [item["id"] for item in whole["data"]]
    assert len(ids) == whole["pagination"]["totalElements"] == counted(db_session) == 9
    for number in (1, 2, 3, 4):
        page = get(client, f"{BASE}/body/1/agendaItem?limit=3&page={number}")
        validate_list(page, "AgendaItem")
        assert [item["id"] for item in page["data"]] == ids[3 * (number - 1):3 * number]
        assert page["pagination"]["totalPages"] == 3
    # With a filter on `created` the total is counted, and the pages still slice.
    since = quote((utcnow() - timedelta(days=1)).isoformat(timespec="seconds"))
    second = get(client, f"{BASE}/body/1/agendaItem?limit=4&page=2&created_since={since}")
    assert second["pagination"]["totalElements"] == 9
    assert [item["id"] for item in second["data"]] == ids[4:8]
