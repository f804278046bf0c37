"""Security headers on every response; the session cookie's signer made once."""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, g, request, session
from flask.sessions import SecureCookieSessionInterface

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "media-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)


# Set on every response unless a view set its own.
DEFAULT_HEADERS = (
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
)
_DEFAULTS = tuple((key.lower(), key, value) for key, value in DEFAULT_HEADERS)


def init_app(app: Flask) -> None:
    app.session_interface = SessionInterface()

    @app.after_request
    def _headers(response: Response) -> Response:
        # The response's header names read once (each `setdefault` searched them all again and
        # checked its value anew: about 2 % of a small page's instructions).
        headers = response.headers
        present = {key.lower() for key in headers.keys()}
        for name, key, value in _DEFAULTS:
            if name not in present:
                headers.add(key, value)
        if _signed_in() and request.endpoint != "static":
            # Pages and downloads for a signed-in person may hold personal and health data:
            # never kept in a browser or proxy cache (issue 12.4).
            response.headers["Cache-Control"] = "no-store"
        if app.config["SESSION_COOKIE_SECURE"]:
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response


def _signed_in() -> bool:
    """Whether this request had a signed-in user, without loading one just to ask."""
    if g.get("skip_user_lookup"):
        return False
    user = g.get("_login_user")
    if user is not None and getattr(user, "is_authenticated", False):
        return True
    return "_user_id" in session


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie session, with its signer built once per secret key and fallbacks
    (one entry each): Flask builds it anew for every request (about 1 % of a small page's
    instructions), though the keys rarely change while the app runs."""

    def __init__(self) -> None:
        self._signers: dict[Any, Any] = {}

    def get_signing_serializer(self, app: Flask) -> Any:
        keys = (app.secret_key, tuple(app.config["SECRET_KEY_FALLBACKS"] or ()))
        try:
            return self._signers[keys]
        except KeyError:
            signer = self._signers[keys] = super().get_signing_serializer(app)
            return signer
        except TypeError:  # a key that cannot be hashed: as Flask does it
            return super().get_signing_serializer(app)
