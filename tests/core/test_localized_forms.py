"""Dates and numbers in forms per locale: an English reader types 15/01/2027 or Jan 15, 2027 and
sees dates and hints as English writes them; German stays 15.01.2027; ISO always works."""

from __future__ import annotations

from datetime import date

import pytest
from flask_babel import force_locale
from werkzeug.datastructures import MultiDict

from partizipation.facilitators.forms import HoursField
from partizipation.forms import DateField, Form


class DateForm(Form):
    on = DateField("On")
    hours = HoursField("Hours")


@pytest.fixture()
def ctx(app):
    with app.test_request_context():
        yield


def _form(locale, **data):
    with force_locale(locale):
        form = DateForm(formdata=MultiDict(data), meta={"csrf": False})
        form.validate()
        return form


@pytest.mark.parametrize("typed", ["15/01/2027", "Jan 15, 2027", "15 January 2027",
                                   "January 15, 2027", "2027-01-15", "15.01.2027"])
def test_english_reader_dates_are_understood(ctx, typed):
    form = _form("en", on=typed)
    assert form.on.data == date(2027, 1, 15), form.errors


@pytest.mark.parametrize("typed", ["15.01.2027", "15.1.27", "2027-01-15", "15. Januar 2027"])
def test_german_reader_dates_are_understood(ctx, typed):
    assert _form("de", on=typed).on.data == date(2027, 1, 15)


def test_dates_and_hints_are_shown_per_locale(ctx):
    with force_locale("en"):
        form = DateForm(data={"on": date(2024, 1, 15), "hours": 7.5}, meta={"csrf": False})
        assert form.on._value() == "Jan 15, 2024"
        assert form.hours._value() == "7.5"
        assert "27.03.2026" not in str(form.on.description)
        assert "Mar 27, 2026" in str(form.on.description)
    with force_locale("de"):
        form = DateForm(data={"on": date(2024, 1, 15), "hours": 7.5}, meta={"csrf": False})
        assert form.on._value() == "15.01.2024"
        assert form.hours._value() == "7,5"
        assert str(form.on.description) == "Zum Beispiel 27.03.2026"


def test_a_wrong_date_says_what_to_type_in_the_readers_format(ctx):
    form = _form("en", on="31/02/2027")
    assert form.on.errors == ["Enter a real date like Mar 27, 2026."]
    form = _form("de", on="31.02.2027")
    assert form.on.errors == ["Geben Sie ein gültiges Datum ein, zum Beispiel 27.03.2026."]


def test_hours_with_comma_or_point(ctx):
    assert _form("en", hours="7.5").hours.data == 7.5
    assert _form("de", hours="7,5").hours.data == 7.5
