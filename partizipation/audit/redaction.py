"""On erasure, the log keeps that a row changed and who changed it, but no longer what the
person's personal fields were. Called last by `people.privacy.complete_deletion`, after every
domain's erasure (which the log itself records) has been flushed."""

from __future__ import annotations

from sqlalchemy import or_, update
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..people.models import Person
from .models import AuditEntry

REDACTED = {"erased": [None, "Personenbezogene Angaben auf Wunsch der Person gelöscht"]}


def redact(session: Session, user: User, person: Person | None) -> None:
    about = [(AuditEntry.table_name == "users") & (AuditEntry.row_id == user.id)]
    if person is not None:
        about.append((AuditEntry.table_name == "persons") & (AuditEntry.row_id == person.id))
    session.execute(update(AuditEntry).where(or_(*about)).values(changes=REDACTED)
                    .execution_options(synchronize_session=False))
