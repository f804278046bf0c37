"""Actions on milestones. They flush, never commit; a broken rule raises DomainError naming the
form field. A status change is a conditional UPDATE (… WHERE status = the status the officer saw):
when someone else changed it meanwhile, nothing is written and the officer is told."""

from __future__ import annotations

from datetime import date
from typing import IO, Any

from flask import current_app
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .. import clock
from .. import links as cross_links
from ..agreements.models import Agreement
from ..domain import DomainError
from ..i18n import _l
from ..locking import lock_row
from ..uploads import DOCUMENTS, store_upload, upload_folder
from .models import (
    NOTE_REQUIRED,
    Evidence,
    Milestone,
    MilestoneEvent,
    MilestoneStatus,
    MilestoneStep,
    StepDocument,
)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def _day(value: date) -> str:
    return value.strftime("%d.%m.%Y")


def save_milestone(session: Session, milestone: Milestone | None, data: dict[str, Any], *,
                   actor: Any) -> Milestone:
    """Create (milestone None, with its first history row) or change a milestone's texts and
    dates; its status changes through `change_status`."""
    today = clock.today()
    checked_on = data.get("easy_checked_on")
    if checked_on and checked_on > today:
        raise DomainError(_l("The day of the check cannot be in the future."), "easy_checked_on")
    if (data.get("easy_text") or "").strip() and checked_on and not (
            data.get("easy_checked_by") or "").strip():
        raise DomainError(_l("Enter who checked the Leichte Sprache version."),
                          "easy_checked_by")
    achieved_on = data.get("achieved_on")
    started_on = milestone.started_on if milestone is not None else today
    if achieved_on is not None:
        if achieved_on > today:
            raise DomainError(_l("“Achieved on” cannot be in the future."), "achieved_on")
        if milestone is not None and achieved_on < started_on:
            raise DomainError(_l("“Achieved on” cannot be before the milestone was recorded "
                                 "(%(day)s).", day=_day(started_on)), "achieved_on")
    new = milestone is None
    if milestone is None:
        agreement_id = int(data.get("agreement_id") or 0)
        if session.get(Agreement, agreement_id) is None:
            raise DomainError(_l("Choose the agreement the milestone belongs to."),
                              "agreement_id")
        milestone = Milestone(agreement_id=agreement_id, started_on=today,
                              status=MilestoneStatus.PLANNED.value)
        milestone.code = (data.get("code") or "").strip().lower()
    for name in ("title", "description", "easy_text", "easy_checked_by", "responsible"):
        setattr(milestone, name, (data.get(name) or "").strip())
    milestone.easy_checked_on = checked_on
    milestone.component = data.get("component") or ""
    milestone.target_date = data.get("target_date")
    if milestone.status == MilestoneStatus.ACHIEVED and achieved_on is None:
        raise DomainError(_l("An achieved milestone needs the day it was achieved."),
                          "achieved_on")
    milestone.achieved_on = achieved_on
    try:
        with session.begin_nested():
            session.add(milestone)
            session.flush()
    except IntegrityError as error:
        raise DomainError(_l("This agreement already has a milestone with this letter."),
                          "code") from error
    if new:
        session.add(MilestoneEvent(milestone_id=milestone.id, actor_id=getattr(actor, "id", None),
                                   from_status=None, to_status=milestone.status,
                                   note=str(_l("Recorded"))))
        session.flush()
    return milestone


def change_status(session: Session, milestone: Milestone, *, seen: str, to: str, note: str,
                  achieved_on: date | None, actor: Any) -> MilestoneEvent:
    """Move the milestone from `seen` (the status the officer saw) to `to`, with a history row."""
    note = (note or "").strip()
    if to not in {s.value for s in MilestoneStatus}:
        raise DomainError(_l("Choose the new status."), "status")
    if to == seen:
        raise DomainError(_l("The milestone already has this status. Choose another one."),
                          "status")
    if to in NOTE_REQUIRED and not note:
        raise DomainError(_l("Say in a note why the milestone is at risk or dropped."), "note")
    if to == MilestoneStatus.ACHIEVED:
        achieved_on = achieved_on or clock.today()
        if achieved_on > clock.today():
            raise DomainError(_l("“Achieved on” cannot be in the future."), "achieved_on")
        if achieved_on < milestone.started_on:
            raise DomainError(_l("“Achieved on” cannot be before the milestone was recorded "
                                 "(%(day)s).", day=_day(milestone.started_on)), "achieved_on")
    else:
        achieved_on = None
    result = session.execute(
        update(Milestone).where(Milestone.id == milestone.id, Milestone.status == seen)
        .values(status=to, achieved_on=achieved_on)
        .execution_options(synchronize_session=False))
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise DomainError(_l("Someone else changed the status of this milestone meanwhile. "
                             "Check the status now shown, then choose again."), "status")
    event = MilestoneEvent(milestone_id=milestone.id, actor_id=getattr(actor, "id", None),
                           from_status=seen, to_status=to, note=note)
    session.add(event)
    session.flush()
    session.refresh(milestone)
    return event


