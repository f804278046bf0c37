"""Barrier report actions. Services flush; the view commits (the mail goes in the same commit)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..accounts.officers import officer_recipients
from ..accounts.services import absolute_url
from ..clock import local
from ..db import utcnow
from ..domain import DomainError
from ..i18n import _l
from ..mail.services import queue_mail
from .models import ACTIVE_STATUSES, BarrierReport, ReportAnswer, ReportStatus, one_month_later


def submit_report(
    session: Session,
    *,
    problem: str,
    location: str = "",
    name: str = "",
    email: str | None = None,
    wants_answer: bool = False,
    locale: str = "de",
    now: datetime | None = None,
) -> BarrierReport:
    """Store a report due one month out, and queue the mail to the officer (and the receipt)."""
    now = now or utcnow()
    report = BarrierReport(
        problem=problem.strip(),
        location=location.strip(),
        name=name.strip(),
        email=(email or "").strip() or None,
        wants_answer=wants_answer,
        locale=locale,
        created_at=now,
        due_on=one_month_later(local(now).date()),
        status=ReportStatus.OPEN.value,
    )
    session.add(report)
    session.flush()
    link = absolute_url("feedback.detail", report_id=report.id)
    recipients = officer_recipients(session)
    if not recipients:
        current_app.logger.warning("barrier report %s: no officer to tell by email", report.id)
    for address, officer_locale in recipients:
        queue_mail(
            session, to=address, subject=_l("New barrier report no. %(number)s"),
            template="feedback/mail/new_report.txt", locale=officer_locale,
            reply_to=report.email, number=report.id, report=report, link=link,
        )
    if report.email:
        # The receipt repeats nothing the person wrote: the address was not verified, and the
        # form must not become a way to send arbitrary text to strangers.
        queue_mail(
            session, to=report.email, number=report.id,
            subject=_l("We have received your barrier report no. %(number)s"),
            template="feedback/mail/receipt.txt", locale=locale, report=report,
        )
    return report


def update_report(
    session: Session, report: BarrierReport, *, status: str, officer_note: str, actor: User
) -> BarrierReport:
    """Change status and note; closing records when, reopening clears it."""
    new_status = ReportStatus(status)
    if new_status is ReportStatus.CLOSED and report.status != ReportStatus.CLOSED.value:
        report.closed_at = utcnow()
    elif new_status is not ReportStatus.CLOSED:
        report.closed_at = None
    report.status = new_status.value
    report.officer_note = officer_note.strip()
    session.flush()
    return report


def answer_report(session: Session, report: BarrierReport, *, body: str,
                  actor: User) -> ReportAnswer:
    """Mail the officer's answer to the reporter (outbox, in the report's language), keep it as
    a record, and mark an open report as answered."""
    if not report.email:
        raise DomainError(_l("This report has no email address. Answer by phone or letter if "
                             "the person gave one, and note it below."), "body")
    answer = ReportAnswer(report=report, body=body.strip(), sent_to=report.email,
                          sent_by_id=actor.id, sent_at=utcnow())
    session.add(answer)
    queue_mail(
        session, to=report.email, reply_to=actor.email, locale=report.locale,
        subject=_l("Answer to your barrier report no. %(number)s"),
        template="feedback/mail/answer.txt", number=report.id, body=answer.body,
        sender=actor.display_name,
    )
    if report.status in ACTIVE_STATUSES:
        report.status = ReportStatus.ANSWERED.value
    session.flush()
    return answer


def inbox_query(done: bool) -> Any:
    """Reports still to work on, earliest due first; or finished ones, newest first."""
    if done:
        return (select(BarrierReport).where(BarrierReport.status.not_in(ACTIVE_STATUSES))
                .order_by(BarrierReport.created_at.desc(), BarrierReport.id.desc()))
    return (select(BarrierReport).where(BarrierReport.status.in_(ACTIVE_STATUSES))
            .order_by(BarrierReport.due_on, BarrierReport.id))


def inbox_counts(session: Session, today: date) -> dict[str, int]:
    """How many reports are to do, overdue among them, and done (counted in SQL)."""
    active = BarrierReport.status.in_(ACTIVE_STATUSES)
    row = session.execute(select(
        func.count().filter(active),
        func.count().filter(active, BarrierReport.due_on < today),
        func.count().filter(~active),
    )).one()
    return {"active": row[0], "overdue": row[1], "done": row[2]}
