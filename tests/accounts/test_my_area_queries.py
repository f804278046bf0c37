"""/mein-bereich runs a few SQL statements for every role, the same at small and at larger data:
the session check, one SELECT of every domain's figures (partizipation/dashboard.py) and, for
those who manage meetings, the bodies with their meeting rhythm."""

from __future__ import annotations

import re

import pytest

from partizipation.council.models import SupportNeed
from tests.conftest import login
from tests.council.factories import create_body, create_membership, create_term
from tests.decisions.bulk import add_past_meetings
from tests.facilitators.factories import create_facilitator
from tests.helpers import count_statements, page_text
from tests.municipalities.factories import build_cast
from tests.news.bulk import add_posts

TRANSACTION = ("SAVEPOINT", "RELEASE", "ROLLBACK")
ROLES = {"officer": 2, "admin": 2, "editor": 2, "member": 2, "facilitator": 2,
         "contact_here": 2}


def statements(client, engine) -> int:
    assert client.get("/mein-bereich").status_code == 200  # warm-up
    with count_statements(engine) as seen:
        response = client.get("/mein-bereich")
    assert response.status_code == 200
    return len([s for s in seen if not s.startswith(TRANSACTION)])


def grow(db_session, cast, body, person_id: int, times: int, offset: int = 0) -> None:
    """Rows in every list the dashboard counts: posts with comments, held meetings with
    decisions, registrations waiting for confirmation."""
    add_posts(db_session, cast.user("editor").id, 60 * times,
              commenter_id=cast.user("member").id)
    add_past_meetings(db_session, body.id, 10 * times, [person_id], offset=offset)
    for _ in range(3 * times):
        create_facilitator(db_session, cast.kamen, "proposed")


@pytest.fixture()
def clients(app, db_session, cast_with_data):
    found = {}
    for role in ROLES:
        client = app.test_client()
        login(client, cast_with_data.user(role).email)
        found[role] = client
    return found


@pytest.fixture()
def cast_with_data(db_session):
    cast = build_cast(db_session)
    body = create_body(db_session, name="Inklusionsbeirat", min_meetings_per_year=4)
    own = create_facilitator(db_session, cast.bergkamen, "active", name="Fenja Begleitung",
                             user=cast.user("facilitator"))
    create_membership(db_session, create_term(db_session, body), own.person)
    db_session.add(SupportNeed(person_id=own.person.id, kind="sign_language"))
    db_session.flush()
    cast.body, cast.own_facilitator = body, own
    grow(db_session, cast, body, own.person_id, 1)
    db_session.commit()
    return cast


def test_a_few_statements_for_every_role_at_small_and_larger_data(
        db_session, engine, cast_with_data, clients):
    small = {role: statements(client, engine) for role, client in clients.items()}
    grow(db_session, cast_with_data, cast_with_data.body, cast_with_data.own_facilitator.person_id,
         10, offset=10)
    db_session.commit()
    large = {role: statements(client, engine) for role, client in clients.items()}
    assert small == large, (small, large)
    assert small == ROLES, small
    assert max(small.values()) <= 4


def test_what_each_role_sees_comes_from_the_one_statement(cast_with_data, clients):
    facilitator = page_text(clients["facilitator"].get("/mein-bereich"))
    assert "Inklusionsbeirat" in facilitator  # the membership
    assert "Mein Unterstützungsbedarf (1 angegeben)" in facilitator
    assert "Bergkamen" in facilitator and "Meine Arbeit als Partizipationsbegleitung" in facilitator
    contact = page_text(clients["contact_here"].get("/mein-bereich"))
    assert "Partizipationsbegleiter*innen von Bergkamen" in contact
    editor = page_text(clients["editor"].get("/mein-bereich"))
    assert "Alle meine Beiträge (60)" in editor
    officer = page_text(clients["officer"].get("/mein-bereich"))
    assert "3 Anmeldungen warten auf Ihre Bestätigung" in officer
    member = page_text(clients["member"].get("/mein-bereich"))
    assert "Anmeldungen warten" not in member and "Moderation" not in member


def test_the_statement_of_every_role_has_its_limits_written_in(engine, clients):
    """PostgreSQL keeps one plan of the page's statement for every officer and every day only
    when that plan does not look dearer than planning it afresh; a LIMIT sent as a parameter
    counts as a tenth of the table, so with growing data the server planned the statement of
    33 subqueries again on every request (`dashboard.first`)."""
    for role, client in clients.items():
        assert client.get("/mein-bereich").status_code == 200
        with count_statements(engine) as seen:
            client.get("/mein-bereich")
        figures = [s for s in seen if "count(*)" in s]
        assert len(figures) == 1, (role, len(figures))
        assert "LIMIT" in figures[0], role
        assert not re.search(r"LIMIT\s+(\?|%\(|:)", figures[0]), (role, figures[0])


@pytest.mark.parametrize(("value", "shown"), [(0, "0"), (500, "500"), (501, "mehr als 500")])
def test_a_capped_count_says_more_than_past_the_limit(app, value, shown):
    from partizipation.templating import capped_count

    with app.test_request_context():
        assert capped_count(value) == shown
