"""Reading and changing the BITV content: pages, the accessibility statement, videos."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import Select, and_, bindparam, literal, select
from sqlalchemy.orm import Session, joinedload

from .. import clock
from ..db import utcnow
from ..domain import DomainError
from ..html import sanitize_html
from ..i18n import _l
from .defaults import EASY_LANGUAGE_SLUGS, PAGES, STATEMENT_TEXTS
from .models import (
    AccessibilityStatement,
    AccessibilityStatementText,
    AuditMethod,
    ComplianceStatus,
    Page,
    SignLanguageVideo,
)

# Public path segment of each editable text (German URLs; slugs stay English in code).
EDIT_PATHS = {
    "home": "startseite",
    "home-easy-language": "startseite-leichte-sprache",
    "home-sign-language": "startseite-gebaerdensprache",
    "easy-language": "leichte-sprache",
    "sign-language": "gebaerdensprache",
    "imprint": "impressum",
    "privacy": "datenschutz",
}
PAGE_LABELS = {
    "home": _l("Start page: introduction"),
    "home-easy-language": _l("Start page: Leichte Sprache section"),
    "home-sign-language": _l("Start page: sign language section"),
    "easy-language": _l("Leichte Sprache"),
    "sign-language": _l("Sign language: introduction"),
    "imprint": _l("Imprint"),
    "privacy": _l("Privacy"),
}
SLUG_BY_PATH = {path: slug for slug, path in EDIT_PATHS.items()}
VIDEO_TYPES = {"mp4": "video/mp4", "webm": "video/webm"}




def page_locales(slug: str) -> tuple[str, ...]:
    """Leichte Sprache exists in German only; every other text in German and English."""
    return ("de",) if slug in EASY_LANGUAGE_SLUGS else ("de", "en")


@dataclass
class Shown:
    """A page as shown in one language: `lang` is set when it falls back to German."""

    page: Page
    lang: str | None


def get_page(session: Session, slug: str, locale: str) -> Page | None:
    return session.scalar(select(Page).where(Page.slug == slug, Page.locale == locale))


def all_pages(session: Session) -> list[Page]:
    return list(session.scalars(select(Page).order_by(Page.slug, Page.locale)))








def show_page(session: Session, slug: str, locale: str) -> Shown:
    """The page in `locale`, else in German marked `lang="de"`.

    The migration stores the starting texts; should a page's rows be missing all the same, the
    starting text is shown without being stored (a GET never writes)."""
    page = get_page(session, slug, locale)
    if page is not None:
        return Shown(page, None)
    german = get_page(session, slug, "de")
    if german is not None:
        return Shown(german, "de")
    return _starting_text(slug, locale)


def _starting_text(slug: str, locale: str) -> Shown:
    shown_locale = locale if locale in PAGES[slug] else "de"
    title, body = PAGES[slug][shown_locale]
    page = Page(slug=slug, locale=shown_locale, title=title, body_html=sanitize_html(body))
    return Shown(page, None if shown_locale == locale else "de")


def show_pages(session: Session, slugs: tuple[str, ...], locale: str) -> dict[str, Shown]:
    """Like `show_page` for several pages, in one query (the start page shows three)."""
    rows = session.scalars(select(Page).where(Page.slug.in_(slugs),
                                              Page.locale.in_({locale, "de"})))
    return _shown({(page.slug, page.locale): page for page in rows}, slugs, locale)


@cache
def _start_page_statement(slugs: tuple[str, ...]) -> Select[Page, SignLanguageVideo]:
    """`start_page`'s statement, built once per process: the languages are a parameter."""
    one = select(literal(1).label("one")).subquery()
    return (select(Page, SignLanguageVideo).select_from(one)
            .outerjoin(Page, and_(Page.slug.in_(slugs),
                                  Page.locale.in_(bindparam("start_locales", expanding=True))))
            .outerjoin(SignLanguageVideo, SignLanguageVideo.show_on_start_page.is_(True))
            .order_by(SignLanguageVideo.created_at, SignLanguageVideo.id))


def start_page(session: Session, slugs: tuple[str, ...],
               locale: str) -> tuple[dict[str, Shown], list[SignLanguageVideo]]:
    """The start page's texts (like `show_pages`) and its videos, in one statement: both
    outer-joined to one row, so that either may be missing (a few texts × a few videos)."""
    rows = session.execute(_start_page_statement(slugs),
                           {"start_locales": sorted({locale, "de"})})
    found: dict[tuple[str, str], Page] = {}
    videos: dict[int, SignLanguageVideo] = {}
    for page, video in rows:
        if page is not None:
            found[(page.slug, page.locale)] = page
        if video is not None:
            videos.setdefault(video.id, video)
    return _shown(found, slugs, locale), list(videos.values())


def _shown(found: dict[tuple[str, str], Page], slugs: tuple[str, ...],
           locale: str) -> dict[str, Shown]:
    shown = {}
    for slug in slugs:
        if (slug, locale) in found:
            shown[slug] = Shown(found[(slug, locale)], None)
        elif (slug, "de") in found:
            shown[slug] = Shown(found[(slug, "de")], "de")
        else:
            shown[slug] = _starting_text(slug, locale)
    return shown


def save_page(
    session: Session,
    slug: str,
    locale: str,
    *,
    title: str,
    body: str,
    reviewed_by: str | None = None,
    reviewed_on: date | None = None,
    actor: Any,
) -> Page:
    """Create or change a text; the body is sanitized before it is stored."""
    clean = sanitize_html(body)
    if not clean:
        raise DomainError(_l("Enter the text of the page. Code such as scripts is removed."),
                          "body")
    page = get_page(session, slug, locale) or Page(slug=slug, locale=locale)
    page.title = title.strip()
    page.body_html = clean
    if slug in EASY_LANGUAGE_SLUGS:
        page.reviewed_by = (reviewed_by or "").strip() or None
        page.reviewed_on = reviewed_on
    page.updated_at = utcnow()
    page.updated_by = actor
    session.add(page)
    session.flush()
    return page


