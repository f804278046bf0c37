"""The demo data of agreements and milestones as issue 10 asks: seed 002's cooperation agreement
shows as ended on 30.04.2025, seeds 000 and 001 have their notice deadlines computed, milestones
a–e with history, the statute's steps with two draft versions, (e) from the municipalities."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from partizipation import clock
from partizipation.agreements.models import Agreement
from partizipation.demo import load_demo_data
from partizipation.milestones.models import Milestone, MilestoneEvent, StepDocument
from partizipation.milestones.reminders import send_reminders
from tests.helpers import page_text


def test_demo_agreements_and_milestones(app, client, db_session):
    with app.app_context():
        load_demo_data(db_session)
    agreements = {a.title: a for a in db_session.scalars(select(Agreement))}
    cooperation = agreements["Kooperationsvereinbarung Kreis Unna – iZi.NRW"]
    today = date(2026, 6, 1)
    assert cooperation.effective_status(today) == "ended"
    assert cooperation.notice(today).end == date(2025, 4, 30)
    hessen = next(a for t, a in agreements.items() if "Lahn-Dill" in t)
    assert (hessen.notice(today).last_day, hessen.notice(today).end) == (
        date(2026, 6, 30), date(2026, 12, 31))
    amberg = next(a for t, a in agreements.items() if "Amberg" in t)
    assert amberg.until_replaced and amberg.notice(today).last_day == date(2026, 6, 30)
    milestones = db_session.scalars(select(Milestone).order_by(Milestone.code)).all()
    assert [m.code for m in milestones] == list("abcde")
    assert db_session.scalars(select(MilestoneEvent)).first() is not None
    assert [d.version for d in db_session.scalars(select(StepDocument))] == [1, 2]
    with clock.freeze(datetime(2026, 6, 1, 10, tzinfo=UTC)):
        text = page_text(client.get("/meilensteine"))
        assert "1 von 5 Meilensteinen erreicht." in text
        assert "2 von 10 Kommunen haben eine Vereinbarung unterzeichnet, die in Kraft ist." in text
        with app.app_context():
            # The seed-000 agreement's coming notice day (30.06.2026), mailed once.
            assert send_reminders(db_session) >= 1
            again = send_reminders(db_session)
        assert again == 0


def test_the_statute_decision_becomes_evidence_once_decisions_exist(app, db_session):
    from partizipation import links
    from partizipation.milestones.models import Evidence
    from tests.milestones.test_services import FakeDecisions

    class Decisions(FakeDecisions):
        @staticmethod
        def choices(session):
            return [(3, "Haushalt"), (7, "Kreistag beschließt die Satzung")]

    links.register("decision", Decisions)
    try:
        with app.app_context():
            load_demo_data(db_session)
    finally:
        links.unregister("decision")
    evidence = db_session.scalars(select(Evidence)).all()
    assert [(e.kind, e.target_id) for e in evidence] == [("decision", 7)]


def test_milestone_a_and_the_real_statute_decision_show_each_other(app, client, db_session):
    """Issue 10's done-when with the real decisions domain: milestone (a)'s page names the
    decision on the statute as its evidence, and the decision's page names the milestone."""
    from partizipation.decisions.models import Decision

    with app.app_context():
        load_demo_data(db_session)
    milestone = db_session.scalars(select(Milestone).where(Milestone.code == "a")).one()
    decision = db_session.scalars(
        select(Decision).where(Decision.text.contains("Satzungsentwurf"))).one()
    text = page_text(client.get(f"/meilensteine/{milestone.id}"))
    assert "Satzungsentwurf (zweite Fassung)" in text
    assert "Satzungsentwurf (erste Fassung)" in text  # the draft versions, both kept
    other_side = page_text(client.get(f"/beschluesse/{decision.id}"))
    assert "Meilenstein: a) Satzung über die Belange" in other_side
