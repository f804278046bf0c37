"""Bodies, terms, persons and memberships. Services flush, never commit; rules raise
DomainError."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import format_date
from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import clock
from ..accounts.models import User
from ..domain import DomainError
from ..html import sanitize_html
from ..i18n import _l
from .models import Body, BodyKind, Term


def _d(value: date) -> str:
    return format_date(value, "medium")


# --- bodies ----------------------------------------------------------------------------------

BODY_FIELDS = (
    "name", "short_name", "kind", "description_html", "easy_language_description", "is_public",
    "min_meetings_per_year", "target_meetings_per_year", "notice_period_days",
)


def save_body(session: Session, body: Body | None, data: dict[str, Any], *, actor: User) -> Body:
    """Create (body=None) or change a body; the description is sanitized here."""
    if data["kind"] not in {k.value for k in BodyKind}:
        raise DomainError(_l("Choose the kind of body."), "kind")
    if data["target_meetings_per_year"] < data["min_meetings_per_year"]:
        raise DomainError(
            _l("The target cannot be lower than the minimum. Enter at least %(n)s meetings.",
               n=data["min_meetings_per_year"]),
            "target_meetings_per_year",
        )
    if body is None:
        body = Body()
        session.add(body)
    for name in BODY_FIELDS:
        setattr(body, name, data[name])
    body.name = body.name.strip()
    body.description_html = sanitize_html(body.description_html)
    session.flush()
    return body


def advisory_council(session: Session) -> Body | None:
    """The public advisory council (Inklusionsbeirat), the body /beirat shows."""
    return session.scalar(
        select(Body)
        .where(Body.kind == BodyKind.ADVISORY_COUNCIL, Body.is_public.is_(True))
        .order_by(Body.id)
        .limit(1)
    )


# --- terms -----------------------------------------------------------------------------------


def save_term(
    session: Session, body: Body, term: Term | None, *, starts_on: date, ends_on: date,
    actor: User, cut_memberships: bool = False,
) -> Term:
    """Create or change a term of `body`; terms of one body do not overlap.

    New dates never cut memberships silently: a membership that would start outside the term
    is named and refused; one whose own end lies after the new end is named too, and cut to the
    new end only when `cut_memberships` says so.
    """
    from ..locking import lock_row

    lock_row(session, Body, body.id)
    if ends_on < starts_on:
        raise DomainError(
            _l("The end cannot be before the start. Enter a date on or after %(d)s.",
               d=_d(starts_on)),
            "ends_on",
        )
    clash = session.scalar(
        select(Term).where(
            Term.body_id == body.id,
            Term.id != (term.id if term else -1),
            Term.starts_on <= ends_on,
            Term.ends_on >= starts_on,
        )
    )
    if clash is not None:
        raise DomainError(
            _l("This overlaps the term from %(start)s to %(end)s. Choose dates outside it.",
               start=_d(clash.starts_on), end=_d(clash.ends_on)),
            "starts_on",
        )
    if term is not None:
        _check_cut(session, term, starts_on, ends_on, cut_memberships)
    else:
        term = Term(body_id=body.id)
        session.add(term)
    term.starts_on, term.ends_on = starts_on, ends_on
    session.flush()
    return term


def _check_cut(session: Session, term: Term, starts_on: date, ends_on: date, cut: bool) -> None:
    from ..people.labels import person_label
    from .models import EndReason, Membership

    rows = list(session.scalars(select(Membership).where(Membership.term_id == term.id)))
    outside = [m for m in rows if not starts_on <= m.starts_on <= ends_on]
    longer = [m for m in rows if m.ends_on is not None and m.ends_on > ends_on]
    problems = []
    if outside:
        problems.append(_l(
            "These memberships would start outside the new dates: %(names)s. Change or end them "
            "first, or choose other dates.",
            names=", ".join(f"{person_label(m.person)} ({_d(m.starts_on)})" for m in outside)))
    if longer and not cut:
        problems.append(_l(
            "These memberships end after the new last day: %(names)s. Tick the box to end them "
            "on the new last day, or choose another date.",
            names=", ".join(f"{person_label(m.person)} ({_d(m.ends_on)})" for m in longer
                            if m.ends_on)))
    if problems:
        raise DomainError(" ".join(str(p) for p in problems),
                          "starts_on" if outside else "ends_on")
    for membership in longer:
        membership.ends_on = ends_on
        membership.end_reason = EndReason.TERM_ENDED.value


def end_term(session: Session, term: Term, *, ends_on: date, actor: User) -> None:
    """End a term on `ends_on`: it and every membership still open then end that day."""
    from ..locking import lock_row
    from .memberships import end_term_memberships

    lock_row(session, Body, term.body_id)
    if ends_on < term.starts_on:
        raise DomainError(
            _l("The end cannot be before the start. Enter a date on or after %(d)s.",
               d=_d(term.starts_on)), "ends_on")
    if ends_on > term.ends_on:
        raise DomainError(
            _l("A term can only be ended early. Enter %(end)s or an earlier date.",
               end=_d(term.ends_on)), "ends_on")
    _check_cut(session, term, term.starts_on, ends_on, cut=True)
    end_term_memberships(session, term, ends_on)
    term.ends_on = ends_on
    session.flush()


def current_term(session: Session, body: Body, today: date | None = None) -> Term | None:
    today = today or clock.today()
    return session.scalar(
        select(Term).where(Term.body_id == body.id, Term.starts_on <= today,
                           Term.ends_on >= today)
    )
