"""User accounts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base, utcnow
from ..permissions import Role


class User(Base):
    __tablename__ = "users"
    __audit__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    locale: Mapped[str] = mapped_column(String(5), default="de")
    role: Mapped[str] = mapped_column(String(20), default=Role.MEMBER.value)
    is_active: Mapped[bool] = mapped_column(default=True)
    # None until the person accepts their invitation and sets a password.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    # Raised whenever the password changes: other sessions and old links stop working.
    session_version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]

    # Flask-Login protocol
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"

    def __repr__(self) -> str:
        return f"<User {self.id} {self.role}>"


class UserSession(Base):
    """One signed-in browser: the cookie carries a random key, the table its digest. Logging out
    deletes the row, so a copied cookie no longer works; rows older than the session lifetime are
    deleted at every sign-in and by `purge-outbox`."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # SHA-256 of the key in the cookie (a stolen database does not give working cookies).
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    # The browser as it names itself, shortened: helps the person tell their sessions apart.
    user_agent: Mapped[str] = mapped_column(String(200), default="")
