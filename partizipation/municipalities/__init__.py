"""Municipalities of the district, their contact persons and participation facilitators."""

from ..domains import Domain, NavItem
from ..i18n import _l

DOMAIN = Domain(
    "municipalities", blueprint="blueprint", views=("views", "admin_views"),
    navigation=(NavItem("municipalities.directory", _l("Municipalities")),),
    demo=True, personal=True, my_area=True,
)
