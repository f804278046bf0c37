"""Configuration: defaults, then PARTIZIPATION_* environment variables, then an explicit mapping."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class ConfigError(RuntimeError):
    """Raised when the configuration cannot work (for example no SECRET_KEY in production)."""


DEFAULTS: dict[str, Any] = {
    "ENV": "development",
    "SITE_NAME": "Partizipation Kreis Unna",
    "SECRET_KEY": None,
    "DATABASE_URL": None,
    "SMTP_HOST": "127.0.0.1",
    "SMTP_PORT": 25,
    "SMTP_USERNAME": None,
    "SMTP_PASSWORD": None,
    "SMTP_STARTTLS": False,
    "SMTP_TIMEOUT": 10,
    "MAIL_FROM": "partizipation@localhost",
    "OFFICER_EMAIL": None,
    # Named on the barrier report form as the way for people without email (empty: the imprint).
    "OFFICER_PHONE": None,
    "OFFICER_POSTAL_ADDRESS": None,
    "RATELIMIT_STORAGE_URI": "memory://",
    # Number of reverse proxies in front of the app whose X-Forwarded-* headers are trusted
    # (0: none). Needed behind a proxy, or every visitor shares the proxy's rate limit.
    "TRUSTED_PROXIES": 0,
    "UPLOAD_FOLDER": None,
    "MAX_CONTENT_LENGTH": 200 * 1024 * 1024,
    "BASE_URL": "http://127.0.0.1:5000",
    "BABEL_DEFAULT_LOCALE": "de",
    "BABEL_DEFAULT_TIMEZONE": "Europe/Berlin",
    "LANGUAGES": ("de", "en"),
    # The language of what officers, editors and contacts write (names, texts): the district's.
    # Marked with `lang` on pages in another language (templating.content_lang).
    "CONTENT_LOCALE": "de",
    "RESET_TOKEN_MAX_AGE": 2 * 60 * 60,
    "INVITE_TOKEN_MAX_AGE": 14 * 24 * 60 * 60,
    "LOGIN_LIMIT": "5 per 15 minutes",
    # Failed sign-ins for one account from all addresses together; when reached, passwords for
    # it wait and the owner gets a one-time sign-in link by mail (nobody is locked out).
    "ACCOUNT_LOGIN_LIMIT": "50 per hour",
    # A sign-in lasts at most this long (the server-side session row is then deleted).
    "SESSION_MAX_HOURS": 24,
    "FEEDBACK_LIMIT": "5 per hour",
    "CONTACT_LIMIT": "5 per hour",
    # The relayed contact form: per facilitator, and for all facilitators together.
    "CONTACT_RECIPIENT_LIMIT": "5 per day",
    "CONTACT_TOTAL_LIMIT": "30 per hour",
    "RESET_LIMIT": "5 per hour",
    # Comments and reports on news posts, per signed-in account.
    "COMMENT_LIMIT": "10 per hour",
    "SIGN_VIDEO_MAX_BYTES": 100 * 1024 * 1024,
    # Sent mail is deleted after this many days (`partizipation purge-outbox`, run daily).
    "OUTBOX_RETENTION_DAYS": 30,
    "NEWS_VIDEO_MAX_BYTES": 150 * 1024 * 1024,
    "WTF_CSRF_TIME_LIMIT": None,
    # argon2id cost: OWASP's setting with the least memory (m=7 MiB, t=5, p=1; its settings give
    # the same defence, trading memory for passes). One verification costs about 16 ms CPU, like
    # m=12 MiB, t=3, and a worker's peak during a sign-in is 5 MiB lower. Existing hashes made
    # with another cost are replaced at the next sign-in.
    "ARGON2_TIME_COST": 5,
    "ARGON2_MEMORY_COST": 7 * 1024,
    "ARGON2_PARALLELISM": 1,
    # Anonymous public pages cached per language (partizipation/pagecache.py): in Redis when
    # CACHE_REDIS_URL is set (e.g. redis://127.0.0.1:6379/0; needed with several workers),
    # in process in development; off in production without Redis, or with PAGE_CACHE=0.
    "PAGE_CACHE": True,
    "CACHE_REDIS_URL": None,
    "CACHE_KEY_PREFIX": "partizipation:",
    "PAGE_CACHE_TIMEOUT": 300,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_SECURE": None,
    "REMEMBER_COOKIE_HTTPONLY": True,
    "REMEMBER_COOKIE_SAMESITE": "Lax",
}

_INT_KEYS = {"SESSION_MAX_HOURS",
             "SMTP_PORT", "SMTP_TIMEOUT", "MAX_CONTENT_LENGTH", "RESET_TOKEN_MAX_AGE",
             "INVITE_TOKEN_MAX_AGE", "ARGON2_TIME_COST", "ARGON2_MEMORY_COST",
             "ARGON2_PARALLELISM", "SIGN_VIDEO_MAX_BYTES", "NEWS_VIDEO_MAX_BYTES",
             "TRUSTED_PROXIES", "OUTBOX_RETENTION_DAYS", "PAGE_CACHE_TIMEOUT"}
_BOOL_KEYS = {"SMTP_STARTTLS", "SESSION_COOKIE_SECURE", "TESTING", "PAGE_CACHE"}


def _coerce(key: str, value: str) -> Any:
    if key in _INT_KEYS:
        return int(value)
    if key in _BOOL_KEYS:
        return value.strip().lower() in {"1", "true", "yes", "on"}
    return value


def load_config(instance_path: str, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Build the configuration from defaults, the environment and `overrides`, in that order."""
    config = dict(DEFAULTS)
    for name, value in os.environ.items():
        if name.startswith("PARTIZIPATION_"):
            key = name.removeprefix("PARTIZIPATION_")
            config[key] = _coerce(key, value)
    config.update(overrides or {})

    instance = Path(instance_path)
    development = config["ENV"] == "development"
    if not config["SECRET_KEY"]:
        if not (development or config.get("TESTING")):
            raise ConfigError("PARTIZIPATION_SECRET_KEY must be set outside development.")
        config["SECRET_KEY"] = _development_secret(instance)
    if not config["DATABASE_URL"]:
        instance.mkdir(parents=True, exist_ok=True)
        config["DATABASE_URL"] = f"sqlite:///{instance / 'partizipation.sqlite'}"
    if not config["UPLOAD_FOLDER"]:
        config["UPLOAD_FOLDER"] = str(instance / "uploads")
    if config["SESSION_COOKIE_SECURE"] is None:
        config["SESSION_COOKIE_SECURE"] = not (development or config.get("TESTING"))
    config["REMEMBER_COOKIE_SECURE"] = config["SESSION_COOKIE_SECURE"]
    config["SQLALCHEMY_DATABASE_URI"] = config["DATABASE_URL"]
    return config


def _development_secret(instance: Path) -> str:
    """Generate a secret once into the instance folder, so sessions survive restarts."""
    instance.mkdir(parents=True, exist_ok=True)
    path = instance / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()
