"""Referrals: an advisor refers a consenting candidate to another vacancy; its recruiters accept or decline.

Consent is checked at every step that passes the candidate's data on: when the advisor refers, when the
recruiter accepts, and by the sweep that withdraws pending referrals whose consent has gone. Talent-pool
invitations are in ``invitations.py``; the sweeps (reminders, withdrawals) in ``sweeps.py``.
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nagesprek.applications import services as application_services
from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application
from nagesprek.audit.constants import ActorKind, AuditAction
from nagesprek.audit.services import record_event
from nagesprek.candidates.models import Candidate
from nagesprek.consents import selectors as consent_selectors
from nagesprek.consents.constants import ConsentPurpose
from nagesprek.conversations.models import Conversation
from nagesprek.matching.models_log import SuggestionLog
from nagesprek.organisations.selectors import Actor
from nagesprek.referrals import deadlines, emails
from nagesprek.referrals.constants import REFERRING_ROLES, ReferralStatus, WithdrawalCause
from nagesprek.referrals.models import Referral
from nagesprek.vacancies.constants import VacancyStatus
from nagesprek.vacancies.models import Stage, Vacancy

# A referral goes to an open vacancy; it may still be accepted once the vacancy has closed for
# applications (its procedure runs on), not once it is filled or cancelled.
ACCEPTING_STATUSES = (VacancyStatus.OPEN, VacancyStatus.CLOSED)
MIN_DECLINE_REASON = 10


def _audit(referral: Referral, *, action: AuditAction, actor: Actor | None, summary: str) -> None:
    record_event(
        organisation=referral.organisation,
        action=action,
        target=referral,
        candidate_id=referral.candidate_id,
        user=actor.user if actor else None,
        actor_kind=ActorKind.STAFF if actor else ActorKind.SYSTEM,
        summary=summary,
    )


def _origin(
    candidate: Candidate, source_conversation: Conversation | None, origin: Application | None
) -> Application | None:
    """The rejected application the candidate comes from: the one named, the conversation's, else the latest."""
    if origin is not None:
        if origin.candidate_id != candidate.pk:
            raise PermissionDenied  # another person's application is never the origin
        return origin
    if source_conversation is not None:
        return source_conversation.application
    rejected = candidate.applications.filter(status=ApplicationStatus.REJECTED)
    return rejected.order_by("-closed_at", "-applied_at", "-pk").first()


def _check_referral(
    *, actor: Actor, candidate: Candidate, vacancy: Vacancy, source_conversation: Conversation | None
) -> None:
    if (
        not actor.has_role(*REFERRING_ROLES)
        or candidate.organisation_id != actor.organisation.pk
        or vacancy.organisation_id != actor.organisation.pk
    ):
        raise PermissionDenied
    if source_conversation is not None and source_conversation.candidate_id != candidate.pk:
        raise PermissionDenied  # a conversation with someone else (or another organisation's) is never the source
    if not consent_selectors.has_valid_consent(candidate=candidate, purpose=ConsentPurpose.REFERRAL):
        raise ValidationError(
            _(
                "%(name)s has not given permission to be passed on to a recruiter (or has withdrawn it). "
                "Without that permission you cannot refer them. You can ask for it in the conversation."
            ),
            params={"name": candidate.full_name},
            code="no_consent",
        )
    if vacancy.status != VacancyStatus.OPEN:
        raise ValidationError(_("You can only refer to an open vacancy."), code="vacancy_not_open")
    if not vacancy.recruiters.exists():
        raise ValidationError(_("This vacancy has no recruiter to answer a referral."), code="no_recruiter")
    if candidate.applications.filter(vacancy=vacancy).exists():
        raise ValidationError(
            _("%(name)s has already applied for this vacancy."), params={"name": candidate.full_name}, code="applied"
        )


@transaction.atomic
def refer_candidate(
    *,
    actor: Actor,
    candidate: Candidate,
    vacancy: Vacancy,
    note: str,
    explanation: str = "",
    source_conversation: Conversation | None = None,
    suggestion_log: SuggestionLog | None = None,
    origin_application: Application | None = None,
    now: datetime | None = None,
) -> Referral:
    """Refer ``candidate`` to the recruiters of ``vacancy``, with the advisor's note and the match explanation.

    Preconditions: ``actor`` is a career advisor of the candidate's and the vacancy's organisation
    (PermissionDenied otherwise). Raises ValidationError (code ``no_consent``; nothing saved) without a
    current REFERRAL consent, and for a vacancy that is not open, has no recruiter, or was applied to
    already. The recruiters get an e-mail; the answer is due in 5 working days. ``source_conversation``
    (a ``conversations.Conversation``) supplies the rejected application it came from, unless
    ``origin_application`` names it (the page the advisor referred from); else the latest. Locks the
    candidate row; idempotent: while a referral of this candidate to this vacancy is pending, it is
    returned unchanged.
    """
    now = now or timezone.now()
    Candidate.objects.select_for_update().filter(pk=candidate.pk).first()
    _check_referral(actor=actor, candidate=candidate, vacancy=vacancy, source_conversation=source_conversation)
    pending = Referral.objects.filter(candidate=candidate, vacancy=vacancy, status=ReferralStatus.PENDING).first()
    if pending is not None:
        return pending
    referral = Referral(
        organisation=actor.organisation,
        candidate=candidate,
        vacancy=vacancy,
        origin_application=_origin(candidate, source_conversation, origin_application),
        advisor=actor.user,
        source_conversation=source_conversation,
        note=note.strip(),
        explanation=explanation.strip(),
        suggestion_log=suggestion_log,
        created_at=now,
        respond_by=deadlines.respond_by(timezone.localdate(now)),
    )
    referral.full_clean(validate_constraints=False)
    referral.save()
    _audit(referral, action=AuditAction.CREATE, actor=actor, summary=f"Referred to vacancy {vacancy.reference}")
    emails.referral_received(referral)
    return referral


