"""Deadlines and their reminders: a milestone's target date, an agreement's last day to give
notice, and its end. `send_reminders` (the `partizipation reminders` command, run daily) mails
each officer through the outbox when a deadline comes within a threshold (30, 7 and 1 days
before) — once per deadline and threshold: the row in `reminders_sent` is unique, so running it
twice (or on two machines at once) sends once. The dashboard lists the same deadlines."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import url_for
from sqlalchemy import Select, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .. import clock
from ..accounts.models import User
from ..accounts.services import absolute_url
from ..agreements.models import Agreement, AgreementStatus
from ..agreements.notice import NoticeTo, notice_on
from ..i18n import _l
from ..mail.services import queue_mail
from ..permissions import Role
from .models import Milestone, MilestoneStatus, ReminderSent

THRESHOLDS = (30, 7, 1)  # days before the deadline
DASHBOARD_DAYS = 60
SUBJECT_LABELS = {
    "milestone_target": _l("Target date of the milestone"),
    "agreement_notice": _l("Last day to give notice"),
    "agreement_end": _l("End of the agreement"),
}


@dataclass(frozen=True)
class Deadline:
    subject: str  # milestone_target, agreement_notice, agreement_end
    subject_id: int
    title: str
    deadline: date
    endpoint: str
    args: tuple[tuple[str, int], ...]

    @property
    def label(self) -> str:
        return str(SUBJECT_LABELS[self.subject])

    def days_left(self, today: date | None = None) -> int:
        return (self.deadline - (today or clock.today())).days

    @property
    def url(self) -> str:
        values: dict[str, Any] = dict(self.args)
        return url_for(self.endpoint, **values)


def open_milestones() -> Select[Any]:
    """The milestones with a target date that are neither achieved nor dropped."""
    return select(Milestone).where(
        Milestone.target_date.is_not(None),
        Milestone.status.not_in([MilestoneStatus.ACHIEVED, MilestoneStatus.DROPPED]))


def agreements_with_deadlines() -> Select[Any]:
    """The agreements in force that `deadlines_of` can find a deadline of: those with an end,
    and those with notice to the end of a period. One without either (open-ended, with no rule
    or notice at any time) has none, so neither the reminders nor /mein-bereich read it (most
    agreements in force)."""
    periods = [NoticeTo.MONTH.value, NoticeTo.QUARTER.value, NoticeTo.YEAR.value]
    return select(Agreement).where(
        Agreement.status == AgreementStatus.IN_FORCE,
        or_(Agreement.valid_until.is_not(None), Agreement.notice_to.in_(periods)))


def deadlines(session: Session, today: date) -> list[Deadline]:
    """Every open deadline (two statements), soonest first; overdue milestones included."""
    return deadlines_of(session.scalars(open_milestones()),
                        session.scalars(agreements_with_deadlines()), today)


def deadlines_of(milestones: Iterable[Any], agreements: Iterable[Any],
                 today: date) -> list[Deadline]:
    """The deadlines of these open milestones and agreements in force (rows or plain objects
    with their columns), soonest first. An agreement in force has the notice `Agreement.notice`
    gives it: by its notice rule and term alone."""
    found: list[Deadline] = []
    for m in milestones:
        assert m.target_date is not None
        found.append(Deadline("milestone_target", m.id, f"{m.code}) {m.title}", m.target_date,
                              "milestones.detail", (("milestone_id", m.id),)))
    for a in agreements:
        notice = notice_on(today, months=a.notice_months, to=a.notice_to,
                           valid_until=a.valid_until)
        args = (("agreement_id", a.id),)
        if notice.state == "period" and notice.last_day is not None:
            found.append(Deadline("agreement_notice", a.id, a.title, notice.last_day,
                                  "agreements.detail", args))
        if notice.state != "ended" and a.valid_until is not None:
            found.append(Deadline("agreement_end", a.id, a.title, a.valid_until,
                                  "agreements.detail", args))
    return sorted(found, key=lambda d: (d.deadline, d.subject, d.subject_id))


def upcoming(session: Session, today: date | None = None) -> list[Deadline]:
    day = today or clock.today()
    return coming_weeks(deadlines(session, day), day)


def coming_weeks(found: Iterable[Deadline], today: date) -> list[Deadline]:
    """The deadlines of the coming weeks (DASHBOARD_DAYS) and those overdue."""
    return [d for d in found if d.days_left(today) <= DASHBOARD_DAYS]


def _threshold(days_left: int) -> int | None:
    """The smallest threshold the deadline is within (None: not yet, or passed)."""
    if days_left < 0:
        return None
    within = [t for t in THRESHOLDS if days_left <= t]
    return min(within) if within else None


def send_reminders(session: Session, today: date | None = None) -> int:
    """Queue the reminders due today; returns how many deadlines were reminded of."""
    day = today or clock.today()
    officers = list(session.scalars(select(User).where(User.role == Role.OFFICER,
                                                       User.is_active.is_(True))))
    sent = 0
    for deadline in deadlines(session, day):
        days_left = deadline.days_left(day)
        threshold = _threshold(days_left)
        if threshold is None:
            continue
        try:
            with session.begin_nested():
                session.add(ReminderSent(subject=deadline.subject,
                                         subject_id=deadline.subject_id,
                                         deadline=deadline.deadline, days_before=threshold))
                session.flush()
        except IntegrityError:
            continue  # reminded already (by an earlier run, or one running at the same time)
        link = absolute_url(deadline.endpoint, **dict(deadline.args))
        for officer in officers:
            queue_mail(session, to=officer.email, locale=officer.locale or "de",
                       subject=_l("Deadline on %(date)s: %(title)s",
                                  date=deadline.deadline.strftime("%d.%m.%Y"),
                                  title=deadline.title),
                       template="milestones/mail/reminder.txt", deadline=deadline,
                       days_left=days_left, link=link, name=officer.display_name)
        sent += 1
    session.flush()
    return sent
