"""The reminders command: before a milestone's target date, an agreement's last notice day and
its end, the officer gets one mail per deadline and threshold — however often it runs."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from partizipation import clock
from partizipation.mail.models import OutboxMessage
from partizipation.milestones.reminders import send_reminders, upcoming
from tests.agreements.factories import create_agreement
from tests.milestones.factories import create_milestone


@pytest.fixture(autouse=True)
def context(app):
    with app.app_context():
        yield


def _mails(db_session):
    return db_session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()


def test_run_twice_sends_once_per_deadline_and_threshold(db_session, cast):
    # Seed 000: six months to the end of a year → last notice day 30.06.2026.
    create_agreement(db_session, "Hessen", in_force_from=date(2020, 2, 20), notice_months=6,
                     notice_to="year")
    create_milestone(db_session, code="c", title="Teilhabe", target_date=date(2026, 6, 20))
    create_milestone(db_session, code="d", title="Erreicht", status="achieved",
                     achieved_on=date(2025, 1, 1), target_date=date(2026, 6, 20))
    with clock.freeze(datetime(2026, 5, 25, 8, tzinfo=UTC)):
        assert send_reminders(db_session) == 1  # the milestone, 26 days ahead
        assert send_reminders(db_session) == 0
    with clock.freeze(datetime(2026, 6, 1, 8, tzinfo=UTC)):
        assert send_reminders(db_session) == 1  # the notice day, 29 days ahead
        assert send_reminders(db_session) == 0
    with clock.freeze(datetime(2026, 6, 23, 8, tzinfo=UTC)):
        # 7 days before the notice day; the milestone is overdue (no more reminders).
        assert send_reminders(db_session) == 1
        assert send_reminders(db_session) == 0
    mails = _mails(db_session)
    officer = cast.user("officer")
    assert [m.to_address for m in mails] == [officer.email] * 3
    assert "Teilhabe" in mails[0].subject and "Hessen" in mails[1].subject
    assert "30.06.2026" in mails[2].subject


def test_the_seed_000_notice_deadline_is_mailed_once(db_session, cast):
    create_agreement(db_session, "Seed 000", in_force_from=date(2020, 2, 20), notice_months=6,
                     notice_to="year")
    with clock.freeze(datetime(2026, 6, 29, 8, tzinfo=UTC)):
        for _ in range(3):
            send_reminders(db_session)
    mails = _mails(db_session)
    assert len(mails) == 1 and "Seed 000" in mails[0].subject
    assert "/vereinbarungen/" in mails[0].body_text


def test_an_agreement_with_an_end_date_is_reminded_of_its_end(db_session, cast):
    create_agreement(db_session, "Befristet", notice_to="any_time",
                     valid_until=date(2026, 7, 1))
    with clock.freeze(datetime(2026, 6, 30, 8, tzinfo=UTC)):
        assert send_reminders(db_session) == 1
        assert [d.subject for d in upcoming(db_session)] == ["agreement_end"]
