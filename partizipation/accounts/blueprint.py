"""The accounts blueprint, its template globals and the login manager's hooks."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g
from flask_login import user_logged_in, user_logged_out
from sqlalchemy.exc import DBAPIError

from ..db import db
from ..extensions import login_manager
from ..i18n import _l
from . import permissions, sessions
from .forms import LOCALE_LABELS, ROLE_LABELS
from .models import User

bp = Blueprint("accounts", __name__)
for _check in permissions.CHECKS:
    bp.add_app_template_global(_check)
bp.add_app_template_global(lambda role: str(ROLE_LABELS.get(role, role)), "role_label")
bp.add_app_template_global(lambda code: str(LOCALE_LABELS.get(code, code)), "locale_label")

login_manager.login_view = "accounts.login"
login_manager.login_message = _l("Please sign in to see this page.")
login_manager.login_message_category = "info"


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    if g.get("skip_user_lookup"):
        return None
    try:
        ident, _, version = user_id.partition(":")
        # Logged out (or signed out everywhere): the cookie's session row is gone.
        user = sessions.load_user(db.session, int(ident))
    except (ValueError, DBAPIError):
        return None
    # A changed password or a deactivation raises session_version and ends every other session.
    if user is None or not user.is_active or str(user.session_version) != version:
        return None
    return user


@bp.app_template_global()
def account_roles(user: User) -> list[str]:
    """What an account may do, in words: its role and the powers rows give it (one query per
    domain with scoped roles), e.g. ["Member", "Contact person for Kamen"]."""
    from ..domains import scoped_roles

    return [str(ROLE_LABELS.get(user.role, user.role)),
            *scoped_roles(db.session, [user.id]).get(user.id, [])]


@user_logged_in.connect
def _session_started(sender: Any, user: User, **extra: Any) -> None:
    sessions.start(db.session, user)


@user_logged_out.connect
def _session_ended(sender: Any, user: Any, **extra: Any) -> None:
    sessions.end_current(db.session)
