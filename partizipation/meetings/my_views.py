"""The signed-in person's pages: my invitations, my calendar feed address."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..accounts.services import absolute_url
from ..db import db
from ..forms import ActionForm
from ..i18n import _l
from ..permissions import require
from . import permissions
from .blueprint import bp
from .feeds import new_token, revoke, token_of
from .pages import my_meetings_page

MY = "/mein-bereich"


@bp.get(f"{MY}/sitzungen")
def my_meetings():  # type: ignore[no-untyped-def]
    return my_meetings_page()


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
