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


def init_limiter(app: Flask) -> None:
    """Attach the limiter. Flask-Limiter also checks every request, before its view, against
    the default, application and blueprint limits; the platform sets none of them (each limit is
    a form view's decorator, which checks it when the view runs), so that check never limits
    anything and only costs: about 3 % of a small page's instructions (5.64 → 5.45 million for
    /barrierefreiheit). It is left out unless such a limit is configured."""
    limiter.init_app(app)
    manager = limiter.limit_manager
    if not (manager.default_limits or manager.application_limits):
        app.before_request_funcs[None].remove(limiter._check_request_limit)
