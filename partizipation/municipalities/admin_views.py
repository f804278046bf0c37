"""Management pages: a municipality's facilitators and contacts (its contacts, the officer), and
the officer's network overview, CSV export and group mail."""

from __future__ import annotations

from flask import Response, abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from wtforms.fields.choices import SelectChoice

from ..db import db
from ..domain import DomainError
from ..forms import ActionForm
from ..i18n import _l
from ..permissions import require
from . import mailing, queries, services
from . import permissions as perms
from .blueprint import bp, form_object, load_facilitator, load_municipality
from .export import network_csv
from .forms import (
    ContactInviteForm,
    EndForm,
    FacilitatorForm,
    MunicipalityForm,
    NetworkMailForm,
    SendBackForm,
)
from .models import FacilitatorEvent, Municipality, MunicipalityContact

# ---------------------------------------------------------------- municipalities


@bp.get("/verwaltung/kommunen/<int:municipality_id>")
@login_required
def manage(municipality_id: int):  # type: ignore[no-untyped-def]
    municipality = load_municipality(municipality_id)
    require(perms.can_manage_facilitators(current_user, municipality))
    return render_template(
        "municipalities/manage.html", municipality=municipality,
        facilitators=queries.municipality_facilitators(db.session, municipality),
        contacts=queries.current_contacts(db.session, municipality),
        last_send_back_reason=queries.last_send_back_reason,
    )


@bp.route("/verwaltung/kommunen/neu", methods=["GET", "POST"])
@login_required
def create_municipality():  # type: ignore[no-untyped-def]
    require(perms.can_manage_municipalities(current_user))
    return _municipality_form(None)


@bp.route("/verwaltung/kommunen/<int:municipality_id>/bearbeiten", methods=["GET", "POST"])
@login_required
def edit_municipality(municipality_id: int):  # type: ignore[no-untyped-def]
    municipality = load_municipality(municipality_id)
    require(perms.can_manage_municipalities(current_user, municipality))
    return _municipality_form(municipality)


def _municipality_form(municipality: Municipality | None):  # type: ignore[no-untyped-def]
    form = MunicipalityForm(obj=municipality)
    if form.validate_on_submit():
        upload = form.agreement_file.data
        old_file = municipality.agreement_file_name if municipality else None
        folder = current_app.config["UPLOAD_FOLDER"]
        try:
            saved = services.save_municipality(
                db.session, municipality, form.data, actor=current_user,
                document=upload.stream if upload and upload.filename else None,
                upload_folder=folder)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            if old_file and old_file != saved.agreement_file_name:
                (services.agreement_folder(folder) / old_file).unlink(missing_ok=True)
            flash(_l("The data of %(name)s was saved.", name=saved.name), "success")
            return redirect(url_for(".manage", municipality_id=saved.id))
    return render_template("municipalities/municipality_form.html", form=form,
                           municipality=municipality)


@bp.route("/verwaltung/kommunen/<int:municipality_id>/kontakt-einladen", methods=["GET", "POST"])
@login_required
def invite_contact(municipality_id: int):  # type: ignore[no-untyped-def]
    municipality = load_municipality(municipality_id)
    require(perms.can_manage_municipalities(current_user, municipality))
    form = ContactInviteForm()
    if form.validate_on_submit():
        try:
            contact = services.add_contact(
                db.session, municipality, email=form.email.data or "",
                display_name=form.display_name.data or "", locale=form.locale.data or "de",
                actor=current_user,
            )
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("%(person)s is now a contact person of %(name)s.",
                     person=contact.user.display_name, name=municipality.name), "success")
            return redirect(url_for(".manage", municipality_id=municipality.id))
    return render_template("municipalities/invite_contact.html", form=form,
                           municipality=municipality)


