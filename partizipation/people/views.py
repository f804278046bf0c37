"""A person's own data (see, download, ask for deletion); the officer's deletion requests and the
list of persons with their details."""

from __future__ import annotations

import json

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user

from ..dashboard import figure
from ..db import db
from ..domain import DomainError
from ..domains import person_sections
from ..forms import ActionForm
from ..i18n import _l
from ..paging import paginate, search_form, search_terms
from ..permissions import require
from ..versioning import check_version
from . import labels, permissions
from .forms import PersonForm
from .models import DeletionRequest, Person
from .permissions import can_export_own_data, can_handle_deletion_requests, can_request_deletion
from .privacy import (
    complete_deletion,
    count_open_requests,
    export_user_data,
    open_request,
    open_requests_query,
    request_deletion,
)
from .services import PERSON_FIELDS, invite_person, person_search, save_person

bp = Blueprint("people", __name__)
for _check in permissions.CHECKS:
    bp.add_app_template_global(_check)
bp.add_app_template_global(labels.person_label, "person_label")
bp.add_app_template_global(labels.data_label, "data_label")
bp.add_app_template_global(labels.data_value, "data_value")
bp.add_app_template_global(lambda: count_open_requests(db.session), "people_open_requests")
bp.add_app_template_global(  # /mein-bereich: from its one statement of figures
    lambda: figure("people.open_requests", 0) or 0, "people_my_area_requests")

MY = "/mein-bereich"


@bp.get(f"{MY}/meine-daten")
def my_data():  # type: ignore[no-untyped-def]
    require(can_export_own_data(current_user))
    data = export_user_data(db.session, current_user)
    return render_template("people/my_data.html", data=data,
                           pending=open_request(db.session, current_user),
                           delete_form=ActionForm())


@bp.get(f"{MY}/meine-daten.json")
def my_data_json():  # type: ignore[no-untyped-def]
    require(can_export_own_data(current_user))
    data = export_user_data(db.session, current_user)
    body = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    return Response(body, mimetype="application/json", headers={
        "Content-Disposition": 'attachment; filename="meine-daten.json"'})


@bp.route(f"{MY}/meine-daten/loeschen", methods=["GET", "POST"], endpoint="request_deletion")
def request_deletion_view():  # type: ignore[no-untyped-def]
    """Asking for deletion: a page asks first (works without JavaScript)."""
    require(can_request_deletion(current_user))
    form = ActionForm()
    if request.method == "POST" and not form.validate_on_submit():
        abort(400)
    if request.method == "GET" or request.form.get("confirmed") != "yes":
        if request.method == "POST":
            return redirect(url_for("people.request_deletion"))
        return render_template(
            "confirm.html", form=form, action=request.path,
            page_title=_l("Ask for the deletion of your data?"),
            explanation=_l("The inclusion officer then deletes your personal data and your "
                           "account. You can no longer sign in. The history of the bodies keeps "
                           "an anonymous entry instead of your name."),
            button=_l("Yes, ask for deletion"), cancel_url=url_for("people.my_data"))
    try:
        request_deletion(db.session, current_user, actor=current_user)
    except DomainError as error:
        flash(str(error), "info")
    else:
        db.session.commit()
        flash(_l("Your request has been sent. The inclusion officer will delete your data and "
                 "tell you when it is done."), "success")
    return redirect(url_for("people.my_data"))


@bp.get("/verwaltung/loeschantraege")
def deletion_requests():  # type: ignore[no-untyped-def]
    require(can_handle_deletion_requests(current_user))
    return render_template("people/deletion_requests.html",
                           requests=paginate(db.session, open_requests_query()))


@bp.post("/verwaltung/loeschantraege/<int:request_id>/erledigen", endpoint="complete_deletion")
def complete_deletion_view(request_id: int):  # type: ignore[no-untyped-def]
    require(can_handle_deletion_requests(current_user))
    row = db.session.get(DeletionRequest, request_id) or abort(404)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        complete_deletion(db.session, row, actor=current_user)
    except DomainError as error:
        flash(str(error), "info")
    else:
        db.session.commit()
        flash(_l("The data has been deleted and the account deactivated."), "success")
    return redirect(url_for("people.deletion_requests"))


# --- the officer's list of persons ---------------------------------------------------------------

PERSONS = "/verwaltung/personen"


@bp.get(PERSONS)
def persons():  # type: ignore[no-untyped-def]
    require(permissions.can_manage_persons(current_user))
    terms = search_terms()
    rows = paginate(db.session, person_search(terms))
    return render_template("people/persons.html", persons=rows, terms=terms,
                           search=search_form(_l("Search by name, organisation or email")))


@bp.route(f"{PERSONS}/<int:person_id>/bearbeiten", methods=["GET", "POST"])
def edit_person(person_id: int):  # type: ignore[no-untyped-def]
    require(permissions.can_manage_persons(current_user))
    person = db.session.get(Person, person_id) or abort(404)
    if person.anonymised_at is not None:
        abort(404)
    form = PersonForm(obj=person, is_listed=person.is_listed)
    if form.validate_on_submit():
        try:
            check_version(person, form, PERSON_FIELDS)
            save_person(db.session, person, form.data, actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The details of %(name)s have been saved.", name=person.name), "success")
            return redirect(url_for("people.edit_person", person_id=person.id))
    return render_template("people/person_form.html", form=form, person=person,
                           invite_form=ActionForm(), sections=person_sections())


@bp.post(f"{PERSONS}/<int:person_id>/einladen")
def invite(person_id: int):  # type: ignore[no-untyped-def]
    require(permissions.can_manage_persons(current_user))
    person = db.session.get(Person, person_id) or abort(404)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        invite_person(db.session, person, actor=current_user)
    except DomainError as error:
        db.session.rollback()
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(_l("An invitation has been sent to %(email)s.", email=person.email), "success")
    return redirect(url_for("people.edit_person", person_id=person.id))
