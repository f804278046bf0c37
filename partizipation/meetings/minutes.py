"""The minutes (Protokoll) of a held meeting: a general part and one text per agenda item,
sanitized rich text. Every save is a revision (who, when); two revisions can be compared. States:
draft → sent to the invitees for corrections (mail) → approved (by the body or the officer, with
the date). Services flush, never commit."""

from __future__ import annotations

import difflib
import html
import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from flask import g, has_request_context
from flask_babel import force_locale, format_date
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, joinedload

from .. import clock
from ..accounts.services import absolute_url
from ..db import utcnow
from ..domain import DomainError, StaleError
from ..html import sanitize_html
from ..i18n import _l
from ..locking import lock_row
from ..mail.services import queue_mail
from .attendance import can_record_after, ensure_record, invitees_with_people
from .history import Action, record
from .mailing import recipient_locale
from .models import AgendaItem, Meeting, MeetingRecord, MinutesItem, MinutesRevision

TEXT_MAX = 100_000
CORRECTIONS_DAYS = 14


class MinutesStatus:
    DRAFT = "draft"
    SENT = "sent"
    APPROVED = "approved"


@dataclass
class MinutesData:
    general: str
    items: dict[int, str] = field(default_factory=dict)
    easy_summary: str = ""
    easy_checked_by: str = ""
    easy_checked_on: date | None = None
    version: int | None = None  # the record's version the form was loaded with


def texts_of(session: Session, held: MeetingRecord | None) -> dict[int, str]:
    """agenda item id -> its minutes text (one query, or none when this request's page loaded
    them with the agenda: `remember_texts`)."""
    if held is None:
        return {}
    known = g.get("_minutes_texts", {}) if has_request_context() else {}
    if held.id in known:
        return known[held.id]  # type: ignore[no-any-return]
    return {row.agenda_item_id: row.text_html for row in session.scalars(
        select(MinutesItem).where(MinutesItem.record_id == held.id))}


def remember_texts(held: MeetingRecord, texts: dict[int, str]) -> None:
    """For the rest of this request: the minutes texts of `held`, loaded with the agenda."""
    g.setdefault("_minutes_texts", {})[held.id] = texts


def plain(value: str) -> str:
    """Sanitized HTML as lines of text (for comparing and for the 'stored now' message)."""
    text = re.sub(r"<(br|/p|/li|/h[1-6]|/ul|/ol|/blockquote)[^>]*>", "\n", value or "")
    text = re.sub(r"<li[^>]*>", "• ", text)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return "\n".join(line.rstrip() for line in text.splitlines() if line.strip())


def save_minutes(session: Session, meeting: Meeting, data: MinutesData, *,
                 actor: Any) -> MinutesRevision:
    """Store the minutes as sent and add a revision; a save over someone else's newer one
    raises StaleError naming what is stored now (nothing is written)."""
    if not can_record_after(meeting):
        raise DomainError(_l("Minutes can be written once the meeting has started (and not for "
                             "a cancelled meeting)."))
    lock_row(session, Meeting, meeting.id)
    held = ensure_record(session, meeting)
    session.refresh(held)
    if held.minutes_status == MinutesStatus.APPROVED:
        raise DomainError(_l("The minutes have been approved and can no longer be changed."))
    items = {i.id: i for i in session.scalars(select(AgendaItem).where(
        AgendaItem.meeting_id == meeting.id))}
    if any(item_id not in items for item_id in data.items):
        raise DomainError(_l("Write minutes only for agenda items of this meeting."))
    general = sanitize_html(data.general)
    texts = {item_id: sanitize_html(text) for item_id, text in data.items.items()}
    for name, value in [("general", general), *((f"item_{i}", t) for i, t in texts.items())]:
        if len(value) > TEXT_MAX:
            raise DomainError(_l("This can have at most %(max)s characters.", max=TEXT_MAX), name)
    if data.easy_checked_on is not None and data.easy_checked_on > clock.today():
        raise DomainError(_l("The date cannot be in the future."), "easy_checked_on")
    stored = texts_of(session, held)
    if data.version is not None and data.version != held.version:
        changes: list[tuple[str, ...]] = []
        if plain(held.general_html) != plain(general):
            changes.append((str(_l("General part")), plain(held.general_html) or "–",
                            "general"))
        for item_id, item in items.items():
            if plain(stored.get(item_id, "")) != plain(texts.get(item_id, "")):
                changes.append((str(_l("TOP %(n)s: %(title)s", n=item.position,
                                       title=item.title)),
                                plain(stored.get(item_id, "")) or "–", f"item_{item_id}"))
        if held.easy_summary.strip() != data.easy_summary.strip():
            changes.append((str(_l("Summary in easy language")), held.easy_summary or "–",
                            "easy_summary"))
        raise StaleError(
            _l("Someone else saved the minutes while you were editing. Nothing of yours was "
               "saved yet: your text is still in the form, and what is stored now is shown at "
               "each part. Merge them, then save again."), changes)
    held.general_html = general
    held.easy_summary = data.easy_summary.strip()[:10_000]
    held.easy_checked_by = data.easy_checked_by.strip()[:200]
    held.easy_checked_on = data.easy_checked_on
    held.updated_at = utcnow()
    rows = {row.agenda_item_id: row for row in session.scalars(
        select(MinutesItem).where(MinutesItem.record_id == held.id))}
    for item_id, text in texts.items():
        row = rows.get(item_id)
        if row is None:
            session.add(MinutesItem(record_id=held.id, agenda_item_id=item_id, text_html=text))
        else:
            row.text_html = text
    session.flush()
    number = (session.scalar(select(func.max(MinutesRevision.number)).where(
        MinutesRevision.record_id == held.id)) or 0) + 1
    content = {"general": general, "items": {str(k): v for k, v in texts.items()},
               "easy_summary": held.easy_summary}
    revision = MinutesRevision(record_id=held.id, number=number,
                               content=json.dumps(content, ensure_ascii=False),
                               author_id=getattr(actor, "id", None))
    session.add(revision)
    record(session, meeting, Action.MINUTES_SAVED, actor=actor,
           note=str(_l("Revision %(n)s", n=number)))
    session.flush()
    return revision


