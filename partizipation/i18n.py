"""Locale and timezone selection; translation catalogs per domain package."""

from __future__ import annotations

from pathlib import Path

from flask import Flask, current_app, has_request_context, request, session
from flask_babel import lazy_gettext
from flask_login import current_user

from .extensions import babel

PACKAGE = Path(__file__).resolve().parent

_l = lazy_gettext


def translation_directories() -> list[str]:
    """The catalog folders of the core and of every domain package that has one.

    Each message id lives in exactly one catalog (tools/i18n.py moves shared ones to the core),
    so the order in which Flask-Babel merges them does not matter."""
    from .domains import domains

    return [str(PACKAGE / "translations")] + [str(d.catalog) for d in domains() if d.catalog]


def select_locale() -> str:
    """The language switch of this session, else the user's setting, else Accept-Language,
    else German. (The switch wins over the setting so that it works when signed in, without
    a GET request changing the stored setting; saving the profile clears the switch.)"""
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]  # type: ignore[no-any-return]
    chosen = session.get("lang")
    if isinstance(chosen, str) and chosen in languages:
        return chosen
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale  # type: ignore[no-any-return]
    return request.accept_languages.best_match(languages) or current_app.config[
        "BABEL_DEFAULT_LOCALE"
    ]


def init_app(app: Flask) -> None:
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = ";".join(translation_directories())
    babel.init_app(app, locale_selector=select_locale)
