"""The officer's logistics page of a meeting: answers, support totals and who needs what, the
booking checklist, reminders. Health data: the officer only (not the admin)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..council.models import SupportNeedKind
from ..db import db
from ..domain import DomainError
from ..forms import ActionForm
from ..i18n import _l
from ..permissions import require
from . import permissions
from .blueprint import bp
from .forms import BookingForm
from .logistics import invitee_answers, logistics, need_label, people_for, remind_open, save_booking
from .models import Meeting, SupportBooking

PREFIX = "/verwaltung/sitzungen/<int:meeting_id>/logistik"


def _meeting(meeting_id: int) -> Meeting:
    require(permissions.can_view_logistics(current_user))
    meeting = db.session.scalar(select(Meeting).options(
        joinedload(Meeting.body), joinedload(Meeting.place)).where(Meeting.id == meeting_id))
    return meeting or abort(404)


def _meeting_and_bookings(meeting_id: int) -> tuple[Meeting, list[SupportBooking]]:
    """The meeting with its body and place, and its bookings (a few), in one statement."""
    require(permissions.can_view_logistics(current_user))
    rows = db.session.execute(
        select(Meeting, SupportBooking)
        .outerjoin(SupportBooking, SupportBooking.meeting_id == Meeting.id)
        .options(joinedload(Meeting.body), joinedload(Meeting.place))
        .where(Meeting.id == meeting_id).order_by(SupportBooking.id)).all()
    if not rows:
        abort(404)
    return rows[0][0], [booking for _meeting, booking in rows if booking is not None]


def _kind(kind: str) -> str:
    if kind not in {k.value for k in SupportNeedKind}:
        abort(404)
    return kind


def _forms(data: object, failed: tuple[str, BookingForm] | None = None) -> dict[str, BookingForm]:
    forms = {}
    for kind in data.kinds:  # type: ignore[attr-defined]
        if failed is not None and failed[0] == kind:
            forms[kind] = failed[1]
            continue
        booking = data.bookings.get(kind)  # type: ignore[attr-defined]
        forms[kind] = BookingForm(prefix=kind, formdata=None, obj=booking)
    return forms


def _render(meeting: Meeting, failed: tuple[str, BookingForm] | None = None,
            bookings: list[SupportBooking] | None = None) -> str:
    counted, invitees = invitee_answers(db.session, meeting)
    data = logistics(db.session, meeting, invitees=counted, bookings=bookings)
    if failed is not None and failed[0] not in data.kinds:
        data.kinds.append(failed[0])
    return render_template("meetings/logistics.html", meeting=meeting, data=data,
                           forms=_forms(data, failed), invitees=invitees,
                           need_label=need_label, remind_form=ActionForm(),
                           has_form_errors=failed is not None)


@bp.get(PREFIX)
def logistics_page(meeting_id: int):  # type: ignore[no-untyped-def]
    meeting, bookings = _meeting_and_bookings(meeting_id)
    return _render(meeting, bookings=bookings)


@bp.get(f"{PREFIX}/<kind>")
def need_people(meeting_id: int, kind: str):  # type: ignore[no-untyped-def]
    meeting = _meeting(meeting_id)
    kind = _kind(kind)
    return render_template("meetings/need_people.html", meeting=meeting, kind=kind,
                           label=need_label(kind), requests=people_for(db.session, meeting, kind))


@bp.post(f"{PREFIX}/<kind>/buchung")
def booking(meeting_id: int, kind: str):  # type: ignore[no-untyped-def]
    meeting = _meeting(meeting_id)
    kind = _kind(kind)
    form = BookingForm(prefix=kind)
    if form.validate_on_submit():
        try:
            save_booking(db.session, meeting, kind, booked_with=form.booked_with.data or "",
                         is_confirmed=bool(form.is_confirmed.data), note=form.note.data or "",
                         actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The booking for “%(need)s” has been saved.", need=need_label(kind)),
                  "success")
            return redirect(url_for("meetings.logistics_page", meeting_id=meeting.id))
    return _render(meeting, (kind, form))


@bp.post(f"{PREFIX}/erinnern")
def remind(meeting_id: int):  # type: ignore[no-untyped-def]
    meeting = _meeting(meeting_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        count = remind_open(db.session, meeting, actor=current_user)
    except DomainError as error:
        db.session.rollback()
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(_l("A reminder has been sent to %(n)s invitees who have not answered.", n=count),
              "success")
    return redirect(url_for("meetings.logistics_page", meeting_id=meeting.id))
