"""What OParl shows, as SQL: for every kind of object, which rows are public, which answer as
deleted, and their `created` and `modified`.

Public is decided by the same rules as the web pages, and stricter where OParl would otherwise
point at something hidden:
- a body (Organization) when it is public; a term (LegislativeTerm) when its body is;
- a person when they agreed to be listed (and did not withdraw, and were not anonymised) and
  belong to a public body; a membership when its person and its body are public;
- a meeting when it is public, announced (invitations sent; later held or cancelled) and its body
  (if any) is public; an agenda item when it is public and its meeting is; a document (File) when
  it, its meeting, its agenda item and — for another version — its original are public;
- a place (Location) when a public meeting takes place there.

An object that is not public (any more) answers as deleted (`deleted: true` with only `id`,
`type`, `created` and `modified`), but only when it could have been public once: a person who
had agreed to be listed, a meeting that was announced, and so on; everything else is 404. Removed
agenda items and documents answer from their tombstone (models.py).

`modified` is the latest change of the row and of every row its publicity or its embedded objects
depend on (the meeting's history covers changes of its agenda and documents), so a harvester
asking with `modified_since` learns of every change, also of a withdrawn consent, at once.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache, partial
from typing import Any, NamedTuple

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Integer,
    Select,
    and_,
    bindparam,
    case,
    cast,
    exists,
    extract,
    func,
    literal,
    not_,
    null,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.functions import GenericFunction

from ..council.models import Body, Membership, Term
from ..db import UTCDateTime, any_of, dialect_name
from ..meetings.labels import PLACE_FACTS
from ..meetings.models import AgendaItem, Document, Meeting, MeetingEvent, MeetingStatus, Place
from ..paging import written
from ..people.models import Person
from .models import MeetingPublicCount, Tombstone


class latest(GenericFunction[datetime]):  # noqa: N801 - an SQL function's name
    """The latest of several moments (SQLite: scalar max(); PostgreSQL: greatest())."""

    type = UTCDateTime()
    inherit_cache = True


@compiles(latest)
def _latest_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    return f"max({compiler.process(element.clauses, **kw)})"


@compiles(latest, "postgresql")
def _latest_pg(element: Any, compiler: Any, **kw: Any) -> str:
    return f"greatest({compiler.process(element.clauses, **kw)})"


def _latest(own: Any, *others: Any) -> ColumnElement[datetime]:
    """The latest of `own` and `others` (a missing other counts as `own`)."""
    return latest(own, *(func.coalesce(other, own) for other in others))


def _max(column: Any, *where: Any) -> Any:
    return select(func.max(column)).where(*where).correlate_except(column.class_) \
        .scalar_subquery()


# --- publicity ---------------------------------------------------------------------------------


def body_public(body_id: Any) -> ColumnElement[bool]:
    return exists().where(Body.id == body_id, Body.is_public.is_(True))


def listed(person: Any = Person) -> ColumnElement[bool]:
    return and_(person.listing_consent_given_on.is_not(None),
                person.listing_consent_withdrawn_on.is_(None), person.anonymised_at.is_(None))


def person_public(person: Any = Person) -> ColumnElement[bool]:
    mine = aliased(Membership)
    return and_(listed(person), exists().where(mine.person_id == person.id,
                                               body_public(mine.body_id)))


def membership_public(membership: Any = Membership) -> ColumnElement[bool]:
    return and_(exists().where(Person.id == membership.person_id, listed(Person)),
                body_public(membership.body_id))


def announced(meeting: Any = Meeting) -> ColumnElement[bool]:
    return meeting.status != MeetingStatus.PLANNED.value


def meeting_public(meeting: Any = Meeting) -> ColumnElement[bool]:
    return and_(meeting.is_public.is_(True), announced(meeting),
                or_(meeting.body_id.is_(None), body_public(meeting.body_id)))


def _meeting_where(meeting_id: Any, condition: Callable[[Any], Any]) -> ColumnElement[bool]:
    other = aliased(Meeting)
    return exists().where(other.id == meeting_id, condition(other))


def item_public(item: Any = AgendaItem) -> ColumnElement[bool]:
    return and_(item.is_public.is_(True), _meeting_where(item.meeting_id, meeting_public))


def document_public(document: Any = Document) -> ColumnElement[bool]:
    item = aliased(AgendaItem)
    original = aliased(Document)
    return and_(
        document.is_public.is_(True), _meeting_where(document.meeting_id, meeting_public),
        or_(document.agenda_item_id.is_(None),
            exists().where(item.id == document.agenda_item_id, item.is_public.is_(True))),
        or_(document.alternative_of_id.is_(None),
            exists().where(original.id == document.alternative_of_id,
                           original.is_public.is_(True))))


def place_public(place: Any = Place) -> ColumnElement[bool]:
    other = aliased(Meeting)
    return exists().where(other.place_id == place.id, meeting_public(other))


# --- the kinds ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    """One OParl object type read from one model."""

    name: str  # the URL part and the list's name: "meeting"
    type: str  # the OParl type: "Meeting"
    model: Any
    public: Callable[[], ColumnElement[bool]]
    # A row that is not public but answers as deleted (not 404).
    stub: Callable[[], ColumnElement[bool]]
    modified: Callable[[], ColumnElement[datetime]]
    # Removed rows leave a tombstone (models.Tombstone) of this kind.
    tombstones: bool = False
    # Objects per list page when the client asks for none, and at most: a meeting embeds its
    # agenda items, location and files, so its pages are shorter (the spec leaves it to us).
    page_size: int = 100
    max_page_size: int = 500

    @property
    def id(self) -> Any:
        return self.model.id

    @property
    def created(self) -> Any:
        return self.model.created_at


def _body_modified() -> Any:
    """The body, and its list of memberships (a member added, ended, or no longer listed)."""
    mine = aliased(Membership)
    # A join, not `Person.id IN (SELECT … WHERE body_id = Body.id)`: a subquery two levels
    # down is not correlated to the body, and the IN took every member of every body.
    return _latest(Body.modified_at, _max(mine.modified_at, mine.body_id == Body.id),
                   select(func.max(Person.modified_at))
                   .join_from(Person, mine, mine.person_id == Person.id)
                   .where(mine.body_id == Body.id).correlate(Body).scalar_subquery())


def _term_modified() -> Any:
    return _latest(Term.modified_at, _max(Body.modified_at, Body.id == Term.body_id))


def _person_modified() -> Any:
    mine = aliased(Membership)
    theirs = aliased(Body)
    return _latest(
        Person.modified_at,
        _max(mine.modified_at, mine.person_id == Person.id),
        select(func.max(theirs.modified_at)).join_from(theirs, mine, mine.body_id == theirs.id)
        .where(mine.person_id == Person.id).correlate(Person).scalar_subquery())


def _membership_modified() -> Any:
    return _latest(Membership.modified_at,
                   _max(Person.modified_at, Person.id == Membership.person_id),
                   _max(Body.modified_at, Body.id == Membership.body_id))


def _meeting_modified() -> Any:
    return _latest(Meeting.modified_at,
                   _max(MeetingEvent.created_at, MeetingEvent.meeting_id == Meeting.id),
                   _max(Place.modified_at, Place.id == Meeting.place_id),
                   _max(Body.modified_at, Body.id == Meeting.body_id))


def _meeting_part_modified(meeting_id: Any, *own: Any) -> Any:
    other = aliased(Meeting)
    return _latest(own[0], *own[1:],
                   select(other.modified_at).where(other.id == meeting_id).scalar_subquery(),
                   select(Body.modified_at).join(other, other.body_id == Body.id)
                   .where(other.id == meeting_id).scalar_subquery())


def _item_modified() -> Any:
    """The item, its meeting, and the meeting's history (which records every document added to
    or removed from the item)."""
    return _meeting_part_modified(
        AgendaItem.meeting_id, AgendaItem.modified_at,
        _max(MeetingEvent.created_at, MeetingEvent.meeting_id == AgendaItem.meeting_id))


def _document_modified() -> Any:
    item = aliased(AgendaItem)
    original = aliased(Document)
    return _meeting_part_modified(
        Document.meeting_id, Document.modified_at,
        select(item.modified_at).where(item.id == Document.agenda_item_id).scalar_subquery(),
        select(original.modified_at).where(original.id == Document.alternative_of_id)
        .scalar_subquery())


def _place_modified() -> Any:
    other = aliased(Meeting)
    return _latest(Place.modified_at, _max(other.modified_at, other.place_id == Place.id))


def _announced_meeting_of(meeting_id: Any) -> ColumnElement[bool]:
    return _meeting_where(meeting_id, announced)


def _place_was_used() -> ColumnElement[bool]:
    other = aliased(Meeting)
    return exists().where(other.place_id == Place.id, announced(other))


def _person_was_public() -> ColumnElement[bool]:
    """Agreed once and belongs to a public body: withdrawn (or anonymised) since."""
    mine = aliased(Membership)
    return and_(Person.listing_consent_given_on.is_not(None),
                exists().where(mine.person_id == Person.id, body_public(mine.body_id)))


def _person_agreed_once(person_id: Any) -> ColumnElement[bool]:
    return exists().where(Person.id == person_id, Person.listing_consent_given_on.is_not(None))


ORGANIZATION = Kind("organization", "Organization", Body, lambda: Body.is_public.is_(True),
                    lambda: Body.is_public.is_(False), _body_modified)
TERM = Kind("legislativeTerm", "LegislativeTerm", Term, lambda: body_public(Term.body_id),
            lambda: not_(body_public(Term.body_id)), _term_modified)
PERSON = Kind("person", "Person", Person, person_public, _person_was_public, _person_modified)
MEMBERSHIP = Kind("membership", "Membership", Membership, membership_public,
                  lambda: _person_agreed_once(Membership.person_id), _membership_modified)
MEETING = Kind("meeting", "Meeting", Meeting, meeting_public, announced, _meeting_modified,
               page_size=20, max_page_size=100)
AGENDA_ITEM = Kind("agendaItem", "AgendaItem", AgendaItem, item_public,
                   lambda: _announced_meeting_of(AgendaItem.meeting_id), _item_modified,
                   tombstones=True)
FILE = Kind("file", "File", Document, document_public,
            lambda: _announced_meeting_of(Document.meeting_id), _document_modified,
            tombstones=True)
LOCATION = Kind("location", "Location", Place, place_public, _place_was_used, _place_modified)

KINDS = {kind.name: kind for kind in (ORGANIZATION, TERM, PERSON, MEMBERSHIP, MEETING,
                                      AGENDA_ITEM, FILE, LOCATION)}


# --- what is read of each object --------------------------------------------------------------

# The columns each kind's JSON is made of, besides `id`, `created` and `modified` (serialize.py
# reads them by these names). Only these are read: no whole rows, nothing personal.
FIELDS: dict[str, tuple[str, ...]] = {
    "organization": ("name", "kind", "short_name"),
    "legislativeTerm": ("body_id", "starts_on", "ends_on"),
    "person": ("name", "form_of_address"),
    "membership": ("person_id", "body_id", "role", "has_vote", "starts_on", "ends_on"),
    "meeting": ("title", "status", "starts_at", "ends_at", "place_id", "body_id"),
    "agendaItem": ("meeting_id", "position", "title"),
    "file": ("meeting_id", "agenda_item_id", "alternative_of_id", "title", "mime_type", "size",
             "sha512"),
    "location": ("name", "street", "postal_code", "city", "room", "nearest_stop", "parking",
                 *PLACE_FACTS, "accessibility_notes"),
}
# A meeting's row carries its place (Location) too, with these prefixed names.
PLACE = "place_"


def _read(column: Any, name: str) -> Any:
    """`column` labelled `name`; a moment read as a timestamp (as UTCDateTime reads it), the
    counterpart of `_seconds`."""
    return column.label(name)


def _fields(kind: Kind) -> list[Any]:
    return [_read(getattr(kind.model, name), name) for name in FIELDS[kind.name]]


# --- lists -------------------------------------------------------------------------------------
#
# Every statement below is built once per shape (functools.cache) with bound parameters for what
# varies (ids, filters, page): building these expressions costs far more than running them.


@dataclass(frozen=True)
class Filters:
    created_since: datetime | None = None
    created_until: datetime | None = None
    modified_since: datetime | None = None
    modified_until: datetime | None = None

    @property
    def with_deleted(self) -> bool:
        """Deleted objects are listed only to a client that asks what changed (spec 2.5)."""
        return self.modified_since is not None

    def given(self) -> dict[str, datetime]:
        return {name: value for name, value in vars(self).items() if value is not None}


class Entry(NamedTuple):
    """A removed object's entry, from its tombstone. A list's entries are otherwise the rows
    page() and one() read, with the same names (and, of a public one, its FIELDS)."""

    id: int
    public: int  # 0: answers as deleted
    created: datetime
    modified: datetime
    # An agenda item's place (the schema requires it even of a deleted one).
    order: int | None = None


def _order(kind: Kind) -> Any:
    return AgendaItem.position if kind.model is AgendaItem else null()


def _entries(kind: Kind, scope: list[Any], *, deleted: bool) -> Any:
    """(id, public, created, modified, order) of the kind's rows in `scope`."""
    live: Select[Any] = select(
        kind.id.label("id"), case((kind.public(), 1), else_=0).label("public"),
        _read(kind.created, "created"), _read(kind.modified(), "modified"),
        _order(kind).label("order")).where(*scope)
    live = live.where(or_(kind.public(), kind.stub())) if deleted else live.where(kind.public())
    if deleted and kind.tombstones and not scope:
        stones = select(
            Tombstone.object_id.label("id"), literal(0).label("public"),
            _read(Tombstone.created_at, "created"), _read(Tombstone.deleted_at, "modified"),
            Tombstone.order.label("order")).where(
                Tombstone.kind == kind.name, not_(exists().where(kind.id == Tombstone.object_id)))
        return union_all(live, stones)
    return live


