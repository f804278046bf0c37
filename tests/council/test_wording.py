"""German wording a screen-reader user hears on the council pages (issue 12, item 14)."""

from __future__ import annotations

from datetime import timedelta

from tests.conftest import login
from tests.helpers import page_text

from .conftest import post
from .factories import TODAY, create_membership, create_person

D = "%d.%m.%Y"


def _end(client, council, membership, day):
    base = f"/verwaltung/gremien/{council.id}/mitgliedschaften/{membership.id}"
    response = post(client, f"{base}/beenden", {"ends_on": day.strftime(D), "reason": "resigned"})
    assert response.status_code == 302
    return page_text(client.get(response.headers["Location"]))


def test_ending_a_membership_says_ended_for_a_past_day_and_ends_for_a_later_one(
        client, officer, db_session, council):
    login(client, officer.email)
    term = council.terms[0]
    past = create_membership(db_session, term, create_person(db_session, name="Paula Vorbei"))
    later = create_membership(db_session, term, create_person(db_session, name="Lutz Später"))
    yesterday, next_week = TODAY - timedelta(days=1), TODAY + timedelta(days=7)
    text = _end(client, council, past, yesterday)
    assert f"Die Mitgliedschaft von Paula Vorbei endete am {yesterday.strftime(D)}." in text
    text = _end(client, council, later, next_week)
    assert f"Die Mitgliedschaft von Lutz Später endet am {next_week.strftime(D)}." in text


def test_ending_a_term_early_on_a_past_day_says_ended(client, officer, db_session, council):
    login(client, officer.email)
    term = council.terms[0]
    yesterday = TODAY - timedelta(days=1)
    url = f"/verwaltung/gremien/{council.id}/amtszeiten/{term.id}/beenden"
    response = post(client, url, {"ends_on": yesterday.strftime(D)})
    assert response.status_code == 302
    text = page_text(client.get(response.headers["Location"]))
    assert ("Die Amtszeit und alle noch offenen Mitgliedschaften endeten am "
            f"{yesterday.strftime(D)}.") in text


def test_row_actions_name_the_membership_in_german_word_order(
        client, officer, db_session, council):
    login(client, officer.email)
    create_membership(db_session, council.terms[0], create_person(db_session, name="Anna Reihe"))
    text = page_text(client.get(f"/verwaltung/gremien/{council.id}"))
    assert "Mitgliedschaft von Anna Reihe bearbeiten" in text
    assert "Mitgliedschaft von Anna Reihe beenden" in text
    assert "Bearbeiten die Mitgliedschaft" not in text and "Beenden die" not in text


def test_an_advisory_member_is_not_called_advisory_twice(client, db_session, council):
    person = create_person(db_session, name="Hilde Beratung")
    create_membership(db_session, council.terms[0], person, role="advisory_member",
                      has_vote=False)
    text = page_text(client.get(f"/gremien/{council.id}"))
    assert "Beratende Mitglieder" in text and "Hilde Beratung" in text
    assert "Beratend, ohne Stimmrecht" not in text
