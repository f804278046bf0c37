"""Read-only queries of the meeting pages; each runs a fixed number of SQL statements."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Select, and_, bindparam, func, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, contains_eager, joinedload
from sqlalchemy.sql.functions import FunctionElement

from .. import clock
from ..council.models import Body
from ..db import UNPREPARED
from ..people.models import Person
from .models import Invitee, Meeting, MeetingStatus, Place, SupportRequest

# Calendar feeds hold the next FEED_UPCOMING meetings and the last FEED_PAST of the past
# FEED_DAYS_BACK days (a calendar program fetches a feed again and again: it stays small whatever
# the number of meetings, and past meetings never crowd out the coming ones; README, "Calendar
# feeds").
FEED_DAYS_BACK = 180
FEED_UPCOMING = 30
FEED_PAST = 20


def announced() -> Any:
    return Meeting.status != MeetingStatus.PLANNED.value


class _longest_before(FunctionElement[bool]):
    """`starts >= now - the longest any meeting lasts`: true of every meeting that has not
    ended at `now` (it started at most that long before), said so that the start index is read
    from there on instead of past every meeting of the years before. On PostgreSQL the longest
    duration is one probe of the index `ix_meetings_duration`; elsewhere (SQLite, small
    installations) the condition is left out."""

    type = Boolean()
    inherit_cache = True
    name = "longest_before"


@compiles(_longest_before, "postgresql")
def _longest_before_postgresql(element: _longest_before, compiler: Any, **kw: Any) -> str:
    starts, now = element.clauses
    return (f"{compiler.process(starts, **kw)} >= {compiler.process(now, **kw)} - "
            "(SELECT max(longest.ends_at - longest.starts_at) FROM meetings AS longest)")


@compiles(_longest_before)
def _longest_before_other(element: _longest_before, compiler: Any, **kw: Any) -> str:
    return "1 = 1"


def not_ended(now: Any) -> tuple[Any, Any]:
    """Meetings that have not ended at `now` (a bind parameter or a value): the counterpart of
    `_ended`, bounded on the start as well (`_longest_before`)."""
    if isinstance(now, datetime):
        now = bindparam(None, now, type_=Meeting.ends_at.type)
    return Meeting.ends_at >= now, _longest_before(Meeting.starts_at, now)


class Named:
    """The body or the place of a meeting card: its name is all a list shows of it."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


class MeetingCard:
    """A meeting as the lists show it (`meeting_card`, the start page): the columns they read,
    as attributes of the same names as the model's, without loading the meeting, its body and
    its place as objects."""

    __slots__ = ("id", "title", "starts_at", "ends_at", "kind", "format", "status", "body",
                 "place")

    def __init__(self, row: Any) -> None:
        (self.id, self.title, self.starts_at, self.ends_at, self.kind, self.format, self.status,
         body, place) = row[:9]
        self.body = Named(body) if body is not None else None
        self.place = Named(place) if place is not None else None


def card_select(*more: Any) -> Select[Any]:
    """The columns of `MeetingCard` (then `more`), the body and the place joined for their
    names."""
    return (select(Meeting.id, Meeting.title, Meeting.starts_at, Meeting.ends_at, Meeting.kind,
                   Meeting.format, Meeting.status, Body.name, Place.name, *more)
            .outerjoin(Body, Meeting.body_id == Body.id)
            .outerjoin(Place, Meeting.place_id == Place.id))


def cards(rows: Any) -> list[MeetingCard]:
    return [MeetingCard(row) for row in rows]


def _upcoming(body: bool) -> list[Any]:
    """Public meetings that have not ended at `upcoming_now` (of the body `upcoming_body`):
    parameters, whose values `upcoming_values` gives."""
    conditions = [Meeting.is_public.is_(True), announced(),
                  *not_ended(bindparam("upcoming_now", type_=Meeting.ends_at.type))]
    if body:
        conditions.append(Meeting.body_id == bindparam("upcoming_body"))
    return conditions


def upcoming_values(body_id: int | None = None, now: datetime | None = None) -> dict[str, Any]:
    return {"upcoming_now": clock.now() if now is None else now, "upcoming_body": body_id}


