"""Agreements: cooperation agreements, goal-and-cooperation agreements with a municipality,
administrative and framework agreements — their parties (who joined and left when), term,
termination rule (with the last day to give notice computed), status and documents. The
municipalities' agreement state lives here (one source of truth); `milestones` builds on this."""

from ..domains import Domain, NavItem
from ..i18n import _l

DOMAIN = Domain(
    "agreements", navigation=(NavItem("agreements.index", _l("Agreements")),),
    demo=True, my_area=True,
)
