"""The officer's inbox of barrier reports: /verwaltung/barrieremeldungen."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from partizipation.feedback.models import BarrierReport
from tests.conftest import login
from tests.factories import create_user
from tests.helpers import count_statements, csrf_token, page_text

from .factories import create_report

INBOX = "/verwaltung/barrieremeldungen"


@pytest.fixture()
def officer(db_session):
    return create_user(db_session, role="officer")


def sign_in(client, db_session, role):
    user = create_user(db_session, role=role)
    login(client, user.email)
    return user


@pytest.mark.parametrize(
    ("role", "status"),
    [("member", 403), ("editor", 403), ("admin", 403), ("officer", 200)],
)
def test_only_the_officer_opens_the_inbox_and_a_report(client, db_session, role, status):
    report = create_report(db_session)
    sign_in(client, db_session, role)
    assert client.get(INBOX).status_code == status
    assert client.get(f"{INBOX}/{report.id}").status_code == status


def test_signed_out_the_inbox_asks_to_sign_in(client, db_session):
    report = create_report(db_session)
    for url in (INBOX, f"{INBOX}/{report.id}"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/anmelden" in response.headers["Location"]


def test_a_member_cannot_change_a_report(client, db_session):
    report = create_report(db_session)
    sign_in(client, db_session, "member")
    token = csrf_token(client.get("/barriere-melden"))
    response = client.post(
        f"{INBOX}/{report.id}", data={"status": "closed", "csrf_token": token}
    )
    assert response.status_code == 403
    db_session.expire_all()
    assert db_session.get(BarrierReport, report.id).status == "open"


def test_an_unknown_report_is_404(client, db_session):
    sign_in(client, db_session, "officer")
    assert client.get(f"{INBOX}/999999").status_code == 404


def test_the_inbox_lists_open_reports_first_and_says_which_are_overdue(client, db_session):
    done = create_report(db_session, problem="Erledigte Meldung", status="closed", days_ago=2)
    late = create_report(db_session, problem="Alte Meldung", days_ago=40)
    fresh = create_report(db_session, problem="Neue Meldung", status="in_progress", days_ago=1)
    sign_in(client, db_session, "officer")
    response = client.get(INBOX)
    html = response.get_data(as_text=True)
    text = page_text(response)
    assert html.count("<h1") == 1 and "<caption" in html and 'scope="col"' in html
    # Open work first, the earliest due on top; finished reports in their own list.
    assert text.index("Alte Meldung") < text.index("Neue Meldung")
    assert "Erledigte Meldung" not in text
    assert "Zu bearbeiten: 2. Davon überfällig: 1." in text
    # "Overdue" is written out, not shown by colour alone, and only for the late one.
    assert text.count("Überfällig") == 1
    row = text[text.index(f"Nr. {late.id}"):text.index(f"Nr. {fresh.id}")]
    assert "Überfällig" in row
    finished = client.get(f"{INBOX}?liste=erledigt")
    assert f'href="{INBOX}/{done.id}"' in finished.get_data(as_text=True)
    assert "Alte Meldung" not in page_text(finished)


def test_the_inbox_pages_with_a_constant_number_of_statements(client, db_session, connection):

    sign_in(client, db_session, "officer")
    counts = []
    for total in (3, 60):
        while len(db_session.scalars(select(BarrierReport)).all()) < total:
            create_report(db_session, problem="Meldung", days_ago=3)
        with count_statements(connection) as statements:
            page = client.get(f"{INBOX}?seite=2")
        counts.append(len(statements))
    assert page.status_code == 200 and "Seite 2 von 3" in page_text(page)
    assert counts[0] == counts[1]


def test_the_inbox_without_reports(client, db_session):
    sign_in(client, db_session, "officer")
    text = page_text(client.get(INBOX))
    assert "Es gibt keine offenen Meldungen." in text


def test_the_detail_page_shows_the_report(client, db_session):
    report = create_report(
        db_session, problem="Zeile eins\nZeile zwei", location="/sitzungen", name="Erika",
        email="erika@example.org", wants_answer=True, days_ago=40,
    )
    sign_in(client, db_session, "officer")
    response = client.get(f"{INBOX}/{report.id}")
    html = response.get_data(as_text=True)
    text = page_text(response)
    assert f"Barriere-Meldung Nr. {report.id}" in text
    assert "Überfällig:" in text
    assert "Zeile eins\nZeile zwei" in html
    assert 'href="mailto:erika@example.org"' in html
    assert "<legend" in html and 'name="officer_note"' in html


def test_the_officer_changes_status_and_note(client, db_session):
    report = create_report(db_session, days_ago=40)
    sign_in(client, db_session, "officer")
    url = f"{INBOX}/{report.id}"
    token = csrf_token(client.get(url))
    response = client.post(
        url, data={"status": "closed", "officer_note": "Text-Fassung geschickt.",
                   "csrf_token": token},
    )
    assert response.status_code == 302 and response.headers["Location"].endswith(url)
    db_session.expire_all()
    stored = db_session.get(BarrierReport, report.id)
    assert stored.status == "closed" and stored.closed_at is not None
    assert stored.officer_note == "Text-Fassung geschickt."
    page = client.get(url)
    text = page_text(page)
    assert f"Die Meldung Nr. {report.id} ist mit dem Status „Abgeschlossen“ gespeichert." in text
    # A closed report is not overdue any more.
    assert "Überfällig" not in text

    token = csrf_token(page)
    client.post(url, data={"status": "in_progress", "officer_note": "", "csrf_token": token})
    db_session.expire_all()
    stored = db_session.get(BarrierReport, report.id)
    assert stored.status == "in_progress" and stored.closed_at is None


def test_a_wrong_status_or_overlong_note_is_explained_and_nothing_saved(client, db_session):
    report = create_report(db_session)
    sign_in(client, db_session, "officer")
    url = f"{INBOX}/{report.id}"
    token = csrf_token(client.get(url))
    response = client.post(
        url, data={"status": "", "officer_note": "n" * 5001, "csrf_token": token}
    )
    assert response.status_code == 200
    text = page_text(response)
    assert "Wählen Sie den Status der Meldung." in text
    assert "Kürzen Sie die Notiz auf höchstens 5000 Zeichen." in text
    assert "<title>Fehler:" in response.get_data(as_text=True)
    db_session.expire_all()
    stored = db_session.get(BarrierReport, report.id)
    assert stored.status == "open" and stored.officer_note == ""


@pytest.mark.parametrize(("role", "shown"), [("officer", True), ("member", False),
                                             ("admin", False), ("editor", False)])
def test_my_area_links_to_the_inbox_for_the_officer(client, db_session, role, shown):
    sign_in(client, db_session, role)
    html = client.get("/mein-bereich").get_data(as_text=True)
    assert (f'href="{INBOX}"' in html) is shown


def test_english_inbox(client, db_session):
    create_report(db_session, days_ago=40)
    user = create_user(db_session, role="officer", locale="en")
    login(client, user.email)
    text = page_text(client.get(INBOX))
    assert "Barrier reports" in text and "Overdue" in text


def test_the_inbox_needs_the_same_number_of_queries_for_many_reports(
    client, db_session, connection
):
    sign_in(client, db_session, "officer")
    def count_queries() -> int:
        with count_statements(connection) as statements:
            assert client.get(INBOX).status_code == 200
        return len([s for s in statements if s.lstrip().upper().startswith("SELECT")])

    create_report(db_session, days_ago=1)
    few = count_queries()
    assert few >= 2  # the user, the open reports, the finished ones
    for days in range(20):
        create_report(db_session, days_ago=days, status="closed" if days % 2 else "open")
    assert count_queries() == few
