"""Actions on facilitators: registration, the status flow and its history, access to the platform.
They flush, never commit; a broken rule raises DomainError naming the form field the message
belongs to."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask_babel import format_date
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .. import clock
from ..accounts.models import User
from ..db import utcnow
from ..domain import DomainError
from ..i18n import _l
from ..locking import lock_row
from ..municipalities.models import Municipality
from ..people.models import Person
from .mailing import notify_contacts, notify_officer
from .models import (
    UNIQUE_EMAIL,
    EmploymentModel,
    EventAction,
    Facilitator,
    FacilitatorEvent,
    FacilitatorStatus,
)


@dataclass
class FacilitatorData:
    name: str
    employment_model: str
    started_on: date
    form_of_address: str = ""
    email: str | None = None
    phone: str | None = None
    listing_consent: bool = False
    association_name: str = ""
    weekly_hours: float | None = None
    trained_on: date | None = None
    training_provider: str = ""

    @classmethod
    def from_form(cls, data: dict[str, Any]) -> FacilitatorData:
        fields = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in fields})


def _clean(data: FacilitatorData) -> FacilitatorData:
    data.name = data.name.strip()
    data.email = (data.email or "").strip().lower() or None
    data.phone = (data.phone or "").strip() or None
    data.association_name = data.association_name.strip()
    data.training_provider = data.training_provider.strip()
    return data


def _check(session: Session, municipality: Municipality, data: FacilitatorData,
           facilitator: Facilitator | None) -> None:
    if data.employment_model not in {m.value for m in EmploymentModel}:
        raise DomainError(_l("Choose how the facilitator is employed."), "employment_model")
    if data.employment_model == EmploymentModel.ASSOCIATION and not data.association_name:
        raise DomainError(
            _l("Enter the name of the association the facilitator is placed with."),
            "association_name",
        )
    if data.trained_on and data.trained_on > clock.today():
        raise DomainError(
            _l("The training date cannot be in the future. Enter it once the training is "
               "completed, or leave it empty."), "trained_on")
    if data.training_provider and not data.trained_on:
        raise DomainError(
            _l("Enter the date the training was completed, or leave the provider empty."),
            "trained_on",
        )
    if data.trained_on and not data.training_provider:
        raise DomainError(_l("Enter who gave the training."), "training_provider")
    if facilitator is not None and facilitator.ended_on and facilitator.ended_on < data.started_on:
        raise DomainError(
            _l("The start cannot be after the end (%(date)s).",
               date=format_date(facilitator.ended_on)),
            "started_on",
        )
    # Registrations in one municipality wait for each other here (PostgreSQL; SQLite runs writing
    # requests one at a time), so the check below sees a registration committed meanwhile.
    lock_row(session, Municipality, municipality.id)
    if find_duplicate(session, municipality, data.name, data.email, facilitator) is not None:
        raise _already_registered(municipality, data)


def _already_registered(municipality: Municipality, data: FacilitatorData) -> DomainError:
    return DomainError(
        _l("This person is already registered as a facilitator of %(name)s.",
           name=municipality.name), "email" if data.email else "name")


@contextmanager
def _one_per_address(session: Session, municipality: Municipality,
                     data: FacilitatorData) -> Iterator[None]:
    """Make the changes of the block in a savepoint and flush them: the database's partial unique
    index refuses the same address twice in one municipality (a second registration that got
    past the check at the same moment), and that is the check's form message, not an error page.

    The savepoint starts before the first change: `begin_nested` flushes what is pending, and a
    failure there would not be caught."""
    error_message = _already_registered(municipality, data)  # read now: a failed flush expires
    try:
        with session.begin_nested():
            yield
            session.flush()
    except IntegrityError as error:
        # PostgreSQL names the index; SQLite names its columns.
        if not any(name in str(error.orig) for name in (UNIQUE_EMAIL, "facilitators.email_key")):
            raise
        raise error_message from error


def find_duplicate(session: Session, municipality: Municipality, name: str, email: str | None,
                   facilitator: Facilitator | None = None) -> Facilitator | None:
    """A non-ended facilitator of `municipality` with the same email (or name, without email)."""
    query = (
        select(Facilitator).join(Person, Facilitator.person_id == Person.id)
        .where(Facilitator.municipality_id == municipality.id,
               Facilitator.status != FacilitatorStatus.ENDED)
    )
    if email:
        query = query.where(func.lower(Person.email) == email.lower())
    else:
        query = query.where(func.lower(Person.name) == name.strip().lower())
    if facilitator is not None and facilitator.id is not None:
        query = query.where(Facilitator.id != facilitator.id)
    return session.scalars(query.limit(1)).first()


def _apply(person: Person, facilitator: Facilitator, data: FacilitatorData) -> None:
    person.name = data.name
    person.form_of_address = data.form_of_address.strip()
    person.email = data.email
    person.phone = data.phone
    set_listing_consent(person, data.listing_consent)
    facilitator.employment_model = data.employment_model
    is_association = data.employment_model == EmploymentModel.ASSOCIATION
    facilitator.association_name = data.association_name if is_association else ""
    facilitator.weekly_hours = data.weekly_hours
    facilitator.started_on = data.started_on
    facilitator.trained_on = data.trained_on
    facilitator.training_provider = data.training_provider
    facilitator.updated_at = utcnow()


def set_listing_consent(person: Person, consent: bool) -> None:
    """Record giving or withdrawing the consent to be listed publicly (with the date)."""
    if consent and not person.is_listed:
        person.listing_consent_given_on = clock.today()
        person.listing_consent_withdrawn_on = None
    elif not consent and person.is_listed:
        person.listing_consent_withdrawn_on = clock.today()


def _record(session: Session, facilitator: Facilitator, action: EventAction, *, actor: User | None,
            from_status: str | None, to_status: str, reason: str = "") -> FacilitatorEvent:
    event = FacilitatorEvent(
        facilitator=facilitator, actor_id=actor.id if actor else None, action=action.value,
        from_status=from_status, to_status=to_status, reason=reason,
    )
    session.add(event)
    return event


def register_facilitator(session: Session, municipality: Municipality, data: FacilitatorData, *,
                         actor: User, by_officer: bool) -> Facilitator:
    """A contact proposes a facilitator; the officer's own registration starts as confirmed."""
    data = _clean(data)
    _check(session, municipality, data, None)
    status = FacilitatorStatus.CONFIRMED if by_officer else FacilitatorStatus.PROPOSED
    with _one_per_address(session, municipality, data):
        person = Person(name=data.name)
        facilitator = Facilitator(person=person, municipality=municipality, status=status.value)
        _apply(person, facilitator, data)
        session.add_all([person, facilitator])
        _record(session, facilitator, EventAction.REGISTERED, actor=actor, from_status=None,
                to_status=status.value)
    if not by_officer:
        notify_officer(session, facilitator)
    return facilitator


