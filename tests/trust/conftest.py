"""Fixtures of other domains that the trust tests (issue 12) use."""

from tests.council.conftest import member  # noqa: F401
from tests.facilitators.conftest import cast  # noqa: F401
