"""Who may see and change persons, and handle their data rights (export, deletion)."""

from __future__ import annotations

from typing import Any

from ..permissions import is_officer, is_officer_or_admin, is_signed_in


def can_manage_persons(user: Any) -> bool:
    """The list of persons, their details and invitations: the officer and the admin."""
    return is_officer_or_admin(user)


def can_export_own_data(user: Any) -> bool:
    """Every signed-in person may see and download what is stored about them."""
    return is_signed_in(user)


def can_request_deletion(user: Any) -> bool:
    return is_signed_in(user)


def can_handle_deletion_requests(user: Any) -> bool:
    """Completing a request deletes health data, so it is the officer's task."""
    return is_officer(user)


CHECKS = (can_manage_persons, can_export_own_data, can_request_deletion,
          can_handle_deletion_requests)
