"""Who may see and move decisions.

A decision is public when its meeting is public (announced) and its agenda item is public;
otherwise only the meeting's invitees and those who run meetings see it. The officer and the admin
record decisions and move them; the follow-up list is the officer's (and the admin's)."""

from __future__ import annotations

from typing import Any

from ..meetings.permissions import can_manage_meetings, is_invited, is_public_meeting
from ..permissions import is_officer_or_admin


def is_public_decision(decision: Any) -> bool:
    return bool(is_public_meeting(decision.meeting) and decision.item.is_public)


def can_view_decision(user: Any, decision: Any, invitee: Any = None) -> bool:
    return (can_manage_meetings(user) or is_public_decision(decision)
            or is_invited(user, decision.meeting, invitee))


def can_record_decisions(user: Any) -> bool:
    return is_officer_or_admin(user)


def can_move_decision(user: Any) -> bool:
    return is_officer_or_admin(user)


def can_follow_up(user: Any) -> bool:
    """The follow-up list of open decisions across bodies, with CSV."""
    return is_officer_or_admin(user)


CHECKS = (is_public_decision, can_view_decision, can_record_decisions, can_move_decision,
          can_follow_up)