def _filtered(sub: Any, names: tuple[str, ...]) -> list[Any]:
    column = {"created": sub.c.created, "modified": sub.c.modified}
    conditions = []
    for name in names:
        which, since = name.split("_")
        conditions.append(column[which] >= bindparam(name) if since == "since"
                          else column[which] <= bindparam(name))
    return conditions


def _places_of(shown: Any) -> Any:
    """The places of the shown public meetings with their `modified` (`_place_modified`: the
    place's and its latest meeting's, read from the end of ix_meetings_place_modified), worked
    out once per place."""
    theirs = aliased(Meeting)
    used = select(theirs.place_id).where(
        theirs.id.in_(select(shown.c.id).where(shown.c.public == 1)))
    return (select(Place.id.label("id"), _read(Place.created_at, "created"),
                   *_fields(LOCATION), _read(_place_modified(), "modified"))
            .where(Place.id.in_(used)).subquery())


def _with_objects(kind: Kind, shown: Any, query: Select[Any], joined: Any) -> Select[Any]:
    """`query` with the columns of the public objects among the `shown` entries (and, of a
    meeting, its place)."""
    joined = joined.outerjoin(kind.model, and_(kind.id == shown.c.id, shown.c.public == 1))
    columns = _fields(kind)
    if kind is MEETING:
        places = _places_of(shown)
        joined = joined.outerjoin(places, places.c.id == Meeting.place_id)
        columns += [column.label(PLACE + column.key) for column in places.c]
    return query.add_columns(*columns).select_from(joined)


