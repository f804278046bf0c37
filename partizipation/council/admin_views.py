"""The officer's pages: bodies, terms, persons and memberships (under /verwaltung/gremien)."""

from __future__ import annotations

import csv
import io
from typing import Any

from flask import Response, abort, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from ..db import db
from ..domain import DomainError
from ..forms import ActionForm
from ..i18n import _l
from ..people.labels import person_label
from ..people.models import Person
from ..permissions import require
from .blueprint import bp
from .forms import AddMemberForm, BodyForm, EndMembershipForm, MembershipForm, PersonForm, TermForm
from .labels import label
from .memberships import (
    MembershipData,
    all_memberships,
    current_memberships,
    end_membership,
    ending_soon,
    save_membership,
)
from .models import Body, Membership, Term
from .permissions import can_manage_council, can_view_support_summary
from .services import BODY_FIELDS, invite_person, save_body, save_person, save_term
from .support import disability_summary, support_summary

PREFIX = "/verwaltung/gremien"


def _body(body_id: int) -> Body:
    require(can_manage_council(current_user))
    return db.session.get(Body, body_id) or abort(404)


def _membership(body: Body, membership_id: int) -> Membership:
    membership = db.session.get(Membership, membership_id)
    if membership is None or membership.body_id != body.id:
        abort(404)
    return membership


@bp.get(PREFIX)
def manage_bodies():  # type: ignore[no-untyped-def]
    require(can_manage_council(current_user))
    rows = db.session.scalars(select(Body).order_by(Body.name))
    return render_template("council/manage_bodies.html", bodies=list(rows))


@bp.route(f"{PREFIX}/neu", methods=["GET", "POST"])
@bp.route(f"{PREFIX}/<int:body_id>/bearbeiten", methods=["GET", "POST"])
def edit_body(body_id: int | None = None):  # type: ignore[no-untyped-def]
    body = _body(body_id) if body_id else None
    require(can_manage_council(current_user))
    form = BodyForm(obj=body)
    if body is None and not form.is_submitted():
        form.is_public.data = True
    if form.validate_on_submit():
        try:
            data = {name: getattr(form, name).data or "" for name in BODY_FIELDS}
            data["is_public"] = bool(form.is_public.data)
            body = save_body(db.session, body, data, actor=current_user)
        except DomainError as error:
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The body “%(name)s” has been saved.", name=body.name), "success")
            return redirect(url_for("council.manage_body", body_id=body.id))
    return render_template("council/body_form.html", form=form, body=body)


@bp.get(f"{PREFIX}/<int:body_id>")
def manage_body(body_id: int):  # type: ignore[no-untyped-def]
    body = _body(body_id)
    memberships = current_memberships(db.session, body)
    deputies = {m.deputy_for_id: m for m in memberships if m.deputy_for_id}
    by_id = {m.id: m for m in memberships}
    return render_template(
        "council/manage_body.html", body=body, terms=body.terms, memberships=memberships,
        deputies=deputies, by_id=by_id,
    )


@bp.route(f"{PREFIX}/<int:body_id>/amtszeiten/neu", methods=["GET", "POST"])
@bp.route(f"{PREFIX}/<int:body_id>/amtszeiten/<int:term_id>/bearbeiten",
          methods=["GET", "POST"])
def edit_term(body_id: int, term_id: int | None = None):  # type: ignore[no-untyped-def]
    body = _body(body_id)
    term = db.session.get(Term, term_id) if term_id else None
    if term_id and (term is None or term.body_id != body.id):
        abort(404)
    form = TermForm(obj=term)
    if form.validate_on_submit():
        starts_on, ends_on = form.starts_on.data, form.ends_on.data
        assert starts_on and ends_on  # InputRequired
        try:
            save_term(db.session, body, term, starts_on=starts_on, ends_on=ends_on,
                      actor=current_user)
        except DomainError as error:
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The term has been saved."), "success")
            return redirect(url_for("council.manage_body", body_id=body.id))
    return render_template("council/term_form.html", form=form, body=body, term=term)


def _membership_choices(form: Any, body: Body, own: Membership | None = None) -> None:
    terms = body.terms
    form.term_id.choices = [SelectChoice(t.id, f"{t.starts_on:%d.%m.%Y} – {t.ends_on:%d.%m.%Y}")
                            for t in terms]
    principals = [m for m in current_memberships(db.session, body)
                  if m.role != "deputy" and (own is None or m.id != own.id)]
    form.deputy_for_id.choices = [SelectChoice(0, _l("Nobody (not a personal deputy)"))] + [
        SelectChoice(m.id, f"{person_label(m.person)} ({label('role', m.role)})")
        for m in principals
    ]


def _membership_data(form: Any, person_id: int) -> MembershipData:
    return MembershipData(
        person_id=person_id, term_id=form.term_id.data, role=form.role.data or "",
        has_vote=bool(form.has_vote.data), starts_on=form.starts_on.data,
        ends_on=form.ends_on.data, represents=form.represents.data or "",
        deputy_for_id=form.deputy_for_id.data or None,
    )


@bp.route(f"{PREFIX}/<int:body_id>/mitglieder/neu", methods=["GET", "POST"])
def add_member(body_id: int):  # type: ignore[no-untyped-def]
    body = _body(body_id)
    form = AddMemberForm()
    _membership_choices(form, body)
    people = db.session.scalars(
        select(Person).where(Person.anonymised_at.is_(None)).order_by(Person.name))
    form.person_id.choices = [SelectChoice(0, _l("New person"))] + [
        SelectChoice(p.id, p.name + (f" ({p.organisation})" if p.organisation else ""))
        for p in people]
    if not form.is_submitted() and body.terms:
        form.term_id.data = body.terms[0].id
    if form.validate_on_submit():
        try:
            person = db.session.get(Person, form.person_id.data) if form.person_id.data else None
            if form.person_id.data and (person is None or person.anonymised_at is not None):
                raise DomainError(_l("Choose a person from the list."), "person_id")
            if person is None:
                person = save_person(db.session, None, form.data, actor=current_user)
            save_membership(db.session, body, None, _membership_data(form, person.id),
                            actor=current_user)
            if form.invite.data and person.user_id is None:
                invite_person(db.session, person, actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("%(name)s is now a member.", name=person.name), "success")
            return redirect(url_for("council.manage_body", body_id=body.id))
    return render_template("council/add_member.html", form=form, body=body)


