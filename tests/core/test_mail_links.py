"""One rule for links in mail: built from BASE_URL, never from the address a request came in on;
`make run PORT=5103` sets BASE_URL to the served address."""

from __future__ import annotations

import subprocess
from pathlib import Path

from sqlalchemy import select

from partizipation.mail.models import OutboxMessage
from tests.helpers import csrf_token

ROOT = Path(__file__).resolve().parents[2]


def test_barrier_report_mail_links_follow_base_url_not_the_request(app, client, db_session):
    app.config["BASE_URL"] = "http://127.0.0.1:5103"
    headers = {"Host": "localhost:8080"}
    token = csrf_token(client.get("/barriere-melden", headers=headers))
    response = client.post("/barriere-melden", headers=headers, data={
        "problem": "Das PDF ist nicht lesbar.", "wants_answer": "no", "csrf_token": token})
    assert response.status_code == 302
    [mail] = db_session.scalars(select(OutboxMessage)).all()
    assert "http://127.0.0.1:5103/verwaltung/barrieremeldungen/" in mail.body_text
    assert "localhost:8080" not in mail.body_text


def test_make_run_gives_links_to_the_served_port():
    plan = subprocess.run(["make", "-n", "run", "PORT=5103"], cwd=ROOT, capture_output=True,
                          text=True, check=True).stdout
    assert 'PARTIZIPATION_BASE_URL="${PARTIZIPATION_BASE_URL:-http://127.0.0.1:5103}"' in plan
    assert "--port 5103" in plan
