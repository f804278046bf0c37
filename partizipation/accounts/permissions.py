"""Who may do what with accounts. Each check is used by the view (403) and the template."""

from __future__ import annotations

from typing import Any

from ..permissions import Role, is_admin, is_officer, is_officer_or_admin, is_signed_in


def can_edit_profile(user: Any) -> bool:
    """Every signed-in person keeps their own profile."""
    return is_signed_in(user)


def can_manage_users(user: Any) -> bool:
    """The officer and the admin see the user list and invite people."""
    return is_officer_or_admin(user)


def can_assign_role(actor: Any, role: str) -> bool:
    """Only an admin may give the admin role; only the officer may give the officer role (it
    opens health data, which the admin must never reach); both may give the other roles."""
    if role not in {r.value for r in Role}:
        return False
    if role == Role.OFFICER:
        return is_officer(actor)
    if role == Role.ADMIN:
        return is_admin(actor)
    return can_manage_users(actor)


def can_change_user(actor: Any, target: Any) -> bool:
    """Change another person's account: never one's own, and an officer never an admin's."""
    if not can_manage_users(actor) or target is None or target.id == actor.id:
        return False
    return is_admin(actor) or target.role != Role.ADMIN


def _may_change_access(actor: Any, target: Any) -> bool:
    """Who holds the officer's account in their hands: its role and whether it may sign in are
    the officer's alone (the admin must not take the officer's place, nor lock the officer out)."""
    if not can_change_user(actor, target):
        return False
    return target.role != Role.OFFICER or is_officer(actor)


def can_change_role(actor: Any, target: Any, new_role: str | None = None) -> bool:
    """Change `target`'s role (to `new_role`, when given); an officer's role only the officer."""
    if not _may_change_access(actor, target):
        return False
    return new_role is None or can_assign_role(actor, new_role)


def can_deactivate_user(actor: Any, target: Any) -> bool:
    """Deactivate an account; an officer's only the officer (issue 12.1)."""
    return _may_change_access(actor, target) and bool(target.is_active)


def can_reactivate_user(actor: Any, target: Any) -> bool:
    """Reactivate an account; an officer's only the officer (issue 12.1)."""
    return _may_change_access(actor, target) and not target.is_active


CHECKS = (
    can_edit_profile,
    can_manage_users,
    can_assign_role,
    can_change_user,
    can_change_role,
    can_deactivate_user,
    can_reactivate_user,
)
