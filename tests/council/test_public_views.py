"""The public pages: /beirat, /gremien, /gremien/<id>."""

from __future__ import annotations

from datetime import timedelta

from tests.conftest import login
from tests.helpers import page_text

from .factories import TODAY, create_body, create_membership, create_person, create_term


def _council_with_members(db_session, council):
    term = council.terms[0]
    chair = create_membership(db_session, term, create_person(db_session, name="Vera Vorsitz"),
                              role="chair", represents="Verein Sehen (Test)")
    create_membership(db_session, term, create_person(db_session, name="Dora Stellvertreterin"),
                      role="deputy", deputy_for_id=chair.id)
    create_membership(db_session, term, create_person(db_session, name="Max Mitglied"))
    hidden = create_person(db_session, listed=False, name="Heimlich Unbekannt",
                           email="heimlich@example.org", phone="0170 999999")
    create_membership(db_session, term, hidden)
    create_membership(db_session, term, create_person(db_session, name="Ehemalig Weg"),
                      ends_on=TODAY - timedelta(days=1))
    return hidden


def test_roster_shows_listed_members_by_role_with_their_deputy(client, db_session, council):
    _council_with_members(db_session, council)
    response = client.get("/beirat")
    assert response.status_code == 200
    text = page_text(response)
    assert "Vera Vorsitz" in text and "Max Mitglied" in text
    assert "Dora Stellvertreterin" in text and "Verein Sehen (Test)" in text
    assert text.index("Vera Vorsitz") < text.index("Dora Stellvertreterin") < text.index(
        "Max Mitglied")
    assert "Ehemalig Weg" not in text


def test_roster_never_shows_an_unlisted_person_or_any_contact(client, db_session, council):
    hidden = _council_with_members(db_session, council)
    html = client.get("/beirat").get_data(as_text=True)
    assert hidden.name not in html and "heimlich" not in html and "0170" not in html
    assert "@example.org" not in html and "0230" not in html
    assert "Und 1 weiteres Mitglied" in page_text(client.get("/beirat"))


def test_roster_page_has_one_h1_and_the_term(client, db_session, council):
    html = client.get("/beirat").get_data(as_text=True)
    assert html.count("<h1") == 1
    term = council.terms[0]
    assert term.starts_on.strftime("%d.%m.%Y") in html


def test_beirat_without_a_council_says_so(client, db_session):
    response = client.get("/beirat")
    assert response.status_code == 200
    assert response.get_data(as_text=True).count("<h1") == 1


def test_public_body_pages_and_the_list(client, db_session, council):
    private = create_body(db_session, name="Interne AG", is_public=False, kind="working_group")
    create_term(db_session, private)
    listing = page_text(client.get("/gremien"))
    assert council.name in listing and "Interne AG" not in listing
    assert client.get(f"/gremien/{council.id}").status_code == 200
    assert client.get(f"/gremien/{private.id}").status_code == 404
    assert client.get("/gremien/999999").status_code == 404


def test_a_private_body_is_404_for_members_too(client, db_session, member):
    private = create_body(db_session, name="Interne AG", is_public=False)
    login(client, member.email)
    assert client.get(f"/gremien/{private.id}").status_code == 404


def test_roster_in_english(client, db_session, council):
    _council_with_members(db_session, council)
    client.get("/sprache/en?next=/beirat")
    html = client.get("/beirat").get_data(as_text=True)
    assert 'lang="en"' in html and "Vera Vorsitz" in html
