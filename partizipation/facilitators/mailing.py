"""Mail of the facilitators domain, all through the outbox: the relayed contact message, the
officer's message to the network, and the notices about registrations."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..accounts.models import User
from ..domain import DomainError
from ..i18n import _l
from ..municipalities.queries import current_contacts
from ..people.models import Person
from .models import Facilitator
from .queries import active_facilitators


def _one_line(text: str) -> str:
    """Header-safe: no line breaks (they would break or inject mail headers)."""
    return " ".join(text.split())


def recipient_locale(person: Person) -> str:
    """The language of the person's account, else German."""
    return person.user.locale if person.user is not None and person.user.locale else "de"


def relay_message(session: Session, facilitator: Facilitator, *, sender_name: str,
                  sender_email: str, message: str) -> None:
    """Pass a message from the public to a facilitator; their address stays hidden."""
    from ..mail.services import queue_mail

    queue_mail(
        session, to=facilitator.person.email or "", reply_to=sender_email.strip(),
        subject=_l("Message from %(sender_name)s through the participation platform"),
        template="facilitators/mail/contact.txt", locale=recipient_locale(facilitator.person),
        sender_name=_one_line(sender_name), sender_email=sender_email.strip(),
        message=message.strip(), facilitator_name=facilitator.person.name,
        municipality_name=facilitator.municipality.name, officer_email=_officer_email(session),
    )


def _officer_email(session: Session) -> str:
    """Where abuse of the contact form is reported: OFFICER_EMAIL, else an officer's address."""
    from flask import current_app
    from sqlalchemy import select

    from ..permissions import Role

    configured = current_app.config.get("OFFICER_EMAIL")
    if configured:
        return str(configured)
    return session.scalar(select(User.email).where(
        User.role == Role.OFFICER.value, User.is_active.is_(True)).order_by(User.id).limit(1)) or ""


def email_facilitators(session: Session, *, title: str, message: str,
                       municipality_ids: list[int] | None, actor: User) -> int:
    """One outbox message per active facilitator (of the chosen municipalities); the count."""
    from ..mail.services import queue_mail

    recipients = active_facilitators(session, municipality_ids)
    if not recipients:
        raise DomainError(
            _l("No active facilitator with an email address in the chosen municipalities. "
               "Choose other municipalities."), "municipalities")
    for facilitator in recipients:
        queue_mail(
            session, to=facilitator.person.email or "", reply_to=actor.email,
            subject=_l("Facilitator network: %(title)s"),
            template="facilitators/mail/network.txt",
            locale=recipient_locale(facilitator.person), title=_one_line(title),
            message=message.strip(), sender_name=actor.display_name,
            facilitator_name=facilitator.person.name,
            municipality_name=facilitator.municipality.name,
        )
    return len(recipients)


def facilitator_link(facilitator: Facilitator) -> str:
    from ..accounts.services import absolute_url

    return absolute_url("facilitators.facilitator", facilitator_id=facilitator.id)


def notify_officer(session: Session, facilitator: Facilitator, *, resubmitted: bool = False
                   ) -> None:
    """Tell every officer that a registration waits for her decision, in her language."""
    from ..accounts.officers import officer_recipients
    from ..mail.services import queue_mail

    for address, locale in officer_recipients(session):
        queue_mail(session, to=address, locale=locale,
                   subject=(_l("Corrected, waiting for confirmation: %(name)s "
                               "(%(municipality_name)s)") if resubmitted
                            else _l("Waiting for confirmation: %(name)s (%(municipality_name)s)")),
                   template="facilitators/mail/proposed.txt", resubmitted=resubmitted,
                   name=facilitator.person.name, municipality_name=facilitator.municipality.name,
                   link=facilitator_link(facilitator))


def notify_contacts(session: Session, facilitator: Facilitator, *, actor: User,
                     reason: str = "") -> None:
    """Tell the municipality's contacts that the officer confirmed or sent back a registration."""
    from ..mail.services import queue_mail

    for contact in current_contacts(session, facilitator.municipality):
        queue_mail(session, to=contact.user.email, locale=contact.user.locale or "de",
                   subject=(_l("Please correct: %(name)s") if reason
                            else _l("Confirmed: %(name)s")),
                   template="facilitators/mail/decided.txt", name=facilitator.person.name,
                   municipality_name=facilitator.municipality.name, reason=reason,
                   officer=actor.display_name, link=facilitator_link(facilitator),
                   contact_name=contact.user.display_name)
