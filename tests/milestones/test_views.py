"""The milestone pages as a visitor and the officer meet them."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from partizipation import clock
from partizipation import links as cross_links
from partizipation.milestones.models import Milestone, MilestoneEvent, StepDocument
from tests.agreements.factories import create_agreement, municipal_agreement
from tests.helpers import count_statements, csrf_token, page_text
from tests.milestones.factories import add_history, add_step, create_milestone
from tests.milestones.test_services import FakeDecisions
from tests.municipalities.factories import ROLES, create_municipality
from tests.municipalities.helpers import post, sign_in

NOW = datetime(2026, 6, 1, 10, tzinfo=UTC)


def _five(db_session):
    agreement = create_agreement(db_session, "Kooperation Kreis Unna")
    states = [("a", "in_progress", date(2025, 12, 31), None),
              ("b", "achieved", None, date(2024, 5, 14)),
              ("c", "at_risk", date(2027, 3, 31), None),
              ("d", "achieved", None, date(2025, 1, 10)),
              ("e", "achieved", None, date(2026, 1, 10))]
    return [create_milestone(db_session, agreement, code, status=status, target_date=target,
                             achieved_on=achieved) for code, status, target, achieved in states]


def test_progress_in_words_first(client, db_session, cast):
    _five(db_session)
    with clock.freeze(NOW):
        text = page_text(client.get("/meilensteine"))
        english = page_text(client.get("/meilensteine", headers={"Accept-Language": "en"}))
    assert "3 von 5 Meilensteinen erreicht. 1 ist überfällig. 1 ist gefährdet." in text
    # (page_text puts a space between the status word and what follows it in its own element)
    assert "In Bearbeitung , überfällig seit 31.12.2025" in text
    assert "Erreicht , erreicht am 14.05.2024" in text
    assert "Gefährdet , Zieldatum 31.03.2027" in text
    assert "3 of 5 milestones achieved. 1 is overdue. 1 is at risk." in english


def test_kommunen_and_meilensteine_agree_on_who_signed(client, db_session, cast):
    municipal_agreement(db_session, cast.kamen, signed_on=date(2024, 3, 12))
    municipal_agreement(db_session, cast.bergkamen, status="negotiating", signed_on=None)
    ended = create_municipality(db_session, "Altstadt")
    municipal_agreement(db_session, ended, signed_on=date(2020, 1, 1),
                        valid_until=date(2024, 12, 31))
    milestones = page_text(client.get("/meilensteine"))
    kommunen = page_text(client.get("/kommunen"))
    for says in ("Kamen Unterzeichnet am 12.03.2024", "Bergkamen In Verhandlung",
                 "Altstadt Unterzeichnet am 01.01.2020, beendet am 31.12.2024"):
        assert says in milestones, says
    assert "1 von 3 Kommunen hat eine Vereinbarung unterzeichnet, die in Kraft ist." in \
        milestones
    assert "Unterzeichnet am 12.03.2024" in kommunen
    assert "Unterzeichnet am 01.01.2020, beendet am 31.12.2024" in kommunen


@pytest.fixture()
def decisions():
    cross_links.register("decision", FakeDecisions)
    yield
    cross_links.unregister("decision")


def test_milestone_a_shows_steps_draft_versions_evidence_and_history(
        client, db_session, cast, decisions):
    milestone = create_milestone(db_session, code="a", title="Satzung", status="in_progress",
                                 easy_text="Eine Regel für die Rechte.",
                                 easy_checked_by="Prüfgruppe", easy_checked_on=date(2024, 3, 1))
    draft = add_step(db_session, milestone, "draft", position=1, happened_on=date(2024, 2, 1))
    add_step(db_session, milestone, "adopted", position=2)
    for version in (1, 2):
        db_session.add(StepDocument(step_id=draft.id, version=version,
                                    title=f"Entwurf {version}", url=f"https://x.example/{version}"))
    db_session.flush()
    sign_in(client, cast, "officer")
    url = f"/verwaltung/meilensteine/{milestone.id}/nachweis"
    form = client.get(url).get_data(as_text=True)
    assert 'value="decision:7"' in form
    assert post(client, url, {"target": "decision:7", "note": "Empfehlung"}).status_code == 302
    text = page_text(client.get(f"/meilensteine/{milestone.id}"))
    assert "Entwurf Erledigt am 01.02.2024" in text
    assert "Fassung 1: Entwurf 1" in text and "Fassung 2: Entwurf 2" in text
    assert "Vom Kreistag beschlossen Noch nicht" in text
    assert "Beschluss: Lenkungsgruppe: Satzungsentwurf empfohlen – Empfehlung" in text
    assert "Geprüft von Prüfgruppe am 01.03.2024." in text


def test_officer_sets_c_at_risk_with_a_note_which_appears_in_its_history(
        client, db_session, cast):
    milestone = create_milestone(db_session, code="c", status="in_progress")
    sign_in(client, cast, "officer")
    url = f"/verwaltung/meilensteine/{milestone.id}/status"
    without = post(client, url, {"status": "at_risk", "note": "", "seen": "in_progress"})
    assert without.status_code == 200 and 'href="#note"' in without.get_data(as_text=True)
    assert 'value="at_risk" checked' in without.get_data(as_text=True) or \
        'checked value="at_risk"' in without.get_data(as_text=True) or "at_risk" in \
        without.get_data(as_text=True)
    response = post(client, url, {"status": "at_risk", "seen": "in_progress",
                                  "note": "Der Beirat hat zu wenig Sitzungen."})
    assert response.status_code == 302
    text = page_text(client.get(f"/meilensteine/{milestone.id}"))
    assert "von „In Bearbeitung“ auf „Gefährdet“" in text
    assert "Der Beirat hat zu wenig Sitzungen." in text
    # A second officer who still saw "in progress" is told, nothing written twice.
    late = post(client, url, {"status": "dropped", "seen": "in_progress", "note": "x"})
    assert late.status_code == 200 and "inzwischen" in page_text(late)
    assert len(db_session.scalars(select(MilestoneEvent)).all()) == 1


def test_edit_form_checks_dates_and_the_version(client, db_session, cast):
    milestone = create_milestone(db_session, code="b", started_on=date(2024, 1, 1))
    sign_in(client, cast, "officer")
    url = f"/verwaltung/meilensteine/{milestone.id}/bearbeiten"
    form = client.get(url)
    loaded = re.search(r'name="version" type="hidden" value="(\d+)"',
                       form.get_data(as_text=True)).group(1)
    base = {"title": "Rolle", "component": "structure", "csrf_token": csrf_token(form),
            "version": loaded}
    with clock.freeze(NOW):
        future = client.post(url, data={**base, "achieved_on": "02.06.2026"})
        assert 'href="#achieved_on"' in future.get_data(as_text=True)
        early = client.post(url, data={**base, "achieved_on": "31.12.2023"})
        assert "an dem der Meilenstein eingetragen wurde" in page_text(early)
        milestone.title = "Von jemand anderem"
        db_session.flush()
        stale = client.post(url, data=base)
        assert "Jetzt gespeichert in „Titel“: Von jemand anderem" in page_text(stale)
        again = client.post(url, data={**base, "version": str(milestone.version)})
        assert again.status_code == 302
    db_session.expire_all()
    assert db_session.get(Milestone, milestone.id).title == "Rolle"


def test_officer_records_a_milestone_and_a_step(client, db_session, cast):
    agreement = create_agreement(db_session, "K")
    create_milestone(db_session, agreement, code="a")
    sign_in(client, cast, "officer")
    twice = post(client, "/verwaltung/meilensteine/neu",
                 {"agreement_id": str(agreement.id), "code": "a", "title": "Doppelt"})
    assert twice.status_code == 200 and 'href="#code"' in twice.get_data(as_text=True)
    created = post(client, "/verwaltung/meilensteine/neu",
                   {"agreement_id": str(agreement.id), "code": "b", "title": "Neu"})
    assert created.status_code == 302
    new = db_session.scalars(select(Milestone).where(Milestone.code == "b")).one()
    step = post(client, f"/verwaltung/meilensteine/{new.id}/schritt",
                {"stage": "draft", "happened_on": "01.02.2024"})
    assert step.status_code == 302
    assert "Entwurf Erledigt am 01.02.2024" in page_text(client.get(f"/meilensteine/{new.id}"))


@pytest.mark.parametrize("role", ROLES)
def test_officer_pages_by_role(client, db_session, cast, role):
    milestone = create_milestone(db_session)
    step = add_step(db_session, milestone, "draft")
    if role != "anonymous":
        sign_in(client, cast, role)
    allowed = role in {"officer", "admin"}
    for url in ("/verwaltung/meilensteine/neu",
                f"/verwaltung/meilensteine/{milestone.id}/bearbeiten",
                f"/verwaltung/meilensteine/{milestone.id}/status",
                f"/verwaltung/meilensteine/{milestone.id}/schritt",
                f"/verwaltung/meilensteine/schritte/{step.id}/fassung",
                f"/verwaltung/meilensteine/{milestone.id}/nachweis"):
        status = client.get(url).status_code
        assert status == (200 if allowed else 302 if role == "anonymous" else 403), url
    assert client.get("/meilensteine").status_code == 200
    assert client.get(f"/meilensteine/{milestone.id}").status_code == 200
    assert client.get("/meilensteine/999999").status_code == 404


def test_the_dashboard_lists_the_deadlines(client, db_session, cast):
    create_agreement(db_session, "Seed 000", in_force_from=date(2020, 2, 20), notice_months=6,
                     notice_to="year")
    create_milestone(db_session, code="c", title="Teilhabe", target_date=date(2026, 5, 1))
    sign_in(client, cast, "officer")
    with clock.freeze(NOW):
        text = page_text(client.get("/mein-bereich"))
    assert "Seed 000 : Letzter Tag für eine Kündigung 30.06.2026 (in 29 Tagen)" in text
    assert "c) Teilhabe : Zieldatum des Meilensteins 01.05.2026 (31 Tage überfällig)" in text


def test_constant_statements_whatever_the_number_of_rows(client, db_session, cast):
    def counted(url):
        # (the test's own savepoints around the request do not count)
        with count_statements(db_session.get_bind()) as statements:
            assert client.get(url).status_code == 200
        return len([s for s in statements
                    if not s.startswith(("SAVEPOINT", "RELEASE", "ROLLBACK"))])

    agreement = create_agreement(db_session, "K")
    first = create_milestone(db_session, agreement, "a")
    add_step(db_session, first, "draft")
    add_history(db_session, first, 2)
    municipal_agreement(db_session, cast.kamen)
    urls = ("/meilensteine", f"/meilensteine/{first.id}", "/vereinbarungen")
    small = {url: counted(url) for url in urls}
    for i in range(6):
        other = create_agreement(db_session, f"K{i}")
        for code in "abcde":
            m = create_milestone(db_session, other, code)
            add_step(db_session, m, "draft")
            add_step(db_session, m, "adopted")
    for stage in ("consulted", "committee", "adopted", "published"):
        step = add_step(db_session, first, stage)
        for v in (1, 2, 3):
            db_session.add(StepDocument(step_id=step.id, version=v, title="d", url="https://x/"))
    add_history(db_session, first, 60)
    for i in range(12):
        municipal_agreement(db_session, create_municipality(db_session, f"Gemeinde {i}",
                                                            ags=f"05979{i:03d}"))
    db_session.flush()
    large = {url: counted(url) for url in urls}
    assert small == large
    # The counts of the sentence on top, one page of milestones with their total, the
    # municipalities' table.
    assert large["/meilensteine"] == 3
    # The milestone with its steps and versions, a page of the history with its count, the
    # evidence, and what cites it (every domain in one UNION ALL).
    assert large[f"/meilensteine/{first.id}"] == 4


def test_the_list_pages_and_the_sentence_counts_every_milestone(client, db_session, cast):
    for number in range(5):
        agreement = create_agreement(db_session, f"Vereinbarung {number}")
        for code in "abcde":
            done = {"status": "achieved", "achieved_on": date(2025, 1, 1)} if code == "a" else {}
            create_milestone(db_session, agreement, code, title=f"Ziel {number}{code}", **done)
    first = page_text(client.get("/meilensteine"))
    second = page_text(client.get("/meilensteine?seite=2"))
    assert "5 von 25 Meilensteinen erreicht." in first and "5 von 25" in second
    assert "Einträge 1 bis 20 von 25" in first and "Einträge 21 bis 25 von 25" in second
    assert "Ziel 3e" in first and "Ziel 4a" not in first
    assert "Ziel 4a" in second and "Ziel 0a" not in second


def test_the_page_length_is_written_into_the_list_statement(client, db_session):
    """The list's page length is part of the SQL (`paging.written`), and the first page has no
    offset: PostgreSQL keeps one plan of it instead of planning it on every request."""
    for number in range(5):  # 25 milestones: two pages
        agreement = create_agreement(db_session, f"Vereinbarung {number}")
        for code in "abcde":
            create_milestone(db_session, agreement, code)
    for url, later in (("/meilensteine", False), ("/meilensteine?seite=2", True)):
        with count_statements(db_session.get_bind()) as statements:
            assert client.get(url).status_code == 200
        listed = next(s for s in statements if "agreement_title" in s)
        assert "LIMIT 20" in listed, listed
        if db_session.get_bind().dialect.name == "postgresql":  # SQLite always writes one
            assert ("OFFSET" in listed) is later, listed
