"""Demo barrier reports (invented): one overdue and open, one in progress."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from ..db import utcnow
from .models import BarrierReport, ReportStatus, one_month_later


def seed(session: Session, users: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Two example reports for the officer's inbox; no accounts, no mail."""
    now = utcnow()
    overdue_at = now - timedelta(days=40)
    recent_at = now - timedelta(days=3)
    session.add_all([
        BarrierReport(
            problem=(
                "Das Protokoll der Beiratssitzung gibt es nur als eingescanntes PDF. "
                "Mein Screenreader kann es nicht vorlesen. Ich brauche es als Text "
                "oder in Leichter Sprache."
            ),
            location="/sitzungen",
            name="Erika Beispiel (erfunden)",
            email="erika.beispiel@example.org",
            wants_answer=True,
            locale="de",
            created_at=overdue_at,
            due_on=one_month_later(overdue_at.date()),
            status=ReportStatus.OPEN.value,
        ),
        BarrierReport(
            problem=(
                "The video on the start page has no captions. Please add captions "
                "or a transcript."
            ),
            location="Startseite, Video zur Gebärdensprache",
            wants_answer=False,
            locale="en",
            created_at=recent_at,
            due_on=one_month_later(recent_at.date()),
            status=ReportStatus.IN_PROGRESS.value,
            officer_note="Untertitel beim Dienstleister bestellt (Demo).",
        ),
    ])
    session.flush()
    return []
