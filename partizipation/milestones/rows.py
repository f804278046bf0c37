"""The public milestone lists as plain rows: what each row shows worked out once in Python (the
labels from tables translated once per language, the dated phrases translated once per page),
not per row in the template. The phrases are milestones/_status.html's: the same words, the same
escaping (`Markup(text) % values`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import current_app
from flask_babel import gettext
from markupsafe import Markup

from .. import clock
from ..agreements.models import AgreementStatus
from ..agreements.summary import Words, effective_status, municipal_text
from ..i18n import resolved
from ..templating import in_content
from .models import COMPONENT_LABELS, STATUS_LABELS, MilestoneStatus

_CLOSED = (MilestoneStatus.ACHIEVED.value, MilestoneStatus.DROPPED.value)


@dataclass(slots=True)
class MilestoneRow:
    """A milestone in the list: `when` is its date in words (achieved, overdue or target)."""

    id: int
    heading: Any
    status: str
    status_text: str
    when: Any
    overdue: bool
    agreement: Any
    component: str
    component_text: str
    responsible: str
    done: int
    steps: int


def milestone_rows(rows: Any) -> list[MilestoneRow]:
    """Rows of `queries.overview`'s page as the list shows them."""
    as_date = current_app.jinja_env.filters["date"]
    statuses, components = resolved(STATUS_LABELS), resolved(COMPONENT_LABELS)
    heading = Markup(gettext("Milestone %(code)s: %(title)s"))
    achieved = Markup(gettext("achieved on %(date)s"))
    overdue_since = Markup(gettext("overdue since %(date)s"))
    target = Markup(gettext("target date %(date)s"))
    today = clock.today()
    shown = []
    for row in rows:
        status = row.status
        overdue = False
        when = None
        if status == MilestoneStatus.ACHIEVED and row.achieved_on:
            when = achieved % {"date": as_date(row.achieved_on)}
        elif (row.target_date is not None and status not in _CLOSED
              and row.target_date < today):
            overdue = True
            when = overdue_since % {"date": as_date(row.target_date)}
        elif row.target_date:
            when = target % {"date": as_date(row.target_date)}
        shown.append(MilestoneRow(
            id=row.id, heading=heading % {"code": row.code, "title": in_content(row.title)},
            status=status, status_text=statuses.get(status, status), when=when,
            overdue=overdue, agreement=in_content(row.agreement_title),
            component=row.component, component_text=components.get(row.component, ""),
            responsible=row.responsible, done=int(row.done), steps=int(row.steps)))
    return shown


@dataclass(slots=True)
class MunicipalTable:
    """Milestone (e): each municipality's name and its agreement in words, with the
    agreement's documents; `signed`: how many have one in force today."""

    rows: list[tuple[Any, Any, list[Any]]]
    signed: int

    def __len__(self) -> int:
        return len(self.rows)


def municipal_table(rows: list[tuple[Any, Any, list[Any]]]) -> MunicipalTable:
    """`queries.municipal_table`'s rows as the table shows them (the agreement worded by the
    agreements domain, as its macro `municipal_agreement` words it)."""
    words = Words()
    shown = [(in_content(town.name), municipal_text(agreement, words), documents)
             for town, agreement, documents in rows]
    signed = sum(1 for _town, agreement, _documents in rows if agreement is not None
                 and effective_status(agreement, words.today) == AgreementStatus.IN_FORCE)
    return MunicipalTable(rows=shown, signed=signed)


@dataclass(slots=True)
class EventRow:
    """A change of status in the history: `change` in words, `actor` the name of who made it
    (None without one)."""

    at: str
    change: Any
    actor: str | None
    note: str


def history_rows(rows: Any) -> list[EventRow]:
    """Rows of `queries.history`'s page as the history shows them."""
    as_datetime = current_app.jinja_env.filters["datetime"]
    statuses = resolved(STATUS_LABELS)
    moved = Markup(gettext("from “%(from)s” to “%(to)s”"))
    recorded = Markup(gettext("recorded as “%(to)s”"))
    shown = []
    for row in rows:
        to = statuses.get(row.to_status, row.to_status)
        if row.from_status:
            change = moved % {"from": statuses.get(row.from_status, ""), "to": to}
        else:
            change = recorded % {"to": to}
        shown.append(EventRow(at=as_datetime(row.at), change=change, actor=row.display_name,
                              note=row.note))
    return shown
