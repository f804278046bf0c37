"""Read-only queries of agreements, each a fixed number of statements whatever the number of
agreements, parties and documents."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from flask import g, has_request_context
from sqlalchemy import and_, bindparam, case, select
from sqlalchemy.orm import Session, joinedload, selectinload

from ..municipalities.models import Municipality
from ..paging import Page, paginate
from .models import (
    Agreement,
    AgreementDocument,
    AgreementKind,
    AgreementParty,
    AgreementStatus,
)

_ORDER = {AgreementStatus.IN_FORCE.value: 0, AgreementStatus.NEGOTIATING.value: 1,
          AgreementStatus.DRAFT.value: 2, AgreementStatus.ENDED.value: 3}


def _loaded() -> Any:
    return (selectinload(Agreement.parties).joinedload(AgreementParty.municipality),
            selectinload(Agreement.documents))


def agreements_page(session: Session) -> tuple[Page[Any], dict[int, list[Any]],
                                                 dict[int, list[Any]]]:
    """One page of agreements, newest first, as rows of the columns the list shows, with their
    parties (rows of name, joined_on, left_on) and documents by agreement id (three statements,
    built once per process)."""
    page = paginate(session, _page_statement(), scalars=False, params={})
    parties: dict[int, list[Any]] = {}
    documents: dict[int, list[Any]] = {}
    if page.items:
        ids = {"ids": [row.id for row in page.items]}
        for row in session.execute(_parties_statement(), ids):
            parties.setdefault(row.agreement_id, []).append(row)
        for row in session.execute(_documents_statement(), ids):
            documents.setdefault(row.agreement_id, []).append(row)
    return page, parties, documents


@cache
def _page_statement() -> Any:
    return (select(Agreement.id, Agreement.title, Agreement.kind, Agreement.status,
                   Agreement.end_reason, Agreement.signed_on, Agreement.in_force_from,
                   Agreement.valid_until, Agreement.until_replaced, Agreement.notice_months,
                   Agreement.notice_to, Agreement.ended_on)
            .order_by(Agreement.kind == AgreementKind.MUNICIPAL,
                      Agreement.signed_on.desc().nulls_last(), Agreement.id.desc()))


@cache
def _parties_statement() -> Any:
    # A party's name: its municipality's, else the organisation's (AgreementParty.name).
    name = case((Municipality.id.is_not(None), Municipality.name),
                else_=AgreementParty.organisation)
    return (select(AgreementParty.agreement_id, name.label("name"), AgreementParty.joined_on,
                   AgreementParty.left_on)
            .outerjoin(Municipality, AgreementParty.municipality_id == Municipality.id)
            .where(AgreementParty.agreement_id.in_(bindparam("ids", expanding=True)))
            .order_by(AgreementParty.id))


@cache
def _documents_statement() -> Any:
    return (select(AgreementDocument.agreement_id, AgreementDocument.id,
                   AgreementDocument.title, AgreementDocument.url,
                   AgreementDocument.stored_name, AgreementDocument.mime_type,
                   AgreementDocument.size)
            .where(AgreementDocument.agreement_id.in_(bindparam("ids", expanding=True)))
            .order_by(AgreementDocument.id))


def agreement(session: Session, agreement_id: int) -> Agreement | None:
    return session.scalar(select(Agreement).where(Agreement.id == agreement_id)
                          .options(*_loaded()))


def municipal_agreements(session: Session) -> dict[int, Agreement]:
    """Each municipality's goal-and-cooperation agreement with the district (its latest one):
    municipality id -> agreement (one statement with the documents joined, once per request)."""
    cache = g.get("_municipal_agreements") if has_request_context() else None
    if cache is not None:
        return cache  # type: ignore[no-any-return]
    rows = session.execute(_municipal_statement(False)).unique()
    return _keep(_latest((m, a) for m, a in rows if m is not None))


def municipal_agreements_of(session: Session, municipality_id: int) -> dict[int, Agreement]:
    """`municipal_agreements` of one municipality (the page of a municipality): its entry, or
    none; one statement that reads that municipality's agreements only."""
    cache = g.get("_municipal_agreements") if has_request_context() else None
    if cache is None:
        cache = _latest(session.execute(_municipal_statement(True),
                                        {"municipality_id": municipality_id}).unique())
    found = cache.get(municipality_id)
    return {} if found is None else {municipality_id: found}


@cache
def _municipal_statement(one: bool) -> Any:
    """The municipal agreements with their parties' municipalities and their documents (of one
    municipality: a bind parameter), oldest first; built once per process."""
    query = (select(AgreementParty.municipality_id, Agreement)
             .join(Agreement, AgreementParty.agreement_id == Agreement.id)
             .where(Agreement.kind == AgreementKind.MUNICIPAL,
                    AgreementParty.municipality_id.is_not(None))
             .options(joinedload(Agreement.documents))
             .order_by(Agreement.id))
    if one:
        query = query.where(AgreementParty.municipality_id == bindparam("municipality_id"))
    return query


def municipalities_with_agreements(session: Session) -> list[tuple[Any, Any, list[Any]]]:
    """Every municipality by name as rows for a table: (municipality id and name, its
    agreement's id, status and dates or None, that agreement's documents), the agreement chosen
    as `municipal_agreements` chooses it. One statement, the documents joined; plain columns,
    not objects."""
    rows = session.execute(_towns_statement()).all()
    towns: dict[int, Any] = {}
    documents: dict[tuple[int, int], list[Any]] = {}
    for row in rows:
        towns.setdefault(row.town_id, row)
        if row.document_id is not None:
            documents.setdefault((row.town_id, row.id), []).append(row)
    latest = _latest((row.town_id, row) for row in rows if row.id is not None)
    return [(town, latest.get(town_id), documents.get((town_id, latest[town_id].id), [])
             if town_id in latest else [])
            for town_id, town in towns.items()]


@cache
def _towns_statement() -> Any:
    """`municipalities_with_agreements`' statement (built once per process)."""
    return (select(Municipality.id.label("town_id"), Municipality.name, Agreement.id,
                   Agreement.status, Agreement.signed_on, Agreement.valid_until,
                   Agreement.ended_on, AgreementDocument.id.label("document_id"),
                   AgreementDocument.title, AgreementDocument.url,
                   AgreementDocument.stored_name, AgreementDocument.mime_type,
                   AgreementDocument.size)
            .outerjoin(AgreementParty, AgreementParty.municipality_id == Municipality.id)
            .outerjoin(Agreement, and_(Agreement.id == AgreementParty.agreement_id,
                                       Agreement.kind == AgreementKind.MUNICIPAL))
            .outerjoin(AgreementDocument, AgreementDocument.agreement_id == Agreement.id)
            .order_by(Municipality.name, Municipality.id, Agreement.id, AgreementDocument.id))


def _latest(rows: Iterable[tuple[int, Any]]) -> dict[int, Any]:
    found: dict[int, Any] = {}
    for municipality_id, row in rows:
        current = found.get(municipality_id)
        # The latest that counts: one in force wins over an older ended one.
        if current is None or _ORDER.get(row.status, 9) <= _ORDER.get(current.status, 9):
            found[municipality_id] = row
    return found


def _keep(found: dict[int, Agreement]) -> dict[int, Agreement]:
    if has_request_context():
        g._municipal_agreements = found
    return found


def signed_municipalities(session: Session) -> set[int]:
    """The municipalities whose agreement is in force today (as shown, not as last recorded)."""
    return {m for m, a in municipal_agreements(session).items()
            if a.effective_status() == AgreementStatus.IN_FORCE}
