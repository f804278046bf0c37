"""Decisions (Beschlüsse) of the bodies: per agenda item, with the Landrat's approval and the
status history; the public decision list and the officer's follow-up list."""

from ..domains import Domain, NavItem
from ..i18n import _l

DOMAIN = Domain(
    "decisions", views=("views", "officer_views"),
    navigation=(NavItem("decisions.listing", _l("Decisions")),),
    demo=True, my_area=True, dashboard=True,
)
