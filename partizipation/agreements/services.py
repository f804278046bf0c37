"""Actions on agreements, parties and documents. They flush, never commit; a broken rule raises
DomainError naming the form field the message belongs to."""

from __future__ import annotations

from typing import IO, Any

from flask import current_app
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..domain import DomainError
from ..i18n import _l
from ..municipalities.models import Municipality
from ..uploads import DOCUMENTS, store_upload, upload_folder
from .models import Agreement, AgreementDocument, AgreementParty, AgreementStatus
from .notice import NoticeTo

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
PERIODS = (NoticeTo.MONTH.value, NoticeTo.QUARTER.value, NoticeTo.YEAR.value)


def save_agreement(session: Session, agreement: Agreement | None, data: dict[str, Any], *,
                   actor: Any, municipality: Municipality | None = None) -> Agreement:
    """Create (agreement None) or change an agreement; `municipality` becomes its party."""
    in_force_from, valid_until = data.get("in_force_from"), data.get("valid_until")
    signed_on = data.get("signed_on")
    start = in_force_from or signed_on
    if start and valid_until and valid_until < start:
        raise DomainError(_l("“Valid until” cannot be before the agreement is in force. Check "
                             "both dates."), "valid_until")
    notice_to, months = data.get("notice_to") or "", data.get("notice_months")
    if notice_to in PERIODS and months is None:
        raise DomainError(_l("Enter the notice period in months, for example 6."),
                          "notice_months")
    if months is not None and notice_to == "":
        raise DomainError(_l("Choose what the notice period runs to: the end of a month, a "
                             "quarter or a year, or at any time."), "notice_to")
    status = data.get("status") or AgreementStatus.DRAFT.value
    ended_on = data.get("ended_on")
    if status == AgreementStatus.ENDED and ended_on is None:
        raise DomainError(_l("Enter the day the agreement ended."), "ended_on")
    if ended_on and start and ended_on < start:
        raise DomainError(_l("The agreement cannot end before it began. Check the dates."),
                          "ended_on")
    if agreement is None:
        agreement = Agreement()
        session.add(agreement)
    agreement.title = data["title"].strip()
    agreement.kind = data["kind"]
    agreement.status = status
    agreement.summary = (data.get("summary") or "").strip()
    agreement.signed_on, agreement.in_force_from, agreement.valid_until = (
        signed_on, in_force_from, valid_until)
    agreement.until_replaced = bool(data.get("until_replaced"))
    agreement.notice_months = months if notice_to else None
    agreement.notice_to = notice_to
    agreement.ended_on = ended_on if status == AgreementStatus.ENDED else None
    agreement.end_reason = (data.get("end_reason") or "").strip()
    if municipality is not None:
        agreement.parties.append(AgreementParty(municipality=municipality,
                                                joined_on=signed_on))
    session.flush()
    return agreement


def add_party(session: Session, agreement: Agreement, data: dict[str, Any], *,
              actor: Any) -> AgreementParty:
    municipality_id = int(data["municipality_id"]) if data.get("municipality_id") else None
    organisation = (data.get("organisation") or "").strip()
    if municipality_id is None and not organisation:
        raise DomainError(_l("Choose a municipality or enter the name of an organisation."),
                          "organisation")
    if municipality_id is not None and organisation:
        raise DomainError(_l("Choose a municipality or enter an organisation, not both."),
                          "organisation")
    if municipality_id is not None and session.get(Municipality, municipality_id) is None:
        raise DomainError(_l("Choose a municipality from the list."), "municipality_id")
    joined_on, left_on = data.get("joined_on"), data.get("left_on")
    if joined_on and left_on and left_on < joined_on:
        raise DomainError(_l("A party cannot leave before it joined. Check both dates."),
                          "left_on")
    party = AgreementParty(agreement_id=agreement.id, municipality_id=municipality_id,
                           organisation=organisation, joined_on=joined_on, left_on=left_on)
    try:
        with session.begin_nested():
            session.add(party)
            session.flush()
    except IntegrityError as error:
        raise DomainError(_l("This municipality is already a party of the agreement."),
                          "municipality_id") from error
    return party


def leave(session: Session, party: AgreementParty, left_on: Any, *, actor: Any) -> None:
    if party.joined_on and left_on < party.joined_on:
        raise DomainError(_l("A party cannot leave before it joined (%(day)s). Check the date.",
                             day=party.joined_on.strftime("%d.%m.%Y")), "left_on")
    party.left_on = left_on
    session.flush()


def document_folder() -> Any:
    return upload_folder("agreements")


def add_document(session: Session, agreement: Agreement, *, title: str, url: str,
                 stream: IO[bytes] | None, actor: Any) -> AgreementDocument:
    url = (url or "").strip()
    if stream is None and not url:
        raise DomainError(_l("Choose a file or enter a link to the document."), "file")
    if url and not url.startswith(("https://", "http://")):
        raise DomainError(_l("Enter the full web address, starting with https://."), "url")
    document = AgreementDocument(agreement_id=agreement.id, title=title.strip(), url=url,
                                 created_by_id=getattr(actor, "id", None))
    if stream is not None:
        stored = store_upload(stream, document_folder(), allowed=DOCUMENTS, field="file",
                              max_bytes=int(current_app.config.get(
                                  "AGREEMENT_DOCUMENT_MAX_BYTES", DEFAULT_MAX_BYTES)))
        document.stored_name, document.mime_type = stored.name, stored.mime_type
        document.size, document.sha256 = stored.size, stored.sha256
        document.url = ""
    session.add(document)
    session.flush()
    return document
