"""Bulk rejection: many applications of one vacancy at once, every letter with reasons from its own record.

A recruiter picks the applications (``start_bulk_rejection``); that creates a
``BulkRejection`` and enqueues ``tasks.process_bulk_rejection_task``, which
calls ``process_bulk_rejection``. It works through the list in chunks of
``CHUNK_SIZE``, one transaction per chunk. For each application it does what a
recruiter does by hand with ``services.start_rejection`` and
``services.submit_rejection``, but with the records of the whole chunk read at
once (``bulk_selectors.load_rejection_records``, a fixed number of queries):

1. draft the reasons from the application's own record (``drafting.draft_reasons``);
2. run the quality gate on them (``gate.check``) with the organisation's rules;
3. a draft the gate lets through is decided: SCHEDULED for sending now (or
   IN_REVIEW when the organisation has four-eyes review). After the chunk
   commits, ``tasks.send_rejections_task`` sends those letters through part B's
   own ``services.send_rejection``;
4. a record that supports no reason, or a draft the gate refuses, stays a DRAFT
   with ``needs_attention`` and a note saying why: the exceptions the recruiter
   reviews (``bulk_selectors.list_exceptions``). Nothing is sent for them.

With outcome CANCELLED (the vacancy was cancelled) no reasons are drafted; the
gate still reads the (empty) letter, as for a single cancellation.

**Idempotent and resumable.** The chunk's writes and the bulk's ``processed``
counter commit together, so a run that stopped (a crash, a deploy) continues
after the last committed chunk when the task runs again. An application that
has a rejection already (a draft by hand, an earlier run) or is no longer in
procedure is skipped: the one-to-one ``Rejection.application`` makes a second
rejection impossible, and the chunk re-reads under row locks before it writes.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from nagesprek.accounts.models import User
from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application
from nagesprek.audit.constants import ActorKind, AuditAction
from nagesprek.audit.models import AuditEvent
from nagesprek.audit.services import record_event
from nagesprek.organisations.selectors import Actor
from nagesprek.rejections import bulk_selectors, gate, selectors, services
from nagesprek.rejections.constants import BulkStatus, Outcome, RejectionStatus
from nagesprek.rejections.drafting import ReasonDraft, RejectionRecord, draft_reasons
from nagesprek.rejections.models import BulkRejection, Rejection, RejectionReason
from nagesprek.vacancies.constants import VacancyStatus
from nagesprek.vacancies.models import Vacancy

logger = logging.getLogger(__name__)

CHUNK_SIZE = 200
MAX_APPLICATIONS = 50_000

# Stored untranslated on the rejection (attention_note); pages show them with {% translate %}.
ATTENTION_NO_REASON = gettext_noop(
    "The record does not show a reason the system can draft (no unmet must-have, no low rating). "
    "Write the reason yourself and link it to a requirement or criterion."
)
ATTENTION_GATE_REFUSED = gettext_noop(
    "The quality gate refused the drafted reasons. Correct them and submit the letter: the gate shows each problem."
)


class BulkSendError(Exception):
    """Some letters of a chunk could not be sent; they stay scheduled and the sweep tries them again."""


# --- Starting ---


def _require_decider(actor: Actor, organisation_id: int) -> None:
    if actor.organisation.pk != organisation_id or not actor.has_role(*bulk_selectors.START_ROLES):
        raise services.RejectionError(_("Only a recruiter of this organisation can decide on a rejection."))


def bulk_outcome(vacancy: Vacancy) -> Outcome:
    """A cancelled vacancy ends its procedures as CANCELLED (no reasons); otherwise candidates are REJECTED."""
    return Outcome.CANCELLED if vacancy.status == VacancyStatus.CANCELLED else Outcome.REJECTED


@transaction.atomic
def start_bulk_rejection(*, actor: Actor, vacancy: Vacancy, application_ids: Sequence[int]) -> BulkRejection:
    """Start rejecting the given applications of the vacancy; the work runs in a task, enqueued on commit.

    Preconditions: the actor is a recruiter of the vacancy's organisation. Ids
    that are not the vacancy's, not in procedure or already have a rejection are
    left out; when none remain, RejectionError and nothing is created. The
    outcome follows the vacancy (``bulk_outcome``). Audited.
    """
    _require_decider(actor, vacancy.organisation_id)
    ids = bulk_selectors.rejectable_ids(vacancy=vacancy, application_ids=application_ids)
    if not ids:
        raise services.RejectionError(
            _("None of the chosen applications can be rejected: they are closed or already have a rejection.")
        )
    if len(ids) > MAX_APPLICATIONS:
        raise services.RejectionError(
            _("Choose at most %(max)s applications at a time.")
            % {"max": formats.number_format(MAX_APPLICATIONS, force_grouping=True)}
        )
    outcome = bulk_outcome(vacancy)
    bulk = BulkRejection.objects.create(
        organisation=vacancy.organisation,
        vacancy=vacancy,
        created_by=actor.user,
        outcome=outcome,
        application_ids=ids,
        total=len(ids),
    )
    record_event(
        organisation=vacancy.organisation,
        action=AuditAction.CREATE,
        target=bulk,
        candidate_id=None,
        user=actor.user,
        summary=f"Bulk rejection started: {len(ids)} applications ({outcome.value})",
    )
    transaction.on_commit(partial(_enqueue_processing, bulk.pk))
    return bulk


@transaction.atomic
def resume_bulk_rejection(*, actor: Actor, bulk: BulkRejection) -> BulkRejection:
    """Queue a failed bulk rejection again; it continues after the last chunk that was saved. Audited."""
    _require_decider(actor, bulk.organisation_id)
    locked = BulkRejection.objects.select_for_update().get(pk=bulk.pk)
    if locked.status != BulkStatus.FAILED:
        raise services.RejectionError(_("Only a bulk rejection that stopped with an error can be continued."))
    locked.status, locked.error = BulkStatus.QUEUED, ""
    locked.save(update_fields=["status", "error"])
    record_event(
        organisation=locked.organisation,
        action=AuditAction.UPDATE,
        target=locked,
        candidate_id=None,
        user=actor.user,
        summary=f"Bulk rejection continued at {locked.processed} of {locked.total}",
    )
    transaction.on_commit(partial(_enqueue_processing, locked.pk))
    return locked


def _enqueue_processing(bulk_id: int) -> None:
    from nagesprek.rejections.tasks import process_bulk_rejection_task  # tasks imports this module

    process_bulk_rejection_task.enqueue(bulk_id)


def _enqueue_sending(rejection_ids: list[int]) -> None:
    from nagesprek.rejections.tasks import send_rejections_task

    send_rejections_task.enqueue(rejection_ids)


# --- Processing ---


@dataclass(frozen=True)
class _Run:
    """What stays the same for every chunk of one run: read once when the run starts."""

    bulk_id: int
    organisation_id: int
    outcome: Outcome
    four_eyes: bool
    decider: User | None
    rules: gate.GateRules
    yardstick: bulk_selectors.Yardstick
    today: date
    # Letters of one vacancy share many sentences; the gate's verdict on a sentence is looked up, not redone.
    verdicts: dict[gate.ReasonText, bool] = field(default_factory=dict)

    def refused(self, reason: gate.ReasonText) -> bool:
        """Whether the gate refuses this reason. The gate judges each reason on its own (only its messages
        depend on the language), so a letter passes when each of its reasons does."""
        if reason not in self.verdicts:
            self.verdicts[reason] = bool(gate.check([reason], self.rules))
        return self.verdicts[reason]


@dataclass(frozen=True)
class _Decision:
    application: Application
    drafts: list[ReasonDraft]
    status: RejectionStatus
    attention_note: str = ""


def process_bulk_rejection(
    *, bulk_id: int, chunk_size: int = CHUNK_SIZE, today: date | None = None
) -> BulkRejection | None:
    """Work through a bulk rejection chunk by chunk (see the module docstring); None when it was done already.

    Called by ``tasks.process_bulk_rejection_task``. Safe to run again at any
    point: it continues after the last committed chunk. An unexpected error marks
    the bulk FAILED (with the error, for the progress page) and is raised again.
    """
    run = _claim(bulk_id, today)
    if run is None:
        return None
    try:
        while _process_next_chunk(run, chunk_size):
            pass
    except Exception as error:  # the bulk must show it stopped; the worker still records the failure
        BulkRejection.objects.filter(pk=bulk_id).update(status=BulkStatus.FAILED, error=str(error)[:500])
        raise
    return _finish(bulk_id)


@transaction.atomic
def _claim(bulk_id: int, today: date | None) -> _Run | None:
    bulk = (
        BulkRejection.objects.select_for_update().select_related("organisation", "vacancy").filter(pk=bulk_id).first()
    )
    if bulk is None or bulk.status == BulkStatus.DONE:
        return None
    bulk.status = BulkStatus.RUNNING
    bulk.save(update_fields=["status"])
    outcome = Outcome(bulk.outcome)
    return _Run(
        bulk_id=bulk.pk,
        organisation_id=bulk.organisation_id,
        outcome=outcome,
        four_eyes=bulk.organisation.four_eyes_review,
        decider=bulk.created_by,
        rules=selectors.load_gate_rules(organisation=bulk.organisation),
        yardstick=bulk_selectors.load_yardstick(vacancy=bulk.vacancy, version=bulk.vacancy.requirements_version),
        today=today or timezone.localdate(),
    )


def _process_next_chunk(run: _Run, chunk_size: int) -> bool:
    """Decide the next chunk in one transaction; False when there was nothing left."""
    with transaction.atomic():
        bulk = BulkRejection.objects.select_for_update().get(pk=run.bulk_id)
        ids = bulk.application_ids[bulk.processed : bulk.processed + chunk_size]
        if not ids:
            return False
        applications = _lock_rejectable(bulk, ids)
        records = (
            bulk_selectors.load_rejection_records(applications=applications, yardstick=run.yardstick, today=run.today)
            if run.outcome == Outcome.REJECTED
            else {}
        )
        decisions = [_decide(application, records.get(application.pk), run) for application in applications]
        rejections = _store(decisions, run)
        _draft_advice(rejections, records)
        bulk.processed += len(ids)
        bulk.needing_attention += sum(1 for d in decisions if d.attention_note)
        bulk.save(update_fields=["processed", "needing_attention"])
        scheduled = [r.pk for r in rejections if r.status == RejectionStatus.SCHEDULED]
        if scheduled:
            transaction.on_commit(partial(_enqueue_sending, scheduled))
    return True


def _lock_rejectable(bulk: BulkRejection, ids: list[int]) -> list[Application]:
    """The chunk's applications still in procedure and without a rejection, locked against a concurrent decision."""
    locked = list(
        Application.objects.select_for_update(of=("self",))
        .filter(pk__in=ids, vacancy_id=bulk.vacancy_id, status=ApplicationStatus.ACTIVE)
        .select_related("candidate")
        .order_by("pk")
    )
    # A separate read after the lock: it sees a rejection another transaction committed while we waited.
    taken = set(Rejection.objects.filter(application__in=locked).values_list("application_id", flat=True))
    return [application for application in locked if application.pk not in taken]


