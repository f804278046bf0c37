"""Flask extensions, created unbound and attached in `create_app`."""

from flask import Flask, request
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_wtf import CSRFProtect

babel = Babel()
csrf = CSRFProtect()
login_manager = LoginManager()
# No default limits: each form that needs one says so (login, feedback, contact relay).
limiter = Limiter(key_func=get_remote_address, default_limits=[])


@limiter.request_filter
def _reads_are_never_limited() -> bool:
    """Every limit is on a form's POST: reading a page skips the limiter's per-request work
    (resolving the view's limits and their scopes: about 4 % of a small page's CPU)."""
    return request.method in ("GET", "HEAD", "OPTIONS")


def drop_check_before_views(app: Flask) -> None:
    """Flask-Limiter checks every request, before its view, against the default, application
    and blueprint limits. The platform sets none of them (each limit is a form view's
    decorator, which checks it when the view runs), so that check never limits anything and
    only costs: about 3 % of a small page's instructions (5.64 → 5.45 million for
    /barrierefreiheit). Called once the blueprints are registered, it leaves the check out
    unless such a limit is set. (The hook is Flask-Limiter's `_check_request_limit`, as of 4.1;
    should another version name or register it otherwise, `remove` fails and the app does not
    start, rather than limits going unchecked.)"""
    manager = limiter.limit_manager
    if manager.default_limits or manager.application_limits or any(
            manager.blueprint_limits(app, name) for name in app.blueprints):
        return
    app.before_request_funcs[None].remove(limiter._check_request_limit)
