"""Read-only queries of the decision pages; each runs a fixed number of SQL statements."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Date, Select, and_, bindparam, or_, select, true
from sqlalchemy.orm import Session, contains_eager, joinedload

from .. import clock
from ..council.models import Body
from ..meetings.models import AgendaItem, Invitee, Meeting, MeetingStatus
from ..meetings.permissions import can_manage_meetings
from ..people.models import Person
from .models import Decision, Status


def public_condition() -> Any:
    return and_(Meeting.is_public.is_(True), Meeting.status != MeetingStatus.PLANNED.value,
                AgendaItem.is_public.is_(True))


def visible_to(user: Any) -> Any:
    """Decisions the user may see: public ones, and those of meetings they were invited to;
    everything for those who run meetings."""
    audience = _audience(user)
    return _visible(audience, user.id if audience == "invited" else None)


def _visible(audience: str, user_id: Any) -> Any:
    """`visible_to` for an `_audience`, the user's id a value or a bind parameter."""
    if audience == "all":
        return true()
    if audience == "public":
        return public_condition()
    invited = (select(Invitee.meeting_id).join(Person, Invitee.person_id == Person.id)
               .where(Person.user_id == user_id))
    return or_(public_condition(), and_(Meeting.status != MeetingStatus.PLANNED.value,
                                        Meeting.id.in_(invited)))


def joined() -> Select[Any]:
    return (select(Decision).join(Meeting, Decision.meeting_id == Meeting.id)
            .join(AgendaItem, Decision.agenda_item_id == AgendaItem.id)
            .options(contains_eager(Decision.meeting).joinedload(Meeting.body),
                     contains_eager(Decision.item)))


def loaded() -> Select[Any]:
    """Decisions with their meeting (and its body) and agenda item, joined only to load them."""
    return select(Decision).options(
        joinedload(Decision.meeting, innerjoin=True).joinedload(Meeting.body),
        joinedload(Decision.item, innerjoin=True))


def _audience(user: Any) -> str:
    """Whose decisions `visible_to` lets `user` see: "all", "invited" (the public ones and
    those of their meetings) or "public"."""
    if can_manage_meetings(user):
        return "all"
    return "invited" if getattr(user, "is_authenticated", False) else "public"


@cache
def _listing_statement(audience: str, by_status: bool) -> Any:
    """`listing`'s statement, built once per process: the user, the moment and the status are
    the parameters `decisions_user`, `decisions_now` and `decisions_status`."""
    visible = _visible(audience, bindparam("decisions_user"))
    query = (select(Decision.id, Decision.kind, Decision.text, Decision.status, Decision.due_on,
                    Meeting.title, Meeting.starts_at, Body.name, AgendaItem.position)
             .join(Meeting, Decision.meeting_id == Meeting.id)
             .join(AgendaItem, Decision.agenda_item_id == AgendaItem.id)
             .outerjoin(Body, Meeting.body_id == Body.id)
             .where(visible, Meeting.starts_at <= bindparam("decisions_now")))
    if by_status:
        query = query.where(Decision.status == bindparam("decisions_status"))
    return query.order_by(Meeting.starts_at.desc(), AgendaItem.position, Decision.id)


def listing(user: Any, status: str = "") -> tuple[Select[Any], dict[str, Any]]:
    """The decisions list (rows of the columns `rows.decision_rows` words): newest meeting
    first; the statement and its values.
    Decisions are recorded once their meeting has started, and a meeting with decisions cannot
    move its start later than that (meetings.services.update_meeting): said here, the list walks
    the meetings' start index back from now instead of past every upcoming meeting, which has
    none."""
    audience = _audience(user)
    by_status = status in {s.value for s in Status}
    return _listing_statement(audience, by_status), {
        "decisions_user": user.id if audience == "invited" else None,
        "decisions_now": clock.now(), "decisions_status": status if by_status else None}


