"""Places meetings take place at, reused across meetings."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from .models import Place

FIELDS = ("name", "street", "postal_code", "city", "room", "nearest_stop", "parking",
          "accessibility_notes")
FACTS = ("step_free_entrance", "lift", "accessible_toilet", "induction_loop",
         "accessible_parking", "quiet_room", "assistant_seats")


def save_place(session: Session, place: Place | None, data: dict[str, Any], *,
               actor: Any) -> Place:
    """Create or change a place (the caller has checked the form's version)."""
    if place is None:
        place = Place()
        session.add(place)
    for name in FIELDS:
        setattr(place, name, (data.get(name) or "").strip())
    for name in FACTS:
        setattr(place, name, bool(data.get(name)))
    session.flush()
    return place
