"""Barrier reports (the BITV feedback mechanism) and the officer's inbox."""

from ..domains import Domain

DOMAIN = Domain("feedback", demo=True, personal=True, my_area=True)
