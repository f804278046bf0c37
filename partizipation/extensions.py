"""Flask extensions, created unbound and attached in `create_app`."""

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