def _decide(application: Application, record: RejectionRecord | None, run: _Run) -> _Decision:
    drafts = draft_reasons(record) if record is not None else []
    if run.outcome == Outcome.REJECTED and not drafts:
        return _Decision(application, drafts, RejectionStatus.DRAFT, ATTENTION_NO_REASON)
    texts = [
        gate.ReasonText(
            explanation=d.explanation,
            requirement_id=d.requirement_id,
            criterion_id=d.criterion_id,
            target_label=run.yardstick.target_label(requirement_id=d.requirement_id, criterion_id=d.criterion_id),
        )
        for d in drafts
    ]
    if any(run.refused(text) for text in texts):
        return _Decision(application, drafts, RejectionStatus.DRAFT, ATTENTION_GATE_REFUSED)
    status = RejectionStatus.IN_REVIEW if run.four_eyes else RejectionStatus.SCHEDULED
    return _Decision(application, drafts, status)


def _draft_advice(rejections: list[Rejection], records: dict) -> None:
    from nagesprek.advice.services import draft_advice_in_bulk  # advice reads rejections; import late

    draft_advice_in_bulk(rejections=rejections, records=records)


def _store(decisions: list[_Decision], run: _Run) -> list[Rejection]:
    """Write the chunk's rejections, their reasons and their audit rows: three inserts, whatever the chunk's size."""
    now = timezone.now()
    rejections = Rejection.objects.bulk_create(_rejection(d, run, now) for d in decisions)
    RejectionReason.objects.bulk_create(
        RejectionReason.from_draft(rejection, draft, position)
        for rejection, decision in zip(rejections, decisions, strict=True)
        for position, draft in enumerate(decision.drafts)
    )
    _audit_rejections(rejections, decisions, run)
    return rejections