@cache
def public_upcoming(body: bool = False) -> Select[Any]:
    """Public meetings that have not ended, soonest first (cancelled ones say so): rows of
    `MeetingCard`'s columns. Built once per process (as the other statements here that take
    their values as parameters)."""
    return (card_select().where(*_upcoming(body))
            .order_by(Meeting.starts_at, Meeting.id))


@cache
def _next_public_statement(limit: int) -> Select[Any]:
    return (public_upcoming()
            .where(Meeting.status != MeetingStatus.CANCELLED.value).limit(limit))


def next_public(session: Session, limit: int = 3) -> list[MeetingCard]:
    """The next public meetings that take place (for the start page)."""
    return cards(session.execute(_next_public_statement(limit), upcoming_values()))


def bodies_with_public_meetings(session: Session) -> list[Any]:
    """(id, name) rows of the public bodies, by name."""
    return list(session.execute(select(Body.id, Body.name).where(Body.is_public.is_(True))
                                .order_by(Body.name)))


def my_invitations(person: Person, *, past: bool) -> Select[Any]:
    """The person's invitations (sent ones), upcoming soonest first or past latest first."""
    now = clock.now()
    query = (select(Invitee).join(Meeting, Invitee.meeting_id == Meeting.id)
             .options(contains_eager(Invitee.meeting).joinedload(Meeting.body),
                      contains_eager(Invitee.meeting).joinedload(Meeting.place))
             .where(Invitee.person_id == person.id, announced()))
    if past:
        return query.where(Meeting.ends_at < now).order_by(Meeting.starts_at.desc(), Meeting.id)
    return query.where(Meeting.ends_at >= now).order_by(Meeting.starts_at, Meeting.id)


def requests_by_invitee(session: Session, invitee_ids: list[int]) -> dict[int, list[str]]:
    """The kinds of support each invitee asked for (one query)."""
    found: dict[int, list[str]] = {}
    if not invitee_ids:
        return found
    for invitee_id, kind in session.execute(
            select(SupportRequest.invitee_id, SupportRequest.kind)
            .where(SupportRequest.invitee_id.in_(invitee_ids)).order_by(SupportRequest.id)):
        found.setdefault(invitee_id, []).append(kind)
    return found


def officer_list(*, past: bool, terms: str = "") -> Select[Any]:
    from ..paging import matches

    now = clock.now()
    query = select(Meeting).options(joinedload(Meeting.body))
    if terms:
        query = query.where(matches(terms, Meeting.title))
    if past:
        return query.where(*_ended(now)).order_by(Meeting.starts_at.desc(), Meeting.id)
    return query.where(*not_ended(now)).order_by(Meeting.starts_at, Meeting.id)


@cache
def _feed_statements(personal: bool) -> tuple[Select[Any], Select[Any]]:
    """A feed's two statements, built once per process: the last `feed_past` meetings that
    ended since `feed_since` (latest first) and the next `feed_upcoming` that end after
    `feed_now`; of the body `feed_owner` (public ones), or (`personal`) those the person
    `feed_owner` is invited to. Every value is a parameter (`_feed` gives them)."""
    if personal:
        query = (select(Meeting).join(Invitee, Invitee.meeting_id == Meeting.id)
                 .where(Invitee.person_id == bindparam("feed_owner"), announced()))
    else:
        query = select(Meeting).where(Meeting.body_id == bindparam("feed_owner"),
                                      Meeting.is_public.is_(True), announced())
    query = query.options(joinedload(Meeting.place))
    now: Any = bindparam("feed_now", type_=Meeting.ends_at.type)
    ended = (query.where(*_ended(now), Meeting.starts_at >= bindparam("feed_since"))
             .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
             .limit(bindparam("feed_past")))
    coming = (query.where(*not_ended(now)).order_by(Meeting.starts_at, Meeting.id)
              .limit(bindparam("feed_upcoming")))
    if personal:
        # Planned for the person each time: PostgreSQL's generic plan would read every
        # invitation of the person first (a member of the council has one per meeting: 141 ms
        # instead of 0.1 for the ended ones at the bench's large size).
        return ended.execution_options(**UNPREPARED), coming.execution_options(**UNPREPARED)
    return ended, coming


