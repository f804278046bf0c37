"""OParl objects as JSON-ready dicts. Each function turns a batch of rows into objects with a fixed
number of SQL statements (embedded objects are loaded for the whole batch at once).

The contents are German (the language of the platform's data); contact details, support needs
and anything else personal are never read here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from flask import current_app, has_request_context, request, url_for
from flask_babel import force_locale
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import clock
from ..council.labels import BODY_KINDS, ROLES
from ..council.models import Body, Membership, Term
from ..meetings.labels import PLACE_FACTS
from ..meetings.models import AgendaItem, Document, MeetingStatus, Place
from ..uploads import TYPES
from . import hooks, queries
from .queries import Entry, Kind

SCHEMA = "https://schema.oparl.org/1.1/"
BODY_ID = 1  # the one Body: the district

MEETING_STATES = {
    MeetingStatus.INVITED.value: "eingeladen",
    MeetingStatus.HELD.value: "durchgeführt",
    MeetingStatus.CANCELLED.value: "abgesagt",
}


def moment(value: datetime) -> str:
    """yyyy-mm-ddThh:mm:ss±hh:mm in Berlin time (spec 2.4)."""
    return clock.local(value).isoformat(timespec="seconds")


def day(value: date) -> str:
    return value.isoformat()


def url(kind: str, object_id: int | str) -> str:
    return url_for("oparl.thing", kind=kind, object_id=object_id, _external=True)


def body_url() -> str:
    return url_for("oparl.body", body_id=BODY_ID, _external=True)


def list_url(name: str) -> str:
    return url_for("oparl.body_list", body_id=BODY_ID, name=name, _external=True)


def _base(kind: str, type_: str, object_id: int, created: datetime, modified: datetime
          ) -> dict[str, Any]:
    return {"id": url(kind, object_id), "type": SCHEMA + type_, "created": moment(created),
            "modified": moment(modified)}


def stub(kind: Kind, entry: Entry) -> dict[str, Any]:
    """A deleted object: only what OParl needs to know it is gone (spec 2.8), and what the
    schema requires of it (an agenda item's order; a file's access URL, which answers 410)."""
    found = {**_base(kind.name, kind.type, entry.id, entry.created, entry.modified),
             "deleted": True}
    if kind.name == "agendaItem":
        found["order"] = entry.order or 0
    if kind.name == "file":
        found["accessUrl"] = url_for("oparl.file_access", object_id=entry.id, _external=True)
    return found


def _german(label: Any) -> str:
    with force_locale("de"):
        return str(label)


def _ids(rows: list[Any]) -> list[int]:
    return [row[0].id for row in rows]


# --- council -----------------------------------------------------------------------------------


def membership(row: Membership, modified: datetime) -> dict[str, Any]:
    found = {**_base("membership", "Membership", row.id, row.created_at, modified),
             "person": url("person", row.person_id),
             "organization": url("organization", row.body_id),
             "role": _german(ROLES.get(row.role, row.role)),  # type: ignore[call-overload]
             "votingRight": bool(row.has_vote), "startDate": day(row.starts_on)}
    if row.ends_on:
        found["endDate"] = day(row.ends_on)
    return found


def memberships(session: Session, rows: list[Any]) -> list[dict[str, Any]]:
    return [membership(row, modified) for row, modified in rows]


def organizations(session: Session, rows: list[Any]) -> list[dict[str, Any]]:
    ids = _ids(rows)
    members: dict[int, list[int]] = defaultdict(list)
    for member_id, body_id in session.execute(
            select(Membership.id, Membership.body_id)
            .where(Membership.body_id.in_(ids), queries.membership_public())
            .order_by(Membership.id)):
        members[body_id].append(member_id)
    starts = {body_id: first for body_id, first in session.execute(
        select(Term.body_id, func.min(Term.starts_on))
        .where(Term.body_id.in_(ids)).group_by(Term.body_id))}
    found = []
    for body, modified in rows:
        item = {**_base("organization", "Organization", body.id, body.created_at, modified),
                "body": body_url(), "name": body.name,
                "organizationType": "Gremium",
                "classification": _german(BODY_KINDS.get(body.kind, body.kind)),  # type: ignore[call-overload]
                "meeting": url_for("oparl.organization_meetings", object_id=body.id,
                                   _external=True),
                "web": url_for("council.body", body_id=body.id, _external=True)}
        if body.short_name:
            item["shortName"] = body.short_name
        if members[body.id]:
            item["membership"] = [url("membership", m) for m in members[body.id]]
        if body.id in starts:
            item["startDate"] = day(starts[body.id])
        found.append(item)
    return found


def terms(session: Session, rows: list[Any]) -> list[dict[str, Any]]:
    names = {body_id: name for body_id, name in session.execute(
        select(Body.id, Body.name).where(Body.id.in_({row[0].body_id for row in rows})))}
    return [{**_base("legislativeTerm", "LegislativeTerm", term.id, term.created_at, modified),
             "body": body_url(),
             "name": f"{names.get(term.body_id, '')}: Amtszeit {term.starts_on.year}–"
                     f"{term.ends_on.year}",
             "startDate": day(term.starts_on), "endDate": day(term.ends_on)}
            for term, modified in rows]


def omit_internal() -> bool:
    """The client asked to leave out the internal lists (`omit_internal=true`, spec 2.5):
    a person's memberships, a meeting's agenda items and files, an agenda item's files."""
    return has_request_context() and request.args.get("omit_internal") == "true"


