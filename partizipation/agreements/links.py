"""Agreements as a kind other domains can link to (partizipation/links.py): a milestone's
evidence can be the agreement that was signed."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..i18n import _l
from .models import Agreement

KIND = "agreement"
LABEL = _l("Agreement")


def choices(session: Session) -> list[tuple[int, str]]:
    rows = session.execute(select(Agreement.id, Agreement.title)
                           .order_by(Agreement.id.desc()).limit(200))
    return [(ident, title) for ident, title in rows]


def describe(session: Session, ids: list[int]) -> dict[int, tuple[str, str]]:
    from flask import url_for

    if not ids:
        return {}
    rows = session.execute(select(Agreement.id, Agreement.title)
                           .where(Agreement.id.in_(set(ids))))
    return {ident: (title, url_for("agreements.detail", agreement_id=ident))
            for ident, title in rows}
