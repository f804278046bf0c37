"""What reporters met: a reference number, an answer from the platform, a way without email, the
"answer?" question marked required and its error at the email field."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from partizipation.feedback.models import BarrierReport, ReportAnswer
from partizipation.mail.models import OutboxMessage
from tests.conftest import login
from tests.factories import create_user
from tests.helpers import csrf_token, page_text

from .factories import create_report

URL = "/barriere-melden"
VALID = {"problem": "Das PDF ist nicht lesbar.", "wants_answer": "no"}


def post(client, data, url=URL, token_from=None):
    token = csrf_token(client.get(token_from or url))
    return client.post(url, data={**data, "csrf_token": token})


def test_confirmation_page_and_receipt_give_the_reference_number(client, db_session):
    response = post(client, {**VALID, "email": "erika@example.org", "wants_answer": "yes"})
    assert response.status_code == 302
    report = db_session.scalars(select(BarrierReport)).one()
    text = page_text(client.get(response.headers["Location"]))
    assert f"Ihre Bearbeitungsnummer: {report.id}" in text
    receipt = db_session.scalars(select(OutboxMessage).where(
        OutboxMessage.to_address == "erika@example.org")).one()
    assert f"Nr. {report.id}" in receipt.subject
    assert f"Ihre Bearbeitungsnummer: {report.id}" in receipt.body_text


def test_yes_without_address_puts_the_error_at_the_email_field(client, db_session):
    response = post(client, {**VALID, "wants_answer": "yes"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'href="#email"' in html and 'id="email-error"' in html
    email_input = re.search(r'<input[^>]*id="email"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in email_input and "email-error" in email_input
    assert "wants_answer-error" not in html


def test_the_form_names_phone_and_letter_and_marks_the_question_required(client, app):
    text = page_text(client.get(URL))
    assert "per Telefon oder Brief" in text and "Impressum" in text
    app.config.update(OFFICER_PHONE="02303 27-1234", OFFICER_POSTAL_ADDRESS="Kreis Unna, Unna")
    html = client.get(URL).get_data(as_text=True)
    assert 'href="tel:0230327-1234"' in html and "Kreis Unna, Unna" in html
    group = re.search(r'<fieldset[^>]*aria-describedby="wants_answer[^"]*"[^>]*>|'
                      r'<fieldset[^>]*role="radiogroup"[^>]*>', html).group(0)
    assert 'role="radiogroup"' in group and 'aria-required="true"' in group
    # Nothing is exposed as invalid before any input: the radios carry no `required`.
    radios = re.findall(r'<input[^>]*name="wants_answer"[^>]*>', html)
    assert radios and not any("required" in radio for radio in radios)


@pytest.fixture()
def officer(db_session):
    user = create_user(db_session, role="officer", display_name="Petra Beispiel")
    return user


def test_officer_answers_the_reporter_from_the_platform(client, db_session, officer):
    report = create_report(db_session, email="erika@example.org", wants_answer=True,
                           locale="en")
    login(client, officer.email)
    page = f"/verwaltung/barrieremeldungen/{report.id}"
    response = post(client, {"body": "We have put the minutes online as text."},
                    url=f"{page}/antwort", token_from=page)
    assert response.status_code == 302
    mail = db_session.scalars(select(OutboxMessage).where(
        OutboxMessage.to_address == "erika@example.org")).one()
    assert mail.subject == f"Answer to your barrier report no. {report.id}"
    assert "We have put the minutes online as text." in mail.body_text
    assert mail.reply_to == officer.email
    db_session.expire_all()
    [answer] = db_session.scalars(select(ReportAnswer)).all()
    assert answer.sent_by_id == officer.id and answer.sent_to == "erika@example.org"
    assert db_session.get(BarrierReport, report.id).status == "answered"
    text = page_text(client.get(page))
    assert "Ihre Antwort auf Meldung Nr." in text
    assert "We have put the minutes online as text." in text and "Petra Beispiel" in text


def test_an_empty_answer_or_no_address_is_a_form_error(client, db_session, officer):
    report = create_report(db_session, email="erika@example.org")
    login(client, officer.email)
    page = f"/verwaltung/barrieremeldungen/{report.id}"
    response = post(client, {"body": ""}, url=f"{page}/antwort", token_from=page)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<title>Fehler:" in html and 'href="#body"' in html
    assert "Schreiben Sie Ihre Antwort." in page_text(response)
    anonymous = create_report(db_session, email=None)
    page = f"/verwaltung/barrieremeldungen/{anonymous.id}"
    assert "per Telefon oder Brief" in page_text(client.get(page))
    response = post(client, {"body": "Hallo"}, url=f"{page}/antwort", token_from=page)
    assert response.status_code == 200 and "keine E-Mail-Adresse" in page_text(response)
    assert db_session.scalars(select(ReportAnswer)).all() == []


@pytest.mark.parametrize("role", ["member", "editor", "admin"])
def test_only_the_officer_answers(client, db_session, role):
    report = create_report(db_session, email="erika@example.org")
    user = create_user(db_session, role=role)
    login(client, user.email)
    token = csrf_token(client.get("/mein-bereich"))
    response = client.post(f"/verwaltung/barrieremeldungen/{report.id}/antwort",
                           data={"body": "x", "csrf_token": token})
    assert response.status_code == 403
    assert client.post("/verwaltung/barrieremeldungen/99999/antwort",
                       data={"body": "x", "csrf_token": token}).status_code in (403, 404)
