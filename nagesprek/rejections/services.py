"""The rejection workflow: start (with drafted reasons), edit, submit through the gate, review, send.

Status flow: DRAFT → (submit) → IN_REVIEW when the organisation has four-eyes
review, else SCHEDULED → (send task at ``send_at``) → SENT. A reviewer approves
(→ SCHEDULED) or returns it with a note (→ DRAFT). Every write is one
transaction with its audit row; the send task is enqueued on commit.

Who may act is decided in ``selectors`` (module docstring); services check it
again, so a view that forgets cannot let the wrong person through.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application
from nagesprek.audit.constants import ActorKind, AuditAction
from nagesprek.audit.services import record_event
from nagesprek.organisations.selectors import Actor
from nagesprek.rejections import gate, selectors
from nagesprek.rejections.constants import Outcome, ReasonSource, RejectionStatus
from nagesprek.rejections.drafting import draft_reasons
from nagesprek.rejections.models import BoilerplatePhrase, ProtectedGround, Rejection, RejectionReason

OUTCOME_TO_APPLICATION_STATUS = {
    Outcome.REJECTED: ApplicationStatus.REJECTED,
    Outcome.WITHDRAWN: ApplicationStatus.WITHDRAWN,
    Outcome.CANCELLED: ApplicationStatus.CANCELLED,
}


# Stored untranslated (attention_note); the pages show it with {% translate %}.
HELD_BACK_NOTE = gettext_noop(
    "The application was closed before this letter went out, so nothing was sent. "
    "Check whether a letter is still needed."
)


class RejectionError(Exception):
    """A request that cannot be carried out; the message says why, for the person who asked."""


class GateRefused(RejectionError):
    """The quality gate refused; ``problems`` lists each with its explanation. Nothing was changed."""

    def __init__(self, problems: Sequence[gate.Problem]) -> None:
        super().__init__(_("The rejection cannot be sent yet: fix the problems below."))
        self.problems = list(problems)


@dataclass(frozen=True)
class ReasonInput:
    """One reason as the recruiter left it: what it points at and the explanation for the candidate.

    ``reason_id`` names the stored reason it was edited from (to keep its source
    and evidence); None for a reason the recruiter added.
    """

    explanation: str
    requirement_id: int | None = None
    criterion_id: int | None = None
    reason_id: int | None = None


def _audit(rejection: Rejection, action: AuditAction, user, summary: str) -> None:
    record_event(
        organisation=rejection.organisation,
        action=action,
        target=rejection,
        candidate_id=rejection.application.candidate_id,
        user=user,
        actor_kind=None if user is not None else ActorKind.SYSTEM,
        summary=summary,
    )


def record_rejection_viewed(*, actor: Actor, rejection: Rejection) -> None:
    """Log that the actor opened this rejection (it is part of the candidate file)."""
    _audit(rejection, AuditAction.VIEW, actor.user, "Rejection opened")


def _require_decider(actor: Actor, organisation_id: int) -> None:
    if actor.organisation.pk != organisation_id or not actor.has_role(*selectors.DECIDER_ROLES):
        raise RejectionError(_("Only a recruiter of this organisation can decide on a rejection."))


def _lock(rejection: Rejection) -> Rejection:
    """The rejection re-read under a row lock, so two clicks or two people cannot both move it on."""
    locked = Rejection.objects.select_for_update().get(pk=rejection.pk)
    locked.application = Application.objects.select_related("candidate", "vacancy").get(pk=locked.application_id)
    return locked


def _store_drafts(rejection: Rejection) -> int:
    application = rejection.application
    record = selectors.load_rejection_record(
        application=application, requirements_version=rejection.requirements_version, language=rejection.language
    )
    drafts = draft_reasons(record)
    RejectionReason.objects.bulk_create(
        RejectionReason.from_draft(rejection, draft, position) for position, draft in enumerate(drafts)
    )
    return len(drafts)


@transaction.atomic
def start_rejection(*, actor: Actor, application: Application, outcome: Outcome | str) -> Rejection:
    """Open a draft rejection for an active application, with reasons drafted from its record.

    Preconditions: the actor is a recruiter of the application's organisation;
    the application is active. Starting again while the draft is open changes
    its outcome: a non-rejected outcome drops the reasons (it needs none), back
    to rejected drafts them anew. A rejection already submitted cannot be
    restarted. Locks the application row. Audited.
    """
    _require_decider(actor, application.organisation_id)
    outcome = Outcome(outcome)
    application = Application.objects.select_for_update().select_related("candidate", "vacancy").get(pk=application.pk)
    if application.status != ApplicationStatus.ACTIVE:
        raise RejectionError(_("Only an application that is still in procedure can be rejected."))
    rejection = Rejection.objects.filter(application=application).first()
    if rejection is not None and rejection.status != RejectionStatus.DRAFT:
        raise RejectionError(_("This application already has a rejection that has been submitted."))
    if rejection is None:
        rejection = Rejection.objects.create(
            organisation=application.organisation,
            application=application,
            outcome=outcome,
            stage=application.stage,
            requirements_version=application.vacancy.requirements_version,
            language=application.candidate.language,
            decided_by=actor.user,
        )
        summary = f"Rejection started ({outcome.value})"
    else:
        rejection.outcome = outcome
        rejection.save(update_fields=["outcome", "updated_at"])
        summary = f"Rejection outcome set to {outcome.value}"
    rejection.application = application
    if outcome != Outcome.REJECTED:
        rejection.reasons.all().delete()
    elif not rejection.reasons.exists():
        summary += f"; {_store_drafts(rejection)} reasons drafted from the record"
    if outcome == Outcome.REJECTED:
        _draft_advice(rejection)
    _audit(rejection, AuditAction.CREATE, actor.user, summary)
    return rejection


def _draft_advice(rejection: Rejection) -> None:
    from nagesprek.advice.services import draft_advice  # advice reads rejections; import late to keep apps apart

    draft_advice(rejection=rejection)


def _validated_reasons(rejection: Rejection, reasons: Sequence[ReasonInput]) -> list[RejectionReason]:
    requirements, criteria = selectors.targets_for_rejection(rejection=rejection)
    requirement_ids = {r.pk for r in requirements}
    criterion_ids = {c.pk for c in criteria}
    existing = {r.pk: r for r in rejection.reasons.all()}
    rows = []
    for position, reason in enumerate(reasons):
        if reason.requirement_id is None and reason.criterion_id is None:
            raise RejectionError(_("Every reason must point at a requirement or a criterion."))
        if reason.requirement_id is not None and reason.requirement_id not in requirement_ids:
            raise RejectionError(_("A reason points at a requirement that does not belong to this vacancy."))
        if reason.criterion_id is not None and reason.criterion_id not in criterion_ids:
            raise RejectionError(_("A reason points at a criterion that does not belong to this vacancy."))
        before = existing.get(reason.reason_id) if reason.reason_id else None
        same_target = before is not None and (before.requirement_id, before.criterion_id) == (
            reason.requirement_id,
            reason.criterion_id,
        )
        rows.append(
            RejectionReason(
                rejection=rejection,
                source=before.source if before is not None and same_target else ReasonSource.RECRUITER,
                requirement_id=reason.requirement_id,
                criterion_id=reason.criterion_id,
                explanation=reason.explanation.strip(),
                evidence=before.evidence if before is not None and same_target else "",
                position=position,
            )
        )
    return rows


@transaction.atomic
def save_reasons(
    *,
    actor: Actor,
    rejection: Rejection,
    reasons: Sequence[ReasonInput],
    personal_note: str | None = None,
    language: str | None = None,
) -> Rejection:
    """Replace a draft's reasons (and optionally its personal note and letter language).

    Each reason must point at a requirement or criterion of the rejection's
    vacancy and requirements version; anything else raises RejectionError and
    changes nothing. A reason kept on its target keeps its source and evidence;
    a moved or new one is the recruiter's own. Only drafts can be edited.
    Locks the rejection. Audited.
    """
    _require_decider(actor, rejection.organisation_id)
    locked = _lock(rejection)
    if locked.status != RejectionStatus.DRAFT:
        raise RejectionError(_("Only a draft can be changed."))
    if locked.outcome != Outcome.REJECTED and reasons:
        raise RejectionError(_("A withdrawal or cancellation has no reasons."))
    rows = _validated_reasons(locked, reasons)
    locked.reasons.all().delete()
    RejectionReason.objects.bulk_create(rows)
    fields = ["updated_at"]
    if personal_note is not None:
        locked.personal_note = personal_note.strip()
        fields.append("personal_note")
    if language is not None:
        locked.language = language
        fields.append("language")
    locked.full_clean(exclude=["organisation", "application", "stage", "decided_by"])
    locked.save(update_fields=fields)
    _audit(locked, AuditAction.UPDATE, actor.user, f"Reasons saved ({len(rows)})")
    return locked


def gate_problems(*, rejection: Rejection, language: str | None = None) -> list[gate.Problem]:
    """What the quality gate says about the rejection as stored (reads only)."""
    reasons = list(rejection.reasons.select_related("requirement", "criterion__requirement").order_by("position", "pk"))
    texts = [
        gate.ReasonText(
            explanation=r.explanation,
            requirement_id=r.requirement_id,
            criterion_id=r.criterion_id,
            target_label=_target_label(r),
        )
        for r in reasons
    ]
    rules = selectors.load_gate_rules(organisation=rejection.organisation)
    return gate.check(
        texts,
        rules,
        language,
        reasons_required=rejection.outcome == Outcome.REJECTED,
        personal_note=rejection.personal_note,
    )


def _enqueue_send(rejection_id: int, run_after: datetime | None) -> None:
    from nagesprek.rejections.tasks import send_rejection_task  # tasks imports this module

    task = send_rejection_task
    # A backend that cannot defer (the immediate backend) runs the task now; send_rejection then finds it
    # not yet due, and send_due_rejections (the send_due_rejections command) sends it when it is.
    if run_after is not None and run_after > timezone.now() and task.get_backend().supports_defer:
        task = task.using(run_after=run_after)
    task.enqueue(rejection_id)


def _schedule(rejection: Rejection, send_at: datetime | None) -> None:
    now = timezone.now()
    rejection.status = RejectionStatus.SCHEDULED
    rejection.send_at = send_at if send_at is not None and send_at > now else now
    transaction.on_commit(partial(_enqueue_send, rejection.pk, rejection.send_at))


@transaction.atomic
def submit_rejection(*, actor: Actor, rejection: Rejection, send_at: datetime | None = None) -> Rejection:
    """Run the quality gate and, when it passes, send the draft on: to review (four-eyes) or to the send queue.

    Raises GateRefused with every problem when the gate refuses; nothing is
    changed then. ``send_at`` (None or past = now) is when the letter goes out;
    with four-eyes review it applies once approved. The actor becomes the
    decider. Locks the rejection. Audited; the send task is enqueued on commit.
    """
    _require_decider(actor, rejection.organisation_id)
    locked = _lock(rejection)
    if locked.status != RejectionStatus.DRAFT:
        raise RejectionError(_("This rejection has already been submitted."))
    problems = gate_problems(rejection=locked)
    if problems:
        raise GateRefused(problems)
    locked.decided_by = actor.user
    locked.decided_at = timezone.now()
    locked.reviewed_by, locked.reviewed_at = None, None
    locked.needs_attention, locked.attention_note = False, ""  # the recruiter has dealt with it
    if locked.organisation.four_eyes_review:
        locked.status = RejectionStatus.IN_REVIEW
        locked.send_at = send_at
    else:
        _schedule(locked, send_at)
    locked.save()
    _audit(locked, AuditAction.UPDATE, actor.user, f"Rejection submitted: {locked.status}")
    return locked


@transaction.atomic
def save_and_submit_rejection(
    *,
    actor: Actor,
    rejection: Rejection,
    reasons: Sequence[ReasonInput],
    personal_note: str,
    language: str,
    send_at: datetime | None = None,
) -> Rejection:
    """Save the form's reasons and submit in one transaction: a gate refusal rolls the save back too."""
    saved = save_reasons(
        actor=actor, rejection=rejection, reasons=reasons, personal_note=personal_note, language=language
    )
    return submit_rejection(actor=actor, rejection=saved, send_at=send_at)


