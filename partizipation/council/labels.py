"""Human labels for the stored codes (shown in forms, pages and the CSV)."""

from __future__ import annotations

from typing import Any

from wtforms.fields.choices import SelectChoice

from ..i18n import _l, resolved
from .models import BodyKind, DisabilityKind, EndReason, MembershipRole, SupportNeedKind

BODY_KINDS = {
    BodyKind.ADVISORY_COUNCIL: _l("Advisory council"),
    BodyKind.STEERING_GROUP: _l("Steering group"),
    BodyKind.FACILITATOR_NETWORK: _l("Facilitator network"),
    BodyKind.WORKING_GROUP: _l("Working group"),
    BodyKind.OTHER: _l("Other body"),
}
ROLES = {
    MembershipRole.CHAIR: _l("Chair"),
    MembershipRole.DEPUTY_CHAIR: _l("Deputy chair"),
    MembershipRole.MEMBER: _l("Member"),
    MembershipRole.ADVISORY_MEMBER: _l("Advisory member (no vote)"),
    MembershipRole.DEPUTY: _l("Personal deputy"),
}
ROLE_GROUPS = {
    MembershipRole.CHAIR: _l("Chair"),
    MembershipRole.DEPUTY_CHAIR: _l("Deputy chair"),
    MembershipRole.MEMBER: _l("Members"),
    MembershipRole.ADVISORY_MEMBER: _l("Advisory members"),
}
END_REASONS = {
    EndReason.TERM_ENDED: _l("The term ended"),
    EndReason.RESIGNED: _l("Resigned"),
    EndReason.REPLACED: _l("Replaced"),
}
SUPPORT_NEEDS = {
    SupportNeedKind.SIGN_LANGUAGE: _l("German Sign Language interpreting"),
    SupportNeedKind.SPEECH_TO_TEXT: _l("Speech-to-text interpreting"),
    SupportNeedKind.EASY_LANGUAGE: _l("Documents in easy language"),
    SupportNeedKind.LARGE_PRINT: _l("Large print"),
    SupportNeedKind.BRAILLE: _l("Braille"),
    SupportNeedKind.INDUCTION_LOOP: _l("Induction loop"),
    SupportNeedKind.STEP_FREE: _l("Step-free access"),
    SupportNeedKind.ASSISTANCE: _l("Personal assistance or a companion"),
    SupportNeedKind.QUIET_ROOM: _l("A quiet room"),
    SupportNeedKind.OTHER: _l("Other support"),
}
DISABILITY_KINDS = {
    DisabilityKind.VISUAL: _l("Blind or visually impaired"),
    DisabilityKind.HEARING: _l("Deaf or hard of hearing"),
    DisabilityKind.DEAFBLIND: _l("Deafblind"),
    DisabilityKind.MOBILITY: _l("Physical or mobility impairment"),
    DisabilityKind.LEARNING: _l("Learning disability"),
    DisabilityKind.MENTAL_HEALTH: _l("Mental health condition"),
    DisabilityKind.CHRONIC_ILLNESS: _l("Chronic illness"),
    DisabilityKind.NEURODIVERGENT: _l("Autism or other neurodivergence"),
    DisabilityKind.SPEECH: _l("Speech impairment"),
    DisabilityKind.OTHER: _l("Another disability"),
}
DEPUTY_ACTIONS = {
    "end": _l("Their membership ends on the same day"),
    "reassign": _l("They stand in for another member from now on"),
}
TABLES: dict[str, dict[Any, Any]] = {
    "deputy_action": DEPUTY_ACTIONS,
    "body_kind": BODY_KINDS, "role": ROLES, "role_group": ROLE_GROUPS, "end_reason": END_REASONS,
    "need": SUPPORT_NEEDS, "disability": DISABILITY_KINDS,
}


def label(table: str, code: Any) -> str:
    """The label of a stored code, or the code itself when unknown."""
    if code is None:
        return ""
    return str(resolved(TABLES[table]).get(code, code))


def choices(table: str) -> list[SelectChoice]:
    return [SelectChoice(str(code), text) for code, text in TABLES[table].items()]
