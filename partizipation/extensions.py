"""Flask extensions, created unbound and attached in `create_app`."""

from flask import request
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