def _require_reviewer(actor: Actor, rejection: Rejection) -> None:
    if actor.organisation.pk != rejection.organisation_id or not actor.has_role(*selectors.REVIEWER_ROLES):
        raise RejectionError(_("Only a recruiter or HR lead of this organisation can review a rejection."))
    if rejection.decided_by_id == actor.user.pk:
        raise RejectionError(_("A second person must review this rejection: you decided it yourself."))


@transaction.atomic
def approve_rejection(*, actor: Actor, rejection: Rejection, note: str = "") -> Rejection:
    """Approve a rejection in review (four-eyes): the gate runs again, then it is scheduled for sending.

    The reviewer is a recruiter or HR lead who is not the decider. It goes out
    at the decider's chosen time, or now if that has passed. Locks the
    rejection. Audited; the send task is enqueued on commit.
    """
    locked = _lock(rejection)
    _require_reviewer(actor, locked)
    if locked.status != RejectionStatus.IN_REVIEW:
        raise RejectionError(_("This rejection is not waiting for review."))
    problems = gate_problems(rejection=locked)
    if problems:
        raise GateRefused(problems)
    locked.reviewed_by = actor.user
    locked.reviewed_at = timezone.now()
    locked.review_note = note.strip()
    _schedule(locked, locked.send_at)
    locked.save()
    _audit(locked, AuditAction.UPDATE, actor.user, "Rejection approved")
    return locked


