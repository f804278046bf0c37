"""OParl objects as JSON-ready dicts. Each function turns a batch of rows into objects with a fixed
number of SQL statements (embedded objects are loaded for the whole batch at once).

The rows are the columns queries.FIELDS names (with `id`, `created` and `modified`), not ORM
objects; links are filled into one URL pattern per endpoint and request (`pattern`), German labels
translated once per batch: this is what most of a list's time went to.

The contents are German (the language of the platform's data); contact details, support needs
and anything else personal are never read here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date, datetime
from functools import cache, lru_cache
from operator import attrgetter
from typing import Any

from flask import current_app, has_request_context, request, url_for
from flask_babel import force_locale
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import clock
from ..council.labels import BODY_KINDS, ROLES
from ..council.models import Body, Membership, Term
from ..db import any_of, dialect_name
from ..meetings.labels import PLACE_FACTS
from ..meetings.models import Document, MeetingStatus
from ..uploads import TYPES
from . import hooks, queries
from .queries import Kind

SCHEMA = "https://schema.oparl.org/1.1/"
BODY_ID = 1  # the one Body: the district

MEETING_STATES = {
    MeetingStatus.INVITED.value: "eingeladen",
    MeetingStatus.HELD.value: "durchgeführt",
    MeetingStatus.CANCELLED.value: "abgesagt",
}


@lru_cache(maxsize=16384)
def moment(value: datetime) -> str:
    """yyyy-mm-ddThh:mm:ss±hh:mm in Berlin time (spec 2.4). Remembered: the time zone makes it
    the dearest part of an object, and the same moments come again (created and modified, a
    meeting's items, the next request)."""
    return clock.local(value).isoformat(timespec="seconds")


@lru_cache(maxsize=16384)
def moment_of_seconds(seconds: int) -> str:
    """`moment` of a moment read as whole seconds since 1970 (queries.SECONDS)."""
    return datetime.fromtimestamp(seconds, clock.BERLIN).isoformat(timespec="seconds")


def _moments(rows: list[Any]) -> Callable[[Any], str]:
    """How the moments of these rows are written: read as seconds (queries.SECONDS) or not."""
    return moment_of_seconds if rows and type(rows[0].created) is int else moment


def day(value: date) -> str:
    return value.isoformat()


# A number no URL of this site contains otherwise: the place of the varying value in a pattern.
_PROBE = 8_102_937_465


_PATTERNS = "partizipation.oparl_patterns"


def pattern(endpoint: str, name: str, **values: Any) -> Callable[[Any], str]:
    """The URL of `endpoint` for any value of its part `name` (the other parts fixed): url_for
    once per app and address the site was reached at (all a link depends on), then string
    formatting (the same URL, a fraction of the time)."""
    key = (endpoint, name, *sorted(values.items()))
    tables = current_app.extensions.setdefault(_PATTERNS, {})
    root = request.url_root
    known: dict[Any, Callable[[Any], str]] | None = tables.get(root)
    if known is None:
        if len(tables) >= 100:  # the address comes from the request: keep a few
            tables.clear()
        known = tables[root] = {}
    found = known.get(key)
    if found is None:
        probe = str(_PROBE)
        built = url_for(endpoint, _external=True, **{**values, name: _PROBE})
        head, _, tail = built.partition(probe)
        if built.count(probe) == 1:
            def found(value: Any, head: str = head, tail: str = tail) -> str:
                return f"{head}{value}{tail}"
        else:
            def found(value: Any) -> str:
                return url_for(endpoint, _external=True, **{**values, name: value})
        known[key] = found
    return found


def url(kind: str, object_id: int | str) -> str:
    return pattern("oparl.thing", "object_id", kind=kind)(object_id)


def body_url() -> str:
    return url_for("oparl.body", body_id=BODY_ID, _external=True)


def list_url(name: str) -> str:
    return url_for("oparl.body_list", body_id=BODY_ID, name=name, _external=True)


def _base(type_: str, row: Any, link: Callable[[Any], str]) -> dict[str, Any]:
    return {"id": link(row.id), "type": SCHEMA + type_, "created": moment(row.created),
            "modified": moment(row.modified)}


def _links(kind: str) -> Callable[[Any], str]:
    return pattern("oparl.thing", "object_id", kind=kind)


def stub(kind: Kind, entry: Any) -> dict[str, Any]:
    """A deleted object: only what OParl needs to know it is gone (spec 2.8), and what the
    schema requires of it (an agenda item's order; a file's access URL, which answers 410)."""
    found = {**_base(kind.type, entry, _links(kind.name)), "deleted": True}
    if kind.name == "agendaItem":
        found["order"] = entry.order or 0
    if kind.name == "file":
        found["accessUrl"] = pattern("oparl.file_access", "object_id")(entry.id)
    return found


_GERMAN: dict[int, dict[Any, str]] = {}


def _german(labels: dict[Any, Any]) -> dict[Any, str]:
    """The labels of a table (a module's constant) in German, translated once per process
    (switching the locale costs more than the rest of a small page; see i18n.resolved)."""
    found = _GERMAN.get(id(labels))
    if found is None:
        with force_locale("de"):
            found = _GERMAN[id(labels)] = {key: str(label) for key, label in labels.items()}
    return found


def _label(labels: dict[Any, str], value: Any) -> str:
    return labels[value] if value in labels else str(value)


def _ids(rows: list[Any]) -> list[int]:
    return [row.id for row in rows]


# --- council -----------------------------------------------------------------------------------


class _Memberships:
    """Builds Membership objects (what one batch needs, looked up once)."""

    type = SCHEMA + "Membership"

    def __init__(self, moments: Callable[[Any], str] = moment) -> None:
        self.moment = moments
        self.roles = _german(ROLES)
        self.link = _links("membership")
        self.person = _links("person")
        self.organization = _links("organization")

    def __call__(self, row: Any) -> dict[str, Any]:
        role, moment = row.role, self.moment
        found = {"id": self.link(row.id), "type": self.type, "created": moment(row.created),
                 "modified": moment(row.modified),
                 "person": self.person(row.person_id),
                 "organization": self.organization(row.body_id),
                 "role": self.roles[role] if role in self.roles else str(role),
                 "votingRight": bool(row.has_vote), "startDate": row.starts_on.isoformat()}
        if row.ends_on:
            found["endDate"] = row.ends_on.isoformat()
        return found


def memberships(session: Session, rows: list[Any]) -> list[dict[str, Any]]:
    membership = _Memberships(_moments(rows))
    return [membership(row) for row in rows]


@cache
def _members_statement(dialect: str) -> Any:
    return (select(Membership.id, Membership.body_id)
            .where(any_of(Membership.body_id, "oparl_ids", dialect),
                   queries.membership_public())
            .order_by(Membership.id))


@cache
def _starts_statement(dialect: str) -> Any:
    return (select(Term.body_id, func.min(Term.starts_on))
            .where(any_of(Term.body_id, "oparl_ids", dialect))
            .group_by(Term.body_id))


def organizations(session: Session, rows: list[Any]) -> list[dict[str, Any]]:
    ids, dialect = {"oparl_ids": _ids(rows)}, dialect_name(session)
    members: dict[int, list[int]] = defaultdict(list)
    for member_id, body_id in session.execute(_members_statement(dialect), ids):
        members[body_id].append(member_id)
    starts = {body_id: first
              for body_id, first in session.execute(_starts_statement(dialect), ids)}
    kinds = _german(BODY_KINDS)
    link, membership = _links("organization"), _links("membership")
    meetings = pattern("oparl.organization_meetings", "object_id")
    web = pattern("council.body", "body_id")
    found = []
    for body in rows:
        item = {**_base("Organization", body, link),
                "body": body_url(), "name": body.name,
                "organizationType": "Gremium",
                "classification": _label(kinds, body.kind),
                "meeting": meetings(body.id),
                "web": web(body.id)}
        if body.short_name:
            item["shortName"] = body.short_name
        if members[body.id]:
            item["membership"] = [membership(m) for m in members[body.id]]
        if body.id in starts:
            item["startDate"] = day(starts[body.id])
        found.append(item)
    return found


@cache
def _names_statement(dialect: str) -> Any:
    return select(Body.id, Body.name).where(any_of(Body.id, "oparl_ids", dialect))


def terms(session: Session, rows: list[Any]) -> list[dict[str, Any]]:
    names = {body_id: name for body_id, name in session.execute(
        _names_statement(dialect_name(session)),
        {"oparl_ids": list({row.body_id for row in rows})})} if rows else {}
    link = _links("legislativeTerm")
    return [{**_base("LegislativeTerm", term, link),
             "body": body_url(),
             "name": f"{names.get(term.body_id, '')}: Amtszeit {term.starts_on.year}–"
                     f"{term.ends_on.year}",
             "startDate": day(term.starts_on), "endDate": day(term.ends_on)}
            for term in rows]


def omit_internal() -> bool:
    """The client asked to leave out the internal lists (`omit_internal=true`, spec 2.5):
    a person's memberships, a meeting's agenda items and files, an agenda item's files."""
    return has_request_context() and request.args.get("omit_internal") == "true"


def persons(session: Session, rows: list[Any]) -> list[dict[str, Any]]:
    mine: dict[int, list[dict[str, Any]]] = defaultdict(list)
    membership_rows = [] if omit_internal() else queries.public_rows(
        session, queries.MEMBERSHIP, "person_id", _ids(rows))
    membership = _Memberships(_moments(membership_rows))
    for row in membership_rows:
        mine[row.person_id].append(membership(row))
    link, body, type_ = _links("person"), body_url(), SCHEMA + "Person"
    moment = _moments(rows)
    found = []
    for person in rows:
        item = {"id": link(person.id), "type": type_, "created": moment(person.created),
                "modified": moment(person.modified), "body": body, "name": person.name}
        if person.form_of_address:
            item["formOfAddress"] = person.form_of_address
        theirs = mine.get(person.id)
        if theirs:
            item["membership"] = theirs
        found.append(item)
    return found


# --- meetings ----------------------------------------------------------------------------------


def place_description(place: Any, facts: dict[str, str] | None = None, prefix: str = "") -> str:
    """What a person needs to know to get there and in, in German (`place` a row of
    queries.FIELDS["location"], its names after `prefix`)."""
    facts = facts if facts is not None else _german(PLACE_FACTS)
    parts = [getattr(place, prefix + "name")]
    shown = [label for name, label in facts.items() if getattr(place, prefix + name)]
    if shown:
        parts.append("Barrierefreiheit: " + ", ".join(shown))
    else:
        parts.append("Barrierefreiheit: keine Angaben zu stufenlosem Zugang")
    notes = getattr(place, prefix + "accessibility_notes")
    if notes:
        parts.append("Hinweise: " + notes.strip())
    stop = getattr(place, prefix + "nearest_stop")
    if stop:
        parts.append("Nächste Haltestelle: " + stop)
    parking = getattr(place, prefix + "parking")
    if parking:
        parts.append("Parken: " + parking)
    return ". ".join(part.rstrip(".") for part in parts) + "."


class _Locations:
    def __init__(self) -> None:
        self.facts = _german(PLACE_FACTS)
        self.link = _links("location")

    def __call__(self, place: Any, prefix: str = "") -> dict[str, Any]:
        item = {"id": self.link(getattr(place, prefix + "id")), "type": SCHEMA + "Location",
                "created": moment(getattr(place, prefix + "created")),
                "modified": moment(getattr(place, prefix + "modified")),
                "description": place_description(place, self.facts, prefix)}
        for key, name in (("streetAddress", "street"), ("postalCode", "postal_code"),
                          ("locality", "city"), ("room", "room")):
            value = getattr(place, prefix + name)
            if value:
                item[key] = value
        return item


def locations(session: Session, rows: list[Any]) -> list[dict[str, Any]]:
    location = _Locations()
    return [location(place) for place in rows]


def file_name(document: Any) -> str:
    extension = TYPES.get(document.mime_type, ("", "bin"))[1]
    stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in document.title).strip("_")
    return f"{stem or 'dokument'}.{extension}"


