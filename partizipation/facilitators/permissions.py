"""Who may do what with facilitators and the network.

A municipality's contacts manage its facilitators (their scope comes from municipalities); the
officer (and the admin) coordinate the whole network and decide about registrations.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from ..db import db
from ..municipalities.models import Municipality
from ..municipalities.permissions import cached_per_request, is_municipality_contact
from ..people.models import Person
from ..permissions import is_officer_or_admin, is_signed_in
from .models import Facilitator, FacilitatorStatus


def own_facilitator_ids(user: Any) -> frozenset[int]:
    """Ids of the facilitator rows of the person linked to `user`."""
    if not is_signed_in(user):
        return frozenset()
    return cached_per_request("facilitator", user, lambda: frozenset(db.session.scalars(
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


def can_manage_facilitators(user: Any, municipality: Municipality | None = None) -> bool:
    """See and register the facilitators of `municipality` (of any one of theirs when None)."""
    return is_officer_or_admin(user) or is_municipality_contact(user, municipality)


def can_view_facilitator(user: Any, facilitator: Facilitator) -> bool:
    """The management page of one facilitator: its municipality's contacts, the officer."""
    return can_manage_facilitators(user, facilitator.municipality)


def can_edit_facilitator(user: Any, facilitator: Any) -> bool:
    """Change a facilitator's data (until ended); a sent-back one is resubmitted by this.
    (`facilitator`: a Facilitator, or a row of a list with its status and municipality.)"""
    return facilitator.status != FacilitatorStatus.ENDED and can_manage_facilitators(
        user, facilitator.municipality
    )


def can_decide_facilitator(user: Any, facilitator: Facilitator | None = None) -> bool:
    """Confirm or send back a proposed facilitator: only the officer (and the admin). Without a
    facilitator: whether the user decides registrations at all (the view's check, so that an
    officer who comes too late is told what happened instead of being refused)."""
    if facilitator is not None and facilitator.status != FacilitatorStatus.PROPOSED:
        return False
    return is_officer_or_admin(user)


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
    is_facilitator,
    can_view_network,
    can_email_facilitators,
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
