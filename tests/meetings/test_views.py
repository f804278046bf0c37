"""The pages as people use them: visitors, invitees, other members, the officer and the admin;
bad input answered at the field with the input kept; nothing sent twice."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from partizipation import clock
from partizipation.mail.models import OutboxMessage
from partizipation.meetings.demo import demo_pdf
from partizipation.meetings.models import Document, Invitee, Meeting, SupportRequest
from tests.conftest import login
from tests.helpers import csrf_token, page_text

from .conftest import post
from .factories import create_item, create_meeting, invite


@pytest.fixture()
def app_config(tmp_path):
    return {"UPLOAD_FOLDER": str(tmp_path)}


@pytest.fixture()
def meeting(db_session, cast):
    """An announced public meeting with a public and a non-public item, each with a document."""
    meeting = create_meeting(db_session, cast.council, status="invited", format="in_person",
                             place_id=cast.place.id, title="Beiratssitzung im Kreishaus")
    public = create_item(db_session, meeting, title="Bushaltestellen")
    closed = create_item(db_session, meeting, title="Personalsache", is_public=False)
    invite(db_session, meeting, cast.persons["invited"], source="member", role="member",
           membership_id=cast.memberships["invited"].id, has_vote=True)
    invite(db_session, meeting, cast.persons["plain"], source="member", role="member")
    folder = cast  # noqa: F841 - documents are written through the upload view below
    return meeting, public, closed


def upload(client, meeting, title, item=None, public=True, content=None, name="x.pdf"):
    url = f"/verwaltung/sitzungen/{meeting.id}/dokumente/neu"
    token = csrf_token(client.get(url))
    data = {"title": title, "agenda_item_id": str(item.id if item else 0),
            "alternative_of_id": "0", "csrf_token": token,
            "file": (io.BytesIO(content if content is not None else demo_pdf(title)), name)}
    if public:
        data["is_public"] = "y"
    return client.post(url, data=data, content_type="multipart/form-data")


@pytest.fixture()
def documents(app, db_session, cast, meeting):
    meeting, public, closed = meeting
    officer = app.test_client()
    login(officer, "officer@example.org")
    assert upload(officer, meeting, "Einladung").status_code == 302
    assert upload(officer, meeting, "Vermerk", item=closed).status_code == 302
    assert upload(officer, meeting, "Anlage nicht öffentlich", public=False).status_code == 302
    return {d.title: d for d in db_session.scalars(select(Document))}


def test_the_coming_meetings_are_counted_only_up_to_a_limit(client, db_session, monkeypatch):
    """Past the counting limit the list says "more than" and still pages on; a later page is
    counted exactly again (the limit moves with the page asked for)."""
    from partizipation.meetings import views

    monkeypatch.setattr(views, "COUNT_LIMIT", 30)
    for day in range(60):
        create_meeting(db_session, status="invited", days=day + 1, title=f"Schulung {day:02d}")
    first = page_text(client.get("/sitzungen"))
    assert "Einträge 1 bis 25 von mehr als 30" in first
    assert "Schulung 00" in first and "Schulung 25" not in first
    third = page_text(client.get("/sitzungen?seite=3"))
    assert "Einträge 51 bis 60 von 60" in third and "Schulung 59" in third


def test_a_visitor_sees_the_public_agenda_and_never_a_non_public_document(
        client, meeting, documents):
    meeting = meeting[0]
    listing = page_text(client.get("/sitzungen"))
    assert "Beiratssitzung im Kreishaus" in listing
    page = client.get(f"/sitzungen/{meeting.id}")
    text = page_text(page)
    assert "TOP 1: Bushaltestellen" in text and "Personalsache" not in text
    assert "Einladung (PDF," in text and "Vermerk" not in text and "Anlage" not in text
    assert "Stufenloser Eingang: ja" in text
    public = client.get(f"/sitzungen/{meeting.id}/dokumente/{documents['Einladung'].id}")
    assert public.status_code == 200 and public.mimetype == "application/pdf"
    assert public.headers["X-Content-Type-Options"] == "nosniff"
    public.close()
    # Guessing the URL of a document of the non-public item or of a non-public one: 404.
    for title in ("Vermerk", "Anlage nicht öffentlich"):
        url = f"/sitzungen/{meeting.id}/dokumente/{documents[title].id}"
        assert client.get(url).status_code == 404
    assert client.get(f"/sitzungen/{meeting.id + 1}/dokumente/"
                      f"{documents['Einladung'].id}").status_code == 404


def test_an_invitee_sees_everything_and_another_member_only_the_public_part(
        app, client, meeting, documents):
    meeting = meeting[0]
    login(client, "invited@example.org")
    text = page_text(client.get(f"/sitzungen/{meeting.id}"))
    assert "TOP 2: Personalsache" in text and "Vermerk (PDF," in text
    served = client.get(f"/sitzungen/{meeting.id}/dokumente/{documents['Vermerk'].id}")
    assert served.status_code == 200
    served.close()
    other = app.test_client()
    login(other, "not_invited@example.org")
    assert "Personalsache" not in page_text(other.get(f"/sitzungen/{meeting.id}"))
    assert other.get(f"/sitzungen/{meeting.id}/dokumente/"
                     f"{documents['Vermerk'].id}").status_code == 404


def test_a_private_meeting_asks_visitors_to_sign_in_and_hides_from_others(
        app, client, db_session, cast):
    private = create_meeting(db_session, cast.council, status="invited", is_public=False,
                             title="Interne Sitzung")
    invite(db_session, private, cast.persons["invited"])
    response = client.get(f"/sitzungen/{private.id}")
    assert response.status_code == 302 and "/anmelden" in response.headers["Location"]
    login(client, "not_invited@example.org")
    assert client.get(f"/sitzungen/{private.id}").status_code == 404
    assert "Interne Sitzung" not in page_text(client.get("/sitzungen"))
    invited = app.test_client()
    login(invited, "invited@example.org")
    assert invited.get(f"/sitzungen/{private.id}").status_code == 200


def _answer_url(db_session, meeting, person):
    row = db_session.scalar(select(Invitee).where(Invitee.meeting_id == meeting.id,
                                                  Invitee.person_id == person.id))
    return f"/sitzungen/{meeting.id}/antwort/{row.id}", row


def test_answering_invites_the_deputy_and_nobody_answers_for_someone_else(
        app, client, db_session, cast, meeting):
    meeting = meeting[0]
    url, row = _answer_url(db_session, meeting, cast.persons["invited"])
    page = f"/sitzungen/{meeting.id}"
    other = app.test_client()
    login(other, "not_invited@example.org")
    assert post(other, url, {"answer": "attending"}, "/sitzungen").status_code == 403
    paul_url, _ = _answer_url(db_session, meeting, cast.persons["plain"])
    login(client, "invited@example.org")
    assert post(client, paul_url, {"answer": "attending"}, page).status_code == 403
    response = post(client, url, {"answer": "not_attending"}, page)
    assert response.status_code == 302 and response.headers["Location"].endswith("#antwort")
    text = page_text(client.get(page))
    assert "Ihre persönliche Stellvertretung Dora Vertretung wurde per E-Mail eingeladen" in text
    db_session.expire_all()
    assert row.answer == "not_attending"
    assert db_session.scalar(select(func.count()).select_from(OutboxMessage).where(
        OutboxMessage.to_address == "deputy@example.org")) == 1
    deputy = app.test_client()
    login(deputy, "deputy@example.org")
    text = page_text(deputy.get(page))
    assert "Sie sind als persönliche Stellvertretung von Mara Mitglied eingeladen" in text


def test_an_answer_after_the_start_is_refused_at_the_field(client, db_session, cast, meeting):
    meeting = meeting[0]
    url, row = _answer_url(db_session, meeting, cast.persons["invited"])
    login(client, "invited@example.org")
    token = csrf_token(client.get(f"/sitzungen/{meeting.id}"))
    with clock.freeze(meeting.starts_at + timedelta(minutes=1)):
        response = client.post(url, data={"answer": "attending", "csrf_token": token})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<title>Fehler:" in html and 'id="answer-error"' in html
    assert "Die Sitzung hat schon begonnen" in html
    db_session.expire_all()
    assert row.answer == "open"


def test_a_support_request_keeps_the_input_without_consent(app, client, db_session, cast,
                                                           meeting):
    meeting = meeting[0]
    _url, row = _answer_url(db_session, meeting, cast.persons["invited"])
    url = f"/sitzungen/{meeting.id}/unterstuetzung/{row.id}"
    login(client, "invited@example.org")
    response = post(client, url, {"needs": ["sign_language"], "other_details": "Mit Hund"}, url)
    html = response.get_data(as_text=True)
    assert "<title>Fehler:" in html and 'id="consent-error"' in html
    assert '<input checked id="needs-0"' in html
    assert "Mit Hund" in html
    assert db_session.scalar(select(func.count()).select_from(SupportRequest)) == 0
    response = post(client, url, {"needs": ["sign_language"], "consent": "y"}, url)
    assert response.status_code == 302
    assert "Sie haben angefragt: Dolmetschen in Deutscher Gebärdensprache (DGS)" in page_text(
        client.get(f"/sitzungen/{meeting.id}"))
    # The officer sees it on the drill-down; the admin and other members never do.
    officer = app.test_client()
    login(officer, "officer@example.org")
    drill = page_text(officer.get(f"/verwaltung/sitzungen/{meeting.id}/logistik/sign_language"))
    assert "Mara Mitglied" in drill
    for role in ("admin", "not_invited"):
        other = app.test_client()
        login(other, f"{role}@example.org")
        assert other.get(f"/verwaltung/sitzungen/{meeting.id}/logistik/sign_language"
                         ).status_code == 403
        assert other.get(url).status_code == 403


def test_the_officer_creates_a_meeting_and_bad_input_is_kept(client, db_session, cast):
    login(client, "officer@example.org")
    day = (clock.today() + timedelta(days=40)).strftime("%d.%m.%Y")
    form = {"title": "Neue Sitzung", "body_id": str(cast.council.id), "kind": "session",
            "starts_on": day, "start_time": "17:00", "end_time": "16:00",
            "format": "in_person", "place_id": "0", "join_url": "http://unsicher.example.org",
            "is_public": "y", "component": ""}
    response = post(client, "/verwaltung/sitzungen/neu", form, "/verwaltung/sitzungen/neu")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<title>Fehler:" in html
    assert 'id="end_time-error"' in html and "Das Ende muss nach dem Beginn liegen" in html
    assert 'value="Neue Sitzung"' in html and 'value="16:00"' in html
    assert db_session.scalar(select(func.count()).select_from(Meeting)) == 0
    form.update(end_time="19:00")
    html = post(client, "/verwaltung/sitzungen/neu", form, "/verwaltung/sitzungen/neu").get_data(
        as_text=True)
    assert 'id="place_id-error"' in html
    form.update(place_id=str(cast.place.id))
    html = post(client, "/verwaltung/sitzungen/neu", form, "/verwaltung/sitzungen/neu").get_data(
        as_text=True)
    assert 'id="join_url-error"' in html and "mit https:// beginnt" in html
    form.update(join_url="", start_time="17.30", end_time="19")
    response = post(client, "/verwaltung/sitzungen/neu", form, "/verwaltung/sitzungen/neu")
    assert response.status_code == 302
    created = db_session.scalar(select(Meeting))
    assert clock.local(created.starts_at).strftime("%H:%M") == "17:30"
    assert db_session.scalar(select(func.count()).select_from(Invitee)) == 2


def test_an_edit_made_meanwhile_is_shown_not_overwritten(app, client, db_session, cast,
                                                         meeting):
    meeting = meeting[0]
    url = f"/verwaltung/sitzungen/{meeting.id}/bearbeiten"
    first, second = app.test_client(), app.test_client()
    login(first, "officer@example.org")
    login(second, "admin@example.org")
    page_one, page_two = first.get(url), second.get(url)
    fields = {"body_id": str(cast.council.id), "kind": "session",
              "starts_on": meeting.starts_on.strftime("%d.%m.%Y"), "start_time": "17:00",
              "end_time": "19:00", "format": "in_person", "place_id": str(cast.place.id),
              "is_public": "y", "version": str(meeting.version)}
    saved = first.post(url, data={**fields, "title": "Titel von Petra",
                                  "csrf_token": csrf_token(page_one)})
    assert saved.status_code == 302
    response = second.post(url, data={**fields, "title": "Titel vom Admin",
                                      "csrf_token": csrf_token(page_two)})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Jemand anderes hat hier" in html
    assert "Titel von Petra" in html and 'value="Titel vom Admin"' in html
    db_session.expire_all()
    assert db_session.get(Meeting, meeting.id).title == "Titel von Petra"


def test_double_submit_sends_one_set_of_mails(client, db_session, cast):
    planned = create_meeting(db_session, cast.council, title="Doppelt")
    invite(db_session, planned, cast.persons["invited"])
    login(client, "officer@example.org")
    url = f"/verwaltung/sitzungen/{planned.id}/einladen"
    token = csrf_token(client.get(url))
    first = client.post(url, data={"csrf_token": token})
    second = client.post(url, data={"csrf_token": token})
    assert first.status_code == second.status_code == 302
    assert "schon verschickt" in page_text(client.get(second.headers["Location"]))
    assert db_session.scalar(select(func.count()).select_from(OutboxMessage)) == 1


def test_a_late_invitation_is_confirmed_and_recorded(client, db_session, cast):
    soon = create_meeting(db_session, cast.council, days=3, title="Kurzfristig")
    invite(db_session, soon, cast.persons["invited"])
    login(client, "officer@example.org")
    url = f"/verwaltung/sitzungen/{soon.id}/einladen"
    assert "Diese Einladungen kommen zu spät" in page_text(client.get(url))
    html = post(client, url, {}, url).get_data(as_text=True)
    assert 'id="confirm_late-error"' in html and "Ladungsfrist von 14 Tagen" in html
    assert db_session.scalar(select(func.count()).select_from(OutboxMessage)) == 0
    assert post(client, url, {"confirm_late": "y"}, url).status_code == 302
    db_session.expire_all()
    assert db_session.get(Meeting, soon.id).invited_late is True
    assert "verspätet" in page_text(client.get(f"/verwaltung/sitzungen/{soon.id}"))


def test_a_renamed_program_is_refused_and_the_title_kept(client, meeting):
    meeting = meeting[0]
    login(client, "officer@example.org")
    response = upload(client, meeting, "Einladung", content=b"MZ\x90\x00" + b"\x00" * 200,
                      name="einladung.pdf")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and 'id="file-error"' in html
    assert "keinen zugelassenen Typ" in html and 'value="Einladung"' in html


def test_moving_the_first_item_up_says_so(client, meeting):
    meeting, first, _closed = meeting
    login(client, "officer@example.org")
    url = f"/verwaltung/sitzungen/{meeting.id}/tops/{first.id}/hoch"
    response = post(client, url, {}, f"/verwaltung/sitzungen/{meeting.id}")
    assert "TOP 1 ist schon der erste Punkt" in page_text(client.get(response.headers["Location"]))
    down = post(client, url.replace("hoch", "runter"), {}, f"/verwaltung/sitzungen/{meeting.id}")
    assert "„Bushaltestellen“ ist jetzt TOP 2" in page_text(client.get(down.headers["Location"]))


def test_logistics_booking_reminder_and_who_may_see_it(app, client, db_session, cast, meeting):
    meeting = meeting[0]
    url = f"/verwaltung/sitzungen/{meeting.id}/logistik"
    for role, status in (("invited", 403), ("admin", 403), ("editor", 403)):
        other = app.test_client()
        login(other, f"{role}@example.org")
        assert other.get(url).status_code == status
    login(client, "officer@example.org")
    assert "Noch keine Antwort: 2" in page_text(client.get(url))
    response = post(client, f"{url}/sign_language/buchung",
                    {"sign_language-booked_with": "", "sign_language-is_confirmed": "y"}, url)
    html = response.get_data(as_text=True)
    assert "<title>Fehler:" in html and 'id="sign_language-booked_with-error"' in html
    response = post(client, f"{url}/sign_language/buchung",
                    {"sign_language-booked_with": "Dolmetschdienst",
                     "sign_language-is_confirmed": "y"}, url)
    assert response.status_code == 302
    assert "Dolmetschdienst" in client.get(url).get_data(as_text=True)
    response = post(client, f"{url}/erinnern", {}, url)
    assert "Eine Erinnerung wurde an 1 Eingeladene" in page_text(
        client.get(response.headers["Location"]))
    assert client.get(f"{url}/unknown").status_code == 404


def test_my_meetings_lists_the_invitation_with_answer_and_support(client, cast, meeting):
    login(client, "invited@example.org")
    text = page_text(client.get("/mein-bereich/sitzungen"))
    assert "Beiratssitzung im Kreishaus" in text and "Noch keine Antwort" in text
    assert "Meine Sitzungen und Einladungen" in page_text(client.get("/mein-bereich"))


def test_the_start_page_shows_the_next_public_meetings(client, meeting):
    assert "Beiratssitzung im Kreishaus" in page_text(client.get("/"))


def test_the_network_body_page_lists_listed_facilitators_by_municipality(client, db_session,
                                                                         cast):
    from tests.council.factories import create_body

    network = create_body(db_session, name="Netzwerk", kind="facilitator_network")
    text = page_text(client.get(f"/gremien/{network.id}"))
    assert "Kamen" in text and "Fenja Begleitung (erfunden)" in text


def test_export_and_erasure(app, client, db_session, cast, meeting):
    from partizipation.meetings.personal import erase, export

    meeting = meeting[0]
    _url, row = _answer_url(db_session, meeting, cast.persons["invited"])
    url = f"/sitzungen/{meeting.id}/unterstuetzung/{row.id}"
    login(client, "invited@example.org")
    post(client, url, {"needs": ["large_print"], "consent": "y"}, url)
    data = export(db_session, cast.user("invited"), cast.persons["invited"])
    (invitation,) = data["invitations"]
    assert invitation["support_requests"][0]["kind"] == "large_print"
    erase(db_session, cast.user("invited"), cast.persons["invited"])
    assert db_session.scalar(select(func.count()).select_from(SupportRequest)) == 0


def test_answering_from_my_area(client, db_session, cast, meeting):
    meeting = meeting[0]
    _url, row = _answer_url(db_session, meeting, cast.persons["invited"])
    login(client, "invited@example.org")
    page = client.get("/mein-bereich/sitzungen")
    html = page.get_data(as_text=True)
    assert f'name="i{row.id}-answer"' in html and "deputy_attends" in html
    url = f"/sitzungen/{meeting.id}/antwort/{row.id}?von=mein-bereich"
    response = client.post(url, data={"csrf_token": csrf_token(page)})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<title>Fehler:" in html
    assert f'id="i{row.id}-answer-error"' in html and "Meine Sitzungen" in html
    response = client.post(url, data={f"i{row.id}-answer": "attending",
                                      "csrf_token": csrf_token(page)})
    assert response.headers["Location"].endswith(f"/mein-bereich/sitzungen#einladung-{row.id}")
    db_session.expire_all()
    assert row.answer == "attending"
