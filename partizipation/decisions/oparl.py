"""The decisions of public agenda items for OParl (see partizipation/oparl/hooks.py): per item the
result in words and the resolution text, in German (the council's language), in one statement."""

from __future__ import annotations

from flask_babel import force_locale
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..meetings.models import AgendaItem, Meeting
from .labels import label
from .models import Decision, Result
from .queries import public_condition


def _result(decision: Decision) -> str:
    words = f"{label('kind', decision.kind)}, {label('result', decision.result)}"
    if decision.result == Result.VOTES.value:
        words += (f" (Ja {decision.votes_yes}, Nein {decision.votes_no}, "
                  f"Enthaltung {decision.votes_abstain})")
    return f"{words}; {label('status', decision.status)}"


def agenda_item_results(session: Session, item_ids: list[int]) -> dict[int, dict[str, str]]:
    decisions = session.scalars(
        select(Decision).join(AgendaItem, Decision.agenda_item_id == AgendaItem.id)
        .join(Meeting, Decision.meeting_id == Meeting.id)
        .where(Decision.agenda_item_id.in_(item_ids), public_condition())
        .order_by(Decision.agenda_item_id, Decision.id))
    found: dict[int, dict[str, str]] = {}
    with force_locale("de"):
        for decision in decisions:
            entry = found.setdefault(decision.agenda_item_id, {"result": "", "resolutionText": ""})
            entry["result"] = "; ".join(filter(None, [entry["result"], _result(decision)]))
            entry["resolutionText"] = "\n\n".join(filter(None, [entry["resolutionText"],
                                                                decision.text]))
    return found
