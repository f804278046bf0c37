"""The officer's pages for memberships (under /verwaltung/gremien/<id>): add a member (found by
search, or a new person), change, end and reopen a membership, the history, the CSV file."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from ..csvfile import csv_response
from ..db import db
from ..domain import DomainError
from ..forms import ActionForm
from ..i18n import _l
from ..paging import paginate, search_form, search_terms
from ..people.labels import person_label
from ..people.models import Person
from ..people.services import invite_person, person_search, save_person
from ..versioning import check_version
from .blueprint import PREFIX, bp, load_body
from .forms import AddMemberForm, EndMembershipForm, MembershipForm
from .labels import label
from .memberships import (
    MembershipData,
    current_deputy,
    current_memberships,
    end_membership,
    history_query,
    reopen_membership,
    save_membership,
)
from .models import Body, Membership

MEMBERSHIP_FIELDS = ("term_id", "role", "deputy_for_id", "has_vote", "starts_on", "ends_on",
                     "represents")


def _membership(body: Body, membership_id: int) -> Membership:
    membership = db.session.get(Membership, membership_id)
    if membership is None or membership.body_id != body.id:
        abort(404)
    return membership


def _membership_choices(form: Any, body: Body, own: Membership | None = None) -> None:
    from flask_babel import format_date

    form.term_id.choices = [
        SelectChoice(t.id, f"{format_date(t.starts_on)} – {format_date(t.ends_on)}")
        for t in body.terms]
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
    """Find the person by search (or enter a new one), then the membership, in one form."""
    body = load_body(body_id)
    form = AddMemberForm()
    _membership_choices(form, body)
    if not form.is_submitted():
        form.person_id.data = request.args.get("person", type=int) or 0
        if body.terms:
            form.term_id.data = body.terms[0].id
    person = db.session.get(Person, form.person_id.data) if form.person_id.data else None
    if person is not None and person.anonymised_at is not None:
        abort(404)
    terms = search_terms()
    found = (paginate(db.session, person_search(terms), per_page=10)
             if terms and person is None else None)
    if form.validate_on_submit():
        try:
            if person is None:
                person = save_person(db.session, None, form.data, actor=current_user)
            save_membership(db.session, body, None, _membership_data(form, person.id),
                            actor=current_user)
            if form.invite.data and person.user_id is None:
                invite_person(db.session, person, actor=current_user)
        except DomainError as error:
            db.session.rollback()
            person = db.session.get(Person, form.person_id.data) if form.person_id.data else None
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("%(name)s is now a member.", name=person.name), "success")
            return redirect(url_for("council.manage_body", body_id=body.id))
    return render_template("council/add_member.html", form=form, body=body, person=person,
                           found=found, search=search_form(_l("Search for a person")))


@bp.route(f"{PREFIX}/<int:body_id>/mitgliedschaften/<int:membership_id>/bearbeiten",
          methods=["GET", "POST"])
def edit_membership(body_id: int, membership_id: int):  # type: ignore[no-untyped-def]
    body = load_body(body_id)
    membership = _membership(body, membership_id)
    form = MembershipForm(obj=membership)
    _membership_choices(form, body, membership)
    if not form.is_submitted():
        form.deputy_for_id.data = membership.deputy_for_id or 0
    if form.validate_on_submit():
        try:
            check_version(membership, form, MEMBERSHIP_FIELDS)
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
    from .. import clock

    body = load_body(body_id)
    membership = _membership(body, membership_id)
    form = EndMembershipForm()
    deputy = current_deputy(db.session, membership, clock.today())
    others = [m for m in current_memberships(db.session, body)
              if m.role != "deputy" and m.id != membership.id
              and (deputy is None or m.person_id != deputy.person_id)]
    form.new_principal_id.choices = [SelectChoice(0, _l("Choose a member"))] + [
        SelectChoice(m.id, person_label(m.person)) for m in others]
    if form.validate_on_submit():
        ends_on = form.ends_on.data
        assert ends_on  # InputRequired
        try:
            end_membership(db.session, membership, ends_on=ends_on,
                           reason=form.reason.data or "", actor=current_user,
                           deputy_action=form.deputy_action.data or None,
                           new_principal_id=form.new_principal_id.data or None)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            from flask_babel import format_date

            name, day = person_label(membership.person), format_date(ends_on)
            flash((_l("The membership of %(name)s ended on %(date)s.", name=name, date=day)
                   if ends_on < clock.today() else
                   _l("The membership of %(name)s ends on %(date)s.", name=name, date=day)),
                  "success")
            return redirect(url_for("council.manage_body", body_id=body.id))
    return render_template("council/end_membership.html", form=form, body=body,
                           membership=membership, deputy=deputy)


@bp.post(f"{PREFIX}/<int:body_id>/mitgliedschaften/<int:membership_id>/wieder-eroeffnen")
def reopen_membership_view(body_id: int, membership_id: int):  # type: ignore[no-untyped-def]
    body = load_body(body_id)
    membership = _membership(body, membership_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        reopen_membership(db.session, membership, actor=current_user)
    except DomainError as error:
        db.session.rollback()
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(_l("The membership of %(name)s lasts to the end of its term again.",
                 name=person_label(membership.person)), "success")
    return redirect(url_for("council.history", body_id=body.id))


@bp.get(f"{PREFIX}/<int:body_id>/verlauf")
def history(body_id: int):  # type: ignore[no-untyped-def]
    body = load_body(body_id)
    return render_template("council/history.html", body=body,
                           memberships=paginate(db.session, history_query(body)),
                           reopen_form=ActionForm())


@bp.get(f"{PREFIX}/<int:body_id>/mitglieder.csv")
def members_csv(body_id: int):  # type: ignore[no-untyped-def]
    body = load_body(body_id)
    memberships = current_memberships(db.session, body)
    by_id = {m.id: m for m in memberships}
    terms = {t.id: t for t in body.terms}
    header = (_l("Name"), _l("Role"), _l("Has a vote"), _l("Member from"), _l("Member until"),
              _l("Represents"), _l("Deputises for"), _l("Email address"), _l("Phone"),
              _l("Listed publicly"))

    def rows() -> Any:
        for m in memberships:
            principal = by_id.get(m.deputy_for_id or 0)
            last = m.ends_on or terms[m.term_id].ends_on
            yield (person_label(m.person), label("role", m.role), _yes(m.has_vote),
                   m.starts_on.strftime("%d.%m.%Y"), last.strftime("%d.%m.%Y"),
                   m.represents, person_label(principal.person) if principal else "",
                   m.person.email or "", m.person.phone or "", _yes(m.person.is_listed))

    return csv_response(f"mitglieder-{body.id}.csv", header, rows())


def _yes(value: bool) -> str:
    return str(_l("yes") if value else _l("no"))
