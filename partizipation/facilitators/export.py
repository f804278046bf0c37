"""The network overview as a CSV file for German Excel."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..i18n import _l

if TYPE_CHECKING:
    from ..municipalities.models import Municipality
    from .models import Facilitator


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


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def _cell(value: Any) -> str:
    """Text for one cell; a leading formula character is neutralised (CSV injection)."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _hours(value: float | None) -> str:
    return "" if value is None else f"{value:g}".replace(".", ",")


def network_csv(table: Iterable[tuple[Municipality, Facilitator | None]],
                agreements: dict[int, Any] | None = None) -> str:
    """One line per facilitator; a municipality without any facilitator gets one line too
    (`table` as queries.network_table gives it; `agreements` as
    agreements.queries.municipal_agreements gives them)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow([str(c) for c in CSV_COLUMNS])
    yes, no = str(_l("yes")), str(_l("no"))
    for m, f in table:
        agreement = (agreements or {}).get(m.id)
        head = [m.name, m.ags, agreement.status_label if agreement else str(_l("No agreement")),
                _iso(agreement.signed_on) if agreement else None]
        if f is None:
            writer.writerow([_cell(v) for v in head + [""] * (len(CSV_COLUMNS) - len(head))])
            continue
        p = f.person
        writer.writerow([_cell(v) for v in head + [
            p.name, f.status_label, f.employment_label, f.association_name,
            _hours(f.weekly_hours), _iso(f.started_on), _iso(f.trained_on),
            f.training_provider, _iso(f.ended_on), p.email, p.phone,
            yes if p.is_listed else no,
        ]])
    return out.getvalue()
