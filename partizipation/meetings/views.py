"""The public meeting pages: /sitzungen, one meeting, its documents and calendar files, the
invitee's answer and support request, and the calendar feeds."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import bindparam, select
from sqlalchemy.orm import joinedload
from wtforms.fields.choices import SelectChoice

from ..council.labels import SUPPORT_NEEDS
from ..council.models import Body, SupportNeedKind
from ..council.support import SUPPORT_CONSENT_TEXT, needs_of
from ..db import db
from ..domain import DomainError
from ..i18n import _l
from ..paging import COUNT_LIMIT, paginate
from ..permissions import require
from ..uploads import TYPES, send_stored
from . import ical, permissions
from .agenda import arrange, document_folder, documents_of
from .answers import answer_choices, give_answer, requests_of, save_support_request
from .attendance import remember_record
from .blueprint import bp
from .feeds import owner_of
from .forms import AnswerForm, FilterForm, SupportRequestForm
from .labels import ANSWERS
from .minutes import remember_texts
from .models import AgendaItem, Document, Invitee, Meeting, MeetingRecord, MinutesItem
from .pages import my_meetings_page
from .queries import (
    MeetingCard,
    archive_years,
    bodies_with_public_meetings,
    body_feed,
    cards,
    my_invitee,
    past,
    personal_feed,
    public_upcoming,
    upcoming_values,
)
from .services import support_deadline


@bp.get("/sitzungen")
def listing():  # type: ignore[no-untyped-def]
    form = FilterForm(request.args)
    bodies = bodies_with_public_meetings(db.session)
    form.gremium.choices = [SelectChoice(0, _l("All bodies and events"))] + [
        SelectChoice(b.id, b.name) for b in bodies]
    chosen = next((b for b in bodies if b.id == form.gremium.data), None)
    was = request.args.get("zeit") == "vergangen"
    if was:
        years = archive_years(db.session)
        form.jahr.choices = [SelectChoice(0, _l("All years"))] + [
            SelectChoice(y, str(y)) for y in years]
        year = form.jahr.data if form.jahr.data in years else None
        query, values = past(current_user, chosen.id if chosen else None, year)
        page = paginate(db.session, query, scalars=False, count_limit=COUNT_LIMIT,
                        params=values)
        page = replace(page, items=[(MeetingCard(row), row[9]) for row in page.items])
        return render_template("meetings/archive.html", page=page, form=form, body=chosen,
                               year=year)
    body_id = chosen.id if chosen else None
    # Counted up to COUNT_LIMIT, in the list's order: the database walks the start index and
    # stops (counting all of 2,000 coming meetings cost 0.3 ms more a request).
    page = paginate(db.session, public_upcoming(body_id is not None), scalars=False,
                    count_limit=COUNT_LIMIT, params=upcoming_values(body_id))
    page = replace(page, items=cards(page.items))
    return render_template("meetings/listing.html", page=page, form=form, body=chosen)


def _load(meeting_id: int) -> Meeting:
    meeting = db.session.scalar(select(Meeting).options(
        joinedload(Meeting.body), joinedload(Meeting.place)).where(Meeting.id == meeting_id))
    if meeting is None:
        abort(404)
    return meeting


@cache
def _page_statement() -> Any:
    """The statement of `_load_for_page`, the meeting's id a bind parameter: built once per
    process (building it took longer than running it)."""
    minutes = (select(MinutesItem.text_html)
               .where(MinutesItem.agenda_item_id == AgendaItem.id,
                      MinutesItem.record_id == MeetingRecord.id)
               .scalar_subquery())
    return (select(Meeting, MeetingRecord)
            .outerjoin(MeetingRecord, MeetingRecord.meeting_id == Meeting.id)
            .options(joinedload(Meeting.body), joinedload(Meeting.place),
                     joinedload(Meeting.items).with_expression(AgendaItem.minutes_html, minutes))
            .where(Meeting.id == bindparam("meeting_id")))


def _load_for_page(meeting_id: int) -> Meeting:
    """The meeting with its body, place, agenda and record, in one statement (the agenda has
    a few dozen items; the record is one row or none)."""
    row = db.session.execute(_page_statement(), {"meeting_id": meeting_id}).unique().first()
    if row is None:
        abort(404)
    meeting, record = row
    remember_record(meeting, record)
    if record is not None:
        remember_texts(record, {item.id: item.minutes_html for item in meeting.items
                                if item.minutes_html is not None})
    return meeting  # type: ignore[no-any-return]


def _visible_meeting(meeting_id: int) -> tuple[Meeting, Invitee | None]:
    """The meeting and the user's invitation; 404 for those who may not see it (a visitor is
    first asked to sign in, so links in invitation mails work)."""
    meeting = _load_for_page(meeting_id)
    invitee = my_invitee(db.session, meeting, current_user)
    if not permissions.can_view_meeting(current_user, meeting, invitee):
        if not current_user.is_authenticated:
            require(False)
        abort(404)
    return meeting, invitee


def _render_detail(meeting: Meeting, invitee: Invitee | None,
                   answer_form: AnswerForm | None = None) -> str:
    everything = (permissions.can_manage_meetings(current_user)
                  or permissions.is_invited(current_user, meeting, invitee))
    items = [i for i in meeting.items if everything or i.is_public]
    shelf = arrange(documents_of(db.session, meeting),
                    lambda d: permissions.can_view_document(current_user, d, invitee))
    requests = requests_of(db.session, invitee) if invitee is not None else []
    if answer_form is None and invitee is not None and permissions.can_answer(current_user,
                                                                             invitee):
        answer_form = AnswerForm(answer=invitee.answer if invitee.answer != "open" else None)
    if answer_form is not None and invitee is not None:
        answer_form.answer.choices = [SelectChoice(c, ANSWERS[c])  # type: ignore[index]
                                      for c in answer_choices(db.session, invitee)]
    deputy = None
    if invitee is not None and invitee.deputy_for_id:
        deputy = db.session.get(Invitee, invitee.deputy_for_id)
    return render_template("meetings/detail.html", meeting=meeting, invitee=invitee,
                           items=items, shelf=shelf, requests=requests, form=answer_form,
                           deputy_for=deputy, deadline=support_deadline(meeting))


@bp.get("/sitzungen/<int:meeting_id>")
def detail(meeting_id: int):  # type: ignore[no-untyped-def]
    meeting, invitee = _visible_meeting(meeting_id)
    return _render_detail(meeting, invitee)


def _own_invitee(meeting: Meeting, invitee_id: int) -> Invitee:
    invitee = db.session.get(Invitee, invitee_id)
    if invitee is None or invitee.meeting_id != meeting.id:
        abort(404)
    require(permissions.is_own_invitation(current_user, invitee))
    return invitee


@bp.post("/sitzungen/<int:meeting_id>/antwort/<int:invitee_id>")
def answer(meeting_id: int, invitee_id: int):  # type: ignore[no-untyped-def]
    meeting = _load(meeting_id)
    invitee = _own_invitee(meeting, invitee_id)
    # From /mein-bereich/sitzungen each invitation's form has its own prefix (unique ids).
    from_my_area = request.args.get("von") == "mein-bereich"
    form = AnswerForm(prefix=f"i{invitee.id}" if from_my_area else "")
    form.answer.choices = [SelectChoice(c, ANSWERS[c])  # type: ignore[index]
                           for c in answer_choices(db.session, invitee)]
    if form.validate_on_submit():
        try:
            deputy = give_answer(db.session, invitee, form.answer.data or "",
                                 actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error, "answer")
        else:
            db.session.commit()
            flash(_l("Your answer has been saved: %(answer)s.",
                     answer=ANSWERS[invitee.answer]), "success")  # type: ignore[index]
            if deputy is not None:
                flash(_l("Your personal deputy %(name)s has been invited by email.",
                         name=deputy.person.name), "success")
            if from_my_area:
                return redirect(url_for("meetings.my_meetings") + f"#einladung-{invitee.id}")
            return redirect(url_for("meetings.detail", meeting_id=meeting.id) + "#antwort")
    if from_my_area:
        return my_meetings_page(failed=(invitee.id, form))
    return _render_detail(meeting, invitee, form)


@bp.route("/sitzungen/<int:meeting_id>/unterstuetzung/<int:invitee_id>",
          methods=["GET", "POST"])
def support_request(meeting_id: int, invitee_id: int):  # type: ignore[no-untyped-def]
    meeting = _load(meeting_id)
    invitee = _own_invitee(meeting, invitee_id)
    requests = requests_of(db.session, invitee)
    form = SupportRequestForm()
    if not form.is_submitted():
        if requests:
            form.needs.data = [r.kind for r in requests]
            form.other_details.data = next(
                (r.details for r in requests if r.kind == SupportNeedKind.OTHER), "")
        else:
            stored = needs_of(db.session, invitee.person)
            form.needs.data = [n.kind for n in stored]
            form.other_details.data = next(
                (n.details for n in stored if n.kind == SupportNeedKind.OTHER), "")
    if form.validate_on_submit():
        try:
            save_support_request(db.session, invitee, needs=form.needs.data or [],
                                 other_details=form.other_details.data or "",
                                 consented=bool(form.consent.data), actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error, "needs")
        else:
            db.session.commit()
            flash(_l("Your support request for this meeting has been saved."), "success")
            return redirect(url_for("meetings.detail", meeting_id=meeting.id) + "#unterstuetzung")
    return render_template("meetings/support_request.html", form=form, meeting=meeting,
                           invitee=invitee, requests=requests, consent_text=SUPPORT_CONSENT_TEXT,
                           deadline=support_deadline(meeting), need_labels=SUPPORT_NEEDS,
                           open=permissions.can_request_support(current_user, invitee))


def _ics(data: bytes, filename: str) -> Response:
    response = Response(data, mimetype="text/calendar")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.get("/sitzungen/<int:meeting_id>/kalender.ics")
def meeting_ics(meeting_id: int):  # type: ignore[no-untyped-def]
    meeting, invitee = _visible_meeting(meeting_id)
    with_join = permissions.can_see_join_details(current_user, meeting, invitee)
    everything = with_join
    items = [i for i in meeting.items if everything or i.is_public]
    data = ical.calendar([ical.event(meeting, with_join=with_join, items=items)],
                         method="PUBLISH")
    return _ics(data, f"sitzung-{meeting.id}.ics")


@bp.get("/sitzungen/<int:meeting_id>/dokumente/<int:document_id>")
def document(meeting_id: int, document_id: int):  # type: ignore[no-untyped-def]
    found = db.session.get(Document, document_id)
    if found is None or found.meeting_id != meeting_id:
        abort(404)
    invitee = my_invitee(db.session, found.meeting, current_user)
    if not permissions.can_view_document(current_user, found, invitee):
        # Not public: the same answer as for a document that does not exist.
        abort(404)
    extension = TYPES.get(found.mime_type, ("", "bin"))[1]
    return send_stored(document_folder(), found.stored_name, found.mime_type,
                       f"{_slug(found.title)}.{extension}")


def _slug(title: str) -> str:
    kept = "".join(c if c.isalnum() else "-" for c in title.lower())
    return "-".join(part for part in kept.split("-") if part)[:60] or "dokument"


@bp.get("/sitzungen/gremium/<int:body_id>/kalender.ics")
def body_ics(body_id: int):  # type: ignore[no-untyped-def]
    body = db.session.get(Body, body_id)
    if body is None or not body.is_public:
        abort(404)
    data = ical.feed(body_feed(db.session, body), with_join=False, name=body.name)
    return _ics(data, f"gremium-{body.id}.ics")


@bp.get("/kalender/<token>.ics")
def personal_ics(token: str):  # type: ignore[no-untyped-def]
    owner = owner_of(db.session, token)  # the account and its person in one statement
    if owner is None:
        abort(404)
    user, person = owner
    meetings = personal_feed(db.session, person)
    # A calendar program that sends the ETag it has gets 304 while nothing in its feed changed,
    # without the events being built again.
    tag = ical.feed_etag(meetings, user.id)
    if tag in request.if_none_match:
        unchanged = Response(status=304)
        unchanged.set_etag(tag)
        return unchanged
    data = ical.feed(meetings, with_join=True, name=str(_l("My meetings")))
    response = _ics(data, "meine-sitzungen.ics")
    response.set_etag(tag)
    response.headers["Cache-Control"] = "private, no-cache"
    return response

