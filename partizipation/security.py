"""Security headers on every response."""

from __future__ import annotations

from flask import Flask, Response, g, request, session

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "media-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def init_app(app: Flask) -> None:
    @app.after_request
    def _headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
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
