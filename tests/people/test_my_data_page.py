"""/mein-bereich/meine-daten in words: translated labels, codes as labels, dates per locale."""

from __future__ import annotations

import re
from datetime import date

import pytest

from partizipation.facilitators.models import Facilitator
from partizipation.people.models import Person
from tests.conftest import login
from tests.council.factories import create_body, create_membership, create_term
from tests.factories import create_user
from tests.feedback.factories import create_report
from tests.helpers import page_text
from tests.municipalities.factories import create_contact, create_municipality

ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


@pytest.fixture()
def lea(db_session):
    user = create_user(db_session, email="lea@example.org", display_name="Lea Beispiel")
    person = Person(name="Lea Beispiel", email="lea@example.org", user_id=user.id)
    db_session.add(person)
    db_session.flush()
    create_membership(db_session, create_term(db_session, create_body(db_session)), person)
    municipality = create_municipality(db_session, name="Kamen")
    create_contact(db_session, user, municipality)
    db_session.add(Facilitator(person=person, municipality=municipality, status="active",
                               employment_model="volunteer", started_on=date(2025, 1, 1),
                               weekly_hours=7.5))
    create_report(db_session, name="Lea", email="lea@example.org")
    db_session.flush()
    return user


def test_german_page_has_german_labels_words_and_dates(client, lea):
    login(client, lea.email)
    text = page_text(client.get("/mein-bereich/meine-daten"))
    for english in ("Display name", "Locale", "Is active", "Has password", "Weekly hours",
                    "Employment model", "Municipality contact roles", "Since", "volunteer",
                    "active"):
        assert english not in text, english
    assert not ISO.search(text), ISO.search(text)
    for german in ("Anzeigename", "Sprache", "Deutsch", "Konto aktiv", "Ja", "Stunden pro Woche",
                   "7,5", "01.01.2025", "Ansprechperson für Kommunen", "Aktiv"):
        assert german.lower() in text.lower(), german


def test_english_page_has_english_words_and_dates(client, lea):
    login(client, lea.email)
    client.get("/sprache/en")
    text = page_text(client.get("/mein-bereich/meine-daten"))
    assert not ISO.search(text), ISO.search(text)
    for english in ("Display name", "Language", "German", "7.5", "Jan 1, 2025", "Open"):
        assert english in text, english
