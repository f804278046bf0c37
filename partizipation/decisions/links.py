"""Other domains link to a decision by ("decision", id) (see partizipation/links.py): a milestone
cites it as evidence, a news post mentions it. Only public decisions can be linked and shown."""

from __future__ import annotations

from typing import Any

from flask import url_for
from flask_babel import format_date
from sqlalchemy import Select
from sqlalchemy.orm import Session

from .. import clock
from ..i18n import _l
from .models import Decision
from .queries import joined, public_condition

KIND = "decision"
LABEL = _l("Decision")
LIMIT = 200


def _title(decision: Decision) -> str:
    text = " ".join(decision.text.split())
    short = text if len(text) <= 80 else text[:79] + "…"
    day = format_date(clock.local(decision.meeting.starts_at).date())
    return f"{short} ({decision.meeting.title}, {day})"


def _query() -> Select[Any]:
    return joined().where(public_condition())


def choices(session: Session) -> list[tuple[int, str]]:
    """The last public decisions, newest meeting first."""
    return [(d.id, _title(d)) for d in session.scalars(
        _query().order_by(Decision.id.desc()).limit(LIMIT))]


def describe(session: Session, ids: list[int]) -> dict[int, tuple[str, str]]:
    """id -> (title, URL) of the public decisions among `ids` (one query)."""
    if not ids:
        return {}
    return {d.id: (_title(d), url_for("decisions.detail", decision_id=d.id))
            for d in session.scalars(_query().where(Decision.id.in_(ids)))}
