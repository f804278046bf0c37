"""The notice computation, table-driven with the seeds' rules: six months to the end of a year
(seeds 000 and 001) from several days — the last day itself, the day after, leap years —, other
periods, at any time (seed 002), open-ended agreements and an agreement past its end."""

from __future__ import annotations

from datetime import date

import pytest

from partizipation.agreements.notice import Notice, last_notice_day, notice_on, plus_months

D = date
YEAR6 = {"months": 6, "to": "year", "valid_until": None}


@pytest.mark.parametrize(("today", "rule", "expected"), [
    # Seed 000/001: six months to the end of a year → notice by 30 June for 31 December.
    (D(2026, 1, 1), YEAR6, Notice("period", D(2026, 12, 31), D(2026, 6, 30), 180)),
    (D(2026, 6, 29), YEAR6, Notice("period", D(2026, 12, 31), D(2026, 6, 30), 1)),
    (D(2026, 6, 30), YEAR6, Notice("period", D(2026, 12, 31), D(2026, 6, 30), 0)),  # the day
    (D(2026, 7, 1), YEAR6, Notice("period", D(2027, 12, 31), D(2027, 6, 30), 364)),
    (D(2026, 12, 31), YEAR6, Notice("period", D(2027, 12, 31), D(2027, 6, 30), 181)),
    (D(2020, 2, 20), YEAR6, Notice("period", D(2020, 12, 31), D(2020, 6, 30), 131)),
    # Leap years: one month to the end of a quarter → by the end of February.
    (D(2024, 2, 29), {"months": 1, "to": "quarter", "valid_until": None},
     Notice("period", D(2024, 3, 31), D(2024, 2, 29), 0)),
    (D(2025, 2, 28), {"months": 1, "to": "quarter", "valid_until": None},
     Notice("period", D(2025, 3, 31), D(2025, 2, 28), 0)),
    (D(2025, 3, 1), {"months": 1, "to": "quarter", "valid_until": None},
     Notice("period", D(2025, 6, 30), D(2025, 5, 31), 91)),
    # Six months to the end of a year across a leap day: 1 Jan 2024 → 30 June is 181 days.
    (D(2024, 1, 1), YEAR6, Notice("period", D(2024, 12, 31), D(2024, 6, 30), 181)),
    # Three months to the end of a month.
    (D(2026, 11, 30), {"months": 3, "to": "month", "valid_until": None},
     Notice("period", D(2027, 2, 28), D(2026, 11, 30), 0)),
    (D(2026, 12, 1), {"months": 3, "to": "month", "valid_until": None},
     Notice("period", D(2027, 3, 31), D(2026, 12, 31), 30)),
    # Seed 002: either side may end it at any time; no period before it takes effect.
    (D(2024, 5, 2), {"months": None, "to": "any_time", "valid_until": D(2025, 4, 30)},
     Notice("any_time", D(2024, 5, 2), D(2024, 5, 2), 0)),
    # … and today it is past its end: ended, not in force.
    (D(2026, 11, 29), {"months": None, "to": "any_time", "valid_until": D(2025, 4, 30)},
     Notice("ended", D(2025, 4, 30))),
    (D(2025, 4, 30), {"months": None, "to": "any_time", "valid_until": D(2025, 4, 30)},
     Notice("any_time", D(2025, 4, 30), D(2025, 4, 30), 0)),  # its last day it still applies
    # A fixed term ends before notice could take effect.
    (D(2026, 8, 1), {"months": 6, "to": "year", "valid_until": D(2026, 12, 31)},
     Notice("fixed", D(2026, 12, 31), None, 152)),
    # Open-ended without a rule (seed 001 "until replaced" without notice).
    (D(2026, 1, 1), {"months": None, "to": "", "valid_until": None}, Notice("fixed")),
    (D(2026, 1, 1), {"months": None, "to": "", "valid_until": D(2026, 1, 31)},
     Notice("fixed", D(2026, 1, 31), None, 30)),
    # At any time with two months: given today it ends two months on (end of month kept).
    (D(2026, 12, 31), {"months": 2, "to": "any_time", "valid_until": None},
     Notice("any_time", D(2027, 2, 28), D(2026, 12, 31), 0)),
])
def test_notice(today, rule, expected):
    assert notice_on(today, **rule) == expected


def test_ended_or_not_yet_in_force():
    assert notice_on(D(2026, 1, 1), ended_on=D(2025, 12, 31), **YEAR6) == Notice(
        "ended", D(2025, 12, 31))
    assert notice_on(D(2026, 1, 1), in_force=False, **YEAR6).state == "not_in_force"


@pytest.mark.parametrize(("end", "months", "last"), [
    (D(2026, 12, 31), 6, D(2026, 6, 30)), (D(2024, 3, 31), 1, D(2024, 2, 29)),
    (D(2023, 3, 31), 1, D(2023, 2, 28)), (D(2026, 12, 31), 0, D(2026, 12, 31)),
    (D(2026, 1, 31), 13, D(2024, 12, 31)),
])
def test_last_notice_day(end, months, last):
    assert last_notice_day(end, months) == last


def test_plus_months_keeps_the_end_of_the_month():
    assert plus_months(D(2023, 8, 31), 6) == D(2024, 2, 29)
    assert plus_months(D(2024, 8, 31), 6) == D(2025, 2, 28)
