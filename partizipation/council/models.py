"""Bodies (Gremien), their terms and memberships; support needs.

History is rows: a membership is never deleted, it ends (ends_on + end_reason). "Current" is a
query (see services.current_filter), not a flag.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Base, utcnow
from ..people.models import Person
from ..versioning import Versioned


class BodyKind(StrEnum):
    ADVISORY_COUNCIL = "advisory_council"
    STEERING_GROUP = "steering_group"
    FACILITATOR_NETWORK = "facilitator_network"
    WORKING_GROUP = "working_group"
    OTHER = "other"


class MembershipRole(StrEnum):
    CHAIR = "chair"
    DEPUTY_CHAIR = "deputy_chair"
    MEMBER = "member"
    ADVISORY_MEMBER = "advisory_member"
    # A personal deputy (Stellvertretung) of another membership of the same body and term.
    DEPUTY = "deputy"


class EndReason(StrEnum):
    TERM_ENDED = "term_ended"
    RESIGNED = "resigned"
    REPLACED = "replaced"


class SupportNeedKind(StrEnum):
    SIGN_LANGUAGE = "sign_language"
    SPEECH_TO_TEXT = "speech_to_text"
    EASY_LANGUAGE = "easy_language"
    LARGE_PRINT = "large_print"
    BRAILLE = "braille"
    INDUCTION_LOOP = "induction_loop"
    STEP_FREE = "step_free"
    ASSISTANCE = "assistance"
    QUIET_ROOM = "quiet_room"
    OTHER = "other"


class DisabilityKind(StrEnum):
    VISUAL = "visual"
    HEARING = "hearing"
    DEAFBLIND = "deafblind"
    MOBILITY = "mobility"
    LEARNING = "learning"
    MENTAL_HEALTH = "mental_health"
    CHRONIC_ILLNESS = "chronic_illness"
    NEURODIVERGENT = "neurodivergent"
    SPEECH = "speech"
    OTHER = "other"


class ConsentPurpose(StrEnum):
    SUPPORT_NEEDS = "support_needs"
    DISABILITY_KIND = "disability_kind"


class Body(Versioned, Base):
    __tablename__ = "bodies"
    __audit__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    short_name: Mapped[str] = mapped_column(String(40), default="")
    kind: Mapped[str] = mapped_column(String(30), default=BodyKind.OTHER.value)
    # Sanitized HTML (html.sanitize_html on write).
    description_html: Mapped[str] = mapped_column(Text, default="")
    easy_language_description: Mapped[str] = mapped_column(Text, default="")
    is_public: Mapped[bool] = mapped_column(default=True)
    min_meetings_per_year: Mapped[int] = mapped_column(default=0)
    target_meetings_per_year: Mapped[int] = mapped_column(default=0)
    # Ladungsfrist: invitations must go out at least this many days before a meeting.
    notice_period_days: Mapped[int] = mapped_column(default=14)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # When anything of the row last changed (OParl `modified`; raised on every UPDATE).
    modified_at: Mapped[datetime | None] = mapped_column(default=utcnow, onupdate=utcnow)

    terms: Mapped[list[Term]] = relationship(
        back_populates="body", order_by="Term.starts_on.desc()"
    )

    def __repr__(self) -> str:
        return f"<Body {self.id}>"


class Term(Versioned, Base):
    __tablename__ = "terms"
    __audit__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id"), index=True)
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # When anything of the row last changed (OParl `modified`; raised on every UPDATE).
    modified_at: Mapped[datetime | None] = mapped_column(default=utcnow, onupdate=utcnow)

    body: Mapped[Body] = relationship(back_populates="terms")


_OPEN = "ends_on IS NULL"
_OPEN_CHAIR = "ends_on IS NULL AND role IN ('chair', 'deputy_chair')"
_OPEN_DEPUTY = "ends_on IS NULL AND deputy_for_id IS NOT NULL"


class Membership(Versioned, Base):
    __tablename__ = "memberships"
    __audit__ = True
    __table_args__ = (
        Index("ix_memberships_body_dates", "body_id", "starts_on", "ends_on"),
        # What the database holds itself when two officers act at once (the full date rules
        # are checked under the body's row lock, see memberships.py): in one term, one open
        # chair and one open deputy chair, one open membership per person, one open personal
        # deputy per member.
        Index("uq_memberships_open_chair", "term_id", "role", unique=True,
              sqlite_where=text(_OPEN_CHAIR), postgresql_where=text(_OPEN_CHAIR)),
        Index("uq_memberships_open_person", "term_id", "person_id", unique=True,
              sqlite_where=text(_OPEN), postgresql_where=text(_OPEN)),
        Index("uq_memberships_open_deputy", "deputy_for_id", unique=True,
              sqlite_where=text(_OPEN_DEPUTY), postgresql_where=text(_OPEN_DEPUTY)),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id"))
    term_id: Mapped[int] = mapped_column(ForeignKey("terms.id"), index=True)
    role: Mapped[str] = mapped_column(String(20), default=MembershipRole.MEMBER.value)
    has_vote: Mapped[bool] = mapped_column(default=True)
    starts_on: Mapped[date]
    ends_on: Mapped[date | None]
    end_reason: Mapped[str | None] = mapped_column(String(20))
    # Whom the person represents, e.g. an association or a municipality.
    represents: Mapped[str] = mapped_column(String(200), default="")
    # For role "deputy": the membership this one deputises for.
    deputy_for_id: Mapped[int | None] = mapped_column(ForeignKey("memberships.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # When anything of the row last changed (OParl `modified`; raised on every UPDATE).
    modified_at: Mapped[datetime | None] = mapped_column(default=utcnow, onupdate=utcnow)

    person: Mapped[Person] = relationship()
    body: Mapped[Body] = relationship()
    term: Mapped[Term] = relationship()
    deputy_for: Mapped[Membership | None] = relationship(remote_side=[id])


class SupportConsent(Base):
    """Explicit consent (Art. 9(2)(a) GDPR) to store support needs or the kind of disability."""

    __tablename__ = "support_consents"
    __table_args__ = (UniqueConstraint("person_id", "purpose"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    purpose: Mapped[str] = mapped_column(String(30))
    text_version: Mapped[str] = mapped_column(String(40))
    # The exact text the person agreed to, in the language it was shown in.
    consent_text: Mapped[str] = mapped_column(Text)
    consented_at: Mapped[datetime] = mapped_column(default=utcnow)


class SupportNeed(Base):
    __tablename__ = "support_needs"
    __table_args__ = (UniqueConstraint("person_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    kind: Mapped[str] = mapped_column(String(30))
    details: Mapped[str] = mapped_column(String(500), default="")


class PersonDisability(Base):
    __tablename__ = "person_disabilities"
    __table_args__ = (UniqueConstraint("person_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    kind: Mapped[str] = mapped_column(String(30))