class Hidden(LookupError):
    """The object a scoped list belongs to is not public (the list answers 404)."""


# The lists scoped to one object, by the column that names it: whether that object is public.
SCOPES: dict[str, Callable[[Any], ColumnElement[bool]]] = {"body_id": body_public}


def _window(query: Any, first: int | None) -> Any:
    """`query` limited to one page: the first page of the default length with its length
    written into the SQL and no offset (see `paging.written`: with a LIMIT and OFFSET sent as
    parameters, PostgreSQL's generic plan expects a tenth of the table, looks too dear, and the
    server planned the list afresh on every request, 1.0–1.5 ms of its CPU), any other page
    with both as parameters."""
    if first is not None:
        return query.limit(written(first))
    return (query.limit(bindparam("oparl_limit", type_=Integer))
            .offset(bindparam("oparl_offset", type_=Integer)))


def _shown_only_public(kind: Kind, scope: str | None, filters: tuple[str, ...],
                       first: int | None) -> Any:
    """A page of public objects when nothing asks what changed: its ids are found (ordered,
    limited, offset) before anything else is worked out, so a deep page skips the rows before
    it without computing their `modified`; then only the page's rows are read, with their
    columns (all of them public: no second join to the table)."""
    where = [kind.public()]
    if scope:
        where.append(getattr(kind.model, scope) == bindparam("oparl_scope"))
    for name in filters:
        which, since = name.split("_")
        assert which == "created", name
        where.append(kind.created >= bindparam(name) if since == "since"
                     else kind.created <= bindparam(name))
    ids = _window(select(kind.id.label("id")).where(*where).order_by(kind.id),
                  first).subquery("oparl_ids")
    if kind in (MEETING, AGENDA_ITEM) and not scope and not filters:
        # Every public meeting, or every public item of one: the counts per body kept by
        # triggers (MeetingPublicCount), not a scan of the meetings or their items.
        column = (MeetingPublicCount.meetings if kind is MEETING
                  else MeetingPublicCount.agenda_items)
        counted = select(func.coalesce(func.sum(column), 0).label("oparl_total"),
                         true().label("oparl_in_scope")) \
            .where(or_(MeetingPublicCount.body_key == 0,
                       body_public(MeetingPublicCount.body_key))).subquery()
    else:
        counted = select(func.count().label("oparl_total"),
                         (SCOPES[scope](bindparam("oparl_scope")) if scope else true())
                         .label("oparl_in_scope")).where(*where).subquery()
    modified = kind.modified()
    joined = kind.model.__table__.join(ids, ids.c.id == kind.id)
    if kind is AGENDA_ITEM:
        # The page's items' meetings' parts of `modified` once per meeting (a page of 100
        # items belongs to a handful of meetings).
        of_page = select(AgendaItem.meeting_id).join(ids, ids.c.id == AgendaItem.id)
        parts = _meeting_parts(lambda meeting: meeting.id.in_(of_page))
        modified = _item_modified_from(parts)
        joined = joined.join(parts, parts.c.id == AgendaItem.meeting_id)
    shown_query = (select(kind.id.label("id"), literal(1).label("public"),
                          _read(kind.created, "created"), _read(modified, "modified"),
                          _order(kind).label("order"), *_fields(kind))
                   .select_from(joined))
    return counted, shown_query


