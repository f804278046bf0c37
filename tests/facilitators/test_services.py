"""The rules of the domain, without HTTP: registrations, the status flow and its history."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from partizipation import clock
from partizipation.domain import DomainError
from partizipation.facilitators import mailing, queries, services
from partizipation.facilitators.models import FacilitatorEvent
from partizipation.facilitators.services import FacilitatorData
from partizipation.mail.models import OutboxMessage

from .factories import create_facilitator


@pytest.fixture(autouse=True)
def _context(app):
    # English, so that the assertions read the message ids.
    with app.test_request_context(headers={"Accept-Language": "en"}):
        yield


def data(**fields):
    fields.setdefault("name", "Alma Beispiel (erfunden)")
    fields.setdefault("email", "alma@example.org")
    fields.setdefault("employment_model", "volunteer")
    fields.setdefault("started_on", date(2025, 4, 1))
    return FacilitatorData(**fields)


def test_a_contact_proposes_and_the_officer_registers_confirmed(db_session, cast):
    contact, officer = cast.user("contact_here"), cast.user("officer")
    proposed = services.register_facilitator(db_session, cast.bergkamen, data(),
                                             actor=contact, by_officer=False)
    direct = services.register_facilitator(db_session, cast.bergkamen,
                                           data(name="Bo Probe", email="bo@example.org"),
                                           actor=officer, by_officer=True)
    assert proposed.status == "proposed" and direct.status == "confirmed"
    event = proposed.events[0]
    assert (event.actor_id, event.action, event.from_status, event.to_status) == (
        contact.id, "registered", None, "proposed")
    assert proposed.person.is_listed is False


def test_listing_consent_is_recorded_with_the_date_and_can_be_withdrawn(db_session, cast):
    f = services.register_facilitator(db_session, cast.bergkamen, data(listing_consent=True),
                                      actor=cast.user("officer"), by_officer=True)
    assert f.person.listing_consent_given_on == clock.today() and f.person.is_listed
    services.update_facilitator(db_session, f, data(listing_consent=False),
                                actor=cast.user("officer"))
    assert f.person.listing_consent_withdrawn_on == clock.today() and not f.person.is_listed


@pytest.mark.parametrize(("first", "second", "field"), [
    ({"email": "Alma@Example.org"}, {"email": "alma@example.org", "name": "Other"}, "email"),
    ({"email": None}, {"email": None, "name": " alma beispiel (ERFUNDEN) "}, "name"),
])
def test_the_same_person_twice_in_one_municipality_is_refused(db_session, cast, first, second,
                                                                 field):
    actor = cast.user("contact_here")
    services.register_facilitator(db_session, cast.bergkamen, data(**first), actor=actor,
                                  by_officer=False)
    with pytest.raises(DomainError) as error:
        services.register_facilitator(db_session, cast.bergkamen, data(**second), actor=actor,
                                      by_officer=False)
    assert error.value.field == field
    assert "already registered" in str(error.value)


def test_the_same_person_may_be_registered_elsewhere_or_after_ending(db_session, cast):
    create_facilitator(db_session, cast.bergkamen, "ended", email="alma@example.org")
    create_facilitator(db_session, cast.kamen, "active", email="alma@example.org")
    f = services.register_facilitator(db_session, cast.bergkamen, data(),
                                      actor=cast.user("officer"), by_officer=True)
    assert f.id


@pytest.mark.parametrize(("fields", "field", "says"), [
    ({"employment_model": "association"}, "association_name", "name of the association"),
    ({"trained_on": clock.today() + timedelta(days=1), "training_provider": "iZi"},
     "trained_on", "future"),
    ({"training_provider": "iZi"}, "trained_on", "date the training"),
    ({"trained_on": date(2025, 1, 1)}, "training_provider", "who gave"),
    ({"employment_model": "freelance"}, "employment_model", "Choose"),
])
def test_bad_registrations_are_refused_with_a_field_and_nothing_is_saved(
        db_session, cast, fields, field, says):
    from partizipation.facilitators.models import Facilitator

    before = len(db_session.scalars(select(Facilitator)).all())
    with pytest.raises(DomainError) as error:
        services.register_facilitator(db_session, cast.bergkamen, data(**fields),
                                      actor=cast.user("contact_here"), by_officer=False)
    assert error.value.field == field and says in str(error.value)
    assert len(db_session.scalars(select(Facilitator)).all()) == before


def test_the_association_name_is_dropped_for_other_models(db_session, cast):
    f = services.register_facilitator(
        db_session, cast.bergkamen, data(association_name="Verein"),
        actor=cast.user("officer"), by_officer=True)
    assert f.association_name == ""


def test_send_back_needs_a_reason_and_a_correction_resubmits(db_session, cast):
    officer, contact = cast.user("officer"), cast.user("contact_here")
    f = services.register_facilitator(db_session, cast.bergkamen, data(), actor=contact,
                                      by_officer=False)
    with pytest.raises(DomainError) as error:
        services.send_back_facilitator(db_session, f, "  ", actor=officer)
    assert error.value.field == "reason"
    services.send_back_facilitator(db_session, f, "Bitte die Stunden angeben.", actor=officer)
    assert f.status == "sent_back"
    assert queries.last_send_back_reason(db_session, f) == "Bitte die Stunden angeben."
    services.update_facilitator(db_session, f, data(weekly_hours=10.5), actor=contact)
    assert f.status == "proposed" and f.weekly_hours == 10.5
    actions = [(e.action, e.from_status, e.to_status) for e in f.events]
    assert actions == [("registered", None, "proposed"),
                       ("sent_back", "proposed", "sent_back"),
                       ("resubmitted", "sent_back", "proposed")]


def test_the_whole_flow_and_wrong_steps(db_session, cast):
    officer = cast.user("officer")
    f = create_facilitator(db_session, cast.bergkamen, "proposed", started_on=date(2025, 3, 1))
    with pytest.raises(DomainError):
        services.activate_facilitator(db_session, f, actor=officer)
    services.confirm_facilitator(db_session, f, actor=officer)
    with pytest.raises(DomainError):
        services.confirm_facilitator(db_session, f, actor=officer)
    services.activate_facilitator(db_session, f, actor=officer)
    with pytest.raises(DomainError) as error:
        services.end_facilitator(db_session, f, ended_on=date(2025, 2, 28), reason="x",
                                 actor=officer)
    assert error.value.field == "ended_on" and f.status == "active"
    with pytest.raises(DomainError) as error:
        services.end_facilitator(db_session, f, ended_on=date(2025, 3, 1), reason=" ",
                                 actor=officer)
    assert error.value.field == "reason"
    services.end_facilitator(db_session, f, ended_on=date(2025, 3, 1), reason="Umzug",
                             actor=officer)
    assert (f.status, f.ended_on, f.end_reason) == ("ended", date(2025, 3, 1), "Umzug")
    with pytest.raises(DomainError):
        services.update_facilitator(db_session, f, data(), actor=officer)
    events = db_session.scalars(select(FacilitatorEvent).where(
        FacilitatorEvent.facilitator_id == f.id).order_by(FacilitatorEvent.id)).all()
    assert [e.to_status for e in events] == ["proposed", "confirmed", "active", "ended"]
    assert all(e.actor_id == officer.id for e in events[1:])


def test_public_directory_lists_only_listed_confirmed_or_active(db_session, cast):
    shown = create_facilitator(db_session, cast.bergkamen, "confirmed", name="Shown")
    create_facilitator(db_session, cast.bergkamen, "active", name="Unlisted", listed=False)
    create_facilitator(db_session, cast.bergkamen, "proposed", name="Proposed")
    create_facilitator(db_session, cast.kamen, "ended", name="Ended")
    entries = dict(queries.public_directory(db_session))
    names = {m.name: [f.person.name for f in queries.listed_facilitators(db_session, m)]
             for m in entries}
    assert names == {"Bergkamen": ["Fenja Begleitung (erfunden)", shown.person.name],
                     "Kamen": []}
    assert {m.name: listed for m, listed in entries.items()} == {"Bergkamen": 2, "Kamen": 0}


def test_group_mail_one_message_per_active_facilitator_in_their_language(db_session, cast):
    from tests.factories import create_user

    english = create_user(db_session, locale="en", email="en@example.org")
    create_facilitator(db_session, cast.kamen, "active", user=english, email="en@example.org")
    create_facilitator(db_session, cast.kamen, "active", email=None)
    create_facilitator(db_session, cast.kamen, "confirmed")
    count = mailing.email_facilitators(db_session, title="Treffen 50% online", message="Hallo",
                                        municipality_ids=None, actor=cast.user("officer"))
    assert count == 2  # Fenja in Bergkamen, the English one in Kamen
    rows = db_session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()
    by_address = {r.to_address: r for r in rows}
    assert set(by_address) == {cast.own_facilitator.person.email, "en@example.org"}
    assert by_address["en@example.org"].locale == "en"
    assert by_address["en@example.org"].subject == "Facilitator network: Treffen 50% online"
    assert by_address[cast.own_facilitator.person.email].locale == "de"
    assert all(r.reply_to == "officer@example.org" for r in rows)
    only_kamen = mailing.email_facilitators(db_session, title="x", message="y",
                                             municipality_ids=[cast.kamen.id],
                                             actor=cast.user("officer"))
    assert only_kamen == 1


def test_group_mail_without_recipients_says_so(db_session, cast):
    with pytest.raises(DomainError) as error:
        mailing.email_facilitators(db_session, title="x", message="y",
                                    municipality_ids=[cast.kamen.id], actor=cast.user("officer"))
    assert error.value.field == "municipalities"


def test_relay_hides_nothing_but_the_address(db_session, cast):
    mailing.relay_message(db_session, cast.own_facilitator, sender_name="Paula Public",
                           sender_email="paula@example.org", message="Guten Tag & danke <3")
    row = db_session.scalars(select(OutboxMessage)).one()
    assert row.to_address == cast.own_facilitator.person.email
    assert row.reply_to == "paula@example.org"
    assert "Guten Tag & danke <3" in row.body_text and "Paula Public" in row.body_text


def test_inviting_a_facilitator_links_an_account(db_session, cast):
    officer = cast.user("officer")
    f = create_facilitator(db_session, cast.kamen, "confirmed", email="neu@example.org")
    user = services.invite_facilitator(db_session, f, actor=officer)
    assert f.person.user is user and user.password_hash is None
    assert db_session.scalars(select(OutboxMessage).where(
        OutboxMessage.to_address == "neu@example.org")).one()
    with pytest.raises(DomainError, match="already has access"):
        services.invite_facilitator(db_session, f, actor=officer)
    # An existing account that belongs to no person is linked without an invitation.
    member = cast.user("member")
    g = create_facilitator(db_session, cast.kamen, "active", email=member.email)
    assert services.invite_facilitator(db_session, g, actor=officer) is member
    # An account that already belongs to another person is not taken over.
    h = create_facilitator(db_session, cast.bergkamen, "active",
                           email=cast.user("facilitator").email)
    with pytest.raises(DomainError, match="another person"):
        services.invite_facilitator(db_session, h, actor=officer)
    without = create_facilitator(db_session, cast.kamen, "active", email=None)
    with pytest.raises(DomainError, match="email address"):
        services.invite_facilitator(db_session, without, actor=officer)


def test_the_officer_and_the_contacts_are_told_by_mail(db_session, cast):
    contact, officer = cast.user("contact_here"), cast.user("officer")
    contact.locale = "en"
    f = services.register_facilitator(db_session, cast.bergkamen, data(), actor=contact,
                                      by_officer=False)
    to_inbox, to_officer = db_session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))
    # The shared inbox and every officer account, each in its language.
    assert to_inbox.to_address == "inklusion@example.org"
    assert to_officer.to_address == officer.email
    assert f"/verwaltung/begleitung/{f.id}" in to_officer.body_text
    services.send_back_facilitator(db_session, f, "Bitte Stunden angeben.", actor=officer)
    to_contact = db_session.scalars(select(OutboxMessage).where(
        OutboxMessage.to_address == contact.email)).one()
    assert to_contact.locale == "en" and to_contact.subject.startswith("Please correct")
    assert "Bitte Stunden angeben." in to_contact.body_text
    # The corrected registration goes back to the officer with a mail that says so.
    services.update_facilitator(db_session, f, data(), actor=contact)
    resubmitted = db_session.scalars(select(OutboxMessage).where(
        OutboxMessage.to_address == officer.email).order_by(OutboxMessage.id.desc())).first()
    assert resubmitted.subject.startswith("Korrigiert, wartet auf Bestätigung")
    assert "hat die Anmeldung" in resubmitted.body_text
    # Kamen's contact hears nothing of Bergkamen.
    assert not db_session.scalars(select(OutboxMessage).where(
        OutboxMessage.to_address == cast.user("contact_other").email)).all()


def test_line_breaks_never_reach_a_mail_header(db_session, cast):
    mailing.relay_message(db_session, cast.own_facilitator,
                          sender_name="Eve\r\nBcc: x@evil.example",
                          sender_email="eve@example.org", message="Hi")
    row = db_session.scalars(select(OutboxMessage)).one()
    assert "\n" not in row.subject and "\r" not in row.subject