@transaction.atomic
def return_rejection(*, actor: Actor, rejection: Rejection, note: str) -> Rejection:
    """Send a rejection in review back to draft, with the reviewer's note saying what to change.

    Same reviewer rule as approval; the note is required. Locks the rejection. Audited.
    """
    locked = _lock(rejection)
    _require_reviewer(actor, locked)
    if locked.status != RejectionStatus.IN_REVIEW:
        raise RejectionError(_("This rejection is not waiting for review."))
    if not note.strip():
        raise RejectionError(_("Say what should change, so the recruiter knows what to do."))
    locked.status = RejectionStatus.DRAFT
    locked.reviewed_by = actor.user
    locked.reviewed_at = None
    locked.review_note = note.strip()
    locked.save()
    _audit(locked, AuditAction.UPDATE, actor.user, "Rejection returned to the recruiter")
    return locked


def _target_label(reason: RejectionReason) -> str:
    if reason.criterion is not None:
        return reason.criterion.label
    return reason.requirement.label if reason.requirement is not None else ""


@transaction.atomic
def send_rejection(*, rejection_id: int) -> Rejection | None:
    """Send a scheduled rejection whose time has come; None when there was nothing to do.

    Called by ``tasks.send_rejection_task`` at ``send_at``. Idempotent: the row is
    locked and only a SCHEDULED, due rejection is sent, so a second run (or a
    second worker) does nothing; the e-mail is also queued under the key
    ``rejection:<id>``. Issues the candidate's link (portal), queues the letter
    (emails, rendered by letters), marks it SENT and closes the application.
    """
    locked = Rejection.objects.select_for_update().filter(pk=rejection_id).first()
    if locked is None or locked.status != RejectionStatus.SCHEDULED:
        return None
    if locked.send_at is not None and locked.send_at > timezone.now():
        return None
    # The letter reads every reason with what it points at: one query for all of them, not three per reason.
    reasons = RejectionReason.objects.select_related("requirement", "criterion__requirement", "criterion__stage")
    rejection = (
        Rejection.objects.select_related(
            "organisation", "application__candidate", "application__vacancy", "stage", "decided_by"
        )
        .prefetch_related(Prefetch("reasons", queryset=reasons))
        .get(pk=rejection_id)
    )
    if rejection.application.status != ApplicationStatus.ACTIVE:
        _hold_back(rejection)
        return None
    _offer_conversation(rejection)  # before the letter is rendered: the letter carries the offer
    message = _queue_letter(rejection)
    rejection.status = RejectionStatus.SENT
    rejection.sent_at = timezone.now()
    rejection.outbox_message = message
    rejection.save(update_fields=["status", "sent_at", "outbox_message", "updated_at"])
    _close_application(rejection)
    _audit(rejection, AuditAction.SEND, None, f"Rejection letter queued as outbox message {message.pk}")
    return rejection


