"""The officer's agenda pages: add, change, reorder (buttons that work without JavaScript) and
delete items; upload and delete documents."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from ..db import db
from ..domain import DomainError
from ..forms import ActionForm
from ..i18n import _l
from ..permissions import require
from ..uploads import format_size
from . import permissions
from .agenda import (
    DocumentData,
    ItemData,
    add_document,
    add_item,
    delete_document,
    delete_item,
    documents_of,
    max_document_bytes,
    move_item,
    remove_files,
    update_item,
)
from .blueprint import bp, load_item, load_meeting
from .forms import AgendaItemForm, DocumentForm
from .models import Document, Meeting
from .services import agenda

PREFIX = "/verwaltung/sitzungen/<int:meeting_id>"


def _editable(meeting_id: int) -> Meeting:
    require(permissions.can_manage_meetings(current_user))
    meeting = load_meeting(meeting_id)
    require(permissions.can_edit_meeting(current_user, meeting))
    return meeting


def _back(meeting: Meeting, anchor: str = "tagesordnung") -> Any:
    return redirect(url_for("meetings.manage", meeting_id=meeting.id) + f"#{anchor}")


def _item_data(form: AgendaItemForm) -> ItemData:
    return ItemData(title=form.title.data or "", presenter=form.presenter.data or "",
                    description_html=form.description_html.data or "",
                    easy_language_summary=form.easy_language_summary.data or "",
                    is_public=bool(form.is_public.data))


@bp.route(f"{PREFIX}/tops/neu", methods=["GET", "POST"])
@bp.route(f"{PREFIX}/tops/<int:item_id>/bearbeiten", methods=["GET", "POST"])
def edit_item(meeting_id: int, item_id: int | None = None):  # type: ignore[no-untyped-def]
    meeting = _editable(meeting_id)
    item = load_item(meeting, item_id) if item_id else None
    form = AgendaItemForm(obj=item)
    if form.validate_on_submit():
        try:
            if item is None:
                item = add_item(db.session, meeting, _item_data(form), actor=current_user)
            else:
                update_item(db.session, item, _item_data(form), actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("TOP %(n)s “%(title)s” has been saved.", n=item.position,
                     title=item.title), "success")
            return _back(meeting)
    return render_template("meetings/item_form.html", form=form, meeting=meeting, item=item)


@bp.post(f"{PREFIX}/tops/<int:item_id>/<any(hoch, runter):direction>")
def move(meeting_id: int, item_id: int, direction: str):  # type: ignore[no-untyped-def]
    meeting = _editable(meeting_id)
    item = load_item(meeting, item_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        move_item(db.session, item, -1 if direction == "hoch" else 1, actor=current_user)
    except DomainError as error:
        db.session.rollback()
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(_l("“%(title)s” is now TOP %(n)s.", title=item.title, n=item.position),
              "success")
    return _back(meeting)


@bp.post(f"{PREFIX}/tops/<int:item_id>/loeschen")
def remove_item(meeting_id: int, item_id: int):  # type: ignore[no-untyped-def]
    meeting = _editable(meeting_id)
    item = load_item(meeting, item_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    title = item.title
    files = delete_item(db.session, item, actor=current_user)
    db.session.commit()
    remove_files(files)
    flash(_l("The item “%(title)s” and its documents have been deleted.", title=title),
          "success")
    return _back(meeting)


def _document_choices(form: DocumentForm, meeting: Meeting) -> None:
    form.agenda_item_id.choices = [SelectChoice(0, _l("The whole meeting"))] + [
        SelectChoice(i.id, f"TOP {i.position}: {i.title}") for i in agenda(db.session, meeting)]
    originals = [d for d in documents_of(db.session, meeting) if d.alternative_of_id is None]
    form.alternative_of_id.choices = [SelectChoice(0, _l("No, this is an original"))] + [
        SelectChoice(d.id, d.title) for d in originals]
    form.file.description = _l("PDF, ODT, Word, PNG, JPEG or WebP, at most %(size)s.",
                               size=format_size(max_document_bytes()))


@bp.route(f"{PREFIX}/dokumente/neu", methods=["GET", "POST"])
def upload(meeting_id: int):  # type: ignore[no-untyped-def]
    meeting = _editable(meeting_id)
    form = DocumentForm()
    _document_choices(form, meeting)
    if form.validate_on_submit():
        data = DocumentData(title=form.title.data or "",
                            agenda_item_id=form.agenda_item_id.data or None,
                            alternative_of_id=form.alternative_of_id.data or None,
                            alternative_kind=form.alternative_kind.data or None,
                            is_public=bool(form.is_public.data))
        stream = form.file.data.stream if form.file.data else None
        try:
            document = add_document(db.session, meeting, data, stream, actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The document “%(title)s” has been uploaded.", title=document.title),
                  "success")
            return _back(meeting, "dokumente")
    return render_template("meetings/upload.html", form=form, meeting=meeting)


@bp.post(f"{PREFIX}/dokumente/<int:document_id>/loeschen")
def remove_document(meeting_id: int, document_id: int):  # type: ignore[no-untyped-def]
    meeting = _editable(meeting_id)
    document = db.session.get(Document, document_id)
    if document is None or document.meeting_id != meeting.id:
        abort(404)
    if not ActionForm().validate_on_submit():
        abort(400)
    title = document.title
    files = delete_document(db.session, document, actor=current_user)
    db.session.commit()
    remove_files(files)
    flash(_l("The document “%(title)s” has been deleted.", title=title), "success")
    return _back(meeting, "dokumente")
