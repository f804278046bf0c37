"""The officer's meeting pages under /verwaltung/sitzungen: list, create, edit, send, cancel,
mark held, invitees; places under /verwaltung/orte."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import joinedload
from wtforms.fields.choices import SelectChoice

from .. import clock
from ..council.models import Body
from ..db import db
from ..domain import DomainError
from ..forms import ActionForm
from ..i18n import _l
from ..paging import paginate, search_form, search_terms
from ..people.models import Person
from ..permissions import require
from ..versioning import check_version
from . import permissions
from .blueprint import bp, load_meeting
from .forms import CancelForm, MeetingForm, PlaceForm, SendForm
from .invitees import add_guest, fill_from_body, guest_candidates, invitees_of, remove_invitee
from .models import Invitee, Meeting, MeetingEvent, Place
from .places import FACTS, FIELDS, save_place
from .queries import officer_list
from .services import (
    LateError,
    MeetingData,
    agenda,
    cancel_meeting,
    create_meeting,
    invite_one,
    is_late,
    mark_held,
    notice_deadline,
    send_invitations,
    support_deadline,
    update_meeting,
)

PREFIX = "/verwaltung/sitzungen"
VERSIONED = ("title", "body_id", "kind", "starts_on", "start_time", "ends_on", "end_time",
             "format", "place_id", "join_url", "join_details", "is_public", "component",
             "support_deadline_on")


def _managed(meeting_id: int) -> Meeting:
    require(permissions.can_manage_meetings(current_user))
    return load_meeting(meeting_id)


@bp.get(PREFIX)
def manage_list():  # type: ignore[no-untyped-def]
    require(permissions.can_manage_meetings(current_user))
    past = request.args.get("zeit") == "vergangen"
    search = search_form(_l("Search by title"))
    page = paginate(db.session, officer_list(past=past, terms=search_terms()))
    return render_template("meetings/manage_list.html", page=page, past=past, search=search)


def _choices(form: MeetingForm) -> None:
    bodies = db.session.scalars(select(Body).order_by(Body.name))
    form.body_id.choices = [SelectChoice(0, _l("No body: an event"))] + [
        SelectChoice(b.id, b.name) for b in bodies]
    places = db.session.scalars(select(Place).order_by(Place.name))
    form.place_id.choices = [SelectChoice(0, _l("No place (online only)"))] + [
        SelectChoice(p.id, f"{p.name}, {p.city}" if p.city else p.name) for p in places]


def _data(form: MeetingForm) -> MeetingData:
    return MeetingData(
        title=form.title.data or "", body_id=form.body_id.data or None,
        kind=form.kind.data or "", starts_on=form.starts_on.data,  # type: ignore[arg-type]
        start_time=form.start_time.data or "", ends_on=form.ends_on.data,
        end_time=form.end_time.data or "", format=form.format.data or "",
        place_id=form.place_id.data or None, join_url=form.join_url.data or "",
        join_details=form.join_details.data or "", is_public=bool(form.is_public.data),
        component=form.component.data or "", support_deadline_on=form.support_deadline_on.data)


@bp.route(f"{PREFIX}/neu", methods=["GET", "POST"])
def create():  # type: ignore[no-untyped-def]
    require(permissions.can_manage_meetings(current_user))
    form = MeetingForm()
    _choices(form)
    if not form.is_submitted():
        form.is_public.data = True
        form.kind.data = "session"
        form.format.data = "in_person"
        body_id = request.args.get("gremium", type=int)
        if body_id:
            form.body_id.data = body_id
    if form.validate_on_submit():
        try:
            meeting = create_meeting(db.session, _data(form), actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The meeting “%(title)s” has been created. Add the agenda, documents and "
                     "invitees, then send the invitations.", title=meeting.title), "success")
            return redirect(url_for("meetings.manage", meeting_id=meeting.id))
    return render_template("meetings/meeting_form.html", form=form, meeting=None)


@bp.route(f"{PREFIX}/<int:meeting_id>/bearbeiten", methods=["GET", "POST"])
def edit(meeting_id: int):  # type: ignore[no-untyped-def]
    meeting = _managed(meeting_id)
    require(permissions.can_edit_meeting(current_user, meeting))
    form = MeetingForm(obj=meeting)
    _choices(form)
    if not form.is_submitted():
        form.body_id.data = meeting.body_id or 0
        form.place_id.data = meeting.place_id or 0
    if form.validate_on_submit():
        try:
            check_version(meeting, form, VERSIONED)
            told = update_meeting(db.session, meeting, _data(form), actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The meeting has been saved."), "success")
            if told:
                flash(_l("Every invitee has been told about the change by email."), "success")
            return redirect(url_for("meetings.manage", meeting_id=meeting.id))
    return render_template("meetings/meeting_form.html", form=form, meeting=meeting)


@bp.get(f"{PREFIX}/<int:meeting_id>")
def manage(meeting_id: int):  # type: ignore[no-untyped-def]
    meeting = _managed(meeting_id)
    from .agenda import arrange, documents_of

    events = list(db.session.scalars(
        select(MeetingEvent).options(joinedload(MeetingEvent.actor))
        .where(MeetingEvent.meeting_id == meeting.id)
        .order_by(MeetingEvent.created_at.desc(), MeetingEvent.id.desc()).limit(20)))
    return render_template(
        "meetings/manage.html", meeting=meeting, items=agenda(db.session, meeting),
        shelf=arrange(documents_of(db.session, meeting), lambda d: True),
        invitees=invitees_of(db.session, meeting), events=events,
        late=is_late(meeting), notice=notice_deadline(meeting),
        deadline=support_deadline(meeting), today=clock.today())


@bp.route(f"{PREFIX}/<int:meeting_id>/einladen", methods=["GET", "POST"])
def send(meeting_id: int):  # type: ignore[no-untyped-def]
    meeting = _managed(meeting_id)
    form = SendForm()
    if form.validate_on_submit():
        try:
            count = send_invitations(db.session, meeting, actor=current_user,
                                     confirm_late=bool(form.confirm_late.data))
        except LateError as error:
            db.session.rollback()
            form.put_error(error)
        except DomainError as error:
            db.session.rollback()
            flash(str(error), "error")
            return redirect(url_for("meetings.manage", meeting_id=meeting.id))
        else:
            db.session.commit()
            flash(_l("The invitations have been sent: %(n)s emails.", n=count), "success")
            return redirect(url_for("meetings.manage", meeting_id=meeting.id))
    require(permissions.can_send_invitations(current_user, meeting))
    return render_template("meetings/send.html", form=form, meeting=meeting,
                           late=is_late(meeting), notice=notice_deadline(meeting),
                           invitees=invitees_of(db.session, meeting))


@bp.route(f"{PREFIX}/<int:meeting_id>/absagen", methods=["GET", "POST"])
def cancel(meeting_id: int):  # type: ignore[no-untyped-def]
    meeting = _managed(meeting_id)
    form = CancelForm()
    if form.validate_on_submit():
        try:
            count = cancel_meeting(db.session, meeting, reason=form.reason.data or "",
                                   actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The meeting has been cancelled. %(n)s invitees were told by email.",
                     n=count), "success")
            return redirect(url_for("meetings.manage", meeting_id=meeting.id))
    elif not permissions.can_cancel_meeting(current_user, meeting):
        abort(403)
    return render_template("meetings/cancel.html", form=form, meeting=meeting)


@bp.post(f"{PREFIX}/<int:meeting_id>/stattgefunden")
def held(meeting_id: int):  # type: ignore[no-untyped-def]
    meeting = _managed(meeting_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        mark_held(db.session, meeting, actor=current_user)
    except DomainError as error:
        db.session.rollback()
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(_l("The meeting is marked as held."), "success")
    return redirect(url_for("meetings.manage", meeting_id=meeting.id))


# --- invitees --------------------------------------------------------------------------------


@bp.get(f"{PREFIX}/<int:meeting_id>/eingeladene")
def invitees(meeting_id: int):  # type: ignore[no-untyped-def]
    meeting = _managed(meeting_id)
    search = search_form(_l("Search for a person to invite as a guest"))
    terms = search_terms()
    candidates = None
    if terms and permissions.can_add_guests(current_user, meeting):
        candidates = paginate(db.session, guest_candidates(db.session, meeting, terms),
                              per_page=10)
    return render_template("meetings/invitees.html", meeting=meeting,
                           invitees=invitees_of(db.session, meeting), search=search,
                           candidates=candidates, terms=terms)


def _back_to_invitees(meeting: Meeting) -> Any:
    return redirect(url_for("meetings.invitees", meeting_id=meeting.id))


@bp.post(f"{PREFIX}/<int:meeting_id>/eingeladene/aus-gremium")
def fill(meeting_id: int):  # type: ignore[no-untyped-def]
    meeting = _managed(meeting_id)
    require(permissions.can_change_invitees(current_user, meeting))
    if not ActionForm().validate_on_submit():
        abort(400)
    added = fill_from_body(db.session, meeting, actor=current_user)
    db.session.commit()
    flash(_l("%(n)s people were added from the body.", n=added), "success")
    return _back_to_invitees(meeting)


@bp.post(f"{PREFIX}/<int:meeting_id>/eingeladene/gast/<int:person_id>")
def add_guest_view(meeting_id: int, person_id: int):  # type: ignore[no-untyped-def]
    meeting = _managed(meeting_id)
    require(permissions.can_add_guests(current_user, meeting))
    person = db.session.get(Person, person_id) or abort(404)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        invitee = add_guest(db.session, meeting, person, actor=current_user)
        mailed = meeting.status == "invited" and invite_one(db.session, meeting, invitee)
    except DomainError as error:
        db.session.rollback()
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(_l("%(name)s is invited as a guest.", name=person.name), "success")
        if mailed:
            flash(_l("The invitation has been sent to %(name)s by email.", name=person.name),
                  "success")
    return _back_to_invitees(meeting)


@bp.post(f"{PREFIX}/<int:meeting_id>/eingeladene/<int:invitee_id>/entfernen")
def remove(meeting_id: int, invitee_id: int):  # type: ignore[no-untyped-def]
    meeting = _managed(meeting_id)
    invitee = db.session.get(Invitee, invitee_id)
    if invitee is None or invitee.meeting_id != meeting.id:
        abort(404)
    if not ActionForm().validate_on_submit():
        abort(400)
    name = invitee.person.name
    try:
        remove_invitee(db.session, invitee, actor=current_user)
    except DomainError as error:
        db.session.rollback()
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(_l("%(name)s is no longer invited.", name=name), "success")
    return _back_to_invitees(meeting)


# --- places ----------------------------------------------------------------------------------


@bp.get("/verwaltung/orte")
def places():  # type: ignore[no-untyped-def]
    require(permissions.can_manage_places(current_user))
    page = paginate(db.session, select(Place).order_by(Place.name, Place.id))
    return render_template("meetings/places.html", page=page)


@bp.route("/verwaltung/orte/neu", methods=["GET", "POST"])
@bp.route("/verwaltung/orte/<int:place_id>/bearbeiten", methods=["GET", "POST"])
def edit_place(place_id: int | None = None):  # type: ignore[no-untyped-def]
    require(permissions.can_manage_places(current_user))
    place = (db.session.get(Place, place_id) or abort(404)) if place_id else None
    form = PlaceForm(obj=place)
    if form.validate_on_submit():
        try:
            if place is not None:
                check_version(place, form, FIELDS + FACTS)
            place = save_place(db.session, place, form.data, actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The place “%(name)s” has been saved.", name=place.name), "success")
            return redirect(url_for("meetings.places"))
    return render_template("meetings/place_form.html", form=form, place=place)