@cache
def _statement_query() -> Select[AccessibilityStatement]:
    return (select(AccessibilityStatement).options(joinedload(AccessibilityStatement.texts))
            .order_by(AccessibilityStatement.id).limit(1))


def get_statement(session: Session) -> AccessibilityStatement | None:
    """The statement with its texts (one statement, built once per process)."""
    return session.scalars(_statement_query()).unique().first()


def ensure_statement(session: Session, *, actor: Any = None) -> AccessibilityStatement:
    """The statement, made from the starting texts when there is none (added by the caller that
    saves it; a GET only shows it)."""
    statement = get_statement(session)
    if statement is not None:
        return statement
    today = clock.today()
    statement = AccessibilityStatement(
        compliance_status=ComplianceStatus.PARTIAL.value, prepared_on=today,
        method=AuditMethod.SELF_ASSESSMENT.value, last_reviewed_on=today, updated_by=actor,
    )
    for locale, parts in STATEMENT_TEXTS.items():
        statement.texts.append(AccessibilityStatementText(
            locale=locale, **{key: sanitize_html(value) for key, value in parts.items()}
        ))
    return statement


def show_statement(session: Session) -> AccessibilityStatement:
    """The stored statement, else the starting one (not stored: a GET never writes)."""
    return get_statement(session) or ensure_statement(session)


STATEMENT_PARTS = ("scope_html", "non_accessible_html", "alternatives_html")


def statement_parts(
    statement: AccessibilityStatement, locale: str
) -> dict[str, tuple[str, str | None]]:
    """Each written part in `locale`, else the German one with lang "de" (part -> (html, lang))."""
    own, german = statement.text(locale), statement.text("de")
    parts: dict[str, tuple[str, str | None]] = {}
    for part in STATEMENT_PARTS:
        html = getattr(own, part) if own is not None else ""
        if html or locale == "de":
            parts[part] = (html, None)
        else:
            fallback = getattr(german, part) if german is not None else ""
            parts[part] = (fallback, "de" if fallback else None)
    return parts


def save_statement(
    session: Session, *, facts: dict[str, Any], texts: dict[str, dict[str, str]], actor: Any
) -> AccessibilityStatement:
    """Change the statement: `facts` are its fields, `texts` its parts per locale (sanitized).

    A language whose parts are all empty is removed, so the page shows the German text instead.
    """
    statement = ensure_statement(session, actor=actor)
    session.add(statement)
    for key, value in facts.items():
        setattr(statement, key, value)
    for locale, parts in texts.items():
        clean = {key: sanitize_html(parts.get(key)) for key in STATEMENT_PARTS}
        existing = statement.text(locale)
        if locale != "de" and not any(clean.values()):
            if existing is not None:
                statement.texts.remove(existing)
            continue
        if not clean["scope_html"]:
            raise DomainError(_l(
                "Enter what the statement applies to and how it was tested. Code such as "
                "scripts is removed."
            ) if locale == "de" else _l(
                "Enter the English scope too, or leave all three English parts empty."
            ), f"scope_{locale}")
        if existing is None:
            existing = AccessibilityStatementText(locale=locale)
            statement.texts.append(existing)
        for key, value in clean.items():
            setattr(existing, key, value)
    statement.updated_at = utcnow()
    statement.updated_by = actor
    session.flush()
    return statement


def video_folder(upload_folder: str) -> Path:
    return Path(upload_folder) / "sign-language"


def sniff_video(head: bytes) -> str | None:
    """The video type by its first bytes: MP4 has an 'ftyp' box, WebM the EBML magic number."""
    if len(head) >= 12 and head[4:8] == b"ftyp":
        return "mp4"
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return "webm"
    return None


def add_video(
    session: Session,
    *,
    title: str,
    transcript: str,
    stream: BinaryIO,
    kind: str,
    show_on_start_page: bool,
    upload_folder: str,
    actor: Any,
) -> SignLanguageVideo:
    """Store an already checked video file under a random name and record it."""
    folder = video_folder(upload_folder)
    folder.mkdir(parents=True, exist_ok=True)
    stored_name = f"{secrets.token_hex(16)}.{kind}"
    path = folder / stored_name
    stream.seek(0)
    with path.open("wb") as target:
        while chunk := stream.read(1024 * 1024):
            target.write(chunk)
    try:
        video = SignLanguageVideo(
            title=title.strip(), transcript=transcript.replace("\r\n", "\n").strip(),
            stored_name=stored_name,
            mimetype=VIDEO_TYPES[kind], size_bytes=path.stat().st_size,
            show_on_start_page=show_on_start_page, created_by_id=getattr(actor, "id", None),
        )
        session.add(video)
        session.flush()
    except Exception:
        path.unlink(missing_ok=True)
        raise
    return video


def delete_video(session: Session, video: SignLanguageVideo, *, actor: Any) -> str:
    """Remove the record; returns the stored file name to delete once the change is committed."""
    session.delete(video)
    session.flush()
    return video.stored_name


def list_videos(session: Session, *, start_page_only: bool = False) -> list[SignLanguageVideo]:
    query = select(SignLanguageVideo).order_by(SignLanguageVideo.created_at, SignLanguageVideo.id)
    if start_page_only:
        query = query.where(SignLanguageVideo.show_on_start_page.is_(True))
    return list(session.scalars(query))
