"""The one place OParl asks another domain for more: the result and resolution text of agenda
items come from the decisions domain, when there is one.

Contract: `partizipation/decisions/oparl.py` defines
`agenda_item_results(session, item_ids: list[int]) -> dict[int, dict[str, str]]`, answering in a
fixed number of statements with, per agenda item that has a decision, any of `"result"` (e.g.
"Beschlossen", "Abgelehnt") and `"resolutionText"` (plain text). Only decisions of public agenda
items are asked for; the provider leaves out anything not public itself.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

from sqlalchemy.orm import Session

from ..domains import PACKAGES

Provider = Callable[[Session, list[int]], dict[int, dict[str, str]]]


def results_provider(name: str = "agenda_item_results") -> Provider | None:
    """The decisions domain's provider `name`, or None while there is no such domain."""
    if "decisions" not in PACKAGES:
        return None
    try:
        module = import_module("partizipation.decisions.oparl")
    except ModuleNotFoundError:
        return None
    return getattr(module, name, None)


def agenda_item_results(session: Session, item_ids: list[int], provider: Provider | None = None,
                        *, meeting_ids: list[int] | None = None) -> dict[int, dict[str, Any]]:
    """The results of these agenda items (all public ones of `meeting_ids`, when given: asked
    by meeting if the provider can)."""
    if not item_ids:
        return {}
    found: dict[int, dict[str, Any]] | None = None
    if provider is None and meeting_ids is not None:
        by_meeting = results_provider("meeting_agenda_item_results")
        if by_meeting is not None:
            found = by_meeting(session, meeting_ids)
    if found is None:
        provider = provider or results_provider()
        if provider is None:
            return {}
        found = provider(session, item_ids)
    keep = ("result", "resolutionText")
    return {item_id: {k: str(v) for k, v in values.items() if k in keep and v}
            for item_id, values in found.items()}
