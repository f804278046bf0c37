"""The agenda: ordered items (TOP 1, 2, 3 …) and the documents of a meeting and of its items."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

from flask import current_app
from sqlalchemy import bindparam, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..domain import DomainError
from ..html import sanitize_html
from ..i18n import _l
from ..locking import lock_row
from ..uploads import DOCUMENTS, remove_stored, store_upload, upload_folder
from .history import Action, record
from .models import AgendaItem, AlternativeKind, Document, Meeting, MeetingStatus

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def document_folder() -> Path:
    return upload_folder("meetings")


def max_document_bytes() -> int:
    return int(current_app.config.get("MEETING_DOCUMENT_MAX_BYTES", DEFAULT_MAX_BYTES))


def _open(meeting: Meeting) -> None:
    if meeting.status not in (MeetingStatus.PLANNED, MeetingStatus.INVITED):
        raise DomainError(_l("A meeting that was held or cancelled cannot be changed."))


@dataclass
class ItemData:
    title: str
    presenter: str = ""
    description_html: str = ""
    easy_language_summary: str = ""
    is_public: bool = True


def _fill(item: AgendaItem, data: ItemData) -> None:
    item.title = data.title.strip()
    item.presenter = data.presenter.strip()
    item.description_html = sanitize_html(data.description_html)
    item.easy_language_summary = data.easy_language_summary.strip()
    item.is_public = data.is_public


def _busy() -> DomainError:
    return DomainError(_l("Someone else changed the agenda at the same time. Look at the "
                          "agenda and try again."))


def add_item(session: Session, meeting: Meeting, data: ItemData, *, actor: Any) -> AgendaItem:
    """Add an item at the end of the agenda."""
    _open(meeting)
    lock_row(session, Meeting, meeting.id)
    last = session.scalar(select(func.max(AgendaItem.position))
                          .where(AgendaItem.meeting_id == meeting.id)) or 0
    item = AgendaItem(meeting_id=meeting.id, position=last + 1)
    _fill(item, data)
    session.add(item)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError as error:
        raise _busy() from error
    record(session, meeting, Action.ITEM_ADDED, actor=actor, note=item.title)
    return item


def update_item(session: Session, item: AgendaItem, data: ItemData, *, actor: Any) -> None:
    _open(item.meeting)
    _fill(item, data)
    session.flush()
    record(session, item.meeting, Action.ITEM_CHANGED, actor=actor, note=item.title)


def _items(session: Session, meeting: Meeting) -> list[AgendaItem]:
    return list(session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id)
                                .order_by(AgendaItem.position)))


def move_item(session: Session, item: AgendaItem, step: int, *, actor: Any) -> None:
    """Swap the item with the one before (step -1) or after (step +1)."""
    meeting = item.meeting
    _open(meeting)
    lock_row(session, Meeting, meeting.id)
    items = _items(session, meeting)
    index = next(i for i, row in enumerate(items) if row.id == item.id)
    target = index + step
    if target < 0:
        raise DomainError(_l("TOP %(n)s is already the first item.", n=item.position))
    if target >= len(items):
        raise DomainError(_l("TOP %(n)s is already the last item.", n=item.position))
    other = items[target]
    mine, theirs = item.position, other.position
    # One at a time: the unique (meeting, position) index holds at every step.
    item.position = 0
    session.flush()
    other.position = mine
    session.flush()
    item.position = theirs
    session.flush()
    record(session, meeting, Action.ITEM_MOVED, actor=actor,
           note=f"{item.title}: TOP {mine} → TOP {theirs}")


def delete_item(session: Session, item: AgendaItem, *, actor: Any) -> list[str]:
    """Delete an item with its documents; the items after it move up. Returns files to remove."""
    meeting = item.meeting
    _open(meeting)
    lock_row(session, Meeting, meeting.id)
    documents = list(session.scalars(select(Document).where(Document.agenda_item_id == item.id)))
    files = _delete_documents(session, documents)
    title, position = item.title, item.position
    session.delete(item)
    session.flush()
    for row in _items(session, meeting):
        if row.position > position:
            row.position -= 1
            session.flush()
    record(session, meeting, Action.ITEM_DELETED, actor=actor, note=title)
    return files


# --- documents -------------------------------------------------------------------------------


@dataclass
class DocumentData:
    title: str
    agenda_item_id: int | None = None
    alternative_of_id: int | None = None
    alternative_kind: str | None = None
    is_public: bool = True


def add_document(session: Session, meeting: Meeting, data: DocumentData, stream: BinaryIO | None,
                 *, actor: Any) -> Document:
    """Check and store an uploaded file for the meeting, one of its items, or as another version
    of a document. Nothing is stored when a rule is broken."""
    _open(meeting)
    if stream is None:
        raise DomainError(_l("Choose a file to upload."), "file")
    item = None
    original = None
    if data.alternative_of_id:
        original = session.get(Document, data.alternative_of_id)
        if original is None or original.meeting_id != meeting.id:
            raise DomainError(_l("Choose a document of this meeting."), "alternative_of_id")
        if original.alternative_of_id is not None:
            raise DomainError(_l("Choose an original document, not another version."),
                              "alternative_of_id")
        if data.alternative_kind not in {k.value for k in AlternativeKind}:
            raise DomainError(_l("Choose the kind of version: easy language, large print or "
                                 "text."), "alternative_kind")
    elif data.agenda_item_id:
        item = session.get(AgendaItem, data.agenda_item_id)
        if item is None or item.meeting_id != meeting.id:
            raise DomainError(_l("Choose an item of this meeting's agenda."), "agenda_item_id")
    stored = store_upload(stream, document_folder(), allowed=DOCUMENTS,
                          max_bytes=max_document_bytes(), field="file")
    document = Document(
        meeting_id=meeting.id,
        agenda_item_id=original.agenda_item_id if original else (item.id if item else None),
        alternative_of_id=original.id if original else None,
        alternative_kind=data.alternative_kind if original else None,
        title=data.title.strip(), is_public=data.is_public, stored_name=stored.name,
        mime_type=stored.mime_type, size=stored.size, sha256=stored.sha256,
        sha512=stored.sha512 or None,
        created_by_id=getattr(actor, "id", None))
    session.add(document)
    session.flush()
    record(session, meeting, Action.DOCUMENT_ADDED, actor=actor, note=document.title)
    return document


def _delete_documents(session: Session, documents: list[Document]) -> list[str]:
    ids = [d.id for d in documents]
    if not ids:
        return []
    alternatives = list(session.scalars(select(Document).where(
        Document.alternative_of_id.in_(ids))))
    files = [d.stored_name for d in alternatives + documents]
    session.execute(delete(Document).where(Document.id.in_([d.id for d in alternatives]))
                    .execution_options(synchronize_session=False))
    session.execute(delete(Document).where(Document.id.in_(ids))
                    .execution_options(synchronize_session=False))
    for row in alternatives + documents:
        session.expunge(row)
    return files


def delete_document(session: Session, document: Document, *, actor: Any) -> list[str]:
    """Delete a document and its other versions; returns the files to remove after commit."""
    meeting = document.meeting
    _open(meeting)
    title = document.title
    files = _delete_documents(session, [document])
    record(session, meeting, Action.DOCUMENT_DELETED, actor=actor, note=title)
    return files


def remove_files(names: list[str]) -> None:
    """Remove stored files (after the commit that dropped their rows)."""
    for name in names:
        remove_stored(document_folder(), name)


@cache
def _documents_statement() -> Any:
    """`documents_of`'s statement, the meeting's id a bind parameter (built once per process)."""
    return (select(Document).where(Document.meeting_id == bindparam("meeting_id"))
            .order_by(Document.alternative_of_id.is_not(None), Document.id))


def documents_of(session: Session, meeting: Meeting) -> list[Document]:
    """Every document of the meeting, originals first (one query)."""
    return list(session.scalars(_documents_statement(), {"meeting_id": meeting.id}))


@dataclass
class Shelf:
    """Documents arranged for a page: per item, for the whole meeting, alternatives per id."""

    by_item: dict[int, list[Document]]
    general: list[Document]
    alternatives: dict[int, list[Document]]


def arrange(documents: list[Document], visible: Any) -> Shelf:
    """Arrange the documents that `visible(document)` allows."""
    shelf = Shelf({}, [], {})
    for document in documents:
        if not visible(document):
            continue
        if document.alternative_of_id is not None:
            shelf.alternatives.setdefault(document.alternative_of_id, []).append(document)
        elif document.agenda_item_id is not None:
            shelf.by_item.setdefault(document.agenda_item_id, []).append(document)
        else:
            shelf.general.append(document)
    return shelf
