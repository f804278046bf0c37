"""Two officers at once, with real concurrent sessions on committed data (PostgreSQL with
TEST_DATABASE_URL; on SQLite the writing transactions run one after the other):

- both move milestone (c) away from "in progress" at the same moment: one change, one history
  row, and the other is told that someone else was first (the conditional UPDATE);
- the reminders command started twice at the same moment mails once (the unique row)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import delete, func, select

from partizipation import clock
from partizipation.accounts.models import User
from partizipation.agreements.models import Agreement, AgreementParty
from partizipation.audit.models import AuditEntry
from partizipation.domain import DomainError
from partizipation.mail.models import OutboxMessage
from partizipation.milestones import services
from partizipation.milestones.models import Milestone, MilestoneEvent, ReminderSent
from partizipation.milestones.reminders import send_reminders
from tests.facilitators.test_concurrency import Committed, race
from tests.factories import create_user

TABLES = [AuditEntry, OutboxMessage, ReminderSent, MilestoneEvent, Milestone, AgreementParty,
          Agreement, User]


@pytest.fixture()
def world(race_engine: Any) -> Iterator[Committed]:
    world = Committed(race_engine.url.render_as_string(hide_password=False))
    with world.app.app_context():
        session = world.database.session
        before = {m: session.scalar(select(func.max(m.id))) or 0 for m in TABLES}
    try:
        yield world
    finally:
        with world.app.app_context():
            session = world.database.session
            for model in TABLES:
                session.execute(delete(model).where(model.id > before[model]))
            session.commit()
        world.database.engine.dispose()


def test_two_officers_change_the_status_at_once(world):
    def setup(session):
        first = create_user(session, role="officer", email="race.ms1@example.org")
        second = create_user(session, role="member", email="race.ms2@example.org")
        agreement = Agreement(title="Race", kind="cooperation", status="in_force")
        session.add(agreement)
        session.flush()
        milestone = Milestone(agreement_id=agreement.id, code="c", title="Teilhabe",
                              status="in_progress", started_on=date(2023, 1, 1))
        session.add(milestone)
        session.flush()
        return milestone.id, first.id, second.id

    ident, first, second = world.run(setup)

    def move(to, actor_id):
        def action(session):
            services.change_status(session, session.get(Milestone, ident), seen="in_progress",
                                   to=to, note="Grund", achieved_on=None,
                                   actor=session.get(User, actor_id))
        return action

    results = race(world, move("at_risk", first), move("dropped", second))
    assert sorted(isinstance(r, DomainError) for r in results) == [False, True], results
    assert world.count(MilestoneEvent, MilestoneEvent.milestone_id == ident) == 1


def test_the_reminders_started_twice_at_once_mail_once(world):
    def setup(session):
        create_user(session, role="officer", email="race.reminder@example.org")
        agreement = Agreement(title="Seed 000 (race)", kind="cooperation", status="in_force",
                              in_force_from=date(2020, 2, 20), notice_months=6,
                              notice_to="year")
        session.add(agreement)
        session.flush()
        return agreement.id

    ident = world.run(setup)
    with clock.freeze(datetime(2026, 6, 29, 8, tzinfo=UTC)):
        results = race(world, send_reminders, send_reminders)
    assert all(r == "ok" for r in results), results
    assert world.count(ReminderSent, ReminderSent.subject_id == ident,
                       ReminderSent.subject == "agreement_notice") == 1
    assert world.count(OutboxMessage, OutboxMessage.to_address == "race.reminder@example.org") \
        == 1
