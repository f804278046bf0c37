"""Helpers of the municipalities' page tests (and of the domains that build on it)."""

from __future__ import annotations

from typing import Any

from tests.conftest import login
from tests.helpers import csrf_token, page_text


def post(client: Any, url: str, data: dict[str, Any], token_from: str | None = None) -> Any:
    """Open the page (or `token_from`), then post `data` with its CSRF token."""
    token = csrf_token(client.get(token_from or url))
    return client.post(url, data={**data, "csrf_token": token})


def sign_in(client: Any, cast: Any, role: str) -> None:
    response = login(client, cast.user(role).email)
    assert response.status_code == 302, page_text(response)
