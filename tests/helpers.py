"""Small helpers to read pages the way a user (or a screen reader) would."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from typing import Any

from sqlalchemy import event

_TOKEN = re.compile(
    r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"'
)


def csrf_token(response: Any) -> str:
    """The CSRF token of the first form in a response."""
    html = response.get_data(as_text=True)
    match = _TOKEN.search(html) or re.search(r'id="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return next(group for group in match.groups() if group)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in {"script", "style"}:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def page_text(response: Any) -> str:
    """The visible text of a page, whitespace folded."""
    parser = _Text()
    parser.feed(response.get_data(as_text=True))
    return " ".join(" ".join(parser.parts).split())


@contextmanager
def count_statements(target: Any) -> Iterator[list[str]]:
    """Collect the SQL statements `target` (an engine or connection) runs inside the block."""
    statements: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    event.listen(target, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(target, "before_cursor_execute", record)
