"""Public pages (the directory of municipalities, the relay contact form) and the facilitator's
own page."""

from __future__ import annotations

from flask import (
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user, login_required

from ..db import db
from ..domain import DomainError
from ..extensions import limiter
from ..i18n import _l
from ..permissions import require
from . import mailing, queries, services
from . import permissions as perms
from .blueprint import bp, form_object, load_facilitator, load_municipality, lock_for_edit
from .forms import OWN_DATA_FIELDS, ContactMessageForm, OwnDataForm
from .models import Facilitator

# ---------------------------------------------------------------- public


@bp.get("/kommunen")
def directory():  # type: ignore[no-untyped-def]
    return render_template("facilitators/directory.html",
                           entries=queries.public_directory(db.session))


@bp.get("/kommunen/<int:municipality_id>")
def municipality(municipality_id: int):  # type: ignore[no-untyped-def]
    item = load_municipality(municipality_id)
    return render_template("facilitators/municipality.html", municipality=item,
                           page=queries.listed_facilitators(db.session, item))


def _contact_limit() -> str:
    return current_app.config["CONTACT_LIMIT"]


def _recipient_limit() -> str:
    return current_app.config.get("CONTACT_RECIPIENT_LIMIT", "5 per day")


def _total_limit() -> str:
    return current_app.config.get("CONTACT_TOTAL_LIMIT", "30 per hour")


def _recipient_key() -> str:
    return f"contact-to:{(request.view_args or {}).get('facilitator_id')}"


def _all_key() -> str:
    return "contact-all"


def _sent(response: Response) -> bool:
    return response.status_code == 302


def _public_facilitator(facilitator_id: int) -> Facilitator:
    facilitator = load_facilitator(facilitator_id)
    if not perms.can_contact_facilitator(current_user, facilitator):
        abort(404)
    return facilitator


@bp.route("/kommunen/begleitung/<int:facilitator_id>/kontakt", methods=["GET", "POST"])
@limiter.limit(_contact_limit, methods=["POST"], deduct_when=_sent)
# Besides each address: a cap per facilitator and one for all of them together, so that many
# addresses cannot flood one person or use the form as a relay (issue 12.5).
@limiter.limit(_recipient_limit, key_func=_recipient_key, methods=["POST"], deduct_when=_sent)
@limiter.limit(_total_limit, key_func=_all_key, methods=["POST"], deduct_when=_sent)
def contact(facilitator_id: int):  # type: ignore[no-untyped-def]
    facilitator = _public_facilitator(facilitator_id)
    form = ContactMessageForm()
    if form.validate_on_submit():
        mailing.relay_message(
            db.session, facilitator, sender_name=form.sender_name.data or "",
            sender_email=form.sender_email.data or "", message=form.message.data or "",
        )
        db.session.commit()
        flash(_l("Thank you. Your message was passed on to %(name)s. The answer comes by email "
                 "to the address you gave.", name=facilitator.person.name), "success")
        return redirect(url_for(".contact_sent", facilitator_id=facilitator.id))
    return render_template("facilitators/contact.html", form=form, facilitator=facilitator)


@bp.get("/kommunen/begleitung/<int:facilitator_id>/kontakt/gesendet")
def contact_sent(facilitator_id: int):  # type: ignore[no-untyped-def]
    facilitator = _public_facilitator(facilitator_id)
    return render_template("facilitators/contact_sent.html", facilitator=facilitator)


@bp.errorhandler(429)
def too_many_messages(error):  # type: ignore[no-untyped-def]
    facilitator_id = (request.view_args or {}).get("facilitator_id")
    if request.endpoint != "facilitators.contact" or facilitator_id is None:
        return render_template("errors/error.html", code=429,
                               title=_l("Too many attempts")), 429
    facilitator = _public_facilitator(facilitator_id)
    form = ContactMessageForm()
    limit = getattr(error, "limit", None)
    if getattr(limit, "key_func", None) in (_recipient_key, _all_key):
        # Not the sender's own count: many messages reached this person (or everyone) lately.
        form.form_errors.append(_l(
            "Many messages were sent through this form lately, so it pauses for a while. Your "
            "text is kept below: please try again tomorrow, or write to the inclusion officer."))
    else:
        form.form_errors.append(_l(
            "You have sent several messages in a short time. Your text is kept below: please "
            "wait an hour and send it again, or write to the inclusion officer."))
    return render_template("facilitators/contact.html", form=form,
                           facilitator=facilitator), 429


# ---------------------------------------------------------------- the facilitator's own data


@bp.route("/mein-bereich/begleitung/<int:facilitator_id>", methods=["GET", "POST"])
@login_required
def own_data(facilitator_id: int):  # type: ignore[no-untyped-def]
    item = load_facilitator(facilitator_id)
    require(perms.can_edit_own_facilitator_data(current_user, item))
    form = OwnDataForm(obj=form_object(item))
    if form.validate_on_submit():
        try:
            lock_for_edit(item, form, OWN_DATA_FIELDS)
            services.update_own_data(db.session, item, form.data, actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("Your data was saved."), "success")
            return redirect(url_for("accounts.my_area"))
    return render_template("facilitators/own_data.html", form=form, facilitator=item)