@cache
def _page_statement(name: str, deleted: bool, filters: tuple[str, ...],
                    scope: str | None, dialect: str, first: int | None) -> Select[Any]:
    kind = KINDS[name]
    if not deleted and not any(given.startswith("modified") for given in filters):
        counted, shown_query = _shown_only_public(kind, scope, filters, first)
        shown = shown_query.cte("oparl_shown") if kind is MEETING else shown_query.subquery()
        # A page of public objects only (no deleted ones to write out): see SECONDS.
        seconds = dialect == "postgresql" and name in SECONDS
        query = select(counted.c.oparl_total, counted.c.oparl_in_scope,
                       *(shown.c[c] for c in ("id", "public")),
                       *((_seconds(shown.c[c], c) for c in ("created", "modified")) if seconds
                         else (shown.c[c] for c in ("created", "modified"))),
                       shown.c.order, *(shown.c[field] for field in FIELDS[name]))
        joined = counted.outerjoin(shown, true())
        if kind is MEETING:
            places = _places_of(shown)
            joined = joined.outerjoin(places, places.c.id == shown.c.place_id)
            query = query.add_columns(*(column.label(PLACE + column.key)
                                        for column in places.c))
        return query.select_from(joined).order_by(shown.c.id)
    sub = _entries(kind, [getattr(kind.model, scope) == bindparam("oparl_scope")] if scope
                   else [], deleted=deleted).subquery()
    where = _filtered(sub, filters)
    # The total, and (of a scoped list) whether its object is public, in the same row.
    counted = select(func.count().label("oparl_total"),
                     (SCOPES[scope](bindparam("oparl_scope")) if scope else true())
                     .label("oparl_in_scope")).select_from(sub).where(*where).subquery()
    shown_query = _window(select(sub).where(*where).order_by(sub.c.id), first)
    # A meeting's page is read twice (its rows and their places): once, as a CTE.
    shown = shown_query.cte("oparl_shown") if kind is MEETING else shown_query.subquery()
    return _with_objects(kind, shown, select(counted.c.oparl_total, counted.c.oparl_in_scope,
                                             shown),
                         counted.outerjoin(shown, true())).order_by(shown.c.id)


