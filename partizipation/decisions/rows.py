"""The decisions list as plain rows: what each row shows worked out once in Python (the labels
from tables translated once per language, "TOP n" translated once per page), not per row in the
template (decisions/_macros.html)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import current_app
from flask_babel import gettext
from markupsafe import Markup

from ..i18n import resolved
from ..templating import in_content
from .labels import KINDS, STATUSES


@dataclass(slots=True)
class DecisionRow:
    """A decision as the list shows it: `where` is its meeting's title and agenda item, `body`
    its meeting's body (None without one)."""

    id: int
    kind: str
    text: str
    status: str
    status_text: str
    where: Any
    starts_on: str
    body: Any
    due_on: str


def decision_rows(rows: Any) -> list[DecisionRow]:
    """Rows of `queries.listing`'s columns as the list shows them."""
    as_date = current_app.jinja_env.filters["date"]
    kinds, statuses = resolved(KINDS), resolved(STATUSES)
    top = Markup(gettext("TOP %(n)s"))
    where = Markup("%s, %s")
    return [DecisionRow(
        id=row.id, kind=kinds.get(row.kind, row.kind), text=row.text, status=row.status,
        status_text=statuses.get(row.status, row.status),
        where=where % (in_content(row.title), top % {"n": row.position}),
        starts_on=as_date(row.starts_at),
        body=None if row.name is None else in_content(row.name),
        due_on=as_date(row.due_on)) for row in rows]
