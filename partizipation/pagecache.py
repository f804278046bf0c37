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
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

from flask import Flask, Response, g, request, session
from flask_caching import Cache
from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

# Public pages that may be cached for anonymous visitors (one line per page).
CACHEABLE = {
    "bitv.home", "bitv.statement", "bitv.easy_language", "bitv.sign_language", "bitv.imprint",
    "bitv.privacy",
    "council.public_roster", "council.bodies", "council.body",
    "facilitators.directory", "facilitators.municipality",
    "meetings.listing", "meetings.detail",
    "news.index", "news.detail", "news.easy", "news.feed", "news.tag_feed",
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

cache = Cache()


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
    cache.init_app(app, config=settings)
    app.extensions["page_cache_on"] = True
    app.extensions["page_cache"] = app.extensions["cache"][cache]
    app.before_request(_serve_cached)
    app.after_request(_store)
    _install_invalidation()


def _backend() -> Any:
    from flask import current_app

    return current_app.extensions["page_cache"]


def _anonymous() -> bool:
    return ("_user_id" not in session and "remember_token" not in request.cookies
            and "_flashes" not in session)


def _key() -> str | None:
    if request.method not in ("GET", "HEAD") or request.endpoint not in CACHEABLE:
        return None
    if not _anonymous():
        return None
    from .i18n import select_locale

    generation = _backend().get(GENERATION) or "0"
    raw = f"{generation}|{select_locale()}|{request.full_path}"
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()[:32]


def _serve_cached() -> Response | None:
    key = _key()
    g._page_cache_key = key
    if key is None:
        return None
    entry = _backend().get(key)
    if entry is None:
        return None
    body, content_type, etag, modified = entry
    response = Response(body, content_type=content_type)
    _validators(response, etag, modified)
    response.headers["X-Page-Cache"] = "hit"
    g._page_cache_key = None  # already stored
    response.make_conditional(request)
    return response


def _validators(response: Response, etag: str, modified: str) -> None:
    response.set_etag(etag)
    response.headers["Last-Modified"] = modified
    response.headers["Cache-Control"] = "no-cache"
    response.vary.update(("Cookie", "Accept-Language"))


def _store(response: Response) -> Response:
    key = getattr(g, "_page_cache_key", None)
    if key is None or response.status_code != 200 or response.direct_passthrough:
        return response
    if response.headers.get("Set-Cookie") or not _anonymous():
        return response
    body = response.get_data()
    if b'name="csrf_token"' in body:
        return response  # a form: never stored
    etag = hashlib.sha256(body).hexdigest()[:32]
    modified = format_datetime(datetime.now(UTC), usegmt=True)
    _backend().set(key, (body, response.content_type, etag, modified))
    _validators(response, etag, modified)
    response.headers["X-Page-Cache"] = "miss"
    response.make_conditional(request)
    return response


def bump() -> None:
    """Make every cached page stale (called after a commit that changes what pages show)."""
    from flask import current_app, has_app_context

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