class _Files:
    """Builds File objects (the URL patterns looked up once)."""

    def __init__(self, derivatives: dict[int, list[int]]) -> None:
        self.derivatives = derivatives
        self.link = _links("file")
        self.meeting = _links("meeting")
        self.item = _links("agendaItem")
        self.access = pattern("oparl.file_access", "object_id")
        self.download = pattern("oparl.file_download", "object_id")

    def __call__(self, document: Any) -> dict[str, Any]:
        item = {**_base("File", document, self.link),
                "name": document.title, "fileName": file_name(document),
                "mimeType": document.mime_type, "size": document.size,
                "date": day(clock.local(document.created).date()),
                "accessUrl": self.access(document.id),
                "downloadUrl": self.download(document.id),
                "meeting": [self.meeting(document.meeting_id)]}
        if document.sha512:
            item["sha512Checksum"] = document.sha512
        if document.agenda_item_id:
            item["agendaItem"] = [self.item(document.agenda_item_id)]
        if document.alternative_of_id:
            item["masterFile"] = self.link(document.alternative_of_id)
        derivatives = self.derivatives.get(document.id)
        if derivatives:
            item["derivativeFile"] = [self.link(d) for d in derivatives]
        return item


def _derivatives(pairs: Any) -> dict[int, list[int]]:
    found: dict[int, list[int]] = defaultdict(list)
    for derivative, original in pairs:
        if original is not None:
            found[original].append(derivative)
    return found


