"""The municipalities blueprint: the municipality form and the contacts.

These pages show a municipality alone. The page that shows a municipality together with what
other domains add (its facilitators) belongs to those domains: they link here with `?next=` to
say where to return after a change, and this domain never names their pages.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user, login_required

from ..db import db
from ..domain import DomainError
from ..forms import ActionForm
from ..i18n import _l
from ..locking import load_for_update
from ..permissions import require
from ..templating import safe_next
from ..versioning import check_version
from . import permissions as perms
from . import services
from .forms import MUNICIPALITY_FIELDS, ContactInviteForm, MunicipalityForm
from .models import Municipality, MunicipalityContact

bp = Blueprint("municipalities", __name__)

for _check in perms.CHECKS:
    bp.add_app_template_global(_check, _check.__name__)


def load_municipality(municipality_id: int) -> Municipality:
    return db.session.get(Municipality, municipality_id) or abort(404)


def _back() -> str:
    """Where to return: the page that linked here (`?next=`), else the user's area."""
    return safe_next(request.args.get("next"), url_for("accounts.my_area"))


# ---------------------------------------------------------------- public


# ---------------------------------------------------------------- municipalities


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
        try:
            if municipality is not None:
                # Two officers saving at once: the second waits, then sees what the first saved.
                load_for_update(db.session, Municipality, municipality.id)
                check_version(municipality, form, MUNICIPALITY_FIELDS)
            saved = services.save_municipality(db.session, municipality, form.data,
                                               actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The data of %(name)s was saved.", name=saved.name), "success")
            return redirect(_back())
    return render_template("municipalities/municipality_form.html", form=form,
                           municipality=municipality, back=_back())


# ---------------------------------------------------------------- contacts


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
            return redirect(_back())
    return render_template("municipalities/invite_contact.html", form=form,
                           municipality=municipality, back=_back())


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
    return redirect(_back())
