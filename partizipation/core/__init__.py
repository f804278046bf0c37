"""Cross-cutting pages: the health check and the language switch."""

from ..domains import Domain

DOMAIN = Domain("core")
