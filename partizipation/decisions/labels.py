"""What the decisions' codes are called."""

from __future__ import annotations

from typing import Any

from ..i18n import _l, resolved
from .models import Approver, DecisionKind, Result, Status

KINDS = {
    DecisionKind.DECISION: _l("Resolution"),
    DecisionKind.RECOMMENDATION_KREISTAG: _l("Recommendation to the Kreistag"),
    DecisionKind.RECOMMENDATION_ADMINISTRATION: _l("Recommendation to the administration"),
    DecisionKind.INFORMATION: _l("Information"),
}
RESULTS = {Result.CONSENSUS: _l("By consensus"), Result.VOTES: _l("By vote")}
STATUSES = {
    Status.TAKEN: _l("Taken"),
    Status.SUBMITTED: _l("Waiting for approval"),
    Status.APPROVED: _l("Approved"),
    Status.NOT_APPROVED: _l("Not approved"),
    Status.COMMUNICATED: _l("Communicated"),
    Status.IMPLEMENTED: _l("Implemented"),
    Status.DROPPED: _l("Dropped"),
}
APPROVERS = {Approver.LANDRAT: _l("the Landrat"),
             Approver.CONFERENCE: _l("the Verwaltungskonferenz")}
_ALL: dict[str, dict[Any, Any]] = {"kind": KINDS, "result": RESULTS, "status": STATUSES,
                                   "approver": APPROVERS}


def label(group: str, code: str) -> str:
    """The label of a code in the current language (the table translated once per language)."""
    return resolved(_ALL[group]).get(code, code)