def _locked(referral: Referral) -> Referral:
    return (
        Referral.objects.select_for_update(of=("self",))
        .select_related("organisation", "candidate", "vacancy", "advisor")
        .get(pk=referral.pk)
    )


def _check_recruiter(actor: Actor, referral: Referral) -> None:
    is_recruiter = referral.vacancy.recruiters.filter(pk=actor.user.pk).exists()
    if referral.organisation_id != actor.organisation.pk or not is_recruiter:
        raise PermissionDenied
    if referral.status != ReferralStatus.PENDING:
        raise ValidationError(
            _("This referral was answered already (%(status)s)."), params={"status": referral.get_status_display()}
        )


@transaction.atomic
def accept_referral(*, actor: Actor, referral: Referral, stage: Stage, note: str = "") -> Referral:
    """Accept: a new application of the candidate in the referral's vacancy starts at ``stage``.

    The candidate's profile carries over (the same candidate row); the application is linked to the
    referral, and through it to the rejected application it came from. Preconditions: ``actor`` is a
    recruiter of the vacancy (PermissionDenied otherwise). Raises ValidationError (nothing changed) when
    the referral was answered already, the candidate's REFERRAL consent is no longer valid, the vacancy
    is filled or cancelled, or the stage is another vacancy's. The advisor and the candidate get an
    e-mail. Locks the referral row.
    """
    referral = _locked(referral)
    _check_recruiter(actor, referral)
    candidate = referral.candidate
    if not consent_selectors.has_valid_consent(candidate=candidate, purpose=ConsentPurpose.REFERRAL):
        raise ValidationError(
            _("%(name)s has withdrawn their permission; this referral can no longer be accepted."),
            params={"name": candidate.full_name},
        )
    if referral.vacancy.status not in ACCEPTING_STATUSES:
        raise ValidationError(_("This vacancy is filled or cancelled; the referral cannot be accepted."))
    advisor = referral.advisor.full_name if referral.advisor else _("a career advisor")
    text = _("Referred by %(advisor)s") % {"advisor": advisor}
    referral.application = application_services.start_application(
        candidate=candidate, vacancy=referral.vacancy, stage=stage, by=actor.user, note=f"{text}. {note}".strip()
    )
    _answer(referral, actor=actor, status=ReferralStatus.ACCEPTED)
    return referral


@transaction.atomic
def decline_referral(*, actor: Actor, referral: Referral, reason: str) -> Referral:
    """Decline, with a reason the advisor and the candidate read (on the candidate's page).

    Preconditions as ``accept_referral``. Raises ValidationError (nothing changed) for a reason shorter
    than 10 characters or a referral answered already. The advisor and the candidate get an e-mail.
    """
    referral = _locked(referral)
    _check_recruiter(actor, referral)
    reason = reason.strip()
    if len(reason) < MIN_DECLINE_REASON:
        raise ValidationError(
            {"reason": _("Say why you decline, in a sentence the candidate can understand.")}, code="reason"
        )
    referral.decline_reason = reason
    _answer(referral, actor=actor, status=ReferralStatus.DECLINED)
    return referral


def _answer(referral: Referral, *, actor: Actor, status: ReferralStatus) -> None:
    referral.status = status
    referral.responded_at = timezone.now()
    referral.responded_by = actor.user
    referral.full_clean(validate_constraints=False)
    referral.save()
    _audit(referral, action=AuditAction.UPDATE, actor=actor, summary=f"Referral {status.value}")
    emails.referral_answered(referral)
    emails.referral_outcome(referral)


@transaction.atomic
def withdraw_referral(*, referral: Referral, cause: WithdrawalCause, actor: Actor | None = None) -> Referral:
    """Take back a pending referral: by its advisor (``actor``), or by the sweep (consent gone, vacancy closed).

    An advisor may withdraw only their own referrals (PermissionDenied otherwise). Idempotent: a
    referral that is no longer pending is returned unchanged. No e-mail: nothing is asked of anyone.
    """
    referral = _locked(referral)
    if actor is not None and (
        referral.advisor_id != actor.user.pk or referral.organisation_id != actor.organisation.pk
    ):
        raise PermissionDenied
    if referral.status != ReferralStatus.PENDING:
        return referral
    referral.status = ReferralStatus.WITHDRAWN
    referral.withdrawal_cause = cause
    referral.responded_at = timezone.now()
    referral.save(update_fields=["status", "withdrawal_cause", "responded_at"])
    _audit(referral, action=AuditAction.UPDATE, actor=actor, summary=f"Referral withdrawn ({cause.value})")
    return referral


def record_referral_viewed(*, actor: Actor, referral: Referral) -> None:
    """Log that the actor opened this referral (it shows the candidate's data)."""
    _audit(referral, action=AuditAction.VIEW, actor=actor, summary=f"Referral to {referral.vacancy.reference} opened")
