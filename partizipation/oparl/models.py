"""What OParl keeps of a published object after its row is gone: the kind, the id, when it was
created and when it went away (nothing else, nothing personal). OParl clients learn from it that
the object was deleted (`deleted: true`, spec 2.8). Rows that still exist but are no longer public
need no tombstone: their own row says so."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base, utcnow


class Tombstone(Base):
    __tablename__ = "oparl_tombstones"
    __table_args__ = (UniqueConstraint("kind", "object_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The OParl kind, e.g. "agendaItem", "file".
    kind: Mapped[str] = mapped_column(String(30))
    object_id: Mapped[int]
    created_at: Mapped[datetime]
    # What the schema requires even of a deleted agenda item: its place in the agenda.
    order: Mapped[int | None]
    deleted_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class MeetingPublicCount(Base):
    """The public, announced meetings of a body (`body_key` 0: of none) and their public agenda
    items, kept by database triggers (migration 0023): the totals of the OParl meeting and agenda
    item lists, read without scanning the meetings."""

    __tablename__ = "meeting_public_counts"

    body_key: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    meetings: Mapped[int]
    agenda_items: Mapped[int]


from . import tombstones  # noqa: E402, F401 - the listeners that write tombstones