@cache
def _shape(names: tuple[str, ...]) -> Callable[[Iterable[Any]], Any]:
    """Makes a named tuple with these column names of a row: its attributes are read in a
    fraction of the time of a result Row's (whose every attribute read first misses the
    class's own attributes), and serialize.py reads several of every object."""
    unique: list[str] = []
    for name in names:
        # A repeated name gets a number, as a Session's result names it (a meeting's
        # `place_id` and its place's `id`, both read as `place_id`: the first is the meeting's).
        number, found = 0, name
        while found in unique:
            number += 1
            found = f"{name}_{number}"
        unique.append(found)
    return partial(tuple.__new__, namedtuple("OParlRow", unique))  # noqa: PYI024


def execute(session: Session, statement: Any, params: dict[str, Any]) -> list[Any]:
    """The rows of a read-only statement of columns as named tuples (the same names and
    values), run on the session's connection: the ORM's per-row handling of a
    Session.execute is not needed for columns (and the OParl interface writes nothing, so
    there is nothing to flush first)."""
    result = session.connection().execute(statement, params)
    return list(map(_shape(tuple(result.keys())), result.all()))


def page(session: Session, kind: Kind, filters: Filters, *, number: int, size: int,
         scope: tuple[str, int] | None = None) -> tuple[int, list[Any]]:
    """The total and one page of the kind's entries (in `scope`: a column's name and value;
    Hidden when the object it names is not public) with their public objects (rows with
    `id`, `public`, `created`, `modified`, `order` and, when public, the FIELDS), in one
    statement: the count outer-joined to the page (so that a page past the end still carries
    the total), the objects to the public entries."""
    given = filters.given()
    # The first page of the default length (what a harvester asks for first, and most
    # clients only): its own statement, with the length written in.
    first = size if number == 1 and size == kind.page_size else None
    statement = _page_statement(kind.name, filters.with_deleted, tuple(given),
                                scope[0] if scope else None, dialect_name(session), first)
    params: dict[str, Any] = {**given, "oparl_limit": size, "oparl_offset": (number - 1) * size}
    if scope:
        params["oparl_scope"] = scope[1]
    rows = execute(session, statement, params)
    if scope and not rows[0].oparl_in_scope:
        raise Hidden(scope)
    total = rows[0].oparl_total if rows else 0
    return int(total or 0), [row for row in rows if row.id is not None]