def _rejection(decision: _Decision, run: _Run, now: datetime) -> Rejection:
    application = decision.application
    decided = not decision.attention_note
    return Rejection(
        organisation_id=run.organisation_id,
        application=application,
        outcome=run.outcome,
        stage_id=application.stage_id,
        requirements_version=run.yardstick.version,
        status=decision.status,
        language=application.candidate.language,
        decided_by=run.decider,
        decided_at=now if decided else None,
        send_at=now if decision.status == RejectionStatus.SCHEDULED else None,
        bulk_id=run.bulk_id,
        needs_attention=not decided,
        attention_note=decision.attention_note,
    )


def _audit_rejections(rejections: list[Rejection], decisions: list[_Decision], run: _Run) -> None:
    # The same row audit.services.record_event writes, inserted for the whole chunk at once.
    user = run.decider
    AuditEvent.objects.bulk_create(
        AuditEvent(
            organisation_id=run.organisation_id,
            actor_kind=ActorKind.STAFF if user is not None else ActorKind.SYSTEM,
            actor=user,
            actor_label=str(user if user is not None else ActorKind.SYSTEM.label)[:200],
            action=AuditAction.CREATE,
            object_type=Rejection._meta.label,
            object_id=str(rejection.pk),
            candidate_id=decision.application.candidate_id,
            summary=f"Rejection drafted in bulk {run.bulk_id} ({len(decision.drafts)} reasons): "
            + ("needs attention" if decision.attention_note else str(rejection.status)),
        )
        for rejection, decision in zip(rejections, decisions, strict=True)
    )


