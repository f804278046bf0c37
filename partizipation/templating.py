"""Template globals: permission checks, navigation, locale-aware formatting."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import Flask, g, request, url_for
from flask_babel import format_date, format_datetime, format_decimal, get_locale

from . import domains, links, permissions
from .db import db


def safe_next(target: str | None, fallback: str) -> str:
    """Only same-site relative paths are followed; anything else goes to `fallback`."""
    if not target:
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return fallback
    if "\\" in target:
        return fallback
    return target


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        perm=permissions,
        navigation=lambda: [(item.endpoint, item.label) for item in domains.navigation()
                            if _allowed(item.check)],
        current_locale=lambda: str(get_locale() or "de"),
        site_name=lambda: app.config["SITE_NAME"],
        field_attrs=field_attrs,
        my_area_sections=domains.my_area_sections,
        home_sections=domains.home_sections,
        url_for_exists=lambda endpoint: endpoint in app.view_functions,
        cited_by=lambda kind, ident: links.cited_by(db.session, kind, ident),
        in_german=in_german,
    )
    app.jinja_env.filters.update(
        date=lambda value, fmt="medium": format_date(value, fmt) if value else "",
        datetime=lambda value, fmt="medium": format_datetime(value, fmt) if value else "",
        number=lambda value: format_decimal(value),
    )
    app.jinja_env.add_extension("jinja2.ext.do")

    @app.context_processor
    def _current_path() -> dict[str, Any]:
        return {
            "current_endpoint": request.endpoint if request else None,
            "current_path": request.full_path.rstrip("?") if request else "/",
            "url_for": url_for_in_loop,
        }


_MARKER = 918_273_640


def url_for_in_loop(endpoint: str, **values: Any) -> str:
    """`url_for` for templates: a link built for integer ids (a row's page in a list) is built
    once per request and endpoint, then filled in, instead of asking the URL map for every row.
    Anything else (relative endpoints, `_anchor` and such, strings) goes to `url_for` itself."""
    if (endpoint.startswith(".") or not values
            or any(key.startswith("_") or type(value) is not int for key, value in values.items())):
        return url_for(endpoint, **values)
    keys = tuple(sorted(values))
    try:
        patterns = g._url_patterns
    except AttributeError:
        patterns = g._url_patterns = {}
    pattern = patterns.get((endpoint, keys), False)
    if pattern is False:
        markers: dict[str, Any] = {key: _MARKER + number for number, key in enumerate(keys)}
        built = url_for(endpoint, **markers).replace("{", "{{").replace("}", "}}")
        pattern = None
        if all(built.count(str(marker)) == 1 for marker in markers.values()):
            pattern = built
            for key, marker in markers.items():
                pattern = pattern.replace(str(marker), "{" + key + "}")
        patterns[(endpoint, keys)] = pattern
    if pattern is None:
        return url_for(endpoint, **values)
    return pattern.format(**values)  # type: ignore[no-any-return]


def _allowed(check: str | None) -> bool:
    from flask_login import current_user

    return check is None or bool(domains.resolve(check)(current_user))


def field_attrs(
    field: Any,
    hint: Any = None,
    autocomplete: str | None = None,
    width: str | None = None,
    css: str | None = "input",
    described_by: str | None = None,
) -> dict[str, str]:
    """HTML attributes that link a field to its hint and errors (used by the form macros), and
    to `described_by`, text elsewhere on the page (a consent text read with its checkbox)."""
    described = [described_by] if described_by else []
    described += [f"{field.id}-hint"] if hint else []
    described += [
        f"{field.id}-error" + ("" if index == 0 else f"-{index + 1}")
        for index in range(len(field.errors))
    ]
    attrs: dict[str, str] = {}
    if css:
        classes = [css] + ([f"input-{width}"] if width else [])
        attrs["class"] = " ".join(classes + (["input-error"] if field.errors else []))
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if field.errors:
        attrs["aria-invalid"] = "true"
    if autocomplete:
        attrs["autocomplete"] = autocomplete
    return attrs


def in_german(text: Any) -> Any:
    """German words (a body's name, a German institution) inside a page of another language,
    marked `lang="de"` so that a screen reader pronounces them in German."""
    from flask_babel import get_locale
    from markupsafe import Markup, escape

    if str(get_locale() or "de") == "de" or not text:
        return text
    return Markup('<span lang="de">%s</span>') % escape(text)