@cache
def _one_statement(name: str) -> Select[Any]:
    kind = KINDS[name]
    found = _entries(kind, [kind.id == bindparam("oparl_id")], deleted=True)
    shown = found.cte("oparl_shown") if kind is MEETING else found.subquery()
    return _with_objects(kind, shown, select(shown), shown)


@cache
def _tombstone_statement() -> Any:
    return select(Tombstone.created_at, Tombstone.deleted_at, Tombstone.order).where(
        Tombstone.kind == bindparam("oparl_kind"), Tombstone.object_id == bindparam("oparl_id"))


def one(session: Session, kind: Kind, object_id: int) -> Any:
    """The entry of one object with its columns: public, deleted, or None (unknown: 404)."""
    found = execute(session, _one_statement(kind.name), {"oparl_id": object_id})
    row = found[0] if found else None
    if row is None and kind.tombstones:
        stone = session.execute(_tombstone_statement(),
                                {"oparl_kind": kind.name, "oparl_id": object_id}).first()
        if stone is not None:
            return Entry(object_id, 0, stone.created_at, stone.deleted_at, stone.order)
    return row


# The kinds whose `created` and `modified` serialize.py only writes out: on PostgreSQL read as
# whole seconds since 1970 (serialize.moment_of_seconds) when embedded or on a page without
# deleted objects, not as timestamps (a meeting page's 400 agenda items: decoding 800
# timestamps with their zone cost the worker ~0.3 ms).
SECONDS = frozenset({"agendaItem", "membership", "person"})


