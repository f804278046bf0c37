"""Dates and numbers in forms, per locale (Babel): shown as the reader writes them, parsed as a
German or an English reader would type them. ISO (2027-01-15) is always understood.

German: 15.01.2027 (also 15.1.27, "15. Januar 2027"). English: Jan 15, 2027 (shown), and typed
15/01/2027 (day first, as in Britain and Ireland; month first only where day first is impossible,
03/27/2026), "15 January 2027", "January 15, 2027".
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from babel import Locale
from flask_babel import LazyString, format_date, format_decimal, get_locale

ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
NUMERIC = re.compile(r"^(\d{1,2})\s*([./])\s*(\d{1,2})\s*[./]\s*(\d{2}|\d{4})\.?$")
NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")


def example_date(day: int = 27, month: int = 3, year: int = 2026) -> LazyString:
    """A date for hints and messages, written as the reader's locale writes it."""
    return LazyString(lambda: format_input_date(date(year, month, day)))


def example_number(value: float) -> LazyString:
    """A number for hints and messages: 19,5 in German, 19.5 in English."""
    return LazyString(lambda: format_decimal(value))


def format_input_date(value: date) -> str:
    """A date as a form shows it: 27.03.2026, Mar 27, 2026."""
    return str(format_date(value, "medium"))


def format_input_number(value: float) -> str:
    """A number as a form shows it, without grouping: 19,5 or 19.5."""
    return str(format_decimal(value, format="0.##"))


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if len(text) == 2 else year


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_names() -> dict[str, int]:
    """Month names and abbreviations of the reader's locale, German and English, lower case."""
    names: dict[str, int] = {}
    for code in {str(get_locale() or "de"), "de", "en"}:
        months = Locale.parse(code).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    names.setdefault(name.lower().rstrip("."), number)
    names.setdefault("sept", 9)
    return names


def _parse_words(text: str) -> date | None:
    words = re.findall(r"[^\W\d_]+", text.lower())
    numbers = re.findall(r"\d+", text)
    if len(words) != 1 or len(numbers) != 2 or re.search(r"[^\w\s.,]", text):
        return None
    month = _month_names().get(words[0])
    if month is None:
        return None
    first, second = numbers
    if len(first) == 4:
        first, second = second, first
    if len(second) not in (2, 4) or len(first) > 2:
        return None
    return _make(_year(second), month, int(first))


def parse_input_date(text: str) -> date | None:
    """The date in `text`, or None when it is not one."""
    text = " ".join(text.split())
    if match := ISO.match(text):
        return _make(int(match[1]), int(match[2]), int(match[3]))
    if match := NUMERIC.match(text):
        first, separator, second, year = match[1], match[2], match[3], _year(match[4])
        day_first = _make(year, int(second), int(first))
        if day_first or separator == ".":
            return day_first
        return _make(year, int(first), int(second))
    return _parse_words(text)


def parse_input_number(text: str) -> float | None:
    """A number typed with a decimal comma or point (19,5 / 19.5), or None."""
    text = text.strip().replace(" ", "")
    if not NUMBER.match(text):
        return None
    return float(text.replace(",", "."))


def localized(value: Any) -> Any:
    """For templates: a date in the form's format; anything else unchanged."""
    return format_input_date(value) if isinstance(value, date) else value
