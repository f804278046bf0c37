"""The officer's network: the overview of every municipality's facilitators, its CSV export and
the group mail to the active facilitators."""

from __future__ import annotations

from dataclasses import replace

from flask import Response, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from markupsafe import Markup
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from ..agreements.queries import municipal_agreements
from ..db import db
from ..domain import DomainError
from ..i18n import _l, resolved
from ..municipalities.models import Municipality
from ..permissions import require
from ..templating import in_content
from . import mailing, queries
from . import permissions as perms
from .blueprint import bp
from .export import network_csv
from .forms import NetworkMailForm

# ---------------------------------------------------------------- the officer's network

NETWORK_TEXTS = {"pair": _l("%(name)s, %(municipality)s")}


@bp.get("/verwaltung/netzwerk")
@login_required
def network():  # type: ignore[no-untyped-def]
    require(perms.can_view_network(current_user))
    waiting = queries.waiting_facilitators(db.session)
    # Each waiting registration as (id, "name, municipality"): the sentence translated once per
    # language and process, the names put in escaped as `_()` puts them in a template.
    pair = Markup(resolved(NETWORK_TEXTS)["pair"])
    items = [(row.id, pair % {"name": row.name, "municipality": in_content(row.municipality_name)})
             for row in waiting]
    return render_template("facilitators/network.html",
                           network=queries.network_overview(db.session),
                           waiting=replace(waiting, items=items))


@bp.get("/verwaltung/netzwerk.csv")
@login_required
def network_export():  # type: ignore[no-untyped-def]
    require(perms.can_view_network(current_user))
    body = network_csv(queries.network_table(db.session), municipal_agreements(db.session))
    return Response(body, mimetype="text/csv", headers={
        "Content-Disposition": 'attachment; filename="netzwerk-partizipationsbegleitung.csv"'})


@bp.route("/verwaltung/netzwerk/email", methods=["GET", "POST"])
@login_required
def network_mail():  # type: ignore[no-untyped-def]
    require(perms.can_email_facilitators(current_user))
    form = NetworkMailForm()
    form.municipalities.choices = [
        SelectChoice(str(m.id), m.name)
        for m in db.session.scalars(select(Municipality).order_by(Municipality.name))
    ]
    if form.validate_on_submit():
        try:
            count = mailing.email_facilitators(
                db.session, title=form.title.data or "", message=form.message.data or "",
                municipality_ids=form.municipalities.data or None, actor=current_user,
            )
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The message was queued for %(count)s facilitators.", count=count),
                  "success")
            return redirect(url_for(".network"))
    return render_template("facilitators/network_mail.html", form=form)