def update_facilitator(session: Session, facilitator: Facilitator, data: FacilitatorData, *,
                       actor: User) -> Facilitator:
    """Change the data; a sent-back facilitator goes back to the officer as proposed."""
    if facilitator.status == FacilitatorStatus.ENDED:
        raise DomainError(_l("An ended facilitator cannot be changed."))
    data = _clean(data)
    if data.email != facilitator.person.email:
        from ..people.privacy import health_data_guard

        health_data_guard(session, facilitator.person, actor)
    _check(session, facilitator.municipality, data, facilitator)
    with _one_per_address(session, facilitator.municipality, data):
        _apply(facilitator.person, facilitator, data)
        if facilitator.status != FacilitatorStatus.SENT_BACK:
            _record(session, facilitator, EventAction.EDITED, actor=actor,
                    from_status=facilitator.status, to_status=facilitator.status)
    if facilitator.status == FacilitatorStatus.SENT_BACK:
        _transition(session, facilitator, (FacilitatorStatus.SENT_BACK.value,),
                    EventAction.RESUBMITTED, FacilitatorStatus.PROPOSED, actor=actor)
        notify_officer(session, facilitator, resubmitted=True)
    return facilitator


def update_own_data(session: Session, facilitator: Facilitator, data: dict[str, Any], *,
                    actor: User) -> Facilitator:
    """The facilitator corrects their own contact data, consent and training."""
    if facilitator.status == FacilitatorStatus.ENDED:
        raise DomainError(_l("An ended facilitator cannot be changed."))
    merged = FacilitatorData(
        name=data["name"], form_of_address=data.get("form_of_address") or "",
        email=data.get("email"), phone=data.get("phone"),
        listing_consent=bool(data.get("listing_consent")),
        employment_model=facilitator.employment_model,
        association_name=facilitator.association_name, weekly_hours=facilitator.weekly_hours,
        started_on=facilitator.started_on, trained_on=data.get("trained_on"),
        training_provider=data.get("training_provider") or "",
    )
    data_clean = _clean(merged)
    _check(session, facilitator.municipality, data_clean, facilitator)
    with _one_per_address(session, facilitator.municipality, data_clean):
        _apply(facilitator.person, facilitator, data_clean)
        _record(session, facilitator, EventAction.EDITED, actor=actor,
                from_status=facilitator.status, to_status=facilitator.status)
    return facilitator


