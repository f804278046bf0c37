"""Mail about meetings, all through the outbox, each in its recipient's language, with the
meeting's calendar entry attached: invitations, changes, cancellations, deputies, reminders."""

from __future__ import annotations

from typing import Any

from flask_babel import force_locale
from sqlalchemy.orm import Session

from ..accounts.services import absolute_url
from ..i18n import _l
from ..mail.services import queue_mail
from ..people.models import Person
from . import ical
from .models import Invitee, Meeting

SUBJECTS = {
    "invitation": _l("Invitation: %(title)s on %(date)s"),
    "changed": _l("Changed: %(title)s on %(date)s"),
    "cancelled": _l("Cancelled: %(title)s on %(date)s"),
    "deputy": _l("Please stand in: %(title)s on %(date)s"),
    "deputy_released": _l("No longer needed as a deputy: %(title)s on %(date)s"),
    "reminder": _l("Reminder: please answer the invitation to %(title)s"),
}


def recipient_locale(person: Person) -> str:
    """The language of the person's account, else German."""
    return person.user.locale if person.user is not None and person.user.locale else "de"


def send(session: Session, meeting: Meeting, invitee: Invitee, kind: str, *,
         items: list[Any], cancel: bool = False, **context: Any) -> bool:
    """Queue one mail of `kind` to `invitee` with the .ics; False when they have no address."""
    person = invitee.person
    if not person.email or person.anonymised_at is not None:
        return False
    locale = recipient_locale(person)
    from flask_babel import format_date

    from .. import clock

    with force_locale(locale):
        date = format_date(clock.local(meeting.starts_at).date(), "medium")
        attachment = ical.invitation_attachment(meeting, email=person.email, name=person.name,
                                                items=items, cancel=cancel)
    queue_mail(
        session, to=person.email, subject=SUBJECTS[kind], template=f"meetings/mail/{kind}.txt",
        locale=locale, attachments=[attachment], title=" ".join(meeting.title.split()),
        date=date, meeting=meeting, items=items, invitee=invitee, name=person.name,
        link=absolute_url("meetings.detail", meeting_id=meeting.id),
        answer_link=absolute_url("meetings.detail", meeting_id=meeting.id) + "#antwort",
        **context,
    )
    return True
