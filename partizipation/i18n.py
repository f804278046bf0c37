"""Locale and timezone selection; translation catalogs per domain package."""

from __future__ import annotations

from pathlib import Path

from flask import Flask, current_app, has_request_context, request, session
from flask_babel import lazy_gettext
from flask_login import current_user

from .extensions import babel

PACKAGE = Path(__file__).resolve().parent
# Each domain keeps its own catalog next to its code, so domains can be translated independently.
DOMAINS = ("", "accounts", "bitv", "feedback", "mail", "people", "council", "municipalities")

_l = lazy_gettext


def translation_directories() -> list[str]:
    """The catalog folders of the core and of every domain package."""
    return [str(PACKAGE / domain / "translations") for domain in DOMAINS]


def select_locale() -> str:
    """The language switch of this session, else the user's setting, else Accept-Language,
    else German. (The switch wins over the setting so that it works when signed in, without
    a GET request changing the stored setting; saving the profile clears the switch.)"""
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]  # type: ignore[no-any-return]
    chosen = session.get("lang")
    if chosen in languages:
        return chosen  # type: ignore[no-any-return]
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale  # type: ignore[no-any-return]
    return request.accept_languages.best_match(languages) or current_app.config[
        "BABEL_DEFAULT_LOCALE"
    ]


def init_app(app: Flask) -> None:
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = ";".join(translation_directories())
    babel.init_app(app, locale_selector=select_locale)
