"""How often each body meets: meetings held in the last 12 months against the body's minimum and
target per year, the day by which the next must take place, and late invitations in the period.
One query for all bodies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from .. import clock
from ..council.models import Body
from .models import Meeting, MeetingStatus

PERIOD_DAYS = 365


@dataclass
class Rhythm:
    body: Any  # the Body, or what the dashboard read of it (id, name, minimum, target)
    held: int
    late_invitations: int
    last_on: date | None
    minimum: int
    target: int

    @property
    def behind(self) -> bool:
        return self.held < self.minimum

    @property
    def below_target(self) -> bool:
        return self.held < self.target

    @property
    def next_due(self) -> date | None:
        """The day by which the next meeting must take place to keep the minimum."""
        if not self.minimum:
            return None
        if self.last_on is None:
            return clock.today()
        return self.last_on + timedelta(days=PERIOD_DAYS // self.minimum)

    @property
    def overdue(self) -> bool:
        return self.next_due is not None and self.next_due < clock.today()


def figures(now: Any, since: Any) -> tuple[Any, Any, Any]:
    """Per body (correlated): meetings held in the period, late invitations in it, and the
    start of the last meeting that took place. `now` and `since` are moments or parameters."""
    took_place = and_(Meeting.status.in_([MeetingStatus.HELD.value, MeetingStatus.INVITED.value]),
                      Meeting.starts_at <= now)
    in_period = and_(took_place, Meeting.starts_at >= since)

    def of_body(figure: Any, *where: Any) -> Any:
        return (select(figure).where(Meeting.body_id == Body.id, *where)
                .correlate(Body).scalar_subquery())

    # Each figure by the index on (body, start): the work grows with the meetings of the
    # period, not with every meeting the body ever held.
    return (of_body(func.count(), in_period),
            of_body(func.count(), Meeting.invited_late.is_(True), Meeting.starts_at >= since),
            of_body(func.max(Meeting.starts_at), took_place))


WITH_RHYTHM = (Body.min_meetings_per_year > 0) | (Body.target_meetings_per_year > 0)


def rhythm(body: Any, held: int | None, late: int | None, last: datetime | None) -> Rhythm:
    return Rhythm(body=body, held=held or 0, late_invitations=late or 0,
                  last_on=clock.local(last).date() if last else None,
                  minimum=body.min_meetings_per_year, target=body.target_meetings_per_year)


def behind_first(found: list[Rhythm]) -> list[Rhythm]:
    return sorted(found, key=lambda r: (not r.behind, not r.overdue, r.body.name))


def rhythms(session: Session) -> list[Rhythm]:
    """Every body with a minimum or target, those behind their rhythm first (one query)."""
    now = clock.now()
    held, late, last = figures(now, now - timedelta(days=PERIOD_DAYS))
    rows = session.execute(
        select(Body, held, late, last).where(WITH_RHYTHM).order_by(Body.name)).all()
    return behind_first([rhythm(*row) for row in rows])
