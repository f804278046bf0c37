"""Locale and timezone selection; translation catalogs per domain package."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask, current_app, g, has_request_context, request, session
from flask.globals import _cv_app
from flask_babel import Domain, get_locale, get_timezone, lazy_gettext
from flask_login import current_user
from jinja2 import pass_eval_context
from markupsafe import Markup
from werkzeug.datastructures import LanguageAccept

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
    return visitor_locale(request.accept_languages, current_app.config)


def visitor_locale(accept_languages: LanguageAccept, config: Mapping[str, Any]) -> str:
    """The language of a visitor without a switch or a setting: Accept-Language, else German.
    (Also the page cache's fast path, which answers before any request context exists.)"""
    return accept_languages.best_match(config["LANGUAGES"]) or config[  # type: ignore[no-any-return]
        "BABEL_DEFAULT_LOCALE"
    ]


class RequestDomain(Domain):
    """Flask-Babel's message domain, with the merged catalogs looked up once per request and
    locale: Flask-Babel resolves the domain, the locale and its name again for every string
    (hundreds on a page). A locale forced for a mail (`force_locale`) is a new object, so it
    gets its own catalogs."""

    def get_translations(self) -> Any:
        # The fast path of every string after the request's first (`babel_state`).
        state = babel_state()
        if state is not None:
            cached = getattr(state, "partizipation_translations", None)
            if cached is not None and cached[0] is getattr(state, "babel_locale", None):
                return cached[1]
        try:
            state = g._flask_babel
            locale = getattr(state, "babel_locale", None) or get_locale()
        except AttributeError:  # the request's first string
            locale = get_locale()
            state = g._flask_babel
        except RuntimeError:  # outside an application context
            return super().get_translations()
        cached = getattr(state, "partizipation_translations", None)
        if cached is not None and cached[0] is locale:
            return cached[1]
        translations = super().get_translations()
        state.partizipation_translations = (locale, translations)
        return translations


def babel_state() -> Any:
    """Flask-Babel's per-request state, read from the application context's variable directly
    (`g` is a proxy that looks the context up on each access)."""
    app_ctx = _cv_app.get(None)
    return getattr(app_ctx.g, "_flask_babel", None) if app_ctx is not None else None


def fast_locale() -> Any:
    """`get_locale()`, read straight from the application context once it is known (the
    proxies `g` and Flask-Babel's context cost a few µs a call; a list asks once a row)."""
    locale = getattr(babel_state(), "babel_locale", None)
    return locale if locale is not None else get_locale()


def locale_key() -> tuple[str, str | None]:
    """The current locale as a key for the formatting memos: a babel Locale hashes in Python
    (about a microsecond a lookup); its language and territory do not."""
    locale = fast_locale()
    return (locale.language, locale.territory) if locale is not None else ("de", None)


def fast_timezone() -> Any:
    """`get_timezone()`, as `fast_locale`."""
    tzinfo = getattr(babel_state(), "babel_tzinfo", None)
    return tzinfo if tzinfo is not None else get_timezone()


_RESOLVED: dict[tuple[int, str], dict[Any, str]] = {}


def resolved(table: dict[Any, Any]) -> dict[Any, str]:
    """A label table ({code: lazy text}) as plain strings in the current language, translated
    once per language and process (not once per label shown)."""
    locale = get_locale()
    key = (id(table), locale.language if locale is not None else "de")
    try:
        return _RESOLVED[key]
    except KeyError:
        found = _RESOLVED[key] = {code: str(text) for code, text in table.items()}
        return found


def init_app(app: Flask) -> None:
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = ";".join(translation_directories())
    babel.init_app(app, locale_selector=select_locale)
    domain = RequestDomain()
    babel.domain_instance = domain
    # Templates reach the catalogs directly (Flask-Babel's callables look up the domain first).
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda s: domain.get_translations().ugettext(s),
        ngettext=lambda s, p, n: domain.get_translations().ungettext(s, p, n),
        pgettext=lambda c, s: domain.get_translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: domain.get_translations().unpgettext(c, s, p, n),
        newstyle=True,
    )

    # `_()` and `gettext()` in one call each (Jinja's newstyle wrappers call through two more
    # layers per string); same rules: escaped when autoescaping, always a %-format string.
    # They take the evaluation context only: Jinja derives a new template context for every
    # call of a function that takes one inside a loop (3 µs a string in a list's rows).
    @pass_eval_context
    def template_gettext(eval_ctx: Any, string: str, **variables: Any) -> str:
        text = domain.get_translations().ugettext(string)
        if eval_ctx.autoescape:
            text = Markup(text)
        if not variables and "%" not in text:
            return text  # what `%` would give, without formatting (most strings)
        return text % variables  # type: ignore[no-any-return]

    @pass_eval_context
    def template_ngettext(eval_ctx: Any, singular: str, plural: str, num: int,
                          **variables: Any) -> str:
        variables.setdefault("num", num)
        text = domain.get_translations().ungettext(singular, plural, num)
        if eval_ctx.autoescape:
            text = Markup(text)
        return text % variables  # type: ignore[no-any-return]

    app.jinja_env.globals.update(
        _=template_gettext, gettext=template_gettext, ngettext=template_ngettext)