@cache
def _derivatives_statement(dialect: str) -> Any:
    return (select(Document.id, Document.alternative_of_id)
            .where(any_of(Document.alternative_of_id, "oparl_ids", dialect),
                   queries.document_public())
            .order_by(Document.id))


def files(session: Session, rows: list[Any]) -> list[dict[str, Any]]:
    ids = _ids(rows)
    derivatives = _derivatives(session.execute(_derivatives_statement(dialect_name(session)),
                                               {"oparl_ids": ids}) if ids else ())
    file = _Files(derivatives)
    return [file(document) for document in rows]


def _meeting_files(session: Session, column: str, ids: list[int]
                   ) -> tuple[list[Any], dict[int, list[int]]]:
    rows = queries.public_rows(session, queries.FILE, column, ids)
    return rows, _derivatives((d.id, d.alternative_of_id) for d in rows)


def _results_provider() -> Any:
    return current_app.config.get("OPARL_RESULTS_PROVIDER")


def agenda_items(session: Session, rows: list[Any],
                 documents: tuple[list[Any], dict[int, list[int]]] | None = None,
                 meeting_ids: list[int] | None = None) -> list[dict[str, Any]]:
    """Agenda items (`rows`: all public items of `meeting_ids`, when given)."""
    ids = _ids(rows)
    if omit_internal():
        documents = ([], {})
    documents = documents or _meeting_files(session, "agenda_item_id", ids)
    attached: dict[int, list[dict[str, Any]]] = defaultdict(list)
    document_rows, derivatives = documents
    if document_rows:  # its patterns only when there are documents
        file = _Files(derivatives)
        for document in document_rows:
            if document.agenda_item_id is not None and document.alternative_of_id is None:
                attached[document.agenda_item_id].append(file(document))
    results = hooks.agenda_item_results(session, ids, _results_provider(),
                                        meeting_ids=meeting_ids)
    link, meeting = _links("agendaItem"), _links("meeting")
    web = pattern("meetings.detail", "meeting_id")
    type_, moment = SCHEMA + "AgendaItem", _moments(rows)
    # A meeting's links, made once for all its items (a page holds a few meetings' items).
    of_rows = list({row.meeting_id: None for row in rows})
    meeting_urls = {m: meeting(m) for m in of_rows}
    web_urls = {m: web(m) for m in of_rows}
    found = [{"id": link(row.id), "type": type_, "created": moment(row.created),
              "modified": moment(row.modified), "meeting": meeting_urls[row.meeting_id],
              "number": str(row.position), "order": row.position, "name": row.title,
              "public": True, "web": web_urls[row.meeting_id]} for row in rows]
    if results or attached:
        # Few items have a decision or documents: the others are not looked up.
        for row, item in zip(rows, found, strict=True):
            result = results.get(row.id)
            if result:
                item.update(result)
            files = attached.get(row.id)
            if files:
                item["auxiliaryFile"] = files
    return found