def _transition(session: Session, facilitator: Facilitator, allowed: tuple[str, ...],
                action: EventAction, to_status: FacilitatorStatus, *, actor: User,
                reason: str = "", **values: Any) -> Facilitator:
    """Move the facilitator from the state it was loaded in to `to_status`, in one conditional
    UPDATE (`… WHERE id = :id AND status = :loaded`): of two people acting at the same moment
    only the first changes the row; the second gets a clear message and nothing else happens
    (no event, no mail). The version stays: no field of the edit forms changes here, and an edit
    saved afterwards acts on the state it then finds (an ended facilitator cannot be changed)."""
    from_status = facilitator.status
    if from_status not in allowed:
        raise DomainError(
            _l("This is not possible in the facilitator's current state (%(status)s).",
               status=facilitator.status_label))
    session.flush()
    result = session.execute(
        update(Facilitator)
        .where(Facilitator.id == facilitator.id, Facilitator.status == from_status)
        .values(status=to_status.value, updated_at=utcnow(), **values)
        .execution_options(synchronize_session=False)
    )
    changed = result.rowcount  # type: ignore[attr-defined]
    session.refresh(facilitator)
    if not changed:
        raise DomainError(
            _l("Someone else changed %(name)s at the same time: the state is now “%(status)s”. "
               "Your action was not carried out and no email was sent.",
               name=facilitator.person.name, status=facilitator.status_label))
    _record(session, facilitator, action, actor=actor, from_status=from_status,
            to_status=to_status.value, reason=reason)
    session.flush()
    return facilitator


def confirm_facilitator(session: Session, facilitator: Facilitator, *, actor: User) -> Facilitator:
    _transition(session, facilitator, (FacilitatorStatus.PROPOSED.value,),
                EventAction.CONFIRMED, FacilitatorStatus.CONFIRMED, actor=actor)
    notify_contacts(session, facilitator, actor=actor)
    return facilitator


def send_back_facilitator(session: Session, facilitator: Facilitator, reason: str, *,
                          actor: User) -> Facilitator:
    """Return a proposal to the municipality with a reason its contacts will see."""
    if not reason.strip():
        raise DomainError(
            _l("Enter what the municipality should correct or add."), "reason")
    _transition(session, facilitator, (FacilitatorStatus.PROPOSED.value,),
                EventAction.SENT_BACK, FacilitatorStatus.SENT_BACK, actor=actor,
                reason=reason.strip())
    notify_contacts(session, facilitator, actor=actor, reason=reason.strip())
    return facilitator


def activate_facilitator(session: Session, facilitator: Facilitator, *, actor: User) -> Facilitator:
    return _transition(session, facilitator, (FacilitatorStatus.CONFIRMED.value,),
                       EventAction.ACTIVATED, FacilitatorStatus.ACTIVE, actor=actor)


def end_facilitator(session: Session, facilitator: Facilitator, *, ended_on: date, reason: str,
                    actor: User) -> Facilitator:
    """End the work (or withdraw a proposal) on a date, with a reason."""
    if ended_on < facilitator.started_on:
        raise DomainError(
            _l("The end cannot be before the start (%(date)s). Enter a later date.",
               date=format_date(facilitator.started_on)), "ended_on")
    if not reason.strip():
        raise DomainError(_l("Enter why the work ends."), "reason")
    open_states = tuple(s.value for s in FacilitatorStatus if s != FacilitatorStatus.ENDED)
    return _transition(session, facilitator, open_states, EventAction.ENDED,
                       FacilitatorStatus.ENDED, actor=actor, reason=reason.strip(),
                       ended_on=ended_on, end_reason=reason.strip()[:500])


def invite_facilitator(session: Session, facilitator: Facilitator, *, actor: User) -> User:
    """Give a facilitator access to the platform: invite them, or link their existing account."""
    from ..accounts import services as accounts

    # Two officers giving access at the same moment: the second waits, then sees the first's.
    lock_row(session, Facilitator, facilitator.id)
    person = facilitator.person
    session.refresh(person)
    from ..people.privacy import health_data_guard

    try:
        health_data_guard(session, person, actor)
    except DomainError as error:
        raise DomainError(str(error)) from error
    if person.user_id is not None:
        raise DomainError(_l("%(name)s already has access to the platform.",
                                   name=person.name))
    if not person.email:
        raise DomainError(_l("Enter an email address for %(name)s first (Change data).",
                                   name=person.name))
    user = accounts.find_user_by_email(session, person.email)
    if user is not None and session.scalar(select(Person.id).where(Person.user_id == user.id)):
        raise DomainError(_l(
            "The account with this email address already belongs to another person. "
            "Ask the administrator to merge the two."))
    if user is None or not user.password_hash:
        try:
            user = accounts.invite_user(session, email=person.email, display_name=person.name,
                                        role="member", locale="de", actor=actor,
                                        scope=_l("participation facilitator in %(name)s",
                                                 name=facilitator.municipality.name))
        except DomainError as error:
            raise DomainError(str(error)) from error
    person.user = user
    session.flush()
    return user


