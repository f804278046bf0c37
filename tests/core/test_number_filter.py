"""Numbers in templates are formatted per language (remembered per language and value): the
same number reads 1.234,5 on a German page and 1,234.5 on an English one, each time."""

from __future__ import annotations

from flask import render_template_string
from flask_babel import force_locale


def test_a_number_is_formatted_in_the_page_language_every_time(app) -> None:  # type: ignore[no-untyped-def]
    with app.test_request_context("/"):
        for _twice in range(2):
            for locale, expected in (("de", "1.234,5 · 12.345 · 0"),
                                     ("en", "1,234.5 · 12,345 · 0")):
                with force_locale(locale):
                    shown = render_template_string(
                        "{{ 1234.5|number }} · {{ 12345|number }} · {{ 0|number }}")
                assert shown == expected, locale
