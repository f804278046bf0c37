"""Password hashing with argon2id. The cost comes from the configuration (ARGON2_*): in production
the OWASP-recommended argon2id setting with the least memory (7 MiB, 5 passes, 1 lane; one
verification costs about 16–20 ms CPU on the 2-core reference machine); the tests lower it, since
they sign in hundreds of times. A hash made with another cost is replaced at the next sign-in
(`needs_rehash`).

Nothing is hashed at import or at start-up: the dummy hash that unknown accounts are checked
against (so both paths take the same time) is made at the first such check, with the same cost."""

from __future__ import annotations

from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ..config import DEFAULTS


def hasher_for(config: dict[str, Any]) -> PasswordHasher:
    """An argon2id hasher with the cost of `config` (ARGON2_TIME_COST, _MEMORY_COST,
    _PARALLELISM)."""
    return PasswordHasher(time_cost=config["ARGON2_TIME_COST"],
                          memory_cost=config["ARGON2_MEMORY_COST"],
                          parallelism=config["ARGON2_PARALLELISM"])


_hasher = hasher_for(DEFAULTS)
_dummy_hash: str | None = None


def configure(config: dict[str, Any]) -> None:
    """Use the argon2 cost from `config`."""
    global _hasher, _dummy_hash
    wanted = hasher_for(config)
    if (wanted.time_cost, wanted.memory_cost, wanted.parallelism) != (
            _hasher.time_cost, _hasher.memory_cost, _hasher.parallelism):
        _hasher = wanted
        _dummy_hash = None


def _dummy() -> str:
    """The hash unknown accounts are checked against, made once (lazily) with the current cost."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = _hasher.hash("not-a-real-password")
    return _dummy_hash


def hash_password(password: str) -> str:
    """Hash a password with argon2id."""
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when `password` matches; a missing hash never matches (but costs the same time)."""
    try:
        return _hasher.verify(password_hash or _dummy(), password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Whether the hash was made with another cost than the configured one."""
    return _hasher.check_needs_rehash(password_hash)