def follow_up(show: str = "", body_id: int = 0, sort: str = "due") -> Select[Any]:
    """The officer's open decisions across bodies (the decisions, for the CSV file)."""
    # Sorted by due date for all bodies, the meeting and the item are only shown: loaded with
    # the rows (joins the count leaves out), not joined for the conditions.
    base = joined() if body_id or sort == "meeting" else loaded()
    return _follow_up(base, show, body_id or None, sort, clock.today())


def follow_up_rows(show: str = "", body_id: int = 0,
                   sort: str = "due") -> tuple[Select[Any], dict[str, Any]]:
    """The officer's open decisions across bodies as the page shows them: rows of (id, text,
    status, responsible, due_on, the meeting's start, its body's name or None); the statement
    (built once per process for each filter and order the page offers: `show` and `sort` are
    the view's checked choices) and its values. Every decision has its meeting (a column that
    is not null): the outer joins change no row, and PostgreSQL leaves them out of the count
    when neither filters nor sorts (as `loaded` did)."""
    return _follow_up_rows_statement(show, bool(body_id), sort), {
        "follow_up_body": body_id or None, "follow_up_today": clock.today()}


@cache
def _follow_up_rows_statement(show: str, by_body: bool, sort: str) -> Select[Any]:
    base: Any = (
        select(Decision.id, Decision.text, Decision.status, Decision.responsible,
               Decision.due_on, Meeting.starts_at, Body.name)
        .outerjoin(Meeting, Decision.meeting_id == Meeting.id)
        .outerjoin(Body, Meeting.body_id == Body.id))
    return _follow_up(base, show, bindparam("follow_up_body") if by_body else None, sort,
                      bindparam("follow_up_today", type_=Date))


def _follow_up(base: Select[Any], show: str, body_id: Any, sort: str,
               today: Any) -> Select[Any]:
    """`base` filtered and ordered; `body_id` (None: every body) and `today` values or bind
    parameters."""
    open_states = [Status.TAKEN.value, Status.SUBMITTED.value, Status.APPROVED.value,
                   Status.COMMUNICATED.value]
    query = base.where(Decision.status.in_(open_states))
    if show == "waiting":
        query = query.where(Decision.status == Status.SUBMITTED.value)
    elif show == "overdue":
        query = query.where(Decision.due_on.is_not(None), Decision.due_on < today)
    elif show == "not_implemented":
        query = query.where(Decision.status.in_([Status.APPROVED.value,
                                                 Status.COMMUNICATED.value]))
    if body_id is not None:
        query = query.where(Meeting.body_id == body_id)
    if sort == "meeting":
        return query.order_by(Meeting.starts_at.desc(), Decision.id)
    if sort == "status":
        return query.order_by(Decision.status, Decision.due_on.is_(None), Decision.due_on,
                              Decision.id)
    # NULLS LAST is what an ascending index holds: the list walks ix_decisions_due and stops.
    return query.order_by(Decision.due_on.asc().nulls_last(), Decision.id)


def of_meeting(session: Session, meeting: Meeting) -> dict[int, list[Any]]:
    """agenda item id -> its decisions as rows of (id, kind, status, text), what the meeting's
    pages show of them (one query)."""
    found: dict[int, list[Any]] = {}
    for row in session.execute(_of_meeting_statement(), {"meeting_id": meeting.id}):
        found.setdefault(row.agenda_item_id, []).append(row)
    return found


@cache
def _of_meeting_statement() -> Any:
    """`of_meeting`'s statement, the meeting's id a bind parameter (built once per process)."""
    return (select(Decision.agenda_item_id, Decision.id, Decision.kind, Decision.status,
                   Decision.text)
            .where(Decision.meeting_id == bindparam("meeting_id")).order_by(Decision.id))


def load(session: Session, decision_id: int) -> Decision | None:
    return session.scalar(select(Decision).options(
        joinedload(Decision.meeting).joinedload(Meeting.body), joinedload(Decision.item))
        .where(Decision.id == decision_id))
