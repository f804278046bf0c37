"""The officer's pages under /verwaltung/gremien: every page, every form state, access."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from partizipation.council.models import Body, Membership, Term
from partizipation.mail.models import OutboxMessage
from partizipation.people.models import Person
from tests.conftest import login
from tests.helpers import page_text

from .conftest import post
from .factories import TERM_START, TODAY, create_body, create_membership, create_person

D = "%d.%m.%Y"


@pytest.fixture()
def as_officer(client, officer):
    login(client, officer.email)
    return client


def count(db_session, model):
    db_session.expire_all()
    return db_session.scalar(select(func.count()).select_from(model))


def member_data(term, **kw):
    data = {"person_id": "0", "name": "Neue Person", "term_id": str(term.id), "role": "member",
            "deputy_for_id": "0", "has_vote": "y", "starts_on": TERM_START.strftime(D)}
    data.update(kw)
    return data


@pytest.mark.parametrize("path", [
    "/verwaltung/gremien", "/verwaltung/gremien/neu", "/verwaltung/gremien/fristen",
    "/verwaltung/gremien/{b}", "/verwaltung/gremien/{b}/bearbeiten",
    "/verwaltung/gremien/{b}/amtszeiten/neu", "/verwaltung/gremien/{b}/amtszeiten/{t}/bearbeiten",
    "/verwaltung/gremien/{b}/mitglieder/neu", "/verwaltung/gremien/{b}/verlauf",
    "/verwaltung/gremien/{b}/mitgliedschaften/{m}/bearbeiten",
    "/verwaltung/gremien/{b}/mitgliedschaften/{m}/beenden",
    "/verwaltung/gremien/{b}/mitglieder.csv", "/verwaltung/gremien/{b}/unterstuetzung",
    "/verwaltung/personen/{p}/bearbeiten", "/verwaltung/loeschantraege",
])
@pytest.mark.parametrize("role,status", [
    ("anonymous", 302), ("member", 403), ("editor", 403), ("admin", 200), ("officer", 200),
])
def test_access_to_officer_pages(client, db_session, council, path, role, status):
    from tests.factories import create_user
    membership = create_membership(db_session, council.terms[0])
    url = path.format(b=council.id, t=council.terms[0].id, m=membership.id,
                      p=membership.person_id)
    if role != "anonymous":
        login(client, create_user(db_session, role=role).email)
    expected = status
    if role == "admin" and ("unterstuetzung" in path or "loeschantraege" in path):
        expected = 403  # health data and deletions: the officer only
    response = client.get(url)
    assert response.status_code == expected
    if expected == 200 and not url.endswith(".csv"):
        assert response.get_data(as_text=True).count("<h1") == 1


def test_unknown_ids_are_404(as_officer, db_session, council):
    other = create_body(db_session)
    foreign = create_membership(db_session, council.terms[0])
    for url in ["/verwaltung/gremien/99999", "/verwaltung/personen/99999/bearbeiten",
                f"/verwaltung/gremien/{other.id}/mitgliedschaften/{foreign.id}/bearbeiten",
                f"/verwaltung/gremien/{other.id}/mitgliedschaften/{foreign.id}/beenden",
                f"/verwaltung/gremien/{other.id}/amtszeiten/{council.terms[0].id}/bearbeiten"]:
        assert as_officer.get(url).status_code == 404, url


def test_create_body_empty_shows_errors_at_field_and_summary(as_officer, db_session):
    before = count(db_session, Body)
    response = post(as_officer, "/verwaltung/gremien/neu", {"min_meetings_per_year": "x"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<title>Fehler:" in html and 'class="error-summary"' in html
    assert 'href="#name"' in html and 'id="name-error"' in html
    assert 'aria-invalid="true"' in html and 'href="#kind-0"' in html
    assert 'value="x"' in html  # input kept
    assert html.count("Geben Sie den Namen des Gremiums ein.") == 2  # summary and field
    assert "Geben Sie eine ganze Zahl ein, zum Beispiel 4." in html
    assert count(db_session, Body) == before


def test_create_and_edit_a_body(as_officer, db_session):
    response = post(as_officer, "/verwaltung/gremien/neu", {
        "name": "Lenkungsgruppe Test", "kind": "steering_group", "is_public": "y",
        "description_html": "<p>Hallo<script>alert(1)</script></p>",
        "min_meetings_per_year": "2", "target_meetings_per_year": "2",
        "notice_period_days": "21"})
    assert response.status_code == 302
    body = db_session.scalar(select(Body).where(Body.name == "Lenkungsgruppe Test"))
    assert body.description_html == "<p>Hallo</p>" or "script" not in body.description_html
    response = post(as_officer, f"/verwaltung/gremien/{body.id}/bearbeiten", {
        "name": "Lenkungsgruppe Neu", "kind": "steering_group", "min_meetings_per_year": "3",
        "target_meetings_per_year": "2", "notice_period_days": "21"})
    assert 'id="target_meetings_per_year-error"' in response.get_data(as_text=True)
    db_session.expire_all()
    assert db_session.get(Body, body.id).name == "Lenkungsgruppe Test"


def test_term_form_errors_and_success(as_officer, db_session, council):
    url = f"/verwaltung/gremien/{council.id}/amtszeiten/neu"
    html = post(as_officer, url, {"starts_on": "31.02.2031", "ends_on": ""}).get_data(as_text=True)
    assert 'id="starts_on-error"' in html and 'id="ends_on-error"' in html
    assert 'value="31.02.2031"' in html
    start = council.terms[0].ends_on + timedelta(days=1)
    bad = post(as_officer, url, {"starts_on": start.strftime(D),
                                 "ends_on": (start - timedelta(days=2)).strftime(D)})
    assert 'id="ends_on-error"' in bad.get_data(as_text=True)
    ok = post(as_officer, url, {"starts_on": start.strftime(D),
                                "ends_on": (start + timedelta(days=1000)).strftime(D)})
    assert ok.status_code == 302
    assert count(db_session, Term) == 2


def test_add_a_new_person_as_member_in_one_step_and_invite(as_officer, db_session, council):
    term = council.terms[0]
    response = post(as_officer, f"/verwaltung/gremien/{council.id}/mitglieder/neu",
                    member_data(term, name="Ina Neu", email="ina@example.org", is_listed="y",
                                invite="y"))
    assert response.status_code == 302
    person = db_session.scalar(select(Person).where(Person.name == "Ina Neu"))
    assert person.is_listed and person.user_id is not None
    assert db_session.scalar(select(func.count()).select_from(OutboxMessage).where(
        OutboxMessage.to_address == "ina@example.org")) == 1
    assert "Ina Neu" in page_text(as_officer.get(f"/verwaltung/gremien/{council.id}"))


def test_add_member_errors_keep_input_and_save_nothing(as_officer, db_session, council):
    term = council.terms[0]
    holder = create_membership(db_session, term, role="chair")
    persons, memberships = count(db_session, Person), count(db_session, Membership)
    url = f"/verwaltung/gremien/{council.id}/mitglieder/neu"
    html = post(as_officer, url, member_data(term, name="Ina Neu", role="chair")).get_data(
        as_text=True)
    assert 'id="role-error"' in html and holder.person.name in html
    assert f"{holder.person.name} hat in dieser Zeit schon den Vorsitz." in html
    assert 'value="Ina Neu"' in html
    assert count(db_session, Person) == persons and count(db_session, Membership) == memberships
    html = post(as_officer, url, member_data(term, name="", role="")).get_data(as_text=True)
    assert 'id="name-error"' in html and 'id="role-error"' in html
    html = post(as_officer, url, member_data(term, name="Ina", invite="y")).get_data(
        as_text=True)
    assert 'id="invite-error"' in html


def test_add_existing_person_as_deputy_and_tampered_deputy(as_officer, db_session, council):
    term = council.terms[0]
    principal = create_membership(db_session, term)
    other_body = create_body(db_session)
    from .factories import create_term
    foreign = create_membership(db_session, create_term(db_session, other_body))
    person = create_person(db_session, name="Dana Deputy")
    url = f"/verwaltung/gremien/{council.id}/mitglieder/neu"
    html = post(as_officer, url, member_data(term, person_id=str(person.id), role="deputy",
                                             deputy_for_id=str(foreign.id))).get_data(as_text=True)
    assert 'id="deputy_for_id-error"' in html
    response = post(as_officer, url, member_data(term, person_id=str(person.id), role="deputy",
                                                 deputy_for_id=str(principal.id)))
    assert response.status_code == 302
    row = db_session.scalar(select(Membership).where(Membership.person_id == person.id))
    assert row.deputy_for_id == principal.id


def test_edit_and_end_a_membership(as_officer, db_session, council):
    term = council.terms[0]
    membership = create_membership(db_session, term, create_person(db_session, name="Eva Ende"))
    base = f"/verwaltung/gremien/{council.id}/mitgliedschaften/{membership.id}"
    response = post(as_officer, f"{base}/bearbeiten", member_data(
        term, role="advisory_member", represents="Stadt Kamen"))
    assert response.status_code == 302
    html = post(as_officer, f"{base}/beenden", {"ends_on": "", "reason": ""}).get_data(
        as_text=True)
    assert 'id="ends_on-error"' in html and 'id="reason-error"' in html
    response = post(as_officer, f"{base}/beenden", {
        "ends_on": (TODAY - timedelta(days=1)).strftime(D), "reason": "resigned"})
    assert response.status_code == 302
    db_session.expire_all()
    row = db_session.get(Membership, membership.id)
    assert row.end_reason == "resigned" and row.represents == "Stadt Kamen"
    history = page_text(as_officer.get(f"/verwaltung/gremien/{council.id}/verlauf"))
    assert "Eva Ende" in history
    assert "Eva Ende" not in page_text(as_officer.get(f"/verwaltung/gremien/{council.id}"))


def test_csv_export_of_current_members(as_officer, db_session, council):
    create_membership(db_session, council.terms[0],
                      create_person(db_session, name="Carla Csv", email="carla@example.org"))
    response = as_officer.get(f"/verwaltung/gremien/{council.id}/mitglieder.csv")
    assert response.mimetype == "text/csv"
    text = response.get_data(as_text=True)
    assert "Carla Csv" in text and "carla@example.org" in text


def test_warning_list_shows_what_ends_soon(as_officer, db_session, council):
    create_membership(db_session, council.terms[0], create_person(db_session, name="Bald Weg"),
                      ends_on=TODAY + timedelta(days=30))
    assert "Bald Weg" in page_text(as_officer.get("/verwaltung/gremien/fristen"))


def test_edit_person_records_listing_consent(as_officer, db_session):
    person = create_person(db_session, listed=False, name="Lisa Liste")
    url = f"/verwaltung/personen/{person.id}/bearbeiten"
    html = post(as_officer, url, {"name": "", "email": "kaputt"}).get_data(as_text=True)
    assert 'id="name-error"' in html and 'id="email-error"' in html
    assert post(as_officer, url, {"name": "Lisa Liste", "is_listed": "y"}).status_code == 302
    db_session.expire_all()
    assert db_session.get(Person, person.id).listing_consent_given_on == TODAY
    post(as_officer, url, {"name": "Lisa Liste"})
    db_session.expire_all()
    assert not db_session.get(Person, person.id).is_listed


def test_invite_a_known_person(as_officer, db_session):
    person = create_person(db_session, name="Ida Invite", email="ida@example.org")
    page = f"/verwaltung/personen/{person.id}/bearbeiten"
    response = post(as_officer, f"/verwaltung/personen/{person.id}/einladen", {}, page=page)
    assert response.status_code == 302
    db_session.expire_all()
    assert db_session.get(Person, person.id).user_id is not None


def test_csv_cells_cannot_run_formulas(as_officer, db_session, council):
    create_membership(db_session, council.terms[0],
                      create_person(db_session, name="=HYPERLINK(\"http://x\")"))
    text = as_officer.get(f"/verwaltung/gremien/{council.id}/mitglieder.csv").get_data(
        as_text=True)
    assert "'=HYPERLINK" in text


def test_the_member_list_pages_searches_and_names_deputies_across_pages(
        as_officer, db_session, council):
    """30 current members: 25 on the first page, 5 on the second; a deputy on page 2 is named
    beside her principal on page 1 and the other way round; the CSV still has everyone."""
    from .test_query_counts import add_members

    add_members(db_session, council, 30)
    memberships = db_session.scalars(select(Membership).where(Membership.body_id == council.id)
                                     .order_by(Membership.id)).all()
    principal, deputy = memberships[2], memberships[29]  # neither has a partner yet
    deputy.role, deputy.deputy_for_id = "deputy", principal.id
    db_session.flush()
    url = f"/verwaltung/gremien/{council.id}"
    first = page_text(as_officer.get(url))
    assert "Einträge 1 bis 25 von 30" in first and "Mitglied 0027" not in first
    # Page 1 names the deputy who stands on page 2, page 2 the principal on page 1.
    assert "Mitglied 0029" in first
    second = page_text(as_officer.get(f"{url}?seite=2"))
    assert "Einträge 26 bis 30 von 30" in second and "Mitglied 0027" in second
    assert "für Mitglied 0002" in second
    found = page_text(as_officer.get(f"{url}?suche=0029"))
    assert "Mitglied 0029" in found and "Mitglied 0028" not in found
    assert "(1)" in found
    none = page_text(as_officer.get(f"{url}?suche=niemand"))
    assert "Kein aktuelles Mitglied passt zu „niemand“." in none
    csv = as_officer.get(f"{url}/mitglieder.csv").get_data(as_text=True)
    assert all(f"Mitglied {n:04d}" in csv for n in range(30))


def test_the_members_table_names_principals_deputies_and_anonymised_members(
        as_officer, db_session, council):
    """Each row of the officer's page of a body: the principal a personal deputy stands in
    for, the member's deputy, "without a vote", and an anonymised person without a link."""
    term = council.terms[0]
    principal = create_membership(db_session, term, create_person(db_session, name="Paula Haupt"))
    create_membership(db_session, term, create_person(db_session, name="Dora Vertretung"),
                      role="deputy", has_vote=False, deputy_for_id=principal.id)
    gone = create_person(db_session, name="Alt Name",
                         anonymised_at=datetime(2025, 1, 1, tzinfo=UTC))
    create_membership(db_session, term, gone)
    as_officer.get("/sprache/en")
    response = as_officer.get(f"/verwaltung/gremien/{council.id}")
    html = response.get_data(as_text=True)
    rows = {re.sub(r"<[^>]+>", "", row.split("</th>")[0]): row
            for row in html.split('<th scope="row">')[1:]}
    assert ("<td>Personal deputy for Paula Haupt<br>without a vote</td>"
            in rows["Dora Vertretung"])
    assert "<td>Dora Vertretung</td>" in rows["Paula Haupt"]
    assert "<td>–</td>" in rows["Dora Vertretung"]
    assert "Anonymised member" in rows and "Alt Name" not in html
    assert not rows["Anonymised member"].startswith("<a")
    assert f'href="/verwaltung/personen/{principal.person_id}' in html
