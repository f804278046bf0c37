"""Actions on municipalities and their contacts. They flush, never commit; a broken rule
raises DomainError naming the form field the message belongs to."""

from __future__ import annotations

import re
import secrets
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..db import utcnow
from ..domain import DomainError
from ..i18n import _l
from .models import AgreementStatus, Municipality, MunicipalityContact
from .queries import current_contacts

_AGS = re.compile(r"\d{8}")
AGREEMENT_MAX_BYTES = 20 * 1024 * 1024


def ags_problem(value: str) -> Any | None:
    """Why `value` is not an official municipality key (AGS), or None when it is one.

    8 digits: state (01–16), administrative region, district (3), municipality (3); the
    municipality part is never 000 (that would be the district itself).
    """
    if not _AGS.fullmatch(value or ""):
        return _l("Enter the official municipality key as 8 digits, like 05978004.")
    if not 1 <= int(value[:2]) <= 16:
        return _l("The first two digits of the key are the state (01 to 16; NRW is 05).")
    if value[5:] == "000":
        return _l("The last three digits name the municipality and cannot be 000.")
    return None


# ---------------------------------------------------------------- municipalities


def save_municipality(
    session: Session, municipality: Municipality | None, data: dict[str, Any], *, actor: User,
    document: BinaryIO | None = None, upload_folder: str | None = None,
) -> Municipality:
    """Create (municipality None) or change a municipality; checks the key and the agreement.

    `document` is an uploaded PDF of the agreement; `data["remove_agreement_file"]` drops the
    current one. A replaced file stays on disk until the caller removes it after the commit.
    """
    ags = (data.get("ags") or "").strip()
    problem = ags_problem(ags)
    if problem:
        raise DomainError(problem, "ags")
    taken = session.scalar(select(Municipality).where(Municipality.ags == ags))
    if taken is not None and taken is not municipality:
        raise DomainError(
            _l("Another municipality (%(name)s) already has this key.", name=taken.name), "ags"
        )
    status = data.get("agreement_status") or AgreementStatus.NONE.value
    signed_on, ended_on = data.get("agreement_signed_on"), data.get("agreement_ended_on")
    if status in (AgreementStatus.SIGNED, AgreementStatus.ENDED) and signed_on is None:
        raise DomainError(
            _l("Enter the date the agreement was signed."), "agreement_signed_on"
        )
    if status == AgreementStatus.ENDED and ended_on is None:
        raise DomainError(_l("Enter the date the agreement ended."), "agreement_ended_on")
    if signed_on and ended_on and ended_on < signed_on:
        raise DomainError(
            _l("The agreement cannot end before it was signed. Check both dates."),
            "agreement_ended_on",
        )
    if document is not None:
        _check_pdf(document)
    if municipality is None:
        municipality = Municipality()
        session.add(municipality)
    municipality.name = data["name"].strip()
    municipality.kind = data["kind"]
    municipality.ags = ags
    municipality.website = (data.get("website") or "").strip()
    municipality.agreement_status = status
    municipality.agreement_signed_on = signed_on if status != AgreementStatus.NONE else None
    municipality.agreement_ended_on = ended_on if status == AgreementStatus.ENDED else None
    municipality.agreement_document_url = (data.get("agreement_document_url") or "").strip()
    municipality.agreement_document_title = (data.get("agreement_document_title") or "").strip()
    if data.get("remove_agreement_file"):
        municipality.agreement_file_name = municipality.agreement_file_size = None
    if document is not None:
        municipality.agreement_file_name, municipality.agreement_file_size = _store_pdf(
            document, upload_folder or "")
    session.flush()
    return municipality


def agreement_folder(upload_folder: str) -> Path:
    return Path(upload_folder) / "municipalities"


def _check_pdf(document: BinaryIO) -> None:
    document.seek(0)
    head = document.read(5)
    document.seek(0, 2)
    size = document.tell()
    document.seek(0)
    if head != b"%PDF-":
        raise DomainError(_l("Choose the agreement as a PDF file."), "agreement_file")
    if size > AGREEMENT_MAX_BYTES:
        raise DomainError(_l("The PDF file can be at most 20 MB. Choose a smaller file."),
                                "agreement_file")


def _store_pdf(document: BinaryIO, upload_folder: str) -> tuple[str, int]:
    """Write the PDF under a random name (never the uploader's); returns name and size."""
    folder = agreement_folder(upload_folder)
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{secrets.token_hex(16)}.pdf"
    path = folder / name
    document.seek(0)
    with path.open("wb") as target:
        while chunk := document.read(1024 * 1024):
            target.write(chunk)
    return name, path.stat().st_size


# ---------------------------------------------------------------- contacts


def add_contact(
    session: Session, municipality: Municipality, *, email: str, display_name: str,
    locale: str = "de", actor: User,
) -> MunicipalityContact:
    """Make a person a contact of `municipality`: invite them, or scope their existing account."""
    from ..accounts import services as accounts

    user = accounts.find_user_by_email(session, email)
    if user is not None and any(
        c.user_id == user.id for c in current_contacts(session, municipality)
    ):
        raise DomainError(
            _l("This person is already a contact of %(name)s.", name=municipality.name), "email"
        )
    if user is None or not user.password_hash:
        # A new person, or one who has not yet accepted an earlier invitation: (re)invite.
        try:
            user = accounts.invite_user(
                session, email=email, display_name=display_name, role="member", locale=locale,
                actor=actor, scope=_l("contact person for %(name)s", name=municipality.name),
            )
        except DomainError as error:
            raise DomainError(str(error), error.field or "email") from error
    elif not user.is_active:
        raise DomainError(
            _l("This account has been deactivated. Reactivate it in the user list first."),
            "email",
        )
    contact = MunicipalityContact(user=user, municipality=municipality, created_by_id=actor.id)
    session.add(contact)
    session.flush()
    return contact


def end_contact(session: Session, contact: MunicipalityContact, *, actor: User) -> None:
    """The person is no longer a contact; their account stays."""
    if contact.ended_at is None:
        contact.ended_at = utcnow()
        contact.ended_by_id = actor.id
        session.flush()