def _feed(session: Session, personal: bool, owner: int) -> list[Meeting]:
    """The feed's meetings, earliest first: the last FEED_PAST that ended within FEED_DAYS_BACK
    days and the next FEED_UPCOMING (two statements)."""
    now = clock.now()
    values = {"feed_owner": owner, "feed_now": now,
              "feed_since": now - timedelta(days=FEED_DAYS_BACK),
              "feed_past": FEED_PAST, "feed_upcoming": FEED_UPCOMING}
    ended, coming = _feed_statements(personal)
    return (list(session.scalars(ended, values))[::-1]
            + list(session.scalars(coming, values)))


def body_feed(session: Session, body: Body) -> list[Meeting]:
    """Public meetings of the body for its calendar feed (two statements)."""
    return _feed(session, False, body.id)


def personal_feed(session: Session, person: Person | None) -> list[Meeting]:
    """The meetings the person is invited to, for their calendar feed (two statements)."""
    if person is None:
        return []
    return _feed(session, True, person.id)


def my_invitee(session: Session, meeting: Meeting, user: Any) -> Invitee | None:
    """The signed-in user's invitee row of `meeting`, with the person (one query)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return session.scalar(
        select(Invitee).join(Person, Invitee.person_id == Person.id)
        .options(contains_eager(Invitee.person))
        .where(Invitee.meeting_id == meeting.id, Person.user_id == user.id))


def _visible_to(signed_in: bool) -> Any:
    """Announced meetings the user may see in the archive: public ones, and (signed in) the
    non-public ones they were invited to (the user's id the parameter `archive_user`)."""
    public: Any = Meeting.is_public.is_(True)
    if signed_in:
        invited = (select(Invitee.meeting_id).join(Person, Invitee.person_id == Person.id)
                   .where(Person.user_id == bindparam("archive_user")))
        public = or_(public, Meeting.id.in_(invited))
    return and_(public, announced())


def _ended(now: Any) -> tuple[Any, Any]:
    """Meetings that ended before `now`. A meeting ends after it starts (`_check` of the
    services), so these started before `now` too: said as well, the archive walks the start
    index back from now instead of past every upcoming meeting."""
    return Meeting.ends_at < now, Meeting.starts_at < now


@cache
def _past(signed_in: bool, body: bool, year: bool) -> Select[Any]:
    from .models import MeetingRecord

    query: Any = (card_select(MeetingRecord.minutes_status)
                  .outerjoin(MeetingRecord, MeetingRecord.meeting_id == Meeting.id)
                  .where(_visible_to(signed_in), *_ended(bindparam("archive_now")))
                  .order_by(Meeting.starts_at.desc(), Meeting.id.desc()))
    if body:
        query = query.where(Meeting.body_id == bindparam("archive_body"))
    if year:
        query = query.where(Meeting.starts_at >= bindparam("archive_from"),
                            Meeting.starts_at < bindparam("archive_to"))
    return query


def past(user: Any, body_id: int | None = None,
         year: int | None = None) -> tuple[Select[Any], dict[str, Any]]:
    """The archive: past meetings the user may see, latest first, with the state of their
    minutes (rows of `MeetingCard`'s columns, then the minutes state or None); the statement
    (built once per process) and its values."""
    signed_in = bool(getattr(user, "is_authenticated", False))
    values = {"archive_now": clock.now(), "archive_user": user.id if signed_in else None,
              "archive_body": body_id}
    if year:
        values.update(archive_from=clock.berlin(date(year, 1, 1), 0, 0),
                      archive_to=clock.berlin(date(year + 1, 1, 1), 0, 0))
    return _past(signed_in, bool(body_id), bool(year)), values


@cache
def _archive_years_statement() -> Any:
    return (select(func.min(Meeting.starts_at), func.max(Meeting.starts_at))
            .where(Meeting.is_public.is_(True), announced(), *_ended(bindparam("archive_now"))))


def archive_years(session: Session) -> list[int]:
    """The years with past public meetings, latest first (one query)."""
    first, last = session.execute(_archive_years_statement(),
                                  {"archive_now": clock.now()}).one()
    if first is None:
        return []
    return list(range(clock.local(last).year, clock.local(first).year - 1, -1))