def _hold_back(rejection: Rejection) -> None:
    """The application was closed another way (hired, say) after the decision: send nothing, ask a person."""
    rejection.status = RejectionStatus.DRAFT
    rejection.needs_attention = True
    rejection.attention_note = HELD_BACK_NOTE
    rejection.save(update_fields=["status", "needs_attention", "attention_note", "updated_at"])
    _audit(rejection, AuditAction.UPDATE, None, "Rejection held back: the application was already closed")
    return None


def _offer_conversation(rejection: Rejection) -> None:
    from nagesprek.conversations.services import offer_conversation  # conversations reads rejections

    offer_conversation(rejection=rejection)


def _queue_letter(rejection: Rejection):
    # Imported here: these belong to other apps (portal, letters) that import rejections themselves.
    from nagesprek.emails.services import queue_email
    from nagesprek.letters.context import letter_context
    from nagesprek.portal.services import issue_link

    candidate = rejection.application.candidate
    candidate_url = issue_link(candidate=candidate)
    return queue_email(
        key=f"rejection:{rejection.pk}",
        to=candidate.email,
        template="rejection_letter",
        context=letter_context(rejection=rejection, candidate_url=candidate_url),
        language=rejection.language,
        organisation=rejection.organisation,
        candidate_id=candidate.pk,
    )


