"""The officer's decision pages: record a decision at a held meeting, and the follow-up list of
open decisions across bodies (filter, sort, CSV)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import format_date
from flask_login import current_user
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from ..council.models import Body
from ..csvfile import csv_response
from ..db import db
from ..domain import DomainError
from ..i18n import _l
from ..meetings.attendance import can_record_after, record_of
from ..meetings.blueprint import load_meeting
from ..meetings.services import agenda
from ..paging import COUNT_LIMIT, paginate
from ..permissions import require
from . import permissions, queries
from .forms import FOLLOW_UP, SORTS, DecisionForm, FollowUpForm
from .labels import label
from .services import DecisionData, take_decision
from .views import bp


@bp.route("/verwaltung/sitzungen/<int:meeting_id>/beschluss/neu", methods=["GET", "POST"])
def new(meeting_id: int):  # type: ignore[no-untyped-def]
    require(permissions.can_record_decisions(current_user))
    meeting = load_meeting(meeting_id)
    items = agenda(db.session, meeting)
    form = DecisionForm()
    form.agenda_item_id.choices = [SelectChoice(i.id, _l("TOP %(n)s: %(title)s", n=i.position,
                                                         title=i.title)) for i in items]
    if not form.is_submitted():
        form.kind.data = "decision"
        form.result.data = "consensus"
        chosen = request.args.get("top", type=int)
        if chosen:
            form.agenda_item_id.data = chosen
    if form.validate_on_submit():
        try:
            decision = take_decision(db.session, meeting, DecisionData(
                agenda_item_id=form.agenda_item_id.data or 0, text=form.text.data or "",
                kind=form.kind.data or "", result=form.result.data or "",
                votes_yes=form.votes_yes.data, votes_no=form.votes_no.data,
                votes_abstain=form.votes_abstain.data, responsible=form.responsible.data or "",
                due_on=form.due_on.data), actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The decision has been recorded."), "success")
            return redirect(url_for("decisions.detail", decision_id=decision.id))
    return render_template("decisions/new.html", form=form, meeting=meeting, items=items,
                           held=record_of(db.session, meeting),
                           open=can_record_after(meeting))


def _follow_up_form() -> FollowUpForm:
    form = FollowUpForm(request.args)
    bodies = db.session.scalars(select(Body).order_by(Body.name))
    form.body.choices = [SelectChoice(0, _l("All bodies"))] + [SelectChoice(b.id, b.name)
                                                                for b in bodies]
    return form


def _choice(value: str | None, allowed: dict[str, object], default: str) -> str:
    return value if value in allowed else default


@bp.get("/verwaltung/beschluesse")
def follow_up():  # type: ignore[no-untyped-def]
    require(permissions.can_follow_up(current_user))
    form = _follow_up_form()
    show = _choice(form.show.data, FOLLOW_UP, "")
    sort = _choice(form.sort.data, SORTS, "due")
    if request.args.get("format") == "csv":
        query = queries.follow_up(show, form.body.data or 0, sort)
        rows = db.session.scalars(query.limit(5000)).all()
        return csv_response("beschluesse-offen.csv", [
            _l("Meeting"), _l("Date"), _l("Body"), _l("Agenda item"), _l("Decision"),
            _l("Kind"), _l("Status"), _l("Responsible"), _l("Due date"), _l("Address")],
            [(d.meeting.title, format_date(d.meeting.starts_at.date()),
              d.meeting.body.name if d.meeting.body else "", d.item.title, d.text,
              label("kind", d.kind), label("status", d.status), d.responsible,
              format_date(d.due_on) if d.due_on else "",
              url_for("decisions.detail", decision_id=d.id, _external=True)) for d in rows])
    query, values = queries.follow_up_rows(show, form.body.data or 0, sort)
    page = paginate(db.session, query, count_limit=COUNT_LIMIT, scalars=False, params=values)
    return render_template("decisions/follow_up.html", page=page, form=form, show=show,
                           sort=sort)
