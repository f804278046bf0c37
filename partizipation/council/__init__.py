"""Bodies, terms and memberships of the advisory council and the other bodies; support needs."""

from ..domains import Domain, NavItem
from ..i18n import _l

DOMAIN = Domain(
    "council", blueprint="blueprint", views=("views", "admin_views", "member_views", "my_views"),
    navigation=(NavItem("council.public_roster", _l("Advisory council")),),
    demo=True, personal=True, my_area=True, dashboard=True, person=True,
)
