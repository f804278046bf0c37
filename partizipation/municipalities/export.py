"""This domain's part of a person's data export (GDPR Art. 15/20), and the network CSV."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..accounts.models import User
from ..i18n import _l

if TYPE_CHECKING:
    from .queries import MunicipalityRow


def export_user_data(session: Session, user: User) -> dict[str, Any]:
    """What this domain stores about `user`: facilitator roles (with history), contact roles."""
    from ..people.models import Person
    from .models import Facilitator, MunicipalityContact

    facilitators = session.scalars(
        select(Facilitator).join(Person, Facilitator.person_id == Person.id)
        .where(Person.user_id == user.id)
        .options(selectinload(Facilitator.municipality), selectinload(Facilitator.events))
        .order_by(Facilitator.id)
    )
    contacts = session.scalars(
        select(MunicipalityContact).where(MunicipalityContact.user_id == user.id)
        .options(selectinload(MunicipalityContact.municipality))
        .order_by(MunicipalityContact.id)
    )
    return {
        "facilitator_roles": [_facilitator(f) for f in facilitators],
        "municipality_contact_roles": [
            {
                "municipality": c.municipality.name,
                "since": c.created_at.isoformat(),
                "ended_at": c.ended_at.isoformat() if c.ended_at else None,
            }
            for c in contacts
        ],
    }


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def _facilitator(f: Any) -> dict[str, Any]:
    return {
        "municipality": f.municipality.name,
        "status": f.status,
        "employment_model": f.employment_model,
        "association_name": f.association_name,
        "weekly_hours": f.weekly_hours,
        "started_on": _iso(f.started_on),
        "trained_on": _iso(f.trained_on),
        "training_provider": f.training_provider,
        "ended_on": _iso(f.ended_on),
        "end_reason": f.end_reason,
        "history": [
            {"at": e.created_at.isoformat(), "action": e.action, "from": e.from_status,
             "to": e.to_status, "reason": e.reason}
            for e in f.events
        ],
    }


# Semicolons and a byte order mark: German Excel reads the file as UTF-8 with its default list
# separator (a comma there is the decimal separator, so "19,5" hours stay one number).
CSV_DELIMITER = ";"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

CSV_COLUMNS = (
    _l("Municipality"), _l("AGS"), _l("Agreement"), _l("Agreement signed on"),
    _l("Facilitator"), _l("Status"), _l("Employment model"), _l("Association"),
    _l("Hours per week"), _l("Start date"), _l("Trained on"), _l("Training provider"),
    _l("Ended on"), _l("Email address"), _l("Phone"), _l("Listed publicly"),
)


def _cell(value: Any) -> str:
    """Text for one cell; a leading formula character is neutralised (CSV injection)."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _hours(value: float | None) -> str:
    return "" if value is None else f"{value:g}".replace(".", ",")


def network_csv(rows: list[MunicipalityRow]) -> str:
    """One line per facilitator; a municipality without any facilitator gets one line too."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow([str(c) for c in CSV_COLUMNS])
    yes, no = str(_l("yes")), str(_l("no"))
    for row in rows:
        m = row.municipality
        head = [m.name, m.ags, m.agreement_label, _iso(m.agreement_signed_on)]
        if not row.facilitators:
            writer.writerow([_cell(v) for v in head + [""] * (len(CSV_COLUMNS) - len(head))])
        for f in row.facilitators:
            p = f.person
            writer.writerow([_cell(v) for v in head + [
                p.name, f.status_label, f.employment_label, f.association_name,
                _hours(f.weekly_hours), _iso(f.started_on), _iso(f.trained_on),
                f.training_provider, _iso(f.ended_on), p.email, p.phone,
                yes if p.is_listed else no,
            ]])
    return out.getvalue()
