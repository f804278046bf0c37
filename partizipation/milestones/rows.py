"""The public milestone lists as plain rows: what each row shows worked out once in Python (the
labels from tables translated once per language, the dated phrases translated once per page),
not per row in the template; every phrase is `Markup(translated) % values`, as `_()` in a
template gives it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import current_app
from flask_babel import gettext
from markupsafe import Markup

from .. import clock
from ..agreements.models import AgreementStatus
from ..agreements.summary import Words, effective_status, municipal_text
from ..i18n import resolved
from ..templating import in_content
from .models import COMPONENT_LABELS, STAGE_LABELS, STATUS_LABELS, MilestoneStatus

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


class _Status:
    """A milestone's status in words, the labels and phrases translated once per page."""

    def __init__(self) -> None:
        self.date = current_app.jinja_env.filters["date"]
        self.statuses, self.components = resolved(STATUS_LABELS), resolved(COMPONENT_LABELS)
        self.achieved = Markup(gettext("achieved on %(date)s"))
        self.overdue = Markup(gettext("overdue since %(date)s"))
        self.target = Markup(gettext("target date %(date)s"))
        self.today = clock.today()

    def when(self, row: Any) -> tuple[Any, bool]:
        """(its date in words or None, whether it is overdue)."""
        if row.status == MilestoneStatus.ACHIEVED and row.achieved_on:
            return self.achieved % {"date": self.date(row.achieved_on)}, False
        if (row.target_date is not None and row.status not in _CLOSED
                and row.target_date < self.today):
            return self.overdue % {"date": self.date(row.target_date)}, True
        if row.target_date:
            return self.target % {"date": self.date(row.target_date)}, False
        return None, False


def milestone_rows(rows: Any) -> list[MilestoneRow]:
    """Rows of `queries.overview`'s page as the list shows them."""
    words = _Status()
    heading = Markup(gettext("Milestone %(code)s: %(title)s"))
    shown = []
    for row in rows:
        status = row.status
        when, overdue = words.when(row)
        shown.append(MilestoneRow(
            id=row.id, heading=heading % {"code": row.code, "title": in_content(row.title)},
            status=status, status_text=words.statuses.get(status, status), when=when,
            overdue=overdue, agreement=in_content(row.agreement_title),
            component=row.component, component_text=words.components.get(row.component, ""),
            responsible=row.responsible, done=int(row.done), steps=int(row.steps)))
    return shown


@dataclass(slots=True)
class StepRow:
    """A step on the milestone's page with its document versions (rows with `id`, `version`,
    `title`, `dated_on`, `url`, `stored_name`, `mime_type`, `size`)."""

    id: int
    label: str
    happened_on: date | None
    note: str
    documents: list[Any]


@dataclass(slots=True)
class DocumentRow:
    id: int
    version: int
    title: str
    dated_on: date | None
    url: str
    stored_name: str | None
    mime_type: str
    size: int


@dataclass(slots=True)
class MilestonePage:
    """A milestone as its page shows it: its columns, the status and component in words
    (`when` and `overdue` as in MilestoneRow), its agreement's title and its steps."""

    id: int
    agreement_id: int
    code: str
    title: str
    description: str
    easy_text: str
    easy_checked_by: str
    easy_checked_on: date | None
    component: str
    component_text: str
    status: str
    status_text: str
    when: Any
    overdue: bool
    target_date: date | None
    achieved_on: date | None
    responsible: str
    agreement_title: str
    steps: list[StepRow]


def milestone_page(rows: list[Any]) -> MilestonePage | None:
    """`queries.milestone_page`'s rows as the page shows them (None without rows)."""
    if not rows:
        return None
    words = _Status()
    stages = resolved(STAGE_LABELS)
    first = rows[0]
    when, overdue = words.when(first)
    steps: dict[int, StepRow] = {}
    for row in rows:
        if row.step_id is None:
            continue
        step = steps.get(row.step_id)
        if step is None:
            step = steps[row.step_id] = StepRow(
                id=row.step_id, label=stages.get(row.stage, row.stage),
                happened_on=row.happened_on, note=row.step_note, documents=[])
        if row.document_id is not None:
            step.documents.append(DocumentRow(
                id=row.document_id, version=row.version, title=row.document_title,
                dated_on=row.dated_on, url=row.url, stored_name=row.stored_name,
                mime_type=row.mime_type, size=row.size))
    return MilestonePage(
        id=first.id, agreement_id=first.agreement_id, code=first.code, title=first.title,
        description=first.description, easy_text=first.easy_text,
        easy_checked_by=first.easy_checked_by, easy_checked_on=first.easy_checked_on,
        component=first.component, component_text=words.components.get(first.component, ""),
        status=first.status, status_text=words.statuses.get(first.status, first.status),
        when=when, overdue=overdue, target_date=first.target_date,
        achieved_on=first.achieved_on, responsible=first.responsible,
        agreement_title=first.agreement_title, steps=list(steps.values()))


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
