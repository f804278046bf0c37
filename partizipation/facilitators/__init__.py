"""Participation facilitators: the persons each municipality registers and the officer confirms,
the public directory of municipalities with their facilitators, and the officer's network."""

from ..domains import Domain, NavItem
from ..i18n import _l

DOMAIN = Domain(
    "facilitators", blueprint="blueprint", views=("views", "admin_views", "network_views"),
    navigation=(NavItem("facilitators.directory", _l("Municipalities")),),
    demo=True, personal=True, my_area=True, dashboard=True, roles=True,
)