def persons(session: Session, rows: list[Any]) -> list[dict[str, Any]]:
    mine: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row, modified in [] if omit_internal() else queries.public_rows(
            session, queries.MEMBERSHIP, Membership.person_id.in_(_ids(rows))):
        mine[row.person_id].append(membership(row, modified))
    found = []
    for person, modified in rows:
        item = {**_base("person", "Person", person.id, person.created_at, modified),
                "body": body_url(), "name": person.name}
        if person.form_of_address:
            item["formOfAddress"] = person.form_of_address
        if mine[person.id]:
            item["membership"] = mine[person.id]
        found.append(item)
    return found


# --- meetings ----------------------------------------------------------------------------------


def place_description(place: Place) -> str:
    """What a person needs to know to get there and in, in German."""
    with force_locale("de"):
        facts = [str(label) for name, label in PLACE_FACTS.items() if getattr(place, name)]
        parts = [place.name]
        if facts:
            parts.append("Barrierefreiheit: " + ", ".join(facts))
        else:
            parts.append("Barrierefreiheit: keine Angaben zu stufenlosem Zugang")
        if place.accessibility_notes:
            parts.append("Hinweise: " + place.accessibility_notes.strip())
        if place.nearest_stop:
            parts.append("Nächste Haltestelle: " + place.nearest_stop)
        if place.parking:
            parts.append("Parken: " + place.parking)
    return ". ".join(part.rstrip(".") for part in parts) + "."


def location(place: Place, modified: datetime) -> dict[str, Any]:
    item = {**_base("location", "Location", place.id, place.created_at, modified),
            "description": place_description(place)}
    for key, value in (("streetAddress", place.street), ("postalCode", place.postal_code),
                       ("locality", place.city), ("room", place.room)):
        if value:
            item[key] = value
    return item


def locations(session: Session, rows: list[Any]) -> list[dict[str, Any]]:
    return [location(place, modified) for place, modified in rows]


def file_name(document: Document) -> str:
    extension = TYPES.get(document.mime_type, ("", "bin"))[1]
    stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in document.title).strip("_")
    return f"{stem or 'dokument'}.{extension}"


def file(document: Document, modified: datetime, derivatives: list[int]) -> dict[str, Any]:
    item = {**_base("file", "File", document.id, document.created_at, modified),
            "name": document.title, "fileName": file_name(document),
            "mimeType": document.mime_type, "size": document.size,
            "date": day(clock.local(document.created_at).date()),
            "accessUrl": url_for("oparl.file_access", object_id=document.id, _external=True),
            "downloadUrl": url_for("oparl.file_download", object_id=document.id,
                                   _external=True),
            "meeting": [url("meeting", document.meeting_id)]}
    if document.sha512:
        item["sha512Checksum"] = document.sha512
    if document.agenda_item_id:
        item["agendaItem"] = [url("agendaItem", document.agenda_item_id)]
    if document.alternative_of_id:
        item["masterFile"] = url("file", document.alternative_of_id)
    if derivatives:
        item["derivativeFile"] = [url("file", d) for d in derivatives]
    return item


def _derivatives(pairs: Any) -> dict[int, list[int]]:
    found: dict[int, list[int]] = defaultdict(list)
    for derivative, original in pairs:
        if original is not None:
            found[original].append(derivative)
    return found


def files(session: Session, rows: list[Any]) -> list[dict[str, Any]]:
    derivatives = _derivatives(session.execute(
        select(Document.id, Document.alternative_of_id)
        .where(Document.alternative_of_id.in_(_ids(rows)), queries.document_public())
        .order_by(Document.id)))
    return [file(document, modified, derivatives[document.id]) for document, modified in rows]


