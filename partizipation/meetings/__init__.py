"""Meetings: places, agenda and documents, invitations with iCalendar, answers, deputies and the
officer's support logistics."""

from ..domains import Domain, NavItem
from ..i18n import _l

DOMAIN = Domain(
    "meetings", blueprint="blueprint",
    views=("views", "my_views", "admin_views", "agenda_views", "logistics_views",
           "record_views"),
    navigation=(NavItem("meetings.listing", _l("Meetings")),),
    demo=True, personal=True, my_area=True, dashboard=True, home=True,
)
