"""Services of the meeting's life: create with invitees, rules on bad input, sending once, late
invitations, moving, cancelling, held; agenda order; documents checked by content."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from partizipation import clock
from partizipation.council.models import Membership
from partizipation.domain import DomainError
from partizipation.mail.models import OutboxMessage
from partizipation.meetings import agenda as agenda_service
from partizipation.meetings.demo import demo_pdf
from partizipation.meetings.models import Document, Invitee, Meeting
from partizipation.meetings.services import (
    LateError,
    MeetingData,
    cancel_meeting,
    create_meeting,
    mark_held,
    send_invitations,
    update_meeting,
)
from tests.council.factories import create_body
from tests.facilitators.factories import create_facilitator
from tests.municipalities.factories import create_municipality

from .factories import create_meeting as make_meeting

pytestmark = pytest.mark.usefixtures("ctx")


def data(cast, **changes):
    values = dict(title="Sitzung des Beirats", body_id=cast.council.id, kind="session",
                  starts_on=clock.today() + timedelta(days=30), start_time="17:00",
                  ends_on=None, end_time="19:00", format="in_person", place_id=cast.place.id)
    values.update(changes)
    return MeetingData(**values)


def outbox(db_session):
    return list(db_session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def test_a_new_meeting_invites_the_current_members_with_their_role_but_not_deputies(
        db_session, cast):
    meeting = create_meeting(db_session, data(cast), actor=cast.user("officer"))
    rows = {i.person_id: i for i in db_session.scalars(
        select(Invitee).where(Invitee.meeting_id == meeting.id))}
    assert set(rows) == {cast.persons["invited"].id, cast.persons["plain"].id}
    assert rows[cast.persons["invited"].id].role == "member"
    assert rows[cast.persons["invited"].id].has_vote is True
    assert meeting.status == "planned" and meeting.uid.endswith("@example.org")
    # Stored in UTC, typed in Berlin time.
    assert clock.local(meeting.starts_at).strftime("%H:%M") == "17:00"


def test_the_network_invites_the_active_facilitators_without_copying_them(db_session, cast):
    network = create_body(db_session, name="Netzwerk", kind="facilitator_network")
    town = create_municipality(db_session, "Selm", ags="05978032")
    create_facilitator(db_session, town, "proposed")
    ended = create_facilitator(db_session, town, "ended")
    memberships = db_session.scalar(select(func.count()).select_from(Membership))
    meeting = create_meeting(db_session, data(cast, body_id=network.id, kind="working_meeting"),
                             actor=cast.user("officer"))
    invited = set(db_session.scalars(select(Invitee.person_id).where(
        Invitee.meeting_id == meeting.id)))
    assert invited == {cast.persons["facilitator"].id}
    assert ended.person_id not in invited
    assert db_session.scalar(select(func.count()).select_from(Membership)) == memberships


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"end_time": "16:00"}, "end_time", "Das Ende muss nach dem Beginn liegen"),
    ({"ends_on": clock.today(), "end_time": "20:00"}, "ends_on", "Das Ende muss nach dem Beginn"),
    ({"place_id": None}, "place_id", "braucht einen"),
    ({"format": "online", "join_url": "http://meet.example.org/x"}, "join_url", "https://"),
    ({"format": "online", "join_url": "https:// x"}, "join_url", "https://"),
    ({"body_id": None}, "kind", "ohne Gremium ist eine Veranstaltung"),
    ({"support_deadline_on": clock.today() + timedelta(days=40)}, "support_deadline_on",
     "am Tag der Sitzung"),
])
def test_bad_input_is_refused_at_its_field_and_nothing_is_saved(db_session, cast, changes, field,
                                                                words):
    before = db_session.scalar(select(func.count()).select_from(Meeting))
    with pytest.raises(DomainError) as error:
        create_meeting(db_session, data(cast, **changes), actor=cast.user("officer"))
    assert error.value.field == field
    assert words in str(error.value)
    assert db_session.scalar(select(func.count()).select_from(Meeting)) == before


def test_an_online_event_needs_no_place_nor_body(db_session, cast):
    meeting = create_meeting(db_session, data(cast, body_id=None, kind="training",
                                              format="online", place_id=None,
                                              join_url="https://meet.example.org/schulung"),
                             actor=cast.user("officer"))
    assert meeting.place_id is None and meeting.body_id is None


def test_invitations_go_out_once_with_a_calendar_entry_each(db_session, cast):
    meeting = create_meeting(db_session, data(cast), actor=cast.user("officer"))
    sent = send_invitations(db_session, meeting, actor=cast.user("officer"))
    # Paul has no email address: two invitees, one mail.
    assert sent == 1
    messages = outbox(db_session)
    assert [m.to_address for m in messages] == ["invited@example.org"]
    assert messages[0].subject.startswith("Einladung: Sitzung des Beirats")
    assert messages[0].attachments[0].content_type.startswith("text/calendar")
    assert b"METHOD:REQUEST" in messages[0].attachments[0].content
    assert meeting.status == "invited" and meeting.invited_late is False
    with pytest.raises(DomainError, match="schon verschickt"):
        send_invitations(db_session, meeting, actor=cast.user("officer"))
    assert len(outbox(db_session)) == 1


def test_late_invitations_need_confirmation_and_are_recorded_as_late(db_session, cast):
    meeting = create_meeting(db_session, data(cast, starts_on=clock.today() + timedelta(days=5)),
                             actor=cast.user("officer"))
    with pytest.raises(LateError) as error:
        send_invitations(db_session, meeting, actor=cast.user("officer"))
    assert error.value.field == "confirm_late"
    assert "Ladungsfrist von 14 Tagen" in str(error.value)
    assert meeting.status == "planned" and outbox(db_session) == []
    send_invitations(db_session, meeting, actor=cast.user("officer"), confirm_late=True)
    assert meeting.invited_late is True


def test_moving_a_sent_meeting_tells_every_invitee_and_raises_the_sequence(db_session, cast):
    meeting = create_meeting(db_session, data(cast), actor=cast.user("officer"))
    update_meeting(db_session, meeting, data(cast, title="Neuer Titel"), actor=cast.user("officer"))
    assert outbox(db_session) == []  # not sent yet: nobody to tell
    send_invitations(db_session, meeting, actor=cast.user("officer"))
    sequence = meeting.sequence
    told = update_meeting(db_session, meeting, data(cast, title="Neuer Titel", start_time="18:00",
                                                    end_time="20:00"),
                          actor=cast.user("officer"))
    assert told is True and meeting.sequence == sequence + 1
    changed = outbox(db_session)[-1]
    assert changed.subject.startswith("Geändert: Neuer Titel")
    assert b"SEQUENCE:" + str(meeting.sequence).encode() in changed.attachments[0].content


def test_cancelling_needs_a_reason_and_tells_the_invitees_with_method_cancel(db_session, cast):
    meeting = create_meeting(db_session, data(cast), actor=cast.user("officer"))
    send_invitations(db_session, meeting, actor=cast.user("officer"))
    with pytest.raises(DomainError) as error:
        cancel_meeting(db_session, meeting, reason="  ", actor=cast.user("officer"))
    assert error.value.field == "reason"
    cancel_meeting(db_session, meeting, reason="Der Saal ist nicht frei.",
                   actor=cast.user("officer"))
    assert meeting.status == "cancelled"
    message = outbox(db_session)[-1]
    assert message.subject.startswith("Abgesagt:")
    assert "Der Saal ist nicht frei." in message.body_text
    assert b"METHOD:CANCEL" in message.attachments[0].content
    assert b"STATUS:CANCELLED" in message.attachments[0].content
    with pytest.raises(DomainError, match="nicht mehr offen"):
        cancel_meeting(db_session, meeting, reason="Noch einmal", actor=cast.user("officer"))


def test_a_meeting_is_marked_held_only_after_it_started(db_session, cast):
    meeting = create_meeting(db_session, data(cast), actor=cast.user("officer"))
    send_invitations(db_session, meeting, actor=cast.user("officer"))
    with pytest.raises(DomainError, match="noch nicht begonnen"):
        mark_held(db_session, meeting, actor=cast.user("officer"))
    with clock.freeze(meeting.starts_at + timedelta(minutes=5)):
        mark_held(db_session, meeting, actor=cast.user("officer"))
    assert meeting.status == "held"


def test_agenda_items_move_with_clear_messages_at_the_ends(db_session, cast):
    meeting = make_meeting(db_session, cast.council)
    officer = cast.user("officer")
    first, second, third = (agenda_service.add_item(
        db_session, meeting, agenda_service.ItemData(title=t), actor=officer)
        for t in ("Begrüßung", "Haushalt", "Verschiedenes"))
    with pytest.raises(DomainError, match="TOP 1 ist schon der erste Punkt"):
        agenda_service.move_item(db_session, first, -1, actor=officer)
    with pytest.raises(DomainError, match="TOP 3 ist schon der letzte Punkt"):
        agenda_service.move_item(db_session, third, 1, actor=officer)
    agenda_service.move_item(db_session, third, -1, actor=officer)
    assert (second.position, third.position) == (3, 2)
    agenda_service.delete_item(db_session, first, actor=officer)
    db_session.flush()
    assert (third.position, second.position) == (1, 2)


def test_item_descriptions_are_sanitized(db_session, cast):
    meeting = make_meeting(db_session, cast.council)
    item = agenda_service.add_item(db_session, meeting, agenda_service.ItemData(
        title="X", description_html='<p onclick="x()">Hallo<script>alert(1)</script></p>'),
        actor=cast.user("officer"))
    assert item.description_html == "<p>Halloalert(1)</p>"


@pytest.fixture()
def app_config(tmp_path):
    return {"UPLOAD_FOLDER": str(tmp_path), "MEETING_DOCUMENT_MAX_BYTES": 2048}


@pytest.mark.parametrize(("content", "words"), [
    (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" * 4, "keinen zugelassenen Typ"),
    (b"", "Die Datei ist leer"),
    (b"%PDF-1.4\n" + b"x" * 3000, "größer als 2 KB"),
])
def test_documents_are_checked_by_content_size_and_nothing_is_half_saved(db_session, cast,
                                                                        tmp_path, content, words):
    meeting = make_meeting(db_session, cast.council)
    with pytest.raises(DomainError) as error:
        agenda_service.add_document(db_session, meeting, agenda_service.DocumentData(
            title="Einladung"), io.BytesIO(content), actor=cast.user("officer"))
    assert words in str(error.value) and error.value.field == "file"
    assert db_session.scalar(select(func.count()).select_from(Document)) == 0
    assert not list((tmp_path / "meetings").glob("*")) if (tmp_path / "meetings").exists() \
        else True


def test_a_document_and_its_easy_language_version(db_session, cast, tmp_path):
    meeting = make_meeting(db_session, cast.council)
    officer = cast.user("officer")
    original = agenda_service.add_document(
        db_session, meeting, agenda_service.DocumentData(title="Einladung"),
        io.BytesIO(demo_pdf("Einladung")), actor=officer)
    assert original.mime_type == "application/pdf" and len(original.sha256) == 64
    assert (tmp_path / "meetings" / original.stored_name).exists()
    assert original.stored_name.endswith(".pdf") and "Einladung" not in original.stored_name
    with pytest.raises(DomainError) as error:
        agenda_service.add_document(db_session, meeting, agenda_service.DocumentData(
            title="Leicht", alternative_of_id=original.id), io.BytesIO(demo_pdf("x")),
            actor=officer)
    assert error.value.field == "alternative_kind"
    easy = agenda_service.add_document(db_session, meeting, agenda_service.DocumentData(
        title="Einladung in Leichter Sprache", alternative_of_id=original.id,
        alternative_kind="easy_language"), io.BytesIO(demo_pdf("Leicht")), actor=officer)
    files = agenda_service.delete_document(db_session, original, actor=officer)
    assert set(files) == {original.stored_name, easy.stored_name}
    assert db_session.scalar(select(func.count()).select_from(Document)) == 0