def _meeting_files(session: Session, where: Any) -> tuple[list[Any], dict[int, list[int]]]:
    rows = queries.public_rows(session, queries.FILE, where)
    return rows, _derivatives((d.id, d.alternative_of_id) for d, _ in rows)


def _results_provider() -> Any:
    return current_app.config.get("OPARL_RESULTS_PROVIDER")


def agenda_items(session: Session, rows: list[Any],
                 documents: tuple[list[Any], dict[int, list[int]]] | None = None
                 ) -> list[dict[str, Any]]:
    ids = _ids(rows)
    if omit_internal():
        documents = ([], {})
    documents = documents or _meeting_files(session, Document.agenda_item_id.in_(ids))
    attached: dict[int, list[dict[str, Any]]] = defaultdict(list)
    document_rows, derivatives = documents
    for document, modified in document_rows:
        if document.agenda_item_id is not None and document.alternative_of_id is None:
            attached[document.agenda_item_id].append(
                file(document, modified, derivatives[document.id]))
    results = hooks.agenda_item_results(session, ids, _results_provider())
    found = []
    for row, modified in rows:
        item = {**_base("agendaItem", "AgendaItem", row.id, row.created_at, modified),
                "meeting": url("meeting", row.meeting_id), "number": str(row.position),
                "order": row.position, "name": row.title, "public": True,
                "web": url_for("meetings.detail", meeting_id=row.meeting_id, _external=True),
                **results.get(row.id, {})}
        if attached[row.id]:
            item["auxiliaryFile"] = attached[row.id]
        found.append(item)
    return found


def meetings(session: Session, rows: list[Any]) -> list[dict[str, Any]]:
    ids = _ids(rows)
    places = {place.id: location(place, modified) for place, modified in queries.public_rows(
        session, queries.LOCATION, Place.id.in_({m.place_id for m, _ in rows if m.place_id}))}
    items: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if omit_internal():
        documents: tuple[list[Any], dict[int, list[int]]] = ([], {})
        item_rows: list[Any] = []
    else:
        documents = _meeting_files(session, Document.meeting_id.in_(ids))
        item_rows = queries.public_rows(session, queries.AGENDA_ITEM,
                                        AgendaItem.meeting_id.in_(ids),
                                        order=(AgendaItem.meeting_id, AgendaItem.position))
    for row, data in zip(item_rows, agenda_items(session, item_rows, documents), strict=True):
        items[row[0].meeting_id].append(data)
    auxiliary: dict[int, list[dict[str, Any]]] = defaultdict(list)
    document_rows, derivatives = documents
    for document, modified in document_rows:
        if document.agenda_item_id is None and document.alternative_of_id is None:
            auxiliary[document.meeting_id].append(
                file(document, modified, derivatives[document.id]))
    found = []
    for meeting, modified in rows:
        item = {**_base("meeting", "Meeting", meeting.id, meeting.created_at, modified),
                "name": meeting.title,
                "meetingState": MEETING_STATES.get(meeting.status, meeting.status),
                "cancelled": meeting.status == MeetingStatus.CANCELLED.value,
                "start": moment(meeting.starts_at), "end": moment(meeting.ends_at),
                "web": url_for("meetings.detail", meeting_id=meeting.id, _external=True)}
        if meeting.place_id in places:
            item["location"] = places[meeting.place_id]
        if meeting.body_id:
            item["organization"] = [url("organization", meeting.body_id)]
        if items[meeting.id]:
            item["agendaItem"] = items[meeting.id]
        if auxiliary[meeting.id]:
            item["auxiliaryFile"] = auxiliary[meeting.id]
        found.append(item)
    return found


SERIALIZERS: dict[str, Callable[[Session, list[Any]], list[dict[str, Any]]]] = {
    "organization": organizations, "legislativeTerm": terms, "person": persons,
    "membership": memberships, "meeting": meetings, "agendaItem": agenda_items, "file": files,
    "location": locations,
}


def objects(session: Session, kind: Kind, entries: list[Entry]) -> list[dict[str, Any]]:
    """The objects of `entries`, in their order: public ones in full, the others as deleted."""
    public = [e for e in entries if not e.deleted]
    if all(e.row is not None for e in public):  # loaded with the page
        rows = [(e.row, e.modified) for e in sorted(public, key=lambda e: e.id)]
    else:
        rows = queries.public_rows(session, kind, kind.id.in_([e.id for e in public]))
    full = dict(zip((row[0].id for row in rows), SERIALIZERS[kind.name](session, rows),
                    strict=True))
    return [full[e.id] if e.id in full else stub(kind, e) for e in entries]


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

