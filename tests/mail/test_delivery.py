"""End to end: a barrier report's two emails arrive at a real SMTP server, each in its language."""

from __future__ import annotations

import pytest

from partizipation.db import db
from partizipation.mail.worker import deliver_due
from tests.helpers import csrf_token


@pytest.fixture()
def app_config(smtp_server):
    return smtp_server.config


def test_officer_mail_in_german_and_receipt_in_the_reporters_english(app, client, smtp_server):
    client.get("/sprache/en")
    token = csrf_token(client.get("/barriere-melden"))
    response = client.post("/barriere-melden", data={
        "problem": "The minutes are a scanned PDF.", "email": "reader@example.org",
        "wants_answer": "yes", "csrf_token": token,
    })
    assert response.status_code == 302
    assert smtp_server.messages == []  # nothing is sent inside the request

    with app.app_context():
        counts = deliver_due(db.session, app.config)
    assert counts.sent == 2

    by_recipient = {m["To"]: m for m in smtp_server.messages}
    officer = by_recipient["inklusion@example.org"]
    assert officer["Subject"].startswith("Neue Barriere-Meldung Nr.")
    assert officer["Content-Language"] == "de"
    assert officer["Reply-To"] == "reader@example.org"
    assert "The minutes are a scanned PDF." in officer.get_content()
    assert "Antwort fällig bis" in officer.get_content()

    receipt = by_recipient["reader@example.org"]
    assert receipt["Subject"].startswith("We have received your barrier report no. ")
    assert receipt["Content-Language"] == "en"
    assert "You get an answer by" in receipt.get_content()
    assert officer["Message-ID"] != receipt["Message-ID"]
