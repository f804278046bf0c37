"""Imports every domain's models so that Base.metadata is complete (Alembic, tests)."""

from .accounts import models as accounts_models  # noqa: F401
from .bitv import models as bitv_models  # noqa: F401
from .council import models as council_models  # noqa: F401
from .db import Base
from .feedback import models as feedback_models  # noqa: F401
from .mail import models as mail_models  # noqa: F401
from .municipalities import models as municipalities_models  # noqa: F401
from .people import models as people_models  # noqa: F401

metadata = Base.metadata
