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


def results_provider() -> Provider | None:
    """The decisions domain's provider, or None while there is no such domain."""
    if "decisions" not in PACKAGES:
        return None
    try:
        module = import_module("partizipation.decisions.oparl")
    except ModuleNotFoundError:
        return None
    return getattr(module, "agenda_item_results", None)


def agenda_item_results(session: Session, item_ids: list[int],
                        provider: Provider | None = None) -> dict[int, dict[str, Any]]:
    provider = provider or results_provider()
    if provider is None or not item_ids:
        return {}
    found = provider(session, item_ids)
    keep = ("result", "resolutionText")
    return {item_id: {k: str(v) for k, v in values.items() if k in keep and v}
            for item_id, values in found.items()}
