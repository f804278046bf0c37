"""The member's pages: support needs with consent, kind of disability, my data, deletion."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import func, select

from partizipation.accounts.models import User
from partizipation.council.models import PersonDisability, SupportNeed
from partizipation.people.models import DeletionRequest
from partizipation.people.privacy import person_of
from tests.conftest import login
from tests.helpers import page_text

from .conftest import post
from .factories import create_membership

NEEDS = "/mein-bereich/unterstuetzung"


def needs_count(db_session):
    db_session.expire_all()
    return db_session.scalar(select(func.count()).select_from(SupportNeed))


@pytest.fixture()
def as_member(client, member):
    login(client, member.email)
    return client


def test_my_area_links_to_support_needs_and_my_data(as_member, db_session, member, council):
    create_membership(db_session, council.terms[0], person_of(db_session, member))
    html = as_member.get("/mein-bereich").get_data(as_text=True)
    assert 'href="/mein-bereich/unterstuetzung"' in html
    assert 'href="/mein-bereich/meine-daten"' in html and council.name in html
    assert "/verwaltung/gremien" not in html


def test_my_area_of_the_officer_links_to_the_administration(client, officer, council):
    login(client, officer.email)
    html = client.get("/mein-bereich").get_data(as_text=True)
    for link in ("/verwaltung/gremien", "/verwaltung/gremien/fristen",
                 f"/verwaltung/gremien/{council.id}/unterstuetzung", "/verwaltung/loeschantraege"):
        assert f'href="{link}"' in html


def test_needs_without_consent_are_refused_and_nothing_is_stored(as_member, db_session):
    response = post(as_member, NEEDS, {"needs": ["braille", "other"], "other_details": "Ruhe"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and 'id="consent-error"' in html
    assert 'href="#consent"' in html and "<title>Fehler:" in html
    assert re.search(r'<input checked[^>]*value="braille"', html)  # input kept
    assert "Ruhe</textarea>" in html
    assert needs_count(db_session) == 0


def test_other_without_details_is_refused(as_member, db_session):
    html = post(as_member, NEEDS, {"needs": ["other"], "consent": "y"}).get_data(as_text=True)
    assert 'id="other_details-error"' in html
    assert needs_count(db_session) == 0


def test_needs_with_consent_are_saved_and_shown(as_member, db_session):
    response = post(as_member, NEEDS, {"needs": ["sign_language", "quiet_room"], "consent": "y"})
    assert response.status_code == 302
    assert needs_count(db_session) == 2
    text = page_text(as_member.get(NEEDS))
    assert "21." in text or "20" in text  # the date of consent is shown


def test_withdrawing_consent_deletes_the_needs(as_member, db_session):
    post(as_member, NEEDS, {"needs": ["braille"], "consent": "y"})
    response = post(as_member, "/mein-bereich/unterstuetzung/widerrufen", {"confirmed": "yes"})
    assert response.status_code == 302
    assert needs_count(db_session) == 0


def test_another_member_cannot_see_my_needs(client, db_session, member, other_member, council):
    person = person_of(db_session, member)
    create_membership(db_session, council.terms[0], person)
    login(client, member.email)
    post(client, NEEDS, {"needs": ["other"], "other_details": "Hinweis-4711", "consent": "y"})
    assert "Hinweis-4711" in page_text(client.get(NEEDS))
    other = client.application.test_client()
    login(other, other_member.email)
    for url in (NEEDS, "/mein-bereich/meine-daten", "/mein-bereich/meine-daten.json",
                "/mein-bereich"):
        assert "Hinweis-4711" not in other.get(url).get_data(as_text=True), url
    assert other.get(f"/verwaltung/gremien/{council.id}/unterstuetzung").status_code == 403


def test_the_officer_sees_the_needs_in_the_body_summary(client, db_session, member, officer,
                                                         council):
    create_membership(db_session, council.terms[0], person_of(db_session, member))
    login(client, member.email)
    post(client, NEEDS, {"needs": ["braille"], "consent": "y"})
    officer_client = client.application.test_client()
    login(officer_client, officer.email)
    text = page_text(officer_client.get(f"/verwaltung/gremien/{council.id}/unterstuetzung"))
    assert "Mara Mitglied" in text and "Braille" in text


def test_a_user_without_person_has_no_support_page(client, db_session):
    from tests.factories import create_user
    user = create_user(db_session, role="editor")
    login(client, user.email)
    assert client.get(NEEDS).status_code == 404
    assert client.get("/mein-bereich/meine-daten").status_code == 200


def test_pages_need_sign_in(client):
    for url in (NEEDS, "/mein-bereich/behinderung", "/mein-bereich/meine-daten",
                "/mein-bereich/meine-daten.json"):
        response = client.get(url)
        assert response.status_code == 302 and "/anmelden" in response.headers["Location"]


def test_disability_kind_with_its_own_consent(as_member, db_session):
    url = "/mein-bereich/behinderung"
    html = post(as_member, url, {"kinds": ["hearing"]}).get_data(as_text=True)
    assert 'id="consent-error"' in html
    html = post(as_member, url, {"consent": "y"}).get_data(as_text=True)
    assert 'id="kinds-error"' in html
    assert post(as_member, url, {"kinds": ["hearing"], "consent": "y"}).status_code == 302
    db_session.expire_all()
    assert db_session.scalar(select(func.count()).select_from(PersonDisability)) == 1
    post(as_member, "/mein-bereich/behinderung/widerrufen", {"confirmed": "yes"})
    db_session.expire_all()
    assert db_session.scalar(select(func.count()).select_from(PersonDisability)) == 0


def test_my_data_as_page_and_as_json(as_member, db_session, member, council):
    create_membership(db_session, council.terms[0], person_of(db_session, member),
                      represents="Verein X")
    post(as_member, NEEDS, {"needs": ["large_print"], "consent": "y"})
    text = page_text(as_member.get("/mein-bereich/meine-daten"))
    assert "Mara Mitglied" in text and council.name in text and "Verein X" in text
    response = as_member.get("/mein-bereich/meine-daten.json")
    assert response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.get_data(as_text=True))
    council_data = data["council"]
    assert data["people"]["person"]["name"] == "Mara Mitglied"
    assert council_data["memberships"][0]["represents"] == "Verein X"
    assert council_data["support_needs"]["items"] == [{"kind": "large_print", "details": ""}]
    assert council_data["support_needs"]["consent"]["text"]


def test_deletion_request_and_completion(client, db_session, member, officer, council):
    person = person_of(db_session, member)
    create_membership(db_session, council.terms[0], person)
    login(client, member.email)
    response = post(client, "/mein-bereich/meine-daten/loeschen", {"confirmed": "yes"},
                    page="/mein-bereich/meine-daten")
    assert response.status_code == 302
    request = db_session.scalar(select(DeletionRequest))
    assert request.user_id == member.id
    officer_client = client.application.test_client()
    login(officer_client, officer.email)
    assert "Mara Mitglied" in page_text(officer_client.get("/verwaltung/loeschantraege"))
    response = post(officer_client, f"/verwaltung/loeschantraege/{request.id}/erledigen", {},
                    page="/verwaltung/loeschantraege")
    assert response.status_code == 302
    db_session.expire_all()
    assert db_session.get(User, member.id).is_active is False
    assert "Mara Mitglied" not in page_text(
        officer_client.get(f"/verwaltung/gremien/{council.id}"))
    # The session of the deleted account ends.
    assert client.get("/mein-bereich").status_code == 302


def test_completing_a_request_is_for_the_officer_only(client, db_session, member, admin):
    login(client, member.email)
    post(client, "/mein-bereich/meine-daten/loeschen", {"confirmed": "yes"},
         page="/mein-bereich/meine-daten")
    request = db_session.scalar(select(DeletionRequest))
    admin_client = client.application.test_client()
    login(admin_client, admin.email)
    token_page = admin_client.get("/mein-bereich")
    from tests.helpers import csrf_token
    response = admin_client.post(f"/verwaltung/loeschantraege/{request.id}/erledigen",
                                 data={"csrf_token": csrf_token(token_page)})
    assert response.status_code == 403
    assert client.application.test_client().post(
        "/verwaltung/loeschantraege/99999/erledigen").status_code in (302, 400)


def test_my_data_page_shows_words_not_codes(as_member, db_session, member, council):
    create_membership(db_session, council.terms[0], person_of(db_session, member),
                      role="deputy_chair")
    post(as_member, NEEDS, {"needs": ["induction_loop"], "consent": "y"})
    text = page_text(as_member.get("/mein-bereich/meine-daten"))
    assert "Stellvertretender Vorsitz" in text and "Induktionsschleife" in text
    assert "induction_loop" not in text and "deputy_chair" not in text


def test_a_member_withdraws_and_gives_consent_to_be_listed(as_member, db_session, member,
                                                            council):
    person = person_of(db_session, member)
    create_membership(db_session, council.terms[0], person)
    assert "Mara Mitglied" in page_text(as_member.get("/beirat"))
    assert post(as_member, "/mein-bereich/oeffentliche-nennung", {}).status_code == 302
    db_session.expire_all()
    assert person_of(db_session, member).listing_consent_withdrawn_on is not None
    assert "Mara Mitglied" not in page_text(as_member.get("/beirat"))
    post(as_member, "/mein-bereich/oeffentliche-nennung", {"is_listed": "y"})
    assert "Mara Mitglied" in page_text(as_member.get("/beirat"))


def test_a_repeated_choice_is_stored_once_not_a_server_error(as_member, db_session, member):
    response = post(as_member, NEEDS, {"needs": ["braille", "braille"], "consent": "y"})
    assert response.status_code == 302
    db_session.expire_all()
    assert db_session.scalar(select(func.count()).select_from(SupportNeed)) == 1
