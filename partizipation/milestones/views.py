"""The milestones blueprint: the public progress page and a milestone's page, and the officer's
forms (milestone, status, steps with their document versions, evidence)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from .. import links as cross_links
from ..agreements.models import Agreement
from ..db import db
from ..domain import DomainError
from ..forms import ActionForm
from ..i18n import _l
from ..locking import load_for_update
from ..permissions import require
from ..uploads import link_text, send_stored, upload_folder
from ..versioning import check_version
from . import permissions as perms
from . import queries, reminders, rows, services
from .forms import (
    MILESTONE_FIELDS,
    EvidenceForm,
    MilestoneForm,
    StatusForm,
    StepDocumentForm,
    StepForm,
)
from .models import Evidence, Milestone, MilestoneStep, StepDocument

bp = Blueprint("milestones", __name__)

for _check in perms.CHECKS:
    bp.add_app_template_global(_check, _check.__name__)


@bp.app_template_global()
def milestone_deadlines() -> list[reminders.Deadline]:
    """For the officer's dashboard: the deadlines of the coming weeks and those overdue."""
    from .dashboard import upcoming

    return upcoming()


@bp.app_template_global()
def milestone_progress() -> tuple[int, int]:
    return queries.progress(db.session)


@bp.app_template_global()
def step_document_text(document: StepDocument) -> str:
    return link_text(document)


def _load(milestone_id: int) -> Milestone:
    return queries.milestone(db.session, milestone_id) or abort(404)


# ---------------------------------------------------------------- public


@bp.get("/meilensteine")
def index():  # type: ignore[no-untyped-def]
    overview = queries.overview(db.session)
    return render_template("milestones/index.html", overview=overview,
                           rows=rows.milestone_rows(overview.page),
                           municipal=rows.municipal_table(queries.municipal_table(db.session)))


@bp.get("/meilensteine/<int:milestone_id>")
def detail(milestone_id: int):  # type: ignore[no-untyped-def]
    milestone = rows.milestone_page(queries.milestone_page(db.session, milestone_id))
    if milestone is None:
        abort(404)
    return render_template(
        "milestones/detail.html", milestone=milestone,
        history=_history(milestone),
        evidence=queries.evidence(db.session, milestone),
        municipal=rows.municipal_table(queries.municipal_table(db.session))
        if milestone.code == "e" else None)


def _history(milestone: rows.MilestonePage) -> Any:
    page = queries.history(db.session, milestone)
    return replace(page, items=rows.history_rows(page.items))


@bp.get("/meilensteine/dokumente/<int:document_id>")
def document(document_id: int):  # type: ignore[no-untyped-def]
    doc = db.session.get(StepDocument, document_id)
    if doc is None or not doc.stored_name:
        abort(404)
    return send_stored(upload_folder("milestones"), doc.stored_name, doc.mime_type,
                       download_name=doc.stored_name)


# ---------------------------------------------------------------- the officer


def _agreement_choices() -> list[SelectChoice]:
    return [SelectChoice(str(i), t) for i, t in db.session.execute(
        select(Agreement.id, Agreement.title).order_by(Agreement.title))]


def _done(milestone_id: int, message: Any) -> Any:
    db.session.commit()
    flash(message, "success")
    return redirect(url_for("milestones.detail", milestone_id=milestone_id))