@transaction.atomic
def _finish(bulk_id: int) -> BulkRejection:
    bulk = BulkRejection.objects.select_for_update().select_related("organisation").get(pk=bulk_id)
    bulk.status = BulkStatus.DONE
    bulk.finished_at = timezone.now()
    bulk.save(update_fields=["status", "finished_at"])
    record_event(
        organisation=bulk.organisation,
        action=AuditAction.UPDATE,
        target=bulk,
        candidate_id=None,
        actor_kind=ActorKind.SYSTEM,
        summary=f"Bulk rejection done: {bulk.processed} of {bulk.total} processed, "
        f"{bulk.needing_attention} need attention",
    )
    return bulk


# --- Sending ---


def send_rejections(*, rejection_ids: Sequence[int]) -> int:
    """Send each of these rejections that is scheduled and due (``services.send_rejection``, one transaction each).

    Called by ``tasks.send_rejections_task`` after a chunk commits. Idempotent
    like ``send_rejection``: a sent or not-yet-due letter is left alone. One letter
    that fails does not hold back the others; the task then fails with the ids
    that failed (they stay SCHEDULED, so ``send_due_rejections`` retries them).
    Returns how many were sent.
    """
    sent, failed = 0, []
    for rejection_id in rejection_ids:
        try:
            if services.send_rejection(rejection_id=rejection_id) is not None:
                sent += 1
        except Exception:
            logger.exception("Sending rejection %s failed", rejection_id)
            failed.append(rejection_id)
    if failed:
        raise BulkSendError(f"{len(failed)} of {len(rejection_ids)} letters could not be sent: {failed[:20]}")
    return sent
