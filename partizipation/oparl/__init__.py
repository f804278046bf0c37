"""OParl 1.1: the platform's public council data as open data, read-only, under /oparl/v1.1/.

Nothing of its own but the tombstones of removed documents and agenda items (see models.py):
every object is read from the council and meetings rows, and only what is public is shown.
"""

from ..domains import Domain

DOMAIN = Domain("oparl", views=("views", "files"))
