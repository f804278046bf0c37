"""A held meeting of the test council: two voting members and a guest invited, the personal
deputy invited for the first member; two agenda items, the second not public."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from partizipation.decisions.models import Decision, DecisionEvent
from tests.council.factories import create_person
from tests.meetings.factories import create_item, create_meeting, invite


@dataclass
class Held:
    meeting: Any
    public_item: Any
    secret_item: Any
    members: list[Any]  # voting invitees
    deputy: Any
    guest: Any


def held_meeting(session: Session, cast: Any, *, days: int = -7, status: str = "held",
                 **fields: Any) -> Held:
    fields.setdefault("is_public", True)
    meeting = create_meeting(session, cast.council, days=days, status=status, **fields)
    public_item = create_item(session, meeting, title="Barrierefreie Wege")
    secret_item = create_item(session, meeting, title="Personalsache", is_public=False)
    first = invite(session, meeting, cast.persons["invited"], source="member", role="member",
                   has_vote=True)
    second = invite(session, meeting, cast.persons["plain"], source="member", role="member",
                    has_vote=True)
    deputy = invite(session, meeting, cast.persons["deputy"], source="deputy", role="deputy",
                    has_vote=False, deputy_for_id=first.id)
    guest = invite(session, meeting, create_person(session, name="Gabi Gast",
                                                  email=f"gast{meeting.id}@example.org"))
    return Held(meeting, public_item, secret_item, [first, second], deputy, guest)


def create_decision(session: Session, held: Held, *, item: Any = None, **fields: Any) -> Decision:
    fields.setdefault("text", "Der Kreis prüft barrierefreie Wege zum Kreishaus.")
    fields.setdefault("status", "taken")
    item = item or held.public_item
    decision = Decision(meeting_id=held.meeting.id, agenda_item_id=item.id, **fields)
    session.add(decision)
    session.flush()
    session.add(DecisionEvent(decision_id=decision.id, to_status=decision.status))
    session.flush()
    return decision
