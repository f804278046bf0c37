"""The agreements blueprint: the public list and page of an agreement, its documents, and the
officer's forms (agreement, parties, documents)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from ..db import db
from ..domain import DomainError
from ..forms import ActionForm
from ..i18n import _l
from ..locking import load_for_update
from ..municipalities.models import Municipality
from ..permissions import require
from ..uploads import link_text, remove_stored, send_stored, upload_folder
from ..versioning import check_version
from . import permissions as perms
from . import queries, services
from .forms import AGREEMENT_FIELDS, AgreementForm, DocumentForm, LeaveForm, PartyForm
from .models import (
    Agreement,
    AgreementDocument,
    AgreementKind,
    AgreementParty,
    AgreementStatus,
)
from .summary import Words, summary

bp = Blueprint("agreements", __name__)

for _check in perms.CHECKS:
    bp.add_app_template_global(_check, _check.__name__)


@bp.app_template_global()
def municipal_agreements() -> dict[int, Agreement]:
    """For the pages of municipalities: each municipality's agreement with the district."""
    return queries.municipal_agreements(db.session)


@bp.app_template_global()
def agreement_document_text(document: AgreementDocument) -> str:
    return link_text(document)


def _load(agreement_id: int) -> Agreement:
    return queries.agreement(db.session, agreement_id) or abort(404)


# ---------------------------------------------------------------- public


@bp.get("/vereinbarungen")
def index():  # type: ignore[no-untyped-def]
    page, parties, documents = queries.agreements_page(db.session)
    words = Words()
    rows = [(row, summary(row, parties.get(row.id, ()), words), documents.get(row.id, ()))
            for row in page]
    return render_template("agreements/index.html", page=page, rows=rows)


@bp.get("/vereinbarungen/<int:agreement_id>")
def detail(agreement_id: int):  # type: ignore[no-untyped-def]
    # No form object here: it would put a CSRF token into a visitor's session (a cookie), and
    # the page could not be cached; the officer's buttons make their own (action_button).
    agreement = _load(agreement_id)
    return render_template("agreements/detail.html", agreement=agreement,
                           summary=summary(agreement, agreement.parties, Words()))


@bp.get("/vereinbarungen/dokumente/<int:document_id>")
def document(document_id: int):  # type: ignore[no-untyped-def]
    doc = db.session.get(AgreementDocument, document_id)
    if doc is None or not doc.stored_name:
        abort(404)
    return send_stored(upload_folder(doc.folder), doc.stored_name, doc.mime_type,
                       download_name=doc.stored_name)


# ---------------------------------------------------------------- the officer


@bp.route("/verwaltung/vereinbarungen/neu", methods=["GET", "POST"])
@login_required
def create():  # type: ignore[no-untyped-def]
    require(perms.can_manage_agreements(current_user))
    municipality = None
    if request.args.get("kommune"):
        municipality = db.session.get(Municipality, request.args.get("kommune", type=int) or 0)
        if municipality is None:
            abort(404)
    form = AgreementForm()
    if request.method == "GET" and municipality is not None:
        form.kind.data = AgreementKind.MUNICIPAL.value
        form.status.data = AgreementStatus.NEGOTIATING.value
        form.title.data = str(_l("Goal and cooperation agreement with %(name)s",
                                 name=municipality.name))
    if form.validate_on_submit():
        try:
            saved = services.save_agreement(db.session, None, form.data, actor=current_user,
                                            municipality=municipality)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The agreement “%(title)s” was saved.", title=saved.title), "success")
            return redirect(url_for("agreements.detail", agreement_id=saved.id))
    return render_template("agreements/form.html", form=form, agreement=None,
                           municipality=municipality)