def meetings(session: Session, rows: list[Any]) -> list[dict[str, Any]]:
    """Meetings from rows that carry their place (queries.PLACE) with them."""
    ids = _ids(rows)
    items: dict[int, list[dict[str, Any]]] = {}
    if omit_internal():
        documents: tuple[list[Any], dict[int, list[int]]] = ([], {})
        item_rows: list[Any] = []
    else:
        documents = _meeting_files(session, "meeting_id", ids)
        item_rows = queries.public_rows(session, queries.AGENDA_ITEM, "meeting_id", ids,
                                        order=("meeting_id", "position"))
    data = agenda_items(session, item_rows, documents, ids)
    # The items come ordered by meeting: each meeting's are the next `count` of them.
    start = 0
    for meeting_id, count in Counter([row.meeting_id for row in item_rows]).items():
        items[meeting_id] = data[start:start + count]
        start += count
    auxiliary: dict[int, list[dict[str, Any]]] = defaultdict(list)
    document_rows, derivatives = documents
    if document_rows:
        file = _Files(derivatives)
        for document in document_rows:
            if document.agenda_item_id is None and document.alternative_of_id is None:
                auxiliary[document.meeting_id].append(file(document))
    location = _Locations()
    # A place's Location, made once for all its meetings on the page (the same object).
    places: dict[int, dict[str, Any]] = {}
    link, organization = _links("meeting"), _links("organization")
    web = pattern("meetings.detail", "meeting_id")
    type_, cancelled = SCHEMA + "Meeting", MeetingStatus.CANCELLED.value
    found = []
    for meeting in rows:
        status = meeting.status
        item = {"id": link(meeting.id), "type": type_, "created": moment(meeting.created),
                "modified": moment(meeting.modified),
                "name": meeting.title,
                "meetingState": MEETING_STATES.get(status, status),
                "cancelled": status == cancelled,
                "start": moment(meeting.starts_at), "end": moment(meeting.ends_at),
                "web": web(meeting.id)}
        place_id = meeting.place_id
        if place_id is not None and getattr(meeting, queries.PLACE + "id") is not None:
            place = places.get(place_id)
            if place is None:
                place = places[place_id] = location(meeting, queries.PLACE)
            item["location"] = place
        if meeting.body_id:
            item["organization"] = [organization(meeting.body_id)]
        if items.get(meeting.id):
            item["agendaItem"] = items[meeting.id]
        if auxiliary.get(meeting.id):
            item["auxiliaryFile"] = auxiliary[meeting.id]
        found.append(item)
    return found


