"""A completed deletion request reaches every domain: no active role and no stored message of the
person remains; what stays is history without their personal data (issue 7, item 6)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from partizipation.accounts.models import User
from partizipation.audit.models import AuditEntry
from partizipation.council.models import SupportNeed
from partizipation.facilitators.models import Facilitator
from partizipation.feedback.models import BarrierReport
from partizipation.mail.models import OutboxMessage
from partizipation.municipalities.models import MunicipalityContact
from partizipation.people.models import Person
from partizipation.people.privacy import complete_deletion, request_deletion
from tests.council.factories import create_body, create_membership, create_term
from tests.factories import create_user
from tests.feedback.factories import create_report
from tests.mail.factories import create_outbox_message
from tests.municipalities.factories import create_contact, create_municipality


def test_completing_a_deletion_leaves_no_active_role_and_no_stored_message(app, db_session):
    with app.test_request_context():
        officer = create_user(db_session, role="officer")
        user = create_user(db_session, email="lea@example.org", display_name="Lea Löschen")
        person = Person(name="Lea Löschen", email="lea.privat@example.org", user_id=user.id,
                        phone="02303 1234")
        db_session.add(person)
        db_session.flush()
        create_membership(db_session, create_term(db_session, create_body(db_session)), person)
        db_session.add(SupportNeed(person_id=person.id, kind="braille"))
        municipality = create_municipality(db_session, name="Kamen")
        contact = create_contact(db_session, user, municipality)
        facilitator = Facilitator(person=person, municipality=municipality, status="active",
                                  employment_model="volunteer", started_on=date(2025, 1, 1))
        db_session.add(facilitator)
        to_account = create_outbox_message(db_session, to_address="lea@example.org",
                                           status="sent")
        to_person = create_outbox_message(db_session, to_address="Lea.Privat@example.org")
        relayed = create_outbox_message(db_session, to_address="other@example.org",
                                        reply_to="lea.privat@example.org")
        unrelated = create_outbox_message(db_session, to_address="other@example.org")
        report = create_report(db_session, name="Lea", email="lea@example.org")
        gone = {to_account.id, to_person.id, relayed.id}
        kept = unrelated.id
        request = request_deletion(db_session, user, actor=user)

        complete_deletion(db_session, request, actor=officer)

        db_session.expire_all()
        assert db_session.get(MunicipalityContact, contact.id).ended_at is not None
        assert db_session.get(Facilitator, facilitator.id).status == "ended"
        left = set(db_session.scalars(select(OutboxMessage.id)))
        assert gone.isdisjoint(left) and kept in left
        stored = db_session.get(BarrierReport, report.id)
        assert (stored.name, stored.email) == ("", None)
        assert db_session.scalar(select(func.count()).select_from(SupportNeed).where(
            SupportNeed.person_id == person.id)) == 0
        person = db_session.get(Person, person.id)
        assert person.anonymised_at and person.email is None and person.phone is None
        account = db_session.get(User, user.id)
        assert not account.is_active and "lea" not in account.email
        # The change log keeps that the rows changed, not what the person's data was.
        about = db_session.scalars(select(AuditEntry).where(
            AuditEntry.table_name == "persons", AuditEntry.row_id == person.id)).all()
        assert about and "lea.privat" not in str([e.changes for e in about])
