"""Quorum, vote checks and every status transition of a decision, with the bad input the issue
names: votes that do not add up, approval before the meeting, status jumps, attendance before the
meeting and for non-invitees."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from partizipation import clock
from partizipation.decisions.models import DecisionEvent
from partizipation.decisions.services import DecisionData, allowed, move, take_decision
from partizipation.domain import DomainError
from partizipation.meetings.attendance import Entry, needed, record_attendance, save_rules
from partizipation.meetings.models import Attendance

from .factories import create_decision, held_meeting

pytestmark = pytest.mark.usefixtures("ctx")


@pytest.fixture(autouse=True)
def english(ctx):  # noqa: ARG001 - inside the request context
    """The messages are matched in English (the default locale is German)."""
    from flask_babel import force_locale

    with force_locale("en"):
        yield


def _present(held, *who, deputy_for=None):
    entries = []
    for invitee in [*held.members, held.deputy, held.guest]:
        here = invitee in who
        entries.append(Entry(invitee.id, "present" if here else "excused",
                             deputy_for_id=deputy_for.id if (here and invitee is held.deputy
                                                             and deputy_for) else None))
    return entries


@pytest.mark.parametrize(("rule", "members", "expected"), [
    ("more_than_half", 2, 2), ("more_than_half", 3, 2), ("more_than_half", 10, 6),
    ("one_third", 10, 4), ("two_thirds", 10, 7), ("two_thirds", 3, 2), ("none", 10, 0),
    ("more_than_half", 0, 0),
])
def test_quorum_needed(rule, members, expected):
    assert needed(rule, members) == expected


def test_attendance_counts_members_and_the_deputy_for_an_absent_one(db_session, cast):
    held = held_meeting(db_session, cast)
    officer = cast.user("officer")
    result = record_attendance(db_session, held.meeting, _present(held, held.members[1]),
                               guests="Frau Gast", actor=officer)
    assert (result.present, result.members, result.needed, result.reached) == (1, 2, 2, False)
    result = record_attendance(
        db_session, held.meeting, _present(held, held.members[1], held.deputy,
                                           deputy_for=held.members[0]),
        guests="", actor=officer)
    assert (result.present, result.reached) == (2, True)
    assert db_session.scalar(select(Attendance).where(
        Attendance.invitee_id == held.deputy.id)).deputy_for_id == held.members[0].id


def test_quorum_follows_the_bodys_rule(db_session, cast):
    held = held_meeting(db_session, cast)
    save_rules(db_session, cast.council.id, quorum_rule="one_third", decisions_need_approval=True)
    result = record_attendance(db_session, held.meeting, _present(held, held.members[1]),
                               guests="", actor=cast.user("officer"))
    assert (result.needed, result.reached) == (1, True)


def test_attendance_refused_before_the_meeting(db_session, cast):
    held = held_meeting(db_session, cast, days=3, status="invited")
    with pytest.raises(DomainError, match="once the meeting has started"):
        record_attendance(db_session, held.meeting, _present(held), guests="",
                          actor=cast.user("officer"))


def test_attendance_refused_for_someone_not_invited(db_session, cast):
    held = held_meeting(db_session, cast)
    other = held_meeting(db_session, cast)
    entries = [*_present(held, held.members[0]), Entry(other.members[1].id, "present")]
    with pytest.raises(DomainError, match="Only invitees of this meeting"):
        record_attendance(db_session, held.meeting, entries, guests="",
                          actor=cast.user("officer"))
    assert db_session.scalar(select(Attendance).where(
        Attendance.meeting_id == held.meeting.id)) is None


def test_deputy_cannot_stand_in_for_a_member_present(db_session, cast):
    held = held_meeting(db_session, cast)
    with pytest.raises(DomainError, match="nobody can stand in") as error:
        record_attendance(db_session, held.meeting,
                          _present(held, held.members[0], held.deputy,
                                   deputy_for=held.members[0]),
                          guests="", actor=cast.user("officer"))
    assert error.value.field == "people-2-deputy_for_id"


def test_attendance_bad_time(db_session, cast):
    held = held_meeting(db_session, cast)
    entries = _present(held, held.members[0])
    entries[0].arrived_late = "25:99"
    with pytest.raises(DomainError, match="like 18:20") as error:
        record_attendance(db_session, held.meeting, entries, guests="",
                          actor=cast.user("officer"))
    assert error.value.field == "people-0-arrived_late"


def _votes(held, yes, no, abstain):
    return DecisionData(agenda_item_id=held.public_item.id, text="Wir empfehlen Rampen.",
                        result="votes", votes_yes=yes, votes_no=no, votes_abstain=abstain)


def test_votes_must_fit_the_voting_members_present(db_session, cast):
    held = held_meeting(db_session, cast)
    officer = cast.user("officer")
    with pytest.raises(DomainError, match="Record the attendance first"):
        take_decision(db_session, held.meeting, _votes(held, 2, 0, 0), actor=officer)
    record_attendance(db_session, held.meeting,
                      _present(held, held.members[1], held.deputy, deputy_for=held.members[0]),
                      guests="", actor=officer)
    with pytest.raises(DomainError, match="add up to 3, but 2 voting members") as error:
        take_decision(db_session, held.meeting, _votes(held, 2, 1, 0), actor=officer)
    assert error.value.field == "votes_yes"
    with pytest.raises(DomainError, match="cannot be negative"):
        take_decision(db_session, held.meeting, _votes(held, 3, -1, 0), actor=officer)
    decision = take_decision(db_session, held.meeting, _votes(held, 1, 0, 1), actor=officer)
    assert (decision.votes_yes, decision.votes_abstain, decision.status) == (1, 1, "taken")
    assert decision.needs_approval is True


def test_decision_bad_input(db_session, cast):
    held = held_meeting(db_session, cast)
    other = held_meeting(db_session, cast)
    officer = cast.user("officer")
    with pytest.raises(DomainError) as error:
        take_decision(db_session, held.meeting,
                      DecisionData(agenda_item_id=other.public_item.id, text="x"), actor=officer)
    assert error.value.field == "agenda_item_id"
    with pytest.raises(DomainError) as error:
        take_decision(db_session, held.meeting,
                      DecisionData(agenda_item_id=held.public_item.id, text="  "), actor=officer)
    assert error.value.field == "text"
    with pytest.raises(DomainError) as error:
        take_decision(db_session, held.meeting,
                      DecisionData(agenda_item_id=held.public_item.id, text="x",
                                   due_on=clock.today() - timedelta(days=30)), actor=officer)
    assert error.value.field == "due_on"
    upcoming = held_meeting(db_session, cast, days=5, status="invited")
    with pytest.raises(DomainError, match="once the meeting has started"):
        take_decision(db_session, upcoming.meeting,
                      DecisionData(agenda_item_id=upcoming.public_item.id, text="x"),
                      actor=officer)


def test_the_whole_way_with_the_landrats_approval(db_session, cast):
    held = held_meeting(db_session, cast)
    officer = cast.user("officer")
    decision = take_decision(db_session, held.meeting,
                             DecisionData(agenda_item_id=held.public_item.id, text="Rampen."),
                             actor=officer)
    assert allowed(decision) == ["submit", "drop"]
    move(db_session, decision, "submit", actor=officer, note="An den Landrat")
    assert decision.status == "submitted"
    with pytest.raises(DomainError) as error:
        move(db_session, decision, "approve", actor=officer, approver="landrat",
             on=clock.today() - timedelta(days=30))
    assert error.value.field == "on" and "before the meeting" in str(error.value)
    with pytest.raises(DomainError) as error:
        move(db_session, decision, "approve", actor=officer, approver="landrat",
             on=clock.today() + timedelta(days=1))
    assert error.value.field == "on"
    with pytest.raises(DomainError) as error:
        move(db_session, decision, "approve", actor=officer, approver="", on=clock.today())
    assert error.value.field == "approver"
    move(db_session, decision, "approve", actor=officer, approver="landrat", on=clock.today(),
         reference="LR-2026-17")
    assert (decision.status, decision.approved_by, decision.approval_reference) == (
        "approved", "landrat", "LR-2026-17")
    move(db_session, decision, "communicate", actor=officer)
    move(db_session, decision, "implement", actor=officer, on=clock.today(), note="Rampe steht")
    assert (decision.status, decision.implemented_on) == ("implemented", clock.today())
    assert allowed(decision) == []
    steps = db_session.scalars(select(DecisionEvent.to_status).where(
        DecisionEvent.decision_id == decision.id).order_by(DecisionEvent.id)).all()
    assert steps == ["taken", "submitted", "approved", "communicated", "implemented"]
    events = db_session.scalars(select(DecisionEvent).where(
        DecisionEvent.decision_id == decision.id).order_by(DecisionEvent.id)).all()
    assert events[1].actor_id == officer.id and events[1].note == "An den Landrat"


def test_not_approved_needs_a_reason_then_can_be_dropped(db_session, cast):
    held = held_meeting(db_session, cast)
    officer = cast.user("officer")
    decision = create_decision(db_session, held, status="submitted")
    with pytest.raises(DomainError) as error:
        move(db_session, decision, "reject", actor=officer, reason=" ")
    assert error.value.field == "reason"
    move(db_session, decision, "reject", actor=officer, reason="Kein Geld im Haushalt")
    assert (decision.status, decision.rejection_reason) == ("not_approved",
                                                            "Kein Geld im Haushalt")
    assert allowed(decision) == ["drop"]
    with pytest.raises(DomainError) as error:
        move(db_session, decision, "drop", actor=officer)
    assert error.value.field == "note"
    move(db_session, decision, "drop", actor=officer, note="Nicht weiter verfolgt")
    assert decision.status == "dropped"


@pytest.mark.parametrize(("status", "action", "message"), [
    ("taken", "implement", "must be approved"),
    ("taken", "communicate", "must be approved"),
    ("submitted", "implement", "must be approved"),
    ("approved", "implement", "communicated first"),
    ("approved", "approve", "not possible now"),
    ("implemented", "drop", "not possible now"),
    ("dropped", "submit", "not possible now"),
    ("communicated", "submit", "not possible now"),
])
def test_status_jumps_are_refused(db_session, cast, status, action, message):
    held = held_meeting(db_session, cast)
    decision = create_decision(db_session, held, status=status)
    with pytest.raises(DomainError, match=message):
        move(db_session, decision, action, actor=cast.user("officer"), on=clock.today(),
             approver="landrat", note="x")
    db_session.refresh(decision)
    assert decision.status == status


def test_a_body_without_approval_skips_the_step(db_session, cast):
    save_rules(db_session, cast.council.id, quorum_rule="more_than_half",
               decisions_need_approval=False)
    held = held_meeting(db_session, cast)
    officer = cast.user("officer")
    decision = take_decision(db_session, held.meeting,
                             DecisionData(agenda_item_id=held.public_item.id, text="Info."),
                             actor=officer)
    assert decision.needs_approval is False
    assert allowed(decision) == ["communicate", "drop"]
    with pytest.raises(DomainError, match="need no approval"):
        move(db_session, decision, "submit", actor=officer)
    move(db_session, decision, "communicate", actor=officer)
    assert decision.status == "communicated"


def test_second_concurrent_move_gets_a_clear_message(db_session, cast):
    """The second person acted on the status they saw; the first moved it meanwhile."""
    held = held_meeting(db_session, cast)
    officer = cast.user("officer")
    decision = create_decision(db_session, held, status="submitted")
    from sqlalchemy import update

    from partizipation.decisions.models import Decision

    db_session.execute(update(Decision).where(Decision.id == decision.id)
                       .values(status="approved").execution_options(synchronize_session=False))
    assert decision.status == "submitted"  # what the second person saw
    with pytest.raises(DomainError, match="Someone else changed this decision meanwhile"):
        move(db_session, decision, "reject", actor=officer, reason="zu teuer")
    assert decision.status == "approved"
    assert db_session.scalar(select(DecisionEvent).where(
        DecisionEvent.decision_id == decision.id,
        DecisionEvent.to_status == "not_approved")) is None


def test_attendance_is_in_the_persons_data_export(db_session, cast):
    from partizipation.meetings.personal import export

    held = held_meeting(db_session, cast)
    record_attendance(db_session, held.meeting, _present(held, held.members[0]), guests="",
                      actor=cast.user("officer"))
    data = export(db_session, cast.user("invited"), cast.persons["invited"])
    assert [i["attendance"] for i in data["invitations"]] == ["present"]


def test_a_meeting_with_decisions_cannot_move_into_the_future(app, db_session, cast):
    """Decisions are recorded once the meeting has started, and stay so: the public decision
    list shows only meetings that have started, and finds them all."""
    from partizipation.meetings.services import MeetingData, update_meeting

    held = held_meeting(db_session, cast, days=-2, status="invited")
    officer = cast.user("officer")

    def moved(days: int) -> MeetingData:
        return MeetingData(title=held.meeting.title, body_id=cast.council.id, kind="session",
                           starts_on=clock.today() + timedelta(days=days), start_time="17:00",
                           ends_on=None, end_time="19:00", format="online", place_id=None)

    update_meeting(db_session, held.meeting, moved(5), actor=officer)  # no decisions yet
    update_meeting(db_session, held.meeting, moved(-3), actor=officer)
    take_decision(db_session, held.meeting,
                  DecisionData(agenda_item_id=held.public_item.id, text="Eine Rampe."),
                  actor=officer)
    db_session.commit()
    with pytest.raises(DomainError, match="cannot move into the future") as error:
        update_meeting(db_session, held.meeting, moved(5), actor=officer)
    assert error.value.field == "starts_on"
    db_session.rollback()
    update_meeting(db_session, held.meeting, moved(-4), actor=officer)  # within the past: fine
    db_session.commit()
    assert "Eine Rampe." in app.test_client().get("/beschluesse").get_data(as_text=True)