def _close_application(rejection: Rejection) -> None:
    from nagesprek.applications.services import close_application

    close_application(
        application=rejection.application,
        status=OUTCOME_TO_APPLICATION_STATUS[Outcome(rejection.outcome)],
        by=rejection.decided_by,
        note=_("Letter sent") if rejection.outcome == Outcome.REJECTED else "",
    )


def send_due_rejections(*, limit: int = 500) -> int:
    """Enqueue sending for scheduled rejections that are due; returns how many.

    For backends that cannot defer a task and for tasks lost in a crash: run it
    every few minutes (``manage.py send_due_rejections``). Enqueuing a rejection
    that is already being sent is harmless: ``send_rejection`` sends it once.
    """
    due = Rejection.objects.filter(status=RejectionStatus.SCHEDULED, send_at__lte=timezone.now())
    ids = list(due.order_by("send_at", "id").values_list("id", flat=True)[:limit])
    for rejection_id in ids:
        _enqueue_send(rejection_id, None)
    return len(ids)


# --- The gate rules, maintained per organisation by its admins. ---


def _require_rules_admin(actor: Actor, organisation_id: int) -> None:
    if actor.organisation.pk != organisation_id or not actor.has_role(*selectors.RULES_ROLES):
        raise RejectionError(_("Only an organisation admin can change the gate rules."))


def _audit_rules(actor: Actor, target, summary: str) -> None:
    record_event(
        organisation=actor.organisation,
        action=AuditAction.UPDATE,
        target=target,
        candidate_id=None,
        user=actor.user,
        summary=summary,
    )


@transaction.atomic
def update_protected_ground(
    *, actor: Actor, ground: ProtectedGround, terms: str, exceptions: str, explanation_nl: str, explanation_en: str
) -> ProtectedGround:
    """Change one protected ground's terms, allowed phrases and explanations (org admins). Audited."""
    _require_rules_admin(actor, ground.organisation_id)
    ground.terms, ground.exceptions = terms.strip(), exceptions.strip()
    ground.explanation_nl, ground.explanation_en = explanation_nl.strip(), explanation_en.strip()
    ground.full_clean()
    ground.save()
    _audit_rules(actor, ground, f"Protected ground {ground.ground} changed")
    return ground


@transaction.atomic
def add_boilerplate_phrase(*, actor: Actor, phrase: str) -> BoilerplatePhrase:
    """Add a stock phrase the gate refuses on its own (org admins); an existing one is returned. Audited."""
    _require_rules_admin(actor, actor.organisation.pk)
    row, created = BoilerplatePhrase.objects.get_or_create(organisation=actor.organisation, phrase=phrase.strip())
    if created:
        _audit_rules(actor, row, "Stock phrase added")
    return row


@transaction.atomic
def delete_boilerplate_phrase(*, actor: Actor, phrase: BoilerplatePhrase) -> None:
    """Remove a stock phrase (org admins). Audited."""
    _require_rules_admin(actor, phrase.organisation_id)
    _audit_rules(actor, phrase, f"Stock phrase removed: {phrase.phrase}")
    phrase.delete()


@transaction.atomic
def install_gate_rules(*, actor: Actor) -> tuple[int, int]:
    """Add the default grounds and stock phrases the organisation lacks (org admins). Audited."""
    from nagesprek.rejections.defaults import install_default_gate_rules

    _require_rules_admin(actor, actor.organisation.pk)
    added = install_default_gate_rules(actor.organisation)
    _audit_rules(actor, actor.organisation, f"Default gate rules installed: {added[0]} grounds, {added[1]} phrases")
    return added
