"""Other domains link to a meeting by ("meeting", id) (see partizipation/links.py): what may be
linked (announced public meetings) and how a linked one is shown."""

from __future__ import annotations

from typing import Any

from flask import url_for
from flask_babel import format_date
from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import clock
from ..i18n import _l
from .models import Meeting, MeetingStatus

KIND = "meeting"
LABEL = _l("Meeting")
LIMIT = 200


def _public() -> Any:
    return Meeting.is_public.is_(True) & (Meeting.status != MeetingStatus.PLANNED.value)


def _title(meeting: Meeting) -> str:
    return f"{meeting.title} ({format_date(clock.local(meeting.starts_at).date())})"


def choices(session: Session) -> list[tuple[int, str]]:
    """The last public meetings, newest first."""
    return [(m.id, _title(m)) for m in session.scalars(
        select(Meeting).where(_public()).order_by(Meeting.starts_at.desc(), Meeting.id.desc())
        .limit(LIMIT))]


def describe(session: Session, ids: list[int]) -> dict[int, tuple[str, str]]:
    """id -> (title, URL) of the public meetings among `ids` (one query)."""
    if not ids:
        return {}
    return {m.id: (_title(m), url_for("meetings.detail", meeting_id=m.id))
            for m in session.scalars(select(Meeting).where(Meeting.id.in_(ids), _public()))}