SERIALIZERS: dict[str, Callable[[Session, list[Any]], list[dict[str, Any]]]] = {
    "organization": organizations, "legislativeTerm": terms, "person": persons,
    "membership": memberships, "meeting": meetings, "agendaItem": agenda_items, "file": files,
    "location": locations,
}


def objects(session: Session, kind: Kind, entries: list[Any]) -> list[dict[str, Any]]:
    """The objects of `entries` (rows read with their columns by queries.page and queries.one,
    or a tombstone's queries.Entry), in their order: public ones in full, the others as
    deleted."""
    if all(e.public for e in entries):
        # Every serializer answers in the order of its rows.
        return SERIALIZERS[kind.name](session, entries) if entries else []
    rows = sorted((e for e in entries if e.public), key=attrgetter("id"))
    full = dict(zip((row.id for row in rows), SERIALIZERS[kind.name](session, rows),
                    strict=True)) if rows else {}
    return [full[e.id] if e.public else stub(kind, e) for e in entries]


# --- system and body ---------------------------------------------------------------------------


def _config(key: str, default: str) -> str:
    return str(current_app.config.get(key, default))


def _span(session: Session) -> tuple[datetime, datetime]:
    """When the data began and last changed (bodies and terms; the System and the Body)."""
    first, last, terms_last = session.execute(
        select(func.min(Body.created_at), func.max(Body.modified_at),
               select(func.max(Term.modified_at)).scalar_subquery())).one()
    now = clock.now()
    first = first or now
    return first, max(x for x in (last, terms_last, first) if x is not None)


def system(session: Session) -> dict[str, Any]:
    created, modified = _span(session)
    found = {"id": url_for("oparl.system", _external=True), "type": SCHEMA + "System",
             "oparlVersion": SCHEMA, "body": url_for("oparl.bodies", _external=True),
             "name": _config("OPARL_SYSTEM_NAME", "Partizipation Kreis Unna"),
             "license": _config("OPARL_LICENSE", "https://creativecommons.org/licenses/by/4.0/"),
             "website": url_for("bitv.home", _external=True),
             "product": "https://joinup.ec.europa.eu/collection/eupl",
             "created": moment(created), "modified": moment(modified)}
    contact = current_app.config.get("OPARL_CONTACT_EMAIL")
    if contact:
        found["contactEmail"] = contact
        found["contactName"] = _config("OPARL_CONTACT_NAME", "Inklusionsbeauftragte des Kreises")
    return found


def body(session: Session) -> dict[str, Any]:
    created, modified = _span(session)
    term_rows = queries.public_rows(session, queries.TERM)
    council = session.scalar(select(Body.id).where(
        Body.kind == "advisory_council", Body.is_public.is_(True)).order_by(Body.id).limit(1))
    found = {"id": body_url(), "type": SCHEMA + "Body",
             "system": url_for("oparl.system", _external=True),
             "name": _config("OPARL_BODY_NAME", "Kreis Unna"),
             "shortName": _config("OPARL_BODY_SHORT_NAME", "Kreis Unna"),
             "website": _config("OPARL_BODY_WEBSITE", "https://www.kreis-unna.de/"),
             "license": _config("OPARL_LICENSE", "https://creativecommons.org/licenses/by/4.0/"),
             "ags": _config("OPARL_BODY_AGS", "05978"),
             "rgs": _config("OPARL_BODY_RGS", "059780000000"),
             "classification": "Kreis",
             "organization": list_url("organization"), "person": list_url("person"),
             "meeting": list_url("meeting"), "paper": list_url("paper"),
             "agendaItem": list_url("agendaItem"), "file": list_url("file"),
             "locationList": list_url("location"),
             "legislativeTermList": list_url("legislativeTerm"),
             "membership": list_url("membership"),
             "legislativeTerm": terms(session, term_rows),
             "web": url_for("bitv.home", _external=True),
             "created": moment(created), "modified": moment(modified)}
    if council is not None:
        found["mainOrganization"] = url("organization", council)
    return found