@bp.post("/verwaltung/kommunen/kontakte/<int:contact_id>/beenden")
@login_required
def end_contact(contact_id: int):  # type: ignore[no-untyped-def]
    contact = db.session.get(MunicipalityContact, contact_id) or abort(404)
    require(perms.can_manage_municipalities(current_user, contact.municipality))
    if ActionForm().validate_on_submit():
        services.end_contact(db.session, contact, actor=current_user)
        db.session.commit()
        flash(_l("%(person)s is no longer a contact person of %(name)s.",
                 person=contact.user.display_name, name=contact.municipality.name), "success")
    return redirect(url_for(".manage", municipality_id=contact.municipality_id))


# ---------------------------------------------------------------- facilitators


@bp.route("/verwaltung/kommunen/<int:municipality_id>/begleitung/neu", methods=["GET", "POST"])
@login_required
def register(municipality_id: int):  # type: ignore[no-untyped-def]
    municipality = load_municipality(municipality_id)
    require(perms.can_manage_facilitators(current_user, municipality))
    form = FacilitatorForm()
    by_officer = perms.can_view_network(current_user)
    if form.validate_on_submit():
        try:
            facilitator = services.register_facilitator(
                db.session, municipality, services.FacilitatorData.from_form(form.data),
                actor=current_user, by_officer=by_officer,
            )
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            message = (_l("%(name)s is registered and confirmed.", name=facilitator.person.name)
                       if by_officer else
                       _l("%(name)s is registered. The inclusion officer will confirm the "
                          "registration.", name=facilitator.person.name))
            flash(message, "success")
            return redirect(url_for(".facilitator", facilitator_id=facilitator.id))
    return render_template("municipalities/facilitator_form.html", form=form,
                           municipality=municipality, facilitator=None, by_officer=by_officer)


@bp.get("/verwaltung/begleitung/<int:facilitator_id>")
@login_required
def facilitator(facilitator_id: int):  # type: ignore[no-untyped-def]
    item = load_facilitator(facilitator_id)
    require(perms.can_view_facilitator(current_user, item))
    events = list(db.session.scalars(
        select(FacilitatorEvent).where(FacilitatorEvent.facilitator_id == item.id)
        .options(selectinload(FacilitatorEvent.actor)).order_by(FacilitatorEvent.id)
    ))
    return render_template("municipalities/facilitator.html", facilitator=item, events=events,
                           send_back_reason=queries.last_send_back_reason(item))


@bp.route("/verwaltung/begleitung/<int:facilitator_id>/bearbeiten", methods=["GET", "POST"])
@login_required
def edit_facilitator(facilitator_id: int):  # type: ignore[no-untyped-def]
    item = load_facilitator(facilitator_id)
    require(perms.can_edit_facilitator(current_user, item))
    form = FacilitatorForm(obj=form_object(item))
    if form.validate_on_submit():
        was_sent_back = item.status == "sent_back"
        try:
            services.update_facilitator(db.session, item,
                                        services.FacilitatorData.from_form(form.data),
                                        actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The corrected registration was sent to the inclusion officer again.")
                  if was_sent_back else _l("The changes were saved."), "success")
            return redirect(url_for(".facilitator", facilitator_id=item.id))
    return render_template("municipalities/facilitator_form.html", form=form,
                           municipality=item.municipality, facilitator=item,
                           send_back_reason=queries.last_send_back_reason(item))


@bp.post("/verwaltung/begleitung/<int:facilitator_id>/bestaetigen")
@login_required
def confirm(facilitator_id: int):  # type: ignore[no-untyped-def]
    item = load_facilitator(facilitator_id)
    require(perms.can_decide_facilitator(current_user, item))
    if ActionForm().validate_on_submit():
        services.confirm_facilitator(db.session, item, actor=current_user)
        db.session.commit()
        flash(_l("%(name)s is confirmed.", name=item.person.name), "success")
    return redirect(url_for(".facilitator", facilitator_id=item.id))


