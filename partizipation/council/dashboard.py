"""The council section's figures of /mein-bereich (see partizipation/dashboard.py): the user's
person, current memberships and number of support needs; the bodies for the officer."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from sqlalchemy import and_, select

from ..dashboard import TODAY, USER_ID, count, day, figure, figure_rows, rows, value
from ..people.models import Person
from ..permissions import is_signed_in
from .memberships import current_filter
from .models import Body, Membership, SupportNeed
from .permissions import can_manage_council, can_view_support_summary


def _person() -> Any:
    return select(Person.id).where(Person.user_id == USER_ID)


def figures(user: Any) -> dict[str, Callable[[], Any]]:
    found: dict[str, Callable[[], Any]] = {}
    if is_signed_in(user):
        found["person"] = lambda: value(_person())
        found["listed"] = lambda: value(
            select(and_(Person.listing_consent_given_on.is_not(None),
                        Person.listing_consent_withdrawn_on.is_(None)))
            .where(Person.user_id == USER_ID))
        found["memberships"] = lambda: rows(
            select(Body.name.label("body"), Membership.role, Membership.ends_on)
            .join(Body, Membership.body_id == Body.id)
            .where(Membership.person_id == _person().scalar_subquery(), current_filter(TODAY))
            .order_by(Membership.id))
        found["needs"] = lambda: count(select(SupportNeed.id).where(
            SupportNeed.person_id == _person().scalar_subquery()))
    if can_manage_council(user) and can_view_support_summary(user):
        found["bodies"] = lambda: rows(select(Body.id, Body.name).order_by(Body.name))
    return found


def my_area() -> dict[str, Any]:
    """What the council section of /mein-bereich shows for the signed-in user."""
    person_id = figure("council.person")
    person = None if person_id is None else SimpleNamespace(
        id=person_id, is_listed=bool(figure("council.listed")))
    return {
        "person": person,
        "memberships": [SimpleNamespace(body=SimpleNamespace(name=m["body"]), role=m["role"],
                                        ends_on=day(m["ends_on"]))
                        for m in figure_rows("council.memberships")],
        "needs": figure("council.needs", 0) or 0,
        "bodies": [SimpleNamespace(**body) for body in figure_rows("council.bodies")],
    }
