"""Bodies and the advisory council: the public pages. Officer pages are in admin_views.py, the
member's own pages (support needs, listing, kind of disability) in my_views.py."""

from __future__ import annotations

from functools import cache
from typing import Any

from flask import abort, render_template
from flask_login import current_user
from sqlalchemy import Date, and_, bindparam, select

from .. import clock
from ..db import db
from ..people.models import Person
from . import permissions
from .blueprint import bp
from .memberships import current_filter, roster
from .models import Body, BodyKind, Membership, Term


class _Person:
    """What the public roster shows of a person (`person_label`, `is_listed`)."""

    __slots__ = ("name", "form_of_address", "anonymised_at", "is_listed")
    name: str
    form_of_address: str
    anonymised_at: Any
    is_listed: bool


class _Member:
    """A current membership as the public roster shows it, read as a row."""

    __slots__ = ("id", "role", "has_vote", "represents", "deputy_for_id", "person")

    def __init__(self, row: Any) -> None:
        (self.id, self.role, self.has_vote, self.represents, self.deputy_for_id, name, address,
         anonymised_at, given_on, withdrawn_on) = row
        person = self.person = _Person()
        person.name, person.form_of_address, person.anonymised_at = name, address, anonymised_at
        person.is_listed = given_on is not None and withdrawn_on is None


@cache
def _members_statement() -> Any:
    return (
        select(Membership.id, Membership.role, Membership.has_vote, Membership.represents,
               Membership.deputy_for_id, Person.name, Person.form_of_address,
               Person.anonymised_at, Person.listing_consent_given_on,
               Person.listing_consent_withdrawn_on)
        .join(Person, Membership.person_id == Person.id)
        .where(Membership.body_id == bindparam("body"),
               current_filter(bindparam("today", type_=Date)))
        .order_by(Membership.id))


def _public_members(body: Body) -> list[_Member]:
    """The body's current memberships with what the roster shows of their persons, in the order
    of their adding (as `current_memberships`; one statement, built once per process, rows
    instead of objects)."""
    return [_Member(row) for row in db.session.execute(
        _members_statement(), {"body": body.id, "today": clock.today()})]


@cache
def _with_term_statement(council: bool) -> Any:
    """The advisory council (`council`) or the body `body`, with its current term."""
    today = bindparam("today", type_=Date)
    conditions = ((Body.kind == BodyKind.ADVISORY_COUNCIL, Body.is_public.is_(True)) if council
                  else (Body.id == bindparam("body"),))
    return (select(Body, Term)
            .outerjoin(Term, and_(Term.body_id == Body.id, Term.starts_on <= today,
                                  Term.ends_on >= today))
            .where(*conditions).order_by(Body.id).limit(1))


def _with_term(body_id: int | None = None) -> tuple[Body | None, Term | None]:
    """The body `body_id` (None: the first public advisory council, by id) with its current
    term, in one statement (built once per process)."""
    row = db.session.execute(_with_term_statement(body_id is None),
                             {"body": body_id, "today": clock.today()}).first()
    return (row[0], row[1]) if row is not None else (None, None)


def _render_body(body: Body, term: Term | None, template: str = "council/body.html") -> str:
    return render_template(template, body=body, term=term, roster=roster(_public_members(body)))


@bp.get("/beirat")
def public_roster():  # type: ignore[no-untyped-def]
    """The public advisory council (Inklusionsbeirat): `services.advisory_council`."""
    body, term = _with_term()
    if body is None:
        return render_template("council/no_council.html")
    return _render_body(body, term)


@bp.get("/gremien")
def bodies():  # type: ignore[no-untyped-def]
    rows = db.session.scalars(select(Body).where(Body.is_public.is_(True)).order_by(Body.name))
    return render_template("council/bodies.html", bodies=list(rows))


@bp.get("/gremien/<int:body_id>")
def body(body_id: int):  # type: ignore[no-untyped-def]
    found, term = _with_term(body_id)
    # Non-public bodies do not exist for the public (404, not 403: not even the name leaks).
    if found is None or not permissions.can_view_body(current_user, found):
        abort(404)
    return _render_body(found, term)