@bp.post("/verwaltung/begleitung/<int:facilitator_id>/aktivieren")
@login_required
def activate(facilitator_id: int):  # type: ignore[no-untyped-def]
    item = load_facilitator(facilitator_id)
    require(perms.can_activate_facilitator(current_user, item))
    if ActionForm().validate_on_submit():
        services.activate_facilitator(db.session, item, actor=current_user)
        db.session.commit()
        flash(_l("%(name)s is marked as active.", name=item.person.name), "success")
    return redirect(url_for(".facilitator", facilitator_id=item.id))


@bp.post("/verwaltung/begleitung/<int:facilitator_id>/einladen")
@login_required
def invite_facilitator(facilitator_id: int):  # type: ignore[no-untyped-def]
    item = load_facilitator(facilitator_id)
    require(perms.can_invite_facilitator(current_user, item))
    if ActionForm().validate_on_submit():
        try:
            services.invite_facilitator(db.session, item, actor=current_user)
        except DomainError as error:
            db.session.rollback()
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(_l("%(name)s was given access to the platform. Without an account yet, an "
                     "invitation was sent by email.", name=item.person.name), "success")
    return redirect(url_for(".facilitator", facilitator_id=item.id))


@bp.route("/verwaltung/begleitung/<int:facilitator_id>/zuruecksenden", methods=["GET", "POST"])
@login_required
def send_back(facilitator_id: int):  # type: ignore[no-untyped-def]
    item = load_facilitator(facilitator_id)
    require(perms.can_decide_facilitator(current_user, item))
    form = SendBackForm()
    if form.validate_on_submit():
        try:
            services.send_back_facilitator(db.session, item, form.reason.data or "",
                                           actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The registration of %(name)s was sent back to %(municipality)s.",
                     name=item.person.name, municipality=item.municipality.name), "success")
            return redirect(url_for(".facilitator", facilitator_id=item.id))
    return render_template("municipalities/send_back.html", form=form, facilitator=item)


@bp.route("/verwaltung/begleitung/<int:facilitator_id>/beenden", methods=["GET", "POST"])
@login_required
def end(facilitator_id: int):  # type: ignore[no-untyped-def]
    item = load_facilitator(facilitator_id)
    require(perms.can_end_facilitator(current_user, item))
    form = EndForm()
    if form.validate_on_submit() and form.ended_on.data is not None:
        try:
            services.end_facilitator(db.session, item, ended_on=form.ended_on.data,
                                     reason=form.reason.data or "", actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The work of %(name)s is recorded as ended.", name=item.person.name),
                  "success")
            return redirect(url_for(".facilitator", facilitator_id=item.id))
    return render_template("municipalities/end.html", form=form, facilitator=item)


# ---------------------------------------------------------------- the officer's network


@bp.get("/verwaltung/netzwerk")
@login_required
def network():  # type: ignore[no-untyped-def]
    require(perms.can_view_network(current_user))
    rows = queries.network_overview(db.session)
    return render_template("municipalities/network.html", rows=rows,
                           without_active=[r for r in rows if not r.active])


@bp.get("/verwaltung/netzwerk.csv")
@login_required
def network_export():  # type: ignore[no-untyped-def]
    require(perms.can_view_network(current_user))
    body = network_csv(queries.network_overview(db.session))
    return Response(body, mimetype="text/csv", headers={
        "Content-Disposition": 'attachment; filename="netzwerk-partizipationsbegleitung.csv"'})


@bp.route("/verwaltung/netzwerk/email", methods=["GET", "POST"])
@login_required
def network_mail():  # type: ignore[no-untyped-def]
    require(perms.can_email_facilitators(current_user))
    form = NetworkMailForm()
    form.municipalities.choices = [
        SelectChoice(str(m.id), m.name)
        for m in db.session.scalars(select(Municipality).order_by(Municipality.name))
    ]
    if form.validate_on_submit():
        try:
            count = mailing.email_facilitators(
                db.session, title=form.title.data or "", message=form.message.data or "",
                municipality_ids=form.municipalities.data or None, actor=current_user,
            )
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The message was queued for %(count)s facilitators.", count=count),
                  "success")
            return redirect(url_for(".network"))
    return render_template("municipalities/network_mail.html", form=form)
