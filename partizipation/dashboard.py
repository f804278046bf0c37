"""/mein-bereich in one statement: every domain's figures are scalar subqueries of ONE SELECT.

A domain with `dashboard=True` has `dashboard.py` with `figures(user) -> {name: builder}`:
for each of its counts (`capped` where a list can be large), short lists (`rows`: a JSON array
of objects) and single values a function building its scalar subquery, included only when the
domain's permission check lets `user` see it (the same small `can_*` functions the template
uses). The subqueries take the user, the day and the moment as bind parameters (`USER_ID`,
`TODAY`, `NOW`; a domain's `parameters()` adds its own), so the one SELECT is built once per
set of figures and reused.

`figures()` runs it once per request (the view asks first, so that the permission checks of the
whole page can use what it found: a domain's `loaded(user, found)` may fill their per-request
cache), and the domains' template globals read their values from it (`figure(name)`). Names are
prefixed with the domain's name.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from flask import g, has_request_context
from flask_login import current_user
from sqlalchemy import Date, Integer, bindparam, func, literal_column, select

from . import clock
from .db import UTCDateTime, db
from .domains import domains
from .paging import COUNT_LIMIT, written

USER_ID = bindparam("dashboard_user", type_=Integer)
TODAY = bindparam("dashboard_today", type_=Date)
NOW = bindparam("dashboard_now", type_=UTCDateTime)
# The one SELECT per dialect and set of figures (few: they follow the roles).
_STATEMENTS: dict[tuple[str, tuple[str, ...]], Any] = {}


def first(query: Any, limit: int) -> Any:
    """`query.limit(limit)` with the number written into the SQL (`paging.written`): with its
    limits sent as parameters the generic plan of the one SELECT looked three times dearer than
    it is, so at large data PostgreSQL planned its 33 subqueries again on every request (1.3 ms
    of the server's CPU against 0.4 with one plan)."""
    return query.limit(written(limit))


def capped(query: Any, limit: int = COUNT_LIMIT) -> Any:
    """How many rows `query` has, counted up to `limit` + 1 (more means "more than `limit`")."""
    return select(func.count()).select_from(first(query, limit + 1).subquery()).scalar_subquery()


def count(query: Any) -> Any:
    """How many rows `query` has (for lists bounded by their nature: one person's rows)."""
    return select(func.count()).select_from(query.subquery()).scalar_subquery()


def rows(query: Any) -> Any:
    """The rows of `query` (labelled columns, ordered, bounded) as one JSON array of objects,
    in order: a scalar subquery. Dates come back as ISO strings (`day`), booleans as true/1."""
    inner = query.subquery()
    pairs: list[Any] = []
    for column in inner.c:
        pairs += [literal_column(f"'{column.key}'"), column]
    if db.session.get_bind().dialect.name == "postgresql":
        aggregate = func.json_agg(func.json_build_object(*pairs))
    else:
        aggregate = func.json_group_array(func.json_object(*pairs))
    return select(func.coalesce(aggregate, literal_column("'[]'"))).select_from(inner) \
        .scalar_subquery()


def value(query: Any) -> Any:
    """A single value (None when there is no row)."""
    return first(query, 1).scalar_subquery()


def day(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


def figures() -> dict[str, Any]:
    """Every domain's figures for the signed-in user: one statement, once per request."""
    if has_request_context() and "dashboard" in g:
        return g.dashboard  # type: ignore[no-any-return]
    builders: dict[str, Callable[[], Any]] = {}
    for domain in domains():
        if domain.dashboard:
            for name, build in domain.module("dashboard").figures(current_user).items():
                builders[f"{domain.name}.{name}"] = build
    found: dict[str, Any] = {}
    if builders:
        key = (db.session.get_bind().dialect.name, tuple(builders))
        statement = _STATEMENTS.get(key)
        if statement is None:
            statement = _STATEMENTS.setdefault(key, select(*(
                build().label(f"f{n}") for n, build in enumerate(builders.values()))))
        parameters = {"dashboard_user": current_user.id, "dashboard_today": clock.today(),
                      "dashboard_now": clock.now()}
        for domain in domains():
            more = getattr(domain.module("dashboard"), "parameters", None) \
                if domain.dashboard else None
            if more is not None:
                parameters.update(more())
        row = db.session.execute(statement, parameters).one()
        found = dict(zip(builders, row, strict=True))
    for domain in domains():
        if domain.dashboard:
            loaded = getattr(domain.module("dashboard"), "loaded", None)
            if loaded is not None:
                loaded(current_user, found)
    if has_request_context():
        g.dashboard = found
    return found


def figure(name: str, default: Any = None) -> Any:
    """One figure ("council.needs"); `default` when the user may not see it."""
    return figures().get(name, default)


def figure_rows(name: str) -> list[dict[str, Any]]:
    """A `rows` figure as a list of dicts ([] when the user may not see it)."""
    found = figure(name)
    if found is None:
        return []
    return json.loads(found) if isinstance(found, str | bytes) else list(found)
