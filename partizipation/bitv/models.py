"""Stored BITV content: pages per language, the accessibility statement, sign-language videos."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..db import Base, utcnow


class Page(Base):
    """One editable text (a page or a section of the start page) in one language."""

    __tablename__ = "content_pages"
    __table_args__ = (UniqueConstraint("slug", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(40))
    locale: Mapped[str] = mapped_column(String(5))
    title: Mapped[str] = mapped_column(String(200))
    # Sanitized with html.sanitize_html before it is stored; templates mark it safe.
    body_html: Mapped[str] = mapped_column(Text)
    # Leichte Sprache counts only once a review group has checked it; empty = not yet checked.
    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    reviewed_on: Mapped[date | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    updated_by: Mapped[User | None] = relationship()


class ComplianceStatus(StrEnum):
    FULL = "full"
    PARTIAL = "partial"
    NONE = "none"


class AuditMethod(StrEnum):
    SELF_ASSESSMENT = "self_assessment"
    EXTERNAL = "external"
    COMBINED = "combined"


class AccessibilityStatement(Base):
    """The accessibility statement's language-independent facts (there is one row)."""

    __tablename__ = "accessibility_statements"

    id: Mapped[int] = mapped_column(primary_key=True)
    compliance_status: Mapped[str] = mapped_column(String(20))
    prepared_on: Mapped[date]
    method: Mapped[str] = mapped_column(String(20))
    last_reviewed_on: Mapped[date]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    updated_by: Mapped[User | None] = relationship()
    texts: Mapped[list[AccessibilityStatementText]] = relationship(
        back_populates="statement", cascade="all, delete-orphan"
    )

    def text(self, locale: str) -> AccessibilityStatementText | None:
        """The statement's text parts in `locale`, if written."""
        return next((text for text in self.texts if text.locale == locale), None)


class AccessibilityStatementText(Base):
    """The statement's written parts in one language (sanitized HTML)."""

    __tablename__ = "statement_texts"
    __table_args__ = (UniqueConstraint("statement_id", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("accessibility_statements.id"))
    locale: Mapped[str] = mapped_column(String(5))
    scope_html: Mapped[str] = mapped_column(Text)
    non_accessible_html: Mapped[str] = mapped_column(Text)
    alternatives_html: Mapped[str] = mapped_column(Text)

    statement: Mapped[AccessibilityStatement] = relationship(back_populates="texts")


class SignLanguageVideo(Base):
    """A German Sign Language (DGS) video with its transcript as the text alternative."""

    __tablename__ = "sign_language_videos"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    transcript: Mapped[str] = mapped_column(Text)
    # A random file name inside UPLOAD_FOLDER/sign-language; never the uploader's name.
    stored_name: Mapped[str] = mapped_column(String(80), unique=True)
    mimetype: Mapped[str] = mapped_column(String(20))
    size_bytes: Mapped[int]
    show_on_start_page: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
