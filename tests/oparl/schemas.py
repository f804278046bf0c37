"""Validate OParl objects against the official OParl 1.1 JSON schemas (tests/oparl/schema, from
the OParl/spec repository, CC BY-SA 4.0), embedded objects included.

The schemas name embedded objects with a non-standard `"schema": "File.json"` key, which
jsonschema ignores; `validate` follows it itself, so every embedded File, Location, AgendaItem,
Membership and LegislativeTerm is checked against its own schema too. Formats are checked as the
spec defines them (2.4): `date` yyyy-mm-dd, `date-time` yyyy-mm-ddThh:mm:ss±hh:mm, `url` absolute.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft7Validator, FormatChecker

FOLDER = Path(__file__).with_name("schema")
PREFIX = "https://schema.oparl.org/1.1/"

checker = FormatChecker()


@checker.checks("date")
def _date(value: object) -> bool:
    return not isinstance(value, str) or bool(re.fullmatch(r"\d{4}-\d\d-\d\d", value))


@checker.checks("date-time")
def _date_time(value: object) -> bool:
    return not isinstance(value, str) or bool(
        re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", value))


@checker.checks("url")
def _url(value: object) -> bool:
    return not isinstance(value, str) or bool(re.fullmatch(r"https?://[^\s]+", value))


@cache
def schema(name: str) -> dict[str, Any]:
    return json.loads((FOLDER / f"{name}.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def type_name(obj: dict[str, Any]) -> str:
    kind = obj.get("type", "")
    assert kind.startswith(PREFIX), f"not an OParl type: {kind!r}"
    return kind.removeprefix(PREFIX)


def validate(obj: dict[str, Any], expected: str | None = None) -> str:
    """Check `obj` (and everything embedded in it) against its schema; return its type."""
    name = type_name(obj)
    if expected:
        assert name == expected, (name, expected, obj.get("id"))
    definition = schema(name)
    errors = sorted(Draft7Validator(definition, format_checker=checker).iter_errors(obj),
                    key=str)
    assert not errors, f"{obj.get('id')}: " + "; ".join(e.message for e in errors)
    assert "created" in obj and "modified" in obj, f"{obj.get('id')}: created/modified missing"
    if obj.get("deleted"):
        return name
    for key, prop in definition["properties"].items():
        if key not in obj:
            continue
        if prop.get("type") == "object" and "schema" in prop:
            validate(obj[key], prop["schema"].removesuffix(".json"))
        items = prop.get("items", {})
        if prop.get("type") == "array" and isinstance(items, dict) and "schema" in items:
            for embedded in obj[key]:
                assert not embedded.get("deleted"), "embedded objects are never deleted ones"
                validate(embedded, items["schema"].removesuffix(".json"))
    return name


def validate_list(page: dict[str, Any], expected: str | None = None) -> None:
    """An external list page (spec 2.5): data, pagination, links."""
    assert set(page) >= {"data", "pagination", "links"}, sorted(page)
    pagination = page["pagination"]
    for key in ("totalElements", "elementsPerPage", "currentPage", "totalPages"):
        assert isinstance(pagination[key], int), key
    assert {"first", "self", "last"} <= set(page["links"])
    if pagination["currentPage"] < pagination["totalPages"]:
        assert "next" in page["links"]
    for obj in page["data"]:
        validate(obj, expected)
