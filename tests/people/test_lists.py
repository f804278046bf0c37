"""The officer's lists of persons and deletion requests: search, paging, and a constant number of
SQL statements at 10 and at 1,000 rows."""

from __future__ import annotations

from sqlalchemy import insert, select

from partizipation.accounts.models import User
from partizipation.people.models import DeletionRequest, Person
from tests.conftest import login
from tests.factories import create_user
from tests.helpers import count_statements, page_text


def _persons(db_session, start, n):  # type: ignore[no-untyped-def]
    db_session.execute(insert(Person), [
        {"name": f"Person {i:05d}", "email": f"p{i}@example.org", "organisation": "Verein"}
        for i in range(start, start + n)])


def _requests(db_session, start, n):  # type: ignore[no-untyped-def]
    db_session.execute(insert(User), [
        {"email": f"del{i}@example.org", "display_name": f"Konto {i}", "role": "member"}
        for i in range(start, start + n)])
    ids = db_session.scalars(select(User.id).where(User.email.like("del%"))).all()
    have = set(db_session.scalars(select(DeletionRequest.user_id)))
    db_session.execute(insert(DeletionRequest), [
        {"user_id": user_id} for user_id in ids if user_id not in have])


def _count(client, connection, url):  # type: ignore[no-untyped-def]
    client.get(url)
    with count_statements(connection) as statements:
        response = client.get(url)
    assert response.status_code == 200
    return len(statements), response


def test_persons_are_found_by_search_and_paged(client, db_session, connection):
    officer = create_user(db_session, role="officer")
    login(client, officer.email)
    _persons(db_session, 0, 10)
    small, _ = _count(client, connection, "/verwaltung/personen?seite=2")
    _persons(db_session, 10, 990)
    large, page = _count(client, connection, "/verwaltung/personen?seite=2")
    assert small == large
    text = page_text(page)
    assert "Person 00025" in text and "Person 00024" not in text  # 25 a page
    assert "Seite 2 von 40" in text
    found = page_text(client.get("/verwaltung/personen?suche=00777"))
    assert "Person 00777" in found and "Person 00778" not in found


def test_deletion_requests_page_with_a_constant_number_of_statements(
        client, db_session, connection):
    officer = create_user(db_session, role="officer")
    login(client, officer.email)
    _requests(db_session, 0, 10)
    small, _ = _count(client, connection, "/verwaltung/loeschantraege")
    _requests(db_session, 10, 990)
    large, page = _count(client, connection, "/verwaltung/loeschantraege")
    assert small == large
    assert "Einträge 1 bis 25 von" in page_text(page)


def test_the_admin_sees_persons_but_not_deletion_requests(client, db_session):
    admin = create_user(db_session, role="admin")
    login(client, admin.email)
    assert client.get("/verwaltung/personen").status_code == 200
    assert client.get("/verwaltung/loeschantraege").status_code == 403
