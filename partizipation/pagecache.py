"""Anonymous public pages cached per language, with correct invalidation.

A page is served from the cache only when all of this holds: a GET (or HEAD) of an endpoint in
`CACHEABLE` (a domain adds its public pages there), nobody signed in (no user id in the session,
no remember cookie), no message waiting to be shown (flash), and the stored page carries no CSRF
token and set no cookie. Signed-in pages, forms and anything personal are never stored.

Correctness: every committed change to a table a public page can show bumps a generation
(`after_commit`), and the generation is part of every key, so the next request renders afresh.
Tables nobody sees on a public page (the change log, the outbox, tokens, private support data)
and a sign-in's bookkeeping on the account do not bump it. Entries also expire after
PAGE_CACHE_TIMEOUT seconds, since some pages change with the date alone ("upcoming meetings").

Backend (Flask-Caching): Redis when CACHE_REDIS_URL is set (needed with several worker
processes: they share the generation); otherwise an in-process SimpleCache in development (one
process, `make run`); in production without Redis nothing is cached (each worker would keep its
own generation). Responses carry an ETag and Last-Modified, so browsers revalidate with 304.

Fast path (`FastHits`, a WSGI middleware in front of Flask): a GET/HEAD without a session or
remember cookie (so nobody signed in, no flashed message, no language switch) of a path whose
endpoint is in `CACHEABLE` is answered from the cache before Flask builds a request context,
session, locale, user or CSRF state: the generation read from the cache, the page from the
worker's own recent copy (`Recent`) or else from the cache, with the headers it had when it
was stored (security headers, Vary, Cache-Control, ETag), 304 as usual. Anything else, and
every miss, goes through Flask (`_serve_cached`), which also serves hits to anonymous visitors
who carry a session cookie (say, after the language switch).
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

from cachetools import TLRUCache
from flask import Flask, Response, current_app, g, request, session
from sqlalchemy import event, inspect
from sqlalchemy.orm import Session
from werkzeug import Response as PlainResponse
from werkzeug.datastructures import LanguageAccept
from werkzeug.exceptions import HTTPException
from werkzeug.http import parse_accept_header, parse_cookie
from werkzeug.routing import RequestRedirect

from .i18n import select_locale, visitor_locale

# Public pages that may be cached for anonymous visitors (one line per page).
CACHEABLE = {
    "bitv.home", "bitv.statement", "bitv.easy_language", "bitv.sign_language", "bitv.imprint",
    "bitv.privacy",
    "council.public_roster", "council.bodies", "council.body",
    "facilitators.directory", "facilitators.municipality",
    "meetings.listing", "meetings.detail",
    "news.index", "news.detail", "news.easy", "news.feed", "news.tag_feed",
    # Stale after a change to decisions, decision_events, meetings, agenda_items (and the
    # names of users in the history); agreements, agreement_parties, agreement_documents,
    # municipalities; milestones, milestone_steps, milestone_step_documents, milestone_events,
    # milestone_evidence (and what evidence links to). None of them is in QUIET_TABLES.
    "decisions.listing", "decisions.detail",
    "agreements.index", "agreements.detail",
    "milestones.index", "milestones.detail",
    # The OParl API (JSON, absolute links: the key holds scheme and host). It shows bodies,
    # terms, memberships, persons, meetings, agenda items, documents, places, decisions and
    # tombstones — none of them in QUIET_TABLES.
    "oparl.system", "oparl.bodies", "oparl.body", "oparl.body_list", "oparl.organization_meetings",
    "oparl.thing",
}
# Tables no public page shows: a change to them leaves the cached pages alone.
QUIET_TABLES = {
    "audit_entries", "outbox_messages", "outbox_attachments", "calendar_tokens",
    "deletion_requests", "barrier_reports", "support_consents", "support_needs",
    "person_disabilities", "news_comment_reports", "meeting_support_requests",
    "meeting_support_bookings", "user_sessions", "reminders_sent", "barrier_report_answers",
}
# Columns of a table whose change shows on no public page (a sign-in's bookkeeping).
QUIET_COLUMNS = {"users": {"last_login_at", "password_hash", "session_version"}}
GENERATION = "page-generation"
# The most page bodies a worker keeps in its own memory (`Recent`).
RECENT_BYTES = 1024 * 1024


def enabled(app: Flask) -> bool:
    return bool(app.extensions.get("page_cache_on"))


def init_app(app: Flask) -> None:
    config = app.config
    if not config.get("PAGE_CACHE", True):
        return
    if config.get("CACHE_REDIS_URL"):
        settings = {"CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": config["CACHE_REDIS_URL"]}
    elif config["ENV"] == "development" or config.get("TESTING"):
        settings = {"CACHE_TYPE": "SimpleCache", "CACHE_THRESHOLD": 2000}
    else:
        return
    settings["CACHE_KEY_PREFIX"] = config.get("CACHE_KEY_PREFIX") or "partizipation:"
    settings["CACHE_DEFAULT_TIMEOUT"] = config.get("PAGE_CACHE_TIMEOUT", 300)
    # Imported here: a worker without the page cache (production without Redis) never loads it.
    from flask_caching import Cache

    cache = Cache()
    cache.init_app(app, config=settings)
    app.extensions["page_cache_on"] = True
    app.extensions["page_cache"] = app.extensions["cache"][cache]
    app.extensions["page_cache_recent"] = Recent(settings["CACHE_DEFAULT_TIMEOUT"], RECENT_BYTES)
    app.before_request(_serve_cached)
    # Stored as the last after-request step, so the stored headers are those every handler set.
    app.after_request_funcs.setdefault(None, []).insert(0, _store)
    app.wsgi_app = FastHits(app, app.wsgi_app)  # type: ignore[method-assign]
    _install_invalidation()


def _backend() -> Any:
    return current_app.extensions["page_cache"]


def _anonymous() -> bool:
    return ("_user_id" not in session and "remember_token" not in request.cookies
            and "_flashes" not in session)


def page_key(environ: dict[str, Any], locale: str) -> str:
    """The cache key of a page: language, scheme and host (links in the OParl API are
    absolute), path and query string (the generation is stored with the page: one read answers
    both)."""
    raw = (f"{locale}|{environ.get('wsgi.url_scheme', '')}://{environ.get('HTTP_HOST', '')}"
           f"{environ.get('SCRIPT_NAME', '')}{environ.get('PATH_INFO', '')}"
           f"?{environ.get('QUERY_STRING', '')}")
    return "page:" + hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _lookup(app: Flask, key: str) -> tuple[str, Any]:
    """The current generation and the stored page if it belongs to that generation: the
    worker's own copy when it has a current one (`Recent`), else the shared cache's."""
    backend = app.extensions["page_cache"]
    recent: Recent = app.extensions["page_cache_recent"]
    generation = backend.get(GENERATION) or "0"
    entry = recent.get(key, generation)
    if entry is None:
        entry = backend.get(key)
        if not _current(entry, generation):
            return generation, None
        recent.put(key, entry)
    return generation, entry


def _current(entry: Any, generation: str) -> bool:
    """Whether a stored entry (generation, body, headers, stored at) is of this generation (an
    entry of an older form counts as none)."""
    return isinstance(entry, tuple) and len(entry) == 4 and entry[0] == generation


class Recent:
    """The pages a worker served from the cache lately, kept in its own memory (up to
    RECENT_BYTES of bodies, the least recently used given up first; none over a quarter of
    that). A copy is used only while it belongs to the current generation, which every request
    still reads from the shared cache, and until the shared entry expires (its time of storing
    + PAGE_CACHE_TIMEOUT). So a hit reads a few bytes from Redis instead of the whole page:
    the OParl meeting list (146 KiB) was copied six times on its way from Redis into the
    answer, 60 % of the instructions of its hit."""

    def __init__(self, timeout: float, limit: int, timer: Callable[[], float] = time.time) -> None:
        self.timeout, self.limit = timeout, limit
        self.pages: TLRUCache[str, Any] = TLRUCache(
            maxsize=limit, ttu=self._expires, timer=timer, getsizeof=_body_size)
        self.lock = threading.Lock()  # the development server answers in threads

    def _expires(self, _key: str, entry: Any, _now: float) -> float:
        return float(entry[3] + self.timeout)

    def get(self, key: str, generation: str) -> Any:
        with self.lock:
            entry = self.pages.get(key)
            if entry is None or entry[0] == generation:
                return entry
            del self.pages[key]  # of an older generation: never current again
            return None

    def put(self, key: str, entry: Any) -> None:
        if _body_size(entry) > self.limit // 4:
            return
        with self.lock:
            self.pages[key] = entry


def _body_size(entry: Any) -> int:
    return len(entry[1])


def _cached_response(entry: tuple[str, bytes, list[tuple[str, str]], float],
                     response_class: type[PlainResponse]) -> PlainResponse:
    _generation, body, headers, _stored_at = entry
    response = response_class(body, headers=headers)
    response.headers["X-Page-Cache"] = "hit"
    return response


def _serve_cached() -> Response | None:
    g._page_cache_key = None
    if request.method not in ("GET", "HEAD") or request.endpoint not in CACHEABLE:
        return None
    if not _anonymous():
        return None
    key = page_key(request.environ, select_locale())
    generation, entry = _lookup(current_app, key)
    if entry is None:
        g._page_cache_key, g._page_cache_generation = key, generation
        return None
    response = _cached_response(entry, Response)
    response.make_conditional(request)
    return response  # type: ignore[return-value]


def _validators(response: Response, etag: str, modified: str) -> None:
    response.set_etag(etag)
    response.headers["Last-Modified"] = modified
    response.headers["Cache-Control"] = "no-cache"
    response.vary.update(("Cookie", "Accept-Language"))


# Headers not replayed from a stored page: made afresh for each answer.
_NOT_STORED = {"date", "x-page-cache", "set-cookie", "content-length"}


def _store(response: Response) -> Response:
    key = getattr(g, "_page_cache_key", None)
    if key is None or response.status_code != 200 or response.direct_passthrough:
        return response
    if response.headers.get("Set-Cookie") or session.modified or not _anonymous():
        return response
    body = response.get_data()
    if b'name="csrf_token"' in body:
        return response  # a form: never stored
    etag = hashlib.sha256(body).hexdigest()[:32]
    modified = format_datetime(datetime.now(UTC), usegmt=True)
    _validators(response, etag, modified)
    headers = [(k, v) for k, v in response.headers.items() if k.lower() not in _NOT_STORED]
    # Stored with the generation read before the page was rendered: a change committed
    # meanwhile makes this entry stale at once.
    _backend().set(key, (g._page_cache_generation, body, headers, time.time()))
    response.headers["X-Page-Cache"] = "miss"
    response.make_conditional(request)
    return response


class FastHits:
    """Answers cache hits for cookieless anonymous GET/HEAD requests before Flask does any
    work (see the module's docstring); everything else goes to `wsgi_app`."""

    def __init__(self, app: Flask, wsgi_app: Any) -> None:
        self.app, self.wsgi_app = app, wsgi_app
        self.config = app.config
        self.cookies = (app.config.get("SESSION_COOKIE_NAME") or "session",
                        app.config.get("REMEMBER_COOKIE_NAME") or "remember_token")
        self._cacheable: dict[str, bool] = {}
        self._locales: dict[str, str] = {}

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        if environ.get("REQUEST_METHOD") in ("GET", "HEAD") and self._cookieless(environ) and (
                self._is_cacheable(environ)):
            _generation, entry = _lookup(self.app, page_key(environ, self._locale(environ)))
            if entry is not None:
                response = _cached_response(entry, PlainResponse)
                response.make_conditional(environ)
                return response(environ, start_response)
        return self.wsgi_app(environ, start_response)

    def _cookieless(self, environ: dict[str, Any]) -> bool:
        header = environ.get("HTTP_COOKIE")
        if not header:
            return True
        cookies = parse_cookie(header)
        return not any(name in cookies for name in self.cookies)

    def _is_cacheable(self, environ: dict[str, Any]) -> bool:
        """Whether the path belongs to a cacheable endpoint (remembered per path)."""
        path = environ.get("PATH_INFO") or "/"
        known = self._cacheable.get(path)
        if known is None:
            adapter = self.app.url_map.bind(
                "localhost", script_name=environ.get("SCRIPT_NAME") or None)
            try:
                endpoint, _values = adapter.match(path, method="GET")
            except (HTTPException, RequestRedirect):
                endpoint = None
            known = endpoint in CACHEABLE
            if len(self._cacheable) > 10_000:
                self._cacheable.clear()
            self._cacheable[path] = known
        return known

    def _locale(self, environ: dict[str, Any]) -> str:
        """The visitor's language by the app's own rule (`i18n.visitor_locale`), remembered
        per Accept-Language header."""
        header = environ.get("HTTP_ACCEPT_LANGUAGE") or ""
        locale = self._locales.get(header)
        if locale is None:
            locale = visitor_locale(parse_accept_header(header or None, LanguageAccept),
                                    self.config)
            if len(self._locales) > 1000:
                self._locales.clear()
            self._locales[header] = locale
        return locale


def bump() -> None:
    """Make every cached page stale (called after a commit that changes what pages show)."""
    from flask import has_app_context

    if has_app_context() and enabled(current_app):
        _backend().set(GENERATION, secrets.token_hex(8), timeout=0)


# --- invalidation ------------------------------------------------------------------------------

_installed = False


def _public_change(obj: Any, dirty: bool) -> bool:
    table = getattr(obj, "__tablename__", None)
    if table is None or table in QUIET_TABLES:
        return False
    quiet = QUIET_COLUMNS.get(table)
    if dirty and quiet is not None:
        state = inspect(obj)
        changed = {attr.key for attr in state.attrs if attr.history.has_changes()}
        return bool(changed - quiet)
    return True


def _install_invalidation() -> None:
    global _installed
    if _installed:
        return
    _installed = True

    @event.listens_for(Session, "before_flush")
    def _note_changes(session: Session, _context: Any, _instances: Any) -> None:
        if any(_public_change(o, False) for o in (*session.new, *session.deleted)) or any(
                _public_change(o, True) for o in session.dirty):
            session.info["public_change"] = True

    @event.listens_for(Session, "do_orm_execute")
    def _note_statements(state: Any) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            table = getattr(state.statement, "table", None)
            if getattr(table, "name", None) not in QUIET_TABLES:
                state.session.info["public_change"] = True

    @event.listens_for(Session, "after_commit")
    def _bump(session: Session) -> None:
        if session.info.pop("public_change", False):
            bump()

    @event.listens_for(Session, "after_rollback")
    def _forget(session: Session) -> None:
        session.info.pop("public_change", None)
