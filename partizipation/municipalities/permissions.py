"""Who may do what with municipalities and their contacts.

A municipality contact's power comes from a MunicipalityContact row (not ended), never from a
role; the officer (and the admin) manage the municipalities. The rows a user has are read once
per request and kept on `g` (`cached_per_request`, which domains building on this one use too).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import g, has_app_context
from sqlalchemy import select

from ..db import db
from ..permissions import is_officer_or_admin, is_signed_in
from .models import Municipality, MunicipalityContact

T = TypeVar("T")


def cached_per_request(key: str, user: Any, load: Callable[[], T]) -> T:
    """`load()` once per request and user (every time outside a request)."""
    if not has_app_context():
        return load()
    cache = g.setdefault("municipality_scope", {})
    ident = (key, user.id)
    if ident not in cache:
        cache[ident] = load()
    return cache[ident]  # type: ignore[no-any-return]


def managed_municipality_ids(user: Any) -> frozenset[int]:
    """Ids of the municipalities `user` is a (current) contact of."""
    if not is_signed_in(user):
        return frozenset()
    return cached_per_request("contact", user, lambda: frozenset(db.session.scalars(
        select(MunicipalityContact.municipality_id).where(
            MunicipalityContact.user_id == user.id, MunicipalityContact.ended_at.is_(None)
        )
    )))


def is_municipality_contact(user: Any, municipality: Municipality | None = None) -> bool:
    """A contact of `municipality` (of any municipality when none is given)."""
    ids = managed_municipality_ids(user)
    return bool(ids) if municipality is None else municipality.id in ids


def can_manage_municipalities(user: Any, municipality: Municipality | None = None) -> bool:
    """Add and change municipalities and their agreement state; invite and end contacts."""
    return is_officer_or_admin(user)


CHECKS = (
    is_municipality_contact,
    can_manage_municipalities,
)
