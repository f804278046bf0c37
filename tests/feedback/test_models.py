from datetime import date

import pytest

from partizipation.feedback.models import one_month_later


@pytest.mark.parametrize(
    ("day", "due"),
    [
        (date(2026, 3, 15), date(2026, 4, 15)),
        (date(2026, 1, 31), date(2026, 2, 28)),
        (date(2028, 1, 31), date(2028, 2, 29)),
        (date(2026, 3, 31), date(2026, 4, 30)),
        (date(2026, 12, 31), date(2027, 1, 31)),
        (date(2026, 12, 1), date(2027, 1, 1)),
    ],
)
def test_due_date_is_the_same_day_next_month_or_that_months_last_day(day, due):
    assert one_month_later(day) == due
