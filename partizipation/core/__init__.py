"""Cross-cutting pages: the health check, the language switch, the management start page."""

from ..domains import Domain, NavItem
from ..i18n import _l

DOMAIN = Domain("core", navigation=(
    NavItem("core.management", _l("Management"), "core.permissions:can_view_management",
            order=1),))
