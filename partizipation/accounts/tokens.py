"""Single-use, expiring links (password reset, invitation, email change) without a token table.

A token carries a fingerprint of the account's password hash, session version and email address.
Using the token changes one of them, so the same link cannot be used twice.
"""

from __future__ import annotations

import hashlib
import hmac
from enum import StrEnum
from typing import Any

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy.orm import Session

from .models import User


class Purpose(StrEnum):
    RESET = "reset"
    INVITE = "invite"
    EMAIL = "email"
    SIGNIN = "signin"


_MAX_AGE_KEYS = {
    Purpose.RESET: "RESET_TOKEN_MAX_AGE",
    Purpose.INVITE: "INVITE_TOKEN_MAX_AGE",
    Purpose.EMAIL: "RESET_TOKEN_MAX_AGE",
    Purpose.SIGNIN: "RESET_TOKEN_MAX_AGE",
}


class TokenError(Exception):
    """The link cannot be used."""


class TokenExpired(TokenError):
    """The link is authentic but too old."""


class TokenInvalid(TokenError):
    """The link was already used, was replaced, or was never valid."""


def _serializer(purpose: Purpose) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(
        current_app.config["SECRET_KEY"], salt=f"partizipation.accounts.{purpose.value}"
    )


def fingerprint(user: User, purpose: Purpose | None = None) -> str:
    """A short keyed digest of what using a link changes (never reveals the hash itself).

    A sign-in link is used up by signing in (the time of the last sign-in is part of it)."""
    state = f"{user.password_hash or ''}|{user.session_version}|{user.email}"
    if purpose == Purpose.SIGNIN:
        state += f"|{user.last_login_at.isoformat() if user.last_login_at else ''}"
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, state.encode(), hashlib.sha256).hexdigest()[:32]


def make_token(user: User, purpose: Purpose, **extra: Any) -> str:
    """A signed token for `purpose`; `extra` (JSON-ready) travels inside it."""
    return _serializer(purpose).dumps({"u": user.id, "f": fingerprint(user, purpose), **extra})


def max_age(purpose: Purpose) -> int:
    return int(current_app.config[_MAX_AGE_KEYS[purpose]])


def load_token(session: Session, token: str, purpose: Purpose) -> tuple[User, dict[str, Any]]:
    """The active user a token belongs to and its payload; raises TokenExpired or TokenInvalid."""
    try:
        payload = _serializer(purpose).loads(token, max_age=max_age(purpose))
    except SignatureExpired as error:
        raise TokenExpired from error
    except BadSignature as error:
        raise TokenInvalid from error
    if not isinstance(payload, dict) or not isinstance(payload.get("u"), int):
        raise TokenInvalid
    user = session.get(User, payload["u"])
    if user is None or not user.is_active:
        raise TokenInvalid
    if not hmac.compare_digest(str(payload.get("f", "")), fingerprint(user, purpose)):
        raise TokenInvalid
    return user, payload