def save_step(session: Session, milestone: Milestone, data: dict[str, Any], *,
              actor: Any) -> MilestoneStep:
    happened_on = data.get("happened_on")
    if happened_on and happened_on > clock.today():
        raise DomainError(_l("The day of the step cannot be in the future. Leave it empty "
                             "until it happened."), "happened_on")
    step = session.scalar(select(MilestoneStep).where(
        MilestoneStep.milestone_id == milestone.id, MilestoneStep.stage == data["stage"]))
    if step is None:
        position = session.scalar(select(func.coalesce(func.max(MilestoneStep.position), 0))
                                  .where(MilestoneStep.milestone_id == milestone.id)) or 0
        step = MilestoneStep(milestone_id=milestone.id, stage=data["stage"],
                             position=position + 1)
    step.happened_on = happened_on
    step.note = (data.get("note") or "").strip()
    try:
        with session.begin_nested():
            session.add(step)
            session.flush()
    except IntegrityError as error:
        raise DomainError(_l("Someone else added this step meanwhile. Open the milestone "
                             "again."), "stage") from error
    return step


def add_step_document(session: Session, step: MilestoneStep, *, title: str, url: str,
                      dated_on: date | None, stream: IO[bytes] | None,
                      actor: Any) -> StepDocument:
    """A new version of the step's document; earlier versions stay as they are."""
    url = (url or "").strip()
    if stream is None and not url:
        raise DomainError(_l("Choose a file or enter a link to the document."), "file")
    if url and not url.startswith(("https://", "http://")):
        raise DomainError(_l("Enter the full web address, starting with https://."), "url")
    lock_row(session, MilestoneStep, step.id)
    version = (session.scalar(select(func.max(StepDocument.version))
                              .where(StepDocument.step_id == step.id)) or 0) + 1
    document = StepDocument(step_id=step.id, version=version, title=title.strip(), url=url,
                            dated_on=dated_on, created_by_id=getattr(actor, "id", None))
    if stream is not None:
        stored = store_upload(stream, upload_folder("milestones"), allowed=DOCUMENTS,
                              field="file", max_bytes=int(current_app.config.get(
                                  "MILESTONE_DOCUMENT_MAX_BYTES", DEFAULT_MAX_BYTES)))
        document.stored_name, document.mime_type = stored.name, stored.mime_type
        document.size, document.sha256 = stored.size, stored.sha256
        document.url = ""
    try:
        with session.begin_nested():
            session.add(document)
            session.flush()
    except IntegrityError as error:
        raise DomainError(_l("Someone else added a version meanwhile. Send the form again."),
                          "title") from error
    return document


def add_evidence(session: Session, milestone: Milestone, *, kind: str, target_id: int,
                 note: str, actor: Any) -> Evidence:
    """Evidence is a row of any kind the platform can link (partizipation/links.py)."""
    if kind not in cross_links.kinds():
        raise DomainError(_l("Choose what kind of evidence it is."), "kind")
    if not cross_links.describe(session, [(kind, target_id)]):
        raise DomainError(_l("Choose an entry from the list."), "target")
    evidence = Evidence(milestone_id=milestone.id, kind=kind, target_id=target_id,
                        note=(note or "").strip(), created_by_id=getattr(actor, "id", None))
    try:
        with session.begin_nested():
            session.add(evidence)
            session.flush()
    except IntegrityError as error:
        raise DomainError(_l("This evidence is already linked to the milestone."),
                          "target") from error
    return evidence
