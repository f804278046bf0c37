"""The decisions tests use the meetings' cast (roles of the permission matrix)."""

from tests.meetings.conftest import cast, ctx  # noqa: F401
