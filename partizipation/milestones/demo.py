"""Demo milestones a–e of the Kreis Unna cooperation agreement (seed 002 §2.1), with realistic
(invented) states and history, the statute's steps with two draft versions; milestone (e) reads
the municipalities' agreements (agreements demo)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..agreements.demo import COOPERATION_TITLE
from ..agreements.models import Agreement
from .models import Evidence, Milestone, MilestoneEvent, MilestoneStep, StepDocument

MILESTONES = [
    ("a", "Satzung über die Belange von Menschen mit Behinderungen",
     "Der Kreistag verabschiedet eine Satzung über die Wahrung der Belange von Menschen mit "
     "Behinderungen nach § 13 Behindertengleichstellungsgesetz NRW.",
     "Der Kreis macht eine Regel für die Rechte von Menschen mit Behinderung. Die Regel heißt "
     "Satzung. Der Kreistag stimmt darüber ab.",
     "structure", "in_progress", date(2025, 12, 31), None),
    ("b", "Rolle der Kreisinklusionsbeauftragten",
     "Rolle und Aufgaben der Kreisinklusionsbeauftragten werden evaluiert, angepasst und in die "
     "Satzung aufgenommen.",
     "Die Inklusions-Beauftragte hat Aufgaben. Die Aufgaben werden geprüft und in die Satzung "
     "geschrieben.", "structure", "achieved", date(2024, 6, 30), date(2024, 5, 14)),
    ("c", "Wirksame politische Teilhabe des Selbstvertretungsgremiums",
     "Es wird evaluiert, ob das Selbstvertretungsgremium wirksam politisch teilhaben kann; "
     "Verbesserungen werden vorgenommen; eine kreisweite partizipative Struktur entsteht.",
     "", "activity", "in_progress", date(2025, 3, 31), None),
    ("d", "Stellen für Partizipationsbegleiter*innen",
     "Der Kreis unterstützt die Kommunen bei der Schaffung von Stellen für "
     "Partizipationsbegleiter*innen.", "", "culture", "in_progress", date(2026, 12, 31), None),
    ("e", "Ziel- und Kooperationsvereinbarungen mit den Kommunen",
     "Mit jeder Kommune wird eine verbindliche Ziel- und Kooperationsvereinbarung geschlossen: "
     "Ziele und Aufgaben der Partizipationsbegleiter*innen, koordinierende Rolle der "
     "Kreisinklusionsbeauftragten.", "", "structure", "in_progress", date(2026, 6, 30), None),
]
STEPS = [  # milestone (a): the statute's path
    ("draft", date(2024, 2, 1), "Erster Entwurf der Verwaltung"),
    ("consulted", date(2024, 9, 12), "Der Inklusionsbeirat hat den Entwurf beraten."),
    ("committee", None, ""),
    ("adopted", None, ""),
    ("published", None, ""),
    ("in_force", None, ""),
]
DRAFTS = [
    (1, "Satzungsentwurf (erste Fassung)", date(2024, 2, 1)),
    (2, "Satzungsentwurf (nach Beratung im Beirat)", date(2024, 10, 2)),
]


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 10, tzinfo=UTC)


def seed(session: Session, users: dict[str, Any]) -> list[tuple[str, str, str]]:
    agreement = session.scalar(select(Agreement).where(Agreement.title == COOPERATION_TITLE))
    if agreement is None:
        return []
    officer = users.get("officer")
    actor_id = officer.id if officer else None
    start = date(2022, 11, 22)
    for code, title, text, easy, component, status, target, achieved in MILESTONES:
        milestone = Milestone(
            agreement_id=agreement.id, code=code, title=title, description=text,
            easy_text=easy, easy_checked_by="Prüfgruppe Leichte Sprache (erfunden)" if easy
            else "", easy_checked_on=date(2024, 3, 1) if easy else None, component=component,
            status=status, target_date=target, achieved_on=achieved,
            responsible="Kreisinklusionsbeauftragte (erfunden)", started_on=start)
        session.add(milestone)
        session.flush()
        session.add(MilestoneEvent(milestone_id=milestone.id, at=_at(start), actor_id=actor_id,
                                   from_status=None, to_status="planned",
                                   note="Aus der Kooperationsvereinbarung übernommen"))
        session.add(MilestoneEvent(milestone_id=milestone.id, at=_at(date(2023, 3, 1)),
                                   actor_id=actor_id, from_status="planned",
                                   to_status="in_progress", note="Arbeit begonnen"))
        if status == "achieved" and achieved:
            session.add(MilestoneEvent(milestone_id=milestone.id, at=_at(achieved),
                                       actor_id=actor_id, from_status="in_progress",
                                       to_status="achieved",
                                       note="In den Satzungsentwurf aufgenommen"))
        if code == "a":
            for position, (stage, day, note) in enumerate(STEPS, start=1):
                step = MilestoneStep(milestone_id=milestone.id, stage=stage, position=position,
                                     happened_on=day, note=note)
                session.add(step)
                session.flush()
                if stage == "draft":
                    for version, doc_title, dated in DRAFTS:
                        session.add(StepDocument(
                            step_id=step.id, version=version, title=doc_title, dated_on=dated,
                            url=f"https://example.org/kreis-unna/satzung-entwurf-{version}.pdf"))
    session.flush()
    _link_statute_decision(session, actor_id)
    return []


def _link_statute_decision(session: Session, actor_id: int | None) -> None:
    """Once a domain resolves the kind "decision" (and its demo ran before this one), the
    decision on the statute becomes milestone (a)'s evidence."""
    from .. import links

    provider = links.kinds().get("decision")
    milestone = session.scalar(select(Milestone).where(Milestone.code == "a"))
    if provider is None or milestone is None:
        return
    found = next((ident for ident, title in provider.choices(session)
                  if "satzung" in title.lower()), None)
    if found is not None:
        session.add(Evidence(milestone_id=milestone.id, kind="decision", target_id=found,
                             note="Beschluss zur Satzung", created_by_id=actor_id))
        session.flush()
