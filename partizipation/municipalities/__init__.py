"""Municipalities of the district and their contact persons (the participation facilitators they
register are the `facilitators` domain, which builds on this one)."""

from ..domains import Domain

DOMAIN = Domain("municipalities", demo=True, personal=True, roles=True)
