"""After the meeting, the officer's pages: attendance with the quorum, the minutes (write,
compare revisions, send for corrections, approve) and the body's rules."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from .. import clock
from ..council.models import Body
from ..db import db
from ..domain import DomainError
from ..i18n import _l
from ..permissions import require
from . import permissions
from .attendance import (
    Entry,
    attendance_of,
    invitees_with_people,
    is_voting_member,
    record_attendance,
    record_of,
    rules_of,
    save_rules,
)
from .blueprint import bp, load_meeting
from .minutes import (
    APPROVERS,
    MINUTES_STATES,
    MinutesData,
    approve_minutes,
    compare,
    revisions,
    save_minutes,
    send_for_corrections,
    texts_of,
)
from .models import Meeting
from .record_forms import (
    PRESENCE,
    QUORUM_RULES,
    ApproveMinutesForm,
    AttendanceForm,
    RulesForm,
    minutes_form,
)
from .rhythm import rhythms
from .services import agenda

PREFIX = "/verwaltung/sitzungen/<int:meeting_id>"


@bp.app_template_global()
def quorum_rule_label(code: str) -> str:
    return str(QUORUM_RULES.get(code, code))  # type: ignore[call-overload]


@bp.app_template_global()
def minutes_status_label(code: str) -> str:
    return str(MINUTES_STATES.get(code, code))  # type: ignore[call-overload]


@bp.app_template_global()
def minutes_approver_label(code: str) -> str:
    return str(APPROVERS.get(code, code))  # type: ignore[call-overload]


@bp.app_template_global()
def presence_label(code: str) -> str:
    return str(PRESENCE.get(code, code))  # type: ignore[call-overload]


@bp.app_template_global()
def meeting_record(meeting: Meeting) -> Any:
    """For the meeting pages: the record (attendance, quorum, minutes) or None."""
    return record_of(db.session, meeting)


@bp.app_template_global()
def minutes_texts(held: Any) -> dict[int, str]:
    return texts_of(db.session, held)


@bp.app_template_global()
def attendance_rows(meeting: Meeting) -> list[tuple[Any, Any]]:
    """(invitee, attendance) of those recorded, in the order of the invitees (two queries)."""
    stored = attendance_of(db.session, meeting)
    return [(i, stored[i.id]) for i in invitees_with_people(db.session, meeting)
            if i.id in stored]


def _recordable(meeting_id: int) -> Meeting:
    require(permissions.can_manage_meetings(current_user))
    meeting = load_meeting(meeting_id)
    require(permissions.can_record_meeting(current_user, meeting))
    return meeting


@bp.route(f"{PREFIX}/anwesenheit", methods=["GET", "POST"])
def attendance(meeting_id: int):  # type: ignore[no-untyped-def]
    meeting = _recordable(meeting_id)
    invitees = invitees_with_people(db.session, meeting)
    stored = attendance_of(db.session, meeting)
    held = record_of(db.session, meeting)
    form = AttendanceForm()
    if not form.is_submitted():
        form.guests.data = held.guests if held else ""
        for invitee in invitees:
            row = stored.get(invitee.id)
            form.people.append_entry({
                "presence": row.presence if row else None,
                "arrived_late": row.arrived_late if row else "",
                "left_early": row.left_early if row else "",
                "deputy_for_id": (row.deputy_for_id if row else invitee.deputy_for_id) or 0})
    voting = [i for i in invitees if is_voting_member(i)]
    for invitee, entry in zip(invitees, form.people, strict=False):
        name = invitee.person.name
        entry.form.presence.label.text = name
        entry.form.arrived_late.label.text = str(_l("%(name)s arrived late at (optional)",
                                                    name=name))
        entry.form.left_early.label.text = str(_l("%(name)s left early at (optional)",
                                                  name=name))
        entry.form.deputy_for_id.label.text = str(_l("%(name)s was present as the deputy of",
                                                     name=name))
        entry.form.deputy_for_id.choices = [SelectChoice(0, _l("Nobody: for themselves"))] + [
            SelectChoice(v.id, v.person.name) for v in voting if v.id != invitee.id]
    if form.validate_on_submit():
        if len(form.people.entries) != len(invitees):
            abort(400)
        entries = [Entry(invitee.id, e.form.presence.data or "", e.form.arrived_late.data or "",
                         e.form.left_early.data or "", e.form.deputy_for_id.data or None)
                   for invitee, e in zip(invitees, form.people, strict=True)]
        try:
            result = record_attendance(db.session, meeting, entries,
                                       guests=form.guests.data or "", actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The attendance has been saved: %(present)s of %(members)s votes present, "
                     "%(needed)s needed. %(verdict)s", present=result.present,
                     members=result.members, needed=result.needed,
                     verdict=_l("The meeting was quorate.") if result.reached
                     else _l("The meeting was not quorate.")), "success")
            return redirect(url_for("meetings.manage", meeting_id=meeting.id) + "#nachher")
    return render_template("meetings/attendance.html", form=form, meeting=meeting,
                           invitees=invitees, rows=list(zip(invitees, form.people, strict=False)),
                           rules=rules_of(db.session, meeting.body_id))


@bp.route(f"{PREFIX}/protokoll", methods=["GET", "POST"])
def minutes(meeting_id: int):  # type: ignore[no-untyped-def]
    meeting = _recordable(meeting_id)
    items = agenda(db.session, meeting)
    held = record_of(db.session, meeting)
    form = minutes_form(items, request.form if request.method == "POST" else None)
    if not form.is_submitted():
        texts = texts_of(db.session, held)
        form.version.data = held.version if held else None
        form.general.data = held.general_html if held else ""
        form.easy_summary.data = held.easy_summary if held else ""
        form.easy_checked_by.data = held.easy_checked_by if held else ""
        form.easy_checked_on.data = held.easy_checked_on if held else None
        for item in items:
            form[f"item_{item.id}"].data = texts.get(item.id, "")
    locked = held is not None and held.minutes_status == "approved"
    if not locked and form.validate_on_submit():
        try:
            revision = save_minutes(db.session, meeting, MinutesData(
                general=form.general.data or "",
                items={i.id: form[f"item_{i.id}"].data or "" for i in items},
                easy_summary=form.easy_summary.data or "",
                easy_checked_by=form.easy_checked_by.data or "",
                easy_checked_on=form.easy_checked_on.data,
                version=form.version.data), actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
            stored = record_of(db.session, meeting)
            if stored is not None:
                form.version.data = stored.version
                form.version.raw_data = [str(stored.version)]
        else:
            db.session.commit()
            flash(_l("The minutes have been saved (revision %(n)s).", n=revision.number),
                  "success")
            return redirect(url_for("meetings.minutes", meeting_id=meeting.id))
    return render_template("meetings/minutes_form.html", form=form, meeting=meeting,
                           items=items, held=held, locked=locked,
                           revisions=revisions(db.session, held))


@bp.get(f"{PREFIX}/protokoll/vergleich")
def compare_minutes(meeting_id: int):  # type: ignore[no-untyped-def]
    meeting = _recordable(meeting_id)
    held = record_of(db.session, meeting)
    found = {r.number: r for r in revisions(db.session, held)}
    old = found.get(request.args.get("alt", type=int) or 0)
    new = found.get(request.args.get("neu", type=int) or 0)
    if old is None or new is None:
        abort(404)
    return render_template("meetings/minutes_compare.html", meeting=meeting, old=old, new=new,
                           parts=compare(old, new, agenda(db.session, meeting)))


@bp.post(f"{PREFIX}/protokoll/senden")
def send_minutes(meeting_id: int):  # type: ignore[no-untyped-def]
    meeting = _recordable(meeting_id)
    from ..forms import ActionForm

    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        sent = send_for_corrections(db.session, meeting, record_of(db.session, meeting),
                                    actor=current_user)
    except DomainError as error:
        db.session.rollback()
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(_l("The minutes have been sent for corrections to %(n)s invitees.", n=sent),
              "success")
    return redirect(url_for("meetings.minutes", meeting_id=meeting.id))


@bp.route(f"{PREFIX}/protokoll/genehmigen", methods=["GET", "POST"])
def approve(meeting_id: int):  # type: ignore[no-untyped-def]
    meeting = _recordable(meeting_id)
    held = record_of(db.session, meeting)
    form = ApproveMinutesForm()
    if not form.is_submitted():
        form.on.data = clock.today()
    if form.validate_on_submit():
        try:
            approve_minutes(db.session, meeting, held, on=form.on.data, by=form.by.data or "",
                            actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The minutes have been approved and are published with the meeting."),
                  "success")
            return redirect(url_for("meetings.minutes", meeting_id=meeting.id))
    return render_template("meetings/minutes_approve.html", form=form, meeting=meeting,
                           held=held)


@bp.route("/verwaltung/gremien/<int:body_id>/sitzungsregeln", methods=["GET", "POST"])
def body_rules(body_id: int):  # type: ignore[no-untyped-def]
    require(permissions.can_manage_meetings(current_user))
    body = db.session.get(Body, body_id) or abort(404)
    rules = rules_of(db.session, body.id)
    form = RulesForm()
    if not form.is_submitted():
        form.quorum_rule.data = rules.quorum_rule
        form.decisions_need_approval.data = "yes" if rules.decisions_need_approval else "no"
    if form.validate_on_submit():
        try:
            save_rules(db.session, body.id, quorum_rule=form.quorum_rule.data or "",
                       decisions_need_approval=form.decisions_need_approval.data == "yes")
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The rules of %(name)s have been saved.", name=body.name), "success")
            return redirect(url_for("meetings.body_rules", body_id=body.id))
    return render_template("meetings/body_rules.html", form=form, body=body)




@bp.get("/verwaltung/sitzungsrhythmus")
def rhythm():  # type: ignore[no-untyped-def]
    require(permissions.can_manage_meetings(current_user))
    return render_template("meetings/rhythm.html", rhythms=rhythms(db.session))


@bp.app_template_global()
def meetings_rhythm_summary() -> dict[str, Any]:
    """For the officer's /mein-bereich: bodies behind their rhythm first, and open minutes."""
    from .dashboard import minutes_open
    from .dashboard import rhythms as dashboard_rhythms

    found = dashboard_rhythms()
    return {"behind": [r for r in found if r.behind or r.overdue], "all": found,
            "minutes_open": minutes_open()}
