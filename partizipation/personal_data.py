"""A person's data export: each domain contributes what it stores (see <domain>/export.py)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from .accounts.export import export_user_data as accounts_data
from .accounts.models import User
from .council.export import export_user_data as council_data
from .municipalities.export import export_user_data as municipalities_data

SECTIONS = (("account", accounts_data), ("council", council_data),
            ("municipalities", municipalities_data))


def export_user_data(session: Session, user: User) -> dict[str, Any]:
    """Everything the platform stores about `user`, one key per domain."""
    return {name: collect(session, user) for name, collect in SECTIONS}
