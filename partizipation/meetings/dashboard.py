"""The meetings section's figures of /mein-bereich (see partizipation/dashboard.py): the user's
coming invitations and those without an answer; for the officer the bodies' meeting rhythm and
the minutes not yet approved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

from sqlalchemy import bindparam, func, select

from .. import clock
from ..council.models import Body
from ..dashboard import NOW, USER_ID, count, figure, figure_rows, first, rows, value
from ..db import UTCDateTime
from ..people.models import Person
from ..permissions import is_signed_in
from .models import Invitee, Meeting, MeetingRecord, MeetingStatus
from .permissions import can_manage_meetings
from .rhythm import PERIOD_DAYS, WITH_RHYTHM, Rhythm, behind_first, rhythm
from .rhythm import figures as rhythm_figures


def _coming() -> Any:
    """The user's invitations to meetings that have not ended."""
    return (select(Invitee.id).join(Meeting, Invitee.meeting_id == Meeting.id)
            .where(Invitee.person_id == select(Person.id).where(Person.user_id == USER_ID)
                   .scalar_subquery(),
                   Meeting.status == MeetingStatus.INVITED, Meeting.ends_at >= NOW))


def figures(user: Any) -> dict[str, Callable[[], Any]]:
    found: dict[str, Callable[[], Any]] = {}
    if is_signed_in(user):
        found["person"] = lambda: value(select(Person.id).where(Person.user_id == USER_ID))
        found["upcoming"] = lambda: count(_coming())
        found["open"] = lambda: count(_coming().where(Invitee.answer == "open"))
    if can_manage_meetings(user):
        found["rhythm"] = _rhythm
        found["minutes_open"] = _minutes_open
    return found


SINCE = bindparam("meetings_since", type_=UTCDateTime)
MINUTES_WINDOW = 100  # held meetings: years of every body's meetings


def parameters() -> dict[str, Any]:
    return {"meetings_since": clock.now() - timedelta(days=PERIOD_DAYS)}


def _rhythm() -> Any:
    held, late, last = rhythm_figures(NOW, SINCE)
    return rows(select(Body.id, Body.name, Body.min_meetings_per_year,
                       Body.target_meetings_per_year, held.label("held"), late.label("late"),
                       last.label("last")).where(WITH_RHYTHM).order_by(Body.name))


def rhythms() -> list[Rhythm]:
    """`rhythm.rhythms` from the dashboard's statement: the bodies behind their rhythm first."""
    found = []
    for row in figure_rows("meetings.rhythm"):
        last = datetime.fromisoformat(row["last"]) if row["last"] else None
        if last is not None and last.tzinfo is None:
            last = last.replace(tzinfo=UTC)  # SQLite keeps UTC without its offset
        found.append(rhythm(SimpleNamespace(**row), row["held"], row["late"], last))
    return behind_first(found)


def _minutes_open() -> Any:
    """Held meetings whose minutes are not approved, among the newest MINUTES_WINDOW held ones
    (walked by the index on the start): the work stays the same however many meetings were
    held over the years, and minutes older than that are not the officer's next task."""
    recent = first(select(Meeting.id).where(Meeting.status == MeetingStatus.HELD.value)
                   .order_by(Meeting.starts_at.desc(), Meeting.id.desc()),
                   MINUTES_WINDOW).subquery()
    # Each meeting's record looked up by its unique index (a meeting has at most one): a join
    # read every record of every year to hash it.
    status = (select(MeetingRecord.minutes_status)
              .where(MeetingRecord.meeting_id == recent.c.id).scalar_subquery())
    return count(select(recent.c.id).where(func.coalesce(status, "") != "approved"))


def my_area() -> dict[str, Any]:
    """What the meetings section of /mein-bereich shows for the signed-in user."""
    return {"person": figure("meetings.person"), "upcoming": figure("meetings.upcoming", 0) or 0,
            "open": figure("meetings.open", 0) or 0}


def minutes_open() -> int:
    return figure("meetings.minutes_open", 0) or 0