@bp.route("/verwaltung/vereinbarungen/<int:agreement_id>/bearbeiten", methods=["GET", "POST"])
@login_required
def edit(agreement_id: int):  # type: ignore[no-untyped-def]
    agreement = _load(agreement_id)
    require(perms.can_manage_agreements(current_user, agreement))
    form = AgreementForm(obj=agreement)
    if form.validate_on_submit():
        try:
            load_for_update(db.session, Agreement, agreement.id)
            check_version(agreement, form, AGREEMENT_FIELDS)
            services.save_agreement(db.session, agreement, form.data, actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The agreement “%(title)s” was saved.", title=agreement.title), "success")
            return redirect(url_for("agreements.detail", agreement_id=agreement.id))
    return render_template("agreements/form.html", form=form, agreement=agreement,
                           municipality=None)


@bp.get("/verwaltung/kommunen/<int:municipality_id>/vereinbarung")
@login_required
def municipal(municipality_id: int):  # type: ignore[no-untyped-def]
    """The municipality's agreement with the district, or the form to record one."""
    require(perms.can_manage_agreements(current_user))
    municipality = db.session.get(Municipality, municipality_id) or abort(404)
    found = queries.municipal_agreements(db.session).get(municipality.id)
    if found is not None:
        return redirect(url_for("agreements.detail", agreement_id=found.id))
    return redirect(url_for("agreements.create", kommune=municipality.id))


def _party_choices() -> list[SelectChoice]:
    names = db.session.execute(select(Municipality.id, Municipality.name)
                               .order_by(Municipality.name))
    return [SelectChoice("", str(_l("(none: an organisation)"))),
            *(SelectChoice(str(i), n) for i, n in names)]


@bp.route("/verwaltung/vereinbarungen/<int:agreement_id>/partei-neu", methods=["GET", "POST"])
@login_required
def add_party(agreement_id: int):  # type: ignore[no-untyped-def]
    agreement = _load(agreement_id)
    require(perms.can_manage_agreements(current_user, agreement))
    form = PartyForm()
    form.municipality_id.choices = _party_choices()
    if form.validate_on_submit():
        try:
            services.add_party(db.session, agreement, form.data, actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The party was added."), "success")
            return redirect(url_for("agreements.detail", agreement_id=agreement.id))
    return render_template("agreements/party_form.html", form=form, agreement=agreement)


@bp.route("/verwaltung/vereinbarungen/parteien/<int:party_id>/austritt", methods=["GET", "POST"])
@login_required
def leave(party_id: int):  # type: ignore[no-untyped-def]
    party = db.session.get(AgreementParty, party_id) or abort(404)
    require(perms.can_manage_agreements(current_user, party.agreement))
    form = LeaveForm(obj=party)
    if form.validate_on_submit():
        try:
            services.leave(db.session, party, form.left_on.data, actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The day %(name)s left was saved.", name=party.name), "success")
            return redirect(url_for("agreements.detail", agreement_id=party.agreement_id))
    return render_template("agreements/leave_form.html", form=form, party=party)


@bp.route("/verwaltung/vereinbarungen/<int:agreement_id>/dokument-neu", methods=["GET", "POST"])
@login_required
def add_document(agreement_id: int):  # type: ignore[no-untyped-def]
    agreement = _load(agreement_id)
    require(perms.can_manage_agreements(current_user, agreement))
    form = DocumentForm()
    if form.validate_on_submit():
        upload: Any = form.file.data
        try:
            services.add_document(
                db.session, agreement, title=form.title.data or "", url=form.url.data or "",
                stream=upload.stream if upload and upload.filename else None,
                actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The document was added."), "success")
            return redirect(url_for("agreements.detail", agreement_id=agreement.id))
    return render_template("agreements/document_form.html", form=form, agreement=agreement)


@bp.post("/verwaltung/vereinbarungen/dokumente/<int:document_id>/entfernen")
@login_required
def remove_document(document_id: int):  # type: ignore[no-untyped-def]
    doc = db.session.get(AgreementDocument, document_id) or abort(404)
    require(perms.can_manage_agreements(current_user, doc.agreement))
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    agreement_id, folder, name = doc.agreement_id, doc.folder, doc.stored_name
    db.session.delete(doc)
    db.session.commit()
    remove_stored(upload_folder(folder), name)
    flash(_l("The document was removed."), "success")
    return redirect(url_for("agreements.detail", agreement_id=agreement_id))
