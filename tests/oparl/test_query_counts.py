"""The OParl lists and objects run a constant number of SQL statements, at most four, at 10 and
at 2,000 meetings (each with agenda items and documents)."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import insert

from partizipation import clock
from partizipation.meetings.models import AgendaItem, Document, Meeting
from tests.council.factories import create_body, create_membership, create_person, create_term
from tests.helpers import count_statements
from tests.meetings.factories import create_place

from .conftest import BASE
from .schemas import validate, validate_list


def add_meetings(db_session, body, place, count: int) -> dict[str, int]:
    now = clock.now()
    ids = list(db_session.scalars(insert(Meeting).returning(Meeting.id), [
        {"uid": f"{uuid.uuid4()}@example.org", "title": f"Sitzung {i:04d}", "body_id": body.id,
         "kind": "session", "format": "in_person", "place_id": place.id,
         "status": ("invited", "held", "cancelled")[i % 3],
         "starts_at": now + timedelta(days=i % 300 - 150),
         "ends_at": now + timedelta(days=i % 300 - 150, hours=2)} for i in range(count)]))
    items = list(db_session.scalars(insert(AgendaItem).returning(AgendaItem.id), [
        {"meeting_id": m, "position": p, "title": f"Punkt {p}", "is_public": p != 3}
        for m in ids for p in (1, 2, 3)]))
    documents = list(db_session.scalars(insert(Document).returning(Document.id), [
        {"meeting_id": m, "agenda_item_id": items[n * 3], "title": "Vorlage",
         "stored_name": f"{uuid.uuid4().hex}.pdf", "mime_type": "application/pdf", "size": 10,
         "sha256": "0" * 64} for n, m in enumerate(ids)]))
    db_session.execute(insert(Document), [
        {"meeting_id": m, "agenda_item_id": items[n * 3], "alternative_of_id": documents[n],
         "alternative_kind": "easy_language", "title": "Vorlage leicht",
         "stored_name": f"{uuid.uuid4().hex}.pdf", "mime_type": "application/pdf", "size": 10,
         "sha256": "0" * 64} for n, m in enumerate(ids)])
    db_session.flush()
    return {"meeting": ids[0], "item": items[0], "file": documents[0]}


def statements(client, engine, url: str) -> int:
    assert client.get(url).status_code == 200, url  # warm-up
    with count_statements(engine) as seen:
        response = client.get(url)
    assert response.status_code == 200
    found = response.get_json()
    if "data" in found:
        validate_list(found)
    else:
        validate(found)
    return len([s for s in seen if not s.startswith(("SAVEPOINT", "RELEASE", "ROLLBACK"))])


URLS = ["/body/1/meeting", "/body/1/meeting?modified_since=2000-01-01T00%3A00%3A00%2B00%3A00",
        "/body/1/agendaItem", "/body/1/file", "/body/1/person", "/body/1/membership",
        "/body/1/organization", "/body/1/location", "/body/1/legislativeTerm",
        "/organization/{body}/meeting", "/body/1/meeting?page=2&limit=5",
        "/meeting/{meeting}", "/agendaItem/{item}", "/file/{file}", "/person/{person}",
        "/membership/{membership}", "/organization/{body}", "/location/{place}",
        "/legislativeTerm/{term}", "/body/1", "/body", "/system"]


def test_constant_statements_at_10_and_2000_meetings(client, db_session, engine):
    body = create_body(db_session, name="Inklusionsbeirat")
    term = create_term(db_session, body)
    members = [create_membership(db_session, term, create_person(db_session,
                                                                 name=f"Mitglied {n}"))
               for n in range(20)]
    place = create_place(db_session)
    ids = {"body": body.id, "term": term.id, "place": place.id,
           "person": members[0].person_id, "membership": members[0].id,
           **add_meetings(db_session, body, place, 10)}
    small = {url: statements(client, engine, BASE + url.format(**ids)) for url in URLS}
    add_meetings(db_session, body, place, 1990)
    large = {url: statements(client, engine, BASE + url.format(**ids)) for url in URLS}
    print("OPARL_STATEMENTS", small, large)
    assert small == large
    # A page's entries, their total and the public objects (a meeting's with its place, a
    # scoped list's with whether its organization is public) in one statement, then what the
    # objects embed: a meeting its files, its agenda items and their results.
    assert large == {
        "/body/1/meeting": 4, "/body/1/meeting?modified_since=2000-01-01T00%3A00%3A00%2B00%3A00": 4,
        "/body/1/agendaItem": 3, "/body/1/file": 2, "/body/1/person": 2, "/body/1/membership": 1,
        "/body/1/organization": 3, "/body/1/location": 1, "/body/1/legislativeTerm": 2,
        "/organization/{body}/meeting": 4, "/body/1/meeting?page=2&limit=5": 4,
        "/meeting/{meeting}": 4, "/agendaItem/{item}": 3, "/file/{file}": 2, "/person/{person}": 2,
        "/membership/{membership}": 1, "/organization/{body}": 3, "/location/{place}": 1,
        "/legislativeTerm/{term}": 2, "/body/1": 4, "/body": 4, "/system": 1}, large
    page = client.get(f"{BASE}/body/1/meeting").get_json()
    assert page["pagination"]["totalElements"] == 2000
    # A meeting embeds its agenda items and files: 20 to a page unless the client asks for
    # more (at most 100).
    assert page["pagination"]["totalPages"] == 100 and len(page["data"]) == 20
    assert [len(m["agendaItem"]) for m in page["data"]] == [2] * 20
    assert all(m["location"]["id"] == f"{BASE}/location/{place.id}" for m in page["data"])
    page = client.get(f"{BASE}/body/1/meeting?limit=500").get_json()
    assert page["pagination"]["elementsPerPage"] == 100 and len(page["data"]) == 100
    persons = client.get(f"{BASE}/body/1/person").get_json()
    assert persons["pagination"]["elementsPerPage"] == 100
    with count_statements(engine) as seen:  # a page past the end: the total all the same
        past = client.get(f"{BASE}/body/1/meeting?page=999").get_json()
    assert past["pagination"]["totalElements"] == 2000 and past["data"] == []
    assert len([s for s in seen if "oparl_total" in s]) == 1
    assert not [s for s in seen if s.lstrip().upper().startswith("SELECT COUNT")]


def test_the_first_page_of_the_default_length_has_its_length_written_in(client, db_session,
                                                                         engine):
    """What a harvester asks for first (and most clients only): its page length is part of the
    SQL, and there is no offset, so PostgreSQL can keep one plan of the list. Any other page or
    length is asked with parameters, and the pages still join up without gaps."""
    body = create_body(db_session, name="Inklusionsbeirat")
    add_meetings(db_session, body, create_place(db_session), 45)
    url = f"{BASE}/body/1/meeting"
    for asked in ("", "?page=2", "?limit=10"):
        client.get(url + asked)
        with count_statements(engine) as seen:
            assert client.get(url + asked).status_code == 200
        page = next(s for s in seen if "oparl_total" in s)
        assert ("LIMIT 20" in page) is (asked == ""), (asked, page)
        if asked == "" and engine.dialect.name == "postgresql":  # SQLite always writes one
            assert "OFFSET" not in page, page
    ids = [m["id"] for n in (1, 2, 3) for m in client.get(f"{url}?page={n}").get_json()["data"]]
    everything = [m["id"] for m in client.get(f"{url}?limit=100").get_json()["data"]]
    assert ids == everything and len(set(ids)) == 45
