"""Shared permission checks. Each is a small function used by the view (403) and the template.

Domain packages keep their own checks in `<domain>/permissions.py`, built from these.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from flask import abort
from flask_login import current_user

P = ParamSpec("P")
R = TypeVar("R")


class Role(StrEnum):
    ADMIN = "admin"
    OFFICER = "officer"
    EDITOR = "editor"
    MEMBER = "member"


def _role(user: Any) -> str | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user.role  # type: ignore[no-any-return]


def is_signed_in(user: Any) -> bool:
    """Any active, signed-in account."""
    return _role(user) is not None


def is_officer(user: Any) -> bool:
    """The district inclusion officer (the role that runs the platform's content)."""
    return _role(user) == Role.OFFICER


def is_admin(user: Any) -> bool:
    """The technical administrator."""
    return _role(user) == Role.ADMIN


def is_officer_or_admin(user: Any) -> bool:
    return _role(user) in {Role.OFFICER, Role.ADMIN}


def is_editor(user: Any) -> bool:
    """Press office / editors; the officer may edit too."""
    return _role(user) in {Role.EDITOR, Role.OFFICER}


def require(allowed: bool) -> None:
    """Abort with 403 (or send to the login page when signed out) unless `allowed`."""
    if allowed:
        return
    if not current_user.is_authenticated:
        from .extensions import login_manager

        abort(login_manager.unauthorized())
    abort(403)


def requires(check: Callable[[Any], bool]) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorator: the current user must pass `check`."""

    def decorator(view: Callable[P, R]) -> Callable[P, R]:
        @wraps(view)
        def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
            require(check(current_user))
            return view(*args, **kwargs)

        return wrapped

    return decorator
