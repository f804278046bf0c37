"""The platform's one clock: "today" is the date in Europe/Berlin, whatever the server's zone.

Every date rule (a term that ended, a deadline, "not in the future") asks `today()`; every stored
moment is an aware UTC datetime from `now()`. Tests move the clock with `freeze()`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")
_frozen: datetime | None = None


def now() -> datetime:
    """The current moment as an aware UTC datetime."""
    return _frozen if _frozen is not None else datetime.now(UTC)


def today() -> date:
    """Today's date in Europe/Berlin (the district's calendar day)."""
    return now().astimezone(BERLIN).date()


def local(moment: datetime) -> datetime:
    """An aware datetime as Berlin wall-clock time."""
    return moment.astimezone(BERLIN)


def berlin(day: date, hour: int = 0, minute: int = 0) -> datetime:
    """A Berlin wall-clock time on `day`, as an aware datetime (for storing, convert to UTC)."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)


@contextmanager
def freeze(moment: datetime) -> Iterator[None]:
    """Let `now()` and `today()` answer as if it were `moment` (aware) inside the block."""
    global _frozen
    if moment.tzinfo is None:
        raise ValueError("freeze() needs an aware datetime")
    previous, _frozen = _frozen, moment.astimezone(UTC)
    try:
        yield
    finally:
        _frozen = previous