def revisions(session: Session, held: MeetingRecord | None) -> list[MinutesRevision]:
    if held is None:
        return []
    return list(session.scalars(select(MinutesRevision).options(
        joinedload(MinutesRevision.author)).where(MinutesRevision.record_id == held.id)
        .order_by(MinutesRevision.number.desc())))


def compare(old: MinutesRevision, new: MinutesRevision,
            items: list[AgendaItem]) -> list[tuple[str, list[tuple[str, str]]]]:
    """Per part that changed: its title and the lines as ("+"|"-"|" ", text)."""
    before, after = json.loads(old.content), json.loads(new.content)
    parts = [(str(_l("General part")), before.get("general", ""), after.get("general", ""))]
    parts += [(str(_l("TOP %(n)s: %(title)s", n=i.position, title=i.title)),
               before.get("items", {}).get(str(i.id), ""),
               after.get("items", {}).get(str(i.id), "")) for i in items]
    parts.append((str(_l("Summary in easy language")), before.get("easy_summary", ""),
                  after.get("easy_summary", "")))
    found = []
    for title, a, b in parts:
        lines_a, lines_b = plain(a).splitlines(), plain(b).splitlines()
        if lines_a == lines_b:
            continue
        diff = []
        for line in difflib.ndiff(lines_a, lines_b):
            if line[:1] in ("+", "-", " "):
                diff.append((line[:1], line[2:]))
        found.append((title, diff))
    return found


def _move(session: Session, held: MeetingRecord, sources: tuple[str, ...], **values: Any) -> bool:
    done = session.execute(update(MeetingRecord).where(
        MeetingRecord.id == held.id, MeetingRecord.minutes_status.in_(sources))
        .values(**values).execution_options(synchronize_session=False))
    session.refresh(held)
    return bool(done.rowcount == 1)  # type: ignore[attr-defined]


def send_for_corrections(session: Session, meeting: Meeting, held: MeetingRecord | None, *,
                         actor: Any) -> int:
    """Mail the invitees that the draft is ready; returns how many mails were queued."""
    if held is None or not held.general_html and not texts_of(session, held):
        raise DomainError(_l("Write and save the minutes before sending them."))
    if not _move(session, held, (MinutesStatus.DRAFT,), minutes_status=MinutesStatus.SENT,
                 sent_at=utcnow()):
        raise DomainError(_l("The minutes have already been sent or approved."))
    until = clock.today() + timedelta(days=CORRECTIONS_DAYS)
    sent = 0
    for invitee in invitees_with_people(session, meeting):
        person = invitee.person
        if not person.email or person.anonymised_at is not None:
            continue
        locale = recipient_locale(person)
        with force_locale(locale):
            day = format_date(clock.local(meeting.starts_at).date(), "medium")
            until_text = format_date(until, "medium")
        queue_mail(session, to=person.email,
                   subject=_l("Minutes for corrections: %(title)s", title=meeting.title),
                   template="meetings/mail/minutes.txt", locale=locale, name=person.name,
                   title=meeting.title, date=day, until=until_text,
                   link=absolute_url("meetings.detail", meeting_id=meeting.id) + "#protokoll")
        sent += 1
    record(session, meeting, Action.MINUTES_SENT, actor=actor)
    session.flush()
    return sent


MINUTES_STATES = {MinutesStatus.DRAFT: _l("Draft"),
                  MinutesStatus.SENT: _l("Sent to the invitees for corrections"),
                  MinutesStatus.APPROVED: _l("Approved")}
APPROVERS = {"body": _l("the body at its next meeting"), "officer": _l("the officer")}


def approve_minutes(session: Session, meeting: Meeting, held: MeetingRecord | None, *,
                    on: date | None, by: str, actor: Any) -> None:
    if held is None:
        raise DomainError(_l("Write and save the minutes before approving them."))
    if by not in APPROVERS:
        raise DomainError(_l("Choose who approved the minutes."), "by")
    if on is None:
        raise DomainError(_l("Enter the date, like 27.03.2026."), "on")
    meeting_day = clock.local(meeting.starts_at).date()
    if on < meeting_day:
        raise DomainError(_l("The date cannot be before the meeting (%(date)s).",
                             date=format_date(meeting_day)), "on")
    if on > clock.today():
        raise DomainError(_l("The date cannot be in the future."), "on")
    if held.minutes_status == MinutesStatus.APPROVED:
        raise DomainError(_l("The minutes have already been approved."))
    if not _move(session, held, (MinutesStatus.DRAFT, MinutesStatus.SENT),
                 minutes_status=MinutesStatus.APPROVED, approved_on=on, approved_by=by):
        raise DomainError(_l("The minutes have already been approved."))
    record(session, meeting, Action.MINUTES_APPROVED, actor=actor,
           note=str(_l("Approved by %(who)s on %(date)s", who=APPROVERS[by],
                       date=format_date(on))))
    session.flush()
