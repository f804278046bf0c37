"""Demo data: the starting texts, with the Leichte Sprache texts marked as checked."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from .. import clock
from .defaults import EASY_LANGUAGE_SLUGS
from .services import get_page, get_statement

DEMO_REVIEW_GROUP = "Prüfgruppe Leichte Sprache im Kreis Unna (erfunden)"


def seed(session: Session, users: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The stored starting texts (see migration 0007), marked as checked and reviewed."""
    for slug in EASY_LANGUAGE_SLUGS:
        page = get_page(session, slug, "de")
        if page is not None and page.reviewed_by is None:
            page.reviewed_by = DEMO_REVIEW_GROUP
            page.reviewed_on = clock.today() - timedelta(days=60)
    statement = get_statement(session)
    if statement is not None:
        # A statement written half a year ago and reviewed last month, as a real one would be.
        statement.prepared_on = clock.today() - timedelta(days=180)
        statement.last_reviewed_on = clock.today() - timedelta(days=30)
    session.flush()
    return []
