"""Demo rows of Meetings II, on the past Lenkungsgruppe meeting of the meetings' demo: its
attendance (a deputy standing in), approved minutes in two revisions with a non-public item, and
three decisions: one approved by the Landrat, one waiting for approval, one implemented. The
facilitators' network has held no meeting, so the officer's /mein-bereich shows it behind its
rhythm."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import clock
from ..meetings.attendance import Entry, invitees_with_people, is_voting_member, record_attendance
from ..meetings.minutes import MinutesData, approve_minutes, save_minutes, send_for_corrections
from ..meetings.models import AgendaItem, Meeting
from ..meetings.services import agenda
from .services import DecisionData, move, take_decision

TITLE = "Lenkungsgruppe: Rückblick und Ziele"


def seed(session: Session, users: dict[str, Any]) -> list[tuple[str, str, str]]:
    officer = users["officer"]
    meeting = session.scalar(select(Meeting).where(Meeting.title == TITLE))
    if meeting is None:
        return []
    # The agenda of a held meeting is closed: the non-public item is added as a row.
    session.add(AgendaItem(meeting_id=meeting.id, position=len(agenda(session, meeting)) + 1,
                           title="Personalangelegenheit der Geschäftsstelle", is_public=False))
    session.flush()
    items = agenda(session, meeting)
    invitees = invitees_with_people(session, meeting)
    voting = [i for i in invitees if is_voting_member(i)]
    absent = voting[0] if voting else None
    entries = []
    for invitee in invitees:
        if invitee is absent:
            entries.append(Entry(invitee.id, "excused"))
        elif invitee.source == "deputy" or (absent is not None and not is_voting_member(invitee)
                                            and invitee.role == "deputy"):
            entries.append(Entry(invitee.id, "present", deputy_for_id=absent.id if absent
                                 else None))
        else:
            entries.append(Entry(invitee.id, "present",
                                 arrived_late="10:20" if invitee is invitees[-1] else ""))
    record_attendance(session, meeting, entries, guests="Dolmetscherin für Gebärdensprache "
                      "(erfunden)", actor=officer)
    general = ("<p>Die Vorsitzende begrüßt die Anwesenden. Das Protokoll schreibt die "
               "Kreisinklusionsbeauftragte.</p>")
    texts = {items[0].id: "<p>Die Kreisinklusionsbeauftragte berichtet über das erste Jahr.</p>",
             items[1].id: "<p>Drei Meilensteine sind erreicht, zwei verzögern sich.</p>"}
    save_minutes(session, meeting, MinutesData(general=general, items=texts),
                         actor=officer)
    texts[items[1].id] += "<p>Die Lenkungsgruppe bittet um einen Zeitplan für die übrigen.</p>"
    texts[items[-1].id] = "<p>Besprochen wurde eine Stellenbesetzung (nicht öffentlich).</p>"
    save_minutes(session, meeting, MinutesData(
        general=general, items=texts,
        easy_summary="Die Lenkungs·gruppe hat sich getroffen.\nSie hat 3 Beschlüsse gefasst.",
        easy_checked_by="Prüfgruppe Leichte Sprache (erfunden)",
        easy_checked_on=clock.today() - timedelta(days=40)), actor=officer)
    from ..meetings.attendance import record_of

    record = record_of(session, meeting)
    send_for_corrections(session, meeting, record, actor=officer)
    meeting_day = clock.local(meeting.starts_at).date()
    approve_minutes(session, meeting, record, on=meeting_day + timedelta(days=30), by="officer",
                    actor=officer)

    approved = take_decision(session, meeting, DecisionData(
        agenda_item_id=items[0].id, text="Der Kreis richtet eine Beschwerdestelle für "
        "Barrieren in Kreisgebäuden ein.", responsible="Kreisinklusionsbeauftragte",
        due_on=meeting_day + timedelta(days=180)), actor=officer)
    move(session, approved, "submit", actor=officer, note="Vorlage an den Landrat")
    move(session, approved, "approve", actor=officer, approver="landrat",
         on=meeting_day + timedelta(days=20), reference="LR-2026-041 (erfunden)")
    waiting = take_decision(session, meeting, DecisionData(
        agenda_item_id=items[1].id, text="Der Satzungsentwurf (zweite Fassung) wird dem "
        "Kreistag zur Beratung vorgelegt; für die verzögerten Meilensteine wird bis zur nächsten "
        "Sitzung ein Zeitplan vorgelegt.", kind="recommendation_kreistag",
        responsible="Fachbereich Soziales (erfunden)",
        due_on=meeting_day + timedelta(days=60)), actor=officer)
    move(session, waiting, "submit", actor=officer)
    done = take_decision(session, meeting, DecisionData(
        agenda_item_id=items[1].id, text="Die Sitzungsunterlagen gibt es künftig immer auch "
        "in Leichter Sprache.", responsible="Geschäftsstelle"), actor=officer)
    move(session, done, "submit", actor=officer)
    move(session, done, "approve", actor=officer, approver="verwaltungskonferenz",
         on=meeting_day + timedelta(days=10), reference="VK 03/2026 (erfunden)")
    move(session, done, "communicate", actor=officer, note="Im Kreistag und in der Verwaltung")
    move(session, done, "implement", actor=officer, on=meeting_day + timedelta(days=45),
         note="Seit der letzten Sitzung umgesetzt")
    session.flush()
    return []
