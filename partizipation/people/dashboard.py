"""The people section's figures of /mein-bereich (see partizipation/dashboard.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from ..dashboard import count
from .models import DeletionRequest
from .permissions import can_handle_deletion_requests


def figures(user: Any) -> dict[str, Callable[[], Any]]:
    if not can_handle_deletion_requests(user):
        return {}
    # At most one open request per account (a partial unique index, which the count reads).
    return {"open_requests": lambda: count(
        select(DeletionRequest.id).where(DeletionRequest.completed_at.is_(None)))}