def _seconds(moment: Any, name: str) -> Any:
    return cast(func.floor(extract("epoch", moment)), BigInteger).label(name)


def _meeting_parts(where: Callable[[Any], Any]) -> Any:
    """What an agenda item's `modified` takes from its meeting (`_item_modified`: the meeting's
    history, the meeting, its body) for the meetings `where(meeting)` selects, worked out once
    per meeting, not once per item. Materialized: otherwise PostgreSQL folds it into the items'
    query and works it out again for every item."""
    other = aliased(Meeting)
    return (select(other.id.label("id"),
                   _max(MeetingEvent.created_at, MeetingEvent.meeting_id == other.id)
                   .label("events"),
                   other.modified_at.label("meeting"),
                   select(Body.modified_at).where(Body.id == other.body_id)
                   .scalar_subquery().label("body"))
            .where(where(other))
            .cte("oparl_meetings").prefix_with("MATERIALIZED", dialect="postgresql"))


def _item_modified_from(parts: Any) -> Any:
    return _latest(AgendaItem.modified_at, parts.c.events, parts.c.meeting, parts.c.body)


def _items_of_meetings(read: Callable[[Any, str], Any], dialect: str) -> Select[Any]:
    """The public agenda items of the public meetings among `oparl_ids`, as `_rows_statement`
    reads them, their meetings' parts of `modified` worked out once per meeting."""
    parts = _meeting_parts(lambda meeting: and_(any_of(meeting.id, "oparl_ids", dialect),
                                                meeting_public(meeting)))
    return (select(AgendaItem.id.label("id"), read(AgendaItem.created_at, "created"),
                   *_fields(AGENDA_ITEM), read(_item_modified_from(parts), "modified"))
            .join(parts, parts.c.id == AgendaItem.meeting_id)
            .where(AgendaItem.is_public.is_(True),
                   any_of(AgendaItem.meeting_id, "oparl_ids", dialect)))


@cache
def _rows_statement(name: str, column: str | None, order: tuple[str, ...],
                    dialect: str) -> Select[Any]:
    kind = KINDS[name]
    read = _seconds if dialect == "postgresql" and name in SECONDS else _read
    if kind is AGENDA_ITEM and column == "meeting_id":
        return _items_of_meetings(read, dialect).order_by(
            *(getattr(AgendaItem, by) for by in order))
    query = select(kind.id.label("id"), read(kind.created, "created"), *_fields(kind),
                   read(kind.modified(), "modified")).where(kind.public())
    if column is not None:
        query = query.where(any_of(getattr(kind.model, column), "oparl_ids", dialect))
    return query.order_by(*(getattr(kind.model, by) for by in order))


def public_rows(session: Session, kind: Kind, column: str | None = None, ids: Any = (),
                order: tuple[str, ...] = ("id",)) -> list[Any]:
    """The kind's public rows (id, created, its FIELDS, modified: of SECONDS on PostgreSQL as
    seconds) whose `column` is one of
    `ids` (all of them without a column), for embedded objects: one statement, none for no
    ids."""
    if column is not None:
        ids = list(ids)
        if not ids:
            return []
    return execute(session, _rows_statement(kind.name, column, order, dialect_name(session)),
                   {"oparl_ids": ids} if column is not None else {})
