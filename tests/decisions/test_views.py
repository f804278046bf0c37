"""The pages as people use them: the officer records attendance, writes the minutes twice and
compares the revisions, sends and approves them, records a decision with votes and moves it to
approved; visitors and uninvited members never see non-public minutes or decisions, also by
guessed URLs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from partizipation import clock
from partizipation.decisions.models import Decision
from partizipation.mail.models import OutboxMessage
from partizipation.meetings.models import MeetingRecord, MinutesRevision
from tests.conftest import login
from tests.helpers import csrf_token, page_text
from tests.meetings.conftest import ROLES, post

from .factories import create_decision, held_meeting


def _client(app, role):
    client = app.test_client()
    if role != "anonymous":
        login(client, f"{role}@example.org")
    return client


def _version(page):
    import re

    return re.search(r'name="version"[^>]*value="(\d+)"|value="(\d+)"[^>]*name="version"',
                     page.get_data(as_text=True)).group(0).split('value="')[1].split('"')[0]


def _attendance_data(held, present):
    data = {"guests": "Anna Beispiel, Sozialamt"}
    for index, invitee in enumerate([*held.members, held.deputy, held.guest]):
        data[f"people-{index}-presence"] = "present" if invitee in present else "excused"
        data[f"people-{index}-deputy_for_id"] = "0"
    return data


def test_officer_walks_through_the_meeting(app, db_session, cast):
    held = held_meeting(db_session, cast, title="Lenkungsgruppe März")
    db_session.commit()
    officer = _client(app, "officer")
    url = f"/verwaltung/sitzungen/{held.meeting.id}"

    # Attendance: a deputy stands in for the first member; the second member is present.
    data = _attendance_data(held, [held.members[1], held.deputy])
    data["people-2-deputy_for_id"] = str(held.members[0].id)
    data["people-1-arrived_late"] = "18:20"
    response = post(officer, f"{url}/anwesenheit", data, f"{url}/anwesenheit")
    assert response.status_code == 302
    text = page_text(officer.get(response.headers["Location"]))
    assert "2 von 2" in text or "2 of 2" in text

    # Bad time: message at the field, input kept.
    bad = {**data, "people-0-arrived_late": "25:99"}
    response = post(officer, f"{url}/anwesenheit", bad, f"{url}/anwesenheit")
    assert response.status_code == 200
    assert 'value="25:99"' in response.get_data(as_text=True)
    assert "18:20" in page_text(response) or "18.20" in page_text(response)

    # Minutes in two sittings, compared.
    page = officer.get(f"{url}/protokoll")
    version = _version(page)
    first = {"general": "<p>Begrüßung durch die Vorsitzende.</p>",
             f"item_{held.public_item.id}": "<p>Rampen fehlen am Kreishaus.</p>",
             f"item_{held.secret_item.id}": "<p>Vertrauliches zur Stelle.</p>",
             "easy_summary": "", "easy_checked_by": "", "easy_checked_on": "",
             "version": version, "csrf_token": csrf_token(page)}
    assert officer.post(f"{url}/protokoll", data=first).status_code == 302
    page = officer.get(f"{url}/protokoll")
    second = {**first, f"item_{held.public_item.id}": "<p>Rampen fehlen am Kreishaus.</p>"
              "<p>Der Kreis prüft eine Rampe.</p><script>alert(1)</script>",
              "version": _version(page), "csrf_token": csrf_token(page)}
    assert officer.post(f"{url}/protokoll", data=second).status_code == 302
    assert db_session.scalar(select(func.count()).select_from(MinutesRevision)) == 2
    compare = officer.get(f"{url}/protokoll/vergleich?alt=1&neu=2")
    assert compare.status_code == 200
    assert "Der Kreis prüft eine Rampe." in page_text(compare)
    assert "<script>" not in officer.get(f"/sitzungen/{held.meeting.id}").get_data(as_text=True)
    assert officer.get(f"{url}/protokoll/vergleich?alt=1&neu=9").status_code == 404

    # A save from a form loaded before the second save: nothing overwritten, both shown.
    stale = {**first, "general": "<p>Meine Fassung.</p>", "version": version,
             "csrf_token": csrf_token(officer.get(f"{url}/protokoll"))}
    response = officer.post(f"{url}/protokoll", data=stale)
    assert response.status_code == 200
    body = page_text(response)
    assert "Meine Fassung." in response.get_data(as_text=True)  # my input kept
    assert "Der Kreis prüft eine Rampe." in body  # what is stored now, shown
    assert db_session.scalar(select(func.count()).select_from(MinutesRevision)) == 2

    # Before approval a visitor sees no minutes.
    visitor = app.test_client()
    assert "Rampen fehlen" not in page_text(visitor.get(f"/sitzungen/{held.meeting.id}"))

    # Send for corrections: mails to the invitees with an address.
    before = db_session.scalar(select(func.count()).select_from(OutboxMessage))
    token = csrf_token(officer.get(f"{url}/protokoll"))
    assert officer.post(f"{url}/protokoll/senden", data={"csrf_token": token}).status_code == 302
    assert db_session.scalar(select(func.count()).select_from(OutboxMessage)) == before + 3

    # Approve: not before the meeting; then once only.
    early = (clock.today() - timedelta(days=30)).strftime("%d.%m.%Y")
    response = post(officer, f"{url}/protokoll/genehmigen", {"by": "officer", "on": early},
                    f"{url}/protokoll/genehmigen")
    assert response.status_code == 200 and early in response.get_data(as_text=True)
    response = post(officer, f"{url}/protokoll/genehmigen",
                    {"by": "body", "on": clock.today().strftime("%d.%m.%Y")},
                    f"{url}/protokoll/genehmigen")
    assert response.status_code == 302
    again = post(officer, f"{url}/protokoll/genehmigen",
                 {"by": "body", "on": clock.today().strftime("%d.%m.%Y")},
                 f"{url}/protokoll/genehmigen")
    assert again.status_code == 200
    assert "already been approved" in page_text(again) or "bereits" in page_text(again)

    # A decision with votes that do not fit, then with votes that do.
    new = f"{url}/beschluss/neu"
    form = {"agenda_item_id": str(held.public_item.id), "text": "Eine Rampe am Kreishaus.",
            "kind": "decision", "result": "votes", "votes_yes": "2", "votes_no": "1",
            "votes_abstain": "0", "responsible": "Frau Amt", "due_on": ""}
    response = post(officer, new, form, new)
    assert response.status_code == 200
    assert "Eine Rampe am Kreishaus." in response.get_data(as_text=True)
    response = post(officer, new, {**form, "votes_no": "0"}, new)
    assert response.status_code == 302
    decision = db_session.scalar(select(Decision))
    page = f"/beschluesse/{decision.id}"
    assert post(officer, f"{page}/schritt/submit", {"submit-note": ""}, page).status_code == 302
    response = post(officer, f"{page}/schritt/approve",
                    {"approve-approver": "landrat", "approve-on": early}, page)
    assert response.status_code == 200 and early in response.get_data(as_text=True)
    response = post(officer, f"{page}/schritt/approve",
                    {"approve-approver": "landrat",
                     "approve-on": clock.today().strftime("%d.%m.%Y"),
                     "approve-reference": "LR-17"}, page)
    assert response.status_code == 302
    db_session.expire_all()
    assert (decision.status, decision.approval_reference) == ("approved", "LR-17")
    # A step that skips one: a clear message, nothing changed.
    response = post(officer, f"{page}/schritt/implement",
                    {"implement-on": clock.today().strftime("%d.%m.%Y")}, page)
    assert response.status_code == 302
    shown = page_text(officer.get(page))
    assert "communicated first" in shown or "zuerst als kommuniziert" in shown
    db_session.expire_all()
    assert decision.status == "approved"

    # The visitor: public minutes and the decision, never the non-public item.
    text = page_text(visitor.get(f"/sitzungen/{held.meeting.id}"))
    assert "Der Kreis prüft eine Rampe." in text and "Eine Rampe am Kreishaus." in text
    assert "Vertrauliches" not in text and "Personalsache" not in text
    assert "Eine Rampe am Kreishaus." in page_text(visitor.get("/beschluesse"))


@pytest.fixture()
def secret(db_session, cast):
    """A held meeting with approved minutes; a public decision and one under the non-public
    item."""
    held = held_meeting(db_session, cast)
    record = MeetingRecord(meeting_id=held.meeting.id, minutes_status="approved",
                           general_html="<p>Allgemeines</p>")
    db_session.add(record)
    db_session.flush()
    from partizipation.meetings.models import MinutesItem

    db_session.add_all([
        MinutesItem(record_id=record.id, agenda_item_id=held.public_item.id,
                    text_html="<p>Öffentlicher Bericht</p>"),
        MinutesItem(record_id=record.id, agenda_item_id=held.secret_item.id,
                    text_html="<p>Geheimer Bericht</p>")])
    public = create_decision(db_session, held, text="Öffentlicher Beschluss")
    hidden = create_decision(db_session, held, item=held.secret_item, text="Geheimer Beschluss")
    db_session.commit()
    return held, public, hidden


# invited: invited member; deputy: invited as deputy; not_invited: member of the body, not
# invited; facilitator, contact, editor: signed in without a part in this meeting.
SEES_ALL = {"invited", "deputy", "officer", "admin"}


@pytest.mark.parametrize("role", ROLES)
def test_non_public_minutes_and_decisions_never_leak(app, secret, role):
    held, public, hidden = secret
    client = _client(app, role)
    text = page_text(client.get(f"/sitzungen/{held.meeting.id}"))
    assert "Öffentlicher Bericht" in text and "Öffentlicher Beschluss" in text
    assert ("Geheimer Bericht" in text) == (role in SEES_ALL)
    assert ("Geheimer Beschluss" in text) == (role in SEES_ALL)
    assert client.get(f"/beschluesse/{public.id}").status_code == 200
    assert client.get(f"/beschluesse/{hidden.id}").status_code == (
        200 if role in SEES_ALL else 404)
    listing = page_text(client.get("/beschluesse"))
    assert "Öffentlicher Beschluss" in listing
    assert ("Geheimer Beschluss" in listing) == (role in SEES_ALL)
    assert client.get("/beschluesse/999999").status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_non_public_meeting_decisions_only_for_invitees(app, db_session, cast, role):
    held = held_meeting(db_session, cast, is_public=False)
    decision = create_decision(db_session, held, text="Beschluss einer nicht öffentlichen Sitzung")
    db_session.commit()
    client = _client(app, role)
    assert client.get(f"/beschluesse/{decision.id}").status_code == (
        200 if role in SEES_ALL else 404)
    assert ("nicht öffentlichen Sitzung" in page_text(client.get("/beschluesse"))) == (
        role in SEES_ALL)


@pytest.mark.parametrize("role", ROLES)
def test_officer_pages_matrix(app, db_session, cast, role):
    held = held_meeting(db_session, cast)
    decision = create_decision(db_session, held, status="submitted")
    db_session.commit()
    client = _client(app, role)
    allowed = role in ("officer", "admin")
    url = f"/verwaltung/sitzungen/{held.meeting.id}"
    for page in (f"{url}/anwesenheit", f"{url}/protokoll", f"{url}/beschluss/neu",
                 "/verwaltung/beschluesse",
                 f"/verwaltung/gremien/{cast.council.id}/sitzungsregeln"):
        status = client.get(page).status_code
        if allowed:
            assert status == 200, page
        else:
            assert status in (302, 403), page
    token = csrf_token(client.get("/barriere-melden"))
    response = client.post(f"/beschluesse/{decision.id}/schritt/reject",
                           data={"csrf_token": token, "reject-reason": "nein"})
    assert response.status_code == (302 if allowed else 403) or (
        role == "anonymous" and response.status_code == 302)
    if not allowed:
        assert db_session.get(Decision, decision.id).status == "submitted"


def test_attendance_refused_before_the_meeting(app, db_session, cast):
    held = held_meeting(db_session, cast, days=5, status="invited")
    db_session.commit()
    officer = _client(app, "officer")
    assert officer.get(f"/verwaltung/sitzungen/{held.meeting.id}/anwesenheit").status_code == 403


def test_follow_up_filters_and_csv(app, db_session, cast):
    held = held_meeting(db_session, cast)
    create_decision(db_session, held, text="Wartet auf den Landrat", status="submitted")
    create_decision(db_session, held, text="Rampe am Bahnhof", status="communicated",
                    due_on=clock.today() - timedelta(days=3))
    create_decision(db_session, held, text="=HYPERLINK(1)", status="approved")
    create_decision(db_session, held, text="Schon umgesetzt", status="implemented")
    db_session.commit()
    officer = _client(app, "officer")
    text = page_text(officer.get("/verwaltung/beschluesse"))
    assert "Wartet auf den Landrat" in text and "Rampe am Bahnhof" in text
    assert "Schon umgesetzt" not in text
    text = page_text(officer.get("/verwaltung/beschluesse?show=waiting"))
    assert "Wartet auf den Landrat" in text and "Rampe am Bahnhof" not in text
    text = page_text(officer.get("/verwaltung/beschluesse?show=overdue"))
    assert "Rampe am Bahnhof" in text and "Wartet auf den Landrat" not in text
    csv = officer.get("/verwaltung/beschluesse?format=csv")
    assert csv.mimetype == "text/csv"
    body = csv.get_data(as_text=True)
    assert "Wartet auf den Landrat" in body and "'=HYPERLINK(1)" in body


def test_my_area_counts_open_decisions_up_to_its_limit(app, db_session, cast):
    """/mein-bereich says how many decisions wait for approval and are overdue: exact up to
    DASHBOARD_LIMIT, then "more than" (the follow-up list has the rest)."""
    from sqlalchemy import func, select

    from partizipation.decisions.dashboard import DASHBOARD_LIMIT
    from partizipation.decisions.models import Decision
    from tests.conftest import login
    from tests.helpers import page_text

    from .bulk import add_past_meetings

    officer = app.test_client()
    login(officer, "officer@example.org")
    add_past_meetings(db_session, cast.council.id, 10, [cast.persons["invited"].id])
    waiting = db_session.scalar(select(func.count()).where(Decision.status == "submitted"))
    assert 0 < waiting <= DASHBOARD_LIMIT
    assert f"{waiting} auf Freigabe wartend" in page_text(officer.get("/mein-bereich"))
    add_past_meetings(db_session, cast.council.id, 200, [cast.persons["invited"].id], offset=10)
    assert db_session.scalar(select(func.count()).where(Decision.status == "submitted")) > \
        DASHBOARD_LIMIT
    assert f"mehr als {DASHBOARD_LIMIT} auf Freigabe wartend, mehr als {DASHBOARD_LIMIT} " \
        "überfällig" in page_text(officer.get("/mein-bereich"))
