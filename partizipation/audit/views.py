"""The officer's and the admin's view of the change log: newest first, paged, by kind of row."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, request
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..db import db
from ..forms import Form, SelectField
from ..i18n import _l
from ..paging import paginate
from ..permissions import is_officer_or_admin, require
from .models import AuditEntry

bp = Blueprint("audit", __name__)

# What each audited table is called on the page.
TABLES = {
    "bodies": _l("Body"), "terms": _l("Term"), "memberships": _l("Membership"),
    "persons": _l("Person"), "users": _l("Account"), "deletion_requests": _l("Deletion request"),
    "municipalities": _l("Municipality"), "municipality_contacts": _l("Municipality contact"),
    "facilitators": _l("Facilitator"),
    "agreements": _l("Agreement"), "agreement_parties": _l("Party of an agreement"),
    "agreement_documents": _l("Document of an agreement"), "milestones": _l("Milestone"),
    "milestone_steps": _l("Step of a milestone"),
}
ACTIONS = {"created": _l("created"), "changed": _l("changed"), "deleted": _l("deleted"),
           "invited": _l("invited")}


def can_view_audit_log(user: Any) -> bool:
    """Who changed what: the officer and the admin."""
    return is_officer_or_admin(user)


bp.add_app_template_global(can_view_audit_log)


class FilterForm(Form):
    class Meta:
        csrf = False

    art = SelectField(_l("Kind of record"), validate_choice=False)


@bp.get("/verwaltung/protokoll")
def log():  # type: ignore[no-untyped-def]
    require(can_view_audit_log(current_user))
    form = FilterForm(request.args)
    form.art.choices = [("", _l("All kinds"))] + [(k, v) for k, v in TABLES.items()]
    kind = form.art.data or ""
    query = (select(AuditEntry).options(joinedload(AuditEntry.actor))
             .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()))
    if kind in TABLES:
        query = query.where(AuditEntry.table_name == kind)
    return render_template("audit/log.html", entries=paginate(db.session, query),
                           tables=TABLES, actions=ACTIONS, kind=kind, form=form)
