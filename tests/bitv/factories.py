"""Factories of the bitv domain."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from partizipation.bitv.models import Page, SignLanguageVideo

MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"
WEBM_HEAD = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01"


def create_page(session: Session, slug: str = "imprint", locale: str = "de", **fields: Any) -> Page:
    """Store the page's text (the migration stored starting texts: they are replaced)."""
    fields.setdefault("title", f"Titel {slug} {locale}")
    fields.setdefault("body_html", f"<p>Text {slug} {locale}</p>")
    page = session.scalar(select(Page).where(Page.slug == slug, Page.locale == locale))
    if page is None:
        page = Page(slug=slug, locale=locale)
        session.add(page)
    for name, value in fields.items():
        setattr(page, name, value)
    session.flush()
    return page


def delete_page(session: Session, slug: str, locale: str) -> None:
    session.execute(delete(Page).where(Page.slug == slug, Page.locale == locale))


def create_video(session: Session, **fields: Any) -> SignLanguageVideo:
    fields.setdefault("title", "Willkommen auf der Plattform")
    fields.setdefault("transcript", "Hallo.\n\nIch erkläre die Plattform.")
    fields.setdefault("stored_name", "0" * 32 + ".mp4")
    fields.setdefault("mimetype", "video/mp4")
    fields.setdefault("size_bytes", len(MP4_HEAD))
    video = SignLanguageVideo(**fields)
    session.add(video)
    session.flush()
    return video
