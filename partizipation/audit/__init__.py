"""Who changed what: an append-only log of changes to the rows that matter (bodies, terms,
memberships, persons, facilitators, contacts, roles, deletion requests), viewable by the officer
and the admin."""

from ..domains import Domain

DOMAIN = Domain("audit", my_area=True)
