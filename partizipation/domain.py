"""The one domain error: a broken rule, with the form field its message belongs to.

Services raise it; the view puts it on the form (`Form.put_error`) and renders the form again with
the user's input. `StaleError` says that someone else changed the row since the form was loaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class DomainError(ValueError):
    """A rule was broken; `field` names the form field the message belongs to (None: the form)."""

    def __init__(self, message: Any, field: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field


class StaleError(DomainError):
    """The row was changed by someone else since the form was loaded.

    `changes` lists (field label, value now stored[, field name]) for each field whose stored
    value differs from what the user sent, so the form can show what changed (at the field, when
    it is named) instead of overwriting it.
    """

    def __init__(self, message: Any, changes: Sequence[tuple[str, ...]] | None = None) -> None:
        super().__init__(message, None)
        self.changes = list(changes or [])
