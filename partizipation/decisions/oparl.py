"""The decisions of public agenda items for OParl (see partizipation/oparl/hooks.py): per item the
result in words and the resolution text, in German (the council's language), in one statement
(built once; only the columns it needs), asked for by the items' ids or by their meetings'."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from flask_babel import force_locale
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import any_of, dialect_name
from ..meetings.models import AgendaItem, Meeting
from .labels import KINDS, RESULTS, STATUSES
from .models import Decision, Result
from .queries import public_condition


@cache
def _statement(dialect: str, by_meeting: bool = False) -> Any:
    which = (any_of(Decision.meeting_id, "meeting_ids", dialect) if by_meeting
             else any_of(Decision.agenda_item_id, "item_ids", dialect))
    return (select(Decision.agenda_item_id, Decision.kind, Decision.result, Decision.votes_yes,
                   Decision.votes_no, Decision.votes_abstain, Decision.status, Decision.text)
            .join(AgendaItem, Decision.agenda_item_id == AgendaItem.id)
            .join(Meeting, Decision.meeting_id == Meeting.id)
            .where(which, public_condition())
            .order_by(Decision.agenda_item_id, Decision.id))


def _result(decision: Any, labels: dict[str, dict[Any, str]]) -> str:
    def label(group: str, code: str) -> str:
        return labels[group].get(code, code)

    words = f"{label('kind', decision.kind)}, {label('result', decision.result)}"
    if decision.result == Result.VOTES.value:
        words += (f" (Ja {decision.votes_yes}, Nein {decision.votes_no}, "
                  f"Enthaltung {decision.votes_abstain})")
    return f"{words}; {label('status', decision.status)}"


def agenda_item_results(session: Session, item_ids: list[int]) -> dict[int, dict[str, str]]:
    return _results(session.connection().execute(_statement(dialect_name(session)),
                                                 {"item_ids": list(item_ids)}).all())


def meeting_agenda_item_results(session: Session,
                                meeting_ids: list[int]) -> dict[int, dict[str, str]]:
    """The same of every public agenda item of these meetings: a meeting page passes its few
    meetings' ids, not its hundreds of items' (an array parameter is adapted id by id)."""
    return _results(session.connection().execute(_statement(dialect_name(session), True),
                                                 {"meeting_ids": list(meeting_ids)}).all())


@cache
def _labels() -> dict[str, dict[Any, str]]:
    """The label tables in German, translated once per process (switching the locale costs)."""
    with force_locale("de"):
        return {group: {code: str(text) for code, text in table.items()}
                for group, table in (("kind", KINDS), ("result", RESULTS), ("status", STATUSES))}


def _results(decisions: Sequence[Any]) -> dict[int, dict[str, str]]:
    found: dict[int, dict[str, str]] = {}
    if not decisions:
        return found
    labels = _labels()
    for decision in decisions:
        entry = found.setdefault(decision.agenda_item_id, {"result": "", "resolutionText": ""})
        entry["result"] = "; ".join(filter(None, [entry["result"], _result(decision, labels)]))
        entry["resolutionText"] = "\n\n".join(filter(None, [entry["resolutionText"],
                                                            decision.text]))
    return found
