"""The public decision pages: /beschluesse (the list, filtered by status) and one decision with
its status history, the steps the officer can take, and who cites it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..db import db
from ..domain import DomainError
from ..i18n import _l
from ..links import cited_by
from ..meetings.queries import my_invitee
from ..paging import COUNT_LIMIT, paginate
from ..permissions import require
from . import permissions, queries
from .forms import FilterForm, MoveForm
from .labels import STATUSES, label
from .models import Decision
from .rows import decision_rows
from .services import allowed, history, move

bp = Blueprint("decisions", __name__)

for _check in permissions.CHECKS:
    bp.add_app_template_global(_check)
bp.add_app_template_global(label, "decision_label")

STEP_LABELS = {
    "submit": _l("Submit for approval"),
    "approve": _l("Record the approval"),
    "reject": _l("Record that it was not approved"),
    "communicate": _l("Mark as communicated"),
    "implement": _l("Mark as implemented"),
    "drop": _l("Drop the decision"),
}
STEP_DONE = {
    "submit": _l("The decision has been submitted for approval."),
    "approve": _l("The approval has been recorded."),
    "reject": _l("It has been recorded that the decision was not approved."),
    "communicate": _l("The decision has been marked as communicated."),
    "implement": _l("The decision has been marked as implemented."),
    "drop": _l("The decision has been dropped."),
}
# The fields each step shows.
STEP_FIELDS = {"submit": ("note",), "approve": ("approver", "on", "reference", "note"),
               "reject": ("reason",), "communicate": ("note",), "implement": ("on", "note"),
               "drop": ("note",)}


@bp.app_template_global()
def decisions_of_meeting(meeting: Any) -> dict[int, list[Any]]:
    """For the meeting pages: agenda item id -> its decisions (rows of id, kind, status,
    text)."""
    return queries.of_meeting(db.session, meeting)


@bp.get("/beschluesse")
def listing():  # type: ignore[no-untyped-def]
    form = FilterForm(request.args)
    status = form.status.data if form.status.data in STATUSES else ""
    query, values = queries.listing(current_user, status or "")
    page = paginate(db.session, query, count_limit=COUNT_LIMIT, scalars=False, params=values)
    page = replace(page, items=decision_rows(page.items))
    return render_template("decisions/listing.html", page=page, form=form, status=status)


def _visible(decision_id: int) -> Decision:
    decision = queries.load(db.session, decision_id)
    if decision is None:
        abort(404)
    invitee = my_invitee(db.session, decision.meeting, current_user)
    if not permissions.can_view_decision(current_user, decision, invitee):
        # Not public: the same answer as for a decision that does not exist.
        abort(404)
    return decision


def _render(decision: Decision, forms: dict[str, MoveForm] | None = None) -> str:
    steps: dict[str, MoveForm] = {}
    if permissions.can_move_decision(current_user):
        for action in allowed(decision):
            steps[action] = (forms or {}).get(action) or MoveForm(prefix=action)
    return render_template(
        "decisions/detail.html", decision=decision, events=history(db.session, decision),
        steps=steps, step_labels=STEP_LABELS, step_fields=STEP_FIELDS,
        cited=cited_by(db.session, "decision", decision.id),
        failed=next(iter(forms)) if forms else None,
        form=next(iter(forms.values())) if forms else None)


@bp.get("/beschluesse/<int:decision_id>")
def detail(decision_id: int):  # type: ignore[no-untyped-def]
    return _render(_visible(decision_id))


@bp.post("/beschluesse/<int:decision_id>/schritt/<action>")
def step(decision_id: int, action: str):  # type: ignore[no-untyped-def]
    require(permissions.can_move_decision(current_user))
    decision = _visible(decision_id)
    if action not in STEP_LABELS:
        abort(404)
    form = MoveForm(prefix=action)
    if form.validate_on_submit():
        try:
            move(db.session, decision, action, actor=current_user, note=form.note.data or "",
                 approver=form.approver.data or "", on=form.on.data,
                 reference=form.reference.data or "", reason=form.reason.data or "")
        except DomainError as error:
            db.session.rollback()
            decision = _visible(decision_id)
            if action not in allowed(decision):
                # Moved meanwhile, or a step that skips one: say so above the page.
                flash(str(error), "error")
                return redirect(url_for("decisions.detail", decision_id=decision.id))
            form.put_error(error, "note")
        else:
            db.session.commit()
            flash(STEP_DONE[action], "success")
            return redirect(url_for("decisions.detail", decision_id=decision.id))
    elif action not in allowed(decision):
        flash(_l("This step is not possible now: the decision is “%(status)s”.",
                 status=STATUSES.get(decision.status, decision.status)),  # type: ignore[call-overload]
              "error")
        return redirect(url_for("decisions.detail", decision_id=decision.id))
    return _render(decision, {action: form})


@bp.app_template_global()
def decisions_open() -> tuple[int, int, int]:
    """For the officer's /mein-bereich: (waiting for approval, overdue, counted up to)."""
    from .dashboard import open_counts

    return open_counts()
