"""Milestones as a kind other domains can link to (partizipation/links.py), and the milestones
that cite another domain's row as their evidence (`citing`, read by links.cited_by)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, String, cast, func, select
from sqlalchemy.orm import Session

from ..i18n import _l
from .models import Evidence, Milestone

KIND = "milestone"
LABEL = _l("Milestone")


def _title(milestone: Milestone) -> str:
    return f"{milestone.code}) {milestone.title}"


def _url(milestone_id: int) -> str:
    from flask import url_for

    return url_for("milestones.detail", milestone_id=milestone_id)


def choices(session: Session) -> list[tuple[int, str]]:
    rows = session.scalars(select(Milestone).order_by(Milestone.id.desc()).limit(200))
    return [(m.id, _title(m)) for m in rows]


def describe(session: Session, ids: list[int]) -> dict[int, tuple[str, str]]:
    if not ids:
        return {}
    rows = session.scalars(select(Milestone).where(Milestone.id.in_(set(ids))))
    return {m.id: (_title(m), _url(m.id)) for m in rows}


def citing_query(kind: str, ident: int) -> Select[Any]:
    """The milestones whose evidence is (kind, ident): ("code) title", id, position), for
    links.cited_by."""
    cited = (select(Milestone.id, Milestone.code, Milestone.title)
             .join(Evidence, Evidence.milestone_id == Milestone.id)
             .where(Evidence.kind == kind, Evidence.target_id == ident).distinct().subquery())
    return select((cited.c.code + ") " + cited.c.title).label("title"),
                  cast(cited.c.id, String).label("ref"),
                  func.row_number().over(order_by=(cited.c.code, cited.c.id)).label("position"))


def citing_row(title: str, ref: str) -> tuple[str, str, str]:
    return str(LABEL), title, _url(int(ref))

