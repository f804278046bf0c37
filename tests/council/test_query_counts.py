"""The roster and the officer's member list run a constant number of SQL statements."""

from __future__ import annotations

import pytest

from partizipation.council.models import Membership
from partizipation.people.models import Person
from tests.conftest import login
from tests.helpers import count_statements

from .factories import TERM_START


def add_members(db_session, council, n):
    term = council.terms[0]
    persons = [Person(name=f"Mitglied {i:04d}", listing_consent_given_on=TERM_START if i % 3
                      else None, email=f"m{i}@example.org") for i in range(n)]
    db_session.add_all(persons)
    db_session.flush()
    memberships = [Membership(person_id=p.id, body_id=council.id, term_id=term.id,
                              role="member", starts_on=TERM_START) for p in persons]
    db_session.add_all(memberships)
    db_session.flush()
    # Every fifth member has a personal deputy among the others.
    for principal, deputy in zip(memberships[::5], memberships[1::5], strict=False):
        deputy.role, deputy.deputy_for_id = "deputy", principal.id
    db_session.flush()


def statements_for(client, engine, url):
    client.get(url)  # warm-up (first-request work is not what we measure)
    with count_statements(engine) as statements:
        response = client.get(url)
    assert response.status_code == 200
    return len([s for s in statements if not s.startswith(("SAVEPOINT", "RELEASE", "ROLLBACK"))])


# Signed in as the officer (the session check is one statement); /beirat: the body with its
# current term, the current members with their persons; the officer's page of a body: the body
# with its terms, a page of members with their total, their principals and deputies.
@pytest.mark.parametrize(("url", "expected"), [
    ("/beirat", 3), ("/verwaltung/gremien/{id}", 4),
    ("/verwaltung/gremien/{id}?suche=Mitglied&seite=2", 4),
    ("/verwaltung/gremien/{id}/mitglieder.csv", 4)])
def test_constant_number_of_queries(client, db_session, engine, officer, council, url,
                                    expected):
    login(client, officer.email)
    url = url.format(id=council.id)
    add_members(db_session, council, 10)
    small = statements_for(client, engine, url)
    add_members(db_session, council, 490)
    large = statements_for(client, engine, url)
    assert small == large, (small, large)
    assert small == expected, small


@pytest.mark.parametrize("url", ["/verwaltung/gremien/{id}/verlauf",
                                 "/verwaltung/gremien/{id}/verlauf?seite=3"])
def test_the_history_pages_with_a_constant_number_of_queries(
        client, db_session, engine, officer, council, url):
    login(client, officer.email)
    url = url.format(id=council.id)
    add_members(db_session, council, 10)
    small = statements_for(client, engine, url)
    add_members(db_session, council, 990)
    large = statements_for(client, engine, url)
    assert small == large, (small, large)
