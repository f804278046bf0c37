"""The public barrier report form: /barriere-melden."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from partizipation import clock
from partizipation.feedback.models import BarrierReport, one_month_later
from partizipation.mail.models import OutboxMessage
from tests.factories import create_user
from tests.helpers import csrf_token, page_text

URL = "/barriere-melden"
VALID = {
    "problem": "Das Protokoll ist ein eingescanntes PDF.\nIch brauche es als Text.",
    "location": "/sitzungen/12",
    "name": "Erika Beispiel",
    "email": "",
    "wants_answer": "no",
}


def post(client, data, lang=None, **kwargs):
    if lang:
        client.get(f"/sprache/{lang}")
    token = csrf_token(client.get(URL))
    return client.post(URL, data={**data, "csrf_token": token}, **kwargs)


def reports(db_session):
    db_session.expire_all()
    return db_session.scalars(select(BarrierReport)).all()


def outbox(db_session):
    return db_session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()


def test_the_form_needs_no_account_and_explains_itself(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    text = page_text(response)
    assert html.count("<h1") == 1
    assert "<title>Barriere melden –" in html
    assert "Sie brauchen kein Benutzerkonto." in text
    assert "Wir antworten innerhalb eines Monats." in text
    for field in ("problem", "location", "name", "email"):
        assert f'for="{field}"' in html
    assert "<legend" in html and "Möchten Sie eine Antwort?" in text
    assert 'autocomplete="email"' in html and 'autocomplete="name"' in html


def test_the_place_is_filled_in_from_the_page_that_linked_here(client):
    html = client.get(URL + "?seite=/sitzungen/12").get_data(as_text=True)
    assert 'value="/sitzungen/12"' in html


def test_the_place_comes_from_the_previous_page_of_this_site(client):
    html = client.get(URL, headers={"Referer": "http://localhost/impressum"}).get_data(
        as_text=True
    )
    assert 'value="/impressum"' in html
    other = client.get(URL, headers={"Referer": "https://evil.example/x"}).get_data(as_text=True)
    assert "evil.example" not in other


@pytest.mark.parametrize(
    ("lang", "title", "messages"),
    [
        ("de", "Fehler: Barriere melden", ["Beschreiben Sie die Barriere oder was Sie brauchen.",
                                           "Wählen Sie, ob Sie eine Antwort möchten."]),
        ("en", "Error: Report a barrier", ["Describe the barrier or what you need.",
                                           "Choose whether you want an answer."]),
    ],
)
def test_an_empty_form_says_what_to_fill_in(client, db_session, lang, title, messages):
    response = post(client, {}, lang=lang)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert f"<title>{title}" in html
    assert 'class="error-summary"' in html
    for message in messages:
        # Once in the summary (a link to the field), once at the field.
        assert html.count(message) == 2
    assert 'href="#problem"' in html and 'href="#wants_answer-0"' in html
    assert 'aria-invalid="true"' in html
    assert reports(db_session) == []
    assert outbox(db_session) == []


def test_an_invalid_email_address_is_explained_and_the_input_kept(client, db_session):
    response = post(client, {**VALID, "email": "erika at example", "wants_answer": "yes"})
    text = page_text(response)
    assert "Geben Sie eine E-Mail-Adresse im richtigen Format ein" in text
    html = response.get_data(as_text=True)
    assert 'value="erika at example"' in html
    assert "Ich brauche es als Text." in html
    assert '<input checked id="wants_answer-0"' in html
    assert reports(db_session) == []


def test_an_answer_needs_an_email_address(client, db_session):
    response = post(client, {**VALID, "wants_answer": "yes"})
    assert "Geben Sie Ihre E-Mail-Adresse ein, damit wir Ihnen antworten können" in page_text(
        response
    )
    assert reports(db_session) == []


def test_overlong_fields_say_how_long_they_may_be(client, db_session):
    response = post(
        client,
        {**VALID, "problem": "x" * 5001, "location": "y" * 501, "name": "z" * 201},
    )
    text = page_text(response)
    assert "Kürzen Sie Ihre Beschreibung auf höchstens 5000 Zeichen." in text
    assert "Kürzen Sie die Ortsangabe auf höchstens 500 Zeichen." in text
    assert "Kürzen Sie Ihren Namen auf höchstens 200 Zeichen." in text
    assert reports(db_session) == []


def test_a_report_is_stored_due_in_a_month_and_the_officer_gets_an_email(client, db_session):
    response = post(client, VALID)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/barriere-melden/danke")

    [report] = reports(db_session)
    assert report.problem == VALID["problem"]
    assert report.location == "/sitzungen/12"
    assert report.status == "open" and report.wants_answer is False and report.email is None
    berlin_today = clock.today()
    assert report.due_on == one_month_later(berlin_today)
    assert 28 <= (report.due_on - berlin_today).days <= 31
    [mail] = outbox(db_session)
    assert mail.to_address == "inklusion@example.org"
    assert mail.subject == f"Neue Barriere-Meldung Nr. {report.id}"
    assert VALID["problem"] in mail.body_text
    assert f"/verwaltung/barrieremeldungen/{report.id}" in mail.body_text
    assert mail.reply_to is None

    thanks = client.get(response.headers["Location"])
    text = page_text(thanks)
    assert "Vielen Dank für Ihre Meldung" in text
    assert "Wir kümmern uns spätestens bis zum" in text


def test_with_an_email_address_the_person_gets_a_receipt_in_their_language(client, db_session):
    response = post(
        client, {**VALID, "email": "erika@example.org", "wants_answer": "yes"}, lang="en"
    )
    assert response.status_code == 302
    [report] = reports(db_session)
    assert report.locale == "en" and report.wants_answer is True
    officer_mail, receipt = outbox(db_session)
    assert officer_mail.to_address == "inklusion@example.org"
    assert officer_mail.locale == "de"
    assert officer_mail.reply_to == "erika@example.org"
    assert receipt.to_address == "erika@example.org"
    assert receipt.subject == f"We have received your barrier report no. {report.id}"
    assert "You get an answer by" in receipt.body_text
    # The receipt repeats nothing the person typed (the address is not verified).
    assert VALID["problem"] not in receipt.body_text

    text = page_text(client.get("/barriere-melden/danke"))
    assert "You get an answer by email by" in text
    assert "You will also get an email that confirms your report." in text


@pytest.fixture()
def no_officer_email(app):
    app.config["OFFICER_EMAIL"] = None


def test_without_officer_email_every_active_officer_is_told_in_their_language(
    no_officer_email, client, db_session
):
    create_user(db_session, role="officer", email="petra@example.org", locale="en")
    create_user(db_session, role="officer", email="old@example.org", is_active=False)
    create_user(db_session, role="admin", email="admin@example.org")
    assert post(client, VALID).status_code == 302
    [mail] = outbox(db_session)
    assert mail.to_address == "petra@example.org"
    assert mail.subject.startswith("New barrier report no.")


def test_a_flood_is_stopped_with_a_message_and_the_text_is_kept(client, db_session):
    # Reports with errors do not count: nobody is locked out while correcting the form.
    for _ in range(3):
        assert post(client, {}).status_code == 200
    for number in range(5):
        assert post(client, {**VALID, "problem": f"Meldung {number}"}).status_code == 302
    response = post(client, {**VALID, "problem": "Meine sechste Meldung"})
    assert response.status_code == 429
    html = response.get_data(as_text=True)
    text = page_text(response)
    assert "Sie haben in kurzer Zeit mehrere Meldungen gesendet." in text
    assert re.search(r"Bitte senden Sie ihn ab \d\d:\d\d Uhr noch einmal\.", text)
    assert "Meine sechste Meldung" in html
    assert 'value="/sitzungen/12"' in html
    assert "<title>Fehler: Barriere melden" in html
    assert len(reports(db_session)) == 5
