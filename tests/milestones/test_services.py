"""Milestone rules: status changes with their history (a note required for at risk and dropped),
the conditional UPDATE when someone else was first, achieved dates, steps with their document
versions kept, evidence of any registered kind."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from partizipation import clock
from partizipation import links as cross_links
from partizipation.domain import DomainError
from partizipation.milestones import services
from partizipation.milestones.models import MilestoneEvent, StepDocument
from tests.milestones.factories import add_step, create_milestone

NOW = datetime(2026, 6, 1, 10, tzinfo=UTC)


def test_status_changes_write_history_and_need_a_note_where_required(db_session, cast):
    officer = cast.user("officer")
    milestone = create_milestone(db_session, code="c")
    with clock.freeze(NOW):
        with pytest.raises(DomainError) as error:
            services.change_status(db_session, milestone, seen="planned", to="at_risk",
                                   note="  ", achieved_on=None, actor=officer)
        assert error.value.field == "note"
        with pytest.raises(DomainError) as error:
            services.change_status(db_session, milestone, seen="planned", to="planned",
                                   note="", achieved_on=None, actor=officer)
        assert error.value.field == "status"
        services.change_status(db_session, milestone, seen="planned", to="at_risk",
                               note="Beirat tagt zu selten", achieved_on=None, actor=officer)
        # Another officer saw "planned" too: nothing written, a clear message.
        with pytest.raises(DomainError) as error:
            services.change_status(db_session, milestone, seen="planned", to="dropped",
                                   note="x", achieved_on=None, actor=officer)
        assert "meanwhile" in str(error.value)
    events = db_session.scalars(select(MilestoneEvent).where(
        MilestoneEvent.milestone_id == milestone.id)).all()
    assert [(e.from_status, e.to_status, e.note, e.actor_id) for e in events] == [
        ("planned", "at_risk", "Beirat tagt zu selten", officer.id)]
    assert milestone.status == "at_risk"


def test_achieved_on_neither_in_the_future_nor_before_the_milestone_existed(db_session, cast):
    officer = cast.user("officer")
    milestone = create_milestone(db_session, started_on=date(2024, 1, 1))
    with clock.freeze(NOW):
        for day, says in [(date(2026, 6, 2), "future"), (date(2023, 12, 31), "before")]:
            with pytest.raises(DomainError) as error:
                services.change_status(db_session, milestone, seen="planned", to="achieved",
                                       note="", achieved_on=day, actor=officer)
            assert error.value.field == "achieved_on" and says in str(error.value)
        services.change_status(db_session, milestone, seen="planned", to="achieved", note="",
                               achieved_on=None, actor=officer)
    assert (milestone.status, milestone.achieved_on) == ("achieved", date(2026, 6, 1))
    with clock.freeze(NOW):
        services.change_status(db_session, milestone, seen="achieved", to="in_progress",
                               note="", achieved_on=None, actor=officer)
    assert milestone.achieved_on is None


def test_step_document_versions_are_kept(db_session, cast):
    officer = cast.user("officer")
    milestone = create_milestone(db_session)
    step = add_step(db_session, milestone, "draft")
    for title in ("Entwurf 1", "Entwurf 2"):
        services.add_step_document(db_session, step, title=title, url="https://example.org/x",
                                   dated_on=None, stream=None, actor=officer)
    versions = db_session.scalars(select(StepDocument).order_by(StepDocument.version)).all()
    assert [(d.version, d.title) for d in versions] == [(1, "Entwurf 1"), (2, "Entwurf 2")]
    with pytest.raises(DomainError) as error:
        services.add_step_document(db_session, step, title="x", url="", dated_on=None,
                                   stream=None, actor=officer)
    assert error.value.field == "file"
    with clock.freeze(NOW), pytest.raises(DomainError) as error:
        services.save_step(db_session, milestone, {"stage": "adopted",
                                                   "happened_on": date(2026, 7, 1)},
                           actor=officer)
    assert error.value.field == "happened_on"


class FakeDecisions:
    """A stand-in for the decisions domain (KIND "decision"), registered for the test."""

    LABEL = "Beschluss"

    @staticmethod
    def choices(session):
        return [(7, "Lenkungsgruppe: Satzungsentwurf empfohlen")]

    @staticmethod
    def describe(session, ids):
        return {i: ("Lenkungsgruppe: Satzungsentwurf empfohlen", f"/beschluesse/{i}")
                for i in ids if i == 7}


@pytest.fixture()
def decisions():
    cross_links.register("decision", FakeDecisions)
    yield FakeDecisions
    cross_links.unregister("decision")


def test_evidence_of_any_registered_kind_and_the_milestone_shown_on_it(
        app, db_session, cast, decisions):
    officer = cast.user("officer")
    milestone = create_milestone(db_session, title="Satzung")
    with app.test_request_context():
        with pytest.raises(DomainError) as error:
            services.add_evidence(db_session, milestone, kind="nothing", target_id=1, note="",
                                  actor=officer)
        assert error.value.field == "kind"
        with pytest.raises(DomainError) as error:
            services.add_evidence(db_session, milestone, kind="decision", target_id=8, note="",
                                  actor=officer)
        assert error.value.field == "target"
        services.add_evidence(db_session, milestone, kind="decision", target_id=7,
                              note="Empfehlung", actor=officer)
        with pytest.raises(DomainError):
            services.add_evidence(db_session, milestone, kind="decision", target_id=7,
                                  note="", actor=officer)
        cited = cross_links.cited_by(db_session, "decision", 7)
        assert cited == [{"label": "Meilenstein", "title": "a) Satzung",
                          "url": f"/meilensteine/{milestone.id}"}] or cited == [
            {"label": "Milestone", "title": "a) Satzung",
             "url": f"/meilensteine/{milestone.id}"}]
        assert cross_links.cited_by(db_session, "decision", 8) == []
