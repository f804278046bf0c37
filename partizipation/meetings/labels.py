"""Human labels for the stored codes of meetings (forms, pages, mail, calendar entries)."""

from __future__ import annotations

from typing import Any

from wtforms.fields.choices import SelectChoice

from ..council.labels import ROLES, SUPPORT_NEEDS
from ..i18n import _l, resolved
from .models import (
    AlternativeKind,
    Answer,
    Component,
    MeetingFormat,
    MeetingKind,
    MeetingStatus,
)

KINDS = {
    MeetingKind.SESSION: _l("Meeting of the body"),
    MeetingKind.WORKING_MEETING: _l("Working meeting"),
    MeetingKind.KICK_OFF: _l("Kick-off event"),
    MeetingKind.TRAINING: _l("Training"),
    MeetingKind.FUTURE_WORKSHOP: _l("Future workshop"),
    MeetingKind.OTHER: _l("Other event"),
}
FORMATS = {
    MeetingFormat.IN_PERSON: _l("In person"),
    MeetingFormat.ONLINE: _l("Online"),
    MeetingFormat.HYBRID: _l("Hybrid: in person and online"),
}
COMPONENTS = {
    "": _l("None of them"),
    Component.STRUCTURE: _l("Structure"),
    Component.CULTURE: _l("Culture"),
    Component.ACTIVITY: _l("Political activity"),
}
STATUSES = {
    MeetingStatus.PLANNED: _l("Planned, invitations not sent yet"),
    MeetingStatus.INVITED: _l("Invitations sent"),
    MeetingStatus.HELD: _l("Held"),
    MeetingStatus.CANCELLED: _l("Cancelled"),
}
ANSWERS = {
    Answer.OPEN: _l("No answer yet"),
    Answer.ATTENDING: _l("I will attend"),
    Answer.NOT_ATTENDING: _l("I will not attend"),
    Answer.DEPUTY_ATTENDS: _l("My personal deputy attends"),
}
# How an answer reads about someone else (the officer's lists).
ANSWERS_ABOUT = {
    Answer.OPEN: _l("No answer yet"),
    Answer.ATTENDING: _l("Attending"),
    Answer.NOT_ATTENDING: _l("Not attending"),
    Answer.DEPUTY_ATTENDS: _l("Personal deputy attends"),
}
ALTERNATIVES = {
    AlternativeKind.EASY_LANGUAGE: _l("Easy language"),
    AlternativeKind.LARGE_PRINT: _l("Large print"),
    AlternativeKind.TEXT: _l("Text version"),
}
INVITEE_ROLES: dict[Any, Any] = {
    **ROLES,
    "facilitator": _l("Participation facilitator"),
    "guest": _l("Guest"),
}
# The accessibility facts of a place, in the order they are shown.
PLACE_FACTS = {
    "step_free_entrance": _l("Step-free entrance"),
    "lift": _l("Lift"),
    "accessible_toilet": _l("Accessible toilet"),
    "induction_loop": _l("Induction loop"),
    "accessible_parking": _l("Accessible parking"),
    "quiet_room": _l("Quiet room"),
    "assistant_seats": _l("Seats for assistants"),
}
TABLES: dict[str, dict[Any, Any]] = {
    "kind": KINDS, "format": FORMATS, "component": COMPONENTS, "status": STATUSES,
    "answer": ANSWERS, "answer_about": ANSWERS_ABOUT, "alternative": ALTERNATIVES,
    "role": INVITEE_ROLES, "need": SUPPORT_NEEDS,
}


def label(table: str, code: Any) -> str:
    """The label of a stored code, or the code itself when unknown."""
    if code is None:
        return ""
    return str(resolved(TABLES[table]).get(code, code))


def choices(table: str, codes: Any = None) -> list[SelectChoice]:
    items = TABLES[table].items()
    return [SelectChoice(getattr(code, "value", code), text) for code, text in items
            if codes is None or code in codes]