@bp.route("/verwaltung/meilensteine/neu", methods=["GET", "POST"])
@login_required
def create():  # type: ignore[no-untyped-def]
    require(perms.can_manage_milestones(current_user))
    form = MilestoneForm()
    form.agreement_id.choices = _agreement_choices()
    if form.validate_on_submit():
        try:
            saved = services.save_milestone(db.session, None, form.data, actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            return _done(saved.id, _l("The milestone was saved."))
    return render_template("milestones/form.html", form=form, milestone=None)


@bp.route("/verwaltung/meilensteine/<int:milestone_id>/bearbeiten", methods=["GET", "POST"])
@login_required
def edit(milestone_id: int):  # type: ignore[no-untyped-def]
    milestone = _load(milestone_id)
    require(perms.can_manage_milestones(current_user, milestone))
    form = MilestoneForm(obj=milestone)
    del form.agreement_id, form.code
    if form.validate_on_submit():
        try:
            load_for_update(db.session, Milestone, milestone.id)
            check_version(milestone, form, MILESTONE_FIELDS)
            services.save_milestone(db.session, milestone, form.data, actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            return _done(milestone.id, _l("The milestone was saved."))
    return render_template("milestones/form.html", form=form, milestone=milestone)


@bp.route("/verwaltung/meilensteine/<int:milestone_id>/status", methods=["GET", "POST"])
@login_required
def status(milestone_id: int):  # type: ignore[no-untyped-def]
    milestone = _load(milestone_id)
    require(perms.can_manage_milestones(current_user, milestone))
    form = StatusForm()
    if request.method == "GET":
        form.seen.data = milestone.status
    if form.validate_on_submit():
        try:
            services.change_status(
                db.session, milestone, seen=form.seen.data or milestone.status,
                to=form.status.data or "", note=form.note.data or "",
                achieved_on=form.achieved_on.data, actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.seen.data = db.session.get(Milestone, milestone.id).status  # type: ignore[union-attr]
            form.put_error(error)
        else:
            return _done(milestone.id, _l("The status was changed."))
    return render_template("milestones/status_form.html", form=form, milestone=milestone)


@bp.route("/verwaltung/meilensteine/<int:milestone_id>/schritt", methods=["GET", "POST"])
@login_required
def step(milestone_id: int):  # type: ignore[no-untyped-def]
    milestone = _load(milestone_id)
    require(perms.can_manage_milestones(current_user, milestone))
    form = StepForm()
    if form.validate_on_submit():
        try:
            services.save_step(db.session, milestone, form.data, actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            return _done(milestone.id, _l("The step was saved."))
    return render_template("milestones/step_form.html", form=form, milestone=milestone)


@bp.route("/verwaltung/meilensteine/schritte/<int:step_id>/fassung", methods=["GET", "POST"])
@login_required
def step_document(step_id: int):  # type: ignore[no-untyped-def]
    found = db.session.get(MilestoneStep, step_id) or abort(404)
    require(perms.can_manage_milestones(current_user, found.milestone))
    form = StepDocumentForm()
    if form.validate_on_submit():
        upload: Any = form.file.data
        try:
            services.add_step_document(
                db.session, found, title=form.title.data or "", url=form.url.data or "",
                dated_on=form.dated_on.data,
                stream=upload.stream if upload and upload.filename else None,
                actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            return _done(found.milestone_id, _l("The new version was added."))
    return render_template("milestones/step_document_form.html", form=form, step=found)


def _evidence_choices() -> list[SelectChoice]:
    choices = [SelectChoice("", str(_l("Choose …")))]
    for kind, provider in cross_links.kinds().items():
        if kind == "milestone":
            continue
        choices += [SelectChoice(f"{kind}:{ident}", f"{provider.LABEL}: {title}")
                    for ident, title in provider.choices(db.session)]
    return choices


@bp.route("/verwaltung/meilensteine/<int:milestone_id>/nachweis", methods=["GET", "POST"])
@login_required
def evidence(milestone_id: int):  # type: ignore[no-untyped-def]
    milestone = _load(milestone_id)
    require(perms.can_manage_milestones(current_user, milestone))
    form = EvidenceForm()
    form.target.choices = _evidence_choices()
    if form.validate_on_submit():
        kind, _, ident = (form.target.data or "").partition(":")
        try:
            services.add_evidence(db.session, milestone, kind=kind,
                                  target_id=int(ident) if ident.isdigit() else 0,
                                  note=form.note.data or "", actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            return _done(milestone.id, _l("The evidence was linked."))
    return render_template("milestones/evidence_form.html", form=form, milestone=milestone)


@bp.post("/verwaltung/meilensteine/nachweise/<int:evidence_id>/entfernen")
@login_required
def remove_evidence(evidence_id: int):  # type: ignore[no-untyped-def]
    row = db.session.get(Evidence, evidence_id) or abort(404)
    require(perms.can_manage_milestones(current_user))
    if not ActionForm().validate_on_submit():
        abort(400)
    milestone_id = row.milestone_id
    db.session.delete(row)
    return _done(milestone_id, _l("The evidence was removed."))
