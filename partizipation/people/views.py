"""A person's own data (see, download, ask for deletion) and the officer's deletion requests."""

from __future__ import annotations

import json

from flask import Blueprint, Response, abort, flash, redirect, render_template, url_for
from flask_login import current_user

from ..db import db
from ..domain import DomainError
from ..forms import ActionForm
from ..i18n import _l
from ..paging import paginate
from ..permissions import require
from . import labels, permissions
from .models import DeletionRequest
from .permissions import can_export_own_data, can_handle_deletion_requests, can_request_deletion
from .privacy import (
    complete_deletion,
    count_open_requests,
    export_user_data,
    open_request,
    open_requests_query,
    request_deletion,
)

bp = Blueprint("people", __name__)
for _check in permissions.CHECKS:
    bp.add_app_template_global(_check)
bp.add_app_template_global(labels.person_label, "person_label")
bp.add_app_template_global(labels.data_label, "data_label")
bp.add_app_template_global(labels.data_value, "data_value")
bp.add_app_template_global(lambda: count_open_requests(db.session), "people_open_requests")

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


@bp.post(f"{MY}/meine-daten/loeschen", endpoint="request_deletion")
def request_deletion_view():  # type: ignore[no-untyped-def]
    require(can_request_deletion(current_user))
    if not ActionForm().validate_on_submit():
        abort(400)
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
