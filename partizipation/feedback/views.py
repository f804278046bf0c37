"""The barrier report form (BITV feedback mechanism) and the officer's inbox."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import format_time, get_locale
from flask_login import current_user

from .. import clock
from ..db import db
from ..domain import DomainError
from ..extensions import limiter
from ..i18n import _l
from ..paging import paginate
from ..permissions import require
from . import permissions
from .forms import AnswerForm, ReportForm, ReportStatusForm
from .models import LOCATION_MAX, BarrierReport
from .services import answer_report, inbox_counts, inbox_query, submit_report, update_report

bp = Blueprint("feedback", __name__)
for _check in (
    permissions.can_report_barrier,
    permissions.can_view_barrier_reports,
    permissions.can_manage_barrier_report,
):
    bp.add_app_template_global(_check)


def _feedback_limit() -> str:
    return current_app.config["FEEDBACK_LIMIT"]


def _stored(response) -> bool:  # type: ignore[no-untyped-def]
    # Only reports that were saved count: someone correcting errors is never locked out.
    return response.status_code == 302


def _location_from_request() -> str:
    """?seite= from the page that linked here, else the same-site page the person came from."""
    given = request.args.get("seite", "")
    if not given and request.referrer:
        referrer = urlsplit(request.referrer)
        if referrer.netloc == request.host and referrer.path != request.path:
            given = referrer.path + (f"?{referrer.query}" if referrer.query else "")
    return given.strip()[:LOCATION_MAX]


@bp.route("/barriere-melden", methods=["GET", "POST"])
@limiter.limit(_feedback_limit, methods=["POST"], deduct_when=_stored)
def report():  # type: ignore[no-untyped-def]
    form = ReportForm()
    if request.method == "GET":
        form.location.data = _location_from_request()
    if form.validate_on_submit():
        report = submit_report(
            db.session,
            problem=form.problem.data or "",
            location=form.location.data or "",
            name=form.name.data or "",
            email=form.email.data,
            wants_answer=form.wants_answer.data == "yes",
            locale=str(get_locale() or "de"),
        )
        db.session.commit()
        session["feedback_sent"] = {
            "number": report.id,
            "due_on": report.due_on.isoformat(),
            "wants_answer": report.wants_answer,
            "has_email": bool(report.email),
        }
        return redirect(url_for("feedback.thanks"))
    return render_template("feedback/report.html", form=form)


@bp.errorhandler(429)
def too_many_reports(error):  # type: ignore[no-untyped-def]
    form = ReportForm()  # bound to the posted data: nothing the person wrote is lost
    current = limiter.current_limit
    reset = current.reset_at if current else time.time() + 3600
    form.form_errors.append(_l(
        "You have sent several reports in a short time. Your text is still in the form. "
        "Please send it again from %(time)s.",
        time=format_time(datetime.fromtimestamp(reset + 59, UTC), "short"),
    ))
    return render_template("feedback/report.html", form=form, limited=True), 429


@bp.get("/barriere-melden/danke")
def thanks():  # type: ignore[no-untyped-def]
    sent = session.get("feedback_sent") or {}
    due_on = date.fromisoformat(sent["due_on"]) if sent.get("due_on") else None
    return render_template("feedback/thanks.html", sent=sent, due_on=due_on)


@bp.get("/verwaltung/barrieremeldungen")
def inbox():  # type: ignore[no-untyped-def]
    require(permissions.can_view_barrier_reports(current_user))
    done = request.args.get("liste") == "erledigt"
    today = clock.today()
    return render_template("feedback/inbox.html", done=done, today=today,
                           reports=paginate(db.session, inbox_query(done)),
                           counts=inbox_counts(db.session, today))


@bp.route("/verwaltung/barrieremeldungen/<int:report_id>", methods=["GET", "POST"])
def detail(report_id: int):  # type: ignore[no-untyped-def]
    require(permissions.can_view_barrier_reports(current_user))
    report = db.session.get(BarrierReport, report_id) or abort(404)
    form = ReportStatusForm(obj=report)
    if form.is_submitted():
        require(permissions.can_manage_barrier_report(current_user, report))
    if form.validate_on_submit():
        update_report(
            db.session, report, status=form.status.data or "",
            officer_note=form.officer_note.data or "", actor=current_user,
        )
        db.session.commit()
        flash(_l("The report no. %(number)s is saved with the status “%(status)s”.",
                 number=report.id, status=report.status_label), "success")
        return redirect(url_for("feedback.detail", report_id=report.id))
    return render_template("feedback/detail.html", report=report, form=form, today=clock.today(),
                           answer_form=AnswerForm(formdata=None))


@bp.post("/verwaltung/barrieremeldungen/<int:report_id>/antwort")
def answer(report_id: int):  # type: ignore[no-untyped-def]
    """The officer answers the reporter by email from the platform."""
    require(permissions.can_view_barrier_reports(current_user))
    report = db.session.get(BarrierReport, report_id) or abort(404)
    require(permissions.can_manage_barrier_report(current_user, report))
    answer_form = AnswerForm()
    if answer_form.validate_on_submit():
        try:
            answer_report(db.session, report, body=answer_form.body.data or "",
                          actor=current_user)
        except DomainError as error:
            answer_form.put_error(error)
        else:
            db.session.commit()
            flash(_l("Your answer to report no. %(number)s is on its way to %(email)s.",
                     number=report.id, email=report.email), "success")
            return redirect(url_for("feedback.detail", report_id=report.id))
    return render_template("feedback/detail.html", report=report, today=clock.today(),
                           form=ReportStatusForm(obj=report, formdata=None),
                           answer_form=answer_form, has_form_errors=bool(answer_form.errors))
