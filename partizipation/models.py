"""Imports every domain's models so that Base.metadata is complete (Alembic, tests)."""

from .db import Base
from .domains import import_models

import_models()
metadata = Base.metadata
