"""A harvester: starts at the System and follows every URL it finds, as an OParl client does."""

from __future__ import annotations

from collections import deque
from typing import Any

from .conftest import BASE
from .schemas import validate, validate_list


def _urls(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value.startswith(BASE) else []
    if isinstance(value, list):
        return [u for v in value for u in _urls(v)]
    if isinstance(value, dict):
        return [u for v in value.values() for u in _urls(v)]
    return []


def harvest(client: Any, start: str = f"{BASE}/system") -> dict[str, Any]:
    """Every answer reached from `start`: {url: parsed JSON, or the raw bytes of a file}."""
    seen: dict[str, Any] = {}
    queue = deque([start])
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        if url.endswith(("/access", "/download")):
            seen[url] = response.data
            response.close()
            continue
        assert response.headers["Access-Control-Allow-Origin"] == "*", url
        assert response.content_type == "application/json; charset=utf-8", url
        data = response.get_json()
        if "data" in data and "pagination" in data:
            validate_list(data)
        else:
            validate(data)
            assert data["id"] == url, (data["id"], url)
        seen[url] = data
        queue.extend(u for u in _urls(data) if u not in seen)
    return seen
