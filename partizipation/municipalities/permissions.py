"""Who may do what with municipalities and facilitators.

A municipality contact's power comes from a MunicipalityContact row (not ended), never from a
role; the officer (and the admin) coordinate the whole network. The rows a user has are read once
per request and kept on `g`.
"""

from __future__ import annotations

from typing import Any

from flask import g, has_app_context
from sqlalchemy import select

from ..db import db
from ..permissions import is_officer_or_admin, is_signed_in
from .models import Facilitator, FacilitatorStatus, Municipality, MunicipalityContact


def _cached(key: str, user: Any, load: Any) -> Any:
    if not has_app_context():
        return load()
    cache = g.setdefault("municipality_scope", {})
    ident = (key, user.id)
    if ident not in cache:
        cache[ident] = load()
    return cache[ident]


def managed_municipality_ids(user: Any) -> frozenset[int]:
    """Ids of the municipalities `user` is a (current) contact of."""
    if not is_signed_in(user):
        return frozenset()
    return _cached("contact", user, lambda: frozenset(db.session.scalars(
        select(MunicipalityContact.municipality_id).where(
            MunicipalityContact.user_id == user.id, MunicipalityContact.ended_at.is_(None)
        )
    )))


def is_municipality_contact(user: Any, municipality: Municipality | None = None) -> bool:
    """A contact of `municipality` (of any municipality when none is given)."""
    ids = managed_municipality_ids(user)
    return bool(ids) if municipality is None else municipality.id in ids


def own_facilitator_ids(user: Any) -> frozenset[int]:
    """Ids of the facilitator rows of the person linked to `user`."""
    if not is_signed_in(user):
        return frozenset()
    from ..people.models import Person

    return _cached("facilitator", user, lambda: frozenset(db.session.scalars(
        select(Facilitator.id).join(Person, Facilitator.person_id == Person.id).where(
            Person.user_id == user.id
        )
    )))


def is_facilitator(user: Any) -> bool:
    """A user whose person is registered as a facilitator (in any state)."""
    return bool(own_facilitator_ids(user))


def can_view_network(user: Any) -> bool:
    """The network overview, its CSV export: the officer (and the admin)."""
    return is_officer_or_admin(user)


def can_email_facilitators(user: Any) -> bool:
    """Write to all active facilitators through the outbox."""
    return is_officer_or_admin(user)


def can_manage_municipalities(user: Any, municipality: Municipality | None = None) -> bool:
    """Add and change municipalities and their agreement state; invite and end contacts."""
    return is_officer_or_admin(user)


def can_manage_facilitators(user: Any, municipality: Municipality | None = None) -> bool:
    """See and register the facilitators of `municipality` (of any one of theirs when None)."""
    return is_officer_or_admin(user) or is_municipality_contact(user, municipality)


def can_view_facilitator(user: Any, facilitator: Facilitator) -> bool:
    """The management page of one facilitator: its municipality's contacts, the officer."""
    return can_manage_facilitators(user, facilitator.municipality)


def can_edit_facilitator(user: Any, facilitator: Facilitator) -> bool:
    """Change a facilitator's data (until ended); a sent-back one is resubmitted by this."""
    return facilitator.status != FacilitatorStatus.ENDED and can_manage_facilitators(
        user, facilitator.municipality
    )


def can_decide_facilitator(user: Any, facilitator: Facilitator) -> bool:
    """Confirm or send back a proposed facilitator: only the officer (and the admin)."""
    return facilitator.status == FacilitatorStatus.PROPOSED and is_officer_or_admin(user)


def can_activate_facilitator(user: Any, facilitator: Facilitator) -> bool:
    """Mark a confirmed facilitator as active (started work)."""
    return facilitator.status == FacilitatorStatus.CONFIRMED and can_manage_facilitators(
        user, facilitator.municipality
    )


def can_end_facilitator(user: Any, facilitator: Facilitator) -> bool:
    """End a facilitator's work (or withdraw a proposal), with a date and a reason."""
    return can_edit_facilitator(user, facilitator)


def can_edit_own_facilitator_data(user: Any, facilitator: Facilitator) -> bool:
    """A facilitator corrects their own contact data and training (until ended)."""
    return (
        facilitator.status != FacilitatorStatus.ENDED
        and facilitator.id in own_facilitator_ids(user)
    )


def can_invite_facilitator(user: Any, facilitator: Facilitator) -> bool:
    """Give a confirmed or active facilitator an account (once): the officer (and the admin)."""
    return (
        facilitator.status in (FacilitatorStatus.CONFIRMED, FacilitatorStatus.ACTIVE)
        and facilitator.person.user_id is None
        and is_officer_or_admin(user)
    )


def can_contact_facilitator(user: Any, facilitator: Facilitator) -> bool:
    """Anyone may write to a listed, confirmed or active facilitator who has an address."""
    return facilitator.is_public and bool(facilitator.person.email)


CHECKS = (
    is_municipality_contact,
    is_facilitator,
    can_view_network,
    can_email_facilitators,
    can_manage_municipalities,
    can_manage_facilitators,
    can_view_facilitator,
    can_edit_facilitator,
    can_decide_facilitator,
    can_activate_facilitator,
    can_end_facilitator,
    can_edit_own_facilitator_data,
    can_invite_facilitator,
    can_contact_facilitator,
)
