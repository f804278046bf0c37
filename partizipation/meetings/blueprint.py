"""The meetings blueprint, its template globals, and the loaders its views share."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort
from flask_babel import format_date, format_time

from .. import clock
from ..db import db
from ..i18n import _l, fast_timezone, locale_key
from ..uploads import link_text
from . import permissions
from .history import action_label
from .labels import PLACE_FACTS, label
from .models import AgendaItem, Document, Meeting

bp = Blueprint("meetings", __name__)

for _check in permissions.CHECKS:
    bp.add_app_template_global(_check)
bp.add_app_template_global(label, "meeting_label")
bp.add_app_template_global(action_label, "meeting_action_label")
bp.add_app_template_global(lambda: PLACE_FACTS, "place_facts_table")
bp.add_app_template_global(clock.today, "meetings_today")


@bp.app_template_global()
def document_link_text(document: Document) -> str:
    """“Einladung (PDF, 240 KB)”."""
    return link_text(document)


_WHEN: dict[Any, str] = {}


@bp.app_template_global()
def meeting_when(meeting: Meeting) -> str:
    """“Friday, 27 March 2026, 18:00 to 20:00” in the current language (Berlin time).
    Remembered per start, end, language and timezone, as the `date` filter remembers its
    texts (a list shows 25 of them on every request; formatting one took ~60 µs)."""
    key = (meeting.starts_at, meeting.ends_at, locale_key(), fast_timezone())
    try:
        return _WHEN[key]
    except KeyError:
        pass
    text = _when(meeting.starts_at, meeting.ends_at)
    if len(_WHEN) >= 20_000:
        _WHEN.clear()
    _WHEN[key] = text
    return text


def _when(starts_at: Any, ends_at: Any) -> str:
    start, end = clock.local(starts_at), clock.local(ends_at)
    if start.date() == end.date():
        return str(_l("%(date)s, %(start)s to %(end)s", date=format_date(start.date(), "full"),
                      start=format_time(start, "short"), end=format_time(end, "short")))
    return str(_l("%(start_date)s, %(start)s to %(end_date)s, %(end)s",
                  start_date=format_date(start.date(), "full"), start=format_time(start, "short"),
                  end_date=format_date(end.date(), "full"), end=format_time(end, "short")))


@bp.app_template_global()
def meeting_is_past(meeting: Meeting) -> bool:
    return bool(meeting.ends_at < clock.now())


@bp.app_template_global()
def meetings_next_public() -> list[Any]:
    """For the start page: the next public meetings (as `MeetingCard` rows)."""
    from .queries import next_public

    return next_public(db.session)


@bp.app_template_global()
def meetings_my_area() -> dict[str, Any]:
    """What the meetings section of /mein-bereich shows for the signed-in user."""
    from .dashboard import my_area

    return my_area()


@bp.app_template_global()
def meetings_network_roster() -> list[Any]:
    """The facilitators' network's members who agreed to be listed (for its body page)."""
    from .invitees import network_roster

    return network_roster(db.session)


def load_meeting(meeting_id: int) -> Meeting:
    return db.session.get(Meeting, meeting_id) or abort(404)


def load_item(meeting: Meeting, item_id: int) -> AgendaItem:
    item = db.session.get(AgendaItem, item_id)
    if item is None or item.meeting_id != meeting.id:
        abort(404)
    return item
