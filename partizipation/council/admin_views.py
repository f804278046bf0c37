"""The officer's pages for bodies and terms (under /verwaltung/gremien): edit a body, add, change
and end terms, carry members into the next term, the warning list, the support summary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta
from functools import cache
from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import bindparam, select
from sqlalchemy.orm import joinedload
from wtforms.fields.choices import SelectChoice

from .. import clock
from ..db import db
from ..domain import DomainError
from ..i18n import _l, resolved
from ..paging import paginate, search_form, search_terms
from ..people.labels import person_label
from ..permissions import require
from ..templating import url_for_in_loop as link
from ..versioning import check_version
from .blueprint import PREFIX, bp, load_body, load_term
from .forms import BodyForm, CarryOverForm, EndTermForm, TermForm
from .labels import ROLES, label
from .memberships import carry_over, current_query, ending_soon, partners_of
from .models import Body, Membership, Term
from .permissions import can_manage_council, can_view_support_summary
from .services import BODY_FIELDS, end_term, save_body, save_term
from .support import disability_summary, support_summary


@bp.get(PREFIX)
def manage_bodies():  # type: ignore[no-untyped-def]
    require(can_manage_council(current_user))
    rows = db.session.scalars(select(Body).order_by(Body.name))
    return render_template("council/manage_bodies.html", bodies=list(rows))


@bp.route(f"{PREFIX}/neu", methods=["GET", "POST"])
@bp.route(f"{PREFIX}/<int:body_id>/bearbeiten", methods=["GET", "POST"])
def edit_body(body_id: int | None = None):  # type: ignore[no-untyped-def]
    body = load_body(body_id) if body_id else None
    require(can_manage_council(current_user))
    form = BodyForm(obj=body)
    if body is None and not form.is_submitted():
        form.is_public.data = True
    if form.validate_on_submit():
        try:
            if body is not None:
                check_version(body, form, BODY_FIELDS)
            data = {name: getattr(form, name).data or "" for name in BODY_FIELDS}
            data["is_public"] = bool(form.is_public.data)
            body = save_body(db.session, body, data, actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The body “%(name)s” has been saved.", name=body.name), "success")
            return redirect(url_for("council.manage_body", body_id=body.id))
    return render_template("council/body_form.html", form=form, body=body)


@cache
def _body_statement() -> Any:
    """The body with its terms (a few) in one statement, the body's id a bind parameter (built
    once per process)."""
    return select(Body).where(Body.id == bindparam("body_id")).options(joinedload(Body.terms))


@bp.get(f"{PREFIX}/<int:body_id>")
def manage_body(body_id: int):  # type: ignore[no-untyped-def]
    require(can_manage_council(current_user))
    body = db.session.scalars(_body_statement(), {"body_id": body_id}).unique().first() \
        or abort(404)
    terms = search_terms()
    query, values = current_query(body, terms)
    page = paginate(db.session, query, scalars=False, params=values)
    return render_template(
        "council/manage_body.html", body=body, terms=_term_rows(body),
        memberships=replace(page, items=_member_rows(body, page.items)), search_terms=terms,
        search=search_form(_l("Search current members by name")),
    )


# The sentences every row of the current members repeats, translated once per language and
# process; the row's values are put in escaped, as `_()` puts them in a template.
ROW_TEXTS = {"for": _l("for %(name)s"), "until": _l("until %(date)s"),
             "until_end": _l("until the end of the term"),
             "edit": _l("Edit the membership of %(name)s"),
             "end": _l("End the membership of %(name)s")}
TERM_TEXTS = {"from_to": _l("From %(start)s to %(end)s"),
              "period": _l("the term from %(start)s to %(end)s")}


def _term_rows(body: Body) -> list[tuple[Any, ...]]:
    """The body's terms in their order with what the page shows of each: (from … to …, "the
    term from … to …" for the links' hidden text, edit link, end link, the first's carry-over
    link)."""
    texts = {key: Markup(text) for key, text in resolved(TERM_TEXTS).items()}
    date = current_app.jinja_env.filters["date"]
    rows: list[tuple[Any, ...]] = []
    for term in body.terms:
        days = {"start": date(term.starts_on), "end": date(term.ends_on)}
        rows.append((texts["from_to"] % days, texts["period"] % days,
                     link("council.edit_term", body_id=body.id, term_id=term.id),
                     link("council.end_term_view", body_id=body.id, term_id=term.id),
                     None if rows else link("council.carry_over_view", body_id=body.id,
                                            term_id=term.id)))
    return rows


def _member_rows(body: Body, shown: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Each row of the current members with what it shows in words and its links: (row, name,
    role, "for" its principal or None, deputy's name, first day, last day in words, person's
    link, edit link, its label, end link, its label)."""
    # Principals and deputies of the rows shown, also when they stand on another page.
    names, deputies = partners_of(db.session, body, list(shown))
    roles = resolved(ROLES)
    texts = {key: Markup(text) for key, text in resolved(ROW_TEXTS).items()}
    date = current_app.jinja_env.filters["date"]
    days: dict[Any, str] = {}  # the rows share their first and last days

    def day(value: Any) -> str:
        text = days.get(value)
        if text is None:
            text = days[value] = date(value)
        return text  # type: ignore[no-any-return]

    body_id = body.id
    rows = []
    for m in shown:
        name = person_label(m)
        principal = names.get(m.deputy_for_id or 0)
        rows.append((
            m, name, roles.get(m.role, m.role),
            texts["for"] % {"name": principal}
            if m.role == "deputy" and principal is not None else None,
            deputies.get(m.id), day(m.starts_on),
            texts["until"] % {"date": day(m.ends_on)} if m.ends_on else texts["until_end"],
            link("people.edit_person", person_id=m.person_id),
            link("council.edit_membership", body_id=body_id, membership_id=m.id),
            texts["edit"] % {"name": name},
            link("council.end_membership_view", body_id=body_id, membership_id=m.id),
            texts["end"] % {"name": name}))
    return rows


