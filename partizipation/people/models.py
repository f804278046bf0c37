"""Persons: everyone who takes part (council members, facilitators, contacts), with or without
an account. Contact details are never public; being listed publicly needs recorded consent."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..db import Base, utcnow
from ..versioning import Versioned


class Person(Versioned, Base):
    __tablename__ = "persons"
    __audit__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # Form of address as the person wants it: "Frau", "Herr", "" (none), or free text.
    form_of_address: Mapped[str] = mapped_column(String(40), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    function: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(50))
    # The account this person signs in with, once linked (an invitation links it).
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), unique=True)
    # Consent to be listed publicly by name: given on / withdrawn on.
    # Listed = given and not withdrawn.
    listing_consent_given_on: Mapped[date | None]
    listing_consent_withdrawn_on: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # When anything of the row last changed (OParl `modified`; raised on every UPDATE).
    modified_at: Mapped[datetime | None] = mapped_column(default=utcnow, onupdate=utcnow)
    # Set when the person asked for deletion: personal fields are blanked, history rows stay.
    anonymised_at: Mapped[datetime | None]

    user: Mapped[User | None] = relationship()

    @property
    def is_listed(self) -> bool:
        """Whether the person currently agrees to be named publicly."""
        return (
            self.listing_consent_given_on is not None
            and self.listing_consent_withdrawn_on is None
        )

    def __repr__(self) -> str:
        return f"<Person {self.id}>"


class DeletionRequest(Base):
    __tablename__ = "deletion_requests"
    __audit__ = True
    # One open request per account, also when two are sent at the same moment.
    __table_args__ = (
        Index("uq_deletion_requests_open", "user_id", unique=True,
              sqlite_where=text("completed_at IS NULL"),
              postgresql_where=text("completed_at IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"))
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    completed_at: Mapped[datetime | None]
    completed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    person: Mapped[Person | None] = relationship()
