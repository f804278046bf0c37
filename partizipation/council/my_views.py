"""The member's own pages in /mein-bereich: support needs, kind of disability, my data."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..db import db
from ..domain import DomainError
from ..forms import ActionForm
from ..i18n import _l
from ..people.models import Person
from ..people.privacy import person_of
from ..people.services import set_listing_consent
from ..permissions import require
from .blueprint import bp
from .forms import DisabilityForm, ListingForm, SupportNeedsForm
from .models import ConsentPurpose, SupportNeedKind
from .permissions import (
    can_edit_support_needs,
)
from .support import (
    DISABILITY_CONSENT_TEXT,
    SUPPORT_CONSENT_TEXT,
    consent,
    disabilities_of,
    needs_consent,
    needs_of,
    record_disability_kinds,
    record_support_needs,
    withdraw_consent,
)

MY = "/mein-bereich"


def _own_person() -> Person:
    """The signed-in user's person; only a person with a membership record has these pages."""
    require(current_user.is_authenticated)
    person = person_of(db.session, current_user)
    if person is None:
        abort(404)
    require(can_edit_support_needs(current_user, person))
    return person


@bp.route(f"{MY}/unterstuetzung", methods=["GET", "POST"])
def support_needs():  # type: ignore[no-untyped-def]
    person = _own_person()
    given = consent(db.session, person, ConsentPurpose.SUPPORT_NEEDS)
    needs = needs_of(db.session, person)
    form = SupportNeedsForm()
    ask_consent = needs_consent(db.session, person, ConsentPurpose.SUPPORT_NEEDS)
    form.consent_needed = ask_consent  # consent once; again only when its text changes
    if not form.is_submitted():
        form.needs.data = [n.kind for n in needs]
        form.other_details.data = next(
            (n.details for n in needs if n.kind == SupportNeedKind.OTHER), "")
    if form.validate_on_submit():
        try:
            record_support_needs(db.session, person, needs=form.needs.data or [],
                                 other_details=form.other_details.data or "",
                                 consented=bool(form.consent.data), actor=current_user)
        except DomainError as error:
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("Your support needs have been saved."), "success")
            return redirect(url_for("council.support_needs"))
    return render_template("council/support_needs.html", form=form, consent_row=given,
                           needs=needs, consent_text=SUPPORT_CONSENT_TEXT,
                           ask_consent=ask_consent)


@bp.route(f"{MY}/oeffentliche-nennung", methods=["GET", "POST"])
def listing():  # type: ignore[no-untyped-def]
    person = _own_person()
    form = ListingForm(is_listed=person.is_listed)
    if form.validate_on_submit():
        set_listing_consent(db.session, person, bool(form.is_listed.data), actor=current_user)
        db.session.commit()
        flash(_l("Your choice has been saved."), "success")
        return redirect(url_for("council.listing"))
    return render_template("council/listing.html", form=form, person=person)


@bp.route(f"{MY}/behinderung", methods=["GET", "POST"])
def disability():  # type: ignore[no-untyped-def]
    person = _own_person()
    given = consent(db.session, person, ConsentPurpose.DISABILITY_KIND)
    rows = disabilities_of(db.session, person)
    form = DisabilityForm()
    if not form.is_submitted():
        form.kinds.data = [r.kind for r in rows]
    if form.validate_on_submit():
        try:
            record_disability_kinds(db.session, person, kinds=form.kinds.data or [],
                                    consented=bool(form.consent.data), actor=current_user)
        except DomainError as error:
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("Your information has been saved."), "success")
            return redirect(url_for("council.disability"))
    return render_template("council/disability.html", form=form, consent_row=given, rows=rows,
                           consent_text=DISABILITY_CONSENT_TEXT,
                           ask_consent=needs_consent(db.session, person,
                                                     ConsentPurpose.DISABILITY_KIND))


@bp.route(f"{MY}/<any(unterstuetzung, behinderung):page>/widerrufen", methods=["GET", "POST"])
def withdraw(page: str):  # type: ignore[no-untyped-def]
    """Withdrawing deletes data: a page asks first (works without JavaScript)."""
    person = _own_person()
    endpoint = "council.support_needs" if page == "unterstuetzung" else "council.disability"
    form = ActionForm()
    if request.method == "POST" and not form.validate_on_submit():
        abort(400)
    if request.method == "POST" and request.form.get("confirmed") == "yes":
        purpose = (ConsentPurpose.SUPPORT_NEEDS if page == "unterstuetzung"
                   else ConsentPurpose.DISABILITY_KIND)
        withdraw_consent(db.session, person, purpose, actor=current_user)
        db.session.commit()
        flash(_l("Your consent has been withdrawn and the information deleted."), "success")
        return redirect(url_for(endpoint))
    if request.method == "POST":
        return redirect(url_for("council.withdraw", page=page))
    question = (_l("Withdraw your consent and delete your support needs?")
                if page == "unterstuetzung"
                else _l("Withdraw your consent and delete the kind of your disability?"))
    return render_template(
        "confirm.html", form=form, page_title=question, action=request.path,
        explanation=_l("The information is deleted at once and cannot be restored. You can "
                       "enter it again later and agree again."),
        button=_l("Yes, withdraw and delete"), cancel_url=url_for(endpoint))
