"""iCalendar (RFC 5545) for meetings, built with the `icalendar` library.

Every meeting keeps one UID for ever and raises its SEQUENCE on every change, so a calendar
program updates the entry it has instead of adding a second one; a cancellation is METHOD:CANCEL
with STATUS:CANCELLED. Join details are written only into what invitees and the officer get.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from flask import current_app

from .. import clock
from ..accounts.services import absolute_url
from ..mail.services import Attachment
from .labels import PLACE_FACTS
from .models import Meeting, MeetingFormat, MeetingStatus

if TYPE_CHECKING:  # icalendar is imported where used (a calendar file, an invitation)
    from icalendar import Event

PRODID = "-//Partizipation Kreis Unna//Sitzungen//DE"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def location(meeting: Meeting) -> str:
    if meeting.place is None or meeting.format == MeetingFormat.ONLINE:
        return "Online" if meeting.format == MeetingFormat.ONLINE else ""
    parts = [meeting.place.name, meeting.place.room, meeting.place.address]
    return ", ".join(part for part in parts if part)


def _place_text(meeting: Meeting) -> str:
    from flask_babel import gettext as _

    place = meeting.place
    assert place is not None
    lines = [_("Place:") + " " + location(meeting)]
    if place.nearest_stop:
        lines.append(f"{_('Nearest stop')}: {place.nearest_stop}")
    if place.parking:
        lines.append(f"{_('Parking')}: {place.parking}")
    lines.append(f"{_('Accessibility of the place')}:")
    for fact, text in PLACE_FACTS.items():
        lines.append(f"- {text}: {_('yes') if getattr(place, fact) else _('no')}")
    if place.accessibility_notes:
        lines.append(place.accessibility_notes)
    return "\n".join(lines)


def description(meeting: Meeting, *, with_join: bool, items: Iterable[Any] = (),
                places: dict[int, str] | None = None) -> str:
    """The event's text in the current language: when, link, place with its accessibility,
    how to join (for invitees), agenda. `places` caches the text of each place (a feed)."""
    from flask_babel import gettext as _

    from .blueprint import meeting_when

    lines = [meeting_when(meeting)]
    if meeting.status == MeetingStatus.CANCELLED:
        lines.append(_("This meeting has been cancelled.") + (
            f" {_('Reason:')} {meeting.cancel_reason}" if meeting.cancel_reason else ""))
    # Not inside the f-string: the extraction does not look into one (it stayed English).
    page = _("Meeting page:")
    lines.append(f"{page} {absolute_url('meetings.detail', meeting_id=meeting.id)}")
    if meeting.place is not None and meeting.format != MeetingFormat.ONLINE:
        cache = places if places is not None else {}
        if meeting.place.id not in cache:
            cache[meeting.place.id] = _place_text(meeting)
        lines.append(cache[meeting.place.id])
    if with_join and meeting.format != MeetingFormat.IN_PERSON:
        lines.append(f"{_('Join online:')} {meeting.join_url or '–'}")
        if meeting.join_details:
            lines.append(meeting.join_details)
    items = list(items)
    if items:
        lines.append(f"{_('Agenda')}:")
        lines.extend(_("TOP %(n)s: %(title)s", n=i.position, title=i.title) for i in items)
    return "\n".join(lines)


def event(meeting: Meeting, *, with_join: bool, items: Iterable[Any] = (),
          attendee: tuple[str, str] | None = None, places: dict[int, str] | None = None,
          stamp: datetime | None = None) -> Event:
    """One VEVENT of `meeting`; `attendee` (email, name) for a personal invitation; `stamp` is
    its DTSTAMP (by default now)."""
    from icalendar import Event, vCalAddress

    entry = Event()
    entry.add("uid", meeting.uid)
    entry.add("sequence", meeting.sequence)
    entry.add("dtstamp", stamp or clock.now())
    entry.add("dtstart", meeting.starts_at)
    entry.add("dtend", meeting.ends_at)
    entry.add("summary", meeting.title)
    where = location(meeting)
    if where:
        entry.add("location", where)
    entry.add("description", description(meeting, with_join=with_join, items=items,
                                         places=places))
    entry.add("url", absolute_url("meetings.detail", meeting_id=meeting.id))
    cancelled = meeting.status == MeetingStatus.CANCELLED
    entry.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if attendee is not None:
        organizer = vCalAddress(f"mailto:{current_app.config['MAIL_FROM']}")
        organizer.params["cn"] = current_app.config["SITE_NAME"]
        entry.add("organizer", organizer)
        address = vCalAddress(f"mailto:{attendee[0]}")
        address.params["cn"] = attendee[1]
        # No reply by mail is expected: people answer on the meeting page.
        address.params["rsvp"] = "FALSE"
        address.params["partstat"] = "NEEDS-ACTION"
        entry.add("attendee", address)
    return entry


def feed_etag(meetings: Iterable[Meeting], *salt: Any) -> str:
    """The ETag of a calendar feed: what its events are made of (each meeting's and place's
    version, the language, the address of the site), so any change gives a new one."""
    import hashlib

    from flask_babel import get_locale

    parts = [str(get_locale()), current_app.config["BASE_URL"], *map(str, salt)]
    parts += [f"{m.id}.{m.version}.{m.sequence}.{m.place.id}.{m.place.version}" if m.place
              else f"{m.id}.{m.version}.{m.sequence}" for m in meetings]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def _calendar(*, method: str | None = None, name: str | None = None) -> Any:
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    if method:
        cal.add("method", method)
    if name:
        cal.add("x-wr-calname", name)
    return cal


def calendar(events: Iterable[Event], *, method: str | None = None,
             name: str | None = None) -> bytes:
    cal = _calendar(method=method, name=name)
    for entry in events:
        cal.add_component(entry)
    return cal.to_ical()  # type: ignore[no-any-return]


# The text of feed events kept by this process, under everything it is made of (see `feed`).
_KEPT: OrderedDict[tuple[Any, ...], tuple[bytes, bytes]] = OrderedDict()
KEEP = 2048


def feed(meetings: Iterable[Meeting], *, with_join: bool, name: str) -> bytes:
    """A calendar feed (a body's, a person's): `calendar` of each meeting's `event`, byte for
    byte, but each event is written once (by the library) and its text kept (the most recent
    KEEP) under what it is made of — the meeting's and its place's version and sequence, the
    language, the site's address, whether join details are in — so a feed fetched again and
    again, or meetings shared by many people's feeds, cost little. Only DTSTAMP (the time of
    the fetch) is new."""
    from flask_babel import get_locale
    from icalendar import Event

    now = clock.now()
    stamp = Event()
    stamp.add("dtstamp", now)
    stamp_line = stamp.to_ical().split(b"\r\n")[1] + b"\r\n"
    salt = (with_join, str(get_locale()), current_app.config["BASE_URL"])
    places: dict[int, str] = {}
    # The calendar's own lines, then its events, then its END line (as `to_ical` writes them).
    head, _, end = _calendar(name=name).to_ical().rpartition(b"END:VCALENDAR")
    out = [head]
    for meeting in meetings:
        place = meeting.place
        key = (*salt, meeting.uid, meeting.id, meeting.version, meeting.sequence,
               place.id if place else None, place.version if place else None)
        kept = _KEPT.get(key)
        if kept is None:
            written = event(meeting, with_join=with_join, places=places, stamp=now).to_ical()
            before, _, after = written.partition(stamp_line)
            kept = _KEPT[key] = before, after
            _forget_oldest()
        else:
            try:
                _KEPT.move_to_end(key)
            except KeyError:  # another thread (a threaded server) just let it go
                pass
        out += (kept[0], stamp_line, kept[1])
    out.append(b"END:VCALENDAR" + end)
    return b"".join(out)


def _forget_oldest() -> None:
    while len(_KEPT) > KEEP:
        try:
            _KEPT.popitem(last=False)
        except KeyError:  # emptied by another thread meanwhile
            break


def invitation_attachment(meeting: Meeting, *, email: str, name: str,
                          items: Iterable[Any] = (), cancel: bool = False) -> Attachment:
    """The .ics of a personal mail: METHOD:REQUEST (or CANCEL), with the join details."""
    method = "CANCEL" if cancel else "REQUEST"
    data = calendar([event(meeting, with_join=True, items=items, attendee=(email, name))],
                    method=method)
    return Attachment(filename="einladung.ics" if not cancel else "absage.ics",
                      content_type=f"text/calendar; charset=utf-8; method={method}",
                      content=data)
