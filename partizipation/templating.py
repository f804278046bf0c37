"""Template globals: permission checks, navigation, locale-aware formatting."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, partial
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, current_app, g, has_request_context, request, url_for
from flask.templating import Environment as FlaskEnvironment
from flask_babel import format_date, format_datetime, format_decimal, get_locale
from markupsafe import Markup, escape
from wtforms.fields.choices import SelectChoice

from . import domains, links, permissions
from .db import db
from .i18n import babel_state, fast_locale, fast_timezone, locale_key

_FORMATTED: dict[Any, str] = {}


class Environment(FlaskEnvironment):
    """Flask's Jinja environment, whose templates share its globals as they are.

    Jinja gives each template a ChainMap of (its own globals, the environment's). The app has no
    template of its own globals, and a ChainMap costs on every page: rendering copies it key by
    key (about 160 names, each looked up in Python), and each `{% import %}` compares its keys
    with the importing page's, again name by name. The environment's dict itself is copied and
    compared at C speed. All globals are set while the app is built, before a template loads."""

    def make_globals(self, d: Any) -> Any:
        if not d:
            return self.globals
        return super().make_globals(d)


def _formatted(formatter: Callable[[Any, str], str], value: Any, fmt: str) -> str:
    """The `date` and `datetime` filters: Flask-Babel's formatting, remembered per language,
    timezone, format and value (the same dates are shown on every request of a page; formatting
    one took 6–16 µs, a lookup takes 3)."""
    if not value:
        return ""
    key = (formatter, fmt, type(value), value, locale_key(), fast_timezone())
    try:
        return _FORMATTED[key]
    except KeyError:
        text = str(formatter(value, fmt))
    except TypeError:  # not hashable: formatted as it is
        return str(formatter(value, fmt))
    if len(_FORMATTED) >= 20_000:
        _FORMATTED.clear()
    _FORMATTED[key] = text
    return text


_NUMBERS: dict[Any, str] = {}


def formatted_number(value: Any) -> str:
    """The `number` filter: Flask-Babel's `format_decimal`, remembered per language and value
    like the dates (a paged list shows five numbers; formatting one took about 15 µs)."""
    key = (type(value), value, locale_key())
    try:
        return _NUMBERS[key]
    except KeyError:
        text = str(format_decimal(value))
    except TypeError:  # not hashable
        return str(format_decimal(value))
    if len(_NUMBERS) >= 20_000:
        _NUMBERS.clear()
    _NUMBERS[key] = text
    return text


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


def capped_count(value: int, limit: int | None = None) -> str:
    """A count taken up to `limit` + 1 (`dashboard.capped`; COUNT_LIMIT unless given): the
    number, or "more than 500"."""
    from flask_babel import gettext

    from .paging import COUNT_LIMIT

    limit = COUNT_LIMIT if limit is None else limit
    if value > limit:
        return gettext("more than %(n)s", n=format_decimal(limit))
    return str(value)


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        perm=permissions,
        navigation=navigation,
        current_locale=lambda: str(get_locale() or "de"),
        site_name=lambda: app.config["SITE_NAME"],
        field_attrs=field_attrs,
        my_area_sections=domains.my_area_sections,
        home_sections=domains.home_sections,
        url_for_exists=lambda endpoint: endpoint in app.view_functions,
        cited_by=lambda kind, ident: links.cited_by(db.session, kind, ident),
        in_german=in_german,
        in_content=in_content,
        content_lang=content_lang,
        capped_count=capped_count,
        # Also the links of macros imported from other templates: they see the globals, not the
        # page's context (and so not the page's `url_for` below).
        url_for=url_for_in_loop,
    )
    app.jinja_env.filters.update(
        date=lambda value, fmt="medium": _formatted(format_date, value, fmt),
        datetime=lambda value, fmt="medium": _formatted(format_datetime, value, fmt),
        number=formatted_number,
        plain=plain,
    )
    app.jinja_env.add_extension("jinja2.ext.do")

    fixed_urls: dict[str, dict[Any, str]] = app.extensions.setdefault(_FIXED_URLS, {})

    @app.context_processor
    def _current_path() -> dict[str, Any]:
        if not request:
            return {"current_endpoint": None, "current_path": "/", "url_for": url_for_in_loop}
        urls = fixed_urls.get(request.script_root)
        if urls is None:
            urls = fixed_urls.setdefault(request.script_root, {})
        return {
            "current_endpoint": request.endpoint,
            "current_path": request.full_path.rstrip("?"),
            # The page's table of fixed links at hand (no lookup of app and request per link).
            "url_for": partial(_page_url_for, urls),
        }


_MARKER = 918_273_640


def url_for_in_loop(endpoint: str, **values: Any) -> str:
    """`url_for` for templates: a link built for integer ids (a row's page in a list) is built
    once per request and endpoint, then filled in, instead of asking the URL map for every row.
    A link without values (the menu, the footer) and a static file's are the same on every
    request: built once per app. Anything else (relative endpoints, `_anchor` and such,
    strings) goes to `url_for` itself."""
    if not values or endpoint == "static":
        return _fixed_url(endpoint, values)
    if endpoint.startswith(".") or any(
            key.startswith("_") and key != "_external" for key in values):
        return url_for(endpoint, **values)
    if any(type(value) is not int for value in values.values()):
        return _built_url(endpoint, values)
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


_FIXED_URLS = "partizipation.fixed_urls"
_BUILT_URLS = "partizipation.built_urls"
BUILT_URLS_KEPT = 20_000


def _built_url(endpoint: str, values: dict[str, Any]) -> str:
    """A link with text values (a post's slug, a tag as a query argument), or an absolute one:
    what `url_for` built for the same endpoint and values, remembered per app and script root
    (and the site's address, for an absolute link): a link is a function of these alone;
    building one took werkzeug about 50 µs, a news page has twenty, its feed forty.
    At most BUILT_URLS_KEPT links are kept; then the table starts again."""
    if not has_request_context() or any(
            type(value) not in (int, str) for key, value in values.items() if key != "_external"):
        return url_for(endpoint, **values)
    tables = current_app.extensions.setdefault(_BUILT_URLS, {})
    # An absolute link (a feed's) also depends on the address the site was reached at.
    root = request.url_root if values.get("_external") else request.script_root
    urls = tables.get(root)
    if urls is None:
        urls = tables.setdefault(root, {})
    key = (endpoint, *sorted(values.items()))
    try:
        return urls[key]  # type: ignore[no-any-return]
    except KeyError:
        url = url_for(endpoint, **values)
        if len(urls) >= BUILT_URLS_KEPT:
            urls.clear()
        urls[key] = url
        return url


def _page_url_for(urls: dict[Any, str], endpoint: str, **values: Any) -> str:
    """`url_for_in_loop` as a page's templates get it: with the table of fixed links of the
    app and the request's script root."""
    if not values or endpoint == "static":
        return _fixed_url(endpoint, values, urls)
    return url_for_in_loop(endpoint, **values)


def _fixed_url(endpoint: str, values: dict[str, Any], urls: dict[Any, str] | None = None) -> str:
    """A link that depends on nothing but the endpoint (and the static file's name), kept per
    app and script root. Only inside a request: outside one, `url_for` builds absolute links."""
    if endpoint.startswith(".") or any(
            key.startswith("_") or type(value) is not str for key, value in values.items()):
        return url_for(endpoint, **values)
    if urls is None:
        if not has_request_context():
            return url_for(endpoint, **values)
        urls = current_app.extensions.setdefault(_FIXED_URLS, {}).setdefault(
            request.script_root, {})
    key = (endpoint, *values.items())
    try:
        return urls[key]
    except KeyError:
        url = url_for(endpoint, **values)
        if len(urls) < 1000:  # static files and endpoints are few; never grows with requests
            urls[key] = url
        return url


@cache
def _navigation_items() -> tuple[tuple[str, Any, Callable[[Any], Any] | None], ...]:
    """The main menu's entries in order, their permission checks resolved (once per process)."""
    return tuple((item.endpoint, item.label, domains.resolve(item.check) if item.check else None)
                 for item in domains.navigation())


_NAVIGATION_LABELS: dict[str, list[Markup]] = {}


def navigation() -> list[tuple[str, Markup]]:
    """(endpoint, label) of the main menu's entries the current user may see. The labels are
    translated once per language (as markup: the lazy texts rendered unescaped, too)."""
    from flask_login import current_user

    items = _navigation_items()
    locale = str(get_locale() or "de")
    labels = _NAVIGATION_LABELS.get(locale)
    if labels is None:
        labels = _NAVIGATION_LABELS[locale] = [Markup(str(label)) for _e, label, _c in items]
    user = current_user._get_current_object() if any(c for _e, _l, c in items) else None
    return [(endpoint, label) for (endpoint, _lazy, check), label in zip(items, labels, strict=True)
            if check is None or check(user)]


def field_attrs(
    field: Any,
    hint: Any = None,
    autocomplete: str | None = None,
    width: str | None = None,
    css: str | None = "input",
    described_by: str | None = None,
    content: bool | str = False,
) -> dict[str, str]:
    """HTML attributes that link a field to its hint and errors (used by the form macros), and
    to `described_by`, text elsewhere on the page (a consent text read with its checkbox).
    `content`: the field holds the platform's content (true: in the content language; a code:
    in that language), marked with `lang` when the page is in another language."""
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
    lang = _foreign(content if isinstance(content, str) else None) if content else None
    if lang:
        attrs["lang"] = lang
        _mark_empty_choice(field)
    return attrs


def _mark_empty_choice(field: Any) -> None:
    """A select of content (bodies, places) whose empty choice ("No place (online only)") is the
    interface's words: that option keeps the page's language inside the marked select."""
    if field.type != "SelectField" or not isinstance(field.choices, list):
        return
    page = str(get_locale() or "de")
    # A new list of new choices: the choices may be shared by every request (a form class's).
    field.choices = [
        SelectChoice(choice.value, choice.label, {**(choice.render_kw or {}), "lang": page},
                     choice.optgroup)
        if isinstance(choice, SelectChoice) and choice.value in (0, "", None) else choice
        for choice in field.choices
    ]


# --- The language of the content --------------------------------------------------------------
# What officers, editors and contacts type in (bodies, places, meetings, agenda items, decisions,
# posts, ...) is in the district's language, CONTENT_LOCALE (German), whatever the interface's
# language. One rule marks it wherever it stands inside the interface's text, so that a screen
# reader reads a German name in German on an English page (and English text on a German page):
#   <h2{{ content_lang() }}>{{ meeting.title }}</h2>       the whole element is content
#   _("Manage %(name)s", name=in_content(body.name))       content inside a sentence
#   field(form.title, content=true)                        an edit field that holds content
# A stored text with its own language (a BITV page, a barrier report) passes that language.
# Nothing is added when the content's language is the page's. Person names need no mark.


def _foreign(lang: str | None = None) -> str | None:
    """The language code to mark (`lang`, else the content language) if it is not the page's."""
    page, content = _languages()
    code = lang or content
    return None if code == page else code


def _languages() -> tuple[str, str]:
    """The page's language code and the content's, worked out once per request and locale (a
    list asks for every row; a locale forced for a mail is another object)."""
    locale = fast_locale()
    state = babel_state()
    known = getattr(state, "partizipation_languages", None)
    if known is not None and known[0] is locale:
        return known[1]  # type: ignore[no-any-return]
    found = (str(locale or "de"), current_app.config.get("CONTENT_LOCALE", "de"))
    if state is not None:
        state.partizipation_languages = (locale, found)
    return found


def content_lang(lang: str | None = None) -> Markup:
    """` lang="de"` for an element that holds content, when the page is in another language."""
    code = _foreign(lang)
    return Markup(' lang="%s"') % code if code else Markup("")


def in_content(text: Any, lang: str | None = None) -> Any:
    """Content inside a sentence of the interface: in a `<span lang>` when the page is in
    another language, as it is otherwise."""
    code = _foreign(lang)
    if not code or not text:
        return text
    return Markup('<span lang="%s">%s</span>') % (code, escape(text))


def plain(value: Any) -> Any:
    """A page title for `<title>`, which cannot carry markup: the text of a title built with
    `in_content` (its `<span lang>` dropped); plain strings as they are."""
    if isinstance(value, Markup):
        return value.striptags()
    return value


def in_german(text: Any) -> Any:
    """German words (a body's name, a German institution) inside a page of another language,
    marked `lang="de"` so that a screen reader pronounces them in German."""
    return in_content(text, "de")
