"""Management pages: a municipality with its facilitators and contacts, and each facilitator's
page, form and status changes (the municipality's contacts, the officer)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from types import SimpleNamespace
from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..agreements.queries import municipal_agreements_of
from ..db import db
from ..domain import DomainError
from ..forms import ActionForm
from ..i18n import _l, resolved
from ..municipalities.queries import with_current_contacts
from ..permissions import require
from . import permissions as perms
from . import queries, services
from .blueprint import bp, form_object, load_facilitator, load_municipality, lock_for_edit
from .forms import FACILITATOR_FIELDS, EndForm, FacilitatorForm, SendBackForm
from .models import (
    EMPLOYMENT_LABELS,
    STATUS_LABELS,
    Facilitator,
    FacilitatorEvent,
    FacilitatorStatus,
)

# ---------------------------------------------------------------- a municipality

# What a card says of the training, translated once per language and process; the day is put
# in escaped, as `_()` puts it in a template.
CARD_TEXTS = {"trained": _l("Completed on %(date)s"), "untrained": _l("Not yet trained")}


@bp.get("/verwaltung/kommunen/<int:municipality_id>")
@login_required
def manage(municipality_id: int):  # type: ignore[no-untyped-def]
    municipality, contacts = with_current_contacts(db.session, municipality_id)
    if municipality is None:
        abort(404)
    require(perms.can_manage_facilitators(current_user, municipality))
    page = queries.municipality_facilitators(db.session, municipality)
    statuses, employments = resolved(STATUS_LABELS), resolved(EMPLOYMENT_LABELS)
    texts = {key: Markup(text) for key, text in resolved(CARD_TEXTS).items()}
    day = current_app.jinja_env.filters["date"]
    # Each card as a row with its labels in words, looked up once per request and code: (id,
    # name, status, its label, employment model label, association, training in words, reason
    # of the latest send-back, whether the user may correct a sent-back registration).
    rows = [(id_, name, status, statuses.get(status, status),
             employments.get(employment, employment), association,
             texts["trained"] % {"date": day(trained_on)} if trained_on else texts["untrained"],
             reason,
             status == FacilitatorStatus.SENT_BACK and perms.can_edit_facilitator(
                 current_user, SimpleNamespace(status=status, municipality=municipality)))
            for id_, status, employment, association, trained_on, name, reason in page]
    return render_template(
        "facilitators/manage.html", municipality=municipality, page=replace(page, items=rows),
        contacts=contacts, agreements=municipal_agreements_of(db.session, municipality.id),
    )


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
    return render_template("facilitators/facilitator_form.html", form=form,
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
    return render_template("facilitators/facilitator.html", facilitator=item, events=events,
                           send_back_reason=queries.last_send_back_reason(db.session, item))


@bp.route("/verwaltung/begleitung/<int:facilitator_id>/bearbeiten", methods=["GET", "POST"])
@login_required
def edit_facilitator(facilitator_id: int):  # type: ignore[no-untyped-def]
    item = load_facilitator(facilitator_id)
    if request.method == "GET":
        require(perms.can_edit_facilitator(current_user, item))
    else:
        # A form opened before someone else ended the work is told so (by the service), not 403.
        require(perms.can_manage_facilitators(current_user, item.municipality))
    form = FacilitatorForm(obj=form_object(item))
    if form.validate_on_submit():
        try:
            lock_for_edit(item, form, FACILITATOR_FIELDS)
            was_sent_back = item.status == "sent_back"
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
    return render_template("facilitators/facilitator_form.html", form=form,
                           municipality=item.municipality, facilitator=item,
                           send_back_reason=queries.last_send_back_reason(db.session, item))


def _change_state(item: Facilitator, change: Callable[[], Any], done: Any) -> Any:
    """Carry out the change of a button; a change someone else made meanwhile is told."""
    if ActionForm().validate_on_submit():
        try:
            change()
        except DomainError as error:
            db.session.rollback()
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(done, "success")
    return redirect(url_for(".facilitator", facilitator_id=item.id))


@bp.post("/verwaltung/begleitung/<int:facilitator_id>/bestaetigen")
@login_required
def confirm(facilitator_id: int):  # type: ignore[no-untyped-def]
    item = load_facilitator(facilitator_id)
    require(perms.can_decide_facilitator(current_user))
    return _change_state(
        item, lambda: services.confirm_facilitator(db.session, item, actor=current_user),
        _l("%(name)s is confirmed.", name=item.person.name))


@bp.post("/verwaltung/begleitung/<int:facilitator_id>/aktivieren")
@login_required
def activate(facilitator_id: int):  # type: ignore[no-untyped-def]
    item = load_facilitator(facilitator_id)
    require(perms.can_manage_facilitators(current_user, item.municipality))
    return _change_state(
        item, lambda: services.activate_facilitator(db.session, item, actor=current_user),
        _l("%(name)s is marked as active.", name=item.person.name))


@bp.post("/verwaltung/begleitung/<int:facilitator_id>/einladen")
@login_required
def invite_facilitator(facilitator_id: int):  # type: ignore[no-untyped-def]
    item = load_facilitator(facilitator_id)
    require(perms.can_invite_facilitator(current_user, item))
    return _change_state(
        item, lambda: services.invite_facilitator(db.session, item, actor=current_user),
        _l("%(name)s was given access to the platform. Without an account yet, an invitation "
           "was sent by email.", name=item.person.name))


def _already_decided(item: Facilitator) -> Any:
    """The form of a state change, opened after someone else changed the state: say so."""
    flash(_l("Someone else has changed %(name)s meanwhile: the state is now “%(status)s”.",
             name=item.person.name, status=item.status_label), "info")
    return redirect(url_for(".facilitator", facilitator_id=item.id))


@bp.route("/verwaltung/begleitung/<int:facilitator_id>/zuruecksenden", methods=["GET", "POST"])
@login_required
def send_back(facilitator_id: int):  # type: ignore[no-untyped-def]
    item = load_facilitator(facilitator_id)
    require(perms.can_decide_facilitator(current_user))
    form = SendBackForm()
    if request.method == "GET" and not perms.can_decide_facilitator(current_user, item):
        return _already_decided(item)
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
    return render_template("facilitators/send_back.html", form=form, facilitator=item)


def _confirm_end(item: Facilitator, form: EndForm):  # type: ignore[no-untyped-def]
    """The question before ending (works without JavaScript): the values travel along."""
    db.session.expire(item)
    ended_on = form.ended_on.raw_data[0] if form.ended_on.raw_data else ""
    return render_template(
        "confirm.html", form=form, action=request.path,
        page_title=_l("End the work of %(name)s?", name=item.person.name),
        explanation=_l("After ending, the data can no longer be changed and the facilitator is "
                       "no longer listed. This cannot be undone."),
        details=[(_l("Last day"), ended_on), (_l("Reason"), form.reason.data or "")],
        fields=[("ended_on", ended_on), ("reason", form.reason.data or "")],
        button=_l("Yes, end the work"),
        cancel_url=url_for(".facilitator", facilitator_id=item.id))


@bp.route("/verwaltung/begleitung/<int:facilitator_id>/beenden", methods=["GET", "POST"])
@login_required
def end(facilitator_id: int):  # type: ignore[no-untyped-def]
    item = load_facilitator(facilitator_id)
    require(perms.can_manage_facilitators(current_user, item.municipality))
    form = EndForm()
    if request.method == "GET" and not perms.can_end_facilitator(current_user, item):
        return _already_decided(item)
    if form.validate_on_submit() and form.ended_on.data is not None:
        confirmed = request.form.get("confirmed") == "yes"
        try:
            if confirmed:
                services.end_facilitator(db.session, item, ended_on=form.ended_on.data,
                                         reason=form.reason.data or "", actor=current_user)
            else:
                # Check the rules now, change nothing yet: the question comes first.
                with db.session.begin_nested() as trial:
                    services.end_facilitator(db.session, item, ended_on=form.ended_on.data,
                                             reason=form.reason.data or "", actor=current_user)
                    trial.rollback()
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            if not confirmed:
                return _confirm_end(item, form)
            db.session.commit()
            flash(_l("The work of %(name)s is recorded as ended.", name=item.person.name),
                  "success")
            return redirect(url_for(".facilitator", facilitator_id=item.id))
    return render_template("facilitators/end.html", form=form, facilitator=item)
