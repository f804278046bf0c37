"""Demo data of this domain: two places (the Kreishaus and a place in Kamen), a past and an
upcoming meeting of the Lenkungsgruppe, an upcoming hybrid Arbeitstreffen of the network, and an
upcoming meeting of the Inklusionsbeirat with agenda, documents, answers and support requests, so
the logistics page shows real totals and one place that lacks what invitees need. Persons are
the invented ones of the other domains."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import clock
from ..council.memberships import MembershipData, save_membership
from ..council.models import Body, BodyKind
from ..council.services import save_term
from ..people.models import Person
from ..people.services import save_person
from .agenda import DocumentData, ItemData, add_document, add_item
from .answers import give_answer, save_support_request
from .invitees import add_guest
from .logistics import save_booking
from .models import Invitee, Meeting, MeetingStatus
from .places import save_place
from .services import MeetingData, create_meeting, send_invitations

KREISHAUS = {
    "name": "Kreishaus Unna", "street": "Friedrich-Ebert-Straße 17", "postal_code": "59425",
    "city": "Unna", "room": "Sitzungssaal (Erdgeschoss)",
    "nearest_stop": "Unna Bahnhof, etwa 10 Minuten zu Fuß; Bushaltestelle Kreishaus direkt vor "
                    "dem Eingang",
    "parking": "Parkplatz am Kreishaus, zwei Behindertenparkplätze am Haupteingang",
    "step_free_entrance": True, "lift": True, "accessible_toilet": True,
    "accessible_parking": True, "assistant_seats": True,
    "accessibility_notes": "Eine mobile Induktionsschleife kann bestellt werden (Demo-Angabe).",
}
KAMEN = {
    "name": "Bürgerhaus Kamen (erfunden)", "street": "Beispielstraße 5", "postal_code": "59174",
    "city": "Kamen", "room": "Saal im 1. Obergeschoss",
    "nearest_stop": "Kamen Markt, etwa 3 Minuten zu Fuß",
    "parking": "Öffentlicher Parkplatz hinter dem Haus",
    "accessible_toilet": True, "induction_loop": True, "quiet_room": True,
    "accessibility_notes": "Altbau: drei Stufen am Eingang, kein Aufzug (Demo-Angabe).",
}


def demo_pdf(title: str) -> bytes:
    """A minimal valid one-page PDF with `title` as its text."""
    text = title.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 18 Tf 72 720 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
              "%%EOF\n".encode())
    return out.getvalue()


def _data(title: str, body: Body | None, days: int, start: str, end: str, place: Any,
          **extra: Any) -> MeetingData:
    day = clock.today() + timedelta(days=days)
    return MeetingData(title=title, body_id=body.id if body else None,
                       kind=extra.pop("kind", "session"), starts_on=day, start_time=start,
                       ends_on=None, end_time=end, format=extra.pop("format", "in_person"),
                       place_id=place.id if place else None, **extra)


def _person(session: Session, name: str) -> Person:
    person = session.scalar(select(Person).where(Person.name == name))
    assert person is not None, name
    return person


def _invitee(session: Session, meeting: Meeting, name: str) -> Invitee:
    row = session.scalar(select(Invitee).join(Person, Invitee.person_id == Person.id).where(
        Invitee.meeting_id == meeting.id, Person.name == name))
    assert row is not None, name
    return row


def seed(session: Session, users: dict[str, Any]) -> list[tuple[str, str, str]]:
    officer = users["officer"]
    bodies = {b.kind: b for b in session.scalars(select(Body))}
    kreishaus = save_place(session, None, KREISHAUS, actor=officer)
    kamen = save_place(session, None, KAMEN, actor=officer)

    steering = bodies[BodyKind.STEERING_GROUP]
    _steering_members(session, steering, officer)
    past = create_meeting(session, _data(
        "Lenkungsgruppe: Rückblick und Ziele", steering, -75, "10:00", "12:30", kreishaus,
        component="structure"), actor=officer)
    for text in ("Bericht der Kreisinklusionsbeauftragten", "Stand der Meilensteine",
                 "Verschiedenes"):
        add_item(session, past, ItemData(title=text), actor=officer)
    for name in ("Anna Beispiel (erfunden)", "Hanna Skizze (erfunden)"):
        add_guest(session, past, _person(session, name), actor=officer)
    past.status, past.invited_at = MeetingStatus.HELD.value, past.starts_at - timedelta(days=25)

    create_meeting(session, _data(
        "Lenkungsgruppe: Fortschritt der Vereinbarung", steering, 60, "10:00", "12:30",
        kreishaus, component="structure"), actor=officer)

    network = bodies[BodyKind.FACILITATOR_NETWORK]
    meeting = create_meeting(session, _data(
        "Arbeitstreffen der Partizipationsbegleiter*innen", network, 30, "14:00", "16:30",
        kreishaus, kind="working_meeting", format="hybrid",
        join_url="https://konferenz.example.org/netzwerk-unna",
        join_details="Einwahl per Telefon: 0000 000000, Konferenznummer 1234 (Demo-Angabe)",
        component="culture"), actor=officer)
    add_item(session, meeting, ItemData(title="Austausch aus den Kommunen"), actor=officer)
    add_item(session, meeting, ItemData(title="Schulungsangebote 2027"), actor=officer)
    send_invitations(session, meeting, actor=officer)

    _council_meeting(session, bodies[BodyKind.ADVISORY_COUNCIL], kamen, users)
    session.flush()
    return []


# The steering group: self-advocates of the council (one with a personal deputy) and invented
# decision makers from politics and administration.
STEERING = [
    ("Max Muster (erfunden)", "chair", None),
    ("Georg Skizzenmann (erfunden)", "deputy", "Max Muster (erfunden)"),
    ("Clara Probe (erfunden)", "member", None),
    ("Dr. Rita Beispiel (erfundene Vertreterin des Landrats)", "member", None),
    ("Tom Vorlage (erfundener Kreistagsabgeordneter)", "member", None),
]


def _steering_members(session: Session, body: Body, officer: Any) -> None:
    start = clock.today().replace(month=1, day=1)
    term = save_term(session, body, None, starts_on=start,
                     ends_on=start.replace(year=start.year + 5) - timedelta(days=1),
                     actor=officer)
    memberships: dict[str, Any] = {}
    for name, role, deputy_of in STEERING:
        person = session.scalar(select(Person).where(Person.name == name))
        if person is None:
            person = save_person(session, None, {"name": name, "is_listed": True,
                                                 "email": None}, actor=officer, today=start)
        memberships[name] = save_membership(session, body, None, MembershipData(
            person_id=person.id, term_id=term.id, role=role, has_vote=True, starts_on=start,
            deputy_for_id=memberships[deputy_of].id if deputy_of else None), actor=officer)


def _council_meeting(session: Session, council: Body, place: Any, users: dict[str, Any]) -> None:
    officer = users["officer"]
    meeting = create_meeting(session, _data(
        "Sitzung des Inklusionsbeirats", council, 21, "17:00", "19:30", place,
        component="activity"), actor=officer)
    add_item(session, meeting, ItemData(
        title="Barrierefreiheit der Bushaltestellen im Kreis",
        presenter="Anna Beispiel (erfunden)",
        description_html="<p>Bericht über die Begehung von zehn Haltestellen.</p>",
        easy_language_summary="Wir sprechen über Bus·haltestellen.\n"
                              "Viele Haltestellen haben noch Stufen."), actor=officer)
    closed = add_item(session, meeting, ItemData(
        title="Personalangelegenheit der Geschäftsstelle", is_public=False), actor=officer)
    add_item(session, meeting, ItemData(title="Verschiedenes"), actor=officer)
    invitation = add_document(session, meeting, DocumentData(title="Einladung"),
                              io.BytesIO(demo_pdf("Einladung zur Sitzung des Inklusionsbeirats")),
                              actor=officer)
    add_document(session, meeting, DocumentData(
        title="Einladung in Leichter Sprache", alternative_of_id=invitation.id,
        alternative_kind="easy_language"),
        io.BytesIO(demo_pdf("Einladung in Leichter Sprache")), actor=officer)
    add_document(session, meeting, DocumentData(
        title="Vermerk zur Personalangelegenheit", agenda_item_id=closed.id, is_public=False),
        io.BytesIO(demo_pdf("Vermerk (nicht oeffentlich)")), actor=officer)
    send_invitations(session, meeting, actor=officer)

    answers = [
        ("Max Muster (erfunden)", "attending", ["step_free", "easy_language"]),
        ("Clara Probe (erfunden)", "attending", ["sign_language", "induction_loop"]),
        ("Dilek Testfrau (erfunden)", "attending", ["step_free", "sign_language"]),
        ("Bernd Muster (erfunden)", "not_attending", []),
        ("Anna Beispiel (erfunden)", "not_attending", []),
    ]
    for name, answer, needs in answers:
        invitee = _invitee(session, meeting, name)
        give_answer(session, invitee, answer, actor=officer)
        if needs:
            save_support_request(session, invitee, needs=needs, other_details="",
                                 consented=True, actor=officer)
    save_booking(session, meeting, "sign_language",
                 booked_with="Dolmetschdienst Westfalen (erfunden)", is_confirmed=True,
                 note="Zwei Dolmetscherinnen, Auftrag vom Büro bestätigt (Demo)", actor=officer)
