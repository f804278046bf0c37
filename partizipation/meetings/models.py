"""Meetings (Sitzungen) of the bodies and events without a body: places, agenda, documents,
invitees with their answers, support requests for one meeting, the officer's booking checklist,
and the history of every change.

The next step (attendance, minutes, decisions) builds on these rows: a meeting reaches the state
"held", decisions hang on agenda items, and an invitee keeps the role and vote they were invited
with (a later change of the membership does not rewrite who was invited as what).
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, query_expression, relationship

from .. import clock
from ..accounts.models import User
from ..council.models import Body
from ..db import Base, utcnow
from ..people.models import Person
from ..versioning import Versioned


class MeetingKind(StrEnum):
    SESSION = "session"  # Sitzung of a body
    WORKING_MEETING = "working_meeting"  # Arbeitstreffen
    KICK_OFF = "kick_off"
    TRAINING = "training"
    FUTURE_WORKSHOP = "future_workshop"
    OTHER = "other"


# Kinds an event without a body may have.
EVENT_KINDS = (MeetingKind.KICK_OFF, MeetingKind.TRAINING, MeetingKind.FUTURE_WORKSHOP,
               MeetingKind.OTHER)


class MeetingFormat(StrEnum):
    IN_PERSON = "in_person"
    ONLINE = "online"
    HYBRID = "hybrid"


class Component(StrEnum):
    """The three components of participation (cooperation agreement)."""

    STRUCTURE = "structure"
    CULTURE = "culture"
    ACTIVITY = "activity"


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    INVITED = "invited"
    HELD = "held"
    CANCELLED = "cancelled"


class Answer(StrEnum):
    OPEN = "open"
    ATTENDING = "attending"
    NOT_ATTENDING = "not_attending"
    DEPUTY_ATTENDS = "deputy_attends"


class InviteeSource(StrEnum):
    MEMBER = "member"  # a current member of the body
    FACILITATOR = "facilitator"  # an active facilitator (the network body)
    DEPUTY = "deputy"  # a personal deputy, invited because their member cannot come
    GUEST = "guest"  # added by the officer


class AlternativeKind(StrEnum):
    EASY_LANGUAGE = "easy_language"
    LARGE_PRINT = "large_print"
    TEXT = "text"


class Place(Versioned, Base):
    """A place meetings take place at, with what a person needs to know to get there and in."""

    __tablename__ = "places"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    street: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    room: Mapped[str] = mapped_column(String(200), default="")
    nearest_stop: Mapped[str] = mapped_column(String(300), default="")
    parking: Mapped[str] = mapped_column(String(300), default="")
    step_free_entrance: Mapped[bool] = mapped_column(default=False)
    lift: Mapped[bool] = mapped_column(default=False)
    accessible_toilet: Mapped[bool] = mapped_column(default=False)
    induction_loop: Mapped[bool] = mapped_column(default=False)
    accessible_parking: Mapped[bool] = mapped_column(default=False)
    quiet_room: Mapped[bool] = mapped_column(default=False)
    assistant_seats: Mapped[bool] = mapped_column(default=False)
    accessibility_notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # When anything of the row last changed (OParl `modified`; raised on every UPDATE).
    modified_at: Mapped[datetime | None] = mapped_column(default=utcnow, onupdate=utcnow)

    @property
    def address(self) -> str:
        town = " ".join(part for part in (self.postal_code, self.city) if part)
        return ", ".join(part for part in (self.street, town) if part)


class Meeting(Versioned, Base):
    __tablename__ = "meetings"
    __table_args__ = (
        Index("ix_meetings_public_start", "is_public", "status", "starts_at"),
        Index("ix_meetings_body_start", "body_id", "starts_at"),
        # Lists across bodies newest first (decisions, the archive) walk this index and stop.
        Index("ix_meetings_start", "starts_at", "id"),
        # A place's latest meeting (OParl Location `modified`) from the end of the index.
        Index("ix_meetings_place_modified", "place_id", "modified_at"),
        # The newest held meetings (the officer's open minutes) without the coming ones.
        Index("ix_meetings_status_start", "status", "starts_at", "id"),
        # The longest any meeting lasts, at once (PostgreSQL): the coming meetings are read
        # from the start index beginning that long before now (`queries.not_ended`).
        Index("ix_meetings_duration", text("(ends_at - starts_at)")).ddl_if(
            dialect="postgresql"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stable for ever: calendar programs recognise the event by it (RFC 5545 UID).
    uid: Mapped[str] = mapped_column(String(100), unique=True)
    # Raised on every change that calendars must pick up (RFC 5545 SEQUENCE).
    sequence: Mapped[int] = mapped_column(default=0)
    body_id: Mapped[int | None] = mapped_column(ForeignKey("bodies.id"))
    kind: Mapped[str] = mapped_column(String(30), default=MeetingKind.SESSION.value)
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    format: Mapped[str] = mapped_column(String(20), default=MeetingFormat.IN_PERSON.value)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"), index=True)
    # Shown only to invitees and the officer.
    join_url: Mapped[str] = mapped_column(String(500), default="")
    join_details: Mapped[str] = mapped_column(Text, default="")
    is_public: Mapped[bool] = mapped_column(default=True)
    component: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(20), default=MeetingStatus.PLANNED.value)
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    cancelled_at: Mapped[datetime | None]
    # Support requests after this day still go through, marked late. None: 14 days before.
    support_deadline_on: Mapped[date | None]
    invited_at: Mapped[datetime | None]
    # Sent after the body's notice period (Ladungsfrist) had begun; the officer confirmed it.
    invited_late: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # When anything of the row last changed (OParl `modified`; raised on every UPDATE).
    modified_at: Mapped[datetime | None] = mapped_column(default=utcnow, onupdate=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # How many of its agenda items are public (is_public), for the OParl list's total. Kept by
    # database triggers (migration 0020) in the transaction that changes the items; never
    # written by the application.
    public_agenda_items: Mapped[int] = mapped_column(default=0, server_default="0")

    body: Mapped[Body | None] = relationship()
    place: Mapped[Place | None] = relationship()
    items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", order_by="AgendaItem.position")

    # Berlin wall-clock parts, as the edit form has them.
    @property
    def starts_on(self) -> date:
        return clock.local(self.starts_at).date()

    @property
    def start_time(self) -> str:
        return clock.local(self.starts_at).strftime("%H:%M")

    @property
    def ends_on(self) -> date | None:
        """The day it ends, when that is not the day it starts."""
        day = clock.local(self.ends_at).date()
        return day if day != self.starts_on else None

    @property
    def end_time(self) -> str:
        return clock.local(self.ends_at).strftime("%H:%M")


class AgendaItem(Base):
    """One item of the agenda (TOP); its number is its position."""

    __tablename__ = "agenda_items"
    __table_args__ = (UniqueConstraint("meeting_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"))
    position: Mapped[int]
    title: Mapped[str] = mapped_column(String(300))
    # Sanitized HTML (html.sanitize_html on write).
    description_html: Mapped[str] = mapped_column(Text, default="")
    is_public: Mapped[bool] = mapped_column(default=True)
    presenter: Mapped[str] = mapped_column(String(200), default="")
    easy_language_summary: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # When anything of the row last changed (OParl `modified`; raised on every UPDATE).
    modified_at: Mapped[datetime | None] = mapped_column(default=utcnow, onupdate=utcnow)

    meeting: Mapped[Meeting] = relationship(back_populates="items")
    # The item's minutes text, when a page loads it with the items (no column: see
    # views._load_for_page); None otherwise.
    minutes_html: Mapped[str | None] = query_expression()


class Document(Base):
    """An uploaded file of a meeting or of one agenda item, or another version of a document."""

    __tablename__ = "meeting_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id"), index=True)
    # An alternative version (easy language, large print, text) of this document.
    alternative_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_documents.id"), index=True)
    alternative_kind: Mapped[str | None] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    is_public: Mapped[bool] = mapped_column(default=True)
    stored_name: Mapped[str] = mapped_column(String(80), unique=True)
    mime_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    # For OParl's File (sha512Checksum); None for files stored before it was recorded.
    sha512: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # When anything of the row last changed (OParl `modified`; raised on every UPDATE).
    modified_at: Mapped[datetime | None] = mapped_column(default=utcnow, onupdate=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    meeting: Mapped[Meeting] = relationship()
    item: Mapped[AgendaItem | None] = relationship()
    alternative_of: Mapped[Document | None] = relationship(remote_side=[id])


class Invitee(Base):
    """A person invited to a meeting, with the role they were invited in and their answer."""

    __tablename__ = "invitees"
    __table_args__ = (
        UniqueConstraint("meeting_id", "person_id"),
        Index("ix_invitees_person", "person_id", "meeting_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    source: Mapped[str] = mapped_column(String(20), default=InviteeSource.MEMBER.value)
    # The membership role (chair, member, deputy …), "facilitator" or "guest".
    role: Mapped[str] = mapped_column(String(20), default="member")
    has_vote: Mapped[bool] = mapped_column(default=False)
    membership_id: Mapped[int | None] = mapped_column(ForeignKey("memberships.id"))
    # For a deputy: the invitee they stand in for.
    deputy_for_id: Mapped[int | None] = mapped_column(
        ForeignKey("invitees.id", ondelete="CASCADE"), index=True)
    answer: Mapped[str] = mapped_column(String(20), default=Answer.OPEN.value)
    answered_at: Mapped[datetime | None]
    invited_at: Mapped[datetime | None]
    reminded_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    meeting: Mapped[Meeting] = relationship()
    person: Mapped[Person] = relationship()
    deputy_for: Mapped[Invitee | None] = relationship(remote_side=[id])


class SupportRequest(Base):
    """Support one invitee needs at one meeting: health data, stored only under the person's
    consent (deleted with it: the foreign key cascades when the consent row is deleted)."""

    __tablename__ = "meeting_support_requests"
    __table_args__ = (UniqueConstraint("invitee_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    invitee_id: Mapped[int] = mapped_column(ForeignKey("invitees.id", ondelete="CASCADE"))
    consent_id: Mapped[int] = mapped_column(
        ForeignKey("support_consents.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    details: Mapped[str] = mapped_column(String(500), default="")
    # Asked for after the meeting's support deadline.
    is_late: Mapped[bool] = mapped_column(default=False)
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)

    invitee: Mapped[Invitee] = relationship()


class SupportBooking(Base):
    """The officer's checklist entry for one kind of support at one meeting."""

    __tablename__ = "meeting_support_bookings"
    __table_args__ = (UniqueConstraint("meeting_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"))
    kind: Mapped[str] = mapped_column(String(30))
    booked_with: Mapped[str] = mapped_column(String(300), default="")
    is_confirmed: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(String(1000), default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class MeetingEvent(Base):
    """Who changed what at a meeting, and when (the meeting's history)."""

    __tablename__ = "meeting_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(30))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    actor: Mapped[User | None] = relationship()


class CalendarToken(Base):
    """The secret of a person's calendar feed address; only its SHA-256 is stored."""

    __tablename__ = "calendar_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), unique=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)



# --- After the meeting: the body's rules, attendance, guests, minutes and their revisions. ---


class QuorumRule(StrEnum):
    MORE_THAN_HALF = "more_than_half"  # default: more than half of the voting members
    ONE_THIRD = "one_third"  # at least one third
    TWO_THIRDS = "two_thirds"  # at least two thirds
    NONE = "none"  # always quorate (e.g. an open network)


class BodyRules(Base):
    """Rules a body keeps for its meetings and decisions (a row only where they differ from the
    defaults: more than half for the quorum; decisions need the Landrat's approval)."""

    __tablename__ = "meeting_body_rules"

    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id"), primary_key=True)
    quorum_rule: Mapped[str] = mapped_column(String(20), default=QuorumRule.MORE_THAN_HALF.value)
    decisions_need_approval: Mapped[bool] = mapped_column(default=True)


class Presence(StrEnum):
    PRESENT = "present"
    EXCUSED = "excused"
    ABSENT = "absent"


class Attendance(Base):
    """Whether an invitee took part in a held meeting (recorded by the officer afterwards)."""

    __tablename__ = "meeting_attendance"
    __table_args__ = (UniqueConstraint("invitee_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    invitee_id: Mapped[int] = mapped_column(ForeignKey("invitees.id", ondelete="CASCADE"))
    presence: Mapped[str] = mapped_column(String(20))
    arrived_late: Mapped[str] = mapped_column(String(5), default="")  # "18:20" or ""
    left_early: Mapped[str] = mapped_column(String(5), default="")
    # Present as the deputy of this invitee (their vote counts for the one they stand in for).
    deputy_for_id: Mapped[int | None] = mapped_column(ForeignKey("invitees.id"))

    invitee: Mapped[Invitee] = relationship(foreign_keys=[invitee_id])


class MeetingRecord(Versioned, Base):
    """What happened at a held meeting: guests, the quorum as it was, and the minutes (Protokoll)
    with their state. Every save of the minutes adds a `MinutesRevision`."""

    __tablename__ = "meeting_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), unique=True)
    guests: Mapped[str] = mapped_column(Text, default="")
    attendance_at: Mapped[datetime | None]
    voting_members: Mapped[int] = mapped_column(default=0)
    voting_present: Mapped[int] = mapped_column(default=0)
    quorate: Mapped[bool | None]
    # Minutes: sanitized HTML, the general part; per item in MinutesItem.
    general_html: Mapped[str] = mapped_column(Text, default="")
    easy_summary: Mapped[str] = mapped_column(Text, default="")
    easy_checked_by: Mapped[str] = mapped_column(String(200), default="")
    easy_checked_on: Mapped[date | None]
    minutes_status: Mapped[str] = mapped_column(String(20), default="draft")
    sent_at: Mapped[datetime | None]
    approved_on: Mapped[date | None]
    approved_by: Mapped[str] = mapped_column(String(20), default="")  # "body" or "officer"
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    meeting: Mapped[Meeting] = relationship()


class MinutesItem(Base):
    """The minutes of one agenda item (sanitized HTML)."""

    __tablename__ = "minutes_items"
    __table_args__ = (UniqueConstraint("record_id", "agenda_item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("meeting_records.id"))
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id"))
    text_html: Mapped[str] = mapped_column(Text, default="")


class MinutesRevision(Base):
    """One save of the minutes: the whole text as it was then (JSON), who saved it, when."""

    __tablename__ = "minutes_revisions"
    __table_args__ = (UniqueConstraint("record_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("meeting_records.id"))
    number: Mapped[int]
    content: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    author: Mapped[User | None] = relationship()
