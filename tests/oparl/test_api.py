"""The endpoint's contract: every object type valid, lists page with filters, deleted objects,
CORS, UTF-8 JSON, errors as OParl error objects."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import pytest

from partizipation import clock
from partizipation.db import utcnow
from partizipation.meetings import agenda
from partizipation.people.services import set_listing_consent

from .conftest import BASE
from .schemas import validate, validate_list


def get(client, url: str, status: int = 200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.data[:300])
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.content_type == "application/json; charset=utf-8"
    assert "Set-Cookie" not in response.headers
    return response.get_json()


def test_every_object_type_is_valid(client, world):
    system = get(client, f"{BASE}/system")
    assert validate(system, "System") == "System"
    assert system["oparlVersion"] == "https://schema.oparl.org/1.1/"
    body = get(client, f"{BASE}/body/1")
    validate(body, "Body")
    assert (body["ags"], body["rgs"], body["classification"]) == ("05978", "059780000000", "Kreis")
    assert body["mainOrganization"] == f"{BASE}/organization/{world.council.id}"
    for kind, object_id in (("organization", world.council.id), ("person", world.listed.id),
                            ("meeting", world.meeting.id), ("agendaItem", world.public_item.id),
                            ("file", world.invitation.id), ("location", world.place.id)):
        validate(get(client, f"{BASE}/{kind}/{object_id}"), kind[0].upper() + kind[1:])
    person = get(client, f"{BASE}/person/{world.listed.id}")
    assert person["name"] == "Lea Gelistet" and person["formOfAddress"] == "Frau"
    assert not {"email", "phone", "location", "life"} & set(person)
    membership = person["membership"][0]
    assert membership["role"] == "Vorsitz" and membership["votingRight"] is True
    validate(get(client, membership["id"]), "Membership")
    term = get(client, f"{BASE}/body/1")["legislativeTerm"][0]
    validate(get(client, term["id"]), "LegislativeTerm")


def test_meeting_agenda_files_and_place(client, world):
    meeting = get(client, f"{BASE}/meeting/{world.meeting.id}")
    assert meeting["meetingState"] == "eingeladen" and meeting["cancelled"] is False
    assert [i["name"] for i in meeting["agendaItem"]] == ["Bericht der Geschäftsstelle"]
    assert meeting["agendaItem"][0]["auxiliaryFile"][0]["name"] == "Vorlage zum Bericht"
    assert [f["name"] for f in meeting["auxiliaryFile"]] == ["Einladung"]
    invitation = meeting["auxiliaryFile"][0]
    assert invitation["derivativeFile"] == [f"{BASE}/file/{world.easy_invitation.id}"]
    assert invitation["sha512Checksum"] == world.invitation.sha512
    assert "Stufenloser Eingang" in meeting["location"]["description"]
    assert "Induktionsschleife im Saal" in meeting["location"]["description"]
    easy = get(client, f"{BASE}/file/{world.easy_invitation.id}")
    assert easy["masterFile"] == f"{BASE}/file/{world.invitation.id}"


def test_file_access_shows_and_download_downloads(client, world):
    shown = client.get(f"{BASE}/file/{world.invitation.id}/access")
    assert shown.status_code == 200 and shown.data.startswith(b"%PDF")
    assert "attachment" not in shown.headers.get("Content-Disposition", "")
    # The file's own policy, not the pages' one, and once: shown, never run.
    assert shown.headers.getlist("Content-Security-Policy") == ["default-src 'none'; sandbox"]
    assert shown.headers.getlist("X-Content-Type-Options") == ["nosniff"]
    shown.close()
    saved = client.get(f"{BASE}/file/{world.invitation.id}/download")
    assert saved.headers["Content-Disposition"].startswith("attachment; filename=Einladung.pdf")
    saved.close()
    assert client.get(f"{BASE}/file/{world.internal_note.id}/access").status_code == 410
    assert client.get(f"{BASE}/file/{world.closed_note.id}/download").status_code == 410
    assert client.get(f"{BASE}/file/99999/access").status_code == 404


@pytest.mark.parametrize("url", [
    "/person/{unlisted}", "/person/{hidden_member}", "/meeting/{planned}", "/file/99999",
    "/unknown", "/body/2", "/body/1/nothing", "/organization/{hidden_body}/meeting",
    "/meeting/1/x",
])
def test_unknown_or_never_public_is_404_with_an_error_object(client, world, url):
    url = url.format(unlisted=world.unlisted.id, hidden_member=world.hidden_member.id,
                     planned=world.planned.id, hidden_body=world.hidden_body.id)
    error = get(client, BASE + url, 404)
    assert error["type"] == "https://schema.oparl.org/1.1/Error" and error["message"]


def test_bad_filters_are_400(client, world):
    for query in ("created_since=yesterday", "modified_since=2026-01-01T00:00:00",
                  "limit=0", "page=x"):
        assert get(client, f"{BASE}/body/1/meeting?{query}", 400)["debug"]


def test_paging_keeps_filters_and_walks_every_page(client, world, db_session):
    for n in range(5):
        from tests.council.factories import create_membership, create_person

        create_membership(db_session, world.council.terms[0], create_person(
            db_session, name=f"Gelistete Person {n}"))
    since = quote((utcnow() - timedelta(days=1)).isoformat(timespec="seconds"))
    first = get(client, f"{BASE}/body/1/person?created_since={since}&limit=2")
    validate_list(first, "Person")
    assert first["pagination"] == {"totalElements": 7, "elementsPerPage": 2,
                                   "currentPage": 1, "totalPages": 4}
    assert "prev" not in first["links"]
    names, page = [], first
    while True:
        names += [p["name"] for p in page["data"]]
        this = page["links"]["self"]
        assert f"created_since={since}" in this and "limit=2" in this
        if "next" not in page["links"]:
            break
        page = get(client, page["links"]["next"])
        assert "prev" in page["links"]
    assert page["links"]["self"] == first["links"]["last"]
    assert len(names) == len(set(names)) == 7 and "Ulla Ungelistet" not in names
    future = quote((utcnow() + timedelta(days=1)).isoformat(timespec="seconds"))
    assert get(client, f"{BASE}/body/1/person?created_since={future}")["data"] == []
    assert len(get(client, f"{BASE}/body/1/person?modified_until={future}")["data"]) == 7


def test_withdrawn_consent_makes_the_person_deleted_at_once(client, world, db_session, app):
    before = utcnow() - timedelta(seconds=1)
    with app.test_request_context(), clock.freeze(utcnow() + timedelta(minutes=5)):
        set_listing_consent(db_session, world.withdrawing, False, actor=None)
    url = f"{BASE}/person/{world.withdrawing.id}"
    person = get(client, url)
    validate(person, "Person")
    assert person["deleted"] is True and set(person) == {"id", "type", "created", "modified",
                                                        "deleted"}
    # Gone from the list, and from the council's memberships…
    listing = get(client, f"{BASE}/body/1/person")
    assert url not in [p["id"] for p in listing["data"]]
    council = get(client, f"{BASE}/organization/{world.council.id}")
    assert len(council["membership"]) == 1
    # …and a harvester asking what changed learns that it is deleted.
    since = quote(before.isoformat(timespec="seconds"))
    changed = get(client, f"{BASE}/body/1/person?modified_since={since}")
    validate_list(changed, "Person")
    assert {"id": url, "deleted": True}.items() <= next(
        p for p in changed["data"] if p["id"] == url).items()
    memberships = get(client, f"{BASE}/body/1/membership?modified_since={since}")
    assert any(m.get("deleted") for m in memberships["data"])


def test_removed_items_and_documents_answer_as_deleted(client, world, db_session, app):
    since = quote((utcnow() - timedelta(seconds=1)).isoformat(timespec="seconds"))
    item_id, document_id = world.public_item.id, world.invitation.id
    with app.test_request_context():
        agenda.delete_item(db_session, world.public_item, actor=None)  # ORM delete
        agenda.delete_document(db_session, world.invitation, actor=None)  # DELETE statements
    db_session.flush()
    for kind, object_id in (("agendaItem", item_id), ("file", document_id),
                            ("file", world.easy_invitation.id)):
        found = get(client, f"{BASE}/{kind}/{object_id}")
        validate(found)
        assert found["deleted"] is True, (kind, object_id)
    assert client.get(f"{BASE}/file/{document_id}/access").status_code == 410
    files = get(client, f"{BASE}/body/1/file")
    assert f"{BASE}/file/{document_id}" not in [f["id"] for f in files["data"]]
    changed = get(client, f"{BASE}/body/1/file?modified_since={since}")
    validate_list(changed, "File")
    assert {f["id"] for f in changed["data"] if f.get("deleted")} >= {
        f"{BASE}/file/{document_id}", f"{BASE}/file/{world.easy_invitation.id}"}
    items = get(client, f"{BASE}/body/1/agendaItem?modified_since={since}")
    assert f"{BASE}/agendaItem/{item_id}" in [i["id"] for i in items["data"] if i.get("deleted")]


def test_a_meeting_made_non_public_is_deleted_with_its_agenda(client, world, db_session):
    since = quote((utcnow() - timedelta(seconds=1)).isoformat(timespec="seconds"))
    world.meeting.is_public = False
    db_session.flush()
    for url in (f"meeting/{world.meeting.id}", f"agendaItem/{world.public_item.id}",
                f"file/{world.invitation.id}"):
        assert get(client, f"{BASE}/{url}")["deleted"] is True, url
    changed = get(client, f"{BASE}/body/1/agendaItem?modified_since={since}")
    validate_list(changed, "AgendaItem")
    deleted = {i["id"]: i for i in changed["data"] if i.get("deleted")}
    assert f"{BASE}/agendaItem/{world.public_item.id}" in deleted
    # A deleted object says nothing but that it is gone.
    for item in deleted.values():
        assert set(item) == {"id", "type", "created", "modified", "deleted", "order"}


def test_agenda_item_result_comes_from_the_decisions_provider(client, world, app):
    def provider(session, item_ids):
        return {world.public_item.id: {"result": "Beschlossen",
                                       "resolutionText": "Der Beirat stimmt zu.", "x": "no"}}

    app.config["OPARL_RESULTS_PROVIDER"] = provider
    item = get(client, f"{BASE}/agendaItem/{world.public_item.id}")
    validate(item, "AgendaItem")
    assert (item["result"], item["resolutionText"]) == ("Beschlossen", "Der Beirat stimmt zu.")
    assert "x" not in item


def test_a_cancelled_meeting_says_so_and_counts_as_changed(client, world, db_session, app):
    """The cancellation is a conditional UPDATE statement: `modified` moves on all the same."""
    from partizipation.meetings.services import cancel_meeting

    before = get(client, f"{BASE}/meeting/{world.meeting.id}")
    later = utcnow() + timedelta(minutes=10)
    with app.test_request_context(), clock.freeze(later):
        cancel_meeting(db_session, world.meeting, reason="Krankheit", actor=None)
    meeting = get(client, f"{BASE}/meeting/{world.meeting.id}")
    validate(meeting, "Meeting")
    assert meeting["cancelled"] is True and meeting["meetingState"] == "abgesagt"
    assert meeting["modified"] > before["modified"]
    since = quote((later - timedelta(minutes=1)).isoformat(timespec="seconds"))
    changed = get(client, f"{BASE}/body/1/meeting?modified_since={since}")
    assert [m["id"] for m in changed["data"]] == [meeting["id"]]


def test_system_names_a_contact_when_configured(client, app):
    app.config["OPARL_CONTACT_EMAIL"] = "inklusion@kreis-unna.example"
    system = get(client, f"{BASE}/system")
    validate(system, "System")
    assert system["contactEmail"] == "inklusion@kreis-unna.example" and system["contactName"]


def test_omit_internal_leaves_out_the_embedded_lists(client, world):
    page = get(client, f"{BASE}/body/1/meeting?omit_internal=true&limit=1")
    validate_list(page, "Meeting")
    assert "agendaItem" not in page["data"][0] and "auxiliaryFile" not in page["data"][0]
    assert "omit_internal=true" in page["links"]["self"]
    person = get(client, f"{BASE}/body/1/person?omit_internal=true")["data"][0]
    assert "membership" not in person
    full = get(client, f"{BASE}/meeting/{world.meeting.id}")
    assert full["agendaItem"] and full["auxiliaryFile"]


def test_the_base_address_leads_to_the_system(client):
    response = client.get(f"{BASE}/")
    assert response.status_code == 301 and response.location == f"{BASE}/system"


def test_embedding_objects_change_with_what_they_embed(client, world, db_session, app):
    organization = get(client, f"{BASE}/organization/{world.council.id}")
    item = get(client, f"{BASE}/agendaItem/{world.public_item.id}")
    later = utcnow() + timedelta(minutes=10)
    with app.test_request_context(), clock.freeze(later):
        set_listing_consent(db_session, world.listed, False, actor=None)
        agenda.delete_document(db_session, world.invitation, actor=None)
        from tests.oparl.conftest import add_document

        document = add_document(db_session, Path(app.config["UPLOAD_FOLDER"]), world.meeting,
                                "Neue Vorlage", item=world.public_item)
        from partizipation.meetings.history import Action, record

        record(db_session, world.meeting, Action.DOCUMENT_ADDED, actor=None, note="Neue Vorlage")
        db_session.flush()
    changed = get(client, f"{BASE}/organization/{world.council.id}")
    assert changed["modified"] > organization["modified"]
    assert len(changed["membership"]) < len(organization["membership"])
    changed_item = get(client, f"{BASE}/agendaItem/{world.public_item.id}")
    assert changed_item["modified"] > item["modified"]
    assert document.title in [f["name"] for f in changed_item["auxiliaryFile"]]


def test_modified_follows_only_the_own_bodies_and_members(client, world, db_session):
    """A person's `modified` moves with the bodies they belong to, not with every body, and a
    body's with its own members, not with everyone's: a harvester asking what changed since
    gets what did."""
    person_url = f"{BASE}/person/{world.listed.id}"
    council_url = f"{BASE}/organization/{world.council.id}"
    person, council = get(client, person_url), get(client, council_url)
    with clock.freeze(utcnow() + timedelta(minutes=10)):
        world.hidden_body.name = "Umbenannter Arbeitskreis"
        world.hidden_member.name = "Hanna Umbenannt"
        db_session.flush()
    assert get(client, person_url)["modified"] == person["modified"]
    assert get(client, council_url)["modified"] == council["modified"]
    since = quote((utcnow() + timedelta(minutes=5)).isoformat(timespec="seconds"))
    assert get(client, f"{BASE}/body/1/person?modified_since={since}")["data"] == []
    with clock.freeze(utcnow() + timedelta(minutes=20)):
        world.council.name = "Inklusionsbeirat Umbenannt"
        world.listed.name = "Lea Umbenannt"
        db_session.flush()
    assert get(client, person_url)["modified"] > person["modified"]
    assert get(client, council_url)["modified"] > council["modified"]


def test_agenda_item_result_and_resolution_text_from_the_real_decisions(client, world,
                                                                       db_session):
    from partizipation.decisions.models import Decision

    for item, text in ((world.public_item, "Der Beirat empfiehlt den Bericht."),
                       (world.closed_item, "Geheime Personalentscheidung.")):
        db_session.add(Decision(meeting_id=world.meeting.id, agenda_item_id=item.id, text=text,
                                result="votes", votes_yes=5, votes_no=1, votes_abstain=2,
                                status="approved"))
    db_session.flush()
    item = get(client, f"{BASE}/agendaItem/{world.public_item.id}")
    validate(item, "AgendaItem")
    assert item["resolutionText"] == "Der Beirat empfiehlt den Bericht."
    assert "Ja 5, Nein 1, Enthaltung 2" in item["result"] and "Genehmigt" in item["result"]
    listing = get(client, f"{BASE}/body/1/agendaItem")
    assert "Geheime Personalentscheidung" not in json.dumps(listing)


def test_a_meetings_embedded_items_change_with_the_meeting_as_their_own_pages(client, world,
                                                                             db_session, app):
    """An item embedded in its meeting says the same `modified` as the item's own object: both
    take the meeting's history, the meeting and its body into account."""
    def embedded() -> dict[str, str]:
        meeting = get(client, f"{BASE}/meeting/{world.meeting.id}")
        return {item["id"]: item["modified"] for item in meeting["agendaItem"]}

    before = embedded()
    assert before
    with app.test_request_context(), clock.freeze(utcnow() + timedelta(minutes=10)):
        from partizipation.meetings.history import Action, record

        record(db_session, world.meeting, Action.DOCUMENT_ADDED, actor=None, note="Vorlage")
        db_session.flush()
    after = embedded()
    assert after.keys() == before.keys()
    for url, modified in after.items():
        assert modified > before[url]
        assert get(client, url)["modified"] == modified