@bp.route(f"{PREFIX}/<int:body_id>/mitgliedschaften/<int:membership_id>/bearbeiten",
          methods=["GET", "POST"])
def edit_membership(body_id: int, membership_id: int):  # type: ignore[no-untyped-def]
    body = _body(body_id)
    membership = _membership(body, membership_id)
    form = MembershipForm(obj=membership)
    _membership_choices(form, body, membership)
    if not form.is_submitted():
        form.deputy_for_id.data = membership.deputy_for_id or 0
    if form.validate_on_submit():
        try:
            save_membership(db.session, body, membership,
                            _membership_data(form, membership.person_id), actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The membership has been saved."), "success")
            return redirect(url_for("council.manage_body", body_id=body.id))
    return render_template("council/membership_form.html", form=form, body=body,
                           membership=membership)


@bp.route(f"{PREFIX}/<int:body_id>/mitgliedschaften/<int:membership_id>/beenden",
          methods=["GET", "POST"])
def end_membership_view(body_id: int, membership_id: int):  # type: ignore[no-untyped-def]
    body = _body(body_id)
    membership = _membership(body, membership_id)
    form = EndMembershipForm()
    if form.validate_on_submit():
        ends_on = form.ends_on.data
        assert ends_on  # InputRequired
        try:
            end_membership(db.session, membership, ends_on=ends_on,
                           reason=form.reason.data or "", actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The membership of %(name)s ends on %(date)s.",
                     name=person_label(membership.person),
                     date=ends_on.strftime("%d.%m.%Y")), "success")
            return redirect(url_for("council.manage_body", body_id=body.id))
    return render_template("council/end_membership.html", form=form, body=body,
                           membership=membership)


@bp.get(f"{PREFIX}/<int:body_id>/verlauf")
def history(body_id: int):  # type: ignore[no-untyped-def]
    body = _body(body_id)
    return render_template("council/history.html", body=body,
                           memberships=all_memberships(db.session, body))


@bp.get(f"{PREFIX}/<int:body_id>/mitglieder.csv")
def members_csv(body_id: int):  # type: ignore[no-untyped-def]
    body = _body(body_id)
    memberships = current_memberships(db.session, body)
    by_id = {m.id: m for m in memberships}
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([str(h) for h in (
        _l("Name"), _l("Role"), _l("Has a vote"), _l("Member from"), _l("Member until"),
        _l("Represents"), _l("Deputises for"), _l("Email address"), _l("Phone"),
        _l("Listed publicly"))])
    for m in memberships:
        principal = by_id.get(m.deputy_for_id or 0)
        writer.writerow([_cell(value) for value in (
            person_label(m.person), label("role", m.role), _yes(m.has_vote),
            m.starts_on.strftime("%d.%m.%Y"), m.ends_on.strftime("%d.%m.%Y") if m.ends_on else "",
            m.represents, person_label(principal.person) if principal else "",
            m.person.email or "", m.person.phone or "", _yes(m.person.is_listed),
        )])
    filename = f"mitglieder-{body.id}.csv"
    return Response("\ufeff" + out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _cell(value: str) -> str:
    """Spreadsheets run cells that start like a formula: make them plain text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _yes(value: bool) -> str:
    return str(_l("yes") if value else _l("no"))


@bp.get(f"{PREFIX}/fristen")
def ending_soon_view():  # type: ignore[no-untyped-def]
    require(can_manage_council(current_user))
    terms, memberships = ending_soon(db.session)
    return render_template("council/ending_soon.html", terms=terms, memberships=memberships)


@bp.get(f"{PREFIX}/<int:body_id>/unterstuetzung")
def support_summary_view(body_id: int):  # type: ignore[no-untyped-def]
    require(can_view_support_summary(current_user))
    body = db.session.get(Body, body_id) or abort(404)
    return render_template("council/support_summary.html", body=body,
                           summary=support_summary(db.session, body),
                           disability=disability_summary(db.session, body))


@bp.route("/verwaltung/personen/<int:person_id>/bearbeiten", methods=["GET", "POST"])
def edit_person(person_id: int):  # type: ignore[no-untyped-def]
    require(can_manage_council(current_user))
    person = db.session.get(Person, person_id) or abort(404)
    if person.anonymised_at is not None:
        abort(404)
    form = PersonForm(obj=person, is_listed=person.is_listed)
    if form.validate_on_submit():
        save_person(db.session, person, form.data, actor=current_user)
        db.session.commit()
        flash(_l("The details of %(name)s have been saved.", name=person.name), "success")
        return redirect(url_for("council.edit_person", person_id=person.id))
    memberships = db.session.scalars(select(Membership).where(Membership.person_id == person.id)
                                     .order_by(Membership.starts_on.desc()))
    return render_template("council/person_form.html", form=form, person=person,
                           memberships=list(memberships), invite_form=ActionForm())


@bp.post("/verwaltung/personen/<int:person_id>/einladen")
def invite(person_id: int):  # type: ignore[no-untyped-def]
    require(can_manage_council(current_user))
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
    return redirect(url_for("council.edit_person", person_id=person.id))

