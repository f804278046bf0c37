"""The signed-in person's pages: my invitations, my calendar feed address."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from ..accounts.services import absolute_url
from ..db import db
from ..forms import ActionForm
from ..i18n import _l
from ..paging import paginate
from ..people.privacy import person_of
from ..permissions import require
from . import permissions
from .blueprint import bp
from .feeds import new_token, revoke, token_of
from .answers import invitees_with_deputy
from .forms import AnswerForm
from .labels import ANSWERS
from .models import Answer
from .queries import my_invitations, requests_by_invitee

MY = "/mein-bereich"


@bp.get(f"{MY}/sitzungen")
def my_meetings():  # type: ignore[no-untyped-def]
    return my_meetings_page()


def my_meetings_page(failed: tuple[int, Any] | None = None) -> str:
    """My invitations, each with an answer form while answers are open (`failed`: a form that
    came back with an error, shown with its message)."""
    require(current_user.is_authenticated)
    person = person_of(db.session, current_user)
    past = request.args.get("zeit") == "vergangen"
    page = None
    requests: dict[int, list[str]] = {}
    forms: dict[int, AnswerForm] = {}
    if person is not None:
        page = paginate(db.session, my_invitations(person, past=past))
        requests = requests_by_invitee(db.session, [i.id for i in page])
        deputies = invitees_with_deputy(db.session, list(page))
        for invitee in page:
            if not permissions.can_answer(current_user, invitee):
                continue
            form = failed[1] if failed and failed[0] == invitee.id else AnswerForm(
                prefix=f"i{invitee.id}", formdata=None,
                answer=invitee.answer if invitee.answer != "open" else None)
            codes = [Answer.ATTENDING.value, Answer.NOT_ATTENDING.value]
            if invitee.id in deputies:
                codes.append(Answer.DEPUTY_ATTENDS.value)
            form.answer.choices = [SelectChoice(c, ANSWERS[c]) for c in codes]  # type: ignore[index]
            forms[invitee.id] = form
    error_form = next((f for f in forms.values() if f.errors), None)
    return render_template("meetings/my_meetings.html", page=page, past=past,
                           requests=requests, forms=forms, form=error_form)


@bp.route(f"{MY}/kalender", methods=["GET", "POST"])
def calendar_feed():  # type: ignore[no-untyped-def]
    require(permissions.can_use_calendar_feed(current_user))
    form = ActionForm()
    secret = None
    if form.validate_on_submit():
        if request.form.get("action") == "revoke":
            revoke(db.session, current_user)
            db.session.commit()
            flash(_l("Your calendar address has been deleted. It no longer works."), "success")
            return redirect(url_for("meetings.calendar_feed"))
        secret = new_token(db.session, current_user)
        db.session.commit()
        flash(_l("Your new calendar address is ready. Copy it now: it is shown only once."),
              "success")
    elif form.is_submitted():
        abort(400)
    address = absolute_url("meetings.personal_ics", token=secret) if secret else None
    return render_template("meetings/calendar_feed.html", form=form, address=address,
                           token=token_of(db.session, current_user))
