"""Links between domains without imports between them: a post names a meeting, a milestone names
the decision that is its evidence. The row that links keeps (kind, id); the domain that owns the
kind resolves it.

A domain owns a kind by shipping `partizipation/<domain>/links.py` with:

    KIND = "meeting"                               # the kind it resolves
    LABEL = _l("Meeting")                          # what the kind is called
    def choices(session) -> list[tuple[int, str]]  # what may be linked (newest first, bounded,
                                                   # e.g. the last 200)
    def describe(session, ids) -> dict[int, tuple[str, str]]
                                                   # id -> (title, URL) of the rows that exist
                                                   # and are public; one query for all ids

A kind is looked up once its domain is registered in `domains.PACKAGES`; tests may `register`
one directly.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from importlib.util import find_spec
from typing import Any

from sqlalchemy import bindparam, literal, select, union_all
from sqlalchemy.orm import Session

from .domains import PACKAGES

_registered: dict[str, Any] = {}


def register(kind: str, provider: Any) -> None:
    """Resolve `kind` with `provider` (an object with LABEL, choices, describe)."""
    _registered[kind] = provider


def unregister(kind: str) -> None:
    _registered.pop(kind, None)


@cache
def _shipped() -> tuple[tuple[int, Any], ...]:
    """(position in PACKAGES, module) of every domain that ships a links.py: looked for once per
    process (finding a module asks the file system; a post's page asked 16 times a request)."""
    return tuple((number, import_module(f"partizipation.{package}.links"))
                 for number, package in enumerate(PACKAGES)
                 if find_spec(f"partizipation.{package}.links"))


def kinds() -> dict[str, Any]:
    """The kinds that can be linked now, in the order of the domains: kind -> provider."""
    found: dict[str, Any] = {}
    for _number, provider in _shipped():
        found[provider.KIND] = _registered.get(provider.KIND, provider)
    for kind, provider in _registered.items():
        found.setdefault(kind, provider)
    return found


def describe(session: Session, pairs: list[tuple[str, int]]) -> dict[tuple[str, int], Any]:
    """(kind, id) -> {kind, label, title, url} of the pairs that resolve; a query per kind."""
    available = kinds()
    by_kind: dict[str, list[int]] = {}
    for kind, ident in pairs:
        if kind in available:
            by_kind.setdefault(kind, []).append(ident)
    found: dict[tuple[str, int], Any] = {}
    for kind, ids in by_kind.items():
        provider = available[kind]
        for ident, (title, url) in provider.describe(session, ids).items():
            found[(kind, ident)] = {"kind": kind, "label": str(provider.LABEL), "title": title,
                                    "url": url}
    return found


def cited_by(session: Session, kind: str, ident: int) -> list[dict[str, str]]:
    """{label, title, url} of the public rows of every domain that link to (kind, ident), in one
    statement. A domain that stores links offers in its links.py either
    `citing_query(kind, ident) -> Select` of the columns (title, ref, position) — ordered by
    position, bounded — with `citing_row(title, ref) -> (label, title, url)` (all such domains are
    asked in one UNION ALL, built once per process: `citing_query` is given the kind and the id
    as bound parameters, to compare with its columns), or `citing(session, kind, ident) ->
    list[tuple[str, str, str]]` (label, title, url; a statement of its own)."""
    found: dict[int, list[dict[str, str]]] = {}
    for number, provider in _shipped():
        citing = getattr(provider, "citing", None)
        if getattr(provider, "citing_query", None) is None and citing is not None:
            found[number] = [{"label": label, "title": title, "url": url}
                             for label, title, url in citing(session, kind, ident)]
    statement = _citing_statement()
    if statement is not None:
        providers = dict(_shipped())
        for source, title, ref, _position in session.execute(
                statement, {"cited_kind": kind, "cited_id": ident}):
            label, shown, url = providers[source].citing_row(title, ref)
            found.setdefault(source, []).append({"label": label, "title": shown, "url": url})
    return [row for number in sorted(found) for row in found[number]]


@cache
def _citing_statement() -> Any:
    """The UNION ALL of every domain's `citing_query`, the cited kind and id as parameters:
    built once per process (building it took longer than the database takes to answer)."""
    parts = []
    for number, provider in _shipped():
        query = getattr(provider, "citing_query", None)
        if query is None:
            continue
        sub = query(bindparam("cited_kind"), bindparam("cited_id")).subquery()
        parts.append(select(literal(number).label("source"), sub.c.title.label("title"),
                            sub.c.ref.label("ref"), sub.c.position.label("position")))
    if not parts:
        return None
    union = union_all(*parts).subquery()
    return select(union).order_by(union.c.source, union.c.position)
