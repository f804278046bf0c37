"""The domain error: a broken rule, with the form field its message belongs to."""

from __future__ import annotations

from typing import Any


class MunicipalityError(ValueError):
    """A rule was broken; `field` names the form field the message belongs to."""

    def __init__(self, message: Any, field: str | None = None) -> None:
        super().__init__(str(message))
        self.field = field
