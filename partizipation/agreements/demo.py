"""Demo agreements: the Kreis Unna ↔ LAG SELBSTHILFE NRW / iZi.NRW cooperation agreement as seed
002 states it (valid until 30.04.2025, so it shows as ended), the seed 000 (Hessen) and seed 001
(Bayern) agreements with their notice rules, and the municipalities' goal-and-cooperation
agreements with the district (their states are invented)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..municipalities.models import Municipality
from .models import Agreement, AgreementKind, AgreementParty, AgreementStatus
from .notice import NoticeTo

COOPERATION_TITLE = "Kooperationsvereinbarung Kreis Unna – iZi.NRW"

# (municipality, status, signed on). Invented.
MUNICIPAL = [
    ("Bergkamen", AgreementStatus.NEGOTIATING, None),
    ("Kamen", AgreementStatus.IN_FORCE, date(2024, 3, 12)),
    ("Lünen", AgreementStatus.NEGOTIATING, None),
    ("Unna", AgreementStatus.IN_FORCE, date(2023, 11, 22)),
]


def _agreement(session: Session, parties: list[AgreementParty], **values: Any) -> Agreement:
    agreement = Agreement(**values)
    agreement.parties.extend(parties)
    session.add(agreement)
    return agreement


def seed(session: Session, users: dict[str, Any]) -> list[tuple[str, str, str]]:
    _agreement(
        session,
        [AgreementParty(organisation="Kreis Unna"),
         AgreementParty(organisation="LAG SELBSTHILFE NRW e.V., Projekt „In Zukunft inklusiv“ "
                                     "(iZi.NRW)")],
        title=COOPERATION_TITLE, kind=AgreementKind.COOPERATION.value,
        status=AgreementStatus.IN_FORCE.value,
        summary="Zusammenarbeit für wirksame politische Partizipation von Menschen mit "
                "Behinderungen im Kreis Unna (Meilensteine a bis e, Abschnitt 2.1). Beide Seiten "
                "können die Kooperation jederzeit beenden, wenn die andere sich nicht an die "
                "Vereinbarung hält (Abschnitt 7).",
        signed_on=date(2022, 11, 22), in_force_from=date(2022, 11, 22),
        valid_until=date(2025, 4, 30), notice_to=NoticeTo.ANY_TIME.value)
    _agreement(
        session,
        [AgreementParty(organisation="Landeswohlfahrtsverband Hessen"),
         AgreementParty(organisation="Lahn-Dill-Kreis"),
         AgreementParty(organisation="Sonderstatusstadt Wetzlar")],
        title="Kooperationsvereinbarung nach § 5 HAG/SGB IX (Lahn-Dill-Kreis)",
        kind=AgreementKind.COOPERATION.value, status=AgreementStatus.IN_FORCE.value,
        summary="Beispiel aus Hessen (Seed 000): sechs Monate Frist zum Jahresende.",
        in_force_from=date(2020, 2, 20), notice_months=6, notice_to=NoticeTo.YEAR.value)
    _agreement(
        session,
        [AgreementParty(organisation="Stadt Amberg"),
         AgreementParty(organisation="Bezirk Oberpfalz")],
        title="Individuelle Kooperationsvereinbarung Stadt Amberg – Bezirk Oberpfalz",
        kind=AgreementKind.ADMINISTRATIVE.value, status=AgreementStatus.IN_FORCE.value,
        summary="Beispiel aus Bayern (Seed 001): gilt bis zu einer neuen Vereinbarung; "
                "sechsmonatige Frist zum Ende des Kalenderjahres.",
        in_force_from=date(2024, 1, 1), until_replaced=True, notice_months=6,
        notice_to=NoticeTo.YEAR.value)
    by_name = {m.name: m for m in session.scalars(select(Municipality))}
    for name, status, signed_on in MUNICIPAL:
        municipality = by_name.get(name)
        if municipality is None:
            continue
        _agreement(
            session, [AgreementParty(municipality=municipality, joined_on=signed_on)],
            title=f"Ziel- und Kooperationsvereinbarung mit {name}",
            kind=AgreementKind.MUNICIPAL.value, status=status.value, signed_on=signed_on,
            in_force_from=signed_on, until_replaced=True)
    session.flush()
    return []
