"""Erasing candidate files when their retention date has passed, and pruning old logs.

Runs as a housekeeping sweep (every minute in ``nagesprek worker`` and ``nagesprek demo``); each
candidate is erased in its own transaction with its row locked, so several workers never erase twice
and a failure leaves the other files to the next round.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from nagesprek.accounts.models import User
from nagesprek.audit.constants import AuditAction
from nagesprek.audit.models import AuditEvent
from nagesprek.audit.services import record_event
from nagesprek.candidates.models import Candidate
from nagesprek.emails.models import OutboxMessage
from nagesprek.matching.index import refresh_candidate_on_commit
from nagesprek.matching.models_log import SUGGESTION_LOG_RETENTION_DAYS, SuggestionLog
from nagesprek.retention import selectors
from nagesprek.retention.constants import ErasureReason
from nagesprek.retention.models import Erasure

logger = logging.getLogger(__name__)

BATCH = 200  # files erased per sweep; the next minute takes the rest


def _delete_file(name: str) -> None:
    try:
        default_storage.delete(name)
    except OSError:  # already gone or unreadable storage: the row is erased either way
        logger.warning("Could not delete stored file %s of an erased candidate", name)


def _reason(candidate: Candidate) -> ErasureReason:
    # A consent that ever existed but no longer holds is why the file lived this long.
    if candidate.consents.exists() and getattr(candidate, "consent_until", None) is None:
        return ErasureReason.CONSENT_ENDED
    return ErasureReason.RETENTION_PASSED


def _erase(
    *, candidate: Candidate, reason: ErasureReason, due_at: datetime, now: datetime, user: User | None
) -> Erasure:
    erasure = Erasure(
        organisation_id=candidate.organisation_id,
        candidate_id=candidate.pk,
        reason=reason,
        due_at=due_at,
        erased_at=now,
        applications=candidate.applications.count(),
        messages=OutboxMessage.objects.filter(candidate_id=candidate.pk).count(),
    )
    erasure.full_clean()
    erasure.save()
    OutboxMessage.objects.filter(candidate_id=candidate.pk).delete()
    if candidate.cv_file.name:
        transaction.on_commit(partial(_delete_file, candidate.cv_file.name))
    record_event(
        organisation=candidate.organisation,
        action=AuditAction.DELETE,
        target=candidate,
        candidate_id=candidate.pk,
        user=user,
        summary=f"File erased: {erasure.get_reason_display()}",
    )
    candidate.delete()
    refresh_candidate_on_commit(erasure.candidate_id)
    return erasure


@transaction.atomic
def erase_candidate(*, candidate_id: int, now: datetime | None = None) -> Erasure | None:
    """Erase one candidate's file if it is (still) due: profile, applications, letters, links, consents,
    everything else recorded about them, outbox copies of their e-mails and the stored CV file.

    Locks the candidate row first and re-checks the due date inside the transaction, so a consent given
    a moment ago, or a second worker erasing the same file, makes this a no-op (returns None).
    What stays: the audit log and the suggestion log (by id only, kept for their own periods) and
    an ``Erasure`` record without personal data.
    """
    now = now or timezone.now()
    if not Candidate.objects.select_for_update().filter(pk=candidate_id).exists():
        return None
    candidate = selectors.candidates_with_due_dates(now=now).filter(pk=candidate_id, due_at__lte=now).first()  # type: ignore[misc]
    if candidate is None:
        return None
    due_at = candidate.due_at  # type: ignore[attr-defined]
    return _erase(candidate=candidate, reason=_reason(candidate), due_at=due_at, now=now, user=None)


@transaction.atomic
def erase_candidate_on_request(*, candidate: Candidate, user: User, now: datetime | None = None) -> Erasure:
    """Erase a file now because the candidate asked (AVG art. 17), whatever its retention date.

    A person decided this (the privacy officer, ``user``); the caller checks their role. Ends any
    procedure the candidate was still in, since it cannot go on without their data.
    """
    now = now or timezone.now()
    locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
    return _erase(candidate=locked, reason=ErasureReason.REQUESTED, due_at=now, now=now, user=user)


def erase_due_candidates(*, now: datetime | None = None, limit: int = BATCH) -> int:
    """Erase up to ``limit`` files whose retention date has passed; returns how many were erased.

    Idempotent and safe to run from several workers at once (see ``erase_candidate``).
    """
    now = now or timezone.now()
    erased = 0
    for candidate in selectors.list_due_candidates(now=now, limit=limit):
        try:
            if erase_candidate(candidate_id=candidate.pk, now=now) is not None:
                erased += 1
        except Exception:  # one file that cannot be erased must not keep the others
            logger.exception("Erasing candidate %s failed; retried next round", candidate.pk)
    return erased


def prune_logs(*, now: datetime | None = None) -> int:
    """Delete suggestion-log rows past ``SUGGESTION_LOG_RETENTION_DAYS``, audit events past ``AUDIT_RETENTION_DAYS``."""
    now = now or timezone.now()
    suggestions, _ = SuggestionLog.objects.filter(
        created_at__lt=now - timedelta(days=SUGGESTION_LOG_RETENTION_DAYS)
    ).delete()
    audit, _ = AuditEvent.objects.filter(created_at__lt=now - timedelta(days=settings.AUDIT_RETENTION_DAYS)).delete()
    return suggestions + audit


def run_retention(*, now: datetime | None = None) -> int:
    """The housekeeping sweep: erase what is due, then prune the logs. Returns rows erased or pruned."""
    return erase_due_candidates(now=now) + prune_logs(now=now)
