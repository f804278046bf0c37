"""Answers with personal deputies, support requests under consent, and the logistics that
count them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from partizipation import clock
from partizipation.council.models import ConsentPurpose, SupportConsent
from partizipation.council.support import withdraw_consent
from partizipation.domain import DomainError
from partizipation.mail.models import OutboxMessage
from partizipation.meetings.answers import give_answer, save_support_request
from partizipation.meetings.logistics import logistics, people_for, remind_open, save_booking
from partizipation.meetings.models import Invitee, SupportRequest
from partizipation.meetings.services import MeetingData, create_meeting, send_invitations

pytestmark = pytest.mark.usefixtures("ctx")


@pytest.fixture()
def meeting(db_session, cast):
    data = MeetingData(title="Beiratssitzung", body_id=cast.council.id, kind="session",
                       starts_on=clock.today() + timedelta(days=30), start_time="17:00",
                       ends_on=None, end_time="19:00", format="in_person",
                       place_id=cast.place.id)
    meeting = create_meeting(db_session, data, actor=cast.user("officer"))
    send_invitations(db_session, meeting, actor=cast.user("officer"))
    return meeting


def invitee_of(db_session, meeting, person):
    return db_session.scalar(select(Invitee).where(Invitee.meeting_id == meeting.id,
                                                   Invitee.person_id == person.id))


def mails_to(db_session, address):
    return list(db_session.scalars(select(OutboxMessage).where(
        OutboxMessage.to_address == address).order_by(OutboxMessage.id)))


def test_not_attending_invites_the_personal_deputy_who_answers_for_themselves(
        db_session, cast, meeting):
    mara = invitee_of(db_session, meeting, cast.persons["invited"])
    deputy = give_answer(db_session, mara, "not_attending", actor=cast.user("invited"))
    assert deputy is not None and deputy.person_id == cast.persons["deputy"].id
    assert deputy.deputy_for_id == mara.id and deputy.has_vote is True
    mail = mails_to(db_session, "deputy@example.org")
    assert len(mail) == 1 and mail[0].subject.startswith("Bitte um Vertretung:")
    assert "Mara Mitglied kann nicht an der Sitzung" in mail[0].body_text
    # The deputy answers for themselves (no "my deputy attends" for a deputy).
    with pytest.raises(DomainError):
        give_answer(db_session, deputy, "deputy_attends", actor=cast.user("deputy"))
    give_answer(db_session, deputy, "attending", actor=cast.user("deputy"))
    assert deputy.answer == "attending"
    # Answering again does not invite the deputy a second time.
    give_answer(db_session, mara, "deputy_attends", actor=cast.user("invited"))
    assert len(mails_to(db_session, "deputy@example.org")) == 1


def test_coming_after_all_releases_the_deputy_by_mail(db_session, cast, meeting):
    mara = invitee_of(db_session, meeting, cast.persons["invited"])
    give_answer(db_session, mara, "not_attending", actor=cast.user("invited"))
    give_answer(db_session, mara, "attending", actor=cast.user("invited"))
    assert invitee_of(db_session, meeting, cast.persons["deputy"]) is None
    release = mails_to(db_session, "deputy@example.org")[-1]
    assert release.subject.startswith("Vertretung nicht mehr nötig")
    assert b"METHOD:CANCEL" in release.attachments[0].content


def test_a_member_without_a_deputy_cannot_send_one(db_session, cast, meeting):
    paul = invitee_of(db_session, meeting, cast.persons["plain"])
    with pytest.raises(DomainError) as error:
        give_answer(db_session, paul, "deputy_attends", actor=cast.user("officer"))
    assert error.value.field == "answer"


def test_no_answer_once_the_meeting_started(db_session, cast, meeting):
    mara = invitee_of(db_session, meeting, cast.persons["invited"])
    with clock.freeze(meeting.starts_at + timedelta(seconds=1)), \
            pytest.raises(DomainError, match="schon begonnen"):
        give_answer(db_session, mara, "attending", actor=cast.user("invited"))
    assert mara.answer == "open"


def test_support_is_stored_only_with_consent_and_deleted_with_it(db_session, cast, meeting):
    mara = invitee_of(db_session, meeting, cast.persons["invited"])
    with pytest.raises(DomainError) as error:
        save_support_request(db_session, mara, needs=["sign_language"], other_details="",
                             consented=False, actor=cast.user("invited"))
    assert error.value.field == "consent"
    assert db_session.scalar(select(func.count()).select_from(SupportRequest)) == 0
    save_support_request(db_session, mara, needs=["sign_language", "braille", "nonsense"],
                         other_details="", consented=True, actor=cast.user("invited"))
    kinds = set(db_session.scalars(select(SupportRequest.kind)))
    assert kinds == {"sign_language", "braille"}
    row = db_session.scalar(select(SupportConsent).where(
        SupportConsent.person_id == cast.persons["invited"].id))
    assert row is not None and row.purpose == ConsentPurpose.SUPPORT_NEEDS
    # Withdrawing the consent (council page) deletes the meeting's requests too.
    withdraw_consent(db_session, cast.persons["invited"], ConsentPurpose.SUPPORT_NEEDS,
                     actor=cast.user("invited"))
    db_session.expire_all()
    assert db_session.scalar(select(func.count()).select_from(SupportRequest)) == 0


def test_other_support_needs_a_description(db_session, cast, meeting):
    mara = invitee_of(db_session, meeting, cast.persons["invited"])
    with pytest.raises(DomainError) as error:
        save_support_request(db_session, mara, needs=["other"], other_details=" ",
                             consented=True, actor=cast.user("invited"))
    assert error.value.field == "other_details"


def test_a_request_after_the_deadline_goes_through_marked_late(db_session, cast, meeting):
    mara = invitee_of(db_session, meeting, cast.persons["invited"])
    save_support_request(db_session, mara, needs=["easy_language"], other_details="",
                         consented=True, actor=cast.user("invited"))
    with clock.freeze(meeting.starts_at - timedelta(days=3)):
        save_support_request(db_session, mara, needs=["easy_language", "sign_language"],
                             other_details="", consented=True, actor=cast.user("invited"))
    late = dict(db_session.execute(select(SupportRequest.kind, SupportRequest.is_late)).all())
    assert late == {"easy_language": False, "sign_language": True}


def test_logistics_counts_answers_and_support_and_flags_the_place(db_session, cast, meeting):
    mara = invitee_of(db_session, meeting, cast.persons["invited"])
    paul = invitee_of(db_session, meeting, cast.persons["plain"])
    save_support_request(db_session, mara, needs=["sign_language", "induction_loop"],
                         other_details="", consented=True, actor=cast.user("invited"))
    give_answer(db_session, mara, "not_attending", actor=cast.user("invited"))
    deputy = invitee_of(db_session, meeting, cast.persons["deputy"])
    save_support_request(db_session, deputy, needs=["sign_language", "step_free"],
                         other_details="", consented=True, actor=cast.user("deputy"))
    save_support_request(db_session, paul, needs=["induction_loop"], other_details="",
                         consented=True, actor=cast.user("officer"))
    data = logistics(db_session, meeting)
    assert data.answers == {"open": 2, "attending": 0, "not_attending": 1, "deputy_attends": 0}
    # Mara does not attend: her needs are not counted.
    assert data.totals == [("sign_language", 1, 0), ("induction_loop", 1, 0),
                           ("step_free", 1, 0)]
    # The place has a step-free entrance, but no induction loop.
    assert data.flags == ["Eingeladene, die eine Induktionsschleife brauchen: 1. "
                          "Kreishaus Unna hat aber keine."]
    assert [r.invitee.person.name for r in people_for(db_session, meeting, "sign_language")] \
        == ["Dora Vertretung", "Mara Mitglied"]


def test_booking_checklist_and_reminders(db_session, cast, meeting):
    officer = cast.user("officer")
    with pytest.raises(DomainError) as error:
        save_booking(db_session, meeting, "sign_language", booked_with="", is_confirmed=True,
                     note="", actor=officer)
    assert error.value.field == "booked_with"
    save_booking(db_session, meeting, "sign_language", booked_with="Dolmetschdienst",
                 is_confirmed=True, note="", actor=officer)
    save_booking(db_session, meeting, "sign_language", booked_with="Dolmetschdienst West",
                 is_confirmed=True, note="2 Personen", actor=officer)
    booking = logistics(db_session, meeting).bookings["sign_language"]
    assert (booking.booked_with, booking.is_confirmed) == ("Dolmetschdienst West", True)
    # Mara answered; the reminder goes to the open ones with an address: Dora is not invited,
    # Paul has no address, so nobody.
    give_answer(db_session, invitee_of(db_session, meeting, cast.persons["invited"]),
                "attending", actor=cast.user("invited"))
    with pytest.raises(DomainError, match="schon geantwortet"):
        remind_open(db_session, meeting, actor=officer)
