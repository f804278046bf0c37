"""Who may do what with bodies, memberships, support needs and personal data.

Health data (support needs, kind of disability) is seen by the person and the officer only. The
admin manages bodies and memberships (a technical stand-in for the officer) but never sees health
data: the officer role is the one with the data-protection purpose for it (Art. 9 GDPR, data
minimisation). Roles are single-valued, so an admin who needs it must be given the officer role.
"""

from __future__ import annotations

from typing import Any

from ..permissions import is_officer, is_officer_or_admin, is_signed_in


def _person_of(user: Any, person: Any) -> bool:
    return (
        is_signed_in(user)
        and person is not None
        and person.user_id is not None
        and person.user_id == user.id
    )


def can_view_body(user: Any, body: Any) -> bool:
    """Public bodies are open to everyone; the others only to those who manage them."""
    return body is not None and (bool(body.is_public) or can_manage_council(user))


def can_manage_council(user: Any) -> bool:
    """Bodies, terms, persons and memberships: the officer and the admin."""
    return is_officer_or_admin(user)


def can_see_contact_details(user: Any, person: Any = None) -> bool:
    """Email and phone of a person: the person themself and those who manage the council."""
    return can_manage_council(user) or _person_of(user, person)


def can_view_support_needs(user: Any, person: Any) -> bool:
    """A person's support needs: that person and the officer, nobody else."""
    return is_officer(user) or _person_of(user, person)


def can_edit_support_needs(user: Any, person: Any) -> bool:
    """Only the person gives consent and states their needs; nobody does it for them here."""
    return _person_of(user, person) and person.anonymised_at is None


def can_view_support_summary(user: Any) -> bool:
    """The per-body summary of needs and the aggregate of disability kinds: the officer."""
    return is_officer(user)





CHECKS = (
    can_view_body,
    can_manage_council,
    can_see_contact_details,
    can_view_support_needs,
    can_edit_support_needs,
    can_view_support_summary,
)