@bp.route(f"{PREFIX}/<int:body_id>/amtszeiten/neu", methods=["GET", "POST"])
@bp.route(f"{PREFIX}/<int:body_id>/amtszeiten/<int:term_id>/bearbeiten",
          methods=["GET", "POST"])
def edit_term(body_id: int, term_id: int | None = None):  # type: ignore[no-untyped-def]
    body = load_body(body_id)
    term = load_term(body, term_id) if term_id else None
    form = TermForm(obj=term)
    if form.validate_on_submit():
        starts_on, ends_on = form.starts_on.data, form.ends_on.data
        assert starts_on and ends_on  # InputRequired
        try:
            if term is not None:
                check_version(term, form, ("starts_on", "ends_on"))
            save_term(db.session, body, term, starts_on=starts_on, ends_on=ends_on,
                      actor=current_user, cut_memberships=bool(form.cut_memberships.data))
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The term has been saved."), "success")
            return redirect(url_for("council.manage_body", body_id=body.id))
    return render_template("council/term_form.html", form=form, body=body, term=term)


@bp.route(f"{PREFIX}/<int:body_id>/amtszeiten/<int:term_id>/beenden", methods=["GET", "POST"])
def end_term_view(body_id: int, term_id: int):  # type: ignore[no-untyped-def]
    body = load_body(body_id)
    term = load_term(body, term_id)
    form = EndTermForm()
    if form.validate_on_submit():
        assert form.ends_on.data  # InputRequired
        try:
            end_term(db.session, term, ends_on=form.ends_on.data, actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            ended = form.ends_on.data < clock.today()
            flash((_l("The term and every membership still open ended on %(date)s.",
                      date=_day(form.ends_on.data)) if ended else
                   _l("The term and every membership still open end on %(date)s.",
                      date=_day(form.ends_on.data))), "success")
            return redirect(url_for("council.manage_body", body_id=body.id))
    open_count = sum(1 for m in term_memberships(term) if m.ends_on is None)
    return render_template("council/end_term.html", form=form, body=body, term=term,
                           open_count=open_count)


def term_memberships(term: Term) -> list[Membership]:
    from sqlalchemy.orm import joinedload

    return list(db.session.scalars(
        select(Membership).options(joinedload(Membership.person))
        .where(Membership.term_id == term.id).order_by(Membership.id)))


def _day(value: Any) -> str:
    from flask_babel import format_date

    return str(format_date(value))


@bp.route(f"{PREFIX}/<int:body_id>/amtszeiten/<int:term_id>/fortsetzen",
          methods=["GET", "POST"])
def carry_over_view(body_id: int, term_id: int):  # type: ignore[no-untyped-def]
    """Start the next term with the chosen members; a summary is shown before anything is saved."""
    body = load_body(body_id)
    term = load_term(body, term_id)
    memberships = [m for m in term_memberships(term)
                   if m.ends_on is None or m.ends_on >= term.ends_on]
    by_id = {m.id: m for m in memberships}
    form = CarryOverForm()
    form.membership_ids.choices = [SelectChoice(m.id, _choice_label(m, by_id))
                                   for m in memberships]
    if not form.is_submitted():
        form.membership_ids.data = [m.id for m in memberships]
    summary = None
    if form.validate_on_submit():
        starts_on, ends_on = form.starts_on.data, form.ends_on.data
        assert starts_on and ends_on  # InputRequired
        try:
            new_term = carry_over(db.session, body, term, starts_on=starts_on, ends_on=ends_on,
                                  membership_ids=form.membership_ids.data or [],
                                  actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            if request.form.get("confirm") != "yes":
                # Checked and possible: show what would happen, then save on confirmation.
                summary = [by_id[i] for i in form.membership_ids.data or [] if i in by_id]
                db.session.rollback()
            else:
                db.session.commit()
                flash(_l("The new term from %(start)s has %(n)s members.",
                         start=_day(new_term.starts_on), n=len(form.membership_ids.data or [])),
                      "success")
                return redirect(url_for("council.manage_body", body_id=body.id))
    return render_template("council/carry_over.html", form=form, body=body, term=term,
                           summary=summary, by_id=by_id,
                           term_end_before=lambda day: day - timedelta(days=1))


def _choice_label(m: Membership, by_id: dict[int, Membership]) -> str:
    text = f"{person_label(m.person)}: {label('role', m.role)}"
    principal = by_id.get(m.deputy_for_id or 0)
    if principal is not None:
        text += " " + str(_l("for %(name)s", name=person_label(principal.person)))
    return text


@bp.get(f"{PREFIX}/fristen")
def ending_soon_view():  # type: ignore[no-untyped-def]
    require(can_manage_council(current_user))
    terms, memberships = ending_soon(db.session)
    return render_template("council/ending_soon.html", terms=terms, memberships=memberships,
                           today=clock.today())


@bp.get(f"{PREFIX}/<int:body_id>/unterstuetzung")
def support_summary_view(body_id: int):  # type: ignore[no-untyped-def]
    require(can_view_support_summary(current_user))
    body = db.session.get(Body, body_id) or abort(404)
    return render_template("council/support_summary.html", body=body,
                           summary=support_summary(db.session, body),
                           disability=disability_summary(db.session, body))
