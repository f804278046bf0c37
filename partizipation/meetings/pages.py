"""Pages that more than one view module renders (view modules never import each other)."""

from __future__ import annotations

from typing import Any

from flask import render_template, request
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from ..db import db
from ..paging import paginate
from ..people.privacy import person_of
from ..permissions import require
from . import permissions
from .answers import invitees_with_deputy
from .forms import AnswerForm
from .labels import ANSWERS
from .models import Answer
from .queries import my_invitations, requests_by_invitee


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
