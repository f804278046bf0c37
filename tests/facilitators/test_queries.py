"""Every page of the domain costs the same number of SQL statements for 10 or 1,000 facilitators
(counted with SQLAlchemy's before_cursor_execute event): the directory and the overview count in
SQL, the lists come one page at a time."""

from __future__ import annotations

from datetime import date

import pytest

from partizipation.agreements.models import AgreementDocument
from partizipation.facilitators.models import EventAction, Facilitator, FacilitatorEvent
from partizipation.people.models import Person
from tests.agreements.factories import municipal_agreement
from tests.conftest import login
from tests.helpers import count_statements, page_text

STATUSES = ["active", "confirmed", "proposed", "sent_back", "ended"]


def _fill(db_session, cast, total, start=0):
    """`total` facilitators in Bergkamen and Kamen, in every state, in one flush."""
    municipalities = [cast.bergkamen, cast.kamen]
    for number in range(start, start + total):
        status = STATUSES[number % 5]
        person = Person(name=f"Menge {number:04d} (erfunden)",
                        email=f"menge{number}@example.org",
                        listing_consent_given_on=date(2025, 1, 1) if number % 3 else None)
        facilitator = Facilitator(person=person, municipality=municipalities[number % 2],
                                  status=status, employment_model="volunteer",
                                  started_on=date(2025, 1, 1),
                                  trained_on=date(2025, 2, 1) if number % 4 else None,
                                  training_provider="iZi" if number % 4 else "")
        db_session.add_all([person, facilitator, FacilitatorEvent(
            facilitator=facilitator, action=EventAction.REGISTERED.value, to_status="proposed")])
        if status == "sent_back":
            db_session.add(FacilitatorEvent(facilitator=facilitator,
                                            action=EventAction.SENT_BACK.value,
                                            from_status="proposed", to_status="sent_back",
                                            reason=f"Grund {number}"))
    db_session.flush()


def _statements(client, connection, url):
    client.get(url)  # warm up: the user and the session are loaded the same way each time
    with count_statements(connection) as statements:
        response = client.get(url)
    assert response.status_code == 200
    queries = [s for s in statements if not s.startswith(("SAVEPOINT", "RELEASE", "ROLLBACK"))]
    return len(queries), response


# Signed in as the officer (the session check is one statement): the rows of a page and their
# total in one statement, the municipal agreements with their documents in one, a municipality
# with its contact persons in one.
PAGES = {"/kommunen": 3, "/kommunen/{bergkamen}": 4, "/verwaltung/netzwerk": 4,
         "/verwaltung/netzwerk.csv": 3, "/verwaltung/kommunen/{bergkamen}": 4}


@pytest.mark.parametrize(("url", "expected"), PAGES.items())
def test_constant_number_of_queries(client, db_session, connection, cast, url, expected):
    url = url.format(bergkamen=cast.bergkamen.id)
    login(client, cast.user("officer").email)
    for town in (cast.bergkamen, cast.kamen):  # shown with their agreement and its documents
        agreement = municipal_agreement(db_session, town)
        db_session.add_all([AgreementDocument(agreement=agreement, title=f"Text {n}",
                                              url=f"https://example.org/{town.id}/{n}")
                            for n in range(2)])
    counts, sizes = [], []
    for total, start in ((10, 0), (990, 10)):  # 10, then 1,000 facilitators (and the cast's own)
        _fill(db_session, cast, total, start)
        count, response = _statements(client, connection, url)
        counts.append(count)
        sizes.append(len(response.get_data()))
    assert counts[0] == counts[1], counts
    assert counts[0] == expected, counts
    if not url.endswith(".csv"):
        # A page shows one page of rows (or counts), not every facilitator.
        assert sizes[1] < 2 * sizes[0] + 20_000, sizes


def test_the_overview_and_the_directory_count_what_they_do_not_list(client, db_session, cast):
    _fill(db_session, cast, 100)
    login(client, cast.user("officer").email)
    text = page_text(client.get("/verwaltung/netzwerk"))
    # 100 in five states, alternately in Bergkamen and Kamen; plus the cast's active one.
    assert "Aktive Partizipationsbegleiter*innen 21" in text
    assert "Wartet auf Ihre Bestätigung 20" in text
    assert "Einträge 1 bis 20 von 20" in text
    # Listed publicly: confirmed or active, with consent (the numbers not divisible by 3).
    directory = client.get("/kommunen").get_data(as_text=True)
    bergkamen = directory.split(f'id="municipality-{cast.bergkamen.id}"')[1]
    kamen = directory.split(f'id="municipality-{cast.kamen.id}"')[1]
    assert "13 Personen eingetragen" in bergkamen.split("</li>")[0]
    assert "14 Personen eingetragen" in kamen.split("</li>")[0]
    assert "Menge" not in directory
