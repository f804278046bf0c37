"""BITV 2.0 pages: start page, Leichte Sprache, sign language, accessibility statement, imprint,
privacy."""

from ..domains import Domain, NavItem
from ..i18n import _l

DOMAIN = Domain("bitv", navigation=(NavItem("bitv.home", _l("Start")),), demo=True, my_area=True)
