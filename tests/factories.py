"""Plain factory functions for tests. Each flushes; the test's transaction is rolled back."""

from __future__ import annotations

import itertools
from typing import Any

from sqlalchemy.orm import Session

from partizipation.accounts.models import User
from partizipation.accounts.passwords import hasher_for

TEST_PASSWORD = "correct horse battery staple"
# The lowest argon2 cost: tests sign in hundreds of times (production keeps the defaults).
TEST_ARGON2 = {"ARGON2_TIME_COST": 1, "ARGON2_MEMORY_COST": 8, "ARGON2_PARALLELISM": 1}
_counter = itertools.count(1)
_HASH = hasher_for(TEST_ARGON2).hash(TEST_PASSWORD)


def create_user(session: Session, role: str = "member", **fields: Any) -> User:
    """A user with the password TEST_PASSWORD (unless `password_hash` is given)."""
    number = next(_counter)
    fields.setdefault("email", f"user{number}@example.org")
    fields.setdefault("display_name", f"Test User {number}")
    fields.setdefault("password_hash", _HASH)
    user = User(role=role, **fields)
    session.add(user)
    session.flush()
    return user
