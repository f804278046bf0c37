"""The OParl tests' data: a public advisory council with a listed and an unlisted member, a
hidden working group, public and non-public meetings, agenda items and documents."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from partizipation.meetings.models import Document
from tests.council.factories import create_body, create_membership, create_person, create_term
from tests.meetings.factories import create_item, create_meeting, create_place

BASE = "http://localhost/oparl/v1.1"
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture()
def app_config(tmp_path: Path) -> dict[str, Any]:
    return {"UPLOAD_FOLDER": str(tmp_path)}


def add_document(session: Session, folder: Path, meeting: Any, title: str, *,
                 item: Any = None, original: Any = None, public: bool = True) -> Document:
    content = PDF + title.encode()
    name = f"{secrets.token_hex(8)}.pdf"
    (folder / "meetings").mkdir(parents=True, exist_ok=True)
    (folder / "meetings" / name).write_bytes(content)
    document = Document(
        meeting_id=meeting.id, agenda_item_id=item.id if item else None,
        alternative_of_id=original.id if original else None,
        alternative_kind="easy_language" if original else None, title=title, is_public=public,
        stored_name=name, mime_type="application/pdf", size=len(content),
        sha256=hashlib.sha256(content).hexdigest(), sha512=hashlib.sha512(content).hexdigest())
    session.add(document)
    session.flush()
    return document


@dataclass
class World:
    council: Any
    hidden_body: Any
    listed: Any
    unlisted: Any
    withdrawing: Any
    hidden_member: Any
    place: Any
    meeting: Any
    public_item: Any
    closed_item: Any
    invitation: Any
    easy_invitation: Any
    internal_note: Any
    closed_note: Any
    planned: Any
    closed_meeting: Any
    hidden_body_meeting: Any

    # What must never appear anywhere in the API.
    @property
    def secrets(self) -> list[str]:
        return ["Ulla Ungelistet", "Hanna Verborgen", "Geheimer Arbeitskreis",
                "Nichtöffentliche Personalsache", "Interner Vermerk", "Vermerk zur Personalsache",
                "Geplante Sitzung", "Nichtöffentliche Sitzung", "Sitzung des Arbeitskreises",
                "@example.org", "0230"]


@pytest.fixture()
def world(db_session: Session, tmp_path: Path) -> World:
    council = create_body(db_session, name="Inklusionsbeirat Test", short_name="Beirat")
    term = create_term(db_session, council)
    listed = create_person(db_session, name="Lea Gelistet", form_of_address="Frau")
    unlisted = create_person(db_session, name="Ulla Ungelistet", listed=False)
    withdrawing = create_person(db_session, name="Wilma Widerruf")
    create_membership(db_session, term, listed, role="chair")
    create_membership(db_session, term, unlisted)
    create_membership(db_session, term, withdrawing, has_vote=False, role="advisory_member")
    hidden_body = create_body(db_session, name="Geheimer Arbeitskreis", is_public=False,
                              kind="working_group")
    hidden_term = create_term(db_session, hidden_body)
    hidden_member = create_person(db_session, name="Hanna Verborgen")
    create_membership(db_session, hidden_term, hidden_member)
    place = create_place(db_session, name="Kreishaus Unna", step_free_entrance=True, lift=True,
                         accessibility_notes="Induktionsschleife im Saal.")
    meeting = create_meeting(db_session, council, title="Sitzung des Beirats", status="invited",
                             place_id=place.id, format="in_person")
    public_item = create_item(db_session, meeting, title="Bericht der Geschäftsstelle")
    closed_item = create_item(db_session, meeting, title="Nichtöffentliche Personalsache",
                              is_public=False)
    invitation = add_document(db_session, tmp_path, meeting, "Einladung")
    easy_invitation = add_document(db_session, tmp_path, meeting, "Einladung in Leichter Sprache",
                                   original=invitation)
    internal_note = add_document(db_session, tmp_path, meeting, "Interner Vermerk",
                                 public=False)
    closed_note = add_document(db_session, tmp_path, meeting, "Vermerk zur Personalsache",
                               item=closed_item)
    add_document(db_session, tmp_path, meeting, "Vorlage zum Bericht", item=public_item)
    planned = create_meeting(db_session, council, title="Geplante Sitzung", status="planned")
    closed_meeting = create_meeting(db_session, council, title="Nichtöffentliche Sitzung",
                                    status="invited", is_public=False)
    hidden_body_meeting = create_meeting(db_session, hidden_body,
                                         title="Sitzung des Arbeitskreises", status="invited")
    create_item(db_session, closed_meeting, title="Nichtöffentliche Personalsache")
    return World(council, hidden_body, listed, unlisted, withdrawing, hidden_member, place,
                 meeting, public_item, closed_item, invitation, easy_invitation, internal_note,
                 closed_note, planned, closed_meeting, hidden_body_meeting)
