"""The termination rule of an agreement, and what follows from it today.

A rule is "notice of N months to the end of a month, quarter or year" (notice must arrive by the
last day of the month N months before that end: six months to the end of a year means by 30 June
for 31 December), or "at any time" (with N months, possibly none, until it takes effect), or no
rule. `notice_on(...)` answers for a given day: the next end that notice can still reach, the last
day to give it, the days left; an agreement past its end has ended and needs no notice.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class NoticeTo(StrEnum):
    NONE = ""  # no termination rule (it ends at its end date, or when replaced)
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    ANY_TIME = "any_time"


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def plus_months(day: date, months: int) -> date:
    """`day` moved by `months`, kept inside the month (31 August + 6 months = 28/29 February)."""
    year, month = add_months(day.year, day.month, months)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _period_ends(start: date, unit: NoticeTo) -> list[date]:
    """Period ends from the one containing `start` on, enough for any notice of up to 10 years."""
    step = {NoticeTo.MONTH: 1, NoticeTo.QUARTER: 3, NoticeTo.YEAR: 12}[unit]
    year, month = start.year, start.month
    # The last month of the period that contains `start`.
    last = ((month - 1) // step + 1) * step
    ends = []
    for i in range(0, 121 + step, step):
        y, m = add_months(year, last, i)
        ends.append(month_end(y, m))
    return ends


def last_notice_day(end: date, months: int) -> date:
    """The last day notice can be given for the period end `end` (a month's last day)."""
    year, month = add_months(end.year, end.month, -months)
    return month_end(year, month)


@dataclass(frozen=True)
class Notice:
    """What the rule means on `today`.

    state: "ended" (past its end, or ended), "fixed" (no rule: ends at `end`, or open-ended when
    `end` is None), "any_time" (notice any day; it takes effect on `end`), "period" (notice by
    `last_day` for the end `end`), "not_in_force" (draft or in negotiation)."""

    state: str
    end: date | None = None
    last_day: date | None = None
    days_left: int | None = None


def notice_on(today: date, *, months: int | None, to: str, valid_until: date | None,
              ended_on: date | None = None, in_force: bool = True) -> Notice:
    if ended_on is not None:
        return Notice("ended", end=ended_on)
    if valid_until is not None and valid_until < today:
        return Notice("ended", end=valid_until)
    if not in_force:
        return Notice("not_in_force", end=valid_until)
    rule = NoticeTo(to or "")
    if rule == NoticeTo.NONE:
        return Notice("fixed", end=valid_until,
                      days_left=(valid_until - today).days if valid_until else None)
    if rule == NoticeTo.ANY_TIME:
        end = plus_months(today, months or 0)
        if valid_until is not None and end > valid_until:
            return Notice("fixed", end=valid_until, days_left=(valid_until - today).days)
        return Notice("any_time", end=end, last_day=today, days_left=0)
    for end in _period_ends(today, rule):
        last = last_notice_day(end, months or 0)
        if last >= today:
            if valid_until is not None and end > valid_until:
                # It ends by its term before any notice could take effect.
                return Notice("fixed", end=valid_until, days_left=(valid_until - today).days)
            return Notice("period", end=end, last_day=last, days_left=(last - today).days)
    raise AssertionError("no period end found")  # pragma: no cover - the list is long enough
