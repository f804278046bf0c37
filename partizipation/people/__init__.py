"""Persons: everyone who takes part, with or without an account; their data export, deletion
requests and erasure across every domain."""

from ..domains import Domain

DOMAIN = Domain("people", personal=True, my_area=True, dashboard=True)
