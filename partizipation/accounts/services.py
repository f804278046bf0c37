"""Account actions: create, authenticate. Services flush; the view commits."""

from __future__ import annotations

import secrets

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db import utcnow
from ..permissions import Role
from .models import User
from .passwords import hash_password, needs_rehash, verify_password


class AccountError(ValueError):
    """A rule about accounts was broken; `field` names the form field the message belongs to."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def normalize_email(email: str) -> str:
    return email.strip().lower()


def find_user_by_email(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(func.lower(User.email) == normalize_email(email)))


def create_user(
    session: Session,
    *,
    email: str,
    display_name: str,
    role: str = Role.MEMBER.value,
    password: str | None = None,
    locale: str = "de",
) -> User:
    """Create an account; raises AccountError for an unknown role or a taken email address."""
    from ..i18n import _l

    if role not in {r.value for r in Role}:
        raise AccountError(str(_l("Choose one of the roles: admin, officer, editor, member.")), "role")
    if find_user_by_email(session, email) is not None:
        raise AccountError(str(_l("An account with this email address already exists.")), "email")
    user = User(
        email=normalize_email(email),
        display_name=display_name.strip(),
        role=role,
        locale=locale,
        password_hash=hash_password(password) if password else None,
    )
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The active user with these credentials, or None (same answer for every failure)."""
    user = find_user_by_email(session, email)
    if not verify_password(user.password_hash if user else None, password):
        return None
    assert user is not None
    if user.password_hash and needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    return user


def generate_password() -> str:
    """A random password for generated demo and command-line accounts."""
    return secrets.token_urlsafe(12)
